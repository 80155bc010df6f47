//! A country's army named by the country: "the Sudanese military",
//! "Sudan's army" are the army where the gazetteer holds it as an actor of
//! its own (Sudan's SAF, fighting the RSF), not the state; in a country
//! whose army the gazetteer does not hold apart, the state.

use super::{LinkHow, Linker, Mention};
use crate::link::gazetteer::{ActorId, ActorKind};
use crate::text::{Sentence, StaticWords};

/// The heads that make a country's name its army ("armed forces" is read
/// by its last word).
static ARMY_NOUNS: StaticWords = StaticWords::new(&["military", "army", "forces"]);

/// The army of state `a` that the gazetteer holds as an actor of its own
/// (an armed group of that country affiliated to it: Sudan's SAF).
pub(super) fn army_of(l: &Linker, a: ActorId) -> Option<ActorId> {
    let g = l.gazetteer();
    if g.actor(a).kind != ActorKind::State {
        return None;
    }
    let mut armies = g
        .actors()
        .iter()
        .enumerate()
        .filter(|(_, x)| x.kind == ActorKind::ArmedGroup && x.affiliation == Some(a) && x.country == Some(a));
    let (k, _) = armies.next()?;
    // two would be a guess
    armies.next().is_none().then_some(ActorId(k as u32))
}

/// "the Sudanese military", "Sudan's army", "Sudan's armed forces": a
/// mention of a state by its demonym or possessive whose head is an army
/// noun is the state's own army, where the gazetteer has one.
pub(super) fn armies_of_countries(l: &Linker, s: &Sentence, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        if m.end_token < m.first_token + 2 || !matches!(m.how, LinkHow::Demonym | LinkHow::Exact) {
            continue;
        }
        let head = s.tokens[m.end_token - 1].norm(s);
        // "forces" only as "armed forces": "Sudanese forces" may be any
        let armed = head != "forces" || s.tokens[m.end_token - 2].norm(s) == "armed";
        if !ARMY_NOUNS.contains(head) || !armed {
            continue;
        }
        if let Some(army) = army_of(l, m.actor) {
            m.actor = army;
            m.how = LinkHow::Coreference;
            m.score = 0.8;
        }
    }
}
