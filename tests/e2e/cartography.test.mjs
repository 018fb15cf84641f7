// Issue 23, as a person sees it on a phone (390 × 844) and a laptop (1280 × 720): a choice is
// shown in the part of the map the sheet leaves free, zooming in keeps China in view, and the
// legend and Play are in the first screen over a map that takes most of it. Where a place is
// drawn is worked out here from the address's `at=` with the map's projection (Natural Earth I,
// written again from its published formula), not read from the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, waitForData, waitForMap, waitForQuery, bundled, DIST, PHONE, LAPTOP } from './harness.mjs';


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

// Natural Earth I (Šavrič et al. 2011), centred on 150° E, scaled so the world is 1000 wide.
function raw(lambda, phi) {
  const p2 = phi * phi;
  const p4 = p2 * p2;
  return [
    lambda * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4))),
    phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4))),
  ];
}
const SCALE = 1000 / (2 * raw(Math.PI, 0)[0]);
const HALF_HEIGHT = raw(0, Math.PI / 2)[1] * SCALE;
function forward(lon, lat) {
  let rel = (lon - 150) % 360;
  if (rel <= -180) rel += 360;
  if (rel > 180) rel -= 360;
  const [x, y] = raw((rel * Math.PI) / 180, (lat * Math.PI) / 180);
  return [x * SCALE, y * SCALE];
}

/** Where the map draws lon/lat, in page px, for the view in the address. */
async function projector(page) {
  const at = new URL(page.url()).searchParams.get('at');
  assert.ok(at, `the address has a map position: ${page.url()}`);
  const [lon, lat, zoom] = at.split(',').map(Number);
  const box = await page.evaluate(() => {
    const c = document.querySelector('[data-testid="map"] canvas').getBoundingClientRect();
    return { x: c.x, y: c.y, width: c.width, height: c.height };
  });
  const base = Math.min(box.width / 1000, box.height / (2 * HALF_HEIGHT));
  const s = base * zoom;
  const [cx, cy] = forward(lon, lat);
  return {
    box,
    at: (plon, plat) => {
      const [x, y] = forward(plon, plat);
      return [box.x + box.width / 2 + (x - cx) * s, box.y + box.height / 2 - (y - cy) * s];
    },
  };
}

/** Waits until the address's map position stops changing (an eased move has ended). */
async function settledAt(page) {
  let last = null;
  for (let i = 0; i < 40; i += 1) {
    const at = new URL(page.url()).searchParams.get('at');
    if (at && at === last) return at;
    last = at;
    await page.waitForTimeout(250);
  }
  return last;
}

async function choose(page, typed, name) {
  await page.getByRole('combobox', { name: 'Search places and countries' }).fill(typed);
  await page.getByRole('option', { name }).first().click();
  const sheet = page.getByRole('dialog').first();
  await sheet.waitFor();
  await waitForQuery(page, (q) => q.has('at'), 5000);
  await settledAt(page);
  return (await sheet.boundingBox());
}

