//! Every word of every class of the embedded lexicon, in every frame of
//! its class, gives the class's relation (issue 15).

use super::*;

/// A sentence in which one frame of a class stands with the test
/// gazetteer's Iran as the source and the Houthis as the target (or both
/// as participants), every placeholder filled with `entry` or the class's
/// first word of that kind.
fn frame_sentence(
    template: &str,
    class: &lexicon::ClassSpec,
    placeholder: &str,
    entry: &str,
    irregular: &std::collections::BTreeMap<String, Vec<String>>,
) -> String {
    let past = |phrase: &str| -> String {
        let mut words = phrase.split_whitespace();
        let first = words.next().unwrap_or_default();
        let head = irregular
            .get(first)
            .and_then(|forms| {
                forms
                    .iter()
                    .find(|f| !f.ends_with("ing") && !f.ends_with('s') && f.as_str() != "been")
            })
            .cloned()
            .unwrap_or_else(|| lexicon::regular_past(first));
        std::iter::once(head)
            .chain(words.map(str::to_string))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let pick = |p: &str, list: &[String]| -> String {
        if p == placeholder {
            entry.to_string()
        } else {
            list.first().cloned().unwrap_or_default()
        }
    };
    let mut out = Vec::new();
    for w in template.split_whitespace() {
        out.push(match w {
            "S" => "Iran".to_string(),
            "T" => "the Houthis".to_string(),
            "P" => "Iran and the Houthis".to_string(),
            "*" => continue,
            "V" => past(&pick("V", &class.verbs)),
            "L" => past(&pick("L", &class.light)),
            "N" => pick("N", &class.nouns),
            "R" => pick("R", &class.preps),
            "M" => "weapons".to_string(),
            "be" => "was".to_string(),
            "come" => "came".to_string(),
            "'s" => "'s".to_string(),
            w => w.to_string(),
        });
    }
    // a frame with no source: whoever says it is the source
    if !template.split_whitespace().any(|w| w == "S" || w == "P") {
        out.insert(0, "Iran said it was".to_string());
    }
    let mut s = out.join(" ").replace(" 's", "'s");
    if let Some(c) = s.get(..1) {
        s = c.to_uppercase() + &s[1..];
    }
    s + "."
}

/// Every word of every class, in every frame of its class, gives the
/// class's relation: what one entry does, all do (issue 15).
#[test]
fn every_entry_of_a_class_behaves_as_its_class() {
    let (linker, ex) = setup();
    let file: lexicon::LexiconFile = ron::from_str(lexicon::DEFAULT_LEXICON).unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for class in &file.classes {
        let want_one = |rel: Relation| -> Vec<String> {
            let mut w = match rel {
                Relation::Meet => vec!["houthis meet iran".to_string()],
                r => vec![format!("iran {} houthis", r.as_str())],
            };
            if class.mutual && rel != Relation::Meet {
                w.push(format!("houthis {} iran", rel.as_str()));
            }
            w.sort();
            w
        };
        for frame_name in &class.frames {
            for template in &file.frames[frame_name] {
                for (placeholder, list) in [
                    ("V", &class.verbs),
                    ("N", &class.nouns),
                    ("L", &class.light),
                    ("R", &class.preps),
                ] {
                    if !template.split_whitespace().any(|w| w == placeholder) {
                        continue;
                    }
                    for entry in list {
                        let text = frame_sentence(template, class, placeholder, entry, &file.irregular);
                        let mut want = want_one(class.relation);
                        // participants meet in pairs: "Iran and the Houthis met"
                        want.sort();
                        let got = events(&linker, &ex, &text);
                        checked += 1;
                        if !want.iter().all(|w| got.contains(w)) {
                            failures.push(format!(
                                "{} [{template}] {text:?}: want {want:?}, got {got:?}",
                                class.name
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 500, "{checked}");
    assert!(
        failures.is_empty(),
        "{} of {checked} wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
