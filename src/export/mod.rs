//! Stage 6: the graph out, in the formats analysts' tools read.
//!
//! - [`json`]: node-link JSON (networkx), the contract of DESIGN.md, and
//!   the saved form of a graph that other commands read back;
//! - [`dot`]: Graphviz DOT through graphviz-rust, and SVG or PNG pictures
//!   rendered from it by Graphviz's `dot` program;
//! - [`gexf`]: GEXF 1.3 for Gephi, Gephi Lite and sigma.js, with typed
//!   attributes, colours, sizes and time spells;
//! - [`graphml`]: GraphML with typed keys (networkx, yEd, Cytoscape);
//! - [`csv`]: node and edge tables with Gephi's spreadsheet column names;
//! - [`html`]: one self-contained page to explore the graph in a browser,
//!   laid out by [`layout`];
//! - [`cypher`]: an openCypher script for Neo4j 5 and FalkorDB, and
//!   [`neo4j`]: the CSV files of `neo4j-admin database import`;
//! - [`events`]: not a graph but the event table, one row per event
//!   extracted, as JSON Lines, CSV or Parquet (`actorgraph events`).
//!
//! Every format writes nodes sorted by id and edges sorted by (source,
//! relation, target), so the same graph always gives the same bytes. The
//! relation is an attribute named `relation` everywhere, never `type`:
//! sigma.js and Gephi Lite reserve an edge's `type` for the renderer.
//!
//! Views (the faction level, a subset of relations, a minimum weight, a
//! date window) are made before exporting, with [`crate::graph::view`], so
//! every format shows the same view.

pub mod csv;
pub mod cypher;
pub mod dot;
pub mod events;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod layout;
pub mod neo4j;
mod xml;

use crate::extract::Relation;
use crate::graph::view::{self, ViewError, ViewRequest};
use crate::graph::ActorGraph;
use crate::link::ActorKind;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Node-link JSON (networkx).
    Json,
    /// Graphviz DOT.
    Dot,
    /// GEXF 1.3 (Gephi, Gephi Lite, sigma.js).
    Gexf,
    /// GraphML (networkx, yEd, Cytoscape).
    Graphml,
    /// Two tables, nodes.csv and edges.csv, in the folder given with -o.
    Csv,
    /// An SVG picture of the DOT diagram (needs Graphviz).
    Svg,
    /// A PNG picture of the DOT diagram (needs Graphviz).
    Png,
    /// One self-contained HTML page to explore the graph in a browser.
    Html,
    /// An openCypher script (Neo4j 5, FalkorDB and other openCypher engines).
    Cypher,
    /// The CSV files of neo4j-admin database import (actors.csv, relations.csv), in the folder given with -o.
    Neo4j,
}

impl Format {
    /// The format's name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Dot => "dot",
            Format::Gexf => "gexf",
            Format::Graphml => "graphml",
            Format::Csv => "csv",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Html => "html",
            Format::Cypher => "cypher",
            Format::Neo4j => "neo4j",
        }
    }
}

impl Format {
    /// Every format, in the order of `--help`.
    pub const ALL: [Format; 10] = [
        Format::Json,
        Format::Dot,
        Format::Gexf,
        Format::Graphml,
        Format::Csv,
        Format::Svg,
        Format::Png,
        Format::Html,
        Format::Cypher,
        Format::Neo4j,
    ];
}

impl std::str::FromStr for Format {
    type Err = ExportError;

    /// A format by its name on the command line.
    fn from_str(s: &str) -> Result<Self, ExportError> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| ExportError::UnknownFormat(s.to_string()))
    }
}

/// Options of the formats that have some.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// JSON: name the edge list `links` instead of `edges`.
    pub links_key: bool,
    /// DOT, SVG, PNG: draw persons inside a box of their faction.
    pub cluster: bool,
    /// GEXF, GraphML: type meet edges undirected, making a mixed graph
    /// (Gephi, Gephi Lite, yEd read it; networkx does not).
    pub undirected_meet: bool,
    /// CSV: write cells that a spreadsheet would run as formulas as they
    /// are, without the leading `'` of [`csv::Cells::Neutralised`].
    pub csv_raw: bool,
}

