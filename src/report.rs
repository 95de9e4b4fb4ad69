//! `hasila report`: the files an analyst forwards at the end of the week.
//!
//! Everything is written into a fresh folder beside `--out` and renamed into place at the
//! end, so the report folder is either complete or untouched.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use base64::Engine as _;
use chrono::{NaiveDate, Weekday};
use polars::prelude::DataFrame;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::aggregate::{self, Figure, GroupKey, Incident};
use crate::charts::{self, Series};
use crate::export::mention_row;
use crate::record::{Category, FIELDS, Group, Mention};
use crate::spill::SortedSpill;

/// How to build a report.
#[derive(Debug, Clone)]
pub struct Options {
    pub week_start: Weekday,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub hxl: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("{path}: {source}")]
    Io { path: String, source: io::Error },
    #[error("tables: {0}")]
    Polars(#[from] polars::prelude::PolarsError),
    #[error("spreadsheet: {0}")]
    Xlsx(#[from] XlsxError),
    #[error(transparent)]
    Chart(#[from] charts::ChartError),
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> ReportError + '_ {
    move |source| ReportError::Io {
        path: path.display().to_string(),
        source,
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

/// Arabic names of the groups and categories, for charts and the page.
fn group_ar(g: GroupKey) -> &'static str {
    match g {
        GroupKey::All => "الكل",
        GroupKey::Group(Group::Civilian) => "مدنيون",
        GroupKey::Group(Group::Child) => "أطفال",
        GroupKey::Group(Group::Woman) => "نساء",
        GroupKey::Group(Group::Man) => "رجال",
        GroupKey::Group(Group::Combatant) => "مقاتلون",
        GroupKey::Group(Group::Unspecified) => "غير محدد",
    }
}

fn category_ar(c: Category) -> &'static str {
    match c {
        Category::Killed => "قتلى",
        Category::Wounded => "جرحى",
        Category::KilledOrWounded => "قتلى وجرحى",
    }
}

/// Arabic governorate names by P-code, from the gazetteer.
fn admin1_ar(pcode: &str) -> String {
    const NAMES: [(&str, &str); 14] = [
        ("SY01", "دمشق"),
        ("SY02", "حلب"),
        ("SY03", "ريف دمشق"),
        ("SY04", "حمص"),
        ("SY05", "حماة"),
        ("SY06", "اللاذقية"),
        ("SY07", "إدلب"),
        ("SY08", "الحسكة"),
        ("SY09", "دير الزور"),
        ("SY10", "طرطوس"),
        ("SY11", "الرقة"),
        ("SY12", "درعا"),
        ("SY13", "السويداء"),
        ("SY14", "القنيطرة"),
    ];
    NAMES
        .iter()
        .find(|(p, _)| *p == pcode)
        .map_or_else(|| "غير معروف".to_string(), |(_, n)| (*n).to_string())
}

/// A table as strings: header and rows, ready for CSV, XLSX and HTML.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub header: Vec<String>,
    /// HXL hashtags, one per column.
    pub hxl: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Columns that hold numbers.
    pub numeric: Vec<bool>,
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// The mentions table's header and HXL row; its rows are streamed, see [`Report`].
fn mentions_head() -> Table {
    let mut hxl = vec![String::new(); FIELDS.len()];
    for (i, h) in FIELDS.iter().enumerate() {
        hxl[i] = match *h {
            "doc_id" => "#meta+id",
            "category" => "#affected+type",
            "count" => "#affected+num",
            "group" => "#affected+group",
            "admin1" => "#adm1+name",
            "admin1_pcode" => "#adm1+code",
            "place" => "#loc+name",
            "pcode" => "#loc+code",
            "event_date" => "#date+occurred",
            "published" => "#date+reported",
            "quote" => "#description",
            _ => "",
        }
        .to_string();
    }
    let numeric = FIELDS
        .iter()
        .map(|h| matches!(*h, "count" | "low" | "high"))
        .collect();
    Table {
        header: strings(&FIELDS),
        hxl,
        rows: Vec::new(),
        numeric,
    }
}

fn opt(v: Option<u64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The (category, group) columns of incidents, in a fixed order.
fn figure_columns() -> Vec<(Category, GroupKey)> {
    let groups = [
        GroupKey::All,
        GroupKey::Group(Group::Civilian),
        GroupKey::Group(Group::Child),
        GroupKey::Group(Group::Woman),
        GroupKey::Group(Group::Man),
        GroupKey::Group(Group::Combatant),
        GroupKey::Group(Group::Unspecified),
    ];
    [
        Category::Killed,
        Category::Wounded,
        Category::KilledOrWounded,
    ]
    .into_iter()
    .flat_map(|c| groups.into_iter().map(move |g| (c, g)))
    .collect()
}

fn column_name(c: Category, g: GroupKey) -> String {
    match g {
        GroupKey::All => c.name().to_string(),
        GroupKey::Group(x) => format!("{}_{}", c.name(), x.name()),
    }
}

fn hxl_name(c: Category, g: GroupKey) -> String {
    let cat = match c {
        Category::Killed => "killed",
        Category::Wounded => "injured",
        Category::KilledOrWounded => "killed_injured",
    };
    match g {
        GroupKey::All => format!("#affected+{cat}"),
        GroupKey::Group(Group::Child) => format!("#affected+{cat}+children"),
        GroupKey::Group(Group::Woman) => format!("#affected+{cat}+f+adults"),
        GroupKey::Group(Group::Man) => format!("#affected+{cat}+m+adults"),
        GroupKey::Group(Group::Civilian) => format!("#affected+{cat}+civilians"),
        GroupKey::Group(Group::Combatant) => format!("#affected+{cat}+combatants"),
        GroupKey::Group(Group::Unspecified) => format!("#affected+{cat}+unspecified"),
    }
}

/// The incidents table's columns; rows come from [`incident_row`].
fn incidents_head() -> Table {
    let cols = figure_columns();
    let mut header = strings(&[
        "incident",
        "event_date",
        "admin1",
        "admin1_pcode",
        "place",
        "pcode",
        "weapon",
    ]);
    let mut hxl = strings(&[
        "#event+id",
        "#date+occurred",
        "#adm1+name",
        "#adm1+code",
        "#loc+name",
        "#loc+code",
        "#event+type",
    ]);
    let mut numeric = vec![false; header.len()];
    for (c, g) in &cols {
        header.push(column_name(*c, *g));
        hxl.push(hxl_name(*c, *g));
        numeric.push(true);
        header.push(format!("{}_low", column_name(*c, *g)));
        hxl.push(format!("{}+min", hxl_name(*c, *g)));
        numeric.push(true);
    }
    header.extend(strings(&["sources", "quotes"]));
    hxl.extend(strings(&["#meta+source", "#description"]));
    numeric.extend([false, false]);
    Table {
        header,
        hxl,
        rows: Vec::new(),
        numeric,
    }
}

/// Incident `n` (from 0) as a row of [`incidents_head`].
fn incident_row(n: usize, i: &Incident) -> Vec<String> {
    let mut r = vec![
        (n + 1).to_string(),
        i.event_date.to_string(),
        i.admin1.clone().unwrap_or_default(),
        i.admin1_pcode.clone().unwrap_or_default(),
        i.place.clone().unwrap_or_default(),
        i.pcode.clone().unwrap_or_default(),
        i.weapon.clone().unwrap_or_default(),
    ];
    for (c, g) in figure_columns() {
        match i.figure(c, g) {
            Some(f) if f.exact => {
                r.push(f.count.to_string());
                r.push(f.low.to_string());
            }
            Some(f) => {
                r.push(String::new());
                r.push(f.low.to_string());
            }
            None => {
                r.push(String::new());
                r.push(String::new());
            }
        }
    }
    r.push(i.sources.join(" | "));
    r.push(
        i.quotes
            .iter()
            .map(|(_, q)| q.as_str())
            .collect::<Vec<_>>()
            .join(" | "),
    );
    r
}

/// The weekly long table from polars into strings.
fn weekly_table(df: &DataFrame) -> Result<Table, ReportError> {
    let names = [
        "week_start",
        "admin1",
        "admin1_pcode",
        "category",
        "group",
        "count",
        "low",
        "high",
        "incidents",
    ];
    let mut rows = vec![Vec::with_capacity(names.len()); df.height()];
    for name in names {
        let col = df.column(name)?;
        if let Ok(s) = col.str() {
            for (r, row) in rows.iter_mut().enumerate() {
                row.push(s.get(r).unwrap_or("").to_string());
            }
        } else {
            let n = col.u64()?;
            for (r, row) in rows.iter_mut().enumerate() {
                row.push(n.get(r).map(|v| v.to_string()).unwrap_or_default());
            }
        }
    }
    Ok(Table {
        header: strings(&names),
        hxl: strings(&[
            "#date+week_start",
            "#adm1+name",
            "#adm1+code",
            "#affected+type",
            "#affected+group",
            "#affected+num",
            "#affected+num+min",
            "#affected+num+max",
            "#event+num",
        ]),
        numeric: names
            .iter()
            .map(|n| matches!(*n, "count" | "low" | "high" | "incidents"))
            .collect(),
        rows,
    })
}

/// One row per week × governorate, one column per category × group (HXL has no long form).
fn weekly_wide(weekly: &Table) -> Table {
    let cols = figure_columns();
    let mut cells: BTreeMap<(String, String, String), BTreeMap<String, String>> = BTreeMap::new();
    for r in &weekly.rows {
        let key = (r[0].clone(), r[1].clone(), r[2].clone());
        cells
            .entry(key)
            .or_default()
            .insert(format!("{}|{}", r[3], r[4]), r[5].clone());
    }
    let mut header = strings(&["week_start", "admin1", "admin1_pcode"]);
    let mut hxl = strings(&["#date+week_start", "#adm1+name", "#adm1+code"]);
    for (c, g) in &cols {
        header.push(column_name(*c, *g));
        hxl.push(hxl_name(*c, *g));
    }
    let rows = cells
        .into_iter()
        .map(|((w, a, p), v)| {
            let mut r = vec![w, a, p];
            for (c, g) in &cols {
                r.push(
                    v.get(&format!("{}|{}", c.name(), g.name()))
                        .cloned()
                        .unwrap_or_default(),
                );
            }
            r
        })
        .collect();
    let numeric = (0..header.len()).map(|i| i >= 3).collect();
    Table {
        header,
        hxl,
        rows,
        numeric,
    }
}

/// The totals table's columns; rows come from [`totals_row`].
fn totals_head() -> Table {
    Table {
        header: strings(&[
            "source",
            "published",
            "event_date",
            "admin1",
            "admin1_pcode",
            "category",
            "group",
            "count",
            "low",
            "high",
            "quote",
        ]),
        hxl: strings(&[
            "#meta+source",
            "#date+reported",
            "#date+occurred",
            "#adm1+name",
            "#adm1+code",
            "#affected+type",
            "#affected+group",
            "#affected+num+total",
            "#affected+num+min",
            "#affected+num+max",
            "#description",
        ]),
        numeric: vec![
            false, false, false, false, false, false, false, true, true, true, false,
        ],
        rows: Vec::new(),
    }
}

/// A cumulative statement as a row of [`totals_head`].
fn totals_row(m: &Mention) -> Vec<String> {
    vec![
        m.doc_id.clone(),
        m.published.map(|d| d.to_string()).unwrap_or_default(),
        m.event_date.map(|d| d.to_string()).unwrap_or_default(),
        m.admin1.clone().unwrap_or_default(),
        m.admin1_pcode.clone().unwrap_or_default(),
        m.category.name().to_string(),
        m.group.name().to_string(),
        opt(m.count),
        opt(m.low),
        opt(m.high),
        m.quote.clone(),
    ]
}

/// CSV with a UTF-8 BOM (so spreadsheets open Arabic intact), and the HXL row when asked.
fn write_csv(path: &Path, t: &Table, hxl: bool) -> Result<(), ReportError> {
    let mut w = csv_file(path, t, hxl)?;
    for r in &t.rows {
        w.write_record(r).map_err(csv_err(path))?;
    }
    w.flush().map_err(io_err(path))
}

fn sheet(wb: &mut Workbook, name: &str, t: &Table) -> Result<(), ReportError> {
    sheet_rows(wb, name, t, t.rows.iter().cloned().map(Ok))
}

/// A sheet read back row by row from a table written to disk (without its HXL row).
fn csv_sheet(
    wb: &mut Workbook,
    name: &str,
    head: &Table,
    csv_path: &Path,
    hxl: bool,
) -> Result<(), ReportError> {
    let file = fs::File::open(csv_path).map_err(io_err(csv_path))?;
    let mut reader = io::BufReader::new(file);
    let mut bom = [0; 3];
    io::Read::read_exact(&mut reader, &mut bom).map_err(io_err(csv_path))?;
    let mut rows = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(reader)
        .into_records()
        .skip(usize::from(hxl))
        .map(|r| {
            r.map(|r| r.iter().map(str::to_string).collect::<Vec<_>>())
                .map_err(|e| ReportError::Io {
                    path: csv_path.display().to_string(),
                    source: io::Error::other(e.to_string()),
                })
        });
    sheet_rows(wb, name, head, &mut rows)
}

/// A sheet of `head`'s columns with `rows`, streamed.
fn sheet_rows(
    wb: &mut Workbook,
    name: &str,
    head: &Table,
    rows: impl Iterator<Item = Result<Vec<String>, ReportError>>,
) -> Result<(), ReportError> {
    // Rows go to a temporary file as they are written, so a large report does not hold
    // the whole spreadsheet in memory.
    let ws: &mut Worksheet = wb.add_worksheet_with_constant_memory()?;
    ws.set_name(name)?;
    ws.set_right_to_left(true);
    let bold = Format::new().set_bold().set_background_color("#DDE4EE");
    let num = Format::new().set_num_format("#,##0");
    for (c, h) in head.header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &bold)?;
        ws.set_column_width(c as u16, if head.numeric[c] { 12 } else { 22 })?;
    }
    // Excel's limits: the CSV files hold everything, the sheet says where it stops.
    let (mut shown, mut total) = (0, 0);
    for row in rows {
        let row = row?;
        total += 1;
        if shown == XLSX_MAX_ROWS {
            continue;
        }
        shown += 1;
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (shown as u32, c as u16);
            match v.parse::<f64>() {
                Ok(n) if head.numeric.get(c as usize).copied().unwrap_or(false) => {
                    ws.write_number_with_format(r, c, n, &num)?;
                }
                _ if !v.is_empty() => {
                    ws.write_string(r, c, cell_text(v))?;
                }
                _ => {}
            }
        }
    }
    if shown < total {
        let note = format!("… {} more rows in {name}.csv", total - shown);
        ws.write_string((shown + 1) as u32, 0, &note)?;
    }
    ws.set_freeze_panes(1, 0)?;
    if shown > 0 {
        ws.autofilter(0, 0, shown as u32, (head.header.len() - 1) as u16)?;
    }
    Ok(())
}

