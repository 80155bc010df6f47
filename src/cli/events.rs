//! `actorgraph events`: the event table, one row per event extracted, as
//! JSON Lines (the default, on standard output), CSV or Parquet.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use actorgraph::export::events::{self, EventTable, RowFilter, TableError, TableFormat};
use actorgraph::extract::Relation;
use actorgraph::graph::dedup::DEFAULT_SAME_EVENT_DAYS;
use actorgraph::graph::view::{parse_relation, Level, ViewRequest};
use actorgraph::store::{self, AtomicFile, Target};

use super::common::{documents, finish, nothing_read, output_path, parse_date_arg, pipeline, ModelArgs, Skips};
use super::output::EXIT_USAGE;

/// The examples at the end of `actorgraph events --help`.
pub const EXAMPLES: &str = "\
Examples:
  actorgraph events seeds/                                               JSON Lines on standard output
  actorgraph events news.jsonl.gz --format parquet -o events.parquet     for pandas, R's arrow, DuckDB
  actorgraph events news.jsonl.gz --format csv --level faction -o events.csv";

#[derive(Args)]
pub struct EventsArgs {
    /// Input documents, as for build.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Table format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: TableFormat,
    /// Output file, replaced atomically (default, or -: standard output; not for parquet).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// actor: the actors as linked; faction: persons folded into their affiliation.
    #[arg(long, value_enum, default_value = "actor")]
    pub level: Level,
    /// Keep only these relations (comma-separated: support,oppose,meet).
    #[arg(long, value_name = "RELATIONS", value_delimiter = ',', value_parser = parse_relation)]
    pub relations: Vec<Relation>,
    /// Keep only documents dated on or after DATE (YYYY-MM-DD); undated ones are left out.
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub since: Option<chrono::NaiveDate>,
    /// Keep only documents dated on or before DATE (YYYY-MM-DD); undated ones are left out.
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub until: Option<chrono::NaiveDate>,
    /// Reports of one relation in documents dated N days apart or less, with overlapping words, share an event_id.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_SAME_EVENT_DAYS)]
    pub same_event_days: u32,
    #[command(flatten)]
    pub model: ModelArgs,
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("actorgraph: error: {message}");
    ExitCode::from(EXIT_USAGE)
}

/// Whether `e` comes from writing to a pipe whose reader is gone.
fn broken_pipe(e: &TableError) -> bool {
    match e {
        TableError::Io(io) => io.kind() == std::io::ErrorKind::BrokenPipe,
        TableError::Csv(c) => matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe),
        _ => false,
    }
}

pub fn run(a: EventsArgs) -> Result<ExitCode> {
    let request = ViewRequest {
        level: Some(a.level),
        relations: a.relations.clone(),
        min_weight: 0,
        since: a.since,
        until: a.until,
    };
    if let Err(e) = request.check() {
        return Ok(usage_error(&e.to_string()));
    }
    let path = output_path(a.output.as_deref()).map(PathBuf::from);
    if a.format == TableFormat::Parquet && path.is_none() {
        return Ok(usage_error(
            "--format parquet writes a binary file: give it with -o FILE",
        ));
    }
    if let Some(p) = &path {
        store::check_target(p, Target::File)?;
    }
    let p = pipeline(&a.model)?;
    let filter = RowFilter {
        faction: a.level == Level::Faction,
        relations: a.relations.clone(),
        since: a.since,
        until: a.until,
    };
    // the spill file goes beside the output (the same disk, room for the
    // table), or in the temporary folder for standard output
    let spill_dir = match path.as_deref().and_then(|p| p.parent()) {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        Some(_) => PathBuf::from("."),
        None => std::env::temp_dir(),
    };
    let mut table = EventTable::new(&spill_dir, a.same_event_days).context("making the event table's spill file")?;
    let mut skips = Skips::default();
    let mut failed: Option<TableError> = None;
    p.analyse_each(documents(&a.inputs, a.model.date, &mut skips), |_, analysis| {
        if failed.is_some() {
            return;
        }
        for (row, report) in events::rows_of(p.gazetteer(), analysis, &filter) {
            if let Err(e) = table.push(&row, report) {
                failed = Some(e);
                return;
            }
        }
    });
    if let Some(e) = failed {
        return Err(e.into());
    }
    if let Some(code) = nothing_read(&skips, path.as_deref()) {
        return Ok(code);
    }
    let written = match &path {
        Some(p) => {
            let mut file = AtomicFile::create(p)?;
            let mut w = events::writer(a.format, &mut file)?;
            table.write(w.as_mut()).and_then(|()| w.finish())?;
            file.commit()?;
            Ok(())
        }
        None => {
            let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
            let mut w = events::writer(a.format, out)?;
            table.write(w.as_mut()).and_then(|()| w.finish())
        }
    };
    match written {
        Ok(()) => Ok(finish(&skips)),
        // the reader is gone (`| head`): it has what it wanted, so end
        // quietly, as grep does
        Err(e) if broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("writing to standard output"),
    }
}
