//! Stage 1: documents in.
//!
//! [`Reader`] walks a list of inputs (`.txt` files, folders, `.jsonl`
//! files, `.gz` files of either, and `-` for JSON Lines on standard input)
//! and yields one [`Document`] at a time, so a corpus of any size streams
//! through in constant memory. A bad line or file never stops the reader: it
//! yields a [`CorpusError`] that names the place and the reason, and goes on
//! with the next line or file.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use chrono::NaiveDate;
use flate2::read::MultiGzDecoder;
use serde::Deserialize;

/// One article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Its identifier: the file stem of a `.txt`, or the `id` of a JSON line.
    pub id: String,
    /// The full text.
    pub text: String,
    /// The publication date, when known.
    pub date: Option<NaiveDate>,
    /// The headline, when given.
    pub title: Option<String>,
    /// Where it came from (an outlet name or URL), when given.
    pub source: Option<String>,
}

impl Document {
    /// A document with only an id and a text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            date: None,
            title: None,
            source: None,
        }
    }
}

/// A problem with one piece of input. The reader goes on after it.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// A file or folder could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        source: io::Error,
    },
    /// A line of a JSON Lines input could not be used.
    #[error("{path}:{line}: {reason}")]
    BadLine {
        /// The file (`-` for standard input).
        path: String,
        /// The line number, from 1.
        line: usize,
        /// What is wrong with it, in a word (for the summary of a run).
        kind: SkipReason,
        /// What is wrong with it.
        reason: String,
    },
    /// A whole `.txt` document could not be used.
    #[error("{path}: {reason}")]
    BadFile {
        /// The file.
        path: String,
        /// What is wrong with it, in a word (for the summary of a run).
        kind: SkipReason,
        /// What is wrong with it.
        reason: String,
    },
    /// A document id that was already read; the later document is skipped.
    #[error("{path}:{line}: duplicate document id {id:?}, skipped")]
    DuplicateId {
        /// The file.
        path: String,
        /// The line (1 for a `.txt` file).
        line: usize,
        /// The id.
        id: String,
    },
}

impl CorpusError {
    /// Why the input was skipped, in a word.
    pub fn reason(&self) -> SkipReason {
        match self {
            CorpusError::Io { .. } => SkipReason::Unreadable,
            CorpusError::BadLine { kind, .. } | CorpusError::BadFile { kind, .. } => *kind,
            CorpusError::DuplicateId { .. } => SkipReason::DuplicateId,
        }
    }
}

/// Why a piece of input was skipped: the classes that the summary of a run
/// counts (`actorgraph: 9 document(s) read, 3 input(s) skipped: 2 not
/// UTF-8, 1 duplicate id`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SkipReason {
    /// A file or folder that could not be opened or read at all (missing,
    /// no permission, a folder where a file was expected).
    Unreadable,
    /// A file that could not be read to its end (a truncated or corrupt
    /// gzip stream, a read error): what follows the last good line.
    Truncated,
    /// Bytes that are not UTF-8.
    NotUtf8,
    /// A line that is not JSON (a syntax error, a line cut short).
    NotJson,
    /// JSON that is not a document: not an object, or `id` or `text`
    /// missing or not a string.
    NotADocument,
    /// An empty or blank document or `id`.
    Empty,
    /// A document or line longer than [`MAX_INPUT_BYTES`].
    TooLarge,
    /// A document id already read.
    DuplicateId,
}

impl SkipReason {
    /// The words used in the summary.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::Unreadable => "unreadable",
            SkipReason::Truncated => "truncated or corrupt",
            SkipReason::NotUtf8 => "not UTF-8",
            SkipReason::NotJson => "not JSON",
            SkipReason::NotADocument => "not a document",
            SkipReason::Empty => "empty",
            SkipReason::TooLarge => "too large",
            SkipReason::DuplicateId => "duplicate id",
        }
    }
}

/// The largest document the reader takes: a `.txt` file's text (after
/// decompression) or one JSON line, 64 MiB. A larger one is skipped with
/// [`SkipReason::TooLarge`] without being held in memory, so that one
/// runaway line (a file of one line, a gzip bomb) cannot exhaust memory.
/// No article comes near it; analysing a document takes memory in
/// proportion to its size.
pub const MAX_INPUT_BYTES: usize = 64 << 20;

