//! `report.html`: one self-contained right-to-left page from the template `page.html`:
//! headline figures, the charts inlined as data URIs (so the page stands alone), the weekly
//! table with the incidents behind each figure on demand, the incidents with their sources
//! and quotes, the cumulative statements, and every mention left out of the figures with why.
//!
//! The incidents' and totals' rows are written to files as incidents settle
//! ([`Sections`]) and copied into the page at the end, so the page is never held whole.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use base64::Engine as _;
use chrono::NaiveDate;

use super::charts::Chart;
use super::tables::WeeklyRow;
use super::{ReportError, io_err, labels};
use crate::aggregate::{GroupKey, Incident};
use crate::record::{Category, Group, Mention};

/// The page, with `{{name}}` fields in its head and a `<!-- hasila:section -->` line where
/// each section's rows go.
const TEMPLATE: &str = include_str!("page.html");

/// How many incidents a weekly figure lists on the page, and quotes an incident shows; the
/// CSV files hold them all.
const PAGE_INCIDENTS: usize = 20;
const PAGE_QUOTES: usize = 12;
/// How many mentions left out of the figures the page lists; `excluded.csv` holds them all.
const PAGE_EXCLUDED: usize = 2000;

/// The page's headline figures: killed, wounded, children killed, women killed.
pub const CARDS: [(Category, GroupKey); 4] = [
    (Category::Killed, GroupKey::All),
    (Category::Wounded, GroupKey::All),
    (Category::Killed, GroupKey::Group(Group::Child)),
    (Category::Killed, GroupKey::Group(Group::Woman)),
];

/// A weekly figure: week, governorate P-code, category, group.
type Cell = (NaiveDate, String, Category, GroupKey);

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn opt(v: Option<u64>) -> String {
    v.map(labels::thousands).unwrap_or_default()
}

/// A date as the page shows it: kept left to right and on one line.
fn day(d: NaiveDate) -> String {
    format!("<bdi dir=\"ltr\">{d}</bdi>")
}

/// A source as the page names it: an article's id kept left to right inside the Arabic text
/// (`<bdi>`: a path does not flip), a path shown by its file name, the whole id on hover.
fn source(doc_id: &str) -> String {
    let short = doc_id.rsplit(['/', '\\']).next().unwrap_or(doc_id);
    format!(
        "<bdi dir=\"ltr\" title=\"{}\">{}</bdi>",
        esc(doc_id),
        esc(short)
    )
}

/// The parts of the page written while incidents settle: the incidents' rows, the totals'
/// rows, and per weekly figure the markup of its first incidents.
pub struct Sections {
    incident_rows_path: PathBuf,
    incident_rows: io::BufWriter<fs::File>,
    totals_rows_path: PathBuf,
    totals_rows: io::BufWriter<fs::File>,
    excluded_rows_path: PathBuf,
    excluded_rows: io::BufWriter<fs::File>,
    /// How many mentions were left out, listed on the page or not.
    excluded: usize,
    /// Per weekly figure, the markup of its first [`PAGE_INCIDENTS`] incidents and how
    /// many it has.
    behind: BTreeMap<Cell, (String, usize)>,
}

impl Sections {
    /// Sections whose rows wait in files in `spill`.
    pub fn create(spill: &Path) -> Result<Sections, ReportError> {
        let file = |name: &str| -> Result<(PathBuf, io::BufWriter<fs::File>), ReportError> {
            let path = spill.join(name);
            let f = fs::File::create(&path).map_err(io_err(&path))?;
            Ok((path, io::BufWriter::new(f)))
        };
        let (incident_rows_path, incident_rows) = file("incident_rows.html")?;
        let (totals_rows_path, totals_rows) = file("totals_rows.html")?;
        let (excluded_rows_path, excluded_rows) = file("excluded_rows.html")?;
        Ok(Sections {
            incident_rows_path,
            incident_rows,
            totals_rows_path,
            totals_rows,
            excluded_rows_path,
            excluded_rows,
            excluded: 0,
            behind: BTreeMap::new(),
        })
    }

