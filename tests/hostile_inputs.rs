//! Whatever a scraper leaves behind: every bad input is named with its reason, every good
//! one is read, the run ends with exit status 3 and never panics.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::{ends_within, hasila};

fn tmp(name: &str) -> PathBuf {
    let d = common::tmp_path("hostile", name);
    fs::create_dir_all(&d).unwrap();
    d
}

const GOOD: &str = "قتل 3 مدنيين في قصف على مدينة إدلب";

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn mentions(o: &Output) -> usize {
    String::from_utf8_lossy(&o.stdout).lines().count()
}

/// A folder of every kind of bad input beside good ones.
fn hostile_folder(dir: &Path) {
    fs::write(dir.join("good.txt"), GOOD).unwrap();
    fs::write(dir.join("empty.txt"), "").unwrap();
    fs::write(dir.join("blank.md"), "  \n\n \t\n").unwrap();
    fs::write(
        dir.join("binary.txt"),
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
    )
    .unwrap();
    fs::write(
        dir.join("latin1.txt"),
        b"caf\xe9 cr\xe8me br\xfbl\xe9e et g\xe2teau",
    )
    .unwrap();
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(GOOD);
    fs::write(dir.join("legacy.txt"), &cp1256).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(GOOD.encode_utf16().flat_map(|u| u.to_le_bytes()));
    fs::write(dir.join("utf16.txt"), utf16).unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(GOOD.as_bytes());
    fs::write(dir.join("bom.txt"), bom).unwrap();
    fs::write(
        dir.join("mixed.jsonl"),
        format!("{{\"id\": \"j1\", \"text\": \"{GOOD}\"}}\nnot json at all\n{{\"id\": \"j3\"}}\n{{\"id\": \"j4\", \"text\": \"{GOOD}\"}}\n"),
    )
    .unwrap();
    fs::write(dir.join("nocol.csv"), "a,b\n1,2\n").unwrap();
    fs::write(dir.join("good.csv"), format!("id,text\nc1,\"{GOOD}\"\n")).unwrap();
    fs::write(
        dir.join("page.html"),
        format!("<html><script>var x = 'مقتل 99 مدنيا';</script><p>{GOOD}</p></html>"),
    )
    .unwrap();
}

