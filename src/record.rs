//! SPEC's mention record: the one type every stage after extraction reads.
//!
//! The engine makes [`Mention`]s; aggregation, export and the report read them; the rules
//! file names its categories, groups and causes with the same enums. Nothing here knows how
//! a mention was found, so a downstream stage depends on this module and never on the engine.
//!
//! Every enum has one output name ([`Category::name`], …), the one serde gives (a test holds
//! them together), and [`FIELDS`] is the field order of every output of the record: JSON
//! Lines, CSV, and the report's `mentions.csv`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What happened to the people counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Killed,
    Wounded,
    /// `ضحايا`, `إصابات` in the sense of casualties: killed and wounded together.
    KilledOrWounded,
}

/// Who the people counted were, as stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Civilian,
    Child,
    Woman,
    Man,
    Combatant,
    Unspecified,
}

/// Why they died or were hurt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    Violence,
    Accident,
    Disease,
    /// Hunger, cold, or not said.
    Unknown,
}

/// Whether a figure is one event's toll or a running total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Incident,
    Cumulative,
}

/// Marks on a mention that a reader of the table should know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Stated in the headline (the first line, or the title field).
    Headline,
    /// One part of a breakdown of a larger figure.
    Breakdown,
    /// A breakdown whose parts do not add up to the total it breaks down.
    SumMismatch,
    /// Page furniture (tickers, related-news lists), not the article.
    Furniture,
    /// An earlier event cited in passing (`يذكر أن`, `وكان … قد قتلوا`, `آنذاك`): not the
    /// event the article reports, so it makes no incident of its own.
    Background,
    /// The running total of one event its sentence names (`ارتفعت حصيلة القصف على المدينة
    /// أمس إلى 8`): cumulative, it may raise that event's incident, never make one.
    Revision,
}

impl Category {
    pub const ALL: [Category; 3] = [
        Category::Killed,
        Category::Wounded,
        Category::KilledOrWounded,
    ];

    /// The name in every output.
    pub const fn name(self) -> &'static str {
        match self {
            Category::Killed => "killed",
            Category::Wounded => "wounded",
            Category::KilledOrWounded => "killed_or_wounded",
        }
    }
}

impl Group {
    pub const ALL: [Group; 6] = [
        Group::Civilian,
        Group::Child,
        Group::Woman,
        Group::Man,
        Group::Combatant,
        Group::Unspecified,
    ];

    /// The name in every output.
    pub const fn name(self) -> &'static str {
        match self {
            Group::Civilian => "civilian",
            Group::Child => "child",
            Group::Woman => "woman",
            Group::Man => "man",
            Group::Combatant => "combatant",
            Group::Unspecified => "unspecified",
        }
    }
}

impl Cause {
    pub const ALL: [Cause; 4] = [
        Cause::Violence,
        Cause::Accident,
        Cause::Disease,
        Cause::Unknown,
    ];

    /// The name in every output.
    pub const fn name(self) -> &'static str {
        match self {
            Cause::Violence => "violence",
            Cause::Accident => "accident",
            Cause::Disease => "disease",
            Cause::Unknown => "unknown",
        }
    }
}

impl Scope {
    pub const ALL: [Scope; 2] = [Scope::Incident, Scope::Cumulative];

    /// The name in every output.
    pub const fn name(self) -> &'static str {
        match self {
            Scope::Incident => "incident",
            Scope::Cumulative => "cumulative",
        }
    }
}

impl Flag {
    pub const ALL: [Flag; 5] = [
        Flag::Headline,
        Flag::Breakdown,
        Flag::SumMismatch,
        Flag::Furniture,
        Flag::Background,
    ];

    /// The name in every output.
    pub const fn name(self) -> &'static str {
        match self {
            Flag::Headline => "headline",
            Flag::Breakdown => "breakdown",
            Flag::SumMismatch => "sum_mismatch",
            Flag::Furniture => "furniture",
            Flag::Background => "background",
            Flag::Revision => "revision",
        }
    }
}

