//! The trigger lexicon: patterns with actor slots, read from RON.
//!
//! See `src/extract/lexicon.ron` for the format. Loading compiles
//! every pattern into [`Trigger`]s whose words carry all their inflected
//! forms, and indexes them by the forms of their first word so that the
//! extractor looks up each token once.
//!
//! This module holds what a lexicon is and the questions the extractor
//! asks of its words; its parts:
//!
//! - `file`: the RON schema of a lexicon file, and reading it;
//! - `compile`: loading, checking and compiling a file's patterns, classes
//!   and cues (and a file extending a lexicon);
//! - `frame`: a class's frame templates expanded into patterns;
//! - `inflect`: the forms of a word (regular -s, -ed, -ing, irregular
//!   tables, prefixed irregulars);
//! - `index`: the word sets of the patterns hashed, and the triggers
//!   indexed for the matcher.

mod compile;
mod file;
mod frame;
mod index;
mod inflect;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::text::TokenWords;

pub(crate) use file::{ClassSpec, LexiconFile};
use index::Plan;
pub use index::{Forms, Presence};
// (the extractor's tests name the past of a class's verbs by it)
pub use inflect::forms_of;
#[cfg(test)]
pub(crate) use inflect::regular_past;

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
pub const DEFAULT_LEXICON: &str = include_str!("../lexicon.ron");

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
    /// The verbs and nouns of a frame "S L * N V by T" ("agreed to a
    /// truce brokered by T"): who takes up (L) a deal (N) a mediator
    /// brokered (V) meets the mediator, so "agreed to a Russian-brokered
    /// ceasefire" does too. Light verbs as phrases whose first word takes
    /// all its forms; the nouns' and participles' forms.
    brokered: BrokeredDeals,
    /// Verbs of proposing, as phrases whose first word takes all its forms.
    proposal_verbs: Vec<VerbPhrase>,
    /// Forms of nouns that name a proposal ("request", "plans").
    proposal_nouns: rustc_hash::FxHashSet<String>,
    /// The forms of the first words of `proposal_verbs`.
    proposal_first: TokenWords<()>,
}

/// A verb phrase as the lexicon compiles it: the forms of its first word,
/// and the words after it ("called" ... "for").
pub type VerbPhrase = (Vec<String>, Vec<String>);

/// Whether the verb phrase `phrase` stands at token `start` of `s`.
pub(crate) fn verb_phrase_at(s: &crate::text::Sentence, start: usize, (forms, rest): &VerbPhrase) -> bool {
    let n = s.tokens.len();
    start + rest.len() < n
        && forms.iter().any(|f| f == s.tokens[start].norm(s))
        && rest
            .iter()
            .enumerate()
            .all(|(k, w)| s.tokens[start + 1 + k].norm(s) == w)
}

/// See [`Lexicon::deal_taken_up_before`].
#[derive(Debug, Clone, Default)]
pub(super) struct BrokeredDeals {
    pub(super) takeup: Vec<VerbPhrase>,
    pub(super) nouns: rustc_hash::FxHashSet<String>,
    pub(super) participles: rustc_hash::FxHashSet<String>,
}

impl Lexicon {
    /// All triggers.
    pub fn triggers(&self) -> &[Trigger] {
        &self.triggers
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

    /// Whether tokens `p` and `p + 1` are a mediator's participle and a
    /// deal ("brokered ceasefire" of "a Russian-brokered ceasefire"), as
    /// the frame "S L * N V by T" of some class has them.
    pub fn is_brokered_deal_at(&self, s: &crate::text::Sentence, p: usize) -> bool {
        let b = &self.brokered;
        if !b.participles.contains(s.tokens[p].norm(s)) {
            return false;
        }
        // the deal's noun, of up to three words
        let mut phrase = String::new();
        for t in s.tokens.iter().skip(p + 1).take(3) {
            if !phrase.is_empty() {
                phrase.push(' ');
            }
            phrase.push_str(t.norm(s));
            if b.nouns.contains(&phrase) {
                return true;
            }
        }
        false
    }

    /// Where the verb of taking up a deal that ends right before token
    /// `end` begins ("agreed to" before "a Russian-brokered ceasefire"),
    /// if one does.
    pub fn deal_taken_up_before(&self, s: &crate::text::Sentence, end: usize) -> Option<usize> {
        self.brokered.takeup.iter().find_map(|phrase| {
            let start = end.checked_sub(phrase.1.len() + 1)?;
            verb_phrase_at(s, start, phrase).then_some(start)
        })
    }

    /// The verbs of proposing: for each, the forms of its first word and
    /// the words after it.
    pub fn proposal_verbs(&self) -> &[VerbPhrase] {
        &self.proposal_verbs
    }

    /// Whether a word form names a proposal ("request", "plan").
    pub fn is_proposal_noun(&self, form: &str) -> bool {
        self.proposal_nouns.contains(form)
    }
}
