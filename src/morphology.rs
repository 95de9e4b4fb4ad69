//! The shape of an Arabic word as every stage reads it: the one-letter clitics written on
//! its front, the article, and the conjunction. One model, loaded from
//! `rules/morphology.toml`, serves the casualty lexicon (the keys a word matches by), the
//! number table (numbers glued to a clitic), the gazetteer (names behind a clitic) and the
//! figures, so what one stage strips the others strip too.

use serde::Deserialize;
use std::sync::OnceLock;

/// The built-in model's data.
pub const BUILTIN: &str = include_str!("../rules/morphology.toml");

/// What a word may carry on its front.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Morphology {
    /// One-letter clitics, at most two stacked: conjunctions and prepositions.
    pub clitics: Vec<char>,
    /// The clitics a place name carries: not `ك`, which begins many names.
    pub place_clitics: Vec<char>,
    /// The article and its form after `ل` (`ال`, `لل`), normalised.
    pub articles: Vec<String>,
    /// The conjunction.
    pub and: char,
    /// The articles of four bytes (two Arabic letters) as the number their bytes make: a
    /// word's first four bytes are tested against them in one comparison each, as this runs
    /// for every word of every article.
    #[serde(skip)]
    article4: Vec<u32>,
    /// The articles of another length (none built in), tested the slow way.
    #[serde(skip)]
    other_articles: Vec<String>,
    /// The clitics and the place clitics as bits over the Arabic block (U+0600 to U+067F):
    /// one test a letter, for every word.
    #[serde(skip)]
    clitic_bits: u128,
    #[serde(skip)]
    place_bits: u128,
}

/// The bits of `letters` in the Arabic block; a letter outside it is never one.
fn arabic_bits(letters: &[char]) -> u128 {
    letters
        .iter()
        .filter_map(|&c| (c as u32).checked_sub(0x600).filter(|&k| k < 128))
        .fold(0, |bits, k| bits | 1 << k)
}

/// Is `c` one of `letters`, whose Arabic ones are `bits`?
#[inline]
fn has(bits: u128, letters: &[char], c: char) -> bool {
    match (c as u32).checked_sub(0x600) {
        Some(k) if k < 128 => bits >> k & 1 == 1,
        _ => letters.contains(&c),
    }
}

/// What a word's keys need of the model, copied by value where every word of every
/// article is keyed: the clitics as bits over the Arabic block, the articles as the number
/// their four bytes make.
#[derive(Debug, Clone, Copy, Default)]
pub struct KeyShape {
    clitic_bits: u128,
    articles: [u32; 4],
    n_articles: usize,
}

impl KeyShape {
    /// Is `c` a clitic a word may carry?
    #[inline]
    pub fn is_clitic(&self, c: char) -> bool {
        (c as u32)
            .checked_sub(0x600)
            .is_some_and(|k| k < 128 && self.clitic_bits >> k & 1 == 1)
    }

    /// The length in bytes of the article `k` starts with, when at least two Arabic letters
    /// (four bytes) follow it.
    #[inline]
    pub fn article_len(&self, k: &str) -> Option<usize> {
        if k.len() < 8 || self.n_articles == 0 {
            return None;
        }
        let h = head4(k)?;
        (h == self.articles[0] || self.articles[1..self.n_articles].contains(&h)).then_some(4)
    }
}

impl Morphology {
    /// Parse a model. The built-in one is checked by a test; any other is a program error.
    fn parse(src: &str) -> Result<Morphology, toml::de::Error> {
        let mut m: Morphology = toml::from_str(src)?;
        for a in &mut m.articles {
            *a = crate::normalize::normalize_word(a);
        }
        m.article4 = m
            .articles
            .iter()
            .filter(|a| a.len() == 4)
            .filter_map(|a| head4(a))
            .collect();
        m.other_articles = m
            .articles
            .iter()
            .filter(|a| a.len() != 4)
            .cloned()
            .collect();
        m.clitic_bits = arabic_bits(&m.clitics);
        m.place_bits = arabic_bits(&m.place_clitics);
        Ok(m)
    }

    /// Is `c` a clitic a word may carry?
    #[inline]
    pub fn is_clitic(&self, c: char) -> bool {
        has(self.clitic_bits, &self.clitics, c)
    }

