//! Replays the fuzz corpora without libFuzzer: every file of
//! `fuzz/corpus/<target>/` (the interesting inputs the fuzzers kept) and of
//! `fuzz/artifacts/<target>/` (inputs that once crashed, kept once fixed)
//! goes through the same function as the fuzz target, `fuzz/harness.rs`.
//! A panic names the file; `cargo fuzz run <target> <file>` replays it
//! under the fuzzer. See fuzz/README.md.

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect(),
        Err(_) => Vec::new(),
    };
    out.sort();
    out
}

#[test]
fn every_corpus_and_artifact_file_replays() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut failures = Vec::new();
    for (name, target) in harness::TARGETS {
        let corpus = files(&fuzz.join("corpus").join(name));
        assert!(!corpus.is_empty(), "fuzz/corpus/{name}/ is empty");
        let artifacts = files(&fuzz.join("artifacts").join(name));
        for path in corpus.iter().chain(&artifacts) {
            let data = std::fs::read(path).unwrap();
            if std::panic::catch_unwind(|| target(&data)).is_err() {
                failures.push(format!("{name}: {}", path.display()));
            }
        }
        eprintln!(
            "fuzz_replay: {name}: {} corpus files, {} artifacts",
            corpus.len(),
            artifacts.len()
        );
    }
    assert!(failures.is_empty(), "inputs that fail:\n{}", failures.join("\n"));
}
