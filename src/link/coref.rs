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

use super::{DocActors, DocState, LinkHow, Linker, Mention};
use crate::link::gazetteer::{ActorId, ActorKind, Gender};
use crate::text::{Case, Sentence, TokenKind};

/// How many sentences back a pronoun or description looks.
const LOOKBACK: usize = 4;

const MALE: &[&str] = &["he", "him", "his", "himself"];
const FEMALE: &[&str] = &["she", "her", "hers", "herself"];
const NEUTER: &[&str] = &["it", "its", "itself"];
// "them" is left alone: it is as often the persons just listed.
const PLURAL: &[&str] = &["they"];
/// Adjectives that may stand in a role description: "the top Russian
/// diplomat", "the former Ukrainian president".
const ROLE_ADJECTIVES: &[&str] = &["top", "former", "chief", "senior", "new", "main", "visiting", "acting"];

pub(super) fn resolve(l: &Linker, s: &Sentence, mentions: &mut Vec<Mention>, state: &DocState) {
    government_of_country(l, s, mentions, state);
    descriptions(l, s, mentions, state);
    bodies(l, s, mentions, state);
    pronouns(l, s, mentions, state);
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
            .map(|(_, a, _)| *a)
    });
    here.chain(earlier)
}

fn push(s: &Sentence, mentions: &mut Vec<Mention>, first: usize, end: usize, actor: ActorId, score: f32) {
    mentions.push(Mention {
        sentence: s.index,
        first_token: first,
        end_token: end,
        start: s.tokens[first].start,
        end: s.tokens[end - 1].end,
        actor,
        how: LinkHow::Coreference,
        score,
        inner: Vec::new(),
    });
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
            None => (l.demonym_at(s, j), None),
        };
        let Some(nation_actor) = nation_actor else {
            i += 1;
            continue;
        };
        if replaced.is_none() {
            j += 1;
        }
        while j < n && ROLE_ADJECTIVES.contains(&s.tokens[j].norm(s)) && cov[j].is_none() {
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
        while first > 0 && cov[first - 1].is_none() && ROLE_ADJECTIVES.contains(&s.tokens[first - 1].norm(s)) {
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
        // "the council" names a body; "the delegate", "the envoy" a person
        let office = l.role_nouns.match_at(s, i) == Some(i + 1);
        if !l.body_nouns.contains(noun) && !office {
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
            .find(|(_, a, w)| body(*a) && w.split(' ').any(|x| x == noun))
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
    for (i, c) in cov.iter().enumerate() {
        if c.is_some() || s.tokens[i].kind != TokenKind::Word {
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
        let actor = antecedents(s, mentions, i, state).find(|&a| want(g.actor(a)));
        if let Some(actor) = actor {
            push(s, mentions, i, i + 1, actor, 0.5);
            mentions.sort_by_key(|m| m.first_token);
        }
    }
}
