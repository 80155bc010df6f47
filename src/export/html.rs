//! One self-contained HTML page to explore a graph in a browser: the data,
//! the script and the style inline, no request to any network, so the file
//! opens from disk, offline, and can be mailed to a colleague.
//!
//! What is computed here, in Rust, and what in the page:
//!
//! - **Rust**: the layout ([`super::layout`], deterministic: the same graph
//!   gives the same bytes), and the faction view ([`crate::graph::view`],
//!   the same fold as `--level faction`). Both views are embedded when the
//!   graph is at the actor level and some person folds into a faction; a
//!   faction node keeps the position of the same node in the actor view,
//!   so switching levels moves nothing but the persons.
//! - **The page** (`html/app.js`, plain JavaScript): drawing on a canvas,
//!   pan and zoom, search by id, label or any surface, the lists of a
//!   node's backers, the actors it backs, its opponents and meetings, the
//!   evidence of an edge, relation check boxes, the minimum weight, and a
//!   slider over the evidence dates that replays the graph up to a day
//!   (an edge counts the evidence dated up to then, as `--until` does).
//!
//! The data is JSON in a `<script type="application/json">` element. Every
//! `<`, `>` and `&` in it is written `\u003c`, `\u003e`, `\u0026`, and U+2028
//! and U+2029 as escapes too, so no label, surface or evidence sentence can
//! close the element or be read as markup; the script inserts every string
//! as text (`textContent`, never `innerHTML`). A Content-Security-Policy
//! allows the page's one script and one style by their SHA-256 hashes and
//! nothing else: no other script, no inline handler, no request to any
//! address.
//!
//! The data (keys may be added):
//!
//! ```text
//! { "generator", "documents", "level", "include_modal", "max_evidence",
//!   "kinds":     {"person": "#e08214", ...},
//!   "relations": [{"name": "support", "color": "#1b7837", "line": "solid", "directed": true}, ...],
//!   "docs":      [[id, date or null], ...],
//!   "sentences": [[doc index, sentence index, start, end, text], ...],
//!   "views": [{"level": "actor" | "faction",
//!              "nodes": [{"id", "label", "kind", "affiliation", "mentions", "documents", "surfaces", "x", "y"}],
//!              "edges": [{"source": node index, "target": node index, "relation", "weight", "events",
//!                         "first_seen", "last_seen", "modality"?,
//!                         "evidence": [[sentence index, trigger, reported_by or null], ...]}]}] }
//! ```
//!
//! A sentence that is the evidence of several edges (one sentence often
//! names three backers) is written once.

use std::collections::{BTreeSet, HashMap};

use base64::Engine as _;
use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::layout::{layout, LayoutOptions};
use crate::extract::{Modality, Relation};
use crate::graph::view::{self, ViewOptions};
use crate::graph::ActorGraph;
use crate::link::ActorKind;

const PAGE: &str = include_str!("html/page.html");
const SCRIPT: &str = include_str!("html/app.js");
const STYLE: &str = include_str!("html/style.css");

/// Every kind of actor, in the order of the legend.
const KINDS: [ActorKind; 8] = [
    ActorKind::State,
    ActorKind::Government,
    ActorKind::ArmedGroup,
    ActorKind::Person,
    ActorKind::Igo,
    ActorKind::Organisation,
    ActorKind::Party,
    ActorKind::Company,
];

#[derive(Serialize)]
struct PageData<'a> {
    generator: String,
    documents: u64,
    level: &'a str,
    include_modal: bool,
    max_evidence: usize,
    kinds: serde_json::Map<String, serde_json::Value>,
    relations: Vec<RelationStyle>,
    docs: Vec<(&'a str, Option<NaiveDate>)>,
    sentences: Vec<(usize, usize, usize, usize, &'a str)>,
    views: Vec<ViewData<'a>>,
}

#[derive(Serialize)]
struct RelationStyle {
    name: &'static str,
    color: &'static str,
    line: &'static str,
    directed: bool,
}

#[derive(Serialize)]
struct ViewData<'a> {
    level: &'static str,
    nodes: Vec<NodeData<'a>>,
    edges: Vec<EdgeData<'a>>,
}

