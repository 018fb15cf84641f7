// The device profiles of `make bench` (a laptop and an emulated phone) and what the bench measures
// under each, for Youcheng and for the ECharts peer page alike (scripts/bench-peer.mjs):
//
//   - cold loads: load → first full map paint, largest contentful paint, Youcheng's wasm ready and
//     data parsed, the first view's transfer (bytes on the wire, by Resource Timing) and the part
//     of it that arrived before the first full map paint, cumulative layout shift;
//   - first interaction: a filter clicked (laptop) or tapped (phone) as soon as it is on screen
//     during a cold load, to its next paint (Event Timing);
//   - interaction to next paint (Event Timing) for real clicks or taps: zoom steps, reset, filter
//     toggles, choosing a place from the search; and the longest task meanwhile.
//
// The phone is Chromium's own emulation, set through the DevTools protocol before navigation:
// a 390 × 844 CSS px touch screen at device scale factor 3, the main thread slowed 4×
// (Emulation.setCPUThrottlingRate), and the network throttled by DevTools' request throttling
// (Network.emulateNetworkConditions: 150 ms added before each response's headers, 9 Mbit/s down
// and 3 Mbit/s up shared by all requests), with the HTTP cache disabled; its server sends
// brotli (quality 11) as a production host would. The laptop is the bench's earlier setting
// (1400 × 900, no throttling, loopback, files sent as they are, a fresh context per load), so
// its figures stay comparable with the README's earlier ones.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { ROOT, TYPES } from '../tests/e2e/harness.mjs';

export const PROFILES = {
  laptop: {
    name: 'laptop',
    describe: '1400 × 900, no throttling, loopback, files sent uncompressed',
    context: { viewport: { width: 1400, height: 900 } },
    cpu: 1,
    network: null,
    cacheDisabled: false, // a fresh context per load has an empty cache (as before)
    brotli: false,
    touch: false,
    settle: 150, // ms after each click before the next (as the earlier bench)
    timeout: 60000,
  },
  phone: {
    name: 'phone',
    describe: '390 × 844 @3×, touch, CPU 4× slower, 9 Mbit/s down / 3 up, 150 ms latency, brotli',
    context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    cpu: 4,
    network: { latency: 150, downloadThroughput: 9e6 / 8, uploadThroughput: 3e6 / 8, connectionType: 'cellular4g' },
    cacheDisabled: true,
    brotli: true,
    touch: true,
    settle: 600, // a person's pace between taps; the slowed main thread needs it to finish
    timeout: 120000,
  },
};

// ---------------------------------------------------------------------------------------------
// A static server that sends brotli, as a production host would.

const COMPRESSED = /^(text\/|application\/(javascript|json|wasm|geo\+json|manifest\+json)|image\/svg\+xml)/;
const CACHE_DIR = path.join(ROOT, 'bench/out/brotli-cache');

/** Brotli quality 11 of `bytes`, kept on disk by content hash (compressed once across runs). */
async function brotli(bytes) {
  const hash = crypto.createHash('sha256').update(bytes).digest('hex');
  const cached = path.join(CACHE_DIR, `${hash}.br`);
  if (fs.existsSync(cached)) return fs.readFileSync(cached);
  const out = await new Promise((resolve, reject) => zlib.brotliCompress(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_GENERIC,
    },
  }, (error, result) => (error ? reject(error) : resolve(result))));
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  fs.writeFileSync(`${cached}.tmp`, out);
  fs.renameSync(`${cached}.tmp`, cached);
  return out;
}

/**
 * Serves `dir` on 127.0.0.1 with `Content-Encoding: br` for text, JSON, JS, CSS, SVG and wasm
 * when the browser accepts it (Chromium does on 127.0.0.1), with a Content-Length as a host
 * sends for a precompressed file. `precompress(files)` compresses files ahead of the measured
 * loads. `identity` counts responses sent uncompressed because the browser did not ask for br.
 */
