//! Nothing lost, nothing run: two writers of one saved graph, runs killed
//! at random points, a full disk, outputs that cannot be written, runs that
//! read no document, CSV cells a spreadsheet would run, and closed pipes.
//!
//! The full-disk and read-only cases mount a small tmpfs, which needs
//! root (CI runs as root); where mounting is not allowed they say they
//! were skipped and why.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use actorgraph::store::{GraphLock, Wait};
use serde_json::Value;

use common::{bin, have, have_named, stderr};

/// Sentences about actors of the shipped gazetteer, varied by document so
/// that evidence differs.
const SENTENCES: [&str; 4] = [
    "Egypt backs Khalifa Haftar.",
    "Turkey opposes the Libyan National Army.",
    "Russia supports Khalifa Haftar.",
    "Fayez al-Sarraj met Recep Tayyip Erdogan in Ankara.",
];

/// A JSON Lines corpus of `n` documents with ids `PREFIX-0`, `PREFIX-1`, …
fn corpus(prefix: &str, n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        let text = format!(
            "{} In report {i} of {prefix}, {} {}",
            SENTENCES[i % 4],
            SENTENCES[(i + 1) % 4],
            SENTENCES[(i + 2) % 4]
        );
        s.push_str(&serde_json::json!({"id": format!("{prefix}-{i}"), "text": text}).to_string());
        s.push('\n');
    }
    s
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin().args(args).current_dir(dir).output().expect("actorgraph runs")
}

