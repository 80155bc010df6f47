//! Names a later layer takes from actors of lower ones.
//!
//! A user's file is the user's word: when it gives an alias (or a role
//! title) to one of its actors and a lower layer gives the same name to an
//! actor of another id, the name is the user's actor's alone. Left shared,
//! the name would be ambiguous and link to neither. The lower actor also
//! loses its spellings of the name (its aliases that are variants of it,
//! word by word), so that "Hemeti" does not stay the shipped actor's when
//! the user declares "Hemedti" for an actor of their own. A lower actor
//! whose label is taken is the user's actor under another id: it loses
//! every alias and title.

use std::collections::{BTreeMap, HashMap};

use super::{Actor, Gazetteer};
use crate::link::variant;
use crate::text::normalize_phrase;

/// A name an actor lost to an actor of a later layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shadowed {
    /// The name as the lower actor had it ("Hemeti").
    pub name: String,
    /// Whether it is a role title (else an alias).
    pub role: bool,
    /// The later layer's name it is a spelling of, when it is not that
    /// name itself ("Hemedti").
    pub variant_of: Option<String>,
    /// The id of the actor that lost it.
    pub from: String,
    /// The layer that gave it the name (0: the shipped gazetteer).
    pub from_layer: usize,
    /// The id of the actor that has it now.
    pub to: String,
    /// Its layer, the layer of the file that took the name.
    pub layer: usize,
}

/// At most this many names are listed in a file's summary line; the rest
/// are counted.
const LISTED: usize = 12;

/// Take every name shared across layers from the lower actors, and say
/// what was taken. `name_layers[i]` gives, for the normal form of each
/// name of actor `i`, the highest layer that listed it for the actor.
pub(super) fn shadow(actors: &mut [Actor], name_layers: &[&HashMap<String, usize>]) -> Vec<Shadowed> {
    let layer_of = |i: usize, form: &str, actor: &Actor| name_layers[i].get(form).copied().unwrap_or(actor.layer);
    // form -> (actor, layer of the name), for aliases and for titles
    let mut aliases: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    let mut titles: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (i, a) in actors.iter().enumerate() {
        for (names, map) in [
            (a.aliases.iter().collect::<Vec<_>>(), &mut aliases),
            (a.roles.iter().map(|r| &r.title).collect(), &mut titles),
        ] {
            let mut forms: Vec<String> = names.iter().map(|n| normalize_phrase(n).0).collect();
            forms.sort();
            forms.dedup();
            for f in forms {
                let l = layer_of(i, &f, a);
                map.entry(f).or_default().push((i, l));
            }
        }
    }
    let mut out = Vec::new();
    for (role, map) in [(false, aliases), (true, titles)] {
        for (form, owners) in map {
            let Some(top) = owners.iter().map(|&(_, l)| l).max() else {
                continue;
            };
            let Some(&(winner, _)) = owners.iter().find(|&&(_, l)| l == top) else {
                continue;
            };
            let winner_name = name_with_form(&actors[winner], &form, role).unwrap_or_else(|| form.trim().to_string());
            for &(loser, _) in owners.iter().filter(|&&(_, l)| l < top) {
                let layer = |f: &str| layer_of_static(name_layers, loser, f);
                let mut taken = take(&mut actors[loser], &form, top, role, layer);
                // The lower actor's label taken (or a spelling of it): the
                // user declared the same actor under an id of their own, and
                // it takes every name the lower actor had.
                let label = &actors[loser].label;
                let whole = !role && taken.iter().any(|(n, ..)| n == label);
                let mut titles = Vec::new();
                let mut moved_roles = Vec::new();
                if whole {
                    let a = &mut actors[loser];
                    for n in a.aliases.drain(..) {
                        let l = layer(&normalize_phrase(&n).0);
                        taken.push((n, false, l));
                    }
                    for r in a.roles.drain(..) {
                        let l = layer(&normalize_phrase(&r.title).0);
                        titles.push((r.title.clone(), l));
                        moved_roles.push(r);
                    }
                }
                // what was taken is the later actor's now
                let w = &mut actors[winner];
                for (n, ..) in &taken {
                    if !role && !w.aliases.contains(n) {
                        w.aliases.push(n.clone());
                    }
                }
                w.roles.append(&mut moved_roles);
                let named = |(name, variant, from_layer): (String, bool, usize), role: bool| Shadowed {
                    name,
                    role,
                    variant_of: variant.then(|| winner_name.clone()),
                    from: actors[loser].id.clone(),
                    from_layer,
                    to: actors[winner].id.clone(),
                    layer: top,
                };
                out.extend(taken.into_iter().map(|t| named(t, role)));
                out.extend(titles.into_iter().map(|(n, l)| named((n, false, l), true)));
            }
        }
    }
    out.extend(take_spellings(actors, name_layers));
    out.sort_by(|a, b| (a.layer, &a.from, &a.name).cmp(&(b.layer, &b.from, &b.name)));
    out.dedup();
    out
}

