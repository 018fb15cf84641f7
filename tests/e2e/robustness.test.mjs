// Robust to any input: a spreadsheet dropped on the page, a dataset full of hostile strings,
// and a panic, as a person would meet them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  serve, launch, openPage, waitForData, readHeadline, fileRoute, gb18030, readDataset, ROOT, DIST,
} from './harness.mjs';

const HOSTILE = path.join(ROOT, 'tests/fixtures/hostile.json');
const CSV = path.join(ROOT, 'tests/fixtures/csv/three-good-two-bad.csv');

let browser;
let server;
before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is missing: run trunk build --release first');
  browser = await launch();
  server = await serve(DIST, { routes: { '/fixtures/hostile.json': fileRoute(HOSTILE) } });
});
after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

/** Drops a file on `target` the way a browser does (a drop event carrying a DataTransfer). */
async function dropFile(page, target, file, name, type) {
  const bytes = [...fs.readFileSync(file)];
  const dataTransfer = await page.evaluateHandle(({ bytes, name, type }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], name, { type }));
    return dt;
  }, { bytes, name, type });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

test('a dropped CSV with 3 good and 2 bad rows: 3 pairs appear, the report names the bad rows and fields', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?tab=data`);
  const bundled = await waitForData(page);
  await dropFile(page, page.getByTestId('drop-zone'), CSV, 'our-partners.csv', 'text/csv');
  await page.waitForFunction((text) => document.querySelector('[data-testid="headline-figures"]').textContent !== text, bundled.text);
  const shown = await readHeadline(page);
  assert.equal(shown.pairs, 3);
  assert.equal(shown.countries, 3);
  const report = page.getByTestId('validation-report');
  const counts = await report.getByTestId('report-counts').textContent();
  assert.match(counts, /^Loaded 3 partnerships from 1 source\. The file lists 5 places, \d+ of them in a partnership, and 4 countries, \d+ of them home to a partner\.$/);
  assert.match(await report.getByTestId('report-problems').textContent(), /^2 records were skipped/);
  const problems = await report.getByTestId('problem-list').getByRole('listitem').allTextContents();
  assert.ok(problems.some((p) => /row 5/i.test(p) && /partner\b/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /row 6/i.test(p) && /partner_country/.test(p) && /XX/.test(p)), problems.join('\n'));
  // The file's origin is stated, and nothing was sent anywhere.
  assert.match(await page.getByTestId('data-origin').textContent(), /our-partners\.csv/);
  assert.ok(!server.requests.some((r) => /our-partners/.test(r)), 'the file never left the browser');

  // Dropping a file anywhere on the page works too, and the map shows the new data.
  await page.getByRole('tab', { name: 'Map' }).click();
  await dropFile(page, page.locator('body'), path.join(ROOT, 'tests/fixtures/small.json'), 'small.json', 'application/json');
  await page.waitForFunction(() => /^5 pairs/.test(document.querySelector('[data-testid="headline-figures"]').textContent));
  assert.deepEqual(errors, []);
});

test('a GB 18030 spreadsheet (as Chinese Excel saves it) is converted, with a notice', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?tab=data`);
  const bundled = await waitForData(page);
  const gb = path.join(ROOT, 'target/e2e-gb18030.csv');
  fs.mkdirSync(path.dirname(gb), { recursive: true });
  // 西安 and 奈良 in GB 18030, partner with coordinates.
  const text = 'chinese_place,partner,partner_country,partner_lat,partner_lon,established\n西安,奈良,JP,34.685,135.805,1974\n';
  fs.writeFileSync(gb, gb18030(text));
  await dropFile(page, page.getByTestId('drop-zone'), gb, 'gb.csv', 'text/csv');
  await page.waitForFunction((t) => document.querySelector('[data-testid="headline-figures"]').textContent !== t, bundled.text);
  assert.equal((await readHeadline(page)).pairs, 1);
  assert.match(await page.getByTestId('data-panel').textContent(), /GB 18030|GB18030/);
  assert.deepEqual(errors, []);
});

