/**
 * `npm run build`: validate all content, build into a fresh folder, and only then swap it in for
 * dist/. Bad content or a failed build leaves the previous dist/ exactly as it was.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SNAPSHOT_ENV, loadContent, unexpectedFailure, writeContentSnapshot, type LoadResult } from '../src/model/load.ts';
import { prerenderPictures } from '../src/charts/prerender.ts';
import { PICTURES_LINKED_ENV, linkPictures, sitePictures } from '../src/charts/pictures.ts';
import { formatProblem, hasErrors } from '../src/validation/problem.ts';
import { writeSearchIndex } from '../src/search/index-site.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const contentDir = path.resolve(root, process.env['CONTENT_DIR'] ?? 'content');
const outDir = path.resolve(root, process.env['OUT_DIR'] ?? 'dist');
const nextDir = `${outDir}.next`;
const oldDir = `${outDir}.old`; // previous builds being deleted: dist.old-<pid>

const started = performance.now();
const seconds = (from: number, to = performance.now()) => ((to - from) / 1000).toFixed(1);
let loaded: LoadResult;
try {
  loaded = loadContent(contentDir, root);
} catch (error) {
  // Last resort: every mistake in the content is meant to become a located problem; an exception here
  // is a bug, told in Chinese and without a stack trace, and nothing has been written yet.
  console.error(`${unexpectedFailure(error)}\n\n未生成网站；${path.relative(root, outDir) || outDir} 保持原样。`);
  process.exit(1);
}
const { problems } = loaded;
for (const problem of problems) console.log(formatProblem(problem));
if (hasErrors(problems)) {
  console.error(`\n内容有错误，未生成网站；${path.relative(root, outDir) || outDir} 保持原样。请按上面的位置修改后再运行。`);
  process.exit(1);
}

const checked = performance.now();

// Checked once: the Astro build reads what was loaded here instead of loading it again (src/model/load.ts).
const snapshotDir = mkdtempSync(path.join(tmpdir(), 'report-content-'));
process.on('exit', () => rmSync(snapshotDir, { recursive: true, force: true }));
process.env[CONTENT_SNAPSHOT_ENV] = path.join(snapshotDir, 'content.v8');
writeContentSnapshot(process.env[CONTENT_SNAPSHOT_ENV], contentDir, root, loaded);
// The same folders for the pictures drawn here and for the Astro build (which runs in root).
process.env['CONTENT_DIR'] = contentDir;
process.env['CHART_CACHE_DIR'] = path.resolve(root, process.env['CHART_CACHE_DIR'] ?? 'node_modules/.cache/report-microsite/charts');
// Every picture of the site, once: drawn on all cores where the picture cache lacks it, and linked from
// the cache into the site after the Astro build.
const pictures = sitePictures(loaded.content!);
try {
  const prerendered = await prerenderPictures(pictures);
  console.log(`图表图片：新绘制 ${prerendered.drawn} 张，缓存中已有 ${prerendered.cached} 张（${prerendered.processes} 个进程，${seconds(checked)} 秒）`);
  for (const failed of prerendered.failed) console.log(`图片未能预先绘制，放入网站时再绘制：${failed}`);
} catch (error) {
  console.log(`图片未能预先绘制，放入网站时再绘制：${error instanceof Error ? error.message : String(error)}`);
}
const drawn = performance.now();

rmSync(nextDir, { recursive: true, force: true });
const astro = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
  cwd: root,
  stdio: 'inherit',
  // The pictures are not written by Astro: linked in from the picture cache below.
  env: { ...process.env, OUT_DIR: nextDir, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1', [PICTURES_LINKED_ENV]: '1' },
});
if (astro.status !== 0) {
  rmSync(nextDir, { recursive: true, force: true });
  console.error(`\n网站生成失败；${path.relative(root, outDir) || outDir} 保持原样。`);
  process.exit(1);
}
try {
  const files = linkPictures(nextDir, pictures);
  const how = files.copied ? `硬链接 ${files.linked} 张，复制 ${files.copied} 张` : '均为图片缓存文件的硬链接';
  console.log(`图表图片：${files.linked + files.copied} 张放入网站（${how}）`);
} catch (error) {
  rmSync(nextDir, { recursive: true, force: true });
  console.error(`\n图表图片未能放入网站：${error instanceof Error ? error.message : String(error)}\n${path.relative(root, outDir) || outDir} 保持原样。`);
  process.exit(1);
}

const built = performance.now();

// The search index (Pagefind) of the new build, written into it before the swap like everything else.
try {
  const search = await writeSearchIndex(nextDir);
  console.log(`搜索索引：${search.pages} 个页面，${search.bundles} 个索引包，写入 ${search.files} 个文件，共 ${(search.bytes / 1024).toFixed(0)} KB`);
} catch (error) {
  rmSync(nextDir, { recursive: true, force: true });
  console.error(`\n搜索索引生成失败：${error instanceof Error ? error.message : String(error)}\n${path.relative(root, outDir) || outDir} 保持原样。`);
  process.exit(1);
}

const indexed = performance.now();

// The previous build is moved aside and the new one put in its place: two renames, so the site is
// never half old and half new. Deleting the previous build (forty thousand files for a province, nine
// seconds here) is left to a process of its own once the new site is in place; a folder left over from
// a build that was stopped is deleted first.
for (const name of readdirSync(path.dirname(outDir))) {
  if (name.startsWith(`${path.basename(oldDir)}-`)) rmSync(path.join(path.dirname(outDir), name), { recursive: true, force: true });
}
const previous = `${oldDir}-${process.pid}`;
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(nextDir, outDir);
if (existsSync(previous)) {
  const cleanup = `require('node:fs').rmSync(${JSON.stringify(previous)}, { recursive: true, force: true })`;
  spawn(process.execPath, ['-e', cleanup], { detached: true, stdio: 'ignore' }).unref();
}
console.log(`网站已生成：${path.relative(root, outDir) || outDir}`);
console.log(
  `用时：检查内容 ${seconds(started, checked)} 秒，绘制图片 ${seconds(checked, drawn)} 秒，Astro ${seconds(drawn, built)} 秒，` +
    `搜索索引 ${seconds(built, indexed)} 秒，替换 ${seconds(indexed)} 秒，共 ${seconds(started)} 秒`,
);
