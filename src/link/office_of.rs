//! "The leader of Afghanistan's Taliban insurgency", "the head of the RSF
//! paramilitary group": an office followed by "of" and the body it is an
//! office of, written with more words than a title has (a place's
//! possessive before the body, a noun of its kind after). The phrase is
//! the holder of that office of that body at the story's date; the body
//! stays inside it as a name of its own.
//!
//! The titles derived from a role ("leader of the Taliban") are aliases
//! and match as they are; this reads the other phrasings of the same
//! office, which no list could hold.

use chrono::NaiveDate;

use super::{DocActors, LinkHow, Linker, Mention};
use crate::link::gazetteer::{ActorId, ActorKind};
use crate::text::{Sentence, StaticWords, TokenKind};

/// Nouns of the kind of a body that may follow its name inside the phrase
/// ("Hezbollah movement", "RSF paramilitary group").
static KIND_NOUNS: StaticWords = StaticWords::new(&[
    "insurgency",
    "movement",
    "group",
    "militia",
    "paramilitary",
    "paramilitaries",
    "party",
    "rebels",
    "rebel",
    "militant",
    "armed",
    "jihadist",
    "government",
    "administration",
    "bloc",
    "alliance",
    "organisation",
    "organization",
    "force",
    "forces",
    "coalition",
    "faction",
]);

/// The body named from token `at` (just after "of"), and the token after
/// the phrase: "[the] [PLACE 's] BODY [kind nouns]". The body is the last
/// name of the chain, and no person.
fn body_at(g: DocActors<'_>, s: &Sentence, mentions: &[Mention], at: usize) -> Option<(usize, usize)> {
    // the mention that starts at a token, and the one covering it
    let starting = |t: usize| mentions.iter().position(|m| m.first_token == t);
    let covering = |t: usize| mentions.iter().position(|m| m.first_token <= t && t < m.end_token);
    let mut p = at;
    if s.tokens.get(p).is_some_and(|t| t.norm(s) == "the") {
        p += 1;
    }
    let mut k = starting(p)?;
    // "Afghanistan 's Taliban": the possessed name is the body
    loop {
        let e = mentions[k].end_token;
        let possessive = s.tokens.get(e).is_some_and(|t| t.kind == TokenKind::Possessive);
        match starting(e + 1) {
            Some(next) if possessive => k = next,
            _ => break,
        }
    }
    // "the president of Chile's senate": the name owns what follows
    let owns_next = s
        .tokens
        .get(mentions[k].end_token)
        .is_some_and(|t| t.kind == TokenKind::Possessive);
    if owns_next || g.actor(mentions[k].actor).kind == ActorKind::Person {
        return None;
    }
    let body = mentions[k].actor;
    let mut end = mentions[k].end_token;
    while end < s.tokens.len() {
        match covering(end) {
            None if KIND_NOUNS.contains(s.tokens[end].norm(s)) => end += 1,
            // "militant group" already read as a description of the body
            Some(x) if mentions[x].actor == body && mentions[x].how == LinkHow::Coreference => {
                end = mentions[x].end_token
            }
            _ => break,
        }
    }
    Some((k, end))
}

/// The holder of `office` of the body named after the "of" at token
/// `of_token`, and the body's mention and the end of the phrase.
pub(super) fn holder_of_body(
    l: &Linker,
    g: DocActors<'_>,
    s: &Sentence,
    mentions: &[Mention],
    office: &str,
    of_token: usize,
    date: Option<NaiveDate>,
) -> Option<(ActorId, usize, usize)> {
    let (k, end) = body_at(g, s, mentions, of_token + 1)?;
    let holder = l.offices.holder(office, mentions[k].actor, date)?;
    Some((holder, k, end))
}