/// Rows a sheet holds: Excel's 1,048,576 less the header and a note.
const XLSX_MAX_ROWS: usize = 1_048_574;
/// Characters a cell holds in Excel.
const XLSX_MAX_CHARS: usize = 32_767;

/// Text cut to what one Excel cell holds, marked when cut.
fn cell_text(v: &str) -> std::borrow::Cow<'_, str> {
    if v.chars().count() <= XLSX_MAX_CHARS {
        return std::borrow::Cow::Borrowed(v);
    }
    let cut: String = v.chars().take(XLSX_MAX_CHARS - 1).collect();
    std::borrow::Cow::Owned(cut + "…")
}

/// The weeks of the weekly table, in order, each once.
fn weeks_of(weekly: &Table) -> Vec<String> {
    let mut weeks: Vec<String> = weekly.rows.iter().map(|r| r[0].clone()).collect();
    weeks.sort();
    weeks.dedup();
    weeks
}

/// Weeks × governorates, killed (all groups): the sheet an analyst reads first.
fn pivot(weekly: &Table) -> Table {
    let weeks = weeks_of(weekly);
    let mut govs: Vec<(String, String)> = weekly
        .rows
        .iter()
        .map(|r| (r[2].clone(), r[1].clone()))
        .collect();
    govs.sort();
    govs.dedup();
    let mut header = vec!["week_start".to_string()];
    header.extend(govs.iter().map(|(p, n)| {
        if n.is_empty() {
            "unknown".into()
        } else {
            format!("{n} ({p})")
        }
    }));
    header.push("total".into());
    let rows = weeks
        .iter()
        .map(|w| {
            let mut r = vec![w.clone()];
            let mut sum = 0u64;
            for (p, _) in &govs {
                let v: u64 = weekly
                    .rows
                    .iter()
                    .filter(|x| &x[0] == w && &x[2] == p && x[3] == "killed" && x[4] == "all")
                    .filter_map(|x| x[5].parse::<u64>().ok())
                    .sum();
                sum += v;
                r.push(v.to_string());
            }
            r.push(sum.to_string());
            r
        })
        .collect();
    let numeric = (0..header.len()).map(|i| i > 0).collect();
    Table {
        hxl: vec![String::new(); header.len()],
        header,
        rows,
        numeric,
    }
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
    opts: Options,
    /// `mentions.csv` in `tmp`, written as mentions arrive.
    mentions_path: PathBuf,
    mentions_csv: csv::Writer<io::BufWriter<fs::File>>,
    /// The mentions of the document being read.
    doc: Vec<Mention>,
    /// Where events, totals and quotes wait: a folder in `tmp`, removed before the end.
    spill: PathBuf,
    events: SortedSpill<EventRecord, NaiveDate>,
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

/// One article's event as it waits on disk; its quotes wait in the [`QuoteFile`].
#[derive(serde::Serialize, serde::Deserialize)]
struct EventRecord {
    event_date: NaiveDate,
    admin1: Option<String>,
    admin1_pcode: Option<String>,
    place: Option<String>,
    pcode: Option<String>,
    weapon: Option<String>,
    figures: Vec<((Category, GroupKey), Figure)>,
    sources: Vec<String>,
    quotes: QuoteSpan,
}

impl EventRecord {
    fn new(i: Incident, quotes: QuoteSpan) -> EventRecord {
        EventRecord {
            event_date: i.event_date,
            admin1: i.admin1,
            admin1_pcode: i.admin1_pcode,
            place: i.place,
            pcode: i.pcode,
            weapon: i.weapon,
            figures: i.figures.into_iter().collect(),
            sources: i.sources,
            quotes,
        }
    }

    /// The event, without its quotes (they come back by [`QuoteSpan`]).
    fn into_event(self) -> (Incident, QuoteSpan) {
        let i = Incident {
            event_date: self.event_date,
            admin1: self.admin1,
            admin1_pcode: self.admin1_pcode,
            place: self.place,
            pcode: self.pcode,
            weapon: self.weapon,
            figures: self.figures.into_iter().collect(),
            sources: self.sources,
            quotes: Vec::new(),
        };
        (i, self.quotes)
    }
}

/// Where one event's quotes are in the [`QuoteFile`]: byte offset and length.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
struct QuoteSpan(u64, u32);

/// Events' quotes (with their articles), appended as JSON; read back by span when the
/// incident they belong to is written. Quotes are most of an event's bytes, so incidents
/// being merged hold only spans.
struct QuoteFile {
    path: PathBuf,
    w: io::BufWriter<fs::File>,
    at: u64,
}

impl QuoteFile {
    fn create(path: PathBuf) -> io::Result<QuoteFile> {
        let w = io::BufWriter::new(fs::File::create(&path)?);
        Ok(QuoteFile { path, w, at: 0 })
    }

    fn put(&mut self, quotes: &[(String, String)]) -> io::Result<QuoteSpan> {
        let bytes = serde_json::to_vec(quotes).map_err(io::Error::other)?;
        self.w.write_all(&bytes)?;
        let span = QuoteSpan(
            self.at,
            u32::try_from(bytes.len()).map_err(io::Error::other)?,
        );
        self.at += bytes.len() as u64;
        Ok(span)
    }

    /// Done writing: a reader of the spans written.
    fn reader(&mut self) -> io::Result<QuoteReader> {
        self.w.flush()?;
        Ok(QuoteReader {
            file: fs::File::open(&self.path)?,
            path: self.path.clone(),
            buf: Vec::new(),
        })
    }
}

struct QuoteReader {
    file: fs::File,
    path: PathBuf,
    buf: Vec<u8>,
}

impl QuoteReader {
    fn read(&mut self, span: QuoteSpan) -> Result<Vec<(String, String)>, ReportError> {
        use std::io::{Read, Seek, SeekFrom};
        let mut read = || {
            self.buf.resize(span.1 as usize, 0);
            self.file.seek(SeekFrom::Start(span.0))?;
            self.file.read_exact(&mut self.buf)?;
            serde_json::from_slice(&self.buf).map_err(io::Error::other)
        };
        read().map_err(io_err(&self.path))
    }
}

impl Report {
    pub fn create(out: &Path, opts: &Options) -> Result<Report, ReportError> {
        Report::with_runs_of(out, opts, SPILL_RUN)
    }

    /// A report whose spills hold `run` records in memory before writing a run.
    fn with_runs_of(out: &Path, opts: &Options, run: usize) -> Result<Report, ReportError> {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent).map_err(io_err(parent))?;
        let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("report");
        let tmp = parent.join(format!(".{name}.{}.tmp", std::process::id()));
        if tmp.exists() {
            fs::remove_dir_all(&tmp).map_err(io_err(&tmp))?;
        }
        fs::create_dir_all(&tmp).map_err(io_err(&tmp))?;
        let spill = tmp.join(".spill");
        fs::create_dir_all(&spill).map_err(io_err(&spill))?;
        let path = tmp.join("mentions.csv");
        let mentions_csv = csv_file(&path, &mentions_head(), opts.hxl)?;
        let quotes = QuoteFile::create(spill.join("quotes.json")).map_err(io_err(&spill))?;
        Ok(Report {
            out: out.to_path_buf(),
            opts: opts.clone(),
            mentions_path: path,
            mentions_csv,
            doc: Vec::new(),
            events: SortedSpill::new(&spill, "events", run, |e: &EventRecord| e.event_date),
            cumulative: SortedSpill::new(&spill, "totals", run, totals_key),
            quotes,
            spill,
            tmp,
            undated: 0,
            mentions: 0,
        })
    }

    /// Take one mention. Mentions of one document come together.
    pub fn push(&mut self, m: Mention) -> Result<(), ReportError> {
        self.mentions_csv
            .write_record(mention_row(&m))
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
        replace_dir(&self.tmp, &self.out)?;
        Ok(w)
    }
}

