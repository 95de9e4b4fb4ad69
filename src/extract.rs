//! The rule engine: normalised text, numbers and lexicon hits → casualty [`Mention`]s.
//!
//! It works clause by clause. For every number the parser found, it looks for the noun
//! counted right after it (`5 قتلى`, `8 مدنيين`), a cue before it (`مقتل 8`, `أصيب أربعة`)
//! or after its noun (`20 مدنيا قتلوا`), and decides the category, the group and the
//! figure. A number with no cue of its own takes the category and group of the mention it
//! is coordinated with (`أودى بحياة 229 مدنيًا وأصاب 727`, `بينهم 26 رجلًا و7 سيدات`). Then
//! cues followed by a singular or dual noun (`مقتل طفل`, `مقتل عنصرين`) and by a vague
//! quantity (`إصابة العديد`, `سقوط قتلى`) make their own mentions.
//!
//! Spans are normalised-text byte offsets inside the engine and are mapped to the original
//! exactly once, when a mention is built.
//!
//! The engine is split along what it decides:
//! - [`reading`]: the text read once (tokens, sentences and clauses, lexicon hits, numbers,
//!   headline and furniture);
//! - [`figures`]: figures read off numbers, with their cue, noun and group, running totals
//!   and breakdowns;
//! - [`nouns`]: figures read off nouns (singular, dual, vague) and the nouns listed after a
//!   figure;
//! - [`context`]: a figure's place, date, scope, cause and weapon;
//! - [`constructions`]: the ids of the constructions, which every mention's `rule` names.

use std::collections::HashMap;

/// Maps keyed by token or sentence number, made for each article: a fast fixed hash.
type FastState = foldhash::fast::FixedState;

use chrono::NaiveDate;

use crate::lexicon::{Closed, Entry, Form, Kind, Lexicon};
use crate::normalize::{Normalized, normalize};
use crate::numbers::tokens::{Tok, TokKind, tokenize};
use crate::numbers::{Amount, NumberParser, Quantity};
use crate::record::{Category, Cause, Flag, Group, Mention, Scope};
use constructions as by;
use figures::{borrow_groups, is_year, mark_breakdowns, restated};
use nouns::Head;
use reading::{Hit, Lead, Reading, cue_sentences};

/// What the engine read in one text and what it made of it ([`Extractor::trace`]). Spans
/// are byte ranges in the original text.
#[derive(Debug, Clone)]
pub struct Trace {
    /// The text the rules see.
    pub normalised: String,
    pub tokens: Vec<String>,
    /// Did the engine read numbers at all? It reads them only in the sentences that hold a
    /// cue word or casualty noun.
    pub numbers_read: bool,
    pub numbers: Vec<TracedNumber>,
    pub hits: Vec<TracedHit>,
    pub mentions: Vec<Mention>,
}

/// A number the engine read.
#[derive(Debug, Clone)]
pub struct TracedNumber {
    pub quantity: Quantity,
    /// The number itself, and the number with its qualifier words, in the original.
    pub span: (usize, usize),
    pub written: (usize, usize),
    /// Why it made no figure, when it made none.
    pub blocked: Option<String>,
}

/// A rule that matched words of the text.
#[derive(Debug, Clone)]
pub struct TracedHit {
    pub span: (usize, usize),
    pub rule: String,
    /// What the rule is (`cue killed`, `noun civilian`, …).
    pub kind: String,
}

/// How many words before the `بـ` of a ranking its place may end (`وجاءت درعا في المقدمة
/// بـ 88`: three).
const RANKED_GAP: usize = 4;

