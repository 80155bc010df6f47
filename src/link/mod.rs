//! Stage 3: mentions of actors.
//!
//! A [`Linker`] is built once from a [`Gazetteer`]: every alias, demonym,
//! metonym and role title of every actor is normalised the way sentences are
//! (see [`crate::text`]) and indexed by the hash of its first word. For
//! each token of a sentence one lookup of the hash the tokeniser computed
//! gives the patterns that may start there, each compared with the
//! sentence's normal form from that token on (the matches an Aho-Corasick
//! scan of the normal form would give, by a test, without a 9 MB automaton
//! whose scan missed the caches on every word); matches are checked against
//! the capitalisation the alias demands and resolved leftmost-longest. A few rules then read the words around each
//! match (the data for them is in `cues.ron`):
//!
//! - a demonym is an actor only at the head of an agent noun phrase
//!   ("Russian forces" -> russia, but "the Libyan city" -> nothing);
//! - forces named after a leader name the leader's affiliation ("Haftar's
//!   forces" -> lna) and forces named after a body the body itself;
//! - a metonym after a locative word is only a place ("in Moscow");
//! - a role title glued to a name gives way to the name, a role title in
//!   apposition to a name links to that name, and a bare role title links
//!   to the holder at the document's date.
//!
//! Every [`Mention`] records how it was linked ([`LinkHow`]) for audit.

mod affiliates;
mod agents;
mod armies;
mod coref;
mod forces;
mod found;
mod fuzzy;
pub mod gazetteer;
mod groups;
pub mod lookup;
mod names;
mod office;
mod office_of;
mod phrases;
mod scope;
mod state_bodies;
pub mod suggest;
pub mod variant;

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::corpus::Document;
use crate::text::{normalize_phrase, segment, word_hash, Case, HashBits, Sentence, StaticWords, TokenKind, WordSet};
pub use found::DocActors;
pub use gazetteer::{Actor, ActorId, ActorKind, Gazetteer, GazetteerError};
use phrases::PhraseSet;

/// How a mention was linked to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkHow {
    /// One of the actor's aliases, as listed.
    Exact,
    /// A spelling variant of an alias.
    Variant,
    /// A nationality adjective heading an agent noun ("Russian forces"),
    /// or a state's people as one party ("the Turks").
    Demonym,
    /// A place standing for the actor ("the Kremlin").
    Metonym,
    /// A dated role title ("the UN chief").
    Role,
    /// Forces named after a leader or body ("Haftar's forces").
    Forces,
    /// A pronoun or phrase referring to an actor named before.
    Coreference,
    /// A name no gazetteer holds, found in the text as an actor of its own
    /// (see `link::found`), or a later mention of one.
    Found,
}

/// A span of a sentence linked to one actor.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Index of the first token in the sentence.
    pub first_token: usize,
    /// Index one past the last token.
    pub end_token: usize,
    /// Byte offset of the span in the document text.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The actor.
    pub actor: ActorId,
    /// How it was linked.
    pub how: LinkHow,
    /// Confidence in the link, 0 to 1.
    pub score: f32,
    /// Names inside this mention that are mentions in their own right, as
    /// (actor, byte start, byte end): the leader in "Haftar's forces", the
    /// parts of a name joined from two matches.
    pub inner: Vec<(ActorId, usize, usize)>,
}

impl Mention {
    /// A mention of tokens `first..end` of `s`, with no names inside.
    pub(crate) fn spanning(
        s: &Sentence,
        first: usize,
        end: usize,
        actor: ActorId,
        how: LinkHow,
        score: f32,
    ) -> Mention {
        Mention {
            sentence: s.index,
            first_token: first,
            end_token: end,
            start: s.tokens[first].start,
            end: s.tokens[end - 1].end,
            actor,
            how,
            score,
            inner: Vec::new(),
        }
    }

    /// The span as written.
    pub fn text<'t>(&self, doc_text: &'t str) -> &'t str {
        &doc_text[self.start..self.end]
    }
}

