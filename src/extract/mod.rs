//! Stage 4: events from sentences.
//!
//! The [`Extractor`] reads each sentence that holds mentions, finds the
//! trigger patterns of the [`Lexicon`] in it, and fills their slots with
//! actors by a shallow analysis of the clause (no parser model):
//!
//! - a slot *before* the trigger takes the subject: the nearest mention to
//!   the left in the same clause, passing over comma-delimited insertions
//!   ("Haftar's forces, backed by Egypt, are allied to …"), mentions inside
//!   prepositional phrases ("In a speech to the Council, Guterres said …")
//!   and possessive modifiers ("Haftar's readiness"), and taking the
//!   antecedent of a relative pronoun ("…, which is supported by Turkey");
//!   a passive takes the nearest phrase, whatever it sits in;
//! - a slot *after* the trigger takes the first mention that follows within
//!   a few words, crossing an appositive comma but no preposition;
//! - a slot *between* two words takes the mentions between them;
//! - every slot extends over a coordinated list ("A, B and C").
//!
//! Modality cues (negation, plans, postponement, conditions) attach to the
//! nearest trigger word; an event whose trigger got one keeps it, and the
//! graph leaves it out unless asked.

mod clause;
pub mod lexicon;
mod matcher;
mod modality;

use std::collections::HashSet;

pub use lexicon::{Lexicon, LexiconError, Modality, Relation};

use crate::corpus::Document;
use crate::link::{ActorId, Mention};
use crate::text::{Sentence, TokenKind};
use clause::{compound_modifier, compound_tail, View, SUPPORTING_PARTICIPLES};
use lexicon::Item;
use matcher::match_body;
use modality::Occurrence;

/// One event: (source, relation, target) asserted (or not) by one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Who acts (for meet: one side).
    pub source: ActorId,
    /// What relation.
    pub relation: Relation,
    /// Whom it is aimed at (for meet: the other side).
    pub target: ActorId,
    /// Whether it happened.
    pub modality: Modality,
    /// Who says so, when the sentence reports someone's words ("Lavrov
    /// said ...") and that someone is not the source.
    pub reported_by: Option<ActorId>,
    /// Where it was read.
    pub evidence: Evidence,
}

/// The sentence behind an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// Index of the sentence in its document.
    pub sentence: usize,
    /// Code-point offset of the sentence in the document text.
    pub start: usize,
    /// Code-point offset one past its end.
    pub end: usize,
    /// The sentence.
    pub text: String,
    /// The trigger words as written.
    pub trigger: String,
}

/// The longest sentence, in tokens, analysed for events: a guard against
/// hostile input (issue 8). No sentence of news comes near it; a longer
/// "sentence" is a list, a table or text without full stops, where the
/// clause analysis would take time quadratic in its length and a list of k
/// actors after "talks between" would make k²/2 events, each with a copy
/// of the whole sentence. Its mentions are still linked and counted (its
/// actors are nodes of the graph); it gives no events.
/// `tests/bad_input.rs` checks both sides of the limit.
pub const MAX_TOKENS_IN_DEPTH: usize = 500;

/// Extracts events with a lexicon.
pub struct Extractor {
    lexicon: Lexicon,
}

pub(crate) struct Found {
    pub(crate) relation: Relation,
    /// True for a pattern without S: the reporter is the source.
    pub(crate) reported_source: bool,
    pub(crate) sources: Vec<ActorId>,
    pub(crate) targets: Vec<ActorId>,
    pub(crate) pairs: bool,
    /// Both directions hold ("S fought T").
    pub(crate) mutual: bool,
    pub(crate) first: usize,
    pub(crate) end: usize,
}

