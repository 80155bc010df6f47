//! The slot left of a trigger: the subject of its clause (or, for a
//! passive, the nearest phrase), passing over insertions, prepositional
//! phrases and possessive modifiers, carried over coordinated verbs and
//! participles, and taken from the antecedent of a relative pronoun.

use super::{
    acts_for_body, View, ADVERBS, AUXILIARIES, CLAUSE_BOUNDARIES, COMITATIVES, PREPOSITIONS, RELATIVE_PRONOUNS,
    SUBJECT_PRONOUNS,
};
use crate::text::{Case, TokenKind};

/// The most words between "after" or "before" and a trigger for the two
/// to be one phrase of a clause ("after days of heavy fighting with").
const MAX_PHRASE_BEFORE_NOUN: usize = 5;

/// The most words from a gerund to the "to" of its purpose ("sending
/// more troops to").
const MAX_PURPOSE_REACH: usize = 5;

impl View<'_> {
    /// [`View::list_left`] for a subject: no list whose head sits in a
    /// prepositional phrase ("welcomed by A, B and C, and the minister D
    /// spoke" has subject D).
    fn subject_list(&self, m: usize) -> Vec<usize> {
        let out = self.list_left(m);
        if out.len() > 1 && self.in_prepositional_phrase(self.mentions[out[0]].first_token) {
            return vec![m];
        }
        out
    }

    /// The subject (or, for a passive, the nearest phrase) left of `at`.
    pub(in crate::extract) fn left_slot(&self, at: usize, passive: bool) -> Vec<usize> {
        // "thanked his guest for sending troops to fight T": a purpose
        // has the subject of the gerund it is the purpose of
        if !passive && at > 1 && self.norm(at - 1) == "to" {
            let gerund = (at.saturating_sub(MAX_PURPOSE_REACH)..at - 1)
                .rev()
                .find(|&g| g > 1 && matches!(self.norm(g - 1), "for" | "of") && self.norm(g).ends_with("ing"));
            if let Some(g) = gerund {
                return self.left_slot(g, false);
            }
        }
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
            // ... and an object that names no actor ("thanked his guest
            // for sending troops") leaves the gerund no subject: never the
            // clause's
            let determined =
                at > 2 && matches!(self.norm(at - 3), "his" | "her" | "its" | "their" | "the" | "a" | "an");
            if determined && self.s.tokens[at - 2].kind == TokenKind::Word {
                return Vec::new();
            }
        }
        // "A met B and condemned C": a verb after "and" shares the subject
        // of the clause, not the object just before it
        // ("and has armed", "and will also send")
        let mut k = at;
        while k > 0 && (ADVERBS.contains(self.norm(k - 1)) || AUXILIARIES.contains(self.norm(k - 1))) {
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
                // "the Tehrik-i-Taliban Pakistan (TTP), which": the name in
                // the parentheses is the name before them
                if k > 1 && self.norm(k - 1) == ")" && self.ends[k - 2].is_some() {
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

    /// Whether mention `m` is the last item of a list whose head sits in a
    /// prepositional phrase ("backed by A, B and C").
    fn list_head_in_pp(&self, m: usize) -> bool {
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
    pub(in crate::extract) fn object_antecedent(&self, first: usize) -> Vec<usize> {
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

    /// Whether the mention starting at `first` stands in a prepositional
    /// phrase ("In a speech to the Council"), a few titles or "the" after
    /// the preposition.
    fn in_prepositional_phrase(&self, first: usize) -> bool {
        let mut k = first;
        let mut passed = 0;
        while k > 0 && passed < 3 {
            let w = self.norm(k - 1);
            // ("after", "before", "since" open clauses as often as phrases:
            // "a day after Turkish fighters shot down ..." has a subject)
            // "Secretary of State Antony Blinken", "Minister for Foreign
            // Affairs Penny Wong": a capitalised title before a name holds
            // its "of" or "for", which opens no phrase
            let in_title = passed > 0
                && matches!(w, "of" | "for")
                && k > 1
                && self.s.tokens[k - 2].kind == TokenKind::Word
                && self.s.tokens[k - 2].case == Case::Title
                && self.ends[k - 2].is_none();
            if PREPOSITIONS.contains(w)
                && !in_title
                && !CLAUSE_BOUNDARIES.contains(w)
                && !matches!(
                    w,
                    "and" | "or" | "that" | "which" | "who" | "whose" | "while" | "when" | "because" | "if" | "as"
                )
            {
                // "Representatives of Armenia and Azerbaijan met": those
                // who act for a body are it, so "of" after them opens no
                // phrase the subject search passes over
                let agents_of = w == "of" && k > 1 && acts_for_body(self.norm(k - 2));
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
