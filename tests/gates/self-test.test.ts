/**
 * The gates themselves: each one, run on a tiny fixture site (tests/gates/fixtures/, not part of the real
 * site) that breaks it on purpose, must fail with a finding that names the page and the rule, and the
 * good fixture must pass them all. Without this a gate that silently checks nothing would look green.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/security/csp.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { checkCspMeta, visitPage, type PageTarget } from './lib/browser-gates.ts';
import { budgetTable, BudgetConfig, measureBudgets, pageWeightTable, README_WEIGHTS_END, README_WEIGHTS_START, replaceReadmeWeights } from './lib/budgets.ts';
import { checkSelfContained } from './lib/external.ts';
import { formatFindings, reproCommand, type Finding, type GateName } from './lib/findings.ts';
import { checkHtml } from './lib/html.ts';
import { checkLinks } from './lib/links.ts';
import { listPages, type SitePage } from './lib/site.ts';
import { runVnu, vnuFindings } from './lib/vnu.ts';
import { PAGE_TIMEOUT, useSharedBrowser } from './support.ts';

const FIXTURES = path.resolve('tests/gates/fixtures');
const fixture = (name: string) => path.join(FIXTURES, name);
const pagesOf = (name: string) => listPages(fixture(name));
const home = (name: string): SitePage => pagesOf(name).find((p) => p.path === '/')!;

const browser = useSharedBrowser();

/** One static server per fixture, sending the production CSP header like the real-site server. */
const servers = new Map<string, Promise<StaticServer>>();
async function target(name: string, pagePath = '/'): Promise<PageTarget> {
  let server = servers.get(name);
  if (!server) {
    server = serveStatic(fixture(name), { headers: { 'content-security-policy': CONTENT_SECURITY_POLICY } });
    servers.set(name, server);
  }
  return { path: pagePath, url: `${(await server).url}${pagePath.slice(1)}` };
}
afterAll(async () => {
  await Promise.all([...servers.values()].map(async (s) => (await s).close()));
});

/**
 * The page's visit as the real site gets it (visitPage: one visit, one load with JavaScript off), running
 * only the gates named: each test below proves that the shared visit catches what its gate is for.
 */
async function visit(t: PageTarget, gates: GateName[], requireVisible: string[] = []) {
  return visitPage(browser(), t, { policy: CONTENT_SECURITY_POLICY, gates, requireVisible });
}
const findingsOf = async (t: PageTarget, gates: GateName[], requireVisible: string[] = []) => (await visit(t, gates, requireVisible)).findings;

/**
 * vnu on the fixtures it is tested with, in one run (one JVM start, as in the real-site test), started
 * on first use; the findings of one fixture's pages.
 */
const VNU_FIXTURES = ['good', 'invalid-html', 'stray-script'];
let vnuRun: ReturnType<typeof runVnu> | undefined;
async function vnuOnFixtures(name: string): Promise<Finding[]> {
  vnuRun ??= runVnu(VNU_FIXTURES.flatMap((f) => pagesOf(f).map((p) => p.file)));
  const byFile = await vnuRun;
  return pagesOf(name).flatMap((p) => vnuFindings(p, byFile.get(p.file) ?? []));
}

const FIXTURE_BUDGETS: BudgetConfig = BudgetConfig.parse({
  gzipLevel: 6,
  jsBeforeInteraction: 2048,
  pageTypes: [
    { name: 'home', match: '^/$', budget: { js: 2048, css: 2048, html: 4096 } },
    { name: 'about', match: '^/about/$', budget: { js: 0, css: 2048, html: 4096 } },
    { name: '404', match: '^/404\\.html$', budget: { js: 0, css: 2048, html: 4096 } },
  ],
});

