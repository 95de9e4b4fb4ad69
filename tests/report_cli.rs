//! `hasila report`, end to end, on a hand-made corpus whose true weekly figures are known
//! (`fixtures/report/expected_weekly.csv`, worked out by hand from the articles): the same
//! attack told by two outlets, a toll revised upward the next day, two attacks in one
//! governorate on one day, a cumulative total, an infection count, a news ticker, an arrest.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::{fixture, hasila};

fn tmp(name: &str) -> PathBuf {
    common::tmp_path("report", name)
}

fn report(args: &[&str], out: &Path) -> Output {
    let mut a = vec!["report"];
    a.extend_from_slice(args);
    a.extend(["--out", out.to_str().unwrap()]);
    let o = hasila(&a);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o
}

fn csv_text(path: &Path) -> String {
    let bytes = fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "{} has no BOM",
        path.display()
    );
    String::from_utf8(bytes[3..].to_vec()).unwrap()
}

#[test]
fn weekly_figures_are_the_true_ones() {
    let out = tmp("weekly");
    report(&[&fixture("report/corpus.jsonl")], &out);
    let got = csv_text(&out.join("weekly.csv"));
    let want = fs::read_to_string(fixture("report/expected_weekly.csv")).unwrap();
    assert_eq!(got, want);
    // What must not count: the infection count in Damascus, the cumulative 120, the
    // ticker's 9, the arrests in As-Sweida.
    assert!(!got.contains("Damascus,SY01"));
    assert!(!got.contains("As-Sweida"));
    assert!(
        !got.lines()
            .any(|l| l.contains(",killed,all,") && l.contains(",120,"))
    );
    let totals = csv_text(&out.join("totals.csv"));
    assert!(totals.contains(",120,"), "{totals}");
    fs::remove_dir_all(&out).unwrap();
}

#[test]
fn incidents_merge_outlets_and_keep_the_revision() {
    let out = tmp("incidents");
    report(&[&fixture("report/corpus.jsonl")], &out);
    let text = csv_text(&out.join("incidents.csv"));
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let header = rdr.headers().unwrap().clone();
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let ariha = rows
        .iter()
        .find(|r| r[col("sources")].contains("a1"))
        .unwrap();
    assert_eq!(&ariha[col("sources")], "a1 | a2 | a3");
    assert_eq!(&ariha[col("killed")], "7");
    assert_eq!(&ariha[col("killed_low")], "5");
    assert_eq!(&ariha[col("killed_child")], "2");
    let aleppo: Vec<_> = rows
        .iter()
        .filter(|r| &r[col("admin1_pcode")] == "SY02")
        .collect();
    assert_eq!(aleppo.len(), 2, "two attacks, one governorate, one day");
    fs::remove_dir_all(&out).unwrap();
}

