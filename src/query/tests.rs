use std::collections::BTreeSet;

use super::*;
use crate::graph::{Edge, EvidenceItem, Node};

fn node(id: &str, kind: ActorKind, affiliation: Option<&str>) -> Node {
    Node {
        id: id.into(),
        label: id.replace('_', " ").to_uppercase(),
        kind,
        affiliation: affiliation.map(str::to_string),
        mentions: 1,
        documents: 1,
        surfaces: BTreeSet::from([id.replace('_', " ")]),
        origin: Default::default(),
    }
}

fn edge(rel: Relation, weight: u64) -> Edge {
    Edge {
        relation: rel,
        modality: Modality::Asserted,
        weight,
        reports: Vec::new(),
        first_seen: NaiveDate::from_ymd_opt(2020, 1, 1),
        last_seen: NaiveDate::from_ymd_opt(2020, 2, 1),
        evidence: vec![EvidenceItem {
            doc: "d".into(),
            sentence: 0,
            start: 0,
            end: 1,
            text: "x".into(),
            trigger: "t".into(),
            date: None,
            reported_by: None,
        }],
    }
}

/// a and b back c; c opposes d; d meets a; e backs d; f is alone.
fn small() -> ActorGraph {
    let mut g = ActorGraph::default();
    for id in ["a", "b", "c", "d", "e", "f"] {
        g.upsert_node(node(id, ActorKind::State, None));
    }
    let ix = |g: &ActorGraph, id| g.node(id).unwrap();
    for (s, r, t, w) in [
        ("a", Relation::Support, "c", 2),
        ("b", Relation::Support, "c", 1),
        ("c", Relation::Oppose, "d", 1),
        ("d", Relation::Oppose, "c", 3),
        ("a", Relation::Meet, "d", 1),
        ("e", Relation::Support, "d", 1),
    ] {
        let (a, b) = (ix(&g, s), ix(&g, t));
        g.upsert_edge(a, b, edge(r, w));
    }
    let mut planned = edge(Relation::Support, 5);
    planned.modality = Modality::Planned;
    let (a, b) = (ix(&g, "f"), ix(&g, "c"));
    g.upsert_edge(a, b, planned);
    g
}

fn ids(r: &Related) -> Vec<&str> {
    r.rows.iter().map(|r| r.actor.id.as_str()).collect()
}

#[test]
fn backers_backed_opponents_meetings() {
    let g = small();
    let b = backers(&g, "c").unwrap();
    assert_eq!(ids(&b), vec!["a", "b"], "heaviest first; planned support left out");
    assert_eq!(b.rows[0].edges[0].triple(), "a support c");
    assert_eq!(b.rows[0].direction, Direction::To);
    assert_eq!(ids(&backed(&g, "a").unwrap()), vec!["c"]);
    let o = opponents(&g, "c").unwrap();
    assert_eq!(ids(&o), vec!["d"]);
    assert_eq!(o.rows[0].direction, Direction::Both);
    assert_eq!(o.rows[0].weight, 4);
    let o = opponents(&g, "d").unwrap();
    assert_eq!(o.rows[0].edges.len(), 2);
    let m = meetings(&g, "d").unwrap();
    assert_eq!(ids(&m), vec!["a"]);
    assert_eq!(m.rows[0].direction, Direction::Mutual);
    assert_eq!(ids(&neighbors(&g, "d").unwrap()), vec!["c", "a", "e"]);
    assert!(matches!(backers(&g, "zz"), Err(QueryError::NoSuchNode(_))));
}

#[test]
fn path_is_shortest_and_deterministic() {
    let g = small();
    let p = path(&g, "b", "e").unwrap();
    assert!(p.connected);
    let chain: Vec<&str> = p.actors.iter().map(|a| a.id.as_str()).collect();
    // b-c-d-e and b-c-a-d-e: the shorter one
    assert_eq!(chain, vec!["b", "c", "d", "e"]);
    assert_eq!(p.steps[1].edges.len(), 2, "both oppose edges between c and d");
    let none = path(&g, "a", "f").unwrap();
    assert!(!none.connected, "a planned edge is no relation");
    let same = path(&g, "a", "a").unwrap();
    assert!(same.connected && same.steps.is_empty());
}

#[test]
fn top_ranks_by_weight_or_degree() {
    let g = small();
    let t = top(&g, RankBy::Weight);
    let order: Vec<&str> = t.rows.iter().map(|r| r.actor.id.as_str()).collect();
    // c: 2+1+1+3 = 7; d: 1+3+1+1 = 6; a: 2+1 = 3; b 1, e 1
    assert_eq!(order, vec!["c", "d", "a", "b", "e"]);
    assert_eq!(
        t.rows[0].backed_by,
        Count {
            degree: 2,
            weight: 3,
            events: 3
        }
    );
    let t = top(&g, RankBy::Degree);
    assert_eq!(t.rows[0].actor.id, "c");
    assert_eq!(t.rows[0].total.degree, 4);
}

