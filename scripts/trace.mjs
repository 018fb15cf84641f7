// Where the time goes, from Chrome traces: a cold load of the China set to its first full map
// paint, and real clicks on a filter checkbox to the next paint. Saves the traces (open them in
// Chrome DevTools → Performance → Load profile) and prints the renderer main thread's time by
// kind of work, as DevTools' summary does. Used to explain the performance figures that
// `make bench` reports (docs/performance.md). Usage, after a build:
//   node scripts/trace.mjs [--out bench/out] [--query 'data=bench/synthetic.json']
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, ROOT, DIST } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const OUT = args.includes('--out') ? args[args.indexOf('--out') + 1] : path.join(ROOT, 'bench/out');
const QUERY = args.includes('--query') ? `?${args[args.indexOf('--query') + 1]}` : '';
const CLICKS = 10;
const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing',
  'loading', 'latencyInfo', 'disabled-by-default-v8.compile',
].join(',');

// Trace event names → the kind of work DevTools shows them as.
const KIND = [
  [/^(EvaluateScript|v8\.run|FunctionCall|V8\.Execute|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|v8\.callFunction|v8\.evaluateModule)$/, 'scripting (JS and wasm)'],
  [/^(V8\.CompileCode|V8\.ParseProgram|V8\.ParseFunction|V8\.CompileScript|v8\.compile|v8\.compileModule|V8\.OptimizeCode)/, 'JS compile'],
  [/wasm|Wasm|FlushInstructionCache/, 'wasm compile'],
  [/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation)$/, 'style'],
  [/^(Layout|UpdateLayerTree|PrePaint|HitTest|IntersectionObserverController::computeIntersections|ResizeObserverController)/, 'layout'],
  [/^(Paint|PaintImage|Commit|Layerize|CompositeLayers|Decode Image|UpdateLayer|RasterTask|ImageDecodeTask)$/, 'paint and composite'],
  [/^(ParseHTML|Resource|DocumentLoader|NavigationBodyLoader|HTMLDocumentParser|DecodedDataDocumentParser)/, 'loading and parsing HTML'],
  [/GC|BlinkGC/, 'garbage collection'],
];
// Not work on the thread: spans that mark a flow across threads.
const IGNORED = new Set(['LatencyInfo.Flow']);
const kindOf = (name) => (KIND.find(([re]) => re.test(name)) || [null, null])[1];

async function traced(page, cdp, action) {
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await action();
  await cdp.send('Tracing.end');
  await done;
  return events;
}

/** Self time on the renderer main thread by kind (ms), between the first and last marks. */
function summarise(events, from, to) {
  const threads = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const mainKeys = [...threads].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k);
  // The page's main thread is the busiest one.
  const busy = (key) => events.filter((e) => `${e.pid}:${e.tid}` === key && e.ph === 'X').reduce((s, e) => s + (e.dur || 0), 0);
  const main = mainKeys.sort((a, b) => busy(b) - busy(a))[0];
  const list = events
    .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur > 0 && !IGNORED.has(e.name) && e.ts >= from && e.ts + e.dur <= to)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = new Map();
  const stack = [];
  for (const e of list) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    const kind = kindOf(e.name) || (parent ? parent.kind : 'task overhead (unattributed)');
    const node = { end: e.ts + e.dur, kind, self: e.dur };
    if (parent) parent.self -= e.dur;
    stack.push(node);
    node.record = () => totals.set(node.kind, (totals.get(node.kind) || 0) + node.self);
    e.node = node;
  }
  for (const e of list) e.node.record();
  const busyTotal = [...totals.values()].reduce((s, v) => s + v, 0);
  return { span: (to - from) / 1000, busy: busyTotal / 1000, kinds: [...totals].map(([k, v]) => [k, v / 1000]).sort((a, b) => b[1] - a[1]) };
}

function marks(events) {
  const out = {};
  for (const e of events) if (e.cat && e.cat.includes('blink.user_timing') && /^yc-/.test(e.name)) out[e.name] = out[e.name] ?? e.ts;
  return out;
}

function print(title, s, extra = []) {
  console.log(`\n${title}: ${s.span.toFixed(1)} ms, main thread busy ${s.busy.toFixed(1)} ms`);
  for (const line of extra) console.log(`  ${line}`);
  for (const [k, v] of s.kinds) if (v >= 0.5) console.log(`  ${k.padEnd(28)} ${v.toFixed(1).padStart(8)} ms`);
}

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `make build` first');
  fs.mkdirSync(OUT, { recursive: true });
  // The synthetic set, when made (`youcheng-data synthetic 100000 7 bench/out/synthetic-100k.json`),
  // is served as the bench serves it: --query 'data=bench/synthetic.json'.
  const synthetic = path.join(ROOT, 'bench/out/synthetic-100k.json');
  const routes = fs.existsSync(synthetic)
    ? { '/bench/synthetic.json': (req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(fs.readFileSync(synthetic)); } }
    : {};
  const server = await serve(DIST, { routes });
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // 1. A cold load to the first full map paint.
    const load = await traced(page, cdp, async () => {
      await page.goto(`${server.url}${QUERY}`);
      await page.locator('[data-testid="map"] canvas[data-painted="full"], [data-testid="map"][data-painted="full"]').first()
        .waitFor({ state: 'attached', timeout: 60000 });
      await page.waitForTimeout(200);
    });
    fs.writeFileSync(path.join(OUT, 'trace-load.json'), JSON.stringify({ traceEvents: load }));
    const m = marks(load);
    const nav = load.find((e) => e.name === 'navigationStart')?.ts ?? Math.min(...load.filter((e) => e.ts > 0).map((e) => e.ts));
    const paint = load.filter((e) => e.name === 'yc-first-map-paint').map((e) => e.ts)[0]
      ?? Math.max(...Object.values(m));
    const at = (name) => (m[name] ? `${name} at ${((m[name] - nav) / 1000).toFixed(0)} ms` : null);
    print(`Cold load → first full map paint (${QUERY || 'China set'})`, summarise(load, nav, paint),
      [Object.keys(m).sort((a, b) => m[a] - m[b]).map(at).filter(Boolean).join(', ')]);

    // 2. Real clicks on filter checkboxes, each to the next paint.
    await page.waitForTimeout(500);
    const boxes = page.locator('[data-testid="filters"] input[type="checkbox"]:visible');
    const clicks = await traced(page, cdp, async () => {
      for (let i = 0; i < CLICKS; i += 1) {
        await boxes.nth((i * 7) % (await boxes.count())).click();
        await page.waitForTimeout(250);
      }
    });
    fs.writeFileSync(path.join(OUT, 'trace-clicks.json'), JSON.stringify({ traceEvents: clicks }));
    const inputs = clicks.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
    const first = Math.min(...clicks.filter((e) => e.ts > 0).map((e) => e.ts));
    const last = Math.max(...clicks.filter((e) => e.ts > 0).map((e) => e.ts + (e.dur || 0)));
    const s = summarise(clicks, first, last);
    const per = { ...s, span: s.span / CLICKS, busy: s.busy / CLICKS, kinds: s.kinds.map(([k, v]) => [k, v / CLICKS]) };
    print(`A click on a filter checkbox, mean of ${CLICKS} (main thread, from the press to the frame)`, per,
      [`${inputs.length} click events dispatched`]);
    console.log(`\ntraces: ${path.join(OUT, 'trace-load.json')}, ${path.join(OUT, 'trace-clicks.json')}`);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
