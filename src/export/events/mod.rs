//! The event table: one row per event extracted (a report), with its date,
//! dyad, relation, modality and sentence, for pandas, R, DuckDB and every
//! tool that reads a table (`actorgraph events`).
//!
//! The columns, in order ([`COLUMNS`]), are the same in every format:
//!
//! | column | type | what |
//! |---|---|---|
//! | `doc` | string | document id |
//! | `date` | date or null | the document's date |
//! | `sentence` | integer | index of the sentence in the document |
//! | `start`, `end` | integer | the sentence's span in code points |
//! | `source`, `source_label`, `source_kind`, `source_affiliation` | string (affiliation null when none) | who acts (for meet: one side) |
//! | `relation` | string | support, oppose or meet |
//! | `target`, `target_label`, `target_kind`, `target_affiliation` | string | whom it is aimed at |
//! | `modality` | string | asserted, or why it did not happen (planned, negated, …) |
//! | `trigger` | string | the words that made it |
//! | `reported_by` | string or null | who the sentence says said so |
//! | `evidence` | string | the sentence |
//! | `event_id` | string | one id for the reports of one event (see [`crate::graph::dedup`]) |
//!
//! Formats: JSON Lines ([`jsonl`]), CSV ([`csv`]) and Parquet with typed
//! columns ([`parquet`]). A table is written as a stream: rows go to a
//! spill file as they are read, with a few bytes per row kept in memory to
//! find the events; once every document is read, the events are named and
//! the rows are written from the spill file in batches. Memory stays flat
//! whatever the size of the corpus. Rows come in input order (document,
//! then the order of extraction), whatever the thread count.

pub mod csv;
pub mod jsonl;
pub mod parquet;

use std::io::{BufRead, BufReader, BufWriter, Seek, Write};

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::extract::{Event, Modality, Relation};
use crate::graph::dedup::{self, Report, Signature};
use crate::graph::DocumentAnalysis;
use crate::link::{ActorId, DocActors, Gazetteer};

/// The columns of the table, in order.
pub const COLUMNS: [&str; 19] = [
    "doc",
    "date",
    "sentence",
    "start",
    "end",
    "source",
    "source_label",
    "source_kind",
    "source_affiliation",
    "relation",
    "target",
    "target_label",
    "target_kind",
    "target_affiliation",
    "modality",
    "trigger",
    "reported_by",
    "evidence",
    "event_id",
];

/// A format of the event table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    /// JSON Lines: one object per row, keys in column order.
    Jsonl,
    /// CSV with a header row (RFC 4180; empty cells for nulls).
    Csv,
    /// Apache Parquet with typed columns (dates as dates).
    Parquet,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRow {
    /// Document id.
    pub doc: String,
    /// The document's date.
    pub date: Option<NaiveDate>,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Code-point offset of the sentence.
    pub start: usize,
    /// Code-point offset past its end.
    pub end: usize,
    /// Who acts.
    pub source: String,
    /// Its display name.
    pub source_label: String,
    /// Its kind.
    pub source_kind: String,
    /// Its faction, when it is a person with one.
    pub source_affiliation: Option<String>,
    /// support, oppose or meet.
    pub relation: Relation,
    /// Whom it is aimed at.
    pub target: String,
    /// Its display name.
    pub target_label: String,
    /// Its kind.
    pub target_kind: String,
    /// Its faction.
    pub target_affiliation: Option<String>,
    /// Whether it happened.
    pub modality: Modality,
    /// The trigger words.
    pub trigger: String,
    /// Who the sentence says said so.
    pub reported_by: Option<String>,
    /// The sentence.
    pub evidence: String,
    /// The event's id (empty until the table is complete).
    pub event_id: String,
}

