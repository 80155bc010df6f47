//! Coreference: phrases that name an actor named before.
//!
//! - role descriptions: "the Egyptian leader", "his Libyan counterpart,
//!   Mohamed Siala", "the US official": a person of that country, named in
//!   apposition right after or else earlier in the document;
//! - body descriptions: "the council", "the mission", "the government": the
//!   last actor whose mention held that noun;
//! - "the Libyan authorities": the Libyan government named in the
//!   document, if any, rather than the state;
//! - pronouns: he / him / his and she / her to the most salient person of
//!   the right gender (the subject of the same sentence, else of the
//!   nearest sentence before that names one); it / its to the most
//!   salient actor that is not a person.
//!
//! When no antecedent fits, the phrase stays unlinked.

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Deserialize;

use super::{DocActors, DocState, LinkHow, Linker, Mention, PhraseSet};
use crate::link::gazetteer::{ActorId, ActorKind, Gender};
use crate::text::{Case, Sentence, StaticWords, TokenKind};

mod offices;

use offices::{leader_state, loyal_to, offices};

/// One kind of definite description ("the rebels") and the kinds of actor
/// it may name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DescriptionSpec {
    nouns: Vec<String>,
    kinds: Vec<ActorKind>,
    /// The army of the state found, where the gazetteer has one of its
    /// own; the description must head its phrase ("the military said",
    /// not "the military base").
    #[serde(default)]
    army: bool,
}

/// The words coreference reads (`coref.ron`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CorefFile {
    descriptions: Vec<DescriptionSpec>,
    latter: Vec<String>,
    government_nouns: Vec<String>,
    country_nouns: Vec<String>,
    loyal_heads: Vec<String>,
    chair_nouns: Vec<String>,
    object_prepositions: Vec<String>,
    attached_before: Vec<String>,
    coordinators: Vec<String>,
    clause_openers: Vec<String>,
    after_object: Vec<String>,
    thing_nouns: Vec<String>,
    bare_modifiers: Vec<String>,
    linked_participles: Vec<String>,
}

/// [`CorefFile`] as phrase sets.
struct CorefCues {
    descriptions: Vec<(PhraseSet, Vec<ActorKind>, bool)>,
    /// Every noun of `descriptions`: a token that starts none of them is
    /// passed with one lookup.
    any_description: PhraseSet,
    latter: PhraseSet,
    government_nouns: PhraseSet,
    country_nouns: PhraseSet,
    loyal_heads: PhraseSet,
    chair_nouns: PhraseSet,
    object_prepositions: PhraseSet,
    attached_before: PhraseSet,
    coordinators: PhraseSet,
    clause_openers: PhraseSet,
    after_object: PhraseSet,
    thing_nouns: PhraseSet,
    /// "suspected militants": a word that lets an armed group's
    /// description stand without an article.
    bare_modifiers: PhraseSet,
    /// "al-Qaida-linked militants": the participle of a compound that does
    /// the same (the compound's name is another group's).
    linked_participles: PhraseSet,
}

const COREF_CUES: &str = include_str!("coref.ron");

fn cues() -> &'static CorefCues {
    static CUES: OnceLock<CorefCues> = OnceLock::new();
    CUES.get_or_init(|| {
        let f: CorefFile = ron::from_str(COREF_CUES).expect("embedded coref.ron is valid");
        CorefCues {
            descriptions: f
                .descriptions
                .iter()
                .map(|d| (PhraseSet::new(&d.nouns), d.kinds.clone(), d.army))
                .collect(),
            any_description: PhraseSet::new(&f.descriptions.iter().flat_map(|d| d.nouns.clone()).collect::<Vec<_>>()),
            latter: PhraseSet::new(&f.latter),
            government_nouns: PhraseSet::new(&f.government_nouns),
            country_nouns: PhraseSet::new(&f.country_nouns),
            loyal_heads: PhraseSet::new(&f.loyal_heads),
            chair_nouns: PhraseSet::new(&f.chair_nouns),
            object_prepositions: PhraseSet::new(&f.object_prepositions),
            attached_before: PhraseSet::new(&f.attached_before),
            coordinators: PhraseSet::new(&f.coordinators),
            clause_openers: PhraseSet::new(&f.clause_openers),
            after_object: PhraseSet::new(&f.after_object),
            thing_nouns: PhraseSet::new(&f.thing_nouns),
            bare_modifiers: PhraseSet::new(&f.bare_modifiers),
            linked_participles: PhraseSet::new(&f.linked_participles),
        }
    })
}

