//! A group's branch named through the group: "the Islamic State's
//! Mozambique province", "IS's Sahel affiliate", "al-Shabab's branch in
//! Kenya". The group's name, a possessive, a place and a branch noun
//! (`affiliate_nouns` in `cues.ron`) are one mention of the branch, not
//! of the group and the place: the branch fights its own war.
//!
//! The branch is the gazetteer's armed group whose name is the group's
//! with the place in it ("Islamic State Sahel Province"), where exactly
//! one is; else, with found actors on, an armed group of the document's
//! own table labelled after the group, the place and the noun ("Islamic
//! State Mozambique Province").

use super::{found, DocState, LinkHow, Linker, Mention};
use crate::link::gazetteer::{ActorId, ActorKind};
use crate::text::{Case, Sentence, TokenKind};

/// The most words a branch's place has ("West Africa", "Central
/// African Republic").
const MAX_PLACE_WORDS: usize = 3;

/// Join each "GROUP's PLACE NOUN" and "GROUP's NOUN in PLACE" of sentence
/// `s` into one mention of the branch (see the module docs); `find` says
/// whether a branch no gazetteer holds becomes a found actor.
pub(super) fn join(
    l: &Linker,
    text: &str,
    s: &Sentence,
    mentions: &mut Vec<Mention>,
    state: &mut DocState,
    find: bool,
) {
    // most sentences have no possessive after a name
    if !mentions.iter().any(|m| {
        s.tokens
            .get(m.end_token)
            .is_some_and(|t| t.kind == TokenKind::Possessive)
    }) {
        return;
    }
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        let group = m.actor;
        if l.doc_actors(state).actor(group).kind != ActorKind::ArmedGroup
            || !s
                .tokens
                .get(m.end_token)
                .is_some_and(|t| t.kind == TokenKind::Possessive)
        {
            k += 1;
            continue;
        }
        let Some(branch) = branch_after(l, s, m.end_token + 1) else {
            k += 1;
            continue;
        };
        let (first, group_span) = (m.first_token, (m.start, m.end));
        let place = text_of(text, s, branch.place.0, branch.place.1);
        let mut linked = match branch_in_gazetteer(l, group, &place) {
            Some(actor) => vec![Mention::spanning(s, first, branch.end, actor, LinkHow::Variant, 0.9)],
            None if find => {
                let noun = capitalised(s.tokens[branch.noun].norm(s));
                let label = format!("{} {place} {noun}", l.doc_actors(state).actor(group).label);
                found::add_branch(l, s, first, branch.end, label, state)
            }
            None => Vec::new(),
        };
        if linked.is_empty() {
            k += 1;
            continue;
        }
        // the group is named inside the branch's name ("the group" may
        // mean it later); its and the place's mentions give way
        for b in &mut linked {
            b.inner.push((group, group_span.0, group_span.1));
        }
        mentions.retain(|x| x.end_token <= first || x.first_token >= branch.end);
        let at = mentions.partition_point(|x| x.first_token < first);
        let n = linked.len();
        mentions.splice(at..at, linked);
        k = at + n;
    }
}

/// Where a branch's words after a possessive lie.
struct Branch {
    /// The place's tokens.
    place: (usize, usize),
    /// The branch noun's token.
    noun: usize,
    /// The end of the whole phrase.
    end: usize,
}

/// "Mozambique province", "Sahel affiliate", "branch in Kenya" from token
/// `at`: a place of capitalised words before a branch noun, or a branch
/// noun, "in" and the place.
fn branch_after(l: &Linker, s: &Sentence, at: usize) -> Option<Branch> {
    let n = s.tokens.len();
    let place_end = |from: usize| {
        let mut e = from;
        // ("West Africa Province": the noun capitalised is no place's)
        while e < n && e - from < MAX_PLACE_WORDS && is_place_word(s, e) && !l.affiliate_nouns.contains_at(s, e) {
            e += 1;
        }
        e
    };
    let e = place_end(at);
    if e > at && e < n && l.affiliate_nouns.contains_at(s, e) {
        return Some(Branch {
            place: (at, e),
            noun: e,
            end: e + 1,
        });
    }
    if at + 2 < n && l.affiliate_nouns.contains_at(s, at) && s.tokens[at + 1].norm(s) == "in" {
        let e = place_end(at + 2);
        if e > at + 2 {
            return Some(Branch {
                place: (at + 2, e),
                noun: at,
                end: e,
            });
        }
    }
    None
}

/// A capitalised word that may name a place ("Sahel", "West", "Africa").
fn is_place_word(s: &Sentence, i: usize) -> bool {
    let t = &s.tokens[i];
    t.kind == TokenKind::Word && matches!(t.case, Case::Title | Case::Upper)
}

/// The one gazetteer armed group (not `group`) with a name that opens with
/// one of `group`'s names and holds every word of `place`.
fn branch_in_gazetteer(l: &Linker, group: ActorId, place: &str) -> Option<ActorId> {
    let g = l.gazetteer();
    let parent = g.actor(group);
    let openings: Vec<String> = std::iter::once(&parent.label)
        .chain(&parent.aliases)
        .map(|a| format!("{} ", a.to_lowercase()))
        .collect();
    let place_words: Vec<String> = place.split_whitespace().map(str::to_lowercase).collect();
    let mut found = g.actors().iter().enumerate().filter(|&(k, a)| {
        k != group.0 as usize
            && a.kind == ActorKind::ArmedGroup
            && std::iter::once(&a.label).chain(&a.aliases).any(|name| {
                let name = name.to_lowercase();
                openings.iter().any(|o| name.starts_with(o.as_str()))
                    && place_words.iter().all(|p| name.split_whitespace().any(|w| w == p))
            })
    });
    let (k, _) = found.next()?;
    // two would be a guess
    found.next().is_none().then_some(ActorId(k as u32))
}

/// The text of tokens `first..end`.
fn text_of(text: &str, s: &Sentence, first: usize, end: usize) -> String {
    text[s.tokens[first].start..s.tokens[end - 1].end].to_string()
}

/// "province" -> "Province".
fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
