//! The gazetteer's names as written, found in a sentence: every pattern
//! starting at a token (by the hash of its first word), resolved
//! leftmost-longest, then the rules that read the words around a match
//! (demonyms as agents, metonyms as places, role titles and their
//! holders, elliptic names).

use super::*;

impl Linker {
    pub(super) fn candidates(&self, s: &Sentence) -> Vec<Candidate> {
        let mut cands = Vec::new();
        let norm = s.norm.as_str();
        for (first, t) in s.tokens.iter().enumerate() {
            // joiners have no normal form: the word after them starts here
            if t.norm_end == t.norm_start {
                continue;
            }
            // (by the hash of the first word, computed as the token was
            // made; a collision fails the comparison below)
            if !self.first_word_bits.may_hold(t.first_word_hash) {
                continue;
            }
            let Some(starting) = self.by_first_word.get(&t.first_word_hash) else {
                continue;
            };
            let rest = &norm.as_bytes()[t.norm_start - 1..];
            // the longer patterns of a split first word, by the word that
            // follows it in the normal form (whatever token holds it)
            let longer = starting
                .split
                .then(|| second_word(&norm[t.norm_start - 1..]))
                .flatten()
                .and_then(|w| self.by_two_words.get(&(t.first_word_hash, crate::text::word_hash(w))));
            // (the order of the patterns tried is of no account: two
            // candidates of one span are one pattern, and they are sorted)
            for &pattern in starting.patterns.iter().chain(longer.into_iter().flatten()) {
                // the pattern with its leading space, from the space
                // before this token, to the space after a token (its last
                // letter first: most patterns that share a first word
                // differ there, and one byte costs less than a call)
                let p = self.patterns[pattern].as_bytes();
                let last = p.len() - 2;
                if rest.get(last) != p.get(last) || !rest.starts_with(p) {
                    continue;
                }
                let Some(last) = s.token_ending_at_norm(t.norm_start - 1 + p.len() - 1) else {
                    continue;
                };
                if self.entries[pattern]
                    .iter()
                    .any(|e| case_fits(s, first, last + 1, &e.case))
                {
                    cands.push(Candidate {
                        first,
                        end: last + 1,
                        pattern,
                    });
                }
            }
        }
        cands.sort_by_key(|c| (c.first, std::cmp::Reverse(c.end)));
        cands
    }

    /// Tokens that some gazetteer entry matches, whether or not it became a
    /// mention (a place, a bare demonym).
    pub(crate) fn known_tokens(&self, s: &Sentence) -> Vec<bool> {
        let mut known = vec![false; s.tokens.len()];
        for c in self.candidates(s) {
            known[c.first..c.end].iter_mut().for_each(|k| *k = true);
        }
        known
    }

    /// Whether the word before token `first` shows a place ("in Tarhuna").
    pub(crate) fn after_place_word(&self, s: &Sentence, first: usize) -> bool {
        first > 0
            && (self.only_a_place(s, first, false) || matches!(s.tokens[first - 1].norm(s), "of" | "from" | "near"))
    }

    /// Leftmost-longest, non-overlapping, among candidates inside
    /// `first..end` that satisfy `keep`.
    pub(super) fn greedy(
        &self,
        all: &[Candidate],
        first: usize,
        end: usize,
        keep: impl Fn(&Candidate) -> bool,
    ) -> Vec<Candidate> {
        let mut chosen: Vec<Candidate> = Vec::new();
        for c in all.iter().filter(|c| c.first >= first && c.end <= end && keep(c)) {
            if chosen.last().is_none_or(|p| c.first >= p.end) {
                chosen.push(c.clone());
            }
        }
        chosen
    }