/// How many sentences back a pronoun or description looks.
pub(super) const LOOKBACK: usize = 4;

const MALE: &[&str] = &["he", "him", "his", "himself"];
const FEMALE: &[&str] = &["she", "her", "hers", "herself"];
const NEUTER: &[&str] = &["it", "its", "itself"];
// "them" is left alone: it is as often the persons just listed.
const PLURAL: &[&str] = &["they"];
/// Adjectives that may stand in a role description: "the top Russian
/// diplomat", "the former Ukrainian president".
static ROLE_ADJECTIVES: StaticWords =
    StaticWords::new(&["top", "former", "chief", "senior", "new", "main", "visiting", "acting"]);
/// The word of "troops loyal to X" that [`loyal_to`] needs.
static LOYAL: StaticWords = StaticWords::new(&["loyal"]);
/// Every word of [`MALE`], [`FEMALE`], [`NEUTER`] and [`PLURAL`]: most
/// tokens are none, and one lookup says so.
static PRONOUNS: StaticWords = StaticWords::new(&[
    "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they",
]);

pub(super) fn resolve(
    l: &Linker,
    s: &Sentence,
    mentions: &mut Vec<Mention>,
    state: &DocState,
    date: Option<NaiveDate>,
) {
    // Each pass looks for words of its own; a sentence with none of them
    // (most sentences, for most passes) is passed over whole.
    let roles = l.role_nouns.may_occur_in(s);
    government_of_country(l, s, mentions, state);
    super::armies::armies_of_countries(l, s, mentions);
    if roles {
        descriptions(l, s, mentions, state);
    }
    chairs(l, s, mentions);
    leader_state(l, s, mentions, state, date);
    // (before "the council": "the upper house" is the state's upper
    // house, not the last body named with "house")
    super::state_bodies::resolve(l, s, mentions, state);
    if roles || (0..s.tokens.len()).any(|i| l.body_nouns.contains_at(s, i)) {
        bodies(l, s, mentions, state);
    }
    mentions.sort_by_key(|m| m.first_token);
    if cues().any_description.may_occur_in(s) {
        kinds(l, s, mentions, state);
    }
    if cues().latter.may_occur_in(s) {
        latter(s, mentions, state);
    }
    super::groups::resolve(l, s, mentions, state);
    pronouns(l, s, mentions, state);
    mentions.sort_by_key(|m| m.first_token);
    // "his government": the state of the person the pronoun names
    if cues().government_nouns.may_occur_in(s) || cues().country_nouns.may_occur_in(s) {
        leader_state(l, s, mentions, state, date);
    }
    if s.tokens.iter().any(|t| l.offices.may_start(t.first_word_hash)) {
        offices(l, s, mentions, state, date);
    }
    let loyal = LOYAL.set();
    if (0..s.tokens.len()).any(|i| loyal.contains_at(s, i)) {
        loyal_to(l, s, mentions, state);
    }
    mentions.sort_by_key(|m| m.first_token);
}

fn covered(mentions: &[Mention], n: usize) -> Vec<Option<usize>> {
    let mut c = vec![None; n];
    for (k, m) in mentions.iter().enumerate() {
        c[m.first_token..m.end_token].iter_mut().for_each(|x| *x = Some(k));
    }
    c
}

/// The state an actor belongs to: itself for a state, else its country, else
/// its affiliation's (followed up the chain), else the last affiliation.
pub(super) fn nation(g: DocActors, a: ActorId) -> Option<ActorId> {
    /// Affiliations followed at most: a user's file may make them a cycle.
    const MAX_LINKS: usize = 8;
    let mut at = a;
    // else the last affiliation of the chain
    let mut last = None;
    for _ in 0..MAX_LINKS {
        let actor = g.actor(at);
        if actor.kind == ActorKind::State {
            return Some(at);
        }
        if let Some(c) = actor.country {
            return Some(c);
        }
        match actor.affiliation {
            Some(f) => {
                last = Some(f);
                at = f;
            }
            None => break,
        }
    }
    last
}

/// The state an actor speaks for: a person's is that of the body they
/// act for (none for a UN or NATO official, whatever their nationality),
/// else the actor's [`nation`]. "Guterres met the prime minister" names no
/// Portuguese prime minister.
pub(super) fn acts_for(g: DocActors, a: ActorId) -> Option<ActorId> {
    let actor = g.actor(a);
    match actor.affiliation {
        Some(f) if actor.kind == ActorKind::Person => nation(g, f),
        _ => nation(g, a),
    }
}

