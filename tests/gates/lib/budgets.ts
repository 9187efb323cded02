/**
 * Budgets gate: JS, CSS and HTML bytes (gzip) per page, against the page type's budget in budgets.json.
 * JS counts every script the page loads, each file once: what a reading of the built files finds (the
 * page's scripts and every module they import, also with import(), which is how the chart chunk loads)
 * together with every script and stylesheet the browser was seen to load for the page (pagefind.js,
 * whose URL is computed at run time, is only seen there). A page that matches no page type is itself a
 * finding, so a new kind of page cannot ship without a budget.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { pageAssets } from './assets.ts';
import type { Finding } from './findings.ts';
import { fileForPath, normaliseBase, pathnameOf, sitePathOf, type SitePage } from './site.ts';

const Limits = z.object({ js: z.number().int().nonnegative(), css: z.number().int().nonnegative(), html: z.number().int().nonnegative() }).strict();

const PageType = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    /** Regular expression on the page path without base (`/reports/x/indicators/`). */
    match: z.string().min(1),
    /** Maximum bytes, gzip. */
    budget: Limits,
  })
  .strict();

export const BudgetConfig = z
  .object({
    $comment: z.union([z.string(), z.array(z.string())]).optional(),
    /** zlib level used to measure. */
    gzipLevel: z.number().int().min(1).max(9),
    /** The most script (bytes, gzip) any page may load before it is touched (default JS_BEFORE_INTERACTION). */
    jsBeforeInteraction: z.number().int().nonnegative().optional(),
    pageTypes: z.array(PageType).min(1),
  })
  .strict();
export type BudgetConfig = z.infer<typeof BudgetConfig>;