/// One casualty statement, as SPEC defines it. Fields in [`FIELDS`]' order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub doc_id: String,
    pub category: Category,
    pub count: Option<u64>,
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub approx: bool,
    pub vague: bool,
    pub group: Group,
    pub scope: Scope,
    pub cause: Cause,
    pub weapon: Option<String>,
    pub place: Option<String>,
    pub admin1: Option<String>,
    pub admin1_pcode: Option<String>,
    pub pcode: Option<String>,
    #[serde(with = "iso_date")]
    pub published: Option<NaiveDate>,
    #[serde(with = "iso_date")]
    pub event_date: Option<NaiveDate>,
    /// Cut from the original text: `text[start..end]`.
    pub quote: String,
    pub start: usize,
    pub end: usize,
    /// The id of the rule (construction) that made the mention.
    pub rule: String,
    pub flags: Vec<Flag>,
}

impl Mention {
    /// The day its event happened: the event date, else the publication date.
    pub fn day(&self) -> Option<NaiveDate> {
        self.event_date.or(self.published)
    }
}

/// The record's fields, in SPEC's order: the JSON keys and the CSV columns.
pub const FIELDS: [&str; 22] = [
    "doc_id",
    "category",
    "count",
    "low",
    "high",
    "approx",
    "vague",
    "group",
    "scope",
    "cause",
    "weapon",
    "place",
    "admin1",
    "admin1_pcode",
    "pcode",
    "published",
    "event_date",
    "quote",
    "start",
    "end",
    "rule",
    "flags",
];

/// Dates as SPEC writes them, `YYYY-MM-DD`, or null; anything else in a stored record is an
/// error naming the value, not a silently undated mention.
mod iso_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer, de::Error as _};

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let Some(s) = Option::<std::borrow::Cow<'de, str>>::deserialize(d)? else {
            return Ok(None);
        };
        NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map(Some)
            .map_err(|e| D::Error::custom(format!("date {s:?} is not YYYY-MM-DD: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_serde_names() {
        let name = |v: serde_json::Value| v.as_str().unwrap().to_string();
        for c in Category::ALL {
            assert_eq!(name(serde_json::to_value(c).unwrap()), c.name());
        }
        for g in Group::ALL {
            assert_eq!(name(serde_json::to_value(g).unwrap()), g.name());
        }
        for c in Cause::ALL {
            assert_eq!(name(serde_json::to_value(c).unwrap()), c.name());
        }
        for s in Scope::ALL {
            assert_eq!(name(serde_json::to_value(s).unwrap()), s.name());
        }
        for f in Flag::ALL {
            assert_eq!(name(serde_json::to_value(f).unwrap()), f.name());
        }
    }

    fn sample() -> Mention {
        Mention {
            doc_id: "x".into(),
            category: Category::Killed,
            count: Some(12),
            low: Some(12),
            high: Some(12),
            approx: false,
            vague: false,
            group: Group::Civilian,
            scope: Scope::Incident,
            cause: Cause::Violence,
            weapon: None,
            place: None,
            admin1: None,
            admin1_pcode: None,
            pcode: None,
            published: NaiveDate::from_ymd_opt(2020, 2, 6),
            event_date: None,
            quote: "مقتل 12 مدنيًا".into(),
            start: 0,
            end: 24,
            rule: "cue.killed".into(),
            flags: vec![Flag::Headline],
        }
    }

    /// The serialised keys are [`FIELDS`], in order, and dates round-trip as `YYYY-MM-DD`.
    #[test]
    fn fields_are_the_serialised_keys_in_order() {
        let m = sample();
        let json = serde_json::to_string(&m).unwrap();
        let keys: Vec<usize> = FIELDS
            .iter()
            .map(|k| json.find(&format!("\"{k}\":")).expect(k))
            .collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{json}");
        assert!(json.contains("\"published\":\"2020-02-06\",\"event_date\":null"));
        let back: Mention = serde_json::from_str(&json).unwrap();
        assert_eq!(back, m);
        assert_eq!(back.day(), NaiveDate::from_ymd_opt(2020, 2, 6));
    }

    #[test]
    fn a_stored_date_not_in_spec_form_is_an_error_that_names_it() {
        let json = serde_json::to_string(&sample())
            .unwrap()
            .replace("2020-02-06", "6/2/2020");
        let e = serde_json::from_str::<Mention>(&json).unwrap_err();
        assert!(e.to_string().contains("\"6/2/2020\""), "{e}");
    }
}
