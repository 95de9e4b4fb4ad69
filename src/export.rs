//! Writing mentions: JSON Lines or CSV, streamed, and files replaced atomically.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::record::{FIELDS, Mention};
use crate::sink::{Sink, SinkError};

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
}

/// Writes the header of the chosen format, then mentions [`encode`]d in it: the sink of
/// `extract`.
pub struct MentionWriter<W: Write> {
    out: W,
    format: Format,
    /// The output's name, for errors.
    name: String,
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// A mention as a CSV row, in [`FIELDS`]'s order.
/// A CSV cell a spreadsheet would run as a formula — one that starts with `=`, `+`, `-`, `@`,
/// a tab or a carriage return — with a `'` put before it, as OWASP advises for CSV
/// injection; every other cell as it is. Every CSV file hasila writes passes through here.
pub fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// A row's cells through [`inert`], as the bytes a CSV writer takes.
pub fn inert_row<S: AsRef<str>>(row: &[S]) -> impl Iterator<Item = std::borrow::Cow<'_, [u8]>> {
    use std::borrow::Cow;
    row.iter().map(|c| match inert(c.as_ref()) {
        Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
        Cow::Owned(s) => Cow::Owned(s.into_bytes()),
    })
}

pub fn mention_row(m: &Mention) -> Vec<String> {
    vec![
        m.doc_id.clone(),
        m.category.name().to_string(),
        opt(&m.count),
        opt(&m.low),
        opt(&m.high),
        m.approx.to_string(),
        m.vague.to_string(),
        m.group.name().to_string(),
        m.scope.name().to_string(),
        m.cause.name().to_string(),
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
        m.flags
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(";"),
    ]
}

/// Mentions as the bytes `extract` writes for them: JSON Lines, or CSV rows without the
/// header. Independent of what came before, so documents can be encoded on every core.
pub fn encode(format: Format, ms: &[Mention]) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    match format {
        Format::Jsonl => {
            out.reserve(ms.len() * 512);
            for m in ms {
                json_line(m, &mut out);
            }
        }
        Format::Csv => {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut out);
            for m in ms {
                w.write_record(inert_row(&mention_row(m)))?;
            }
            w.flush()?;
        }
    }
    Ok(out)
}

/// A mention as one JSON line: the bytes `serde_json` writes for it (a test holds the two
/// together), written by hand because this runs for every mention of every article, where
/// serde's field-by-field calls cost 7% of extraction.
fn json_line(m: &Mention, out: &mut Vec<u8>) {
    // Each key with its comma, quotes and colon is one literal: copied at a length known
    // when compiling, with no call.
    macro_rules! key {
        ($k:literal) => {
            out.extend_from_slice(concat!(",\"", $k, "\":").as_bytes())
        };
    }
    macro_rules! name {
        ($k:literal, $v:expr) => {{
            key!($k);
            json_str(out, $v);
        }};
    }
    macro_rules! number {
        ($k:literal, $v:expr) => {{
            key!($k);
            match $v {
                Some(v) => out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes()),
                None => out.extend_from_slice(b"null"),
            }
        }};
    }
    macro_rules! text {
        ($k:literal, $v:expr) => {{
            key!($k);
            match $v {
                Some(v) => json_str(out, v),
                None => out.extend_from_slice(b"null"),
            }
        }};
    }
    macro_rules! date {
        ($k:literal, $v:expr) => {{
            key!($k);
            match $v {
                Some(d) => {
                    out.push(b'"');
                    iso_date(out, d);
                    out.push(b'"');
                }
                None => out.extend_from_slice(b"null"),
            }
        }};
    }
    macro_rules! flag {
        ($k:literal, $v:expr) => {{
            key!($k);
            out.extend_from_slice(if $v { b"true" } else { b"false" });
        }};
    }
    out.extend_from_slice(b"{\"doc_id\":");
    json_str(out, &m.doc_id);
    name!("category", m.category.name());
    number!("count", m.count);
    number!("low", m.low);
    number!("high", m.high);
    flag!("approx", m.approx);
    flag!("vague", m.vague);
    name!("group", m.group.name());
    name!("scope", m.scope.name());
    name!("cause", m.cause.name());
    text!("weapon", m.weapon.as_deref());
    text!("place", m.place.as_deref());
    text!("admin1", m.admin1.as_deref());
    text!("admin1_pcode", m.admin1_pcode.as_deref());
    text!("pcode", m.pcode.as_deref());
    date!("published", m.published);
    date!("event_date", m.event_date);
    text!("quote", Some(&m.quote));
    number!("start", Some(m.start));
    number!("end", Some(m.end));
    text!("rule", Some(&m.rule));
    key!("flags");
    out.push(b'[');
    for (i, f) in m.flags.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        json_str(out, f.name());
    }
    out.extend_from_slice(b"]}\n");
}

