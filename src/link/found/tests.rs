//! Names no gazetteer holds, on sentences written for these tests (people
//! and bodies invented, or of conflicts the gold files do not cover), with
//! the shipped gazetteer.

use std::sync::OnceLock;

use super::*;
use crate::corpus::Document;

fn linker() -> &'static Linker {
    static L: OnceLock<Linker> = OnceLock::new();
    L.get_or_init(|| Linker::new(Gazetteer::shipped().unwrap()))
}

/// A found actor as (id, kind, affiliation id).
type Row = (String, ActorKind, Option<String>);

/// (surface, actor id) of the mentions of actors found in `text`, and the
/// found actors.
fn found(text: &str) -> (Vec<(String, String)>, Vec<Row>) {
    let l = linker();
    let doc = Document::new("t", text);
    let (_, mentions, table) = l.link_document_all(&doc);
    let actors = DocActors::new(l.gazetteer(), &table);
    let links = mentions
        .iter()
        .filter(|m| actors.is_found(m.actor))
        .map(|m| (m.text(text).to_string(), actors.actor(m.actor).id.clone()))
        .collect();
    let table = table
        .iter()
        .map(|a| (a.id.clone(), a.kind, a.affiliation.map(|f| actors.actor(f).id.clone())))
        .collect();
    (links, table)
}

fn pair(s: &str, id: &str) -> (String, String) {
    (s.to_string(), id.to_string())
}

#[test]
fn a_name_with_a_capital_inside_is_one_name() {
    let (links, _) = found("Rep. Dana McAllister urged the envoy to act.");
    assert_eq!(links, vec![pair("Dana McAllister", "dana_mcallister")]);
    let (links, _) = found("Governor Luis DeLaCruz criticized the ministry.");
    assert_eq!(links, vec![pair("Luis DeLaCruz", "luis_delacruz")]);
    let (links, _) = found("The plan was rejected, Senator Ewan MacTavish said.");
    assert_eq!(links, vec![pair("Ewan MacTavish", "ewan_mactavish")]);
}

#[test]
fn a_person_named_with_a_title() {
    let (links, table) = found("Mozambican Defence Minister Cristovao Chume visited the garrison in Mueda.");
    // (the title glued to the name is that name's, as for a gazetteer's)
    assert_eq!(
        links,
        vec![
            pair("Mozambican Defence Minister", "cristovao_chume"),
            pair("Cristovao Chume", "cristovao_chume")
        ]
    );
    assert_eq!(
        table,
        vec![("cristovao_chume".into(), ActorKind::Person, Some("mozambique".into()))]
    );
    let (links, _) = found("Brig. Gen. Tomas Arribas Ruiz inspected the border posts.");
    assert_eq!(links, vec![pair("Tomas Arribas Ruiz", "tomas_arribas_ruiz")]);
    let (links, _) = found("The vote was delayed, Senator Alma Leiva complained.");
    assert_eq!(links, vec![pair("Alma Leiva", "alma_leiva")]);
    // a portfolio after "Minister of" is part of the title
    let (links, _) = found("Minister of Mines Joao Baptista Teta signed the decree.");
    assert_eq!(links, vec![pair("Joao Baptista Teta", "joao_baptista_teta")]);
    // a lower-case office before the name, a demonym before it
    let (_, table) = found("Peruvian opposition leader Rosa Quispe Mamani rejected the plan.");
    assert_eq!(
        table,
        vec![("rosa_quispe_mamani".into(), ActorKind::Person, Some("peru".into()))]
    );
}

#[test]
fn an_abbreviated_title_before_a_name_is_a_title() {
    // "Sen.", "Rep.", "Gov.": the full stop the tokeniser leaves apart
    // belongs to the title, whatever follows the name
    let (links, _) = found("Sen. Marta Okonjo, a Kaduna Republican, said the bill would pass.");
    assert_eq!(links, vec![pair("Marta Okonjo", "marta_okonjo")]);
    let (links, _) = found("The ceasefire must hold, said Rep. Elias Brandvold.");
    assert_eq!(links, vec![pair("Elias Brandvold", "elias_brandvold")]);
    let (links, _) = found("Gov. Ines Carvalho, from the coastal province, criticized the plan.");
    assert_eq!(links, vec![pair("Ines Carvalho", "ines_carvalho")]);
}

