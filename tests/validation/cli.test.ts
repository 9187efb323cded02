/**
 * The commands an editor runs: `npm run check` exits 1 on errors and 0 with warnings only, and a
 * failed `npm run build` leaves the previous site exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childEnv } from '../support/env.ts';

const FIXTURE = path.resolve('tests/fixtures/minimal/content');
const work = mkdtempSync(path.join(tmpdir(), 'cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(script: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, [script], {
    encoding: 'utf8',
    env: childEnv(env),
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function contentCopy(name: string, edit?: [string, (text: string) => string]): string {
  const dir = path.join(work, name);
  cpSync(FIXTURE, dir, { recursive: true });
  if (edit) {
    const file = path.join(dir, edit[0]);
    writeFileSync(file, edit[1](readFileSync(file, 'utf8')));
  }
  return dir;
}

const typo: [string, (t: string) => string] = ['reports/testtown-2023-h1/indicators.yaml', (t) => t.replace('value: 3.5', 'vaule: 3.5')];

describe('npm run check', { timeout: 60_000 }, () => {
  it('passes valid content with exit 0', () => {
    const { status, output } = run('scripts/check.ts', { CONTENT_DIR: contentCopy('valid') });
    expect(output).toContain('内容检查通过：1 份报告，0 个警告。');
    expect(status).toBe(0);
  });

  it('prints one located line per problem and exits 1', () => {
    const { status, output } = run('scripts/check.ts', { CONTENT_DIR: contentCopy('typo', typo) });
    expect(output).toMatch(/^.*reports\/testtown-2023-h1\/indicators\.yaml:6:5 {2}indicators\.0\.vaule {2}错误：未知字段“vaule”，是不是想写“value”？/m);
    expect(output).toContain('内容检查未通过');
    expect(status).toBe(1);
  });

  it('exits 0 when there are only warnings', () => {
    const dir = contentCopy('warning', ['reports/testtown-2023-h1/indicators.yaml', (t) => t.replace('scope: 全市', 'scope: 全县').replace('全市排名第三', '全市排名第三')]);
    const { status, output } = run('scripts/check.ts', { CONTENT_DIR: dir });
    expect(output).toContain('警告：排名范围“全县”没有在乡镇文件的 scopes 中说明');
    expect(status).toBe(0);
  });
});

describe('npm run build', () => {
  it('builds a site from other content, then keeps it untouched when the next build has an error', { timeout: 180_000 }, () => {
    const out = path.join(work, 'site');
    const first = run('scripts/build.ts', { CONTENT_DIR: contentCopy('build-valid'), OUT_DIR: out });
    expect(first.status, first.output).toBe(0);
    const page = path.join(out, 'reports/testtown-2023-h1/index.html');
    const before = readFileSync(page, 'utf8');
    expect(before).toContain('测试镇2023年上半年工作总结');

    const second = run('scripts/build.ts', { CONTENT_DIR: contentCopy('build-broken', typo), OUT_DIR: out });
    expect(second.status).toBe(1);
    expect(second.output).toContain('indicators.0.vaule');
    expect(second.output).toContain('未生成网站');
    expect(readFileSync(page, 'utf8')).toBe(before);
    expect(existsSync(`${out}.next`)).toBe(false);
  });
});

describe('content that used to crash the commands (issue 14)', { timeout: 60_000 }, () => {
  const report = 'reports/testtown-2023-h1/report.yaml';
  const strayStar: [string, (t: string) => string] = [report, (t) => t.replace('description: 测试用报告。', 'description: *注意 测试用报告。')];
  // Expanded, nine to the ninth strings; the yaml library's own guard would throw instead.
  const levels = 'abcdefghi'.split('');
  const bomb: [string, (t: string) => string] = [
    report,
    (t) => t + levels.map((name, i) => `${name}: &${name} [${Array(9).fill(i === 0 ? '"哈"' : `*${levels[i - 1]}`).join(',')}]\n`).join(''),
  ];
  /** Neither a stack frame nor the name of an exception: nothing an editor cannot read. */
  const expectNoStackTrace = (output: string) => {
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toMatch(/Error\b/);
  };

  it('npm run check on a stray * and on an alias bomb: a located Chinese message, exit 1, no stack trace', () => {
    for (const [name, edit] of [['stray-star', strayStar], ['alias-bomb', bomb]] as const) {
      const { status, output } = run('scripts/check.ts', { CONTENT_DIR: contentCopy(name, edit) });
      expectNoStackTrace(output);
      expect(output).toMatch(/report\.yaml:1[56]:\d+ {2}- {2}错误：YAML 格式错误：值的开头不能是 [*&]/);
      expect(output).toContain('内容检查未通过');
      expect(status).toBe(1);
    }
  });

  it('npm run build on an alias bomb leaves the existing site byte for byte as it was', () => {
    const out = path.join(work, 'site-kept');
    mkdirSync(path.join(out, 'reports'), { recursive: true });
    writeFileSync(path.join(out, 'index.html'), '<p>上一次生成的网站</p>');
    writeFileSync(path.join(out, 'reports/data.bin'), Buffer.from([0, 1, 2, 255]));
    const tree = () =>
      (readdirSync(out, { recursive: true }) as string[]).sort().map((name) => {
        const file = path.join(out, name);
        const stat = statSync(file);
        return [name, stat.mtimeMs, stat.isFile() ? readFileSync(file).toString('base64') : 'folder'];
      });
    const before = tree();
    const { status, output } = run('scripts/build.ts', { CONTENT_DIR: contentCopy('build-bomb', bomb), OUT_DIR: out });
    expectNoStackTrace(output);
    expect(output).toContain('未生成网站');
    expect(status).toBe(1);
    expect(tree()).toEqual(before);
    expect(existsSync(`${out}.next`)).toBe(false);
  });
});
