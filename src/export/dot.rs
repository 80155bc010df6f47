//! Graphviz DOT, built as a graphviz-rust syntax tree and printed by it,
//! and the SVG and PNG pictures Graphviz's `dot` program draws from it.
//!
//! An alliance diagram: support edges green and solid, oppose edges red and
//! dashed, meet edges blue, dotted and without arrowheads; node shape and
//! fill by kind; edge width by weight; a legend in a cluster of its own.
//! With [`DotOptions::cluster`], each person is drawn inside a box of its
//! faction.
//!
//! Every string is a quoted DOT string ([`quoted`]): quotes and backslashes
//! are escaped, and names in any script are written as they are (Graphviz
//! reads UTF-8).

use std::collections::{BTreeMap, HashSet};

use graphviz_rust::cmd::{CommandArg, Format as GvFormat};
use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use crate::extract::{Modality, Relation};
use crate::graph::{ActorGraph, Node};
use crate::link::ActorKind;

/// How to draw the diagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DotOptions {
    /// Draw each person inside a box (a Graphviz cluster) of its faction.
    pub cluster: bool,
    /// "actor" or "faction", named in the title when "faction".
    pub level: String,
}

impl Default for DotOptions {
    fn default() -> Self {
        DotOptions {
            cluster: false,
            level: "actor".to_string(),
        }
    }
}

/// A picture format Graphviz draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Image {
    /// Scalable vector graphics.
    Svg,
    /// A PNG bitmap.
    Png,
}

/// Why a picture could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The `dot` program is not installed (or not on the PATH).
    #[error(
        "--format svg and --format png need Graphviz's `dot` program, which was not found on the PATH; \
         install Graphviz (Debian or Ubuntu: apt-get install graphviz; Fedora: dnf install graphviz; \
         macOS: brew install graphviz), or write --format dot and render it elsewhere"
    )]
    GraphvizMissing,
    /// `dot` ran and failed.
    #[error("Graphviz's dot failed: {0}")]
    Dot(String),
}

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

/// The DOT text of a graph, drawn with the default options.
pub fn write_dot(g: &ActorGraph) -> String {
    write_dot_with(g, &DotOptions::default())
}

/// The DOT text of a graph.
pub fn write_dot_with(g: &ActorGraph, opts: &DotOptions) -> String {
    let mut out = dot_graph(g, opts).print(&mut PrinterContext::default());
    out.push('\n');
    out
}

/// Draw a graph with Graphviz's `dot` (through graphviz-rust's `exec`).
pub fn render(g: &ActorGraph, opts: &DotOptions, image: Image) -> Result<Vec<u8>, RenderError> {
    let format = match image {
        Image::Svg => GvFormat::Svg,
        Image::Png => GvFormat::Png,
    };
    graphviz_rust::exec(
        dot_graph(g, opts),
        &mut PrinterContext::default(),
        vec![CommandArg::Format(format)],
    )
    .map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => RenderError::GraphvizMissing,
        _ => RenderError::Dot(e.to_string().trim().to_string()),
    })
}

/// The title of the diagram.
fn title(g: &ActorGraph, level: &str) -> String {
    if level == "actor" {
        format!("actorgraph: {} documents", g.documents())
    } else {
        format!("actorgraph: {} documents, {level} level", g.documents())
    }
}

fn node_stmt(n: &Node) -> Stmt {
    let (shape, fill) = kind_style(n.kind);
    Stmt::Node(DotNode::new(
        NodeId(quoted(&n.id), None),
        vec![
            attr("label", &n.label),
            attr("shape", shape),
            attr("fillcolor", fill),
            attr("kind", n.kind.as_str()),
        ],
    ))
}

/// The factions that get a cluster, each with the persons drawn inside it:
/// a person goes into the cluster of its affiliation when that is a node
/// of the graph and not itself a person.
fn clusters<'a>(nodes: &[&'a Node]) -> BTreeMap<&'a str, Vec<&'a Node>> {
    let factions: HashSet<&str> = nodes
        .iter()
        .filter(|n| n.kind != ActorKind::Person)
        .map(|n| n.id.as_str())
        .collect();
    let mut out: BTreeMap<&str, Vec<&Node>> = BTreeMap::new();
    for n in nodes {
        if n.kind != ActorKind::Person {
            continue;
        }
        if let Some(f) = n.affiliation.as_deref().filter(|f| factions.contains(f)) {
            out.entry(f).or_default().push(n);
        }
    }
    out
}

