//! The examples the README shows are what their commands make today: the
//! seeds' page byte for byte, the DOT behind the seeds' diagram byte for
//! byte, and the diagram drawn from that DOT (the same nodes, clusters and
//! edges; Graphviz versions differ in the drawing itself). The graph
//! changes as linking and extraction improve, so each failure says the
//! command that regenerates the example.

mod common;
use common::{root, run, stderr};

/// The bytes `args` write to standard output, run from the root.
fn made_by(args: &[&str]) -> Vec<u8> {
    let o = run(args);
    assert!(o.status.success(), "actorgraph {}: {}", args.join(" "), stderr(&o));
    o.stdout
}

/// `example` (a path from the root) holds what `args` make today.
fn assert_example(example: &str, args: &[&str], regenerate: &str) {
    let committed = std::fs::read(root().join(example)).unwrap_or_default();
    let today = made_by(args);
    assert!(
        committed == today,
        "{example} is not what `actorgraph {}` makes today ({} bytes committed, {} made): \
         the graph changed, so regenerate it with\n    {regenerate}\nand commit it",
        args.join(" "),
        committed.len(),
        today.len(),
    );
}

const REGENERATE_SVG: &str = "cargo run --release -- build seeds/ --format dot --cluster -o examples/seeds.dot && \
     cargo run --release -- build seeds/ --format svg --cluster -o examples/seeds.svg";

#[test]
fn the_seeds_page_is_what_its_command_makes() {
    assert_example(
        "examples/seeds.html",
        &["build", "seeds/", "--format", "html"],
        "cargo run --release -- build seeds/ --format html -o examples/seeds.html",
    );
}

#[test]
fn the_dot_behind_the_seeds_diagram_is_what_its_command_makes() {
    assert_example(
        "examples/seeds.dot",
        &["build", "seeds/", "--format", "dot", "--cluster"],
        REGENERATE_SVG,
    );
}

/// The titles Graphviz gives the graph, clusters, nodes and edges
/// (`a->b`) of a DOT file, sorted.
fn dot_titles(dot: &str) -> Vec<String> {
    let quoted = |s: &str| s.trim().trim_matches('"').to_string();
    let mut titles = vec!["actorgraph".to_string()];
    for line in dot.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("subgraph ") {
            titles.push(quoted(rest.trim_end_matches('{')));
        } else if let Some((a, rest)) = line.split_once(" -> ") {
            let b = rest.split('[').next().unwrap_or(rest);
            titles.push(format!("{}->{}", quoted(a), quoted(b)));
        } else if line.starts_with('"') {
            titles.push(quoted(line.split('[').next().unwrap_or(line)));
        }
    }
    titles.sort();
    titles
}

/// The `<title>` elements of an SVG drawn by Graphviz, unescaped, sorted.
fn svg_titles(svg: &str) -> Vec<String> {
    let mut titles: Vec<String> = svg
        .split("<title>")
        .skip(1)
        .filter_map(|s| s.split_once("</title>"))
        .map(|(t, _)| {
            t.replace("&#45;", "-")
                .replace("&gt;", ">")
                .replace("&lt;", "<")
                .replace("&quot;", "\"")
                .replace("&amp;", "&")
        })
        .collect();
    titles.sort();
    titles
}

#[test]
fn the_seeds_diagram_draws_the_dot_its_command_makes() {
    let dot = String::from_utf8(made_by(&["build", "seeds/", "--format", "dot", "--cluster"])).unwrap();
    let svg = std::fs::read_to_string(root().join("examples/seeds.svg")).unwrap_or_default();
    let (want, drawn) = (dot_titles(&dot), svg_titles(&svg));
    let missing: Vec<&String> = want.iter().filter(|t| !drawn.contains(t)).collect();
    let extra: Vec<&String> = drawn.iter().filter(|t| !want.contains(t)).collect();
    assert!(
        want == drawn,
        "examples/seeds.svg does not draw the graph of today's seeds (missing {missing:?}, not in the graph {extra:?}): \
         regenerate it with\n    {REGENERATE_SVG}\nand commit both"
    );
}

#[test]
fn the_titles_of_a_small_dot_file_are_read_as_graphviz_writes_them() {
    // the reader of DOT above, on a file whose titles are known
    let dot = "digraph actorgraph {\n  \"a\"[label=\"A\"]\n  subgraph \"cluster_faction_x\" {\n    \"b\"[label=\"B\"]\n  }\n  \"a\" -> \"b\" [relation=\"support\"]\n}\n";
    assert_eq!(dot_titles(dot), ["a", "a->b", "actorgraph", "b", "cluster_faction_x"]);
    let svg = "<g><title>a&#45;&gt;b</title></g><title>actorgraph</title><title>b</title>";
    assert_eq!(svg_titles(svg), ["a->b", "actorgraph", "b"]);
}

