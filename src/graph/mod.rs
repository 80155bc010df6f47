//! Stage 5: the graph of actors.
//!
//! [`ActorGraph`] is a petgraph [`DiGraph`] with one node per actor
//! ([`Node`]) and one edge per (source, relation, target, modality)
//! ([`Edge`]) carrying a weight (the number of reports), the number of
//! events they tell of ([`dedup`]), the first and last date seen, and the
//! evidence sentences. `meet` is undirected: its edge
//! always runs from the smaller id to the larger.
//!
//! Documents are added one at a time with [`ActorGraph::add_document`] and
//! graphs built apart are joined with [`ActorGraph::merge`]. Both keep the
//! graph independent of the order of work: evidence is capped by keeping
//! the first `max_evidence` items in (document, sentence) order, so merging
//! is associative and commutative and the output never depends on how the
//! documents were split among threads or machines.

pub mod dedup;
pub mod view;

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use chrono::NaiveDate;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

use crate::corpus::Document;
use crate::extract::{Event, Modality, Relation};
use crate::link::{Actor, ActorKind, DocActors, Gazetteer, Mention};

/// Pronouns the linker resolves, left out of a node's surfaces.
const PRONOUNS: &[&str] = &[
    "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their",
];

/// The default cap on evidence sentences kept per edge.
pub const DEFAULT_MAX_EVIDENCE: usize = 20;

/// One actor in the graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// Canonical id.
    pub id: String,
    /// Display name.
    pub label: String,
    /// Kind of actor.
    pub kind: ActorKind,
    /// A person's faction, when known.
    pub affiliation: Option<String>,
    /// Number of mentions linked to it.
    pub mentions: u64,
    /// Number of documents that mention it.
    pub documents: u64,
    /// Every distinct string linked to it, as written.
    pub surfaces: BTreeSet<String>,
    /// Where the actor comes from: a gazetteer, or the text (a name no
    /// gazetteer holds). Written only for the text (`"origin": "text"`).
    #[serde(default, skip_serializing_if = "Origin::is_gazetteer")]
    pub origin: Origin,
}

/// Where an actor of the graph comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// A gazetteer (shipped or the user's).
    #[default]
    Gazetteer,
    /// Found in the text: a named person or body no gazetteer holds.
    Text,
}

impl Origin {
    /// Whether it is [`Origin::Gazetteer`] (the default, left unwritten).
    pub fn is_gazetteer(&self) -> bool {
        *self == Origin::Gazetteer
    }
}

/// One sentence supporting an edge.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EvidenceItem {
    /// Document id.
    pub doc: String,
    /// Sentence index in the document.
    pub sentence: usize,
    /// Code-point offset of the sentence.
    pub start: usize,
    /// Code-point offset past its end.
    pub end: usize,
    /// The sentence.
    pub text: String,
    /// The trigger words.
    #[serde(default)]
    pub trigger: String,
    /// The document's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Who the sentence says said so ("Lavrov said ..."), when that is not
    /// the source itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<String>,
}

/// One relation between two actors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    /// The relation.
    pub relation: Relation,
    /// Whether the events happened.
    pub modality: Modality,
    /// Number of reports (events extracted, one per sentence that says so).
    pub weight: u64,
    /// Each report's date and signature, from which its events are
    /// counted ([`Edge::events`]), in no order; reports alike are merged
    /// into one with their count as the list grows ([`dedup::add_reports`]). A graph saved before
    /// reports were kept has none: each report it does not know counts as
    /// one event.
    pub reports: Vec<dedup::Report>,
    /// Earliest document date.
    pub first_seen: Option<NaiveDate>,
    /// Latest document date.
    pub last_seen: Option<NaiveDate>,
    /// The first evidence sentences, in (document, sentence) order.
    pub evidence: Vec<EvidenceItem>,
}

impl Edge {
    /// The number of events its reports tell of, reports of one event
    /// counted once (see [`dedup`]): reports dated `same_event_days` apart
    /// or less with overlapping words are one event. Reports it does not
    /// know (a graph saved without them) count one event each.
    pub fn events(&self, same_event_days: u32) -> u64 {
        let unknown = self.weight.saturating_sub(dedup::total(&self.reports));
        dedup::count_events(&self.reports, same_event_days) + unknown
    }
}

/// Options for building a graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GraphOptions {
    /// Keep events that did not happen (planned, negated, …) as edges.
    pub include_modal: bool,
    /// Evidence sentences kept per edge.
    pub max_evidence: usize,
    /// Reports of one edge dated this many days apart or less, with
    /// overlapping words, are one event (see [`dedup`]).
    pub same_event_days: u32,
}