/// Words the linker reads around names (`cues.ron`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueFile {
    force_nouns: Vec<String>,
    agent_nouns: Vec<String>,
    act_nouns: Vec<String>,
    agent_participles: Vec<String>,
    place_before: Vec<String>,
    state_place_before: Vec<String>,
    visit_before: Vec<String>,
    talks_after: Vec<String>,
    pair_nouns: Vec<String>,
    aimed_at: Vec<String>,
    participle_synonyms: Vec<Vec<String>>,
    government_nouns: Vec<String>,
    seat_agents: Vec<String>,
    generic_name_words: Vec<String>,
    event_nouns: Vec<String>,
    role_nouns: Vec<String>,
    body_nouns: Vec<String>,
    titles: Vec<String>,
    name_particles: Vec<String>,
    body_types: Vec<String>,
    affiliate_nouns: Vec<String>,
}

const CUES: &str = include_str!("cues.ron");

/// Capitalised words that open sentences, never names.
static SENTENCE_OPENERS: StaticWords = StaticWords::new(&[
    "the",
    "a",
    "an",
    "then",
    "later",
    "earlier",
    "meanwhile",
    "but",
    "and",
    "in",
    "on",
    "at",
    "after",
    "before",
    "while",
    "since",
    "however",
    "also",
    "still",
    "now",
    "today",
    "yesterday",
    "thus",
    "so",
    "yet",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "when",
    "if",
    "as",
    "for",
    "with",
    "by",
    "from",
    "to",
    "of",
    "it",
    "he",
    "she",
    "they",
    "we",
    "his",
    "her",
    "its",
    "their",
    "according",
    "last",
    "next",
    "some",
    "many",
    "all",
]);

/// Words before a role title that make it an office, not a person.
const INDEFINITE: &[&str] = &["a", "an", "new", "any", "another", "next", "future", "every"];

/// Words of direction that may stand between a locative word and a place
/// ("to eastern Libya").
/// How far back through names joined by "and" or "or" a place cue is
/// looked for ("in Sirte and Jufra or Sebha").
const MAX_LIST_NAMES: usize = 6;

/// Words that open a noun phrase.
static DETERMINERS: StaticWords = StaticWords::new(&["the", "its", "their", "his", "her", "our", "this", "that"]);

static DIRECTIONS: StaticWords = StaticWords::new(&[
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "coastal",
    "rural",
]);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum EntryKind {
    Alias,
    Metonym,
    Demonym,
    /// A plural noun for a state's people ("Turks").
    People,
    Role,
    /// A name with its country left out: "the UN mission" for "UN mission
    /// in Libya", in a document about Libya.
    Elliptic,
}

/// What a pattern stands for.
#[derive(Debug, Clone)]
struct Entry {
    actor: ActorId,
    kind: EntryKind,
    /// Capitalisation required of each word token of the match.
    case: Vec<Case>,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
    /// For an elliptic name, the country left out.
    country: Option<ActorId>,
}

