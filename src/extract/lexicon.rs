//! The trigger lexicon: patterns with actor slots, read from RON.
//!
//! See `lexicon.ron` beside this file for the format. Loading compiles
//! every pattern into [`Trigger`]s whose words carry all their inflected
//! forms, and indexes them by the forms of their first word so that the
//! extractor looks up each token once.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::text::normalize_word;

/// The kind of relation an event asserts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The source backs the target (directed).
    Support,
    /// The source acts or speaks against the target (directed).
    Oppose,
    /// The two met, talked or negotiated (undirected).
    Meet,
}

impl Relation {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Support => "support",
            Relation::Oppose => "oppose",
            Relation::Meet => "meet",
        }
    }

    /// Parse the name used in output.
    pub fn parse(s: &str) -> Option<Relation> {
        match s.trim() {
            "support" => Some(Relation::Support),
            "oppose" => Some(Relation::Oppose),
            "meet" => Some(Relation::Meet),
            _ => None,
        }
    }

    /// All relations, in output order.
    pub const ALL: [Relation; 3] = [Relation::Support, Relation::Oppose, Relation::Meet];
}

/// Whether an event happened, as the sentence tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// It happened, or holds.
    #[default]
    Asserted,
    /// The sentence says it did not ("denied", "not").
    Negated,
    /// Only planned or expected ("will meet", "due to meet").
    Planned,
    /// Postponed or cancelled.
    Cancelled,
    /// Conditional or hypothetical ("if", "could").
    Hypothetical,
    /// Only alleged by someone ("accused Moscow of arming the YPG").
    Alleged,
}

impl Modality {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Planned => "planned",
            Modality::Cancelled => "cancelled",
            Modality::Hypothetical => "hypothetical",
            Modality::Alleged => "alleged",
        }
    }
}

/// One slot or word of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// The source.
    Source,
    /// The target.
    Target,
    /// The participants: for meet every pair, for oppose every pair both ways.
    Participants,
    /// Up to three words of any kind.
    Gap,
    /// A word, with all the forms that match it.
    Word(Vec<String>),
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// What it asserts.
    pub relation: Relation,
    /// Slots and words in order.
    pub items: Vec<Item>,
    /// The pattern as written, for evidence and debugging.
    pub pattern: String,
    /// True for the passive generated from an "S verb T" pattern.
    pub passive: bool,
}

/// A modality cue list.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueSpec {
    modality: Modality,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
    window: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerSpec {
    relation: Relation,
    pattern: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    triggers: Vec<TriggerSpec>,
    #[serde(default)]
    irregular: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    fixed: Vec<String>,
    #[serde(default)]
    modality: Vec<CueSpec>,
    #[serde(default)]
    event_words: Vec<String>,
    #[serde(default)]
    reporting: Vec<String>,
}

/// A compiled modality cue: a phrase (normalised words) and where it counts.
#[derive(Debug, Clone)]
pub struct Cue {
    /// The modality it gives.
    pub modality: Modality,
    /// Its words.
    pub words: Vec<String>,
    /// True when it counts before the trigger, false after.
    pub before: bool,
    /// How many tokens away it may stand.
    pub window: usize,
}

/// Why a lexicon could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not valid RON of the schema.
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A pattern breaks a rule.
    #[error("{path}: pattern {pattern:?}: {message}")]
    BadPattern {
        /// The file.
        path: String,
        /// The pattern.
        pattern: String,
        /// What is wrong.
        message: String,
    },
}

/// The default lexicon, embedded.
pub const DEFAULT_LEXICON: &str = include_str!("lexicon.ron");

