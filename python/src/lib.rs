//! The Python package `actorgraph`: [`build`] a graph from documents,
//! [`merge`] graphs built apart, and write one in any format with
//! [`to_format`].
//!
//! Everything is done by the `actorgraph` library, the one implementation
//! the command line uses too: this crate only turns Python values into the
//! library's input (documents as JSON Lines records, graphs as their saved
//! JSON) and its output back into Python values, and turns every error
//! into `actorgraph.ActorgraphError` with the message the command line
//! prints. A panic is caught and raised as that error too, so nothing a
//! caller passes can take the interpreter down.
//!
//! Documents are analysed on all cores with the GIL released; the caller's
//! iterable is read one item at a time, holding the GIL only for that, so a
//! generator streams through in constant memory.

use std::any::Any;
use std::borrow::Cow;
use std::ffi::CString;
use std::fmt::Display;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use pyo3::create_exception;
use pyo3::exceptions::{PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyIterator, PyString};

use actorgraph::corpus::{parse_date_option, Document, Records};
use actorgraph::export::{export_view, ExportOptions, Exported, Format};
use actorgraph::graph::view::{self, parse_relation, Level, ViewRequest};
use actorgraph::graph::{GraphOptions, DEFAULT_MAX_EVIDENCE};
use actorgraph::pipeline::Pipeline;
use actorgraph::store;

create_exception!(
    actorgraph,
    ActorgraphError,
    PyValueError,
    "Bad input for actorgraph: a document that is not one, a gazetteer or lexicon that cannot be loaded, a graph \
     that cannot be read or merged, a view or format that does not exist. The message is the one the command \
     line prints."
);

create_exception!(
    actorgraph,
    ActorgraphWarning,
    PyUserWarning,
    "Something actorgraph went on after: a document skipped (on_error=\"skip\"), a field left out of a document, \
     a gazetteer warning, documents found in more than one merged graph."
);

/// The error raised for `e`.
fn error(e: impl Display) -> PyErr {
    ActorgraphError::new_err(e.to_string())
}

/// Give a warning of [`ActorgraphWarning`]; a filter that turns warnings
/// into errors makes it raise.
fn warn(py: Python<'_>, message: &str) -> PyResult<()> {
    let message = CString::new(message.replace('\0', "\\0")).expect("no NUL left");
    PyErr::warn(py, &py.get_type::<ActorgraphWarning>(), &message, 2)
}

/// What a panic said.
fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic")
}

/// Run `f`, raising a panic as [`ActorgraphError`] instead of letting it
/// reach the interpreter.
fn guarded<T>(f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        Err(error(format!(
            "internal error (please report it): {}",
            panic_message(payload.as_ref())
        )))
    })
}

