//! Stage 6: the graph out, in the formats analysts' tools read.
//!
//! - [`json`]: node-link JSON (networkx), the contract of DESIGN.md, and
//!   the saved form of a graph that other commands read back;
//! - [`dot`]: Graphviz DOT through graphviz-rust.
//!
//! Every format writes nodes sorted by id and edges sorted by (source,
//! relation, target), so the same graph always gives the same bytes.

pub mod dot;
pub mod json;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Node-link JSON (networkx).
    Json,
    /// Graphviz DOT.
    Dot,
}