    pub(super) fn link_sentence(
        &self,
        doc: &Document,
        s: &Sentence,
        seen: &[ActorId],
        places: &mut Vec<ActorId>,
    ) -> Vec<Mention> {
        let all = self.candidates(s);
        self.note_places(&all, places);
        let scope = Seen { actors: seen, places };
        let mut cands = self.greedy(&all, 0, s.tokens.len(), |_| true);
        // A role title glued to a name gives way to the name, but names
        // inside the title still count ("commander of the Libyan National
        // Army (LNA) Khalifa Haftar" holds the LNA).
        let mut ci = 0;
        while ci < cands.len() {
            let c = &cands[ci];
            let is_role = self.entries[c.pattern].iter().all(|e| e.kind == EntryKind::Role);
            let after = self.skip_parenthetical(s, c.end);
            let glued = cands.get(ci + 1).is_some_and(|n| {
                n.first == c.end
                    || (n.first == after && self.entries[n.pattern].iter().any(|e| e.kind == EntryKind::Alias))
            }) || cands.get(ci + 2).is_some_and(|n| n.first == after && after > c.end);
            // "a UN mission", or one with no country in the document:
            // only the names inside count ("UN")
            let elliptic = self.entries[c.pattern].iter().all(|e| e.kind == EntryKind::Elliptic);
            if elliptic && self.elliptic_actor(s, c.first, c.pattern, seen).is_none() {
                let (first, end) = (c.first, c.end);
                let inner = self.greedy(&all, first, end, |x| {
                    self.entries[x.pattern].iter().any(|e| e.kind != EntryKind::Elliptic)
                });
                let n = inner.len();
                cands.splice(ci..=ci, inner);
                ci += n;
                continue;
            }
            // "leader of Afghanistan's Taliban": the title's last name
            // owns what follows, the phrase is no title
            let owns_next = is_role && !glued && s.tokens.get(c.end).is_some_and(|t| t.kind == TokenKind::Possessive);
            let owner_inside = owns_next.then(|| {
                self.greedy(&all, c.first, c.end, |x| {
                    self.entries[x.pattern].iter().any(|e| e.kind != EntryKind::Role)
                })
            });
            if let Some(inner) = owner_inside.filter(|inner| inner.last().is_some_and(|x| x.end == c.end)) {
                let n = inner.len();
                cands.splice(ci..=ci, inner);
                ci += n;
            } else if is_role && glued {
                let (first, end) = (c.first, c.end);
                // ...but not the nation that opens it ("US Secretary of State
                // Antony Blinken" names Blinken, not the US)
                let inner = self.greedy(&all, first + 1, end, |x| {
                    self.entries[x.pattern].iter().any(|e| e.kind != EntryKind::Role)
                });
                let n = inner.len();
                cands.splice(ci..=ci, inner);
                ci += n;
            } else {
                ci += 1;
            }
        }
        let mut mentions: Vec<Mention> = Vec::new();
        for (ci, c) in cands.iter().enumerate() {
            let entries: Vec<&Entry> = self.entries[c.pattern]
                .iter()
                .filter(|e| case_fits(s, c.first, c.end, &e.case))
                .collect();
            let Some(kind) = entries.iter().map(|e| e.kind).min() else {
                continue;
            };
            let entries: Vec<&Entry> = entries.into_iter().filter(|e| e.kind == kind).collect();
            let next = cands.get(ci + 1);
            let mut m = Mention {
                sentence: s.index,
                first_token: c.first,
                end_token: c.end,
                start: s.tokens[c.first].start,
                end: s.tokens[c.end - 1].end,
                actor: entries[0].actor,
                how: LinkHow::Exact,
                score: 1.0,
                inner: Vec::new(),
            };
            match kind {
                EntryKind::Alias => {
                    let Some(mut actor) = self.choose_in(&entries, doc.date, seen, &cands, c) else {
                        continue;
                    };
                    // "Iran Press TV", "the United Nations Charter": part of
                    // a longer proper name that is not this actor's
                    if self.gazetteer.actor(actor).kind != ActorKind::Person && self.inside_longer_name(s, c.end, next)
                    {
                        continue;
                    }
                    // "Yunus-Bek Yevkurov", "Jean-Yunus": a name joined by
                    // a hyphen to a capitalised word no pattern holds is a
                    // part of someone else's name
                    if self.hyphenated_into_unknown_name(s, c, &cands) {
                        continue;
                    }
                    // "Government of National Unity" in a story of another
                    // country is not the Libyan one; "South Africa's
                    // Government of National Unity" is South Africa's
                    if self.common_words_only(s, c.first, c.end) && !self.in_scope(actor, &all, c, &scope) {
                        let owner = self
                            .possessor_before(s, c.first, &mentions)
                            .map(|(o, _)| o)
                            .filter(|&o| self.gazetteer.actor(o).kind == ActorKind::State);
                        match owner.filter(|_| self.names_an_institution(s, c.first, c.end)) {
                            Some(o) => {
                                actor = o;
                                m.how = LinkHow::Demonym;
                                m.score = 0.8;
                            }
                            None => continue,
                        }
                    }
                    // "in Libya", "to eastern Libya": a country as a place;
                    // "Libya plunged into chaos" while rival governments
                    // contest it: the scene, no one actor
                    let a = self.gazetteer.actor(actor);
                    let contested = a.contested.iter().any(|p| p.holds(doc.date));
                    // "the civil political leadership in Sudan": the
                    // country's rulers, one mention from the noun phrase on
                    let rulers = self
                        .government_before(s, c.first)
                        .filter(|_| a.kind == ActorKind::State);
                    if let Some(np_first) = rulers.filter(|_| !contested) {
                        m.first_token = np_first;
                        m.start = s.tokens[np_first].start;
                        m.how = LinkHow::Demonym;
                        m.score = 0.8;
                    } else if a.kind == ActorKind::State
                        && ((self.only_a_place(s, c.first, true) && !self.visited(s, c.first, c.end))
                            || (contested && !self.names_an_institution(s, c.first, c.end)))
                    {
                        continue;
                    }
                    m.actor = actor;
                }
                EntryKind::Metonym => {
                    // "Mocimboa da Praia", "Santa Cruz de Tenerife": the
                    // tail of a longer place name after a name particle is
                    // no seat of government
                    let tail_of_name = c.first >= 2
                        && self.name_particles.contains_at(s, c.first - 1)
                        && s.tokens[c.first - 2].kind == TokenKind::Word
                        && matches!(s.tokens[c.first - 2].case, Case::Title | Case::Upper);
                    if tail_of_name {
                        continue;
                    }
                    // "in Moscow", "the Berlin conference": only a place;
                    // "MOSCOW, Nov. 25 -": a dateline, where the story was
                    // written
                    let dateline = c.first == 0
                        && s.tokens[c.first].case == Case::Upper
                        && s.tokens.get(c.end).is_some_and(|t| t.norm(s) == ",");
                    // "officials in Niamey": the state's people at its seat,
                    // one mention from the noun on (unless a demonym phrase
                    // holds the noun already: "Nigerien officials in ...")
                    let agents = self
                        .agents_at_seat(s, c.first)
                        .filter(|&a| mentions.last().is_none_or(|p| p.end_token <= a));
                    // "negotiators from Belgrade and Pristina": the seats
                    // listed after the first are the agents' too
                    let listed = mentions.last().is_some_and(|p| {
                        p.how == LinkHow::Metonym
                            && p.end_token + 1 == c.first
                            && matches!(s.tokens[p.end_token].norm(s), "and" | ",")
                            && self.seat_agents.match_at(s, p.first_token).is_some()
                    });
                    // "Yerevan-Baku talks", "the Moscow-Kyiv summit": two
                    // seats joined by a hyphen before a noun of what two
                    // governments do together are the two governments
                    let paired = self.seat_pair_at(s, c, next) || {
                        mentions.last().is_some_and(|p| {
                            p.how == LinkHow::Metonym
                                && p.end_token + 1 == c.first
                                && self.hyphen_at(s, p.end_token)
                                && self.pair_nouns.match_at(s, c.end).is_some()
                        })
                    };
                    // "official Belgrade", "official Washington": the
                    // government at its seat, one mention with the word
                    let official = c.first > 0
                        && s.tokens[c.first - 1].norm(s) == "official"
                        && mentions.last().is_none_or(|p| p.end_token < c.first);
                    if let Some(a) = agents.filter(|_| !dateline) {
                        m.first_token = a;
                        m.start = s.tokens[a].start;
                    } else if official {
                        m.first_token = c.first - 1;
                        m.start = s.tokens[c.first - 1].start;
                    } else if !listed
                        && !paired
                        && (dateline
                            || (self.only_a_place(s, c.first, false) && !self.visited(s, c.first, c.end))
                            || self.event_nouns.match_at(s, c.end).is_some())
                    {
                        continue;
                    }
                    // a seat of government stands for whoever held it then
                    let dated = entries.iter().any(|e| e.from.is_some() || e.until.is_some());
                    // (undated, only a holder already named: an old story
                    // would otherwise get today's government)
                    let actor = if dated && doc.date.is_none() {
                        seen.iter()
                            .rev()
                            .find(|a| entries.iter().any(|e| e.actor == **a))
                            .copied()
                    } else if dated {
                        self.holder(&entries, doc.date, seen)
                    } else {
                        self.choose(&entries, doc.date, seen)
                    };
                    let Some(actor) = actor else {
                        continue;
                    };
                    m.actor = actor;
                    m.how = LinkHow::Metonym;
                    m.score = 0.9;
                }
                EntryKind::People => {
                    // "the Turks are behaving": the nation as one party, as
                    // diplomats speak of it; "Turks fled", "millions of
                    // Turks", "the Turks of Cyprus": people, no actor
                    let definite = c.first > 0 && s.tokens[c.first - 1].norm(s) == "the";
                    let of_after = s.tokens.get(c.end).is_some_and(|t| t.norm(s) == "of");
                    if !definite || of_after {
                        continue;
                    }
                    let Some(actor) = self.choose_in(&entries, doc.date, seen, &cands, c) else {
                        continue;
                    };
                    m.actor = actor;
                    m.how = LinkHow::Demonym;
                    m.score = 0.7;
                }
                EntryKind::Demonym => {
                    // "Rwandan and Ugandan officials": demonyms joined on one
                    // noun each name their state, the last with the noun
                    let coordinated = next.is_some_and(|n| {
                        n.first == c.end + 1
                            && matches!(s.tokens[c.end].norm(s), "and" | "or" | ",")
                            && self.entries[n.pattern].iter().any(|e| e.kind == EntryKind::Demonym)
                            && self.agent_phrase_after(s, n.end).is_some()
                    });
                    // Only at the head of an agent noun phrase; before
                    // what the state does ("the Algerian meddling",
                    // "Israeli airstrikes on Gaza") the demonym alone, so
                    // the act stays a word the extractor reads
                    let end = if coordinated || self.act_nouns.match_at(s, c.end).is_some() {
                        c.end
                    } else {
                        let Some(end) = self.agent_phrase_after(s, c.end) else {
                            continue;
                        };
                        end
                    };
                    if next.is_some_and(|n| n.first < end) {
                        continue;
                    }
                    let Some(actor) = self.choose_in(&entries, doc.date, seen, &cands, c) else {
                        continue;
                    };
                    // "the Libyan and Turkish sides" while rival
                    // governments contest Libya: which Libyan side is
                    // not said
                    let head_end = match next.filter(|_| coordinated) {
                        Some(n) => self.agent_phrase_after(s, n.end).unwrap_or(end),
                        None => end,
                    };
                    let a = self.gazetteer.actor(actor);
                    if a.contested.iter().any(|p| p.holds(doc.date))
                        && matches!(s.tokens[head_end - 1].norm(s), "side" | "sides")
                    {
                        continue;
                    }
                    m.actor = actor;
                    m.end_token = end;
                    m.end = s.tokens[end - 1].end;
                    m.how = LinkHow::Demonym;
                    m.score = 0.8;
                }
                EntryKind::Elliptic => {
                    let Some(actor) = self.elliptic_actor(s, c.first, c.pattern, seen) else {
                        continue;
                    };
                    m.actor = actor;
                    m.how = LinkHow::Coreference;
                    m.score = 0.7;
                }
                EntryKind::Role => {
                    // "a new UN envoy": an office, not a person
                    if c.first > 0 && INDEFINITE.contains(&s.tokens[c.first - 1].norm(s)) {
                        continue;
                    }
                    // a title glued to a name the gazetteer does not spell
                    // that way ("Russian Defense Minister Sergei Shoygo")
                    // is that name's, whoever held the office then
                    if s.tokens
                        .get(c.end)
                        .is_some_and(|t| t.kind == TokenKind::Word && t.case == Case::Title)
                    {
                        continue;
                    }
                    // A title in apposition to a name is that name's.
                    let appositive = next.filter(|n| {
                        n.first == c.end + 1
                            && s.tokens[c.end].kind == TokenKind::Punct
                            && s.tokens[c.end].norm(s) == ","
                            && self.entries[n.pattern].iter().any(|e| e.kind == EntryKind::Alias)
                    });
                    let actor = match appositive {
                        Some(n) => {
                            let named: Vec<&Entry> = self.entries[n.pattern].iter().collect();
                            self.choose(&named, doc.date, seen)
                        }
                        None => {
                            // "NATO's secretary-general": its owner's office,
                            // no other holder of the title
                            let owned: Option<Vec<&Entry>> =
                                self.possessor_before(s, c.first, &mentions)
                                    .map(|(owner, owner_first)| {
                                        match self.owner_title(s, owner_first, c.first, c.end) {
                                            Some(slot) => self.entries[slot]
                                                .iter()
                                                .filter(|e| e.kind == EntryKind::Role)
                                                .collect(),
                                            None => entries
                                                .iter()
                                                .copied()
                                                .filter(|e| self.gazetteer.actor(e.actor).affiliation == Some(owner))
                                                .collect(),
                                        }
                                    });
                            // ...and a title of one country's conflict only in
                            // a story that names that country
                            let pool: Vec<&Entry> = owned
                                .unwrap_or_else(|| entries.clone())
                                .into_iter()
                                .filter(|e| self.title_in_scope(e, &all, c, &scope))
                                .collect();
                            self.holder(&pool, doc.date, seen)
                        }
                    };
                    let Some(actor) = actor else { continue };
                    m.actor = actor;
                    m.how = LinkHow::Role;
                    m.score = 0.8;
                    // names inside the title count too: "head of the General
                    // Staff of the Russian Armed Forces" holds Russia
                    m.inner = self.names_inside(s, &all, c.first, c.end, doc.date, seen);
                }
            }
            mentions.push(m);
        }
        self.of_country(s, &all, &mut mentions);
        self.forces(s, &mut mentions);
        mentions
    }

