//! The bad-input suite of issue 8: what real feeds contain, run through the
//! real binary. Each case puts good documents around a bad one and checks
//! that the run ends within its time (and, where /proc tells, memory)
//! bound, never with a panic; that the good documents are all in the graph
//! (`graph.documents`, and an edge whose evidence comes from each); and
//! that the exit status is the README's: 0 when everything was used, 3 when
//! something was skipped (with file and line on standard error and the
//! summary by reason), 1 for a fatal error.
//!
//! The heaviest cases (a 50 MB document, a 10 MB line, a gazetteer of
//! 100,000 actors) take 10 to 25 seconds each in the debug build that
//! `cargo test` makes, 1 to 3 seconds in a release build. To run the
//! suite against another build of the program, name it in
//! `ACTORGRAPH_TEST_BIN`:
//!
//! ```sh
//! cargo build --release
//! ACTORGRAPH_TEST_BIN=target/release/actorgraph cargo test --test bad_input -- --nocapture
//! ```
//!
//! (`--nocapture` shows each case's time and peak memory.)

mod common;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use actorgraph::corpus::MAX_INPUT_BYTES;
use actorgraph::extract::MAX_TOKENS_IN_DEPTH;
use serde_json::Value;

/// A good document before the bad input, and the edge it makes (its
/// actors are in no bad input, so the edge's evidence, capped at 20
/// items, is its own).
const GOOD_A: &str = "Greece backs Cyprus.";
const EDGE_A: &str = "greece support cyprus";
/// A good document after the bad input, and the edge it makes.
const GOOD_Z: &str = "Norway backs Sweden.";
const EDGE_Z: &str = "norway support sweden";

/// The program under test: `ACTORGRAPH_TEST_BIN` if set (relative to the
/// repository root), else the build that `cargo test` made.
fn program() -> PathBuf {
    match std::env::var_os("ACTORGRAPH_TEST_BIN") {
        Some(p) => common::root().join(p),
        None => PathBuf::from(env!("CARGO_BIN_EXE_actorgraph")),
    }
}

/// What one run gave.
struct Run {
    code: Option<i32>,
    stderr: String,
    /// The graph written with `-o`, when the run wrote one.
    graph: Option<Value>,
    /// Peak resident memory in MB, where /proc tells it.
    peak_mb: Option<u64>,
}

impl Run {
    fn graph(&self) -> &Value {
        self.graph
            .as_ref()
            .unwrap_or_else(|| panic!("no graph written; stderr:\n{}", self.stderr))
    }

    fn documents(&self) -> u64 {
        self.graph()["graph"]["documents"].as_u64().unwrap()
    }

    /// "source relation target" of every edge.
    fn edges(&self) -> Vec<String> {
        self.graph()["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                format!(
                    "{} {} {}",
                    str_of(&e["source"]),
                    str_of(&e["relation"]),
                    str_of(&e["target"])
                )
            })
            .collect()
    }

    /// The ids of the documents some edge has evidence from.
    fn evidence_docs(&self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for e in self.graph()["edges"].as_array().unwrap() {
            for ev in e["evidence"].as_array().unwrap() {
                out.insert(str_of(&ev["doc"]).to_string());
            }
        }
        out
    }

    fn node(&self, id: &str) -> Option<&Value> {
        self.graph()["nodes"].as_array().unwrap().iter().find(|n| n["id"] == id)
    }

    /// The good documents `ids` are in the graph, each with its edge.
    fn has_good(&self, ids: &[&str]) {
        let edges = self.edges();
        for want in [EDGE_A, EDGE_Z] {
            assert!(
                edges.iter().any(|e| e == want),
                "no edge {want}: {edges:?}\n{}",
                self.stderr
            );
        }
        let docs = self.evidence_docs();
        for id in ids {
            assert!(docs.contains(*id), "no evidence from {id}: {docs:?}\n{}", self.stderr);
        }
    }

    fn status(&self, code: i32) {
        assert_eq!(self.code, Some(code), "exit status; stderr:\n{}", self.stderr);
    }

    /// Skipped input, reported with `place` (a file, or `file:line`), and
    /// the summary counts `reason`.
    fn skipped(&self, place: &str, reason: &str) {
        self.status(3);
        assert!(
            self.stderr
                .lines()
                .any(|l| l.starts_with("actorgraph: skipped: ") && l.contains(place)),
            "no skip reported at {place}:\n{}",
            self.stderr
        );
        let summary = self
            .stderr
            .lines()
            .find(|l| l.contains(" input(s) skipped: "))
            .unwrap_or_else(|| panic!("no summary:\n{}", self.stderr));
        assert!(summary.contains(reason), "summary without {reason:?}: {summary}");
    }
}

