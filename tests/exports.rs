//! Every export format, opened by the real client analysts use for it:
//! networkx reads the JSON, GEXF and GraphML, graphology-gexf (the loader
//! of Gephi Lite and sigma.js) parses the GEXF, Graphviz renders the DOT,
//! Python's csv module reads the tables. Each must read what actorgraph
//! wrote: the same nodes, edges and attributes, hostile strings included.
//! And `convert` from a saved JSON graph gives the bytes `build` gives.
//!
//! The clients' helpers are tests/py/read_graph.py and tests/js/read_gexf.js.

mod common;
use common::{bin, have, root, run, stderr};

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

/// Run actorgraph and return its standard output; it must succeed.
fn ok(args: &[&str]) -> Vec<u8> {
    let o = run(args);
    assert!(o.status.success(), "actorgraph {args:?}: {}", stderr(&o));
    o.stdout
}

fn have_networkx() -> bool {
    have("python3", &["-c", "import networkx"])
}

fn have_dot() -> bool {
    have("dot", &["-V"])
}

/// node with graphology-gexf installed in tests/js (`npm ci --prefix tests/js`).
fn have_graphology() -> bool {
    if !have("node", &["--version"]) {
        return false;
    }
    let installed = root().join("tests/js/node_modules/graphology-gexf").is_dir();
    if installed {
        common::not_skipped("graphology-gexf");
    } else {
        assert!(
            std::env::var_os("CI").is_none(),
            "graphology-gexf is required in CI (.ci/run installs it with npm ci --prefix tests/js)"
        );
        common::skipped(
            "graphology-gexf",
            "graphology-gexf not installed (npm ci --prefix tests/js), part of this test skipped",
        );
    }
    installed
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// What a client read, as tests/py/read_graph.py prints it.
fn python_read(format: &str, path: &Path) -> Value {
    let o = Command::new("python3")
        .arg(root().join("tests/py/read_graph.py"))
        .args([format, path_str(path)])
        .output()
        .expect("python3 runs");
    assert!(
        o.status.success(),
        "python could not read the {format}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("the reader prints JSON")
}

/// What graphology-gexf read, as tests/js/read_gexf.js prints it.
fn graphology_read(path: &Path) -> Value {
    let o = Command::new("node")
        .arg(root().join("tests/js/read_gexf.js"))
        .arg(path)
        .output()
        .expect("node runs");
    assert!(
        o.status.success(),
        "graphology-gexf could not parse the GEXF: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("the reader prints JSON")
}

/// actorgraph's JSON in the normal form of tests/py/read_graph.py, for the
/// flat formats: surfaces joined with `|`, the first evidence sentence.
fn normal_form(g: &Value) -> (Value, Value) {
    let mut nodes = serde_json::Map::new();
    for n in g["nodes"].as_array().unwrap() {
        let surfaces: Vec<&str> = n["surfaces"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        nodes.insert(
            n["id"].as_str().unwrap().to_string(),
            json!({
                "label": n["label"], "kind": n["kind"], "affiliation": n["affiliation"],
                "mentions": n["mentions"], "documents": n["documents"], "surfaces": surfaces.join("|"),
            }),
        );
    }
    let edges: Vec<Value> = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let ev = e["evidence"].as_array().unwrap();
            json!([e["source"], e["target"], {
                "relation": e["relation"], "weight": e["weight"],
                "first_seen": e["first_seen"], "last_seen": e["last_seen"],
                "evidence_count": ev.len(),
                "evidence": ev.first().map(|x| x["text"].clone()).unwrap_or(Value::Null),
            }])
        })
        .collect();
    (Value::Object(nodes), Value::Array(edges))
}

/// Edges in (source, target, relation) order, whatever order a client
/// gives them in.
fn sort_edges(edges: &mut Value) {
    let key = |e: &Value| format!("{}\t{}\t{}", e[0], e[1], e[2]["relation"]);
    edges.as_array_mut().unwrap().sort_by_key(key);
}

/// Remove `key` from every edge's attributes, returning what was there.
fn take_edge_key(read: &mut Value, key: &str) -> Vec<Value> {
    read["edges"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .map(|e| e[2].as_object_mut().unwrap().remove(key).unwrap_or(Value::Null))
        .collect()
}

/// Build with `args`, write every format to `dir`, and check each with
/// its client against the JSON. Returns the JSON.
fn check_formats_with_clients(dir: &Path, args: &[&str]) -> Value {
    let with = |format: &str, file: &str| -> PathBuf {
        let out = dir.join(file);
        let mut a = args.to_vec();
        a.extend(["--format", format, "-o", path_str(&out)]);
        ok(&a);
        out
    };
    let json_path = with("json", "g.json");
    let gexf = with("gexf", "g.gexf");
    let graphml = with("graphml", "g.graphml");
    let csv_dir = with("csv", "tables");
    let dot = with("dot", "g.dot");
    let g: Value = serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    let (nodes, mut edges) = normal_form(&g);
    sort_edges(&mut edges);
    let mut json_edges = g["edges"].as_array().unwrap().clone();
    json_edges.sort_by_key(|e| format!("{}\t{}\t{}", e["source"], e["target"], e["relation"]));
    let dynamic = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| !e["first_seen"].is_null());

    if have_networkx() {
        // JSON: node_link_graph
        let mut read = python_read("json", &json_path);
        sort_edges(&mut read["edges"]);
        assert_eq!(read["directed"], true);
        assert_eq!(read["nodes"], nodes, "networkx read other nodes from the JSON");
        assert_eq!(read["edges"], edges, "networkx read other edges from the JSON");
        assert_eq!(read["multigraph"], g["multigraph"], "JSON");
        assert_eq!(read["graph"]["level"], g["graph"]["level"]);
        // GEXF: read_gexf
        let mut read = python_read("gexf", &gexf);
        sort_edges(&mut read["edges"]);
        assert_eq!(read["directed"], true);
        assert_eq!(read["graph"]["mode"], if dynamic { "dynamic" } else { "static" });
        let spells = take_edge_key(&mut read, "spells");
        assert_eq!(read["nodes"], nodes, "networkx read other nodes from the GEXF");
        assert_eq!(read["edges"], edges, "networkx read other edges from the GEXF");
        assert_eq!(read["multigraph"], g["multigraph"], "GEXF");
        for (e, s) in json_edges.iter().zip(spells) {
            if e["first_seen"].is_null() {
                assert!(s.is_null(), "an undated edge has no spells: {s}");
            } else {
                let first = json!([e["first_seen"], e["first_seen"]]);
                let last = json!([e["last_seen"], e["last_seen"]]);
                let s = s.as_array().expect("a dated edge has spells");
                assert!(s.contains(&first) && s.contains(&last), "{s:?} for {e}");
            }
        }
        // GraphML: read_graphml
        let mut read = python_read("graphml", &graphml);
        sort_edges(&mut read["edges"]);
        assert_eq!(read["directed"], true);
        assert_eq!(read["nodes"], nodes, "networkx read other nodes from the GraphML");
        assert_eq!(read["edges"], edges, "networkx read other edges from the GraphML");
        assert_eq!(read["multigraph"], g["multigraph"], "GraphML");
        assert_eq!(read["graph"]["level"], g["graph"]["level"]);
        assert_eq!(read["graph"]["documents"], g["graph"]["documents"]);
        // CSV: the csv module
        let mut read = python_read("csv", &csv_dir);
        sort_edges(&mut read["edges"]);
        let types = take_edge_key(&mut read, "Type");
        assert_eq!(read["nodes"], nodes, "the csv module read other nodes");
        assert_eq!(read["edges"], edges, "the csv module read other edges");
        for (e, t) in json_edges.iter().zip(types) {
            let want = if e["relation"] == "meet" {
                "Undirected"
            } else {
                "Directed"
            };
            assert_eq!(t, want, "{e}");
        }
    }

    if have_graphology() {
        let read = graphology_read(&gexf);
        assert_eq!(read["order"], nodes.as_object().unwrap().len());
        assert_eq!(read["size"], edges.as_array().unwrap().len());
        for (id, n) in nodes.as_object().unwrap() {
            let got = &read["nodes"][id];
            for k in ["label", "kind", "mentions", "documents", "surfaces"] {
                assert_eq!(got[k], n[k], "graphology: node {id} {k}");
            }
            assert!(got["color"].is_string() && got["size"].is_number(), "{got}");
        }
        let mut got: Vec<Value> = read["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let a = &e["attributes"];
                assert!(a.get("type").is_none(), "an edge attribute named type: {a}");
                assert_eq!(e["undirected"], false);
                json!([e["source"], e["target"], a["relation"], a["weight"], a["evidence"]])
            })
            .collect();
        got.sort_by_key(|v| v.to_string());
        let mut want: Vec<Value> = edges
            .as_array()
            .unwrap()
            .iter()
            .map(|e| json!([e[0], e[1], e[2]["relation"], e[2]["weight"], e[2]["evidence"]]))
            .collect();
        want.sort_by_key(|v| v.to_string());
        assert_eq!(got, want, "graphology read other edges from the GEXF");
    }

    if have_dot() {
        let svg = dir.join("g.dot.svg");
        let o = Command::new("dot")
            .args(["-Tsvg", "-o", path_str(&svg), path_str(&dot)])
            .output()
            .unwrap();
        assert!(o.status.success(), "dot: {}", String::from_utf8_lossy(&o.stderr));
        if have_networkx() {
            check_svg_labels(&svg, &nodes);
        }
    }
    g
}

/// Every node's label is a text of the picture, as it is.
fn check_svg_labels(svg: &Path, nodes: &Value) {
    let read = python_read("svg", svg);
    let texts = read["texts"].as_array().unwrap();
    for (id, n) in nodes.as_object().unwrap() {
        assert!(
            texts.contains(&n["label"]),
            "the picture lacks the label of {id}: {}",
            n["label"]
        );
    }
}

#[test]
fn every_format_reads_back_in_its_client() {
    let dir = tempfile::tempdir().unwrap();
    let g = check_formats_with_clients(dir.path(), &["build", "seeds/"]);
    assert!(g["edges"].as_array().unwrap().len() > 10);
    assert_eq!(g["graph"]["level"], "actor");
}

#[test]
fn every_format_reads_back_at_the_faction_level_with_dates() {
    let dir = tempfile::tempdir().unwrap();
    let g = check_formats_with_clients(
        dir.path(),
        &["build", "seeds/", "--level", "faction", "--date", "2020-12-31"],
    );
    assert_eq!(g["graph"]["level"], "faction");
    for n in g["nodes"].as_array().unwrap() {
        assert!(
            n["kind"] != "person" || n["affiliation"].is_null(),
            "a person with a faction at the faction level: {n}"
        );
    }
}

/// Two documents on two days saying the same thing: one edge, two spells.
#[test]
fn gexf_spells_follow_the_document_dates() {
    if !have_networkx() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news.jsonl");
    std::fs::write(
        &news,
        "{\"id\": \"a\", \"date\": \"2020-01-05\", \"text\": \"Egypt backs Khalifa Haftar.\"}\n\
         {\"id\": \"b\", \"date\": \"2020-03-09\", \"text\": \"Egypt backs Khalifa Haftar.\"}\n",
    )
    .unwrap();
    let out = dir.path().join("g.gexf");
    ok(&["build", path_str(&news), "--format", "gexf", "-o", path_str(&out)]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("mode=\"dynamic\" timeformat=\"date\""), "{text}");
    let read = python_read("gexf", &out);
    let e = &read["edges"][0];
    assert_eq!(e[0], "egypt");
    assert_eq!(e[2]["weight"], 2);
    assert_eq!(
        e[2]["spells"],
        json!([["2020-01-05", "2020-01-05"], ["2020-03-09", "2020-03-09"]])
    );
}

#[test]
fn undirected_meet_makes_a_mixed_graph_for_gephi() {
    let dir = tempfile::tempdir().unwrap();
    let gexf = dir.path().join("g.gexf");
    let graphml = dir.path().join("g.graphml");
    ok(&[
        "build",
        "seeds/",
        "--format",
        "gexf",
        "--undirected-meet",
        "-o",
        path_str(&gexf),
    ]);
    ok(&[
        "build",
        "seeds/",
        "--format",
        "graphml",
        "--undirected-meet",
        "-o",
        path_str(&graphml),
    ]);
    let x = std::fs::read_to_string(&graphml).unwrap();
    assert!(x.contains("directed=\"false\""), "{x}");
    if !have_graphology() {
        return;
    }
    let read = graphology_read(&gexf);
    assert_eq!(read["type"], "mixed");
    let mut meets = 0;
    for e in read["edges"].as_array().unwrap() {
        let meet = e["attributes"]["relation"] == "meet";
        meets += usize::from(meet);
        assert_eq!(e["undirected"], meet, "{e}");
    }
    assert!(meets > 0);
}

/// A user gazetteer and a document full of what breaks writers: quotes,
/// backslashes, angle brackets, ampersands, Arabic, Cyrillic, emoji.
const HOSTILE_GAZETTEER: &str = r#"{"actors": [
 {"id": "quoted_front", "label": "The \"Quoted\" Front \\ <&> 🚀", "kind": "armed_group", "aliases": ["Quoted Front"]},
 {"id": "libyan_army_ar", "label": "الجيش الوطني الليبي", "kind": "armed_group", "aliases": ["الجيش الوطني الليبي"]},
 {"id": "russia_cyr", "label": "Россия", "kind": "state", "aliases": ["Россия"]},
 {"id": "shoigu_cyr", "label": "Сергей Шойгу", "kind": "person", "affiliation": "russia_cyr", "aliases": ["Сергей Шойгу", "Шойгу"]},
 {"id": "rocket_party", "label": "Rocket 🚀 Party \\ \"R&D\" <b>", "kind": "party", "aliases": ["Rocket Party"]},
 {"id": "qa_brigade", "label": "Q&A 'Brigade' \\\\ </node>", "kind": "armed_group", "aliases": ["Q&A Brigade"]}
]}"#;

