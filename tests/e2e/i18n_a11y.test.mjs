// Chinese and English, and accessible to everyone: the language switch, no English left in
// the Chinese UI (checked against the English catalogue itself), a keyboard-only run, and
// axe-core over every view and state in both languages (and the dark theme).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  serve, launch, openPage, waitForData, readHeadline, query, waitForQuery, model, bundled, ROOT, DIST,
} from './harness.mjs';

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const DATA_STRINGS = dataStrings();

// Every view and state a visitor can reach, as addresses.
const VIEWS = [
  ['default (map)', ''],
  ['filtered', 'cty=JP&type=sister&yr=1980-2020'],
  ['place selected', 'sel=cn-xian'],
  ['place profile', 'profile=cn-xian'],
  ['country profile', 'profile=JP'],
  ['charts', 'tab=charts&prov=cn-shaanxi'],
  ['table', 'tab=table&cont=AF'],
  ['stories', 'tab=stories'],
  ['data and sources', 'tab=data'],
  ['shading and playback', 'shade=1&play=2005'],
  ['ignored parameters', 'yr=2030-1990&nonsense=1'],
];

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

/** The UI strings of a language, from the same catalogue the app is compiled with. */
function catalogue(lang) {
  const bin = path.join(ROOT, 'target/release/youcheng-data');
  return new Map(JSON.parse(execFileSync(bin, ['messages', lang], { encoding: 'utf8' })));
}

/** Opens a view and waits until it has settled (data, map painted when shown). */
async function openView(page, q) {
  await page.goto(`${server.url}?${q}`);
  await waitForData(page);
  await page.waitForFunction(() => {
    const map = document.querySelector('[data-testid="map"]');
    return !map || map.getBoundingClientRect().width < 1 || map.dataset.painted === 'full';
  }, null, { timeout: 30000 });
  await page.waitForTimeout(150);
}

/** Every piece of text a person (or a screen reader) gets, with every disclosure opened. */
async function visibleText(page) {
  return page.evaluate(() => {
    document.querySelectorAll('details').forEach((d) => { d.open = true; });
    const skip = (el) => el.closest('[translate="no"]');
    const parts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (!el || skip(el) || el.closest('script,style')) continue;
      if (el.getClientRects().length === 0 && !el.closest('.visually-hidden')) continue;
      parts.push(node.textContent);
    }
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt],[aria-valuetext]')) {
      if (skip(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext']) {
        if (el.hasAttribute(a)) parts.push(el.getAttribute(a));
      }
    }
    parts.push(document.title);
    return parts.join('\n');
  });
}

/**
 * Text that comes from the data, not the UI: English place names (a place with no Chinese name
 * is shown by its English one), source titles, notes. It is removed before looking for UI
 * strings.
 */
function dataStrings() {
  const data = bundled();
  const out = new Set();
  const add = (s) => { if (typeof s === 'string' && /[A-Za-z]{3}/.test(s)) out.add(s); };
  for (const p of data.places) { add(p.en); add(p.local); }
  for (const c of data.countries) add(c.en);
  for (const s of data.sources) { add(s.title); add(s.document); add(s.licence); }
  for (const p of data.partnerships) add(p.note);
  for (const r of data.reported || []) add(r.note);
  add(data.dataset.title?.en);
  // An attribution line is a string (English) or {en, zh}: both are the dataset's words, whose
  // Chinese form names packages in Latin letters (i18n-iso-countries, BRI_2020). The reviewer
  // suite checks that the Chinese data tab shows the Chinese form.
  for (const a of data.dataset.attribution || []) {
    if (typeof a === 'string') add(a);
    else { add(a?.en); add(a?.zh); }
  }
  add(data.dataset.licence);
  return [...out].sort((a, b) => b.length - a.length);
}