fn str_of(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}

/// Run the program on `args`, the graph written to a file in `dir`; fail if
/// it runs longer than `limit` or panics.
fn run_in(dir: &Path, args: &[&str], limit: Duration) -> Run {
    let out = dir.join("graph.json");
    let _ = std::fs::remove_file(&out);
    let err_path = dir.join("stderr.txt");
    let mut child = Command::new(program())
        .args(args)
        .arg("-o")
        .arg(&out)
        .current_dir(common::root())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .expect("actorgraph runs");
    let start = Instant::now();
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak_mb = None;
    let status = loop {
        // VmHWM is the peak so far; the last reading before the exit is
        // close enough for a bound.
        if let Some(kb) = std::fs::read_to_string(&status_path).ok().and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        }) {
            peak_mb = Some(kb / 1024);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("actorgraph {args:?} ran longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = start.elapsed();
    let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
    assert!(!stderr.contains("panicked"), "actorgraph {args:?} panicked:\n{stderr}");
    assert_ne!(status.code(), Some(101), "a panic:\n{stderr}");
    let graph = std::fs::read(&out)
        .ok()
        .map(|b| serde_json::from_slice(&b).expect("the graph written is JSON"));
    eprintln!(
        "bad_input: {:?} took {:.2}s, peak {} MB, exit {:?}",
        args.iter()
            .map(|a| Path::new(a).file_name().map_or(*a, |f| f.to_str().unwrap()))
            .collect::<Vec<_>>(),
        took.as_secs_f64(),
        peak_mb.map_or("?".to_string(), |m| m.to_string()),
        status.code()
    );
    Run {
        code: status.code(),
        stderr,
        graph,
        peak_mb,
    }
}

const QUICK: Duration = Duration::from_secs(120);
const HEAVY: Duration = Duration::from_secs(600);

/// A temp folder with `good_a.txt` and `good_z.txt` in it.
fn folder() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "good_a.txt", GOOD_A.as_bytes());
    let z = write(dir.path(), "good_z.txt", GOOD_Z.as_bytes());
    (dir, a, z)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// A JSON line of a document.
fn line(id: &str, text: &str) -> String {
    format!("{}\n", serde_json::json!({"id": id, "text": text}))
}

/// JSON Lines: a good line, the bad `middle`, a good line.
fn jsonl_around(middle: &[u8]) -> Vec<u8> {
    let mut b = line("line_a", GOOD_A).into_bytes();
    b.extend_from_slice(middle);
    b.extend_from_slice(line("line_z", GOOD_Z).as_bytes());
    b
}

#[test]
fn invalid_utf8_in_a_txt_file() {
    let (dir, a, z) = folder();
    let bad = write(dir.path(), "bad.txt", b"Egypt \xff\xfe backs Khalifa Haftar.");
    let r = run_in(dir.path(), &["build", &a, &bad, &z], QUICK);
    r.skipped("bad.txt: not UTF-8", "1 not UTF-8");
    assert_eq!(r.documents(), 2);
    r.has_good(&["good_a", "good_z"]);
}

