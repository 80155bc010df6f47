"""The Python package against the command line it shares its library with.

Each test compares what the package gives with what the `actorgraph`
program gives on the same input: the graph's bytes in every format, and
the messages of errors. The program is the one named by the environment
variable ACTORGRAPH_BIN (tests/python.rs sets it to the binary under test);
without it, the comparisons are skipped and the rest still runs.

    ACTORGRAPH_BIN=target/debug/actorgraph python3 -m pytest python/tests
"""

import inspect
import json
import os
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest

import actorgraph
from actorgraph import ActorgraphError, ActorgraphWarning

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
# distinct dates, so that first_seen, last_seen and the date views count
DATES = ["2020-01-05", "2020-03-01", "2020-03-01", "2021-06-30", None]


def seed_docs():
    docs = []
    for path, date in zip(SEEDS, DATES):
        doc = {"id": path.stem, "text": path.read_text(encoding="utf-8")}
        if date:
            doc["date"] = date
        docs.append(doc)
    return docs


def cli():
    """The program under test, or a skip."""
    path = os.environ.get("ACTORGRAPH_BIN")
    if not path:
        pytest.skip("ACTORGRAPH_BIN is not set (tests/python.rs sets it)")
    return path


def run(args, stdin=None, ok=True):
    """Run the program; its standard output as bytes (and the process)."""
    p = subprocess.run([cli(), "--quiet", *args], input=stdin, capture_output=True)
    if ok:
        assert p.returncode == 0, p.stderr.decode()
    return p


def jsonl(docs):
    return "".join(json.dumps(d) + "\n" for d in docs).encode()


def cli_build(docs, *flags):
    """`actorgraph build - FLAGS` on the documents as JSON Lines."""
    return run(["build", "-", *flags], stdin=jsonl(docs)).stdout.decode()


@pytest.fixture(scope="module")
def seeds():
    return actorgraph.build(seed_docs())


def test_build_gives_the_bytes_of_the_command_line(seeds, tmp_path):
    assert actorgraph.to_format(seeds, "json") == cli_build(seed_docs())
    # the dict is the saved form, with the document ids, as build --into writes it
    into = tmp_path / "into.json"
    run(["build", "-", "--into", str(into)], stdin=jsonl(seed_docs()))
    saved = into.read_text()
    assert seeds == json.loads(saved)
    assert seeds["graph"]["document_ids"] == sorted(p.stem for p in SEEDS)
    assert seeds["graph"]["documents"] == 5
    # and reading it back changes nothing
    assert actorgraph.merge([saved]) == seeds


def test_the_seeds_say_who_backs_haftar(seeds):
    edges = {(e["source"], e["relation"], e["target"]) for e in seeds["edges"]}
    assert ("egypt", "support", "khalifa_haftar") in edges
    assert ("turkey", "support", "gna") in edges
    turkey_gna = next(e for e in seeds["edges"] if (e["source"], e["target"]) == ("turkey", "gna"))
    assert turkey_gna["weight"] == 3
    assert all(set(x) >= {"doc", "sentence", "start", "end", "text"} for x in turkey_gna["evidence"])
    assert seeds["graph"]["generator"] == "actorgraph " + actorgraph.__version__


@pytest.mark.parametrize(
    "options, flags",
    [
        ({"max_evidence": 1}, ["--max-evidence", "1"]),
        ({"include_modal": True}, ["--include-modal"]),
        ({"level": "faction"}, ["--level", "faction"]),
        ({"date": "2019-12-31"}, ["--date", "2019-12-31"]),
        (
            {"gazetteer": str(ROOT / "tests/data/test_gazetteer.ron")},
            ["--gazetteer", str(ROOT / "tests/data/test_gazetteer.ron")],
        ),
        (
            {"gazetteer": [ROOT / "tests/data/reduced_gazetteer.ron"], "default_gazetteer": False},
            ["--gazetteer", str(ROOT / "tests/data/reduced_gazetteer.ron"), "--no-default-gazetteer"],
        ),
        (
            {"lexicon": ROOT / "src/extract/lexicon.ron"},
            ["--lexicon", str(ROOT / "src/extract/lexicon.ron")],
        ),
    ],
)
def test_build_options_are_the_command_line_flags(options, flags):
    docs = seed_docs()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ActorgraphWarning)
        g = actorgraph.build(docs, **options)
    assert actorgraph.to_format(g, "json") == cli_build(docs, *flags)


