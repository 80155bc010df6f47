//! Questions over a graph: who backs whom, who opposes whom, who met whom,
//! how two actors are connected, which camps the actors fall into, and who
//! is at the centre.
//!
//! Every question is a function over an [`ActorGraph`] (apply a
//! [`ViewOptions`] first for the faction level, a date window, a minimum
//! weight or a subset of relations, or let [`ask`] do it):
//!
//! | question | function | answer |
//! |---|---|---|
//! | `backers X` | [`backers`] | who supports X |
//! | `backed X` | [`backed`] | whom X supports |
//! | `opponents X` | [`opponents`] | who opposes X and whom X opposes |
//! | `meetings X` | [`meetings`] | whom X met |
//! | `neighbors X` | [`neighbors`] | every actor related to X |
//! | `path A B` | [`path`] | the shortest chain of relations from A to B |
//! | `camps` | [`camps::camps`] | the actors split into two camps (structural balance) |
//! | `top` | [`top`] | actors ranked by degree or weighted degree |
//!
//! Answers list their edges as [`Link`]s, each with its weight, its first
//! and last date and its evidence sentences. Only events that happened
//! count: edges of another modality (a graph built with `--include-modal`)
//! are left out of every answer.
//!
//! Actor names are resolved with [`resolve::Resolver`]: a node id, then the
//! linker that reads the text (so "Hifter", "Khalifa Haftar" and
//! "khalifa_haftar" answer for one node), then labels, surfaces, spelling
//! variants and a fuzzy match.
//!
//! ```
//! use actorgraph::corpus::Document;
//! use actorgraph::graph::{view::ViewOptions, GraphOptions};
//! use actorgraph::pipeline::Pipeline;
//! use actorgraph::query::{ask, Answer, Question};
//!
//! let pipeline = Pipeline::shipped().unwrap();
//! let doc = Document::new("d1", "Haftar's forces, backed by Egypt and the United Arab Emirates, attacked Tripoli.");
//! let graph = pipeline.build([doc], GraphOptions::default());
//! let question = Question::Backers("Haftar's forces".into());
//! let response = ask(&graph, &ViewOptions::default(), Some(pipeline.linker()), &question).unwrap();
//! let Answer::Related(related) = &response.answer else { unreachable!() };
//! let backers: Vec<&str> = related.rows.iter().map(|r| r.actor.id.as_str()).collect();
//! assert_eq!(backers, vec!["egypt", "uae"]);
//! ```

pub mod camps;
pub mod render;
pub mod resolve;

use std::collections::{BTreeMap, VecDeque};

use chrono::NaiveDate;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction as PetDirection;
use serde::Serialize;

use crate::extract::{Modality, Relation};
use crate::graph::view::{self, ViewOptions};
use crate::graph::{ActorGraph, EvidenceItem, Node};
use crate::link::{ActorKind, Linker};

pub use camps::{camps, Camps};
pub use resolve::{Candidate, Resolved, Resolver};

/// Why a question could not be answered.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum QueryError {
    /// An empty name.
    #[error("an actor name is empty")]
    EmptyName,
    /// No actor of the graph answers to the name.
    #[error("no actor of the graph answers to {name:?}{}", nearest(candidates))]
    Unknown {
        /// The name asked for.
        name: String,
        /// The nearest actors of the graph, best first.
        candidates: Vec<Candidate>,
    },
    /// Several actors answer to the name.
    #[error("{name:?} is ambiguous: it could be {}", list(candidates))]
    Ambiguous {
        /// The name asked for.
        name: String,
        /// The actors it could be, by id.
        candidates: Vec<Candidate>,
    },
    /// The name links to an actor of the gazetteer that the graph lacks.
    #[error("{name:?} is {id} ({label}), who is not in this graph{}", nearest(candidates))]
    NotInGraph {
        /// The name asked for.
        name: String,
        /// The actor it links to.
        id: String,
        /// Its label.
        label: String,
        /// The nearest actors of the graph, best first.
        candidates: Vec<Candidate>,
    },
    /// An id that is not a node of the graph (library calls only).
    #[error("{0:?} is not a node of the graph")]
    NoSuchNode(String),
}