#[test]
fn a_party_members_noun_and_an_investigators_office() {
    // "the top Democrat on the committee" is a member of a party, no name
    let (links, _) = found("Rep. Tomas Hurtado, the top Democrat on the panel, objected.");
    assert_eq!(links, vec![pair("Tomas Hurtado", "tomas_hurtado")]);
    // a UN special rapporteur acts: investigates, condemns, is barred
    let (links, _) = found("Ana Lucia Ferreyra, the U.N. special rapporteur, condemned the junta.");
    assert_eq!(links, vec![pair("Ana Lucia Ferreyra", "ana_lucia_ferreyra")]);
    let (links, _) = found("The authorities barred Jonas Ekberg, a UN rapporteur on torture, from the prison.");
    assert_eq!(links, vec![pair("Jonas Ekberg", "jonas_ekberg")]);
}

#[test]
fn a_person_in_apposition_to_an_office_or_next_to_a_verb_of_saying() {
    let (links, _) = found("Jorge Ramos Vidal, the commander of the northern garrison, ordered a retreat.");
    assert_eq!(links, vec![pair("Jorge Ramos Vidal", "jorge_ramos_vidal")]);
    let (links, _) = found("Amina Saidu Bello, a spokeswoman for the governor, denied the report.");
    assert_eq!(links, vec![pair("Amina Saidu Bello", "amina_saidu_bello")]);
    let (links, _) = found("Haruna Dikko said the convoy had been stopped at the bridge.");
    assert_eq!(links, vec![pair("Haruna Dikko", "haruna_dikko")]);
    // one capitalised word next to a verb is no evidence of a person
    let (links, _) = found("Rain said little about the season.");
    assert!(links.is_empty(), "{links:?}");
}

#[test]
fn commentators_get_no_node() {
    let (links, table) = found("Laila Haddad, an analyst at the Bayan Institute, said the truce was fragile. Haddad added that both sides were rearming.");
    assert!(links.is_empty() && table.is_empty(), "{links:?} {table:?}");
    let (links, _) = found("Security analyst Tunde Akinola welcomed the move.");
    assert!(links.is_empty(), "{links:?}");
    let (links, _) = found("Former Ambassador Pierre Vasseur said the sanctions would fail.");
    assert!(links.is_empty(), "{links:?}");
}

#[test]
fn organisations_named_with_an_organisation_word() {
    let (links, table) = found("The Karamoja Liberation Front attacked a police post near Moroto.");
    assert_eq!(
        links,
        vec![pair("Karamoja Liberation Front", "karamoja_liberation_front")]
    );
    assert_eq!(table[0].1, ActorKind::ArmedGroup);
    let (links, table) = found("The Sudan Shield Forces clashed with the army near Wad Madani.");
    assert_eq!(links, vec![pair("Sudan Shield Forces", "sudan_shield_forces")]);
    assert_eq!(table[0].1, ActorKind::ArmedGroup);
    let (links, table) = found("Delegates of the Alliance for Democratic Renewal walked out.");
    assert_eq!(
        links,
        vec![pair(
            "Alliance for Democratic Renewal",
            "alliance_for_democratic_renewal"
        )]
    );
    assert_eq!(table[0].1, ActorKind::Organisation);
    let (_, table) = found("Supporters of the Patriotic Unity Party marched in the capital.");
    assert_eq!(table[0].1, ActorKind::Party);
    // generic words alone name no one body
    let (links, _) = found("Security Forces were deployed after the vote.");
    assert!(links.is_empty(), "{links:?}");
}

