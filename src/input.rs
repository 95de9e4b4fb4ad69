//! Reading articles: files, folders, JSON Lines, CSV, HTML, standard input → [`Document`].
//!
//! Knows nothing of Arabic. Every input that cannot be read becomes an [`InputError`]
//! naming it and saying why; the caller reports it and goes on with the rest.

use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// One article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    /// The body; the first line of a `.txt` file is its headline.
    pub text: String,
    /// A separate title field (JSONL, CSV), read as a headline.
    pub title: Option<String>,
    /// The publication date the input gives (JSONL/CSV `date`), if any.
    pub date: Option<NaiveDate>,
}

/// An input, or one record of it, that could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{source_name}: {reason}")]
pub struct InputError {
    /// The path (and line or row) that failed.
    pub source_name: String,
    pub reason: String,
    /// Skipped on purpose (binary, empty) rather than failed.
    pub skipped: bool,
}

fn fail(source_name: impl Into<String>, reason: impl Into<String>) -> InputError {
    InputError {
        source_name: source_name.into(),
        reason: reason.into(),
        skipped: false,
    }
}

fn skip(source_name: impl Into<String>, reason: impl Into<String>) -> InputError {
    InputError {
        skipped: true,
        ..fail(source_name, reason)
    }
}

/// A line of mentions, or of text for `numbers`, longer than this is refused: no mention
/// or line of an article comes near it, and an input with no line end (`/dev/zero`) must
/// not grow until memory runs out.
pub const MAX_LINE_BYTES: usize = 64 << 20;

/// Articles larger than this are refused: no single news article comes near it, and the
/// engine's offsets are 32-bit.
pub const MAX_DOCUMENT_BYTES: usize = 512 << 20;

/// Column names for CSV input.
#[derive(Debug, Clone)]
pub struct CsvColumns {
    pub id: String,
    pub text: String,
    pub date: String,
}

impl Default for CsvColumns {
    fn default() -> Self {
        CsvColumns {
            id: "id".into(),
            text: "text".into(),
            date: "date".into(),
        }
    }
}

/// Expand the inputs into the files to read, in a stable order: folders recursively,
/// sorted by path; `-` kept as is. A file or folder reached twice — given twice, or through
/// links, a link loop included — is read once (known by its device and inode). In a folder,
/// a link is followed only when it leads to somewhere inside the folder given, and pipes,
/// sockets and devices are skipped with a message; an input named on the command line is
/// read whatever it is (`<(zcat a.jsonl.gz)` is a pipe). The walk keeps its own stack and
/// looks at each entry once, so no depth of folders can exhaust the thread's or cost more
/// than the entries it holds.
pub fn expand(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for top in inputs {
        if top.as_os_str() == "-" {
            files.push(top.clone());
            continue;
        }
        let named = |p: &Path| p.display().to_string();
        let meta = match fs::metadata(top) {
            Ok(m) => m,
            Err(e) => {
                errors.push(fail(named(top), e.to_string()));
                continue;
            }
        };
        if !meta.is_dir() {
            if seen.insert(file_key(top, &meta)) {
                files.push(top.clone());
            }
            continue;
        }
        let root = match fs::canonicalize(top) {
            Ok(r) => r,
            Err(e) => {
                errors.push(fail(named(top), e.to_string()));
                continue;
            }
        };
        // Entries still to look at: a folder to read, or a file to take.
        let mut stack = vec![(top.clone(), meta)];
        while let Some((p, meta)) = stack.pop() {
            if !seen.insert(file_key(&p, &meta)) {
                continue;
            }
            if !meta.is_dir() {
                files.push(p);
                continue;
            }
            let mut entries: Vec<fs::DirEntry> = match fs::read_dir(&p) {
                Ok(rd) => rd.filter_map(Result::ok).collect(),
                Err(e) => {
                    errors.push(fail(named(&p), e.to_string()));
                    continue;
                }
            };
            entries.sort_by_key(fs::DirEntry::path);
            // Reversed onto the stack so they come off in path order.
            for e in entries.into_iter().rev() {
                let path = e.path();
                let name = e.file_name();
                if name.to_str().is_none_or(|n| n.starts_with('.')) {
                    continue;
                }
                let Ok(kind) = e.file_type() else { continue };
                let meta = if kind.is_symlink() {
                    match fs::canonicalize(&path) {
                        Ok(target) if target.starts_with(&root) => fs::metadata(&path),
                        Ok(_) => {
                            if is_article_file(&path) || path.is_dir() {
                                errors.push(skip(
                                    named(&path),
                                    "a link out of the folder given, not followed",
                                ));
                            }
                            continue;
                        }
                        Err(e) => Err(e),
                    }
                } else {
                    e.metadata()
                };
                match meta {
                    Ok(m) if m.is_dir() => stack.push((path, m)),
                    Ok(_) if !is_article_file(&path) => {}
                    Ok(m) if m.is_file() => stack.push((path, m)),
                    Ok(_) => errors.push(skip(
                        named(&path),
                        "not a regular file (a pipe, socket or device), skipped",
                    )),
                    Err(err) => errors.push(fail(named(&path), err.to_string())),
                }
            }
        }
    }
    (files, errors)
}