export async function serveBrotli(dir) {
  const memo = new Map(); // file → Promise<{ mtimeMs, size, br }>
  const encoded = (file) => {
    const st = fs.statSync(file);
    const hit = memo.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.br;
    const br = brotli(fs.readFileSync(file));
    memo.set(file, { mtimeMs: st.mtimeMs, size: st.size, br });
    return br;
  };
  const stats = { identity: 0, br: 0 };
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let rel = decodeURIComponent(url.pathname.slice(1));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = path.join(dir, rel);
      if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const type = TYPES[path.extname(file)] || 'application/octet-stream';
      const headers = { 'content-type': type, 'cache-control': 'no-cache', vary: 'accept-encoding' };
      const accepts = /\bbr\b/.test(req.headers['accept-encoding'] || '');
      let body;
      if (COMPRESSED.test(type) && accepts) {
        body = await encoded(file);
        headers['content-encoding'] = 'br';
        stats.br += 1;
      } else {
        body = fs.readFileSync(file);
        if (COMPRESSED.test(type)) stats.identity += 1;
      }
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    stats,
    precompress: (files) => Promise.all(files.map((f) => path.join(dir, f))
      .filter((f) => fs.existsSync(f) && COMPRESSED.test(TYPES[path.extname(f)] || '')).map(encoded)),
    close: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }),
  };
}

// ---------------------------------------------------------------------------------------------
// A page under a profile, with the browser's performance entries collected from the start.

