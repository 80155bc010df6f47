//! Beyond one machine (issue 10): the Python package and the Spark and
//! Dask jobs give, byte for byte, the graph `actorgraph build` gives.
//!
//! `the_pipe_mode_contract` needs nothing but the program: partial graphs
//! built from JSON Lines on standard input and merged from files and
//! standard input are the graph of one build.
//!
//! `the_package_and_the_jobs_give_the_bytes_of_build` builds the wheel of
//! `python/` with maturin (release, into target/python/), installs it
//! into target/python-test/site with `pip install --target` (no virtual
//! environment), runs the package's pytest suite against this binary, and
//! runs examples/spark/build_graph.py (local[2], 4 partitions; with the
//! package, then with `--pipe` through this binary) and
//! examples/dask/build_graph.py (4 partitions) on 5,000 documents: the
//! first 5,000 lines of ../shared/corpus/news.jsonl.gz when that file is
//! there, else the seed articles repeated with distinct ids and dates. Each
//! output must be the bytes of `actorgraph build` on the same documents.
//!
//! It needs python3 (3.10 or later) with maturin, pytest, pyspark and
//! dask, and Java for Spark: .ci/run installs them (the pins are in
//! python/requirements-ci.txt). As in tests/html.rs, a missing one fails
//! the test when the environment has CI set, and skips it with a note
//! otherwise.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Instant;

use common::{bin, have, have_named, root, run, stderr};

/// Documents of the jobs' test.
const DOCUMENTS: usize = 5000;