impl Default for GraphOptions {
    fn default() -> Self {
        GraphOptions {
            include_modal: false,
            max_evidence: DEFAULT_MAX_EVIDENCE,
            same_event_days: dedup::DEFAULT_SAME_EVENT_DAYS,
        }
    }
}

/// The graph of actors. See the module documentation.
#[derive(Debug, Clone)]
pub struct ActorGraph {
    graph: DiGraph<Node, Edge>,
    nodes: FxHashMap<String, NodeIndex>,
    edges: FxHashMap<(NodeIndex, Relation, Modality, NodeIndex), EdgeIndex>,
    documents: u64,
    /// Ids of the documents added (see [`ActorGraph::document_ids`]).
    document_ids: BTreeSet<String>,
    options: GraphOptions,
}

/// What the linker and extractor made of one document, ready for the graph.
#[derive(Debug, Clone)]
pub struct DocumentAnalysis {
    /// Document id.
    pub doc: String,
    /// Its date.
    pub date: Option<NaiveDate>,
    /// Its mentions, in text order.
    pub mentions: Vec<Mention>,
    /// The surface text of each mention (same order).
    pub surfaces: Vec<String>,
    /// Names inside mentions that link in their own right ("Haftar" in
    /// "Haftar's forces"): actor and surface.
    pub inner: Vec<(crate::link::ActorId, String)>,
    /// Its events.
    pub events: Vec<Event>,
    /// The actors found in its text, in no gazetteer: ids from the
    /// gazetteer's length on (see [`DocActors`]).
    pub found: Vec<Actor>,
}

impl DocumentAnalysis {
    /// Bundle a document's mentions and events (of the gazetteer's actors).
    pub fn new(doc: &Document, mentions: Vec<Mention>, events: Vec<Event>) -> Self {
        Self::with_found(doc, mentions, events, Vec::new())
    }

    /// Bundle a document's mentions, events and the actors found in its
    /// text.
    pub fn with_found(doc: &Document, mentions: Vec<Mention>, events: Vec<Event>, found: Vec<Actor>) -> Self {
        let surfaces = mentions.iter().map(|m| surface_form(m.text(&doc.text))).collect();
        let inner = mentions
            .iter()
            .flat_map(|m| m.inner.iter())
            .map(|&(a, s, e)| (a, surface_form(&doc.text[s..e])))
            .collect();
        DocumentAnalysis {
            doc: doc.id.clone(),
            date: doc.date,
            mentions,
            surfaces,
            inner,
            events,
            found,
        }
    }

    /// The actors its mentions and events name.
    pub fn actors<'a>(&'a self, gazetteer: &'a Gazetteer) -> DocActors<'a> {
        DocActors::new(gazetteer, &self.found)
    }
}

/// A surface as the gold writes it: no leading "the", no possessive.
fn surface_form(s: &str) -> String {
    let s = s.trim();
    let s = s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")).unwrap_or(s);
    trim_all_end(trim_all_end(s, "'s"), "\u{2019}s").to_string()
}

/// `s.trim_end_matches(suffix)` without building a string searcher for
/// each call (a surface is made for every mention).
fn trim_all_end<'a>(mut s: &'a str, suffix: &str) -> &'a str {
    while let Some(shorter) = s.strip_suffix(suffix) {
        s = shorter;
    }
    s
}

impl Default for ActorGraph {
    fn default() -> Self {
        ActorGraph::new(GraphOptions::default())
    }
}

impl ActorGraph {
    /// An empty graph.
    pub fn new(options: GraphOptions) -> Self {
        ActorGraph {
            graph: DiGraph::new(),
            nodes: FxHashMap::default(),
            edges: FxHashMap::default(),
            documents: 0,
            document_ids: BTreeSet::new(),
            options,
        }
    }

    /// The options it was built with.
    pub fn options(&self) -> GraphOptions {
        self.options
    }

    /// The petgraph graph.
    pub fn graph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    /// Number of documents added.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// Set the number of documents (when loading a saved graph).
    pub fn set_documents(&mut self, n: u64) {
        self.documents = n;
    }

    /// The ids of the documents added, when known. A graph read from a
    /// file saved without them knows none; [`ActorGraph::documents`] may
    /// then be larger than this set (see
    /// [`ActorGraph::anonymous_documents`]).
    pub fn document_ids(&self) -> &BTreeSet<String> {
        &self.document_ids
    }

