//! Views of a graph shared by every export and query: the faction level,
//! a subset of relations, a minimum weight and a date window.
//!
//! A view is a new [`ActorGraph`] built from the old one, so every format
//! and question works on it unchanged.

use chrono::NaiveDate;

use super::{dedup, ActorGraph, Edge, Node};
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

/// The level of a graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Level {
    /// One node per actor.
    Actor,
    /// Persons folded into their affiliation (Lavrov -> russia), weights and evidence merged.
    Faction,
}

impl Level {
    /// "actor" or "faction", as graphs record it.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Actor => "actor",
            Level::Faction => "faction",
        }
    }
}

impl std::str::FromStr for Level {
    type Err = ViewError;

    fn from_str(s: &str) -> Result<Self, ViewError> {
        match s {
            "actor" => Ok(Level::Actor),
            "faction" => Ok(Level::Faction),
            _ => Err(ViewError::Level(s.to_string())),
        }
    }
}

/// Why a view cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ViewError {
    /// Not the name of a level.
    #[error("{0:?} is not a level (actor or faction)")]
    Level(String),
    /// Not the name of a relation.
    #[error("{0:?} is not a relation (support, oppose or meet)")]
    Relation(String),
    /// A date window that ends before it starts.
    #[error("--since {since} is after --until {until}")]
    Window {
        /// Its start.
        since: NaiveDate,
        /// Its end.
        until: NaiveDate,
    },
    /// The actor level of a graph saved at the faction level.
    #[error("the graph is at the faction level: its persons cannot be unfolded (build it again with --level actor)")]
    Unfold,
}

/// A relation by its name, for a view.
pub fn parse_relation(s: &str) -> Result<Relation, ViewError> {
    Relation::parse(s).ok_or_else(|| ViewError::Relation(s.to_string()))
}

/// A view as it is asked for (by `build` and `convert`, and the Python
/// package's `to_format`), before it meets a graph: the level wanted
/// (`None`: the graph's own) and the filters of [`ViewOptions`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewRequest {
    /// The level wanted; `None` keeps the level of the graph.
    pub level: Option<Level>,
    /// Keep only these relations (all when empty).
    pub relations: Vec<Relation>,
    /// Keep only edges of at least this weight (after the date window).
    pub min_weight: u64,
    /// Keep only evidence dated on or after this day.
    pub since: Option<NaiveDate>,
    /// Keep only evidence dated on or before this day.
    pub until: Option<NaiveDate>,
}

impl ViewRequest {
    /// Whether the request makes sense before any graph is read: a date
    /// window must not end before it starts.
    pub fn check(&self) -> Result<(), ViewError> {
        match (self.since, self.until) {
            (Some(since), Some(until)) if since > until => Err(ViewError::Window { since, until }),
            _ => Ok(()),
        }
    }

    /// The view to apply to a graph saved at `saved_level` ("actor" or
    /// "faction"), and the level of the result. A faction-level graph is
    /// not folded twice, and cannot be unfolded.
    pub fn resolve(&self, saved_level: &str) -> Result<(ViewOptions, &'static str), ViewError> {
        self.check()?;
        let saved_faction = saved_level == Level::Faction.as_str();
        if saved_faction && self.level == Some(Level::Actor) {
            return Err(ViewError::Unfold);
        }
        let faction = self.level == Some(Level::Faction) || saved_faction;
        let opts = ViewOptions {
            faction: faction && !saved_faction,
            relations: self.relations.clone(),
            min_weight: self.min_weight,
            since: self.since,
            until: self.until,
        };
        let level = if faction { Level::Faction } else { Level::Actor };
        Ok((opts, level.as_str()))
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
    let evidence: Vec<_> = e.evidence.iter().filter(|x| inside(x.date)).cloned().collect();
    if dedup::total(&e.reports) == e.weight {
        // every report is dated here: the window counts them all
        let reports: Vec<_> = e.reports.iter().filter(|r| inside(r.date)).copied().collect();
        if reports.is_empty() {
            return None;
        }
        return Some(Edge {
            relation: e.relation,
            modality: e.modality,
            weight: dedup::total(&reports),
            first_seen: reports.iter().filter_map(|r| r.date).min(),
            last_seen: reports.iter().filter_map(|r| r.date).max(),
            reports,
            evidence,
        });
    }
    // A graph saved without its reports dates only the kept evidence, so
    // a partial window counts the evidence it keeps.
    if evidence.is_empty() {
        return None;
    }
    let first = evidence.iter().filter_map(|x| x.date).min();
    let last = evidence.iter().filter_map(|x| x.date).max();
    Some(Edge {
        relation: e.relation,
        modality: e.modality,
        weight: evidence.len() as u64,
        reports: Vec::new(),
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
    fn a_request_meets_the_level_of_the_graph() {
        let faction = ViewRequest {
            level: Some(Level::Faction),
            ..Default::default()
        };
        let (opts, level) = faction.resolve("actor").unwrap();
        assert!(opts.faction);
        assert_eq!(level, "faction");
        // a faction-level graph is not folded twice, and stays one
        let (opts, level) = ViewRequest::default().resolve("faction").unwrap();
        assert!(opts.is_identity());
        assert_eq!(level, "faction");
        let actor = ViewRequest {
            level: Some(Level::Actor),
            ..Default::default()
        };
        assert_eq!(actor.resolve("faction").unwrap_err(), ViewError::Unfold);
        let window = ViewRequest {
            since: NaiveDate::from_ymd_opt(2021, 1, 1),
            until: NaiveDate::from_ymd_opt(2020, 1, 1),
            ..Default::default()
        };
        assert_eq!(
            window.resolve("actor").unwrap_err().to_string(),
            "--since 2021-01-01 is after --until 2020-01-01"
        );
        assert_eq!("faction".parse::<Level>().unwrap(), Level::Faction);
        assert_eq!(
            "country".parse::<Level>().unwrap_err().to_string(),
            "\"country\" is not a level (actor or faction)"
        );
        assert_eq!(parse_relation("meet").unwrap(), Relation::Meet);
        assert!(parse_relation("likes").is_err());
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
