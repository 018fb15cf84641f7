// The map first on every screen, the selection beside it, touch, and a page for paper: a phone
// (390 × 844, touch) and a laptop (1280 × 720), driven as a person would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  serve, launch, openPage, waitForData, waitForMap, query, waitForQuery, readHeadline, model, DIST, PHONE, LAPTOP,
} from './harness.mjs';


let browser;
let server;
before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is missing: run trunk build --release first');
  browser = await launch();
  server = await serve();
});
after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

/** How much of the map canvas is on screen: its top and the visible height, in CSS px. */
async function mapOnScreen(page) {
  return page.evaluate(() => {
    const r = document.querySelector('[data-testid="map"] canvas').getBoundingClientRect();
    const visible = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
    return { top: r.top, visible, height: innerHeight, scrollY: window.scrollY };
  });
}

/** True when `locator`'s box lies inside the window (nothing hidden below the fold). */
async function inViewport(locator) {
  const box = await locator.boundingBox();
  const { width, height } = locator.page().viewportSize();
  return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= height && box.x + box.width <= width;
}

for (const [name, device] of [['phone', PHONE], ['laptop', LAPTOP]]) {
  test(`${name}: the map is in the first screen and takes most of it`, async () => {
    const { page, context, errors } = await openPage(browser, server.url, device);
    await waitForData(page);
    await waitForMap(page);
    const m = await mapOnScreen(page);
    assert.ok(m.top >= 0 && m.top < m.height, `the map starts at ${m.top} px of ${m.height}`);
    assert.ok(m.visible >= 0.45 * m.height, `${m.visible} px of the map visible of ${m.height}`);
    // The headline stays, above the map.
    assert.ok(await inViewport(page.getByTestId('headline-figures')));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${name}: choosing Xi'an in the search shows Nara beside the map, with no scrolling, and the map moves to its partners`, async () => {
    const { page, context, errors } = await openPage(browser, server.url, device);
    await waitForData(page);
    await waitForMap(page);
    const before = query(page).get('at');
    const box = page.getByRole('combobox', { name: 'Search places and countries' });
    await box.fill('xian');
    await page.getByRole('option', { name: /Xi'an/ }).first().click();
    const sheet = page.getByRole('dialog', { name: "Xi'an" });
    await sheet.waitFor();
    const nara = sheet.getByTestId('partner-list').getByText('Nara', { exact: true });
    await nara.waitFor();
    assert.ok(await inViewport(nara), 'Nara is inside the window');
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page did not scroll');
    // The keyboard focus is in the sheet.
    assert.ok(await sheet.evaluate((el) => el.contains(document.activeElement)));
    // The view moved (eased) to show Xi'an's partners beside the sheet, and the address says so.
    await waitForQuery(page, (q) => q.has('at') && q.get('at') !== before, 5000);
    // Escape closes the sheet and the focus goes back to the search.
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    await waitForQuery(page, (q) => !q.has('sel'));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// The English playback bar wrapped "1×" onto a second line on a phone (fresh review): Play, the
// steps, the years, the year shown and the speed stay one line at 390 and 360 px, in both languages.
for (const width of [390, 360]) {
  for (const lang of ['en', 'zh']) {
    test(`phone ${width} px, ${lang}: the playback bar is one line (the speed beside Play)`, async () => {
      const device = { ...PHONE, viewport: { width, height: PHONE.viewport.height } };
      const { page, context, errors } = await openPage(browser, `${server.url}?lang=${lang}`, device);
      await waitForData(page);
      await waitForMap(page);
      const bar = page.getByTestId('playback');
      const play = await bar.getByRole('button').first().boundingBox();
      const speed = await bar.getByRole('combobox').boundingBox();
      assert.ok(play && speed, 'Play and the speed are shown');
      assert.ok(Math.abs(speed.y - play.y) <= 2, `speed at y=${speed.y}, Play at y=${play.y}`);
      const inside = await bar.evaluate((el) => el.getBoundingClientRect().right <= document.documentElement.clientWidth);
      assert.ok(inside, 'the bar is inside the screen');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('phone: Back closes the sheet; the sheet expands and collapses', async () => {
  const { page, context, errors } = await openPage(browser, server.url, PHONE);
  await waitForData(page);
  await page.getByRole('combobox', { name: 'Search places and countries' }).fill('xian');
  await page.getByRole('option', { name: /Xi'an/ }).first().click();
  const sheet = page.getByRole('dialog', { name: "Xi'an" });
  await sheet.waitFor();
  const low = (await sheet.boundingBox()).height;
  await sheet.getByRole('button', { name: 'Expand' }).click();
  await sheet.getByRole('button', { name: 'Collapse' }).waitFor();
  await page.waitForTimeout(300);
  assert.ok((await sheet.boundingBox()).height > low * 1.5, 'the expanded sheet is taller');
  await page.goBack();
  await sheet.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

/** A CDP session dispatching touch events (real touch input, as a phone gives). */
async function touch(page) {
  const cdp = await page.context().newCDPSession(page);
  const send = (type, points) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: points.map(([x, y], id) => ({ x, y, id, radiusX: 2, radiusY: 2, force: 1 })),
  });
  return { send };
}

test('phone: a pinch zooms (the zoom in the address changes); a one-finger drag pans and never scrolls the page', async () => {
  const { page, context, errors } = await openPage(browser, server.url, PHONE);
  await waitForData(page);
  await waitForMap(page);
  const canvas = await page.locator('[data-testid="map"] canvas').boundingBox();
  const cx = canvas.x + canvas.width / 2;
  const cy = canvas.y + canvas.height / 2;
  const { send } = await touch(page);

  // Two fingers 60 px apart move to 240 px apart.
  await send('touchStart', [[cx - 30, cy], [cx + 30, cy]]);
  for (let i = 1; i <= 10; i += 1) {
    await send('touchMove', [[cx - 30 - 9 * i, cy], [cx + 30 + 9 * i, cy]]);
    await page.waitForTimeout(16);
  }
  await send('touchEnd', []);
  await waitForQuery(page, (q) => q.has('at'));
  // The view eases to the pinch's end: read the address once it has settled (the same for
  // 300 ms), so the drag below is compared with where the pinch left the map.
  let zoomed = query(page);
  for (let settled = 0; settled < 3; ) {
    await page.waitForTimeout(100);
    const now = query(page);
    settled = now.get('at') === zoomed.get('at') ? settled + 1 : 0;
    zoomed = now;
  }
  const zoom = Number(zoomed.get('at').split(',')[2]);
  assert.ok(zoom > 1.5, `pinched to zoom ${zoom}`);

  // One finger drags 150 px to the right: the map pans, the page stays where it is.
  const before = Number(zoomed.get('at').split(',')[0]);
  const scrollBefore = await page.evaluate(() => window.scrollY);
  await send('touchStart', [[cx - 75, cy + 40]]);
  for (let i = 1; i <= 10; i += 1) {
    await send('touchMove', [[cx - 75 + 15 * i, cy + 40 + 6 * i]]);
    await page.waitForTimeout(16);
  }
  await send('touchEnd', []);
  const panned = await waitForQuery(page, (q) => Number(q.get('at').split(',')[0]) !== before);
  assert.ok(Number(panned.get('at').split(',')[0]) < before, 'dragging right shows what is to the west');
  assert.equal(await page.evaluate(() => window.scrollY), scrollBefore, 'the page did not scroll');
  // A tap on empty sea selects nothing and breaks nothing.
  await page.touchscreen.tap(canvas.x + 8, canvas.y + canvas.height - 8);
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone: the filter drawer opens from its button, applies a filter, shows the count, closes', async () => {
  const { page, context, errors } = await openPage(browser, server.url, PHONE);
  await waitForData(page);
  const button = page.getByRole('button', { name: 'Filters', exact: true });
  await button.click();
  const drawer = page.getByRole('dialog', { name: 'Filters' });
  await drawer.waitFor();
  // It slides in: wait until it is fully on screen.
  await page.waitForFunction(() => document.getElementById('filter-drawer').getBoundingClientRect().left >= 0);
  assert.ok(await inViewport(drawer.getByRole('heading', { name: 'Filters' })));
  await drawer.getByTestId('type-filter').getByLabel(/Sister city/).check();
  await waitForQuery(page, (q) => q.get('type') === 'sister');
  const expected = model('?type=sister').pairs;
  const show = drawer.getByTestId('show-results');
  await page.waitForFunction((n) => document.querySelector('[data-testid="show-results"]').textContent.includes(n), expected.toLocaleString('en-US'));
  await show.click();
  await drawer.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Filters (1)' }).waitFor();
  assert.equal((await readHeadline(page)).pairs, expected);
  // The focus is back on the button that opened it.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'filters-button');
  assert.deepEqual(errors, []);
  await context.close();
});

test('no horizontal scrolling at 320 px, on the map and with the drawer and sheet open', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}?sel=cn-xian`, { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
  await waitForData(page);
  await page.getByRole('dialog', { name: "Xi'an" }).waitFor();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(await overflow(), 0);
  await page.getByRole('button', { name: 'Close' }).first().click();
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  await page.getByRole('dialog', { name: 'Filters' }).waitFor();
  assert.equal(await overflow(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

/** The text of a PDF, by poppler's pdftotext. */
function pdfText(bytes) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yc-pdf-')), 'page.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('the printed Shaanxi view has the title, the reported 88 pairs, the permalink, and no controls', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}?prov=cn-shaanxi`, LAPTOP);
  await waitForData(page);
  await waitForMap(page);
  const permalink = page.url();
  const text = pdfText(await page.pdf({ format: 'A4', printBackground: true }));
  const flat = text.replace(/\s+/g, ' ');
  assert.match(flat, /Shaanxi/);
  assert.match(flat, /\b88 pairs\b/, 'the officially reported figure');
  assert.ok(flat.replace(/ /g, '').includes(permalink.replace(/ /g, '')), `the permalink ${permalink} is printed`);
  assert.match(flat, /Filters: Shaanxi/);
  for (const label of ['Zoom in', 'Reset view', 'Map options', 'Print', 'Play', 'Clear all', 'Filters (', 'Skip to the content', 'Export']) {
    assert.ok(!flat.includes(label), `no "${label}" on paper`);
  }
  // The first rows of the table are listed (no place is open).
  assert.match(flat, /The first \d+ of [\d,]+ partnerships/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a place printed from its panel lists its partners', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}?sel=cn-xian`, LAPTOP);
  await waitForData(page);
  await page.getByRole('dialog', { name: "Xi'an" }).getByRole('button', { name: 'Print' }).waitFor();
  const flat = pdfText(await page.pdf({ format: 'A4', landscape: true })).replace(/\s+/g, ' ');
  assert.match(flat, /Xi'an/);
  assert.match(flat, /Nara/);
  assert.ok(!flat.includes('Print'), 'no button labels');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a shared link has a description and a preview picture, and the title follows the view', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}?prov=cn-shaanxi`, LAPTOP);
  await waitForData(page);
  const meta = await page.evaluate(() => Object.fromEntries(
    [...document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"], meta[name="description"]')]
      .map((m) => [m.getAttribute('property') || m.getAttribute('name'), m.content])));
  assert.ok(meta.description.length > 40);
  assert.equal(meta['twitter:card'], 'summary_large_image');
  const image = await page.request.get(new URL(meta['og:image'], page.url()).href);
  assert.equal(image.status(), 200);
  assert.equal(image.headers()['content-type'], 'image/png');
  await page.waitForFunction(() => document.title.startsWith('Shaanxi'));
  await page.getByRole('combobox', { name: 'Search places and countries' }).fill('xian');
  await page.getByRole('option', { name: /Xi'an/ }).first().click();
  await page.waitForFunction(() => document.title.startsWith("Xi'an"));
  assert.deepEqual(errors, []);
  await context.close();
});