/// The shortest word (in bytes: seven Arabic letters) read as a cue glued to the word
/// before it: three letters of something else and a cue of four.
const GLUED_MIN_BYTES: usize = 14;
/// How far after a figure (or its noun) a cue may stand: `20 مدنيا بعضهم كان يعمل في
/// المتاجر قتلوا`.
const CUE_AFTER_REACH: usize = 6;
/// How many words a verb of result's subject may hold between it and its preposition
/// (`وأسفرت الغارات الإسرائيلية على وزارة الدفاع عن سقوط 5`).
const RESULT_REACH: usize = 8;
/// How many words of a phrase of when or where may stand between a toll's verb after its
/// toll and `إلى` (`ارتفعت في الفترة ذاتها، إلى`).
const VERB_PHRASE_REACH: usize = 4;
/// How many words an aside that says who told a figure may hold between its cue and the
/// figure (`وقتل، بحسب ما أفاد به المرصد السوري لحقوق الإنسان في بيان، 25 شخصا`).
const ASIDE_REACH: usize = 14;
/// The same past a partitive that names the figure's group, its conjuncts and adjectives
/// (`14 عنصرا من قوات النظام والمسلحين الموالين لها قتلوا`).
const PARTITIVE_REACH: usize = 10;
/// How far before a figure with no number a negation of its clause may stand, in words
/// (`ولم ترد أنباء عن وقوع إصابات`).
const NEGATION_REACH: usize = 6;
/// How many words after the people a vague quantity counts its cue may stand (`عدد من
/// أعضاء الكادر التمريضي والطبي تعرضوا لإصابات`).
const PEOPLE_WORDS: usize = 4;
/// How many words a person's name after their noun may have, before the people listed
/// after it (`المواطنة نورة وابنتاها`).
const NAME_WORDS: usize = 3;
/// How far back a cue may stand from its number, in words.
const CUE_REACH: usize = 6;
/// How far back or forward from a figure period words (`منذ`) count, in words.
const SCOPE_REACH: usize = 15;
/// How far before a period word a comparison (`الأسوأ منذ`) may stand, in words.
const COMPARE_REACH: usize = 3;
/// An exact figure this large is a total over time unless its day is named: one event
/// seldom kills or wounds a thousand.
const TOTAL_AT_LEAST: u64 = 1000;
/// The same for the low end of a vague figure: hundreds (`المئات`) and more.
const VAGUE_TOTAL_AT_LEAST: u64 = 300;
/// How far before the figure a running total reached may name its toll: a whole clause of
/// where and how (`ارتفع حصيلة قتلى القذائف التي أطلقت على شارعي الثورة وبغداد … إلى 11`).
const TOLL_REACH: usize = 25;
/// How far before its subject's figure a passive verb may stand, past a phrase of where or
/// why and its relative clause (`وقتل في القصف الذي استهدف السوق الشعبي في المدينة 12 شخصا`).
const PASSIVE_REACH: usize = 16;
/// How far after its noun an opened statement may close (`لقي شاب … مصرعه`).
const FRAME_REACH: usize = 14;
/// How far back from a figure running-total words (`ليرتفع العدد إلى`) count, in words.
const TOTAL_REACH: usize = 6;
/// How many figures back a breakdown's total is looked for.
const BREAKDOWN_REACH: usize = 8;
/// How far from a figure a place name is looked for, in words.
const PLACE_REACH: usize = 40;
/// How many words may stand between two places of a list (`في حمص، إضافة إلى درعا`).
const LIST_GAP: usize = 3;
/// How many words after a town a governorate of another may stand, behind `في`, to make the
/// town a namesake of a place there (`حي المزرعة السكني قرب مقر الحزب في العاصمة دمشق`).
const NAMESAKE_GAP: usize = 9;
/// How far after a coordinated figure's number its own place may stand, in words, for it
/// to be a figure of another place than the total before it (`وأحد مقاتلي المعارضة في دير
/// الزور`).
const SIBLING_PLACE_REACH: usize = 5;
/// How far before a figure its own place may stand in its clause, in words, for a bare
/// number behind `و` with a place of its own to be another figure of its kind (`على حمص
/// التي نالت النصيب الأكبر بسقوط 14 قتيلا، وتسعة في إدلب`).
const PLACE_BEFORE_REACH: usize = 8;
/// How far after a figure a month after `في` is its period (`مقتل 86 مدنيا في المحافظة في
/// تشرين الأول`).
const PERIOD_AFTER_REACH: usize = 4;
/// How far after a figure, in its clause, a similar event's adjective makes it background
/// (`قتل 7 أشخاص في انفجار مماثل`, `قتلوا الأسبوع الماضي في هجوم مماثل`).
const TRAILING_REACH: usize = 6;
/// The hours of a year: a unit of time that long before a year's number names the year
/// (`عام 2019`).
const HOURS_A_YEAR: u32 = 365 * 24;
/// The hours of a month, as the rules give them (`unit.time.month`).
const HOURS_A_MONTH: u32 = 30 * 24;
/// The numbers read as years where a date may stand (`عام 2005`, `في 2019`, `أيار 2014`).
const YEARS: (i128, i128) = (1900, 2100);
/// How far from a figure cause and weapon words count, in words, within its sentence.
const CAUSE_REACH: usize = 15;
/// Figures above this are not casualty counts of one statement (populations, money).
const MAX_COUNT: i128 = 5_000_000;

