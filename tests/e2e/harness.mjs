// Shared end-to-end harness: a static server for dist/ (or any folder) on 127.0.0.1 and a
// headless Debian Chromium driven by playwright-core. Tests find things by role, label and
// text, as a person would.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors *";

/** Content types by file extension, for the test server and the bench's brotli server. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir` on 127.0.0.1 at an ephemeral port.
 * options.csp: a Content-Security-Policy header for every response.
 * options.routes: { '/path': (req, res) => void } overrides.
 * options.prefix: serve under a sub-path ("/atlas/").
 */
export async function serve(dir = DIST, options = {}) {
  const prefix = options.prefix || '/';
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    const route = options.routes && options.routes[url.pathname];
    if (route) return route(req, res);
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers = {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-cache',
    };
    if (options.csp) headers['content-security-policy'] = options.csp;
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }),
  };
}

/**
 * Launches Debian's Chromium headless with the flags this machine needs. Playwright gives
 * every launch a fresh, empty profile directory of its own (it refuses --user-data-dir).
 */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return browser;
}

/**
 * Opens a page that records console errors, page errors and CSP violations, so a test can
 * assert none happened.
 */
export async function openPage(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ locale: 'en-US', ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (url) await page.goto(url);
  return { context, page, errors };
}

/**
 * Waits until the app shows its headline figures; returns the numbers shown
 * ({ pairs, countries }) as a person reads them ("2,341 pairs with 139 countries").
 */
export async function waitForData(page) {
  const figures = page.getByTestId('headline-figures');
  await figures.waitFor({ state: 'visible', timeout: 30000 });
  return readHeadline(page);
}

/** The headline numbers currently shown. */
export async function readHeadline(page) {
  const text = await page.getByTestId('headline-figures').textContent();
  // No pair reads as words ("no partnerships", 没有友好关系), never "0 pairs with 0 countries".
  if (/^\s*(no partnerships|没有友好关系)/.test(text)) return { pairs: 0, countries: 0, text };
  const numbers = (text.match(/[\d,]+/g) || []).map((n) => Number(n.replace(/,/g, '')));
  return { pairs: numbers[0], countries: numbers[1], text };
}

/** Waits until the map has painted everything (basemap, arcs, markers). */
export async function waitForMap(page) {
  await page.locator('[data-testid="map"] canvas[data-painted="full"], [data-testid="map"][data-painted="full"]').first()
    .waitFor({ state: 'attached', timeout: 30000 });
}

/**
 * The pure model's answer for a URL query: the same codec, filters and aggregates as the app,
 * run natively by `youcheng-data count` (built by the test command before this layer runs).
 */
export function model(query, file = path.join(ROOT, 'public/data/partnerships.json')) {
  return JSON.parse(execFileSync(dataTool(), ['count', file, query], { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

/** The data tool, built by the test command before this layer runs (built here if not). */
function dataTool() {
  const bin = path.join(ROOT, 'target/release/youcheng-data');
  if (!fs.existsSync(bin)) {
    execFileSync('cargo', ['build', '--quiet', '--release', '--bin', 'youcheng-data'], { cwd: ROOT, stdio: 'inherit' });
  }
  return bin;
}

/**
 * A dataset file parsed and written out in full (a compact file's ids put in, its pairs naming
 * places and sources by id: `youcheng-data expand`, the core's rule), with the records of its
 * sources file (`dataset.sources_file`, beside it) in place of the sources it names by id: the
 * dataset as the app has it once both arrived.
 */
export function readDataset(file) {
  const data = JSON.parse(execFileSync(dataTool(), ['expand', file], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  const name = data.dataset?.sources_file;
  if (name) {
    const records = JSON.parse(fs.readFileSync(path.join(path.dirname(file), name), 'utf8')).sources;
    const byId = new Map(records.map((s) => [s.id, s]));
    data.sources = data.sources.map((s) => byId.get(typeof s === 'string' ? s : s.id) || s);
  }
  return data;
}

/** The dataset file the app ships, parsed, with its sources' records. */
export function bundled() {
  return readDataset(path.join(ROOT, 'public/data/partnerships.json'));
}

/** The app's query string (without "?"), as a URLSearchParams. */
export function query(page) {
  return new URL(page.url()).searchParams;
}

/** Waits until the address bar's query satisfies `predicate(params)`. */
export async function waitForQuery(page, predicate, timeout = 5000) {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    if (predicate(query(page))) return query(page);
    await page.waitForTimeout(50);
  }
  throw new Error(`the URL never matched; it is ${page.url()}`);
}

/** A CSS custom property of the page, as [r, g, b]. */
export async function cssColour(page, name) {
  const hex = await page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);
  const m = hex.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
  if (!m) throw new Error(`${name} is ${hex}, not #rrggbb`);
  return [1, 2, 3].map((i) => parseInt(m[i], 16));
}

/**
 * Pixels of the map canvas: counts those within `tolerance` of each colour given, inside the
 * rectangle (fractions of the canvas) given.
 */
export async function countMapPixels(page, colours, rect = [0, 0, 1, 1], tolerance = 6) {
  return page.evaluate(({ colours, rect, tolerance }) => {
    const canvas = document.querySelector('[data-testid="map"] canvas');
    const ctx = canvas.getContext('2d');
    const [x0, y0, x1, y1] = [rect[0] * canvas.width, rect[1] * canvas.height, rect[2] * canvas.width, rect[3] * canvas.height].map(Math.round);
    const data = ctx.getImageData(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0)).data;
    const counts = colours.map(() => 0);
    for (let i = 0; i < data.length; i += 4) {
      colours.forEach((c, k) => {
        if (Math.abs(data[i] - c[0]) <= tolerance && Math.abs(data[i + 1] - c[1]) <= tolerance && Math.abs(data[i + 2] - c[2]) <= tolerance) counts[k] += 1;
      });
    }
    return counts;
  }, { colours, rect, tolerance });
}

/** A route serving one file (for fixtures outside dist/). */
export function fileRoute(file, type) {
  return (req, res) => {
    const headers = { 'content-type': type || TYPES[path.extname(file)] || 'application/octet-stream' };
    res.writeHead(200, headers);
    res.end(fs.readFileSync(file));
  };
}

/** The rows of a chart's data table (label, value), as a screen reader reads them. */
export async function chartRows(page, kind) {
  const card = page.getByTestId(`chart-${kind}`);
  return card.locator('.chart-data tbody tr').evaluateAll((trs) => trs.map((tr) => [
    tr.querySelector('th').textContent, Number(tr.querySelector('td').textContent.replace(/,/g, '')),
  ]));
}

/** `text` encoded in GB 18030, as Chinese Excel saves a CSV (Python's codec: Node has no encoder). */
export function gb18030(text) {
  return execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gb18030"))'], { input: text });
}

/** The two screens every layout test uses: a phone (390 × 844, touch) and a laptop (1280 × 720). */
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
export const LAPTOP = { viewport: { width: 1280, height: 720 } };
