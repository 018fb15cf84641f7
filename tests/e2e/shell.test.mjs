// The app shell: loads the bundled data, shows how many partnerships it holds, survives a
// broken data file with a readable error and a working retry, and logs no console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, waitForData, DIST } from './harness.mjs';

let browser;
before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is missing: run trunk build --release first');
  browser = await launch();
});
after(async () => browser && browser.close());

function bundledPairCount() {
  const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/partnerships.json'), 'utf8'));
  return data.partnerships.length;
}

test('the app loads the bundled data and shows how many partnerships it holds', async () => {
  const server = await serve();
  try {
    const { page, errors } = await openPage(browser, server.url);
    await assert.doesNotReject(page.getByRole('heading', { name: /Youcheng 友城/ }).waitFor());
    const shown = await waitForData(page);
    assert.equal(shown.pairs, bundledPairCount());
    assert.ok(server.requests.includes('/data/partnerships.json'), 'the data file was requested');
    assert.deepEqual(errors, []);
  } finally {
    await server.close();
  }
});

test('a broken data file shows a readable error, and retry loads the data once it is fixed', async () => {
  let broken = true;
  const good = fs.readFileSync(path.join(DIST, 'data/partnerships.json'));
  const server = await serve(DIST, {
    routes: {
      '/data/partnerships.json': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(broken ? '{"format": "youcheng-partnerships", "version": "1.0", "places": [' : good);
      },
    },
  });
  try {
    const { page, errors } = await openPage(browser, server.url);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /could not be loaded/);
    assert.match(await alert.textContent(), /not valid JSON \(line 1, column \d+\)/);
    broken = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    assert.equal((await waitForData(page)).pairs, bundledPairCount());
    assert.deepEqual(errors, []);
  } finally {
    await server.close();
  }
});

test('a missing data file (404) says so and offers a retry', async () => {
  const server = await serve(DIST, {
    routes: { '/data/partnerships.json': (req, res) => res.writeHead(404).end('gone') },
  });
  try {
    const { page } = await openPage(browser, server.url);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /HTTP 404/);
    await assert.doesNotReject(page.getByRole('button', { name: 'Try again' }).waitFor());
  } finally {
    await server.close();
  }
});

test('a user-supplied data file that fails (404, timeout, bad body) is named, and the bundled data is shown', async () => {
  const server = await serve(DIST, {
    routes: {
      '/mine/missing.json': (req, res) => res.writeHead(404).end('gone'),
      '/mine/broken.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"format": "youcheng-partnerships", "version": "1.0", "places": ['),
      '/mine/slow.json': () => {}, // never answers
    },
  });
  try {
    for (const [file, why] of [['missing.json', /HTTP 404/], ['broken.json', /not valid JSON/], ['slow.json', /did not answer|timed out/i]]) {
      const { page, errors } = await openPage(browser, `${server.url}?data=mine/${file}`);
      const notice = page.getByTestId('data-error-notice');
      await notice.waitFor({ timeout: 40000 });
      const text = await notice.textContent();
      assert.match(text, why, file);
      assert.match(text, /bundled/i, file);
      assert.equal((await waitForData(page)).pairs, bundledPairCount(), file);
      assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), [], file);
    }
  } finally {
    await server.close();
  }
});

test('the shell fits a 360 px phone without horizontal scrolling', async () => {
  const server = await serve();
  try {
    const { page } = await openPage(browser, server.url, { viewport: { width: 360, height: 740 } });
    await waitForData(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  } finally {
    await server.close();
  }
});
