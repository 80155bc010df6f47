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

mod agents;
mod coref;
mod found;
pub mod gazetteer;
pub mod lookup;
mod office;
mod scope;
pub mod suggest;
pub mod variant;

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::corpus::Document;
use crate::text::{normalize_phrase, segment, word_hash, Case, Sentence, StaticWords, TokenKind, WordSet};
pub use found::DocActors;
pub use gazetteer::{Actor, ActorId, ActorKind, Gazetteer, GazetteerError};

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
    place_before: Vec<String>,
    state_place_before: Vec<String>,
    government_nouns: Vec<String>,
    seat_agents: Vec<String>,
    generic_name_words: Vec<String>,
    event_nouns: Vec<String>,
    role_nouns: Vec<String>,
    body_nouns: Vec<String>,
    titles: Vec<String>,
    name_particles: Vec<String>,
    body_types: Vec<String>,
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

/// Normalised multi-word phrases, matched on token normal forms, indexed
/// by their first and last words so a token that starts none costs one
/// hash lookup.
#[derive(Debug, Clone)]
struct PhraseSet {
    phrases: Vec<Vec<String>>,
    /// Hash of a first word -> phrases starting with it, longest first.
    /// (Looked up with the hash each token carries; the words are then
    /// compared, so a collision costs a comparison, never a wrong match.)
    by_first: FxHashMap<u64, Vec<usize>>,
    /// Hash of a last word -> phrases ending with it, longest first.
    by_last: FxHashMap<u64, Vec<usize>>,
    /// Both sets of hashes as bits, to turn most tokens away unprobed.
    firsts: HashBits,
    lasts: HashBits,
}

impl PhraseSet {
    fn new(list: &[String]) -> Self {
        let mut phrases: Vec<Vec<String>> = list
            .iter()
            .map(|p| normalize_phrase(p).0.split_whitespace().map(str::to_string).collect())
            .filter(|v: &Vec<String>| !v.is_empty())
            .collect();
        // longest first, so the widest phrase wins
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let mut by_first: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut by_last: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (i, p) in phrases.iter().enumerate() {
            by_first.entry(word_hash(&p[0])).or_default().push(i);
            by_last.entry(word_hash(&p[p.len() - 1])).or_default().push(i);
        }
        PhraseSet {
            phrases,
            firsts: HashBits::new(by_first.keys().copied()),
            lasts: HashBits::new(by_last.keys().copied()),
            by_first,
            by_last,
        }
    }

