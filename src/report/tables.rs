//! The report's tables: their columns (header, HXL hashtags, which hold numbers), their rows
//! as typed values, and CSV files written from them.
//!
//! The weekly table comes from polars as typed [`WeeklyRow`]s; the pivot, the wide table,
//! the charts and the page read those fields by name. Rows become strings only when a file
//! is written.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

use chrono::NaiveDate;
use polars::prelude::DataFrame;

use super::{ReportError, csv_err, io_err};
use crate::aggregate::{GroupKey, Incident};
use crate::record::{Category, FIELDS, Group, Mention};

/// A table's columns: header, HXL hashtags (one per column) and which hold numbers.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    pub header: Vec<String>,
    pub hxl: Vec<String>,
    pub numeric: Vec<bool>,
}

/// Rows as a file writes them.
pub type Rows = Vec<Vec<String>>;

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn opt(v: Option<u64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The mentions table: SPEC's fields, rows from [`crate::export::mention_row`].
pub fn mentions_columns() -> Columns {
    let hxl = FIELDS
        .iter()
        .map(|h| {
            match *h {
                "doc_id" => "#meta+id",
                "category" => "#meta+category",
                "count" => "#affected",
                "low" => "#affected+min",
                "high" => "#affected+max",
                "group" => "#meta+group",
                "scope" => "#meta+scope",
                "cause" => "#meta+cause",
                "weapon" => "#meta+weapon",
                "flags" => "#meta+flags",
                "admin1" => "#adm1+name",
                "admin1_pcode" => "#adm1+code",
                "place" => "#loc+name",
                "pcode" => "#loc+code",
                "event_date" => "#date+occurred",
                "published" => "#date+reported",
                "quote" => "#description",
                _ => "",
            }
            .to_string()
        })
        .collect();
    Columns {
        header: strings(&FIELDS),
        hxl,
        numeric: FIELDS
            .iter()
            .map(|h| matches!(*h, "count" | "low" | "high" | "start" | "end"))
            .collect(),
    }
}

/// The (category, group) columns of incidents, in a fixed order.
pub fn figure_columns() -> Vec<(Category, GroupKey)> {
    Category::ALL
        .into_iter()
        .flat_map(|c| GroupKey::ALL.into_iter().map(move |g| (c, g)))
        .collect()
}

fn column_name(c: Category, g: GroupKey) -> String {
    match g {
        GroupKey::All => c.name().to_string(),
        GroupKey::Group(x) => format!("{}_{}", c.name(), x.name()),
    }
}

/// The HXL hashtag of a category × group column.
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

/// The incidents table; rows from [`incident_row`].
pub fn incidents_columns() -> Columns {
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
        "#event+code",
        "#date+occurred",
        "#adm1+name",
        "#adm1+code",
        "#loc+name",
        "#loc+code",
        "#event+type",
    ]);
    // The incident's number is a number.
    let mut numeric = vec![false; header.len()];
    numeric[0] = true;
    for (c, g) in figure_columns() {
        header.push(column_name(c, g));
        hxl.push(hxl_name(c, g));
        numeric.push(true);
        header.push(format!("{}_low", column_name(c, g)));
        hxl.push(format!("{}+min", hxl_name(c, g)));
        numeric.push(true);
    }
    header.extend(strings(&["sources", "quotes"]));
    hxl.extend(strings(&["#meta+source", "#description"]));
    numeric.extend([false, false]);
    Columns {
        header,
        hxl,
        numeric,
    }
}

/// Incident `n` (from 0) as a row of [`incidents_columns`]: an exact figure's count and
/// low; a vague one's low only.
pub fn incident_row(n: usize, i: &Incident) -> Vec<String> {
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
        let (count, low) = match i.figure(c, g) {
            Some(f) if f.exact => (f.count.to_string(), f.low.to_string()),
            Some(f) => (String::new(), f.low.to_string()),
            None => (String::new(), String::new()),
        };
        r.push(count);
        r.push(low);
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

/// One row of the weekly table: a week × governorate × category × group cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeeklyRow {
    pub week_start: NaiveDate,
    pub admin1: String,
    pub admin1_pcode: String,
    pub category: Category,
    pub group: GroupKey,
    /// Exact figures summed; vague ones add only to `low` and `high`.
    pub count: u64,
    pub low: u64,
    pub high: u64,
    pub incidents: u64,
}