    /// Set the ids of the documents (when loading a saved graph). The
    /// document count is left as it is.
    pub fn set_document_ids(&mut self, ids: BTreeSet<String>) {
        self.document_ids = ids;
    }

    /// Whether a document of this id was added.
    pub fn has_document(&self, id: &str) -> bool {
        self.document_ids.contains(id)
    }

    /// Documents counted whose ids are not known (or repeat an id): the
    /// count less the number of known ids.
    pub fn anonymous_documents(&self) -> u64 {
        self.documents.saturating_sub(self.document_ids.len() as u64)
    }

    /// The node of an actor id.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.nodes.get(id).copied()
    }

    /// The node of a gazetteer actor, added (with no mentions) if missing:
    /// found by id without building a [`Node`], as most actors of a
    /// document are in the graph already.
    fn actor_node(&mut self, actors: DocActors, actor: crate::link::ActorId) -> NodeIndex {
        let a = actors.actor(actor);
        let found = actors.is_found(actor);
        // (a found actor's node takes the least label, kind and
        // affiliation of its documents: see `upsert_node`)
        if let Some(&ix) = self.nodes.get(&a.id).filter(|_| !found) {
            return ix;
        }
        self.upsert_node(Node {
            id: a.id.clone(),
            label: a.label.clone(),
            kind: a.kind,
            affiliation: a.affiliation.map(|x| actors.actor(x).id.clone()),
            mentions: 0,
            documents: 0,
            surfaces: BTreeSet::new(),
            origin: if found { Origin::Text } else { Origin::Gazetteer },
        })
    }

    /// Insert a node, or add its counts and surfaces to an existing one.
    pub fn upsert_node(&mut self, node: Node) -> NodeIndex {
        match self.nodes.get(&node.id) {
            Some(&ix) => {
                let n = &mut self.graph[ix];
                n.mentions += node.mentions;
                n.documents += node.documents;
                n.surfaces.extend(node.surfaces);
                // Found in the text, one name can get another label, kind
                // or affiliation in another document: the least of each is
                // kept, so that the merge stays commutative (a gazetteer's
                // node is the same in every document, and the gazetteer
                // wins over the text).
                if (node.origin, &node.label, node.kind) < (n.origin, &n.label, n.kind) {
                    n.origin = node.origin;
                    n.label = node.label;
                    n.kind = node.kind;
                }
                n.affiliation = match (n.affiliation.take(), node.affiliation) {
                    (Some(x), Some(y)) => Some(x.min(y)),
                    (x, y) => x.or(y),
                };
                ix
            }
            None => {
                let id = node.id.clone();
                let ix = self.graph.add_node(node);
                self.nodes.insert(id, ix);
                ix
            }
        }
    }

    /// Insert an edge, or add its weight, reports, dates and evidence to an
    /// existing one. A `meet` edge is stored from the smaller id to the
    /// larger.
    pub fn upsert_edge(&mut self, mut a: NodeIndex, mut b: NodeIndex, edge: Edge) {
        if edge.relation == Relation::Meet && self.graph[b].id < self.graph[a].id {
            std::mem::swap(&mut a, &mut b);
        }
        let key = (a, edge.relation, edge.modality, b);
        let cap = self.options.max_evidence;
        match self.edges.get(&key) {
            Some(&ix) => {
                let e = &mut self.graph[ix];
                e.weight += edge.weight;
                dedup::add_reports(&mut e.reports, edge.reports);
                e.first_seen = min_date(e.first_seen, edge.first_seen);
                e.last_seen = max_date(e.last_seen, edge.last_seen);
                let mut more = edge.evidence;
                if more.len() == 1 {
                    // one item, as each event brings: put it in its place,
                    // or nowhere if it falls past the cap (no sort)
                    let item = more.swap_remove(0);
                    let at = e.evidence.partition_point(|x| *x < item);
                    if at < cap && e.evidence.get(at) != Some(&item) {
                        e.evidence.insert(at, item);
                        e.evidence.truncate(cap);
                    }
                } else {
                    e.evidence.extend(more);
                    e.evidence.sort();
                    e.evidence.dedup();
                    e.evidence.truncate(cap);
                }
            }
            None => {
                // sorted, without repeats, capped: what the insertion above
                // relies on
                let mut edge = edge;
                edge.evidence.sort();
                edge.evidence.dedup();
                edge.evidence.truncate(cap);
                let ix = self.graph.add_edge(a, b, edge);
                self.edges.insert(key, ix);
            }
        }
    }

    /// Add one document's mentions and events.
    pub fn add_document(&mut self, gazetteer: &Gazetteer, analysis: &DocumentAnalysis) {
        self.documents += 1;
        self.document_ids.insert(analysis.doc.clone());
        let actors = analysis.actors(gazetteer);
        let mut counted: Vec<crate::link::ActorId> = Vec::new();
        let outer = analysis.mentions.iter().map(|m| m.actor).zip(analysis.surfaces.iter());
        let inner = analysis.inner.iter().map(|(a, s)| (*a, s));
        for (actor, surface) in outer.chain(inner) {
            let a = actors.actor(actor);
            let first_in_doc = !counted.contains(&actor);
            if first_in_doc {
                counted.push(actor);
            }
            // Every affiliation a node names is a node, so that the faction
            // view and a saved graph never lack one.
            if let Some(f) = a.affiliation {
                self.actor_node(actors, f);
            }
            let ix = self.actor_node(actors, actor);
            let n = &mut self.graph[ix];
            n.mentions += 1;
            n.documents += u64::from(first_in_doc);
            // a pronoun is a mention, not a name of the actor
            let pronoun = PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(surface));
            if !pronoun && !n.surfaces.contains(surface) {
                n.surfaces.insert(surface.clone());
            }
        }
        for ev in &analysis.events {
            if ev.modality != Modality::Asserted && !self.options.include_modal {
                continue;
            }
            let s = self.actor_node(actors, ev.source);
            let t = self.actor_node(actors, ev.target);
            let signature = dedup::Signature::of(
                &ev.evidence.text,
                &[&self.graph[s].id, &self.graph[t].id, &ev.evidence.trigger],
            );
            self.upsert_edge(
                s,
                t,
                Edge {
                    relation: ev.relation,
                    modality: ev.modality,
                    weight: 1,
                    reports: vec![dedup::Report::one(analysis.date, signature)],
                    first_seen: analysis.date,
                    last_seen: analysis.date,
                    evidence: vec![EvidenceItem {
                        doc: analysis.doc.clone(),
                        sentence: ev.evidence.sentence,
                        start: ev.evidence.start,
                        end: ev.evidence.end,
                        text: ev.evidence.text.clone(),
                        trigger: ev.evidence.trigger.clone(),
                        date: analysis.date,
                        reported_by: ev.reported_by.map(|r| actors.actor(r).id.clone()),
                    }],
                },
            );
        }
    }

    /// Keep only the edges for which `keep` is true.
    pub fn retain_edges(&mut self, keep: impl Fn(&Edge) -> bool) {
        let mut out = ActorGraph::new(self.options);
        out.documents = self.documents;
        out.document_ids = std::mem::take(&mut self.document_ids);
        for n in self.graph.node_weights() {
            out.upsert_node(n.clone());
        }
        for e in self.graph.edge_references() {
            if keep(e.weight()) {
                let a = out.node(&self.graph[e.source()].id).expect("copied node");
                let b = out.node(&self.graph[e.target()].id).expect("copied node");
                out.upsert_edge(a, b, e.weight().clone());
            }
        }
        *self = out;
    }

    /// The number of events an edge of this graph tells of, with the
    /// graph's window ([`GraphOptions::same_event_days`]).
    pub fn events(&self, e: &Edge) -> u64 {
        e.events(self.options.same_event_days)
    }

    /// Add everything of `other` to this graph. Known document ids are
    /// united, so a document in both counts once in
    /// [`ActorGraph::documents`]; documents of unknown id add up.
    pub fn merge(&mut self, other: &ActorGraph) {
        let anonymous = self.anonymous_documents() + other.anonymous_documents();
        self.document_ids.extend(other.document_ids.iter().cloned());
        self.documents = self.document_ids.len() as u64 + anonymous;
        for n in other.graph.node_weights() {
            self.upsert_node(n.clone());
        }
        for e in other.graph.edge_references() {
            let a = self.node(&other.graph[e.source()].id).expect("merged node");
            let b = self.node(&other.graph[e.target()].id).expect("merged node");
            self.upsert_edge(a, b, e.weight().clone());
        }
    }

    /// Nodes sorted by id (the order of every export).
    pub fn sorted_nodes(&self) -> Vec<&Node> {
        let mut v: Vec<&Node> = self.graph.node_weights().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// Edges as (source, target, edge), sorted by source, relation, target
    /// and modality (the order of every export).
    pub fn sorted_edges(&self) -> Vec<(&Node, &Node, &Edge)> {
        let mut v: Vec<(&Node, &Node, &Edge)> = self
            .graph
            .edge_references()
            .map(|e| (&self.graph[e.source()], &self.graph[e.target()], e.weight()))
            .collect();
        v.sort_by(|a, b| {
            (&a.0.id, a.2.relation, &a.1.id, a.2.modality).cmp(&(&b.0.id, b.2.relation, &b.1.id, b.2.modality))
        });
        v
    }
}

