/**
 * The figure constructions of the content model (docs/editor-guide.md 五) as the importer drafts them,
 * each on short texts of its own: completion on a figure, 年均增长 and periods of several years, lower
 * bounds and 预计, ranks without an exact place, ratios (1:60:39, and from one to another), from–to changes and comparisons.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/import/figures.ts';

const figures = (text: string) => extractFigures(text, 's1').figures;

describe('completion on a figure', () => {
  it('an amount with the share of its target keeps its growth: one indicator, no project', () => {
    const { figures: fs, projects } = extractFigures('税收收入实现3120万元，完成任务的104.5%，同比增长9.2%。', 's1');
    expect(projects).toEqual([]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ name: '税收收入', value: 3120, unit: '万元', completion: { rate: 104.5, target: '任务' }, growth: { value: 9.2, kind: '同比' } });
  });

  it('a count done with a completion rate stays a project with progress', () => {
    const { figures: fs, projects } = extractFigures('拆除违法建筑1.2万平方米，完成率达80%。', 's1');
    expect(fs).toEqual([]);
    expect(projects[0]?.progress).toMatchObject({ rate: 80 });
  });
});

describe('年均增长 and periods of several years', () => {
  it('年均增长 is a growth of kind 年均增长, and the period of a five-year review is kept as written', () => {
    const [f] = figures('2016—2020年，农业总产值达到6.3亿元，年均增长5.4%。');
    expect(f).toMatchObject({ name: '农业总产值', period: '2016—2020年', value: 6.3, unit: '亿元', growth: { value: 5.4, kind: '年均增长' } });
  });

  it('“十三五”期间 and 五年来 open a period too', () => {
    expect(figures('“十三五”期间，累计新增就业岗位1200个。')[0]).toMatchObject({ period: '“十三五”期间', value: 1200, unit: '个' });
    expect(figures('五年来，财政收入年均下降2.5%。')[0]).toMatchObject({ period: '五年来', name: '财政收入', growth: { value: -2.5, kind: '年均增长' } });
  });
});

describe('lower bounds and estimates', () => {
  it('超, 超过, 突破 and 逾 before the number are lower bounds, on counts and percentages', () => {
    expect(figures('服务群众超过6000人次。')[0]).toMatchObject({ value: 6000, unit: '人次', bound: '超过' });
    expect(figures('村集体经营性收入突破300万元。')[0]).toMatchObject({ value: 300, unit: '万元', bound: '突破' });
    expect(figures('参保人数逾8000人。')[0]).toMatchObject({ value: 8000, unit: '人', bound: '逾' });
    expect(figures('垃圾分类覆盖率超95%。')[0]).toMatchObject({ name: '垃圾分类覆盖率', value: 95, unit: '%', bound: '超' });
  });

  it('a threshold with 超过 (收入超过20万元的村) is no figure', () => {
    expect(figures('经营性收入超过20万元的村达到9个。').map((f) => f.value)).toEqual([9]);
  });

  it('the figures after 预计 are estimates, and 预计 is not part of their names', () => {
    const fs = figures('预计全年实现地区生产总值12.5亿元，增长6%；完成固定资产投资3亿元。');
    expect(fs[0]).toMatchObject({ name: '地区生产总值', estimate: true, growth: { value: 6 } });
    expect(fs[1]).not.toHaveProperty('estimate');
  });
});

describe('ranks without an exact place', () => {
  it('前列, 首位, 前三 and 第一方阵 go on the figure before, as written, without a position', () => {
    expect(figures('新增市场主体320户，增速居全市前列。')[0]?.rank).toEqual({ scope: '全市', subject: 'growth', written: '增速居全市前列' });
    expect(figures('净增规上企业5家，增量位居全县首位。')[0]?.rank).toEqual({ scope: '全县', subject: 'increase', written: '增量位居全县首位' });
    expect(figures('税收收入1.2亿元，总量进入全区前三。')[0]?.rank).toEqual({ scope: '全区', subject: 'amount', written: '总量进入全区前三' });
    expect(figures('招商引资到位资金3亿元，稳居全市第一方阵。')[0]?.rank).toEqual({ scope: '全市', written: '稳居全市第一方阵' });
  });

  it('with no number before it, such a rank holds no figure and is noted', () => {
    const { figures: fs, skipped } = extractFigures('文明创建测评位列全市前列。', 's1');
    expect(fs).toEqual([]);
    expect(skipped).toHaveLength(1);
  });

  it('an exact place keeps its position', () => {
    expect(figures('工业产值4亿元，居全市第三。')[0]?.rank).toMatchObject({ position: 3, scope: '全市' });
  });
});

describe('from–to changes', () => {
  it('both values in one unit: the later is the value, the earlier its from, with when it was', () => {
    const [f] = figures('专精特新企业从年初的6家增加至11家。');
    expect(f).toMatchObject({ name: '专精特新企业', value: 11, unit: '家', from: { value: 6, when: '年初' } });
    expect(figures('合作社由12个发展到20个。')[0]).toMatchObject({ value: 20, unit: '个', from: { value: 12 } });
  });

  it('in different units the earlier value is only noted', () => {
    const [f] = figures('养殖规模从800头扩大到2万头。');
    expect(f).toMatchObject({ value: 2, unit: '万头' });
    expect(f).not.toHaveProperty('from');
  });
});

describe('comparisons with an average', () => {
  it('高于 after a figure is its compare; 低于 is negative', () => {
    expect(figures('农民人均可支配收入增长7.5%，高于全市平均1.2个百分点。')[0]).toMatchObject({ growth: { value: 7.5 }, compare: { to: '全市平均', value: 1.2, unit: '个百分点' } });
    expect(figures('登记失业率2.1%，低于全省平均0.4个百分点。')[0]).toMatchObject({ value: 2.1, compare: { to: '全省平均', value: -0.4, unit: '个百分点' } });
  });

  it('with nothing before it to compare, it is noted', () => {
    const { figures: fs, skipped } = extractFigures('高于全区平均2个百分点。', 's1');
    expect(fs).toEqual([]);
    expect(skipped).toHaveLength(1);
  });
});

describe('a rank several figures share', () => {
  it('figures with numbers of their own share one rank statement, not a copy each', () => {
    const { figures: fs, ranks } = extractFigures('茶叶、竹木、民宿收入分别增长9.1%、6.0%、4.2%，增速均居全县第三。', 's1');
    expect(fs).toHaveLength(3);
    for (const f of fs) expect(f).not.toHaveProperty('rank');
    expect(ranks).toHaveLength(1);
    expect(ranks[0]).toMatchObject({ position: 3, scope: '全县', written: '全县第三', quote: '增速均居全县第三' });
    expect(ranks[0]?.items).toEqual(fs);
  });

  it('names that hold nothing else keep the rank on each', () => {
    const { figures: fs, ranks } = extractFigures('工业产值、税收增速均居全市第二。', 's1');
    expect(ranks).toEqual([]);
    expect(fs.map((f) => f.rank?.position)).toEqual([2, 2]);
  });
});

describe('ratios', () => {
  it('a ratio of three terms or more is a figure with the ratio as written, named by the words before it', () => {
    const [f] = figures('三次产业比重3:52:45。');
    expect(f).toMatchObject({ name: '三次产业比重', ratio: '3:52:45' });
    expect(f).not.toHaveProperty('value');
  });

  it('a from–to change of a ratio keeps both, with when each was (调整为2023年的…)', () => {
    const [f] = figures('农业、工业、服务业结构由2019年的8:45:47调整为2023年的5:40:55。');
    expect(f).toMatchObject({ ratio: '5:40:55', from: { ratio: '8:45:47', when: '2019年' } });
    expect(figures('产业比重从年初的2:66:32调整到1:60:39。')[0]).toMatchObject({ ratio: '1:60:39', from: { ratio: '2:66:32', when: '年初' } });
  });

  it('two terms only after a word that says a ratio; a time is never a ratio', () => {
    expect(figures('种养配比达到3:1。')[0]).toMatchObject({ name: '种养配比', ratio: '3:1' });
    expect(extractFigures('发布时间:2024-03-05 16:45 来源:镇政府', 's1').figures).toEqual([]);
    expect(extractFigures('会议于9:30召开。', 's1').figures).toEqual([]);
  });

  it('a ratio with nothing before it to name it is noted, not drafted', () => {
    const { figures: fs, skipped } = extractFigures('2:5:3。', 's1');
    expect(fs).toEqual([]);
    expect(skipped).toHaveLength(1);
  });
});

describe('names that are verbs or fillers, and thresholds', () => {
  it('values joined by 、 and closed by 的 and a noun are named by that noun (an amount as its 金额)', () => {
    const fs = figures('启动5个、230万元的农村道路项目。');
    expect(fs.map((f) => [f.name, f.value])).toEqual([['启动农村道路项目', 5], ['农村道路项目金额', 230]]);
  });

  it('在谈, 在建 at the start of the noun after a number are part of it', () => {
    expect(figures('跟进12个在建项目。')[0]).toMatchObject({ name: '跟进在建项目', value: 12 });
  });

  it('a trailing 为 is no part of a name; 行为 keeps it', () => {
    expect(figures('小学师生比为1:15。')[0]).toMatchObject({ name: '小学师生比' });
    expect(figures('查处违法行为26起。')[0]).toMatchObject({ name: '查处违法行为', value: 26 });
  });

  it('a threshold (10万元以上的村) is part of the name of the count after it, not a figure', () => {
    const fs = figures('培育经营性收入50万元以上的村7个。');
    expect(fs.map((f) => [f.name, f.value, f.unit])).toEqual([['培育经营性收入50万元以上的村', 7, '个']]);
  });
});
