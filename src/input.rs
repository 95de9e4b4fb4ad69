//! Reading articles: files, folders, JSON Lines, CSV, HTML, standard input → [`Document`].
//!
//! Knows nothing of Arabic. Every input that cannot be read becomes an [`InputError`]
//! naming it and saying why; the caller reports it and goes on with the rest.

use std::fs;
use std::io::{self, Read};
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
}

fn fail(source_name: impl Into<String>, reason: impl Into<String>) -> InputError {
    InputError {
        source_name: source_name.into(),
        reason: reason.into(),
    }
}

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
/// sorted by path; `-` kept as is. A folder given twice, or reached twice through links, is
/// read once.
pub fn expand(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            files.push(p.clone());
            continue;
        }
        walk(p, &mut files, &mut errors, &mut seen);
    }
    (files, errors)
}

fn walk(
    p: &Path,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<InputError>,
    seen: &mut std::collections::HashSet<PathBuf>,
) {
    let canonical = match fs::canonicalize(p) {
        Ok(c) => c,
        Err(e) => return errors.push(fail(p.display().to_string(), e.to_string())),
    };
    if !seen.insert(canonical.clone()) {
        return;
    }
    if canonical.is_dir() {
        let mut entries: Vec<PathBuf> = match fs::read_dir(p) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => return errors.push(fail(p.display().to_string(), e.to_string())),
        };
        entries.sort();
        for e in entries {
            let name = e.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') {
                continue;
            }
            if e.is_dir() || is_article_file(&e) {
                walk(&e, files, errors, seen);
            }
        }
    } else {
        files.push(p.to_path_buf());
    }
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

/// Bytes → text. UTF-8 (a BOM is dropped); anything else is an error naming the input.
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, InputError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(fail(name, "binary file (NUL bytes), skipped"));
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        fail(
            name,
            format!(
                "not UTF-8 (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// Read one file (or `-`) into documents and per-record errors.
pub fn read_file(path: &Path, cols: &CsvColumns) -> (Vec<Document>, Vec<InputError>) {
    let name = path.display().to_string();
    let bytes = if path.as_os_str() == "-" {
        let mut b = Vec::new();
        match io::stdin().lock().read_to_end(&mut b) {
            Ok(_) => b,
            Err(e) => return (vec![], vec![fail("-", e.to_string())]),
        }
    } else {
        match fs::read(path) {
            Ok(b) => b,
            Err(e) => return (vec![], vec![fail(&name, e.to_string())]),
        }
    };
    let text = match decode(&name, &bytes) {
        Ok(t) => t,
        Err(e) => return (vec![], vec![e]),
    };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("jsonl") => read_jsonl(&name, &text),
        Some("csv") => read_csv(&name, &text, cols),
        Some("html" | "htm") => (vec![plain(&name, strip_html(&text))], vec![]),
        _ if path.as_os_str() == "-" && looks_like_jsonl(&text) => read_jsonl(&name, &text),
        _ if text.trim().is_empty() => (vec![], vec![fail(&name, "empty file")]),
        _ => (vec![plain(&name, text)], vec![]),
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
        let at = format!("{name} line {}", i + 1);
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                errors.push(fail(at, format!("not JSON: {e}")));
                continue;
            }
        };
        let Some(body) = v.get("text").and_then(|t| t.as_str()) else {
            errors.push(fail(at, "no \"text\" string"));
            continue;
        };
        let id = match v.get("id") {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{name}:{}", i + 1),
        };
        docs.push(Document {
            id,
            text: body.to_string(),
            title: v
                .get("title")
                .and_then(|t| t.as_str())
                .filter(|t| !t.trim().is_empty())
                .map(str::to_string),
            date: v.get("date").and_then(|d| d.as_str()).and_then(parse_date),
        });
    }
    (docs, errors)
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
        assert_eq!(decode("w", b"\xff\xfe").unwrap_err().source_name, "w");
    }
}
