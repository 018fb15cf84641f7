// Filters, search and the shareable address: the questions the news reports answer, asked
// the way a visitor would, with the figures checked against the pure model.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  serve, launch, openPage, waitForData, readHeadline, model, bundled, query, waitForQuery, DIST,
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

/** Types `name` into a filter's combobox and clicks the suggestion that starts with it. */
async function choose(page, label, name) {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.fill(name);
  await page.getByRole('option').filter({ hasText: new RegExp(`^${name}`) }).first().click();
}

/** Waits until the headline differs from `before`; returns the new one. */
async function headlineChange(page, before) {
  await page.waitForFunction((text) => document.querySelector('[data-testid="headline-figures"]').textContent !== text, before.text);
  return readHeadline(page);
}

test('Shaanxi up to 2018: the dataset\'s figures, with the reported 88 pairs / 35 countries (May 2018) and its source beside them', async () => {
  const { page, errors } = await openPage(browser, server.url);
  const all = await waitForData(page);
  await choose(page, 'Province', 'Shaanxi');
  const shaanxi = await headlineChange(page, all);
  const to = page.getByRole('spinbutton', { name: 'To' });
  await to.fill('2018');
  await to.press('Enter');
  await waitForQuery(page, (q) => /-2018$/.test(q.get('yr') || ''));
  const shown = await readHeadline(page);
  const expected = model(`?${query(page)}`);
  assert.equal(shown.pairs, expected.pairs);
  assert.equal(shown.countries, expected.countries);
  assert.ok(shown.pairs <= shaanxi.pairs);
  assert.match(await page.getByTestId('headline-scope').textContent(), /^Shaanxi$/);

  const reported = page.getByTestId('reported-figure');
  const text = await reported.textContent();
  assert.match(text, /88 pairs/);
  assert.match(text, /35 countries/);
  assert.match(text, /May 2018/);
  // The source is a link a person can follow (or a named document).
  assert.match(text, /Shaanxi/);
  assert.deepEqual(errors, []);
});

test('searching "xian" offers 西安 Xi\'an; choosing it selects Xi\'an on the map', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await waitForData(page);
  const box = page.getByRole('combobox', { name: 'Search places and countries' });
  await box.fill('xian');
  const option = page.getByRole('option').filter({ hasText: '西安' }).first();
  await option.waitFor();
  assert.match(await option.textContent(), /Xi'an/);
  await option.click();
  await waitForQuery(page, (q) => q.get('sel') === 'cn-xian');
  await assert.doesNotReject(page.getByRole('heading', { name: "Xi'an" }).waitFor());
  assert.equal(await page.getByRole('tab', { name: 'Map' }).getAttribute('aria-selected'), 'true');

  // Other spellings find the same place; pinyin without tones finds Suifenhe.
  for (const [typed, expected] of [["xi'an", '西安'], ['西安', "Xi'an"], ['sufenhe', '绥芬河'], ['suifenhe', '绥芬河']]) {
    await box.fill(typed);
    await assert.doesNotReject(page.getByRole('option').filter({ hasText: expected }).first().waitFor({ timeout: 5000 }), `${typed} → ${expected}`);
  }
  // Keyboard: arrow down and Enter choose the first suggestion.
  await box.fill('Japan');
  await page.getByRole('option').filter({ hasText: 'Japan' }).first().waitFor();
  await box.press('ArrowDown');
  await box.press('Enter');
  await waitForQuery(page, (q) => q.get('profile') === 'JP' || q.get('cty') === 'JP');
  assert.deepEqual(errors, []);
});

test('SCO members only: the count equals the pure model\'s and an independent count from the file', async () => {
  const { page, errors } = await openPage(browser, server.url);
  const all = await waitForData(page);
  const sco = page.getByTestId('sco-filter');
  await sco.getByRole('checkbox', { name: /^SCO member/ }).check();
  const shown = await headlineChange(page, all);
  const expected = model(`?${query(page)}`);
  assert.equal(shown.pairs, expected.pairs);
  assert.equal(shown.countries, expected.countries);

  // Independently: partner countries whose latest SCO status is "member".
  const data = bundled();
  const members = new Set(data.countries.filter((c) => {
    const history = [...(c.sco || [])].sort((a, b) => a.since - b.since);
    return history.length > 0 && history[history.length - 1].status === 'member';
  }).map((c) => c.iso));
  const placeCountry = new Map(data.places.map((p) => [p.id, p.country]));
  const pairs = data.partnerships.filter((p) => members.has(placeCountry.get(p.partner)));
  assert.equal(shown.pairs, pairs.length);
  assert.equal(shown.countries, new Set(pairs.map((p) => placeCountry.get(p.partner))).size);
  assert.deepEqual(errors, []);
});