/// Links mentions in sentences to actors of a gazetteer.
pub struct Linker {
    /// A number no other linker of the process has: what a per-thread
    /// cache of this linker's answers is known by (see `fuzzy`).
    id: u64,
    gazetteer: Gazetteer,
    /// The normal forms of every alias, metonym, demonym and title,
    /// space-framed (`" w1 w2 "`), each once.
    patterns: Vec<Box<str>>,
    /// [`crate::text::word_hash`] of a pattern's first word -> the
    /// patterns that start with it (see [`FirstWord`]).
    by_first_word: FxHashMap<u64, FirstWord>,
    /// (first word, second word) hashes -> the patterns of two words or
    /// more that start with them, for the first words [`FirstWord::split`].
    by_two_words: FxHashMap<(u64, u64), Vec<usize>>,
    /// The same hashes as bits: most tokens start no pattern, and a bit
    /// in a table that stays in the cache says so without a probe.
    first_word_bits: HashBits,
    /// Entries of each distinct normalised pattern.
    entries: Vec<Vec<Entry>>,
    force_nouns: PhraseSet,
    agent_nouns: PhraseSet,
    /// Nouns of what a state does ("demand", "meddling"): a demonym right
    /// before one is the state acting ("the Ethiopian demand").
    act_nouns: PhraseSet,
    /// Participles after which a demonym, joined by a hyphen, is its state
    /// acting (`cues.ron`).
    agent_participles: PhraseSet,
    place_before: PhraseSet,
    state_place_before: PhraseSet,
    /// "a visit to Riyadh": a country or seat visited is its government met.
    visit_before: PhraseSet,
    /// "arrived in Riyadh for talks": the same, said after the name.
    talks_after: PhraseSet,
    /// Nouns of what two governments do together, after two seats joined
    /// by a hyphen ("Yerevan-Baku talks").
    pair_nouns: PhraseSet,
    /// Words after which "at" aims words at someone, not at a place
    /// ("lashed out at Washington").
    aimed_at: PhraseSet,
    government_nouns: PhraseSet,
    seat_agents: PhraseSet,
    event_nouns: PhraseSet,
    role_nouns: PhraseSet,
    body_nouns: WordSet,
    /// Nouns of a group's branch ("province", "affiliate"): see
    /// `link::affiliates`.
    affiliate_nouns: WordSet,
    pub(crate) titles: WordSet,
    pub(crate) name_particles: WordSet,
    body_types: WordSet,
    generic_name_words: WordSet,
    /// Normal form of a pattern -> its index in `patterns`.
    pattern_slots: FxHashMap<Box<str>, usize>,
    /// For each actor, the one state its role titles name (see `scope`).
    title_scope: Vec<Vec<scope::TitleState>>,
    /// Aliases for variant matching, their words' transliteration keys.
    variant_aliases: Vec<VariantAlias>,
    /// Skeleton of an alias word -> (alias, word position).
    variant_index: FxHashMap<String, Vec<(usize, usize)>>,
    /// One-word demonym -> its state ("libyan" -> libya), when only one
    /// actor claims it.
    demonyms: FxHashMap<String, ActorId>,
    /// Demonyms two or more states claim ("Congolese"), with every
    /// claimant: the one the document names is meant.
    shared_demonyms: FxHashMap<String, Vec<ActorId>>,
    /// The hashes of both maps' demonyms as bits: most capitalised words
    /// are no demonym, and the hash their token carries says so unprobed.
    demonym_bits: HashBits,
    /// A state's bodies by their common nouns ("the lower house").
    state_bodies: state_bodies::StateBodies,
    /// The words that make a name no gazetteer holds an actor (`found.ron`).
    found: found::FoundCues,
    /// Whether such names become actors (see [`Linker::with_found_actors`]).
    find_actors: bool,
    /// Who holds which office of which actor, read from the role titles.
    offices: office::Offices,
}

/// An alias as variant matching sees it.
#[derive(Debug, Clone)]
struct VariantAlias {
    actor: ActorId,
    /// Normal forms of its words.
    words: Vec<String>,
    /// Transliteration keys of its words.
    keys: Vec<String>,
}

/// What the linker remembers across the sentences of one document.
#[derive(Debug, Default)]
pub(crate) struct DocState {
    /// Actors in order of first mention.
    seen: Vec<ActorId>,
    /// Key of the last word of a person's multi-word name -> the person
    /// ("Kraft" after "Kelly Kraft"): one sense per document.
    surnames: FxHashMap<String, ActorId>,
    /// Every mention so far: (sentence, actor, the normalised words of its
    /// surface joined by spaces: one allocation, not one per word, how it
    /// was linked).
    history: Vec<(usize, ActorId, String, LinkHow)>,
    /// The actors found in the text so far, and their names.
    found: found::FoundTable,
    /// The states the story has named so far in any role, places and
    /// datelines included ("TRIPOLI, Libya", "in Libya", a contested
    /// state's bare name): what scopes one conflict's names.
    places: Vec<ActorId>,
}

/// What a story has named before a name is linked: its actors in order of
/// first mention, and the states it named as places too (see
/// [`Linker::story_names`]).
#[derive(Clone, Copy)]
pub(crate) struct Seen<'a> {
    actors: &'a [ActorId],
    places: &'a [ActorId],
}

impl DocState {
    fn new(gazetteer: &Gazetteer) -> Self {
        DocState {
            found: found::FoundTable::new(gazetteer.len()),
            ..DocState::default()
        }
    }
}

/// A candidate span before the rules run.
#[derive(Debug, Clone)]
struct Candidate {
    first: usize,
    end: usize,
    pattern: usize,
}

