//! The shallow clause analysis: which mentions of a sentence fill a
//! pattern's slots. [`View`] indexes a sentence's mentions by token and
//! answers where the subject of a word is, what follows it, which names
//! form a list, and what stands in a comma-delimited insertion.

use super::lexicon::{Lexicon, Relation};
use super::Found;
use crate::link::{ActorId, Mention};
use crate::text::{Case, Sentence, StaticWords, TokenKind};

/// Words that end a clause for the subject search. Grammar of English, not
/// of any conflict, so kept here.
/// The most words between "after" or "before" and a trigger for the two
/// to be one phrase of a clause ("after days of heavy fighting with").
const MAX_PHRASE_BEFORE_NOUN: usize = 5;

pub(super) static CLAUSE_BOUNDARIES: StaticWords = StaticWords::new(&[
    ";",
    ":",
    "while",
    "whereas",
    "but",
    "although",
    "though",
    "because",
    "when",
    "after",
    "before",
    "if",
    "unless",
    "whether",
    "meanwhile",
]);
/// Adverbs that may stand between "and" and a verb ("and also accused").
pub(super) static ADVERBS: StaticWords = StaticWords::new(&[
    "also",
    "then",
    "later",
    "subsequently",
    "again",
    "further",
    "reportedly",
    "repeatedly",
]);
pub(super) const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her", "its", "their"];
pub(super) const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you"];
pub(super) const RELATIVE_PRONOUNS: &[&str] = &["which", "who", "that", "whom"];
/// Words that open an insertion adding its names to the subject before
/// it: "Egypt, along with the UAE and Russia, has backed Haftar".
const COMITATIVES: &[&[&str]] = &[
    &["along", "with"],
    &["together", "with"],
    &["as", "well", "as"],
    &["alongside"],
    &["like"],
];
/// Words a slot search does not cross after the trigger.
pub(super) static PREPOSITIONS: StaticWords = StaticWords::new(&[
    "of",
    "on",
    "in",
    "at",
    "to",
    "from",
    "with",
    "by",
    "for",
    "about",
    "against",
    "between",
    "over",
    "under",
    "into",
    "through",
    "during",
    "after",
    "before",
    "since",
    "toward",
    "towards",
    "across",
    "behind",
    "alongside",
    "beyond",
    "within",
    "without",
    "amid",
    "among",
    "per",
    "via",
    "including",
    "like",
    "than",
    "and",
    "or",
    "that",
    "which",
    "who",
    "whose",
    "while",
    "when",
    "where",
    "because",
    "as",
    "if",
    "following",
    "near",
    "around",
    "despite",
    "upon",
    "onto",
    "until",
    "till",
]);
/// Nouns of office that stand between an organisation and a name ("GNA
/// head Fayez al-Sarraj", "commander of the LNA Khalifa Haftar").
pub(super) static OFFICE_WORDS: StaticWords = StaticWords::new(&[
    "head",
    "leader",
    "chief",
    "commander",
    "president",
    "chairman",
    "speaker",
    "spokesman",
    "envoy",
    "minister",
    "secretary",
    "director",
    "general",
]);
/// Nouns for those who act for a body, through which "officials of X"
/// reaches X.
pub(super) static AGENT_NOUNS: StaticWords = StaticWords::new(&[
    "officials",
    "representatives",
    "delegates",
    "delegation",
    "delegations",
    "envoys",
    "diplomats",
    "negotiators",
    "emissaries",
    "leaders",
    "authorities",
    "ministers",
]);
/// Nouns of quantity, through which "$20 billion worth of U.S. exports"
/// reaches the exports.
pub(super) static QUANTITY_WORDS: StaticWords = StaticWords::new(&[
    "worth",
    "tons",
    "tonnes",
    "billions",
    "millions",
    "barrels",
    "shipments",
    "shipment",
    "batch",
    "batches",
    "consignment",
    "consignments",
    "cargo",
    "volume",
    "value",
    // a number of people of a side are that side: "killed dozens of
    // Nigerien soldiers", "arrested members of the RSF"
    "dozens",
    "hundreds",
    "thousands",
    "scores",
    "dozen",
    "members",
    "several",
]);
/// Nouns for fighters, through which "fighters from X" reaches X.
pub(super) static FORCE_WORDS: StaticWords = StaticWords::new(&[
    "fighters",
    "troops",
    "forces",
    "mercenaries",
    "soldiers",
    "militants",
    "volunteers",
    "advisers",
    "advisors",
    "units",
]);
/// How many plain words a slot search passes over.
pub(super) const MAX_FILLER: usize = 6;

/// The mentions of one sentence, indexed by token.
pub(super) struct View<'a> {
    pub(super) s: &'a Sentence,
    pub(super) mentions: &'a [Mention],
    /// Mention starting at each token.
    pub(super) starts: Vec<Option<usize>>,
    /// Mention ending at each token (its last token).
    pub(super) ends: Vec<Option<usize>>,
    /// Tokens inside a comma-delimited insertion after a mention, with the
    /// insertion's first token.
    pub(super) insertion: Vec<Option<usize>>,
    /// Tokens that are verbs of saying: the subject of what follows them
    /// is not found before them ("Kinshasa said rockets struck ...").
    pub(super) reporting: Vec<bool>,
    /// Tokens that are relational nouns ("ally", "partners"), with the
    /// relation they give.
    pub(super) relational: Vec<Option<Option<Relation>>>,
    /// [`super::matcher::adjunct_len`] at each token, without and with
    /// places, once known: every pattern that fails at a token asks it
    /// again.
    pub(super) adjunct_memo: Vec<[std::cell::Cell<u8>; 2]>,
    /// The first token after the dateline the sentence opens with, if it
    /// does ([`Sentence::dateline_end`]); else 0.
    pub(super) opening: usize,
}

