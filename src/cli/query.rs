//! `actorgraph query`: questions over a saved graph or over articles.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::{Args, ValueEnum};

use actorgraph::graph::view::ViewOptions;
use actorgraph::graph::GraphOptions;
use actorgraph::query::{self, render, Question, RankBy, QUESTION_WORDS};
use actorgraph::store;

use super::common::{documents, finish, pipeline, write_output, ModelArgs, Skips};
use super::output::{Level, ViewArgs, EXIT_USAGE};

/// The usage line of `actorgraph query`.
pub const USAGE: &str = "actorgraph query [OPTIONS] INPUT... QUESTION [ARG...]\n       \
                         actorgraph query [OPTIONS] --graph FILE QUESTION [ARG...]";

/// The questions, shown after the options in `--help`.
pub const QUESTIONS_HELP: &str = "Questions:
  backers X        who supports X
  backed X         whom X supports
  opponents X      who opposes X, and whom X opposes
  meetings X       whom X met
  neighbors X      every actor related to X
  path A B         the shortest chain of relations between A and B (quote names of several words)
  camps            the actors split into two camps per connected part (structural balance)
  top [N]          the N actors with most events (--by weight) or edges (--by degree)

Names go through the same linker as the text: `backers Hifter`, `backers \"Khalifa Haftar\"`
and `backers khalifa_haftar` ask about the same actor.

Examples:
  actorgraph query seeds/ backers Hifter
  actorgraph query --graph graph.json camps --level faction
  actorgraph query --graph graph.json path turkey russia --format json --evidence all";

/// Arguments of `actorgraph query`.
#[derive(Args)]
pub struct QueryArgs {
    /// A graph saved as JSON (by build, build --into or merge) to ask, instead of articles; - for standard input.
    #[arg(long, value_name = "FILE")]
    pub graph: Option<PathBuf>,
    /// Articles as for build (unless --graph), then the question and its arguments.
    #[arg(required = true, value_name = "WORDS")]
    pub words: Vec<String>,
    /// table: aligned for a terminal; json: one JSON object (see the README).
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueryFormat,
    /// Evidence sentences shown per edge.
    #[arg(long, value_enum, default_value = "one")]
    pub evidence: EvidenceMode,
    /// What `top` ranks by: weight (reports), events (reports of one event counted once) or degree (edges).
    #[arg(long, value_enum, default_value = "weight")]
    pub by: RankByArg,
    #[command(flatten)]
    pub view: ViewArgs,
    #[command(flatten)]
    pub model: ModelArgs,
}

/// The output of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// Aligned columns, each edge followed by its evidence.
    Table,
    /// One JSON object.
    Json,
}

/// How much evidence to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvidenceMode {
    /// The first sentence of each edge (in document order).
    One,
    /// Every sentence the graph keeps.
    All,
}

/// What `top` ranks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankByArg {
    /// The number of reports (events extracted).
    Weight,
    /// The number of events, reports of one event counted once (see build --same-event-days).
    Events,
    /// The number of distinct edges.
    Degree,
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("actorgraph: error: {message}");
    ExitCode::from(EXIT_USAGE)
}

pub fn run(a: QueryArgs) -> Result<ExitCode> {
    let is_question = |w: &String| QUESTION_WORDS.contains(&w.as_str()) || w == "neighbours";
    let Some(at) = a.words.iter().position(is_question) else {
        return Ok(usage_error(&format!(
            "no question among {:?}; the questions are {} (see --help)",
            a.words,
            QUESTION_WORDS.join(", ")
        )));
    };
    let (inputs, word, args) = (&a.words[..at], &a.words[at], &a.words[at + 1..]);
    match (&a.graph, inputs.is_empty()) {
        (Some(_), false) => {
            return Ok(usage_error(&format!(
                "give --graph FILE or articles, not both (articles: {inputs:?})"
            )))
        }
        (None, true) => {
            return Ok(usage_error(
                "ask a saved graph (--graph FILE) or articles (INPUT... before the question)",
            ))
        }
        _ => {}
    }
    if let (Some(s), Some(u)) = (a.view.since, a.view.until) {
        if s > u {
            return Ok(usage_error(&format!("--since {s} is after --until {u}")));
        }
    }
    let by = match a.by {
        RankByArg::Weight => RankBy::Weight,
        RankByArg::Degree => RankBy::Degree,
        RankByArg::Events => RankBy::Events,
    };
    let question = match Question::parse(word, args, by) {
        Ok(q) => q,
        Err(e) => return Ok(usage_error(&e)),
    };
    let p = pipeline(&a.model)?;
    let mut skips = Skips::default();
    let (graph, saved_level) = match &a.graph {
        Some(path) => {
            let saved = store::read(path)?;
            (saved.graph, saved.level)
        }
        None => {
            let inputs: Vec<PathBuf> = inputs.iter().map(PathBuf::from).collect();
            let g = p.build(documents(&inputs, a.model.date, &mut skips), GraphOptions::default());
            (g, "actor".to_string())
        }
    };
    let saved_faction = saved_level == "faction";
    if saved_faction && a.view.level == Some(Level::Actor) {
        bail!("the graph is at the faction level: its persons cannot be unfolded (build it again)");
    }
    let view = ViewOptions {
        // folding a faction-level graph again changes nothing, and tells
        // the resolver to fold persons into their factions
        faction: a.view.level == Some(Level::Faction) || saved_faction,
        relations: a.view.relations.clone(),
        min_weight: a.view.min_weight,
        since: a.view.since,
        until: a.view.until,
    };
    let mut response = query::ask(&graph, &view, Some(p.linker()), &question)?;
    if a.evidence == EvidenceMode::One {
        response.limit_evidence(1);
    }
    let text = match a.format {
        QueryFormat::Table => render::table(&response),
        QueryFormat::Json => {
            let mut s = serde_json::to_string_pretty(&response)?;
            s.push('\n');
            s
        }
    };
    write_output(None, text.as_bytes())?;
    Ok(finish(&skips))
}
