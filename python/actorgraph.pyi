"""Turn news about a conflict into a knowledge graph of its actors: who
backs, opposes and meets whom, with the sentence that says so.

``build(docs)`` makes a graph of documents, ``merge(graphs)`` joins graphs
built apart (on many machines, say) into the graph of all their documents,
and ``to_format(graph, "gexf")`` writes one for Gephi, networkx, Graphviz, a
spreadsheet or a browser. Graphs are dicts of the node-link JSON that
``actorgraph build`` writes; errors are ``ActorgraphError`` (a
``ValueError``) with the command line's messages.

The package is the Rust library of the ``actorgraph`` command line, built
with pyo3 and maturin: the same graph, byte for byte.
"""

import datetime
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, overload

__version__: str
"""The version of actorgraph (the command line's and the library's)."""

Graph = dict[str, Any]
"""A graph: the node-link JSON of the saved form, as a dict."""

GraphLike = Mapping[str, Any] | str | bytes
"""A graph as ``build`` and ``merge`` return it, or the JSON text of a saved graph."""

Document = Mapping[str, Any] | str | bytes
"""A document: ``{"id": str, "text": str, "date": "YYYY-MM-DD"?, "title"?, "source"?}``,
or one such JSON object as text (a line of a JSON Lines file)."""

PathArg = str | os.PathLike[str]
DateArg = str | datetime.date
Level = Literal["actor", "faction"]
Relation = Literal["support", "oppose", "meet"]

class ActorgraphError(ValueError):
    """Bad input for actorgraph: a document that is not one, a gazetteer or
    lexicon that cannot be loaded, a graph that cannot be read or merged, a
    view or format that does not exist. The message is the one the command
    line prints."""

class ActorgraphWarning(UserWarning):
    """Something actorgraph went on after: a document skipped
    (``on_error="skip"``), a field left out of a document, a gazetteer
    warning, documents found in more than one merged graph."""

def build(
    docs: Iterable[Document],
    *,
    gazetteer: PathArg | Sequence[PathArg] | None = None,
    default_gazetteer: bool = True,
    lexicon: PathArg | None = None,
    date: DateArg | None = None,
    include_modal: bool = False,
    max_evidence: int = 20,
    level: Level = "actor",
    on_error: Literal["raise", "skip"] = "raise",
    known_actors_only: bool = False,
) -> Graph:
    """Build the graph of documents.

    ``docs`` is an iterable of documents, each a dict ``{"id": str, "text":
    str, "date": "YYYY-MM-DD" (optional), "title", "source" (optional)}`` or a
    string (or bytes) holding one such JSON object, a line of a JSON Lines
    file. They are read as ``actorgraph build`` reads JSON Lines: other keys
    are ignored, an optional field of the wrong type or a bad date is left
    out with an ``ActorgraphWarning``, and a document that is not one (no
    text, text not a string, an empty text or id, a repeated id) raises
    ``ActorgraphError`` with the command line's message, naming the document
    as ``docs:N`` (N counting from 1); with ``on_error="skip"`` it is skipped
    with a warning instead, as the command line does.

    The other arguments are the options of ``actorgraph build``:
    ``gazetteer`` (a path or a list of paths of .ron, .json or .csv files
    added to the shipped gazetteer, ``--gazetteer``), ``default_gazetteer``
    (False: only those files, ``--no-default-gazetteer``), ``lexicon`` (a
    trigger lexicon replacing the shipped one, ``--lexicon``), ``date`` (the
    date of documents that carry none, ``--date``), ``include_modal`` (keep
    events that did not happen, ``--include-modal``), ``max_evidence``
    (evidence sentences kept per edge, ``--max-evidence``), ``level``
    ("actor" or "faction", ``--level``) and ``known_actors_only`` (True: the
    gazetteers' actors alone, no node for a name no gazetteer holds,
    ``--known-actors-only``).

    Returns the graph as a dict: the node-link JSON of the saved form (as
    ``actorgraph build --into`` and ``actorgraph merge`` write it), with
    ``graph.document_ids``, so that graphs built apart merge exactly.
    """

def merge(graphs: Iterable[GraphLike]) -> Graph:
    """Merge graphs built apart (dicts returned by ``build`` or ``merge``, or
    JSON text of saved graphs) into one: weights add, dates widen, evidence
    is the sorted union capped as in one build, known document ids unite.
    Merging is associative and commutative, and merging the graphs of
    disjoint sets of documents gives the graph of all of them built at once.

    Graphs of different levels, ``include_modal`` or ``max_evidence`` raise
    ``ActorgraphError``, as does a graph that is not one (named ``graphs[i]``
    in the message). A document found in more than one graph gives an
    ``ActorgraphWarning``: it counts once in ``documents``, its events once
    per graph. No graph at all merges to the empty graph.
    """

@overload
def to_format(
    graph: GraphLike,
    format: Literal["json", "dot", "gexf", "graphml", "html", "svg", "cypher"] = "json",
    *,
    level: Level | None = None,
    relations: Sequence[Relation] | str | None = None,
    min_weight: int = 0,
    since: DateArg | None = None,
    until: DateArg | None = None,
    links_key: bool = False,
    cluster: bool = False,
    undirected_meet: bool = False,
) -> str: ...
@overload
def to_format(
    graph: GraphLike,
    format: Literal["png"],
    *,
    level: Level | None = None,
    relations: Sequence[Relation] | str | None = None,
    min_weight: int = 0,
    since: DateArg | None = None,
    until: DateArg | None = None,
    links_key: bool = False,
    cluster: bool = False,
    undirected_meet: bool = False,
) -> bytes: ...
@overload
def to_format(
    graph: GraphLike,
    format: Literal["csv", "neo4j"],
    *,
    level: Level | None = None,
    relations: Sequence[Relation] | str | None = None,
    min_weight: int = 0,
    since: DateArg | None = None,
    until: DateArg | None = None,
    links_key: bool = False,
    cluster: bool = False,
    undirected_meet: bool = False,
) -> dict[str, str]:
    """Write a graph (a dict returned by ``build`` or ``merge``, or the JSON
    text of a saved graph) in ``format``, with the bytes ``actorgraph
    convert`` writes with the same flags (and ``actorgraph build``, from the
    documents): "json" (node-link JSON, as ``--format json`` writes it, so a
    job can write the very file ``actorgraph build`` writes), "gexf",
    "graphml", "dot", "html", "svg" and "cypher" (an openCypher script) give
    a string, "png" bytes (both drawn by Graphviz's ``dot``, which must be
    installed), "csv" a dict of the two tables by file name,
    ``{"nodes.csv": ..., "edges.csv": ...}``, and "neo4j" the two files of
    ``neo4j-admin database import``, ``{"actors.csv": ..., "relations.csv": ...}``.

    The view arguments are those of the command line: ``level`` ("actor" or
    "faction"; default the graph's own), ``relations`` (a list of "support",
    "oppose", "meet"), ``min_weight``, ``since`` and ``until`` (dates
    ``YYYY-MM-DD``); and the format options ``links_key`` (JSON: name the
    edge list ``links``, for networkx before 3.6), ``cluster`` (DOT, SVG,
    PNG: a box per faction) and ``undirected_meet`` (GEXF, GraphML).
    """
