//! Group references: phrases that name two or more actors at once.
//!
//! - "the two sides", "both countries", "the two leaders": the two actors
//!   of a fitting kind most present in the last few sentences and in this
//!   one before the phrase;
//! - "they" right after a list ("Egypt and Jordan said they would ..."):
//!   every actor of the list.
//!
//! A group is written as one mention per actor over the same span; the
//! extractor reads mentions that share a span as one list (see
//! `extract::clause::View::actors_of`). The words are in `groups.ron`.

use std::sync::OnceLock;

use serde::Deserialize;

use super::coref::{nation, LOOKBACK};
use super::{DocState, LinkHow, Linker, Mention, PhraseSet};
use crate::link::gazetteer::{ActorId, ActorKind};
use crate::text::{Case, Sentence, TokenKind};

/// One kind of plural noun ("sides") and the kinds of actor it may name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupNouns {
    nouns: Vec<String>,
    kinds: Vec<ActorKind>,
}

/// The words group references read (`groups.ron`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupsFile {
    pair_counts: Vec<String>,
    pair_nouns: Vec<GroupNouns>,
    list_pronouns: Vec<String>,
    list_separators: Vec<String>,
    clause_starts: Vec<String>,
}

/// [`GroupsFile`] as phrase sets.
struct GroupCues {
    pair_counts: PhraseSet,
    pair_nouns: Vec<(PhraseSet, Vec<ActorKind>)>,
    /// Every noun of `pair_nouns` and every word of `list_pronouns`: a
    /// sentence with none of them (most) is passed with one scan (the
    /// nouns are rarer words than the counts).
    any_cue: PhraseSet,
    list_pronouns: PhraseSet,
    list_separators: PhraseSet,
    clause_starts: PhraseSet,
}

const GROUPS: &str = include_str!("groups.ron");

fn cues() -> &'static GroupCues {
    static CUES: OnceLock<GroupCues> = OnceLock::new();
    CUES.get_or_init(|| {
        let f: GroupsFile = ron::from_str(GROUPS).expect("embedded groups.ron is valid");
        GroupCues {
            pair_counts: PhraseSet::new(&f.pair_counts),
            pair_nouns: f
                .pair_nouns
                .iter()
                .map(|g| (PhraseSet::new(&g.nouns), g.kinds.clone()))
                .collect(),
            any_cue: PhraseSet::new(
                &f.pair_nouns
                    .iter()
                    .flat_map(|g| g.nouns.iter())
                    .chain(&f.list_pronouns)
                    .cloned()
                    .collect::<Vec<_>>(),
            ),
            list_pronouns: PhraseSet::new(&f.list_pronouns),
            list_separators: PhraseSet::new(&f.list_separators),
            clause_starts: PhraseSet::new(&f.clause_starts),
        }
    })
}

/// Links the group references of sentence `s` (run before pronouns, so a
/// "they" a list stands for is not taken for one actor).
pub(super) fn resolve(l: &Linker, s: &Sentence, mentions: &mut Vec<Mention>, state: &DocState) {
    let c = cues();
    if !c.any_cue.may_occur_in(s) {
        return;
    }
    let mut found: Vec<(usize, usize, Vec<ActorId>)> = Vec::new();
    pairs(l, s, mentions, state, &mut found);
    list_pronouns(s, mentions, &mut found);
    if found.is_empty() {
        return;
    }
    for (first, end, actors) in found {
        for a in actors {
            mentions.push(Mention::spanning(s, first, end, a, LinkHow::Coreference, 0.5));
        }
    }
    mentions.sort_by_key(|m| m.first_token);
}

/// Whether a mention covers some token of `first..end`.
fn in_a_name(mentions: &[Mention], first: usize, end: usize) -> bool {
    mentions.iter().any(|m| m.first_token < end && first < m.end_token)
}

/// "the two sides", "both countries".
fn pairs(
    l: &Linker,
    s: &Sentence,
    mentions: &[Mention],
    state: &DocState,
    found: &mut Vec<(usize, usize, Vec<ActorId>)>,
) {
    let c = cues();
    let n = s.tokens.len();
    let mut i = 0;
    while i < n {
        let Some(after_count) = c.pair_counts.match_at(s, i) else {
            i += 1;
            continue;
        };
        let hit = c
            .pair_nouns
            .iter()
            .find_map(|(nouns, kinds)| nouns.match_at(s, after_count).map(|end| (end, kinds)));
        let Some((end, kinds)) = hit else {
            i = after_count;
            continue;
        };
        // written in lower case ("The two sides" at a sentence start), and
        // no word of it already a name
        let lower = (i..end).all(|k| s.tokens[k].case == Case::Lower || k == 0);
        if lower && !in_a_name(mentions, i, end) {
            if let Some(two) = most_present(l, s, mentions, i, state, kinds) {
                found.push((i, end, two.to_vec()));
            }
        }
        i = end;
    }
}

