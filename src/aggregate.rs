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
//!
//! Steps 2 and 3 also run as streams, [`Merger`] and [`Weekly`], for the report: events
//! read back by date are merged holding two days of incidents, and the weekly sums are
//! folded every so many figures, so neither holds the corpus.

use std::collections::{BTreeMap, HashSet, VecDeque};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use polars::prelude::*;

use crate::record::{Category, Flag, Group, Mention, Scope};

/// Which group a figure is for: a stated group, or the category total.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum GroupKey {
    All,
    Group(Group),
}

impl GroupKey {
    /// The category total, then every group in [`Group::ALL`]'s order.
    pub const ALL: [GroupKey; 7] = [
        GroupKey::All,
        GroupKey::Group(Group::Civilian),
        GroupKey::Group(Group::Child),
        GroupKey::Group(Group::Woman),
        GroupKey::Group(Group::Man),
        GroupKey::Group(Group::Combatant),
        GroupKey::Group(Group::Unspecified),
    ];

    pub fn name(self) -> &'static str {
        match self {
            GroupKey::All => "all",
            GroupKey::Group(g) => g.name(),
        }
    }
}

/// One figure of an event: an exact count, and bounds that also carry vague figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
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
    /// Made only of running totals of one named event ([`Flag::Revision`]): it may raise
    /// an incident it is the same event as, and is never an incident of its own.
    pub revision: bool,
}

impl Incident {
    pub fn figure(&self, c: Category, g: GroupKey) -> Option<Figure> {
        self.figures.get(&(c, g)).copied()
    }
}

/// Why a mention is in no incident of a report, when it is in none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftOut {
    /// Page furniture: a ticker, a related-news list, a menu.
    Furniture,
    /// A running or period total: listed in `totals.csv`, never summed.
    Cumulative,
    /// An earlier event cited in passing ([`Flag::Background`]).
    Background,
    /// Neither a count nor a vague range.
    NoFigure,
    /// No date of its own or of its article: no week to put it in.
    Undated,
    /// Its incident's date is outside `--from`/`--to`.
    OutsidePeriod,
}

impl LeftOut {
    pub fn name(self) -> &'static str {
        match self {
            LeftOut::Furniture => "furniture",
            LeftOut::Cumulative => "cumulative",
            LeftOut::Background => "background",
            LeftOut::NoFigure => "no_figure",
            LeftOut::Undated => "undated",
            LeftOut::OutsidePeriod => "outside_period",
        }
    }
}

/// Why `m` is left out of every incident, before incidents are made; `None` when it goes
/// into its article's event.
pub fn left_out(m: &Mention) -> Option<LeftOut> {
    if m.flags.contains(&Flag::Furniture) {
        Some(LeftOut::Furniture)
    } else if m.scope != Scope::Incident && !m.flags.contains(&Flag::Revision) {
        Some(LeftOut::Cumulative)
    } else if m.flags.contains(&Flag::Background) {
        Some(LeftOut::Background)
    } else if m.count.is_none() && !m.vague {
        Some(LeftOut::NoFigure)
    } else if m.day().is_none() {
        Some(LeftOut::Undated)
    } else {
        None
    }
}

