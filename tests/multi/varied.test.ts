/**
 * Reports as towns really publish them (issue 12), proved on a fixture of invented reports
 * (tests/fixtures/reports-varied): a county-level site of three towns in two counties; a 政府工作报告
 * given in 2024 about 2023 with its salutation, meeting and speaker before the first heading and
 * metadata the source does not give (原文未提供); a five-year review; a quarterly report; an excerpt;
 * a town with two reports and so a series page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/model/load.ts';
import { reportView } from '../../src/view/report.ts';
import { formatProblem } from '../../src/validation/problem.ts';
import { childEnv } from '../support/env.ts';

const CONTENT = 'tests/fixtures/reports-varied/content';
const work = mkdtempSync(path.join(tmpdir(), 'varied-'));
const dist = path.join(work, 'dist');
const file = (p: string) => readFileSync(path.join(dist, p), 'utf8');
const page = (p: string): HTMLElement => parse(file(path.join(p, 'index.html')));
const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const metaRows = (p: string) => Object.fromEntries(page(p).querySelectorAll('.meta-block dl > div').map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]));
const REPORTS = ['donghu-2023', 'donghu-2024-q1', 'nanling-2016-2020', 'beishan-2023-h1'];

beforeAll(() => {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], { encoding: 'utf8', env: childEnv({ CONTENT_DIR: CONTENT, OUT_DIR: dist }) });
  expect(result.status, result.stdout + result.stderr).toBe(0);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the content', () => {
  it('loads with a located warning for each field recorded as 原文未提供, and no error', () => {
    const { content, problems } = loadContent(path.resolve(CONTENT), process.cwd());
    expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "tests/fixtures/reports-varied/content/reports/donghu-2023/report.yaml:6:14  indexNumber  警告：索引号记为“原文未提供”，页面上照此注明。原发布页面上有这一项的，请照原文填写",
        "tests/fixtures/reports-varied/content/reports/donghu-2023/report.yaml:7:11  category  警告：组配分类记为“原文未提供”，页面上照此注明。原发布页面上有这一项的，请照原文填写",
        "tests/fixtures/reports-varied/content/reports/donghu-2023/report.yaml:8:13  breadcrumb  警告：栏目路径记为“原文未提供”，页面上照此注明。原发布页面上有这一项的，请照原文填写",
        "tests/fixtures/reports-varied/content/reports/donghu-2023/report.yaml:9:12  writtenOn  警告：成文日期记为“原文未提供”，页面上照此注明。原发布页面上有这一项的，请照原文填写",
        "tests/fixtures/reports-varied/content/reports/donghu-2023/report.yaml:12:12  sourceUrl  警告：原文链接记为“原文未提供”，页面上照此注明。原发布页面上有这一项的，请照原文填写",
      ]
    `);
    // Newest first by publication; a date without a time of day counts as that day's 00:00.
    expect(content?.reports.map((r) => r.id)).toEqual(['donghu-2024-q1', 'donghu-2023', 'beishan-2023-h1', 'nanling-2016-2020']);
  });
});

describe('three dates, each named', () => {
  it('a 政府工作报告 of 2024 about 2023: the period reviewed, the meeting, the publication without a time of day', () => {
    const rows = metaRows('reports/donghu-2023/');
    expect(rows).toMatchObject({
      报告所述时期: '2023年',
      会议: '东湖镇第十八届人民代表大会第三次会议（2024年1月15日）',
      报告人: '镇长 李某某',
      报告类别: '政府工作报告',
      发布日期: '2024年1月20日（原文未提供具体时间）',
    });
    const line = text(page('').querySelector('a[href="/reports/donghu-2023/"]')?.parentNode?.querySelector('p'));
    expect(line).toBe('报告所述时期：2023年 · 发布机构：东湖镇人民政府 · 政府工作报告 · 会议日期：2024年1月15日 · 发布日期：2024年1月20日（原文未提供具体时间）');
  });

  it('a five-year review reads 2016—2020年, a quarterly report its quarter, and figures keep their own periods', () => {
    expect(metaRows('reports/nanling-2016-2020/')['报告所述时期']).toBe('2016—2020年');
    expect(metaRows('reports/donghu-2024-q1/')).toMatchObject({ 报告所述时期: '2024年第一季度', 文号: '东政〔2024〕12号', 公开时限: '长期公开', 主题词: '经济管理 工作报告' });
    const rows = page('reports/donghu-2024-q1/indicators/').querySelectorAll('table tbody tr').map((tr) => text(tr.querySelectorAll('th, td')[1]));
    expect(rows).toContain('1-3月');
  });
});

describe('原文未提供', () => {
  it('is said on the page, and leaves its meta tags out rather than filling them', () => {
    const rows = metaRows('reports/donghu-2023/');
    for (const term of ['索引号', '组配分类', '成文日期', '原文链接']) expect(rows[term], term).toBe('原文未提供');
    expect(page('reports/donghu-2023/').querySelectorAll('.meta-block dd.not-given')).toHaveLength(4);
    const head = page('reports/donghu-2023/').querySelector('head')!;
    expect(head.querySelector('meta[name=ColumnName]')).toBeNull();
    expect(head.querySelector('meta[name=Keywords]')).toBeNull();
    expect(head.querySelector('meta[name=PubDate]')?.getAttribute('content')).toBe('2024-01-20');
    expect(head.toString()).not.toContain('原文未提供');
    expect(text(page('reports/donghu-2023/fulltext/').querySelector('.source-quote'))).toBe('来源：原文链接原文未提供');
    expect(file('rss.xml')).not.toContain('原文未提供');
  });
});

describe('the text before the first heading', () => {
  const opening = ['——2024年1月15日在东湖镇第十八届人民代表大会第三次会议上', '镇长 李某某', '各位代表：', '现在，我代表镇人民政府向大会报告工作，请予审议。'];
  it('is on the overview and opens the first part page, inside what search indexes', () => {
    expect(page('reports/donghu-2023/').querySelectorAll('.preamble p').map(text)).toEqual(opening);
    const part = page('reports/donghu-2023/part-1/');
    expect(part.querySelectorAll('[data-pagefind-body] .preamble p').map(text)).toEqual(opening);
    expect(page('reports/donghu-2023/part-2/').querySelector('.preamble')).toBeNull();
  });

  it('keeps its place on the full text: after the title, before the first part', () => {
    const body = text(page('reports/donghu-2023/fulltext/').querySelector('.official'));
    const at = [...opening, '一、2023年工作回顾'].map((s) => body.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

describe('a part whose own text, before its first subheading, gives a figure (point: s1)', () => {
  it('lists that figure under the text on the part page, as a subheading lists its own', () => {
    const part = page('reports/nanling-2016-2020/part-1/');
    const lists = part.querySelectorAll('.narrative > .point-figures li').map(text);
    expect(lists).toEqual(['固定资产投资：12.6亿元']);
    expect(text(part.querySelector('.narrative .narrative-node .point-figures'))).toContain('年均增长5.3%');
  });
});

describe('an excerpt (原文节选)', () => {
  it('says so on every page of the report and in its 一图读懂', () => {
    for (const p of ['', 'part-1/', 'indicators/', 'projects/', 'plan/', 'promises/', 'infographic/', 'fulltext/']) {
      expect(text(page(`reports/beishan-2023-h1/${p}`).querySelector('main .excerpt-notice')), p).toContain('原文节选');
    }
    expect(text(page('reports/beishan-2023-h1/infographic/').querySelector('.ig-head h1'))).toContain('（原文节选）');
    expect(page('reports/donghu-2023/').querySelector('.excerpt-notice')).toBeNull();
  });
});

describe('一图读懂 of reports as towns publish them', () => {
  const { content } = loadContent(path.resolve(CONTENT));
  it('shows every key figure of each report as the view writes it', () => {
    for (const report of content!.reports) {
      const cards = page(`reports/${report.id}/infographic/`).querySelectorAll('.ig-card');
      const { highlights } = reportView(report, content!.reports);
      expect(cards.map((c) => text(c.querySelector('.ig-card-name'))), report.id).toEqual(highlights.map((h) => h.figure.name));
      highlights.forEach(({ text: written }, i) => {
        for (const s of [written.value, written.period, written.growth?.text, written.rank?.place].filter(Boolean)) expect(text(cards[i]), report.id).toContain(s);
      });
    }
  });

  it('says 原文未提供 where the source gives no address, and names the meeting’s date when there is no 成文日期', () => {
    const ig = page('reports/donghu-2023/infographic/');
    const facts = Object.fromEntries(ig.querySelectorAll('.ig-facts > div').map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]));
    expect(facts).toEqual({ 发布机构: '东湖镇人民政府', 报告所述时期: '2023年', 会议日期: '2024年1月15日', 发布日期: '2024年1月20日' });
    expect(text(ig.querySelector('.ig-source .not-given'))).toBe('原文链接：原文未提供');
    expect(ig.querySelector('.ig-source a')).toBeNull();
  });
});

describe('one site, many towns', () => {
  it('the footer shows the identification items once filled, the ICP number linking to the MIIT record system, and the 纠错 page', () => {
    const footer = page('').querySelector('footer')!;
    for (const item of ['网站标识码：0000000001', 'ICP备案号：测ICP备00000001号', '公安备案号：测公网安备00000000000001号']) expect(text(footer)).toContain(item);
    expect(footer.querySelector('.footer-ids a')?.getAttribute('href')).toBe('https://beian.miit.gov.cn/');
    expect(footer.querySelectorAll('a').find((a) => text(a) === '纠错')?.getAttribute('href')).toBe('https://example.org/jiucuo/');
  });

  it('the footer names the site’s organiser on every town’s pages', () => {
    for (const p of ['', ...REPORTS.map((r) => `reports/${r}/`), 'towns/beishan/']) {
      expect(text(page(p).querySelector('footer')), p).toContain('主办单位：测试县人民政府办公室');
    }
  });

  it('the home page groups towns by county, with a jump index of links', () => {
    const home = page('');
    expect(home.querySelectorAll('.county-group > h2').map(text)).toEqual(['测试地区测试县', '测试地区测试区']);
    expect(home.querySelectorAll('.county-group').map((c) => c.querySelectorAll('.town-group h3').map(text))).toEqual([['东湖镇', '南岭乡'], ['北山镇']]);
    const jumps = home.querySelectorAll('.jump-index a').map((a) => a.getAttribute('href'));
    expect(jumps).toEqual(['#county-1', '#town-donghu', '#town-nanling', '#county-2', '#town-beishan']);
    for (const id of jumps) expect(home.querySelector(id!), id).not.toBeNull();
  });

  it('a town with two reports gets its series page', () => {
    expect(existsSync(path.join(dist, 'towns/donghu/indicators/industrial-output/index.html'))).toBe(true);
    expect(page('towns/donghu/').querySelector('#series + ul a')?.getAttribute('href')).toBe('/towns/donghu/indicators/industrial-output/');
  });
});