#[test]
fn invalid_utf8_in_a_json_line() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "news.jsonl",
        &jsonl_around(b"{\"id\": \"bad\", \"text\": \"Egypt \xc3\x28 backs Khalifa Haftar.\"}\n"),
    );
    let r = run_in(dir.path(), &["build", &f], QUICK);
    r.skipped("news.jsonl:2: not UTF-8", "1 not UTF-8");
    assert_eq!(r.documents(), 2);
    r.has_good(&["line_a", "line_z"]);
}

#[test]
fn invalid_utf8_in_gzip_files() {
    let (dir, a, z) = folder();
    let lines = write(
        dir.path(),
        "news.jsonl.gz",
        &gz(&jsonl_around(b"{\"id\": \"bad\", \"text\": \"\xff\"}\n")),
    );
    let txt = write(dir.path(), "bad.txt.gz", &gz(b"Egypt \x80 backs Khalifa Haftar."));
    let r = run_in(dir.path(), &["build", &a, &lines, &txt, &z], QUICK);
    r.skipped("news.jsonl.gz:2: not UTF-8", "2 not UTF-8");
    r.skipped("bad.txt.gz: not UTF-8", "2 not UTF-8");
    assert_eq!(r.documents(), 4);
    r.has_good(&["good_a", "line_a", "line_z", "good_z"]);
}

#[test]
fn nul_bytes() {
    // In a .txt file NUL is a character like any other: the document is
    // used and the evidence keeps it (JSON writes it \u0000).
    let (dir, a, z) = folder();
    let nul = write(
        dir.path(),
        "nul.txt",
        b"\0\0Russia backs Khalifa Haftar.\0 Then\0nothing.\0",
    );
    let r = run_in(dir.path(), &["build", &a, &nul, &z], QUICK);
    r.status(0);
    assert_eq!(r.documents(), 3);
    r.has_good(&["good_a", "good_z", "nul"]);
    assert!(r.edges().contains(&"russia support khalifa_haftar".to_string()));

    // In JSON a raw NUL inside a string is invalid (a control character);
    // escaped, it is text; a line of NULs is not JSON.
    let mut middle = b"{\"id\": \"raw\", \"text\": \"Russia \0backs Haftar.\"}\n".to_vec();
    middle.extend_from_slice(line("escaped", "Russia backs Khalifa Haftar.\u{0}").as_bytes());
    middle.extend_from_slice(b"\0\0\0\0\n");
    let f = write(dir.path(), "news.jsonl", &jsonl_around(&middle));
    let r = run_in(dir.path(), &["build", &f], QUICK);
    r.skipped("news.jsonl:2: control character", "2 not JSON");
    r.skipped("news.jsonl:4: expected value", "2 not JSON");
    assert_eq!(r.documents(), 3);
    r.has_good(&["line_a", "line_z", "escaped"]);
}

#[test]
fn a_50_mb_document_with_no_sentence_end() {
    let (dir, a, z) = folder();
    // one "sentence" of 50 MB: no full stop, no newline, actors all along
    let unit = "Egypt backs Khalifa Haftar while the talks in the capital went on and ";
    let n = 50_000_000 / unit.len();
    let big = write(dir.path(), "big.txt", unit.repeat(n).as_bytes());
    let r = run_in(dir.path(), &["build", &a, &big, &z], HEAVY);
    r.status(0);
    assert_eq!(r.documents(), 3);
    r.has_good(&["good_a", "good_z"]);
    // Linked, every mention counted; too long to be analysed for events
    // (extract::MAX_TOKENS_IN_DEPTH), so no evidence from it.
    let egypt = r.node("egypt").unwrap();
    assert_eq!(egypt["mentions"], n as u64, "{egypt}");
    assert_eq!(egypt["documents"], 1);
    assert!(!r.evidence_docs().contains("big"));
    if let Some(mb) = r.peak_mb {
        // the text, its tokens and its normal form: about 20 bytes a byte
        assert!(mb < 2_500, "{mb} MB for a 50 MB document");
    }
}

