//! Records sorted on disk, so a report's memory does not grow with the corpus.
//!
//! [`SortedSpill`] takes records in input order and gives them back sorted by a key, ties in
//! input order (the order a stable in-memory sort gives): records are held in runs of at most
//! `run` records, each run sorted and written as JSON Lines, and the runs are merged at the
//! end. A corpus that fits in one run never touches the disk.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// At most this many runs are read at once; more are first merged into one (so a huge
/// corpus does not run out of file handles).
const FAN_IN: usize = 64;

/// Records to be read back sorted by `key`.
pub struct SortedSpill<T, K> {
    dir: PathBuf,
    name: &'static str,
    run: usize,
    key: fn(&T) -> K,
    held: Vec<T>,
    runs: Vec<PathBuf>,
    written: usize,
}

fn other(path: &Path, e: impl std::fmt::Display) -> io::Error {
    io::Error::other(format!("{}: {e}", path.display()))
}

impl<T: Serialize + DeserializeOwned, K: Ord> SortedSpill<T, K> {
    /// Runs of `run` records go to `dir` (which must exist) as `name.N.jsonl`.
    pub fn new(dir: &Path, name: &'static str, run: usize, key: fn(&T) -> K) -> Self {
        SortedSpill {
            dir: dir.to_path_buf(),
            name,
            run: run.max(1),
            key,
            held: Vec::new(),
            runs: Vec::new(),
            written: 0,
        }
    }

    pub fn push(&mut self, t: T) -> io::Result<()> {
        self.held.push(t);
        if self.held.len() >= self.run {
            let held = std::mem::take(&mut self.held);
            self.write_run(held)?;
        }
        Ok(())
    }

    /// Sort `records` (stably) and write them as the next run.
    fn write_run(&mut self, mut records: Vec<T>) -> io::Result<()> {
        records.sort_by_key(self.key);
        self.write_sorted(records.into_iter().map(Ok))
    }

    fn write_sorted(&mut self, records: impl Iterator<Item = io::Result<T>>) -> io::Result<()> {
        let path = self
            .dir
            .join(format!("{}.{}.jsonl", self.name, self.written));
        self.written += 1;
        let mut w = BufWriter::new(fs::File::create(&path)?);
        for t in records {
            serde_json::to_writer(&mut w, &t?).map_err(|e| other(&path, e))?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
        self.runs.push(path);
        Ok(())
    }

    /// Every record pushed, sorted by key, ties in the order they were pushed; the spill is
    /// left empty.
    pub fn sorted(&mut self) -> io::Result<Sorted<T, K>> {
        let key = self.key;
        if self.runs.is_empty() {
            let mut held = std::mem::take(&mut self.held);
            held.sort_by_key(key);
            return Ok(Sorted::Held(held.into_iter()));
        }
        if !self.held.is_empty() {
            let held = std::mem::take(&mut self.held);
            self.write_run(held)?;
        }
        // Too many runs: merge the oldest into one, which keeps the order of ties (its
        // records all came before those of the runs after it).
        while self.runs.len() > FAN_IN {
            let first: Vec<PathBuf> = self.runs.drain(..FAN_IN).collect();
            let merged = Merge::open(&first, key)?;
            let rest = std::mem::take(&mut self.runs);
            self.write_sorted(merged)?;
            let last = self.runs.pop().expect("just written");
            self.runs = std::iter::once(last).chain(rest).collect();
            for p in first {
                let _ = fs::remove_file(p);
            }
        }
        let runs = std::mem::take(&mut self.runs);
        Ok(Sorted::Merged(Merge::open(&runs, key)?))
    }
}

/// Records read back in key order.
pub enum Sorted<T, K> {
    Held(std::vec::IntoIter<T>),
    Merged(Merge<T, K>),
}

impl<T: DeserializeOwned, K: Ord> Iterator for Sorted<T, K> {
    type Item = io::Result<T>;

    fn next(&mut self) -> Option<io::Result<T>> {
        match self {
            Sorted::Held(it) => it.next().map(Ok),
            Sorted::Merged(m) => m.next(),
        }
    }
}

/// A k-way merge of sorted runs; of equal keys, the earlier run's record first.
pub struct Merge<T, K> {
    readers: Vec<(PathBuf, io::Lines<BufReader<fs::File>>)>,
    heads: Vec<Option<T>>,
    heap: BinaryHeap<Reverse<(K, usize)>>,
    key: fn(&T) -> K,
}

impl<T: DeserializeOwned, K: Ord> Merge<T, K> {
    fn open(runs: &[PathBuf], key: fn(&T) -> K) -> io::Result<Self> {
        let mut m = Merge {
            readers: Vec::new(),
            heads: Vec::new(),
            heap: BinaryHeap::new(),
            key,
        };
        for (i, p) in runs.iter().enumerate() {
            let f = fs::File::open(p).map_err(|e| other(p, e))?;
            m.readers.push((p.clone(), BufReader::new(f).lines()));
            m.heads.push(None);
            m.advance(i)?;
        }
        Ok(m)
    }

    /// Read run `i`'s next record into its head.
    fn advance(&mut self, i: usize) -> io::Result<()> {
        let (path, lines) = &mut self.readers[i];
        if let Some(line) = lines.next() {
            let t: T = serde_json::from_str(&line?).map_err(|e| other(path, e))?;
            self.heap.push(Reverse(((self.key)(&t), i)));
            self.heads[i] = Some(t);
        }
        Ok(())
    }
}

impl<T: DeserializeOwned, K: Ord> Iterator for Merge<T, K> {
    type Item = io::Result<T>;

    fn next(&mut self) -> Option<io::Result<T>> {
        let Reverse((_, i)) = self.heap.pop()?;
        let t = self.heads[i].take().expect("a run in the heap has a head");
        Some(self.advance(i).map(|()| t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pairs (key, input position): the spill must give what a stable sort gives, whether
    /// the records stay in memory, go to a few runs, or to more runs than are read at once.
    #[test]
    fn gives_what_a_stable_sort_gives() {
        let dir = std::env::temp_dir().join(format!("hasila-spill-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let input: Vec<(u32, usize)> = (0..5000).map(|i| ((i * 7919 % 13) as u32, i)).collect();
        let mut expected = input.clone();
        expected.sort_by_key(|r| r.0);
        for run in [10_000, 700, 3] {
            let mut s = SortedSpill::new(&dir, "t", run, |r: &(u32, usize)| r.0);
            for r in &input {
                s.push(*r).unwrap();
            }
            let got: Vec<(u32, usize)> = s.sorted().unwrap().map(Result::unwrap).collect();
            assert_eq!(got, expected, "runs of {run}");
        }
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_broken_run_is_an_error_naming_its_file() {
        let dir = std::env::temp_dir().join(format!("hasila-spill-bad-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let mut s = SortedSpill::new(&dir, "t", 2, |r: &u32| *r);
        for r in [3, 1, 2, 5] {
            s.push(r).unwrap();
        }
        fs::write(dir.join("t.0.jsonl"), "1\nnot json\n").unwrap();
        let err = s
            .sorted()
            .and_then(|it| it.collect::<io::Result<Vec<u32>>>())
            .unwrap_err();
        assert!(err.to_string().contains("t.0.jsonl"), "{err}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
