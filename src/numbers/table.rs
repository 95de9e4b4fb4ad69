//! The number-word table (`rules/numbers.tsv`): loading and validation.
//!
//! The table is the linguistic knowledge; `parse.rs` is the grammar that combines its words.
//! Adding a spelling is adding a row.

use std::collections::HashMap;

/// Word lookups run for every word of every article: a fast, fixed-seed hasher.
type FastState = foldhash::fast::FixedState;

use crate::normalize::{Endings, WordBits, normalize_word};

/// The table compiled into the binary.
pub const BUILTIN: &str = include_str!("../../rules/numbers.tsv");

/// What a single number word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    Unit,
    TeenHead,
    TeenTail,
    Teen,
    Tens,
    Hundreds,
    Scale,
    ScaleAcc,
    ScaleDual,
    ScalePlural,
    Vague,
    /// A fraction of the scale after it: `نصف مليون`. Its value is the divisor (2).
    Fraction,
}

/// Words and phrases that qualify or block a number rather than being one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Approx,
    ApproxAfter,
    AtLeast,
    AtMost,
    Range,
    /// The word between a range's ends other than `و`: `بين 35 إلى 40`.
    RangeTo,
    Negative,
    Decimal,
    PercentAfter,
    Ordinal,
    PronounBefore,
    NotNumber,
}

/// One reading of a number word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordSense {
    pub kind: WordKind,
    pub value: i128,
    /// Only for [`WordKind::Vague`]: the high bound.
    pub high: i128,
}

/// The conventional range that a word's readings give it as a vague quantity
/// ([`NumberWords::vague_range`]).
pub fn vague_range_of(rs: &[WordSense]) -> Option<(i128, i128)> {
    if let Some(r) = rs.iter().find(|r| r.kind == WordKind::Vague) {
        return Some((r.value, r.high));
    }
    rs.iter()
        .find(|r| r.kind == WordKind::ScalePlural)
        .map(|r| (3 * r.value, 10 * r.value - 1))
}

/// A row that could not be read, with its 1-based line number.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("numbers table line {line}: {reason}")]
pub struct NumberWordsError {
    pub line: usize,
    pub reason: String,
}

/// The number lexicon, keyed by normalised form.
#[derive(Debug, Default)]
pub struct NumberWords {
    pub words: HashMap<String, Vec<WordSense>, FastState>,
    /// Context phrases as lists of normalised words, longest first within each kind.
    pub phrases: Vec<(Vec<String>, Context)>,
    /// Single-word context words.
    pub context: HashMap<String, Vec<Context>, FastState>,
    /// The clitics a number word may carry glued on (`وخمسة`, `بثلاثة`): those of
    /// [`crate::morphology`], and any `prefix` rows of the table.
    pub prefixes: Vec<char>,
    /// Every phrase of each context (indexed by `Context as usize`): the multi-word ones
    /// longest first, then the single words. Built once, so the parser does not walk the
    /// whole table to find a context's phrases.
    by_context: Vec<Vec<Vec<String>>>,
    /// The endings of every number word and context word. The parser looks up a text word
    /// and the word without one or two clitics in front: suffixes of it, which end as it
    /// does. A word whose ending is not here is none of them, and most words of a text are
    /// such.
    endings: Endings,
    /// Every number word and context word, whole: a fifth of a text's words pass
    /// `endings`, and each is tested here, bare and without its clitics, before the
    /// hash-map look-ups.
    wholes: WordBits,
    /// The first and the last word of every context phrase (single words included): a
    /// "surely not" before a context's phrases are tried one by one at a token.
    phrase_firsts: WordBits,
    phrase_lasts: WordBits,
}

/// How many kinds of [`Context`] there are.
const CONTEXTS: usize = Context::NotNumber as usize + 1;