#[test]
fn a_folder_of_bad_inputs_names_each_and_reads_the_rest() {
    let dir = tmp("folder");
    hostile_folder(&dir);
    let o = hasila(&["extract", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    let err = stderr(&o);
    for (file, why) in [
        ("empty.txt", "empty"),
        ("blank.md", "empty"),
        ("binary.txt", "binary"),
        ("latin1.txt", "not UTF-8"),
        ("mixed.jsonl line 2", "not JSON"),
        ("mixed.jsonl line 3", "text"),
        ("nocol.csv", "no column \"text\""),
    ] {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(why)),
            "{file}: {why}\n{err}"
        );
    }
    // good.txt, legacy.txt, utf16.txt, bom.txt, j1, j4, c1, page.html
    assert!(
        err.contains("8 documents read, 8 mentions, 3 inputs skipped, 4 failed"),
        "{err}"
    );
    assert_eq!(mentions(&o), 8, "the script's 99 is not read");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn deep_folders_link_loops_and_a_folder_given_twice() {
    let dir = tmp("deep");
    let mut p = dir.clone();
    for i in 0..300 {
        p = p.join(format!("d{i}"));
    }
    fs::create_dir_all(&p).unwrap();
    fs::write(p.join("deep.txt"), GOOD).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&dir, dir.join("d0").join("loop")).unwrap();
        std::os::unix::fs::symlink(dir.join("nowhere"), dir.join("broken.txt")).unwrap();
    }
    let d = dir.to_str().unwrap();
    let o = hasila(&["extract", d, d]);
    assert_eq!(mentions(&o), 1, "{}", stderr(&o));
    #[cfg(unix)]
    {
        assert_eq!(o.status.code(), Some(3));
        assert!(stderr(&o).contains("broken.txt"));
    }
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn thousands_of_tiny_files() {
    let dir = tmp("tiny");
    for i in 0..3000 {
        fs::write(dir.join(format!("{i:05}.txt")), GOOD).unwrap();
    }
    let o = hasila(&["extract", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(mentions(&o), 3000);
    // Stable order across batches: the output follows the sorted paths, line by line.
    let out = String::from_utf8_lossy(&o.stdout);
    for (i, line) in out.lines().enumerate() {
        assert!(line.contains(&format!("{i:05}.txt")), "line {i}: {line}");
    }
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_twenty_megabyte_article_on_one_line() {
    let dir = tmp("huge");
    // A figure at each end of 20 MB of words with no full stop.
    let filler = "وقال المتحدث إن الوضع في المنطقة ما زال متوترا والأهالي ينتظرون ";
    let middle = filler.repeat(20 * 1024 * 1024 / filler.len());
    let line = format!("{GOOD} {middle} {GOOD}");
    fs::write(dir.join("huge.txt"), &line).unwrap();
    fs::write(
        dir.join("huge.jsonl"),
        format!("{{\"id\": \"h\", \"text\": \"{line}\"}}\n"),
    )
    .unwrap();
    let o = hasila(&[
        "extract",
        dir.to_str().unwrap(),
        "-o",
        dir.join("out.jsonl").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let n = fs::read_to_string(dir.join("out.jsonl"))
        .unwrap()
        .lines()
        .count();
    assert_eq!(n, 4);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn garbage_on_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hasila"))
        .args(["extract", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    let junk: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    child.stdin.take().unwrap().write_all(&junk).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(
        matches!(o.status.code(), Some(1 | 3)),
        "{:?} {}",
        o.status,
        stderr(&o)
    );
    assert!(stderr(&o).contains("-:"), "{}", stderr(&o));
}

#[test]
fn report_over_bad_inputs_still_writes_and_exits_3() {
    let dir = tmp("report");
    hostile_folder(&dir);
    let out = dir.join("out");
    let o = hasila(&[
        "report",
        dir.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(out.join("weekly.csv").exists());
    assert!(out.join("report.html").exists());
    fs::remove_dir_all(&dir).unwrap();
}

/// Glued titles by the hundred thousand on one line, and one word of 600,000 letters that
/// ends in a cue: each read once, not once per title or per letter (before, minutes).
#[test]
fn glued_titles_on_one_line_and_a_huge_word_stay_linear() {
    let dir = tmp("glued");
    let glued = format!("عنوان\n{}\n{GOOD}", vec!["سوريامقتل"; 400_000].join(" "));
    fs::write(dir.join("glued.txt"), glued).unwrap();
    let word = format!("عنوان\n{}مقتل 5 أشخاص\n{GOOD}", "ا".repeat(600_000));
    fs::write(dir.join("word.txt"), word).unwrap();
    for f in ["glued.txt", "word.txt"] {
        let o = ends_within(&["extract", dir.join(f).to_str().unwrap()], 60);
        assert!(o.status.success(), "{f}: {}", stderr(&o));
        assert!(mentions(&o) >= 1, "{f}");
    }
    fs::remove_dir_all(&dir).unwrap();
}

/// A rules file with a phrase longer than any construction needs is refused with its line:
/// every phrase is tried at every word, so its length bounds the time.
#[test]
fn a_rules_file_with_a_very_long_phrase_is_refused() {
    let dir = tmp("long-phrase");
    let phrase = vec!["قتل"; 5000].join(" ");
    let rules = dir.join("long.toml");
    fs::write(
        &rules,
        format!("[[cue]]\nid = \"long\"\ncategory = \"killed\"\nwords = [\"{phrase}\"]\n"),
    )
    .unwrap();
    let o = hasila(&["rules", "--check", rules.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("line 2") && err.contains("longer than 16 words"),
        "{err}"
    );
    fs::remove_dir_all(&dir).unwrap();
}

/// A JSON Lines file cut short while it is read ends the reading early: a status and a
/// summary line, never a signal (nothing is mapped, so no SIGBUS).
#[test]
fn a_jsonl_file_truncated_while_read_ends_with_a_status() {
    let dir = tmp("truncated");
    let f = dir.join("growing.jsonl");
    let line = format!("{{\"id\": \"a\", \"text\": \"{GOOD}\"}}\n");
    fs::write(&f, line.repeat(400_000)).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_hasila"))
        .args(["extract", f.to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(30));
    fs::OpenOptions::new()
        .write(true)
        .open(&f)
        .unwrap()
        .set_len(1000)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.code().is_some(),
        "ended by a signal: {:?}",
        out.status
    );
    assert!(stderr(&out).contains("documents read"), "{}", stderr(&out));
    fs::remove_dir_all(&dir).unwrap();
}