/// A warning that does not skip anything (a date that could not be read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Where: `path:line`.
    pub place: String,
    /// What.
    pub message: String,
}

/// The JSON Lines record.
/// Keys other than these are ignored: news dumps carry many (url, lang, …).
/// Only `id` and `text` are required; an optional field of the wrong type
/// (a date given as an object) is left out with a warning, never a reason
/// to lose the document.
#[derive(Deserialize)]
struct Record {
    id: String,
    text: String,
    #[serde(default)]
    date: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<serde_json::Value>,
    #[serde(default)]
    source: Option<serde_json::Value>,
}

/// Parse a date as written in feeds: `YYYY-MM-DD`, optionally followed by a
/// time (`2020-12-31T08:01:00Z`), of which only the date is kept.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let head = s.trim().get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// A date given as an option (`--date`, `--since`) that is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a date of the form YYYY-MM-DD")]
pub struct BadDate(pub String);

/// Read a date given as an option, as [`parse_date`] reads it.
pub fn parse_date_option(s: &str) -> Result<NaiveDate, BadDate> {
    parse_date(s).ok_or_else(|| BadDate(s.to_string()))
}

enum Source {
    Lines {
        path: String,
        reader: Box<dyn BufRead>,
        line: usize,
    },
}

/// Streams documents from a list of inputs. See the module documentation.
pub struct Reader {
    pending: std::vec::IntoIter<PathBuf>,
    current: Option<Source>,
    seen: HashSet<String>,
    warnings: Vec<Warning>,
    buf: Vec<u8>,
    /// Bytes taken from input files so far (as stored: a `.gz` counts its
    /// compressed bytes), for a progress display against [`input_bytes`].
    bytes_read: Arc<AtomicU64>,
}

/// A file's bytes, counted as they are read.
struct Counted {
    file: File,
    count: Arc<AtomicU64>,
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.file.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The total size of the files `inputs` name, folders expanded as
/// [`Reader::new`] expands them (a `.gz` counted as stored); `None` when it
/// cannot be known up front (standard input, a missing file, a pipe).
pub fn input_bytes<P: AsRef<Path>>(inputs: &[P]) -> Option<u64> {
    let mut total = 0u64;
    for input in inputs {
        let path = input.as_ref();
        if path.as_os_str() == "-" {
            return None;
        }
        let meta = std::fs::metadata(path).ok()?;
        if meta.is_dir() {
            for file in list_folder(path).ok()? {
                total += std::fs::metadata(file).ok()?.len();
            }
        } else if meta.is_file() {
            total += meta.len();
        } else {
            return None;
        }
    }
    Some(total)
}

impl Reader {
    /// A reader over `inputs`, in the order given; folders are expanded to
    /// their `.txt`, `.jsonl` and `.gz` files in name order.
    pub fn new<P: AsRef<Path>>(inputs: &[P]) -> Self {
        Reader {
            pending: inputs
                .iter()
                .map(|p| p.as_ref().to_path_buf())
                .collect::<Vec<_>>()
                .into_iter(),
            current: None,
            seen: HashSet::new(),
            warnings: Vec::new(),
            buf: Vec::new(),
            bytes_read: Arc::new(AtomicU64::new(0)),
        }
    }

    /// Bytes read from input files so far (a `.gz` counted as stored, not
    /// decompressed; standard input and [`Reader::from_reader`] sources not
    /// counted): with [`input_bytes`], how far a run has got.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read.load(Ordering::Relaxed)
    }

    /// A reader of JSON Lines from any byte source (a socket, a pipe, a
    /// buffer in memory), read as a `.jsonl` file is; `name` stands for the
    /// file in errors and warnings (`name:line: reason`).
    pub fn from_reader(name: impl Into<String>, source: impl Read + 'static) -> Self {
        let mut reader = Reader::new::<PathBuf>(&[]);
        reader.current = Some(Source::Lines {
            path: name.into(),
            reader: Box::new(BufReader::with_capacity(1 << 16, source)),
            line: 0,
        });
        reader
    }

