// The page read as a careful reviewer reads it: every tab and the sheet of a province, a city, a
// country and a foreign place, in English and Chinese, on a phone (390 × 844) and a laptop
// (1280 × 720), on the bundled data and on a synthetic set. Each view is read once (all text a
// person or a screen reader gets) and checked for: text that looks like code; English outside
// names and sources in the Chinese interface; traditional characters outside quoted source
// titles; "1 partnerships"-style plurals and "0 …" sentences; unbalanced brackets; source titles
// that speak of the project; a disabled control with something left to do (the table's Next);
// a table or card wider than the phone; and the same place's count differing, for the same
// scope, between search, sheet, profile, map tooltip and table (every count says its scope);
// in Chinese, a date written as ISO (2018-05-29) outside an address, and a count of ties of
// every kind called 友城 (formal friendship cities: the scope of a count decides its noun);
// a short Chinese name (up to eight characters) broken across lines in a table's column.
// Views change through the address (history + popstate), so the app loads once per language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, openPage, waitForData, readHeadline, fileRoute, readDataset, ROOT, DIST } from './harness.mjs';

const BIN = path.join(ROOT, 'target/release/youcheng-data');
const SYNTHETIC = path.join(ROOT, 'target/e2e/reviewer-synthetic.json');
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const LAPTOP = { viewport: { width: 1280, height: 720 } };

// Known exceptions owned by other open issues, each named; a check is never switched off.
// Keys are "check: text" as the failure lists them.
const ALLOWED = new Map([
]);

