//! The regular -s form of an English word: the plural of a noun, the
//! third person of a verb. Both stages that read word lists derive it
//! here, so a list names a noun or a verb once ("drone" is "drones" too).

/// The regular -s form of a lower-case word: "-ies" after a consonant and
/// "y" ("militia" -> "militias", "battery" -> "batteries"), "-es" after a
/// sibilant ("ambush" -> "ambushes"), "-s" otherwise.
pub fn s_form(word: &str) -> String {
    let stem_y = word
        .strip_suffix('y')
        .filter(|s| s.chars().last().is_some_and(|c| !"aeiou".contains(c)));
    if let Some(s) = stem_y {
        format!("{s}ies")
    } else if word.ends_with('s') || word.ends_with('x') || word.ends_with("ch") || word.ends_with("sh") {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::s_form;

    #[test]
    fn regular_s_forms() {
        assert_eq!(s_form("drone"), "drones");
        assert_eq!(s_form("battery"), "batteries");
        assert_eq!(s_form("convoy"), "convoys");
        assert_eq!(s_form("ambush"), "ambushes");
        assert_eq!(s_form("match"), "matches");
        assert_eq!(s_form("bus"), "buses");
    }
}
