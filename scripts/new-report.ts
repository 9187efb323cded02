/**
 * `npm run new-report -- <report-id> [--from <earlier-report-id>] [--town <town-id>]`
 *
 * Starts a report folder under content/reports/. With --from it copies the earlier report's structure:
 * the same indicators, figures, projects and charts with their numbers emptied and marked 待填写, and
 * the earlier plan items listed in outcomes.yaml for their outcome. Without it, a commented template.
 * Never overwrites a report. `npm run check` then lists, file by file, what is left to fill.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { newReportFiles } from '../src/editor/scaffold.ts';
import { loadContent } from '../src/model/load.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const contentDir = path.resolve(root, process.env['CONTENT_DIR'] ?? 'content');

function fail(message: string): never {
  console.error(`错误：${message}`);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string' }, town: { type: 'string' } },
});
const id = positionals[0];
if (!id) fail('请给出新报告的标识，例如：npm run new-report -- nantang-2022-h2 --from nantang-2022-h1');
if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
  fail(`报告标识“${id}”不能用作网址：只能用小写英文字母、数字和连字符，例如 nantang-2022-h2`);
}
const dir = path.join(contentDir, 'reports', id);
if (existsSync(dir)) fail(`报告 ${path.relative(root, dir)} 已经存在，不会覆盖。请换一个标识，或直接编辑它。`);

let from: Parameters<typeof newReportFiles>[0]['from'];
if (values.from) {
  const { content, problems } = loadContent(contentDir, root);
  const earlier = content?.reports.find((r) => r.id === values.from);
  if (!earlier) {
    const hint = content ? `已有的报告：${content.reports.map((r) => r.id).join('、')}` : `现有内容有 ${problems.filter((p) => p.severity === 'error').length} 个错误，请先运行 npm run check 修正`;
    fail(`找不到报告“${values.from}”。${hint}`);
  }
  from = earlier;
}
const town = values.town ?? from?.town.id;
if (town && !existsSync(path.join(contentDir, 'towns', `${town}.yaml`))) {
  fail(`找不到乡镇“${town}”：请先建立 ${path.relative(root, path.join(contentDir, 'towns', `${town}.yaml`))}（可复制已有乡镇的文件修改）`);
}

mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(newReportFiles({ ...(from ? { from } : {}), ...(town ? { town } : {}) }))) {
  writeFileSync(path.join(dir, name), text);
}
console.log(`已建立 ${path.relative(root, dir)}/`);
console.log('下一步：逐个填写其中标有“待填写”的地方，然后运行 npm run check，按提示的位置修改，直到检查通过。');
