//! The patterns indexed for the matcher: each word set of a pattern
//! ([`Forms`]) with the hashes of its forms, the triggers by the hash of
//! their first word, and which word sets a sentence holds ([`Presence`]),
//! so that a token is looked up once and a pattern tried only where all
//! its words stand.

use super::{Item, Lexicon, Trigger};

/// The forms a word of a pattern matches, with the hash of each
/// ([`crate::text::word_hash`], the hash every token carries), so that a
/// token is compared by its hash and only a hit is compared as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forms {
    /// The forms, in the order of their hashes.
    forms: Vec<String>,
    /// `hashes[k]` is the [`crate::text::word_hash`] of `forms[k]`, sorted.
    hashes: Vec<u64>,
}

impl Forms {
    /// The forms of `forms` (deduplicated here).
    pub fn new(mut forms: Vec<String>) -> Forms {
        forms.sort();
        forms.dedup();
        // in hash order, so that a token's hash finds the one form it may
        // be (or the few that share its hash) without comparing strings
        forms.sort_by_cached_key(|f| (crate::text::word_hash(f), f.clone()));
        let hashes: Vec<u64> = forms.iter().map(|f| crate::text::word_hash(f)).collect();
        Forms { forms, hashes }
    }

    /// Whether a token whose normal form is `form` and whose
    /// [`crate::text::Token::first_word_hash`] is `hash` is one of them.
    pub fn matches(&self, form: &str, hash: u64) -> bool {
        let first = if self.hashes.len() <= 8 {
            self.hashes.iter().position(|&h| h >= hash).unwrap_or(self.hashes.len())
        } else {
            self.hashes.partition_point(|&h| h < hash)
        };
        self.hashes[first..]
            .iter()
            .zip(&self.forms[first..])
            .take_while(|(&h, _)| h == hash)
            .any(|(_, f)| f == form)
    }
}

impl std::ops::Deref for Forms {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.forms
    }
}

/// Which of a lexicon's word sets ([`Forms`]) have a word in a sentence:
/// a pattern is tried only where every one of its words may stand.
/// (Made by [`Lexicon::presence`]; a word that only shares a hash with a
/// form counts as present, which costs a try, never a match.)
#[derive(Debug, Clone, Default)]
pub struct Presence(Vec<u64>);

impl Presence {
    fn holds(&self, id: u32) -> bool {
        self.0[(id >> 6) as usize] & (1 << (id & 63)) != 0
    }
}

/// What the matcher reads of a trigger before it tries it.
#[derive(Debug, Clone)]
pub(super) struct Plan {
    /// The body: the items between the leading and trailing slots.
    body: (u32, u32),
    /// The word sets of the body's words after its first, by their ids.
    rest: Box<[u32]>,
}

impl Lexicon {
    pub(super) fn push(&mut self, t: Trigger) {
        let idx = self.triggers.len();
        if let Some(Item::Word(forms)) = t.items.iter().find(|i| matches!(i, Item::Word(_))) {
            for &h in &forms.hashes {
                self.pattern_words.insert(h);
                let list = self.by_first_hash.entry(h).or_default();
                if list.last() != Some(&idx) {
                    list.push(idx);
                }
            }
        }
        let plan = self.plan_of(&t.items);
        self.plans.push(plan);
        self.triggers.push(t);
    }

    /// The plan of a trigger's items, its word sets numbered.
    fn plan_of(&mut self, items: &[Item]) -> Plan {
        let start = usize::from(!matches!(items.first(), Some(Item::Word(_))));
        let end = items.len() - usize::from(items.len() > start && !matches!(items.last(), Some(Item::Word(_))));
        let mut rest = Vec::new();
        for item in items[start..end].iter().skip(1) {
            let Item::Word(f) = item else { continue };
            let next = self.forms_ids.len() as u32;
            let id = *self.forms_ids.entry(f.hashes.clone()).or_insert(next);
            if id == next {
                for &h in &f.hashes {
                    self.pattern_words.insert(h);
                    self.sets_of_hash.entry(h).or_default().push(id);
                }
            }
            rest.push(id);
        }
        Plan {
            body: (start as u32, end as u32),
            rest: rest.into(),
        }
    }

