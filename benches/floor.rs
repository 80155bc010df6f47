//! The floor no linker can beat, shared by the `pipeline` bench and the
//! `throughput` example: one Aho-Corasick scan of the text for the shipped
//! gazetteer's aliases, ASCII case-insensitive, leftmost-longest.

use actorgraph::link::Gazetteer;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// The automaton of every alias of `gazetteer`.
pub fn floor_automaton(gazetteer: &Gazetteer) -> AhoCorasick {
    let aliases: Vec<&str> = gazetteer
        .actors()
        .iter()
        .flat_map(|a| a.aliases.iter().map(String::as_str))
        .collect();
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&aliases)
        .expect("the shipped aliases build an automaton")
}
