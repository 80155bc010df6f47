//! Who backs whom in the seed articles, through the library's questions.
//!
//! ```sh
//! cargo run --example who_backs_whom            # the seeds
//! cargo run --example who_backs_whom -- news/   # any input build reads
//! ```
//!
//! It builds the graph, asks `backed` of every actor that supports
//! another, prints each claim with the sentence that makes it, asks who
//! backs Haftar by a spelling the gazetteer does not list, and ends with
//! the two camps at the faction level.

use actorgraph::corpus::Reader;
use actorgraph::graph::view::ViewOptions;
use actorgraph::graph::GraphOptions;
use actorgraph::pipeline::Pipeline;
use actorgraph::query::{self, Answer, Question};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let inputs: Vec<String> = std::env::args().skip(1).collect();
    let inputs = if inputs.is_empty() {
        vec![concat!(env!("CARGO_MANIFEST_DIR"), "/seeds").to_string()]
    } else {
        inputs
    };
    let pipeline = Pipeline::shipped()?;
    let docs = Reader::new(&inputs).filter_map(|d| match d {
        Ok(d) => Some(d),
        Err(e) => {
            eprintln!("skipped: {e}");
            None
        }
    });
    let graph = pipeline.build(docs, GraphOptions::default());
    println!(
        "{} documents, {} actors\n",
        graph.documents(),
        graph.graph().node_count()
    );

    // every actor that backs another, and whom
    for node in graph.sorted_nodes() {
        let backed = query::backed(&graph, &node.id)?;
        if backed.rows.is_empty() {
            continue;
        }
        println!("{} ({}) backs:", node.id, node.label);
        for row in &backed.rows {
            let evidence = &row.edges[0].evidence;
            let quote = evidence.first().map_or("", |e| e.text.as_str());
            println!("  {:<16} x{}  \"{}\"", row.actor.id, row.weight, shorten(quote, 100));
        }
    }

    // a name as a reader might type it: the linker resolves it
    let view = ViewOptions::default();
    let response = query::ask(
        &graph,
        &view,
        Some(pipeline.linker()),
        &Question::Backers("Hifter".into()),
    )?;
    if let Answer::Related(r) = &response.answer {
        let names: Vec<&str> = r.rows.iter().map(|r| r.actor.id.as_str()).collect();
        println!("\nwho backs \"Hifter\" ({}): {}", r.subject.id, names.join(", "));
    }

    // the shape of the alliances
    let faction = ViewOptions {
        faction: true,
        ..Default::default()
    };
    let response = query::ask(&graph, &faction, Some(pipeline.linker()), &Question::Camps)?;
    if let Answer::Camps(c) = &response.answer {
        if let Some(part) = c.components.first() {
            println!(
                "\ncamps at the faction level ({} frustrated edge(s)):",
                part.frustrated.len()
            );
            for (name, camp) in ["A", "B"].iter().zip(&part.camps) {
                let ids: Vec<&str> = camp.iter().map(|a| a.id.as_str()).collect();
                println!("  {name}: {}", ids.join(", "));
            }
        }
    }
    Ok(())
}

/// The first `n` characters of `s`, with "…" when cut.
fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n).chain(std::iter::once('…')).collect()
    }
}
