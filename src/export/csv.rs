//! Node and edge tables for spreadsheets and Gephi's spreadsheet import.
//!
//! `nodes.csv` has Gephi's columns `Id` and `Label`, then `kind`,
//! `affiliation`, `mentions`, `documents` and `surfaces` (joined with `|`,
//! as in the gazetteer's CSV lists). `edges.csv` has Gephi's `Source`,
//! `Target`, `Type` (`Directed`, or `Undirected` for `meet`) and `Weight`
//! (reports), then `relation`, `modality` (only in graphs built with modal
//! events), `first_seen`, `last_seen`, `evidence_count` (evidence
//! sentences kept), the first evidence sentence's `evidence_doc` and
//! `evidence_text`, and last `events` (the events the reports tell of,
//! reports of one event counted once; last, so that the columns before it
//! are where they always were).
//!
//! Files are UTF-8 without a byte-order mark, comma-separated, quoted where
//! needed (RFC 4180), one record a line ending in a line feed.
//!
//! Labels and evidence come from scraped text, and a spreadsheet runs a
//! cell that begins with `=`, `+`, `-` or `@` as a formula (tab and
//! carriage return too, in some), so by default such a cell gets a leading
//! `'` as OWASP's "CSV Injection" advises ([`Cells::Neutralised`]): a
//! spreadsheet shows the text, and a program that reads the CSV sees the
//! `'`. [`Cells::Raw`] writes every cell as it is.

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

/// How cells that a spreadsheet would run as a formula are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Cells {
    /// With a leading `'` (OWASP's advice), so that no cell is a formula.
    #[default]
    Neutralised,
    /// As they are, for programs that read the CSV.
    Raw,
}

/// The first characters that make a spreadsheet read a cell as a formula
/// (OWASP, "CSV Injection").
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` as written under `cells`.
fn cell(text: String, cells: Cells) -> String {
    if cells == Cells::Neutralised && text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text
    }
}

fn table(rows: impl IntoIterator<Item = Vec<String>>, cells: Cells) -> String {
    let mut w = WriterBuilder::new()
        .terminator(Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for row in rows {
        w.write_record(row.into_iter().map(|c| cell(c, cells)))
            .expect("writing to memory");
    }
    String::from_utf8(w.into_inner().expect("writing to memory")).expect("written from UTF-8 strings")
}

/// The node and edge tables of a graph, cells that would be formulas
/// written as `cells` says.
pub fn write_csv(g: &ActorGraph, cells: Cells) -> Tables {
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
        "events",
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
            g.events(e).to_string(),
        ]);
        edges.push(row);
    }
    Tables {
        nodes: table(nodes, cells),
        edges: table(edges, cells),
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
        let t = write_csv(&g, Cells::Neutralised);
        assert_eq!(
            t.nodes,
            "Id,Label,kind,affiliation,mentions,documents,surfaces\na,\"Say \"\"hi\"\", Ана\",igo,,1,1,x|y\n"
        );
        assert!(t
            .edges
            .starts_with("Source,Target,Type,Weight,relation,first_seen,last_seen,"));
    }

    #[test]
    fn cells_that_would_be_formulas_get_a_quote_unless_raw() {
        let mut g = ActorGraph::default();
        for (id, label) in [
            ("p", "+7 Brigade"),
            ("q", "-Dash Front"),
            ("r", "@Kivu_Watch"),
            ("s", "=SUM(A1:A9)"),
            ("t", "\tTabbed"),
            ("u", "\rReturned"),
            ("v", "Plain 1+1=2"),
        ] {
            g.upsert_node(Node {
                id: id.into(),
                label: label.into(),
                kind: ActorKind::ArmedGroup,
                affiliation: None,
                mentions: 1,
                documents: 1,
                surfaces: Default::default(),
                origin: Default::default(),
            });
        }
        let labels = |cells| {
            let t = write_csv(&g, cells);
            let mut r = ::csv::Reader::from_reader(t.nodes.as_bytes());
            r.records().map(|x| x.unwrap()[1].to_string()).collect::<Vec<_>>()
        };
        assert_eq!(
            labels(Cells::Neutralised),
            [
                "'+7 Brigade",
                "'-Dash Front",
                "'@Kivu_Watch",
                "'=SUM(A1:A9)",
                "'\tTabbed",
                "'\rReturned",
                "Plain 1+1=2"
            ]
        );
        assert_eq!(
            labels(Cells::Raw),
            [
                "+7 Brigade",
                "-Dash Front",
                "@Kivu_Watch",
                "=SUM(A1:A9)",
                "\tTabbed",
                "\rReturned",
                "Plain 1+1=2"
            ]
        );
    }
}
