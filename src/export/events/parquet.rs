//! The event table as Apache Parquet, through the Arrow project's crates:
//! typed columns (`date` a Date32, `sentence`, `start`, `end` unsigned
//! 64-bit integers, the rest UTF-8 strings; the affiliations, `date` and
//! `reported_by` nullable), Snappy-compressed, written in batches of
//! [`BATCH_ROWS`] rows and row groups of [`ROW_GROUP_ROWS`], so that
//! memory stays flat however many rows there are.

use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{Date32Builder, StringBuilder, UInt64Builder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::{EventRow, TableError, TableWriter, COLUMNS};

/// Rows gathered before they go to the Parquet writer as one batch.
pub const BATCH_ROWS: usize = 8192;

/// Rows of one row group (the writer holds one group's pages in memory).
pub const ROW_GROUP_ROWS: usize = 65536;

/// The type of each column of [`COLUMNS`], and whether it can be null.
fn column_type(name: &str) -> (DataType, bool) {
    match name {
        "date" => (DataType::Date32, true),
        "sentence" | "start" | "end" => (DataType::UInt64, false),
        "source_affiliation" | "target_affiliation" | "reported_by" => (DataType::Utf8, true),
        _ => (DataType::Utf8, false),
    }
}

/// The table's Arrow schema.
pub fn schema() -> SchemaRef {
    Arc::new(Schema::new(
        COLUMNS
            .iter()
            .map(|c| {
                let (ty, nullable) = column_type(c);
                Field::new(*c, ty, nullable)
            })
            .collect::<Vec<_>>(),
    ))
}

/// The columns of one batch being gathered.
struct Batch {
    doc: StringBuilder,
    date: Date32Builder,
    numbers: [UInt64Builder; 3],
    /// source .. evidence, then event_id: every string column after `end`.
    strings: Vec<StringBuilder>,
    rows: usize,
}

impl Batch {
    fn new() -> Batch {
        Batch {
            doc: StringBuilder::new(),
            date: Date32Builder::new(),
            numbers: std::array::from_fn(|_| UInt64Builder::new()),
            strings: (5..COLUMNS.len()).map(|_| StringBuilder::new()).collect(),
            rows: 0,
        }
    }

    fn push(&mut self, r: &EventRow) {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date");
        self.doc.append_value(&r.doc);
        self.date.append_option(r.date.map(|d| (d - epoch).num_days() as i32));
        for (b, v) in self.numbers.iter_mut().zip([r.sentence, r.start, r.end]) {
            b.append_value(v as u64);
        }
        let cells: [Option<&str>; 14] = [
            Some(&r.source),
            Some(&r.source_label),
            Some(&r.source_kind),
            r.source_affiliation.as_deref(),
            Some(r.relation.as_str()),
            Some(&r.target),
            Some(&r.target_label),
            Some(&r.target_kind),
            r.target_affiliation.as_deref(),
            Some(r.modality.as_str()),
            Some(&r.trigger),
            r.reported_by.as_deref(),
            Some(&r.evidence),
            Some(&r.event_id),
        ];
        for (b, v) in self.strings.iter_mut().zip(cells) {
            b.append_option(v);
        }
        self.rows += 1;
    }

    fn finish(&mut self, schema: &SchemaRef) -> Result<RecordBatch, TableError> {
        let mut columns: Vec<ArrayRef> = vec![Arc::new(self.doc.finish()), Arc::new(self.date.finish())];
        columns.extend(self.numbers.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
        columns.extend(self.strings.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
        self.rows = 0;
        Ok(RecordBatch::try_new(schema.clone(), columns).map_err(parquet::errors::ParquetError::from)?)
    }
}

/// Writes rows as Parquet.
pub struct ParquetWriter<W: Write + Send> {
    out: ArrowWriter<W>,
    schema: SchemaRef,
    batch: Batch,
}

impl<W: Write + Send> ParquetWriter<W> {
    /// A writer into `out`.
    pub fn new(out: W) -> Result<Self, TableError> {
        let schema = schema();
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_created_by(crate::export::json::generator())
            .build();
        Ok(ParquetWriter {
            out: ArrowWriter::try_new(out, schema.clone(), Some(props))?,
            schema,
            batch: Batch::new(),
        })
    }

    fn flush_batch(&mut self) -> Result<(), TableError> {
        if self.batch.rows > 0 {
            let b = self.batch.finish(&self.schema)?;
            self.out.write(&b)?;
        }
        Ok(())
    }
}

impl<W: Write + Send> TableWriter for ParquetWriter<W> {
    fn write_row(&mut self, row: &EventRow) -> Result<(), TableError> {
        self.batch.push(row);
        if self.batch.rows >= BATCH_ROWS {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), TableError> {
        self.flush_batch()?;
        let mut out = self.out.into_inner()?;
        out.flush()?;
        Ok(())
    }
}