/// The weekly table's columns, in [`weekly_record`]'s order.
pub fn weekly_columns() -> Columns {
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
    Columns {
        header: strings(&names),
        hxl: strings(&[
            "#date+start",
            "#adm1+name",
            "#adm1+code",
            "#meta+category",
            "#meta+group",
            "#affected",
            "#affected+min",
            "#affected+max",
            "#meta+incidents",
        ]),
        numeric: names
            .iter()
            .map(|n| matches!(*n, "count" | "low" | "high" | "incidents"))
            .collect(),
    }
}

/// The weekly DataFrame (see [`crate::aggregate::Weekly`]) as typed rows, in its order.
pub fn weekly_rows(df: &DataFrame) -> Result<Vec<WeeklyRow>, ReportError> {
    let text = |name: &str| -> Result<Vec<String>, ReportError> {
        let s = df.column(name)?.str()?;
        Ok((0..df.height())
            .map(|r| s.get(r).unwrap_or("").to_string())
            .collect())
    };
    let number = |name: &str| -> Result<Vec<u64>, ReportError> {
        let n = df.column(name)?.u64()?;
        Ok((0..df.height()).map(|r| n.get(r).unwrap_or(0)).collect())
    };
    let bad = |what: &str, v: &str| ReportError::Weekly(format!("weekly table: {what} {v:?}"));
    let (weeks, admin1, pcode) = (text("week_start")?, text("admin1")?, text("admin1_pcode")?);
    let (cats, groups) = (text("category")?, text("group")?);
    let (count, low, high, incidents) = (
        number("count")?,
        number("low")?,
        number("high")?,
        number("incidents")?,
    );
    let mut rows = Vec::with_capacity(df.height());
    for r in 0..df.height() {
        rows.push(WeeklyRow {
            week_start: weeks[r].parse().map_err(|_| bad("week", &weeks[r]))?,
            admin1: admin1[r].clone(),
            admin1_pcode: pcode[r].clone(),
            category: Category::ALL
                .into_iter()
                .find(|c| c.name() == cats[r])
                .ok_or_else(|| bad("category", &cats[r]))?,
            group: GroupKey::ALL
                .into_iter()
                .find(|g| g.name() == groups[r])
                .ok_or_else(|| bad("group", &groups[r]))?,
            count: count[r],
            low: low[r],
            high: high[r],
            incidents: incidents[r],
        });
    }
    Ok(rows)
}

/// A weekly row as [`weekly_columns`] writes it.
pub fn weekly_record(r: &WeeklyRow) -> Vec<String> {
    vec![
        r.week_start.to_string(),
        r.admin1.clone(),
        r.admin1_pcode.clone(),
        r.category.name().to_string(),
        r.group.name().to_string(),
        r.count.to_string(),
        r.low.to_string(),
        r.high.to_string(),
        r.incidents.to_string(),
    ]
}

/// One row per week × governorate, one column per category × group (HXL has no long
/// form): the exact counts, empty where nothing was stated.
pub fn weekly_wide(weekly: &[WeeklyRow]) -> (Columns, Rows) {
    let cols = figure_columns();
    type Cells = BTreeMap<(Category, GroupKey), u64>;
    let mut cells: BTreeMap<(NaiveDate, &str, &str), Cells> = BTreeMap::new();
    for r in weekly {
        cells
            .entry((r.week_start, &r.admin1, &r.admin1_pcode))
            .or_default()
            .insert((r.category, r.group), r.count);
    }
    let mut header = strings(&["week_start", "admin1", "admin1_pcode"]);
    let mut hxl = strings(&["#date+start", "#adm1+name", "#adm1+code"]);
    for (c, g) in &cols {
        header.push(column_name(*c, *g));
        hxl.push(hxl_name(*c, *g));
    }
    let rows = cells
        .into_iter()
        .map(|((w, a, p), v)| {
            let mut r = vec![w.to_string(), a.to_string(), p.to_string()];
            r.extend(
                cols.iter()
                    .map(|k| v.get(k).map(u64::to_string).unwrap_or_default()),
            );
            r
        })
        .collect();
    let numeric = (0..header.len()).map(|i| i >= 3).collect();
    (
        Columns {
            header,
            hxl,
            numeric,
        },
        rows,
    )
}

