//! Spelling variants of names: Hifter for Haftar, Siyala for Siala,
//! Grasimov for Gerasimov, Çavuşoغلlu for Çavuşoğlu.
//!
//! Two words are variants when their *transliteration keys* have the same
//! consonant skeleton and are close as strings. The key folds a word to
//! ASCII (`deunicode`, which also reads a stray Arabic or Cyrillic letter),
//! then maps the letters that English renderings of Arabic, Russian and
//! Turkish names swap for one another onto one letter each, and drops
//! doubled letters. The skeleton keeps the first letter and the consonants:
//! vowels are what transliterations disagree on most, so they weigh only
//! through the string similarity.

/// Letter groups that transliterations swap, applied in order (longer
/// first). Each pair maps a spelling to the one letter that stands for the
/// group in the key.
const LETTER_CLASSES: &[(&str, &str)] = &[
    ("tch", "ts"), // Tchisekedi (French) / Tshisekedi
    ("kh", "k"),   // Khalifa / Halifa
    ("gh", "k"),   // Ghwell / Gwell, ğ read as gh
    ("ch", "k"),   // Chavushoglu (Turkish ç) / Cavusoglu
    ("sh", "s"),   // Shoigu / Soigu, Turkish ş
    ("ph", "f"),   //
    ("th", "t"),   // Thinni / Tinni
    ("dh", "d"),   // Dhabi
    ("dj", "j"),   // Djamena
    ("zh", "j"),   // Zhukov / Jukov
    ("ou", "u"),   // Mevlout / Mevlut
    ("oo", "u"),   //
    ("ee", "i"),   // Ageela / Agila
    ("q", "k"),    // Aqila / Akila
    ("c", "k"),    // Craft / Kraft
    ("g", "k"),    // Aguila / Akila, Gerasimov
    ("y", "i"),    // Siyala / Siiala, Shoygo / Shoigo
    ("w", "f"),    // Wefaq / Vefaq
    ("v", "f"),    // Lavrov / Lavrof
    ("z", "s"),    // Zintan / Sintan
    ("x", "ks"),   //
    ("j", "j"),    //
];

/// The least similarity (1 - edit distance / length) of two keys with the
/// same skeleton. Hifter/Haftar is 0.67 and Hamidati/Hemedti 0.625, while
/// Saleh/Siala is 0.6 and Putin/Patten 0.6: the line runs between them.
pub const MIN_SIMILARITY: f64 = 0.61;
/// The fewest letters a key needs to take part: shorter names ("Ali",
/// "Deby") have too many neighbours to be told apart by spelling.
pub const MIN_KEY_LEN: usize = 4;

/// The transliteration key of a word, from a per-thread cache: the words of
/// a corpus repeat, and keys are asked for every capitalised word that no
/// alias matched.
pub fn cached_key(word: &str) -> std::rc::Rc<str> {
    use std::cell::RefCell;
    use std::rc::Rc;
    /// Entries kept before the cache starts over, so memory stays bounded.
    const MAX_ENTRIES: usize = 200_000;
    thread_local! {
        static CACHE: RefCell<rustc_hash::FxHashMap<Box<str>, Rc<str>>> = RefCell::new(Default::default());
    }
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(k) = c.get(word) {
            return Rc::clone(k);
        }
        if c.len() >= MAX_ENTRIES {
            c.clear();
        }
        let k: Rc<str> = Rc::from(key(word));
        c.insert(Box::from(word), Rc::clone(&k));
        k
    })
}

/// The transliteration key of a word.
pub fn key(word: &str) -> String {
    let ascii = deunicode::deunicode(word).to_ascii_lowercase();
    let letters: String = ascii.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    let mut mapped = String::with_capacity(letters.len());
    let bytes = letters.as_bytes();
    let mut i = 0;
    // French writes an initial w before a vowel "ou": Ouattara / Watara,
    // Ouedraogo / Wedraogo
    if letters.starts_with("ou") && letters[2..].starts_with(is_vowel) {
        mapped.push('f');
        i = 2;
    }
    'outer: while i < bytes.len() {
        for (from, to) in LETTER_CLASSES {
            if letters[i..].starts_with(from) {
                mapped.push_str(to);
                i += from.len();
                continue 'outer;
            }
        }
        mapped.push(bytes[i] as char);
        i += 1;
    }
    let mut out = String::with_capacity(mapped.len());
    for c in mapped.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    // A final h after a vowel is the Arabic ta marbuta, written or not:
    // Dbeibah / Dbeiba, Abdallah / Abdalla.
    if out.len() > 2 && out.ends_with('h') && out[..out.len() - 1].ends_with(is_vowel) {
        out.pop();
    }
    out
}