/// A mention in engine coordinates, before it is mapped to the original.
#[derive(Debug, Clone)]
struct Draft<'l> {
    category: Category,
    count: Option<u64>,
    low: Option<u64>,
    high: Option<u64>,
    approx: bool,
    vague: bool,
    group: Group,
    /// Token span of the quote.
    first: usize,
    last: usize,
    /// The rules-file entry whose words it used.
    rule: &'l str,
    /// The construction that made it ([`constructions`]).
    construction: &'static str,
    flags: Vec<Flag>,
    /// The token the figure sits at, for scope and cause.
    at: usize,
    /// The `at` of the figure this one is coordinated with or breaks down; it shares its
    /// scope.
    partner: Option<usize>,
    /// With no group of its own, does it take that of the figure before it in its
    /// sentence ([`borrow_groups`])?
    borrows: Option<Borrow>,
}

/// Why a number the engine read made no mention: what `explain` shows beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Blocked<'l> {
    /// A percentage, a fraction, zero or a size no toll has.
    NotPeople,
    /// A bracketed number standing apart: a note reference (`،(28) ووفاة`).
    NoteReference,
    /// A unit follows: it counts something else (`عشرة أيام`, `6 صواريخ`).
    Unit,
    /// It labels the definite word before it (`الجولة 14`, `اللواء 313`).
    Label,
    /// A year, or a number after a word of time: a date (`عام 2005`, `منذ يوم 24`).
    Date,
    /// `واحد` with no noun: a pronoun (`كواحد من`).
    Pronoun,
    /// No cue, casualty noun or figure of its sentence to take a category from.
    NoCue,
    /// An exclusion rule stands by it (`اعتقال`, `بفيروس`).
    Excluded(&'l str),
    /// It restates the number before it, in brackets (`(15) خمسة عشر`).
    Restated,
    /// A one or a two after a noun already counted as a figure (`وجريح واحد`): its
    /// adjective.
    Adjective,
    /// Between so many of something that is no people, after `بين` and `من` (`بين اثنتين
    /// من كبرى قبائل الإقليم`).
    Between,
}

impl Blocked<'_> {
    /// What blocked it, in words.
    fn why(&self) -> String {
        match self {
            Blocked::NotPeople => {
                "not a count of people (a percentage, fraction, zero or too large)".into()
            }
            Blocked::NoteReference => "a bracketed note reference".into(),
            Blocked::Unit => "a unit follows: it counts something else".into(),
            Blocked::Label => "it labels the definite word before it".into(),
            Blocked::Date => "a date or a time".into(),
            Blocked::Pronoun => "one with no noun: a pronoun".into(),
            Blocked::NoCue => "no cue, casualty noun or figure to share one with".into(),
            Blocked::Excluded(rule) => format!("excluded by {rule}"),
            Blocked::Restated => "it restates the number before it".into(),
            Blocked::Between => "between so many of something, no people".into(),
            Blocked::Adjective => "the count of the noun before it, already a figure".into(),
        }
    }
}

