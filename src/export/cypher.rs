//! The graph as an openCypher script, for graph databases: Neo4j 5
//! (`cypher-shell -f graph.cypher`) and the engines that speak openCypher
//! (FalkorDB, Memgraph, …), and the label and type names that
//! `export::neo4j`'s import files share with it.
//!
//! The script is, in order:
//!
//! 1. `CREATE INDEX FOR (a:Actor) ON (a.id)`: an index on the id every
//!    later statement matches on. Neo4j's `CREATE CONSTRAINT … REQUIRE
//!    a.id IS UNIQUE` is not in it: FalkorDB does not parse it (its
//!    constraints are a command of their own, `GRAPH.CONSTRAINT`), and the
//!    script's `MERGE` by id keeps ids unique where it is the only writer.
//!    Nor is `IF NOT EXISTS` (FalkorDB refuses it): loaded again, the
//!    script fails at this statement only (the index is there), and a
//!    loader skips it; every later statement merges, making nothing twice.
//! 2. The actors, in batches of [`BATCH`]: `UNWIND [{…}, …] AS row MERGE
//!    (a:Actor {id: row.id}) SET a.label = row.label, …, a:Person`, a batch
//!    per kind, so that each actor has the label `Actor` and the label of
//!    its kind ([`kind_label`]).
//! 3. The relations, in batches: `MATCH` both ends by id, then `MERGE
//!    (a)-[r:SUPPORT {modality: row.modality}]->(b)` (types `SUPPORT`,
//!    `OPPOSE`, `MEET`: [`relation_type`]) with `weight` (reports),
//!    `events`, `first_seen` and `last_seen` (dates, through `date()`),
//!    `evidence_count`, and the kept evidence as two lists of strings,
//!    `evidence` (the sentences) and `evidence_docs` (their documents). A
//!    `MEET` relation runs from the smaller id to the larger, as in the
//!    JSON: match it without a direction, `(a)-[:MEET]-(b)`.
//!
//! Only constructs both Neo4j 5 and FalkorDB run are used: `UNWIND` of a
//! list of maps, `MERGE` on a label and a property, `SET` of properties
//! and of a label, `date()`, `//` comments. Every statement ends with `;`
//! at the end of a line, and no other line does, so a loader may split
//! the script there.
//!
//! Every string is a single-quoted literal: a backslash, a quote, a
//! newline, a carriage return and a tab are escaped (`\\`, `\'`, `\n`,
//! `\r`, `\t`); other control characters become a space (FalkorDB reads
//! no `\uXXXX` escape); every other character, backticks included, is
//! written as it is (UTF-8). Labels, types and keys come from the program,
//! never from the text.

use std::fmt::Write;

use super::json::generator;
use crate::extract::Relation;
use crate::graph::{ActorGraph, Edge, Node};
use crate::link::ActorKind;

/// Rows per `UNWIND` statement.
pub const BATCH: usize = 500;

/// The node label of a kind of actor (besides `Actor`).
pub fn kind_label(k: ActorKind) -> &'static str {
    match k {
        ActorKind::Person => "Person",
        ActorKind::State => "State",
        ActorKind::Government => "Government",
        ActorKind::ArmedGroup => "ArmedGroup",
        ActorKind::Igo => "Igo",
        ActorKind::Organisation => "Organisation",
        ActorKind::Party => "Party",
        ActorKind::Company => "Company",
    }
}

/// The relationship type of a relation.
pub fn relation_type(r: Relation) -> &'static str {
    match r {
        Relation::Support => "SUPPORT",
        Relation::Oppose => "OPPOSE",
        Relation::Meet => "MEET",
    }
}

/// `s` as a Cypher string literal.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn opt_string(s: Option<&str>) -> String {
    s.map_or_else(|| "null".to_string(), string)
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let v: Vec<String> = items.map(string).collect();
    format!("[{}]", v.join(", "))
}

fn node_row(n: &Node) -> String {
    format!(
        "{{id: {}, label: {}, kind: {}, affiliation: {}, mentions: {}, documents: {}, surfaces: {}, origin: {}}}",
        string(&n.id),
        string(&n.label),
        string(n.kind.as_str()),
        opt_string(n.affiliation.as_deref()),
        n.mentions,
        n.documents,
        list(n.surfaces.iter().map(String::as_str)),
        string(if n.origin.is_gazetteer() { "gazetteer" } else { "text" }),
    )
}