/** Runs in the page before any of its scripts: keeps the entries the bench reads. */
function observeEntries() {
  if (window !== window.top) return;
  try { performance.setResourceTimingBufferSize(2000); } catch (_) { /* older browsers */ }
  const S = { first: {}, marks: [], lcp: [], shifts: [], events: [], longtasks: [], inputs: [], unsupported: [] };
  window.__bench = S;
  const describe = (el) => {
    if (!el || !el.tagName) return null;
    const id = el.id ? `#${el.id}` : '';
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `${el.tagName.toLowerCase()}${id}${cls} "${(el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
  };
  const watch = (type, keep, options = {}) => {
    try {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) keep(e); })
        .observe({ type, buffered: true, ...options });
    } catch (_) { S.unsupported.push(type); }
  };
  watch('mark', (e) => {
    if (!(e.name in S.first)) S.first[e.name] = e.startTime;
    S.marks.push({ name: e.name, start: e.startTime });
    if (S.marks.length > 3000) S.marks.splice(0, 2000);
  });
  watch('largest-contentful-paint', (e) => S.lcp.push({ start: e.startTime, size: e.size, element: describe(e.element), url: e.url || null }));
  watch('layout-shift', (e) => S.shifts.push({
    start: e.startTime, value: e.value, input: e.hadRecentInput,
    source: describe((e.sources || []).map((s) => s.node).find(Boolean)),
  }));
  const event = (first) => (e) => S.events.push({
    id: e.interactionId || 0, name: e.name, start: e.startTime, duration: e.duration,
    processingStart: e.processingStart, processingEnd: e.processingEnd, first,
  });
  watch('event', event(false), { durationThreshold: 16 });
  watch('first-input', event(true));
  watch('longtask', (e) => S.longtasks.push({ start: e.startTime, duration: e.duration }));
  // The time of each real input, for interactions the browser reports no entry for (< 16 ms).
  for (const type of ['pointerdown', 'keydown']) {
    addEventListener(type, (e) => { if (e.isTrusted) S.inputs.push({ type, time: e.timeStamp }); }, { capture: true, passive: true });
  }
}

/** A fresh browser context and page under `profile`, emulation set before any navigation. */
export async function openProfilePage(browser, profile) {
  const context = await browser.newContext({ ...profile.context, locale: 'en-US', serviceWorkers: 'block' });
  context.setDefaultTimeout(profile.timeout);
  context.setDefaultNavigationTimeout(profile.timeout);
  const page = await context.newPage();
  await page.addInitScript(observeEntries);
  const cdp = await context.newCDPSession(page);
  if (profile.network || profile.cacheDisabled) await cdp.send('Network.enable');
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
  if (profile.cacheDisabled) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  return { context, page, cdp };
}

/** `page.waitForFunction`, failing with a message that names what did not appear. */
async function waitIn(page, what, fn, arg, timeout) {
  try {
    await page.waitForFunction(fn, arg, { timeout, polling: 50 });
  } catch (error) {
    if (/Timeout/i.test(error.name) || /Timeout/.test(error.message)) {
      throw new Error(`bench: ${what} did not appear within ${Math.round(timeout / 1000)} s (${page.url()})`);
    }
    throw error;
  }
}

/** Waits for `locator` to be visible, failing with a message that names it. */
async function visible(locator, what, timeout) {
  try {
    await locator.waitFor({ state: 'visible', timeout });
  } catch (error) {
    throw new Error(`bench: ${what} did not appear within ${Math.round(timeout / 1000)} s (${locator.page().url()}): ${error.message.split('\n')[0]}`);
  }
}

const now = (page) => page.evaluate(() => performance.now());
/** Two animation frames in the page (so what an input caused has been painted), bounded. */
const frames = (page) => page.evaluate(() => Promise.race([
  new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  new Promise((r) => setTimeout(r, 3000)),
]));

/** A real click (laptop) or tap (phone) through the browser's input pipeline. */
async function press(locator, profile) {
  if (profile.touch) await locator.tap();
  else await locator.click();
}

// ---------------------------------------------------------------------------------------------
// The two pages.

const byName = (re) => (f) => re.test(f.url);
export const PAGES = {
  ours: {
    key: 'ours',
    label: 'Youcheng',
    firstPaint: 'yc-first-map-paint',
    paintMarks: ['yc-paint', 'yc-first-map-paint'],
    // yc-static-paint: the page's static first view (the default map drawn at build time) painted.
    milestones: { staticPaint: 'yc-static-paint', boot: 'yc-boot', wasmReady: 'yc-wasm-ready', dataLoaded: 'yc-data-loaded' },
    // When the last byte of these files arrived (Resource Timing responseEnd).
    arrivals: { wasmReceived: /\.wasm(\?|$)/, dataReceived: /\/data\/partnerships\.json(\?|$)/ },
    kinds: [
      ['wasm', byName(/\.wasm(\?|$)/)],
      ['data', byName(/\/data\/(?!basemap\/)[^/]+\.json(\?|$)/)],
      ['basemaps', byName(/\/data\/basemap\//)],
      ['js', byName(/\.m?js(\?|$)/)],
      ['css', byName(/\.css(\?|$)/)],
    ],
    /** The filter a person reaches first: on narrow screens behind the Filters button. */
    async firstFilter(page, profile) {
      const boxes = '[data-testid="filters"] label:not(.empty) input[type="checkbox"]:visible';
      const button = page.locator('[data-testid="filters-button"]:visible');
      const box = page.locator(boxes).first();
      // Whichever shows first: the checkboxes (wide screens) or the Filters button (narrow).
      await visible(page.locator(`${boxes}, [data-testid="filters-button"]:visible`).first(),
        'a filter checkbox or the Filters button', profile.timeout);
      const steps = [];
      if (await button.isVisible()) steps.push({ what: 'Filters button', locator: button });
      steps.push({ what: 'filter checkbox', locator: box });
      return steps;
    },
  },
  peer: {
    key: 'peer',
    label: 'ECharts',
    firstPaint: 'peer-first-paint',
    paintMarks: ['peer-paint', 'peer-first-paint'],
    milestones: {},
    arrivals: { dataReceived: /\/pairs\.json(\?|$)/ },
    kinds: [
      ['js', byName(/\.m?js(\?|$)/)],
      ['data', byName(/\/pairs\.json(\?|$)/)],
      ['basemaps', byName(/\/world\.json(\?|$)/)],
      ['css', byName(/\.css(\?|$)/)],
    ],
    async firstFilter(page, profile) {
      const box = page.locator('#peer-filters input[type="checkbox"]').first();
      await visible(box, 'a country checkbox', profile.timeout);
      return [{ what: 'filter checkbox', locator: box }];
    },
  },
};

/** Waits until no new resource has started for `quiet` ms (at most `limit` ms). */
async function networkQuiet(page, quiet, limit) {
  const start = Date.now();
  let count = -1;
  let since = Date.now();
  while (Date.now() - start < limit) {
    const n = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.responseEnd > 0).length);
    if (n !== count) { count = n; since = Date.now(); }
    if (Date.now() - since >= quiet) return;
    await page.waitForTimeout(100);
  }
}

/** The page's entries, as plain data. */
const snapshot = (page) => page.evaluate(() => {
  const S = window.__bench;
  const nav = performance.getEntriesByType('navigation')[0];
  const files = [nav, ...performance.getEntriesByType('resource')].filter(Boolean).map((e) => ({
    url: e.name, transfer: e.transferSize, body: e.encodedBodySize, decoded: e.decodedBodySize,
    start: e.startTime, end: e.responseEnd,
  }));
  return { ...S, files, now: performance.now() };
});

/** Sums the transfer of `files` (those ending by `until`), by kind. */
function transferOf(side, files, until = Infinity) {
  const out = { total: 0, kinds: {} };
  for (const f of files) {
    if (!(f.end <= until)) continue;
    const kind = f === files[0] ? 'html' : (side.kinds.find(([, match]) => match(f)) || ['other'])[0];
    out.total += f.transfer;
    out.kinds[kind] = (out.kinds[kind] || 0) + f.transfer;
  }
  return out;
}

/**
 * One cold load of `side` under `profile`: to the first full map paint, then until the network
 * is quiet (the rest of the first view), without any input.
 */
export async function coldLoad(browser, profile, side, url) {
  const { context, page } = await openProfilePage(browser, profile);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await waitIn(page, `the ${side.label} page's first full map paint (mark ${side.firstPaint}, ${profile.name})`,
      (mark) => window.__bench && mark in window.__bench.first, side.firstPaint, profile.timeout);
    await networkQuiet(page, profile.touch ? 1000 : 500, 15000);
    await frames(page);
    const s = await snapshot(page);
    const paint = s.first[side.firstPaint];
    const lcp = s.lcp.at(-1) || null;
    const shifts = s.shifts.filter((e) => !e.input);
    const milestones = Object.fromEntries(Object.entries(side.milestones).map(([k, mark]) => [k, s.first[mark] ?? NaN]));
    for (const [k, re] of Object.entries(side.arrivals)) milestones[k] = s.files.find((f) => re.test(f.url))?.end ?? NaN;
    return {
      firstPaint: paint,
      lcp: lcp ? lcp.start : NaN,
      lcpElement: lcp ? lcp.element : null,
      ...milestones,
      transfer: transferOf(side, s.files),
      transferBeforePaint: transferOf(side, s.files, paint),
      files: s.files.map((f) => ({ url: f.url.replace(/^https?:\/\/[^/]+\//, ''), transfer: f.transfer, decoded: f.decoded, end: f.end })),
      layoutShift: shifts.reduce((sum, e) => sum + e.value, 0),
      layoutShiftSources: [...new Set(shifts.map((e) => e.source).filter(Boolean))].slice(0, 5),
      longestTask: Math.max(0, ...s.longtasks.filter((t) => t.start < paint).map((t) => t.duration)),
      unsupported: s.unsupported,
    };
  } finally {
    await context.close();
  }
}

/** Groups Event Timing entries by interaction: { id, start, end, duration }. */
function interactionsOf(events) {
  const by = new Map();
  for (const e of events) {
    if (!e.id) continue;
    const i = by.get(e.id) || { id: e.id, start: Infinity, end: 0, duration: 0, processingEnd: 0, names: new Set() };
    i.start = Math.min(i.start, e.start);
    i.end = Math.max(i.end, e.start + e.duration);
    i.duration = Math.max(i.duration, e.duration);
    i.processingEnd = Math.max(i.processingEnd, e.processingEnd);
    i.names.add(e.name);
    by.set(e.id, i);
  }
  return [...by.values()].map((i) => ({ ...i, names: [...i.names] })).sort((a, b) => a.start - b.start);
}

/**
 * A cold load in which a person uses a filter as soon as one is on screen: on a wide screen a
 * checkbox; on a phone the Filters button, then a checkbox in the drawer it opens. Each press
 * is timed from navigation start to the next paint after it (Event Timing: the interaction's
 * entries' latest startTime + duration); the page's own repaint mark after the checkbox says
 * when the map showed the filter.
 */
export async function firstInteraction(browser, profile, side, url) {
  const { context, page } = await openProfilePage(browser, profile);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const steps = await side.firstFilter(page, profile);
    const out = { steps: [] };
    for (const step of steps) {
      await visible(step.locator, `the ${side.label} page's ${step.what}`, profile.timeout);
      const available = await now(page);
      const seen = await page.evaluate(() => window.__bench.inputs.length);
      await press(step.locator, profile);
      // The interaction's entries arrive after its next paint.
      await waitIn(page, `an input for the ${side.label} page's ${step.what}`,
        (n) => window.__bench.inputs.length > n, seen, profile.timeout);
      const input = await page.evaluate((n) => window.__bench.inputs[n].time, seen);
      await waitIn(page, `an Event Timing entry for the ${side.label} page's ${step.what}`,
        (t) => window.__bench.events.some((e) => e.start >= t - 1) || performance.now() - t > 2000, input, profile.timeout);
      await frames(page);
      await page.waitForTimeout(100);
      const s = await snapshot(page);
      // Every event this press caused (they share its timestamp; a click follows its press by
      // a few ms), to the next paint after the last of them; no entry: under 16 ms.
      const mine = s.events.filter((e) => e.start >= input - 1 && e.start <= input + 100);
      const end = mine.length ? Math.max(...mine.map((e) => e.start + e.duration)) : input + 16;
      const i = interactionsOf(mine)[0];
      out.steps.push({
        what: step.what, available, input, end, duration: end - input, measured: mine.length > 0,
        interactionEnd: i ? i.end : input + 16, events: [...new Set(mine.map((e) => e.name))],
      });
      if (step.what === 'filter checkbox') {
        // The page's own repaint after the filter (the map with it applied).
        await waitIn(page, `the ${side.label} page's repaint after a filter (${side.paintMarks.join(' or ')})`,
          ([t, names]) => window.__bench.marks.some((m) => names.includes(m.name) && m.start > t),
          [input, side.paintMarks], profile.timeout);
        const marks = await page.evaluate(() => window.__bench.marks);
        out.repainted = Math.min(...marks.filter((m) => side.paintMarks.includes(m.name) && m.start > input).map((m) => m.start));
        out.checked = await step.locator.isChecked();
      }
    }
    const last = out.steps.at(-1);
    out.firstHandled = out.steps[0].end;
    out.filterApplied = last.end;
    const s = await snapshot(page);
    out.firstPaint = s.first[side.firstPaint] ?? NaN;
    return out;
  } finally {
    await context.close();
  }
}

/**
 * Interaction to next paint for real clicks (laptop) or taps (phone) on a loaded page:
 * `plan.filters` filter toggles (each checkbox on, then off again) on both pages, and on
 * Youcheng also `plan.rounds` rounds of zoom in, zoom in, zoom out, reset view, and choosing a
 * place from the search (tap the box, type "xian", tap the suggestion; the sheet is closed
 * unmeasured). Each action is followed by `profile.settle` ms and two frames; its figure is
 * the longest Event Timing entry among the events its input caused (so the next paint after
 * all of them), and, apart, the longest among the browser's interaction entries only (as INP).
 * An input the browser reports no entry for took under its 16 ms threshold and counts as 16 ms
 * (an upper bound). Returns per kind the durations, and the longest task during the session.
 */
export async function interactionSession(browser, profile, side, url, plan) {
  const { context, page } = await openProfilePage(browser, profile);
  const windows = [];
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await waitIn(page, `the ${side.label} page's first full map paint (mark ${side.firstPaint}, ${profile.name})`,
      (mark) => window.__bench && mark in window.__bench.first, side.firstPaint, profile.timeout);
    await networkQuiet(page, 1000, 15000);
    await page.waitForTimeout(profile.touch ? 1500 : 500);
    const startAt = await now(page);
    const act = async (kind, what, fn) => {
      const start = await now(page);
      try {
        await fn();
      } catch (error) {
        throw new Error(`bench: ${what} on the ${side.label} page (${profile.name}) failed: ${error.message.split('\n')[0]}`);
      }
      await page.waitForTimeout(profile.settle);
      await frames(page);
      windows.push({ kind, start, end: await now(page) });
    };
    const tap = (locator, what) => async () => {
      await visible(locator, `the ${side.label} page's ${what}`, 30000);
      await press(locator, profile);
    };

    const filterRound = async (count, offset) => {
      if (count <= 0) return;
      const drawer = side === PAGES.ours ? page.getByTestId('filters-button') : null;
      const opened = drawer && await drawer.isVisible();
      if (opened) await act(null, 'the Filters button', tap(drawer, 'Filters button'));
      const selector = side === PAGES.ours ? '[data-testid="filters"] input[type="checkbox"]' : '#peer-filters input[type="checkbox"]';
      // The boxes with pairs, by their place among all boxes (which does not change as the
      // counts do); each is turned on and off again, so every pair of clicks starts from the
      // default view, and the boxes vary (seven apart: levels, continents, types, countries).
      const usable = await page.locator(selector).evaluateAll((all) => all.map((b, i) => [b, i])
        .filter(([b]) => b.offsetParent !== null && !b.closest('label')?.classList.contains('empty')
          && !/\(0\)\s*$/.test(b.closest('label')?.textContent || ''))
        .map(([, i]) => i));
      if (usable.length === 0) throw new Error(`bench: no filter checkbox with pairs on the ${side.label} page (${profile.name})`);
      for (let i = 0; i < count; i += 1) {
        const box = page.locator(selector).nth(usable[(Math.floor((offset + i) / 2) * 7) % usable.length]);
        await act('filter', 'a filter checkbox', tap(box, 'filter checkbox'));
      }
      if (opened) await act(null, 'the drawer\'s Show button', tap(page.getByTestId('show-results'), 'Show results button'));
    };

    if (side === PAGES.ours) {
      const perRound = Math.ceil(plan.filters / plan.rounds / 2) * 2; // whole on/off pairs
      let done = 0;
      for (let r = 0; r < plan.rounds; r += 1) {
        for (const [kind, name] of [['zoom in', 'Zoom in'], ['zoom in', 'Zoom in'], ['zoom out', 'Zoom out'], ['reset', 'Reset view']]) {
          await act(kind, `the ${name} button`, tap(page.getByRole('button', { name, exact: true }), `${name} button`));
        }
        const count = Math.min(perRound, plan.filters - done);
        await filterRound(count, done);
        done += count;
        // Choosing a place: tap the search box, type, tap the suggestion; close the sheet.
        const box = page.getByRole('combobox', { name: 'Search places and countries' });
        await act(null, 'clearing the search box', () => box.fill(''));
        await act('search: type', 'the search box', tap(box, 'search box'));
        for (const ch of 'xian') await act('search: type', `typing "${ch}"`, () => page.keyboard.press(ch));
        const option = page.getByRole('option', { name: /Xi'an/ }).first();
        await act('search: pick', 'the Xi\'an suggestion', tap(option, 'Xi\'an suggestion'));
        const sheet = page.getByRole('dialog', { name: "Xi'an" });
        await visible(sheet, 'the Xi\'an sheet', 30000);
        await act(null, 'closing the sheet (Escape)', () => page.keyboard.press('Escape'));
        await sheet.waitFor({ state: 'detached', timeout: 30000 }).catch(() => {
          throw new Error(`bench: the Xi'an sheet did not close on Escape (${side.label}, ${profile.name})`);
        });
      }
    } else {
      await filterRound(plan.filters, 0);
    }
    await page.waitForTimeout(500);
    const s = await snapshot(page);
    const endAt = s.now;
    const events = s.events.filter((e) => e.start >= startAt);
    const all = interactionsOf(events);
    const kinds = {};
    let under16 = 0;
    for (const w of windows) {
      if (w.kind == null) continue;
      const list = (kinds[w.kind] ||= { durations: [], interactionDurations: [], longestTask: 0 });
      // One input per action: every event it caused (any name, e.g. the mousedown a tap
      // produces, which the browser leaves out of its interactions) to the next paint.
      const mine = events.filter((e) => e.start >= w.start && e.start < w.end);
      if (mine.length === 0) under16 += 1;
      list.durations.push(Math.max(16, ...mine.map((e) => e.duration)));
      list.interactionDurations.push(Math.max(16, ...mine.filter((e) => e.id).map((e) => e.duration)));
      const tasks = s.longtasks.filter((t) => t.start < w.end && t.start + t.duration > w.start);
      list.longestTask = Math.max(list.longestTask, 0, ...tasks.map((t) => t.duration));
    }
    const tasks = s.longtasks.filter((t) => t.start >= startAt && t.start <= endAt);
    return {
      kinds,
      under16,
      longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
      longTasks: tasks.length,
      // For reading a surprising figure: every action and every interaction, in page time.
      log: {
        windows: windows.map((w) => ({ kind: w.kind, start: Math.round(w.start), end: Math.round(w.end) })),
        interactions: all.map((i) => ({ start: Math.round(i.start), duration: i.duration, names: i.names.join(' ') })),
        otherEvents: events.filter((e) => !e.id && e.duration > 16).map((e) => ({ start: Math.round(e.start), duration: e.duration, name: e.name })),
        longtasks: tasks.map((t) => ({ start: Math.round(t.start), duration: Math.round(t.duration) })),
      },
    };
  } finally {
    await context.close();
  }
}