    /// What a word's keys need of the model, to copy where words are keyed. The clitics
    /// are Arabic letters and the articles two Arabic letters (four bytes), as the built-in
    /// model's are; a test holds the shape to the model.
    pub fn key_shape(&self) -> KeyShape {
        let mut shape = KeyShape {
            clitic_bits: self.clitic_bits,
            ..KeyShape::default()
        };
        for &a in self.article4.iter().take(shape.articles.len()) {
            shape.articles[shape.n_articles] = a;
            shape.n_articles += 1;
        }
        shape
    }

    /// `w` without the one clitic a place name may carry, when at least three letters
    /// remain (`وحلب` → `حلب`; `كفرنبل` stays).
    #[inline]
    pub fn strip_place_clitic<'w>(&self, w: &'w str) -> &'w str {
        // Arabic letters take two bytes, the first 0xD8 or 0xD9 (U+0600 to U+067F): a
        // clitic and three letters are eight bytes, read without decoding.
        let b = w.as_bytes();
        if b.len() >= 8 && (b[0] == 0xD8 || b[0] == 0xD9) {
            let k = ((u32::from(b[0]) & 0x1F) << 6 | (u32::from(b[1]) & 0x3F)) - 0x600;
            return if self.place_bits >> k & 1 == 1 {
                &w[2..]
            } else {
                w
            };
        }
        let mut cs = w.chars();
        match cs.next() {
            Some(c)
                if has(self.place_bits, &self.place_clitics, c) && cs.clone().nth(2).is_some() =>
            {
                cs.as_str()
            }
            _ => w,
        }
    }

    /// The length in bytes of the article `k` starts with, when at least two letters follow
    /// it (`القتلى`, `للقتلى`; not `الي`).
    #[inline]
    pub fn article_len(&self, k: &str) -> Option<usize> {
        // Two Arabic letters after a four-byte article: four more bytes.
        if k.len() >= 8
            && let Some(h) = head4(k)
            && self.article4.contains(&h)
        {
            return Some(4);
        }
        if self.other_articles.is_empty() {
            return None;
        }
        self.other_articles
            .iter()
            .find(|a| k.starts_with(a.as_str()) && k[a.len()..].chars().nth(1).is_some())
            .map(String::len)
    }

    /// `w` without the conjunction on its front, if it has one.
    #[inline]
    pub fn strip_and<'w>(&self, w: &'w str) -> Option<&'w str> {
        w.strip_prefix(self.and)
    }
}

/// The first four bytes of `s` as one number, when it has four.
#[inline]
fn head4(s: &str) -> Option<u32> {
    s.as_bytes()
        .first_chunk::<4>()
        .map(|b| u32::from_ne_bytes(*b))
}

/// The built-in model.
#[inline]
pub fn builtin() -> &'static Morphology {
    static M: OnceLock<Morphology> = OnceLock::new();
    M.get_or_init(|| Morphology::parse(BUILTIN).expect("rules/morphology.toml is valid"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_model_loads_and_reads_words() {
        let m = Morphology::parse(BUILTIN).expect("valid");
        assert!(m.is_clitic('و') && m.is_clitic('ك') && !m.is_clitic('م'));
        assert_eq!(m.strip_place_clitic("وحلب"), "حلب");
        assert_eq!(m.strip_place_clitic("كفرنبل"), "كفرنبل");
        // Three letters must remain.
        assert_eq!(m.strip_place_clitic("ولد"), "ولد");
        assert_eq!(m.article_len("القتلي"), Some("ال".len()));
        assert_eq!(m.article_len("للقتلي"), Some("لل".len()));
        assert_eq!(m.article_len("الي"), None);
        assert_eq!(m.strip_and("وخمسه"), Some("خمسه"));
        assert_eq!(m.strip_and("خمسه"), None);
        // The key shape says what the model says, for every clitic and article.
        let shape = m.key_shape();
        assert!(m.clitics.iter().all(|&c| shape.is_clitic(c)));
        assert!(!shape.is_clitic('م'));
        for a in &m.articles {
            let word = format!("{a}قتلي");
            assert_eq!(shape.article_len(&word), m.article_len(&word), "{a}");
            assert_eq!(shape.article_len(&word), Some(a.len()));
        }
        assert_eq!(shape.article_len("الي"), None);
    }
}