impl Linker {
    /// Index the patterns of `gazetteer`.
    pub fn new(gazetteer: Gazetteer) -> Linker {
        let mut forms: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut entries: Vec<Vec<Entry>> = Vec::new();
        // a state's names, lower case, for the country ending a name
        let mut state_names: HashMap<String, ActorId> = HashMap::new();
        for (i, a) in gazetteer.actors().iter().enumerate() {
            if a.kind == ActorKind::State {
                for n in &a.aliases {
                    state_names.insert(n.to_lowercase(), ActorId(i as u32));
                }
            }
        }
        let title_scope = scope::title_scopes(&gazetteer, &state_names);
        let cues: CueFile = ron::from_str(CUES).expect("embedded cues.ron is valid");
        let particles: Vec<String> = cues
            .name_particles
            .iter()
            .map(|w| crate::text::normalize_word(w))
            .collect();
        // (`derived`: a name made from an alias, which never joins a name
        // some actor really has)
        let mut add = |phrase: &str, actor: ActorId, kind: EntryKind, from, until, country, derived: bool| {
            let (norm, n) = normalize_phrase(phrase);
            if n == 0 {
                return;
            }
            if derived
                && forms
                    .get(&norm)
                    .is_some_and(|&slot| entries[slot].iter().any(|e| e.kind == EntryKind::Alias))
            {
                return;
            }
            let case = required_case(phrase, kind);
            let slot = *forms.entry(norm.clone()).or_insert_with(|| {
                patterns.push(norm);
                entries.push(Vec::new());
                entries.len() - 1
            });
            let e = Entry {
                actor,
                kind,
                case,
                from,
                until,
                country,
            };
            // Two spellings of one name ("al-Qaeda", "Al-Qaeda"): the
            // looser capitalisation of each word wins.
            match entries[slot]
                .iter_mut()
                .find(|x| x.actor == actor && x.kind == kind && x.from == from)
            {
                Some(x) => {
                    for (a, b) in x.case.iter_mut().zip(&e.case) {
                        *a = looser(*a, *b);
                    }
                }
                None => entries[slot].push(e),
            }
        };
        for (i, a) in gazetteer.actors().iter().enumerate() {
            let id = ActorId(i as u32);
            for s in &a.aliases {
                add(s, id, EntryKind::Alias, None, None, None, false);
                // "M-23" for "M23"
                if let Some(other) = variant::other_code_form(s) {
                    add(&other, id, EntryKind::Alias, None, None, None, false);
                }
                // "the U.N.-supported government" for "UN-backed government"
                for other in variant::synonym_forms(s, &cues.participle_synonyms) {
                    add(&other, id, EntryKind::Alias, None, None, None, false);
                }
            }
            for s in &a.metonyms {
                add(s, id, EntryKind::Metonym, None, None, None, false);
            }
            for s in &a.demonyms {
                add(s, id, EntryKind::Demonym, None, None, None, false);
            }
            for s in &a.people {
                add(s, id, EntryKind::People, None, None, None, false);
            }
            for seat in &a.seats {
                add(&seat.place, id, EntryKind::Metonym, seat.from, seat.until, None, false);
            }
            for r in &a.roles {
                for title in office::phrasings(&gazetteer, r) {
                    add(&title, id, EntryKind::Role, r.from, r.until, None, false);
                }
            }
            if a.kind != ActorKind::State {
                for (head, country) in elliptic_heads(&a.aliases, &state_names) {
                    add(head, id, EntryKind::Elliptic, None, None, Some(country), false);
                }
            }
        }
        // "Mohamed Siyala" for "Mohamed Ould Siyala", "Fayez Sarraj" for
        // "Fayez al-Sarraj": a person's name without its particles
        for (i, a) in gazetteer.actors().iter().enumerate() {
            if a.kind == ActorKind::Person {
                for s in &a.aliases {
                    if let Some(short) = variant::without_particles(s, &particles) {
                        add(&short, ActorId(i as u32), EntryKind::Alias, None, None, None, true);
                    }
                }
            }
        }
        // Patterns by their first word. A pattern matches where a token
        // starts and the sentence's normal form goes on with the pattern
        // to a token's end: the matches of an Aho-Corasick scan of the
        // normal form that begin and end at tokens, found with one hash
        // lookup per token. (A DFA of the shipped gazetteer is 9 MB: its
        // scan missed the caches on every word, and took 12% of a build.)
        let mut starting: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (i, p) in patterns.iter().enumerate() {
            starting.entry(crate::text::word_hash(&p[1..])).or_default().push(i);
        }
        // A first word that starts many patterns ("foreign", "republic",
        // "prime" start a hundred each) has them indexed by the second word
        // too, so that a token of it compares a few patterns, not all.
        let mut by_first_word: FxHashMap<u64, FirstWord> = FxHashMap::default();
        let mut by_two_words: FxHashMap<(u64, u64), Vec<usize>> = FxHashMap::default();
        for (h, list) in starting {
            if list.len() <= FirstWord::SPLIT_ABOVE {
                by_first_word.insert(
                    h,
                    FirstWord {
                        patterns: list,
                        split: false,
                    },
                );
                continue;
            }
            let mut singles = Vec::new();
            for i in list {
                match second_word(&patterns[i]) {
                    Some(w) => by_two_words.entry((h, crate::text::word_hash(w))).or_default().push(i),
                    None => singles.push(i),
                }
            }
            by_first_word.insert(
                h,
                FirstWord {
                    patterns: singles,
                    split: true,
                },
            );
        }
        let patterns: Vec<Box<str>> = patterns.into_iter().map(Box::from).collect();
        let pattern_slots: FxHashMap<Box<str>, usize> = forms.into_iter().map(|(k, v)| (Box::from(k), v)).collect();
        let mut variant_aliases = Vec::new();
        let mut variant_index: FxHashMap<String, Vec<(usize, usize)>> = FxHashMap::default();
        for (i, a) in gazetteer.actors().iter().enumerate() {
            for alias in &a.aliases {
                let words: Vec<String> = normalize_phrase(alias)
                    .0
                    .split_whitespace()
                    .map(str::to_string)
                    .collect();
                // acronyms are not spelled in variants
                if words.is_empty() || alias.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
                    continue;
                }
                let keys: Vec<String> = words.iter().map(|w| variant::key(w)).collect();
                // the French spellings of its words too ("Pachinian"), under
                // keys of their own
                let french: Vec<String> = words
                    .iter()
                    .map(|w| variant::french_spelling(w).map_or_else(|| variant::key(w), |f| variant::key(&f)))
                    .collect();
                let mut spellings = vec![keys];
                if french != spellings[0] {
                    spellings.push(french);
                }
                for keys in spellings {
                    let ix = variant_aliases.len();
                    for (pos, k) in keys.iter().enumerate() {
                        if k.len() >= variant::MIN_KEY_LEN {
                            variant_index.entry(variant::skeleton(k)).or_default().push((ix, pos));
                        }
                    }
                    variant_aliases.push(VariantAlias {
                        actor: ActorId(i as u32),
                        words: words.clone(),
                        keys,
                    });
                }
            }
        }
        let words = |l: &[String]| WordSet::new(l.iter().map(|w| crate::text::normalize_word(w)));
        let mut claimants: HashMap<String, Vec<ActorId>> = HashMap::new();
        for (i, a) in gazetteer.actors().iter().enumerate() {
            for d in &a.demonyms {
                let (norm, n) = normalize_phrase(d);
                if n == 1 {
                    let e = claimants.entry(norm.trim().to_string()).or_default();
                    if !e.contains(&ActorId(i as u32)) {
                        e.push(ActorId(i as u32));
                    }
                }
            }
        }
        // a demonym claimed by two actors is no cue by itself
        let (demonyms, shared_demonyms): (FxHashMap<String, ActorId>, FxHashMap<String, Vec<ActorId>>) = {
            let (one, many): (Vec<_>, Vec<_>) = claimants.into_iter().partition(|(_, v)| v.len() == 1);
            (
                one.into_iter().map(|(k, v)| (k, v[0])).collect(),
                many.into_iter().collect(),
            )
        };
        let found = found::FoundCues::new(&gazetteer);
        let state_bodies = state_bodies::StateBodies::new(&gazetteer, &demonyms);
        static LINKERS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Linker {
            id: LINKERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            offices: office::Offices::new(&gazetteer),
            gazetteer,
            patterns,
            first_word_bits: HashBits::new(by_first_word.keys().copied()),
            by_first_word,
            by_two_words,
            entries,
            force_nouns: PhraseSet::nouns(&cues.force_nouns),
            agent_nouns: PhraseSet::nouns(&cues.agent_nouns),
            act_nouns: PhraseSet::nouns(&cues.act_nouns),
            agent_participles: PhraseSet::new(&cues.agent_participles),
            place_before: PhraseSet::new(&cues.place_before),
            state_place_before: PhraseSet::new(&cues.state_place_before),
            visit_before: PhraseSet::new(&cues.visit_before),
            talks_after: PhraseSet::new(&cues.talks_after),
            pair_nouns: PhraseSet::nouns(&cues.pair_nouns),
            aimed_at: PhraseSet::new(&cues.aimed_at),
            government_nouns: PhraseSet::new(&cues.government_nouns),
            seat_agents: PhraseSet::new(&cues.seat_agents),
            event_nouns: PhraseSet::new(&cues.event_nouns),
            role_nouns: PhraseSet::new(&cues.role_nouns),
            body_nouns: words(&cues.body_nouns),
            affiliate_nouns: words(&cues.affiliate_nouns),
            titles: words(&cues.titles),
            name_particles: words(&cues.name_particles),
            body_types: words(&cues.body_types),
            generic_name_words: words(&cues.generic_name_words),
            pattern_slots,
            title_scope,
            variant_aliases,
            variant_index,
            demonym_bits: HashBits::new(demonyms.keys().chain(shared_demonyms.keys()).map(|d| word_hash(d))),
            demonyms,
            shared_demonyms,
            state_bodies,
            found,
            find_actors: true,
        }
    }

    /// Whether names no gazetteer holds become actors of their own (on by
    /// default; `false` keeps the gazetteer's actors alone, as
    /// `--known-actors-only` asks).
    pub fn with_found_actors(mut self, on: bool) -> Self {
        self.find_actors = on;
        self
    }

    /// Whether names no gazetteer holds become actors of their own.
    pub fn finds_actors(&self) -> bool {
        self.find_actors
    }

    /// The gazetteer the linker was built from.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Segment and link a whole document, to the gazetteer's actors only.
    pub fn link_document(&self, doc: &Document) -> (Vec<Sentence>, Vec<Mention>) {
        let sentences = segment(&doc.text);
        let mentions = self.link(doc, &sentences);
        (sentences, mentions)
    }

    /// Segment and link a whole document; with
    /// [`Linker::with_found_actors`] on (the default), names no gazetteer
    /// holds become actors of the document's own table, returned last
    /// (their ids follow the gazetteer's: see [`DocActors`]).
    pub fn link_document_all(&self, doc: &Document) -> (Vec<Sentence>, Vec<Mention>, Vec<Actor>) {
        let sentences = segment(&doc.text);
        let (mentions, found) = self.link_with(doc, &sentences, self.find_actors);
        (sentences, mentions, found)
    }

    /// Link the mentions of a document's sentences, in text order, to the
    /// gazetteer's actors only.
    pub fn link(&self, doc: &Document, sentences: &[Sentence]) -> Vec<Mention> {
        self.link_with(doc, sentences, false).0
    }

    /// Link the mentions of a document's sentences, in text order; with
    /// `find`, names no gazetteer holds become actors (returned, in the
    /// order of their ids).
    pub fn link_with(&self, doc: &Document, sentences: &[Sentence], find: bool) -> (Vec<Mention>, Vec<Actor>) {
        let mut out: Vec<Mention> = Vec::new();
        let mut state = DocState::new(&self.gazetteer);
        for s in sentences {
            let mut found = self.link_sentence(doc, s, &state.seen, &mut state.places);
            self.variants(s, &mut found, &state);
            // variants can name leaders too: "al-Asad's army"
            self.forces(s, &mut found);
            // "the Islamic State's Mozambique province": one branch
            affiliates::join(self, &doc.text, s, &mut found, &mut state, find);
            // names no gazetteer holds, before pronouns look for antecedents
            if find {
                found::find(self, &doc.text, s, &mut found, &mut state);
            }
            coref::resolve(self, s, &mut found, &state, doc.date);
            merge_adjacent(s, &mut found);
            for m in &found {
                self.remember(s, m, &mut state);
            }
            out.append(&mut found);
        }
        // found actors the whole text shows no actors: commentators,
        // bodies it names only once in passing
        let dropped = state.found.dropped();
        let dropped = &dropped;
        if !dropped.is_empty() {
            out.retain(|m| !dropped.contains(&m.actor));
            for m in &mut out {
                m.inner.retain(|(a, ..)| !dropped.contains(a));
            }
        }
        (out, state.found.actors)
    }

    /// The actors of a document being linked.
    fn doc_actors<'a>(&'a self, state: &'a DocState) -> DocActors<'a> {
        DocActors::new(&self.gazetteer, &state.found.actors)
    }

    fn remember(&self, s: &Sentence, m: &Mention, state: &mut DocState) {
        if !state.seen.contains(&m.actor) {
            state.seen.push(m.actor);
        }
        let words = joined_words(s, s.tokens[m.first_token..m.end_token].iter());
        let kind = self.doc_actors(state).actor(m.actor).kind;
        // a name, not a title or a description, gives its surname
        if kind == ActorKind::Person && matches!(m.how, LinkHow::Exact | LinkHow::Variant) && words.contains(' ') {
            if let Some(last) = words.rsplit(' ').next() {
                // (from the cache: a person's surname comes back mention
                // after mention)
                let k = variant::cached_key(last);
                if k.len() >= variant::MIN_KEY_LEN {
                    state.surnames.insert(k.to_string(), m.actor);
                }
            }
        }
        // names inside the mention ("Presidency Council" in a title) can
        // be referred to later too ("the council")
        for &(actor, start, end) in &m.inner {
            // the tokens of the inner span, found by offset (tokens are in
            // text order): no scan of a whole run-on sentence per mention
            let from = s.tokens.partition_point(|t| t.start < start);
            let inner = joined_words(s, s.tokens[from..].iter().take_while(|t| t.end <= end));
            if !state.seen.contains(&actor) {
                state.seen.push(actor);
            }
            state.history.push((s.index, actor, inner, m.how));
        }
        state.history.push((s.index, m.actor, words, m.how));
    }

    /// The state whose demonym is token `i`, if it is a capitalised one.
    fn demonym_at(&self, s: &Sentence, i: usize) -> Option<ActorId> {
        let t = s.tokens.get(i)?;
        if t.kind != TokenKind::Word || t.case == Case::Lower || !self.demonym_bits.may_hold(t.first_word_hash) {
            return None;
        }
        self.demonyms.get(t.norm(s)).copied()
    }

    /// [`Linker::demonym_at`], and for a demonym two states share, the one
    /// of them the document named last, itself or by an actor of it
    /// (`seen`, in order of first mention).
    fn demonym_seen_at(&self, s: &Sentence, i: usize, seen: &[ActorId]) -> Option<ActorId> {
        self.demonym_at(s, i).or_else(|| {
            let t = s.tokens.get(i).filter(|t| {
                t.kind == TokenKind::Word && t.case != Case::Lower && self.demonym_bits.may_hold(t.first_word_hash)
            })?;
            let claimants = self.shared_demonyms.get(t.norm(s))?;
            seen.iter().rev().find_map(|&a| {
                [Some(a), self.nation_of(a)]
                    .into_iter()
                    .flatten()
                    .find(|n| claimants.contains(n))
            })
        })
    }
}

