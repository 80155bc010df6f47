//! `actorgraph actors`: what a name links to in the layered gazetteer, or
//! the whole gazetteer as CSV in the user-file schema.

use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::Args;

use actorgraph::link::gazetteer::write_csv;
use actorgraph::link::lookup::NameLink;
use actorgraph::link::{LinkHow, Linker};

use super::common::{pipeline, write_output, ModelArgs};

/// Arguments of `actorgraph actors`.
#[derive(Args)]
pub struct ActorsArgs {
    /// The name to look up ("Hemedti", "UN envoy", "Niamey").
    #[arg(value_name = "NAME", required_unless_present = "list", conflicts_with = "list")]
    pub name: Option<String>,
    /// Print every actor of the layered gazetteer as CSV, in the schema a
    /// --gazetteer .csv file is read in.
    #[arg(long)]
    pub list: bool,
    #[command(flatten)]
    pub model: ModelArgs,
}

/// Look a name up, or list the gazetteer.
pub fn run(a: ActorsArgs) -> Result<ExitCode> {
    let p = pipeline(&a.model)?;
    let linker = p.linker();
    if a.list {
        write_output(None, write_csv(linker.gazetteer()).as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(name) = a.name.as_deref() else {
        bail!("give a NAME or --list");
    };
    write_output(None, report(linker, name, a.model.date).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn how_word(how: LinkHow) -> &'static str {
    match how {
        LinkHow::Exact => "exact (alias)",
        LinkHow::Variant => "variant (a spelling of the alias)",
        LinkHow::Demonym => "demonym (an actor before an agent noun: \"X forces\", \"the Xs\")",
        LinkHow::Metonym => "metonym (the place stands for it: \"Niamey said\", \"officials in Niamey\"; \"in Niamey\" alone is a place)",
        LinkHow::Role => "role",
        LinkHow::Forces => "forces",
        LinkHow::Coreference => "name without its country (in a story about that country)",
        LinkHow::Found => "found in the text (a name no gazetteer holds)",
    }
}

fn dates(l: &NameLink) -> String {
    let d = |x: Option<chrono::NaiveDate>| x.map(|d| d.to_string()).unwrap_or_default();
    if l.from.is_none() && l.until.is_none() {
        return String::new();
    }
    format!(" {}..{}", d(l.from), d(l.until))
}

/// The lines `actorgraph actors NAME` prints.
fn report(linker: &Linker, name: &str, date: Option<chrono::NaiveDate>) -> String {
    let g = linker.gazetteer();
    let mut out = String::new();
    let links = linker.lookup(name, date);
    if links.is_empty() {
        out.push_str(&format!("{name:?} links to no actor\n"));
    }
    for l in &links {
        let a = g.actor(l.actor);
        let file = g.layer_file(a.layer).unwrap_or("shipped");
        let mut line = format!(
            "{name:?} -> {} ({}, {}; {file}): {}",
            a.id,
            a.label,
            a.kind.as_str(),
            how_word(l.how)
        );
        if l.how == LinkHow::Role {
            let when = match date {
                Some(d) => format!("at {d}"),
                None => "today".to_string(),
            };
            let held = if l.holds { "held" } else { "not held" };
            line.push_str(&format!(" {:?}{}, {held} {when}", l.name, dates(l)));
        } else if l.name != name {
            line.push_str(&format!(" {:?}{}", l.name, dates(l)));
        }
        if let Some(n) = l.scoped_to {
            line.push_str(&format!(" (only in a story that names {})", g.actor(n).id));
        }
        out.push_str(&line);
        out.push('\n');
    }
    let form = actorgraph::text::normalize_phrase(name).0;
    for s in g
        .shadowed()
        .iter()
        .filter(|s| actorgraph::text::normalize_phrase(&s.name).0 == form)
    {
        let lower = g.layer_file(s.from_layer).unwrap_or("shipped");
        let by = g.layer_file(s.layer).unwrap_or("shipped");
        let what = if s.role { "title" } else { "alias" };
        out.push_str(&format!(
            "shadowed: {what} {:?} of {} ({lower}) taken by {} ({by})\n",
            s.name, s.from, s.to
        ));
    }
    let near: Vec<String> = linker
        .near_names(name)
        .into_iter()
        .map(|(n, a)| format!("{n} ({})", g.actor(a).id))
        .collect();
    if !near.is_empty() {
        out.push_str(&format!("near names: {}\n", near.join(", ")));
    }
    out
}
