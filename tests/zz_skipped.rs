//! The last test binary `cargo test` runs (integration tests run in name
//! order): it lists what the tests before it skipped for lack of a tool
//! (the records of `common::skipped` in `target/test-skips/`), so that
//! "N passed" on a machine without Graphviz, chromium or Java does not
//! read as if everything was checked. Written to standard error directly,
//! which the test harness does not capture.

mod common;

use std::io::Write;

#[test]
fn list_what_the_tests_skipped() {
    let dir = common::skips_dir();
    let mut records: Vec<String> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    records.sort();
    let mut out = std::io::stderr().lock();
    if records.is_empty() {
        let _ = writeln!(out, "\nskipped by the tests: nothing");
    } else {
        let _ = writeln!(
            out,
            "\nskipped by the tests ({}, records in {}):",
            records.len(),
            dir.display()
        );
        for r in &records {
            let _ = write!(out, "  {r}");
        }
    }
}
