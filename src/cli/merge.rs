//! `actorgraph merge` (saved graphs into one) and `actorgraph build --into`
//! (new articles into a saved graph). Both hold the graph's lock
//! ([`store::GraphLock`]) from reading to writing, so that two writers
//! never lose each other's work, and write through [`store::write_atomic`],
//! so that a failure never leaves a half-written graph.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use actorgraph::export::Format;
use actorgraph::graph::GraphOptions;
use actorgraph::store::{self, GraphLock, Wait};

use super::build::BuildArgs;
use super::common::{documents, finish, nothing_read, output_path, pipeline, write_output, Skips};
use super::output::EXIT_USAGE;

/// Arguments of `actorgraph merge`.
#[derive(Args)]
pub struct MergeArgs {
    /// Graphs saved as JSON (by build, build --into or merge); - reads one from standard input.
    #[arg(required = true, value_name = "GRAPH.json")]
    pub inputs: Vec<PathBuf>,
    /// Output file, replaced atomically, by one actorgraph at a time (default, or -: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// When another actorgraph is writing the output file, exit (status 1) at once instead of waiting.
    #[arg(long)]
    pub no_wait: bool,
    /// Name the JSON edge list `links` (networkx before 3.6, d3-force) instead of `edges`.
    #[arg(long)]
    pub links_key: bool,
}

/// Print a usage error and give its exit status.
pub fn usage_error(message: &str) -> ExitCode {
    eprintln!("actorgraph: error: {message}");
    ExitCode::from(EXIT_USAGE)
}

pub fn run(a: MergeArgs) -> Result<ExitCode> {
    if a.inputs.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Ok(usage_error("standard input (-) can be read only once"));
    }
    let output = output_path(a.output.as_deref());
    // held from reading the inputs (the output may be one of them) to writing
    let _lock = output.map(|p| lock(p, a.no_wait)).transpose()?;
    let graphs = a.inputs.iter().map(|p| store::read(p)).collect::<Result<Vec<_>, _>>()?;
    let (merged, repeated) = store::merge_all(graphs)?;
    if let Some(w) = store::repeated_warning(&repeated) {
        eprintln!("actorgraph: warning: {w}");
    }
    let text = store::to_json(&merged.graph, &merged.level, a.links_key);
    write_output(output, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Take the lock of the graph at `path`, saying so when another process
/// holds it and this one waits.
fn lock(path: &Path, no_wait: bool) -> Result<GraphLock, store::StoreError> {
    let wait = if no_wait { Wait::NoWait } else { Wait::Wait };
    GraphLock::acquire(path, wait, |holder| {
        let who = holder.map_or_else(|| "another process".to_string(), |pid| format!("process {pid}"));
        eprintln!(
            "actorgraph: {} is being written by another actorgraph ({who}): waiting for it to finish \
             (--no-wait to give up at once)",
            path.display()
        );
    })
}

/// `build INPUT... --into GRAPH.json`: add the articles the saved graph
/// does not hold yet (by document id) and replace the file atomically; a
/// missing file is created.
pub fn build_into(a: &BuildArgs, into: &Path) -> Result<ExitCode> {
    let out = &a.out;
    let view = &out.view;
    if out.output.is_some() || out.format != Format::Json || out.cluster {
        return Ok(usage_error(
            "--into writes the whole graph as JSON to its file: leave out -o, --format and --cluster \
             (write other formats from it with `actorgraph convert`)",
        ));
    }
    if view.level.is_some()
        || !view.relations.is_empty()
        || view.min_weight > 0
        || view.since.is_some()
        || view.until.is_some()
    {
        return Ok(usage_error(
            "--into keeps the whole actor-level graph: views (--level, --relations, --min-weight, --since, \
             --until) are for `actorgraph convert` and `actorgraph query`",
        ));
    }
    let options = GraphOptions {
        include_modal: a.include_modal,
        max_evidence: a.max_evidence,
        same_event_days: a.same_event_days,
    };
    let p = pipeline(&a.model)?;
    // held from reading the old graph to writing the new one (the
    // gazetteer is loaded before, so that the lock is held no longer
    // than needed)
    let _lock = lock(into, a.no_wait)?;
    // read the old graph before reading any article: a bad file stops
    // here, untouched
    let mut saved = store::open_or_new(into, options)?;
    let unknown = saved.graph.anonymous_documents();
    if unknown > 0 {
        eprintln!(
            "actorgraph: warning: {} holds {unknown} document(s) of unknown id (saved without \
             graph.document_ids, as `build -o` writes): an article among them would count twice",
            into.display()
        );
    }
    let mut skips = Skips::default();
    let report = store::build_into(&p, &mut saved.graph, documents(&a.inputs, a.model.date, &mut skips));
    if let Some(code) = nothing_read(&skips, Some(into)) {
        return Ok(code);
    }
    let text = store::to_json(&saved.graph, &saved.level, saved.links_key || out.links_key);
    store::write_atomic(into, text.as_bytes())?;
    let already = if report.already.is_empty() {
        String::new()
    } else {
        let shown: Vec<&str> = report.already.iter().take(5).map(String::as_str).collect();
        format!(
            "; {} already in it, left out ({}{})",
            report.already.len(),
            shown.join(", "),
            if report.already.len() > shown.len() {
                ", …"
            } else {
                ""
            }
        )
    };
    eprintln!(
        "actorgraph: {} document(s) added to {} ({} in all){already}",
        report.added,
        into.display(),
        saved.graph.documents()
    );
    Ok(finish(&skips))
}
