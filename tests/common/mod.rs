//! Helpers shared by the end-to-end tests: running the binary, fixtures, scratch folders.
// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// A path under `fixtures/`.
pub fn fixture(p: &str) -> String {
    format!("{}/fixtures/{p}", env!("CARGO_MANIFEST_DIR"))
}

/// Run the binary with `args` and nothing on standard input.
pub fn hasila(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hasila"))
        .args(args)
        .output()
        .expect("run hasila")
}

/// Run the binary with `args`, `stdin` on standard input.
pub fn hasila_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hasila"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run hasila");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// Standard output as JSON Lines.
pub fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A path under the temporary folder, unique to this test process and `suite`, removed if
/// an earlier run left it.
pub fn tmp_path(suite: &str, name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("hasila-{suite}-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    d
}

/// Run `args`, killed after `secs` seconds: a guard against a run that does not end (work
/// that grows with the square of its input), not a measure of speed.
pub fn ends_within(args: &[&str], secs: u64) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_hasila"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    // The output is read as it comes, so a full pipe cannot stall the run.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(child.wait_with_output()));
    match rx.recv_timeout(std::time::Duration::from_secs(secs)) {
        Ok(out) => out.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("{args:?} did not end within {secs} s");
        }
    }
}
