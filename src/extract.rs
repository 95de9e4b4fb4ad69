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

use std::collections::HashMap;

/// Maps keyed by token or sentence number, made for each article: a fast fixed hash.
type FastState = foldhash::fast::FixedState;

use chrono::NaiveDate;

use crate::lexicon::{Entry, Form, Kind, Lexicon, keys};
use crate::normalize::{Normalized, normalize};
use crate::numbers::tokens::{Tok, TokKind, tokenize};
use crate::numbers::{Amount, NumberParser, Quantity};
use crate::record::{Category, Cause, Flag, Group, Mention, Scope};
use constructions as by;

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
}

/// A rule that matched words of the text.
#[derive(Debug, Clone)]
pub struct TracedHit {
    pub span: (usize, usize),
    pub rule: String,
    /// What the rule is (`cue killed`, `noun civilian`, …).
    pub kind: String,
}

/// A lexicon phrase found at tokens `start..end`.
#[derive(Debug, Clone, Copy)]
struct Hit<'l> {
    entry: &'l Entry,
    start: usize,
    end: usize,
    /// Found at the end of a longer word (`سوريامقتل`): a title glued to the one before.
    glued: bool,
}

/// The shortest word (in bytes: seven Arabic letters) read as a cue glued to the word
/// before it: three letters of something else and a cue of four.
const GLUED_MIN_BYTES: usize = 14;
/// How far after a figure (or its noun) a cue may stand: `20 مدنيا بعضهم كان يعمل في
/// المتاجر قتلوا`.
const CUE_AFTER_REACH: usize = 6;
/// How far back a cue may stand from its number, in words.
const CUE_REACH: usize = 6;
/// How far back or forward from a figure period words (`منذ`) count, in words.
const SCOPE_REACH: usize = 15;
/// How far before the figure a running total reached may name its toll: a whole clause of
/// where and how (`ارتفع حصيلة قتلى القذائف التي أطلقت على شارعي الثورة وبغداد … إلى 11`).
const TOLL_REACH: usize = 25;
/// How far after its noun an opened statement may close (`لقي شاب … مصرعه`).
const FRAME_REACH: usize = 14;
/// How far back from a figure running-total words (`ليرتفع العدد إلى`) count, in words.
const TOTAL_REACH: usize = 6;
/// How many figures back a breakdown's total is looked for.
const BREAKDOWN_REACH: usize = 8;
/// How far from a figure a place name is looked for, in words.
const PLACE_REACH: usize = 40;
/// How far from a figure cause and weapon words count, in words, within its sentence.
const CAUSE_REACH: usize = 15;
/// Figures above this are not casualty counts of one statement (populations, money).
const MAX_COUNT: i128 = 5_000_000;

/// A document's text read once: tokens, clause and sentence numbers, lexicon hits.
struct Reading<'a> {
    norm: Normalized,
    toks: Vec<Tok>,
    /// Sentence index of each token; a sentence ends at `. ! ? ؟ ؛`, a newline or ` - `.
    sentence: Vec<usize>,
    /// Clause index of each token; clauses also end at commas.
    clause: Vec<usize>,
    /// Every hit, by the token it starts at, longest first there (see [`Reading::hits`]).
    hits: Vec<Hit<'a>>,
    /// Where each token's hits start in `hits`, and one past the last token's end.
    hit_at: Vec<u32>,
    /// Is each token part of a quantity (its number or qualifier words)?
    in_quantity: Vec<bool>,
    quantities: Vec<Quantity>,
    /// Token range of each quantity's number (without qualifier words).
    q_toks: Vec<(usize, usize)>,
    /// Token where each quantity's qualifier words start.
    q_full_start: Vec<usize>,
    /// Byte ranges of the lines that are page furniture, in order, not overlapping.
    furniture: Vec<(usize, usize)>,
    /// Tokens where a cue glued to the word before was found (see `glued_cue`).
    glued: Vec<usize>,
    /// Byte range of the headline line in the normalised text.
    headline: Option<(usize, usize)>,
}

impl<'a> Reading<'a> {
    /// The hits starting at token `t`, longest first; none past the last token.
    fn hits(&self, t: usize) -> &[Hit<'a>] {
        match (self.hit_at.get(t), self.hit_at.get(t + 1)) {
            (Some(&a), Some(&z)) => &self.hits[a as usize..z as usize],
            _ => &[],
        }
    }

    /// The first hit at each token that `pred` accepts, in text order: the passes that look
    /// for one kind of rule walk these, not every token.
    fn first_hits<'r>(
        &'r self,
        mut pred: impl FnMut(&Hit<'a>) -> bool + 'r,
    ) -> impl Iterator<Item = Hit<'a>> + 'r {
        let mut last = usize::MAX;
        self.hits.iter().copied().filter(move |h| {
            if h.start == last || !pred(h) {
                return false;
            }
            last = h.start;
            true
        })
    }

    /// Is normalised byte `at` on a furniture line?
    fn is_furniture(&self, at: usize) -> bool {
        let k = self.furniture.partition_point(|&(_, z)| z <= at);
        self.furniture.get(k).is_some_and(|&(a, _)| a <= at)
    }

    /// The text of token `t`. Every word of the text is cut here, several times over (a
    /// phrase, a number, a place is looked for at it), so it skips what `str` slicing tests
    /// on each cut: that both ends are char boundaries, which they are by construction.
    fn word(&self, t: usize) -> &str {
        let k = &self.toks[t];
        debug_assert!(self.norm.text.is_char_boundary(k.start));
        debug_assert!(self.norm.text.is_char_boundary(k.end));
        // SAFETY: `toks` are the tokens `tokenize` cut from `norm.text`, set together in
        // `read` and never changed after (both fields are private to this module). A token
        // starts at an ASCII byte (a digit, or a dot or minus sign before one) or an Arabic
        // letter's lead byte, and ends where its run of digits or whole letters does: at a
        // char boundary, within the text.
        unsafe { self.norm.text.get_unchecked(k.start..k.end) }
    }

    /// Does word `t` carry the article (`القتلى`, `والقتلى`, `للقتلى`)? Two letters at least
    /// must follow it: `إلى`, `إلا` and `ألف` (read `الي`, `الا`, `الف`) only begin as it
    /// does.
    fn definite(&self, t: usize) -> bool {
        let w = self.word(t);
        ["ال", "وال", "بال", "فال", "لل", "ولل"]
            .iter()
            .any(|p| w.strip_prefix(p).is_some_and(|stem| stem.len() >= 4))
    }

    /// The token after a short phrase of place or means at `t` — `في الغارة`, `بالقصف` —
    /// which may stand between a passive verb and its subject: `وقتل في الغارة قيادي`.
    fn past_where(&self, t: usize) -> Option<usize> {
        let joined = |k: usize| k < self.toks.len() && self.toks[k].joined;
        if !joined(t) {
            return None;
        }
        let w = self.word(t);
        if w == "في" && joined(t + 1) && self.definite(t + 1) {
            Some(t + 2)
        } else if w.starts_with("بال") {
            Some(t + 1)
        } else {
            None
        }
    }

    /// Is hit `h` written behind the conjunction `و` (`وإصابة`), rather than with a word
    /// that begins with the letter (`وفاة`)?
    fn conjoined(&self, h: &Hit<'_>) -> bool {
        self.word(h.start).starts_with('و')
            && !h.entry.words.first().is_some_and(|w| w.starts_with('و'))
    }

    /// Is token `t` counted by a number joined right before it (`5 قتيلين` is no dual)?
    fn after_number(&self, t: usize) -> bool {
        t > 0 && self.in_quantity[t - 1] && self.toks[t].joined
    }

    /// Is a cue read at token `t` (`إصابات`, `ضحايا` are nouns and cues both)?
    fn has_cue(&self, t: usize) -> bool {
        self.hits(t)
            .iter()
            .any(|h| matches!(h.entry.kind, Kind::Cue { .. }))
    }

    /// Is the noun of hit `h` the head of a construct, made definite by the definite word
    /// right after it (`قتلى القصف`)?
    fn construct(&self, h: &Hit<'_>) -> bool {
        h.end < self.toks.len() && self.toks[h.end].joined && self.definite(h.end)
    }

    /// The byte range in the original `text` from token `first` to token `last`.
    fn original_range(&self, text: &str, first: usize, last: usize) -> (usize, usize) {
        let (s, _) = self
            .norm
            .original_span(text, self.toks[first].start, self.toks[first].end);
        let (_, e) = self
            .norm
            .original_span(text, self.toks[last].start, self.toks[last].end);
        (s, e)
    }

    /// Does hit `h` name a toll a figure can be the count of: a cue, or a casualty plural
    /// made definite by the article or by the word it governs (`عدد القتلى`, `حصيلة قتلى
    /// القصف`)?
    fn names_toll(&self, h: &Hit<'_>) -> bool {
        match h.entry.kind {
            Kind::Cue { after: false, .. } => true,
            Kind::Noun {
                category: Some(_),
                form: Form::Plural,
                ..
            } => self.definite(h.start) || self.construct(h),
            _ => false,
        }
    }

    /// Is token `t` wrapped in brackets: `(28)`?
    fn bracketed(&self, t: usize) -> bool {
        let before = self.norm.text[..self.toks[t].start].trim_end();
        let after = self.norm.text[self.toks[t].end..].trim_start();
        before.ends_with(['(', '[']) && after.starts_with([')', ']'])
    }

