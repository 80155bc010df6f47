//! Sets of words for the hot loops of linking and extraction: one hash
//! lookup instead of a scan of a list.

use rustc_hash::FxHashSet;

/// A set of normalised words.
#[derive(Debug, Clone, Default)]
pub struct WordSet(FxHashSet<Box<str>>);

impl WordSet {
    /// The set of `words` (already normalised).
    pub fn new<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> Self {
        WordSet(words.into_iter().map(|w| Box::from(w.as_ref())).collect())
    }

    /// Whether `word` is in the set.
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

/// A [`WordSet`] built once from a constant list, for `static` use.
pub struct StaticWords {
    list: &'static [&'static str],
    set: std::sync::OnceLock<WordSet>,
}

impl StaticWords {
    /// Wrap a constant list.
    pub const fn new(list: &'static [&'static str]) -> Self {
        StaticWords {
            list,
            set: std::sync::OnceLock::new(),
        }
    }

    /// Whether `word` is in the list.
    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| WordSet::new(self.list.iter().copied()))
            .contains(word)
    }
}
