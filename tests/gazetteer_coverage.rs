//! The shipped gazetteer's coverage by class of actor: national
//! legislatures, sub-national and de facto governments, intergovernmental
//! bodies and their metonyms, and the capitals of states. Each sentence is
//! written for the test (none comes from a gold file).

use std::sync::OnceLock;

use actorgraph::corpus::{parse_date, Document};
use actorgraph::link::Linker;
use actorgraph::pipeline::Pipeline;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::shipped().expect("the shipped gazetteer loads"))
}

fn linker() -> &'static Linker {
    pipeline().linker()
}

/// The actors a text links to, each once, in the order of their first
/// mention ("itself", "it" name them again), on `date` (YYYY-MM-DD).
fn ids_on(text: &str, date: Option<&str>) -> Vec<String> {
    let l = linker();
    let mut doc = Document::new("t", text);
    doc.date = date.and_then(parse_date);
    let (_, mentions) = l.link_document(&doc);
    let mut out: Vec<String> = Vec::new();
    for m in &mentions {
        let id = &l.gazetteer().actor(m.actor).id;
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}

fn ids(text: &str) -> Vec<String> {
    ids_on(text, None)
}

#[test]
fn the_shipped_gazetteer_still_loads_with_no_warning() {
    assert_eq!(pipeline().gazetteer().warnings(), &[] as &[String]);
}

#[test]
fn national_legislatures_are_actors_of_their_own() {
    assert_eq!(ids("The Knesset voted to dissolve itself."), vec!["knesset"]);
    assert_eq!(ids("The Verkhovna Rada passed the law."), vec!["verkhovna_rada"]);
    assert_eq!(ids("The State Duma approved the treaty."), vec!["state_duma"]);
    assert_eq!(
        ids("The Federation Council endorsed the deployment."),
        vec!["federation_council"]
    );
    assert_eq!(ids("The Lok Sabha passed the bill."), vec!["lok_sabha"]);
    assert_eq!(
        ids("The Legislative Yuan blocked the budget."),
        vec!["legislative_yuan"]
    );
    assert_eq!(ids("The U.S. Senate confirmed the nominee."), vec!["us_senate"]);
    assert_eq!(
        ids("The US House of Representatives passed the aid bill."),
        vec!["us_house"]
    );
    assert_eq!(
        ids("Kenyan Senate votes to impeach deputy president."),
        vec!["kenyan_senate"]
    );
}

/// A body's state is its affiliation, not its `country`: "the Turkish
/// authorities" must stay the state once the parliament is named.
#[test]
fn a_legislature_belongs_to_its_state() {
    let g = pipeline().gazetteer();
    for (body, state) in [
        ("knesset", "israel"),
        ("us_congress", "usa"),
        ("somali_house_of_the_people", "somalia"),
        ("tbmm", "turkey"),
    ] {
        let a = g.actor(g.by_id(body).unwrap());
        assert_eq!(a.affiliation, g.by_id(state), "{body}");
    }
    assert_eq!(
        ids("The Turkish parliament approved the motion. The Turkish government welcomed the vote."),
        vec!["tbmm", "turkey"]
    );
}

#[test]
fn a_common_word_legislature_name_is_its_countrys_only() {
    // "Congress" is the United States' in a story that names them...
    assert_eq!(
        ids("Washington said Congress would vote on the sanctions."),
        vec!["usa", "us_congress"]
    );
    // ...and bare "House of Representatives" stays Libya's in a Libyan story
    assert_eq!(
        ids("In Libya, the House of Representatives met in Tobruk."),
        vec!["hor"]
    );
}

#[test]
fn presiding_officers_hold_dated_offices() {
    assert_eq!(
        ids_on(
            "Nancy Pelosi arrived in Taiwan. China condemned the House Speaker.",
            Some("2022-08-02")
        ),
        vec!["nancy_pelosi", "china"]
    );
    assert_eq!(ids("Volodin said the Duma would act."), vec!["vyacheslav_volodin"]);
}

#[test]
fn sub_national_governments_are_actors() {
    assert_eq!(
        ids("Puntland said it would no longer recognise the federal government."),
        vec!["puntland"]
    );
    assert_eq!(ids("Jubaland forces clashed with federal troops."), vec!["jubaland"]);
    assert_eq!(ids("The KRG rejected the budget law."), vec!["krg"]);
    assert_eq!(ids("Republika Srpska threatened to secede."), vec!["republika_srpska"]);
    assert_eq!(
        ids("The Autonomous Administration of North and East Syria welcomed the deal."),
        vec!["aanes"]
    );
    assert_eq!(
        ids("The Tigray Interim Regional Administration accused Eritrea."),
        vec!["tigray_interim_administration", "eritrea"]
    );
}

#[test]
fn sub_national_leaders_act_for_their_government() {
    let g = pipeline().gazetteer();
    for (person, body) in [
        ("said_abdullahi_deni", "puntland"),
        ("ahmed_madobe", "jubaland"),
        ("milorad_dodik", "republika_srpska"),
        ("nechirvan_barzani", "krg"),
        ("vadim_krasnoselsky", "transnistria"),
    ] {
        let a = g.actor(g.by_id(person).unwrap());
        assert_eq!(a.affiliation, g.by_id(body), "{person}");
    }
    assert_eq!(
        ids_on("Madobe met the president of Puntland.", Some("2024-03-01")),
        vec!["ahmed_madobe", "said_abdullahi_deni"]
    );
}

#[test]
fn intergovernmental_bodies_and_their_metonyms() {
    assert_eq!(ids("The E.U. imposed sanctions."), vec!["eu"]);
    assert_eq!(ids("Brussels said the talks had failed."), vec!["eu"]);
    // a metonym after "in" alone is a place
    assert_eq!(ids("Ministers met in Brussels."), Vec::<String>::new());
    assert_eq!(
        ids("The European Commission proposed new sanctions."),
        vec!["european_commission"]
    );
    assert_eq!(ids("The UN nuclear watchdog criticised Iran."), vec!["iaea", "iran"]);
    assert_eq!(ids("The Quad and AUKUS leaders met."), vec!["quad", "aukus"]);
    assert_eq!(ids("The East African Community sent troops."), vec!["eac"]);
    assert_eq!(ids("Igad condemned the attack on Unmiss."), vec!["igad", "unmiss"]);
}

#[test]
fn capitals_stand_for_their_states() {
    assert_eq!(ids("São Tomé said it would cut ties."), vec!["sao_tome_and_principe"]);
    assert_eq!(
        ids_on("The Blue House said the talks were useful.", Some("2019-06-30")),
        vec!["south_korea"]
    );
}