/// A compiled trigger lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    triggers: Vec<Trigger>,
    /// First-word form -> triggers starting (after a leading slot) with it.
    by_first_word: rustc_hash::FxHashMap<String, Vec<usize>>,
    cues: Vec<Cue>,
    /// First word of a cue -> the cues starting with it.
    cue_first: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// Forms of words that name an event ("talks", "visit"): they take
    /// modality cues even where no pattern fills their slots, so that
    /// "postponed the talks during a phone call" postpones the talks and
    /// not the call.
    event_words: rustc_hash::FxHashSet<String>,
    /// Forms of verbs of saying ("said", "accused"?, no: "said", "told"),
    /// whose subject reports what the clause after them says.
    reporting: rustc_hash::FxHashSet<String>,
}

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
        let file: LexiconFile = ron::from_str(text).map_err(|e| LexiconError::Parse {
            path: path.to_string(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })?;
        Lexicon::compile(path, file)
    }

    /// This lexicon with the triggers and cues of another file added.
    pub fn extended_with(&self, path: &str, text: &str) -> Result<Lexicon, LexiconError> {
        let other = Lexicon::parse(path, text)?;
        let mut merged = self.clone();
        for t in other.triggers {
            merged.push(t);
        }
        merged.cues.extend(other.cues);
        merged.index_cues();
        merged.event_words.extend(other.event_words);
        merged.reporting.extend(other.reporting);
        Ok(merged)
    }

    fn push(&mut self, t: Trigger) {
        let idx = self.triggers.len();
        if let Some(Item::Word(forms)) = t.items.iter().find(|i| matches!(i, Item::Word(_))) {
            for f in forms {
                self.by_first_word.entry(f.clone()).or_default().push(idx);
            }
        }
        self.triggers.push(t);
    }

    fn compile(path: &str, file: LexiconFile) -> Result<Lexicon, LexiconError> {
        let fixed: HashSet<String> = file.fixed.iter().map(|w| normalize_word(w)).collect();
        let mut irregular: HashMap<String, Vec<String>> = HashMap::new();
        for (k, v) in &file.irregular {
            irregular.insert(normalize_word(k), v.iter().map(|w| normalize_word(w)).collect());
        }
        let mut lex = Lexicon {
            triggers: Vec::new(),
            by_first_word: Default::default(),
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
        };
        for spec in &file.triggers {
            let bad = |message: &str| LexiconError::BadPattern {
                path: path.to_string(),
                pattern: spec.pattern.clone(),
                message: message.to_string(),
            };
            let mut items = Vec::new();
            for w in spec.pattern.split_whitespace() {
                items.push(match w {
                    "S" => Item::Source,
                    "T" => Item::Target,
                    "P" => Item::Participants,
                    "*" => Item::Gap,
                    w if w.chars().all(|c| c.is_lowercase() || c == '\'' || c == '-') => {
                        let base = normalize_word(w);
                        Item::Word(forms_of(&base, &fixed, &irregular))
                    }
                    _ => return Err(bad("words must be lower case; slots are S, T, P and *")),
                });
            }
            let slots = |f: fn(&Item) -> bool| items.iter().filter(|i| f(i)).count();
            let (s, t, p) = (
                slots(|i| matches!(i, Item::Source)),
                slots(|i| matches!(i, Item::Target)),
                slots(|i| matches!(i, Item::Participants)),
            );
            // "T plant mines": the source is whoever reports it
            let ok = (s == 1 && t == 1 && p == 0) || (s == 0 && t == 0 && p == 1) || (s == 0 && t == 1 && p == 0);
            if !ok {
                return Err(bad(
                    "a pattern needs one S and one T, one P, or one T reported by someone",
                ));
            }
            if !items.iter().any(|i| matches!(i, Item::Word(_))) {
                return Err(bad("a pattern needs at least one word"));
            }
            let lead = usize::from(!matches!(items[0], Item::Word(_)));
            if !matches!(items.get(lead), Some(Item::Word(_))) {
                return Err(bad("a pattern must start with a word, or one slot and a word"));
            }
            if p == 1 && spec.relation == Relation::Support {
                return Err(bad(
                    "P (participants) is for meet and oppose (fighting between P), not support",
                ));
            }
            if items
                .windows(2)
                .any(|w| !matches!(w[0], Item::Word(_)) && !matches!(w[1], Item::Word(_)))
            {
                return Err(bad("two slots must have a word between them"));
            }
            // "S verb T" and "S verb particle T" also match their passive.
            let passive = passive_of(&items, &fixed, &irregular, spec.pattern.split_whitespace().nth(1));
            lex.push(Trigger {
                relation: spec.relation,
                items,
                pattern: spec.pattern.clone(),
                passive: false,
            });
            if let Some(items) = passive {
                lex.push(Trigger {
                    relation: spec.relation,
                    items,
                    pattern: format!("{} (passive)", spec.pattern),
                    passive: true,
                });
            }
        }
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
                        });
                    }
                }
            }
        }
        lex.index_cues();
        Ok(lex)
    }

    /// All triggers.
    pub fn triggers(&self) -> &[Trigger] {
        &self.triggers
    }

    /// Triggers whose first word has the normal form `form`.
    pub fn starting_with(&self, form: &str) -> &[usize] {
        self.by_first_word.get(form).map_or(&[], Vec::as_slice)
    }

    /// The modality cues.
    pub fn cues(&self) -> &[Cue] {
        &self.cues
    }

    /// Indices of the cues whose first word has the normal form `form`.
    pub fn cues_starting_with(&self, form: &str) -> &[usize] {
        self.cue_first.get(form).map_or(&[], Vec::as_slice)
    }

    fn index_cues(&mut self) {
        self.cue_first.clear();
        for (i, c) in self.cues.iter().enumerate() {
            self.cue_first.entry(c.words[0].clone()).or_default().push(i);
        }
    }

    /// Whether a word form is a verb of saying.
    pub fn is_reporting(&self, form: &str) -> bool {
        self.reporting.contains(form)
    }

    /// Whether a word form names an event (see `event_words`).
    pub fn is_event_word(&self, form: &str) -> bool {
        self.event_words.contains(form)
    }
}