    /// Which word sets of the patterns have a word in sentence `s`.
    pub fn presence(&self, s: &crate::text::Sentence) -> Presence {
        let mut bits = vec![0u64; self.forms_ids.len().div_ceil(64).max(1)];
        for t in s
            .tokens
            .iter()
            .filter(|t| self.pattern_words.may_hold(t.first_word_hash))
        {
            for &id in self.sets_of_hash.get(&t.first_word_hash).map_or(&[][..], Vec::as_slice) {
                bits[(id >> 6) as usize] |= 1 << (id & 63);
            }
        }
        Presence(bits)
    }

    /// Triggers whose first word has the normal form `form`.
    pub fn starting_with<'a>(&'a self, form: &'a str) -> impl Iterator<Item = usize> + 'a {
        let hash = crate::text::word_hash(form);
        self.starting_with_hash(hash)
            .iter()
            .copied()
            .filter(move |&ti| matches!(self.body(ti).first(), Some(Item::Word(f)) if f.matches(form, hash)))
    }

    /// Triggers whose first word may be a token of this
    /// [`crate::text::Token::first_word_hash`]: those of
    /// [`Lexicon::starting_with`] its form, and any whose first word only
    /// shares the hash (the matcher compares the words themselves).
    pub fn starting_with_hash(&self, hash: u64) -> &[usize] {
        if !self.pattern_words.may_hold(hash) {
            return &[];
        }
        self.by_first_hash.get(&hash).map_or(&[], Vec::as_slice)
    }

    /// The items of trigger `ti` between its leading and trailing slots.
    pub fn body(&self, ti: usize) -> &[Item] {
        let p = &self.plans[ti];
        &self.triggers[ti].items[p.body.0 as usize..p.body.1 as usize]
    }

    /// Whether every word of trigger `ti` after its first may stand in a
    /// sentence of this [`Presence`] (if not, it cannot match there).
    pub fn may_match_in(&self, ti: usize, present: &Presence) -> bool {
        self.plans[ti].rest.iter().all(|&id| present.holds(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_every_pattern_is_found_by_its_hash_and_no_other_word_is() {
        let lex = Lexicon::embedded();
        let strangers = ["the", "of", "backe", "meetings", "x"];
        for t in lex.triggers() {
            for item in &t.items {
                if let Item::Word(forms) = item {
                    assert!(forms.hashes.windows(2).all(|w| w[0] <= w[1]), "{}", t.pattern);
                    for f in forms.iter() {
                        assert!(forms.matches(f, crate::text::word_hash(f)), "{}: {f}", t.pattern);
                    }
                    for w in strangers.iter().filter(|w| !forms.contains(&w.to_string())) {
                        assert!(!forms.matches(w, crate::text::word_hash(w)), "{}: {w}", t.pattern);
                    }
                }
            }
        }
    }

    #[test]
    fn forms_that_share_a_hash_are_told_apart_by_their_text() {
        let forms = Forms {
            forms: vec!["met".into(), "meet".into()],
            hashes: vec![7, 7],
        };
        assert!(forms.matches("meet", 7) && forms.matches("met", 7));
        assert!(!forms.matches("meets", 7));
        assert!(!forms.matches("meet", 8));
    }

    #[test]
    fn a_pattern_is_tried_only_where_all_its_words_stand() {
        let lex = Lexicon::embedded();
        let sentence = |text: &str| crate::text::segment(text).remove(0);
        let with = sentence("Ghana is backed by Togo.");
        let without = sentence("Ghana is backed in Togo.");
        let passive = lex
            .starting_with("backed")
            .find(|&i| lex.triggers()[i].passive && lex.body(i).len() == 2)
            .expect("a passive \"T backed by S\"");
        assert!(lex.may_match_in(passive, &lex.presence(&with)));
        assert!(!lex.may_match_in(passive, &lex.presence(&without)));
        assert!(lex
            .starting_with_hash(crate::text::word_hash("backed"))
            .contains(&passive));
    }
}
