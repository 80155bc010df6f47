//! Stage 2: sentences and tokens.
//!
//! [`segment`] splits a document's text into [`Sentence`]s of [`Token`]s
//! with their byte offsets, using Unicode's segmentation rules (UAX #29 via
//! `unicode-segmentation`) and then repairing the places where those rules
//! read news text wrongly: abbreviations ("U.S.", "Maj. Gen.", "Mr."),
//! initials, and "5 + 5".
//!
//! Every sentence also carries a *normalised* form ([`Sentence::norm`]): its
//! tokens folded for matching (lower case, no diacritics, no dots inside
//! words, straight apostrophes) and joined by single spaces, each token
//! preceded by one space and the whole followed by one. Joiners (hyphens and
//! slashes inside names) are left out, so "Al-Wefaq" and "Al Wefaq" have the
//! same normal form. The linker matches its patterns against this string, so
//! text is normalised once per sentence and never per pattern; each token
//! also carries the hash of its form, so no lookup hashes a word twice.

mod ascii;
mod inflect;
mod normalize;
mod words;

use ascii::{ascii_case_of, ascii_word_bounds, byte_is, push_ascii_word, tokenize_ascii, BOUND};

pub use inflect::s_form;
pub use normalize::{normalize_word, push_normalized};
pub use words::{HashBits, StaticWords, TokenWords, WordSet, CALENDAR_WORDS, TIME_OPENERS, TIME_WORDS};

use unicode_segmentation::UnicodeSegmentation;

/// What a token is, as far as matching and clause analysis care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A word of letters (possibly with digits or inner apostrophes).
    Word,
    /// A number, including joined forms like "5 + 5".
    Number,
    /// Punctuation that separates: `,` `;` `:` `(` `"` and the like.
    Punct,
    /// A hyphen, slash or dash: ignored when matching names.
    Joiner,
    /// The possessive `'s` / `’s` (or a bare `'` after a plural).
    Possessive,
}

/// How a word is capitalised in the text (used to keep "US" from matching
/// "us" and "Chad" from matching "chad").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// No upper-case letter.
    Lower,
    /// First letter upper case, some lower case after ("Chad", and names
    /// with a capital inside: "McCaul", "DeSantis", "MacArthur").
    Title,
    /// Every letter upper case (and at least one letter).
    Upper,
    /// Anything else ("iPhone", digits only).
    Other,
}

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte in the document text.
    pub start: usize,
    /// Byte offset one past the last byte in the document text.
    pub end: usize,
    /// Byte range of this token's normal form inside [`Sentence::norm`]
    /// (empty for joiners, which are left out of the normal form).
    pub norm_start: usize,
    /// End of the normal form inside [`Sentence::norm`].
    pub norm_end: usize,
    /// What the token is.
    pub kind: TokenKind,
    /// How it is capitalised.
    pub case: Case,
    /// [`word_hash`] of its normal form, computed once.
    pub first_word_hash: u64,
}

impl Token {
    /// The token as written in the document.
    #[inline]
    pub fn text<'t>(&self, doc_text: &'t str) -> &'t str {
        &doc_text[self.start..self.end]
    }

    /// The token's normal form.
    // (inlined: asked of a token in every loop of linking and extraction)
    #[inline]
    pub fn norm<'s>(&self, sentence: &'s Sentence) -> &'s str {
        &sentence.norm[self.norm_start..self.norm_end]
    }
}

/// One sentence of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Position of the sentence in its document, from 0.
    pub index: usize,
    /// Byte offset of the sentence's first byte in the document text.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// Offset of `start` in Unicode code points (the unit of the JSON output).
    pub char_start: usize,
    /// Offset of `end` in code points.
    pub char_end: usize,
    /// The tokens, in order.
    pub tokens: Vec<Token>,
    /// The normal form: `" tok1 tok2 … tokN "`.
    pub norm: String,
}

