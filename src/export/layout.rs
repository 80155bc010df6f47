//! A deterministic force-directed layout, for the HTML page.
//!
//! Fruchterman and Reingold's spring embedder (1991): every pair of actors
//! repels with a force of `k²/d`, every edge pulls its ends together with
//! `d²/k`, a weak gravity keeps apart components from drifting off, and a
//! temperature that falls linearly over a fixed number of iterations caps
//! how far an actor moves in one step. Repulsion is summed with a
//! Barnes–Hut quadtree (a cell far enough away acts as one body at its
//! centre of mass), so a step costs `n log n` instead of `n²` and 2,000
//! actors lay out in a fraction of a second.
//!
//! Nothing is random: each actor starts at a point drawn from a hash of its
//! id (FNV-1a), the iterations, the order of the sums and the tree are
//! fixed, so the same graph always gives the same positions, bit for bit,
//! whatever else is in the process. The picture is then centred, turned so
//! that its long axis is horizontal (screens are wide) and scaled so that
//! `k` is [`LayoutOptions::edge_length`]. Each connected part is laid out
//! alone and the parts are packed side by side, the largest first.
//! Actors without an edge take no part; they are set in rows below the
//! drawing, in the order given. Coordinates are rounded to a tenth, so
//! that the page carries short numbers.

/// How to lay out a graph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutOptions {
    /// Number of steps.
    pub iterations: usize,
    /// Barnes–Hut's opening angle: a cell whose side is less than
    /// `theta` times its distance counts as one body (0 sums every pair).
    pub theta: f64,
    /// Strength of the pull towards the centre.
    pub gravity: f64,
    /// The ideal edge length `k`, in the units of the result.
    pub edge_length: f64,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            iterations: 300,
            theta: 0.8,
            gravity: 0.05,
            edge_length: 60.0,
        }
    }
}

