//! `actorgraph build`: the graph of the input documents.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use actorgraph::export::{dot, json, Format};
use actorgraph::graph::{GraphOptions, DEFAULT_MAX_EVIDENCE};

use super::common::{documents, finish, pipeline, write_output, ModelArgs, Skips};

#[derive(Args)]
pub struct BuildArgs {
    /// Input: .txt files, folders, .jsonl files (.gz too), or - for JSON Lines on stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// Output file (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Keep events that did not happen (planned, negated, postponed) as edges with a modality.
    #[arg(long)]
    pub include_modal: bool,
    /// Evidence sentences kept per edge (weights and dates still count every event).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_EVIDENCE)]
    pub max_evidence: usize,
    /// Name the JSON edge list `links` (networkx before 3.6, d3-force) instead of `edges`.
    #[arg(long)]
    pub links_key: bool,
    #[command(flatten)]
    pub model: ModelArgs,
}

pub fn run(a: BuildArgs) -> Result<ExitCode> {
    let p = pipeline(&a.model)?;
    let options = GraphOptions {
        include_modal: a.include_modal,
        max_evidence: a.max_evidence,
    };
    let mut skips = Skips::default();
    let graph = p.build(documents(&a.inputs, a.model.date, &mut skips), options);
    let text = match a.format {
        Format::Json => json::write_json(&graph, "actor", a.links_key),
        Format::Dot => dot::write_dot(&graph),
    };
    write_output(a.output.as_deref(), text.as_bytes())?;
    Ok(finish(&skips))
}