    /// Is word `t` a partitive that introduces who a figure is among
    /// (`خمسة منهم`, `و7 من النازحين`, `وخمسة بين الطاقم`)?
    fn partitive(&self, t: usize) -> bool {
        t < self.toks.len()
            && self.toks[t].joined
            && matches!(
                self.word(t),
                "من" | "منهم" | "منهن" | "بين" | "بينهم" | "بينهن"
            )
    }
}

/// The cue a number is read with ([`Extractor::figure_cue`]).
struct FigureCue<'a> {
    hit: Option<Hit<'a>>,
    /// Its category, or that of the casualty noun a neutral cue governs.
    category: Option<Category>,
    /// The casualty noun's category and group, when a neutral cue governs one (`حصيلة
    /// القتلى`).
    governed: Option<(Category, Option<Group>)>,
    /// The cue counts a noun of its own (`مقتل طفل و3 نساء`): shared, it is not in the
    /// number's quote.
    shared: bool,
    /// The cue is the toll of a running total the figure reached ([`Extractor::toll_before`]).
    toll: bool,
}

/// The figure that [`Extractor::parts_after`] lists nouns after.
#[derive(Debug, Clone, Copy)]
struct Head {
    category: Category,
    count: Option<u64>,
    /// Its token, for the parts' `partner`.
    at: usize,
    /// Are the nouns listed parts of it (it is a total), or figures beside it?
    breakdown: bool,
}

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
}

