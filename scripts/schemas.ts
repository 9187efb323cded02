/**
 * `npm run schemas`: writes the editor's JSON Schemas (schemas/*.schema.json) from the zod schemas,
 * and the VS Code settings that attach them to the content files, so the YAML extension completes
 * fields, shows their Chinese descriptions and marks errors while typing. Never edit the output by
 * hand: tests/editor/schemas.test.ts fails when it is stale. `--check` only compares.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { editorFiles } from '../src/schemas/json-schema.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
let stale = 0;
for (const { file, text } of editorFiles()) {
  const target = path.join(root, file);
  const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  if (current === text) continue;
  stale++;
  if (check) {
    console.error(`过期：${file}（请运行 npm run schemas）`);
    continue;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`已写入 ${file}`);
}
if (check && stale > 0) process.exit(1);
if (!check) console.log(stale === 0 ? '编辑器模式文件已是最新。' : `更新了 ${stale} 个文件。`);
