//! Coordinated lists: a mention extended over "A, B and C" to its right
//! or left, names joined by a hyphen ("Kenya-U.S."), and what may stand
//! before a name in a list (titles, possessives, "(LNA)").

use super::{View, OFFICE_WORDS, POSSESSIVE_PRONOUNS, PREPOSITIONS};
use crate::text::{Case, TokenKind};

impl View<'_> {
    /// Extend mention `m` over a coordinated list to the right.
    pub(super) fn list_right(&self, m: usize) -> Vec<usize> {
        let mut out = vec![m];
        let mut at = self.mentions[m].end_token;
        let mut conjunctions = 0;
        let mut joined = false;
        loop {
            // "a joint Kenya-U.S. base", "the Ethiopia-Eritrea border":
            // names joined by a hyphen are a list
            if let Some(n) = self.joined_after(at) {
                out.push(n);
                at = self.mentions[n].end_token;
                joined = true;
                continue;
            }
            let mut j = self.skip_parenthetical(at);
            let mut saw_sep = false;
            let mut and_here = 0;
            while j < self.s.tokens.len() && (self.is_comma(j) || matches!(self.norm(j), "and" | "or" | "as" | "well"))
            {
                and_here += usize::from(matches!(self.norm(j), "and" | "or"));
                saw_sep = true;
                j += 1;
            }
            // one list has one "and": a second one joins clauses
            if !saw_sep || conjunctions + and_here > 1 {
                break;
            }
            // "Rwanda accused Burundi, and Tanzania called for calm": a
            // comma before "and" after a single name joins two clauses
            if out.len() == 1 && and_here > 0 && self.is_comma(j.saturating_sub(and_here + 1)) {
                break;
            }
            // the preposition repeated: "by Iran and by Hezbollah"
            if j < self.s.tokens.len()
                && matches!(
                    self.norm(j),
                    "by" | "from" | "with" | "to" | "against" | "on" | "for" | "of" | "in"
                )
            {
                j += 1;
            }
            conjunctions += and_here;
            match self.skip_to_mention(j, 4) {
                Some(n) => {
                    out.push(n);
                    at = self.mentions[n].end_token;
                }
                None => break,
            }
        }
        // a list has a conjunction: "the Houthis, Okafor said" is none
        if conjunctions == 0 && !joined {
            out.truncate(1);
        }
        out
    }

    /// The mention joined by a hyphen to the name ending at `end`
    /// ("Kenya-U.S."), if one starts right after it.
    fn joined_after(&self, end: usize) -> Option<usize> {
        let t = self.s.tokens.get(end)?;
        if t.kind != TokenKind::Joiner || end == 0 || self.s.tokens[end - 1].end != t.start {
            return None;
        }
        let n = self.starts.get(end + 1).copied().flatten()?;
        (self.s.tokens[end + 1].start == t.end).then_some(n)
    }

    /// Past "(AQIM)" or "(LNA)" right after a name.
    pub(super) fn skip_parenthetical(&self, at: usize) -> usize {
        if at < self.s.tokens.len() && self.norm(at) == "(" {
            for k in at + 1..(at + 8).min(self.s.tokens.len()) {
                if self.norm(k) == ")" {
                    return k + 1;
                }
            }
        }
        at
    }

    /// From token `j`, pass "the", titles and possessive modifiers
    /// ("Ukraine's President") to the next mention, within `max` words.
    pub(super) fn skip_to_mention(&self, mut j: usize, max: usize) -> Option<usize> {
        let mut skipped = 0;
        while j < self.s.tokens.len() && skipped <= max {
            if let Some(n) = self.starts[j] {
                // (or a body before an office: "Sudan's army chief X",
                // "the RSF commander X")
                let office_after = self
                    .s
                    .tokens
                    .get(self.mentions[n].end_token)
                    .is_some_and(|_| OFFICE_WORDS.contains(self.norm(self.mentions[n].end_token)));
                if self.possessive_after(n) || office_after {
                    // a modifier: prefer the head's mention if one follows
                    let after = self.after_possessive(n);
                    // "against America's allies": the allies, not America
                    if self.relational_noun_after(after).is_some() {
                        return None;
                    }
                    let window = after..(after + 4).min(self.s.tokens.len());
                    for k in window.clone() {
                        if let Some(h) = self.starts[k] {
                            return Some(h);
                        }
                        // only titles between: "Ukraine's President Petro
                        // Poroshenko", "his Turkish counterpart, X", or
                        // nouns before an office ("Myanmar's junta chief
                        // Min Aung Hlaing", "Sudan's army chief X")
                        let t = &self.s.tokens[k];
                        let office_follows = || (k + 1..window.end).any(|j| OFFICE_WORDS.contains(self.norm(j)));
                        let titleish = t.kind == TokenKind::Word
                            && (t.case == Case::Title
                                || OFFICE_WORDS.contains(self.norm(k))
                                || self.norm(k) == "counterpart"
                                || (t.case == Case::Lower && office_follows()));
                        if !titleish && !self.is_comma(k) {
                            break;
                        }
                    }
                }
                return Some(n);
            }
            let t = &self.s.tokens[j];
            let w = self.norm(j);
            let passable = w == "the"
                || w == "his"
                || w == "her"
                || w == "its"
                || w == "their"
                || (t.kind == TokenKind::Word && t.case == Case::Title && !PREPOSITIONS.contains(w))
                || t.kind == TokenKind::Joiner;
            if !passable {
                return None;
            }
            skipped += 1;
            j += 1;
        }
        None
    }

    /// From token `j` (exclusive), pass back over what may stand before a
    /// name in a list: titles ("German Chancellor"), possessive modifiers
    /// ("Ukraine's President"), "the", "his".
    pub(super) fn titles_back(&self, mut j: usize) -> usize {
        let mut passed = 0;
        let mut office = false;
        while j > 0 && passed < 6 {
            let t = &self.s.tokens[j - 1];
            let w = self.norm(j - 1);
            if t.kind == TokenKind::Possessive {
                if let Some(m) = self.ends.get(j.wrapping_sub(2)).copied().flatten() {
                    j = self.mentions[m].first_token;
                    passed += 1;
                    continue;
                }
                break;
            }
            if w == ")" {
                // "Government of National Accord (GNA) head"
                match (j.saturating_sub(6)..j - 1).rev().find(|&k| self.norm(k) == "(") {
                    Some(k) => {
                        j = k;
                        passed += 1;
                        continue;
                    }
                    None => break,
                }
            }
            if let Some(m) = self.ends[j - 1] {
                // a description glued to the name: "German Chancellor Angela Merkel"
                let same = self
                    .starts
                    .get(j)
                    .copied()
                    .flatten()
                    .is_some_and(|n| self.mentions[n].actor == self.mentions[m].actor);
                // "his Russian counterpart": a possessive pronoun
                let pronoun = self.mentions[m].end_token == self.mentions[m].first_token + 1
                    && POSSESSIVE_PRONOUNS.contains(&self.norm(self.mentions[m].first_token));
                if same || pronoun {
                    j = self.mentions[m].first_token;
                    passed += 1;
                    continue;
                }
                // an organisation before an office: "GNA head X",
                // "Government of National Accord (GNA) head X"
                if office {
                    j = self.mentions[m].first_token;
                    passed += 1;
                    continue;
                }
                break;
            }
            let title = t.kind == TokenKind::Word
                && (t.case == Case::Title
                    || matches!(w, "the" | "his" | "her" | "its" | "their")
                    || OFFICE_WORDS.contains(w))
                && !matches!(w, "and" | "or");
            if !title {
                break;
            }
            office |= OFFICE_WORDS.contains(w);
            j -= 1;
            passed += 1;
        }
        j
    }

    /// Extend mention `m` over a coordinated list to the left: "A, B and
    /// C", "A and President B", "A and his Russian counterpart, B".
    pub(super) fn list_left(&self, m: usize) -> Vec<usize> {
        let mut out = vec![m];
        let mut first = self.mentions[m].first_token;
        loop {
            let mut j = self.titles_back(first);
            // "Tshisekedi and other Congolese officials"
            if j > 1 && self.norm(j - 1) == "other" && matches!(self.norm(j - 2), "and" | "or") {
                j -= 1;
            }
            let sep_start = j;
            let mut conjunction = false;
            while j > 0 && (self.is_comma(j - 1) || matches!(self.norm(j - 1), "and" | "or")) {
                conjunction |= !self.is_comma(j - 1);
                j -= 1;
            }
            if j == sep_start || j == 0 {
                break;
            }
            // a list ends in "and X": a bare comma before the last name is
            // no list ("..., the Houthis, Okafor said"), unless the name
            // before is the same actor in apposition ("his Russian
            // counterpart, Sergey Lavrov")
            let appositive = self.ends[j - 1].is_some_and(|p| self.mentions[p].actor == self.mentions[m].actor);
            if out.len() == 1 && !conjunction && !appositive {
                break;
            }
            // "Chad condemned the RSF, and Sudan blamed Wagner": a comma
            // and "and" before the last of two names join two clauses; a
            // list of three has another comma before its second name
            if out.len() == 1 && conjunction && (j..sep_start).any(|k| self.is_comma(k)) {
                let longer = self.ends[j - 1].is_some_and(|p| {
                    let b = self.titles_back(self.mentions[p].first_token);
                    b > 0 && self.is_comma(b - 1)
                });
                if !longer {
                    break;
                }
            }
            let next = match self.ends[j - 1] {
                Some(n) if !self.possessive_after(n) => Some(n),
                Some(_) => None,
                None if self.is_comma(sep_start - 1) => {
                    // an appositive lead-in: "and his Russian counterpart,"
                    let mut k = j;
                    let mut words = 0;
                    while k > 0
                        && words < 4
                        && self.s.tokens[k - 1].kind == TokenKind::Word
                        && self.ends[k - 1].is_none()
                    {
                        if matches!(self.norm(k - 1), "and" | "or") {
                            break;
                        }
                        k -= 1;
                        words += 1;
                    }
                    if k > 1 && matches!(self.norm(k - 1), "and" | "or") {
                        self.ends[k - 2].filter(|&n| !self.possessive_after(n))
                    } else {
                        None
                    }
                }
                None => None,
            };
            match next {
                Some(n) => {
                    out.push(n);
                    first = self.mentions[n].first_token;
                }
                None => break,
            }
        }
        out.reverse();
        out
    }

    /// The first token of the raw list (separators only, no PP check)
    /// that ends with mention `m`.
    pub(super) fn list_start(&self, m: usize) -> usize {
        let mut first = self.mentions[m].first_token;
        let mut conjunctions = 0;
        loop {
            let mut j = self.titles_back(first);
            let sep_start = j;
            while j > 0 && (self.is_comma(j - 1) || matches!(self.norm(j - 1), "and" | "or")) {
                if matches!(self.norm(j - 1), "and" | "or") {
                    conjunctions += 1;
                }
                j -= 1;
            }
            // one list has one "and": a second one joins clauses
            if j == sep_start || j == 0 || conjunctions > 1 {
                return first;
            }
            match self.ends[j - 1] {
                Some(n) => first = self.mentions[n].first_token,
                None => return first,
            }
        }
    }
}