/// What tells one file or folder from another, whatever the path to it: its device and
/// inode (elsewhere than Unix, its canonical path).
#[cfg(unix)]
fn file_key(_: &Path, meta: &fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn file_key(p: &Path, _: &fs::Metadata) -> PathBuf {
    fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Files a folder walk picks up.
fn is_article_file(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "md" | "jsonl" | "csv" | "html" | "htm")
    )
}

/// Is this binary data rather than text? NUL bytes or many control characters in the
/// first 8 KiB, as ripgrep and git judge it.
fn binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    head.contains(&0) || controls * 10 > head.len().max(1)
}

/// Bytes → text. A BOM decides (UTF-8, UTF-16LE/BE); else UTF-8 when valid; else the
/// legacy Arabic code pages (Windows-1256, ISO-8859-6) as chardetng guesses them.
/// Anything else is an error naming the input.
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, InputError> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(fail(name, format!("invalid {} text", enc.name())));
        }
        return Ok(text.into_owned());
    }
    if binary(bytes) {
        return Err(skip(name, "binary file, skipped"));
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok(t.to_string()),
        Err(utf8) => {
            let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            det.feed(bytes, true);
            let guess = det.guess(None, chardetng::Utf8Detection::Deny);
            let arabic = [encoding_rs::WINDOWS_1256, encoding_rs::ISO_8859_6];
            let enc = if arabic.contains(&guess) {
                guess
            } else {
                encoding_rs::WINDOWS_1256
            };
            let (text, had_errors) = enc.decode_without_bom_handling(bytes);
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            let arabic_letters = text
                .chars()
                .filter(|&c| crate::normalize::is_arabic_letter(c))
                .count();
            if had_errors || arabic_letters * 2 < letters {
                return Err(fail(
                    name,
                    format!(
                        "not UTF-8 (invalid byte at offset {}) and not Arabic in a known code page (looks like {})",
                        utf8.valid_up_to(),
                        guess.name()
                    ),
                ));
            }
            Ok(text.into_owned())
        }
    }
}