/// Why a table could not be written.
#[derive(Debug, thiserror::Error)]
pub enum TableError {
    /// Writing the output or the spill file failed.
    #[error("writing the event table: {0}")]
    Io(#[from] std::io::Error),
    /// The Parquet writer refused the data.
    #[error("writing the event table as Parquet: {0}")]
    Parquet(#[from] ::parquet::errors::ParquetError),
    /// The spill file read back is not what was written.
    #[error("reading back the event table's spill file: {0}")]
    Spill(#[from] serde_json::Error),
    /// The CSV writer failed.
    #[error("writing the event table as CSV: {0}")]
    Csv(#[from] ::csv::Error),
}

/// A writer of rows in one format.
pub trait TableWriter {
    /// Write one row.
    fn write_row(&mut self, row: &EventRow) -> Result<(), TableError>;
    /// Write what is buffered and the format's footer.
    fn finish(self: Box<Self>) -> Result<(), TableError>;
}

/// A writer of `format` into `out`.
pub fn writer<'a, W: Write + Send + 'a>(format: TableFormat, out: W) -> Result<Box<dyn TableWriter + 'a>, TableError> {
    Ok(match format {
        TableFormat::Jsonl => Box::new(jsonl::JsonlWriter::new(out)),
        TableFormat::Csv => Box::new(csv::CsvWriter::new(out)?),
        TableFormat::Parquet => Box::new(parquet::ParquetWriter::new(out)?),
    })
}

/// Which rows the table keeps: the view flags of `build`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowFilter {
    /// Persons folded into their affiliation.
    pub faction: bool,
    /// Only these relations (all when empty).
    pub relations: Vec<Relation>,
    /// Only documents dated on or after.
    pub since: Option<NaiveDate>,
    /// Only documents dated on or before.
    pub until: Option<NaiveDate>,
}

impl RowFilter {
    fn keeps_date(&self, date: Option<NaiveDate>) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        date.is_some_and(|d| self.since.is_none_or(|s| s <= d) && self.until.is_none_or(|u| d <= u))
    }
}

/// An actor as the table names it: the actor, or at the faction level a
/// person's affiliation.
fn shown(actors: &DocActors, a: ActorId, faction: bool) -> ActorId {
    let actor = actors.actor(a);
    match actor.affiliation {
        Some(f) if faction && actor.kind == crate::link::ActorKind::Person => f,
        _ => a,
    }
}

/// The rows of one analysed document, with each row's report (what
/// [`EventTable`] groups into events). Modal events are rows too, marked by
/// their `modality`.
pub fn rows_of(gazetteer: &Gazetteer, analysis: &DocumentAnalysis, filter: &RowFilter) -> Vec<(EventRow, Report)> {
    if !filter.keeps_date(analysis.date) {
        return Vec::new();
    }
    let actors = analysis.actors(gazetteer);
    let id = |a: ActorId| actors.actor(a).id.clone();
    let mut rows = Vec::new();
    for ev in &analysis.events {
        if !filter.relations.is_empty() && !filter.relations.contains(&ev.relation) {
            continue;
        }
        let (s, t) = (
            shown(&actors, ev.source, filter.faction),
            shown(&actors, ev.target, filter.faction),
        );
        if actors.actor(s).id == actors.actor(t).id {
            continue; // folded into one faction: no event between it and itself
        }
        rows.push((row(&actors, analysis, ev, s, t, id), report(&actors, analysis, ev)));
    }
    rows
}

/// The report of an event: as the graph makes it, from the actors' own ids
/// (before any folding), so that a row's event is the graph's.
fn report(actors: &DocActors, analysis: &DocumentAnalysis, ev: &Event) -> Report {
    Report::one(
        analysis.date,
        Signature::of(
            &ev.evidence.text,
            &[
                &actors.actor(ev.source).id,
                &actors.actor(ev.target).id,
                &ev.evidence.trigger,
            ],
        ),
    )
}

fn row(
    actors: &DocActors,
    analysis: &DocumentAnalysis,
    ev: &Event,
    s: ActorId,
    t: ActorId,
    id: impl Fn(ActorId) -> String,
) -> EventRow {
    let (sa, ta) = (actors.actor(s), actors.actor(t));
    EventRow {
        doc: analysis.doc.clone(),
        date: analysis.date,
        sentence: ev.evidence.sentence,
        start: ev.evidence.start,
        end: ev.evidence.end,
        source: sa.id.clone(),
        source_label: sa.label.clone(),
        source_kind: sa.kind.as_str().to_string(),
        source_affiliation: sa.affiliation.map(&id),
        relation: ev.relation,
        target: ta.id.clone(),
        target_label: ta.label.clone(),
        target_kind: ta.kind.as_str().to_string(),
        target_affiliation: ta.affiliation.map(&id),
        modality: ev.modality,
        trigger: ev.evidence.trigger.clone(),
        reported_by: ev.reported_by.map(&id),
        evidence: ev.evidence.text.clone(),
        event_id: String::new(),
    }
}

/// The edge a row belongs to, by interned actor ids: meet is undirected.
type Dyad = (u32, Relation, u32, Modality);

/// What orders the reports of one event to name it: the document (by the
/// hash of its id), the sentence and its start (16 bytes).
type Place = (u64, u32, u32);

/// The table being collected: rows spilled to a file, and per row its
/// dyad, report and place, from which the events are found at the end.
pub struct EventTable {
    spill: BufWriter<std::fs::File>,
    ids: Vec<String>,
    interned: FxHashMap<String, u32>,
    keys: Vec<(Dyad, Report, Place)>,
    same_event_days: u32,
}

impl EventTable {
    /// An empty table whose rows spill to an unnamed temporary file in
    /// `spill_dir` (removed by the system when the table is dropped).
    pub fn new(spill_dir: &std::path::Path, same_event_days: u32) -> Result<EventTable, TableError> {
        Ok(EventTable {
            spill: BufWriter::with_capacity(1 << 16, tempfile::tempfile_in(spill_dir)?),
            ids: Vec::new(),
            interned: FxHashMap::default(),
            keys: Vec::new(),
            same_event_days,
        })
    }

