//! The gazetteer: the actors a graph can hold, and every name they go by.
//!
//! A gazetteer is read from one or more files of [`ActorSpec`]s: RON (the
//! shipped format, `gazetteer/*.ron`), JSON (`{"actors": [...]}`) or CSV
//! (one actor a row, a header of field names, list fields split on `|`),
//! chosen by extension. Only `id`, `label` and `kind` are required.
//!
//! Files are layered: the shipped default first, then each of the user's
//! files, in order, a layer over the ones before (see [`GazetteerBuilder`]:
//! the same id extends an actor, and a later layer's alias is taken from
//! lower actors of other ids, see `gazetteer::layers`). Within one layer an id may be
//! defined once. Validation refuses unknown fields, duplicate ids,
//! malformed ids and affiliations or countries that name no actor, and
//! warns about an alias that two actors of one layer share.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

mod csv_form;
mod layers;

pub use csv_form::write_csv;
pub use layers::Shadowed;

/// The index of an actor in its [`Gazetteer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorId(pub u32);

impl ActorId {
    /// The index as a `usize`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A person.
    Person,
    /// A state.
    State,
    /// A government, parliament or other governing body.
    Government,
    /// A militia, army or insurgent group.
    ArmedGroup,
    /// An intergovernmental organisation or one of its organs.
    Igo,
    /// A non-governmental organisation, think tank or agency.
    Organisation,
    /// A political party.
    Party,
    /// A company.
    Company,
}

impl ActorKind {
    /// The name used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::State => "state",
            ActorKind::Government => "government",
            ActorKind::ArmedGroup => "armed_group",
            ActorKind::Igo => "igo",
            ActorKind::Organisation => "organisation",
            ActorKind::Party => "party",
            ActorKind::Company => "company",
        }
    }

    /// Parse the name used in files.
    pub fn parse(s: &str) -> Option<ActorKind> {
        Some(match s.trim() {
            "person" => ActorKind::Person,
            "state" => ActorKind::State,
            "government" => ActorKind::Government,
            "armed_group" => ActorKind::ArmedGroup,
            "igo" => ActorKind::Igo,
            "organisation" | "organization" => ActorKind::Organisation,
            "party" => ActorKind::Party,
            "company" => ActorKind::Company,
            _ => return None,
        })
    }
}

/// A person's grammatical gender, for pronouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// he / him / his
    Male,
    /// she / her
    Female,
}

/// A title an actor holds over a span of time ("UN Secretary-General").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleSpec {
    /// The title as news writes it. May be left out when `office` and `of`
    /// are given: the usual phrasings are then derived ("president" of
    /// "russia" gives "Russian president", "president of Russia",
    /// "Russia's president", ...).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The office, in lower case ("president", "army chief", "commander").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    /// The id of the actor the office is of (a state, a body, a group).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// First day held, if known.
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// Last day held, if it has ended.
    #[serde(default)]
    pub until: Option<NaiveDate>,
}

/// A place that stands for the actor over a span of time: the seat of a
/// government that changes hands ("Tripoli" for the Government of National
/// Accord from 2016 to 2021, for its successor after).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeatSpec {
    /// The place's name as news writes it.
    pub place: String,
    /// First day it stood for the actor, if known.
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// Last day, if it has ended.
    #[serde(default)]
    pub until: Option<NaiveDate>,
}

/// A span of time, open at either end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day, if known.
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// Last day, if it has ended.
    #[serde(default)]
    pub until: Option<NaiveDate>,
}

impl Period {
    /// Whether the period holds on `date`, or, without a date, whether it
    /// still holds (has no end).
    pub fn holds(&self, date: Option<NaiveDate>) -> bool {
        match date {
            Some(d) => self.from.is_none_or(|f| f <= d) && self.until.is_none_or(|u| d <= u),
            None => self.until.is_none(),
        }
    }
}