/// The document ids of the saved graph at `path`.
fn document_ids(path: &Path) -> Vec<String> {
    let v: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    v["graph"]["document_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap().to_string())
        .collect()
}

/// The names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// The temporary files in a folder (`.NAME.PID.tmp`).
fn temporaries(dir: &Path) -> Vec<String> {
    names(dir).into_iter().filter(|n| n.ends_with(".tmp")).collect()
}

fn assert_status(o: &Output, code: i32) {
    assert_eq!(o.status.code(), Some(code), "stderr: {}", stderr(o));
}

#[test]
fn two_writers_into_one_graph_keep_every_document() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("graph.json");
    let mut want = Vec::new();
    for round in 0..4 {
        let feeds: Vec<String> = ["a", "b"]
            .iter()
            .map(|f| {
                let prefix = format!("{f}{round}");
                want.extend((0..40).map(|i| format!("{prefix}-{i}")));
                write(dir.path(), &format!("{prefix}.jsonl"), &corpus(&prefix, 40))
            })
            .collect();
        let children: Vec<Child> = feeds
            .iter()
            .map(|f| {
                bin()
                    .args(["--quiet", "build", f, "--into", "graph.json"])
                    .current_dir(dir.path())
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for c in children {
            let o = c.wait_with_output().unwrap();
            assert_status(&o, 0);
        }
    }
    want.sort();
    let got = document_ids(&graph);
    let lost: Vec<&String> = want.iter().filter(|d| !got.contains(d)).collect();
    assert!(lost.is_empty(), "{} document(s) lost: {lost:?}", lost.len());
    assert_eq!(got, want, "every document of every writer is in the graph, once");
    assert!(temporaries(dir.path()).is_empty());
}

#[test]
fn a_second_writer_waits_or_with_no_wait_exits_1_naming_the_holder() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("graph.json");
    let feed = write(dir.path(), "a.jsonl", &corpus("a", 3));
    assert_status(&run_in(dir.path(), &["build", &feed, "--into", "graph.json"]), 0);
    let before = std::fs::read(&graph).unwrap();
    let more = write(dir.path(), "b.jsonl", &corpus("b", 3));

    // this test holds the lock, as another actorgraph would
    let held = GraphLock::acquire(&graph, Wait::NoWait, |_| panic!("the lock is free")).unwrap();
    let me = std::process::id();
    for args in [
        vec!["build", &more, "--into", "graph.json", "--no-wait"],
        vec!["merge", "graph.json", "graph.json", "-o", "graph.json", "--no-wait"],
    ] {
        let o = run_in(dir.path(), &args);
        assert_status(&o, 1);
        assert_eq!(
            stderr(&o),
            format!(
                "actorgraph: error: graph.json is being written by another actorgraph (process {me}): \
                 nothing done (--no-wait)\n"
            )
        );
        assert_eq!(std::fs::read(&graph).unwrap(), before, "{args:?} wrote");
    }

    // without --no-wait it says that it waits, and does its work once the
    // lock is released
    let mut child = bin()
        .args(["build", &more, "--into", "graph.json"])
        .current_dir(dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut first = String::new();
    err.read_line(&mut first).unwrap();
    assert_eq!(
        first,
        format!(
            "actorgraph: graph.json is being written by another actorgraph (process {me}): waiting for it to \
             finish (--no-wait to give up at once)\n"
        )
    );
    assert_eq!(std::fs::read(&graph).unwrap(), before, "written while waiting");
    drop(held);
    let mut rest = String::new();
    err.read_to_string(&mut rest).unwrap();
    assert!(child.wait().unwrap().success(), "{rest}");
    assert_eq!(rest, "actorgraph: 3 document(s) added to graph.json (6 in all)\n");
    assert_eq!(document_ids(&graph), ["a-0", "a-1", "a-2", "b-0", "b-1", "b-2"]);
}

/// A small deterministic generator (xorshift) for the kill points.
struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn kill_9_at_random_points_of_an_into_run_leaves_the_old_graph_or_the_new_one() {
    // two graphs of their own, 25 kills each, one per core
    std::thread::scope(|scope| {
        let runs: Vec<_> = [0x9e37_79b9_7f4a_7c15, 0x2545_f491_4f6c_dd1d]
            .map(|seed| scope.spawn(move || kill_25_times(seed)))
            .into_iter()
            .collect();
        for r in runs {
            r.join().unwrap();
        }
    });
}

/// 25 `--into` runs on one graph, each killed at a point drawn with
/// `seed`; the graph is always the old one or the new one, and the next
/// run that is not killed removes the temporary files left behind.
fn kill_25_times(seed: u64) {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("graph.json");
    // the small test gazetteer keeps each run short; the graph is large
    // enough that writing it takes a while
    let gazetteer = common::root().join("tests/data/test_gazetteer.ron");
    let gazetteer = gazetteer.to_str().unwrap();
    let text = |prefix: &str, n: usize| {
        let mut s = String::new();
        for i in 0..n {
            let t = format!(
                "Saudi Arabia backs the Yemeni government in report {i} of {prefix}. The Houthis oppose \
                 Saudi Arabia. Hemedti met Abiy Ahmed in Addis Ababa on day {i}."
            );
            s.push_str(&serde_json::json!({"id": format!("{prefix}-{i}"), "text": t}).to_string());
            s.push('\n');
        }
        s
    };
    let old_feed = write(dir.path(), "old.jsonl", &text("old", 250));
    let new_feed = write(dir.path(), "new.jsonl", &text("new", 30));
    let into = |feed: &str| -> Command {
        let mut c = bin();
        c.args([
            "--quiet",
            "build",
            feed,
            "--into",
            "graph.json",
            "--no-default-gazetteer",
            "--gazetteer",
            gazetteer,
            "--max-evidence",
            "1000",
        ])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        c
    };
    assert!(into(&old_feed).status().unwrap().success());
    let old = std::fs::read(&graph).unwrap();
    let started = std::time::Instant::now();
    assert!(into(&new_feed).status().unwrap().success());
    // how long one run takes here, to spread the kills over it (the
    // outcome is checked whatever the point)
    let span = started.elapsed().as_micros() as u64;
    let new = std::fs::read(&graph).unwrap();
    assert_ne!(old, new);

    let mut rng = Xorshift(seed);
    let (mut killed, mut left_behind) = (0, 0);
    for i in 0..25 {
        std::fs::write(&graph, &old).unwrap();
        // half the kills anywhere in the run, half in its last fifth,
        // where the graph is written
        let at = if i % 2 == 0 {
            rng.next() % (span + span / 10)
        } else {
            span * 4 / 5 + rng.next() % (span / 4)
        };
        let mut child = into(&new_feed).spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_micros(at));
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        killed += usize::from(status.code().is_none());
        let now = std::fs::read(&graph).unwrap();
        assert!(
            serde_json::from_slice::<Value>(&now).is_ok(),
            "kill {i} at {at} µs: not JSON"
        );
        assert!(
            now == old || now == new,
            "kill {i} at {at} µs: neither the old graph nor the new one"
        );
        left_behind += temporaries(dir.path()).len();
    }
    eprintln!("one run {span} µs; {killed} of 25 runs killed, {left_behind} temporary file(s) seen left behind");
    // a temporary file of a process that is gone, whether or not a kill
    // left one: the next run removes it
    let mut gone = Command::new("true").spawn().unwrap();
    let pid = gone.id();
    gone.wait().unwrap();
    std::fs::write(dir.path().join(format!(".graph.json.{pid}.tmp")), b"{\"partial").unwrap();
    std::fs::write(&graph, &old).unwrap();
    assert!(into(&new_feed).status().unwrap().success());
    assert_eq!(std::fs::read(&graph).unwrap(), new);
    assert!(temporaries(dir.path()).is_empty(), "{:?}", names(dir.path()));
}

/// A tmpfs mounted on a fresh folder for one test, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// Mount a tmpfs of `size` (as mount's `size=`), or say why not.
    fn mount(size: &str) -> Result<Tmpfs, String> {
        let dir = tempfile::tempdir().unwrap();
        let o = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .map_err(|e| format!("mount could not be run: {e}"))?;
        if !o.status.success() {
            return Err(format!("mount -t tmpfs failed: {}", stderr(&o).trim()));
        }
        Ok(Tmpfs { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Remount it read-only.
    fn read_only(&self) -> Result<(), String> {
        let o = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .output()
            .map_err(|e| e.to_string())?;
        if o.status.success() {
            Ok(())
        } else {
            Err(stderr(&o))
        }
    }

    /// Fill it up but for `free` bytes (rounded to pages).
    fn fill(&self, free: u64) {
        let filler = self.path().join("filler");
        let mut f = std::fs::File::create(&filler).unwrap();
        let chunk = vec![b'x'; 4096];
        while std::io::Write::write_all(&mut f, &chunk).is_ok() {}
        drop(f);
        let len = std::fs::metadata(&filler).unwrap().len();
        std::fs::OpenOptions::new()
            .write(true)
            .open(&filler)
            .unwrap()
            .set_len(len.saturating_sub(free))
            .unwrap();
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// A saved graph of the generated corpus, built outside any tmpfs, and
/// the folder it is in.
fn saved_graph(n: usize, max_evidence: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let feed = write(dir.path(), "feed.jsonl", &corpus("feed", n));
    let o = run_in(
        dir.path(),
        &["build", &feed, "--into", "graph.json", "--max-evidence", max_evidence],
    );
    assert_status(&o, 0);
    let graph = dir.path().join("graph.json");
    (dir, graph)
}

/// `message` names `cause` exactly once.
fn assert_cause_once(message: &str, cause: &str) {
    assert_eq!(message.matches(cause).count(), 1, "{message}");
    assert_eq!(message.lines().count(), 1, "one error: {message}");
}

#[test]
fn a_full_disk_leaves_the_old_file_as_it_was_in_every_format() {
    let disk = match Tmpfs::mount("2m") {
        Ok(d) => {
            common::not_skipped("a tmpfs");
            d
        }
        Err(why) => {
            common::skipped("a tmpfs", &format!("full-disk test skipped: {why}"));
            return;
        }
    };
    let (src, graph) = saved_graph(400, "1000");
    let graph = graph.to_str().unwrap();
    let out = disk.path();
    let dot = have("dot", &["-V"]);
    // an old good file (or folder of tables) of each output, and the graph
    for format in ["json", "dot", "gexf", "graphml", "svg", "png", "html"] {
        std::fs::write(out.join(format!("old.{format}")), format!("old {format}\n")).unwrap();
    }
    std::fs::create_dir(out.join("tables")).unwrap();
    for t in ["nodes.csv", "edges.csv"] {
        std::fs::write(out.join("tables").join(t), "old table\n").unwrap();
    }
    std::fs::write(out.join("saved.json"), std::fs::read(graph).unwrap()).unwrap();
    let saved = std::fs::read(out.join("saved.json")).unwrap();
    // full to the last page: the smallest output (a few hundred bytes of
    // CSV) cannot be written either
    disk.fill(0);
    let before = names(out);
    let more = write(src.path(), "more.jsonl", &corpus("more", 200));
    let mut runs: Vec<(String, Vec<String>)> = Vec::new();
    for format in ["json", "dot", "gexf", "graphml", "svg", "png", "html"] {
        if !dot && (format == "svg" || format == "png") {
            continue;
        }
        let target = out.join(format!("old.{format}"));
        let args = ["convert", graph, "--format", format, "-o", target.to_str().unwrap()];
        runs.push((format!("old.{format}"), args.map(String::from).to_vec()));
    }
    let tables = out.join("tables");
    runs.push((
        "tables".into(),
        ["convert", graph, "--format", "csv", "-o", tables.to_str().unwrap()]
            .map(String::from)
            .to_vec(),
    ));
    let built = out.join("old.json");
    runs.push((
        "old.json".into(),
        ["build", &more, "-o", built.to_str().unwrap()]
            .map(String::from)
            .to_vec(),
    ));
    let into = out.join("saved.json");
    runs.push((
        "saved.json".into(),
        [
            "build",
            &more,
            "--into",
            into.to_str().unwrap(),
            "--max-evidence",
            "1000",
        ]
        .map(String::from)
        .to_vec(),
    ));
    for (name, args) in &runs {
        let o = bin().args(args).current_dir(src.path()).output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        let err = err.lines().last().unwrap_or_default();
        assert!(err.starts_with("actorgraph: error: "), "{args:?}: {err}");
        assert_cause_once(err, "No space left on device (os error 28)");
        assert!(err.ends_with("is left as it was"), "{args:?}: {err}");
        let mut now = names(out);
        now.retain(|n| n != ".saved.json.lock");
        assert_eq!(now, before, "{args:?} left files behind");
        if name == "tables" {
            for t in ["nodes.csv", "edges.csv"] {
                assert_eq!(std::fs::read_to_string(tables.join(t)).unwrap(), "old table\n");
            }
            assert_eq!(names(&tables), ["edges.csv", "nodes.csv"]);
        } else if name == "saved.json" {
            assert_eq!(std::fs::read(&into).unwrap(), saved);
        } else {
            let format = name.trim_start_matches("old.");
            assert_eq!(
                std::fs::read_to_string(out.join(name)).unwrap(),
                format!("old {format}\n")
            );
        }
    }
}

#[test]
fn outputs_that_cannot_be_written_give_one_clear_error_and_write_nothing() {
    let (src, graph) = saved_graph(20, "20");
    let graph = graph.to_str().unwrap();
    let feed = src.path().join("feed.jsonl");
    let feed = feed.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("folder")).unwrap();
    std::fs::write(d.join("file.txt"), "mine\n").unwrap();
    let before = names(d);
    let p = |name: &str| d.join(name).to_str().unwrap().to_string();
    let cases: Vec<(Vec<String>, String)> = vec![
        (
            vec!["build".into(), feed.into(), "-o".into(), p("nosuch/out.json")],
            format!("writing {}: the folder {} does not exist; nothing written", p("nosuch/out.json"), p("nosuch")),
        ),
        (
            vec!["convert".into(), graph.into(), "--format".into(), "gexf".into(), "-o".into(), p("nosuch/out.gexf")],
            format!("writing {}: the folder {} does not exist; nothing written", p("nosuch/out.gexf"), p("nosuch")),
        ),
        (
            vec!["convert".into(), graph.into(), "--format".into(), "csv".into(), "-o".into(), p("nosuch/tables")],
            format!("writing {}: the folder {} does not exist; nothing written", p("nosuch/tables"), p("nosuch")),
        ),
        (
            vec!["build".into(), feed.into(), "--into".into(), p("nosuch/graph.json")],
            format!("writing {}: the folder {} does not exist; nothing written", p("nosuch/graph.json"), p("nosuch")),
        ),
        (
            vec!["merge".into(), graph.into(), "-o".into(), p("nosuch/graph.json")],
            format!("writing {}: the folder {} does not exist; nothing written", p("nosuch/graph.json"), p("nosuch")),
        ),
        (
            vec!["build".into(), feed.into(), "-o".into(), p("folder")],
            format!("writing {}: it is a folder; nothing written", p("folder")),
        ),
        (
            vec!["build".into(), feed.into(), "--into".into(), p("folder")],
            format!("writing {}: it is a folder; nothing written", p("folder")),
        ),
        (
            vec!["convert".into(), graph.into(), "--format".into(), "html".into(), "-o".into(), p("folder")],
            format!("writing {}: it is a folder; nothing written", p("folder")),
        ),
        (
            vec!["convert".into(), graph.into(), "--format".into(), "csv".into(), "-o".into(), p("file.txt")],
            format!(
                "writing {}: it is a file, not a folder (--format csv writes a folder); nothing written, {} is left as it was",
                p("file.txt"),
                p("file.txt")
            ),
        ),
    ];
    for (args, message) in &cases {
        let o = bin().args(args).current_dir(src.path()).output().unwrap();
        assert_status(&o, 1);
        assert_eq!(stderr(&o), format!("actorgraph: error: {message}\n"), "{args:?}");
        assert_eq!(names(d), before, "{args:?} wrote something");
        assert!(names(&d.join("folder")).is_empty());
    }
    assert_eq!(std::fs::read_to_string(d.join("file.txt")).unwrap(), "mine\n");
}

#[test]
fn a_read_only_folder_gives_one_clear_error_and_writes_nothing() {
    let (src, graph) = saved_graph(20, "20");
    let graph = graph.to_str().unwrap();
    let feed = src.path().join("feed.jsonl");
    let feed = feed.to_str().unwrap();
    // root ignores permission bits: a read-only tmpfs then
    let root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| stdout_of(&o) == "0")
        .unwrap_or(false);
    let (_disk, plain, dir) = if root {
        match Tmpfs::mount("1m") {
            Ok(disk) => {
                std::fs::write(disk.path().join("graph.json"), std::fs::read(graph).unwrap()).unwrap();
                if let Err(why) = disk.read_only() {
                    common::skipped(
                        "a read-only tmpfs",
                        &format!("read-only test skipped: remounting read-only failed: {why}"),
                    );
                    return;
                }
                common::not_skipped("a read-only tmpfs");
                let p = disk.path().to_path_buf();
                (Some(disk), None, p)
            }
            Err(why) => {
                common::skipped(
                    "a read-only tmpfs",
                    &format!("read-only test skipped: running as root, which ignores permission bits, and {why}"),
                );
                return;
            }
        }
    } else {
        let plain = tempfile::tempdir().unwrap();
        std::fs::write(plain.path().join("graph.json"), std::fs::read(graph).unwrap()).unwrap();
        let mut perm = std::fs::metadata(plain.path()).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut perm, 0o555);
        std::fs::set_permissions(plain.path(), perm).unwrap();
        let p = plain.path().to_path_buf();
        (None, Some(plain), p)
    };
    let saved = std::fs::read(dir.join("graph.json")).unwrap();
    let before = names(&dir);
    let p = |name: &str| dir.join(name).to_str().unwrap().to_string();
    let cause = if root {
        "Read-only file system (os error 30)"
    } else {
        "Permission denied (os error 13)"
    };
    for args in [
        vec!["build", feed, "-o", &p("out.json")],
        vec!["convert", graph, "--format", "csv", "-o", &p("tables")],
        vec!["convert", graph, "--format", "dot", "-o", &p("graph.json")],
        vec!["build", feed, "--into", &p("graph.json")],
        vec!["merge", graph, "-o", &p("graph.json")],
    ] {
        let o = bin().args(&args).current_dir(src.path()).output().unwrap();
        assert_status(&o, 1);
        let err = stderr(&o);
        assert!(err.starts_with("actorgraph: error: "), "{args:?}: {err}");
        assert!(err.contains(&dir.display().to_string()), "names the place: {err}");
        assert!(err.trim_end().ends_with("nothing written") || err.trim_end().ends_with("is left as it was"));
        assert_cause_once(err.trim_end(), cause);
        assert_eq!(names(&dir), before, "{args:?}");
        assert_eq!(std::fs::read(dir.join("graph.json")).unwrap(), saved);
    }
    if let Some(plain) = plain {
        let mut perm = std::fs::metadata(plain.path()).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut perm, 0o755);
        std::fs::set_permissions(plain.path(), perm).unwrap();
    }
}

fn stdout_of(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).trim().to_string()
}

