/**
 * `npm run screenshots [-- dist]`: every page of dist/ (each index.html and 404.html, and the search page
 * with a query, as the quality gates visit them) at 375 px and 1280 px, written to
 * test-results/screenshots/ for a reviewer to look at (they are not compared pixel by pixel). It checks
 * dist/ as it is: run `npm run build` (or `npm test`) first. The browser and its fonts are the tests'
 * (tests/support/browser.ts: the npm Chromium and the npm CJK font, or CHROMIUM_PATH), served with the
 * production Content-Security-Policy header, so the pages look as the gates saw them.
 * `npm test` writes no screenshots.
 */
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../src/security/csp.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/server.ts';
import { screenshot } from '../tests/gates/lib/browser-gates.ts';
import { listPages, withQueryVisits } from '../tests/gates/lib/site.ts';
import { QUERY_VISITS, SCREENSHOTS_DIR } from '../tests/gates/real-site.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const pages = process.argv[2] ? listPages(dist) : withQueryVisits(listPages(dist), QUERY_VISITS);
if (pages.length === 0) {
  console.error(`no pages in ${dist}: run npm run build first`);
  process.exit(2);
}

const started = Date.now();
const server = await serveStatic(dist, { headers: { 'content-security-policy': CONTENT_SECURITY_POLICY } });
const browser = await launchBrowser();
try {
  for (const page of pages) {
    for (const width of [375, 1280]) {
      console.log(path.relative(process.cwd(), await screenshot(browser, { path: page.path, url: `${server.url}${page.path.slice(1)}` }, { width, dir: SCREENSHOTS_DIR })));
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${pages.length * 2} screenshots of ${pages.length} pages in ${path.relative(process.cwd(), SCREENSHOTS_DIR)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
