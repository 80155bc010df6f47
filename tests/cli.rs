//! End-to-end tests of the `actorgraph` binary: the README's commands, the
//! output contracts checked with the real clients (networkx, Graphviz), and
//! bad input.

mod common;
use common::{bin, edge_names, have, root, run, stderr, stdout};

use std::path::Path;
use std::process::{Command, Stdio};

fn seeds_json() -> serde_json::Value {
    let o = run(&["build", "seeds/", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

#[test]
fn build_seeds_json_has_the_gold_actors_named_by_aliases() {
    let g = seeds_json();
    let ids: Vec<&str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    // Gold actors of the seeds that the text names by a listed alias.
    for id in [
        "un",
        "unsc",
        "antonio_guterres",
        "gna",
        "fayez_al_sarraj",
        "lna",
        "khalifa_haftar",
        "hor",
        "muammar_gaddafi",
        "usa",
        "donald_trump",
        "russia",
        "sergey_lavrov",
        "turkey",
        "yasar_guler",
        "egypt",
        "uae",
        "wagner_group",
        "noc",
        "david_schenker",
        "jordan",
        "france",
        "african_union",
        "eu",
        "arab_league",
        "nato",
        "mohamed_siala",
        "icc",
        "emmanuel_macron",
        "uk",
        "dmitry_peskov",
        "oic",
    ] {
        assert!(ids.contains(&id), "missing node {id}");
    }
    assert_eq!(g["directed"], true);
    assert_eq!(g["multigraph"], false);
    assert_eq!(g["graph"]["documents"], 5);
    // meet edges once per pair, source < target
    for e in g["edges"].as_array().unwrap() {
        if e["relation"] == "meet" {
            assert!(e["source"].as_str() < e["target"].as_str(), "{e}");
        }
    }
}

#[test]
fn evidence_offsets_cut_the_sentence_out_of_the_document() {
    let g = seeds_json();
    let mut checked = 0;
    for e in g["edges"].as_array().unwrap() {
        for ev in e["evidence"].as_array().unwrap() {
            let doc = ev["doc"].as_str().unwrap();
            let text = std::fs::read_to_string(root().join("seeds").join(format!("{doc}.txt"))).unwrap();
            let chars: Vec<char> = text.chars().collect();
            let (s, t) = (
                ev["start"].as_u64().unwrap() as usize,
                ev["end"].as_u64().unwrap() as usize,
            );
            let cut: String = chars[s..t].iter().collect();
            assert_eq!(cut, ev["text"].as_str().unwrap());
            checked += 1;
        }
    }
    assert!(checked > 10);
}

#[test]
fn networkx_loads_the_json() {
    if !have("python3", &["-c", "import networkx"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("g.json");
    let o = run(&["build", "seeds/", "--format", "json", "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let g = seeds_json();
    let script = "import json, sys, networkx as nx\n\
                  d = json.load(open(sys.argv[1]))\n\
                  g = nx.node_link_graph(d, edges='edges')\n\
                  print(g.number_of_nodes(), g.number_of_edges())\n";
    let py = Command::new("python3")
        .args(["-c", script, out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(py.status.success(), "{}", String::from_utf8_lossy(&py.stderr));
    let want = format!(
        "{} {}\n",
        g["nodes"].as_array().unwrap().len(),
        g["edges"].as_array().unwrap().len()
    );
    assert_eq!(String::from_utf8_lossy(&py.stdout), want);
}

#[test]
fn links_key_writes_links() {
    let o = run(&["build", "seeds/004_d11ef2eea91aa6fc.txt", "--links-key"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.get("links").is_some() && v.get("edges").is_none());
}

#[test]
fn dot_renders_with_graphviz() {
    let o = run(&["build", "seeds/", "--format", "dot"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dot = stdout(&o);
    assert!(dot.starts_with("digraph actorgraph {"), "{dot}");
    assert!(dot.contains("dir=\"none\""));
    if !have("dot", &["-V"]) {
        return;
    }
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(dot.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
}

/// The figures reached so far; they may only go up.
const SEEDS_PERSON_F1: f64 = 0.89;
/// (0.90 until hemedti's affiliation became the rsf he commands: the seed
/// gold of 2020, when he sat on the Sovereign Council, folds him into sudan,
/// one faction edge.)
const SEEDS_FACTION_F1: f64 = 0.87;
const DEV_PERSON_F1: f64 = 0.95;

fn f1_of(report: &str, level: &str) -> f64 {
    let line = report.lines().find(|l| l.starts_with(level)).expect("level line");
    line.split_whitespace().last().unwrap().parse().unwrap()
}

#[test]
fn eval_on_the_seeds_keeps_its_figures() {
    let o = run(&["eval", "--gold", "tests/gold", "seeds/"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r = stdout(&o);
    assert!(f1_of(&r, "person") >= SEEDS_PERSON_F1, "{r}");
    assert!(f1_of(&r, "faction") >= SEEDS_FACTION_F1, "{r}");
    assert!(r.contains("documents scored: 5"), "{r}");
}

#[test]
fn eval_on_the_dev_set_keeps_its_figures() {
    let o = run(&[
        "eval",
        "--gold",
        "tests/gold/dev",
        "tests/gold/dev/",
        "--gazetteer",
        "tests/gold/dev/gazetteer_dev.json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r = stdout(&o);
    assert!(f1_of(&r, "person") >= DEV_PERSON_F1, "{r}");
    assert!(r.contains("must_not hits: 0 of 29"), "{r}");
}

/// The figures reached on the challenge set's extraction and spurious-edge
/// cases (E and S causes) and on dev_voa; they may only go up.
const CHALLENGE_E_S_F1: f64 = 0.90;
const CHALLENGE_E_S_PRECISION: f64 = 0.95;

/// The figures reached on the sixteen real wire stories (dev_voa) and on
/// the probe set (24 wire-style articles written for the project, both
/// halves), with the shipped gazetteer alone; they may only go up.
const DEV_VOA_PERSON_F1: f64 = 0.57;
const PROBE_PERSON_F1: f64 = 0.73;
const WIRE_PRECISION: f64 = 0.90;

/// Person-level precision of an eval report.
fn precision_of(report: &str) -> f64 {
    let line = report.lines().find(|l| l.starts_with("person")).expect("person line");
    line.split_whitespace().nth(4).unwrap().parse().unwrap()
}

#[test]
fn eval_on_wire_stories_keeps_its_figures() {
    for (gold, inputs, f1, must_not) in [
        (
            "tests/gold/dev_voa",
            &["tests/gold/dev_voa/docs.jsonl"][..],
            DEV_VOA_PERSON_F1,
            "0 of 29",
        ),
        (
            "tests/gold/probe",
            &["tests/gold/probe/half_a.jsonl", "tests/gold/probe/half_b.jsonl"][..],
            PROBE_PERSON_F1,
            "0 of 51",
        ),
    ] {
        let mut args = vec!["eval", "--gold", gold];
        args.extend(inputs);
        let o = run(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        let r = stdout(&o);
        assert!(f1_of(&r, "person") >= f1, "{gold}: {r}");
        assert!(precision_of(&r) >= WIRE_PRECISION, "{gold}: {r}");
        assert!(r.contains(&format!("must_not hits: {must_not}")), "{gold}: {r}");
    }
}

/// The rows of a "by cause" or "by folder" table: name -> its numbers.
fn group_rows(report: &str, what: &str) -> std::collections::BTreeMap<String, Vec<f64>> {
    let mut rows = std::collections::BTreeMap::new();
    let mut lines = report.lines().skip_while(|l| !l.starts_with(&format!("by {what}")));
    lines.next();
    for l in lines.take_while(|l| !l.trim().is_empty()) {
        let mut words = l.split_whitespace();
        let name = words.next().unwrap().to_string();
        let numbers = words.filter(|w| *w != "of").map(|w| w.parse().unwrap()).collect();
        rows.insert(name, numbers);
    }
    rows
}

#[test]
fn eval_reports_the_challenge_set_by_cause() {
    let o = run(&[
        "eval",
        "--gold",
        "tests/gold/challenge",
        "tests/gold/challenge/",
        "--gazetteer",
        "tests/gold/challenge/gazetteer_challenge.json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r = stdout(&o);
    let rows = group_rows(&r, "cause");
    // the cases of each cause, as the set's README counts them
    let docs: Vec<(String, f64)> = rows.iter().map(|(k, v)| (k.clone(), v[0])).collect();
    let want: Vec<(String, f64)> = [
        ("E1", 10.0),
        ("E2", 7.0),
        ("E3", 7.0),
        ("E4", 8.0),
        ("E5", 6.0),
        ("E6", 6.0),
        ("E7", 6.0),
        ("L1", 6.0),
        ("L2", 6.0),
        ("L3", 6.0),
        ("L4", 6.0),
        ("L5", 6.0),
        ("L6", 6.0),
        ("L7", 6.0),
        ("S-arg", 6.0),
        ("S-coref", 6.0),
        ("S-link", 6.0),
        ("S-mod", 8.0),
    ]
    .iter()
    .map(|(k, n)| (k.to_string(), *n))
    .collect();
    assert_eq!(docs, want, "{r}");
    // the causes add up to the whole: gold triples and must_not
    let gold: f64 = rows.values().map(|v| v[2]).sum();
    assert_eq!(gold, 136.0, "{r}");
    let must_not: f64 = rows.values().map(|v| v[10]).sum();
    assert_eq!(must_not, 21.0, "{r}");
    // extraction's causes together
    let (mut g, mut p, mut c) = (0.0, 0.0, 0.0);
    for (k, v) in &rows {
        if k.starts_with('E') || k.starts_with('S') {
            g += v[2];
            p += v[3];
            c += v[4];
        }
    }
    let (precision, recall) = (c / p, c / g);
    let f1 = 2.0 * precision * recall / (precision + recall);
    assert!(
        f1 >= CHALLENGE_E_S_F1 && precision >= CHALLENGE_E_S_PRECISION,
        "F1 {f1:.3} P {precision:.3}\n{r}"
    );
}

#[test]
fn eval_reports_each_gold_folder_apart() {
    let o = run(&[
        "eval",
        "--gold",
        "tests/gold",
        "seeds/",
        "tests/gold/dev_voa/docs.jsonl",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r = stdout(&o);
    let rows = group_rows(&r, "folder");
    assert_eq!(rows.keys().collect::<Vec<_>>(), ["dev_voa", "seeds"], "{r}");
    assert_eq!((rows["seeds"][0], rows["dev_voa"][0]), (5.0, 16.0), "{r}");
    assert_eq!((rows["seeds"][2], rows["dev_voa"][2]), (42.0, 118.0), "{r}");
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn a_broken_jsonl_line_is_reported_and_the_rest_processed() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "news.jsonl",
        b"{\"id\": \"a\", \"text\": \"Egypt backs Khalifa Haftar.\"}\n{\"id\": \"b\", \"text\": \n{\"id\": \"c\", \"text\": \"Turkey backs the Government of National Accord.\"}\n",
    );
    let o = run(&["build", &f]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains("news.jsonl:2:"), "{}", stderr(&o));
    let g: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(g["graph"]["documents"], 2);
    let edges = edge_names(&g["edges"]);
    assert_eq!(edges, vec!["egypt support khalifa_haftar", "turkey support gna"]);
}

#[test]
fn empty_and_invalid_utf8_files_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", b"");
    let bad = write(dir.path(), "bad.txt", b"Egypt \xff\xfe backs");
    let good = write(dir.path(), "good.txt", "Egypt backs Khalifa Haftar.".as_bytes());
    let o = run(&["build", &empty, &bad, &good]);
    assert_eq!(o.status.code(), Some(3));
    let err = stderr(&o);
    assert!(err.contains("empty.txt: empty document"), "{err}");
    assert!(err.contains("bad.txt: not UTF-8"), "{err}");
    let g: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(g["graph"]["documents"], 1);
}

#[test]
fn a_malformed_gazetteer_is_refused_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let gz = write(
        dir.path(),
        "mine.ron",
        b"(\n  actors: [\n    (id: \"x\", label: \"X\", kind: warlord),\n  ],\n)\n",
    );
    let o = run(&["build", "seeds/", "--gazetteer", &gz]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("mine.ron:3:"), "{err}");
    assert!(err.contains("warlord"), "{err}");
}

#[test]
fn standard_input_is_json_lines() {
    let mut child = bin()
        .args(["build", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"id\":\"s1\",\"text\":\"Russia backs Khalifa Haftar.\",\"date\":\"2020-05-01\"}\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    let g: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(g["edges"][0]["first_seen"], "2020-05-01");
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let one = run(&["build", "seeds/", "--threads", "1"]);
    let many = run(&["build", "seeds/", "--threads", "4"]);
    assert_eq!(one.stdout, many.stdout);
}

#[test]
fn names_no_gazetteer_holds_are_nodes_unless_known_actors_only() {
    let dir = std::env::temp_dir().join(format!("actorgraph_found_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("story.txt");
    std::fs::write(
        &input,
        "Ghanaian Foreign Minister Kofi Asare Boateng met the Togolese delegation. The Volta Salvation Front attacked a police post, and Boateng condemned the Volta Salvation Front.",
    )
    .unwrap();
    let input = input.to_str().unwrap();
    let nodes = |extra: &[&str]| -> Vec<(String, Option<String>)> {
        let mut args = vec!["build", input, "--format", "json"];
        args.extend_from_slice(extra);
        let o = run(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        let g: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        g["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| {
                (
                    n["id"].as_str().unwrap().to_string(),
                    n["origin"].as_str().map(str::to_string),
                )
            })
            .collect()
    };
    let found = nodes(&[]);
    for id in ["kofi_asare_boateng", "volta_salvation_front"] {
        assert!(
            found.contains(&(id.to_string(), Some("text".to_string()))),
            "{id}: {found:?}"
        );
    }
    let known = nodes(&["--known-actors-only"]);
    assert!(known.iter().all(|(_, origin)| origin.is_none()), "{known:?}");
    assert!(!known.is_empty());
    // the mentions say where each actor comes from
    let o = run(&["mentions", input]);
    let text = stdout(&o);
    assert!(
        text.contains("\"actor\":\"kofi_asare_boateng\",\"how\":\"found\",\"origin\":\"text\""),
        "{text}"
    );
    let o = run(&["mentions", input, "--known-actors-only"]);
    assert!(!stdout(&o).contains("\"origin\":\"text\""));
    std::fs::remove_dir_all(&dir).unwrap();
}
