//! Linker tests on the small test gazetteer of `tests/data` (not the
//! shipped one), with sentences written for them.

use super::*;
use crate::link::gazetteer::GazetteerBuilder;

fn linker() -> Linker {
    let mut b = GazetteerBuilder::new();
    b.add_text(
        "test_gazetteer.ron",
        include_str!("../../tests/data/test_gazetteer.ron"),
    )
    .unwrap();
    Linker::new(b.build().unwrap())
}

/// (surface, actor id, how) of every mention of `text`.
fn links(l: &Linker, text: &str, date: Option<&str>) -> Vec<(String, String, LinkHow)> {
    let mut doc = Document::new("t", text);
    doc.date = date.and_then(crate::corpus::parse_date);
    let (_, mentions) = l.link_document(&doc);
    mentions
        .iter()
        .map(|m| (m.text(text).to_string(), l.gazetteer().actor(m.actor).id.clone(), m.how))
        .collect()
}

fn ids(l: &Linker, text: &str) -> Vec<String> {
    links(l, text, None).into_iter().map(|x| x.1).collect()
}

#[test]
fn aliases_link_case_and_diacritics_folded() {
    let l = linker();
    assert_eq!(
        links(&l, "The Houthis and ANSAR ALLAH are one.", None),
        vec![
            ("Houthis".into(), "houthis".into(), LinkHow::Exact),
            ("ANSAR ALLAH".into(), "houthis".into(), LinkHow::Exact)
        ]
    );
    assert_eq!(ids(&l, "Ethiopia's Abiy Ahmed spoke."), vec!["ethiopia", "abiy_ahmed"]);
}

#[test]
fn acronyms_need_capitals_and_names_need_a_capital() {
    let l = linker();
    assert_eq!(ids(&l, "Let us talk to the US envoy."), vec!["usa"]);
    assert_eq!(ids(&l, "He hung the chad on the wall."), Vec::<String>::new());
    assert_eq!(ids(&l, "U.S. officials met."), vec!["usa"]);
}

#[test]
fn longest_match_wins() {
    let l = linker();
    assert_eq!(ids(&l, "The Sudanese Armed Forces advanced."), vec!["saf"]);
    assert_eq!(ids(&l, "The Houthi rebels advanced."), vec!["houthis"]);
}

#[test]
fn demonyms_only_at_the_head_of_an_agent_phrase() {
    let l = linker();
    assert_eq!(
        links(&l, "Iranian warplanes struck.", None),
        vec![("Iranian warplanes".into(), "iran".into(), LinkHow::Demonym)]
    );
    assert_eq!(ids(&l, "Saudi officials said so."), vec!["saudi_arabia"]);
    assert_eq!(ids(&l, "The Ethiopian city of Mekelle fell."), Vec::<String>::new());
    assert_eq!(ids(&l, "He met his Eritrean counterpart."), Vec::<String>::new());
    assert_eq!(ids(&l, "The Russian Ministry of Defense said."), vec!["russia"]);
    // peacekeepers, missiles, border guards act for their state
    assert_eq!(ids(&l, "Russian peacekeepers withdrew."), vec!["russia"]);
    assert_eq!(ids(&l, "Iranian missiles hit the port."), vec!["iran"]);
    assert_eq!(ids(&l, "Eritrean border guards fired."), vec!["eritrea"]);
}

#[test]
fn metonyms_but_not_places() {
    let l = linker();
    assert_eq!(
        links(&l, "The Kremlin said Moscow was ready.", None),
        vec![
            ("Kremlin".into(), "russia".into(), LinkHow::Metonym),
            ("Moscow".into(), "russia".into(), LinkHow::Metonym)
        ]
    );
    assert_eq!(ids(&l, "Fighting spread in Khartoum."), Vec::<String>::new());
    assert_eq!(ids(&l, "They advanced on the capital, Khartoum."), Vec::<String>::new());
    assert_eq!(ids(&l, "Abiy flew to Asmara."), vec!["abiy_ahmed"]);
    assert_eq!(ids(&l, "Riyadh's offer was welcomed."), vec!["saudi_arabia"]);
}

#[test]
fn forces_named_after_a_leader_are_the_leaders_organisation() {
    let l = linker();
    assert_eq!(
        links(&l, "Hemedti's forces advanced.", None),
        vec![("Hemedti's forces".into(), "rsf".into(), LinkHow::Forces)]
    );
    assert_eq!(ids(&l, "Burhan militias fled."), vec!["saf"]);
    assert_eq!(ids(&l, "The forces of Hemedti fled."), vec!["rsf"]);
    // a body's forces are the body
    assert_eq!(links(&l, "RSF fighters fled.", None)[0].0, "RSF fighters");
    assert_eq!(ids(&l, "RSF fighters fled."), vec!["rsf"]);
}

#[test]
fn role_titles_resolve_by_date() {
    let l = linker();
    let s = "The US Secretary of State arrived.";
    assert_eq!(links(&l, s, Some("2019-05-01"))[0].1, "mike_pompeo");
    assert_eq!(links(&l, s, Some("2022-05-01"))[0].1, "antony_blinken");
    // undated: the latest holder
    assert_eq!(links(&l, s, None)[0].1, "antony_blinken");
    // undated, but a holder was named before
    assert_eq!(
        links(&l, "Pompeo landed. The US Secretary of State spoke.", None)[1].1,
        "mike_pompeo"
    );
    assert_eq!(links(&l, s, None)[0].2, LinkHow::Role);
}

#[test]
fn a_title_glued_to_a_name_gives_way_to_the_name() {
    let l = linker();
    assert_eq!(
        links(&l, "US Secretary of State Antony Blinken arrived.", None),
        vec![("Antony Blinken".into(), "antony_blinken".into(), LinkHow::Exact)]
    );
    // in apposition, the title is the named person's
    let got = links(
        &l,
        "The Ethiopian Prime Minister, Abiy Ahmed, spoke.",
        Some("2010-01-01"),
    );
    assert_eq!(
        got[0],
        ("Ethiopian Prime Minister".into(), "abiy_ahmed".into(), LinkHow::Role)
    );
}

