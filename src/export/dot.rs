//! Graphviz DOT, built as a graphviz-rust syntax tree and printed by it.
//!
//! An alliance diagram: support edges green and solid, oppose edges red and
//! dashed, meet edges blue, dotted and without arrowheads; node shape and
//! fill by kind; edge width by weight; a legend in a cluster of its own.

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use crate::extract::{Modality, Relation};
use crate::graph::ActorGraph;
use crate::link::ActorKind;

/// A quoted DOT string, with `"` and `\` escaped and line breaks kept as
/// DOT line breaks.
pub fn quoted(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), quoted(v))
}

/// Colour and line style of a relation.
pub fn relation_style(r: Relation) -> (&'static str, &'static str) {
    match r {
        Relation::Support => ("#1b7837", "solid"),
        Relation::Oppose => ("#c51b1b", "dashed"),
        Relation::Meet => ("#2166ac", "dotted"),
    }
}

/// Shape and fill of a kind of actor.
pub fn kind_style(k: ActorKind) -> (&'static str, &'static str) {
    match k {
        ActorKind::Person => ("ellipse", "#fde0c5"),
        ActorKind::State => ("box", "#d9e8f5"),
        ActorKind::Government => ("box", "#e5d8f0"),
        ActorKind::ArmedGroup => ("octagon", "#f4cccc"),
        ActorKind::Igo => ("hexagon", "#d9ead3"),
        ActorKind::Organisation => ("component", "#eeeeee"),
        ActorKind::Party => ("house", "#fff2cc"),
        ActorKind::Company => ("cylinder", "#e6e6e6"),
    }
}

/// The DOT text of a graph.
pub fn write_dot(g: &ActorGraph) -> String {
    let mut stmts: Vec<Stmt> = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", "LR"),
            attr("overlap", "false"),
            attr("splines", "true"),
            attr("fontname", "Helvetica"),
            attr("label", &format!("actorgraph: {} documents", g.documents())),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", "Helvetica"),
            attr("style", "filled"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![attr("fontname", "Helvetica")])),
    ];
    for n in g.sorted_nodes() {
        let (shape, fill) = kind_style(n.kind);
        stmts.push(Stmt::Node(DotNode::new(
            NodeId(quoted(&n.id), None),
            vec![
                attr("label", &n.label),
                attr("shape", shape),
                attr("fillcolor", fill),
                attr("kind", n.kind.as_str()),
            ],
        )));
    }
    for (s, t, e) in g.sorted_edges() {
        let (color, style) = relation_style(e.relation);
        let width = 1.0 + (e.weight as f64).ln().max(0.0);
        let mut attrs = vec![
            attr("relation", e.relation.as_str()),
            attr("color", color),
            attr(
                "style",
                if e.modality == Modality::Asserted {
                    style
                } else {
                    "tapered"
                },
            ),
            attr("penwidth", &format!("{width:.2}")),
            attr("weight", &e.weight.to_string()),
            attr(
                "tooltip",
                &format!("{} {} {} ({})", s.label, e.relation.as_str(), t.label, e.weight),
            ),
        ];
        if e.relation == Relation::Meet {
            attrs.push(attr("dir", "none"));
        }
        if e.modality != Modality::Asserted {
            attrs.push(attr("modality", e.modality.as_str()));
        }
        stmts.push(Stmt::Edge(DotEdge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(quoted(&s.id), None)),
                Vertex::N(NodeId(quoted(&t.id), None)),
            ),
            attributes: attrs,
        }));
    }
    stmts.push(Stmt::Subgraph(legend()));
    let graph = Graph::DiGraph {
        id: Id::Plain("actorgraph".to_string()),
        strict: false,
        stmts,
    };
    let mut out = graph.print(&mut PrinterContext::default());
    out.push('\n');
    out
}

/// A legend: one sample edge per relation, each in its colour and style.
fn legend() -> Subgraph {
    let mut stmts = vec![
        Stmt::Attribute(attr("label", "Legend")),
        Stmt::Attribute(attr("style", "rounded")),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("shape", "plaintext"),
            attr("style", ""),
            attr("label", ""),
            attr("width", "0.1"),
        ])),
    ];
    for r in Relation::ALL {
        let (color, style) = relation_style(r);
        let a = format!("legend_{}_a", r.as_str());
        let b = format!("legend_{}_b", r.as_str());
        stmts.push(Stmt::Node(DotNode::new(
            NodeId(quoted(&a), None),
            vec![attr("label", r.as_str())],
        )));
        stmts.push(Stmt::Node(DotNode::new(NodeId(quoted(&b), None), vec![])));
        let mut attrs = vec![attr("color", color), attr("style", style), attr("penwidth", "2")];
        if r == Relation::Meet {
            attrs.push(attr("dir", "none"));
        }
        stmts.push(Stmt::Edge(DotEdge {
            ty: EdgeTy::Pair(Vertex::N(NodeId(quoted(&a), None)), Vertex::N(NodeId(quoted(&b), None))),
            attributes: attrs,
        }));
    }
    Subgraph {
        id: Id::Plain("cluster_legend".to_string()),
        stmts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quoted("a\"b\\c"), Id::Escaped("\"a\\\"b\\\\c\"".to_string()));
    }
}