/// The transliteration keys of a name's words, joined by spaces.
fn keys_of(form: &str) -> String {
    form.split_whitespace().map(variant::key).collect::<Vec<_>>().join(" ")
}

/// Aliases of lower layers that spell a later layer's alias with the same
/// transliteration key word by word ("Kadyrov" below a user's "Kadirov"):
/// the later actor's too, though no alias is shared as written.
fn take_spellings(actors: &mut [Actor], name_layers: &[&HashMap<String, usize>]) -> Vec<Shadowed> {
    let mut by_keys: HashMap<String, Vec<(usize, String, usize)>> = HashMap::new();
    for (i, a) in actors.iter().enumerate() {
        for n in a.aliases.iter().filter(|n| !is_acronym(n)) {
            let form = normalize_phrase(n).0;
            let k = keys_of(&form);
            // (short keys have too many neighbours)
            if k.len() > variant::MIN_KEY_LEN {
                let layer = layer_of_static(name_layers, i, &form);
                by_keys.entry(k).or_default().push((i, form, layer));
            }
        }
    }
    let mut moves: Vec<(usize, usize, String, String, usize, usize)> = Vec::new();
    for owners in by_keys.values() {
        for (w, wform, wl) in owners.iter().filter(|o| o.2 > 0) {
            for (l, lform, ll) in owners {
                if l != w && ll < wl && lform != wform {
                    moves.push((*l, *w, lform.clone(), wform.clone(), *ll, *wl));
                }
            }
        }
    }
    moves.sort();
    let mut out = Vec::new();
    for (l, w, lform, wform, ll, wl) in moves {
        let Some(pos) = actors[l].aliases.iter().position(|a| normalize_phrase(a).0 == lform) else {
            continue;
        };
        let name = actors[l].aliases.remove(pos);
        let variant_of = name_with_form(&actors[w], &wform, false);
        if !actors[w].aliases.contains(&name) {
            actors[w].aliases.push(name.clone());
        }
        out.push(Shadowed {
            name,
            role: false,
            variant_of,
            from: actors[l].id.clone(),
            from_layer: ll,
            to: actors[w].id.clone(),
            layer: wl,
        });
    }
    out
}

fn layer_of_static(name_layers: &[&HashMap<String, usize>], i: usize, form: &str) -> usize {
    name_layers[i].get(form).copied().unwrap_or(0)
}

/// The name of `actor` whose normal form is `form`, as written.
fn name_with_form(actor: &Actor, form: &str, role: bool) -> Option<String> {
    if role {
        actor
            .roles
            .iter()
            .find(|r| normalize_phrase(&r.title).0 == form)
            .map(|r| r.title.clone())
    } else {
        actor.aliases.iter().find(|a| normalize_phrase(a).0 == form).cloned()
    }
}

/// Remove from `actor` the names of normal form `form` and, for an alias,
/// those of its aliases listed below `top` that spell it otherwise. Returns
/// each name removed, with whether it was a variant and the layer that
/// gave it.
fn take(
    actor: &mut Actor,
    form: &str,
    top: usize,
    role: bool,
    layer: impl Fn(&str) -> usize,
) -> Vec<(String, bool, usize)> {
    let mut taken: Vec<(String, bool, usize)> = Vec::new();
    if role {
        actor.roles.retain(|r| {
            let same = normalize_phrase(&r.title).0 == form;
            if same && !taken.iter().any(|(t, ..)| t == &r.title) {
                taken.push((r.title.clone(), false, layer(form)));
            }
            !same
        });
        return taken;
    }
    let words: Vec<&str> = form.split_whitespace().collect();
    actor.aliases.retain(|a| {
        let f = normalize_phrase(a).0;
        if f == form {
            taken.push((a.clone(), false, layer(&f)));
            return false;
        }
        let spelled = layer(&f) < top && !is_acronym(a) && spells(&words, &f);
        if spelled {
            taken.push((a.clone(), true, layer(&f)));
        }
        !spelled
    });
    taken
}

