//! Stage 4: events from sentences.
//!
//! The [`Extractor`] reads each sentence that holds mentions, finds the
//! trigger patterns of the [`Lexicon`] in it, and fills their slots with
//! actors by a shallow analysis of the clause (no parser model):
//!
//! - a slot *before* the trigger takes the subject: the nearest mention to
//!   the left in the same clause, passing over comma-delimited insertions
//!   ("Haftar's forces, backed by Egypt, are allied to …"), mentions inside
//!   prepositional phrases ("In a speech to the Council, Guterres said …")
//!   and possessive modifiers ("Haftar's readiness"), and taking the
//!   antecedent of a relative pronoun ("…, which is supported by Turkey");
//!   a passive takes the nearest phrase, whatever it sits in;
//! - a slot *after* the trigger takes the first mention that follows within
//!   a few words, crossing an appositive comma but no preposition;
//! - a slot *between* two words takes the mentions between them;
//! - every slot extends over a coordinated list ("A, B and C").
//!
//! Modality cues (negation, plans, postponement, conditions) attach to the
//! nearest trigger word; an event whose trigger got one keeps it, and the
//! graph leaves it out unless asked.

pub mod lexicon;

use std::collections::HashSet;

pub use lexicon::{Lexicon, LexiconError, Modality, Relation};

use crate::corpus::Document;
use crate::link::{ActorId, Mention};
use crate::text::{Case, Sentence, StaticWords, TokenKind};
use lexicon::Item;

/// One event: (source, relation, target) asserted (or not) by one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Who acts (for meet: one side).
    pub source: ActorId,
    /// What relation.
    pub relation: Relation,
    /// Whom it is aimed at (for meet: the other side).
    pub target: ActorId,
    /// Whether it happened.
    pub modality: Modality,
    /// Who says so, when the sentence reports someone's words ("Lavrov
    /// said ...") and that someone is not the source.
    pub reported_by: Option<ActorId>,
    /// Where it was read.
    pub evidence: Evidence,
}

/// The sentence behind an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// Index of the sentence in its document.
    pub sentence: usize,
    /// Code-point offset of the sentence in the document text.
    pub start: usize,
    /// Code-point offset one past its end.
    pub end: usize,
    /// The sentence.
    pub text: String,
    /// The trigger words as written.
    pub trigger: String,
}

/// The longest sentence, in tokens, analysed for events: a guard against
/// hostile input (issue 8). No sentence of news comes near it; a longer
/// "sentence" is a list, a table or text without full stops, where the
/// clause analysis would take time quadratic in its length and a list of k
/// actors after "talks between" would make k²/2 events, each with a copy
/// of the whole sentence. Its mentions are still linked and counted (its
/// actors are nodes of the graph); it gives no events.
/// `tests/bad_input.rs` checks both sides of the limit.
pub const MAX_TOKENS_IN_DEPTH: usize = 500;

/// Words that end a clause for the subject search. Grammar of English, not
/// of any conflict, so kept here.
static CLAUSE_BOUNDARIES: StaticWords = StaticWords::new(&[
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
static ADVERBS: StaticWords = StaticWords::new(&[
    "also",
    "then",
    "later",
    "subsequently",
    "again",
    "further",
    "reportedly",
    "repeatedly",
]);
const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her", "its", "their"];
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you"];
const RELATIVE_PRONOUNS: &[&str] = &["which", "who", "that", "whom"];
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
]);
/// How many plain words a slot search passes over.
const MAX_FILLER: usize = 6;
/// How many words a middle slot may hold.
const MAX_MIDDLE: usize = 24;
/// How many words `*` stands for at most.
const MAX_GAP: usize = 5;

/// Extracts events with a lexicon.
pub struct Extractor {
    lexicon: Lexicon,
}

/// One place a trigger's first word stands, for modality.
#[derive(Debug, Clone)]
struct Occurrence {
    first: usize,
    end: usize,
    /// The relation of the trigger that stands here (for an event word
    /// with no trigger, none).
    relation: Option<Relation>,
    modality: Modality,
    distance: usize,
}

struct Found {
    relation: Relation,
    /// True for a pattern without S: the reporter is the source.
    reported_source: bool,
    sources: Vec<ActorId>,
    targets: Vec<ActorId>,
    pairs: bool,
    /// Both directions hold ("S fought T").
    mutual: bool,
    first: usize,
    end: usize,
}

/// The mentions of one sentence, indexed by token.
struct View<'a> {
    s: &'a Sentence,
    mentions: &'a [Mention],
    /// Mention starting at each token.
    starts: Vec<Option<usize>>,
    /// Mention ending at each token (its last token).
    ends: Vec<Option<usize>>,
    /// Tokens inside a comma-delimited insertion after a mention, with the
    /// insertion's first token.
    insertion: Vec<Option<usize>>,
    /// Tokens that are verbs of saying: the subject of what follows them
    /// is not found before them ("Kinshasa said rockets struck ...").
    reporting: Vec<bool>,
    /// Tokens that are relational nouns ("ally", "partners"), with the
    /// relation they give.
    relational: Vec<Option<Option<Relation>>>,
}

impl<'a> View<'a> {
    fn new(s: &'a Sentence, mentions: &'a [Mention], lexicon: &Lexicon) -> Self {
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
        let reporting = (0..n).map(|i| lexicon.is_reporting(s.tokens[i].norm(s))).collect();
        let relational = (0..n).map(|i| lexicon.relational(s.tokens[i].norm(s))).collect();
        let mut v = View {
            s,
            mentions,
            starts,
            ends,
            insertion: vec![None; n],
            reporting,
            relational,
        };
        v.mark_insertions();
        v
    }

    fn norm(&self, i: usize) -> &str {
        self.s.tokens[i].norm(self.s)
    }