impl<'a> View<'a> {
    pub(super) fn new(s: &'a Sentence, mentions: &'a [Mention], lexicon: &Lexicon) -> Self {
        let n = s.tokens.len();
        let mut starts = vec![None; n];
        let mut ends = vec![None; n];
        for (i, m) in mentions.iter().enumerate() {
            // "Al-Qaeda-linked JNIM", "Somalia-based al-Shabab": a name
            // that only modifies the next one fills no slot
            if compound_modifier(s, m.end_token).is_some() {
                continue;
            }
            starts[m.first_token] = Some(i);
            ends[m.end_token - 1] = Some(i);
        }
        let mut reporting: Vec<bool> = (0..n).map(|i| lexicon.is_reporting_at(s, i)).collect();
        // a word of a name is no verb of saying ("the United States met")
        for m in mentions {
            reporting[m.first_token..m.end_token]
                .iter_mut()
                .for_each(|r| *r = false);
        }
        let relational = (0..n).map(|i| lexicon.relational_at(s, i)).collect();
        let mut v = View {
            s,
            mentions,
            starts,
            ends,
            insertion: vec![None; n],
            reporting,
            relational,
            adjunct_memo: (0..n).map(|_| Default::default()).collect(),
            opening: s.dateline_end(),
        };
        v.mark_insertions();
        v
    }

    pub(super) fn norm(&self, i: usize) -> &str {
        self.s.tokens[i].norm(self.s)
    }