#[test]
fn ambiguous_alias_needs_an_antecedent() {
    let mut b = GazetteerBuilder::new();
    b.add_text(
        "amb.ron",
        "(actors: [(id: \"ali_saleh\", label: \"Ali Saleh\", kind: person, aliases: [\"Ali Saleh\", \"Saleh\"]),\
          (id: \"aguila_saleh\", label: \"Aguila Saleh\", kind: person, aliases: [\"Aguila Saleh\", \"Saleh\"])])",
    )
    .unwrap();
    let l = Linker::new(b.build().unwrap());
    assert_eq!(ids(&l, "Saleh spoke."), Vec::<String>::new());
    assert_eq!(
        ids(&l, "Aguila Saleh arrived. Saleh spoke."),
        vec!["aguila_saleh", "aguila_saleh"]
    );
}

#[test]
fn a_shared_demonym_is_the_state_its_sentence_names() {
    let mut b = GazetteerBuilder::new();
    b.add_text(
        "guinea.ron",
        "(actors: [(id: \"guinea\", label: \"Guinea\", kind: state, aliases: [\"Guinea\"], demonyms: [\"Guinean\"], metonyms: [\"Conakry\"]),\
          (id: \"guinea_bissau\", label: \"Guinea-Bissau\", kind: state, aliases: [\"Guinea-Bissau\"], demonyms: [\"Guinean\"], metonyms: [\"Bissau\"])])",
    )
    .unwrap();
    let l = Linker::new(b.build().unwrap());
    // named even as a place, in the same sentence, before or after
    assert_eq!(
        ids(&l, "Guinean troops were deployed in Bissau."),
        vec!["guinea_bissau"]
    );
    assert_eq!(ids(&l, "In Conakry, Guinean officials met."), vec!["guinea"]);
    assert_eq!(
        ids(&l, "Guinean police arrested protesters, Guinea-Bissau said."),
        vec!["guinea_bissau", "guinea_bissau"]
    );
    // no state of the two named: no guess
    assert_eq!(ids(&l, "Guinean troops crossed the border."), Vec::<String>::new());
}

