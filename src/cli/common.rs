//! What every command shares: where the actors and triggers come from,
//! reading documents with bad input reported, exit statuses, output.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use actorgraph::corpus::{parse_date_option, Document, Reader, SkipReason};
use actorgraph::pipeline::{LexiconUse, Pipeline};

/// Exit status when some input was skipped (the rest was processed).
pub const EXIT_SKIPPED: u8 = 3;
/// Exit status of a fatal error (bad gazetteer, unwritable output).
pub const EXIT_ERROR: u8 = 1;

/// Where the actors and triggers come from.
#[derive(Args)]
pub struct ModelArgs {
    /// A gazetteer file (.ron, .json or .csv) to add to the shipped one; repeatable.
    #[arg(long = "gazetteer", value_name = "FILE")]
    pub gazetteers: Vec<PathBuf>,
    /// Leave the shipped gazetteer out (use only --gazetteer files).
    #[arg(long)]
    pub no_default_gazetteer: bool,
    /// A trigger lexicon (.ron) whose triggers and cues are added to the shipped ones.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
    /// Use the --lexicon file instead of the shipped lexicon, not on top of it.
    #[arg(long, requires = "lexicon")]
    pub replace_lexicon: bool,
    /// The date of documents that carry none (YYYY-MM-DD), for role titles.
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub date: Option<chrono::NaiveDate>,
    /// Keep the gazetteers' actors alone: a name no gazetteer holds
    /// ("Brig. Gen. X Y", "the X Front") becomes no actor of its own.
    #[arg(long)]
    pub known_actors_only: bool,
    /// Worker threads (default: all cores). The output does not depend on it.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

pub fn parse_date_arg(s: &str) -> Result<chrono::NaiveDate, String> {
    parse_date_option(s).map_err(|e| e.to_string())
}

pub fn pipeline(m: &ModelArgs) -> Result<Pipeline> {
    if let Some(n) = m.threads {
        // Only the first call can set it; later ones keep the first setting.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let lexicon_use = if m.replace_lexicon {
        LexiconUse::Replace
    } else {
        LexiconUse::Extend
    };
    let (pipeline, warnings) =
        Pipeline::load_with(&m.gazetteers, m.no_default_gazetteer, m.lexicon.as_deref(), lexicon_use)?;
    for w in warnings {
        eprintln!("actorgraph: warning: {w}");
    }
    Ok(pipeline.with_found_actors(!m.known_actors_only))
}

/// Counts of what the reader read and skipped, reported at the end.
#[derive(Default)]
pub struct Skips {
    pub skipped: usize,
    pub read: usize,
    /// Skipped inputs by reason.
    pub reasons: BTreeMap<SkipReason, usize>,
    /// Warnings (documents kept without a field).
    pub warnings: usize,
}

/// Read documents, reporting bad input on standard error as it comes.
pub fn documents<'a>(
    inputs: &'a [PathBuf],
    date: Option<chrono::NaiveDate>,
    skips: &'a mut Skips,
) -> impl Iterator<Item = Document> + 'a {
    let mut reader = Reader::new(inputs);
    // on a terminal's standard error, unless --quiet: a bar over the
    // inputs' bytes when their size is known, a spinner otherwise
    let mut bar = super::progress::Reading::new(actorgraph::corpus::input_bytes(inputs));
    std::iter::from_fn(move || loop {
        let Some(item) = reader.next() else {
            bar.finish();
            return None;
        };
        for w in reader.take_warnings() {
            skips.warnings += 1;
            bar.suspend(|| eprintln!("actorgraph: warning: {}: {}", w.place, w.message));
        }
        match item {
            Ok(mut d) => {
                skips.read += 1;
                bar.document(reader.bytes_read());
                if d.date.is_none() {
                    d.date = date;
                }
                return Some(d);
            }
            Err(e) => {
                skips.skipped += 1;
                *skips.reasons.entry(e.reason()).or_default() += 1;
                bar.skipped(reader.bytes_read());
                bar.suspend(|| eprintln!("actorgraph: skipped: {e}"));
            }
        }
    })
}

/// The exit status of a run that read documents; when something was
/// skipped, a summary on standard error first: documents read, inputs
/// skipped by reason, warnings (`actorgraph: 9 document(s) read, 3
/// input(s) skipped: 2 not UTF-8, 1 duplicate id; 1 warning`). A clean run
/// prints nothing.
pub fn finish(skips: &Skips) -> ExitCode {
    if report_skipped(skips) {
        ExitCode::from(EXIT_SKIPPED)
    } else {
        ExitCode::SUCCESS
    }
}

/// The summary of [`finish`] on standard error, when something was
/// skipped; whether it was.
fn report_skipped(skips: &Skips) -> bool {
    if skips.skipped > 0 {
        let reasons: Vec<String> = skips
            .reasons
            .iter()
            .map(|(r, n)| format!("{n} {}", r.as_str()))
            .collect();
        let warnings = match skips.warnings {
            0 => String::new(),
            1 => "; 1 warning".to_string(),
            n => format!("; {n} warnings"),
        };
        eprintln!(
            "actorgraph: {} document(s) read, {} input(s) skipped: {}{warnings} (each reported above)",
            skips.read,
            skips.skipped,
            reasons.join(", ")
        );
        true
    } else {
        false
    }
}

/// When the run read no document at all: the summary of what was
/// skipped, an error saying that nothing is written (and that the file
/// at `target`, when there is one, is left as it was), and exit status 1.
/// `None` when documents were read: the run writes what it read.
pub fn nothing_read(skips: &Skips, target: Option<&Path>) -> Option<ExitCode> {
    if skips.read > 0 {
        return None;
    }
    report_skipped(skips);
    let kept = match target {
        Some(p) if p.exists() => format!("; {} left as it was", p.display()),
        _ => String::new(),
    };
    eprintln!("actorgraph: error: no document read: nothing written{kept}");
    Some(ExitCode::from(EXIT_ERROR))
}

/// The path of `-o PATH`: `None` (standard output) when absent or `-`.
pub fn output_path(path: Option<&Path>) -> Option<&Path> {
    path.filter(|p| p.as_os_str() != "-")
}

/// Write `bytes` to the file at `path`, replacing it atomically, or to
/// standard output for `None`.
pub fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match path {
        Some(p) => Ok(actorgraph::store::write_atomic(p, bytes)?),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes).context("writing to standard output")?;
            out.flush().context("writing to standard output")
        }
    }
}

/// Whether `e` comes from writing to a pipe whose reader is gone.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The message of `e` with its causes, each named once: a cause that a
/// message already quotes (`writing g.json: No space left on device`) is
/// not repeated after it.
pub fn error_message(e: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message
}
