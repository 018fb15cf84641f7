// The five reports, claim by claim, in both languages: every card's Show link makes the headline
// and the table show the card's own number, and the Chinese cards read as Chinese (no ASCII
// punctuation between Chinese characters, no English name where the dataset has a Chinese one).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  serve, launch, openPage, waitForData, readHeadline, query, waitForQuery, bundled, DIST,
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

const TAB_TABLE = { en: 'Table', zh: '列表' };
/** Every claim of the five reports has a card (the native tests list them one by one). */
const CLAIMS = 23;

/** The cards of the stories tab: id, figures, answer and whether it links anywhere. */
async function cards(page) {
  return page.getByTestId('stories').locator('li.claim').evaluateAll((items) => items.map((li) => {
    const answer = li.querySelector('[data-testid="claim-dataset"]');
    return {
      id: li.dataset.testid,
      link: Boolean(li.querySelector('a.story-link')),
      pairs: answer ? Number(answer.dataset.pairs) : null,
      countries: answer ? Number(answer.dataset.countries) : null,
      partners: answer ? Number(answer.dataset.partners) : null,
      unit: answer ? answer.dataset.unit : null,
      text: answer ? answer.textContent : '',
    };
  }));
}

/** The dataset's count beside the headline's official figure ("this dataset: 41 …"), if shown. */
async function datasetBeside(page) {
  const el = page.getByTestId('reported-comparison');
  if (!(await el.count())) return null;
  const m = (await el.textContent()).match(/(?:this dataset: |本数据集：)(no |没有|[\d,]+)/);
  if (!m) return null;
  return /^(no |没有)/.test(m[1]) ? 0 : Number(m[1].replace(/,/g, ''));
}

/** `n` as the page writes it: English groups thousands; Chinese leaves four digits whole. */
function written(n, lang) {
  return lang === 'zh' && n < 10000 ? String(n) : n.toLocaleString('en-US');
}

for (const lang of ['en', 'zh']) {
  test(`every story card's Show link shows the card's number in the headline and the table (${lang})`, async () => {
    const { page, errors } = await openPage(browser, `${server.url}?tab=stories&lang=${lang}`);
    await waitForData(page);
    const all = await cards(page);
    assert.equal(all.length, CLAIMS, 'a card for every claim');
    const linked = all.filter((c) => c.link);
    // Only the two claims the dataset has no list for (approvals, contacts) go without a link;
    // a card whose answer is none would too (nothing to show, said in words), but the bundled
    // data has ties for every count claim (Shanxi's friendly partners on the Belt and Road: 2).
    assert.deepEqual(
      all.filter((c) => !c.link).map((c) => c.id),
      ['claim-shaanxi-approved', 'claim-shaanxi-contact'],
    );
    for (const card of all.filter((c) => c.pairs === 0)) {
      assert.ok(!card.link, `${card.id}: nothing to show, no link`);
      assert.match(card.text, lang === 'en' ? /nothing to show/ : /无可查看/, `${card.id}: said in words`);
    }
    for (const card of linked) {
      // The card states its number in words (a named pair's card names the pair instead).
      const number = card.unit === 'partners' ? card.partners : card.pairs;
      if (number > 0 && !/^Dataset: [^\d]|^数据集：\D/.test(card.text)) {
        assert.ok(card.text.includes(written(number, lang)), `${card.id}: ${number} in "${card.text}"`);
      }
      await page.goto(`${server.url}?tab=stories&lang=${lang}`);
      await waitForData(page);
      const before = page.url();
      await page.getByTestId(card.id).locator('a.story-link').click();
      await waitForQuery(page, () => page.url() !== before);
      assert.equal(query(page).get('lang'), lang, `${card.id}: the language stays`);
      const shown = await readHeadline(page);
      assert.equal(shown.pairs, card.pairs, `${card.id}: headline pairs (${shown.text})`);
      assert.equal(shown.countries, card.countries, `${card.id}: headline countries (${shown.text})`);
      if (card.unit === 'partners') {
        const details = await page.getByTestId('headline-details').textContent();
        assert.ok(details.includes(written(card.partners, lang)), `${card.id}: ${card.partners} partners in "${details}"`);
      }
      // The table lists exactly the ties counted.
      if (query(page).get('tab') !== 'table') {
        await page.getByRole('tab', { name: TAB_TABLE[lang] }).click();
        await waitForQuery(page, (q) => q.get('tab') === 'table');
      }
      const count = await page.getByTestId('table-count').textContent();
      // None is said in words ("no partnerships (…)", "没有友好关系（…）").
      const none = /^(no partnerships|没有友好关系)/.test(count.trim());
      const rows = none ? 0 : Number((count.match(/[\d,]+/) || ['-1'])[0].replace(/,/g, ''));
      assert.equal(rows, card.pairs, `${card.id}: table "${count}"`);
      // The official figure beside the headline after Show counts what the card counts.
      const beside = await datasetBeside(page);
      if (beside !== null) assert.equal(beside, card.pairs, `${card.id}: the headline's comparison`);
    }
    // One reading per official figure: Shaanxi's headline compares its 88 with what the card
    // counts (formal friendship cities in force on 29 May 2018), not with another kind.
    const shaanxi = all.find((c) => c.id === 'claim-shaanxi-established');
    await page.goto(`${server.url}?prov=cn-shaanxi&lang=${lang}`);
    await waitForData(page);
    assert.equal(await datasetBeside(page), shaanxi.pairs, 'Shaanxi: the headline and the card give one number');
    assert.deepEqual(errors, []);
  });
}

/**
 * English names of places: those the dataset also names in Chinese (long enough to be told
 * apart), and those it names only in English (shown as they are, longest first).
 */