/// Does this mention count towards incidents (dated or not)?
fn counts_for_incidents(m: &Mention) -> bool {
    left_out(m).is_none_or(|w| w == LeftOut::Undated)
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
        let Some(d) = m.day() else {
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
                revision: ms.iter().all(|m| m.flags.contains(&Flag::Revision)),
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
/// Whether `b` is the same event as `a`, its sources apart (two events of one article are
/// two events: [`Merger`] tells that from a set of each incident's sources).
fn same_event(a: &Incident, b: &Incident) -> bool {
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
    // raises it (a revision of the event's toll raises it whatever its date), or the same
    // town.
    let later = b.event_date > a.event_date || b.revision;
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
    events.sort_by_key(|a| (a.event_date, a.revision));
    let mut merger = Merger::default();
    for e in events {
        // A revision of no incident is none.
        let _ = merger.push(e, ());
    }
    merger.finish().map(|(i, _)| i).collect()
}

/// Step 2 as a stream, for events that come in date order (on one day, revisions after the
/// rest): an incident is settled once an event more than a day later arrives, as nothing
/// from then on can join it. So only the incidents of the last two days are held, whatever
/// the length of the corpus.
///
/// Each event may carry a payload `P` (the report's: where its quotes are on disk); an
/// incident comes out with the payloads of its events in the order they joined.
pub struct Merger<P> {
    /// Unsettled incidents, in date order (an incident's date only moves back to its own
    /// earliest report, and events come in date order), each with its sources as a set: an
    /// incident told by thousands of articles is asked about a new one at once.
    open: VecDeque<(Incident, Vec<P>, HashSet<String>)>,
}

impl<P> Default for Merger<P> {
    fn default() -> Self {
        Merger {
            open: VecDeque::new(),
        }
    }
}

impl<P> Merger<P> {
    /// Take the next event; its date must not be before the last one's. A revision that is
    /// the same event as no incident comes back: it makes none.
    #[must_use]
    pub fn push(&mut self, e: Incident, payload: P) -> Option<(Incident, P)> {
        debug_assert!(
            self.open
                .back()
                .is_none_or(|(i, ..)| i.event_date <= e.event_date)
        );
        // An event merges only within a day: look back no further.
        let near = self
            .open
            .iter_mut()
            .rev()
            .take_while(|(i, ..)| (e.event_date - i.event_date).num_days() <= 1);
        let apart = |seen: &HashSet<String>| !e.sources.iter().any(|s| seen.contains(s));
        match near
            .into_iter()
            .find(|(i, _, seen)| same_event(i, &e) && apart(seen))
        {
            Some((i, payloads, seen)) => {
                seen.extend(e.sources.iter().cloned());
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
                payloads.push(payload);
                None
            }
            None if e.revision => Some((e, payload)),
            None => {
                let seen = e.sources.iter().cloned().collect();
                self.open.push_back((e, vec![payload], seen));
                None
            }
        }
    }

    /// The incidents no event dated `next` or later can join, oldest first.
    pub fn settled(&mut self, next: NaiveDate) -> impl Iterator<Item = (Incident, Vec<P>)> + '_ {
        let n = self
            .open
            .iter()
            .take_while(|(i, ..)| (next - i.event_date).num_days() > 1)
            .count();
        self.open.drain(..n).map(|(i, p, _)| (i, p))
    }

    /// The incidents still open, when no event is left.
    pub fn finish(self) -> impl Iterator<Item = (Incident, Vec<P>)> {
        self.open.into_iter().map(|(i, p, _)| (i, p))
    }
}

/// The first day of the week holding `d`.
pub fn week_start(d: NaiveDate, start: Weekday) -> NaiveDate {
    let back = (7 + d.weekday().num_days_from_monday() - start.num_days_from_monday()) % 7;
    d - Duration::days(i64::from(back))
}

/// Step 3: the weekly long table, one row per week × governorate × category × group:
/// `week_start, admin1, admin1_pcode, category, group, count, low, high, incidents`.
pub fn weekly(incidents: &[Incident], start: Weekday) -> PolarsResult<DataFrame> {
    let mut w = Weekly::new(start);
    for i in incidents {
        w.add(i)?;
    }
    w.finish()
}

/// The key columns of the weekly table.
const WEEKLY_KEYS: [&str; 5] = ["week_start", "admin1", "admin1_pcode", "category", "group"];

/// Step 3 as a stream: incidents are added one by one; every [`Weekly::CHUNK`] figures,
/// polars sums what came into the table so far, so memory follows the number of weekly
/// cells, not of incidents.
pub struct Weekly {
    start: Weekday,
    week: Vec<String>,
    admin1: Vec<String>,
    pcode: Vec<String>,
    cat: Vec<&'static str>,
    grp: Vec<&'static str>,
    count: Vec<u64>,
    low: Vec<u64>,
    high: Vec<u64>,
    /// The sums so far (one row per cell, unsorted).
    summed: Option<DataFrame>,
}

impl Weekly {
    /// Figures held before they are summed.
    pub const CHUNK: usize = 1 << 16;

    pub fn new(start: Weekday) -> Weekly {
        Weekly {
            start,
            week: vec![],
            admin1: vec![],
            pcode: vec![],
            cat: vec![],
            grp: vec![],
            count: vec![],
            low: vec![],
            high: vec![],
            summed: None,
        }
    }

    pub fn add(&mut self, i: &Incident) -> PolarsResult<()> {
        for ((c, g), f) in &i.figures {
            self.week
                .push(week_start(i.event_date, self.start).to_string());
            self.admin1.push(i.admin1.clone().unwrap_or_default());
            self.pcode.push(i.admin1_pcode.clone().unwrap_or_default());
            self.cat.push(c.name());
            self.grp.push(g.name());
            self.count.push(f.count);
            self.low.push(f.low);
            self.high.push(f.high);
        }
        if self.count.len() >= Self::CHUNK {
            self.sum()?;
        }
        Ok(())
    }

    /// Fold the figures held into the sums.
    fn sum(&mut self) -> PolarsResult<()> {
        let n = self.count.len();
        let held = DataFrame::new_infer_height(vec![
            Column::new("week_start".into(), std::mem::take(&mut self.week)),
            Column::new("admin1".into(), std::mem::take(&mut self.admin1)),
            Column::new("admin1_pcode".into(), std::mem::take(&mut self.pcode)),
            Column::new("category".into(), std::mem::take(&mut self.cat)),
            Column::new("group".into(), std::mem::take(&mut self.grp)),
            Column::new("count".into(), std::mem::take(&mut self.count)),
            Column::new("low".into(), std::mem::take(&mut self.low)),
            Column::new("high".into(), std::mem::take(&mut self.high)),
            // Each figure is one incident's: summing these counts the incidents of a cell.
            Column::new("incidents".into(), vec![1u64; n]),
        ])?;
        let all = match self.summed.take() {
            Some(s) => s.vstack(&held)?,
            None => held,
        };
        self.summed = Some(
            all.lazy()
                .group_by(WEEKLY_KEYS.map(col))
                .agg([
                    col("count").sum(),
                    col("low").sum(),
                    col("high").sum(),
                    col("incidents").sum(),
                ])
                .collect()?,
        );
        Ok(())
    }

    /// The table, sorted by its keys.
    pub fn finish(mut self) -> PolarsResult<DataFrame> {
        if self.summed.is_none() || !self.count.is_empty() {
            self.sum()?;
        }
        let summed = self.summed.expect("summed above");
        summed
            .lazy()
            .sort(WEEKLY_KEYS, SortMultipleOptions::default())
            .collect()
    }
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
        let newer = |o: &Mention| (m.day(), m.count.unwrap_or(0)) > (o.day(), o.count.unwrap_or(0));
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

/// Is `date` within `from..=to` (either end open when `None`)?
pub fn within(date: NaiveDate, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    from.is_none_or(|f| date >= f) && to.is_none_or(|t| date <= t)
}

#[cfg(test)]
pub(crate) mod tests;
