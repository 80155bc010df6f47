//! The stages wired together: documents in, a graph out.
//!
//! [`Pipeline`] owns a [`Linker`] and an [`Extractor`]; [`Pipeline::analyse`]
//! runs one document through text, link and extract, and
//! [`Pipeline::build`] streams documents through it on all cores, in
//! batches, adding each batch to the graph in input order so the graph is
//! the same whatever the thread count.

use std::path::Path;

use rayon::prelude::*;

use crate::corpus::Document;
use crate::extract::{Extractor, Lexicon, LexiconError};
use crate::graph::{ActorGraph, DocumentAnalysis, GraphOptions};
use crate::link::{Gazetteer, GazetteerError, Linker};

/// Documents analysed per parallel batch: large enough to keep the cores
/// busy, small enough that memory stays flat (three batches are in memory
/// at once: the one analysed, the one being read and the one being added
/// to the graph).
const BATCH: usize = 512;
/// ...and bytes of text per batch, so that a feed of huge documents keeps
/// memory flat too (a batch holds at least one document).
const BATCH_BYTES: usize = 8 << 20;

/// The next batch of `docs`: up to [`BATCH`] documents or [`BATCH_BYTES`]
/// of text.
fn next_batch(docs: &mut impl Iterator<Item = Document>) -> Vec<Document> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    while batch.len() < BATCH && bytes < BATCH_BYTES {
        let Some(d) = docs.next() else { break };
        bytes += d.text.len();
        batch.push(d);
    }
    batch
}

/// Why [`Pipeline::load`] could not make a pipeline. The message names the
/// file and, for a bad file, the line and column.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A gazetteer file is missing, unreadable or wrong.
    #[error("loading the gazetteer: {0}")]
    Gazetteer(GazetteerError),
    /// The lexicon file is missing, unreadable or wrong.
    #[error("loading the lexicon: {0}")]
    Lexicon(LexiconError),
}

/// What a lexicon file given to [`Pipeline::load_with`] does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LexiconUse {
    /// Its triggers and cues are added to the shipped lexicon's, so a user
    /// adds one trigger without copying the whole lexicon.
    Extend,
    /// It is the whole lexicon (`--replace-lexicon`).
    Replace,
}

/// Text -> mentions -> events, for one gazetteer and lexicon.
pub struct Pipeline {
    linker: Linker,
    extractor: Extractor,
}

impl Pipeline {
    /// A pipeline over `gazetteer` and `lexicon`.
    pub fn new(gazetteer: Gazetteer, lexicon: Lexicon) -> Self {
        Pipeline {
            linker: Linker::new(gazetteer),
            extractor: Extractor::new(lexicon),
        }
    }

    /// The shipped gazetteer and lexicon.
    pub fn shipped() -> Result<Self, crate::link::GazetteerError> {
        Ok(Pipeline::new(Gazetteer::shipped()?, Lexicon::embedded()))
    }

    /// The pipeline of `--gazetteer FILE...`, `--no-default-gazetteer` and
    /// a lexicon file that *replaces* the shipped lexicon when given (the
    /// Python package's `lexicon=`); see [`Pipeline::load_with`].
    pub fn load<P: AsRef<Path>>(
        gazetteers: &[P],
        no_default_gazetteer: bool,
        lexicon: Option<&Path>,
    ) -> Result<(Self, Vec<String>), LoadError> {
        Self::load_with(gazetteers, no_default_gazetteer, lexicon, LexiconUse::Replace)
    }

