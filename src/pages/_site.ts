/**
 * The pages' one way to the content: each page (an entry point) calls site() once at its top and passes
 * what it needs down to layouts and components as props; nothing below the pages reads content, the
 * environment or the base path for itself. (Astro makes no route of a file whose name starts with _.)
 *
 * Loaded once per process, and never rendered when invalid (the build validates first; this throws as a
 * second line of defence). Under `astro build` started by the build, the content is the snapshot it
 * validated (src/build-channel.ts). In `npm run dev` it is read afresh for every page, so a saved content
 * file shows at once, and a mistake shows in the browser as the same located lines `npm run check` prints.
 */
import path from 'node:path';
import { decodeBuildSettings, BUILD_CHANNEL_ENV } from '../build-channel.ts';
import { defaultCacheDir } from '../charts/render.ts';
import type { DownloadContext } from '../export/downloads.ts';
import { loadContent, type Report, type SiteContent } from '../model/load.ts';
import { siteRoutes, type Routes } from '../routes.ts';
import { formatProblem } from '../validation/problem.ts';
import { reportView, type ReportView } from '../view/report.ts';

export interface Site {
  content: SiteContent;
  routes: Routes;
  /** Where the site is published and its UTC offset: for data files and feeds. */
  exportContext: DownloadContext;
  /** The one view of a report (src/view/report.ts), built once per report. */
  view(report: Report): ReportView;
  /** The build links the pictures in from the picture cache: the picture routes make no files. */
  picturesLinked: boolean;
  /** The picture cache: the build's, else the project's default (src/charts/render.ts). */
  cacheDir: string;
}

const settings = decodeBuildSettings(process.env[BUILD_CHANNEL_ENV]);
let cached: Site | undefined;

export function site(): Site {
  if (cached && !import.meta.env.DEV) return cached;
  const contentDir = settings?.contentDir ?? path.resolve(process.env['CONTENT_DIR'] ?? 'content');
  const { content, problems } = loadContent(contentDir, process.cwd(), { snapshot: settings?.snapshot });
  if (!content) {
    const errors = problems.filter((p) => p.severity === 'error');
    const error = new Error(`内容检查未通过（${errors.length} 个错误），请按下面的位置修改：\n${errors.map(formatProblem).join('\n')}`);
    error.name = '内容错误';
    throw error;
  }
  const routes = siteRoutes({ publicUrl: content.site.publicUrl, base: import.meta.env.BASE_URL });
  cached = {
    content,
    routes,
    exportContext: { ...routes.urls, utcOffset: content.site.utcOffset },
    view: (report) => reportView(report, content.reports),
    picturesLinked: settings?.picturesLinked ?? false,
    cacheDir: settings?.cacheDir ?? defaultCacheDir(),
  };
  return cached;
}

/** getStaticPaths of a page every report has: one page per report, the report as its prop. */
export function reportPaths() {
  return site().content.reports.map((report) => ({ params: { report: report.id }, props: { report } }));
}

/** What a report's page starts from: the site, its routes, and the report's view. */
export function reportPage(props: Record<string, unknown>): { here: Site; routes: Routes; view: ReportView; report: Report } {
  const { report } = props as { report: Report };
  const here = site();
  return { here, routes: here.routes, view: here.view(report), report };
}
