//! `hasila report`: weekly tables, spreadsheet, charts and an HTML page, from articles or
//! from mentions already extracted.

use std::io;
use std::path::PathBuf;

use chrono::{NaiveDate, Weekday};
use hasila::pipeline::{self, Summary};
use hasila::report::{self, Report};

use super::{CsvArgs, Outcome, RulesArg};

/// Weekly tables, spreadsheet, charts and an HTML page.
#[derive(clap::Args, Debug)]
pub struct Args {
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
    #[command(flatten)]
    rules: RulesArg,
    #[command(flatten)]
    csv: CsvArgs,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum WeekStart {
    Saturday,
    Monday,
}

impl Args {
    /// Bad usage clap cannot see: nothing to report on.
    pub fn check(&self) -> Result<(), &'static str> {
        if self.inputs.is_empty() && self.mentions.is_empty() {
            return Err("report needs articles (INPUT...) or --mentions FILE");
        }
        if let (Some(from), Some(to)) = (self.from, self.to)
            && from > to
        {
            return Err("--from is later than --to: no day is in that period");
        }
        Ok(())
    }
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let opts = report::Options {
        week_start: match args.week_start {
            WeekStart::Saturday => Weekday::Sat,
            WeekStart::Monday => Weekday::Mon,
        },
        from: args.from,
        to: args.to,
        hxl: args.hxl,
    };
    // Mentions stream into the report as they are read or extracted.
    let mut r = Report::create(&args.out, &opts)?;
    let mut summary = Summary::default();
    for f in &args.mentions {
        summary += pipeline::run_stored(f, &mut r, &mut io::stderr())?;
    }
    if !args.inputs.is_empty() {
        let lex = pipeline::load_rules(args.rules.rules.as_deref())?;
        let cols = args.csv.columns();
        summary += pipeline::run(&args.inputs, lex, &cols, &mut r, &mut io::stderr())?;
    }
    // A report of nothing read would say "0 killed" as if it were a finding: none is
    // written, and the folder there stays as it was.
    if summary.documents == 0 {
        eprintln!("{}", summary.line());
        drop(r);
        anyhow::bail!("no article was read from the inputs: no report written");
    }
    let spinner = pipeline::phase("merging incidents, writing tables, charts and the page");
    let written = r.finish();
    spinner.finish_and_clear();
    let written = written?;
    eprintln!("{}", summary.line());
    report::summary(&written, &args.out, &mut io::stderr());
    Ok(Outcome::Run(summary))
}