impl Extractor {
    /// An extractor with `lexicon`.
    pub fn new(lexicon: Lexicon) -> Self {
        Extractor { lexicon }
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Events of a document, given its sentences and mentions (in text
    /// order, as the linker returns them).
    pub fn extract(&self, doc: &Document, sentences: &[Sentence], mentions: &[Mention]) -> Vec<Event> {
        let mut out = Vec::new();
        let mut lo = 0;
        // who made the last proposal, and in which sentence
        let mut proposers: Option<(usize, Vec<ActorId>)> = None;
        for s in sentences {
            let mut hi = lo;
            while hi < mentions.len() && mentions[hi].sentence == s.index {
                hi += 1;
            }
            let ms = &mentions[lo..hi];
            lo = hi;
            if s.tokens.len() > MAX_TOKENS_IN_DEPTH {
                continue; // a run-on: linked, not analysed (see the constant)
            }
            if ms.is_empty() {
                continue;
            }
            let recent: &[ActorId] = match &proposers {
                Some((at, who)) if s.index <= at + PROPOSAL_REACH => who,
                _ => &[],
            };
            // an event needs two actors, or one and a coreferent phrase
            let mut distinct: Vec<ActorId> = ms.iter().map(|m| m.actor).chain(recent.iter().copied()).collect();
            distinct.sort();
            distinct.dedup();
            let proposing = (0..s.tokens.len()).any(|i| self.lexicon.may_start_proposal_at(s, i));
            if distinct.len() < 2 && !proposing {
                continue;
            }
            let v = View::new(s, ms, &self.lexicon);
            if distinct.len() >= 2 {
                self.sentence_events(doc, s, ms, &v, recent, &mut out);
            }
            if let Some(who) = proposing.then(|| self.proposal_makers(&v)).flatten() {
                proposers = Some((s.index, who));
            }
        }
        out
    }

    /// The subject of the last verb of proposing in the sentence ("Nigeria
    /// and Ghana called for a session"), if it has one.
    fn proposal_makers(&self, v: &View) -> Option<Vec<ActorId>> {
        let n = v.s.tokens.len();
        (0..n).rev().find_map(|i| {
            if !self.lexicon.may_start_proposal_at(v.s, i) {
                return None;
            }
            let hit = self
                .lexicon
                .proposal_verbs()
                .iter()
                .any(|p| lexicon::verb_phrase_at(v.s, i, p));
            if !hit {
                return None;
            }
            let subject = v.left_slot(i, false);
            let mut who: Vec<ActorId> = subject.iter().flat_map(|&m| v.actors_of(m)).collect();
            who.dedup();
            (!who.is_empty()).then_some(who)
        })
    }

    fn sentence_events(
        &self,
        doc: &Document,
        s: &Sentence,
        ms: &[Mention],
        v: &View,
        proposers: &[ActorId],
        out: &mut Vec<Event>,
    ) {
        let mut occurrences: Vec<Occurrence> = Vec::new();
        let mut found: Vec<Found> = Vec::new();
        let mut inside = vec![false; s.tokens.len()];
        for m in ms {
            inside[m.first_token..m.end_token].iter_mut().for_each(|x| *x = true);
        }
        let present = self.lexicon.presence(s);
        for (i, &in_name) in inside.iter().enumerate() {
            let cands = self.lexicon.starting_with_hash(s.tokens[i].first_word_hash);
            // a word of a name ("Sudanese Armed Forces") is no trigger
            if in_name {
                continue;
            }
            if self.lexicon.is_event_word_at(s, i) && !occurrences.iter().any(|o| o.first == i) {
                occurrences.push(Occurrence {
                    first: i,
                    end: i + 1,
                    relation: None,
                    modality: Modality::Asserted,
                    distance: usize::MAX,
                    continued: false,
                });
            }
            // "the Iran-backed Houthis", "a Qatari-mediated truce": a
            // participle joined to a name modifies the noun after it (the
            // compound rule below reads it), it is no verb
            if compound_tail(s, i) {
                continue;
            }
            for &ti in cands {
                // a word of the pattern that the sentence lacks: no match
                if !self.lexicon.may_match_in(ti, &present) {
                    continue;
                }
                let body = self.lexicon.body(ti);
                // Only a trigger whose words all stand here takes modality
                // cues, whether or not its slots can be filled.
                let Some((end, middle)) = match_body(v, body, i) else {
                    continue;
                };
                if !occurrences.iter().any(|o| o.first == i && o.end == end) {
                    occurrences.push(Occurrence {
                        first: i,
                        end,
                        relation: Some(self.lexicon.triggers()[ti].relation),
                        modality: Modality::Asserted,
                        distance: usize::MAX,
                        continued: false,
                    });
                }
                if let Some(f) = self.fill_slots(v, ti, i, end, middle, proposers) {
                    found.push(f);
                }
            }
        }
        v.relational_events(&mut found);
        // "the Ethiopia-Eritrea war", "US-China talks": two names joined
        // by a hyphen before a noun of a relation between two sides
        for pair in ms.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let joined = b.first_token == a.end_token + 1
                && s.tokens.get(a.end_token).is_some_and(|t| t.kind == TokenKind::Joiner);
            if !joined || b.end_token >= s.tokens.len() || a.actor == b.actor {
                continue;
            }
            if let Some(relation) = self.lexicon.pair_noun(v.norm(b.end_token)) {
                found.push(Found {
                    relation,
                    reported_source: false,
                    sources: vec![a.actor, b.actor],
                    targets: Vec::new(),
                    pairs: true,
                    mutual: false,
                    first: b.end_token,
                    end: b.end_token + 1,
                });
            }
        }
        // "Iran-backed Houthis": the name before the participle backs the
        // one after it
        for m in ms {
            let Some(p) = compound_modifier(s, m.end_token) else {
                continue;
            };
            if !SUPPORTING_PARTICIPLES.contains(&v.norm(p)) {
                continue;
            }
            // the noun after it, or a description over the whole compound
            // ("the Iran-backed rebels")
            let head = v.starts.get(p + 1).copied().flatten().or_else(|| {
                ms.iter()
                    .position(|x| x.first_token <= m.first_token && x.end_token > p + 1 && x.actor != m.actor)
            });
            if let Some(head) = head {
                found.push(Found {
                    relation: Relation::Support,
                    reported_source: false,
                    sources: vec![m.actor],
                    targets: vec![ms[head].actor],
                    pairs: false,
                    mutual: false,
                    first: p,
                    end: p + 1,
                });
            }
        }
        self.hosts_join_meetings(v, &mut found);
        self.brokered_deals_taken_up(v, &mut occurrences, &mut found);
        if found.is_empty() {
            return;
        }
        modality::attach(&self.lexicon, v, &mut occurrences);
        // verbs of saying and their subjects, in order
        let reporters: Vec<(usize, Vec<ActorId>)> = (0..s.tokens.len())
            .filter(|&i| !inside[i] && v.reporting[i])
            .map(|i| {
                let subject = v.left_slot(i, false);
                let subject = if subject.is_empty() && i > 0 && v.is_comma(i - 1) {
                    v.right_slot(i + 1) // ", said Lavrov"
                } else {
                    subject
                };
                let mut actors: Vec<ActorId> = subject.iter().flat_map(|&m| v.actors_of(m)).collect();
                actors.dedup();
                (i, actors)
            })
            .filter(|(_, a)| !a.is_empty())
            .collect();
        // the reporter of a trigger: the nearest verb of saying before it,
        // else one after it behind a comma ("..., Lavrov added")
        let reporter_of = |first: usize| -> Option<&Vec<ActorId>> {
            reporters
                .iter()
                .rev()
                .find(|(r, _)| *r < first && !(*r..first).any(|k| v.norm(k) == ";"))
                .or_else(|| reporters.iter().find(|(r, _)| *r > first))
                .map(|(_, a)| a)
        };
        let mut seen: HashSet<(ActorId, Relation, ActorId)> = HashSet::new();
        for mut f in found {
            let reporter = reporter_of(f.first).cloned().unwrap_or_default();
            if f.reported_source {
                if reporter.is_empty() {
                    continue;
                }
                f.sources = reporter.clone();
            }
            let modality = occurrences
                .iter()
                .find(|o| o.first == f.first && o.end == f.end)
                .map_or(Modality::Asserted, |o| o.modality);
            let trigger = doc.text[s.tokens[f.first].start..s.tokens[f.end - 1].end].to_string();
            let mut emit = |a: ActorId, b: ActorId| {
                if a == b {
                    return;
                }
                let (a, b) = if f.relation == Relation::Meet && b < a {
                    (b, a)
                } else {
                    (a, b)
                };
                if !seen.insert((a, f.relation, b)) {
                    return;
                }
                let reported_by = reporter.first().copied().filter(|r| *r != a && !f.reported_source);
                out.push(Event {
                    source: a,
                    relation: f.relation,
                    target: b,
                    modality,
                    reported_by,
                    evidence: Evidence {
                        sentence: s.index,
                        start: s.char_start,
                        end: s.char_end,
                        text: s.text(&doc.text).to_string(),
                        trigger: trigger.clone(),
                    },
                });
            };
            if f.pairs {
                for (i, &a) in f.sources.iter().enumerate() {
                    for &b in &f.sources[i + 1..] {
                        emit(a, b);
                        if f.relation == Relation::Oppose {
                            emit(b, a);
                        }
                    }
                }
            } else {
                for &a in &f.sources {
                    for &b in &f.targets {
                        emit(a, b);
                        if f.mutual {
                            emit(b, a);
                        }
                    }
                }
            }
        }
    }

    /// "Armenia accepted a Russian-brokered truce": who takes up a deal a
    /// mediator brokered, named before the participle, meets the mediator
    /// (the passive, "a truce brokered by Russia", is a frame of its
    /// class). The verb is an occurrence, so it takes the modality of its
    /// cues ("refused to accept ...").
    fn brokered_deals_taken_up(&self, v: &View, occurrences: &mut Vec<Occurrence>, found: &mut Vec<Found>) {
        for m in v.mentions {
            let Some(p) = compound_modifier(v.s, m.end_token) else {
                continue;
            };
            if !self.lexicon.is_brokered_deal_at(v.s, p) {
                continue;
            }
            let mut k = m.first_token;
            while k > 0 && matches!(v.norm(k - 1), "a" | "an" | "the" | "this" | "that") {
                k -= 1;
            }
            let Some(first) = self.lexicon.deal_taken_up_before(v.s, k) else {
                continue;
            };
            let sources: Vec<ActorId> = v.left_slot(first, false).iter().flat_map(|&x| v.actors_of(x)).collect();
            if sources.is_empty() {
                continue;
            }
            occurrences.push(Occurrence {
                first,
                end: p + 2,
                relation: Some(Relation::Meet),
                modality: Modality::Asserted,
                distance: usize::MAX,
                continued: false,
            });
            found.push(Found {
                relation: Relation::Meet,
                reported_source: false,
                sources,
                targets: vec![m.actor],
                pairs: false,
                mutual: false,
                first,
                end: p + 2,
            });
        }
    }

    /// "Sharaa met Abdi in talks brokered by the United States", "the
    /// Qatari-mediated talks between Kigali and Kinshasa": whoever hosts,
    /// brokers or mediates a meeting of the sentence is one more of its
    /// participants (as the class `host` has it for the active verb).
    /// Each host meets every side of every meeting found, with that
    /// meeting's trigger, so it takes that meeting's modality.
    fn hosts_join_meetings(&self, v: &View, found: &mut Vec<Found>) {
        if !found.iter().any(|f| f.relation == Relation::Meet) {
            return;
        }
        let ms = v.mentions;
        let n = v.s.tokens.len();
        let mut hosts: Vec<ActorId> = Vec::new();
        for m in ms {
            if let Some(p) = compound_modifier(v.s, m.end_token) {
                if self.lexicon.is_host_verb_at(v.s, p) {
                    hosts.push(m.actor);
                }
            }
        }
        for i in 0..n.saturating_sub(2) {
            if !self.lexicon.is_host_verb_at(v.s, i) {
                continue;
            }
            if v.norm(i).ends_with("ed") && v.norm(i + 1) == "by" && !compound_tail(v.s, i) {
                hosts.extend(v.right_slot(i + 2).iter().flat_map(|&m| v.actors_of(m)));
            }
        }
        if hosts.is_empty() {
            return;
        }
        let joined: Vec<Found> = found
            .iter()
            .filter(|f| f.relation == Relation::Meet)
            .map(|f| {
                let mut sides: Vec<ActorId> = f.sources.iter().chain(&f.targets).copied().collect();
                sides.retain(|a| !hosts.contains(a));
                Found {
                    relation: Relation::Meet,
                    reported_source: false,
                    sources: hosts.clone(),
                    targets: sides,
                    pairs: false,
                    mutual: false,
                    first: f.first,
                    end: f.end,
                }
            })
            .collect();
        found.extend(joined);
    }

    fn fill_slots(
        &self,
        v: &View,
        ti: usize,
        at: usize,
        end: usize,
        middle: Option<(usize, usize)>,
        proposers: &[ActorId],
    ) -> Option<Found> {
        let trig = &self.lexicon.triggers()[ti];
        let items = &trig.items;
        let lead = items.first().filter(|i| !matches!(i, Item::Word(_))).cloned();
        let tail = items.last().filter(|i| !matches!(i, Item::Word(_))).cloned();
        let body = self.lexicon.body(ti);
        let mut left = Vec::new();
        let mut right = Vec::new();
        let mut middle_group = Vec::new();
        if let Some((a, b)) = middle {
            middle_group = v.between(a, b);
            if middle_group.is_empty() {
                return None;
            }
        }
        if lead.is_some() {
            left = v.left_slot(at, trig.passive);
            if left.is_empty() {
                return None;
            }
        }
        if tail.is_some() {
            // "back off", "back down", "stand down": a particle the pattern
            // does not have makes another verb
            if end < v.s.tokens.len() && PARTICLES.contains(&v.norm(end)) {
                return None;
            }
            // "sent troops to fight the SPLM-IO": "to" and a verb of the
            // lexicon is a purpose, not a recipient
            // (any verb: "sent drones to monitor the RSF" backs no one)
            let ends_in_to = matches!(body.last(), Some(Item::Word(f)) if f.iter().any(|x| x == "to"));
            if ends_in_to
                && end < v.s.tokens.len()
                && (self.lexicon.starting_with(v.norm(end)).next().is_some() || v.infinitive_at(end))
            {
                return None;
            }
            right = v.right_slot(end);
            if right.is_empty() && !trig.passive {
                // "the SDF, an alliance that Washington backs": the object
                // is the antecedent of an object relative clause.
                right = left
                    .first()
                    .map_or_else(Vec::new, |&m| v.object_antecedent(v.mentions[m].first_token));
            }
            if right.is_empty() {
                // "Senegal backed the request": the makers of the request
                // named before
                if trig.relation != Relation::Meet && !proposers.is_empty() && lead == Some(Item::Source) {
                    let mut k = end;
                    while k < v.s.tokens.len()
                        && matches!(v.norm(k), "the" | "this" | "that" | "their" | "its" | "his" | "her")
                    {
                        k += 1;
                    }
                    if k > end && k < v.s.tokens.len() && self.lexicon.is_proposal_noun(v.norm(k)) {
                        let sources: Vec<ActorId> = left.iter().flat_map(|&m| v.actors_of(m)).collect();
                        return Some(Found {
                            relation: trig.relation,
                            reported_source: false,
                            sources,
                            targets: proposers.to_vec(),
                            pairs: false,
                            mutual: trig.mutual,
                            first: at,
                            end,
                        });
                    }
                }
                return None;
            }
        }
        // Which group is which slot.
        let slot_of = |item: &Item| -> Option<&Vec<usize>> {
            if Some(item) == lead.as_ref() {
                Some(&left)
            } else if Some(item) == tail.as_ref() {
                Some(&right)
            } else if body.contains(item) {
                Some(&middle_group)
            } else {
                None
            }
        };
        let actors = |g: &Vec<usize>| -> Vec<ActorId> {
            let mut a: Vec<ActorId> = Vec::new();
            for id in g.iter().flat_map(|&m| v.actors_of(m)) {
                if !a.contains(&id) {
                    a.push(id);
                }
            }
            a
        };
        if items.contains(&Item::Participants) {
            let g = slot_of(&Item::Participants)?;
            let p = actors(g);
            if p.len() < 2 {
                return None;
            }
            if items.contains(&Item::Source) && trig.relation == Relation::Meet {
                // "S hosted talks between P": S is one more participant,
                // and every pair of them meets
                let mut all = actors(slot_of(&Item::Source)?);
                all.extend(p.into_iter().filter(|a| !all.contains(a)).collect::<Vec<_>>());
                return Some(Found {
                    relation: trig.relation,
                    reported_source: false,
                    sources: all,
                    targets: Vec::new(),
                    pairs: true,
                    mutual: trig.mutual,
                    first: at,
                    end,
                });
            }
            if items.contains(&Item::Source) {
                // "S welcomed the talks between P": S and each of them
                return Some(Found {
                    relation: trig.relation,
                    reported_source: false,
                    sources: actors(slot_of(&Item::Source)?),
                    targets: p,
                    pairs: false,
                    mutual: trig.mutual,
                    first: at,
                    end,
                });
            }
            return Some(Found {
                relation: trig.relation,
                reported_source: false,
                sources: p,
                targets: Vec::new(),
                pairs: true,
                mutual: trig.mutual,
                first: at,
                end,
            });
        }
        let reported_source = !items.contains(&Item::Source);
        let sources = if reported_source {
            Vec::new()
        } else {
            actors(slot_of(&Item::Source)?)
        };
        let targets = actors(slot_of(&Item::Target)?);
        Some(Found {
            relation: trig.relation,
            reported_source,
            sources,
            targets,
            pairs: false,
            mutual: trig.mutual,
            first: at,
            end,
        })
    }
}

/// How many sentences after a proposal a noun for it ("the request") still
/// refers to it.
const PROPOSAL_REACH: usize = 2;

/// Particles that make a phrasal verb of the verb before them.
const PARTICLES: &[&str] = &["off", "down", "away", "out", "up", "back"];

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_news;