impl Drop for Report {
    fn drop(&mut self) {
        // Gone already when finished; an unfinished report leaves nothing behind.
        let _ = fs::remove_dir_all(&self.tmp);
    }
}

fn csv_err(path: &Path) -> impl FnOnce(csv::Error) -> ReportError + '_ {
    move |e| ReportError::Io {
        path: path.display().to_string(),
        source: io::Error::other(e.to_string()),
    }
}

/// Put the finished folder in place of `out`, keeping the old one until the new is there.
fn replace_dir(tmp: &Path, out: &Path) -> Result<(), ReportError> {
    if out.exists() {
        let old = PathBuf::from(format!("{}.old.{}", out.display(), std::process::id()));
        fs::rename(out, &old).map_err(io_err(out))?;
        fs::rename(tmp, out).map_err(io_err(out))?;
        fs::remove_dir_all(&old).map_err(io_err(&old))?;
    } else {
        fs::rename(tmp, out).map_err(io_err(out))?;
    }
    Ok(())
}

/// A CSV file written row by row: BOM, header, the HXL row when asked.
fn csv_file(
    path: &Path,
    head: &Table,
    hxl: bool,
) -> Result<csv::Writer<io::BufWriter<fs::File>>, ReportError> {
    let mut file = io::BufWriter::new(fs::File::create(path).map_err(io_err(path))?);
    file.write_all(b"\xEF\xBB\xBF").map_err(io_err(path))?;
    let mut w = csv::Writer::from_writer(file);
    w.write_record(&head.header).map_err(csv_err(path))?;
    if hxl {
        w.write_record(&head.hxl).map_err(csv_err(path))?;
    }
    Ok(w)
}