#[test]
fn camps_of_a_hand_made_graph() {
    let g = small();
    let c = camps(&g);
    assert_eq!(c.components.len(), 1);
    let part = &c.components[0];
    assert_eq!(part.frustration, 0);
    assert!(part.exact);
    let a: Vec<&str> = part.camps[0].iter().map(|x| x.id.as_str()).collect();
    let b: Vec<&str> = part.camps[1].iter().map(|x| x.id.as_str()).collect();
    assert_eq!(a, vec!["a", "b", "c"]);
    assert_eq!(b, vec!["d", "e"]);
}

#[test]
fn unbalanced_triangle_in_a_graph_reports_its_frustrated_edge() {
    let mut g = ActorGraph::default();
    for id in ["x", "y", "z"] {
        g.upsert_node(node(id, ActorKind::State, None));
    }
    let ix = |g: &ActorGraph, id| g.node(id).unwrap();
    for (s, r, t) in [
        ("x", Relation::Support, "y"),
        ("y", Relation::Support, "z"),
        ("x", Relation::Oppose, "z"),
    ] {
        let (a, b) = (ix(&g, s), ix(&g, t));
        g.upsert_edge(a, b, edge(r, 1));
    }
    let c = camps(&g);
    assert_eq!(c.components[0].frustration, 1);
    assert_eq!(c.components[0].frustrated.len(), 1);
}

#[test]
fn resolver_without_linker_uses_ids_names_variants_and_fuzzy() {
    let mut g = ActorGraph::default();
    let mut haftar = node("khalifa_haftar", ActorKind::Person, Some("lna"));
    haftar.label = "Khalifa Haftar".into();
    haftar.surfaces = BTreeSet::from(["Haftar".to_string(), "Khalifa Haftar".to_string()]);
    g.upsert_node(haftar);
    let mut egypt = node("egypt", ActorKind::State, None);
    egypt.label = "Egypt".into();
    g.upsert_node(egypt);
    g.upsert_node(node("lna", ActorKind::ArmedGroup, None));
    let r = Resolver::new(&g, None);
    assert_eq!(r.resolve("khalifa_haftar").unwrap().how, resolve::How::Id);
    assert_eq!(r.resolve("Khalifa Haftar").unwrap().id, "khalifa_haftar");
    assert_eq!(r.resolve("haftar").unwrap().how, resolve::How::Name);
    let v = r.resolve("Hifter").unwrap();
    assert_eq!((v.id.as_str(), v.how), ("khalifa_haftar", resolve::How::Variant));
    let f = r.resolve("Egpyt").unwrap();
    assert_eq!((f.id.as_str(), f.how), ("egypt", resolve::How::Fuzzy));
    match r.resolve("Zimbabwe") {
        Err(QueryError::Unknown { candidates, .. }) => assert_eq!(candidates.len(), 3),
        other => panic!("{other:?}"),
    }
}

#[test]
fn ambiguous_names_list_the_candidates() {
    let mut g = ActorGraph::default();
    for (id, label) in [("saddam_haftar", "Saddam Haftar"), ("khalifa_haftar", "Khalifa Haftar")] {
        let mut n = node(id, ActorKind::Person, None);
        n.label = label.into();
        g.upsert_node(n);
    }
    let err = Resolver::new(&g, None).resolve("Hifter").unwrap_err();
    let QueryError::Ambiguous { candidates, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(candidates.len(), 2);
    assert!(err.to_string().contains("khalifa_haftar (Khalifa Haftar)"), "{err}");
}

#[test]
fn ask_folds_a_person_into_the_faction() {
    let mut g = ActorGraph::default();
    g.upsert_node(node("khalifa_haftar", ActorKind::Person, Some("lna")));
    g.upsert_node(node("lna", ActorKind::ArmedGroup, None));
    g.upsert_node(node("egypt", ActorKind::State, None));
    let (e, k) = (g.node("egypt").unwrap(), g.node("khalifa_haftar").unwrap());
    g.upsert_edge(e, k, edge(Relation::Support, 1));
    let view = ViewOptions {
        faction: true,
        ..Default::default()
    };
    let r = ask(&g, &view, None, &Question::Backers("khalifa_haftar".into())).unwrap();
    assert_eq!(r.resolved[0].id, "lna");
    assert_eq!(r.resolved[0].folded_from.as_deref(), Some("khalifa_haftar"));
    let Answer::Related(rel) = &r.answer else { panic!() };
    assert_eq!(ids(rel), vec!["egypt"]);
    let text = render::table(&r);
    assert!(text.contains("egypt support lna"), "{text}");
}

#[test]
fn questions_parse_like_the_command_line() {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        Question::parse("backers", &s(&["Khalifa", "Haftar"]), RankBy::Weight),
        Ok(Question::Backers("Khalifa Haftar".into()))
    );
    assert!(Question::parse("path", &s(&["a"]), RankBy::Weight).is_err());
    assert_eq!(
        Question::parse("top", &s(&["3"]), RankBy::Degree),
        Ok(Question::Top {
            n: Some(3),
            by: RankBy::Degree
        })
    );
    assert!(Question::parse("who", &[], RankBy::Weight).is_err());
}