const HOSTILE_TEXT: &str = "Россия backs the Quoted Front. \
The Quoted Front attacked الجيش الوطني الليبي in \"Sirte\" & <elsewhere> \\ 🚀. \
Сергей Шойгу met the Rocket Party in Moscow. The Q&A Brigade backs Россия.\n";

#[test]
fn hostile_labels_survive_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let gz = dir.path().join("hostile.json");
    std::fs::write(&gz, HOSTILE_GAZETTEER).unwrap();
    let doc = dir.path().join("hostile.txt");
    std::fs::write(&doc, HOSTILE_TEXT).unwrap();
    let args = [
        "build",
        path_str(&doc),
        "--gazetteer",
        path_str(&gz),
        "--no-default-gazetteer",
        "--date",
        "2021-03-04",
    ];
    let g = check_formats_with_clients(dir.path(), &args);

    // the JSON itself holds the strings as the gazetteer and text have them
    let gazetteer: Value = serde_json::from_str(HOSTILE_GAZETTEER).unwrap();
    for a in gazetteer["actors"].as_array().unwrap() {
        let n = g["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == a["id"])
            .unwrap_or_else(|| panic!("no node {}", a["id"]));
        assert_eq!(n["label"], a["label"]);
    }
    let edges: Vec<String> = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{} {} {}", e["source"], e["relation"], e["target"]))
        .collect();
    assert_eq!(edges.len(), 4, "{edges:?}");
    let texts: Vec<&str> = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["evidence"][0]["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.contains(&"The Quoted Front attacked الجيش الوطني الليبي in \"Sirte\" & <elsewhere> \\ 🚀."),
        "{texts:?}"
    );
    let surfaces: Vec<&str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|n| n["surfaces"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()))
        .collect();
    for s in ["Q&A Brigade", "Сергей Шойгу", "الجيش الوطني الليبي"] {
        assert!(surfaces.contains(&s), "{surfaces:?}");
    }

    // the picture formats draw the labels as they are
    if have_dot() && have_networkx() {
        let (nodes, _) = normal_form(&g);
        for cluster in [false, true] {
            let svg = dir.path().join(format!("h{cluster}.svg"));
            let mut a = args.to_vec();
            a.extend(["--format", "svg", "-o", path_str(&svg)]);
            if cluster {
                a.push("--cluster");
            }
            ok(&a);
            check_svg_labels(&svg, &nodes);
        }
    }
}