/// "the Libyan authorities" -> the Libyan government named in the document.
fn government_of_country(l: &Linker, s: &Sentence, mentions: &mut [Mention], state: &DocState) {
    let g = l.doc_actors(state);
    for m in mentions.iter_mut().filter(|m| m.how == LinkHow::Demonym) {
        let head_is_government =
            (m.first_token + 1..m.end_token).any(|i| l.government_nouns.match_at(s, i) == Some(m.end_token));
        if !head_is_government {
            continue;
        }
        let state_id = m.actor;
        if let Some(&gov) = state
            .seen
            .iter()
            .rev()
            .find(|&&a| g.actor(a).kind == ActorKind::Government && g.actor(a).country == Some(state_id))
        {
            m.actor = gov;
            m.how = LinkHow::Coreference;
            m.score = 0.7;
        }
    }
}

/// Candidate antecedents, most salient first: persons (or non-persons) of
/// this sentence before `before`, then of earlier sentences, each
/// sentence's first mention first.
fn antecedents<'a>(
    s: &Sentence,
    mentions: &'a [Mention],
    before: usize,
    state: &'a DocState,
) -> impl Iterator<Item = ActorId> + 'a {
    let here = mentions.iter().filter(move |m| m.end_token <= before).map(|m| m.actor);
    let index = s.index;
    // the history is in sentence order: only its tail can be near, so a
    // long document costs no more per pronoun than a short one
    let near = state.history.partition_point(|(si, ..)| *si + LOOKBACK < index);
    let tail = &state.history[near..];
    let earlier = (1..=LOOKBACK).flat_map(move |back| {
        tail.iter()
            .filter(move |(si, ..)| index >= back && *si == index - back)
            .map(|(_, a, ..)| *a)
    });
    here.chain(earlier)
}

fn push(s: &Sentence, mentions: &mut Vec<Mention>, first: usize, end: usize, actor: ActorId, score: f32) {
    mentions.push(make(s, first, end, actor, score));
}

/// "the Egyptian leader", "his Libyan counterpart, Mohamed Siala", "the US
/// official", "Russia's top diplomat".
fn descriptions(l: &Linker, s: &Sentence, mentions: &mut Vec<Mention>, state: &DocState) {
    let g = l.doc_actors(state);
    let n = s.tokens.len();
    let mut i = 0;
    let mut cov = covered(mentions, n);
    while i < n {
        // the nation: a demonym word left unlinked, or a mention of a
        // state or body ("US official", "UN chief", "Russia's")
        let mut j = i;
        let (nation_actor, replaced) = match cov[j] {
            Some(k) if matches!(g.actor(mentions[k].actor).kind, ActorKind::State | ActorKind::Igo) => {
                let m = &mentions[k];
                if m.first_token != j || m.how == LinkHow::Coreference {
                    i += 1;
                    continue;
                }
                j = m.end_token;
                if s.tokens.get(j).is_some_and(|t| t.kind == TokenKind::Possessive) {
                    j += 1;
                }
                (Some(m.actor), Some(k))
            }
            Some(_) => {
                i += 1;
                continue;
            }
            None => (l.demonym_seen_at(s, j, &state.seen), None),
        };
        let Some(nation_actor) = nation_actor else {
            i += 1;
            continue;
        };
        if replaced.is_none() {
            j += 1;
        }
        while j < n && ROLE_ADJECTIVES.contains(s.tokens[j].norm(s)) && cov[j].is_none() {
            j += 1;
        }
        let Some(end) = l
            .role_nouns
            .match_at(s, j)
            .filter(|&e| (j..e).all(|x| cov[x].is_none()))
        else {
            i += 1;
            continue;
        };
        // the description takes the adjectives before the nation ("top
        // Russian diplomat") but not the determiner, as the gold writes it
        let mut first = i;
        while first > 0 && cov[first - 1].is_none() && ROLE_ADJECTIVES.contains(s.tokens[first - 1].norm(s)) {
            first -= 1;
        }
        // apposition: ", NAME" right after
        let appositive = (s.tokens.get(end).is_some_and(|t| t.norm(s) == ","))
            .then(|| cov.get(end + 1).copied().flatten())
            .flatten()
            .filter(|&k| g.actor(mentions[k].actor).kind == ActorKind::Person)
            .map(|k| mentions[k].actor);
        // glued to a name ("his American counterpart Donald Trump"): the
        // name speaks for itself
        let glued = cov
            .get(end)
            .copied()
            .flatten()
            .filter(|&k| g.actor(mentions[k].actor).kind == ActorKind::Person)
            .map(|k| mentions[k].actor);
        let fits = |a: ActorId| g.actor(a).kind == ActorKind::Person && nation(g, a) == Some(nation_actor);
        let actor = appositive
            .or(glued)
            .or_else(|| antecedents(s, mentions, first, state).find(|&a| fits(a)));
        if let Some(actor) = actor {
            // "Nigeria's defense minister": the state stays a name inside
            let inside = replaced.map(|k| {
                let m = mentions.remove(k);
                (m.actor, m.start, m.end)
            });
            push(s, mentions, first, end, actor, 0.7);
            if let (Some(x), Some(m)) = (inside, mentions.last_mut()) {
                m.inner.push(x);
            }
            mentions.sort_by_key(|m| m.first_token);
            cov = covered(mentions, n);
        }
        i = end.max(i + 1);
    }
}