    fn intern(&mut self, id: &str) -> u32 {
        if let Some(&i) = self.interned.get(id) {
            return i;
        }
        let i = self.ids.len() as u32;
        self.ids.push(id.to_string());
        self.interned.insert(id.to_string(), i);
        i
    }

    /// Number of rows so far.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether it has no rows.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Add a row and its report.
    pub fn push(&mut self, row: &EventRow, report: Report) -> Result<(), TableError> {
        let (mut a, mut b) = (row.source.as_str(), row.target.as_str());
        if row.relation == Relation::Meet && b < a {
            std::mem::swap(&mut a, &mut b);
        }
        let dyad = (self.intern(a), row.relation, self.intern(b), row.modality);
        let short = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let place = (
            dedup::fnv1a64(&[row.doc.as_bytes()]),
            short(row.sentence),
            short(row.start),
        );
        self.keys.push((dyad, report, place));
        serde_json::to_writer(&mut self.spill, row)?;
        self.spill.write_all(b"\n")?;
        Ok(())
    }

    /// Name the events and write every row, in the order pushed, to `out`.
    pub fn write(self, out: &mut dyn TableWriter) -> Result<(), TableError> {
        let events = dedup::events_of(&self.keys, self.same_event_days);
        let mut file = self.spill.into_inner().map_err(|e| e.into_error())?;
        file.rewind()?;
        let mut lines = BufReader::with_capacity(1 << 16, file).lines();
        for &root in &events {
            let line = lines
                .next()
                .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "the spill file ends early"))??;
            let mut row: EventRow = serde_json::from_str(&line)?;
            // named again for each report (a hash): cheaper than a map of
            // every event's name
            row.event_id = event_name(&self.ids, &self.keys[root as usize]);
            out.write_row(&row)?;
        }
        Ok(())
    }
}

/// An event's id, from its dyad and its least report: `ev` and 16 hex
/// digits, the same for the same reports whatever their order.
fn event_name(ids: &[String], (dyad, report, place): &(Dyad, Report, Place)) -> String {
    let (a, rel, b, modality) = *dyad;
    let hash = dedup::fnv1a64(&[
        ids[a as usize].as_bytes(),
        rel.as_str().as_bytes(),
        ids[b as usize].as_bytes(),
        modality.as_str().as_bytes(),
        report.to_string().as_bytes(),
        &place.0.to_le_bytes(),
        &place.1.to_le_bytes(),
        &place.2.to_le_bytes(),
    ]);
    format!("ev{hash:016x}")
}

#[cfg(test)]
mod tests;
