//! The event table (`actorgraph events`) read by the clients analysts load
//! it into: pandas (through pyarrow) and DuckDB read the Parquet and CSV
//! tables with the rows and values of the JSON Lines; and events, not
//! reports: the seed articles twice, a day apart, make every edge's
//! `events` half its `weight`, through build, merge and query.

mod common;

use std::path::{Path, PathBuf};

use common::{bin, have_named, root, stderr};
use serde_json::Value;

/// The seed articles twice, under two ids, dated a day apart (the copy
/// of article i on day 2i+2 of January 2020, the article on day 2i+1):
/// `(which copies)` a, b or both.
fn seeds_twice(dir: &Path, copies: &[&str], name: &str) -> PathBuf {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    let mut lines = String::new();
    for (i, f) in files.iter().enumerate() {
        let text = std::fs::read_to_string(f).unwrap();
        let stem = f.file_stem().unwrap().to_string_lossy();
        for (day, copy) in [(2 * i + 1, "a"), (2 * i + 2, "b")] {
            if copies.contains(&copy) {
                let rec = serde_json::json!({"id": format!("{stem}-{copy}"), "text": text,
                                             "date": format!("2020-01-{day:02}")});
                lines.push_str(&format!("{rec}\n"));
            }
        }
    }
    let path = dir.join(name);
    std::fs::write(&path, lines).unwrap();
    path
}

fn actorgraph(dir: &Path, args: &[&str]) -> String {
    let o = bin().args(args).current_dir(dir).output().unwrap();
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    String::from_utf8(o.stdout).unwrap()
}

fn edges(graph: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(graph).unwrap();
    v["edges"].as_array().unwrap().clone()
}