/// The French rendering of an English transliteration of a word, when it
/// differs: "sh" written "ch" (Pashinyan / Pachinian). The key folds "ch"
/// with "k", as English writes the Turkish ç: so the French spelling gets a
/// key of its own, which names are matched under as well.
pub fn french_spelling(word: &str) -> Option<String> {
    word.contains("sh").then(|| word.replace("sh", "ch"))
}

/// Whether `adjective` is the adjective of the name `base`: "Arakanese"
/// of "Arakan", "Tigrayan" of "Tigray", "Somali" of "Somalia", "Kosovan"
/// of "Kosovo". Names are
/// written in their adjective form before a noun ("the Arakanese Army").
/// Both are normal forms; the base needs five letters at least (shorter
/// names have too many neighbours).
pub fn adjective_of(base: &str, adjective: &str) -> bool {
    const SUFFIXES: &[&str] = &["ese", "ian", "an", "i", "n"];
    if base.chars().count() <= MIN_KEY_LEN {
        return false;
    }
    let stem = base.strip_suffix(['a', 'o']).unwrap_or(base);
    // Somalia / Somali
    if base.ends_with("ia") && adjective == stem {
        return true;
    }
    SUFFIXES.iter().any(|suf| {
        adjective
            .strip_suffix(suf)
            .is_some_and(|a| a == base || (a == stem && stem != base))
    })
}

/// An alias with each word of a set of synonyms (`sets`, lower case)
/// written as each other member: "UN-backed government" is also "UN-
/// supported government". Case is kept as the alias writes the word's
/// first letter; the alias itself is not among the forms.
pub fn synonym_forms(alias: &str, sets: &[Vec<String>]) -> Vec<String> {
    let mut out = Vec::new();
    for set in sets {
        for w in set {
            // whole words only, inside a hyphen compound or between spaces
            // (ASCII lower case keeps every byte offset)
            let lower = alias.to_ascii_lowercase();
            let Some(at) = lower.match_indices(w.as_str()).map(|(i, _)| i).find(|&i| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + w.len()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
            }) else {
                continue;
            };
            for other in set.iter().filter(|o| *o != w && o.is_ascii() && !o.is_empty()) {
                let capital = alias[at..].chars().next().is_some_and(char::is_uppercase);
                let mut o = other.clone();
                if capital {
                    o = o[..1].to_uppercase() + &o[1..];
                }
                out.push(format!("{}{}{}", &alias[..at], o, &alias[at + w.len()..]));
            }
        }
    }
    out
}

/// A code of letters and digits written the other way, joined or split:
/// "M23" and "M-23", "G5" and "G-5". The tokeniser reads "M-23" as two
/// words, so each way is a pattern of its own.
pub fn other_code_form(alias: &str) -> Option<String> {
    let mut changed = false;
    let words: Vec<String> = alias
        .split_whitespace()
        .map(|w| {
            let letters = w.trim_end_matches(|c: char| c.is_ascii_digit());
            let digits = &w[letters.len()..];
            let plain = letters.trim_end_matches('-');
            let code = !digits.is_empty() && !plain.is_empty() && plain.chars().all(|c| c.is_ascii_alphabetic());
            if !code {
                return w.to_string();
            }
            changed = true;
            if letters.ends_with('-') {
                format!("{plain}{digits}")
            } else {
                format!("{plain}-{digits}")
            }
        })
        .collect();
    changed.then(|| words.join(" "))
}

/// A person's name without the particles inside it ("Mohamed Ould
/// Siyala" -> "Mohamed Siyala", "Fayez al-Sarraj" -> "Fayez Sarraj"), as
/// news often writes it; `particles` are normal forms. The first word
/// stays ("Abu Bakr"), and two words at least must remain.
pub fn without_particles(name: &str, particles: &[String]) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        if i == 0 {
            out.push(w);
        } else if i + 1 < words.len() && particles.contains(&lower) {
            continue;
        } else {
            let stripped = lower
                .split_once('-')
                .filter(|(p, rest)| !rest.is_empty() && particles.iter().any(|x| x == p))
                .map(|(p, _)| &w[p.len() + 1..]);
            out.push(stripped.unwrap_or(w));
        }
    }
    (out.len() >= 2 && out != words).then(|| out.join(" "))
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// The first letter and the consonants of a key.
pub fn skeleton(key: &str) -> String {
    skeleton_chars(key).collect()
}

