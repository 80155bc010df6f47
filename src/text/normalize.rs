//! Folding a word to its normal form for matching.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Append the normal form of `word` to `out`: lower case, diacritics
/// removed (NFKD, combining marks dropped), dotless ı to i, curly
/// apostrophes straightened, and dots inside the word removed ("U.S." ->
/// "us"). Letters of other scripts are kept (lower-cased) so that a later
/// stage can still see them.
pub fn push_normalized(out: &mut String, word: &str) {
    if word.is_ascii() && !word.contains('.') {
        // the common case, in one copy
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        if c.is_ascii() {
            match c {
                '.' => {}
                c => out.push(c.to_ascii_lowercase()),
            }
            continue;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
            '\u{0131}' => out.push('i'),
            '\u{00DF}' => out.push_str("ss"),
            '\u{00E6}' | '\u{00C6}' => out.push_str("ae"),
            '\u{0153}' | '\u{0152}' => out.push_str("oe"),
            '\u{00F8}' | '\u{00D8}' => out.push('o'),
            '\u{0142}' | '\u{0141}' => out.push('l'),
            '\u{0111}' | '\u{0110}' => out.push('d'),
            _ => decompose_compatible(c, |d| {
                if !is_combining_mark(d) && d != '.' {
                    for l in d.to_lowercase() {
                        out.push(l);
                    }
                }
            }),
        }
    }
}

/// The normal form of one word, as a new string.
pub fn normalize_word(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    push_normalized(&mut s, word);
    s
}

#[cfg(test)]
mod tests {
    use super::normalize_word;

    #[test]
    fn folds() {
        assert_eq!(normalize_word("Çavuşoğlu"), "cavusoglu");
        assert_eq!(normalize_word("Mevlüt"), "mevlut");
        assert_eq!(normalize_word("Élysée"), "elysee");
        assert_eq!(normalize_word("U.S."), "us");
        assert_eq!(normalize_word("N’Djamena"), "n'djamena");
        assert_eq!(normalize_word("Dbeibah"), "dbeibah");
        assert_eq!(normalize_word("Çavuşoغلlu"), "cavusoغلlu");
    }
}
