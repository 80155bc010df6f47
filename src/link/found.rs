//! Actors no gazetteer holds, found in the text.
//!
//! A named person or organisation that links to nothing is still an actor
//! when the sentence says what it is:
//!
//! - a person named with a title or an office ("Brig. Gen. X Y", "Foreign
//!   Minister X Y", "opposition leader X Y"), in apposition to an office
//!   ("X Y, the commander of ...", "X Y, a member of ..."), next to a verb
//!   of saying ("X Y said"), or after a state's possessive ("Hungary's X Y");
//! - an organisation named with an organisation word ("... Front", "...
//!   Party", "Ministry of ...", "Alliance of ..."), with a force noun after
//!   it ("the X militia", "X militiamen"), or by an acronym the text defines
//!   ("the National Front for ... (NFX)").
//!
//! Each becomes an [`Actor`] of the document's own table, with an
//! [`ActorId`] past the gazetteer's range, its kind and, from the sentence,
//! its affiliation ("Ghanaian Foreign Minister X" -> ghana). Later mentions
//! of the same name link to it: the full name, a person's surname alone
//! ("Mr. Y"), an organisation's acronym or initials. A name in apposition
//! to a commentator ("X Y, an analyst at ...") is never an actor in that
//! document (GUIDELINES, "Settled later").
//!
//! The pass only looks at capitalised runs no mention covers, so a sentence
//! without one costs a scan of its tokens. The words it reads are data
//! (`found.ron`).

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::{DocState, LinkHow, Linker, Mention, SENTENCE_OPENERS};
use crate::link::gazetteer::{Actor, ActorId, ActorKind, Gazetteer};
use crate::text::{normalize_word, Case, Sentence, TokenKind, WordSet};

const FOUND: &str = include_str!("found.ron");

/// The words of `found.ron`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct FoundFile {
    person_titles: Vec<String>,
    portfolio_words: Vec<String>,
    office_nouns: Vec<String>,
    commentator_nouns: Vec<String>,
    commentator_bodies: Vec<String>,
    speech_verbs: Vec<String>,
    organisation_words: Vec<(String, ActorKind)>,
    weak_organisation_words: Vec<String>,
    group_nouns: Vec<String>,
    not_person_words: Vec<String>,
    not_names: Vec<String>,
    state_force_words: Vec<String>,
}

/// The cue words of the pass, as sets.
#[derive(Debug, Clone)]
pub(crate) struct FoundCues {
    titles: WordSet,
    portfolio: WordSet,
    offices: WordSet,
    commentators: WordSet,
    commentator_bodies: WordSet,
    speech: WordSet,
    org_words: FxHashMap<Box<str>, ActorKind>,
    /// The same words as a set, for the quick "no".
    org_word_set: WordSet,
    weak_org_words: WordSet,
    group_nouns: WordSet,
    not_person: WordSet,
    not_names: WordSet,
    /// Words of the name of a state's own forces ("Defence Forces").
    state_forces: WordSet,
    /// A state's name of one word (normalised) -> the state.
    states: FxHashMap<String, ActorId>,
}

impl FoundCues {
    /// The embedded `found.ron`, and the one-word names of `gazetteer`'s
    /// states.
    pub(crate) fn new(gazetteer: &Gazetteer) -> Self {
        let f: FoundFile = ron::from_str(FOUND).expect("embedded found.ron is valid");
        let set = |l: &[String]| WordSet::new(l.iter().flat_map(|w| w.split_whitespace().map(normalize_word)));
        FoundCues {
            titles: set(&f.person_titles),
            portfolio: set(&f.portfolio_words),
            offices: set(&f.office_nouns),
            commentators: set(&f.commentator_nouns),
            commentator_bodies: set(&f.commentator_bodies),
            speech: set(&f.speech_verbs),
            org_words: f
                .organisation_words
                .iter()
                .map(|(w, k)| (Box::from(normalize_word(w).as_str()), *k))
                .collect(),
            weak_org_words: set(&f.weak_organisation_words),
            org_word_set: WordSet::new(f.organisation_words.iter().map(|(w, _)| normalize_word(w))),
            // "armed group" is looked at by its head
            group_nouns: WordSet::new(
                f.group_nouns
                    .iter()
                    .filter_map(|w| w.split_whitespace().last())
                    .map(normalize_word),
            ),
            not_person: set(&f.not_person_words),
            not_names: set(&f.not_names),
            state_forces: set(&f.state_force_words),
            states: gazetteer
                .actors()
                .iter()
                .enumerate()
                .filter(|(_, a)| a.kind == ActorKind::State)
                .flat_map(|(i, a)| {
                    a.aliases
                        .iter()
                        .filter(|n| !n.contains(' ') && n.chars().filter(|c| c.is_uppercase()).count() == 1)
                        .map(move |n| (normalize_word(n), ActorId(i as u32)))
                })
                .collect(),
        }
    }
}