fn min_date(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

fn max_date(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str) -> Node {
        Node {
            id: id.into(),
            label: id.to_uppercase(),
            kind: ActorKind::State,
            affiliation: None,
            mentions: 1,
            documents: 1,
            surfaces: BTreeSet::from([id.to_string()]),
            origin: Default::default(),
        }
    }

    fn edge(rel: Relation, doc: &str) -> Edge {
        Edge {
            relation: rel,
            modality: Modality::Asserted,
            weight: 1,
            reports: Vec::new(),
            first_seen: NaiveDate::from_ymd_opt(2020, 1, 1),
            last_seen: NaiveDate::from_ymd_opt(2020, 1, 1),
            evidence: vec![EvidenceItem {
                doc: doc.into(),
                sentence: 0,
                start: 0,
                end: 1,
                text: "x".into(),
                trigger: "t".into(),
                date: None,
                reported_by: None,
            }],
        }
    }

    /// Actors found in the text are nodes of their own, marked so in the
    /// JSON, merged by id whatever the order of the documents.
    #[test]
    fn found_actors_merge_by_id_in_any_order() {
        let p = crate::pipeline::Pipeline::shipped().unwrap();
        let docs = [
            Document::new("a", "Ghanaian Foreign Minister Kofi Asare Boateng met the envoy in Accra."),
            Document::new("b", "Kofi Asare Boateng said the talks with Togo would go on."),
            Document::new("c", "The Volta Salvation Front attacked a police post. Kofi Asare Boateng condemned the Volta Salvation Front."),
        ];
        let whole = p.build(docs.iter().cloned(), GraphOptions::default());
        let json = crate::export::json::write_json(&whole, "actor", false);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let node = |id: &str| v["nodes"].as_array().unwrap().iter().find(|n| n["id"] == id).cloned();
        let kofi = node("kofi_asare_boateng").unwrap();
        assert_eq!(kofi["origin"], "text");
        assert_eq!(kofi["kind"], "person");
        assert_eq!(kofi["affiliation"], "ghana");
        assert_eq!(kofi["documents"], 3);
        assert_eq!(node("volta_salvation_front").unwrap()["kind"], "armed_group");
        // a gazetteer's node says nothing of its origin
        assert!(node("ghana").is_none_or(|n| n.get("origin").is_none()));
        // one graph per document, merged in every order: the same bytes
        let single: Vec<ActorGraph> = docs
            .iter()
            .map(|d| p.build([d.clone()], GraphOptions::default()))
            .collect();
        for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0]] {
            let mut g = ActorGraph::default();
            for i in order {
                g.merge(&single[i]);
            }
            assert_eq!(crate::export::json::write_json(&g, "actor", false), json, "{order:?}");
        }
    }

    #[test]
    fn meet_is_stored_once_per_pair() {
        let mut g = ActorGraph::default();
        let a = g.upsert_node(node("b"));
        let b = g.upsert_node(node("a"));
        g.upsert_edge(a, b, edge(Relation::Meet, "d1"));
        g.upsert_edge(b, a, edge(Relation::Meet, "d2"));
        let edges = g.sorted_edges();
        assert_eq!(edges.len(), 1);
        assert_eq!((edges[0].0.id.as_str(), edges[0].1.id.as_str()), ("a", "b"));
        assert_eq!(edges[0].2.weight, 2);
    }

    #[test]
    fn evidence_cap_keeps_the_first_in_document_order() {
        let mut g = ActorGraph::new(GraphOptions {
            include_modal: false,
            max_evidence: 2,
            same_event_days: 1,
        });
        let a = g.upsert_node(node("a"));
        let b = g.upsert_node(node("b"));
        for d in ["d3", "d1", "d2"] {
            g.upsert_edge(a, b, edge(Relation::Support, d));
        }
        let e = g.sorted_edges()[0].2.clone();
        assert_eq!(e.weight, 3);
        let docs: Vec<&str> = e.evidence.iter().map(|x| x.doc.as_str()).collect();
        assert_eq!(docs, vec!["d1", "d2"]);
    }
}