    /// Mentions of aliases, metonyms and demonym agent phrases inside
    /// tokens `first..end`, as (actor, byte start, byte end).
    pub(super) fn names_inside(
        &self,
        s: &Sentence,
        all: &[Candidate],
        first: usize,
        end: usize,
        date: Option<NaiveDate>,
        seen: &[ActorId],
    ) -> Vec<(ActorId, usize, usize)> {
        let mut out = Vec::new();
        for c in self.greedy(all, first, end, |x| {
            self.entries[x.pattern].iter().any(|e| e.kind < EntryKind::People)
        }) {
            let entries: Vec<&Entry> = self.entries[c.pattern]
                .iter()
                .filter(|e| e.kind < EntryKind::People)
                .collect();
            let Some(kind) = entries.iter().map(|e| e.kind).min() else {
                continue;
            };
            let entries: Vec<&Entry> = entries.into_iter().filter(|e| e.kind == kind).collect();
            let stop = if kind == EntryKind::Demonym {
                match self.agent_phrase_after(s, c.end).filter(|&e| e <= end) {
                    Some(e) => e,
                    None => continue,
                }
            } else {
                c.end
            };
            if let Some(actor) = self.choose(&entries, date, seen) {
                out.push((actor, s.tokens[c.first].start, s.tokens[stop - 1].end));
            }
        }
        out
    }

