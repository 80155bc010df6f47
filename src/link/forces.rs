//! Forces named after a leader or a body: "Haftar's forces" are the
//! LNA's, "the army's troops" the army.

use super::*;

impl Linker {
    /// Forces named after a leader or a body.
    pub(super) fn forces(&self, s: &Sentence, mentions: &mut Vec<Mention>) {
        let mut added = Vec::new();
        self.forces_in(s, mentions, &mut added);
        agents::extend(self, s, mentions);
        if !added.is_empty() {
            mentions.extend(added);
            mentions.sort_by_key(|m| m.first_token);
        }
    }

    pub(super) fn forces_in(&self, s: &Sentence, mentions: &mut [Mention], added: &mut Vec<Mention>) {
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
