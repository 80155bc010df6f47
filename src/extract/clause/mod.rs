//! The shallow clause analysis: which mentions of a sentence fill a
//! pattern's slots. [`View`] indexes a sentence's mentions by token and
//! answers where the subject of a word is, what follows it, which names
//! form a list, and what stands in a comma-delimited insertion.
//!
//! This module holds the index and the English words the analysis reads;
//! its parts answer one question each:
//!
//! - [`subject`]: the slot left of a trigger (the subject, or the nearest
//!   phrase of a passive), prepositional phrases it passes over, relative
//!   clauses and comitative insertions;
//! - [`object`]: the slot right of a trigger and the slot between two
//!   words;
//! - [`list`]: coordinated lists either way ("A, B and C",
//!   "Kenya-U.S."), and the titles, parentheses and possessives passed
//!   to reach a name;
//! - [`relational`]: relational nouns ("Serbia's main backer") and the
//!   appositions they stand in;
//! - [`compound`]: names joined by a hyphen to a participle
//!   ("Iran-backed"), which modify the next noun.

mod compound;
mod list;
mod object;
mod relational;
mod subject;

use super::lexicon::{Lexicon, Relation};
use crate::link::{ActorId, Mention};
use crate::text::{Case, Sentence, StaticWords, TokenKind};

pub(super) use compound::{compound_modifier, compound_tail, SUPPORTING_PARTICIPLES};

/// Words that end a clause for the subject search. Grammar of English, not
/// of any conflict, so kept here.
pub(super) static CLAUSE_BOUNDARIES: StaticWords = StaticWords::new(&[
    ";",
    ":",
    "while",
    "whereas",
    "but",
    "although",
    "though",
    "because",
    "when",
    "after",
    "before",
    "if",
    "unless",
    "whether",
    "meanwhile",
]);
/// Adverbs that may stand between "and" and a verb ("and also accused").
pub(super) static ADVERBS: StaticWords = StaticWords::new(&[
    "also",
    "then",
    "later",
    "subsequently",
    "again",
    "further",
    "reportedly",
    "repeatedly",
]);
/// Auxiliaries of a finite verb: "and has armed" is coordinated as "and
/// armed" is, and a stretch between commas that holds one outside a
/// relative clause is a clause of its own, not an insertion.
pub(super) static AUXILIARIES: StaticWords = StaticWords::new(&[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "shall", "can", "could", "may", "might", "must",
    "does", "did",
]);
const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her", "its", "their"];
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you"];
const RELATIVE_PRONOUNS: &[&str] = &["which", "who", "that", "whom"];
/// Words that open an insertion adding its names to the subject before
/// it: "Egypt, along with the UAE and Russia, has backed Haftar".
const COMITATIVES: &[&[&str]] = &[
    &["along", "with"],
    &["together", "with"],
    &["as", "well", "as"],
    &["alongside"],
    &["like"],
];
/// Words a slot search does not cross after the trigger.
static PREPOSITIONS: StaticWords = StaticWords::new(&[
    "of",
    "on",
    "in",
    "at",
    "to",
    "from",
    "with",
    "by",
    "for",
    "about",
    "against",
    "between",
    "over",
    "under",
    "into",
    "through",
    "during",
    "after",
    "before",
    "since",
    "toward",
    "towards",
    "across",
    "behind",
    "alongside",
    "beyond",
    "within",
    "without",
    "amid",
    "among",
    "per",
    "via",
    "including",
    "like",
    "than",
    "and",
    "or",
    "that",
    "which",
    "who",
    "whose",
    "while",
    "when",
    "where",
    "because",
    "as",
    "if",
    "following",
    "near",
    "around",
    "despite",
    "upon",
    "onto",
    "until",
    "till",
]);
/// Nouns of office that stand between an organisation and a name ("GNA
/// head Fayez al-Sarraj", "commander of the LNA Khalifa Haftar").
static OFFICE_WORDS: StaticWords = StaticWords::new(&[
    "head",
    "leader",
    "chief",
    "commander",
    "president",
    "chairman",
    "speaker",
    "spokesman",
    "envoy",
    "minister",
    "secretary",
    "director",
    "general",
]);
/// Nouns for those who act or fight for a body, through which "officials
/// of X" and "fighters of X" reach X (with [`FORCE_WORDS`]).
static AGENT_NOUNS: StaticWords = StaticWords::new(&[
    "members",
    "commanders",
    "officials",
    "representatives",
    "delegates",
    "delegation",
    "delegations",
    "envoys",
    "diplomats",
    "negotiators",
    "emissaries",
    "leaders",
    "authorities",
    "ministers",
]);
/// Nouns of quantity, through which "$20 billion worth of U.S. exports"
/// reaches the exports.
static QUANTITY_WORDS: StaticWords = StaticWords::new(&[
    "worth",
    "tons",
    "tonnes",
    "billions",
    "millions",
    "barrels",
    "shipments",
    "shipment",
    "batch",
    "batches",
    "consignment",
    "consignments",
    "cargo",
    "volume",
    "value",
    // a number of people of a side are that side: "killed dozens of
    // Nigerien soldiers", "arrested members of the RSF"
    "dozens",
    "hundreds",
    "thousands",
    "scores",
    "dozen",
    "members",
    "several",
]);
/// Nouns for fighters, through which "fighters from X" reaches X.
static FORCE_WORDS: StaticWords = StaticWords::new(&[
    "fighters",
    "troops",
    "forces",
    "mercenaries",
    "soldiers",
    "militants",
    "volunteers",
    "advisers",
    "advisors",
    "units",
    "insurgents",
    "rebels",
    "gunmen",
    "militiamen",
]);
/// Whether `w` names those who act or fight for a body: "officials of
/// X", "fighters of X" are X.
fn acts_for_body(w: &str) -> bool {
    AGENT_NOUNS.contains(w) || FORCE_WORDS.contains(w)
}
/// How many plain words a slot search passes over.
const MAX_FILLER: usize = 6;

