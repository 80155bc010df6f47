//! The trigger lexicon: patterns with actor slots, read from RON.
//!
//! See `lexicon.ron` beside this file for the format. Loading compiles
//! every pattern into [`Trigger`]s whose words carry all their inflected
//! forms, and indexes them by the forms of their first word so that the
//! extractor looks up each token once.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::text::{normalize_word, TokenWords};

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
    /// Asked or urged of someone, not done ("asked Algeria to condemn
    /// JNIM", "urged Kinshasa and Kigali to hold talks").
    Requested,
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
            Modality::Requested => "requested",
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
    Word(Forms),
}

/// The forms a word of a pattern matches, with the hash of each
/// ([`crate::text::word_hash`], the hash every token carries), so that a
/// token is compared by its hash and only a hit is compared as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forms {
    /// The forms, in the order of their hashes.
    forms: Vec<String>,
    /// `hashes[k]` is the [`crate::text::word_hash`] of `forms[k]`, sorted.
    hashes: Vec<u64>,
}

impl Forms {
    /// The forms of `forms` (deduplicated here).
    pub fn new(mut forms: Vec<String>) -> Forms {
        forms.sort();
        forms.dedup();
        // in hash order, so that a token's hash finds the one form it may
        // be (or the few that share its hash) without comparing strings
        forms.sort_by_cached_key(|f| (crate::text::word_hash(f), f.clone()));
        let hashes: Vec<u64> = forms.iter().map(|f| crate::text::word_hash(f)).collect();
        Forms { forms, hashes }
    }

    /// Whether a token whose normal form is `form` and whose
    /// [`crate::text::Token::first_word_hash`] is `hash` is one of them.
    pub fn matches(&self, form: &str, hash: u64) -> bool {
        let first = if self.hashes.len() <= 8 {
            self.hashes.iter().position(|&h| h >= hash).unwrap_or(self.hashes.len())
        } else {
            self.hashes.partition_point(|&h| h < hash)
        };
        self.hashes[first..]
            .iter()
            .zip(&self.forms[first..])
            .take_while(|(&h, _)| h == hash)
            .any(|(_, f)| f == form)
    }
}

impl std::ops::Deref for Forms {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.forms
    }
}

/// Which of a lexicon's word sets ([`Forms`]) have a word in a sentence:
/// a pattern is tried only where every one of its words may stand.
/// (Made by [`Lexicon::presence`]; a word that only shares a hash with a
/// form counts as present, which costs a try, never a match.)
#[derive(Debug, Clone, Default)]
pub struct Presence(Vec<u64>);

impl Presence {
    fn holds(&self, id: u32) -> bool {
        self.0[(id >> 6) as usize] & (1 << (id & 63)) != 0
    }
}

/// What the matcher reads of a trigger before it tries it.
#[derive(Debug, Clone)]
struct Plan {
    /// The body: the items between the leading and trailing slots.
    body: (u32, u32),
    /// The word sets of the body's words after its first, by their ids.
    rest: Box<[u32]>,
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
    /// True when both sides act ("S fought T", "war between P"): the
    /// event holds in both directions.
    pub mutual: bool,
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
    /// Relations the cue leaves as they are: "will" makes a meeting only
    /// planned, but a future attack or sanction announced is a threat,
    /// and a threat is made when it is said.
    #[serde(default)]
    not_for: Vec<Relation>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerSpec {
    relation: Relation,
    pattern: String,
}

/// Nouns that name one actor by its relation to another ("Serbia's main
/// backer"), and the relation they give.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RelationalSpec {
    /// The relation, or none for nouns of a relation that is no edge
    /// ("trading partners"): they only keep the possessor from being taken
    /// for the one acted on.
    relation: Option<Relation>,
    nouns: Vec<String>,
}

/// Verbs that make a proposal and nouns that name one, so that "backed the
/// request" finds who made the request in the sentences before.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProposalSpec {
    #[serde(default)]
    verbs: Vec<String>,
    #[serde(default)]
    nouns: Vec<String>,
}

