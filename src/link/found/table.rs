//! The actors found in one document's text, and the names that refer to
//! them; [`DocActors`], which resolves an id of a mention whichever table
//! it is in.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::link::gazetteer::{Actor, ActorId, Gazetteer};

/// The actors of one document: the gazetteer's, then those found in its
/// text (ids from the gazetteer's length on).
#[derive(Debug, Clone, Copy)]
pub struct DocActors<'a> {
    gazetteer: &'a Gazetteer,
    found: &'a [Actor],
}

impl<'a> DocActors<'a> {
    /// The actors of `gazetteer` and `found` (a document's table).
    pub fn new(gazetteer: &'a Gazetteer, found: &'a [Actor]) -> Self {
        DocActors { gazetteer, found }
    }

    /// The actor of an id of a mention of this document.
    pub fn actor(&self, id: ActorId) -> &'a Actor {
        let n = self.gazetteer.len();
        match id.index().checked_sub(n) {
            Some(k) => &self.found[k],
            None => self.gazetteer.actor(id),
        }
    }

    /// Whether the actor was found in the text (in no gazetteer).
    pub fn is_found(&self, id: ActorId) -> bool {
        id.index() >= self.gazetteer.len()
    }
}

/// The found actors of one document, and the names that refer to them.
#[derive(Debug, Default)]
pub(crate) struct FoundTable {
    /// The first id past the gazetteer.
    pub(super) base: usize,
    /// The actors, in order of first mention.
    pub(crate) actors: Vec<Actor>,
    /// Normalised words of a full name, joined by spaces -> actor.
    pub(super) names: FxHashMap<String, ActorId>,
    /// A person's last name -> the person; `None` once two share it.
    pub(super) surnames: FxHashMap<String, Option<ActorId>>,
    /// An organisation's acronym or initials (normalised) -> it.
    pub(super) acronyms: FxHashMap<String, ActorId>,
    /// Names of commentators (and their last names): no actor.
    pub(super) blocked: FxHashSet<String>,
    /// Actors found before the text showed them commentators: their
    /// mentions are dropped at the end of the document.
    pub(crate) commentators: FxHashSet<ActorId>,
    /// Bodies named with a weak organisation word only, and how many
    /// times the document names them.
    pub(super) weak: FxHashMap<ActorId, u32>,
    /// [`crate::text::word_hash`] of the last word of every name above.
    pub(super) last_words: Vec<u64>,
}

impl FoundTable {
    /// The found actors that are no actors after all, now the whole
    /// document is read: commentators, and bodies named with a weak
    /// organisation word that the document names only once.
    pub(crate) fn dropped(&self) -> FxHashSet<ActorId> {
        let mut out = self.commentators.clone();
        out.extend(self.weak.iter().filter(|(_, &n)| n < 2).map(|(&a, _)| a));
        out
    }
}

impl FoundTable {
    /// An empty table for a gazetteer of `base` actors.
    pub(crate) fn new(base: usize) -> Self {
        FoundTable {
            base,
            ..FoundTable::default()
        }
    }
}

/// Never an actor in this document: a name and its last names.
pub(super) fn block(table: &mut FoundTable, name_key: &str) {
    for (at, _) in name_key.match_indices(' ') {
        table.blocked.insert(name_key[at + 1..].to_string());
    }
    table.blocked.insert(name_key.to_string());
}

/// Note the last word of a name of the table, for the quick "no".
pub(super) fn remember_last_word(table: &mut FoundTable, name_key: &str) {
    let last = name_key.rsplit(' ').next().unwrap_or(name_key);
    let h = crate::text::word_hash(last);
    if !table.last_words.contains(&h) {
        table.last_words.push(h);
    }
}
