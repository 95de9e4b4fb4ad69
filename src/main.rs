//! The `hasila` command line: parses flags and calls the library.

use std::io::{self, BufRead, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

/// hasila (حصيلة): casualty figures from Arabic news, each with the words that state it.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Casualty mentions from articles, as JSON Lines or CSV.
    Extract {
        /// Files, folders (read recursively) or `-` for standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[arg(long, default_value = "jsonl")]
        format: String,
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Weekly tables, spreadsheet, charts and an HTML page.
    Report {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Show how a text is read: normalised text, numbers, and what fired.
    Explain {
        /// The text to explain.
        text: String,
    },
    /// Every number expression in each line, as JSON Lines.
    Numbers {
        /// A file, or `-` (the default) for standard input.
        file: Option<PathBuf>,
    },
    /// List the rules, or check a rules file.
    Rules {
        #[arg(long)]
        check: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Numbers { file } => numbers(file),
        Command::Explain { text } => explain(&text),
        Command::Extract { .. } | Command::Report { .. } | Command::Rules { .. } => {
            eprintln!("hasila: this subcommand is not implemented yet");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hasila: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

fn numbers(file: Option<PathBuf>) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let name = file
        .as_ref()
        .map_or_else(|| "-".to_string(), |p| p.display().to_string());
    let reader: Box<dyn BufRead> = match &file {
        Some(p) if p.as_os_str() != "-" => Box::new(io::BufReader::new(
            std::fs::File::open(p).with_context(|| format!("cannot open {name}"))?,
        )),
        _ => Box::new(io::stdin().lock()),
    };
    hasila::numbers::cli::write_lines(reader, &mut out)
        .with_context(|| format!("reading {name}"))?;
    out.flush()?;
    Ok(())
}

fn explain(text: &str) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    out.write_all(hasila::explain::explain(text).as_bytes())?;
    Ok(())
}
