/**
 * Writes sitemap.xml after the build from the pages the build really wrote, so a page added anywhere is
 * listed without anyone remembering to: every index.html except those marked noindex (embeds) and the
 * 404 page. URLs from content/site.yaml's publicUrl, lastmod from the reports' publication times.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadContent } from '../model/load.ts';
import { sitePaths } from '../routes.ts';
import { sitemap, sitemapEntries } from './feeds.ts';

const NOINDEX = /<meta\s+name="robots"\s+content="[^"]*noindex/i;

/** @param content the content the build renders (astro.config.mjs loads it as the pages do). */
export function sitemapIntegration(content: { contentDir: string; snapshot?: string | undefined }): AstroIntegration {
  let base = '/';
  return {
    name: 'report-microsite:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ pages, dir, logger }) => {
        const { content: loaded } = loadContent(path.resolve(content.contentDir), undefined, { snapshot: content.snapshot });
        if (!loaded) throw new Error('内容检查未通过，无法生成 sitemap.xml');
        const out = fileURLToPath(dir);
        const indexable = [...new Set(pages.map((p) => p.pathname.replace(/^\/+/, '')))].filter((p) => {
          if (p !== '' && !p.endsWith('/')) return false;
          const file = path.join(out, p, 'index.html');
          return existsSync(file) && !NOINDEX.test(readFileSync(file, 'utf8'));
        });
        const ctx = { publicUrl: loaded.site.publicUrl, base, utcOffset: loaded.site.utcOffset };
        writeFileSync(path.join(out, sitePaths.sitemap), sitemap(sitemapEntries(loaded, indexable), ctx));
        logger.info(`${sitePaths.sitemap}: ${indexable.length} 个页面`);
      },
    },
  };
}