/// Read one input (a file or `-`), handing each document, or each error naming the input
/// and why, to `sink` as it is read. JSON Lines are streamed line by line, so an archive
/// of any size is read in bounded memory.
pub fn read_input(
    path: &Path,
    cols: &CsvColumns,
    sink: &mut dyn FnMut(Result<Document, InputError>),
) {
    let name = path.display().to_string();
    let stdin = path.as_os_str() == "-";
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let reader: Box<dyn Read> = if stdin {
        Box::new(io::stdin().lock())
    } else {
        match fs::File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => return sink(Err(fail(&name, e.to_string()))),
        }
    };
    let mut reader = io::BufReader::with_capacity(1 << 16, reader);
    let head = match reader.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => return sink(Err(fail(&name, e.to_string()))),
    };
    let jsonl = ext.as_deref() == Some("jsonl")
        || (stdin && head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'));
    if jsonl && streams_as_utf8(&head) {
        return stream_jsonl(&name, Lines::new(reader, MAX_DOCUMENT_BYTES), sink);
    }
    let mut bytes = Vec::new();
    if let Err(e) = reader
        .take(MAX_DOCUMENT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
    {
        return sink(Err(fail(&name, e.to_string())));
    }
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return sink(Err(fail(
            &name,
            format!("larger than {} MiB, skipped", MAX_DOCUMENT_BYTES >> 20),
        )));
    }
    let text = match decode(&name, &bytes) {
        Ok(t) => t,
        Err(e) => return sink(Err(e)),
    };
    if text.trim().is_empty() {
        return sink(Err(skip(&name, "empty file, skipped")));
    }
    let (docs, errors) = match ext.as_deref() {
        Some("jsonl") => read_jsonl(&name, &text),
        Some("csv") => read_csv(&name, &text, cols),
        Some("html" | "htm") => (vec![plain(&name, strip_html(&text))], vec![]),
        _ if stdin && looks_like_jsonl(&text) => read_jsonl(&name, &text),
        _ => (vec![plain(&name, text)], vec![]),
    };
    for d in docs {
        sink(Ok(d));
    }
    for e in errors {
        sink(Err(e));
    }
}

/// Can JSON Lines that start with `head` be read line by line as UTF-8 (with Windows-1256
/// lines decoded one by one)? Not UTF-16, nor binary: those take the whole-file path, which
/// decodes or names them. A file that opens with a JSON object is read line by line even
/// with NUL or control bytes in its head: a bad line is named and the good ones are read.
fn streams_as_utf8(head: &[u8]) -> bool {
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    let opens_json = head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    !utf16 && (opens_json || !binary(head))
}

/// The lines of an input, each with its newline, lent from one buffer the input is read
/// into in large chunks: a line is copied once, from the kernel, and never again (a line
/// longer than the buffer grows it, up to `cap` bytes; a longer one is an `InvalidData`
/// error saying so). A file truncated while it is read ends early, as a read gives what is
/// there; nothing is mapped. JSON Lines documents, `--mentions` and `numbers` are read so.
pub struct Lines<R> {
    reader: R,
    cap: usize,
    buf: Vec<u8>,
    /// The unread bytes are `buf[start..end]`.
    start: usize,
    end: usize,
    eof: bool,
}

/// The size of the chunks a JSON Lines input is read in.
const CHUNK: usize = 1 << 20;

impl<R: Read> Lines<R> {
    pub fn new(reader: R, cap: usize) -> Self {
        Lines {
            reader,
            cap,
            buf: vec![0; CHUNK.min(cap)],
            start: 0,
            end: 0,
            eof: false,
        }
    }

