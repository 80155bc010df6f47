#!/usr/bin/env python3
"""Build the actor graph of a JSON Lines corpus with Dask (dask.bag).

    python3 examples/dask/build_graph.py INPUT OUTPUT.json
    python3 examples/dask/build_graph.py --partitions 4 --scheduler processes --workers 2 INPUT OUTPUT.json

The same job as examples/spark/build_graph.py: INPUT (a file or a glob of
JSON Lines, .gz too) is read into --partitions partitions of lines, each
partition becomes one partial graph with the Python package `actorgraph`,
and a tree reduction (Bag.reduction, --split-every graphs a node) merges
them into the graph of the whole corpus, written to OUTPUT.json with the
bytes `actorgraph build INPUT --format json` writes.

The package must be importable wherever the tasks run (this process and,
with the processes scheduler or a dask.distributed cluster, every worker).
A line that is not a document is skipped with a warning, as
`actorgraph build` skips it.
"""

import argparse
import sys
import time


def parse_args(argv):
    p = argparse.ArgumentParser(description="Build the actor graph of JSON Lines with dask.bag (see the module docstring).")
    p.add_argument("input", metavar="INPUT", help="JSON Lines, .gz too: a file or a glob")
    p.add_argument("output", metavar="OUTPUT.json", help="where to write the graph (node-link JSON)")
    p.add_argument("--partitions", type=int, default=4, help="partitions of the input, one partial graph each (default 4)")
    p.add_argument("--split-every", type=int, default=2, help="graphs merged at each node of the reduction tree (default 2)")
    p.add_argument("--scheduler", choices=["processes", "threads", "sync"], default="processes", help="Dask's local scheduler (default processes)")
    p.add_argument("--workers", type=int, help="workers of the local scheduler (default: the cores)")
    p.add_argument("--blocksize", default="16MiB", help="bytes of an uncompressed file read as one block (default 16MiB)")
    # the options of `actorgraph build` that shape the graph
    p.add_argument("--gazetteer", action="append", default=[], metavar="FILE", help="a gazetteer file added to the shipped one; repeatable")
    p.add_argument("--no-default-gazetteer", action="store_true", help="use only the --gazetteer files")
    p.add_argument("--lexicon", metavar="FILE", help="a trigger lexicon replacing the shipped one")
    p.add_argument("--date", metavar="DATE", help="the date of documents that carry none (YYYY-MM-DD)")
    p.add_argument("--include-modal", action="store_true", help="keep events that did not happen, marked")
    p.add_argument("--max-evidence", type=int, default=20, metavar="N", help="evidence sentences kept per edge (default 20)")
    p.add_argument("--level", choices=["actor", "faction"], default="actor", help="actor (default) or faction")
    return p.parse_args(argv)


class BuildPartition:
    """The partial graph of one partition's lines (a picklable callable)."""

    def __init__(self, options):
        self.options = options

    def __call__(self, lines):
        import actorgraph

        return actorgraph.build(lines, **self.options)


def merge_graphs(graphs):
    import actorgraph

    return actorgraph.merge(list(graphs))


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    import dask.bag as db

    import actorgraph

    options = {
        "gazetteer": args.gazetteer or None,
        "default_gazetteer": not args.no_default_gazetteer,
        "lexicon": args.lexicon,
        "date": args.date,
        "include_modal": args.include_modal,
        "max_evidence": args.max_evidence,
        "level": args.level,
        "on_error": "skip",
    }
    start = time.perf_counter()
    # a compressed file cannot be cut into blocks: it is read whole
    blocksize = None if args.input.endswith(".gz") else args.blocksize
    lines = db.read_text(args.input, blocksize=blocksize)
    if lines.npartitions != args.partitions:
        lines = lines.repartition(npartitions=args.partitions)
    graph = lines.reduction(BuildPartition(options), merge_graphs, split_every=args.split_every)
    merged = graph.compute(scheduler=args.scheduler, num_workers=args.workers)
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(actorgraph.to_format(merged, "json"))
    print(
        f"build_graph: {args.output} written from {args.partitions} partitions with the actorgraph package "
        f"({args.scheduler} scheduler) in {time.perf_counter() - start:.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