#[test]
fn every_file_is_there_and_readable() {
    let out = tmp("files");
    report(&[&fixture("report/corpus.jsonl"), "--hxl"], &out);
    for f in [
        "mentions.csv",
        "incidents.csv",
        "weekly.csv",
        "totals.csv",
        "weekly_wide.csv",
        "casualties.xlsx",
        "weekly_killed.png",
        "weekly_wounded.png",
        "killed_by_governorate.png",
        "women_children.png",
        "report.html",
    ] {
        assert!(out.join(f).exists(), "{f} missing");
    }
    let weekly = csv_text(&out.join("weekly.csv"));
    assert!(
        weekly
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("#date+start,#adm1+name,#adm1+code")
    );
    let wide = csv_text(&out.join("weekly_wide.csv"));
    assert!(
        wide.lines()
            .nth(1)
            .unwrap()
            .contains("#affected+killed+children")
    );
    assert!(
        fs::read(out.join("casualties.xlsx"))
            .unwrap()
            .starts_with(b"PK")
    );
    assert!(
        fs::read(out.join("weekly_killed.png"))
            .unwrap()
            .starts_with(b"\x89PNG")
    );
    let html = fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains(r#"<html dir="rtl" lang="ar">"#));
    assert!(
        html.contains("data:image/png;base64,"),
        "charts are inlined"
    );
    assert!(!html.contains("src=\"weekly_killed.png\""));
    assert!(html.contains("قُتل 5 مدنيين"), "quotes are on the page");
    fs::remove_dir_all(&out).unwrap();
}

#[test]
fn weeks_can_start_on_monday_and_dates_filter() {
    let out = tmp("monday");
    report(
        &[&fixture("report/corpus.jsonl"), "--week-start", "monday"],
        &out,
    );
    let weekly = csv_text(&out.join("weekly.csv"));
    // 2024-03-02 is a Saturday; its ISO week starts on Monday 2024-02-26.
    assert!(weekly.contains("2024-02-26,Idleb"), "{weekly}");
    assert!(!weekly.contains("2024-03-02,"));
    fs::remove_dir_all(&out).unwrap();
    let out = tmp("filtered");
    report(
        &[
            &fixture("report/corpus.jsonl"),
            "--from",
            "2024-03-09",
            "--to",
            "2024-03-15",
        ],
        &out,
    );
    let weekly = csv_text(&out.join("weekly.csv"));
    assert!(
        weekly.lines().skip(1).all(|l| l.starts_with("2024-03-09,")),
        "{weekly}"
    );
    fs::remove_dir_all(&out).unwrap();
}

#[test]
fn shards_extracted_apart_aggregate_to_the_same_weekly() {
    let dir = tmp("shards");
    fs::create_dir_all(&dir).unwrap();
    let corpus = fs::read_to_string(fixture("report/corpus.jsonl")).unwrap();
    let lines: Vec<&str> = corpus.lines().collect();
    let (a, b) = lines.split_at(lines.len() / 2);
    for (name, part) in [("a", a), ("b", b)] {
        let shard = dir.join(format!("{name}.jsonl"));
        fs::write(&shard, part.join("\n") + "\n").unwrap();
        let o = hasila(&[
            "extract",
            shard.to_str().unwrap(),
            "-o",
            dir.join(format!("{name}.mentions.jsonl")).to_str().unwrap(),
        ]);
        assert!(o.status.success());
    }
    let merged = dir.join("merged");
    let o = report(
        &[
            "--mentions",
            dir.join("a.mentions.jsonl").to_str().unwrap(),
            "--mentions",
            dir.join("b.mentions.jsonl").to_str().unwrap(),
        ],
        &merged,
    );
    let want = fs::read_to_string(fixture("report/expected_weekly.csv")).unwrap();
    assert_eq!(csv_text(&merged.join("weekly.csv")), want);
    // The documents counted are the articles the mentions come from, not the files.
    let mut ids = std::collections::BTreeSet::new();
    for name in ["a", "b"] {
        let text = fs::read_to_string(dir.join(format!("{name}.mentions.jsonl"))).unwrap();
        for l in text.lines() {
            let m: serde_json::Value = serde_json::from_str(l).unwrap();
            ids.insert(m["doc_id"].as_str().unwrap().to_string());
        }
    }
    assert!(ids.len() > 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("hasila: {} documents read", ids.len())),
        "{err}"
    );
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_failed_report_leaves_the_old_folder_untouched() {
    let out = tmp("atomic");
    report(&[&fixture("report/corpus.jsonl")], &out);
    let before = fs::read(out.join("weekly.csv")).unwrap();
    let bad = std::env::temp_dir().join(format!("hasila-bad-{}.toml", std::process::id()));
    fs::write(&bad, "[[cue]]\nid = 1\n").unwrap();
    let o = hasila(&[
        "report",
        &fixture("report/corpus.jsonl"),
        "--out",
        out.to_str().unwrap(),
        "--rules",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(fs::read(out.join("weekly.csv")).unwrap(), before);
    let parent = out.parent().unwrap();
    let name = out.file_name().unwrap().to_string_lossy().to_string();
    let leftovers = fs::read_dir(parent)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let n = e.file_name().to_string_lossy().to_string();
            n.contains(&name) && n != name && n != format!(".{name}.lock")
        })
        .count();
    assert_eq!(leftovers, 0);
    fs::remove_file(&bad).unwrap();
    fs::remove_dir_all(&out).unwrap();
}

#[test]
fn report_without_input_is_bad_usage() {
    let o = hasila(&["report", "--out", "/tmp/never"]);
    assert_eq!(o.status.code(), Some(2));
}

/// The exit status is SPEC's for `report` as for `extract`: 1 when no input could be read,
/// 3 when some could not; the report of what was read is written either way.
#[test]
fn report_exit_status_follows_what_was_read() {
    let out = tmp("status");
    let o = hasila(&[
        "report",
        "/no/such/file.jsonl",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = hasila(&[
        "report",
        "/no/such/file.jsonl",
        &fixture("report/corpus.jsonl"),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(3));
    assert!(out.join("weekly.csv").exists());
    fs::remove_dir_all(&out).unwrap();
}

/// The CSV column and rules flags are one argument group, with its help, in both commands.
#[test]
fn shared_flags_have_their_help_in_every_command() {
    for cmd in ["extract", "report"] {
        let o = hasila(&[cmd, "--help"]);
        let help = String::from_utf8_lossy(&o.stdout);
        for line in [
            "--rules <RULES>",
            "A rules file to use instead of the built-in one",
            "CSV input: the column holding the text",
        ] {
            assert!(help.contains(line), "{cmd} --help lacks {line:?}:\n{help}");
        }
    }
}

/// With `SOURCE_DATE_EPOCH` set, the same articles make the same spreadsheet, byte for byte
/// (its creation time is that one), as every other file of the report already is.
#[test]
fn a_fixed_source_date_makes_the_same_spreadsheet() {
    let run = |name: &str| {
        let out = tmp(name);
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_hasila"))
            .args(["report", &fixture("report/corpus.jsonl"), "--out"])
            .arg(&out)
            .env("SOURCE_DATE_EPOCH", "1704067200")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let bytes = fs::read(out.join("casualties.xlsx")).unwrap();
        fs::remove_dir_all(&out).unwrap();
        bytes
    };
    let first = run("epoch-a");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert!(first == run("epoch-b"), "the spreadsheets differ");
}

/// A report of nothing is not published: an empty folder of inputs exits 1 and writes no
/// report; a period that ends before it starts is bad usage.
#[test]
fn no_report_of_nothing_and_no_empty_period() {
    let empty = tmp("empty-in");
    fs::create_dir_all(&empty).unwrap();
    let out = tmp("empty-out");
    let o = hasila(&[
        "report",
        empty.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no report written"));
    assert!(!out.exists());
    let o = hasila(&[
        "report",
        &fixture("report/corpus.jsonl"),
        "--from",
        "2024-03-20",
        "--to",
        "2024-03-01",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!out.exists());
    fs::remove_dir_all(&empty).unwrap();
}

/// `--out` that holds something other than a report — a folder of other files, a file — is
/// refused before any work, and left as it was.
#[test]
fn report_refuses_an_out_that_is_not_a_report() {
    let thesis = tmp("thesis");
    fs::create_dir_all(&thesis).unwrap();
    fs::write(thesis.join("chapter1.tex"), "my thesis").unwrap();
    let o = hasila(&[
        "report",
        &fixture("report/corpus.jsonl"),
        "--out",
        thesis.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("not a hasila report"), "{err}");
    assert_eq!(
        fs::read_to_string(thesis.join("chapter1.tex")).unwrap(),
        "my thesis"
    );
    assert_eq!(fs::read_dir(&thesis).unwrap().count(), 1);

    let file = tmp("a-file");
    fs::write(&file, "keep me").unwrap();
    let o = hasila(&[
        "report",
        &fixture("report/corpus.jsonl"),
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a folder"));
    assert_eq!(fs::read_to_string(&file).unwrap(), "keep me");
    fs::remove_dir_all(&thesis).unwrap();
    fs::remove_file(&file).unwrap();
}

/// An empty folder may take a report, and a report may replace the one there; the report
/// folder is marked as one, and a folder a killed run left beside it is cleared.
#[test]
fn a_report_replaces_an_empty_folder_or_a_report_and_clears_a_killed_run() {
    let out = tmp("replace");
    fs::create_dir_all(&out).unwrap();
    report(&[&fixture("report/corpus.jsonl")], &out);
    assert!(out.join(".hasila-report").is_file());
    let name = out.file_name().unwrap().to_string_lossy().to_string();
    let stale = out.with_file_name(format!(".{name}.4000000.tmp"));
    fs::create_dir_all(&stale).unwrap();
    fs::write(stale.join(".hasila-report"), "").unwrap();
    report(&[&fixture("report/corpus.jsonl")], &out);
    assert!(out.join("weekly.csv").is_file());
    assert!(!stale.exists(), "a killed run's folder stays");
    fs::remove_dir_all(&out).unwrap();
}

/// Two runs on one `--out` at once both succeed, one after the other, and leave one
/// complete report.
#[test]
fn two_runs_on_one_out_take_turns() {
    let out = tmp("concurrent");
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_hasila"))
            .args([
                "report",
                &fixture("report/corpus.jsonl"),
                "--out",
                out.to_str().unwrap(),
            ])
            .output()
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(spawn);
        let b = s.spawn(spawn);
        (a.join().unwrap().unwrap(), b.join().unwrap().unwrap())
    });
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    assert!(out.join("weekly.csv").is_file());
    assert!(out.join("report.html").is_file());
    fs::remove_dir_all(&out).unwrap();
}

/// Mentions from a file someone else wrote: no field runs as markup in the page or as a
/// formula in a spreadsheet, and a date that is no date is refused with its line.
#[test]
fn hostile_mentions_run_nowhere() {
    let dir = tmp("hostile");
    fs::create_dir_all(&dir).unwrap();
    let o = hasila(&["extract", &fixture("report/corpus.jsonl")]);
    assert!(o.status.success());
    let mut ms = common::json_lines(&o);
    for m in &mut ms {
        m["doc_id"] = "=HYPERLINK(\"http://evil\",\"x\")".into();
        m["quote"] = "<script>alert(1)</script>".into();
        m["place"] = "<img src=x onerror=alert(1)>".into();
    }
    let mut bad = ms[0].clone();
    bad["published"] = "<script>alert(2)</script>".into();
    ms.push(bad);
    let lines: Vec<String> = ms.iter().map(|m| m.to_string()).collect();
    let input = dir.join("hostile.mentions.jsonl");
    fs::write(&input, lines.join("\n") + "\n").unwrap();
    let out = dir.join("rep");
    let o = hasila(&[
        "report",
        "--mentions",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(3));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(&format!("line {}", ms.len())), "{err}");
    let page = fs::read_to_string(out.join("report.html")).unwrap();
    assert!(!page.contains("<script>alert"), "script in the page");
    assert!(!page.contains("<img src=x"), "markup in the page");
    assert!(page.contains("&lt;script&gt;alert(1)"));
    for table in ["mentions.csv", "incidents.csv"] {
        let text = csv_text(&out.join(table));
        let mut cells = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .into_records()
            .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>());
        assert!(
            !cells.any(|c| c.starts_with(['=', '+', '-', '@', '\t', '\r'])),
            "{table}: a formula"
        );
        assert!(text.contains("'=HYPERLINK"), "{table}: {text}");
    }
    fs::remove_dir_all(&dir).unwrap();
}

/// Every mention is accounted for: in an incident (its article among the incident's
/// sources and its quote among its quotes) or in `excluded.csv` with a reason.
#[test]
fn every_mention_is_in_an_incident_or_excluded_with_why() {
    let out = tmp("audit");
    report(
        &[&fixture("report/corpus.jsonl"), "--from", "2024-03-05"],
        &out,
    );
    let rows = |f: &str| {
        let text = csv_text(&out.join(f));
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        let rows: Vec<Vec<String>> = r
            .records()
            .map(|x| x.unwrap().iter().map(String::from).collect())
            .collect();
        (header, rows)
    };
    let col = |h: &[String], name: &str| h.iter().position(|x| x == name).unwrap();
    let (mh, mentions) = rows("mentions.csv");
    let (eh, excluded) = rows("excluded.csv");
    let (ih, incidents) = rows("incidents.csv");
    let reasons: std::collections::BTreeSet<&str> = excluded
        .iter()
        .map(|r| r[col(&eh, "reason")].as_str())
        .collect();
    assert!(reasons.contains("cumulative"), "{reasons:?}");
    assert!(reasons.contains("furniture"), "{reasons:?}");
    assert!(reasons.contains("outside_period"), "{reasons:?}");
    for m in &mentions {
        let (doc, quote) = (&m[col(&mh, "doc_id")], &m[col(&mh, "quote")]);
        let left_out = excluded
            .iter()
            .any(|e| &e[col(&eh, "doc_id")] == doc && &e[col(&eh, "quote")] == quote);
        let counted = incidents.iter().any(|i| {
            i[col(&ih, "sources")].split(" | ").any(|s| s == doc)
                && i[col(&ih, "quotes")].split(" | ").any(|q| q == quote)
        });
        assert!(
            left_out ^ counted,
            "{doc} «{quote}»: excluded {left_out}, counted {counted}"
        );
    }
    // The page shows the same audit on demand: every row of `excluded.csv` is a row of its
    // excluded table, with its reason in Arabic.
    let page = fs::read_to_string(out.join("report.html")).unwrap();
    let table = &page[page
        .find("ما لم يدخل في الأرقام")
        .expect("the page's excluded section")..];
    let page_rows = table.matches("<tr><td>").count();
    assert_eq!(
        page_rows,
        excluded.len(),
        "one page row per excluded.csv row"
    );
    for e in &excluded {
        let quote = e[col(&eh, "quote")]
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;");
        assert!(table.contains(&quote), "«{quote}» not on the page");
    }
    assert!(table.contains("خارج الفترة المطلوبة") && table.contains("حصيلة تراكمية"));
    fs::remove_dir_all(&out).unwrap();
}

/// The spreadsheet holds real types and prints: `approx` is a boolean, dates are dates,
/// an incident's number is a number, and every sheet prints landscape on A4, fitted to the
/// page's width, its header row on every page.
#[test]
fn the_spreadsheet_has_types_and_a_print_setup() {
    let out = tmp("xlsx-types");
    let o = hasila(&[
        "report",
        &fixture("report/corpus.jsonl"),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let file = fs::File::open(out.join("casualties.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let workbook = read("xl/workbook.xml");
    // Sheets in order: pivot, mentions, incidents, weekly, totals.
    let mentions = read("xl/worksheets/sheet2.xml");
    let incidents = read("xl/worksheets/sheet3.xml");
    // Row 2 of mentions: F is `approx`, a boolean; P is `published`, a date (a serial
    // number with a date format), not a string.
    assert!(
        mentions.contains(r#"<c r="F2" t="b">"#),
        "approx is no boolean"
    );
    let published = mentions
        .split(r#"<c r="P2""#)
        .nth(1)
        .and_then(|c| c.split("</c>").next())
        .unwrap();
    assert!(
        !published.contains("t=\"") && published.contains("<v>"),
        "{published}"
    );
    // The first incident's number is a number.
    assert!(
        incidents.contains(r#"<c r="A2" s="#),
        "incident id is no number"
    );
    assert!(!incidents.contains(r#"<c r="A2" t="inlineStr">"#));
    for k in 1..=5 {
        let sheet = read(&format!("xl/worksheets/sheet{k}.xml"));
        assert!(sheet.contains(r#"orientation="landscape""#), "sheet {k}");
        assert!(sheet.contains(r#"paperSize="9""#), "sheet {k}");
        assert!(sheet.contains(r#"fitToPage="1""#), "sheet {k}");
    }
    assert_eq!(
        workbook.matches("_xlnm.Print_Titles").count(),
        5,
        "{workbook}"
    );
    fs::remove_dir_all(&out).unwrap();
}

/// A follow-up that says an event's toll rose (`ارتفعت حصيلة القصف … أمس إلى 8`) raises
/// that event's incident, whatever the day it was published; a rising toll of an event no
/// article reported makes no incident, and is listed as cumulative.
#[test]
fn a_rising_toll_revises_its_incident_and_makes_none() {
    let dir = tmp("revision-in");
    fs::create_dir_all(&dir).unwrap();
    let input = dir.join("news.jsonl");
    fs::write(
        &input,
        concat!(
            r#"{"id":"first","date":"2024-05-04","text":"قتل 6 مدنيين بقصف مدفعي على بلدة كفرنبل في ريف إدلب، اليوم السبت."}"#,
            "\n",
            r#"{"id":"later","date":"2024-05-05","text":"ارتفعت حصيلة القصف المدفعي على بلدة كفرنبل أمس السبت إلى 8 قتلى مدنيين."}"#,
            "\n",
            r#"{"id":"alone","date":"2024-05-05","text":"ارتفعت حصيلة القصف على مدينة حماة أمس إلى 9 قتلى."}"#,
            "\n"
        ),
    )
    .unwrap();
    let out = tmp("revision-out");
    let o = report(&[input.to_str().unwrap()], &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let weekly = csv_text(&out.join("weekly.csv"));
    assert!(
        weekly.contains("2024-05-04,Idleb,SY07,killed,civilian,8,6,8,1"),
        "{weekly}"
    );
    assert!(!weekly.contains("Hama"), "{weekly}");
    let excluded = csv_text(&out.join("excluded.csv"));
    let alone: Vec<&str> = excluded
        .lines()
        .filter(|l| l.starts_with("alone,"))
        .collect();
    assert_eq!(alone.len(), 1, "{excluded}");
    assert!(alone[0].ends_with(",cumulative"), "{excluded}");
    assert!(
        !excluded.contains("later,"),
        "the revision is in its incident: {excluded}"
    );
    let incidents = csv_text(&out.join("incidents.csv"));
    assert_eq!(incidents.lines().count(), 2, "{incidents}");
    fs::remove_dir_all(&out).unwrap();
    fs::remove_dir_all(&dir).unwrap();
}
