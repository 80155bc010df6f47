//! The ASCII fast path of the tokeniser: most of a document is ASCII, and
//! one pass over its bytes with one table of byte classes gives the tokens
//! the general path ([`super::tokenize_pieces`] over Unicode word bounds)
//! would, without making the pieces first. The parent's tests
//! `ascii_tokens_are_those_of_the_pieces` and
//! `fast_bounds_agree_with_unicode_segmentation` hold the two paths to the
//! same tokens.

use super::*;

/// Classes of bytes, for the loops of [`sentence_bounds`] and
/// [`tokenize_ascii`] that read every byte of a document: one load instead
/// of a chain of comparisons.
pub(super) const ALNUM: u8 = 1;
/// A byte [`sentence_bounds`] stops at: a terminator, a newline, or the
/// first byte of a character that may be one.
pub(super) const BOUND: u8 = 2;
/// White space a token never holds.
pub(super) const SPACE: u8 = 4;
/// An upper-case ASCII letter.
pub(super) const UPPER: u8 = 8;
/// A lower-case ASCII letter.
pub(super) const LOWER: u8 = 16;

pub(super) static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] |= ALNUM;
        }
        if matches!(c, b'\n' | b'\r' | b'.' | b'!' | b'?' | 0xC2 | 0xD8 | 0xE2 | 0xE3) {
            table[b] |= BOUND;
        }
        if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            table[b] |= SPACE;
        }
        if c.is_ascii_uppercase() {
            table[b] |= UPPER;
        }
        if c.is_ascii_lowercase() {
            table[b] |= LOWER;
        }
        b += 1;
    }
    table
};

#[inline]
pub(super) fn byte_is(b: u8, class: u8) -> bool {
    BYTE_CLASS[usize::from(b)] & class != 0
}

/// [`word_bounds`] for ASCII text, on bytes.
pub(super) fn ascii_word_bounds(piece: &str) -> Vec<(usize, &str)> {
    let b = piece.as_bytes();
    let n = b.len();
    // news runs about five bytes to a word and its space
    let mut out = Vec::with_capacity(n / 3 + 4);
    let mut i = 0;
    while i < n {
        let c = b[i];
        let mut j = i + 1;
        if c == b'\r' && b.get(j) == Some(&b'\n') {
            j += 1;
        } else if matches!(c, b'\n' | b'\r' | 0x0B | 0x0C) {
        } else if c.is_ascii_whitespace() || c == b' ' {
            while j < n && (b[j] == b' ' || b[j] == b'\t') {
                j += 1;
            }
        } else if c.is_ascii_alphanumeric() {
            loop {
                while j < n && b[j].is_ascii_alphanumeric() {
                    j += 1;
                }
                let (Some(&mid), Some(&next)) = (b.get(j), b.get(j + 1)) else {
                    break;
                };
                if !joins_word(b[j - 1], mid, next) {
                    break;
                }
                j += 2;
            }
        }
        out.push((i, &piece[i..j]));
        i = j;
    }
    out
}

/// Whether byte `mid`, between `prev` and `next`, joins them into one word
/// (the rule of Unicode word bounds, for ASCII): a full stop or an
/// apostrophe between letters or between digits ("U.S", "don't", "5.5"),
/// a colon between letters, a comma or semicolon between digits ("5,000").
#[inline]
fn joins_word(prev: u8, mid: u8, next: u8) -> bool {
    let letters = prev.is_ascii_alphabetic() && next.is_ascii_alphabetic();
    let digits = prev.is_ascii_digit() && next.is_ascii_digit();
    match mid {
        b'.' | b'\'' => letters || digits,
        b':' => letters,
        b',' | b';' => digits,
        _ => false,
    }
}