    pub(super) fn is_comma(&self, i: usize) -> bool {
        self.s
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && self.norm(i) == ",")
    }

    /// Whether mention `m` only modifies a noun: "Haftar's readiness",
    /// "his counterpart", "its support".
    pub(super) fn possessive_after(&self, m: usize) -> bool {
        let mention = &self.mentions[m];
        let e = mention.end_token;
        self.s.tokens.get(e).is_some_and(|t| t.kind == TokenKind::Possessive)
            || (e == mention.first_token + 1 && POSSESSIVE_PRONOUNS.contains(&self.norm(mention.first_token)))
    }

    /// Where the noun a possessive modifier modifies may begin.
    pub(super) fn after_possessive(&self, m: usize) -> usize {
        let e = self.mentions[m].end_token;
        if self.s.tokens.get(e).is_some_and(|t| t.kind == TokenKind::Possessive) {
            e + 1
        } else {
            e
        }
    }

    /// ", backed by Egypt and the UAE," after "Haftar's forces": a stretch
    /// between two commas that follows a mention, is not itself one list
    /// item, and is followed by something other than another list item.
    pub(super) fn mark_insertions(&mut self) {
        let commas: Vec<usize> = (0..self.s.tokens.len()).filter(|&i| self.is_comma(i)).collect();
        for w in commas.windows(2) {
            let (a, b) = (w[0], w[1]);
            // ", which Russia backs," after any noun is an insertion too
            let relative = RELATIVE_PRONOUNS.contains(&self.norm(a + 1)) && self.norm(a + 1) != "that";
            if a == 0 || (self.ends[a - 1].is_none() && !relative) || b <= a + 1 {
                continue;
            }
            let whole_mention = self.starts[a + 1].is_some_and(|m| self.mentions[m].end_token == b);
            let list_follows = self.starts.get(b + 1).copied().flatten().is_some()
                || (b + 1 < self.s.tokens.len() && matches!(self.norm(b + 1), "and" | "or"));
            // "Chad, Mali and Niger left the bloc, ...": the comma is a
            // list's, the names after it go on with the list
            let list_goes_on = self.starts[a + 1].is_some_and(|m| {
                let e = self.mentions[m].end_token;
                e < b && matches!(self.norm(e), "and" | "or")
            });
            if whole_mention || list_follows || list_goes_on {
                continue;
            }
            for i in a..=b {
                self.insertion[i] = Some(a);
            }
        }
    }

    /// The index of a relational noun ("ally", "backer") that stands at
    /// `at` or after up to three modifiers ("closest", "main military").
    pub(super) fn relational_noun_after(&self, at: usize) -> Option<usize> {
        let n = self.s.tokens.len();
        for k in at..(at + 4).min(n) {
            if self.relational[k].is_some() {
                return Some(k);
            }
            let t = &self.s.tokens[k];
            if t.kind != TokenKind::Word || self.starts[k].is_some() || PREPOSITIONS.contains(self.norm(k)) {
                return None;
            }
        }
        None
    }

    /// Events of relational nouns: "Algeria, the Polisario Front's chief
    /// patron, ...", "Turkey, one of Somalia's closest allies",
    /// "Serbia's main backer, Russia", "Rwanda is the M23's sponsor". The
    /// possessor is the target; the source is the name in apposition, the
    /// name after the noun, or the subject of "is".
    pub(super) fn relational_events(&self, out: &mut Vec<Found>) {
        let n = self.s.tokens.len();
        for (m, mention) in self.mentions.iter().enumerate() {
            if self.starts[mention.first_token] != Some(m) || !self.possessive_after(m) {
                continue;
            }
            let Some(noun) = self.relational_noun_after(self.after_possessive(m)) else {
                continue;
            };
            let Some(Some(relation)) = self.relational[noun] else {
                continue;
            };
            // back over "the", "a", "one of (the)" before the possessor
            let mut q = mention.first_token;
            while q > 0 && matches!(self.norm(q - 1), "the" | "a" | "an" | "one" | "of" | "among") {
                q -= 1;
            }
            let source = if q >= 2 && self.is_comma(q - 1) && self.ends[q - 2].is_some() {
                self.ends[q - 2]
            } else if q >= 2
                && matches!(
                    self.norm(q - 1),
                    "is" | "was" | "are" | "were" | "remains" | "remained" | "became" | "become" | "been"
                )
            {
                (0..q - 1).rev().take(4).find_map(|k| self.ends[k])
            } else {
                // "Serbia's main backer Russia", "Serbia's main backer,
                // Russia, ...": after a comma, the name must close with
                // one ("America's allies, Trump said" is no apposition)
                let comma = noun + 1 < n && self.is_comma(noun + 1);
                let k = noun + 1 + usize::from(comma);
                self.starts
                    .get(k)
                    .copied()
                    .flatten()
                    .filter(|&m| !comma || self.is_comma(self.mentions[m].end_token))
            };
            let Some(source) = source else { continue };
            out.push(Found {
                relation,
                reported_source: false,
                sources: vec![self.mentions[source].actor],
                targets: vec![mention.actor],
                pairs: false,
                mutual: false,
                first: noun,
                end: noun + 1,
            });
        }
    }

    /// Whether a noun phrase in apposition starts at `at`: "a longtime
    /// backer of", "the main patron of", "one of", "Serbia's main backer".
    pub(super) fn opens_apposition(&self, at: usize) -> bool {
        at < self.s.tokens.len()
            && (matches!(
                self.norm(at),
                "a" | "an" | "the" | "one" | "its" | "his" | "her" | "their"
            ) || self.starts[at].is_some_and(|m| self.possessive_after(m)))
    }

    /// The actors mention `m` names: its own and those of every mention
    /// over the same span, which together are a group ("the two sides",
    /// "they" after a list: see `link::groups`).
    pub(super) fn actors_of(&self, m: usize) -> impl Iterator<Item = ActorId> + '_ {
        let (first, end) = (self.mentions[m].first_token, self.mentions[m].end_token);
        let from = self.mentions.partition_point(|x| x.first_token < first);
        self.mentions[from..]
            .iter()
            .take_while(move |x| x.first_token == first)
            .filter(move |x| x.end_token == end)
            .map(|x| x.actor)
    }

    /// Extend mention `m` over a coordinated list to the right.
    pub(super) fn list_right(&self, m: usize) -> Vec<usize> {
        let mut out = vec![m];
        let mut at = self.mentions[m].end_token;
        let mut conjunctions = 0;
        let mut joined = false;
        loop {
            // "a joint Kenya-U.S. base", "the Ethiopia-Eritrea border":
            // names joined by a hyphen are a list
            if let Some(n) = self.joined_after(at) {
                out.push(n);
                at = self.mentions[n].end_token;
                joined = true;
                continue;
            }
            let mut j = self.skip_parenthetical(at);
            let mut saw_sep = false;
            let mut and_here = 0;
            while j < self.s.tokens.len() && (self.is_comma(j) || matches!(self.norm(j), "and" | "or" | "as" | "well"))
            {
                and_here += usize::from(matches!(self.norm(j), "and" | "or"));
                saw_sep = true;
                j += 1;
            }
            // one list has one "and": a second one joins clauses
            if !saw_sep || conjunctions + and_here > 1 {
                break;
            }
            // "Rwanda accused Burundi, and Tanzania called for calm": a
            // comma before "and" after a single name joins two clauses
            if out.len() == 1 && and_here > 0 && self.is_comma(j.saturating_sub(and_here + 1)) {
                break;
            }
            // the preposition repeated: "by Iran and by Hezbollah"
            if j < self.s.tokens.len()
                && matches!(
                    self.norm(j),
                    "by" | "from" | "with" | "to" | "against" | "on" | "for" | "of" | "in"
                )
            {
                j += 1;
            }
            conjunctions += and_here;
            match self.skip_to_mention(j, 4) {
                Some(n) => {
                    out.push(n);
                    at = self.mentions[n].end_token;
                }
                None => break,
            }
        }
        // a list has a conjunction: "the Houthis, Okafor said" is none
        if conjunctions == 0 && !joined {
            out.truncate(1);
        }
        out
    }

    /// The mention joined by a hyphen to the name ending at `end`
    /// ("Kenya-U.S."), if one starts right after it.
    fn joined_after(&self, end: usize) -> Option<usize> {
        let t = self.s.tokens.get(end)?;
        if t.kind != TokenKind::Joiner || end == 0 || self.s.tokens[end - 1].end != t.start {
            return None;
        }
        let n = self.starts.get(end + 1).copied().flatten()?;
        (self.s.tokens[end + 1].start == t.end).then_some(n)
    }

    /// Past "(AQIM)" or "(LNA)" right after a name.
    pub(super) fn skip_parenthetical(&self, at: usize) -> usize {
        if at < self.s.tokens.len() && self.norm(at) == "(" {
            for k in at + 1..(at + 8).min(self.s.tokens.len()) {
                if self.norm(k) == ")" {
                    return k + 1;
                }
            }
        }
        at
    }

    /// From token `j`, pass "the", titles and possessive modifiers
    /// ("Ukraine's President") to the next mention, within `max` words.
    pub(super) fn skip_to_mention(&self, mut j: usize, max: usize) -> Option<usize> {
        let mut skipped = 0;
        while j < self.s.tokens.len() && skipped <= max {
            if let Some(n) = self.starts[j] {
                if self.possessive_after(n) {
                    // a modifier: prefer the head's mention if one follows
                    let after = self.after_possessive(n);
                    // "against America's allies": the allies, not America
                    if self.relational_noun_after(after).is_some() {
                        return None;
                    }
                    for k in after..(after + 4).min(self.s.tokens.len()) {
                        if let Some(h) = self.starts[k] {
                            return Some(h);
                        }
                        // only titles between: "Ukraine's President Petro
                        // Poroshenko", "his Turkish counterpart, X"
                        let t = &self.s.tokens[k];
                        let titleish = t.kind == TokenKind::Word
                            && (t.case == Case::Title
                                || OFFICE_WORDS.contains(self.norm(k))
                                || self.norm(k) == "counterpart");
                        if !titleish && !self.is_comma(k) {
                            break;
                        }
                    }
                }
                return Some(n);
            }
            let t = &self.s.tokens[j];
            let w = self.norm(j);
            let passable = w == "the"
                || w == "his"
                || w == "her"
                || w == "its"
                || w == "their"
                || (t.kind == TokenKind::Word && t.case == Case::Title && !PREPOSITIONS.contains(w))
                || t.kind == TokenKind::Joiner;
            if !passable {
                return None;
            }
            skipped += 1;
            j += 1;
        }
        None
    }

    /// From token `j` (exclusive), pass back over what may stand before a
    /// name in a list: titles ("German Chancellor"), possessive modifiers
    /// ("Ukraine's President"), "the", "his".
    pub(super) fn titles_back(&self, mut j: usize) -> usize {
        let mut passed = 0;
        let mut office = false;
        while j > 0 && passed < 6 {
            let t = &self.s.tokens[j - 1];
            let w = self.norm(j - 1);
            if t.kind == TokenKind::Possessive {
                if let Some(m) = self.ends.get(j.wrapping_sub(2)).copied().flatten() {
                    j = self.mentions[m].first_token;
                    passed += 1;
                    continue;
                }
                break;
            }
            if w == ")" {
                // "Government of National Accord (GNA) head"
                match (j.saturating_sub(6)..j - 1).rev().find(|&k| self.norm(k) == "(") {
                    Some(k) => {
                        j = k;
                        passed += 1;
                        continue;
                    }
                    None => break,
                }
            }
            if let Some(m) = self.ends[j - 1] {
                // a description glued to the name: "German Chancellor Angela Merkel"
                let same = self
                    .starts
                    .get(j)
                    .copied()
                    .flatten()
                    .is_some_and(|n| self.mentions[n].actor == self.mentions[m].actor);
                // "his Russian counterpart": a possessive pronoun
                let pronoun = self.mentions[m].end_token == self.mentions[m].first_token + 1
                    && POSSESSIVE_PRONOUNS.contains(&self.norm(self.mentions[m].first_token));
                if same || pronoun {
                    j = self.mentions[m].first_token;
                    passed += 1;
                    continue;
                }
                // an organisation before an office: "GNA head X",
                // "Government of National Accord (GNA) head X"
                if office {
                    j = self.mentions[m].first_token;
                    passed += 1;
                    continue;
                }
                break;
            }
            let title = t.kind == TokenKind::Word
                && (t.case == Case::Title
                    || matches!(w, "the" | "his" | "her" | "its" | "their")
                    || OFFICE_WORDS.contains(w))
                && !matches!(w, "and" | "or");
            if !title {
                break;
            }
            office |= OFFICE_WORDS.contains(w);
            j -= 1;
            passed += 1;
        }
        j
    }

    /// Extend mention `m` over a coordinated list to the left: "A, B and
    /// C", "A and President B", "A and his Russian counterpart, B".
    pub(super) fn list_left(&self, m: usize) -> Vec<usize> {
        let mut out = vec![m];
        let mut first = self.mentions[m].first_token;
        loop {
            let mut j = self.titles_back(first);
            // "Tshisekedi and other Congolese officials"
            if j > 1 && self.norm(j - 1) == "other" && matches!(self.norm(j - 2), "and" | "or") {
                j -= 1;
            }
            let sep_start = j;
            let mut conjunction = false;
            while j > 0 && (self.is_comma(j - 1) || matches!(self.norm(j - 1), "and" | "or")) {
                conjunction |= !self.is_comma(j - 1);
                j -= 1;
            }
            if j == sep_start || j == 0 {
                break;
            }
            // a list ends in "and X": a bare comma before the last name is
            // no list ("..., the Houthis, Okafor said"), unless the name
            // before is the same actor in apposition ("his Russian
            // counterpart, Sergey Lavrov")
            let appositive = self.ends[j - 1].is_some_and(|p| self.mentions[p].actor == self.mentions[m].actor);
            if out.len() == 1 && !conjunction && !appositive {
                break;
            }
            // "Chad condemned the RSF, and Sudan blamed Wagner": a comma
            // and "and" before the last of two names join two clauses; a
            // list of three has another comma before its second name
            if out.len() == 1 && conjunction && (j..sep_start).any(|k| self.is_comma(k)) {
                let longer = self.ends[j - 1].is_some_and(|p| {
                    let b = self.titles_back(self.mentions[p].first_token);
                    b > 0 && self.is_comma(b - 1)
                });
                if !longer {
                    break;
                }
            }
            let next = match self.ends[j - 1] {
                Some(n) if !self.possessive_after(n) => Some(n),
                Some(_) => None,
                None if self.is_comma(sep_start - 1) => {
                    // an appositive lead-in: "and his Russian counterpart,"
                    let mut k = j;
                    let mut words = 0;
                    while k > 0
                        && words < 4
                        && self.s.tokens[k - 1].kind == TokenKind::Word
                        && self.ends[k - 1].is_none()
                    {
                        if matches!(self.norm(k - 1), "and" | "or") {
                            break;
                        }
                        k -= 1;
                        words += 1;
                    }
                    if k > 1 && matches!(self.norm(k - 1), "and" | "or") {
                        self.ends[k - 2].filter(|&n| !self.possessive_after(n))
                    } else {
                        None
                    }
                }
                None => None,
            };
            match next {
                Some(n) => {
                    out.push(n);
                    first = self.mentions[n].first_token;
                }
                None => break,
            }
        }
        out.reverse();
        out
    }

    /// [`View::list_left`] for a subject: no list whose head sits in a
    /// prepositional phrase ("welcomed by A, B and C, and the minister D
    /// spoke" has subject D).
    pub(super) fn subject_list(&self, m: usize) -> Vec<usize> {
        let out = self.list_left(m);
        if out.len() > 1 && self.in_prepositional_phrase(self.mentions[out[0]].first_token) {
            return vec![m];
        }
        out
    }

    /// The subject (or, for a passive, the nearest phrase) left of `at`.
    pub(super) fn left_slot(&self, at: usize, passive: bool) -> Vec<usize> {
        // "its support for", "Egypt's backing of": the possessor right
        // before a nominal trigger is its subject
        if at > 0 {
            let before = if self.s.tokens[at - 1].kind == TokenKind::Possessive {
                at.saturating_sub(2)
            } else {
                at - 1
            };
            if let Some(m) = self.ends.get(before).copied().flatten() {
                if self.possessive_after(m) && !passive {
                    return vec![m];
                }
            }
        }
        // "thanked his guest for sending troops", "accused Rwanda of
        // backing the M23": the object before "for"/"of" does the gerund
        if at > 1 && !passive && matches!(self.norm(at - 1), "for" | "of") && self.norm(at).ends_with("ing") {
            if let Some(m) = self.ends[at - 2] {
                return vec![m];
            }
        }
        // "A met B and condemned C": a verb after "and" shares the subject
        // of the clause, not the object just before it
        let mut k = at;
        while k > 0 && ADVERBS.contains(self.norm(k - 1)) {
            k -= 1;
        }
        let coordinated = !passive && k > 0 && self.norm(k - 1) == "and";
        // ", accusing the government": a participle's subject is the
        // clause's, wherever a verb of saying stands between
        let participial = k > 0 && self.is_comma(k - 1);
        let own_insertion = self.insertion.get(at).copied().flatten();
        let mut j = at;
        let mut fallback = None;
        let mut subject: Option<Vec<usize>> = None;
        let mut in_phrase = false;
        // the names of a comitative insertion passed over, which join the
        // subject found before it
        let mut joined: Vec<usize> = Vec::new();
        while j > self.opening {
            j -= 1;
            // pass over insertions that do not hold the trigger
            if let Some(start) = self.insertion[j] {
                if Some(start) != own_insertion && !passive {
                    if subject.is_none() && self.opens_comitative(start + 1) {
                        joined.extend(
                            (0..self.mentions.len())
                                .filter(|&m| self.mentions[m].first_token > start && self.mentions[m].end_token <= j),
                        );
                    }
                    j = start;
                    continue;
                }
            }
            // the trigger stands in an apposition ("Uganda, a longtime
            // backer of the SPLM-IO,"): its subject is the name before
            if Some(j) == own_insertion && !passive && self.opens_apposition(j + 1) {
                if let Some(m) = j.checked_sub(1).and_then(|p| self.ends[p]) {
                    return vec![m];
                }
            }
            if self.reporting[j] && !passive && !participial && !coordinated {
                // the reported clause's subject stands after the verb
                break;
            }
            let w = self.norm(j);
            if let Some(m) = self.ends[j] {
                let first = self.mentions[m].first_token;
                if !passive && self.in_prepositional_phrase(first) {
                    j = first;
                    continue;
                }
                if self.possessive_after(m) && !passive {
                    if self.mentions[m].how != crate::link::LinkHow::Coreference {
                        fallback.get_or_insert(m);
                    }
                    j = first;
                    continue;
                }
                let list = self.subject_list(m);
                let head = self.mentions[list[0]].first_token;
                if !passive && list.len() == 1 && self.list_head_in_pp(m) {
                    // the last item of "backed by A, B and C": skip the list
                    j = self.list_start(m);
                    continue;
                }
                if coordinated || in_phrase || (participial && !passive) {
                    // keep going to the clause's first subject, from the
                    // head of this list ("Mali, Niger and Burkina Faso quit
                    // the bloc and accused ECOWAS"; "... quit the bloc after
                    // a dispute with ECOWAS"; "The US recognised Gonzalez as
                    // the winner, rejecting Maduro's claim")
                    j = self.mentions[list[0]].first_token;
                    subject = Some(list);
                    continue;
                }
                let _ = head;
                return with_joined(list, &joined);
            }
            if SUBJECT_PRONOUNS.contains(&w) && !passive {
                // an unresolved pronoun is the subject: no guessing past it
                return Vec::new();
            }
            if w == "whose" {
                // "X, whose country has sent troops": the subject is what
                // X has, not X
                return Vec::new();
            }
            if w == "that" && self.complementizer(j) {
                // "said on Monday that Kenya was ready, and praised
                // Uganda": the clause it opens is passed over like any
                continue;
            }
            if RELATIVE_PRONOUNS.contains(&w) && self.s.tokens[j].kind == TokenKind::Word {
                // the antecedent: the mention just before (a comma between)
                let mut k = j;
                if k > 0 && self.is_comma(k - 1) {
                    k -= 1;
                }
                return match k.checked_sub(1).and_then(|p| self.ends[p]) {
                    Some(m) => self.list_left(m),
                    None => Vec::new(),
                };
            }
            if CLAUSE_BOUNDARIES.contains(w) {
                if !self.opens_phrase_of_clause(j, at) {
                    break;
                }
                // the phrase's subject is the clause's, not its object
                in_phrase = true;
            }
        }
        if let Some(list) = subject {
            return with_joined(list, &joined);
        }
        fallback.map(|m| vec![m]).unwrap_or_default()
    }

    /// Whether "that" at `j` opens what a verb of saying says ("said on
    /// Monday that", "said in a televised speech that"), not a relative
    /// clause: such a verb stands at most six words before it, with no
    /// name between.
    fn complementizer(&self, j: usize) -> bool {
        (j.saturating_sub(7)..j).any(|k| self.reporting[k] && (k + 1..j).all(|x| self.ends[x].is_none()))
    }

    /// Whether the words from `at` open a comitative ("along with").
    fn opens_comitative(&self, at: usize) -> bool {
        COMITATIVES.iter().any(|c| {
            c.iter()
                .enumerate()
                .all(|(k, w)| at + k < self.s.tokens.len() && self.norm(at + k) == *w)
        })
    }

    /// Whether "after" or "before" at `j` opens a phrase of the clause,
    /// not a clause: the trigger at `at` right after it ("after talks
    /// with"), an article or a possessive ("after a dispute with", "before
    /// its offensive against") or a gerund ("after meeting with") after it,
    /// or a few lower-case words with no name or punctuation before a noun
    /// ("after days of heavy fighting with", "before weeks of talks with").
    /// A subject the phrase has not is the clause's.
    fn opens_phrase_of_clause(&self, j: usize, at: usize) -> bool {
        if !matches!(self.norm(j), "after" | "before") || j + 1 >= self.s.tokens.len() {
            return false;
        }
        let next = self.norm(j + 1);
        let t = &self.s.tokens[j + 1];
        // (and the trigger a noun: "after the gunmen attacked T" is a
        // clause with a subject of its own)
        let bare_phrase = at > j + 1
            && at - j - 1 <= MAX_PHRASE_BEFORE_NOUN
            && !self.norm(at).ends_with("ed")
            && (j + 1..at).all(|k| {
                let t = &self.s.tokens[k];
                matches!(t.kind, TokenKind::Word | TokenKind::Number)
                    && t.case == Case::Lower
                    && self.starts[k].is_none()
                    && self.ends[k].is_none()
            });
        j + 1 == at
            || matches!(next, "a" | "an" | "its" | "their" | "his" | "her")
            || (t.kind == TokenKind::Word && t.case == Case::Lower && next.len() > 5 && next.ends_with("ing"))
            || bare_phrase
    }

    /// The first token of the raw list (separators only, no PP check)
    /// that ends with mention `m`.
    pub(super) fn list_start(&self, m: usize) -> usize {
        let mut first = self.mentions[m].first_token;
        let mut conjunctions = 0;
        loop {
            let mut j = self.titles_back(first);
            let sep_start = j;
            while j > 0 && (self.is_comma(j - 1) || matches!(self.norm(j - 1), "and" | "or")) {
                if matches!(self.norm(j - 1), "and" | "or") {
                    conjunctions += 1;
                }
                j -= 1;
            }
            // one list has one "and": a second one joins clauses
            if j == sep_start || j == 0 || conjunctions > 1 {
                return first;
            }
            match self.ends[j - 1] {
                Some(n) => first = self.mentions[n].first_token,
                None => return first,
            }
        }
    }

    pub(super) fn list_head_in_pp(&self, m: usize) -> bool {
        // only the last item of a list has a conjunction before it
        let before = self.titles_back(self.mentions[m].first_token);
        if before == 0 || !matches!(self.norm(before - 1), "and" | "or") {
            return false;
        }
        let start = self.list_start(m);
        start != self.mentions[m].first_token && self.in_prepositional_phrase(start)
    }

    /// If `first` opens the subject of an object relative clause ("…, an
    /// alliance that Washington backs"), the mention it refers back to.
    pub(super) fn object_antecedent(&self, first: usize) -> Vec<usize> {
        // "which the UAE backs": "the" may stand outside the name
        let first = if first > 0 && self.norm(first - 1) == "the" {
            first - 1
        } else {
            first
        };
        if first == 0 || !RELATIVE_PRONOUNS.contains(&self.norm(first - 1)) {
            return Vec::new();
        }
        let mut k = first - 1;
        let mut words = 0;
        while k > 0 && words < 6 {
            if let Some(m) = self.ends[k - 1] {
                return vec![m];
            }
            // "said that Assad will be removed": "that" opens what was said
            if self.reporting[k - 1] {
                break;
            }
            let t = &self.s.tokens[k - 1];
            if t.kind == TokenKind::Punct && !self.is_comma(k - 1) && self.norm(k - 1) != ")" {
                break;
            }
            k -= 1;
            words += 1;
        }
        Vec::new()
    }

    pub(super) fn in_prepositional_phrase(&self, first: usize) -> bool {
        let mut k = first;
        let mut passed = 0;
        while k > 0 && passed < 3 {
            let w = self.norm(k - 1);
            // ("after", "before", "since" open clauses as often as phrases:
            // "a day after Turkish fighters shot down ..." has a subject)
            if PREPOSITIONS.contains(w)
                && !CLAUSE_BOUNDARIES.contains(w)
                && !matches!(
                    w,
                    "and" | "or" | "that" | "which" | "who" | "whose" | "while" | "when" | "because" | "if" | "as"
                )
            {
                // "Representatives of Armenia and Azerbaijan met": those
                // who act for a body are it, so "of" after them opens no
                // phrase the subject search passes over
                let agents_of = w == "of" && k > 1 && AGENT_NOUNS.contains(self.norm(k - 2));
                return !agents_of;
            }
            let t = &self.s.tokens[k - 1];
            if w == "the" || (t.kind == TokenKind::Word && t.case == Case::Title && self.ends[k - 1].is_none()) {
                k -= 1;
                passed += 1;
                continue;
            }
            return false;
        }
        false
    }

    /// The phrase right of `from`.
    pub(super) fn right_slot(&self, from: usize) -> Vec<usize> {
        let mut j = from;
        let mut filler = 0;
        while j < self.s.tokens.len() {
            if let Some(m) = self.starts[j] {
                if self.possessive_after(m) {
                    if let Some(noun) = self.relational_noun_after(self.after_possessive(m)) {
                        // "threats against America's allies": not America,
                        // but the allies if the sentence names them ("the
                        // United States' biggest trading partners — Mexico,
                        // Canada ...")
                        // (a comma alone is not enough: "met Sudan's allies,
                        // Burhan said")
                        let mut k = noun + 1;
                        let mut introduced = false;
                        while k < self.s.tokens.len()
                            && (self.is_comma(k)
                                || self.s.tokens[k].kind == TokenKind::Joiner
                                || matches!(self.norm(k), "—" | "–" | ":" | "including" | "the"))
                        {
                            introduced |= !self.is_comma(k) && self.norm(k) != "the";
                            k += 1;
                        }
                        return match self.starts.get(k).copied().flatten() {
                            Some(n) if introduced => self.list_right(n),
                            _ => Vec::new(),
                        };
                    }
                }
                let head = self.skip_to_mention(j, 0).unwrap_or(m);
                return self.list_right(head);
            }
            let t = &self.s.tokens[j];
            let w = self.norm(j);
            if t.kind == TokenKind::Punct {
                // an appositive: "the retired Libyan brigade, Khalifa Hifter"
                if w == "," && filler > 0 && self.starts.get(j + 1).copied().flatten().is_some() {
                    j += 1;
                    continue;
                }
                if w == "\"" || w == "\u{201c}" {
                    j += 1;
                    continue;
                }
                // "$20 billion worth of", "5% of": an amount
                if matches!(w, "$" | "€" | "£" | "%") {
                    filler += 1;
                    j += 1;
                    continue;
                }
                return Vec::new();
            }
            if w == "of" && filler > 0 && AGENT_NOUNS.contains(self.norm(j - 1)) {
                // "met officials of Uganda": those who act for a body are it
                if let Some(m) = self.skip_to_mention(j + 1, 2) {
                    return self.list_right(m);
                }
            }
            if w == "of" && filler > 0 && OFFICE_WORDS.contains(self.norm(j - 1)) {
                // "talks with commander of the LNA (LNA) Khalifa Haftar": an
                // office of a body, then the person who holds it; "the
                // Minister of Justice in the Al-Wefaq government": an office
                // of the body, which stands for it
                let n = self.s.tokens.len();
                let mut k = j + 1;
                let mut titles = 0;
                while k < n && self.starts[k].is_none() && titles < 4 {
                    let t = &self.s.tokens[k];
                    let x = self.norm(k);
                    let ok = x == "the"
                        || (t.kind == TokenKind::Word && t.case == Case::Title)
                        || (titles > 0 && matches!(x, "in" | "of"));
                    if !ok {
                        break;
                    }
                    titles += 1;
                    k += 1;
                }
                if let Some(org) = self.starts.get(k).copied().flatten() {
                    let after = self.skip_parenthetical(self.mentions[org].end_token);
                    return match self.starts.get(after).copied().flatten() {
                        Some(person) => self.list_right(person),
                        None => vec![org],
                    };
                }
            }
            // "defied the state court and Christian Schmidt": a list whose
            // first member names no actor keeps those that do, unless the
            // name after "and" opens a clause of its own ("backed the plan
            // and Ukraine rejected it")
            if matches!(w, "and" | "or") && filler > 0 {
                let Some(m) = self.skip_to_mention(j + 1, 1) else {
                    return Vec::new();
                };
                let list = self.list_right(m);
                let end = list.iter().map(|&x| self.mentions[x].end_token).max().unwrap_or(j);
                let ends_phrase = self
                    .s
                    .tokens
                    .get(end)
                    .is_none_or(|t| t.kind == TokenKind::Punct || PREPOSITIONS.contains(self.norm(end)));
                return if ends_phrase { list } else { Vec::new() };
            }
            // "killed at least 20 soldiers": a bound on a number
            if w == "at"
                && self
                    .s
                    .tokens
                    .get(j + 1)
                    .is_some_and(|_| matches!(self.norm(j + 1), "least" | "most"))
            {
                filler += 2;
                j += 2;
                continue;
            }
            if PREPOSITIONS.contains(w) {
                // "backed by fighters from Iran": men from a place are its
                if w == "from" && filler > 0 && FORCE_WORDS.contains(self.norm(j - 1)) {
                    j += 1;
                    continue;
                }
                // "tariffs on $20 billion worth of U.S. exports": a quantity
                // of something is that something
                if w == "of" && filler > 0 && QUANTITY_WORDS.contains(self.norm(j - 1)) {
                    j += 1;
                    continue;
                }
                return Vec::new();
            }
            filler += 1;
            if filler > MAX_FILLER {
                return Vec::new();
            }
            j += 1;
        }
        Vec::new()
    }

    /// Mentions wholly inside tokens `a..b`, as a list.
    pub(super) fn between(&self, a: usize, b: usize) -> Vec<usize> {
        (a..b)
            .filter_map(|j| self.starts[j])
            .filter(|&m| self.mentions[m].end_token <= b)
            .take(1)
            .flat_map(|m| self.list_right(m))
            .filter(|&m| self.mentions[m].end_token <= b)
            .collect()
    }
}