/// The patterns that start with one first word.
struct FirstWord {
    /// All of them; or, when `split`, those of that one word alone (the
    /// longer ones are in [`Linker::by_two_words`]).
    patterns: Vec<usize>,
    split: bool,
}

impl FirstWord {
    /// Patterns of one first word above which they are split by the second.
    const SPLIT_ABOVE: usize = 8;
}

/// The second word of a space-framed normal form (`" w1 w2 … "`), if it
/// has one.
fn second_word(framed: &str) -> Option<&str> {
    framed[1..].split(' ').nth(1).filter(|w| !w.is_empty())
}

/// The capitalisation each word of `phrase` demands of the text: an
/// all-capitals word (an acronym) only matches capitals, a capitalised word
/// only a capitalised one, a lower-case word anything. Role titles are
/// written in many ways, so only their acronyms keep the rule.
fn required_case(phrase: &str, kind: EntryKind) -> Vec<Case> {
    let sentences = segment(phrase);
    let mut out = Vec::new();
    for s in &sentences {
        for t in &s.tokens {
            if t.kind == TokenKind::Joiner {
                continue;
            }
            let letters = phrase[t.start..t.end].chars().filter(|c| c.is_alphabetic()).count();
            let c = match t.case {
                Case::Upper if letters >= 2 => Case::Upper,
                Case::Title | Case::Upper | Case::Other if kind != EntryKind::Role => Case::Title,
                _ => Case::Lower,
            };
            out.push(c);
        }
    }
    out
}

