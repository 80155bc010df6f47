//! The event table as CSV: a header row of [`super::COLUMNS`], then one
//! record per row (RFC 4180, UTF-8 without a byte-order mark, line feeds);
//! a null is an empty cell, a date is `YYYY-MM-DD`.
//!
//! Cells are written as they are, unlike the graph's CSV tables
//! (`export::csv`), which put a `'` before a cell a spreadsheet would run
//! as a formula: this table is for programs (pandas, R, DuckDB) and must
//! hold the values of the JSON Lines.

use std::io::Write;

use super::{EventRow, TableError, TableWriter, COLUMNS};

/// Writes rows as CSV.
pub struct CsvWriter<W: Write> {
    out: ::csv::Writer<W>,
}

impl<W: Write> CsvWriter<W> {
    /// A writer into `out`, the header written.
    pub fn new(out: W) -> Result<Self, TableError> {
        let mut out = ::csv::WriterBuilder::new().has_headers(false).from_writer(out);
        out.write_record(COLUMNS)?;
        Ok(CsvWriter { out })
    }
}

impl<W: Write> TableWriter for CsvWriter<W> {
    fn write_row(&mut self, r: &EventRow) -> Result<(), TableError> {
        let opt = |x: &Option<String>| x.clone().unwrap_or_default();
        self.out.write_record([
            r.doc.as_str(),
            &r.date.map(|d| d.to_string()).unwrap_or_default(),
            &r.sentence.to_string(),
            &r.start.to_string(),
            &r.end.to_string(),
            &r.source,
            &r.source_label,
            &r.source_kind,
            &opt(&r.source_affiliation),
            r.relation.as_str(),
            &r.target,
            &r.target_label,
            &r.target_kind,
            &opt(&r.target_affiliation),
            r.modality.as_str(),
            &r.trigger,
            &opt(&r.reported_by),
            &r.evidence,
            &r.event_id,
        ])?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), TableError> {
        self.out.flush()?;
        Ok(())
    }
}