impl Sentence {
    /// Where a time adjunct starting at token `at` ends ("next week", "on
    /// Sunday", "later this month", "in 2024"): `at` itself where none
    /// starts there. (The extractor's matcher reads adverbs and places
    /// besides; this is the time alone, for the linker's cues.)
    pub fn time_adjunct_end(&self, at: usize) -> usize {
        let word = |i: usize| {
            self.tokens
                .get(i)
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| t.norm(self))
        };
        let timely = |i: usize| {
            word(i).is_some_and(|w| TIME_WORDS.contains(w) || (CALENDAR_WORDS.contains(w) && w != "may"))
                || self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number)
        };
        let mut k = at;
        while k < at + 4 {
            if timely(k) {
                k += 1;
            } else if word(k).is_some_and(|w| TIME_OPENERS.contains(&w)) {
                // openers may stack: "later this month", "early next year"
                let mut e = k + 1;
                while e < k + 3 && word(e).is_some_and(|w| TIME_OPENERS.contains(&w)) {
                    e += 1;
                }
                if !timely(e) {
                    break;
                }
                k = e + 1;
            } else {
                break;
            }
        }
        k
    }

    /// One past the dateline a wire story opens with ("GOMA, DR Congo (AFP)
    /// -", "TRIPOLI, Libya (AP) —"), or 0: a word in capitals, then only
    /// capitalised words and punctuation up to a dash. What a dateline
    /// names is where the story was filed: no subject of the clause after
    /// it, no actor of the story.
    pub fn dateline_end(&self) -> usize {
        /// The most tokens a dateline spans ("ADDIS ABABA, Ethiopia (Reuters) -").
        const MAX_DATELINE: usize = 12;
        let Some(first) = self.tokens.first() else {
            return 0;
        };
        if first.kind != TokenKind::Word || first.case != Case::Upper || first.end - first.start < 3 {
            return 0;
        }
        for (k, t) in self.tokens.iter().enumerate().take(MAX_DATELINE).skip(1) {
            match t.kind {
                // a dash with a space before it; a hyphen is glued to its word
                TokenKind::Joiner | TokenKind::Punct
                    if self.tokens[k - 1].end < t.start
                        && matches!(t.norm(self), "-" | "--" | "\u{2013}" | "\u{2014}") =>
                {
                    return k + 1
                }
                TokenKind::Punct | TokenKind::Joiner | TokenKind::Possessive => {}
                _ if t.case != Case::Lower => {}
                _ => return 0,
            }
        }
        0
    }

    /// The sentence as written in the document.
    pub fn text<'t>(&self, doc_text: &'t str) -> &'t str {
        &doc_text[self.start..self.end]
    }

    /// The index of the token whose normal form starts at `norm_offset`
    /// (just after its leading space), if any.
    pub fn token_at_norm(&self, norm_offset: usize) -> Option<usize> {
        let mut i = self.tokens.partition_point(|t| t.norm_start < norm_offset);
        while let Some(t) = self.tokens.get(i) {
            if t.norm_start != norm_offset {
                return None;
            }
            if t.norm_end > t.norm_start {
                return Some(i);
            }
            i += 1; // a joiner shares its offset with the next word
        }
        None
    }

    /// The index of the token whose normal form ends at `norm_offset`, if any.
    pub fn token_ending_at_norm(&self, norm_offset: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.norm_end < norm_offset);
        let t = self.tokens.get(i)?;
        (t.norm_end == norm_offset && t.norm_end > t.norm_start).then_some(i)
    }
}

/// Converts byte offsets of one text to code-point offsets, in
/// O(log n) per lookup after one pass over the text.
pub struct CharIndex<'t> {
    text: &'t str,
    /// Byte offset of every 64th code point.
    marks: Vec<usize>,
}

impl<'t> CharIndex<'t> {
    /// Index `text`.
    pub fn new(text: &'t str) -> Self {
        let marks = text.char_indices().step_by(64).map(|(b, _)| b).collect();
        CharIndex { text, marks }
    }

    /// The code-point offset of byte offset `byte` (a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let k = self.marks.partition_point(|&m| m <= byte).saturating_sub(1);
        let base = self.marks.get(k).copied().unwrap_or(0);
        k * 64 + self.text[base..byte].chars().count()
    }
}

/// Words that end in a full stop without ending the sentence. Kept here and
/// not in a data file because they are a property of English typography, not
/// of any conflict or gazetteer.
static ABBREVIATIONS: StaticWords = StaticWords::new(ABBREVIATION_LIST);

const ABBREVIATION_LIST: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "brig", "cmdr", "cdr",
    "gov", "sen", "rep", "pres", "st", "sr", "jr", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "corp", "inc", "ltd", "co", "dept", "approx", "est", "fig", "mt", "ft", "hon", "rev",
    "amb", "excl", "incl", "u.s", "u.n", "u.k", "e.u", "u.s.a", "a.u",
];

