//! Sets of normalised multi-word phrases (cue words of the linking rules),
//! matched at a token of a sentence by the hash every token carries.

use rustc_hash::FxHashMap;

use crate::text::{normalize_phrase, word_hash, HashBits, Sentence, TokenKind};

/// Normalised multi-word phrases, matched on token normal forms, indexed
/// by their first and last words so a token that starts none costs one
/// hash lookup.
#[derive(Debug, Clone)]
pub(super) struct PhraseSet {
    phrases: Vec<Vec<String>>,
    /// Hash of a first word -> phrases starting with it, longest first.
    /// (Looked up with the hash each token carries; the words are then
    /// compared, so a collision costs a comparison, never a wrong match.)
    by_first: FxHashMap<u64, Vec<usize>>,
    /// Hash of a last word -> phrases ending with it, longest first.
    by_last: FxHashMap<u64, Vec<usize>>,
    /// Both sets of hashes as bits, to turn most tokens away unprobed.
    firsts: HashBits,
    lasts: HashBits,
}

impl PhraseSet {
    pub(super) fn new(list: &[String]) -> Self {
        let mut phrases: Vec<Vec<String>> = list
            .iter()
            .map(|p| normalize_phrase(p).0.split_whitespace().map(str::to_string).collect())
            .filter(|v: &Vec<String>| !v.is_empty())
            .collect();
        // longest first, so the widest phrase wins
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let mut by_first: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut by_last: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (i, p) in phrases.iter().enumerate() {
            by_first.entry(word_hash(&p[0])).or_default().push(i);
            by_last.entry(word_hash(&p[p.len() - 1])).or_default().push(i);
        }
        PhraseSet {
            phrases,
            firsts: HashBits::new(by_first.keys().copied()),
            lasts: HashBits::new(by_last.keys().copied()),
            by_first,
            by_last,
        }
    }

    /// A set of noun phrases written in the singular, each matched in the
    /// plural too ("boat" is "boats", "coast guard" is "coast guards"): the
    /// head's regular -s form is derived, so a list names a noun once. A
    /// phrase already ending in "s" ("forces", "goods") or holding "of"
    /// (whose head is not its last word) stands as written.
    pub(super) fn nouns(list: &[String]) -> Self {
        let mut all: Vec<String> = Vec::with_capacity(list.len() * 2);
        for p in list {
            all.push(p.clone());
            let words: Vec<&str> = p.split_whitespace().collect();
            if let Some((last, head)) = words.split_last() {
                if !last.ends_with('s') && !words.contains(&"of") {
                    let mut plural: Vec<String> = head.iter().map(|w| w.to_string()).collect();
                    plural.push(crate::text::s_form(last));
                    all.push(plural.join(" "));
                }
            }
        }
        PhraseSet::new(&all)
    }

    /// Whether some phrase may start at some token of `s` (if not, none
    /// matches anywhere in it: a pass that looks for these phrases can be
    /// skipped).
    #[inline]
    pub(super) fn may_occur_in(&self, s: &Sentence) -> bool {
        s.tokens.iter().any(|t| self.firsts.may_hold(t.first_word_hash))
    }

    /// Length in tokens of the longest phrase starting at token `i` (words
    /// only, joiners skipped), and the index one past it.
    // (inlined: passes ask it at every token, and one bit turns most
    // away; the comparison is out of line)
    #[inline]
    pub(super) fn match_at(&self, s: &Sentence, i: usize) -> Option<usize> {
        let mut i = i;
        while s.tokens.get(i).is_some_and(|k| k.kind == TokenKind::Joiner) {
            i += 1;
        }
        let h = s.tokens.get(i)?.first_word_hash;
        if !self.firsts.may_hold(h) {
            return None;
        }
        self.match_from(s, i, h)
    }

    /// [`PhraseSet::match_at`] past the bits: token `i` (a word) has hash
    /// `h`, which may start a phrase.
    #[inline(never)]
    fn match_from(&self, s: &Sentence, i: usize, h: u64) -> Option<usize> {
        let cands = self.by_first.get(&h)?;
        'next: for &pi in cands {
            let mut t = i;
            for w in &self.phrases[pi] {
                while s.tokens.get(t).is_some_and(|k| k.kind == TokenKind::Joiner) {
                    t += 1;
                }
                match s.tokens.get(t) {
                    Some(k) if k.norm(s) == w => t += 1,
                    _ => continue 'next,
                }
            }
            return Some(t);
        }
        None
    }

    /// The index where a phrase ends exactly at token `end` (exclusive)
    /// begins, if one does.
    #[inline]
    pub(super) fn match_ending_at(&self, s: &Sentence, end: usize) -> Option<usize> {
        let h = s.tokens.get(end.checked_sub(1)?)?.first_word_hash;
        if !self.lasts.may_hold(h) {
            return None;
        }
        self.match_ending_from(s, end, h)
    }

    /// [`PhraseSet::match_ending_at`] past the bits.
    #[inline(never)]
    fn match_ending_from(&self, s: &Sentence, end: usize, h: u64) -> Option<usize> {
        let cands = self.by_last.get(&h)?;
        'next: for &pi in cands {
            let p = &self.phrases[pi];
            if p.len() > end {
                continue;
            }
            let mut t = end;
            for w in p.iter().rev() {
                if t == 0 {
                    continue 'next;
                }
                t -= 1;
                if s.tokens[t].norm(s) != w {
                    continue 'next;
                }
            }
            return Some(t);
        }
        None
    }
}