/// The page's headline figures: killed, wounded, children killed, women killed.
const CARDS: [(Category, GroupKey); 4] = [
    (Category::Killed, GroupKey::All),
    (Category::Wounded, GroupKey::All),
    (Category::Killed, GroupKey::Group(Group::Child)),
    (Category::Killed, GroupKey::Group(Group::Woman)),
];

/// A weekly cell: week, governorate P-code, category, group.
type Cell = (String, String, String, String);

/// Where settled incidents go, one at a time: the incidents table, the weekly sums, the
/// page's rows, and what the page and charts need of them.
struct Incidents {
    opts: Options,
    path: PathBuf,
    csv: csv::Writer<io::BufWriter<fs::File>>,
    /// The page's incidents table rows.
    rows_path: PathBuf,
    rows: io::BufWriter<fs::File>,
    quotes: QuoteReader,
    weekly: aggregate::Weekly,
    n: usize,
    cards: [u64; 4],
    killed_by_gov: BTreeMap<String, u64>,
    /// Per weekly cell, the markup of its first incidents (sources and quotes), and how
    /// many it has.
    behind: BTreeMap<Cell, (String, usize)>,
}

impl Incidents {
    fn create(
        dir: &Path,
        spill: &Path,
        opts: &Options,
        quotes: QuoteReader,
    ) -> Result<Self, ReportError> {
        let path = dir.join("incidents.csv");
        let csv = csv_file(&path, &incidents_head(), opts.hxl)?;
        let rows_path = spill.join("incident_rows.html");
        let rows = io::BufWriter::new(fs::File::create(&rows_path).map_err(io_err(&rows_path))?);
        Ok(Incidents {
            opts: opts.clone(),
            path,
            csv,
            rows_path,
            rows,
            quotes,
            weekly: aggregate::Weekly::new(opts.week_start),
            n: 0,
            cards: [0; 4],
            killed_by_gov: BTreeMap::new(),
            behind: BTreeMap::new(),
        })
    }

