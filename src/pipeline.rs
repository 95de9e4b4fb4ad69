//! `extract` over many inputs: read each, extract, write, and account for what failed.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::export::{AtomicFile, Format, MentionWriter};
use crate::extract::{Extractor, Flag, Mention};
use crate::input::{self, CsvColumns, Document, InputError};
use crate::lexicon::{self, Lexicon, RulesError};

/// What a run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub documents: usize,
    pub mentions: usize,
    /// Inputs skipped on purpose: binary, empty.
    pub skipped: usize,
    /// Inputs or records that could not be read.
    pub failed: usize,
}

impl Summary {
    /// The line that ends every run.
    pub fn line(&self) -> String {
        format!(
            "hasila: {} documents read, {} mentions, {} inputs skipped, {} failed",
            self.documents, self.mentions, self.skipped, self.failed
        )
    }

    /// Did any input go unread?
    pub fn incomplete(&self) -> bool {
        self.skipped + self.failed > 0
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("rules file {path}: {source}")]
    Rules { path: PathBuf, source: RulesError },
    #[error("{path}: {source}")]
    Io { path: String, source: io::Error },
}

/// Load the rules: the built-in file, or `path` when given. A rules file is loaded once per
/// process and lives as long as it, so it is leaked rather than reference-counted.
pub fn load_rules(path: Option<&Path>) -> Result<&'static Lexicon, RunError> {
    let Some(p) = path else {
        return Ok(lexicon::builtin());
    };
    let src = std::fs::read_to_string(p).map_err(|e| RunError::Io {
        path: p.display().to_string(),
        source: e,
    })?;
    let lex = Lexicon::parse(&src).map_err(|e| RunError::Rules {
        path: p.to_path_buf(),
        source: e,
    })?;
    Ok(Box::leak(Box::new(lex)))
}

/// The mentions of one document: its title (flagged `headline`) and its body.
pub fn document_mentions(ex: &Extractor<'_>, doc: &Document) -> Vec<Mention> {
    let mut out = Vec::new();
    if let Some(title) = &doc.title {
        for mut m in ex.extract(&doc.id, title, doc.date) {
            if !m.flags.contains(&Flag::Headline) {
                m.flags.push(Flag::Headline);
            }
            out.push(m);
        }
    }
    out.extend(ex.extract(&doc.id, &doc.text, doc.date));
    out
}

/// Extract from every input into `out` (stdout when `None`), naming each input that fails
/// on `err`. An output file is replaced only when the run completes.
pub fn extract(
    inputs: &[PathBuf],
    format: Format,
    out: Option<&Path>,
    lex: &Lexicon,
    cols: &CsvColumns,
    err: &mut dyn Write,
) -> Result<Summary, RunError> {
    match out {
        Some(p) => {
            let name = p.display().to_string();
            let file = AtomicFile::create(p).map_err(io_err(&name))?;
            let (file, summary) = extract_into(file, &name, inputs, format, lex, cols, err)?;
            file.commit().map_err(io_err(&name))?;
            Ok(summary)
        }
        None => {
            let sink = io::BufWriter::new(io::stdout().lock());
            let (mut sink, summary) =
                extract_into(sink, "standard output", inputs, format, lex, cols, err)?;
            sink.flush().map_err(io_err("standard output"))?;
            Ok(summary)
        }
    }
}

fn io_err(path: &str) -> impl FnOnce(io::Error) -> RunError + use<> {
    let path = path.to_string();
    move |source| RunError::Io { path, source }
}

fn extract_into<W: Write>(
    sink: W,
    name: &str,
    inputs: &[PathBuf],
    format: Format,
    lex: &Lexicon,
    cols: &CsvColumns,
    err: &mut dyn Write,
) -> Result<(W, Summary), RunError> {
    let mut w = MentionWriter::new(format, sink).map_err(io_err(name))?;
    // Encoding runs on the workers; the writer only copies bytes, in order.
    let encode = |ms: Vec<Mention>| crate::export::encode(format, &ms);
    let summary = for_each_document(inputs, lex, cols, err, &encode, |batch| {
        let parts = batch.into_iter().collect::<io::Result<Vec<_>>>();
        parts
            .and_then(|p| w.write_encoded_all(&p))
            .map_err(io_err(name))
    })?;
    let sink = w.finish().map_err(io_err(name))?;
    Ok((sink, summary))
}