#[test]
fn a_run_that_reads_no_document_writes_nothing() {
    let (src, graph) = saved_graph(5, "20");
    let d = src.path();
    let saved = std::fs::read(&graph).unwrap();
    std::fs::write(d.join("blank.jsonl"), "\n  \n").unwrap();
    std::fs::create_dir(d.join("tables")).unwrap();
    std::fs::write(d.join("tables/nodes.csv"), "old\n").unwrap();
    for (args, target) in [
        (vec!["build", "nosuch.jsonl", "-o", "graph.json"], "graph.json"),
        (vec!["build", "nosuch.jsonl", "--into", "graph.json"], "graph.json"),
        (
            vec![
                "build",
                "blank.jsonl",
                "nosuch.jsonl",
                "--format",
                "csv",
                "-o",
                "tables",
            ],
            "tables",
        ),
    ] {
        let o = run_in(d, &args);
        let err = stderr(&o);
        assert_status(&o, 1);
        assert!(
            err.ends_with(&format!(
                "actorgraph: 0 document(s) read, 1 input(s) skipped: 1 unreadable (each reported above)\n\
                 actorgraph: error: no document read: nothing written; {target} left as it was\n"
            )),
            "{args:?}: {err}"
        );
        assert_eq!(std::fs::read(&graph).unwrap(), saved, "{args:?}");
        assert_eq!(names(&d.join("tables")), ["nodes.csv"]);
    }
    // nothing read and nothing there: nothing made, standard output included
    let o = run_in(d, &["build", "blank.jsonl", "-o", "new.json"]);
    assert_status(&o, 1);
    assert_eq!(stderr(&o), "actorgraph: error: no document read: nothing written\n");
    assert!(!d.join("new.json").exists());
    let o = run_in(d, &["build", "blank.jsonl"]);
    assert_status(&o, 1);
    assert!(o.stdout.is_empty());
    // some inputs skipped, some read: what was read is written, status 3
    let o = run_in(d, &["build", "feed.jsonl", "nosuch.jsonl", "-o", "graph.json"]);
    assert_status(&o, 3);
    assert_ne!(std::fs::read(&graph).unwrap(), saved);
    assert!(temporaries(d).is_empty());
}

