#!/usr/bin/env python3
"""Build the actor graph of a JSON Lines corpus on Apache Spark.

    spark-submit examples/spark/build_graph.py INPUT OUTPUT.json
    python3 examples/spark/build_graph.py --master local[2] --partitions 4 INPUT OUTPUT.json
    spark-submit --files target/release/actorgraph examples/spark/build_graph.py \\
        --pipe ./actorgraph INPUT OUTPUT.json

INPUT is read as Spark reads text (a file, a folder, a glob, or several of
them joined by commas; .gz files too): JSON Lines, one {"id", "text",
"date"?} object a line. The lines are split into --partitions partitions;
each partition becomes one partial graph, and the partial graphs are merged
by a tree reduction into the graph of the whole corpus, which the driver
writes to OUTPUT.json: the very bytes `actorgraph build INPUT --format json`
writes. The split does not matter: merging is associative and commutative,
and each edge keeps the same evidence sentences whatever the partitions.

Two ways to build the partial graphs:

- by default, with the Python package `actorgraph` (built with maturin from
  python/ in this repository), in mapPartitions, merged with treeReduce.
  The package must be importable on the driver and on every worker.
- with --pipe PROGRAM, through the `actorgraph` program, for clusters where
  installing a wheel is not allowed: RDD.pipe feeds each partition's lines
  to `PROGRAM build - --format json`, and the partial graphs are merged with
  `PROGRAM merge` on the workers, level by level, so that the driver needs
  neither the package nor the program. PROGRAM is the path of the program
  as the workers see it: an absolute path installed on every machine, or
  ./actorgraph for a program shipped with `spark-submit --files`, which
  lands in each executor's working directory. A path that exists where the
  job is started is made absolute (so that local mode just works).

A line that is not a document is skipped with a warning in the executor's
log, as `actorgraph build` skips it. Document ids are taken to be unique,
as in any corpus `actorgraph build` reads.
"""

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import time


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Build the actor graph of JSON Lines on Spark (see the module docstring).",
    )
    p.add_argument("input", metavar="INPUT", help="JSON Lines, .gz too: a file, a folder, a glob, or a comma-separated list")
    p.add_argument("output", metavar="OUTPUT.json", help="where the driver writes the graph (node-link JSON)")
    p.add_argument("--master", help="the Spark master when run with python3 (spark-submit sets its own), e.g. local[2]")
    p.add_argument("--partitions", type=int, help="partitions of the input, one partial graph each (default: Spark's default parallelism)")
    p.add_argument("--depth", type=int, default=2, help="depth of the tree reduction (default 2)")
    p.add_argument("--pipe", metavar="PROGRAM", help="build with the actorgraph program through RDD.pipe, not the Python package")
    # the options of `actorgraph build` that shape the graph
    p.add_argument("--gazetteer", action="append", default=[], metavar="FILE", help="a gazetteer file added to the shipped one, at this path on every worker; repeatable")
    p.add_argument("--no-default-gazetteer", action="store_true", help="use only the --gazetteer files")
    p.add_argument("--lexicon", metavar="FILE", help="a trigger lexicon replacing the shipped one, at this path on every worker")
    p.add_argument("--date", metavar="DATE", help="the date of documents that carry none (YYYY-MM-DD)")
    p.add_argument("--include-modal", action="store_true", help="keep events that did not happen, marked")
    p.add_argument("--max-evidence", type=int, default=20, metavar="N", help="evidence sentences kept per edge (default 20)")
    p.add_argument("--level", choices=["actor", "faction"], default="actor", help="actor (default) or faction")
    return p.parse_args(argv)


def build_options(args):
    """The keyword arguments of actorgraph.build for the flags."""
    return {
        "gazetteer": args.gazetteer or None,
        "default_gazetteer": not args.no_default_gazetteer,
        "lexicon": args.lexicon,
        "date": args.date,
        "include_modal": args.include_modal,
        "max_evidence": args.max_evidence,
        "level": args.level,
        "on_error": "skip",
    }


