//! Matching a pattern's words at a token: inflected forms, gaps, a middle
//! slot, and the adjuncts (adverbs, dates, places) that may stand between
//! the words of a pattern.

use super::clause::View;
use super::lexicon::Item;
use crate::text::{Case, TokenKind, CALENDAR_WORDS, TIME_OPENERS, TIME_WORDS};

/// How many words `*` stands for at most.
const MAX_GAP: usize = 5;
/// How many words a middle slot may hold.
const MAX_MIDDLE: usize = 24;

/// Signs of money before an amount, which a gap passes as a word.
const CURRENCY_SIGNS: &[&str] = &["$", "€", "£", "¥"];
/// Words ending in -ly that are not adverbs.
pub(super) const NOT_ADVERBS: &[&str] = &[
    "ally", "rally", "family", "supply", "reply", "apply", "assembly", "italy", "july", "fly", "only", "belly",
    "bully", "anomaly", "monopoly", "comply", "multiply", "rely",
];

/// How many tokens of an adjunct stand at `at`: an adverb ("warmly"), a
/// time ("on Monday", "last week", "in 2023", "on Sunday night"), and
/// where `place` (before the "by" of a passive) a place ("at State House
/// in Nairobi"). Zero where none does.
pub(super) fn adjunct_len(v: &View, at: usize, place: bool) -> usize {
    // memoised as the length plus one (0: not yet known)
    let Some(memo) = v.adjunct_memo.get(at).map(|m| &m[usize::from(place)]) else {
        return 0;
    };
    if memo.get() > 0 {
        return usize::from(memo.get() - 1);
    }
    let len = adjunct_len_uncached(v, at, place);
    memo.set(u8::try_from(len + 1).unwrap_or(u8::MAX));
    len
}

fn adjunct_len_uncached(v: &View, at: usize, place: bool) -> usize {
    let n = v.s.tokens.len();
    let mut k = at;
    let mut steps = 0;
    while k < n && steps < 3 {
        let t = &v.s.tokens[k];
        let w = v.norm(k);
        let adverb = t.kind == TokenKind::Word
            && t.case == Case::Lower
            && w.len() > 4
            && w.ends_with("ly")
            && !NOT_ADVERBS.contains(&w);
        let time = (TIME_WORDS.contains(w) || CALENDAR_WORDS.contains(w))
            && t.kind == TokenKind::Word
            && (w != "may" || t.case == Case::Title);
        if adverb || time {
            k += 1;
        } else if TIME_OPENERS.contains(&w) && k + 1 < n {
            let mut e = k + 1;
            // "on Sunday night", "in mid-March", "in 2023", "for weeks"
            while e < n && e < k + 4 {
                let x = &v.s.tokens[e];
                let xw = v.norm(e);
                if TIME_WORDS.contains(xw)
                    || CALENDAR_WORDS.contains(xw)
                    || x.kind == TokenKind::Number
                    || x.kind == TokenKind::Joiner
                    || xw == "mid"
                {
                    e += 1;
                } else {
                    break;
                }
            }
            if e == k + 1 {
                if place && matches!(w, "in" | "on") {
                    match place_len(v, k) {
                        0 => break,
                        p => k += p,
                    }
                } else {
                    break;
                }
            } else {
                k = e;
            }
        } else if place && matches!(w, "at" | "near" | "outside") {
            match place_len(v, k) {
                0 => break,
                p => k += p,
            }
        } else {
            break;
        }
        steps += 1;
    }
    k - at
}

/// "at State House", "in Nairobi": a preposition and a name of capitalised
/// words (with "the"), no mention among them; its length or zero.
pub(super) fn place_len(v: &View, at: usize) -> usize {
    let n = v.s.tokens.len();
    let mut e = at + 1;
    if e < n && v.norm(e) == "the" {
        e += 1;
    }
    let start = e;
    while e < n
        && e < start + 4
        && v.s.tokens[e].kind == TokenKind::Word
        && v.s.tokens[e].case == Case::Title
        && v.starts[e].is_none()
    {
        e += 1;
    }
    if e == start {
        0
    } else {
        e - at
    }
}

/// Lower-case words inside place names ("Mocimboa da Praia", "Dar es
/// Salaam", "Rio de Janeiro").
const PLACE_PARTICLES: &[&str] = &["da", "de", "do", "del", "des", "es", "el", "al", "la", "le"];