    /// Among entries of one surface, the actor meant: the only one, or the
    /// one already named in the document; an ambiguous surface with no
    /// antecedent is left unlinked rather than guessed.
    pub(super) fn choose(&self, entries: &[&Entry], _date: Option<NaiveDate>, seen: &[ActorId]) -> Option<ActorId> {
        let mut actors: Vec<ActorId> = entries.iter().map(|e| e.actor).collect();
        actors.sort();
        actors.dedup();
        match actors.as_slice() {
            [one] => Some(*one),
            many => seen.iter().rev().find(|a| many.contains(a)).copied(),
        }
    }

    /// [`Linker::choose`], and for a surface it leaves ambiguous the one
    /// actor another name of this sentence (`cands`, other than `here`)
    /// names or belongs to: "the Congolese army" in a sentence that names
    /// the Democratic Republic of Congo, even as a place, is its army.
    pub(super) fn choose_in(
        &self,
        entries: &[&Entry],
        date: Option<NaiveDate>,
        seen: &[ActorId],
        cands: &[Candidate],
        here: &Candidate,
    ) -> Option<ActorId> {
        if let Some(a) = self.choose(entries, date, seen) {
            return Some(a);
        }
        let fits = |a: ActorId| {
            entries
                .iter()
                .find(|e| e.actor == a || self.nation_of(a) == Some(e.actor))
        };
        let mut named = cands.iter().filter(|c| c.pattern != here.pattern).filter_map(|c| {
            let mut actors = self.entries[c.pattern].iter().map(|e| e.actor);
            let first = actors.next()?;
            // a name of one actor only: an ambiguous one is no evidence
            actors.all(|a| a == first).then_some(first)
        });
        named.find_map(fits).map(|e| e.actor)
    }

