//! The CSV form of the gazetteer: one actor a row, a header of field
//! names, list fields split on `|`, dated fields as `name@from..until`.
//! `parse` reads it; [`write_csv`] writes a whole gazetteer in it, so a
//! user can start a file of their own from the shipped one.

use chrono::NaiveDate;

use super::{ActorId, ActorKind, ActorSpec, Gazetteer, GazetteerError, Gender, Period, RoleSpec, SeatSpec};

/// Read the CSV form; `path` names the file in errors.
pub(super) fn parse(path: &str, text: &str) -> Result<Vec<ActorSpec>, GazetteerError> {
    let mut rdr = csv::ReaderBuilder::new().flexible(false).from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| csv_error(path, &e))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect::<Vec<_>>();
    // the columns it writes are the fields it reads
    const KNOWN: &[&str] = COLUMNS;
    for (i, h) in headers.iter().enumerate() {
        if !KNOWN.contains(&h.as_str()) {
            return Err(GazetteerError::Parse {
                path: path.to_string(),
                line: 1,
                column: i + 1,
                message: format!("unknown field `{h}`, expected one of {}", KNOWN.join(", ")),
            });
        }
    }
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| csv_error(path, &e))?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let field = |name: &str| -> &str {
            headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| rec.get(i))
                .map(str::trim)
                .unwrap_or("")
        };
        let col = |name: &str| headers.iter().position(|h| h == name).map_or(1, |i| i + 1);
        let bad = |name: &str, message: String| GazetteerError::Parse {
            path: path.to_string(),
            line,
            column: col(name),
            message,
        };
        let list = |name: &str| -> Vec<String> {
            field(name)
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        };
        let opt = |name: &str| Some(field(name).to_string()).filter(|s| !s.is_empty());
        for req in ["id", "label", "kind"] {
            if field(req).is_empty() {
                return Err(bad(req, format!("missing field `{req}`")));
            }
        }
        let kind =
            ActorKind::parse(field("kind")).ok_or_else(|| bad("kind", format!("unknown kind `{}`", field("kind"))))?;
        let gender = match field("gender") {
            "" => None,
            "male" => Some(Gender::Male),
            "female" => Some(Gender::Female),
            g => return Err(bad("gender", format!("unknown gender `{g}`, expected male or female"))),
        };
        // roles and seats: "name@from..until|name@from"; contested
        // periods: "from..until"
        let period = |column: &str, item: &str, dates: &str| -> Result<Period, GazetteerError> {
            let (from, until) = dates.split_once("..").unwrap_or((dates, ""));
            let date = |s: &str| -> Result<Option<NaiveDate>, GazetteerError> {
                if s.trim().is_empty() {
                    return Ok(None);
                }
                NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map(Some).map_err(|_| {
                    let what = column.trim_end_matches('s');
                    bad(column, format!("bad date `{s}` in {what} `{item}` (use YYYY-MM-DD)"))
                })
            };
            Ok(Period {
                from: date(from)?,
                until: date(until)?,
            })
        };
        let dated = |column: &str| -> Result<Vec<RoleSpec>, GazetteerError> {
            let mut out = Vec::new();
            for r in list(column) {
                let (name, dates) = r.split_once('@').unwrap_or((r.as_str(), ""));
                let p = period(column, &r, dates)?;
                // an office of an actor: "president (of chile)"
                let (title, office, of) = match office_of_cell(name.trim()) {
                    Some((office, of)) => (String::new(), Some(office), Some(of)),
                    None => (name.trim().to_string(), None, None),
                };
                out.push(RoleSpec {
                    office,
                    of,
                    title,
                    from: p.from,
                    until: p.until,
                });
            }
            Ok(out)
        };
        let contested = list("contested")
            .iter()
            .map(|r| period("contested", r, r))
            .collect::<Result<Vec<_>, _>>()?;
        let roles = dated("roles")?;
        let seats = dated("seats")?
            .into_iter()
            .map(|r| SeatSpec {
                place: r.title,
                from: r.from,
                until: r.until,
            })
            .collect();
        out.push(ActorSpec {
            id: field("id").to_string(),
            label: field("label").to_string(),
            kind,
            aliases: list("aliases"),
            affiliation: opt("affiliation"),
            country: opt("country"),
            demonyms: list("demonyms"),
            metonyms: list("metonyms"),
            people: list("people"),
            seats,
            roles,
            gender,
            contested,
        });
    }
    Ok(out)
}

