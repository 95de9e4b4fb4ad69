//! `hasila report`: the files an analyst forwards at the end of the week.
//!
//! Mentions stream in ([`Report::push`]); each article is reduced to its events and running
//! totals, which wait on disk ([`stream`]). At the end the events are merged into incidents
//! by date, and each settled incident goes at once to the incidents table, the weekly sums
//! (polars) and the page's sections. Then the weekly table ([`tables`]), the spreadsheet
//! ([`xlsx`]), the charts ([`charts`], drawn by [`plot`]) and the page ([`html`]) are
//! written, their Arabic words from one table ([`labels`]).
//!
//! Everything is written into a fresh folder beside `--out` and switched into place at the
//! end ([`folder`]), so the report folder is either complete or untouched, and `--out` is
//! refused when it holds anything but a report.

pub mod charts;
pub mod folder;
pub mod html;
pub mod labels;
pub mod plot;
pub mod stream;
pub mod tables;
pub mod xlsx;

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Weekday};
use rust_xlsxwriter::XlsxError;

use crate::aggregate::{self, GroupKey, Incident};
use crate::export::{inert_row, mention_row};
use crate::record::{Category, Group, Mention};
use crate::sink::{Sink, SinkError};
use crate::spill::SortedSpill;
use stream::{EventRecord, QuoteFile};
use tables::CsvFile;

/// How to build a report.
#[derive(Debug, Clone)]
pub struct Options {
    pub week_start: Weekday,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub hxl: bool,
}

/// Why a report could not be written. Each says what failed; its cause is its `source`,
/// printed after it by the command line.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("{path}")]
    Io { path: String, source: io::Error },
    #[error("tables")]
    Polars(#[from] polars::prelude::PolarsError),
    #[error("tables: {0}")]
    Weekly(String),
    #[error("spreadsheet")]
    Xlsx(#[from] XlsxError),
    #[error(transparent)]
    Chart(#[from] plot::ChartError),
    /// `--out` holds something a report must not replace.
    #[error("{path}: {why}; a report replaces only an empty folder or an earlier report")]
    Refused { path: String, why: &'static str },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> ReportError + '_ {
    move |source| ReportError::Io {
        path: path.display().to_string(),
        source,
    }
}

fn csv_err(path: &Path) -> impl FnOnce(csv::Error) -> ReportError + '_ {
    move |e| ReportError::Io {
        path: path.display().to_string(),
        source: io::Error::other(e.to_string()),
    }
}

/// What a report holds, for the summary line and tests.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Written {
    pub incidents: usize,
    pub weeks: usize,
    pub undated: usize,
    pub files: Vec<String>,
}

/// `SOURCE_DATE_EPOCH` (seconds since 1970), when it is set: reproducible builds use it,
/// and the report takes its times from it so the same articles make the same files.
fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
}

/// The day the report is made: that of [`source_date_epoch`] when it is set, else today.
fn made_on() -> NaiveDate {
    let now = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
    };
    let t = source_date_epoch().unwrap_or_else(now);
    chrono::DateTime::from_timestamp(t, 0).map_or(NaiveDate::MIN, |t| t.date_naive())
}

/// Build every file of the report from the mentions (in document order), into `out`.
pub fn write(
    mentions: impl IntoIterator<Item = Mention>,
    out: &Path,
    opts: &Options,
) -> Result<Written, ReportError> {
    let mut r = Report::create(out, opts)?;
    for m in mentions {
        r.push(m)?;
    }
    r.finish()
}

/// A report being built from mentions that stream past in document order (as `extract`
/// writes them). Memory does not grow with the corpus: the mentions table goes straight to
/// disk; each article is reduced to its events and the running totals it states, which wait
/// on disk too (sorted runs, see [`SortedSpill`]), their quotes in a file of their own. At
/// the end, events are read back by date and merged into incidents two days at a time, and
/// each settled incident is written out at once.
///
/// Everything is written into a fresh folder beside `out`, renamed into place by
/// [`Report::finish`]; a report dropped unfinished removes its folder.
pub struct Report {
    out: PathBuf,
    tmp: PathBuf,
    /// `out` claimed for this run; `None` once the report is in place.
    claim: Option<folder::Claim>,
    opts: Options,
    /// `mentions.csv` in `tmp`, written as mentions arrive.
    mentions_path: PathBuf,
    mentions_csv: CsvFile,
    /// `excluded.csv` in `tmp`: every mention in no incident, with why; handed to the
    /// incidents' pass at the end for those left out by `--from`/`--to`.
    excluded_path: PathBuf,
    excluded_csv: CsvFile,
    /// The parts of the page written as the run goes (its excluded table first); `None`
    /// once [`build`] has taken them.
    sections: Option<html::Sections>,
    /// The mentions of the document being read.
    doc: Vec<Mention>,
    /// Where events, totals and quotes wait: a folder in `tmp`, removed before the end.
    spill: PathBuf,
    events: SortedSpill<EventRecord, (NaiveDate, bool)>,
    quotes: QuoteFile,
    /// Each article's latest running totals, by article and subject.
    cumulative: SortedSpill<Mention, TotalsKey>,
    undated: usize,
    mentions: usize,
}

