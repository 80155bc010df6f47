//! The slot right of a trigger (the first phrase after it within a few
//! words, crossing an appositive comma, amounts, those who act for a body
//! and offices, but no preposition) and the slot between two words.

use super::{acts_for_body, View, FORCE_WORDS, MAX_FILLER, OFFICE_WORDS, PREPOSITIONS, QUANTITY_WORDS};
use crate::text::{Case, TokenKind};

impl View<'_> {
    /// The phrase right of `from`.
    pub(in crate::extract) fn right_slot(&self, from: usize) -> Vec<usize> {
        let mut j = from;
        let mut filler = 0;
        while j < self.s.tokens.len() {
            if let Some(m) = self.starts[j] {
                if self.possessive_after(m) {
                    if let Some(noun) = self.relational_noun_after(self.after_possessive(m)) {
                        // "threats against America's allies": not America,
                        // but the allies if the sentence names them ("the
                        // United States' biggest trading partners — Mexico,
                        // Canada ...")
                        // (a comma alone is not enough: "met Sudan's allies,
                        // Burhan said")
                        let mut k = noun + 1;
                        let mut introduced = false;
                        while k < self.s.tokens.len()
                            && (self.is_comma(k)
                                || self.s.tokens[k].kind == TokenKind::Joiner
                                || matches!(self.norm(k), "—" | "–" | ":" | "including" | "the"))
                        {
                            introduced |= !self.is_comma(k) && self.norm(k) != "the";
                            k += 1;
                        }
                        return match self.starts.get(k).copied().flatten() {
                            Some(n) if introduced => self.list_right(n),
                            _ => Vec::new(),
                        };
                    }
                }
                let head = self.skip_to_mention(j, 0).unwrap_or(m);
                return self.list_right(head);
            }
            let t = &self.s.tokens[j];
            let w = self.norm(j);
            if t.kind == TokenKind::Punct {
                // an appositive: "the retired Libyan brigade, Khalifa Hifter"
                if w == "," && filler > 0 && self.starts.get(j + 1).copied().flatten().is_some() {
                    j += 1;
                    continue;
                }
                if w == "\"" || w == "\u{201c}" {
                    j += 1;
                    continue;
                }
                // "$20 billion worth of", "5% of": an amount
                if matches!(w, "$" | "€" | "£" | "%") {
                    filler += 1;
                    j += 1;
                    continue;
                }
                return Vec::new();
            }
            if w == "of" && filler > 0 && acts_for_body(self.norm(j - 1)) {
                // "met officials of Uganda", "retook the town from fighters
                // of al-Shabab": those who act for a body are it
                if let Some(m) = self.skip_to_mention(j + 1, 2) {
                    return self.list_right(m);
                }
            }
            if w == "of" && filler > 0 && OFFICE_WORDS.contains(self.norm(j - 1)) {
                // "talks with commander of the LNA (LNA) Khalifa Haftar": an
                // office of a body, then the person who holds it; "the
                // Minister of Justice in the Al-Wefaq government": an office
                // of the body, which stands for it
                let n = self.s.tokens.len();
                let mut k = j + 1;
                let mut titles = 0;
                while k < n && self.starts[k].is_none() && titles < 4 {
                    let t = &self.s.tokens[k];
                    let x = self.norm(k);
                    let ok = x == "the"
                        || (t.kind == TokenKind::Word && t.case == Case::Title)
                        || (titles > 0 && matches!(x, "in" | "of"));
                    if !ok {
                        break;
                    }
                    titles += 1;
                    k += 1;
                }
                if let Some(org) = self.starts.get(k).copied().flatten() {
                    let after = self.skip_parenthetical(self.mentions[org].end_token);
                    return match self.starts.get(after).copied().flatten() {
                        Some(person) => self.list_right(person),
                        None => vec![org],
                    };
                }
            }
            // "defied the state court and Christian Schmidt": a list whose
            // first member names no actor keeps those that do, unless the
            // name after "and" opens a clause of its own ("backed the plan
            // and Ukraine rejected it")
            if matches!(w, "and" | "or") && filler > 0 {
                let Some(m) = self.skip_to_mention(j + 1, 1) else {
                    return Vec::new();
                };
                let list = self.list_right(m);
                let end = list.iter().map(|&x| self.mentions[x].end_token).max().unwrap_or(j);
                let ends_phrase = self
                    .s
                    .tokens
                    .get(end)
                    .is_none_or(|t| t.kind == TokenKind::Punct || PREPOSITIONS.contains(self.norm(end)));
                return if ends_phrase { list } else { Vec::new() };
            }
            // "killed at least 20 soldiers": a bound on a number
            if w == "at"
                && self
                    .s
                    .tokens
                    .get(j + 1)
                    .is_some_and(|_| matches!(self.norm(j + 1), "least" | "most"))
            {
                filler += 2;
                j += 2;
                continue;
            }
            if PREPOSITIONS.contains(w) {
                // "backed by fighters from Iran": men from a place are its
                if w == "from" && filler > 0 && FORCE_WORDS.contains(self.norm(j - 1)) {
                    j += 1;
                    continue;
                }
                // "tariffs on $20 billion worth of U.S. exports": a quantity
                // of something is that something
                if w == "of" && filler > 0 && QUANTITY_WORDS.contains(self.norm(j - 1)) {
                    j += 1;
                    continue;
                }
                return Vec::new();
            }
            filler += 1;
            if filler > MAX_FILLER {
                return Vec::new();
            }
            j += 1;
        }
        Vec::new()
    }

    /// Whether token `i`, right after "to", reads as a bare verb: a
    /// lower-case word that names no actor, followed by a determiner or
    /// a name ("to monitor the RSF", "to pressure Kigali"). Words of a
    /// place or a kind before a name are no verbs: "to neighbouring
    /// Chad", "to eastern Ukraine", "to all the parties".
    pub(in crate::extract) fn infinitive_at(&self, i: usize) -> bool {
        const NOT_VERBS: &[&str] = &[
            "all", "both", "each", "some", "many", "several", "other", "the", "a", "an", "its", "their", "his", "her",
            "our",
        ];
        let t = &self.s.tokens[i];
        let w = self.norm(i);
        let object_follows = self.starts.get(i + 1).copied().flatten().is_some()
            || self.s.tokens.get(i + 1).is_some_and(|_| {
                matches!(
                    self.norm(i + 1),
                    "the" | "a" | "an" | "its" | "their" | "his" | "her" | "them" | "it"
                )
            });
        t.kind == TokenKind::Word
            && t.case == Case::Lower
            && self.starts[i].is_none()
            && !NOT_VERBS.contains(&w)
            && !["ing", "ed", "ern"].iter().any(|e| w.ends_with(e))
            && object_follows
    }

    /// Mentions wholly inside tokens `a..b`, as a list.
    pub(in crate::extract) fn between(&self, a: usize, b: usize) -> Vec<usize> {
        (a..b)
            .filter_map(|j| self.starts[j])
            .filter(|&m| self.mentions[m].end_token <= b)
            .take(1)
            .flat_map(|m| self.list_right(m))
            .filter(|&m| self.mentions[m].end_token <= b)
            .collect()
    }
}