let browser;
let server;
let TRADITIONAL;
let ZH_WORDS;
const CATALOGUE = {};
before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is missing: run trunk build --release first');
  if (!fs.existsSync(BIN)) execFileSync('cargo', ['build', '--quiet', '--release', '--bin', 'youcheng-data'], { cwd: ROOT, stdio: 'inherit' });
  fs.mkdirSync(path.dirname(SYNTHETIC), { recursive: true });
  execFileSync(BIN, ['synthetic', '3000', '11', SYNTHETIC]);
  TRADITIONAL = new Set(JSON.parse(execFileSync(BIN, ['hanzi'], { encoding: 'utf8' })));
  for (const lang of ['en', 'zh']) {
    CATALOGUE[lang] = new Map(JSON.parse(execFileSync(BIN, ['messages', lang], { encoding: 'utf8' })));
  }
  ZH_WORDS = chineseCatalogueWords();
  browser = await launch();
  server = await serve(DIST, { routes: { '/reviewer/synthetic.json': fileRoute(SYNTHETIC, 'application/json') } });
});
after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** An ISO date standing alone (not inside a number, a word or an address). */
const ISO_DATE = /(?<![\w/.=:-])(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?(?![\w/-])/g;
/** A text from the data with its ISO dates as the app shows them to a reader of `lang`. */
function localDates(text, lang) {
  return text.replace(ISO_DATE, (_, y, m, d) => {
    const [month, day] = [Number(m), d ? Number(d) : null];
    if (lang === 'zh') return day ? `${y}年${month}月${day}日` : `${y}年${month}月`;
    return day ? `${day} ${MONTHS[month - 1]} ${y}` : `${MONTHS[month - 1]} ${y}`;
  });
}

/** The strings of a dataset that are data, not interface: names, source titles, notes. */
function dataText(file) {
  const data = readDataset(file);
  const names = new Set();
  const sources = new Set();
  const add = (set, s) => { if (typeof s === 'string' && s.trim()) set.add(s.trim()); };
  for (const p of data.places) { add(names, p.en); add(names, p.local); add(names, p.zh); }
  for (const c of data.countries) { add(names, c.en); add(names, c.zh); }
  for (const s of data.sources) { add(sources, s.title); add(sources, s.document); add(sources, s.licence); }
  for (const p of data.partnerships) add(names, p.note);
  for (const r of data.reported || []) add(names, r.note);
  add(names, data.dataset.title?.en);
  add(names, data.dataset.id);
  add(names, data.dataset.version);
  // An attribution line is a string (English) or {en, zh}: both are the dataset's words.
  for (const a of data.dataset.attribution || []) {
    if (typeof a === 'string') add(sources, a);
    else { add(sources, a?.en); add(sources, a?.zh); }
  }
  add(sources, data.dataset.licence);
  // Notes and titles are shown with their dates in the reader's language.
  for (const set of [names, sources]) {
    for (const s of [...set]) for (const lang of ['en', 'zh']) add(set, localDates(s, lang));
  }
  const byLength = (set) => [...set].sort((a, b) => b.length - a.length);
  const text = byLength(new Set([...names, ...sources]));
  return { text, unbalanced: text.filter((s) => unbalanced(s) !== null), data };
}

/** Moves the app to another address without reloading it (as Back and Forward do). */
async function go(page, q) {
  await page.evaluate((search) => {
    history.pushState(null, '', `${location.pathname}?${search}`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, q);
  await page.waitForFunction(() => {
    const map = document.querySelector('[data-testid="map"]');
    return !map || map.getBoundingClientRect().width < 1 || map.dataset.painted === 'full';
  }, null, { timeout: 30000 });
  await page.waitForTimeout(120);
}

/**
 * Everything the view gives a reader, in one pass: text blocks (text of the nearest block
 * element, with source titles marked), attribute texts, the pager, and the boxes of tables and
 * cards that pass the window's right edge.
 */
async function readView(page) {
  return page.evaluate(() => {
    document.querySelectorAll('details').forEach((d) => { d.open = true; });
    const isSource = (el) => !!el.closest('.source-link,.source-text,.source-ref');
    // Text marked as another language (the language switch's "English", a name's local script).
    const isForeign = (el) => {
      const marked = el.closest('[lang]');
      return !!marked && marked !== document.documentElement && !/^zh/i.test(marked.lang);
    };
    const blocks = new Map();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (!el || el.closest('script,style,noscript')) continue;
      if (el.getClientRects().length === 0 && !el.closest('.visually-hidden')) continue;
      let block = el;
      while (block.parentElement && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
      const entry = blocks.get(block) || { text: '', source: '', plain: '' };
      entry.text += node.textContent;
      if (isSource(el)) entry.source += `${node.textContent}\n`;
      else if (!isForeign(el)) entry.plain += node.textContent;
      blocks.set(block, entry);
    }
    const attributes = [];
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt],[aria-valuetext]')) {
      for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext']) {
        if (el.hasAttribute(a)) attributes.push({ text: el.getAttribute(a), source: isSource(el) || isForeign(el) });
      }
    }
    attributes.push({ text: document.title, source: false });
    const pager = (() => {
      const indicator = document.querySelector('[data-testid="page-indicator"]');
      if (!indicator) return null;
      const buttons = [...indicator.parentElement.querySelectorAll('button')];
      return { text: indicator.textContent, buttons: buttons.map((b) => ({ text: b.textContent.trim(), disabled: b.disabled })) };
    })();
    const width = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.querySelectorAll('table, .card, .chart-card, [role="dialog"], .data-table, figure')) {
      if (el.getClientRects().length === 0) continue;
      const r = el.getBoundingClientRect();
      const box = el.parentElement ? el.parentElement.getBoundingClientRect() : r;
      const clipped = el.parentElement && el.scrollWidth > el.parentElement.clientWidth + 1 && el.tagName === 'TABLE';
      if (r.right > width + 1 || r.left < -1 || clipped) {
        const name = el.getAttribute('data-testid') || el.className || el.tagName;
        wide.push(`${el.tagName.toLowerCase()} ${name}: ${Math.round(r.left)}–${Math.round(r.right)} px in ${width} px (parent ${Math.round(box.width)} px, content ${el.scrollWidth} px)`);
      }
    }
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    // A short Chinese name in a table's cell on one line (never 天/津/市, a character a line).
    const broken = [];
    for (const cell of document.querySelectorAll('td, th')) {
      // A cell only for screen readers (a phone card's hidden header row) is not read.
      if (cell.getClientRects().length === 0 || cell.getBoundingClientRect().width < 4) continue;
      const cells = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      while (cells.nextNode()) {
        const node = cells.currentNode;
        if (!/^\p{Script=Han}{2,8}$/u.test(node.textContent.trim())) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(`${node.textContent.trim()} (${tops.size} lines)`);
      }
    }
    return { blocks: [...blocks.values()], attributes, pager, wide, overflow, broken };
  });
}

