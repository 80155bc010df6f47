//! Answers as text for a terminal: a heading, then aligned columns, each
//! edge followed by its evidence sentences, indented.

use std::fmt::Write;

use super::{Answer, Link, PathAnswer, RankBy, Related, Resolved, Response, Top};
use crate::query::camps::Camps;
use crate::query::resolve::How;

/// Lines of a table: aligned rows, and free text between them.
enum Line {
    Row(Vec<String>),
    Text(String),
}

/// A table whose columns are padded to their widest cell; `right` marks
/// the columns aligned right (numbers).
struct Table {
    header: Vec<&'static str>,
    right: Vec<bool>,
    lines: Vec<Line>,
}

impl Table {
    fn new(header: &[(&'static str, bool)]) -> Self {
        Table {
            header: header.iter().map(|h| h.0).collect(),
            right: header.iter().map(|h| h.1).collect(),
            lines: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.lines.push(Line::Row(cells));
    }

    fn text(&mut self, s: String) {
        self.lines.push(Line::Text(s));
    }

    fn render(&self, out: &mut String) {
        let mut width: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for l in &self.lines {
            if let Line::Row(cells) = l {
                for (w, c) in width.iter_mut().zip(cells) {
                    *w = (*w).max(c.chars().count());
                }
            }
        }
        let line = |cells: &[String], out: &mut String| {
            let mut s = String::new();
            for (i, c) in cells.iter().enumerate() {
                let pad = width[i].saturating_sub(c.chars().count());
                if i > 0 {
                    s.push_str("  ");
                }
                if self.right[i] {
                    s.extend(std::iter::repeat_n(' ', pad));
                    s.push_str(c);
                } else {
                    s.push_str(c);
                    if i + 1 < cells.len() {
                        s.extend(std::iter::repeat_n(' ', pad));
                    }
                }
            }
            out.push_str(s.trim_end());
            out.push('\n');
        };
        let header: Vec<String> = self.header.iter().map(|h| h.to_string()).collect();
        line(&header, out);
        for l in &self.lines {
            match l {
                Line::Row(cells) => line(cells, out),
                Line::Text(t) => {
                    out.push_str(t);
                    out.push('\n');
                }
            }
        }
    }
}

/// "1 actor", "2 actors".
fn n(count: usize, what: &str) -> String {
    if count == 1 {
        format!("1 {what}")
    } else {
        format!("{count} {what}s")
    }
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "-".to_string(), |d| d.to_string())
}

/// The columns every edge takes, after the leading ones.
const EDGE_COLUMNS: [(&str, bool); 4] = [("WEIGHT", true), ("FIRST", false), ("LAST", false), ("EDGE", false)];

fn edge_cells(l: &Link) -> Vec<String> {
    vec![l.weight.to_string(), date(l.first_seen), date(l.last_seen), l.triple()]
}

fn evidence(t: &mut Table, l: &Link) {
    for e in &l.evidence {
        t.text(format!("    [{} #{}] {}", e.doc, e.sentence, e.text));
    }
}

/// How a name was resolved, when it was not a plain id.
fn resolution(r: &Resolved) -> Option<String> {
    let folded = r
        .folded_from
        .as_ref()
        .map(|f| format!(", folded from {f} into its faction"))
        .unwrap_or_default();
    let how = match r.how {
        How::Id if r.name == r.id => return (!folded.is_empty()).then(|| format!("{}{folded}", r.name)),
        How::Id => "its id".to_string(),
        How::Linker => match r.link {
            Some(h) => format!("the linker ({})", serde_plain(&h)),
            None => "the linker".to_string(),
        },
        How::Name => "its name".to_string(),
        How::Variant => "a spelling variant".to_string(),
        How::Fuzzy => format!("a fuzzy match ({:.3})", r.score.unwrap_or_default()),
    };
    Some(format!("{:?} by {how}{folded}", r.name))
}

fn serde_plain<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn context(r: &Response) -> String {
    format!("{} level, {}", r.level, n(r.documents as usize, "document"))
}

fn resolutions(r: &Response) -> String {
    let v: Vec<String> = r.resolved.iter().filter_map(resolution).collect();
    if v.is_empty() {
        String::new()
    } else {
        format!(" [{}]", v.join("; "))
    }
}

/// The answer as text for a terminal.
pub fn table(r: &Response) -> String {
    let mut out = String::new();
    match &r.answer {
        Answer::Related(a) => related(r, a, &mut out),
        Answer::Path(p) => path(r, p, &mut out),
        Answer::Camps(c) => camps(r, c, &mut out),
        Answer::Top(t) => top(r, t, &mut out),
    }
    out
}

fn related(r: &Response, a: &Related, out: &mut String) {
    let what = match r.question.as_str() {
        "backers" => "backers of",
        "backed" => "backed by",
        "opponents" => "opponents of",
        "meetings" => "meetings of",
        _ => "neighbors of",
    };
    let _ = writeln!(
        out,
        "{what} {} ({}){}: {}; {}",
        a.subject.id,
        a.subject.label,
        resolutions(r),
        n(a.rows.len(), "actor"),
        context(r)
    );
    if a.rows.is_empty() {
        out.push_str("(none)\n");
        return;
    }
    let mut cols = vec![("ACTOR", false), ("LABEL", false)];
    cols.extend(EDGE_COLUMNS);
    let mut t = Table::new(&cols);
    for row in &a.rows {
        for (i, l) in row.edges.iter().enumerate() {
            let (id, label) = if i == 0 {
                (row.actor.id.clone(), row.actor.label.clone())
            } else {
                (String::new(), String::new())
            };
            let mut cells = vec![id, label];
            cells.extend(edge_cells(l));
            t.row(cells);
            evidence(&mut t, l);
        }
    }
    t.render(out);
}

fn path(r: &Response, p: &PathAnswer, out: &mut String) {
    let head = format!(
        "path from {} ({}) to {} ({}){}",
        p.from.id,
        p.from.label,
        p.to.id,
        p.to.label,
        resolutions(r)
    );
    if !p.connected {
        let _ = writeln!(out, "{head}: not connected; {}", context(r));
        return;
    }
    let _ = writeln!(out, "{head}: {}; {}", n(p.steps.len(), "step"), context(r));
    let chain: Vec<&str> = p.actors.iter().map(|a| a.id.as_str()).collect();
    let _ = writeln!(out, "{}", chain.join(" - "));
    if p.steps.is_empty() {
        return;
    }
    let mut cols = vec![("STEP", true), ("FROM", false), ("TO", false)];
    cols.extend(EDGE_COLUMNS);
    let mut t = Table::new(&cols);
    for (i, s) in p.steps.iter().enumerate() {
        for (j, l) in s.edges.iter().enumerate() {
            let mut cells = if j == 0 {
                vec![(i + 1).to_string(), s.from.clone(), s.to.clone()]
            } else {
                vec![String::new(), String::new(), String::new()]
            };
            cells.extend(edge_cells(l));
            t.row(cells);
            evidence(&mut t, l);
        }
    }
    t.render(out);
}

fn camps(r: &Response, c: &Camps, out: &mut String) {
    let _ = writeln!(
        out,
        "camps: {} with support or oppose edges; {}",
        n(c.components.len(), "part"),
        context(r)
    );
    for (i, part) in c.components.iter().enumerate() {
        let balance = if part.frustration == 0 {
            "balanced"
        } else {
            "unbalanced"
        };
        let search = if part.exact { "exact" } else { "local search" };
        let _ = writeln!(
            out,
            "\npart {}: {}, {}, frustration {} ({balance}, {search})",
            i + 1,
            n(part.actors, "actor"),
            n(part.signed_edges, "signed edge"),
            part.frustration
        );
        for (name, camp) in ["A", "B"].iter().zip(&part.camps) {
            let ids: Vec<&str> = camp.iter().map(|a| a.id.as_str()).collect();
            let line = format!("  camp {name} ({}): {}", camp.len(), ids.join(", "));
            let _ = writeln!(out, "{}", line.trim_end());
        }
        if part.frustrated.is_empty() {
            continue;
        }
        out.push_str("  frustrated edges:\n");
        let mut t = Table::new(&EDGE_COLUMNS);
        for l in &part.frustrated {
            t.row(edge_cells(l));
            evidence(&mut t, l);
        }
        let mut s = String::new();
        t.render(&mut s);
        for line in s.lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
}

fn top(r: &Response, tp: &Top, out: &mut String) {
    let by = match tp.by {
        RankBy::Degree => "degree (edges)",
        RankBy::Weight => "weighted degree (reports)",
        RankBy::Events => "events (reports of one event counted once)",
    };
    let _ = writeln!(out, "top actors by {by}: {}; {}", n(tp.rows.len(), "actor"), context(r));
    if tp.rows.is_empty() {
        out.push_str("(none)\n");
        return;
    }
    let mut t = Table::new(&[
        ("RANK", true),
        ("ACTOR", false),
        ("LABEL", false),
        ("EDGES", true),
        ("EVENTS", true),
        ("BACKS", true),
        ("BACKED BY", true),
        ("OPPOSES", true),
        ("OPPOSED BY", true),
        ("MEETS", true),
    ]);
    for row in &tp.rows {
        t.row(vec![
            row.rank.to_string(),
            row.actor.id.clone(),
            row.actor.label.clone(),
            row.total.degree.to_string(),
            if tp.by == RankBy::Events {
                row.total.events
            } else {
                row.total.weight
            }
            .to_string(),
            row.backs.by(tp.by).to_string(),
            row.backed_by.by(tp.by).to_string(),
            row.opposes.by(tp.by).to_string(),
            row.opposed_by.by(tp.by).to_string(),
            row.meets.by(tp.by).to_string(),
        ]);
    }
    t.render(out);
}