/// The end of the word that starts at `i` in `bytes[..end]` (an ASCII
/// letter or digit there), as [`ascii_word_bounds`] draws it, and whether a
/// full stop joined it ("U.S", "5.5").
// (always inlined: called at every word of a document, and a call costs as
// much as the scan of a short word)
#[inline(always)]
pub(super) fn ascii_word_end(bytes: &[u8], i: usize, end: usize) -> (usize, bool) {
    let mut j = i + 1;
    let mut dotted = false;
    loop {
        j += bytes[j..end]
            .iter()
            .position(|&b| !byte_is(b, ALNUM))
            .unwrap_or(end - j);
        if j + 1 >= end {
            return (j, dotted);
        }
        let mid = bytes[j];
        if !joins_word(bytes[j - 1], mid, bytes[j + 1]) {
            return (j, dotted);
        }
        dotted |= mid == b'.';
        j += 2;
    }
}

/// [`tokenize`] of an ASCII piece, in one pass over its bytes: the tokens
/// [`tokenize_pieces`] makes of [`ascii_word_bounds`]'s pieces, without the
/// pieces (most of a document is ASCII, and half the pieces are spaces).
pub(super) fn tokenize_ascii(text: &str, start: usize, end: usize) -> (Vec<Token>, String) {
    let bytes = text.as_bytes();
    let mut norm = String::with_capacity(end - start + 8);
    norm.push(' ');
    // news runs about five bytes to a token
    let mut tokens: Vec<Token> = Vec::with_capacity((end - start) / 4 + 2);
    let mut i = start;
    while i < end {
        let c = bytes[i];
        if byte_is(c, SPACE) {
            i += 1;
            continue;
        }
        if byte_is(c, ALNUM) {
            let (mut wend, mut dotted) = ascii_word_end(bytes, i, end);
            // "U.S" then ".": the abbreviation's stop is glued back on
            if wend < end && bytes[wend] == b'.' && (dotted || (wend == i + 1 && c.is_ascii_uppercase())) {
                wend += 1;
                dotted = true;
            }
            // "5 + 5": one number token
            if c.is_ascii_digit()
                && wend + 3 < end
                && bytes[wend] == b' '
                && bytes[wend + 1] == b'+'
                && bytes[wend + 2] == b' '
                && bytes[wend + 3].is_ascii_digit()
            {
                let (e4, _) = ascii_word_end(bytes, wend + 3, end);
                if bytes[wend + 3..e4].iter().all(u8::is_ascii_digit) {
                    wend = e4;
                }
            }
            let surface = &bytes[i..wend];
            // a trailing possessive split off: "Haftar's" -> "Haftar" "'s"
            if surface.len() > 2
                && surface[surface.len() - 2] == b'\''
                && matches!(surface[surface.len() - 1], b's' | b'S')
            {
                push_ascii_token(&mut tokens, &mut norm, text, i, wend - 2, TokenKind::Word, dotted);
                push_ascii_token(
                    &mut tokens,
                    &mut norm,
                    text,
                    wend - 2,
                    wend,
                    TokenKind::Possessive,
                    false,
                );
            } else {
                let kind = if c.is_ascii_digit() {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
                push_ascii_token(&mut tokens, &mut norm, text, i, wend, kind, dotted);
            }
            i = wend;
            continue;
        }
        let kind = match c {
            b'-' | b'/' => {
                // as in tokenize_pieces: a joiner only between two words
                let abbreviation = tokens
                    .last()
                    .is_some_and(|t| t.end == i && t.kind == TokenKind::Word && text[t.start..t.end].ends_with('.'));
                let prev_word =
                    abbreviation || (i > 0 && text[..i].chars().next_back().is_some_and(char::is_alphanumeric));
                let next_word = text[i + 1..].chars().next().is_some_and(char::is_alphanumeric);
                if prev_word && next_word {
                    TokenKind::Joiner
                } else {
                    TokenKind::Punct
                }
            }
            b'\''
                if tokens
                    .last()
                    .is_some_and(|t| t.end == i && text[t.start..t.end].ends_with(['s', 'S']))
                    && !text[i + 1..].starts_with(|c: char| c.is_alphanumeric()) =>
            {
                TokenKind::Possessive
            }
            _ => TokenKind::Punct,
        };
        push_ascii_token(&mut tokens, &mut norm, text, i, i + 1, kind, false);
        i += 1;
    }
    (tokens, norm)
}

/// [`push_token`] of an ASCII token; `dotted`: a word with a full stop
/// inside or at its end.
// (always inlined: called at every token, and at each of its four calls
// the kind, and so the branch taken, is known)
#[inline(always)]
pub(super) fn push_ascii_token(
    tokens: &mut Vec<Token>,
    norm: &mut String,
    text: &str,
    start: usize,
    end: usize,
    kind: TokenKind,
    dotted: bool,
) {
    use std::hash::BuildHasher;
    let surface = &text[start..end];
    let norm_start = norm.len();
    let case = match kind {
        TokenKind::Word | TokenKind::Number => {
            if dotted {
                norm.extend(
                    surface
                        .bytes()
                        .filter(|&b| b != b'.')
                        .map(|b| char::from(b.to_ascii_lowercase())),
                );
                ascii_word_case(surface.as_bytes())
            } else {
                norm.push_str(surface);
                let case = ascii_word_case(surface.as_bytes());
                // a word of lower case has no capital to fold
                if case != Case::Lower {
                    norm[norm_start..].make_ascii_lowercase();
                }
                case
            }
        }
        TokenKind::Joiner => Case::Other,
        TokenKind::Possessive => {
            norm.push_str("'s");
            ascii_case_of(surface.as_bytes())
        }
        TokenKind::Punct => {
            norm.push_str(surface);
            Case::Other
        }
    };
    let first_word_hash = rustc_hash::FxBuildHasher.hash_one(&norm[norm_start..]);
    close_token(tokens, norm, (start, end), norm_start, kind, case, first_word_hash);
}

/// Append the normal form of an ASCII word (lower case, dots dropped, as
/// [`push_normalized`] does) and return its [`case_of`]: a copy and two
/// tight loops, no decoding.
pub(super) fn push_ascii_word(norm: &mut String, word: &str) -> Case {
    let start = norm.len();
    if word.contains('.') {
        norm.extend(word.chars().filter(|&c| c != '.'));
    } else {
        norm.push_str(word);
    }
    norm[start..].make_ascii_lowercase();
    ascii_case_of(word.as_bytes())
}

/// [`ascii_case_of`] in one pass over the word: the first letter's case,
/// then whether any lower- or upper-case letter follows.
#[inline]
pub(super) fn ascii_word_case(word: &[u8]) -> Case {
    let mut rest = word.iter();
    let first_upper = loop {
        let Some(&b) = rest.next() else {
            return Case::Other;
        };
        let class = BYTE_CLASS[usize::from(b)];
        if class & (UPPER | LOWER) != 0 {
            break class & UPPER != 0;
        }
    };
    let after = rest.fold(0, |seen, &b| seen | BYTE_CLASS[usize::from(b)]);
    let (lower_after, upper_after) = (after & LOWER != 0, after & UPPER != 0);
    match (first_upper, lower_after, upper_after) {
        (false, _, false) => Case::Lower,
        (true, false, _) => Case::Upper,
        (true, true, _) => Case::Title,
        _ => Case::Other,
    }
}

/// [`case_of`] for ASCII, by bytes: most words of news in Latin script.
pub(super) fn ascii_case_of(word: &[u8]) -> Case {
    let Some(at) = word.iter().position(u8::is_ascii_alphabetic) else {
        return Case::Other;
    };
    let first_upper = word[at].is_ascii_uppercase();
    let rest = &word[at + 1..];
    let any_lower = !first_upper || rest.iter().any(u8::is_ascii_lowercase);
    let any_upper_after = rest.iter().any(u8::is_ascii_uppercase);
    match (first_upper, any_lower, any_upper_after) {
        (false, _, false) => Case::Lower,
        (true, false, _) => Case::Upper,
        (true, true, _) => Case::Title,
        _ => Case::Other,
    }
}
