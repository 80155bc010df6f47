"""Read a graph that actorgraph wrote, with the client analysts use for
its format, and print what was read as one JSON object for
tests/exports.rs to compare with what actorgraph wrote.

    python3 read_graph.py FORMAT PATH

FORMAT is json (networkx.node_link_graph), gexf (networkx.read_gexf),
graphml (networkx.read_graphml), csv (the csv module; PATH is the folder
of nodes.csv and edges.csv) or svg (xml.etree; the texts drawn).

Graphs are printed in one normal form whatever the format:
{"directed": bool, "multigraph": bool, "graph": {...},
 "nodes": {id: {label, kind, affiliation, mentions, documents, surfaces}},
 "edges": [[source, target, {relation, weight, evidence_count, evidence,
            first_seen, last_seen, spells?}], ...]}
where surfaces are joined with "|" and evidence is the first evidence
sentence, as the flat formats write them.
"""

import csv
import json
import os
import sys
import xml.etree.ElementTree as ET

NODE_KEYS = ["label", "kind", "affiliation", "mentions", "documents"]


def whole(x):
    """A weight read as a float (GEXF, GraphML) as the integer it is."""
    if isinstance(x, float) and x.is_integer():
        return int(x)
    return x


def from_networkx(g, flat):
    nodes = {}
    for n, d in g.nodes(data=True):
        node = {k: d.get(k) for k in NODE_KEYS}
        s = d.get("surfaces")
        node["surfaces"] = s if flat else "|".join(s)
        nodes[n] = node
    edges = []
    for s, t, d in g.edges(data=True):
        e = {
            "relation": d.get("relation"),
            "weight": whole(d.get("weight")),
            "first_seen": d.get("first_seen"),
            "last_seen": d.get("last_seen"),
        }
        if flat:
            e["evidence_count"] = d.get("evidence_count")
            e["evidence"] = d.get("evidence")
        else:
            e["evidence_count"] = len(d["evidence"])
            e["evidence"] = d["evidence"][0]["text"] if d["evidence"] else None
        if "type" in d:
            e["type"] = d["type"]
        if "spells" in d:
            e["spells"] = [list(x) for x in d["spells"]]
        edges.append([s, t, e])
    graph = {k: v for k, v in g.graph.items() if k not in ("node_default", "edge_default")}
    return {
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "graph": graph,
        "nodes": nodes,
        "edges": edges,
    }


def from_csv(folder):
    def rows(name):
        with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
            return list(csv.DictReader(f))

    nodes = {}
    for r in rows("nodes.csv"):
        nodes[r["Id"]] = {
            "label": r["Label"],
            "kind": r["kind"],
            "affiliation": r["affiliation"] or None,
            "mentions": int(r["mentions"]),
            "documents": int(r["documents"]),
            "surfaces": r["surfaces"],
        }
    edges = []
    for r in rows("edges.csv"):
        edges.append(
            [
                r["Source"],
                r["Target"],
                {
                    "relation": r["relation"],
                    "weight": int(r["Weight"]),
                    "first_seen": r["first_seen"] or None,
                    "last_seen": r["last_seen"] or None,
                    "evidence_count": int(r["evidence_count"]),
                    "evidence": r["evidence_text"] or None,
                    "Type": r["Type"],
                },
            ]
        )
    return {"nodes": nodes, "edges": edges}


def from_svg(path):
    ns = "{http://www.w3.org/2000/svg}"
    root = ET.parse(path).getroot()
    texts = ["".join(t.itertext()) for t in root.iter(ns + "text")]
    titles = ["".join(t.itertext()) for t in root.iter(ns + "title")]
    return {"texts": texts, "titles": titles}


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    import networkx as nx

    if fmt == "json":
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        out = from_networkx(nx.node_link_graph(data, edges="edges"), flat=False)
    elif fmt == "gexf":
        out = from_networkx(nx.read_gexf(path), flat=True)
    elif fmt == "graphml":
        out = from_networkx(nx.read_graphml(path), flat=True)
    elif fmt == "csv":
        out = from_csv(path)
    elif fmt == "svg":
        out = from_svg(path)
    else:
        raise SystemExit(f"unknown format {fmt}")
    text = json.dumps(out, ensure_ascii=False, sort_keys=True) + "\n"
    sys.stdout.buffer.write(text.encode("utf-8"))


if __name__ == "__main__":
    main()