#[test]
fn acronyms_defined_or_derived_and_force_nouns_after_a_name() {
    let text =
        "The Union for the Renewal of Casamance (URC) said it had freed two soldiers. URC fighters later withdrew.";
    let (links, table) = found(text);
    assert_eq!(
        links,
        vec![
            pair("Union for the Renewal of Casamance", "urc"),
            pair("URC", "urc"),
            // (a pronoun after it resolves to it)
            pair("it", "urc"),
            pair("URC", "urc")
        ]
    );
    assert_eq!(table.len(), 1);
    // the name the acronym spells, out of a longer run
    let (links, _) = found("The Executive Bureau of the Sahel Peace Council (SPC) said the vote was rigged.");
    assert_eq!(links, vec![pair("Sahel Peace Council", "spc"), pair("SPC", "spc")]);
    // initials of a name found before
    let (links, _) =
        found("The Popular Resistance Movement rejected the deal. A PRM commander confirmed the decision.");
    assert_eq!(
        links,
        vec![
            pair("Popular Resistance Movement", "popular_resistance_movement"),
            pair("PRM", "popular_resistance_movement")
        ]
    );
    let (links, table) = found("The Ngumino militia raided two villages overnight.");
    assert_eq!(links, vec![pair("Ngumino", "ngumino")]);
    assert_eq!(table[0].1, ActorKind::ArmedGroup);
    let (links, _) = found("ZALIBA militiamen burned the market.");
    assert_eq!(links, vec![pair("ZALIBA", "zaliba")]);
    // an adjective of a creed or people before a force noun is no name
    let (links, _) = found("Salafist fighters and Kurdish militias held the ridge.");
    assert!(links.is_empty(), "{links:?}");
}

#[test]
fn later_mentions_and_pronouns_link_to_the_found_actor() {
    let l = linker();
    let text =
        "Deputy Governor Kwame Mensah Asante met the elders. Mr. Asante then left. He said Mensah Asante would return.";
    let doc = Document::new("t", text);
    let (_, mentions, table) = l.link_document_all(&doc);
    let actors = DocActors::new(l.gazetteer(), &table);
    let got: Vec<(&str, &str, LinkHow)> = mentions
        .iter()
        .map(|m| (m.text(text), actors.actor(m.actor).id.as_str(), m.how))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Kwame Mensah Asante", "kwame_mensah_asante", LinkHow::Found),
            ("Asante", "kwame_mensah_asante", LinkHow::Found),
            ("He", "kwame_mensah_asante", LinkHow::Coreference),
            ("Mensah Asante", "kwame_mensah_asante", LinkHow::Found),
        ]
    );
}

#[test]
fn places_dates_and_sentence_starts_are_never_actors() {
    for text in [
        "On Monday, Northern Province officials counted the votes.",
        "In March the rains came to the Rift Valley.",
        "Meanwhile Lake Chad kept shrinking, officials said.",
        "Breaking News: the talks resume on Friday.",
        "Islamist militias shelled the town.",
    ] {
        let (links, table) = found(text);
        assert!(links.is_empty() && table.is_empty(), "{text}: {links:?} {table:?}");
    }
}

#[test]
fn known_actors_only_finds_nothing() {
    let l = Linker::new(Gazetteer::shipped().unwrap()).with_found_actors(false);
    let doc = Document::new("t", "The Karamoja Liberation Front attacked a police post.");
    let (_, mentions, table) = l.link_document_all(&doc);
    assert!(table.is_empty());
    assert!(mentions.iter().all(|m| m.actor.index() < l.gazetteer().len()));
}

#[test]
fn a_body_named_with_a_weak_word_needs_a_second_naming() {
    // named once, in passing: no actor
    let (links, _) = found("The Lake Basin Commission published its yearly report.");
    assert!(links.is_empty(), "{links:?}");
    // its acronym defined, or its name again: an actor
    let (links, _) = found("The Lake Basin Commission (LBC) warned the two governments.");
    assert_eq!(links, vec![pair("Lake Basin Commission", "lbc"), pair("LBC", "lbc")]);
    let (links, _) = found(
        "The Coastal Fisheries Committee closed the port. Later the Coastal Fisheries Committee reopened the harbour.",
    );
    assert_eq!(links.len(), 2, "{links:?}");
    // a strong word needs no second naming
    let (links, _) = found("The Ogaden Salvation Front shelled the garrison.");
    assert_eq!(links, vec![pair("Ogaden Salvation Front", "ogaden_salvation_front")]);
}

