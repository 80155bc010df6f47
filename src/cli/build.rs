//! `actorgraph build`: the graph of the input documents.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use actorgraph::graph::dedup::DEFAULT_SAME_EVENT_DAYS;
use actorgraph::graph::{GraphOptions, DEFAULT_MAX_EVIDENCE};

use super::common::{documents, finish, nothing_read, pipeline, ModelArgs, Skips};
use super::output::OutputArgs;

/// The examples at the end of `actorgraph build --help`.
pub const EXAMPLES: &str = "\
Examples:
  actorgraph build seeds/ -o graph.json                                  node-link JSON (networkx)
  actorgraph build news.jsonl.gz --format html -o graph.html             a page to explore in a browser
  actorgraph build articles/ --gazetteer my_actors.csv --format svg -o graph.svg";

#[derive(Args)]
pub struct BuildArgs {
    /// Input: .txt files, folders, .jsonl files (.gz too), or - for JSON Lines on stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub out: OutputArgs,
    /// Keep events that did not happen (planned, negated, postponed) as edges with a modality.
    #[arg(long)]
    pub include_modal: bool,
    /// Evidence sentences kept per edge (weights and dates still count every event).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_EVIDENCE)]
    pub max_evidence: usize,
    /// Reports of one relation in documents dated N days apart or less, with overlapping words, are one event (edges' `events`).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_SAME_EVENT_DAYS)]
    pub same_event_days: u32,
    /// Add the articles to the graph saved in FILE (created if missing), replacing it atomically; articles it already holds (by id) are left out.
    #[arg(long, value_name = "FILE")]
    pub into: Option<PathBuf>,
    /// With --into: when another actorgraph is writing the graph, exit (status 1) at once instead of waiting.
    #[arg(long)]
    pub no_wait: bool,
    #[command(flatten)]
    pub model: ModelArgs,
}

pub fn run(a: BuildArgs) -> Result<ExitCode> {
    if let Some(code) = a.out.check() {
        return Ok(code);
    }
    if let Some(into) = &a.into {
        return super::merge::build_into(&a, into);
    }
    if a.no_wait {
        return Ok(super::merge::usage_error(
            "--no-wait is for --into (a graph written by one process at a time)",
        ));
    }
    a.out.check_target()?;
    let p = pipeline(&a.model)?;
    let options = GraphOptions {
        include_modal: a.include_modal,
        max_evidence: a.max_evidence,
        same_event_days: a.same_event_days,
    };
    let mut skips = Skips::default();
    let graph = p.build(documents(&a.inputs, a.model.date, &mut skips), options);
    if let Some(code) = nothing_read(&skips, a.out.path()) {
        return Ok(code);
    }
    a.out.write(&graph, "actor")?;
    Ok(finish(&skips))
}