/// How a figure with no group of its own takes the group of the figure before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Borrow {
    /// `آخرين`, `آخر`: more of the people it counted (`قتل ثلاثة جنود وأصيب آخر`, `قتل
    /// مدني وجرح اثنان آخران`); not more of one child, woman or man (`استشهد طفل وأصيب
    /// آخرون`).
    Others,
    /// A number without a noun (`أودى بحياة 229 مدنيًا وأصاب 727`).
    Bare,
    /// A casualty noun of no group right behind it, of the other casualties (`مقتل 48
    /// مدنيًا و132 مصابًا`).
    Adjacent,
}

impl<'l> Draft<'l> {
    /// Is it a part of a distribution that a part of `category` at token `at`, in its
    /// sentence and a few words on, goes on with (`منهم 30 في حلب، وقتيل واحد في درعا`)?
    fn continued_by_part(&self, at: usize, category: Category) -> bool {
        self.flags.contains(&Flag::Breakdown) && self.category == category && at - self.last <= 6
    }

    /// A figure read off a noun rather than a number (`مقتل طفل`, `حالتي وفاة`, `العديد من
    /// الجرحى`): `count` exact or, when `None`, vague; over tokens `span` (first, last).
    fn counted(
        construction: &'static str,
        category: Category,
        count: Option<u64>,
        group: Group,
        span: (usize, usize),
        at: usize,
        rule: &'l str,
    ) -> Draft<'l> {
        Draft {
            category,
            count,
            low: count,
            high: count,
            approx: false,
            vague: count.is_none(),
            group,
            first: span.0,
            last: span.1,
            rule,
            construction,
            flags: Vec::new(),
            at,
            partner: None,
            borrows: None,
        }
    }
}

/// Figures drafted so far in one text, between the stages of [`Extractor::drafts`]: the
/// drafts in the order made, the tokens a figure has taken, and, for each quantity, what
/// blocked it (`None` once it made a figure).
struct DraftWork<'a> {
    out: Vec<Draft<'a>>,
    used: Vec<bool>,
    blocked: Vec<Option<Blocked<'a>>>,
}

/// What a text says around its figures, by each figure's token: the date it was
/// published, each figure's scope and its place. See [`Extractor::mentions`].
#[derive(Default)]
struct Setting {
    published: Option<NaiveDate>,
    scopes: HashMap<usize, context::FigureScope, FastState>,
    places: HashMap<usize, Option<&'static crate::places::Place>, FastState>,
}

/// The extraction engine: compiled rules and the number parser.
pub struct Extractor<'a> {
    lex: &'a Lexicon,
    numbers: &'a NumberParser,
}