    fn is_comma(&self, i: usize) -> bool {
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
            if whole_mention || list_follows {
                continue;
            }
            for i in a..=b {
                self.insertion[i] = Some(a);
            }
        }
    }

    /// The index of a relational noun ("ally", "backer") that stands at
    /// `at` or after up to three modifiers ("closest", "main military").
    fn relational_noun_after(&self, at: usize) -> Option<usize> {
        let n = self.s.tokens.len();
        for k in at..(at + 4).min(n) {
            if self.relational[k].is_some() {
                return Some(k);
            }
            let t = &self.s.tokens[k];
            if t.kind != TokenKind::Word || self.starts[k].is_some() || PREPOSITIONS.contains(self.norm(k)) {
                return None;
            }
        }
        None
    }

    /// Events of relational nouns: "Algeria, the Polisario Front's chief
    /// patron, ...", "Turkey, one of Somalia's closest allies",
    /// "Serbia's main backer, Russia", "Rwanda is the M23's sponsor". The
    /// possessor is the target; the source is the name in apposition, the
    /// name after the noun, or the subject of "is".
    fn relational_events(&self, out: &mut Vec<Found>) {
        let n = self.s.tokens.len();
        for (m, mention) in self.mentions.iter().enumerate() {
            if self.starts[mention.first_token] != Some(m) || !self.possessive_after(m) {
                continue;
            }
            let Some(noun) = self.relational_noun_after(self.after_possessive(m)) else {
                continue;
            };
            let Some(Some(relation)) = self.relational[noun] else {
                continue;
            };
            // back over "the", "a", "one of (the)" before the possessor
            let mut q = mention.first_token;
            while q > 0 && matches!(self.norm(q - 1), "the" | "a" | "an" | "one" | "of" | "among") {
                q -= 1;
            }
            let source = if q >= 2 && self.is_comma(q - 1) && self.ends[q - 2].is_some() {
                self.ends[q - 2]
            } else if q >= 2
                && matches!(
                    self.norm(q - 1),
                    "is" | "was" | "are" | "were" | "remains" | "remained" | "became" | "become" | "been"
                )
            {
                (0..q - 1).rev().take(4).find_map(|k| self.ends[k])
            } else {
                let mut k = noun + 1;
                if k < n && self.is_comma(k) {
                    k += 1;
                }
                self.starts.get(k).copied().flatten()
            };
            let Some(source) = source else { continue };
            out.push(Found {
                relation,
                reported_source: false,
                sources: vec![self.mentions[source].actor],
                targets: vec![mention.actor],
                pairs: false,
                mutual: false,
                first: noun,
                end: noun + 1,
            });
        }
    }

    /// Whether a noun phrase in apposition starts at `at`: "a longtime
    /// backer of", "the main patron of", "one of", "Serbia's main backer".
    fn opens_apposition(&self, at: usize) -> bool {
        at < self.s.tokens.len()
            && (matches!(
                self.norm(at),
                "a" | "an" | "the" | "one" | "its" | "his" | "her" | "their"
            ) || self.starts[at].is_some_and(|m| self.possessive_after(m)))
    }

    /// Extend mention `m` over a coordinated list to the right.
    fn list_right(&self, m: usize) -> Vec<usize> {
        let mut out = vec![m];
        let mut at = self.mentions[m].end_token;
        let mut conjunctions = 0;
        loop {
            let mut j = self.skip_parenthetical(at);
            let mut saw_sep = false;
            let mut and_here = 0;
            while j < self.s.tokens.len() && (self.is_comma(j) || matches!(self.norm(j), "and" | "or" | "as" | "well"))
            {
                and_here += usize::from(matches!(self.norm(j), "and" | "or"));
                saw_sep = true;
                j += 1;
            }
            // one list has one "and": a second one joins clauses
            if !saw_sep || conjunctions + and_here > 1 {
                break;
            }
            // "Rwanda accused Burundi, and Tanzania called for calm": a
            // comma before "and" after a single name joins two clauses
            if out.len() == 1 && and_here > 0 && self.is_comma(j.saturating_sub(and_here + 1)) {
                break;
            }
            // the preposition repeated: "by Iran and by Hezbollah"
            if j < self.s.tokens.len()
                && matches!(
                    self.norm(j),
                    "by" | "from" | "with" | "to" | "against" | "on" | "for" | "of" | "in"
                )
            {
                j += 1;
            }
            conjunctions += and_here;
            match self.skip_to_mention(j, 4) {
                Some(n) => {
                    out.push(n);
                    at = self.mentions[n].end_token;
                }
                None => break,
            }
        }
        // a list has a conjunction: "the Houthis, Okafor said" is none
        if conjunctions == 0 {
            out.truncate(1);
        }
        out
    }

    /// Past "(AQIM)" or "(LNA)" right after a name.
    fn skip_parenthetical(&self, at: usize) -> usize {
        if at < self.s.tokens.len() && self.norm(at) == "(" {
            for k in at + 1..(at + 8).min(self.s.tokens.len()) {
                if self.norm(k) == ")" {
                    return k + 1;
                }
            }
        }
        at
    }

    /// From token `j`, pass "the", titles and possessive modifiers
    /// ("Ukraine's President") to the next mention, within `max` words.
    fn skip_to_mention(&self, mut j: usize, max: usize) -> Option<usize> {
        let mut skipped = 0;
        while j < self.s.tokens.len() && skipped <= max {
            if let Some(n) = self.starts[j] {
                if self.possessive_after(n) {
                    // a modifier: prefer the head's mention if one follows
                    let after = self.after_possessive(n);
                    // "against America's allies": the allies, not America
                    if self.relational_noun_after(after).is_some() {
                        return None;
                    }
                    for k in after..(after + 4).min(self.s.tokens.len()) {
                        if let Some(h) = self.starts[k] {
                            return Some(h);
                        }
                        // only titles between: "Ukraine's President Petro
                        // Poroshenko", "his Turkish counterpart, X"
                        let t = &self.s.tokens[k];
                        let titleish = t.kind == TokenKind::Word
                            && (t.case == Case::Title
                                || OFFICE_WORDS.contains(self.norm(k))
                                || self.norm(k) == "counterpart");
                        if !titleish && !self.is_comma(k) {
                            break;
                        }
                    }
                }
                return Some(n);
            }
            let t = &self.s.tokens[j];
            let w = self.norm(j);
            let passable = w == "the"
                || w == "his"
                || w == "her"
                || w == "its"
                || w == "their"
                || (t.kind == TokenKind::Word && t.case == Case::Title && !PREPOSITIONS.contains(w))
                || t.kind == TokenKind::Joiner;
            if !passable {
                return None;
            }
            skipped += 1;
            j += 1;
        }
        None
    }

    /// From token `j` (exclusive), pass back over what may stand before a
    /// name in a list: titles ("German Chancellor"), possessive modifiers
    /// ("Ukraine's President"), "the", "his".
    fn titles_back(&self, mut j: usize) -> usize {
        let mut passed = 0;
        let mut office = false;
        while j > 0 && passed < 6 {
            let t = &self.s.tokens[j - 1];
            let w = self.norm(j - 1);
            if t.kind == TokenKind::Possessive {
                if let Some(m) = self.ends.get(j.wrapping_sub(2)).copied().flatten() {
                    j = self.mentions[m].first_token;
                    passed += 1;
                    continue;
                }
                break;
            }
            if w == ")" {
                // "Government of National Accord (GNA) head"
                match (j.saturating_sub(6)..j - 1).rev().find(|&k| self.norm(k) == "(") {
                    Some(k) => {
                        j = k;
                        passed += 1;
                        continue;
                    }
                    None => break,
                }
            }
            if let Some(m) = self.ends[j - 1] {
                // a description glued to the name: "German Chancellor Angela Merkel"
                let same = self
                    .starts
                    .get(j)
                    .copied()
                    .flatten()
                    .is_some_and(|n| self.mentions[n].actor == self.mentions[m].actor);
                // "his Russian counterpart": a possessive pronoun
                let pronoun = self.mentions[m].end_token == self.mentions[m].first_token + 1
                    && POSSESSIVE_PRONOUNS.contains(&self.norm(self.mentions[m].first_token));
                if same || pronoun {
                    j = self.mentions[m].first_token;
                    passed += 1;
                    continue;
                }
                // an organisation before an office: "GNA head X",
                // "Government of National Accord (GNA) head X"
                if office {
                    j = self.mentions[m].first_token;
                    passed += 1;
                    continue;
                }
                break;
            }
            let title = t.kind == TokenKind::Word
                && (t.case == Case::Title
                    || matches!(w, "the" | "his" | "her" | "its" | "their")
                    || OFFICE_WORDS.contains(w))
                && !matches!(w, "and" | "or");
            if !title {
                break;
            }
            office |= OFFICE_WORDS.contains(w);
            j -= 1;
            passed += 1;
        }
        j
    }

    /// Extend mention `m` over a coordinated list to the left: "A, B and
    /// C", "A and President B", "A and his Russian counterpart, B".
    fn list_left(&self, m: usize) -> Vec<usize> {
        let mut out = vec![m];
        let mut first = self.mentions[m].first_token;
        loop {
            let mut j = self.titles_back(first);
            let sep_start = j;
            let mut conjunction = false;
            while j > 0 && (self.is_comma(j - 1) || matches!(self.norm(j - 1), "and" | "or")) {
                conjunction |= !self.is_comma(j - 1);
                j -= 1;
            }
            if j == sep_start || j == 0 {
                break;
            }
            // a list ends in "and X": a bare comma before the last name is
            // no list ("..., the Houthis, Okafor said"), unless the name
            // before is the same actor in apposition ("his Russian
            // counterpart, Sergey Lavrov")
            let appositive = self.ends[j - 1].is_some_and(|p| self.mentions[p].actor == self.mentions[m].actor);
            if out.len() == 1 && !conjunction && !appositive {
                break;
            }
            // "Chad condemned the RSF, and Sudan blamed Wagner": a comma
            // and "and" before the last of two names join two clauses; a
            // list of three has another comma before its second name
            if out.len() == 1 && conjunction && (j..sep_start).any(|k| self.is_comma(k)) {
                let longer = self.ends[j - 1].is_some_and(|p| {
                    let b = self.titles_back(self.mentions[p].first_token);
                    b > 0 && self.is_comma(b - 1)
                });
                if !longer {
                    break;
                }
            }
            let next = match self.ends[j - 1] {
                Some(n) if !self.possessive_after(n) => Some(n),
                Some(_) => None,
                None if self.is_comma(sep_start - 1) => {
                    // an appositive lead-in: "and his Russian counterpart,"
                    let mut k = j;
                    let mut words = 0;
                    while k > 0
                        && words < 4
                        && self.s.tokens[k - 1].kind == TokenKind::Word
                        && self.ends[k - 1].is_none()
                    {
                        if matches!(self.norm(k - 1), "and" | "or") {
                            break;
                        }
                        k -= 1;
                        words += 1;
                    }
                    if k > 1 && matches!(self.norm(k - 1), "and" | "or") {
                        self.ends[k - 2].filter(|&n| !self.possessive_after(n))
                    } else {
                        None
                    }
                }
                None => None,
            };
            match next {
                Some(n) => {
                    out.push(n);
                    first = self.mentions[n].first_token;
                }
                None => break,
            }
        }
        out.reverse();
        out
    }

    /// [`View::list_left`] for a subject: no list whose head sits in a
    /// prepositional phrase ("welcomed by A, B and C, and the minister D
    /// spoke" has subject D).
    fn subject_list(&self, m: usize) -> Vec<usize> {
        let out = self.list_left(m);
        if out.len() > 1 && self.in_prepositional_phrase(self.mentions[out[0]].first_token) {
            return vec![m];
        }
        out
    }

    /// The subject (or, for a passive, the nearest phrase) left of `at`.
    fn left_slot(&self, at: usize, passive: bool) -> Vec<usize> {
        // "its support for", "Egypt's backing of": the possessor right
        // before a nominal trigger is its subject
        if at > 0 {
            let before = if self.s.tokens[at - 1].kind == TokenKind::Possessive {
                at.saturating_sub(2)
            } else {
                at - 1
            };
            if let Some(m) = self.ends.get(before).copied().flatten() {
                if self.possessive_after(m) && !passive {
                    return vec![m];
                }
            }
        }
        // "A met B and condemned C": a verb after "and" shares the subject
        // of the clause, not the object just before it
        let mut k = at;
        while k > 0 && ADVERBS.contains(self.norm(k - 1)) {
            k -= 1;
        }
        let coordinated = !passive && k > 0 && self.norm(k - 1) == "and";
        // ", accusing the government": a participle's subject is the
        // clause's, wherever a verb of saying stands between
        let participial = k > 0 && self.is_comma(k - 1);
        let own_insertion = self.insertion.get(at).copied().flatten();
        let mut j = at;
        let mut fallback = None;
        let mut subject: Option<Vec<usize>> = None;
        while j > 0 {
            j -= 1;
            // pass over insertions that do not hold the trigger
            if let Some(start) = self.insertion[j] {
                if Some(start) != own_insertion && !passive {
                    j = start;
                    continue;
                }
            }
            // the trigger stands in an apposition ("Uganda, a longtime
            // backer of the SPLM-IO,"): its subject is the name before
            if Some(j) == own_insertion && !passive && self.opens_apposition(j + 1) {
                if let Some(m) = j.checked_sub(1).and_then(|p| self.ends[p]) {
                    return vec![m];
                }
            }
            if self.reporting[j] && !passive && !participial && !coordinated {
                // the reported clause's subject stands after the verb
                break;
            }
            let w = self.norm(j);
            if let Some(m) = self.ends[j] {
                let first = self.mentions[m].first_token;
                if !passive && self.in_prepositional_phrase(first) {
                    j = first;
                    continue;
                }
                if self.possessive_after(m) && !passive {
                    if self.mentions[m].how != crate::link::LinkHow::Coreference {
                        fallback.get_or_insert(m);
                    }
                    j = first;
                    continue;
                }
                let list = self.subject_list(m);
                let head = self.mentions[list[0]].first_token;
                if !passive && list.len() == 1 && self.list_head_in_pp(m) {
                    // the last item of "backed by A, B and C": skip the list
                    j = self.list_start(m);
                    continue;
                }
                if coordinated {
                    // keep going to the clause's first subject
                    subject = Some(list);
                    j = first;
                    continue;
                }
                let _ = head;
                return list;
            }
            if SUBJECT_PRONOUNS.contains(&w) && !passive {
                // an unresolved pronoun is the subject: no guessing past it
                return Vec::new();
            }
            if w == "whose" {
                // "X, whose country has sent troops": the subject is what
                // X has, not X
                return Vec::new();
            }
            if RELATIVE_PRONOUNS.contains(&w) && self.s.tokens[j].kind == TokenKind::Word {
                // the antecedent: the mention just before (a comma between)
                let mut k = j;
                if k > 0 && self.is_comma(k - 1) {
                    k -= 1;
                }
                return match k.checked_sub(1).and_then(|p| self.ends[p]) {
                    Some(m) => self.list_left(m),
                    None => Vec::new(),
                };
            }
            if CLAUSE_BOUNDARIES.contains(w) {
                break;
            }
        }
        if let Some(list) = subject {
            return list;
        }
        fallback.map(|m| vec![m]).unwrap_or_default()
    }

    /// The first token of the raw list (separators only, no PP check)
    /// that ends with mention `m`.
    fn list_start(&self, m: usize) -> usize {
        let mut first = self.mentions[m].first_token;
        let mut conjunctions = 0;
        loop {
            let mut j = self.titles_back(first);
            let sep_start = j;
            while j > 0 && (self.is_comma(j - 1) || matches!(self.norm(j - 1), "and" | "or")) {
                if matches!(self.norm(j - 1), "and" | "or") {
                    conjunctions += 1;
                }
                j -= 1;
            }
            // one list has one "and": a second one joins clauses
            if j == sep_start || j == 0 || conjunctions > 1 {
                return first;
            }
            match self.ends[j - 1] {
                Some(n) => first = self.mentions[n].first_token,
                None => return first,
            }
        }
    }

    fn list_head_in_pp(&self, m: usize) -> bool {
        // only the last item of a list has a conjunction before it
        let before = self.titles_back(self.mentions[m].first_token);
        if before == 0 || !matches!(self.norm(before - 1), "and" | "or") {
            return false;
        }
        let start = self.list_start(m);
        start != self.mentions[m].first_token && self.in_prepositional_phrase(start)
    }

    /// If `first` opens the subject of an object relative clause ("…, an
    /// alliance that Washington backs"), the mention it refers back to.
    fn object_antecedent(&self, first: usize) -> Vec<usize> {
        // "which the UAE backs": "the" may stand outside the name
        let first = if first > 0 && self.norm(first - 1) == "the" {
            first - 1
        } else {
            first
        };
        if first == 0 || !RELATIVE_PRONOUNS.contains(&self.norm(first - 1)) {
            return Vec::new();
        }
        let mut k = first - 1;
        let mut words = 0;
        while k > 0 && words < 6 {
            if let Some(m) = self.ends[k - 1] {
                return vec![m];
            }
            // "said that Assad will be removed": "that" opens what was said
            if self.reporting[k - 1] {
                break;
            }
            let t = &self.s.tokens[k - 1];
            if t.kind == TokenKind::Punct && !self.is_comma(k - 1) && self.norm(k - 1) != ")" {
                break;
            }
            k -= 1;
            words += 1;
        }
        Vec::new()
    }

    fn in_prepositional_phrase(&self, first: usize) -> bool {
        let mut k = first;
        let mut passed = 0;
        while k > 0 && passed < 3 {
            let w = self.norm(k - 1);
            // ("after", "before", "since" open clauses as often as phrases:
            // "a day after Turkish fighters shot down ..." has a subject)
            if PREPOSITIONS.contains(w)
                && !CLAUSE_BOUNDARIES.contains(w)
                && !matches!(
                    w,
                    "and" | "or" | "that" | "which" | "who" | "whose" | "while" | "when" | "because" | "if" | "as"
                )
            {
                return true;
            }
            let t = &self.s.tokens[k - 1];
            if w == "the" || (t.kind == TokenKind::Word && t.case == Case::Title && self.ends[k - 1].is_none()) {
                k -= 1;
                passed += 1;
                continue;
            }
            return false;
        }
        false
    }

    /// The phrase right of `from`.
    fn right_slot(&self, from: usize) -> Vec<usize> {
        let mut j = from;
        let mut filler = 0;
        while j < self.s.tokens.len() {
            if let Some(m) = self.starts[j] {
                if self.possessive_after(m) && self.relational_noun_after(self.after_possessive(m)).is_some() {
                    // "threats against America's allies": not America
                    return Vec::new();
                }
                let head = self.skip_to_mention(j, 0).unwrap_or(m);
                return self.list_right(head);
            }
            let t = &self.s.tokens[j];
            let w = self.norm(j);
            if t.kind == TokenKind::Punct {
                // an appositive: "the retired Libyan brigade, Khalifa Hifter"
                if w == "," && filler > 0 && self.starts.get(j + 1).copied().flatten().is_some() {
                    j += 1;
                    continue;
                }
                if w == "\"" || w == "\u{201c}" {
                    j += 1;
                    continue;
                }
                return Vec::new();
            }
            if w == "of" && filler > 0 && OFFICE_WORDS.contains(self.norm(j - 1)) {
                // "talks with commander of the LNA (LNA) Khalifa Haftar": an
                // office of a body, then the person who holds it; "the
                // Minister of Justice in the Al-Wefaq government": an office
                // of the body, which stands for it
                let n = self.s.tokens.len();
                let mut k = j + 1;
                let mut titles = 0;
                while k < n && self.starts[k].is_none() && titles < 4 {
                    let t = &self.s.tokens[k];
                    let x = self.norm(k);
                    let ok = x == "the"
                        || (t.kind == TokenKind::Word && t.case == Case::Title)
                        || (titles > 0 && matches!(x, "in" | "of"));
                    if !ok {
                        break;
                    }
                    titles += 1;
                    k += 1;
                }
                if let Some(org) = self.starts.get(k).copied().flatten() {
                    let after = self.skip_parenthetical(self.mentions[org].end_token);
                    return match self.starts.get(after).copied().flatten() {
                        Some(person) => self.list_right(person),
                        None => vec![org],
                    };
                }
            }
            if PREPOSITIONS.contains(w) {
                // "backed by fighters from Iran": men from a place are its
                if w == "from" && filler > 0 && FORCE_WORDS.contains(self.norm(j - 1)) {
                    j += 1;
                    continue;
                }
                return Vec::new();
            }
            filler += 1;
            if filler > MAX_FILLER {
                return Vec::new();
            }
            j += 1;
        }
        Vec::new()
    }

    /// Mentions wholly inside tokens `a..b`, as a list.
    fn between(&self, a: usize, b: usize) -> Vec<usize> {
        (a..b)
            .filter_map(|j| self.starts[j])
            .filter(|&m| self.mentions[m].end_token <= b)
            .take(1)
            .flat_map(|m| self.list_right(m))
            .filter(|&m| self.mentions[m].end_token <= b)
            .collect()
    }
}

