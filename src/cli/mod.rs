//! The subcommands of the `actorgraph` program, one module each, over the
//! library. No stage logic lives here.

pub mod actors;
pub mod build;
pub mod common;
pub mod completions;
pub mod convert;
pub mod eval;
pub mod events;
pub mod list;
pub mod merge;
pub mod output;
pub mod progress;
pub mod query;
pub mod suggest;