/// Split `text` into sentences and tokens.
///
/// Offsets are byte offsets into `text`; each sentence also knows its
/// code-point offsets. Sentences that hold no token are dropped, and the
/// remaining ones are numbered from 0 in order.
pub fn segment(text: &str) -> Vec<Sentence> {
    // 1. UAX #29 sentence bounds, merged where an abbreviation or an
    //    initial ends the piece (the rules break after "U.S. President").
    let bounds = sentence_bounds(text);
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(bounds.len());
    for (start, end) in bounds {
        match spans.last_mut() {
            Some(last) if ends_with_abbreviation(&text[last.0..last.1]) => last.1 = end,
            _ => spans.push((start, end)),
        }
    }
    // 2. Trim, tokenise, number, and count code points as we go (one pass
    //    over the text in all).
    let mut out = Vec::with_capacity(spans.len());
    let mut chars_before = 0usize;
    let mut counted_to = 0usize;
    for (s, e) in spans {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead == piece.len() {
            continue;
        }
        let (start, end) = (s + lead, e - trail);
        chars_before += text[counted_to..start].chars().count();
        let char_start = chars_before;
        let sentence = &text[start..end];
        let ascii = sentence.is_ascii();
        let char_end = char_start
            + if ascii {
                sentence.len()
            } else {
                sentence.chars().count()
            };
        chars_before = char_end;
        counted_to = end;
        let (tokens, norm) = if ascii {
            tokenize_ascii(text, start, end)
        } else {
            tokenize(text, start, end)
        };
        if tokens.is_empty() {
            continue;
        }
        out.push(Sentence {
            index: out.len(),
            start,
            end,
            char_start,
            char_end,
            tokens,
            norm,
        });
    }
    out
}

/// Sentence bounds by the rules of UAX #29 that matter in news text, in
/// one pass over the bytes: a break after a paragraph separator, and after
/// `.`, `!` or `?` (with closing quotes and brackets) followed by spaces
/// and then anything but a lower-case letter (SB8: "U.S. officials" does
/// not break). Each piece keeps its trailing spaces, as UAX #29's do.
fn sentence_bounds(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    // The character at byte `i` (a char boundary) and its length.
    let char_at = |i: usize| {
        let c = text[i..].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    };
    // news runs about a hundred bytes to a sentence
    let mut out = Vec::with_capacity(n / 64 + 1);
    let mut start = 0;
    let mut i = 0;
    // Bytes, not chars: every character that matters is ASCII or starts
    // with one of four lead bytes, so the rest of the text is skipped by
    // the bytes' classes, without decoding.
    while i < n {
        // the bytes that cannot end a sentence, skipped by their class
        match bytes[i..].iter().position(|&b| byte_is(b, BOUND)) {
            Some(p) => i += p,
            None => break,
        }
        let b = bytes[i];
        let (c, len) = match b {
            b'\n' | b'\r' | b'.' | b'!' | b'?' => (char::from(b), 1),
            _ => char_at(i),
        };
        let end = match c {
            '\n' | '\u{2029}' | '\u{85}' => i + len,
            '\r' => {
                if bytes.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                }
            }
            '.' | '!' | '?' | '\u{3002}' | '\u{061F}' | '\u{203C}' | '\u{2047}' | '\u{2048}' | '\u{2049}' => {
                // more terminators and closers: "?!", "...", ".\"", ".)"
                let mut j = i + len;
                while j < n {
                    let (d, dl) = char_at(j);
                    if matches!(
                        d,
                        '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{BB}'
                    ) {
                        j += dl;
                    } else {
                        break;
                    }
                }
                i = j;
                // spaces, then the next character decides
                let mut k = j;
                while k < n && (bytes[k] == b' ' || bytes[k] == b'\t') {
                    k += 1;
                }
                if k == j && k < n && !matches!(bytes[k], b'\n' | b'\r') {
                    continue; // "U.S", "5.5": no space, no break
                }
                // SB8a: another terminator or a continuation (",", ";", ":",
                // "-") keeps the sentence open; SB8: so does a lower-case
                // letter after any non-letters ("... (and then")
                if bytes
                    .get(k)
                    .is_some_and(|n| matches!(n, b'.' | b'!' | b'?' | b',' | b';' | b':' | b'-'))
                {
                    continue;
                }
                let first_letter = text[k..]
                    .chars()
                    .take_while(|c| !matches!(c, '\n' | '\r' | '.' | '!' | '?'))
                    .find(|c| c.is_alphabetic());
                if first_letter.is_some_and(char::is_lowercase) {
                    continue;
                }
                // one paragraph separator goes with the sentence too (SB9-11)
                if bytes.get(k) == Some(&b'\r') {
                    k += 1;
                }
                if bytes.get(k) == Some(&b'\n') || (k > j && bytes.get(k - 1) == Some(&b'\r')) {
                    k += usize::from(bytes.get(k) == Some(&b'\n'));
                }
                // the spaces go with this sentence
                k
            }
            _ => {
                i += len;
                continue;
            }
        };
        i = end;
        if end > start {
            out.push((start, end));
            start = end;
        }
    }
    if start < n {
        out.push((start, n));
    }
    out
}

