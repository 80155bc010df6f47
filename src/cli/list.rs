//! `actorgraph mentions`: JSON Lines for audit (the event table is
//! `cli::events`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use actorgraph::graph::GraphOptions;

use super::common::{documents, finish, pipeline, ModelArgs, Skips};

#[derive(Args)]
pub struct ListArgs {
    /// Input documents, as for build.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub model: ModelArgs,
}

pub fn run(a: ListArgs) -> Result<ExitCode> {
    let p = pipeline(&a.model)?;
    let mut skips = Skips::default();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = None;
    p.build_with(
        documents(&a.inputs, a.model.date, &mut skips),
        GraphOptions::default(),
        |doc, analysis| {
            let chars = actorgraph::text::CharIndex::new(&doc.text);
            let g = analysis.actors(p.gazetteer());
            let mut lines = Vec::new();
            for m in &analysis.mentions {
                lines.push(serde_json::json!({
                    "doc": doc.id,
                    "sentence": m.sentence,
                    "start": chars.char_offset(m.start),
                    "end": chars.char_offset(m.end),
                    "text": m.text(&doc.text),
                    "actor": g.actor(m.actor).id,
                    "how": m.how,
                    "origin": if g.is_found(m.actor) { "text" } else { "gazetteer" },
                    "score": m.score,
                }));
            }
            for l in lines {
                if let Err(e) = writeln!(out, "{l}") {
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        // the reader is gone (`| head`): it has what it
                        // wanted, so end at once and quietly, as grep does
                        std::process::exit(0);
                    }
                    failed.get_or_insert(e);
                }
            }
        },
    );
    if let Some(e) = failed {
        return Err(e).context("writing to standard output");
    }
    out.flush().context("writing to standard output")?;
    Ok(finish(&skips))
}
