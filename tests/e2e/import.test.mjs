// Lists as offices keep them, loaded the ways a person gives them: a workbook picked with the
// file picker or linked with ?data=, read by the spreadsheet worker under the strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  serve, launch, openPage, waitForData, readHeadline, fileRoute, chartRows, gb18030, ROOT, DIST,
} from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const XLSX = path.join(ROOT, 'tests/fixtures/office/office-list-zh.xlsx');
const XLS = path.join(ROOT, 'tests/fixtures/office/office-list-en.xls');

/** Serves `text` as a CSV file. */
function textRoute(text) {
  return (req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-security-policy': CSP });
    res.end(text);
  };
}

let browser;
let server;
before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is missing: run trunk build --release first');
  browser = await launch();
  server = await serve(DIST, {
    csp: CSP,
    routes: {
      '/lists/shaanxi.xlsx': fileRoute(XLSX),
      '/lists/partners.xls': fileRoute(XLS),
      '/lists/english.csv': textRoute('Chinese city;Partner city;Country;Date established;Relationship\n'
        + "Xi'an;Nara;Japan;01/02/1974;Sister city\nShanghai;Yokohama;Japan;30/11/1973;friendly exchange\n"),
      '/lists/office-list-zh.csv': fileRoute(path.join(ROOT, 'tests/fixtures/office/office-list-zh.csv')),
      '/lists/office-list-zh.xlsx': fileRoute(XLSX),
      '/lists/registry-answer.json': fileRoute(path.join(ROOT, 'tests/fixtures/office/registry-answer.json')),
      '/lists/office-list-gb18030.csv': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/csv', 'content-security-policy': CSP });
        res.end(gb18030(fs.readFileSync(path.join(ROOT, 'tests/fixtures/office/office-list-zh.csv'), 'utf8')));
      },
      '/lists/english.tsv': textRoute("Chinese city\tPartner city\tCountry\tDate established\tRelationship\nXi'an\tNara\tJapan\t1974\tSister city\nShanghai\tYokohama\tJapan\t1973.11.30\tfriendly exchange\n"),
      '/lists/records.json': textRoute(JSON.stringify({ total: 2, rows: [
        { 中方城市: '西安市', 外方城市: '奈良市', 国别: '日本', 结好时间: '1974.2.1' },
        { 中方城市: '上海市', 外方城市: 'Yokohama', 国别: '日本', 结好时间: 1973 },
      ] })),
      '/lists/unlabelled.csv': textRoute("Ort,Gegenstück,Land,Jahr\nXi'an,Nara,Japan,1974\nYan'an,Trier,Germany,2018\n"),
    },
  });
});
after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

test('an office workbook (.xlsx: merged title row, 序号, dates typed as dates) picked with the file picker loads', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?tab=data`);
  const bundled = await waitForData(page);
  const before = server.requests.filter((r) => /youcheng-sheets/.test(r)).length;
  assert.equal(before, 0, 'the spreadsheet reader is not fetched for the first view');
  await page.getByTestId('file-input').setInputFiles(XLSX);
  await page.waitForFunction((t) => document.querySelector('[data-testid="headline-figures"]').textContent !== t, bundled.text);
  const shown = await readHeadline(page);
  assert.equal(shown.pairs, 4);
  assert.equal(shown.countries, 2);
  const counts = await page.getByTestId('validation-report').getByTestId('report-counts').textContent();
  // Seven places named (Shaanxi comes as their province, not from the list); China and the two
  // partner countries.
  assert.match(counts, /^Loaded 4 partnerships from 1 source\. The file lists 7 places, \d+ of them in a partnership, and 3 countries, 2 of them home to a partner\.$/);
  // Nothing skipped (no "0 records were skipped"); the one value dropped is said.
  assert.equal(await page.getByTestId('validation-report').getByTestId('report-problems').textContent(), '1 record was kept with a bad value left out.');
  const problems = await page.getByTestId('validation-report').getByTestId('problem-list').getByRole('listitem').allTextContents();
  assert.ok(problems.length === 1 && /row 7/.test(problems[0]) && /Kumagaya/.test(problems[0]), problems.join('\n'));
  assert.match(await page.getByTestId('data-panel').textContent(), /first sheet with data/);
  assert.ok(server.requests.some((r) => /youcheng-sheets_bg\.wasm$/.test(r)), 'the reader was fetched for the workbook');
  // Every Chinese place of the list is in Shaanxi: one province, with the list's four ties.
  await page.getByRole('tab', { name: 'Charts' }).click();
  await page.getByTestId('chart-provinces').locator('.chart-data tbody tr').first().waitFor({ state: 'attached' });
  assert.deepEqual(await chartRows(page, 'provinces'), [['Shaanxi', 4]]);
  await page.getByRole('tab', { name: 'Table' }).click();
  const table = page.getByRole('table');
  await table.waitFor();
  const text = await table.textContent();
  for (const date of ['1 February 1974', '22 November 1974', '2018', '1981']) assert.ok(text.includes(date), `${date} in the table`);
  assert.deepEqual(errors, []);
});

test('a workbook linked with ?data= (.xls, English headers, a date cell and a day-first date) loads under the CSP', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?data=lists/partners.xls`);
  await waitForData(page);
  await page.waitForFunction(() => /^2 pairs/.test(document.querySelector('[data-testid="headline-figures"]').textContent));
  const shown = await readHeadline(page);
  assert.equal(shown.pairs, 2);
  assert.equal(shown.countries, 1);
  await page.getByRole('tab', { name: 'Data' }).click();
  assert.doesNotMatch(await page.getByTestId('validation-report').textContent(), /skipped/, 'no record skipped');
  await page.getByRole('tab', { name: 'Table' }).click();
  const text = await page.getByRole('table').textContent();
  assert.ok(text.includes('1 February 1974'), 'the date cell');
  assert.ok(text.includes('30 November 1973'), '30/11/1973 read day first, as the file writes it');
  assert.deepEqual(errors, []);
});

