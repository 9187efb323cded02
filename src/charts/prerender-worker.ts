/** A process of src/charts/prerender.ts: draws the pictures it is sent into the picture cache named by its argument. */
import { drawPicture, type PictureJob } from './pictures.ts';
import { pictureCounts } from './render.ts';

// A canvas's pixels and a decoded image are native memory that V8 does not count: they are freed only
// when their small JS objects are collected, and a process that only draws makes too little JS garbage
// for V8 to collect often. Collected every few pictures (prerender.ts starts it with --expose-gc), a
// process stays within a few hundred MB.
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const GC_EVERY = 4;
let done = 0;
const cacheDir = process.argv[2]!;

// The build that started this process has ended or died: nothing left to draw for.
process.on('disconnect', () => process.exit(0));

process.on('message', (job: PictureJob | 'end') => {
  // The end: what is left collected first, so the process ends with nothing outstanding.
  if (job === 'end') {
    gc();
    process.disconnect();
    return;
  }
  const before = { ...pictureCounts };
  let failed: string | undefined;
  try {
    drawPicture(job, cacheDir);
  } catch (error) {
    failed = `${job.kind === 'chart' ? job.spec.title : job.content.title}：${error instanceof Error ? error.message : String(error)}`;
  }
  if (++done % GC_EVERY === 0) gc();
  // Only the picture asked for counts: 一图读懂 also reads its charts from the cache.
  const drawn = pictureCounts.drawn - before.drawn > 0 ? 1 : 0;
  process.send!({ drawn: failed ? 0 : drawn, cached: failed || drawn ? 0 : 1, ...(failed ? { failed } : {}) });
});
