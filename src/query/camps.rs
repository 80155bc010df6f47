//! Camps: the actors split in two by structural balance.
//!
//! The graph is read as a signed graph: a `support` edge is positive, an
//! `oppose` edge negative, and `meet` edges say nothing (talks are held
//! with enemies as with friends). A partition of the actors into two camps
//! *frustrates* a positive edge that crosses the camps and a negative edge
//! inside one. Each connected part of the signed graph is split so that
//! the summed weight of its frustrated edges is smallest; a frustration of
//! zero means the part is balanced ("the enemy of my enemy is my friend"
//! holds throughout).
//!
//! A part of at most [`EXACT_LIMIT`] actors is solved exactly, by trying
//! every partition (in Gray-code order, one actor moved at a time). A
//! larger part starts from a breadth-first 2-colouring (neighbours in id
//! order: a positive edge keeps the camp, a negative one switches it) and
//! moves single actors, in id order, while a move lowers the frustration.
//! Both are deterministic. Among the best partitions found the exact search
//! keeps the one whose camp bits (the first actor by id in camp 0, the
//! others in id order) read smallest.
//!
//! Each part is reported with camp A the larger (on a tie, the one holding
//! the first id), the parts largest first.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{counts, ActorRef, Link};
use crate::extract::Relation;
use crate::graph::ActorGraph;

/// The largest part solved exactly (2^(n-1) partitions).
pub const EXACT_LIMIT: usize = 20;

/// A signed edge between two actors, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignedEdge {
    /// One end.
    pub a: usize,
    /// The other.
    pub b: usize,
    /// Support (true) or oppose (false).
    pub positive: bool,
    /// Its weight.
    pub weight: u64,
}

impl SignedEdge {
    /// Whether the partition `side` frustrates it.
    pub fn frustrated(&self, side: &[bool]) -> bool {
        (side[self.a] == side[self.b]) != self.positive
    }
}

/// The summed weight of the edges that `side` frustrates.
pub fn frustration(side: &[bool], edges: &[SignedEdge]) -> u64 {
    edges.iter().filter(|e| e.frustrated(side)).map(|e| e.weight).sum()
}

/// The camp (false or true) of each of `n` actors that frustrates least of
/// `edges`, and whether the search was exhaustive. Actor 0 is in camp
/// false. Edges from an actor to itself are ignored.
pub fn partition(n: usize, edges: &[SignedEdge]) -> (Vec<bool>, bool) {
    let mut adj: Vec<Vec<(usize, bool, i64)>> = vec![Vec::new(); n];
    for e in edges.iter().filter(|e| e.a != e.b) {
        let w = i64::try_from(e.weight).unwrap_or(i64::MAX / 4);
        adj[e.a].push((e.b, e.positive, w));
        adj[e.b].push((e.a, e.positive, w));
    }
    for a in &mut adj {
        a.sort_by_key(|&(o, p, w)| (o, !p, w));
    }
    if n <= EXACT_LIMIT {
        (exhaustive(n, &adj), true)
    } else {
        (local_search(n, &adj), false)
    }
}

/// The gain of moving `v` to the other camp: the weight it would stop
/// frustrating less the weight it would start to.
fn gain(v: usize, side: &[bool], adj: &[Vec<(usize, bool, i64)>]) -> i64 {
    adj[v]
        .iter()
        .map(
            |&(o, positive, w)| {
                if (side[v] == side[o]) != positive {
                    w
                } else {
                    -w
                }
            },
        )
        .sum()
}

fn exhaustive(n: usize, adj: &[Vec<(usize, bool, i64)>]) -> Vec<bool> {
    let mut side = vec![false; n];
    if n <= 1 {
        return side;
    }
    // all in one camp: every negative edge is frustrated (each counted
    // from both ends in adj, hence the halving)
    let mut cost: i64 = adj
        .iter()
        .flat_map(|a| a.iter())
        .filter(|(_, p, _)| !p)
        .map(|(_, _, w)| w)
        .sum::<i64>()
        / 2;
    let mut mask: u64 = 0;
    let mut best = (cost, mask);
    for i in 1u64..(1u64 << (n - 1)) {
        let v = i.trailing_zeros() as usize + 1;
        cost -= gain(v, &side, adj);
        side[v] = !side[v];
        mask ^= 1 << v;
        if (cost, mask) < best {
            best = (cost, mask);
        }
    }
    (0..n).map(|v| best.1 & (1 << v) != 0).collect()
}