/// One actor as written in a gazetteer file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorSpec {
    /// Canonical id: lowercase ASCII words joined by `_`.
    pub id: String,
    /// Display name.
    pub label: String,
    /// Kind of actor.
    pub kind: ActorKind,
    /// Names it goes by (the label is always one).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// For a person: the actor they act for (an id).
    #[serde(default)]
    pub affiliation: Option<String>,
    /// The state the actor belongs to (an id).
    #[serde(default)]
    pub country: Option<String>,
    /// Adjectives of nationality ("Egyptian").
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Places that stand for the actor ("Kremlin", "Cairo").
    #[serde(default)]
    pub metonyms: Vec<String>,
    /// For a state: plural nouns for its people ("Turks"). "the Turks"
    /// stands for the state; a bare plural ("Turks fled") is the people and
    /// links to nothing. Plurals of demonyms in -an and -i ("Russians",
    /// "Emiratis") are derived and need not be listed.
    #[serde(default)]
    pub people: Vec<String>,
    /// Dated metonyms: seats of government that changed hands.
    #[serde(default)]
    pub seats: Vec<SeatSpec>,
    /// Dated titles.
    #[serde(default)]
    pub roles: Vec<RoleSpec>,
    /// For pronouns.
    #[serde(default)]
    pub gender: Option<Gender>,
    /// For a state: periods when rival governments contest it, so that its
    /// bare name stands for the territory, the scene of events, and for no
    /// one actor ("chaos in Libya", "Libya is divided").
    #[serde(default)]
    pub contested: Vec<Period>,
}

/// The body of a RON or JSON gazetteer file.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GazetteerFile {
    /// The actors.
    pub actors: Vec<ActorSpec>,
}

/// An actor of a loaded gazetteer, its references resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Canonical id.
    pub id: String,
    /// Display name.
    pub label: String,
    /// Kind.
    pub kind: ActorKind,
    /// Names, the label included.
    pub aliases: Vec<String>,
    /// The actor a person acts for.
    pub affiliation: Option<ActorId>,
    /// The state the actor belongs to.
    pub country: Option<ActorId>,
    /// Adjectives of nationality.
    pub demonyms: Vec<String>,
    /// Places that stand for the actor.
    pub metonyms: Vec<String>,
    /// Plural nouns for a state's people, the derived ones included.
    pub people: Vec<String>,
    /// Dated metonyms.
    pub seats: Vec<SeatSpec>,
    /// Dated titles.
    pub roles: Vec<RoleSpec>,
    /// For pronouns.
    pub gender: Option<Gender>,
    /// Periods when the state's bare name names no actor.
    pub contested: Vec<Period>,
    /// The layer that (last) defined the actor: 0 for the shipped
    /// gazetteer, 1 for the first user file, and so on.
    pub layer: usize,
    /// The layer that first defined the id: 0 for a shipped actor, even
    /// one a user file extends.
    pub first_layer: usize,
}

/// Why a gazetteer could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not valid RON, JSON or CSV of the schema.
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// An actor breaks a rule of the schema.
    #[error("{path}:{line}: actor {id:?}: {message}")]
    Invalid {
        /// The file.
        path: String,
        /// The line where the actor's id is written (best effort; 0 if unknown).
        line: usize,
        /// The actor.
        id: String,
        /// What is wrong.
        message: String,
    },
    /// The extension is none of .ron, .json, .csv.
    #[error("{path}: unknown gazetteer format (use .ron, .json or .csv)")]
    UnknownFormat {
        /// The file.
        path: String,
    },
}

/// The shipped gazetteer, embedded in the binary.
pub const DEFAULT_FILES: &[(&str, &str)] = &[
    ("gazetteer/states.ron", include_str!("../../gazetteer/states.ron")),
    ("gazetteer/igos.ron", include_str!("../../gazetteer/igos.ron")),
    ("gazetteer/libya.ron", include_str!("../../gazetteer/libya.ron")),
    ("gazetteer/people.ron", include_str!("../../gazetteer/people.ron")),
    ("gazetteer/groups.ron", include_str!("../../gazetteer/groups.ron")),
    (
        "gazetteer/legislatures.ron",
        include_str!("../../gazetteer/legislatures.ron"),
    ),
    ("gazetteer/regions.ron", include_str!("../../gazetteer/regions.ron")),
];