/// "the council", "the mission": the last actor whose mention held the noun.
fn bodies(l: &Linker, s: &Sentence, mentions: &mut Vec<Mention>, state: &DocState) {
    let n = s.tokens.len();
    let cov = covered(mentions, n);
    let mut found = Vec::new();
    for i in 1..n {
        let t = &s.tokens[i];
        if cov[i].is_some() || t.case != Case::Lower {
            continue;
        }
        // "the council" names a body; "the delegate", "the envoy" a person
        let office = l.role_nouns.match_at(s, i) == Some(i + 1);
        if !office && !l.body_nouns.contains_at(s, i) {
            continue;
        }
        // "the council", "this council", "the international court"
        let det = |k: usize| matches!(s.tokens[k].norm(s), "the" | "this" | "that");
        let start = if det(i - 1) {
            i - 1
        } else if i >= 2 && det(i - 2) && s.tokens[i - 1].case == Case::Lower && s.tokens[i - 1].kind == TokenKind::Word
        {
            i - 2
        } else {
            continue;
        };
        if (start..i).any(|k| cov[k].is_some()) {
            continue;
        }
        let noun = t.norm(s);
        // "the army chief" is a person, not the army
        if l.role_nouns.match_at(s, i + 1).is_some() || l.role_nouns.match_at(s, i).is_some_and(|e| e > i + 1) {
            continue;
        }
        // this sentence first (before the phrase), then the document; a
        // body is no person ("head of the Presidency Council" names Sarraj)
        let g = l.doc_actors(state);
        let body = |a: ActorId| (g.actor(a).kind == ActorKind::Person) == office;
        let here = mentions
            .iter()
            .rev()
            .filter(|m| m.end_token <= i && m.how != LinkHow::Coreference && body(m.actor))
            .find(|m| s.tokens[m.first_token..m.end_token].iter().any(|x| x.norm(s) == noun))
            .map(|m| m.actor);
        let before = state
            .history
            .iter()
            .rev()
            .find(|(_, a, w, _)| body(*a) && w.split(' ').any(|x| x == noun))
            .map(|x| x.1);
        if let Some(actor) = here.or(before) {
            found.push((start + 1, i + 1, actor));
        }
    }
    for (a, b, actor) in found {
        push(s, mentions, a, b, actor, 0.6);
    }
}

/// he / she / it and their possessives.
fn pronouns(l: &Linker, s: &Sentence, mentions: &mut Vec<Mention>, state: &DocState) {
    let g = l.doc_actors(state);
    let n = s.tokens.len();
    let cov = covered(mentions, n);
    let pronouns = PRONOUNS.set();
    for (i, c) in cov.iter().enumerate() {
        if c.is_some() || s.tokens[i].kind != TokenKind::Word {
            continue;
        }
        if !pronouns.contains_at(s, i) {
            continue;
        }
        let w = s.tokens[i].norm(s);
        let want: fn(&crate::link::Actor) -> bool = if MALE.contains(&w) {
            |a| a.kind == ActorKind::Person && a.gender != Some(Gender::Female)
        } else if FEMALE.contains(&w) {
            |a| a.kind == ActorKind::Person && a.gender != Some(Gender::Male)
        } else if NEUTER.contains(&w) {
            |a| a.kind != ActorKind::Person
        } else if PLURAL.contains(&w) {
            // "they" are a group acting together, most often the armed
            // group or body named just before
            let nearest = mentions
                .iter()
                .rev()
                .filter(|m| m.end_token <= i)
                .map(|m| m.actor)
                .find(|&a| {
                    matches!(
                        g.actor(a).kind,
                        ActorKind::ArmedGroup | ActorKind::Government | ActorKind::Party
                    )
                });
            if let Some(actor) = nearest {
                push(s, mentions, i, i + 1, actor, 0.4);
                mentions.sort_by_key(|m| m.first_token);
            }
            continue;
        } else {
            continue;
        };
        // "it" as a dummy subject ("it is noteworthy that") names nothing
        let be = |k: usize| s.tokens.get(k).is_some_and(|t| matches!(t.norm(s), "is" | "was"));
        let that = |k: usize| s.tokens.get(k).is_some_and(|t| matches!(t.norm(s), "that" | "to"));
        if w == "it" && be(i + 1) && (that(i + 2) || that(i + 3)) {
            continue;
        }
        // each pronoun is an antecedent for the next: "He met A, and last
        // week he met B"
        let actor = if NEUTER.contains(&w) {
            neuter_antecedent(l, s, mentions, i, state)
        } else {
            antecedents(s, mentions, i, state).find(|&a| want(g.actor(a)))
        };
        if let Some(actor) = actor {
            // "its fighters" are the actor's armed men: one mention
            let end = if w == "its" {
                l.force_nouns
                    .match_at(s, i + 1)
                    .filter(|&e| (i + 1..e).all(|k| cov[k].is_none()))
                    .unwrap_or(i + 1)
            } else {
                i + 1
            };
            push(s, mentions, i, end, actor, 0.5);
            mentions.sort_by_key(|m| m.first_token);
        }
    }
}

