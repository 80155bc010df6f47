//! Scoring against gold graphs, as GUIDELINES.md's "Scoring" says.
//!
//! For each document with a gold file: the set of (source, relation,
//! target) triples, `meet` pairs unordered; precision, recall and F1 over
//! all documents together, once with persons as they are and once with
//! each person replaced by its affiliation (faction level). Also: how many
//! `must_not` triples were extracted, and the recall of gold surface forms
//! of at most five words.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::extract::{Modality, Relation};
use crate::graph::DocumentAnalysis;
use crate::link::{ActorId, DocActors, Gazetteer};

/// A gold actor.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldActor {
    /// Canonical id.
    pub id: String,
    /// Kind.
    #[serde(default)]
    pub kind: String,
    /// Label.
    #[serde(default)]
    pub label: String,
    /// A person's faction.
    #[serde(default)]
    pub affiliation: Option<String>,
    /// Surface forms in the article.
    #[serde(default)]
    pub surfaces: Vec<String>,
}

/// A gold edge or must-not triple.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEdge {
    /// Source id.
    pub source: String,
    /// support, oppose or meet.
    pub relation: String,
    /// Target id.
    pub target: String,
    /// The sentence (part) that says it.
    #[serde(default)]
    pub evidence: String,
    /// For must_not: why not.
    #[serde(default)]
    pub why: Option<String>,
}

/// One gold file.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    /// Document id.
    pub doc: String,
    /// Actors.
    #[serde(default)]
    pub actors: Vec<GoldActor>,
    /// Edges.
    #[serde(default)]
    pub edges: Vec<GoldEdge>,
    /// Triples that must not be extracted.
    #[serde(default)]
    pub must_not: Vec<GoldEdge>,
    /// The mechanism a test case isolates (the challenge set's `L1` ...
    /// `S-mod`), when the gold names one: figures are also given by cause.
    #[serde(default)]
    pub cause: Option<String>,
    /// The folder of the gold file, relative to the folder given to
    /// [`load_gold`] ("" for that folder itself): figures are also given
    /// by folder.
    #[serde(skip)]
    pub folder: String,
}

/// Why gold could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    /// A file or folder could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// A gold file is not valid JSON of the gold format.
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// Line.
        line: usize,
        /// Column.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