/// Parse one gazetteer file's text; `path` decides the format and names
/// the file in errors.
pub fn parse_file(path: &str, text: &str) -> Result<Vec<ActorSpec>, GazetteerError> {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".ron") {
        let opts = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        opts.from_str::<GazetteerFile>(text)
            .map(|f| f.actors)
            .map_err(|e| GazetteerError::Parse {
                path: path.to_string(),
                line: e.span.start.line,
                column: e.span.start.col,
                message: e.code.to_string(),
            })
    } else if lower.ends_with(".json") {
        serde_json::from_str::<GazetteerFile>(text)
            .map(|f| f.actors)
            .map_err(|e| GazetteerError::Parse {
                path: path.to_string(),
                line: e.line(),
                column: e.column(),
                message: strip_json_position(&e.to_string()),
            })
    } else if lower.ends_with(".csv") {
        csv_form::parse(path, text)
    } else {
        Err(GazetteerError::UnknownFormat { path: path.to_string() })
    }
}

fn strip_json_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// The line of `text` where `"id"` is first written, for error messages.
fn line_of_id(text: &str, id: &str) -> usize {
    let needle = format!("\"{id}\"");
    text.lines()
        .position(|l| l.contains(&needle) || l.split(',').next() == Some(id))
        .map_or(0, |i| i + 1)
}

/// One actor as the builder holds it: its spec, where it was (last)
/// defined, and the layer that gave each of its names.
struct Held {
    spec: ActorSpec,
    /// Index of its (last) file in `GazetteerBuilder::files`.
    file: usize,
    /// The layer of that file.
    layer: usize,
    /// The layer that first defined it.
    first_layer: usize,
    /// Normal form of a name (alias, label or role title) -> the highest
    /// layer that listed it for this actor.
    name_layers: HashMap<String, usize>,
}

impl Held {
    fn note_names(&mut self, spec: &ActorSpec, layer: usize) {
        let names = std::iter::once(&spec.label)
            .chain(&spec.aliases)
            .chain(spec.roles.iter().map(|r| &r.title));
        for n in names {
            let form = crate::text::normalize_phrase(n).0;
            let l = self.name_layers.entry(form).or_insert(layer);
            *l = (*l).max(layer);
        }
    }
}

