// Embedding, strict CSP, offline and the single file: a host page with iframes under a strict
// policy, a visit that only ever talks to its own origin, the app under a sub-path, a reload
// with the network off after one visit, and the single HTML file opened from file://.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  serve, launch, openPage, waitForData, waitForMap, model, bundled, STRICT_CSP, ROOT, DIST,
} from './harness.mjs';

let browser;
before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is missing: run trunk build --release first');
  browser = await launch();
});
after(async () => browser && browser.close());

const violations = (frame) => frame.evaluate(() => window.__cspViolations || []);

test('the example host page embeds three views under a strict CSP; each frame sizes itself to its content', async () => {
  const app = await serve(DIST, { csp: STRICT_CSP });
  const host = await serve(path.join(ROOT, 'examples'), {
    csp: `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src ${app.origin}`,
  });
  try {
    const { page, errors } = await openPage(browser, `${host.url}embed-host.html?app=${encodeURIComponent(app.url)}`, { viewport: { width: 1000, height: 800 } });
    for (const id of ['frame-province', 'frame-place', 'frame-chart']) {
      const iframe = page.getByTestId(id);
      const frame = page.frameLocator(`[data-testid="${id}"]`);
      await frame.getByTestId('headline-figures').waitFor({ timeout: 30000 });
      // The frame grows (or shrinks) to its content.
      await page.waitForFunction(async (testid) => {
        const el = document.querySelector(`[data-testid="${testid}"]`);
        return el.style.height !== '';
      }, id);
      await page.waitForTimeout(800);
      const handle = await iframe.elementHandle();
      const content = await handle.contentFrame();
      const inner = await content.evaluate(() => document.documentElement.scrollHeight);
      const outer = (await iframe.boundingBox()).height;
      assert.ok(Math.abs(outer - inner) <= 4, `${id}: frame ${outer}px, content ${inner}px`);
      assert.deepEqual(await violations(content), [], `${id}: CSP violations`);
      const overflow = await content.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${id}: ${overflow}px wider than its frame`);
    }
    // The province dashboard is in Chinese and shows Shaanxi; the place card shows Xi'an's
    // partners; the chart is one chart, dark.
    const province = page.frameLocator('[data-testid="frame-province"]');
    assert.match(await province.getByTestId('headline-scope').textContent(), /陕西/);
    assert.ok(await province.getByTestId('chart-growth').count() === 1);
    const place = page.frameLocator('[data-testid="frame-place"]');
    assert.match(await place.getByTestId('partner-list').textContent(), /奈良/);
    const chart = page.frameLocator('[data-testid="frame-chart"]');
    assert.equal(await chart.locator('.chart-card').count(), 1);
    const placeBox = await page.getByTestId('frame-place').boundingBox();
    assert.ok(placeBox.width <= 322, `the place card is ${placeBox.width}px wide`);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
    await host.close();
  }
});

test('a full visit under the strict CSP: no violation, no console error, every request to the app\'s own origin', async () => {
  const server = await serve(DIST, { csp: STRICT_CSP });
  try {
    const { page, errors } = await openPage(browser, null);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(server.url);
    await waitForData(page);
    await waitForMap(page);
    // Filter, select, open each view, export.
    await page.getByRole('combobox', { name: 'Country', exact: true }).fill('Japan');
    await page.getByRole('option').filter({ hasText: /^Japan/ }).first().click();
    await page.getByRole('combobox', { name: 'Search places and countries' }).fill('xian');
    await page.getByRole('option').filter({ hasText: '西安' }).first().click();
    await page.getByRole('heading', { name: "Xi'an" }).waitFor();
    await page.getByRole('button', { name: 'Shading' }).click();
    await page.getByRole('button', { name: 'Neutral map' }).click();
    await page.locator('[data-testid="map"][data-basemap="neutral"]').waitFor();
    for (const tab of ['Charts', 'Table', 'Stories', 'Data & sources']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(300);
    }
    await page.getByRole('tab', { name: 'Table' }).click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
    assert.ok((await csv.path()) !== null);
    await page.getByRole('tab', { name: 'Charts' }).click();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-growth').getByRole('button', { name: 'PNG' }).click()]);
    assert.ok((await png.path()) !== null);
    await page.getByRole('button', { name: '中文' }).click();
    await page.waitForTimeout(500);

    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors, []);
    const foreign = requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(foreign, [], 'requests to another origin');
    assert.ok(requests.length > 5);
  } finally {
    await server.close();
  }
});

test('dist/ works when copied under any sub-path', async () => {
  const server = await serve(DIST, { prefix: '/sites/foreign-affairs/youcheng/' });
  try {
    const { page, errors } = await openPage(browser, `${server.url}?lang=zh`);
    const shown = await waitForData(page);
    await waitForMap(page);
    assert.equal(shown.pairs, model('').pairs);
    assert.ok(server.requests.every((r) => r.startsWith('/sites/foreign-affairs/youcheng/')), server.requests.join('\n'));
    assert.deepEqual(errors, []);
  } finally {
    await server.close();
  }
});

test('after one online visit the app loads with the network off; a new dataset replaces the cached one online', async () => {
  let dataset = null; // null: the real file
  const small = fs.readFileSync(path.join(ROOT, 'tests/fixtures/small.json'));
  const real = fs.readFileSync(path.join(DIST, 'data/partnerships.json'));
  const server = await serve(DIST, {
    routes: {
      '/data/partnerships.json': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
        res.end(dataset || real);
      },
    },
  });
  try {
    const { page, context, errors } = await openPage(browser, server.url);
    const online = await waitForData(page);
    await waitForMap(page);
    // Wait until the service worker has installed (precached everything) and controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await waitForData(page);

    await context.setOffline(true);
    await page.reload();
    const offline = await waitForData(page);
    await waitForMap(page);
    assert.equal(offline.pairs, online.pairs);
    await page.getByRole('tab', { name: 'Charts' }).click();
    await page.getByTestId('chart-growth').locator('canvas').waitFor();
    // The sources file was precached too: the data tab lists every source offline.
    await page.getByRole('tab', { name: 'Data & sources' }).click();
    await page.locator('#sources-title').click();
    await page.locator('.source-list').waitFor();
    assert.equal(await page.locator('.source-list > li').count(), bundled().sources.length);

    // Online again with a new dataset: it is shown, and then it is what works offline.
    dataset = small;
    await context.setOffline(false);
    await page.reload();
    await page.waitForFunction(() => /^5 pairs/.test(document.querySelector('[data-testid="headline-figures"]')?.textContent || ''));
    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => /^5 pairs/.test(document.querySelector('[data-testid="headline-figures"]')?.textContent || ''));
    assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)), []);
  } finally {
    await server.close();
  }
});

test('the single HTML file opens from file:// with no network: map, filters and charts with the China data', async () => {
  const out = path.join(ROOT, 'target/e2e/youcheng.html');
  execFileSync('node', [path.join(ROOT, 'scripts/single-file.mjs'), DIST, out], { stdio: 'pipe' });
  const { page, errors } = await openPage(browser, null);
  const requests = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    return url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:') ? route.continue() : route.abort();
  });
  await page.goto(`${pathToFileURL(out).href}?lang=en`);
  const shown = await waitForData(page);
  await waitForMap(page);
  assert.equal(shown.pairs, model('').pairs);
  // Filters work.
  await page.getByRole('combobox', { name: 'Province', exact: true }).fill('Shaanxi');
  await page.getByRole('option').filter({ hasText: /^Shaanxi/ }).first().click();
  await page.waitForFunction(() => /^Shaanxi$/.test(document.querySelector('[data-testid="headline-scope"]').textContent));
  assert.equal((await waitForData(page)).pairs, model('?prov=cn-shaanxi').pairs);
  // Charts draw.
  await page.getByRole('tab', { name: 'Charts' }).click();
  await page.getByTestId('chart-provinces').locator('canvas').waitFor();
  // The sources' details travel in the file too.
  await page.getByRole('tab', { name: 'Data & sources' }).click();
  await page.locator('#sources-title').click();
  await page.locator('.source-list').waitFor();
  assert.equal(await page.locator('.source-list > li').count(), bundled().sources.length);
  assert.ok(requests.every((u) => u.startsWith('file:') || u.startsWith('data:') || u.startsWith('blob:')), requests.join('\n'));
  assert.deepEqual(errors, []);
});