    /// The pipeline of the command line's `--gazetteer FILE...`,
    /// `--no-default-gazetteer`, `--lexicon FILE` and `--replace-lexicon`:
    /// the shipped gazetteer (unless `no_default_gazetteer`) with
    /// `gazetteers` layered over it, and the shipped lexicon extended with
    /// (or replaced by) `lexicon` when given. Also returns the gazetteer's
    /// warnings (the shipped gazetteer alone has none).
    pub fn load_with<P: AsRef<Path>>(
        gazetteers: &[P],
        no_default_gazetteer: bool,
        lexicon: Option<&Path>,
        lexicon_use: LexiconUse,
    ) -> Result<(Self, Vec<String>), LoadError> {
        let gazetteer = Gazetteer::load(gazetteers, no_default_gazetteer).map_err(LoadError::Gazetteer)?;
        let warnings = gazetteer.warnings().to_vec();
        let lexicon = match (lexicon, lexicon_use) {
            (None, _) => Lexicon::embedded(),
            (Some(p), LexiconUse::Replace) => Lexicon::from_file(p).map_err(LoadError::Lexicon)?,
            (Some(p), LexiconUse::Extend) => {
                let shown = p.display().to_string();
                let text = std::fs::read_to_string(p).map_err(|source| {
                    LoadError::Lexicon(LexiconError::Io {
                        path: shown.clone(),
                        source,
                    })
                })?;
                Lexicon::embedded()
                    .extended_with(&shown, &text)
                    .map_err(LoadError::Lexicon)?
            }
        };
        Ok((Pipeline::new(gazetteer, lexicon), warnings))
    }

    /// Whether names no gazetteer holds become actors of their own (on by
    /// default; `false` keeps the gazetteer's actors alone).
    pub fn with_found_actors(mut self, on: bool) -> Self {
        self.linker = self.linker.with_found_actors(on);
        self
    }

    /// The linker.
    pub fn linker(&self) -> &Linker {
        &self.linker
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        self.linker.gazetteer()
    }

    /// Analyse one document.
    pub fn analyse(&self, doc: &Document) -> DocumentAnalysis {
        let (sentences, mentions, found) = self.linker.link_document_all(doc);
        let events = self.extractor.extract(doc, &sentences, &mentions);
        DocumentAnalysis::with_found(doc, mentions, events, found)
    }

    /// Build a graph from a stream of documents, calling `each` with every
    /// analysis (in input order) before it is added.
    pub fn build_with<I, F>(&self, docs: I, options: GraphOptions, mut each: F) -> ActorGraph
    where
        I: IntoIterator<Item = Document>,
        F: FnMut(&Document, &DocumentAnalysis),
    {
        let mut graph = ActorGraph::new(options);
        self.analyse_each(docs, |d, a| {
            each(d, a);
            graph.add_document(self.gazetteer(), a);
        });
        graph
    }

    /// Analyse a stream of documents and call `each` with every analysis,
    /// in input order, holding no more than two batches at a time (what
    /// `actorgraph events` writes its table with, and `build_with` builds
    /// a graph with).
    pub fn analyse_each<I, F>(&self, docs: I, mut each: F)
    where
        I: IntoIterator<Item = Document>,
        F: FnMut(&Document, &DocumentAnalysis),
    {
        let mut docs = docs.into_iter();
        let mut next: Vec<Document> = next_batch(&mut docs);
        // the batch analysed last, still to be handed to `each`
        let mut analysed: Option<(Vec<Document>, Vec<DocumentAnalysis>)> = None;
        let hand_over = |each: &mut F, (docs, analyses): (Vec<Document>, Vec<DocumentAnalysis>)| {
            for (d, a) in docs.iter().zip(&analyses) {
                each(d, a);
            }
        };
        loop {
            if next.is_empty() {
                if let Some(done) = analysed.take() {
                    hand_over(&mut each, done);
                }
                break;
            }
            let batch = std::mem::take(&mut next);
            // Analyse this batch on the pool while this thread hands the
            // previous one over (to the graph) and reads the next: reading,
            // decompressing, parsing and merging all overlap the analysis,
            // and the pool never waits for the graph.
            let (analyses, following) = std::thread::scope(|scope| {
                let worker = scope.spawn(|| batch.par_iter().map(|d| self.analyse(d)).collect::<Vec<_>>());
                if let Some(done) = analysed.take() {
                    hand_over(&mut each, done);
                }
                let following: Vec<Document> = next_batch(&mut docs);
                let analyses = match worker.join() {
                    Ok(a) => a,
                    Err(panic) => std::panic::resume_unwind(panic),
                };
                (analyses, following)
            });
            analysed = Some((batch, analyses));
            next = following;
        }
    }

    /// Build a graph from a stream of documents.
    pub fn build<I: IntoIterator<Item = Document>>(&self, docs: I, options: GraphOptions) -> ActorGraph {
        self.build_with(docs, options, |_, _| {})
    }
}
