//! What the end-to-end tests share: running the `actorgraph` binary and
//! finding the client tools they check its output with.

// Each test crate uses its own subset of these.
#![allow(dead_code)]

use std::path::PathBuf;
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
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "{what} is required in CI (.ci/run installs it)"
        );
        eprintln!("note: {what} not available, part of this test skipped");
    }
    ok
}