export function loadBudgets(file = 'budgets.json'): BudgetConfig {
  const parsed = BudgetConfig.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export interface FileSize {
  path: string;
  bytes: number;
  gzip: number;
}

/**
 * Issue 16: a chart page transfers at most 10 KB gzip of script until a chart is touched. Checked on
 * every page opened without a query string (a query is the reader's search: Pagefind loads for it), so
 * no kind of page escapes it: opened and scrolled through, nothing hovered, tapped or focused.
 */
export const JS_BEFORE_INTERACTION = 10240;

export interface BudgetRow {
  page: string;
  /** Script the browser loaded before any interaction (when the visit says), bytes gzip. */
  jsBeforeInteraction?: number;
  type?: string;
  budget?: z.infer<typeof Limits>;
  js: number;
  css: number;
  html: number;
  jsFiles: FileSize[];
  cssFiles: FileSize[];
}

const sizes = new Map<string, FileSize>();
function sizeOf(dist: string, file: string, level: number): FileSize {
  const key = `${file}\u0000${level}`;
  const hit = sizes.get(key);
  if (hit) return hit;
  const data = readFileSync(file);
  const size = { path: sitePathOf(dist, file), bytes: data.length, gzip: gzipSync(data, { level }).length };
  sizes.set(key, size);
  return size;
}

/** The page type of a page: the first whose pattern matches its path (without a query string). */
export function pageTypeOf(config: BudgetConfig, pagePath: string) {
  return config.pageTypes.find((t) => new RegExp(t.match).test(pathnameOf(pagePath)));
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function measureBudgets(
  dist: string,
  pages: readonly SitePage[],
  config: BudgetConfig,
  {
    base = '/',
    loaded,
    loadedBeforeInteraction,
  }: {
    base?: string;
    /** The scripts and stylesheets the browser loaded for a page (site paths, as fetchedAssets returns them). */
    loaded?: (page: SitePage) => readonly string[] | undefined;
    /** What of it the browser loaded before any interaction (PageVisit.loadedBeforeInteraction). */
    loadedBeforeInteraction?: (page: SitePage) => readonly string[] | undefined;
  } = {},
): Promise<{ rows: BudgetRow[]; findings: Finding[] }> {
  const rows: BudgetRow[] = [];
  const findings: Finding[] = [];
  const b = normaliseBase(base);
  for (const page of pages) {
    const assets = await pageAssets(dist, b, page);
    const scripts = new Set(assets.scripts);
    const styles = new Set(assets.styles);
    for (const sitePath of loaded?.(page) ?? []) {
      const { file } = fileForPath(dist, b, `${b}${sitePath.slice(1)}`);
      if (!file) continue; // a failed load: the console gate reports it
      if (file.endsWith('.css')) styles.add(file);
      else scripts.add(file);
    }
    const jsFiles = [...scripts].map((f) => sizeOf(dist, f, config.gzipLevel));
    const cssFiles = [...styles].map((f) => sizeOf(dist, f, config.gzipLevel));
    const type = pageTypeOf(config, page.path);
    const row: BudgetRow = {
      page: page.path,
      js: jsFiles.reduce((n, f) => n + f.gzip, 0),
      css: cssFiles.reduce((n, f) => n + f.gzip, 0),
      html: gzipSync(readFileSync(page.file), { level: config.gzipLevel }).length,
      jsFiles,
      cssFiles,
      ...(type ? { type: type.name, budget: type.budget } : {}),
    };
    const early = loadedBeforeInteraction?.(page);
    if (early) {
      const files = early
        .map((sitePath) => fileForPath(dist, b, `${b}${sitePath.slice(1)}`).file)
        .filter((f): f is string => !!f && !f.endsWith('.css'))
        .map((f) => sizeOf(dist, f, config.gzipLevel));
      row.jsBeforeInteraction = files.reduce((n, f) => n + f.gzip, 0);
      const ceiling = config.jsBeforeInteraction ?? JS_BEFORE_INTERACTION;
      if (!page.path.includes('?') && row.jsBeforeInteraction > ceiling) {
        findings.push({
          gate: 'budgets',
          page: page.path,
          rule: 'js-before-interaction',
          message: `the browser loaded ${row.jsBeforeInteraction} bytes gzip (${kb(row.jsBeforeInteraction)}) of script before anything was touched (page opened and scrolled through), over the ${ceiling} bytes (${kb(ceiling)}) allowed until a chart is touched, by ${row.jsBeforeInteraction - ceiling} bytes`,
          target: files.map((f) => `${f.path} ${f.gzip} B`).join(', '),
        });
      }
    }
    rows.push(row);
    if (!type) {
      findings.push({
        gate: 'budgets',
        page: page.path,
        rule: 'no-page-type',
        message: `no page type in budgets.json matches this page, so it has no budget; add one (JS ${kb(row.js)}, CSS ${kb(row.css)}, HTML ${kb(row.html)} gzip now)`,
      });
      continue;
    }
    for (const kind of ['js', 'css', 'html'] as const) {
      if (row[kind] <= type.budget[kind]) continue;
      const files = kind === 'js' ? jsFiles : kind === 'css' ? cssFiles : [{ path: path.basename(page.file), gzip: row.html, bytes: 0 }];
      findings.push({
        gate: 'budgets',
        page: page.path,
        rule: `${kind}-budget`,
        message: `${kind.toUpperCase()} is ${kind === 'html' ? '' : 'all files loaded: '}${row[kind]} bytes gzip (${kb(row[kind])}), over the "${type.name}" budget of ${type.budget[kind]} bytes (${kb(type.budget[kind])}) by ${row[kind] - type.budget[kind]} bytes`,
        target: files.map((f) => `${f.path} ${f.gzip} B`).join(', '),
      });
    }
  }
  return { rows, findings };
}

/** The numbers as a table, with the budget beside each. */
export function budgetTable(rows: readonly BudgetRow[]): string {
  const header = ['page', 'type', 'JS gzip', 'budget', 'JS untouched', 'CSS gzip', 'budget', 'HTML gzip', 'budget', 'JS files'];
  const body = rows.map((r) => [
    r.page,
    r.type ?? '(none)',
    String(r.js),
    r.budget ? String(r.budget.js) : '-',
    r.jsBeforeInteraction === undefined ? '-' : String(r.jsBeforeInteraction),
    String(r.css),
    r.budget ? String(r.budget.css) : '-',
    String(r.html),
    r.budget ? String(r.budget.html) : '-',
    String(r.jsFiles.length),
  ]);
  // Chinese characters take two columns in a terminal.
  const width = (text: string) => [...text].reduce((n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);
  const pad = (text: string, to: number, left: boolean) => (left ? ' '.repeat(Math.max(0, to - width(text))) + text : text + ' '.repeat(Math.max(0, to - width(text))));
  const widths = header.map((h, i) => Math.max(width(h), ...body.map((row) => width(row[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i >= 2)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), `(bytes, gzip; JS includes chunks loaded with import() and every script the browser loaded; JS untouched: what the browser loaded before anything was touched, at most ${JS_BEFORE_INTERACTION} on a page without a query)`].join('\n');
}

/** The lines around README.md's page-weight table, which `npm run gates -- --gate budgets --readme` rewrites. */
export const README_WEIGHTS_START = '<!-- page-weights: written by `npm run gates -- --gate budgets --readme` (tests/gates/lib/budgets.ts); do not edit by hand -->';
export const README_WEIGHTS_END = '<!-- /page-weights -->';

/**
 * README's page-weight table from the budget gate's measurement: one row per page type (in the order of
 * budgets.json), each number as the range over the type's pages, in KB gzip. A page visited with a query
 * (the search page with ?q=) is a row of its own, since it loads what the query needs.
 */
export function pageWeightTable(rows: readonly BudgetRow[], config: BudgetConfig): string {
  const range = (xs: number[]) => {
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    const f = (b: number) => (b / 1024).toFixed(1);
    return f(lo) === f(hi) ? `${f(hi)} KB` : `${f(lo)}–${f(hi)} KB`;
  };
  const groups = new Map<string, BudgetRow[]>();
  for (const type of config.pageTypes) {
    for (const query of [false, true]) {
      const members = rows.filter((r) => r.type === type.name && r.page.includes('?') === query);
      if (members.length) groups.set(`${type.name}${query ? ' with ?q=' : ''}`, members);
    }
  }
  const lines = ['| page type | pages | JS, all it may load | JS before anything is touched | CSS | HTML |', '|---|---:|---:|---:|---:|---:|'];
  for (const [name, members] of groups) {
    const early = members.map((r) => r.jsBeforeInteraction).filter((x): x is number => x !== undefined);
    const description = config.pageTypes.find((t) => name.startsWith(t.name))?.description;
    lines.push(`| ${name}${description ? ` (${description})` : ''} | ${members.length} | ${range(members.map((r) => r.js))} | ${early.length ? range(early) : '—'} | ${range(members.map((r) => r.css))} | ${range(members.map((r) => r.html))} |`);
  }
  return lines.join('\n');
}

/** README's text with the page-weight table between its markers replaced; throws when the markers are missing. */
export function replaceReadmeWeights(readme: string, table: string): string {
  const start = readme.indexOf(README_WEIGHTS_START);
  const end = readme.indexOf(README_WEIGHTS_END);
  if (start < 0 || end < start) throw new Error(`README.md has no page-weight table between\n  ${README_WEIGHTS_START}\nand\n  ${README_WEIGHTS_END}`);
  return `${readme.slice(0, start + README_WEIGHTS_START.length)}\n${table}\n${readme.slice(end)}`;
}