/// [`skeleton`], written into `out` (cleared first): a lookup by the
/// skeletons of many words needs no new string for each.
pub fn skeleton_in<'b>(key: &str, out: &'b mut String) -> &'b str {
    out.clear();
    out.extend(skeleton_chars(key));
    out
}

/// The letters of [`skeleton`], without building it.
fn skeleton_chars(key: &str) -> impl Iterator<Item = char> + '_ {
    let mut last = None;
    key.chars().enumerate().filter_map(move |(i, c)| {
        // a consonant written twice across a dropped vowel counts once
        // ("Afewerki" / "Afwerki")
        if (i == 0 || !is_vowel(c)) && last != Some(c) {
            last = Some(c);
            Some(c)
        } else {
            None
        }
    })
}

/// Whether two keys are variants of one name (and not the same key).
pub fn keys_are_variants(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.len() < MIN_KEY_LEN || b.len() < MIN_KEY_LEN {
        return false;
    }
    // the edit distance is at least the difference of lengths: keys too
    // unlike in length cannot reach the similarity (checked first, as it
    // costs nothing)
    let (short, long) = (a.len().min(b.len()) as f64, a.len().max(b.len()) as f64);
    if short / long < MIN_SIMILARITY {
        return false;
    }
    skeleton_chars(a).eq(skeleton_chars(b)) && normalized_levenshtein(a, b) >= MIN_SIMILARITY
}

/// `strsim::normalized_levenshtein`, without its allocation for the short
/// ASCII keys names have (asked for every candidate spelling of every
/// capitalised word); other text goes to strsim.
fn normalized_levenshtein(a: &str, b: &str) -> f64 {
    const MAX: usize = 48;
    let (x, y) = (a.as_bytes(), b.as_bytes());
    if !a.is_ascii() || !b.is_ascii() || x.len() > MAX || y.len() > MAX {
        return strsim::normalized_levenshtein(a, b);
    }
    if x.is_empty() && y.is_empty() {
        return 1.0;
    }
    // one row of the edit-distance table, on the stack
    let mut row = [0usize; MAX + 1];
    for (j, r) in row.iter_mut().enumerate().take(y.len() + 1) {
        *r = j;
    }
    for (i, &cx) in x.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cy) in y.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(cx != cy));
            diagonal = above;
        }
    }
    1.0 - row[y.len()] as f64 / x.len().max(y.len()) as f64
}

