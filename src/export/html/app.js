/* actorgraph's page: plain JavaScript, no library, nothing fetched.
 *
 * The data sits in the JSON element #actorgraph-data (see src/export/html.rs
 * for its form). Every string in it came from scraped news or a user's
 * gazetteer, so every string goes into the page as text: textContent,
 * Text nodes, data- attributes; never as markup.
 *
 * A view is the graph at one level (actor or faction); the filters pick
 * the edges drawn (relations, minimum weight, evidence up to a date), and
 * the actors drawn are those with a drawn edge (or all of them on request).
 */
(function () {
  'use strict';

  const T0 = performance.now();
  const DATA = JSON.parse(document.getElementById('actorgraph-data').textContent);
  const T_PARSED = performance.now();

  // ---------------------------------------------------------------- helpers

  const $ = (id) => document.getElementById(id);

  /* An element with properties and children; strings become Text nodes. */
  function el(tag, props, children) {
    const e = document.createElement(tag);
    if (props) {
      for (const k of Object.keys(props)) {
        const v = props[k];
        if (v === undefined || v === null || v === false) continue;
        if (k === 'text') e.textContent = String(v);
        else if (k === 'class') e.className = v;
        else if (k === 'data') for (const d of Object.keys(v)) e.dataset[d] = String(v[d]);
        else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, String(v));
      }
    }
    if (children) {
      for (const c of children) {
        if (c !== null && c !== undefined && c !== false) e.append(c);
      }
    }
    return e;
  }

  /* The form a name is matched in: no accents, lower case, one space. */
  function fold(s) {
    return String(s)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[\u2018\u2019`]/g, "'")
      .replace(/[_\s]+/g, ' ')
      .trim();
  }

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  function shorten(s, max) {
    return s.length > max ? s.slice(0, max - 1) + '\u2026' : s;
  }

  // ------------------------------------------------------------------- data

  const RELATIONS = DATA.relations;
  const REL = {};
  for (const r of RELATIONS) REL[r.name] = r;
  const VERB = { support: 'backs', oppose: 'opposes', meet: 'met' };
  const DASH = { solid: [], dashed: [7, 4], dotted: [0.5, 4] };
  const PLAIN_PAST = 1500;

  /* A colour mixed with white: faded things are drawn opaque in it (cheaper
   * than transparency, and crossings do not darken). */
  function faded(hex, t) {
    const c = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
    return 'rgb(' + c.map((v) => Math.round(v + (255 - v) * t)).join(',') + ')';
  }
  const FADED_KIND = {};
  for (const k of Object.keys(DATA.kinds)) FADED_KIND[k] = faded(DATA.kinds[k], 0.78);
  const FADED_REL = {};
  for (const r of DATA.relations) FADED_REL[r.name] = faded(r.color, 0.85);
  const DOCS = DATA.docs;
  const SENTENCES = DATA.sentences;
  const sentenceDate = (s) => DOCS[SENTENCES[s][0]][1];

  /* The DOT export's pen width (1 + ln weight), a little wider on screen. */
  function edgeWidth(w) {
    return 1.3 * (1 + Math.log(Math.max(w, 1)));
  }

  function prepareView(v) {
    const nodes = v.nodes.map((n, i) => ({
      id: n.id, label: n.label, kind: n.kind, affiliation: n.affiliation,
      mentions: n.mentions, documents: n.documents, surfaces: n.surfaces,
      x: n.x, y: n.y, index: i, wdeg: 0, out: [], in: [],
      keys: null, radius: 0, textWidth: -1,
    }));
    const byId = new Map();
    for (const n of nodes) {
      byId.set(n.id, n.index);
      n.keys = [[fold(n.id), n.id], [fold(n.label), n.label]];
      for (const s of n.surfaces) n.keys.push([fold(s), s]);
    }
    const dates = new Set();
    const edges = v.edges.map((e, i) => {
      const evDates = e.evidence.map((x) => sentenceDate(x[0]));
      for (const d of evDates) if (d) dates.add(d);
      if (e.first_seen) dates.add(e.first_seen);
      if (e.last_seen) dates.add(e.last_seen);
      return {
        index: i, source: e.source, target: e.target, relation: e.relation, weight: e.weight,
        first_seen: e.first_seen, last_seen: e.last_seen,
        // only what did not happen is marked
        modality: e.modality && e.modality !== 'asserted' ? e.modality : null,
        evidence: e.evidence, evDates: evDates, bend: 0,
      };
    });
    let maxWeight = 1;
    const pairs = new Map();
    for (const e of edges) {
      nodes[e.source].out.push(e.index);
      nodes[e.target].in.push(e.index);
      nodes[e.source].wdeg += e.weight;
      nodes[e.target].wdeg += e.weight;
      maxWeight = Math.max(maxWeight, e.weight);
      const a = Math.min(e.source, e.target);
      const key = a + ',' + Math.max(e.source, e.target);
      if (!pairs.has(key)) pairs.set(key, []);
      pairs.get(key).push(e);
    }
    // edges joining one pair bend apart; the bend is measured from the
    // smaller index to the larger, then turned to the edge's direction
    for (const list of pairs.values()) {
      if (list.length < 2) continue;
      list.forEach((e, k) => {
        const bend = (k - (list.length - 1) / 2) * 0.22;
        e.bend = e.source < e.target ? bend : -bend;
      });
    }
    for (const n of nodes) n.radius = Math.min(4 + 2.2 * Math.sqrt(n.wdeg), 30);
    // the order labels are placed in: heaviest first
    const byWeight = nodes.map((n) => n.index).sort((a, b) => nodes[b].wdeg - nodes[a].wdeg || a - b);
    // the order discs are drawn in: heaviest last, on top
    const drawOrder = byWeight.slice().reverse();
    return {
      level: v.level, nodes, edges, byId, byWeight, drawOrder, maxWeight,
      dates: Array.from(dates).sort(),
    };
  }

  const VIEWS = DATA.views.map(prepareView);

  // ------------------------------------------------------------------ state

  const state = {
    view: VIEWS[0],
    relOn: {},
    minWeight: 1,
    dateIdx: 0, // == view.dates.length: all dates
    showIsolated: false,
    sel: null, // {type: 'node', i} or {type: 'edge', i}
    hover: null,
    cam: { x: 0, y: 0, k: 1 },
  };
  for (const r of RELATIONS) state.relOn[r.name] = true;
  state.dateIdx = state.view.dates.length;

  // what the filters let through, recomputed by refilter()
  let shownEdges = [];
  let edgeW = new Float64Array(0);
  let nodeShown = new Uint8Array(0);
  let lastDrawMs = 0;
  let lastSearchMs = 0;
  let lastSelectMs = 0;

  function currentDate() {
    const v = state.view;
    return state.dateIdx >= v.dates.length ? null : v.dates[state.dateIdx];
  }

  /* The weight of an edge counting the evidence dated up to `day`, as
   * `--until day` counts it; 0 when nothing of it is left. */
  function weightAt(e, day) {
    if (day === null) return e.weight;
    const inside = (d) => d !== null && d !== undefined && d <= day;
    if (inside(e.first_seen) && inside(e.last_seen)) return e.weight;
    let c = 0;
    for (const d of e.evDates) if (inside(d)) c++;
    return c;
  }

  function edgeShown(i) {
    return edgeW[i] > 0;
  }

  function refilter() {
    const v = state.view;
    const day = currentDate();
    const min = Math.max(1, state.minWeight);
    edgeW = new Float64Array(v.edges.length);
    nodeShown = new Uint8Array(v.nodes.length);
    shownEdges = [];
    const counts = {};
    for (const r of RELATIONS) counts[r.name] = 0;
    for (const e of v.edges) {
      if (!state.relOn[e.relation]) continue;
      const w = weightAt(e, day);
      if (w < min) continue;
      edgeW[e.index] = w;
      shownEdges.push(e.index);
      nodeShown[e.source] = 1;
      nodeShown[e.target] = 1;
      counts[e.relation]++;
    }
    if (state.showIsolated) nodeShown.fill(1);
    if (state.sel && state.sel.type === 'node') nodeShown[state.sel.i] = 1;
    if (state.sel && state.sel.type === 'edge') {
      const e = v.edges[state.sel.i];
      nodeShown[e.source] = 1;
      nodeShown[e.target] = 1;
    }
    for (const r of RELATIONS) {
      const c = document.querySelector('[data-count="' + r.name + '"]');
      if (c) c.textContent = String(counts[r.name]);
    }
    let actors = 0;
    for (let i = 0; i < nodeShown.length; i++) actors += nodeShown[i];
    $('summary').textContent =
      plural(DATA.documents, 'document', 'documents') + ' \u00b7 ' +
      actors + ' of ' + plural(v.nodes.length, 'actor', 'actors') + ' shown \u00b7 ' +
      shownEdges.length + ' of ' + plural(v.edges.length, 'relation', 'relations') + ' shown \u00b7 ' +
      v.level + ' level' + (day === null ? '' : ' \u00b7 evidence up to ' + day);
  }

  // ----------------------------------------------------------------- canvas

  const canvas = $('canvas');
  const ctx = canvas.getContext('2d');
  let W = 1, H = 1, DPR = 1;
  let frameWanted = false;
  let fitted = false;

  // the edges and discs, drawn again only when the camera, the filters or
  // the selection change (hovering redraws only rings and labels over it)
  const scene = document.createElement('canvas');
  const sc = scene.getContext('2d');
  let sceneDirty = true;

  function redraw(keepScene) {
    if (!keepScene) sceneDirty = true;
    if (!frameWanted) {
      frameWanted = true;
      requestAnimationFrame(draw);
    }
  }

  function resize() {
    const r = canvas.parentElement.getBoundingClientRect();
    DPR = window.devicePixelRatio || 1;
    W = Math.max(1, r.width);
    H = Math.max(1, r.height);
    canvas.width = Math.round(W * DPR);
    canvas.height = Math.round(H * DPR);
    scene.width = canvas.width;
    scene.height = canvas.height;
    sceneDirty = true;
    if (!fitted) {
      fit();
      fitted = true;
    }
    draw();
  }

  /* A disc's radius on screen: full size from zoom 1 up, shrinking with
   * the zoom (to the power 0.75) below it, so that a zoomed-out crowd of
   * actors does not turn into one blot. */
  const rad = (n) => n.radius * Math.max(0.2, Math.min(1, Math.pow(state.cam.k, 0.75)));
  const sx = (x) => (x - state.cam.x) * state.cam.k + W / 2;
  const sy = (y) => (y - state.cam.y) * state.cam.k + H / 2;
  const wx = (px) => (px - W / 2) / state.cam.k + state.cam.x;
  const wy = (py) => (py - H / 2) / state.cam.k + state.cam.y;

  function fit() {
    const v = state.view;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const n of v.nodes) {
      if (!nodeShown[n.index]) continue;
      x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y);
      x1 = Math.max(x1, n.x); y1 = Math.max(y1, n.y);
    }
    if (x0 === Infinity) { x0 = -100; y0 = -100; x1 = 100; y1 = 100; }
    // room for the labels, which run to the right
    const padX = Math.min(130, W / 5), padY = Math.min(50, H / 6);
    const k = Math.min((W - 2 * padX) / Math.max(x1 - x0, 1), (H - 2 * padY) / Math.max(y1 - y0, 1));
    state.cam = { x: (x0 + x1) / 2 + 30 / Math.max(k, 0.02), y: (y0 + y1) / 2, k: Math.max(0.02, Math.min(k, 2.5)) };
    redraw();
  }

  /* Show these actors: centred, as large as fits (within reason). */
  function frame(set) {
    const v = state.view;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const i of set) {
      const n = v.nodes[i];
      x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y);
      x1 = Math.max(x1, n.x); y1 = Math.max(y1, n.y);
    }
    if (x0 === Infinity) return;
    const pad = 110;
    const k = Math.min((W - 2 * pad) / Math.max(x1 - x0, 1), (H - 2 * pad) / Math.max(y1 - y0, 1));
    state.cam = { x: (x0 + x1) / 2, y: (y0 + y1) / 2, k: Math.max(0.05, Math.min(k, 2)) };
  }

  function zoomAt(px, py, factor) {
    const k = Math.max(0.01, Math.min(state.cam.k * factor, 40));
    const x = wx(px), y = wy(py);
    state.cam.k = k;
    state.cam.x = x - (px - W / 2) / k;
    state.cam.y = y - (py - H / 2) / k;
    redraw();
  }

  /* Screen geometry of an edge: start, control point, end (trimmed to the
   * discs, and to the arrowhead's base for directed relations), tip. */
  function geometry(e) {
    const v = state.view;
    const a = v.nodes[e.source], b = v.nodes[e.target];
    const ax = sx(a.x), ay = sy(a.y), bx = sx(b.x), by = sy(b.y);
    const dx = bx - ax, dy = by - ay;
    const cx = (ax + bx) / 2 - dy * e.bend, cy = (ay + by) / 2 + dx * e.bend;
    let ux = cx - ax, uy = cy - ay;
    let l = Math.hypot(ux, uy) || 1;
    const x0 = ax + (ux / l) * rad(a), y0 = ay + (uy / l) * rad(a);
    ux = cx - bx; uy = cy - by;
    l = Math.hypot(ux, uy) || 1;
    const tipX = bx + (ux / l) * (rad(b) + 1), tipY = by + (uy / l) * (rad(b) + 1);
    const width = edgeWidth(edgeW[e.index] || e.weight);
    const head = REL[e.relation].directed ? 8 + width * 1.8 : 0;
    const x1 = tipX + (ux / l) * head * 0.8, y1 = tipY + (uy / l) * head * 0.8;
    return { x0, y0, cx, cy, x1, y1, tipX, tipY, ux: ux / l, uy: uy / l, head, width, curved: e.bend !== 0 };
  }

  /* The part of a line inside the screen (Liang and Barsky), or null. */
  function clip(x0, y0, x1, y1) {
    const m = 10;
    const dx = x1 - x0, dy = y1 - y0;
    const p = [-dx, dx, -dy, dy];
    const q = [x0 + m, W + m - x0, y0 + m, H + m - y0];
    let t0 = 0, t1 = 1;
    for (let k = 0; k < 4; k++) {
      if (p[k] === 0) {
        if (q[k] < 0) return null;
        continue;
      }
      const t = q[k] / p[k];
      if (p[k] < 0) {
        if (t > t1) return null;
        t0 = Math.max(t0, t);
      } else {
        if (t < t0) return null;
        t1 = Math.min(t1, t);
      }
    }
    return [x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy];
  }

  function offscreen(g) {
    const m = 20;
    return (Math.max(g.x0, g.x1, g.cx) < -m || Math.min(g.x0, g.x1, g.cx) > W + m ||
            Math.max(g.y0, g.y1, g.cy) < -m || Math.min(g.y0, g.y1, g.cy) > H + m);
  }

  /* The actors and edges in focus: the selection and its neighbours. */
  function focusSets() {
    const v = state.view;
    if (!state.sel) return null;
    const nodes = new Set(), edges = new Set();
    if (state.sel.type === 'node') {
      const n = v.nodes[state.sel.i];
      nodes.add(n.index);
      for (const i of n.out.concat(n.in)) {
        if (!edgeShown(i)) continue;
        edges.add(i);
        nodes.add(v.edges[i].source);
        nodes.add(v.edges[i].target);
      }
    } else {
      const e = v.edges[state.sel.i];
      edges.add(e.index);
      nodes.add(e.source);
      nodes.add(e.target);
    }
    return { nodes, edges };
  }

  /* The edges of `onScreen` that `pick` keeps, one path per relation and
   * width; `strong` in their colour, else faded; `plain` without dashes. */
  function drawEdges(onScreen, pick, strong, plain) {
    const v = state.view;
    const diagonal = 2 * (W + H);
    for (const r of RELATIONS) {
      if (!state.relOn[r.name]) continue;
      const groups = new Map();
      for (const [i, g] of onScreen) {
        const e = v.edges[i];
        if (e.relation !== r.name || !pick(i)) continue;
        const width = plain ? 1 : Math.round(g.width * 2) / 2;
        // events that did not happen (--include-modal) are drawn light
        const modal = e.modality !== null;
        const key = width + (modal ? 'm' : '');
        if (!groups.has(key)) groups.set(key, { width, modal, line: new Path2D(), heads: new Path2D() });
        const grp = groups.get(key);
        if (g.curved) {
          grp.line.moveTo(g.x0, g.y0);
          grp.line.quadraticCurveTo(g.cx, g.cy, g.x1, g.y1);
        } else {
          // a very long line is cut to the screen (a short one is not, so
          // that its dashes stay put while panning)
          const seg = Math.hypot(g.x1 - g.x0, g.y1 - g.y0) > diagonal ? clip(g.x0, g.y0, g.x1, g.y1) : [g.x0, g.y0, g.x1, g.y1];
          if (seg) {
            grp.line.moveTo(seg[0], seg[1]);
            grp.line.lineTo(seg[2], seg[3]);
          }
        }
        if (g.head > 0 && g.tipX > -20 && g.tipX < W + 20 && g.tipY > -20 && g.tipY < H + 20) {
          const px = -g.uy, py = g.ux, hw = g.head * 0.45;
          const bx = g.tipX + g.ux * g.head, by = g.tipY + g.uy * g.head;
          grp.heads.moveTo(g.tipX, g.tipY);
          grp.heads.lineTo(bx + px * hw, by + py * hw);
          grp.heads.lineTo(bx - px * hw, by - py * hw);
          grp.heads.closePath();
        }
      }
      const dotted = !plain && r.line === 'dotted';
      sc.lineCap = dotted ? 'round' : 'butt';
      for (const key of Array.from(groups.keys()).sort()) {
        const grp = groups.get(key);
        const width = grp.width;
        sc.strokeStyle = strong && !grp.modal ? r.color : FADED_REL[r.name];
        sc.fillStyle = sc.strokeStyle;
        sc.lineWidth = dotted ? Math.max(width, 2) : width;
        sc.setLineDash(plain ? [] : DASH[r.line].map((d) => d * (dotted ? 1 : Math.max(1, width * 0.6))));
        sc.stroke(grp.line);
        sc.setLineDash([]);
        sc.fill(grp.heads);
      }
    }
    sc.lineCap = 'butt';
  }

  /* The discs `pick` keeps, heaviest on top; `strong` in the colour of
   * their kind with an outline, else faded. */
  function drawDiscs(pick, strong) {
    const v = state.view;
    sc.lineWidth = 1;
    sc.strokeStyle = '#3a3a3a';
    for (const i of v.drawOrder) {
      if (!nodeShown[i] || !pick(i)) continue;
      const n = v.nodes[i];
      const x = sx(n.x), y = sy(n.y);
      if (x < -40 || x > W + 40 || y < -40 || y > H + 40) continue;
      sc.beginPath();
      sc.arc(x, y, rad(n), 0, Math.PI * 2);
      sc.fillStyle = strong ? DATA.kinds[n.kind] || '#888888' : FADED_KIND[n.kind] || '#dddddd';
      sc.fill();
      if (strong) sc.stroke();
    }
  }

  function drawScene(focus) {
    const v = state.view;
    sc.setTransform(DPR, 0, 0, DPR, 0, 0);
    sc.clearRect(0, 0, W, H);
    // the edges on screen
    const onScreen = [];
    for (const i of shownEdges) {
      const g = geometry(v.edges[i]);
      if (!offscreen(g)) onScreen.push([i, g]);
    }
    // A browser drawing without a GPU spends its time on dash patterns and
    // on the pixels of long lines: past PLAIN_PAST edges on screen, lines
    // are thin and solid, and the faded lines behind a selection are left
    // out, until zooming in brings the count down. The selection's lines
    // keep their style.
    const plain = onScreen.length > PLAIN_PAST;
    if (focus) {
      // what is out of focus first, faded, then the focus on top
      if (!plain) drawEdges(onScreen, (i) => !focus.edges.has(i), false, false);
      drawDiscs((i) => !focus.nodes.has(i), false);
      drawEdges(onScreen, (i) => focus.edges.has(i), true, false);
      drawDiscs((i) => focus.nodes.has(i), true);
    } else {
      drawEdges(onScreen, () => true, true, plain);
      drawDiscs(() => true, true);
    }
  }

  function draw() {
    frameWanted = false;
    const t = performance.now();
    const v = state.view;
    const focus = focusSets();
    if (sceneDirty) {
      drawScene(focus);
      sceneDirty = false;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(scene, 0, 0);
    ctx.setTransform(DPR, 0, 0, DPR, 0, 0);
    const ring = (i, width, color) => {
      const n = v.nodes[i];
      ctx.beginPath();
      ctx.arc(sx(n.x), sy(n.y), rad(n) + 3, 0, Math.PI * 2);
      ctx.lineWidth = width;
      ctx.strokeStyle = color;
      ctx.stroke();
    };
    if (state.hover && state.hover.type === 'node') ring(state.hover.i, 2, '#555555');
    if (state.sel && state.sel.type === 'node') ring(state.sel.i, 3, '#111111');

    drawLabels(focus);
    lastDrawMs = performance.now() - t;
  }

  const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif';

  /* Labels that do not pile up: the selection, the hovered actor and the
   * neighbours of the selection first, then the heaviest actors, each only
   * where it overlaps no label already placed. Zooming in makes room. */
  function drawLabels(focus) {
    const v = state.view;
    ctx.font = FONT;
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    const cell = 80;
    const grid = new Map();
    const boxes = [];
    const fits = (b) => {
      if (b[0] < 0 || b[1] < 0 || b[0] + b[2] > W || b[1] + b[3] > H) return false;
      for (let gx = Math.floor(b[0] / cell); gx <= Math.floor((b[0] + b[2]) / cell); gx++) {
        for (let gy = Math.floor(b[1] / cell); gy <= Math.floor((b[1] + b[3]) / cell); gy++) {
          const list = grid.get(gx + ',' + gy);
          if (!list) continue;
          for (const o of list) {
            if (b[0] < o[0] + o[2] && o[0] < b[0] + b[2] && b[1] < o[1] + o[3] && o[1] < b[1] + b[3]) return false;
          }
        }
      }
      return true;
    };
    const add = (b) => {
      boxes.push(b);
      for (let gx = Math.floor(b[0] / cell); gx <= Math.floor((b[0] + b[2]) / cell); gx++) {
        for (let gy = Math.floor(b[1] / cell); gy <= Math.floor((b[1] + b[3]) / cell); gy++) {
          const key = gx + ',' + gy;
          if (!grid.has(key)) grid.set(key, []);
          grid.get(key).push(b);
        }
      }
    };
    // the discs are in the way too
    let discs = 0;
    for (const i of v.byWeight) {
      if (!nodeShown[i]) continue;
      const n = v.nodes[i];
      const x = sx(n.x), y = sy(n.y);
      if (x < -40 || x > W + 40 || y < -40 || y > H + 40) continue;
      const r = rad(n);
      add([x - r, y - r, 2 * r, 2 * r]);
      if (++discs > 3000) break;
    }
    const done = new Set();
    const place = (i, forced, strong) => {
      if (done.has(i) || !nodeShown[i]) return;
      const n = v.nodes[i];
      const x = sx(n.x), y = sy(n.y);
      if (x < -200 || x > W + 20 || y < -20 || y > H + 20) return;
      const text = shorten(n.label, 42);
      if (n.textWidth < 0) n.textWidth = ctx.measureText(text).width;
      const w = n.textWidth + 2, r = rad(n);
      // right, left, below, above the disc: the first place that is free
      const spots = [
        [x + r + 3, y - 8, w, 16],
        [x - r - 3 - w, y - 8, w, 16],
        [x - w / 2, y + r + 1, w, 16],
        [x - w / 2, y - r - 17, w, 16],
      ];
      let b = spots.find(fits);
      if (!b) {
        if (!forced) return;
        b = spots[0];
      }
      done.add(i);
      add(b);
      ctx.lineWidth = 3.5;
      ctx.strokeStyle = 'rgba(255,255,255,0.92)';
      ctx.strokeText(text, b[0] + 1, b[1] + 8);
      ctx.fillStyle = strong ? '#1a1a1a' : '#5a5a5a';
      ctx.fillText(text, b[0] + 1, b[1] + 8);
    };
    if (state.sel && state.sel.type === 'node') place(state.sel.i, true, true);
    if (state.hover && state.hover.type === 'node') place(state.hover.i, true, true);
    if (focus) for (const i of v.byWeight) if (focus.nodes.has(i)) place(i, false, true);
    let budget = 350;
    for (const i of v.byWeight) {
      if (budget-- <= 0) break;
      if (focus && focus.nodes.has(i)) continue;
      place(i, false, !focus);
    }
  }

  // ------------------------------------------------------------ hit testing

  function nodeAt(px, py) {
    const v = state.view;
    let best = null, bestD = Infinity;
    for (const i of v.drawOrder) {
      if (!nodeShown[i]) continue;
      const n = v.nodes[i];
      const d = Math.hypot(sx(n.x) - px, sy(n.y) - py);
      const r = rad(n);
      if (d <= r + 3 && d - r < bestD) {
        best = i;
        bestD = d - r;
      }
    }
    return best;
  }

  function segDist(px, py, x0, y0, x1, y1) {
    const dx = x1 - x0, dy = y1 - y0;
    const l2 = dx * dx + dy * dy;
    let t = l2 > 0 ? ((px - x0) * dx + (py - y0) * dy) / l2 : 0;
    t = Math.max(0, Math.min(1, t));
    return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
  }

  function curveDist(g, px, py) {
    const x1 = g.head > 0 ? g.tipX : g.x1, y1 = g.head > 0 ? g.tipY : g.y1;
    if (!g.curved) return segDist(px, py, g.x0, g.y0, x1, y1);
    let best = Infinity, lx = g.x0, ly = g.y0;
    const steps = 12;
    for (let s = 1; s <= steps; s++) {
      const t = s / steps, u = 1 - t;
      const x = u * u * g.x0 + 2 * u * t * g.cx + t * t * x1;
      const y = u * u * g.y0 + 2 * u * t * g.cy + t * t * y1;
      best = Math.min(best, segDist(px, py, lx, ly, x, y));
      lx = x; ly = y;
    }
    return best;
  }

  function edgeAt(px, py) {
    const v = state.view;
    let best = null, bestD = Infinity;
    for (const i of shownEdges) {
      const g = geometry(v.edges[i]);
      if (offscreen(g)) continue;
      const d = curveDist(g, px, py);
      if (d <= Math.max(4, g.width / 2 + 3) && d < bestD) {
        best = i;
        bestD = d;
      }
    }
    return best;
  }

  function hitAt(px, py) {
    const n = nodeAt(px, py);
    if (n !== null) return { type: 'node', i: n };
    const e = edgeAt(px, py);
    if (e !== null) return { type: 'edge', i: e };
    return null;
  }

  // ----------------------------------------------------------- pan and zoom

  const tooltip = $('tooltip');
  let drag = null;
  let pointer = null;
  let hoverWanted = false;

  canvas.addEventListener('pointerdown', (ev) => {
    if (ev.button !== 0) return;
    canvas.setPointerCapture(ev.pointerId);
    drag = { x: ev.offsetX, y: ev.offsetY, moved: false };
  });
  canvas.addEventListener('pointermove', (ev) => {
    pointer = { x: ev.offsetX, y: ev.offsetY };
    if (drag) {
      const dx = ev.offsetX - drag.x, dy = ev.offsetY - drag.y;
      if (drag.moved || Math.hypot(dx, dy) > 3) {
        drag.moved = true;
        canvas.classList.add('dragging');
        state.cam.x -= dx / state.cam.k;
        state.cam.y -= dy / state.cam.k;
        drag.x = ev.offsetX;
        drag.y = ev.offsetY;
        tooltip.hidden = true;
        redraw();
      }
      return;
    }
    if (!hoverWanted) {
      hoverWanted = true;
      requestAnimationFrame(updateHover);
    }
  });
  canvas.addEventListener('pointerup', (ev) => {
    if (!drag) return;
    const click = !drag.moved;
    drag = null;
    canvas.classList.remove('dragging');
    if (click) {
      const hit = hitAt(ev.offsetX, ev.offsetY);
      if (hit) select(hit, false);
      else select(null, false);
    }
  });
  canvas.addEventListener('pointerleave', () => {
    pointer = null;
    tooltip.hidden = true;
    if (state.hover) {
      state.hover = null;
      redraw(true);
    }
  });
  canvas.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const unit = ev.deltaMode === 1 ? 16 : ev.deltaMode === 2 ? 400 : 1;
    zoomAt(ev.offsetX, ev.offsetY, Math.exp(-ev.deltaY * unit * 0.0015));
  }, { passive: false });
  canvas.addEventListener('dblclick', (ev) => zoomAt(ev.offsetX, ev.offsetY, 2));
  canvas.addEventListener('keydown', (ev) => {
    const step = 60 / state.cam.k;
    let used = true;
    switch (ev.key) {
      case 'ArrowLeft': state.cam.x -= step; break;
      case 'ArrowRight': state.cam.x += step; break;
      case 'ArrowUp': state.cam.y -= step; break;
      case 'ArrowDown': state.cam.y += step; break;
      case '+': case '=': zoomAt(W / 2, H / 2, 1.4); break;
      case '-': case '_': zoomAt(W / 2, H / 2, 1 / 1.4); break;
      case '0': fit(); break;
      case 'Escape': select(null, false); break;
      default: used = false;
    }
    if (used) {
      ev.preventDefault();
      redraw();
    }
  });

  function updateHover() {
    hoverWanted = false;
    if (!pointer || drag) return;
    const hit = hitAt(pointer.x, pointer.y);
    const same = (a, b) => (a === null && b === null) || (a && b && a.type === b.type && a.i === b.i);
    canvas.classList.toggle('pointing', hit !== null);
    if (!same(hit, state.hover)) {
      state.hover = hit;
      redraw(true);
    }
    if (!hit) {
      tooltip.hidden = true;
      return;
    }
    tooltip.textContent = hit.type === 'node' ? nodeSummary(hit.i) : edgeSentence(hit.i);
    tooltip.hidden = false;
    const x = Math.min(pointer.x + 14, W - tooltip.offsetWidth - 4);
    const y = pointer.y + 16 + tooltip.offsetHeight > H ? pointer.y - tooltip.offsetHeight - 8 : pointer.y + 16;
    tooltip.style.left = Math.max(0, x) + 'px';
    tooltip.style.top = Math.max(0, y) + 'px';
  }

  $('zoom-in').addEventListener('click', () => zoomAt(W / 2, H / 2, 1.4));
  $('zoom-out').addEventListener('click', () => zoomAt(W / 2, H / 2, 1 / 1.4));
  $('fit').addEventListener('click', fit);

  // ---------------------------------------------------------------- wording

  function nodeSummary(i) {
    const n = state.view.nodes[i];
    return n.label + ' (' + n.kind.replace('_', ' ') + ') \u00b7 ' + plural(n.wdeg, 'event', 'events');
  }

  function edgeSentence(i) {
    const v = state.view;
    const e = v.edges[i];
    const w = edgeW[i] || e.weight;
    const s = v.nodes[e.source].label, t = v.nodes[e.target].label;
    const what = e.relation === 'meet' ? s + ' and ' + t + ' met' : s + ' ' + VERB[e.relation] + ' ' + t;
    return what + ' \u00b7 ' + plural(w, 'event', 'events') + (e.modality ? ' (' + e.modality + ')' : '');
  }

  function dates(e) {
    if (!e.first_seen) return 'undated';
    return e.first_seen === e.last_seen ? e.first_seen : e.first_seen + ' \u2013 ' + e.last_seen;
  }

  // --------------------------------------------------------------- selection

  function select(what, centre) {
    const t = performance.now();
    state.sel = what;
    refilter();
    if (what && centre) frame(focusSets().nodes);
    showDetails();
    redraw();
    lastSelectMs = performance.now() - t;
  }

  const details = $('details');

  function whoButton(i) {
    const n = state.view.nodes[i];
    return el('button', {
      type: 'button', class: 'who', text: n.label, data: { id: n.id },
      onclick: () => select({ type: 'node', i }, true),
    });
  }

  function showDetails() {
    details.replaceChildren();
    if (!state.sel) {
      details.append(
        el('h2', { text: 'Details' }),
        el('p', { class: 'hint', text: 'Find an actor by any of its names, or click an actor or a line in the graph: an actor lists its backers, the actors it backs, its opponents and its meetings; a line shows the sentences that say so.' }),
      );
      return;
    }
    if (state.sel.type === 'node') showNode(state.sel.i);
    else showEdge(state.sel.i);
  }

  function showNode(i) {
    const v = state.view;
    const n = v.nodes[i];
    details.append(
      el('h2', { text: n.label, data: { id: n.id }, id: 'selected-title' }),
      el('p', { class: 'meta' }, [n.kind.replace('_', ' ') + ' \u00b7 id ', el('code', { text: n.id })]),
    );
    if (n.affiliation) {
      const f = v.byId.get(n.affiliation);
      details.append(el('p', { class: 'meta' }, [
        'faction: ', f === undefined ? n.affiliation : whoButton(f),
      ]));
    }
    details.append(el('p', { class: 'meta', text: plural(n.mentions, 'mention', 'mentions') + ' in ' + plural(n.documents, 'document', 'documents') }));
    if (n.surfaces.length) {
      const shown = n.surfaces.slice(0, 40);
      details.append(el('p', { class: 'meta', text: 'Named in the text as:' }),
        el('ul', { class: 'surfaces' }, shown.map((s) => el('li', { text: s }))));
      if (n.surfaces.length > shown.length) details.append(el('p', { class: 'note', text: 'and ' + (n.surfaces.length - shown.length) + ' more' }));
    }
    const sections = [
      ['backers', 'Backed by', n.in.filter((k) => v.edges[k].relation === 'support'), (e) => e.source, null],
      ['backs', 'Backs', n.out.filter((k) => v.edges[k].relation === 'support'), (e) => e.target, null],
      ['opponents', 'Opponents', n.in.concat(n.out).filter((k) => v.edges[k].relation === 'oppose'),
        (e) => (e.source === i ? e.target : e.source), (e) => (e.source === i ? 'opposes' : 'opposed by')],
      ['meetings', 'Meetings', n.in.concat(n.out).filter((k) => v.edges[k].relation === 'meet'),
        (e) => (e.source === i ? e.target : e.source), null],
    ];
    for (const [key, title, all, other, direction] of sections) {
      const shown = all.filter(edgeShown).sort((a, b) => edgeW[b] - edgeW[a] || v.nodes[other(v.edges[a])].label.localeCompare(v.nodes[other(v.edges[b])].label));
      const section = el('section', { data: { section: key }, 'aria-label': title });
      section.append(el('h3', { text: title + ' (' + shown.length + ')' }));
      if (shown.length === 0) section.append(el('p', { class: 'empty', text: all.length ? 'none shown' : 'none' }));
      const list = el('ul', { class: 'rows' });
      for (const k of shown) {
        const e = v.edges[k];
        const o = other(e);
        list.append(el('li', { data: { id: v.nodes[o].id, edge: k } }, [
          whoButton(o),
          el('span', { class: 'num', text: plural(edgeW[k], 'event', 'events') }),
          el('button', {
            type: 'button', class: 'evidence-link', text: 'evidence',
            'aria-label': 'evidence: ' + edgeSentence(k),
            onclick: () => select({ type: 'edge', i: k }, false),
          }),
          el('span', { class: 'dates' }, [direction ? direction(e) + ' \u00b7 ' : null, dates(e)]),
        ]));
      }
      section.append(list);
      const hidden = all.length - shown.length;
      if (hidden > 0) section.append(el('p', { class: 'note', text: hidden + ' more hidden by the filters' }));
      details.append(section);
    }
  }

  /* A sentence with its trigger words marked, as Text nodes and a <mark>. */
  function marked(text, trigger) {
    if (trigger) {
      const lower = text.toLowerCase();
      const at = lower.length === text.length ? lower.indexOf(trigger.toLowerCase()) : -1;
      if (at >= 0) {
        return [text.slice(0, at), el('mark', { text: text.slice(at, at + trigger.length) }), text.slice(at + trigger.length)];
      }
    }
    return [text];
  }

  function showEdge(k) {
    const v = state.view;
    const e = v.edges[k];
    const day = currentDate();
    details.append(el('p', { class: 'edge-title', id: 'selected-title', data: { edge: k, relation: e.relation } }, [
      whoButton(e.source),
      el('span', { text: e.relation === 'meet' ? 'met' : VERB[e.relation] }),
      whoButton(e.target),
    ]));
    const w = edgeW[k] || weightAt(e, day);
    details.append(
      el('p', { class: 'meta', text: 'relation: ' + e.relation + (REL[e.relation].directed ? '' : ' (undirected)') + (e.modality ? ' \u00b7 ' + e.modality : '') }),
      el('p', { class: 'meta', text: plural(w, 'event', 'events') + (day !== null && w !== e.weight ? ' up to ' + day + ' (' + e.weight + ' in all)' : '') + ' \u00b7 ' + dates(e) }),
    );
    const items = e.evidence.filter((x, j) => day === null || (e.evDates[j] && e.evDates[j] <= day));
    details.append(el('h3', { text: 'Evidence (' + items.length + ')' }));
    if (e.evidence.length < e.weight) {
      details.append(el('p', { class: 'note', text: 'The graph keeps the first ' + e.evidence.length + ' sentences of ' + e.weight + ' events.' }));
    }
    const list = el('div', { id: 'evidence' });
    for (const [s, trigger, reporter] of items) {
      const [doc, sentence, , , text] = SENTENCES[s];
      const [docId, date] = DOCS[doc];
      const cite = 'document ' + docId + ' \u00b7 sentence ' + sentence + ' \u00b7 ' + (date || 'undated') +
        (reporter ? ' \u00b7 reported by ' + (v.byId.has(reporter) ? v.nodes[v.byId.get(reporter)].label : reporter) : '');
      list.append(
        el('blockquote', { class: e.relation, data: { doc: docId } }, marked(text, trigger)),
        el('cite', { text: cite }),
      );
    }
    details.append(list);
  }

  // ------------------------------------------------------------------ search

  const search = $('search');
  const results = $('results');
  let found = [];
  let active = -1;

  function rank(q) {
    const v = state.view;
    if (!q) return [];
    const out = [];
    for (const n of v.nodes) {
      let score = 9, via = null;
      for (const [key, raw] of n.keys) {
        let s = 9;
        if (key === q) s = 0;
        else if (key.startsWith(q)) s = 1;
        else if (key.includes(' ' + q)) s = 2;
        else if (key.includes(q)) s = 3;
        if (s < score) {
          score = s;
          via = raw;
        }
        if (score === 0) break;
      }
      if (score < 9) out.push({ i: n.index, score, via });
    }
    out.sort((a, b) => a.score - b.score || v.nodes[b.i].wdeg - v.nodes[a.i].wdeg || a.i - b.i);
    return out.slice(0, 12);
  }

  function showResults() {
    const v = state.view;
    results.replaceChildren();
    found.forEach((f, k) => {
      const n = v.nodes[f.i];
      const why = n.kind.replace('_', ' ') +
        (f.via === n.label ? '' : f.via === n.id ? ' \u00b7 id ' + n.id : ' \u00b7 as \u201c' + f.via + '\u201d');
      const li = el('li', {
        role: 'option', id: 'result-' + k, 'aria-selected': k === active ? 'true' : 'false', data: { id: n.id },
      }, [n.label, el('span', { class: 'why', text: why })]);
      li.addEventListener('mousedown', (ev) => ev.preventDefault());
      li.addEventListener('click', () => choose(k));
      results.append(li);
    });
    if (search.value.trim() && found.length === 0) results.append(el('li', { class: 'none', text: 'no actor of that name', 'aria-disabled': 'true' }));
    const open = results.childElementCount > 0;
    results.hidden = !open;
    search.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (active >= 0) search.setAttribute('aria-activedescendant', 'result-' + active);
    else search.removeAttribute('aria-activedescendant');
  }

  function choose(k) {
    const f = found[k];
    if (!f) return;
    results.hidden = true;
    search.setAttribute('aria-expanded', 'false');
    select({ type: 'node', i: f.i }, true);
  }

  search.addEventListener('input', () => {
    const t = performance.now();
    found = rank(fold(search.value));
    lastSearchMs = performance.now() - t;
    active = found.length ? 0 : -1;
    showResults();
  });
  search.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (!found.length) return;
      ev.preventDefault();
      active = (active + (ev.key === 'ArrowDown' ? 1 : found.length - 1)) % found.length;
      showResults();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (!found.length) found = rank(fold(search.value));
      choose(Math.max(active, 0));
    } else if (ev.key === 'Escape') {
      results.hidden = true;
      search.setAttribute('aria-expanded', 'false');
    }
  });
  search.addEventListener('blur', () => {
    results.hidden = true;
    search.setAttribute('aria-expanded', 'false');
  });
  search.addEventListener('focus', () => {
    if (found.length) showResults();
  });

  // ----------------------------------------------------------------- filters

  function buildRelationControls() {
    const box = $('relations');
    for (const r of RELATIONS) {
      const input = el('input', { type: 'checkbox', checked: 'checked', data: { relation: r.name }, id: 'relation-' + r.name });
      input.addEventListener('change', () => {
        state.relOn[r.name] = input.checked;
        refilter();
        showDetails();
        redraw();
      });
      const sample = el('span', { class: 'line-sample', 'aria-hidden': 'true' });
      sample.style.borderTopStyle = r.line;
      sample.style.borderTopColor = r.color;
      const head = el('span', { class: 'arrow', 'aria-hidden': 'true' });
      if (r.directed) {
        head.style.width = '0';
        head.style.height = '0';
        head.style.borderLeft = '8px solid ' + r.color;
        head.style.borderTop = '5px solid transparent';
        head.style.borderBottom = '5px solid transparent';
        head.style.marginLeft = '-3px';
      }
      const how = r.line + ' line' + (r.directed ? ', arrow' : ', no arrow');
      box.append(el('label', { for: 'relation-' + r.name, title: how }, [
        input, sample, head,
        el('span', { class: 'relation-name', text: r.name }),
        el('span', { class: 'relation-count', data: { count: r.name }, 'aria-label': 'edges shown' }),
      ]));
    }
    box.append(el('p', { class: 'note', text: 'support: solid line, arrow to the backed; oppose: dashed, arrow to the opposed; meet: dotted, no arrow.' }));
    if (DATA.include_modal) {
      box.append(el('p', { class: 'note', text: 'Light lines: events that did not happen (planned, denied, cancelled, ...), kept with --include-modal.' }));
    }
  }

  function buildKinds() {
    const list = $('kind-list');
    const present = new Set();
    for (const v of VIEWS) for (const n of v.nodes) present.add(n.kind);
    for (const k of Object.keys(DATA.kinds)) {
      if (!present.has(k)) continue;
      const sw = el('span', { class: 'swatch', 'aria-hidden': 'true' });
      sw.style.background = DATA.kinds[k];
      list.append(el('li', null, [sw, k.replace('_', ' ')]));
    }
  }

  const minWeight = $('min-weight');
  const dateInput = $('date');
  const playButton = $('play');
  let playing = null;

  /* The filters' ranges for the current view; `day` is the date to keep
   * (null: all dates). */
  function setupViewControls(day) {
    const v = state.view;
    minWeight.max = String(v.maxWeight);
    state.minWeight = Math.min(state.minWeight, v.maxWeight);
    minWeight.value = String(state.minWeight);
    minWeight.disabled = v.maxWeight <= 1;
    $('min-weight-value').textContent = String(state.minWeight);
    dateInput.max = String(v.dates.length);
    // the same day, or the last one before it
    let k = v.dates.length;
    if (day !== null) {
      k = 0;
      while (k + 1 < v.dates.length && v.dates[k + 1] <= day) k++;
    }
    state.dateIdx = k;
    dateInput.value = String(state.dateIdx);
    const dated = v.dates.length > 0;
    dateInput.disabled = !dated;
    playButton.disabled = !dated;
    showDate();
  }

  function showDate() {
    const day = currentDate();
    $('date-value').textContent = state.view.dates.length === 0 ? 'the documents are undated' : day === null ? 'all dates' : day;
    dateInput.setAttribute('aria-valuetext', day === null ? 'all dates' : day);
  }

  minWeight.addEventListener('input', () => {
    state.minWeight = Number(minWeight.value);
    $('min-weight-value').textContent = minWeight.value;
    refilter();
    showDetails();
    redraw();
  });

  function setDateIdx(k) {
    state.dateIdx = k;
    dateInput.value = String(k);
    showDate();
    refilter();
    showDetails();
    redraw();
  }

  dateInput.addEventListener('input', () => setDateIdx(Number(dateInput.value)));

  function stopPlaying() {
    if (playing !== null) clearInterval(playing);
    playing = null;
    playButton.textContent = 'Play';
    playButton.setAttribute('aria-pressed', 'false');
  }

  playButton.addEventListener('click', () => {
    if (playing !== null) {
      stopPlaying();
      return;
    }
    const n = state.view.dates.length;
    if (state.dateIdx >= n) setDateIdx(0);
    playButton.textContent = 'Pause';
    playButton.setAttribute('aria-pressed', 'true');
    playing = setInterval(() => {
      if (state.dateIdx >= state.view.dates.length) {
        stopPlaying();
        return;
      }
      setDateIdx(state.dateIdx + 1);
    }, 800);
  });

  $('isolated').addEventListener('change', (ev) => {
    state.showIsolated = ev.target.checked;
    refilter();
    redraw();
  });

  function setLevel(level) {
    const next = VIEWS.find((v) => v.level === level);
    if (!next || next === state.view) return;
    const old = state.view;
    const day = currentDate();
    let sel = null;
    if (state.sel && state.sel.type === 'node') {
      const n = old.nodes[state.sel.i];
      const i = next.byId.has(n.id) ? next.byId.get(n.id) : next.byId.get(n.affiliation);
      if (i !== undefined) sel = { type: 'node', i };
    }
    state.view = next;
    state.hover = null;
    setupViewControls(day);
    found = rank(fold(search.value));
    active = found.length ? 0 : -1;
    select(sel, false);
  }

  for (const input of document.querySelectorAll('input[name=level]')) {
    input.addEventListener('change', () => {
      if (input.checked) setLevel(input.value);
    });
    const offered = VIEWS.some((v) => v.level === input.value);
    input.disabled = !offered;
    input.checked = input.value === state.view.level;
  }
  if (VIEWS.length === 1) {
    $('level-note').textContent = state.view.level === 'faction'
      ? 'The graph was built at the faction level.'
      : 'No person here has a faction in the graph.';
  }

  // --------------------------------------------------------------- start up

  buildRelationControls();
  buildKinds();
  setupViewControls(null);
  refilter();
  showDetails();
  new ResizeObserver(resize).observe(canvas.parentElement);
  resize();
  const T_READY = performance.now();

  function edgeInfo(i) {
    const v = state.view;
    const e = v.edges[i];
    return { source: v.nodes[e.source].id, target: v.nodes[e.target].id, relation: e.relation, weight: edgeW[i] || e.weight };
  }

  function client(px, py) {
    const r = canvas.getBoundingClientRect();
    return { x: r.left + px, y: r.top + py };
  }

  /* A read-only window into the page, for tests and the curious. */
  Object.defineProperty(window, '__actorgraph', {
    value: Object.freeze({
      generator: DATA.generator,
      level: () => state.view.level,
      levels: () => VIEWS.map((v) => v.level),
      visibleEdges: () => shownEdges.map(edgeInfo),
      visibleNodes: () => state.view.nodes.filter((n) => nodeShown[n.index]).map((n) => n.id),
      selected: () => {
        if (!state.sel) return null;
        if (state.sel.type === 'node') return { type: 'node', id: state.view.nodes[state.sel.i].id };
        return Object.assign({ type: 'edge' }, edgeInfo(state.sel.i));
      },
      /* Where a click lands on the actor: page coordinates, or null. */
      nodePoint: (id) => {
        const i = state.view.byId.get(id);
        if (i === undefined || !nodeShown[i]) return null;
        const n = state.view.nodes[i];
        return client(sx(n.x), sy(n.y));
      },
      /* A point of the drawn edge where a click picks this edge, or null. */
      edgePoint: (source, relation, target) => {
        const v = state.view;
        for (const i of shownEdges) {
          const e = v.edges[i];
          if (v.nodes[e.source].id !== source || v.nodes[e.target].id !== target || e.relation !== relation) continue;
          const g = geometry(e);
          for (let s = 1; s < 20; s++) {
            const t = 0.5 + (s % 2 ? 1 : -1) * Math.floor(s / 2) * 0.04;
            const u = 1 - t;
            const x = u * u * g.x0 + 2 * u * t * g.cx + t * t * g.x1;
            const y = u * u * g.y0 + 2 * u * t * g.cy + t * t * g.y1;
            if (x < 0 || y < 0 || x > W || y > H) continue;
            const hit = hitAt(x, y);
            if (hit && hit.type === 'edge' && hit.i === i) return client(x, y);
          }
        }
        return null;
      },
      /* Draw now; the time it took, in milliseconds. */
      drawNow: () => {
        sceneDirty = true;
        draw();
        return lastDrawMs;
      },
      /* Milliseconds: parsing the data, the script's start to the first
       * picture, the last full draw, the last search (ranking the actors
       * for what is typed), the last selection (filters and panel). */
      timings: () => ({
        parse: T_PARSED - T0, ready: T_READY - T0, lastDraw: lastDrawMs,
        lastSearch: lastSearchMs, lastSelect: lastSelectMs,
      }),
    }),
    writable: false,
    configurable: false,
  });
  document.documentElement.dataset.ready = 'true';
})();
