//! The one harness for every table of examples (numbers, mentions, places, dates), in the
//! manner of Duckling's corpora: adding a case is adding a line.
//!
//! A corpus is a text file of rows `input <TAB> expected`, in sections:
//!
//! - `## name` starts a section; the runner is told which section a row is in, so one file
//!   can hold cases read different ways (a date found in a text, an event date).
//! - `#` starts a comment; blank lines are skipped.
//! - [`NONE`] as the expected column says the input must give nothing (no number, no
//!   mention, no place, no date). A row with no expected column is an error: "nothing" is
//!   always written out.

/// What the expected column holds when an input must give nothing.
pub const NONE: &str = "-";

/// Run every row of `corpus` (named `name` in failures) through `run(section, input)`,
/// which answers in the corpus's notation (the empty string for nothing), and fail with
/// every row that does not give what it expects. The corpus must hold at least `min_rows`
/// rows, so a file cut short fails too.
pub fn check(name: &str, corpus: &str, min_rows: usize, run: impl Fn(&str, &str) -> String) {
    let mut failures = Vec::new();
    let (mut rows, mut section) = (0, "");
    for (i, line) in corpus.lines().enumerate() {
        if let Some(s) = line.strip_prefix("## ") {
            section = s.trim();
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        rows += 1;
        let Some((input, want)) = line.split_once('\t') else {
            failures.push(format!(
                "{name} line {}: no expected column: {line:?}",
                i + 1
            ));
            continue;
        };
        let got = run(section, input);
        let got = if got.is_empty() { NONE } else { got.as_str() };
        if got != want.trim_end() {
            failures.push(format!(
                "{name} line {} [{section}]: {input}\n   want {want:?}\n   got  {got:?}",
                i + 1
            ));
        }
    }
    assert!(
        rows >= min_rows,
        "{name} has {rows} rows, fewer than {min_rows}"
    );
    assert!(
        failures.is_empty(),
        "{} of {rows} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_sections_and_nothing_are_read_as_documented() {
        let corpus = "# comment\n## upper\nab\tAB\n\n## len\nabc\t3\nx\t-\n";
        let seen = std::cell::RefCell::new(Vec::new());
        check("t", corpus, 3, |section, input| {
            seen.borrow_mut().push(format!("{section}:{input}"));
            match section {
                "upper" => input.to_uppercase(),
                _ if input == "x" => String::new(),
                _ => input.len().to_string(),
            }
        });
        assert_eq!(*seen.borrow(), ["upper:ab", "len:abc", "len:x"]);
    }

    #[test]
    #[should_panic(expected = "no expected column")]
    fn a_row_without_expected_fails() {
        check("t", "abc\n", 1, |_, _| String::new());
    }

    #[test]
    #[should_panic(expected = "want \"-\"")]
    fn nothing_expected_but_something_given_fails() {
        check("t", "abc\t-\n", 1, |_, i| i.to_string());
    }

    #[test]
    #[should_panic(expected = "fewer than 5")]
    fn a_corpus_cut_short_fails() {
        check("t", "abc\tabc\n", 5, |_, i| i.to_string());
    }
}