/// A date argument: a string `YYYY-MM-DD` (a time after it is ignored) or
/// anything whose `str()` is one, such as `datetime.date`.
fn date_arg(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<chrono::NaiveDate>> {
    let Some(value) = value else {
        return Ok(None);
    };
    let text = value.str()?;
    parse_date_option(&text.to_cow()?).map(Some).map_err(error)
}

/// One path, or a list of them.
fn paths_arg(value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<PathBuf>> {
    match value {
        None => Ok(Vec::new()),
        Some(v) => match v.extract::<PathBuf>() {
            Ok(p) => Ok(vec![p]),
            Err(_) => v.extract::<Vec<PathBuf>>(),
        },
    }
}

/// Python's `json.dumps(value)`.
fn dumps(value: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = value.py().import("json")?.call_method1("dumps", (value,))?;
    Ok(text.cast::<PyString>()?.to_cow()?.into_owned())
}

/// Python's `json.loads(text)`: the saved form of a graph as a dict.
fn loads(py: Python<'_>, text: &str) -> PyResult<Py<PyAny>> {
    Ok(py.import("json")?.call_method1("loads", (text,))?.unbind())
}

/// A document as the bytes of its JSON Lines record: a string or bytes as
/// they are (one line of a `.jsonl` file), anything else through
/// `json.dumps`. `Err` holds why a value could not be made JSON at all.
fn record_bytes<'a>(item: &'a Bound<'_, PyAny>) -> PyResult<Result<Cow<'a, [u8]>, String>> {
    if let Ok(s) = item.cast::<PyString>() {
        return Ok(Ok(match s.to_str() {
            Ok(text) => Cow::Borrowed(text.as_bytes()),
            // lone surrogates: the bytes Python holds, which the reader
            // refuses as not UTF-8, as it refuses such a line
            Err(_) => Cow::Owned(
                s.call_method1("encode", ("utf-8", "surrogatepass"))?
                    .extract::<Vec<u8>>()?,
            ),
        }));
    }
    if let Ok(b) = item.cast::<PyBytes>() {
        return Ok(Ok(Cow::Borrowed(b.as_bytes())));
    }
    match dumps(item) {
        Ok(text) => Ok(Ok(Cow::Owned(text.into_bytes()))),
        Err(e)
            if e.is_instance_of::<pyo3::exceptions::PyTypeError>(item.py())
                || e.is_instance_of::<PyValueError>(item.py()) =>
        {
            Ok(Err(e.value(item.py()).to_string()))
        }
        Err(e) => Err(e),
    }
}

/// The caller's documents as the library's stream of [`Document`]s. An
/// error (a bad document when raising, an exception of the iterable, an
/// interrupt) ends the stream and is kept for the caller to raise.
struct PyDocuments {
    items: Py<PyIterator>,
    records: Records,
    skip: bool,
    date: Option<chrono::NaiveDate>,
    error: Option<PyErr>,
}

impl PyDocuments {
    fn next_document(&mut self, py: Python<'_>) -> PyResult<Option<Document>> {
        let mut items = self.items.bind(py).clone();
        loop {
            py.check_signals()?;
            let Some(item) = items.next() else {
                return Ok(None);
            };
            let item = item?;
            let read = match record_bytes(&item)? {
                Ok(bytes) => self.records.read(&bytes),
                Err(why) => Some(Err(self.records.refuse(why))),
            };
            for w in self.records.take_warnings() {
                warn(py, &format!("{}: {}", w.place, w.message))?;
            }
            match read {
                None => continue,
                Some(Ok(mut doc)) => {
                    if doc.date.is_none() {
                        doc.date = self.date;
                    }
                    return Ok(Some(doc));
                }
                Some(Err(e)) if self.skip => warn(py, &format!("skipped: {e}"))?,
                Some(Err(e)) => return Err(error(e)),
            }
        }
    }
}

impl Iterator for PyDocuments {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        if self.error.is_some() {
            return None;
        }
        Python::attach(|py| match self.next_document(py) {
            Ok(doc) => doc,
            Err(e) => {
                self.error = Some(e);
                None
            }
        })
    }
}

// The default of `max_evidence` is written as a number in the signature,
// so that Python shows it; it is the command line's.
const _: () = assert!(
    DEFAULT_MAX_EVIDENCE == 20,
    "update build's signature and actorgraph.pyi"
);

/// Build the graph of documents.
///
/// `docs` is an iterable of documents, each a dict `{"id": str, "text": str,
/// "date": "YYYY-MM-DD" (optional), "title", "source" (optional)}` or a
/// string (or bytes) holding one such JSON object, a line of a JSON Lines
/// file. They are read as `actorgraph build` reads JSON Lines: other keys
/// are ignored, an optional field of the wrong type or a bad date is left
/// out with an `ActorgraphWarning`, and a document that is not one (no
/// text, text not a string, an empty text or id, a repeated id) raises
/// `ActorgraphError` with the command line's message, naming the document
/// as `docs:N` (N counting from 1); with `on_error="skip"` it is skipped
/// with a warning instead, as the command line does.
///
/// The other arguments are the options of `actorgraph build`:
/// `gazetteer` (a path or a list of paths of .ron, .json or .csv files
/// added to the shipped gazetteer, `--gazetteer`), `default_gazetteer`
/// (False: only those files, `--no-default-gazetteer`), `lexicon` (a
/// trigger lexicon replacing the shipped one, `--lexicon`), `date` (the
/// date of documents that carry none, `--date`), `include_modal` (keep
/// events that did not happen, `--include-modal`), `max_evidence`
/// (evidence sentences kept per edge, `--max-evidence`) and `level`
/// ("actor" or "faction", `--level`).
///
/// Returns the graph as a dict: the node-link JSON of the saved form (as
/// `actorgraph build --into` and `actorgraph merge` write it), with
/// `graph.document_ids`, so that graphs built apart merge exactly.
#[pyfunction]
#[pyo3(signature = (
    docs,
    *,
    gazetteer = None,
    default_gazetteer = true,
    lexicon = None,
    date = None,
    include_modal = false,
    max_evidence = 20,
    level = "actor",
    on_error = "raise",
    known_actors_only = false,
))]
#[allow(clippy::too_many_arguments)]
fn build(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    gazetteer: Option<&Bound<'_, PyAny>>,
    default_gazetteer: bool,
    lexicon: Option<PathBuf>,
    date: Option<&Bound<'_, PyAny>>,
    include_modal: bool,
    max_evidence: usize,
    level: &str,
    on_error: &str,
    known_actors_only: bool,
) -> PyResult<Py<PyAny>> {
    guarded(|| {
        let level: Level = level.parse().map_err(error)?;
        let skip = match on_error {
            "raise" => false,
            "skip" => true,
            other => {
                return Err(error(format!(
                    "{other:?} is not a way to handle a bad document (raise or skip)"
                )))
            }
        };
        let date = date_arg(date)?;
        let gazetteers = paths_arg(gazetteer)?;
        let items = docs.try_iter()?.unbind();
        let (pipeline, warnings) = py
            .detach(|| Pipeline::load(&gazetteers, !default_gazetteer, lexicon.as_deref()))
            .map_err(error)?;
        let pipeline = pipeline.with_found_actors(!known_actors_only);
        for w in warnings {
            warn(py, &w)?;
        }
        let options = GraphOptions {
            include_modal,
            max_evidence,
            ..GraphOptions::default()
        };
        let mut source = PyDocuments {
            items,
            records: Records::new("docs"),
            skip,
            date,
            error: None,
        };
        let request = ViewRequest {
            level: Some(level),
            ..ViewRequest::default()
        };
        let text = py.detach(|| {
            let graph = pipeline.build(&mut source, options);
            if source.error.is_some() {
                return Ok(String::new());
            }
            let (opts, level) = request.resolve("actor")?;
            Ok::<_, view::ViewError>(store::to_json(&view::apply(&graph, &opts), level, false))
        });
        if let Some(e) = source.error {
            return Err(e);
        }
        loads(py, &text.map_err(error)?)
    })
}

