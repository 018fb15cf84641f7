// The pictures the project shows of itself, made from the built dist/ (run after a release
// build): the README's phone, laptop and print screenshots (docs/), and the link-preview card
// (public/icons/og-card.png, 1200 × 630). Usage: node scripts/dev/pictures.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, openPage, waitForData, waitForMap, ROOT } from '../../tests/e2e/harness.mjs';

const server = await serve();
const browser = await launch();
const shots = [
  // [file, query, context options, action]
  ['docs/screenshot-laptop.png', '?sel=cn-xian', { viewport: { width: 1280, height: 720 } }],
  ['docs/screenshot-phone.png', '?sel=cn-xian', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
];
try {
  for (const [file, query, options] of shots) {
    const { page, context } = await openPage(browser, server.url + query, options);
    await waitForData(page);
    await waitForMap(page);
    await page.waitForTimeout(1200); // the eased move and the labels settle
    await page.screenshot({ path: path.join(ROOT, file) });
    await context.close();
    console.log('wrote', file);
  }
  // The link-preview card: the map alone, 1200 × 630.
  {
    const { page, context } = await openPage(browser, `${server.url}?embed=map`, { viewport: { width: 1232, height: 1000 } });
    await waitForData(page);
    await waitForMap(page);
    await page.waitForTimeout(600);
    const box = await page.getByTestId('map').boundingBox();
    await page.screenshot({ path: path.join(ROOT, 'public/icons/og-card.png'), clip: { x: box.x, y: box.y, width: 1200, height: 630 } });
    await context.close();
    console.log('wrote public/icons/og-card.png');
  }
  // Print: the Shaanxi view as an A4 PDF, its first page as a PNG.
  const { page, context } = await openPage(browser, `${server.url}?prov=cn-shaanxi`, { viewport: { width: 1280, height: 720 } });
  await waitForData(page);
  await waitForMap(page);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-print-'));
  fs.writeFileSync(path.join(dir, 'page.pdf'), await page.pdf({ format: 'A4', printBackground: true }));
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', path.join(dir, 'page.pdf'), path.join(ROOT, 'docs/screenshot-print')]);
  await context.close();
  console.log('wrote docs/screenshot-print.png');
} finally {
  await browser.close();
  await server.close();
}
