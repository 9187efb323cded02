/**
 * `npm run import` as an editor runs it: drafts into a content folder and checks the draft, refuses
 * to overwrite a report, writes a draft town file for a new town, and explains wrong arguments.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES, contentDir, NANTANG_SOURCE } from './support.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm run import', { timeout: 60_000 }, () => {
  it('drafts 南塘 into a content folder, checks it, and refuses to overwrite it the second time', () => {
    const dir = contentDir(['nantang']);
    dirs.push(dir);
    const first = run(NANTANG_SOURCE, '--id', 'nantang-2022-h1', '--out', dir);
    expect(first.output).toContain('草稿通过内容检查');
    expect(first.status).toBe(0);
    const narrative = path.join(dir, 'reports/nantang-2022-h1/narrative.md');
    const before = readFileSync(narrative, 'utf8');
    const second = run(NANTANG_SOURCE, '--id', 'nantang-2022-h1', '--out', dir);
    expect(second.status).toBe(1);
    expect(second.output).toContain('已经存在，不会覆盖');
    expect(readFileSync(narrative, 'utf8')).toBe(before);
  });

  it('writes a draft town file for a town that has none, from a saved GBK portal page', () => {
    const dir = contentDir();
    dirs.push(dir);
    const tongshan = CASES.find((c) => c.name.startsWith('tongshan'))!;
    const { status, output } = run(tongshan.source, '--id', 'tongshan-2023', '--out', dir);
    expect(output).toContain('乡镇信息草稿');
    expect(status).toBe(0);
    const town = readFileSync(path.join(dir, 'towns/tongshan.yaml'), 'utf8');
    expect(town).toContain('name: 桐山乡');
    expect(town).toContain('county: 苍岭县');
  });

  it('explains a report id that cannot be a web address, and a missing argument', () => {
    const dir = contentDir(['nantang']);
    dirs.push(dir);
    const bad = run(NANTANG_SOURCE, '--id', '南塘2022', '--out', dir);
    expect(bad.status).toBe(1);
    expect(bad.output).toContain('不能用作网址');
    expect(existsSync(path.join(dir, 'reports'))).toBe(false);
    const missing = run(NANTANG_SOURCE);
    expect(missing.status).toBe(1);
    expect(missing.output).toContain('用法：npm run import');
  });
});