fn passive_of(
    items: &[Item],
    fixed: &HashSet<String>,
    irregular: &HashMap<String, Vec<String>>,
    verb: Option<&str>,
) -> Option<Vec<Item>> {
    let verb = normalize_word(verb?);
    let participles: Vec<String> = past_forms(&verb, irregular);
    match items {
        [Item::Source, Item::Word(_), Item::Target] => Some(vec![
            Item::Target,
            Item::Word(participles),
            Item::Word(vec!["by".into()]),
            Item::Source,
        ]),
        [Item::Source, Item::Word(_), Item::Word(particle), Item::Target]
            if particle.len() == 1 && ["down", "out", "off"].contains(&particle[0].as_str()) =>
        {
            let _ = fixed;
            Some(vec![
                Item::Target,
                Item::Word(participles),
                Item::Word(particle.clone()),
                Item::Word(vec!["by".into()]),
                Item::Source,
            ])
        }
        _ => None,
    }
}

fn past_forms(base: &str, irregular: &HashMap<String, Vec<String>>) -> Vec<String> {
    let mut out: Vec<String> = irregular
        .get(base)
        .map(|v| {
            v.iter()
                .filter(|f| f.ends_with("ed") || !(f.ends_with("ing") || f.ends_with('s')))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    out.push(regular_past(base));
    out.sort();
    out.dedup();
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn regular_past(w: &str) -> String {
    if w.ends_with('e') {
        format!("{w}d")
    } else if let Some(stem) = w
        .strip_suffix('y')
        .filter(|s| s.chars().last().is_some_and(|c| !is_vowel(c)))
    {
        format!("{stem}ied")
    } else {
        format!("{w}ed")
    }
}

/// Every form a lexicon word matches: itself, and unless it is fixed, its
/// -s, -ed and -ing forms by the regular rules, plus irregular forms.
pub fn forms_of(base: &str, fixed: &HashSet<String>, irregular: &HashMap<String, Vec<String>>) -> Vec<String> {
    let mut out = vec![base.to_string()];
    if !fixed.contains(base) {
        let stem_y = base
            .strip_suffix('y')
            .filter(|s| s.chars().last().is_some_and(|c| !is_vowel(c)));
        // -s
        out.push(if let Some(s) = stem_y {
            format!("{s}ies")
        } else if base.ends_with('s') || base.ends_with('x') || base.ends_with("ch") || base.ends_with("sh") {
            format!("{base}es")
        } else {
            format!("{base}s")
        });
        out.push(regular_past(base));
        // -ing
        out.push(if base.ends_with("ee") {
            format!("{base}ing")
        } else if let Some(s) = base.strip_suffix('e') {
            format!("{s}ing")
        } else {
            format!("{base}ing")
        });
        // -er / -ers are listed by the lexicon as words of their own.
    }
    if let Some(irr) = irregular.get(base) {
        out.extend(irr.iter().cloned());
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(w: &str) -> Vec<String> {
        forms_of(w, &HashSet::new(), &HashMap::new())
    }

    #[test]
    fn regular_inflection() {
        assert_eq!(forms("back"), vec!["back", "backed", "backing", "backs"]);
        assert_eq!(forms("accuse"), vec!["accuse", "accused", "accuses", "accusing"]);
        assert_eq!(forms("ally"), vec!["allied", "allies", "ally", "allying"]);
        assert_eq!(
            forms("supporter"),
            vec!["supporter", "supportered", "supportering", "supporters"]
        );
    }

    #[test]
    fn embedded_lexicon_compiles_with_passives() {
        let lex = Lexicon::embedded();
        assert!(lex.triggers().len() > 100);
        let backed = lex.starting_with("backed");
        assert!(backed.iter().any(|&i| lex.triggers()[i].passive));
        assert!(!lex.starting_with("met").is_empty());
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
