//! `hasila extract`: casualty mentions from articles, as JSON Lines or CSV.

use std::io;
use std::path::PathBuf;

use hasila::export::Format;
use hasila::pipeline;

use super::{CsvArgs, Outcome, RulesArg};

/// Casualty mentions from articles, as JSON Lines or CSV.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files (.txt .md .html .jsonl .csv), folders (read recursively) or `-` for
    /// standard input (JSON Lines, or one plain-text article).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// Write here instead of standard output (replaced only when the run completes).
    #[arg(short, long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    rules: RulesArg,
    #[command(flatten)]
    csv: CsvArgs,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let lex = pipeline::load_rules(args.rules.rules.as_deref())?;
    let cols = args.csv.columns();
    let summary = pipeline::extract(
        &args.inputs,
        args.format,
        args.output.as_deref(),
        lex,
        &cols,
        &mut io::stderr(),
    )?;
    eprintln!("{}", summary.line());
    Ok(Outcome::Run(summary))
}