impl Extractor {
    /// An extractor with `lexicon`.
    pub fn new(lexicon: Lexicon) -> Self {
        Extractor { lexicon }
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Events of a document, given its sentences and mentions (in text
    /// order, as the linker returns them).
    pub fn extract(&self, doc: &Document, sentences: &[Sentence], mentions: &[Mention]) -> Vec<Event> {
        let mut out = Vec::new();
        let mut lo = 0;
        for s in sentences {
            let mut hi = lo;
            while hi < mentions.len() && mentions[hi].sentence == s.index {
                hi += 1;
            }
            let ms = &mentions[lo..hi];
            lo = hi;
            if s.tokens.len() > MAX_TOKENS_IN_DEPTH {
                continue; // a run-on: linked, not analysed (see the constant)
            }
            // an event needs two actors, or one and a coreferent phrase
            let mut distinct: Vec<ActorId> = ms.iter().map(|m| m.actor).collect();
            distinct.sort();
            distinct.dedup();
            if distinct.len() < 2 {
                continue;
            }
            self.sentence_events(doc, s, ms, &mut out);
        }
        out
    }

    fn sentence_events(&self, doc: &Document, s: &Sentence, ms: &[Mention], out: &mut Vec<Event>) {
        let v = View::new(s, ms, &self.lexicon);
        let mut occurrences: Vec<Occurrence> = Vec::new();
        let mut found: Vec<Found> = Vec::new();
        let mut inside = vec![false; s.tokens.len()];
        for m in ms {
            inside[m.first_token..m.end_token].iter_mut().for_each(|x| *x = true);
        }
        for (i, &in_name) in inside.iter().enumerate() {
            let form = v.norm(i);
            let cands = self.lexicon.starting_with(form);
            // a word of a name ("Sudanese Armed Forces") is no trigger
            if in_name {
                continue;
            }
            if self.lexicon.is_event_word(form) && !occurrences.iter().any(|o| o.first == i) {
                occurrences.push(Occurrence {
                    first: i,
                    end: i + 1,
                    relation: None,
                    modality: Modality::Asserted,
                    distance: usize::MAX,
                });
            }
            for &ti in cands {
                let body = self.body(ti);
                // Only a trigger whose words all stand here takes modality
                // cues, whether or not its slots can be filled.
                let Some((end, middle)) = match_body(&v, body, i) else {
                    continue;
                };
                if !occurrences.iter().any(|o| o.first == i && o.end == end) {
                    occurrences.push(Occurrence {
                        first: i,
                        end,
                        relation: Some(self.lexicon.triggers()[ti].relation),
                        modality: Modality::Asserted,
                        distance: usize::MAX,
                    });
                }
                if let Some(f) = self.fill_slots(&v, ti, i, end, middle) {
                    found.push(f);
                }
            }
        }
        v.relational_events(&mut found);
        // "Iran-backed Houthis": the name before the participle backs the
        // one after it
        for m in ms {
            let Some(p) = compound_modifier(s, m.end_token) else {
                continue;
            };
            if !SUPPORTING_PARTICIPLES.contains(&v.norm(p)) {
                continue;
            }
            if let Some(head) = v.starts.get(p + 1).copied().flatten() {
                found.push(Found {
                    relation: Relation::Support,
                    reported_source: false,
                    sources: vec![m.actor],
                    targets: vec![ms[head].actor],
                    pairs: false,
                    mutual: false,
                    first: p,
                    end: p + 1,
                });
            }
        }
        if found.is_empty() {
            return;
        }
        self.attach_modality(&v, &mut occurrences);
        // verbs of saying and their subjects, in order
        let reporters: Vec<(usize, Vec<ActorId>)> = (0..s.tokens.len())
            .filter(|&i| !inside[i] && self.lexicon.is_reporting(v.norm(i)))
            .map(|i| {
                let subject = v.left_slot(i, false);
                let subject = if subject.is_empty() && i > 0 && v.is_comma(i - 1) {
                    v.right_slot(i + 1) // ", said Lavrov"
                } else {
                    subject
                };
                let mut actors: Vec<ActorId> = subject.iter().map(|&m| ms[m].actor).collect();
                actors.dedup();
                (i, actors)
            })
            .filter(|(_, a)| !a.is_empty())
            .collect();
        // the reporter of a trigger: the nearest verb of saying before it,
        // else one after it behind a comma ("..., Lavrov added")
        let reporter_of = |first: usize| -> Option<&Vec<ActorId>> {
            reporters
                .iter()
                .rev()
                .find(|(r, _)| *r < first && !(*r..first).any(|k| v.norm(k) == ";"))
                .or_else(|| reporters.iter().find(|(r, _)| *r > first))
                .map(|(_, a)| a)
        };
        let mut seen: HashSet<(ActorId, Relation, ActorId)> = HashSet::new();
        for mut f in found {
            let reporter = reporter_of(f.first).cloned().unwrap_or_default();
            if f.reported_source {
                if reporter.is_empty() {
                    continue;
                }
                f.sources = reporter.clone();
            }
            let modality = occurrences
                .iter()
                .find(|o| o.first == f.first && o.end == f.end)
                .map_or(Modality::Asserted, |o| o.modality);
            let trigger = doc.text[s.tokens[f.first].start..s.tokens[f.end - 1].end].to_string();
            let mut emit = |a: ActorId, b: ActorId| {
                if a == b {
                    return;
                }
                let (a, b) = if f.relation == Relation::Meet && b < a {
                    (b, a)
                } else {
                    (a, b)
                };
                if !seen.insert((a, f.relation, b)) {
                    return;
                }
                let reported_by = reporter.first().copied().filter(|r| *r != a && !f.reported_source);
                out.push(Event {
                    source: a,
                    relation: f.relation,
                    target: b,
                    modality,
                    reported_by,
                    evidence: Evidence {
                        sentence: s.index,
                        start: s.char_start,
                        end: s.char_end,
                        text: s.text(&doc.text).to_string(),
                        trigger: trigger.clone(),
                    },
                });
            };
            if f.pairs {
                for (i, &a) in f.sources.iter().enumerate() {
                    for &b in &f.sources[i + 1..] {
                        emit(a, b);
                        if f.relation == Relation::Oppose {
                            emit(b, a);
                        }
                    }
                }
            } else {
                for &a in &f.sources {
                    for &b in &f.targets {
                        emit(a, b);
                        if f.mutual {
                            emit(b, a);
                        }
                    }
                }
            }
        }
    }

    /// The items of a trigger between its leading and trailing slots.
    fn body(&self, ti: usize) -> &[Item] {
        let items = &self.lexicon.triggers()[ti].items;
        let start = usize::from(!matches!(items.first(), Some(Item::Word(_))));
        let end = items.len() - usize::from(!matches!(items.last(), Some(Item::Word(_))));
        &items[start..end]
    }

    fn fill_slots(&self, v: &View, ti: usize, at: usize, end: usize, middle: Option<(usize, usize)>) -> Option<Found> {
        let trig = &self.lexicon.triggers()[ti];
        let items = &trig.items;
        let lead = items.first().filter(|i| !matches!(i, Item::Word(_))).cloned();
        let tail = items.last().filter(|i| !matches!(i, Item::Word(_))).cloned();
        let body = self.body(ti);
        let mut left = Vec::new();
        let mut right = Vec::new();
        let mut middle_group = Vec::new();
        if let Some((a, b)) = middle {
            middle_group = v.between(a, b);
            if middle_group.is_empty() {
                return None;
            }
        }
        if lead.is_some() {
            left = v.left_slot(at, trig.passive);
            if left.is_empty() {
                return None;
            }
        }
        if tail.is_some() {
            // "back off", "back down", "stand down": a particle the pattern
            // does not have makes another verb
            if end < v.s.tokens.len() && PARTICLES.contains(&v.norm(end)) {
                return None;
            }
            right = v.right_slot(end);
            if right.is_empty() && !trig.passive {
                // "the SDF, an alliance that Washington backs": the object
                // is the antecedent of an object relative clause.
                right = left
                    .first()
                    .map_or_else(Vec::new, |&m| v.object_antecedent(v.mentions[m].first_token));
            }
            if right.is_empty() {
                return None;
            }
        }
        // Which group is which slot.
        let slot_of = |item: &Item| -> Option<&Vec<usize>> {
            if Some(item) == lead.as_ref() {
                Some(&left)
            } else if Some(item) == tail.as_ref() {
                Some(&right)
            } else if body.contains(item) {
                Some(&middle_group)
            } else {
                None
            }
        };
        let actors = |g: &Vec<usize>| -> Vec<ActorId> {
            let mut a: Vec<ActorId> = Vec::new();
            for &m in g {
                let id = v.mentions[m].actor;
                if !a.contains(&id) {
                    a.push(id);
                }
            }
            a
        };
        if items.contains(&Item::Participants) {
            let g = slot_of(&Item::Participants)?;
            let p = actors(g);
            if p.len() < 2 {
                return None;
            }
            return Some(Found {
                relation: trig.relation,
                reported_source: false,
                sources: p,
                targets: Vec::new(),
                pairs: true,
                mutual: trig.mutual,
                first: at,
                end,
            });
        }
        let reported_source = !items.contains(&Item::Source);
        let sources = if reported_source {
            Vec::new()
        } else {
            actors(slot_of(&Item::Source)?)
        };
        let targets = actors(slot_of(&Item::Target)?);
        Some(Found {
            relation: trig.relation,
            reported_source,
            sources,
            targets,
            pairs: false,
            mutual: trig.mutual,
            first: at,
            end,
        })
    }

    fn attach_modality(&self, v: &View, occ: &mut [Occurrence]) {
        let n = v.s.tokens.len();
        // every cue that stands in the sentence, in lexicon order (ties go
        // to the cue listed first)
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        for i in 0..n {
            for &ci in self.lexicon.cues_starting_with(v.norm(i)) {
                if let Some(cend) = phrase_at(v, &self.lexicon.cues()[ci].words, i) {
                    hits.push((ci, i, cend));
                }
            }
        }
        hits.sort_unstable();
        for &(ci, i, cend) in &hits {
            let cue = &self.lexicon.cues()[ci];
            let applies = |o: &Occurrence| !o.relation.is_some_and(|r| cue.not_for.contains(&r));
            // a cue among a trigger's own words is about it: "has shelved
            // its planned meeting with" (the light verb "has" opens it)
            if cue.before {
                for o in occ.iter_mut().filter(|o| o.first < i && cend < o.end && o.distance > 0) {
                    if applies(o) {
                        o.distance = 0;
                        o.modality = cue.modality;
                    }
                }
            }
            // the nearest trigger after the cue, within the window, in its
            // clause, and not a verb of its own joined by "and" ("dismissed
            // the report and accused Kinshasa"); or the nearest before an
            // `after` cue. Every trigger at that distance takes it (an
            // event word and the pattern that begins with it).
            let distance = |o: &Occurrence| -> Option<usize> {
                if !applies(o) {
                    return None;
                }
                if cue.before {
                    (o.first >= cend
                        && o.first - cend <= cue.window
                        && !(cend..o.first).any(|k| CLAUSE_BOUNDARIES.contains(v.norm(k)))
                        && !coordinated_verb(v, cend, o.first))
                    .then(|| o.first - cend)
                } else {
                    (o.end <= i && i - o.end <= cue.window).then(|| i - o.end)
                }
            };
            if let Some(best) = occ.iter().filter_map(&distance).min() {
                for o in occ.iter_mut() {
                    if distance(o) == Some(best) && best < o.distance {
                        o.distance = best;
                        o.modality = cue.modality;
                    }
                }
            }
        }
        // A trigger inside the span of another, or right after it, takes
        // its cue: "is scheduled to fly to Kinshasa for talks with
        // Tshisekedi" plans the talks as much as the trip, "could send
        // troops to fight" the fighting as much as the sending.
        let spans: Vec<(usize, usize, Modality)> = occ
            .iter()
            .filter(|o| o.distance != usize::MAX)
            .map(|o| (o.first, o.end, o.modality))
            .collect();
        for o in occ.iter_mut().filter(|o| o.distance == usize::MAX) {
            if let Some(&(_, _, m)) = spans.iter().find(|(a, b, _)| *a < o.first && o.first <= *b) {
                o.modality = m;
            }
        }
    }
}

/// Particles that make a phrasal verb of the verb before them.
const PARTICLES: &[&str] = &["off", "down", "away", "out", "up", "back"];

/// Words of time that stand alone or after "on", "in", "last", "this",
/// "next", "early", "late", "mid" in an adjunct ("on Monday", "last week").
static TIME_WORDS: StaticWords = StaticWords::new(&[
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
    "week",
    "weekend",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "day",
    "today",
    "yesterday",
    "overnight",
    "weeks",
    "months",
    "years",
    "days",
    "hours",
]);
/// Words that open a time adjunct.
const TIME_OPENERS: &[&str] = &[
    "on", "in", "last", "this", "next", "early", "late", "mid", "earlier", "later", "for",
];
/// Words ending in -ly that are not adverbs.
const NOT_ADVERBS: &[&str] = &[
    "ally", "rally", "family", "supply", "reply", "apply", "assembly", "italy", "july", "fly", "only", "belly",
    "bully", "anomaly", "monopoly", "comply", "multiply", "rely",
];

/// How many tokens of an adjunct stand at `at`: an adverb ("warmly"), a
/// time ("on Monday", "last week", "in 2023", "on Sunday night"), and
/// where `place` (before the "by" of a passive) a place ("at State House
/// in Nairobi"). Zero where none does.
fn adjunct_len(v: &View, at: usize, place: bool) -> usize {
    let n = v.s.tokens.len();
    let mut k = at;
    let mut steps = 0;
    while k < n && steps < 3 {
        let t = &v.s.tokens[k];
        let w = v.norm(k);
        let adverb = t.kind == TokenKind::Word
            && t.case == Case::Lower
            && w.len() > 4
            && w.ends_with("ly")
            && !NOT_ADVERBS.contains(&w);
        let time = TIME_WORDS.contains(w) && t.kind == TokenKind::Word && (w != "may" || t.case == Case::Title);
        if adverb || time {
            k += 1;
        } else if TIME_OPENERS.contains(&w) && k + 1 < n {
            let mut e = k + 1;
            // "on Sunday night", "in mid-March", "in 2023", "for weeks"
            while e < n && e < k + 4 {
                let x = &v.s.tokens[e];
                let xw = v.norm(e);
                if TIME_WORDS.contains(xw) || x.kind == TokenKind::Number || x.kind == TokenKind::Joiner || xw == "mid"
                {
                    e += 1;
                } else {
                    break;
                }
            }
            if e == k + 1 {
                if place && matches!(w, "in" | "on") {
                    match place_len(v, k) {
                        0 => break,
                        p => k += p,
                    }
                } else {
                    break;
                }
            } else {
                k = e;
            }
        } else if place && matches!(w, "at" | "near" | "outside") {
            match place_len(v, k) {
                0 => break,
                p => k += p,
            }
        } else {
            break;
        }
        steps += 1;
    }
    k - at
}

/// "at State House", "in Nairobi": a preposition and a name of capitalised
/// words (with "the"), no mention among them; its length or zero.
fn place_len(v: &View, at: usize) -> usize {
    let n = v.s.tokens.len();
    let mut e = at + 1;
    if e < n && v.norm(e) == "the" {
        e += 1;
    }
    let start = e;
    while e < n
        && e < start + 4
        && v.s.tokens[e].kind == TokenKind::Word
        && v.s.tokens[e].case == Case::Title
        && v.starts[e].is_none()
    {
        e += 1;
    }
    if e == start {
        0
    } else {
        e - at
    }
}

/// Participles that make a name before them, joined by a hyphen, a
/// modifier of the next noun: "Al-Qaeda-linked JNIM", "Iran-backed
/// Houthis". Grammar, not any conflict's words.
const COMPOUND_PARTICIPLES: &[&str] = &[
    "linked",
    "based",
    "backed",
    "allied",
    "aligned",
    "affiliated",
    "led",
    "sponsored",
    "funded",
    "supported",
    "armed",
    "trained",
    "controlled",
    "held",
    "run",
    "dominated",
    "occupied",
    "born",
    "made",
    "owned",
    "installed",
    "friendly",
];
/// Those of them that say the name supports the noun they modify.
const SUPPORTING_PARTICIPLES: &[&str] = &[
    "backed",
    "allied",
    "aligned",
    "sponsored",
    "funded",
    "supported",
    "armed",
    "trained",
    "installed",
    "friendly",
];

/// If the tokens from `end` are a hyphen and a participle of
/// [`COMPOUND_PARTICIPLES`], the participle's index.
fn compound_modifier(s: &Sentence, end: usize) -> Option<usize> {
    if s.tokens.get(end)?.kind != TokenKind::Joiner {
        return None;
    }
    let word = s.tokens.get(end + 1)?;
    (word.kind == TokenKind::Word && COMPOUND_PARTICIPLES.contains(&word.norm(s))).then_some(end + 1)
}

/// Whether the trigger at `first` is a verb coordinated by "and" after
/// token `from`: a cue before the first verb does not reach it.
fn coordinated_verb(v: &View, from: usize, first: usize) -> bool {
    let mut k = first;
    while k > from && ADVERBS.contains(v.norm(k - 1)) {
        k -= 1;
    }
    k > from && v.norm(k - 1) == "and"
}

/// If `words` stand at token `i` (joiners passed), the index past them.
fn phrase_at(v: &View, words: &[String], i: usize) -> Option<usize> {
    let mut t = i;
    for w in words {
        while v.s.tokens.get(t).is_some_and(|k| k.kind == TokenKind::Joiner) {
            t += 1;
        }
        if t >= v.s.tokens.len() || v.norm(t) != w {
            return None;
        }
        t += 1;
    }
    Some(t)
}

/// Match the words, gaps and middle slot of a pattern from token `at`.
/// Returns the index past the match and the span of a middle slot.
fn match_body(v: &View, body: &[Item], at: usize) -> Option<(usize, Option<(usize, usize)>)> {
    let Some((first, rest)) = body.split_first() else {
        return Some((at, None));
    };
    let mut at = at;
    while v.s.tokens.get(at).is_some_and(|k| k.kind == TokenKind::Joiner) {
        at += 1;
    }
    match first {
        Item::Word(forms) => {
            let is_word = |k: usize| {
                v.s.tokens
                    .get(k)
                    .is_some_and(|t| t.kind != TokenKind::Punct && forms.iter().any(|f| f == v.norm(k)))
            };
            if is_word(at) {
                return match_body(v, rest, at + 1);
            }
            // "held talks on Tuesday with", "was warmly received at State
            // House in Nairobi by": adverbs, dates and places between the
            // words of a pattern (never before its first word, which the
            // lookup found where it stands)
            let passive_by = forms.len() == 1 && forms[0] == "by";
            let skip = adjunct_len(v, at, passive_by);
            if skip > 0 && is_word(at + skip) {
                return match_body(v, rest, at + skip + 1);
            }
            None
        }
        Item::Gap => {
            for k in 0..=MAX_GAP {
                if (at..at + k).any(|j| j >= v.s.tokens.len() || v.s.tokens[j].kind == TokenKind::Punct) {
                    break;
                }
                if let Some(r) = match_body(v, rest, at + k) {
                    return Some(r);
                }
            }
            None
        }
        _ => {
            // a middle slot: the next word must follow within MAX_MIDDLE
            for k in 1..=MAX_MIDDLE {
                if at + k > v.s.tokens.len() {
                    break;
                }
                if let Some((end, _)) = match_body(v, rest, at + k) {
                    return Some((end, Some((at, at + k))));
                }
            }
            None
        }
    }
}

#[cfg(test)]
mod tests;