/// How many tokens after token `at` go on a place's name that `at` opens
/// ("Mocimboa da Praia", "Port Harcourt"): capitalised words, and lower-case
/// particles between them, that no mention holds; zero after any other
/// token.
fn place_name_tail(v: &View, at: usize) -> usize {
    let n = v.s.tokens.len();
    let plain_cap = |k: usize| {
        let t = &v.s.tokens[k];
        t.kind == TokenKind::Word && t.case == Case::Title && v.starts[k].is_none() && v.ends[k].is_none()
    };
    let joiner = |k: usize| k < n && v.s.tokens[k].kind == TokenKind::Joiner;
    // "al-Watiya", "el-Fasher": a particle joined to the name opens it
    let mut e = if at + 2 < n && PLACE_PARTICLES.contains(&v.norm(at)) && joiner(at + 1) && plain_cap(at + 2) {
        at + 3
    } else if plain_cap(at) {
        at + 1
    } else {
        return 0;
    };
    loop {
        if e < n && plain_cap(e) {
            e += 1;
        } else if e + 1 < n && joiner(e) && plain_cap(e + 1) {
            // "Mocimboa-da-Praia" written with hyphens, "Ras-Lanuf"
            e += 2;
        } else if e + 1 < n && PLACE_PARTICLES.contains(&v.norm(e)) && plain_cap(e + 1) {
            e += 2;
        } else {
            break;
        }
    }
    e - at - 1
}

/// If `words` stand at token `i` (joiners passed), the index past them.
pub(super) fn phrase_at(v: &View, words: &[String], i: usize) -> Option<usize> {
    let mut t = i;
    for w in words {
        while v.s.tokens.get(t).is_some_and(|k| k.kind == TokenKind::Joiner) {
            t += 1;
        }
        if t >= v.s.tokens.len() || v.norm(t) != w {
            return None;
        }
        t += 1;
    }
    Some(t)
}

/// Match the words, gaps and middle slot of a pattern from token `at`.
/// Returns the index past the match and the span of a middle slot.
pub(super) fn match_body(v: &View, body: &[Item], at: usize) -> Option<(usize, Option<(usize, usize)>)> {
    match_from(v, body, at, true)
}

/// [`match_body`], with adjuncts skipped before the first item only when
/// `adjuncts` (not right after a gap or a middle slot, which try every
/// length themselves).
fn match_from(v: &View, body: &[Item], at: usize, adjuncts: bool) -> Option<(usize, Option<(usize, usize)>)> {
    let Some((first, rest)) = body.split_first() else {
        return Some((at, None));
    };
    let mut at = at;
    while v.s.tokens.get(at).is_some_and(|k| k.kind == TokenKind::Joiner) {
        at += 1;
    }
    match first {
        Item::Word(forms) => {
            let is_word = |k: usize| {
                v.s.tokens
                    .get(k)
                    .is_some_and(|t| t.kind != TokenKind::Punct && forms.matches(v.norm(k), t.first_word_hash))
            };
            if is_word(at) {
                return match_from(v, rest, at + 1, true);
            }
            // "held talks on Tuesday with", "was warmly received at State
            // House in Nairobi by": adverbs, dates and places between the
            // words of a pattern (never before its first word, which the
            // lookup found where it stands)
            if !adjuncts {
                return None;
            }
            let passive_by = forms.len() == 1 && forms[0] == "by";
            let skip = adjunct_len(v, at, passive_by);
            if skip > 0 && is_word(at + skip) {
                return match_from(v, rest, at + skip + 1, true);
            }
            None
        }
        Item::Gap => {
            // a place's name of several words is one word of the gap
            // ("recaptured the port town of Mocimboa da Praia from")
            let mut k = at;
            for _ in 0..=MAX_GAP {
                if let Some(r) = match_from(v, rest, k, false) {
                    return Some(r);
                }
                match v.s.tokens.get(k) {
                    Some(t) if t.kind != TokenKind::Punct => k += 1 + place_name_tail(v, k),
                    // an amount is a word of the gap: "a $1 billion arms sale"
                    Some(_) if CURRENCY_SIGNS.contains(&v.norm(k)) => k += 1,
                    _ => break,
                }
            }
            None
        }
        _ => {
            // a middle slot: the next word must follow within MAX_MIDDLE
            for k in 1..=MAX_MIDDLE {
                if at + k > v.s.tokens.len() {
                    break;
                }
                if let Some((end, _)) = match_from(v, rest, at + k, false) {
                    return Some((end, Some((at, at + k))));
                }
            }
            None
        }
    }
}