fn list(c: &[Candidate]) -> String {
    c.iter()
        .map(|c| format!("{} ({})", c.id, c.label))
        .collect::<Vec<_>>()
        .join(", ")
}

fn nearest(c: &[Candidate]) -> String {
    if c.is_empty() {
        String::new()
    } else {
        format!("; nearest: {}", list(c))
    }
}

/// An actor as answers name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorRef {
    /// Node id.
    pub id: String,
    /// Display name.
    pub label: String,
    /// Kind of actor.
    pub kind: ActorKind,
}

impl ActorRef {
    /// The reference to a node.
    pub fn of(n: &Node) -> Self {
        ActorRef {
            id: n.id.clone(),
            label: n.label.clone(),
            kind: n.kind,
        }
    }
}

/// One edge of an answer, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// Source id (for meet, the smaller id).
    pub source: String,
    /// support, oppose or meet.
    pub relation: Relation,
    /// Target id.
    pub target: String,
    /// Number of reports.
    pub weight: u64,
    /// Number of events they tell of.
    pub events: u64,
    /// Earliest date seen.
    pub first_seen: Option<NaiveDate>,
    /// Latest date seen.
    pub last_seen: Option<NaiveDate>,
    /// Evidence sentences, in (document, sentence) order.
    pub evidence: Vec<EvidenceItem>,
}

impl Link {
    /// The answer's form of an edge from `source` to `target`.
    pub fn new(source: &Node, target: &Node, e: &crate::graph::Edge, same_event_days: u32) -> Self {
        Link {
            source: source.id.clone(),
            relation: e.relation,
            target: target.id.clone(),
            weight: e.weight,
            events: e.events(same_event_days),
            first_seen: e.first_seen,
            last_seen: e.last_seen,
            evidence: e.evidence.clone(),
        }
    }

    /// "egypt support khalifa_haftar".
    pub fn triple(&self) -> String {
        format!("{} {} {}", self.source, self.relation.as_str(), self.target)
    }
}

/// How the actor of a row stands to the actor asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The row's actor acts on the subject (backs it, opposes it).
    To,
    /// The subject acts on the row's actor.
    From,
    /// Both.
    Both,
    /// Only meetings, which have no direction.
    Mutual,
}

/// One actor related to the subject, with the edges between them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelatedRow {
    /// The related actor.
    pub actor: ActorRef,
    /// Which way the directed edges run.
    pub direction: Direction,
    /// The sum of the edges' weights.
    pub weight: u64,
    /// The edges, by relation, source and target.
    pub edges: Vec<Link>,
}

/// The answer to `backers`, `backed`, `opponents`, `meetings` and
/// `neighbors`: actors related to one actor, heaviest first (then by id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// The actor asked about.
    pub subject: ActorRef,
    /// The related actors.
    pub rows: Vec<RelatedRow>,
}

/// One step of a path: the edges between two consecutive actors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The actor the step leaves.
    pub from: String,
    /// The actor it reaches.
    pub to: String,
    /// Every edge between the two, whatever its direction.
    pub edges: Vec<Link>,
}

/// The answer to `path A B`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathAnswer {
    /// A.
    pub from: ActorRef,
    /// B.
    pub to: ActorRef,
    /// Whether a chain of relations joins them.
    pub connected: bool,
    /// The actors of the chain, A first and B last (empty when not
    /// connected).
    pub actors: Vec<ActorRef>,
    /// The steps, one per pair of consecutive actors.
    pub steps: Vec<Step>,
}

/// What `top` ranks by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RankBy {
    /// The number of distinct edges.
    Degree,
    /// The sum of the edges' weights (the number of reports).
    #[default]
    Weight,
    /// The sum of the edges' events (reports of one event count once).
    Events,
}

/// A count of edges and their summed weight.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Count {
    /// Number of edges.
    pub degree: u64,
    /// Sum of their weights.
    pub weight: u64,
    /// Sum of their events.
    pub events: u64,
}

