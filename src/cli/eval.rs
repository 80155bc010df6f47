//! `actorgraph eval`: scores against gold files.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use actorgraph::eval::{load_gold, Scorer};
use actorgraph::graph::GraphOptions;

use super::common::{documents, finish, pipeline, ModelArgs, Skips};

#[derive(Args)]
pub struct EvalArgs {
    /// Folder of gold files (searched recursively for .json files with a "doc" key).
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// Input documents, as for build.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// List missed and spurious edges and unlinked surfaces.
    #[arg(short, long)]
    pub verbose: bool,
    #[command(flatten)]
    pub model: ModelArgs,
}

pub fn run(a: EvalArgs) -> Result<ExitCode> {
    let gold = load_gold(&a.gold).context("loading the gold files")?;
    let p = pipeline(&a.model)?;
    let mut scorer = Scorer::new(&gold, p.gazetteer());
    let mut skips = Skips::default();
    p.build_with(
        documents(&a.inputs, a.model.date, &mut skips),
        GraphOptions::default(),
        |doc, analysis| scorer.add(&doc.text, analysis),
    );
    let report = scorer.finish();
    print!("{}", report.render(a.verbose));
    Ok(finish(&skips))
}
