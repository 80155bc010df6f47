//! The graph as the CSV files of `neo4j-admin database import full`, the
//! fast way to load a large graph into an empty Neo4j database:
//!
//! ```text
//! neo4j-admin database import full --nodes=actors.csv --relationships=relations.csv \
//!     --multiline-fields=true neo4j
//! ```
//!
//! - `actors.csv`: `id:ID`, `:LABEL` (`Actor;Person`: `Actor` and the
//!   kind's label, as in the Cypher script), `label`, `kind`,
//!   `affiliation`, `mentions:long`, `documents:long`, `surfaces`
//!   (joined with `|`), `origin`;
//! - `relations.csv`: `:START_ID`, `:END_ID`, `:TYPE` (`SUPPORT`,
//!   `OPPOSE`, `MEET`), `modality`, `weight:long` (reports),
//!   `events:long`, `first_seen:date`, `last_seen:date`,
//!   `evidence_count:long`, and the first evidence sentence's
//!   `evidence_doc` and `evidence`.
//!
//! An empty cell is no property (a missing affiliation or date). Cells are
//! quoted where needed (RFC 4180); a sentence can hold a line break, hence
//! `--multiline-fields=true`. No value is an array, so the default array
//! delimiter (`;`), which scraped text holds, never splits one.

use super::cypher::{kind_label, relation_type};
use crate::graph::ActorGraph;

/// The file of the actors.
pub const NODES_FILE: &str = "actors.csv";
/// The file of the relations.
pub const RELATIONSHIPS_FILE: &str = "relations.csv";

/// The two files, as (name, contents).
pub fn write_neo4j(g: &ActorGraph) -> Vec<(&'static str, Vec<u8>)> {
    let mut nodes = ::csv::Writer::from_writer(Vec::new());
    let fail = "writing to memory";
    nodes
        .write_record([
            "id:ID",
            ":LABEL",
            "label",
            "kind",
            "affiliation",
            "mentions:long",
            "documents:long",
            "surfaces",
            "origin",
        ])
        .expect(fail);
    for n in g.sorted_nodes() {
        nodes
            .write_record([
                n.id.as_str(),
                &format!("Actor;{}", kind_label(n.kind)),
                &n.label,
                n.kind.as_str(),
                n.affiliation.as_deref().unwrap_or(""),
                &n.mentions.to_string(),
                &n.documents.to_string(),
                &n.surfaces.iter().cloned().collect::<Vec<_>>().join("|"),
                if n.origin.is_gazetteer() { "gazetteer" } else { "text" },
            ])
            .expect(fail);
    }
    let mut rels = ::csv::Writer::from_writer(Vec::new());
    rels.write_record([
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "modality",
        "weight:long",
        "events:long",
        "first_seen:date",
        "last_seen:date",
        "evidence_count:long",
        "evidence_doc",
        "evidence",
    ])
    .expect(fail);
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for (s, t, e) in g.sorted_edges() {
        let first = e.evidence.first();
        rels.write_record([
            s.id.as_str(),
            &t.id,
            relation_type(e.relation),
            e.modality.as_str(),
            &e.weight.to_string(),
            &g.events(e).to_string(),
            &date(e.first_seen),
            &date(e.last_seen),
            &e.evidence.len().to_string(),
            first.map_or("", |x| x.doc.as_str()),
            first.map_or("", |x| x.text.as_str()),
        ])
        .expect(fail);
    }
    vec![
        (NODES_FILE, nodes.into_inner().expect(fail)),
        (RELATIONSHIPS_FILE, rels.into_inner().expect(fail)),
    ]
}
