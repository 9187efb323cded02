/**
 * What the draft says besides its figures: disclosure metadata (with the portal's stray spaces),
 * structure from every kind of numbering, the phrasing of growth, ranks, bounds and periods, plan
 * targets, charts only where there are items, and review comments instead of invented values.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { draftReport } from '../../src/import/draft.ts';
import { extractFigures } from '../../src/import/figures.ts';
import { buildOutline, outlineToMarkdown } from '../../src/import/outline.ts';
import { readSource } from '../../src/import/source.ts';
import { readDateTime } from '../../src/import/text.ts';
import { CASES, contentDir, importInto, NANTANG_SOURCE } from './support.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const yamlOf = (dir: string, file: string) => parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;

describe('disclosure metadata', () => {
  it('reads dates written with stray spaces and in Chinese', () => {
    expect(readDateTime('2022- 07- 29 17 : 02')).toEqual({ date: '2022-07-29', time: '17:02' });
    expect(readDateTime('2024年1月8日')).toEqual({ date: '2024-01-08' });
    expect(readDateTime('2023-02-30')).toBeUndefined();
  });

  it('reads the 南塘 page copy: labels with values on the next line, breadcrumb, title, interpretation', () => {
    const source = readSource(readFileSync(NANTANG_SOURCE, 'utf8'));
    expect(source.title).toBe('南塘镇2022年上半年工作总结及下半年工作思路');
    expect(source.disclosure).toEqual({
      indexNumber: '001008003013139/2022-213500',
      category: '计划总结',
      issuer: '南塘镇',
      writtenOn: '2022-07-04',
      published: { date: '2022-07-29', time: '17:02' },
      disclosure: '主动公开',
    });
    expect(source.breadcrumb).toEqual(['首页', '信息公开', '规划计划', '计划总结']);
    expect(source.sourceUrl).toBe('http://www.yueqing.gov.cn/art/2022/7/29/art_1229241357_4076304.html');
    expect(source.interpretation).toBe('图片解读:一图读懂南塘镇2022年上半年做了什么?下半年干什么?');
    expect(source.body[0]).toBe('一、2022年上半年工作总结');
  });

  it.each(CASES)('fills report.yaml of $name from its title, disclosure block and signature', ({ source, expected }) => {
    const dir = contentDir();
    dirs.push(dir);
    const { reportDir, townFile } = importInto(dir, source, expected.id);
    const report = yamlOf(reportDir, 'report.yaml');
    expect(report).toMatchObject({ ...expected.report, town: expected.town });
    expect(report['notes']).toEqual([]);
    // A town without a file gets a draft one, with what had to be guessed marked for review.
    expect(townFile).toBeDefined();
    expect(readFileSync(townFile!, 'utf8')).toContain('# 待核对：');
    const plan = yamlOf(reportDir, 'plan.yaml')['plan'] as { targets?: { value: number }[] }[];
    expect(plan.flatMap((p) => (p.targets ?? []).map((t) => t.value))).toEqual(expected.planTargets);
  });

  it('records what the text does not give as 原文未提供, never the import day or a made-up address; a guess keeps its review note', () => {
    const draft = draftReport('清风镇2023年工作总结\n\n一、主要成效\n全年完成工业产值3.2亿元，同比增长5%。', { id: 'qingfeng-2023', today: '2024-03-01' });
    const report = draft.files['report.yaml']!;
    for (const key of ['indexNumber', 'category', 'breadcrumb', 'writtenOn', 'publishedAt', 'disclosure', 'sourceUrl']) expect(report).toContain(`\n${key}: 原文未提供\n`);
    expect(report).toMatch(/# 待核对：原文没有“发布机构”，按乡镇名称填写\nissuer: 清风镇/u);
    expect(report).toMatch(/\nreportType: 工作总结\n/u);
    expect(report).not.toMatch(/2024-03-01|example\.invalid|待补充|待填写|docNumber|meeting|excerpt/u);
    expect(draft.townId).toBe('qingfeng');
    // The town file: the name from the title; where it lies is not in the text (原文未提供); no empty scopes.
    expect(draft.townFile).toMatch(/name: 清风镇\ncounty: 原文未提供\nprefecture: 原文未提供\nprovince: 原文未提供\n/u);
    expect(draft.townFile).not.toMatch(/待填写/u);
    expect(draft.townFile).not.toMatch(/scopes/u);
  });
});

describe('structure from numbering', () => {
  it('makes headings of every kind in order of first appearance; 一是 mid-paragraph only after a full stop', () => {
    const md = outlineToMarkdown(
      buildOutline([
        '一、总结',
        '（一）经济。导语。一是指标增长。正文一。二是平台推进。正文二。',
        '1.交通。新建公路5公里。',
        '（1）桥梁。改造危桥3座。',
        '①第一座。已通车。',
        '（二）民生。主要做了三件事：一是救助；二是养老。',
      ]),
    );
    expect(md).toBe(
      [
        '# 一、总结',
        '## （一）经济。',
        '导语。',
        '### 一是指标增长。',
        '正文一。',
        '### 二是平台推进。',
        '正文二。',
        '#### 1.交通。',
        '新建公路5公里。',
        '##### （1）桥梁。',
        '改造危桥3座。',
        '###### ①第一座。',
        '已通车。',
        '## （二）民生。',
        '主要做了三件事：一是救助；二是养老。',
      ].join('\n\n') + '\n',
    );
  });

  it('turns an unnumbered introduction into a first part headed by its first sentence', () => {
    const md = outlineToMarkdown(buildOutline(['今年以来，我镇稳中求进。各项工作取得新成效。', '一、工作成效']));
    expect(md).toBe('# 今年以来，我镇稳中求进。\n\n各项工作取得新成效。\n\n# 一、工作成效\n');
  });
});

describe('figures from statistical phrasing', () => {
  const figures = (text: string, places: string[] = []) => extractFigures(text, 's1', places);

  it('reads decreases, percentage points, kinds of growth and missing 元', () => {
    const { figures: f } = figures('规上工业增加值4.05亿，同比下降1.2%；垃圾分类覆盖率达到98.5%，较上年提高3.2个百分点。');
    expect(f[0]).toMatchObject({ name: '规上工业增加值', value: 4.05, unit: '亿', impliedUnit: '亿元', growth: { value: -1.2, unit: '%', kind: '同比' } });
    expect(f[0]!.review.join()).toContain('没写“元”');
    expect(f[1]).toMatchObject({ name: '垃圾分类覆盖率', value: 98.5, unit: '%', growth: { value: 3.2, unit: '个百分点', kind: '同比' } });
  });

  it('reads ranks in digits and Chinese numerals, with their scope, and a second rank of a list', () => {
    const { figures: f } = figures('4月份消防安全工作位于乐清第2、温州第8。固定资产投资7.9亿元，增速排名全区第二。乡村振兴考核获AC类乡镇第1名。');
    expect(f.map((x) => [x.name, x.rank, x.period ?? ''])).toEqual([
      ['消防安全工作', { position: 2, scope: '乐清', written: '乐清第2' }, '4月份'],
      ['消防安全工作', { position: 8, scope: '温州', written: '温州第8' }, '4月份'],
      ['固定资产投资', { position: 2, scope: '全区', written: '全区第二' }, ''],
      ['乡村振兴考核', { position: 1, scope: 'AC类乡镇', written: 'AC类乡镇第1名' }, ''],
    ]);
    expect(f[1]!.quote).toBe('4月份消防安全工作位于乐清第2、温州第8');
  });

  it('keeps a rank without scope out, and says so', () => {
    const { figures: f, skipped } = figures('工业投资增长12%，排名第四。');
    expect(f[0]!.rank).toBeUndefined();
    expect(skipped.join()).toContain('排名“排名第四”没有写范围');
  });

  it('records lower bounds and carries a clause’s period to the rest of its sentence', () => {
    const { figures: f } = figures('上半年,开展红廉教育6场,涵盖15个党支部500余人次;接待参观团队15批次800多人。新增就业1000人以上。');
    expect(f.map((x) => [x.value, x.unit, x.bound ?? '', x.period ?? ''])).toEqual([
      [6, '场', '', '上半年'],
      [15, '个', '', '上半年'],
      [500, '人次', '余', '上半年'],
      [15, '批次', '', '上半年'],
      [800, '人', '多', '上半年'],
      [1000, '人', '以上', ''],
    ]);
  });

  it('drafts a completion rate as a project with progress, and keeps a stated rate that disagrees', () => {
    const { projects } = figures('排摸拆整点位872处,截至6月底拆整817处、面积5万平方米,拆整率达97.19%。');
    expect(projects[0]).toMatchObject({
      progress: { done: { value: 817, unit: '处' }, total: { value: 872, unit: '处' }, rate: 97.19, rateName: '拆整率', period: '截至6月底' },
      figures: [{ name: '拆整面积', value: 5, unit: '万平方米' }],
    });
  });

  it('leaves a number without unit unfilled and marked, and drops a change against last year', () => {
    const { figures: f, skipped } = figures('限上社会消费品零售总额2.64，同比增长6.7%；信访总量28件，同比减少12件。');
    expect(f[0]).toMatchObject({ name: '限上社会消费品零售总额', growth: { value: 6.7 } });
    expect(f[0]!.value).toBeUndefined();
    expect(f[0]!.review.join()).toContain('没有写单位');
    expect(f[1]).toMatchObject({ name: '信访总量', value: 28, unit: '件' });
    expect(skipped.join()).toContain('同比减少12件');
  });
});

describe('charts', () => {
  it('lists a chart only where there are items for it', () => {
    const dir = contentDir();
    dirs.push(dir);
    const tongshan = CASES.find((c) => c.name.startsWith('tongshan'))!;
    const { reportDir } = importInto(dir, tongshan.source, tongshan.expected.id);
    const charts = yamlOf(reportDir, 'charts.yaml')['charts'] as { kind: string; items: string[] }[];
    expect(charts.map((c) => c.kind)).toEqual(['growth', 'rank']);
  });
});
