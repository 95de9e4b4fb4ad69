//! Where a report folder goes: what `--out` may replace, one run at a time, and a switch
//! that leaves a complete report at the path at every instant.
//!
//! A report folder holds a [`MARKER`] file, so a later run knows it may replace it. Anything
//! else at `--out` — a file, a device, a link, a folder of other things — is refused before
//! any work is done. A run holds a lock beside `--out` from start to end, so two runs on one
//! `--out` take turns; it builds the new report in a fresh hidden folder beside `--out`,
//! writes every file of it to disk, and exchanges it with the old one in one rename
//! (`renameat2(RENAME_EXCHANGE)` on Linux; two renames elsewhere or where the file system
//! has no exchange). The hidden folders a killed run left are removed by the next run.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{ReportError, io_err};

/// The file that marks a folder as a hasila report.
pub const MARKER: &str = ".hasila-report";

/// A claimed `--out`: the fresh folder the report is written into, and the lock held
/// until the report is in place (or dropped).
pub struct Claim {
    pub out: PathBuf,
    pub tmp: PathBuf,
    parent: PathBuf,
    /// Held, not read: the lock lasts as long as the file is open.
    _lock: fs::File,
}

/// Why `out` may not be replaced by a report, when it may not.
fn refusal(out: &Path) -> Result<Option<&'static str>, io::Error> {
    let meta = match fs::symlink_metadata(out) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        other => other?,
    };
    if meta.file_type().is_symlink() {
        return Ok(Some("a link (give the folder itself)"));
    }
    if !meta.is_dir() {
        return Ok(Some("not a folder"));
    }
    let mut entries = fs::read_dir(out)?;
    if entries.next().is_none() || out.join(MARKER).is_file() {
        return Ok(None);
    }
    Ok(Some("a folder that is not a hasila report"))
}

fn check(out: &Path) -> Result<(), ReportError> {
    match refusal(out).map_err(io_err(out))? {
        None => Ok(()),
        Some(why) => Err(ReportError::Refused {
            path: out.display().to_string(),
            why,
        }),
    }
}

/// Claim `out` for a new report: refuse it when it is not empty, new or a report; wait for
/// any other run on it; remove what killed runs left beside it; make the fresh folder.
pub fn claim(out: &Path) -> Result<Claim, ReportError> {
    check(out)?;
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    fs::create_dir_all(&parent).map_err(io_err(&parent))?;
    let name = out
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("report")
        .to_string();
    let lock_path = parent.join(format!(".{name}.lock"));
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(io_err(&lock_path))?;
    lock.lock().map_err(io_err(&lock_path))?;
    // Under the lock, a hidden report folder of this name is no run's any more.
    let prefix = format!(".{name}.");
    for entry in fs::read_dir(&parent).map_err(io_err(&parent))? {
        let entry = entry.map_err(io_err(&parent))?;
        let file = entry.file_name();
        let Some(file) = file.to_str() else { continue };
        let path = entry.path();
        if file.starts_with(&prefix)
            && file.ends_with(".tmp")
            && entry.file_type().is_ok_and(|t| t.is_dir())
            && path.join(MARKER).is_file()
        {
            fs::remove_dir_all(&path).map_err(io_err(&path))?;
        }
    }
    let tmp = parent.join(format!(".{name}.{}.tmp", std::process::id()));
    fs::create_dir(&tmp).map_err(io_err(&tmp))?;
    let marker = tmp.join(MARKER);
    fs::write(&marker, "hasila report\n").map_err(io_err(&marker))?;
    Ok(Claim {
        out: out.to_path_buf(),
        tmp,
        parent,
        _lock: lock,
    })
}

/// Write every file under `dir` and `dir` itself to disk.
fn sync_tree(dir: &Path) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            sync_tree(&entry.path())?;
        } else if kind.is_file() {
            fs::File::open(entry.path())?.sync_all()?;
        }
    }
    sync_dir(dir)
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

impl Claim {
    /// Put the finished folder at `out`: on disk first, then switched in, the old report
    /// removed after. `out` is checked again: what was put there during the run is kept.
    pub fn install(self) -> Result<(), ReportError> {
        let (tmp, out) = (&self.tmp, &self.out);
        sync_tree(tmp).map_err(io_err(tmp))?;
        check(out)?;
        if fs::symlink_metadata(out).is_err() {
            fs::rename(tmp, out).map_err(io_err(out))?;
        } else if exchange(tmp, out).map_err(io_err(out))? {
            // The old report is where the new one was.
            fs::remove_dir_all(tmp).map_err(io_err(tmp))?;
        } else {
            let old = PathBuf::from(format!("{}.old.tmp", tmp.display()));
            fs::rename(out, &old).map_err(io_err(out))?;
            fs::rename(tmp, out).map_err(io_err(out))?;
            fs::remove_dir_all(&old).map_err(io_err(&old))?;
        }
        sync_dir(&self.parent).map_err(io_err(&self.parent))
    }
}

/// Swap two paths in one step; `false` when this system or file system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(io::Error::other);
    let (ca, cb) = (c(a)?, c(b)?);
    // SAFETY: two NUL-terminated paths that live across the call; no other memory is
    // passed, and the call changes only the file system.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        return Ok(true);
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error() {
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP) => Ok(false),
        _ => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("hasila-folder-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn only_a_new_or_empty_folder_or_a_report_may_be_replaced() {
        let d = scratch("refuse");
        assert_eq!(refusal(&d.join("new")).unwrap(), None);
        fs::create_dir(d.join("empty")).unwrap();
        assert_eq!(refusal(&d.join("empty")).unwrap(), None);
        fs::create_dir(d.join("thesis")).unwrap();
        fs::write(d.join("thesis/ch1.tex"), "x").unwrap();
        assert!(refusal(&d.join("thesis")).unwrap().is_some());
        fs::write(d.join("file"), "x").unwrap();
        assert_eq!(refusal(&d.join("file")).unwrap(), Some("not a folder"));
        fs::create_dir(d.join("rep")).unwrap();
        fs::write(d.join("rep").join(MARKER), "").unwrap();
        fs::write(d.join("rep/weekly.csv"), "x").unwrap();
        assert_eq!(refusal(&d.join("rep")).unwrap(), None);
        fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn a_claimed_folder_replaces_the_old_report_and_clears_what_a_killed_run_left() {
        let d = scratch("swap");
        let out = d.join("rep");
        fs::create_dir(&out).unwrap();
        fs::write(out.join(MARKER), "").unwrap();
        fs::write(out.join("old.csv"), "old").unwrap();
        // A killed run's folder, and a stranger's hidden folder that is no report.
        let stale = d.join(".rep.999999.tmp");
        fs::create_dir(&stale).unwrap();
        fs::write(stale.join(MARKER), "").unwrap();
        let other = d.join(".rep.notes.tmp");
        fs::create_dir(&other).unwrap();
        let c = claim(&out).unwrap();
        assert!(!stale.exists());
        assert!(other.exists());
        fs::write(c.tmp.join("new.csv"), "new").unwrap();
        let tmp = c.tmp.clone();
        c.install().unwrap();
        assert!(!tmp.exists());
        assert!(out.join("new.csv").is_file());
        assert!(!out.join("old.csv").exists());
        assert!(out.join(MARKER).is_file());
        fs::remove_dir_all(&d).unwrap();
    }
}