def test_json_lines_strings_and_dicts_are_the_same_documents(seeds):
    lines = [json.dumps(d) for d in seed_docs()]
    assert actorgraph.build(lines) == seeds
    assert actorgraph.build(line.encode() for line in lines) == seeds
    # blank lines are no documents, as in a file
    assert actorgraph.build(["", *lines, "  "]) == seeds


@pytest.mark.parametrize("max_evidence, level", [(20, "actor"), (1, "actor"), (2, "faction")])
def test_merge_of_partial_builds_is_one_build_byte_for_byte(max_evidence, level):
    docs = seed_docs()
    whole = actorgraph.build(docs, max_evidence=max_evidence, level=level)
    parts = [[docs[0], docs[3]], [docs[1]], [docs[2], docs[4]], []]
    built = [actorgraph.build(p, max_evidence=max_evidence, level=level) for p in parts]
    expected = actorgraph.to_format(whole, "json")
    for order in ([0, 1, 2, 3], [2, 0, 3, 1], [3, 2, 1, 0]):
        merged = actorgraph.merge(built[i] for i in order)
        assert merged == whole
        assert actorgraph.to_format(merged, "json") == expected
    # a tree: (a + b) + (c + empty)
    tree = actorgraph.merge([actorgraph.merge(built[:2]), actorgraph.merge(built[2:])])
    assert actorgraph.to_format(tree, "json") == expected
    assert tree["graph"]["documents"] == 5
    # the evidence cap keeps the same sentences whatever the split
    for e in tree["edges"]:
        assert len(e["evidence"]) <= max_evidence
    # and the command line merges them to the same bytes
    texts = [json.dumps(g) for g in built]
    if os.environ.get("ACTORGRAPH_BIN"):
        paths = []
        for i, t in enumerate(texts):
            p = Path(os.environ.get("TMPDIR", "/tmp")) / f"actorgraph-part-{os.getpid()}-{i}.json"
            p.write_text(t)
            paths.append(str(p))
        try:
            merged = run(["merge", *paths]).stdout.decode()
        finally:
            for p in paths:
                os.unlink(p)
        assert json.loads(merged) == whole


def test_merge_warns_of_a_document_in_two_graphs(seeds):
    with pytest.warns(ActorgraphWarning, match=r"1 document\(s\) are in more than one graph"):
        twice = actorgraph.merge([seeds, actorgraph.build(seed_docs()[:1])])
    assert twice["graph"]["documents"] == 5
    assert actorgraph.merge([]) == actorgraph.build([])


FORMATS = ["json", "dot", "gexf", "graphml", "html"]
VIEWS = [
    ({}, []),
    ({"level": "faction"}, ["--level", "faction"]),
    ({"relations": ["support", "oppose"], "min_weight": 2}, ["--relations", "support,oppose", "--min-weight", "2"]),
    ({"since": "2020-02-01", "until": "2021-01-01"}, ["--since", "2020-02-01", "--until", "2021-01-01"]),
    ({"links_key": True, "cluster": True, "undirected_meet": True}, ["--links-key", "--cluster", "--undirected-meet"]),
]


@pytest.fixture(scope="module")
def saved_seeds(seeds, tmp_path_factory):
    path = tmp_path_factory.mktemp("saved") / "seeds.json"
    path.write_text(json.dumps(seeds))
    return path


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("view, flags", VIEWS)
def test_every_format_is_the_bytes_of_convert(seeds, saved_seeds, fmt, view, flags):
    out = actorgraph.to_format(seeds, fmt, **view)
    assert isinstance(out, str)
    assert out == run(["convert", str(saved_seeds), "--format", fmt, *flags]).stdout.decode()
    # and of build from the documents
    if not view:
        assert out == cli_build(seed_docs(), "--format", fmt)


def test_csv_is_both_tables(seeds, saved_seeds, tmp_path):
    tables = actorgraph.to_format(seeds, "csv", level="faction")
    run(["convert", str(saved_seeds), "--format", "csv", "--level", "faction", "-o", str(tmp_path)])
    assert tables == {name: (tmp_path / name).read_text() for name in ["nodes.csv", "edges.csv"]}
    assert tables["nodes.csv"].startswith("Id,Label,")