#[test]
fn a_person_the_text_later_shows_a_commentator_is_no_actor() {
    for text in [
        "Marta Solis Vega said the deal would fail. Solis Vega is now an analyst at a bank.",
        "Ivo Kranjc Babic warned of new clashes. Babic was a researcher in Zagreb for years.",
        "Amadou Sy Diallo said the junta would stay. Diallo, a historian at the university, added more.",
    ] {
        let (links, _) = found(text);
        assert!(links.is_empty(), "{text}: {links:?}");
    }
}

#[test]
fn a_nickname_after_a_person_is_another_name_of_the_person() {
    for (text, nick) in [
        (
            "Senator Joaquin Ferrer Ruiz, known as El Toro, left the chamber. Later El Toro returned.",
            "El Toro",
        ),
        (
            "Governor Idris Bako Lawan, nicknamed Baba, opened the road. Crowds cheered Baba.",
            "Baba",
        ),
        (
            "President Teodoro Ela Mba, known by his nickname Kanga, signed the law. Critics blamed Kanga.",
            "Kanga",
        ),
    ] {
        let (links, table) = found(text);
        assert_eq!(table.len(), 1, "{text}: {table:?}");
        let id = table[0].0.clone();
        assert_eq!(
            links.iter().filter(|(s, i)| s == nick && *i == id).count(),
            2,
            "{text}: {links:?}"
        );
    }
}

#[test]
fn a_state_before_a_role_description_stays_a_name_inside_it() {
    let l = linker();
    for (text, state) in [
        ("Kofi Asare Boateng, Ghana's foreign minister, met the envoy.", "ghana"),
        ("Amina Saidu Bello, Niger's defense minister, toured the base.", "niger"),
        ("Tomas Arribas Ruiz, Chile's top diplomat, left early.", "chile"),
    ] {
        let doc = Document::new("t", text);
        let (_, mentions, table) = l.link_document_all(&doc);
        let actors = DocActors::new(l.gazetteer(), &table);
        let description = mentions
            .iter()
            .find(|m| m.how == LinkHow::Coreference)
            .unwrap_or_else(|| panic!("{text}: {mentions:?}"));
        assert!(actors.is_found(description.actor), "{text}");
        let inner: Vec<&str> = description
            .inner
            .iter()
            .map(|x| actors.actor(x.0).id.as_str())
            .collect();
        assert_eq!(inner, vec![state], "{text}");
    }
}

#[test]
fn a_state_s_own_forces_are_the_state() {
    let l = linker();
    for (text, state) in [
        ("The Kenya Defence Forces shelled the camp.", "kenya"),
        ("Malian Armed Forces retook the town.", "mali"),
        ("The Nigerian Air Force bombed the hideout.", "nigeria"),
    ] {
        let doc = Document::new("t", text);
        let (_, mentions, table) = l.link_document_all(&doc);
        assert!(table.is_empty(), "{text}: {table:?}");
        let ids: Vec<&str> = mentions
            .iter()
            .map(|m| l.gazetteer().actor(m.actor).id.as_str())
            .collect();
        assert_eq!(ids, vec![state], "{text}");
    }
    // another word makes a body of its own
    let (links, _) = found("The Sudan Shield Forces clashed with the army.");
    assert_eq!(links, vec![pair("Sudan Shield Forces", "sudan_shield_forces")]);
}

#[test]
fn a_branch_no_gazetteer_holds_is_an_armed_group_of_its_own() {
    for (text, surface, id) in [
        (
            "Troops retook the town from the Islamic State's Mozambique province.",
            "Islamic State's Mozambique province",
            "islamic_state_mozambique_province",
        ),
        (
            "Kenya condemned al-Shabab's branch in Ethiopia.",
            "al-Shabab's branch in Ethiopia",
            "al_shabaab_ethiopia_branch",
        ),
        (
            "The Islamic State's Congo affiliate claimed the bombing.",
            "Islamic State's Congo affiliate",
            "islamic_state_congo_affiliate",
        ),
    ] {
        let (links, table) = found(text);
        assert_eq!(links, vec![pair(surface, id)], "{text}");
        assert_eq!(table, vec![(id.to_string(), ActorKind::ArmedGroup, None)], "{text}");
    }
}