/// Builds a [`Gazetteer`] from layered files.
///
/// The shipped files are layer 0; each user file is a layer of its own,
/// above the ones added before it. A file may define an id once. A later
/// layer may name an id of a lower one to *extend* that actor: its
/// aliases, demonyms, metonyms, people, roles, seats and contested periods
/// are added to the actor's; its `label` and `kind` replace the actor's
/// (the old label stays an alias); its `affiliation`, `country` and
/// `gender` replace the actor's when given. An alias or role title that a
/// later layer gives one actor is *taken* from every actor of a lower
/// layer that has it under another id, with that actor's spellings of it
/// (its aliases that are variants of it, word by word; see
/// [`super::variant`]); the lower actor keeps its other names. What was
/// taken is in [`Gazetteer::shadowed`], and one summary line per file in
/// [`Gazetteer::warnings`].
#[derive(Default)]
pub struct GazetteerBuilder {
    specs: Vec<Held>,
    index: HashMap<String, usize>,
    /// (path, text) of every file read: lines are found only when an error
    /// needs one, so loading stays linear in the size of the files.
    files: Vec<(String, String)>,
    /// Path of the file of each user layer (index = layer - 1).
    layer_files: Vec<String>,
    layer: usize,
}

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add the shipped gazetteer (layer 0; add it first).
    pub fn add_default(&mut self) -> Result<&mut Self, GazetteerError> {
        self.layer = 0;
        for (path, text) in DEFAULT_FILES {
            let specs = parse_file(path, text)?;
            self.add_specs(path, text, specs)?;
        }
        Ok(self)
    }

    /// Add a user file (RON, JSON or CSV by extension), as the layer above
    /// every file added so far.
    pub fn add_file(&mut self, path: &Path) -> Result<&mut Self, GazetteerError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| GazetteerError::Io {
            path: shown.clone(),
            source,
        })?;
        self.add_text(&shown, &text)
    }

    /// Add a user file's text; `path` names it and decides the format.
    pub fn add_text(&mut self, path: &str, text: &str) -> Result<&mut Self, GazetteerError> {
        let specs = parse_file(path, text)?;
        self.layer_files.push(path.to_string());
        self.layer = self.layer_files.len();
        self.add_specs(path, text, specs)?;
        Ok(self)
    }

    /// Where actor `i` was (last) defined, as (path, line).
    fn place(&self, i: usize) -> (String, usize) {
        let held = &self.specs[i];
        let (path, text) = &self.files[held.file];
        (path.clone(), line_of_id(text, &held.spec.id))
    }

    fn add_specs(&mut self, path: &str, text: &str, specs: Vec<ActorSpec>) -> Result<(), GazetteerError> {
        let file = self.files.len();
        self.files.push((path.to_string(), text.to_string()));
        for spec in specs {
            let invalid = |message: String| GazetteerError::Invalid {
                path: path.to_string(),
                line: line_of_id(text, &spec.id),
                id: spec.id.clone(),
                message,
            };
            if !valid_id(&spec.id) {
                return Err(invalid(
                    "id must be lowercase ASCII letters, digits and `_`".to_string(),
                ));
            }
            if spec.label.trim().is_empty() {
                return Err(invalid("empty label".to_string()));
            }
            let layer = self.layer;
            match self.index.get(&spec.id) {
                None => {
                    self.index.insert(spec.id.clone(), self.specs.len());
                    let mut held = Held {
                        spec,
                        file,
                        layer,
                        first_layer: layer,
                        name_layers: HashMap::new(),
                    };
                    let spec = held.spec.clone();
                    held.note_names(&spec, layer);
                    self.specs.push(held);
                }
                Some(&i) => {
                    if self.specs[i].layer == layer {
                        let (old_path, old_line) = self.place(i);
                        return Err(invalid(format!(
                            "duplicate id (first defined at {old_path}:{old_line})"
                        )));
                    }
                    // A later layer extending an actor of a lower one.
                    let held = &mut self.specs[i];
                    held.note_names(&spec, layer);
                    extend(&mut held.spec, spec);
                    held.file = file;
                    held.layer = layer;
                }
            }
        }
        Ok(())
    }

    /// Check references and build the gazetteer.
    pub fn build(&self) -> Result<Gazetteer, GazetteerError> {
        let mut actors = Vec::with_capacity(self.specs.len());
        let mut index = HashMap::with_capacity(self.specs.len());
        for (i, held) in self.specs.iter().enumerate() {
            index.insert(held.spec.id.clone(), ActorId(i as u32));
        }
        for (i, held) in self.specs.iter().enumerate() {
            let spec = &held.spec;
            let resolve = |field: &str, target: &Option<String>| -> Result<Option<ActorId>, GazetteerError> {
                match target {
                    None => Ok(None),
                    Some(t) if t.trim().is_empty() => Ok(None),
                    Some(t) => index.get(t).copied().map(Some).ok_or_else(|| {
                        let (path, line) = self.place(i);
                        GazetteerError::Invalid {
                            path,
                            line,
                            id: spec.id.clone(),
                            message: format!("{field} {t:?} names no actor of the gazetteer"),
                        }
                    }),
                }
            };
            for r in &spec.roles {
                resolve("role of", &r.of)?;
                if r.title.is_empty() && (r.office.is_none() || r.of.is_none()) {
                    let (path, line) = self.place(i);
                    return Err(GazetteerError::Invalid {
                        path,
                        line,
                        id: spec.id.clone(),
                        message: "a role needs a title, or an office and the actor it is of".into(),
                    });
                }
            }
            let mut aliases = vec![spec.label.clone()];
            for a in &spec.aliases {
                if !aliases.contains(a) {
                    aliases.push(a.clone());
                }
            }
            actors.push(Actor {
                id: spec.id.clone(),
                label: spec.label.clone(),
                kind: spec.kind,
                aliases,
                affiliation: resolve("affiliation", &spec.affiliation)?,
                country: resolve("country", &spec.country)?,
                demonyms: spec.demonyms.clone(),
                metonyms: spec.metonyms.clone(),
                people: people_nouns(spec),
                seats: spec.seats.clone(),
                roles: spec.roles.clone(),
                gender: spec.gender,
                contested: spec.contested.clone(),
                layer: held.layer,
                first_layer: held.first_layer,
            });
        }
        let name_layers: Vec<&HashMap<String, usize>> = self.specs.iter().map(|h| &h.name_layers).collect();
        let shadowed = layers::shadow(&mut actors, &name_layers);
        let mut g = Gazetteer {
            actors,
            index,
            warnings: Vec::new(),
            layer_files: self.layer_files.clone(),
            shadowed,
        };
        g.warnings = layers::summaries(&g);
        g.warnings.extend(g.shared_alias_warnings());
        Ok(g)
    }
}

