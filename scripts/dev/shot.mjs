// Development aid: serve dist/, open a URL query in Chromium, save a screenshot, print errors.
// Usage: node scripts/dev/shot.mjs "?query" out.png [width] [height]
import { serve, launch, openPage } from '../../tests/e2e/harness.mjs';

const [query = '', out = '/tmp/shot.png', width = '1400', height = '900'] = process.argv.slice(2);
const server = await serve();
const browser = await launch();
try {
  const { page, errors } = await openPage(browser, null, { viewport: { width: +width, height: +height } });
  await page.goto(server.url + query);
  await page.waitForSelector('[data-painted="full"], [data-testid="load-failed"]', { timeout: 20000 }).catch(() => {});
  await page.waitForTimeout(600);
  await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
  console.log('errors:', JSON.stringify(errors));
  console.log('csp:', JSON.stringify(await page.evaluate(() => window.__cspViolations)));
} finally {
  await browser.close();
  await server.close();
}
