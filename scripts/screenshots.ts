/**
 * `node scripts/screenshots.ts [dist]`: every page of dist/ (each index.html and 404.html) at 375 px and
 * 1280 px, written to test-results/screenshots/ for a reviewer to look at (they are not compared pixel by
 * pixel). `npm test` writes the same files (tests/gates/site-screenshots.test.ts); both use the
 * quality gates' page list and screenshot function.
 */
import path from 'node:path';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/server.ts';
import { screenshot } from '../tests/gates/lib/browser-gates.ts';
import { listPages } from '../tests/gates/lib/site.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const out = path.resolve('test-results/screenshots');

const server = await serveStatic(dist);
const browser = await launchBrowser();
try {
  for (const page of listPages(dist)) {
    for (const width of [375, 1280]) {
      console.log(await screenshot(browser, { path: page.path, url: `${server.url}${page.path.slice(1)}` }, { width, dir: out }));
    }
  }
} finally {
  await browser.close();
  await server.close();
}