/// The weeks of the weekly table, in order, each once.
pub fn weeks_of(weekly: &[WeeklyRow]) -> Vec<NaiveDate> {
    let mut weeks: Vec<NaiveDate> = weekly.iter().map(|r| r.week_start).collect();
    weeks.sort();
    weeks.dedup();
    weeks
}

/// The exact count of one category and group, per week of `weeks`.
pub fn weekly_values(
    weekly: &[WeeklyRow],
    weeks: &[NaiveDate],
    c: Category,
    g: GroupKey,
) -> Vec<u64> {
    weeks
        .iter()
        .map(|w| {
            weekly
                .iter()
                .filter(|r| r.week_start == *w && r.category == c && r.group == g)
                .map(|r| r.count)
                .sum()
        })
        .collect()
}

/// Per week, the low and high bounds of a category's total over every governorate: where
/// they pass its exact sum, vague figures (`عشرات`) stand behind it.
pub fn weekly_bounds(weekly: &[WeeklyRow], weeks: &[NaiveDate], c: Category) -> Vec<(u64, u64)> {
    weeks
        .iter()
        .map(|w| {
            weekly
                .iter()
                .filter(|r| r.week_start == *w && r.category == c && r.group == GroupKey::All)
                .fold((0, 0), |(lo, hi), r| (lo + r.low, hi + r.high))
        })
        .collect()
}

/// Weeks × governorates, killed (all groups): the sheet an analyst reads first.
pub fn pivot(weekly: &[WeeklyRow]) -> (Columns, Rows) {
    let weeks = weeks_of(weekly);
    let mut govs: Vec<(&str, &str)> = weekly
        .iter()
        .map(|r| (r.admin1_pcode.as_str(), r.admin1.as_str()))
        .collect();
    govs.sort();
    govs.dedup();
    // In the page's words: the governorates by their Arabic names (`إدلب (SY07)`), and
    // `غير معروف` where none is known.
    let mut header = vec![super::labels::WEEK_START.to_string()];
    header.extend(govs.iter().map(|(p, n)| {
        if n.is_empty() {
            super::labels::UNKNOWN_PLACE.into()
        } else {
            format!("{} ({p})", super::labels::admin1(p))
        }
    }));
    header.push(super::labels::TOTAL.into());
    let rows = weeks
        .iter()
        .map(|w| {
            let mut r = vec![w.to_string()];
            let mut sum = 0u64;
            for (p, _) in &govs {
                let v: u64 = weekly
                    .iter()
                    .filter(|x| {
                        x.week_start == *w
                            && x.admin1_pcode == *p
                            && x.category == Category::Killed
                            && x.group == GroupKey::All
                    })
                    .map(|x| x.count)
                    .sum();
                sum += v;
                r.push(v.to_string());
            }
            r.push(sum.to_string());
            r
        })
        .collect();
    let numeric = (0..header.len()).map(|i| i > 0).collect();
    (
        Columns {
            hxl: vec![String::new(); header.len()],
            header,
            numeric,
        },
        rows,
    )
}

/// The columns of `excluded.csv`, in order.
const EXCLUDED: [&str; 13] = [
    "doc_id",
    "published",
    "event_date",
    "admin1_pcode",
    "category",
    "group",
    "count",
    "low",
    "high",
    "quote",
    "start",
    "end",
    "reason",
];