/// The mentions of one sentence, indexed by token.
pub(super) struct View<'a> {
    /// The sentence.
    pub(super) s: &'a Sentence,
    /// Its mentions, in order of their first token.
    pub(super) mentions: &'a [Mention],
    /// Mention starting at each token.
    pub(super) starts: Vec<Option<usize>>,
    /// Mention ending at each token (its last token).
    pub(super) ends: Vec<Option<usize>>,
    /// Tokens inside a comma-delimited insertion after a mention, with the
    /// insertion's first token.
    pub(super) insertion: Vec<Option<usize>>,
    /// Tokens that are verbs of saying: the subject of what follows them
    /// is not found before them ("Kinshasa said rockets struck ...").
    pub(super) reporting: Vec<bool>,
    /// Tokens that are relational nouns ("ally", "partners"), with the
    /// relation they give.
    pub(super) relational: Vec<Option<Option<Relation>>>,
    /// [`super::matcher::adjunct_len`] at each token, without and with
    /// places, once known: every pattern that fails at a token asks it
    /// again.
    pub(super) adjunct_memo: Vec<[std::cell::Cell<u8>; 2]>,
    /// The first token after the dateline the sentence opens with, if it
    /// does ([`Sentence::dateline_end`]); else 0.
    pub(super) opening: usize,
}

impl<'a> View<'a> {
    /// The view of sentence `s` and its mentions, the words of verbs of
    /// saying and relational nouns read from `lexicon`.
    pub(super) fn new(s: &'a Sentence, mentions: &'a [Mention], lexicon: &Lexicon) -> Self {
        let n = s.tokens.len();
        let mut starts = vec![None; n];
        let mut ends = vec![None; n];
        for (i, m) in mentions.iter().enumerate() {
            // "Al-Qaeda-linked JNIM", "Somalia-based al-Shabab": a name
            // that only modifies the next one fills no slot
            if compound_modifier(s, m.end_token).is_some() {
                continue;
            }
            starts[m.first_token] = Some(i);
            ends[m.end_token - 1] = Some(i);
        }
        let mut reporting: Vec<bool> = (0..n).map(|i| lexicon.is_reporting_at(s, i)).collect();
        // a word of a name is no verb of saying ("the United States met")
        for m in mentions {
            reporting[m.first_token..m.end_token]
                .iter_mut()
                .for_each(|r| *r = false);
        }
        let relational = (0..n).map(|i| lexicon.relational_at(s, i)).collect();
        let mut v = View {
            s,
            mentions,
            starts,
            ends,
            insertion: vec![None; n],
            reporting,
            relational,
            adjunct_memo: (0..n).map(|_| Default::default()).collect(),
            opening: s.dateline_end(),
        };
        v.mark_insertions();
        v
    }

