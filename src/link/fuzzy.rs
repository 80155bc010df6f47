//! Names spelled otherwise than the gazetteer writes them: runs of
//! capitalised words that no alias matched, tried as transliteration
//! variants of the aliases' words (see [`super::variant`]).

use super::*;

impl Linker {
    /// Whether some alias word of `actor` has (a variant of) key `k`.
    pub(super) fn spells_actor(&self, actor: ActorId, k: &str) -> bool {
        let Some(cands) = self.variant_index.get(&variant::skeleton(k)) else {
            return false;
        };
        cands.iter().any(|&(ai, pos)| {
            let a = &self.variant_aliases[ai];
            a.actor == actor && variant::keys_are_variants(&a.keys[pos], k)
        })
    }

    /// A variant given name before a person's exact surname: "Aqila" in
    /// "Aqila Saleh" once "Saleh" linked to Aguila Saleh.
    pub(super) fn given_names(&self, s: &Sentence, mentions: &mut [Mention]) {
        for m in mentions.iter_mut() {
            if m.first_token == 0 || self.gazetteer.actor(m.actor).kind != ActorKind::Person {
                continue;
            }
            let mut p = m.first_token - 1;
            if s.tokens[p].kind == TokenKind::Joiner && p > 0 {
                p -= 1;
            }
            let t = &s.tokens[p];
            if t.kind != TokenKind::Word || t.case != Case::Title {
                continue;
            }
            let k = variant::cached_key(t.norm(s));
            if k.len() >= variant::MIN_KEY_LEN && self.spells_actor(m.actor, &k) {
                m.first_token = p;
                m.start = t.start;
                m.how = LinkHow::Variant;
            }
        }
    }

    /// Name-like runs that no alias matched, tried as spelling variants of
    /// aliases (see [`variant`]). A variant link needs strong evidence: a
    /// word of the name spelled exactly, or the actor already named in the
    /// document; and it never overrides an exact alias (it only sees the
    /// words no mention covers).
    pub(super) fn variants(&self, s: &Sentence, mentions: &mut Vec<Mention>, state: &DocState) {
        self.given_names(s, mentions);
        let mut covered = vec![false; s.tokens.len()];
        for m in mentions.iter() {
            covered[m.first_token..m.end_token].iter_mut().for_each(|c| *c = true);
        }
        let here: Vec<ActorId> = mentions.iter().map(|m| m.actor).collect();
        let mut added = Vec::new();
        let runs = self.name_runs(s, &covered);
        let mut k = 0;
        while k < runs.len() {
            // two runs joined by "of" may spell one name ("Revitalised
            // Transitional Government of National Unity")
            let of_next = runs.get(k + 1).filter(|next| {
                let gap = runs[k][runs[k].len() - 1] + 1;
                next[0] == gap + 1 && s.tokens[gap].norm(s) == "of"
            });
            if let Some(next) = of_next {
                let gap = runs[k][runs[k].len() - 1] + 1;
                let joined: Vec<usize> = runs[k]
                    .iter()
                    .copied()
                    .chain([gap])
                    .chain(next.iter().copied())
                    .collect();
                if let Some(m) = self.variant_in_run(s, &joined, state, &here) {
                    added.push(m);
                    k += 2;
                    continue;
                }
            }
            if let Some(m) = self.variant_in_run(s, &runs[k], state, &here) {
                added.push(m);
            }
            k += 1;
        }
        if !added.is_empty() {
            mentions.extend(added);
            mentions.sort_by_key(|m| m.first_token);
        }
    }

