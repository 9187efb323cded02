/**
 * `npm run build`: validate all content, build into a fresh folder, and only then swap it in for
 * dist/. Bad content or a failed build leaves the previous dist/ exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../src/model/load.ts';
import { formatProblem, hasErrors } from '../src/validation/problem.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const contentDir = path.resolve(root, process.env['CONTENT_DIR'] ?? 'content');
const outDir = path.resolve(root, process.env['OUT_DIR'] ?? 'dist');
const nextDir = `${outDir}.next`;
const oldDir = `${outDir}.old`;

const { problems } = loadContent(contentDir, root);
for (const problem of problems) console.log(formatProblem(problem));
if (hasErrors(problems)) {
  console.error(`\n内容有错误，未生成网站；${path.relative(root, outDir) || outDir} 保持原样。请按上面的位置修改后再运行。`);
  process.exit(1);
}

rmSync(nextDir, { recursive: true, force: true });
const astro = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, OUT_DIR: nextDir, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (astro.status !== 0) {
  rmSync(nextDir, { recursive: true, force: true });
  console.error(`\n网站生成失败；${path.relative(root, outDir) || outDir} 保持原样。`);
  process.exit(1);
}

rmSync(oldDir, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, oldDir);
renameSync(nextDir, outDir);
rmSync(oldDir, { recursive: true, force: true });
console.log(`网站已生成：${path.relative(root, outDir) || outDir}`);
