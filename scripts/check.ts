/**
 * `npm run check`: validates all content without building. One line per problem,
 * `file:line:column  field.path  message`; exit 1 on errors, 0 with only warnings.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent, unexpectedFailure, type LoadResult } from '../src/model/load.ts';
import { formatProblem, hasErrors } from '../src/validation/problem.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const contentDir = path.resolve(root, process.env['CONTENT_DIR'] ?? 'content');

let loaded: LoadResult;
try {
  loaded = loadContent(contentDir, root);
} catch (error) {
  // Last resort: every mistake in the content is meant to become a located problem above; an exception
  // here is a bug, told in Chinese and without a stack trace.
  console.error(unexpectedFailure(error));
  process.exit(1);
}
const { problems, content } = loaded;
for (const problem of problems) console.log(formatProblem(problem));
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
if (hasErrors(problems)) {
  console.error(`\n内容检查未通过：${errors} 个错误，${warnings} 个警告。请按上面的位置逐条修改后再运行 npm run check。`);
  process.exit(1);
}
console.log(`内容检查通过：${content?.reports.length ?? 0} 份报告，${warnings} 个警告。`);