/// Build with `view` straight from the seeds and convert the saved JSON
/// with the same view: the same bytes, in every format.
#[test]
fn convert_gives_the_bytes_build_gives() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("saved.json");
    let base = ["build", "seeds/", "--date", "2020-12-31"];
    let mut a = base.to_vec();
    a.extend(["-o", path_str(&saved)]);
    ok(&a);
    let mut formats = vec!["json", "dot", "gexf", "graphml", "csv"];
    if have_dot() {
        formats.extend(["svg", "png"]);
    }
    let views: [&[&str]; 3] = [
        &[],
        &["--level", "faction", "--cluster"],
        &[
            "--relations",
            "support,meet",
            "--min-weight",
            "1",
            "--since",
            "2020-01-01",
            "--until",
            "2021-12-31",
            "--links-key",
        ],
    ];
    for format in formats {
        for (i, view) in views.iter().enumerate() {
            let built = dir.path().join(format!("built-{i}.{format}"));
            let converted = dir.path().join(format!("converted-{i}.{format}"));
            let mut b = base.to_vec();
            b.extend(["--format", format, "-o", path_str(&built)]);
            b.extend(view.iter());
            ok(&b);
            let mut c = vec![
                "convert",
                path_str(&saved),
                "--format",
                format,
                "-o",
                path_str(&converted),
            ];
            c.extend(view.iter());
            ok(&c);
            if format == "csv" {
                for f in ["nodes.csv", "edges.csv"] {
                    assert_eq!(
                        std::fs::read(built.join(f)).unwrap(),
                        std::fs::read(converted.join(f)).unwrap(),
                        "{format} {f} with {view:?}"
                    );
                }
            } else {
                let (x, y) = (std::fs::read(&built).unwrap(), std::fs::read(&converted).unwrap());
                assert!(!x.is_empty());
                assert!(x == y, "{format} differs with {view:?}");
            }
        }
    }
    // a graph saved at the faction level converts to what build gives too
    let faction = dir.path().join("faction.json");
    let mut a = base.to_vec();
    a.extend(["--level", "faction", "-o", path_str(&faction)]);
    ok(&a);
    let mut b = base.to_vec();
    b.extend(["--level", "faction", "--format", "gexf"]);
    assert_eq!(ok(&b), ok(&["convert", path_str(&faction), "--format", "gexf"]));
    // a graph built with modal events carries them through
    let modal = dir.path().join("modal.json");
    ok(&["build", "seeds/", "--include-modal", "-o", path_str(&modal)]);
    for format in ["gexf", "graphml", "dot"] {
        assert_eq!(
            ok(&["build", "seeds/", "--include-modal", "--format", format]),
            ok(&["convert", path_str(&modal), "--format", format]),
            "{format} with --include-modal"
        );
    }
    // a faction-level graph cannot be unfolded
    let o = run(&["convert", path_str(&faction), "--level", "actor"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("faction level"), "{}", stderr(&o));
}