#[test]
fn a_sentence_of_100000_commas() {
    let (dir, a, z) = folder();
    let bare = write(
        dir.path(),
        "bare.txt",
        format!("Egypt backs Khalifa Haftar{}.", ",".repeat(100_000)).as_bytes(),
    );
    let words = write(
        dir.path(),
        "words.txt",
        format!("Egypt backs Khalifa Haftar{}.", ", and then".repeat(100_000)).as_bytes(),
    );
    let r = run_in(dir.path(), &["build", &a, &bare, &words, &z], QUICK);
    r.status(0);
    assert_eq!(r.documents(), 4);
    r.has_good(&["good_a", "good_z"]);
    assert_eq!(r.node("egypt").unwrap()["documents"], 2);
}

#[test]
fn ten_thousand_actors_in_one_sentence() {
    let (dir, a, z) = folder();
    let names = ["Egypt", "Russia", "Turkey", "France", "Italy", "Qatar", "Sudan", "Chad"];
    let list: Vec<&str> = (0..10_000).map(|i| names[i % names.len()]).collect();
    let backs = write(
        dir.path(),
        "backs.txt",
        format!("{} and Jordan back Khalifa Haftar.", list.join(", ")).as_bytes(),
    );
    // "talks between" k actors would be k²/2 meetings, each with a copy of
    // the sentence: this one took 12 GB before the guard
    let talks = write(
        dir.path(),
        "talks.txt",
        format!("Talks between {} and Jordan were held.", list.join(", ")).as_bytes(),
    );
    let r = run_in(dir.path(), &["build", &a, &backs, &talks, &z], QUICK);
    r.status(0);
    assert_eq!(r.documents(), 4);
    r.has_good(&["good_a", "good_z"]);
    for id in ["egypt", "russia", "chad", "jordan"] {
        let n = r.node(id).unwrap_or_else(|| panic!("no node {id}"));
        assert!(n["mentions"].as_u64().unwrap() >= 2, "{n}");
    }
    if let Some(mb) = r.peak_mb {
        assert!(mb < 1_000, "{mb} MB");
    }
}

#[test]
fn run_ons_of_possessives_and_abbreviations() {
    // No full stop ends these: "U.S." is an abbreviation, and each
    // "Haftar's forces" is a mention with a name inside it.
    let (dir, a, z) = folder();
    let forces = write(dir.path(), "forces.txt", "Haftar's forces ".repeat(125_000).as_bytes());
    let us = write(dir.path(), "us.txt", "U.S. ".repeat(400_000).as_bytes());
    let r = run_in(dir.path(), &["build", &a, &forces, &us, &z], QUICK);
    r.status(0);
    assert_eq!(r.documents(), 4);
    r.has_good(&["good_a", "good_z"]);
    for id in ["lna", "khalifa_haftar", "usa"] {
        assert!(r.node(id).is_some(), "no node {id}");
    }
}

#[test]
fn sentences_longer_than_the_depth_limit_are_linked_not_analysed() {
    // "word, " pads the sentence to just under and just over the limit
    let padded = |words: usize| format!("{}Russia backs Khalifa Haftar.", "word, ".repeat(words));
    let tokens = |words: usize| 2 * words + 5; // "Russia backs Khalifa Haftar ."
    let under = (MAX_TOKENS_IN_DEPTH - 5) / 2;
    let over = under + 1;
    assert!(tokens(under) <= MAX_TOKENS_IN_DEPTH && tokens(over) > MAX_TOKENS_IN_DEPTH);
    let (dir, a, z) = folder();
    let u = write(dir.path(), "under.txt", padded(under).as_bytes());
    let o = write(dir.path(), "over.txt", padded(over).as_bytes());
    let r = run_in(dir.path(), &["build", &a, &u, &o, &z], QUICK);
    r.status(0);
    assert_eq!(r.documents(), 4);
    r.has_good(&["good_a", "good_z", "under"]);
    assert!(!r.evidence_docs().contains("over"), "{:?}", r.evidence_docs());
    assert_eq!(r.node("russia").unwrap()["documents"], 2);
}

