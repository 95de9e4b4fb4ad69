//! The mention corpus (`examples.tsv`): a sentence and the mentions it must give.

use super::*;

fn run(text: &str) -> Vec<Mention> {
    Extractor::new(crate::lexicon::builtin(), crate::numbers::builtin_lenient())
        .extract("t", text, None)
}

/// A mention in the notation of `examples.tsv`: `category:count:group`, `~` for approx,
/// `?` for a vague count, `+cum` for cumulative scope.
fn show(m: &Mention) -> String {
    let cat = match m.category {
        Category::Killed => "k",
        Category::Wounded => "w",
        Category::KilledOrWounded => "kw",
    };
    let count = m.count.map_or("?".to_string(), |c| c.to_string());
    let approx = if m.approx { "~" } else { "" };
    let group = serde_json::to_value(m.group).unwrap();
    let scope = if m.scope == Scope::Cumulative {
        "+cum"
    } else {
        ""
    };
    format!("{cat}:{approx}{count}:{}{scope}", group.as_str().unwrap())
}

#[test]
fn example_corpus() {
    let mut failures = Vec::new();
    let mut rows = 0;
    for (i, line) in include_str!("examples.tsv").lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        rows += 1;
        let (text, want) = line.split_once('\t').unwrap_or((line, ""));
        let got: Vec<String> = run(text).iter().map(show).collect();
        if got.join(" ") != want {
            failures.push(format!(
                "line {}: {text}\n   want {want:?}\n   got  {:?}",
                i + 1,
                got.join(" ")
            ));
        }
    }
    assert!(rows >= 40, "the corpus has {rows} rows");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn quotes_and_offsets_point_at_the_original() {
    let text = "قُتِلَ ١٥ طفلاً في قصف";
    let m = &run(text)[0];
    assert_eq!(&text[m.start..m.end], m.quote);
    assert!(m.quote.contains("١٥ طفلاً"), "{}", m.quote);
    assert_eq!(m.rule, "cue.killed");
}
