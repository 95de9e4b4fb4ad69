//! Number expressions in normalised Arabic text → [`Quantity`].
//!
//! The words live in `rules/numbers.tsv` ([`table`]); this module is the grammar that
//! combines them, in the way Arabic composes numbers:
//!
//! ```text
//! number    := chunk ( و chunk )*          each chunk of a smaller scale than the last
//! chunk     := digits scale? | sub1000 scale? | scale-word alone (ألف, ألفان, مليونين)
//! sub1000   := hundreds ( و below100 )? | unit مئة ( و below100 )? | below100
//! below100  := teen | tens | unit و tens | (unit|teen_head) عشر | unit
//! ```
//!
//! Qualifiers around a number come from the table too: `نحو`/`حوالي` (approximate),
//! `أكثر من`/`ما لا يقل عن` (a lower bound), `أقل من` (an upper bound), `بين X و Y` (a range),
//! `سالب` (negative), `فاصلة` (decimal point), `بالمئة`/`%` (a percentage). Quantity words
//! that are not numbers (`عشرات`, `مئات`, `آلاف`, `بضعة`, `عدة`) give [`Amount::Vague`]
//! bounds.
//!
//! What is deliberately *not* a number: `الأحد` and `أحد` alone ("Sunday", "one of"); words
//! with the article (`العشرين` in `قمة العشرين`, `الثلاثة`), since with `ال` a number word is
//! an ordinal, a date or a name far more often than a count, unless a lone scale word
//! follows and counts it (`المئة ألف` = 100,000); `عشر` after an ordinal
//! (`الحادي عشر`); `واحد` as a pronoun (`أي واحد`, `كل واحد`); digits glued to a following
//! letter; dates, times and IP addresses.
//!
//! A fraction word reads only before a scale (`نصف مليون` = 500,000, `ربع مليون`).
//!
//! Known ambiguities left as they are: `خمس`/`عشر` alone are read as 5/10, never as
//! the fractions "a fifth"/"a tenth"; `1.250` is 1.25, not 1250; `ست` in
//! Levantine "lady" reads as 6.

pub mod cli;
mod num;
pub mod table;
pub mod tokens;

use std::sync::OnceLock;

pub use num::Num;
use table::{Context, NumberWords, WordKind, WordSense};
use tokens::{Tok, TokKind, tokenize};

use crate::normalize::normalize;

/// What a number expression says about a quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    Exact(Num),
    /// `بين 10 و15`: both ends stated.
    Range(Num, Num),
    /// `عشرات`, `مئات الآلاف`, `بضعة`: a conventional range, no figure.
    Vague(Num, Num),
}

/// How the writer hedged the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// As stated.
    Exact,
    /// `نحو`, `حوالي`, `قرابة`, `زهاء` before it, `تقريبا` after it.
    Approx,
    /// `أكثر من`, `ما لا يقل عن`, `ما يزيد عن`: the figure is a lower bound.
    AtLeast,
    /// `أقل من`, `دون`: the figure is an upper bound.
    AtMost,
}

/// One number expression found in normalised text. Spans are byte offsets in the
/// normalised text; map them to the original with [`crate::normalize::Normalized`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity {
    /// The number itself, without clitics (`و`, `ب`) or qualifier words.
    pub start: usize,
    pub end: usize,
    /// The number with its qualifier words (`نحو 29 ألف`, `بين 10 و15`).
    pub full_start: usize,
    pub full_end: usize,
    pub amount: Amount,
    pub qualifier: Qualifier,
    pub percent: bool,
}

impl Quantity {
    /// The figure to count: the number, or a range's lower (conservative) end; `None` when
    /// vague.
    pub fn value(&self) -> Option<Num> {
        match self.amount {
            Amount::Exact(v) | Amount::Range(v, _) => Some(v),
            Amount::Vague(..) => None,
        }
    }