/// Prepositions that tie a name to its country: "UN mission in Libya",
/// "Special Envoy for Syria", "Commission of Inquiry on Syria".
const COUNTRY_PREPOSITIONS: &[&str] = &["in", "for", "on", "to"];

/// The heads of `aliases` that end in a preposition and a state's name
/// ("UN mission in Libya" -> "UN mission", Libya): news drops the country
/// when the story is about it. A head of one word ("Mission") is
/// too vague to stand alone.
fn elliptic_heads<'a>(
    aliases: &'a [String],
    state_names: &'a HashMap<String, ActorId>,
) -> impl Iterator<Item = (&'a str, ActorId)> + 'a {
    aliases.iter().filter_map(move |alias| {
        let words: Vec<&str> = alias.split_whitespace().collect();
        let n = words.len();
        (2..n.saturating_sub(1)).find_map(|p| {
            let tail = words[p + 1..].join(" ");
            let ties = COUNTRY_PREPOSITIONS.contains(&words[p].to_lowercase().as_str());
            // where the preposition starts in the alias (a word of
            // split_whitespace is a slice of it)
            let at = words[p].as_ptr() as usize - alias.as_ptr() as usize;
            let country = state_names.get(&tail.to_lowercase()).filter(|_| ties)?;
            Some((alias[..at].trim_end(), *country))
        })
    })
}

/// The normal forms of `tokens` (joiners left out), joined by spaces.
fn joined_words<'a>(s: &Sentence, tokens: impl Iterator<Item = &'a crate::text::Token> + Clone) -> String {
    // sized first: one allocation, not one per doubling
    let len: usize = tokens.clone().map(|t| t.norm_end - t.norm_start + 1).sum();
    let mut out = String::with_capacity(len);
    for t in tokens.filter(|t| t.norm_end > t.norm_start) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(t.norm(s));
    }
    out
}