    /// The actor an elliptic name at token `first` stands for: "a UN
    /// mission" is any one, "the UN mission" the one of the country the
    /// document is about (of the actors named so far, the most recent that
    /// belongs to a country one of the entries leaves out).
    pub(super) fn elliptic_actor(
        &self,
        s: &Sentence,
        first: usize,
        pattern: usize,
        seen: &[ActorId],
    ) -> Option<ActorId> {
        let entries = &self.entries[pattern];
        if first > 0 && INDEFINITE.contains(&s.tokens[first - 1].norm(s)) {
            return None;
        }
        // (of the gazetteer's actors: one found in the text is in no
        // elliptic name)
        let actors = DocActors::new(&self.gazetteer, &[]);
        seen.iter()
            .rev()
            .filter(|a| a.index() < self.gazetteer.len())
            .filter_map(|&a| coref::nation(actors, a))
            .find_map(|n| {
                entries
                    .iter()
                    .find(|e| e.kind == EntryKind::Elliptic && e.country == Some(n))
            })
            .map(|e| e.actor)
    }

    /// The holder of a role: at the document's date when it has one; else
    /// a holder already named in the document; else the latest holder.
    pub(super) fn holder(&self, entries: &[&Entry], date: Option<NaiveDate>, seen: &[ActorId]) -> Option<ActorId> {
        if let Some(d) = date {
            let held: Vec<&Entry> = entries
                .iter()
                .copied()
                .filter(|e| e.from.is_none_or(|f| f <= d) && e.until.is_none_or(|u| d <= u))
                .collect();
            return self.choose(&held, None, seen).or_else(|| held.first().map(|e| e.actor));
        }
        if let Some(a) = seen.iter().rev().find(|a| entries.iter().any(|e| e.actor == **a)) {
            return Some(*a);
        }
        entries.iter().max_by_key(|e| e.from).map(|e| e.actor)
    }

