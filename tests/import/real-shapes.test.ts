/**
 * Constructions and page shapes of real published reports (issue 13), each on a short text written for
 * this test (not copied from the corpus): lists with 分别, a rank several items share, growth in
 * brackets (full-width and ASCII), 亿 without 元, numbers kept as written, from–to changes; titles over
 * two lines or run into the text, breadcrumbs, table residue, watermarks, meeting/speaker/salutation
 * lines, a 政府工作报告 of year N reviewing N−1, nothing invented for what the text does not give, and a
 * growth's verb as written (上升, 缩短).
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { draftReport } from '../../src/import/draft.ts';
import type { DraftFigure } from '../../src/import/drafts.ts';
import { extractFigures } from '../../src/import/figures.ts';
import { buildOutline, outlineToMarkdown } from '../../src/import/outline.ts';
import { readText } from '../../src/import/source.ts';

const figures = (text: string) => extractFigures(text, 's1');
const brief = (f: DraftFigure) => ({ name: f.name, value: f.value, unit: f.unit, growth: f.growth?.value, rank: f.rank && `${f.rank.scope}${f.rank.position}` });
const strip = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

describe('lists with 分别: one figure per name, names and values paired in order', () => {
  it('pairs growth across 、', () => {
    const r = figures('粮食产量、蔬菜产量、水产品产量分别同比增长2.1%、4.3%、6.5%。');
    expect(r.figures.map(brief).map(strip)).toEqual([
      { name: '粮食产量', growth: 2.1 },
      { name: '蔬菜产量', growth: 4.3 },
      { name: '水产品产量', growth: 6.5 },
    ]);
    // Each quote holds its number, so the content check finds it.
    for (const f of r.figures) expect(f.quote).toContain(String(f.growth!.value));
  });

  it('pairs quantities across 、 and 和, carrying the counting verb, and a second list of growth after them', () => {
    const r = figures('新建水渠、机耕路和便民桥分别为8公里、5公里、4座，分别增长10%、20%、30%。');
    expect(r.figures.map(brief).map(strip)).toEqual([
      { name: '新建水渠', value: 8, unit: '公里', growth: 10 },
      { name: '新建机耕路', value: 5, unit: '公里', growth: 20 },
      { name: '新建便民桥', value: 4, unit: '座', growth: 30 },
    ]);
  });

  it('puts what follows 分别 on every name, and reads 增速分别为 as growth', () => {
    expect(figures('东村和西村分别完成投资120万元、80万元。').figures.map(brief).map(strip)).toEqual([
      { name: '东村投资', value: 120, unit: '万元' },
      { name: '西村投资', value: 80, unit: '万元' },
    ]);
    expect(figures('茶叶、花卉增速分别为3.5%、7.5%。').figures.map((f) => [f.name, f.growth?.value, f.value])).toEqual([
      ['茶叶', 3.5, undefined],
      ['花卉', 7.5, undefined],
    ]);
  });

  it('does not pair when the counts differ: the values are noted, not guessed', () => {
    const r = figures('农业产值、渔业产值分别增长3%、4%、5%。');
    expect(r.figures).toEqual([]);
    expect(r.skipped.join()).toMatch(/2个名称、3个数值，数目不同，没有配对/u);
  });
});

describe('ranks', () => {
  it('a rank several items share (均居) goes on each item, in Chinese numerals', () => {
    const r = figures('规上工业增加值、社会消费品零售总额增速均居全县第四。');
    expect(r.figures.map(brief).map(strip)).toEqual([
      { name: '规上工业增加值', rank: '全县4' },
      { name: '社会消费品零售总额', rank: '全县4' },
    ]);
  });

  it('a shared rank after the items is one statement whose items are them', () => {
    const r = figures('农业产值增长4%，林业产值增长7%，增速均居全市第二。');
    expect(r.figures.map((f) => [f.name, f.growth?.value, f.rank?.position])).toEqual([
      ['农业产值', 4, undefined],
      ['林业产值', 7, undefined],
    ]);
    expect(r.ranks.map((s) => [s.position, s.items.map((f) => f.name)])).toEqual([[2, ['农业产值', '林业产值']]]);
  });

  it('an attribute word (增速, 增量) before a rank is not a new figure', () => {
    const r = figures('财政收入3200万元，同比增长9%，增速位列全区第三名。');
    expect(r.figures.map(brief).map(strip)).toEqual([{ name: '财政收入', value: 3200, unit: '万元', growth: 9, rank: '全区3' }]);
  });
});

describe('growth in brackets, values without 元, numbers as written, from–to', () => {
  it('reads growth inside full-width and ASCII brackets as the growth of the figure before', () => {
    for (const text of ['实现农业产值5.6亿元（累计增速3.2%）。', '实现农业产值5.6亿元(累计增速3.2%)。']) {
      const [f, ...rest] = figures(text).figures;
      expect(rest).toEqual([]);
      expect(strip(brief(f!))).toEqual({ name: '农业产值', value: 5.6, unit: '亿元', growth: 3.2 });
      expect(text).toContain(f!.quote);
    }
  });

  it('keeps 亿 as written and notes 亿元 as the implied unit of an amount', () => {
    const [f] = figures('完成税收收入2.4亿，同比增长6%。').figures;
    expect(f).toMatchObject({ value: 2.4, unit: '亿', impliedUnit: '亿元' });
  });

  it('writes a number as the report wrote it (12.0, 10.0) in the YAML, with a note', () => {
    const draft = draftReport('某某镇2023年工作总结\n\n一、主要成效\n全年完成工业投资12.0亿元，同比增长10.0%。', { id: 'moumou-2023' });
    const yaml = draft.files['indicators.yaml']!;
    expect(yaml).toMatch(/value: 12\.0\n/u);
    expect(yaml).toMatch(/value: 10\.0\n/u);
    expect(yaml).toMatch(/原文写作“12\.0”/u);
    const [item] = (parse(yaml) as { indicators: { value: number; growth: { value: number } }[] }).indicators;
    expect(item).toMatchObject({ value: 12, growth: { value: 10 } });
  });

  it('from–to changes: the final value, named and quoted from 从/由', () => {
    const [f, ...rest] = figures('家庭农场从6家增加至11家，专业合作社由3家发展到9家。').figures;
    expect(strip(brief(f!))).toEqual({ name: '家庭农场', value: 11, unit: '家' });
    expect(f!.quote).toBe('家庭农场从6家增加至11家');
    expect(rest.map(brief).map(strip)).toEqual([{ name: '专业合作社', value: 9, unit: '家' }]);
  });
});

describe('page shapes', () => {
  it('a breadcrumb line is never the title; a title without a year is found; spaced labels and table rows are read', () => {
    const s = readText(
      [
        '首页>',
        '> 政务公开 > 乡镇公开 > 某某镇',
        '索 引 号: | ABC123/2023-0001 | 公开方式: | 主动公开 |',
        '发布机构: | 某某县某某镇 | 发布日期: | 2023-02-01 | |',
        '某某镇人民政府工作报告',
        '各位代表:',
        '一、工作回顾',
        '全年完成产值3亿元。',
      ].join('\n'),
    );
    expect(s.title).toBe('某某镇人民政府工作报告');
    expect(s.breadcrumb).toEqual(['首页', '政务公开', '乡镇公开', '某某镇']);
    expect(s.disclosure).toMatchObject({ indexNumber: 'ABC123/2023-0001', disclosure: '主动公开', issuer: '某某县某某镇', published: { date: '2023-02-01' } });
    expect(s.body[0]).toBe('各位代表:');
  });

  it('a title over two lines, and a title run into the text on one line', () => {
    expect(readText('某某镇人民政府\n2023年政府工作报告\n\n一、回顾\n正文。').title).toBe('某某镇人民政府2023年政府工作报告');
    const glued = readText('某某镇2021年第二季度工作汇报二季度,全镇上下扎实工作,完成投资2亿元。一、主要工作');
    expect(glued.title).toBe('某某镇2021年第二季度工作汇报');
    expect(glued.body[0]).toBe('二季度,全镇上下扎实工作,完成投资2亿元。一、主要工作');
  });

  it('drops repost watermarks and joins lines a PDF broke in mid-sentence, losing no character of the text', () => {
    const page = '乙甲范文网--好文章天天有';
    const lines = [
      '某某镇2022年工作总结',
      '一、主要工作',
      '全年实现农业总产值十二亿元以上并且持续增长，工业总',
      '产值达到三十亿元以上，服务业也有较大发展，全镇面貌',
      page,
      '焕然一新，群众满意度稳步提高，各项事业全面进步，社',
      '会大局和谐稳定，为来年发展打下了坚实基础和良好开局',
      '。',
      '二、存在问题',
    ];
    const s = readText(lines.join('\n'));
    expect(s.body.join('')).not.toContain('范文网');
    expect(s.body.join('').replace(/\s/gu, '')).toBe(lines.slice(1).filter((l) => l !== page).join(''));
    expect(s.body[1]).toMatch(/^全年实现.*工业总产值达到/u);
  });

  it('keeps the meeting line, the speaker, the salutation and 现在，我代表… before the first heading, without figures', () => {
    const paragraphs = ['——2023年1月12日在某某镇第十八届人民代表大会', '第三次会议上', '某某镇镇长 王某某', '各位代表:', '现在,我代表镇人民政府向大会报告工作,请予审议。', '一、过去一年工作回顾', '全年完成投资5亿元。'];
    const s = readText(['某某镇2023年政府工作报告', ...paragraphs].join('\n'));
    const outline = buildOutline(s.body);
    expect(outline.preamble).toEqual(['——2023年1月12日在某某镇第十八届人民代表大会第三次会议上', '某某镇镇长 王某某', '各位代表:', '现在,我代表镇人民政府向大会报告工作,请予审议。']);
    expect(outlineToMarkdown(outline)).toMatch(/^——2023年1月12日[\s\S]*\n\n# 一、过去一年工作回顾/u);
    const draft = draftReport(['某某镇2023年政府工作报告', ...paragraphs].join('\n'), { id: 'moumou-2023' });
    expect(draft.counts.indicators + draft.counts.figures).toBe(1);
    const report = parse(draft.files['report.yaml']!) as Record<string, unknown>;
    // The report of 2023 reviews 2022; the meeting's day is the meeting's, not a 成文日期 the page does not give.
    expect(report['period']).toEqual({ year: 2022, kind: 'year' });
    expect(report['writtenOn']).toBe('原文未提供');
    expect(report['meeting']).toEqual({ name: '某某镇第十八届人民代表大会第三次会议', date: '2023-01-12' });
    expect(draft.files['report.yaml']).toMatch(/# 待核对：会议日期取自原文“2023年1月12日”\nmeeting:/u);
    expect(report['speaker']).toBe('某某镇镇长 王某某');
    expect(report['reportType']).toBe('政府工作报告');
  });

  it('reads the town after a leading year (2019年某某镇… → 某某镇, never “201”), and the county before it', () => {
    const draft = draftReport('2019年某某县某某镇人民政府工作报告\n\n一、2018年工作回顾\n全年完成投资5亿元。', { id: 'moumou-2019' });
    expect(draft.townFile).toMatch(/name: 某某镇\n/u);
    expect(draft.townFile).toMatch(/county: 某某县\n/u);
    const report = parse(draft.files['report.yaml']!) as Record<string, unknown>;
    expect(report['period']).toEqual({ year: 2018, kind: 'year' });
  });

  it('takes the year from the text when the title has none, and never writes the import day, a made-up address or index number', () => {
    const draft = draftReport('某某街道办事处工作报告\n\n一、2024年工作回顾\n全年完成投资5亿元。', { id: 'moumou-2024', today: '2026-03-01' });
    const text = draft.files['report.yaml']!;
    const report = parse(text) as Record<string, unknown>;
    expect(report['title']).toBe('某某街道办事处工作报告');
    expect(report['period']).toEqual({ year: 2024, kind: 'year' });
    expect(text).not.toMatch(/2026|example\.invalid|待补充/u);
    for (const key of ['indexNumber', 'writtenOn', 'publishedAt', 'sourceUrl']) expect(report[key], key).toBe('原文未提供');
  });

  it('doubled punctuation does not make empty figures or lose text', () => {
    const r = figures('新建公厕6座。。改造道路3公里，，惠及群众1200人。');
    expect(r.figures.map((f) => [f.value, f.unit])).toEqual([
      [6, '座'],
      [3, '公里'],
      [1200, '人'],
    ]);
  });
});

describe('a growth keeps the verb the report says it with (content model: growth.verb)', () => {
  it('上升 and 缩短 as written, the value signed by the change; 增长 and 下降 are the defaults, not written', () => {
    const r = figures('窗口办件平均时限缩短40%，群众满意率同比上升6.49%，农民收入增长5%，能耗同比下降3%。');
    expect(r.figures.map((f) => ({ name: f.name, growth: f.growth }))).toEqual([
      { name: '窗口办件平均时限', growth: { value: -40, unit: '%', verb: '缩短' } },
      { name: '群众满意率', growth: { value: 6.49, unit: '%', kind: '同比', verb: '上升' } },
      { name: '农民收入', growth: { value: 5, unit: '%' } },
      { name: '能耗', growth: { value: -3, unit: '%', kind: '同比' } },
    ]);
  });

  it('a decline that narrows (降幅收窄2个百分点) is no growth of its own', () => {
    const r = figures('工业产值同比下降5%，降幅较上月收窄2个百分点。');
    expect(r.figures.map((f) => f.name)).toEqual(['工业产值']);
  });

  it('the draft writes the verb beside the negative value (the check wants them to agree)', () => {
    const draft = draftReport('某镇2024年工作总结\n\n一、主要成效\n企业开办平均时限缩短40%。', { id: 'mouzhen-2024', today: '2024-03-01' });
    expect(draft.files['indicators.yaml']).toMatch(/value: -40\n\s+verb: 缩短/u);
  });
});
