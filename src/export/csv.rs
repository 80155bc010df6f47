//! Node and edge tables for spreadsheets and Gephi's spreadsheet import.
//!
//! `nodes.csv` has Gephi's columns `Id` and `Label`, then `kind`,
//! `affiliation`, `mentions`, `documents` and `surfaces` (joined with `|`,
//! as in the gazetteer's CSV lists). `edges.csv` has Gephi's `Source`,
//! `Target`, `Type` (`Directed`, or `Undirected` for `meet`) and `Weight`,
//! then `relation`, `modality` (only in graphs built with modal events),
//! `first_seen`, `last_seen`, `evidence_count` (evidence sentences kept),
//! and the first evidence sentence's `evidence_doc` and `evidence_text`.
//!
//! Files are UTF-8 without a byte-order mark, comma-separated, quoted where
//! needed (RFC 4180), one record a line ending in a line feed.

use ::csv::{Terminator, WriterBuilder};

use crate::extract::Relation;
use crate::graph::ActorGraph;

/// The two tables, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tables {
    /// The contents of nodes.csv.
    pub nodes: String,
    /// The contents of edges.csv.
    pub edges: String,
}

/// The file name of the node table.
pub const NODES_FILE: &str = "nodes.csv";
/// The file name of the edge table.
pub const EDGES_FILE: &str = "edges.csv";

fn table<R: AsRef<[u8]>>(rows: impl IntoIterator<Item = Vec<R>>) -> String {
    let mut w = WriterBuilder::new()
        .terminator(Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for row in rows {
        w.write_record(row).expect("writing to memory");
    }
    String::from_utf8(w.into_inner().expect("writing to memory")).expect("written from UTF-8 strings")
}

/// The node and edge tables of a graph.
pub fn write_csv(g: &ActorGraph) -> Tables {
    let modal = g.options().include_modal;
    let mut nodes: Vec<Vec<String>> = vec![[
        "Id",
        "Label",
        "kind",
        "affiliation",
        "mentions",
        "documents",
        "surfaces",
    ]
    .map(String::from)
    .to_vec()];
    for n in g.sorted_nodes() {
        nodes.push(vec![
            n.id.clone(),
            n.label.clone(),
            n.kind.as_str().to_string(),
            n.affiliation.clone().unwrap_or_default(),
            n.mentions.to_string(),
            n.documents.to_string(),
            n.surfaces.iter().cloned().collect::<Vec<_>>().join("|"),
        ]);
    }
    let mut header = vec!["Source", "Target", "Type", "Weight", "relation"];
    if modal {
        header.push("modality");
    }
    header.extend([
        "first_seen",
        "last_seen",
        "evidence_count",
        "evidence_doc",
        "evidence_text",
    ]);
    let mut edges: Vec<Vec<String>> = vec![header.into_iter().map(String::from).collect()];
    for (s, t, e) in g.sorted_edges() {
        let mut row = vec![
            s.id.clone(),
            t.id.clone(),
            if e.relation == Relation::Meet {
                "Undirected"
            } else {
                "Directed"
            }
            .to_string(),
            e.weight.to_string(),
            e.relation.as_str().to_string(),
        ];
        if modal {
            row.push(e.modality.as_str().to_string());
        }
        let first = e.evidence.first();
        row.extend([
            e.first_seen.map(|d| d.to_string()).unwrap_or_default(),
            e.last_seen.map(|d| d.to_string()).unwrap_or_default(),
            e.evidence.len().to_string(),
            first.map(|x| x.doc.clone()).unwrap_or_default(),
            first.map(|x| x.text.clone()).unwrap_or_default(),
        ]);
        edges.push(row);
    }
    Tables {
        nodes: table(nodes),
        edges: table(edges),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Node;
    use crate::link::ActorKind;

    #[test]
    fn gephi_columns_and_quoting() {
        let mut g = ActorGraph::default();
        g.upsert_node(Node {
            id: "a".into(),
            label: "Say \"hi\", Ана".into(),
            kind: ActorKind::Igo,
            affiliation: None,
            mentions: 1,
            documents: 1,
            surfaces: ["x|y".to_string()].into(),
            origin: Default::default(),
        });
        let t = write_csv(&g);
        assert_eq!(
            t.nodes,
            "Id,Label,kind,affiliation,mentions,documents,surfaces\na,\"Say \"\"hi\"\", Ана\",igo,,1,1,x|y\n"
        );
        assert!(t
            .edges
            .starts_with("Source,Target,Type,Weight,relation,first_seen,last_seen,"));
    }
}
