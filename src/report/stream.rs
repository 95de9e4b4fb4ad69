//! The incident stream: each article's events wait on disk, sorted by date, their quotes
//! in a file of their own; at the end they are read back by date and merged into incidents
//! two days at a time ([`crate::aggregate::Merger`]), each handed on as it settles.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{ReportError, io_err};
use crate::aggregate::{self, Figure, GroupKey, Incident};
use crate::record::Category;
use crate::spill::SortedSpill;

/// One article's event as it waits on disk; its quotes wait in the [`QuoteFile`].
#[derive(serde::Serialize, serde::Deserialize)]
pub struct EventRecord {
    event_date: NaiveDate,
    admin1: Option<String>,
    admin1_pcode: Option<String>,
    place: Option<String>,
    pcode: Option<String>,
    weapon: Option<String>,
    figures: Vec<((Category, GroupKey), Figure)>,
    sources: Vec<String>,
    quotes: QuoteSpan,
    revision: bool,
}

impl EventRecord {
    pub fn new(i: Incident, quotes: QuoteSpan) -> EventRecord {
        EventRecord {
            event_date: i.event_date,
            admin1: i.admin1,
            admin1_pcode: i.admin1_pcode,
            place: i.place,
            pcode: i.pcode,
            weapon: i.weapon,
            figures: i.figures.into_iter().collect(),
            sources: i.sources,
            quotes,
            revision: i.revision,
        }
    }

    /// The order events are read back in: by the day it happened, and on one day the
    /// revisions after the reports they may revise.
    pub fn order(&self) -> (NaiveDate, bool) {
        (self.event_date, self.revision)
    }

    /// The event, without its quotes (they come back by [`QuoteSpan`]).
    fn into_event(self) -> (Incident, QuoteSpan) {
        let i = Incident {
            event_date: self.event_date,
            admin1: self.admin1,
            admin1_pcode: self.admin1_pcode,
            place: self.place,
            pcode: self.pcode,
            weapon: self.weapon,
            figures: self.figures.into_iter().collect(),
            sources: self.sources,
            quotes: Vec::new(),
            revision: self.revision,
        };
        (i, self.quotes)
    }
}

/// Where one event's quotes are in the [`QuoteFile`]: byte offset and length.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub struct QuoteSpan(u64, u32);

/// Events' quotes (with their articles), appended as JSON; read back by span when the
/// incident they belong to is written. Quotes are most of an event's bytes, so incidents
/// being merged hold only spans.
pub struct QuoteFile {
    path: PathBuf,
    w: io::BufWriter<fs::File>,
    at: u64,
}

impl QuoteFile {
    pub fn create(path: PathBuf) -> io::Result<QuoteFile> {
        let w = io::BufWriter::new(fs::File::create(&path)?);
        Ok(QuoteFile { path, w, at: 0 })
    }

    pub fn put(&mut self, quotes: &[(String, String)]) -> io::Result<QuoteSpan> {
        let bytes = serde_json::to_vec(quotes).map_err(io::Error::other)?;
        self.w.write_all(&bytes)?;
        let span = QuoteSpan(
            self.at,
            u32::try_from(bytes.len()).map_err(io::Error::other)?,
        );
        self.at += bytes.len() as u64;
        Ok(span)
    }

    /// Done writing: a reader of the spans written.
    pub fn reader(&mut self) -> io::Result<QuoteReader> {
        self.w.flush()?;
        Ok(QuoteReader {
            file: fs::File::open(&self.path)?,
            path: self.path.clone(),
            buf: Vec::new(),
        })
    }
}

pub struct QuoteReader {
    file: fs::File,
    path: PathBuf,
    buf: Vec<u8>,
}

impl QuoteReader {
    pub fn read(&mut self, span: QuoteSpan) -> Result<Vec<(String, String)>, ReportError> {
        use std::io::{Read, Seek, SeekFrom};
        let mut read = || {
            self.buf.resize(span.1 as usize, 0);
            self.file.seek(SeekFrom::Start(span.0))?;
            self.file.read_exact(&mut self.buf)?;
            serde_json::from_slice(&self.buf).map_err(io::Error::other)
        };
        read().map_err(io_err(&self.path))
    }
}

/// Events by date, merged into incidents; each settled incident, its quotes read back, goes
/// to `settled` in date order, with `false`; each revision that revised no incident, with
/// `true`.
pub fn merge(
    events: &mut SortedSpill<EventRecord, (NaiveDate, bool)>,
    spill: &Path,
    quotes: &mut QuoteReader,
    mut settled: impl FnMut(Incident, bool) -> Result<(), ReportError>,
) -> Result<(), ReportError> {
    let mut merger = aggregate::Merger::default();
    let mut read = |mut i: Incident, spans: &[QuoteSpan]| -> Result<Incident, ReportError> {
        for s in spans {
            i.quotes.extend(quotes.read(*s)?);
        }
        Ok(i)
    };
    for rec in events.sorted().map_err(io_err(spill))? {
        let (e, span) = rec.map_err(io_err(spill))?.into_event();
        for (i, spans) in merger.settled(e.event_date) {
            settled(read(i, &spans)?, false)?;
        }
        if let Some((e, span)) = merger.push(e, span) {
            settled(read(e, &[span])?, true)?;
        }
    }
    for (i, spans) in merger.finish() {
        settled(read(i, &spans)?, false)?;
    }
    Ok(())
}