#[derive(Serialize)]
struct NodeData<'a> {
    id: &'a str,
    label: &'a str,
    kind: ActorKind,
    affiliation: Option<&'a str>,
    mentions: u64,
    documents: u64,
    surfaces: &'a BTreeSet<String>,
    x: f64,
    y: f64,
}

#[derive(Serialize)]
struct EdgeData<'a> {
    source: usize,
    target: usize,
    relation: Relation,
    weight: u64,
    events: u64,
    first_seen: Option<NaiveDate>,
    last_seen: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modality: Option<Modality>,
    evidence: Vec<(usize, &'a str, Option<&'a str>)>,
}

/// The sentence and document tables, each entry written once.
#[derive(Default)]
struct Tables<'a> {
    docs: Vec<(&'a str, Option<NaiveDate>)>,
    doc_index: HashMap<(&'a str, Option<NaiveDate>), usize>,
    sentences: Vec<(usize, usize, usize, usize, &'a str)>,
    sentence_index: HashMap<(usize, usize, usize, usize, &'a str), usize>,
}

impl<'a> Tables<'a> {
    fn sentence(
        &mut self,
        doc: &'a str,
        date: Option<NaiveDate>,
        sentence: usize,
        start: usize,
        end: usize,
        text: &'a str,
    ) -> usize {
        let next = self.docs.len();
        let d = *self.doc_index.entry((doc, date)).or_insert(next);
        if d == next {
            self.docs.push((doc, date));
        }
        let key = (d, sentence, start, end, text);
        let next = self.sentences.len();
        let s = *self.sentence_index.entry(key).or_insert(next);
        if s == next {
            self.sentences.push(key);
        }
        s
    }
}

/// The page's data for one view; `positions` gives each node's place by id.
fn view_data<'a>(
    g: &'a ActorGraph,
    level: &'static str,
    positions: &HashMap<&str, [f64; 2]>,
    include_modal: bool,
    tables: &mut Tables<'a>,
) -> ViewData<'a> {
    let nodes = g.sorted_nodes();
    let index: HashMap<&str, usize> = nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
    let nodes = nodes
        .into_iter()
        .map(|n| {
            let [x, y] = positions.get(n.id.as_str()).copied().unwrap_or([0.0, 0.0]);
            NodeData {
                id: &n.id,
                label: &n.label,
                kind: n.kind,
                affiliation: n.affiliation.as_deref(),
                mentions: n.mentions,
                documents: n.documents,
                surfaces: &n.surfaces,
                x,
                y,
            }
        })
        .collect();
    let edges = g
        .sorted_edges()
        .into_iter()
        .map(|(s, t, e)| EdgeData {
            source: index[s.id.as_str()],
            target: index[t.id.as_str()],
            relation: e.relation,
            weight: e.weight,
            events: g.events(e),
            first_seen: e.first_seen,
            last_seen: e.last_seen,
            modality: include_modal.then_some(e.modality),
            evidence: e
                .evidence
                .iter()
                .map(|x| {
                    let s = tables.sentence(&x.doc, x.date, x.sentence, x.start, x.end, &x.text);
                    (s, x.trigger.as_str(), x.reported_by.as_deref())
                })
                .collect(),
        })
        .collect();
    ViewData { level, nodes, edges }
}

/// The layout of a graph, by node id.
fn positions(g: &ActorGraph) -> HashMap<&str, [f64; 2]> {
    let nodes = g.sorted_nodes();
    let ids: Vec<&str> = nodes.iter().map(|n| n.id.as_str()).collect();
    let index: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let edges: Vec<(usize, usize, f64)> = g
        .sorted_edges()
        .iter()
        .map(|(s, t, e)| (index[s.id.as_str()], index[t.id.as_str()], e.weight as f64))
        .collect();
    let pos = layout(&ids, &edges, &LayoutOptions::default());
    ids.into_iter().zip(pos).collect()
}

/// JSON that can sit inside a `<script>` element: `<`, `>`, `&`, U+2028
/// and U+2029 escaped. They can only occur inside JSON strings, where the
/// escapes mean the same characters.
pub fn script_safe_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The CSP source of a script or style's text.
fn sha256_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
}

