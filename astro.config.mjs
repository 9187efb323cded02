// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';
import { sitemapIntegration } from './src/export/sitemap-integration.ts';
import { liveContent } from './src/editor/live-content.ts';

// The public URL comes from content/site.yaml; BASE_PATH hosts the site under a sub-path (/zt/nantang/)
// as portals do, OUT_DIR lets scripts/build.ts build into a fresh folder before swapping it in.
const contentDir = process.env.CONTENT_DIR ?? 'content';
const siteConfig = parse(readFileSync(`${contentDir}/site.yaml`, 'utf8'));

export default defineConfig({
  site: siteConfig.publicUrl,
  base: process.env.BASE_PATH ?? '/',
  outDir: process.env.OUT_DIR ?? 'dist',
  trailingSlash: 'always',
  // Four pages at a time: while one waits for its file to be written, the next is rendered (about a
  // third off the page generation of a province's reports on two cores; see BENCHMARKS.md).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  compressHTML: true,
  devToolbar: { enabled: false },
  vite: {
    build: { assetsInlineLimit: 0 },
    plugins: [liveContent(contentDir)],
    // The browser code imports only ES modules (chart.js); pre-bundling them made `npm run dev` start
    // in minutes instead of seconds on a busy two-core machine.
    optimizeDeps: { noDiscovery: true, include: [] },
    // Builds write dist/ (and dist.next/) while a preview may be running: not sources to watch.
    server: { watch: { ignored: ['**/dist/**', '**/dist.next/**', '**/dist.old/**', '**/test-results/**'] } },
  },
  integrations: [sitemapIntegration()],
});
