//! The bodies of the fuzz targets, one function per target.
//!
//! cargo fuzz runs them under libFuzzer (`fuzz/fuzz_targets/*.rs`), and
//! `tests/fuzz_replay.rs` runs every file of `fuzz/corpus/<target>/` and
//! `fuzz/artifacts/<target>/` through the same functions in a plain
//! `cargo test`, so an input that once crashed stays fixed. Each function
//! takes arbitrary bytes and panics only on a broken invariant (which
//! libFuzzer then reports as a crash); an error returned by the library
//! for bad input is a correct answer, not a finding.
#![allow(dead_code)]

use std::io::Cursor;
use std::sync::OnceLock;

use actorgraph::corpus::{Document, Reader};
use actorgraph::export::json::{read_json, write_json};
use actorgraph::graph::{ActorGraph, GraphOptions};
use actorgraph::link::gazetteer::{parse_file, GazetteerBuilder};
use actorgraph::link::{GazetteerError, Linker};
use actorgraph::pipeline::Pipeline;
use actorgraph::text::segment;

/// A fuzz target's body.
pub type Target = fn(&[u8]);

/// The fuzz targets, by name: the folders of `fuzz/corpus/`.
pub const TARGETS: &[(&str, Target)] = &[("jsonl", jsonl), ("gazetteer", gazetteer), ("pipeline", pipeline)];

/// The JSON Lines reader on arbitrary bytes (read through gzip when they
/// start with its magic number, as a `.jsonl.gz` is): every line is a
/// document or an error that names the place; nothing else happens.
pub fn jsonl(data: &[u8]) {
    const NAME: &str = "fuzz.jsonl";
    let gzip = data.starts_with(&[0x1f, 0x8b]);
    // a gzip stream of n bytes holds any number of lines
    let lines = if gzip {
        usize::MAX
    } else {
        data.split(|&b| b == b'\n').count()
    };
    let mut items = 0;
    let source: Box<dyn std::io::Read> = if gzip {
        Box::new(flate2::read::MultiGzDecoder::new(Cursor::new(data.to_vec())))
    } else {
        Box::new(Cursor::new(data.to_vec()))
    };
    let mut reader = Reader::from_reader(NAME, source);
    for item in reader.by_ref() {
        items += 1;
        match item {
            Ok(d) => {
                assert!(!d.id.trim().is_empty(), "a document with an empty id");
                assert!(!d.text.trim().is_empty(), "a document with an empty text");
            }
            Err(e) => {
                let msg = e.to_string();
                assert!(
                    msg.starts_with(&format!("{NAME}:")),
                    "an error that names no line: {msg}"
                );
            }
        }
    }
    assert!(items <= lines, "{items} items from {lines} lines");
    for w in reader.take_warnings() {
        assert!(w.place.starts_with(&format!("{NAME}:")), "{w:?}");
    }
}

/// The gazetteer loader on arbitrary text as RON, JSON and CSV: a parse
/// or validation error with the file's name, or a gazetteer that a linker
/// can be built from and that links a text made of its own names.
pub fn gazetteer(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for path in ["fuzz.ron", "fuzz.json", "fuzz.csv"] {
        if let Err(e) = parse_file(path, &text) {
            check_gazetteer_error(path, &e);
        }
        let mut builder = GazetteerBuilder::new();
        let built = builder.add_text(path, &text).and_then(|b| b.build());
        let g = match built {
            Ok(g) => g,
            Err(e) => {
                check_gazetteer_error(path, &e);
                continue;
            }
        };
        let mut names = String::new();
        for a in g.actors() {
            for s in a.aliases.iter().chain(&a.metonyms).chain(&a.demonyms) {
                names.push_str(s);
                names.push_str(" backs ");
            }
            for r in &a.roles {
                names.push_str(&r.title);
                names.push_str(". ");
            }
        }
        let linker = Linker::new(g);
        let doc = Document::new("names", names);
        let (sentences, mentions) = linker.link_document(&doc);
        for m in &mentions {
            assert!(m.sentence < sentences.len());
            assert!(m.start < m.end && doc.text.get(m.start..m.end).is_some(), "{m:?}");
        }
    }
}

fn check_gazetteer_error(path: &str, e: &GazetteerError) {
    let msg = e.to_string();
    assert!(
        msg.starts_with(&format!("{path}:")),
        "an error that names no file: {msg}"
    );
}

/// The shipped pipeline, built once per process.
fn shipped() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::shipped().expect("the shipped gazetteer loads"))
}

/// The whole pipeline on arbitrary text (invalid UTF-8 replaced, as a
/// caller holding bytes would): sentences and tokens inside the text,
/// mentions at character boundaries, evidence offsets in code points that
/// cut the evidence sentence out of the text, and a graph whose JSON reads
/// back to the same bytes.
pub fn pipeline(data: &[u8]) {
    let p = shipped();
    let doc = Document::new("fuzz", String::from_utf8_lossy(data).into_owned());
    let text = doc.text.as_str();

    let sentences = segment(text);
    let mut last_end = 0;
    for (i, s) in sentences.iter().enumerate() {
        assert_eq!(s.index, i);
        assert!(last_end <= s.start && s.start < s.end && s.end <= text.len(), "{s:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{s:?}");
        last_end = s.end;
        assert!(!s.tokens.is_empty());
        for t in &s.tokens {
            assert!(
                s.start <= t.start && t.start < t.end && t.end <= s.end,
                "{t:?} in {s:?}"
            );
            assert!(text.get(t.start..t.end).is_some(), "{t:?}");
            assert!(s.norm.get(t.norm_start..t.norm_end).is_some(), "{t:?}");
        }
    }

    let analysis = p.analyse(&doc);
    for m in &analysis.mentions {
        assert!(m.start < m.end && text.get(m.start..m.end).is_some(), "{m:?}");
        for &(_, a, b) in &m.inner {
            assert!(a < b && text.get(a..b).is_some(), "{m:?}");
        }
    }
    let chars: Vec<char> = text.chars().collect();
    for e in &analysis.events {
        let ev = &e.evidence;
        assert!(ev.start <= ev.end && ev.end <= chars.len(), "{ev:?}");
        let cut: String = chars[ev.start..ev.end].iter().collect();
        assert_eq!(cut, ev.text);
    }

    let mut graph = ActorGraph::new(GraphOptions {
        include_modal: true,
        ..GraphOptions::default()
    });
    graph.add_document(p.gazetteer(), &analysis);
    assert_eq!(graph.documents(), 1);
    let json = write_json(&graph, "actor", false);
    let (back, level) = read_json("fuzz.json", &json).expect("the JSON written reads back");
    assert_eq!(
        write_json(&back, &level, false),
        json,
        "the JSON is not the whole graph"
    );
}