fn edge_row(s: &Node, t: &Node, e: &Edge, events: u64) -> String {
    let date = |d: Option<chrono::NaiveDate>| opt_string(d.map(|d| d.to_string()).as_deref());
    format!(
        "{{source: {}, target: {}, modality: {}, weight: {}, events: {}, first_seen: {}, last_seen: {}, \
         evidence_count: {}, evidence: {}, evidence_docs: {}}}",
        string(&s.id),
        string(&t.id),
        string(e.modality.as_str()),
        e.weight,
        events,
        date(e.first_seen),
        date(e.last_seen),
        e.evidence.len(),
        list(e.evidence.iter().map(|x| x.text.as_str())),
        list(e.evidence.iter().map(|x| x.doc.as_str())),
    )
}

/// One `UNWIND` statement of `rows`, ended by `tail`.
fn unwind(out: &mut String, rows: &[String], tail: &str) {
    out.push_str("UNWIND [\n");
    for (i, r) in rows.iter().enumerate() {
        out.push_str(r);
        out.push_str(if i + 1 < rows.len() { ",\n" } else { "\n" });
    }
    out.push_str("] AS row\n");
    out.push_str(tail);
    out.push_str(";\n");
}

/// Write `g` as an openCypher script.
pub fn write_cypher(g: &ActorGraph, level: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// {}: {} documents, {} level. Neo4j 5: cypher-shell -f FILE; FalkorDB and other\n\
         // openCypher engines: run each statement (each ends with ; at the end of a line).",
        generator(),
        g.documents(),
        level
    );
    out.push_str("CREATE INDEX FOR (a:Actor) ON (a.id);\n");
    // a batch per kind, kinds in the order of their labels
    let mut by_kind: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
    for n in g.sorted_nodes() {
        by_kind.entry(kind_label(n.kind)).or_default().push(node_row(n));
    }
    for (label, rows) in by_kind {
        for batch in rows.chunks(BATCH) {
            let tail = format!(
                "MERGE (a:Actor {{id: row.id}})\n\
                 SET a.label = row.label, a.kind = row.kind, a.affiliation = row.affiliation, \
                 a.mentions = row.mentions, a.documents = row.documents, a.surfaces = row.surfaces, \
                 a.origin = row.origin, a:{label}"
            );
            unwind(&mut out, batch, &tail);
        }
    }
    let edges = g.sorted_edges();
    for rel in Relation::ALL {
        let rows: Vec<String> = edges
            .iter()
            .filter(|(_, _, e)| e.relation == rel)
            .map(|(s, t, e)| edge_row(s, t, e, g.events(e)))
            .collect();
        for batch in rows.chunks(BATCH) {
            let tail = format!(
                "MATCH (a:Actor {{id: row.source}}), (b:Actor {{id: row.target}})\n\
                 MERGE (a)-[r:{} {{modality: row.modality}}]->(b)\n\
                 SET r.weight = row.weight, r.events = row.events, r.first_seen = date(row.first_seen), \
                 r.last_seen = date(row.last_seen), r.evidence_count = row.evidence_count, \
                 r.evidence = row.evidence, r.evidence_docs = row.evidence_docs",
                relation_type(rel)
            );
            unwind(&mut out, batch, &tail);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_for_every_engine() {
        assert_eq!(string("it's"), r"'it\'s'");
        assert_eq!(string("a\\b"), r"'a\\b'");
        assert_eq!(string("two\nlines\r\tend"), r"'two\nlines\r\tend'");
        assert_eq!(string("`x` \"q\" é ✓"), "'`x` \"q\" é ✓'");
        assert_eq!(string("bell\u{7}"), "'bell '");
        // a quote after a backslash stays a quote inside the literal
        assert_eq!(
            string("\\'; MATCH (n) DETACH DELETE n; //"),
            r"'\\\'; MATCH (n) DETACH DELETE n; //'"
        );
    }
}
