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
    /// The ending of a past verb whose subject is plural (`فروا`), normalised.
    pub plural_past: String,
    /// The clitics and articles as words are keyed by ([`KeyShape`]).
    #[serde(skip)]
    shape: KeyShape,
    /// The place clitics as bits over the Arabic block (U+0600 to U+067F).
    #[serde(skip)]
    place_bits: u128,
}

/// The Arabic block's letters (U+0600 to U+067F), each a bit: clitics are tested with one
/// shift, for every word of every article.
const BLOCK: u32 = 0x600;

/// The bits of `letters`, every one a letter of the Arabic block.
fn block_bits(letters: &[char], what: &str) -> Result<u128, String> {
    letters.iter().try_fold(0u128, |bits, &c| {
        match (c as u32).checked_sub(BLOCK).filter(|&k| k < 128) {
            Some(k) => Ok(bits | 1 << k),
            None => Err(format!("{what}: {c:?} is no letter of the Arabic block")),
        }
    })
}

/// Is `c` among the letters of `bits`?
#[inline]
fn in_bits(bits: u128, c: char) -> bool {
    (c as u32)
        .checked_sub(BLOCK)
        .is_some_and(|k| k < 128 && bits >> k & 1 == 1)
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
        in_bits(self.clitic_bits, c)
    }

    /// The length in bytes of the article `k` starts with, when at least two Arabic letters
    /// (four bytes) follow it (`القتلي`, `للقتلي`; not `الي`).
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
    /// Parse a model: its clitics must be letters of the Arabic block and its articles (at
    /// most four) two such letters each, as keys are made of them by bits and four-byte
    /// numbers. The built-in one is checked by a test; any other is a program error.
    fn parse(src: &str) -> Result<Morphology, String> {
        let mut m: Morphology = toml::from_str(src).map_err(|e| e.to_string())?;
        m.shape.clitic_bits = block_bits(&m.clitics, "clitics")?;
        m.place_bits = block_bits(&m.place_clitics, "place_clitics")?;
        if m.articles.len() > m.shape.articles.len() {
            return Err(format!("at most {} articles", m.shape.articles.len()));
        }
        m.plural_past = crate::normalize::normalize_word(&m.plural_past);
        if m.plural_past.is_empty() {
            return Err("plural_past: an ending of at least one letter".into());
        }
        for a in &mut m.articles {
            *a = crate::normalize::normalize_word(a);
            let two = a.chars().count() == 2 && a.chars().all(|c| in_bits(u128::MAX, c));
            let Some(h) = head4(a).filter(|_| two) else {
                return Err(format!("article {a:?}: two letters of the Arabic block"));
            };
            m.shape.articles[m.shape.n_articles] = h;
            m.shape.n_articles += 1;
        }
        Ok(m)
    }

    /// What a word's keys need of the model, to copy where words are keyed.
    pub fn key_shape(&self) -> KeyShape {
        self.shape
    }

    /// `w` without the one clitic a place name may carry, when at least three letters
    /// remain (`وحلب` → `حلب`; `كفرنبل` stays).
    #[inline]
    pub fn strip_place_clitic<'w>(&self, w: &'w str) -> &'w str {
        // Arabic letters take two bytes, the first 0xD8 or 0xD9 (U+0600 to U+067F): a
        // clitic and three letters are eight bytes, read without decoding.
        let b = w.as_bytes();
        if b.len() >= 8 && (b[0] == 0xD8 || b[0] == 0xD9) {
            let k = ((u32::from(b[0]) & 0x1F) << 6 | (u32::from(b[1]) & 0x3F)) - BLOCK;
            return if self.place_bits >> k & 1 == 1 {
                &w[2..]
            } else {
                w
            };
        }
        let mut cs = w.chars();
        match cs.next() {
            Some(c) if in_bits(self.place_bits, c) && cs.clone().nth(2).is_some() => cs.as_str(),
            _ => w,
        }
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
        let shape = m.key_shape();
        assert!(m.clitics.iter().all(|&c| shape.is_clitic(c)));
        assert!(shape.is_clitic('و') && shape.is_clitic('ك') && !shape.is_clitic('م'));
        assert_eq!(m.strip_place_clitic("وحلب"), "حلب");
        assert_eq!(m.strip_place_clitic("كفرنبل"), "كفرنبل");
        // Three letters must remain.
        assert_eq!(m.strip_place_clitic("ولد"), "ولد");
        for a in &m.articles {
            assert_eq!(shape.article_len(&format!("{a}قتلي")), Some(a.len()), "{a}");
        }
        assert_eq!(shape.article_len("القتلي"), Some("ال".len()));
        assert_eq!(shape.article_len("للقتلي"), Some("لل".len()));
        assert_eq!(shape.article_len("الي"), None);
        assert_eq!(m.strip_and("وخمسه"), Some("خمسه"));
        assert_eq!(m.strip_and("خمسه"), None);
        assert_eq!(m.plural_past, "وا");
    }

    /// A model keys cannot be made of is refused, with what is wrong.
    #[test]
    fn a_model_outside_the_arabic_block_is_refused() {
        let model = |clitics: &str, articles: &str| {
            format!(
                "clitics = {clitics}\nplace_clitics = [\"و\"]\narticles = {articles}\nand = \"و\"\nplural_past = \"وا\"\n"
            )
        };
        assert!(Morphology::parse(&model(r#"["و"]"#, r#"["ال"]"#)).is_ok());
        let e = Morphology::parse(&model(r#"["x"]"#, r#"["ال"]"#)).unwrap_err();
        assert!(e.contains("clitics"), "{e}");
        let e = Morphology::parse(&model(r#"["و"]"#, r#"["الل"]"#)).unwrap_err();
        assert!(e.contains("article"), "{e}");
        let e = Morphology::parse(&model(r#"["و"]"#, r#"["ال"]"#).replace("\"وا\"", "\"\""))
            .unwrap_err();
        assert!(e.contains("plural_past"), "{e}");
    }
}