/// (text, document date, expected "surface=actor" links, in order). Every
/// row is a sentence written for this table; rows with no links must stay
/// unlinked.
const CASES: &[(&str, Option<&str>, &[&str])] = &[
    // transliteration variants, with evidence in the same name
    (
        "Abdul-Malik al-Huthi spoke.",
        None,
        &["Abdul-Malik al-Huthi=abdul_malik_al_houthi"],
    ),
    (
        "Mohammed bin Salmane arrived.",
        None,
        &["Mohammed bin Salmane=mohammed_bin_salman"],
    ),
    ("Isayas Afwerki met envoys.", None, &["Isayas Afwerki=isaias_afwerki"]),
    ("Mohamed Hamdan Daglo spoke.", None, &["Mohamed Hamdan Daglo=hemedti"]),
    ("Antony Blinkin landed.", None, &["Antony Blinkin=antony_blinken"]),
    (
        "Abdel Fattah al-Burhane spoke.",
        None,
        &["Abdel Fattah al-Burhane=abdel_fattah_al_burhan"],
    ),
    // a lone variant needs the actor named before in the document
    (
        "Afwerki spoke. Then Afewerki left.",
        None,
        &["Afwerki=isaias_afwerki", "Afewerki=isaias_afwerki"],
    ),
    ("Afewerki left.", None, &[]),
    ("Abiy Ahmed spoke. Later Abyi left.", None, &["Abiy Ahmed=abiy_ahmed"]),
    // one sense per document: the surname of a name given in full
    (
        "Ngozi Okafor arrived. Okafor met the press.",
        None,
        &["Ngozi Okafor=ngozi_okafor", "Okafor=ngozi_okafor"],
    ),
    (
        "Mike Pompeo spoke. Pompeo left.",
        None,
        &["Mike Pompeo=mike_pompeo", "Pompeo=mike_pompeo"],
    ),
    // near misses stay unlinked
    ("Mohamed Salah scored twice.", None, &[]),
    ("Khartoumi traders protested.", None, &[]),
    ("Saudis protested in the streets.", None, &[]),
    ("Pompei is a ruin.", None, &[]),
    ("Hans Grunberg is a painter.", None, &[]),
    ("Burhani music played.", None, &[]),
    ("Isaiah spoke to the crowd.", None, &[]),
    // metonyms and places
    (
        "Riyadh and Tehran exchanged ambassadors.",
        None,
        &["Riyadh=saudi_arabia", "Tehran=iran"],
    ),
    ("The White House said so.", None, &["White House=usa"]),
    ("Talks were held in Riyadh.", None, &[]),
    ("Fighters moved toward Asmara.", None, &[]),
    ("He lives near Khartoum.", None, &[]),
    ("The Addis Ababa agreement held.", None, &[]),
    // a contested country's bare name is the scene, not an actor
    ("Yemen plunged into chaos.", Some("2016-01-01"), &[]),
    ("Yemen plunged into chaos.", Some("2010-01-01"), &["Yemen=yemen"]),
    ("Yemen plunged into chaos.", None, &[]),
    // demonyms
    (
        "Eritrean troops crossed the border.",
        None,
        &["Eritrean troops=eritrea"],
    ),
    (
        "The Sudanese government protested.",
        None,
        &["Sudanese government=sudan"],
    ),
    ("An Ethiopian farmer spoke.", None, &[]),
    ("Iranian-made drones were found.", None, &[]),
    // forces named after a leader or body
    ("Burhan's army advanced.", None, &["Burhan's army=saf"]),
    ("Houthi rebels fired missiles.", None, &["Houthi rebels=houthis"]),
    // roles by date
    (
        "The US Secretary of State flew in.",
        Some("2019-01-01"),
        &["US Secretary of State=mike_pompeo"],
    ),
    (
        "The US Secretary of State flew in.",
        Some("2023-01-01"),
        &["US Secretary of State=antony_blinken"],
    ),
    ("A new US Secretary of State will be named.", None, &[]),
    (
        "The UN envoy for Yemen, Hans Grundberg, spoke.",
        None,
        &["UN envoy for Yemen=hans_grundberg", "Hans Grundberg=hans_grundberg"],
    ),
    // coreference
    (
        "Abiy Ahmed arrived. He met the press.",
        None,
        &["Abiy Ahmed=abiy_ahmed", "He=abiy_ahmed"],
    ),
    (
        "Ngozi Okafor arrived. She met the press.",
        None,
        &["Ngozi Okafor=ngozi_okafor", "She=ngozi_okafor"],
    ),
    (
        "Ngozi Okafor arrived. He met the press.",
        None,
        &["Ngozi Okafor=ngozi_okafor"],
    ),
    ("He met the press.", None, &[]),
    (
        "Isaias Afwerki spoke. The Eritrean leader was angry.",
        None,
        &["Isaias Afwerki=isaias_afwerki", "Eritrean leader=isaias_afwerki"],
    ),
    (
        "Isaias Afwerki spoke. The Ethiopian leader was angry.",
        None,
        &["Isaias Afwerki=isaias_afwerki"],
    ),
    (
        "Blinken met his Ethiopian counterpart, Abiy Ahmed.",
        None,
        &[
            "Blinken=antony_blinken",
            "his=antony_blinken",
            "Ethiopian counterpart=abiy_ahmed",
            "Abiy Ahmed=abiy_ahmed",
        ],
    ),
    (
        "The African Union met. The union said it was ready.",
        None,
        &["African Union=african_union", "union=african_union", "it=african_union"],
    ),
    ("It is clear that Iran won.", None, &["Iran=iran"]),
    // a name with its country left out, in a document about the country
    (
        "Burhan met envoys. The UN mission said talks would resume.",
        None,
        &["Burhan=abdel_fattah_al_burhan", "UN mission=unitams"],
    ),
    (
        "Afwerki met envoys. The UN mission said talks would resume.",
        None,
        &["Afwerki=isaias_afwerki", "UN mission=unmee"],
    ),
    // ...but no country in play, or any mission: only the UN
    ("The UN mission said talks would resume.", None, &["UN=un"]),
    (
        "Burhan asked for a UN mission.",
        None,
        &["Burhan=abdel_fattah_al_burhan", "UN=un"],
    ),
    // the people of a state as one party, but not its people
    (
        "The Russians are behaving badly, Blinken said.",
        None,
        &["Russians=russia", "Blinken=antony_blinken"],
    ),
    ("The Britons backed the plan.", None, &["Britons=uk"]),
    ("Russians fled the city.", None, &[]),
    ("Thousands of Ethiopians crossed the border.", None, &[]),
    ("The Russians of Crimea voted.", None, &[]),
    // a seat of government stands for whoever held it then
    (
        "Aden rejected the deal.",
        Some("2016-05-01"),
        &["Aden=yemen_government"],
    ),
    ("Aden rejected the deal.", Some("2010-05-01"), &[]),
    ("Aden rejected the deal.", None, &[]),
    (
        "The Hadi government met. Later Aden rejected the deal.",
        None,
        &["Hadi government=yemen_government", "Aden=yemen_government"],
    ),
    ("The Houthis shelled Aden.", Some("2016-05-01"), &["Houthis=houthis"]),
    // a city fought over, or a part of it, is a place
    ("Fighting raged south of Khartoum.", None, &[]),
    ("Shells fell on a Khartoum suburb.", None, &[]),
    ("The RSF tried to seize Khartoum.", None, &["RSF=rsf"]),
    ("Khartoum rejected the plan.", None, &["Khartoum=sudan"]),
    ("MOSCOW, March 3 - Officials spoke.", None, &[]),
    // a country's rulers, from the noun phrase on
    (
        "Pompeo urged dealing with the civilian leadership in Sudan.",
        None,
        &["Pompeo=mike_pompeo", "civilian leadership in Sudan=sudan"],
    ),
    (
        "The authorities of Chad closed the border.",
        None,
        &["authorities of Chad=chad"],
    ),
    (
        "Pompeo backed leadership in Sudan.",
        None,
        &["Pompeo=mike_pompeo", "leadership in Sudan=sudan"],
    ),
    ("The government in Yemen fell.", Some("2020-01-01"), &[]),
    // a country joined to a place or a topic is one too
    (
        "Russia and Iran discussed the files of Sudan and Chad.",
        None,
        &["Russia=russia", "Iran=iran"],
    ),
    ("Troops moved into Sudan and Chad.", None, &[]),
    ("Sudan and Chad signed a pact.", None, &["Sudan=sudan", "Chad=chad"]),
    (
        "In Sudan, Chad and Russia back rival sides.",
        None,
        &["Chad=chad", "Russia=russia"],
    ),
];

