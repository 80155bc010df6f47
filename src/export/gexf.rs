//! GEXF 1.3, the format of Gephi (and, through graphology-gexf, of Gephi
//! Lite and sigma.js).
//!
//! - Nodes carry their label and the declared, typed attributes `kind`
//!   (string), `affiliation` (string, when known), `mentions` and
//!   `documents` (integer) and `surfaces` (string, the surfaces joined with
//!   `|` as in the gazetteer's CSV lists); a colour by kind and a size
//!   growing with the number of mentions.
//! - Edges carry GEXF's own `weight` (the number of events; the schema
//!   types it as a double, and Gephi, networkx and graphology read it as
//!   the weight), the relation as label, and the declared attributes
//!   `relation` (string), `modality` (string, only in graphs built with
//!   modal events), `first_seen` and `last_seen` (string, when dated),
//!   `evidence_count` (integer, evidence sentences kept) and `evidence`
//!   (string, the first evidence sentence); a colour by relation and a
//!   thickness growing with the weight. The relation is never written
//!   as an attribute named `type`, which sigma.js reserves for its
//!   renderers.
//! - When any evidence is dated the graph is `mode="dynamic"` with
//!   `timeformat="date"`, and each dated edge has one spell per day on
//!   which it was seen (its evidence dates and its first and last date),
//!   so Gephi's timeline plays the alliances over time. Undated edges have
//!   no spells and are there at all times.
//! - The graph is directed and a `meet` edge is written once, from the
//!   smaller id to the larger, with `relation` meet, as in the JSON: that
//!   is what every reader takes. With `undirected_meet`, meet edges are
//!   `type="undirected"` instead, a mixed graph that Gephi, Gephi Lite and
//!   sigma.js draw without arrowheads but that networkx's reader refuses
//!   ("Undirected edge found in directed graph"). GEXF's `type="mutual"`
//!   is no way out: networkx reads it as two arcs, and graphology-gexf
//!   fails on a file whose first edge is mutual.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::xml::XmlWriter;
use super::{edge_width, json::generator, kind_rgb, relation_rgb};
use crate::extract::{Modality, Relation};
use crate::graph::{ActorGraph, Edge, Node};

/// The GEXF 1.3 namespace.
pub const NAMESPACE: &str = "http://gexf.net/1.3";
/// The GEXF 1.3 visualisation namespace.
pub const VIZ_NAMESPACE: &str = "http://gexf.net/1.3/viz";

/// Node size in GEXF's viz units: 10 for an actor never mentioned, growing
/// with the logarithm of its mentions.
pub fn node_size(mentions: u64) -> f64 {
    10.0 + 4.0 * (1.0 + mentions as f64).ln()
}

/// The days on which an edge was seen: its evidence dates and its first
/// and last date (evidence is capped, the dates are not).
fn days(e: &Edge) -> BTreeSet<NaiveDate> {
    e.evidence
        .iter()
        .filter_map(|x| x.date)
        .chain(e.first_seen)
        .chain(e.last_seen)
        .collect()
}

fn rgb_attrs((r, g, b): (u8, u8, u8)) -> [(&'static str, String); 3] {
    [("r", r.to_string()), ("g", g.to_string()), ("b", b.to_string())]
}

fn attrs<'a>(v: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn attvalue(w: &mut XmlWriter, key: &str, value: &str) {
    w.empty("attvalue", &[("for", key), ("value", value)]);
}

fn declare(w: &mut XmlWriter, class: &str, list: &[(&str, &str)]) {
    w.open("attributes", &[("class", class), ("mode", "static")]);
    for (id, ty) in list {
        w.empty("attribute", &[("id", id), ("title", id), ("type", ty)]);
    }
    w.close("attributes");
}

fn write_node(w: &mut XmlWriter, n: &Node) {
    w.open("node", &[("id", &n.id), ("label", &n.label)]);
    w.open("attvalues", &[]);
    attvalue(w, "kind", n.kind.as_str());
    if let Some(a) = &n.affiliation {
        attvalue(w, "affiliation", a);
    }
    attvalue(w, "mentions", &n.mentions.to_string());
    attvalue(w, "documents", &n.documents.to_string());
    attvalue(w, "surfaces", &n.surfaces.iter().cloned().collect::<Vec<_>>().join("|"));
    w.close("attvalues");
    w.empty("viz:color", &attrs(&rgb_attrs(kind_rgb(n.kind))));
    w.empty("viz:size", &[("value", &format!("{:.2}", node_size(n.mentions)))]);
    w.close("node");
}

/// What the edges are written with.
struct EdgeStyle {
    modal: bool,
    dynamic: bool,
    undirected_meet: bool,
    same_event_days: u32,
}

fn write_edge(w: &mut XmlWriter, i: usize, s: &Node, t: &Node, e: &Edge, style: &EdgeStyle) {
    let id = i.to_string();
    let weight = e.weight.to_string();
    let mut a = vec![
        ("id", id.as_str()),
        ("source", s.id.as_str()),
        ("target", t.id.as_str()),
        ("label", e.relation.as_str()),
        ("weight", weight.as_str()),
    ];
    if e.relation == Relation::Meet && style.undirected_meet {
        a.push(("type", "undirected"));
    }
    w.open("edge", &a);
    w.open("attvalues", &[]);
    attvalue(w, "relation", e.relation.as_str());
    attvalue(w, "events", &e.events(style.same_event_days).to_string());
    if style.modal {
        attvalue(w, "modality", e.modality.as_str());
    }
    if let Some(d) = e.first_seen {
        attvalue(w, "first_seen", &d.to_string());
    }
    if let Some(d) = e.last_seen {
        attvalue(w, "last_seen", &d.to_string());
    }
    attvalue(w, "evidence_count", &e.evidence.len().to_string());
    if let Some(x) = e.evidence.first() {
        attvalue(w, "evidence", &x.text);
    }
    w.close("attvalues");
    if style.dynamic {
        let days = days(e);
        if !days.is_empty() {
            w.open("spells", &[]);
            for d in days {
                let d = d.to_string();
                w.empty("spell", &[("start", &d), ("end", &d)]);
            }
            w.close("spells");
        }
    }
    let mut color = rgb_attrs(relation_rgb(e.relation)).to_vec();
    if e.modality != Modality::Asserted {
        // what did not happen is drawn faint
        color.push(("a", "0.4".to_string()));
    }
    w.empty("viz:color", &attrs(&color));
    w.empty("viz:thickness", &[("value", &format!("{:.2}", edge_width(e.weight)))]);
    w.close("edge");
}

