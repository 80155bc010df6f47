//! The actorgraph command line: parse arguments, call the library, print.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use cli::common::EXIT_ERROR;

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
    Build(cli::build::BuildArgs),
    /// Score the graph of the input documents against gold files.
    Eval(cli::eval::EvalArgs),
    /// Print every linked mention as JSON Lines (doc, sentence, start, end, text, actor, how, score).
    Mentions(cli::list::ListArgs),
    /// Print every extracted event as JSON Lines, modal ones included.
    Events(cli::list::ListArgs),
    /// Propose gazetteer entries for names that link to nothing (RON stubs).
    Suggest(cli::suggest::SuggestArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(a) => cli::build::run(a),
        Command::Eval(a) => cli::eval::run(a),
        Command::Mentions(a) => cli::list::run(a, false),
        Command::Events(a) => cli::list::run(a, true),
        Command::Suggest(a) => cli::suggest::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("actorgraph: error: {e:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}
