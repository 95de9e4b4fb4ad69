//! The subcommands, one file each: its flags, its usage text, and the library calls it
//! makes. What they share is here: the argument groups, and the one mapping from a run's
//! outcome to the exit status SPEC gives.

pub mod explain;
pub mod extract;
pub mod numbers;
pub mod report;
pub mod rules;

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use hasila::input::CsvColumns;
use hasila::pipeline::Summary;

/// The columns of CSV input, for every command that reads articles.
#[derive(clap::Args, Debug)]
pub struct CsvArgs {
    /// CSV input: the column holding the article id.
    #[arg(long, default_value = "id")]
    id_column: String,
    /// CSV input: the column holding the text.
    #[arg(long, default_value = "text")]
    text_column: String,
    /// CSV input: the column holding the publication date (YYYY-MM-DD).
    #[arg(long, default_value = "date")]
    date_column: String,
}

impl CsvArgs {
    pub fn columns(self) -> CsvColumns {
        CsvColumns {
            id: self.id_column,
            text: self.text_column,
            date: self.date_column,
        }
    }
}

/// The rules file, for every command that extracts.
#[derive(clap::Args, Debug)]
pub struct RulesArg {
    /// A rules file to use instead of the built-in one.
    #[arg(long)]
    pub rules: Option<PathBuf>,
}

/// How a command ended.
pub enum Outcome {
    /// A run over inputs: its summary line is printed, and its failures decide the status.
    Run(Summary),
    /// Work without inputs to account for (`explain`, `numbers`, `rules`).
    Done,
}

/// Exit status per SPEC: 0 all read (or nothing to read), 1 nothing could be done, 2 bad
/// usage (clap's own, or [`usage`]), 3 some inputs failed. A reader of standard output that
/// went away (`| head`) is no failure.
pub fn exit(result: anyhow::Result<Outcome>) -> ExitCode {
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Run(s)) if s.failed > 0 && s.documents == 0 => ExitCode::from(1),
        Ok(Outcome::Run(s)) if s.incomplete() => ExitCode::from(3),
        Ok(Outcome::Run(_)) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hasila: {}", hasila::pipeline::printable(&format!("{e:#}")));
            ExitCode::from(1)
        }
    }
}

/// Bad usage that clap cannot see: said on stderr, status 2.
pub fn usage(message: &str) -> ExitCode {
    eprintln!("hasila: {message}");
    ExitCode::from(2)
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