/// Whether `piece` is in scripts that put spaces between words (Latin,
/// Greek, Cyrillic, Arabic, Hebrew, …, with general punctuation), where
/// [`word_bounds`] gives the same words as UAX #29. Other scripts (Thai,
/// CJK) go through unicode-segmentation.
fn spaced_script(piece: &str) -> bool {
    piece.is_ascii()
        || piece
            .chars()
            .all(|c| (c as u32) < 0x0E00 || ('\u{2000}'..='\u{206F}').contains(&c) || c == '\u{FEFF}')
}

/// Word bounds as UAX #29 draws them for spaced scripts, in one pass:
/// letters and digits run together, joined across `.`/`'`/`’`/`:`
/// between letters and `.`/`,`/`;`/`'` between digits; combining marks
/// stay with their letter; a run of white space is one piece; any other
/// character is a piece of its own.
fn word_bounds(piece: &str) -> Vec<(usize, &str)> {
    if piece.is_ascii() {
        return ascii_word_bounds(piece);
    }
    let chars: Vec<(usize, char)> = piece.char_indices().collect();
    let mut out = Vec::with_capacity(chars.len() / 3 + 4);
    let word = |c: char| c.is_alphanumeric() || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c));
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        let mut j = i + 1;
        let newline = |c: char| {
            matches!(
                c,
                '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
            )
        };
        if c == '\r' && chars.get(j).is_some_and(|x| x.1 == '\n') {
            j += 1; // CR LF is one piece; every other newline is its own
        } else if newline(c) {
        } else if c.is_whitespace() {
            while j < chars.len() && chars[j].1.is_whitespace() && !newline(chars[j].1) {
                j += 1;
            }
        } else if word(c) {
            loop {
                while j < chars.len() && word(chars[j].1) {
                    j += 1;
                }
                // a joiner between two word characters of the right kinds
                let (Some(&(_, mid)), Some(&(_, next))) = (chars.get(j), chars.get(j + 1)) else {
                    break;
                };
                let prev = chars[j - 1].1;
                let letters = prev.is_alphabetic() && next.is_alphabetic();
                let digits = prev.is_numeric() && next.is_numeric();
                let joins = match mid {
                    '.' | '\'' | '\u{2019}' => letters || digits,
                    ':' => letters,
                    ',' | ';' => digits,
                    _ => false,
                };
                if !joins {
                    break;
                }
                j += 2;
            }
        }
        let e = chars.get(j).map_or(piece.len(), |x| x.0);
        out.push((b, &piece[b..e]));
        i = j;
    }
    out
}

fn ends_with_abbreviation(piece: &str) -> bool {
    let trimmed = piece.trim_end();
    let Some(body) = trimmed.strip_suffix('.') else {
        return false;
    };
    // A paragraph break is always a sentence break.
    if piece[trimmed.len()..].contains("\n\n") || piece.ends_with("\n\n") {
        return false;
    }
    let last = body
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    if last.is_empty() {
        return false;
    }
    let mut chars = last.chars();
    let first = chars.next().unwrap_or(' ');
    // An initial: "J." or "F.".
    if first.is_uppercase() && chars.next().is_none() {
        return true;
    }
    if !last.is_ascii() {
        return ABBREVIATIONS.contains(&last.to_lowercase());
    }
    // no copy on the heap: an ASCII word longer than every abbreviation is
    // none, a shorter one is lower-cased on the stack
    let mut lower = [0u8; LONGEST_ABBREVIATION];
    let Some(lower) = lower.get_mut(..last.len()) else {
        return false;
    };
    lower.copy_from_slice(last.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|w| ABBREVIATIONS.contains(w))
}

/// The length of the longest of [`ABBREVIATIONS`].
const LONGEST_ABBREVIATION: usize = {
    let mut longest = 0;
    let mut k = 0;
    while k < ABBREVIATION_LIST.len() {
        if ABBREVIATION_LIST[k].len() > longest {
            longest = ABBREVIATION_LIST[k].len();
        }
        k += 1;
    }
    longest
};

