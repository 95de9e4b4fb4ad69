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
}

impl Morphology {
    /// Parse a model. The built-in one is checked by a test; any other is a program error.
    fn parse(src: &str) -> Result<Morphology, toml::de::Error> {
        let mut m: Morphology = toml::from_str(src)?;
        for a in &mut m.articles {
            *a = crate::normalize::normalize_word(a);
        }
        Ok(m)
    }

    /// Is `c` a clitic a word may carry?
    #[inline]
    pub fn is_clitic(&self, c: char) -> bool {
        self.clitics.contains(&c)
    }

    /// `w` without the one clitic a place name may carry, when at least three letters
    /// remain (`وحلب` → `حلب`; `كفرنبل` stays).
    pub fn strip_place_clitic<'w>(&self, w: &'w str) -> &'w str {
        let mut cs = w.chars();
        match cs.next() {
            Some(c) if self.place_clitics.contains(&c) && cs.clone().count() >= 3 => cs.as_str(),
            _ => w,
        }
    }

    /// The length in bytes of the article `k` starts with, when at least two letters follow
    /// it (`القتلى`, `للقتلى`; not `الي`).
    #[inline]
    pub fn article_len(&self, k: &str) -> Option<usize> {
        self.articles
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

/// The built-in model.
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
    }
}