impl FoundCues {
    fn is_org_word(&self, w: &str) -> bool {
        self.org_word_set.contains(w)
    }
}

/// What the sentence says of a new actor.
struct NewActor {
    /// Token span of the mention.
    first: usize,
    end: usize,
    kind: ActorKind,
    affiliation: Option<ActorId>,
    /// An acronym defined right after, as a token span.
    acronym: Option<(usize, usize)>,
    /// Named with a weak organisation word only.
    weak: bool,
}

/// Words inside a name that join its capitalised words: "Alliance of
/// Sahel States", "Front for the Liberation of ...".
const CONNECTORS: &[&str] = &[
    "of", "for", "de", "del", "des", "du", "da", "do", "van", "von", "la", "le",
];

/// Endings of adjectives of peoples and creeds ("Islamist", "Kurdish",
/// "Sudanese", "Salafi"), which a force noun after them does not make a
/// name.
const ADJECTIVE_ENDINGS: &[&str] = &["ist", "ists", "ish", "ese", "ian", "ic", "ite", "ites", "i"];

/// How far past an office noun a place of study is looked for ("director
/// of the Center for Strategic Studies").
const COMMENTATOR_BODY_REACH: usize = 8;

/// The longest name of a person, in words.
const MAX_PERSON_WORDS: usize = 4;

/// How far past a comma an apposition's head noun is looked for.
const APPOSITION_REACH: usize = 6;

fn is_cap_word(s: &Sentence, i: usize) -> bool {
    s.tokens
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Word && matches!(t.case, Case::Title | Case::Upper))
}

/// The norm of a token without a trailing full stop ("gen." -> "gen").
fn bare(s: &Sentence, i: usize) -> &str {
    s.tokens[i].norm(s).trim_end_matches('.')
}

/// Find the actors of sentence `s` that no gazetteer holds, and link the
/// later mentions of those already found. Adds the mentions, in order.
pub(super) fn find(l: &Linker, text: &str, s: &Sentence, mentions: &mut Vec<Mention>, state: &mut DocState) {
    let n = s.tokens.len();
    let mut covered = vec![false; n];
    for m in mentions.iter() {
        covered[m.first_token..m.end_token].iter_mut().for_each(|c| *c = true);
    }
    // most sentences have no capitalised word left: nothing to do
    if !(0..n).any(|i| !covered[i] && is_cap_word(s, i)) {
        return;
    }
    let first_word = s.tokens.iter().position(|t| t.kind == TokenKind::Word).unwrap_or(0);
    let had = mentions.len();
    let mut i = 0;
    while i < n {
        let Some((a, b)) = next_run(l, s, &covered, i) else {
            break;
        };
        i = b.max(a + 1);
        // "The Alliance of ...": the article is no part of the name
        let mut a = a;
        while a < b && matches!(s.tokens[a].norm(s), "the" | "a" | "an") {
            a += 1;
        }
        if a >= b {
            continue;
        }
        // a capitalised common word opening the sentence ("Then", "Later")
        if a == first_word && SENTENCE_OPENERS.contains(s.tokens[a].norm(s)) {
            a += 1;
            while a < b && !is_cap_word(s, a) {
                a += 1;
            }
            if a >= b {
                continue;
            }
        }
        // (the mentions found so far in the sentence are context too:
        // "Mohamed, known as Farmajo")
        for m in classify(l, text, s, a, b, mentions, state) {
            covered[m.first_token..m.end_token].iter_mut().for_each(|c| *c = true);
            mentions.push(m);
        }
    }
    if mentions.len() > had {
        mentions.sort_by_key(|m| m.first_token);
    }
}