    /// Length in tokens of the longest phrase starting at token `i` (words
    /// only, joiners skipped), and the index one past it.
    fn match_at(&self, s: &Sentence, i: usize) -> Option<usize> {
        let mut i = i;
        while s.tokens.get(i).is_some_and(|k| k.kind == TokenKind::Joiner) {
            i += 1;
        }
        let h = s.tokens.get(i)?.first_word_hash;
        if !self.firsts.may_hold(h) {
            return None;
        }
        let cands = self.by_first.get(&h)?;
        'next: for &pi in cands {
            let mut t = i;
            for w in &self.phrases[pi] {
                while s.tokens.get(t).is_some_and(|k| k.kind == TokenKind::Joiner) {
                    t += 1;
                }
                match s.tokens.get(t) {
                    Some(k) if k.norm(s) == w => t += 1,
                    _ => continue 'next,
                }
            }
            return Some(t);
        }
        None
    }

    /// The index where a phrase ends exactly at token `end` (exclusive)
    /// begins, if one does.
    fn match_ending_at(&self, s: &Sentence, end: usize) -> Option<usize> {
        let h = s.tokens.get(end.checked_sub(1)?)?.first_word_hash;
        if !self.lasts.may_hold(h) {
            return None;
        }
        let cands = self.by_last.get(&h)?;
        'next: for &pi in cands {
            let p = &self.phrases[pi];
            if p.len() > end {
                continue;
            }
            let mut t = end;
            for w in p.iter().rev() {
                if t == 0 {
                    continue 'next;
                }
                t -= 1;
                if s.tokens[t].norm(s) != w {
                    continue 'next;
                }
            }
            return Some(t);
        }
        None
    }
}

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
    gazetteer: Gazetteer,
    /// The normal forms of every alias, metonym, demonym and title,
    /// space-framed (`" w1 w2 "`), each once.
    patterns: Vec<Box<str>>,
    /// [`crate::text::word_hash`] of a pattern's first word -> the
    /// patterns that start with it.
    by_first_word: FxHashMap<u64, Vec<usize>>,
    /// The same hashes as bits: most tokens start no pattern, and a bit
    /// in a table that stays in the cache says so without a probe.
    first_word_bits: HashBits,
    /// Entries of each distinct normalised pattern.
    entries: Vec<Vec<Entry>>,
    force_nouns: PhraseSet,
    agent_nouns: PhraseSet,
    place_before: PhraseSet,
    state_place_before: PhraseSet,
    government_nouns: PhraseSet,
    seat_agents: PhraseSet,
    event_nouns: PhraseSet,
    role_nouns: PhraseSet,
    body_nouns: WordSet,
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
    /// surface joined by spaces: one allocation, not one per word).
    history: Vec<(usize, ActorId, String)>,
    /// The actors found in the text so far, and their names.
    found: found::FoundTable,
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
        let mut by_first_word: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (i, p) in patterns.iter().enumerate() {
            by_first_word
                .entry(crate::text::word_hash(&p[1..]))
                .or_default()
                .push(i);
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
        let mut demonyms: HashMap<String, Option<ActorId>> = HashMap::new();
        for (i, a) in gazetteer.actors().iter().enumerate() {
            for d in &a.demonyms {
                let (norm, n) = normalize_phrase(d);
                if n == 1 {
                    let e = demonyms
                        .entry(norm.trim().to_string())
                        .or_insert(Some(ActorId(i as u32)));
                    if *e != Some(ActorId(i as u32)) {
                        *e = None; // claimed by two actors: not a cue
                    }
                }
            }
        }
        let demonyms = demonyms.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect();
        let found = found::FoundCues::new(&gazetteer);
        Linker {
            offices: office::Offices::new(&gazetteer),
            gazetteer,
            patterns,
            first_word_bits: HashBits::new(by_first_word.keys().copied()),
            by_first_word,
            entries,
            force_nouns: PhraseSet::new(&cues.force_nouns),
            agent_nouns: PhraseSet::new(&cues.agent_nouns),
            place_before: PhraseSet::new(&cues.place_before),
            state_place_before: PhraseSet::new(&cues.state_place_before),
            government_nouns: PhraseSet::new(&cues.government_nouns),
            seat_agents: PhraseSet::new(&cues.seat_agents),
            event_nouns: PhraseSet::new(&cues.event_nouns),
            role_nouns: PhraseSet::new(&cues.role_nouns),
            body_nouns: words(&cues.body_nouns),
            titles: words(&cues.titles),
            name_particles: words(&cues.name_particles),
            body_types: words(&cues.body_types),
            generic_name_words: words(&cues.generic_name_words),
            pattern_slots,
            title_scope,
            variant_aliases,
            variant_index,
            demonyms,
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
            let mut found = self.link_sentence(doc, s, &state.seen);
            self.variants(s, &mut found, &state);
            // variants can name leaders too: "al-Asad's army"
            self.forces(s, &mut found);
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
                let k = variant::key(last);
                if k.len() >= variant::MIN_KEY_LEN {
                    state.surnames.insert(k, m.actor);
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
            state.history.push((s.index, actor, inner));
        }
        state.history.push((s.index, m.actor, words));
    }

    /// The state whose demonym is token `i`, if it is a capitalised one.
    fn demonym_at(&self, s: &Sentence, i: usize) -> Option<ActorId> {
        let t = s.tokens.get(i)?;
        if t.kind != TokenKind::Word || t.case == Case::Lower {
            return None;
        }
        self.demonyms.get(t.norm(s)).copied()
    }

    /// Whether some alias word of `actor` has (a variant of) key `k`.
    fn spells_actor(&self, actor: ActorId, k: &str) -> bool {
        let Some(cands) = self.variant_index.get(&variant::skeleton(k)) else {
            return false;
        };
        cands.iter().any(|&(ai, pos)| {
            let a = &self.variant_aliases[ai];
            a.actor == actor && variant::keys_are_variants(&a.keys[pos], k)
        })
    }

    /// A variant given name before a person's exact surname: "Aqila" in
    /// "Aqila Saleh" once "Saleh" linked to Aguila Saleh.
    fn given_names(&self, s: &Sentence, mentions: &mut [Mention]) {
        for m in mentions.iter_mut() {
            if m.first_token == 0 || self.gazetteer.actor(m.actor).kind != ActorKind::Person {
                continue;
            }
            let mut p = m.first_token - 1;
            if s.tokens[p].kind == TokenKind::Joiner && p > 0 {
                p -= 1;
            }
            let t = &s.tokens[p];
            if t.kind != TokenKind::Word || t.case != Case::Title {
                continue;
            }
            let k = variant::cached_key(t.norm(s));
            if k.len() >= variant::MIN_KEY_LEN && self.spells_actor(m.actor, &k) {
                m.first_token = p;
                m.start = t.start;
                m.how = LinkHow::Variant;
            }
        }
    }

    /// Name-like runs that no alias matched, tried as spelling variants of
    /// aliases (see [`variant`]). A variant link needs strong evidence: a
    /// word of the name spelled exactly, or the actor already named in the
    /// document; and it never overrides an exact alias (it only sees the
    /// words no mention covers).
    fn variants(&self, s: &Sentence, mentions: &mut Vec<Mention>, state: &DocState) {
        self.given_names(s, mentions);
        let mut covered = vec![false; s.tokens.len()];
        for m in mentions.iter() {
            covered[m.first_token..m.end_token].iter_mut().for_each(|c| *c = true);
        }
        let here: Vec<ActorId> = mentions.iter().map(|m| m.actor).collect();
        let mut added = Vec::new();
        let runs = self.name_runs(s, &covered);
        let mut k = 0;
        while k < runs.len() {
            // two runs joined by "of" may spell one name ("Revitalised
            // Transitional Government of National Unity")
            let of_next = runs.get(k + 1).filter(|next| {
                let gap = runs[k][runs[k].len() - 1] + 1;
                next[0] == gap + 1 && s.tokens[gap].norm(s) == "of"
            });
            if let Some(next) = of_next {
                let gap = runs[k][runs[k].len() - 1] + 1;
                let joined: Vec<usize> = runs[k]
                    .iter()
                    .copied()
                    .chain([gap])
                    .chain(next.iter().copied())
                    .collect();
                if let Some(m) = self.variant_in_run(s, &joined, state, &here) {
                    added.push(m);
                    k += 2;
                    continue;
                }
            }
            if let Some(m) = self.variant_in_run(s, &runs[k], state, &here) {
                added.push(m);
            }
            k += 1;
        }
        if !added.is_empty() {
            mentions.extend(added);
            mentions.sort_by_key(|m| m.first_token);
        }
    }

    /// Maximal runs of capitalised words (with joiners and name particles
    /// such as "al", "bin") that no mention covers, as token indices of
    /// their words.
    pub(crate) fn name_runs(&self, s: &Sentence, covered: &[bool]) -> Vec<Vec<usize>> {
        let mut runs = Vec::new();
        let mut cur: Vec<usize> = Vec::new();
        for (i, t) in s.tokens.iter().enumerate() {
            let namey = !covered[i]
                && t.kind == TokenKind::Word
                && (matches!(t.case, Case::Title | Case::Upper)
                    || (s
                        .tokens
                        .get(i + 1)
                        .is_some_and(|n| n.kind == TokenKind::Joiner || n.case == Case::Title)
                        && self.name_particles.contains(t.norm(s))));
            // a capitalised common word opening the sentence is no part
            // of a name ("Then Afewerki left")
            let opener = namey && cur.is_empty() && SENTENCE_OPENERS.contains(t.norm(s));
            if namey && !opener {
                cur.push(i);
            } else if t.kind == TokenKind::Joiner && !cur.is_empty() && !covered[i] {
                continue;
            } else if !cur.is_empty() {
                runs.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            runs.push(cur);
        }
        runs
    }

    fn variant_in_run(&self, s: &Sentence, run: &[usize], state: &DocState, here: &[ActorId]) -> Option<Mention> {
        let norms: Vec<&str> = run.iter().map(|&i| s.tokens[i].norm(s)).collect();
        // titles alone ("President") name nobody
        if norms.iter().all(|w| self.titles.contains(w)) {
            return None;
        }
        let keys: Vec<std::rc::Rc<str>> = norms.iter().map(|w| variant::cached_key(w)).collect();
        // the alias words each word of the run may spell
        let cands_at: Vec<Option<&Vec<(usize, usize)>>> = keys
            .iter()
            .map(|k| {
                (k.len() >= variant::MIN_KEY_LEN)
                    .then(|| self.variant_index.get(&variant::skeleton(k)))
                    .flatten()
            })
            .collect();
        // no word of the run can be part of any alias: nothing to do
        let hopeless = cands_at.iter().all(Option::is_none);
        if hopeless && (run.len() > 1 || state.surnames.is_empty()) {
            return None;
        }
        // (actor, start in run, length, exact words)
        let mut best: Option<(ActorId, usize, usize, usize)> = None;
        for (p, cands) in cands_at.iter().enumerate() {
            let Some(cands) = *cands else {
                continue;
            };
            for &(ai, q) in cands {
                let alias = &self.variant_aliases[ai];
                let Some(start) = p.checked_sub(q) else { continue };
                let len = alias.words.len();
                if start + len > run.len() {
                    continue;
                }
                let mut exact = 0;
                let fits = (0..len).all(|j| {
                    if alias.words[j] == norms[start + j] {
                        exact += 1;
                        true
                    } else {
                        // "Heritage Institute" for "Heritage Foundation": the
                        // kind of body is translated freely, the name is not
                        let both_bodies = j > 0
                            && self.body_types.contains(&alias.words[j])
                            && self.body_types.contains(norms[start + j]);
                        // "the Arakanese Army" for "Arakan Army": a name in
                        // its adjective form before the noun it names
                        let adjective = j + 1 < len && variant::adjective_of(&alias.words[j], norms[start + j]);
                        both_bodies || adjective || variant::keys_are_variants(&alias.keys[j], &keys[start + j])
                    }
                });
                if !fits || exact == len {
                    continue;
                }
                // what stands left of the name must be titles; nothing
                // unexplained may follow it ("Mohamed Salah" is not "Saleh")
                // (a name of two words, one spelled exactly, is evidence
                // enough whatever stands before it)
                let left_ok = (len >= 2 && exact >= 1)
                    || norms[..start]
                        .iter()
                        .all(|w| self.titles.contains(w) || self.demonyms.contains_key(*w));
                // a nickname after the full name is the same actor's:
                // "Mohamed Hamdan Daglo Hamidati"
                let right_ok = keys[start + len..].iter().all(|k| self.spells_actor(alias.actor, k));
                if !left_ok || !right_ok {
                    continue;
                }
                // the same transliteration key for every word ("Hemetti" /
                // "Hemeti", "Kadirov" / "Kadyrov") differs only in letters
                // renderings swap: evidence enough on its own
                // (for a shipped actor of one country's conflict, in a story
                // that names the country: "Siyala" of Mauritania is no
                // Libyan Siala)
                let same_keys = (0..len).all(|j| alias.keys[j] == *keys[start + j])
                    && alias.keys.iter().map(String::len).sum::<usize>() > variant::MIN_KEY_LEN
                    && self.spelling_in_scope(alias.actor, &state.seen, here);
                let len = run.len() - start;
                let evidence =
                    exact > 0 || same_keys || state.seen.contains(&alias.actor) || here.contains(&alias.actor);
                if !evidence {
                    continue;
                }
                // (a tie goes to the later layer's actor: the user's word)
                let layer = self.gazetteer.actor(alias.actor).layer;
                let better = match best {
                    None => true,
                    Some((b, _, bl, be)) => (len, exact, layer) > (bl, be, self.gazetteer.actor(b).layer),
                };
                if better {
                    best = Some((alias.actor, start, len, exact));
                }
            }
        }
        // one sense per document: a lone surname of a person named in full
        if best.is_none() && run.len() == 1 {
            if let Some(&actor) = state.surnames.get(&*keys[0]) {
                best = Some((actor, 0, 1, 0));
            } else if keys[0].len() >= variant::MIN_KEY_LEN {
                for (k, &actor) in &state.surnames {
                    if variant::keys_are_variants(k, &keys[0]) {
                        best = Some((actor, 0, 1, 0));
                        break;
                    }
                }
            }
        }
        let (actor, start, len, exact) = best?;
        let first = run[start];
        let last = run[start + len - 1];
        Some(Mention {
            sentence: s.index,
            first_token: first,
            end_token: last + 1,
            start: s.tokens[first].start,
            end: s.tokens[last].end,
            actor,
            how: LinkHow::Variant,
            score: 0.6 + 0.3 * exact as f32 / len as f32,
            inner: Vec::new(),
        })
    }

    fn candidates(&self, s: &Sentence) -> Vec<Candidate> {
        let mut cands = Vec::new();
        let norm = s.norm.as_str();
        for (first, t) in s.tokens.iter().enumerate() {
            // joiners have no normal form: the word after them starts here
            if t.norm_end == t.norm_start {
                continue;
            }
            // (by the hash of the first word, computed as the token was
            // made; a collision fails the comparison below)
            if !self.first_word_bits.may_hold(t.first_word_hash) {
                continue;
            }
            let Some(list) = self.by_first_word.get(&t.first_word_hash) else {
                continue;
            };
            let rest = &norm.as_bytes()[t.norm_start - 1..];
            for &pattern in list {
                // the pattern with its leading space, from the space
                // before this token, to the space after a token (its last
                // letter first: most patterns that share a first word
                // differ there, and one byte costs less than a call)
                let p = self.patterns[pattern].as_bytes();
                let last = p.len() - 2;
                if rest.get(last) != p.get(last) || !rest.starts_with(p) {
                    continue;
                }
                let Some(last) = s.token_ending_at_norm(t.norm_start - 1 + p.len() - 1) else {
                    continue;
                };
                if self.entries[pattern]
                    .iter()
                    .any(|e| case_fits(s, first, last + 1, &e.case))
                {
                    cands.push(Candidate {
                        first,
                        end: last + 1,
                        pattern,
                    });
                }
            }
        }
        cands.sort_by_key(|c| (c.first, std::cmp::Reverse(c.end)));
        cands
    }

    /// Tokens that some gazetteer entry matches, whether or not it became a
    /// mention (a place, a bare demonym).
    pub(crate) fn known_tokens(&self, s: &Sentence) -> Vec<bool> {
        let mut known = vec![false; s.tokens.len()];
        for c in self.candidates(s) {
            known[c.first..c.end].iter_mut().for_each(|k| *k = true);
        }
        known
    }

    /// Whether the word before token `first` shows a place ("in Tarhuna").
    pub(crate) fn after_place_word(&self, s: &Sentence, first: usize) -> bool {
        first > 0
            && (self.only_a_place(s, first, false) || matches!(s.tokens[first - 1].norm(s), "of" | "from" | "near"))
    }

    /// Leftmost-longest, non-overlapping, among candidates inside
    /// `first..end` that satisfy `keep`.
    fn greedy(&self, all: &[Candidate], first: usize, end: usize, keep: impl Fn(&Candidate) -> bool) -> Vec<Candidate> {
        let mut chosen: Vec<Candidate> = Vec::new();
        for c in all.iter().filter(|c| c.first >= first && c.end <= end && keep(c)) {
            if chosen.last().is_none_or(|p| c.first >= p.end) {
                chosen.push(c.clone());
            }
        }
        chosen
    }

    fn link_sentence(&self, doc: &Document, s: &Sentence, seen: &[ActorId]) -> Vec<Mention> {
        let all = self.candidates(s);
        let mut cands = self.greedy(&all, 0, s.tokens.len(), |_| true);
        // A role title glued to a name gives way to the name, but names
        // inside the title still count ("commander of the Libyan National
        // Army (LNA) Khalifa Haftar" holds the LNA).
        let mut ci = 0;
        while ci < cands.len() {
            let c = &cands[ci];
            let is_role = self.entries[c.pattern].iter().all(|e| e.kind == EntryKind::Role);
            let after = self.skip_parenthetical(s, c.end);
            let glued = cands.get(ci + 1).is_some_and(|n| {
                n.first == c.end
                    || (n.first == after && self.entries[n.pattern].iter().any(|e| e.kind == EntryKind::Alias))
            }) || cands.get(ci + 2).is_some_and(|n| n.first == after && after > c.end);
            // "a UN mission", or one with no country in the document:
            // only the names inside count ("UN")
            let elliptic = self.entries[c.pattern].iter().all(|e| e.kind == EntryKind::Elliptic);
            if elliptic && self.elliptic_actor(s, c.first, c.pattern, seen).is_none() {
                let (first, end) = (c.first, c.end);
                let inner = self.greedy(&all, first, end, |x| {
                    self.entries[x.pattern].iter().any(|e| e.kind != EntryKind::Elliptic)
                });
                let n = inner.len();
                cands.splice(ci..=ci, inner);
                ci += n;
                continue;
            }
            if is_role && glued {
                let (first, end) = (c.first, c.end);
                // ...but not the nation that opens it ("US Secretary of State
                // Antony Blinken" names Blinken, not the US)
                let inner = self.greedy(&all, first + 1, end, |x| {
                    self.entries[x.pattern].iter().any(|e| e.kind != EntryKind::Role)
                });
                let n = inner.len();
                cands.splice(ci..=ci, inner);
                ci += n;
            } else {
                ci += 1;
            }
        }
        let mut mentions: Vec<Mention> = Vec::new();
        for (ci, c) in cands.iter().enumerate() {
            let entries: Vec<&Entry> = self.entries[c.pattern]
                .iter()
                .filter(|e| case_fits(s, c.first, c.end, &e.case))
                .collect();
            let Some(kind) = entries.iter().map(|e| e.kind).min() else {
                continue;
            };
            let entries: Vec<&Entry> = entries.into_iter().filter(|e| e.kind == kind).collect();
            let next = cands.get(ci + 1);
            let mut m = Mention {
                sentence: s.index,
                first_token: c.first,
                end_token: c.end,
                start: s.tokens[c.first].start,
                end: s.tokens[c.end - 1].end,
                actor: entries[0].actor,
                how: LinkHow::Exact,
                score: 1.0,
                inner: Vec::new(),
            };
            match kind {
                EntryKind::Alias => {
                    let Some(mut actor) = self.choose(&entries, doc.date, seen) else {
                        continue;
                    };
                    // "Iran Press TV", "the United Nations Charter": part of
                    // a longer proper name that is not this actor's
                    if self.gazetteer.actor(actor).kind != ActorKind::Person && self.inside_longer_name(s, c.end, next)
                    {
                        continue;
                    }
                    // "Government of National Unity" in a story of another
                    // country is not the Libyan one; "South Africa's
                    // Government of National Unity" is South Africa's
                    if self.common_words_only(s, c.first, c.end) && !self.in_scope(actor, &all, c, seen) {
                        let owner = self
                            .possessor_before(s, c.first, &mentions)
                            .map(|(o, _)| o)
                            .filter(|&o| self.gazetteer.actor(o).kind == ActorKind::State);
                        match owner.filter(|_| self.names_an_institution(s, c.first, c.end)) {
                            Some(o) => {
                                actor = o;
                                m.how = LinkHow::Demonym;
                                m.score = 0.8;
                            }
                            None => continue,
                        }
                    }
                    // "in Libya", "to eastern Libya": a country as a place;
                    // "Libya plunged into chaos" while rival governments
                    // contest it: the scene, no one actor
                    let a = self.gazetteer.actor(actor);
                    let contested = a.contested.iter().any(|p| p.holds(doc.date));
                    // "the civil political leadership in Sudan": the
                    // country's rulers, one mention from the noun phrase on
                    let rulers = self
                        .government_before(s, c.first)
                        .filter(|_| a.kind == ActorKind::State);
                    if let Some(np_first) = rulers.filter(|_| !contested) {
                        m.first_token = np_first;
                        m.start = s.tokens[np_first].start;
                        m.how = LinkHow::Demonym;
                        m.score = 0.8;
                    } else if a.kind == ActorKind::State
                        && (self.only_a_place(s, c.first, true)
                            || (contested && !self.names_an_institution(s, c.first, c.end)))
                    {
                        continue;
                    }
                    m.actor = actor;
                }
                EntryKind::Metonym => {
                    // "in Moscow", "the Berlin conference": only a place;
                    // "MOSCOW, Nov. 25 -": a dateline, where the story was
                    // written
                    let dateline = c.first == 0
                        && s.tokens[c.first].case == Case::Upper
                        && s.tokens.get(c.end).is_some_and(|t| t.norm(s) == ",");
                    // "officials in Niamey": the state's people at its seat,
                    // one mention from the noun on (unless a demonym phrase
                    // holds the noun already: "Nigerien officials in ...")
                    let agents = self
                        .agents_at_seat(s, c.first)
                        .filter(|&a| mentions.last().is_none_or(|p| p.end_token <= a));
                    if let Some(a) = agents.filter(|_| !dateline) {
                        m.first_token = a;
                        m.start = s.tokens[a].start;
                    } else if dateline
                        || self.only_a_place(s, c.first, false)
                        || self.event_nouns.match_at(s, c.end).is_some()
                    {
                        continue;
                    }
                    // a seat of government stands for whoever held it then
                    let dated = entries.iter().any(|e| e.from.is_some() || e.until.is_some());
                    // (undated, only a holder already named: an old story
                    // would otherwise get today's government)
                    let actor = if dated && doc.date.is_none() {
                        seen.iter()
                            .rev()
                            .find(|a| entries.iter().any(|e| e.actor == **a))
                            .copied()
                    } else if dated {
                        self.holder(&entries, doc.date, seen)
                    } else {
                        self.choose(&entries, doc.date, seen)
                    };
                    let Some(actor) = actor else {
                        continue;
                    };
                    m.actor = actor;
                    m.how = LinkHow::Metonym;
                    m.score = 0.9;
                }
                EntryKind::People => {
                    // "the Turks are behaving": the nation as one party, as
                    // diplomats speak of it; "Turks fled", "millions of
                    // Turks", "the Turks of Cyprus": people, no actor
                    let definite = c.first > 0 && s.tokens[c.first - 1].norm(s) == "the";
                    let of_after = s.tokens.get(c.end).is_some_and(|t| t.norm(s) == "of");
                    if !definite || of_after {
                        continue;
                    }
                    let Some(actor) = self.choose(&entries, doc.date, seen) else {
                        continue;
                    };
                    m.actor = actor;
                    m.how = LinkHow::Demonym;
                    m.score = 0.7;
                }
                EntryKind::Demonym => {
                    // "Rwandan and Ugandan officials": demonyms joined on one
                    // noun each name their state, the last with the noun
                    let coordinated = next.is_some_and(|n| {
                        n.first == c.end + 1
                            && matches!(s.tokens[c.end].norm(s), "and" | "or" | ",")
                            && self.entries[n.pattern].iter().any(|e| e.kind == EntryKind::Demonym)
                            && self.agent_phrase_after(s, n.end).is_some()
                    });
                    // Only at the head of an agent noun phrase.
                    let end = if coordinated {
                        c.end
                    } else {
                        let Some(end) = self.agent_phrase_after(s, c.end) else {
                            continue;
                        };
                        end
                    };
                    if next.is_some_and(|n| n.first < end) {
                        continue;
                    }
                    let Some(actor) = self.choose(&entries, doc.date, seen) else {
                        continue;
                    };
                    m.actor = actor;
                    m.end_token = end;
                    m.end = s.tokens[end - 1].end;
                    m.how = LinkHow::Demonym;
                    m.score = 0.8;
                }
                EntryKind::Elliptic => {
                    let Some(actor) = self.elliptic_actor(s, c.first, c.pattern, seen) else {
                        continue;
                    };
                    m.actor = actor;
                    m.how = LinkHow::Coreference;
                    m.score = 0.7;
                }
                EntryKind::Role => {
                    // "a new UN envoy": an office, not a person
                    if c.first > 0 && INDEFINITE.contains(&s.tokens[c.first - 1].norm(s)) {
                        continue;
                    }
                    // a title glued to a name the gazetteer does not spell
                    // that way ("Russian Defense Minister Sergei Shoygo")
                    // is that name's, whoever held the office then
                    if s.tokens
                        .get(c.end)
                        .is_some_and(|t| t.kind == TokenKind::Word && t.case == Case::Title)
                    {
                        continue;
                    }
                    // A title in apposition to a name is that name's.
                    let appositive = next.filter(|n| {
                        n.first == c.end + 1
                            && s.tokens[c.end].kind == TokenKind::Punct
                            && s.tokens[c.end].norm(s) == ","
                            && self.entries[n.pattern].iter().any(|e| e.kind == EntryKind::Alias)
                    });
                    let actor = match appositive {
                        Some(n) => {
                            let named: Vec<&Entry> = self.entries[n.pattern].iter().collect();
                            self.choose(&named, doc.date, seen)
                        }
                        None => {
                            // "NATO's secretary-general": its owner's office,
                            // no other holder of the title
                            let owned: Option<Vec<&Entry>> =
                                self.possessor_before(s, c.first, &mentions)
                                    .map(|(owner, owner_first)| {
                                        match self.owner_title(s, owner_first, c.first, c.end) {
                                            Some(slot) => self.entries[slot]
                                                .iter()
                                                .filter(|e| e.kind == EntryKind::Role)
                                                .collect(),
                                            None => entries
                                                .iter()
                                                .copied()
                                                .filter(|e| self.gazetteer.actor(e.actor).affiliation == Some(owner))
                                                .collect(),
                                        }
                                    });
                            // ...and a title of one country's conflict only in
                            // a story that names that country
                            let pool: Vec<&Entry> = owned
                                .unwrap_or_else(|| entries.clone())
                                .into_iter()
                                .filter(|e| self.title_in_scope(e, &all, c, seen))
                                .collect();
                            self.holder(&pool, doc.date, seen)
                        }
                    };
                    let Some(actor) = actor else { continue };
                    m.actor = actor;
                    m.how = LinkHow::Role;
                    m.score = 0.8;
                    // names inside the title count too: "head of the General
                    // Staff of the Russian Armed Forces" holds Russia
                    m.inner = self.names_inside(s, &all, c.first, c.end, doc.date, seen);
                }
            }
            mentions.push(m);
        }
        self.of_country(s, &all, &mut mentions);
        self.forces(s, &mut mentions);
        mentions
    }

    /// Mentions of aliases, metonyms and demonym agent phrases inside
    /// tokens `first..end`, as (actor, byte start, byte end).
    fn names_inside(
        &self,
        s: &Sentence,
        all: &[Candidate],
        first: usize,
        end: usize,
        date: Option<NaiveDate>,
        seen: &[ActorId],
    ) -> Vec<(ActorId, usize, usize)> {
        let mut out = Vec::new();
        for c in self.greedy(all, first, end, |x| {
            self.entries[x.pattern].iter().any(|e| e.kind < EntryKind::People)
        }) {
            let entries: Vec<&Entry> = self.entries[c.pattern]
                .iter()
                .filter(|e| e.kind < EntryKind::People)
                .collect();
            let Some(kind) = entries.iter().map(|e| e.kind).min() else {
                continue;
            };
            let entries: Vec<&Entry> = entries.into_iter().filter(|e| e.kind == kind).collect();
            let stop = if kind == EntryKind::Demonym {
                match self.agent_phrase_after(s, c.end).filter(|&e| e <= end) {
                    Some(e) => e,
                    None => continue,
                }
            } else {
                c.end
            };
            if let Some(actor) = self.choose(&entries, date, seen) {
                out.push((actor, s.tokens[c.first].start, s.tokens[stop - 1].end));
            }
        }
        out
    }

    /// Among entries of one surface, the actor meant: the only one, or the
    /// one already named in the document; an ambiguous surface with no
    /// antecedent is left unlinked rather than guessed.
    fn choose(&self, entries: &[&Entry], _date: Option<NaiveDate>, seen: &[ActorId]) -> Option<ActorId> {
        let mut actors: Vec<ActorId> = entries.iter().map(|e| e.actor).collect();
        actors.sort();
        actors.dedup();
        match actors.as_slice() {
            [one] => Some(*one),
            many => seen.iter().rev().find(|a| many.contains(a)).copied(),
        }
    }

    /// The actor an elliptic name at token `first` stands for: "a UN
    /// mission" is any one, "the UN mission" the one of the country the
    /// document is about (of the actors named so far, the most recent that
    /// belongs to a country one of the entries leaves out).
    fn elliptic_actor(&self, s: &Sentence, first: usize, pattern: usize, seen: &[ActorId]) -> Option<ActorId> {
        let entries = &self.entries[pattern];
        if first > 0 && INDEFINITE.contains(&s.tokens[first - 1].norm(s)) {
            return None;
        }
        // (of the gazetteer's actors: one found in the text is in no
        // elliptic name)
        let actors = DocActors::new(&self.gazetteer, &[]);
        seen.iter()
            .rev()
            .filter(|a| a.index() < self.gazetteer.len())
            .filter_map(|&a| coref::nation(actors, a))
            .find_map(|n| {
                entries
                    .iter()
                    .find(|e| e.kind == EntryKind::Elliptic && e.country == Some(n))
            })
            .map(|e| e.actor)
    }

    /// The holder of a role: at the document's date when it has one; else
    /// a holder already named in the document; else the latest holder.
    fn holder(&self, entries: &[&Entry], date: Option<NaiveDate>, seen: &[ActorId]) -> Option<ActorId> {
        if let Some(d) = date {
            let held: Vec<&Entry> = entries
                .iter()
                .copied()
                .filter(|e| e.from.is_none_or(|f| f <= d) && e.until.is_none_or(|u| d <= u))
                .collect();
            return self.choose(&held, None, seen).or_else(|| held.first().map(|e| e.actor));
        }
        if let Some(a) = seen.iter().rev().find(|a| entries.iter().any(|e| e.actor == **a)) {
            return Some(*a);
        }
        entries.iter().max_by_key(|e| e.from).map(|e| e.actor)
    }

    /// Whether the capitalised words after token `end` continue a proper
    /// name that no candidate explains and that is no title, agent or
    /// force: then the match is only part of that name.
    fn inside_longer_name(&self, s: &Sentence, end: usize, next: Option<&Candidate>) -> bool {
        let Some(t) = s.tokens.get(end) else { return false };
        if t.kind != TokenKind::Word || t.case != Case::Title || next.is_some_and(|n| n.first == end) {
            return false;
        }
        let w = t.norm(s);
        let explained = self.titles.contains(w)
            || self.agent_nouns.match_at(s, end).is_some()
            || self.force_nouns.match_at(s, end).is_some()
            || self.role_nouns.match_at(s, end).is_some()
            || self.event_nouns.match_at(s, end).is_some();
        !explained
    }

    /// Whether the match holds an agent or government noun ("Syrian
    /// government", "Syrian army"): an institution, not the country's name.
    fn names_an_institution(&self, s: &Sentence, first: usize, end: usize) -> bool {
        (first..end).any(|i| {
            self.agent_nouns.match_at(s, i).is_some_and(|e| e <= end)
                || self.government_nouns.match_at(s, i).is_some_and(|e| e <= end)
        })
    }

    /// If a government noun and "in" or "of" stand before token `first`
    /// ("the leadership in Sudan", "the authorities of Chad"), the first
    /// token of that noun phrase: past the determiner, if one opens it
    /// within three words ("the civil political leadership"), else the noun
    /// itself, so that no verb is ever taken into the phrase.
    fn government_before(&self, s: &Sentence, first: usize) -> Option<usize> {
        let prep = s.tokens.get(first.checked_sub(1)?)?;
        if !matches!(prep.norm(s), "in" | "of") {
            return None;
        }
        let noun = self.government_nouns.match_ending_at(s, first - 1)?;
        let opener = (1..=3).take_while(|&k| k <= noun).find_map(|k| {
            let t = &s.tokens[noun - k];
            if t.kind != TokenKind::Word || t.case != Case::Lower {
                return Some(None);
            }
            DETERMINERS.contains(t.norm(s)).then_some(Some(noun - k + 1))
        });
        Some(opener.flatten().unwrap_or(noun))
    }

    /// If "in" and, before it, a noun for the people who run a state stand
    /// before token `first` ("officials in Niamey"), that noun's first
    /// token.
    fn agents_at_seat(&self, s: &Sentence, first: usize) -> Option<usize> {
        let prep = s.tokens.get(first.checked_sub(1)?)?;
        if prep.norm(s) != "in" {
            return None;
        }
        self.seat_agents.match_ending_at(s, first - 1)
    }

    /// Past "(LNA)" at token `at`, if one stands there.
    fn skip_parenthetical(&self, s: &Sentence, at: usize) -> usize {
        if s.tokens.get(at).is_some_and(|t| t.norm(s) == "(") {
            for k in at + 1..(at + 6).min(s.tokens.len()) {
                if s.tokens[k].norm(s) == ")" {
                    return k + 1;
                }
            }
        }
        at
    }

    fn only_a_place(&self, s: &Sentence, first: usize, state: bool) -> bool {
        let cues = if state {
            &self.state_place_before
        } else {
            &self.place_before
        };
        let capitalised = |t: &crate::text::Token| {
            (t.kind == TokenKind::Word && t.case != Case::Lower) || t.kind == TokenKind::Joiner
        };
        let mut first = first;
        // "the files of Libya and Syria", "in Sirte and Jufra": a name
        // joined to a place is a place
        for _ in 0..MAX_LIST_NAMES {
            // skip "the", a comma and a direction: "the capital, Tripoli",
            // "to eastern Libya"
            let mut end = first;
            while end > 0 {
                let t = &s.tokens[end - 1];
                let w = t.norm(s);
                if w == "the" || w == "," || (t.case == Case::Lower && DIRECTIONS.contains(w)) {
                    end -= 1;
                } else {
                    break;
                }
            }
            if cues.match_ending_at(s, end).is_some() {
                return true;
            }
            // (only "and" and "or": "In Libya, Russia backs Haftar" is no
            // list)
            if end == 0 || !matches!(s.tokens[end - 1].norm(s), "and" | "or") {
                return false;
            }
            end -= 1;
            while end > 0 && s.tokens[end - 1].norm(s) == "," {
                end -= 1;
            }
            let mut p = end;
            while p > 0 && capitalised(&s.tokens[p - 1]) {
                p -= 1;
            }
            if p == end {
                return false;
            }
            first = p;
        }
        false
    }

    /// If an agent noun phrase follows token `i` (within two words), the
    /// index one past it.
    fn agent_phrase_after(&self, s: &Sentence, i: usize) -> Option<usize> {
        // "Iranian-made": a compound adjective, not a nation acting
        if s.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Joiner) {
            return None;
        }
        let mut at = i;
        // two words, or a model name with its joiners ("F-16", "Su-24")
        for _ in 0..5 {
            if let Some(end) = self.agent_nouns.match_at(s, at) {
                // "Ministry of Defense": take the "of X" along.
                let mut end = end;
                if s.tokens.get(end).is_some_and(|t| t.norm(s) == "of")
                    && s.tokens.get(end + 1).is_some_and(|t| t.case == Case::Title)
                {
                    end += 2;
                }
                return Some(end);
            }
            match s.tokens.get(at) {
                Some(t) if matches!(t.kind, TokenKind::Word | TokenKind::Joiner | TokenKind::Number) => at += 1,
                _ => return None,
            }
        }
        None
    }

    /// "the internationally-recognized government of Libya": a body
    /// followed by "of" and its own country is one mention of the body.
    fn of_country(&self, s: &Sentence, all: &[Candidate], mentions: &mut Vec<Mention>) {
        let mut i = 0;
        while i < mentions.len() {
            let a = &mentions[i];
            let actor = self.gazetteer.actor(a.actor);
            let after_of = a.end_token + 1;
            let country = actor.country.filter(|_| {
                actor.kind != ActorKind::State && s.tokens.get(a.end_token).is_some_and(|t| t.norm(s) == "of")
            });
            // the country's name right after "of", whether or not it became
            // a mention of its own (a contested country's name does not)
            let end = country.and_then(|country| {
                all.iter()
                    .filter(|c| c.first == after_of)
                    .filter(|c| {
                        self.entries[c.pattern]
                            .iter()
                            .any(|e| e.kind == EntryKind::Alias && e.actor == country)
                    })
                    .map(|c| c.end)
                    .max()
            });
            if let Some(end) = end {
                mentions[i].end_token = end;
                mentions[i].end = s.tokens[end - 1].end;
                // drop a mention of the country itself
                if mentions.get(i + 1).is_some_and(|b| b.first_token == after_of) {
                    mentions.remove(i + 1);
                }
            }
            i += 1;
        }
    }

    /// Forces named after a leader or a body.
    fn forces(&self, s: &Sentence, mentions: &mut Vec<Mention>) {
        let mut added = Vec::new();
        self.forces_in(s, mentions, &mut added);
        agents::extend(self, s, mentions);
        if !added.is_empty() {
            mentions.extend(added);
            mentions.sort_by_key(|m| m.first_token);
        }
    }

    fn forces_in(&self, s: &Sentence, mentions: &mut [Mention], added: &mut Vec<Mention>) {
        for i in 0..mentions.len() {
            let m = &mentions[i];
            let actor = self.gazetteer.actor(m.actor);
            let target = match (actor.kind, actor.affiliation) {
                (ActorKind::Person, Some(aff)) => aff,
                (ActorKind::Person, None) => continue,
                _ => m.actor,
            };
            // "Haftar's forces", "Haftar forces"
            let mut after = m.end_token;
            if s.tokens.get(after).is_some_and(|t| t.kind == TokenKind::Possessive) {
                after += 1;
            }
            let free = |end: usize| mentions.get(i + 1).is_none_or(|n| n.first_token >= end);
            if let Some(end) = self.force_nouns.match_at(s, after).filter(|&e| free(e)) {
                let m = &mut mentions[i];
                m.inner.push((m.actor, m.start, m.end));
                m.end_token = end;
                m.end = s.tokens[end - 1].end;
                m.actor = target;
                m.how = if actor.kind == ActorKind::Person {
                    LinkHow::Forces
                } else {
                    m.how
                };
                continue;
            }
            // "rebel forces and militia groups under Haftar's command"
            let m = &mentions[i];
            let under = m.first_token >= 2 && s.tokens[m.first_token - 1].norm(s) == "under";
            let command = s
                .tokens
                .get(m.end_token)
                .is_some_and(|t| t.kind == TokenKind::Possessive)
                && s.tokens.get(m.end_token + 1).is_some_and(|t| t.norm(s) == "command");
            if under && command && actor.kind == ActorKind::Person {
                let prev_end = if i > 0 { mentions[i - 1].end_token } else { 0 };
                let stop = m.first_token - 1;
                let lo = stop.saturating_sub(8).max(prev_end);
                // the first force noun of the phrase before "under"
                let force = (lo..stop)
                    .filter(|&k| s.tokens[k..stop].iter().all(|t| t.kind != TokenKind::Punct))
                    .find_map(|k| self.force_nouns.match_at(s, k).map(|e| (k, e)));
                let free = |a: usize, b: usize| {
                    mentions
                        .iter()
                        .chain(added.iter())
                        .all(|x| x.end_token <= a || x.first_token >= b)
                };
                if let Some((k, e)) = force.filter(|&(k, e)| free(k.saturating_sub(1), e)) {
                    let start = if k > lo && s.tokens[k - 1].case == Case::Lower && s.tokens[k - 1].norm(s) != "the" {
                        k - 1
                    } else {
                        k
                    };
                    added.push(Mention {
                        sentence: s.index,
                        first_token: start,
                        end_token: e,
                        start: s.tokens[start].start,
                        end: s.tokens[e - 1].end,
                        actor: target,
                        how: LinkHow::Forces,
                        score: 0.8,
                        inner: Vec::new(),
                    });
                }
            }
            // "forces of Haftar"
            let m = &mentions[i];
            if m.first_token >= 2 && s.tokens[m.first_token - 1].norm(s) == "of" {
                let prev_end = if i > 0 { mentions[i - 1].end_token } else { 0 };
                if let Some(start) = self.force_nouns.match_ending_at(s, m.first_token - 1) {
                    if start >= prev_end && actor.kind == ActorKind::Person {
                        let m = &mut mentions[i];
                        m.inner.push((m.actor, m.start, m.end));
                        m.first_token = start;
                        m.start = s.tokens[start].start;
                        m.actor = target;
                        m.how = LinkHow::Forces;
                    }
                }
            }
        }
    }
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

/// A set of hashes as a table of bits (a Bloom filter of one hash):
/// "no" is certain, "yes" needs the real lookup.
#[derive(Debug, Clone)]
struct HashBits(Vec<u64>);

impl HashBits {
    /// 2^16 bits (8 KB): for a few thousand hashes, a "yes" for about
    /// one word in twenty that starts no pattern.
    const BITS: u32 = 16;

    fn new(hashes: impl Iterator<Item = u64>) -> Self {
        let mut table = vec![0u64; 1 << (Self::BITS - 6)];
        for h in hashes {
            let b = Self::bit(h);
            table[b >> 6] |= 1 << (b & 63);
        }
        HashBits(table)
    }

    fn bit(hash: u64) -> usize {
        // the high bits: FxHash mixes into them
        (hash >> (64 - Self::BITS)) as usize
    }

    fn may_hold(&self, hash: u64) -> bool {
        let b = Self::bit(hash);
        self.0[b >> 6] & (1 << (b & 63)) != 0
    }
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
fn joined_words<'a>(s: &Sentence, tokens: impl Iterator<Item = &'a crate::text::Token>) -> String {
    let mut out = String::new();
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
