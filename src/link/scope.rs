//! Names that belong to one conflict, kept out of stories about another.
//!
//! A role title ("UN envoy") or a name made of common words ("Government
//! of National Unity", "Presidential Council") of a shipped actor tied to
//! one country is that actor's only in a story that names the country (or
//! any actor of it, its dateline included): in a story from Juba, "the UN
//! envoy" is not the envoy to Libya, and "South Africa's Government of
//! National Unity" is South Africa's. A user's actors are never scoped:
//! their file is about the user's story. A title qualified by its owner
//! ("NATO's secretary-general") is the owner's office.

use super::{coref, ActorId, ActorKind, Candidate, DocActors, Entry, EntryKind, Linker, Mention, Seen};
use crate::text::{Sentence, TokenKind};

impl Linker {
    /// The state a gazetteer actor belongs to ([`coref::nation`]); none for
    /// an actor found in the text, which belongs to no conflict's scope.
    pub(super) fn nation_of(&self, a: ActorId) -> Option<ActorId> {
        if a.index() >= self.gazetteer.len() {
            return None;
        }
        coref::nation(DocActors::new(&self.gazetteer, &[]), a)
    }

    /// The country a shipped actor's titles and common-word names belong
    /// to: for a person, the country of what they act for (an envoy of the
    /// UN mission in Libya is Libya's, whatever her nationality; a UN
    /// Secretary-General is no country's), else the actor's own country.
    /// `None` for a user's actor (one a user file defined: a shipped actor
    /// it extends stays scoped), a state, or an actor of no country.
    pub(super) fn scope_of(&self, a: ActorId) -> Option<ActorId> {
        let actor = self.gazetteer.actor(a);
        if actor.first_layer > 0 {
            return None;
        }
        match actor.kind {
            ActorKind::State => None,
            ActorKind::Person => coref::acts_for(DocActors::new(&self.gazetteer, &[]), a),
            _ => self.nation_of(a),
        }
    }

    /// Whether the story so far (`seen`, and `places`: the states it named
    /// as places or datelines too) or this sentence (its candidates other
    /// than role titles and the name `here` itself, `all`) names country
    /// `n` or an actor of it.
    ///
    /// (`seen_or_here` is the same question for a variant spelling, which
    /// has only the actors named so far.)
    pub(super) fn story_names(&self, n: ActorId, all: &[Candidate], here: &Candidate, seen: &Seen) -> bool {
        let of_n = |a: ActorId| a == n || self.nation_of(a) == Some(n);
        seen.places.contains(&n)
            || seen.actors.iter().any(|&a| of_n(a))
            || all
                .iter()
                // (the name itself does not count; names inside it do: "head
                // of the General Staff of the Russian Armed Forces")
                .filter(|c| c.pattern != here.pattern)
                .any(|c| {
                    self.entries[c.pattern]
                        .iter()
                        .any(|e| e.kind != EntryKind::Role && e.kind != EntryKind::Elliptic && of_n(e.actor))
                })
    }

    /// Note the states this sentence names by name, demonym, people or
    /// seat, whether or not the name becomes a mention ("TRIPOLI, Libya",
    /// "fighting in Libya"): a story about a country names it as a place
    /// as often as as an actor. A word several states share ("Congolese")
    /// names none of them.
    pub(super) fn note_places(&self, all: &[Candidate], places: &mut Vec<ActorId>) {
        for c in all {
            let mut states = self.entries[c.pattern]
                .iter()
                .filter(|e| e.kind != EntryKind::Role && e.kind != EntryKind::Elliptic)
                .filter(|e| self.gazetteer.actor(e.actor).kind == ActorKind::State)
                .map(|e| e.actor);
            if let Some(state) = states.next() {
                if states.all(|other| other == state) && !places.contains(&state) {
                    places.push(state);
                }
            }
        }
    }

    /// Whether a shipped actor tied to a country may be linked by a
    /// spelling alone: the story so far or this sentence (`here`) names
    /// the country.
    pub(super) fn spelling_in_scope(&self, actor: ActorId, seen: &Seen, here: &[ActorId]) -> bool {
        self.scope_of(actor).is_none_or(|n| {
            seen.places.contains(&n)
                || seen
                    .actors
                    .iter()
                    .chain(here)
                    .any(|&a| a == n || self.nation_of(a) == Some(n))
        })
    }