/// Whether two words are variants of one name.
pub fn are_variants(a: &str, b: &str) -> bool {
    keys_are_variants(&key(a), &key(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_are_variants() {
        for (a, b) in [
            ("Haftar", "Hifter"),
            ("Haftar", "Hafter"),
            ("Haftar", "Heftar"),
            ("Siala", "Siyala"),
            ("Gerasimov", "Grasimov"),
            ("Shoigu", "Shoygo"),
            ("Shoigu", "Shoygu"),
            ("Aguila", "Aqila"),
            ("Aguila", "Agila"),
            ("Aguila", "Ageela"),
            ("Craft", "Kraft"),
            ("Çavuşoğlu", "Çavuşoغلlu"),
            ("Cavusoglu", "Chavushoglu"),
            ("Sarraj", "Serraj"),
            ("Abdallah", "Abdullah"),
            ("Mohamed", "Muhammad"),
            ("Hemedti", "Hamidati"),
            ("Assad", "Asad"),
            ("Nusra", "Nosra"),
            ("Erdogan", "Erdoğan"),
            ("Erdogan", "Erdoghan"),
            ("Wefaq", "Wifaq"),
            ("Lavrov", "Lavrof"),
            ("Gaddafi", "Qaddafi"),
            ("Zelensky", "Zelenskyy"),
            ("Dbeibah", "Dbeiba"),
            ("Afwerki", "Afewerki"),
            ("Tshisekedi", "Tchisekedi"),
            ("Ouattara", "Watara"),
            ("Ouedraogo", "Wedraogo"),
            ("Aliyev", "Aliev"),
            ("Kadyrov", "Kadirov"),
            ("Hemeti", "Hemetti"),
        ] {
            assert!(are_variants(a, b), "{a} ~ {b}: {} {}", key(a), key(b));
        }
    }

    #[test]
    fn the_edit_distance_is_strsim_s() {
        let words = [
            "",
            "a",
            "haftar",
            "hifter",
            "kitten",
            "sitting",
            "abdallah",
            "abdullah",
            "zelensky",
            "zelenskyy",
            "ouattara",
            "watara",
            "flaw",
            "lawn",
            "çavuşoğlu",
            "cavusoglu",
        ];
        for a in words {
            for b in words {
                assert_eq!(
                    normalized_levenshtein(a, b),
                    strsim::normalized_levenshtein(a, b),
                    "{a} / {b}"
                );
            }
        }
    }

    #[test]
    fn near_misses_are_not() {
        for (a, b) in [
            ("Sirte", "Sisi"),
            ("Saleh", "Siala"),
            ("Tripoli", "Tobruk"),
            ("Misrata", "Marsa"),
            ("Lavrov", "Lavrentiev"),
            ("Putin", "Pushkin"),
            ("Russia", "Prussia"),
            ("Jordan", "Sudan"),
            ("Syria", "Serbia"),
            ("Ali", "Eli"),
            ("Haftar", "Hafez"),
            ("Macron", "Marcos"),
            ("Deby", "Derby"),
            ("Mali", "Malta"),
            ("Iran", "Iraq"),
        ] {
            assert!(!are_variants(a, b), "{a} !~ {b}: {} {}", key(a), key(b));
        }
    }

    #[test]
    fn french_spellings_get_keys_of_their_own() {
        let alt = french_spelling("pashinyan").unwrap();
        assert!(are_variants(&alt, "Pachinian"));
        assert!(are_variants(&french_spelling("shevardnadze").unwrap(), "Chevardnadze"));
        assert!(!are_variants("Pashinyan", "Pachinian"));
        assert_eq!(french_spelling("lavrov"), None);
        // an inner "ou" stays a vowel: Touareg / Tuareg
        assert!(are_variants("Touareg", "Tuareg"));
    }

    #[test]
    fn adjectives_of_names() {
        assert!(adjective_of("arakan", "arakanese"));
        assert!(adjective_of("tigray", "tigrayan"));
        assert!(adjective_of("somalia", "somali"));
        assert!(adjective_of("kosovo", "kosovan"));
        assert!(!adjective_of("arakan", "arakan"));
        assert!(!adjective_of("mali", "malian"), "too short to tell");
        assert!(!adjective_of("sudan", "sudanese-born"));
    }

    #[test]
    fn codes_joined_and_split() {
        assert_eq!(other_code_form("M23").as_deref(), Some("M-23"));
        assert_eq!(other_code_form("M-23").as_deref(), Some("M23"));
        assert_eq!(other_code_form("G5 Sahel").as_deref(), Some("G-5 Sahel"));
        assert_eq!(other_code_form("Brigade 444"), None);
        assert_eq!(other_code_form("Hamas"), None);
    }

    #[test]
    fn synonyms_in_names() {
        let sets = vec![
            vec!["backed".to_string(), "supported".to_string()],
            vec!["recognised".to_string(), "recognized".to_string()],
        ];
        assert_eq!(
            synonym_forms("UN-backed government", &sets),
            vec!["UN-supported government"]
        );
        assert_eq!(
            synonym_forms("Internationally Recognised Government", &sets),
            vec!["Internationally Recognized Government"]
        );
        assert_eq!(
            synonym_forms("Iran-backed militias", &sets),
            vec!["Iran-supported militias"]
        );
        // whole words only
        assert!(synonym_forms("Backedworth Front", &sets).is_empty());
        assert!(synonym_forms("Hamas", &sets).is_empty());
    }

    #[test]
    fn names_without_particles() {
        let p: Vec<String> = ["al", "bin", "ould", "van"].iter().map(|s| s.to_string()).collect();
        assert_eq!(
            without_particles("Ahmed Ould Daddah", &p).as_deref(),
            Some("Ahmed Daddah")
        );
        assert_eq!(
            without_particles("Bashar al-Assad", &p).as_deref(),
            Some("Bashar Assad")
        );
        assert_eq!(
            without_particles("Hamad bin Jassim", &p).as_deref(),
            Some("Hamad Jassim")
        );
        assert_eq!(without_particles("Al-Assad", &p), None);
        assert_eq!(without_particles("Bin Laden", &p), None);
        assert_eq!(without_particles("Kelly Craft", &p), None);
    }

    #[test]
    fn keys() {
        assert_eq!(key("Çavuşoğlu"), "kafusoklu");
        assert_eq!(key("Chavushoglu"), "kafusoklu");
        assert_eq!(skeleton(&key("Hifter")), "hftr");
    }
}