    /// A settled incident, with the spans of its events' quotes.
    fn take(&mut self, mut i: Incident, spans: Vec<QuoteSpan>) -> Result<(), ReportError> {
        if !aggregate::within(i.event_date, self.opts.from, self.opts.to) {
            return Ok(());
        }
        for s in spans {
            i.quotes.extend(self.quotes.read(s)?);
        }
        let n = self.n;
        self.n += 1;
        self.csv
            .write_record(incident_row(n, &i))
            .map_err(csv_err(&self.path))?;
        self.weekly.add(&i)?;
        for (card, (c, g)) in self.cards.iter_mut().zip(CARDS) {
            *card += i.figure(c, g).map_or(0, |f| f.count);
        }
        if let Some(f) = i.figure(Category::Killed, GroupKey::All) {
            *self
                .killed_by_gov
                .entry(admin1_ar(i.admin1_pcode.as_deref().unwrap_or("")))
                .or_default() += f.count;
        }
        let week = aggregate::week_start(i.event_date, self.opts.week_start).to_string();
        let pcode = i.admin1_pcode.clone().unwrap_or_default();
        let mut snippet = None;
        for (c, g) in i.figures.keys() {
            let cell = (
                week.clone(),
                pcode.clone(),
                c.name().to_string(),
                g.name().to_string(),
            );
            let (markup, count) = self.behind.entry(cell).or_default();
            if *count < PAGE_INCIDENTS {
                markup.push_str(snippet.get_or_insert_with(|| {
                    format!(
                        "<p>#{} — {}</p>{}",
                        n + 1,
                        esc(&i.sources.join("، ")),
                        quotes_html(&i)
                    )
                }));
            }
            *count += 1;
        }
        writeln!(self.rows, "{}", incident_page_row(n, &i)).map_err(io_err(&self.rows_path))?;
        Ok(())
    }
}

