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
