//! The actorgraph command line: parse arguments, call the library, print.

mod cli;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use cli::common::EXIT_ERROR;

// Linking allocates many small, short-lived strings and vectors per
// sentence; mimalloc's thread-local free lists serve them at about half the
// cost of glibc's malloc (perf: malloc and free were 15% of a build). Its
// v2: v3 returned freed pages to the system so eagerly that the kernel's
// zeroing of fresh pages took 5% of a build (perf: clear_page_erms).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turn news about a conflict into a graph of its actors.
#[derive(Parser)]
#[command(name = "actorgraph", version, about, long_about = None, after_help = MAIN_EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Draw no progress on standard error (it is drawn only on a terminal anyway).
    #[arg(long, global = true)]
    quiet: bool,
}

const MAIN_EXAMPLES: &str = "\
Examples:
  actorgraph build seeds/ -o graph.json                       the graph of a folder of articles
  actorgraph query graph.json backers khalifa_haftar          who backs an actor
  actorgraph eval --gold tests/gold seeds/ -v                 score against gold graphs";

#[derive(Subcommand)]
enum Command {
    /// Build the graph of the input documents and write it.
    #[command(after_help = cli::build::EXAMPLES)]
    Build(cli::build::BuildArgs),
    /// Write a graph saved as JSON in another format or view, without reading the articles again.
    Convert(cli::convert::ConvertArgs),
    /// Score the graph of the input documents against gold files.
    Eval(cli::eval::EvalArgs),
    /// Print every linked mention as JSON Lines (doc, sentence, start, end, text, actor, how, score).
    Mentions(cli::list::ListArgs),
    /// The event table: one row per extracted event, modal ones included and marked, as JSON Lines, CSV or Parquet.
    #[command(after_help = cli::events::EXAMPLES)]
    Events(cli::events::EventsArgs),
    /// Propose gazetteer entries for names that link to nothing (RON stubs).
    Suggest(cli::suggest::SuggestArgs),
    /// Ask a saved graph or articles: backers, backed, opponents, meetings, neighbors, path, camps, top.
    #[command(override_usage = cli::query::USAGE, after_help = cli::query::QUESTIONS_HELP)]
    Query(cli::query::QueryArgs),
    /// Merge graphs saved as JSON into one (the same as building from all their articles at once).
    Merge(cli::merge::MergeArgs),
    /// Show what a name links to (and how, and near names), or --list the gazetteer as CSV.
    Actors(cli::actors::ActorsArgs),
    /// Print a shell completion script (bash, zsh, fish) to standard output.
    Completions(cli::completions::CompletionsArgs),
    /// Print the man page (roff) to standard output.
    Man,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    cli::progress::set_quiet(cli.quiet);
    let result = match cli.command {
        Command::Build(a) => cli::build::run(a),
        Command::Convert(a) => cli::convert::run(a),
        Command::Eval(a) => cli::eval::run(a),
        Command::Mentions(a) => cli::list::run(a),
        Command::Events(a) => cli::events::run(a),
        Command::Suggest(a) => cli::suggest::run(a),
        Command::Query(a) => cli::query::run(a),
        Command::Merge(a) => cli::merge::run(a),
        Command::Actors(a) => cli::actors::run(a),
        Command::Completions(a) => cli::completions::completions(a, Cli::command()),
        Command::Man => cli::completions::man(Cli::command()),
    };
    match result {
        Ok(code) => code,
        // the reader of standard output is gone (`| head`): what it wanted
        // it has, so end quietly, as grep and ripgrep do
        Err(e) if cli::common::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("actorgraph: error: {}", cli::common::error_message(&e));
            ExitCode::from(EXIT_ERROR)
        }
    }
}