/// Merge the events, by date, into incidents, written as they settle.
fn merge_events(r: &mut Report, sink: &mut Incidents) -> Result<(), ReportError> {
    let spill = r.spill.clone();
    let mut merger = aggregate::Merger::default();
    for rec in r.events.sorted().map_err(io_err(&spill))? {
        let (e, span) = rec.map_err(io_err(&spill))?.into_event();
        for (i, spans) in merger.settled(e.event_date) {
            sink.take(i, spans)?;
        }
        merger.push(e, span);
    }
    for (i, spans) in merger.finish() {
        sink.take(i, spans)?;
    }
    Ok(())
}

/// Write totals.csv from the cumulative statements in table order, and the page's rows of
/// them into `rows_path`.
fn write_totals(r: &mut Report, path: &Path, rows_path: &Path) -> Result<(), ReportError> {
    let spill = r.spill.clone();
    let mut csv = csv_file(path, &totals_head(), r.opts.hxl)?;
    let mut rows = io::BufWriter::new(fs::File::create(rows_path).map_err(io_err(rows_path))?);
    for m in r.cumulative.sorted().map_err(io_err(&spill))? {
        let m = m.map_err(io_err(&spill))?;
        csv.write_record(totals_row(&m)).map_err(csv_err(path))?;
        writeln!(rows, "{}", totals_page_row(&m)).map_err(io_err(rows_path))?;
    }
    csv.flush().map_err(io_err(path))?;
    rows.flush().map_err(io_err(rows_path))
}

fn build(r: &mut Report) -> Result<Written, ReportError> {
    let (dir, opts) = (r.tmp.clone(), r.opts.clone());
    let quotes = r.quotes.reader().map_err(io_err(&r.spill))?;
    let mut incidents = Incidents::create(&dir, &r.spill, &opts, quotes)?;
    merge_events(r, &mut incidents)?;
    let Incidents {
        path: incidents_path,
        mut csv,
        rows_path: incident_rows,
        mut rows,
        weekly,
        n: incident_count,
        cards,
        killed_by_gov,
        behind,
        ..
    } = incidents;
    csv.flush().map_err(io_err(&incidents_path))?;
    rows.flush().map_err(io_err(&incident_rows))?;
    let weekly_df = weekly.finish()?;
    let weekly = weekly_table(&weekly_df)?;
    let totals_rows = r.spill.join("totals_rows.html");
    write_totals(r, &dir.join("totals.csv"), &totals_rows)?;
    let mut files: Vec<String> = ["mentions", "incidents"].map(|f| format!("{f}.csv")).into();
    write_csv(&dir.join("weekly.csv"), &weekly, opts.hxl)?;
    files.extend(["weekly.csv".to_string(), "totals.csv".to_string()]);
    if opts.hxl {
        write_csv(&dir.join("weekly_wide.csv"), &weekly_wide(&weekly), true)?;
        files.push("weekly_wide.csv".into());
    }
    let mut wb = Workbook::new();
    sheet(&mut wb, "pivot", &pivot(&weekly))?;
    csv_sheet(
        &mut wb,
        "mentions",
        &mentions_head(),
        &r.mentions_path,
        opts.hxl,
    )?;
    csv_sheet(
        &mut wb,
        "incidents",
        &incidents_head(),
        &incidents_path,
        opts.hxl,
    )?;
    sheet(&mut wb, "weekly", &weekly)?;
    csv_sheet(
        &mut wb,
        "totals",
        &totals_head(),
        &dir.join("totals.csv"),
        opts.hxl,
    )?;
    wb.save(dir.join("casualties.xlsx"))?;
    files.push("casualties.xlsx".into());
    let charts = draw_charts(&dir, &killed_by_gov, &weekly)?;
    files.extend(charts.iter().map(|(f, _)| f.clone()));
    let head = PageHead {
        incidents: incident_count,
        mentions: r.mentions,
        undated: r.undated,
        cards,
    };
    let parts = PageParts {
        dir: &dir,
        charts: &charts,
        weekly: &weekly,
        behind: &behind,
        incident_rows: &incident_rows,
        totals_rows: &totals_rows,
    };
    write_page(&dir.join("report.html"), &head, &parts)?;
    files.push("report.html".into());
    let weeks = weeks_of(&weekly).len();
    Ok(Written {
        incidents: incident_count,
        weeks,
        undated: r.undated,
        files,
    })
}

/// The weekly figures of one category and group, per week in `weeks`.
fn weekly_values(weekly: &Table, weeks: &[String], cat: &str, group: &str) -> Vec<u64> {
    weeks
        .iter()
        .map(|w| {
            weekly
                .rows
                .iter()
                .filter(|r| &r[0] == w && r[3] == cat && r[4] == group)
                .filter_map(|r| r[5].parse::<u64>().ok())
                .sum()
        })
        .collect()
}