test('a file that only looks like a workbook is refused with a reason, and the data stays', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?tab=data`);
  const bundled = await waitForData(page);
  const fake = path.join(ROOT, 'target/e2e-not-a-workbook.xlsx');
  fs.mkdirSync(path.dirname(fake), { recursive: true });
  fs.writeFileSync(fake, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 1)]));
  await page.getByTestId('file-input').setInputFiles(fake);
  const error = page.getByTestId('file-error');
  await error.waitFor();
  assert.match(await error.textContent(), /spreadsheet could not be read .*Save it as CSV/);
  assert.equal((await readHeadline(page)).text, bundled.text);
  assert.deepEqual(errors, []);
});

test('a semicolon list with English headers and day/month dates, linked with ?data=, reads its dates day first', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?data=lists/english.csv`);
  await waitForData(page);
  await page.waitForFunction(() => /^2 pairs/.test(document.querySelector('[data-testid="headline-figures"]').textContent));
  await page.getByRole('tab', { name: 'Table' }).click();
  const text = await page.getByRole('table').textContent();
  assert.ok(text.includes('1 February 1974') && text.includes('30 November 1973'), text.slice(0, 400));
  assert.deepEqual(errors, []);
});

test('columns no header names: the mapping step says what is missing; the roles chosen by hand travel in the copied link', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?data=lists/unlabelled.csv&tab=data`);
  const bundled = await waitForData(page);
  const card = page.getByTestId('column-mapping');
  await card.waitFor();
  assert.match(await card.getByTestId('columns-missing').textContent(), /Choose the column that holds: Chinese place, Partner place\./);
  // The first rows are shown under the headers, as the file has them.
  assert.match(await card.locator('tbody').textContent(), /Xi'an.*Nara/);
  // Country and year were told by what their columns hold.
  assert.equal(await card.getByLabel('Column 3 (Land) is read as').inputValue(), 'partner_country');
  await card.getByLabel('Column 1 (Ort) is read as').selectOption({ label: 'Chinese place' });
  await page.getByTestId('column-mapping').getByLabel('Column 2 (Gegenstück) is read as').selectOption({ label: 'Partner place' });
  await page.waitForFunction((t) => document.querySelector('[data-testid="headline-figures"]').textContent !== t, bundled.text);
  assert.equal((await readHeadline(page)).pairs, 2);
  const link = page.url();
  assert.match(new URL(link).searchParams.get('cols'), /^chinese_place,partner,partner_country,established$/);
  // A fresh page from the copied link reads the list the same way at once.
  const fresh = await openPage(browser, link);
  await waitForData(fresh.page);
  await fresh.page.waitForFunction(() => /^2 pairs/.test(document.querySelector('[data-testid="headline-figures"]').textContent));
  await fresh.page.getByRole('tab', { name: 'Data' }).click();
  const freshCard = fresh.page.getByTestId('column-mapping');
  assert.equal(await freshCard.getByLabel('Column 1 (Ort) is read as').inputValue(), 'chinese_place');
  assert.equal(await freshCard.getByTestId('columns-missing').count(), 0);
  assert.deepEqual(errors, []);
  assert.deepEqual(fresh.errors, []);
});

test('a 20,000-row list loads with a reading status, and its report lists the problems a step at a time', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?tab=data`);
  const bundled = await waitForData(page);
  // 20,000 ties of bundled Chinese places (written 西安市 …) with partners no gazetteer knows.
  const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/partnerships.json'), 'utf8'));
  const homes = data.places.filter((p) => p.country === 'CN' && p.zh);
  const rows = ['序号,中方城市,外方城市,国别,结好时间,类型'];
  for (let i = 0; i < 20000; i++) rows.push(`${i + 1},${homes[i % homes.length].zh},Town ${i},日本,${1980 + (i % 40)}.${1 + (i % 12)}.${1 + (i % 28)},友好城市`);
  const file = path.join(ROOT, 'target/e2e-20000-rows.csv');
  fs.writeFileSync(file, `${rows.join('\n')}\n`);
  const status = page.getByTestId('reading-file');
  await page.getByTestId('file-input').setInputFiles(file);
  await status.filter({ hasText: 'Reading e2e-20000-rows.csv…' }).waitFor();
  await page.waitForFunction((t) => document.querySelector('[data-testid="headline-figures"]').textContent !== t, bundled.text, { timeout: 60000 });
  assert.equal((await readHeadline(page)).pairs, 20000);
  assert.equal(await status.textContent(), '');
  // Every partner lacks coordinates: 20,000 warnings, listed 200 at a time, none dropped.
  const report = page.getByTestId('validation-report');
  assert.equal(await report.getByTestId('report-problems').textContent(), '20,000 records were kept with bad values left out.');
  const items = report.getByTestId('problem-list').getByRole('listitem');
  assert.equal(await items.count(), 200);
  await report.getByRole('button', { name: /Show more \(200 \/ 20000\)/ }).click();
  assert.equal(await items.count(), 400);
  assert.deepEqual(errors, []);
});

