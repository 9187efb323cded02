/**
 * Gates on the files of the real built site, no browser needed: valid HTML, links (also in a build for
 * the portal base path), nothing loaded from another origin, no CSP meta tag, sane budgets.json. (The
 * budgets themselves are checked in site-runtime.test.ts, with what the browser loaded.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBudgets } from './lib/budgets.ts';
import { checkSelfContained } from './lib/external.ts';
import { checkHtml } from './lib/html.ts';
import { checkLinks } from './lib/links.ts';
import { listPages } from './lib/site.ts';
import { runVnu, vnuFindings } from './lib/vnu.ts';
import { checkCspMeta } from './lib/browser-gates.ts';
import { BUDGETS_FILE, siteUrls } from './real-site.ts';
import { expectNoFindings, gates, pages } from './support.ts';

describe('the built site', () => {
  it('has the home page, the 404 page and the pages of a report', () => {
    const paths = pages.map((p) => p.path);
    expect(paths).toContain('/');
    expect(paths).toContain('/404.html');
    expect(paths.filter((p) => p.startsWith('/reports/')).length).toBeGreaterThanOrEqual(6);
  });
});

describe('html: every page passes html-validate', () => {
  it.each(pages)('html $path', async (page) => {
    expectNoFindings(await checkHtml([page]));
  });
});

describe('vnu: the Nu Html Checker finds no error on any page (also in the base-path build)', () => {
  // One vnu run (one JVM start, the slow part) for every page of both builds, started when the first
  // of these tests asks for it.
  const basePages = listPages(gates.baseDist);
  let run: ReturnType<typeof runVnu> | undefined;
  const messagesOf = async (file: string) => ((await (run ??= runVnu([...pages, ...basePages].map((p) => p.file)))).get(file) ?? []);
  it.each(pages)('vnu $path', async (page) => {
    expectNoFindings(vnuFindings(page, await messagesOf(page.file)));
  });
  it.each(basePages)('vnu under base $path', async (page) => {
    expectNoFindings(vnuFindings(page, await messagesOf(page.file)), { base: gates.base });
  });
});

describe('links: every internal href/src and #fragment resolves', () => {
  it.each(pages)('links $path', async (page) => {
    expectNoFindings(await checkLinks(gates.dist, [page], { siteUrls: siteUrls() }));
  });
});

describe(`links: the build for a portal base path keeps every link inside it`, () => {
  const basePages = listPages(gates.baseDist);
  it('the base-path build has the same pages', () => {
    expect(basePages.map((p) => p.path)).toEqual(pages.map((p) => p.path));
  });
  it.each(basePages)(`links under base $path`, async (page) => {
    expectNoFindings(await checkLinks(gates.baseDist, [page], { base: gates.base, siteUrls: siteUrls() }), { base: gates.base });
  });
});

describe('external: nothing is loaded from another origin', () => {
  it.each(pages)('external $path', async (page) => {
    expectNoFindings(await checkSelfContained(gates.dist, [page]));
  });
});

describe('csp: the policy is a header, never a meta tag', () => {
  it.each(pages)('csp meta $path', (page) => {
    expectNoFindings(checkCspMeta(page.path, readFileSync(page.file, 'utf8')));
  });
});

describe('budgets.json', () => {
  it('budgets.json stays under the ceilings: 6 KB JS for text pages, 70 KB for chart (and search) pages, 30 KB HTML', () => {
    const CHART_PAGES = new Set(['overview', 'indicators', 'projects', 'infographic', 'embed', 'search']);
    for (const type of loadBudgets(BUDGETS_FILE).pageTypes) {
      expect(type.budget.js, `${type.name} js`).toBeLessThanOrEqual(CHART_PAGES.has(type.name) ? 70 * 1024 : 6 * 1024);
      expect(type.budget.html, `${type.name} html`).toBeLessThanOrEqual(30 * 1024);
    }
  });
});