    /// Lower and upper bounds, when known.
    pub fn bounds(&self) -> (Option<Num>, Option<Num>) {
        match (self.amount, self.qualifier) {
            (Amount::Exact(v), Qualifier::AtLeast) => (Some(v), None),
            (Amount::Exact(v), Qualifier::AtMost) => (None, Some(v)),
            (Amount::Exact(v), _) => (Some(v), Some(v)),
            (Amount::Range(a, _) | Amount::Vague(a, _), Qualifier::AtLeast) => (Some(a), None),
            (Amount::Range(a, b) | Amount::Vague(a, b), _) => (Some(a), Some(b)),
        }
    }

    pub fn is_approx(&self) -> bool {
        self.qualifier != Qualifier::Exact || matches!(self.amount, Amount::Range(..))
    }
}

/// The number parser: a compiled table.
#[derive(Debug)]
pub struct NumberParser {
    table: NumberWords,
    /// Read digits glued to a following Arabic word (`7قتلى`) as a number. Off for
    /// `numbers`, which follows the Recognizers-Text convention that `20دولار` is not one;
    /// on for extraction, where a missing space is a typo, not a unit.
    allow_glued: bool,
}

/// The parser over the built-in table, built once.
pub fn builtin() -> &'static NumberParser {
    static P: OnceLock<NumberParser> = OnceLock::new();
    P.get_or_init(|| {
        NumberParser::new(
            NumberWords::parse(table::BUILTIN).expect("built-in numbers table is valid"),
        )
    })
}

/// The built-in parser that also reads digits glued to a following word, for extraction.
pub fn builtin_lenient() -> &'static NumberParser {
    static P: OnceLock<NumberParser> = OnceLock::new();
    P.get_or_init(|| NumberParser {
        allow_glued: true,
        ..NumberParser::new(
            NumberWords::parse(table::BUILTIN).expect("built-in numbers table is valid"),
        )
    })
}

/// Find every number in raw (not yet normalised) text; spans point into `original`.
pub fn find_in_original(original: &str) -> Vec<(Quantity, usize, usize)> {
    let norm = normalize(original);
    builtin()
        .parse(&norm.text)
        .into_iter()
        .map(|q| {
            let (s, e) = norm.original_span(original, q.start, q.end);
            (q, s, e)
        })
        .collect()
}

/// How a word may be read at a position in the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The first word of an expression: it may carry clitics (`وخمسة`, `بثلاثة`).
    First,
    /// A later word, separated from the previous one by spaces only, without clitics.
    Bare,
    /// A later word carrying exactly the conjunction `و` (`وعشرون`).
    AfterWaw,
}

/// A word token looked up in the table, with and without its clitics.
#[derive(Debug, Default, Clone, Copy)]
struct Word<'t> {
    bare: &'t [WordSense],
    /// Readings after stripping clitics, and how many bytes of clitics.
    clitic: Option<(&'t [WordSense], usize)>,
    /// The clitics are exactly `و`.
    waw_only: bool,
    /// Listed as never a number (`لست`).
    not_number: bool,
}

/// `w` without the article (`ال`, the first of the morphology model's), when it has it.
fn without_article(w: &str) -> Option<&str> {
    let article = crate::morphology::builtin().articles.first()?;
    w.strip_prefix(article.as_str())
}

fn find(rs: &[WordSense], kind: WordKind) -> Option<i128> {
    rs.iter().find(|r| r.kind == kind).map(|r| r.value)
}

/// The words of a text looked up in the number table: a buffer for
/// [`NumberParser::parse_tokens_into`].
#[derive(Debug, Default)]
pub struct Words<'t>(Vec<Word<'t>>);

/// A parse in progress over one text.
struct Cursor<'a> {
    text: &'a str,
    toks: &'a [Tok],
    words: &'a [Word<'a>],
    table: &'a NumberWords,
    allow_glued: bool,
}

impl NumberParser {
    pub fn new(table: NumberWords) -> NumberParser {
        NumberParser {
            table,
            allow_glued: false,
        }
    }

    pub fn table(&self) -> &NumberWords {
        &self.table
    }

