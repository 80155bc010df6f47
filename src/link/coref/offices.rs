//! Coreference by office: a leader's government ("Kagame's
//! government"), offices named without their title ("the president",
//! "the group's leader", "Nigeria's defense minister") and the forces
//! loyal to a person ("troops loyal to President Salva Kiir").

use chrono::NaiveDate;

use super::{acts_for, covered, cues, is_pronoun, make, nation, nearest, ROLE_ADJECTIVES};
use crate::link::gazetteer::{ActorId, ActorKind};
use crate::link::{DocState, LinkHow, Linker, Mention};
use crate::text::{Case, Sentence, TokenKind};

/// "Kagame's government", "the Trump administration", "Pashinyan's
/// cabinet": the state the person leads (unless rival governments contest
/// it then: a contested state names no one actor).
pub(super) fn leader_state(
    l: &Linker,
    s: &Sentence,
    mentions: &mut [Mention],
    state: &DocState,
    date: Option<NaiveDate>,
) {
    let g = l.doc_actors(state);
    for i in 0..mentions.len() {
        let m = &mentions[i];
        let kind = g.actor(m.actor).kind;
        let mut after = m.end_token;
        if s.tokens.get(after).is_some_and(|t| t.kind == TokenKind::Possessive) {
            after += 1;
        }
        // "the Taliban government", "the Houthi administration": a
        // movement that governs, named with its government, is itself
        if matches!(kind, ActorKind::ArmedGroup | ActorKind::Party) {
            let end = cues().government_nouns.match_at(s, after);
            if let Some(end) = end.filter(|&e| mentions.get(i + 1).is_none_or(|x| x.first_token >= e)) {
                let m = &mut mentions[i];
                m.end_token = end;
                m.end = s.tokens[end - 1].end;
            }
            continue;
        }
        if kind != ActorKind::Person {
            continue;
        }
        let country_end = cues().country_nouns.match_at(s, after);
        let Some(end) = cues().government_nouns.match_at(s, after).or(country_end) else {
            continue;
        };
        if mentions.get(i + 1).is_some_and(|x| x.first_token < end) {
            continue;
        }
        let uncontested =
            |a: ActorId| g.actor(a).kind == ActorKind::State && !g.actor(a).contested.iter().any(|p| p.holds(date));
        // "Sarraj's government" is the government he belongs to, where the
        // gazetteer has one (a contested country has several); "his
        // country" is always the state
        let country_noun = country_end.is_some();
        let own_government = g
            .actor(m.actor)
            .affiliation
            .filter(|&f| g.actor(f).kind == ActorKind::Government && !country_noun);
        let Some(state) = own_government.or_else(|| nation(g, m.actor).filter(|&a| uncontested(a))) else {
            continue;
        };
        let m = &mut mentions[i];
        m.inner.push((m.actor, m.start, m.end));
        m.actor = state;
        m.end_token = end;
        m.end = s.tokens[end - 1].end;
        m.how = LinkHow::Coreference;
        m.score = 0.7;
    }
}

/// The office named at token `j` (after role adjectives), and where it
/// ends: the longest run of words that is an office of someone.
fn office_at(l: &Linker, s: &Sentence, j: usize, cov: &[Option<usize>]) -> Option<(String, usize)> {
    let n = s.tokens.len();
    if !s.tokens.get(j).is_some_and(|t| l.offices.may_start(t.first_word_hash)) {
        return None;
    }
    let mut best = None;
    let mut words = String::new();
    for (e, c) in cov.iter().enumerate().take(n.min(j + l.offices.longest())).skip(j) {
        let t = &s.tokens[e];
        if c.is_some() || t.kind != TokenKind::Word || t.case != Case::Lower {
            break;
        }
        if e > j {
            words.push(' ');
        }
        words.push_str(t.norm(s));
        // a whole word only: "secretary" is not "secretary-general"
        let joined_on = s.tokens.get(e + 1).is_some_and(|x| x.kind == TokenKind::Joiner);
        if l.offices.is_office(&words) && !joined_on {
            best = Some((words.clone(), e + 1));
        }
    }
    best
}