def test_pictures_are_drawn_by_graphviz(seeds, saved_seeds):
    if shutil.which("dot") is None:
        assert not os.environ.get("CI"), "Graphviz is required in CI (.ci/run installs it)"
        pytest.skip("Graphviz's dot is not installed")
    svg = actorgraph.to_format(seeds, "svg", cluster=True)
    assert svg == run(["convert", str(saved_seeds), "--format", "svg", "--cluster"]).stdout.decode()
    png = actorgraph.to_format(seeds, "png")
    assert isinstance(png, bytes) and png.startswith(b"\x89PNG")


def test_a_faction_graph_stays_one(seeds):
    faction = actorgraph.build(seed_docs(), level="faction")
    assert faction["graph"]["level"] == "faction"
    assert actorgraph.to_format(faction, "json") == actorgraph.to_format(seeds, "json", level="faction")
    with pytest.raises(ActorgraphError, match="cannot be unfolded"):
        actorgraph.to_format(faction, "json", level="actor")
    with pytest.raises(ActorgraphError, match="cannot be merged: one is at the faction level"):
        actorgraph.merge([faction, seeds])


# errors: the command line's messages, as exceptions


def cli_skip_reason(record, line=1):
    """What `actorgraph build -` says of a bad JSON Lines record at `line`."""
    lines = [json.dumps({"id": f"ok{i}", "text": "Egypt backs Haftar."}) for i in range(line - 1)]
    p = run(["build", "-"], stdin=("\n".join([*lines, record]) + "\n").encode(), ok=False)
    assert p.returncode == 3, p.stderr.decode()
    first = p.stderr.decode().splitlines()[0]
    prefix = f"actorgraph: skipped: -:{line}: "
    assert first.startswith(prefix), first
    return first[len(prefix) :]


@pytest.mark.parametrize(
    "bad",
    [
        {"id": "a"},  # no text
        {"id": "a", "text": 5},  # text not a string
        {"id": "a", "text": ["Egypt backs Haftar."]},
        {"id": "a", "text": "   "},  # blank
        {"text": "Egypt backs Haftar."},  # no id
        ["a", "Egypt backs Haftar."],  # not an object
        "not JSON",
    ],
)
def test_a_document_that_is_not_one_raises_the_command_line_message(bad):
    good = {"id": "good", "text": "Egypt backs Khalifa Haftar."}
    record = bad if isinstance(bad, str) else json.dumps(bad)
    with pytest.raises(ActorgraphError) as e:
        actorgraph.build([good, bad])
    message = str(e.value)
    assert message.startswith("docs:2: "), message
    assert message == "docs:2: " + cli_skip_reason(record, line=2)


def test_on_error_skip_goes_on_with_a_warning():
    docs = seed_docs()
    with pytest.warns(ActorgraphWarning, match=r"skipped: docs:2: missing field `text`"):
        g = actorgraph.build([docs[0], {"id": "x"}, *docs[1:]], on_error="skip")
    assert g == actorgraph.build(docs)
    with pytest.warns(ActorgraphWarning) as caught:
        g = actorgraph.build([{"id": "b", "text": "Turkey backs the GNA."}] * 3, on_error="skip")
    assert [str(w.message) for w in caught] == [
        f'skipped: docs:{n}: duplicate document id "b", skipped' for n in [2, 3]
    ]
    assert g["graph"]["documents"] == 1


def test_a_repeated_id_raises():
    doc = {"id": "b", "text": "Turkey backs the GNA."}
    with pytest.raises(ActorgraphError, match=r'^docs:2: duplicate document id "b", skipped$'):
        actorgraph.build([doc, doc])


def test_a_value_json_lacks_raises():
    with pytest.raises(ActorgraphError, match=r"^docs:1: Object of type set is not JSON serializable$"):
        actorgraph.build([{"id": "a", "text": {"Egypt"}}])


def test_a_field_of_the_wrong_type_warns_as_the_command_line_does():
    doc = {"id": "a", "text": "Egypt backs Khalifa Haftar.", "date": "yesterday", "title": 5}
    with pytest.warns(ActorgraphWarning) as caught:
        g = actorgraph.build([doc])
    messages = [str(w.message) for w in caught]
    assert messages == [
        'docs:1: "title" is a number, not a string; document kept without it',
        'docs:1: date "yesterday" is not YYYY-MM-DD; document kept without a date',
    ]
    p = run(["build", "-"], stdin=jsonl([doc]))
    assert p.stderr.decode().splitlines() == ["actorgraph: warning: " + m.replace("docs:", "-:") for m in messages]
    assert g["graph"]["documents"] == 1


