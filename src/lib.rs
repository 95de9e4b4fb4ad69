//! hasila (حصيلة, "toll"): casualty figures from Arabic news, each with the words that state it.
//!
//! The pipeline runs one way: text → [`normalize`] → [`numbers`] (and, later, cue words) →
//! mentions → tables → files. Each stage is a module that knows nothing of those after it.

pub mod explain;
pub mod normalize;
pub mod numbers;