/// `excluded.csv`: every mention in no incident, with why ([`crate::aggregate::LeftOut`]).
pub fn excluded_columns() -> Columns {
    Columns {
        header: strings(&EXCLUDED),
        hxl: strings(&[
            "#meta+id",
            "#date+published",
            "#date+occurred",
            "#adm1+code",
            "#meta+category",
            "#meta+group",
            "#affected",
            "#affected+min",
            "#affected+max",
            "#description",
            "",
            "",
            "#meta+reason",
        ]),
        numeric: EXCLUDED
            .iter()
            .map(|h| matches!(*h, "count" | "low" | "high" | "start" | "end"))
            .collect(),
    }
}

/// A mention left out of every incident, as a row of `excluded.csv`.
pub fn excluded_row(m: &Mention, why: crate::aggregate::LeftOut) -> Vec<String> {
    vec![
        m.doc_id.clone(),
        m.published.map(|d| d.to_string()).unwrap_or_default(),
        m.event_date.map(|d| d.to_string()).unwrap_or_default(),
        m.admin1_pcode.clone().unwrap_or_default(),
        m.category.name().to_string(),
        m.group.name().to_string(),
        opt(m.count),
        opt(m.low),
        opt(m.high),
        m.quote.clone(),
        m.start.to_string(),
        m.end.to_string(),
        why.name().to_string(),
    ]
}

/// The mentions of an incident left out (by `--from`/`--to`, or a revision that revised no
/// incident), as rows of `excluded.csv` with `why`: the incident keeps each one's article
/// and quote, and its date and governorate.
pub fn excluded_incident_rows(i: &Incident, why: crate::aggregate::LeftOut) -> Rows {
    let pcode = i.admin1_pcode.clone().unwrap_or_default();
    let why = why.name();
    i.quotes
        .iter()
        .map(|(doc, quote)| {
            EXCLUDED
                .iter()
                .map(|&col| match col {
                    "doc_id" => doc.clone(),
                    "event_date" => i.event_date.to_string(),
                    "admin1_pcode" => pcode.clone(),
                    "quote" => quote.clone(),
                    "reason" => why.to_string(),
                    _ => String::new(),
                })
                .collect()
        })
        .collect()
}

/// The totals table (cumulative statements); rows from [`totals_row`].
pub fn totals_columns() -> Columns {
    Columns {
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
            "#meta+category",
            "#meta+group",
            "#affected+total",
            "#affected+min",
            "#affected+max",
            "#description",
        ]),
        numeric: vec![
            false, false, false, false, false, false, false, true, true, true, false,
        ],
    }
}