/// Events and totals held in memory before a sorted run goes to disk.
const SPILL_RUN: usize = 1 << 14;

/// The order of the totals table: by article, governorate, category and group.
type TotalsKey = (String, Option<String>, Category, Group);

fn totals_key(m: &Mention) -> TotalsKey {
    (
        m.doc_id.clone(),
        m.admin1_pcode.clone(),
        m.category,
        m.group,
    )
}

impl Report {
    pub fn create(out: &Path, opts: &Options) -> Result<Report, ReportError> {
        Report::with_runs_of(out, opts, SPILL_RUN)
    }

    /// A report whose spills hold `run` records in memory before writing a run.
    fn with_runs_of(out: &Path, opts: &Options, run: usize) -> Result<Report, ReportError> {
        let claim = folder::claim(out)?;
        let tmp = claim.tmp.clone();
        let spill = tmp.join(".spill");
        fs::create_dir_all(&spill).map_err(io_err(&spill))?;
        let path = tmp.join("mentions.csv");
        let mentions_csv = tables::csv_file(&path, &tables::mentions_columns(), opts.hxl)?;
        let quotes = QuoteFile::create(spill.join("quotes.json")).map_err(io_err(&spill))?;
        let excluded_path = tmp.join("excluded.csv");
        let excluded_csv = tables::csv_file(&excluded_path, &tables::excluded_columns(), opts.hxl)?;
        Ok(Report {
            out: out.to_path_buf(),
            opts: opts.clone(),
            mentions_path: path,
            mentions_csv,
            excluded_path,
            excluded_csv,
            sections: Some(html::Sections::create(&spill)?),
            doc: Vec::new(),
            events: SortedSpill::new(&spill, "events", run, EventRecord::order),
            cumulative: SortedSpill::new(&spill, "totals", run, totals_key),
            quotes,
            spill,
            tmp,
            claim: Some(claim),
            undated: 0,
            mentions: 0,
        })
    }

    /// Take one mention. Mentions of one document come together.
    pub fn push(&mut self, m: Mention) -> Result<(), ReportError> {
        self.mentions_csv
            .write_record(inert_row(&mention_row(&m)))
            .map_err(csv_err(&self.mentions_path))?;
        self.mentions += 1;
        if self.doc.last().is_some_and(|d| d.doc_id != m.doc_id) {
            self.close_doc()?;
        }
        self.doc.push(m);
        Ok(())
    }

    /// Reduce the document read to its events and totals, and put them aside.
    fn close_doc(&mut self) -> Result<(), ReportError> {
        let doc = std::mem::take(&mut self.doc);
        for m in &doc {
            if let Some(why) = aggregate::left_out(m) {
                self.excluded_csv
                    .write_record(inert_row(&tables::excluded_row(m, why)))
                    .map_err(csv_err(&self.excluded_path))?;
                if let Some(sections) = self.sections.as_mut() {
                    sections.excluded(&html::ExcludedRow {
                        doc_id: &m.doc_id,
                        date: m.event_date.or(m.published),
                        admin1_pcode: m.admin1_pcode.as_deref(),
                        category: Some(m.category),
                        count: m.count,
                        low: m.low,
                        high: m.high,
                        quote: &m.quote,
                        why,
                    })?;
                }
            }
        }
        let (events, undated) = aggregate::article_events(&doc);
        self.undated += undated.len();
        let spill = self.spill.clone();
        for mut e in events {
            let span = self.quotes.put(&e.quotes).map_err(io_err(&spill))?;
            e.quotes = Vec::new();
            self.events
                .push(EventRecord::new(e, span))
                .map_err(io_err(&spill))?;
        }
        for m in aggregate::totals(&doc) {
            self.cumulative.push(m.clone()).map_err(io_err(&spill))?;
        }
        Ok(())
    }

