/**
 * `npm run gates`: the quality gates of `npm test`, from the command line, on the whole site or one page.
 * Every failing gate in `npm test` prints the command that reproduces it here, e.g.
 *
 *   npm run gates -- --gate axe --page /reports/nantang-2022-h1/
 *   npm run gates -- --base /zt/nantang/ --gate links
 *   npm run gates -- --dist tests/gates/fixtures/dead-link --gate links
 *
 * Options:
 *   --gate <name[,name…]>  html, vnu, links, external, csp, console, nojs, axe, reflow, keyboard, budgets, cls,
 *                          chart-clip, chart-text (default: all)
 *   --page <path>          one page, as the findings name it: /, /404.html, /reports/x/indicators/, /search/?q=工作
 *                          (default: all)
 *   --base <path>          build the real site for this base path (into a temporary folder) and check that build
 *   --dist <folder>        check an already built folder instead of building the real site (a fixture, a copy)
 *   --budgets <file>       budget config (default budgets.json)
 *   --no-build             check dist/ as it is, without `node scripts/build.ts` first (also SKIP_BUILD=1)
 *   --screenshots          also write screenshots of the pages to test-results/screenshots/
 *   --readme               with the budgets gate on the real site's every page: rewrite README.md's page-weight
 *                          table from the measurement (npm run gates -- --gate budgets --readme)
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/support/browser.ts';
import { budgetTable, loadBudgets, pageWeightTable, replaceReadmeWeights } from '../tests/gates/lib/budgets.ts';
import { formatFindings, GATES, type GateName } from '../tests/gates/lib/findings.ts';
import { runGates } from '../tests/gates/lib/run.ts';
import { listPages, normaliseBase, selectPages, withQueryVisits } from '../tests/gates/lib/site.ts';
import { BUDGETS_FILE, QUERY_VISITS, ROOT, SCREENSHOTS_DIR, buildForBase, buildSite, requireVisible, siteUrls } from '../tests/gates/real-site.ts';

const { values } = parseArgs({
  options: {
    gate: { type: 'string' },
    page: { type: 'string' },
    base: { type: 'string' },
    dist: { type: 'string' },
    budgets: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    screenshots: { type: 'boolean', default: false },
    readme: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('npm run gates -- [--gate axe,links…] [--page /reports/x/] [--base /zt/nantang/] [--dist folder] [--no-build] [--screenshots] [--readme]');
  console.log(`gates: ${GATES.join(', ')}`);
  process.exit(0);
}

const gates = (values.gate ? values.gate.split(',').map((g) => g.trim()) : [...GATES]) as GateName[];
const unknown = gates.filter((g) => !GATES.includes(g));
if (unknown.length) {
  console.error(`unknown gate ${unknown.join(', ')}; the gates are ${GATES.join(', ')}`);
  process.exit(2);
}

if (values.readme && (!gates.includes('budgets') || values.page || values.dist || values.base)) {
  console.error('--readme needs the budgets gate on every page of the real site at / (no --page, --dist or --base)');
  process.exit(2);
}

const base = normaliseBase(values.base);
let dist: string;
let temporary: string | undefined;
if (values.dist) {
  dist = path.resolve(values.dist);
} else if (base !== '/') {
  console.log(`building the site for ${base} …`);
  dist = await buildForBase(base);
  temporary = path.dirname(dist);
} else {
  dist = path.join(ROOT, 'dist');
  if (!values['no-build'] && process.env['SKIP_BUILD'] !== '1') {
    console.log('building the site (node scripts/build.ts) …');
    await buildSite();
  }
}

// The real site is also visited with the queries its scripts answer (the search page); a folder is as it is.
const all = values.dist ? listPages(dist) : withQueryVisits(listPages(dist), QUERY_VISITS);
const pages = selectPages(all, values.page);
if (pages.length === 0) {
  console.error(all.length ? `no page ${values.page} in ${dist}; the pages are:\n  ${all.map((p) => p.path).join('\n  ')}` : `no pages in ${dist}`);
  process.exit(2);
}

const started = Date.now();
console.log(`gates ${gates.join(', ')} on ${pages.length} page(s) of ${path.relative(ROOT, dist) || dist}${base !== '/' ? ` (base ${base})` : ''}`);
try {
  const { findings, budgetRows } = await runGates({
    dist,
    base,
    pages,
    gates,
    budgets: loadBudgets(values.budgets ?? BUDGETS_FILE),
    siteUrls: values.dist ? [] : siteUrls(),
    requireVisible,
    launchBrowser,
    ...(values.screenshots ? { screenshotsDir: SCREENSHOTS_DIR } : {}),
    log: (line) => console.log(line),
  });
  if (budgetRows.length) console.log(`\n${budgetTable(budgetRows)}`);
  if (values.readme) {
    const readme = path.join(ROOT, 'README.md');
    const config = loadBudgets(values.budgets ?? BUDGETS_FILE);
    writeFileSync(readme, replaceReadmeWeights(readFileSync(readme, 'utf8'), pageWeightTable(budgetRows, config)));
    console.log(`\nREADME.md: page-weight table rewritten from this measurement`);
  }
  const site = { ...(values.dist ? { dist: path.relative(ROOT, dist) || dist } : {}), base };
  console.log(`\n${formatFindings(findings, site)}`);
  console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = findings.length ? 1 : 0;
} finally {
  if (temporary) rmSync(temporary, { recursive: true, force: true });
}
