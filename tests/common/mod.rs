//! What the end-to-end tests share: running the `actorgraph` binary,
//! finding the client tools they check its output with, and recording what
//! was skipped without them (one file per skip under `target/test-skips/`,
//! listed by `.ci/run` and by the last test binary, `tests/zz_skipped.rs`).

// Each test crate uses its own subset of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The binary under test.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_actorgraph"))
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run actorgraph from the repository root.
pub fn run(args: &[&str]) -> Output {
    bin().args(args).current_dir(root()).output().expect("actorgraph runs")
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A client tool a test needs: required in CI (which installs it), and
/// skipped with a note on a developer machine that lacks it.
pub fn have(tool: &str, probe: &[&str]) -> bool {
    have_named(tool, tool, probe)
}

/// Like [`have`], for something `tool` provides that `what` names (a
/// Python module: `have_named("pyspark", "python3", &["-c", "import pyspark"])`).
pub fn have_named(what: &str, tool: &str, probe: &[&str]) -> bool {
    let ok = Command::new(tool)
        .args(probe)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if ok {
        not_skipped(what);
    } else {
        assert!(
            std::env::var_os("CI").is_none(),
            "{what} is required in CI (.ci/run installs it)"
        );
        skipped(what, &format!("{what} not available, part of this test skipped"));
    }
    ok
}

/// Where skips are recorded: `test-skips/` in the target directory of the
/// binary under test (`target/test-skips/` unless CARGO_TARGET_DIR says
/// otherwise).
pub fn skips_dir() -> PathBuf {
    let exe = Path::new(env!("CARGO_BIN_EXE_actorgraph"));
    // target/debug/actorgraph -> target/
    exe.parent()
        .and_then(Path::parent)
        .map(|t| t.join("test-skips"))
        .unwrap_or_else(|| root().join("target/test-skips"))
}

/// The file that records the skip of `what` by the running test: named by
/// the test crate, the test (libtest names each test's thread after it)
/// and `what`, so that the next run of the same test replaces or removes it.
fn skip_file(what: &str) -> PathBuf {
    let test = std::thread::current().name().unwrap_or("unknown").to_string();
    let key = format!("{}--{test}--{what}", env!("CARGO_CRATE_NAME"));
    let name: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    skips_dir().join(format!("{name}.txt"))
}

/// Part of the running test was skipped for lack of `what`: say so on
/// standard error (seen with `--nocapture`) and record it in
/// [`skips_dir`] (seen without flags: `.ci/run` and `tests/zz_skipped.rs`
/// list the records, `cat target/test-skips/*` too).
pub fn skipped(what: &str, why: &str) {
    eprintln!("note: {why}");
    let test = std::thread::current().name().unwrap_or("unknown").to_string();
    let line = format!("tests/{}.rs: {test}: {why}\n", env!("CARGO_CRATE_NAME"));
    // a record that cannot be written loses only the record, not the test
    let _ = std::fs::create_dir_all(skips_dir());
    let _ = std::fs::write(skip_file(what), line);
}

/// The running test had `what` this time: a record of an earlier skip of
/// it goes.
pub fn not_skipped(what: &str) {
    let _ = std::fs::remove_file(skip_file(what));
}

/// The edges of a graph's JSON `edges` array as "source relation target".
pub fn edge_names(edges: &serde_json::Value) -> Vec<String> {
    edges
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{} {} {}",
                e["source"].as_str().unwrap(),
                e["relation"].as_str().unwrap(),
                e["target"].as_str().unwrap()
            )
        })
        .collect()
}
