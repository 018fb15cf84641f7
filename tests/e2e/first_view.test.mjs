// The static first view (issue 26, item 2): the page shows the default view's map, headline
// figures and tabs before any wasm runs (here: with the wasm request refused), in the visitor's
// language; the app then takes over in place with no layout shift; a link to another view shows
// the static map marked as loading, never the default figures as its own. Strict CSP throughout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, waitForData, waitForMap, model, DIST, STRICT_CSP, PHONE, LAPTOP } from './harness.mjs';


let browser;
let server;
before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is missing: run trunk build --release first');
  browser = await launch();
  server = await serve(DIST, { csp: STRICT_CSP });
});
after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

/**
 * Opens `query` with the app's wasm refused (or, `held`, never answered: the app is still
 * coming): only the page itself can show anything.
 */
async function openWithoutApp(query, device, locale = 'en-US', held = false) {
  const opened = await openPage(browser, null, { ...device, locale });
  await opened.page.route('**/*.wasm', (route) => (held ? undefined : route.abort()));
  await opened.page.goto(server.url + query);
  return opened;
}

/** What the static view shows: the visible map's markers and flows, figures, tabs, language. */
async function staticShown(page) {
  return page.evaluate(() => {
    const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const map = [...document.querySelectorAll('#yc-static svg.yc-static-map')].find(visible);
    const labels = map ? [...map.querySelectorAll('text')].filter(visible).map((t) => t.textContent) : [];
    const figures = [...document.querySelectorAll('#yc-static .yc-static-figures > span')].find(visible);
    const headline = document.querySelector('#yc-static .headline');
    const loading = document.querySelector('#yc-static .yc-static-loading');
    return {
      lang: document.documentElement.lang,
      markers: map ? map.querySelectorAll('circle').length : 0,
      flows: map ? map.querySelectorAll('use[class^="s-arc-"]').length : 0,
      mapBox: map ? map.getBoundingClientRect().toJSON() : null,
      labels,
      figures: figures && visible(headline) ? figures.textContent : null,
      tabs: [...document.querySelectorAll('#yc-static .tab > span')].filter(visible).map((t) => t.textContent),
      loading: visible(loading) ? loading.innerText.trim() : null,
      mapOpacity: map ? Number(getComputedStyle(map).opacity) : null,
      csp: window.__cspViolations || [],
    };
  });
}

const figuresText = (m, lang) => lang === 'en'
  ? `${m.pairs.toLocaleString('en')} pairs with ${m.countries.toLocaleString('en')} countries`
  : null;

