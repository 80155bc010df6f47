//! actorgraph turns news about a conflict into a knowledge graph of its
//! actors: who backs whom, who opposes whom, who met whom, each claim with
//! the sentence that makes it.
//!
//! The work flows one way through one module per stage:
//!
//! ```text
//! text ──► documents ──► sentences/tokens ──► mentions ──► events ──► graph ──► exports
//!          corpus         text                link          extract     graph     export
//! ```
//!
//! [`pipeline::Pipeline`] wires the stages together:
//!
//! ```
//! use actorgraph::corpus::Document;
//! use actorgraph::graph::GraphOptions;
//! use actorgraph::pipeline::Pipeline;
//!
//! let pipeline = Pipeline::shipped().unwrap();
//! let doc = Document::new("d1", "Haftar's forces, backed by Egypt and the United Arab Emirates, attacked Tripoli.");
//! let graph = pipeline.build([doc], GraphOptions::default());
//! let edges: Vec<String> = graph
//!     .sorted_edges()
//!     .iter()
//!     .map(|(s, t, e)| format!("{} {} {}", s.id, e.relation.as_str(), t.id))
//!     .collect();
//! assert!(edges.contains(&"egypt support lna".to_string()));
//! assert!(edges.contains(&"uae support lna".to_string()));
//! ```
#![warn(missing_docs)]

pub mod corpus;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod link;
pub mod pipeline;
pub mod query;
pub mod store;
pub mod text;