#[test]
fn views_filter_relations_weights_and_dates() {
    let edges = |args: &[&str]| -> Vec<Value> {
        let v: Value = serde_json::from_slice(&ok(args)).unwrap();
        v["edges"].as_array().unwrap().clone()
    };
    let all = edges(&["build", "seeds/"]);
    let meet = edges(&["build", "seeds/", "--relations", "meet"]);
    assert!(!meet.is_empty() && meet.len() < all.len());
    assert!(meet.iter().all(|e| e["relation"] == "meet"));
    let so = edges(&["build", "seeds/", "--relations", "support,oppose"]);
    assert_eq!(so.len() + meet.len(), all.len());
    let heavy = edges(&["build", "seeds/", "--min-weight", "2"]);
    assert!(!heavy.is_empty() && heavy.iter().all(|e| e["weight"].as_u64().unwrap() >= 2));

    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news.jsonl");
    std::fs::write(
        &news,
        "{\"id\": \"a\", \"date\": \"2019-04-05\", \"text\": \"Egypt backs Khalifa Haftar.\"}\n\
         {\"id\": \"b\", \"date\": \"2020-06-01\", \"text\": \"Turkey backs the Government of National Accord.\"}\n\
         {\"id\": \"c\", \"date\": \"2021-02-01\", \"text\": \"Russia backs Khalifa Haftar.\"}\n",
    )
    .unwrap();
    let n = path_str(&news);
    let window = edges(&["build", n, "--since", "2020-01-01", "--until", "2020-12-31"]);
    assert_eq!(window.len(), 1, "{window:?}");
    assert_eq!(window[0]["source"], "turkey");
    let o = run(&["build", n, "--since", "2021-01-01", "--until", "2020-01-01"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = run(&["build", n, "--relations", "support,loves"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("loves"), "{}", stderr(&o));
}

#[test]
fn svg_and_png_are_drawn_by_graphviz() {
    if !have_dot() {
        return;
    }
    let svg = ok(&["build", "seeds/", "--format", "svg", "--cluster"]);
    let svg = String::from_utf8(svg).unwrap();
    assert!(svg.contains("<svg") && svg.contains("Libyan National Army"), "{svg}");
    let png = ok(&["build", "seeds/004_d11ef2eea91aa6fc.txt", "--format", "png"]);
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
}

#[test]
fn without_graphviz_the_error_says_how_to_install_it() {
    let empty = tempfile::tempdir().unwrap();
    let o = bin()
        .args(["build", "seeds/004_d11ef2eea91aa6fc.txt", "--format", "svg"])
        .current_dir(root())
        .env("PATH", empty.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("Graphviz") && err.contains("apt-get install graphviz"),
        "{err}"
    );
}

#[test]
fn csv_needs_a_folder() {
    let o = run(&["build", "seeds/", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("-o DIR"), "{}", stderr(&o));
}

#[test]
fn no_progress_is_drawn_when_standard_error_is_not_a_terminal() {
    for args in [
        &["build", "seeds/"][..],
        &["--quiet", "build", "seeds/"],
        &["build", "--quiet", "seeds/"],
    ] {
        let o = run(args);
        assert!(o.status.success());
        assert_eq!(stderr(&o), "", "{args:?}");
    }
}