for (const [name, device] of [['phone', PHONE], ['laptop', LAPTOP]]) {
  for (const lang of ['en', 'zh']) {
    test(`${name}, ${lang}: without the app, the page shows the map, the headline figures and the tabs`, async () => {
      const { page, context } = await openWithoutApp(`?lang=${lang}`, device);
      await page.waitForFunction(() => performance.getEntriesByName('yc-static-paint').length > 0);
      const s = await staticShown(page);
      assert.equal(s.lang, lang === 'zh' ? 'zh-Hans' : 'en');
      assert.ok(s.markers > 20, `${s.markers} markers`);
      assert.ok(s.flows > 3, `${s.flows} flow batches`);
      assert.ok(s.labels.length > 5, `labels: ${s.labels}`);
      // The map fills the frame the app's map will fill, most of the screen's width.
      assert.ok(s.mapBox.width > device.viewport.width * 0.7, JSON.stringify(s.mapBox));
      const m = model('');
      if (lang === 'en') {
        assert.equal(s.figures, figuresText(m, 'en'));
        assert.deepEqual(s.tabs, ['Map', 'Charts', 'Table', 'Stories', 'Data & sources']);
        assert.ok(s.labels.includes('Japan') || s.labels.some((l) => /^[A-Z]/.test(l)), `${s.labels}`);
      } else {
        assert.ok(s.figures.includes(String(m.pairs)), s.figures);
        assert.equal(s.tabs[0], '地图');
        assert.ok(s.labels.every((l) => !/^[A-Za-z]{3,}$/.test(l)), `English label in Chinese: ${s.labels}`);
      }
      assert.equal(s.loading, null);
      assert.deepEqual(s.csp, []);
      await context.close();
    });
  }

  test(`${name}: the browser's language picks the page's language before the app runs`, async () => {
    const { page, context } = await openWithoutApp('', device, 'zh-CN');
    const s = await staticShown(page);
    assert.equal(s.lang, 'zh-Hans');
    assert.equal(s.tabs[0], '地图');
    await context.close();
  });

  test(`${name}: the app replaces the static view in place, layout shift at most 0.02`, async () => {
    const { page, context, errors } = await openPage(browser, null, device);
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(server.url);
    await waitForData(page);
    await waitForMap(page);
    await page.waitForFunction(() => !document.getElementById('yc-static'));
    await page.waitForTimeout(300);
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift <= 0.02, `layout shift ${shift}`);
    const marks = await page.evaluate(() => ['yc-static-paint', 'yc-first-map-paint']
      .map((n) => performance.getEntriesByName(n)[0]?.startTime ?? null));
    assert.ok(marks[0] !== null && marks[1] !== null && marks[0] < marks[1], `marks ${marks}`);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${name}: a link with filters shows the static map as loading, never the default figures`, async () => {
    const q = '?prov=cn-shaanxi&lang=en';
    const { page, context } = await openWithoutApp(q, device, 'en-US', true);
    await page.waitForFunction(() => performance.getEntriesByName('yc-static-paint').length > 0);
    const s = await staticShown(page);
    assert.equal(s.loading, 'Loading this view…');
    assert.equal(s.figures, null, 'the default figures are shown for a filtered link');
    assert.ok(s.mapOpacity < 0.5, `the map is not dimmed: ${s.mapOpacity}`);
    await context.close();
    // With the app, the view asked for replaces it.
    const live = await openPage(browser, server.url + q, device);
    const shown = await waitForData(live.page);
    assert.equal(shown.pairs, model(q).pairs);
    await waitForMap(live.page);
    await live.page.waitForFunction(() => !document.getElementById('yc-static'));
    await live.context.close();
  });
}

test('a view without a map (the charts tab) replaces the static view once shown', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}?tab=charts`, LAPTOP);
  await waitForData(page);
  await page.waitForFunction(() => !document.getElementById('yc-static'));
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * What a page shows in its filter column (its headings, groups, values with counts), legend and
 * playback, from `root` (the static view or the app), with the boxes of the legend and the
 * playback: only what is visible.
 */
async function panelsShown(page, root) {
  return page.evaluate((root) => {
    const scope = document.querySelector(root);
    const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const text = (el) => el.textContent.replace(/\s+/g, ' ').trim();
    const all = (sel) => (scope ? [...scope.querySelectorAll(sel)].filter(visible) : []);
    const box = (el) => (el ? (({ x, y, width, height }) => ({ x, y, width, height }))(el.getBoundingClientRect()) : null);
    return {
      headings: all('.sidebar .filter-section h3').map(text),
      legends: all('.sidebar .check-group legend').map(text),
      values: all('.sidebar .check-group .check').map(text),
      legendItems: all('.map-foot .legend li').map(text),
      playYear: all('.map-foot .play-year').map(text),
      legendBox: box(all('.map-foot .legend')[0]),
      playbackBox: box(all('.map-foot .playback')[0]),
      enabledControls: all('.sidebar input:not(:disabled), .map-foot input:not(:disabled), .map-foot button:not([aria-disabled="true"])').length,
      busy: scope?.querySelector('.sidebar')?.getAttribute('aria-busy') ?? null,
    };
  }, root);
}

const near = (a, b, tolerance = 3) => a && b && ['x', 'y', 'width', 'height'].every((k) => Math.abs(a[k] - b[k]) <= tolerance);

for (const [name, device] of [['phone', PHONE], ['laptop', LAPTOP]]) {
  for (const lang of ['en', 'zh']) {
    test(`${name}, ${lang}: the static view draws the app's legend and playback in their place, and on a laptop its filter column`, async () => {
      // The static view, the app still coming (its wasm never answered).
      const held = await openWithoutApp(`?lang=${lang}`, device, 'en-US', true);
      await held.page.waitForFunction(() => performance.getEntriesByName('yc-static-paint').length > 0);
      const before = await panelsShown(held.page, '#yc-static');
      await held.context.close();
      // The app, once it has taken over.
      const live = await openPage(browser, `${server.url}?lang=${lang}`, device);
      await waitForData(live.page);
      await waitForMap(live.page);
      await live.page.waitForFunction(() => !document.getElementById('yc-static'));
      const after = await panelsShown(live.page, 'body');
      await live.context.close();
      assert.ok(before.legendItems.length >= 7, `static legend: ${before.legendItems}`);
      assert.deepEqual(before.legendItems, after.legendItems);
      assert.deepEqual(before.playYear, after.playYear);
      assert.ok(near(before.legendBox, after.legendBox), `legend ${JSON.stringify(before.legendBox)} → ${JSON.stringify(after.legendBox)}`);
      assert.ok(near(before.playbackBox, after.playbackBox), `playback ${JSON.stringify(before.playbackBox)} → ${JSON.stringify(after.playbackBox)}`);
      assert.equal(before.enabledControls, 0, 'a static control looks usable');
      if (name === 'laptop') {
        assert.equal(before.busy, 'true');
        assert.equal(before.headings.length, 4, `${before.headings}`);
        assert.deepEqual(before.headings, after.headings);
        assert.deepEqual(before.legends, after.legends);
        // Every value with the count the app gives it (the app's column is longer: its pickers' lists).
        assert.ok(before.values.length > 15, `${before.values}`);
        assert.deepEqual(before.values, after.values);
      }
    });
  }

  test(`${name}: a click on the static view before the app is there says it is loading`, async () => {
    const { page, context } = await openWithoutApp('?lang=en', device, 'en-US', true);
    await page.waitForFunction(() => performance.getEntriesByName('yc-static-paint').length > 0);
    const wait = page.getByTestId('static-wait');
    assert.equal(await wait.isVisible(), false);
    await page.locator('#yc-static .map-foot .playback.yc-en button').first().click({ force: true });
    await wait.waitFor({ state: 'visible', timeout: 2000 });
    assert.equal((await wait.innerText()).trim(), 'Loading… the controls work in a moment.');
    if (name === 'laptop') {
      const box = page.locator('#yc-static .sidebar .yc-en .check').first();
      await box.click({ force: true });
      assert.equal(await box.locator('input').isChecked(), false);
    }
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    await context.close();
  });

  test(`${name}: a link with filters says "Loading this view…" where its headline will be, not the default counts`, async () => {
    for (const [lang, words] of [['en', 'Loading this view…'], ['zh', '正在加载此视图……']]) {
      const { page, context } = await openWithoutApp(`?prov=cn-shaanxi&lang=${lang}`, device, 'en-US', true);
      await page.waitForFunction(() => performance.getEntriesByName('yc-static-paint').length > 0);
      const shown = await page.evaluate(() => {
        const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        const headline = document.querySelector('#yc-static .headline');
        const loading = [...headline.querySelectorAll('.yc-static-headline-loading > span')].find(visible);
        const box = headline.getBoundingClientRect();
        const at = loading?.getBoundingClientRect();
        const counts = [...document.querySelectorAll('#yc-static .count, #yc-static .play-year')].filter(visible);
        return {
          text: loading ? loading.textContent : null,
          inside: !!at && at.top >= box.top && at.bottom <= box.bottom && at.width > 0,
          headlineVisible: visible(headline),
          counts: counts.map((c) => c.textContent),
        };
      });
      assert.equal(shown.text, words);
      assert.ok(shown.inside && shown.headlineVisible, JSON.stringify(shown));
      assert.deepEqual(shown.counts, [], 'the default counts are shown for a filtered link');
      await context.close();
    }
  });
}

/** Downloads the map as SVG from the page; the file's name and text, parsed by the browser. */
async function downloadMapSvg(page) {
  const button = page.getByTestId('download-map-svg');
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const text = fs.readFileSync(await file.path(), 'utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const map = doc.querySelector('svg.yc-map');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.nodeName,
      title: doc.querySelector('title')?.textContent ?? null,
      scripts: doc.querySelectorAll('script, foreignObject, [style]').length,
      handlers: [...doc.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      markers: map ? map.querySelectorAll('circle').length : 0,
      flows: map ? map.querySelectorAll('use[class^="s-arc-"]').length : 0,
      labels: map ? [...map.querySelectorAll('text')].map((t) => t.textContent) : [],
      lines: [...doc.querySelectorAll('g.yc-map-foot text')].map((t) => t.textContent).join(' '),
    };
  }, text);
  return { name: file.suggestedFilename(), text, ...parsed };
}