/// A cumulative statement as a row of [`totals_columns`].
pub fn totals_row(m: &Mention) -> Vec<String> {
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

/// A CSV file written row by row: a UTF-8 BOM (so spreadsheets open Arabic intact), the
/// header, and the HXL row when asked.
pub type CsvFile = csv::Writer<io::BufWriter<fs::File>>;

pub fn csv_file(path: &Path, cols: &Columns, hxl: bool) -> Result<CsvFile, ReportError> {
    let mut file = io::BufWriter::new(fs::File::create(path).map_err(io_err(path))?);
    file.write_all(b"\xEF\xBB\xBF").map_err(io_err(path))?;
    let mut w = csv::Writer::from_writer(file);
    w.write_record(&cols.header).map_err(csv_err(path))?;
    if hxl {
        w.write_record(&cols.hxl).map_err(csv_err(path))?;
    }
    Ok(w)
}

/// A whole table as a [`csv_file`].
pub fn write_csv(path: &Path, cols: &Columns, rows: &Rows, hxl: bool) -> Result<(), ReportError> {
    let mut w = csv_file(path, cols, hxl)?;
    for r in rows {
        w.write_record(crate::export::inert_row(r))
            .map_err(csv_err(path))?;
    }
    w.flush().map_err(io_err(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Dozens wounded" in a week is a range over the exact sum, for the chart's whisker.
    #[test]
    fn weekly_bounds_hold_the_vague_range_of_the_totals() {
        let d = |day| chrono::NaiveDate::from_ymd_opt(2024, 3, day).unwrap();
        let row = |week, pcode: &str, group, count, low, high| WeeklyRow {
            week_start: week,
            admin1: String::new(),
            admin1_pcode: pcode.into(),
            category: Category::Wounded,
            group,
            count,
            low,
            high,
            incidents: 1,
        };
        let weekly = [
            row(d(2), "SY07", GroupKey::All, 0, 30, 99),
            row(d(2), "SY02", GroupKey::All, 4, 4, 4),
            row(d(2), "SY02", GroupKey::Group(Group::Child), 4, 4, 4),
            row(d(9), "SY02", GroupKey::All, 5, 5, 5),
        ];
        assert_eq!(
            weekly_bounds(&weekly, &[d(2), d(9), d(16)], Category::Wounded),
            [(34, 103), (5, 5), (0, 0)]
        );
    }

    /// Every table's HXL row uses the dictionary's hashtags as their types say: `#affected`
    /// (a number) only on numeric columns and on every count, text under `#meta`,
    /// `#description` or a place or date tag, and none of the attributes HXL does not have.
    #[test]
    fn hxl_tags_are_of_the_dictionary_and_fit_their_columns() {
        let tables = [
            ("mentions", mentions_columns()),
            ("incidents", incidents_columns()),
            ("weekly", weekly_columns()),
            ("totals", totals_columns()),
            ("excluded", excluded_columns()),
        ];
        for (name, cols) in tables {
            assert_eq!(cols.hxl.len(), cols.header.len(), "{name}");
            assert_eq!(cols.numeric.len(), cols.header.len(), "{name}");
            for ((tag, numeric), header) in cols.hxl.iter().zip(&cols.numeric).zip(&cols.header) {
                if tag.starts_with("#affected") {
                    assert!(numeric, "{name}.{header}: {tag} on text");
                }
                for bad in [
                    "#affected+type",
                    "#affected+group",
                    "+num",
                    "+week_start",
                    "#event+id",
                ] {
                    assert!(!tag.contains(bad), "{name}.{header}: {tag}");
                }
            }
        }
    }

    fn row(week: &str, pcode: &str, c: Category, g: GroupKey, count: u64) -> WeeklyRow {
        WeeklyRow {
            week_start: week.parse().unwrap(),
            admin1: if pcode.is_empty() { "" } else { "Idleb" }.into(),
            admin1_pcode: pcode.into(),
            category: c,
            group: g,
            count,
            low: count,
            high: count,
            incidents: 1,
        }
    }

    /// Every table's columns agree in length: a header, a hashtag and a kind per column.
    #[test]
    fn columns_agree_in_length() {
        for c in [
            mentions_columns(),
            incidents_columns(),
            weekly_columns(),
            totals_columns(),
        ] {
            assert_eq!(c.header.len(), c.hxl.len());
            assert_eq!(c.header.len(), c.numeric.len());
        }
        assert_eq!(
            incidents_columns().header.len(),
            7 + 2 * figure_columns().len() + 2
        );
    }

    /// The pivot sums killed (all groups) per week and governorate, and nothing else.
    #[test]
    fn the_pivot_counts_only_killed_totals() {
        let k = Category::Killed;
        let rows = vec![
            row("2024-03-02", "SY07", k, GroupKey::All, 5),
            row("2024-03-02", "SY07", k, GroupKey::Group(Group::Child), 2),
            row("2024-03-02", "", k, GroupKey::All, 1),
            row("2024-03-09", "SY07", Category::Wounded, GroupKey::All, 9),
        ];
        let (cols, body) = pivot(&rows);
        assert_eq!(
            cols.header,
            ["بداية الأسبوع", "غير معروف", "إدلب (SY07)", "المجموع"]
        );
        assert_eq!(body[0], ["2024-03-02", "1", "5", "6"]);
        assert_eq!(body[1], ["2024-03-09", "0", "0", "0"]);
        let (wide, wide_rows) = weekly_wide(&rows);
        assert_eq!(wide_rows.len(), 3);
        let col = wide
            .header
            .iter()
            .position(|h| h == "killed_child")
            .unwrap();
        assert_eq!(wide_rows[1][col], "2");
        assert_eq!(wide_rows[2][col], "");
    }
}
