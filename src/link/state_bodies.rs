//! A state's own bodies named by their common noun alone: "the lower
//! house", "parliament's lower house", "the parliament" in a story about
//! Somalia are Somalia's.
//!
//! Nothing is listed for this: the phrasings come from the gazetteer. An
//! alias made of a state's demonym and lower-case words ("Somali lower
//! house", "Kenyan parliament") says that the words, in a story about
//! that state, name the alias's actor. The state is the one the sentence
//! names before the noun, else the one the story is most about.

use rustc_hash::FxHashMap;

use super::phrases::PhraseSet;
use super::{ActorId, ActorKind, DocState, Gazetteer, Linker, Mention};
use crate::text::{Case, Sentence, TokenKind};

/// The common nouns of states' bodies, derived from the gazetteer.
pub(super) struct StateBodies {
    /// Every noun phrase some state's body is named by.
    nouns: PhraseSet,
    /// (state, normalised noun phrase) -> the body.
    by_state: FxHashMap<(ActorId, String), ActorId>,
}

impl StateBodies {
    /// Read the "DEMONYM noun" aliases of the gazetteer's non-state actors
    /// that belong to the demonym's state. A noun phrase two bodies of one
    /// state share names neither.
    pub(super) fn new(g: &Gazetteer, demonyms: &FxHashMap<String, ActorId>) -> Self {
        let mut by_state: FxHashMap<(ActorId, String), Option<ActorId>> = FxHashMap::default();
        for (i, a) in g.actors().iter().enumerate() {
            if a.kind == ActorKind::State {
                continue;
            }
            let id = ActorId(i as u32);
            let owner = a.affiliation.or(a.country);
            for alias in &a.aliases {
                let Some((first, rest)) = alias.split_once(' ') else {
                    continue;
                };
                if rest.is_empty() || rest.chars().any(|c| c.is_uppercase()) {
                    continue;
                }
                let Some(&state) = demonyms.get(&crate::text::normalize_word(first)) else {
                    continue;
                };
                if owner != Some(state) {
                    continue;
                }
                let key = (state, crate::text::normalize_phrase(rest).0.trim().to_string());
                let e = by_state.entry(key).or_insert(Some(id));
                if *e != Some(id) {
                    *e = None;
                }
            }
        }
        let by_state: FxHashMap<(ActorId, String), ActorId> =
            by_state.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect();
        let mut nouns: Vec<String> = by_state.keys().map(|(_, n)| n.clone()).collect();
        nouns.sort();
        nouns.dedup();
        StateBodies {
            nouns: PhraseSet::new(&nouns),
            by_state,
        }
    }
}

/// Link "the lower house", "parliament's lower house" to the body of the
/// sentence's (or the story's) state that the gazetteer names so.
pub(super) fn resolve(l: &Linker, s: &Sentence, mentions: &mut Vec<Mention>, state: &DocState) {
    let bodies = &l.state_bodies;
    if !bodies.nouns.may_occur_in(s) {
        return;
    }
    let n = s.tokens.len();
    let g = l.doc_actors(state);
    let mut i = 0;
    while i < n {
        let free = |k: usize| mentions.iter().all(|m| k < m.first_token || k >= m.end_token);
        let Some(end) = bodies.nouns.match_at(s, i).filter(|&e| {
            (i..e).all(|k| free(k) && (s.tokens[k].case == Case::Lower || k == 0))
                && !super::coref::thing_after(s, e)
                && l.role_nouns.match_at(s, e).is_none()
        }) else {
            i += 1;
            continue;
        };
        // "the lower house", "parliament's lower house", "Parliament voted"
        // (the owner's noun is left out of the mention, as the gold
        // writes it)
        let opened = i == 0
            || s.tokens[i - 1].norm(s) == "the"
            || (s.tokens[i - 1].kind == TokenKind::Possessive
                && i >= 2
                && bodies.nouns.match_ending_at(s, i - 1).is_some());
        if opened {
            // the state named before the noun in this sentence, else the
            // story's
            let here = mentions
                .iter()
                .rev()
                .filter(|m| m.end_token <= i)
                .find(|m| g.actor(m.actor).kind == ActorKind::State)
                .map(|m| m.actor);
            // (token forms are normal already)
            let noun = joined(s, i, end);
            let body = here
                .or_else(|| super::coref::main_state(l, state))
                .and_then(|st| bodies.by_state.get(&(st, noun)).copied());
            if let Some(body) = body {
                mentions.push(Mention::spanning(s, i, end, body, super::LinkHow::Coreference, 0.6));
                mentions.sort_by_key(|m| m.first_token);
            }
        }
        i = end;
    }
}

/// The words of tokens `a..b`, joined by spaces.
fn joined(s: &Sentence, a: usize, b: usize) -> String {
    s.tokens[a..b].iter().map(|t| t.norm(s)).collect::<Vec<_>>().join(" ")
}
