//! The example corpus (`examples.tsv`) and focused cases.

use super::*;

/// A quantity in the notation of `examples.tsv`.
fn show(q: &Quantity) -> String {
    let pct = if q.percent { "%" } else { "" };
    match (q.amount, q.qualifier) {
        (Amount::Vague(a, b), _) => format!("{a}-{b}v"),
        (Amount::Range(a, b), _) => format!("{a}-{b}r"),
        (Amount::Exact(v), Qualifier::Exact) => format!("{v}{pct}"),
        (Amount::Exact(v), Qualifier::Approx) => format!("~{v}{pct}"),
        (Amount::Exact(v), Qualifier::AtLeast) => format!(">={v}{pct}"),
        (Amount::Exact(v), Qualifier::AtMost) => format!("<={v}{pct}"),
    }
}

fn parse_str(s: &str) -> String {
    let n = normalize(s);
    builtin()
        .parse(&n.text)
        .iter()
        .map(show)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn example_corpus() {
    crate::corpus::check(
        "numbers/examples.tsv",
        include_str!("examples.tsv"),
        120,
        |_, text| parse_str(text),
    );
}

#[test]
fn spans_exclude_clitics_and_include_qualifiers() {
    let text = normalize("وقتل نحو 29 ألف شخص وبخمسة").text;
    let qs = builtin().parse(&text);
    assert_eq!(qs.len(), 2);
    assert_eq!(&text[qs[0].start..qs[0].end], "29 الف");
    assert_eq!(&text[qs[0].full_start..qs[0].full_end], "نحو 29 الف");
    assert_eq!(&text[qs[1].start..qs[1].end], "خمسه");
}

#[test]
fn spans_map_back_to_original() {
    let orig = "قُتل ثلاثةُ آلافٍ وخمسمائة";
    let found = find_in_original(orig);
    assert_eq!(found.len(), 1);
    let (q, s, e) = found[0];
    assert_eq!(q.value(), Some(Num::int(3500)));
    assert_eq!(&orig[s..e], "ثلاثةُ آلافٍ وخمسمائة");
}

#[test]
fn bounds_follow_the_qualifier() {
    let text = normalize("أكثر من 150").text;
    let q = builtin().parse(&text)[0];
    assert_eq!(q.bounds(), (Some(Num::int(150)), None));
    assert!(q.is_approx());
    let text = normalize("بين 10 و15").text;
    let q = builtin().parse(&text)[0];
    assert_eq!(q.value(), Some(Num::int(10)));
    assert_eq!(q.bounds(), (Some(Num::int(10)), Some(Num::int(15))));
    let text = normalize("عشرات").text;
    let q = builtin().parse(&text)[0];
    assert_eq!(q.value(), None);
}

#[test]
fn no_panic_on_odd_input() {
    for s in [
        "",
        " ",
        "و",
        "و و و",
        "ألف و",
        "بين 5 و",
        "-",
        "1,",
        ".",
        "٫",
        "%",
        "فاصلة 5",
        "5 فاصلة",
    ] {
        let n = normalize(s);
        let _ = builtin().parse(&n.text);
    }
    let huge = "9".repeat(100);
    let n = normalize(&huge);
    assert!(builtin().parse(&n.text).is_empty());
}
