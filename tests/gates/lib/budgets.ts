/**
 * Budgets gate: JS, CSS and HTML bytes (gzip) per page, against the page type's budget in budgets.json.
 * JS counts every script the page loads, including chunks reached only through import() (the chart
 * chunk); each file once per page. A page that matches no page type is itself a finding, so a new kind
 * of page cannot ship without a budget.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { pageAssets } from './assets.ts';
import type { Finding } from './findings.ts';
import { sitePathOf, type SitePage } from './site.ts';

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

export interface BudgetRow {
  page: string;
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

export function pageTypeOf(config: BudgetConfig, pagePath: string) {
  return config.pageTypes.find((t) => new RegExp(t.match).test(pagePath));
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function measureBudgets(
  dist: string,
  pages: readonly SitePage[],
  config: BudgetConfig,
  { base = '/' }: { base?: string } = {},
): Promise<{ rows: BudgetRow[]; findings: Finding[] }> {
  const rows: BudgetRow[] = [];
  const findings: Finding[] = [];
  for (const page of pages) {
    const assets = await pageAssets(dist, base, page);
    const jsFiles = assets.scripts.map((f) => sizeOf(dist, f, config.gzipLevel));
    const cssFiles = assets.styles.map((f) => sizeOf(dist, f, config.gzipLevel));
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

/** Scripts and stylesheets a browser actually fetched that the static count missed: the count would be wrong. */
export function uncountedAssets(row: BudgetRow, fetchedSitePaths: readonly string[]): Finding[] {
  const counted = new Set([...row.jsFiles, ...row.cssFiles].map((f) => f.path));
  return fetchedSitePaths
    .filter((p) => !counted.has(p))
    .map((p) => ({
      gate: 'budgets' as const,
      page: row.page,
      rule: 'uncounted-asset',
      message: `the browser loaded ${p}, but the budget count of this page does not include it (an import the static analysis cannot follow?)`,
      target: p,
    }));
}

/** The numbers as a table, with the budget beside each. */
export function budgetTable(rows: readonly BudgetRow[]): string {
  const header = ['page', 'type', 'JS gzip', 'budget', 'CSS gzip', 'budget', 'HTML gzip', 'budget', 'JS files'];
  const body = rows.map((r) => [
    r.page,
    r.type ?? '(none)',
    String(r.js),
    r.budget ? String(r.budget.js) : '-',
    String(r.css),
    r.budget ? String(r.budget.css) : '-',
    String(r.html),
    r.budget ? String(r.budget.html) : '-',
    String(r.jsFiles.length),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), '(bytes, gzip; JS includes dynamically imported chunks)'].join('\n');
}