/// How far from a pronoun its clause's bounds are looked for, in tokens.
const CLAUSE_WINDOW: usize = 60;

/// How many of `mentions` (in text order) start before token `k`.
fn starting_before(mentions: &[Mention], k: usize) -> usize {
    mentions.partition_point(|m| m.first_token < k)
}

/// Whether token `k` opens a clause: a clause word, a comma or a semicolon.
fn opens_clause(s: &Sentence, k: usize) -> bool {
    matches!(s.tokens[k].norm(s), "," | ";" | ":") || cues().clause_openers.match_at(s, k) == Some(k + 1)
}

/// The antecedent of "it" / "its" at token `i`: not a person; in the
/// pronoun's own clause its subject, unless the pronoun is that clause's
/// subject or object (a pronoun names no other argument of its verb:
/// "It accused the bloc" is not the bloc); else the most salient actor
/// before. An object "it" after a definite noun phrase that names no actor
/// ("backs the mission, but opposes it") is that phrase, and stays
/// unlinked.
fn neuter_antecedent(l: &Linker, s: &Sentence, mentions: &[Mention], i: usize, state: &DocState) -> Option<ActorId> {
    let g = l.doc_actors(state);
    let c = cues();
    let fits = |a: ActorId| g.actor(a).kind != ActorKind::Person;
    let w = s.tokens[i].norm(s);
    // "ties with Algeria over its support": the nearest actor
    if w == "its" && i > 0 && c.attached_before.match_at(s, i - 1) == Some(i) {
        let before = &mentions[..starting_before(mentions, i)];
        if let Some(m) = before.iter().rev().find(|m| m.end_token <= i && fits(m.actor)) {
            return Some(m.actor);
        }
    }
    // "stood by Egypt and its right", "sanctioned Iran and its proxies":
    // the name coordinated right before
    if w == "its" && i > 1 && c.coordinators.match_at(s, i - 1) == Some(i) {
        let before = &mentions[..starting_before(mentions, i)];
        if let Some(m) = before.last().filter(|m| m.end_token == i - 1 && fits(m.actor)) {
            return Some(m.actor);
        }
    }
    // clauses are looked for in a window, and only the mentions near the
    // pronoun are read, so that a run-on sentence costs no more per
    // pronoun than a short one
    let lo = i.saturating_sub(CLAUSE_WINDOW);
    let hi = s.tokens.len().min(i + CLAUSE_WINDOW);
    let clause_start = (lo..i).rev().find(|&k| opens_clause(s, k)).map_or(lo, |k| k + 1);
    let clause_end = (i + 1..hi).find(|&k| opens_clause(s, k)).unwrap_or(hi);
    let first_of_sentence = mentions.first().filter(|m| m.end_token <= i);
    let all = mentions;
    let mentions = &all[starting_before(all, lo)..starting_before(all, clause_end)];
    // "opposes it.", "accusing it of": an object; "said it will": a subject
    let subject_position = s
        .tokens
        .get(i + 1)
        .is_some_and(|t| t.kind != TokenKind::Punct && c.after_object.match_at(s, i + 1).is_none());
    let in_clause_before = |m: &&Mention| m.first_token >= clause_start && m.end_token <= i;
    let mut excluded: Vec<ActorId> = Vec::new();
    if w == "it" {
        if subject_position {
            // "It had accused the bloc": not the bloc
            excluded.extend(
                mentions
                    .iter()
                    .filter(|m| m.first_token > i && m.end_token <= clause_end)
                    .map(|m| m.actor),
            );
        } else {
            // "Uganda opposes it", ", accusing it": not the subject
            let subject = mentions.iter().find(in_clause_before).or(first_of_sentence);
            excluded.extend(subject.map(|m| m.actor));
        }
    }
    let allowed = |a: ActorId| fits(a) && !excluded.contains(&a);
    // the subject of the pronoun's own clause ("if ECOWAS ends its
    // sanctions"): not an object of a preposition
    let after_preposition =
        |m: &Mention| m.first_token > 0 && c.object_prepositions.match_at(s, m.first_token - 1) == Some(m.first_token);
    // "its right to protect its borders": a second "its" in the clause is
    // the first one's
    if w == "its" {
        let earlier = mentions
            .iter()
            .rev()
            .filter(in_clause_before)
            .find(|m| is_pronoun(s, m));
        if let Some(m) = earlier.filter(|m| NEUTER.contains(&s.tokens[m.first_token].norm(s))) {
            return Some(m.actor);
        }
    }
    if w == "its" || !subject_position {
        if let Some(m) = mentions
            .iter()
            .filter(in_clause_before)
            .find(|m| allowed(m.actor) && !after_preposition(m))
        {
            return Some(m.actor);
        }
    }
    let actor = antecedents(s, all, i, state).find(|&a| allowed(a))?;
    if w == "it" && !subject_position {
        // a definite noun phrase naming no actor between the antecedent's
        // last mention and the pronoun is what "it" refers to
        let from = mentions
            .iter()
            .filter(|m| m.end_token <= i && m.actor == actor)
            .map(|m| m.end_token)
            .next_back()
            .unwrap_or(lo);
        let free = |k: usize| !mentions.iter().any(|m| m.first_token <= k && k < m.end_token);
        let unlinked_np = (from..i.saturating_sub(1)).any(|k| {
            s.tokens[k].norm(s) == "the"
                && free(k)
                && free(k + 1)
                && s.tokens[k + 1].kind == TokenKind::Word
                && s.tokens[k + 1].case == Case::Lower
        });
        if unlinked_np {
            return None;
        }
    }
    Some(actor)
}