const CODE = [/\|\s*_\s*\|/, /=>/, /\bmove\s*\|/, /[{}]/, /\bon\s*:\s*click\b/, /\bSome\(|\bNone\b|::/];
const PROJECT_SPEAK = /\b(the project|this project|peer systems|as compiled)\b|本项目/i;
const PLURAL_EN = /(^|[^\d.,])1 ([a-z]+ )?(partnerships|partners|pairs|countries|places|rows|cities|years|sources|results|suggestions|letters)\b/;
// "0 partnerships without coordinates …", "另有 0 对因缺少坐标…", "0 %": a sentence about nothing
// (a count in a list of groups, "两者一致 0 对", is a figure, not a sentence).
const EMPTY = [/(^|[^\d.,])0 (partnerships?|pairs?|partners?|countries|places?)\b(?! ?[–-])/, /(^|[^\d.,])0 ?(对|个)(?=\p{Script=Han})/u, /(^|[^\d.,])0 ?%/];
// A name and the same name again ("奈良市 · 奈良市"), or a name with the country after it glued
// to its front too ("日本京都府 · 日本").
const DOUBLED = [/(^|[^\p{L}])(\p{L}[\p{L}'’. -]*\p{L}) · \2(?![\p{L}])/u, /(^|[^\p{Script=Han}])(\p{Script=Han}{2,})\p{Script=Han}+ · \2(?![\p{Script=Han}])/u];
// In Chinese no space stands between an Arabic number and a character ("106 对", "涉及 35"); a
// number inside a Latin term ("UTF-8 编码") belongs to the term.
const HAN_OR_FULL = '[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]';
const NUMBER_SPACE = [
  new RegExp(`(?<![A-Za-z0-9.,-])(?<![A-Za-z] )\\d[\\d,.]*%? ${HAN_OR_FULL}`),
  new RegExp(`${HAN_OR_FULL} \\d`),
];
const PAIRS = [['(', ')'], ['（', '）'], ['[', ']'], ['【', '】'], ['《', '》'], ['“', '”']];

function unbalanced(text) {
  for (const [open, close] of PAIRS) {
    let depth = 0;
    for (const ch of text) {
      if (ch === open) depth += 1;
      else if (ch === close) depth -= 1;
      if (depth < 0) return `${close} before ${open}`;
    }
    if (depth !== 0) return `${open} not closed`;
  }
  // A half-width and a full-width bracket closing each other count as a pair.
  const opens = (text.match(/[(（]/g) || []).length;
  const closes = (text.match(/[)）]/g) || []).length;
  return opens === closes ? null : 'brackets do not pair';
}

/** Removes the data strings from a text (names, notes; and source titles when asked). */
function withoutData(text, list) {
  let out = text;
  for (const s of list) if (s.length >= 2 && out.includes(s)) out = out.split(s).join(' ');
  return out;
}

/** The Latin words the Chinese catalogue itself uses (product and format names: CSV, GeoJSON…). */
function chineseCatalogueWords() {
  const words = new Set();
  for (const text of CATALOGUE.zh.values()) for (const w of text.match(/[A-Za-z][A-Za-z'’.-]*[A-Za-z]/g) || []) words.add(w);
  return words;
}

/** Every problem a view shows, as "check: text" lines. */
function problemsOf(view, lang, data) {
  const problems = [];
  const report = (check, text) => {
    const key = `${check}: ${String(text).replace(/\s+/g, ' ').trim().slice(0, 160)}`;
    if (!ALLOWED.has(key) && !problems.includes(key)) problems.push(key);
  };
  const items = [
    ...view.blocks.map((b) => ({ text: b.text, plain: b.plain, source: b.source })),
    ...view.attributes.map((a) => ({ text: a.text, plain: a.source ? '' : a.text, source: a.source ? a.text : '' })),
  ];
  const zhWords = lang === 'zh' ? ZH_WORDS : null;
  // Each check reads the raw text first; only a hit is read again without the data strings
  // (names, notes, source titles), which are slow to take out of every piece of text.
  const stripped = (plain) => withoutData(plain, data.text);
  for (const { text, plain, source } of items) {
    if (!text || !text.trim()) continue;
    let ui = null;
    const interfaceText = () => { if (ui === null) ui = stripped(plain); return ui; };
    const hit = (pattern) => pattern.test(plain) && pattern.test(interfaceText());
    if (CODE.some(hit)) report('looks like code', text);
    if (PROJECT_SPEAK.test(source) || hit(PROJECT_SPEAK)) report('speaks of the project, not the source', source || text);
    const reason = unbalanced(text) && unbalanced(withoutData(text, data.unbalanced));
    if (reason) report(`unbalanced brackets (${reason})`, text);
    if (hit(PLURAL_EN)) report('plural', text);
    if (DOUBLED.some((pattern) => pattern.test(text))) report('a name doubled or glued to its country', text);
    if (EMPTY.some(hit)) report('an empty case said as a number', text);
    if (lang === 'zh') {
      const words = (text) => (text.match(/[A-Za-z][A-Za-z'’.-]*[A-Za-z]/g) || []).filter((w) => !zhWords.has(w));
      const latin = words(plain).length ? words(interfaceText()) : [];
      if (latin.length) report(`English in the Chinese interface (${[...new Set(latin)].slice(0, 6).join(' ')})`, text);
      // A quotation (“…”) keeps the characters of what it quotes.
      const traditional = [...plain.replace(/“[^”]*”/g, ' ')].filter((ch) => TRADITIONAL.has(ch));
      if (traditional.length) report(`traditional characters (${[...new Set(traditional)].join('')})`, text);
      if (NUMBER_SPACE.some(hit)) report('a space between a number and a Chinese character', text);
      // Dates in the reader's language, data included (an address is not read as text).
      if (new RegExp(ISO_DATE.source).test(text)) report('an ISO date in the Chinese interface', text);
      // 友城 is a formal friendship city: a count of ties is 友好关系 unless it takes formal
      // ones only (友好城市); a quotation keeps the words it quotes.
      if (/(\d[\d,]*|多)对友城/.test(interfaceText().replace(/“[^”]*”/g, ' '))) report('a count of ties called 友城', text);
    }
  }
  for (const name of view.broken || []) report('a short name broken across lines', name);
  if (view.pager) {
    const m = view.pager.text.match(/(\d[\d,]*)\D+(\d[\d,]*)/);
    if (m) {
      const [pageNo, pages] = [Number(m[1].replace(/,/g, '')), Number(m[2].replace(/,/g, ''))];
      const [prev, next] = [view.pager.buttons[0], view.pager.buttons[view.pager.buttons.length - 1]];
      if (next && next.disabled && pageNo < pages) report('disabled while rows remain', `${next.text} on "${view.pager.text}"`);
      if (prev && prev.disabled && pageNo > 1) report('disabled while rows remain', `${prev.text} on "${view.pager.text}"`);
    } else {
      report('pager without page numbers', view.pager.text);
    }
  }
  return problems;
}

// Counts with their scope, as each surface writes them: "88 partnerships (with the places
// under it; all kinds; all years)", "88对友好关系（含下辖地区；所有类型；全部年份）".
const COUNT = {
  en: /(\d[\d,]*) partnerships? \(([^()]*)\)/g,
  zh: /(\d[\d,]*)对(?:友好关系|友好城市关系)（([^（）]*)）/g,
};
function countsIn(text, lang) {
  return [...text.matchAll(COUNT[lang])].map((m) => ({ n: Number(m[1].replace(/,/g, '')), scope: m[2].trim() }));
}

/** The text of the place's suggestion when its name is typed in the search box. */
async function searchText(page, query, name) {
  const box = page.locator('#search-input');
  await box.fill('');
  await box.fill(query);
  const option = page.getByRole('option').filter({ hasText: name }).first();
  await option.waitFor({ timeout: 5000 }).catch(() => {});
  const text = (await option.count()) ? await option.textContent() : '';
  await box.fill('');
  await page.keyboard.press('Escape');
  return text;
}

/** The map tooltip of the marker at the centre of the map, at an address that centres it. */
async function tooltipText(page, address) {
  await go(page, address);
  const canvas = page.locator('[data-testid="map"] canvas').first();
  const box = await canvas.boundingBox();
  if (!box) return '';
  await page.mouse.move(box.x + box.width / 2 - 1, box.y + box.height / 2 - 1);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tip = page.getByTestId('map-tooltip');
  await tip.waitFor({ timeout: 3000 }).catch(() => {});
  const text = (await tip.count()) ? await tip.textContent() : '';
  await page.mouse.move(box.x + 2, box.y + 2);
  return text;
}

/** The id of the pair between two places. */
function pairId(data, home, partner) {
  const pair = data.data.partnerships.find((p) => p.home === home && p.partner === partner);
  return pair ? pair.id : 'missing';
}

/** Every (dataset, size, language): the views it walks and the subjects whose counts it compares. */
function plan(kind) {
  if (kind === 'bundled') {
    const data = dataText(path.join(ROOT, 'public/data/partnerships.json'));
    const at = (id, zoom) => {
      const p = data.data.places.find((q) => q.id === id);
      return `${p.lon},${p.lat},${zoom}`;
    };
    return {
      base: '',
      data,
      subjects: [
        { label: 'province', id: 'cn-shaanxi', search: 'shaanxi', names: ['Shaanxi', '陕西'], at: at('cn-shaanxi', 1.2), table: 'in=cn-shaanxi' },
        { label: 'city', id: 'cn-xian', search: 'xian', names: ["Xi'an", '西安'], at: at('cn-xian', 48), table: 'in=cn-xian' },
        { label: 'country', id: 'JP', search: 'japan', names: ['Japan', '日本'], at: '138.2,36.2,1.2', table: 'cty=JP', country: true },
        { label: 'foreign place', id: 'jp-nara', search: 'nara', names: ['Nara', '奈良'], at: at('jp-nara', 48), table: 'in=jp-nara' },
      ],
      // Playback before any official figure; a chart with a bar chosen; a filtered table; the
      // Xi'an–Nara pair, whose note once lost its closing bracket.
      extra: ['play=1974', 'tab=charts&cty=JP', 'tab=table&in=cn-shaanxi', `pair=${pairId(data, 'cn-xian', 'jp-nara')}`],
    };
  }
  const data = dataText(SYNTHETIC);
  // The address the data came from is shown as it was given.
  data.text.unshift('reviewer/synthetic.json');
  const home = data.data.places.find((p) => p.id === 'syn-h0');
  const partner = data.data.partnerships.find((p) => p.home === home.id);
  const other = data.data.places.find((p) => p.id === partner.partner);
  const country = data.data.countries.find((c) => c.iso === other.country);
  return {
    base: 'data=reviewer/synthetic.json',
    data,
    subjects: [
      { label: 'synthetic home place', id: home.id, search: home.en, names: [home.en, home.zh].filter(Boolean), at: `${home.lon},${home.lat},48`, table: `in=${home.id}` },
      { label: 'synthetic partner place', id: other.id, search: other.en, names: [other.en, other.zh].filter(Boolean), at: `${other.lon},${other.lat},48`, table: `in=${other.id}` },
      { label: 'synthetic country', id: country.iso, search: country.en, names: [country.en, country.zh].filter(Boolean), country: true, table: `cty=${country.iso}` },
    ],
    extra: ['play=2000'],
  };
}

for (const kind of ['bundled', 'synthetic']) {
  for (const [size, device] of [['phone', PHONE], ['laptop', LAPTOP]]) {
    test(`a reviewer reads every tab and sheet (${kind} data, ${size}, English and Chinese)`, async () => {
      const { base, data, subjects, extra } = plan(kind);
      const { page, context, errors } = await openPage(browser, null, device);
      const problems = [];
      const mismatches = [];
      const started = Date.now();
      const lap = (what) => { if (process.env.REVIEWER_TIMES) console.log(`${kind} ${size} ${what}: ${Date.now() - started} ms`); };
      for (const lang of ['en', 'zh']) {
        const q = (s) => [base, `lang=${lang}`, s].filter(Boolean).join('&');
        await page.goto(`${server.url}?${q('')}`);
        await waitForData(page);
        const views = [
          '', 'tab=charts', 'tab=table', 'tab=stories', 'tab=data',
          ...subjects.flatMap((s) => [s.country ? null : `sel=${s.id}`, `profile=${s.id}`].filter(Boolean)),
          ...extra,
        ];
        for (const v of views) {
          await go(page, q(v));
          for (const p of problemsOf(await readView(page), lang, data)) problems.push(`${lang} ${size} ?${v}: ${p}`);
          lap(`${lang} ?${v}`);
        }
        // Every row is reachable: Next by keyboard, then the last page, then back.
        await go(page, q('tab=table'));
        const pager = page.getByRole('navigation', { name: CATALOGUE[lang].get('pages') });
        const indicator = page.getByTestId('page-indicator');
        const numbers = async () => ((await indicator.textContent()).match(/\d[\d,]*/g) || []).map((n) => Number(n.replace(/,/g, '')));
        const [, pages = 1] = await numbers();
        for (const [name, times, expected] of [['next_page', 2, Math.min(pages, 3)], ['last_page', 1, pages], ['first_page', 1, 1]]) {
          const button = pager.getByRole('button', { name: CATALOGUE[lang].get(name), exact: true });
          for (let i = 0; i < times; i += 1) {
            if (!(await button.count()) || (await button.isDisabled())) break;
            await button.focus();
            await page.keyboard.press('Enter');
          }
          const [reached] = await numbers();
          if (reached !== expected) problems.push(`${lang} ${size}: after "${CATALOGUE[lang].get(name)}" the table is on page ${reached} of ${pages}, not ${expected}`);
        }

        // One place, one scope, one number: search, sheet, profile, tooltip and table agree
        // (read at one size: the numbers do not depend on it).
        for (const s of size === 'laptop' ? subjects : []) {
          const surfaces = {};
          surfaces.search = await searchText(page, s.search, s.names[lang === 'zh' && s.names[1] ? 1 : 0]);
          if (!s.country) {
            await go(page, q(`sel=${s.id}`));
            surfaces.sheet = (await page.getByRole('dialog').first().innerText().catch(() => '')) || '';
          }
          await go(page, q(`profile=${s.id}`));
          surfaces.profile = (await page.getByRole('dialog').first().innerText().catch(() => '')) || '';
          if (s.at) surfaces.tooltip = await tooltipText(page, q(`at=${s.at}`)).catch(() => '');
          await go(page, q(`${s.table}&tab=table`));
          surfaces.table = (await page.getByTestId('table-count').textContent().catch(() => '')) || '';
          const seen = new Map();
          for (const [surface, text] of Object.entries(surfaces)) {
            const counts = countsIn(text, lang);
            if (!counts.length) {
              mismatches.push(`${lang} ${size} ${s.label} ${s.id}: the ${surface} shows no count with its scope: "${text.replace(/\s+/g, ' ').trim().slice(0, 140)}"`);
            }
            for (const { n, scope } of counts) {
              const key = scope.replace(/\s+/g, ' ');
              if (!seen.has(key)) seen.set(key, []);
              seen.get(key).push(`${surface} ${n}`);
            }
          }
          lap(`${lang} counts of ${s.id}`);
          for (const [scope, list] of seen) {
            const numbers = new Set(list.map((x) => x.split(' ').pop()));
            if (numbers.size > 1) mismatches.push(`${lang} ${size} ${s.label} ${s.id}: "${scope}" counts differ: ${list.join(', ')}`);
          }
        }
      }
      if (size === 'phone') {
        // Nothing wider than the phone: tables and cards fit, or scroll inside their own box.
        for (const lang of ['en', 'zh']) {
          for (const v of ['tab=table', 'tab=data', 'tab=charts', `sel=${subjects[0].id}`, `profile=${subjects[0].id}`]) {
            await go(page, [base, `lang=${lang}`, v].filter(Boolean).join('&'));
            const view = await readView(page);
            for (const w of view.wide) problems.push(`${lang} phone ?${v}: wider than the phone: ${w}`);
            if (view.overflow > 0) problems.push(`${lang} phone ?${v}: the page scrolls sideways by ${view.overflow} px`);
          }
        }
      }
      assert.deepEqual([...problems, ...mismatches], []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

// The faults a fresh reviewer found after issues 24 and 27 landed, each read as a person sees it.
const ALL_SIZES = [['phone', PHONE], ['laptop', LAPTOP]];
/** True when a Chinese character and an ASCII comma, semicolon or bracket touch (spaces aside). */
const ASCII_IN_CHINESE = /[\u4e00-\u9fff，。、；：（）]\s*[,;()[\]]|[,;()[\]]\s*[\u4e00-\u9fff，。、；：（）]/;

/** Pairs of Shaanxi of the figure's kind begun after a day: every dated stage starts later. */
function begunAfter(data, root, kind, day) {
  const parent = new Map(data.places.map((p) => [p.id, p.parent]));
  const within = (id) => { for (let p = id; p; p = parent.get(p)) if (p === root) return true; return false; };
  const earliest = (d) => d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
  return data.partnerships.filter((p) => within(p.home) && (p.type || 'unknown') === kind).filter((p) => {
    const dates = [p.est, ...(p.history || []).map((h) => h.date)].filter(Boolean);
    return dates.length > 0 && dates.every((d) => earliest(d) > day);
  }).length;
}

test('the scope line, the date cut, official figures, notes, sources and tabs read right (phone and laptop, both languages)', async () => {
  const data = readDataset(path.join(ROOT, 'public/data/partnerships.json'));
  const problems = [];
  for (const [size, device] of ALL_SIZES) {
    const { page, context, errors } = await openPage(browser, null, device);
    for (const lang of ['en', 'zh']) {
      await page.goto(`${server.url}?lang=${lang}`);
      await waitForData(page);
      const at = `${lang} ${size}`;
      // (a) What the headline counts is said at every size.
      await go(page, `lang=${lang}&in=cn-shaanxi`);
      const counting = page.getByTestId('headline-counting');
      const box = (await counting.count()) ? await counting.boundingBox() : null;
      const words = (await counting.count()) ? (await counting.textContent()).trim() : '';
      if (!box || box.height < 4 || !words.includes(lang === 'en' ? 'with the places under it' : '含下辖地区')) {
        problems.push(`${at}: the headline shows no scope line ("${words}")`);
      }
      // (h) A date cut is named, never "all years".
      await go(page, `lang=${lang}&prov=cn-shaanxi&by=2018-05-29`);
      const cut = (await page.getByTestId('headline-counting').textContent().catch(() => '')) || '';
      const [day, never] = lang === 'en' ? ['up to 29 May 2018', 'all years'] : ['截至2018年5月29日', '全部年份'];
      if (!cut.includes(day) || cut.includes(never)) problems.push(`${at}: the date cut is not named: "${cut}"`);
      // The cut keeps the ties of no known year (the year filter's default): the scope says so.
      const kept = lang === 'en' ? 'and those with no known year' : '及年份不详';
      if (!cut.includes(kept)) problems.push(`${at}: the date cut counts undated ties without saying so: "${cut}"`);
      // Beside the official figure, "others not counted" adds up with the compared ties to
      // what the view shows, or names what it counts: on Shaanxi's day the view shows 85,
      // the figure compares 46, and the 60 others are of all 106 ties of the place ("60 of
      // all 106 ties of Shaanxi (every kind and date)"), never a bare "60 others" beside 85.
      // A phone shows the dataset's side too, in short, within the screen.
      const shown = (await readHeadline(page)).pairs;
      const figure = page.getByTestId('reported-figure');
      const sideId = size === 'phone' ? 'reported-comparison-short' : 'reported-comparison';
      const sideBox = await figure.getByTestId(sideId).boundingBox().catch(() => null);
      if (!sideBox || sideBox.width < 4 || sideBox.x < 0 || sideBox.x + sideBox.width > device.viewport.width + 0.5) {
        problems.push(`${at}: the dataset's side of the official figure is not shown within the screen (${JSON.stringify(sideBox)})`);
      }
      const sideText = (await figure.getByTestId(sideId).textContent().catch(() => '')) || '';
      const compared = Number(((sideText.match(/\d[\d,]*/) || ['NaN'])[0]).replace(/,/g, ''));
      const summary = (await figure.locator('.left-out summary').textContent().catch(() => '')) || '';
      const [others = 0, total = shown] = (summary.match(/\d[\d,]*/g) || []).map((n) => Number(n.replace(/,/g, '')))
        .sort((a, b) => a - b);
      if (compared + others !== total) problems.push(`${at}: on 29 May 2018 "${sideText}" and "${summary}" do not add up (${compared} + ${others} ≠ ${total})`);
      if (total !== shown && !summary.includes(lang === 'en' ? `of all ${total}` : `全部${total}`)) {
        problems.push(`${at}: on 29 May 2018 the view shows ${shown} ties and "${summary}" does not say it counts ${total}`);
      }
      // (f) Every tab label whole at this size.
      for (const tab of await page.getByRole('tab').all()) {
        const fit = await tab.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { text: el.textContent, whole: el.scrollWidth <= el.clientWidth + 1 && r.left >= 0 && r.right <= innerWidth + 0.5 };
        });
        if (!fit.whole) problems.push(`${at}: the tab "${fit.text}" is cut`);
      }
      // (g) Chinese figures, summaries and timelines: full-width punctuation between Chinese.
      if (lang === 'zh') {
        for (const v of ['', 'tab=charts', 'in=cn-shaanxi', 'profile=cn-shaanxi', 'profile=CN', 'profile=jp-nara']) {
          await go(page, `lang=zh&${v}`);
          const texts = await page.evaluate(() => {
            document.querySelectorAll('details').forEach((d) => { d.open = true; });
            const out = [];
            for (const el of document.querySelectorAll('[data-testid="headline"] *, .chart-card *, [role="dialog"] *')) {
              const marked = el.closest('[lang]');
              const foreign = marked && marked !== document.documentElement && !/^zh/i.test(marked.lang);
              if (el.closest('.source-link,.source-text') || foreign) continue;
              if (el.childElementCount === 0 && el.textContent.trim()) out.push(el.textContent);
            }
            return out;
          });
          const notes = [...data.reported.map((r) => r.note), ...data.partnerships.map((p) => p.note)].filter(Boolean);
          for (const t of new Set(texts)) {
            const own = notes.reduce((s, n) => s.split(n).join(' '), t);
            if (ASCII_IN_CHINESE.test(own)) problems.push(`zh ${size} ?${v}: ASCII punctuation in Chinese: "${t.slice(0, 120)}"`);
          }
        }
      }
      // (d) The project's notes on its sources in the UI's language; titles in their own.
      await go(page, `lang=${lang}&tab=data`);
      // (The sources' details come from their own file: the list waits for it.)
      await page.waitForFunction(() => !document.querySelector('[data-testid="sources-loading"]'));
      const dataTab = await page.evaluate(() => {
        document.querySelectorAll('details').forEach((d) => { d.open = true; });
        return document.body.innerText;
      });
      for (const s of data.sources.filter((x) => x.note)) {
        // (Its dates in the reader's language: "2024-11-06" reads 6 November 2024, 2024年11月6日.)
        const [want, other] = (lang === 'en' ? [s.note.en, s.note.zh] : [s.note.zh || s.note.en, s.note.en])
          .map((t) => t && localDates(t, lang));
        if (!dataTab.includes(want)) problems.push(`${at}: the data tab lacks the note on ${s.id}: "${want}"`);
        // (A short note such as 转载 is also a word of other sources' own titles.)
        if (other && other.length >= 8 && other !== want && dataTab.includes(other)) problems.push(`${at}: the data tab shows the note on ${s.id} in the other language`);
      }
      // The dataset's attribution lines in the UI's language (the data carry both).
      const attribution = await page.getByTestId('attribution').innerText();
      for (const a of data.dataset.attribution || []) {
        const [want, other] = lang === 'en' ? [a.en, a.zh] : [a.zh || a.en, a.en];
        if (!attribution.includes(want)) problems.push(`${at}: the attribution lacks "${want.slice(0, 60)}"`);
        if (other && other !== want && attribution.includes(other)) problems.push(`${at}: the attribution line "${other.slice(0, 60)}" is in the other language`);
      }
      // Each work is credited once: the fresh review read the map outlines and the Chinese
      // names credited twice in the Chinese data tab (the dataset's line and the app's own).
      for (const work of ['Natural Earth', "Who's On First"]) {
        const n = attribution.split(work).length - 1;
        if (n > 1) problems.push(`${at}: the attribution credits ${work} ${n} times`);
      }
      // Source titles and notes in the Chinese data tab: no traditional characters, except
      // in a title marked as quoted in traditional characters (lang="zh-Hant").
      if (lang === 'zh') {
        const traditional = await page.evaluate((chars) => {
          const set = new Set(chars);
          const found = [];
          for (const el of document.querySelectorAll('.figures-table .source-link, .figures-table .source-text, .source-list .source-link, .source-list .source-text')) {
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const node = walker.currentNode;
              if (node.parentElement.closest('[lang="zh-Hant"]')) continue;
              if ([...node.textContent].some((ch) => set.has(ch))) found.push(node.textContent);
            }
          }
          return found;
        }, [...TRADITIONAL]);
        // The official figures' sources are checked whole; the long list of pair sources holds
        // titles quoted from traditional-character pages (Hong Kong, Taiwan, big5 mirrors).
        const figureSources = new Set(data.reported.map((r) => r.src));
        for (const s of data.sources.filter((x) => figureSources.has(x.id))) {
          for (const t of traditional) {
            if (s.title && t.includes(s.title)) problems.push(`${at}: the official figures' source "${s.title}" is in traditional characters without being marked as a quotation`);
          }
        }
      }
      // A phone's card of an official figure shows no row without a value (a figure that
      // gives no number of countries has no "Countries" row).
      if (size === 'phone') {
        const empty = await page.evaluate(() => [...document.querySelectorAll('.figures-table td')]
          .filter((td) => td.getClientRects().length > 0 && !td.textContent.trim())
          .map((td) => `${td.closest('tr').dataset.id}: ${td.dataset.label}`));
        for (const e of empty) problems.push(`${at}: an official figure's card shows an empty row (${e})`);
      }
      for (const zhNote of ['（出版者与标题未记录）', '（南开大学论文，silo.tips 副本）']) {
        if (lang === 'en' && dataTab.includes(zhNote)) problems.push(`${at}: a Chinese editorial note in the English data tab: ${zhNote}`);
      }
      // (c) A pair's note from a Chinese source is data in its language, brackets whole.
      const nara = data.partnerships.find((p) => p.home === 'cn-xian' && p.partner === 'jp-nara');
      await go(page, `lang=${lang}&pair=${nara.id}`);
      const note = page.getByTestId('pair-note');
      if (!(await note.count())) {
        problems.push(`${at}: the Xi'an–Nara pair shows no note`);
      } else {
        const parts = await note.evaluate((dd) => [...dd.querySelectorAll('span')].map((s) => ({ text: s.textContent, lang: s.lang })));
        for (const part of parts) {
          const han = /[\u4e00-\u9fff]/.test(part.text);
          if (han !== part.lang.startsWith('zh')) problems.push(`${at}: the note "${part.text}" is marked lang="${part.lang}"`);
          if (unbalanced(part.text)) problems.push(`${at}: the note "${part.text}" is cut inside brackets`);
        }
        const whole = parts.map((p) => p.text).join('; ');
        // Its dates in the reader's language (2018-05-30 → 30 May 2018, 2018年5月30日).
        const want = localDates(nara.note, lang);
        if (whole.replace(/\s+/g, ' ') !== want.replace(/\s+/g, ' ')) problems.push(`${at}: the note reads "${whole}", not "${want}"`);
      }
      // (b) Beside an official figure, ties begun after its date are said apart, not compared.
      if (size === 'laptop') {
        await go(page, `lang=${lang}&prov=cn-shaanxi`);
        const reported = (await page.getByTestId('reported-figure').textContent().catch(() => '')) || '';
        const leftOut = (await page.getByTestId('reported-figure').locator('.coverage').last().textContent().catch(() => '')) || '';
        const later = begunAfter(data, 'cn-shaanxi', 'sister', '2018-05-29');
        // The figure counts formal friendship cities, and its groups say so.
        const said = lang === 'en'
          ? `${later} formal sister cities begun after 29 May 2018`
          : `2018年5月29日以后结好的正式友好城市${later}对`;
        if (later > 0 && !reported.includes(said)) problems.push(`${at}: the Shaanxi figure does not say "${said}": "${reported}"`);
        // On the figure's own day (the page's filters: every kind, the undated kept) the
        // comparison stays, and the dataset's side gives its countries as the figure does.
        await go(page, `lang=${lang}&prov=cn-shaanxi&by=2018-05-29`);
        const onDay = (await page.getByTestId('reported-figure').textContent().catch(() => '')) || '';
        const side = lang === 'en' ? '46 partnerships with 26 countries' : '46对友好城市关系，涉及26个国家';
        if (!onDay.includes(side)) problems.push(`${at}: on 29 May 2018 the headline lacks "${side}": "${onDay}"`);
        // The headline and Shaanxi's story card name the same groups counted apart, with the
        // same numbers ("not counted: 6 with no known year, 16 begun after …").
        await go(page, `lang=${lang}&tab=stories`);
        const card = page.getByTestId('claim-shaanxi-established').getByTestId('claim-apart');
        const apart = (await card.count()) ? await card.textContent() : '';
        // The card says the day its groups stand on ("As of 29 May 2018, not counted: …").
        const day = lang === 'en' ? 'As of 29 May 2018, not counted: ' : '截至2018年5月29日，未计入：';
        if (!apart.startsWith(day)) problems.push(`${at}: Shaanxi's card does not say its day: "${apart}"`);
        const groups = apart.replace(/^(As of [^,]*, not counted: |截至[^，]*，未计入：)/, '').replace(/[.。]$/, '').split(/; |；/).filter(Boolean);
        if (groups.length < 2) problems.push(`${at}: Shaanxi's card counts too little apart: "${apart}"`);
        for (const g of groups) if (!reported.includes(g)) problems.push(`${at}: the headline lacks the card's "${g}": "${reported}"`);
        const headlineGroups = (leftOut.match(/(?:not counted: |未计入：)(.*)$/) || ['', ''])[1].split(/, | and |、/).filter(Boolean);
        if (headlineGroups.length !== groups.length) problems.push(`${at}: the headline names ${headlineGroups.length} groups, the card ${groups.length}`);
      }
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
  assert.deepEqual(problems, []);
});