    /// Every number expression in normalised `text`, longest match, left to right.
    pub fn parse(&self, text: &str) -> Vec<Quantity> {
        self.parse_tokens(text, &tokenize(text))
    }

    /// The quantities in `toks`, tokens of `text` (all of them, or a run of them that
    /// starts and ends where a number cannot go on: a sentence). Lets a caller that has
    /// tokenised already parse only the sentences it cares about.
    pub fn parse_tokens(&self, text: &str, toks: &[Tok]) -> Vec<Quantity> {
        let mut out = Vec::new();
        self.parse_tokens_into(text, toks, &mut Words::default(), &mut out);
        out
    }

    /// [`Self::parse_tokens`], the quantities added to `out`, with `words` a buffer kept
    /// from call to call: a caller parsing a text sentence by sentence allocates once.
    pub fn parse_tokens_into<'t>(
        &'t self,
        text: &str,
        toks: &[Tok],
        words: &mut Words<'t>,
        out: &mut Vec<Quantity>,
    ) {
        // Every token's text is cut here once, checked (a bad token panics here): after
        // this, `Cursor::tok_text` may cut them again unchecked.
        words.0.clear();
        words.0.extend(toks.iter().map(|t| {
            let w = &text[t.start..t.end];
            match t.kind {
                TokKind::Word => self.look_up(w),
                TokKind::Digits => Word::default(),
            }
        }));
        let cur = Cursor {
            text,
            toks,
            words: &words.0,
            table: &self.table,
            allow_glued: self.allow_glued,
        };
        let mut i = 0;
        while i < cur.toks.len() {
            // A word with no reading, bare or behind clitics, starts nothing: most words.
            let w = &cur.words[i];
            if cur.toks[i].kind == TokKind::Word && w.bare.is_empty() && w.clitic.is_none() {
                i += 1;
                continue;
            }
            match cur.quantity_at(i) {
                Some((q, next)) => {
                    out.extend(q);
                    i = next;
                }
                None => i += 1,
            }
        }
    }

    /// Is `word` a number word behind the conjunction `و` (`وثلاثة`), rather than one that
    /// begins with the letter (`واحد`)?
    pub fn behind_waw(&self, word: &str) -> bool {
        let w = self.look_up(word);
        w.bare.is_empty() && w.waw_only && w.clitic.is_some()
    }

    fn look_up<'t>(&'t self, w: &str) -> Word<'t> {
        if !self.table.may_hold_suffix_of(w) {
            return Word::default();
        }
        let bare = self.table.readings(w);
        let mut word = Word {
            bare,
            not_number: self.table.has_context(w, Context::NotNumber),
            ..Word::default()
        };
        // Up to two clitics: a conjunction (و, ف) then a preposition (ب, ل, ك), or either.
        for rest in self.table.behind_clitics(w) {
            let rs = self.table.readings(rest);
            if !rs.is_empty() {
                word.clitic = Some((rs, w.len() - rest.len()));
                word.waw_only = &w[..w.len() - rest.len()] == "و";
                break;
            }
        }
        word
    }
}

impl<'a> Cursor<'a> {
    fn tok_text(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        // SAFETY: a Cursor is made only in `parse_tokens_into`, after it has cut every token of
        // `toks` from `text` with checked slicing (both ends char boundaries, within the
        // text); both are shared borrows, unchanged since.
        unsafe { self.text.get_unchecked(t.start..t.end) }
    }