/// Actors named before token `before`, nearest first: this sentence's
/// mentions from the last back, then the sentences before.
fn nearest<'a>(
    mentions: &'a [Mention],
    s: &Sentence,
    before: usize,
    state: &'a DocState,
) -> impl Iterator<Item = ActorId> + 'a {
    let index = s.index;
    let near = state.history.partition_point(|(si, ..)| *si + LOOKBACK < index);
    mentions[..starting_before(mentions, before)]
        .iter()
        .rev()
        .filter(move |m| m.end_token <= before)
        .map(|m| m.actor)
        .chain(state.history[near..].iter().rev().map(|(_, a, ..)| *a))
}

/// "the rebels", "the bloc", "the junta", "Federal troops": the nearest
/// actor named before whose kind the description fits.
fn kinds(l: &Linker, s: &Sentence, mentions: &mut Vec<Mention>, state: &DocState) {
    let g = l.doc_actors(state);
    let n = s.tokens.len();
    let cov = covered(mentions, n);
    let mut found = Vec::new();
    let mut i = 0;
    while i < n {
        // "the bloc", and with up to two modifiers "the 27-nation bloc",
        // "the transatlantic alliance" (not "the two governments": a count
        // names more than one)
        let is_det = |k: usize| matches!(s.tokens[k].norm(s), "the" | "this" | "that") && cov[k].is_none();
        let modifier = |k: usize| {
            let t = &s.tokens[k];
            cov[k].is_none()
                && (t.case == Case::Lower || t.kind == TokenKind::Number)
                && matches!(t.kind, TokenKind::Word | TokenKind::Number)
                && !matches!(
                    t.norm(s),
                    "two" | "both" | "three" | "several" | "other" | "of" | "and" | "or"
                )
        };
        if cues().any_description.match_at(s, i).is_none() {
            i += 1;
            continue;
        }
        // (a compound of joined words, "the 27-nation bloc", "the
        // 15-member body", is one modifier)
        let mut k = i;
        let mut modifiers = 0;
        let first = loop {
            if k > 0 && is_det(k - 1) {
                break Some(k);
            }
            if modifiers == 2 || k == 0 || !modifier(k - 1) {
                break None;
            }
            k -= 1;
            while k >= 2 && s.tokens[k - 1].kind == TokenKind::Joiner && modifier(k - 2) {
                k -= 2;
            }
            modifiers += 1;
        };
        // "Islamist militants", "al-Qaida-linked insurgents", "suspected
        // jihadists": an armed group's description needs no article
        let armed_from = armed_modifier(s, i, &cov);
        let first = first.or_else(|| armed_from.filter(|&a| a > 0 && is_det(a - 1)).map(|a| a - 1));
        let det = first.is_some();
        // "a rival paramilitary force": an indefinite article brings in
        // someone new, never one named before
        let indefinite = (i.saturating_sub(3)..i)
            .any(|k| matches!(s.tokens[k].norm(s), "a" | "an" | "another") && (k + 1..i).all(&modifier));
        let hit = cues().descriptions.iter().find_map(|(nouns, kinds, army)| {
            let end = nouns.match_at(s, i)?;
            // "Federal troops" needs no article, "the rebels" does
            let bare = (end > i + 1 || (armed_from.is_some() && kinds.contains(&ActorKind::ArmedGroup))) && !indefinite;
            (det || bare).then_some((end, kinds, *army))
        });
        let Some((end, kinds, army)) = hit else {
            i += 1;
            continue;
        };
        let lower = (i..end).all(|k| s.tokens[k].case == Case::Lower || (k == 0 && !det));
        let free = (i..end).all(|k| cov[k].is_none());
        // "the rebel group Hamas", "the Group of Seven", "the alliance of
        // Sahel States" name something else
        let capital = |k: usize| {
            s.tokens
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Word && t.case != Case::Lower)
        };
        let named_after = capital(end) || (s.tokens.get(end).is_some_and(|t| t.norm(s) == "of") && capital(end + 1));
        let thing = thing_after(s, end);
        if lower && free && !named_after && !thing && (!army || heads_its_phrase(s, end)) {
            // (the group of "al-Qaida-linked" is not the one meant)
            let from = armed_from.unwrap_or(i);
            let actor = nearest(mentions, s, from, state)
                .find(|&a| kinds.contains(&g.actor(a).kind))
                .or_else(|| {
                    kinds
                        .contains(&ActorKind::State)
                        .then(|| main_state(l, state))
                        .flatten()
                })
                .map(|a| {
                    if army {
                        super::armies::army_of(l, a).unwrap_or(a)
                    } else {
                        a
                    }
                });
            if let Some(actor) = actor {
                found.push((first.unwrap_or(armed_from.unwrap_or(i)), end, actor));
            }
        }
        i = end;
    }
    // (a name inside the modifier, "Iran-backed", stays a mention of its
    // own: the extractor reads the compound)
    for (a, b, actor) in found {
        push(s, mentions, a, b, actor, 0.6);
    }
    mentions.sort_by_key(|m| m.first_token);
}

