// The benchmark: what a visitor feels, measured in headless Chromium on dist/.
//
//   node scripts/bench.mjs [--quick] [--only china,world,synthetic-100k] [--out FILE.json]
//
// (`make bench` builds the release bundle and the synthetic dataset first.) For each dataset
// (the China set, the 26,000-pair world set, a 100,000-pair labelled synthetic set) it prints
// the median and p95 of:
//   - load → first full paint (navigation start → map with basemap, arcs and markers; and data
//     parsed → that paint), cold cache, several fresh browser contexts;
//   - filter change → everything repainted (headline, map), ≥ 100 varied changes made by
//     clicking the filter checkboxes, timed in the page from the click to the map frame;
//   - pan/zoom frame time over a scripted gesture (draw time per frame and rAF interval);
//   - JS heap and wasm memory after load and after 1,000 filter changes (after a GC);
// and, once, the first view's transfer per file (raw, gzip, brotli). Budgets from issue 10 are
// printed beside the figures. Results are written as JSON too.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch, ROOT, DIST } from '../tests/e2e/harness.mjs';
import { buildPeer, interactionToNextPaint, peerFirstPaint } from './bench-peer.mjs';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const OUT = args.includes('--out') ? args[args.indexOf('--out') + 1] : path.join(ROOT, 'bench/out/results.json');
const SYNTHETIC = path.join(ROOT, 'bench/out/synthetic-100k.json');

const RUNS = QUICK ? 3 : 7; // cold loads per dataset
const FILTER_CHANGES = QUICK ? 100 : 160;
const LEAK_CHANGES = QUICK ? 300 : 1000;
// At 0.2-1 s per change on 100,000 pairs, 1000 changes would take a quarter of an hour.
const leakChanges = (dataset) => (dataset.name === 'synthetic-100k' ? Math.round(LEAK_CHANGES / 5) : LEAK_CHANGES);
const GESTURE_FRAMES = 120;
const INTERACTIONS = QUICK ? 40 : 100; // real clicks per page for interaction to next paint
const PEER_DIR = path.join(ROOT, 'bench/out/peer');
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;

const DATASETS = [
  { name: 'china', query: '', budget: { paint: 250, filter: 16, frame: 16 } },
  { name: 'world', query: 'data=data/world.json', budget: { paint: 1000, filter: 50, frame: 33 } },
  { name: 'synthetic-100k', query: 'data=bench/synthetic.json', budget: { paint: null, filter: 100, frame: null } },
];

const quantile = (values, q) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
};
const stats = (values) => ({ n: values.length, p50: quantile(values, 0.5), p95: quantile(values, 0.95), max: Math.max(...values) });

async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__ycEntries = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__ycEntries.push({ name: e.name, type: e.entryType, start: e.startTime, duration: e.duration });
    }).observe({ entryTypes: ['mark', 'measure'] });
  });
  return { context, page };
}

/** Waits for the first complete map frame; returns the timings from the page's marks. */
async function firstPaint(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.__ycEntries.some((e) => e.name === 'yc-first-map-paint'), null, { timeout: 120000 });
  return page.evaluate(() => {
    const find = (n) => window.__ycEntries.find((e) => e.name === n);
    const paint = find('yc-first-map-paint').start;
    const data = find('yc-data-loaded');
    return { navToPaint: paint, dataToPaint: data ? paint - data.start : NaN, navToData: data ? data.start : NaN };
  });
}

