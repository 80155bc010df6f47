//! Offices: who holds which office of which actor, and when.
//!
//! A role title of the gazetteer ("Russian president", "president of
//! Russia", "RSF commander", "Russia's top diplomat") is read as an office
//! ("president", "commander", "top diplomat") of an actor (a state, a body,
//! an armed group): the name or demonym of that actor before the office,
//! or after "of". The index answers descriptions that name the office
//! without the title's words: "the president" (a holder of a country the
//! document names), "the group's leader", "his first vice president",
//! "Nigeria's defense minister".

use std::sync::OnceLock;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::gazetteer::{ActorId, ActorKind, Gazetteer, RoleSpec};
use crate::text::normalize_phrase;

/// Other names of offices (`office.ron`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OfficeFile {
    synonyms: Vec<(String, Vec<String>)>,
}

const OFFICE_WORDS: &str = include_str!("office.ron");

/// Office -> its other names.
fn synonyms() -> &'static FxHashMap<String, Vec<String>> {
    static SYNONYMS: OnceLock<FxHashMap<String, Vec<String>>> = OnceLock::new();
    SYNONYMS.get_or_init(|| {
        let f: OfficeFile = ron::from_str(OFFICE_WORDS).expect("embedded office.ron is valid");
        f.synonyms.into_iter().collect()
    })
}

