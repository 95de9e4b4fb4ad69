//! Where a run's mentions go: `extract`'s writer and the report are both a [`Sink`], driven
//! by [`crate::pipeline`] in input order, and fail with the one [`SinkError`].

use crate::record::Mention;

/// What takes the mentions of a run, a chunk of documents at a time, in input order.
///
/// A document's mentions are first made into a [`Sink::Piece`] on the worker that
/// extracted them ([`Sink::prepare`]: encoding, for a writer), so costly work runs on every
/// core; only [`Sink::take`] runs on the thread that reads.
pub trait Sink {
    type Piece: Send;
    /// What [`Sink::prepare`] needs, copied out of the sink for the workers.
    type Settings: Copy + Send + Sync;

    fn settings(&self) -> Self::Settings;

    /// One document's mentions, on a worker.
    fn prepare(settings: Self::Settings, mentions: Vec<Mention>) -> Self::Piece;

    /// The pieces of a chunk of documents, in input order.
    fn take(&mut self, pieces: Vec<Self::Piece>) -> Result<(), SinkError>;
}

/// A sink could not take what it was given: the output it writes, and why.
#[derive(Debug, thiserror::Error)]
#[error("{output}")]
pub struct SinkError {
    /// The file or folder written, or `standard output`.
    pub output: String,
    pub source: Box<dyn std::error::Error + Send + Sync>,
}

impl SinkError {
    pub fn new(
        output: impl Into<String>,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        SinkError {
            output: output.into(),
            source: source.into(),
        }
    }
}