    /// Incident `n` (from 0), settled in week `week`: its row, and its place behind each
    /// weekly figure it adds to.
    pub fn incident(&mut self, n: usize, week: NaiveDate, i: &Incident) -> Result<(), ReportError> {
        let pcode = i.admin1_pcode.clone().unwrap_or_default();
        let mut snippet = None;
        for &(c, g) in i.figures.keys() {
            let (markup, count) = self.behind.entry((week, pcode.clone(), c, g)).or_default();
            if *count < PAGE_INCIDENTS {
                markup.push_str(snippet.get_or_insert_with(|| {
                    format!(
                        "<p>#{} — {}</p>{}",
                        n + 1,
                        esc(&i.sources.join("، ")),
                        quotes(i)
                    )
                }));
            }
            *count += 1;
        }
        writeln!(self.incident_rows, "{}", incident_row(n, i))
            .map_err(io_err(&self.incident_rows_path))
    }

    /// A cumulative statement's row.
    pub fn total(&mut self, m: &Mention) -> Result<(), ReportError> {
        writeln!(self.totals_rows, "{}", total_row(m)).map_err(io_err(&self.totals_rows_path))
    }

    /// A mention left out of every incident, and why: its row of the page's excluded
    /// table, as `excluded.csv` has it.
    pub fn excluded(&mut self, row: &ExcludedRow<'_>) -> Result<(), ReportError> {
        self.excluded += 1;
        if self.excluded > PAGE_EXCLUDED {
            return Ok(());
        }
        writeln!(self.excluded_rows, "{}", excluded_row(row))
            .map_err(io_err(&self.excluded_rows_path))
    }
}

/// What the page says at its top.
pub struct Head {
    pub incidents: usize,
    pub mentions: usize,
    pub undated: usize,
    /// See [`CARDS`].
    pub cards: [u64; 4],
    /// The first and last day the weekly tables cover, when any.
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// The day the report was made.
    pub made: NaiveDate,
}

/// Write the page at `path`: the template's parts, each section's rows after its part.
/// The charts are read from `dir`.
pub fn write(
    path: &Path,
    head: &Head,
    dir: &Path,
    charts: &[Chart],
    weekly: &[WeeklyRow],
    mut sections: Sections,
) -> Result<(), ReportError> {
    sections
        .incident_rows
        .flush()
        .map_err(io_err(&sections.incident_rows_path))?;
    sections
        .totals_rows
        .flush()
        .map_err(io_err(&sections.totals_rows_path))?;
    sections
        .excluded_rows
        .flush()
        .map_err(io_err(&sections.excluded_rows_path))?;
    let file = fs::File::create(path).map_err(io_err(path))?;
    let mut out = io::BufWriter::new(file);
    page(&mut out, head, dir, charts, weekly, &sections).map_err(io_err(path))?;
    out.flush().map_err(io_err(path))
}

fn page(
    out: &mut impl Write,
    head: &Head,
    dir: &Path,
    charts: &[Chart],
    weekly: &[WeeklyRow],
    sections: &Sections,
) -> io::Result<()> {
    for part in TEMPLATE.split_inclusive("-->\n") {
        let (text, section) = match part.rsplit_once("<!-- hasila:") {
            Some((text, marker)) => (text, marker.strip_suffix(" -->\n")),
            None => (part, None),
        };
        out.write_all(fill(text, head).as_bytes())?;
        match section {
            Some("charts") => charts_section(out, dir, charts)?,
            Some("weekly") => weekly_section(out, weekly, &sections.behind)?,
            Some("incidents") => {
                io::copy(&mut fs::File::open(&sections.incident_rows_path)?, out)?;
            }
            Some("totals") => {
                io::copy(&mut fs::File::open(&sections.totals_rows_path)?, out)?;
            }
            Some("excluded") => {
                io::copy(&mut fs::File::open(&sections.excluded_rows_path)?, out)?;
                if let Some(more) = sections
                    .excluded
                    .checked_sub(PAGE_EXCLUDED)
                    .filter(|&n| n > 0)
                {
                    writeln!(
                        out,
                        "<tr><td colspan=7>… و{}: excluded.csv يضمها كلها</td></tr>",
                        labels::counted(more as u64, &labels::MENTIONS)
                    )?;
                }
            }
            Some(other) => return Err(io::Error::other(format!("page: no section {other}"))),
            None => {}
        }
    }
    Ok(())
}

