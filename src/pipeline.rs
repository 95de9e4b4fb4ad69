//! A run over many inputs: read each, extract on every core, hand the mentions to a
//! [`Sink`] in input order, and account for what failed.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use crate::export::{AtomicFile, Format, MentionWriter};
use crate::extract::Extractor;
use crate::input::{self, CsvColumns, Document, InputError};
use crate::lexicon::{self, Lexicon, RulesError};
use crate::record::{Flag, Mention};
use crate::sink::{Sink, SinkError};

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

/// Why a run stopped. Each says what failed; its cause is its `source`, printed after it
/// by the command line.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("rules file {path}")]
    Rules { path: PathBuf, source: RulesError },
    #[error("{path}")]
    Io { path: String, source: io::Error },
    #[error(transparent)]
    Sink(#[from] SinkError),
    /// `-o` names a file that is also read: writing it would lose the input.
    #[error("{path}: the output is also an input; write the output elsewhere")]
    OutputIsInput { path: String },
    /// No article was read, so the output there is kept rather than emptied.
    #[error("no article was read from the inputs: {path} left as it was")]
    NothingRead { path: String },
}

impl std::ops::AddAssign for Summary {
    fn add_assign(&mut self, o: Summary) {
        self.documents += o.documents;
        self.mentions += o.mentions;
        self.skipped += o.skipped;
        self.failed += o.failed;
    }
}

/// A rules file larger than this is refused (the built-in one is a few dozen KiB).
pub const MAX_RULES_BYTES: usize = 16 << 20;

/// Load the rules: the built-in file, or `path` when given. A rules file is loaded once per
/// process and lives as long as it, so it is leaked rather than reference-counted.
pub fn load_rules(path: Option<&Path>) -> Result<&'static Lexicon, RunError> {
    let Some(p) = path else {
        return Ok(lexicon::builtin());
    };
    let io = |source| RunError::Io {
        path: p.display().to_string(),
        source,
    };
    let mut src = String::new();
    std::fs::File::open(p)
        .and_then(|f| f.take(MAX_RULES_BYTES as u64 + 1).read_to_string(&mut src))
        .map_err(io)?;
    if src.len() > MAX_RULES_BYTES {
        return Err(io(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "larger than {} MiB: not a rules file",
                MAX_RULES_BYTES >> 20
            ),
        )));
    }
    let lex = Lexicon::parse(&src).map_err(|e| RunError::Rules {
        path: p.to_path_buf(),
        source: e,
    })?;
    Ok(Box::leak(Box::new(lex)))
}

/// The mentions of one document: its title (flagged `headline`) and its body. A title is
/// dated as its article is: by the record's date, else by the date the body states (a
/// headline states none of its own, and is that day's news).
pub fn document_mentions(ex: &Extractor<'_>, doc: &Document) -> Vec<Mention> {
    let body = ex.extract(&doc.id, &doc.text, doc.date);
    with_title(ex, doc, body)
}

/// [`document_mentions`] of every document of `docs`, the bodies extracted together (see
/// [`Extractor::extract_batch`]).
pub fn batch_mentions(ex: &Extractor<'_>, docs: &[Document]) -> Vec<Vec<Mention>> {
    let bodies: Vec<(&str, &str, Option<chrono::NaiveDate>)> = docs
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str(), d.date))
        .collect();
    ex.extract_batch(&bodies)
        .into_iter()
        .zip(docs)
        .map(|(body, doc)| with_title(ex, doc, body))
        .collect()
}

/// A document's `body` mentions, with its title's before them.
fn with_title(ex: &Extractor<'_>, doc: &Document, body: Vec<Mention>) -> Vec<Mention> {
    let Some(title) = &doc.title else {
        return body;
    };
    let mut head = ex.extract(&doc.id, title, doc.date);
    if doc.date.is_none() && head.iter().any(|m| m.published.is_none()) {
        let date = body
            .iter()
            .find_map(|m| m.published)
            .or_else(|| crate::dates::find_date(&crate::normalize::normalize(&doc.text).text));
        if date.is_some() {
            head = ex.extract(&doc.id, title, date);
        }
    }
    for m in &mut head {
        if !m.flags.contains(&Flag::Headline) {
            m.flags.push(Flag::Headline);
        }
    }
    head.extend(body);
    head
}