    /// Warnings gathered so far (taken out of the reader).
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings)
    }

    fn check_id(&mut self, path: &str, line: usize, doc: Document) -> Result<Document, CorpusError> {
        check_id(&mut self.seen, path, line, doc)
    }

    /// Open the next input; `Some(item)` when the input itself is a whole
    /// document or an error.
    fn open(&mut self, path: PathBuf) -> Option<Result<Document, CorpusError>> {
        let shown = path.display().to_string();
        if shown == "-" {
            self.current = Some(Source::Lines {
                path: shown,
                reader: Box::new(BufReader::new(io::stdin())),
                line: 0,
            });
            return None;
        }
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(source) => return Some(Err(CorpusError::Io { path: shown, source })),
        };
        if meta.is_dir() {
            let mut files = match list_folder(&path) {
                Ok(f) => f,
                Err(source) => return Some(Err(CorpusError::Io { path: shown, source })),
            };
            files.extend(self.pending.by_ref());
            self.pending = files.into_iter();
            return None;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let gz = name.ends_with(".gz");
        let inner = name.trim_end_matches(".gz");
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(source) => return Some(Err(CorpusError::Io { path: shown, source })),
        };
        let file = Counted {
            file,
            count: Arc::clone(&self.bytes_read),
        };
        let raw: Box<dyn Read> = if gz {
            Box::new(MultiGzDecoder::new(BufReader::new(file)))
        } else {
            Box::new(file)
        };
        if inner.ends_with(".txt") {
            let full = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let stem = full[..inner.len() - ".txt".len()].to_string();
            return Some(read_txt(raw, &shown, stem).and_then(|d| self.check_id(&shown, 1, d)));
        }
        self.current = Some(Source::Lines {
            path: shown,
            reader: Box::new(BufReader::with_capacity(1 << 16, raw)),
            line: 0,
        });
        None
    }

    fn next_line(&mut self) -> Option<Result<Document, CorpusError>> {
        loop {
            let Source::Lines { path, reader, line } = self.current.as_mut()?;
            self.buf.clear();
            match read_line_capped(reader, &mut self.buf) {
                Ok(0) => {
                    self.current = None;
                    return None;
                }
                Ok(_) => {}
                Err(source) => {
                    // A stream that breaks off (a truncated or corrupt
                    // gzip): the lines read so far stand, the rest is lost.
                    let (path, line) = (path.clone(), *line + 1);
                    self.current = None;
                    return Some(Err(CorpusError::BadLine {
                        path,
                        line,
                        kind: SkipReason::Truncated,
                        reason: format!("cannot be read from this line on ({source}); the rest of the file is skipped"),
                    }));
                }
            }
            *line += 1;
            let (path, line) = (path.clone(), *line);
            let item = read_record(&self.buf, &path, line, &mut self.warnings);
            if self.buf.len() > MAX_INPUT_BYTES {
                // the memory of a runaway line is given back
                self.buf = Vec::new();
            }
            let Some(item) = item else {
                continue;
            };
            return Some(item.and_then(|d| self.check_id(&path, line, d)));
        }
    }
}

/// Documents handed over one JSON Lines record at a time by a program
/// that holds them already (a binding's list of records, a message queue),
/// read as the lines of a `.jsonl` input are: the same checks, the same
/// warnings, the same messages (`name:N: reason`, N counting the records
/// from 1), and a repeated id refused.
#[derive(Debug, Default)]
pub struct Records {
    name: String,
    line: usize,
    seen: HashSet<String>,
    warnings: Vec<Warning>,
}

impl Records {
    /// A reader of records; `name` stands for the file in errors and
    /// warnings.
    pub fn new(name: impl Into<String>) -> Self {
        Records {
            name: name.into(),
            ..Records::default()
        }
    }

    /// The document of the next record, one JSON object as the bytes of a
    /// line; `None` for a blank record, which is counted but holds no
    /// document (as a blank line).
    pub fn read(&mut self, record: &[u8]) -> Option<Result<Document, CorpusError>> {
        self.line += 1;
        let item = read_record(record, &self.name, self.line, &mut self.warnings)?;
        Some(item.and_then(|d| check_id(&mut self.seen, &self.name, self.line, d)))
    }