/// Draw the PNG charts; returns (file name, Arabic caption).
fn draw_charts(
    dir: &Path,
    killed_by_gov: &BTreeMap<String, u64>,
    weekly: &Table,
) -> Result<Vec<(String, String)>, ReportError> {
    let weeks = weeks_of(weekly);
    let mut out = Vec::new();
    for (cat, file, title) in [
        ("killed", "weekly_killed.png", "القتلى أسبوعيا حسب الفئة"),
        ("wounded", "weekly_wounded.png", "الجرحى أسبوعيا حسب الفئة"),
    ] {
        // Disjoint layers: children, women, men, fighters, and the rest of the total.
        let parts = ["child", "woman", "man", "combatant"];
        let all = weekly_values(weekly, &weeks, cat, "all");
        let mut series: Vec<Series> = parts
            .iter()
            .zip([Group::Child, Group::Woman, Group::Man, Group::Combatant])
            .map(|(p, g)| Series {
                label: group_ar(GroupKey::Group(g)).to_string(),
                values: weekly_values(weekly, &weeks, cat, p),
            })
            .collect();
        let rest: Vec<u64> = (0..weeks.len())
            .map(|i| all[i].saturating_sub(series.iter().map(|s| s.values[i]).sum()))
            .collect();
        series.push(Series {
            label: "آخرون أو غير محدد".into(),
            values: rest,
        });
        charts::stacked_bars(&dir.join(file), title, &weeks, &series)?;
        out.push((file.to_string(), title.to_string()));
    }
    let title = "القتلى حسب المحافظة";
    charts::horizontal_bars(&dir.join("killed_by_governorate.png"), title, killed_by_gov)?;
    out.push(("killed_by_governorate.png".into(), title.into()));
    let title = "النساء والأطفال القتلى أسبوعيا";
    let series = vec![
        Series {
            label: group_ar(GroupKey::Group(Group::Woman)).into(),
            values: weekly_values(weekly, &weeks, "killed", "woman"),
        },
        Series {
            label: group_ar(GroupKey::Group(Group::Child)).into(),
            values: weekly_values(weekly, &weeks, "killed", "child"),
        },
    ];
    charts::lines(&dir.join("women_children.png"), title, &weeks, &series)?;
    out.push(("women_children.png".into(), title.into()));
    Ok(out)
}

/// How many incidents a weekly figure lists on the page, and quotes an incident shows; the
/// CSV files hold them all.
const PAGE_INCIDENTS: usize = 20;
const PAGE_QUOTES: usize = 12;

/// An incident's quotes with their articles, as page markup.
fn quotes_html(i: &Incident) -> String {
    let mut q = String::new();
    for (doc, quote) in i.quotes.iter().take(PAGE_QUOTES) {
        let _ = write!(
            q,
            "<blockquote>{} <span class=muted>— {}</span></blockquote>",
            esc(quote),
            esc(doc)
        );
    }
    if i.quotes.len() > PAGE_QUOTES {
        let _ = write!(
            q,
            "<p class=muted>… {} more in incidents.csv</p>",
            i.quotes.len() - PAGE_QUOTES
        );
    }
    q
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// What the page says at its top.
struct PageHead {
    incidents: usize,
    mentions: usize,
    undated: usize,
    /// See [`CARDS`].
    cards: [u64; 4],
}

/// The parts of the page made before it: charts, the weekly table and what is behind its
/// cells, and the incidents' and totals' rows, waiting in files.
struct PageParts<'a> {
    dir: &'a Path,
    charts: &'a [(String, String)],
    weekly: &'a Table,
    behind: &'a BTreeMap<Cell, (String, usize)>,
    incident_rows: &'a Path,
    totals_rows: &'a Path,
}

/// Incident `n` (from 0) as a row of the page's incidents table.
fn incident_page_row(n: usize, i: &Incident) -> String {
    let fig = |c| {
        i.figure(c, GroupKey::All).map_or(String::new(), |f| {
            if f.exact {
                if f.low < f.count {
                    format!("{} (أدنى {})", f.count, f.low)
                } else {
                    f.count.to_string()
                }
            } else {
                format!("{}–{}", f.low, f.high)
            }
        })
    };
    let place = match (&i.place, &i.admin1_pcode) {
        (Some(p), Some(a)) => format!("{} — {}", esc(p), esc(&admin1_ar(a))),
        (None, Some(a)) => esc(&admin1_ar(a)),
        _ => "غير معروف".into(),
    };
    let q = quotes_html(i);
    format!(
        "<tr><td>{}</td><td>{}</td><td>{place}</td><td class=n>{}</td><td class=n>{}</td><td><details><summary>{} مصدر</summary>{q}</details></td></tr>",
        n + 1,
        i.event_date,
        fig(Category::Killed),
        fig(Category::Wounded),
        i.sources.len()
    )
}

/// A cumulative statement as a row of the page's totals table.
fn totals_page_row(m: &Mention) -> String {
    format!(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=n>{}</td><td>{}</td></tr>",
        esc(&m.doc_id),
        m.published.map(|d| d.to_string()).unwrap_or_default(),
        esc(&admin1_ar(m.admin1_pcode.as_deref().unwrap_or(""))),
        category_ar(m.category),
        m.count.map_or_else(
            || format!("{}–{}", opt(m.low), opt(m.high)),
            |c| c.to_string()
        ),
        esc(&m.quote)
    )
}

/// The self-contained page, written as it goes: headline figures, charts inlined (as data
/// URIs, so the page stands alone), tables, and for every incident its sources and quotes
/// on demand.
fn write_page(path: &Path, head: &PageHead, parts: &PageParts) -> Result<(), ReportError> {
    let file = fs::File::create(path).map_err(io_err(path))?;
    let mut out = io::BufWriter::new(file);
    page_into(&mut out, head, parts).map_err(io_err(path))?;
    out.flush().map_err(io_err(path))
}

