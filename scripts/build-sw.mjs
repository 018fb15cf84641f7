// Trunk post-build hook: writes sw.js (from sw-template.js) into the staging directory with
// the list of files to precache and a version derived from their contents.
// Run by Trunk (see Trunk.toml [[hooks]]); TRUNK_STAGING_DIR is the build output.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!staging) {
  console.error('build-sw: TRUNK_STAGING_DIR is not set');
  process.exit(1);
}
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// Everything else is precached: the first view's data and its sources file (data/sources.json,
// fetched when a source is shown) alike. Large optional datasets and the spreadsheet reader
// (a worker fetched only for a workbook) are cached when used, not up front; the link-preview
// picture is for crawlers, not the app.
const SKIP = new Set(['sw.js', 'data/world.json', 'icons/og-card.png']);
const skipped = (file) => SKIP.has(file) || file.startsWith('youcheng-sheets');

// Link previews want an absolute picture address: with YOUCHENG_SITE_URL set (the address the
// bundle is served from, ending in /), the page's og:image and twitter:image become absolute.
const site = process.env.YOUCHENG_SITE_URL;
if (site) {
  const index = path.join(staging, 'index.html');
  const html = fs.readFileSync(index, 'utf8').replaceAll('content="icons/og-card.png"', `content="${site}icons/og-card.png"`);
  fs.writeFileSync(index, html);
}

function walk(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) return walk(path.join(dir, entry.name), `${rel}/`);
    return [rel];
  });
}

const files = walk(staging).filter((f) => !skipped(f)).sort();
const hash = crypto.createHash('sha256');
for (const file of files) {
  hash.update(file);
  hash.update(fs.readFileSync(path.join(staging, file)));
}
const version = hash.digest('hex').slice(0, 16);
const precache = ['./', ...files];
const template = fs.readFileSync(path.join(root, 'sw-template.js'), 'utf8');
const output = template
  .replace('__VERSION__', version)
  .replace('__PRECACHE__', JSON.stringify(precache, null, 2));
fs.writeFileSync(path.join(staging, 'sw.js'), output);
console.log(`build-sw: sw.js precaches ${precache.length} files, version ${version}`);
