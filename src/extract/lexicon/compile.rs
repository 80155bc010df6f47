//! Loading a lexicon: a file's triggers, classes (through their frames),
//! relational nouns, proposals and modality cues checked and compiled
//! into a [`Lexicon`], on its own or extending another.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use super::file::read_file;
use super::frame::{expand_frame, is_lexicon_word, Piece};
use super::inflect::{forms_of, past_forms, Inflector};
use super::{Cue, Forms, Item, Lexicon, LexiconError, LexiconFile, Relation, Trigger, VerbPhrase, DEFAULT_LEXICON};
use crate::text::normalize_word;

impl Lexicon {
    /// The embedded default lexicon.
    pub fn embedded() -> Lexicon {
        Lexicon::parse("lexicon.ron (embedded)", DEFAULT_LEXICON).expect("the embedded lexicon is valid")
    }

    /// Load a lexicon file.
    pub fn from_file(path: &Path) -> Result<Lexicon, LexiconError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| LexiconError::Io {
            path: shown.clone(),
            source,
        })?;
        Lexicon::parse(&shown, &text)
    }

    /// Parse lexicon text; `path` names it in errors.
    pub fn parse(path: &str, text: &str) -> Result<Lexicon, LexiconError> {
        let file = read_file(path, text)?;
        Lexicon::compile(path, file, None)
    }

    /// This lexicon with the triggers, classes and cues of another file
    /// added. The file's classes may use this lexicon's frames and theme
    /// nouns, and its words inflect by this lexicon's tables too.
    pub fn extended_with(&self, path: &str, text: &str) -> Result<Lexicon, LexiconError> {
        let file = read_file(path, text)?;
        let other = Lexicon::compile(path, file, Some(self))?;
        let mut merged = self.clone();
        merged.frames = other.frames;
        merged.themes = other.themes;
        merged.fixed = other.fixed;
        merged.irregular = other.irregular;
        merged.relational = other.relational;
        merged.pair_nouns = other.pair_nouns;
        merged.brokered = other.brokered;
        merged.proposal_verbs = other.proposal_verbs;
        merged.proposal_nouns = other.proposal_nouns;
        merged.proposal_first = other.proposal_first;
        for t in other.triggers {
            merged.push(t);
        }
        merged.cues.extend(other.cues);
        merged.index_cues();
        merged
            .event_words
            .extend(other.event_words.into_iter().map(|(w, ())| w));
        merged.reporting.extend(other.reporting.into_iter().map(|(w, ())| w));
        Ok(merged)
    }

    fn compile(path: &str, file: LexiconFile, base: Option<&Lexicon>) -> Result<Lexicon, LexiconError> {
        let mut fixed: HashSet<String> = base.map(|b| b.fixed.clone()).unwrap_or_default();
        fixed.extend(file.fixed.iter().map(|w| normalize_word(w)));
        let mut irregular: HashMap<String, Vec<String>> = base.map(|b| b.irregular.clone()).unwrap_or_default();
        let base_frames = base.map(|b| b.frames.clone()).unwrap_or_default();
        let base_themes: Vec<String> = base.map(|b| b.themes.clone()).unwrap_or_default();
        for (k, v) in &file.irregular {
            irregular.insert(normalize_word(k), v.iter().map(|w| normalize_word(w)).collect());
        }
        let mut lex = Lexicon {
            triggers: Vec::new(),
            by_first_hash: Default::default(),
            plans: Vec::new(),
            forms_ids: Default::default(),
            sets_of_hash: Default::default(),
            pattern_words: Default::default(),
            cues: Vec::new(),
            cue_first: Default::default(),
            event_words: file
                .event_words
                .iter()
                .flat_map(|w| forms_of(&normalize_word(w), &fixed, &irregular))
                .collect(),
            reporting: file
                .reporting
                .iter()
                .flat_map(|w| forms_of(&normalize_word(w), &fixed, &irregular))
                .collect(),
            frames: BTreeMap::new(),
            themes: Vec::new(),
            fixed: HashSet::new(),
            irregular: HashMap::new(),
            relational: base.map(|b| b.relational.clone()).unwrap_or_default(),
            pair_nouns: base.map(|b| b.pair_nouns.clone()).unwrap_or_default(),
            brokered: base.map(|b| b.brokered.clone()).unwrap_or_default(),
            proposal_verbs: base.map(|b| b.proposal_verbs.clone()).unwrap_or_default(),
            proposal_nouns: base.map(|b| b.proposal_nouns.clone()).unwrap_or_default(),
            proposal_first: base.map(|b| b.proposal_first.clone()).unwrap_or_default(),
            host_verbs: base.map(|b| b.host_verbs.clone()).unwrap_or_default(),
        };
        let words = Inflector {
            fixed: &fixed,
            irregular: &irregular,
        };
        for spec in &file.triggers {
            let bad = |message: &str| LexiconError::BadPattern {
                path: path.to_string(),
                pattern: spec.pattern.clone(),
                message: message.to_string(),
            };
            let mut pieces = Vec::new();
            for w in spec.pattern.split_whitespace() {
                pieces.push(match w {
                    "S" => Piece::Slot(Item::Source),
                    "T" => Piece::Slot(Item::Target),
                    "P" => Piece::Slot(Item::Participants),
                    "*" => Piece::Slot(Item::Gap),
                    w if is_lexicon_word(w) => Piece::Lemmas(vec![normalize_word(w)]),
                    _ => return Err(bad("words must be lower case; slots are S, T, P and *")),
                });
            }
            lex.add_pattern(spec.relation, false, &spec.pattern, &pieces, &words)
                .map_err(bad)?;
        }
        for class in &file.classes {
            for frame_name in &class.frames {
                let shown = format!("{}: {}", class.name, frame_name);
                let bad = |message: String| LexiconError::BadPattern {
                    path: path.to_string(),
                    pattern: shown.clone(),
                    message,
                };
                let frame = file
                    .frames
                    .get(frame_name)
                    .or_else(|| base_frames.get(frame_name))
                    .ok_or_else(|| bad(format!("class {:?} names no frame {frame_name:?}", class.name)))?;
                for template in frame {
                    if template.trim() == "S V P" {
                        for verb in class.verbs.iter().filter(|v| !v.contains([' ', '-'])) {
                            lex.host_verbs
                                .extend(forms_of(&normalize_word(verb), &fixed, &irregular));
                        }
                    }
                    if template.trim() == "S L * N V by T" {
                        let b = &mut lex.brokered;
                        b.takeup
                            .extend(class.light.iter().filter_map(|p| verb_phrase(p, &fixed, &irregular)));
                        // a phrase by the forms of its last word ("prisoner
                        // exchanges")
                        for noun in &class.nouns {
                            let words: Vec<String> = noun.split_whitespace().map(normalize_word).collect();
                            if let Some((last, before)) = words.split_last() {
                                for form in forms_of(last, &fixed, &irregular) {
                                    b.nouns
                                        .insert(before.iter().chain([&form]).cloned().collect::<Vec<_>>().join(" "));
                                }
                            }
                        }
                        for verb in class.verbs.iter().filter(|v| !v.contains(' ')) {
                            b.participles
                                .extend(forms_of(&normalize_word(verb), &fixed, &irregular));
                        }
                    }
                    if template.trim() == "N between P" {
                        for noun in class.nouns.iter().filter(|n| !n.contains([' ', '-'])) {
                            for form in forms_of(&normalize_word(noun), &fixed, &irregular) {
                                lex.pair_nouns.insert(form, class.relation);
                            }
                        }
                    }
                    let expansions = expand_frame(template, class, &file.themes, &base_themes).map_err(&bad)?;
                    for pieces in expansions {
                        let name = format!("{} ({template})", class.name);
                        lex.add_pattern(class.relation, class.mutual, &name, &pieces, &words)
                            .map_err(|m| bad(format!("frame {template:?}: {m}")))?;
                    }
                }
            }
        }
        {
            let p = &file.proposals;
            for phrase in p.verbs.iter().filter_map(|p| verb_phrase(p, &fixed, &irregular)) {
                lex.proposal_first.extend(phrase.0.iter().cloned());
                lex.proposal_verbs.push(phrase);
            }
            for noun in &p.nouns {
                lex.proposal_nouns
                    .extend(forms_of(&normalize_word(noun), &fixed, &irregular));
            }
        }
        for spec in &file.relational {
            for noun in &spec.nouns {
                for form in forms_of(&normalize_word(noun), &fixed, &irregular) {
                    lex.relational.insert(form, spec.relation);
                }
            }
        }
        lex.frames = base_frames.clone();
        lex.frames.extend(file.frames.clone());
        lex.themes = base_themes.to_vec();
        lex.themes.extend(file.themes.iter().map(|w| normalize_word(w)));
        for c in &file.modality {
            for (list, before) in [(&c.before, true), (&c.after, false)] {
                for phrase in list {
                    let words: Vec<String> = crate::text::normalize_phrase(phrase)
                        .0
                        .split_whitespace()
                        .map(str::to_string)
                        .collect();
                    if !words.is_empty() {
                        lex.cues.push(Cue {
                            modality: c.modality,
                            words,
                            before,
                            window: c.window,
                            not_for: c.not_for.clone(),
                        });
                    }
                }
            }
        }
        lex.index_cues();
        lex.fixed = fixed;
        lex.irregular = irregular;
        Ok(lex)
    }

    /// Compile one pattern (its words still lemmas) and, for "S verb T"
    /// and "S verb particle T", its passive.
    fn add_pattern(
        &mut self,
        relation: Relation,
        mutual: bool,
        shown: &str,
        pieces: &[Piece],
        words: &Inflector,
    ) -> Result<(), &'static str> {
        let items: Vec<Item> = pieces
            .iter()
            .map(|p| match p {
                Piece::Slot(i) => i.clone(),
                Piece::Lemmas(ls) => Item::Word(Forms::new(words.forms(ls))),
            })
            .collect();
        let slots = |f: fn(&Item) -> bool| items.iter().filter(|i| f(i)).count();
        let (s, t, p) = (
            slots(|i| matches!(i, Item::Source)),
            slots(|i| matches!(i, Item::Target)),
            slots(|i| matches!(i, Item::Participants)),
        );
        // "T plant mines": the source is whoever reports it
        // "S welcomed the talks between P": S to each of them
        let ok = (s == 1 && t == 1 && p == 0)
            || (s == 0 && t == 0 && p == 1)
            || (s == 0 && t == 1 && p == 0)
            || (s == 1 && t == 0 && p == 1);
        if !ok {
            return Err("a pattern needs one S and one T, one P (and maybe an S), or one T reported by someone");
        }
        if !items.iter().any(|i| matches!(i, Item::Word(_))) {
            return Err("a pattern needs at least one word");
        }
        let lead = usize::from(!matches!(items[0], Item::Word(_)));
        if !matches!(items.get(lead), Some(Item::Word(_))) {
            return Err("a pattern must start with a word, or one slot and a word");
        }
        if p == 1 && s == 0 && relation == Relation::Support {
            return Err("P (participants) is for meet and oppose (fighting between P), not support");
        }
        if items
            .windows(2)
            .any(|w| !matches!(w[0], Item::Word(_)) && !matches!(w[1], Item::Word(_)))
        {
            return Err("two slots must have a word between them");
        }
        let passive = passive_of(pieces, words);
        self.push(Trigger {
            relation,
            items,
            pattern: shown.to_string(),
            passive: false,
            mutual,
        });
        if let Some(items) = passive {
            self.push(Trigger {
                relation,
                items,
                pattern: format!("{shown} (passive)"),
                passive: true,
                mutual,
            });
        }
        Ok(())
    }
}