    /// Count a record that could not even be put into JSON text (a value
    /// of a type JSON lacks) and give its error, `name:N: reason`.
    pub fn refuse(&mut self, reason: impl Into<String>) -> CorpusError {
        self.line += 1;
        CorpusError::BadLine {
            path: self.name.clone(),
            line: self.line,
            kind: SkipReason::NotADocument,
            reason: reason.into(),
        }
    }

    /// Warnings gathered so far (taken out of the reader).
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings)
    }
}

/// Refuse a document whose id was seen before.
fn check_id(seen: &mut HashSet<String>, path: &str, line: usize, doc: Document) -> Result<Document, CorpusError> {
    if seen.insert(doc.id.clone()) {
        Ok(doc)
    } else {
        Err(CorpusError::DuplicateId {
            path: path.to_string(),
            line,
            id: doc.id,
        })
    }
}

/// The document of one line of JSON Lines, or `None` for a blank line.
/// A line longer than [`MAX_INPUT_BYTES`] is refused unread.
fn read_record(
    bytes: &[u8],
    path: &str,
    line: usize,
    warnings: &mut Vec<Warning>,
) -> Option<Result<Document, CorpusError>> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Some(Err(CorpusError::BadLine {
            path: path.to_string(),
            line,
            kind: SkipReason::TooLarge,
            reason: format!("line longer than {} MiB, skipped", MAX_INPUT_BYTES >> 20),
        }));
    }
    let bytes = trim_ascii(bytes);
    if bytes.is_empty() {
        return None;
    }
    Some(parse_record(bytes, path, line, warnings))
}

impl Iterator for Reader {
    type Item = Result<Document, CorpusError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.current.is_some() {
                if let Some(item) = self.next_line() {
                    return Some(item);
                }
                continue;
            }
            let path = self.pending.next()?;
            if let Some(item) = self.open(path) {
                return Some(item);
            }
        }
    }
}

/// Read one line (with its `\n`) into `buf`, returning the bytes consumed.
/// A line longer than [`MAX_INPUT_BYTES`] is read to its end but not kept:
/// `buf` then holds its first `MAX_INPUT_BYTES + 1` bytes, so memory stays
/// bounded whatever the input.
fn read_line_capped(reader: &mut dyn BufRead, buf: &mut Vec<u8>) -> io::Result<usize> {
    let n = reader.take(MAX_INPUT_BYTES as u64 + 1).read_until(b'\n', buf)?;
    if buf.len() <= MAX_INPUT_BYTES || buf.last() == Some(&b'\n') {
        return Ok(n);
    }
    let mut skipped = n;
    loop {
        let avail = match reader.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(skipped);
        }
        let (used, done) = match avail.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        reader.consume(used);
        skipped += used;
        if done {
            return Ok(skipped);
        }
    }
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &b[start..end]
}

fn list_folder(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let p = entry?.path();
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let name = name.trim_end_matches(".gz");
        if p.is_file() && (name.ends_with(".txt") || name.ends_with(".jsonl")) {
            files.push(p);
        }
    }
    files.sort();
    Ok(files)
}

