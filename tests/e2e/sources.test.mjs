// The sources' details in their own file (issue 26 §3): the first view fetches only
// partnerships.json; data/sources.json comes when the page is idle after the first map, or
// when a source is shown or exported first. Every view showing a source waits for it in words
// ("Loading sources…"), a failed fetch says so and offers a retry, and an export asked for
// before the sources arrived carries them. Expectations come from the shipped files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, waitForData, waitForMap, bundled, DIST } from './harness.mjs';

let browser;
before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is missing: run trunk build --release first');
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
});

const data = bundled();
const sourceById = new Map(data.sources.map((s) => [s.id, s]));
/** Changsha–Augsburg: disputed, its contrary source a link (augsburg.de via a copy). */
const augsburg = data.partnerships.find((p) => p.home === 'cn-changsha' && p.partner === 'de-augsburg');
const contrary = sourceById.get(augsburg.disputed.src);
const SOURCES = fs.readFileSync(path.join(DIST, 'data/sources.json'));

/** A server whose sources file waits for `release()`, or fails while `failing` is true. */
async function gatedServer({ failing = false } = {}) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  const state = { failing, asked: 0 };
  const server = await serve(DIST, {
    routes: {
      '/data/sources.json': async (req, res) => {
        state.asked += 1;
        if (state.failing) return res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
        await gate;
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' }).end(SOURCES);
      },
    },
  });
  return { server, release, state };
}

test('the first view fetches only its data file; the sources file comes once the first map is painted', async () => {
  const server = await serve();
  try {
    const { page, errors } = await openPage(browser, server.url);
    await waitForData(page);
    await waitForMap(page);
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/data/sources.json')), null, { timeout: 15000 });
    const [paint, sources, dataFile] = await page.evaluate(() => [
      performance.getEntriesByName('yc-first-map-paint')[0]?.startTime,
      performance.getEntriesByType('resource').find((e) => e.name.endsWith('/data/sources.json')).startTime,
      performance.getEntriesByType('resource').find((e) => e.name.endsWith('/data/partnerships.json')).startTime,
    ]);
    assert.ok(paint > 0 && sources > paint, `sources.json asked at ${sources} ms, after the first map at ${paint} ms`);
    assert.ok(dataFile < paint);
    const preloads = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload]')].map((l) => l.getAttribute('href')));
    assert.ok(preloads.includes('data/partnerships.json') && !preloads.some((h) => h.includes('sources')), preloads.join(' '));
    assert.deepEqual(errors, []);
  } finally {
    await server.close();
  }
});

test('the pair panel says "Loading sources…" in the reader\'s language until the sources arrive, then links them', async () => {
  for (const [lang, words] of [['en', 'Loading sources…'], ['zh', '正在加载来源……']]) {
    const { server, release } = await gatedServer();
    try {
      const { page, errors } = await openPage(browser, `${server.url}?pair=${augsburg.id}&lang=${lang}`);
      await waitForData(page);
      const panel = page.getByTestId('pair-panel');
      await panel.waitFor();
      const loading = panel.getByTestId('sources-loading').first();
      await loading.waitFor();
      assert.equal(await loading.textContent(), words);
      assert.equal(await panel.locator(`a[href="${contrary.url}"]`).count(), 0);
      release();
      await panel.locator(`a[href="${contrary.url}"]`).first().waitFor();
      assert.equal(await panel.getByTestId('sources-loading').count(), 0);
      // Every source of the pair is named by its own title.
      const text = await panel.textContent();
      for (const id of augsburg.src) assert.ok(text.includes(sourceById.get(id).title), `${lang}: ${id}`);
      assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
    } finally {
      await server.close();
    }
  }
});

test('a sources file that cannot be fetched is said in words, with a retry that then shows them', async () => {
  const { server, release, state } = await gatedServer({ failing: true });
  release();
  try {
    const { page } = await openPage(browser, `${server.url}?pair=${augsburg.id}`);
    await waitForData(page);
    const panel = page.getByTestId('pair-panel');
    const failed = panel.getByTestId('sources-failed').first();
    await failed.waitFor({ timeout: 15000 });
    assert.match(await failed.textContent(), /^The sources could not be loaded: .*503/);
    state.failing = false;
    await failed.getByRole('button', { name: 'Try again' }).click();
    await panel.locator(`a[href="${contrary.url}"]`).first().waitFor();
    assert.equal(await panel.getByTestId('sources-failed').count(), 0);
    assert.ok(state.asked >= 2);
  } finally {
    await server.close();
  }
});

test('a CSV export asked for before the sources arrived waits for them and carries them', async () => {
  const { server, release } = await gatedServer();
  try {
    const { page, errors } = await openPage(browser, `${server.url}?tab=table&in=cn-changsha&cty=DE`);
    await waitForData(page);
    await page.getByTestId('partnership-table').waitFor();
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV' }).click();
    await page.getByTestId('table-panel').getByTestId('sources-loading').first().waitFor();
    release();
    const file = await downloaded;
    const csv = fs.readFileSync(await file.path(), 'utf8');
    const line = csv.split('\r\n').find((l) => l.startsWith(`${augsburg.id},`));
    assert.ok(line, 'the pair is exported');
    assert.ok(line.includes(contrary.url), line);
    for (const id of augsburg.src) {
      const title = sourceById.get(id).title;
      assert.ok(csv.includes(title.replace(/"/g, '""')), `the CSV names ${id}: ${title}`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await server.close();
  }
});

test('the data tab lists every source by its title once the sources arrive', async () => {
  const { server, release } = await gatedServer();
  try {
    const { page, errors } = await openPage(browser, `${server.url}?tab=data`);
    await waitForData(page);
    await page.locator('#sources-title').click();
    await page.getByTestId('sources-loading').first().waitFor();
    release();
    await page.locator('.source-list').waitFor();
    assert.equal(await page.locator('.source-list > li').count(), data.sources.length);
    const text = await page.locator('.source-list').textContent();
    assert.ok(text.includes(contrary.title), contrary.title);
    assert.deepEqual(errors, []);
  } finally {
    await server.close();
  }
});