    pub fn next_line(&mut self) -> io::Result<Option<&[u8]>> {
        loop {
            let unread = &self.buf[self.start..self.end];
            if let Some(i) = memchr::memchr(b'\n', unread) {
                let a = self.start;
                self.start += i + 1;
                return Ok(Some(&self.buf[a..self.start]));
            }
            if self.eof {
                let a = self.start;
                self.start = self.end;
                return Ok((a < self.end).then(|| &self.buf[a..self.end]));
            }
            // The line goes on past what was read: keep it at the front, read more.
            self.buf.copy_within(self.start..self.end, 0);
            (self.end, self.start) = (self.end - self.start, 0);
            if self.end == self.buf.len() {
                if self.buf.len() >= self.cap {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("a line longer than {} MiB", self.cap >> 20),
                    ));
                }
                let grown = (self.buf.len() * 2).min(self.cap);
                self.buf.resize(grown, 0);
            }
            match self.reader.read(&mut self.buf[self.end..]) {
                Ok(0) => self.eof = true,
                Ok(n) => self.end += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
}

/// JSON Lines, one line at a time. A line that is not UTF-8 is read as Windows-1256 when
/// it decodes cleanly to Arabic, else reported with its number.
fn stream_jsonl<R: Read>(
    name: &str,
    mut lines: Lines<R>,
    sink: &mut dyn FnMut(Result<Document, InputError>),
) {
    let mut n = 0;
    let mut any = false;
    loop {
        let line = match lines.next_line() {
            Ok(None) => break,
            Ok(Some(line)) => line,
            Err(e) => {
                let why = format!("{e}; the rest of it is not read");
                return sink(Err(fail(format!("{name} line {}", n + 1), why)));
            }
        };
        n += 1;
        let line = if n == 1 {
            line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line)
        } else {
            line
        };
        // simdutf8: the same answer as `std::str::from_utf8`, several times faster on
        // Arabic text, and this reads every byte of the corpus on the reading thread.
        let text = match simdutf8::basic::from_utf8(line) {
            Ok(t) => std::borrow::Cow::Borrowed(t),
            Err(_) => match decode(&format!("{name} line {n}"), line) {
                Ok(t) => std::borrow::Cow::Owned(t),
                Err(e) => {
                    sink(Err(e));
                    continue;
                }
            },
        };
        if text.trim().is_empty() {
            continue;
        }
        any = true;
        sink(jsonl_record(name, n, &text));
    }
    if !any && n == 0 {
        sink(Err(skip(name, "empty file, skipped")));
    } else if !any {
        sink(Err(skip(name, "no records, skipped")));
    }
}

fn plain(name: &str, text: String) -> Document {
    Document {
        id: name.to_string(),
        text,
        title: None,
        date: None,
    }
}

fn looks_like_jsonl(text: &str) -> bool {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| l.trim_start().starts_with('{'))
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok()
}

/// One article per line: `{"id", "text", "date"?, "title"?}`.
pub fn read_jsonl(name: &str, text: &str) -> (Vec<Document>, Vec<InputError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match jsonl_record(name, i + 1, line) {
            Ok(d) => docs.push(d),
            Err(e) => errors.push(e),
        }
    }
    (docs, errors)
}

/// The fields of a JSON Lines record that hasila reads; any others are skipped unread.
/// Each is taken as any JSON value, so an odd type is told apart from a missing field.
/// The text and title are kept as written (borrowed from the line) and unescaped by
/// [`json_string`]: serde_json would unescape them into a scratch buffer grown from empty
/// for every line, then copy them out of it.
#[derive(serde::Deserialize)]
struct Record<'a> {
    id: Option<serde_json::Value>,
    #[serde(borrow)]
    text: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow)]
    title: Option<&'a serde_json::value::RawValue>,
    date: Option<serde_json::Value>,
}

/// The same fields, every one read by serde_json: for the rare string [`json_string`]
/// leaves to it, so that its reading (or its error, with the column in the line) is
/// serde_json's own.
#[derive(serde::Deserialize)]
struct ValueRecord {
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
    title: Option<serde_json::Value>,
    date: Option<serde_json::Value>,
}

/// One JSON Lines record, line `n` of `name`.
fn jsonl_record(name: &str, n: usize, line: &str) -> Result<Document, InputError> {
    let at = || format!("{name} line {n}");
    let r: Record = serde_json::from_str(line).map_err(|e| fail(at(), format!("not JSON: {e}")))?;
    let string = |raw: Option<&serde_json::value::RawValue>| match raw {
        Some(v) if v.get().starts_with('"') => json_string(v.get()).map(Some),
        _ => Some(None),
    };
    let (Some(text), Some(title)) = (string(r.text), string(r.title)) else {
        return jsonl_record_values(name, n, line);
    };
    document(name, n, r.id, text, title, r.date.as_ref())
}

/// [`jsonl_record`] with every field read by serde_json.
#[cold]
fn jsonl_record_values(name: &str, n: usize, line: &str) -> Result<Document, InputError> {
    use serde_json::Value;
    let at = || format!("{name} line {n}");
    let r: ValueRecord =
        serde_json::from_str(line).map_err(|e| fail(at(), format!("not JSON: {e}")))?;
    let string = |v: Option<Value>| match v {
        Some(Value::String(s)) => Some(s),
        _ => None,
    };
    document(
        name,
        n,
        r.id,
        string(r.text),
        string(r.title),
        r.date.as_ref(),
    )
}

