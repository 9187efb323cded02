/**
 * The data model as the pages see it: loaded once per build, and never rendered when invalid
 * (scripts/build.ts validates first; this throws as a second line of defence). In `npm run dev` it
 * is read afresh for every page, so a saved content file shows at once, and a mistake shows in the
 * browser as the same located Chinese lines `npm run check` prints.
 */
import path from 'node:path';
import { loadContent, type Report, type SiteContent } from './load.ts';
import { formatProblem } from '../validation/problem.ts';

let cached: SiteContent | undefined;

export function getContent(): SiteContent {
  // import.meta.env is Astro's (Vite's); scripts/build.ts uses this module in plain Node, without it.
  if (cached && !import.meta.env?.DEV) return cached;
  const contentDir = path.resolve(process.env['CONTENT_DIR'] ?? 'content');
  const { content, problems } = loadContent(contentDir, process.cwd());
  if (!content) {
    const errors = problems.filter((p) => p.severity === 'error');
    const error = new Error(`内容检查未通过（${errors.length} 个错误），请按下面的位置修改：\n${errors.map(formatProblem).join('\n')}`);
    error.name = '内容错误';
    throw error;
  }
  cached = content;
  return content;
}

/** A site-internal URL under the configured base path, always with a trailing slash for pages. */
export function href(pathname: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${pathname.replace(/^\//, '')}`;
}

/** The pages of every report, in navigation order. */
export const REPORT_PAGES = ['', 'indicators/', 'projects/', 'plan/', 'fulltext/'] as const;

export function reportHref(report: Pick<Report, 'id'>, page = ''): string {
  return href(`reports/${report.id}/${page}`);
}

/** Reports grouped by town, each town's newest first. */
export function reportsOfTown(content: SiteContent, townId: string): Report[] {
  return content.reports.filter((r) => r.town.id === townId);
}

/** Where the build-time pictures live inside the site, without the base path (src/charts/pictures.ts). */
export const picturePath = {
  chart: (reportId: string, chartId: string, ext: 'svg' | 'png') => `reports/${reportId}/charts/${chartId}.${ext}`,
  series: (townId: string, seriesId: string, ext: 'svg' | 'png') => `towns/${townId}/charts/${seriesId}.${ext}`,
  infographic: (reportId: string) => `reports/${reportId}/infographic.png`,
};

export interface ChartImages {
  svg: string;
  png: string;
}

/** The build-time pictures of a report's chart. */
export function chartImages(report: Pick<Report, 'id'>, chartId: string): ChartImages {
  return { svg: href(picturePath.chart(report.id, chartId, 'svg')), png: href(picturePath.chart(report.id, chartId, 'png')) };
}

/** The build-time pictures of an indicator's series across a town's reports. */
export function seriesImages(townId: string, indicatorId: string): ChartImages {
  return { svg: href(picturePath.series(townId, indicatorId, 'svg')), png: href(picturePath.series(townId, indicatorId, 'png')) };
}

export function seriesHref(townId: string, indicatorId: string): string {
  return href(`towns/${townId}/indicators/${indicatorId}/`);
}

export function townHref(townId: string): string {
  return href(`towns/${townId}/`);
}
