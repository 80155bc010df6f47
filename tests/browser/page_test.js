// The browser half of tests/html.rs: Debian's chromium, driven by
// playwright-core (no browser of Playwright's own is ever downloaded),
// opens an actorgraph page from disk with every network request refused,
// plays a scenario, and prints what it saw as one JSON object. The Rust
// test checks the report; the asserts here stop a scenario where going on
// makes no sense.
//
//   node page_test.js seeds PAGE.html SHOT.png
//   node page_test.js xss PAGE.html SHOT.png
//   node page_test.js dated PAGE.html SHOT.png
//   node page_test.js big PAGE.html SHOT.png QUERY EXPECTED_ID
//   node page_test.js screenshot PAGE.html SHOT.png [QUERY|- [WIDTH HEIGHT]]
//
// CHROMIUM names the browser (default /usr/bin/chromium).
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { chromium } = require('playwright-core');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function open(file, viewport) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'actorgraph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: viewport || { width: 1400, height: 860 },
    offline: true,
  });
  const seen = { requests: [], refused: [], errors: [], console: [] };
  // every request is logged; any that is not a file of the disk is refused
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    seen.refused.push(url);
    return route.abort();
  });
  context.on('request', (r) => seen.requests.push(r.url()));
  const page = context.pages()[0] || (await context.newPage());
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') seen.console.push(m.type() + ': ' + m.text());
  });
  const url = pathToFileURL(path.resolve(file)).href;
  const start = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 60000 });
  const loadMs = Date.now() - start;
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { page, seen, url, loadMs, close };
}

const hook = (page, expr) => page.evaluate(expr);

async function find(page, text) {
  await page.click('#search');
  await page.fill('#search', '');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  return hook(page, () => window.__actorgraph.selected());
}

const ids = (page, section) =>
  page.$$eval('[data-section="' + section + '"] li[data-id]', (els) => els.map((e) => e.dataset.id));

async function clickEdge(page, source, relation, target) {
  const at = await page.evaluate(([s, r, t]) => window.__actorgraph.edgePoint(s, r, t), [source, relation, target]);
  assert.ok(at, 'no clickable point on ' + source + ' ' + relation + ' ' + target);
  await page.mouse.click(at.x, at.y);
  return {
    selected: await hook(page, () => window.__actorgraph.selected()),
    evidence: await page.$$eval('#evidence blockquote', (els) => els.map((e) => e.textContent)),
    cites: await page.$$eval('#evidence cite', (els) => els.map((e) => e.textContent)),
  };
}

async function seeds(file, shot) {
  const { page, seen, url, loadMs, close } = await open(file);
  const report = { url, loadMs };
  report.levels = await hook(page, () => window.__actorgraph.levels());
  report.edgesAtStart = await hook(page, () => window.__actorgraph.visibleEdges());

  // search by a surface that is not the label
  report.hifter = await find(page, 'Hifter');
  report.backers = await ids(page, 'backers');
  report.panelTitle = await page.textContent('#selected-title');
  await page.screenshot({ path: shot.replace(/\.png$/, '-selected.png') });

  // an edge: its evidence sentences
  report.edge = await clickEdge(page, 'egypt', 'support', 'khalifa_haftar');

  // the keyboard reaches the filters: untick meet with the space bar
  report.meetBefore = report.edgesAtStart.filter((e) => e.relation === 'meet').length;
  await page.focus('#relation-meet');
  await page.keyboard.press('Space');
  report.meetChecked = await page.isChecked('#relation-meet');
  report.edgesWithoutMeet = await hook(page, () => window.__actorgraph.visibleEdges());

  // minimum weight 2, with the arrow key
  await page.focus('#min-weight');
  await page.keyboard.press('ArrowRight');
  report.minWeight = await page.inputValue('#min-weight');
  report.edgesHeavy = await hook(page, () => window.__actorgraph.visibleEdges());
  await page.keyboard.press('ArrowLeft');
  await page.focus('#relation-meet');
  await page.keyboard.press('Space');

  // the faction level: Lavrov is Russia there
  await page.check('input[name=level][value=faction]');
  report.level = await hook(page, () => window.__actorgraph.level());
  report.lavrov = await find(page, 'Sergey Lavrov');
  report.dateDisabled = await page.isDisabled('#date');
  await page.check('input[name=level][value=actor]');
  await find(page, 'Hifter');
  await page.screenshot({ path: shot });
  Object.assign(report, seen);
  await close();
  return report;
}

const HOSTILE = [
  '</script><script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  'javascript:window.__pwned=1',
];