    /// The normal form of token `i`.
    pub(super) fn norm(&self, i: usize) -> &str {
        self.s.tokens[i].norm(self.s)
    }

    /// Whether token `i` is a comma.
    pub(super) fn is_comma(&self, i: usize) -> bool {
        self.s
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && self.norm(i) == ",")
    }

    /// Whether mention `m` only modifies a noun: "Haftar's readiness",
    /// "his counterpart", "its support".
    fn possessive_after(&self, m: usize) -> bool {
        let mention = &self.mentions[m];
        let e = mention.end_token;
        self.s.tokens.get(e).is_some_and(|t| t.kind == TokenKind::Possessive)
            || (e == mention.first_token + 1 && POSSESSIVE_PRONOUNS.contains(&self.norm(mention.first_token)))
    }

    /// Where the noun a possessive modifier modifies may begin.
    fn after_possessive(&self, m: usize) -> usize {
        let e = self.mentions[m].end_token;
        if self.s.tokens.get(e).is_some_and(|t| t.kind == TokenKind::Possessive) {
            e + 1
        } else {
            e
        }
    }

    /// ", backed by Egypt and the UAE," after "Haftar's forces": a stretch
    /// between two commas that follows a mention, is not itself one list
    /// item, and is followed by something other than another list item.
    fn mark_insertions(&mut self) {
        let commas: Vec<usize> = (0..self.s.tokens.len()).filter(|&i| self.is_comma(i)).collect();
        for w in commas.windows(2) {
            let (a, b) = (w[0], w[1]);
            // ", which Russia backs," after any noun is an insertion too
            let relative = RELATIVE_PRONOUNS.contains(&self.norm(a + 1)) && self.norm(a + 1) != "that";
            if a == 0 || (self.ends[a - 1].is_none() && !relative) || b <= a + 1 {
                continue;
            }
            let whole_mention = self.starts[a + 1].is_some_and(|m| self.mentions[m].end_token == b);
            let list_follows = self.starts.get(b + 1).copied().flatten().is_some()
                || (b + 1 < self.s.tokens.len() && matches!(self.norm(b + 1), "and" | "or"));
            // "Chad, Mali and Niger left the bloc, ...": the comma is a
            // list's, the names after it go on with the list
            let list_goes_on = self.starts[a + 1].is_some_and(|m| {
                let e = self.mentions[m].end_token;
                e < b && matches!(self.norm(e), "and" | "or")
            });
            // "Egypt, along with the UAE and Russia, has backed Haftar,
            // whose ...": the stretch after "Russia," holds the clause's
            // own verb
            let finite = !relative
                && (a + 1..b).any(|i| self.s.tokens[i].case == Case::Lower && AUXILIARIES.contains(self.norm(i)));
            if whole_mention || list_follows || list_goes_on || finite {
                continue;
            }
            for i in a..=b {
                self.insertion[i] = Some(a);
            }
        }
    }

    /// The actors mention `m` names: its own and those of every mention
    /// over the same span, which together are a group ("the two sides",
    /// "they" after a list: see `link::groups`).
    pub(super) fn actors_of(&self, m: usize) -> impl Iterator<Item = ActorId> + '_ {
        let (first, end) = (self.mentions[m].first_token, self.mentions[m].end_token);
        let from = self.mentions.partition_point(|x| x.first_token < first);
        self.mentions[from..]
            .iter()
            .take_while(move |x| x.first_token == first)
            .filter(move |x| x.end_token == end)
            .map(|x| x.actor)
    }
}