    /// Whether the capitalised words after token `end` continue a proper
    /// name that no candidate explains and that is no title, agent or
    /// force: then the match is only part of that name.
    pub(super) fn inside_longer_name(&self, s: &Sentence, end: usize, next: Option<&Candidate>) -> bool {
        let Some(t) = s.tokens.get(end) else { return false };
        if t.kind != TokenKind::Word || t.case != Case::Title || next.is_some_and(|n| n.first == end) {
            return false;
        }
        let w = t.norm(s);
        let explained = self.titles.contains(w)
            || self.agent_nouns.match_at(s, end).is_some()
            || self.force_nouns.match_at(s, end).is_some()
            || self.role_nouns.match_at(s, end).is_some()
            || self.event_nouns.match_at(s, end).is_some();
        !explained
    }

    /// Whether the match holds an agent or government noun ("Syrian
    /// government", "Syrian army"): an institution, not the country's name.
    pub(super) fn names_an_institution(&self, s: &Sentence, first: usize, end: usize) -> bool {
        (first..end).any(|i| {
            self.agent_nouns.match_at(s, i).is_some_and(|e| e <= end)
                || self.government_nouns.match_at(s, i).is_some_and(|e| e <= end)
        })
    }

    /// If a government noun and "in" or "of" stand before token `first`
    /// ("the leadership in Sudan", "the authorities of Chad"), the first
    /// token of that noun phrase: past the determiner, if one opens it
    /// within three words ("the civil political leadership"), else the noun
    /// itself, so that no verb is ever taken into the phrase.
    pub(super) fn government_before(&self, s: &Sentence, first: usize) -> Option<usize> {
        let prep = s.tokens.get(first.checked_sub(1)?)?;
        if !matches!(prep.norm(s), "in" | "of") {
            return None;
        }
        let noun = self.government_nouns.match_ending_at(s, first - 1)?;
        let opener = (1..=3).take_while(|&k| k <= noun).find_map(|k| {
            let t = &s.tokens[noun - k];
            if t.kind != TokenKind::Word || t.case != Case::Lower {
                return Some(None);
            }
            DETERMINERS.contains(t.norm(s)).then_some(Some(noun - k + 1))
        });
        Some(opener.flatten().unwrap_or(noun))
    }

