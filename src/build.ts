/**
 * The build, step by step: validate all content → draw the pictures the picture cache lacks → astro build
 * into a fresh folder → link the pictures in → search index → swap the new folder in for the old. Bad
 * content or a failed step leaves the previous site exactly as it was. Called by scripts/build.ts (and so
 * by `npm run build`, the tests and the benchmark) with its settings as an argument; it tells the Astro
 * process it starts what it needs through one channel (src/build-channel.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUILD_CHANNEL_ENV, encodeBuildSettings } from './build-channel.ts';
import { linkPictures, sitePictures } from './charts/pictures.ts';
import { prerenderPictures } from './charts/prerender.ts';
import { loadContent, unexpectedFailure, writeContentSnapshot, type LoadResult } from './model/load.ts';
import { writeSearchIndex } from './search/index-site.ts';
import { formatProblem, hasErrors } from './validation/problem.ts';

export interface BuildConfig {
  /** The project: Astro runs here, and problems are located relative to it. */
  root: string;
  contentDir: string;
  /** The finished site; replaced only by a complete new build. */
  outDir: string;
  /** The base path a portal hosts the site under: `/` or `/zt/nantang/`. */
  base: string;
  /** The picture cache (src/charts/render.ts). */
  cacheDir: string;
}

/** Seconds each step took, in the order they ran. */
export interface BuildPhases {
  check: number;
  pictures: number;
  astro: number;
  search: number;
  swap: number;
  total: number;
}

export type BuildResult =
  | { ok: true; phases: BuildPhases; pictures: { drawn: number; cached: number } }
  /** Nothing was changed; `message` says why, in Chinese. */
  | { ok: false; message: string };

/** Prints its progress in Chinese, one line a step, as editors read it. */
export async function build(config: BuildConfig): Promise<BuildResult> {
  const { root, contentDir, outDir } = config;
  const shown = path.relative(root, outDir) || outDir;
  const nextDir = stagingDir(root, outDir);
  const started = performance.now();
  const seconds = (from: number, to = performance.now()) => (to - from) / 1000;

  // 1. Validate.
  let loaded: LoadResult;
  try {
    loaded = loadContent(contentDir, root);
  } catch (error) {
    // Last resort: every mistake in the content is meant to become a located problem; an exception here
    // is a bug, told in Chinese and without a stack trace, and nothing has been written yet.
    return { ok: false, message: `${unexpectedFailure(error)}\n\n未生成网站；${shown} 保持原样。` };
  }
  for (const problem of loaded.problems) console.log(formatProblem(problem));
  if (hasErrors(loaded.problems) || !loaded.content) {
    return { ok: false, message: `\n内容有错误，未生成网站；${shown} 保持原样。请按上面的位置修改后再运行。` };
  }
  const checked = performance.now();

  // 2. Draw every picture of the site the cache lacks, on all cores; they are linked in after Astro.
  const pictures = sitePictures(loaded.content);
  const counts = { drawn: 0, cached: 0 };
  try {
    const prerendered = await prerenderPictures(pictures, { cacheDir: config.cacheDir });
    Object.assign(counts, { drawn: prerendered.drawn, cached: prerendered.cached });
    console.log(`图表图片：新绘制 ${prerendered.drawn} 张，缓存中已有 ${prerendered.cached} 张（${prerendered.processes} 个进程，${seconds(checked).toFixed(1)} 秒）`);
    for (const failed of prerendered.failed) console.log(`图片未能预先绘制，放入网站时再绘制：${failed}`);
  } catch (error) {
    console.log(`图片未能预先绘制，放入网站时再绘制：${error instanceof Error ? error.message : String(error)}`);
  }
  const drawn = performance.now();

  // 3. Astro renders the pages from the content checked above (a snapshot, not loaded again) into a fresh folder.
  const snapshotDir = mkdtempSync(path.join(tmpdir(), 'report-content-'));
  try {
    const snapshot = path.join(snapshotDir, 'content.v8');
    writeContentSnapshot(snapshot, contentDir, root, loaded);
    rmSync(nextDir, { recursive: true, force: true });
    const settings = encodeBuildSettings({ contentDir, snapshot, outDir: nextDir, base: config.base, picturesLinked: true, cacheDir: config.cacheDir });
    const astro = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', [BUILD_CHANNEL_ENV]: settings },
    });
    if (astro.status !== 0) {
      rmSync(nextDir, { recursive: true, force: true });
      return { ok: false, message: `\n网站生成失败；${shown} 保持原样。` };
    }
  } finally {
    rmSync(snapshotDir, { recursive: true, force: true });
  }

  // 4. The pictures, from the picture cache into the new site.
  try {
    const files = linkPictures(nextDir, pictures, config.cacheDir);
    const how = files.copied ? `硬链接 ${files.linked} 张，复制 ${files.copied} 张` : '均为图片缓存文件的硬链接';
    console.log(`图表图片：${files.linked + files.copied} 张放入网站（${how}）`);
  } catch (error) {
    rmSync(nextDir, { recursive: true, force: true });
    return { ok: false, message: `\n图表图片未能放入网站：${error instanceof Error ? error.message : String(error)}\n${shown} 保持原样。` };
  }
  const built = performance.now();

  // 5. The search index (Pagefind) of the new site, written into it before the swap like everything else.
  try {
    const search = await writeSearchIndex(nextDir);
    console.log(`搜索索引：${search.pages} 个页面，${search.bundles} 个索引包，写入 ${search.files} 个文件，共 ${(search.bytes / 1024).toFixed(0)} KB`);
  } catch (error) {
    rmSync(nextDir, { recursive: true, force: true });
    return { ok: false, message: `\n搜索索引生成失败：${error instanceof Error ? error.message : String(error)}\n${shown} 保持原样。` };
  }
  const indexed = performance.now();

  // 6. Swap.
  swapIn(nextDir, outDir);
  console.log(`网站已生成：${shown}`);
  const phases: BuildPhases = {
    check: seconds(started, checked),
    pictures: seconds(checked, drawn),
    astro: seconds(drawn, built),
    search: seconds(built, indexed),
    swap: seconds(indexed),
    total: seconds(started),
  };
  const s = (n: number) => n.toFixed(1);
  console.log(
    `用时：检查内容 ${s(phases.check)} 秒，绘制图片 ${s(phases.pictures)} 秒，Astro ${s(phases.astro)} 秒，` +
      `搜索索引 ${s(phases.search)} 秒，替换 ${s(phases.swap)} 秒，共 ${s(phases.total)} 秒`,
  );
  return { ok: true, phases, pictures: counts };
}

