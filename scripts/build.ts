/**
 * `npm run build`: the build (src/build.ts) with its settings from the environment: CONTENT_DIR (content/),
 * OUT_DIR (dist/), BASE_PATH (/), CHART_CACHE_DIR (node_modules/.cache/report-microsite/charts).
 * `--timings <file>` writes the build's phase timings there as JSON (for bench/run.ts).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from '../src/build.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { timings: { type: 'string' } } });

const result = await build({
  root,
  contentDir: path.resolve(root, process.env['CONTENT_DIR'] ?? 'content'),
  outDir: path.resolve(root, process.env['OUT_DIR'] ?? 'dist'),
  base: process.env['BASE_PATH'] ?? '/',
  cacheDir: path.resolve(root, process.env['CHART_CACHE_DIR'] ?? 'node_modules/.cache/report-microsite/charts'),
});
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
if (values.timings) writeFileSync(values.timings, `${JSON.stringify(result, null, 2)}\n`);
