//! `hasila explain`: how a text is read.

use std::io::{self, Write};

use hasila::pipeline;

use super::{Outcome, RulesArg};

/// Show how a text is read: normalised text, numbers, and what fired.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The text to explain.
    text: String,
    #[command(flatten)]
    rules: RulesArg,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let lex = pipeline::load_rules(args.rules.rules.as_deref())?;
    let mut out = io::stdout().lock();
    out.write_all(hasila::explain::explain(&args.text, lex).as_bytes())?;
    Ok(Outcome::Done)
}