/// The template's text with the head's `{{fields}}` filled in.
fn fill(text: &str, head: &Head) -> String {
    let period = head.period.map_or_else(
        || "—".to_string(),
        |(a, z)| format!("<bdi dir=\"ltr\">{a} – {z}</bdi>"),
    );
    let fields = [
        (
            "incidents",
            labels::counted(head.incidents as u64, &labels::INCIDENTS),
        ),
        (
            "mentions",
            labels::counted(head.mentions as u64, &labels::MENTIONS),
        ),
        (
            "undated",
            labels::counted(head.undated as u64, &labels::MENTIONS),
        ),
        ("incident_count", labels::thousands(head.incidents as u64)),
        ("killed", labels::thousands(head.cards[0])),
        ("wounded", labels::thousands(head.cards[1])),
        ("children_killed", labels::thousands(head.cards[2])),
        ("women_killed", labels::thousands(head.cards[3])),
        ("period", period),
        ("made", format!("<bdi dir=\"ltr\">{}</bdi>", head.made)),
    ];
    let mut s = text.to_string();
    for (name, v) in fields {
        s = s.replace(&format!("{{{{{name}}}}}"), &v);
    }
    s
}

fn charts_section(out: &mut impl Write, dir: &Path, charts: &[Chart]) -> io::Result<()> {
    for c in charts {
        let png = fs::read(dir.join(&c.file))?;
        writeln!(
            out,
            "<figure><img alt=\"{}\" src=\"data:image/png;base64,{}\"></figure>",
            esc(&c.caption),
            base64::engine::general_purpose::STANDARD.encode(png)
        )?;
    }
    Ok(())
}

fn weekly_section(
    out: &mut impl Write,
    weekly: &[WeeklyRow],
    behind: &BTreeMap<Cell, (String, usize)>,
) -> io::Result<()> {
    for r in weekly {
        // The incidents behind this figure, with their sources and quotes, on demand.
        let key = (r.week_start, r.admin1_pcode.clone(), r.category, r.group);
        let (mut markup, count) = behind.get(&key).cloned().unwrap_or_default();
        if count > PAGE_INCIDENTS {
            let _ = write!(
                markup,
                "<p class=muted>… {} more in incidents.csv</p>",
                count - PAGE_INCIDENTS
            );
        }
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td><td><details><summary>{}</summary>{markup}</details></td></tr>",
            day(r.week_start),
            esc(labels::admin1(&r.admin1_pcode)),
            labels::category(r.category),
            labels::group(r.group),
            count_cell(r),
            labels::thousands(r.low),
            labels::thousands(r.high),
            labels::thousands(r.incidents)
        )?;
    }
    Ok(())
}

/// A weekly row's count as the page shows it: blank when only vague figures make it
/// ("dozens wounded" is no zero; its range stands in the next cells), else the exact sum.
fn count_cell(r: &WeeklyRow) -> String {
    if r.count == 0 && r.high > 0 {
        String::new()
    } else {
        labels::thousands(r.count)
    }
}