/** Clicks filter checkboxes in the page, each timed from the click to the next map frame. */
async function filterChanges(page, count) {
  return page.evaluate(async (count) => {
    // Only values with pairs: a click on an empty value draws nothing new (no frame to time).
    const empty = (b) => b.closest('label').classList.contains('empty') || /\(0\)\s*$/.test(b.closest('label').textContent);
    const boxes = [...document.querySelectorAll('[data-testid="filters"] input[type="checkbox"]')].filter((b) => !empty(b));
    const nextPaint = (after) => new Promise((resolve) => {
      const check = () => {
        const e = window.__ycEntries.findLast((x) => x.name === 'yc-paint');
        if (e && e.start > after) resolve(e.start);
        else if (performance.now() - after > 5000) resolve(NaN);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    const times = [];
    let missed = 0;
    let on = [];
    for (let i = 0; times.length < count && i < count * 4; i += 1) {
      // Alternate adding a value and removing the oldest one, so the selection keeps changing.
      let box;
      if (on.length >= 2 || (on.length > 0 && i % 3 === 2)) box = on.shift();
      else {
        const free = boxes.filter((b) => !b.checked && !empty(b));
        box = free[(i * 7) % Math.max(1, free.length)];
        if (!box) { box = on.shift(); }
        else on.push(box);
      }
      if (!box) break;
      const t0 = performance.now();
      box.click();
      const t1 = await nextPaint(t0);
      if (Number.isFinite(t1)) times.push(t1 - t0);
      else if (++missed >= 3) break; // three clicks without a frame: stop rather than wait on
      if (window.__ycEntries.length > 5000) window.__ycEntries.splice(0, 4000);
    }
    for (const b of on) b.click();
    return times;
  }, count);
}

/** A pan-and-zoom gesture: wheel and drag events, one per frame; returns draw times and frame intervals. */
async function gesture(page, frames) {
  return page.evaluate(async (frames) => {
    const canvas = document.querySelector('[data-testid="map"] canvas');
    const rect = canvas.getBoundingClientRect();
    const cx = rect.left + rect.width / 2;
    const cy = rect.top + rect.height / 2;
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    await frame();
    const startIndex = window.__ycEntries.length;
    const stamps = [];
    let down = false;
    for (let i = 0; i < frames; i += 1) {
      const phase = Math.floor(i / 30) % 4;
      if (phase === 0 || phase === 2) {
        const deltaY = phase === 0 ? -40 : 40;
        canvas.parentElement.dispatchEvent(new WheelEvent('wheel', { deltaY, clientX: cx + 40, clientY: cy - 20, bubbles: true, cancelable: true }));
      } else {
        const x = cx + Math.sin(i / 5) * 120;
        const y = cy + Math.cos(i / 7) * 60;
        if (!down) {
          canvas.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 7, clientX: x, clientY: y, bubbles: true, isPrimary: true }));
          down = true;
        }
        canvas.dispatchEvent(new PointerEvent('pointermove', { pointerId: 7, clientX: x + 10, clientY: y + 5, bubbles: true, isPrimary: true }));
        if (i % 30 === 29) {
          canvas.dispatchEvent(new PointerEvent('pointerup', { pointerId: 7, clientX: x, clientY: y, bubbles: true, isPrimary: true }));
          down = false;
        }
      }
      stamps.push(await frame());
    }
    await frame();
    const draws = window.__ycEntries.slice(startIndex).filter((e) => e.name === 'yc-draw').map((e) => e.duration);
    const intervals = stamps.slice(1).map((t, i) => t - stamps[i]);
    return { draws, intervals };
  }, frames);
}

/**
 * Youcheng beside the ECharts peer on the China set, in one run: alternating cold loads
 * (load → first full paint), interaction to next paint for real clicks on filter checkboxes
 * (Event Timing), and first-view transfer.
 */
async function peerComparison(browser, server, peerServer, peerFiles) {
  const ours = [];
  const theirs = [];
  for (let i = 0; i < RUNS; i += 1) {
    for (const side of i % 2 === 0 ? ['ours', 'peer'] : ['peer', 'ours']) {
      const { context, page } = await newPage(browser);
      if (side === 'ours') ours.push((await firstPaint(page, server.url)).navToPaint);
      else theirs.push(await peerFirstPaint(page, peerServer.url));
      await context.close();
    }
  }
  const inp = {};
  for (const [side, url, selector, ready] of [
    ['ours', server.url, '[data-testid="filters"] input[type="checkbox"]:visible', (p) => firstPaint(p, server.url)],
    ['peer', peerServer.url, '#peer-filters input[type="checkbox"]', (p) => peerFirstPaint(p, peerServer.url)],
  ]) {
    const { context, page } = await newPage(browser);
    await ready(page, url);
    await page.waitForTimeout(500);
    inp[side] = stats(await interactionToNextPaint(page, selector, INTERACTIONS));
    await context.close();
  }
  const peerTransfer = transfer(PEER_DIR, peerFiles).reduce((s, r) => s + r.brotli, 0);
  return { load: { ours: stats(ours), peer: stats(theirs) }, inp, peerTransfer };
}

/** JS heap (after a forced GC) and wasm memory, in bytes. */
async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__youchengWasmMemory?.buffer.byteLength ?? NaN);
  return { jsHeap: usedSize, wasm };
}

