//! `actorgraph suggest`: actors the gazetteer lacks, as RON stubs.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use actorgraph::link::suggest::{to_ron, Suggester};

use super::common::{documents, finish, nothing_read, output_path, pipeline, write_output, ModelArgs, Skips};

/// Arguments of `actorgraph suggest`.
#[derive(Args)]
pub struct SuggestArgs {
    /// Input documents, as for build.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Only names seen at least this many times.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_count: usize,
    /// Output file, replaced atomically (default, or -: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub model: ModelArgs,
}

/// Gather unlinked names and print them as a gazetteer of stubs.
pub fn run(a: SuggestArgs) -> Result<ExitCode> {
    let output = output_path(a.output.as_deref());
    if let Some(p) = output {
        actorgraph::store::check_target(p, actorgraph::store::Target::File)?;
    }
    let p = pipeline(&a.model)?;
    let mut skips = Skips::default();
    let mut sg = Suggester::new();
    for doc in documents(&a.inputs, a.model.date, &mut skips) {
        sg.add_document(p.linker(), &doc);
    }
    if let Some(code) = nothing_read(&skips, output) {
        return Ok(code);
    }
    write_output(output, to_ron(&sg.suggestions(a.min_count)).as_bytes())?;
    Ok(finish(&skips))
}
