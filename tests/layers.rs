//! The user's files over the shipped data, end to end: a user's alias
//! wins, `actors` says how a name links and lists the gazetteer in the
//! user-file schema, and a user lexicon adds to the shipped one.

mod common;
use common::{edge_names, run, stderr, stdout};

use std::path::Path;

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

/// (text, actor) of every mention `actorgraph mentions` prints.
fn mentions(args: &[&str]) -> Vec<(String, String)> {
    let o = run(&[&["mentions"], args].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["text"].as_str().unwrap().to_string(),
                v["actor"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_challenge_collisions_link_to_the_users_ids() {
    let gz = "tests/gold/challenge/gazetteer_challenge.json";
    for (case, surface, id) in [
        ("01", "DRC", "drc"),
        ("02", "Polisario Front", "polisario"),
        ("03", "AU Peace and Security Council", "au_psc"),
        ("04", "Operation Barkhane", "barkhane"),
        ("05", "AFRICOM", "africom"),
        ("06", "Presidential Council", "haiti_tpc"),
    ] {
        let doc = format!("tests/gold/challenge/ch_L6_{case}.txt");
        let got = mentions(&[&doc, "--gazetteer", gz]);
        assert!(got.contains(&(surface.to_string(), id.to_string())), "{case}: {got:?}");
    }
    // one summary line for the file, no line per alias
    let o = run(&["mentions", "tests/gold/challenge/ch_L6_01.txt", "--gazetteer", gz]);
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("shipped aliases shadowed by"), "{err}");
}

#[test]
fn a_users_commander_takes_his_names_and_spellings() {
    let dir = tempfile::tempdir().unwrap();
    let gz = write(
        dir.path(),
        "my_sudan.csv",
        "id,label,kind,aliases,affiliation\nmohamed_hamdan_dagalo,Mohamed Hamdan Dagalo,person,Hemedti,rsf\n",
    );
    let doc = write(
        dir.path(),
        "d.txt",
        "Hemedti flew to Addis Ababa. Hemeti met the prime minister. Hemetti left on Friday.",
    );
    let got: Vec<String> = mentions(&[&doc, "--gazetteer", &gz]).into_iter().map(|m| m.1).collect();
    assert_eq!(
        got.iter().filter(|a| *a == "mohamed_hamdan_dagalo").count(),
        3,
        "{got:?}"
    );
    assert!(!got.contains(&"hemedti".to_string()), "{got:?}");
}

#[test]
fn actors_says_how_a_name_links() {
    let o = run(&["actors", "Tripoli", "--date", "2019-06-01"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("\"Tripoli\" -> gna"), "{out}");
    assert!(out.contains("metonym"), "{out}");
    let o = run(&["actors", "Hifter"]);
    assert!(stdout(&o).contains("\"Hifter\" -> khalifa_haftar (Khalifa Haftar, person; shipped): variant"));
    let o = run(&["actors", "UN Secretary-General", "--date", "2020-01-01"]);
    let out = stdout(&o);
    assert!(out.contains("-> antonio_guterres"), "{out}");
    assert!(out.contains("held at 2020-01-01"), "{out}");
    let o = run(&["actors", "House of Representatives"]);
    let out = stdout(&o);
    assert!(out.contains("-> hor"), "{out}");
    assert!(out.contains("(only in a story that names libya)"), "{out}");
    let dir = tempfile::tempdir().unwrap();
    let gz = write(
        dir.path(),
        "mine.csv",
        "id,label,kind,aliases\nafrica_corps,Africa Corps,armed_group,Wagner\n",
    );
    let o = run(&["actors", "Wagner", "--gazetteer", &gz]);
    let out = stdout(&o);
    assert!(out.contains("\"Wagner\" -> africa_corps"), "{out}");
    assert!(
        out.contains("shadowed: alias \"Wagner\" of wagner_group (shipped) taken by africa_corps"),
        "{out}"
    );
    assert!(out.contains("near names: "), "{out}");
}

#[test]
fn the_listed_gazetteer_loads_back_as_the_same_actors() {
    let dir = tempfile::tempdir().unwrap();
    let gz = write(
        dir.path(),
        "mine.csv",
        "id,label,kind,aliases,affiliation,roles\nafrica_corps,Africa Corps,armed_group,Wagner,russia,\nana,Ana Torres,person,,africa_corps,Corps envoy@2024-01-01..2024-12-31\n",
    );
    let o = run(&["actors", "--list", "--gazetteer", &gz]);
    assert!(o.status.success(), "{}", stderr(&o));
    let listed = write(dir.path(), "listed.csv", &stdout(&o));
    assert!(stdout(&o).contains("\nana,Ana Torres,person,,africa_corps,,,,,,Corps envoy@2024-01-01..2024-12-31,,\n"));
    let again = run(&["actors", "--list", "--no-default-gazetteer", "--gazetteer", &listed]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(stderr(&again), "");
    assert!(stdout(&again) == stdout(&o), "the list read back lists other actors");
}

#[test]
fn a_user_lexicon_adds_to_the_shipped_one_unless_it_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let lex = write(
        dir.path(),
        "mine.ron",
        "(triggers: [(relation: support, pattern: \"S rally behind T\")])",
    );
    let doc = write(
        dir.path(),
        "d.txt",
        "Egypt rallied behind Khalifa Haftar. Turkey backs the Government of National Accord.",
    );
    let edges = |extra: &[&str]| -> Vec<String> {
        let o = run(&[&["build", &doc, "--lexicon", &lex], extra].concat());
        assert!(o.status.success(), "{}", stderr(&o));
        let g: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        edge_names(&g["edges"])
    };
    assert_eq!(edges(&[]), ["egypt support khalifa_haftar", "turkey support gna"]);
    assert_eq!(edges(&["--replace-lexicon"]), ["egypt support khalifa_haftar"]);
}
