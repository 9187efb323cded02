/**
 * The editor's path: one broken input of each kind, applied to a small fixture report, must come back
 * as a located Chinese message. The texts are pinned: a message an editor sees cannot change by accident.
 */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/model/load.ts';
import { formatProblem } from '../../src/validation/problem.ts';
import { SIZE_LIMITS } from '../../src/validation/yaml.ts';

const FIXTURE = path.resolve('tests/fixtures/minimal/content');
const REPORT = 'content/reports/testtown-2023-h1';
const roots: string[] = [];

/** Copies the fixture, lets `breakIt` damage one file, and returns the problems as the CLI prints them. */
function problemsAfter(file: string, breakIt: (text: string) => string | Buffer, also: Record<string, (text: string) => string> = {}): string[] {
  const root = mkdtempSync(path.join(tmpdir(), 'broken-'));
  roots.push(root);
  cpSync(FIXTURE, path.join(root, 'content'), { recursive: true });
  for (const [name, edit] of [[file, breakIt], ...Object.entries(also)] as const) {
    const target = path.join(root, name);
    writeFileSync(target, edit(readFileSync(target, 'utf8')));
  }
  const { content, problems } = loadContent(path.join(root, 'content'), root);
  if (problems.some((p) => p.severity === 'error')) expect(content).toBeUndefined();
  return problems.map(formatProblem);
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('the fixture itself', () => {
  it('is valid, so every failure below comes from the one thing broken', () => {
    const { content, problems } = loadContent(FIXTURE, path.resolve('tests/fixtures/minimal'));
    expect(problems).toEqual([]);
    expect(content?.reports.map((r) => r.id)).toEqual(['testtown-2023-h1']);
  });
});

describe('broken inputs give located messages in Chinese', () => {
  it('YAML syntax error', () => {
    expect(problemsAfter(`${REPORT}/indicators.yaml`, (t) => t.replace('    name: 工业产值', '   name 工业产值'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:3:1  -  错误：YAML 格式错误：这一行的缩进不对，或者列表项前面少了“- ”",
      ]
    `);
  });

  it('wrong type', () => {
    expect(problemsAfter(`${REPORT}/indicators.yaml`, (t) => t.replace('value: 3.5', 'value: 3.5亿'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:6:12  indicators.0.value  错误：数值：应为数字，实际是文本“3.5亿”",
      ]
    `);
  });

  it('missing field', () => {
    expect(problemsAfter(`${REPORT}/report.yaml`, (t) => t.replace('issuer: 测试镇\n', ''))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/report.yaml:1:1  issuer  错误：发布机构：缺少必填字段，应为文本",
      ]
    `);
  });

  it('a guess of the importer not yet reviewed (# 待核对 comment): a warning at the comment, for the field below it', () => {
    expect(problemsAfter(`${REPORT}/report.yaml`, (t) => t.replace('issuer: 测试镇\n', '# 待核对：原文没有“发布机构”，按乡镇名称填写\nissuer: 测试镇\n'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/report.yaml:3:1  issuer  警告：待核对：原文没有“发布机构”，按乡镇名称填写。核对后请删去这条“# 待核对”注释",
      ]
    `);
  });

  it('unknown key, with the field probably meant', () => {
    expect(problemsAfter(`${REPORT}/indicators.yaml`, (t) => t.replace('value: 3.5', 'vaule: 3.5'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:6:5  indicators.0.vaule  错误：未知字段“vaule”，是不是想写“value”？这里可以用的字段：id、name、point、period、value、unit、bound、impliedUnit、percent、ratio、from、estimate、growth、compare、rank、completion、editorNote、highlight、quote",
        "content/reports/testtown-2023-h1/indicators.yaml:7:11  indicators.0.unit  错误：单位：数值（value）和单位（unit）要一起填",
      ]
    `);
  });

  it('duplicate id', () => {
    expect(problemsAfter(`${REPORT}/plan.yaml`, (t) => t.replace('id: production', 'id: clearing'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/plan.yaml:2:9  plan.0.id  错误：标识“clearing”重复：已在 content/reports/testtown-2023-h1/projects.yaml:2 用过，同一份报告里每个标识只能用一次",
      ]
    `);
  });

  it('dangling reference', () => {
    expect(problemsAfter(`${REPORT}/plan.yaml`, (t) => t.replace('continues: [clearing]', 'continues: [clearance]'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/plan.yaml:8:17  plan.0.continues.0  错误：找不到项目“clearance”：continues 应填 projects.yaml 中已有的项目标识",
      ]
    `);
  });

  it('impossible date', () => {
    expect(problemsAfter(`${REPORT}/report.yaml`, (t) => t.replace('writtenOn: 2023-07-01', 'writtenOn: 2023-02-30'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/report.yaml:11:12  writtenOn  错误：成文日期：这一天在日历上不存在",
      ]
    `);
  });

  it('dates out of order (成文 after 发布)', () => {
    expect(problemsAfter(`${REPORT}/report.yaml`, (t) => t.replace('writtenOn: 2023-07-01', 'writtenOn: 2023-07-20'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/report.yaml:12:14  publishedAt  错误：发布日期 2023-07-10 09:30 早于成文日期 2023-07-20：成文日期应不晚于发布日期",
      ]
    `);
  });

  it('empty file', () => {
    expect(problemsAfter(`${REPORT}/figures.yaml`, () => '')).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/figures.yaml:1:1  -  错误：文件是空的，应填写“figures.yaml：关键数字”的内容",
      ]
    `);
  });

  it('invalid UTF-8 (a file saved as GBK)', () => {
    // “数据” in GBK: bytes that are not valid UTF-8.
    expect(problemsAfter(`${REPORT}/plan.yaml`, (t) => Buffer.concat([Buffer.from(t.slice(0, 20)), Buffer.from([0xca, 0xfd, 0xbe, 0xdd]), Buffer.from(t.slice(20))]))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/plan.yaml:2:15  -  错误：文件不是 UTF-8 编码（可能用 GBK 等编码保存了）。请用“UTF-8”编码另存此文件",
      ]
    `);
  });

  it('figure out of range: a rank below 1 and a percentage above 100', () => {
    expect(problemsAfter(`${REPORT}/indicators.yaml`, (t) => t.replace('position: 3', 'position: 0'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:9:23  indicators.0.rank.position  错误：名次：应不小于 1，实际是 0",
      ]
    `);
    expect(problemsAfter(`${REPORT}/projects.yaml`, (t) => t.replace('rate: 90', 'rate: -5'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/projects.yaml:10:13  projects.0.progress.rate  错误：原文写明的完成率（%）：应不小于 0，实际是 -5",
      ]
    `);
  });

  it('a figure that its quote does not state (a typo in the number)', () => {
    expect(problemsAfter(`${REPORT}/indicators.yaml`, (t) => t.replace('value: 3.5', 'value: 3.6'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:6:12  indicators.0.value  错误：数值 3.6 在原文摘录“完成工业产值3.5亿元,同比增长6.2%,全市排名第三”中找不到：数字应照原文填写",
      ]
    `);
  });

  it('a quote that is not in the text', () => {
    expect(problemsAfter(`${REPORT}/plan.yaml`, (t) => t.replace('quote: 实现5家企业投产', 'quote: 实现6家企业投产'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/plan.yaml:9:12  plan.0.quote  错误：原文摘录“实现6家企业投产”在正文 narrative.md 中找不到：摘录必须与正文逐字一致（包括标点）",
      ]
    `);
  });

  it('an unreadable period and an unknown section', () => {
    expect(problemsAfter(`${REPORT}/indicators.yaml`, (t) => t.replace('period: 1-6月份', 'period: 前半段').replace('point: s1-1-1', 'point: s1-9'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:4:12  indicators.0.point  错误：正文中没有编号为“s1-9”的小节（编号照标题自己的序号：s1-2-3 即 一、下的(二)下的三是）；可用的编号：s1、s1-1、s1-1-1、s2、s2-1",
        "content/reports/testtown-2023-h1/indicators.yaml:5:13  indicators.0.period  错误：无法识别的时期写法“前半段”：可以写 1-5月份、截至6月底、3月底、第一季度、4月份、上半年、今年以来，多年的写 2016—2020年、“十三五”期间、五年来",
      ]
    `);
  });

  it('a stated rate that disagrees with done/total warns and keeps the figure', () => {
    const lines = problemsAfter(`${REPORT}/projects.yaml`, (t) => t.replaceAll('完成率90%', '完成率97%').replace('rate: 90', 'rate: 97'), {
      [`${REPORT}/narrative.md`]: (t) => t.replace('完成率90%', '完成率97%'),
    });
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/projects.yaml:10:13  projects.0.progress.rate  警告：原文数字前后不一致：90/100 = 90.0%，原文写的是 97%。已照原文保留，请核对（可能口径不同）",
      ]
    `);
  });
});

describe('figures as towns write them: located messages (issue 12)', () => {
  const INDICATORS = `${REPORT}/indicators.yaml`;
  const NARRATIVE = `${REPORT}/narrative.md`;

  it('a growth verb agrees with the sign of its value: 缩短40% is -40; 上升 is a verb, not a kind', () => {
    expect(problemsAfter(INDICATORS, (t) => t.replace('growth: { value: 6.2, kind: 同比 }', 'growth: { value: 6.2, kind: 同比, verb: 缩短 }'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:8:43  indicators.0.growth.verb  错误：原文的动词：动词和数值的正负不一致：表示减少的动词（下降、减少、缩短、回落……）配负数，如 缩短40% 写 value: -40、verb: 缩短；表示增加的动词（增长、上升、提高……）配正数",
      ]
    `);
    expect(problemsAfter(INDICATORS, (t) => t.replace('growth: { value: 6.2, kind: 同比 }', 'growth: { value: 6.2, kind: 同比上升 }'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:8:33  indicators.0.growth.kind  错误：增速口径：“同比上升”是口径加动词，分开写：kind: 同比、verb: 上升",
      ]
    `);
    expect(problemsAfter(INDICATORS, (t) => t.replace('growth: { value: 6.2, kind: 同比 }', 'growth: { value: 6.2, kind: 同比, verb: 增长 }'))).toEqual([]);
  });

  it('a completion rate is found in its quote; a figure period of several years is read', () => {
    expect(problemsAfter(INDICATORS, (t) => t.replace('    quote: 完成工业产值', '    completion: { rate: 95, target: 任务 }\n    quote: 完成工业产值'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:10:25  indicators.0.completion.rate  错误：完成率 95 在原文摘录“完成工业产值3.5亿元,同比增长6.2%,全市排名第三”中找不到：数字应照原文填写",
      ]
    `);
    for (const period of ['2016—2020年', '2016-2020年', '“十三五”期间', '五年来', '近五年', '过去五年']) {
      expect(problemsAfter(INDICATORS, (t) => t.replace('period: 1-6月份', `period: ${period}`))).toEqual([]);
    }
    expect(problemsAfter(INDICATORS, (t) => t.replace('period: 1-6月份', 'period: 2020—2016年'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:5:13  indicators.0.period  错误：无法识别的时期写法“2020—2016年”：可以写 1-5月份、截至6月底、3月底、第一季度、4月份、上半年、今年以来，多年的写 2016—2020年、“十三五”期间、五年来",
      ]
    `);
  });

  it('a number is found in its quote as written: 6.20 is not 6.2, and a quoted 3,5 is no number', () => {
    expect(problemsAfter(INDICATORS, (t) => t.replace('value: 6.2', 'value: 6.20'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:8:22  indicators.0.growth.value  错误：增速 6.20 在原文摘录“完成工业产值3.5亿元,同比增长6.2%,全市排名第三”中找不到：数字应照原文填写",
      ]
    `);
    expect(problemsAfter(INDICATORS, (t) => t.replace('value: 3.5', "value: '3,5'"))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:6:12  indicators.0.value  错误：数值：应为数字，实际是文本“3,5”",
      ]
    `);
  });

  it('a completion above 100% needs percent: rate; percent only on a percentage', () => {
    const rate = (extra: string) => problemsAfter(INDICATORS, (t) => t.replace('value: 3.5\n    unit: 亿元', `value: 135\n    unit: '%'${extra}`).replace('产值3.5亿元', '产值135%'), {
      [NARRATIVE]: (t) => t.replace('产值3.5亿元', '产值135%'),
    });
    expect(rate('')).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:6:12  indicators.0.value  错误：数值：占比应在 0 到 100 之间；完成率等可以超过 100 的比率请加 percent: rate",
      ]
    `);
    expect(rate('\n    percent: rate')).toEqual([]);
    expect(problemsAfter(INDICATORS, (t) => t.replace('unit: 亿元', 'unit: 亿元\n    percent: rate'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:8:14  indicators.0.percent  错误：百分数的性质（单位是 % 时）：只有单位是 % 的数字才填 percent",
      ]
    `);
  });

  it('a ratio and a change from–to checked against the quote and each other', () => {
    expect(problemsAfter(INDICATORS, (t) => t.replace('value: 3.5\n    unit: 亿元', "ratio: '1:60:39'"))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:6:12  indicators.0.ratio  错误：比例“1:60:39”在原文摘录“完成工业产值3.5亿元,同比增长6.2%,全市排名第三”中找不到：比例应照原文填写",
      ]
    `);
    expect(problemsAfter(INDICATORS, (t) => t.replace('value: 3.5\n    unit: 亿元', "ratio: '1:60:39'\n    from: { value: 8 }"))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:7:20  indicators.0.from.value  错误：原来的数值：原来的数值（from.value）要和数值（value）一起填",
      ]
    `);
  });

  it('a shared rank names figures that exist and have no rank of their own', () => {
    expect(problemsAfter(`${REPORT}/figures.yaml`, () => 'figures: []\nranks:\n  - { id: shared, items: [output, nothing], position: 3, scope: 全市, written: 全市排名第三, quote: 全市排名第三 }\n')).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/figures.yaml:3:27  ranks.0.items.0  错误：数字“output”已有自己的排名（rank）：一项数字只能有一个排名，请删去其中一个",
        "content/reports/testtown-2023-h1/figures.yaml:3:35  ranks.0.items.1  错误：找不到数字“nothing”：items 应填 indicators.yaml、figures.yaml 或项目 figures 中数字的标识",
      ]
    `);
  });

  it('an inexact rank is written without a position; a position must be in what is written', () => {
    expect(problemsAfter(INDICATORS, (t) => t.replace('rank: { position: 3, scope: 全市, written: 全市排名第三 }', 'rank: { scope: 全市, written: 全市排名第三 }'))).toEqual([]);
    expect(problemsAfter(INDICATORS, (t) => t.replace('position: 3', 'position: 4'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:9:23  indicators.0.rank.position  错误：名次 4 在原文摘录“全市排名第三”中找不到：数字应照原文填写",
      ]
    `);
  });

  it('a progress chart takes only a project with a stated rate or done and total', () => {
    expect(problemsAfter(`${REPORT}/projects.yaml`, (t) => t.replace('      total: { value: 100, unit: 处 }\n', '').replace('      rate: 90\n', ''), {
      [`${REPORT}/charts.yaml`]: (t) => `${t}  - { id: done, kind: progress, title: 进度, items: [clearing] }\n`,
    })).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/charts.yaml:6:52  charts.1.items.0  错误：数据项“clearing”不适合进度图：它既不是百分比，也没有完成率（completion），也没有写明完成率（progress.rate）或已完成量和总量（progress.done、progress.total）",
      ]
    `);
  });
});

describe('hostile, odd and oversized input gives located messages in Chinese (issue 14)', () => {
  it('a text far over its length limit, with the length found rather than the text', () => {
    const started = Date.now();
    expect(problemsAfter(`${REPORT}/report.yaml`, (t) => t.replace('title: 测试镇2023年上半年工作总结', `title: ${'长'.repeat(100_000)}`))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/report.yaml:1:8  title  错误：标题：最多 200 个字，实际有 100000 个字",
      ]
    `);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a list over its limit and a heading over its limit', () => {
    expect(problemsAfter(`${REPORT}/charts.yaml`, (t) => t.replace('items: [output]', `items: [${Array(51).fill('output').join(', ')}]`))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/charts.yaml:5:12  charts.0.items  错误：图中的数据项：最多 50 项，实际有 51 项",
      ]
    `);
    expect(problemsAfter(`${REPORT}/narrative.md`, (t) => t.replace('### 一是稳增长。', `### 一是稳增长${'，'.repeat(300)}。`))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/narrative.md:11:1  -  错误：标题太长：最多 300 个字，实际有 306 个字。标题（#、##、###）应是一句话，其余内容请写在标题下面另起一段",
      ]
    `);
  });

  it('％ is the percent sign: a percentage above 100 fails the same way with either', () => {
    const percent = (sign: string) => problemsAfter(`${REPORT}/indicators.yaml`, (t) => t.replace('value: 3.5', 'value: 150').replace('unit: 亿元', `unit: '${sign}'`));
    expect(percent('％')).toEqual(percent('%'));
    expect(percent('％')).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:6:12  indicators.0.value  错误：数值：占比应在 0 到 100 之间；完成率等可以超过 100 的比率请加 percent: rate",
      ]
    `);
  });

  it('an image in the text, located where it is written', () => {
    const lines = problemsAfter(`${REPORT}/narrative.md`, (t) =>
      t.replace('实现5家企业投产。', '实现5家企业投产。![航拍](https://evil.example/x.png)\n![](//evil.example/y.png) 和 \\![不是图片](z)'),
    );
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/narrative.md:13:10  -  错误：正文里不能插入图片（![…](…)）：报告正文只显示文字，外部图片还会让读者的浏览器去别的网站加载。请删去这张图片；要指向网上的图片，请写成链接 [说明文字](https://…)",
        "content/reports/testtown-2023-h1/narrative.md:14:1  -  错误：正文里不能插入图片（![…](…)）：报告正文只显示文字，外部图片还会让读者的浏览器去别的网站加载。请删去这张图片；要指向网上的图片，请写成链接 [说明文字](https://…)",
      ]
    `);
  });

  it('two reports of one town and period (a copied folder), named both', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'broken-'));
    roots.push(root);
    cpSync(FIXTURE, path.join(root, 'content'), { recursive: true });
    cpSync(path.join(root, REPORT), path.join(root, `${REPORT}-copy`), { recursive: true });
    const { content, problems } = loadContent(path.join(root, 'content'), root);
    expect(content).toBeUndefined();
    expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1-copy/report.yaml:5:3  period  错误：content/reports/testtown-2023-h1 和 content/reports/testtown-2023-h1-copy 都是乡镇“testtown”2023年上半年的报告：同一乡镇同一时期只能有一份报告。是不是复制了文件夹？请删去多余的一份，或改正 period",
        "content/reports/testtown-2023-h1-copy/report.yaml:8:14  indexNumber  错误：索引号“TEST/2023-1”已被报告 testtown-2023-h1 使用：每份文件的索引号应唯一",
      ]
    `);
  });
});

describe('YAML an editor did not mean, and content that is not a plain file (issue 14)', () => {
  /** Copies the fixture and lets `change` alter the copied folder itself (links, folders, sizes). */
  function problemsIn(change: (root: string) => void): string[] {
    const root = mkdtempSync(path.join(tmpdir(), 'broken-'));
    roots.push(root);
    cpSync(FIXTURE, path.join(root, 'content'), { recursive: true });
    change(root);
    const { content, problems } = loadContent(path.join(root, 'content'), root);
    expect(content).toBeUndefined();
    return problems.map(formatProblem);
  }

  it('a stray * or & or ! at the start of a value is refused where it is written, never read as alias, anchor or tag', () => {
    expect(problemsAfter(`${REPORT}/report.yaml`, (t) => t.replace('description: 测试用报告。', 'description: *注意 测试用报告。'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/report.yaml:15:14  -  错误：YAML 格式错误：值的开头不能是 *：YAML 会把“*注意”当作引用别处内容的别名。如果 * 是文字的一部分，请把整个值用引号括起来",
      ]
    `);
    // Read as YAML, `&注 ` would silently disappear from the value.
    expect(problemsAfter(`${REPORT}/report.yaml`, (t) => t.replace('description: 测试用报告。', 'description: &注 说明文字'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/report.yaml:15:14  -  错误：YAML 格式错误：值的开头不能是 &：YAML 会把“&注”当作锚点标记，从值里去掉。如果 & 是文字的一部分，请把整个值用引号括起来",
      ]
    `);
    expect(problemsAfter(`${REPORT}/report.yaml`, (t) => t.replace('description: 测试用报告。', 'description: !重要 说明文字'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/report.yaml:15:14  -  错误：YAML 格式错误：值的开头不能是 !：YAML 会把“!重要”当作类型标记，从值里去掉。如果 ! 是文字的一部分，请把整个值用引号括起来",
      ]
    `);
  });

  it('an alias bomb is refused without a single alias expanded, in few messages', () => {
    // Twelve levels of nine: expanded, 9^12 strings. Refused from the tokens, it takes milliseconds.
    const levels = 'abcdefghijkl'.split('');
    const bomb = levels.map((name, i) => `${name}: &${name} [${i === 0 ? Array(9).fill('"哈"').join(',') : Array(9).fill(`*${levels[i - 1]}`).join(',')}]`).join('\n');
    const started = Date.now();
    expect(problemsAfter(`${REPORT}/report.yaml`, (t) => `${t}${bomb}\n`)).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/report.yaml:16:4  -  错误：YAML 格式错误：值的开头不能是 &：YAML 会把“&a”当作锚点标记，从值里去掉。如果 & 是文字的一部分，请把整个值用引号括起来",
        "content/reports/testtown-2023-h1/report.yaml:17:4  -  错误：YAML 格式错误：值的开头不能是 &：YAML 会把“&b”当作锚点标记，从值里去掉。如果 & 是文字的一部分，请把整个值用引号括起来",
        "content/reports/testtown-2023-h1/report.yaml:18:4  -  错误：YAML 格式错误：值的开头不能是 &：YAML 会把“&c”当作锚点标记，从值里去掉。如果 & 是文字的一部分，请把整个值用引号括起来",
        "content/reports/testtown-2023-h1/report.yaml:19:4  -  错误：YAML 格式错误：值的开头不能是 &：YAML 会把“&d”当作锚点标记，从值里去掉。如果 & 是文字的一部分，请把整个值用引号括起来",
        "content/reports/testtown-2023-h1/report.yaml:20:4  -  错误：YAML 格式错误：值的开头不能是 &：YAML 会把“&e”当作锚点标记，从值里去掉。如果 & 是文字的一部分，请把整个值用引号括起来",
        "content/reports/testtown-2023-h1/report.yaml:21:4  -  错误：YAML 格式错误：值的开头不能是 &：YAML 会把“&f”当作锚点标记，从值里去掉。如果 & 是文字的一部分，请把整个值用引号括起来",
        "content/reports/testtown-2023-h1/report.yaml:22:4  -  错误：YAML 格式错误：值的开头不能是 &：YAML 会把“&g”当作锚点标记，从值里去掉。如果 & 是文字的一部分，请把整个值用引号括起来",
        "content/reports/testtown-2023-h1/report.yaml:23:4  -  错误：YAML 格式错误：值的开头不能是 &：YAML 会把“&h”当作锚点标记，从值里去掉。如果 & 是文字的一部分，请把整个值用引号括起来",
        "content/reports/testtown-2023-h1/report.yaml:24:4  -  错误：YAML 格式错误：值的开头不能是 &：YAML 会把“&i”当作锚点标记，从值里去掉。如果 & 是文字的一部分，请把整个值用引号括起来",
        "content/reports/testtown-2023-h1/report.yaml:25:4  -  错误：YAML 格式错误：值的开头不能是 &：YAML 会把“&j”当作锚点标记，从值里去掉。如果 & 是文字的一部分，请把整个值用引号括起来",
        "content/reports/testtown-2023-h1/report.yaml:26:4  -  错误：YAML 格式错误：从这里起还有 2 处格式错误，请先改正前面的，再运行检查",
      ]
    `);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a bracket or quote left open is located where it opens, and what follows is not reported', () => {
    expect(problemsAfter(`${REPORT}/report.yaml`, (t) => t.replace('issuer: 测试镇\n', 'keywords: [工业, 农业\nissuer: 测试镇\n'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/report.yaml:3:11  -  错误：YAML 格式错误：这里的方括号“[”没有配对关闭：请在列表最后补上“]”",
      ]
    `);
    expect(problemsAfter(`${REPORT}/report.yaml`, (t) => t.replace('issuer: 测试镇', 'issuer: "测试镇'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/report.yaml:3:9  -  错误：YAML 格式错误：这里的双引号（"）没有配对关闭：请在这个值的最后补上另一个双引号",
      ]
    `);
  });

  it('a key written twice in one map, named; a list as a key; a map of 50 000 keys is checked in seconds, not a minute', () => {
    // The yaml library would turn the list into text and print an English warning on the console.
    expect(problemsAfter(`${REPORT}/report.yaml`, (t) => `${t}? [工业, 农业]\n: 1\n`)).toEqual([
      `${REPORT}/report.yaml:16:3  -  错误：YAML 格式错误：字段名只能是文字，不能是列表或一组字段`,
    ]);
    expect(problemsAfter(`${REPORT}/report.yaml`, (t) => t.replace('issuer: 测试镇', 'issuer: 测试镇\nissuer: 测试镇'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/report.yaml:4:1  -  错误：YAML 格式错误：同一层里出现了两个同名字段“issuer”",
      ]
    `);
    const started = Date.now();
    const keys = Array.from({ length: 50_000 }, (_, i) => `k${i}: 值`).join('\n');
    const lines = problemsAfter(`${REPORT}/figures.yaml`, (t) => `${t}${keys}\n`);
    expect(lines[0]).toContain('figures.yaml:2:1  k0  错误：未知字段“k0”');
    expect(lines.slice(-2)).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/figures.yaml:101:1  k99  错误：未知字段“k99”。这里可以用的字段：figures、ranks",
        "content/reports/testtown-2023-h1/figures.yaml:101:1  -  错误：还有 49900 个问题没有列出：请先改正上面的，再运行检查",
      ]
    `);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('lines indented with a tab: one message naming them', () => {
    expect(problemsAfter(`${REPORT}/indicators.yaml`, (t) => t.replace(/^ {2}/gm, '\t'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:2:1  -  错误：YAML 格式错误：不能用 Tab 键缩进，请改用空格（第 2、3、4、5、6、7、8、9、10 行的开头有 Tab）",
      ]
    `);
  });

  it('.inf, -.inf and .nan are no numbers, said in words an editor knows', () => {
    const value = (written: string) => problemsAfter(`${REPORT}/indicators.yaml`, (t) => t.replace('value: 3.5', `value: ${written}`));
    expect(value('.inf')).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:6:12  indicators.0.value  错误：“.inf”在 YAML 里表示无穷大，不是有效数值：请照原文填写数字（如果写的是文字，请把它用引号括起来）",
      ]
    `);
    expect(value('-.inf')).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:6:12  indicators.0.value  错误：“-.inf”在 YAML 里表示无穷大，不是有效数值：请照原文填写数字（如果写的是文字，请把它用引号括起来）",
      ]
    `);
    expect(value('.nan')).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:6:12  indicators.0.value  错误：“.nan”在 YAML 里表示“不是数字”，不是有效数值：请照原文填写数字（如果写的是文字，请把它用引号括起来）",
      ]
    `);
  });

  it('a %YAML 1.1 directive is refused: it would make dates Date objects and yes a boolean', () => {
    expect(problemsAfter(`${REPORT}/report.yaml`, (t) => `%YAML 1.1\n---\n${t}`)).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/report.yaml:1:1  -  错误：YAML 格式错误：“%YAML 1.1”是 YAML 指令，内容文件不需要（它会改变日期、是/否等的读法）：请删掉这一行",
      ]
    `);
  });

  it('invalid UTF-8 after a U+FFFD that the file really contains is located at the bad byte', () => {
    const bytes = (t: string) => Buffer.concat([Buffer.from(`${t.slice(0, 10)}\uFFFD${t.slice(10, 30)}`), Buffer.from([0xca, 0xfd]), Buffer.from(t.slice(30))]);
    expect(problemsAfter(`${REPORT}/plan.yaml`, bytes)).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/plan.yaml:3:6  -  错误：文件不是 UTF-8 编码（可能用 GBK 等编码保存了）。请用“UTF-8”编码另存此文件",
      ]
    `);
  });

  it('a file over its size limit is refused before it is read', () => {
    expect(problemsAfter(`${REPORT}/figures.yaml`, (t) => `${t}#${'x'.repeat(SIZE_LIMITS.yaml - Buffer.byteLength(t))}\n`)).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/figures.yaml:0:0  -  错误：文件太大（1.1 MB），超过了上限 1 MB：内容文件通常只有几十 KB，请检查是不是放错了文件或粘贴了多余的内容",
      ]
    `);
    expect(problemsAfter(`${REPORT}/narrative.md`, (t) => `${t}${'文'.repeat(SIZE_LIMITS.narrative / 3)}`)).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/narrative.md:0:0  -  错误：文件太大（2.1 MB），超过了上限 2 MB：内容文件通常只有几十 KB，请检查是不是放错了文件或粘贴了多余的内容",
      ]
    `);
  });

  it('a symbolic link, to a file outside or to nothing, is refused wherever the loader reads, and never followed', () => {
    const lines = problemsIn((root) => {
      writeFileSync(path.join(root, 'secret.md'), '机密内容');
      const replace = (file: string, target: string) => {
        rmSync(path.join(root, file), { recursive: true });
        symlinkSync(target, path.join(root, file));
      };
      replace(`${REPORT}/narrative.md`, path.join(root, 'secret.md'));
      replace(`${REPORT}/plan.yaml`, path.join(root, 'nowhere.yaml'));
      replace('content/site.yaml', path.join(root, 'nowhere.yaml'));
      symlinkSync(path.join(root, 'nowhere'), path.join(root, 'content/towns/ghost.yaml'));
      symlinkSync(tmpdir(), path.join(root, 'content/reports/elsewhere'));
    });
    expect(lines.join('\n')).not.toContain('机密');
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/reports/elsewhere:0:0  -  错误：内容文件夹里不能有符号链接（快捷方式）：请删掉这个链接，把真正的文件夹复制到这里",
        "content/reports/testtown-2023-h1/narrative.md:0:0  -  错误：内容文件夹里不能有符号链接（快捷方式）：请删掉这个链接，把真正的文件复制到这里",
        "content/reports/testtown-2023-h1/plan.yaml:0:0  -  错误：内容文件夹里不能有符号链接（快捷方式）：请删掉这个链接，把真正的文件复制到这里",
        "content/site.yaml:0:0  -  错误：内容文件夹里不能有符号链接（快捷方式）：请删掉这个链接，把真正的文件复制到这里",
        "content/towns/ghost.yaml:0:0  -  错误：内容文件夹里不能有符号链接（快捷方式）：请删掉这个链接，把真正的文件复制到这里",
      ]
    `);
  });

  it('a link in place of the reports folder, and of the optional outcomes.yaml', () => {
    expect(
      problemsIn((root) => {
        cpSync(path.join(root, 'content/reports'), path.join(root, 'reports-real'), { recursive: true });
        rmSync(path.join(root, 'content/reports'), { recursive: true });
        symlinkSync(path.join(root, 'reports-real'), path.join(root, 'content/reports'));
        // With no report to check, the site itself is fine: the content is refused for the link alone.
      }),
    ).toEqual(['content/reports:0:0  -  错误：内容文件夹里不能有符号链接（快捷方式）：请删掉这个链接，把真正的文件夹复制到这里']);
    expect(problemsIn((root) => symlinkSync(path.join(root, 'content/site.yaml'), path.join(root, REPORT, 'outcomes.yaml')))).toEqual([
      `${REPORT}/outcomes.yaml:0:0  -  错误：内容文件夹里不能有符号链接（快捷方式）：请删掉这个链接，把真正的文件复制到这里`,
    ]);
  });

  it('a folder where a file should be gives a message, not a crash', () => {
    expect(problemsIn((root) => {
      rmSync(path.join(root, REPORT, 'plan.yaml'));
      mkdirSync(path.join(root, REPORT, 'plan.yaml'));
    })).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/plan.yaml:0:0  -  错误：这里应是一个文件，实际是一个文件夹",
      ]
    `);
  });

  // root reads every file whatever its permissions: the message cannot be provoked there.
  it.skipIf(process.getuid?.() === 0)('a file without read permission gives a message, not a crash', () => {
    const file = (root: string) => path.join(root, REPORT, 'plan.yaml');
    let copied = '';
    const lines = problemsIn((root) => {
      copied = root;
      chmodSync(file(root), 0);
    });
    chmodSync(file(copied), 0o644);
    expect(lines).toEqual([`${REPORT}/plan.yaml:0:0  -  错误：无法读取：没有读取这个文件的权限，请检查它的权限设置`]);
  });

  it('an empty narrative.md is one message, not one per quote and section it lacks', () => {
    expect(problemsAfter(`${REPORT}/narrative.md`, () => ' \n\n\u3000\n')).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/narrative.md:1:1  -  错误：正文文件 narrative.md 是空的：请把本期报告正文照原文粘贴进来",
      ]
    `);
  });
});

describe('reports as towns publish them (issue 12)', () => {
  const NARRATIVE = `${REPORT}/narrative.md`;
  it('a heading inserted without numbering, or a numbered one added, renumbers no other section: every point still resolves', () => {
    expect(problemsAfter(NARRATIVE, (t) => `# 开篇\n\n各位代表：\n\n${t.replace('# 二、下半年工作思路', '## (二)新增小节。\n\n新增内容。\n\n# 二、下半年工作思路')}`)).toEqual([]);
  });

  it('a section whose heading is gone: the message says how sections are numbered', () => {
    expect(problemsAfter(NARRATIVE, (t) => t.replace('### 一是稳增长。', '### 稳增长。').replace('# 二、下半年工作思路', '# 下半年工作思路'), {
      [`${REPORT}/plan.yaml`]: (t) => t.replace('point: s2-1', 'point: s2-2'),
    })).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/plan.yaml:3:12  plan.0.point  错误：正文中没有编号为“s2-2”的小节（编号照标题自己的序号：s1-2-3 即 一、下的(二)下的三是）；可用的编号：s1、s1-1、s1-1-1、s2、s2-1",
      ]
    `);
  });

  it('the text before the first heading is part of the report: a quote from it is found', () => {
    expect(problemsAfter(NARRATIVE, (t) => `各位代表：\n\n实现5家企业投产的目标已经定下。\n\n${t}`)).toEqual([]);
  });

  it('fields the source does not give, and dates as published pages write them', () => {
    expect(problemsAfter(`${REPORT}/report.yaml`, (t) => t
      .replace('indexNumber: TEST/2023-1', 'indexNumber: 原文未提供')
      .replace('publishedAt: 2023-07-10 09:30', 'publishedAt: 2023-07-10')
      .replace('sourceUrl: https://example.org/source.html', 'sourceUrl: 原文未提供'))).toMatchInlineSnapshot(`
        [
          "content/reports/testtown-2023-h1/report.yaml:8:14  indexNumber  警告：索引号记为“原文未提供”，页面上照此注明。原发布页面上有这一项的，请照原文填写",
          "content/reports/testtown-2023-h1/report.yaml:14:12  sourceUrl  警告：原文链接记为“原文未提供”，页面上照此注明。原发布页面上有这一项的，请照原文填写",
        ]
      `);
  });

  it('a page with no title or issuer: those two cannot be 原文未提供 (they name the report everywhere); 公开方式 can', () => {
    expect(problemsAfter(`${REPORT}/report.yaml`, (t) => t
      .replace('title: 测试镇2023年上半年工作总结', 'title: 原文未提供')
      .replace('issuer: 测试镇', 'issuer: 原文未提供')
      .replace('disclosure: 主动公开', 'disclosure: 原文未提供'))).toMatchInlineSnapshot(`
        [
          "content/reports/testtown-2023-h1/report.yaml:1:8  title  错误：标题不能记为“原文未提供”：每个页面、一图读懂和嵌入图表的来源都显示它。原发布页面上没有标题时，照原文正文的说法拟一个，如 某某街道2025年上半年工作总结，并在 notes 中说明是编者所拟",
          "content/reports/testtown-2023-h1/report.yaml:3:9  issuer  错误：发布机构不能记为“原文未提供”：每个页面、一图读懂和嵌入图表的来源都显示它。原发布页面上没有发布机构时，填报告出自的乡镇或街道，如 某某街道，并在 notes 中说明是编者所拟",
          "content/reports/testtown-2023-h1/report.yaml:13:13  disclosure  警告：公开方式记为“原文未提供”，页面上照此注明。原发布页面上有这一项的，请照原文填写",
        ]
      `);
  });

  it('a town whose county, prefecture and province the source does not give: a located warning each', () => {
    expect(problemsAfter('content/towns/testtown.yaml', (t) => t
      .replace('county: 测试市', 'county: 原文未提供')
      .replace('prefecture: 测试地区', 'prefecture: 原文未提供')
      .replace('province: 测试省', 'province: 原文未提供'))).toMatchInlineSnapshot(`
        [
          "content/towns/testtown.yaml:2:9  county  警告：所属县（市、区）记为“原文未提供”：网站上不写它（乡镇页面只写已知的地名，首页把所属县（市、区）未注明的乡镇列在一起）。知道的请照实填写",
          "content/towns/testtown.yaml:3:13  prefecture  警告：所属地级市记为“原文未提供”：网站上不写它（乡镇页面只写已知的地名，首页把所属县（市、区）未注明的乡镇列在一起）。知道的请照实填写",
          "content/towns/testtown.yaml:4:11  province  警告：所属省份记为“原文未提供”：网站上不写它（乡镇页面只写已知的地名，首页把所属县（市、区）未注明的乡镇列在一起）。知道的请照实填写",
        ]
      `);
  });

  it('a date written otherwise, a link that is none, a multi-year period the wrong way round', () => {
    expect(problemsAfter(`${REPORT}/report.yaml`, (t) => t
      .replace('publishedAt: 2023-07-10 09:30', 'publishedAt: 2023年7月10日')
      .replace('writtenOn: 2023-07-01', 'writtenOn: 未知')
      .replace('sourceUrl: https://example.org/source.html', 'sourceUrl: 见附件')
      .replace('  kind: half\n  number: 1', '  kind: year\n  from: 2025'))).toMatchInlineSnapshot(`
        [
          "content/reports/testtown-2023-h1/report.yaml:7:9  period.from  错误：多年回顾的起始年份：多年回顾要写 kind: year，from（起始年份）要早于 year（结束年份），如 from: 2016、year: 2020",
          "content/reports/testtown-2023-h1/report.yaml:11:12  writtenOn  错误：成文日期：日期格式应为 YYYY-MM-DD，例如 2022-07-04；原文没有的填 原文未提供",
          "content/reports/testtown-2023-h1/report.yaml:12:14  publishedAt  错误：发布日期和时间：日期时间格式应为 YYYY-MM-DD HH:MM，例如 2022-07-29 17:02；原文只写了日期时写 YYYY-MM-DD；原文没有的填 原文未提供",
          "content/reports/testtown-2023-h1/report.yaml:14:12  sourceUrl  错误：原文链接：应为 http:// 或 https:// 开头的网址；原文没有的填 原文未提供",
        ]
      `);
  });

  it('a publication date given without a time of day, before the meeting the report was given at', () => {
    expect(problemsAfter(`${REPORT}/report.yaml`, (t) => t
      .replace('writtenOn: 2023-07-01', 'writtenOn: 原文未提供\nmeeting: { name: 测试镇第一届人民代表大会第一次会议, date: 2023-07-12 }')
      .replace('publishedAt: 2023-07-10 09:30', 'publishedAt: 2023-07-10'))).toMatchInlineSnapshot(`
        [
          "content/reports/testtown-2023-h1/report.yaml:11:12  writtenOn  警告：成文日期记为“原文未提供”，页面上照此注明。原发布页面上有这一项的，请照原文填写",
          "content/reports/testtown-2023-h1/report.yaml:13:14  publishedAt  错误：发布日期 2023-07-10 早于会议日期 2023-07-12：会议日期应不晚于发布日期",
        ]
      `);
  });
});
