/**
 * The built site serves exactly the bytes the shared module makes, and the overview page links every
 * file with the size of those bytes. Needs dist/ (npm run build), built with BASE_PATH as in this run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/model/load.ts';
import { formatSize, reportDownloads } from '../../src/export/downloads.ts';

const DIST = path.resolve('dist');
const BASE = process.env['BASE_PATH'] ?? '/';
const { content } = loadContent(path.resolve('content'));
if (!content) throw new Error('content/ does not load');
const ctx = { publicUrl: content.site.publicUrl, base: BASE, utcOffset: content.site.utcOffset };

describe.each(content.reports.map((r) => [r.id, r] as const))('built data files of %s', (id, report) => {
  const downloads = reportDownloads(report, ctx);
  const overview = readFileSync(path.join(DIST, 'reports', id, 'index.html'), 'utf8');

  it.each(downloads.map((d) => [d.file, d] as const))('%s is in dist/ with the same bytes', (file, download) => {
    const built = path.join(DIST, 'reports', id, 'data', file);
    expect(existsSync(built), built).toBe(true);
    expect(Buffer.from(readFileSync(built)).equals(Buffer.from(download.bytes))).toBe(true);
  });

  it('the overview page links every file with the size of those bytes', () => {
    for (const d of downloads) {
      const href = `${BASE.replace(/\/?$/, '/')}reports/${id}/data/${d.file}`;
      const link = new RegExp(`<a href="${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*data-size="(\\d+)"[^>]*>([^<]+)</a>\\s*<span[^>]*>([^<]+)</span>`).exec(overview);
      expect(link, `link to ${href}`).not.toBeNull();
      expect(Number(link![1])).toBe(d.bytes.length);
      expect(link![2]).toBe(d.label);
      expect(link![3]).toContain(formatSize(d.bytes.length));
      expect(link![3]).toContain(d.format);
    }
  });
});

describe('the webmaster help page (/help/embed/)', () => {
  it('shows the embed location block of deploy/nginx.conf as it is, every header included', () => {
    const page = readFileSync(path.join(DIST, 'help', 'embed', 'index.html'), 'utf8');
    const sample = /<pre><code>(location ~ \/embed\/[\s\S]*?)<\/code><\/pre>/.exec(page)?.[1];
    expect(sample, 'the page has an nginx sample').toBeDefined();
    const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const snippet = readFileSync(path.resolve('deploy/nginx.conf'), 'utf8');
    const block = /\nlocation ~ \/embed\/\[\^\/\]\+\/\[\^\/\]\+\/ \{\n[\s\S]*?\n\}/.exec(snippet)?.[0].trim();
    expect(unescape(sample!)).toBe(block);
  });
});
