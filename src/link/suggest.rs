//! Actors the gazetteer lacks: name-like spans that link to nothing,
//! gathered over a corpus, spellings grouped, ready to paste into a user
//! gazetteer.
//!
//! Within a document, a short form joins the longest name it is part of
//! ("Hamidati" after "Mohamed Hamdan Daglo Hamidati"); across documents,
//! names whose transliteration keys are variants of one another are one
//! candidate.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::{variant, Linker, Mention};
use crate::text::{Sentence, TokenKind};

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
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
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
    /// The longest spelling, used as label.
    pub label: String,
    /// Every spelling seen, longest first.
    pub spellings: Vec<String>,
    /// How many times it was seen.
    pub count: usize,
    /// In how many documents.
    pub documents: usize,
    /// A guess at the kind.
    pub kind: &'static str,
}

/// Gathers unlinked names document by document.
#[derive(Debug, Default)]
pub struct Suggester {
    /// key of the longest form -> (spellings with counts, documents,
    /// occurrences after a word of place)
    groups: BTreeMap<String, (BTreeMap<String, usize>, usize, usize)>,
}

impl Suggester {
    /// An empty suggester.
    pub fn new() -> Self {
        Suggester::default()
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
                let words: Vec<usize> = run.iter().copied().skip_while(|&i| skip_word(linker, s, i)).collect();
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
                    linker.after_place_word(s, first),
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

    /// The candidates seen at least `min_count` times, most frequent first.
    pub fn suggestions(&self, min_count: usize) -> Vec<Suggestion> {
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
                    label,
                    spellings,
                    count: forms.values().sum(),
                    documents: *docs,
                    kind,
                }
            })
            .filter(|s| s.count >= min_count)
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
        out
    }
}

fn skip_word(linker: &Linker, s: &Sentence, i: usize) -> bool {
    let w = s.tokens[i].norm(s);
    NOT_NAMES.contains(&w) || linker.titles.contains(w) || linker.name_particles.contains(w)
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
            "        // seen {} time(s) in {} document(s); check the kind, add affiliation and roles",
            s.count, s.documents
        );
        let aliases: Vec<String> = s.spellings.iter().map(|a| format!("{a:?}")).collect();
        let _ = writeln!(
            out,
            "        (id: {:?}, label: {:?}, kind: {}, aliases: [{}]),",
            id_for(&s.label),
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

    #[test]
    fn ids() {
        assert_eq!(id_for("Mevlüt Çavuşoğlu"), "mevlut_cavusoglu");
        assert_eq!(id_for("People's Protection Units"), "people_s_protection_units");
    }
}
