//! Actors the gazetteer lacks: name-like spans that link to nothing,
//! gathered over a corpus, spellings grouped, ready to paste into a user
//! gazetteer.
//!
//! Within a document, a short form joins the longest name it is part of
//! ("Hamidati" after "Mohamed Hamdan Daglo Hamidati"); across documents,
//! names whose transliteration keys are variants of one another are one
//! candidate.
//!
//! Actors the linker found in the text ([`super::found`]: "Foreign
//! Minister X Y", "the X Front") come first, with the kind and affiliation
//! the text gave them and every spelling their mentions had; the other
//! names are guesses (a person unless a body word says otherwise). A name
//! that stands for a place ("in X", "the X talks", "X, a coastal town") is
//! no candidate.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::{variant, Actor, DocActors, LinkHow, Linker, Mention};
use crate::corpus::Document;
use crate::text::{Sentence, TokenKind, CALENDAR_WORDS};

/// Nouns in apposition after a name that make it a place: "X, a coastal
/// town".
const PLACE_APPOSITIONS: &[&str] = &[
    "city",
    "town",
    "village",
    "port",
    "region",
    "province",
    "capital",
    "resort",
    "district",
    "island",
    "oasis",
    "area",
    "state",
    "county",
    "municipality",
    "border",
];

/// Capitalised words that open sentences or date them, not names.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "for",
    "with",
    "but",
    "and",
    "or",
    "if",
    "as",
    "by",
    "to",
    "of",
    "from",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "after",
    "before",
    "while",
    "since",
    "however",
    "meanwhile",
    "according",
    "also",
    "some",
    "many",
    "last",
    "next",
    "there",
    "here",
    "when",
    "where",
    "what",
    "who",
    "which",
    "why",
    "how",
    "all",
    "both",
    "each",
    "no",
    "not",
    "so",
    "then",
    "thus",
    "yet",
    "still",
    "now",
    "today",
    "yesterday",
    "mr",
    "mrs",
    "ms",
    "dr",
    "politically",
    "diplomatic",
    "join",
    "now",
    "late",
    "early",
    "one",
    "two",
    "three",
    "us",
    "un",
    "later",
    "earlier",
    "again",
    "instead",
    "moreover",
    "furthermore",
    "besides",
    "elsewhere",
    "separately",
    "militarily",
    "previously",
    "recently",
    "finally",
    "currently",
    "initially",
    "eventually",
    "first",
    "second",
];

/// Words that make a name an organisation's rather than a person's.
const BODY_WORDS: &[&str] = &[
    "council",
    "army",
    "forces",
    "front",
    "brigade",
    "brigades",
    "party",
    "movement",
    "organization",
    "organisation",
    "group",
    "committee",
    "ministry",
    "institute",
    "foundation",
    "union",
    "league",
    "bank",
    "corporation",
    "company",
    "agency",
    "court",
    "commission",
    "assembly",
    "parliament",
    "government",
    "authority",
    "network",
    "state",
    "republic",
    "operation",
];

/// One candidate actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The id for the stub: the found actor's, or one derived from the label.
    pub id: String,
    /// The longest spelling, used as label.
    pub label: String,
    /// Every spelling seen, longest first.
    pub spellings: Vec<String>,
    /// How many times it was seen.
    pub count: usize,
    /// In how many documents.
    pub documents: usize,
    /// A guess at the kind (or the kind the text gave a found actor).
    pub kind: &'static str,
    /// The affiliation the text gave a found actor, a gazetteer id.
    pub affiliation: Option<String>,
    /// Whether the linker found it in the text as an actor.
    pub found: bool,
}

/// An actor found in the text, over the documents.
#[derive(Debug, Default)]
struct FoundGroup {
    kind: &'static str,
    affiliation: Option<String>,
    spellings: BTreeMap<String, usize>,
    documents: usize,
}

/// Gathers unlinked names document by document.
#[derive(Debug, Default)]
pub struct Suggester {
    /// key of the longest form -> (spellings with counts, documents,
    /// occurrences after a word of place)
    groups: BTreeMap<String, (BTreeMap<String, usize>, usize, usize)>,
    /// Actors found in the text, by id.
    found: BTreeMap<String, FoundGroup>,
}

impl Suggester {
    /// An empty suggester.
    pub fn new() -> Self {
        Suggester::default()
    }

    /// Link one document (with actors found in the text when the linker
    /// finds them) and add its found actors and unlinked names.
    pub fn add_document(&mut self, linker: &Linker, doc: &Document) {
        let (sentences, mentions, found) = linker.link_document_all(doc);
        self.add_found(linker, &doc.text, &mentions, &found);
        self.add(linker, &doc.text, &sentences, &mentions);
    }