/** Pairs, partner countries (headline), provinces (the chart by province) and dated ties (the
 * table's Established column), read from the page as a person reads them. */
async function figures(page) {
  const { pairs, countries } = await readHeadline(page);
  await page.getByRole('tab', { name: 'Charts' }).click();
  await page.getByTestId('chart-provinces').locator('.chart-data tbody tr').first().waitFor({ state: 'attached' });
  const provinces = (await chartRows(page, 'provinces')).filter(([label]) => !/^(Others|Province unknown)/.test(label)).length;
  await page.getByRole('tab', { name: 'Table' }).click();
  const table = page.getByRole('table');
  await table.waitFor();
  const dated = await table.evaluate((t) => {
    const heads = [...t.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    const col = heads.findIndex((h) => /^Established/.test(h));
    return [...t.querySelectorAll('tbody tr')]
      .filter((tr) => /\d{4}/.test(tr.children[col]?.textContent ?? '')).length;
  });
  return { pairs, countries, provinces, dated };
}

// Each list as offices and researchers keep it, linked with ?data=, with hand-written figures.
const LISTS = [
  ['a Chinese-header CSV with a title row, 序号 and dotted dates', 'office-list-zh.csv', { pairs: 4, countries: 2, provinces: 1, dated: 4 }],
  ['the same list saved by Chinese Excel in GB 18030', 'office-list-gb18030.csv', { pairs: 4, countries: 2, provinces: 1, dated: 4 }],
  ['a tab-separated list with English headers', 'english.tsv', { pairs: 2, countries: 1, provinces: 2, dated: 2 }],
  ['a registry-shaped answer (made for the test, one unknown country)', 'registry-answer.json', { pairs: 2, countries: 1, provinces: 2, dated: 2 }],
  ['an .xlsx with a merged title row and date cells', 'office-list-zh.xlsx', { pairs: 4, countries: 2, provinces: 1, dated: 4 }],
  ['a JSON array of records with Chinese keys, in an envelope', 'records.json', { pairs: 2, countries: 1, provinces: 2, dated: 2 }],
];
for (const [what, file, expected] of LISTS) {
  test(`through ?data=, ${what}: pairs, countries, provinces and dates as written`, async () => {
    const { page, errors } = await openPage(browser, `${server.url}?data=lists/${file}`);
    await waitForData(page);
    await page.waitForFunction((n) => new RegExp(`^${n} pairs`).test(document.querySelector('[data-testid="headline-figures"]').textContent), expected.pairs);
    assert.deepEqual(await figures(page), expected);
    assert.deepEqual(errors, []);
  });
}
