//! The actorgraph command line: parse arguments, call the library, print.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};

use actorgraph::corpus::{parse_date, Document, Reader};
use actorgraph::eval::{load_gold, Scorer};
use actorgraph::export::{dot, json, Format};
use actorgraph::extract::Lexicon;
use actorgraph::graph::{GraphOptions, DEFAULT_MAX_EVIDENCE};
use actorgraph::link::Gazetteer;
use actorgraph::pipeline::Pipeline;

/// Exit status when some input was skipped (the rest was processed).
const EXIT_SKIPPED: u8 = 3;
/// Exit status of a fatal error (bad gazetteer, unwritable output).
const EXIT_ERROR: u8 = 1;

/// Turn news about a conflict into a graph of its actors.
#[derive(Parser)]
#[command(name = "actorgraph", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the graph of the input documents and write it.
    Build(BuildArgs),
    /// Score the graph of the input documents against gold files.
    Eval(EvalArgs),
    /// Print every linked mention as JSON Lines (doc, sentence, start, end, text, actor, how, score).
    Mentions(ListArgs),
    /// Print every extracted event as JSON Lines, modal ones included.
    Events(ListArgs),
}

#[derive(Args)]
struct ListArgs {
    /// Input documents, as for build.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    model: ModelArgs,
}

/// Where the actors and triggers come from.
#[derive(Args)]
struct ModelArgs {
    /// A gazetteer file (.ron, .json or .csv) to add to the shipped one; repeatable.
    #[arg(long = "gazetteer", value_name = "FILE")]
    gazetteers: Vec<PathBuf>,
    /// Leave the shipped gazetteer out (use only --gazetteer files).
    #[arg(long)]
    no_default_gazetteer: bool,
    /// A trigger lexicon (.ron) to use instead of the shipped one.
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,
    /// The date of documents that carry none (YYYY-MM-DD), for role titles.
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    date: Option<chrono::NaiveDate>,
    /// Worker threads (default: all cores). The output does not depend on it.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
}

#[derive(Args)]
struct BuildArgs {
    /// Input: .txt files, folders, .jsonl files (.gz too), or - for JSON Lines on stdin.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Output file (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Keep events that did not happen (planned, negated, postponed) as edges with a modality.
    #[arg(long)]
    include_modal: bool,
    /// Evidence sentences kept per edge (weights and dates still count every event).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_EVIDENCE)]
    max_evidence: usize,
    /// Name the JSON edge list `links` (networkx before 3.6, d3-force) instead of `edges`.
    #[arg(long)]
    links_key: bool,
    #[command(flatten)]
    model: ModelArgs,
}

#[derive(Args)]
struct EvalArgs {
    /// Folder of gold files (searched recursively for .json files with a "doc" key).
    #[arg(long, value_name = "DIR")]
    gold: PathBuf,
    /// Input documents, as for build.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// List missed and spurious edges and unlinked surfaces.
    #[arg(short, long)]
    verbose: bool,
    #[command(flatten)]
    model: ModelArgs,
}

fn parse_date_arg(s: &str) -> Result<chrono::NaiveDate, String> {
    parse_date(s).ok_or_else(|| format!("{s:?} is not a date of the form YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(a) => build(a),
        Command::Eval(a) => eval(a),
        Command::Mentions(a) => list(a, false),
        Command::Events(a) => list(a, true),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("actorgraph: error: {e:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn pipeline(m: &ModelArgs) -> Result<Pipeline> {
    if let Some(n) = m.threads {
        // Only the first call can set it; later ones keep the first setting.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let gazetteer = Gazetteer::load(&m.gazetteers, m.no_default_gazetteer).context("loading the gazetteer")?;
    for w in gazetteer.warnings() {
        if !m.gazetteers.is_empty() || m.no_default_gazetteer {
            eprintln!("actorgraph: warning: {w}");
        }
    }
    let lexicon = match &m.lexicon {
        Some(p) => Lexicon::from_file(p).context("loading the lexicon")?,
        None => Lexicon::embedded(),
    };
    Ok(Pipeline::new(gazetteer, lexicon))
}

/// Counts of what the reader skipped, reported at the end.
#[derive(Default)]
struct Skips {
    skipped: usize,
    read: usize,
}

/// Read documents, reporting bad input on standard error as it comes.
fn documents<'a>(
    inputs: &'a [PathBuf],
    date: Option<chrono::NaiveDate>,
    skips: &'a mut Skips,
) -> impl Iterator<Item = Document> + 'a {
    let mut reader = Reader::new(inputs);
    std::iter::from_fn(move || loop {
        let item = reader.next()?;
        for w in reader.take_warnings() {
            eprintln!("actorgraph: warning: {}: {}", w.place, w.message);
        }
        match item {
            Ok(mut d) => {
                skips.read += 1;
                if d.date.is_none() {
                    d.date = date;
                }
                return Some(d);
            }
            Err(e) => {
                skips.skipped += 1;
                eprintln!("actorgraph: skipped: {e}");
            }
        }
    })
}

fn finish(skips: &Skips) -> ExitCode {
    if skips.skipped > 0 {
        eprintln!(
            "actorgraph: {} document(s) read, {} input(s) skipped (see above)",
            skips.read, skips.skipped
        );
        ExitCode::from(EXIT_SKIPPED)
    } else {
        ExitCode::SUCCESS
    }
}

fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match path {
        Some(p) => std::fs::write(p, bytes).with_context(|| format!("writing {}", p.display())),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes).context("writing to standard output")?;
            out.flush().context("writing to standard output")
        }
    }
}

fn build(a: BuildArgs) -> Result<ExitCode> {
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

fn eval(a: EvalArgs) -> Result<ExitCode> {
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

fn list(a: ListArgs, events: bool) -> Result<ExitCode> {
    let p = pipeline(&a.model)?;
    let g = p.gazetteer();
    let mut skips = Skips::default();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = None;
    p.build_with(
        documents(&a.inputs, a.model.date, &mut skips),
        GraphOptions::default(),
        |doc, analysis| {
            let chars = actorgraph::text::CharIndex::new(&doc.text);
            let mut lines = Vec::new();
            if events {
                for e in &analysis.events {
                    lines.push(serde_json::json!({
                        "doc": doc.id,
                        "sentence": e.evidence.sentence,
                        "source": g.actor(e.source).id,
                        "relation": e.relation,
                        "target": g.actor(e.target).id,
                        "modality": e.modality,
                        "trigger": e.evidence.trigger,
                        "text": e.evidence.text,
                    }));
                }
            } else {
                for m in &analysis.mentions {
                    lines.push(serde_json::json!({
                        "doc": doc.id,
                        "sentence": m.sentence,
                        "start": chars.char_offset(m.start),
                        "end": chars.char_offset(m.end),
                        "text": m.text(&doc.text),
                        "actor": g.actor(m.actor).id,
                        "how": m.how,
                        "score": m.score,
                    }));
                }
            }
            for l in lines {
                if let Err(e) = writeln!(out, "{l}") {
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