/// The titles a role is written as: its own title, and for an office of an
/// actor the phrasings derived from that actor's names and demonyms
/// ("Russian president", "president of Russia", "Russian leader", and "RSF
/// commander" for an acronym). The possessive ("Russia's president") is
/// left to coreference, which reads it as a description: glued to a name
/// ("Ukraine's President Petro Poroshenko") it must stay a mention of its
/// own, which a title glued to a name does not.
pub(super) fn phrasings(g: &Gazetteer, r: &RoleSpec) -> Vec<String> {
    let mut out = Vec::new();
    if !r.title.is_empty() {
        out.push(r.title.clone());
    }
    let (Some(office), Some(of)) = (&r.office, r.of.as_deref().and_then(|id| g.by_id(id))) else {
        return out;
    };
    let a = g.actor(of);
    let mut names = vec![office.clone()];
    names.extend(synonyms().get(office.as_str()).into_iter().flatten().cloned());
    for o in &names {
        for d in &a.demonyms {
            out.push(format!("{d} {o}"));
        }
        for n in &a.aliases {
            out.push(format!("{o} of {n}"));
            // "leader of the Taliban", "commander of the RSF"
            if n.contains(' ') || a.kind != ActorKind::State {
                out.push(format!("{o} of the {n}"));
            }
            let acronym = n.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
            if acronym || a.kind != ActorKind::State {
                out.push(format!("{n} {o}"));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// One holder of one office.
#[derive(Debug, Clone)]
struct Holder {
    person: ActorId,
    of: ActorId,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
}

/// Office (normalised words joined by spaces) -> its holders.
#[derive(Debug, Default)]
pub(super) struct Offices {
    by_office: FxHashMap<String, Vec<Holder>>,
    /// The most words an office has.
    longest: usize,
    /// [`crate::text::word_hash`] of every office's first word: most
    /// tokens begin none, and are turned away before any string is built.
    first_words: rustc_hash::FxHashSet<u64>,
    /// `first_words` as bits, asked first.
    first_bits: crate::text::HashBits,
}

/// The normalised words of a phrase.
fn words(phrase: &str) -> Vec<String> {
    normalize_phrase(phrase)
        .0
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

impl Offices {
    /// Read every role title of `g` as an office of an actor.
    pub(super) fn new(g: &Gazetteer) -> Offices {
        // names and demonyms of the actors offices belong to; a name two
        // actors claim is no one's
        let mut names: FxHashMap<String, Option<ActorId>> = FxHashMap::default();
        for (i, a) in g.actors().iter().enumerate() {
            if a.kind == ActorKind::Person {
                continue;
            }
            let id = ActorId(i as u32);
            for n in a.aliases.iter().chain(&a.demonyms) {
                let key = words(n).join(" ");
                if key.is_empty() {
                    continue;
                }
                let e = names.entry(key).or_insert(Some(id));
                if *e != Some(id) {
                    *e = None;
                }
            }
        }
        let mut out = Offices::default();
        for (i, a) in g.actors().iter().enumerate() {
            if a.kind != ActorKind::Person {
                continue;
            }
            for r in &a.roles {
                let written = r
                    .office
                    .as_deref()
                    .zip(r.of.as_deref().and_then(|id| g.by_id(id)))
                    .map(|(o, of)| (words(o).join(" "), of));
                if let Some((office, of)) = written.or_else(|| office_of(&words(&r.title), &names)) {
                    out.add(office, ActorId(i as u32), of, r.from, r.until);
                }
            }
        }
        out
    }

    fn add(&mut self, office: String, person: ActorId, of: ActorId, from: Option<NaiveDate>, until: Option<NaiveDate>) {
        self.longest = self.longest.max(office.split(' ').count());
        self.first_words.insert(crate::text::word_hash(&office));
        self.first_bits.insert(crate::text::word_hash(&office));
        let list = self.by_office.entry(office).or_default();
        if !list
            .iter()
            .any(|h| h.person == person && h.of == of && h.from == from && h.until == until)
        {
            list.push(Holder {
                person,
                of,
                from,
                until,
            });
        }
    }

    /// The most words an office has.
    pub(super) fn longest(&self) -> usize {
        self.longest
    }

    /// Whether an office may begin with a word of this
    /// [`crate::text::Token::first_word_hash`].
    pub(super) fn may_start(&self, hash: u64) -> bool {
        self.first_bits.may_hold(hash) && self.first_words.contains(&hash)
    }

    /// Whether `office` is the office of anyone.
    pub(super) fn is_office(&self, office: &str) -> bool {
        self.by_office.contains_key(office)
    }

    /// Whether `person` holds `office` (of anyone) at `date`.
    pub(super) fn holds(&self, person: ActorId, office: &str, date: Option<NaiveDate>) -> bool {
        self.by_office
            .get(office)
            .is_some_and(|l| l.iter().any(|h| h.person == person && held(h, date)))
    }

    /// Whether `person` held `office` (of anyone) in a term that ended
    /// before `date` (without a date, in any term that has ended).
    pub(super) fn held_before(&self, person: ActorId, office: &str, date: Option<NaiveDate>) -> bool {
        self.by_office.get(office).is_some_and(|l| {
            l.iter()
                .any(|h| h.person == person && h.until.is_some_and(|u| date.is_none_or(|d| u < d)))
        })
    }

    /// The one holder of `office` of `of` at `date` (without a date, the
    /// holder whose term has not ended); none when two would do.
    pub(super) fn holder(&self, office: &str, of: ActorId, date: Option<NaiveDate>) -> Option<ActorId> {
        let mut found = self
            .by_office
            .get(office)?
            .iter()
            .filter(|h| h.of == of && held(h, date))
            .map(|h| h.person);
        let first = found.next()?;
        found.all(|p| p == first).then_some(first)
    }
}

fn held(h: &Holder, date: Option<NaiveDate>) -> bool {
    match date {
        Some(d) => h.from.is_none_or(|f| f <= d) && h.until.is_none_or(|u| d <= u),
        None => h.until.is_none(),
    }
}

/// "russian president" -> ("president", russia); "president of russia",
/// "russia 's top diplomat", "rsf commander" likewise.
fn office_of(w: &[String], names: &FxHashMap<String, Option<ActorId>>) -> Option<(String, ActorId)> {
    let w = if w.first().is_some_and(|x| x == "the") {
        &w[1..]
    } else {
        w
    };
    let n = w.len();
    // "office of [the] NAME"
    if let Some(p) = w.iter().position(|x| x == "of").filter(|&p| p > 0) {
        let rest = &w[p + 1..];
        let rest = if rest.first().is_some_and(|x| x == "the") {
            &rest[1..]
        } else {
            rest
        };
        if let Some(Some(a)) = names.get(&rest.join(" ")) {
            return Some((w[..p].join(" "), *a));
        }
    }
    // "NAME ['s] office", the longest name
    for k in (1..n).rev() {
        if let Some(Some(a)) = names.get(&w[..k].join(" ")) {
            let rest = if w[k] == "'s" { &w[k + 1..] } else { &w[k..] };
            if !rest.is_empty() {
                return Some((rest.join(" "), *a));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> FxHashMap<String, Option<ActorId>> {
        let mut m = FxHashMap::default();
        m.insert("peru".to_string(), Some(ActorId(1)));
        m.insert("peruvian".to_string(), Some(ActorId(1)));
        m.insert("farc".to_string(), Some(ActorId(2)));
        m.insert("african union".to_string(), Some(ActorId(3)));
        m
    }

    fn read(t: &str) -> Option<(String, ActorId)> {
        office_of(&words(t), &names())
    }

    #[test]
    fn an_office_of_an_actor_is_phrased_every_usual_way() {
        let mut b = crate::link::gazetteer::GazetteerBuilder::new();
        b.add_text(
            "t.ron",
            r#"(actors: [
                (id: "chile", label: "Chile", kind: state, demonyms: ["Chilean"]),
                (id: "kla", label: "Kosovo Liberation Army", kind: armed_group, aliases: ["KLA"]),
                (id: "p", label: "P", kind: person, roles: [
                    (office: "president", of: "chile", from: "2022-03-11"),
                    (office: "commander", of: "kla"),
                ]),
            ])"#,
        )
        .unwrap();
        let g = b.build().unwrap();
        let p = g.actor(g.by_id("p").unwrap());
        let president = phrasings(&g, &p.roles[0]);
        for t in ["Chilean president", "president of Chile", "Chilean leader"] {
            assert!(president.contains(&t.to_string()), "{t} in {president:?}");
        }
        assert!(!president.contains(&"Chile president".to_string()));
        let commander = phrasings(&g, &p.roles[1]);
        for t in ["KLA commander", "commander of the Kosovo Liberation Army"] {
            assert!(commander.contains(&t.to_string()), "{t} in {commander:?}");
        }
        let offices = Offices::new(&g);
        let date = crate::corpus::parse_date("2023-01-01");
        assert_eq!(
            offices.holder("president", g.by_id("chile").unwrap(), date),
            g.by_id("p")
        );
    }

    #[test]
    fn a_role_of_an_unknown_actor_is_an_error() {
        let mut b = crate::link::gazetteer::GazetteerBuilder::new();
        b.add_text(
            "t.ron",
            r#"(actors: [(id: "p", label: "P", kind: person, roles: [(office: "king", of: "nowhere")])])"#,
        )
        .unwrap();
        let e = b.build().unwrap_err().to_string();
        assert!(e.contains("role of \"nowhere\" names no actor"), "{e}");
        let mut b = crate::link::gazetteer::GazetteerBuilder::new();
        b.add_text(
            "t.ron",
            r#"(actors: [(id: "p", label: "P", kind: person, roles: [(office: "king")])])"#,
        )
        .unwrap();
        assert!(b.build().unwrap_err().to_string().contains("a role needs a title"));
    }

    #[test]
    fn titles_are_read_as_an_office_of_an_actor() {
        assert_eq!(read("Peruvian president"), Some(("president".into(), ActorId(1))));
        assert_eq!(
            read("prime minister of Peru"),
            Some(("prime minister".into(), ActorId(1)))
        );
        assert_eq!(read("Peru's top diplomat"), Some(("top diplomat".into(), ActorId(1))));
        assert_eq!(read("FARC commander"), Some(("commander".into(), ActorId(2))));
        assert_eq!(
            read("chairperson of the African Union"),
            Some(("chairperson".into(), ActorId(3)))
        );
        assert_eq!(read("Kremlin spokesman"), None);
        assert_eq!(read("Peru"), None);
    }
}
