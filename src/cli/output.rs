//! What `build` and `convert` share: the output format and file, the
//! format options, and the view flags, applied the same way to every
//! format so that converting a saved graph gives the bytes building gives.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use actorgraph::export::{self, csv::Tables, ExportOptions, Exported, Format};
use actorgraph::extract::Relation;
pub use actorgraph::graph::view::Level;
use actorgraph::graph::view::{parse_relation, ViewRequest};
use actorgraph::graph::ActorGraph;
use actorgraph::store::{self, Target};

use super::common::{output_path, parse_date_arg, write_output};

/// Exit status of a usage error (as clap's).
pub const EXIT_USAGE: u8 = 2;

/// Which part of the graph to write.
#[derive(Args, Debug, Clone)]
pub struct ViewArgs {
    /// actor: one node per actor; faction: persons folded into their affiliation
    /// [default: actor, or the level of the saved graph].
    #[arg(long, value_enum)]
    pub level: Option<Level>,
    /// Keep only these relations (comma-separated: support,oppose,meet).
    #[arg(long, value_name = "RELATIONS", value_delimiter = ',', value_parser = parse_relation)]
    pub relations: Vec<Relation>,
    /// Keep only edges of at least N events (counted within --since/--until).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub min_weight: u64,
    /// Keep only evidence dated on or after DATE (YYYY-MM-DD); undated evidence is left out.
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub since: Option<chrono::NaiveDate>,
    /// Keep only evidence dated on or before DATE (YYYY-MM-DD); undated evidence is left out.
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub until: Option<chrono::NaiveDate>,
}

impl ViewArgs {
    /// The view the flags ask for.
    pub fn request(&self) -> ViewRequest {
        ViewRequest {
            level: self.level,
            relations: self.relations.clone(),
            min_weight: self.min_weight,
            since: self.since,
            until: self.until,
        }
    }
}

/// The output format and where it goes.
#[derive(Args, Debug, Clone)]
pub struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// Output file, replaced atomically (default, or -: standard output); for --format csv,
    /// the folder that receives nodes.csv and edges.csv (made if missing; its folder must exist);
    /// for --format neo4j, the folder that receives actors.csv and relations.csv.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Name the JSON edge list `links` (networkx before 3.6, d3-force) instead of `edges`.
    #[arg(long)]
    pub links_key: bool,
    /// DOT, SVG, PNG: draw each person inside a box of its faction.
    #[arg(long)]
    pub cluster: bool,
    /// GEXF, GraphML: make meet edges undirected (a mixed graph, for Gephi, Gephi Lite, yEd);
    /// networkx cannot read such a file, so by default meet edges run from the smaller id to the larger.
    #[arg(long)]
    pub undirected_meet: bool,
    /// CSV: write cells that begin with =, +, -, @, tab or carriage return as they are, for programs
    /// that read the CSV (by default they get a leading ', so that no spreadsheet runs them as formulas).
    #[arg(long)]
    pub csv_raw: bool,
    #[command(flatten)]
    pub view: ViewArgs,
}

/// Print a usage error and give its exit status.
fn usage_error(message: &str) -> ExitCode {
    eprintln!("actorgraph: error: {message}");
    ExitCode::from(EXIT_USAGE)
}

impl OutputArgs {
    /// A usage error found before any work, as an exit status.
    pub fn check(&self) -> Option<ExitCode> {
        if self.format == Format::Csv && self.path().is_none() {
            return Some(usage_error(
                "--format csv writes two files (nodes.csv and edges.csv): give the folder for them with -o DIR",
            ));
        }
        if self.format == Format::Neo4j && self.path().is_none() {
            return Some(usage_error(
                "--format neo4j writes two files (actors.csv and relations.csv): give the folder for them with -o DIR",
            ));
        }
        if let Err(e) = self.view.request().check() {
            return Some(usage_error(&e.to_string()));
        }
        None
    }

    /// The output file or folder; `None` for standard output.
    pub fn path(&self) -> Option<&Path> {
        output_path(self.output.as_deref())
    }

    /// Check, before any work, that the output can be written (its folder
    /// exists; a file is not a folder, a CSV folder not a file).
    pub fn check_target(&self) -> Result<()> {
        if let Some(p) = self.path() {
            let target = if self.format.is_folder() {
                Target::Folder
            } else {
                Target::File
            };
            store::check_target(p, target)?;
        }
        Ok(())
    }

    /// Apply the view to `graph` (saved at `saved_level`) and write it.
    pub fn write(&self, graph: &ActorGraph, saved_level: &str) -> Result<()> {
        let exported = export::export_view(
            graph,
            saved_level,
            &self.view.request(),
            self.format,
            ExportOptions {
                links_key: self.links_key,
                cluster: self.cluster,
                undirected_meet: self.undirected_meet,
                csv_raw: self.csv_raw,
            },
        )?;
        match exported {
            Exported::File(bytes) => write_output(self.path(), &bytes),
            Exported::Tables(t) => write_tables(self.path().expect("checked"), &t),
            Exported::Files(files) => {
                let files: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
                store::write_folder_atomic(self.path().expect("checked"), &files)?;
                Ok(())
            }
        }
    }
}

/// The two tables into `dir`, whole or not at all.
fn write_tables(dir: &Path, t: &Tables) -> Result<()> {
    store::write_folder_atomic(
        dir,
        &[
            (export::csv::NODES_FILE, t.nodes.as_bytes()),
            (export::csv::EDGES_FILE, t.edges.as_bytes()),
        ],
    )?;
    Ok(())
}
