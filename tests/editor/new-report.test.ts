/**
 * `npm run new-report`: a new report folder from an earlier one or from the template, never over an
 * existing one, and `npm run check` then says exactly where each thing is still to fill.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { childEnv } from '../support/env.ts';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

function contentCopy(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'new-report-'));
  roots.push(root);
  cpSync(path.resolve('tests/fixtures/multi/content'), path.join(root, 'content'), { recursive: true });
  return path.join(root, 'content');
}

function run(script: string, args: string[], contentDir: string) {
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: childEnv({ CONTENT_DIR: contentDir }) });
  return { status: result.status, output: result.stdout + result.stderr };
}

const yamlOf = (dir: string, file: string) => parse(readFileSync(path.join(dir, file), 'utf8'));

describe('npm run new-report', { timeout: 120_000 }, () => {
  it('copies the structure of an earlier report, numbers emptied, its plan listed for outcomes', () => {
    const content = contentCopy();
    const made = run('scripts/new-report.ts', ['dongshan-2024-h1', '--from', 'dongshan-2023-h2'], content);
    expect(made.status, made.output).toBe(0);
    const dir = path.join(content, 'reports/dongshan-2024-h1');
    const earlier = path.join(content, 'reports/dongshan-2023-h2');
    expect(yamlOf(dir, 'indicators.yaml').indicators.map((i: { id: string }) => i.id)).toEqual(yamlOf(earlier, 'indicators.yaml').indicators.map((i: { id: string }) => i.id));
    expect(yamlOf(dir, 'indicators.yaml').indicators[0]).toEqual({ id: 'industrial-output', name: '规上工业产值', point: '待填写', period: '待填写', quote: '待填写' });
    expect(readFileSync(path.join(dir, 'indicators.yaml'), 'utf8')).toContain('上期单位：亿元');
    expect(yamlOf(dir, 'charts.yaml')).toEqual(yamlOf(earlier, 'charts.yaml'));
    expect(yamlOf(dir, 'outcomes.yaml').outcomes.map((o: { plan: string }) => o.plan)).toEqual(['dongshan-2023-h2/investment']);
    // Structure is copied, never the earlier report's metadata: each value is 待填写, the earlier one a hint.
    const report = yamlOf(dir, 'report.yaml');
    const reportText = readFileSync(path.join(dir, 'report.yaml'), 'utf8');
    expect(report).toMatchObject({
      town: 'dongshan', title: '待填写', issuer: '待填写', period: { year: '待填写', kind: '待填写', number: '待填写' },
      category: '待填写', breadcrumb: '待填写', disclosure: '待填写', keywords: [],
    });
    expect(reportText).toContain('# 发布机构，照原文；上期：东山镇');
    expect(reportText).toContain('上期之后通常是 year: 2024, kind: half, number: 1');

    const check = run('scripts/check.ts', [], content);
    expect(check.status).toBe(1);
    expect(check.output).toContain('reports/dongshan-2024-h1/report.yaml:3:8  title  错误：这里还是“待填写”');
    for (const field of ['issuer', 'period.year', 'category', 'breadcrumb', 'disclosure', 'writtenOn', 'publishedAt', 'sourceUrl']) {
      expect(check.output).toMatch(new RegExp(`reports/dongshan-2024-h1/report\\.yaml:\\d+:\\d+  ${field.replace('.', '\\.')}  错误：这里还是“待填写”`));
    }
    expect(check.output).toMatch(/reports\/dongshan-2024-h1\/indicators\.yaml:\d+:\d+ {2}indicators\.0\.quote {2}错误：这里还是“待填写”/);
    expect(check.output).toMatch(/reports\/dongshan-2024-h1\/outcomes\.yaml:\d+:\d+ {2}outcomes\.0\.status {2}错误：这里还是“待填写”/);
    expect(check.output).toMatch(/reports\/dongshan-2024-h1\/narrative\.md:\d+:\d+ {2}- {2}错误：这里还是“待填写”/);
    // The earlier reports stay valid: only the new folder has problems.
    expect(check.output).not.toMatch(/dongshan-2023-h2\/.*错误/);
  });

  it('starts from a commented template without --from', () => {
    const content = contentCopy();
    expect(run('scripts/new-report.ts', ['xishan-2024', '--town', 'xishan'], content).status).toBe(0);
    const dir = path.join(content, 'reports/xishan-2024');
    const text = readFileSync(path.join(dir, 'report.yaml'), 'utf8');
    expect(text).toMatch(/^# 报告信息/);
    // Nothing invented: no 计划总结, 主动公开, path or current half-year that the source may not say.
    expect(yamlOf(dir, 'report.yaml')).toMatchObject({
      town: 'xishan', category: '待填写', breadcrumb: '待填写', disclosure: '待填写', period: { year: '待填写', kind: '待填写', number: '待填写' },
    });
    expect(text).toContain('disclosure: 待填写   # 公开方式，如 主动公开；原文没有的填 原文未提供');
    // The fields a report may have are there to uncomment, each with an example.
    for (const field of ['reportType', 'meeting', 'speaker', 'excerpt', 'docNumber', 'openPeriod', 'subjectWords']) {
      expect(text).toMatch(new RegExp(`^# ${field}: \\S`, 'm'));
    }
    expect(readFileSync(path.join(dir, 'narrative.md'), 'utf8')).toContain('不粘贴，标题填在 report.yaml 的 title');
    expect(existsSync(path.join(dir, 'outcomes.yaml'))).toBe(false);
    const check = run('scripts/check.ts', [], content).output;
    expect(check).toContain('reports/xishan-2024/report.yaml:3:8  title  错误：这里还是“待填写”');
    for (const field of ['category', 'breadcrumb', 'disclosure', 'period\\.year', 'period\\.kind']) {
      expect(check).toMatch(new RegExp(`reports/xishan-2024/report\\.yaml:\\d+:\\d+  ${field}  错误：这里还是“待填写”`));
    }
    // Once filled from the source (原文未提供 where it gives none), the template passes the check's report.yaml rules.
    const filled = text
      .replace('title: 待填写', 'title: 西山乡2024年工作总结').replace('issuer: 待填写', 'issuer: 西山乡')
      .replace('year: 待填写', 'year: 2024').replace('kind: 待填写', 'kind: year').replace(/^ {2}number: .*\n/m, '')
      .replace(/^(indexNumber|category|breadcrumb|writtenOn|publishedAt|disclosure|sourceUrl): 待填写/gm, '$1: 原文未提供')
      .replace('description: 待填写', 'description: 西山乡2024年工作总结。');
    writeFileSync(path.join(dir, 'report.yaml'), filled);
    expect(run('scripts/check.ts', [], content).output).not.toMatch(/xishan-2024\/report\.yaml:\d+:\d+ .*错误/);
  });

  it('refuses to overwrite a report, a bad id, an unknown earlier report or town', () => {
    const content = contentCopy();
    const before = readFileSync(path.join(content, 'reports/xishan-2023/report.yaml'), 'utf8');
    const exists = run('scripts/new-report.ts', ['xishan-2023', '--town', 'xishan'], content);
    expect(exists.status).toBe(1);
    expect(exists.output).toContain('已经存在，不会覆盖');
    expect(readFileSync(path.join(content, 'reports/xishan-2023/report.yaml'), 'utf8')).toBe(before);
    expect(run('scripts/new-report.ts', ['Xishan 2024'], content).output).toContain('不能用作网址');
    expect(run('scripts/new-report.ts', ['xishan-2024', '--from', 'xishan-2099'], content).output).toContain('找不到报告“xishan-2099”。已有的报告：');
    expect(run('scripts/new-report.ts', ['beishan-2024', '--town', 'beishan'], content).output).toContain('找不到乡镇“beishan”');
  });
});