/// A class of words with one meaning and the frames they stand in.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClassSpec {
    pub(crate) name: String,
    pub(crate) relation: Relation,
    /// Both sides act: every event of the class holds both ways.
    #[serde(default)]
    pub(crate) mutual: bool,
    /// Names of entries of `frames`.
    pub(crate) frames: Vec<String>,
    #[serde(default)]
    pub(crate) verbs: Vec<String>,
    #[serde(default)]
    pub(crate) nouns: Vec<String>,
    #[serde(default)]
    pub(crate) light: Vec<String>,
    #[serde(default)]
    pub(crate) preps: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LexiconFile {
    #[serde(default)]
    triggers: Vec<TriggerSpec>,
    #[serde(default)]
    pub(crate) frames: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub(crate) classes: Vec<ClassSpec>,
    #[serde(default)]
    themes: Vec<String>,
    #[serde(default)]
    relational: Vec<RelationalSpec>,
    #[serde(default)]
    proposals: ProposalSpec,
    #[serde(default)]
    pub(crate) irregular: BTreeMap<String, Vec<String>>,
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
    /// Relations it does not apply to.
    pub not_for: Vec<Relation>,
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
    /// The triggers by the hash of their first word (after a leading
    /// slot), as tokens carry it: the lookup the matcher makes at every
    /// token hashes nothing. Forms that share a hash share a list (the
    /// matcher compares the words).
    by_first_hash: rustc_hash::FxHashMap<u64, Vec<usize>>,
    /// For each trigger, where its body lies and the ids of its words
    /// after the first, laid out apart from the patterns so that turning a
    /// trigger away touches one small record.
    plans: Vec<Plan>,
    /// Each distinct word set of the patterns (by its hashes) -> its id.
    forms_ids: rustc_hash::FxHashMap<Vec<u64>, u32>,
    /// A word's hash -> the ids of the word sets holding it.
    sets_of_hash: rustc_hash::FxHashMap<u64, Vec<u32>>,
    /// Every key of `by_first_hash` and `sets_of_hash`: most tokens are
    /// no word of any pattern, and one bit says so.
    pattern_words: crate::text::HashBits,
    cues: Vec<Cue>,
    /// First word of a cue -> the cues starting with it.
    cue_first: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// Forms of words that name an event ("talks", "visit"): they take
    /// modality cues even where no pattern fills their slots, so that
    /// "postponed the talks during a phone call" postpones the talks and
    /// not the call.
    event_words: TokenWords<()>,
    /// Forms of verbs of saying ("said", "accused"?, no: "said", "told"),
    /// whose subject reports what the clause after them says.
    reporting: TokenWords<()>,
    /// The frames, by name, for files that extend this lexicon.
    frames: BTreeMap<String, Vec<String>>,
    /// Theme nouns (`M` in a frame): what is sent, fired or supplied.
    themes: Vec<String>,
    /// Words that never inflect.
    fixed: HashSet<String>,
    /// Irregular forms by lemma.
    irregular: HashMap<String, Vec<String>>,
    /// Forms of relational nouns ("ally", "backers"), with the relation
    /// they give (none: a relation that is no edge).
    relational: TokenWords<Option<Relation>>,
    /// Forms of the nouns of frames "N between P" ("war", "talks"), with
    /// their relation: "the Ethiopia-Eritrea war" is between the two.
    pair_nouns: rustc_hash::FxHashMap<String, Relation>,
    /// Forms of the verbs of classes whose host is one more participant
    /// (a frame "S V P"): "brokered", "mediated" in "talks brokered by
    /// Qatar", "a Qatari-mediated truce".
    host_verbs: TokenWords<()>,
    /// Verbs of proposing, as phrases whose first word takes all its forms.
    proposal_verbs: Vec<(Vec<String>, Vec<String>)>,
    /// Forms of nouns that name a proposal ("request", "plans").
    proposal_nouns: rustc_hash::FxHashSet<String>,
    /// The forms of the first words of `proposal_verbs`.
    proposal_first: TokenWords<()>,
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

    fn push(&mut self, t: Trigger) {
        let idx = self.triggers.len();
        if let Some(Item::Word(forms)) = t.items.iter().find(|i| matches!(i, Item::Word(_))) {
            for &h in &forms.hashes {
                self.pattern_words.insert(h);
                let list = self.by_first_hash.entry(h).or_default();
                if list.last() != Some(&idx) {
                    list.push(idx);
                }
            }
        }
        let plan = self.plan_of(&t.items);
        self.plans.push(plan);
        self.triggers.push(t);
    }

    /// The plan of a trigger's items, its word sets numbered.
    fn plan_of(&mut self, items: &[Item]) -> Plan {
        let start = usize::from(!matches!(items.first(), Some(Item::Word(_))));
        let end = items.len() - usize::from(items.len() > start && !matches!(items.last(), Some(Item::Word(_))));
        let mut rest = Vec::new();
        for item in items[start..end].iter().skip(1) {
            let Item::Word(f) = item else { continue };
            let next = self.forms_ids.len() as u32;
            let id = *self.forms_ids.entry(f.hashes.clone()).or_insert(next);
            if id == next {
                for &h in &f.hashes {
                    self.pattern_words.insert(h);
                    self.sets_of_hash.entry(h).or_default().push(id);
                }
            }
            rest.push(id);
        }
        Plan {
            body: (start as u32, end as u32),
            rest: rest.into(),
        }
    }

    /// Which word sets of the patterns have a word in sentence `s`.
    pub fn presence(&self, s: &crate::text::Sentence) -> Presence {
        let mut bits = vec![0u64; self.forms_ids.len().div_ceil(64).max(1)];
        for t in s
            .tokens
            .iter()
            .filter(|t| self.pattern_words.may_hold(t.first_word_hash))
        {
            for &id in self.sets_of_hash.get(&t.first_word_hash).map_or(&[][..], Vec::as_slice) {
                bits[(id >> 6) as usize] |= 1 << (id & 63);
            }
        }
        Presence(bits)
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
            for phrase in &p.verbs {
                let words: Vec<String> = phrase.split_whitespace().map(normalize_word).collect();
                if let Some((first, rest)) = words.split_first() {
                    let forms = forms_of(first, &fixed, &irregular);
                    lex.proposal_first.extend(forms.iter().cloned());
                    lex.proposal_verbs.push((forms, rest.to_vec()));
                }
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

    /// All triggers.
    pub fn triggers(&self) -> &[Trigger] {
        &self.triggers
    }

    /// Triggers whose first word has the normal form `form`.
    pub fn starting_with<'a>(&'a self, form: &'a str) -> impl Iterator<Item = usize> + 'a {
        let hash = crate::text::word_hash(form);
        self.starting_with_hash(hash)
            .iter()
            .copied()
            .filter(move |&ti| matches!(self.body(ti).first(), Some(Item::Word(f)) if f.matches(form, hash)))
    }

    /// Triggers whose first word may be a token of this
    /// [`crate::text::Token::first_word_hash`]: those of
    /// [`Lexicon::starting_with`] its form, and any whose first word only
    /// shares the hash (the matcher compares the words themselves).
    pub fn starting_with_hash(&self, hash: u64) -> &[usize] {
        if !self.pattern_words.may_hold(hash) {
            return &[];
        }
        self.by_first_hash.get(&hash).map_or(&[], Vec::as_slice)
    }

    /// The items of trigger `ti` between its leading and trailing slots.
    pub fn body(&self, ti: usize) -> &[Item] {
        let p = &self.plans[ti];
        &self.triggers[ti].items[p.body.0 as usize..p.body.1 as usize]
    }

    /// Whether every word of trigger `ti` after its first may stand in a
    /// sentence of this [`Presence`] (if not, it cannot match there).
    pub fn may_match_in(&self, ti: usize, present: &Presence) -> bool {
        self.plans[ti].rest.iter().all(|&id| present.holds(id))
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

    /// The relation the relational noun at token `i` of `s` gives: `None`
    /// for a word that is not one, `Some(None)` for one whose relation is
    /// no edge.
    pub fn relational_at(&self, s: &crate::text::Sentence, i: usize) -> Option<Option<Relation>> {
        self.relational.at(s, i).copied()
    }

    /// Whether the word of token `i` of `s` is a verb of saying.
    pub fn is_reporting_at(&self, s: &crate::text::Sentence, i: usize) -> bool {
        self.reporting.contains_at(s, i)
    }

    /// Whether the word of token `i` of `s` may begin a verb of proposing.
    pub fn may_start_proposal_at(&self, s: &crate::text::Sentence, i: usize) -> bool {
        self.proposal_first.contains_at(s, i)
    }

    /// Whether the word of token `i` of `s` names an event (see
    /// `event_words`).
    pub fn is_event_word_at(&self, s: &crate::text::Sentence, i: usize) -> bool {
        self.event_words.contains_at(s, i)
    }

    /// The relation of a noun that holds between two sides ("war",
    /// "talks"), if `form` is one.
    pub fn pair_noun(&self, form: &str) -> Option<Relation> {
        self.pair_nouns.get(form).copied()
    }

    /// Whether token `i` is a form of a verb whose subject hosts a
    /// meeting as one more participant ("brokered", "mediated").
    pub fn is_host_verb_at(&self, s: &crate::text::Sentence, i: usize) -> bool {
        self.host_verbs.contains_at(s, i)
    }

    /// The verbs of proposing: for each, the forms of its first word and
    /// the words after it.
    pub fn proposal_verbs(&self) -> &[(Vec<String>, Vec<String>)] {
        &self.proposal_verbs
    }

    /// Whether a word form names a proposal ("request", "plan").
    pub fn is_proposal_noun(&self, form: &str) -> bool {
        self.proposal_nouns.contains(form)
    }
}

/// A lexicon file's RON, or where it is wrong.
fn read_file(path: &str, text: &str) -> Result<LexiconFile, LexiconError> {
    ron::from_str(text).map_err(|e| LexiconError::Parse {
        path: path.to_string(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })
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

/// One position of a pattern before its words are inflected.
#[derive(Debug, Clone)]
enum Piece {
    /// A slot or a gap.
    Slot(Item),
    /// Any of these lemmas, in any of their forms.
    Lemmas(Vec<String>),
}

/// The inflection tables of a lexicon.
struct Inflector<'a> {
    fixed: &'a HashSet<String>,
    irregular: &'a HashMap<String, Vec<String>>,
}

impl Inflector<'_> {
    /// Every form of every lemma, sorted.
    fn forms(&self, lemmas: &[String]) -> Vec<String> {
        let mut out: Vec<String> = lemmas
            .iter()
            .flat_map(|l| forms_of(l, self.fixed, self.irregular))
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// Whether `w` may stand as a word of a pattern.
fn is_lexicon_word(w: &str) -> bool {
    w.chars().all(|c| c.is_lowercase() || c == '\'' || c == '-')
}

/// The placeholders of a frame: which list of a class each stands for.
const PLACEHOLDERS: &[&str] = &["V", "N", "L", "R", "M"];

/// Every pattern a frame template gives for a class: each placeholder
/// stands for the class's words of its kind (single words merged into one
/// position that takes any of them, each phrase of several words on its
/// own), the other words for themselves.
fn expand_frame(
    template: &str,
    class: &ClassSpec,
    themes: &[String],
    base_themes: &[String],
) -> Result<Vec<Vec<Piece>>, String> {
    let mut out: Vec<Vec<Piece>> = vec![Vec::new()];
    for w in template.split_whitespace() {
        let options: Vec<Vec<Piece>> = match w {
            "S" => vec![vec![Piece::Slot(Item::Source)]],
            "T" => vec![vec![Piece::Slot(Item::Target)]],
            "P" => vec![vec![Piece::Slot(Item::Participants)]],
            "*" => vec![vec![Piece::Slot(Item::Gap)]],
            p if PLACEHOLDERS.contains(&p) => {
                let all_themes: Vec<String>;
                let list: &[String] = match p {
                    "V" => &class.verbs,
                    "N" => &class.nouns,
                    "L" => &class.light,
                    "R" => &class.preps,
                    _ => {
                        all_themes = base_themes.iter().chain(themes).cloned().collect();
                        &all_themes
                    }
                };
                if list.is_empty() {
                    let kind = match p {
                        "V" => "verbs",
                        "N" => "nouns",
                        "L" => "light verbs",
                        "R" => "prepositions",
                        _ => "theme nouns",
                    };
                    return Err(format!("class {:?} has no {kind} for {p} in {template:?}", class.name));
                }
                let mut single = Vec::new();
                let mut options = Vec::new();
                for entry in list {
                    // a hyphen joins words the tokeniser splits ("tit-for-tat")
                    let parts: Vec<String> = entry
                        .split(|c: char| c.is_whitespace() || c == '-')
                        .filter(|w| !w.is_empty())
                        .map(normalize_word)
                        .collect();
                    if parts.iter().any(|x| !is_lexicon_word(x)) || parts.is_empty() {
                        return Err(format!("class {:?}: {entry:?} must be lower-case words", class.name));
                    }
                    if parts.len() == 1 {
                        single.extend(parts);
                    } else {
                        options.push(parts.into_iter().map(|x| Piece::Lemmas(vec![x])).collect());
                    }
                }
                if !single.is_empty() {
                    single.sort();
                    single.dedup();
                    options.insert(0, vec![Piece::Lemmas(single)]);
                }
                options
            }
            w if is_lexicon_word(w) => vec![vec![Piece::Lemmas(vec![normalize_word(w)])]],
            _ => {
                return Err(format!(
                    "{w:?}: frames hold lower-case words, the slots S, T, P, * and the placeholders V, N, L, R, M"
                ))
            }
        };
        out = out
            .into_iter()
            .flat_map(|prefix| {
                options.iter().map(move |o| {
                    let mut p = prefix.clone();
                    p.extend(o.iter().cloned());
                    p
                })
            })
            .collect();
    }
    Ok(out)
}

fn past_forms(base: &str, irregular: &HashMap<String, Vec<String>>) -> Vec<String> {
    let mut out: Vec<String> = irregular_forms(base, irregular)
        .into_iter()
        .filter(|f| f.ends_with("ed") || !(f.ends_with("ing") || f.ends_with('s')))
        .collect();
    out.push(regular_past(base));
    out.sort();
    out.dedup();
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

pub(crate) fn regular_past(w: &str) -> String {
    if w.ends_with('e') {
        format!("{w}d")
    } else if let Some(stem) = w
        .strip_suffix('y')
        .filter(|s| s.chars().last().is_some_and(|c| !is_vowel(c)))
    {
        format!("{stem}ied")
    } else if doubles_final_consonant(w) {
        format!("{w}{}ed", &w[w.len() - 1..])
    } else {
        format!("{w}ed")
    }
}

/// Whether a verb doubles its last consonant before -ed and -ing: a word
/// of one syllable that ends in one vowel and one consonant ("ban",
/// "slam", "step"; not "back", "meet", "row"). Longer words that double
/// ("expel", "transfer") are listed as irregular.
fn doubles_final_consonant(w: &str) -> bool {
    let b = w.as_bytes();
    let n = b.len();
    if n < 3 || !w.is_ascii() {
        return false;
    }
    let v = |c: u8| is_vowel(c as char);
    let syllables = b.windows(2).filter(|p| v(p[1]) && !v(p[0])).count() + usize::from(v(b[0]));
    syllables == 1 && !v(b[n - 1]) && !matches!(b[n - 1], b'w' | b'x' | b'y') && v(b[n - 2]) && !v(b[n - 3])
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
        } else if doubles_final_consonant(base) {
            format!("{base}{}ing", &base[base.len() - 1..])
        } else if let Some(s) = base.strip_suffix('e') {
            format!("{s}ing")
        } else {
            format!("{base}ing")
        });
        // -er / -ers are listed by the lexicon as words of their own.
    }
    out.extend(irregular_forms(base, irregular));
    out.sort();
    out.dedup();
    out
}

/// Prefixes that keep the irregular forms of the verb they make:
/// "retake" as "take" (retook, retaken), "overrun" as "run".
const VERB_PREFIXES: &[&str] = &["re", "over", "out", "under", "with", "mis", "up"];

/// The irregular forms of a lemma, or of the verb it makes with a prefix.
fn irregular_forms(base: &str, irregular: &HashMap<String, Vec<String>>) -> Vec<String> {
    if let Some(irr) = irregular.get(base) {
        return irr.clone();
    }
    for p in VERB_PREFIXES {
        if let Some(irr) = base.strip_prefix(p).and_then(|rest| irregular.get(rest)) {
            return irr.iter().map(|f| format!("{p}{f}")).collect();
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(w: &str) -> Vec<String> {
        forms_of(w, &HashSet::new(), &HashMap::new())
    }

    #[test]
    fn every_form_of_every_pattern_is_found_by_its_hash_and_no_other_word_is() {
        let lex = Lexicon::embedded();
        let strangers = ["the", "of", "backe", "meetings", "x"];
        for t in lex.triggers() {
            for item in &t.items {
                if let Item::Word(forms) = item {
                    assert!(forms.hashes.windows(2).all(|w| w[0] <= w[1]), "{}", t.pattern);
                    for f in forms.iter() {
                        assert!(forms.matches(f, crate::text::word_hash(f)), "{}: {f}", t.pattern);
                    }
                    for w in strangers.iter().filter(|w| !forms.contains(&w.to_string())) {
                        assert!(!forms.matches(w, crate::text::word_hash(w)), "{}: {w}", t.pattern);
                    }
                }
            }
        }
    }

    #[test]
    fn forms_that_share_a_hash_are_told_apart_by_their_text() {
        let forms = Forms {
            forms: vec!["met".into(), "meet".into()],
            hashes: vec![7, 7],
        };
        assert!(forms.matches("meet", 7) && forms.matches("met", 7));
        assert!(!forms.matches("meets", 7));
        assert!(!forms.matches("meet", 8));
    }

    #[test]
    fn a_pattern_is_tried_only_where_all_its_words_stand() {
        let lex = Lexicon::embedded();
        let sentence = |text: &str| crate::text::segment(text).remove(0);
        let with = sentence("Ghana is backed by Togo.");
        let without = sentence("Ghana is backed in Togo.");
        let passive = lex
            .starting_with("backed")
            .find(|&i| lex.triggers()[i].passive && lex.body(i).len() == 2)
            .expect("a passive \"T backed by S\"");
        assert!(lex.may_match_in(passive, &lex.presence(&with)));
        assert!(!lex.may_match_in(passive, &lex.presence(&without)));
        assert!(lex
            .starting_with_hash(crate::text::word_hash("backed"))
            .contains(&passive));
    }

    #[test]
    fn short_verbs_double_their_last_consonant() {
        assert_eq!(forms("ban"), vec!["ban", "banned", "banning", "bans"]);
        assert_eq!(forms("step"), vec!["step", "stepped", "stepping", "steps"]);
        assert_eq!(forms("meet"), vec!["meet", "meeted", "meeting", "meets"]);
        assert_eq!(forms("target"), vec!["target", "targeted", "targeting", "targets"]);
        assert_eq!(forms("row"), vec!["row", "rowed", "rowing", "rows"]);
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