/// Documents extracted together on every core; their mentions are written in input order.
/// Bounded, so memory does not grow with the corpus. Short articles take ~20 µs each: with
/// 256 to a batch, its start and end cost 6% of the wall time on the bench corpus (0.74 s
/// against 0.70 s with 2048, for 16 MB more peak RSS).
const BATCH_DOCS: usize = 2048;
const BATCH_BYTES: usize = 8 << 20;

/// Batches extracted at once. With more than one, the cores go on with the next batch while
/// the last documents of one finish. Batches do not finish in the order they were sent (a
/// worker takes the newest work first), and the reader waits for the oldest: with two, the
/// newer one was often done by then, and the cores idled while the next batch was read
/// (`perf sched`: 2-3 ms at a time). With four, utilisation on the 200 MB bench corpus is
/// 1.87-1.91 of 2 cores against 1.85-1.88, for about 15 MB more peak RSS.
const IN_FLIGHT: usize = 4;

/// Batches being extracted, oldest first.
type Pending<'s, T> = std::collections::VecDeque<std::thread::ScopedJoinHandle<'s, Found<T>>>;

/// Documents waiting for extraction, and where their results go.
///
/// Pipelined: while up to [`IN_FLIGHT`] batches are extracted on every core (each
/// document's mentions extracted and passed through `map` there, say encoded for output),
/// the caller reads the next one, and the results of finished batches are handed on, in
/// input order, to `sink`.
struct Batch<'e, 'l, M, F, T> {
    ex: &'e Extractor<'l>,
    map: &'e M,
    docs: Vec<Document>,
    bytes: usize,
    sink: F,
    mentions: usize,
    result: Result<(), RunError>,
    _t: std::marker::PhantomData<T>,
}

/// Each document's mention count and mapped mentions, in input order.
type Found<T> = Vec<(usize, T)>;

impl<'e, 'l: 'e, M, F, T> Batch<'e, 'l, M, F, T>
where
    M: Fn(Vec<Mention>) -> T + Sync,
    F: FnMut(Vec<T>) -> Result<(), RunError>,
    T: Send + 'e,
{
    /// Add a document; a full batch is sent off to be extracted and `pending` holds it,
    /// the oldest batch collected once more than [`IN_FLIGHT`] are.
    fn push<'s>(
        &mut self,
        doc: Document,
        scope: &'s std::thread::Scope<'s, 'e>,
        pending: &mut Pending<'s, T>,
    ) {
        self.bytes += doc.text.len();
        self.docs.push(doc);
        if self.docs.len() >= BATCH_DOCS || self.bytes >= BATCH_BYTES {
            self.send(scope, pending);
            while pending.len() > IN_FLIGHT {
                self.collect(pending.pop_front());
            }
        }
    }

    /// Send the documents gathered off to be extracted.
    fn send<'s>(&mut self, scope: &'s std::thread::Scope<'s, 'e>, pending: &mut Pending<'s, T>) {
        let docs = std::mem::take(&mut self.docs);
        self.bytes = 0;
        let (ex, map) = (self.ex, self.map);
        pending.push_back(scope.spawn(move || extract_batch(ex, map, &docs)));
    }

    /// Hand the results of a finished batch on, in order.
    fn collect(&mut self, pending: Option<std::thread::ScopedJoinHandle<'_, Found<T>>>) {
        let Some(handle) = pending else { return };
        // A panic inside extraction is a bug; let it surface as one.
        let found = handle
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        self.emit(found);
    }

    /// Hand a batch's results on at once: written out, they go in one system call, not
    /// copied one by one into a buffer first.
    fn emit(&mut self, found: Found<T>) {
        if self.result.is_err() {
            return;
        }
        self.mentions += found.iter().map(|(n, _)| n).sum::<usize>();
        self.result = (self.sink)(found.into_iter().map(|(_, t)| t).collect());
    }

    /// Extract what is left, after the batches in flight.
    fn finish<'s>(&mut self, scope: &'s std::thread::Scope<'s, 'e>, mut pending: Pending<'s, T>) {
        if !self.docs.is_empty() && self.result.is_ok() {
            self.send(scope, &mut pending);
        }
        while let Some(handle) = pending.pop_front() {
            self.collect(Some(handle));
        }
    }
}

