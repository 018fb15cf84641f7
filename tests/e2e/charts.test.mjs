// Charts, table, exports, profiles, playback and stories, linked to the map and the filters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  serve, launch, openPage, waitForData, readHeadline, model, query, waitForQuery, fileRoute,
  chartRows, bundled, ROOT, DIST,
} from './harness.mjs';

let browser;
let server;
before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is missing: run trunk build --release first');
  browser = await launch();
  server = await serve(DIST, {
    routes: { '/fixtures/hostile.json': fileRoute(path.join(ROOT, 'tests/fixtures/hostile.json')) },
  });
});
after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

/**
 * The middle of the longest horizontal bar drawn in colour `cssVar` on a chart canvas, in CSS
 * pixels (what a person aims at), with its length in canvas pixels.
 */
async function longestBar(canvas, cssVar) {
  return canvas.evaluate((el, name) => {
    const hex = getComputedStyle(el).getPropertyValue(name).trim();
    const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const { data, width, height } = el.getContext('2d').getImageData(0, 0, el.width, el.height);
    // The longest run of the colour on each row; the bar is the rows sharing the longest run.
    const runs = [];
    for (let y = 0; y < height; y += 1) {
      let run = 0;
      let best = { len: 0, x: 0 };
      for (let x = 0; x < width; x += 1) {
        const i = (y * width + x) * 4;
        const hit = Math.abs(data[i] - rgb[0]) < 8 && Math.abs(data[i + 1] - rgb[1]) < 8 && Math.abs(data[i + 2] - rgb[2]) < 8;
        run = hit ? run + 1 : 0;
        if (run > best.len) best = { len: run, x: x - run / 2 };
      }
      runs.push(best);
    }
    const longest = Math.max(...runs.map((r) => r.len));
    const rows = runs.map((r, y) => [r, y]).filter(([r]) => r.len === longest).map(([, y]) => y);
    const y = rows[Math.floor(rows.length / 2)];
    const scale = el.width / el.getBoundingClientRect().width;
    return { x: runs[y].x / scale, y: y / scale, len: longest };
  }, cssVar);
}

/** The table's row count as the page states it ("123 partnerships"). */
async function tableCount(page) {
  const text = await page.getByTestId('table-count').textContent();
  return Number(text.match(/[\d,]+/)[0].replace(/,/g, ''));
}