/** English fragments of UI strings found in `text` (strings that differ between languages). */
function englishLeftIn(raw, en, zh) {
  let text = raw;
  for (const s of DATA_STRINGS) if (text.includes(s)) text = text.split(s).join(' ');
  // Names the Chinese catalogue itself writes in Latin letters ("Who's On First", "Natural
  // Earth") are not English left behind, even when a word of them is also an English string.
  for (const value of zh.values()) {
    for (const name of value.match(/[A-Za-z][A-Za-z0-9'’ .-]*[A-Za-z0-9]/g) || []) {
      if (name.includes(' ') && text.includes(name)) text = text.split(name).join(' ');
    }
  }
  const found = new Set();
  for (const [key, english] of en) {
    if (english === zh.get(key)) continue;
    for (const piece of english.split(/\{[a-z_]+\}/)) {
      const fragment = piece.trim().replace(/^[\s.,:;·()–—-]+|[\s.,:;·()–—-]+$/g, '');
      if ((fragment.match(/[A-Za-z]/g) || []).length < 3) continue;
      const escaped = fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (new RegExp(`(^|[^A-Za-z])${escaped}($|[^A-Za-z])`).test(text)) found.add(`${key}: "${fragment}"`);
    }
  }
  return [...found];
}

async function axe(page) {
  // A sheet or drawer that is still sliding in overlaps its neighbours for a moment; on a
  // loaded machine axe could catch it mid-slide (target-size on the drawer's boxes). Check
  // the page as it comes to rest: every finite animation and transition finished.
  await page.waitForFunction(() => document.getAnimations()
    .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

test('switching to Chinese and back keeps the data, the view and the language in the URL', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?cty=JP`);
  const en = await waitForData(page);
  await page.getByRole('button', { name: '中文' }).click();
  await waitForQuery(page, (q) => q.get('lang') === 'zh');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
  const zh = await readHeadline(page);
  assert.equal(zh.pairs, en.pairs);
  assert.match(zh.text, /对友好关系/);
  assert.equal(query(page).get('cty'), 'JP');
  assert.equal(await page.getByRole('tab', { name: '地图' }).getAttribute('aria-selected'), 'true');
  // A reload keeps Chinese; the browser's language is only the first guess.
  await page.reload();
  await waitForData(page);
  assert.match((await readHeadline(page)).text, /对友好关系/);
  await page.getByRole('button', { name: 'English' }).click();
  await waitForQuery(page, (q) => q.get('lang') === 'en');
  assert.match((await readHeadline(page)).text, /pairs with/);
  assert.deepEqual(errors, []);

  // With no lang= in the address, a Chinese browser gets Chinese.
  const chinese = await openPage(browser, server.url, { locale: 'zh-CN' });
  assert.match((await waitForData(chinese.page)).text, /对友好关系/);
  await chinese.context.close();
});

test('no English UI string is left anywhere in the Chinese interface', async () => {
  const en = catalogue('en');
  const zh = catalogue('zh');
  assert.ok(en.size > 200, `${en.size} strings`);
  // The check itself works: the English UI is full of English strings.
  const { page, errors } = await openPage(browser, null);
  await openView(page, '');
  assert.ok(englishLeftIn(await visibleText(page), en, zh).length > 20, 'the detector finds English in the English UI');

  const leftovers = [];
  for (const [name, q] of VIEWS) {
    await openView(page, `${q}${q ? '&' : ''}lang=zh`);
    for (const hit of englishLeftIn(await visibleText(page), en, zh)) leftovers.push(`${name}: ${hit}`);
  }
  // Hover a map place and open the search suggestions: tooltips are text too.
  await openView(page, 'lang=zh&at=108.929,34.258,48');
  const canvas = page.locator('[data-testid="map"] canvas');
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByRole('tooltip').waitFor();
  await page.getByRole('combobox', { name: '搜索城市和国家' }).fill('xian');
  await page.getByRole('option').first().waitFor();
  for (const hit of englishLeftIn(await visibleText(page), en, zh)) leftovers.push(`tooltip/search: ${hit}`);
  assert.deepEqual(leftovers, []);
  assert.deepEqual(errors, []);
});

test('a keyboard-only visit: search a city, select it, filter to a country, open the table, export CSV', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await waitForData(page);
  const press = (key) => page.keyboard.press(key);
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName, id: el.id, role: el.getAttribute('role'), text: el.textContent.trim().slice(0, 60), label: el.getAttribute('aria-label') || '', testid: el.dataset.testid || '' };
  });
  async function tabTo(predicate, limit = 250) {
    for (let i = 0; i < limit; i += 1) {
      await press('Tab');
      const f = await focused();
      if (predicate(f)) return f;
    }
    throw new Error('never reached the control by Tab');
  }
  // The first Tab reaches the skip link.
  await press('Tab');
  assert.match((await focused()).text, /Skip to the content/);

  // Search "xian", choose 西安 Xi'an with arrows and Enter.
  await tabTo((f) => f.id === 'search-input');
  await page.keyboard.type('xian');
  await page.getByRole('option').first().waitFor();
  await press('ArrowDown');
  await press('Enter');
  await waitForQuery(page, (q) => q.get('sel') === 'cn-xian');
  await page.getByRole('heading', { name: "Xi'an" }).waitFor();

  // Filter to Japan with the country list (type to find, Enter to choose).
  await page.evaluate(() => document.activeElement.blur());
  await tabTo((f) => f.testid === 'country-select');
  await page.keyboard.type('Japan');
  await press('Enter');
  await waitForQuery(page, (q) => q.get('cty') === 'JP');
  assert.equal((await readHeadline(page)).pairs, model('?cty=JP').pairs);

  // Open the table tab from the tab list with the arrow keys.
  await tabTo((f) => f.role === 'tab');
  for (let i = 0; i < 5; i += 1) {
    const f = await focused();
    if (/^Table$/.test(f.text)) break;
    await press('ArrowRight');
  }
  await press('Enter');
  await waitForQuery(page, (q) => q.get('tab') === 'table');
  await page.getByTestId('partnership-table').waitFor();

  // Export CSV with Enter.
  await tabTo((f) => f.testid === 'export-csv');
  const [file] = await Promise.all([page.waitForEvent('download'), press('Enter')]);
  const text = fs.readFileSync(await file.path(), 'utf8');
  const lines = text.trim().split(/\r?\n/).length - 1;
  assert.equal(lines, model(`?${query(page)}`).pairs);
  assert.deepEqual(errors, []);
});

test('filter changes are announced to screen readers', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await waitForData(page);
  await page.getByRole('combobox', { name: 'Country', exact: true }).fill('Japan');
  await page.getByRole('option').filter({ hasText: /^Japan/ }).first().click();
  const live = page.getByTestId('live-region');
  const expected = model('?cty=JP');
  await page.waitForFunction((n) => /pairs with/.test(document.querySelector('[data-testid="live-region"]').textContent) && document.querySelector('[data-testid="live-region"]').textContent.includes(n), expected.pairs.toLocaleString('en-US'));
  assert.match(await live.textContent(), new RegExp(`${expected.pairs.toLocaleString('en-US')} pairs with 1 country`));
  assert.deepEqual(errors, []);
});

test('axe-core finds no WCAG 2.2 A/AA violation in any view, in either language or theme', async () => {
  const problems = [];
  for (const [scheme, langs] of [['light', ['en', 'zh']], ['dark', ['en', 'zh']]]) {
    const { page, context } = await openPage(browser, null, { colorScheme: scheme });
    for (const lang of langs) {
      for (const [name, q] of VIEWS) {
        await openView(page, `${q}${q ? '&' : ''}lang=${lang}`);
        for (const v of await axe(page)) problems.push(`${scheme}/${lang}/${name}: ${v}`);
      }
    }
    await context.close();
  }
  assert.deepEqual(problems, []);
});

test('axe-core finds no WCAG 2.2 A/AA violation on a phone: filter drawer, selection sheet (low and expanded), map options', async () => {
  const problems = [];
  const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
  for (const scheme of ['light', 'dark']) {
    const { page, context } = await openPage(browser, null, { ...phone, colorScheme: scheme });
    for (const lang of ['en', 'zh']) {
      const m = catalogue(lang);
      const check = async (name) => { for (const v of await axe(page)) problems.push(`${scheme}/${lang}/${name}: ${v}`); };
      await openView(page, `lang=${lang}`);
      await check('phone map');
      await page.getByRole('button', { name: m.get('filters_button'), exact: true }).click();
      await page.getByRole('dialog', { name: m.get('filters_title') }).waitFor();
      await check('filter drawer');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: m.get('map_options') }).click();
      await check('map options');
      await openView(page, `sel=cn-xian&lang=${lang}`);
      await check('selection sheet');
      await page.getByRole('button', { name: m.get('sheet_expand') }).click();
      await check('selection sheet, expanded');
      await openView(page, `profile=JP&lang=${lang}`);
      await check('country profile sheet');
    }
    await context.close();
  }
  assert.deepEqual(problems, []);
});

test('usable on a 360 px phone and at 200% zoom: no horizontal scrolling in any view', async () => {
  const problems = [];
  for (const viewport of [{ width: 360, height: 740 }, { width: 640, height: 400 }]) {
    const { page, context } = await openPage(browser, null, { viewport });
    for (const [name, q] of VIEWS) {
      await openView(page, q);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) problems.push(`${viewport.width}px ${name}: ${overflow}px too wide`);
    }
    await context.close();
  }
  assert.deepEqual(problems, []);
});

test('an open profile follows a language switch, by keyboard and back through history', async () => {
  const zh = catalogue('zh');
  const en = catalogue('en');
  const { page, context, errors } = await openPage(browser, `${server.url}?profile=cn-xian&lang=en`);
  await waitForData(page);
  const profile = page.getByRole('dialog');
  await profile.getByRole('heading', { name: "Xi'an" }).waitFor();
  await profile.getByText(en.get('profile_by_country'), { exact: true }).waitFor();
  // Switch to Chinese with the keyboard alone: focus the switcher's button, press Enter.
  await page.getByRole('button', { name: '中文' }).focus();
  await page.keyboard.press('Enter');
  await profile.getByRole('heading', { name: '西安' }).waitFor();
  await profile.getByText(zh.get('profile_by_country'), { exact: true }).waitFor();
  await profile.getByText(zh.get('profile_timeline'), { exact: true }).waitFor();
  const body = await profile.innerText();
  for (const key of ['profile_by_country', 'profile_timeline', 'profile_by_type']) {
    assert.ok(!body.includes(en.get(key)), `English "${en.get(key)}" left in the Chinese profile`);
  }
  assert.equal(query(page).get('lang'), 'zh');
  // Back: the address says English again, and so does the open profile.
  await page.goBack();
  await waitForQuery(page, (q) => q.get('lang') === 'en');
  await profile.getByRole('heading', { name: "Xi'an" }).waitFor();
  await profile.getByText(en.get('profile_by_country'), { exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
