/**
 * The build-time pictures in the built site: `npm run build` links each one from the picture cache
 * (src/charts/pictures.ts) instead of having Astro write it; every picture the site has is there, with
 * the cache's bytes, and nothing else named like a picture is left out of the list.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { cacheFiles, linkPictures, sitePictures, type SitePicture } from '../../src/charts/pictures.ts';
import { loadContent } from '../../src/model/load.ts';

const { dist } = inject('gates');
const { content } = loadContent(path.resolve('content'));
const pictures = sitePictures(content!);

/** Every file of the pictures: its path in the site and its file in the picture cache. */
const filesOf = (list: readonly SitePicture[]) =>
  list.flatMap(({ job, paths }) => {
    const cached = cacheFiles(job);
    return Object.entries(paths).map(([ext, where]) => ({ path: where, file: cached[ext as 'svg' | 'png']! }));
  });
const files = filesOf(pictures);

describe('build-time pictures', () => {
  it('are listed for every chart (SVG and PNG), every series chart and every 一图读懂', () => {
    const charts = content!.reports.reduce((n, r) => n + r.charts.length, 0);
    const paths = files.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.filter((p) => /^reports\/[^/]+\/charts\/[^/]+\.(svg|png)$/.test(p))).toHaveLength(charts * 2);
    expect(paths.filter((p) => /^reports\/[^/]+\/infographic\.png$/.test(p))).toHaveLength(content!.reports.length);
  });

  it('are all in dist/ with the bytes of the picture cache, and dist/ has no picture the list misses', () => {
    for (const picture of files) {
      expect(readFileSync(path.join(dist, picture.path)).equals(readFileSync(picture.file)), picture.path).toBe(true);
    }
    const listed = new Set(files.map((f) => f.path));
    const built = readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .map((f) => f.split(path.sep).join('/'))
      .filter((f) => /(^|\/)charts\/[^/]+\.(svg|png)$|infographic\.png$/.test(f));
    expect(built.filter((f) => !listed.has(f))).toEqual([]);
  });

  it('are hard links to the cache files, not copies, on the same file system', () => {
    const site = mkdtempSync(path.join(tmpdir(), 'pictures-'));
    try {
      const some = pictures.slice(0, 3);
      const someFiles = filesOf(some);
      const result = linkPictures(site, some);
      const sameDevice = statSync(someFiles[0]!.file).dev === statSync(site).dev;
      expect(result).toEqual(sameDevice ? { linked: someFiles.length, copied: 0 } : { linked: 0, copied: someFiles.length });
      for (const picture of someFiles) {
        const [linked, cached] = [statSync(path.join(site, picture.path)), statSync(picture.file)];
        if (sameDevice) expect(linked.ino).toBe(cached.ino);
        expect(readFileSync(path.join(site, picture.path)).equals(readFileSync(picture.file))).toBe(true);
      }
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
