//! A name looked up by itself: what the linker would link it to and how,
//! which names a later layer took, and the gazetteer's near names. This is
//! `actorgraph actors NAME`, for a user checking a gazetteer file before a
//! build; linking text never goes through it.

use chrono::NaiveDate;

use super::{variant, ActorId, EntryKind, LinkHow, Linker};
use crate::text::normalize_phrase;

/// One actor a name links to.
#[derive(Debug, Clone, PartialEq)]
pub struct NameLink {
    /// The actor.
    pub actor: ActorId,
    /// How: exact (an alias), variant, metonym, demonym (an adjective or a
    /// people's name: an actor only before an agent noun or as "the Turks"),
    /// role, or coreference (a name with its country left out, which links
    /// when the story is about that country).
    pub how: LinkHow,
    /// The gazetteer's name that matched, as written there.
    pub name: String,
    /// For a dated role or seat: first and last day.
    pub from: Option<NaiveDate>,
    /// Last day, if it has ended.
    pub until: Option<NaiveDate>,
    /// For a dated role or seat: whether it holds at the date asked about
    /// (without a date: whether it still holds).
    pub holds: bool,
    /// The country a story must name for this name to link to the actor
    /// (a shipped actor's title or common-word name, see `link::scope`).
    pub scoped_to: Option<ActorId>,
}

/// How many near names [`Linker::near_names`] gives at most.
const NEAR: usize = 8;
/// The least similarity (Jaro-Winkler of normal forms) of a near name.
const MIN_NEAR: f64 = 0.85;

impl Linker {
    /// What `name`, standing alone, links to: every actor with an alias,
    /// metonym, demonym, people's name, role title or elliptic name of the
    /// same normal form, else the actors it spells as a variant. Sorted by
    /// actor index and kind.
    pub fn lookup(&self, name: &str, date: Option<NaiveDate>) -> Vec<NameLink> {
        let form = normalize_phrase(name).0;
        let mut out = Vec::new();
        if let Some(slot) = self.patterns.iter().position(|p| **p == *form) {
            for e in &self.entries[slot] {
                let how = match e.kind {
                    EntryKind::Alias => LinkHow::Exact,
                    EntryKind::Metonym => LinkHow::Metonym,
                    EntryKind::Demonym | EntryKind::People => LinkHow::Demonym,
                    EntryKind::Role => LinkHow::Role,
                    EntryKind::Elliptic => LinkHow::Coreference,
                };
                let holds = match date {
                    Some(d) => e.from.is_none_or(|f| f <= d) && e.until.is_none_or(|u| d <= u),
                    None => e.until.is_none(),
                };
                let common_words = form
                    .split_whitespace()
                    .all(|w| self.body_nouns.contains(w) || self.generic_name_words.contains(w));
                let scoped_to = match e.kind {
                    EntryKind::Role => self.title_scope_of(e),
                    EntryKind::Alias if common_words => self.scope_of(e.actor),
                    _ => None,
                };
                out.push(NameLink {
                    actor: e.actor,
                    how,
                    name: self
                        .written(e.actor, &form, e.kind)
                        .unwrap_or_else(|| name.trim().to_string()),
                    from: e.from,
                    until: e.until,
                    holds,
                    scoped_to,
                });
            }
        }
        if out.is_empty() {
            out = self.variant_lookup(&form);
        }
        out.sort_by_key(|l| (l.actor, l.how, l.from));
        out.dedup();
        out
    }

    /// The actors whose aliases `form` spells otherwise, word by word.
    fn variant_lookup(&self, form: &str) -> Vec<NameLink> {
        let words: Vec<&str> = form.split_whitespace().collect();
        let keys: Vec<String> = words.iter().map(|w| variant::key(w)).collect();
        let mut out = Vec::new();
        for a in &self.variant_aliases {
            if a.words.len() != words.len() {
                continue;
            }
            let spelled =
                (0..words.len()).all(|j| a.words[j] == words[j] || variant::keys_are_variants(&a.keys[j], &keys[j]));
            if spelled {
                let alias = a.words.join(" ");
                let name = self
                    .gazetteer
                    .actor(a.actor)
                    .aliases
                    .iter()
                    .find(|n| normalize_phrase(n).0.trim() == alias)
                    .cloned()
                    .unwrap_or(alias);
                out.push(NameLink {
                    actor: a.actor,
                    how: LinkHow::Variant,
                    name,
                    from: None,
                    until: None,
                    holds: true,
                    // (a lone word needs the story's country; a name with
                    // a word spelled exactly does not)
                    scoped_to: (words.len() == 1).then(|| self.scope_of(a.actor)).flatten(),
                });
            }
        }
        out
    }

