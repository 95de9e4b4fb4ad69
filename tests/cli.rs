//! The command line, end to end.

mod common;
use common::{hasila_stdin as hasila, json_lines};

#[test]
fn numbers_reads_stdin_and_prints_one_object_per_line() {
    let out = hasila(
        &["numbers"],
        "قتل ١٬٢٥٠ شخصا\nلا أرقام هنا\nثلاثمائة وخمسون ألفا و29 ألف\n",
    );
    assert!(out.status.success());
    let v = json_lines(&out);
    assert_eq!(v.len(), 3);
    assert_eq!(v[0]["line"], 1);
    assert_eq!(v[0]["numbers"][0]["value"], 1250);
    assert_eq!(v[0]["numbers"][0]["text"], "١٬٢٥٠");
    assert_eq!(v[1]["numbers"].as_array().unwrap().len(), 0);
    let third: Vec<_> = v[2]["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["value"].clone())
        .collect();
    assert_eq!(third, [350000, 29000].map(serde_json::Value::from));
}

#[test]
fn numbers_reads_a_file_and_dash() {
    let path = format!(
        "{}/fixtures/numbers/duckling_ar.tsv",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = hasila(&["numbers", &path], "");
    assert!(out.status.success());
    assert_eq!(json_lines(&out).len(), 161);
    let out = hasila(&["numbers", "-"], "خمسة\n");
    assert_eq!(json_lines(&out)[0]["numbers"][0]["value"], 5);
}

#[test]
fn numbers_names_a_missing_file() {
    let out = hasila(&["numbers", "/no/such/file.txt"], "");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/no/such/file.txt"), "{err}");
}

#[test]
fn explain_shows_normalisation_and_numbers() {
    let out = hasila(&["explain", "مقتل خمسةٍ وعشرين مدنيًا"], "");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("normalised: مقتل خمسه وعشرين مدنيا"),
        "{text}"
    );
    assert!(text.contains("= 25"), "{text}");
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(hasila(&["frobnicate"], "").status.code(), Some(2));
    assert_eq!(hasila(&["explain"], "").status.code(), Some(2));
}
