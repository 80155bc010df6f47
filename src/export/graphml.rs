//! GraphML, read by networkx, yEd, Cytoscape and Gephi.
//!
//! Every attribute is a `<key>` with its `attr.name` and `attr.type`:
//!
//! - graph: `generator`, `level` (string), `documents` (long);
//! - node: `label`, `kind`, `affiliation` (when known), `surfaces` (the
//!   surfaces joined with `|`, as in the gazetteer's CSV lists) (string),
//!   `mentions`, `documents` (long);
//! - edge: `relation` (string), `weight` (double, the number of events,
//!   under the name Gephi and networkx read as the weight), `modality`
//!   (string, only in graphs built with modal events), `first_seen`,
//!   `last_seen` (string, when dated), `evidence_count` (long, evidence
//!   sentences kept), `evidence` (string, the first evidence sentence).
//!
//! The graph is directed. A `meet` edge is written once, from the smaller
//! id to the larger, with `relation` meet, as in the JSON: the relation,
//! not the edge, says that it is undirected. With `undirected_meet`, meet
//! edges carry `directed="false"`, a mixed graph that yEd and Cytoscape
//! draw without arrowheads but that networkx's reader refuses
//! ("directed=false edge found in directed graph").

use super::json::generator;
use super::xml::XmlWriter;
use crate::extract::Relation;
use crate::graph::{ActorGraph, Edge, Node};

/// The GraphML namespace.
pub const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";

/// One declared key: (id, for, attr.name, attr.type).
type Key = (&'static str, &'static str, &'static str, &'static str);

fn keys(modal: bool) -> Vec<Key> {
    let mut k = vec![
        ("g_generator", "graph", "generator", "string"),
        ("g_level", "graph", "level", "string"),
        ("g_documents", "graph", "documents", "long"),
        ("n_label", "node", "label", "string"),
        ("n_kind", "node", "kind", "string"),
        ("n_affiliation", "node", "affiliation", "string"),
        ("n_mentions", "node", "mentions", "long"),
        ("n_documents", "node", "documents", "long"),
        ("n_surfaces", "node", "surfaces", "string"),
        ("e_relation", "edge", "relation", "string"),
        ("e_weight", "edge", "weight", "double"),
        ("e_events", "edge", "events", "long"),
    ];
    if modal {
        k.push(("e_modality", "edge", "modality", "string"));
    }
    k.extend([
        ("e_first_seen", "edge", "first_seen", "string"),
        ("e_last_seen", "edge", "last_seen", "string"),
        ("e_evidence_count", "edge", "evidence_count", "long"),
        ("e_evidence", "edge", "evidence", "string"),
    ]);
    k
}

fn data(w: &mut XmlWriter, key: &str, value: &str) {
    w.text("data", &[("key", key)], value);
}

fn write_node(w: &mut XmlWriter, n: &Node) {
    w.open("node", &[("id", &n.id)]);
    data(w, "n_label", &n.label);
    data(w, "n_kind", n.kind.as_str());
    if let Some(a) = &n.affiliation {
        data(w, "n_affiliation", a);
    }
    data(w, "n_mentions", &n.mentions.to_string());
    data(w, "n_documents", &n.documents.to_string());
    data(
        w,
        "n_surfaces",
        &n.surfaces.iter().cloned().collect::<Vec<_>>().join("|"),
    );
    w.close("node");
}

fn write_edge(
    w: &mut XmlWriter,
    i: usize,
    (s, t, e): (&Node, &Node, &Edge),
    events: u64,
    modal: bool,
    undirected_meet: bool,
) {
    let id = format!("e{i}");
    let mut a = vec![
        ("id", id.as_str()),
        ("source", s.id.as_str()),
        ("target", t.id.as_str()),
    ];
    if undirected_meet && e.relation == Relation::Meet {
        a.push(("directed", "false"));
    }
    w.open("edge", &a);
    data(w, "e_relation", e.relation.as_str());
    data(w, "e_weight", &e.weight.to_string());
    data(w, "e_events", &events.to_string());
    if modal {
        data(w, "e_modality", e.modality.as_str());
    }
    if let Some(d) = e.first_seen {
        data(w, "e_first_seen", &d.to_string());
    }
    if let Some(d) = e.last_seen {
        data(w, "e_last_seen", &d.to_string());
    }
    data(w, "e_evidence_count", &e.evidence.len().to_string());
    if let Some(x) = e.evidence.first() {
        data(w, "e_evidence", &x.text);
    }
    w.close("edge");
}

/// The GraphML text of a graph; `level` is "actor" or "faction";
/// `undirected_meet` marks meet edges `directed="false"` (see the module
/// documentation).
pub fn write_graphml(g: &ActorGraph, level: &str, undirected_meet: bool) -> String {
    let modal = g.options().include_modal;
    let mut w = XmlWriter::new();
    w.open(
        "graphml",
        &[
            ("xmlns", NAMESPACE),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ],
    );
    for (id, class, name, ty) in keys(modal) {
        w.empty(
            "key",
            &[("id", id), ("for", class), ("attr.name", name), ("attr.type", ty)],
        );
    }
    w.open("graph", &[("id", "actorgraph"), ("edgedefault", "directed")]);
    data(&mut w, "g_generator", &generator());
    data(&mut w, "g_level", level);
    data(&mut w, "g_documents", &g.documents().to_string());
    for n in g.sorted_nodes() {
        write_node(&mut w, n);
    }
    for (i, (s, t, e)) in g.sorted_edges().into_iter().enumerate() {
        write_edge(&mut w, i, (s, t, e), g.events(e), modal, undirected_meet);
    }
    w.close("graph");
    w.close("graphml");
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::ActorKind;

    #[test]
    fn keys_are_typed_and_values_escaped() {
        let mut g = ActorGraph::default();
        g.upsert_node(Node {
            id: "x&y".into(),
            label: "Ali \"<al-Ḥ>\"".into(),
            kind: ActorKind::Party,
            affiliation: None,
            mentions: 3,
            documents: 1,
            surfaces: Default::default(),
            origin: Default::default(),
        });
        let x = write_graphml(&g, "faction", false);
        assert!(x.contains("<key id=\"n_mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"long\"/>"));
        assert!(x.contains("<node id=\"x&amp;y\">"), "{x}");
        assert!(
            x.contains("<data key=\"n_label\">Ali &quot;&lt;al-Ḥ&gt;&quot;</data>"),
            "{x}"
        );
        assert!(x.contains("<data key=\"g_level\">faction</data>"), "{x}");
        assert!(!x.contains("e_modality"));
    }
}
