//! `hasila numbers`: every number expression in each line, as JSON Lines.

use std::io::{self, BufRead, BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context as _;

use super::Outcome;

/// Every number expression in each line, as JSON Lines.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// A file, or `-` (the default) for standard input.
    file: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let name = args
        .file
        .as_ref()
        .map_or_else(|| "-".to_string(), |p| p.display().to_string());
    let reader: Box<dyn BufRead> = match &args.file {
        Some(p) if p.as_os_str() != "-" => Box::new(io::BufReader::new(
            std::fs::File::open(p).with_context(|| format!("cannot open {name}"))?,
        )),
        _ => Box::new(io::stdin().lock()),
    };
    hasila::numbers::cli::write_lines(reader, &mut out)
        .with_context(|| format!("reading {name}"))?;
    out.flush()?;
    Ok(Outcome::Done)
}
