/**
 * Every build-time picture of the site and where it lives: each report chart's SVG and PNG, each
 * series chart's, each report's 一图读懂. One list for `npm run build`: src/charts/prerender.ts draws
 * what the picture cache lacks, then the files are linked from the cache into the built site instead of
 * Astro reading and writing them again (a province's pictures are a third of its files and most of its
 * bytes; see BENCHMARKS.md). The same paths are used by the pages that show the pictures and by the
 * picture routes of `astro dev` (charts/[file].ts, infographic.png.ts).
 */
import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { SiteContent } from '../model/load.ts';
import { sitePaths } from '../routes.ts';
import { reportView } from '../view/report.ts';
import { infographicContent, infographicFile, infographicKey, renderInfographic, type InfographicContent } from './infographic.ts';
import { chartFiles, defaultCacheDir, isChartCached, isPictureCached, renderChartImages, type ImageType } from './render.ts';
import { allSeries } from './series.ts';
import type { ChartSpec } from './spec.ts';

/** What a picture is drawn from. */
export type PictureJob = { kind: 'chart'; spec: ChartSpec } | { kind: 'infographic'; content: InfographicContent };

export interface SitePicture {
  job: PictureJob;
  /** Where its files go inside the site, by format: a chart's SVG and PNG, a 一图读懂's PNG. */
  paths: Partial<Record<ImageType, string>>;
}

export function sitePictures(content: SiteContent): SitePicture[] {
  const { reports } = content;
  const chart = (spec: ChartSpec, where: (ext: ImageType) => string): SitePicture => ({
    job: { kind: 'chart', spec },
    paths: { svg: where('svg'), png: where('png') },
  });
  return [
    ...reports.flatMap((report) => reportView(report, reports).charts.map((c) => chart(c.spec, (ext) => c.pictures[ext]))),
    ...allSeries(content).map(({ series, spec }) => chart(spec, (ext) => sitePaths.seriesPicture(series.town.id, series.id, ext))),
    ...reports.map((report): SitePicture => ({
      job: { kind: 'infographic', content: infographicContent(report, reports) },
      paths: { png: sitePaths.infographicPicture(report.id) },
    })),
  ];
}

/** Whether the picture cache has all files of the picture. */
export function isDrawn(job: PictureJob, cacheDir = defaultCacheDir()): boolean {
  return job.kind === 'chart' ? isChartCached(job.spec, cacheDir) : isPictureCached(infographicKey(job.content), cacheDir);
}

/** Draws the picture into the picture cache, unless it is there already. */
export function drawPicture(job: PictureJob, cacheDir = defaultCacheDir()): void {
  if (job.kind === 'chart') renderChartImages(job.spec, cacheDir);
  else renderInfographic(job.content, cacheDir);
}

/** The picture's files in the picture cache by format, drawn first if the cache does not have them. */
export function cacheFiles(job: PictureJob, cacheDir = defaultCacheDir()): Partial<Record<ImageType, string>> {
  return job.kind === 'chart' ? chartFiles(job.spec, cacheDir) : { png: infographicFile(job.content, cacheDir) };
}

/**
 * Puts every file of every picture into the built site `siteDir` as a hard link to its cache file (no
 * bytes copied), or as a copy where the cache is on another file system.
 */
export function linkPictures(siteDir: string, pictures: readonly SitePicture[], cacheDir = defaultCacheDir()): { linked: number; copied: number } {
  const result = { linked: 0, copied: 0 };
  for (const { job, paths } of pictures) {
    const files = cacheFiles(job, cacheDir);
    for (const [ext, where] of Object.entries(paths) as [ImageType, string][]) {
      const source = files[ext]!;
      const target = path.join(siteDir, where);
      mkdirSync(path.dirname(target), { recursive: true });
      try {
        linkSync(source, target);
        result.linked++;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV' && (error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
        copyFileSync(source, target);
        result.copied++;
      }
    }
  }
  return result;
}
