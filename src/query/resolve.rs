//! Actor names in questions, resolved to nodes of a graph the way the text
//! is read.
//!
//! [`Resolver::resolve`] tries, in order:
//!
//! 1. a node id as written or lower-cased (`khalifa_haftar`, `Egypt`), or
//!    an id of the gazetteer;
//! 2. the linker that reads the articles, run over the name as a
//!    one-sentence document, when one of its mentions covers the whole name
//!    ("Hifter", "the Kremlin", "Haftar's forces");
//! 3. a node's label or one of its surfaces (the strings the text linked to
//!    it), ignoring case and diacritics;
//! 4. spelling variants ([`crate::link::variant`]) of every word of the
//!    name among the words of a node's label or surfaces ("Hifter" ~
//!    "Haftar"), which the linker alone may not accept without context;
//! 5. a fuzzy match (Jaro-Winkler) on ids, labels and surfaces, when one
//!    node is clearly nearest.
//!
//! A name that matches several nodes at one step is ambiguous; a name that
//! matches none is unknown. Both errors list the nearest candidates.
//!
//! A name of an actor the graph lacks is an error too, unless the resolver
//! folds persons into factions ([`Resolver::folding`], for a graph at the
//! faction level): then a person resolves to its faction.

use serde::Serialize;

use super::QueryError;
use crate::corpus::Document;
use crate::graph::{ActorGraph, Node};
use crate::link::variant;
use crate::link::{LinkHow, Linker};
use crate::text::normalize_phrase;

/// The least Jaro-Winkler similarity for a fuzzy match to be taken.
pub const FUZZY_ACCEPT: f64 = 0.9;
/// How far ahead of the next node the best fuzzy match must be.
pub const FUZZY_MARGIN: f64 = 0.02;
/// Candidates listed in an error.
pub const CANDIDATES: usize = 5;

/// Which step resolved a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum How {
    /// A node or gazetteer id.
    Id,
    /// The linker (see [`Resolved::link`] for how it linked).
    Linker,
    /// A node's label or surface.
    Name,
    /// A spelling variant of a label or surface.
    Variant,
    /// A fuzzy match (see [`Resolved::score`]).
    Fuzzy,
}

/// A name resolved to a node.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolved {
    /// The name as given.
    pub name: String,
    /// The node id.
    pub id: String,
    /// The node's label.
    pub label: String,
    /// How it was resolved.
    pub how: How,
    /// How the linker linked it, when it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<LinkHow>,
    /// The actor the name named, when it was folded into its faction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folded_from: Option<String>,
    /// The similarity of a fuzzy match.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

impl Resolved {
    fn new(name: &str, node: &Node, how: How) -> Self {
        Resolved {
            name: name.to_string(),
            id: node.id.clone(),
            label: node.label.clone(),
            how,
            link: None,
            folded_from: None,
            score: None,
        }
    }

    /// When `viewed` (a faction view of `raw`) has no node of this id, move
    /// to the faction the actor folds into.
    pub fn fold_into_faction(&mut self, raw: &ActorGraph, viewed: &ActorGraph) {
        if viewed.node(&self.id).is_some() {
            return;
        }
        let Some(ix) = raw.node(&self.id) else { return };
        let Some(f) = raw.graph()[ix].affiliation.as_deref() else {
            return;
        };
        if let Some(fx) = viewed.node(f) {
            self.folded_from.get_or_insert_with(|| self.id.clone());
            self.id = f.to_string();
            self.label = viewed.graph()[fx].label.clone();
        }
    }
}

/// A node named in an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    /// Node id.
    pub id: String,
    /// Its label.
    pub label: String,
}

impl Candidate {
    fn of(n: &Node) -> Self {
        Candidate {
            id: n.id.clone(),
            label: n.label.clone(),
        }
    }
}

/// Resolves actor names to the nodes of one graph.
pub struct Resolver<'a> {
    graph: &'a ActorGraph,
    linker: Option<&'a Linker>,
    fold: bool,
}