/**
 * The previous build is moved aside and the new one put in its place: two renames, so the site is never
 * half old and half new. Deleting the previous build (forty thousand files for a province, nine seconds
 * here) is left to a process of its own once the new site is in place; a folder left over from a build
 * that was stopped is deleted first.
 */
function swapIn(nextDir: string, outDir: string): void {
  const oldDir = `${outDir}.old`;
  for (const name of readdirSync(path.dirname(outDir))) {
    if (name.startsWith(`${path.basename(oldDir)}-`)) rmSync(path.join(path.dirname(outDir), name), { recursive: true, force: true });
  }
  // A build staged inside the project for a folder elsewhere (see stagingDir) is first brought beside
  // that folder, so that the swap below is still two renames on one file system.
  let ready = nextDir;
  if (path.dirname(nextDir) !== path.dirname(outDir)) {
    ready = `${outDir}.next`;
    rmSync(ready, { recursive: true, force: true });
    try {
      renameSync(nextDir, ready);
    } catch {
      cpSync(nextDir, ready, { recursive: true });
      rmSync(nextDir, { recursive: true, force: true });
    }
  }
  const previous = `${oldDir}-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(ready, outDir);
  if (existsSync(previous)) {
    const cleanup = `require('node:fs').rmSync(${JSON.stringify(previous)}, { recursive: true, force: true })`;
    spawn(process.execPath, ['-e', cleanup], { detached: true, stdio: 'ignore' }).unref();
  }
}

/**
 * Where Astro writes the new build. Beside the output folder when that is inside the project (dist.next).
 * For a folder outside it (OUT_DIR=/tmp/…, as tests and benchmarks build), Astro would put its server
 * chunks (.prerender/) into the project's .astro/ folder, one folder shared by every build, and two such
 * builds at once delete each other's chunks; the chunks must also stay inside the project to find its
 * node_modules. So such a build is staged in a folder of its own inside the project, then moved.
 */
function stagingDir(root: string, outDir: string): string {
  const inside = !path.relative(root, outDir).startsWith('..') && !path.isAbsolute(path.relative(root, outDir));
  if (inside) return `${outDir}.next`;
  const staging = path.join(root, 'node_modules/.cache/report-microsite/staging');
  mkdirSync(staging, { recursive: true });
  return path.join(staging, `${path.basename(outDir)}-${process.pid}`);
}
