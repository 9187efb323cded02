/**
 * Draws every build-time picture of the site (each chart's SVG and PNG, each series chart, each
 * report's 一图读懂) into the picture cache on all cores, before `astro build` renders the pages;
 * scripts/build.ts then links the files into the site (src/charts/pictures.ts). Astro renders one
 * page at a time, and drawing (about 40 ms a chart, 0.3 s a 一图读懂) is most of a build of new content.
 *
 * The pictures are the very ones the pages would draw: the same specs from the same functions, drawn
 * by the same code (src/charts/render.ts, src/charts/infographic.ts), cached under the same keys.
 * Anything that fails here is drawn when scripts/build.ts links the pictures in (src/charts/pictures.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isDrawn, type PictureJob, type SitePicture } from './pictures.ts';
import { defaultCacheDir } from './render.ts';

export interface PrerenderResult {
  /** Pictures drawn now (a chart's SVG and PNG count as one). */
  drawn: number;
  /** Pictures found in the cache. */
  cached: number;
  failed: string[];
  processes: number;
}

/** @param pictures every picture of the site (src/charts/pictures.ts). */
export async function prerenderPictures(
  pictures: readonly SitePicture[],
  { processes = availableParallelism(), cacheDir = defaultCacheDir() }: { processes?: number; cacheDir?: string } = {},
): Promise<PrerenderResult> {
  const todo = pictures.map((p) => p.job).filter((job) => !isDrawn(job, cacheDir));
  // 一图读懂 shows the report's chart pictures: drawn after all of them, so it finds them in the cache.
  const phases = [todo.filter((job) => job.kind === 'chart'), todo.filter((job) => job.kind === 'infographic')];
  const result: PrerenderResult = { drawn: 0, cached: pictures.length - todo.length, failed: [], processes: 0 };
  if (todo.length === 0) return result;
  const count = Math.max(1, Math.min(processes, todo.length));
  result.processes = count;
  // Processes, not worker threads: @napi-rs/canvas serialises some of its work across the threads of
  // one process, so two threads drew 1.4 times as fast as one, and two processes 1.7 times.
  const workers = Array.from({ length: count }, () =>
    fork(fileURLToPath(new URL('./prerender-worker.ts', import.meta.url)), [cacheDir], {
      execArgv: ['--expose-gc'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  const exited = workers.map((worker) => new Promise((resolve) => (worker.exitCode !== null ? resolve(null) : worker.once('exit', resolve))));
  try {
    for (const phase of phases) await runPhase(workers, phase, result);
  } finally {
    // Asked to end (see prerender-worker.ts), and stopped if one does not within a few seconds.
    for (const worker of workers) if (worker.connected) worker.send('end');
    const stop = setTimeout(() => workers.forEach((worker) => worker.kill()), 5000);
    await Promise.all(exited);
    clearTimeout(stop);
  }
  return result;
}

/** Each worker takes the next job as soon as it is done with one; a worker that dies fails the phase. */
function runPhase(workers: ChildProcess[], jobs: PictureJob[], result: PrerenderResult): Promise<void> {
  let next = 0;
  let busy = 0;
  return new Promise<void>((resolve, reject) => {
    const onMessage = workers.map((worker) => (answer: { drawn: number; cached: number; failed?: string }) => {
      busy--;
      result.drawn += answer.drawn;
      result.cached += answer.cached;
      if (answer.failed) result.failed.push(answer.failed);
      feed(worker);
    });
    const onExit = (code: number | null, signal: string | null) => end(new Error(`绘图进程意外退出（${signal ?? `退出码 ${code}`}）`));
    const onError = (error: Error) => end(error);
    const end = (error?: Error) => {
      workers.forEach((worker, i) => worker.off('message', onMessage[i]!).off('exit', onExit).off('error', onError));
      if (error) reject(error);
      else resolve();
    };
    const feed = (worker: ChildProcess) => {
      if (next < jobs.length) {
        busy++;
        worker.send(jobs[next++]!);
      } else if (busy === 0) end();
    };
    workers.forEach((worker, i) => worker.on('message', onMessage[i]!).on('exit', onExit).on('error', onError));
    for (const worker of workers) feed(worker);
  });
}