/// Read every gold file (a `.json` with a `doc` key) under `dir`,
/// recursively, keyed by document id.
pub fn load_gold(dir: &Path) -> Result<BTreeMap<String, GoldDoc>, GoldError> {
    let mut files = Vec::new();
    collect_json(dir, &mut files)?;
    files.sort();
    let mut out = BTreeMap::new();
    for f in files {
        let shown = f.display().to_string();
        let text = std::fs::read_to_string(&f).map_err(|source| GoldError::Io {
            path: shown.clone(),
            source,
        })?;
        let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| GoldError::Parse {
            path: shown.clone(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        if value.get("doc").is_none() {
            continue; // a gazetteer or other data beside the gold
        }
        let mut gold: GoldDoc = serde_json::from_value(value).map_err(|e| GoldError::Parse {
            path: shown.clone(),
            line: 0,
            column: 0,
            message: e.to_string(),
        })?;
        gold.folder = f
            .parent()
            .and_then(|p| p.strip_prefix(dir).ok())
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        out.insert(gold.doc.clone(), gold);
    }
    Ok(out)
}

fn collect_json(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), GoldError> {
    let rd = std::fs::read_dir(dir).map_err(|source| GoldError::Io {
        path: dir.display().to_string(),
        source,
    })?;
    for entry in rd {
        let p = entry
            .map_err(|source| GoldError::Io {
                path: dir.display().to_string(),
                source,
            })?
            .path();
        if p.is_dir() {
            collect_json(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
    Ok(())
}

/// A triple of ids; meet pairs are ordered so that source <= target.
pub type Triple = (String, Relation, String);

fn triple(s: &str, r: Relation, t: &str) -> Triple {
    if r == Relation::Meet && t < s {
        (t.to_string(), r, s.to_string())
    } else {
        (s.to_string(), r, t.to_string())
    }
}

/// Precision, recall and F1 of one level.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// Gold triples.
    pub gold: usize,
    /// Predicted triples.
    pub predicted: usize,
    /// Predicted and gold.
    pub correct: usize,
}

impl Prf {
    /// correct / predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    /// correct / gold.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// A triple with the document and evidence it comes from, for `-v`.
#[derive(Debug, Clone)]
pub struct Listed {
    /// Document id.
    pub doc: String,
    /// The triple.
    pub triple: Triple,
    /// Evidence (gold's, or the extracted sentence).
    pub evidence: String,
}

/// The scores of a run.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Documents scored (with a gold file).
    pub documents: usize,
    /// Person level.
    pub person: Prf,
    /// Faction level.
    pub faction: Prf,
    /// must_not triples extracted.
    pub must_not_hits: Vec<Listed>,
    /// must_not triples in the gold.
    pub must_not_total: usize,
    /// Gold surfaces of at most five words.
    pub surfaces_total: usize,
    /// Of those, linked to their gold id.
    pub surfaces_linked: usize,
    /// Gold surfaces not linked: (doc, surface, id).
    pub surfaces_missed: Vec<(String, String, String)>,
    /// Gold triples not extracted (person level).
    pub missed: Vec<Listed>,
    /// Extracted triples not in the gold (person level).
    pub spurious: Vec<Listed>,
    /// Input documents with no gold file.
    pub unscored: Vec<String>,
    /// The same figures for each folder of gold files.
    pub by_folder: BTreeMap<String, GroupScore>,
    /// The same figures for each cause the gold files name.
    pub by_cause: BTreeMap<String, GroupScore>,
}

/// The figures of one group of documents (a folder, a cause).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct GroupScore {
    /// Documents scored.
    pub documents: usize,
    /// Documents whose predicted triples are the gold's, with no must_not
    /// triple among them.
    pub fully_right: usize,
    /// Person level.
    pub person: Prf,
    /// Faction level.
    pub faction: Prf,
    /// must_not triples extracted.
    pub must_not_hits: usize,
    /// must_not triples in the gold.
    pub must_not_total: usize,
    /// Gold surfaces of at most five words.
    pub surfaces_total: usize,
    /// Of those, linked to their gold id.
    pub surfaces_linked: usize,
}

impl GroupScore {
    fn add(&mut self, other: &GroupScore) {
        self.documents += other.documents;
        self.fully_right += other.fully_right;
        for (a, b) in [(&mut self.person, &other.person), (&mut self.faction, &other.faction)] {
            a.gold += b.gold;
            a.predicted += b.predicted;
            a.correct += b.correct;
        }
        self.must_not_hits += other.must_not_hits;
        self.must_not_total += other.must_not_total;
        self.surfaces_total += other.surfaces_total;
        self.surfaces_linked += other.surfaces_linked;
    }
}

/// Accumulates a [`Report`] document by document.
pub struct Scorer<'g> {
    gold: &'g BTreeMap<String, GoldDoc>,
    gazetteer: &'g Gazetteer,
    report: Report,
}

impl<'g> Scorer<'g> {
    /// A scorer over gold files, mapping predicted persons to factions with
    /// the gazetteer.
    pub fn new(gold: &'g BTreeMap<String, GoldDoc>, gazetteer: &'g Gazetteer) -> Self {
        Scorer {
            gold,
            gazetteer,
            report: Report::default(),
        }
    }

    /// Score one document's analysis.
    pub fn add(&mut self, doc_text: &str, a: &DocumentAnalysis) {
        let Some(gold) = self.gold.get(&a.doc) else {
            self.report.unscored.push(a.doc.clone());
            return;
        };
        let before = self.report.totals();
        let hits_before = self.report.must_not_hits.len();
        let r = &mut self.report;
        r.documents += 1;
        let g = self.gazetteer;
        let actors = a.actors(g);
        let found_as = predicted_to_gold(gold, a, actors);
        let name = |x: ActorId| found_as.get(&x).cloned().unwrap_or_else(|| actors.actor(x).id.clone());
        // a found person's faction, by the name it is scored under
        let found_faction: HashMap<String, String> = found_as
            .keys()
            .copied()
            .chain((g.len()..g.len() + a.found.len()).map(|i| ActorId(i as u32)))
            .filter(|&x| actors.actor(x).kind == crate::link::ActorKind::Person)
            .filter_map(|x| actors.actor(x).affiliation.map(|f| (name(x), name(f))))
            .collect();
        // predicted, person level, with evidence
        let mut predicted: BTreeMap<Triple, String> = BTreeMap::new();
        for e in a.events.iter().filter(|e| e.modality == Modality::Asserted) {
            let (source, target) = (name(e.source), name(e.target));
            if source == target {
                continue;
            }
            let t = triple(&source, e.relation, &target);
            predicted.entry(t).or_insert_with(|| e.evidence.text.clone());
        }
        let mut gold_set: BTreeMap<Triple, String> = BTreeMap::new();
        for e in &gold.edges {
            if let Some(rel) = Relation::parse(&e.relation) {
                gold_set
                    .entry(triple(&e.source, rel, &e.target))
                    .or_insert_with(|| e.evidence.clone());
            }
        }
        let count = |prf: &mut Prf, p: &BTreeSet<Triple>, gs: &BTreeSet<Triple>| {
            prf.gold += gs.len();
            prf.predicted += p.len();
            prf.correct += p.intersection(gs).count();
        };
        let pset: BTreeSet<Triple> = predicted.keys().cloned().collect();
        let gset: BTreeSet<Triple> = gold_set.keys().cloned().collect();
        count(&mut r.person, &pset, &gset);
        for (t, ev) in &gold_set {
            if !pset.contains(t) {
                r.missed.push(Listed {
                    doc: a.doc.clone(),
                    triple: t.clone(),
                    evidence: ev.clone(),
                });
            }
        }
        for (t, ev) in &predicted {
            if !gset.contains(t) {
                r.spurious.push(Listed {
                    doc: a.doc.clone(),
                    triple: t.clone(),
                    evidence: ev.clone(),
                });
            }
        }
        // faction level
        let gold_aff: HashMap<&str, &str> = gold
            .actors
            .iter()
            .filter_map(|x| x.affiliation.as_deref().map(|f| (x.id.as_str(), f)))
            .collect();
        let pred_faction = |id: &str| -> String {
            if let Some(f) = found_faction.get(id) {
                return f.clone();
            }
            match g.by_id(id).and_then(|i| g.actor(i).affiliation) {
                Some(f)
                    if g.by_id(id)
                        .is_some_and(|i| g.actor(i).kind == crate::link::ActorKind::Person) =>
                {
                    g.actor(f).id.clone()
                }
                _ => id.to_string(),
            }
        };
        let fold = |set: &BTreeSet<Triple>, f: &dyn Fn(&str) -> String| -> BTreeSet<Triple> {
            set.iter()
                .map(|(s, rel, t)| triple(&f(s), *rel, &f(t)))
                .filter(|(s, _, t)| s != t)
                .collect()
        };
        let gold_faction = |id: &str| gold_aff.get(id).map_or(id.to_string(), |f| f.to_string());
        let pf = fold(&pset, &pred_faction);
        let gf = fold(&gset, &gold_faction);
        count(&mut r.faction, &pf, &gf);
        // must_not
        for m in &gold.must_not {
            r.must_not_total += 1;
            if let Some(rel) = Relation::parse(&m.relation) {
                let t = triple(&m.source, rel, &m.target);
                if pset.contains(&t) && !gset.contains(&t) {
                    r.must_not_hits.push(Listed {
                        doc: a.doc.clone(),
                        evidence: predicted.get(&t).cloned().unwrap_or_default(),
                        triple: t,
                    });
                }
            }
        }
        // surfaces
        let linked: BTreeSet<(String, String)> = a
            .mentions
            .iter()
            .map(|m| m.actor)
            .zip(&a.surfaces)
            .chain(a.inner.iter().map(|(x, s)| (*x, s)))
            .map(|(actor, s)| (s.clone(), name(actor)))
            .collect();
        let _ = doc_text;
        for actor in &gold.actors {
            for s in &actor.surfaces {
                if s.split_whitespace().count() > 5 {
                    continue;
                }
                r.surfaces_total += 1;
                if linked.contains(&(s.clone(), actor.id.clone())) {
                    r.surfaces_linked += 1;
                } else {
                    r.surfaces_missed.push((a.doc.clone(), s.clone(), actor.id.clone()));
                }
            }
        }
        let mut delta = r.totals();
        for (x, y) in [(&mut delta.person, before.person), (&mut delta.faction, before.faction)] {
            x.gold -= y.gold;
            x.predicted -= y.predicted;
            x.correct -= y.correct;
        }
        delta.documents -= before.documents;
        delta.must_not_hits -= before.must_not_hits;
        delta.must_not_total -= before.must_not_total;
        delta.surfaces_total -= before.surfaces_total;
        delta.surfaces_linked -= before.surfaces_linked;
        delta.fully_right = usize::from(pset == gset && r.must_not_hits.len() == hits_before);
        r.by_folder.entry(gold.folder.clone()).or_default().add(&delta);
        if let Some(cause) = &gold.cause {
            r.by_cause.entry(cause.clone()).or_default().add(&delta);
        }
    }

    /// The report.
    pub fn finish(self) -> Report {
        self.report
    }
}

/// The gold actor each predicted actor stands for when its id is not a
/// gold id of the document: the gold actor that shares the most surfaces
/// with it (the first in the gold's order on a tie), one predicted actor
/// per gold actor, and never a gold actor predicted under its own id.
/// The gold's ids are a convention ("aes" for the Alliance of Sahel
/// States, "al_shabab" for the shipped "al_shabaab") that a name found in
/// the text, or another gazetteer, cannot know; what it links is what
/// counts.
fn predicted_to_gold(gold: &GoldDoc, a: &DocumentAnalysis, actors: DocActors) -> BTreeMap<ActorId, String> {
    let gold_ids: BTreeSet<&str> = gold.actors.iter().map(|x| x.id.as_str()).collect();
    let linked = a
        .mentions
        .iter()
        .map(|m| m.actor)
        .zip(&a.surfaces)
        .chain(a.inner.iter().map(|(x, s)| (*x, s)));
    let mut surfaces: BTreeMap<ActorId, BTreeSet<&str>> = BTreeMap::new();
    let mut taken: BTreeSet<&str> = BTreeSet::new();
    for (actor, s) in linked {
        let id = actors.actor(actor).id.as_str();
        if gold_ids.contains(id) {
            taken.insert(id);
        } else {
            surfaces.entry(actor).or_default().insert(s.as_str());
        }
    }
    let mut out = BTreeMap::new();
    for (actor, surfs) in surfaces {
        let mut best: Option<(usize, &str)> = None;
        for g in gold.actors.iter().filter(|g| !taken.contains(g.id.as_str())) {
            let shared = g.surfaces.iter().filter(|x| surfs.contains(x.as_str())).count();
            if shared > 0 && best.is_none_or(|(b, _)| shared > b) {
                best = Some((shared, g.id.as_str()));
            }
        }
        if let Some((_, id)) = best {
            taken.insert(id);
            out.insert(actor, id.to_string());
        }
    }
    out
}

fn show(t: &Triple) -> String {
    format!("{} {} {}", t.0, t.1.as_str(), t.2)
}

impl Report {
    /// The report's figures as one group.
    fn totals(&self) -> GroupScore {
        GroupScore {
            documents: self.documents,
            fully_right: 0,
            person: self.person,
            faction: self.faction,
            must_not_hits: self.must_not_hits.len(),
            must_not_total: self.must_not_total,
            surfaces_total: self.surfaces_total,
            surfaces_linked: self.surfaces_linked,
        }
    }

    /// The figures as a table; with `verbose`, what was missed and spurious.
    pub fn render(&self, verbose: bool) -> String {
        let mut s = String::new();
        if verbose {
            let _ = writeln!(s, "missed edges ({}):", self.missed.len());
            for l in &self.missed {
                let _ = writeln!(s, "  {}: {}    | {}", l.doc, show(&l.triple), l.evidence);
            }
            let _ = writeln!(s, "spurious edges ({}):", self.spurious.len());
            for l in &self.spurious {
                let _ = writeln!(s, "  {}: {}    | {}", l.doc, show(&l.triple), l.evidence);
            }
            let _ = writeln!(s, "surfaces not linked ({}):", self.surfaces_missed.len());
            for (d, surf, id) in &self.surfaces_missed {
                let _ = writeln!(s, "  {d}: {surf:?} -> {id}");
            }
            let _ = writeln!(s);
        }
        if !self.unscored.is_empty() {
            let _ = writeln!(
                s,
                "no gold for {} document(s): {}",
                self.unscored.len(),
                self.unscored.join(", ")
            );
        }
        let _ = writeln!(s, "documents scored: {}", self.documents);
        let _ = writeln!(s, "level      gold  predicted  correct  precision  recall     F1");
        for (name, p) in [("person", &self.person), ("faction", &self.faction)] {
            let _ = writeln!(
                s,
                "{name:<8} {:>6} {:>10} {:>8} {:>10.3} {:>7.3} {:>6.3}",
                p.gold,
                p.predicted,
                p.correct,
                p.precision(),
                p.recall(),
                p.f1()
            );
        }
        let _ = writeln!(
            s,
            "must_not hits: {} of {}",
            self.must_not_hits.len(),
            self.must_not_total
        );
        for l in &self.must_not_hits {
            let _ = writeln!(s, "  {}: {}    | {}", l.doc, show(&l.triple), l.evidence);
        }
        let _ = writeln!(
            s,
            "surfaces linked: {} of {} (recall {:.3})",
            self.surfaces_linked,
            self.surfaces_total,
            ratio(self.surfaces_linked, self.surfaces_total)
        );
        if self.by_folder.len() > 1 {
            render_groups(&mut s, "folder", &self.by_folder);
        }
        if !self.by_cause.is_empty() {
            render_groups(&mut s, "cause", &self.by_cause);
        }
        s
    }
}

/// A table of groups: documents, how many fully right, person level P/R/F1,
/// faction F1, must_not hits and surface recall.
fn render_groups(s: &mut String, what: &str, groups: &BTreeMap<String, GroupScore>) {
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "by {what:<10} docs  right   gold  pred  corr  precision  recall     F1  faction F1  must_not  surfaces"
    );
    for (name, g) in groups {
        let name = if name.is_empty() { "." } else { name.as_str() };
        let _ = writeln!(
            s,
            "{name:<13} {:>4} {:>6} {:>6} {:>5} {:>5} {:>10.3} {:>7.3} {:>6.3} {:>11.3} {:>5} of {:<3} {:>5.3}",
            g.documents,
            g.fully_right,
            g.person.gold,
            g.person.predicted,
            g.person.correct,
            g.person.precision(),
            g.person.recall(),
            g.person.f1(),
            g.faction.f1(),
            g.must_not_hits,
            g.must_not_total,
            ratio(g.surfaces_linked, g.surfaces_total)
        );
    }
}
