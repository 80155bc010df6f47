//! A class's frames expanded into patterns: each placeholder of a frame
//! template (`V N L R M`) stands for the class's words of its kind.

use super::{ClassSpec, Item};
use crate::text::normalize_word;

/// One position of a pattern before its words are inflected.
#[derive(Debug, Clone)]
pub(super) enum Piece {
    /// A slot or a gap.
    Slot(Item),
    /// Any of these lemmas, in any of their forms.
    Lemmas(Vec<String>),
}

/// Whether `w` may stand as a word of a pattern.
pub(super) fn is_lexicon_word(w: &str) -> bool {
    w.chars().all(|c| c.is_lowercase() || c == '\'' || c == '-')
}

/// The placeholders of a frame: which list of a class each stands for.
const PLACEHOLDERS: &[&str] = &["V", "N", "L", "R", "M"];

/// Every pattern a frame template gives for a class: each placeholder
/// stands for the class's words of its kind (single words merged into one
/// position that takes any of them, each phrase of several words on its
/// own), the other words for themselves.
pub(super) fn expand_frame(
    template: &str,
    class: &ClassSpec,
    themes: &[String],
    base_themes: &[String],
) -> Result<Vec<Vec<Piece>>, String> {
    let mut out: Vec<Vec<Piece>> = vec![Vec::new()];
    for w in template.split_whitespace() {
        let options: Vec<Vec<Piece>> = match w {
            "S" => vec![vec![Piece::Slot(Item::Source)]],
            "T" => vec![vec![Piece::Slot(Item::Target)]],
            "P" => vec![vec![Piece::Slot(Item::Participants)]],
            "*" => vec![vec![Piece::Slot(Item::Gap)]],
            p if PLACEHOLDERS.contains(&p) => {
                let all_themes: Vec<String>;
                let list: &[String] = match p {
                    "V" => &class.verbs,
                    "N" => &class.nouns,
                    "L" => &class.light,
                    "R" => &class.preps,
                    _ => {
                        all_themes = base_themes.iter().chain(themes).cloned().collect();
                        &all_themes
                    }
                };
                if list.is_empty() {
                    let kind = match p {
                        "V" => "verbs",
                        "N" => "nouns",
                        "L" => "light verbs",
                        "R" => "prepositions",
                        _ => "theme nouns",
                    };
                    return Err(format!("class {:?} has no {kind} for {p} in {template:?}", class.name));
                }
                let mut single = Vec::new();
                let mut options = Vec::new();
                for entry in list {
                    // a hyphen joins words the tokeniser splits ("tit-for-tat")
                    let parts: Vec<String> = entry
                        .split(|c: char| c.is_whitespace() || c == '-')
                        .filter(|w| !w.is_empty())
                        .map(normalize_word)
                        .collect();
                    if parts.iter().any(|x| !is_lexicon_word(x)) || parts.is_empty() {
                        return Err(format!("class {:?}: {entry:?} must be lower-case words", class.name));
                    }
                    if parts.len() == 1 {
                        single.extend(parts);
                    } else {
                        options.push(parts.into_iter().map(|x| Piece::Lemmas(vec![x])).collect());
                    }
                }
                if !single.is_empty() {
                    single.sort();
                    single.dedup();
                    options.insert(0, vec![Piece::Lemmas(single)]);
                }
                options
            }
            w if is_lexicon_word(w) => vec![vec![Piece::Lemmas(vec![normalize_word(w)])]],
            _ => {
                return Err(format!(
                    "{w:?}: frames hold lower-case words, the slots S, T, P, * and the placeholders V, N, L, R, M"
                ))
            }
        };
        out = out
            .into_iter()
            .flat_map(|prefix| {
                options.iter().map(move |o| {
                    let mut p = prefix.clone();
                    p.extend(o.iter().cloned());
                    p
                })
            })
            .collect();
    }
    Ok(out)
}