/// The mentions of each document of `docs`, [`BATCH_DOCS`] at a time, each passed to
/// `map` with their count; and the documents whose extraction failed (a bug), named. When
/// a batch fails its documents are extracted one by one, so only the one that fails is
/// left out and the rest of the run goes on.
fn chunk_mentions<T>(
    ex: &Extractor<'_>,
    docs: &[Document],
    map: impl Fn(Vec<Mention>) -> T,
) -> (Vec<(usize, T)>, Vec<String>) {
    let (mut found, mut broken) = (Vec::with_capacity(docs.len()), Vec::new());
    let mut one = |d: &Document, ms: Option<Vec<Mention>>| {
        let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let ms = ms.unwrap_or_else(|| document_mentions(ex, d));
            (ms.len(), map(ms))
        }));
        found.push(done.unwrap_or_else(|p| {
            broken.push(format!(
                "document {}: not extracted, an internal error: {}",
                d.id,
                panic_message(p.as_ref())
            ));
            (0, map(Vec::new()))
        }));
    };
    for batch in docs.chunks(BATCH_DOCS) {
        match std::panic::catch_unwind(|| batch_mentions(ex, batch)) {
            Ok(ms) => batch.iter().zip(ms).for_each(|(d, ms)| one(d, Some(ms))),
            Err(_) => batch.iter().for_each(|d| one(d, None)),
        }
    }
    (found, broken)
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
            if inputs.iter().any(|i| same_file(i, p)) {
                return Err(RunError::OutputIsInput { path: name });
            }
            let file = AtomicFile::create(p).map_err(io_err(&name))?;
            let (file, summary) = extract_into(file, &name, inputs, format, lex, cols, err)?;
            // Dropped uncommitted: what was at `p` stays.
            if summary.documents == 0 {
                let _ = writeln!(err, "{}", summary.line());
                return Err(RunError::NothingRead { path: name });
            }
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