    /// If "in" and, before it, a noun for the people who run a state stand
    /// before token `first` ("officials in Niamey"), that noun's first
    /// token.
    pub(super) fn agents_at_seat(&self, s: &Sentence, first: usize) -> Option<usize> {
        let prep = s.tokens.get(first.checked_sub(1)?)?;
        // "officials in Niamey", "negotiators from Belgrade"
        if !matches!(prep.norm(s), "in" | "from") {
            return None;
        }
        self.seat_agents.match_ending_at(s, first - 1)
    }

    /// Past "(LNA)" at token `at`, if one stands there.
    pub(super) fn skip_parenthetical(&self, s: &Sentence, at: usize) -> usize {
        if s.tokens.get(at).is_some_and(|t| t.norm(s) == "(") {
            for k in at + 1..(at + 6).min(s.tokens.len()) {
                if s.tokens[k].norm(s) == ")" {
                    return k + 1;
                }
            }
        }
        at
    }

    /// Whether the country or seat of government at tokens `first..end` is
    /// visited for talks ("a visit to Kigali", "arrived in Riyadh for
    /// talks"): then it stands for the government met there, as a visit to
    /// a country is a meeting with it, whatever place words stand before.
    pub(super) fn visited(&self, s: &Sentence, first: usize, end: usize) -> bool {
        let mut before = first;
        while before > 0 && s.tokens[before - 1].norm(s) == "the" {
            before -= 1;
        }
        // ("flew to Kinshasa next week for talks")
        self.visit_before.match_ending_at(s, before).is_some()
            || self.talks_after.match_at(s, s.time_adjunct_end(end)).is_some()
    }

