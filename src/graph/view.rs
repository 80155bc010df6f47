//! Views of a graph shared by every export and query: the faction level,
//! a subset of relations, a minimum weight and a date window.
//!
//! A view is a new [`ActorGraph`] built from the old one, so every format
//! and question works on it unchanged.

use chrono::NaiveDate;

use super::{ActorGraph, Edge, Node};
use crate::extract::Relation;
use crate::link::ActorKind;
use petgraph::visit::EdgeRef;

/// Which part of a graph to keep, and at which level.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewOptions {
    /// Fold persons into their affiliation (Lavrov -> russia).
    pub faction: bool,
    /// Keep only these relations (all when empty).
    pub relations: Vec<Relation>,
    /// Keep only edges of at least this weight (after the date window).
    pub min_weight: u64,
    /// Keep only evidence dated on or after this day (undated evidence is
    /// dropped when a window is set).
    pub since: Option<NaiveDate>,
    /// Keep only evidence dated on or before this day.
    pub until: Option<NaiveDate>,
}

impl ViewOptions {
    /// True when the view changes nothing.
    pub fn is_identity(&self) -> bool {
        *self == ViewOptions::default()
    }

    /// "actor" or "faction".
    pub fn level(&self) -> &'static str {
        if self.faction {
            "faction"
        } else {
            "actor"
        }
    }
}

/// The view of `g` that `opts` describes.
pub fn apply(g: &ActorGraph, opts: &ViewOptions) -> ActorGraph {
    if opts.is_identity() {
        return g.clone();
    }
    let mut out = ActorGraph::new(g.options());
    out.set_documents(g.documents());
    out.set_document_ids(g.document_ids().clone());
    let graph = g.graph();
    // the node each node folds into
    let fold = |n: &Node| -> String {
        match (&n.affiliation, opts.faction && n.kind == ActorKind::Person) {
            (Some(f), true) if g.node(f).is_some() => f.clone(),
            _ => n.id.clone(),
        }
    };
    for n in graph.node_weights() {
        let target = fold(n);
        if target == n.id {
            out.upsert_node(n.clone());
        } else {
            let mut f = graph[g.node(&target).expect("checked in fold")].clone();
            // the faction node carries the person's counts and surfaces too
            f.mentions = n.mentions;
            f.documents = 0;
            f.surfaces = n.surfaces.clone();
            out.upsert_node(f);
        }
    }
    // make sure every faction node exists even if its own entry came later
    for n in graph.node_weights() {
        if fold(n) == n.id && out.node(&n.id).is_none() {
            out.upsert_node(n.clone());
        }
    }
    for e in graph.edge_references() {
        let edge = e.weight();
        if !opts.relations.is_empty() && !opts.relations.contains(&edge.relation) {
            continue;
        }
        let Some(edge) = window(edge, opts.since, opts.until) else {
            continue;
        };
        let s = fold(&graph[e.source()]);
        let t = fold(&graph[e.target()]);
        if s == t {
            continue; // Lavrov meets Putin: no edge inside a faction
        }
        let (a, b) = (out.node(&s).expect("folded node"), out.node(&t).expect("folded node"));
        out.upsert_edge(a, b, edge);
    }
    if opts.min_weight > 1 {
        out.retain_edges(|e| e.weight >= opts.min_weight);
    }
    out
}

/// The edge restricted to evidence dated within the window, or `None` if
/// nothing of it is left. Without a window, the edge as it is.
fn window(e: &Edge, since: Option<NaiveDate>, until: Option<NaiveDate>) -> Option<Edge> {
    if since.is_none() && until.is_none() {
        return Some(e.clone());
    }
    let inside = |d: Option<NaiveDate>| d.is_some_and(|d| since.is_none_or(|s| s <= d) && until.is_none_or(|u| d <= u));
    let dates_inside = inside(e.first_seen) && inside(e.last_seen);
    if dates_inside {
        return Some(e.clone());
    }
    // Weights count every event but only the kept evidence is dated, so a
    // partial window counts the evidence it keeps.
    let evidence: Vec<_> = e.evidence.iter().filter(|x| inside(x.date)).cloned().collect();
    if evidence.is_empty() {
        return None;
    }
    let first = evidence.iter().filter_map(|x| x.date).min();
    let last = evidence.iter().filter_map(|x| x.date).max();
    Some(Edge {
        relation: e.relation,
        modality: e.modality,
        weight: evidence.len() as u64,
        first_seen: first,
        last_seen: last,
        evidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::graph::GraphOptions;
    use crate::pipeline::Pipeline;

    fn seedlike() -> ActorGraph {
        let p = Pipeline::shipped().unwrap();
        let mut a = Document::new(
            "a",
            "Sergey Lavrov met Mohamed Siala in Moscow. Egypt backs Khalifa Haftar.",
        );
        a.date = NaiveDate::from_ymd_opt(2020, 1, 1);
        let mut b = Document::new("b", "Turkey backs the Government of National Accord.");
        b.date = NaiveDate::from_ymd_opt(2021, 6, 1);
        p.build([a, b], GraphOptions::default())
    }

    fn triples(g: &ActorGraph) -> Vec<String> {
        g.sorted_edges()
            .iter()
            .map(|(s, t, e)| format!("{} {} {} {}", s.id, e.relation.as_str(), t.id, e.weight))
            .collect()
    }

    #[test]
    fn faction_level_folds_persons() {
        let g = seedlike();
        let f = apply(
            &g,
            &ViewOptions {
                faction: true,
                ..Default::default()
            },
        );
        assert_eq!(
            triples(&f),
            vec!["egypt support lna 1", "gna meet russia 1", "turkey support gna 1"]
        );
        assert!(
            f.node("sergey_lavrov").is_none(),
            "a person folds into the faction node"
        );
        let russia = &f.graph()[f.node("russia").unwrap()];
        assert!(russia.surfaces.contains("Sergey Lavrov"));
    }

    #[test]
    fn relations_weight_and_dates() {
        let g = seedlike();
        let only_meet = apply(
            &g,
            &ViewOptions {
                relations: vec![Relation::Meet],
                ..Default::default()
            },
        );
        assert_eq!(triples(&only_meet), vec!["mohamed_siala meet sergey_lavrov 1"]);
        let since = apply(
            &g,
            &ViewOptions {
                since: NaiveDate::from_ymd_opt(2021, 1, 1),
                ..Default::default()
            },
        );
        assert_eq!(triples(&since), vec!["turkey support gna 1"]);
        let heavy = apply(
            &g,
            &ViewOptions {
                min_weight: 2,
                ..Default::default()
            },
        );
        assert!(triples(&heavy).is_empty());
    }
}