impl NumberWords {
    /// Parse a table in the `numbers.tsv` format.
    pub fn parse(src: &str) -> Result<NumberWords, NumberWordsError> {
        // The clitics a number may carry are the shared model's; a table may add more.
        let mut t = NumberWords {
            prefixes: crate::morphology::builtin().clitics.clone(),
            ..NumberWords::default()
        };
        let mut seen_header = false;
        for (i, line) in src.lines().enumerate() {
            let line_no = i + 1;
            let err = |reason: String| NumberWordsError {
                line: line_no,
                reason,
            };
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if !seen_header {
                if cols.first() != Some(&"form") {
                    return Err(err(
                        "the first row must be the header `form\\tkind\\tvalue\\thigh`".into(),
                    ));
                }
                seen_header = true;
                continue;
            }
            if cols.len() < 2 {
                return Err(err(format!(
                    "expected 4 TAB-separated columns, found {}",
                    cols.len()
                )));
            }
            let form = cols[0].trim();
            if form.is_empty() {
                return Err(err("empty form".into()));
            }
            let col = |c: usize| -> Result<i128, NumberWordsError> {
                let v = cols.get(c).map(|s| s.trim()).unwrap_or("");
                v.parse::<i128>()
                    .map_err(|_| err(format!("column {} must be an integer, found {v:?}", c + 1)))
            };
            let kind = cols[1].trim();
            let word = match kind {
                "unit" => Some(WordKind::Unit),
                "teen_head" => Some(WordKind::TeenHead),
                "teen_tail" => Some(WordKind::TeenTail),
                "teen" => Some(WordKind::Teen),
                "tens" => Some(WordKind::Tens),
                "hundreds" => Some(WordKind::Hundreds),
                "scale" => Some(WordKind::Scale),
                "scale_acc" => Some(WordKind::ScaleAcc),
                "scale_dual" => Some(WordKind::ScaleDual),
                "scale_plural" => Some(WordKind::ScalePlural),
                "vague" => Some(WordKind::Vague),
                "fraction" => Some(WordKind::Fraction),
                _ => None,
            };
            if let Some(kind) = word {
                let value = col(2)?;
                let high = if kind == WordKind::Vague {
                    let h = col(3)?;
                    if h < value {
                        return Err(err(format!("high {h} is below low {value}")));
                    }
                    h
                } else {
                    value
                };
                let key = normalize_word(form);
                if key.contains(' ') {
                    return Err(err(format!("number word {form:?} must be one word")));
                }
                t.words
                    .entry(key)
                    .or_default()
                    .push(WordSense { kind, value, high });
                continue;
            }
            let ctx = match kind {
                "prefix" => {
                    let mut cs = form.chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) if t.prefixes.contains(&c) => {}
                        (Some(c), None) => t.prefixes.push(c),
                        _ => return Err(err(format!("prefix {form:?} must be one letter"))),
                    }
                    continue;
                }
                "approx" => Context::Approx,
                "approx_after" => Context::ApproxAfter,
                "at_least" => Context::AtLeast,
                "at_most" => Context::AtMost,
                "range" => Context::Range,
                "range_to" => Context::RangeTo,
                "negative" => Context::Negative,
                "decimal" => Context::Decimal,
                "percent_after" => Context::PercentAfter,
                "ordinal" => Context::Ordinal,
                "pronoun_before" => Context::PronounBefore,
                "not_number" => Context::NotNumber,
                other => return Err(err(format!("unknown kind {other:?}"))),
            };
            let words: Vec<String> = form.split_whitespace().map(normalize_word).collect();
            if words.len() == 1 {
                t.context.entry(words[0].clone()).or_default().push(ctx);
            } else {
                t.phrases.push((words, ctx));
            }
        }
        if !seen_header {
            return Err(NumberWordsError {
                line: 1,
                reason: "no header row".into(),
            });
        }
        t.phrases.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        for w in t.words.keys().chain(t.context.keys()) {
            t.endings.insert(w);
            t.wholes.insert_whole(w);
        }
        t.by_context = vec![Vec::new(); CONTEXTS];
        for (words, ctx) in &t.phrases {
            t.by_context[*ctx as usize].push(words.clone());
        }
        for words in t.phrases.iter().map(|(w, _)| w.as_slice()) {
            t.phrase_firsts.insert_whole(&words[0]);
            t.phrase_lasts.insert_whole(&words[words.len() - 1]);
        }
        for w in t.context.keys() {
            t.phrase_firsts.insert_whole(w);
            t.phrase_lasts.insert_whole(w);
        }
        let mut singles: Vec<(&String, &Vec<Context>)> = t.context.iter().collect();
        singles.sort_by(|a, b| a.0.cmp(b.0));
        for (w, cs) in singles {
            for c in cs {
                t.by_context[*c as usize].push(vec![w.clone()]);
            }
        }
        Ok(t)
    }

    /// The phrases of `ctx`: multi-word ones longest first, then single words.
    pub fn phrases_of(&self, ctx: Context) -> &[Vec<String>] {
        self.by_context
            .get(ctx as usize)
            .map_or(&[][..], Vec::as_slice)
    }

    /// Could a context phrase start with `word`? False means surely not.
    pub fn may_start_phrase(&self, word: &str) -> bool {
        self.phrase_firsts.may_have_whole(word)
    }

    /// Could a context phrase end with `word`, or with `word` without one or two clitics in
    /// front (`وبنحو`)? False means surely not.
    pub fn may_end_phrase(&self, word: &str) -> bool {
        self.phrase_lasts.may_have_whole(word)
            || self
                .behind_clitics(word)
                .any(|w| self.phrase_lasts.may_have_whole(w))
    }

    /// Could `word`, or `word` without letters in front, be in the table (as a number word
    /// or a context word)? False means surely not.
    pub fn may_hold_suffix_of(&self, word: &str) -> bool {
        self.endings.may_end(word) && self.may_hold_behind_clitics(word)
    }

    /// Might `word`, or `word` without one or two clitics in front (as the parser strips
    /// them), be a word of the table? False means surely not.
    fn may_hold_behind_clitics(&self, word: &str) -> bool {
        self.wholes.may_have_whole(word)
            || self
                .behind_clitics(word)
                .any(|w| self.wholes.may_have_whole(w))
    }

    /// `word` without one clitic in front, then without two, as far as its first letters
    /// are the table's clitics (a conjunction, then a preposition): `وبخمسة` → `بخمسة`,
    /// `خمسة`. The parser reads these forms, and the pre-check tests the same ones.
    #[inline]
    pub fn behind_clitics<'w>(&self, word: &'w str) -> impl Iterator<Item = &'w str> {
        let mut rest = word;
        std::iter::from_fn(move || {
            let c = rest.chars().next().filter(|c| self.prefixes.contains(c))?;
            rest = &rest[c.len_utf8()..];
            Some(rest)
        })
        .take(2)
    }

    /// The conventional range of a vague quantity word: its own (`عشرات` 30–99, `مئات`
    /// 300–999), or for the plural of a scale three to ten of it (`آلاف` 3000–9999).
    pub fn vague_range(&self, word: &str) -> Option<(i128, i128)> {
        vague_range_of(self.readings(word))
    }

    pub fn readings(&self, word: &str) -> &[WordSense] {
        self.words.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn has_context(&self, word: &str, ctx: Context) -> bool {
        self.context.get(word).is_some_and(|v| v.contains(&ctx))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_loads() {
        let t = NumberWords::parse(BUILTIN).expect("builtin table is valid");
        assert!(t.readings("خمسه").iter().any(|r| r.value == 5));
        assert!(t.readings("الف").iter().any(|r| r.kind == WordKind::Scale));
        assert!(t.has_context("نحو", Context::Approx));
        assert!(t.prefixes.contains(&'و'));
    }

    /// The pre-checks turn no table word of Arabic letters away, bare or behind the clitics
    /// the parser strips (one or two of them); and they do turn away most other words.
    /// (Signs such as `%` are read bare: the endings hold one-letter words as two bytes.)
    #[test]
    fn pre_checks_let_through_every_table_word_behind_its_clitics() {
        let t = NumberWords::parse(BUILTIN).expect("builtin table is valid");
        let fronts: Vec<String> = std::iter::once(String::new())
            .chain(t.prefixes.iter().map(|c| c.to_string()))
            .chain(
                t.prefixes
                    .iter()
                    .flat_map(|a| t.prefixes.iter().map(move |b| format!("{a}{b}"))),
            )
            .collect();
        let arabic = |w: &&String| w.chars().all(crate::normalize::is_arabic_letter);
        for w in t.words.keys().chain(t.context.keys()).filter(arabic) {
            assert!(t.may_hold_suffix_of(w), "{w}");
            for f in &fronts {
                assert!(t.may_hold_suffix_of(&format!("{f}{w}")), "{f}{w}");
            }
        }
        let dev = crate::fixture_texts(&["fixtures/gold/dev.jsonl"]).join(" ");
        let norm = crate::normalize::normalize(&dev).text;
        let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
        let passed = words.iter().filter(|w| t.may_hold_suffix_of(w)).count();
        assert!(passed * 5 < words.len(), "{passed} of {}", words.len());
    }

    #[test]
    fn errors_name_the_line() {
        let e = NumberWords::parse("form\tkind\tvalue\thigh\nخمسة\tunit\tx\t\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = NumberWords::parse("form\tkind\tvalue\thigh\n# c\nخمسة\tbogus\t5\t\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.reason.contains("bogus"));
        assert!(NumberWords::parse("خمسة\tunit\t5\t\n").is_err());
        let e = NumberWords::parse("form\tkind\tvalue\thigh\nعشرات\tvague\t99\t30\n").unwrap_err();
        assert!(e.reason.contains("below"));
    }
}