test('a copied address reproduces the view exactly; back and forward step through the filters', async () => {
  const { page, errors } = await openPage(browser, server.url);
  const all = await waitForData(page);
  await choose(page, 'Country', 'Japan');
  const japan = await headlineChange(page, all);
  await page.getByTestId('type-filter').getByRole('checkbox', { name: /^Sister city/ }).check();
  const sister = await headlineChange(page, japan);
  const from = page.getByRole('spinbutton', { name: 'From' });
  await from.fill('1980');
  await from.press('Enter');
  const final = await headlineChange(page, sister);
  await page.getByRole('tab', { name: 'Table' }).click();
  await waitForQuery(page, (q) => q.get('tab') === 'table');
  const chips = await page.getByTestId('filter-chips').getByRole('listitem').allTextContents();
  const rows = await page.getByTestId('table-count').textContent();
  const url = page.url();

  const fresh = await openPage(browser, url);
  const again = await waitForData(fresh.page);
  assert.equal(again.text, final.text);
  assert.deepEqual(await fresh.page.getByTestId('filter-chips').getByRole('listitem').allTextContents(), chips);
  assert.equal(await fresh.page.getByTestId('table-count').textContent(), rows);
  assert.equal(fresh.page.url(), url);
  assert.equal(await fresh.page.getByRole('tab', { name: 'Table' }).getAttribute('aria-selected'), 'true');
  const expected = model(`?${query(fresh.page)}`);
  assert.equal(again.pairs, expected.pairs);
  assert.deepEqual(fresh.errors, []);

  // Back: the tab, then the year; forward again.
  await page.goBack();
  await waitForQuery(page, (q) => !q.has('tab'));
  await page.goBack();
  await page.waitForFunction((text) => document.querySelector('[data-testid="headline-figures"]').textContent === text, sister.text);
  await page.goForward();
  await page.waitForFunction((text) => document.querySelector('[data-testid="headline-figures"]').textContent === text, final.text);

  // Clear all.
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.waitForFunction((text) => document.querySelector('[data-testid="headline-figures"]').textContent === text, all.text);
  assert.deepEqual(errors, []);
});

test('a removable chip undoes one filter, and each filter value says how many pairs it would give', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?cont=EU&type=sister`);
  await waitForData(page);
  const shown = await readHeadline(page);
  assert.equal(shown.pairs, model('?cont=EU&type=sister').pairs);
  // The count beside "Africa" is what choosing Africa as well would add... (counts ignore the
  // continent filter itself): it equals the model's count for Africa with the other filters.
  const africa = await page.getByTestId('continent-filter').getByRole('checkbox', { name: /^Africa/ }).evaluate((el) => el.closest('label').textContent);
  const n = Number(africa.match(/\(([\d,]+)\)/)[1].replace(/,/g, ''));
  assert.equal(n, model('?cont=AF&type=sister').pairs);
  await page.getByRole('button', { name: /Remove.*Sister city/ }).click();
  await waitForQuery(page, (q) => !q.has('type'));
  assert.equal((await readHeadline(page)).pairs, model('?cont=EU').pairs);
  assert.deepEqual(errors, []);
});

test('a malformed parameter (years 2030–1990) shows a notice, and the app still works', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?yr=2030-1990&cty=JP&bogus=1`);
  const shown = await waitForData(page);
  const notice = page.getByTestId('url-notices');
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /yr=2030-1990/);
  assert.match(text, /bogus=1/);
  // The good parameter still applies; the bad ones are gone from the address.
  assert.equal(shown.pairs, model('?cty=JP').pairs);
  await waitForQuery(page, (q) => !q.has('yr') && !q.has('bogus') && q.get('cty') === 'JP');
  await page.getByTestId('type-filter').getByRole('checkbox', { name: /^Sister city/ }).check();
  await waitForQuery(page, (q) => q.get('type') === 'sister');
  assert.equal((await readHeadline(page)).pairs, model('?cty=JP&type=sister').pairs);
  assert.deepEqual(errors, []);
});
