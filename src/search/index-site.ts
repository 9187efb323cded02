/**
 * The site's full-text search index, written at build time by Pagefind (scripts/build.ts runs it on the
 * freshly built folder, before the swap). Only the report's part pages, whose content is marked with
 * data-pagefind-body (src/layouts/ReportLayout.astro), are indexed; the browser loads the index from the
 * site's own /pagefind/ folder (src/client/site-search.ts), so search needs no outside service.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** Where the index goes inside the built site; src/pages/search.astro loads pagefind.js from here. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/**
 * Parts of the indexed pages that are not report text: status badges (推进中 would otherwise end the
 * section titles of the results), the chart embed code (HTML snippets), downloads and issue links.
 */
const EXCLUDE = ['.badge', '.embed-code', '.chart-downloads', '.downloads', '.issue-nav', 'canvas', 'noscript'];

/** Pagefind writes its own UI bundles too; the site builds its own results list, so they are not shipped. */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\b/;

export interface SearchIndexResult {
  /** HTML files Pagefind read (only those with data-pagefind-body are indexed). */
  pages: number;
  /** Bytes of the written bundle (index, wasm and pagefind.js). */
  bytes: number;
  files: number;
}

/** Indexes the built site in `siteDir` and writes the bundle to `siteDir/pagefind/`. Throws on any Pagefind error. */
export async function writeSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  try {
    // html lang="zh-CN" selects Pagefind's Chinese segmentation (the extended binary from npm); forcing
    // the language keeps one index even if a page were ever written with another lang.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', excludeSelectors: EXCLUDE });
    if (!index) throw new Error(`Pagefind：${errors.join('；')}`);
    // Only the report's part pages carry data-pagefind-body (src/layouts/ReportLayout.astro): the
    // others are not even read.
    const added = await index.addDirectory({ path: siteDir, glob: 'reports/*/part-*/index.html' });
    if (added.errors.length > 0) throw new Error(`Pagefind：${added.errors.join('；')}`);
    if (added.page_count === 0) throw new Error('Pagefind：没有可索引的页面（报告页面应带有 data-pagefind-body）');
    const outputPath = path.join(siteDir, SEARCH_BUNDLE_DIR);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind：${written.errors.join('；')}`);
    for (const name of readdirSync(outputPath)) if (UNUSED.test(name)) rmSync(path.join(outputPath, name), { force: true });
    const { bytes, files } = sizeOf(outputPath);
    return { pages: added.page_count, bytes, files };
  } finally {
    await pagefind.close();
  }
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
