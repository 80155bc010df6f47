//! Saved graphs: the node-link JSON of [`crate::export::json`] with the ids
//! of the documents it was built from, merged, grown with new articles, and
//! replaced on disk atomically ([`atomic`]), by one writer at a time
//! ([`lock`]).
//!
//! The saved form is the JSON contract of DESIGN.md plus one key of the
//! `graph` attributes: `document_ids`, the sorted ids of the documents the
//! graph was built from. With it a graph knows which articles it already
//! holds, so [`build_into`] adds an article only once and
//! [`ActorGraph::merge`] counts a document shared by two graphs once. A file
//! without the key (written by an older version, or by `build` itself)
//! still loads: its documents are then of unknown id and simply add up.
//!
//! Merging is associative and commutative, and merging graphs built from
//! disjoint sets of documents gives, byte for byte, the file of the graph
//! built from all of them at once ([`to_json`] of either).

pub mod atomic;
pub mod lock;

use std::collections::BTreeSet;
use std::path::Path;

use crate::corpus::Document;
use crate::export::json::{read_json, write_json, ReadGraphError};
use crate::graph::{ActorGraph, GraphOptions};
use crate::pipeline::Pipeline;

pub use atomic::{check_target, write_atomic, write_folder_atomic, AtomicFile, Target};
pub use lock::{GraphLock, Wait};

/// The key of the document ids in the `graph` attributes.
pub const DOCUMENT_IDS: &str = "document_ids";

/// Why a saved graph could not be read, merged or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file could not be read.
    #[error("reading {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not a saved graph.
    #[error(transparent)]
    Parse(#[from] ReadGraphError),
    /// `graph.document_ids` is not a list of strings.
    #[error("{path}: graph.{DOCUMENT_IDS} must be a list of document ids")]
    DocumentIds {
        /// The file.
        path: String,
    },
    /// Two graphs that cannot be merged.
    #[error("{first} and {second} cannot be merged: {why}")]
    Mismatch {
        /// One file.
        first: String,
        /// The other.
        second: String,
        /// What differs.
        why: String,
    },
    /// The file could not be written; the old file, if any, is intact.
    #[error(
        "writing {path}: {source}; {}",
        if *kept { format!("nothing written, {path} is left as it was") } else { "nothing written".to_string() }
    )]
    Write {
        /// The file (or the folder of CSV tables).
        path: String,
        /// Whether an old file (or folder) of that name is there, left as it was.
        kept: bool,
        /// Why.
        source: std::io::Error,
    },
    /// The lock file of a saved graph could not be made or locked.
    #[error(
        "writing {path}: its lock file {lock}: {source}; {}",
        if *kept { format!("nothing written, {path} is left as it was") } else { "nothing written".to_string() }
    )]
    Lock {
        /// The graph.
        path: String,
        /// The lock file.
        lock: String,
        /// Whether the graph exists (and is left as it was).
        kept: bool,
        /// Why.
        source: std::io::Error,
    },
    /// Another process is writing the graph and `--no-wait` was given.
    #[error(
        "{path} is being written by another actorgraph ({}): nothing done (--no-wait)",
        match holder { Some(pid) => format!("process {pid}"), None => "process id unknown".to_string() }
    )]
    Locked {
        /// The graph.
        path: String,
        /// The process holding the lock, when it could be read.
        holder: Option<u32>,
    },
}

/// A graph as saved, with what the file says about it.
#[derive(Debug, Clone)]
pub struct SavedGraph {
    /// Where it came from (a path, or "-" for standard input).
    pub path: String,
    /// The graph, with its document ids when the file has them.
    pub graph: ActorGraph,
    /// "actor" or "faction".
    pub level: String,
    /// Whether the file names its edge list `links`.
    pub links_key: bool,
}