function placeNames() {
  const places = bundled().places.filter((p) => /[A-Za-z]{3}/.test(p.en));
  const longestFirst = (a, b) => b.length - a.length;
  return {
    chinese: places.filter((p) => p.zh).map((p) => p.en),
    englishOnly: places.filter((p) => !p.zh).map((p) => p.en).sort(longestFirst),
  };
}

test('the Chinese story cards read as Chinese: full-width punctuation and the dataset\'s Chinese names', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?tab=stories&lang=zh`);
  await waitForData(page);
  // The card's own words: the report's original (marked translate="no") is quoted as it is.
  const texts = await page.getByTestId('stories').evaluate((root) => {
    const out = [];
    for (const el of root.querySelectorAll('h2, p, blockquote, li li')) {
      if (el.closest('[translate="no"]')) continue;
      out.push(el.textContent);
    }
    return out;
  });
  assert.ok(texts.length > 60, `${texts.length} texts`);
  const han = '[\\u4e00-\\u9fff，。、；：（）“”]';
  const asciiBetween = new RegExp(`${han}\\s*[,.;:!?()\\[\\]"']\\s*${han}`);
  const names = placeNames();
  for (const raw of texts) {
    // A place the dataset names only in English keeps that name ("Savyetski District (Minsk)").
    const text = names.englishOnly.reduce((t, name) => t.split(name).join(' '), raw);
    assert.doesNotMatch(raw, asciiBetween, raw);
    assert.doesNotMatch(raw, /data\/|\.txt\b/, `no repository path: ${raw}`);
    for (const name of names.chinese) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      assert.doesNotMatch(text, new RegExp(`(^|[^A-Za-z])${escaped}($|[^A-Za-z])`), `"${name}" has a Chinese name: ${text}`);
    }
  }
  // The originals are there, marked as English for screen readers.
  const originals = await page.locator('.story .original[lang="en"]').count();
  assert.ok(originals >= 18, `${originals} English originals`);
  assert.deepEqual(errors, []);
});

test('a report gives one date, as it gives it, and says which is which; Chinese says 报道 for a news report', async () => {
  for (const lang of ['en', 'zh']) {
    const { page, errors, context } = await openPage(browser, `${server.url}?tab=stories&lang=${lang}`);
    await waitForData(page);
    const text = await page.getByTestId('stories').innerText();
    if (lang === 'en') {
      assert.match(text, /Published 30 May 2018 ·/, 'the publication day is labelled and written in words');
      assert.doesNotMatch(text, /22:08:31/, 'no timestamp');
      assert.doesNotMatch(text, /the day of the report/, 'the meeting day is not called the report\'s');
      assert.match(text, /29 May 2018, the day of the meeting the report describes/);
    } else {
      assert.match(text, /发布于2018年5月30日 ·/);
      assert.doesNotMatch(text, /22:08:31/);
      assert.doesNotMatch(text, /报告当日/);
      assert.match(text, /报道所述会议当日/);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a report\'s title is called the original only in its own language, and a card says the day of what it counts apart', async () => {
  for (const lang of ['en', 'zh']) {
    const { page, errors, context } = await openPage(browser, `${server.url}?tab=stories&lang=${lang}`);
    await waitForData(page);
    // Shanxi's report is in Chinese; its page gives its title only in English.
    const shanxi = page.getByTestId('story-shanxi-2025');
    const titleNote = shanxi.locator(':scope > p.original');
    if (lang === 'zh') {
      assert.match(await titleNote.textContent(), /^报道页面只有英文标题：Shanxi: /);
      // The reports in English are quoted from the English: their titles are the originals.
      assert.match(await page.getByTestId('story-shaanxi-2018').locator(':scope > p.original').textContent(), /^原文：Shaanxi /);
    } else {
      assert.equal(await titleNote.count(), 0, 'the English page shows the title the report gives');
    }
    // The 2021 card's groups are those of 2 June 2021 (their kinds then, not now).
    const apart = await page.getByTestId('claim-china-total').getByTestId('claim-apart').textContent();
    assert.ok(apart.startsWith(lang === 'en' ? 'As of 2 June 2021, not counted: ' : '截至2021年6月2日，未计入：'), apart);
    assert.doesNotMatch(await page.getByTestId('stories').innerText(), /结好的意向书|letters? of intent begun/);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the official figures table gives each figure\'s qualifier, unit and what it counts', async () => {
  const want = {
    en: {
      'china-2021-06': ['Sister cities', 'more than 2,800 pairs', 'more than 130'],
      'shandong-2026-states': ['Sister provinces and states', '89 pairs', ''],
      'shandong-2026-cities': ['Sister cities (city to city)', '677 pairs', ''],
      'shaanxi-2018-contact': ['Previously in contact', '15 cities', ''],
      'xian-2018-established': ['All relationships', '31 cities', '26'],
    },
    zh: {
      'china-2021-06': ['友好城市', '2800多对', '130多'],
      'shandong-2026-states': ['友好省州', '89对', ''],
      'shandong-2026-cities': ['友好城市（城市之间）', '677对', ''],
      'shaanxi-2018-contact': ['此前已有接触', '15个城市', ''],
      'xian-2018-established': ['全部友好关系', '31个城市', '26'],
    },
  };
  for (const lang of ['en', 'zh']) {
    const { page, errors, context } = await openPage(browser, `${server.url}?tab=data&lang=${lang}`);
    await waitForData(page);
    for (const [id, cells] of Object.entries(want[lang])) {
      const row = page.locator(`.figures-table tr[data-id="${id}"] td`);
      const texts = (await row.allTextContents()).map((t) => t.trim());
      assert.deepEqual(texts.slice(2, 5), cells, `${lang} ${id}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});