fn extend(old: &mut ActorSpec, new: ActorSpec) {
    // the old label stays a name of the actor
    if old.label != new.label && !old.aliases.contains(&old.label) {
        old.aliases.push(old.label.clone());
    }
    old.label = new.label;
    old.kind = new.kind;
    for (list, more) in [
        (&mut old.aliases, new.aliases),
        (&mut old.demonyms, new.demonyms),
        (&mut old.metonyms, new.metonyms),
        (&mut old.people, new.people),
    ] {
        for m in more {
            if !list.contains(&m) {
                list.push(m);
            }
        }
    }
    if new.affiliation.is_some() {
        old.affiliation = new.affiliation;
    }
    if new.country.is_some() {
        old.country = new.country;
    }
    if new.gender.is_some() {
        old.gender = new.gender;
    }
    old.roles.extend(new.roles);
    old.seats.extend(new.seats);
    old.contested.extend(new.contested);
}

/// A state's plural nouns for its people: those listed, and the plural of
/// each one-word demonym in -an or -i ("Russian" -> "Russians", "Emirati"
/// -> "Emiratis"), the regular English plural of a nationality noun.
/// Demonyms in -ish, -ch or -ese ("Turkish", "French", "Sudanese") form
/// no such plural ("Turks", "the French"): list those.
fn people_nouns(spec: &ActorSpec) -> Vec<String> {
    let mut out = spec.people.clone();
    if spec.kind == ActorKind::State {
        for d in &spec.demonyms {
            let one_word = !d.contains(char::is_whitespace);
            if one_word && (d.ends_with("an") || d.ends_with('i')) {
                let plural = format!("{d}s");
                if !out.contains(&plural) {
                    out.push(plural);
                }
            }
        }
    }
    out
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !id.starts_with('_')
}

/// A loaded, validated gazetteer.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    actors: Vec<Actor>,
    index: HashMap<String, ActorId>,
    warnings: Vec<String>,
    /// Path of the file of each user layer (index = layer - 1).
    layer_files: Vec<String>,
    shadowed: Vec<Shadowed>,
}

impl Gazetteer {
    /// The shipped gazetteer alone.
    pub fn shipped() -> Result<Gazetteer, GazetteerError> {
        GazetteerBuilder::new().add_default()?.build()
    }

    /// The shipped gazetteer (unless `no_default`) plus the given files.
    pub fn load<P: AsRef<Path>>(files: &[P], no_default: bool) -> Result<Gazetteer, GazetteerError> {
        let mut b = GazetteerBuilder::new();
        if !no_default {
            b.add_default()?;
        }
        for f in files {
            b.add_file(f.as_ref())?;
        }
        b.build()
    }