/// The JSON text of a graph given to [`merge`] or [`to_format`]: a dict
/// through `json.dumps`, a string or bytes as they are.
fn graph_text(item: &Bound<'_, PyAny>, name: &str) -> PyResult<String> {
    if let Ok(s) = item.cast::<PyString>() {
        return Ok(s.to_cow()?.into_owned());
    }
    if let Ok(b) = item.cast::<PyBytes>() {
        return String::from_utf8(b.as_bytes().to_vec()).map_err(|e| error(format!("{name}: not UTF-8 ({e})")));
    }
    dumps(item).map_err(|e| error(format!("{name}: not JSON ({})", e.value(item.py()))))
}

/// Merge graphs built apart (dicts returned by `build` or `merge`, or JSON
/// text of saved graphs) into one: weights add, dates widen, evidence is
/// the sorted union capped as in one build, known document ids unite.
/// Merging is associative and commutative, and merging the graphs of
/// disjoint sets of documents gives the graph of all of them built at once.
///
/// Graphs of different levels, `include_modal` or `max_evidence` raise
/// `ActorgraphError`, as does a graph that is not one (named `graphs[i]`
/// in the message). A document found in more than one graph gives an
/// `ActorgraphWarning`: it counts once in `documents`, its events once per
/// graph. No graph at all merges to the empty graph.
#[pyfunction]
fn merge(py: Python<'_>, graphs: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    guarded(|| {
        let mut saved = Vec::new();
        for (i, g) in graphs.try_iter()?.enumerate() {
            let name = format!("graphs[{i}]");
            let text = graph_text(&g?, &name)?;
            saved.push(py.detach(|| store::from_json(&name, &text)).map_err(error)?);
        }
        let (merged, repeated) = py.detach(|| store::merge_all(saved)).map_err(error)?;
        if let Some(w) = store::repeated_warning(&repeated) {
            warn(py, &w)?;
        }
        let text = py.detach(|| store::to_json(&merged.graph, &merged.level, false));
        loads(py, &text)
    })
}