#[test]
fn empty_and_whitespace_only_documents() {
    let (dir, a, z) = folder();
    let empty = write(dir.path(), "empty.txt", b"");
    let blank = write(dir.path(), "blank.txt", b"  \n\t \r\n\xc2\xa0\n");
    let bom = write(dir.path(), "bom.txt", "\u{feff}\n".as_bytes());
    let nothing = write(dir.path(), "nothing.jsonl", b"");
    let mut middle = line("e1", "").into_bytes();
    middle.extend_from_slice(line("e2", " \n\t ").as_bytes());
    middle.extend_from_slice(line("  ", GOOD_A).as_bytes());
    middle.extend_from_slice(b"   \n\n\t\n"); // blank lines are no documents
    let f = write(dir.path(), "news.jsonl", &jsonl_around(&middle));
    let r = run_in(
        dir.path(),
        &["build", &a, &empty, &blank, &bom, &nothing, &f, &z],
        QUICK,
    );
    for place in [
        "empty.txt: empty document",
        "blank.txt: empty document",
        "bom.txt: empty document",
    ] {
        r.skipped(place, "6 empty");
    }
    r.skipped("news.jsonl:2: document \"e1\" has an empty \"text\"", "6 empty");
    r.skipped("news.jsonl:3: document \"e2\" has an empty \"text\"", "6 empty");
    r.skipped("news.jsonl:4: empty \"id\"", "6 empty");
    assert_eq!(r.documents(), 4);
    r.has_good(&["good_a", "line_a", "line_z", "good_z"]);
}

#[test]
fn duplicate_document_ids() {
    let (dir, a, z) = folder();
    let mut middle = line("good_a", "Russia backs Khalifa Haftar.").into_bytes();
    middle.extend_from_slice(line("twice", "Russia backs Khalifa Haftar.").as_bytes());
    middle.extend_from_slice(line("twice", "Qatar backs Khalifa Haftar.").as_bytes());
    let f = write(dir.path(), "news.jsonl", &jsonl_around(&middle));
    let again = dir.path().join("again");
    std::fs::create_dir(&again).unwrap();
    write(&again, "good_z.txt", b"Chad backs Khalifa Haftar.");
    let r = run_in(dir.path(), &["build", &a, &f, &z, again.to_str().unwrap()], QUICK);
    r.skipped("news.jsonl:2: duplicate document id \"good_a\"", "3 duplicate id");
    r.skipped("news.jsonl:4: duplicate document id \"twice\"", "3 duplicate id");
    r.skipped("good_z.txt:1: duplicate document id \"good_z\"", "3 duplicate id");
    assert_eq!(r.documents(), 5);
    r.has_good(&["good_a", "line_a", "twice", "line_z", "good_z"]);
    let edges = r.edges();
    assert!(edges.contains(&"russia support khalifa_haftar".to_string()));
    for skipped in ["qatar", "chad"] {
        assert!(
            r.node(skipped).is_none(),
            "{skipped} from a skipped document: {edges:?}"
        );
    }
}