impl Count {
    fn add(&mut self, weight: u64, events: u64) {
        self.degree += 1;
        self.weight += weight;
        self.events += events;
    }

    /// The count `by` ranks.
    pub fn by(&self, by: RankBy) -> u64 {
        match by {
            RankBy::Degree => self.degree,
            RankBy::Weight => self.weight,
            RankBy::Events => self.events,
        }
    }
}

/// One actor of the `top` ranking, with its edges counted per relation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopRow {
    /// 1 for the first.
    pub rank: usize,
    /// The actor.
    pub actor: ActorRef,
    /// All its edges.
    pub total: Count,
    /// Support edges from it.
    pub backs: Count,
    /// Support edges to it.
    pub backed_by: Count,
    /// Oppose edges from it.
    pub opposes: Count,
    /// Oppose edges to it.
    pub opposed_by: Count,
    /// Meet edges.
    pub meets: Count,
}

/// The answer to `top`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Top {
    /// What the ranking is by.
    pub by: RankBy,
    /// The actors with at least one edge, best first (ties by id).
    pub rows: Vec<TopRow>,
}

/// A question, with its actor names as the user wrote them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// Who supports the actor.
    Backers(String),
    /// Whom the actor supports.
    Backed(String),
    /// Who opposes the actor, and whom it opposes.
    Opponents(String),
    /// Whom the actor met.
    Meetings(String),
    /// Every actor related to the actor.
    Neighbors(String),
    /// The shortest chain of relations between two actors.
    Path(String, String),
    /// The two camps of each connected part of the signed graph.
    Camps,
    /// The `n` actors with most edges (all when `None`).
    Top {
        /// How many.
        n: Option<usize>,
        /// By what.
        by: RankBy,
    },
}

/// The question words, as the command line takes them.
pub const QUESTION_WORDS: &[&str] = &[
    "backers",
    "backed",
    "opponents",
    "meetings",
    "neighbors",
    "path",
    "camps",
    "top",
];

impl Question {
    /// The question's word ("backers", "path", …).
    pub fn word(&self) -> &'static str {
        match self {
            Question::Backers(_) => "backers",
            Question::Backed(_) => "backed",
            Question::Opponents(_) => "opponents",
            Question::Meetings(_) => "meetings",
            Question::Neighbors(_) => "neighbors",
            Question::Path(..) => "path",
            Question::Camps => "camps",
            Question::Top { .. } => "top",
        }
    }

    /// The actor names it asks about.
    pub fn names(&self) -> Vec<&str> {
        match self {
            Question::Backers(x)
            | Question::Backed(x)
            | Question::Opponents(x)
            | Question::Meetings(x)
            | Question::Neighbors(x) => vec![x.as_str()],
            Question::Path(a, b) => vec![a.as_str(), b.as_str()],
            Question::Camps | Question::Top { .. } => vec![],
        }
    }

    /// Parse a question word and its arguments, as on the command line.
    /// Several words after a one-actor question are one name
    /// (`backers Khalifa Haftar`); `path` takes exactly two (quote names of
    /// several words); `top` takes an optional count.
    pub fn parse(word: &str, args: &[String], by: RankBy) -> Result<Question, String> {
        let one = |f: fn(String) -> Question| {
            if args.is_empty() {
                Err(format!("`{word}` needs an actor name, e.g. `{word} Haftar`"))
            } else {
                Ok(f(args.join(" ")))
            }
        };
        match word {
            "backers" => one(Question::Backers),
            "backed" => one(Question::Backed),
            "opponents" => one(Question::Opponents),
            "meetings" => one(Question::Meetings),
            "neighbors" | "neighbours" => one(Question::Neighbors),
            "path" => match args {
                [a, b] => Ok(Question::Path(a.clone(), b.clone())),
                _ => Err(format!(
                    "`path` needs exactly two actor names (quote a name of several words), got {}",
                    args.len()
                )),
            },
            "camps" => {
                if args.is_empty() {
                    Ok(Question::Camps)
                } else {
                    Err("`camps` takes no arguments".to_string())
                }
            }
            "top" => match args {
                [] => Ok(Question::Top { n: None, by }),
                [n] => n
                    .parse::<usize>()
                    .map(|n| Question::Top { n: Some(n), by })
                    .map_err(|_| format!("`top` takes a count, not {n:?}")),
                _ => Err("`top` takes at most one argument, a count".to_string()),
            },
            _ => Err(format!(
                "unknown question {word:?}; the questions are {}",
                QUESTION_WORDS.join(", ")
            )),
        }
    }
}

