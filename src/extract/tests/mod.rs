//! Extractor tests: sentences written for them (not from the seeds), each
//! with the asserted events it must give and nothing else, on the small
//! test gazetteer of `tests/data`.

mod classes;
mod modality_cases;
mod slot_cases;
mod word_cases;

use super::*;
use crate::corpus::Document;
use crate::link::gazetteer::GazetteerBuilder;
use crate::link::Linker;

fn setup() -> (Linker, Extractor) {
    let mut b = GazetteerBuilder::new();
    b.add_text(
        "test_gazetteer.ron",
        include_str!("../../../tests/data/test_gazetteer.ron"),
    )
    .unwrap();
    (Linker::new(b.build().unwrap()), Extractor::new(Lexicon::embedded()))
}

/// Asserted events of `text` as sorted "source relation target" strings.
fn events(linker: &Linker, ex: &Extractor, text: &str) -> Vec<String> {
    let doc = Document::new("t", text);
    let (sentences, mentions) = linker.link_document(&doc);
    let g = linker.gazetteer();
    let mut out: Vec<String> = ex
        .extract(&doc, &sentences, &mentions)
        .iter()
        .filter(|e| e.modality == Modality::Asserted)
        .map(|e| {
            let (mut a, mut b) = (&g.actor(e.source).id, &g.actor(e.target).id);
            if e.relation == Relation::Meet && b < a {
                std::mem::swap(&mut a, &mut b);
            }
            format!("{a} {} {b}", e.relation.as_str())
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Every table of sentences with the asserted events they must give,
/// by what they test.
fn all_cases() -> Vec<(&'static str, &'static [&'static str])> {
    [
        word_cases::WORD_CASES,
        slot_cases::SLOT_CASES,
        modality_cases::MODALITY_CASES,
    ]
    .concat()
}

/// The cases of a table whose asserted events are not the expected ones,
/// each with what it wants and what it got.
pub(super) fn wrong_cases(cases: &[(&str, &[&str])]) -> Vec<String> {
    let (linker, ex) = setup();
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = events(&linker, &ex, text);
        let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        want.sort();
        if got != want {
            failures.push(format!("{text}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    failures
}

#[test]
fn sentences_give_their_events() {
    let cases = all_cases();
    let failures = wrong_cases(&cases);
    assert!(
        failures.is_empty(),
        "{} of {} sentences wrong:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_table_is_large_and_holds_non_events() {
    let cases = all_cases();
    assert!(cases.len() >= 80, "{}", cases.len());
    assert!(cases.iter().filter(|c| c.1.is_empty()).count() >= 20);
}

#[test]
fn reported_speech_keeps_its_reporter() {
    let (linker, ex) = setup();
    let doc = Document::new(
        "t",
        "Blinken said that Iran backs the Houthis. Iran backs the Houthis, Okafor said.",
    );
    let (sentences, mentions) = linker.link_document(&doc);
    let g = linker.gazetteer();
    let reporters: Vec<Option<String>> = ex
        .extract(&doc, &sentences, &mentions)
        .iter()
        .map(|e| e.reported_by.map(|r| g.actor(r).id.clone()))
        .collect();
    assert_eq!(
        reporters,
        vec![Some("antony_blinken".to_string()), Some("ngozi_okafor".to_string())]
    );
}

#[test]
fn modal_events_keep_their_modality() {
    let (linker, ex) = setup();
    let doc = Document::new(
        "t",
        "Abiy Ahmed will meet Isaias Afwerki. Iran denied that Russia backs the Houthis.",
    );
    let (sentences, mentions) = linker.link_document(&doc);
    let modalities: Vec<Modality> = ex
        .extract(&doc, &sentences, &mentions)
        .iter()
        .map(|e| e.modality)
        .collect();
    assert_eq!(modalities, vec![Modality::Planned, Modality::Negated]);
}

#[test]
fn an_extra_lexicon_file_adds_a_trigger_without_code() {
    let (linker, ex) = setup();
    let text = "Iran galvanised the Houthis.";
    assert!(events(&linker, &ex, text).is_empty());
    let extra = "(triggers: [(relation: support, pattern: \"S galvanise T\")])";
    let lex = ex.lexicon().extended_with("extra.ron", extra).unwrap();
    let ex2 = Extractor::new(lex);
    assert_eq!(events(&linker, &ex2, text), vec!["iran support houthis"]);
    // and its passive comes with it
    assert_eq!(
        events(&linker, &ex2, "The Houthis, galvanised by Iran, advanced."),
        vec!["iran support houthis"]
    );
}

#[test]
fn evidence_offsets_are_code_points() {
    let (linker, ex) = setup();
    let text = "Ça va. Iran backs the Houthis.";
    let doc = Document::new("t", text);
    let (sentences, mentions) = linker.link_document(&doc);
    let ev = &ex.extract(&doc, &sentences, &mentions)[0].evidence;
    let chars: Vec<char> = text.chars().collect();
    let cut: String = chars[ev.start..ev.end].iter().collect();
    assert_eq!(cut, "Iran backs the Houthis.");
    assert_eq!(ev.text, cut);
    assert_eq!(ev.trigger, "backs");
}
