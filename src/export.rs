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

/// Writes mentions one by one in the chosen format.
pub struct MentionWriter<W: Write> {
    format: Format,
    csv: Option<csv::Writer<W>>,
    raw: Option<W>,
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

impl<W: Write> MentionWriter<W> {
    pub fn new(format: Format, out: W) -> io::Result<Self> {
        Ok(match format {
            Format::Jsonl => MentionWriter {
                format,
                csv: None,
                raw: Some(out),
            },
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(CSV_HEADER)?;
                MentionWriter {
                    format,
                    csv: Some(w),
                    raw: None,
                }
            }
        })
    }

    pub fn write(&mut self, m: &Mention) -> io::Result<()> {
        match self.format {
            Format::Jsonl => {
                let w = self.raw.as_mut().expect("jsonl writer");
                serde_json::to_writer(&mut *w, m)?;
                w.write_all(b"\n")
            }
            Format::Csv => {
                let rec = mention_row(m);
                self.csv.as_mut().expect("csv writer").write_record(&rec)?;
                Ok(())
            }
        }
    }

    pub fn finish(self) -> io::Result<W> {
        match (self.csv, self.raw) {
            (Some(c), _) => c.into_inner().map_err(|e| e.into_error()),
            (_, Some(mut w)) => {
                w.flush()?;
                Ok(w)
            }
            _ => unreachable!("one writer is always set"),
        }
    }
}

/// A file written under a temporary name beside its destination and renamed into place on
/// [`AtomicFile::commit`]; dropped without commit, it leaves the destination untouched.
pub struct AtomicFile {
    tmp: PathBuf,
    dest: PathBuf,
    file: Option<io::BufWriter<fs::File>>,
}

impl AtomicFile {
    pub fn create(dest: &Path) -> io::Result<AtomicFile> {
        let dir = dest
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = dest.file_name().and_then(|n| n.to_str()).unwrap_or("out");
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let file = fs::File::create(&tmp)?;
        Ok(AtomicFile {
            tmp,
            dest: dest.to_path_buf(),
            file: Some(io::BufWriter::new(file)),
        })
    }

    pub fn commit(mut self) -> io::Result<()> {
        let f = self.file.take().expect("not yet committed");
        f.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        fs::rename(&self.tmp, &self.dest)
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
        if self.file.is_some() {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}
