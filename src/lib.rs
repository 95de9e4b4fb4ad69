//! hasila (حصيلة, "toll"): casualty figures from Arabic news, each with the words that state it.
//!
//! The pipeline runs one way: text → [`normalize`] → [`numbers`] and [`lexicon`] hits →
//! [`extract`] mentions → tables → files. Each stage is a module that knows nothing of those
//! after it.

pub mod aggregate;
pub mod alloc;
#[cfg(test)]
pub(crate) mod corpus;
pub mod dates;
pub mod explain;
pub mod export;
pub mod extract;
pub mod input;
pub mod lexicon;
pub mod morphology;
pub mod normalize;
pub mod numbers;
pub mod pipeline;
pub mod places;
pub mod record;
pub mod report;
pub mod sink;
pub mod spill;

/// The texts of the bundled JSON Lines fixtures (`fixtures/gold/dev.jsonl`, …), for the
/// unit tests that hold a stage to its invariants on real articles.
#[cfg(test)]
pub(crate) fn fixture_texts(files: &[&str]) -> Vec<String> {
    let mut texts = Vec::new();
    for f in files {
        let path = format!("{}/{f}", env!("CARGO_MANIFEST_DIR"));
        let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let (docs, errors) = input::read_jsonl(f, &src);
        assert!(errors.is_empty() && !docs.is_empty(), "{path}");
        texts.extend(docs.into_iter().map(|d| d.text));
    }
    texts
}

/// The next number of a fixed xorshift sequence, for unit tests that draw many inputs
/// the same way every run.
#[cfg(test)]
pub(crate) fn xorshift(x: &mut u64) -> u64 {
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    *x
}