    /// Add the actors found in a document's text (`found`, the table its
    /// `mentions` name past the gazetteer).
    pub fn add_found(&mut self, linker: &Linker, text: &str, mentions: &[Mention], found: &[Actor]) {
        let g = linker.gazetteer();
        let actors = DocActors::new(g, found);
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for m in mentions
            .iter()
            .filter(|m| m.how == LinkHow::Found && actors.is_found(m.actor))
        {
            let a = actors.actor(m.actor);
            let group = self.found.entry(a.id.clone()).or_default();
            group.kind = a.kind.as_str();
            // (an affiliation the stub can name: a gazetteer's actor)
            let aff = a
                .affiliation
                .filter(|&f| !actors.is_found(f))
                .map(|f| g.actor(f).id.clone());
            if group.affiliation.is_none() {
                group.affiliation = aff;
            }
            *group.spellings.entry(m.text(text).to_string()).or_default() += 1;
            if seen.insert(a.id.as_str()) {
                group.documents += 1;
            }
        }
    }

    /// Add the unlinked names of one document.
    pub fn add(&mut self, linker: &Linker, text: &str, sentences: &[Sentence], mentions: &[Mention]) {
        // spans of every unlinked name-like run in the document
        // (name, whether it stood after a word of place)
        let mut names: Vec<(String, bool)> = Vec::new();
        let mut lo = 0;
        for s in sentences {
            let mut hi = lo;
            while hi < mentions.len() && mentions[hi].sentence == s.index {
                hi += 1;
            }
            let mut covered = linker.known_tokens(s);
            for m in &mentions[lo..hi] {
                covered[m.first_token..m.end_token].iter_mut().for_each(|c| *c = true);
            }
            lo = hi;
            for run in linker.name_runs(s, &covered) {
                // drop capitalised function words at the edges of the run
                // (a name particle opens a name: "Abu Aqla", "El Fasher")
                let words: Vec<usize> = run
                    .iter()
                    .copied()
                    .skip_while(|&i| skip_word(linker, s, i) && !opening_particle(linker, s, i))
                    .collect();
                let mut words = words;
                while words.last().is_some_and(|&i| skip_word(linker, s, i)) {
                    words.pop();
                }
                let Some((&first, &last)) = words.first().zip(words.last()) else {
                    continue;
                };
                let letters = text[s.tokens[first].start..s.tokens[last].end]
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .count();
                if letters < 4 || s.tokens[first..=last].iter().all(|t| t.kind != TokenKind::Word) {
                    continue;
                }
                // one capitalised word opening a sentence ("Mass graves")
                // is no evidence of a name
                let opening = first == 0 || s.tokens[..first].iter().all(|t| t.kind == TokenKind::Punct);
                if first == last && opening {
                    continue;
                }
                names.push((
                    text[s.tokens[first].start..s.tokens[last].end].to_string(),
                    linker.after_place_word(s, first) || place_after(linker, s, last + 1),
                ));
            }
        }
        // a short form joins the longest name of the document it is part of
        let mut by_longest: BTreeMap<String, Vec<(String, bool)>> = BTreeMap::new();
        let mut sorted: Vec<&(String, bool)> = names.iter().collect();
        sorted.sort_by_key(|n| std::cmp::Reverse(n.0.split_whitespace().count()));
        let mut longest: Vec<String> = Vec::new();
        for entry in sorted {
            let n = &entry.0;
            let keys: Vec<String> = n.split_whitespace().map(variant::key).collect();
            let parent = longest.iter().find(|l| {
                let lk: Vec<String> = l.split_whitespace().map(variant::key).collect();
                keys.iter().all(|k| lk.iter().any(|x| variant::keys_are_variants(x, k)))
            });
            match parent {
                Some(p) => by_longest.entry(p.clone()).or_default().push(entry.clone()),
                None => {
                    longest.push(n.clone());
                    by_longest.entry(n.clone()).or_default().push(entry.clone());
                }
            }
        }
        for (long, forms) in by_longest {
            let key = name_key(&long);
            // across documents: a group whose key is a variant joins
            let existing = self
                .groups
                .keys()
                .find(|k| **k == key || variant::keys_are_variants(k, &key))
                .cloned()
                .unwrap_or(key);
            let entry = self.groups.entry(existing).or_default();
            for (f, placey) in forms {
                *entry.0.entry(f).or_default() += 1;
                entry.2 += usize::from(placey);
            }
            entry.1 += 1;
        }
    }

