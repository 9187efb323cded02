// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';
import { sitemapIntegration } from './src/export/sitemap-integration.ts';
import { liveContent } from './src/editor/live-content.ts';
import { BUILD_CHANNEL_ENV, decodeBuildSettings } from './src/build-channel.ts';

// Started by the build (src/build.ts), Astro gets its settings through one channel (src/build-channel.ts).
// Run directly (`astro dev`, `astro build`): CONTENT_DIR names the content folder, BASE_PATH hosts the
// site under a sub-path (/zt/nantang/) as portals do, OUT_DIR is where it is written.
const settings = decodeBuildSettings(process.env[BUILD_CHANNEL_ENV]);
const contentDir = settings?.contentDir ?? process.env.CONTENT_DIR ?? 'content';
// The public URL comes from content/site.yaml.
const siteConfig = parse(readFileSync(`${contentDir}/site.yaml`, 'utf8'));

export default defineConfig({
  site: siteConfig.publicUrl,
  base: settings?.base ?? process.env.BASE_PATH ?? '/',
  outDir: settings?.outDir ?? process.env.OUT_DIR ?? 'dist',
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
  integrations: [sitemapIntegration({ contentDir, snapshot: settings?.snapshot })],
});