/// A record's document, from its fields read: `text` and `title` when they are strings.
fn document(
    name: &str,
    n: usize,
    id: Option<serde_json::Value>,
    text: Option<String>,
    title: Option<String>,
    date: Option<&serde_json::Value>,
) -> Result<Document, InputError> {
    use serde_json::Value;
    let at = || format!("{name} line {n}");
    let Some(text) = text else {
        return Err(fail(at(), "no \"text\" string"));
    };
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(fail(at(), "text larger than the article limit, skipped"));
    }
    let id = match id {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        _ => format!("{name}:{n}"),
    };
    Ok(Document {
        id,
        text,
        title: title.filter(|t| !t.trim().is_empty()),
        date: date.and_then(Value::as_str).and_then(parse_date),
    })
}

/// The value of the JSON string literal `raw` (its quotes included), already checked by
/// serde_json, unescaped in one pass into a string of its size. `None` for a `\u` escape of
/// a UTF-16 surrogate (a pair, or a lone one), left to serde_json.
fn json_string(raw: &str) -> Option<String> {
    let body = raw.strip_prefix('"')?.strip_suffix('"')?;
    let b = body.as_bytes();
    let mut out = String::with_capacity(body.len());
    let mut at = 0;
    while let Some(k) = memchr::memchr(b'\\', &b[at..]) {
        // A backslash is ASCII: the text before it ends on a char boundary.
        out.push_str(&body[at..at + k]);
        let e = at + k + 1;
        let c = match *b.get(e)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hex = body.get(e + 1..e + 5)?;
                if !hex.bytes().all(|x| x.is_ascii_hexdigit()) {
                    return None;
                }
                at = e + 5;
                let code = u32::from_str_radix(hex, 16).ok()?;
                // `from_u32` is `None` for surrogates.
                out.push(char::from_u32(code)?);
                continue;
            }
            _ => return None,
        };
        out.push(c);
        at = e + 1;
    }
    out.push_str(&body[at..]);
    Some(out)
}

/// A header row and one article per row.
pub fn read_csv(name: &str, text: &str, cols: &CsvColumns) -> (Vec<Document>, Vec<InputError>) {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return (
                vec![],
                vec![fail(name, format!("unreadable CSV header: {e}"))],
            );
        }
    };
    let find = |c: &str| headers.iter().position(|h| h.trim() == c);
    let Some(text_col) = find(&cols.text) else {
        return (
            vec![],
            vec![fail(
                name,
                format!(
                    "no column {:?} (columns: {})",
                    cols.text,
                    headers.iter().collect::<Vec<_>>().join(", ")
                ),
            )],
        );
    };
    let (id_col, date_col) = (find(&cols.id), find(&cols.date));
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let row = i + 2;
        match rec {
            Ok(r) => {
                let Some(body) = r.get(text_col) else {
                    errors.push(fail(format!("{name} row {row}"), "row has no text column"));
                    continue;
                };
                docs.push(Document {
                    id: id_col
                        .and_then(|c| r.get(c))
                        .map_or_else(|| format!("{name}:{row}"), str::to_string),
                    text: body.to_string(),
                    title: None,
                    date: date_col.and_then(|c| r.get(c)).and_then(parse_date),
                });
            }
            Err(e) => errors.push(fail(
                format!("{name} row {row}"),
                format!("broken CSV: {e}"),
            )),
        }
    }
    if docs.is_empty() && errors.is_empty() {
        errors.push(skip(name, "no rows, skipped"));
    }
    (docs, errors)
}

