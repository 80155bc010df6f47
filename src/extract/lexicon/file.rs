//! The RON schema of a lexicon file (see `src/extract/lexicon.ron`), and
//! reading a file's text into it.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{LexiconError, Modality, Relation};

/// A modality cue list.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CueSpec {
    pub(super) modality: Modality,
    #[serde(default)]
    pub(super) before: Vec<String>,
    #[serde(default)]
    pub(super) after: Vec<String>,
    pub(super) window: usize,
    /// Relations the cue leaves as they are: "will" makes a meeting only
    /// planned, but a future attack or sanction announced is a threat,
    /// and a threat is made when it is said.
    #[serde(default)]
    pub(super) not_for: Vec<Relation>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TriggerSpec {
    pub(super) relation: Relation,
    pub(super) pattern: String,
}

/// Nouns that name one actor by its relation to another ("Serbia's main
/// backer"), and the relation they give.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RelationalSpec {
    /// The relation, or none for nouns of a relation that is no edge
    /// ("trading partners"): they only keep the possessor from being taken
    /// for the one acted on.
    pub(super) relation: Option<Relation>,
    pub(super) nouns: Vec<String>,
}

/// Verbs that make a proposal and nouns that name one, so that "backed the
/// request" finds who made the request in the sentences before.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ProposalSpec {
    #[serde(default)]
    pub(super) verbs: Vec<String>,
    #[serde(default)]
    pub(super) nouns: Vec<String>,
}

/// A class of words with one meaning and the frames they stand in.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClassSpec {
    pub(crate) name: String,
    pub(crate) relation: Relation,
    /// Both sides act: every event of the class holds both ways.
    #[serde(default)]
    pub(crate) mutual: bool,
    /// Names of entries of `frames`.
    pub(crate) frames: Vec<String>,
    #[serde(default)]
    pub(crate) verbs: Vec<String>,
    #[serde(default)]
    pub(crate) nouns: Vec<String>,
    #[serde(default)]
    pub(crate) light: Vec<String>,
    #[serde(default)]
    pub(crate) preps: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LexiconFile {
    #[serde(default)]
    pub(super) triggers: Vec<TriggerSpec>,
    #[serde(default)]
    pub(crate) frames: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub(crate) classes: Vec<ClassSpec>,
    #[serde(default)]
    pub(super) themes: Vec<String>,
    #[serde(default)]
    pub(super) relational: Vec<RelationalSpec>,
    #[serde(default)]
    pub(super) proposals: ProposalSpec,
    #[serde(default)]
    pub(crate) irregular: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub(super) fixed: Vec<String>,
    #[serde(default)]
    pub(super) modality: Vec<CueSpec>,
    #[serde(default)]
    pub(super) event_words: Vec<String>,
    #[serde(default)]
    pub(super) reporting: Vec<String>,
}

/// A lexicon file's RON, or where it is wrong.
pub(super) fn read_file(path: &str, text: &str) -> Result<LexiconFile, LexiconError> {
    ron::from_str(text).map_err(|e| LexiconError::Parse {
        path: path.to_string(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })
}