/// Any answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// backers, backed, opponents, meetings, neighbors.
    Related(Related),
    /// path.
    Path(PathAnswer),
    /// camps.
    Camps(Camps),
    /// top.
    Top(Top),
}

/// A question and its answer, with how its names were resolved: the JSON
/// printed by `actorgraph query --format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Response {
    /// The question word.
    pub question: String,
    /// The names asked about, as given.
    pub names: Vec<String>,
    /// The node each name was resolved to, in the same order.
    pub resolved: Vec<Resolved>,
    /// "actor" or "faction".
    pub level: String,
    /// Number of documents in the graph.
    pub documents: u64,
    /// The answer.
    pub answer: Answer,
}

impl Response {
    /// Keep at most `n` evidence sentences per edge (`--evidence one` is 1).
    pub fn limit_evidence(&mut self, n: usize) {
        let cut = |links: &mut Vec<Link>| {
            for l in links {
                l.evidence.truncate(n);
            }
        };
        match &mut self.answer {
            Answer::Related(r) => r.rows.iter_mut().for_each(|row| cut(&mut row.edges)),
            Answer::Path(p) => p.steps.iter_mut().for_each(|s| cut(&mut s.edges)),
            Answer::Camps(c) => c.components.iter_mut().for_each(|c| cut(&mut c.frustrated)),
            Answer::Top(_) => {}
        }
    }
}

/// Ask a question of `graph` seen through `view`. Names go through a
/// [`Resolver`] over `graph` and `linker` (the linker that reads the text;
/// without one, names are matched against ids, labels and surfaces only).
/// At the faction level a person resolves to the faction it folds into.
pub fn ask(
    graph: &ActorGraph,
    view: &ViewOptions,
    linker: Option<&Linker>,
    question: &Question,
) -> Result<Response, QueryError> {
    let viewed = view::apply(graph, view);
    let resolver = Resolver::new(graph, linker).folding(view.faction);
    let mut resolved = Vec::new();
    for name in question.names() {
        let mut r = resolver.resolve(name)?;
        if view.faction {
            r.fold_into_faction(graph, &viewed);
        }
        resolved.push(r);
    }
    let id = |i: usize| resolved[i].id.as_str();
    let answer = match question {
        Question::Backers(_) => Answer::Related(backers(&viewed, id(0))?),
        Question::Backed(_) => Answer::Related(backed(&viewed, id(0))?),
        Question::Opponents(_) => Answer::Related(opponents(&viewed, id(0))?),
        Question::Meetings(_) => Answer::Related(meetings(&viewed, id(0))?),
        Question::Neighbors(_) => Answer::Related(neighbors(&viewed, id(0))?),
        Question::Path(..) => Answer::Path(path(&viewed, id(0), id(1))?),
        Question::Camps => Answer::Camps(camps(&viewed)),
        Question::Top { n, by } => {
            let mut t = top(&viewed, *by);
            if let Some(n) = n {
                t.rows.truncate(*n);
            }
            Answer::Top(t)
        }
    };
    Ok(Response {
        question: question.word().to_string(),
        names: question.names().into_iter().map(str::to_string).collect(),
        resolved,
        level: view.level().to_string(),
        documents: viewed.documents(),
        answer,
    })
}

fn node_ix(g: &ActorGraph, id: &str) -> Result<NodeIndex, QueryError> {
    g.node(id).ok_or_else(|| QueryError::NoSuchNode(id.to_string()))
}