    fn is_word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].kind == TokKind::Word
    }

    fn joined(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].joined
    }

    /// The readings of word `i` in `mode`, and the bytes of clitics skipped.
    fn word(&self, i: usize, mode: Mode) -> Option<(&'a [WordSense], usize)> {
        if !self.is_word(i) {
            return None;
        }
        let w = self.words[i];
        if w.not_number {
            return None;
        }
        let found = match mode {
            Mode::First if !w.bare.is_empty() => Some((w.bare, 0)),
            Mode::First => w.clitic,
            Mode::Bare if self.joined(i) && !w.bare.is_empty() => Some((w.bare, 0)),
            Mode::AfterWaw if self.joined(i) && w.waw_only => w.clitic,
            _ => None,
        };
        found.filter(|(rs, _)| !rs.is_empty())
    }

    fn digits(&self, i: usize, mode: Mode) -> Option<Num> {
        let t = self.toks.get(i)?;
        if mode != Mode::First && !t.joined {
            return None;
        }
        match t.kind {
            TokKind::Digits if self.allow_glued || !t.glued => t.value(self.text),
            _ => None,
        }
    }

    /// A conjunction `و` at `j`: where the next word starts and how to read it.
    fn conj(&self, j: usize) -> Option<(usize, Mode)> {
        if self.is_word(j) && self.joined(j) && self.tok_text(j) == "و" && self.joined(j + 1) {
            return Some((j + 1, Mode::Bare));
        }
        if self.is_word(j) && self.joined(j) && self.words[j].waw_only {
            return Some((j, Mode::AfterWaw));
        }
        None
    }

    /// A scale word right after a number at `j` (`ثلاثة آلاف`, `29 ألف`, and `3 مئة` after
    /// digits).
    fn scale_after(&self, j: usize, after_digits: bool) -> Option<i128> {
        let (rs, _) = self.word(j, Mode::Bare)?;
        find(rs, WordKind::Scale)
            .or_else(|| find(rs, WordKind::ScaleAcc))
            .or_else(|| find(rs, WordKind::ScalePlural))
            .or_else(|| find(rs, WordKind::Hundreds).filter(|&h| after_digits && h == 100))
    }

    fn below100(&self, i: usize, mode: Mode) -> Option<(i128, usize)> {
        let (rs, _) = self.word(i, mode)?;
        if let Some(v) = find(rs, WordKind::Teen).or_else(|| find(rs, WordKind::Tens)) {
            return Some((v, i + 1));
        }
        let unit = find(rs, WordKind::Unit);
        let small = unit.filter(|u| (1..=9).contains(u));
        if let Some(u) = small.or_else(|| find(rs, WordKind::TeenHead))
            && self
                .word(i + 1, Mode::Bare)
                .is_some_and(|(t, _)| find(t, WordKind::TeenTail).is_some())
        {
            return Some((u + 10, i + 2));
        }
        // `خمسة وعشرون`; one is also written by its teen head (`إحدى وعشرون`, `أحد وثلاثين`).
        let one = || find(rs, WordKind::TeenHead).filter(|&u| u == 1);
        if let Some(u) = small.or_else(one)
            && let Some((k, m)) = self.conj(i + 1)
            && let Some(t) = self.word(k, m).and_then(|(t, _)| find(t, WordKind::Tens))
        {
            return Some((u + t, k + 1));
        }
        unit.map(|u| (u, i + 1))
    }

    fn sub1000(&self, i: usize, mode: Mode) -> Option<(i128, usize)> {
        let (rs, _) = self.word(i, mode)?;
        let hundreds = find(rs, WordKind::Hundreds)
            .map(|h| (h, i + 1))
            .or_else(|| {
                let u = find(rs, WordKind::Unit).filter(|u| (1..=9).contains(u))?;
                let (next, _) = self.word(i + 1, Mode::Bare)?;
                (find(next, WordKind::Hundreds) == Some(100)).then_some((u * 100, i + 2))
            });
        let Some((h, j)) = hundreds else {
            return self.below100(i, mode);
        };
        if let Some((k, m)) = self.conj(j) {
            if let Some((b, e)) = self.below100(k, m) {
                return Some((h + b, e));
            }
            // `مائة و ألف ألف` (101 thousand, as num2words writes it): a scale word doubled
            // inside a hundreds group stands for that group's one.
            let scale = |i, mode| {
                self.word(i, mode)
                    .and_then(|(rs, _)| find(rs, WordKind::Scale))
            };
            if scale(k, m).is_some() && scale(k, m) == scale(k + 1, Mode::Bare) {
                return Some((h + 1, k + 1));
            }
        }
        // Colloquial: no و between the hundreds and the rest (متين واحد وعشرين).
        if let Some((b, e)) = self
            .below100(j, Mode::Bare)
            .filter(|(b, _)| (1..=99).contains(b))
        {
            return Some((h + b, e));
        }
        Some((h, j))
    }

    /// One chunk: its value, its scale (1 when none), and where it ends.
    fn chunk(&self, i: usize, mode: Mode) -> Option<(Num, i128, usize)> {
        if let Some(v) = self.digits(i, mode) {
            if let Some(s) = self.scale_after(i + 1, true) {
                return Some((v.checked_mul(Num::int(s))?, s, i + 2));
            }
            return Some((v, 1, i + 1));
        }
        let (rs, _) = self.word(i, mode)?;
        // `نصف مليون`, `ربع مليون`: a fraction of the scale after it, when it divides it.
        if let Some(d) = find(rs, WordKind::Fraction)
            && let Some(s) = self
                .word(i + 1, Mode::Bare)
                .and_then(|(next, _)| find(next, WordKind::Scale))
            && d > 0
            && s % d == 0
        {
            return Some((Num::int(s / d), s, i + 2));
        }
        if let Some(s) = find(rs, WordKind::ScaleDual).or_else(|| find(rs, WordKind::ScaleAcc)) {
            return Some((Num::int(2 * s), s, i + 1));
        }
        if let Some(s) = find(rs, WordKind::Scale) {
            return Some((Num::int(s), s, i + 1));
        }
        let (v, j) = self.sub1000(i, mode)?;
        if let Some(s) = self.scale_after(j, false) {
            return Some((Num::int(v).checked_mul(Num::int(s))?, s, j + 1));
        }
        Some((Num::int(v), 1, j))
    }

    /// A whole number starting at `i`.
    fn number(&self, i: usize, mode: Mode) -> Option<(Num, usize)> {
        let (mut total, mut last_scale, mut j) = self.chunk(i, mode)?;
        // Written in digits before its scale, the rest of a number may follow in digits
        // without و (`3 آلاف 688`, `14 ألفا 749`), as some agencies write them.
        let digits_first = self.toks.get(i).is_some_and(|t| t.kind == TokKind::Digits);
        while last_scale > 1 {
            let next = self
                .conj(j)
                .and_then(|(k, m)| self.chunk(k, m))
                // `٤ آلاف ٣ مائة`: a chunk with its own scale may follow without و.
                .or_else(|| self.chunk(j, Mode::Bare).filter(|&(_, s, _)| s > 1))
                .or_else(|| {
                    let digits = self.toks.get(j).is_some_and(|t| t.kind == TokKind::Digits);
                    (digits_first && last_scale >= 1000 && digits)
                        .then(|| self.chunk(j, Mode::Bare))
                        .flatten()
                        .filter(|&(v, s, _)| s == 1 && v.is_int_in(1, 999))
                });
            match next {
                Some((v, s, e)) if s < last_scale => {
                    total = total.checked_add(v)?;
                    last_scale = s;
                    j = e;
                }
                _ => break,
            }
        }
        // `1 فاصلة 5`
        if self.phrase_at(j, Context::Decimal).is_some() {
            let k = j + 1;
            if let Some((frac, e)) = self.chunk(k, Mode::Bare).map(|(v, _, e)| (v, e))
                && let Some(v) = total.with_fraction_digits(frac)
            {
                return Some((v, e));
            }
        }
        Some((total, j))
    }

    /// A vague quantity word at `i`: `عشرات`, `مئات الآلاف`, `بضعة آلاف`, `آلاف`.
    fn vague(&self, i: usize) -> Option<(Num, Num, usize)> {
        let (rs, _) = self.word(i, Mode::First)?;
        let (lo, hi) = table::vague_range_of(rs)?;
        // `آلاف` alone: a scale's plural takes no scale after it.
        if !rs.iter().any(|r| r.kind == WordKind::Vague) {
            return Some((Num::int(lo), Num::int(hi), i + 1));
        }
        // `بضعة آلاف`, and `عشرات الآلاف`, where the scale takes the article. The word
        // is read as it is first: `آلاف` begins as the article does once its madda is
        // folded.
        if self.is_word(i + 1) && self.joined(i + 1) {
            let next = self.tok_text(i + 1);
            let rs = match self.table.readings(next) {
                [] => without_article(next).map_or(&[][..], |w| self.table.readings(w)),
                rs => rs,
            };
            if let Some(s) = find(rs, WordKind::ScalePlural).or_else(|| find(rs, WordKind::Scale)) {
                return Some((Num::int(lo * s), Num::int(hi * s + s - 1), i + 2));
            }
            // `عدة مئات`, `بضع عشرات`: a few of a vague plural are as many as it says.
            if hi < 10
                && let Some(v) = rs
                    .iter()
                    .find(|r| r.kind == WordKind::Vague && r.value >= 10)
            {
                return Some((Num::int(v.value), Num::int(v.high), i + 2));
            }
        }
        Some((Num::int(lo), Num::int(hi), i + 1))
    }

    /// A context phrase of `ctx` starting at token `i`, joined to what precedes it: its end.
    fn phrase_at(&self, i: usize, ctx: Context) -> Option<usize> {
        if !self.is_word(i) || !self.table.may_start_phrase(self.tok_text(i)) {
            return None;
        }
        self.phrases(ctx).find_map(|words| {
            let n = words.len();
            let fits = (0..n).all(|k| {
                let t = i + k;
                self.is_word(t) && self.joined(t) && self.tok_text(t) == words[k]
            });
            fits.then_some(i + n)
        })
    }

    /// Could a context phrase end just before token `i`, joined to it? False means surely
    /// not; asked once per number, before the phrases of every context are tried.
    fn may_follow_phrase(&self, i: usize) -> bool {
        self.joined(i) && i > 0 && self.table.may_end_phrase(self.tok_text(i - 1))
    }

    /// The count of a number word with the article right before a lone scale word at `i`
    /// (the number read there ends at `e`): `المئة` before `ألف`, `الخمسين` before `ألفا`.
    /// Returns the count and the scale.
    fn definite_count_before(&self, i: usize, e: usize) -> Option<(i128, i128)> {
        if e != i + 1 || i == 0 || !self.is_word(i - 1) || !self.joined(i) {
            return None;
        }
        let (rs, skip) = self.word(i, Mode::First)?;
        if skip > 0 {
            return None;
        }
        let scale = find(rs, WordKind::Scale).or_else(|| find(rs, WordKind::ScaleAcc))?;
        let bare = without_article(self.tok_text(i - 1)).filter(|w| !w.is_empty())?;
        let rs = self.table.readings(bare);
        let n = [WordKind::Hundreds, WordKind::Tens, WordKind::Unit]
            .into_iter()
            .find_map(|k| find(rs, k))
            .filter(|&v| v >= 2)?;
        Some((n, scale))
    }

    /// Is token `t` the article alone, as a number written after it takes it (`الـ 30`,
    /// normalised `ال 30`)?
    fn bare_article(&self, t: usize) -> bool {
        self.is_word(t) && without_article(self.tok_text(t)) == Some("")
    }

    /// A context phrase of `ctx` ending just before token `i` and joined to it: its first
    /// token, when [`Cursor::may_follow_phrase`] allows one. Clitics on its first word are
    /// allowed (`ونحو`, `بأكثر من`).
    fn phrase_before(&self, i: usize, ctx: Context) -> Option<usize> {
        self.phrases(ctx).find_map(|words| {
            let n = words.len();
            let s = i.checked_sub(n)?;
            let fits = (0..n).all(|k| {
                let t = s + k;
                let text = self.tok_text(t);
                // The first word may carry clitics (`وأكثر من`, `بأكثر من`, `وبنحو`).
                let text = if k == 0 && text != words[0] && text.ends_with(words[0].as_str()) {
                    self.table
                        .behind_clitics(text)
                        .find(|w| *w == words[0])
                        .unwrap_or(text)
                } else {
                    text
                };
                self.is_word(t) && (k == 0 || self.joined(t)) && text == words[k]
            });
            fits.then_some(s)
        })
    }

    fn phrases(&self, ctx: Context) -> impl Iterator<Item = &'a [String]> + 'a {
        self.table.phrases_of(ctx).iter().map(Vec::as_slice)
    }

    /// Is a number starting at word `i` (after `skip` bytes of clitics) really part of
    /// something else, judging by what stands before it?
    fn blocked(&self, i: usize, skip: usize, value: Num, end: usize) -> bool {
        if !self.is_word(i) || i == 0 {
            return false;
        }
        // `١مليون`: a scale glued to digits that were themselves rejected.
        if !self.is_word(i - 1) && self.toks[i - 1].end == self.toks[i].start {
            return true;
        }
        if !self.joined(i) {
            return false;
        }
        // An ordinal (`الحادي`, `ثاني`) or a number word with the article (`الأحد`,
        // `الخامسة`, `المائة`): what follows belongs to an ordinal or a name.
        let ordinal_or_definite = |t: usize| {
            if !self.is_word(t) {
                return false;
            }
            let w = self.tok_text(t);
            self.table.has_context(w, Context::Ordinal)
                || without_article(w).is_some_and(|b| {
                    self.table.has_context(b, Context::Ordinal)
                        || !self.table.readings(b).is_empty()
                })
        };
        let one_word = end == i + 1;
        // Two in the plain form (`الاثنين`) heads no teen (`الاثنا عشر`, `الاثني عشر`): before
        // a ten it is the day, and the ten a count of its own (`أوقعت الاثنين عشرة قتلى`).
        let plain_two = |t: usize| {
            without_article(self.tok_text(t)).is_some_and(|b| {
                let rs = self.table.readings(b);
                !rs.is_empty() && rs.iter().all(|x| x.kind == WordKind::Unit && x.value == 2)
            })
        };
        // `الحادي عشر`, `الأحد عشر`, `الثانية عشرة`: the عشر of an ordinal.
        if one_word && value == Num::int(10) && ordinal_or_definite(i - 1) && !plain_two(i - 1) {
            return true;
        }
        // `الخامسة والعشرون`, `المائة و خمسة و عشرون`: the rest of an ordinal.
        let before_waw = if skip > 0 && self.words[i].waw_only {
            Some(i - 1)
        } else if self.tok_text(i - 1) == "و" && i >= 2 && self.joined(i - 1) {
            Some(i - 2)
        } else {
            None
        };
        if before_waw.is_some_and(ordinal_or_definite) {
            return true;
        }
        // `أي واحد`, `كل واحد`: a pronoun, not a count.
        one_word
            && value == Num::int(1)
            && self.is_word(i - 1)
            && self
                .table
                .has_context(self.tok_text(i - 1), Context::PronounBefore)
    }

    /// The number expression starting at token `i`, and the token after it. A number that
    /// turns out to belong to an ordinal is consumed whole but yields nothing, so its tail
    /// is not read as a number of its own.
    fn quantity_at(&self, i: usize) -> Option<(Option<Quantity>, usize)> {
        let skip = self.word(i, Mode::First).map_or(0, |(_, s)| s);
        // The first word of the number: one before `i` when a definite count is (below).
        let mut first = i;
        let (amount, end) = if let Some((lo, hi, e)) = self.vague(i) {
            (Amount::Vague(lo, hi), e)
        } else {
            let (v, e) = self.number(i, Mode::First)?;
            if self.blocked(i, skip, v, e) {
                return Some((None, e));
            }
            // A scale after a number word with the article counts it (`تجاوزت الحصيلة
            // المئة ألف قتيل`: 100,000; `الخمسين ألفا`): the article is the phrase's.
            match self.definite_count_before(i, e) {
                Some((n, scale)) => {
                    first = i - 1;
                    (Amount::Exact(Num::int(n).checked_mul(Num::int(scale))?), e)
                }
                None => (Amount::Exact(v), e),
            }
        };
        let start = if first < i {
            self.toks[first].start
        } else {
            self.toks[i].start + skip
        };
        let mut q = Quantity {
            start,
            end: self.toks[end - 1].end,
            full_start: start,
            full_end: self.toks[end - 1].end,
            amount,
            qualifier: Qualifier::Exact,
            percent: self.toks[end - 1].percent,
        };
        let mut next = end;
        // A range: بين X و Y, and بين X إلى Y (its upper end above its lower).
        let to = |lo: Num| {
            let k = self.phrase_at(end, Context::RangeTo)?;
            self.number(k, Mode::Bare)
                .filter(|&(hi, _)| hi.as_integer() > lo.as_integer())
        };
        let hedged = self.may_follow_phrase(i);
        let phrase_before = |ctx| hedged.then(|| self.phrase_before(i, ctx)).flatten();
        if let (Amount::Exact(lo), Some(s)) = (amount, phrase_before(Context::Range))
            && let Some((hi, e)) = self
                .conj(end)
                .and_then(|(k, m)| self.number(k, m))
                .or_else(|| to(lo))
        {
            // A scale word after the upper end is the lower end's too (`بين 35 و40 ألف`:
            // 35,000 to 40,000), when the lower end has none and so scaled stays below it.
            let scaled = self
                .scale_after(e - 1, false)
                .filter(|_| e - 1 > end)
                .and_then(|s| {
                    let v = lo.as_integer().filter(|&v| v > 0 && v < s)?;
                    Some(Num::int(v.checked_mul(s)?)).filter(|l| l.as_integer() <= hi.as_integer())
                });
            let lo = scaled.unwrap_or(lo);
            q.amount = Amount::Range(lo, hi);
            q.end = self.toks[e - 1].end;
            q.full_end = q.end;
            q.full_start = self.toks[s].start;
            next = e;
        }
        // A qualifier may stand before a bare article that the number takes (`قرابة الـ 30`,
        // `أكثر من الـ 50`).
        let (qualified_at, qualified_hedged) =
            if i > 1 && self.joined(i) && self.bare_article(i - 1) {
                (i - 1, self.may_follow_phrase(i - 1))
            } else if first < i {
                (first, self.may_follow_phrase(first))
            } else {
                (i, hedged)
            };
        let qualifier_before = |ctx| {
            qualified_hedged
                .then(|| self.phrase_before(qualified_at, ctx))
                .flatten()
        };
        for (ctx, qual) in [
            (Context::Approx, Qualifier::Approx),
            (Context::AtLeast, Qualifier::AtLeast),
            (Context::AtMost, Qualifier::AtMost),
        ] {
            if let Some(s) = qualifier_before(ctx) {
                q.qualifier = qual;
                q.full_start = self.toks[s].start;
                break;
            }
        }
        // `50 تقريبا`, `50 شخصا تقريبا`: after the number or after its noun.
        if q.qualifier == Qualifier::Exact {
            let after = [next, next + 1].into_iter().find_map(|k| {
                self.phrase_at(k, Context::ApproxAfter)
                    .filter(|_| self.joined(next))
            });
            if let Some(e) = after {
                q.qualifier = Qualifier::Approx;
                q.full_end = self.toks[e - 1].end;
            }
        }
        if let Some(s) = phrase_before(Context::Negative)
            && let Amount::Exact(v) = q.amount
        {
            q.amount = Amount::Exact(v.negated());
            q.full_start = self.toks[s].start;
        }
        if let Some(e) = self.phrase_at(next, Context::PercentAfter) {
            q.percent = true;
            q.full_end = self.toks[e - 1].end;
        }
        Some((Some(q), next))
    }
}

#[cfg(test)]
mod tests;