    /// Whether `actor` may be linked by the title or common-word name
    /// `here`: it is in no country's scope, or the story names its country.
    pub(super) fn in_scope(&self, actor: ActorId, all: &[Candidate], here: &Candidate, seen: &Seen) -> bool {
        self.scope_of(actor)
            .is_none_or(|n| self.story_names(n, all, here, seen))
    }

    /// [`Linker::in_scope`] for a dated title: a bare title ("UN envoy",
    /// 2014-2018) is scoped by the state its holder's other titles of the
    /// same period name ("UN envoy for Syria", 2014-2018), whatever
    /// offices the holder had before or after.
    pub(super) fn title_in_scope(&self, e: &Entry, all: &[Candidate], here: &Candidate, seen: &Seen) -> bool {
        self.title_scope_of(e)
            .is_none_or(|n| self.story_names(n, all, here, seen))
    }

    /// The country a dated title entry is scoped to (see
    /// [`Linker::title_in_scope`]).
    pub(super) fn title_scope_of(&self, e: &Entry) -> Option<ActorId> {
        let actor = self.gazetteer.actor(e.actor);
        let affiliated = actor.affiliation.and_then(|f| self.nation_of(f)).is_some();
        if actor.first_layer == 0 && !affiliated {
            let mut states: Vec<ActorId> = self.title_scope[e.actor.index()]
                .iter()
                .filter(|t| t.0 == e.from && t.1 == e.until)
                .map(|t| t.2)
                .collect();
            states.sort();
            states.dedup();
            if let [n] = states.as_slice() {
                return Some(*n);
            }
        }
        self.scope_of(e.actor)
    }

    /// Whether tokens `first..end` are common words only: heads of bodies
    /// and the words such names are made of ("Government of National
    /// Unity"), no proper name among them.
    pub(super) fn common_words_only(&self, s: &Sentence, first: usize, end: usize) -> bool {
        s.tokens[first..end]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .all(|t| {
                let w = t.norm(s);
                self.body_nouns.contains(w) || self.generic_name_words.contains(w)
            })
    }

    /// The actor of the mention standing right before token `first` as a
    /// possessor ("NATO's" in "NATO's secretary-general").
    pub(super) fn possessor_before(
        &self,
        s: &Sentence,
        first: usize,
        mentions: &[Mention],
    ) -> Option<(ActorId, usize)> {
        let p = first.checked_sub(1)?;
        if s.tokens[p].kind != TokenKind::Possessive {
            return None;
        }
        mentions
            .last()
            .filter(|m| m.end_token == p)
            .map(|m| (m.actor, m.first_token))
    }

    /// The pattern of the possessor's words followed by the title's
    /// ("nato secretary general" for "NATO's secretary-general"), if the
    /// gazetteer has it.
    pub(super) fn owner_title(&self, s: &Sentence, owner_first: usize, first: usize, end: usize) -> Option<usize> {
        let words = |from: usize, to: usize| super::joined_words(s, s.tokens[from..to].iter());
        let owner = words(owner_first, first - 1);
        let title = words(first, end);
        let form = format!(" {owner} {title} ");
        self.pattern_slots.get(form.as_str()).copied()
    }
}

/// The states each actor's role titles name ("UN envoy for Syria", "UN
/// Syria envoy" -> syria), with the title's dates: (from, until, state).
/// `state_names` maps a state's names, lower case, to it.
pub(super) fn title_scopes(
    g: &super::Gazetteer,
    state_names: &std::collections::HashMap<String, ActorId>,
) -> Vec<Vec<TitleState>> {
    /// Longest state name looked for, in words ("Democratic Republic of the Congo").
    const MAX_WORDS: usize = 6;
    g.actors()
        .iter()
        .map(|a| {
            let mut found: Vec<TitleState> = Vec::new();
            for r in &a.roles {
                let words: Vec<String> = r
                    .title
                    .split_whitespace()
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
                    .collect();
                for i in 0..words.len() {
                    for n in 1..=MAX_WORDS.min(words.len() - i) {
                        if let Some(&st) = state_names.get(&words[i..i + n].join(" ")) {
                            let t = (r.from, r.until, st);
                            if !found.contains(&t) {
                                found.push(t);
                            }
                        }
                    }
                }
            }
            found
        })
        .collect()
}

/// A state a role title names, with the title's first and last day.
pub(super) type TitleState = (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>, ActorId);
