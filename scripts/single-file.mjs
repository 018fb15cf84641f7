// Builds the single-file edition: one HTML file holding the app (wasm, JS, CSS), the China
// dataset and every basemap, that opens from file:// with no server and no network.
// Usage: node scripts/single-file.mjs [DIST=dist] [OUT=dist-single/youcheng.html]
// (`make single-file` builds dist/ first.) The optional 26,000-pair world dataset is left out;
// load it with the file picker if needed.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.resolve(root, process.argv[2] || 'dist');
const out = path.resolve(root, process.argv[3] || 'dist-single/youcheng.html');

const names = fs.readdirSync(dist);
const find = (re) => {
  const name = names.find((n) => re.test(n));
  if (!name) throw new Error(`single-file: no file matching ${re} in ${dist}; run trunk build --release`);
  return path.join(dist, name);
};
const js = fs.readFileSync(find(/^youcheng-[0-9a-f]+\.js$/), 'utf8');
const wasm = fs.readFileSync(find(/^youcheng-[0-9a-f]+_bg\.wasm$/));
const css = fs.readFileSync(find(/^main-[0-9a-f]+\.css$/), 'utf8');

// The data files the app fetches, by the same relative URL (the sources' details too: the
// app asks for them when a source is shown or the page is idle).
const files = {};
for (const rel of ['data/partnerships.json', 'data/sources.json', ...fs.readdirSync(path.join(dist, 'data/basemap')).map((f) => `data/basemap/${f}`)]) {
  files[rel] = fs.readFileSync(path.join(dist, rel), 'utf8');
}

// The static first view the build wrote into index.html (`youcheng-data firstview`) and the
// head script that picks its language: the offline file shows the map before the wasm starts
// too. A build without it keeps the loading text.
const LOADING = `<div id="yc-static" class="load-state" role="status"><p>Youcheng 友城 is loading… / 正在加载…</p>
<noscript><p>Youcheng needs JavaScript and WebAssembly. 友城需要启用 JavaScript 和 WebAssembly。</p></noscript></div>`;
function staticView(page) {
  const id = page.search(/id="?yc-static"?[\s>]/);
  if (id < 0) return LOADING;
  const start = page.lastIndexOf('<div', id);
  let depth = 0;
  const tag = /<div\b|<\/div>/g;
  tag.lastIndex = start;
  for (let m = tag.exec(page); m; m = tag.exec(page)) {
    depth += m[0] === '</div>' ? -1 : 1;
    if (depth === 0) return page.slice(start, m.index + m[0].length);
  }
  return LOADING;
}
const firstView = staticView(fs.readFileSync(path.join(dist, 'index.html'), 'utf8'));
const headScript = fs.readFileSync(path.join(dist, 'first-view.js'), 'utf8');

// Inside <script> and <style>, "</" must not appear literally.
const scriptSafe = (text) => text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const filesJson = JSON.stringify(files).replace(/</g, '\\u003c');

const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Youcheng 友城 — China's friendship cities (offline edition)</title>
<style>${css.replace(/<\/style/gi, '<\\/style')}</style>
<script>${scriptSafe(headScript)}</script>
</head>
<body>
${firstView}
<script type="application/json" id="yc-files">${filesJson}</script>
<script type="application/octet-stream" id="yc-wasm">${wasm.toString('base64')}</script>
<script type="module">
${scriptSafe(js)}
window.__youchengFiles = JSON.parse(document.getElementById('yc-files').textContent);
const base64 = document.getElementById('yc-wasm').textContent;
const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
performance.mark('yc-boot');
__wbg_init({ module_or_path: bytes }).catch((error) => {
  console.error(error);
  const status = document.getElementById('yc-static');
  if (status) status.textContent = 'Youcheng could not start / 友城无法启动: ' + error;
});
</script>
</body>
</html>
`;
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, html);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`single-file: ${path.relative(root, out)} ${kb(html.length)} (wasm ${kb(wasm.length)}, data and basemaps ${kb(Object.values(files).reduce((s, t) => s + t.length, 0))})`);