/// Tokenise `text[start..end]` into tokens and the normal form (an ASCII
/// piece goes to [`tokenize_ascii`], as [`segment`] sends it).
fn tokenize(text: &str, start: usize, end: usize) -> (Vec<Token>, String) {
    let piece = &text[start..end];
    let words: Vec<(usize, &str)> = if spaced_script(piece) {
        word_bounds(piece)
    } else {
        piece.split_word_bound_indices().collect()
    };
    tokenize_pieces(text, start, end, &words)
}

/// [`tokenize`] of the word pieces `words` of `text[start..end]` (offsets
/// in the piece), by the rules of the text's script.
fn tokenize_pieces(text: &str, start: usize, end: usize, words: &[(usize, &str)]) -> (Vec<Token>, String) {
    let piece = &text[start..end];
    let mut norm = String::with_capacity(piece.len() + 8);
    norm.push(' ');
    // about half the pieces are spaces
    let mut tokens: Vec<Token> = Vec::with_capacity(words.len() / 2 + 2);
    let mut i = 0;
    while i < words.len() {
        let (off, w) = words[i];
        i += 1;
        let first = w.chars().next().unwrap_or(' ');
        if first.is_whitespace() {
            continue;
        }
        let abs = start + off;
        // "U.S." arrives as "U.S" then "."; glue the dot back on so that
        // the sentence-final dot stays apart but the abbreviation is whole.
        let mut wend = abs + w.len();
        let is_wordish = first.is_alphanumeric();
        if is_wordish
            && words.get(i).map(|x| x.1) == Some(".")
            && (w.contains('.') || (w.chars().count() == 1 && first.is_uppercase()))
        {
            wend += 1;
            i += 1;
        }
        // "5 + 5": one number token.
        if first.is_ascii_digit() && i + 3 < words.len() + 1 {
            let joined = words.get(i).map(|x| x.1) == Some(" ")
                && words.get(i + 1).map(|x| x.1) == Some("+")
                && words.get(i + 2).map(|x| x.1) == Some(" ")
                && words
                    .get(i + 3)
                    .is_some_and(|x| x.1.chars().all(|c| c.is_ascii_digit()));
            if joined {
                let (o4, w4) = words[i + 3];
                wend = start + o4 + w4.len();
                i += 4;
            }
        }
        let surface = &text[abs..wend];
        if is_wordish {
            // Split a trailing possessive off: "Haftar's" -> "Haftar" "'s".
            if let Some(cut) = possessive_cut(surface) {
                push_token(&mut tokens, &mut norm, text, abs, abs + cut, TokenKind::Word);
                push_token(&mut tokens, &mut norm, text, abs + cut, wend, TokenKind::Possessive);
                continue;
            }
            let kind = if first.is_numeric() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            push_token(&mut tokens, &mut norm, text, abs, wend, kind);
        } else {
            let kind = match surface {
                "-" | "/" | "\u{2010}" | "\u{2011}" => {
                    // A joiner only between two word characters; a free
                    // standing dash ("said - on Wednesday -") is punctuation.
                    // An abbreviation's closing stop counts as its word:
                    // "U.S.-backed", "U.N.-brokered".
                    let abbreviation = tokens.last().is_some_and(|t| {
                        t.end == abs && t.kind == TokenKind::Word && text[t.start..t.end].ends_with('.')
                    });
                    let prev_word =
                        abbreviation || (abs > 0 && text[..abs].chars().next_back().is_some_and(char::is_alphanumeric));
                    let next_word = text[wend..].chars().next().is_some_and(char::is_alphanumeric);
                    if prev_word && next_word {
                        TokenKind::Joiner
                    } else {
                        TokenKind::Punct
                    }
                }
                "'" | "\u{2019}"
                    if tokens
                        .last()
                        .is_some_and(|t| t.end == abs && text[t.start..t.end].ends_with(['s', 'S']))
                        && !text[wend..].starts_with(|c: char| c.is_alphanumeric()) =>
                {
                    TokenKind::Possessive
                }
                _ => TokenKind::Punct,
            };
            push_token(&mut tokens, &mut norm, text, abs, wend, kind);
        }
    }
    (tokens, norm)
}

fn possessive_cut(word: &str) -> Option<usize> {
    if !word.ends_with(['s', 'S']) {
        return None;
    }
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if word.len() > suffix.len() && word.ends_with(suffix) {
            return Some(word.len() - suffix.len());
        }
    }
    None
}

