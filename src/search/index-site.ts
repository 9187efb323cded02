/**
 * The site's full-text search index, written at build time by Pagefind (scripts/build.ts runs it on the
 * freshly built folder, before the swap). Only the report's part pages, whose content is marked with
 * data-pagefind-body (src/layouts/ReportLayout.astro), are indexed; the browser loads the index from the
 * site's own /pagefind/ folder (src/client/site-search.ts), so search needs no outside service.
 */
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** Where the index goes inside the built site; src/pages/search.astro loads pagefind.js from here. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/**
 * Parts of the indexed pages that are not report text: status badges (推进中 would otherwise end the
 * section titles of the results), the chart embed code (HTML snippets), downloads and issue links, and
 * the charts' drawings (their labels and values are in the data table beside them).
 */
const EXCLUDE = ['.badge', '.embed-code', '.chart-downloads', '.downloads', '.issue-nav', '.chart-area', '.chart-hint', 'canvas', 'noscript'];

/** Pagefind writes its own UI bundles too; the site builds its own results list, so they are not shipped. */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\b/;

export interface SearchIndexResult {
  /** HTML files Pagefind read (only those with data-pagefind-body are indexed). */
  pages: number;
  /** Bytes of the written bundle (index, wasm and pagefind.js). */
  bytes: number;
  files: number;
  /** Index bundles written (see PAGES_PER_BUNDLE). */
  bundles: number;
}

/**
 * Pages per index bundle. Pagefind holds about a megabyte of memory for every page it indexes until it
 * has written the index (2 GB for the 2,000 part pages of a province's thousand reports): a large site is
 * indexed in bundles of this many pages, one Pagefind process after another, and the browser merges them
 * (src/client/site-search.ts). A town's site is one bundle.
 */
export const PAGES_PER_BUNDLE = 600;

/** The bundles after the first, relative to the first's folder; read by src/client/site-search.ts. */
export const BUNDLE_LIST = 'bundles.json';

/** The indexed pages: each report's part pages, the only ones marked with data-pagefind-body. */
function partPages(siteDir: string): { report: string; pages: number }[] {
  const reportsDir = path.join(siteDir, 'reports');
  if (!existsSync(reportsDir)) return [];
  return readdirSync(reportsDir)
    .sort()
    .map((report) => ({
      report,
      pages: readdirSync(path.join(reportsDir, report)).filter((name) => /^part-\d+$/.test(name) && existsSync(path.join(reportsDir, report, name, 'index.html'))).length,
    }))
    .filter((r) => r.pages > 0);
}

/** Reports in bundles of at most `size` pages (a report's pages stay together). */
function bundlesOf(reports: { report: string; pages: number }[], size: number): string[][] {
  const bundles: string[][] = [];
  let pages = Infinity;
  for (const r of reports) {
    if (pages + r.pages > size) {
      bundles.push([]);
      pages = 0;
    }
    bundles.at(-1)!.push(r.report);
    pages += r.pages;
  }
  return bundles;
}

/**
 * Indexes the built site in `siteDir` and writes the bundle to `siteDir/pagefind/`, and further bundles
 * to `pagefind/index-2/`… for a large site, listed in `pagefind/bundles.json`. Throws on any Pagefind error.
 */
export async function writeSearchIndex(siteDir: string, { pagesPerBundle = PAGES_PER_BUNDLE } = {}): Promise<SearchIndexResult> {
  const bundles = bundlesOf(partPages(siteDir), pagesPerBundle);
  if (bundles.length === 0) throw new Error('Pagefind：没有可索引的页面（报告的各部分页面应带有 data-pagefind-body）');
  const mainDir = path.join(siteDir, SEARCH_BUNDLE_DIR);
  const result: SearchIndexResult = { pages: 0, bytes: 0, files: 0, bundles: bundles.length };
  for (const [i, reports] of bundles.entries()) {
    const outputPath = i === 0 ? mainDir : path.join(mainDir, `index-${i + 1}`);
    try {
      // html lang="zh-CN" selects Pagefind's Chinese segmentation (the extended binary from npm); forcing
      // the language keeps one index even if a page were ever written with another lang.
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', excludeSelectors: EXCLUDE });
      if (!index) throw new Error(`Pagefind：${errors.join('；')}`);
      // Report ids are [a-z0-9-] (checked in src/validation/cross.ts): safe inside a glob’s {…,…}.
      const added = await index.addDirectory({ path: siteDir, glob: `reports/{${reports.join(',')}}/part-*/index.html` });
      if (added.errors.length > 0) throw new Error(`Pagefind：${added.errors.join('；')}`);
      if (added.page_count === 0) throw new Error(`Pagefind：没有读到 ${reports[0]} 等报告的页面`);
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length > 0) throw new Error(`Pagefind：${written.errors.join('；')}`);
      result.pages += added.page_count;
    } finally {
      // Ends the Pagefind process, and with it the memory it held for this bundle.
      await pagefind.close();
    }
    for (const name of readdirSync(outputPath)) if (UNUSED.test(name)) rmSync(path.join(outputPath, name), { force: true });
  }
  const merge = bundles.slice(1).map((_, i) => `index-${i + 2}/`);
  writeFileSync(path.join(mainDir, BUNDLE_LIST), `${JSON.stringify({ merge })}\n`);
  return { ...result, ...sizeOf(mainDir) };
}

function sizeOf(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const stat = statSync(full);
    if (stat.isDirectory()) {
      const inner = sizeOf(full);
      bytes += inner.bytes;
      files += inner.files;
    } else {
      bytes += stat.size;
      files += 1;
    }
  }
  return { bytes, files };
}