/// What an export produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exported {
    /// One file.
    File(Vec<u8>),
    /// The node and edge tables of [`Format::Csv`].
    Tables(csv::Tables),
    /// Files of one folder, as (name, contents): [`Format::Neo4j`].
    Files(Vec<(&'static str, Vec<u8>)>),
}

impl Format {
    /// Whether `-o` names a folder of files rather than one file.
    pub fn is_folder(self) -> bool {
        matches!(self, Format::Csv | Format::Neo4j)
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Graphviz could not draw the picture.
    #[error(transparent)]
    Render(#[from] dot::RenderError),
    /// The view asked for cannot be made of this graph.
    #[error(transparent)]
    View(#[from] ViewError),
    /// Not the name of a format.
    #[error("{0:?} is not a format (json, dot, gexf, graphml, csv, svg, png, html, cypher or neo4j)")]
    UnknownFormat(String),
}

/// Apply `request` to `g`, a graph saved at `saved_level` ("actor" or
/// "faction"), and write the view in `format`: what `build` and `convert`
/// write, so that a graph read back gives the bytes of the graph built.
pub fn export_view(
    g: &ActorGraph,
    saved_level: &str,
    request: &ViewRequest,
    format: Format,
    opts: ExportOptions,
) -> Result<Exported, ExportError> {
    let (view_opts, level) = request.resolve(saved_level)?;
    export(&view::apply(g, &view_opts), level, format, opts)
}

/// Write `g` in `format`. `level` ("actor" or "faction") is recorded where
/// the format has room for it.
pub fn export(g: &ActorGraph, level: &str, format: Format, opts: ExportOptions) -> Result<Exported, ExportError> {
    let dot_opts = dot::DotOptions {
        cluster: opts.cluster,
        level: level.to_string(),
    };
    Ok(match format {
        Format::Json => Exported::File(json::write_json(g, level, opts.links_key).into_bytes()),
        Format::Dot => Exported::File(dot::write_dot_with(g, &dot_opts).into_bytes()),
        Format::Gexf => Exported::File(gexf::write_gexf(g, level, opts.undirected_meet).into_bytes()),
        Format::Graphml => Exported::File(graphml::write_graphml(g, level, opts.undirected_meet).into_bytes()),
        Format::Csv => Exported::Tables(self::csv::write_csv(
            g,
            if opts.csv_raw {
                self::csv::Cells::Raw
            } else {
                self::csv::Cells::Neutralised
            },
        )),
        Format::Svg => Exported::File(dot::render(g, &dot_opts, dot::Image::Svg)?),
        Format::Png => Exported::File(dot::render(g, &dot_opts, dot::Image::Png)?),
        Format::Html => Exported::File(html::write_html(g, level).into_bytes()),
        Format::Cypher => Exported::File(cypher::write_cypher(g, level).into_bytes()),
        Format::Neo4j => Exported::Files(neo4j::write_neo4j(g)),
    })
}

/// The colour of a kind of actor in pictures where nodes are discs (GEXF),
/// as red, green, blue.
pub fn kind_rgb(k: ActorKind) -> (u8, u8, u8) {
    match k {
        ActorKind::Person => (0xe0, 0x82, 0x14),
        ActorKind::State => (0x43, 0x93, 0xc3),
        ActorKind::Government => (0x80, 0x73, 0xac),
        ActorKind::ArmedGroup => (0xd6, 0x60, 0x4d),
        ActorKind::Igo => (0x5a, 0xae, 0x61),
        ActorKind::Organisation => (0x87, 0x87, 0x87),
        ActorKind::Party => (0xdf, 0xc2, 0x7d),
        ActorKind::Company => (0x35, 0x97, 0x8f),
    }
}

/// The colour of a relation in every picture, as red, green, blue (the
/// DOT colours of [`dot::relation_style`]).
pub fn relation_rgb(r: Relation) -> (u8, u8, u8) {
    match r {
        Relation::Support => (0x1b, 0x78, 0x37),
        Relation::Oppose => (0xc5, 0x1b, 0x1b),
        Relation::Meet => (0x21, 0x66, 0xac),
    }
}

/// Line width of an edge of `weight` events: 1 for one event, growing
/// with the logarithm of the weight.
pub fn edge_width(weight: u64) -> f64 {
    1.0 + (weight as f64).ln().max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name() {
        for f in Format::ALL {
            assert_eq!(f.as_str().parse::<Format>().unwrap(), f);
        }
        assert_eq!(
            <Format as clap::ValueEnum>::value_variants().len(),
            Format::ALL.len(),
            "every format is in Format::ALL"
        );
        assert_eq!(
            "pdf".parse::<Format>().unwrap_err().to_string(),
            "\"pdf\" is not a format (json, dot, gexf, graphml, csv, svg, png, html, cypher or neo4j)"
        );
    }
}