    /// Write every other file and put the folder in place.
    pub fn finish(mut self) -> Result<Written, ReportError> {
        self.close_doc()?;
        self.mentions_csv
            .flush()
            .map_err(io_err(&self.mentions_path))?;
        let result = build(&mut self);
        let w = result?;
        fs::remove_dir_all(&self.spill).map_err(io_err(&self.spill))?;
        if let Some(claim) = self.claim.take() {
            claim.install()?;
        }
        Ok(w)
    }
}

/// The report takes the mentions as they are, on the thread that reads.
impl Sink for Report {
    type Piece = Vec<Mention>;
    type Settings = ();

    fn settings(&self) {}

    fn prepare((): (), mentions: Vec<Mention>) -> Vec<Mention> {
        mentions
    }

    fn take(&mut self, pieces: Vec<Vec<Mention>>) -> Result<(), SinkError> {
        for m in pieces.into_iter().flatten() {
            self.push(m)
                .map_err(|e| SinkError::new(self.out.display().to_string(), e))?;
        }
        Ok(())
    }
}

impl Drop for Report {
    fn drop(&mut self) {
        // Gone already when finished; an unfinished report leaves nothing behind.
        if self.claim.is_some() {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Where settled incidents go, one at a time: the incidents table, the weekly sums, the
/// page's sections, and the figures the page's head and charts need.
struct Settled<'r> {
    opts: Options,
    path: PathBuf,
    csv: CsvFile,
    weekly: aggregate::Weekly,
    sections: html::Sections,
    excluded: &'r mut CsvFile,
    excluded_path: PathBuf,
    n: usize,
    cards: [u64; 4],
    /// Killed per governorate, by Arabic name, for the chart.
    killed_by_gov: BTreeMap<String, u64>,
}

impl Settled<'_> {
    /// Take a settled incident, or (`unmatched`) a revision that revised none.
    fn take(&mut self, i: Incident, unmatched: bool) -> Result<(), ReportError> {
        if unmatched {
            return self.exclude(&i, aggregate::LeftOut::Cumulative);
        }
        if !aggregate::within(i.event_date, self.opts.from, self.opts.to) {
            return self.exclude(&i, aggregate::LeftOut::OutsidePeriod);
        }
        let n = self.n;
        self.n += 1;
        self.csv
            .write_record(inert_row(&tables::incident_row(n, &i)))
            .map_err(csv_err(&self.path))?;
        self.weekly.add(&i)?;
        for (card, (c, g)) in self.cards.iter_mut().zip(html::CARDS) {
            *card += i.figure(c, g).map_or(0, |f| f.count);
        }
        if let Some(f) = i.figure(Category::Killed, GroupKey::All) {
            let gov = labels::admin1(i.admin1_pcode.as_deref().unwrap_or(""));
            *self.killed_by_gov.entry(gov.to_string()).or_default() += f.count;
        }
        let week = aggregate::week_start(i.event_date, self.opts.week_start);
        self.sections.incident(n, week, &i)
    }

    /// The mentions of an incident (or an unmatched revision) that stay out of the tables,
    /// listed with `why` in `excluded.csv` and on the page.
    fn exclude(&mut self, i: &Incident, why: aggregate::LeftOut) -> Result<(), ReportError> {
        for row in tables::excluded_incident_rows(i, why) {
            self.excluded
                .write_record(inert_row(&row))
                .map_err(csv_err(&self.excluded_path))?;
        }
        for (doc, quote) in &i.quotes {
            self.sections.excluded(&html::ExcludedRow {
                doc_id: doc,
                date: Some(i.event_date),
                admin1_pcode: i.admin1_pcode.as_deref(),
                category: None,
                count: None,
                low: None,
                high: None,
                quote,
                why,
            })?;
        }
        Ok(())
    }
}

/// Write every file of the report into its folder.
fn build(r: &mut Report) -> Result<Written, ReportError> {
    let (dir, opts) = (r.tmp.clone(), r.opts.clone());
    let mut quotes = r.quotes.reader().map_err(io_err(&r.spill))?;
    let incidents_path = dir.join("incidents.csv");
    let mut settled = Settled {
        csv: tables::csv_file(&incidents_path, &tables::incidents_columns(), opts.hxl)?,
        path: incidents_path.clone(),
        weekly: aggregate::Weekly::new(opts.week_start),
        sections: match r.sections.take() {
            Some(sections) => sections,
            None => html::Sections::create(&r.spill)?,
        },
        excluded: &mut r.excluded_csv,
        excluded_path: r.excluded_path.clone(),
        opts: opts.clone(),
        n: 0,
        cards: [0; 4],
        killed_by_gov: BTreeMap::new(),
    };
    stream::merge(&mut r.events, &r.spill, &mut quotes, |i, unmatched| {
        settled.take(i, unmatched)
    })?;
    let Settled {
        mut csv,
        weekly,
        mut sections,
        excluded,
        excluded_path,
        n: incident_count,
        cards,
        killed_by_gov,
        ..
    } = settled;
    csv.flush().map_err(io_err(&incidents_path))?;
    excluded.flush().map_err(io_err(&excluded_path))?;
    let weekly = tables::weekly_rows(&weekly.finish()?)?;

    let totals_path = dir.join("totals.csv");
    let mut totals = tables::csv_file(&totals_path, &tables::totals_columns(), opts.hxl)?;
    for m in r.cumulative.sorted().map_err(io_err(&r.spill))? {
        let m = m.map_err(io_err(&r.spill))?;
        totals
            .write_record(inert_row(&tables::totals_row(&m)))
            .map_err(csv_err(&totals_path))?;
        sections.total(&m)?;
    }
    totals.flush().map_err(io_err(&totals_path))?;

    let mut files: Vec<String> = ["mentions", "incidents"].map(|f| format!("{f}.csv")).into();
    let weekly_table: tables::Rows = weekly.iter().map(tables::weekly_record).collect();
    let weekly_cols = tables::weekly_columns();
    tables::write_csv(
        &dir.join("weekly.csv"),
        &weekly_cols,
        &weekly_table,
        opts.hxl,
    )?;
    files.extend(["weekly.csv", "totals.csv", "excluded.csv"].map(String::from));
    if opts.hxl {
        let (cols, rows) = tables::weekly_wide(&weekly);
        tables::write_csv(&dir.join("weekly_wide.csv"), &cols, &rows, true)?;
        files.push("weekly_wide.csv".into());
    }

    let mut book = xlsx::Spreadsheet::default();
    let (pivot_cols, pivot_rows) = tables::pivot(&weekly);
    book.table("pivot", &pivot_cols, &pivot_rows)?;
    let mentions_cols = tables::mentions_columns();
    book.csv("mentions", &mentions_cols, &r.mentions_path, opts.hxl)?;
    book.csv(
        "incidents",
        &tables::incidents_columns(),
        &incidents_path,
        opts.hxl,
    )?;
    book.table("weekly", &weekly_cols, &weekly_table)?;
    book.csv("totals", &tables::totals_columns(), &totals_path, opts.hxl)?;
    book.save(&dir.join("casualties.xlsx"))?;
    files.push("casualties.xlsx".into());

    // The period the weekly tables cover: the one asked for, else their first to last week.
    let first = weekly.iter().map(|w| w.week_start).min();
    let last = weekly
        .iter()
        .map(|w| w.week_start + chrono::Duration::days(6))
        .max();
    let period = opts.from.or(first).zip(opts.to.or(last));
    let dates = period.map(|(a, z)| format!("{a} – {z}"));
    let note = plot::Note {
        words: if dates.is_some() {
            labels::SOURCE_AND_PERIOD
        } else {
            labels::SOURCE
        },
        ltr: dates.as_deref().unwrap_or(""),
    };
    let charts = charts::draw(&dir, &killed_by_gov, &weekly, &note)?;
    files.extend(charts.iter().map(|c| c.file.clone()));
    let head = html::Head {
        incidents: incident_count,
        mentions: r.mentions,
        undated: r.undated,
        cards,
        period,
        made: made_on(),
    };
    html::write(
        &dir.join("report.html"),
        &head,
        &dir,
        &charts,
        &weekly,
        sections,
    )?;
    files.push("report.html".into());
    Ok(Written {
        incidents: incident_count,
        weeks: tables::weeks_of(&weekly).len(),
        undated: r.undated,
        files,
    })
}

/// One line on what a report holds.
pub fn summary(w: &Written, out: &Path, err: &mut dyn io::Write) {
    let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    let _ = writeln!(
        err,
        "hasila: report in {}: {} over {}, {} left out; {}",
        crate::pipeline::printable(&out.display().to_string()),
        n(w.incidents, "incident", "incidents"),
        n(w.weeks, "week", "weeks"),
        n(w.undated, "undated mention", "undated mentions"),
        w.files.join(", ")
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::tests::m;

    fn mention(doc: &str, category: Category, count: u64) -> Mention {
        m(
            doc,
            category,
            Some(count),
            Group::Civilian,
            "2020-02-06",
            "SY0700",
        )
    }

    #[test]
    fn a_streamed_report_lists_every_mention_and_an_unfinished_one_leaves_nothing() {
        let dir = std::env::temp_dir().join(format!("hasila-report-unit-{}", std::process::id()));
        let out = dir.join("week");
        let opts = Options {
            week_start: Weekday::Mon,
            from: None,
            to: None,
            hxl: false,
        };
        {
            let mut r = Report::create(&out, &opts).unwrap();
            r.push(mention("a", Category::Killed, 3)).unwrap();
        }
        assert!(!out.exists());
        // Only the lock file of `--out` stays beside it.
        let left: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(left, [".week.lock"], "a folder was left");

        let ms = vec![
            mention("a", Category::Killed, 3),
            mention("a", Category::Wounded, 2),
            mention("b", Category::Killed, 3),
        ];
        let w = write(ms, &out, &opts).unwrap();
        let table = fs::read_to_string(out.join("mentions.csv")).unwrap();
        assert_eq!(table.lines().count(), 4, "{table}");
        // Two articles telling the same toll on the same day in the same governorate.
        assert_eq!(w.incidents, 1);
        let incidents = fs::read_to_string(out.join("incidents.csv")).unwrap();
        assert!(incidents.contains("a | b"), "{incidents}");
        assert_eq!(
            fs::read_dir(&dir).unwrap().count(),
            2,
            "only the report and its lock stay"
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    /// Events and totals sorted on disk in runs of two give the very files that sorting in
    /// memory gives.
    #[test]
    fn a_report_spilled_in_small_runs_is_the_same_report() {
        let dir = std::env::temp_dir().join(format!("hasila-report-runs-{}", std::process::id()));
        let opts = Options {
            week_start: Weekday::Sat,
            from: None,
            to: None,
            hxl: true,
        };
        let ms: Vec<Mention> = (0..60u64)
            .flat_map(|k| {
                let day = format!("2024-03-{:02}", 1 + k * 7 % 20);
                let mut a = m(
                    &format!("d{k}"),
                    Category::Killed,
                    Some(3 + k % 4),
                    Group::Civilian,
                    &day,
                    "SY0700",
                );
                a.quote = format!("quote {k}");
                let mut b = a.clone();
                b.category = Category::Wounded;
                b.scope = crate::record::Scope::Cumulative;
                [a, b]
            })
            .collect();
        let files = |run: usize, name: &str| {
            let out = dir.join(name);
            let mut r = Report::with_runs_of(&out, &opts, run).unwrap();
            for x in &ms {
                r.push(x.clone()).unwrap();
            }
            let w = r.finish().unwrap();
            let mut names: Vec<String> = fs::read_dir(&out)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            let texts: Vec<(String, Vec<u8>)> = names
                .into_iter()
                .filter(|n| n != "casualties.xlsx")
                .map(|n| (n.clone(), fs::read(out.join(&n)).unwrap()))
                .collect();
            (w, texts)
        };
        let (w1, in_memory) = files(1 << 20, "memory");
        let (w2, spilled) = files(2, "spilled");
        assert!(w1.incidents > 3, "{w1:?}");
        assert_eq!(w1, w2);
        assert_eq!(in_memory.len(), spilled.len());
        for ((n1, t1), (n2, t2)) in in_memory.iter().zip(&spilled) {
            assert_eq!(n1, n2);
            assert!(t1 == t2, "{n1} differs");
        }
        let totals =
            String::from_utf8_lossy(&spilled.iter().find(|(n, _)| n == "totals.csv").unwrap().1)
                .into_owned();
        assert_eq!(totals.lines().count(), 2 + 60, "{totals}");
        assert!(!dir.join("spilled").join(".spill").exists());
        fs::remove_dir_all(&dir).unwrap();
    }
}