fn csv_error(path: &str, e: &csv::Error) -> GazetteerError {
    let (line, column) = e.position().map_or((0, 1), |p| (p.line() as usize, 1));
    GazetteerError::Parse {
        path: path.to_string(),
        line,
        column,
        message: e.to_string(),
    }
}

/// The columns [`write_csv`] writes, in order: every field `parse` reads.
const COLUMNS: &[&str] = &[
    "id",
    "label",
    "kind",
    "aliases",
    "affiliation",
    "country",
    "demonyms",
    "metonyms",
    "people",
    "seats",
    "roles",
    "gender",
    "contested",
];

/// A whole gazetteer in the CSV form the loader reads, one actor a row in
/// the gazetteer's order: loaded back as the only file, it gives the same
/// actors (the label of an actor is written once, in `label`; a shadowed
/// alias is not written, as the actor no longer has it).
pub fn write_csv(g: &Gazetteer) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    // (writing to memory cannot fail)
    let _ = w.write_record(COLUMNS);
    let dates = |from: Option<NaiveDate>, until: Option<NaiveDate>| -> String {
        let d = |x: Option<NaiveDate>| x.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
        match (from, until) {
            (None, None) => String::new(),
            (f, None) => d(f),
            (f, u) => format!("{}..{}", d(f), d(u)),
        }
    };
    let dated = |name: &str, from, until| -> String {
        let d = dates(from, until);
        if d.is_empty() {
            name.to_string()
        } else {
            format!("{name}@{d}")
        }
    };
    for a in g.actors() {
        let id = |x: Option<ActorId>| x.map(|x| g.actor(x).id.clone()).unwrap_or_default();
        let aliases: Vec<&str> = a.aliases.iter().map(String::as_str).filter(|s| *s != a.label).collect();
        let seats: Vec<String> = a.seats.iter().map(|s| dated(&s.place, s.from, s.until)).collect();
        let roles: Vec<String> = a
            .roles
            .iter()
            .map(|r| match (&r.office, &r.of) {
                (Some(office), Some(of)) if r.title.is_empty() => {
                    dated(&format!("{office} (of {of})"), r.from, r.until)
                }
                _ => dated(&r.title, r.from, r.until),
            })
            .collect();
        let contested: Vec<String> = a
            .contested
            .iter()
            .map(|p| match (p.from, p.until) {
                (f, None) => format!("{}..", f.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()),
                (f, u) => dates(f, u),
            })
            .collect();
        let gender = match a.gender {
            None => "",
            Some(Gender::Male) => "male",
            Some(Gender::Female) => "female",
        };
        let _ = w.write_record([
            a.id.as_str(),
            a.label.as_str(),
            a.kind.as_str(),
            &aliases.join("|"),
            &id(a.affiliation),
            &id(a.country),
            &a.demonyms.join("|"),
            &a.metonyms.join("|"),
            &a.people.join("|"),
            &seats.join("|"),
            &roles.join("|"),
            gender,
            &contested.join("|"),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A roles cell entry written as an office of an actor, "president (of
/// chile)": the office and the actor's id.
fn office_of_cell(name: &str) -> Option<(String, String)> {
    let (office, rest) = name.strip_suffix(')')?.rsplit_once(" (of ")?;
    let of = rest.trim();
    let id_like = !of.is_empty()
        && of
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    (id_like && !office.trim().is_empty()).then(|| (office.trim().to_string(), of.to_string()))
}