    /// Maximal runs of capitalised words (with joiners and name particles
    /// such as "al", "bin") that no mention covers, as token indices of
    /// their words.
    pub(crate) fn name_runs(&self, s: &Sentence, covered: &[bool]) -> Vec<Vec<usize>> {
        let mut runs = Vec::new();
        let mut cur: Vec<usize> = Vec::new();
        for (i, t) in s.tokens.iter().enumerate() {
            let namey = !covered[i]
                && t.kind == TokenKind::Word
                && (matches!(t.case, Case::Title | Case::Upper)
                    || (s
                        .tokens
                        .get(i + 1)
                        .is_some_and(|n| n.kind == TokenKind::Joiner || n.case == Case::Title)
                        && self.name_particles.contains_at(s, i)));
            // a capitalised common word opening the sentence is no part
            // of a name ("Then Afewerki left")
            let opener = namey && cur.is_empty() && SENTENCE_OPENERS.contains_at(s, i);
            if namey && !opener {
                cur.push(i);
            } else if t.kind == TokenKind::Joiner && !cur.is_empty() && !covered[i] {
                continue;
            } else if !cur.is_empty() {
                runs.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            runs.push(cur);
        }
        runs
    }

    pub(super) fn variant_in_run(
        &self,
        s: &Sentence,
        run: &[usize],
        state: &DocState,
        here: &[ActorId],
    ) -> Option<Mention> {
        let norms: Vec<&str> = run.iter().map(|&i| s.tokens[i].norm(s)).collect();
        // titles alone ("President") name nobody
        if norms.iter().all(|w| self.titles.contains(w)) {
            return None;
        }
        let keys: Vec<std::rc::Rc<str>> = norms.iter().map(|w| variant::cached_key(w)).collect();
        // the alias words each word of the run may spell
        let mut skeleton = String::new();
        let cands_at: Vec<Option<&Vec<(usize, usize)>>> = keys
            .iter()
            .map(|k| {
                (k.len() >= variant::MIN_KEY_LEN)
                    .then(|| self.variant_index.get(variant::skeleton_in(k, &mut skeleton)))
                    .flatten()
            })
            .collect();
        // no word of the run can be part of any alias: nothing to do
        let hopeless = cands_at.iter().all(Option::is_none);
        if hopeless && (run.len() > 1 || state.surnames.is_empty()) {
            return None;
        }
        // (actor, start in run, length, exact words)
        let mut best: Option<(ActorId, usize, usize, usize)> = None;
        for (p, cands) in cands_at.iter().enumerate() {
            let Some(cands) = *cands else {
                continue;
            };
            for &(ai, q) in cands {
                let alias = &self.variant_aliases[ai];
                let Some(start) = p.checked_sub(q) else { continue };
                let len = alias.words.len();
                if start + len > run.len() {
                    continue;
                }
                let mut exact = 0;
                let fits = (0..len).all(|j| {
                    if alias.words[j] == norms[start + j] {
                        exact += 1;
                        true
                    } else {
                        // "Heritage Institute" for "Heritage Foundation": the
                        // kind of body is translated freely, the name is not
                        let both_bodies = j > 0
                            && self.body_types.contains(&alias.words[j])
                            && self.body_types.contains(norms[start + j]);
                        // "the Arakanese Army" for "Arakan Army": a name in
                        // its adjective form before the noun it names
                        let adjective = j + 1 < len && variant::adjective_of(&alias.words[j], norms[start + j]);
                        both_bodies || adjective || variant::keys_are_variants(&alias.keys[j], &keys[start + j])
                    }
                });
                if !fits || exact == len {
                    continue;
                }
                // what stands left of the name must be titles; nothing
                // unexplained may follow it ("Mohamed Salah" is not "Saleh")
                // (a name of two words, one spelled exactly, is evidence
                // enough whatever stands before it)
                let left_ok = (len >= 2 && exact >= 1)
                    || norms[..start]
                        .iter()
                        .all(|w| self.titles.contains(w) || self.demonyms.contains_key(*w));
                // a nickname after the full name is the same actor's:
                // "Mohamed Hamdan Daglo Hamidati"
                let right_ok = keys[start + len..].iter().all(|k| self.spells_actor(alias.actor, k));
                if !left_ok || !right_ok {
                    continue;
                }
                // the same transliteration key for every word ("Hemetti" /
                // "Hemeti", "Kadirov" / "Kadyrov") differs only in letters
                // renderings swap: evidence enough on its own
                // (for a shipped actor of one country's conflict, in a story
                // that names the country: "Siyala" of Mauritania is no
                // Libyan Siala)
                let same_keys = (0..len).all(|j| alias.keys[j] == *keys[start + j])
                    && alias.keys.iter().map(String::len).sum::<usize>() > variant::MIN_KEY_LEN
                    && self.spelling_in_scope(alias.actor, &state.seen, here);
                let len = run.len() - start;
                let evidence =
                    exact > 0 || same_keys || state.seen.contains(&alias.actor) || here.contains(&alias.actor);
                if !evidence {
                    continue;
                }
                // (a tie goes to the later layer's actor: the user's word)
                let layer = self.gazetteer.actor(alias.actor).layer;
                let better = match best {
                    None => true,
                    Some((b, _, bl, be)) => (len, exact, layer) > (bl, be, self.gazetteer.actor(b).layer),
                };
                if better {
                    best = Some((alias.actor, start, len, exact));
                }
            }
        }
        // one sense per document: a lone surname of a person named in full
        if best.is_none() && run.len() == 1 {
            if let Some(&actor) = state.surnames.get(&*keys[0]) {
                best = Some((actor, 0, 1, 0));
            } else if keys[0].len() >= variant::MIN_KEY_LEN {
                for (k, &actor) in &state.surnames {
                    if variant::keys_are_variants(k, &keys[0]) {
                        best = Some((actor, 0, 1, 0));
                        break;
                    }
                }
            }
        }
        let (actor, start, len, exact) = best?;
        let first = run[start];
        let last = run[start + len - 1];
        Some(Mention {
            sentence: s.index,
            first_token: first,
            end_token: last + 1,
            start: s.tokens[first].start,
            end: s.tokens[last].end,
            actor,
            how: LinkHow::Variant,
            score: 0.6 + 0.3 * exact as f32 / len as f32,
            inner: Vec::new(),
        })
    }
}