fn local_search(n: usize, adj: &[Vec<(usize, bool, i64)>]) -> Vec<bool> {
    let mut side = vec![false; n];
    let mut seen = vec![false; n];
    for start in 0..n {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(u) = queue.pop_front() {
            for &(o, positive, _) in &adj[u] {
                if !seen[o] {
                    seen[o] = true;
                    side[o] = if positive { side[u] } else { !side[u] };
                    queue.push_back(o);
                }
            }
        }
    }
    loop {
        let mut moved = false;
        for v in 0..n {
            if gain(v, &side, adj) > 0 {
                side[v] = !side[v];
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    if side.first() == Some(&true) {
        side.iter_mut().for_each(|s| *s = !*s);
    }
    side
}

/// One connected part of the signed graph, split in two camps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Component {
    /// Number of actors.
    pub actors: usize,
    /// Number of support and oppose edges.
    pub signed_edges: usize,
    /// Camp A (the larger) and camp B, each by id.
    pub camps: [Vec<ActorRef>; 2],
    /// The summed weight of the frustrated edges (0: balanced).
    pub frustration: u64,
    /// The edges the split frustrates: support across the camps, oppose
    /// within one.
    pub frustrated: Vec<Link>,
    /// Whether the split is proven best (every partition tried).
    pub exact: bool,
}

/// The answer to `camps`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Camps {
    /// The connected parts with at least one support or oppose edge,
    /// largest first.
    pub components: Vec<Component>,
}

impl Camps {
    /// The part holding `id`, and the camp (0 for A, 1 for B) it is in.
    pub fn camp_of(&self, id: &str) -> Option<(usize, usize)> {
        self.components.iter().enumerate().find_map(|(i, c)| {
            c.camps
                .iter()
                .position(|camp| camp.iter().any(|a| a.id == id))
                .map(|k| (i, k))
        })
    }
}

/// Split the actors of `g` into camps. See the module documentation.
pub fn camps(g: &ActorGraph) -> Camps {
    let signed: Vec<_> = g
        .sorted_edges()
        .into_iter()
        .filter(|(s, t, e)| e.relation != Relation::Meet && counts(e) && s.id != t.id)
        .collect();
    // connected parts, by union-find over ids
    let ids: BTreeSet<&str> = signed
        .iter()
        .flat_map(|(s, t, _)| [s.id.as_str(), t.id.as_str()])
        .collect();
    let index: BTreeMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut parent: Vec<usize> = (0..ids.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for (s, t, _) in &signed {
        let (a, b) = (
            find(&mut parent, index[s.id.as_str()]),
            find(&mut parent, index[t.id.as_str()]),
        );
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut parts: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for (i, id) in ids.iter().enumerate() {
        let root = find(&mut parent, i);
        parts.entry(root).or_default().push(id);
    }
    let graph = g.graph();
    let mut components: Vec<Component> = parts
        .into_values()
        .map(|members| {
            let local: BTreeMap<&str, usize> = members.iter().enumerate().map(|(i, id)| (*id, i)).collect();
            let edges: Vec<(SignedEdge, Link)> = signed
                .iter()
                .filter(|(s, _, _)| local.contains_key(s.id.as_str()))
                .map(|(s, t, e)| {
                    (
                        SignedEdge {
                            a: local[s.id.as_str()],
                            b: local[t.id.as_str()],
                            positive: e.relation == Relation::Support,
                            weight: e.weight,
                        },
                        Link::new(s, t, e, g.options().same_event_days),
                    )
                })
                .collect();
            let plain: Vec<SignedEdge> = edges.iter().map(|(e, _)| *e).collect();
            let (mut side, exact) = partition(members.len(), &plain);
            let in_true = side.iter().filter(|s| **s).count();
            // camp A is the larger; on a tie the one holding the first id
            if in_true > members.len() - in_true {
                side.iter_mut().for_each(|s| *s = !*s);
            }
            let mut camps: [Vec<ActorRef>; 2] = [Vec::new(), Vec::new()];
            for (i, id) in members.iter().enumerate() {
                let n = &graph[g.node(id).expect("a node of the graph")];
                camps[usize::from(side[i])].push(ActorRef::of(n));
            }
            let frustrated: Vec<Link> = edges
                .iter()
                .filter(|(e, _)| e.frustrated(&side))
                .map(|(_, l)| l.clone())
                .collect();
            Component {
                actors: members.len(),
                signed_edges: edges.len(),
                camps,
                frustration: frustrated.iter().map(|l| l.weight).sum(),
                frustrated,
                exact,
            }
        })
        .collect();
    components.sort_by(|a, b| {
        b.actors
            .cmp(&a.actors)
            .then_with(|| a.camps[0][0].id.cmp(&b.camps[0][0].id))
    });
    Camps { components }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(a: usize, b: usize, positive: bool) -> SignedEdge {
        SignedEdge {
            a,
            b,
            positive,
            weight: 1,
        }
    }

    #[test]
    fn balanced_graph_has_no_frustration() {
        // {0, 1} against {2, 3}
        let edges = [
            e(0, 1, true),
            e(2, 3, true),
            e(0, 2, false),
            e(1, 3, false),
            e(0, 3, false),
        ];
        let (side, exact) = partition(4, &edges);
        assert!(exact);
        assert_eq!(frustration(&side, &edges), 0);
        assert_eq!(side, vec![false, false, true, true]);
    }

    #[test]
    fn unbalanced_triangle_frustrates_exactly_one_edge() {
        for edges in [
            [e(0, 1, true), e(1, 2, true), e(0, 2, false)],
            [e(0, 1, false), e(1, 2, false), e(0, 2, false)],
        ] {
            let (side, _) = partition(3, &edges);
            assert_eq!(frustration(&side, &edges), 1);
            assert_eq!(edges.iter().filter(|x| x.frustrated(&side)).count(), 1);
        }
    }

    #[test]
    fn weights_decide_which_edge_is_frustrated() {
        let mut edges = [e(0, 1, true), e(1, 2, true), e(0, 2, false)];
        edges[0].weight = 5;
        edges[2].weight = 5;
        let (side, _) = partition(3, &edges);
        assert_eq!(frustration(&side, &edges), 1);
        assert!(edges[1].frustrated(&side));
    }

    #[test]
    fn local_search_splits_a_large_balanced_graph() {
        // two cliques of 12, every cross pair opposed
        let n = 24;
        let mut edges = Vec::new();
        for a in 0..n {
            for b in a + 1..n {
                edges.push(e(a, b, (a < 12) == (b < 12)));
            }
        }
        let (side, exact) = partition(n, &edges);
        assert!(!exact);
        assert_eq!(frustration(&side, &edges), 0);
        assert!(side[..12].iter().all(|s| !s) && side[12..].iter().all(|s| *s));
    }

    #[test]
    fn local_search_agrees_with_the_exact_search_on_small_graphs() {
        // a small unbalanced graph solved both ways
        let edges = [
            e(0, 1, true),
            e(1, 2, false),
            e(2, 3, true),
            e(3, 0, false),
            e(0, 2, false),
            e(1, 3, true),
        ];
        let mut adj: Vec<Vec<(usize, bool, i64)>> = vec![Vec::new(); 4];
        for x in &edges {
            adj[x.a].push((x.b, x.positive, 1));
            adj[x.b].push((x.a, x.positive, 1));
        }
        let exact = exhaustive(4, &adj);
        let local = local_search(4, &adj);
        assert_eq!(frustration(&exact, &edges), frustration(&local, &edges));
    }
}
