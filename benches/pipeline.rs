//! Throughput of each stage and of the whole pipeline, in MB of text per
//! second, next to the floor no linker can beat: one Aho-Corasick scan of
//! the same text for the shipped gazetteer's aliases (ASCII
//! case-insensitive, leftmost-longest).
//!
//! Runs on the first documents of ../shared/corpus/news.jsonl.gz when it is
//! there (set ACTORGRAPH_BENCH_MB to choose how many MB, default 8), else on
//! the seed articles.
//!
//!     cargo bench --bench pipeline

use std::path::Path;

#[path = "floor.rs"]
mod floor;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use actorgraph::corpus::{Document, Reader};
use actorgraph::extract::{Extractor, Lexicon};
use actorgraph::graph::GraphOptions;
use actorgraph::link::{Gazetteer, Linker};
use actorgraph::pipeline::Pipeline;
use actorgraph::text::segment;

fn sample() -> (Vec<Document>, &'static str) {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news.jsonl.gz");
    let mb: usize = std::env::var("ACTORGRAPH_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    if corpus.exists() {
        let mut docs = Vec::new();
        let mut bytes = 0;
        for d in Reader::new(&[corpus]).flatten() {
            bytes += d.text.len();
            docs.push(d);
            if bytes >= mb * 1_000_000 {
                break;
            }
        }
        return (docs, "corpus");
    }
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    (Reader::new(&[seeds]).flatten().collect(), "seeds")
}

fn bytes(docs: &[Document]) -> u64 {
    docs.iter().map(|d| d.text.len() as u64).sum()
}

fn stages(c: &mut Criterion) {
    let (docs, name) = sample();
    let gazetteer = Gazetteer::shipped().expect("shipped gazetteer");
    let linker = Linker::new(gazetteer.clone());
    let extractor = Extractor::new(Lexicon::embedded());
    let pipeline = Pipeline::new(gazetteer.clone(), Lexicon::embedded());
    let mut g = c.benchmark_group(format!("stages/{name}"));
    g.throughput(Throughput::Bytes(bytes(&docs)));
    g.sample_size(10);

    // The floor: one automaton pass over the raw text.
    let floor = floor::floor_automaton(&gazetteer);
    g.bench_function(BenchmarkId::new("floor_aho_corasick", docs.len()), |b| {
        b.iter(|| docs.iter().map(|d| floor.find_iter(&d.text).count()).sum::<usize>())
    });
    g.bench_function(BenchmarkId::new("segment", docs.len()), |b| {
        b.iter(|| docs.iter().map(|d| segment(&d.text).len()).sum::<usize>())
    });
    g.bench_function(BenchmarkId::new("segment_link", docs.len()), |b| {
        b.iter(|| docs.iter().map(|d| linker.link_document(d).1.len()).sum::<usize>())
    });
    let linked: Vec<_> = docs.iter().map(|d| linker.link_document(d)).collect();
    g.bench_function(BenchmarkId::new("extract", docs.len()), |b| {
        b.iter(|| {
            docs.iter()
                .zip(&linked)
                .map(|(d, (s, m))| extractor.extract(d, s, m).len())
                .sum::<usize>()
        })
    });
    g.bench_function(BenchmarkId::new("pipeline_one_thread", docs.len()), |b| {
        b.iter(|| docs.iter().map(|d| pipeline.analyse(d).events.len()).sum::<usize>())
    });
    g.bench_function(BenchmarkId::new("build_all_cores", docs.len()), |b| {
        b.iter(|| {
            pipeline
                .build(docs.iter().cloned(), GraphOptions::default())
                .documents()
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