/// Whether the words of normal form `other` spell `words` word by word,
/// one word at least otherwise.
fn spells(words: &[&str], other: &str) -> bool {
    let others: Vec<&str> = other.split_whitespace().collect();
    others.len() == words.len()
        && words
            .iter()
            .zip(&others)
            .all(|(a, b)| a == b || variant::are_variants(a, b))
}

fn is_acronym(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

/// One line per user file that took names: how many, from which layers,
/// and which (`3 shipped aliases shadowed by my_sudan.csv: Hemedti (hemedti
/// -> mohamed_hamdan_dagalo), ...`).
pub(super) fn summaries(g: &Gazetteer) -> Vec<String> {
    let mut by_layer: BTreeMap<usize, Vec<&Shadowed>> = BTreeMap::new();
    for s in g.shadowed() {
        by_layer.entry(s.layer).or_default().push(s);
    }
    by_layer
        .into_iter()
        .map(|(layer, list)| {
            let file = g.layer_file(layer).unwrap_or("the shipped gazetteer");
            let shipped = if list.iter().all(|s| s.from_layer == 0) {
                "shipped "
            } else {
                ""
            };
            let any_alias = list.iter().any(|s| !s.role);
            let any_role = list.iter().any(|s| s.role);
            let what = match (any_alias, any_role, list.len()) {
                (true, false, 1) => "alias",
                (true, false, _) => "aliases",
                (false, true, 1) => "role title",
                (false, true, _) => "role titles",
                _ => "names",
            };
            // an actor whose label was taken lost every name: one item
            let whole: Vec<(&str, &str)> = list
                .iter()
                .filter(|s| !s.role && g.by_id(&s.from).is_some_and(|a| g.actor(a).label == s.name))
                .map(|s| (s.from.as_str(), s.to.as_str()))
                .collect();
            let mut items: Vec<String> = whole
                .iter()
                .map(|(from, to)| {
                    let n = list.iter().filter(|s| s.from == *from && s.to == *to).count();
                    let label = g.by_id(from).map(|a| g.actor(a).label.as_str()).unwrap_or_default();
                    format!("all {n} names of {from}, its label {label} taken ({from} -> {to})")
                })
                .collect();
            let rest: Vec<&&Shadowed> = list
                .iter()
                .filter(|s| !whole.contains(&(s.from.as_str(), s.to.as_str())))
                .collect();
            items.extend(rest.iter().take(LISTED).map(|s| {
                let spelling = s
                    .variant_of
                    .as_ref()
                    .map(|v| format!(", a spelling of {v}"))
                    .unwrap_or_default();
                let title = if s.role && any_alias { "title " } else { "" };
                format!("{title}{} ({} -> {}{spelling})", s.name, s.from, s.to)
            }));
            if rest.len() > LISTED {
                items.push(format!(
                    "and {} more (`actorgraph actors NAME` shows each)",
                    rest.len() - LISTED
                ));
            }
            format!(
                "{} {shipped}{what} shadowed by {file}: {}",
                list.len(),
                items.join(", ")
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{Gazetteer, GazetteerBuilder};

    fn layered(files: &[(&str, &str)]) -> Gazetteer {
        let mut b = GazetteerBuilder::new();
        for (path, text) in files {
            b.add_text(path, text).unwrap();
        }
        b.build().unwrap()
    }

    fn aliases<'g>(g: &'g Gazetteer, id: &str) -> &'g [String] {
        &g.actor(g.by_id(id).unwrap()).aliases
    }

    const LOWER: &str = r#"(actors: [
        (id: "zeta_front", label: "Zeta Liberation Front", kind: armed_group, aliases: ["Zeta Front", "ZLF"]),
        (id: "ramzan", label: "Ramzan Akhmadovich", kind: person, aliases: ["Kadyrov", "Kadirov"],
         roles: [(title: "Chechen leader")]),
        (id: "ana_torres", label: "Ana Torres", kind: person, aliases: ["Torres Rivas"],
         roles: [(title: "Andean mediator", from: "2020-01-01")]),
    ])"#;

    #[test]
    fn a_later_layer_takes_an_alias_and_the_lower_actor_keeps_the_rest() {
        let g = layered(&[
            ("lower.ron", LOWER),
            (
                "mine.csv",
                "id,label,kind,aliases\nzeta_movement,Zeta Movement,armed_group,ZLF\n",
            ),
        ]);
        assert_eq!(aliases(&g, "zeta_front"), ["Zeta Liberation Front", "Zeta Front"]);
        assert_eq!(aliases(&g, "zeta_movement"), ["Zeta Movement", "ZLF"]);
        assert_eq!(
            g.warnings(),
            ["1 alias shadowed by mine.csv: ZLF (zeta_front -> zeta_movement)"]
        );
    }

    #[test]
    fn the_spellings_of_a_taken_alias_go_with_it() {
        let g = layered(&[
            ("lower.ron", LOWER),
            (
                "mine.csv",
                "id,label,kind,aliases\nchechen_head,Head of Chechnya,person,Kadyrov\n",
            ),
        ]);
        assert_eq!(aliases(&g, "ramzan"), ["Ramzan Akhmadovich"]);
        assert_eq!(aliases(&g, "chechen_head"), ["Head of Chechnya", "Kadyrov", "Kadirov"]);
        // the title was not the user's: it stays
        assert_eq!(g.actor(g.by_id("ramzan").unwrap()).roles.len(), 1);
        assert_eq!(
            g.warnings(),
            [
                "2 aliases shadowed by mine.csv: Kadirov (ramzan -> chechen_head, a spelling of Kadyrov), \
              Kadyrov (ramzan -> chechen_head)"
            ]
        );
    }

    #[test]
    fn taking_the_label_takes_every_name() {
        let g = layered(&[
            ("lower.ron", LOWER),
            (
                "mine.json",
                r#"{"actors": [{"id": "torres", "label": "Ana Torres", "kind": "person"}]}"#,
            ),
        ]);
        let torres = g.actor(g.by_id("torres").unwrap());
        assert_eq!(torres.aliases, ["Ana Torres", "Torres Rivas"]);
        assert_eq!(torres.roles[0].title, "Andean mediator");
        let old = g.actor(g.by_id("ana_torres").unwrap());
        assert!(old.aliases.is_empty() && old.roles.is_empty(), "{old:?}");
        assert_eq!(g.shadowed().len(), 3);
    }

    #[test]
    fn the_same_id_in_a_later_file_extends_and_keeps_the_old_label() {
        let g = layered(&[
            ("lower.ron", LOWER),
            (
                "a.csv",
                "id,label,kind,aliases\nzeta_front,Zeta Front of Liberation,armed_group,Zetas\n",
            ),
            ("b.csv", "id,label,kind,aliases\nzeta_front,ZLF Front,armed_group,\n"),
        ]);
        assert_eq!(
            aliases(&g, "zeta_front"),
            [
                "ZLF Front",
                "Zeta Front",
                "ZLF",
                "Zeta Liberation Front",
                "Zetas",
                "Zeta Front of Liberation"
            ]
        );
        assert_eq!(g.actor(g.by_id("zeta_front").unwrap()).layer, 3);
        assert_eq!(g.layer_file(3), Some("b.csv"));
        assert!(g.warnings().is_empty(), "{:?}", g.warnings());
    }

    #[test]
    fn one_summary_line_per_file_and_ties_in_a_layer_still_warn() {
        let g = layered(&[
            ("lower.ron", LOWER),
            (
                "mine.csv",
                "id,label,kind,aliases,roles\nz1,Z One,armed_group,ZLF|Zeta Front,\nz2,Z Two,armed_group,ZLF,\nm,M,person,,Chechen leader\n",
            ),
        ]);
        assert_eq!(
            g.warnings(),
            [
                "3 names shadowed by mine.csv: title Chechen leader (ramzan -> m), ZLF (zeta_front -> z1), \
                 Zeta Front (zeta_front -> z1)",
                "alias \"zlf\" is shared by z1, z2",
            ]
        );
    }
}
