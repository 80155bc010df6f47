//! End-to-end throughput and peak memory of a build on a corpus, beside
//! the floor no linker can beat, measured in the same run.
//!
//! ```sh
//! cargo run --release --example throughput                     # ../shared/corpus/news.jsonl.gz
//! cargo run --release --example throughput -- news.jsonl.gz    # any input build reads
//! ```
//!
//! 1. The build, as `actorgraph build INPUT --format json` does it: the
//!    input streamed (gzip included), analysed on every core, merged in
//!    input order, the JSON written (to a sink). Timed from the first byte
//!    read to the last byte written; then the peak resident memory so far.
//! 2. The floor: one Aho-Corasick scan of the same text for the shipped
//!    gazetteer's aliases (ASCII case-insensitive, leftmost-longest) on one
//!    thread, timing the scans only (not the reading).
//!
//! The ratio printed is the floor's MB/s on one core over the build's on
//! all cores.

#[path = "../benches/floor.rs"]
mod floor;

use std::time::{Duration, Instant};

use actorgraph::corpus::Reader;
use actorgraph::export::{export, ExportOptions, Exported, Format};
use actorgraph::graph::GraphOptions;
use actorgraph::pipeline::Pipeline;

// as the command line has it
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let input = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/news.jsonl.gz").to_string());
    let pipeline = Pipeline::shipped()?;

    let started = Instant::now();
    let (mut documents, mut bytes) = (0usize, 0usize);
    let docs = Reader::new(&[&input]).filter_map(Result::ok).inspect(|d| {
        documents += 1;
        bytes += d.text.len();
    });
    let graph = pipeline.build(docs, GraphOptions::default());
    let written = match export(&graph, "person", Format::Json, ExportOptions::default())? {
        Exported::File(b) => b.len(),
        Exported::Tables(_) | Exported::Files(_) => 0,
    };
    let build = started.elapsed();
    let peak = peak_resident_kb();

    let automaton = floor::floor_automaton(pipeline.gazetteer());
    let mut scanning = Duration::ZERO;
    let mut matches = 0usize;
    for d in Reader::new(&[&input]).filter_map(Result::ok) {
        let t = Instant::now();
        matches += automaton.find_iter(&d.text).count();
        scanning += t.elapsed();
    }

    let mb = bytes as f64 / 1e6;
    let build_rate = mb / build.as_secs_f64();
    let floor_rate = mb / scanning.as_secs_f64();
    println!("input: {input}");
    println!("{documents} documents, {mb:.1} MB of text");
    println!(
        "build, {} threads: {:.2} s, {build_rate:.1} MB/s ({} actors, {} edges, {written} bytes of JSON)",
        rayon::current_num_threads(),
        build.as_secs_f64(),
        graph.graph().node_count(),
        graph.graph().edge_count()
    );
    println!(
        "floor, 1 thread: {:.2} s, {floor_rate:.1} MB/s ({matches} alias matches)",
        scanning.as_secs_f64()
    );
    println!("floor / build: {:.2}", floor_rate / build_rate);
    match peak {
        Some(kb) => println!("peak resident memory of the build: {:.0} MB", kb as f64 / 1024.0),
        None => println!("peak resident memory: unknown (no /proc/self/status)"),
    }
    Ok(())
}

/// The peak resident set (VmHWM) of this process, in kB, on Linux.
fn peak_resident_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
