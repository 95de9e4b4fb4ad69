//! hasila (حصيلة, "toll"): casualty figures from Arabic news, each with the words that state it.
//!
//! The pipeline runs one way: text → [`normalize`] → [`numbers`] and [`lexicon`] hits →
//! [`extract`] mentions → tables → files. Each stage is a module that knows nothing of those
//! after it.

pub mod aggregate;
pub mod charts;
pub mod dates;
pub mod explain;
pub mod export;
pub mod extract;
pub mod input;
pub mod lexicon;
pub mod normalize;
pub mod numbers;
pub mod pipeline;
pub mod places;
pub mod report;
pub mod spill;