    /// The candidates seen at least `min_count` times: the actors found in
    /// the text first, then the other names; most frequent first.
    pub fn suggestions(&self, min_count: usize) -> Vec<Suggestion> {
        let mut found: Vec<Suggestion> = self
            .found
            .iter()
            .map(|(id, f)| {
                let mut spellings: Vec<String> = f.spellings.keys().cloned().collect();
                spellings.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
                Suggestion {
                    id: id.clone(),
                    label: spellings[0].clone(),
                    spellings,
                    count: f.spellings.values().sum(),
                    documents: f.documents,
                    kind: f.kind,
                    affiliation: f.affiliation.clone(),
                    found: true,
                }
            })
            .filter(|s| s.count >= min_count)
            .collect();
        found.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
        let mut out: Vec<Suggestion> = self
            .groups
            .values()
            // mostly "in X", "of X": a place, not an actor
            .filter(|(forms, _, placey)| placey * 2 <= forms.values().sum::<usize>())
            .map(|(forms, docs, _)| {
                let mut spellings: Vec<String> = forms.keys().cloned().collect();
                spellings.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
                let label = spellings[0].clone();
                let lower: BTreeSet<String> = label.split_whitespace().map(|w| w.to_lowercase()).collect();
                let kind = if lower.iter().any(|w| BODY_WORDS.contains(&w.as_str())) {
                    "organisation"
                } else {
                    "person"
                };
                Suggestion {
                    id: id_for(&label),
                    label,
                    spellings,
                    count: forms.values().sum(),
                    documents: *docs,
                    kind,
                    affiliation: None,
                    found: false,
                }
            })
            .filter(|s| s.count >= min_count)
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
        found.extend(out);
        found
    }
}

/// Whether token `i` is a capitalised name particle opening a name
/// ("Abu" of "Abu Aqla Keikal"), which is part of the name.
fn opening_particle(linker: &Linker, s: &Sentence, i: usize) -> bool {
    let t = &s.tokens[i];
    t.case != crate::text::Case::Lower && linker.name_particles.contains(t.norm(s))
}

/// Whether what follows a name (ending before token `end`) shows a place:
/// an event or a part of the place ("the X talks", "X residents"), or an
/// apposition of a place noun ("X, a coastal town").
fn place_after(linker: &Linker, s: &Sentence, end: usize) -> bool {
    if linker.event_nouns.match_at(s, end).is_some() {
        return true;
    }
    if s.tokens.get(end).is_none_or(|t| t.norm(s) != ",") {
        return false;
    }
    // ", a coastal town", ", the Mediterranean resort"
    s.tokens[end + 1..]
        .iter()
        .take(4)
        .take_while(|t| t.kind == TokenKind::Word)
        .any(|t| PLACE_APPOSITIONS.contains(&t.norm(s)))
}

fn skip_word(linker: &Linker, s: &Sentence, i: usize) -> bool {
    let w = s.tokens[i].norm(s);
    NOT_NAMES.contains(&w)
        || CALENDAR_WORDS.contains(w)
        || linker.titles.contains(w)
        || linker.name_particles.contains(w)
}

/// The variant key of a whole name: the keys of its words, joined.
fn name_key(name: &str) -> String {
    name.split_whitespace().map(variant::key).collect::<Vec<_>>().join("_")
}

/// An id in the gazetteer's style for a label.
pub fn id_for(label: &str) -> String {
    let ascii = deunicode::deunicode(label).to_ascii_lowercase();
    let mut id = String::new();
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('_') && !id.is_empty() {
            id.push('_');
        }
    }
    id.trim_end_matches('_').to_string()
}

