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
//! Reports are taken by date: one joins the earliest event begun at most
//! `same_event_days` before it whose reports it overlaps, or begins one, so
//! that every report of an event is in the window of its first (a
//! connected-components rule would chain a story told every day for a year
//! into one event). Taken in the order of their contents, the events do
//! not depend on the order reports come in, nor on how documents are split
//! among threads, machines or saved graphs. An edge keeps each
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
        // A word changes the signature only if its hash is new and below
        // the third least so far: that test comes first, as most words
        // fail it once a few have been seen; the word lists are read only
        // for the few that pass.
        let may_enter = |least: &[u32; 3], chars: usize, h: u32| {
            let h = h.min(EMPTY - 1);
            chars >= 3 && !least.contains(&h) && h <= least[2]
        };
        let take = |least: &mut [u32; 3], w: &[u8], chars: usize, h: u32| {
            if !may_enter(least, chars, h) {
                return;
            }
            // (no function word is longer than seven letters)
            let function = w.len() <= 7 && FUNCTION_WORDS.binary_search_by(|f| f.as_bytes().cmp(w)).is_ok();
            if function || excluded.iter().any(|x| x.as_bytes() == w) {
                return;
            }
            least[2] = h.min(EMPTY - 1);
            least.sort_unstable();
        };
        if sentence.is_ascii() {
            // bytes are characters: each word hashed as it is lower-cased,
            // in one pass, and copied into a buffer (not a new string)
            // only when its hash could enter the signature (this runs for
            // every report the graph takes)
            let bytes = sentence.as_bytes();
            let mut buffer = [0u8; 64];
            let mut i = 0;
            while i < bytes.len() {
                if !bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                    continue;
                }
                let start = i;
                let mut h = FNV32_OFFSET;
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    h = fnv32_step(h, bytes[i].to_ascii_lowercase());
                    i += 1;
                }
                let raw = &bytes[start..i];
                if !may_enter(&least, raw.len(), h) {
                    continue;
                }
                if raw.len() > buffer.len() {
                    take(&mut least, &raw.to_ascii_lowercase(), raw.len(), h);
                    continue;
                }
                let w = &mut buffer[..raw.len()];
                w.copy_from_slice(raw);
                w.make_ascii_lowercase();
                take(&mut least, w, raw.len(), h);
            }
        } else {
            for w in words(sentence) {
                take(&mut least, w.as_bytes(), w.chars().count(), fnv1a32(w.as_bytes()));
            }
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
    bytes.iter().fold(FNV32_OFFSET, |h, &b| fnv32_step(h, b))
}

/// The start of [`fnv1a32`].
const FNV32_OFFSET: u32 = 0x811c_9dc5;

/// One byte of [`fnv1a32`].
fn fnv32_step(h: u32, b: u8) -> u32 {
    (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
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

/// One report of an edge, or several alike: its document's date, its
/// sentence's signature, and how many reports have both. Saved as one
/// string, `2020-01-05 0a1b2c3d 4e5f6071 ffffffff` (`-` for no date), with
/// ` *N` after it for N reports alike.
///
/// Reports alike always tell of one event (the second joins the first's),
/// so an edge keeps each distinct report once with its count
/// ([`compact`]): its memory grows with what its reports say, not with
/// how often a corpus repeats it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Report {
    /// The document's date.
    pub date: Option<NaiveDate>,
    /// The evidence sentence's signature.
    pub signature: Signature,
    /// How many reports have this date and signature.
    pub count: u32,
}

impl Report {
    /// One report.
    pub fn one(date: Option<NaiveDate>, signature: Signature) -> Report {
        Report {
            date,
            signature,
            count: 1,
        }
    }
}

/// The number of reports `reports` stand for.
pub fn total(reports: &[Report]) -> u64 {
    reports.iter().map(|r| u64::from(r.count)).sum()
}

/// Sort `reports` and merge the alike (same date and signature) into one
/// with their counts added.
pub fn compact(reports: &mut Vec<Report>) {
    reports.sort_unstable_by_key(|r| (r.date, r.signature));
    let mut out: Vec<Report> = Vec::with_capacity(reports.len());
    for r in reports.drain(..) {
        match out.last_mut() {
            Some(last) if last.date == r.date && last.signature == r.signature => {
                last.count = last.count.saturating_add(r.count);
            }
            _ => out.push(r),
        }
    }
    *reports = out;
}

/// Add `more` to `reports`, merging the alike whenever the list has
/// doubled: amortised, each report is sorted a few times at most.
pub fn add_reports(reports: &mut Vec<Report>, more: Vec<Report>) {
    for r in more {
        reports.push(r);
        let n = reports.len();
        if n >= 64 && n.is_power_of_two() {
            compact(reports);
        }
    }
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
        if self.count != 1 {
            write!(f, " *{}", self.count)?;
        }
        Ok(())
    }
}

