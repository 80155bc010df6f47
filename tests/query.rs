//! Questions on the seeds (`actorgraph query`), merging saved graphs
//! (`actorgraph merge`, the library's merge), building into a saved graph
//! (`build --into`) and replacing it atomically.

mod common;
use common::{bin, root, run, stderr, stdout};

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use actorgraph::corpus::Document;
use actorgraph::graph::view::ViewOptions;
use actorgraph::graph::{ActorGraph, Edge, EvidenceItem, GraphOptions, Node};
use actorgraph::pipeline::Pipeline;
use actorgraph::query::{self, Answer, Question};
use actorgraph::store;
use proptest::prelude::*;
use serde_json::Value;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::shipped().expect("the shipped gazetteer loads"))
}

fn seed_docs() -> Vec<Document> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            Document::new(id, std::fs::read_to_string(p).unwrap())
        })
        .collect()
}

/// The seeds' graph, built once.
fn seeds() -> &'static ActorGraph {
    static G: OnceLock<ActorGraph> = OnceLock::new();
    G.get_or_init(|| pipeline().build(seed_docs(), GraphOptions::default()))
}

fn query_json(args: &[&str]) -> Value {
    let mut all = vec!["query", "seeds/"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let o = run(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

fn row_ids(v: &Value) -> Vec<String> {
    v["answer"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["actor"]["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn backers_of_hifter_on_the_seeds_each_with_evidence() {
    let v = query_json(&["backers", "Hifter"]);
    assert_eq!(v["resolved"][0]["id"], "khalifa_haftar");
    let ids = row_ids(&v);
    for want in ["egypt", "uae", "russia", "hor"] {
        assert!(ids.iter().any(|i| i == want), "{want} missing from {ids:?}");
    }
    for row in v["answer"]["rows"].as_array().unwrap() {
        for e in row["edges"].as_array().unwrap() {
            assert_eq!(e["relation"], "support");
            assert_eq!(e["target"], "khalifa_haftar");
            let ev = e["evidence"].as_array().unwrap();
            assert_eq!(ev.len(), 1, "--evidence one: {e}");
            assert!(!ev[0]["text"].as_str().unwrap().is_empty());
        }
    }
    // the sentence of seeds/000 that says so
    let egypt = &v["answer"]["rows"].as_array().unwrap()[0];
    assert!(egypt["edges"][0]["evidence"][0]["text"]
        .as_str()
        .unwrap()
        .contains("backed by the Parliament of Tobruk, the Emirates, Egypt and Russia"));
}

#[test]
fn every_spelling_of_a_name_answers_for_the_same_node() {
    let answers: Vec<Value> = ["Hifter", "Khalifa Haftar", "khalifa_haftar", "haftar"]
        .iter()
        .map(|n| query_json(&["backers", n])["answer"].clone())
        .collect();
    for a in &answers[1..] {
        assert_eq!(a, &answers[0]);
    }
    // the library says the same
    let r = query::ask(
        seeds(),
        &ViewOptions::default(),
        Some(pipeline().linker()),
        &Question::Backers("Hifter".into()),
    )
    .unwrap();
    let Answer::Related(rel) = &r.answer else { panic!() };
    let ids: Vec<&str> = rel.rows.iter().map(|r| r.actor.id.as_str()).collect();
    assert_eq!(ids, row_ids(&answers_of(&answers[0])));
}

fn answers_of(answer: &Value) -> Value {
    serde_json::json!({ "answer": answer })
}

#[test]
fn backed_by_turkey_includes_gna() {
    let v = query_json(&["backed", "turkey"]);
    assert!(row_ids(&v).contains(&"gna".to_string()));
}

#[test]
fn evidence_all_shows_every_kept_sentence() {
    let v = query_json(&["backed", "turkey", "--evidence", "all"]);
    let gna = v["answer"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["actor"]["id"] == "gna")
        .unwrap();
    let e = &gna["edges"][0];
    // Turkey's support of the GNA is told by several seed articles
    let n = e["evidence"].as_array().unwrap().len() as u64;
    assert!(n >= 2 && n <= e["weight"].as_u64().unwrap().min(20), "{e}");
}

fn camp_sets(c: &query::Camps, id: &str) -> (usize, usize) {
    c.camp_of(id).unwrap_or_else(|| panic!("{id} is in no camp"))
}

#[test]
fn camps_on_the_seeds_split_gna_and_turkey_from_lna_and_its_backers() {
    for faction in [false, true] {
        let view = ViewOptions {
            faction,
            ..Default::default()
        };
        let r = query::ask(seeds(), &view, Some(pipeline().linker()), &Question::Camps).unwrap();
        let Answer::Camps(c) = &r.answer else { panic!() };
        let (part, gna) = camp_sets(c, "gna");
        assert_eq!(
            camp_sets(c, "turkey"),
            (part, gna),
            "turkey with gna (faction: {faction})"
        );
        for id in ["lna", "egypt", "uae", "russia"] {
            assert_eq!(
                camp_sets(c, id),
                (part, 1 - gna),
                "{id} against gna (faction: {faction})"
            );
        }
        assert!(c.components[part].exact);
    }
    // and on the command line
    let v = query_json(&["camps", "--level", "faction"]);
    let part = &v["answer"]["components"][0];
    let camp = |k: usize| -> Vec<&str> {
        part["camps"][k]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap())
            .collect()
    };
    let (a, b) = (camp(0), camp(1));
    let (ours, theirs) = if b.contains(&"gna") { (b, a) } else { (a, b) };
    assert!(ours.contains(&"gna") && ours.contains(&"turkey"), "{ours:?}");
    for id in ["lna", "egypt", "uae", "russia"] {
        assert!(theirs.contains(&id), "{id} not in {theirs:?}");
    }
}

#[test]
fn table_output_is_aligned() {
    let o = run(&["query", "seeds/", "backers", "Hifter"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("backers of khalifa_haftar (Khalifa Haftar)"),
        "{text}"
    );
    let header = lines[1];
    assert!(header.starts_with("ACTOR"), "{text}");
    let col = header.find("EDGE").unwrap();
    let rows: Vec<&&str> = lines[2..].iter().filter(|l| !l.starts_with("    ")).collect();
    assert!(rows.len() >= 4);
    for r in rows {
        assert!(
            r[col..].contains(" support khalifa_haftar"),
            "misaligned: {r:?}\n{text}"
        );
    }
    assert!(text.lines().all(|l| l == l.trim_end()), "no trailing blanks");
}

#[test]
fn unknown_and_ambiguous_names_are_errors_with_candidates() {
    let o = run(&["query", "seeds/", "backers", "Zorglub"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.contains("no actor of the graph answers to \"Zorglub\"; nearest:"),
        "{e}"
    );
    let o = run(&["query", "seeds/", "backers", "Mohamed"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.contains("ambiguous") && e.contains("mohamed_siala (Mohamed Siala)"),
        "{e}"
    );
    let o = run(&["query", "seeds/", "whoever", "Haftar"]);
    assert_eq!(o.status.code(), Some(2), "no question word is a usage error");
    let o = run(&["query", "backers", "Haftar"]);
    assert_eq!(o.status.code(), Some(2), "no source is a usage error");
}

#[test]
fn query_a_saved_graph_path_and_top() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let o = run(&["build", "seeds/", "--into", g.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&[
        "query",
        "--graph",
        g.to_str().unwrap(),
        "path",
        "Siyala",
        "the Emirates",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let p = &v["answer"];
    assert_eq!(p["connected"], true);
    assert_eq!(p["from"]["id"], "mohamed_siala");
    assert_eq!(p["to"]["id"], "uae");
    let steps = p["steps"].as_array().unwrap();
    assert_eq!(steps.len() + 1, p["actors"].as_array().unwrap().len());
    for s in steps {
        assert!(!s["edges"].as_array().unwrap().is_empty());
    }
    let o = run(&["query", "--graph", g.to_str().unwrap(), "top", "3", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = v["answer"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    let w: Vec<u64> = rows.iter().map(|r| r["total"]["weight"].as_u64().unwrap()).collect();
    assert!(w.windows(2).all(|x| x[0] >= x[1]), "{w:?}");
}

// ---- merge and build --into -------------------------------------------

fn json_of(g: &ActorGraph) -> String {
    store::to_json(g, "actor", false)
}

fn merged(parts: &[&ActorGraph]) -> ActorGraph {
    let mut acc = parts[0].clone();
    for p in &parts[1..] {
        acc.merge(p);
    }
    acc
}

/// Sentences of the seeds that carry an event or a mention, to make small
/// documents of.
fn seed_sentences() -> &'static Vec<String> {
    static S: OnceLock<Vec<String>> = OnceLock::new();
    S.get_or_init(|| {
        let mut out = Vec::new();
        for d in seed_docs() {
            for s in actorgraph::text::segment(&d.text) {
                out.push(s.text(&d.text).to_string());
            }
        }
        out
    })
}

/// Documents made of seed sentences: (sentence indices, date) each; ids
/// are distinct.
fn docs_of(spec: &[(Vec<usize>, u8)]) -> Vec<Document> {
    let pool = seed_sentences();
    spec.iter()
        .enumerate()
        .map(|(i, (sents, day))| {
            let text: Vec<&str> = sents.iter().map(|&k| pool[k % pool.len()].as_str()).collect();
            let mut d = Document::new(format!("doc{i:03}"), text.join(" "));
            d.date = chrono::NaiveDate::from_ymd_opt(2020, 1, 1 + u32::from(*day % 28));
            d
        })
        .collect()
}

fn build(docs: &[Document]) -> ActorGraph {
    pipeline().build(docs.to_vec(), GraphOptions::default())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Merging graphs built from parts of a set of documents is
    /// associative and commutative and gives the bytes of the graph built
    /// from all of them at once.
    #[test]
    fn merge_of_seed_parts_equals_the_one_shot_build(
        spec in prop::collection::vec((prop::collection::vec(0usize..400, 1..4), any::<u8>()), 1..10),
        cuts in prop::collection::vec(0usize..3, 10),
    ) {
        let docs = docs_of(&spec);
        let mut parts: [Vec<Document>; 3] = Default::default();
        for (i, d) in docs.iter().enumerate() {
            parts[cuts[i]].push(d.clone());
        }
        let [a, b, c] = [build(&parts[0]), build(&parts[1]), build(&parts[2])];
        let all = json_of(&build(&docs));
        let ab_c = json_of(&merged(&[&merged(&[&a, &b]), &c]));
        let a_bc = json_of(&merged(&[&a, &merged(&[&b, &c])]));
        let cba = json_of(&merged(&[&c, &b, &a]));
        let bac = json_of(&merged(&[&b, &a, &c]));
        prop_assert_eq!(&ab_c, &all);
        prop_assert_eq!(&a_bc, &all);
        prop_assert_eq!(&cba, &all);
        prop_assert_eq!(&bac, &all);
        // and through the saved form
        let read = |g: &ActorGraph| store::from_json("x.json", &json_of(g)).unwrap();
        let (m, repeated) = store::merge_all(vec![read(&c), read(&a), read(&b)]).unwrap();
        prop_assert!(repeated.is_empty());
        prop_assert_eq!(json_of(&m.graph), all);
    }

    /// `build --into` twice with the same articles changes nothing, and
    /// building into a graph in two steps equals building at once.
    #[test]
    fn build_into_is_idempotent(
        spec in prop::collection::vec((prop::collection::vec(0usize..400, 1..4), any::<u8>()), 1..8),
        split in 0usize..8,
    ) {
        let docs = docs_of(&spec);
        let split = split.min(docs.len());
        let mut g = ActorGraph::default();
        store::build_into(pipeline(), &mut g, docs[..split].to_vec());
        let r = store::build_into(pipeline(), &mut g, docs.clone());
        prop_assert_eq!(r.added as usize, docs.len() - split);
        let once = json_of(&g);
        prop_assert_eq!(&once, &json_of(&build(&docs)));
        let r = store::build_into(pipeline(), &mut g, docs.clone());
        prop_assert_eq!(r.added, 0);
        prop_assert_eq!(r.already.len(), docs.len());
        prop_assert_eq!(json_of(&g), once);
    }
}

// small random graphs, for the algebra of merge alone

fn arb_graph() -> impl Strategy<Value = ActorGraph> {
    let edge = (
        0usize..5,
        0usize..5,
        0usize..3,
        1u64..4,
        0u32..5,
        prop::collection::vec((0usize..6, 0usize..3), 1..3),
    );
    (
        prop::collection::btree_set(0usize..40, 0..4),
        prop::collection::vec(edge, 0..8),
    )
        .prop_map(|(docs, edges)| {
            let mut g = ActorGraph::new(GraphOptions {
                include_modal: false,
                max_evidence: 3,
                ..GraphOptions::default()
            });
            let names = ["a", "b", "c", "d", "e"];
            let node = |i: usize| Node {
                id: names[i].to_string(),
                label: names[i].to_uppercase(),
                kind: actorgraph::link::ActorKind::State,
                affiliation: (i == 4).then(|| "a".to_string()),
                mentions: 1,
                documents: 1,
                surfaces: BTreeSet::from([format!("{}{}", names[i], i)]),
                origin: Default::default(),
            };
            for (s, t, rel, w, day, ev) in edges {
                let (a, b) = (g.upsert_node(node(s)), g.upsert_node(node(t)));
                let date = chrono::NaiveDate::from_ymd_opt(2020, 3, 1 + day);
                g.upsert_edge(
                    a,
                    b,
                    Edge {
                        relation: actorgraph::extract::Relation::ALL[rel],
                        modality: actorgraph::extract::Modality::Asserted,
                        weight: w,
                        reports: Vec::new(),
                        first_seen: date,
                        last_seen: date,
                        evidence: ev
                            .into_iter()
                            .map(|(d, s)| EvidenceItem {
                                doc: format!("d{d}"),
                                sentence: s,
                                start: s * 10,
                                end: s * 10 + 5,
                                text: format!("sentence {s} of d{d}"),
                                trigger: "back".into(),
                                date,
                                reported_by: None,
                            })
                            .collect(),
                    },
                );
            }
            let ids: BTreeSet<String> = docs.iter().map(|d| format!("doc{d}")).collect();
            g.set_documents(ids.len() as u64);
            g.set_document_ids(ids);
            g
        })
}

proptest! {
    #[test]
    fn merge_is_associative_and_commutative(a in arb_graph(), b in arb_graph(), c in arb_graph()) {
        let ab_c = json_of(&merged(&[&merged(&[&a, &b]), &c]));
        let a_bc = json_of(&merged(&[&a, &merged(&[&b, &c])]));
        prop_assert_eq!(&ab_c, &a_bc);
        prop_assert_eq!(json_of(&merged(&[&a, &b])), json_of(&merged(&[&b, &a])));
        prop_assert_eq!(&json_of(&merged(&[&c, &a, &b])), &ab_c);
        let union: BTreeSet<&String> = a.document_ids().iter().chain(b.document_ids()).chain(c.document_ids()).collect();
        prop_assert_eq!(merged(&[&a, &b, &c]).documents(), union.len() as u64);
    }
}

#[test]
fn merge_command_equals_build_of_all_articles() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).to_str().unwrap().to_string();
    let seeds: Vec<String> = {
        let mut v: Vec<String> = std::fs::read_dir(root().join("seeds"))
            .unwrap()
            .map(|e| e.unwrap().path().to_str().unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    let mut a_args = vec!["build"];
    a_args.extend(seeds[..2].iter().map(String::as_str));
    let o = run(&[&a_args[..], &["-o", &p("a.json")]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let mut b_args = vec!["build"];
    b_args.extend(seeds[2..].iter().map(String::as_str));
    let o = run(&[&b_args[..], &["--into", &p("b.json")]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["build", "seeds/", "--into", &p("all.json")]);
    assert!(o.status.success(), "{}", stderr(&o));
    // b from standard input, a written by plain build (no document ids)
    let b_text = std::fs::read(p("b.json")).unwrap();
    let mut child = bin()
        .args(["merge", &p("a.json"), "-", "-o", &p("ab.json")])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), &b_text).unwrap();
    assert!(child.wait().unwrap().success());
    let strip = |path: &str| {
        let mut v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        v["graph"].as_object_mut().unwrap().remove("document_ids");
        v
    };
    assert_eq!(strip(&p("ab.json")), strip(&p("all.json")));
    // with every id known, byte for byte
    let o = run(&["build", &seeds[0], &seeds[1], "--into", &p("a2.json")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["merge", &p("b.json"), &p("a2.json")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), std::fs::read_to_string(p("all.json")).unwrap());
    // a level or option mismatch is refused
    let o = run(&["build", "seeds/", "--max-evidence", "2", "-o", &p("small.json")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["merge", &p("small.json"), &p("all.json")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot be merged"), "{}", stderr(&o));
}

#[test]
fn build_into_twice_with_the_same_article_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let g = g.to_str().unwrap();
    let o = run(&["build", "seeds/000_dea4eb5ea6dbf391.txt", "--into", g]);
    assert!(o.status.success(), "{}", stderr(&o));
    let first = std::fs::read(g).unwrap();
    let v: Value = serde_json::from_slice(&first).unwrap();
    assert_eq!(v["graph"]["documents"], 1);
    assert_eq!(v["graph"]["document_ids"], serde_json::json!(["000_dea4eb5ea6dbf391"]));
    let o = run(&["build", "seeds/000_dea4eb5ea6dbf391.txt", "--into", g]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 already in it"), "{}", stderr(&o));
    assert_eq!(std::fs::read(g).unwrap(), first);
    let o = run(&["build", "seeds/", "--into", g]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&std::fs::read(g).unwrap()).unwrap();
    assert_eq!(v["graph"]["documents"], 5);
    // --into writes its file only
    let o = run(&["build", "seeds/", "--into", g, "--format", "dot"]);
    assert_eq!(o.status.code(), Some(2));
}

/// Build into `target` and check that the write failed, the old bytes are
/// still there and no temporary file was left.
fn assert_failed_write_keeps(o: &Output, target: &Path, old: &[u8]) {
    assert_eq!(o.status.code(), Some(1), "{}", stderr(o));
    assert!(stderr(o).trim_end().ends_with("is left as it was"), "{}", stderr(o));
    assert_eq!(std::fs::read(target).unwrap(), old, "the old graph is intact");
    let dir = target.parent().unwrap();
    let names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
}

#[cfg(unix)]
#[test]
fn a_failed_write_leaves_the_old_graph_intact() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("graphs");
    std::fs::create_dir(&sub).unwrap();
    let g = sub.join("g.json");
    let o = run(&["build", "seeds/000_dea4eb5ea6dbf391.txt", "--into", g.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let old = std::fs::read(&g).unwrap();

    // 1. a file size limit makes the write itself fail half-way (this
    // works for root too); SIGXFSZ is ignored so the write returns an error
    let script = format!(
        "trap '' XFSZ; ulimit -f 4; exec '{}' build seeds/ --into '{}'",
        env!("CARGO_BIN_EXE_actorgraph"),
        g.display()
    );
    let o = Command::new("sh")
        .args(["-c", &script])
        .current_dir(root())
        .output()
        .unwrap();
    assert_failed_write_keeps(&o, &g, &old);

    // 2. a read-only directory (root may write there anyway: then this part
    // proves nothing and is skipped)
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = sub.join("probe");
    let read_only = std::fs::write(&probe, b"x").is_err();
    let _ = std::fs::remove_file(&probe);
    if read_only {
        common::not_skipped("a read-only directory");
        let o = run(&["build", "seeds/", "--into", g.to_str().unwrap()]);
        assert_failed_write_keeps(&o, &g, &old);
    } else {
        common::skipped(
            "a read-only directory",
            "running as root, the read-only directory case is skipped",
        );
    }
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();

    // 3. the target is a directory
    let d = sub.join("dir.json");
    std::fs::create_dir(&d).unwrap();
    let o = run(&["merge", g.to_str().unwrap(), "-o", d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(d.is_dir());
}
