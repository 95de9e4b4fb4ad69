//! The `hasila` command line: parses flags and calls the library.

use std::io::{self, BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use chrono::{NaiveDate, Weekday};
use clap::{Parser, Subcommand};
use hasila::export::Format;
use hasila::input::CsvColumns;
use hasila::lexicon;
use hasila::pipeline::{self, Summary};
use hasila::report;

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
        /// Files (.txt .md .html .jsonl .csv), folders (read recursively) or `-` for
        /// standard input (JSON Lines, or one plain-text article).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
        /// Write here instead of standard output (replaced only when the run completes).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// A rules file to use instead of the built-in one.
        #[arg(long)]
        rules: Option<PathBuf>,
        /// CSV input: the column holding the article id.
        #[arg(long, default_value = "id")]
        id_column: String,
        /// CSV input: the column holding the text.
        #[arg(long, default_value = "text")]
        text_column: String,
        /// CSV input: the column holding the publication date (YYYY-MM-DD).
        #[arg(long, default_value = "date")]
        date_column: String,
    },
    /// Weekly tables, spreadsheet, charts and an HTML page.
    Report {
        /// Articles, as for `extract` (or none with `--mentions`).
        inputs: Vec<PathBuf>,
        /// The report folder (replaced as a whole when the report is complete).
        #[arg(long)]
        out: PathBuf,
        /// Aggregate mentions written by `extract` (JSON Lines) instead of reading articles.
        #[arg(long)]
        mentions: Vec<PathBuf>,
        /// First day of the week.
        #[arg(long, value_enum, default_value = "saturday")]
        week_start: WeekStart,
        /// Only incidents on or after this date (YYYY-MM-DD).
        #[arg(long)]
        from: Option<NaiveDate>,
        /// Only incidents on or before this date (YYYY-MM-DD).
        #[arg(long)]
        to: Option<NaiveDate>,
        /// Add the HXL hashtag row to the CSV files, and weekly_wide.csv.
        #[arg(long)]
        hxl: bool,
        #[arg(long)]
        rules: Option<PathBuf>,
        #[arg(long, default_value = "id")]
        id_column: String,
        #[arg(long, default_value = "text")]
        text_column: String,
        #[arg(long, default_value = "date")]
        date_column: String,
    },
    /// Show how a text is read: normalised text, numbers, and what fired.
    Explain {
        /// The text to explain.
        text: String,
        /// A rules file to use instead of the built-in one.
        #[arg(long)]
        rules: Option<PathBuf>,
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

/// mimalloc: extraction allocates many small, short-lived vectors and strings per article on
/// every core, where it is markedly faster than the system allocator (see README, speed);
/// asked for plain blocks wherever they are aligned enough (see `hasila::alloc`).
#[global_allocator]
static GLOBAL: hasila::alloc::MiMalloc = hasila::alloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Numbers { file } => numbers(file),
        Command::Explain { text, rules } => explain(&text, rules.as_deref()),
        Command::Extract {
            inputs,
            format,
            output,
            rules,
            id_column,
            text_column,
            date_column,
        } => {
            let cols = CsvColumns {
                id: id_column,
                text: text_column,
                date: date_column,
            };
            return extract(&inputs, format, output.as_deref(), rules.as_deref(), &cols);
        }
        Command::Rules { check } => return rules(check.as_deref()),
        Command::Report {
            inputs,
            out,
            mentions,
            week_start,
            from,
            to,
            hxl,
            rules,
            id_column,
            text_column,
            date_column,
        } => {
            if inputs.is_empty() && mentions.is_empty() {
                eprintln!("hasila: report needs articles (INPUT...) or --mentions FILE");
                return ExitCode::from(2);
            }
            let cols = CsvColumns {
                id: id_column,
                text: text_column,
                date: date_column,
            };
            let opts = report::Options {
                week_start: match week_start {
                    WeekStart::Saturday => Weekday::Sat,
                    WeekStart::Monday => Weekday::Mon,
                },
                from,
                to,
                hxl,
            };
            return report(&inputs, &mentions, &out, rules.as_deref(), &cols, &opts);
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

#[derive(Clone, Copy, clap::ValueEnum)]
enum WeekStart {
    Saturday,
    Monday,
}

fn report(
    inputs: &[PathBuf],
    mention_files: &[PathBuf],
    out: &Path,
    rules: Option<&Path>,
    cols: &CsvColumns,
    opts: &report::Options,
) -> ExitCode {
    let run = || -> anyhow::Result<(Summary, report::Written)> {
        // Mentions stream into the report as they are read or extracted.
        let mut r = report::Report::create(out, opts)?;
        let mut summary = Summary::default();
        for f in mention_files {
            let (n, failed) = pipeline::for_each_stored_mention(f, &mut io::stderr(), |m| {
                r.push(m)?;
                Ok::<(), anyhow::Error>(())
            })?;
            summary.mentions += n;
            summary.failed += failed;
            summary.documents += 1;
        }
        if !inputs.is_empty() {
            let lex = pipeline::load_rules(rules)?;
            let mut failure = None;
            let s = pipeline::for_each_mention(inputs, lex, cols, &mut io::stderr(), |m| {
                if failure.is_none()
                    && let Err(e) = r.push(m)
                {
                    failure = Some(e);
                }
                Ok(())
            })?;
            if let Some(e) = failure {
                return Err(e.into());
            }
            summary.documents += s.documents;
            summary.mentions += s.mentions;
            summary.failed += s.failed;
            summary.skipped += s.skipped;
        }
        let written = r.finish()?;
        Ok((summary, written))
    };
    match run() {
        Ok((s, w)) => {
            eprintln!("{}", s.line());
            report::summary(&w, out, &mut io::stderr());
            if s.incomplete() {
                ExitCode::from(3)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("hasila: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Exit status per SPEC: 0 all read, 1 nothing could be done, 3 some inputs failed.
fn extract(
    inputs: &[PathBuf],
    format: Format,
    output: Option<&Path>,
    rules: Option<&Path>,
    cols: &CsvColumns,
) -> ExitCode {
    let run = || -> anyhow::Result<Summary> {
        let lex = pipeline::load_rules(rules)?;
        Ok(pipeline::extract(
            inputs,
            format,
            output,
            lex,
            cols,
            &mut io::stderr(),
        )?)
    };
    match run() {
        Ok(s) => {
            eprintln!("{}", s.line());
            if s.failed > 0 && s.documents == 0 {
                ExitCode::from(1)
            } else if s.incomplete() {
                ExitCode::from(3)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hasila: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// `rules`: list the built-in rules, or check a file (exit 1 with line and reason if bad).
fn rules(check: Option<&Path>) -> ExitCode {
    match pipeline::load_rules(check) {
        Ok(lex) => {
            let mut out = io::stdout().lock();
            if let Some(p) = check {
                let _ = writeln!(out, "{}: ok, {} rules", p.display(), lex.rules().len());
                return ExitCode::SUCCESS;
            }
            for (id, kind, words) in lex.rules() {
                let _ = writeln!(
                    out,
                    "{id}\t{}\t{}",
                    lexicon::kind_name(kind),
                    words.join("، ")
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("hasila: {e}");
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

fn explain(text: &str, rules: Option<&Path>) -> anyhow::Result<()> {
    let lex = pipeline::load_rules(rules)?;
    let mut out = io::stdout().lock();
    out.write_all(hasila::explain::explain(text, lex).as_bytes())?;
    Ok(())
}