/// Where the modifier that lets an armed group's description at token
/// `i` stand without an article begins: a creed ("Islamist", "Maoist":
/// a capitalised word in -ist), a word of `bare_modifiers` ("suspected"),
/// or a compound whose participle is one of `linked_participles`
/// ("al-Qaida-linked", "Islamic State-affiliated").
fn armed_modifier(s: &Sentence, i: usize, cov: &[Option<usize>]) -> Option<usize> {
    let before = i.checked_sub(1)?;
    let t = &s.tokens[before];
    if t.kind != TokenKind::Word {
        return None;
    }
    let w = t.norm(s);
    if t.case == Case::Title && cov[before].is_none() && w.len() > 4 && w.ends_with("ist") {
        return Some(before);
    }
    // ("Suspected jihadists ..." opening a sentence)
    if t.case != Case::Upper && cues().bare_modifiers.match_at(s, before).is_some() {
        return Some(before);
    }
    if t.case == Case::Lower && before > 1 && s.tokens[before - 1].kind == TokenKind::Joiner {
        cues().linked_participles.match_at(s, before)?;
        // back over the compound's words and joiners to its first word,
        // and over the whole name it holds ("Islamic State-linked")
        let mut k = before - 1;
        while k > 0 && (s.tokens[k].kind == TokenKind::Joiner || s.tokens[k - 1].kind == TokenKind::Joiner) {
            k -= 1;
        }
        let k = cov[k].map_or(k, |m| k.min(first_of(cov, m, k)));
        return Some(k);
    }
    None
}

/// The first token covered by mention `m`, at or before token `at`.
fn first_of(cov: &[Option<usize>], m: usize, at: usize) -> usize {
    let mut k = at;
    while k > 0 && cov[k - 1] == Some(m) {
        k -= 1;
    }
    k
}