impl<'a> Resolver<'a> {
    /// A resolver over `graph`, reading names with `linker` when given.
    pub fn new(graph: &'a ActorGraph, linker: Option<&'a Linker>) -> Self {
        Resolver {
            graph,
            linker,
            fold: false,
        }
    }

    /// Resolve a person the graph lacks to the faction it belongs to (in
    /// the gazetteer), as the faction level does.
    pub fn folding(mut self, fold: bool) -> Self {
        self.fold = fold;
        self
    }

    /// The node `name` stands for. See the module documentation.
    pub fn resolve(&self, name: &str) -> Result<Resolved, QueryError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(QueryError::EmptyName);
        }
        if let Some(r) = self.by_id(name)? {
            return Ok(r);
        }
        if let Some(r) = self.by_linker(name)? {
            return Ok(r);
        }
        if let Some(r) = self.by_name(name)? {
            return Ok(r);
        }
        if let Some(r) = self.by_variant(name)? {
            return Ok(r);
        }
        self.by_fuzzy(name)
    }

    fn node(&self, id: &str) -> Option<&'a Node> {
        self.graph.node(id).map(|ix| &self.graph.graph()[ix])
    }

    /// The node of a gazetteer actor: itself, or the faction it belongs to
    /// when the graph has only that (a graph saved at the faction level).
    fn actor_node(&self, name: &str, id: &str, how: How) -> Result<Resolved, QueryError> {
        if let Some(n) = self.node(id) {
            return Ok(Resolved::new(name, n, how));
        }
        let gazetteer = self.linker.map(|l| l.gazetteer());
        let actor = gazetteer.and_then(|g| g.by_id(id).map(|a| g.actor(a)));
        if let (Some(g), Some(a), true) = (gazetteer, actor, self.fold) {
            if let Some(f) = a.affiliation.map(|f| &g.actor(f).id) {
                if let Some(n) = self.node(f) {
                    let mut r = Resolved::new(name, n, how);
                    r.folded_from = Some(id.to_string());
                    return Ok(r);
                }
            }
        }
        Err(QueryError::NotInGraph {
            name: name.to_string(),
            id: id.to_string(),
            label: actor.map_or_else(|| id.to_string(), |a| a.label.clone()),
            candidates: self.nearest(name),
        })
    }

    fn by_id(&self, name: &str) -> Result<Option<Resolved>, QueryError> {
        let lower = name.to_lowercase();
        for id in [name, lower.as_str()] {
            if let Some(n) = self.node(id) {
                return Ok(Some(Resolved::new(name, n, How::Id)));
            }
        }
        if let Some(l) = self.linker {
            for id in [name, lower.as_str()] {
                if l.gazetteer().by_id(id).is_some() {
                    return self.actor_node(name, id, How::Id).map(Some);
                }
            }
        }
        Ok(None)
    }

    fn by_linker(&self, name: &str) -> Result<Option<Resolved>, QueryError> {
        let Some(linker) = self.linker else {
            return Ok(None);
        };
        let titled = title_case(name);
        let mut tried = vec![name.to_string()];
        if titled != name {
            tried.push(titled);
        }
        // role titles ("the UN chief") name whoever held them at the date
        // of the graph's latest evidence
        let date = self.graph.graph().edge_weights().filter_map(|e| e.last_seen).max();
        for text in &tried {
            let mut doc = Document::new("query", text.clone());
            doc.date = date;
            let (_, mentions) = linker.link_document(&doc);
            let covering = mentions.iter().find(|m| covers(text, m.start, m.end));
            if let Some(m) = covering {
                let id = &linker.gazetteer().actor(m.actor).id;
                let mut r = self.actor_node(name, id, How::Linker)?;
                r.link = Some(m.how);
                return Ok(Some(r));
            }
        }
        Ok(None)
    }

    /// Nodes whose label or a surface is the name, up to case and
    /// diacritics.
    fn by_name(&self, name: &str) -> Result<Option<Resolved>, QueryError> {
        let want = normalize_phrase(name).0;
        let hits: Vec<&Node> = self
            .nodes()
            .into_iter()
            .filter(|n| strings(n).any(|s| normalize_phrase(s).0 == want))
            .collect();
        self.one_of(name, hits, How::Name)
    }

    /// Nodes with, for every word of the name, a word of the label or of a
    /// surface that is a spelling variant of it.
    fn by_variant(&self, name: &str) -> Result<Option<Resolved>, QueryError> {
        let words: Vec<String> = normalize_phrase(name).0.split_whitespace().map(variant::key).collect();
        if words.is_empty() || words.iter().all(|k| k.len() < variant::MIN_KEY_LEN) {
            return Ok(None);
        }
        let hits: Vec<&Node> = self
            .nodes()
            .into_iter()
            .filter(|n| {
                strings(n).any(|s| {
                    let theirs: Vec<String> = normalize_phrase(s).0.split_whitespace().map(variant::key).collect();
                    words
                        .iter()
                        .all(|w| theirs.iter().any(|t| variant::keys_are_variants(w, t)))
                })
            })
            .collect();
        self.one_of(name, hits, How::Variant)
    }

    fn by_fuzzy(&self, name: &str) -> Result<Resolved, QueryError> {
        let scored = self.scored(name);
        if let Some(&(best, n)) = scored.first() {
            let runner_up = scored.get(1).map_or(0.0, |x| x.0);
            if best >= FUZZY_ACCEPT && best - runner_up >= FUZZY_MARGIN {
                let mut r = Resolved::new(name, n, How::Fuzzy);
                r.score = Some((best * 1000.0).round() / 1000.0);
                return Ok(r);
            }
        }
        Err(QueryError::Unknown {
            name: name.to_string(),
            candidates: scored.iter().take(CANDIDATES).map(|(_, n)| Candidate::of(n)).collect(),
        })
    }

    /// Nodes by their best similarity to the name, best first, ties by id.
    fn scored(&self, name: &str) -> Vec<(f64, &'a Node)> {
        let want = name.to_lowercase();
        let mut v: Vec<(f64, &Node)> = self
            .nodes()
            .into_iter()
            .map(|n| {
                let id = n.id.replace('_', " ");
                let best = strings(n)
                    .chain(std::iter::once(id.as_str()))
                    .map(|s| strsim::jaro_winkler(&want, &s.to_lowercase()))
                    .fold(0.0, f64::max);
                (best, n)
            })
            .collect();
        v.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
        v
    }

    fn nearest(&self, name: &str) -> Vec<Candidate> {
        self.scored(name)
            .into_iter()
            .take(CANDIDATES)
            .map(|(_, n)| Candidate::of(n))
            .collect()
    }

    fn nodes(&self) -> Vec<&'a Node> {
        self.graph.sorted_nodes()
    }

    fn one_of(&self, name: &str, hits: Vec<&Node>, how: How) -> Result<Option<Resolved>, QueryError> {
        match hits.as_slice() {
            [] => Ok(None),
            [n] => Ok(Some(Resolved::new(name, n, how))),
            _ => Err(QueryError::Ambiguous {
                name: name.to_string(),
                candidates: hits.iter().map(|n| Candidate::of(n)).collect(),
            }),
        }
    }
}

/// A node's label and surfaces.
fn strings(n: &Node) -> impl Iterator<Item = &str> {
    std::iter::once(n.label.as_str()).chain(n.surfaces.iter().map(String::as_str))
}

/// Whether the span start..end covers every word of `text` but a leading
/// "the".
fn covers(text: &str, start: usize, end: usize) -> bool {
    let rest = format!("{} {}", &text[..start], &text[end..]);
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| w.eq_ignore_ascii_case("the"))
}

/// Every word capitalised ("khalifa haftar" -> "Khalifa Haftar"), for
/// names typed in lower case, which the linker reads as common words.
fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
