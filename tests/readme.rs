//! README's promises: every `console` block's commands, run from a scratch folder holding the
//! repository's `fixtures/` and `rules/`, print what README shows (stdout and stderr
//! together, a CSV's byte-order mark aside).

use std::path::Path;
use std::process::{Command, Stdio};

mod common;

/// The (command, expected output) pairs of README's `console` blocks, in order.
fn examples(readme: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut inside = false;
    for line in readme.lines() {
        if !inside {
            inside = line == "```console";
            continue;
        }
        if line == "```" {
            inside = false;
        } else if let Some(cmd) = line.strip_prefix("$ ") {
            out.push((cmd.to_string(), String::new()));
        } else {
            let (_, want) = out
                .last_mut()
                .expect("a console block starts with a command");
            want.push_str(line);
            want.push('\n');
        }
    }
    out
}

#[test]
fn every_console_example_prints_what_readme_shows() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(Path::new(root).join("README.md")).unwrap();
    let examples = examples(&readme);
    assert!(examples.len() >= 8, "{} examples", examples.len());
    let dir = common::tmp_path("readme", "examples");
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["fixtures", "rules"] {
        std::os::unix::fs::symlink(Path::new(root).join(name), dir.join(name)).unwrap();
    }
    let bin = Path::new(env!("CARGO_BIN_EXE_hasila")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut failures = Vec::new();
    for (cmd, want) in &examples {
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("{cmd} 2>&1"))
            .current_dir(&dir)
            .env("PATH", &path)
            .stdin(Stdio::null())
            .output()
            .expect("run sh");
        let got = String::from_utf8_lossy(&out.stdout).replace('\u{feff}', "");
        if &got != want {
            failures.push(format!("$ {cmd}\n--- README\n{want}--- got\n{got}"));
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