#[test]
fn table_of_links() {
    let l = linker();
    let mut failures = Vec::new();
    for (text, date, want) in CASES {
        let got: Vec<String> = links(&l, text, *date)
            .into_iter()
            .map(|(s, a, _)| format!("{s}={a}"))
            .collect();
        if got != *want {
            failures.push(format!("{text}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows wrong:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

/// The candidates of an Aho-Corasick scan of the normal form, as the
/// linker found them before it looked patterns up by their first word.
fn scanned_candidates(l: &Linker, s: &Sentence) -> Vec<(usize, usize, usize)> {
    let automaton = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::Standard)
        .build(l.patterns.iter().map(|p| p.as_bytes()))
        .unwrap();
    let mut out = Vec::new();
    for m in automaton.find_overlapping_iter(&s.norm) {
        let (Some(first), Some(last)) = (s.token_at_norm(m.start() + 1), s.token_ending_at_norm(m.end() - 1)) else {
            continue;
        };
        let pattern = m.pattern().as_usize();
        if l.entries[pattern]
            .iter()
            .any(|e| case_fits(s, first, last + 1, &e.case))
        {
            out.push((first, last + 1, pattern));
        }
    }
    out.sort_by_key(|c| (c.0, std::cmp::Reverse(c.1)));
    out
}

#[test]
fn first_word_lookup_finds_what_a_scan_finds() {
    let shipped = Linker::new(Gazetteer::shipped().unwrap());
    let mut texts: Vec<String> = ["seeds", "tests/gold/dev"]
        .iter()
        .flat_map(|d| std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + d).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    texts.push(
        "U.S.-backed Al-Wefaq forces; al-Sarraj's GNA, the UN Secretary-General, Çavuşoğlu and ﷺ Moscow's \
         Kremlin-backed Wagner Group in Libya's east."
            .to_string(),
    );
    let mut sentences = 0;
    for text in &texts {
        for s in segment(text) {
            let got: Vec<(usize, usize, usize)> = shipped
                .candidates(&s)
                .iter()
                .map(|c| (c.first, c.end, c.pattern))
                .collect();
            assert_eq!(got, scanned_candidates(&shipped, &s), "{}", s.text(text));
            sentences += 1;
        }
    }
    assert!(sentences > 200, "{sentences}");
}

/// The shipped gazetteer with one user file over it.
fn shipped_and(path: &str, text: &str) -> Linker {
    let mut b = GazetteerBuilder::new();
    b.add_default().unwrap();
    b.add_text(path, text).unwrap();
    Linker::new(b.build().unwrap())
}

#[test]
fn a_users_alias_links_to_the_users_actor() {
    let l = shipped_and(
        "mali.csv",
        "id,label,kind,aliases\nafrica_corps,Africa Corps,armed_group,Wagner\nhouthi_movement,Ansar Allah,armed_group,Houthis\n",
    );
    assert_eq!(ids(&l, "Wagner fighters left."), vec!["africa_corps"]);
    // the shipped actor keeps its other names
    assert_eq!(ids(&l, "The Wagner Group left."), vec!["wagner_group"]);
    assert_eq!(ids(&l, "PMC Wagner left."), vec!["wagner_group"]);
    // its label taken, the shipped actor's names all go with it
    assert_eq!(ids(&l, "The Houthi movement fired at a ship."), vec!["houthi_movement"]);
}

#[test]
fn a_users_actor_takes_the_spellings_of_its_alias() {
    let l = shipped_and(
        "chechnya.csv",
        "id,label,kind,aliases\nchechen_head,Head of Chechnya,person,Kadirov\n",
    );
    assert_eq!(
        links(&l, "Kadyrov sent fighters.", None),
        vec![("Kadyrov".into(), "chechen_head".into(), LinkHow::Exact)]
    );
    assert_eq!(ids(&l, "Ramzan Kadyrov sent fighters."), vec!["ramzan_kadyrov"]);
}

/// A user's gazetteer alone, for variants of the user's own names.
fn users_linker() -> Linker {
    let mut b = GazetteerBuilder::new();
    b.add_text(
        "mine.csv",
        "id,label,kind,aliases\n\
         alassane_ouattara,Alassane Ouattara,person,Ouattara\n\
         eduard_shevardnadze,Eduard Shevardnadze,person,Shevardnadze\n\
         shavkat_mirziyoyev,Shavkat Mirziyoyev,person,Mirziyoyev\n\
         tdf,Tigray Defence Forces,armed_group,\n\
         somalia_front,Somalia Salvation Front,armed_group,\n\
         g5_sahel,G5 Sahel,igo,\n\
         ms13,MS-13,armed_group,\n",
    )
    .unwrap();
    Linker::new(b.build().unwrap())
}

#[test]
fn the_users_names_have_variants_too() {
    let l = users_linker();
    let how = |text: &str| links(&l, text, None);
    assert_eq!(
        how("President Alassane Watara spoke."),
        vec![("Alassane Watara".into(), "alassane_ouattara".into(), LinkHow::Variant)]
    );
    assert_eq!(
        how("Eduard Chevardnadze resigned."),
        vec![(
            "Eduard Chevardnadze".into(),
            "eduard_shevardnadze".into(),
            LinkHow::Variant
        )]
    );
    assert_eq!(
        how("Shavkat Mirzioyev arrived."),
        vec![(
            "Shavkat Mirzioyev".into(),
            "shavkat_mirziyoyev".into(),
            LinkHow::Variant
        )]
    );
    // a single word of the same key needs no other evidence
    assert_eq!(ids(&l, "Mirzioyev arrived."), vec!["shavkat_mirziyoyev"]);
}

#[test]
fn names_in_their_adjective_form() {
    let l = users_linker();
    assert_eq!(
        links(&l, "The Tigrayan Defence Forces advanced.", None),
        vec![("Tigrayan Defence Forces".into(), "tdf".into(), LinkHow::Variant)]
    );
    assert_eq!(ids(&l, "The Somali Salvation Front split."), vec!["somalia_front"]);
    // the adjective alone is no name of the group
    assert_eq!(ids(&l, "Tigrayan farmers fled."), Vec::<String>::new());
}

#[test]
fn codes_match_joined_or_split() {
    let l = users_linker();
    assert_eq!(ids(&l, "The G-5 Sahel met."), vec!["g5_sahel"]);
    assert_eq!(ids(&l, "The G5 Sahel met."), vec!["g5_sahel"]);
    assert_eq!(ids(&l, "MS13 and MS-13 are one."), vec!["ms13", "ms13"]);
}

#[test]
fn the_shipped_sudan_keeps_the_rsf_and_the_army_apart_from_the_state() {
    let l = Linker::new(Gazetteer::shipped().unwrap());
    let g = l.gazetteer();
    let hemedti = g.actor(g.by_id("hemedti").unwrap());
    assert_eq!(hemedti.affiliation, g.by_id("rsf"));
    assert_eq!(
        ids(
            &l,
            "The SAF shelled RSF positions as the Sudanese Armed Forces advanced."
        ),
        vec!["saf", "rsf", "saf"]
    );
}

#[test]
fn officials_at_a_seat_of_government_are_its_state() {
    let l = Linker::new(Gazetteer::shipped().unwrap());
    assert_eq!(
        links(&l, "Authorities in Kabul denied the report.", None),
        vec![("Authorities in Kabul".into(), "afghanistan".into(), LinkHow::Metonym)]
    );
    assert_eq!(ids(&l, "Negotiators met diplomats in Hanoi."), vec!["vietnam"]);
    assert_eq!(ids(&l, "The junta in Bamako expelled the envoy."), vec!["mali"]);
    // but a seat after "in" alone is a place
    assert_eq!(ids(&l, "Fighting in Khartoum killed dozens."), Vec::<String>::new());
    assert_eq!(ids(&l, "Protesters gathered in Sofia."), Vec::<String>::new());
    // a demonym phrase holds the noun: the seat stays a place
    assert_eq!(ids(&l, "Bulgarian officials in Sofia agreed."), vec!["bulgaria"]);
}

#[test]
fn coordinated_demonyms_each_name_their_state() {
    let l = Linker::new(Gazetteer::shipped().unwrap());
    assert_eq!(
        links(&l, "Chilean and Peruvian diplomats met.", None),
        vec![
            ("Chilean".into(), "chile".into(), LinkHow::Demonym),
            ("Peruvian diplomats".into(), "peru".into(), LinkHow::Demonym)
        ]
    );
    assert_eq!(
        ids(&l, "Bulgarian, Greek or Turkish troops may go."),
        vec!["bulgaria", "greece", "turkey"]
    );
    // no agent noun after the last: people, no states
    assert_eq!(ids(&l, "Bulgarian and Greek farmers fled."), Vec::<String>::new());
}

#[test]
fn a_title_of_one_conflict_links_only_in_a_story_of_it() {
    let l = Linker::new(Gazetteer::shipped().unwrap());
    let on = |text: &str| -> Vec<String> { links(&l, text, Some("2020-01-01")).into_iter().map(|x| x.1).collect() };
    // the UN envoys of the shipped data are Libya's and Syria's
    assert_eq!(on("The UN envoy met Colombian officials."), vec!["colombia"]);
    assert_eq!(on("DAMASCUS, Jan. 5 - The UN envoy arrived."), vec!["geir_pedersen"]);
    assert_eq!(
        on("The UN envoy met Libyan officials."),
        vec!["ghassan_salame", "libya"]
    );
    // an office no country owns is anyone's story's
    assert_eq!(on("The UN secretary-general flew to Bogota."), vec!["antonio_guterres"]);
}

#[test]
fn a_country_named_as_a_place_scopes_its_conflicts_names() {
    let l = Linker::new(Gazetteer::shipped().unwrap());
    let on = |text: &str| -> Vec<String> { links(&l, text, Some("2020-01-01")).into_iter().map(|x| x.1).collect() };
    // Libya is contested in 2020: its name is the scene, no mention, yet
    // the story is about it
    assert_eq!(
        on("TRIPOLI, Libya (AP) - Fighting went on.\n\nThe UN envoy met the prime minister."),
        vec!["ghassan_salame"]
    );
    assert_eq!(
        on("Fighting raged in Libya on Sunday.\n\nThe UN envoy flew to Tunis."),
        vec!["ghassan_salame"]
    );
    assert_eq!(
        on("Clashes went on in Libya.\n\nThe Presidential Council met."),
        vec!["gna"]
    );
    // another country's story keeps them out
    assert_eq!(
        on("JUBA, South Sudan (AP) - Fighting went on.\n\nThe UN envoy met the prime minister."),
        vec!["south_sudan"]
    );
}

#[test]
fn an_official_of_an_international_body_names_no_country_of_his_own() {
    let l = Linker::new(Gazetteer::shipped().unwrap());
    let on = |text: &str| -> Vec<String> { links(&l, text, Some("2020-01-01")).into_iter().map(|x| x.1).collect() };
    // a bare title is a holder of a country the story names: a UN or
    // NATO official's nationality is none
    assert_eq!(on("Antonio Guterres met the prime minister."), vec!["antonio_guterres"]);
    assert_eq!(
        on("Jens Stoltenberg, the NATO chief, met the prime minister."),
        vec!["jens_stoltenberg", "jens_stoltenberg"]
    );
    assert_eq!(
        on("Ghassan Salame met the prime minister in Tunis."),
        vec!["ghassan_salame"]
    );
    // a head of state speaks for his own
    assert_eq!(
        on("Emmanuel Macron met the prime minister."),
        vec!["emmanuel_macron", "edouard_philippe"]
    );
}

#[test]
fn a_title_qualified_by_its_owner_is_the_owners_office() {
    let l = Linker::new(Gazetteer::shipped().unwrap());
    let on = |text: &str, date| -> Vec<String> { links(&l, text, Some(date)).into_iter().map(|x| x.1).collect() };
    assert_eq!(
        on("The UN's secretary-general spoke.", "2020-01-01"),
        vec!["un", "antonio_guterres"]
    );
    assert_eq!(
        on("NATO's secretary-general spoke.", "2025-01-01"),
        vec!["nato", "mark_rutte"]
    );
    // no office of that owner: no holder of another's
    assert_eq!(on("Russia's secretary-general spoke.", "2020-01-01"), vec!["russia"]);
}

#[test]
fn a_common_word_name_of_one_country_is_not_anothers() {
    let l = Linker::new(Gazetteer::shipped().unwrap());
    // Libya's House of Representatives and Presidential Council, elsewhere
    // (the US House is an actor of its own, gazetteer/legislatures.ron)
    assert_eq!(
        ids(&l, "The US House of Representatives passed the bill."),
        vec!["us_house"]
    );
    assert_eq!(ids(&l, "Iraq's House of Representatives voted."), vec!["iraq"]);
    // a government of that name is its possessor's
    assert_eq!(
        links(&l, "Ethiopia's Government of National Unity fell.", None),
        vec![
            ("Ethiopia".into(), "ethiopia".into(), LinkHow::Exact),
            (
                "Government of National Unity".into(),
                "ethiopia".into(),
                LinkHow::Demonym
            )
        ]
    );
    // in a Libyan story they stay Libyan
    assert_eq!(
        ids(&l, "Libyan officials said the House of Representatives voted."),
        vec!["libya", "hor"]
    );
}

#[test]
fn a_users_file_is_never_scoped_and_wins_ties() {
    let l = shipped_and(
        "sahel.csv",
        "id,label,kind,aliases,roles\nsahel_envoy,Sahel Envoy,person,,UN envoy\nmr_council,Presidential Council,government,,\n",
    );
    assert_eq!(
        ids(&l, "The UN envoy met Malian officials."),
        vec!["sahel_envoy", "mali"]
    );
    assert_eq!(ids(&l, "The Presidential Council met."), vec!["mr_council"]);
}

#[test]
fn affiliations_in_a_cycle_end() {
    let mut b = GazetteerBuilder::new();
    b.add_text(
        "c.csv",
        "id,label,kind,aliases,affiliation\nnorth_wing,North Wing,armed_group,,south_wing\nsouth_wing,South Wing,armed_group,,north_wing\nchad,Chad,state,,\nwing_mission,Wing Mission in Chad,igo,,\n",
    )
    .unwrap();
    let l = Linker::new(b.build().unwrap());
    // "the Wing Mission" asks the nation of each actor named before it
    assert_eq!(
        ids(&l, "The North Wing left. The Wing Mission stayed."),
        vec!["north_wing"]
    );
}

#[test]
fn a_spelling_alone_links_in_a_story_of_its_country() {
    let l = Linker::new(Gazetteer::shipped().unwrap());
    assert_eq!(ids(&l, "Lavrof met Chilean officials."), vec!["chile"]);
    assert_eq!(
        ids(&l, "Lavrof met Russian officials."),
        vec!["sergey_lavrov", "russia"]
    );
    assert_eq!(
        ids(&l, "The Kremlin said Lavrof would attend."),
        vec!["russia", "sergey_lavrov"]
    );
    // a title that names its country is in its own story
    assert_eq!(
        ids(&l, "The head of the General Staff of the Russian Armed Forces spoke."),
        vec!["valery_gerasimov"]
    );
}

#[test]
fn a_states_or_bodys_agents_are_part_of_its_mention() {
    let l = linker();
    // the name and the noun after it are both surfaces of the state
    let t = "Iran's negotiators left as US commanders and AU envoys arrived.";
    let mut doc = Document::new("t", t);
    doc.date = None;
    let (_, mentions) = l.link_document(&doc);
    let spans: Vec<(&str, Vec<&str>)> = mentions
        .iter()
        .map(|m| (m.text(t), m.inner.iter().map(|&(_, a, b)| &t[a..b]).collect()))
        .collect();
    assert_eq!(
        spans,
        vec![
            ("Iran's negotiators", vec!["Iran"]),
            ("US commanders", vec!["US"]),
            ("AU envoys", vec!["AU"])
        ]
    );
    assert_eq!(ids(&l, "Eritrean leaders rejected the plan."), vec!["eritrea"]);
    // a body's kind after its name; a state has none
    assert_eq!(
        links(&l, "The AU bloc met while the Chad alliance waited.", None)
            .into_iter()
            .map(|x| x.0)
            .collect::<Vec<_>>(),
        vec!["AU bloc", "Chad"]
    );
}

#[test]
fn lawmakers_act_for_their_state() {
    let l = linker();
    assert_eq!(ids(&l, "Russian lawmakers approved the treaty."), vec!["russia"]);
    assert_eq!(
        ids(&l, "British senators and Ethiopian legislators met."),
        vec!["uk", "ethiopia"]
    );
    // (and the seat they visited its government: a visit is a meeting)
    assert_eq!(
        ids(&l, "US lawmakers visited Asmara on Monday."),
        vec!["usa", "eritrea"]
    );
}

#[test]
fn a_demonym_before_a_noun_of_what_a_state_does_is_the_state_acting() {
    let l = linker();
    let text = "Saudi officials condemned the Iranian meddling in Yemen.";
    assert_eq!(
        ids(&l, text),
        vec!["saudi_arabia", "iran"],
        "{:?}",
        links(&l, text, None)
    );
    // the demonym alone: the act stays a word of the sentence, for the
    // extractor to read ("Iranian airstrikes on ...")
    let text = "Eritrea rejected the Ethiopian proposal on Monday.";
    assert_eq!(
        links(&l, text, None)[1],
        ("Ethiopian".into(), "ethiopia".into(), LinkHow::Demonym)
    );
    let text = "Chad protested against the Sudanese incursion.";
    assert_eq!(ids(&l, text), vec!["chad", "sudan"]);
    // each act noun in the plural too
    let text = "Eritrean attacks on Ethiopian positions resumed.";
    assert_eq!(
        links(&l, text, None),
        vec![
            ("Eritrean".into(), "eritrea".into(), LinkHow::Demonym),
            ("Ethiopian positions".into(), "ethiopia".into(), LinkHow::Demonym)
        ]
    );
    let text = "Saudi airstrikes and Emirati drone strikes hit the port.";
    assert_eq!(
        links(&l, text, None).into_iter().map(|x| x.0).collect::<Vec<_>>(),
        vec!["Saudi", "Emirati"]
    );
    // a demonym before any other noun names no one
    assert_eq!(ids(&l, "The Sudanese capital was calm."), Vec::<String>::new());
}

#[test]
fn agent_nouns_are_written_once_and_match_in_the_plural() {
    let l = linker();
    // "boat", "checkpoint", "gunboat" are listed in the singular
    assert_eq!(
        links(&l, "Iranian gunboats harassed a British supply boat.", None),
        vec![
            ("Iranian gunboats".into(), "iran".into(), LinkHow::Demonym),
            ("British supply boat".into(), "uk".into(), LinkHow::Demonym)
        ]
    );
    assert_eq!(
        ids(&l, "Gunmen overran two Chadian checkpoints near the border."),
        vec!["chad"]
    );
    assert_eq!(
        ids(&l, "The Sudanese military rulers expelled the envoy."),
        vec!["sudan"]
    );
    // persons in the singular are descriptions of one person, no state
    assert_eq!(ids(&l, "The Russian diplomat spoke on Monday."), Vec::<String>::new());
}

#[test]
fn a_seat_of_government_struck_is_a_place() {
    let l = linker();
    // every act noun with "on" or "of" before a capital makes it a place
    assert_eq!(ids(&l, "Iranian airstrikes on Riyadh killed six."), vec!["iran"]);
    assert_eq!(ids(&l, "The shelling of Khartoum went on."), Vec::<String>::new());
    assert_eq!(ids(&l, "Drone attacks on Moscow were reported."), Vec::<String>::new());
    // elsewhere the seat is its government
    assert_eq!(ids(&l, "Riyadh condemned the attack."), vec!["saudi_arabia"]);
}

#[test]
fn what_a_run_may_spell_is_each_linkers_own() {
    // the runs' spellings are cached per thread: two linkers of other
    // gazetteers asked in turn on one thread give each its own answer,
    // the second time as the first
    let (shipped_like, users) = (linker(), users_linker());
    let texts = ["Antony Blinkin landed.", "President Alassane Watara spoke."];
    let first: Vec<_> = [&shipped_like, &users]
        .iter()
        .flat_map(|l| texts.iter().map(|t| links(l, t, None)))
        .collect();
    assert_eq!(
        first[0],
        vec![("Antony Blinkin".into(), "antony_blinken".into(), LinkHow::Variant)]
    );
    assert_eq!(
        first[3],
        vec![("Alassane Watara".into(), "alassane_ouattara".into(), LinkHow::Variant)]
    );
    assert!(first[1].iter().all(|x| x.1 != "alassane_ouattara"));
    assert!(first[2].is_empty());
    for _ in 0..2 {
        let again: Vec<_> = [&shipped_like, &users]
            .iter()
            .flat_map(|l| texts.iter().map(|t| links(l, t, None)))
            .collect();
        assert_eq!(again, first);
    }
}

#[test]
fn a_states_body_named_by_its_common_noun_is_the_states() {
    let l = Linker::new(Gazetteer::shipped().unwrap());
    let body = |text: &str, surface: &str| -> Option<String> {
        links(&l, text, Some("2021-04-14"))
            .into_iter()
            .find(|x| x.0 == surface)
            .map(|x| x.1)
    };
    // "Somali lower house", "Kenyan parliament" in the gazetteer: the
    // common words name the body in a story about the state
    assert_eq!(
        body(
            "Somalia's president signed the bill. Earlier, parliament's lower house voted for it.",
            "lower house"
        )
        .as_deref(),
        Some("somali_house_of_the_people")
    );
    assert_eq!(
        body(
            "Mogadishu rejected the plan. The upper house refused to meet.",
            "upper house"
        )
        .as_deref(),
        Some("somali_senate")
    );
    assert_eq!(
        body(
            "Kenya's cabinet met on Monday. The parliament voted against the plan.",
            "parliament"
        )
        .as_deref(),
        Some("kenyan_parliament")
    );
    // a thing of the body is no mention of it
    assert_eq!(
        body(
            "Kenya's cabinet met on Monday. The parliament building was closed.",
            "parliament"
        ),
        None
    );
}

#[test]
fn the_people_at_or_from_a_seat_and_the_seats_listed_after_it() {
    let l = Linker::new(Gazetteer::shipped().unwrap());
    assert_eq!(
        links(&l, "Negotiators from Belgrade and Pristina met on Friday.", None),
        vec![
            ("Negotiators from Belgrade".into(), "serbia".into(), LinkHow::Metonym),
            ("Pristina".into(), "kosovo".into(), LinkHow::Metonym)
        ]
    );
    assert_eq!(
        ids(&l, "Officials in Niamey and Bamako rejected the plan."),
        vec!["niger", "mali"]
    );
    assert_eq!(
        ids(&l, "Diplomats in Kigali and Kampala welcomed the deal."),
        vec!["rwanda", "uganda"]
    );
}

#[test]
fn official_before_a_seat_is_one_mention_of_its_government() {
    let l = Linker::new(Gazetteer::shipped().unwrap());
    assert_eq!(
        links(&l, "Kosovo accused official Belgrade of meddling.", None),
        vec![
            ("Kosovo".into(), "kosovo".into(), LinkHow::Exact),
            ("official Belgrade".into(), "serbia".into(), LinkHow::Metonym)
        ]
    );
    assert_eq!(
        links(&l, "The move angered official Washington.", None),
        vec![("official Washington".into(), "usa".into(), LinkHow::Metonym)]
    );
    assert_eq!(
        links(&l, "Official Moscow denied the report.", None),
        vec![("Official Moscow".into(), "russia".into(), LinkHow::Metonym)]
    );
}

#[test]
fn a_spelling_of_a_conflicts_actor_links_where_the_story_names_its_country() {
    let l = shipped_and("none.csv", "id,label,kind,aliases\n");
    // named for the first time, in a variant spelling: the dateline's or
    // the sentence's country is evidence enough
    assert_eq!(
        ids(&l, "Libyan commander Hifter spoke."),
        vec!["khalifa_haftar", "khalifa_haftar"]
    );
    assert_eq!(
        ids(&l, "ASMARA, Eritrea (AP) — President Afeworki spoke on Monday."),
        vec!["eritrea", "isaias_afwerki"]
    );
    assert_eq!(
        ids(&l, "KHARTOUM, Sudan (AP) — General Hemeidti spoke on Monday."),
        vec!["sudan", "hemedti"]
    );
    // another country's story: the name is someone else's
    assert!(!ids(&l, "NOUAKCHOTT, Mauritania (AP) — Commander Hifter spoke.").contains(&"khalifa_haftar".to_string()));
}

#[test]
fn a_groups_branch_named_through_the_group_is_the_branch() {
    let l = shipped_and("none.csv", "id,label,kind,aliases\n");
    // the gazetteer's branch whose name holds the group's and the place
    assert_eq!(
        links(&l, "Niger said the Islamic State's Sahel affiliate attacked.", None),
        vec![
            ("Niger".into(), "niger".into(), LinkHow::Exact),
            (
                "Islamic State's Sahel affiliate".into(),
                "is_sahel".into(),
                LinkHow::Variant
            ),
        ]
    );
    assert_eq!(
        ids(&l, "Nigeria's army fought ISIS's West Africa Province in Borno."),
        vec!["nigeria", "iswap"]
    );
    assert_eq!(
        ids(&l, "The Islamic State's branch in Khorasan claimed the attack."),
        vec!["isis_k"]
    );
    // without found actors, a branch the gazetteer lacks leaves the
    // group's own mention (and "in Ethiopia" is only a place)
    assert_eq!(
        ids(&l, "Kenya condemned al-Shabab's branch in Ethiopia."),
        vec!["kenya", "al_shabaab"]
    );
}

#[test]
fn a_seat_at_the_end_of_a_longer_place_name_is_no_metonym() {
    let l = shipped_and("none.csv", "id,label,kind,aliases\n");
    assert!(ids(&l, "Rebels held Mocimboa da Praia for a year.").is_empty());
    assert!(ids(&l, "Ministers gathered in Vila de Maputo.").is_empty());
    assert!(!ids(&l, "Officials arrived in Santa Cruz de Tenerife.").contains(&"spain".to_string()));
    // the seat alone still stands for its government
    assert_eq!(ids(&l, "Praia protested the decision."), vec!["cape_verde"]);
}

#[test]
fn two_seats_joined_before_a_pair_noun_are_two_governments() {
    let l = linker();
    assert_eq!(
        ids(&l, "Riyadh-Tehran talks resumed in Baghdad."),
        vec!["saudi_arabia", "iran"]
    );
    assert_eq!(
        ids(&l, "The Khartoum-Asmara rapprochement surprised diplomats."),
        vec!["sudan", "eritrea"]
    );
    assert_eq!(
        ids(&l, "A Moscow-London dispute over spies deepened."),
        vec!["russia", "uk"]
    );
    // one seat before the noun is the venue
    assert_eq!(ids(&l, "Talks in Khartoum resumed."), Vec::<String>::new());
}

#[test]
fn a_name_hyphenated_into_a_longer_unknown_name_is_not_its_own() {
    let l = linker();
    // "Burhan-Eddine Moussa" is another man; "Burhan" alone is Burhan
    assert_eq!(
        ids(&l, "Colonel Burhan-Eddine Moussa met the envoys."),
        Vec::<String>::new()
    );
    assert_eq!(ids(&l, "Envoy Mehari-Afwerki Tesfay spoke."), Vec::<String>::new());
    // two names joined before a noun are a pair
    assert_eq!(
        ids(&l, "The Burhan-Afwerki meeting ended."),
        vec!["abdel_fattah_al_burhan", "isaias_afwerki"]
    );
    assert_eq!(ids(&l, "Burhan met the envoys."), vec!["abdel_fattah_al_burhan"]);
}

#[test]
fn a_seat_visited_or_reached_for_talks_is_its_government() {
    let l = linker();
    // a visit to a country is a meeting with its government
    assert_eq!(
        ids(&l, "Blinken visited Riyadh on Monday."),
        vec!["antony_blinken", "saudi_arabia"]
    );
    // a time between the seat and "for talks"
    assert_eq!(
        ids(&l, "Blinken flew to Asmara last week for talks."),
        vec!["antony_blinken", "eritrea"]
    );
    assert_eq!(
        ids(&l, "Blinken arrived in Tehran on Sunday evening for consultations."),
        vec!["antony_blinken", "iran"]
    );
    // reached with no talks said: a place
    assert_eq!(ids(&l, "Blinken arrived in Riyadh on Monday."), vec!["antony_blinken"]);
}

#[test]
fn at_after_words_aimed_at_someone_is_no_place() {
    let l = linker();
    assert_eq!(
        ids(&l, "Abiy lashed out at Asmara on Monday."),
        vec!["abiy_ahmed", "eritrea"]
    );
    assert_eq!(ids(&l, "Hemedti took aim at Khartoum."), vec!["hemedti", "sudan"]);
    assert_eq!(
        ids(&l, "Burhan took a swipe at Riyadh."),
        vec!["abdel_fattah_al_burhan", "saudi_arabia"]
    );
    // "at" alone is a place
    assert_eq!(ids(&l, "Abiy arrived at Asmara airport."), vec!["abiy_ahmed"]);
}