fn push_token(tokens: &mut Vec<Token>, norm: &mut String, text: &str, start: usize, end: usize, kind: TokenKind) {
    use std::hash::BuildHasher;
    let surface = &text[start..end];
    let norm_start = norm.len();
    // an ASCII word's form has no space: the whole form is its first word
    let mut spaceless = false;
    let case = match kind {
        // the common case: case and normal form in one go
        TokenKind::Word | TokenKind::Number if surface.is_ascii() => {
            spaceless = true;
            push_ascii_word(norm, surface)
        }
        // joiners are left out of the normal form
        TokenKind::Joiner => case_of(surface),
        // "'s" is a token of its own in the normal form
        TokenKind::Possessive => {
            norm.push_str("'s");
            case_of(surface)
        }
        TokenKind::Punct => {
            // Punctuation keeps its form ("." stays "."); only quotes fold.
            for c in surface.chars() {
                norm.push(match c {
                    '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => '"',
                    '\u{2018}' | '\u{2019}' => '\'',
                    c => c,
                });
            }
            case_of(surface)
        }
        TokenKind::Word | TokenKind::Number => {
            push_normalized(norm, surface);
            case_of(surface)
        }
    };
    if kind != TokenKind::Joiner && norm.len() == norm_start {
        // Nothing left after folding (a lone combining mark, a lone "."):
        // keep a placeholder so every non-joiner token has a non-empty form.
        norm.push('_');
    }
    let first_word_hash = if spaceless {
        rustc_hash::FxBuildHasher.hash_one(&norm[norm_start..])
    } else {
        word_hash(&norm[norm_start..])
    };
    close_token(tokens, norm, (start, end), norm_start, kind, case, first_word_hash);
}

/// Push the token of bytes `span` whose normal form is `norm[norm_start..]`
/// (the rest of `norm` as it stands), and the space after the form (a
/// joiner has none).
fn close_token(
    tokens: &mut Vec<Token>,
    norm: &mut String,
    (start, end): (usize, usize),
    norm_start: usize,
    kind: TokenKind,
    case: Case,
    first_word_hash: u64,
) {
    let norm_end = norm.len();
    if kind != TokenKind::Joiner {
        norm.push(' ');
    }
    tokens.push(Token {
        start,
        end,
        norm_start,
        norm_end,
        kind,
        case,
        first_word_hash,
    });
}

/// The hash of a normal form's first word (all of it, unless a
/// compatibility form put a space inside): what [`Token::first_word_hash`]
/// holds, for lookups that need not hash the word again.
pub fn word_hash(form: &str) -> u64 {
    use std::hash::BuildHasher;
    let word = form.split(' ').next().unwrap_or(form);
    rustc_hash::FxBuildHasher.hash_one(word)
}

/// The capitalisation of a word.
pub fn case_of(word: &str) -> Case {
    if word.is_ascii() {
        ascii_case_of(word.as_bytes())
    } else {
        unicode_case_of(word)
    }
}

fn unicode_case_of(word: &str) -> Case {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return Case::Other;
    };
    let mut any_lower = first.is_lowercase();
    let mut any_upper_after = false;
    for c in letters {
        if c.is_lowercase() {
            any_lower = true;
        } else if c.is_uppercase() {
            any_upper_after = true;
        }
    }
    match (first.is_uppercase(), any_lower, any_upper_after) {
        (false, _, false) => Case::Lower,
        (true, false, _) => Case::Upper,
        (true, true, _) => Case::Title,
        _ => Case::Other,
    }
}

/// Normalise a phrase (an alias, a trigger) exactly as sentences are
/// normalised, returning the space-framed form `" w1 w2 "` and the number of
/// tokens (joiners not counted).
pub fn normalize_phrase(phrase: &str) -> (String, usize) {
    let sentences = segment(phrase);
    let mut out = String::from(" ");
    let mut n = 0;
    for s in &sentences {
        for t in &s.tokens {
            if t.norm_start == t.norm_end {
                continue;
            }
            out.push_str(&s.norm[t.norm_start..t.norm_end]);
            out.push(' ');
            n += 1;
        }
    }
    (out, n)
}

#[cfg(test)]
mod tests {
    use super::ascii::ascii_word_case;

    #[test]
    fn a_time_adjunct_ends_after_its_time_words() {
        let s =
            &super::segment("He flew to Asmara next week for talks, on Sunday evening, in 2024 and later this month.")
                [0];
        let at = |w: &str| s.tokens.iter().position(|t| t.norm(s) == w).unwrap();
        assert_eq!(s.time_adjunct_end(at("next")), at("for"));
        assert_eq!(s.time_adjunct_end(at("on")), at("on") + 3);
        assert_eq!(s.time_adjunct_end(at("in")), at("in") + 2);
        assert_eq!(s.time_adjunct_end(at("later")), at("later") + 3);
        // none: the token itself
        assert_eq!(s.time_adjunct_end(at("flew")), at("flew"));
    }
    use super::*;