test('an office list as offices keep it (title row, 序号, Chinese headers, 1974.2.1, 昭和56年) loads without a change', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?tab=data`);
  const bundled = await waitForData(page);
  await dropFile(page, page.getByTestId('drop-zone'), path.join(ROOT, 'tests/fixtures/office/office-list-zh.csv'), '陕西友城.csv', 'text/csv');
  await page.waitForFunction((t) => document.querySelector('[data-testid="headline-figures"]').textContent !== t, bundled.text);
  const shown = await readHeadline(page);
  assert.equal(shown.pairs, 4);
  assert.equal(shown.countries, 2);
  const counts = await page.getByTestId('validation-report').getByTestId('report-counts').textContent();
  assert.match(counts, /Loaded 4 partnerships/);
  assert.doesNotMatch(await page.getByTestId('validation-report').textContent(), /skipped/, 'no record skipped');
  assert.match(await page.getByTestId('data-origin').textContent(), /陕西友城\.csv/);
  // Beside the public dataset: Baoji–Kumagaya only in the list; Xi'an–Kyoto dated differently
  // (1974-11-22 against 1974-05-10); every other tie of Xi'an, Yan'an and Baoji only public.
  const file = readDataset(path.join(ROOT, 'dist/data/partnerships.json'));
  const publicOnly = file.partnerships.filter((p) => ['cn-xian', 'cn-yanan', 'cn-baoji'].includes(p.home)).length - 3;
  const compare = page.getByTestId('compare');
  await compare.waitFor();
  assert.match(await compare.getByTestId('compare-only-list').locator('summary').textContent(), /^1 tie only in this list$/);
  assert.match(await compare.getByTestId('compare-differ').locator('summary').textContent(), /^1 tie in both/);
  assert.equal(await compare.getByTestId('compare-only-public').locator('summary').textContent(), `${publicOnly} ties only in the public dataset`);
  await compare.getByTestId('compare-differ').locator('summary').click();
  assert.match(await compare.getByTestId('compare-differ').textContent(), /Xi'an – Kyoto \(Japan\), 22 November 1974/);
  const [download] = await Promise.all([page.waitForEvent('download'), compare.getByRole('button', { name: 'Download the comparison (CSV)' }).click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert.match(csv, /different,Xi'an,Kyoto,JP,1974-11-22,1974-05-10/);
  assert.equal(csv.trim().split('\n').length, 1 + 1 + 1 + publicOnly);
  // 西安市 and 奈良市 are the bundled Xi'an and Nara: searching finds the imported pair's ends.
  const box = page.getByRole('combobox', { name: 'Search places and countries' });
  await box.fill('Nara');
  await assert.doesNotReject(page.getByRole('option').filter({ hasText: 'Nara' }).first().waitFor({ timeout: 5000 }));
  assert.deepEqual(errors, []);
});

test('a saved answer of the national registry, dropped, loads like a list: its rows, the registry cited, an unknown country reported', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?tab=data`);
  const bundled = await waitForData(page);
  await dropFile(page, page.getByTestId('drop-zone'), path.join(ROOT, 'tests/fixtures/office/registry-answer.json'), 'registry.json', 'application/json');
  await page.waitForFunction((t) => document.querySelector('[data-testid="headline-figures"]').textContent !== t, bundled.text);
  assert.equal((await readHeadline(page)).pairs, 2);
  const panel = page.getByTestId('data-panel');
  assert.match(await panel.textContent(), /CPAFFC friendship-city registry/);
  const problems = await page.getByTestId('validation-report').getByTestId('problem-list').getByRole('listitem').allTextContents();
  assert.ok(problems.some((p) => /row 4/i.test(p) && /乌有国/.test(p)), problems.join('\n'));
  assert.deepEqual(errors, []);
});