/// The saved form of a graph: [`write_json`] with `graph.document_ids`
/// (left out when no id is known).
pub fn to_json(g: &ActorGraph, level: &str, links_key: bool) -> String {
    let text = write_json(g, level, links_key);
    if g.document_ids().is_empty() {
        return text;
    }
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("write_json writes JSON");
    if let Some(attrs) = v.get_mut("graph").and_then(|a| a.as_object_mut()) {
        let ids: Vec<serde_json::Value> = g.document_ids().iter().map(|d| d.clone().into()).collect();
        attrs.insert(DOCUMENT_IDS.to_string(), ids.into());
    }
    let mut s = serde_json::to_string_pretty(&v).expect("graph serialises");
    s.push('\n');
    s
}

/// Read a saved graph from its text; `path` is for messages.
pub fn from_json(path: &str, text: &str) -> Result<SavedGraph, StoreError> {
    let (mut graph, level) = read_json(path, text)?;
    // read_json has parsed it already, so this cannot fail
    let v: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    if let Some(ids) = v.get("graph").and_then(|a| a.get(DOCUMENT_IDS)) {
        let ids: Option<BTreeSet<String>> = ids
            .as_array()
            .and_then(|a| a.iter().map(|d| d.as_str().map(str::to_string)).collect());
        let ids = ids.ok_or_else(|| StoreError::DocumentIds { path: path.to_string() })?;
        graph.set_document_ids(ids);
    }
    let links_key = v.get("links").is_some() && v.get("edges").is_none();
    Ok(SavedGraph {
        path: path.to_string(),
        graph,
        level,
        links_key,
    })
}

/// Read a saved graph from a file, or from standard input for `-`.
pub fn read(path: &Path) -> Result<SavedGraph, StoreError> {
    let name = path.display().to_string();
    let text = if name == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut s).map_err(|source| StoreError::Read {
            path: name.clone(),
            source,
        })?;
        s
    } else {
        std::fs::read_to_string(path).map_err(|source| StoreError::Read {
            path: name.clone(),
            source,
        })?
    };
    from_json(&name, &text)
}

/// Whether two saved graphs can be merged: the same level and build
/// options (modal events kept or not, evidence cap).
pub fn check_compatible(a: &SavedGraph, b: &SavedGraph) -> Result<(), StoreError> {
    let (oa, ob) = (a.graph.options(), b.graph.options());
    let why = if a.level != b.level {
        Some(format!(
            "one is at the {} level, the other at the {} level",
            a.level, b.level
        ))
    } else if oa.include_modal != ob.include_modal {
        Some("one was built with --include-modal, the other without".to_string())
    } else if oa.max_evidence != ob.max_evidence {
        Some(format!(
            "they keep {} and {} evidence sentences per edge (--max-evidence)",
            oa.max_evidence, ob.max_evidence
        ))
    } else if oa.same_event_days != ob.same_event_days {
        Some(format!(
            "they count reports {} and {} days apart as one event (--same-event-days)",
            oa.same_event_days, ob.same_event_days
        ))
    } else {
        None
    };
    match why {
        Some(why) => Err(StoreError::Mismatch {
            first: a.path.clone(),
            second: b.path.clone(),
            why,
        }),
        None => Ok(()),
    }
}

/// Merge saved graphs (at least one) into one, in the order given (the
/// result does not depend on it). Also returns the ids of the documents
/// found in more than one of them, whose events are then counted once per
/// graph.
pub fn merge_all(graphs: Vec<SavedGraph>) -> Result<(SavedGraph, BTreeSet<String>), StoreError> {
    let mut it = graphs.into_iter();
    let Some(mut acc) = it.next() else {
        return Ok((
            SavedGraph {
                path: String::new(),
                graph: ActorGraph::default(),
                level: "actor".to_string(),
                links_key: false,
            },
            BTreeSet::new(),
        ));
    };
    let mut repeated = BTreeSet::new();
    for g in it {
        check_compatible(&acc, &g)?;
        repeated.extend(acc.graph.document_ids().intersection(g.graph.document_ids()).cloned());
        acc.graph.merge(&g.graph);
        acc.links_key &= g.links_key;
    }
    Ok((acc, repeated))
}