#[test]
fn json_of_the_wrong_types() {
    let dir = tempfile::tempdir().unwrap();
    let middle = [
        r#"{"id": 5, "text": "Russia backs Khalifa Haftar."}"#,
        r#"{"id": "null_text", "text": null}"#,
        r#"{"id": "no_text"}"#,
        r#"{"id": "object_text", "text": {"en": "Russia backs Khalifa Haftar."}}"#,
        r#"{"id": ["list"], "text": "Russia backs Khalifa Haftar."}"#,
        r#"[{"id": "in_array", "text": "Russia backs Khalifa Haftar."}]"#,
        r#""just a string""#,
        "42",
        "null",
        "true",
        r#"{"id": "date_object", "text": "Qatar backs Khalifa Haftar.", "date": {"year": 2020}}"#,
        r#"{"id": "date_number", "text": "Chad backs Khalifa Haftar.", "date": 20200101, "title": 7, "source": ["x"]}"#,
        r#"{"id": "date_null", "text": "Sudan backs Khalifa Haftar.", "date": null, "title": null}"#,
    ]
    .join("\n")
        + "\n";
    let f = write(dir.path(), "news.jsonl", &jsonl_around(middle.as_bytes()));
    let r = run_in(dir.path(), &["build", &f], QUICK);
    for (line, what) in [
        (2, "invalid type: integer `5`, expected a string"),
        (3, "invalid type: null, expected a string"),
        (4, "missing field `text`"),
        (5, "invalid type: map"),
        (6, "invalid type: sequence"),
        (7, "a JSON array, not an object"),
        (8, "a JSON string, not an object"),
        (9, "a JSON number, not an object"),
        (10, "a JSON null, not an object"),
        (11, "a JSON boolean, not an object"),
    ] {
        r.skipped(&format!("news.jsonl:{line}: {what}"), "10 not a document");
    }
    // optional fields of the wrong type: kept, without them, with a warning
    for (line, field) in [(12, "date"), (13, "date"), (13, "title"), (13, "source")] {
        assert!(
            r.stderr.lines().any(|l| l.starts_with("actorgraph: warning: ")
                && l.contains(&format!("news.jsonl:{line}: \"{field}\" is "))
                && l.contains("document kept without it")),
            "no warning for {field} on line {line}:\n{}",
            r.stderr
        );
    }
    assert!(r.stderr.contains("; 4 warnings"), "{}", r.stderr);
    assert_eq!(r.documents(), 5);
    r.has_good(&["line_a", "line_z", "date_object", "date_number", "date_null"]);
    assert!(r.node("russia").is_none(), "russia comes only from skipped lines");
}

#[test]
fn truncated_and_corrupt_gzip() {
    let (dir, a, z) = folder();
    let mut lines = Vec::new();
    for i in 0..2_000 {
        lines.extend_from_slice(
            line(
                &format!("g{i:04}"),
                &format!("Egypt backs Khalifa Haftar, report {i} says."),
            )
            .as_bytes(),
        );
    }
    let whole = gz(&lines);
    let cut = write(dir.path(), "cut.jsonl.gz", &whole[..whole.len() / 2]);
    let txt = gz(GOOD_A.as_bytes());
    let cut_txt = write(dir.path(), "cut.txt.gz", &txt[..txt.len() - 6]);
    let not_gzip = write(dir.path(), "plain.jsonl.gz", &line("p", GOOD_A).into_bytes());
    let r = run_in(dir.path(), &["build", &a, &cut, &cut_txt, &not_gzip, &z], QUICK);
    // the lines before the cut are used; the error names the line where
    // reading stopped
    let read = r.documents() - 2;
    assert!(read > 100 && read < 2_000, "{read} documents from the cut file");
    r.skipped(
        &format!("cut.jsonl.gz:{}: cannot be read from this line on", read + 1),
        "truncated or corrupt",
    );
    r.skipped("cut.txt.gz: cannot be read to its end", "3 truncated or corrupt");
    r.skipped(
        "plain.jsonl.gz:1: cannot be read from this line on (invalid gzip header)",
        "3 truncated or corrupt",
    );
    r.has_good(&["good_a", "g0000", "good_z"]);
}

#[test]
fn missing_and_unreadable_inputs() {
    let (dir, a, z) = folder();
    let missing = dir.path().join("missing.jsonl");
    let r = run_in(dir.path(), &["build", &a, missing.to_str().unwrap(), &z], QUICK);
    r.skipped("missing.jsonl: No such file or directory", "1 unreadable");
    assert_eq!(r.documents(), 2);
    r.has_good(&["good_a", "good_z"]);
}

#[test]
fn a_directory_given_as_a_gazetteer() {
    let (dir, a, z) = folder();
    let r = run_in(
        dir.path(),
        &["build", &a, &z, "--gazetteer", dir.path().to_str().unwrap()],
        QUICK,
    );
    r.status(1);
    assert!(r.graph.is_none(), "a graph was written");
    let err = r.stderr.trim_end();
    assert!(
        err.starts_with("actorgraph: error: loading the gazetteer: ")
            && err.contains(dir.path().to_str().unwrap())
            && err.to_lowercase().contains("directory"),
        "{err}"
    );
}