/// The GEXF 1.3 text of a graph; `level` is "actor" or "faction";
/// `undirected_meet` types meet edges undirected (see the module
/// documentation).
pub fn write_gexf(g: &ActorGraph, level: &str, undirected_meet: bool) -> String {
    let modal = g.options().include_modal;
    let edges = g.sorted_edges();
    let dynamic = edges.iter().any(|(_, _, e)| !days(e).is_empty());
    let mut w = XmlWriter::new();
    w.open(
        "gexf",
        &[
            ("xmlns", NAMESPACE),
            ("xmlns:viz", VIZ_NAMESPACE),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"),
            ("version", "1.3"),
        ],
    );
    w.open("meta", &[]);
    w.text("creator", &[], &generator());
    w.text(
        "description",
        &[],
        &format!(
            "{level}-level graph of {} documents: support, oppose and meet relations with their evidence",
            g.documents()
        ),
    );
    w.close("meta");
    let mut graph = vec![("defaultedgetype", "directed")];
    if dynamic {
        graph.push(("mode", "dynamic"));
        graph.push(("timeformat", "date"));
    } else {
        graph.push(("mode", "static"));
    }
    w.open("graph", &graph);
    declare(
        &mut w,
        "node",
        &[
            ("kind", "string"),
            ("affiliation", "string"),
            ("mentions", "integer"),
            ("documents", "integer"),
            ("surfaces", "string"),
        ],
    );
    let mut edge_attrs = vec![("relation", "string"), ("events", "integer")];
    if modal {
        edge_attrs.push(("modality", "string"));
    }
    edge_attrs.extend([
        ("first_seen", "string"),
        ("last_seen", "string"),
        ("evidence_count", "integer"),
        ("evidence", "string"),
    ]);
    declare(&mut w, "edge", &edge_attrs);
    w.open("nodes", &[]);
    for n in g.sorted_nodes() {
        write_node(&mut w, n);
    }
    w.close("nodes");
    w.open("edges", &[]);
    let style = EdgeStyle {
        modal,
        dynamic,
        undirected_meet,
        same_event_days: g.options().same_event_days,
    };
    for (i, (s, t, e)) in edges.iter().enumerate() {
        write_edge(&mut w, i, s, t, e, &style);
    }
    w.close("edges");
    w.close("graph");
    w.close("gexf");
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::EvidenceItem;
    use crate::link::ActorKind;

    fn graph(date: Option<NaiveDate>) -> ActorGraph {
        let mut g = ActorGraph::default();
        let node = |id: &str, label: &str| Node {
            id: id.into(),
            label: label.into(),
            kind: ActorKind::State,
            affiliation: None,
            mentions: 2,
            documents: 1,
            surfaces: [label.to_string()].into(),
            origin: Default::default(),
        };
        let a = g.upsert_node(node("a", "A \"&\" <Б>"));
        let b = g.upsert_node(node("b", "B"));
        for (rel, s, t) in [(Relation::Support, a, b), (Relation::Meet, b, a)] {
            g.upsert_edge(
                s,
                t,
                Edge {
                    relation: rel,
                    modality: Modality::Asserted,
                    weight: 1,
                    reports: Vec::new(),
                    first_seen: date,
                    last_seen: date,
                    evidence: vec![EvidenceItem {
                        doc: "d".into(),
                        sentence: 0,
                        start: 0,
                        end: 5,
                        text: "A & B".into(),
                        trigger: "back".into(),
                        date,
                        reported_by: None,
                    }],
                },
            );
        }
        g
    }

    #[test]
    fn dated_edges_have_spells_and_meet_is_undirected_on_request() {
        let g = graph(NaiveDate::from_ymd_opt(2020, 5, 1));
        let plain = write_gexf(&g, "actor", false);
        assert!(plain
            .lines()
            .filter(|l| l.contains("<edge "))
            .all(|l| !l.contains(" type=")));
        let x = write_gexf(&g, "actor", true);
        assert!(x.contains("<gexf xmlns=\"http://gexf.net/1.3\""), "{x}");
        assert!(x.contains("mode=\"dynamic\" timeformat=\"date\""), "{x}");
        assert!(x.contains("<spell start=\"2020-05-01\" end=\"2020-05-01\"/>"), "{x}");
        assert!(x.contains("label=\"meet\" weight=\"1\" type=\"undirected\""), "{x}");
        assert!(x.contains("label=\"A &quot;&amp;&quot; &lt;Б&gt;\""), "{x}");
        assert!(!x.contains("for=\"type\""), "{x}");
    }

    #[test]
    fn undated_graphs_are_static() {
        let x = write_gexf(&graph(None), "actor", false);
        assert!(x.contains("mode=\"static\""), "{x}");
        assert!(!x.contains("<spells>") && !x.contains("timeformat"), "{x}");
    }
}