function transfer(dir, files) {
  return files.map((rel) => {
    const bytes = fs.readFileSync(path.join(dir, rel));
    return {
      file: rel,
      raw: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
    };
  });
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `make build` first');
  if (!fs.existsSync(SYNTHETIC)) throw new Error(`${SYNTHETIC} is missing: run youcheng-data synthetic 100000 7 ${SYNTHETIC}`);
  const synthetic = fs.readFileSync(SYNTHETIC);
  const server = await serve(DIST, {
    routes: {
      '/bench/synthetic.json': (req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(synthetic); },
    },
  });
  const peerFiles = buildPeer(PEER_DIR);
  const peerServer = await serve(PEER_DIR);
  const browser = await launch();
  const results = { date: new Date().toISOString(), machine: `${process.platform} ${process.arch}, ${(await import('node:os')).cpus().length} cores`, datasets: {} };
  try {
    // Transfer of the first view (China set, default view).
    {
      const { context, page } = await newPage(browser);
      const before = server.requests.length;
      await firstPaint(page, server.url);
      await page.waitForTimeout(500);
      const files = [...new Set(server.requests.slice(before).map((r) => r.replace(/^\//, '') || 'index.html'))]
        .filter((f) => fs.existsSync(path.join(DIST, f)) && !fs.statSync(path.join(DIST, f)).isDirectory());
      const rows = transfer(DIST, files);
      const total = rows.reduce((s, r) => ({ raw: s.raw + r.raw, gzip: s.gzip + r.gzip, brotli: s.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
      results.transfer = { files: rows, total };
      await context.close();
    }
    if (!ONLY || ONLY.includes('china')) {
      results.peer = await peerComparison(browser, server, peerServer, peerFiles);
      process.stderr.write('bench: beside the peer done\n');
    }
    for (const dataset of DATASETS.filter((d) => !ONLY || ONLY.includes(d.name))) {
      const url = `${server.url}${dataset.query ? `?${dataset.query}` : ''}`;
      const out = { query: dataset.query, budget: dataset.budget };
      const paints = [];
      for (let i = 0; i < RUNS; i += 1) {
        const { context, page } = await newPage(browser);
        paints.push(await firstPaint(page, url));
        await context.close();
      }
      out.navToPaint = stats(paints.map((p) => p.navToPaint));
      out.dataToPaint = stats(paints.map((p) => p.dataToPaint));
      out.navToData = stats(paints.map((p) => p.navToData));

      const { context, page } = await newPage(browser);
      const cdp = await context.newCDPSession(page);
      await firstPaint(page, url);
      await page.waitForTimeout(300);
      const filter = [];
      for (let r = 0; r < 2; r += 1) filter.push(...await filterChanges(page, FILTER_CHANGES / 2));
      out.filter = stats(filter);
      const frames = { draws: [], intervals: [] };
      for (let r = 0; r < 2; r += 1) {
        await page.evaluate(() => document.querySelector('[data-testid="map"]').focus());
        await page.keyboard.press('0');
        const g = await gesture(page, GESTURE_FRAMES);
        frames.draws.push(...g.draws);
        frames.intervals.push(...g.intervals);
      }
      out.frameDraw = stats(frames.draws);
      out.frameInterval = stats(frames.intervals);
      await page.keyboard.press('0');
      const memBefore = await memory(page, cdp);
      await filterChanges(page, leakChanges(dataset));
      const memAfter = await memory(page, cdp);
      // A second round tells a cache that fills once (flat from here) from a leak (grows again).
      await filterChanges(page, leakChanges(dataset));
      const memAfter2 = await memory(page, cdp);
      out.memory = { afterLoad: memBefore, afterChanges: memAfter, afterMoreChanges: memAfter2, changes: leakChanges(dataset),
        jsHeapGrowth: (memAfter.jsHeap - memBefore.jsHeap) / memBefore.jsHeap,
        wasmGrowth: (memAfter.wasm - memBefore.wasm) / memBefore.wasm,
        wasmGrowthSecondRound: (memAfter2.wasm - memAfter.wasm) / memAfter.wasm };
      await context.close();
      results.datasets[dataset.name] = out;
      process.stderr.write(`bench: ${dataset.name} done\n`);
    }
  } finally {
    await browser.close();
    await server.close();
    await peerServer.close();
  }

  // Print.
  const lines = [];
  const t = results.transfer;
  lines.push('First view transfer (China set, default view)');
  lines.push(`  ${'file'.padEnd(46)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
  for (const r of t.files) lines.push(`  ${r.file.padEnd(46)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)} ${kb(r.brotli).padStart(10)}`);
  const wasm = t.files.find((r) => r.file.endsWith('.wasm'));
  lines.push(`  ${'total'.padEnd(46)} ${kb(t.total.raw).padStart(10)} ${kb(t.total.gzip).padStart(10)} ${kb(t.total.brotli).padStart(10)}   budget ≤ 450 KB brotli: ${t.total.brotli <= 450 * 1024 ? 'met' : 'MISSED'}`);
  if (wasm) lines.push(`  wasm ${kb(wasm.brotli)} brotli   budget ≤ 300 KB: ${wasm.brotli <= 300 * 1024 ? 'met' : 'MISSED'}`);
  lines.push('');
  lines.push(`${'figure'.padEnd(40)} ${'dataset'.padEnd(16)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'n'.padStart(5)}  budget`);
  // Budgets: load → paint on the median; filter and frame figures on the p95.
  const row = (label, name, s, budget, on) => {
    const value = on === 'median' ? s.p50 : s.p95;
    const verdict = budget == null ? '' : `${budget} ms (${on}): ${value <= budget ? 'met' : `MISSED by ${(value - budget).toFixed(1)} ms`}`;
    lines.push(`${label.padEnd(40)} ${name.padEnd(16)} ${ms(s.p50).padStart(10)} ${ms(s.p95).padStart(10)} ${String(s.n).padStart(5)}  ${verdict}`);
  };
  const pct = (x) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`;
  for (const [name, d] of Object.entries(results.datasets)) {
    row('load → first full map paint', name, d.navToPaint, d.budget.paint, 'median');
    // Issue 4's map budget: first map paint ≤ 150 ms after the data is loaded (China set).
    row('data parsed → first full map paint', name, d.dataToPaint, name === 'china' ? 150 : null, 'median');
    row('filter change → repainted', name, d.filter, d.budget.filter, 'p95');
    row('pan/zoom: draw time per frame', name, d.frameDraw, d.budget.frame, 'p95');
    row('pan/zoom: frame interval (rAF)', name, d.frameInterval, null);
    const m = d.memory;
    // A leak is growth; the JS heap may shrink after garbage collection.
    const ok = m.jsHeapGrowth <= 0.05 && m.wasmGrowth <= 0.05;
    lines.push(`${'memory: after load → after changes'.padEnd(40)} ${name.padEnd(16)} JS heap ${mb(m.afterLoad.jsHeap)} → ${mb(m.afterChanges.jsHeap)} (${pct(m.jsHeapGrowth)}), wasm ${mb(m.afterLoad.wasm)} → ${mb(m.afterChanges.wasm)} (${pct(m.wasmGrowth)}) over ${m.changes} changes; budget ≤ +5%: ${ok ? 'met' : 'MISSED'}`);
    lines.push(`${'memory: a second round of changes'.padEnd(40)} ${name.padEnd(16)} JS heap ${mb(m.afterMoreChanges.jsHeap)}, wasm ${mb(m.afterMoreChanges.wasm)} (${pct(m.wasmGrowthSecondRound)}) after ${m.changes} more`);
  }
  if (results.peer) {
    const p = results.peer;
    const ratio = (a, b) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '—');
    lines.push('');
    lines.push('Beside the peer (ECharts 6 geo + lines + bar chart, same China data and outlines, same run)');
    lines.push(`  ${''.padEnd(52)} ${'Youcheng'.padStart(10)} ${'ECharts'.padStart(10)} ${'ratio'.padStart(7)}  target`);
    const cmp = (label, a, b, target) => lines.push(`  ${label.padEnd(52)} ${a.padStart(10)} ${b.padStart(10)} ${target[0].padStart(7)}  ${target[1]}`);
    const loadRatio = p.load.ours.p50 / p.load.peer.p50;
    cmp(`load → first full paint, median of ${p.load.ours.n}`, ms(p.load.ours.p50), ms(p.load.peer.p50), [ratio(p.load.ours.p50, p.load.peer.p50), `≤ 0.50×: ${loadRatio <= 0.5 ? 'met' : 'MISSED'}`]);
    const inpRatio = p.inp.ours.p95 / p.inp.peer.p95;
    cmp(`interaction to next paint, real clicks, p50 (n=${p.inp.ours.n})`, ms(p.inp.ours.p50), ms(p.inp.peer.p50), [ratio(p.inp.ours.p50, p.inp.peer.p50), '']);
    cmp('interaction to next paint, real clicks, p95', ms(p.inp.ours.p95), ms(p.inp.peer.p95), [ratio(p.inp.ours.p95, p.inp.peer.p95), `≤ 0.50× and ≤ 32 ms: ${inpRatio <= 0.5 && p.inp.ours.p95 <= 32 ? 'met' : 'MISSED'}`]);
    cmp('first-view transfer, brotli', kb(t.total.brotli), kb(p.peerTransfer), [ratio(t.total.brotli, p.peerTransfer), `≤ 450 KB: ${t.total.brotli <= 450 * 1024 ? 'met' : 'MISSED'}`]);
    lines.push('  (interactions under the browser\'s 16 ms Event Timing threshold report no entry and count as 16 ms)');
  }
  const text = lines.join('\n');
  console.log(text);
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(results, null, 2));
  fs.writeFileSync(OUT.replace(/\.json$/, '.txt'), `${text}\n`);
  console.log(`\nwritten: ${path.relative(ROOT, OUT)} and .txt`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
