//! The `numbers` subcommand's output: one JSON object per input line.

use std::io::{self, BufRead, Write};

use serde::Serialize;

use super::{Amount, Num, Qualifier, builtin};
use crate::normalize::normalize;

/// One number as SPEC prints it; the optional fields appear only when they say something.
#[derive(Serialize)]
struct Item<'a> {
    text: &'a str,
    value: serde_json::Value,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "is_exact")]
    qualifier: Qualifier,
    #[serde(skip_serializing_if = "Option::is_none")]
    low: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    high: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    vague: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    percent: bool,
}

fn is_exact(q: &Qualifier) -> bool {
    *q == Qualifier::Exact
}

#[derive(Serialize)]
struct Line<'a> {
    line: usize,
    numbers: Vec<Item<'a>>,
}

/// Read lines from `input` and write one JSON object per line to `out`. Bytes that are not
/// UTF-8 are replaced (U+FFFD) so a bad line never stops the run; offsets are into the line
/// as decoded.
pub fn write_lines(input: impl BufRead, out: &mut impl Write) -> io::Result<()> {
    let mut lines = crate::input::Lines::new(input, crate::input::MAX_LINE_BYTES);
    let mut n = 0;
    loop {
        let buf = match lines.next_line() {
            Ok(Some(line)) => line,
            Ok(None) => return Ok(()),
            Err(e) => return Err(io::Error::new(e.kind(), format!("line {}: {e}", n + 1))),
        };
        n += 1;
        let raw = String::from_utf8_lossy(buf);
        let line = raw.trim_end_matches(['\n', '\r']);
        serde_json::to_writer(&mut *out, &line_json(n, line))?;
        out.write_all(b"\n")?;
    }
}

fn line_json(n: usize, line: &str) -> Line<'_> {
    let norm = normalize(line);
    let numbers = builtin()
        .parse(&norm.text)
        .into_iter()
        .map(|q| {
            let (start, end) = norm.original_span(line, q.start, q.end);
            let (low, high) = match q.amount {
                Amount::Exact(_) => (None, None),
                Amount::Range(a, b) | Amount::Vague(a, b) => (Some(a.to_json()), Some(b.to_json())),
            };
            Item {
                text: &line[start..end],
                value: q.value().map_or(serde_json::Value::Null, Num::to_json),
                start,
                end,
                qualifier: q.qualifier,
                low,
                high,
                vague: matches!(q.amount, Amount::Vague(..)),
                percent: q.percent,
            }
        })
        .collect();
    Line { line: n, numbers }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &[u8]) -> Vec<serde_json::Value> {
        let mut out = Vec::new();
        write_lines(input, &mut out).unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn spec_examples() {
        let v = run(
            "١٬٢٥٠\nخمسة وعشرون\nثلاثمائة وخمسون ألفا\n29 ألف\n1.5 مليون\nمئتين\nعشرة آلاف\n"
                .as_bytes(),
        );
        let vals: Vec<_> = v.iter().map(|l| l["numbers"][0]["value"].clone()).collect();
        assert_eq!(
            vals,
            [1250, 25, 350000, 29000, 1500000, 200, 10000].map(serde_json::Value::from)
        );
        assert_eq!(v[0]["line"], 1);
        assert_eq!(v[0]["numbers"][0]["text"], "١٬٢٥٠");
        assert_eq!(v[0]["numbers"][0]["start"], 0);
        assert_eq!(v[0]["numbers"][0]["end"], "١٬٢٥٠".len());
        assert!(v[0]["numbers"][0].get("qualifier").is_none());
    }

    #[test]
    fn offsets_are_bytes_of_the_line() {
        let v = run("قتل نحو ١٥ مدنيا\r\n".as_bytes());
        let n = &v[0]["numbers"][0];
        let start = n["start"].as_u64().unwrap() as usize;
        assert_eq!(&"قتل نحو ١٥ مدنيا"[start..start + 4], "١٥");
        assert_eq!(n["qualifier"], "approx");
    }

    #[test]
    fn bad_bytes_and_empty_lines_do_not_stop_the_run() {
        let v = run(b"\xff\xfe 5\n\n7");
        assert_eq!(v.len(), 3);
        assert_eq!(v[0]["numbers"][0]["value"], 5);
        assert_eq!(v[1]["numbers"].as_array().unwrap().len(), 0);
        assert_eq!(v[2]["line"], 3);
    }
}
