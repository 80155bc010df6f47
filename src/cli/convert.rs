//! `actorgraph convert`: any export of a graph saved as JSON, without
//! reading the articles again. The view flags work as in `build`, and the
//! bytes written are the bytes `build` writes with the same flags.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use actorgraph::export::json::read_json;

use super::output::OutputArgs;

#[derive(Args)]
pub struct ConvertArgs {
    /// A graph saved by `actorgraph build --format json`, or - for standard input.
    #[arg(value_name = "GRAPH.json")]
    pub input: PathBuf,
    #[command(flatten)]
    pub out: OutputArgs,
}

pub fn run(a: ConvertArgs) -> Result<ExitCode> {
    if let Some(code) = a.out.check() {
        return Ok(code);
    }
    a.out.check_target()?;
    let (name, text) = if a.input.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("reading the graph from standard input")?;
        ("<stdin>".to_string(), s)
    } else {
        let s = std::fs::read_to_string(&a.input).with_context(|| format!("reading {}", a.input.display()))?;
        (a.input.display().to_string(), s)
    };
    let (graph, level) = read_json(&name, &text)?;
    a.out.write(&graph, &level)?;
    Ok(ExitCode::SUCCESS)
}
