/** A thread of src/charts/prerender.ts: draws the pictures it is sent into the picture cache. */
import { parentPort } from 'node:worker_threads';
import { renderInfographic } from './infographic.ts';
import { pictureCounts, renderChartImages } from './render.ts';
import type { PictureJob } from './prerender.ts';

parentPort!.on('message', (job: PictureJob) => {
  const before = { ...pictureCounts };
  let failed: string | undefined;
  try {
    if (job.kind === 'chart') renderChartImages(job.spec);
    else renderInfographic(job.content);
  } catch (error) {
    failed = `${job.kind === 'chart' ? job.spec.title : job.content.title}：${error instanceof Error ? error.message : String(error)}`;
  }
  // Only the pictures asked for count: 一图读懂 also reads its charts from the cache.
  const drawn = pictureCounts.drawn - before.drawn > 0 ? 1 : 0;
  parentPort!.postMessage({ drawn: failed ? 0 : drawn, cached: failed || drawn ? 0 : 1, ...(failed ? { failed } : {}) });
});