fn page_into(out: &mut impl Write, head: &PageHead, parts: &PageParts) -> io::Result<()> {
    write!(
        out,
        r#"<!doctype html>
<html dir="rtl" lang="ar"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>حصيلة — تقرير الضحايا</title>
<style>
body{{font-family:"DejaVu Sans","Noto Naskh Arabic",Tahoma,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#222;line-height:1.6}}
h1{{margin-bottom:.2rem}} .muted{{color:#666}}
.cards{{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}}
.card{{background:#f4f6fa;border-radius:8px;padding:.8rem 1.2rem;min-width:140px}}
.card b{{display:block;font-size:1.8rem}}
table{{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.9rem}}
th,td{{border:1px solid #ccd;padding:.3rem .5rem;text-align:right;vertical-align:top}}
th{{background:#dde4ee;position:sticky;top:0}} td.n{{text-align:left;font-variant-numeric:tabular-nums}}
img{{max-width:100%;border:1px solid #eee;margin:.5rem 0}}
details summary{{cursor:pointer;color:#1f5fa8}} blockquote{{margin:.3rem 0;padding:.2rem .6rem;border-right:3px solid #1f5fa8;background:#f8f9fc}}
</style></head><body>
<h1>حصيلة: تقرير الضحايا</h1>
<p class="muted">{incidents} حادثة من {mentions} إشارة · الأرقام المؤكدة فقط تدخل في المجموع؛ الأعداد غير الدقيقة (عشرات، مئات) تظهر في الحدين الأدنى والأعلى · {undated} إشارة بلا تاريخ لم تدخل في الجداول الأسبوعية</p>
<div class="cards">
<div class="card">قتلى<b>{k}</b></div>
<div class="card">جرحى<b>{w}</b></div>
<div class="card">أطفال قتلى<b>{kc}</b></div>
<div class="card">نساء قتلى<b>{kwm}</b></div>
<div class="card">حوادث<b>{incidents}</b></div>
</div>
"#,
        incidents = head.incidents,
        mentions = head.mentions,
        undated = head.undated,
        k = head.cards[0],
        w = head.cards[1],
        kc = head.cards[2],
        kwm = head.cards[3],
    )?;
    out.write_all("<h2>الرسوم البيانية</h2>\n".as_bytes())?;
    for (file, caption) in parts.charts {
        let png = fs::read(parts.dir.join(file))?;
        writeln!(
            out,
            "<figure><img alt=\"{}\" src=\"data:image/png;base64,{}\"></figure>",
            esc(caption),
            base64::engine::general_purpose::STANDARD.encode(png)
        )?;
    }
    out.write_all("<h2>الأسبوعي</h2>\n<table><tr><th>بداية الأسبوع</th><th>المحافظة</th><th>الفئة</th><th>المجموعة</th><th>العدد</th><th>الحد الأدنى</th><th>الحد الأعلى</th><th>حوادث</th></tr>\n".as_bytes())?;
    for r in &parts.weekly.rows {
        let cat = match r[3].as_str() {
            "killed" => category_ar(Category::Killed),
            "wounded" => category_ar(Category::Wounded),
            _ => category_ar(Category::KilledOrWounded),
        };
        let grp = match r[4].as_str() {
            "all" => "الكل",
            "civilian" => "مدنيون",
            "child" => "أطفال",
            "woman" => "نساء",
            "man" => "رجال",
            "combatant" => "مقاتلون",
            _ => "غير محدد",
        };
        // The incidents behind this figure, with their sources and quotes, on demand.
        let key = (r[0].clone(), r[2].clone(), r[3].clone(), r[4].clone());
        let (mut behind, count) = match parts.behind.get(&key) {
            Some((markup, count)) => (markup.clone(), *count),
            None => (String::new(), 0),
        };
        if count > PAGE_INCIDENTS {
            let _ = write!(
                behind,
                "<p class=muted>… {} more in incidents.csv</p>",
                count - PAGE_INCIDENTS
            );
        }
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{cat}</td><td>{grp}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td><td><details><summary>{}</summary>{behind}</details></td></tr>",
            r[0],
            esc(&admin1_ar(&r[2])),
            r[5],
            r[6],
            r[7],
            r[8]
        )?;
    }
    out.write_all("</table>\n<h2>الحوادث</h2>\n<table><tr><th>#</th><th>التاريخ</th><th>المكان</th><th>قتلى</th><th>جرحى</th><th>المصادر والاقتباسات</th></tr>\n".as_bytes())?;
    io::copy(&mut fs::File::open(parts.incident_rows)?, out)?;
    out.write_all("</table>\n<h2>الحصائل التراكمية (لا تُجمع)</h2>\n<table><tr><th>المصدر</th><th>التاريخ</th><th>المحافظة</th><th>الفئة</th><th>العدد</th><th>الاقتباس</th></tr>\n".as_bytes())?;
    io::copy(&mut fs::File::open(parts.totals_rows)?, out)?;
    out.write_all("</table>\n<p class=muted>أعدّه hasila. كل رقم مرفق بالكلمات التي تذكره.</p>\n</body></html>\n".as_bytes())?;
    Ok(())
}

/// One line on what a report holds.
pub fn summary(w: &Written, out: &Path, err: &mut dyn Write) {
    let _ = writeln!(
        err,
        "hasila: report in {}: {} incidents over {} weeks, {} undated mentions left out; {}",
        out.display(),
        w.incidents,
        w.weeks,
        w.undated,
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
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 0, "a folder was left");

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
            1,
            "only the report stays"
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