    /// All actors, indexed by [`ActorId`].
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// One actor.
    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.index()]
    }

    /// Look an actor up by canonical id.
    pub fn by_id(&self, id: &str) -> Option<ActorId> {
        self.index.get(id).copied()
    }

    /// How many actors.
    pub fn len(&self) -> usize {
        self.actors.len()
    }

    /// True when there are no actors.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    /// Warnings found while loading: one line per user file that took
    /// names from lower layers, then each alias two actors of one layer
    /// share (the shipped gazetteer alone has none).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The names later layers took from actors of lower ones.
    pub fn shadowed(&self) -> &[Shadowed] {
        &self.shadowed
    }

    /// The file of a layer: `None` for the shipped layer 0.
    pub fn layer_file(&self, layer: usize) -> Option<&str> {
        layer
            .checked_sub(1)
            .and_then(|i| self.layer_files.get(i))
            .map(String::as_str)
    }

    fn shared_alias_warnings(&self) -> Vec<String> {
        let mut by_form: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for a in &self.actors {
            let mut forms: Vec<String> = a.aliases.iter().map(|s| crate::text::normalize_phrase(s).0).collect();
            forms.sort();
            forms.dedup();
            for f in forms {
                by_form.entry(f).or_default().push(&a.id);
            }
        }
        by_form
            .into_iter()
            .filter(|(_, ids)| ids.len() > 1)
            .map(|(form, ids)| format!("alias {:?} is shared by {}", form.trim(), ids.join(", ")))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_gazetteer_loads() {
        let g = Gazetteer::shipped().unwrap();
        assert!(g.len() > 300, "{}", g.len());
        let haftar = g.by_id("khalifa_haftar").unwrap();
        assert_eq!(g.actor(haftar).affiliation, g.by_id("lna"));
    }

    #[test]
    fn shipped_gazetteer_loads_with_no_warning() {
        let g = Gazetteer::shipped().unwrap();
        assert_eq!(g.warnings(), &[] as &[String]);
        assert!(g.shadowed().is_empty());
    }

    #[test]
    fn every_shipped_state_has_its_seat() {
        // states whose capital shares their name, and those whose capital
        // stands for another actor or is a common word (each said in
        // states.ron)
        const NONE: &[&str] = &[
            "luxembourg",
            "monaco",
            "san_marino",
            "singapore",
            "djibouti",
            "sao_tome_and_principe",
            "belgium",
            "chile",
            "libya",
            "yemen",
            "maldives",
            "seychelles",
            "grenada",
            "western_sahara",
        ];
        let g = Gazetteer::shipped().unwrap();
        let lacking: Vec<&str> = g
            .actors()
            .iter()
            .filter(|a| a.kind == ActorKind::State && a.metonyms.is_empty() && a.seats.is_empty())
            .map(|a| a.id.as_str())
            .filter(|id| !NONE.contains(id))
            .collect();
        assert_eq!(lacking, Vec::<&str>::new());
    }

    #[test]
    fn ron_error_has_line_and_column() {
        let text = "(\n  actors: [\n    (id: \"x\", label: \"X\", kind: person, nickname: \"y\"),\n  ],\n)\n";
        let e = parse_file("user.ron", text).unwrap_err().to_string();
        assert!(e.starts_with("user.ron:3:"), "{e}");
        assert!(e.contains("nickname"), "{e}");
    }

    #[test]
    fn json_error_has_line_and_column() {
        let text = "{\"actors\": [\n {\"id\": \"x\", \"label\": \"X\"}\n]}";
        let e = parse_file("user.json", text).unwrap_err().to_string();
        assert!(e.starts_with("user.json:2:"), "{e}");
        assert!(e.contains("missing field `kind`"), "{e}");
    }

    #[test]
    fn duplicate_and_dangling_are_refused() {
        let dup = "(actors: [(id: \"a\", label: \"A\", kind: state),\n(id: \"a\", label: \"A2\", kind: state)])";
        let e = GazetteerBuilder::new()
            .add_text("d.ron", dup)
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("duplicate id"), "{e}");
        let dangling =
            "#![enable(implicit_some)]\n(actors: [(id: \"p\", label: \"P\", kind: person, affiliation: \"nowhere\")])";
        let mut b = GazetteerBuilder::new();
        b.add_text("g.ron", dangling).unwrap();
        let e = b.build().unwrap_err().to_string();
        assert_eq!(
            e,
            "g.ron:2: actor \"p\": affiliation \"nowhere\" names no actor of the gazetteer"
        );
    }

    #[test]
    fn user_file_extends_default_actor() {
        let mut b = GazetteerBuilder::new();
        b.add_default().unwrap();
        b.add_text(
            "u.json",
            r#"{"actors":[{"id":"egypt","label":"Egypt","kind":"state","aliases":["Misr"],"affiliation":null}]}"#,
        )
        .unwrap();
        let g = b.build().unwrap();
        let egypt = g.actor(g.by_id("egypt").unwrap());
        assert!(egypt.aliases.iter().any(|a| a == "Misr"));
        assert!(egypt.metonyms.iter().any(|a| a == "Cairo"));
    }

    #[test]
    fn csv_rows() {
        let text = "id,label,kind,aliases,affiliation,roles\nhemedti,Mohamed Hamdan Dagalo,person,Hemedti|Dagalo,rsf,RSF commander@2013-01-01\nrsf,Rapid Support Forces,armed_group,RSF,,\n";
        let mut b = GazetteerBuilder::new();
        b.add_text("s.csv", text).unwrap();
        let g = b.build().unwrap();
        let h = g.actor(g.by_id("hemedti").unwrap());
        assert_eq!(h.aliases, vec!["Mohamed Hamdan Dagalo", "Hemedti", "Dagalo"]);
        assert_eq!(h.roles[0].from, NaiveDate::from_ymd_opt(2013, 1, 1));
        let bad = "id,label,kind\nx,X,wizard\n";
        let e = GazetteerBuilder::new()
            .add_text("b.csv", bad)
            .err()
            .unwrap()
            .to_string();
        assert_eq!(e, "b.csv:2:3: unknown kind `wizard`");
    }

    #[test]
    fn people_and_seats_in_every_format() {
        let csv = "id,label,kind,demonyms,people,seats\nturkey,Turkey,state,Turkish,Turks,\nirq,Iraq,state,Iraqi,,\ngov,Gov,government,,,Aden@2015-03-21..2020-01-01|Sanaa@..2014-09-20\n";
        let mut b = GazetteerBuilder::new();
        b.add_text("p.csv", csv).unwrap();
        let g = b.build().unwrap();
        assert_eq!(g.actor(g.by_id("turkey").unwrap()).people, vec!["Turks"]);
        // the regular plural of a demonym in -i is derived
        assert_eq!(g.actor(g.by_id("irq").unwrap()).people, vec!["Iraqis"]);
        let seats = &g.actor(g.by_id("gov").unwrap()).seats;
        assert_eq!(seats.len(), 2);
        assert_eq!(seats[0].place, "Aden");
        assert_eq!(seats[0].until, NaiveDate::from_ymd_opt(2020, 1, 1));
        assert_eq!(seats[1].from, None);
        let ron =
            r#"(actors: [(id: "gov", label: "Gov", kind: government, seats: [(place: "Aden", from: "2015-03-21")])])"#;
        let mut b = GazetteerBuilder::new();
        b.add_text("p.ron", ron).unwrap();
        let g = b.build().unwrap();
        assert_eq!(
            g.actor(g.by_id("gov").unwrap()).seats[0].from,
            NaiveDate::from_ymd_opt(2015, 3, 21)
        );
        let bad = "id,label,kind,seats\ngov,Gov,government,Aden@2015-13-01\n";
        let e = GazetteerBuilder::new()
            .add_text("b.csv", bad)
            .err()
            .unwrap()
            .to_string();
        assert_eq!(
            e,
            "b.csv:2:4: bad date `2015-13-01` in seat `Aden@2015-13-01` (use YYYY-MM-DD)"
        );
    }

    #[test]
    fn shared_alias_warns() {
        let text = "(actors: [(id: \"a\", label: \"A\", kind: state, aliases: [\"Same\"]),(id: \"b\", label: \"B\", kind: state, aliases: [\"same\"])])";
        let mut b = GazetteerBuilder::new();
        b.add_text("w.ron", text).unwrap();
        let g = b.build().unwrap();
        assert_eq!(g.warnings(), &["alias \"same\" is shared by a, b".to_string()]);
    }
}