/// `s` as it may go to a terminal: control characters (a file name may hold an escape
/// sequence that would retitle or rewrite the terminal) and the marks that reorder text
/// shown as `\u{..}`; everything else, Arabic included, as it is.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| {
        c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(hidden) {
        return s.into();
    }
    s.chars()
        .map(|c| {
            if hidden(c) {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// Are `a` and `b` one file (the same device and inode, whatever the path)?
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.is_file() && x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (fs::canonicalize(a), fs::canonicalize(b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    }
}

fn io_err(path: &str) -> impl FnOnce(io::Error) -> RunError + use<> {
    let path = path.to_string();
    move |source| RunError::Io { path, source }
}

fn extract_into<W: Write>(
    out: W,
    name: &str,
    inputs: &[PathBuf],
    format: Format,
    lex: &Lexicon,
    cols: &CsvColumns,
    err: &mut dyn Write,
) -> Result<(W, Summary), RunError> {
    let mut w = MentionWriter::new(format, out, name).map_err(io_err(name))?;
    let summary = run(inputs, lex, cols, &mut w, err)?;
    let out = w.finish().map_err(io_err(name))?;
    Ok((out, summary))
}

/// Read every input, extract, and hand the mentions to `sink` in input order, in bounded
/// chunks extracted on every core. Inputs that fail are named on `err`; a progress bar
/// shows on a terminal.
///
/// The calling thread reads and waits for results while rayon's global pool extracts: call
/// it from outside that pool (a worker waiting there would hold up the pool's work).
pub fn run<S: Sink>(
    inputs: &[PathBuf],
    lex: &Lexicon,
    cols: &CsvColumns,
    sink: &mut S,
    err: &mut dyn Write,
) -> Result<Summary, RunError> {
    let settings = sink.settings();
    for_each_document(
        inputs,
        lex,
        cols,
        err,
        &|ms| S::prepare(settings, ms),
        |pieces| Ok(sink.take(pieces)?),
    )
}

/// Documents are extracted in chunks, each one job on the thread pool. The bench corpus's
/// articles take ~13 µs each on one core: a chunk is ~3 ms of work, against a microsecond
/// or two to send it and its results, and its mentions (~150 KB) go to the output file in
/// one system call (see `AtomicFile::write_vectored`).
const CHUNK_DOCS: usize = 256;
const CHUNK_BYTES: usize = 1 << 20;

/// Documents extracted together, stage by stage (see [`Extractor::extract_batch`]): enough
/// for each stage's code to stay in the instruction cache (the stages of 16 texts of the
/// benchmark corpus run 5% faster than text by text), few enough that their readings stay
/// small beside a chunk.
const BATCH_DOCS: usize = 16;

/// Chunks sent and not yet written, at most: what bounds memory. The results of a chunk
/// done before an older one wait for it, and the reader waits when this many are out
/// (8,192 short articles, or 32 MB of long ones).
const IN_FLIGHT: usize = 32;

/// One chunk's results, in input order, or the panic that stopped its job.
/// A chunk's results: each document's mention count and mapped mentions, and the documents
/// whose extraction failed, each with what went wrong.
type Done<T> = std::thread::Result<(Vec<(usize, T)>, Vec<String>)>;

/// Documents waiting for extraction, and where their results go.
///
/// Every chunk of documents is one job, queued first in, first out on the thread pool; its
/// results come back on a channel and are handed on to `sink` in input order, while the
/// caller reads on. No job waits for another, which is why this is not a parallel iterator
/// per batch: there a worker waiting for its batch's other half runs a newer batch
/// meanwhile, so batches finish together and the cores idle while the next is read.
struct Chunks<'e, 'l, M, F, T> {
    ex: &'e Extractor<'l>,
    map: &'e M,
    docs: Vec<Document>,
    bytes: usize,
    /// Chunks sent, and chunks handed on to `sink`: the next to write is `written`.
    sent: usize,
    written: usize,
    /// Results that came back before an older chunk's, by chunk number.
    waiting: std::collections::BTreeMap<usize, Vec<(usize, T)>>,
    tx: std::sync::mpsc::Sender<(usize, Done<T>)>,
    rx: std::sync::mpsc::Receiver<(usize, Done<T>)>,
    sink: F,
    mentions: usize,
    /// Documents whose extraction failed (a bug, caught so the run goes on), named.
    broken: Vec<String>,
    result: Result<(), RunError>,
}

impl<'e, 'l: 'e, M, F, T> Chunks<'e, 'l, M, F, T>
where
    M: Fn(Vec<Mention>) -> T + Sync,
    F: FnMut(Vec<T>) -> Result<(), RunError>,
    T: Send + 'e,
{
    /// Add a document; a full chunk is sent off.
    fn push<'s>(&mut self, doc: Document, scope: &rayon::ScopeFifo<'s>)
    where
        'e: 's,
    {
        // Once the output fails, what is left is read and counted, not extracted.
        if self.result.is_err() {
            return;
        }
        self.bytes += doc.text.len();
        self.docs.push(doc);
        if self.docs.len() >= CHUNK_DOCS || self.bytes >= CHUNK_BYTES {
            self.send(scope);
        }
    }

    /// Send the documents gathered off as one job, write what has come back in order, and
    /// wait while [`IN_FLIGHT`] chunks are out.
    fn send<'s>(&mut self, scope: &rayon::ScopeFifo<'s>)
    where
        'e: 's,
    {
        let docs = std::mem::take(&mut self.docs);
        self.bytes = 0;
        let (ex, map, tx, n) = (self.ex, self.map, self.tx.clone(), self.sent);
        scope.spawn_fifo(move |_| {
            // A document whose extraction panics (a bug) is named and left out; the other
            // documents of the chunk, and the run, go on.
            let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                chunk_mentions(ex, &docs, map)
            }));
            // The receiver outlives the scope, which outlives every job: the send lands.
            let _ = tx.send((n, done));
        });
        self.sent += 1;
        while let Ok((k, done)) = self.rx.try_recv() {
            self.arrived(k, done);
        }
        while self.sent - self.written >= IN_FLIGHT {
            self.wait();
        }
    }

    /// Block until one more chunk comes back.
    fn wait(&mut self) {
        let (k, done) = self
            .rx
            .recv()
            .expect("a job holds a sender until it has sent");
        self.arrived(k, done);
    }

    /// Chunk `k` came back: hand it on, with any after it that came back before it.
    fn arrived(&mut self, k: usize, done: Done<T>) {
        // A panic inside extraction is a bug; let it surface as one.
        let (found, broken) = done.unwrap_or_else(|p| std::panic::resume_unwind(p));
        self.broken.extend(broken);
        self.waiting.insert(k, found);
        while let Some(found) = self.waiting.remove(&self.written) {
            self.written += 1;
            if self.result.is_ok() {
                self.mentions += found.iter().map(|(n, _)| n).sum::<usize>();
                self.result = (self.sink)(found.into_iter().map(|(_, t)| t).collect());
            }
        }
    }

    /// Extract what is left, and hand on every chunk out.
    fn finish<'s>(&mut self, scope: &rayon::ScopeFifo<'s>)
    where
        'e: 's,
    {
        if !self.docs.is_empty() && self.result.is_ok() {
            self.send(scope);
        }
        while self.written < self.sent {
            self.wait();
        }
    }
}