/// Text of an HTML page: scripts, styles and tags removed, block ends as newlines, the
/// common entities decoded.
pub fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while i < html.len() {
        let rest = &lower[i..];
        if rest.starts_with("<script") || rest.starts_with("<style") {
            let close = if rest.starts_with("<script") {
                "</script>"
            } else {
                "</style>"
            };
            i = match rest.find(close) {
                Some(e) => i + e + close.len(),
                None => html.len(),
            };
            continue;
        }
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(html.len(), |e| i + e + 1);
            let tag = &lower[i..end];
            if [
                "<br", "<p", "</p", "<div", "</div", "<h", "</h", "<li", "<tr", "<title", "</title",
            ]
            .iter()
            .any(|t| tag.starts_with(t))
            {
                out.push('\n');
            }
            i = end;
            continue;
        }
        let ch = html[i..].chars().next().expect("char boundary");
        out.push(ch);
        i += ch.len_utf8();
    }
    out.replace("&nbsp;", " ")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A JSON Lines file several chunks long, with a line longer than a chunk, reads as the
    /// same bytes handed over a few at a time do: every record, every bad line named, none
    /// cut at a chunk's end.
    #[test]
    fn a_file_read_in_chunks_reads_as_a_trickle_does() {
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(out.len()).min(4093);
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let dir = std::env::temp_dir().join(format!("hasila-input-chunks-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.jsonl");
        let mut body = String::from("\u{FEFF}");
        for k in 0..30_000 {
            if k % 7_000 == 3 {
                body.push_str("not json\n");
            }
            let text = if k == 12_345 {
                "قتل مدني في قصف. ".repeat(100_000)
            } else {
                "قتل مدني في قصف. ".repeat(1 + k % 40)
            };
            body.push_str(&format!("{{\"id\": \"d{k}\", \"text\": \"{text}\"}}\n"));
        }
        assert!(body.len() > 3 * CHUNK);
        fs::write(&path, &body).unwrap();
        let read = |whole: bool| {
            let mut got = Vec::new();
            let mut sink = |r: Result<Document, InputError>| {
                got.push(r.map(|d| (d.id, d.text)).map_err(|e| e.source_name))
            };
            if whole {
                read_input(&path, &CsvColumns::default(), &mut sink);
            } else {
                stream_jsonl(
                    "big.jsonl",
                    Lines::new(Trickle(body.as_bytes()), MAX_DOCUMENT_BYTES),
                    &mut sink,
                );
            }
            got
        };
        let (file, trickled) = (read(true), read(false));
        assert_eq!(file.len(), 30_000 + 5);
        assert_eq!(file.iter().filter(|r| r.is_err()).count(), 5);
        assert_eq!(
            file[29_999 + 5],
            Ok(("d29999".into(), "قتل مدني في قصف. ".repeat(40)))
        );
        let same = file.iter().zip(&trickled).all(|(a, b)| match (a, b) {
            (Ok(x), Ok(y)) => x == y,
            (Err(x), Err(y)) => x.ends_with(y.rsplit(' ').next().unwrap()),
            _ => false,
        });
        assert!(same && file.len() == trickled.len());
        fs::remove_dir_all(&dir).unwrap();
    }

    /// Text and title unescaped by `json_string` read as serde_json reads them, and a
    /// line it leaves to serde_json (a surrogate escape) gives serde_json's reading or error.
    #[test]
    fn records_read_as_serde_json_reads_them() {
        let lines = [
            r#"{"id": "a", "text": "قتل\n\"خمسة\"\t\\ \/ \b\f\r"}"#,
            r#"{"id": 1, "text": "\u0645\u0642\u062A\u0644 3", "title": "\u00e9t\u00C9"}"#,
            r#"{"text": "\ud83d\ude00 emoji", "title": " "}"#,
            r#"{"text": "lone \ud83d here"}"#,
            r#"{"text": "lone \ude00 low"}"#,
            r#"{"text": 5, "title": "t"}"#,
            r#"{"text": null}"#,
            r#"{"text": "x", "title": 7, "date": "2024-01-02T10:00"}"#,
            r#"{"text": "bad \q escape"}"#,
            r#"{"text": "\u12"}"#,
            r#"{"text": "a", "text": "b"}"#,
            r#"{"text": ""}"#,
        ];
        for line in lines {
            assert_eq!(
                jsonl_record("f", 3, line),
                jsonl_record_values("f", 3, line),
                "{line}"
            );
        }
        assert_eq!(
            jsonl_record("f", 1, lines[2]).unwrap().text,
            "\u{1F600} emoji"
        );
        assert!(jsonl_record("f", 1, lines[3]).is_err());
        // Random strings of letters, escapes and controls, written by serde_json.
        let mut seed = 11;
        let alphabet = [
            'م', 'ق', 'ت', 'ل', ' ', '\n', '"', '\\', '/', '\t', '\u{1}', 'é', '😀', '\u{7f}', 'x',
        ];
        for _ in 0..2000 {
            let n = (crate::xorshift(&mut seed) % 40) as usize;
            let text: String = (0..n)
                .map(|_| alphabet[(crate::xorshift(&mut seed) % alphabet.len() as u64) as usize])
                .collect();
            let line = serde_json::json!({"id": "r", "text": text, "title": text}).to_string();
            let doc = jsonl_record("f", 1, &line).unwrap();
            assert_eq!(doc.text, text);
            assert_eq!(Ok(doc), jsonl_record_values("f", 1, &line));
        }
    }

    #[test]
    fn jsonl_records_and_errors_with_line_numbers() {
        let (docs, errs) = read_jsonl(
            "a.jsonl",
            "{\"id\": \"x\", \"text\": \"نص\", \"date\": \"2020-02-06\"}\nnot json\n{\"id\": 3}\n\n{\"id\": 4, \"text\": \"t\", \"title\": \"عنوان\"}\n",
        );
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].date, NaiveDate::from_ymd_opt(2020, 2, 6));
        assert_eq!(docs[1].id, "4");
        assert_eq!(docs[1].title.as_deref(), Some("عنوان"));
        assert_eq!(errs.len(), 2);
        assert_eq!(errs[0].source_name, "a.jsonl line 2");
        assert!(errs[1].reason.contains("text"));
    }

    #[test]
    fn csv_with_named_columns() {
        let cols = CsvColumns {
            id: "key".into(),
            text: "body".into(),
            date: "day".into(),
        };
        let (docs, errs) = read_csv(
            "a.csv",
            "key,body,day\n1,\"مقتل، خمسة\",2021-03-04\n",
            &cols,
        );
        assert!(errs.is_empty());
        assert_eq!(docs[0].text, "مقتل، خمسة");
        assert_eq!(docs[0].id, "1");
        let (docs, errs) = read_csv("b.csv", "a,b\n1,2\n", &CsvColumns::default());
        assert!(docs.is_empty());
        assert!(errs[0].reason.contains("no column \"text\""));
    }

    #[test]
    fn html_is_stripped() {
        let t = strip_html("<html><script>var x='مقتل 5';</script><p>مقتل&nbsp;3</p><br>ok</html>");
        assert!(!t.contains("var"));
        assert!(t.contains("مقتل 3"));
        assert!(t.contains("\nok"));
    }

    #[test]
    fn decode_rejects_binary_and_bad_utf8_by_name() {
        assert!(decode("x", b"\xEF\xBB\xBFabc").is_ok_and(|t| t == "abc"));
        assert!(
            decode("bin", b"ab\0cd")
                .unwrap_err()
                .reason
                .contains("binary")
        );
        let e = decode("w", b"caf\xe9 cr\xe8me br\xfbl\xe9e").unwrap_err();
        assert_eq!(e.source_name, "w");
        assert!(e.reason.contains("not UTF-8"), "{}", e.reason);
    }

    #[test]
    fn arabic_code_pages_and_utf16_are_decoded() {
        let text = "مقتل 5 مدنيين في قصف على إدلب";
        let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(text);
        assert_eq!(decode("a", &cp1256).unwrap(), text);
        let (iso, _, _) = encoding_rs::ISO_8859_6.encode("مقتل خمسة مدنيين");
        assert_eq!(decode("b", &iso).unwrap(), "مقتل خمسة مدنيين");
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode("c", &le).unwrap(), text);
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode("d", &be).unwrap(), text);
    }
}
