//! Writing mentions: JSON Lines or CSV, streamed, and files replaced atomically.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::extract::Mention;
use crate::lexicon::serde_name;

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
}

/// The CSV columns, in SPEC's order.
pub const CSV_HEADER: [&str; 22] = [
    "doc_id",
    "category",
    "count",
    "low",
    "high",
    "approx",
    "vague",
    "group",
    "scope",
    "cause",
    "weapon",
    "place",
    "admin1",
    "admin1_pcode",
    "pcode",
    "published",
    "event_date",
    "quote",
    "start",
    "end",
    "rule",
    "flags",
];

/// Writes the header of the chosen format, then mentions already [`encode`]d in it.
pub struct MentionWriter<W: Write> {
    out: W,
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// A mention as a CSV row, in [`CSV_HEADER`]'s order.
pub fn mention_row(m: &Mention) -> Vec<String> {
    vec![
        m.doc_id.clone(),
        serde_name(&m.category),
        opt(&m.count),
        opt(&m.low),
        opt(&m.high),
        m.approx.to_string(),
        m.vague.to_string(),
        serde_name(&m.group),
        serde_name(&m.scope),
        serde_name(&m.cause),
        opt(&m.weapon),
        opt(&m.place),
        opt(&m.admin1),
        opt(&m.admin1_pcode),
        opt(&m.pcode),
        opt(&m.published),
        opt(&m.event_date),
        m.quote.clone(),
        m.start.to_string(),
        m.end.to_string(),
        m.rule.clone(),
        m.flags.iter().map(serde_name).collect::<Vec<_>>().join(";"),
    ]
}

/// Mentions as the bytes `extract` writes for them: JSON Lines, or CSV rows without the
/// header. Independent of what came before, so documents can be encoded on every core.
pub fn encode(format: Format, ms: &[Mention]) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    match format {
        Format::Jsonl => {
            for m in ms {
                serde_json::to_writer(&mut out, m)?;
                out.push(b'\n');
            }
        }
        Format::Csv => {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut out);
            for m in ms {
                w.write_record(mention_row(m))?;
            }
            w.flush()?;
        }
    }
    Ok(out)
}

impl<W: Write> MentionWriter<W> {
    pub fn new(format: Format, mut out: W) -> io::Result<Self> {
        if format == Format::Csv {
            let mut head = Vec::new();
            let mut w = csv::Writer::from_writer(&mut head);
            w.write_record(CSV_HEADER)?;
            w.flush()?;
            drop(w);
            out.write_all(&head)?;
        }
        Ok(MentionWriter { out })
    }

    /// Write mentions [`encode`]d in this writer's format.
    pub fn write_encoded(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)
    }

    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

/// A file written under a temporary name beside its destination and renamed into place on
/// [`AtomicFile::commit`]; dropped without commit, it leaves the destination untouched.
///
/// A destination that exists and is not a regular file (`/dev/null`, a named pipe, a
/// terminal) is written to directly: renaming over it would replace the device or pipe
/// with a plain file.
pub struct AtomicFile {
    /// The temporary file, `None` when writing straight to a device or pipe.
    tmp: Option<PathBuf>,
    dest: PathBuf,
    file: Option<io::BufWriter<fs::File>>,
}

impl AtomicFile {
    pub fn create(dest: &Path) -> io::Result<AtomicFile> {
        // Large writes: fewer system calls, and fewer partly written pages for the file
        // system to zero.
        let buffered = |f| Some(io::BufWriter::with_capacity(1 << 20, f));
        if fs::metadata(dest).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            let file = fs::OpenOptions::new().write(true).open(dest)?;
            return Ok(AtomicFile {
                tmp: None,
                dest: dest.to_path_buf(),
                file: buffered(file),
            });
        }
        let dir = dest
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = dest.file_name().and_then(|n| n.to_str()).unwrap_or("out");
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let file = fs::File::create(&tmp)?;
        Ok(AtomicFile {
            tmp: Some(tmp),
            dest: dest.to_path_buf(),
            file: buffered(file),
        })
    }

    pub fn commit(mut self) -> io::Result<()> {
        let f = self.file.take().expect("not yet committed");
        let f = f.into_inner().map_err(|e| e.into_error())?;
        match &self.tmp {
            Some(tmp) => {
                f.sync_all()?;
                fs::rename(tmp, &self.dest)
            }
            None => Ok(()),
        }
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.as_mut().expect("open").write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.file.as_mut().expect("open").flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.is_some()
            && let Some(tmp) = &self.tmp
        {
            let _ = fs::remove_file(tmp);
        }
    }
}