/** Clicks `button` and returns the downloaded file's name and bytes. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

/** Splits CSV text into rows of fields (RFC 4180 quoting). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

test("filtered to Japan: Japan's bar chosen among the others, only Japanese partners in the table, and the growth total equals the rows", async () => {
  const { page, errors } = await openPage(browser, `${server.url}?tab=charts`);
  await waitForData(page);
  await page.getByRole('combobox', { name: 'Country', exact: true }).fill('Japan');
  await page.getByRole('option').filter({ hasText: /^Japan/ }).first().click();
  await waitForQuery(page, (q) => q.get('cty') === 'JP');
  await page.getByTestId('chart-countries').locator('canvas').waitFor();

  // The country chart keeps the other countries and marks Japan as chosen (issue 24: it
  // collapsed to one full-width bar); the rest of the app filters to Japan.
  const countries = await chartRows(page, 'countries');
  assert.ok(countries.length > 1, JSON.stringify(countries));
  const chosen = await page.getByTestId('chart-countries').locator('.chart-data tbody tr')
    .filter({ has: page.locator('button[aria-pressed="true"]') }).locator('th').allTextContents();
  assert.deepEqual(chosen, ['Japan']);
  const summary = await page.getByTestId('chart-growth').getByTestId('chart-summary').textContent();
  const dated = Number(summary.match(/([\d,]+) partnerships with a known year/)[1].replace(/,/g, ''));
  // The undated are said once, in the note under the chart (not again in the summary).
  assert.doesNotMatch(summary, /no known year/);
  const note = await page.getByTestId('chart-growth').locator('.chart-note').textContent();
  const undated = Number(note.match(/([\d,]+) partnerships? with no known year/)[1].replace(/,/g, ''));
  const growth = await chartRows(page, 'growth');
  assert.equal(growth.reduce((s, [, v]) => s + v, 0), dated, 'the bars add up to the stated total');

  await page.getByRole('tab', { name: 'Table' }).click();
  const rows = await tableCount(page);
  assert.equal(dated + undated, rows);
  assert.equal(rows, model('?cty=JP').pairs);
  const countryCells = await page.getByTestId('partnership-table').locator('tbody tr td:nth-child(4)').allTextContents();
  assert.ok(countryCells.length > 0 && countryCells.every((c) => c === 'Japan'), countryCells.join(','));
  assert.deepEqual(errors, []);
});

test('clicking the tallest province bar sets the province filter, and the map and headline follow', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?tab=charts`);
  const all = await waitForData(page);
  const canvas = page.getByTestId('chart-provinces').locator('canvas');
  await canvas.waitFor();
  await page.waitForTimeout(300);
  // Find the longest bar, as the eye does, and click its middle.
  const target = await longestBar(canvas, '--yc-chart-bar');
  assert.ok(target.len > 20, 'a bar is drawn');
  const rows = await chartRows(page, 'provinces');
  const tallest = rows.filter(([label]) => !/^Others/.test(label)).sort((a, b) => b[1] - a[1])[0];
  // Hovering shows the exact value.
  await canvas.hover({ position: { x: target.x, y: target.y } });
  const tip = page.getByRole('tooltip');
  await tip.waitFor();
  assert.equal(await tip.textContent(), `${tallest[0]}: ${tallest[1].toLocaleString('en-US')}`);
  await canvas.click({ position: { x: target.x, y: target.y } });
  const params = await waitForQuery(page, (q) => q.has('prov'));
  const expected = model(`?${params}`);
  const shown = await readHeadline(page);
  assert.equal(shown.pairs, expected.pairs);
  assert.equal(shown.pairs, tallest[1]);
  assert.ok(shown.pairs < all.pairs);
  await page.getByRole('tab', { name: 'Map' }).click();
  await page.locator('[data-testid="map"][data-painted="full"]').waitFor();
  const summary = await page.getByTestId('map-summary').textContent();
  // The sentence about pairs without coordinates is left out when there are none (issue 24).
  const [drawn] = summary.match(/[\d,]+/g).map((n) => Number(n.replace(/,/g, '')));
  const unplaced = Number((summary.match(/([\d,]+) partnerships? without coordinates/) || [null, '0'])[1].replace(/,/g, ''));
  assert.equal(drawn + unplaced, expected.pairs, summary);
  // The chosen bar is highlighted; clicking it again clears the filter.
  await page.getByRole('tab', { name: 'Charts' }).click();
  await page.waitForTimeout(300);
  const chosen = await longestBar(canvas, '--yc-chart-highlight');
  assert.ok(chosen.len > 20, 'the chosen bar is drawn highlighted');
  await canvas.click({ position: { x: chosen.x, y: chosen.y } });
  await waitForQuery(page, (q) => !q.has('prov'));
  assert.deepEqual(errors, []);
});

test('the CSV export holds the table\'s rows, with formula-like cells neutralised', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?tab=table&cont=EU&type=sister`);
  await waitForData(page);
  const rows = await tableCount(page);
  const csv = await download(page, page.getByRole('button', { name: 'CSV' }));
  assert.equal(csv.name, 'youcheng-partnerships.csv');
  const parsed = parseCsv(csv.bytes.toString('utf8').replace(/^\uFEFF/, '')).filter((r) => r.length > 1);
  assert.equal(parsed.length - 1, rows, 'one line per table row, plus the header');

  // A dataset whose names start with = + - @.
  const hostile = await openPage(browser, `${server.url}?tab=table&data=fixtures/hostile.json`);
  await hostile.page.getByTestId('partnership-table').waitFor();
  const file = await download(hostile.page, hostile.page.getByRole('button', { name: 'CSV' }));
  const cells = parseCsv(file.bytes.toString('utf8').replace(/^\uFEFF/, '')).flat();
  const risky = cells.filter((c) => /^[=+\-@\t\r]/.test(c));
  assert.deepEqual(risky, [], 'no cell starts with a formula character');
  assert.ok(cells.some((c) => c.startsWith("'=HYPERLINK")), 'the name is kept, neutralised');
  assert.ok(cells.some((c) => c.startsWith("'@SUM")));
  assert.ok(cells.some((c) => c.startsWith("'+cmd")));
  // JSON and GeoJSON exports load back / parse.
  const json = await download(hostile.page, hostile.page.getByRole('button', { name: 'JSON', exact: true }));
  assert.equal(JSON.parse(json.bytes.toString('utf8')).partnerships.length, 4);
  const geo = await download(hostile.page, hostile.page.getByRole('button', { name: 'GeoJSON' }));
  const lines = JSON.parse(geo.bytes.toString('utf8')).features.filter((f) => /LineString/.test(f.geometry?.type));
  assert.equal(lines.length, 4);
  assert.deepEqual(errors, []);
  assert.deepEqual(hostile.errors, []);
});

test('PNG and SVG exports download and carry the title, the filters and the source line', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?tab=charts&cty=JP`);
  await waitForData(page);
  const card = page.getByTestId('chart-continents');
  const title = await card.getByRole('heading').textContent();
  const svg = await download(page, card.getByRole('button', { name: 'SVG' }));
  assert.equal(svg.name, 'youcheng-continents.svg');
  const text = svg.bytes.toString('utf8');
  assert.match(text, /^<svg/);
  const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  assert.ok(text.includes(escapeXml(title)), `the SVG holds the title "${title}"`);
  assert.ok(text.includes('Data: '), 'the SVG holds the source line');
  assert.ok(text.includes('Japan'), 'the SVG names the active filter');
  assert.ok(text.includes(escapeXml(page.url()).replace(/&amp;/g, '&amp;')) || text.includes('Link: '), 'the SVG holds the permalink');

  const png = await download(page, card.getByRole('button', { name: 'PNG' }));
  assert.equal(png.name, 'youcheng-continents.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.bytes.readUInt32BE(16);
  assert.equal(width, 1600);
  // The title and source are drawn in the image and written into its metadata (iTXt).
  const meta = {};
  for (let at = 8; at + 12 <= png.bytes.length;) {
    const len = png.bytes.readUInt32BE(at);
    const type = png.bytes.subarray(at + 4, at + 8).toString('latin1');
    if (type === 'iTXt') {
      const body = png.bytes.subarray(at + 8, at + 8 + len);
      const nul = body.indexOf(0);
      const parts = body.subarray(nul + 3).toString('utf8').split('\0');
      meta[body.subarray(0, nul).toString('latin1')] = parts[2];
    }
    at += 12 + len;
  }
  assert.ok(meta.Title && meta.Title.includes(title), JSON.stringify(meta));
  assert.match(meta.Source, /^Data: /);
  assert.match(meta.Description, /Japan/);
  assert.equal(meta.URL, `Link: ${page.url()}`);
  assert.deepEqual(errors, []);
});

test('profiles: a place and a country, linkable, reachable from the table and the map', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?profile=cn-xian`);
  await waitForData(page);
  const drawer = page.getByRole('dialog', { name: "Xi'an" });
  await drawer.waitFor();
  const text = await drawer.textContent();
  assert.match(text, /Nara/);
  assert.match(text, /Japan/);
  // The reported figure for Xi'an (31 cities in 26 countries, May 2018) is shown with the data.
  assert.match(text, /31/);
  assert.match(text, /26 countries/);
  await page.keyboard.press('Escape');
  await waitForQuery(page, (q) => !q.has('profile'));

  await page.goto(`${server.url}?profile=JP`);
  const japan = page.getByRole('dialog', { name: 'Japan' });
  await japan.waitFor();
  const jp = await japan.textContent();
  assert.match(jp, new RegExp(`${model('?cty=JP').pairs.toLocaleString('en-US')} `));
  assert.match(jp, /Shaanxi|Jiangsu|Shandong/);

  // From the table: a row's place opens on the map.
  await page.goto(`${server.url}?tab=table&cty=JP&sort=est:asc`);
  const first = page.getByTestId('partnership-table').locator('tbody tr').first();
  await first.getByRole('button').first().click();
  await waitForQuery(page, (q) => q.has('sel') || q.has('pair'));
  assert.equal(await page.getByRole('tab', { name: 'Map' }).getAttribute('aria-selected'), 'true');
  assert.deepEqual(errors, []);
});

test('time playback steps through the years; the headline counts the network at each year end', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await waitForData(page);
  const playback = page.getByTestId('playback');
  for (let i = 0; i < 3; i += 1) await playback.getByRole('button', { name: 'Next year' }).click();
  const params = await waitForQuery(page, (q) => q.has('play'));
  const year = Number(params.get('play'));
  assert.equal(await page.getByTestId('play-year').textContent(), String(year));
  const shown = await readHeadline(page);
  assert.equal(shown.pairs, model(`?play=${year}`).pairs);
  assert.match(shown.text, new RegExp(`end of ${year}`));
  // The undated pairs are stated, not silently dropped.
  assert.match(await playback.textContent(), /no known year/);
  // Play advances on its own; pause stops it.
  await playback.getByRole('button', { name: 'Play' }).click();
  await waitForQuery(page, (q) => Number(q.get('play')) > year, 6000);
  await playback.getByRole('button', { name: 'Pause' }).click();
  const stopped = query(page).get('play');
  await page.waitForTimeout(1200);
  assert.equal(query(page).get('play'), stopped);
  assert.deepEqual(errors, []);
});

test('each story link opens the view it describes', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?tab=stories`);
  await waitForData(page);
  const links = page.getByTestId('stories').getByRole('link', { name: 'Show', exact: true });
  const count = await links.count();
  assert.ok(count >= 15, `${count} story links`);
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (let i = 0; i < count; i += 1) {
    await page.goto(`${server.url}?tab=stories`);
    await waitForData(page);
    const link = page.getByTestId('stories').getByRole('link', { name: 'Show', exact: true }).nth(i);
    const claim = await link.evaluate((a) => a.closest('li').querySelector('[data-testid="claim-dataset"]').textContent);
    await link.click();
    const wanted = new URLSearchParams(hrefs[i].slice(1));
    const got = await waitForQuery(page, (q) => [...wanted].every(([k, v]) => q.get(k) === v));
    const expected = model(`?${got}`);
    const shown = await readHeadline(page);
    assert.equal(shown.pairs, expected.pairs, `${hrefs[i]}: headline`);
    const tab = wanted.get('tab') || 'map';
    assert.equal(await page.getByRole('tab', { selected: true }).getAttribute('id'), `tab-${tab}`, hrefs[i]);
    if (wanted.has('sel')) {
      await page.getByTestId('place-panel').getByRole('heading').waitFor();
    }
    assert.ok(claim.length > 0, `${hrefs[i]}: the dataset's answer is stated`);
  }
  // The 2 June 2021 signing: the story lists the three pairs, each partner named as the dataset
  // names it (one name per place on a card: Minsk's Sovetsky District is the dataset's
  // "Savyetski District (Minsk)" until the name table changes it).
  await page.goto(`${server.url}?tab=stories`);
  const story = await page.getByTestId('stories').textContent();
  const partners = ['ru-rybinsk', 'ru-pogranichny-district-primorsky-krai', 'by-savyetski-district-minsk'];
  const names = partners.map((id) => bundled().places.find((p) => p.id === id).en);
  for (const name of names) assert.ok(story.includes(name), name);
  assert.deepEqual(errors, []);
});

test('a download the browser refuses says so, in the visitor\'s language, and can be dismissed', async () => {
  const { page, context, errors } = await openPage(browser, undefined);
  // The browser refuses to make a file: object URLs cannot be created.
  await context.addInitScript(() => {
    URL.createObjectURL = () => { throw new Error('downloads are blocked here'); };
  });
  await page.goto(`${server.url}?tab=table&cty=JP`);
  await waitForData(page);
  await page.getByRole('button', { name: 'CSV' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'could not be saved' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /youcheng-partnerships\.csv could not be saved/);
  // A chart export fails the same way, and the message follows the language.
  await page.getByRole('tab', { name: 'Charts' }).click();
  await page.getByTestId('chart-countries').getByRole('button', { name: 'SVG' }).click();
  await page.getByRole('alert').filter({ hasText: 'youcheng-countries.svg could not be saved' }).waitFor();
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('alert').filter({ hasText: '无法保存 youcheng-countries.svg' }).waitFor();
  await page.getByRole('button', { name: '关闭此消息' }).click();
  await page.getByRole('alert').filter({ hasText: 'youcheng-countries.svg' }).waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});
