//! Modality: which cues (negation, plans, requests, postponement,
//! conditions) stand before or after which trigger, and what an event
//! whose trigger took one is.

use super::clause::{View, ADVERBS, CLAUSE_BOUNDARIES};
use super::lexicon::{Lexicon, Modality, Relation};
use super::matcher::phrase_at;

/// One place a trigger's first word stands, for modality.
#[derive(Debug, Clone)]
pub(super) struct Occurrence {
    pub(super) first: usize,
    pub(super) end: usize,
    /// The relation of the trigger that stands here (for an event word
    /// with no trigger, none).
    pub(super) relation: Option<Relation>,
    pub(super) modality: Modality,
    pub(super) distance: usize,
    /// A cue of continuing action reaches it ("will continue to back"):
    /// what is planned to go on holds now. It takes back a plan only, not
    /// a request, a negation or a condition ("urged Trump to keep
    /// supporting Ukraine" is still a request).
    pub(super) continued: bool,
}

/// Give each occurrence the modality of the cues that reach it.
pub(super) fn attach(lexicon: &Lexicon, v: &View, occ: &mut [Occurrence]) {
    let n = v.s.tokens.len();
    // every cue that stands in the sentence, in lexicon order (ties go
    // to the cue listed first)
    let mut hits: Vec<(usize, usize, usize)> = Vec::new();
    // (a cue's last word joined by a hyphen to the next is a word of a
    // compound: "cease-fire talks", "stop-gap")
    let joined = |e: usize| e < n && v.s.tokens[e].kind == crate::text::TokenKind::Joiner;
    for i in 0..n {
        for &ci in lexicon.cues_starting_with(v.norm(i)) {
            if let Some(cend) = phrase_at(v, &lexicon.cues()[ci].words, i).filter(|&e| !joined(e)) {
                hits.push((ci, i, cend));
            }
        }
    }
    hits.sort_unstable();
    // the words that make what follows them alleged ("accused", "claimed"):
    // a denial after an accusation ("..., a charge Rwanda rejects") takes
    // back what is alleged, not the accusing, which stands
    let accusing = |o: &Occurrence| {
        let w = v.norm(o.first);
        lexicon
            .cues()
            .iter()
            .any(|c| c.before && c.modality == Modality::Alleged && c.words.len() == 1 && c.words[0] == w)
    };
    // a cue inside a cue of continuing action is part of it: "never
    // stopped accusing" holds no negation
    let continuing: Vec<(usize, usize)> = hits
        .iter()
        .filter(|(ci, ..)| lexicon.cues()[*ci].modality == Modality::Asserted)
        .map(|&(_, i, cend)| (i, cend))
        .collect();
    for &(ci, i, cend) in &hits {
        let cue = &lexicon.cues()[ci];
        if cue.modality != Modality::Asserted && continuing.iter().any(|&(a, b)| a <= i && cend <= b) {
            continue;
        }
        let denial_after = !cue.before && cue.modality == Modality::Negated;
        // "claimed responsibility for": owning an act, not alleging one
        let owning = cue.modality == Modality::Alleged && cend < n && v.norm(cend) == "responsibility";
        let applies = |o: &Occurrence| {
            let excluded = owning || o.relation.is_some_and(|r| cue.not_for.contains(&r));
            let accusation_stands = denial_after && accusing(o);
            !(excluded || accusation_stands)
        };
        // a cue among a trigger's own words is about it: "has shelved
        // its planned meeting with" (the light verb "has" opens it)
        // (not a request: "a phone call on the crisis" holds "call on")
        // (a cue in a clause the trigger's "that" opens is that clause's:
        // "warned Kigali that any incursion would be met with force")
        // (nor an allegation: the claim a trigger holds is what it is
        // about, "dismissed claims from Kampala", "made claims against")
        if cue.before
            && !matches!(
                cue.modality,
                Modality::Requested | Modality::Asserted | Modality::Alleged
            )
        {
            let in_complement = |o: &Occurrence| (o.first..i).any(|k| v.norm(k) == "that");
            for o in occ
                .iter_mut()
                .filter(|o| o.first < i && cend < o.end && o.distance > 0 && !in_complement(o))
            {
                if applies(o) {
                    o.distance = 0;
                    o.modality = cue.modality;
                }
            }
        }
        // the nearest trigger after the cue, within the window, in its
        // clause, and not a verb of its own joined by "and" ("dismissed
        // the report and accused Kinshasa"); or the nearest before an
        // `after` cue. Every trigger at that distance takes it (an
        // event word and the pattern that begins with it).
        // (and never across the edge of an insertion: "The TPLF, which
        // has killed hundreds of soldiers, denied the claim" denies the
        // claim, not the killing the aside states)
        let distance = |o: &Occurrence| -> Option<usize> {
            if !applies(o) || v.insertion[o.first] != v.insertion[i] {
                return None;
            }
            if cue.before {
                (o.first >= cend
                    && o.first - cend <= cue.window
                    && !(cend..o.first).any(|k| CLAUSE_BOUNDARIES.contains(v.norm(k)))
                    && !coordinated_verb(v, cend, o.first))
                .then(|| o.first - cend)
            } else {
                (o.end <= i && i - o.end <= cue.window).then(|| i - o.end)
            }
        };
        if cue.modality == Modality::Asserted {
            if let Some(best) = occ.iter().filter_map(&distance).min() {
                for o in occ.iter_mut().filter(|o| distance(o) == Some(best)) {
                    o.continued = true;
                }
            }
            continue;
        }
        if let Some(best) = occ.iter().filter_map(&distance).min() {
            for o in occ.iter_mut() {
                if distance(o) == Some(best) && best < o.distance {
                    o.distance = best;
                    o.modality = cue.modality;
                }
            }
        }
    }
    for o in occ
        .iter_mut()
        .filter(|o| o.continued && o.modality == Modality::Planned)
    {
        o.modality = Modality::Asserted;
    }
    // A trigger inside the span of another, or right after it, takes
    // its cue: "is scheduled to fly to Kinshasa for talks with
    // Tshisekedi" plans the talks as much as the trip, "could send
    // troops to fight" the fighting as much as the sending.
    let spans: Vec<(usize, usize, Modality)> = occ
        .iter()
        .filter(|o| o.distance != usize::MAX)
        .map(|o| (o.first, o.end, o.modality))
        .collect();
    for o in occ.iter_mut().filter(|o| o.distance == usize::MAX) {
        if let Some(&(_, _, m)) = spans.iter().find(|(a, b, _)| *a < o.first && o.first <= *b) {
            o.modality = m;
        }
    }
}

/// Whether the trigger at `first` is a verb coordinated by "and" after
/// token `from`: a cue before the first verb does not reach it.
pub(super) fn coordinated_verb(v: &View, from: usize, first: usize) -> bool {
    let mut k = first;
    while k > from && ADVERBS.contains(v.norm(k - 1)) {
        k -= 1;
    }
    k > from && v.norm(k - 1) == "and"
}