/// Join mentions of one actor that touch ("Mohamed Hamdan Daglo" +
/// "Hamidati"), so the surface is the whole name.
fn merge_adjacent(s: &Sentence, mentions: &mut Vec<Mention>) {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        if let Some(p) = out.last_mut() {
            if p.actor == m.actor
                && p.end_token == m.first_token
                && p.how != LinkHow::Coreference
                && m.how != LinkHow::Coreference
            {
                if p.inner.is_empty() {
                    p.inner.push((p.actor, p.start, p.end));
                }
                p.inner.push((m.actor, m.start, m.end));
                p.inner.extend(m.inner);
                p.end_token = m.end_token;
                p.end = s.tokens[m.end_token - 1].end;
                continue;
            }
        }
        out.push(m);
    }
    *mentions = out;
}

fn looser(a: Case, b: Case) -> Case {
    match (a, b) {
        (Case::Lower, _) | (_, Case::Lower) => Case::Lower,
        (Case::Title, _) | (_, Case::Title) => Case::Title,
        _ => a,
    }
}

fn case_fits(s: &Sentence, first: usize, end: usize, required: &[Case]) -> bool {
    let mut req = required.iter();
    for t in &s.tokens[first..end] {
        if t.kind == TokenKind::Joiner {
            continue;
        }
        let Some(r) = req.next() else { return false };
        let ok = match r {
            Case::Lower => true,
            Case::Title => matches!(t.case, Case::Title | Case::Upper | Case::Other),
            Case::Upper => t.case == Case::Upper,
            Case::Other => true,
        };
        if !ok {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests;