/// The answer's form of an edge.
fn link_of(g: &ActorGraph, e: petgraph::graph::EdgeReference<'_, crate::graph::Edge>) -> Link {
    let graph = g.graph();
    Link::new(
        &graph[e.source()],
        &graph[e.target()],
        e.weight(),
        g.options().same_event_days,
    )
}

/// Whether an edge takes part in answers: only events that happened.
pub(crate) fn counts(e: &crate::graph::Edge) -> bool {
    e.modality == Modality::Asserted
}

/// The edges touching `ix` (asserted, no loops) as (other node, whether
/// the edge runs from `ix`, edge).
fn incident(
    g: &ActorGraph,
    ix: NodeIndex,
) -> impl Iterator<Item = (NodeIndex, bool, petgraph::graph::EdgeReference<'_, crate::graph::Edge>)> {
    let graph = g.graph();
    let out = graph
        .edges_directed(ix, PetDirection::Outgoing)
        .map(|e| (e.target(), true, e));
    let inc = graph
        .edges_directed(ix, PetDirection::Incoming)
        .map(|e| (e.source(), false, e));
    out.chain(inc).filter(move |(o, _, e)| *o != ix && counts(e.weight()))
}

/// Actors related to `id` by the edges `keep(relation, from_subject)`
/// accepts.
fn related(g: &ActorGraph, id: &str, keep: impl Fn(Relation, bool) -> bool) -> Result<Related, QueryError> {
    let ix = node_ix(g, id)?;
    let graph = g.graph();
    let mut by_actor: BTreeMap<&str, (NodeIndex, Vec<Link>, bool, bool)> = BTreeMap::new();
    for (other, from_subject, e) in incident(g, ix) {
        let rel = e.weight().relation;
        if !keep(rel, from_subject) {
            continue;
        }
        let entry = by_actor
            .entry(graph[other].id.as_str())
            .or_insert_with(|| (other, Vec::new(), false, false));
        entry.1.push(link_of(g, e));
        if rel != Relation::Meet {
            if from_subject {
                entry.3 = true;
            } else {
                entry.2 = true;
            }
        }
    }
    let mut rows: Vec<RelatedRow> = by_actor
        .into_values()
        .map(|(other, mut edges, to, from)| {
            edges.sort_by(|a, b| (a.relation, &a.source, &a.target).cmp(&(b.relation, &b.source, &b.target)));
            RelatedRow {
                actor: ActorRef::of(&graph[other]),
                direction: match (to, from) {
                    (true, true) => Direction::Both,
                    (true, false) => Direction::To,
                    (false, true) => Direction::From,
                    (false, false) => Direction::Mutual,
                },
                weight: edges.iter().map(|e| e.weight).sum(),
                edges,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.weight.cmp(&a.weight).then_with(|| a.actor.id.cmp(&b.actor.id)));
    Ok(Related {
        subject: ActorRef::of(&graph[ix]),
        rows,
    })
}

/// Who supports `id`.
pub fn backers(g: &ActorGraph, id: &str) -> Result<Related, QueryError> {
    related(g, id, |r, from| r == Relation::Support && !from)
}

/// Whom `id` supports.
pub fn backed(g: &ActorGraph, id: &str) -> Result<Related, QueryError> {
    related(g, id, |r, from| r == Relation::Support && from)
}

/// Who opposes `id` (rows with direction `to`) and whom `id` opposes
/// (`from`); `both` when each opposes the other.
pub fn opponents(g: &ActorGraph, id: &str) -> Result<Related, QueryError> {
    related(g, id, |r, _| r == Relation::Oppose)
}

/// Whom `id` met.
pub fn meetings(g: &ActorGraph, id: &str) -> Result<Related, QueryError> {
    related(g, id, |r, _| r == Relation::Meet)
}

/// Every actor related to `id`, by any relation.
pub fn neighbors(g: &ActorGraph, id: &str) -> Result<Related, QueryError> {
    related(g, id, |_, _| true)
}

/// The shortest chain of relations between `a` and `b`, over every
/// relation and ignoring direction. Among chains of the same length the
/// one found first by a breadth-first search that visits neighbours in id
/// order is kept, so the answer is the same on every run.
pub fn path(g: &ActorGraph, a: &str, b: &str) -> Result<PathAnswer, QueryError> {
    let (ia, ib) = (node_ix(g, a)?, node_ix(g, b)?);
    let graph = g.graph();
    let neighbours = |ix: NodeIndex| {
        let mut v: Vec<NodeIndex> = incident(g, ix).map(|(o, _, _)| o).collect();
        v.sort_by(|x, y| graph[*x].id.cmp(&graph[*y].id));
        v.dedup();
        v
    };
    let mut parent: Vec<Option<NodeIndex>> = vec![None; graph.node_count()];
    let mut seen = vec![false; graph.node_count()];
    seen[ia.index()] = true;
    let mut queue = VecDeque::from([ia]);
    while let Some(u) = queue.pop_front() {
        if u == ib {
            break;
        }
        for v in neighbours(u) {
            if !seen[v.index()] {
                seen[v.index()] = true;
                parent[v.index()] = Some(u);
                queue.push_back(v);
            }
        }
    }
    let (from, to) = (ActorRef::of(&graph[ia]), ActorRef::of(&graph[ib]));
    if !seen[ib.index()] {
        return Ok(PathAnswer {
            from,
            to,
            connected: false,
            actors: vec![],
            steps: vec![],
        });
    }
    let mut chain = vec![ib];
    while let Some(p) = parent[chain.last().expect("non-empty").index()] {
        chain.push(p);
    }
    chain.reverse();
    let steps = chain
        .windows(2)
        .map(|w| {
            let mut edges: Vec<Link> = incident(g, w[0])
                .filter(|(o, _, _)| *o == w[1])
                .map(|(_, _, e)| link_of(g, e))
                .collect();
            edges.sort_by(|a, b| (a.relation, &a.source, &a.target).cmp(&(b.relation, &b.source, &b.target)));
            Step {
                from: graph[w[0]].id.clone(),
                to: graph[w[1]].id.clone(),
                edges,
            }
        })
        .collect();
    Ok(PathAnswer {
        from,
        to,
        connected: true,
        actors: chain.iter().map(|&ix| ActorRef::of(&graph[ix])).collect(),
        steps,
    })
}

/// Actors ranked by their edges (degree) or their events (weighted
/// degree), with the counts per relation and direction. Actors without
/// edges are left out; ties go by id.
pub fn top(g: &ActorGraph, by: RankBy) -> Top {
    let graph = g.graph();
    let mut rows: Vec<TopRow> = Vec::new();
    for ix in graph.node_indices() {
        let mut row = TopRow {
            rank: 0,
            actor: ActorRef::of(&graph[ix]),
            total: Count::default(),
            backs: Count::default(),
            backed_by: Count::default(),
            opposes: Count::default(),
            opposed_by: Count::default(),
            meets: Count::default(),
        };
        for (_, from, e) in incident(g, ix) {
            let w = (e.weight().weight, g.events(e.weight()));
            row.total.add(w.0, w.1);
            match (e.weight().relation, from) {
                (Relation::Support, true) => row.backs.add(w.0, w.1),
                (Relation::Support, false) => row.backed_by.add(w.0, w.1),
                (Relation::Oppose, true) => row.opposes.add(w.0, w.1),
                (Relation::Oppose, false) => row.opposed_by.add(w.0, w.1),
                (Relation::Meet, _) => row.meets.add(w.0, w.1),
            }
        }
        if row.total.degree > 0 {
            rows.push(row);
        }
    }
    rows.sort_by(|a, b| {
        (b.total.by(by), b.total.by(other(by)))
            .cmp(&(a.total.by(by), a.total.by(other(by))))
            .then_with(|| a.actor.id.cmp(&b.actor.id))
    });
    for (i, r) in rows.iter_mut().enumerate() {
        r.rank = i + 1;
    }
    Top { by, rows }
}

fn other(by: RankBy) -> RankBy {
    match by {
        RankBy::Degree => RankBy::Weight,
        RankBy::Weight | RankBy::Events => RankBy::Degree,
    }
}

#[cfg(test)]
mod tests;
