//! Sets of words for the hot loops of linking and extraction: one hash
//! lookup instead of a scan of a list.

use rustc_hash::FxHashSet;

/// A set of normalised words.
///
/// Most words asked about are in no set, so two bit masks answer first,
/// without hashing: the lengths of the words in the set, and their first
/// bytes.
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    words: FxHashSet<Box<str>>,
    /// Bit `n` set: a word of `n` bytes is in the set (bit 63: 63 or more).
    lengths: u64,
    /// Bit `b` set: a word starting with byte `b` is in the set.
    first_bytes: [u64; 4],
}

impl WordSet {
    /// The set of `words` (already normalised).
    pub fn new<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> Self {
        let mut set = WordSet::default();
        for w in words {
            let w = w.as_ref();
            set.lengths |= length_bit(w);
            if let Some(&b) = w.as_bytes().first() {
                set.first_bytes[usize::from(b >> 6)] |= 1 << (b & 63);
            }
            set.words.insert(Box::from(w));
        }
        set
    }

    /// Whether `word` is in the set.
    pub fn contains(&self, word: &str) -> bool {
        let Some(&b) = word.as_bytes().first() else {
            return self.words.contains(word);
        };
        self.lengths & length_bit(word) != 0
            && self.first_bytes[usize::from(b >> 6)] & (1 << (b & 63)) != 0
            && self.words.contains(word)
    }
}

fn length_bit(word: &str) -> u64 {
    1 << word.len().min(63)
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

/// The days of the week and the months, in their normal forms: never a
/// name of an actor, and in a date they qualify an event ("on Monday").
pub static CALENDAR_WORDS: StaticWords = StaticWords::new(&[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]);
