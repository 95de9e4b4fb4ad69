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

use crate::aggregate::{self, GroupKey, Incident, category_name, group_name};
use crate::charts::{self, Series};
use crate::export::{CSV_HEADER, mention_row};
use crate::extract::Mention;
use crate::lexicon::{Category, Group, serde_name};

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
    let mut hxl = vec![String::new(); CSV_HEADER.len()];
    for (i, h) in CSV_HEADER.iter().enumerate() {
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
    let numeric = CSV_HEADER
        .iter()
        .map(|h| matches!(*h, "count" | "low" | "high"))
        .collect();
    Table {
        header: strings(&CSV_HEADER),
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
        GroupKey::All => category_name(c).to_string(),
        GroupKey::Group(x) => format!("{}_{}", category_name(c), group_name(x)),
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

fn incidents_table(incidents: &[Incident]) -> Table {
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
    let rows = incidents
        .iter()
        .enumerate()
        .map(|(n, i)| {
            let mut r = vec![
                (n + 1).to_string(),
                i.event_date.to_string(),
                i.admin1.clone().unwrap_or_default(),
                i.admin1_pcode.clone().unwrap_or_default(),
                i.place.clone().unwrap_or_default(),
                i.pcode.clone().unwrap_or_default(),
                i.weapon.clone().unwrap_or_default(),
            ];
            for (c, g) in &cols {
                match i.figure(*c, *g) {
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
        })
        .collect();
    Table {
        header,
        hxl,
        rows,
        numeric,
    }
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
                    v.get(&format!("{}|{}", category_name(*c), g.name()))
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

fn totals_table(ms: &[&Mention]) -> Table {
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
        rows: ms
            .iter()
            .map(|m| {
                vec![
                    m.doc_id.clone(),
                    m.published.clone().unwrap_or_default(),
                    m.event_date.clone().unwrap_or_default(),
                    m.admin1.clone().unwrap_or_default(),
                    m.admin1_pcode.clone().unwrap_or_default(),
                    serde_name(&m.category),
                    serde_name(&m.group),
                    opt(m.count),
                    opt(m.low),
                    opt(m.high),
                    m.quote.clone(),
                ]
            })
            .collect(),
    }
}

/// CSV with a UTF-8 BOM (so spreadsheets open Arabic intact), and the HXL row when asked.
fn write_csv(path: &Path, t: &Table, hxl: bool) -> Result<(), ReportError> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut bytes);
        let e = |e: csv::Error| io::Error::other(e.to_string());
        w.write_record(&t.header).map_err(e).map_err(io_err(path))?;
        if hxl {
            w.write_record(&t.hxl).map_err(e).map_err(io_err(path))?;
        }
        for r in &t.rows {
            w.write_record(r).map_err(e).map_err(io_err(path))?;
        }
        w.flush().map_err(io_err(path))?;
    }
    fs::write(path, bytes).map_err(io_err(path))
}

fn sheet(wb: &mut Workbook, name: &str, t: &Table) -> Result<(), ReportError> {
    sheet_rows(wb, name, t, t.rows.iter().cloned().map(Ok))
}

/// The mentions sheet, read back row by row from the mentions table on disk.
fn mentions_sheet(wb: &mut Workbook, csv_path: &Path, hxl: bool) -> Result<(), ReportError> {
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
    sheet_rows(wb, "mentions", &mentions_head(), &mut rows)
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

/// Weeks × governorates, killed (all groups): the sheet an analyst reads first.
fn pivot(weekly: &Table) -> Table {
    let mut weeks: Vec<String> = weekly.rows.iter().map(|r| r[0].clone()).collect();
    weeks.sort();
    weeks.dedup();
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
/// writes them). Only what the tables need is kept: each article's events, the running
/// totals it states, and counts; the mentions table goes straight to disk. So memory
/// follows the number of incidents, not the size of the corpus.
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
    events: Vec<Incident>,
    /// Each article's latest running totals.
    cumulative: Vec<Mention>,
    undated: usize,
    mentions: usize,
}

impl Report {
    pub fn create(out: &Path, opts: &Options) -> Result<Report, ReportError> {
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
        let path = tmp.join("mentions.csv");
        let mut file = io::BufWriter::new(fs::File::create(&path).map_err(io_err(&path))?);
        file.write_all(b"\xEF\xBB\xBF").map_err(io_err(&path))?;
        let mut mentions_csv = csv::Writer::from_writer(file);
        let head = mentions_head();
        mentions_csv
            .write_record(&head.header)
            .map_err(csv_err(&path))?;
        if opts.hxl {
            mentions_csv
                .write_record(&head.hxl)
                .map_err(csv_err(&path))?;
        }
        Ok(Report {
            out: out.to_path_buf(),
            tmp,
            opts: opts.clone(),
            mentions_path: path,
            mentions_csv,
            doc: Vec::new(),
            events: Vec::new(),
            cumulative: Vec::new(),
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
            self.close_doc();
        }
        self.doc.push(m);
        Ok(())
    }

    /// Reduce the document read to its events and totals.
    fn close_doc(&mut self) {
        let doc = std::mem::take(&mut self.doc);
        let (events, undated) = aggregate::article_events(&doc);
        self.undated += undated.len();
        self.events.extend(events);
        self.cumulative
            .extend(aggregate::totals(&doc).into_iter().cloned());
    }

    /// Write every other file and put the folder in place.
    pub fn finish(mut self) -> Result<Written, ReportError> {
        self.close_doc();
        self.mentions_csv
            .flush()
            .map_err(io_err(&self.mentions_path))?;
        let result = build(&mut self);
        let w = result?;
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

fn build(r: &mut Report) -> Result<Written, ReportError> {
    let (dir, opts) = (r.tmp.as_path(), &r.opts);
    let events = std::mem::take(&mut r.events);
    let incidents = aggregate::within(aggregate::merge_incidents(events), opts.from, opts.to);
    let weekly_df = aggregate::weekly(&incidents, opts.week_start)?;
    let weekly = weekly_table(&weekly_df)?;
    // In the order one pass over all mentions gives: by article, governorate, category and
    // group.
    r.cumulative.sort_by(|a, b| {
        (&a.doc_id, &a.admin1_pcode, a.category, a.group).cmp(&(
            &b.doc_id,
            &b.admin1_pcode,
            b.category,
            b.group,
        ))
    });
    let totals: Vec<&Mention> = r.cumulative.iter().collect();
    let mut files = vec!["mentions.csv".to_string()];
    let tables = [
        ("incidents", incidents_table(&incidents)),
        ("weekly", weekly.clone()),
        ("totals", totals_table(&totals)),
    ];
    for (name, t) in &tables {
        let f = format!("{name}.csv");
        write_csv(&dir.join(&f), t, opts.hxl)?;
        files.push(f);
    }
    if opts.hxl {
        write_csv(&dir.join("weekly_wide.csv"), &weekly_wide(&weekly), true)?;
        files.push("weekly_wide.csv".into());
    }
    let mut wb = Workbook::new();
    sheet(&mut wb, "pivot", &pivot(&weekly))?;
    mentions_sheet(&mut wb, &r.mentions_path, opts.hxl)?;
    for (name, t) in &tables {
        sheet(&mut wb, name, t)?;
    }
    wb.save(dir.join("casualties.xlsx"))?;
    files.push("casualties.xlsx".into());
    let charts = draw_charts(dir, &incidents, &weekly)?;
    files.extend(charts.iter().map(|(f, _)| f.clone()));
    let html = page(
        &incidents,
        &weekly,
        &totals,
        &charts,
        r.undated,
        r.mentions,
        opts.week_start,
    )?;
    let html = inline_images(&html, dir).map_err(io_err(dir))?;
    fs::write(dir.join("report.html"), html).map_err(io_err(&dir.join("report.html")))?;
    files.push("report.html".into());
    let weeks = {
        let mut w: Vec<&String> = weekly.rows.iter().map(|r| &r[0]).collect();
        w.sort();
        w.dedup();
        w.len()
    };
    Ok(Written {
        incidents: incidents.len(),
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
    incidents: &[Incident],
    weekly: &Table,
) -> Result<Vec<(String, String)>, ReportError> {
    let mut weeks: Vec<String> = weekly.rows.iter().map(|r| r[0].clone()).collect();
    weeks.sort();
    weeks.dedup();
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
    let mut by_gov: BTreeMap<String, u64> = BTreeMap::new();
    for i in incidents {
        if let Some(f) = i.figure(Category::Killed, GroupKey::All) {
            *by_gov
                .entry(admin1_ar(i.admin1_pcode.as_deref().unwrap_or("")))
                .or_default() += f.count;
        }
    }
    let title = "القتلى حسب المحافظة";
    charts::horizontal_bars(&dir.join("killed_by_governorate.png"), title, &by_gov)?;
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

/// The self-contained page: headline figures, charts inlined, tables, and for every
/// incident its sources and quotes on demand.
fn page(
    incidents: &[Incident],
    weekly: &Table,
    totals: &[&Mention],
    charts: &[(String, String)],
    undated: usize,
    mentions: usize,
    week_start: Weekday,
) -> Result<String, ReportError> {
    let mut h = String::new();
    // Which incidents make each weekly figure, found once.
    let mut by_cell: BTreeMap<(String, String, String, String), Vec<usize>> = BTreeMap::new();
    for (n, i) in incidents.iter().enumerate() {
        let week = aggregate::week_start(i.event_date, week_start).to_string();
        let pcode = i.admin1_pcode.clone().unwrap_or_default();
        for (c, g) in i.figures.keys() {
            by_cell
                .entry((
                    week.clone(),
                    pcode.clone(),
                    category_name(*c).to_string(),
                    g.name().to_string(),
                ))
                .or_default()
                .push(n);
        }
    }
    let sum = |c: Category, g: GroupKey| -> u64 {
        incidents
            .iter()
            .filter_map(|i| i.figure(c, g))
            .map(|f| f.count)
            .sum()
    };
    let _ = write!(
        h,
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
        incidents = incidents.len(),
        k = sum(Category::Killed, GroupKey::All),
        w = sum(Category::Wounded, GroupKey::All),
        kc = sum(Category::Killed, GroupKey::Group(Group::Child)),
        kwm = sum(Category::Killed, GroupKey::Group(Group::Woman)),
    );
    h.push_str("<h2>الرسوم البيانية</h2>\n");
    for (file, caption) in charts {
        let _ = writeln!(
            h,
            "<figure><img alt=\"{}\" src=\"{file}\"></figure>",
            esc(caption)
        );
    }
    h.push_str("<h2>الأسبوعي</h2>\n<table><tr><th>بداية الأسبوع</th><th>المحافظة</th><th>الفئة</th><th>المجموعة</th><th>العدد</th><th>الحد الأدنى</th><th>الحد الأعلى</th><th>حوادث</th></tr>\n");
    for r in &weekly.rows {
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
        let mut behind = String::new();
        let ids = by_cell.get(&key).map(Vec::as_slice).unwrap_or(&[]);
        for &n in ids.iter().take(PAGE_INCIDENTS) {
            let i = &incidents[n];
            let _ = write!(
                behind,
                "<p>#{} — {}</p>{}",
                n + 1,
                esc(&i.sources.join("، ")),
                quotes_html(i)
            );
        }
        if ids.len() > PAGE_INCIDENTS {
            let _ = write!(
                behind,
                "<p class=muted>… {} more in incidents.csv</p>",
                ids.len() - PAGE_INCIDENTS
            );
        }
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{cat}</td><td>{grp}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td><td><details><summary>{}</summary>{behind}</details></td></tr>",
            r[0],
            esc(&admin1_ar(&r[2])),
            r[5],
            r[6],
            r[7],
            r[8]
        );
    }
    h.push_str("</table>\n<h2>الحوادث</h2>\n<table><tr><th>#</th><th>التاريخ</th><th>المكان</th><th>قتلى</th><th>جرحى</th><th>المصادر والاقتباسات</th></tr>\n");
    for (n, i) in incidents.iter().enumerate() {
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
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{place}</td><td class=n>{}</td><td class=n>{}</td><td><details><summary>{} مصدر</summary>{q}</details></td></tr>",
            n + 1,
            i.event_date,
            fig(Category::Killed),
            fig(Category::Wounded),
            i.sources.len()
        );
    }
    h.push_str("</table>\n<h2>الحصائل التراكمية (لا تُجمع)</h2>\n<table><tr><th>المصدر</th><th>التاريخ</th><th>المحافظة</th><th>الفئة</th><th>العدد</th><th>الاقتباس</th></tr>\n");
    for m in totals {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=n>{}</td><td>{}</td></tr>",
            esc(&m.doc_id),
            m.published.as_deref().unwrap_or(""),
            esc(&admin1_ar(m.admin1_pcode.as_deref().unwrap_or(""))),
            category_ar(m.category),
            m.count.map_or_else(
                || format!("{}–{}", opt(m.low), opt(m.high)),
                |c| c.to_string()
            ),
            esc(&m.quote)
        );
    }
    h.push_str("</table>\n<p class=muted>أعدّه hasila. كل رقم مرفق بالكلمات التي تذكره.</p>\n</body></html>\n");
    Ok(h)
}

/// Inline a written PNG as a data URI, so the page stands alone.
pub fn inline_images(html: &str, dir: &Path) -> io::Result<String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("src=\"") {
        let (head, tail) = rest.split_at(i + 5);
        out.push_str(head);
        let end = tail.find('"').unwrap_or(tail.len());
        let name = &tail[..end];
        if name.ends_with(".png") && !name.contains('/') {
            let bytes = fs::read(dir.join(name))?;
            out.push_str("data:image/png;base64,");
            out.push_str(&base64::engine::general_purpose::STANDARD.encode(bytes));
        } else {
            out.push_str(name);
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    Ok(out)
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
}
