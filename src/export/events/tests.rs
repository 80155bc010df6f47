use super::*;
use crate::corpus::Document;
use crate::pipeline::Pipeline;

/// The rows of `docs` with their event ids, as `actorgraph events` writes
/// them (JSON Lines, parsed back).
fn table(p: &Pipeline, docs: &[Document], filter: &RowFilter) -> Vec<EventRow> {
    let mut t = EventTable::new(&std::env::temp_dir(), 1).unwrap();
    p.analyse_each(docs.iter().cloned(), |_, a| {
        for (row, report) in rows_of(p.gazetteer(), a, filter) {
            t.push(&row, report).unwrap();
        }
    });
    let mut out = Vec::new();
    let mut w = writer(TableFormat::Jsonl, &mut out).unwrap();
    t.write(w.as_mut()).unwrap();
    w.finish().unwrap();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn dated(id: &str, date: &str, text: &str) -> Document {
    let mut d = Document::new(id, text);
    d.date = Some(date.parse().unwrap());
    d
}

const AIRLIFT: &str = "Chad sent armoured vehicles to Cameroon on Tuesday. \
    Nigeria denied that it would send troops to Cameroon.";

#[test]
fn two_wire_copies_a_day_apart_are_one_event() {
    let p = Pipeline::shipped().unwrap();
    let docs = [
        dated("wire-a", "2019-03-01", AIRLIFT),
        dated("wire-b", "2019-03-02", AIRLIFT),
        dated("wire-c", "2019-03-09", AIRLIFT),
    ];
    let rows = table(&p, &docs, &RowFilter::default());
    let chad: Vec<&EventRow> = rows.iter().filter(|r| r.source == "chad").collect();
    assert_eq!(chad.len(), 3, "{rows:#?}");
    assert_eq!(
        (chad[0].relation, chad[0].target.as_str()),
        (Relation::Support, "cameroon")
    );
    assert_eq!(chad[0].event_id, chad[1].event_id);
    // a week later: another event
    assert_ne!(chad[0].event_id, chad[2].event_id);
    // the modal event is a row, marked, with events of its own
    let nigeria: Vec<&EventRow> = rows.iter().filter(|r| r.source == "nigeria").collect();
    assert!(nigeria.iter().all(|r| r.modality != Modality::Asserted), "{nigeria:#?}");
    assert!(nigeria.iter().all(|r| r.event_id != chad[0].event_id));
    assert_eq!(chad[0].doc, "wire-a");
    assert_eq!(chad[0].date, NaiveDate::from_ymd_opt(2019, 3, 1));
    assert_eq!(chad[0].evidence, "Chad sent armoured vehicles to Cameroon on Tuesday.");
    assert_eq!((chad[0].start, chad[0].end), (0, 51));
}

#[test]
fn event_ids_do_not_depend_on_the_input_order() {
    let p = Pipeline::shipped().unwrap();
    let docs = vec![
        dated("wire-a", "2019-03-01", AIRLIFT),
        dated("wire-b", "2019-03-02", AIRLIFT),
        dated("wire-c", "2019-03-09", AIRLIFT),
    ];
    let key = |rows: Vec<EventRow>| {
        let mut v: Vec<(String, usize, String)> = rows.into_iter().map(|r| (r.doc, r.sentence, r.event_id)).collect();
        v.sort();
        v
    };
    let forward = key(table(&p, &docs, &RowFilter::default()));
    let mut reversed = docs.clone();
    reversed.reverse();
    assert_eq!(key(table(&p, &reversed, &RowFilter::default())), forward);
}

#[test]
fn the_view_flags_choose_rows() {
    let p = Pipeline::shipped().unwrap();
    let docs = [
        dated("a", "2019-03-01", AIRLIFT),
        dated("b", "2019-05-01", "Senegal condemned Chad for the raid."),
    ];
    let only_oppose = RowFilter {
        relations: vec![Relation::Oppose],
        ..RowFilter::default()
    };
    let rows = table(&p, &docs, &only_oppose);
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| r.relation == Relation::Oppose && r.doc == "b"),
        "{rows:#?}"
    );
    let since = RowFilter {
        since: NaiveDate::from_ymd_opt(2019, 4, 1),
        ..RowFilter::default()
    };
    assert!(table(&p, &docs, &since).iter().all(|r| r.doc == "b"));
}

#[test]
fn parquet_and_csv_write_every_row() {
    let p = Pipeline::shipped().unwrap();
    let docs = [dated("a", "2019-03-01", AIRLIFT)];
    let rows = table(&p, &docs, &RowFilter::default());
    let mut csv_out = Vec::new();
    let mut w = writer(TableFormat::Csv, &mut csv_out).unwrap();
    for r in &rows {
        w.write_row(r).unwrap();
    }
    w.finish().unwrap();
    let text = String::from_utf8(csv_out).unwrap();
    assert_eq!(text.lines().next().unwrap(), COLUMNS.join(","));
    assert_eq!(text.lines().count(), rows.len() + 1);
    let mut pq = Vec::new();
    let mut w = writer(TableFormat::Parquet, &mut pq).unwrap();
    for r in &rows {
        w.write_row(r).unwrap();
    }
    w.finish().unwrap();
    assert_eq!(&pq[..4], b"PAR1");
    assert_eq!(&pq[pq.len() - 4..], b"PAR1");
}