impl<'l> Draft<'l> {
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
        }
    }
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
        self.mentions(&r, doc_id, text, published)
    }

    /// [`Extractor::extract`], with what the engine read on the way: the normalised text,
    /// its tokens, the numbers it read (in the sentences it read them in), the rules that
    /// matched and the mentions made. What `explain` shows is what extraction did.
    pub fn trace(&self, doc_id: &str, text: &str, published: Option<NaiveDate>) -> Trace {
        let r = self.read(text);
        let mentions = self.mentions(&r, doc_id, text, published);
        let span = |a: usize, z: usize| r.norm.original_span(text, a, z);
        let numbers = r
            .quantities
            .iter()
            .map(|q| TracedNumber {
                quantity: *q,
                span: span(q.start, q.end),
                written: span(q.full_start, q.full_end),
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
        let tokens = (0..r.toks.len()).map(|t| r.word(t).to_string()).collect();
        Trace {
            normalised: r.norm.text.clone(),
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
        doc_id: &str,
        text: &str,
        published: Option<NaiveDate>,
    ) -> Vec<Mention> {
        let drafts = self.drafts(r);
        if drafts.is_empty() {
            return Vec::new();
        }
        let published = published.or_else(|| crate::dates::find_date(&r.norm.text));

        // The clauses that hold a figure, in order: a cause word in one of them is that
        // figure's (see `cause`).
        let mut figure_clauses: Vec<usize> = drafts.iter().map(|d| r.clause[d.at]).collect();
        figure_clauses.sort_unstable();
        figure_clauses.dedup();
        // A figure coordinated with another, or one of its parts, shares its scope.
        let mut scopes: HashMap<usize, Scope, FastState> = HashMap::default();
        let mut places = HashMap::default();
        for d in &drafts {
            let own = self.scope(r, d);
            let s = d
                .partner
                .and_then(|p| scopes.get(&p).copied())
                .map_or(own, |p| if p == Scope::Cumulative { p } else { own });
            scopes.insert(d.at, s);
        }
        drafts
            .into_iter()
            .map(|d| {
                let cause = self.cause(r, &d, &figure_clauses);
                (d, cause)
            })
            // `إصابة` near a disease is an infection, not a wound.
            .filter(|(d, cause)| d.category == Category::Killed || *cause != Cause::Disease)
            .map(|(d, cause)| {
                let (s, e) = r.original_range(text, d.first, d.last);
                let place = self.place(r, &d, &mut places);
                let mut flags = d.flags.clone();
                let at = r.toks[d.first].start;
                if r.is_furniture(at) {
                    flags.push(Flag::Furniture);
                } else if r.headline.is_some_and(|(a, z)| a <= at && at < z) {
                    flags.push(Flag::Headline);
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
                    scope: scopes[&d.at],
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
                    rule: format!("{}:{}", d.construction, d.rule),
                    flags,
                }
            })
            .collect()
    }

    fn read(&self, text: &str) -> Reading<'a> {
        let norm = normalize(text);
        let toks = tokenize(&norm.text);
        let (mut sentence, mut clause) = (
            Vec::with_capacity(toks.len()),
            Vec::with_capacity(toks.len()),
        );
        let (mut s, mut c) = (0, 0);
        for (i, t) in toks.iter().enumerate() {
            // A joined token has only spaces, tabs, brackets or quotes before it: no break.
            if i > 0 && !t.joined {
                match gap_break(&norm.text[toks[i - 1].end..t.start]) {
                    Break::Sentence => {
                        s += 1;
                        c += 1;
                    }
                    Break::Clause => c += 1,
                    Break::None => {}
                }
            }
            sentence.push(s);
            clause.push(c);
        }
        let n = toks.len();
        let mut r = Reading {
            norm,
            toks,
            sentence,
            clause,
            hits: Vec::new(),
            hit_at: Vec::new(),
            in_quantity: vec![false; n],
            quantities: Vec::new(),
            q_toks: Vec::new(),
            q_full_start: Vec::new(),
            furniture: Vec::new(),
            glued: Vec::new(),
            headline: None,
        };
        // About one word in four starts some entry (most of them common words: `في`, `من`).
        let (mut hits, mut hit_at) = (Vec::with_capacity(n / 4), Vec::with_capacity(n + 1));
        for i in 0..n {
            hit_at.push(u32::try_from(hits.len()).expect("fewer hits than bytes"));
            let from = hits.len();
            self.hits_at(&r, i, &mut hits);
            if hits[from..].iter().any(|h| h.glued) {
                r.glued.push(i);
            }
        }
        hit_at.push(u32::try_from(hits.len()).expect("fewer hits than bytes"));
        (r.hits, r.hit_at) = (hits, hit_at);
        // Numbers matter only where a cue or a casualty noun is: an article without one is
        // done here, before the number parser runs.
        let wanted = cue_sentences(&r);
        if wanted.contains(&true) {
            r.quantities = self.quantities(&r, &wanted);
            for q in &r.quantities {
                let toks = &r.toks;
                let a = toks.partition_point(|t| t.end <= q.start);
                let z = toks.partition_point(|t| t.start < q.end);
                let fa = toks.partition_point(|t| t.end <= q.full_start);
                let fz = toks.partition_point(|t| t.start < q.full_end);
                r.in_quantity[fa..fz].fill(true);
                r.q_toks.push((a, z));
                r.q_full_start.push(fa);
            }
            self.layout(&mut r);
        }
        r
    }

    /// The quantities of the `wanted` sentences (see [`cue_sentences`]): a figure is read
    /// with its cue in its clause, so numbers elsewhere (prices, populations, the dates of
    /// other news) are never parsed. A sentence boundary always breaks a number
    /// expression, so the result is what parsing the whole text would give there.
    fn quantities(&self, r: &Reading<'a>, wanted: &[bool]) -> Vec<Quantity> {
        let mut out = Vec::new();
        let mut words = crate::numbers::Words::default();
        let mut a = 0;
        while a < r.toks.len() {
            let s = r.sentence[a];
            let z = a + r.sentence[a..].partition_point(|&x| x == s);
            if wanted[s] {
                self.numbers
                    .parse_tokens_into(&r.norm.text, &r.toks[a..z], &mut words, &mut out);
            }
            a = z;
        }
        out
    }

    /// Page layout: which lines are furniture, which is the headline; and a title glued to
    /// the one before it starts a new sentence.
    fn layout(&self, r: &mut Reading<'a>) {
        let text = &r.norm.text;
        let ticker = ticker_times();
        // Byte ranges of furniture lines, merged; tokens look theirs up by binary search.
        let mut furniture: Vec<(usize, usize)> = Vec::new();
        let mut mark = |a: usize, z: usize| match furniture.last_mut() {
            Some(last) if last.1 == a => last.1 = z,
            _ => furniture.push((a, z)),
        };
        let (mut block, mut rest) = (false, false);
        let mut headline = None;
        for (a, z) in line_spans(text) {
            let t = text[a..z].trim();
            if t.is_empty() {
                block = false;
                continue;
            }
            let marker = self
                .lex
                .furniture_starting(t)
                .find(|(m, _)| t.chars().count() <= m.chars().count() + 20);
            // A ticker line holds two time stamps: look for the colon before the regex.
            let ticker_line = || {
                memchr::memchr(b':', t.as_bytes()).is_some() && ticker.find_iter(t).nth(1).is_some()
            };
            let furniture_line = rest || block || marker.is_some() || ticker_line();
            if let Some((_, r)) = marker {
                rest |= r;
                block = !r;
            }
            if furniture_line {
                mark(a, z);
            } else if headline.is_none() {
                headline = Some((a, z)).filter(|_| t.chars().count() <= 200);
            }
        }
        // A line where one title runs into the next is a scraped list of headlines.
        for &i in &r.glued {
            let p = r.toks[i].start;
            let a = text[..p].rfind('\n').map_or(0, |k| k + 1);
            let z = text[p..].find('\n').map_or(text.len(), |k| p + k + 1);
            let k = furniture.partition_point(|&(_, fz)| fz <= a);
            if furniture.get(k).is_none_or(|&(fa, _)| fa > a) {
                furniture.insert(k, (a, z));
            }
        }
        r.furniture = furniture;
        r.headline = headline.filter(|&(_, z)| z < text.len());
        // Renumber sentences and clauses so each glued title is its own.
        if r.glued.is_empty() {
            return;
        }
        let (mut extra, mut prev_sentence) = (0, usize::MAX);
        let mut glued = r.glued.iter().peekable();
        for i in 0..r.toks.len() {
            let title = glued.next_if_eq(&&i).is_some();
            if title && r.sentence[i] == prev_sentence {
                extra += 1;
            }
            prev_sentence = r.sentence[i];
            r.sentence[i] += extra;
            r.clause[i] += extra;
        }
    }

    /// Push the hits starting at token `i` onto `out`, longest first.
    fn hits_at(&self, r: &Reading<'a>, i: usize, out: &mut Vec<Hit<'a>>) {
        if r.toks[i].kind != TokKind::Word {
            return;
        }
        if !self.lex.may_start(r.word(i)) {
            self.push_glued_cue(r, i, out);
            return;
        }
        let from = out.len();
        for key in keys(r.word(i)) {
            for e in self.lex.starting_with(key) {
                let n = e.words.len();
                let fits = (1..n).all(|k| {
                    let t = i + k;
                    t < r.toks.len() && r.toks[t].kind == TokKind::Word && r.toks[t].joined && {
                        // Later words match with or without their clitics and article on
                        // either side: `شهداء وجرحى` matches `الشهداء والجرحى`.
                        // Every key of a word is a suffix of it: most words that follow
                        // a common first word (`في`, `من`) end in no wanted key, and are
                        // passed over before their keys are made, on one test against the
                        // shortest wanted key (see `Entry::later_keys`).
                        let want = &e.later_keys[k - 1];
                        let w = r.word(t);
                        want.last().is_some_and(|x| w.ends_with(x.as_str()))
                            && keys(w).iter().any(|w| want.iter().any(|x| x == w))
                    }
                });
                if fits {
                    out.push(Hit {
                        entry: e,
                        start: i,
                        end: i + n,
                        glued: false,
                    });
                }
            }
        }
        if out.len() == from {
            self.push_glued_cue(r, i, out);
        }
        if out.len() > from + 1 {
            out[from..].sort_by_key(|h| std::cmp::Reverse(h.end));
        }
    }

    /// Push the cue glued to the end of word `i`, if it has one (see [`Self::glued_cue`]).
    /// Most words are too short to hold one: that is decided here, on the token's bounds,
    /// without a call for every word of the text.
    #[inline]
    fn push_glued_cue(&self, r: &Reading<'a>, i: usize, out: &mut Vec<Hit<'a>>) {
        if r.toks[i].end - r.toks[i].start >= GLUED_MIN_BYTES
            && let Some(h) = self.glued_cue(r, i)
        {
            out.push(h);
        }
    }

    /// Scraped headline lists often lose the space between titles: `سوريامقتل عنصرين`.
    /// An unknown word that ends in a one-word cue of four letters or more, after at least
    /// three letters of something else, is read as that cue.
    #[inline(never)]
    fn glued_cue(&self, r: &Reading<'a>, i: usize) -> Option<Hit<'a>> {
        let w = r.word(i);
        if !self.lex.may_end_in_cue(w) {
            return None;
        }
        w.char_indices().skip(3).find_map(|(k, _)| {
            let tail = &w[k..];
            if tail.chars().count() < 4 {
                return None;
            }
            self.lex
                .starting_with(tail)
                .find(|e| e.words.len() == 1 && matches!(e.kind, Kind::Cue { after: false, .. }))
                .map(|entry| Hit {
                    entry,
                    start: i,
                    end: i + 1,
                    glued: true,
                })
        })
    }

    fn drafts(&self, r: &Reading<'a>) -> Vec<Draft<'a>> {
        let mut out: Vec<Draft<'a>> = Vec::new();
        let mut used = vec![false; r.toks.len()];
        for qi in 0..r.quantities.len() {
            if restated(r, qi) {
                continue;
            }
            if let Some(d) = self.quantity_draft(r, qi, &out, &mut used) {
                // A figure may be followed by people counted by their noun, after `و`:
                // more parts of a breakdown (`بينهم 4 أطفال وامرأتان`), or more of the
                // dead or wounded (`قضى ثلاثة أطفال وأمهم`).
                let head = Head {
                    category: d.category,
                    count: None,
                    at: d.at,
                    breakdown: d.flags.contains(&Flag::Breakdown),
                };
                let j = d.last + 1;
                out.push(d);
                self.parts_after(r, j, head, &mut used, &mut out);
            }
        }
        self.noun_drafts(r, &mut used, &mut out);
        out.sort_by_key(|d| (d.first, d.last));
        mark_breakdowns(&mut out, |at| r.sentence[at]);
        out
    }

    /// The noun counted right after token `z` (joined to it).
    fn noun_at(&self, r: &Reading<'a>, z: usize) -> Option<Hit<'a>> {
        if z >= r.toks.len() || !r.toks[z].joined {
            return None;
        }
        r.hits(z)
            .iter()
            .find(|h| matches!(h.entry.kind, Kind::Noun { .. }))
            .copied()
    }

    /// Is a unit right after token `z`, or after `من` there?
    fn unit_after(&self, r: &Reading<'a>, z: usize) -> bool {
        let unit = |t: usize, of: bool| {
            t < r.toks.len()
                && r.toks[t].joined
                && r.hits(t)
                    .iter()
                    .any(|h| matches!(h.entry.kind, Kind::Unit { after_of } if after_of || !of))
        };
        unit(z, false)
            || (z < r.toks.len() && r.toks[z].joined && r.word(z) == "من" && unit(z + 1, true))
    }

    /// The nearest cue before token `from`, in the same clause, not past another number.
    fn cue_before(&self, r: &Reading<'a>, from: usize) -> Option<Hit<'a>> {
        let lo = from.saturating_sub(CUE_REACH);
        for j in (lo..from).rev() {
            if r.clause[j] != r.clause[from.min(r.toks.len() - 1)] || r.in_quantity[j] {
                return None;
            }
            // A cue, or a definite casualty noun at most two words before the figure
            // (`عدد القتلى إلى 250`, `القتلى المبلغ عنهم: 18`), definite by the article or
            // by the word it governs (`حصيلة قتلى القصف إلى ثمانية`).
            if let Some(h) = r.hits(j).iter().find(|h| {
                h.end <= from
                    && r.names_toll(h)
                    && (matches!(h.entry.kind, Kind::Cue { .. }) || from - h.end <= 2)
            }) {
                // A longer cue that covers this word wins (`مقتل وجرح` over `جرح`).
                let covering = (j.saturating_sub(2)..j).rev().find_map(|k| {
                    r.hits(k)
                        .iter()
                        .find(|c| {
                            c.end > j
                                && c.end <= from
                                && matches!(c.entry.kind, Kind::Cue { after: false, .. })
                        })
                        .copied()
                });
                return Some(covering.unwrap_or(*h));
            }
        }
        None
    }

    /// The toll a running total reached, for a figure right after a [`Kind::TotalTo`] word:
    /// a neutral cue that governs a casualty noun (`حصيلة ضحايا`), a cue, or a definite
    /// casualty noun (`عدد القتلى`), anywhere before it in its sentence within
    /// [`TOLL_REACH`], right after a running-total word (`ارتفعت حصيلة ضحايا التفجير الذي
    /// وقع في المسجد إلى 15 شخصا`). Commas may stand between: the toll is one statement.
    fn toll_before(&self, r: &Reading<'a>, from: usize) -> Option<Hit<'a>> {
        let to = from.checked_sub(1)?;
        if !r.hits(to).iter().any(|h| h.entry.kind == Kind::TotalTo) {
            return None;
        }
        let total_at = |j: usize| {
            (j.saturating_sub(2)..j).any(|k| {
                r.sentence[k] == r.sentence[j]
                    && r.hits(k)
                        .iter()
                        .any(|h| h.end <= j && h.entry.kind == (Kind::Scope { backward: false }))
            })
        };
        (to.saturating_sub(TOLL_REACH)..to)
            .rev()
            .take_while(|&j| r.sentence[j] == r.sentence[to] && !r.in_quantity[j])
            .find_map(|j| {
                r.hits(j)
                    .iter()
                    .find(|h| h.end <= to && total_at(j) && r.names_toll(h))
                    .copied()
            })
    }

    /// A cue after the counted noun (`20 مدنيا قتلوا`), in its clause.
    fn cue_after(&self, r: &Reading<'a>, from: usize) -> Option<Hit<'a>> {
        (from..(from + CUE_AFTER_REACH).min(r.toks.len()))
            .take_while(|&j| r.clause[j] == r.clause[from - 1] && !r.in_quantity[j])
            .find_map(|j| {
                r.hits(j)
                    .iter()
                    .find(|h| matches!(h.entry.kind, Kind::Cue { after: true, .. }))
                    .copied()
            })
    }

    /// Is the figure at tokens `a..z` excluded for `category`? Exclusions for every
    /// category (`اعتقال 20 شابا`, `نزوح 3 ملايين شخص`) stand before the figure, up to two
    /// words before its cue; those for some categories (`65 إصابة جديدة بكورونا`) may also
    /// follow within three words. Only within the clause of `a`.
    fn excluded(&self, r: &Reading<'a>, a: usize, z: usize, category: Category) -> bool {
        let end = (z + 3).min(r.toks.len());
        (a.saturating_sub(2)..end).any(|j| {
            r.clause[j] == r.clause[a]
                && r.hits(j).iter().any(|h| match &h.entry.kind {
                    Kind::Exclude(None) => j < z && h.end <= z,
                    Kind::Exclude(Some(cats)) => cats.contains(&category),
                    _ => false,
                })
        })
    }

    fn quantity_draft(
        &self,
        r: &Reading<'a>,
        qi: usize,
        before: &[Draft<'a>],
        used: &mut [bool],
    ) -> Option<Draft<'a>> {
        let q = &r.quantities[qi];
        let (a, z) = r.q_toks[qi];
        // A figure restated right after it (`(15) خمسة عشر مصلياً`) is one with it: its
        // noun is the one after the restatement.
        let z = if qi + 1 < r.quantities.len() && restated(r, qi + 1) {
            r.q_toks[qi + 1].1
        } else {
            z
        };
        let fa = r.q_full_start[qi];
        if q.percent || a >= z {
            return None;
        }
        let PeopleCount {
            count,
            low,
            high,
            vague,
        } = people_count(q)?;
        // `،(28) ووفاة`: a bracketed figure not attached to the words before it is a note
        // reference.
        if !r.toks[fa].joined && r.bracketed(fa) {
            return None;
        }
        // `عشرة أيام`, `28 من نيسان`, `6 صواريخ`: the figure counts something else.
        if self.unit_after(r, z) {
            return None;
        }
        // A noun behind the conjunction starts the next figure: `مقتل ثلاثة وإصابة خمسة`.
        let mut noun = self.noun_at(r, z).filter(|h| !r.conjoined(h));
        // `شخص واحد`, `مصابان اثنان`: the noun before a one or a two.
        let mut anchor = fa;
        if noun.is_none()
            && matches!(count, Some(1 | 2))
            && a > 0
            && let Some(h) = (a.saturating_sub(2)..a)
                .rev()
                .flat_map(|j| r.hits(j))
                .find(|h| matches!(h.entry.kind, Kind::Noun { .. }) && h.end == a)
        {
            noun = Some(*h);
            anchor = h.start;
        }
        // Digits right after a definite word that is no cue nor casualty noun, with nothing
        // counted after them, label that thing: `الجولة 14`, `اللواء 313`, `الكيلو 5`. Not
        // after a bare article (`تجاوزت الـ 50`) nor a word that merely begins as it does
        // (`إلى`, read `الي`): neither is definite.
        if noun.is_none()
            && r.toks[a].kind == TokKind::Digits
            && fa > 0
            && r.toks[fa].joined
            && r.toks[fa - 1].kind == TokKind::Word
            && r.definite(fa - 1)
            && r.hits(fa - 1)
                .iter()
                .all(|h| matches!(h.entry.kind, Kind::Unit { .. }))
        {
            return None;
        }
        // A year with nothing counted after it is a date; so is one after a word of time
        // (`عام 2005 بوفاة 19 ألفا`, `سنة 1982`), whatever follows it.
        let year = count.is_some_and(|c| (1900..=2100).contains(&c));
        let after_time_word = fa > 0
            && r.toks[fa].joined
            && r.hits(fa - 1)
                .iter()
                .any(|h| matches!(h.entry.kind, Kind::Unit { .. }));
        if year && (noun.is_none() || after_time_word) {
            return None;
        }
        // `واحد` with no noun on either side is a pronoun (`عائلة واحدة`, `كواحد من`).
        let in_words = r.toks[a].kind == TokKind::Word;
        if noun.is_none() && in_words && count == Some(1) {
            return None;
        }
        // `آخرين`, `العديد`: a figure with no noun of its own.
        let others = z < r.toks.len()
            && r.toks[z].joined
            && r.hits(z)
                .iter()
                .any(|h| matches!(h.entry.kind, Kind::Vague { .. }));
        let partitive = noun.is_none() && r.partitive(z);
        let (mut noun_cat, noun_group) = match noun.map(|h| &h.entry.kind) {
            Some(Kind::Noun {
                category, group, ..
            }) => (*category, *group),
            _ => (None, None),
        };
        let mut after_noun = noun.map_or(z, |h| h.end.max(z));
        // `300 قتيل وجريح`: the dead and the wounded together, one figure for both. Both
        // nouns singular, as a count over ten takes them: after a plural, a noun behind `و`
        // starts the next figure (`7 قتلى وإصابة العديد`, `خمس شهداء وإصابات`).
        let singular = |h: &Hit| {
            matches!(
                h.entry.kind,
                Kind::Noun {
                    form: Form::Singular,
                    ..
                }
            )
        };
        if let Some(c) = noun_cat
            && noun.is_some_and(|h| singular(&h))
            && let Some(other) = self
                .noun_at(r, after_noun)
                .filter(|h| r.conjoined(h) && singular(h))
            && let Kind::Noun {
                category: Some(c2), ..
            } = other.entry.kind
            && c2 != c
        {
            noun_cat = Some(Category::KilledOrWounded);
            after_noun = other.end;
        }
        // `وأحصي 12 من القتلى`, `5 من الجرحى`: the noun of the dead or the wounded after a
        // partitive says what the figure counts (not `الضحايا`, which may be either).
        let mut partitive_noun = None;
        if noun_cat.is_none() {
            let mut k = after_noun;
            while k < r.toks.len() && k < after_noun + 2 && r.partitive(k) {
                k += 1;
            }
            if k > after_noun
                && let Some(h) = self.noun_at(r, k)
                && let Kind::Noun {
                    category: Some(c),
                    form: Form::Plural,
                    ..
                } = h.entry.kind
                && c != Category::KilledOrWounded
                && r.definite(h.start)
            {
                noun_cat = Some(c);
                after_noun = h.end;
                partitive_noun = Some(h);
            }
        }
        let FigureCue {
            hit: cue,
            category: cue_cat,
            governed,
            shared: cue_shared,
            toll,
        } = self.figure_cue(r, a, anchor);
        let noun_group = noun_group.or(governed.and_then(|(_, g)| g));
        let after = if noun_cat.is_none() && cue_cat.is_none() {
            self.cue_after(r, after_noun)
        } else {
            None
        };
        let after_cat = after.and_then(|h| match h.entry.kind {
            Kind::Cue { category, .. } => category,
            _ => None,
        });
        let same_sentence_prev = before
            .last()
            .filter(|p| r.sentence[p.last] == r.sentence[a]);
        // The figure a coordinated one takes its group from: not a part of a breakdown
        // (`مقتل 12 مدنيًا بينهم 5 أطفال، وإصابة 20 آخرين`: the 20 are not children).
        let group_partner = before
            .iter()
            .rev()
            .take_while(|p| r.sentence[p.last] == r.sentence[a])
            .find(|p| !p.flags.contains(&Flag::Breakdown));
        let (category, rule, inherited, construction) = if let Some(c) = noun_cat {
            let rule = noun.or(partitive_noun).map(|h| h.entry.rule.as_str());
            (c, rule, false, by::NUMBER_NOUN)
        } else if let Some(c) = cue_cat {
            let construction = if toll {
                by::NUMBER_TOLL
            } else {
                by::NUMBER_CUE
            };
            (c, cue.map(|h| h.entry.rule.as_str()), false, construction)
        } else if let Some(c) = after_cat {
            let rule = after.map(|h| h.entry.rule.as_str());
            (c, rule, false, by::NUMBER_CUE_AFTER)
        } else if let Some(p) = same_sentence_prev.filter(|p| {
            a - p.last <= 12
                && (noun.is_some()
                    || partitive
                    || others
                    // A list of parts goes on after `و` whatever it counts (`خمسة منهم من
                    // رجال الأمن، وستة متدربين، وأربعة من العاملين`).
                    || (p.flags.contains(&Flag::Breakdown) && self.behind_waw(r, a)))
        }) {
            (p.category, Some(p.rule), true, by::NUMBER_COORDINATED)
        } else {
            return None;
        };
        // A cue of the dead before a noun of the wounded, or the other way round, is not the
        // figure's cue (`45 إصابة جديدة بكورونا و3 وفيات`): the quote starts at the figure.
        // One for both (`حصيلة ضحايا القصف إلى 50 قتيلا`) is.
        let opposed = |c: Category| {
            matches!(
                (c, noun_cat),
                (Category::Killed, Some(Category::Wounded))
                    | (Category::Wounded, Some(Category::Killed))
            )
        };
        let own_cue = cue.filter(|_| !cue_cat.is_some_and(opposed) && !cue_shared);
        let first = own_cue.map_or(anchor, |h| h.start.min(anchor));
        if self.excluded(r, first, after_noun, category) {
            return None;
        }
        let coordinated = same_sentence_prev.is_some_and(|p| noun.is_none() || first <= p.last + 2);
        // The figure it shares a running total's scope with: not when it has a verb of its
        // own that names its category (`ارتفعت حصيلة القتلى إلى 11 وأصيب 46 شخصا`: today's
        // wounded), which starts a statement of its own.
        let own_statement = !inherited
            && own_cue.is_some_and(|h| {
                matches!(
                    h.entry.kind,
                    Kind::Cue {
                        category: Some(_),
                        after: false
                    }
                ) && h.start > same_sentence_prev.map_or(0, |p| p.last)
            });
        let partner = same_sentence_prev
            .filter(|_| (inherited || partitive || others || coordinated) && !own_statement)
            .map(|p| p.at);
        // A group named after the figure (`مقتل 10 من قوات النظام`) is in its quote; a
        // person noun gives way to it (`28 شخصا من عناصر التنظيم`).
        // After `آخرين` (`و9 آخرين من المرتزقة`) the group is named past it.
        let named = noun_group
            .is_none_or(|g| g == Group::Unspecified)
            .then(|| self.group_noun_after(r, after_noun + usize::from(others && noun.is_none())))
            .flatten();
        let noun_group = noun_group.filter(|&g| g != Group::Unspecified || named.is_none());
        let group = noun_group
            .or(named.map(|(g, _)| g))
            // `الضحايا من المدنيين تجاوزت الـ 50`: the group named after the cue with `من`.
            // Without it, the noun after a verb is who did it (`قتلت الشرطة 14 محتجا`).
            .or_else(|| {
                cue.filter(|h| r.partitive(h.end))
                    .and_then(|h| self.group_after(r, h.end))
            })
            .or_else(|| {
                // No group of its own and no `من …` after it: the partner's group when
                // coordinated with it (`أودى بحياة 229 مدنيًا وأصاب 727`, `وإصابة 20
                // آخرين`, `مقتل 48 مدنيًا و132 مصابًا`).
                let p = group_partner?;
                // Not a total of a noun of its own (`حصيلة القتلى … إلى 120`).
                (!partitive && !inherited && coordinated && governed.is_none()).then_some(p.group)
            })
            .unwrap_or(Group::Unspecified);
        let last = after.map_or(after_noun + usize::from(others && noun.is_none()), |h| {
            h.end
        }) - 1;
        let last = named.map_or(last, |(_, end)| last.max(end - 1));
        used[first..=last].fill(true);
        // A figure that takes its category from the one before breaks it down when that one
        // is a total (of no group or civilians) or a part itself; after a figure of another
        // group it is a figure of its own (`مقتل 10 من قوات النظام و5 من الفصائل`).
        let mut flags = Vec::new();
        if inherited
            && same_sentence_prev.is_some_and(|p| {
                matches!(p.group, Group::Unspecified | Group::Civilian)
                    || p.flags.contains(&Flag::Breakdown)
            })
        {
            flags.push(Flag::Breakdown);
        }
        Some(Draft {
            category,
            count,
            low,
            high,
            approx: q.is_approx(),
            vague,
            group,
            first,
            last,
            rule: rule.unwrap_or_default(),
            construction,
            flags,
            at: a,
            partner,
        })
    }

    /// Does a number at token `k` that became a figure count the noun before it (`رجل 5`)?
    /// Not when it is joined by `و` (`رجل وامرأة وثلاثة أطفال`): it counts the next.
    fn counted_by_next(&self, r: &Reading<'a>, k: usize, used: &[bool]) -> bool {
        k < r.toks.len()
            && r.in_quantity[k]
            && used[k]
            && r.word(k) != "و"
            && !self.behind_waw(r, k)
    }

    /// Is the number at token `t` joined to what comes before by `و`: the word `و` before
    /// it (`و 3`), or written on it (`وثلاثة`, not `واحد`)?
    fn behind_waw(&self, r: &Reading<'a>, t: usize) -> bool {
        (t > 0 && r.toks[t].joined && r.word(t - 1) == "و")
            || (r.toks[t].kind == TokKind::Word && self.numbers.behind_waw(r.word(t)))
    }

    /// The cue of the figure at tokens from `a` (its words from `anchor`), and what it says.
    fn figure_cue(&self, r: &Reading<'a>, a: usize, anchor: usize) -> FigureCue<'a> {
        // A cue whose own noun counts one or two (`مقتل قائد`, `مقتل عنصرين`) is taken: a
        // number after that labels something (`مقتل قائد اللواء 313`, `مقتل مدني في الكيلو
        // 5`), unless joined to it by `و` (`مقتل طفل و3 نساء`): then the cue is shared, and
        // the number's quote starts at it.
        let (cue, toll) = match self.cue_before(r, anchor) {
            Some(h) => (Some(h), false),
            None => {
                let h = self.toll_before(r, anchor);
                (h, h.is_some())
            }
        };
        // Its own noun may stand after a colon (`الحصيلة: قتيلان و5 جرحى`).
        let cue_has_noun = cue.is_some_and(|h| {
            (h.end..anchor).any(|t| {
                r.hits(t).iter().any(|n| {
                    n.end <= anchor
                        && matches!(
                            n.entry.kind,
                            Kind::Noun {
                                form: Form::Singular | Form::Dual,
                                ..
                            }
                        )
                })
            })
        });
        let cue = cue.filter(|_| !cue_has_noun || self.behind_waw(r, a));
        // A neutral cue takes the category and group of the casualty noun it governs:
        // `ترتفع حصيلة القتلى منذ مطلع الشهر إلى 120`.
        let governed = cue
            .filter(|h| matches!(h.entry.kind, Kind::Cue { category: None, .. }))
            .filter(|h| r.toks.get(h.end).is_some_and(|t| t.joined))
            .and_then(|h| {
                r.hits(h.end).iter().find_map(|n| match n.entry.kind {
                    Kind::Noun {
                        category: Some(c),
                        group,
                        ..
                    } if n.end <= anchor => Some((c, group)),
                    _ => None,
                })
            });
        let cue_cat = cue
            .and_then(|h| match h.entry.kind {
                Kind::Cue { category, .. } | Kind::Noun { category, .. } => category,
                _ => None,
            })
            .or(governed.map(|(c, _)| c));
        FigureCue {
            hit: cue,
            category: cue_cat,
            governed,
            shared: cue_has_noun,
            toll,
        }
    }

    /// `قتلى من المدنيين`, `قتلى مدنيين`, `أحد عناصر`: a group named right after a noun.
    fn group_after(&self, r: &Reading<'a>, j: usize) -> Option<Group> {
        self.group_noun_after(r, j).map(|(g, _)| g)
    }

    /// [`Extractor::group_after`], with the token after the noun that names the group.
    fn group_noun_after(&self, r: &Reading<'a>, j: usize) -> Option<(Group, usize)> {
        // `من المدنيين`, `منهم أطفال` (of them, children), `منهم من رجال الأمن`.
        let of = |t: usize| {
            t < r.toks.len() && r.toks[t].joined && matches!(r.word(t), "من" | "منهم" | "منهن")
        };
        let k = if of(j) && r.word(j) != "من" && of(j + 1) {
            j + 2
        } else if of(j) {
            j + 1
        } else {
            j
        };
        // Without `من` only a plural names the group (`أحد عناصر`); a singular there is
        // the first item of a list (`شخصين امرأة و رجل`).
        let via_min = k > j;
        self.noun_at(r, k).and_then(|h| match h.entry.kind {
            Kind::Noun {
                category: None,
                group: Some(g),
                form,
            } if g != Group::Unspecified && (via_min || form == Form::Plural) => Some((g, h.end)),
            _ => None,
        })
    }

    /// Mentions without a number: a singular or dual noun (`مقتل طفل`, `حالتي وفاة`,
    /// `مقتل عنصرين`) or a vague quantity after a cue (`إصابة العديد`, `سقوط قتلى`).
    fn noun_drafts(&self, r: &Reading<'a>, used: &mut [bool], out: &mut Vec<Draft<'a>>) {
        let figures = out.len();
        // Over the hits in text order; once a cue at a token made a mention, the other
        // hits there are passed over.
        let mut done = usize::MAX;
        for h in &r.hits {
            if h.start == done {
                continue;
            }
            let Kind::Cue {
                category: cue_cat,
                after: false,
            } = h.entry.kind
            else {
                continue;
            };
            if used[h.start] || h.end >= r.toks.len() || r.in_quantity[h.end] {
                continue;
            }
            let next = self
                .noun_at(r, h.end)
                .or_else(|| {
                    r.hits(h.end)
                        .iter()
                        .find(|x| {
                            matches!(x.entry.kind, Kind::Vague { .. }) && r.toks[h.end].joined
                        })
                        .copied()
                })
                .or_else(|| self.noun_at(r, r.past_where(h.end)?));
            let Some(n) = next else { continue };
            if used[n.start] || self.counted_by_next(r, n.end, used) {
                continue;
            }
            let (count, category, group) = match n.entry.kind {
                Kind::Noun {
                    category,
                    group,
                    form,
                } => {
                    let count = form.count();
                    // A bare plural is a vague mention only when the noun itself is a
                    // casualty and indefinite (`سقوط قتلى`), not `مقتل مدنيين` or
                    // `جثث القتلى` (victims already counted).
                    if count.is_none() && (category.is_none() || r.definite(n.start)) {
                        continue;
                    }
                    (count, category.or(cue_cat), group)
                }
                Kind::Vague { .. } => (None, cue_cat, None),
                _ => continue,
            };
            // A neutral cue (`بينهم طفلان`) takes the category of the figure it follows.
            // The closest figure before the cue: among the figures (in text order, so
            // found by bisection) or the noun mentions made so far (the last one).
            let k = out[..figures].partition_point(|d| d.last < h.start);
            let partner = [k.checked_sub(1).map(|k| &out[k]), out[figures..].last()]
                .into_iter()
                .flatten()
                .filter(|d| d.last < h.start)
                .max_by_key(|d| d.last)
                .filter(|d| r.sentence[d.last] == r.sentence[h.start]);
            let (category, inherited) = match (category, partner) {
                (Some(c), _) => (c, false),
                (None, Some(p)) => (p.category, true),
                (None, None) => continue,
            };
            if self.excluded(r, h.start, n.end, category) {
                continue;
            }
            // A person noun gives way to a group named right after it (`أحد عناصر
            // الشرطة`, `شخص من المدنيين`), and so does a vague quantity (`عدد كبير من
            // المدنيين`); the quote then runs to that noun.
            // `وأصابت آخرين`: more of the people the figure before counted, of its group,
            // unless a group is named after them (`وإصابة آخرين من المدنيين`).
            // Not a part of a breakdown (`مقتل 12 مدنيًا بينهم 5 أطفال وإصابة آخرين`: the
            // wounded are not children), nor one person (`استشهد طفل وأصيب آخرون`: others
            // than a child are not more children).
            let others_of = match n.entry.kind {
                Kind::Vague { others: true } => out
                    .iter()
                    .filter(|d| {
                        d.last < h.start
                            && r.sentence[d.last] == r.sentence[h.start]
                            && !d.flags.contains(&Flag::Breakdown)
                    })
                    .max_by_key(|d| d.last)
                    .filter(|d| d.count != Some(1))
                    .map(|d| d.group),
                _ => None,
            };
            let (group, end) = match group.filter(|g| *g != Group::Unspecified) {
                Some(g) => (g, n.end),
                None => self
                    .group_noun_after(r, n.end)
                    .or(others_of.map(|g| (g, n.end)))
                    .unwrap_or((Group::Unspecified, n.end)),
            };
            used[h.start..end].fill(true);
            out.push(Draft {
                flags: if inherited {
                    vec![Flag::Breakdown]
                } else {
                    Vec::new()
                },
                partner: partner.filter(|_| inherited).map(|p| p.at),
                ..Draft::counted(
                    by::NOUN_AFTER_CUE,
                    category,
                    count,
                    group,
                    (h.start, end - 1),
                    n.start,
                    &n.entry.rule,
                )
            });
            let head = Head {
                category,
                count,
                at: n.start,
                breakdown: group == Group::Unspecified,
            };
            self.parts_after(r, end, head, used, out);
            done = h.start;
        }
        self.cueless_noun_drafts(r, used, out);
        self.noun_then_cue_drafts(r, used, out);
        self.partitive_vague_drafts(r, used, out);
        self.definite_count_drafts(r, used, out);
    }

    /// A noun of the dead or wounded is a figure even without a cue in two places. A dual
    /// anywhere stands for two (`تسجل حالتي وفاة`), unless a number before it counts it. A
    /// noun that opens a sentence, the headline style: a singular of the dead for one
    /// (`قتيل وثلاثة جرحى بانفجار`, `شهيد برصاص قناص`), a plural for a vague figure (`قتلى
    /// وجرحى بقصف على ريف إدلب`). Only there: elsewhere a bare `شهيد` is often someone's
    /// (`ابن شهيد`); and not when a definite word follows (`قتيل الأمس`, `جرحى الحرب` name
    /// people already told of). A singular only of the dead: `مصاب` is as often `ill with`
    /// (`مصاب بالسرطان`). A word that is also a cue (`إصابات`, `ضحايا`) is read as one.
    fn cueless_noun_drafts(&self, r: &Reading<'a>, used: &mut [bool], out: &mut Vec<Draft<'a>>) {
        let casualty = |h: &Hit| {
            matches!(
                h.entry.kind,
                Kind::Noun {
                    category: Some(_),
                    ..
                }
            )
        };
        for h in r.first_hits(casualty) {
            let i = h.start;
            let Kind::Noun {
                category: Some(category),
                group,
                form,
            } = h.entry.kind
            else {
                continue;
            };
            if used[i] {
                continue;
            }
            let count = if matches!(form, Form::Dual) {
                if r.after_number(i) {
                    continue;
                }
                form.count()
            } else {
                let opens = i == 0 || r.sentence[i - 1] != r.sentence[i];
                if !opens || r.construct(&h) || r.definite(i) || r.has_cue(i) {
                    continue;
                }
                match form {
                    Form::Singular if category == Category::Killed => Some(1),
                    Form::Plural => None,
                    _ => continue,
                }
            };
            if self.excluded(r, h.start, h.end, category) {
                continue;
            }
            used[h.start..h.end].fill(true);
            out.push(Draft::counted(
                by::NOUN_OPENING,
                category,
                count,
                group.unwrap_or(Group::Unspecified),
                (h.start, h.end - 1),
                h.start,
                &h.entry.rule,
            ));
        }
    }

    /// An indefinite singular or dual noun of people right before a cue that follows what
    /// it counts: `لقي شاب مصرعه` (one young man killed), `طفلان فارقا الحياة`. The cue must
    /// stand next to the noun or at most two words after it (`لقي شاب سوري مصرعه`, `وكان
    /// شاب قد لقي مصرعه`): further on, the noun may be the subject of something else (`قال
    /// شاب إن …`). A definite noun is left alone: it most often names again someone already
    /// counted.
    fn noun_then_cue_drafts(&self, r: &Reading<'a>, used: &mut [bool], out: &mut Vec<Draft<'a>>) {
        let counted_noun = |h: &Hit| {
            matches!(
                h.entry.kind,
                Kind::Noun {
                    form: Form::Singular | Form::Dual,
                    ..
                }
            )
        };
        for n in r.first_hits(counted_noun) {
            let Kind::Noun { group, form, .. } = n.entry.kind else {
                continue;
            };
            let i = n.start;
            if used[i] || r.definite(i) || r.after_number(i) {
                continue;
            }
            // Not past another noun: `قال شاب إن المدنيين قتلوا` has its own subject.
            let other_noun = |j: usize| {
                r.hits(j)
                    .iter()
                    .any(|h| matches!(h.entry.kind, Kind::Noun { .. }))
            };
            // After an opener (`لقي شاب يبلغ من العمر 18 عاما مصرعه`) the close may stand
            // further, past numbers and nouns, within the sentence.
            let opener = (i > 0 && r.toks[i].joined)
                .then(|| {
                    r.hits(i - 1)
                        .iter()
                        .find(|h| h.entry.kind == Kind::Opener)
                        .copied()
                })
                .flatten();
            let reach = if opener.is_some() { FRAME_REACH } else { 3 };
            let cue = (n.end..(n.end + reach).min(r.toks.len()))
                .take_while(|&j| {
                    if opener.is_some() {
                        return r.sentence[j] == r.sentence[i] && !used[j];
                    }
                    r.toks[j].joined && !used[j] && !r.in_quantity[j] && !other_noun(j)
                })
                .find_map(|j| {
                    r.hits(j).iter().find(|h| {
                        matches!(
                            h.entry.kind,
                            Kind::Cue {
                                after: true,
                                category: Some(_)
                            }
                        )
                    })
                })
                .copied();
            let Some(cue) = cue else { continue };
            let Kind::Cue {
                category: Some(category),
                ..
            } = cue.entry.kind
            else {
                continue;
            };
            if self.excluded(r, i, cue.end, category) {
                continue;
            }
            let group = group
                .filter(|g| *g != Group::Unspecified)
                .or_else(|| self.group_after(r, n.end))
                .unwrap_or(Group::Unspecified);
            match opener {
                // The quote is the opener and its noun; the people listed after the noun
                // (`لقي ضابط شرطة ومجند … مصرعهما`) are more of the dead.
                Some(o) => {
                    used[o.start..n.end].fill(true);
                    used[cue.start..cue.end].fill(true);
                    let count = form.count();
                    out.push(Draft::counted(
                        by::FRAME_OPENED,
                        category,
                        count,
                        group,
                        (o.start, n.end - 1),
                        i,
                        &n.entry.rule,
                    ));
                    let head = Head {
                        category,
                        count,
                        at: i,
                        breakdown: false,
                    };
                    self.parts_after(r, n.end, head, used, out);
                }
                None => {
                    used[i..cue.end].fill(true);
                    out.push(Draft::counted(
                        by::NOUN_THEN_CUE,
                        category,
                        form.count(),
                        group,
                        (i, cue.end - 1),
                        i,
                        &n.entry.rule,
                    ));
                }
            }
        }
    }

    /// A definite noun of the dead or the wounded followed by a definite number word counts:
    /// `القتلى الثلاثة` (the three dead), `الجرحى الخمسة`. Not when a figure of the same
    /// casualties and count stands before it in the text: then it names them again.
    fn definite_count_drafts(&self, r: &Reading<'a>, used: &mut [bool], out: &mut Vec<Draft<'a>>) {
        use crate::numbers::table::WordKind;
        // Not `الضحايا`: killed or wounded is too loose a reading for a count.
        let noun = |h: &Hit| {
            h.end == h.start + 1
                && matches!(
                    h.entry.kind,
                    Kind::Noun {
                        category: Some(Category::Killed | Category::Wounded),
                        form: Form::Plural,
                        ..
                    }
                )
        };
        for n in r.first_hits(noun) {
            let Kind::Noun {
                category: Some(category),
                group,
                ..
            } = n.entry.kind
            else {
                continue;
            };
            let t = n.end;
            if t >= r.toks.len() {
                continue;
            }
            if !r.definite(n.start) || !r.toks[t].joined || used[n.start] || used[t] {
                continue;
            }
            let Some(bare) = r.word(t).strip_prefix("ال") else {
                continue;
            };
            let Some(count) = self
                .numbers
                .table()
                .readings(bare)
                .iter()
                .find(|x| matches!(x.kind, WordKind::Unit | WordKind::Teen | WordKind::Tens))
                .and_then(|x| u64::try_from(x.value).ok())
                .filter(|&v| v >= 2)
            else {
                continue;
            };
            // `الخمسة والعشرين`: one part of a compound number this does not read.
            if t + 1 < r.toks.len() && r.toks[t + 1].joined && r.word(t + 1).starts_with("وال") {
                continue;
            }
            let again = out
                .iter()
                .any(|d| d.last < n.start && d.category == category && d.count == Some(count));
            if again || self.excluded(r, n.start, t + 1, category) {
                continue;
            }
            used[n.start..=t].fill(true);
            let group = group
                .or_else(|| self.group_after(r, t + 1))
                .unwrap_or(Group::Unspecified);
            out.push(Draft::counted(
                by::DEFINITE_COUNT,
                category,
                Some(count),
                group,
                (n.start, t),
                n.start,
                &n.entry.rule,
            ));
        }
    }

    /// A vague quantity *of* casualties needs no cue: `والعديد من الجرحى`, `عدد من القتلى
    /// والجرحى`, `الكثير من الضحايا`. Only with `من` between the two: `عدد القتلى` (the
    /// number of the dead) is no quantity; and not after a figure of the same casualties in
    /// the sentence, which it takes up again. Each casualty noun coordinated with `و` right
    /// after the first makes a mention of its own.
    fn partitive_vague_drafts(&self, r: &Reading<'a>, used: &mut [bool], out: &mut Vec<Draft<'a>>) {
        let casualty_plural = |t: usize, used: &[bool]| {
            r.hits(t).iter().find_map(|h| match h.entry.kind {
                Kind::Noun {
                    category: Some(c),
                    group,
                    form: Form::Plural,
                } if r.toks[t].joined && !used[t] => Some((*h, c, group)),
                _ => None,
            })
        };
        for v in r.first_hits(|h| matches!(h.entry.kind, Kind::Vague { .. })) {
            if used[v.start] || r.in_quantity[v.start] {
                continue;
            }
            // `من` written in the phrase (`عدد من`) or after it (`العديد من`).
            let j = if v.entry.words.last().is_some_and(|w| w == "من") {
                v.end
            } else if v.end < r.toks.len() && r.toks[v.end].joined && r.word(v.end) == "من" {
                v.end + 1
            } else {
                continue;
            };
            if j >= r.toks.len() {
                continue;
            }
            let (mut first, mut j) = (v.start, j);
            while let Some((n, category, group)) = casualty_plural(j, used) {
                // After a figure of the same casualties in its sentence, it refers back to
                // them (`سقوط عشرات القتلى والجرحى ... نقل العديد من المصابين`).
                let counted = out.iter().any(|d| {
                    d.last < first
                        && r.sentence[d.at] == r.sentence[first]
                        && (d.category == category || d.category == Category::KilledOrWounded)
                });
                if counted || self.excluded(r, first, n.end, category) {
                    break;
                }
                used[first..n.end].fill(true);
                let group = group
                    .or_else(|| self.group_after(r, n.end))
                    .unwrap_or(Group::Unspecified);
                out.push(Draft::counted(
                    by::VAGUE_PARTITIVE,
                    category,
                    None,
                    group,
                    (first, n.end - 1),
                    n.start,
                    &n.entry.rule,
                ));
                // `... والجرحى`: the next noun, if it is one, joined by `و`.
                if n.end >= r.toks.len() || !r.word(n.end).starts_with('و') {
                    break;
                }
                (first, j) = (n.end, n.end);
            }
        }
    }

    /// Singular and dual nouns listed after a figure, each one a figure beside it, or a
    /// part of it when it is a total (`أودى بحياة شخصين امرأة و رجل`, `مقتل طفلين وامرأة`).
    fn parts_after(
        &self,
        r: &Reading<'a>,
        mut j: usize,
        head: Head,
        used: &mut [bool],
        out: &mut Vec<Draft<'a>>,
    ) {
        let category = head.category;
        // Without و a noun is an adjective (`قائد عسكري`) unless it opens the list of a
        // head of two or more (`شخصين امرأة و رجل`).
        let mut bare_ok = head.count.is_some_and(|c| c >= 2);
        loop {
            let waw = if j < r.toks.len() && r.toks[j].joined && r.word(j) == "و" {
                j += 1;
                true
            } else {
                j < r.toks.len() && r.word(j).starts_with('و')
            };
            if !(waw || bare_ok) {
                return;
            }
            bare_ok = false;
            let Some(n) = self.noun_at(r, j) else { return };
            // `قتل جنديان آخران`: `others` right after the head's noun are its adjective.
            if !waw
                && r.hits(n.start)
                    .iter()
                    .any(|h| h.entry.kind == Kind::Vague { others: true })
            {
                return;
            }
            // A noun of people is a part of the head; one of the other casualties (`سقوط
            // قتيل وجريح`: one dead, one wounded) a figure of its own, beside it.
            let (part_category, group, form, part) = match n.entry.kind {
                Kind::Noun {
                    category: None,
                    group: Some(group),
                    form,
                } => (category, group, form, true),
                Kind::Noun {
                    category: Some(other),
                    group,
                    form,
                } if other != category && other != Category::KilledOrWounded => {
                    (other, group.unwrap_or(Group::Unspecified), form, false)
                }
                _ => return,
            };
            // A plural of the other casualties is a vague figure beside the head (`سقوط
            // قتيلين وجرحى`, `خمس شهداء وإصابات تم تحويلها`), unless it is also a cue that
            // opens the next figure (`وإصابة 10 آخرين`, `وإصابة والدتهما`); a plural of people
            // counts nothing here.
            let cue_too = || {
                let k = n.end;
                let counts_next = k < r.toks.len()
                    && r.toks[k].joined
                    && (r.in_quantity[k]
                        || r.hits(k).iter().any(|x| {
                            matches!(x.entry.kind, Kind::Noun { .. } | Kind::Vague { .. })
                        }));
                counts_next && r.has_cue(n.start)
            };
            let count = match form {
                Form::Plural if part || r.definite(n.start) || cue_too() => return,
                _ => form.count(),
            };
            if used[n.start] || self.counted_by_next(r, n.end, used) {
                return;
            }
            used[n.start..n.end].fill(true);
            out.push(Draft {
                flags: if part && head.breakdown {
                    vec![Flag::Breakdown]
                } else {
                    Vec::new()
                },
                partner: Some(head.at),
                ..Draft::counted(
                    by::PARTS_LISTED,
                    part_category,
                    count,
                    group,
                    (n.start, n.end - 1),
                    n.start,
                    &n.entry.rule,
                )
            });
            j = n.end;
        }
    }

    /// Words of `kind` in the figure's sentence within `reach` words of it.
    fn near<'r>(
        &self,
        r: &'r Reading<'a>,
        d: &Draft<'a>,
        reach: usize,
    ) -> impl Iterator<Item = &'r Hit<'a>> {
        let s = r.sentence[d.at];
        let lo = d.first.saturating_sub(reach);
        let hi = (d.last + reach + 1).min(r.toks.len());
        // The hits starting at tokens lo..hi are one run of the flat list.
        let (a, z) = (r.hit_at[lo] as usize, r.hit_at[hi] as usize);
        r.hits[a..z]
            .iter()
            .filter(move |h| r.sentence[h.start] == s)
    }

    /// The place named with a figure: in its sentence, the first after it, else the last
    /// before it; with none there, the previous sentence's last. Only names within
    /// PLACE_REACH words of the figure count. Each sentence is looked up once per document
    /// and kept in `seen`, however many figures it holds.
    fn place(
        &self,
        r: &Reading<'a>,
        d: &Draft<'a>,
        seen: &mut HashMap<usize, Vec<(usize, &'static crate::places::Place)>, FastState>,
    ) -> Option<&'static crate::places::Place> {
        let s = r.sentence[d.at];
        let lo = d.first.saturating_sub(PLACE_REACH);
        let hi = d.last + PLACE_REACH;
        let mut found = |sent: usize| {
            seen.entry(sent)
                .or_insert_with(|| {
                    let a = r.sentence.partition_point(|&x| x < sent);
                    let z = r.sentence.partition_point(|&x| x <= sent);
                    let words: Vec<&str> = (a..z).map(|t| r.word(t)).collect();
                    crate::places::builtin()
                        .find(&words)
                        .into_iter()
                        .map(|(i, _, p)| (a + i, p))
                        .collect()
                })
                .iter()
                .filter(|(t, _)| (lo..hi).contains(t))
                .copied()
                .collect::<Vec<_>>()
        };
        let here = found(s);
        // A town beats a governorate at the same distance: `بلدة X بريف إدلب`.
        if let Some(&(_, p)) = here.iter().find(|(t, _)| *t >= d.first) {
            return Some(p);
        }
        if let Some(&(_, p)) = here.last() {
            return Some(p);
        }
        if s > 0 {
            return found(s - 1).last().map(|&(_, p)| p);
        }
        None
    }

    /// The date of a figure's event, read in the sentence it stands in: at most
    /// PLACE_REACH words either side, so a text without full stops stays linear.
    fn event_date(
        &self,
        r: &Reading<'a>,
        d: &Draft<'a>,
        published: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        let s = r.sentence[d.at];
        let a = r
            .sentence
            .partition_point(|&x| x < s)
            .max(d.first.saturating_sub(PLACE_REACH));
        let z = r
            .sentence
            .partition_point(|&x| x <= s)
            .min(d.last + PLACE_REACH)
            .max(a + 1);
        let text = &r.norm.text[r.toks[a].start..r.toks[z - 1].end];
        let words = (a..z)
            .filter(|&t| r.toks[t].kind == TokKind::Word)
            .map(|t| r.word(t));
        crate::dates::event_date_of(text, words, published)
    }

    /// Cumulative when a scope word stands before the figure in its sentence (`ليرتفع
    /// العدد إلى 12`), or a period word after it (`قتل 500 منذ بدء الحملة`).
    fn scope(&self, r: &Reading<'a>, d: &Draft<'a>) -> Scope {
        let s = r.sentence[d.at];
        let before = (d.first.saturating_sub(SCOPE_REACH)..d.first)
            .filter(|&j| r.sentence[j] == s)
            .any(|j| {
                r.hits(j).iter().any(|h| match h.entry.kind {
                    Kind::Scope { backward } => backward || d.first - j <= TOTAL_REACH,
                    _ => false,
                })
            });
        // A period word after the figure is its own until a running total begins (`مقتل 5
        // مدنيين اليوم، وبذلك ترتفع حصيلة القتلى منذ مطلع الشهر`: the 5 are today's).
        // Figures coordinated with it share it (`قتل المئات وجرح الآلاف منذ بداية الحملة`).
        let another = |h: &Hit| h.entry.kind == Kind::Scope { backward: false };
        let after = (d.last + 1..(d.last + 1 + SCOPE_REACH).min(r.toks.len()))
            .take_while(|&j| r.sentence[j] == s && !r.hits(j).iter().any(another))
            .any(|j| {
                r.hits(j)
                    .iter()
                    .any(|h| h.entry.kind == Kind::Scope { backward: true })
            });
        if before || after {
            Scope::Cumulative
        } else {
            Scope::Incident
        }
    }

    /// The cause named near a figure; violence when none is. A cause word in another clause
    /// that holds a figure of its own is that figure's: `القتل المباشر لـ 70،000 شخص، ...
    /// ووفاة نحو 85،000 طفل من الجوع`. `figure_clauses` lists, sorted, the clauses with a
    /// figure.
    fn cause(&self, r: &Reading<'a>, d: &Draft<'a>, figure_clauses: &[usize]) -> Cause {
        let own = r.clause[d.at];
        self.near(r, d, CAUSE_REACH)
            .find_map(|h| match h.entry.kind {
                Kind::Cause(c)
                    if r.clause[h.start] == own
                        || figure_clauses.binary_search(&r.clause[h.start]).is_err() =>
                {
                    Some(c)
                }
                _ => None,
            })
            .unwrap_or(Cause::Violence)
    }

    fn weapon(&self, r: &Reading<'a>, d: &Draft<'a>) -> Option<String> {
        self.near(r, d, CAUSE_REACH)
            .find_map(|h| match &h.entry.kind {
                Kind::Weapon(w) => Some(w.clone()),
                _ => None,
            })
    }
}

/// Does quantity `qi` restate the one right before it, one of the two in brackets (`(15)
/// خمسة عشر مصلياً`, `خمسة عشر (15)`)? Then the two are one figure, stated once.
fn restated(r: &Reading<'_>, qi: usize) -> bool {
    let Some(prev) = qi.checked_sub(1) else {
        return false;
    };
    let ((pa, pz), (a, _)) = (r.q_toks[prev], r.q_toks[qi]);
    let one_token = |(a, z): (usize, usize)| z == a + 1;
    pz == a
        && r.quantities[prev].value() == r.quantities[qi].value()
        && r.quantities[qi].value().is_some()
        && ((one_token(r.q_toks[prev]) && r.bracketed(pa))
            || (one_token(r.q_toks[qi]) && r.bracketed(a)))
}

/// Which sentences (by index) hold a cue or a casualty noun.
fn cue_sentences(r: &Reading<'_>) -> Vec<bool> {
    let mut wanted = vec![false; r.sentence.last().map_or(0, |&s| s + 1)];
    for h in &r.hits {
        if matches!(h.entry.kind, Kind::Cue { .. } | Kind::Noun { .. }) {
            wanted[r.sentence[h.start]] = true;
        }
    }
    wanted
}

/// The byte ranges of the lines of `text`, each with its newline: the lines of
/// `split_inclusive('\n')`, found with the vectorised `memchr`.
fn line_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut a = 0;
    std::iter::from_fn(move || {
        (a < text.len()).then(|| {
            let z = memchr::memchr(b'\n', &text.as_bytes()[a..]).map_or(text.len(), |k| a + k + 1);
            let span = (a, z);
            a = z;
            span
        })
    })
}

/// What the text between two tokens ends.
enum Break {
    None,
    Clause,
    Sentence,
}

/// A sentence ends at `. ! ? ؟ ؛`, a newline or ` - `; a clause also at a comma. One pass
/// over the bytes: gaps are short, and this runs between every two tokens.
fn gap_break(gap: &str) -> Break {
    let b = gap.as_bytes();
    let mut clause = false;
    for (k, &x) in b.iter().enumerate() {
        match x {
            b'.' | b'!' | b'?' | b'\n' => return Break::Sentence,
            // ؟ U+061F and ؛ U+061B; ، U+060C.
            0xD8 if matches!(b.get(k + 1), Some(0x9F | 0x9B)) => return Break::Sentence,
            0xD8 if b.get(k + 1) == Some(&0x8C) => clause = true,
            b',' => clause = true,
            b'-' if k > 0 && b[k - 1] == b' ' && b.get(k + 1) == Some(&b' ') => {
                return Break::Sentence;
            }
            _ => {}
        }
    }
    if clause { Break::Clause } else { Break::None }
}

/// `- 09:33`: the time stamps of a news ticker.
fn ticker_times() -> &'static regex::Regex {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    R.get_or_init(|| regex::Regex::new(r"-\s*\d{1,2}:\d{2}").expect("valid"))
}

/// What a quantity says as a count of people.
struct PeopleCount {
    count: Option<u64>,
    low: Option<u64>,
    high: Option<u64>,
    vague: bool,
}

/// The figure a quantity states; `None` when it cannot be a count of people (a fraction,
/// zero, a negative, an implausible size).
fn people_count(q: &Quantity) -> Option<PeopleCount> {
    let int = |n: crate::numbers::Num| -> Option<u64> {
        n.as_integer()
            .filter(|v| (1..=MAX_COUNT).contains(v))
            .and_then(|v| u64::try_from(v).ok())
    };
    let (lo, hi) = q.bounds();
    match q.amount {
        Amount::Vague(a, b) => Some(PeopleCount {
            count: None,
            low: int(a),
            high: int(b),
            vague: true,
        }),
        Amount::Exact(v) | Amount::Range(v, _) => Some(PeopleCount {
            count: Some(int(v)?),
            low: lo.and_then(int),
            high: hi.and_then(int),
            vague: false,
        }),
    }
}

/// Breakdowns: a run of figures for men, women or children that follows a total of the
/// same category, in the same sentence (`مقتل 30 بينهم 12 طفلا و5 نساء`) or the one before
/// (`… مقتل 48 مدنيًا. الضحايا توزعوا بين 26 رجلًا و7 سيدات و15 طفلًا`). The parts are
/// flagged `breakdown`; the total is flagged `sum_mismatch` when its parts exceed it, or
/// when they name men, women and children (a full breakdown) and do not add up to it.
fn mark_breakdowns(out: &mut [Draft<'_>], sentence: impl Fn(usize) -> usize) {
    let specific = |g: Group| matches!(g, Group::Man | Group::Woman | Group::Child);
    let mut i = 0;
    while i < out.len() {
        if !specific(out[i].group) || out[i].count.is_none() {
            i += 1;
            continue;
        }
        let (cat, sent) = (out[i].category, sentence(out[i].at));
        let mut j = i + 1;
        while j < out.len()
            && specific(out[j].group)
            && out[j].category == cat
            && out[j].count.is_some()
            && sentence(out[j].at) == sent
        {
            j += 1;
        }
        // A total stands just before its parts: look back a few figures, not the page.
        let total = (i.saturating_sub(BREAKDOWN_REACH)..i).rev().find(|&k| {
            out[k].category == cat
                && matches!(out[k].group, Group::Unspecified | Group::Civilian)
                && out[k].count.is_some()
                && sent - sentence(out[k].at) <= 1
        });
        if let Some(t) = total {
            let sum: u64 = out[i..j].iter().filter_map(|d| d.count).sum();
            let has = |g: Group| out[i..j].iter().any(|d| d.group == g);
            let full = has(Group::Man) && has(Group::Woman) && has(Group::Child);
            let whole = out[t].count.unwrap_or(0);
            for d in &mut out[i..j] {
                if !d.flags.contains(&Flag::Breakdown) {
                    d.flags.push(Flag::Breakdown);
                }
            }
            if sum > whole || (full && sum != whole) {
                out[t].flags.push(Flag::SumMismatch);
            }
        }
        i = j;
    }
}

pub mod constructions;
#[cfg(test)]
mod tests;