/// Why a saved report could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a report (DATE or -, then three 8-digit hex hashes, then *N for N reports alike)")]
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
        let count = match parts.next() {
            None => 1,
            Some(c) => c
                .strip_prefix('*')
                .and_then(|c| c.parse::<u32>().ok())
                .filter(|&c| c > 0)
                .ok_or_else(bad)?,
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(Report {
            date,
            signature: Signature(hashes),
            count,
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

/// The event of each item, named by the index of its first item. Items of
/// one `group` (say, one edge) are taken in the order of their (report,
/// `order`): by date first. An item joins the earliest event of its group
/// that began at most `days` before it and holds a report it overlaps;
/// otherwise it begins an event. So every report of an event is within
/// `days` of its first (a story told every day for a month is not one
/// event), and the answer, a function of the items' contents, is the same
/// for the items in any order. Memory beyond the answer: an index per item
/// and the open events of one group at a time.
pub fn events_of<G: Ord + Copy, O: Ord + Copy>(items: &[(G, Report, O)], days: u32) -> Vec<u32> {
    let mut first: Vec<u32> = (0..items.len() as u32).collect();
    let mut sorted: Vec<u32> = (0..items.len() as u32).collect();
    sorted.sort_unstable_by_key(|&i| {
        let (g, r, o) = items[i as usize];
        (g, r, o, i)
    });
    // the events begun in this group: (date, first item)
    let mut begun: Vec<(Option<NaiveDate>, u32)> = Vec::new();
    // for each key, the events holding a report of it, oldest first
    let mut open: rustc_hash::FxHashMap<(u32, u32), Vec<u32>> = Default::default();
    for group in sorted.chunk_by(|&a, &b| items[a as usize].0 == items[b as usize].0) {
        begun.clear();
        open.clear();
        for &i in group {
            let report = items[i as usize].1;
            let mut joined: Option<u32> = None;
            for k in report.signature.keys() {
                if let Some(events) = open.get_mut(&k) {
                    // dates only grow: an event out of the window now is
                    // out of it for every later report
                    events.retain(|&e| same_window(begun[e as usize].0, report.date, days));
                    if let Some(&e) = events.first() {
                        joined = Some(joined.map_or(e, |j| j.min(e)));
                    }
                }
            }
            let event = match joined {
                Some(e) => e,
                None => {
                    begun.push((report.date, i));
                    (begun.len() - 1) as u32
                }
            };
            first[i as usize] = begun[event as usize].1;
            for k in report.signature.keys() {
                let events = open.entry(k).or_default();
                if !events.contains(&event) {
                    events.push(event);
                    events.sort_unstable();
                }
            }
        }
    }
    first
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
        Report::one(
            Some(date.parse().unwrap()),
            Signature::of(sentence, &["chad", "cameroon", "supplied"]),
        )
    }

    #[test]
    fn function_words_are_sorted_for_their_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_signature_is_that_of_the_lower_cased_words_of_any_script() {
        // what the signature was first defined as: each word lower-cased as
        // a string, then filtered and hashed
        let slow = |sentence: &str, exclude: &[&str]| {
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
        };
        for (sentence, exclude) in [
            (
                "Chad supplied armoured trucks to Cameroon.",
                &["chad", "cameroon", "supplied"][..],
            ),
            ("THE Kremlin SAID That Moscow BACKED the offensive", &["russia"]),
            (
                "Erdoğan met İlham Aliyev in Ankara; ÇAVUŞOĞLU was there",
                &["recep_tayyip_erdogan", "met"],
            ),
            (
                "Die Bundeswehr lieferte Panzerhaubitzen an die Ukraine",
                &["germany", "ukraine"],
            ),
            ("a b c de", &[]),
            ("ΟΔΥΣΣΕΥΣ ΚΑΙ ΑΧΙΛΛΕΥΣ", &[]),
            ("Antidisestablishmentarianismlikewordsthatrunlong and short", &[]),
            (
                "Pneumonoultramicroscopicsilicovolcanoconiosisandsoonforeverandevermore THROUGH",
                &[],
            ),
        ] {
            assert_eq!(Signature::of(sentence, exclude), slow(sentence, exclude), "{sentence}");
        }
    }

    #[test]
    fn reports_alike_are_kept_once_with_their_count_and_tell_the_same_events() {
        let a = "Chad supplied armoured trucks to Cameroon for the Lake Chad operation.";
        let b = "Chad supplied fuel and rations to Cameroon's garrison in Kousseri.";
        let days = ["2019-03-01", "2019-03-02", "2019-03-09"];
        let mut all = Vec::new();
        for round in 0..40 {
            for d in days {
                all.push(report(d, if round % 3 == 0 { b } else { a }));
            }
        }
        let events = count_events(&all, 1);
        let mut kept = Vec::new();
        add_reports(&mut kept, all.clone());
        compact(&mut kept);
        assert_eq!(kept.len(), 6, "{kept:?}");
        assert_eq!(total(&kept), 120);
        assert_eq!(count_events(&kept, 1), events);
        assert_eq!(events, 4);
        let many = kept[0];
        assert!(many.to_string().ends_with(&format!(" *{}", many.count)), "{many}");
        assert_eq!(many.to_string().parse::<Report>().unwrap(), many);
        assert!("2019-03-01 00000000 00000000 00000000 *0".parse::<Report>().is_err());
        assert!("2019-03-01 00000000 00000000 00000000 7".parse::<Report>().is_err());
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
    fn an_event_holds_the_reports_in_the_window_of_its_first() {
        let s = "Chad supplied armoured trucks to Cameroon for the Lake Chad operation.";
        let mut r = vec![
            report("2019-03-01", s),
            report("2019-03-02", s),
            report("2019-03-03", s),
            report(
                "2019-03-02",
                "Chad supplied helicopters to Cameroon after the Mora raid.",
            ),
        ];
        // the 1st and 2nd of March; the 3rd (two days after the first); the
        // helicopters
        assert_eq!(count_events(&r, 1), 3);
        assert_eq!(count_events(&r, 2), 2);
        r.reverse();
        assert_eq!(count_events(&r, 1), 3);
        let items: Vec<(u8, Report, usize)> = r.iter().enumerate().map(|(i, x)| (0, *x, 10 - i)).collect();
        let ev = events_of(&items, 1);
        // reversed: [helicopters, 3rd, 2nd, 1st]; each named by its first
        assert_eq!(ev, vec![0, 1, 3, 3]);
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