    fn sentence_texts(text: &str) -> Vec<&str> {
        segment(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let t = "U.S. President Trump met Maj. Gen. Smith. Then Mr. Jones left.";
        assert_eq!(
            sentence_texts(t),
            vec!["U.S. President Trump met Maj. Gen. Smith.", "Then Mr. Jones left."]
        );
    }

    #[test]
    fn initials_and_paragraphs() {
        let t = "John F. Kennedy spoke.\n\nHeadline without stop\n\nNext one.";
        assert_eq!(
            sentence_texts(t),
            vec!["John F. Kennedy spoke.", "Headline without stop", "Next one."]
        );
    }

    #[test]
    fn normal_form_folds_case_diacritics_dots_and_hyphens() {
        let t = "Çavuşoğlu met the U.S. envoy and Al-Wefaq’s chief.";
        let s = &segment(t)[0];
        assert_eq!(s.norm, " cavusoglu met the us envoy and al wefaq 's chief . ");
        let words: Vec<&str> = s.tokens.iter().map(|k| k.text(t)).collect();
        assert_eq!(
            words,
            vec![
                "Çavuşoğlu",
                "met",
                "the",
                "U.S.",
                "envoy",
                "and",
                "Al",
                "-",
                "Wefaq",
                "’s",
                "chief",
                "."
            ]
        );
        assert_eq!(s.tokens[7].kind, TokenKind::Joiner);
        assert_eq!(s.tokens[9].kind, TokenKind::Possessive);
    }

    #[test]
    fn a_hyphen_after_an_abbreviation_joins() {
        // "U.S.-backed" is one compound, as "US-backed" is; a dash after a
        // sentence's stop is not
        let t = "the U.S.-backed government and the U.N.-brokered truce";
        let s = &segment(t)[0];
        let joiners: Vec<&str> = s
            .tokens
            .iter()
            .filter(|k| k.kind == TokenKind::Joiner)
            .map(|k| k.text(t))
            .collect();
        assert_eq!(joiners, ["-", "-"]);
        let t = "He left. -And so it ended";
        assert!(segment(t)
            .iter()
            .all(|s| s.tokens.iter().all(|k| k.kind != TokenKind::Joiner)));
    }

    #[test]
    fn five_plus_five_is_one_token() {
        let t = "a return to the 5 + 5 negotiations";
        let s = &segment(t)[0];
        assert!(s
            .tokens
            .iter()
            .any(|k| k.text(t) == "5 + 5" && k.kind == TokenKind::Number));
    }

    #[test]
    fn code_point_offsets() {
        let t = "Çavuşoğlu spoke. Lavrov answered.";
        let s = segment(t);
        assert_eq!(s[1].char_start, 17);
        let chars: Vec<char> = t.chars().collect();
        let back: String = chars[s[1].char_start..s[1].char_end].iter().collect();
        assert_eq!(back, "Lavrov answered.");
    }

    #[test]
    fn fast_bounds_agree_with_unicode_segmentation() {
        let texts = [
            "Haftar's forces, backed by the U.S. and Egypt, advanced. Then Mr. Smith said: \"No!\" (He left.)\n\nNext one?",
            "Çavuşoğlu met Lavrov at 10:30 on 5.5.2020; 1,000 troops – and the People’s Army – moved. e.g. this",
            "The UN’s envoy said...  Really? Yes.\r\nNew line\u{2029}para",
        ];
        for t in texts
            .iter()
            .chain(&["Plain ASCII: it's 10:30, U.S. forces; 1,000 men.\n\n\tNext\r\nline"])
        {
            let fast: Vec<(usize, &str)> = word_bounds(t);
            let uax: Vec<(usize, &str)> = t.split_word_bound_indices().collect();
            assert_eq!(fast, uax, "{t}");
            let fast: Vec<&str> = sentence_bounds(t).into_iter().map(|(a, b)| &t[a..b]).collect();
            let uax: Vec<&str> = t.split_sentence_bounds().collect();
            assert_eq!(fast, uax, "{t}");
        }
    }

    #[test]
    fn ascii_tokens_are_those_of_the_pieces() {
        let sentences = [
            "The U.S.-backed government and the U.N.-brokered truce held.",
            "Haftar's forces, backed by the U.S. and Egypt, advanced on Tripoli's outskirts.",
            "Then Mr. Smith said: \"No!\" (He left.) Gen. J. R. Allen's men - and the Kurds' allies - moved.",
            "a return to the 5 + 5 negotiations, 5 +5 talks, 5+ 5, 10 + 20's, 7 + 8.5 and 3  + 4",
            "It's 10:30; 1,000 troops, 5.5 km, 2019/2020, 1990's wars and the '90s, rock 'n' roll",
            "Al-Wefaq/Al-Islah -- a pro-Russian, anti-U.S. bloc -and- a U.K./EU deal, e.g. this; i.e. that",
            "\tLine one\r\nline two\nline three\u{0B}four\u{0C}five  six   seven\x01\x1f eight",
            "US-backed, U.S-made, A.-B. talks, F.B.I.'s chief, the ISIS's claim, M23-led, G5-Sahel",
            "Kurds' and Syrians' and bosses' -'s 's ' s' x'y it'S O'Neil's d'Ivoire",
            "- leading dash, trailing dash -, slash / alone, a-, -b, U.S.- and U.S.-",
        ];
        for t in sentences {
            let pieces = ascii_word_bounds(t);
            assert_eq!(
                tokenize_ascii(t, 0, t.len()),
                tokenize_pieces(t, 0, t.len(), &pieces),
                "{t}"
            );
            // every piece of it, with what stands outside it in the text
            for (a, b) in [(1, t.len()), (0, t.len() - 1), (2, t.len() - 2), (t.len() / 2, t.len())] {
                let (a, b) = (a.min(b), b);
                let pieces = ascii_word_bounds(&t[a..b]);
                assert_eq!(
                    tokenize_ascii(t, a, b),
                    tokenize_pieces(t, a, b, &pieces),
                    "{t} [{a}..{b}]"
                );
            }
        }
        // an ASCII sentence beside non-ASCII text
        let t = "Çavuşoğlu spoke. U.S.-backed forces moved-é";
        let a = t.find("U.S.").unwrap();
        let b = t.len() - "é".len();
        let pieces = ascii_word_bounds(&t[a..b]);
        assert_eq!(tokenize_ascii(t, a, b), tokenize_pieces(t, a, b, &pieces));
        let s = &segment("the U.S.-backed government")[0];
        assert_eq!(s.tokens[2].kind, TokenKind::Joiner);
        assert_eq!(s.norm, " the us backed government ");
    }

    #[test]
    fn abbreviations_are_no_longer_than_the_longest() {
        assert_eq!(LONGEST_ABBREVIATION, "approx".len());
        for (piece, ends) in [
            ("met U.S. ", true),
            ("met Approx. ", true),
            ("met APPROX. ", true),
            ("met Approxx. ", false),
            ("met Brig. ", true),
            ("met J. ", true),
            ("met Lavrov. ", false),
            ("met Ünal. ", false),
            ("met x. ", false),
        ] {
            assert_eq!(ends_with_abbreviation(piece), ends, "{piece}");
        }
    }

    #[test]
    fn case_classes() {
        assert_eq!(case_of("US"), Case::Upper);
        assert_eq!(case_of("us"), Case::Lower);
        assert_eq!(case_of("Chad"), Case::Title);
        assert_eq!(case_of("iPhone"), Case::Other);
        assert_eq!(case_of("McCaul"), Case::Title);
        assert_eq!(case_of("DeSantis"), Case::Title);
        assert_eq!(case_of("Ōtsuka"), Case::Title);
        for w in [
            "",
            "123",
            "U.S.",
            "al-Sarraj",
            "McCain",
            "iPhone",
            "5G",
            "ABC1",
            "a",
            "A",
            "'s",
            "Hello",
            "x-Ray",
            "-",
            "eBay",
        ] {
            assert_eq!(ascii_case_of(w.as_bytes()), unicode_case_of(w), "{w:?}");
            assert_eq!(ascii_word_case(w.as_bytes()), unicode_case_of(w), "{w:?}");
            let mut norm = String::new();
            assert_eq!(push_ascii_word(&mut norm, w), unicode_case_of(w), "{w:?}");
            assert_eq!(norm, super::normalize::normalize_word(w), "{w:?}");
        }
    }

    #[test]
    fn phrase_normal_form() {
        assert_eq!(
            normalize_phrase("Haftar's forces"),
            (" haftar 's forces ".to_string(), 3)
        );
        assert_eq!(normalize_phrase("U.S."), (" us ".to_string(), 1));
    }

    #[test]
    fn free_dash_is_punctuation() {
        let t = "Lavrov announced - on Wednesday - that";
        let s = &segment(t)[0];
        assert!(s
            .tokens
            .iter()
            .filter(|k| k.text(t) == "-")
            .all(|k| k.kind == TokenKind::Punct));
    }
}
