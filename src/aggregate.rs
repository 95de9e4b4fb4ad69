//! Mentions → incidents → weekly and cumulative tables.
//!
//! Three steps, each a plain function so it can be tested on its own:
//!
//! 1. [`article_events`]: the mentions of one article that tell one event (same event date
//!    and governorate, incident scope, not page furniture) become one event with a figure
//!    per category and group. Repeats (headline and body) count once: the largest figure
//!    stated wins. The category total (`all`) is counted once: a breakdown never doubles its
//!    total, and parts with no stated total add up (`مقتل طفلين وامرأة` is 3).
//! 2. [`merge_incidents`]: the same event told by several articles becomes one incident —
//!    same governorate, event dates at most a day apart, a figure for the same category and
//!    group, places and weapons that do not contradict each other, and figures that agree,
//!    or a later report that raises the toll (tolls rise as bodies are found), or the same
//!    town. The incident keeps the highest figure as its count, the lowest as `low`, and
//!    every source.
//! 3. [`weekly`] (polars): incidents summed per week × governorate × category × group;
//!    [`totals`]: cumulative statements, never summed, the latest per source and subject.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use polars::prelude::*;

use crate::extract::{Flag, Mention, Scope};
use crate::lexicon::{Category, Group};

/// Which group a figure is for: a stated group, or the category total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GroupKey {
    All,
    Group(Group),
}

impl GroupKey {
    pub fn name(self) -> &'static str {
        match self {
            GroupKey::All => "all",
            GroupKey::Group(g) => group_name(g),
        }
    }
}

pub fn group_name(g: Group) -> &'static str {
    match g {
        Group::Civilian => "civilian",
        Group::Child => "child",
        Group::Woman => "woman",
        Group::Man => "man",
        Group::Combatant => "combatant",
        Group::Unspecified => "unspecified",
    }
}

pub fn category_name(c: Category) -> &'static str {
    match c {
        Category::Killed => "killed",
        Category::Wounded => "wounded",
        Category::KilledOrWounded => "killed_or_wounded",
    }
}

/// One figure of an event: an exact count, and bounds that also carry vague figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Figure {
    /// The exact count (0 when only vague figures were stated).
    pub count: u64,
    pub low: u64,
    pub high: u64,
    /// At least one exact figure was stated.
    pub exact: bool,
}

impl Figure {
    fn exact(c: u64) -> Figure {
        Figure {
            count: c,
            low: c,
            high: c,
            exact: true,
        }
    }

    /// Two statements of the same figure: the largest wins.
    fn max(self, o: Figure) -> Figure {
        match (self.exact, o.exact) {
            (true, false) => self,
            (false, true) => o,
            _ => Figure {
                count: self.count.max(o.count),
                low: self.low.max(o.low),
                high: self.high.max(o.high),
                exact: self.exact,
            },
        }
    }

    fn add(self, o: Figure) -> Figure {
        Figure {
            count: self.count + o.count,
            low: self.low + o.low,
            high: self.high + o.high,
            exact: self.exact || o.exact,
        }
    }
}

/// An event: one article's, or several merged into an incident.
#[derive(Debug, Clone, PartialEq)]
pub struct Incident {
    pub event_date: NaiveDate,
    pub admin1: Option<String>,
    pub admin1_pcode: Option<String>,
    pub place: Option<String>,
    pub pcode: Option<String>,
    pub weapon: Option<String>,
    pub figures: BTreeMap<(Category, GroupKey), Figure>,
    /// Article ids, in the order they were merged.
    pub sources: Vec<String>,
    /// The quotes that state it, with their article.
    pub quotes: Vec<(String, String)>,
}

impl Incident {
    pub fn figure(&self, c: Category, g: GroupKey) -> Option<Figure> {
        self.figures.get(&(c, g)).copied()
    }
}