/// Offices named without their title: "the president" (a holder named
/// before, else the holder of a country the document names), "the
/// group's leader", "his first vice president", "Nigeria's defense
/// minister" (the holder of that office of that actor at the date).
pub(super) fn offices(
    l: &Linker,
    s: &Sentence,
    mentions: &mut Vec<Mention>,
    state: &DocState,
    date: Option<NaiveDate>,
) {
    let g = l.doc_actors(state);
    let n = s.tokens.len();
    let mut i = 0;
    let mut cov = covered(mentions, n);
    while i < n {
        // the owner: a mention (a pronoun included) and its "'s", or "the"
        let (owner, mut j) = match cov[i] {
            Some(k) if mentions[k].first_token == i => {
                let m = &mentions[k];
                let mut j = m.end_token;
                let pronoun = is_pronoun(s, m) && matches!(s.tokens[m.first_token].norm(s), "his" | "her" | "its");
                if s.tokens.get(j).is_some_and(|t| t.kind == TokenKind::Possessive) {
                    j += 1;
                } else if !pronoun {
                    i = m.end_token.max(i + 1);
                    continue;
                }
                (Some(k), j)
            }
            Some(_) => {
                i += 1;
                continue;
            }
            None if s.tokens[i].norm(s) == "the" => (None, i + 1),
            None => {
                i += 1;
                continue;
            }
        };
        let adjectives = j;
        while j < n && ROLE_ADJECTIVES.contains(s.tokens[j].norm(s)) && cov[j].is_none() {
            j += 1;
        }
        // "the former president": a holder whose term has ended
        let former = (adjectives..j).any(|k| s.tokens[k].norm(s) == "former");
        let holds = |a: ActorId, office: &str| {
            if former {
                l.offices.held_before(a, office, date)
            } else {
                l.offices.holds(a, office, date)
            }
        };
        let Some((office, end)) = office_at(l, s, j, &cov) else {
            i += 1;
            continue;
        };
        // "the leader of Afghanistan's Taliban insurgency"
        let of_next = s.tokens.get(end).is_some_and(|t| t.norm(s) == "of");
        if let Some((holder, body, phrase_end)) = (owner.is_none() && of_next)
            .then(|| crate::link::office_of::holder_of_body(l, g, s, mentions, &office, end, date))
            .flatten()
        {
            let first = if former { adjectives } else { j };
            let inner = vec![(mentions[body].actor, mentions[body].start, mentions[body].end)];
            mentions.retain(|m| m.end_token <= first || m.first_token >= phrase_end);
            mentions.push(Mention {
                inner,
                ..make(s, first, phrase_end, holder, 0.7)
            });
            mentions.sort_by_key(|m| m.first_token);
            cov = covered(mentions, n);
            i = phrase_end;
            continue;
        }
        // glued to a name or followed by "of": a title, not a description
        if s.tokens
            .get(end)
            .is_some_and(|t| (t.kind == TokenKind::Word && t.case != Case::Lower) || t.norm(s) == "of")
        {
            i = end;
            continue;
        }
        let actor = match owner {
            Some(k) => {
                let o = mentions[k].actor;
                let of = if g.actor(o).kind == ActorKind::Person {
                    nation(g, o)
                } else {
                    Some(o)
                };
                of.and_then(|of| l.offices.holder(&office, of, date))
                    .filter(|&p| p != o)
            }
            None => nearest(mentions, s, i, state)
                .find(|&a| g.actor(a).kind == ActorKind::Person && holds(a, &office))
                .or_else(|| {
                    // "the former president": a former holder the
                    // document named, however far back (the latest named)
                    if former {
                        return state
                            .seen
                            .iter()
                            .rev()
                            .find(|&&a| g.actor(a).kind == ActorKind::Person && holds(a, &office))
                            .copied();
                    }
                    // a bare title names a holder of a country the document
                    // names, never one of another conflict's
                    state
                        .seen
                        .iter()
                        .rev()
                        .chain(mentions.iter().map(|m| &m.actor))
                        .filter_map(|&a| acts_for(g, a))
                        .find_map(|c| l.offices.holder(&office, c, date))
                }),
        };
        let Some(actor) = actor else {
            i = end;
            continue;
        };
        let first = match owner {
            // "his first vice president": the office is the person
            Some(k) if is_pronoun(s, &mentions[k]) => {
                mentions.remove(k);
                j
            }
            Some(k) => {
                let m = mentions.remove(k);
                let first = m.first_token;
                mentions.push(Mention {
                    inner: vec![(m.actor, m.start, m.end)],
                    ..make(s, first, end, actor, 0.7)
                });
                mentions.sort_by_key(|m| m.first_token);
                cov = covered(mentions, n);
                i = end;
                continue;
            }
            // "the former president": "former" says who it is
            None if former => adjectives,
            None => j,
        };
        mentions.push(make(s, first, end, actor, 0.7));
        mentions.sort_by_key(|m| m.first_token);
        cov = covered(mentions, n);
        i = end;
    }
}

/// "troops loyal to President Salva Kiir", "forces loyal to his first vice
/// president": the person's organisation (or the body itself).
pub(super) fn loyal_to(l: &Linker, s: &Sentence, mentions: &mut Vec<Mention>, state: &DocState) {
    let g = l.doc_actors(state);
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        let a = g.actor(m.actor);
        let target = match (a.kind, a.affiliation) {
            (ActorKind::Person, Some(aff)) => aff,
            (ActorKind::Person, None) => {
                k += 1;
                continue;
            }
            _ => m.actor,
        };
        // back over "President", "his", "the" to "loyal to"
        let mut t = m.first_token;
        while t > 0 && {
            let w = s.tokens[t - 1].norm(s);
            l.titles.contains(w) || matches!(w, "the" | "his" | "her" | "its" | "their")
        } {
            t -= 1;
        }
        let loyal = t >= 3 && s.tokens[t - 1].norm(s) == "to" && s.tokens[t - 2].norm(s) == "loyal";
        let head = if loyal {
            cues().loyal_heads.match_ending_at(s, t - 2)
        } else {
            None
        };
        let prev_end = k.checked_sub(1).map_or(0, |p| mentions[p].end_token);
        match head.filter(|&h| h >= prev_end) {
            Some(h) => {
                let end = m.end_token;
                // the mentions inside ("his") are part of the phrase
                let inner: Vec<(ActorId, usize, usize)> = mentions
                    .iter()
                    .filter(|x| x.first_token >= h && x.end_token <= end && !is_pronoun(s, x))
                    .map(|x| (x.actor, x.start, x.end))
                    .collect();
                mentions.retain(|x| x.end_token <= h || x.first_token >= end);
                mentions.push(Mention {
                    inner,
                    how: LinkHow::Forces,
                    ..make(s, h, end, target, 0.7)
                });
                mentions.sort_by_key(|m| m.first_token);
                k = mentions.iter().position(|x| x.first_token == h).unwrap_or(k) + 1;
            }
            None => k += 1,
        }
    }
}