/// The two actors of `kinds` most often named in the last [`LOOKBACK`]
/// sentences, on a tie the one named last; or, when those sentences name
/// fewer than two, in this sentence before token `before` ("Israel and
/// Hezbollah traded fire, the heaviest exchange between the two sides" at
/// a story's start). Sentences before come first because the actors of
/// the phrase's own sentence are as often others: the hosts in "Qatar
/// hosted talks between the two sides". A government named beside its
/// state counts as that state (the "Kinshasa government" and "Congo" are
/// one country). A name counts twice what a capital or a demonym does, which
/// is as often a place or an adjective; a dateline counts not at all.
fn most_present(
    l: &Linker,
    s: &Sentence,
    mentions: &[Mention],
    before: usize,
    state: &DocState,
    kinds: &[ActorKind],
) -> Option<[ActorId; 2]> {
    let near = state.history.partition_point(|(si, ..)| *si + LOOKBACK < s.index);
    let earlier = state.history[near..].iter().map(|(_, a, _, how)| (*a, *how, false));
    if let Some(two) = top_two(l, state, kinds, earlier) {
        return Some(two);
    }
    let here = mentions
        .iter()
        .filter(|m| m.end_token <= before)
        .map(|m| (m.actor, m.how, m.end_token <= s.dateline_end()));
    top_two(l, state, kinds, here)
}

/// The two actors of `kinds` with the highest tally over `named` (actor,
/// how linked, whether in the story's dateline).
fn top_two(
    l: &Linker,
    state: &DocState,
    kinds: &[ActorKind],
    named: impl Iterator<Item = (ActorId, LinkHow, bool)>,
) -> Option<[ActorId; 2]> {
    let g = l.doc_actors(state);
    // (actor, score, order of its last mention)
    let mut tally = super::coref::tally(
        named
            .filter(|&(a, _, in_dateline)| !in_dateline && kinds.contains(&g.actor(a).kind))
            .map(|(a, how, _)| {
                let weight = if matches!(how, LinkHow::Metonym | LinkHow::Demonym) {
                    1
                } else {
                    2
                };
                (a, weight)
            }),
    );
    // a government named beside its state is that state: one side
    if kinds.contains(&ActorKind::State) {
        let mut k = 0;
        while k < tally.len() {
            let (a, weight, order) = tally[k];
            let state = (g.actor(a).kind == ActorKind::Government)
                .then(|| nation(g, a))
                .flatten()
                .and_then(|n| tally.iter().position(|(x, ..)| *x == n));
            match state {
                Some(j) => {
                    tally[j].1 += weight;
                    tally[j].2 = tally[j].2.max(order);
                    tally.remove(k);
                }
                None => k += 1,
            }
        }
    }
    tally.sort_by(|x, y| y.1.cmp(&x.1).then(y.2.cmp(&x.2)));
    match tally.as_slice() {
        [a, b, ..] => Some([a.0, b.0]),
        _ => None,
    }
}

/// The most words between a list and the "they" it is the antecedent of
/// ("said", "have said", "said on Monday").
const MAX_GAP: usize = 4;

/// "Egypt and Jordan said they ...": a plural pronoun whose nearest
/// mentions before it, in its sentence, are a list joined by "and" names
/// every actor of the list.
fn list_pronouns(s: &Sentence, mentions: &[Mention], found: &mut Vec<(usize, usize, Vec<ActorId>)>) {
    let c = cues();
    for i in 0..s.tokens.len() {
        if c.list_pronouns.match_at(s, i) != Some(i + 1) || in_a_name(mentions, i, i + 1) {
            continue;
        }
        // the mentions before the pronoun, last first
        let before: Vec<&Mention> = mentions.iter().filter(|m| m.end_token <= i).collect();
        let Some(last) = before.last() else { continue };
        let mut list = vec![last.actor];
        let mut conjunction = false;
        let mut at = last.first_token;
        for m in before.iter().rev().skip(1) {
            // only separators between two items: ",", "and", "as well as"
            let mut k = m.end_token;
            let mut and_here = false;
            while k < at {
                match c.list_separators.match_at(s, k) {
                    Some(e) if e <= at => {
                        and_here |= matches!(s.tokens[k].norm(s), "and" | "as");
                        k = e;
                    }
                    _ => break,
                }
            }
            if k != at || m.end_token == at {
                break;
            }
            conjunction |= and_here;
            if !list.contains(&m.actor) {
                list.push(m.actor);
            }
            at = m.first_token;
        }
        // the list is the subject right before its verb: "Egypt and Jordan
        // said they", not "... accused Egypt and Jordan of ..., and they"
        let gap = i - last.end_token;
        let start = if at > 0 && s.tokens[at - 1].norm(s) == "the" {
            at - 1
        } else {
            at
        };
        let opens = start == 0
            || s.tokens[start - 1].kind == TokenKind::Punct
            || c.clause_starts.match_at(s, start - 1) == Some(start);
        if conjunction && list.len() >= 2 && gap <= MAX_GAP && opens {
            list.reverse();
            found.push((i, i + 1, list));
        }
    }
}