    /// The name of `actor` of normal form `form` and entry kind `kind`, as
    /// the gazetteer writes it.
    fn written(&self, actor: ActorId, form: &str, kind: EntryKind) -> Option<String> {
        let a = self.gazetteer.actor(actor);
        let names: Vec<&String> = match kind {
            EntryKind::Alias => a.aliases.iter().collect(),
            EntryKind::Metonym => a.metonyms.iter().chain(a.seats.iter().map(|s| &s.place)).collect(),
            EntryKind::Demonym => a.demonyms.iter().collect(),
            EntryKind::People => a.people.iter().collect(),
            EntryKind::Role => a.roles.iter().map(|r| &r.title).collect(),
            EntryKind::Elliptic => return None,
        };
        names.into_iter().find(|n| normalize_phrase(n).0 == form).cloned()
    }

    /// The gazetteer's aliases nearest to `name` as strings (but not of
    /// its normal form), best first, as (alias, actor).
    pub fn near_names(&self, name: &str) -> Vec<(String, ActorId)> {
        let form = normalize_phrase(name).0;
        let form = form.trim();
        let mut scored: Vec<(f64, String, ActorId)> = Vec::new();
        for (i, a) in self.gazetteer.actors().iter().enumerate() {
            for alias in &a.aliases {
                let f = normalize_phrase(alias).0;
                let f = f.trim();
                if f == form {
                    continue;
                }
                let sim = strsim::jaro_winkler(form, f);
                if sim >= MIN_NEAR {
                    scored.push((sim, alias.clone(), ActorId(i as u32)));
                }
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        scored.dedup_by(|a, b| a.1 == b.1 && a.2 == b.2);
        scored.into_iter().take(NEAR).map(|(_, n, a)| (n, a)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::gazetteer::GazetteerBuilder;

    fn linker() -> Linker {
        let mut b = GazetteerBuilder::new();
        b.add_text(
            "g.ron",
            r#"(actors: [
                (id: "chile", label: "Chile", kind: state, demonyms: ["Chilean"], metonyms: ["Santiago"]),
                (id: "ana", label: "Ana Torres", kind: person, aliases: ["Torres"],
                 roles: [(title: "Chilean foreign minister", from: "2022-03-11", until: "2024-03-10")]),
                (id: "peru", label: "Peru", kind: state, metonyms: ["Lima"]),
            ])"#,
        )
        .unwrap();
        Linker::new(b.build().unwrap())
    }

    fn how(l: &Linker, name: &str, date: Option<&str>) -> Vec<(String, LinkHow, bool)> {
        let date = date.and_then(crate::corpus::parse_date);
        l.lookup(name, date)
            .into_iter()
            .map(|x| (l.gazetteer().actor(x.actor).id.clone(), x.how, x.holds))
            .collect()
    }

    #[test]
    fn a_name_says_how_it_links() {
        let l = linker();
        assert_eq!(how(&l, "torres", None), vec![("ana".into(), LinkHow::Exact, true)]);
        assert_eq!(
            how(&l, "Santiago", None),
            vec![("chile".into(), LinkHow::Metonym, true)]
        );
        assert_eq!(how(&l, "Chilean", None), vec![("chile".into(), LinkHow::Demonym, true)]);
        assert_eq!(
            how(&l, "Chilean Foreign Minister", Some("2023-01-01")),
            vec![("ana".into(), LinkHow::Role, true)]
        );
        assert_eq!(
            how(&l, "Chilean Foreign Minister", Some("2025-01-01")),
            vec![("ana".into(), LinkHow::Role, false)]
        );
        assert_eq!(
            how(&l, "Ana Torrez", None),
            vec![("ana".into(), LinkHow::Variant, true)]
        );
        assert_eq!(how(&l, "Lisbon", None), vec![]);
    }

    #[test]
    fn near_names_are_close_strings() {
        let l = linker();
        let near: Vec<String> = l.near_names("Torre").into_iter().map(|x| x.0).collect();
        assert_eq!(near, vec!["Torres"]);
        assert!(l.near_names("Zanzibar").is_empty());
    }
}
