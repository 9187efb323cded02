/**
 * Draws every build-time picture of the site (each chart's SVG and PNG, each series chart, each
 * report's 一图读懂) into the picture cache on all cores, before `astro build` renders the pages, which
 * then read each picture from the cache. Astro renders one page at a time, and drawing (about 0.15 s
 * a chart, a second or more a 一图读懂, mostly PNG encoding) is most of a build of new content.
 *
 * The pictures are the very ones the pages would draw: the same specs from the same functions, drawn
 * by the same code (src/charts/render.ts, src/charts/infographic.ts), cached under the same keys.
 * Anything that fails here is only left for the Astro build, which draws it itself and reports it.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SiteContent } from '../model/load.ts';
import { infographicContent, type InfographicContent } from './infographic.ts';
import { defaultCacheDir, isChartCached } from './render.ts';
import { allSeries } from './series.ts';
import { buildChart, type ChartSpec } from './spec.ts';

export type PictureJob = { kind: 'chart'; spec: ChartSpec } | { kind: 'infographic'; content: InfographicContent };

export interface PrerenderResult {
  /** Pictures drawn now (a chart's SVG and PNG count as one). */
  drawn: number;
  /** Pictures found in the cache. */
  cached: number;
  failed: string[];
  threads: number;
}

/**
 * @param content the validated content; the series charts come from getContent(), as on the pages,
 * so CONTENT_DIR must name the same folder.
 */
export async function prerenderPictures(
  content: SiteContent,
  { threads = availableParallelism(), cacheDir = defaultCacheDir() }: { threads?: number; cacheDir?: string } = {},
): Promise<PrerenderResult> {
  const { reports } = content;
  const charts: PictureJob[] = [
    ...reports.flatMap((report) => report.charts.map((chart) => buildChart(report, chart, reports))),
    ...allSeries().map(({ spec }) => spec),
  ].map((spec) => ({ kind: 'chart', spec }));
  const todo = charts.filter((job) => job.kind === 'chart' && !isChartCached(job.spec, cacheDir));
  const result: PrerenderResult = { drawn: 0, cached: charts.length - todo.length, failed: [], threads: 0 };
  // 一图读懂 shows the report's chart pictures: drawn after all of them, so it finds them in the cache.
  const infographics: PictureJob[] = reports.map((report) => ({ kind: 'infographic', content: infographicContent(report, reports) }));
  const count = Math.max(1, Math.min(threads, todo.length + infographics.length));
  result.threads = count;
  const workers = Array.from({ length: count }, () => new Worker(new URL('./prerender-worker.ts', import.meta.url), { env: { ...process.env, CHART_CACHE_DIR: cacheDir } }));
  try {
    for (const phase of [todo, infographics]) await runPhase(workers, phase, result);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return result;
}

/** Each worker takes the next job as soon as it is done with one. */
function runPhase(workers: Worker[], jobs: PictureJob[], result: PrerenderResult): Promise<void> {
  let next = 0;
  return new Promise((resolve, reject) => {
    let busy = 0;
    const feed = (worker: Worker) => {
      if (next >= jobs.length) {
        if (busy === 0) resolve();
        return;
      }
      busy++;
      worker.postMessage(jobs[next++]);
    };
    for (const worker of workers) {
      worker.removeAllListeners('message');
      worker.removeAllListeners('error');
      worker.on('message', (done: { drawn: number; cached: number; failed?: string }) => {
        busy--;
        result.drawn += done.drawn;
        result.cached += done.cached;
        if (done.failed) result.failed.push(done.failed);
        feed(worker);
      });
      worker.on('error', reject);
    }
    for (const worker of workers) feed(worker);
  });
}
