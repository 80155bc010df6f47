//! Events, not reports: which reports of one relation tell of one event.
//!
//! Ten wire stories about one airstrike are ten reports and one event. Two
//! reports of the same (source, relation, target, modality) are one event
//! when their documents are dated within `same_event_days` of each other
//! (undated reports go with undated reports only) and their evidence
//! sentences share words. A sentence's [`Signature`] is the hashes of its
//! three least content words (a MinHash of three: words of three letters or
//! more, not function words, not the words of the two actors' ids nor of
//! the trigger, which every report of the relation shares); two signatures
//! overlap when they share two hashes, or are equal when a sentence has
//! fewer than two content words.
//!
//! Events are the connected components of "same window and overlapping":
//! they do not depend on the order reports come in, nor on how documents
//! are split among threads, machines or saved graphs. An edge keeps each
//! report's date and signature (a [`Report`]), so merging two graphs unites
//! their reports and counts the events again; a report in both graphs (one
//! document in both) joins its own copy and counts once.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The default window, in days, of reports of one event.
pub const DEFAULT_SAME_EVENT_DAYS: u32 = 1;

/// A signature slot no word fills.
const EMPTY: u32 = u32::MAX;

/// Words of three letters or more that say nothing of what happened: two
/// sentences sharing them are no more alike (English grammar, not data of
/// any conflict).
const FUNCTION_WORDS: &[&str] = &[
    "about", "after", "against", "also", "and", "are", "been", "before", "between", "but", "can", "could", "did",
    "during", "for", "from", "had", "has", "have", "her", "his", "its", "last", "more", "not", "now", "one", "our",
    "over", "said", "says", "she", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "told", "two", "under", "was", "were", "what", "when", "which", "while", "who", "will", "with",
    "would", "year", "you",
];

/// The three least hashes of a sentence's content words, ascending
/// ([`EMPTY`] past its last word).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Signature(pub [u32; 3]);

impl Signature {
    /// The signature of `sentence`, leaving out the words of `exclude`
    /// (the actors' ids, the trigger): any text, split at every character
    /// that is not a letter or a digit.
    pub fn of(sentence: &str, exclude: &[&str]) -> Signature {
        let excluded: Vec<String> = exclude.iter().flat_map(|s| words(s)).collect();
        let mut least = [EMPTY; 3];
        for w in words(sentence) {
            if w.chars().count() < 3 || FUNCTION_WORDS.contains(&w.as_str()) || excluded.contains(&w) {
                continue;
            }
            let h = fnv1a32(w.as_bytes()).min(EMPTY - 1);
            if least.contains(&h) || h > least[2] {
                continue;
            }
            least[2] = h;
            least.sort_unstable();
        }
        Signature(least)
    }

    /// The keys under which overlapping signatures meet: each pair of its
    /// hashes, or the whole signature when it has fewer than two.
    fn keys(&self) -> impl Iterator<Item = (u32, u32)> {
        let [a, b, c] = self.0;
        let pairs = [(a, b), (a, c), (b, c)];
        let (n, lone) = match (b == EMPTY, c == EMPTY) {
            (true, _) => (0, Some((a, b))),
            (false, true) => (1, None),
            (false, false) => (3, None),
        };
        pairs.into_iter().take(n).chain(lone)
    }
}

/// Lower-cased runs of letters and digits.
fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
}

