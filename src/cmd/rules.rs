//! `hasila rules`: list the constructions and the rules, or check a rules file.

use std::io::{self, Write};
use std::path::PathBuf;

use hasila::extract::constructions;
use hasila::{lexicon, pipeline};

use super::Outcome;

/// List the rules, or check a rules file.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Check this rules file (its first error, with its line number, exits 1).
    #[arg(long)]
    check: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let lex = pipeline::load_rules(args.check.as_deref())?;
    let mut out = io::stdout().lock();
    if let Some(p) = &args.check {
        writeln!(out, "{}: ok, {} rules", p.display(), lex.rules().len())?;
        return Ok(Outcome::Done);
    }
    // The constructions first (a mention's rule is `construction:words`), then the words.
    for c in constructions::ALL {
        writeln!(out, "{}\tconstruction\t{}", c.id, c.what)?;
    }
    for (id, kind, words) in lex.rules() {
        writeln!(
            out,
            "{id}\t{}\t{}",
            lexicon::kind_name(kind),
            words.join("، ")
        )?;
    }
    Ok(Outcome::Done)
}
