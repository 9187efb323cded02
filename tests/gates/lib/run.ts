/**
 * Runs gates on a built site folder: the same functions the tests call, for `npm run gates` (scripts/gates.ts).
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../../src/security/csp.ts';
import { serveStatic } from '../../support/server.ts';
import { checkCspMeta, PAGE_GATES, screenshot, visitPage, type PageTarget } from './browser-gates.ts';
import { measureBudgets, type BudgetConfig, type BudgetRow } from './budgets.ts';
import { checkSelfContained } from './external.ts';
import type { Finding, GateName } from './findings.ts';
import { checkHtml } from './html.ts';
import { checkLinks } from './links.ts';
import { checkVnu } from './vnu.ts';
import { normaliseBase, type SitePage } from './site.ts';

export interface RunOptions {
  dist: string;
  base?: string;
  pages: readonly SitePage[];
  gates: readonly GateName[];
  budgets: BudgetConfig;
  /** The site's own absolute URLs (its public URL), checked by the links gate like relative links. */
  siteUrls?: readonly string[];
  /** Selectors that must be visible with JavaScript off, per page. */
  requireVisible?: (pagePath: string) => readonly string[];
  /** A function that starts a browser, called only when a browser gate runs. */
  launchBrowser: () => Promise<Browser>;
  /** Write screenshots (375 and 1280 px) into this folder. */
  screenshotsDir?: string;
  log?: (line: string) => void;
}

const BROWSER_GATES: readonly GateName[] = PAGE_GATES;

export async function runGates(options: RunOptions): Promise<{ findings: Finding[]; budgetRows: BudgetRow[] }> {
  const { dist, pages, gates } = options;
  const base = normaliseBase(options.base);
  const log = options.log ?? (() => {});
  const findings: Finding[] = [];
  let budgetRows: BudgetRow[] = [];
  const wants = (g: GateName) => gates.includes(g);

  // The file gates read each file once: a page visited with a query string is the same file.
  const files = pages.filter((p) => !p.path.includes('?') || !pages.some((q) => q.file === p.file && !q.path.includes('?')));
  if (wants('html')) findings.push(...(await checkHtml(files)));
  if (wants('vnu')) findings.push(...(await checkVnu(files)));
  if (wants('links')) findings.push(...(await checkLinks(dist, files, { base, siteUrls: options.siteUrls ?? [] })));
  if (wants('external')) findings.push(...(await checkSelfContained(dist, files, { base })));
  if (wants('csp')) for (const p of files) findings.push(...checkCspMeta(p.path, readFileSync(p.file, 'utf8')));
  if (!gates.some((g) => BROWSER_GATES.includes(g)) && !options.screenshotsDir) return { findings, budgetRows };

  const server = await serveStatic(dist, { base, headers: { 'content-security-policy': CONTENT_SECURITY_POLICY } });
  const browser = await options.launchBrowser();
  const loaded = new Map<string, string[]>();
  const early = new Map<string, string[]>();
  try {
    for (const page of pages) {
      const target: PageTarget = { path: page.path, url: `${server.url}${page.path.slice(1)}` };
      log(`  ${page.path}`);
      const pageGates = gates.filter((g) => BROWSER_GATES.includes(g));
      if (pageGates.length) {
        // The same single visit as in npm test (tests/gates/site-pages.test.ts), running only the gates asked for.
        const visit = await visitPage(browser, target, { policy: CONTENT_SECURITY_POLICY, requireVisible: options.requireVisible?.(page.path) ?? [], base, gates: pageGates });
        findings.push(...visit.findings);
        loaded.set(page.path, visit.loaded);
        early.set(page.path, visit.loadedBeforeInteraction);
      }
      if (options.screenshotsDir) {
        for (const width of [375, 1280]) log(`    ${await screenshot(browser, target, { width, dir: options.screenshotsDir })}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (wants('budgets')) {
    const measured = await measureBudgets(dist, pages, options.budgets, { base, loaded: (p) => loaded.get(p.path), loadedBeforeInteraction: (p) => early.get(p.path) });
    budgetRows = measured.rows;
    findings.push(...measured.findings);
  }
  return { findings, budgetRows };
}