/// The day a mention's event happened: its event date, else its publication date.
fn day(m: &Mention) -> Option<NaiveDate> {
    m.event_date
        .as_deref()
        .or(m.published.as_deref())
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// Does this mention count towards incidents?
fn counts_for_incidents(m: &Mention) -> bool {
    m.scope == Scope::Incident
        && !m.flags.contains(&Flag::Furniture)
        && (m.count.is_some() || m.vague)
}

fn mention_figure(m: &Mention) -> Figure {
    match m.count {
        Some(c) => Figure::exact(c),
        None => Figure {
            count: 0,
            low: m.low.unwrap_or(0),
            high: m.high.or(m.low).unwrap_or(0),
            exact: false,
        },
    }
}

/// The category total from per-group figures: civilians are at least their men, women and
/// children; combatants come on top; an unspecified total covers everyone.
fn total(groups: &BTreeMap<Group, Figure>) -> Figure {
    let g = |x| groups.get(&x).copied().unwrap_or_default();
    let parts = g(Group::Child).add(g(Group::Woman)).add(g(Group::Man));
    let civilians = g(Group::Civilian).max(parts);
    let known = civilians.add(g(Group::Combatant));
    g(Group::Unspecified).max(known)
}

/// Step 1: the events of each article. Mentions without a date cannot be placed in a
/// week and are returned apart.
pub fn article_events(mentions: &[Mention]) -> (Vec<Incident>, Vec<&Mention>) {
    let mut undated = Vec::new();
    // (doc, date, admin1) → mentions, in first-seen order.
    let mut order: Vec<(String, NaiveDate, Option<String>)> = Vec::new();
    let mut groups: BTreeMap<(String, NaiveDate, Option<String>), Vec<&Mention>> = BTreeMap::new();
    for m in mentions.iter().filter(|m| counts_for_incidents(m)) {
        let Some(d) = day(m) else {
            undated.push(m);
            continue;
        };
        let key = (m.doc_id.clone(), d, m.admin1_pcode.clone());
        if !groups.contains_key(&key) {
            order.push(key.clone());
        }
        groups.entry(key).or_default().push(m);
    }
    let events = order
        .into_iter()
        .map(|key| {
            let ms = &groups[&key];
            let mut per: BTreeMap<Category, BTreeMap<Group, Figure>> = BTreeMap::new();
            for m in ms {
                let f = mention_figure(m);
                let slot = per
                    .entry(m.category)
                    .or_default()
                    .entry(m.group)
                    .or_default();
                *slot = if *slot == Figure::default() {
                    f
                } else {
                    slot.max(f)
                };
            }
            let mut figures = BTreeMap::new();
            for (c, gs) in &per {
                for (g, f) in gs {
                    figures.insert((*c, GroupKey::Group(*g)), *f);
                }
                figures.insert((*c, GroupKey::All), total(gs));
            }
            // The most specific place stated for the event.
            let placed = ms
                .iter()
                .filter(|m| m.pcode.is_some())
                .max_by_key(|m| m.pcode.as_ref().map_or(0, String::len));
            Incident {
                event_date: key.1,
                admin1: ms.iter().find_map(|m| m.admin1.clone()),
                admin1_pcode: key.2.clone(),
                place: placed.and_then(|m| m.place.clone()),
                pcode: placed.and_then(|m| m.pcode.clone()),
                weapon: ms.iter().find_map(|m| m.weapon.clone()),
                figures,
                sources: vec![key.0.clone()],
                quotes: ms
                    .iter()
                    .map(|m| (m.doc_id.clone(), m.quote.clone()))
                    .collect(),
            }
        })
        .collect();
    (events, undated)
}

/// A P-code more specific than a governorate's (`SY0206` below `SY02`).
fn specific(pcode: &Option<String>) -> Option<&str> {
    pcode.as_deref().filter(|p| p.len() > 4)
}

/// Can `b` (a later report) be the same event as incident `a`?
fn same_event(a: &Incident, b: &Incident) -> bool {
    if a.sources.iter().any(|s| b.sources.contains(s)) {
        return false; // two events of one article are two events
    }
    if a.admin1_pcode != b.admin1_pcode {
        return false;
    }
    // With no governorate on either side only identical figures can tell the same event.
    let unplaced = a.admin1_pcode.is_none();
    if (a.event_date - b.event_date).num_days().abs() > 1 {
        return false;
    }
    let same_town = match (specific(&a.pcode), specific(&b.pcode)) {
        (Some(x), Some(y)) if x != y => return false,
        (Some(x), Some(y)) => x == y,
        _ => false,
    };
    if let (Some(x), Some(y)) = (&a.weapon, &b.weapon)
        && x != y
    {
        return false;
    }
    // A figure for the same category and group that agrees, or a later report that
    // raises it, or the same town.
    let later = b.event_date > a.event_date;
    a.figures.iter().any(|(k, fa)| {
        b.figures.get(k).is_some_and(|fb| {
            fa.exact
                && fb.exact
                && (fa.count == fb.count
                    || (!unplaced && (same_town || (later && fb.count > fa.count))))
        })
    })
}

/// Step 2: merge the events told by several articles. Events are taken by date, so a
/// revision meets the report it revises.
pub fn merge_incidents(mut events: Vec<Incident>) -> Vec<Incident> {
    events.sort_by_key(|a| a.event_date);
    let mut out: Vec<Incident> = Vec::new();
    for e in events {
        // `out` is in date order (an incident's date only moves back to its own earliest
        // report), and an event merges only within a day: look back no further.
        let near = out
            .iter_mut()
            .rev()
            .take_while(|i| (e.event_date - i.event_date).num_days() <= 1);
        match near.into_iter().find(|i| same_event(i, &e)) {
            Some(i) => {
                for (k, f) in e.figures {
                    i.figures
                        .entry(k)
                        .and_modify(|g| {
                            // The highest count wins; the lowest reported stays as `low`.
                            let low = g.low.min(f.low);
                            *g = g.max(f);
                            g.low = low;
                        })
                        .or_insert(f);
                }
                if specific(&i.pcode).is_none() && specific(&e.pcode).is_some() {
                    i.pcode = e.pcode;
                    i.place = e.place;
                }
                i.weapon = i.weapon.take().or(e.weapon);
                i.event_date = i.event_date.min(e.event_date);
                i.sources.extend(e.sources);
                i.quotes.extend(e.quotes);
            }
            None => out.push(e),
        }
    }
    out
}

/// The first day of the week holding `d`.
pub fn week_start(d: NaiveDate, start: Weekday) -> NaiveDate {
    let back = (7 + d.weekday().num_days_from_monday() - start.num_days_from_monday()) % 7;
    d - Duration::days(i64::from(back))
}

/// Step 3: the weekly long table, one row per week × governorate × category × group:
/// `week_start, admin1, admin1_pcode, category, group, count, low, high, incidents`.
pub fn weekly(incidents: &[Incident], start: Weekday) -> PolarsResult<DataFrame> {
    let (mut week, mut admin1, mut pcode, mut cat, mut grp) =
        (vec![], vec![], vec![], vec![], vec![]);
    let (mut count, mut low, mut high) = (vec![], vec![], vec![]);
    for i in incidents {
        for ((c, g), f) in &i.figures {
            week.push(week_start(i.event_date, start).to_string());
            admin1.push(i.admin1.clone().unwrap_or_default());
            pcode.push(i.admin1_pcode.clone().unwrap_or_default());
            cat.push(category_name(*c));
            grp.push(g.name());
            count.push(f.count);
            low.push(f.low);
            high.push(f.high);
        }
    }
    let df = DataFrame::new_infer_height(vec![
        Column::new("week_start".into(), week),
        Column::new("admin1".into(), admin1),
        Column::new("admin1_pcode".into(), pcode),
        Column::new("category".into(), cat),
        Column::new("group".into(), grp),
        Column::new("count".into(), count),
        Column::new("low".into(), low),
        Column::new("high".into(), high),
    ])?;
    let keys = ["week_start", "admin1", "admin1_pcode", "category", "group"];
    df.lazy()
        .group_by(keys.map(col))
        .agg([
            col("count").sum(),
            col("low").sum(),
            col("high").sum(),
            len().cast(DataType::UInt64).alias("incidents"),
        ])
        .sort(keys, SortMultipleOptions::default())
        .collect()
}

/// Cumulative statements: never summed; per source (article) and subject (governorate,
/// category, group) the latest, and of equal dates the largest.
pub fn totals(mentions: &[Mention]) -> Vec<&Mention> {
    let mut best: BTreeMap<(String, Option<String>, Category, Group), &Mention> = BTreeMap::new();
    for m in mentions
        .iter()
        .filter(|m| m.scope == Scope::Cumulative && !m.flags.contains(&Flag::Furniture))
    {
        let key = (
            m.doc_id.clone(),
            m.admin1_pcode.clone(),
            m.category,
            m.group,
        );
        let newer = |o: &Mention| (day(m), m.count.unwrap_or(0)) > (day(o), o.count.unwrap_or(0));
        best.entry(key)
            .and_modify(|o| {
                if newer(o) {
                    *o = m;
                }
            })
            .or_insert(m);
    }
    best.into_values().collect()
}

/// Keep incidents whose event date is within `from..=to`.
pub fn within(
    incidents: Vec<Incident>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Vec<Incident> {
    incidents
        .into_iter()
        .filter(|i| from.is_none_or(|f| i.event_date >= f) && to.is_none_or(|t| i.event_date <= t))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests;