/// The next run of capitalised words (with joiners, name particles, full
/// stops of abbreviations, and connectors between capitalised words) that
/// no mention covers, from token `from`.
fn next_run(l: &Linker, s: &Sentence, covered: &[bool], from: usize) -> Option<(usize, usize)> {
    let n = s.tokens.len();
    let particle = |i: usize| {
        !covered[i]
            && s.tokens[i].kind == TokenKind::Word
            && (i + 1 < n && (s.tokens[i + 1].kind == TokenKind::Joiner || is_cap_word(s, i + 1)))
            && l.name_particles.contains_at(s, i)
    };
    // (the test of the next token first, inline: most tokens are small
    // words, turned away here without a call)
    let a = (from..n).find(|&i| {
        !covered[i]
            && s.tokens[i].kind == TokenKind::Word
            && (matches!(s.tokens[i].case, Case::Title | Case::Upper)
                || (i + 1 < n && (s.tokens[i + 1].kind == TokenKind::Joiner || is_cap_word(s, i + 1)) && particle(i)))
    })?;
    let mut b = a + 1;
    while b < n && !covered[b] {
        let t = &s.tokens[b];
        if is_cap_word(s, b) || particle(b) {
            b += 1;
        } else if t.kind == TokenKind::Joiner && b + 1 < n && !covered[b + 1] && s.tokens[b + 1].kind == TokenKind::Word
        {
            // "al-Bashir", "CSP-DPA"
            b += 2;
        } else if t.kind == TokenKind::Punct && t.norm(s) == "." && is_title(l, bare(s, b - 1)) {
            // "Gen. X", "Sen. X", when the tokeniser leaves the full stop
            // apart (a title of either list)
            b += 1;
        } else if t.kind == TokenKind::Word && CONNECTORS.contains(&t.norm(s)) {
            // "Alliance of Sahel States", "Front for the Liberation of"
            let mut c = b + 1;
            if c < n && s.tokens[c].norm(s) == "the" {
                c += 1;
            }
            if c < n && !covered[c] && is_cap_word(s, c) && is_cap_word(s, b - 1) {
                b = c;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    // a connector never ends a run
    Some((a, b))
}

/// The position of token `first` among the words `ws`.
fn first_index(ws: &[usize], first: usize) -> usize {
    ws.iter().position(|&i| i == first).unwrap_or(0)
}

/// The word tokens of `a..b` (joiners and full stops left out).
fn words(s: &Sentence, a: usize, b: usize) -> Vec<usize> {
    (a..b).filter(|&i| s.tokens[i].kind == TokenKind::Word).collect()
}

fn key(s: &Sentence, words: &[usize]) -> String {
    let mut out = String::new();
    for &i in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(s.tokens[i].norm(s));
    }
    out
}

fn mention(s: &Sentence, first: usize, end: usize, actor: ActorId, score: f32) -> Mention {
    Mention::spanning(s, first, end, actor, LinkHow::Found, score)
}

fn is_title(l: &Linker, w: &str) -> bool {
    l.titles.contains(w) || l.found.titles.contains(w)
}

/// [`is_title`] of token `i`'s [`bare`] form, asked by the hash the token
/// carries when its form is bare already (the common case).
fn is_title_at(l: &Linker, s: &Sentence, i: usize) -> bool {
    let norm = s.tokens[i].norm(s);
    if norm.ends_with('.') {
        return is_title(l, bare(s, i));
    }
    l.titles.contains_at(s, i) || l.found.titles.contains_at(s, i)
}

/// The mentions a run gives: a later mention of a found actor, a new
/// actor, or nothing.
fn classify(
    l: &Linker,
    text: &str,
    s: &Sentence,
    a: usize,
    b: usize,
    mentions: &[Mention],
    state: &mut DocState,
) -> Vec<Mention> {
    let cues = &l.found;
    // no name of the table ends the run and nothing around it could make
    // it an actor: the common case, decided without allocating (by the
    // hash each token carries)
    let last_word = (a..b).rev().find(|&i| s.tokens[i].kind == TokenKind::Word);
    let may_be_known = last_word.is_some_and(|i| state.found.last_words.contains(&s.tokens[i].first_word_hash));
    if !may_be_known && !has_cue(l, s, a, b) {
        return Vec::new();
    }
    let ws = words(s, a, b);
    if ws.is_empty() {
        return Vec::new();
    }
    // the titles, demonyms and portfolios that open the run: "Ghanaian
    // Foreign Minister", "Minister of Justice", "Lamu County Commissioner"
    let mut name_from = 0;
    let mut titled = false;
    let mut p = 0;
    while p < ws.len() {
        if is_title_at(l, s, ws[p]) {
            titled = true;
            name_from = p + 1;
            // "Minister of Justice", "Secretary of State"
            if ws.get(p + 1).is_some_and(|&i| s.tokens[i].norm(s) == "of") {
                let mut q = p + 2;
                while q < ws.len() && cues.portfolio.contains(s.tokens[ws[q]].norm(s)) {
                    q += 1;
                }
                if q > p + 2 {
                    name_from = q;
                    p = q;
                    continue;
                }
            }
        }
        p += 1;
    }
    // titles with no name after them are words of a name ("Patriotic
    // Unity Party", "Presidential Guard")
    if name_from == ws.len() {
        name_from = 0;
        titled = false;
    }
    let name = &ws[name_from..];
    let name_key = key(s, name);
    let table = &state.found;
    if table.blocked.contains(&name_key) {
        return Vec::new();
    }
    // a later mention: the full name, a surname, an acronym
    let first_tok = name[0];
    let end_tok = b;
    let known = table
        .names
        .get(&name_key)
        .or_else(|| table.acronyms.get(&name_key))
        .copied()
        .or_else(|| table.surnames.get(&name_key).copied().flatten());
    if let Some(actor) = known {
        if let Some(n) = state.found.weak.get_mut(&actor) {
            *n += 1;
        }
        // "Duclos is now an analyst": a commentator after all
        if commentator(l, s, a, b, &ws, name_from) {
            state.found.commentators.insert(actor);
        }
        return vec![mention(s, first_tok, end_tok, actor, 0.5)];
    }
    // "Kenya Defence Forces", "Malian Armed Forces": the state's own
    if let Some(state) = state_forces(l, s, &ws) {
        let mut m = mention(s, ws[0], b, state, 0.8);
        m.how = LinkHow::Demonym;
        return vec![m];
    }
    // "X, known as Y", "X, known by his nickname Y": another name of the
    // person just named
    if let Some(person) = nickname_of(l, s, a, mentions, state) {
        let table = &mut state.found;
        table.names.insert(name_key.clone(), person);
        remember_last_word(table, &name_key);
        return vec![mention(s, first_tok, end_tok, person, 0.5)];
    }
    // a name of the text itself, never an actor's
    if name
        .iter()
        .all(|&i| cues.not_names.contains(s.tokens[i].norm(s)) || is_title_at(l, s, i))
    {
        return Vec::new();
    }
    let Some(new) = new_actor(l, s, a, b, &ws, name_from, titled, mentions, state) else {
        return Vec::new();
    };
    add_actor(l, text, s, new, state)
}

/// Whether anything in or around run `a..b` is a cue of the pass: a title
/// or an organisation word in it; a comma, a parenthesis, a verb of
/// saying or a force noun after it; a lower-case title, a verb of saying
/// or a possessive before it; or a connector inside it.
fn has_cue(l: &Linker, s: &Sentence, a: usize, b: usize) -> bool {
    let cues = &l.found;
    let inside = (a..b).any(|i| {
        let t = &s.tokens[i];
        t.kind == TokenKind::Word && {
            let w = bare(s, i);
            is_title_at(l, s, i) || cues.is_org_word(w) || CONNECTORS.contains(&w)
        }
    });
    let after = s.tokens.get(b).is_some_and(|t| {
        let w = t.norm(s);
        matches!(w, "," | "(") || cues.speech.contains(w) || cues.group_nouns.contains(w)
    });
    let before = a > 0 && {
        let t = &s.tokens[a - 1];
        let w = t.norm(s);
        t.kind == TokenKind::Possessive
            || cues.speech.contains(w)
            || l.titles.contains_at(s, a - 1)
            || l.found.titles.contains_at(s, a - 1)
            || cues.offices.contains(w)
            || (a.saturating_sub(5)..a).any(|k| NICKNAME_CUES.contains(&s.tokens[k].norm(s)))
    };
    inside || after || before
}

/// The state whose own forces the words name: its one-word name or its
/// demonym, then only words of a state's forces, ending in a force noun.
fn state_forces(l: &Linker, s: &Sentence, ws: &[usize]) -> Option<ActorId> {
    let cues = &l.found;
    let (&first, rest) = ws.split_first()?;
    let w = s.tokens[first].norm(s);
    let state = cues.states.get(w).copied().or_else(|| l.demonym_at(s, first))?;
    let last = s.tokens[*rest.last()?].norm(s);
    let forces = cues.org_words.get(last) == Some(&ActorKind::ArmedGroup);
    (forces && rest.iter().all(|&i| cues.state_forces.contains(s.tokens[i].norm(s)))).then_some(state)
}

/// Words after which a name is another name of the person named just
/// before: "X, known as Y", "X, nicknamed Y", "X, known by his nickname Y".
const NICKNAME_CUES: &[&str] = &["known", "nicknamed", "dubbed", "nickname"];

/// How far back from a nickname the person it names is looked for.
const NICKNAME_REACH: usize = 8;

/// The person a run at token `a` is a nickname of: a person's mention
/// within a few words before a nickname cue just before `a`.
fn nickname_of(l: &Linker, s: &Sentence, a: usize, mentions: &[Mention], state: &DocState) -> Option<ActorId> {
    let lo = a.saturating_sub(5);
    let cue = (lo..a).rev().find(|&k| NICKNAME_CUES.contains(&s.tokens[k].norm(s)))?;
    // nothing but small words between the cue and the name ("as", "by his")
    if (cue + 1..a).any(|k| s.tokens[k].kind != TokenKind::Word || s.tokens[k].case != Case::Lower) {
        return None;
    }
    let actors = DocActors::new(&l.gazetteer, &state.found.actors);
    mentions
        .iter()
        .filter(|m| m.end_token <= cue && m.end_token + NICKNAME_REACH >= cue)
        .filter(|m| actors.actor(m.actor).kind == ActorKind::Person)
        .max_by_key(|m| m.end_token)
        .map(|m| m.actor)
}

/// Whether the words can be a person's name: one to four capitalised
/// words, none a title, a calendar or generic word, a place word or an
/// organisation word, none a demonym.
fn person_name(l: &Linker, s: &Sentence, name: &[usize]) -> bool {
    let cues = &l.found;
    !name.is_empty()
        && name.len() <= MAX_PERSON_WORDS
        && name.iter().all(|&i| {
            let w = s.tokens[i].norm(s);
            let particle = l.name_particles.contains(w);
            particle
                || (s.tokens[i].case == Case::Title
                    && !is_title(l, w)
                    && !cues.not_names.contains(w)
                    && !cues.not_person.contains(w)
                    && !cues.is_org_word(w)
                    && !l.demonyms.contains_key(w))
        })
        && name.iter().any(|&i| !l.name_particles.contains(s.tokens[i].norm(s)))
}

/// The actor a mention covering token `i` names, if one does.
fn mention_at(mentions: &[Mention], i: usize) -> Option<&Mention> {
    mentions.iter().find(|m| m.first_token <= i && i < m.end_token)
}

/// The affiliation the words before a person's name give: a demonym
/// among the run's titles ("Ghanaian Foreign Minister"), or before lower-
/// case titles ("Venezuelan opposition leader"), or a state's possessive
/// ("Ghana's foreign minister", "Hungary's X").
fn affiliation_before(
    l: &Linker,
    s: &Sentence,
    a: usize,
    ws: &[usize],
    name_from: usize,
    mentions: &[Mention],
) -> Option<ActorId> {
    if let Some(st) = ws[..name_from].iter().find_map(|&i| l.demonym_at(s, i)) {
        return Some(st);
    }
    let mut k = a;
    while k > 0 {
        let t = &s.tokens[k - 1];
        if t.kind == TokenKind::Word
            && t.case == Case::Lower
            && (is_title(l, t.norm(s)) || l.found.offices.contains(t.norm(s)))
        {
            k -= 1;
        } else {
            break;
        }
    }
    if k == 0 {
        return None;
    }
    if let Some(st) = l.demonym_at(s, k - 1) {
        return Some(st);
    }
    if s.tokens[k - 1].kind == TokenKind::Possessive && k >= 2 {
        return mention_at(mentions, k - 2).map(|m| m.actor);
    }
    None
}

#[allow(clippy::too_many_arguments)]
fn new_actor(
    l: &Linker,
    s: &Sentence,
    a: usize,
    b: usize,
    ws: &[usize],
    name_from: usize,
    titled: bool,
    mentions: &[Mention],
    state: &mut DocState,
) -> Option<NewActor> {
    let cues = &l.found;
    let n = s.tokens.len();
    let norm = |i: usize| s.tokens[i].norm(s);
    let name = &ws[name_from..];
    let last = *ws.last()?;
    let after = s.tokens.get(b);
    let before = a.checked_sub(1).map(|k| &s.tokens[k]);
    // an acronym defined right after: "... of Azawad (CSP-DPA)"
    let acronym = (b + 2 < n && norm(b) == "(").then(|| {
        let mut c = b + 1;
        while c < n
            && (s.tokens[c].kind == TokenKind::Joiner
                || (s.tokens[c].kind == TokenKind::Word && s.tokens[c].case == Case::Upper))
        {
            c += 1;
        }
        (c > b + 1 && c < n && norm(c) == ")").then_some((b + 1, c))
    });
    let acronym = acronym.flatten();
    // the organisation word that heads the name: its last word, or one
    // before a connector ("Ministry of Defence", "Alliance of Sahel
    // States", "National Front for the Salvation of ...")
    let head_at = if cues.is_org_word(norm(last)) {
        Some(ws.len() - 1)
    } else {
        (0..ws.len().saturating_sub(1))
            .find(|&p| cues.is_org_word(norm(ws[p])) && CONNECTORS.contains(&norm(ws[p + 1])))
    };
    let org_head = head_at.and_then(|p| cues.org_words.get(norm(ws[p])).copied());
    // a name of more than one word, with a word that is no generic one
    // ("Security Forces", "Armed Forces" name no one body)
    let specific = ws.iter().any(|&i| {
        let w = norm(i);
        s.tokens[i].case != Case::Lower
            && !cues.is_org_word(w)
            && !cues.not_names.contains(w)
            && !is_title(l, w)
            && !CONNECTORS.contains(&w)
    });
    let capitals = ws.iter().filter(|&&i| s.tokens[i].case != Case::Lower).count();
    let specific = specific || capitals >= 3;
    // an organisation named with an organisation word, or by an acronym
    // a body speaks or acts: a verb of saying right after its name, or
    // after the acronym defined there ("... (CSP-DPA) said")
    let speech_at = |k: usize| s.tokens.get(k).is_some_and(|t| cues.speech.contains(t.norm(s)));
    let speaks = speech_at(b) || acronym.is_some_and(|(_, y)| speech_at(y + 1));
    // (an acronym alone does not make a body: "Weapons of Mass Destruction
    // (WMD)")
    if specific && capitals >= 2 && (org_head.is_some() || (acronym.is_some() && speaks)) {
        // "Leaders of the National Islamic Front", "Delegates of the
        // Alliance for ...": the name starts after a connector before its
        // head that no organisation word stands before
        let mut first = ws[0];
        if let Some(h) = head_at {
            if let Some(c) = ws[..h].iter().rposition(|&i| CONNECTORS.contains(&norm(i))) {
                if !ws[..c].iter().any(|&i| cues.is_org_word(norm(i))) {
                    let rest: Vec<usize> = ws[c + 1..].iter().copied().filter(|&i| norm(i) != "the").collect();
                    if rest.len() >= 2 {
                        first = rest[0];
                    }
                }
            }
        }
        // "the General Secretariat of the Organization of Islamic
        // Cooperation (OIC)": the name the acronym spells
        if let Some((x, y)) = acronym {
            let letters: String = s.norm[s.tokens[x].norm_start..s.tokens[y - 1].norm_end]
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            let initials = |from: usize| -> String {
                ws[from..]
                    .iter()
                    .filter(|&&i| s.tokens[i].case != Case::Lower)
                    .filter_map(|&i| norm(i).chars().next())
                    .collect()
            };
            if let Some(p) = (0..ws.len()).find(|&p| s.tokens[ws[p]].case != Case::Lower && initials(p) == letters) {
                first = ws[p];
            }
        }
        // "the Ministry of Interior", "the Defence Ministry": a part of a
        // state's government, named by its portfolio alone, is no actor of
        // its own (the state's, when a demonym says which: the linker's
        // agent nouns)
        let portfolio_only = ws[first_index(ws, first)..].iter().all(|&i| {
            let w = norm(i);
            cues.portfolio.contains(w) || CONNECTORS.contains(&w) || cues.is_org_word(w)
        });
        if portfolio_only {
            return None;
        }
        // "Interior Ministry spokesman X": a qualifier of the person after
        // it, not a body named as an actor
        let qualifier =
            after.is_some_and(|t| t.kind == TokenKind::Word && t.case == Case::Lower && is_title(l, t.norm(s)));
        if !qualifier {
            return Some(NewActor {
                first,
                end: b,
                kind: org_head.unwrap_or(ActorKind::Organisation),
                affiliation: None,
                acronym,
                weak: head_at.is_some_and(|h| cues.weak_org_words.contains(norm(ws[h]))),
            });
        }
        return None;
    }
    // "The Front for the Liberation of X said": a long name of a body,
    // with connectors, that speaks or acts
    let connected = ws.iter().any(|&i| CONNECTORS.contains(&norm(i)));
    if specific && connected && capitals >= 3 && speaks && !ws.iter().any(|&i| cues.not_person.contains(norm(i))) {
        return Some(NewActor {
            first: ws[0],
            end: b,
            kind: ActorKind::Organisation,
            affiliation: None,
            acronym,
            weak: false,
        });
    }
    // "the Twirwaneho militia", "CODECO militiamen"
    let group_after = after
        .is_some_and(|t| t.kind == TokenKind::Word && t.case == Case::Lower && cues.group_nouns.contains(t.norm(s)));
    // (a word of a people or a creed is an adjective there: "Islamist
    // militias", "Kurdish fighters")
    let adjective = |w: &str| {
        ADJECTIVE_ENDINGS
            .iter()
            .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
    };
    if group_after
        && ws.len() <= 3
        && !titled
        && specific
        && !ws
            .iter()
            .any(|&i| l.demonyms.contains_key(norm(i)) || cues.not_person.contains(norm(i)) || adjective(norm(i)))
    {
        return Some(NewActor {
            first: ws[0],
            end: b,
            kind: ActorKind::ArmedGroup,
            affiliation: None,
            acronym: None,
            weak: false,
        });
    }
    // "General Secretariat of the ...": a person's name is not followed
    // by "of"; "Revitalised Transitional Government of ...": nor by a name
    // it is only a part of
    if !person_name(l, s, name) || after.is_some_and(|t| t.norm(s) == "of") || is_cap_word(s, b) {
        return None;
    }
    let first = name[0];
    // "X Y, an analyst at ...", "Security analyst X", "former Ambassador
    // X": a commentator, or a former official speaking as one
    if commentator(l, s, a, b, ws, name_from) {
        block(&mut state.found, &key(s, name));
        return None;
    }
    // "X Y, the commander of ...": an actor
    let apposition = apposition_head(l, s, b);
    let lower_title_before = before.is_some_and(|t| {
        t.kind == TokenKind::Word
            && t.case == Case::Lower
            && (is_title(l, t.norm(s)) || cues.offices.contains(t.norm(s)))
    });
    let possessive_state = before.is_some_and(|t| t.kind == TokenKind::Possessive)
        && a >= 2
        && mention_at(mentions, a - 2)
            .is_some_and(|m| DocActors::new(&l.gazetteer, &state.found.actors).actor(m.actor).kind == ActorKind::State);
    let said_after = after.is_some_and(|t| cues.speech.contains(t.norm(s)));
    let said_before = before.is_some_and(|t| cues.speech.contains(t.norm(s)));
    let multi = name.len() >= 2;
    let person = titled
        || lower_title_before
        || apposition.is_some() && multi
        || (multi && (said_after || said_before || possessive_state));
    if !person {
        return None;
    }
    let mut affiliation = affiliation_before(l, s, a, ws, name_from, mentions);
    if affiliation.is_none() {
        if let Some((_, (x, y))) = apposition {
            // "X, Nigeria's defense minister", "X, a spokesman for the UN"
            affiliation = mentions
                .iter()
                .filter(|m| m.first_token >= x && m.first_token < y + 4)
                .find(|m| DocActors::new(&l.gazetteer, &state.found.actors).actor(m.actor).kind != ActorKind::Person)
                .map(|m| m.actor);
        }
    }
    Some(NewActor {
        first,
        end: b,
        kind: ActorKind::Person,
        affiliation,
        acronym: None,
        weak: false,
    })
}

/// Whether the name of run `a..b` (its words `ws`, the name from
/// `name_from`) is a commentator's by what stands around it: a
/// commentator's trade or "former" among its titles or in lower case just
/// before it ("security analyst X"), in apposition after it ("X, an
/// analyst at ...", "X, director of the Y Institute"), or as a predicate
/// ("X is now an analyst at ...").
fn commentator(l: &Linker, s: &Sentence, a: usize, b: usize, ws: &[usize], name_from: usize) -> bool {
    let cues = &l.found;
    let trade = |w: &str| cues.commentators.contains(w) || w == "former";
    if ws[..name_from].iter().any(|&i| trade(bare(s, i))) {
        return true;
    }
    let mut k = a;
    while k > 0 && s.tokens[k - 1].kind == TokenKind::Word && s.tokens[k - 1].case == Case::Lower {
        let w = s.tokens[k - 1].norm(s);
        if trade(w) {
            return true;
        }
        if !(is_title(l, w) || cues.offices.contains(w)) {
            break;
        }
        k -= 1;
    }
    if apposition_head(l, s, b).is_some_and(|x| x.0) {
        return true;
    }
    // "X is now an analyst", "X was a researcher at"
    let at = |k: usize| s.tokens.get(k).map(|t| t.norm(s));
    if matches!(at(b), Some("is" | "was")) {
        return s.tokens[b + 1..]
            .iter()
            .take(5)
            .take_while(|t| t.kind == TokenKind::Word)
            .any(|t| cues.commentators.contains(t.norm(s)));
    }
    false
}

/// After a name ending at token `end`: ", [a|the|X's] [adjectives] NOUN",
/// where NOUN is an office or a commentator's trade: (whether a
/// commentator, the token span up to the noun).
fn apposition_head(l: &Linker, s: &Sentence, end: usize) -> Option<(bool, (usize, usize))> {
    if s.tokens.get(end).is_none_or(|t| t.norm(s) != ",") {
        return None;
    }
    let cues = &l.found;
    let stop = (end + 1 + APPOSITION_REACH).min(s.tokens.len());
    for k in end + 1..stop {
        let t = &s.tokens[k];
        if t.kind == TokenKind::Punct {
            return None;
        }
        if t.kind != TokenKind::Word || t.case != Case::Lower {
            continue;
        }
        let w = t.norm(s);
        if cues.commentators.contains(w) {
            return Some((true, (end + 1, k + 1)));
        }
        if cues.offices.contains(w) || l.titles.contains(w) {
            // "director of the X Institute", "head of research at the
            // University of Y": an office of a place of study is a
            // commentator's
            let of_study = s.tokens[k + 1..]
                .iter()
                .take(COMMENTATOR_BODY_REACH)
                .take_while(|t| t.kind != TokenKind::Punct)
                .any(|t| cues.commentator_bodies.contains(t.norm(s)));
            return Some((of_study, (end + 1, k + 1)));
        }
        // a verb or a relative word: no apposition ("X, who said")
        if matches!(w, "who" | "which" | "that" | "and" | "but" | "said" | "says") {
            return None;
        }
    }
    None
}

/// Add a new actor (or find it under its id) and its mentions.
/// A group's branch the text names through the group ("the Islamic
/// State's Mozambique province", see `link::affiliates`), over tokens
/// `first..end`, as an armed group of the document's own table labelled
/// `label`: its mentions (none when the label's id is a gazetteer's).
pub(super) fn add_branch(
    l: &Linker,
    s: &Sentence,
    first: usize,
    end: usize,
    label: String,
    state: &mut DocState,
) -> Vec<Mention> {
    let new = NewActor {
        first,
        end,
        kind: ActorKind::ArmedGroup,
        affiliation: None,
        acronym: None,
        weak: false,
    };
    add_labelled(l, label, None, s, new, state)
}

fn add_actor(l: &Linker, text: &str, s: &Sentence, new: NewActor, state: &mut DocState) -> Vec<Mention> {
    let label = label_of(text, s, new.first, new.end);
    let acronym_label = new.acronym.map(|(x, y)| label_of(text, s, x, y));
    add_labelled(l, label, acronym_label, s, new, state)
}

fn add_labelled(
    l: &Linker,
    label: String,
    acronym_label: Option<String>,
    s: &Sentence,
    new: NewActor,
    state: &mut DocState,
) -> Vec<Mention> {
    let id = match (&acronym_label, new.kind) {
        (Some(acr), k) if k != ActorKind::Person => super::suggest::id_for(acr),
        _ => super::suggest::id_for(&label),
    };
    if id.is_empty() || l.gazetteer.by_id(&id).is_some() {
        return Vec::new();
    }
    let table = &mut state.found;
    let ws = words(s, new.first, new.end);
    let name_key = key(s, &ws);
    let actor = match table.actors.iter().position(|x| x.id == id) {
        Some(k) => ActorId((table.base + k) as u32),
        None => {
            let actor = ActorId((table.base + table.actors.len()) as u32);
            let mut aliases = vec![label.clone()];
            aliases.extend(acronym_label.clone());
            table.actors.push(Actor {
                id,
                label: label.clone(),
                kind: new.kind,
                aliases,
                affiliation: new.affiliation,
                country: None,
                demonyms: Vec::new(),
                metonyms: Vec::new(),
                people: Vec::new(),
                seats: Vec::new(),
                roles: Vec::new(),
                gender: None,
                contested: Vec::new(),
                // of no gazetteer layer: the text's own, never scoped to
                // one conflict (a user's actors are not either)
                layer: usize::MAX,
                first_layer: usize::MAX,
            });
            actor
        }
    };
    table.names.insert(name_key.clone(), actor);
    remember_last_word(table, &name_key);
    if new.kind == ActorKind::Person {
        // its last names: "Abdel Bari" and "Bari" after "Naser Eldin Abdel
        // Bari" (a particle alone is no name: "al" of "al-Bashir")
        for (k, _) in name_key.match_indices(' ') {
            let tail = &name_key[k + 1..];
            if l.name_particles.contains(tail) {
                continue;
            }
            remember_last_word(table, tail);
            let e = table.surnames.entry(tail.to_string()).or_insert(Some(actor));
            if *e != Some(actor) {
                *e = None; // two persons of one name: no surname link
            }
        }
    } else {
        // its initials: "National Congress Party" -> "ncp"
        let initials: String = ws
            .iter()
            .filter(|&&i| s.tokens[i].case != Case::Lower)
            .filter_map(|&i| s.tokens[i].norm(s).chars().next())
            .collect();
        if initials.chars().count() >= 2 {
            remember_last_word(table, &initials);
            table.acronyms.entry(initials).or_insert(actor);
        }
        if let Some((x, y)) = new.acronym {
            let k = key(s, &words(s, x, y));
            remember_last_word(table, &k);
            table.acronyms.insert(k, actor);
        }
    }
    let mut out = vec![mention(s, new.first, new.end, actor, 0.5)];
    if let Some((x, y)) = new.acronym {
        out.push(mention(s, x, y, actor, 0.5));
    }
    if new.weak || table.weak.contains_key(&actor) {
        *table.weak.entry(actor).or_default() += out.len() as u32;
    }
    out
}

/// The text of tokens `first..end`, as a label: its words and joiners,
/// full stops of abbreviations kept.
fn label_of(text: &str, s: &Sentence, first: usize, end: usize) -> String {
    text[s.tokens[first].start..s.tokens[end - 1].end].to_string()
}

mod table;
pub use table::DocActors;
pub(crate) use table::FoundTable;
use table::{block, remember_last_word};

#[cfg(test)]
mod tests;