test('rows pasted from a spreadsheet (tab-separated, English headers, words for the tie) load like a file', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?tab=data`);
  const bundled = await waitForData(page);
  const rows = 'Chinese city\tPartner city\tCountry\tDate established\tRelationship\nXi\'an\tNara\tJapan\t1974\tSister city\nShanghai\tYokohama\tJapan\t1973.11.30\tfriendly exchange\n';
  await page.getByLabel('Or paste rows copied from a spreadsheet (with their header row)').fill(rows);
  await page.getByRole('button', { name: 'Load the pasted rows' }).click();
  await page.waitForFunction((t) => document.querySelector('[data-testid="headline-figures"]').textContent !== t, bundled.text);
  assert.equal((await readHeadline(page)).pairs, 2);
  assert.match(await page.getByTestId('validation-report').getByTestId('report-counts').textContent(), /Loaded 2 partnerships/);
  assert.doesNotMatch(await page.getByTestId('validation-report').textContent(), /skipped/, 'no record skipped');
  assert.match(await page.getByTestId('data-origin').textContent(), /pasted rows/);
  assert.deepEqual(errors, []);
});

test('names, notes and sources carrying HTML, script and SVG payloads render as text and never run', async () => {
  const { page, errors } = await openPage(browser, null);
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  const visits = [
    ['map, place selected', 'sel=cn-evil', 'place-panel'],
    ['pair', 'pair=p1', 'pair-panel'],
    ['table', 'tab=table', 'partnership-table'],
    ['charts', 'tab=charts', 'charts'],
    ['place profile', 'profile=cn-evil', 'profile'],
    ['country profile', 'profile=JP', 'profile'],
    ['data and sources', 'tab=data', 'data-panel'],
  ];
  for (const [name, q, testid] of visits) {
    await page.goto(`${server.url}?data=fixtures/hostile.json&${q}`);
    await waitForData(page);
    const part = page.getByTestId(testid).first();
    await part.waitFor();
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    const text = await part.textContent();
    assert.ok(/<img src=x onerror=|<script>|<svg onload=|<iframe src=/.test(text), `${name}: the payload is shown as text`);
    // No element the payloads describe exists; no javascript: link; nothing ran.
    const injected = await page.evaluate(() => ({
      img: document.querySelectorAll('img[src="x"], img[onerror]').length,
      script: [...document.querySelectorAll('script')].filter((s) => /__pwned/.test(s.textContent)).length,
      svg: document.querySelectorAll('svg[onload]').length,
      iframe: document.querySelectorAll('iframe').length,
      bold: document.querySelectorAll('b[onmouseover]').length,
      js: document.querySelectorAll('a[href^="javascript:" i]').length,
      pwned: window.__pwned ?? null,
    }));
    assert.deepEqual(injected, { img: 0, script: 0, svg: 0, iframe: 0, bold: 0, js: 0, pwned: null }, name);
  }
  // The map's tooltip shows the name as text too.
  await page.goto(`${server.url}?data=fixtures/hostile.json&at=108.93,34.26,40`);
  await page.locator('[data-testid="map"][data-painted="full"]').waitFor();
  const box = await page.locator('[data-testid="map"] canvas').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tip = page.getByRole('tooltip');
  await tip.waitFor();
  assert.match(await tip.textContent(), /Evil <img src=x onerror=/);
  // The source with a javascript: address is plain text; the https one is a link.
  await page.goto(`${server.url}?data=fixtures/hostile.json&tab=data`);
  await waitForData(page);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  assert.equal(await page.locator('a[href="https://example.org/sister-cities"]').count() > 0, true);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
});

test('a panic shows a readable error panel with a reload button, never a blank page', async () => {
  const { page } = await openPage(browser, `${server.url}?selftest=panic&lang=zh`);
  const panel = page.getByRole('alert');
  await panel.waitFor();
  assert.equal(await page.getByTestId('crash-panel').count(), 1);
  assert.match(await panel.textContent(), /出错了/);
  const reload = page.getByRole('link', { name: '重新加载' });
  assert.equal(await reload.getAttribute('href'), page.url());
  assert.match(await panel.locator('pre').textContent(), /deliberate panic/);
});