    /// Whether token `i` is a joiner written inside a word ("Yerevan-Baku"),
    /// no dash between spaces.
    fn hyphen_at(&self, s: &Sentence, i: usize) -> bool {
        s.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Joiner && i > 0 && s.tokens[i - 1].end == t.start)
            && s.tokens.get(i + 1).is_some_and(|n| n.start == s.tokens[i].end)
    }

    /// Whether candidate `c` is joined by a hyphen written inside a word to
    /// a capitalised word that no candidate covers, on either side, and
    /// the compound goes on as a name ("Yunus-Bek Yevkurov"); before a
    /// noun it is a pair ("the Trump-Kim summit").
    pub(super) fn hyphenated_into_unknown_name(&self, s: &Sentence, c: &Candidate, cands: &[Candidate]) -> bool {
        let capitalised = |i: usize| {
            s.tokens
                .get(i)
                .is_some_and(|t| t.kind == TokenKind::Word && t.case == Case::Title)
        };
        let unknown = |i: usize| capitalised(i) && !cands.iter().any(|o| o.first <= i && i < o.end);
        (self.hyphen_at(s, c.end) && unknown(c.end + 1) && capitalised(c.end + 2))
            || (c.first >= 2 && self.hyphen_at(s, c.first - 1) && unknown(c.first - 2) && capitalised(c.end))
    }

    /// Whether candidate `c`, a seat of government, is joined by a hyphen
    /// to another (`next`) that a pair noun follows: "Yerevan-Baku talks".
    pub(super) fn seat_pair_at(&self, s: &Sentence, c: &Candidate, next: Option<&Candidate>) -> bool {
        next.is_some_and(|n| {
            n.first == c.end + 1
                && self.hyphen_at(s, c.end)
                && self.entries[n.pattern].iter().any(|e| e.kind == EntryKind::Metonym)
                && self.pair_nouns.match_at(s, n.end).is_some()
        })
    }

    pub(super) fn only_a_place(&self, s: &Sentence, first: usize, state: bool) -> bool {
        let cues = if state {
            &self.state_place_before
        } else {
            &self.place_before
        };
        let capitalised = |t: &crate::text::Token| {
            (t.kind == TokenKind::Word && t.case != Case::Lower) || t.kind == TokenKind::Joiner
        };
        let mut first = first;
        // "the files of Libya and Syria", "in Sirte and Jufra": a name
        // joined to a place is a place
        for _ in 0..MAX_LIST_NAMES {
            // skip "the", a comma and a direction: "the capital, Tripoli",
            // "to eastern Libya"
            let mut end = first;
            while end > 0 {
                let t = &s.tokens[end - 1];
                let w = t.norm(s);
                if w == "the" || w == "," || (t.case == Case::Lower && DIRECTIONS.contains(w)) {
                    end -= 1;
                } else {
                    break;
                }
            }
            // "lashed out at Washington", "took aim at Kigali": "at" after
            // these words aims words at a government, no place
            if self.aimed_at.match_ending_at(s, end).is_some() {
                return false;
            }
            if cues.match_ending_at(s, end).is_some() {
                return true;
            }
            // "airstrikes on Kabul", "the shelling of Kharkiv": a city
            // struck is a place (the act nouns, each with "on" or "of")
            if !state
                && end >= 2
                && matches!(s.tokens[end - 1].norm(s), "on" | "of")
                && self.act_nouns.match_ending_at(s, end - 1).is_some()
            {
                return true;
            }
            // (only "and" and "or": "In Libya, Russia backs Haftar" is no
            // list)
            if end == 0 || !matches!(s.tokens[end - 1].norm(s), "and" | "or") {
                return false;
            }
            end -= 1;
            while end > 0 && s.tokens[end - 1].norm(s) == "," {
                end -= 1;
            }
            let mut p = end;
            while p > 0 && capitalised(&s.tokens[p - 1]) {
                p -= 1;
            }
            if p == end {
                return false;
            }
            first = p;
        }
        false
    }

    /// If an agent noun phrase follows token `i` (within two words), the
    /// index one past it.
    pub(super) fn agent_phrase_after(&self, s: &Sentence, i: usize) -> Option<usize> {
        // "Iranian-backed": the nation acting, the demonym alone; "Iranian-
        // made": a compound adjective
        if s.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Joiner) {
            return self.agent_participles.match_at(s, i + 1).map(|_| i);
        }
        // "the Algerian meddling", "the Ethiopian demand": what the state
        // does, named right after its demonym
        if let Some(end) = self.act_nouns.match_at(s, i) {
            return Some(end);
        }
        let mut at = i;
        // two words, or a model name with its joiners ("F-16", "Su-24")
        for _ in 0..5 {
            if let Some(end) = self.agent_nouns.match_at(s, at) {
                // "Ministry of Defense": take the "of X" along.
                let mut end = end;
                if s.tokens.get(end).is_some_and(|t| t.norm(s) == "of")
                    && s.tokens.get(end + 1).is_some_and(|t| t.case == Case::Title)
                {
                    end += 2;
                }
                return Some(end);
            }
            match s.tokens.get(at) {
                Some(t) if matches!(t.kind, TokenKind::Word | TokenKind::Joiner | TokenKind::Number) => at += 1,
                _ => return None,
            }
        }
        None
    }

    /// "the internationally-recognized government of Libya": a body
    /// followed by "of" and its own country is one mention of the body.
    pub(super) fn of_country(&self, s: &Sentence, all: &[Candidate], mentions: &mut Vec<Mention>) {
        let mut i = 0;
        while i < mentions.len() {
            let a = &mentions[i];
            let actor = self.gazetteer.actor(a.actor);
            let after_of = a.end_token + 1;
            let country = actor.country.filter(|_| {
                actor.kind != ActorKind::State && s.tokens.get(a.end_token).is_some_and(|t| t.norm(s) == "of")
            });
            // the country's name right after "of", whether or not it became
            // a mention of its own (a contested country's name does not)
            let end = country.and_then(|country| {
                all.iter()
                    .filter(|c| c.first == after_of)
                    .filter(|c| {
                        self.entries[c.pattern]
                            .iter()
                            .any(|e| e.kind == EntryKind::Alias && e.actor == country)
                    })
                    .map(|c| c.end)
                    .max()
            });
            if let Some(end) = end {
                mentions[i].end_token = end;
                mentions[i].end = s.tokens[end - 1].end;
                // drop a mention of the country itself
                if mentions.get(i + 1).is_some_and(|b| b.first_token == after_of) {
                    mentions.remove(i + 1);
                }
            }
            i += 1;
        }
    }
}