/// FNV-1a, 32 bits: a hash that is the same on every machine and version.
fn fnv1a32(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .fold(0x811c_9dc5u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// FNV-1a, 64 bits, over several strings (each ended by a 0 byte).
pub fn fnv1a64(parts: &[&[u8]]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for p in parts {
        for &b in p.iter().chain(&[0u8]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// One report of an edge: its document's date and its sentence's
/// signature. Saved as one string, `2020-01-05 0a1b2c3d 4e5f6071 ffffffff`
/// (`-` for no date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Report {
    /// The document's date.
    pub date: Option<NaiveDate>,
    /// The evidence sentence's signature.
    pub signature: Signature,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.date {
            Some(d) => write!(f, "{d}")?,
            None => f.write_str("-")?,
        }
        for h in self.signature.0 {
            write!(f, " {h:08x}")?;
        }
        Ok(())
    }
}

/// Why a saved report could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a report (DATE or -, then three 8-digit hex hashes)")]
pub struct BadReport(String);

impl std::str::FromStr for Report {
    type Err = BadReport;

    fn from_str(s: &str) -> Result<Report, BadReport> {
        let bad = || BadReport(s.to_string());
        let mut parts = s.split(' ');
        let date = match parts.next().ok_or_else(bad)? {
            "-" => None,
            d => Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| bad())?),
        };
        let mut hashes = [EMPTY; 3];
        for h in &mut hashes {
            let p = parts.next().ok_or_else(bad)?;
            if p.len() != 8 {
                return Err(bad());
            }
            *h = u32::from_str_radix(p, 16).map_err(|_| bad())?;
        }
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(Report {
            date,
            signature: Signature(hashes),
        })
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Report {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Report, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Whether two dates fall in one window of `days`.
fn same_window(a: Option<NaiveDate>, b: Option<NaiveDate>, days: u32) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).num_days().unsigned_abs() <= u64::from(days),
        (None, None) => true,
        _ => false,
    }
}

/// The event of each item: items of one `group` (say, one edge) whose
/// reports are in one window and overlap share an event. Each event is
/// named by the index of its least item by (`group`, report, `order`), so
/// the answer is the same for the items in any order.
pub fn events_of<G: Ord + Copy, O: Ord + Copy>(items: &[(G, Report, O)], days: u32) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..items.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // (group, key, date, item)
    type Keyed<G> = (G, (u32, u32), Option<NaiveDate>, usize);
    let mut keyed: Vec<Keyed<G>> = items
        .iter()
        .enumerate()
        .flat_map(|(i, (g, r, _))| r.signature.keys().map(move |k| (*g, k, r.date, i)))
        .collect();
    keyed.sort_unstable();
    // sorted by date within a key, neighbours in the window chain every
    // pair in it
    for w in keyed.windows(2) {
        let ((g1, k1, d1, i), (g2, k2, d2, j)) = (w[0], w[1]);
        if g1 == g2 && k1 == k2 && same_window(d1, d2, days) {
            let (a, b) = (root(&mut parent, i), root(&mut parent, j));
            let least = |x: usize| (items[x].0, items[x].1, items[x].2, x);
            let (keep, drop) = if least(a) <= least(b) { (a, b) } else { (b, a) };
            parent[drop] = keep;
        }
    }
    (0..items.len()).map(|i| root(&mut parent, i)).collect()
}

/// The number of events among the reports of one edge.
pub fn count_events(reports: &[Report], days: u32) -> u64 {
    let items: Vec<((), Report, ())> = reports.iter().map(|r| ((), *r, ())).collect();
    let mut roots = events_of(&items, days);
    roots.sort_unstable();
    roots.dedup();
    roots.len() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(date: &str, sentence: &str) -> Report {
        Report {
            date: Some(date.parse().unwrap()),
            signature: Signature::of(sentence, &["chad", "cameroon", "supplied"]),
        }
    }

    #[test]
    fn one_story_on_two_days_is_one_event() {
        let s = "Chad supplied armoured trucks to Cameroon for the Lake Chad operation.";
        let r = [report("2019-03-01", s), report("2019-03-02", s)];
        assert_eq!(count_events(&r, 1), 1);
        // a window of 0 days keeps them apart
        assert_eq!(count_events(&r, 0), 2);
        // three days apart, even with a window of one day: two events
        assert_eq!(count_events(&[report("2019-03-01", s), report("2019-03-04", s)], 1), 2);
    }

    #[test]
    fn another_wording_of_another_event_is_another_event() {
        let a = report("2019-03-01", "Chad supplied armoured trucks to Cameroon near Kousseri.");
        let b = report(
            "2019-03-01",
            "Chad supplied fuel and medicine to Cameroon through Maroua airport.",
        );
        assert_eq!(count_events(&[a, b], 1), 2);
    }

    #[test]
    fn a_chain_of_reports_is_one_event_in_any_order() {
        let s = "Chad supplied armoured trucks to Cameroon for the Lake Chad operation.";
        let mut r = vec![
            report("2019-03-01", s),
            report("2019-03-02", s),
            report("2019-03-03", s),
            report(
                "2019-03-09",
                "Chad supplied helicopters to Cameroon after the Mora raid.",
            ),
        ];
        assert_eq!(count_events(&r, 1), 2);
        r.reverse();
        assert_eq!(count_events(&r, 1), 2);
        let items: Vec<(u8, Report, usize)> = r.iter().enumerate().map(|(i, x)| (0, *x, 10 - i)).collect();
        let ev = events_of(&items, 1);
        assert_eq!(ev[1], ev[2]);
        assert_eq!(ev[2], ev[3]);
        assert_ne!(ev[0], ev[1]);
    }

    #[test]
    fn reports_round_trip_as_text() {
        let r = report("2019-03-01", "Chad supplied armoured trucks to Cameroon.");
        let back: Report = r.to_string().parse().unwrap();
        assert_eq!(back, r);
        let undated = Report { date: None, ..r };
        assert_eq!(undated.to_string().parse::<Report>().unwrap(), undated);
        assert!("2019-03-01 zz".parse::<Report>().is_err());
        assert!("yesterday 00000000 00000000 00000000".parse::<Report>().is_err());
    }
}
