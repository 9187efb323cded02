/**
 * The figures of issue 12 as towns write them, on an invented report (tests/fixtures/figures-varied):
 * numbers as written, completion above 100%, falling growth, a rank shared by four items, inexact ranks,
 * a ratio, a change from–to, a comparison, 年均增长, 预计, lower bounds and an 编者注. It loads without a
 * problem, the report view says each as written, and the site builds with them on its pages.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/model/load.ts';
import { reportView } from '../../src/view/report.ts';
import { childEnv } from '../support/env.ts';

const CONTENT = 'tests/fixtures/figures-varied/content';
const { content, problems } = loadContent(path.resolve(CONTENT));
const view = reportView(content!.reports[0]!, content!.reports);
const figure = (id: string) => view.figures.find((f) => f.figure.id === id)!.text;
const chart = (id: string) => view.charts.find((c) => c.spec.id === id)!.spec;

describe('figures as towns write them', () => {
  it('load without a problem', () => expect(problems).toEqual([]));

  it('keep numbers as written: 15.0%, 0.610亿元, 1,234万美元, ４.９１千户, and 123456元 with no separator added', () => {
    expect(figure('industrial-output').growth?.text).toBe('同比增长15.0%');
    expect(figure('industrial-investment').quantity).toBe('0.610亿元');
    expect(figure('exports').quantity).toBe('1,234万美元');
    expect(figure('market-entities').quantity).toBe('４.９１千户');
    expect(figure('elderly-subsidy').quantity).toBe('123456元');
    // Charts use the number.
    expect(chart('indicator-growth').rows.find((r) => r.id === 'industrial-output')).toMatchObject({ plotted: 15, display: '15.0%' });
  });

  it('say falling growth in words and chart growth above 100%', () => {
    expect(figure('industrial-investment').growth?.text).toBe('同比下降3.2%');
    const growth = chart('indicator-growth');
    expect(growth.rows.map((r) => r.display)).toEqual(['120%', '15.0%', '12.3%', '8.0%', '5.5%', '4.1%', '上升2.35%', '下降3.2%', '缩短40%']);
    expect(growth.axis.min).toBeLessThan(0);
    expect(growth.axis.max).toBeGreaterThan(120);
    expect(growth.summary).toBe('共9项指标，其中2项下降（工业投资、行政审批平均办理时限缩短）。增速最高的是外贸出口（120%），最低的是行政审批平均办理时限（缩短40%）。');
  });

  it('say a growth with the report’s verb, one way on every output: 同比上升 2.35%, 缩短 40% (value -40, never 缩短 -40%)', () => {
    expect(figure('consumer-prices').growth).toMatchObject({ text: '同比上升2.35%', amount: '上升2.35%' });
    expect(figure('approval-time')).toMatchObject({ value: '缩短40%', statement: '缩短40%', growth: { text: '缩短40%', amount: '缩短40%' } });
    const growth = chart('indicator-growth');
    expect(growth.rows.find((r) => r.id === 'approval-time')).toMatchObject({ plotted: -40, display: '缩短40%', negative: true });
    expect(growth.table.rows.find((r) => r[0] === '行政审批平均办理时限')).toContain('缩短40%');
    expect(view.indicatorTable.rows.find((r) => r[0] === '居民消费价格')?.[3]).toBe('同比上升2.35%');
  });

  it('read figure periods of several years and show them as written, inventing no year', () => {
    expect(figure('fixed-investment-five-years')).toMatchObject({ period: '2019—2023年', statement: '2019—2023年，85.6亿元' });
    expect(figure('gdp-five-years').statement).toBe('五年来，年均增长7.2%');
  });

  it('show a completion of its target beside a figure’s value, and chart it in a progress chart', () => {
    expect(figure('budget-revenue')).toMatchObject({ value: '3260万元', completion: '完成任务的108.25%', detail: '完成任务的108.25% · 增量居全市首位' });
    expect(view.indicatorTable.rows.find((r) => r[0] === '一般公共预算收入')?.[2]).toBe('3260万元，完成任务的108.25%');
    expect(chart('completion').rows.find((r) => r.id === 'budget-revenue')).toMatchObject({ plotted: 108.25, display: '完成任务的108.25%，增量居全市首位' });
  });

  it('rank an increase as 增量', () => {
    expect(figure('budget-revenue').rank).toMatchObject({ subject: '增量', exact: false, place: '增量居全市首位' });
  });

  it('show a completion of 135% and a rate of 180%, on an axis past 100', () => {
    expect(view.projects[0]!.progress).toMatchObject({ stated: '135%', over: true, done: '1.35亿元' });
    expect(figure('foreign-investment-rate').rate).toBe('180%');
    const completion = chart('completion');
    expect(completion.axis.max).toBe(200);
    expect(completion.summary).toContain('超过100%的有3项：招商引资、实际利用外资完成率、一般公共预算收入。');
  });

  it('show one rank statement on each of its four items, of the growth rate', () => {
    for (const id of ['tea', 'bamboo', 'tourism', 'ecommerce']) {
      expect(figure(id).rank).toMatchObject({ exact: true, subject: '增速', full: '增速全市（示例市）第2名', shared: 'industries-growth-rank' });
    }
    expect(figure('bamboo').statement).toBe('同比增长8.0%，增速全市第2名');
  });

  it('show inexact ranks as written, never as a number, and chart no invented scale', () => {
    expect(figure('farm-output-rank').rank).toMatchObject({ exact: false, place: '居全市前三', full: '居全市前三（全市指示例市）' });
    expect(figure('farm-output-rank-years').statement).toBe('连续三年居全市前三');
    expect(figure('strength-national').rank?.full).toBe('全国千强镇（全国综合实力千强镇）第40名');
    const ranks = chart('ranks');
    expect(ranks.rankAxisMax).toBe(40);
    expect(ranks.rows.map((r) => r.display)).toEqual(['第1名', '第2名', '第40名', '居全市前三']);
    expect(ranks.summary).toContain('原文未写确切名次的有1项：农业总产值总量（全市）“居全市前三”。');
    expect(JSON.stringify(ranks)).not.toContain('第3名');
  });

  it('show a ratio, a change from–to, a comparison, 年均增长, an estimate, lower bounds and an editor’s note', () => {
    expect(figure('industry-structure')).toMatchObject({ value: '1:60:39', change: '由2:66:32调整到1:60:39' });
    expect(figure('high-tech-firms').change).toBe('从年初8家到15家');
    expect(figure('income').compare).toBe('高于全市平均1个百分点');
    expect(figure('gdp-five-years').growth?.text).toBe('年均增长7.2%');
    expect(figure('village-income')).toMatchObject({ estimate: true, value: '预计突破3000万元' });
    expect(figure('rural-roads').facts).toEqual(['超50公里（下限）']);
    expect(figure('road-funds').quantity).toBe('1000余万元');
    expect(figure('road-beneficiaries').quantity).toBe('1万余人次');
    expect(figure('elderly-subsidy').editorNote).toBe('编者注：原文单位为“元”，按上下文疑为“万元”；照原文照录');
    expect(figure('elderly-subsidy').statement).toContain('编者注：');
  });
});

describe('the site with these figures', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'figures-varied-'));
  const dist = path.join(work, 'dist');
  const page = (p: string) => parse(readFileSync(path.join(dist, p, 'index.html'), 'utf8'));
  const text = (p: string) => page(p).textContent.replace(/\s+/g, ' ');

  beforeAll(() => {
    const result = spawnSync(process.execPath, ['scripts/build.ts'], { encoding: 'utf8', env: childEnv({ CONTENT_DIR: CONTENT, OUT_DIR: dist }) });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  }, 180_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('builds, and its pages say each figure as the view does', () => {
    const part = text('reports/qingxi-2023/part-1/');
    for (const said of ['同比增长15.0%', '0.610亿元', '增速全市第2名', '居全市前三', '由2:66:32调整到1:60:39', '从年初8家到15家', '高于全市平均1个百分点', '1万余人次', '编者注：', '同比上升2.35%', '缩短40%', '2019—2023年', '完成任务的108.25%', '增量居全市首位']) {
      expect(part).toContain(said);
    }
    const projects = page('reports/qingxi-2023/projects/');
    expect(projects.querySelector('meter')?.getAttribute('max')).toBe('135');
    expect(projects.textContent).toContain('135%');
    const indicators = text('reports/qingxi-2023/indicators/');
    for (const said of ['下降3.2%', '缩短40%', '同比上升2.35%', '完成任务的108.25%']) expect(indicators).toContain(said);
    expect(indicators).not.toContain('缩短-40%');
    expect(text('reports/qingxi-2023/')).toContain('完成任务的108.25%');
  });

  it('its 一图读懂 has a card for each key figure, saying it as the view does: a ratio, a rank, a completion', () => {
    const cards = page('reports/qingxi-2023/infographic/').querySelectorAll('.ig-card').map((c) => c.textContent.replace(/\s+/g, ' '));
    expect(view.highlights.length).toBeGreaterThan(2);
    expect(cards).toHaveLength(view.highlights.length);
    view.highlights.forEach(({ figure: f, text: said }, i) => {
      for (const s of [said.value, f.name, said.detail]) expect(cards[i], f.id).toContain(s);
    });
    expect(cards.join(' ')).toContain('完成任务的108.25%');
  });
});