/// The state the document so far is most about: the state named most
/// often, by itself or through an actor of it, the one named last on a
/// tie. "In April, the military removed Bashir", ten sentences into a
/// story about Sudan, is Sudan's military though no sentence near names
/// Sudan.
pub(super) fn main_state(l: &Linker, state: &DocState) -> Option<ActorId> {
    let g = l.doc_actors(state);
    let states = state
        .history
        .iter()
        .filter_map(|(_, a, ..)| acts_for(g, *a).filter(|&n| g.actor(n).kind == ActorKind::State))
        .map(|n| (n, 1));
    tally(states)
        .into_iter()
        .max_by_key(|&(_, count, order)| (count, order))
        .map(|(n, ..)| n)
}

/// Whether a noun for a body's things follows the description ending at
/// `end`, its possessive passed over: "the government building", "the
/// junta's headquarters" are no mentions of the body (`thing_nouns`).
pub(super) fn thing_after(s: &Sentence, end: usize) -> bool {
    let mut after = end;
    if s.tokens.get(after).is_some_and(|t| t.kind == TokenKind::Possessive) {
        after += 1;
    }
    cues().thing_nouns.match_at(s, after).is_some()
}

/// Per actor of `named` (in document order, each with a weight), the sum
/// of its weights and the place of its last mention in `named`.
pub(super) fn tally(named: impl Iterator<Item = (ActorId, u32)>) -> Vec<(ActorId, u32, usize)> {
    let mut out: Vec<(ActorId, u32, usize)> = Vec::new();
    for (order, (a, weight)) in named.enumerate() {
        match out.iter_mut().find(|(x, ..)| *x == a) {
            Some(t) => {
                t.1 += weight;
                t.2 = order;
            }
            None => out.push((a, weight, order)),
        }
    }
    out
}

/// Words after a noun that show it heads its phrase: punctuation, a
/// verb of tense or saying, a relative pronoun ("the army said", "the
/// military, which", "the military has"), where "the military base" goes
/// on with its head.
fn heads_its_phrase(s: &Sentence, end: usize) -> bool {
    const AFTER_HEAD: &[&str] = &[
        "has", "have", "had", "is", "was", "were", "are", "will", "would", "could", "can", "may", "might", "must",
        "should", "said", "says", "which", "who", "that", "and", "or", "also",
    ];
    let Some(t) = s.tokens.get(end) else { return true };
    let w = t.norm(s);
    t.kind == TokenKind::Punct
        || AFTER_HEAD.contains(&w)
        || (t.kind == TokenKind::Word && w.len() > 3 && w.ends_with("ed"))
}

/// "the latter": the last actor named before.
fn latter(s: &Sentence, mentions: &mut Vec<Mention>, state: &DocState) {
    let n = s.tokens.len();
    let cov = covered(mentions, n);
    let mut found = Vec::new();
    for (i, c) in cov.iter().enumerate().skip(1) {
        if c.is_some() {
            continue;
        }
        let Some(end) = cues().latter.match_at(s, i) else {
            continue;
        };
        if s.tokens[i - 1].norm(s) != "the" {
            continue;
        }
        if let Some(actor) = nearest(mentions, s, i, state).next() {
            found.push((i, end, actor));
        }
    }
    for (a, b, actor) in found {
        push(s, mentions, a, b, actor, 0.5);
    }
    mentions.sort_by_key(|m| m.first_token);
}

/// "the ECOWAS chair", "the AU's chairperson" are a person, not the body.
fn chairs(_l: &Linker, s: &Sentence, mentions: &mut Vec<Mention>) {
    mentions.retain(|m| {
        let mut after = m.end_token;
        if s.tokens.get(after).is_some_and(|t| t.kind == TokenKind::Possessive) {
            after += 1;
        }
        m.how == LinkHow::Coreference || cues().chair_nouns.match_at(s, after).is_none()
    });
}

fn make(s: &Sentence, first: usize, end: usize, actor: ActorId, score: f32) -> Mention {
    Mention::spanning(s, first, end, actor, LinkHow::Coreference, score)
}

/// Whether a mention is a pronoun ("his", "it").
fn is_pronoun(s: &Sentence, m: &Mention) -> bool {
    m.how == LinkHow::Coreference && m.end_token == m.first_token + 1 && {
        let w = s.tokens[m.first_token].norm(s);
        PRONOUNS.contains(w)
    }
}

#[cfg(test)]
mod tests;