/// Relations for a view: a list of names, or one string of names joined
/// by commas as on the command line.
fn relations_arg(value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<actorgraph::extract::Relation>> {
    let names: Vec<String> = match value {
        None => return Ok(Vec::new()),
        Some(v) => match v.extract::<String>() {
            Ok(s) => s.split(',').map(str::to_string).collect(),
            Err(_) => v.extract()?,
        },
    };
    names.iter().map(|n| parse_relation(n.trim()).map_err(error)).collect()
}

/// Write a graph (a dict returned by `build` or `merge`, or the JSON text
/// of a saved graph) in `format`, with the bytes `actorgraph convert`
/// writes with the same flags (and `actorgraph build`, from the
/// documents): "json" (node-link JSON, as `--format json` writes it, so a
/// job can write the very file `actorgraph build` writes), "gexf",
/// "graphml", "dot", "html" and "svg" give a string, "png" bytes (both
/// drawn by Graphviz's `dot`, which must be installed), "csv" a dict of
/// the two tables by file name, `{"nodes.csv": ..., "edges.csv": ...}`.
///
/// The view arguments are those of the command line: `level` ("actor" or
/// "faction"; default the graph's own), `relations` (a list of "support",
/// "oppose", "meet"), `min_weight`, `since` and `until` (dates
/// `YYYY-MM-DD`); and the format options `links_key` (JSON: name the edge
/// list `links`, for networkx before 3.6), `cluster` (DOT, SVG, PNG: a box
/// per faction) and `undirected_meet` (GEXF, GraphML).
#[pyfunction]
#[pyo3(signature = (
    graph,
    format = "json",
    *,
    level = None,
    relations = None,
    min_weight = 0,
    since = None,
    until = None,
    links_key = false,
    cluster = false,
    undirected_meet = false,
))]
#[allow(clippy::too_many_arguments)]
fn to_format(
    py: Python<'_>,
    graph: &Bound<'_, PyAny>,
    format: &str,
    level: Option<&str>,
    relations: Option<&Bound<'_, PyAny>>,
    min_weight: u64,
    since: Option<&Bound<'_, PyAny>>,
    until: Option<&Bound<'_, PyAny>>,
    links_key: bool,
    cluster: bool,
    undirected_meet: bool,
) -> PyResult<Py<PyAny>> {
    guarded(|| {
        let format: Format = format.parse().map_err(error)?;
        let request = ViewRequest {
            level: level.map(str::parse).transpose().map_err(error)?,
            relations: relations_arg(relations)?,
            min_weight,
            since: date_arg(since)?,
            until: date_arg(until)?,
        };
        let opts = ExportOptions {
            links_key,
            cluster,
            undirected_meet,
            // the CLI's default: cells that would be formulas get a `'`
            csv_raw: false,
        };
        let text = graph_text(graph, "graph")?;
        let exported = py
            .detach(|| {
                let saved = store::from_json("graph", &text)?;
                Ok::<_, Box<dyn std::error::Error + Send + Sync>>(export_view(
                    &saved.graph,
                    &saved.level,
                    &request,
                    format,
                    opts,
                )?)
            })
            .map_err(error)?;
        Ok(match exported {
            Exported::File(bytes) if format == Format::Png => PyBytes::new(py, &bytes).into_any().unbind(),
            Exported::File(bytes) => {
                let text = String::from_utf8(bytes).map_err(error)?;
                PyString::new(py, &text).into_any().unbind()
            }
            Exported::Tables(t) => {
                let d = PyDict::new(py);
                d.set_item(actorgraph::export::csv::NODES_FILE, t.nodes)?;
                d.set_item(actorgraph::export::csv::EDGES_FILE, t.edges)?;
                d.into_any().unbind()
            }
            Exported::Files(files) => {
                let d = PyDict::new(py);
                for (name, bytes) in files {
                    d.set_item(name, String::from_utf8(bytes).map_err(error)?)?;
                }
                d.into_any().unbind()
            }
        })
    })
}

/// Turn news about a conflict into a knowledge graph of its actors: who
/// backs, opposes and meets whom, with the sentence that says so.
///
/// `build(docs)` makes a graph of documents, `merge(graphs)` joins graphs
/// built apart (on many machines, say) into the graph of all their
/// documents, and `to_format(graph, "gexf")` writes one for Gephi,
/// networkx, Graphviz, a spreadsheet or a browser. Graphs are dicts of the
/// node-link JSON that `actorgraph build` writes; errors are
/// `ActorgraphError` (a `ValueError`) with the command line's messages.
#[pymodule(name = "actorgraph")]
mod actorgraph_module {
    #[pymodule_export]
    use super::{build, merge, to_format, ActorgraphError, ActorgraphWarning};

    /// The version of actorgraph (the command line's and the library's).
    #[pymodule_export]
    #[allow(non_upper_case_globals)]
    const __version__: &str = env!("CARGO_PKG_VERSION");
}