/// The target directory of this build (the binary is in its debug/ or
/// release/ folder).
fn target_dir() -> PathBuf {
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_actorgraph"));
    exe.parent()
        .and_then(Path::parent)
        .expect("the binary is in target/PROFILE/")
        .to_path_buf()
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// Run a command to its end; it must succeed. Its output is shown when it
/// does not, and its time is noted.
fn must(what: &str, cmd: &mut Command) -> Output {
    let start = Instant::now();
    let o = cmd.output().unwrap_or_else(|e| panic!("{what}: cannot run: {e}"));
    assert!(
        o.status.success(),
        "{what} failed ({}):\n--- stdout\n{}\n--- stderr\n{}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    eprintln!("note: {what}: {:.1} s", start.elapsed().as_secs_f64());
    o
}

/// Run actorgraph with `input` on standard input; its standard output.
fn with_stdin(args: &[&str], input: &[u8]) -> Vec<u8> {
    let mut child = bin()
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("actorgraph runs");
    let mut stdin = child.stdin.take().expect("piped");
    let input = input.to_vec();
    // write from another thread: the output may fill its pipe first
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let o = child.wait_with_output().expect("actorgraph runs");
    writer.join().expect("the writer").expect("actorgraph reads its input");
    assert!(
        o.status.success(),
        "actorgraph {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

/// `got` must be the bytes of `expected`; else the first line that differs.
fn assert_same_bytes(what: &str, got: &[u8], expected: &[u8]) {
    if got == expected {
        return;
    }
    let (g, e) = (String::from_utf8_lossy(got), String::from_utf8_lossy(expected));
    let at = g.lines().zip(e.lines()).position(|(a, b)| a != b);
    let shown = match at {
        Some(i) => format!(
            "line {}:\n  got      {}\n  expected {}",
            i + 1,
            g.lines().nth(i).unwrap_or(""),
            e.lines().nth(i).unwrap_or("")
        ),
        None => format!("{} lines against {}", g.lines().count(), e.lines().count()),
    };
    panic!(
        "{what}: not the bytes of `actorgraph build` ({} bytes against {}), {shown}",
        got.len(),
        expected.len()
    );
}

/// The seed articles as JSON Lines records: (id, text).
fn seed_texts() -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("seeds"))
        .expect("seeds/")
        .map(|e| e.expect("a seed").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let id = p.file_stem().and_then(|s| s.to_str()).expect("a name").to_string();
            (id, std::fs::read_to_string(p).expect("a seed"))
        })
        .collect()
}

#[test]
fn the_pipe_mode_contract() {
    let seeds = seed_texts();
    let line = |(i, (id, text)): (usize, &(String, String))| {
        let date = format!("2020-0{}-1{}", 1 + i % 9, i % 10);
        serde_json::json!({"id": id, "text": text, "date": date}).to_string() + "\n"
    };
    let all: String = seeds.iter().enumerate().map(line).collect();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("all.jsonl");
    std::fs::write(&file, &all).unwrap();
    let o = run(&["build", path_str(&file), "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let expected = o.stdout;
    // three partitions, each a partial graph of JSON Lines on standard input
    let parts: Vec<Vec<u8>> = [vec![0, 3], vec![1], vec![2, 4]]
        .iter()
        .map(|ix| {
            let lines: String = ix.iter().map(|&i| line((i, &seeds[i]))).collect();
            with_stdin(&["build", "-", "--format", "json", "--quiet"], lines.as_bytes())
        })
        .collect();
    for p in &parts {
        assert_ne!(p, &expected, "a partial graph is not the whole");
    }
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    std::fs::write(&a, &parts[0]).unwrap();
    std::fs::write(&b, &parts[1]).unwrap();
    // two from files, the third from standard input
    let merged = with_stdin(&["merge", path_str(&b), "-", path_str(&a)], &parts[2]);
    assert_same_bytes("build - and merge", &merged, &expected);
    // and a tree of merges: (c + a) + b
    let ca = with_stdin(&["merge", "-", path_str(&a)], &parts[2]);
    let cab = with_stdin(&["merge", "-", path_str(&b)], &ca);
    assert_same_bytes("a tree of merges", &cab, &expected);
}

/// Every tool the jobs need (each missing one noted; in CI, a failure).
fn have_python_tools() -> bool {
    let found = [
        have_named(
            "python3 (3.10 or later)",
            "python3",
            &["-c", "import sys; sys.exit(sys.version_info < (3, 10))"],
        ),
        have_named("maturin", "python3", &["-m", "maturin", "--version"]),
        have_named("pytest", "python3", &["-c", "import pytest"]),
        have_named("pyspark", "python3", &["-c", "import pyspark"]),
        have_named("dask.bag", "python3", &["-c", "import dask.bag"]),
        have("java", &["-version"]),
    ];
    found.iter().all(|&ok| ok)
}

/// The test's documents as JSON Lines, written to `dir` plain and
/// gzipped: the first lines of the shared corpus, or the seeds repeated.
fn write_documents(dir: &Path) -> (PathBuf, PathBuf) {
    let corpus = root().join("../shared/corpus/news.jsonl.gz");
    let text = if corpus.is_file() {
        eprintln!("note: the first {DOCUMENTS} lines of {}", corpus.display());
        let reader = flate2::read::MultiGzDecoder::new(std::fs::File::open(&corpus).expect("the corpus opens"));
        let mut out = String::new();
        for line in std::io::BufRead::lines(std::io::BufReader::new(reader)).take(DOCUMENTS) {
            out.push_str(&line.expect("the corpus reads"));
            out.push('\n');
        }
        out
    } else {
        eprintln!("note: no shared corpus: the seeds repeated to {DOCUMENTS} documents");
        let seeds = seed_texts();
        let day0 = chrono::NaiveDate::from_ymd_opt(2019, 1, 1).expect("a date");
        (0..DOCUMENTS)
            .map(|i| {
                let (id, text) = &seeds[i % seeds.len()];
                let date = day0 + chrono::Duration::days(i as i64 % 1000);
                serde_json::json!({"id": format!("{id}-{i:04}"), "text": text, "date": date.to_string()}).to_string()
                    + "\n"
            })
            .collect()
    };
    assert_eq!(text.lines().count(), DOCUMENTS);
    let plain = dir.join("documents.jsonl");
    std::fs::write(&plain, &text).unwrap();
    let gz = dir.join("documents.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(std::fs::File::create(&gz).unwrap(), flate2::Compression::fast());
    enc.write_all(text.as_bytes()).unwrap();
    enc.finish().unwrap();
    (plain, gz)
}

/// python3 with the installed wheel importable, for the package's tests
/// and the jobs (Spark's workers inherit the environment).
fn python(site: &Path) -> Command {
    let mut cmd = Command::new("python3");
    let path = match std::env::var_os("PYTHONPATH") {
        Some(old) if !old.is_empty() => {
            let mut p = site.as_os_str().to_owned();
            p.push(":");
            p.push(old);
            p
        }
        _ => site.as_os_str().to_owned(),
    };
    cmd.current_dir(root())
        .env("PYTHONPATH", path)
        .env("PYSPARK_PYTHON", "python3")
        .env("PYSPARK_DRIVER_PYTHON", "python3")
        .env("ACTORGRAPH_BIN", env!("CARGO_BIN_EXE_actorgraph"));
    cmd
}

#[test]
fn the_package_and_the_jobs_give_the_bytes_of_build() {
    if !have_python_tools() {
        return;
    }
    let target = target_dir();
    let work = target.join("python-test");
    let wheels = work.join("wheels");
    let site = work.join("site");
    for d in [&wheels, &site] {
        if d.exists() {
            std::fs::remove_dir_all(d).unwrap();
        }
    }
    std::fs::create_dir_all(&wheels).unwrap();

    // the wheel, in a target directory of its own (the workspace of python/)
    must(
        "maturin build --release",
        Command::new("python3")
            .args([
                "-m",
                "maturin",
                "build",
                "--release",
                "--locked",
                "--interpreter",
                "python3",
                "-m",
            ])
            .arg(root().join("python/Cargo.toml"))
            .arg("--out")
            .arg(&wheels)
            .env("CARGO_TARGET_DIR", target.join("python"))
            .current_dir(root()),
    );
    let wheel = std::fs::read_dir(&wheels)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .expect("maturin wrote a wheel");
    must(
        "pip install --target",
        Command::new("python3")
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--no-deps",
            ])
            .arg("--target")
            .arg(&site)
            .arg(&wheel),
    );

    // the package's own tests, against this binary
    let o = must(
        "pytest python/tests",
        python(&site).args(["-m", "pytest", "-q", "-p", "no:cacheprovider", "python/tests"]),
    );
    let summary = String::from_utf8_lossy(&o.stdout);
    eprintln!("note: pytest: {}", summary.lines().last().unwrap_or(""));
    if std::env::var_os("CI").is_some() {
        assert!(!summary.contains("skipped"), "no pytest test may skip in CI: {summary}");
    }

    // the jobs, against `actorgraph build` on the same documents
    let (plain, gz) = write_documents(&work);
    let expected = must(
        "actorgraph build",
        bin().args(["build", path_str(&plain), "--format", "json", "--quiet"]),
    )
    .stdout;
    let spark = root().join("examples/spark/build_graph.py");
    let dask = root().join("examples/dask/build_graph.py");
    let jobs: [(&str, Vec<&str>); 3] = [
        (
            "spark, package",
            vec![
                path_str(&spark),
                "--master",
                "local[2]",
                "--partitions",
                "4",
                path_str(&gz),
            ],
        ),
        (
            "spark, --pipe",
            vec![
                path_str(&spark),
                "--master",
                "local[2]",
                "--partitions",
                "4",
                "--pipe",
                env!("CARGO_BIN_EXE_actorgraph"),
                path_str(&gz),
            ],
        ),
        (
            "dask",
            vec![path_str(&dask), "--partitions", "4", "--workers", "2", path_str(&plain)],
        ),
    ];
    for (what, args) in jobs {
        let out = work.join(format!("{}.json", what.replace([',', ' ', '-'], "")));
        let _ = std::fs::remove_file(&out);
        let o = must(what, python(&site).args(&args).arg(&out));
        let log = String::from_utf8_lossy(&o.stderr);
        assert!(log.contains("written from 4 partitions"), "{what}: {log}");
        let got = std::fs::read(&out).unwrap_or_else(|e| panic!("{what} wrote no {}: {e}", out.display()));
        assert_same_bytes(what, &got, &expected);
    }
}
