//! Relational nouns: "Algeria, the Polisario Front's chief patron",
//! "Serbia's main backer, Russia". The possessor is the target of the
//! relation the noun gives, the name in apposition its source.

use super::{View, PREPOSITIONS};
use crate::extract::Found;
use crate::text::TokenKind;

impl View<'_> {
    /// The index of a relational noun ("ally", "backer") that stands at
    /// `at` or after up to three modifiers ("closest", "main military").
    pub(super) fn relational_noun_after(&self, at: usize) -> Option<usize> {
        let n = self.s.tokens.len();
        for k in at..(at + 4).min(n) {
            if self.relational[k].is_some() {
                return Some(k);
            }
            let t = &self.s.tokens[k];
            if t.kind != TokenKind::Word || self.starts[k].is_some() || PREPOSITIONS.contains(self.norm(k)) {
                return None;
            }
        }
        None
    }

    /// Events of relational nouns: "Algeria, the Polisario Front's chief
    /// patron, ...", "Turkey, one of Somalia's closest allies",
    /// "Serbia's main backer, Russia", "Rwanda is the M23's sponsor". The
    /// possessor is the target; the source is the name in apposition, the
    /// name after the noun, or the subject of "is".
    pub(in crate::extract) fn relational_events(&self, out: &mut Vec<Found>) {
        let n = self.s.tokens.len();
        for (m, mention) in self.mentions.iter().enumerate() {
            if self.starts[mention.first_token] != Some(m) || !self.possessive_after(m) {
                continue;
            }
            let Some(noun) = self.relational_noun_after(self.after_possessive(m)) else {
                continue;
            };
            let Some(Some(relation)) = self.relational[noun] else {
                continue;
            };
            // back over "the", "a", "one of (the)" before the possessor
            let mut q = mention.first_token;
            while q > 0 && matches!(self.norm(q - 1), "the" | "a" | "an" | "one" | "of" | "among") {
                q -= 1;
            }
            let source = if q >= 2 && self.is_comma(q - 1) && self.ends[q - 2].is_some() {
                self.ends[q - 2]
            } else if q >= 2
                && matches!(
                    self.norm(q - 1),
                    "is" | "was" | "are" | "were" | "remains" | "remained" | "became" | "become" | "been"
                )
            {
                (0..q - 1).rev().take(4).find_map(|k| self.ends[k])
            } else {
                // "Serbia's main backer Russia", "Serbia's main backer,
                // Russia, ...": after a comma, the name must close with
                // one ("America's allies, Trump said" is no apposition)
                let comma = noun + 1 < n && self.is_comma(noun + 1);
                let k = noun + 1 + usize::from(comma);
                self.starts
                    .get(k)
                    .copied()
                    .flatten()
                    .filter(|&m| !comma || self.is_comma(self.mentions[m].end_token))
            };
            let Some(source) = source else { continue };
            out.push(Found {
                relation,
                reported_source: false,
                sources: vec![self.mentions[source].actor],
                targets: vec![mention.actor],
                pairs: false,
                mutual: false,
                first: noun,
                end: noun + 1,
            });
        }
    }

    /// Whether a noun phrase in apposition starts at `at`: "a longtime
    /// backer of", "the main patron of", "one of", "Serbia's main backer".
    pub(super) fn opens_apposition(&self, at: usize) -> bool {
        at < self.s.tokens.len()
            && (matches!(
                self.norm(at),
                "a" | "an" | "the" | "one" | "its" | "his" | "her" | "their"
            ) || self.starts[at].is_some_and(|m| self.possessive_after(m)))
    }
}