/// An incident's quotes with their articles, as page markup.
fn quotes(i: &Incident) -> String {
    let mut q = String::new();
    for (doc, quote) in i.quotes.iter().take(PAGE_QUOTES) {
        let _ = write!(
            q,
            "<blockquote>{} <span class=muted>— {}</span></blockquote>",
            esc(quote),
            source(doc)
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

/// Incident `n` (from 0) as a row of the page's incidents table.
fn incident_row(n: usize, i: &Incident) -> String {
    let fig = |c| {
        i.figure(c, GroupKey::All).map_or(String::new(), |f| {
            let n = labels::thousands;
            if !f.exact {
                format!("{}–{}", n(f.low), n(f.high))
            } else if f.low < f.count {
                format!("{} (أدنى {})", n(f.count), n(f.low))
            } else {
                n(f.count)
            }
        })
    };
    let place = match (&i.place, &i.admin1_pcode) {
        (Some(p), Some(a)) => format!("{} — {}", esc(p), esc(labels::admin1(a))),
        (None, Some(a)) => esc(labels::admin1(a)),
        _ => labels::UNKNOWN_PLACE.into(),
    };
    format!(
        "<tr><td>{}</td><td>{}</td><td>{place}</td><td class=n>{}</td><td class=n>{}</td><td><details><summary>{}</summary>{}</details></td></tr>",
        n + 1,
        day(i.event_date),
        fig(Category::Killed),
        fig(Category::Wounded),
        labels::counted(i.sources.len() as u64, &labels::SOURCES),
        quotes(i)
    )
}

/// A mention left out of every incident, as the page's excluded table shows it.
pub struct ExcludedRow<'m> {
    pub doc_id: &'m str,
    pub date: Option<NaiveDate>,
    pub admin1_pcode: Option<&'m str>,
    pub category: Option<Category>,
    pub count: Option<u64>,
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub quote: &'m str,
    pub why: crate::aggregate::LeftOut,
}

fn excluded_row(r: &ExcludedRow<'_>) -> String {
    let figure = match (r.count, r.low, r.high) {
        (Some(c), _, _) => labels::thousands(c),
        (None, Some(l), Some(h)) => format!("{}–{}", labels::thousands(l), labels::thousands(h)),
        _ => String::new(),
    };
    format!(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=n>{}</td><td>{}</td></tr>",
        esc(labels::left_out(r.why)),
        source(r.doc_id),
        r.date.map(day).unwrap_or_default(),
        esc(labels::admin1(r.admin1_pcode.unwrap_or(""))),
        r.category.map(labels::category).unwrap_or_default(),
        figure,
        esc(r.quote)
    )
}

/// A cumulative statement as a row of the page's totals table.
fn total_row(m: &Mention) -> String {
    format!(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=n>{}</td><td>{}</td></tr>",
        source(&m.doc_id),
        m.published.map(day).unwrap_or_default(),
        esc(labels::admin1(m.admin1_pcode.as_deref().unwrap_or(""))),
        labels::category(m.category),
        m.count.map_or_else(
            || format!("{}–{}", opt(m.low), opt(m.high)),
            labels::thousands
        ),
        esc(&m.quote)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every section the template names is one the page writes, each once and in order,
    /// and every field of its head is filled.
    /// "Dozens wounded" alone shows no zero; an exact sum shows as it is, zero included
    /// when nothing vague stands behind it.
    #[test]
    fn a_source_keeps_left_to_right_and_shows_its_file_name() {
        assert_eq!(
            source("/work/main/fixtures/samples/x.txt"),
            "<bdi dir=\"ltr\" title=\"/work/main/fixtures/samples/x.txt\">x.txt</bdi>"
        );
        assert_eq!(source("a1"), "<bdi dir=\"ltr\" title=\"a1\">a1</bdi>");
    }

    #[test]
    fn a_vague_only_weekly_figure_is_no_zero() {
        let row = |count, low, high| WeeklyRow {
            week_start: chrono::NaiveDate::from_ymd_opt(2024, 1, 6).unwrap(),
            admin1: "Aleppo".into(),
            admin1_pcode: "SY02".into(),
            category: Category::Wounded,
            group: GroupKey::All,
            count,
            low,
            high,
            incidents: 1,
        };
        assert_eq!(count_cell(&row(0, 30, 99)), "");
        assert_eq!(count_cell(&row(5, 35, 104)), "5");
        assert_eq!(count_cell(&row(0, 0, 0)), "0");
    }

    #[test]
    fn the_template_has_every_section_once_and_every_field_filled() {
        let markers: Vec<&str> = TEMPLATE
            .lines()
            .filter_map(|l| l.strip_prefix("<!-- hasila:"))
            .collect();
        assert_eq!(
            markers,
            [
                "charts -->",
                "weekly -->",
                "incidents -->",
                "totals -->",
                "excluded -->"
            ]
        );
        let head = Head {
            incidents: 3,
            mentions: 12,
            undated: 1,
            cards: [10, 2000, 30, 40],
            period: chrono::NaiveDate::from_ymd_opt(2024, 3, 2)
                .zip(chrono::NaiveDate::from_ymd_opt(2024, 3, 22)),
            made: chrono::NaiveDate::from_ymd_opt(2024, 3, 23).unwrap(),
        };
        let filled = fill(TEMPLATE, &head);
        assert!(!filled.contains("{{"), "a field left unfilled");
        assert!(filled.contains("<b>30</b>") && filled.contains("<b>2,000</b>"));
        assert!(filled.contains("3 حوادث من 12 إشارة"), "number agreement");
        assert!(filled.contains("إشارة واحدة بلا تاريخ"));
        assert!(filled.contains("2024-03-02 – 2024-03-22") && filled.contains("2024-03-23"));
    }
}