/// The warning to give when merged graphs share documents (the ids that
/// [`merge_all`] returns), or `None` when they share none: the first five
/// ids, and what it means for the counts.
pub fn repeated_warning(repeated: &BTreeSet<String>) -> Option<String> {
    if repeated.is_empty() {
        return None;
    }
    let shown: Vec<&str> = repeated.iter().take(5).map(String::as_str).collect();
    Some(format!(
        "{} document(s) are in more than one graph ({}{}): they count once in `documents`, but their \
         events count once per graph",
        repeated.len(),
        shown.join(", "),
        if repeated.len() > shown.len() { ", …" } else { "" }
    ))
}

/// What [`build_into`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IntoReport {
    /// Documents analysed and added.
    pub added: u64,
    /// Ids of documents left out because the graph already had them (or
    /// an earlier document of the input had the same id).
    pub already: Vec<String>,
}

/// Add the documents `docs` that `graph` does not already hold (by id) to
/// it, and say which were added and which left out.
pub fn build_into<I>(pipeline: &Pipeline, graph: &mut ActorGraph, docs: I) -> IntoReport
where
    I: IntoIterator<Item = Document>,
{
    let mut report = IntoReport::default();
    let mut seen: BTreeSet<String> = graph.document_ids().clone();
    let fresh = docs.into_iter().filter(|d| {
        if seen.insert(d.id.clone()) {
            report.added += 1;
            true
        } else {
            report.already.push(d.id.clone());
            false
        }
    });
    let new = pipeline.build(fresh, graph.options());
    graph.merge(&new);
    report
}

/// Read the saved graph at `path` for [`build_into`], or an empty graph
/// with `options` when there is no file yet. A graph saved with other
/// options is refused rather than mixed.
pub fn open_or_new(path: &Path, options: GraphOptions) -> Result<SavedGraph, StoreError> {
    if !path.exists() {
        return Ok(SavedGraph {
            path: path.display().to_string(),
            graph: ActorGraph::new(options),
            level: "actor".to_string(),
            links_key: false,
        });
    }
    let saved = read(path)?;
    let fresh = SavedGraph {
        path: "the new articles".to_string(),
        graph: ActorGraph::new(options),
        level: "actor".to_string(),
        links_key: saved.links_key,
    };
    check_compatible(&saved, &fresh)?;
    Ok(saved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph_of(texts: &[(&str, &str)]) -> ActorGraph {
        let p = Pipeline::shipped().unwrap();
        p.build(
            texts.iter().map(|(id, t)| Document::new(*id, *t)),
            GraphOptions::default(),
        )
    }

    #[test]
    fn document_ids_round_trip_and_count_once() {
        let a = graph_of(&[("a", "Egypt backs Khalifa Haftar."), ("b", "Turkey backs the GNA.")]);
        let text = to_json(&a, "actor", false);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["graph"][DOCUMENT_IDS], serde_json::json!(["a", "b"]));
        let back = from_json("a.json", &text).unwrap();
        assert_eq!(to_json(&back.graph, "actor", false), text);
        let mut m = back.graph.clone();
        m.merge(&a);
        assert_eq!(m.documents(), 2, "the same documents count once");
    }

    #[test]
    fn a_file_without_ids_still_loads_and_adds_up() {
        let a = graph_of(&[("a", "Egypt backs Khalifa Haftar.")]);
        let text = write_json(&a, "actor", false);
        let mut g = from_json("old.json", &text).unwrap().graph;
        assert!(g.document_ids().is_empty());
        assert_eq!(g.anonymous_documents(), 1);
        g.merge(&a);
        assert_eq!(g.documents(), 2);
    }

    #[test]
    fn build_into_skips_known_documents() {
        let p = Pipeline::shipped().unwrap();
        let mut g = ActorGraph::default();
        let docs = || vec![Document::new("a", "Egypt backs Khalifa Haftar.")];
        let r = build_into(&p, &mut g, docs());
        assert_eq!(r.added, 1);
        let once = to_json(&g, "actor", false);
        let r = build_into(&p, &mut g, docs());
        assert_eq!((r.added, r.already.clone()), (0, vec!["a".to_string()]));
        assert_eq!(to_json(&g, "actor", false), once);
    }
}
