/**
 * Many reports side by side, proved on a fixture (tests/fixtures/multi: fictional towns, two periods of
 * one town and a year of another): home grouping, 上一期/下一期, series across periods with their
 * cut-offs, and promises kept. The real content/ holds the real reports only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv } from '../support/env.ts';
import { loadContent } from '../../src/model/load.ts';
import { formatProblem } from '../../src/validation/problem.ts';

const work = mkdtempSync(path.join(tmpdir(), 'multi-'));
const dist = path.join(work, 'dist');
const page = (p: string): HTMLElement => parse(readFileSync(path.join(dist, p, 'index.html'), 'utf8'));
const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

beforeAll(() => {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    encoding: 'utf8',
    env: childEnv({ CONTENT_DIR: 'tests/fixtures/multi/content', OUT_DIR: dist }),
  });
  expect(result.status, result.stdout + result.stderr).toBe(0);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('several towns and periods', () => {
  it('home groups reports by county and town, latest-publishing first, newest report first', () => {
    const home = page('');
    expect(home.querySelectorAll('.county-group > h2').map(text)).toEqual(['测试地区测试市', '测试地区测试县']);
    const groups = home.querySelectorAll('.town-group');
    expect(groups.map((g) => text(g.querySelector('h3')))).toEqual(['东山镇', '西山乡']);
    expect(groups[0]!.querySelectorAll('.report-list > li > a').map((a) => a.getAttribute('href'))).toEqual([
      '/reports/dongshan-2023-h2/',
      '/reports/dongshan-2023-h1/',
    ]);
    expect(text(home.querySelector('.masthead h1'))).toBe('测试乡镇工作报告');
    expect(text(home.querySelector('.masthead'))).toContain('主办单位：测试市人民政府');
    expect(text(home.querySelector('.masthead .lead'))).toContain('本站公开2个乡镇的3份工作报告');
  });

  it('each report is complete on its own', () => {
    for (const id of ['dongshan-2023-h1', 'dongshan-2023-h2', 'xishan-2023']) {
      for (const p of ['', 'part-1/', 'indicators/', 'projects/', 'plan/', 'promises/', 'fulltext/']) {
        expect(existsSync(path.join(dist, 'reports', id, p, 'index.html')), `${id}/${p}`).toBe(true);
      }
    }
  });

  it('links 上一期 and 下一期 within a town only', () => {
    const first = page('reports/dongshan-2023-h1/').querySelector('.issue-nav');
    expect(first?.querySelector('a[rel=next]')?.getAttribute('href')).toBe('/reports/dongshan-2023-h2/');
    expect(first?.querySelector('a[rel=prev]')).toBeNull();
    const second = page('reports/dongshan-2023-h2/').querySelector('.issue-nav');
    expect(second?.querySelector('a[rel=prev]')?.getAttribute('href')).toBe('/reports/dongshan-2023-h1/');
    expect(second?.querySelector('a[rel=next]')).toBeNull();
    expect(page('reports/xishan-2023/').querySelector('.issue-nav')).toBeNull();
  });
});

describe('series across periods', () => {
  it('gives a recurring indicator (same id) a series page that shows each point’s cut-off', () => {
    const series = page('towns/dongshan/indicators/industrial-output/');
    const rows = series.querySelectorAll('table tbody tr').map((tr) => tr.querySelectorAll('th, td').map(text));
    expect(rows).toEqual([
      ['2023年上半年', '1-5月', '3.2亿元', '累计增速6.5%'],
      ['2023年下半年', '1-11月', '7.6亿元', '累计增速8.1%'],
    ]);
    expect(text(series.querySelector('.chart-summary'))).toContain('各期数据截止时间不同（1-5月、1-11月），不宜直接比较');
    expect(existsSync(path.join(dist, 'towns/dongshan/charts/industrial-output.png'))).toBe(true);
    expect(page('towns/dongshan/').querySelector('#series + ul a')?.getAttribute('href')).toBe('/towns/dongshan/indicators/industrial-output/');
  });

  it('makes no series of an indicator reported once', () => {
    expect(existsSync(path.join(dist, 'towns/xishan/indicators'))).toBe(false);
    expect(text(page('towns/xishan/'))).toContain('同一指标出现在两期及以上报告中时');
  });
});

describe('promises kept (承诺兑现)', () => {
  it('shows what the earlier report promised, what the later one said, and flags what it left unsaid', () => {
    const promises = page('reports/dongshan-2023-h1/promises/');
    const kept = promises.querySelector('#promise-firms-in-production')!.parentNode as HTMLElement;
    expect(text(kept)).toContain('已完成 4家企业已全部投产');
    expect(kept.querySelector('a')?.getAttribute('href')).toBe('/reports/dongshan-2023-h2/promises/');
    const unsaid = promises.querySelector('#promise-old-street')!.parentNode as HTMLElement;
    expect(unsaid.classList.contains('promise-unanswered')).toBe(true);
    expect(text(unsaid)).toContain('后续报告未说明落实情况');
  });

  it('shows in the later report which earlier promises it answers, and waits for the next report on its own', () => {
    const promises = page('reports/dongshan-2023-h2/promises/');
    expect(text(promises.querySelector('#answered')?.nextElementSibling)).toContain('东山镇2023年上半年工作总结及下半年工作思路：实现4家企业投产');
    // No later report yet: one sentence for the page, no tag on each item.
    expect(text(promises.querySelector('.promises-awaiting'))).toMatch(/^本期的\d+项计划尚无后续报告说明。下一期报告发布后，这里会逐项列出/);
    expect(promises.querySelectorAll('article.promise-awaiting').length).toBeGreaterThan(0);
    expect(promises.querySelectorAll('article.promise-awaiting .badge')).toHaveLength(0);
    expect(page('reports/dongshan-2023-h1/promises/').querySelector('.promises-awaiting')).toBeNull();
  });
});

describe('the footer of a site whose identification items are not filled yet', () => {
  it('npm run check warns of each empty item, located in site.yaml', () => {
    const { problems } = loadContent(path.resolve('tests/fixtures/multi/content'), process.cwd());
    expect(problems.filter((p) => p.file.endsWith('site.yaml')).map(formatProblem)).toEqual([
      'tests/fixtures/multi/content/site.yaml:2:1  siteCode  警告：网站标识码（siteCode）未填写：页脚暂不显示这一项。网站正式上线前请照备案信息填写',
      'tests/fixtures/multi/content/site.yaml:2:1  icp  警告：ICP备案号（icp）未填写：页脚暂不显示这一项。网站正式上线前请照备案信息填写',
      'tests/fixtures/multi/content/site.yaml:2:1  publicSecurity  警告：公安机关备案号（publicSecurity）未填写：页脚暂不显示这一项。网站正式上线前请照备案信息填写',
    ]);
  });


  it('leaves them out, links 纠错 to the contact email, and does not link the editor’s guide', () => {
    const footer = page('').querySelector('footer')!;
    expect(text(footer)).not.toMatch(/网站标识码|ICP备案号|公安备案号/);
    expect(footer.querySelectorAll('a').find((a) => text(a) === '纠错')?.getAttribute('href')).toMatch(/^mailto:office@example\.org\?subject=/);
    expect(footer.querySelector('a[href*="help/editor"]')).toBeNull();
    expect(existsSync(path.join(dist, 'help/editor/index.html'))).toBe(true);
  });
});