/// A date as its `Display` writes it (`YYYY-MM-DD` for years 0 to 9999), by hand for those.
fn iso_date(out: &mut Vec<u8>, d: NaiveDate) {
    let (y, m, day) = (d.year(), d.month(), d.day());
    if !(0..=9999).contains(&y) {
        out.extend_from_slice(d.to_string().as_bytes());
        return;
    }
    let y = y as u32;
    let digit = |v: u32| b'0' + (v % 10) as u8;
    out.extend_from_slice(&[
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ]);
}

/// A JSON string as `serde_json` writes it: `"` and `\\` escaped, control characters as
/// `\n`-style or `\u00xx` escapes, everything else (Arabic included) as it is.
fn json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let b = s.as_bytes();
    // Nearly every string needs no escape: test all its bytes at once (without an early
    // exit, so the test runs on vectors) and copy it whole.
    let plain = !b.iter().fold(false, |any, &x| {
        any | (x < 0x20) | (x == b'"') | (x == b'\\')
    });
    if plain {
        out.extend_from_slice(b);
        out.push(b'"');
        return;
    }
    let mut copied = 0;
    for (k, &x) in b.iter().enumerate() {
        let short = match x {
            b'"' => b'"',
            b'\\' => b'\\',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            0x08 => b'b',
            0x0C => b'f',
            0..0x20 => 0,
            _ => continue,
        };
        out.extend_from_slice(&b[copied..k]);
        copied = k + 1;
        if short == 0 {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(x >> 4)]);
            out.push(HEX[usize::from(x & 0xF)]);
        } else {
            out.extend_from_slice(&[b'\\', short]);
        }
    }
    out.extend_from_slice(&b[copied..]);
    out.push(b'"');
}

impl<W: Write> MentionWriter<W> {
    /// A writer of `format` to `out`, called `name` in errors.
    pub fn new(format: Format, mut out: W, name: &str) -> io::Result<Self> {
        if format == Format::Csv {
            let mut head = Vec::new();
            let mut w = csv::Writer::from_writer(&mut head);
            w.write_record(FIELDS)?;
            w.flush()?;
            drop(w);
            out.write_all(&head)?;
        }
        Ok(MentionWriter {
            out,
            format,
            name: name.to_string(),
        })
    }