/// Read every input and extract; each document's mentions go through `map` on the worker
/// that extracted them (so costly work such as encoding runs on every core), and the results
/// reach `sink` in input order, a chunk of documents at a time. See [`run`].
fn for_each_document<T: Send>(
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
    // Each file's size, read once: the bar's total and each file's end.
    let sizes: Vec<u64> = files.iter().map(|f| file_size(f)).collect();
    let bar = progress(sizes.iter().sum());
    let mut report = |e: InputError, summary: &mut Summary| {
        if e.skipped {
            summary.skipped += 1;
        } else {
            summary.failed += 1;
        }
        bar.suspend(|| {
            let _ = writeln!(err, "hasila: {}", printable(&e.to_string()));
        });
    };
    for e in errors {
        report(e, &mut summary);
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let mut chunks = Chunks {
        ex: &ex,
        map,
        docs: Vec::new(),
        bytes: 0,
        sent: 0,
        written: 0,
        waiting: std::collections::BTreeMap::new(),
        tx,
        rx,
        sink,
        mentions: 0,
        broken: Vec::new(),
        result: Ok(()),
    };
    rayon::in_place_scope_fifo(|scope| {
        // The bar moves by the bytes of the documents read (their text, about the file's
        // share), and to each file's end when it is done: one large JSONL file moves too.
        let mut done_bytes = 0;
        for (file, size) in files.iter().zip(&sizes) {
            bar.set_message(file.display().to_string());
            input::read_input(file, cols, &mut |doc| match doc {
                Err(e) => report(e, &mut summary),
                Ok(doc) => {
                    summary.documents += 1;
                    let size = doc.text.len() + doc.title.as_ref().map_or(0, String::len);
                    bar.inc(size as u64);
                    if summary.documents % 1024 == 0 {
                        bar.set_prefix(format!("{} documents", summary.documents));
                    }
                    chunks.push(doc, scope);
                }
            });
            if chunks.result.is_err() {
                break;
            }
            done_bytes += size;
            bar.set_position(done_bytes);
        }
        chunks.finish(scope);
    });
    for b in std::mem::take(&mut chunks.broken) {
        summary.failed += 1;
        let _ = writeln!(err, "hasila: {}", printable(&b));
    }
    chunks.result?;
    summary.mentions = chunks.mentions;
    bar.finish_and_clear();
    Ok(summary)
}

/// What a caught panic says, when it says it as text.
fn panic_message(p: &(dyn std::any::Any + Send)) -> &str {
    p.downcast_ref::<&str>()
        .copied()
        .or_else(|| p.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic")
}

/// The size of a file in bytes, 0 when it cannot be read (standard input).
fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

/// A progress bar on stderr by bytes read, of `total` bytes, only when stderr is a terminal
/// (never in pipes or CI logs) and the inputs have a size (not standard input).
fn progress(total: u64) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !io::stderr().is_terminal() || total == 0 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:30} {bytes}/{total_bytes} {prefix} {elapsed}/{eta} {wide_msg}",
    ) {
        bar.set_style(style);
    }
    bar
}