/// The Content-Security-Policy of the page: its one script and one style,
/// nothing fetched from anywhere.
fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src {}; style-src {}; img-src data:; base-uri 'none'; form-action 'none'",
        sha256_source(SCRIPT),
        sha256_source(STYLE)
    )
}

/// Fill the `{{KEY}}` slots of `template` in one pass, so that nothing a
/// value holds is ever read as a slot.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + values.iter().map(|(_, v)| v.len()).sum::<usize>());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}").and_then(|end| {
            let key = &after[..end];
            values.iter().find(|(k, _)| *k == key).map(|(_, v)| (end, v))
        }) {
            Some((end, v)) => {
                out.push_str(v);
                rest = &after[end + 2..];
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The page of a graph at `level` ("actor" or "faction").
pub fn write_html(g: &ActorGraph, level: &str) -> String {
    let opts = g.options();
    // the faction view of an actor-level graph (declared first: the
    // tables and views borrow from it)
    let folded = (level != "faction").then(|| {
        view::apply(
            g,
            &ViewOptions {
                faction: true,
                ..Default::default()
            },
        )
    });
    let mut tables = Tables::default();
    let here = positions(g);
    let mut views = Vec::new();
    match &folded {
        None => views.push(view_data(g, "faction", &here, opts.include_modal, &mut tables)),
        Some(f) => {
            views.push(view_data(g, "actor", &here, opts.include_modal, &mut tables));
            // only when some person folds into a faction
            if f.graph().node_count() < g.graph().node_count() {
                views.push(view_data(f, "faction", &here, opts.include_modal, &mut tables));
            }
        }
    }
    let mut kinds = serde_json::Map::new();
    for k in KINDS {
        let (r, g8, b) = super::kind_rgb(k);
        kinds.insert(k.as_str().to_string(), format!("#{r:02x}{g8:02x}{b:02x}").into());
    }
    let relations = Relation::ALL
        .iter()
        .map(|&r| {
            let (color, line) = super::dot::relation_style(r);
            RelationStyle {
                name: r.as_str(),
                color,
                line,
                directed: r != Relation::Meet,
            }
        })
        .collect();
    let data = PageData {
        generator: super::json::generator(),
        documents: g.documents(),
        level,
        include_modal: opts.include_modal,
        max_evidence: opts.max_evidence,
        kinds,
        relations,
        docs: tables.docs,
        sentences: tables.sentences,
        views,
    };
    let json = serde_json::to_string(&data).expect("page data serialises");
    let title = if level == "faction" {
        format!("actorgraph: {} documents, faction level", g.documents())
    } else {
        format!("actorgraph: {} documents", g.documents())
    };
    fill(
        PAGE,
        &[
            ("CSP", &content_security_policy()),
            ("GENERATOR", &super::json::generator()),
            ("TITLE", &title),
            ("STYLE", STYLE),
            ("SCRIPT", SCRIPT),
            ("DATA", &script_safe_json(&json)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_cannot_close_its_script_element() {
        let s = script_safe_json(r#"{"a":"</script><!-- & \u2028"}"#);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'), "{s}");
        let raw = serde_json::to_string("x</script>\u{2028}\u{2029}&").unwrap();
        let safe = script_safe_json(&raw);
        assert!(!safe.contains('\u{2028}') && !safe.contains('\u{2029}'));
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "x</script>\u{2028}\u{2029}&");
    }

    #[test]
    fn slots_are_filled_once() {
        let out = fill("a {{X}} b {{Y}} {{Z}}", &[("X", "{{Y}}"), ("Y", "y")]);
        assert_eq!(out, "a {{Y}} b y {{Z}}");
    }

    #[test]
    fn the_assets_fetch_nothing_and_write_no_markup() {
        for (name, text) in [("page.html", PAGE), ("app.js", SCRIPT), ("style.css", STYLE)] {
            let lower = text.to_lowercase();
            for bad in ["http:", "https:", "//cdn", "url(", "@import", "@font-face"] {
                assert!(!lower.contains(bad), "{name} holds {bad}");
            }
        }
        for bad in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
        ] {
            assert!(!SCRIPT.contains(bad), "app.js uses {bad}");
        }
        assert!(!SCRIPT.to_lowercase().contains("</script"));
        assert!(!STYLE.to_lowercase().contains("</style"));
    }
}