    /// Write mentions [`encode`]d in this writer's format, piece after piece, handing the
    /// pieces to the writer together (`writev`) rather than one at a time.
    pub fn write_encoded_all(&mut self, parts: &[Vec<u8>]) -> io::Result<()> {
        // The system's limit on the pieces of one `writev` is 1024 on Linux.
        for chunk in parts.chunks(1024) {
            let mut slices: Vec<io::IoSlice> = chunk
                .iter()
                .filter(|p| !p.is_empty())
                .map(|p| io::IoSlice::new(p))
                .collect();
            write_all_vectored(&mut self.out, &mut slices)?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

impl<W: Write> Sink for MentionWriter<W> {
    type Piece = io::Result<Vec<u8>>;
    type Settings = Format;

    fn settings(&self) -> Format {
        self.format
    }

    fn prepare(format: Format, mentions: Vec<Mention>) -> Self::Piece {
        encode(format, &mentions)
    }

    fn take(&mut self, pieces: Vec<Self::Piece>) -> Result<(), SinkError> {
        pieces
            .into_iter()
            .collect::<io::Result<Vec<_>>>()
            .and_then(|p| self.write_encoded_all(&p))
            .map_err(|e| SinkError::new(self.name.clone(), e))
    }
}

/// `Write::write_all_vectored`, which is not stable yet: every byte of `slices` written, in
/// as few calls as the writer takes.
fn write_all_vectored(w: &mut impl Write, mut slices: &mut [io::IoSlice<'_>]) -> io::Result<()> {
    while !slices.is_empty() {
        match w.write_vectored(slices) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => io::IoSlice::advance_slices(&mut slices, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// A new file beside `dest`'s name in `dir`, created exclusively (never an existing file, nor
/// through a link planted at its name), under a name no other run or process is using.
fn create_exclusive(dir: &Path, name: &str) -> io::Result<(PathBuf, fs::File)> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    loop {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.{}.{nanos:x}{n}.tmp", std::process::id()));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => continue,
            Err(e) => return Err(e),
        }
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
    /// Bytes handed to `write` so far, and how many of them the disk has been asked to
    /// write back (see [`AtomicFile::write_back`]).
    written: u64,
    written_back: u64,
}

/// How often the temporary file's new pages are sent to the disk while it is written. The
/// commit must `fsync` (a crash after the rename must not leave a half-file), and left to
/// then, the whole file is written back at once: 50–65 ms for the 160 MB the 200 MB bench
/// corpus gives, with the cores idle. Started as it grows, that writing overlaps the
/// extraction, and the final `fsync` waits only for the last pages.
const WRITE_BACK_EVERY: u64 = 8 << 20;

/// Pieces of this many bytes together are written to the file directly, not through its
/// buffer (see [`AtomicFile::write_vectored`]).
const DIRECT_WRITE: usize = 64 << 10;

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
                written: 0,
                written_back: 0,
            });
        }
        let dir = dest
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = dest.file_name().and_then(|n| n.to_str()).unwrap_or("out");
        let (tmp, file) = create_exclusive(dir, name)?;
        // The file replaced keeps its permissions.
        if let Some(m) = fs::metadata(dest).ok().filter(|m| m.is_file()) {
            file.set_permissions(m.permissions())?;
        }
        Ok(AtomicFile {
            tmp: Some(tmp),
            dest: dest.to_path_buf(),
            file: buffered(file),
            written: 0,
            written_back: 0,
        })
    }

    /// Ask the disk to start writing the temporary file's pages that are in the kernel and
    /// not yet asked for, once [`WRITE_BACK_EVERY`] bytes have gathered; do not wait for it.
    /// Only for the temporary file (a device or pipe has nothing to write back), and only
    /// on Linux, which has `sync_file_range`; elsewhere the commit's `fsync` does it all.
    fn write_back(&mut self) {
        if self.tmp.is_none() || self.written - self.written_back < WRITE_BACK_EVERY {
            return;
        }
        let Some(w) = &self.file else { return };
        // What the buffer still holds has not reached the kernel yet.
        let upto = self.written - w.buffer().len() as u64;
        #[cfg(target_os = "linux")]
        {
            use std::os::fd::AsRawFd;
            let (from, len) = (self.written_back, upto.saturating_sub(self.written_back));
            if let (Ok(from), Ok(len)) = (i64::try_from(from), i64::try_from(len)) {
                // SAFETY: a plain system call on a file descriptor `w` owns and keeps open;
                // no memory is passed. It only starts the write-back: a failure here
                // changes nothing, as the commit's `fsync` writes and reports everything.
                let _ = unsafe {
                    libc::sync_file_range(
                        w.get_ref().as_raw_fd(),
                        from,
                        len,
                        libc::SYNC_FILE_RANGE_WRITE,
                    )
                };
            }
        }
        self.written_back = upto;
    }

    /// Count `n` bytes more handed to the file, and start their write-back when due.
    fn counted(&mut self, n: usize) -> usize {
        self.written += n as u64;
        self.write_back();
        n
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
        let n = self.file.as_mut().expect("open").write(buf)?;
        Ok(self.counted(n))
    }
    /// Many pieces at once (a chunk of documents' mentions) go to the file in one system
    /// call, after what the buffer holds; copied into the buffer, they would be copied once
    /// more. A few small pieces are buffered as ever.
    fn write_vectored(&mut self, bufs: &[io::IoSlice<'_>]) -> io::Result<usize> {
        let w = self.file.as_mut().expect("open");
        let total: usize = bufs.iter().map(|b| b.len()).sum();
        let n = if total >= DIRECT_WRITE {
            w.flush()?;
            w.get_mut().write_vectored(bufs)?
        } else {
            w.write_vectored(bufs)?
        };
        Ok(self.counted(n))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A cell a spreadsheet would run gets a `'` before it; the others stay as they are.
    #[test]
    fn formula_cells_are_made_inert() {
        for (cell, safe) in [
            ("=1+1", "'=1+1"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("مقتل 5", "مقتل 5"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(inert(cell), safe);
        }
        let mut m = crate::aggregate::tests::m(
            "=cmd",
            crate::record::Category::Killed,
            Some(1),
            crate::record::Group::Civilian,
            "2020-02-06",
            "SY0700",
        );
        m.quote = "-2+3".into();
        let csv = String::from_utf8(encode(Format::Csv, &[m]).unwrap()).unwrap();
        assert!(csv.starts_with("'=cmd,"), "{csv}");
        assert!(csv.contains(",'-2+3,"), "{csv}");
    }
    use crate::record::Flag;

    /// Pieces handed over together are written whole and in order: through a writer that
    /// takes a few bytes at a time, and through an [`AtomicFile`], both below and above
    /// [`DIRECT_WRITE`], after bytes still in its buffer.
    #[test]
    fn pieces_written_together_arrive_whole_and_in_order() {
        struct Trickle(Vec<u8>);
        impl Write for Trickle {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                let n = buf.len().min(7);
                self.0.extend_from_slice(&buf[..n]);
                Ok(n)
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut seed = 3;
        let parts: Vec<Vec<u8>> = (0..3000)
            .map(|i| {
                let n = (crate::xorshift(&mut seed) % 90) as usize * usize::from(i % 5 != 0);
                (0..n).map(|k| b'a' + ((i + k) % 26) as u8).collect()
            })
            .collect();
        let want: Vec<u8> = parts.concat();
        let mut w = MentionWriter::new(Format::Jsonl, Trickle(Vec::new()), "trickle").unwrap();
        w.write_encoded_all(&parts).unwrap();
        assert_eq!(w.finish().unwrap().0, want);

        let dir = std::env::temp_dir().join(format!("hasila-pieces-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let dest = dir.join("out.jsonl");
        let mut w = MentionWriter::new(
            Format::Jsonl,
            AtomicFile::create(&dest).unwrap(),
            "out.jsonl",
        )
        .unwrap();
        w.write_encoded_all(&[b"head\n".to_vec()]).unwrap();
        w.write_encoded_all(&parts[..3]).unwrap();
        w.write_encoded_all(&parts).unwrap();
        assert!(want.len() > DIRECT_WRITE);
        w.finish().unwrap().commit().unwrap();
        let got = fs::read(&dest).unwrap();
        assert_eq!(
            got,
            [b"head\n".as_slice(), &parts[..3].concat(), &want].concat()
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    /// A file larger than [`WRITE_BACK_EVERY`], written in odd-sized pieces, is committed
    /// whole and byte for byte; the write-back was asked for up to what reached the kernel.
    #[test]
    fn a_large_file_written_back_as_it_grows_commits_whole() {
        let dir = std::env::temp_dir().join(format!("hasila-atomic-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let dest = dir.join("big.jsonl");
        let mut want = Vec::new();
        let mut f = AtomicFile::create(&dest).unwrap();
        let mut seed = 7;
        while want.len() < 3 * WRITE_BACK_EVERY as usize {
            let n = (crate::xorshift(&mut seed) % 100_000) as usize + 1;
            let piece: Vec<u8> = (0..n).map(|k| b'a' + (k % 26) as u8).collect();
            f.write_all(&piece).unwrap();
            want.extend_from_slice(&piece);
        }
        assert_eq!(f.written, want.len() as u64);
        assert!(f.written_back >= 2 * WRITE_BACK_EVERY && f.written_back <= f.written);
        assert!(
            !dest.exists(),
            "nothing at the destination before the commit"
        );
        f.commit().unwrap();
        assert!(fs::read(&dest).unwrap() == want);
        fs::remove_dir_all(&dir).unwrap();
    }

    /// The hand-written JSON line is what serde writes, for every mention of the fixtures
    /// and for strings with every kind of character that JSON escapes.
    #[test]
    fn json_lines_are_what_serde_writes() {
        let ex = crate::extract::Extractor::new(
            crate::lexicon::builtin(),
            crate::numbers::builtin_lenient(),
        );
        let mut ms = Vec::new();
        for t in crate::fixture_texts(&["fixtures/gold/dev.jsonl"]) {
            ms.extend(ex.extract("d", &t, None));
        }
        assert!(ms.len() > 50);
        let mut odd = ms[0].clone();
        odd.doc_id = "a\"b\\c\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f} é ش 🙂".into();
        odd.quote = "\"\"".into();
        odd.place = None;
        odd.count = None;
        odd.flags = vec![Flag::Headline, Flag::SumMismatch];
        ms.push(odd);
        for m in &ms {
            let mut want = serde_json::to_vec(m).unwrap();
            want.push(b'\n');
            let mut got = Vec::new();
            json_line(m, &mut got);
            assert_eq!(
                String::from_utf8(got).unwrap(),
                String::from_utf8(want).unwrap()
            );
        }
    }
}