#[test]
fn a_gazetteer_of_100000_actors() {
    let (dir, a, z) = folder();
    // CSV, the most compact of the three formats: 100,000 people with an
    // alias each, all different
    let syllables = ["ka", "lo", "mi", "nu", "re", "sa", "ti", "vo", "ze", "ba"];
    let name = |i: usize| {
        let s = |k: usize| syllables[(i / 10usize.pow(k as u32)) % 10];
        format!("Ab{}{}{} Ob{}{}", s(0), s(1), s(2), s(3), s(4))
    };
    let mut csv = String::from("id,label,kind,aliases,affiliation\n");
    for i in 0..100_000 {
        let n = name(i);
        let (first, last) = n.split_once(' ').unwrap();
        csv.push_str(&format!("p{i},{n},person,{last} {first},egypt\n"));
    }
    let g = write(dir.path(), "people.csv", csv.as_bytes());
    let meet = write(
        dir.path(),
        "meet.txt",
        format!("{} met {} in Cairo.", name(12_345), name(99_999)).as_bytes(),
    );
    let r = run_in(dir.path(), &["build", &a, &meet, &z, "--gazetteer", &g], HEAVY);
    r.status(0);
    assert_eq!(r.documents(), 3);
    r.has_good(&["good_a", "good_z", "meet"]);
    assert!(r.edges().contains(&"p12345 meet p99999".to_string()), "{:?}", r.edges());
}

#[test]
fn a_line_of_10_mb() {
    let dir = tempfile::tempdir().unwrap();
    // a document of 10 MB in one line: 200,000 sentences
    let sentence = "Egypt backs Khalifa Haftar. Turkey opposes the LNA. ";
    let text = sentence.repeat(10_000_000 / sentence.len());
    let mut middle = line("big", &text).into_bytes();
    // and a 10 MB line that is not JSON
    middle.extend_from_slice(b"{\"id\": \"broken\", \"text\": \"");
    middle.extend_from_slice(&b"x".repeat(10_000_000));
    middle.push(b'\n');
    let f = write(dir.path(), "news.jsonl", &jsonl_around(&middle));
    let r = run_in(dir.path(), &["build", &f], HEAVY);
    r.skipped("news.jsonl:3: EOF while parsing a string", "1 not JSON");
    assert_eq!(r.documents(), 3);
    r.has_good(&["line_a", "line_z", "big"]);
    let g = r.graph();
    let e = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["source"] == "turkey" && e["target"] == "lna")
        .unwrap();
    assert_eq!(e["weight"], (10_000_000 / sentence.len()) as u64);
    assert_eq!(e["evidence"].as_array().unwrap().len(), 20, "evidence is capped");
}

#[test]
fn a_line_or_file_larger_than_the_limit_is_skipped_unread() {
    let (dir, a, z) = folder();
    let huge = "Egypt backs Khalifa Haftar. ".repeat(MAX_INPUT_BYTES / 28 + 10);
    let mut middle = line("huge", &huge).into_bytes();
    middle.extend_from_slice(line("after", "Russia backs Khalifa Haftar.").as_bytes());
    let f = write(dir.path(), "news.jsonl", &jsonl_around(&middle));
    let t = write(dir.path(), "huge.txt", huge.as_bytes());
    drop(huge);
    let r = run_in(dir.path(), &["build", &a, &f, &t, &z], HEAVY);
    r.skipped("news.jsonl:2: line longer than 64 MiB", "2 too large");
    r.skipped("huge.txt: larger than 64 MiB", "2 too large");
    assert_eq!(r.documents(), 5);
    r.has_good(&["good_a", "line_a", "after", "line_z", "good_z"]);
    if let Some(mb) = r.peak_mb {
        assert!(mb < 600, "{mb} MB: the skipped input was held");
    }
}
