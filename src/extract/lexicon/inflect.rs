//! The forms of a lexicon word: regular -s, -ed and -ing (consonant
//! doubling, -y, -e), irregular forms from the lexicon's tables, and the
//! irregular forms of a prefixed verb ("retake" as "take").

use std::collections::{HashMap, HashSet};

/// The inflection tables of a lexicon.
pub(super) struct Inflector<'a> {
    pub(super) fixed: &'a HashSet<String>,
    pub(super) irregular: &'a HashMap<String, Vec<String>>,
}

impl Inflector<'_> {
    /// Every form of every lemma, sorted.
    pub(super) fn forms(&self, lemmas: &[String]) -> Vec<String> {
        let mut out: Vec<String> = lemmas
            .iter()
            .flat_map(|l| forms_of(l, self.fixed, self.irregular))
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

pub(super) fn past_forms(base: &str, irregular: &HashMap<String, Vec<String>>) -> Vec<String> {
    let mut out: Vec<String> = irregular_forms(base, irregular)
        .into_iter()
        .filter(|f| f.ends_with("ed") || !(f.ends_with("ing") || f.ends_with('s')))
        .collect();
    out.push(regular_past(base));
    out.sort();
    out.dedup();
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

pub(crate) fn regular_past(w: &str) -> String {
    if w.ends_with('e') {
        format!("{w}d")
    } else if let Some(stem) = w
        .strip_suffix('y')
        .filter(|s| s.chars().last().is_some_and(|c| !is_vowel(c)))
    {
        format!("{stem}ied")
    } else if doubles_final_consonant(w) {
        format!("{w}{}ed", &w[w.len() - 1..])
    } else {
        format!("{w}ed")
    }
}

/// Whether a verb doubles its last consonant before -ed and -ing: a word
/// of one syllable that ends in one vowel and one consonant ("ban",
/// "slam", "step"; not "back", "meet", "row"). Longer words that double
/// ("expel", "transfer") are listed as irregular.
fn doubles_final_consonant(w: &str) -> bool {
    let b = w.as_bytes();
    let n = b.len();
    if n < 3 || !w.is_ascii() {
        return false;
    }
    let v = |c: u8| is_vowel(c as char);
    let syllables = b.windows(2).filter(|p| v(p[1]) && !v(p[0])).count() + usize::from(v(b[0]));
    syllables == 1 && !v(b[n - 1]) && !matches!(b[n - 1], b'w' | b'x' | b'y') && v(b[n - 2]) && !v(b[n - 3])
}

/// Every form a lexicon word matches: itself, and unless it is fixed, its
/// -s, -ed and -ing forms by the regular rules, plus irregular forms.
pub fn forms_of(base: &str, fixed: &HashSet<String>, irregular: &HashMap<String, Vec<String>>) -> Vec<String> {
    let mut out = vec![base.to_string()];
    if !fixed.contains(base) {
        out.push(crate::text::s_form(base));
        out.push(regular_past(base));
        // -ing
        out.push(if base.ends_with("ee") {
            format!("{base}ing")
        } else if doubles_final_consonant(base) {
            format!("{base}{}ing", &base[base.len() - 1..])
        } else if let Some(s) = base.strip_suffix('e') {
            format!("{s}ing")
        } else {
            format!("{base}ing")
        });
        // -er / -ers are listed by the lexicon as words of their own.
    }
    out.extend(irregular_forms(base, irregular));
    out.sort();
    out.dedup();
    out
}

/// Prefixes that keep the irregular forms of the verb they make:
/// "retake" as "take" (retook, retaken), "overrun" as "run".
const VERB_PREFIXES: &[&str] = &["re", "over", "out", "under", "with", "mis", "up"];

/// The irregular forms of a lemma, or of the verb it makes with a prefix.
fn irregular_forms(base: &str, irregular: &HashMap<String, Vec<String>>) -> Vec<String> {
    if let Some(irr) = irregular.get(base) {
        return irr.clone();
    }
    for p in VERB_PREFIXES {
        if let Some(irr) = base.strip_prefix(p).and_then(|rest| irregular.get(rest)) {
            return irr.iter().map(|f| format!("{p}{f}")).collect();
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    fn forms(w: &str) -> Vec<String> {
        forms_of(w, &HashSet::new(), &HashMap::new())
    }

    #[test]
    fn short_verbs_double_their_last_consonant() {
        assert_eq!(forms("ban"), vec!["ban", "banned", "banning", "bans"]);
        assert_eq!(forms("step"), vec!["step", "stepped", "stepping", "steps"]);
        assert_eq!(forms("meet"), vec!["meet", "meeted", "meeting", "meets"]);
        assert_eq!(forms("target"), vec!["target", "targeted", "targeting", "targets"]);
        assert_eq!(forms("row"), vec!["row", "rowed", "rowing", "rows"]);
    }

    #[test]
    fn regular_inflection() {
        assert_eq!(forms("back"), vec!["back", "backed", "backing", "backs"]);
        assert_eq!(forms("accuse"), vec!["accuse", "accused", "accuses", "accusing"]);
        assert_eq!(forms("ally"), vec!["allied", "allies", "ally", "allying"]);
        assert_eq!(
            forms("supporter"),
            vec!["supporter", "supportered", "supportering", "supporters"]
        );
    }
}