/** A finding of this gate and rule on this page must be there, and its report must say so. */
type Expected = { [K in keyof Finding]?: Finding[K] | RegExp } & Pick<Finding, 'gate' | 'rule' | 'page'>;
function expectFinding(findings: readonly Finding[], expected: Expected, site = {}) {
  const matches = (f: Finding) =>
    Object.entries(expected).every(([k, v]) => {
      const actual = f[k as keyof Finding];
      return v instanceof RegExp ? actual !== undefined && v.test(actual) : actual === v;
    });
  const match = findings.find(matches);
  expect(match, `expected a ${expected.gate}/${expected.rule} finding on ${expected.page}; got:\n${formatFindings(findings, site)}`).toBeDefined();
  const report = formatFindings([match!], site);
  expect(report).toContain(`page ${expected.page}`);
  expect(report).toContain(`rule ${expected.rule}`);
  expect(report).toContain(reproCommand(match!, site));
  return match!;
}

describe('the good fixture passes every gate', () => {
  const pages = pagesOf('good');
  it('has three pages', () => expect(pages.map((p) => p.path)).toEqual(['/', '/404.html', '/about/']));
  it('static gates: html, links, external, budgets', async () => {
    expect(await checkHtml(pages)).toEqual([]);
    expect(await checkLinks(fixture('good'), pages)).toEqual([]);
    expect(await checkSelfContained(fixture('good'), pages)).toEqual([]);
    const { rows, findings } = await measureBudgets(fixture('good'), pages, FIXTURE_BUDGETS);
    expect(findings).toEqual([]);
    // The chunk imported with import() on click is counted.
    expect(rows[0]!.jsFiles.map((f) => f.path)).toEqual(['/app.js', '/chunk.js']);
  });
  it('vnu: the Nu Html Checker finds no error', async () => {
    expect(await vnuOnFixtures('good')).toEqual([]);
  });
  it.each(['/', '/404.html', '/about/'])('browser gates on %s', { timeout: PAGE_TIMEOUT }, async (pagePath) => {
    const t = await target('good', pagePath);
    // Every page gate, in the one visit the real site's pages get.
    const { findings, errors } = await visitPage(browser(), t, { policy: CONTENT_SECURITY_POLICY, requireVisible: ['main h1'] });
    expect(errors).toEqual([]);
    expect(findings, formatFindings(findings)).toEqual([]);
  });
});