/// Each document of a batch extracted and mapped on every core, in input order.
fn extract_batch<T: Send>(
    ex: &Extractor<'_>,
    map: &(impl Fn(Vec<Mention>) -> T + Sync),
    docs: &[Document],
) -> Found<T> {
    use rayon::prelude::*;
    docs.par_iter()
        .map(|d| {
            let ms = document_mentions(ex, d);
            (ms.len(), map(ms))
        })
        .collect()
}

/// Read every input, extract, and hand each mention to `f` in input order, in bounded
/// batches extracted on every core. Inputs that fail are named on `err`; a progress bar
/// shows on a terminal.
pub fn for_each_mention(
    inputs: &[PathBuf],
    lex: &Lexicon,
    cols: &CsvColumns,
    err: &mut dyn Write,
    mut f: impl FnMut(Mention) -> Result<(), RunError>,
) -> Result<Summary, RunError> {
    for_each_document(inputs, lex, cols, err, &|ms| ms, |batch| {
        batch.into_iter().flatten().try_for_each(&mut f)
    })
}

/// Read every input and extract; each document's mentions go through `map` on the worker
/// that extracted them (so costly work such as encoding runs on every core), and the results
/// reach `sink` in input order, a batch of documents at a time.
pub fn for_each_document<T: Send>(
    inputs: &[PathBuf],
    lex: &Lexicon,
    cols: &CsvColumns,
    err: &mut dyn Write,
    map: &(impl Fn(Vec<Mention>) -> T + Sync),
    sink: impl FnMut(Vec<T>) -> Result<(), RunError>,
) -> Result<Summary, RunError> {
    let ex = Extractor::new(lex, crate::numbers::builtin_lenient());
    let mut summary = Summary::default();
    let (files, errors) = input::expand(inputs);
    let bar = progress(files.len());
    let mut report = |e: InputError, summary: &mut Summary| {
        if e.skipped {
            summary.skipped += 1;
        } else {
            summary.failed += 1;
        }
        bar.suspend(|| {
            let _ = writeln!(err, "hasila: {e}");
        });
    };
    for e in errors {
        report(e, &mut summary);
    }
    let mut batch = Batch {
        ex: &ex,
        map,
        docs: Vec::new(),
        bytes: 0,
        sink,
        mentions: 0,
        result: Ok(()),
        _t: std::marker::PhantomData,
    };
    std::thread::scope(|scope| {
        let mut pending = Pending::new();
        for file in &files {
            bar.set_message(file.display().to_string());
            input::read_input(file, cols, &mut |doc| match doc {
                Err(e) => report(e, &mut summary),
                Ok(doc) => {
                    summary.documents += 1;
                    batch.push(doc, scope, &mut pending);
                }
            });
            if batch.result.is_err() {
                break;
            }
            bar.inc(1);
        }
        batch.finish(scope, pending);
    });
    batch.result?;
    summary.mentions = batch.mentions;
    bar.finish_and_clear();
    Ok(summary)
}

/// A progress bar on stderr, only when stderr is a terminal (never in pipes or CI logs).
fn progress(files: usize) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !io::stderr().is_terminal() || files < 2 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} files {elapsed} {wide_msg}")
    {
        bar.set_style(style);
    }
    bar
}

/// Mentions written by `extract` (JSON Lines), for `report --mentions`, handed to `f` one
/// by one as the file is read. Lines that are not mentions are named on `err` with their
/// line number and skipped. Returns (mentions read, lines that failed).
pub fn for_each_stored_mention<E: From<RunError>>(
    path: &Path,
    err: &mut dyn Write,
    mut f: impl FnMut(Mention) -> Result<(), E>,
) -> Result<(usize, usize), E> {
    use std::io::BufRead;
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(io_err(&name))?;
    let (mut read, mut failed) = (0, 0);
    for (i, line) in io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io_err(&name))?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Mention>(&line) {
            Ok(m) => {
                read += 1;
                f(m)?;
            }
            Err(e) => {
                failed += 1;
                let _ = writeln!(err, "hasila: {name} line {}: not a mention: {e}", i + 1);
            }
        }
    }
    Ok((read, failed))
}