def build_flags(args):
    """The same options as flags of `actorgraph build`."""
    flags = []
    for g in args.gazetteer:
        flags += ["--gazetteer", g]
    if args.no_default_gazetteer:
        flags.append("--no-default-gazetteer")
    if args.lexicon:
        flags += ["--lexicon", args.lexicon]
    if args.date:
        flags += ["--date", args.date]
    if args.include_modal:
        flags.append("--include-modal")
    flags += ["--max-evidence", str(args.max_evidence), "--level", args.level]
    return flags


# The work of the executors: functions of plain values, shipped by pickle.


def build_partition(options):
    def build(lines):
        import actorgraph

        yield actorgraph.build(lines, **options)

    return build


def merge_two(a, b):
    import actorgraph

    return actorgraph.merge([a, b])


def pipe_command(program, flags):
    """The command RDD.pipe runs per partition: `PROGRAM build -` on the
    partition's lines, its partial graph as JSON on standard output. Exit
    status 3 (some lines skipped, each reported on standard error) is a
    success; any other failure fails the task. An empty partition gives no
    output (`actorgraph build` of no document writes nothing and fails)."""
    script = (
        'IFS= read -r first || [ -n "$first" ] || exit 0; '
        '{ printf "%s\\n" "$first"; cat; } | "$0" --quiet build - --format json "$@"; '
        's=$?; [ "$s" -eq 3 ] && s=0; exit "$s"'
    )
    return shlex.join(["sh", "-c", script, program, *flags])


def merge_with(program):
    """Merge the graphs (JSON text) of a partition into one with `PROGRAM merge`."""

    def merge(texts):
        texts = list(texts)
        if len(texts) <= 1:
            yield from texts
            return
        with tempfile.TemporaryDirectory(prefix="actorgraph-") as tmp:
            paths = []
            for i, text in enumerate(texts):
                path = os.path.join(tmp, f"part-{i}.json")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                paths.append(path)
            done = subprocess.run([program, "merge", *paths], capture_output=True)
            if done.returncode != 0:
                raise RuntimeError(f"{program} merge failed: {done.stderr.decode(errors='replace')}")
            yield done.stdout.decode("utf-8")

    return merge


def graph_with_package(lines, args):
    import actorgraph

    partial = lines.mapPartitions(build_partition(build_options(args)))
    merged = partial.treeReduce(merge_two, depth=args.depth)
    return actorgraph.to_format(merged, "json")


def graph_with_program(lines, args):
    program = args.pipe
    if os.path.isfile(program):
        program = os.path.abspath(program)
    # each partition's output lines, joined again into its graph's text
    graphs = lines.pipe(pipe_command(program, build_flags(args)), checkCode=True).glom().filter(bool).map(lambda out: "\n".join(out) + "\n")
    # a tree on the workers: each level merges groups of `fan_in` graphs
    n = graphs.getNumPartitions()
    fan_in = max(2, round(n ** (1 / max(1, args.depth))))
    while n > 1:
        n = -(-n // fan_in)
        graphs = graphs.repartition(n).mapPartitions(merge_with(program))
    (text,) = graphs.collect()
    return text


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark import SparkConf, SparkContext

    # no progress bars in the log
    conf = SparkConf().setAppName("actorgraph build_graph").set("spark.ui.showConsoleProgress", "false")
    if args.master:
        conf = conf.setMaster(args.master)
    sc = SparkContext.getOrCreate(conf)
    try:
        start = time.perf_counter()
        n = args.partitions or sc.defaultParallelism
        lines = sc.textFile(args.input, minPartitions=n)
        if lines.getNumPartitions() != n:
            # a .gz file is one partition, whatever minPartitions says
            lines = lines.repartition(n)
        text = graph_with_program(lines, args) if args.pipe else graph_with_package(lines, args)
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
        mode = f"actorgraph program {args.pipe}" if args.pipe else "actorgraph package"
        print(
            f"build_graph: {args.output} written from {n} partitions with the {mode} "
            f"in {time.perf_counter() - start:.1f} s",
            file=sys.stderr,
        )
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