/// Participles that make a name before them, joined by a hyphen, a
/// modifier of the next noun: "Al-Qaeda-linked JNIM", "Iran-backed
/// Houthis". Grammar, not any conflict's words.
pub(super) const COMPOUND_PARTICIPLES: &[&str] = &[
    "linked",
    "based",
    "backed",
    "allied",
    "aligned",
    "affiliated",
    "led",
    "sponsored",
    "funded",
    "supported",
    "armed",
    "trained",
    "controlled",
    "held",
    "run",
    "dominated",
    "occupied",
    "born",
    "made",
    "owned",
    "installed",
    "friendly",
    "brokered",
    "mediated",
    "hosted",
    "facilitated",
];
/// Those of them that say the name supports the noun they modify.
pub(super) const SUPPORTING_PARTICIPLES: &[&str] = &[
    "backed",
    "allied",
    "aligned",
    "sponsored",
    "funded",
    "supported",
    "armed",
    "trained",
    "installed",
    "friendly",
];

/// If the tokens from `end` are a hyphen and a participle of
/// [`COMPOUND_PARTICIPLES`], the participle's index.
pub(super) fn compound_modifier(s: &Sentence, end: usize) -> Option<usize> {
    if s.tokens.get(end)?.kind != TokenKind::Joiner {
        return None;
    }
    let word = s.tokens.get(end + 1)?;
    (word.kind == TokenKind::Word && COMPOUND_PARTICIPLES.contains(&word.norm(s))).then_some(end + 1)
}

/// Whether token `i` is a participle in -ed (or of
/// [`COMPOUND_PARTICIPLES`]) joined by a hyphen to the word before it:
/// "backed" in "Iran-backed", "mediated" in "Qatari-mediated".
pub(super) fn compound_tail(s: &Sentence, i: usize) -> bool {
    i >= 2
        && s.tokens[i - 1].kind == TokenKind::Joiner
        && s.tokens[i].kind == TokenKind::Word
        && (s.tokens[i].norm(s).ends_with("ed") || COMPOUND_PARTICIPLES.contains(&s.tokens[i].norm(s)))
}

/// A subject with the names of the comitative insertions after it.
fn with_joined(mut list: Vec<usize>, joined: &[usize]) -> Vec<usize> {
    for &m in joined {
        if !list.contains(&m) {
            list.push(m);
        }
    }
    list
}