impl<'a> Extractor<'a> {
    pub fn new(lex: &'a Lexicon, numbers: &'a NumberParser) -> Extractor<'a> {
        Extractor { lex, numbers }
    }

    /// The mentions in one document's text. `published` is the publication date if known;
    /// when it is not, the first date the text states is taken.
    pub fn extract(&self, doc_id: &str, text: &str, published: Option<NaiveDate>) -> Vec<Mention> {
        let r = self.read(text);
        let (drafts, _) = self.drafts(&r);
        self.mentions(&r, drafts, doc_id, text, published)
    }

    /// [`Extractor::extract`] over many texts, `(doc_id, text, published)` each: the same
    /// mentions, made stage by stage over all of them (read every text, draft the figures
    /// of every text, ...) rather than text by text. Each stage is a lot of code; run over
    /// one text after another it stays in the instruction cache and the branch predictor
    /// learns it, where text by text every stage evicts the one before (see
    /// `scripts/bench.sh`). Memory grows with the batch: keep it to some tens of texts.
    pub fn extract_batch(&self, docs: &[(&str, &str, Option<NaiveDate>)]) -> Vec<Vec<Mention>> {
        let mut reads: Vec<Reading<'a>> = docs.iter().map(|d| self.read_text(d.1)).collect();
        for r in &mut reads {
            self.read_words(r);
        }
        for r in &mut reads {
            self.read_numbers(r);
        }
        let mut works: Vec<DraftWork<'a>> = reads.iter().map(|r| self.figure_drafts(r)).collect();
        for (r, w) in reads.iter().zip(&mut works) {
            self.noun_drafts(r, &mut w.used, &mut w.out);
        }
        let drafts: Vec<Vec<Draft<'a>>> = reads
            .iter()
            .zip(works)
            .map(|(r, w)| self.settle_drafts(r, w).0)
            .collect();
        let settings: Vec<Setting> = reads
            .iter()
            .zip(&drafts)
            .zip(docs)
            .map(|((r, ds), d)| self.setting(r, ds, d.2))
            .collect();
        reads
            .iter()
            .zip(drafts)
            .zip(settings)
            .zip(docs)
            .map(|(((r, ds), setting), &(id, text, _))| self.mentions_in(r, ds, setting, id, text))
            .collect()
    }

    /// [`Extractor::extract`], with what the engine read on the way: the normalised text,
    /// its tokens, the numbers it read (in the sentences it read them in), the rules that
    /// matched and the mentions made. What `explain` shows is what extraction did.
    pub fn trace(&self, doc_id: &str, text: &str, published: Option<NaiveDate>) -> Trace {
        let r = self.read(text);
        let (drafts, blocked) = self.drafts(&r);
        let mentions = self.mentions(&r, drafts, doc_id, text, published);
        let span = |a: usize, z: usize| r.norm().original_span(text, a, z);
        let numbers = r
            .quantities
            .iter()
            .zip(&blocked)
            .map(|(q, b)| TracedNumber {
                quantity: *q,
                span: span(q.start, q.end),
                written: span(q.full_start, q.full_end),
                blocked: b.map(|b| b.why()),
            })
            .collect();
        let hits = r
            .hits
            .iter()
            .map(|h| TracedHit {
                span: r.original_range(text, h.start, h.end - 1),
                rule: h.entry.rule.clone(),
                kind: crate::lexicon::kind_name(&h.entry.kind),
            })
            .collect();
        let tokens = (0..r.toks().len()).map(|t| r.word(t).to_string()).collect();
        Trace {
            normalised: r.text().to_string(),
            tokens,
            numbers_read: cue_sentences(&r).contains(&true),
            numbers,
            hits,
            mentions,
        }
    }

    /// The mentions of a text read.
    fn mentions(
        &self,
        r: &Reading<'a>,
        drafts: Vec<Draft<'a>>,
        doc_id: &str,
        text: &str,
        published: Option<NaiveDate>,
    ) -> Vec<Mention> {
        let setting = self.setting(r, &drafts, published);
        self.mentions_in(r, drafts, setting, doc_id, text)
    }

    /// The first stage of [`Self::mentions`]: what the text says around its figures, asked
    /// of all of them at once.
    fn setting(
        &self,
        r: &Reading<'a>,
        drafts: &[Draft<'a>],
        published: Option<NaiveDate>,
    ) -> Setting {
        if drafts.is_empty() {
            return Setting::default();
        }
        Setting {
            published: published.or_else(|| crate::dates::find_date(r.text())),
            scopes: self.scopes(r, drafts),
            places: self.places(r, drafts),
        }
    }

    /// The last stage of [`Self::mentions`]: each figure made a mention in its `setting`.
    fn mentions_in(
        &self,
        r: &Reading<'a>,
        drafts: Vec<Draft<'a>>,
        setting: Setting,
        doc_id: &str,
        text: &str,
    ) -> Vec<Mention> {
        if drafts.is_empty() {
            return Vec::new();
        }
        let Setting {
            published,
            scopes,
            places: at_place,
        } = setting;
        // The clauses that hold a figure, in order: a cause word in one of them is that
        // figure's (see `cause`).
        let mut figure_clauses: Vec<usize> = drafts.iter().map(|d| r.clause[d.at]).collect();
        figure_clauses.sort_unstable();
        figure_clauses.dedup();
        // Asked only of a figure that names no cause of its own.
        let article_cause = std::cell::OnceCell::new();
        // A text with no word of an earlier event has no background figure.
        let any_background = r
            .hits
            .iter()
            .any(|h| matches!(h.entry.kind, Kind::Background { .. }));
        // The cause the figure before named, with its clause: a figure after it in its
        // clause that names none shares it (`مما أسفر عن مقتل 10 أشخاص وإصابة 64 آخرين`, the
        // cause far before the second).
        let mut told: Option<(usize, Cause)> = None;
        // Earlier events cited in passing, by figure; a figure coordinated with one is cited
        // with it (`بلغت 78 قتيلا و210 جرحى`).
        let background_at: Vec<usize> = if any_background {
            drafts
                .iter()
                .filter(|d| {
                    let s = r.sentence[d.first];
                    let listed = drafts
                        .iter()
                        .any(|p| p.last < d.first && r.sentence[p.last] == s);
                    self.background(r, d, listed)
                })
                .map(|d| d.at)
                .collect()
        } else {
            Vec::new()
        };
        // A figure coordinated with a background one, or told by a verbal noun behind `و`
        // right after it in its sentence, is of the same statement, past a comma too
        // (`وكانت الوزارة قد أعلنت أمس مقتل 260 شخصا في المحافظة، وإصابة 1698 آخرين`).
        let mut background_at = background_at;
        for (k, d) in drafts.iter().enumerate() {
            if background_at.contains(&d.at) {
                continue;
            }
            let continued = k > 0 && {
                let p = &drafts[k - 1];
                r.sentence[p.at] == r.sentence[d.at]
                    && background_at.contains(&p.at)
                    && crate::lexicon::bytes::begins(r.word(d.first), &r.closed.and)
                    && r.has_casualty_noun(d.first)
            };
            if continued
                || d.partner
                    .is_some_and(|p| p < d.at && background_at.contains(&p))
            {
                background_at.push(d.at);
            }
        }
        drafts
            .into_iter()
            .map(|d| {
                let own = self.cause(r, &d, &figure_clauses);
                let clause = r.clause[d.at];
                let shared = told.filter(|&(c, _)| c == clause).map(|(_, cause)| cause);
                if let Some(c) = own {
                    told = Some((clause, c));
                }
                let cause = own
                    .or(shared)
                    .or_else(
                        || match *article_cause.get_or_init(|| self.article_cause(r)) {
                            context::ArticleCause::One(c) => Some(c),
                            context::ArticleCause::Several => self.cause_before(r, &d),
                            context::ArticleCause::None | context::ArticleCause::Violence => None,
                        },
                    )
                    .unwrap_or(Cause::Violence);
                (d, cause)
            })
            // `إصابة` near a disease is an infection, not a wound.
            .filter(|(d, cause)| d.category == Category::Killed || *cause != Cause::Disease)
            .map(|(d, cause)| {
                let (s, e) = r.original_range(text, d.first, d.last);
                let place = at_place[&d.at];
                let mut flags = d.flags.clone();
                let at = r.toks()[d.first].start;
                if r.is_furniture(at) {
                    flags.push(Flag::Furniture);
                } else if r.headline.is_some_and(|(a, z)| a <= at && at < z) {
                    flags.push(Flag::Headline);
                }
                if background_at.contains(&d.at)
                    || d.partner.is_some_and(|p| background_at.contains(&p))
                {
                    flags.push(Flag::Background);
                }
                if scopes[&d.at] == context::FigureScope::Revision {
                    flags.push(Flag::Revision);
                }
                Mention {
                    doc_id: doc_id.to_string(),
                    category: d.category,
                    count: d.count,
                    low: d.low,
                    high: d.high,
                    approx: d.approx,
                    vague: d.vague,
                    group: d.group,
                    scope: scopes[&d.at].scope(),
                    cause,
                    weapon: self.weapon(r, &d),
                    place: place.map(|p| p.name.clone()),
                    admin1: place.map(|p| p.admin1.name_en.to_string()),
                    admin1_pcode: place.map(|p| p.admin1.pcode.to_string()),
                    pcode: place.map(|p| p.pcode.clone()),
                    published,
                    event_date: self.event_date(r, &d, published),
                    quote: text[s..e].to_string(),
                    start: s,
                    end: e,
                    rule: [d.construction, ":", d.rule].concat(),
                    flags,
                }
            })
            .collect()
    }

    /// The figures of a text read, in text order, and for each number read what blocked it
    /// (`None` when it made a figure).
    fn drafts(&self, r: &Reading<'a>) -> (Vec<Draft<'a>>, Vec<Option<Blocked<'a>>>) {
        let mut work = self.figure_drafts(r);
        self.noun_drafts(r, &mut work.used, &mut work.out);
        self.settle_drafts(r, work)
    }

    /// The first stage of [`Self::drafts`]: the figures built on the text's quantities,
    /// with the parts coordinated after each, and why each other quantity made none.
    fn figure_drafts(&self, r: &Reading<'a>) -> DraftWork<'a> {
        let mut out: Vec<Draft<'a>> = Vec::new();
        let mut used = vec![false; r.toks().len()];
        let blocked: Vec<Option<Blocked<'a>>> = (0..r.quantities.len())
            .map(|qi| {
                if restated(r, qi) {
                    return Some(Blocked::Restated);
                }
                let d = match self.quantity_draft(r, qi, &out, &mut used) {
                    Err(why) => return Some(why),
                    Ok(d) => d,
                };
                // A figure may be followed by people counted by their noun, after `و`: more
                // parts of a breakdown (`بينهم 4 أطفال وامرأتان`), or more of the dead or
                // wounded (`قضى ثلاثة أطفال وأمهم`).
                // A part by its flag, or by the word that opens it (`بينهم 6 أطفال`), whose
                // flag is set once the total is known.
                let part = d.flags.contains(&Flag::Breakdown)
                    || !r.hits(d.first).is_empty()
                        && r.closed.opens_part(
                            r.word(d.first),
                            (d.first + 1 < r.toks().len()).then(|| r.word(d.first + 1)),
                        );
                let head = Head {
                    category: d.category,
                    count: None,
                    at: d.at,
                    breakdown: part,
                    part,
                    total: d.count,
                };
                let mut d = d;
                // Eleven or more count a singular noun, and a singular noun of people behind
                // `و` right after it is counted by the same number (`275 طفلا وامرأة`: 275
                // children and women), not one more: of no one group unless both are.
                let after = d.last + 1;
                let shared = d
                    .count
                    .is_some_and(|c| c >= 11)
                    .then(|| self.counted_too(r, &d, after))
                    .flatten();
                if let Some((group, end)) = shared {
                    if group != d.group {
                        d.group = Group::Unspecified;
                    }
                    d.last = end - 1;
                    used[after..end].fill(true);
                }
                // The list of parts goes on right after the figure's own words: before the
                // verb it shares with them, when one closes its quote (`بينهم عشرة أطفال
                // وامرأتين قتلوا`).
                let j = (d.at + 1..=d.last)
                    .find(|&k| !used[k])
                    .unwrap_or(d.last + 1);
                out.push(d);
                self.parts_after(r, j, head, &mut used, &mut out);
                if !part {
                    self.placed_after(r, out.len() - 1, &mut used, &mut out);
                }
                self.caused_after(r, out.len() - 1, &mut used, &mut out);
                None
            })
            .collect();
        DraftWork { out, used, blocked }
    }

    /// The last stage of [`Self::drafts`], once the figures of numbers and of nouns are
    /// drafted: numbers read again beside the nouns' figures, then breakdowns,
    /// distributions, borrowed groups and the ranges of vague figures.
    fn settle_drafts(
        &self,
        r: &Reading<'a>,
        work: DraftWork<'a>,
    ) -> (Vec<Draft<'a>>, Vec<Option<Blocked<'a>>>) {
        let DraftWork {
            mut out,
            mut used,
            mut blocked,
        } = work;
        out.sort_by_key(|d| (d.first, d.last));
        self.retry_after_nouns(r, &mut blocked, &mut used, &mut out);
        mark_breakdowns(
            &mut out,
            |at| r.sentence[at],
            |at| r.closed.possessed(r.word(at)),
            |t| r.closed.opens_statement(r.word(t)),
        );
        self.extend_part_lists(r, &mut out);
        self.victims_beside_wounded(r, &mut out);
        self.mark_distributions(r, &mut out);
        self.drop_severity_parts(r, &mut out);
        borrow_groups(&mut out, |at| r.sentence[at], |at| r.partitive(at + 1));
        for d in out.iter_mut().filter(|d| d.vague && d.low.is_none()) {
            (d.low, d.high) = self.definite_vague_range(r, d).unzip();
        }
        (out, blocked)
    }

    /// Numbers no cue reached, read again once the figures of nouns are known: two or more
    /// behind `و` and before `من`, the people they count or a place of their own,
    /// coordinated with a noun a cue counted however long its name or the place after it
    /// (`قتل عضو اللجنة الثورية أحمد مهدي و3 من مرافقيه`, `قتل جنديان في درعا، وثلاثة أطفال
    /// في حمص`, `قتل شخصان في درعا، و4 في حمص`), are more of the same; so is the figure a
    /// toll named by its head alone rose to, after people counted by their nouns. `out` is
    /// in text order and stays so.
    fn retry_after_nouns(
        &self,
        r: &Reading<'a>,
        blocked: &mut [Option<Blocked<'a>>],
        used: &mut [bool],
        out: &mut Vec<Draft<'a>>,
    ) {
        for (qi, why) in blocked.iter_mut().enumerate() {
            if !matches!(why, Some(Blocked::NoCue)) {
                continue;
            }
            // Two or more, behind `و`, and `من` after it: not one more named (`بينهم العقيد
            // فلان، وأحد القادة`, the same man).
            let (a, z) = r.q_toks[qi];
            let two_or_more = r.quantities[qi]
                .value()
                .and_then(|v| v.as_integer())
                .is_some_and(|v| v >= 2);
            let counted = || {
                r.word(z) == r.closed.of
                    || self
                        .noun_at(r, z)
                        .is_some_and(|h| matches!(h.entry.kind, Kind::Noun { category: None, .. }))
                    || self.place_at(r, z)
            };
            // Or the figure a toll named by its head alone rose to, right after `إلى`, the
            // people before it in its sentence counted by their nouns (`أن رجلا في الرياض
            // وامرأة في جدة توفيا ما يرفع العدد الإجمالي إلى 189 شخصا`).
            if used[a] {
                continue;
            }
            let risen = r.to_before(r.q_full_start[qi]);
            let listed = two_or_more && self.behind_waw(r, a) && z < r.toks().len() && counted();
            if !(listed || risen) {
                continue;
            }
            // The figures before it, a noun a cue counted among them.
            let k = out.partition_point(|d| d.last < a);
            let noun_before = out[..k].iter().any(|d| {
                d.count.is_some()
                    && if listed {
                        d.construction == by::NOUN_AFTER_CUE
                    } else {
                        r.sentence[d.at] == r.sentence[a] && !r.in_quantity[d.at]
                    }
            });
            if !noun_before {
                continue;
            }
            if let Ok(d) = self.quantity_draft(r, qi, &out[..k], used) {
                *why = None;
                out.insert(k, d);
            }
        }
    }

    /// The conventional range of a vague figure written with the article (`مقتل العشرات`
    /// 30–99, `قتل المئات` 300–999): the number table's, for the word without it.
    fn definite_vague_range(&self, r: &Reading<'a>, d: &Draft<'a>) -> Option<(u64, u64)> {
        (d.first..=d.last).find_map(|t| self.vague_range_at(r, t))
    }

    /// The conventional range of the vague quantity word at token `t`, written with the
    /// article (`العشرات`, `بالمئات`).
    fn vague_range_at(&self, r: &Reading<'a>, t: usize) -> Option<(u64, u64)> {
        let (lo, hi) = self.numbers.table().vague_range(r.without_article(t)?)?;
        Some((u64::try_from(lo).ok()?, u64::try_from(hi).ok()?))
    }
}

pub mod constructions;
mod context;
mod figures;
mod nouns;
mod reading;
#[cfg(test)]
mod tests;