/// The suggestions as RON actor stubs, ready to paste into a gazetteer.
pub fn to_ron(suggestions: &[Suggestion]) -> String {
    let mut out = String::from("#![enable(implicit_some)]\n(\n    actors: [\n");
    for s in suggestions {
        let _ = writeln!(
            out,
            "        // seen {} time(s) in {} document(s){}; check the kind, add affiliation and roles",
            s.count,
            s.documents,
            if s.found { ", found in the text as an actor" } else { "" }
        );
        let aliases: Vec<String> = s.spellings.iter().map(|a| format!("{a:?}")).collect();
        let affiliation = match &s.affiliation {
            Some(a) => format!(", affiliation: {a:?}"),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "        (id: {:?}, label: {:?}, kind: {}, aliases: [{}]{affiliation}),",
            s.id,
            s.label,
            s.kind,
            aliases.join(", ")
        );
    }
    out.push_str("    ],\n)\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::link::gazetteer::GazetteerBuilder;

    #[test]
    fn short_forms_and_variants_group() {
        let mut b = GazetteerBuilder::new();
        b.add_text("g.ron", "(actors: [(id: \"egypt\", label: \"Egypt\", kind: state)])")
            .unwrap();
        let l = Linker::new(b.build().unwrap());
        let mut sg = Suggester::new();
        for (id, text) in [
            (
                "a",
                "Egypt met Mohamed Hamdan Daglo Hamidati on Monday. Later Hamidati left.",
            ),
            ("b", "Egypt praised Mohamed Hamdan Dagalo Hamidati."),
        ] {
            let doc = Document::new(id, text);
            let (sentences, mentions) = l.link_document(&doc);
            sg.add(&l, &doc.text, &sentences, &mentions);
        }
        let s = sg.suggestions(1);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].count, 3);
        assert_eq!(s[0].documents, 2);
        assert!(s[0].spellings.contains(&"Hamidati".to_string()));
        let ron = to_ron(&s);
        assert!(
            ron.contains("id: \"mohamed_hamdan_dagalo_hamidati\"")
                || ron.contains("id: \"mohamed_hamdan_daglo_hamidati\""),
            "{ron}"
        );
        // the stub loads as a gazetteer
        GazetteerBuilder::new()
            .add_text("stub.ron", &ron)
            .unwrap()
            .build()
            .unwrap();
    }

    fn shipped_suggestions(texts: &[&str]) -> Vec<Suggestion> {
        let l = Linker::new(crate::link::Gazetteer::shipped().unwrap());
        let mut sg = Suggester::new();
        for (i, text) in texts.iter().enumerate() {
            sg.add_document(&l, &Document::new(format!("d{i}"), *text));
        }
        sg.suggestions(1)
    }

    #[test]
    fn found_actors_become_stubs_with_their_kind_and_affiliation() {
        let s = shipped_suggestions(&[
            "Mozambican Defence Minister Cristovao Chume visited Mueda. Chume later left.",
            "The Mali Salvation Brigade attacked a convoy.",
        ]);
        let chume = s.iter().find(|x| x.id == "cristovao_chume").unwrap();
        assert_eq!(
            (chume.kind, chume.affiliation.as_deref(), chume.found),
            ("person", Some("mozambique"), true)
        );
        assert_eq!(chume.spellings, vec!["Cristovao Chume", "Chume"]);
        // a state's name opening a body's name stays in it
        let brigade = s.iter().find(|x| x.id == "mali_salvation_brigade").unwrap();
        assert_eq!(
            (brigade.label.as_str(), brigade.kind),
            ("Mali Salvation Brigade", "armed_group")
        );
        // the stubs load on top of the shipped gazetteer
        let ron = to_ron(&s);
        let mut b = GazetteerBuilder::new();
        b.add_default().unwrap();
        b.add_text("stub.ron", &ron).unwrap();
        b.build().unwrap();
    }

    #[test]
    fn a_name_particle_opens_a_name() {
        let s = shipped_suggestions(&[
            "Villagers blamed Abu Dhar Ansari for the looting.",
            "Witnesses blamed Bin Tariq Hassoun for the raid.",
            "Elders praised El Hadj Moussa Toure at the burial.",
        ]);
        let labels: Vec<&str> = s.iter().map(|x| x.label.as_str()).collect();
        for want in ["Abu Dhar Ansari", "Bin Tariq Hassoun", "El Hadj Moussa Toure"] {
            assert!(labels.contains(&want), "{want}: {labels:?}");
        }
    }

    #[test]
    fn places_are_no_candidates() {
        let s = shipped_suggestions(&[
            "The envoys met at Oum Dreyga on Monday.",
            "The Oum Dreyga talks ended without a deal.",
            "Oum Dreyga, a coastal town, hosted the envoys again.",
            "Delegates praised the Bir Moghrein agreement.",
            "Bir Moghrein, a desert town, was calm.",
            "Nobody expected Bir Moghrein residents to return.",
        ]);
        let labels: Vec<&str> = s.iter().map(|x| x.label.as_str()).collect();
        assert!(
            !labels
                .iter()
                .any(|l| l.contains("Oum Dreyga") || l.contains("Bir Moghrein")),
            "{labels:?}"
        );
    }

    #[test]
    fn ids() {
        assert_eq!(id_for("Mevlüt Çavuşoğlu"), "mevlut_cavusoglu");
        assert_eq!(id_for("People's Protection Units"), "people_s_protection_units");
    }
}