test('laptop: after choosing Japan, its places are on the map and not under the sheet', async () => {
  const { page, context, errors } = await openPage(browser, server.url, LAPTOP);
  await waitForData(page);
  await waitForMap(page);
  const sheet = await choose(page, 'japan', /^Japan/);
  const { box, at } = await projector(page);
  const data = bundled();
  const japanese = data.places.filter((p) => p.country === 'JP' && typeof p.lat === 'number');
  const linked = new Set(data.partnerships.map((q) => q.partner));
  const drawn = japanese.filter((p) => linked.has(p.id)).map((p) => [p.id, ...at(p.lon, p.lat)]);
  assert.ok(drawn.length > 50, `${drawn.length} Japanese places`);
  const outside = drawn.filter(([, x, y]) => x < box.x || x > Math.min(box.x + box.width, sheet.x) || y < box.y || y > box.y + box.height);
  assert.deepEqual(outside.map(([id, x, y]) => `${id} at ${x.toFixed(0)},${y.toFixed(0)}`), [], `sheet from x=${sheet.x}, map ${JSON.stringify(box)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

// A small phone too (360 × 740): the map above the sheet is shorter.
const SMALL_PHONE = { ...PHONE, viewport: { width: 360, height: 740 } };
const PHONES = [['phone', PHONE], ['phone 360 × 740', SMALL_PHONE]];

for (const [name, device] of PHONES) test(`${name}: after choosing Xi'an, the map above the sheet shows Xi'an and Nara`, async () => {
  const { page, context, errors } = await openPage(browser, server.url, device);
  await waitForData(page);
  await waitForMap(page);
  const sheet = await choose(page, 'xian', /Xi'an/);
  const { box, at } = await projector(page);
  for (const [name, lon, lat] of [["Xi'an", 108.94, 34.34], ['Nara', 135.8, 34.69]]) {
    const [x, y] = at(lon, lat);
    assert.ok(x >= box.x && x <= box.x + box.width, `${name} at x=${x.toFixed(0)}`);
    assert.ok(y >= Math.max(box.y, 0) && y <= Math.min(sheet.y, box.y + box.height), `${name} at y=${y.toFixed(0)}, map from ${box.y.toFixed(0)}, sheet from ${sheet.y.toFixed(0)}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('laptop: after choosing Xi\'an, whose partners span the world, Xi\'an and its nearest partners are beside the sheet', async () => {
  const { page, context, errors } = await openPage(browser, server.url, LAPTOP);
  await waitForData(page);
  await waitForMap(page);
  const sheet = await choose(page, 'xian', /Xi'an/);
  const { box, at } = await projector(page);
  for (const [name, lon, lat] of [["Xi'an", 108.94, 34.34], ['Nara', 135.8, 34.69], ['Edinburgh', -3.19, 55.95]]) {
    const [x, y] = at(lon, lat);
    assert.ok(x >= box.x && x <= Math.min(box.x + box.width, sheet.x), `${name} at x=${x.toFixed(0)}, map from ${box.x.toFixed(0)}, sheet from ${sheet.x.toFixed(0)}`);
    assert.ok(y >= Math.max(box.y, 0) && y <= Math.min(box.y + box.height, 720), `${name} at y=${y.toFixed(0)}, map ${JSON.stringify(box)}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [name, device] of PHONES) test(`${name}: two presses of + keep China in view`, async () => {
  const { page, context, errors } = await openPage(browser, server.url, device);
  await waitForData(page);
  await waitForMap(page);
  const zoomIn = page.getByRole('button', { name: 'Zoom in' });
  await zoomIn.click();
  await zoomIn.click();
  await waitForQuery(page, (q) => q.has('at'), 5000);
  await settledAt(page);
  const { box, at } = await projector(page);
  for (const [name, lon, lat] of [['Beijing', 116.4, 39.9], ["Xi'an", 108.94, 34.34], ['Guangzhou', 113.26, 23.13]]) {
    const [x, y] = at(lon, lat);
    assert.ok(x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height, `${name} at ${x.toFixed(0)},${y.toFixed(0)}; map ${JSON.stringify(box)}; ${page.url()}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('laptop: playing the years keeps the first view where it is', async () => {
  const { page, context, errors } = await openPage(browser, server.url, LAPTOP);
  await waitForData(page);
  await waitForMap(page);
  const map = page.getByTestId('map');
  const zoom = await map.getAttribute('data-zoom');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="play-year"]').textContent) > 0);
  const first = await page.getByTestId('play-year').textContent();
  await page.waitForFunction((y) => document.querySelector('[data-testid="play-year"]').textContent !== y, first, { timeout: 5000 });
  assert.equal(await map.getAttribute('data-zoom'), zoom, `the zoom moved while playing (${first} →)`);
  assert.equal(new URL(page.url()).searchParams.get('at'), null);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [name, device] of [['phone', PHONE], ['laptop', LAPTOP]]) {
  test(`${name}: the legend and Play are in the first screen, on a map that takes at least 60 % of its height`, async () => {
    const { page, context, errors } = await openPage(browser, server.url, device);
    await waitForData(page);
    await waitForMap(page);
    const { height } = device.viewport;
    const play = await page.getByRole('button', { name: 'Play' }).boundingBox();
    assert.ok(play && play.y >= 0 && play.y + play.height <= height, `Play at ${JSON.stringify(play)} of ${height}`);
    const legend = await page.getByTestId('map-legend').boundingBox();
    assert.ok(legend && legend.y >= 0 && legend.y + Math.min(legend.height, 24) <= height, `legend at ${JSON.stringify(legend)} of ${height}`);
    const share = await page.evaluate(() => {
      const r = document.querySelector('[data-testid="map"] canvas').getBoundingClientRect();
      return (Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0))) / innerHeight;
    });
    console.log(`${name}: the map is ${(100 * share).toFixed(0)} % of the first screen`);
    assert.ok(share >= 0.6, `the map is ${(100 * share).toFixed(0)} % of the first screen`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

/** The painted labels' boxes and the controls over the map, both in page px. */
async function labelsAndControls(page) {
  return page.evaluate(() => {
    const frame = document.querySelector('[data-testid="map"]');
    const c = frame.querySelector('canvas').getBoundingClientRect();
    const labels = (frame.getAttribute('data-labels') || '')
      .split(';')
      .filter(Boolean)
      .map((b) => b.split(',').map(Number))
      .map(([l, t, r, bt]) => ({ l: c.x + l, t: c.y + t, r: c.x + r, b: c.y + bt }));
    const controls = ['.map-zoom', '.map-foot > .playback', '.map-foot > .legend', '.map-options-toggle']
      .map((s) => document.querySelector(s))
      .filter((el) => el && el.getBoundingClientRect().width > 0)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { name: el.className, l: r.left, t: r.top, r: r.right, b: r.bottom };
      });
    return { labels, controls };
  });
}

for (const [name, device] of [['phone', PHONE], ['laptop', LAPTOP]]) {
  for (const lang of ['en', 'zh']) {
    test(`${name}, ${lang}: no label is drawn under the zoom buttons, the options, the legend or Play`, async () => {
      const { page, context, errors } = await openPage(browser, `${server.url}?lang=${lang}`, device);
      await waitForData(page);
      await waitForMap(page);
      const zoomIn = page.locator('.map-zoom .icon-button').first();
      for (const step of ['first view', 'one step in', 'two steps in']) {
        if (step !== 'first view') {
          await zoomIn.click();
          await waitForQuery(page, (q) => q.has('at'), 5000);
          await settledAt(page);
        }
        await page.waitForTimeout(150);
        const { labels, controls } = await labelsAndControls(page);
        if (step === 'first view') {
          const c = await page.getByTestId('map').boundingBox();
          console.log(`${name} ${lang}: controls over the map ${JSON.stringify(controls.map((k) => [k.l - c.x, k.t - c.y, k.r - c.x, k.b - c.y].map(Math.round)))}`);
        }
        assert.ok(labels.length > 0, `${step}: labels are drawn`);
        assert.ok(controls.length >= 3, `${step}: ${controls.length} controls found`);
        const under = [];
        for (const l of labels) {
          for (const k of controls) {
            // One px of rounding either way.
            if (l.l < k.r - 1 && k.l < l.r - 1 && l.t < k.b - 1 && k.t < l.b - 1) {
              under.push(`label ${JSON.stringify(l)} under ${k.name} ${JSON.stringify(k)}`);
            }
          }
        }
        assert.deepEqual(under, [], `${step}: ${labels.length} labels`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

// A label partly under the selection sheet was drawn cut at its edge (the fresh review: laptop,
// a place or a country chosen): labels go only where no sheet covers the map.
for (const [name, device, typed, option] of [
  ['laptop', LAPTOP, 'japan', /^Japan/],
  ['laptop', LAPTOP, 'xian', /Xi'an/],
  ['phone', PHONE, 'xian', /Xi'an/],
  ['laptop', LAPTOP, 'nara', /^Nara/],
]) {
  test(`${name}: after choosing ${typed}, no label is drawn under the sheet`, async () => {
    const { page, context, errors } = await openPage(browser, server.url, device);
    await waitForData(page);
    await waitForMap(page);
    const sheet = await choose(page, typed, option);
    await page.waitForTimeout(400);
    const { labels } = await labelsAndControls(page);
    assert.ok(labels.length > 0, 'labels are drawn');
    const under = labels.filter((l) => l.l < sheet.x + sheet.width - 1 && sheet.x < l.r - 1 && l.t < sheet.y + sheet.height - 1 && sheet.y < l.b - 1);
    assert.deepEqual(under.map((l) => JSON.stringify(l)), [], `sheet ${JSON.stringify(sheet)}, ${labels.length} labels`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// Several filters make the page above the map taller (chips, a longer headline): the legend
// and Play must still be in the first screen (they were placed by a fixed offset).
for (const [name, device] of [['phone', PHONE], ['laptop', LAPTOP]]) {
  test(`${name}: with several filters set, the legend and Play stay in the first screen`, async () => {
    const filters = 'type=sister,friendly&prov=cn-jiangsu,cn-shandong,cn-guangdong&cty=JP,KR,US,DE&yr=1980-2015';
    const { page, context, errors } = await openPage(browser, `${server.url}?${filters}`, device);
    await waitForData(page);
    await waitForMap(page);
    const { height } = device.viewport;
    const chips = await page.locator('.chip').count();
    assert.ok(chips >= 4, `${chips} filter chips shown`);
    const frame = await page.getByTestId('map').boundingBox();
    console.log(`${name}: with ${chips} chips the map spans y ${frame.y.toFixed(0)}–${(frame.y + frame.height).toFixed(0)} of ${height}`);
    const play = await page.getByRole('button', { name: 'Play' }).boundingBox();
    assert.ok(play && play.y >= 0 && play.y + play.height <= height, `Play at ${JSON.stringify(play)} of ${height}`);
    const legend = await page.getByTestId('map-legend').boundingBox();
    assert.ok(legend && legend.y >= 0 && legend.y + Math.min(legend.height, 24) <= height, `legend at ${JSON.stringify(legend)} of ${height}`);
    // Still over the map, not below it.
    assert.ok(play.y >= frame.y && play.y + play.height <= frame.y + frame.height, `Play over the map ${JSON.stringify(frame)}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

/** True when two boxes (x, y, width, height) share more than a px. */
function intersects(a, b) {
  return a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
}

// The side sheet covered the legend's right half on a laptop (fresh review): the legend and the
// playback sit in the part of the map the sheet leaves free, whole and in the first screen.
for (const [what, address] of [['Japan chosen', 'profile=JP'], ["Xi'an chosen", 'sel=cn-xian']]) {
  for (const lang of ['en', 'zh']) {
    test(`laptop, ${lang}, ${what}: the legend and the playback are beside the sheet, whole, in the first screen`, async () => {
      const { page, context, errors } = await openPage(browser, `${server.url}?lang=${lang}&${address}`, LAPTOP);
      await waitForData(page);
      await waitForMap(page);
      const sheet = await page.getByTestId('selection-sheet').boundingBox();
      assert.ok(sheet, 'the sheet is open');
      const { width, height } = LAPTOP.viewport;
      const boxes = {
        legend: await page.getByTestId('map-legend').boundingBox(),
        playback: await page.getByTestId('playback').boundingBox(),
        play: await page.getByTestId('playback').getByRole('button').first().boundingBox(),
      };
      for (const [name, box] of Object.entries(boxes)) {
        assert.ok(box, `${name} is shown`);
        assert.ok(!intersects(box, sheet), `${name} ${JSON.stringify(box)} under the sheet ${JSON.stringify(sheet)}`);
        assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height, `${name} ${JSON.stringify(box)} outside the ${width} × ${height} screen`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
