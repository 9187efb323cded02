/**
 * Every build-time picture of the site and where it lives: each report chart's SVG and PNG, each
 * series chart's, each report's 一图读懂. Their paths are used by the pages that show them and by the
 * picture routes of `astro dev` (charts/[file].ts, infographic.png.ts); `npm run build` links the files
 * from the picture cache into the built site instead of having Astro read and write them again: a
 * province's pictures are a third of its files and most of its bytes (see BENCHMARKS.md).
 */
import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { SiteContent } from '../model/load.ts';
import { infographicContent, infographicFile } from './infographic.ts';
import { chartFiles, IMAGE_TYPES, type ImageType } from './render.ts';
import { allSeries } from './series.ts';
import { buildChart, type ChartSpec } from './spec.ts';
import { picturePath } from '../model/site.ts';

/** Set by scripts/build.ts for `astro build`: the picture routes then make no files (the script links them). */
export const PICTURES_LINKED_ENV = 'REPORT_MICROSITE_PICTURES_LINKED';
export const picturesLinked = (): boolean => process.env[PICTURES_LINKED_ENV] === '1';

export const IMAGE_EXTENSIONS = Object.keys(IMAGE_TYPES) as ImageType[];

export interface SitePicture {
  /** Path inside the site, e.g. reports/<report>/charts/<chart>.svg. */
  path: string;
  /** Its file in the picture cache, drawn first if the cache does not have it. */
  file: () => string;
}

export function sitePictures(content: SiteContent): SitePicture[] {
  const { reports } = content;
  const charts = (where: (ext: ImageType) => string, spec: ChartSpec): SitePicture[] =>
    IMAGE_EXTENSIONS.map((ext) => ({ path: where(ext), file: () => chartFiles(spec)[ext] }));
  return [
    ...reports.flatMap((report) =>
      report.charts.flatMap((chart) => charts((ext) => picturePath.chart(report.id, chart.id, ext), buildChart(report, chart, reports))),
    ),
    ...allSeries().flatMap(({ series, spec }) => charts((ext) => picturePath.series(series.town.id, series.id, ext), spec)),
    ...reports.map((report) => ({ path: picturePath.infographic(report.id), file: () => infographicFile(infographicContent(report, reports)) })),
  ];
}

/**
 * Puts every picture into the built site `siteDir` as a hard link to its cache file (no bytes copied),
 * or as a copy where the cache is on another file system.
 */
export function linkPictures(siteDir: string, pictures: readonly SitePicture[]): { linked: number; copied: number } {
  const result = { linked: 0, copied: 0 };
  for (const picture of pictures) {
    const target = path.join(siteDir, picture.path);
    mkdirSync(path.dirname(target), { recursive: true });
    const source = picture.file();
    try {
      linkSync(source, target);
      result.linked++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV' && (error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
      copyFileSync(source, target);
      result.copied++;
    }
  }
  return result;
}