/// Positions, one `[x, y]` per id, for a graph of `ids.len()` nodes and
/// `edges` given as (source index, target index, weight).
///
/// Each connected part is laid out on its own and the parts are packed in
/// shelves, the largest first, so that a pair of actors talking about
/// something else does not push the main drawing into a corner.
pub fn layout(ids: &[&str], edges: &[(usize, usize, f64)], opts: &LayoutOptions) -> Vec<[f64; 2]> {
    let n = ids.len();
    let valid = |&&(a, b, _): &&(usize, usize, f64)| a != b && a < n && b < n;
    // connected parts, by union-find
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut has_edge = vec![false; n];
    for &(a, b, _) in edges.iter().filter(valid) {
        has_edge[a] = true;
        has_edge[b] = true;
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    // parts in the order of their first member; members in input order
    let mut part_of_root = vec![usize::MAX; n];
    let mut parts: Vec<Vec<usize>> = Vec::new();
    let mut local = vec![0usize; n];
    for i in (0..n).filter(|&i| has_edge[i]) {
        let r = find(&mut parent, i);
        if part_of_root[r] == usize::MAX {
            part_of_root[r] = parts.len();
            parts.push(Vec::new());
        }
        let p = part_of_root[r];
        local[i] = parts[p].len();
        parts[p].push(i);
    }
    let mut springs: Vec<Vec<(usize, usize, f64)>> = vec![Vec::new(); parts.len()];
    for &(a, b, w) in edges.iter().filter(valid) {
        let p = part_of_root[find(&mut parent, a)];
        springs[p].push((local[a], local[b], 1.0 + w.max(1.0).ln()));
    }
    let drawn: Vec<Vec<[f64; 2]>> = parts
        .iter()
        .zip(&springs)
        .map(|(members, springs)| {
            let member_ids: Vec<&str> = members.iter().map(|&i| ids[i]).collect();
            let mut pos = fruchterman_reingold(&member_ids, springs, opts);
            normalise(&mut pos, opts.edge_length);
            pos
        })
        .collect();
    let offsets = pack(&drawn, opts.edge_length);

    let mut out = vec![[0.0, 0.0]; n];
    let (mut min_x, mut max_x, mut max_y) = (f64::MAX, f64::MIN, f64::MIN);
    for ((members, pos), off) in parts.iter().zip(&drawn).zip(&offsets) {
        for (&i, p) in members.iter().zip(pos) {
            let q = [round1(p[0] + off[0]), round1(p[1] + off[1])];
            min_x = min_x.min(q[0]);
            max_x = max_x.max(q[0]);
            max_y = max_y.max(q[1]);
            out[i] = q;
        }
    }
    // actors without an edge: rows below the drawing
    let loners: Vec<usize> = (0..n).filter(|&i| !has_edge[i]).collect();
    if !loners.is_empty() {
        let step = opts.edge_length;
        let any = min_x <= max_x;
        let width = if any { (max_x - min_x).max(step) } else { step };
        let cols = ((width / step).floor() as usize + 1).max((loners.len() as f64).sqrt().ceil() as usize);
        let left = if any { min_x } else { 0.0 };
        let top = if any { max_y + 2.0 * step } else { 0.0 };
        for (k, &i) in loners.iter().enumerate() {
            out[i] = [
                round1(left + (k % cols) as f64 * step),
                round1(top + (k / cols) as f64 * step),
            ];
        }
    }
    out
}

/// Where each drawing goes: shelves of a width near the square root of
/// the total area (never less than the widest drawing), the largest
/// drawings first, `gap` apart. The offset of each drawing, in its order.
fn pack(drawings: &[Vec<[f64; 2]>], gap: f64) -> Vec<[f64; 2]> {
    let boxes: Vec<[f64; 4]> = drawings
        .iter()
        .map(|pos| {
            pos.iter().fold([f64::MAX, f64::MAX, f64::MIN, f64::MIN], |b, p| {
                [b[0].min(p[0]), b[1].min(p[1]), b[2].max(p[0]), b[3].max(p[1])]
            })
        })
        .collect();
    let size = |b: &[f64; 4]| (b[2] - b[0] + gap, b[3] - b[1] + gap);
    let area: f64 = boxes.iter().map(|b| size(b).0 * size(b).1).sum();
    let widest = boxes.iter().map(|b| size(b).0).fold(0.0, f64::max);
    let shelf_width = widest.max(area.sqrt() * 1.2);
    let mut order: Vec<usize> = (0..drawings.len()).collect();
    order.sort_by(|&a, &b| drawings[b].len().cmp(&drawings[a].len()).then(a.cmp(&b)));
    let mut offsets = vec![[0.0, 0.0]; drawings.len()];
    let (mut x, mut y, mut shelf) = (0.0, 0.0, 0.0f64);
    for k in order {
        let (w, h) = size(&boxes[k]);
        if x > 0.0 && x + w > shelf_width {
            x = 0.0;
            y += shelf;
            shelf = 0.0;
        }
        offsets[k] = [x - boxes[k][0], y - boxes[k][1]];
        x += w;
        shelf = shelf.max(h);
    }
    offsets
}

/// FNV-1a, 64 bits: the seed of an actor's starting point.
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// SplitMix64's finaliser: spreads the bits of a hash.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A number in [0, 1) from 53 bits of `h`.
fn unit(h: u64) -> f64 {
    (h >> 11) as f64 / (1u64 << 53) as f64
}

/// The spring embedder on `ids.len()` actors, with `k` = 1.
fn fruchterman_reingold(ids: &[&str], springs: &[(usize, usize, f64)], opts: &LayoutOptions) -> Vec<[f64; 2]> {
    let n = ids.len();
    if n == 0 {
        return Vec::new();
    }
    // start in a square of area n (k = 1: one unit of area per actor)
    let side = (n as f64).sqrt();
    let mut pos: Vec<[f64; 2]> = ids
        .iter()
        .map(|id| {
            let h = mix(fnv1a(id));
            [(unit(h) - 0.5) * side, (unit(mix(h)) - 0.5) * side]
        })
        .collect();
    let mut disp = vec![[0.0f64; 2]; n];
    let mut tree = QuadTree::default();
    let t0 = (side / 4.0).max(1.0);
    let iterations = opts.iterations.max(1);
    for it in 0..iterations {
        let temperature = t0 * (1.0 - it as f64 / iterations as f64) + 0.01;
        tree.build(&pos);
        for (i, d) in disp.iter_mut().enumerate() {
            *d = tree.repulsion(i, pos[i], opts.theta);
            // gravity, growing with the distance to the centre
            d[0] -= opts.gravity * pos[i][0];
            d[1] -= opts.gravity * pos[i][1];
        }
        for &(a, b, w) in springs {
            let dx = pos[a][0] - pos[b][0];
            let dy = pos[a][1] - pos[b][1];
            let dist = (dx * dx + dy * dy).sqrt();
            // |f| = d² / k, along the edge
            let f = dist * w;
            disp[a][0] -= dx * f;
            disp[a][1] -= dy * f;
            disp[b][0] += dx * f;
            disp[b][1] += dy * f;
        }
        for (p, d) in pos.iter_mut().zip(&disp) {
            let len = (d[0] * d[0] + d[1] * d[1]).sqrt();
            if len > 0.0 {
                let step = len.min(temperature) / len;
                p[0] += d[0] * step;
                p[1] += d[1] * step;
            }
        }
    }
    pos
}

/// Centre the drawing, turn its long axis horizontal (a pair's vertical),
/// and scale `k` to `edge_length`.
fn normalise(pos: &mut [[f64; 2]], edge_length: f64) {
    if pos.is_empty() {
        return;
    }
    let n = pos.len() as f64;
    let (mx, my) = pos.iter().fold((0.0, 0.0), |(x, y), p| (x + p[0], y + p[1]));
    let (mx, my) = (mx / n, my / n);
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for p in pos.iter_mut() {
        p[0] -= mx;
        p[1] -= my;
        sxx += p[0] * p[0];
        syy += p[1] * p[1];
        sxy += p[0] * p[1];
    }
    // the angle of the principal axis; a pair stands upright, so that
    // labels written to the right of its discs cross no line
    let mut angle = 0.5 * (2.0 * sxy).atan2(sxx - syy);
    if pos.len() == 2 {
        angle -= std::f64::consts::FRAC_PI_2;
    }
    let (sin, cos) = (-angle).sin_cos();
    for p in pos.iter_mut() {
        let (x, y) = (p[0], p[1]);
        p[0] = (x * cos - y * sin) * edge_length;
        p[1] = (x * sin + y * cos) * edge_length;
    }
}

fn round1(x: f64) -> f64 {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 {
        0.0 // never -0.0
    } else {
        r
    }
}

/// Depth past which bodies at (nearly) one point share a leaf.
const MAX_DEPTH: usize = 48;
const EMPTY: usize = usize::MAX;
const INNER: usize = usize::MAX - 1;

/// One square of the Barnes–Hut tree.
#[derive(Debug, Clone, Copy)]
struct Cell {
    cx: f64,
    cy: f64,
    half: f64,
    mass: f64,
    sx: f64,
    sy: f64,
    /// EMPTY, INNER, or the first body of a leaf (more follow in `next`).
    body: usize,
    children: [usize; 4],
}

impl Cell {
    fn new(cx: f64, cy: f64, half: f64) -> Cell {
        Cell {
            cx,
            cy,
            half,
            mass: 0.0,
            sx: 0.0,
            sy: 0.0,
            body: EMPTY,
            children: [EMPTY; 4],
        }
    }

    fn quadrant(&self, p: [f64; 2]) -> usize {
        usize::from(p[0] >= self.cx) + 2 * usize::from(p[1] >= self.cy)
    }
}

/// A Barnes–Hut quadtree over the current positions.
#[derive(Debug, Default)]
struct QuadTree {
    cells: Vec<Cell>,
    /// The next body in the same leaf, for bodies at one point.
    next: Vec<usize>,
    pos: Vec<[f64; 2]>,
    stack: Vec<usize>,
}

impl QuadTree {
    fn build(&mut self, pos: &[[f64; 2]]) {
        self.cells.clear();
        self.pos.clear();
        self.pos.extend_from_slice(pos);
        self.next.clear();
        self.next.resize(pos.len(), EMPTY);
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in pos {
            x0 = x0.min(p[0]);
            y0 = y0.min(p[1]);
            x1 = x1.max(p[0]);
            y1 = y1.max(p[1]);
        }
        let half = ((x1 - x0).max(y1 - y0) / 2.0).max(1e-6) * 1.0001;
        self.cells.push(Cell::new((x0 + x1) / 2.0, (y0 + y1) / 2.0, half));
        for i in 0..pos.len() {
            self.insert(i);
        }
    }

    fn insert(&mut self, i: usize) {
        let p = self.pos[i];
        let mut c = 0;
        let mut depth = 0;
        loop {
            let cell = &mut self.cells[c];
            if cell.body == EMPTY {
                cell.body = i;
                cell.mass = 1.0;
                cell.sx = p[0];
                cell.sy = p[1];
                return;
            }
            if cell.body != INNER {
                if depth >= MAX_DEPTH {
                    // one point, many bodies: chain them in this leaf
                    self.next[i] = self.next[cell.body];
                    self.next[cell.body] = i;
                    cell.mass += 1.0;
                    cell.sx += p[0];
                    cell.sy += p[1];
                    return;
                }
                // split the leaf: its body goes down one level
                let j = cell.body;
                cell.body = INNER;
                let q = cell.quadrant(self.pos[j]);
                let child = self.child(c, q);
                let cell = &mut self.cells[child];
                cell.body = j;
                cell.mass = 1.0;
                cell.sx = self.pos[j][0];
                cell.sy = self.pos[j][1];
            }
            let cell = &mut self.cells[c];
            cell.mass += 1.0;
            cell.sx += p[0];
            cell.sy += p[1];
            let q = cell.quadrant(p);
            c = self.child(c, q);
            depth += 1;
        }
    }

    /// The child of cell `c` in quadrant `q`, made when missing.
    fn child(&mut self, c: usize, q: usize) -> usize {
        let existing = self.cells[c].children[q];
        if existing != EMPTY {
            return existing;
        }
        let parent = self.cells[c];
        let h = parent.half / 2.0;
        let cx = if q & 1 == 1 { parent.cx + h } else { parent.cx - h };
        let cy = if q & 2 == 2 { parent.cy + h } else { parent.cy - h };
        self.cells.push(Cell::new(cx, cy, h));
        let ix = self.cells.len() - 1;
        self.cells[c].children[q] = ix;
        ix
    }

    /// The repulsion on body `i` at `p`: the sum of `k²/d` (k = 1) away
    /// from every other body, far cells taken whole.
    fn repulsion(&mut self, i: usize, p: [f64; 2], theta: f64) -> [f64; 2] {
        let mut f = [0.0, 0.0];
        let theta2 = theta * theta;
        self.stack.clear();
        self.stack.push(0);
        while let Some(c) = self.stack.pop() {
            let cell = self.cells[c];
            if cell.body == EMPTY {
                continue;
            }
            if cell.body != INNER {
                let mut j = cell.body;
                while j != EMPTY {
                    if j != i {
                        push_apart(&mut f, i, j, p, self.pos[j], 1.0);
                    }
                    j = self.next[j];
                }
                continue;
            }
            let com = [cell.sx / cell.mass, cell.sy / cell.mass];
            let dx = p[0] - com[0];
            let dy = p[1] - com[1];
            let d2 = dx * dx + dy * dy;
            let side = 2.0 * cell.half;
            if side * side < theta2 * d2 {
                f[0] += cell.mass * dx / d2;
                f[1] += cell.mass * dy / d2;
            } else {
                self.stack.extend(cell.children.iter().copied().filter(|&x| x != EMPTY));
            }
        }
        f
    }
}

/// Add the repulsion of a body of `mass` at `q` on body `i` at `p`; bodies
/// at one point are pushed apart in a direction fixed by their indices.
fn push_apart(f: &mut [f64; 2], i: usize, j: usize, p: [f64; 2], q: [f64; 2], mass: f64) {
    let mut dx = p[0] - q[0];
    let mut dy = p[1] - q[1];
    let mut d2 = dx * dx + dy * dy;
    if d2 < 1e-12 {
        let h = mix((i as u64) << 32 | j as u64);
        dx = (unit(h) - 0.5) * 1e-3;
        dy = (unit(mix(h)) - 0.5) * 1e-3;
        d2 = dx * dx + dy * dy + 1e-12;
    }
    f[0] += mass * dx / d2;
    f[1] += mass * dy / d2;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(n: usize) -> (Vec<String>, Vec<(usize, usize, f64)>) {
        let ids = (0..n).map(|i| format!("n{i:04}")).collect();
        let edges = (0..n).map(|i| (i, (i + 1) % n, 1.0)).collect();
        (ids, edges)
    }

    #[test]
    fn same_graph_same_positions() {
        let (ids, edges) = ring(40);
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let a = layout(&ids, &edges, &LayoutOptions::default());
        let b = layout(&ids, &edges, &LayoutOptions::default());
        assert_eq!(a, b);
        assert!(a.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
    }

    #[test]
    fn neighbours_end_up_closer_than_strangers() {
        // two triangles joined by nothing: each triangle is tight
        let ids = ["a", "b", "c", "x", "y", "z"];
        let edges = [
            (0, 1, 1.0),
            (1, 2, 1.0),
            (2, 0, 1.0),
            (3, 4, 1.0),
            (4, 5, 1.0),
            (5, 3, 1.0),
        ];
        let p = layout(&ids, &edges, &LayoutOptions::default());
        let d = |i: usize, j: usize| ((p[i][0] - p[j][0]).powi(2) + (p[i][1] - p[j][1]).powi(2)).sqrt();
        let within = d(0, 1).max(d(1, 2)).max(d(3, 4));
        let across = d(0, 3).min(d(1, 4)).min(d(2, 5));
        assert!(within < across, "within {within}, across {across}");
    }

    #[test]
    fn loners_sit_below_and_coincident_starts_separate() {
        let ids = ["a", "b", "lonely", "c"];
        let edges = [(0, 1, 2.0), (1, 3, 1.0)];
        let p = layout(&ids, &edges, &LayoutOptions::default());
        let max_y = [0, 1, 3].iter().map(|&i| p[i][1]).fold(f64::MIN, f64::max);
        assert!(p[2][1] > max_y, "{p:?}");
        // the same id twice starts at one point: they still come apart
        let ids = ["same", "same", "other"];
        let edges = [(0, 2, 1.0), (1, 2, 1.0)];
        let p = layout(&ids, &edges, &LayoutOptions::default());
        assert!(p[0] != p[1], "{p:?}");
    }

    #[test]
    fn barnes_hut_is_close_to_the_exact_sum() {
        let (ids, _) = ring(300);
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let pos: Vec<[f64; 2]> = ids
            .iter()
            .map(|id| {
                let h = mix(fnv1a(id));
                [unit(h) * 20.0, unit(mix(h)) * 20.0]
            })
            .collect();
        let mut t = QuadTree::default();
        t.build(&pos);
        for i in [0, 17, 299] {
            let approx = t.repulsion(i, pos[i], 0.5);
            let mut exact = [0.0, 0.0];
            for j in 0..pos.len() {
                if j != i {
                    push_apart(&mut exact, i, j, pos[i], pos[j], 1.0);
                }
            }
            let err = ((approx[0] - exact[0]).powi(2) + (approx[1] - exact[1]).powi(2)).sqrt();
            let size = (exact[0].powi(2) + exact[1].powi(2)).sqrt();
            assert!(err < 0.1 * size.max(1.0), "{i}: {approx:?} vs {exact:?}");
        }
    }
}