test('laptop: "Download map (SVG)" gives the default view as drawn: its markers, flows and labels, the sources, no script', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}?lang=en`, LAPTOP);
  await waitForData(page);
  await waitForMap(page);
  await page.waitForFunction(() => !document.getElementById('yc-static'));
  // The core's scene for the default view at this size, as the page's static map has it.
  const expected = await page.evaluate(async () => {
    const html = await (await fetch('index.html')).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const svg = doc.querySelector('svg.yc-static-laptop');
    const frame = document.querySelector('[data-testid="map"]');
    return {
      markers: Number(svg.getAttribute('data-markers')),
      flows: Number(svg.getAttribute('data-flows')),
      labels: (frame.getAttribute('data-labels') || '').split(';').filter(Boolean).length,
      size: [frame.clientWidth, frame.clientHeight],
    };
  });
  const svg = await downloadMapSvg(page);
  assert.equal(svg.name, 'youcheng-map.svg');
  assert.equal(svg.error, null);
  assert.equal(svg.root, 'svg');
  assert.equal(svg.scripts, 0);
  assert.equal(svg.handlers, 0);
  assert.equal(svg.title, await page.title());
  assert.equal(svg.markers, expected.markers, `markers (map ${expected.size})`);
  assert.ok(svg.flows > 3 && svg.flows <= expected.flows, `flows ${svg.flows} of ${expected.flows} batches`);
  assert.equal(svg.labels.length, expected.labels);
  assert.ok(svg.labels.includes('Japan'), `${svg.labels}`);
  assert.match(svg.lines, /Natural Earth/);
  assert.match(svg.lines, /Youcheng 友城/);
  assert.ok(svg.lines.includes(page.url().replace(/&/g, '&')), 'the link back');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone, zh: the downloaded map is the view asked for (a province chosen), in Chinese, its text escaped', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}?prov=cn-shaanxi&lang=zh`, PHONE);
  await waitForData(page);
  await waitForMap(page);
  await page.waitForFunction(() => !document.getElementById('yc-static'));
  const labels = await page.evaluate(() =>
    (document.querySelector('[data-testid="map"]').getAttribute('data-labels') || '').split(';').filter(Boolean).length);
  const svg = await downloadMapSvg(page);
  assert.equal(svg.error, null);
  assert.equal(svg.scripts, 0);
  assert.match(svg.title, /陕西/);
  assert.ok(svg.markers > 5, `${svg.markers} markers`);
  assert.equal(svg.labels.length, labels);
  assert.ok(svg.labels.every((l) => !/^[A-Za-z]{3,}$/.test(l)), `English label in Chinese: ${svg.labels}`);
  assert.match(svg.lines, /陕西/);
  // The link's & is written &amp; in the file (the parser gave it back as &).
  assert.ok(svg.text.includes('prov=cn-shaanxi&amp;lang=zh'), 'the link escaped');
  assert.deepEqual(errors, []);
  await context.close();
});
