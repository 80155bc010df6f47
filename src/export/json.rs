//! The node-link JSON of DESIGN.md, as networkx's `node_link_graph` reads it.

use serde::{Deserialize, Serialize};

use crate::extract::{Modality, Relation};
use crate::graph::{ActorGraph, Edge, EvidenceItem, GraphOptions, Node};

/// The `graph` attributes of the JSON file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphAttrs {
    /// "actorgraph VERSION", the program that wrote the file.
    pub generator: String,
    /// Number of documents read.
    pub documents: u64,
    /// "actor" or "faction".
    pub level: String,
    /// True when modal events (planned, negated, …) are edges.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub include_modal: bool,
    /// Evidence kept per edge.
    #[serde(default = "default_max_evidence")]
    pub max_evidence: usize,
    /// Reports this many days apart or less can be one event.
    #[serde(default = "default_same_event_days")]
    pub same_event_days: u32,
}

fn default_same_event_days() -> u32 {
    crate::graph::dedup::DEFAULT_SAME_EVENT_DAYS
}

fn default_max_evidence() -> usize {
    crate::graph::DEFAULT_MAX_EVIDENCE
}

/// One edge of the JSON file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonEdge {
    /// Source id (for meet, the smaller id).
    pub source: String,
    /// Target id.
    pub target: String,
    /// support, oppose or meet.
    pub relation: Relation,
    /// Number of reports.
    pub weight: u64,
    /// Number of events they tell of: written for readers, counted again
    /// from `reports` when read back.
    #[serde(default)]
    pub events: Option<u64>,
    /// Earliest date seen.
    pub first_seen: Option<chrono::NaiveDate>,
    /// Latest date seen.
    pub last_seen: Option<chrono::NaiveDate>,
    /// Present only for graphs built with modal events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    /// Evidence sentences.
    pub evidence: Vec<EvidenceItem>,
    /// Each report's date and signature, sorted (see
    /// [`crate::graph::dedup::Report`]): what merging counts events from.
    #[serde(default)]
    pub reports: Vec<crate::graph::dedup::Report>,
}

/// The whole JSON file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonGraph {
    /// Always true (meet edges are written once, source < target).
    pub directed: bool,
    /// False, unless two edges join the same ordered pair of nodes (say
    /// `gna oppose lna` and `gna meet lna`, common at the faction level):
    /// then true, so that networkx keeps both instead of letting the second
    /// overwrite the first.
    pub multigraph: bool,
    /// Graph attributes.
    pub graph: GraphAttrs,
    /// Nodes, sorted by id.
    pub nodes: Vec<Node>,
    /// Edges, sorted by source, relation, target. Written under `links`
    /// instead with `--links-key`.
    #[serde(alias = "links")]
    pub edges: Vec<JsonEdge>,
}

/// The generator string.
pub fn generator() -> String {
    format!("actorgraph {}", env!("CARGO_PKG_VERSION"))
}

/// The JSON form of a graph.
pub fn to_json_graph(g: &ActorGraph, level: &str) -> JsonGraph {
    let opts = g.options();
    let edges = g.sorted_edges();
    let pairs: std::collections::HashSet<(&str, &str)> =
        edges.iter().map(|(s, t, _)| (s.id.as_str(), t.id.as_str())).collect();
    JsonGraph {
        directed: true,
        multigraph: pairs.len() < edges.len(),
        graph: GraphAttrs {
            generator: generator(),
            documents: g.documents(),
            level: level.to_string(),
            include_modal: opts.include_modal,
            max_evidence: opts.max_evidence,
            same_event_days: opts.same_event_days,
        },
        nodes: g.sorted_nodes().into_iter().cloned().collect(),
        edges: edges
            .into_iter()
            .map(|(s, t, e)| JsonEdge {
                source: s.id.clone(),
                target: t.id.clone(),
                relation: e.relation,
                weight: e.weight,
                events: Some(g.events(e)),
                first_seen: e.first_seen,
                last_seen: e.last_seen,
                modality: opts.include_modal.then_some(e.modality),
                evidence: e.evidence.clone(),
                reports: {
                    let mut r = e.reports.clone();
                    crate::graph::dedup::compact(&mut r);
                    r
                },
            })
            .collect(),
    }
}

/// Write a graph as pretty JSON; `links_key` names the edge list `links`.
pub fn write_json(g: &ActorGraph, level: &str, links_key: bool) -> String {
    let jg = to_json_graph(g, level);
    let mut v = serde_json::to_value(&jg).expect("graph serialises");
    if links_key {
        if let Some(obj) = v.as_object_mut() {
            let edges = obj.remove("edges").unwrap_or_default();
            obj.insert("links".to_string(), edges);
        }
    }
    let mut s = serde_json::to_string_pretty(&v).expect("graph serialises");
    s.push('\n');
    s
}

/// Why a saved graph could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadGraphError {
    /// Not JSON of the contract.
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// Line.
        line: usize,
        /// Column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// An edge names a node the file does not have.
    #[error("{path}: edge {source_id} -> {target_id} names a node the graph does not have")]
    Dangling {
        /// The file.
        path: String,
        /// Edge source.
        source_id: String,
        /// Edge target.
        target_id: String,
    },
}

/// Read a graph saved by [`write_json`].
pub fn read_json(path: &str, text: &str) -> Result<(ActorGraph, String), ReadGraphError> {
    let jg: JsonGraph = serde_json::from_str(text).map_err(|e| ReadGraphError::Parse {
        path: path.to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let mut g = ActorGraph::new(GraphOptions {
        include_modal: jg.graph.include_modal,
        max_evidence: jg.graph.max_evidence,
        same_event_days: jg.graph.same_event_days,
    });
    g.set_documents(jg.graph.documents);
    for n in jg.nodes {
        g.upsert_node(n);
    }
    for e in jg.edges {
        let (Some(a), Some(b)) = (g.node(&e.source), g.node(&e.target)) else {
            return Err(ReadGraphError::Dangling {
                path: path.to_string(),
                source_id: e.source,
                target_id: e.target,
            });
        };
        g.upsert_edge(
            a,
            b,
            Edge {
                relation: e.relation,
                modality: e.modality.unwrap_or_default(),
                weight: e.weight,
                reports: e.reports,
                first_seen: e.first_seen,
                last_seen: e.last_seen,
                evidence: e.evidence,
            },
        );
    }
    Ok((g, jg.graph.level))
}