/// A phrase of the lexicon file as a [`VerbPhrase`]: every form of its
/// first word, its other words as they are (none for an empty phrase).
fn verb_phrase(phrase: &str, fixed: &HashSet<String>, irregular: &HashMap<String, Vec<String>>) -> Option<VerbPhrase> {
    let words: Vec<String> = phrase.split_whitespace().map(normalize_word).collect();
    let (first, rest) = words.split_first()?;
    Some((forms_of(first, fixed, irregular), rest.to_vec()))
}

fn passive_of(pieces: &[Piece], words: &Inflector) -> Option<Vec<Item>> {
    let participles = |verbs: &[String]| -> Vec<String> {
        let mut out: Vec<String> = verbs.iter().flat_map(|v| past_forms(v, words.irregular)).collect();
        out.sort();
        out.dedup();
        out
    };
    match pieces {
        [Piece::Slot(Item::Source), Piece::Lemmas(verbs), Piece::Slot(Item::Target)] => Some(vec![
            Item::Target,
            Item::Word(Forms::new(participles(verbs))),
            Item::Word(Forms::new(vec!["by".into()])),
            Item::Source,
        ]),
        [Piece::Slot(Item::Source), Piece::Lemmas(verbs), Piece::Lemmas(particle), Piece::Slot(Item::Target)]
            if particle.len() == 1 && ["down", "out", "off", "up"].contains(&particle[0].as_str()) =>
        {
            Some(vec![
                Item::Target,
                Item::Word(Forms::new(participles(verbs))),
                Item::Word(Forms::new(particle.clone())),
                Item::Word(Forms::new(vec!["by".into()])),
                Item::Source,
            ])
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_compiles_with_passives() {
        let lex = Lexicon::embedded();
        assert!(lex.triggers().len() > 100);
        assert!(lex.starting_with("backed").any(|i| lex.triggers()[i].passive));
        assert!(lex.starting_with("met").next().is_some());
        assert!(lex.starting_with("the").next().is_none());
    }

    #[test]
    fn bad_patterns_are_refused() {
        let e = Lexicon::parse("x.ron", "(triggers: [(relation: support, pattern: \"S back\")])").unwrap_err();
        assert!(e.to_string().contains("one S and one T"), "{e}");
        let e = Lexicon::parse("x.ron", "(triggers: [(relation: meet, pattern: \"P meet T\")])").unwrap_err();
        assert!(e.to_string().contains("one S and one T"), "{e}");
        let e = Lexicon::parse("x.ron", "(triggers: [(relation: support, pattern: \"S Back T\")])").unwrap_err();
        assert!(e.to_string().contains("lower case"), "{e}");
        let e = Lexicon::parse("x.ron", "(triggers: [(relation: suport, pattern: \"S back T\")])").unwrap_err();
        assert!(e.to_string().starts_with("x.ron:1:"), "{e}");
    }
}
