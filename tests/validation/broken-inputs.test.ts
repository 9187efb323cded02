/**
 * The editor's path: one broken input of each kind, applied to a small fixture report, must come back
 * as a located Chinese message. The texts are pinned: a message an editor sees cannot change by accident.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/model/load.ts';
import { formatProblem } from '../../src/validation/problem.ts';

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
        "content/reports/testtown-2023-h1/indicators.yaml:3:1  -  错误：YAML 格式错误：缺少配对的符号（如引号、括号）（Sequence item without - indicator at line 3, column 1:）",
        "content/reports/testtown-2023-h1/indicators.yaml:3:4  -  错误：YAML 格式错误：字段名不能跨行：可能少了冒号或缩进不对（Implicit keys need to be on a single line at line 3, column 4:）",
        "content/reports/testtown-2023-h1/indicators.yaml:4:12  -  错误：YAML 格式错误：字段写法不对：冒号后面的内容换行了，或缩进不对（Nested mappings are not allowed in compact mappings at line 4, column 12:）",
        "content/reports/testtown-2023-h1/indicators.yaml:4:12  -  错误：YAML 格式错误：字段名不能跨行：可能少了冒号或缩进不对（Implicit keys need to be on a single line at line 4, column 12:）",
        "content/reports/testtown-2023-h1/indicators.yaml:5:13  -  错误：YAML 格式错误：字段写法不对：冒号后面的内容换行了，或缩进不对（Nested mappings are not allowed in compact mappings at line 5, column 13:）",
        "content/reports/testtown-2023-h1/indicators.yaml:5:13  -  错误：YAML 格式错误：字段名不能跨行：可能少了冒号或缩进不对（Implicit keys need to be on a single line at line 5, column 13:）",
        "content/reports/testtown-2023-h1/indicators.yaml:6:12  -  错误：YAML 格式错误：字段写法不对：冒号后面的内容换行了，或缩进不对（Nested mappings are not allowed in compact mappings at line 6, column 12:）",
        "content/reports/testtown-2023-h1/indicators.yaml:6:12  -  错误：YAML 格式错误：字段名不能跨行：可能少了冒号或缩进不对（Implicit keys need to be on a single line at line 6, column 12:）",
        "content/reports/testtown-2023-h1/indicators.yaml:7:11  -  错误：YAML 格式错误：字段写法不对：冒号后面的内容换行了，或缩进不对（Nested mappings are not allowed in compact mappings at line 7, column 11:）",
        "content/reports/testtown-2023-h1/indicators.yaml:7:11  -  错误：YAML 格式错误：字段名不能跨行：可能少了冒号或缩进不对（Implicit keys need to be on a single line at line 7, column 11:）",
        "content/reports/testtown-2023-h1/indicators.yaml:9:1  -  错误：YAML 格式错误：缩进不对齐：同一层的字段要用相同数量的空格缩进（All mapping items must start at the same column at line 9, column 1:）",
        "content/reports/testtown-2023-h1/indicators.yaml:10:1  -  错误：YAML 格式错误：缩进不对齐：同一层的字段要用相同数量的空格缩进（All mapping items must start at the same column at line 10, column 1:）",
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

  it('unknown key, with the field probably meant', () => {
    expect(problemsAfter(`${REPORT}/indicators.yaml`, (t) => t.replace('value: 3.5', 'vaule: 3.5'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/indicators.yaml:6:5  indicators.0.vaule  错误：未知字段“vaule”，是不是想写“value”？这里可以用的字段：id、name、point、period、value、unit、bound、impliedUnit、growth、rank、highlight、quote",
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
    expect(problemsAfter(`${REPORT}/projects.yaml`, (t) => t.replace('rate: 90', 'rate: 190'))).toMatchInlineSnapshot(`
      [
        "content/reports/testtown-2023-h1/projects.yaml:10:13  projects.0.progress.rate  错误：原文写明的完成率（%）：应不大于 100，实际是 190",
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
        "content/reports/testtown-2023-h1/indicators.yaml:4:12  indicators.0.point  错误：正文中没有编号为“s1-9”的小节；可用的编号：s1、s1-1、s1-1-1、s2、s2-1",
        "content/reports/testtown-2023-h1/indicators.yaml:5:13  indicators.0.period  错误：无法识别的时期写法“前半段”：可以写 1-5月份、截至6月底、3月底、第一季度、4月份、上半年、今年以来",
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
        "content/reports/testtown-2023-h1/indicators.yaml:6:12  indicators.0.value  错误：数值：百分比应在 0 到 100 之间",
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