/// A saved graph whose labels and evidence sentences begin with each of
/// the characters that make a spreadsheet read a cell as a formula.
fn hostile_graph() -> (Value, Vec<(String, String)>) {
    let starts = [
        ("eq", "=HYPERLINK(\"http://example.com/x\",\"Kivu report\")"),
        ("sum", "=1+1"),
        ("plus", "+1+1 said the Kivu Watch"),
        ("minus", "-1+3 minus Front for Renewal"),
        ("at", "@SUM(1+1) Alliance"),
        ("tab", "\t=1+1 Tab Brigade"),
        ("cr", "\r=1+1 Return Movement"),
    ];
    let mut nodes = vec![serde_json::json!({
        "id": "plain", "label": "Plain Union", "kind": "igo", "affiliation": null,
        "mentions": 1, "documents": 1, "surfaces": ["Plain Union"]
    })];
    let mut edges = Vec::new();
    let mut cells = Vec::new();
    for (i, (id, text)) in starts.iter().enumerate() {
        nodes.push(serde_json::json!({
            "id": id, "label": text, "kind": "armed_group", "affiliation": null,
            "mentions": 1, "documents": 1, "surfaces": [text]
        }));
        edges.push(serde_json::json!({
            "source": id, "target": "plain", "relation": "support", "weight": 1,
            "first_seen": null, "last_seen": null,
            "evidence": [{"doc": format!("d{i}"), "sentence": 0, "start": 0, "end": 3, "text": text}]
        }));
        cells.push((id.to_string(), text.to_string()));
    }
    let g = serde_json::json!({
        "directed": true, "multigraph": false,
        "graph": {"generator": "actorgraph 0.1.0", "documents": 6, "level": "actor", "max_evidence": 20},
        "nodes": nodes, "edges": edges
    });
    (g, cells)
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (g, cells) = hostile_graph();
    std::fs::write(d.join("hostile.json"), serde_json::to_string_pretty(&g).unwrap()).unwrap();
    for (folder, raw) in [("safe", false), ("raw", true)] {
        let mut args = vec!["convert", "hostile.json", "--format", "csv", "-o", folder];
        if raw {
            args.push("--csv-raw");
        }
        let o = run_in(d, &args);
        assert_status(&o, 0);
        // what Python's csv module reads
        if !have("python3", &["--version"]) {
            continue;
        }
        let script = r#"
import csv, json, sys
out = {}
for name in ["nodes.csv", "edges.csv"]:
    with open(sys.argv[1] + "/" + name, newline="", encoding="utf-8") as f:
        out[name] = list(csv.DictReader(f))
print(json.dumps({"labels": {r["Id"]: r["Label"] for r in out["nodes.csv"]},
                  "evidence": {r["Source"]: r["evidence_text"] for r in out["edges.csv"]}}))
"#;
        let o = Command::new("python3")
            .args(["-c", script, folder])
            .current_dir(d)
            .output()
            .unwrap();
        assert_status(&o, 0);
        let read: Value = serde_json::from_slice(&o.stdout).unwrap();
        for (id, text) in &cells {
            let want = if raw { text.clone() } else { format!("'{text}") };
            assert_eq!(read["labels"][id], want.as_str(), "{folder}: label of {id}");
            assert_eq!(read["evidence"][id], want.as_str(), "{folder}: evidence of {id}");
        }
        assert_eq!(read["labels"]["plain"], "Plain Union");
    }
    // what a spreadsheet makes of them: LibreOffice converts each table to
    // a spreadsheet file, whose cells must all be text, none a formula
    if !have_named("LibreOffice (libreoffice-calc-nogui)", "soffice", &["--version"]) {
        return;
    }
    let profile = d.join("lo-profile");
    let sheet_of = |folder: &str, table: &str| {
        let o = Command::new("soffice")
            .arg(format!("-env:UserInstallation=file://{}", profile.display()))
            .args(["--headless", "--convert-to", "fods", "--outdir"])
            .arg(format!("lo-{folder}"))
            .arg(format!("{folder}/{table}"))
            .current_dir(d)
            .output()
            .unwrap();
        assert_status(&o, 0);
        let fods = d.join(format!("lo-{folder}")).join(table.replace(".csv", ".fods"));
        std::fs::read_to_string(&fods).unwrap_or_else(|e| panic!("{}: {e}: {}", fods.display(), stderr(&o)))
    };
    // the check can fail: the raw table's formulas are run
    let raw = sheet_of("raw", "edges.csv");
    assert!(
        raw.contains("table:formula=\"of:=1+1\"") && raw.contains("table:formula=\"of:=HYPERLINK("),
        "LibreOffice ran no formula of the raw table"
    );
    for table in ["nodes.csv", "edges.csv"] {
        let sheet = sheet_of("safe", table);
        assert!(!sheet.contains("table:formula"), "{table}: a cell became a formula");
        for (_, text) in &cells {
            let shown = text
                .trim_start_matches(['\t', '\r'])
                .split('"')
                .next()
                .unwrap()
                .to_string();
            assert!(sheet.contains(&shown), "{table}: {shown:?} is not shown as text");
        }
    }
}

/// Run `args`, read the first line of standard output and close it, as
/// `| head -1` does; the status and standard error, with the number of
/// bytes the whole output has (from a run read to the end).
fn head_1(dir: &Path, args: &[&str]) -> (std::process::ExitStatus, String, usize) {
    let whole = run_in(dir, args);
    assert_status(&whole, 0);
    let mut child = bin()
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    assert!(!line.is_empty());
    drop(out);
    let o = child.wait_with_output().unwrap();
    (o.status, stderr(&o), whole.stdout.len())
}

#[test]
fn a_closed_pipe_ends_the_program_quietly() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "feed.jsonl", &corpus("feed", 600));
    for args in [
        vec!["mentions", "feed.jsonl"],
        vec!["events", "feed.jsonl"],
        vec!["build", "feed.jsonl", "-o", "-", "--max-evidence", "1000"],
    ] {
        let (status, err, whole) = head_1(dir.path(), &args);
        // more than a pipe holds, so that the program meets the closed pipe
        assert!(whole > 256 * 1024, "{args:?}: only {whole} bytes");
        assert!(status.success(), "{args:?}: {status:?}: {err}");
        assert_eq!(err, "", "{args:?}");
    }
}
