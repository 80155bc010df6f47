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
    /// The words' hashes ([`super::word_hash`]), for lookups at a token,
    /// which carries its hash.
    hashes: HashBits,
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
            set.hashes.insert(super::word_hash(w));
            set.words.insert(Box::from(w));
        }
        set
    }

    /// Whether the word of token `i` of `s` is in the set (no hashing of
    /// text for most tokens: they carry their hash).
    // (inlined: the loops of linking ask it at every token, and most
    // tokens are turned away by one bit)
    #[inline]
    pub fn contains_at(&self, s: &super::Sentence, i: usize) -> bool {
        s.tokens
            .get(i)
            .is_some_and(|t| self.hashes.may_hold(t.first_word_hash) && self.holds(t.norm(s)))
    }

    /// The lookup behind a "yes" of the bits, out of line.
    #[inline(never)]
    fn holds(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Whether `word` is in the set.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let Some(&b) = word.as_bytes().first() else {
            return self.holds(word);
        };
        self.lengths & length_bit(word) != 0
            && self.first_bytes[usize::from(b >> 6)] & (1 << (b & 63)) != 0
            && self.holds(word)
    }
}

#[inline]
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
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.set().contains(word)
    }

    /// Whether the word of token `i` of `s` is in the list.
    #[inline]
    pub fn contains_at(&self, s: &super::Sentence, i: usize) -> bool {
        self.set().contains_at(s, i)
    }

    /// The set itself, for a loop that asks it at every token (and so
    /// fetches it once).
    #[inline]
    pub fn set(&self) -> &WordSet {
        self.set.get_or_init(|| WordSet::new(self.list.iter().copied()))
    }
}

/// Words of time that stand alone or after "on", "in", "last", "this",
/// "next", "early", "late", "mid" in an adjunct ("on Monday", "last week").
pub static TIME_WORDS: StaticWords = StaticWords::new(&[
    "week",
    "weekend",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "day",
    "today",
    "yesterday",
    "overnight",
    "weeks",
    "months",
    "years",
    "days",
    "hours",
]);
/// Words that open a time adjunct.
pub const TIME_OPENERS: &[&str] = &[
    "on", "in", "last", "this", "next", "early", "late", "mid", "earlier", "later", "for",
];
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

/// A set of hashes as a table of bits (a Bloom filter of one hash):
/// "no" is certain, "yes" needs the real lookup.
// (an array of fixed size, not a vector: the index of a hash's word is
// below its length by construction, and so a lookup, asked at almost every
// token by some set, has no bounds check)
#[derive(Debug, Clone)]
pub struct HashBits(Box<[u64; HashBits::WORDS]>);

impl HashBits {
    /// 2^16 bits (8 KB): for a few thousand hashes, a "yes" for about
    /// one word in twenty that starts no pattern.
    const BITS: u32 = 16;
    /// The table's words of 64 bits.
    const WORDS: usize = 1 << (Self::BITS - 6);

    /// The table of `hashes`.
    pub fn new(hashes: impl Iterator<Item = u64>) -> Self {
        let mut table: Box<[u64; Self::WORDS]> = vec![0u64; Self::WORDS]
            .into_boxed_slice()
            .try_into()
            .expect("a table of WORDS words");
        for h in hashes {
            let b = Self::bit(h);
            table[b >> 6] |= 1 << (b & 63);
        }
        HashBits(table)
    }

    #[inline]
    fn bit(hash: u64) -> usize {
        // the high bits: FxHash mixes into them
        (hash >> (64 - Self::BITS)) as usize
    }

    /// Whether `hash` may be in the set (`false`: it is not).
    #[inline]
    pub fn may_hold(&self, hash: u64) -> bool {
        let b = Self::bit(hash);
        self.0[b >> 6] & (1 << (b & 63)) != 0
    }
}

impl Default for HashBits {
    fn default() -> Self {
        HashBits::new(std::iter::empty())
    }
}

impl HashBits {
    /// Add a hash to the set.
    pub fn insert(&mut self, hash: u64) {
        let b = Self::bit(hash);
        self.0[b >> 6] |= 1 << (b & 63);
    }
}

/// Words with a value each, looked up at a token of a sentence: the hash
/// the token carries ([`super::Token::first_word_hash`]) turns most tokens
/// away before any text is hashed or compared. Words with a space inside
/// are kept too, but looked up by their text alone ([`TokenWords::get`]).
#[derive(Debug, Clone)]
pub struct TokenWords<V> {
    map: rustc_hash::FxHashMap<String, V>,
    bits: HashBits,
}

impl<V> Default for TokenWords<V> {
    fn default() -> Self {
        TokenWords {
            map: Default::default(),
            bits: HashBits::default(),
        }
    }
}

impl<V> IntoIterator for TokenWords<V> {
    type Item = (String, V);
    type IntoIter = std::collections::hash_map::IntoIter<String, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.map.into_iter()
    }
}

impl<V> TokenWords<V> {
    /// Add a word (a normal form) and its value; a word added twice keeps
    /// the later value.
    pub fn insert(&mut self, word: String, value: V) {
        self.bits.insert(super::word_hash(&word));
        self.map.insert(word, value);
    }

    /// The value of a word.
    pub fn get(&self, word: &str) -> Option<&V> {
        self.map.get(word)
    }

    /// The value of the word of token `i` of `s`, if it is one of these.
    #[inline]
    pub fn at(&self, s: &super::Sentence, i: usize) -> Option<&V> {
        let t = s.tokens.get(i)?;
        if !self.bits.may_hold(t.first_word_hash) {
            return None;
        }
        self.lookup(t.norm(s))
    }

    /// The lookup behind a "yes" of the bits, out of line.
    #[inline(never)]
    fn lookup(&self, word: &str) -> Option<&V> {
        self.map.get(word)
    }
}

impl TokenWords<()> {
    /// Whether `word` is one of these.
    pub fn contains(&self, word: &str) -> bool {
        self.map.contains_key(word)
    }

    /// Whether the word of token `i` of `s` is one of these.
    #[inline]
    pub fn contains_at(&self, s: &super::Sentence, i: usize) -> bool {
        self.at(s, i).is_some()
    }
}

impl Extend<String> for TokenWords<()> {
    fn extend<I: IntoIterator<Item = String>>(&mut self, words: I) {
        for w in words {
            self.insert(w, ());
        }
    }
}

impl FromIterator<String> for TokenWords<()> {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> Self {
        let mut set = TokenWords::default();
        set.extend(words);
        set
    }
}