async function xss(file, shot) {
  const { page, seen, url, close } = await open(file);
  const report = { url };
  report.selected = await find(page, 'Script Front');
  report.panel = await page.textContent('#details');
  report.edge = await clickEdge(page, 'script_front', 'support', 'img_brigade');
  // hover every node: tooltips are text too
  for (const id of await hook(page, () => window.__actorgraph.visibleNodes())) {
    const at = await page.evaluate((x) => window.__actorgraph.nodePoint(x), id);
    if (at) await page.mouse.move(at.x, at.y);
  }
  report.tooltip = await page.textContent('#tooltip');
  // and the search list
  await page.click('#search');
  await page.fill('#search', '');
  await page.keyboard.type('script');
  report.results = await page.textContent('#results');
  report.text = await page.evaluate(() => document.body.innerText);
  report.pwned = await page.evaluate(() => typeof window.__pwned);
  report.scripts = await page.evaluate(() => document.scripts.length);
  report.images = await page.evaluate(() => document.images.length);
  report.links = await page.$$eval('a[href], [src]', (els) => els.map((e) => e.outerHTML));
  await page.screenshot({ path: shot });
  Object.assign(report, seen);
  report.hostile = HOSTILE;
  await close();
  return report;
}

async function dated(file, shot) {
  const { page, seen, url, close } = await open(file);
  const report = { url, steps: [] };
  const max = Number(await page.getAttribute('#date', 'max'));
  await page.focus('#date');
  await page.keyboard.press('Home');
  for (let k = 0; k <= max; k++) {
    report.steps.push({
      date: await page.textContent('#date-value'),
      edges: (await hook(page, () => window.__actorgraph.visibleEdges())).map((e) => e.source + ' ' + e.relation + ' ' + e.target + ' ' + e.weight),
    });
    await page.keyboard.press('ArrowRight');
  }
  // the day stays when the level changes
  await page.focus('#date');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.check('input[name=level][value=faction]');
  report.faction = {
    date: await page.textContent('#date-value'),
    edges: (await hook(page, () => window.__actorgraph.visibleEdges())).map((e) => e.source + ' ' + e.relation + ' ' + e.target + ' ' + e.weight),
  };
  await page.check('input[name=level][value=actor]');
  // play, from all dates, replays from the first date to all dates
  await page.focus('#date');
  await page.keyboard.press('End');
  await page.click('#play');
  report.playing = await page.getAttribute('#play', 'aria-pressed');
  report.firstPlayed = await page.textContent('#date-value');
  await page.waitForFunction(() => document.getElementById('play').getAttribute('aria-pressed') === 'false', null, { timeout: 20000 });
  report.lastPlayed = await page.textContent('#date-value');
  await page.screenshot({ path: shot });
  Object.assign(report, seen);
  await close();
  return report;
}

async function big(file, shot, query, expected) {
  const { page, seen, url, loadMs, close } = await open(file);
  const report = { url, loadMs };
  report.timings = await hook(page, () => window.__actorgraph.timings());
  report.nodes = (await hook(page, () => window.__actorgraph.visibleNodes())).length;
  report.edges = (await hook(page, () => window.__actorgraph.visibleEdges())).length;
  const draws = [];
  for (let k = 0; k < 5; k++) draws.push(await hook(page, () => window.__actorgraph.drawNow()));
  report.drawMs = draws;
  const t = Date.now();
  report.selected = await find(page, query);
  await page.waitForSelector('#selected-title');
  report.searchMs = Date.now() - t;
  report.afterSearch = await hook(page, () => window.__actorgraph.timings());
  report.expected = expected;
  // a hover and a click over the full graph
  const t2 = Date.now();
  await page.mouse.move(700, 430);
  await page.mouse.click(700, 430);
  report.clickMs = Date.now() - t2;
  await page.check('input[name=level][value=faction]');
  report.factionEdges = (await hook(page, () => window.__actorgraph.visibleEdges())).length;
  await page.screenshot({ path: shot });
  Object.assign(report, seen);
  await close();
  return report;
}

async function screenshot(file, shot, query, width, height) {
  const viewport = { width: Number(width) || 1400, height: Number(height) || 860 };
  const { page, seen, close } = await open(file, viewport);
  if (query && query !== '-') {
    // the actor selected, the whole graph in view
    await find(page, query);
    await page.click('#fit');
  }
  await page.screenshot({ path: shot });
  await close();
  return seen;
}

async function main() {
  const [mode, file, shot, ...rest] = process.argv.slice(2);
  assert.ok(mode && file && shot, 'usage: node page_test.js MODE PAGE.html SHOT.png ...');
  fs.mkdirSync(path.dirname(path.resolve(shot)), { recursive: true });
  const run = { seeds, xss, dated, big, screenshot }[mode];
  assert.ok(run, 'unknown mode ' + mode);
  const report = await run(file, shot, ...rest);
  process.stdout.write(JSON.stringify(report) + '\n');
}

main().catch((e) => {
  process.stderr.write(String((e && e.stack) || e) + '\n');
  process.exit(1);
});