/// The graphviz-rust syntax tree of the diagram.
pub fn dot_graph(g: &ActorGraph, opts: &DotOptions) -> Graph {
    let mut stmts: Vec<Stmt> = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", "LR"),
            attr("overlap", "false"),
            attr("splines", "true"),
            attr("fontname", "Helvetica"),
            attr("label", &title(g, &opts.level)),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", "Helvetica"),
            attr("style", "filled"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![attr("fontname", "Helvetica")])),
    ];
    let nodes = g.sorted_nodes();
    let clusters = if opts.cluster {
        clusters(&nodes)
    } else {
        BTreeMap::new()
    };
    let clustered: HashSet<&str> = clusters
        .iter()
        .flat_map(|(f, members)| std::iter::once(*f).chain(members.iter().map(|n| n.id.as_str())))
        .collect();
    for n in &nodes {
        if !clustered.contains(n.id.as_str()) {
            stmts.push(node_stmt(n));
        }
    }
    for (f, members) in &clusters {
        let faction = g.graph()[g.node(f).expect("a node of the graph")].clone();
        let mut inner = vec![
            Stmt::Attribute(attr("label", &faction.label)),
            Stmt::Attribute(attr("style", "rounded,filled")),
            Stmt::Attribute(attr("fillcolor", "#f7f7f7")),
            Stmt::Attribute(attr("color", "#999999")),
            node_stmt(&faction),
        ];
        inner.extend(members.iter().map(|n| node_stmt(n)));
        stmts.push(Stmt::Subgraph(Subgraph {
            id: quoted(&format!("cluster_faction_{f}")),
            stmts: inner,
        }));
    }
    for (s, t, e) in g.sorted_edges() {
        let (color, style) = relation_style(e.relation);
        let width = super::edge_width(e.weight);
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
            attr("events", &g.events(e).to_string()),
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
    Graph::DiGraph {
        id: Id::Plain("actorgraph".to_string()),
        strict: false,
        stmts,
    }
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
        assert_eq!(quoted("Шойгу 🚀\n"), Id::Escaped("\"Шойгу 🚀\\n\"".to_string()));
    }

    #[test]
    fn relation_colours_are_the_shared_palette() {
        for r in Relation::ALL {
            let (r8, g8, b8) = crate::export::relation_rgb(r);
            assert_eq!(relation_style(r).0, format!("#{r8:02x}{g8:02x}{b8:02x}"));
        }
    }

    fn person(id: &str, affiliation: Option<&str>) -> Node {
        Node {
            id: id.into(),
            label: id.into(),
            kind: ActorKind::Person,
            affiliation: affiliation.map(Into::into),
            mentions: 1,
            documents: 1,
            surfaces: Default::default(),
            origin: Default::default(),
        }
    }

    #[test]
    fn persons_cluster_inside_their_faction() {
        let mut g = ActorGraph::default();
        let lna = Node {
            kind: ActorKind::ArmedGroup,
            ..person("lna", None)
        };
        g.upsert_node(lna);
        g.upsert_node(person("khalifa_haftar", Some("lna")));
        g.upsert_node(person("loner", Some("nowhere")));
        let opts = DotOptions {
            cluster: true,
            ..Default::default()
        };
        let dot = write_dot_with(&g, &opts);
        let start = dot.find("subgraph \"cluster_faction_lna\"").expect("a cluster for lna");
        let cluster = &dot[start..];
        let cluster = &cluster[..cluster.find('}').unwrap()];
        assert!(
            cluster.contains("\"khalifa_haftar\"") && cluster.contains("\"lna\""),
            "{cluster}"
        );
        assert!(!cluster.contains("loner"), "{cluster}");
        assert!(!write_dot(&g).contains("cluster_faction"));
    }
}