#[test]
fn the_seeds_twice_a_day_apart_are_half_as_many_events_as_reports() {
    let dir = tempfile::tempdir().unwrap();
    let both = seeds_twice(dir.path(), &["a", "b"], "both.jsonl");
    let graph = actorgraph(dir.path(), &["build", both.to_str().unwrap(), "-o", "-"]);
    let e = edges(&graph);
    assert!(e.len() > 20, "{} edges", e.len());
    for edge in &e {
        let (w, n) = (edge["weight"].as_u64().unwrap(), edge["events"].as_u64().unwrap());
        assert_eq!(2 * n, w, "{edge}");
    }
    // one copy alone: as many events as reports
    let one = seeds_twice(dir.path(), &["a"], "a.jsonl");
    for edge in edges(&actorgraph(dir.path(), &["build", one.to_str().unwrap(), "-o", "-"])) {
        assert_eq!(edge["weight"], edge["events"], "{edge}");
    }
    // a window of 0 days: the copies are a day apart, so two events each
    let apart = actorgraph(
        dir.path(),
        &["build", both.to_str().unwrap(), "--same-event-days", "0", "-o", "-"],
    );
    for edge in edges(&apart) {
        assert_eq!(edge["weight"], edge["events"], "{edge}");
    }
    // every format carries them
    let csv_dir = dir.path().join("tables");
    actorgraph(
        dir.path(),
        &[
            "build",
            both.to_str().unwrap(),
            "--format",
            "csv",
            "-o",
            csv_dir.to_str().unwrap(),
        ],
    );
    let table = std::fs::read_to_string(csv_dir.join("edges.csv")).unwrap();
    let mut rows = csv::Reader::from_reader(table.as_bytes());
    let header = rows.headers().unwrap().clone();
    let (wi, ei) = (
        header.iter().position(|h| h == "Weight").unwrap(),
        header.iter().position(|h| h == "events").unwrap(),
    );
    for r in rows.records() {
        let r = r.unwrap();
        assert_eq!(r[wi].parse::<u64>().unwrap(), 2 * r[ei].parse::<u64>().unwrap());
    }
    for (format, needle) in [
        ("gexf", "for=\"events\""),
        ("graphml", "key=\"e_events\""),
        ("dot", "events="),
    ] {
        let out = actorgraph(
            dir.path(),
            &["build", both.to_str().unwrap(), "--format", format, "-o", "-"],
        );
        assert!(out.contains(needle), "{format}: no {needle}");
    }
    // top --by events counts events
    let by_events = actorgraph(
        dir.path(),
        &[
            "query",
            both.to_str().unwrap(),
            "top",
            "3",
            "--by",
            "events",
            "--format",
            "json",
        ],
    );
    let by_weight = actorgraph(
        dir.path(),
        &["query", both.to_str().unwrap(), "top", "3", "--format", "json"],
    );
    let total = |s: &str, key: &str| -> Vec<u64> {
        let v: Value = serde_json::from_str(s).unwrap();
        v["answer"]["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["total"][key].as_u64().unwrap())
            .collect()
    };
    assert_eq!(
        total(&by_events, "events").iter().map(|n| n * 2).collect::<Vec<_>>(),
        total(&by_weight, "weight")
    );
}

/// Merging the graph of the first copies with the graph of the second
/// (saved apart) gives the events of the one-shot build: each edge keeps
/// its reports' dates and signatures, and merge counts again.
#[test]
fn merged_halves_count_the_events_of_the_whole() {
    let dir = tempfile::tempdir().unwrap();
    let a = seeds_twice(dir.path(), &["a"], "a.jsonl");
    let b = seeds_twice(dir.path(), &["b"], "b.jsonl");
    let both = seeds_twice(dir.path(), &["a", "b"], "both.jsonl");
    actorgraph(dir.path(), &["build", a.to_str().unwrap(), "-o", "a.json"]);
    actorgraph(dir.path(), &["build", b.to_str().unwrap(), "-o", "b.json"]);
    let merged = actorgraph(dir.path(), &["merge", "b.json", "a.json", "-o", "-"]);
    let whole = actorgraph(dir.path(), &["build", both.to_str().unwrap(), "-o", "-"]);
    let key = |g: &str| -> Vec<(String, u64, u64)> {
        edges(g)
            .iter()
            .map(|e| {
                (
                    format!("{} {} {}", e["source"], e["relation"], e["target"]),
                    e["weight"].as_u64().unwrap(),
                    e["events"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(key(&merged), key(&whole));
    // and the saved graph converts to the same counts
    std::fs::write(dir.path().join("whole.json"), &whole).unwrap();
    let converted = actorgraph(dir.path(), &["convert", "whole.json", "-o", "-"]);
    assert_eq!(converted, whole);
}

/// The event ids do not depend on the input order or the thread count.
#[test]
fn event_ids_are_the_same_in_any_order_on_any_threads() {
    let dir = tempfile::tempdir().unwrap();
    let both = seeds_twice(dir.path(), &["a", "b"], "both.jsonl");
    let text = std::fs::read_to_string(&both).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.reverse();
    std::fs::write(dir.path().join("reversed.jsonl"), lines.join("\n") + "\n").unwrap();
    let rows = |args: &[&str]| -> Vec<(String, u64, String, String)> {
        let mut v: Vec<(String, u64, String, String)> = actorgraph(dir.path(), args)
            .lines()
            .map(|l| {
                let r: Value = serde_json::from_str(l).unwrap();
                (
                    r["doc"].as_str().unwrap().to_string(),
                    r["sentence"].as_u64().unwrap(),
                    format!("{} {} {}", r["source"], r["relation"], r["target"]),
                    r["event_id"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let one = rows(&["events", "both.jsonl", "--threads", "1"]);
    assert_eq!(rows(&["events", "reversed.jsonl", "--threads", "2"]), one);
    // two reports per event
    let mut ids: Vec<&str> = one.iter().map(|r| r.3.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len() * 2, one.len());
}

/// pandas (pyarrow) and DuckDB read the Parquet and the CSV table with the
/// rows and values of the JSON Lines, `date` a date column in both.
const COMPARE: &str = r#"
import json, sys, datetime
import pandas as pd, pyarrow.parquet as pq, duckdb
jsonl, csv_path, parquet_path = sys.argv[1:4]
rows = [json.loads(l) for l in open(jsonl, encoding="utf-8")]
cols = list(rows[0].keys())
def norm(v):
    if v is None or (isinstance(v, float) and v != v) or v is pd.NaT:
        return None
    if isinstance(v, (datetime.date, pd.Timestamp)):
        return str(v)[:10]
    return str(v)
want = [[norm(r[c]) for c in cols] for r in rows]
schema = pq.read_schema(parquet_path)
assert str(schema.field("date").type) == "date32[day]", schema
assert str(schema.field("start").type) == "uint64", schema
frames = {
    "pandas parquet": pd.read_parquet(parquet_path),
    "pandas csv": pd.read_csv(csv_path, dtype=str, keep_default_na=False).replace({"": None}),
    "duckdb parquet": duckdb.sql(f"SELECT * FROM read_parquet('{parquet_path}')").df(),
    "duckdb csv": duckdb.sql(f"SELECT * FROM read_csv('{csv_path}', all_varchar=true)").df(),
}
for name, df in frames.items():
    assert list(df.columns) == cols, (name, list(df.columns))
    got = [[norm(v) for v in row] for row in df.itertuples(index=False)]
    assert len(got) == len(want), (name, len(got), len(want))
    for i, (g, w) in enumerate(zip(got, want)):
        assert g == w, (name, i, [(c, a, b) for c, a, b in zip(cols, g, w) if a != b])
t = duckdb.sql(f"SELECT typeof(date) FROM read_parquet('{parquet_path}') LIMIT 1").fetchall()[0][0]
assert t == "DATE", t
# the README's query: events per dyad per month
per_month = duckdb.sql(sys.argv[4]).fetchall()
assert all(r[5] == 2 * r[4] for r in per_month), per_month
print(len(rows), "rows,", len(per_month), "dyad-months")
"#;

#[test]
fn pandas_and_duckdb_read_the_tables_with_the_values_of_the_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let both = seeds_twice(dir.path(), &["a", "b"], "both.jsonl");
    let b = both.to_str().unwrap();
    let jsonl = actorgraph(dir.path(), &["events", b]);
    std::fs::write(dir.path().join("events.jsonl"), &jsonl).unwrap();
    // -o FILE gives the bytes of standard output
    actorgraph(dir.path(), &["events", b, "--format", "jsonl", "-o", "again.jsonl"]);
    assert_eq!(std::fs::read_to_string(dir.path().join("again.jsonl")).unwrap(), jsonl);
    actorgraph(dir.path(), &["events", b, "--format", "csv", "-o", "events.csv"]);
    actorgraph(
        dir.path(),
        &["events", b, "--format", "parquet", "-o", "events.parquet"],
    );
    let csv_text = std::fs::read_to_string(dir.path().join("events.csv")).unwrap();
    assert_eq!(csv_text.lines().next().unwrap(), "doc,date,sentence,start,end,source,source_label,source_kind,source_affiliation,relation,target,target_label,target_kind,target_affiliation,modality,trigger,reported_by,evidence,event_id");
    let parquet = std::fs::read(dir.path().join("events.parquet")).unwrap();
    assert_eq!(&parquet[..4], b"PAR1");
    // parquet needs a file
    let o = bin()
        .args(["events", b, "--format", "parquet"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    if !have_named(
        "pandas, pyarrow and duckdb",
        "python3",
        &["-c", "import pandas, pyarrow, duckdb"],
    ) {
        return;
    }
    // the README's DuckDB query, as it is written there
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let sql = readme
        .split("```sql\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("a sql block");
    assert!(sql.contains("FROM 'events.parquet'"), "{sql}");
    let o = std::process::Command::new("python3")
        .args(["-c", COMPARE, "events.jsonl", "events.csv", "events.parquet", sql])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&o.stdout),
        stderr(&o)
    );
}

#[test]
fn the_view_flags_choose_the_rows() {
    let dir = tempfile::tempdir().unwrap();
    let both = seeds_twice(dir.path(), &["a", "b"], "both.jsonl");
    let b = both.to_str().unwrap();
    let parse = |s: String| -> Vec<Value> { s.lines().map(|l| serde_json::from_str(l).unwrap()).collect() };
    let all = parse(actorgraph(dir.path(), &["events", b]));
    let support = parse(actorgraph(dir.path(), &["events", b, "--relations", "support"]));
    assert!(!support.is_empty() && support.len() < all.len());
    assert!(support.iter().all(|r| r["relation"] == "support"));
    let window = parse(actorgraph(
        dir.path(),
        &["events", b, "--since", "2020-01-03", "--until", "2020-01-04"],
    ));
    assert!(!window.is_empty());
    assert!(window
        .iter()
        .all(|r| ["2020-01-03", "2020-01-04"].contains(&r["date"].as_str().unwrap())));
    let faction = parse(actorgraph(dir.path(), &["events", b, "--level", "faction"]));
    assert!(faction
        .iter()
        .all(|r| r["source_kind"] != "person" || r["source_affiliation"].is_null()));
    assert!(faction.iter().any(|r| r["source"] == "lna"));
    // modal events are rows, marked
    let modal: Vec<&Value> = all.iter().filter(|r| r["modality"] != "asserted").collect();
    let graph = actorgraph(dir.path(), &["build", b, "-o", "-"]);
    let reports: u64 = edges(&graph).iter().map(|e| e["weight"].as_u64().unwrap()).sum();
    assert_eq!(all.len() - modal.len(), reports as usize);
}
