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
        // the words in place for a run of a usual length, not on the heap
        let mut short = [""; 8];
        let long: Vec<&str>;
        let norms: &[&str] = if run.len() <= short.len() {
            for (w, &i) in short.iter_mut().zip(run) {
                *w = s.tokens[i].norm(s);
            }
            &short[..run.len()]
        } else {
            long = run.iter().map(|&i| s.tokens[i].norm(s)).collect();
            &long
        };
        let spellings = self.cached_run_spellings(norms);
        // titles alone ("President") name nobody
        if spellings.titles_only {
            return None;
        }
        // no word of the run can be part of any alias: nothing to do
        if spellings.hopeless && (run.len() > 1 || state.surnames.is_empty()) {
            return None;
        }
        // (actor, start in run, length, exact words)
        let mut best: Option<(ActorId, usize, usize, usize)> = None;
        for &RunSpelling {
            actor,
            start,
            len,
            exact,
            same_keys,
        } in &spellings.fits
        {
            // the same transliteration key for every word ("Hemetti" /
            // "Hemeti", "Kadirov" / "Kadyrov") differs only in letters
            // renderings swap: evidence enough on its own
            // (for a shipped actor of one country's conflict, in a story
            // that names the country: "Siyala" of Mauritania is no
            // Libyan Siala)
            // and any spelling of an actor of one country's conflict, in a
            // story that names that country: "Hifter" in a story datelined
            // Libya is Haftar before Haftar is named
            let seen = Seen {
                actors: &state.seen,
                places: &state.places,
            };
            let in_scope = self.spelling_in_scope(actor, &seen, here);
            let scoped = in_scope && self.scope_of(actor).is_some();
            let same_keys = same_keys && in_scope;
            let evidence = exact > 0 || same_keys || scoped || state.seen.contains(&actor) || here.contains(&actor);
            if !evidence {
                continue;
            }
            // (a tie goes to the later layer's actor: the user's word)
            let layer = self.gazetteer.actor(actor).layer;
            let better = match best {
                None => true,
                Some((b, _, bl, be)) => (len, exact, layer) > (bl, be, self.gazetteer.actor(b).layer),
            };
            if better {
                best = Some((actor, start, len, exact));
            }
        }
        let first_key = &*spellings.first_key;
        // one sense per document: a lone surname of a person named in full
        if best.is_none() && run.len() == 1 {
            if let Some(&actor) = state.surnames.get(first_key) {
                best = Some((actor, 0, 1, 0));
            } else if first_key.len() >= variant::MIN_KEY_LEN {
                for (k, &actor) in &state.surnames {
                    if variant::keys_are_variants(k, first_key) {
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

    /// [`Linker::run_spellings`], from a per-thread cache: the same runs
    /// of words ("Tuesday", "Reuters", a name no alias holds) come back in
    /// story after story, and each costs a lookup of every word's
    /// candidate spellings.
    fn cached_run_spellings(&self, norms: &[&str]) -> std::rc::Rc<RunSpellings> {
        use std::cell::RefCell;
        use std::rc::Rc;
        /// Runs kept before the cache starts over, so memory stays bounded.
        const MAX_ENTRIES: usize = 50_000;
        /// The linker the answers are of, the answers by run, and the
        /// buffer a run's key is written in (one per thread, not one per
        /// run).
        type Cache = (u64, rustc_hash::FxHashMap<Box<str>, Rc<RunSpellings>>, String);
        thread_local! {
            static CACHE: RefCell<Cache> = RefCell::new(Default::default());
        }
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            let (id, answers, key) = &mut *c;
            // the answers are this linker's: another's start afresh
            if *id != self.id {
                answers.clear();
                *id = self.id;
            }
            // each word with its length before it: no two runs share a key
            key.clear();
            for w in norms {
                push_decimal(key, w.len());
                key.push(':');
                key.push_str(w);
            }
            if let Some(sp) = answers.get(key.as_str()) {
                return Rc::clone(sp);
            }
            if answers.len() >= MAX_ENTRIES {
                answers.clear();
            }
            let sp = Rc::new(self.run_spellings(norms));
            answers.insert(Box::from(key.as_str()), Rc::clone(&sp));
            sp
        })
    }

    /// What a run of words may spell, as far as its words alone tell:
    /// the aliases they fit, in the order [`Linker::variant_in_run`] weighs
    /// them, with the document's evidence still to be asked.
    fn run_spellings(&self, norms: &[&str]) -> RunSpellings {
        let mut out = RunSpellings {
            titles_only: false,
            hopeless: true,
            fits: Vec::new(),
            first_key: std::rc::Rc::from(""),
        };
        if norms.iter().all(|w| self.titles.contains(w)) {
            out.titles_only = true;
            return out;
        }
        let keys: Vec<std::rc::Rc<str>> = norms.iter().map(|w| variant::cached_key(w)).collect();
        out.first_key = std::rc::Rc::clone(&keys[0]);
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
        out.hopeless = cands_at.iter().all(Option::is_none);
        for (p, cands) in cands_at.iter().enumerate() {
            let Some(cands) = *cands else {
                continue;
            };
            for &(ai, q) in cands {
                let alias = &self.variant_aliases[ai];
                let Some(start) = p.checked_sub(q) else { continue };
                let len = alias.words.len();
                if start + len > norms.len() {
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
                let same_keys = (0..len).all(|j| alias.keys[j] == *keys[start + j])
                    && alias.keys.iter().map(String::len).sum::<usize>() > variant::MIN_KEY_LEN;
                out.fits.push(RunSpelling {
                    actor: alias.actor,
                    start,
                    len: norms.len() - start,
                    exact,
                    same_keys,
                });
            }
        }
        out
    }
}

/// Append `n` in decimal, as `write!(out, "{n}")` would, without the
/// formatting machinery (a key is written for every run of every sentence).
fn push_decimal(out: &mut String, n: usize) {
    if n >= 10 {
        push_decimal(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// What a run of capitalised words may spell, by its words alone (see
/// [`Linker::run_spellings`]).
#[derive(Debug)]
pub(super) struct RunSpellings {
    /// Every word is a title ("President"): the run names nobody.
    titles_only: bool,
    /// No word of the run can be part of any alias.
    hopeless: bool,
    /// The aliases the run fits, in the order they are weighed.
    fits: Vec<RunSpelling>,
    /// The transliteration key of the run's first word.
    first_key: std::rc::Rc<str>,
}

/// An alias a run fits.
#[derive(Debug, Clone, Copy)]
struct RunSpelling {
    actor: ActorId,
    /// Where the alias starts in the run.
    start: usize,
    /// The run's words from there on.
    len: usize,
    /// The alias words spelled exactly.
    exact: usize,
    /// Every word has the alias word's key, and the keys are long enough
    /// to tell (the actor's scope still to be asked).
    same_keys: bool,
}

#[cfg(test)]
mod tests {
    #[test]
    fn decimal_as_formatted() {
        for n in [0, 1, 9, 10, 11, 99, 100, 12_345, usize::MAX] {
            let mut out = String::from("x");
            super::push_decimal(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }
}