describe('each gate catches what it is for', () => {
  it('axe: an image without alt (default and large text)', { timeout: PAGE_TIMEOUT }, async () => {
    const findings = await findingsOf(await target('img-without-alt'), ['axe']);
    const f = expectFinding(findings, { gate: 'axe', rule: 'image-alt', page: '/', variant: 'default text' });
    expect(f.target).toBe('img');
    expect(f.snippet).toContain('<img src="/square.svg"');
    expectFinding(findings, { gate: 'axe', rule: 'image-alt', page: '/', variant: 'large text' });
  });

  it('html: an image without alt, a duplicate id, a list item outside a list', async () => {
    expectFinding(await checkHtml([home('img-without-alt')]), { gate: 'html', rule: 'wcag/h37', page: '/' });
    const findings = await checkHtml([home('invalid-html')]);
    expectFinding(findings, { gate: 'html', rule: 'no-dup-id', page: '/' });
    expectFinding(findings, { gate: 'html', rule: 'element-permitted-parent', page: '/' });
  });

  it('vnu: a duplicate id, a list item outside a list', async () => {
    const findings = await vnuOnFixtures('invalid-html');
    expectFinding(findings, { gate: 'vnu', rule: 'error', page: '/', message: /Duplicate ID “twice”/, target: '/index.html:13' });
    expectFinding(findings, { gate: 'vnu', rule: 'error', page: '/', message: /Element “li” not allowed as child of element “main”/ });
  });

  it('vnu: a script after </html>, which html-validate lets through', async () => {
    const findings = await vnuOnFixtures('stray-script');
    expectFinding(findings, { gate: 'vnu', rule: 'error', page: '/', message: /Stray start tag “script”/, snippet: /<\/html><script>/ });
    expectFinding(findings, { gate: 'vnu', rule: 'fatal-error', page: '/' });
    expect(await checkHtml(pagesOf('stray-script'))).toEqual([]);
  });

  it('links: a dead link, a missing #id on another page and on the same page', async () => {
    const findings = await checkLinks(fixture('dead-link'), pagesOf('dead-link'));
    expectFinding(findings, { gate: 'links', rule: 'dead-link', page: '/', snippet: /href="\/missing\/"/ });
    expectFinding(findings, { gate: 'links', rule: 'dead-fragment', page: '/', message: /id="nope" on \/about\// });
    expectFinding(findings, { gate: 'links', rule: 'dead-fragment', page: '/', message: /id="nowhere" on this page/ });
    // The good link to /about/#team is fine.
    expect(findings.filter((f) => f.rule.startsWith('dead-'))).toHaveLength(3);
  });

  it('links: a page without an icon on a site without /favicon.ico (every browser gets a 404)', async () => {
    const findings = await checkLinks(fixture('dead-link'), pagesOf('dead-link'));
    expectFinding(findings, { gate: 'links', rule: 'missing-favicon', page: '/about/' });
    // Under a base path the browser asks the host's /favicon.ico, not the site's.
    expect((await checkLinks(fixture('dead-link'), pagesOf('dead-link'), { base: '/zt/nantang/' })).filter((f) => f.rule === 'missing-favicon')).toEqual([]);
  });

  it('links: root-relative links break under a base path', async () => {
    const findings = await checkLinks(fixture('good'), pagesOf('good'), { base: '/zt/nantang/' });
    const site = { dist: 'tests/gates/fixtures/good', base: '/zt/nantang/' };
    expectFinding(findings, { gate: 'links', rule: 'outside-base', page: '/', snippet: /href="\/about\/"/ }, site);
    // Relative links stay inside the base.
    expect(findings.filter((f) => f.page === '/about/')).toEqual([]);
  });

  it('external: a CDN script, a CDN background image, a fetch() to another origin', async () => {
    const findings = await checkSelfContained(fixture('external-script'), pagesOf('external-script'));
    expectFinding(findings, { gate: 'external', rule: 'external-script', page: '/', message: /https:\/\/cdn\.example\.com\/lib\.js/ });
    expectFinding(findings, { gate: 'external', rule: 'external-css-url', page: '/', target: '/style.css' });
    expectFinding(findings, { gate: 'external', rule: 'external-js-load', page: '/', target: '/app.js', message: /api\.example\.com/ });
    // A plain link to another site is allowed.
    expect(await checkSelfContained(fixture('good'), pagesOf('good'))).toEqual([]);
  });

  it('external: the browser requests from other origins are caught at run time too', { timeout: PAGE_TIMEOUT }, async () => {
    const findings = await findingsOf(await target('external-script'), ['external']);
    expectFinding(findings, { gate: 'external', rule: 'external-request', page: '/', target: 'https://cdn.example.com/lib.js' });
  });

  it('csp: an inline script without a hash is blocked and reported', { timeout: PAGE_TIMEOUT }, async () => {
    const findings = await findingsOf(await target('inline-script'), ['csp']);
    expectFinding(findings, { gate: 'csp', rule: 'script-src-elem', page: '/', message: /inline/ });
  });

  it('csp: what the policy blocks in a worker (no event in the page) is reported too', { timeout: PAGE_TIMEOUT }, async () => {
    const findings = await findingsOf(await target('worker-eval'), ['csp']);
    expectFinding(findings, { gate: 'csp', rule: 'csp-blocked', page: '/', message: /unsafe-eval/ });
  });

  it('csp: a page not served with the policy is reported, not silently passed', { timeout: PAGE_TIMEOUT }, async () => {
    const server = await serveStatic(fixture('good'));
    try {
      const findings = await findingsOf({ path: '/about/', url: `${server.url}about/` }, ['csp']);
      expectFinding(findings, { gate: 'csp', rule: 'csp-header', page: '/about/' });
    } finally {
      await server.close();
    }
  });

  it('csp: a policy in a meta tag is reported (frame-ancestors needs a header)', () => {
    const html = `<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}"><title>x</title></head><body></body></html>`;
    expectFinding(checkCspMeta('/', html), { gate: 'csp', rule: 'csp-meta-tag', page: '/' });
  });

  it('cls, chart-text, chart-clip: a chart that script takes over only when touched is touched and measured again', { timeout: PAGE_TIMEOUT }, async () => {
    const { findings, layout } = await visit(await target('chart-takeover'), ['cls', 'chart-text', 'chart-clip']);
    const touched = 'default text, 1280px wide, charts touched';
    expect(layout.map((m) => m.variant)).toEqual(['default text, 375px wide', 'default text, 375px wide, charts touched', 'default text, 1280px wide', touched]);
    // Before the touch: the SVG, legible, inside its box, nothing moved.
    expect(findings.filter((f) => !f.variant?.endsWith('charts touched'))).toEqual([]);
    expect(layout[2]!.charts.map((c) => c.kind)).toEqual(['svg']);
    // After: the jump, and the canvas's text.
    expectFinding(findings, { gate: 'cls', rule: 'layout-shift', page: '/', variant: touched, message: /moved \d+ px down/ });
    expectFinding(findings, { gate: 'chart-text', rule: 'text-under-12px', page: '/', variant: touched, message: /"tiny takeover label" 8\.0 px/ });
    expectFinding(findings, { gate: 'chart-clip', rule: 'text-outside-chart', page: '/', variant: touched, message: /"takeover label cut on the left" [\d.]+ px past the left edge/ });
  });

  it('budgets: a dynamically imported chunk over the budget', async () => {
    const { rows, findings } = await measureBudgets(fixture('oversized-bundle'), pagesOf('oversized-bundle'), FIXTURE_BUDGETS);
    expect(rows[0]!.jsFiles.map((f) => f.path)).toEqual(['/app.js', '/big-chunk.js']);
    const f = expectFinding(findings, { gate: 'budgets', rule: 'js-budget', page: '/' });
    expect(f.message).toMatch(/over the "home" budget of 2048 bytes/);
    expect(f.target).toContain('/big-chunk.js');
    expect(budgetTable(rows)).toMatch(/^\/\s+home\s+\d{4}\s+2048/m);
  });

  it("budgets: README.md's page-weight table is written from the measurement, between its markers", async () => {
    const { rows } = await measureBudgets(fixture('good'), pagesOf('good'), FIXTURE_BUDGETS);
    const table = pageWeightTable(rows, FIXTURE_BUDGETS);
    expect(table).toMatch(/^\| home \| 1 \| [\d.]+ KB \| — \| [\d.]+ KB \| [\d.]+ KB \|$/m);
    const readme = readFileSync('README.md', 'utf8');
    const written = replaceReadmeWeights(readme, table);
    expect(written).toContain(`${README_WEIGHTS_START}\n${table}\n${README_WEIGHTS_END}`);
    // Everything else stays as it was.
    expect(written.slice(0, written.indexOf(README_WEIGHTS_START))).toBe(readme.slice(0, readme.indexOf(README_WEIGHTS_START)));
    expect(written.slice(written.indexOf(README_WEIGHTS_END))).toBe(readme.slice(readme.indexOf(README_WEIGHTS_END)));
    expect(() => replaceReadmeWeights('no markers', table)).toThrow(/page-weight table/);
  });

  it('budgets: a page without a page type has no budget, which is a finding', async () => {
    const config = BudgetConfig.parse({ ...FIXTURE_BUDGETS, pageTypes: FIXTURE_BUDGETS.pageTypes.slice(0, 1) });
    expectFinding((await measureBudgets(fixture('good'), pagesOf('good'), config)).findings, { gate: 'budgets', rule: 'no-page-type', page: '/about/' });
  });

  it('budgets: a chunk whose URL is computed at run time is counted from what the browser loaded', { timeout: PAGE_TIMEOUT }, async () => {
    const pages = pagesOf('computed-import');
    const fetched = (await visit(await target('computed-import'), ['budgets'])).loaded;
    expect(fetched).toEqual(['/app.js', '/big-chunk.js']);
    // Reading the files cannot see it …
    const unseen = await measureBudgets(fixture('computed-import'), pages, FIXTURE_BUDGETS);
    expect(unseen.rows[0]!.jsFiles.map((f) => f.path)).toEqual(['/app.js']);
    // … the browser does, and then it is over the budget.
    const { rows, findings } = await measureBudgets(fixture('computed-import'), pages, FIXTURE_BUDGETS, { loaded: () => fetched });
    expect(rows[0]!.jsFiles.map((f) => f.path)).toEqual(['/app.js', '/big-chunk.js']);
    expectFinding(findings, { gate: 'budgets', rule: 'js-budget', page: '/', target: /\/big-chunk\.js/ });
  });

  it('budgets: script loaded before anything is touched, over the ceiling; a chunk loaded on click is not counted there', { timeout: PAGE_TIMEOUT }, async () => {
    const early = await visit(await target('computed-import'), ['budgets']);
    expect(early.loadedBeforeInteraction).toEqual(['/app.js', '/big-chunk.js']);
    const over = await measureBudgets(fixture('computed-import'), pagesOf('computed-import'), FIXTURE_BUDGETS, { loaded: () => early.loaded, loadedBeforeInteraction: () => early.loadedBeforeInteraction });
    const f = expectFinding(over.findings, { gate: 'budgets', rule: 'js-before-interaction', page: '/', target: /\/big-chunk\.js/ });
    expect(f.message).toMatch(/over the 2048 bytes \(2\.0 KB\) allowed until a chart is touched/);
    expect(budgetTable(over.rows)).toContain('JS untouched');
    // The good page imports its chunk on a click: counted in its JS, not before interaction.
    const good = await visit(await target('good'), ['budgets']);
    expect(good.loadedBeforeInteraction.filter((p) => p.endsWith('.js'))).toEqual(['/app.js']);
    const fine = await measureBudgets(fixture('good'), [home('good')], FIXTURE_BUDGETS, { loaded: () => good.loaded, loadedBeforeInteraction: () => good.loadedBeforeInteraction });
    expect(fine.findings).toEqual([]);
    expect(fine.rows[0]!.jsFiles.map((x) => x.path)).toContain('/chunk.js');
    expect(fine.rows[0]!.jsBeforeInteraction).toBeLessThan(fine.rows[0]!.js);
  });

  it('budgets: a page visited with a query string has the budget of its page', async () => {
    const pages = [{ ...home('oversized-bundle'), path: '/?q=x' }];
    const { rows } = await measureBudgets(fixture('oversized-bundle'), pages, FIXTURE_BUDGETS);
    expect(rows[0]).toMatchObject({ page: '/?q=x', type: 'home' });
  });

  it('keyboard: a removed focus outline, a link focused off screen, a Tab trap', { timeout: PAGE_TIMEOUT }, async () => {
    const findings = await findingsOf(await target('keyboard-trap'), ['keyboard']);
    expectFinding(findings, { gate: 'keyboard', rule: 'no-focus-indicator', page: '/', target: '#first' });
    expectFinding(findings, { gate: 'keyboard', rule: 'not-reachable', page: '/', target: '#third' });
    expectFinding(findings, { gate: 'keyboard', rule: 'focus-off-screen', page: '/', target: '#hidden-skip' });
    expect(findings.some((f) => f.target === '#second')).toBe(false);
  });

  it('reflow: a box wider than 320 px, one wider than 1280 px (fresh loads at 375 and 1280 px too)', { timeout: PAGE_TIMEOUT }, async () => {
    const findings = await findingsOf(await target('wide-page'), ['reflow']);
    expectFinding(findings, { gate: 'reflow', rule: 'horizontal-scroll', page: '/', snippet: /class="fixed-width"/, variant: 'default text, 320px wide' });
    expectFinding(findings, { gate: 'reflow', rule: 'horizontal-scroll', page: '/', snippet: /class="fixed-width"/, variant: 'large text, 320px wide' });
    expectFinding(findings, { gate: 'reflow', rule: 'horizontal-scroll', page: '/', snippet: /class="fixed-width"/, variant: 'default text, 375px wide' });
    expectFinding(findings, { gate: 'reflow', rule: 'horizontal-scroll', page: '/', snippet: /class="very-wide"/, variant: 'default text, 1280px wide', message: /1408px wide in a 1280px window: this element reaches 1408px/ });
    // The 600 px box fits at 1280 px: only the 1400 px one is named there.
    expect(findings.some((f) => f.variant === 'default text, 1280px wide' && /fixed-width/.test(f.snippet ?? ''))).toBe(false);
  });

  it('cls: a banner put in after load moves the text (fresh loads at 375 and 1280 px, default and large text)', { timeout: PAGE_TIMEOUT }, async () => {
    const { findings, layout } = await visit(await target('layout-shift'), ['cls']);
    expect(layout.map((m) => m.variant)).toEqual(['default text, 375px wide', 'large text, 375px wide', 'default text, 1280px wide', 'large text, 1280px wide']);
    // The large-text choice, stored as the page's own button stores it, applied on the fresh load.
    expect(layout[1]!.rootFontSize).toBeGreaterThan(layout[0]!.rootFontSize);
    for (const variant of layout.map((m) => m.variant)) {
      const f = expectFinding(findings, { gate: 'cls', rule: 'layout-shift', page: '/', variant });
      expect(f.message).toMatch(/cumulative layout shift 0\.\d+, over 0\.02/);
      // The element that moved, with its text and how it moved.
      expect(f.message).toMatch(/#main "A banner that arrived late A page that j" moved -?\d+ px down, 0 px right, height \d+→\d+ px/);
      expect(f.target).toBe('#main');
    }
    // The good page does not move.
    const good = await visit(await target('good'), ['cls']);
    expect(good.findings).toEqual([]);
    expect(good.layout.every((m) => m.cls.total === 0)).toBe(true);
  });

  it('chart-text and chart-clip: small and cut-off text in an inline SVG, on a canvas, in an SVG picture; small text in a figure', { timeout: PAGE_TIMEOUT }, async () => {
    const { findings, layout } = await visit(await target('chart-text'), ['chart-text', 'chart-clip']);
    const wide = 'default text, 1280px wide';
    const narrow = 'default text, 375px wide';
    for (const variant of [wide, narrow]) {
      expectFinding(findings, { gate: 'chart-text', rule: 'text-under-12px', page: '/', variant, target: /svg/, message: /"eight px label" [\d.]+ px/ });
      expectFinding(findings, { gate: 'chart-text', rule: 'text-under-12px', page: '/', variant, target: /#drawn/, message: /"tiny canvas label" 8\.0 px/ });
      expectFinding(findings, { gate: 'chart-text', rule: 'text-under-12px', page: '/', variant, target: /img/, message: /the SVG picture of "Picture chart".*"ten px picture label"/ });
      expectFinding(findings, { gate: 'chart-text', rule: 'figure-text-under-12px', page: '/', variant, message: /"A note in ten pixel type" in a figure is 10\.0 px/ });
      expectFinding(findings, { gate: 'chart-clip', rule: 'text-outside-chart', page: '/', variant, target: /svg/, message: /"label cut on the left" [\d.]+ px past the left edge/ });
      expectFinding(findings, { gate: 'chart-clip', rule: 'text-outside-chart', page: '/', variant, target: /#drawn/, message: /"canvas label cut on the left" [\d.]+ px past the left edge/ });
    }
    // The exact size: 8 px in a 400-unit viewBox drawn 400 px wide at 1280 px; the picture shrunk to the phone.
    expect(findings.find((f) => f.variant === wide && /svg/.test(f.target ?? '') && f.rule === 'text-under-12px')!.message).toMatch(/"eight px label" 8\.0 px \(font 8\.0 px × scale 1\.000\)/);
    const picture = layout.find((m) => m.variant === narrow)!.charts.find((c) => c.kind === 'picture')!;
    expect(picture.smallest).toBeLessThan(6);
    // Fine labels are not named; nothing outside is said of the picture.
    expect(findings.some((f) => /fine (canvas )?label|big picture label/.test(f.message))).toBe(false);
    expect(findings.some((f) => f.gate === 'chart-clip' && /img/.test(f.target ?? ''))).toBe(false);
  });

  it('console: console.error, an uncaught exception, a missing image', { timeout: PAGE_TIMEOUT }, async () => {
    const findings = await findingsOf(await target('console-error'), ['console']);
    expectFinding(findings, { gate: 'console', rule: 'console-error', page: '/', message: /something went wrong/ });
    expectFinding(findings, { gate: 'console', rule: 'pageerror', page: '/', message: /fixture: uncaught/ });
    expectFinding(findings, { gate: 'console', rule: 'failed-request', page: '/', target: /\/missing\.png$/ });
  });

  it('e2e: a chart that says it is drawn but left its canvas blank is told from one that painted', { timeout: PAGE_TIMEOUT }, async () => {
    const { charts, errors } = await visit(await target('blank-chart'), []);
    expect(errors).toEqual([]);
    expect(charts.map((c) => c.selector)).toEqual(['#inked', '#blank']);
    expect(charts.every((c) => c.drawn)).toBe(true);
    // site-pages.test.ts wants more than 2 % of a chart's canvas painted.
    expect(charts[0]!.inked).toBeGreaterThan(0.02);
    expect(charts[1]!.inked).toBe(0);
  });

  it('nojs: text that only JavaScript shows', { timeout: PAGE_TIMEOUT }, async () => {
    const findings = await findingsOf(await target('needs-js'), ['nojs'], ['section.meta-block']);
    expectFinding(findings, { gate: 'nojs', rule: 'main-not-visible', page: '/' });
    expectFinding(findings, { gate: 'nojs', rule: 'table-not-visible', page: '/' });
    expectFinding(findings, { gate: 'nojs', rule: 'content-needs-js', page: '/', snippet: /<h1>Needs JavaScript/ });
    expectFinding(findings, { gate: 'nojs', rule: 'required-block-missing', page: '/', target: 'section.meta-block' });
  });
});

describe('the reproduction command printed with every finding works', () => {
  const gates = (...args: string[]) => spawnSync(process.execPath, ['scripts/gates.ts', ...args], { encoding: 'utf8', env: { ...process.env, SKIP_BUILD: '1' } });

  it('npm run gates -- --dist … --gate links --page / reports the dead links and exits 1', { timeout: PAGE_TIMEOUT }, () => {
    const run = gates('--dist', 'tests/gates/fixtures/dead-link', '--gate', 'links', '--page', '/');
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain('✗ [links] page /');
    expect(run.stdout).toContain('rule dead-link');
    expect(run.stdout).toContain('reproduce: npm run gates -- --dist tests/gates/fixtures/dead-link --gate links --page /');
  });

  it('a browser gate from the command line: the inline script under the CSP', { timeout: PAGE_TIMEOUT }, () => {
    const run = gates('--dist', 'tests/gates/fixtures/inline-script', '--gate', 'csp');
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain('rule script-src-elem');
  });

  it('exits 0 when the gates pass', { timeout: PAGE_TIMEOUT }, () => {
    const run = gates('--dist', 'tests/gates/fixtures/good', '--gate', 'html,vnu,links', '--page', '/about/');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('no findings');
  });
});