def cli_error(args):
    p = run(args, ok=False)
    assert p.returncode == 1, p.stderr.decode()
    err = p.stderr.decode().strip()
    assert err.startswith("actorgraph: error: "), err
    return err[len("actorgraph: error: ") :]


@pytest.mark.parametrize(
    "name, text",
    [
        ("bad.ron", "(actors: [(id: \"x\", label: \"X\", kind: sttae)])"),
        ("bad.json", '{"actors": [{"id": "x", "label": "X"}]}'),
        ("bad.csv", "id,label,kind\nx,X,person,extra\n"),
        ("bad.txt", "whatever"),
    ],
)
def test_a_bad_gazetteer_raises_with_file_line_and_column(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(ActorgraphError) as e:
        actorgraph.build(seed_docs(), gazetteer=path)
    message = str(e.value)
    assert message.startswith(f"loading the gazetteer: {path}"), message
    assert message == cli_error(["build", str(ROOT / "seeds"), "--gazetteer", str(path)])


def test_a_ron_gazetteer_error_names_line_and_column(tmp_path):
    path = tmp_path / "bad.ron"
    path.write_text('(\n  actors: [\n    (id: "x", label: "X", kind: sttae),\n  ],\n)\n')
    with pytest.raises(ActorgraphError, match=rf"^loading the gazetteer: {path}:3:\d+: "):
        actorgraph.build([], gazetteer=[path])


def test_a_missing_gazetteer_or_lexicon_raises(tmp_path):
    missing = tmp_path / "missing.ron"
    with pytest.raises(ActorgraphError) as e:
        actorgraph.build([], gazetteer=missing)
    assert str(e.value) == cli_error(["build", str(ROOT / "seeds"), "--gazetteer", str(missing)])
    with pytest.raises(ActorgraphError) as e:
        actorgraph.build([], lexicon=missing)
    assert str(e.value).startswith(f"loading the lexicon: {missing}: ")
    assert str(e.value) == cli_error(["build", str(ROOT / "seeds"), "--lexicon", str(missing)])


@pytest.mark.parametrize(
    "bad",
    [
        {"nodes": 3},
        {"directed": True},
        {"directed": True, "multigraph": False, "graph": {"generator": "x", "documents": 1, "level": "actor"},
         "nodes": [], "edges": [{"source": "a", "target": "b", "relation": "support", "weight": 1,
                                 "first_seen": None, "last_seen": None, "evidence": []}]},
        "{not json",
    ],
)
def test_a_bad_graph_raises_the_command_line_message(seeds, tmp_path, bad):
    text = bad if isinstance(bad, str) else json.dumps(bad)
    with pytest.raises(ActorgraphError) as e:
        actorgraph.merge([seeds, bad])
    message = str(e.value)
    assert message.startswith("graphs[1]"), message
    path = tmp_path / "graphs[1]"
    path.write_text(text)
    good = tmp_path / "good.json"
    good.write_text(json.dumps(seeds))
    expected = cli_error(["merge", str(good), str(path)])
    assert message == expected.replace(str(path), "graphs[1]")
    with pytest.raises(ActorgraphError):
        actorgraph.to_format(bad, "gexf")


def test_graphs_of_other_options_do_not_merge(seeds):
    small = actorgraph.build(seed_docs(), max_evidence=2)
    with pytest.raises(ActorgraphError) as e:
        actorgraph.merge([seeds, small])
    assert str(e.value) == (
        "graphs[0] and graphs[1] cannot be merged: they keep 20 and 2 evidence sentences per edge (--max-evidence)"
    )


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda g: actorgraph.to_format(g, "pdf"), '"pdf" is not a format'),
        (lambda g: actorgraph.to_format(g, "json", level="country"), '"country" is not a level'),
        (lambda g: actorgraph.to_format(g, "json", relations=["likes"]), '"likes" is not a relation'),
        (lambda g: actorgraph.to_format(g, "json", since="2021-01-01", until="2020-01-01"),
         "--since 2021-01-01 is after --until 2020-01-01"),
        (lambda g: actorgraph.to_format(g, "json", since="June"), '"June" is not a date of the form YYYY-MM-DD'),
        (lambda g: actorgraph.build([], level="country"), '"country" is not a level'),
        (lambda g: actorgraph.build([], on_error="ignore"), '"ignore" is not a way to handle a bad document'),
        (lambda g: actorgraph.build([], date="31/12/2020"), '"31/12/2020" is not a date'),
    ],
)
def test_bad_arguments_raise(seeds, call, message):
    with pytest.raises(ActorgraphError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        call(seeds)


def test_errors_are_value_errors_and_the_iterable_s_own_pass_through():
    assert issubclass(ActorgraphError, ValueError)
    assert issubclass(ActorgraphWarning, UserWarning)

    def broken():
        yield {"id": "a", "text": "Egypt backs Khalifa Haftar."}
        raise RuntimeError("the feed broke")

    with pytest.raises(RuntimeError, match="the feed broke"):
        actorgraph.build(broken())
    with pytest.raises(TypeError):
        actorgraph.build(5)


def test_a_long_stream_of_documents():
    # a generator of more documents than one batch (512), read lazily
    text = "Egypt backs Khalifa Haftar. Turkey supports the Government of National Accord."
    g = actorgraph.build({"id": f"d{i:05}", "text": text, "date": "2020-05-01"} for i in range(1500))
    assert g["graph"]["documents"] == 1500
    edge = next(e for e in g["edges"] if (e["source"], e["target"]) == ("egypt", "khalifa_haftar"))
    assert edge["weight"] == 1500
    assert [x["doc"] for x in edge["evidence"]] == [f"d{i:05}" for i in range(20)]


def test_dates_may_be_date_objects():
    import datetime

    doc = {"id": "a", "text": "Egypt backs Khalifa Haftar."}
    g = actorgraph.build([doc], date=datetime.date(2020, 2, 3))
    assert {e["first_seen"] for e in g["edges"]} == {"2020-02-03"}
    assert actorgraph.to_format(g, "json", since=datetime.date(2020, 2, 4)).count('"source"') == 0


# the stub says what the module does


def stub_path():
    for base in map(Path, actorgraph.__path__ if hasattr(actorgraph, "__path__") else []):
        for name in ["__init__.pyi", "actorgraph.pyi"]:
            if (base / name).exists():
                return base / name
    return None


def test_the_package_is_typed_and_its_stub_matches_the_functions():
    path = stub_path()
    assert path is not None, "the wheel holds no stub"
    assert (path.parent / "py.typed").exists(), "the wheel holds no py.typed"
    import ast

    tree = ast.parse(path.read_text())
    overloads = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            overloads.setdefault(node.name, []).append(node)
    classes = {n.name for n in tree.body if isinstance(n, ast.ClassDef)}
    assert classes == {"ActorgraphError", "ActorgraphWarning"}
    assert set(overloads) == {"build", "merge", "to_format"}
    for name, nodes in overloads.items():
        runtime = inspect.signature(getattr(actorgraph, name))
        got = [(p.name, "keyword" if p.kind == p.KEYWORD_ONLY else "positional") for p in runtime.parameters.values()]
        runtime_defaults = {p.name: p.default for p in runtime.parameters.values() if p.default is not p.empty}
        stub_defaults = {}
        for node in nodes:
            a = node.args
            params = [(p.arg, "positional") for p in a.posonlyargs + a.args] + [(p.arg, "keyword") for p in a.kwonlyargs]
            assert params == got, name
            positional = a.posonlyargs + a.args
            pairs = list(zip(positional[len(positional) - len(a.defaults) :], a.defaults))
            pairs += [(p, d) for p, d in zip(a.kwonlyargs, a.kw_defaults) if d is not None]
            for p, d in pairs:
                value = ast.literal_eval(d)
                assert stub_defaults.setdefault(p.arg, value) == value, f"{name}({p.arg}) has two defaults"
        assert stub_defaults == runtime_defaults, name
        # the last overload carries the docstring
        assert ast.get_docstring(nodes[-1]), f"{name} has no docstring in the stub"
        assert getattr(actorgraph, name).__doc__, f"{name} has no docstring"