/// A spinner on stderr for a phase with no count to show (the report's aggregation), only
/// when stderr is a terminal; cleared with `finish_and_clear`.
pub fn phase(message: &'static str) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_message(message);
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

/// Stored mentions go to the sink this many at a time.
const STORED_BATCH: usize = 1024;

/// Mentions written by `extract` (JSON Lines), for `report --mentions`, handed to `sink` in
/// file order as the file is read. Lines that are not mentions are named on `err` with their
/// line number and skipped. The documents read are the articles the file's mentions come
/// from (each article's mentions stand together, as `extract` writes them); each bad line
/// counts as one failed.
pub fn run_stored<S: Sink>(
    path: &Path,
    sink: &mut S,
    err: &mut dyn Write,
) -> Result<Summary, RunError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(io_err(&name))?;
    let settings = sink.settings();
    let mut summary = Summary::default();
    let mut last_doc: Option<String> = None;
    let mut batch = Vec::new();
    let mut lines = input::Lines::new(file, input::MAX_LINE_BYTES);
    for i in 0.. {
        let line = match lines.next_line() {
            Ok(None) => break,
            Ok(Some(line)) => String::from_utf8_lossy(line),
            Err(e) => {
                summary.failed += 1;
                let why = format!("{name} line {}: {e}; the rest of it is not read", i + 1);
                let _ = writeln!(err, "hasila: {}", printable(&why));
                break;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Mention>(&line) {
            Ok(m) => {
                summary.mentions += 1;
                if last_doc.as_deref() != Some(m.doc_id.as_str()) {
                    summary.documents += 1;
                    last_doc = Some(m.doc_id.clone());
                }
                batch.push(m);
                if batch.len() == STORED_BATCH {
                    sink.take(vec![S::prepare(settings, std::mem::take(&mut batch))])?;
                }
            }
            Err(e) => {
                summary.failed += 1;
                let line = format!("{name} line {}: not a mention: {e}", i + 1);
                let _ = writeln!(err, "hasila: {}", printable(&line));
            }
        }
    }
    if !batch.is_empty() {
        sink.take(vec![S::prepare(settings, batch)])?;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Extracted together or one by one, every document has the same mentions: with and
    /// without a title, with and without a date, and batches that end mid-way.
    #[test]
    fn a_batch_has_the_mentions_of_its_documents_one_by_one() {
        let src = include_str!("../fixtures/gold/dev.jsonl");
        let (mut docs, errors) = input::read_jsonl("dev.jsonl", src);
        assert!(errors.is_empty() && docs.len() > 2 * BATCH_DOCS);
        let titles: Vec<String> = docs
            .iter()
            .map(|d| d.text.split(['.', '\n']).next().unwrap_or("").to_string())
            .collect();
        for (i, d) in docs.iter_mut().enumerate() {
            if i % 3 == 0 {
                d.title = Some(titles[(i + 7) % titles.len()].clone());
            }
            if i % 4 == 1 {
                d.date = chrono::NaiveDate::from_ymd_opt(2020, 3, 1);
            }
        }
        let ex = Extractor::new(lexicon::builtin(), crate::numbers::builtin_lenient());
        let one: Vec<Vec<Mention>> = docs.iter().map(|d| document_mentions(&ex, d)).collect();
        assert!(one.iter().filter(|ms| !ms.is_empty()).count() > docs.len() / 2);
        for n in [1, 5, BATCH_DOCS, docs.len()] {
            let together: Vec<Vec<Mention>> = docs
                .chunks(n)
                .flat_map(|batch| batch_mentions(&ex, batch))
                .collect();
            assert_eq!(together, one, "batches of {n}");
        }
    }

    /// A document whose extraction panics is named on stderr and counted as failed; the
    /// documents around it, in its chunk and after, are extracted as ever.
    #[test]
    fn a_document_that_fails_is_named_and_the_run_goes_on() {
        let dir = std::env::temp_dir().join(format!("hasila-broken-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("docs.jsonl");
        let src: String = (0..3 * CHUNK_DOCS)
            .map(|i| {
                let id = if i == CHUNK_DOCS + 1 {
                    "boom".to_string()
                } else {
                    format!("d{i}")
                };
                serde_json::json!({"id": id, "text": "قتل 3 مدنيين في قصف على مدينة إدلب."})
                    .to_string()
                    + "\n"
            })
            .collect();
        std::fs::write(&path, &src).unwrap();
        // Stands for a bug met while extracting one document.
        let map = |ms: Vec<Mention>| {
            assert!(ms.iter().all(|m| m.doc_id != "boom"), "a bug met on boom");
            ms.len()
        };
        let mut err = Vec::new();
        let mut got = Vec::new();
        let summary = for_each_document(
            &[path],
            lexicon::builtin(),
            &CsvColumns::default(),
            &mut err,
            &map,
            |chunk| {
                got.extend(chunk);
                Ok(())
            },
        )
        .unwrap();
        let err = String::from_utf8(err).unwrap();
        assert_eq!(summary.documents, 3 * CHUNK_DOCS);
        assert_eq!(summary.failed, 1, "{err}");
        assert!(err.contains("document boom: not extracted"), "{err}");
        assert_eq!(got.len(), 3 * CHUNK_DOCS);
        assert_eq!(got.iter().filter(|&&n| n == 1).count(), 3 * CHUNK_DOCS - 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A record with a title and no date: the title's mentions take the date its body
    /// states, as the body's do; a record's own date wins over both.
    #[test]
    fn a_headline_is_dated_by_its_article() {
        let ex = Extractor::new(lexicon::builtin(), crate::numbers::builtin_lenient());
        let doc = |date| Document {
            id: "t".into(),
            title: Some("مقتل 5 مدنيين بقصف على إدلب".into()),
            text: "إدلب، 8 شباط 2020 — قتل خمسة مدنيين أمس بقصف على المدينة.".into(),
            date,
        };
        let ms = document_mentions(&ex, &doc(None));
        assert_eq!(ms.len(), 2, "{ms:#?}");
        assert!(ms[0].flags.contains(&Flag::Headline));
        let day = chrono::NaiveDate::from_ymd_opt(2020, 2, 8);
        assert!(ms.iter().all(|m| m.published == day), "{ms:#?}");
        let own = chrono::NaiveDate::from_ymd_opt(2020, 3, 1);
        let ms = document_mentions(&ex, &doc(own));
        assert!(ms.iter().all(|m| m.published == own), "{ms:#?}");
    }

    /// Chunks of very different weights (on more than one core, lighter ones come back
    /// before a heavy one sent earlier), more of them than may be out at once: every
    /// document's result still reaches the sink once, in input order, and is what
    /// extracting it alone gives.
    #[test]
    fn chunks_done_out_of_order_are_handed_on_in_input_order() {
        let dir = std::env::temp_dir().join(format!("hasila-chunks-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("docs.jsonl");
        let figure = "قتل 3 مدنيين في قصف على مدينة إدلب. ";
        let filler = "وقال المتحدث إن الوضع ما زال متوترا. ";
        let mut seed = 9;
        let n = (IN_FLIGHT + 8) * CHUNK_DOCS;
        let mut src = String::new();
        for i in 0..n {
            // Every eleventh chunk is heavy, so lighter chunks after it come back first.
            let heavy = (i / CHUNK_DOCS) % 11 == 3;
            let pad = if heavy {
                40
            } else {
                (crate::xorshift(&mut seed) % 3) as usize
            };
            let text = format!("{}{}", figure.repeat(i % 4), filler.repeat(pad));
            src.push_str(&serde_json::json!({"id": format!("d{i}"), "text": text}).to_string());
            src.push('\n');
        }
        std::fs::write(&path, &src).unwrap();

        let lex = lexicon::builtin();
        let ex = Extractor::new(lex, crate::numbers::builtin_lenient());
        let (docs, errors) = input::read_jsonl("docs.jsonl", &src);
        assert!(errors.is_empty() && docs.len() == n);
        let want: Vec<(String, usize)> = docs
            .iter()
            .map(|d| (d.id.clone(), document_mentions(&ex, d).len()))
            .collect();

        let mut got = Vec::new();
        let mut chunks = 0;
        let mut err = Vec::new();
        let map = |ms: Vec<Mention>| (ms.first().map(|m| m.doc_id.clone()), ms.len());
        let summary = for_each_document(
            &[path],
            lex,
            &CsvColumns::default(),
            &mut err,
            &map,
            |chunk| {
                chunks += 1;
                got.extend(chunk);
                Ok(())
            },
        )
        .unwrap();
        assert!(chunks > IN_FLIGHT, "{chunks} chunks");
        assert_eq!(summary.documents, n);
        assert_eq!(got.len(), n);
        for ((id, count), (first, k)) in want.iter().zip(&got) {
            assert_eq!(count, k, "{id}");
            assert!(first.as_ref().is_none_or(|f| f == id), "{id} got {first:?}");
        }
        assert_eq!(summary.mentions, want.iter().map(|(_, k)| k).sum::<usize>());
        assert!(summary.mentions > n);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
