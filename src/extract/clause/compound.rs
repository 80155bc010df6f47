//! Names joined by a hyphen to a participle ("Al-Qaeda-linked JNIM",
//! "Iran-backed Houthis"): such a name modifies the next noun and fills
//! no slot itself.

use crate::text::{Sentence, TokenKind};

/// Participles that make a name before them, joined by a hyphen, a
/// modifier of the next noun: "Al-Qaeda-linked JNIM", "Iran-backed
/// Houthis". Grammar, not any conflict's words.
const COMPOUND_PARTICIPLES: &[&str] = &[
    "linked",
    "based",
    "backed",
    "allied",
    "aligned",
    "affiliated",
    "led",
    "sponsored",
    "funded",
    "supported",
    "armed",
    "trained",
    "controlled",
    "held",
    "run",
    "dominated",
    "occupied",
    "born",
    "made",
    "owned",
    "installed",
    "friendly",
    "brokered",
    "mediated",
    "hosted",
    "facilitated",
];
/// Those of them that say the name supports the noun they modify.
pub(in crate::extract) const SUPPORTING_PARTICIPLES: &[&str] = &[
    "backed",
    "allied",
    "aligned",
    "sponsored",
    "funded",
    "supported",
    "armed",
    "trained",
    "installed",
    "friendly",
];

/// If the tokens from `end` are a hyphen and a participle of
/// [`COMPOUND_PARTICIPLES`], the participle's index.
pub(in crate::extract) fn compound_modifier(s: &Sentence, end: usize) -> Option<usize> {
    if s.tokens.get(end)?.kind != TokenKind::Joiner {
        return None;
    }
    let word = s.tokens.get(end + 1)?;
    (word.kind == TokenKind::Word && COMPOUND_PARTICIPLES.contains(&word.norm(s))).then_some(end + 1)
}

/// Whether token `i` is a participle in -ed (or of
/// [`COMPOUND_PARTICIPLES`]) joined by a hyphen to the word before it:
/// "backed" in "Iran-backed", "mediated" in "Qatari-mediated".
pub(in crate::extract) fn compound_tail(s: &Sentence, i: usize) -> bool {
    i >= 2
        && s.tokens[i - 1].kind == TokenKind::Joiner
        && s.tokens[i].kind == TokenKind::Word
        && (s.tokens[i].norm(s).ends_with("ed") || COMPOUND_PARTICIPLES.contains(&s.tokens[i].norm(s)))
}
