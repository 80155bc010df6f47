//! The event table as JSON Lines: one object per row, keys in the order of
//! [`super::COLUMNS`], nulls written as `null`.

use std::io::Write;

use super::{EventRow, TableError, TableWriter};

/// Writes rows as JSON Lines.
pub struct JsonlWriter<W: Write> {
    out: W,
    /// One row's line: made in memory, so that only writing it can fail.
    line: Vec<u8>,
}

impl<W: Write> JsonlWriter<W> {
    /// A writer into `out`.
    pub fn new(out: W) -> Self {
        JsonlWriter { out, line: Vec::new() }
    }
}

impl<W: Write> TableWriter for JsonlWriter<W> {
    fn write_row(&mut self, row: &EventRow) -> Result<(), TableError> {
        self.line.clear();
        serde_json::to_writer(&mut self.line, row).expect("a row serialises");
        self.line.push(b'\n');
        self.out.write_all(&self.line)?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), TableError> {
        self.out.flush()?;
        Ok(())
    }
}