/// The (source, relation, target) triples of a node-link JSON graph.
fn triples(graph: &serde_json::Value) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = graph["edges"]
        .as_array()
        .or_else(|| graph["links"].as_array())
        .expect("edges")
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap().to_string();
            (s("source"), s("relation"), s("target"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_worked_csv_gazetteer_links_a_new_conflict_and_extends_a_shipped_actor() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("bamenda.txt");
    std::fs::write(
        &article,
        "President Paul Biya condemned the Ambazonia Defence Forces after the attack on Bamenda. \
         The Ambazonia Governing Council backed the ADF. \
         Troops of La Republique du Cameroun patrolled Bamenda on Sunday.",
    )
    .unwrap();
    let article = article.to_str().unwrap();
    let o = run(&[
        "build",
        article,
        "--gazetteer",
        "examples/cameroon_actors.csv",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let g: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let t = |s: &str, r: &str, o: &str| (s.to_string(), r.to_string(), o.to_string());
    assert_eq!(
        triples(&g),
        [
            t("ambazonia_governing_council", "support", "ambazonia_defence_forces"),
            t("paul_biya", "oppose", "ambazonia_defence_forces"),
        ]
    );
    let node = |id: &str| {
        g["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .unwrap_or_else(|| panic!("no node {id}"))
            .clone()
    };
    // a new person of the file, affiliated to a shipped state
    assert_eq!(node("paul_biya")["affiliation"], "cameroon");
    // "ADF", an alias of the file, is the armed group
    assert_eq!(node("ambazonia_defence_forces")["label"], "Ambazonia Defence Forces");

    // the row `cameroon` extends the shipped state: its alias is added (the
    // shipped label, aliases and metonyms stay)
    let o = run(&["mentions", article, "--gazetteer", "examples/cameroon_actors.csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let linked: Vec<(String, String)> = common::stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|m| {
            (
                m["text"].as_str().unwrap().to_string(),
                m["actor"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        linked.contains(&("La Republique du Cameroun".to_string(), "cameroon".to_string())),
        "{linked:?}"
    );
    assert!(
        linked.contains(&("ADF".to_string(), "ambazonia_defence_forces".to_string())),
        "{linked:?}"
    );
}

#[test]
fn the_bash_completion_script_loads_in_bash() {
    if !common::have("bash", &["--version"]) {
        return;
    }
    let script = made_by(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("actorgraph.bash");
    std::fs::write(&file, script).unwrap();
    let o = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("source {} && complete -p actorgraph", file.display()))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        common::stdout(&o).contains("-F _actorgraph actorgraph"),
        "{}",
        common::stdout(&o)
    );
    // zsh and fish scripts name the subcommands too
    for shell in ["zsh", "fish"] {
        let script = String::from_utf8(made_by(&["completions", shell])).unwrap();
        assert!(
            script.contains("build") && script.contains("--gazetteer"),
            "{shell}: {script}"
        );
    }
}

#[test]
fn the_man_page_is_roff_with_the_subcommands() {
    let page = String::from_utf8(made_by(&["man"])).unwrap();
    // clap_mangen's two lines defining the apostrophe string, then the title
    let first_macro = page
        .lines()
        .find(|l| !l.starts_with(".ie") && !l.starts_with(".el"))
        .unwrap();
    assert!(first_macro.starts_with(".TH actorgraph 1"), "{first_macro}");
    assert!(page.contains(".SH SYNOPSIS") && page.contains("build"), "{page}");
    if common::have("groff", &["--version"]) {
        let mut child = std::process::Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-z"])
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(page.as_bytes()).unwrap();
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success() && o.stderr.is_empty(), "groff: {}", stderr(&o));
    }
}

#[test]
fn the_help_ends_with_examples() {
    for args in [&["--help"][..], &["build", "--help"]] {
        let help = common::stdout(&run(args));
        let examples = help.split("Examples:\n").nth(1).unwrap_or_else(|| panic!("{help}"));
        assert!(
            examples.lines().filter(|l| l.starts_with("  actorgraph ")).count() >= 2,
            "{help}"
        );
    }
}
