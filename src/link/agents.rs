//! Names of states and bodies followed by the people or things that act
//! for them: "U.S. officials", "EU commanders", "Kenya's security forces"
//! name the state, as "Russian officials" does; "the EU bloc", "the NATO
//! alliance" name the body. The mention grows over the noun, the name
//! stays inside it, so both are surfaces of the actor.

use std::sync::OnceLock;

use serde::Deserialize;

use super::{LinkHow, Linker, Mention, PhraseSet};
use crate::link::gazetteer::ActorKind;
use crate::text::{Sentence, TokenKind};

/// The words this rule reads (`agents.ron`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AgentsFile {
    body_kind_nouns: Vec<String>,
}

const AGENTS: &str = include_str!("agents.ron");

fn body_kind_nouns() -> &'static PhraseSet {
    static NOUNS: OnceLock<PhraseSet> = OnceLock::new();
    NOUNS.get_or_init(|| {
        let f: AgentsFile = ron::from_str(AGENTS).expect("embedded agents.ron is valid");
        PhraseSet::new(&f.body_kind_nouns)
    })
}

/// Grow each mention of a state or an intergovernmental body over the
/// agent noun after it ("U.S. officials"), and a body's over a noun of its
/// kind ("the EU bloc"). A government noun after a state's name is left to
/// the rules that know a country's governments ("Libya's government").
pub(super) fn extend(l: &Linker, s: &Sentence, mentions: &mut [Mention]) {
    for i in 0..mentions.len() {
        let kind = l.gazetteer.actor(mentions[i].actor).kind;
        if !matches!(kind, ActorKind::State | ActorKind::Igo) {
            continue;
        }
        let mut after = mentions[i].end_token;
        if s.tokens.get(after).is_some_and(|t| t.kind == TokenKind::Possessive) {
            after += 1;
        }
        // only a noun right after the name, never a capitalised word that
        // goes on with another name ("U.S. Army Corps")
        if s.tokens.get(after).is_none_or(|t| t.kind != TokenKind::Word) {
            continue;
        }
        // "Emirati drone strikes": what the state does, no agent of it
        if l.act_nouns.match_at(s, after).is_some() {
            continue;
        }
        // (a seat of government is one government already: "the Kabul
        // administration")
        let agent = l
            .agent_nouns
            .match_at(s, after)
            .or_else(|| {
                (mentions[i].how == LinkHow::Metonym)
                    .then(|| l.government_nouns.match_at(s, after))
                    .flatten()
            })
            .filter(|_| mentions[i].how == LinkHow::Metonym || l.government_nouns.match_at(s, after).is_none());
        let end = agent.or_else(|| {
            (kind == ActorKind::Igo)
                .then(|| body_kind_nouns().match_at(s, after))
                .flatten()
        });
        let Some(end) = end else { continue };
        if mentions.get(i + 1).is_some_and(|n| n.first_token < end) {
            continue;
        }
        let m = &mut mentions[i];
        m.inner.push((m.actor, m.start, m.end));
        m.end_token = end;
        m.end = s.tokens[end - 1].end;
    }
}