fn read_txt(raw: Box<dyn Read>, path: &str, id: String) -> Result<Document, CorpusError> {
    let bad = |kind: SkipReason, reason: String| CorpusError::BadFile {
        path: path.to_string(),
        kind,
        reason,
    };
    let mut bytes = Vec::new();
    raw.take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| bad(SkipReason::Truncated, format!("cannot be read to its end ({source})")))?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(bad(
            SkipReason::TooLarge,
            format!("larger than {} MiB, skipped", MAX_INPUT_BYTES >> 20),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        bad(
            SkipReason::NotUtf8,
            format!("not UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to()),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(bad(SkipReason::Empty, "empty document".to_string()));
    }
    Ok(Document::new(id, text))
}

fn parse_record(bytes: &[u8], path: &str, line: usize, warnings: &mut Vec<Warning>) -> Result<Document, CorpusError> {
    let bad = |kind: SkipReason, reason: String| CorpusError::BadLine {
        path: path.to_string(),
        line,
        kind,
        reason,
    };
    let s = std::str::from_utf8(bytes).map_err(|e| {
        bad(
            SkipReason::NotUtf8,
            format!("not UTF-8 (invalid byte at column {})", e.valid_up_to() + 1),
        )
    })?;
    let s = s.strip_prefix('\u{feff}').unwrap_or(s);
    if !s.starts_with('{') {
        // serde would read an array as the fields in order: ["a", "text"]
        // is no document, so anything but an object is refused here.
        let what = match serde_json::from_str::<serde_json::Value>(s) {
            Ok(serde_json::Value::Array(_)) => "array",
            Ok(serde_json::Value::String(_)) => "string",
            Ok(serde_json::Value::Number(_)) => "number",
            Ok(serde_json::Value::Bool(_)) => "boolean",
            Ok(_) => "null",
            Err(e) => return Err(bad(SkipReason::NotJson, format!("{e}"))),
        };
        return Err(bad(
            SkipReason::NotADocument,
            format!("a JSON {what}, not an object {{\"id\": …, \"text\": …}}"),
        ));
    }
    let rec: Record = serde_json::from_str(s).map_err(|e| {
        let kind = match e.classify() {
            serde_json::error::Category::Data => SkipReason::NotADocument,
            _ => SkipReason::NotJson,
        };
        bad(kind, format!("{e}"))
    })?;
    if rec.id.trim().is_empty() {
        return Err(bad(SkipReason::Empty, "empty \"id\"".to_string()));
    }
    if rec.text.trim().is_empty() {
        return Err(bad(
            SkipReason::Empty,
            format!("document {:?} has an empty \"text\"", rec.id),
        ));
    }
    let mut warn = |message: String| {
        warnings.push(Warning {
            place: format!("{path}:{line}"),
            message,
        })
    };
    let mut optional = |field: &str, value: Option<serde_json::Value>| -> Option<String> {
        match value? {
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Null => None,
            other => {
                let kind = match other {
                    serde_json::Value::Bool(_) => "a boolean",
                    serde_json::Value::Number(_) => "a number",
                    serde_json::Value::Array(_) => "an array",
                    _ => "an object",
                };
                warn(format!("\"{field}\" is {kind}, not a string; document kept without it"));
                None
            }
        }
    };
    let date_text = optional("date", rec.date);
    let title = optional("title", rec.title);
    let source = optional("source", rec.source);
    let date = match date_text.as_deref() {
        None | Some("") => None,
        Some(d) => {
            let parsed = parse_date(d);
            if parsed.is_none() {
                warn(format!("date {d:?} is not YYYY-MM-DD; document kept without a date"));
            }
            parsed
        }
    };
    Ok(Document {
        id: rec.id,
        text: rec.text,
        date,
        title,
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn jsonl_bad_lines_are_reported_and_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.jsonl");
        let mut f = File::create(&p).unwrap();
        writeln!(f, r#"{{"id":"a","text":"Egypt backs Haftar.","date":"2020-01-02"}}"#).unwrap();
        writeln!(f, r#"{{"id":"b","text":"#).unwrap();
        f.write_all(b"{\"id\":\"c\",\"text\":\"\xff\"}\n").unwrap();
        writeln!(f, r#"{{"id":5,"text":"x"}}"#).unwrap();
        writeln!(f).unwrap();
        writeln!(f, r#"{{"id":"a","text":"again"}}"#).unwrap();
        writeln!(f, r#"{{"id":"d","text":"Fine.","date":"yesterday"}}"#).unwrap();
        drop(f);
        let mut r = Reader::new(&[&p]);
        let items: Vec<_> = r.by_ref().collect();
        let ok: Vec<_> = items
            .iter()
            .filter_map(|i| i.as_ref().ok())
            .map(|d| d.id.as_str())
            .collect();
        assert_eq!(ok, vec!["a", "d"]);
        let errs: Vec<String> = items
            .iter()
            .filter_map(|i| i.as_ref().err())
            .map(|e| e.to_string())
            .collect();
        assert_eq!(errs.len(), 4);
        assert!(errs[0].contains("a.jsonl:2:"), "{}", errs[0]);
        assert!(errs[1].contains("a.jsonl:3: not UTF-8"), "{}", errs[1]);
        assert!(
            errs[2].contains("a.jsonl:4:") && errs[2].contains("invalid type"),
            "{}",
            errs[2]
        );
        assert!(errs[3].contains("a.jsonl:6: duplicate document id"), "{}", errs[3]);
        let w = r.take_warnings();
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].place, format!("{}:7", p.display()));
    }

    #[test]
    fn folders_gz_and_txt() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.txt"), "Second.").unwrap();
        std::fs::write(dir.path().join("a.txt"), "First.").unwrap();
        std::fs::write(dir.path().join("empty.txt"), "  \n").unwrap();
        std::fs::write(dir.path().join("notes.md"), "ignored").unwrap();
        let gz = dir.path().join("c.jsonl.gz");
        let mut enc = flate2::write::GzEncoder::new(File::create(&gz).unwrap(), flate2::Compression::fast());
        writeln!(enc, r#"{{"id":"c1","text":"Third."}}"#).unwrap();
        enc.finish().unwrap();
        let items: Vec<_> = Reader::new(&[dir.path()]).collect();
        let ok: Vec<_> = items
            .iter()
            .filter_map(|i| i.as_ref().ok())
            .map(|d| d.id.as_str())
            .collect();
        assert_eq!(ok, vec!["a", "b", "c1"]);
        let errs: Vec<_> = items.iter().filter_map(|i| i.as_ref().err()).collect();
        assert_eq!(errs.len(), 1);
        assert!(errs[0].to_string().ends_with("empty.txt: empty document"));
    }

    #[test]
    fn missing_file_is_an_error_not_a_stop() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "First.").unwrap();
        let missing = dir.path().join("nope.txt");
        let items: Vec<_> = Reader::new(&[missing, dir.path().join("a.txt")]).collect();
        assert!(items[0].is_err());
        assert_eq!(items[1].as_ref().unwrap().id, "a");
    }

    fn lines(text: &[u8]) -> (Vec<Result<Document, CorpusError>>, Vec<Warning>) {
        let mut r = Reader::from_reader("mem", std::io::Cursor::new(text.to_vec()));
        let items = r.by_ref().collect();
        (items, r.take_warnings())
    }

    #[test]
    fn only_an_object_is_a_document() {
        let (items, _) = lines(b"[\"a\", \"Egypt backs Haftar.\"]\n\"x\"\n{\"id\": \"b\", \"text\": \"ok\"}\nnope\n");
        let reasons: Vec<_> = items.iter().map(|i| i.as_ref().err().map(|e| e.reason())).collect();
        assert_eq!(
            reasons,
            vec![
                Some(SkipReason::NotADocument),
                Some(SkipReason::NotADocument),
                None,
                Some(SkipReason::NotJson)
            ]
        );
        let e = items[0].as_ref().unwrap_err().to_string();
        assert!(e.starts_with("mem:1: a JSON array, not an object"), "{e}");
    }

    #[test]
    fn optional_fields_of_the_wrong_type_are_left_out_with_a_warning() {
        let (items, warnings) =
            lines(b"{\"id\": \"a\", \"text\": \"t\", \"date\": {\"y\": 2020}, \"title\": 5, \"source\": null}\n");
        let d = items[0].as_ref().unwrap();
        assert_eq!((d.date, &d.title, &d.source), (None, &None, &None));
        let w: Vec<String> = warnings.iter().map(|w| format!("{}: {}", w.place, w.message)).collect();
        assert_eq!(
            w,
            vec![
                "mem:1: \"date\" is an object, not a string; document kept without it",
                "mem:1: \"title\" is a number, not a string; document kept without it",
            ]
        );
    }

    #[test]
    fn a_truncated_gzip_keeps_the_lines_before_the_cut() {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        for i in 0..5000 {
            writeln!(enc, r#"{{"id":"d{i}","text":"Document number {i} of many."}}"#).unwrap();
        }
        let whole = enc.finish().unwrap();
        let cut = whole[..whole.len() / 2].to_vec();
        let items: Vec<_> = Reader::from_reader("cut", MultiGzDecoder::new(std::io::Cursor::new(cut))).collect();
        let (last, docs) = items.split_last().unwrap();
        assert!(docs.len() > 100 && docs.iter().all(Result::is_ok), "{}", docs.len());
        let e = last.as_ref().unwrap_err();
        assert_eq!(e.reason(), SkipReason::Truncated);
        assert!(
            e.to_string()
                .starts_with(&format!("cut:{}: cannot be read from this line on", docs.len() + 1)),
            "{e}"
        );
    }

    #[test]
    fn a_line_over_the_limit_is_skipped_without_being_kept() {
        let mut text = b"{\"id\": \"a\", \"text\": \"".to_vec();
        text.resize(MAX_INPUT_BYTES + 10, b'x');
        text.extend_from_slice(b"\"}\n{\"id\": \"b\", \"text\": \"after\"}");
        let mut r = Reader::from_reader("big", std::io::Cursor::new(text));
        let first = r.next().unwrap().unwrap_err();
        assert_eq!(first.reason(), SkipReason::TooLarge);
        assert!(
            first.to_string().starts_with("big:1: line longer than 64 MiB"),
            "{first}"
        );
        assert!(r.buf.capacity() <= MAX_INPUT_BYTES + 1);
        assert_eq!(r.next().unwrap().unwrap().id, "b");
        assert!(r.next().is_none());
    }

    #[test]
    fn records_are_read_as_lines_are() {
        let mut r = Records::new("docs");
        let mut read = |rec: &str| {
            r.read(rec.as_bytes())
                .map(|i| i.map(|d| d.id).map_err(|e| e.to_string()))
        };
        assert_eq!(
            read(r#"{"id": "a", "text": "Egypt backs Haftar."}"#),
            Some(Ok("a".to_string()))
        );
        assert_eq!(read("  "), None, "a blank record is counted, and holds nothing");
        assert_eq!(
            read(r#"{"id": "b"}"#),
            Some(Err("docs:3: missing field `text` at line 1 column 11".to_string()))
        );
        assert_eq!(
            read(r#"{"id": "a", "text": "again"}"#),
            Some(Err("docs:4: duplicate document id \"a\", skipped".to_string()))
        );
        assert_eq!(
            read(r#"{"id": "c", "text": "t", "date": "soon"}"#),
            Some(Ok("c".to_string()))
        );
        assert_eq!(r.refuse("no JSON").to_string(), "docs:6: no JSON");
        let w = r.take_warnings();
        assert_eq!(w[0].place, "docs:5");
        assert_eq!(
            parse_date_option("2020-02-30").unwrap_err().to_string(),
            "\"2020-02-30\" is not a date of the form YYYY-MM-DD"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2020-12-31T08:01:00Z"),
            NaiveDate::from_ymd_opt(2020, 12, 31)
        );
        assert_eq!(parse_date("31/12/2020"), None);
    }

    #[test]
    fn the_bytes_read_reach_the_inputs_size() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Yemen's Houthis attacked Saudi Arabia.").unwrap();
        std::fs::write(dir.path().join("notes.md"), "not an input").unwrap();
        let lines = "{\"id\":\"s1\",\"text\":\"The RSF shelled El Fasher.\"}\nnot json\n";
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut gz, lines.as_bytes()).unwrap();
        let gz = gz.finish().unwrap();
        let gz_path = dir.path().join("b.jsonl.gz");
        std::fs::write(&gz_path, &gz).unwrap();
        // the folder's two inputs (notes.md is not one), the .gz as stored
        let size = 38 + gz.len() as u64;
        assert_eq!(input_bytes(&[dir.path()]), Some(size));
        assert_eq!(input_bytes(&[gz_path.as_path()]), Some(gz.len() as u64));
        assert_eq!(input_bytes(&[Path::new("-")]), None);
        assert_eq!(input_bytes(&[dir.path().join("missing.txt")]), None);
        let mut reader = Reader::new(&[dir.path()]);
        assert_eq!(reader.bytes_read(), 0);
        let items: Vec<_> = reader.by_ref().collect();
        assert_eq!(items.len(), 3, "two documents and a bad line");
        assert_eq!(reader.bytes_read(), size);
    }
}
