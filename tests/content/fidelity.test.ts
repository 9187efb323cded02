/**
 * Fidelity of the first report to its source: the narrative keeps every character of the published
 * text, every number of the text is captured as structured data (and found where the text says it),
 * lower bounds stay lower bounds, and the report's self-contradictory 拆整 figures are kept as stated.
 *
 * The source is a byte-for-byte copy of the page text as published (tests/content/sources/), so the
 * test does not depend on anything outside the repository.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, type Report } from '../../src/model/load.ts';
import { flattenNarrative } from '../../src/model/narrative.ts';
import { chineseNumber } from '../../src/model/period.ts';
import type { Figure } from '../../src/schemas/common.ts';

const REPORT_ID = 'nantang-2022-h1';
const SOURCE_FILE = path.resolve('tests/content/sources/nantang-2022-h1.txt');
const CONTENT_DIR = path.resolve('content');

/** Removes all whitespace, including the no-break spaces (U+00A0) the portal indents with. */
const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/gu, '');

/** A number written in digits, as the report writes them: 12339, 4.91, 1 and 5 of 1-5月份. */
const DIGITS = /\d+(?:\.\d+)?/g;

// ---------------------------------------------------------------------------------------------
// The source text

const sourceLines = readFileSync(SOURCE_FILE, 'utf8').split(/\r?\n/);
const bodyStart = sourceLines.findIndex((l) => squash(l) === '一、2022年上半年工作总结');
const bodyEnd = sourceLines.findIndex((l) => l.startsWith('图片解读'));
const publishedLine = sourceLines.findIndex((l) => l.trim().startsWith('发布日期'));
/** The body from 一、2022年上半年工作总结 up to (not including) the 图片解读 line, whitespace removed. */
const body = squash(sourceLines.slice(bodyStart, bodyEnd).join('\n'));
const interpretationLine = (sourceLines[bodyEnd] ?? '').trim();
/** The title: the last non-empty line above 发布日期. */
const titleLine = (sourceLines.slice(0, Math.max(publishedLine, 0)).findLast((l) => l.trim() !== '') ?? '').trim();

/** The sentence (between 。 ; ；) around a position of the body, for messages. */
function sentenceAt(position: number): string {
  const isStop = (c: string | undefined) => c === '。' || c === ';' || c === '；';
  let from = position;
  while (from > 0 && !isStop(body[from - 1])) from--;
  let to = position;
  while (to < body.length && !isStop(body[to])) to++;
  return body.slice(from, Math.min(to + 1, body.length));
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return '';
  return `第 ${i} 个字起不同：正文 narrative.md “${a.slice(Math.max(0, i - 15), i + 15)}”，原文 “${b.slice(Math.max(0, i - 15), i + 15)}”`;
}

// ---------------------------------------------------------------------------------------------
// The content

const loaded = loadContent(CONTENT_DIR);

function getReport(): Report {
  const report = loaded.content?.reports.find((r) => r.id === REPORT_ID);
  if (!report) {
    const errors = loaded.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line} ${p.field} ${p.message}`);
    throw new Error(`报告 ${REPORT_ID} 未能加载：\n${errors.join('\n')}`);
  }
  return report;
}

/**
 * One structured item that claims numbers of the text: its quote says where (searched only inside
 * the narrative point it names), its numbers and texts say what it captured.
 */
interface Claim {
  /** Where the item is, for messages: figures.yaml epidemic-data-handled */
  label: string;
  point: string;
  quote: string;
  /** Numeric fields: value, growth, rank position, progress, target values, the report's year. */
  numbers: number[];
  /** Text fields whose digits count: name, title, period, milestone text and date. */
  texts: string[];
  bound?: string | undefined;
  rank?: Figure['rank'];
}

function figureClaim(file: string, f: Figure): Claim {
  return {
    label: `${file} ${f.id}`,
    point: f.point,
    quote: f.quote,
    numbers: [f.value, f.growth && Math.abs(f.growth.value), f.rank?.position].filter((n): n is number => n !== undefined),
    texts: [f.name, f.period].filter((t): t is string => t !== undefined),
    bound: f.bound,
    rank: f.rank,
  };
}

function claimsOf(report: Report): Claim[] {
  const claims: Claim[] = [];
  const s1 = report.narrative.parts[0];
  // The part heading 一、2022年上半年工作总结 states the report's own period (report.yaml period).
  if (s1) {
    claims.push({ label: 'report.yaml period', point: s1.id, quote: s1.heading, numbers: [report.meta.period.year], texts: [] });
  }
  for (const f of report.indicators) claims.push(figureClaim('indicators.yaml', f));
  for (const f of report.figures) claims.push(figureClaim('figures.yaml', f));
  for (const p of report.projects) {
    claims.push({ label: `projects.yaml ${p.id}`, point: p.point, quote: p.quote, numbers: [], texts: [p.name] });
    const g = p.progress;
    if (g) {
      claims.push({
        label: `projects.yaml ${p.id}.progress`,
        point: p.point,
        quote: g.quote,
        numbers: [g.done?.value, g.total?.value, g.rate].filter((n): n is number => n !== undefined),
        texts: [g.period, g.rateName].filter((t): t is string => t !== undefined),
        bound: g.done?.bound,
      });
    }
    p.milestones.forEach((m, i) =>
      claims.push({
        label: `projects.yaml ${p.id}.milestones.${i}`,
        point: p.point,
        quote: m.quote,
        numbers: [],
        texts: [m.text, m.date].filter((t): t is string => t !== undefined),
      }),
    );
    for (const f of p.figures) claims.push(figureClaim(`projects.yaml ${p.id}.figures`, f));
  }
  for (const item of report.plan) {
    claims.push({
      label: `plan.yaml ${item.id}`,
      point: item.point,
      quote: item.quote,
      numbers: item.targets.map((t) => t.value).filter((n): n is number => n !== undefined),
      texts: [item.title],
    });
  }
  return claims;
}

/** The span of the body each narrative point covers, itself and everything under it. */
function pointRanges(report: Report): Map<string, [number, number]> {
  const nodes = flattenNarrative(report.narrative);
  const starts: number[] = [];
  let offset = 0;
  for (const n of nodes) {
    starts.push(offset);
    offset += squash(`${n.heading}${n.body}`).length;
  }
  const ranges = new Map<string, [number, number]>();
  nodes.forEach((n, i) => {
    let j = i + 1;
    while (j < nodes.length && nodes[j]!.id.startsWith(`${n.id}-`)) j++;
    ranges.set(n.id, [starts[i]!, j < nodes.length ? starts[j]! : offset]);
  });
  return ranges;
}

/** Where a claim's quote occurs in the body, inside the point it names. */
function quoteSpans(claim: Claim, ranges: Map<string, [number, number]>): [number, number][] {
  const range = ranges.get(claim.point);
  if (!range) return [];
  const q = squash(claim.quote);
  const spans: [number, number][] = [];
  for (let at = body.indexOf(q, range[0]); at !== -1 && at + q.length <= range[1]; at = body.indexOf(q, at + 1)) {
    spans.push([at, at + q.length]);
  }
  return spans;
}

/** Does the claim capture the number written at `position` (as `written`, meaning `value`)? */
function captures(claim: Claim, spans: [number, number][], position: number, written: string, value: number): boolean {
  if (!spans.some(([from, to]) => from <= position && position + written.length <= to)) return false;
  if (claim.numbers.includes(value)) return true;
  return claim.texts.some((t) => [...t.matchAll(DIGITS)].some((m) => m[0] === written));
}

// ---------------------------------------------------------------------------------------------

describe(`${REPORT_ID}: 正文与原文一致`, () => {
  it('找到了原文的正文、标题和图片解读行', () => {
    expect(bodyStart).toBeGreaterThan(0);
    expect(bodyEnd).toBeGreaterThan(bodyStart);
    expect(body.length).toBeGreaterThan(2000);
  });

  it('narrative.md 逐字保留原文正文（只去掉空白）', () => {
    const report = getReport();
    expect(report.narrative.preamble, '正文第一个标题之前不应有文字').toBe('');
    const narrative = squash(
      flattenNarrative(report.narrative)
        .map((n) => `${n.heading}${n.body}`)
        .join(''),
    );
    expect(firstDifference(narrative, body), '正文与原文不一致').toBe('');
    expect(narrative).toBe(body);
  });

  it('report.yaml 的标题和图片解读与原文一致', () => {
    const { meta } = getReport();
    expect(titleLine).toBe('南塘镇2022年上半年工作总结及下半年工作思路');
    expect(meta.title).toBe(titleLine);
    expect(meta.interpretation).toBe(interpretationLine);
  });

  it('计划事项的 text 是原文的连续摘录', () => {
    const notVerbatim = getReport()
      .plan.filter((item) => !body.includes(squash(item.text)))
      .map((item) => `plan.yaml ${item.id}: ${item.text}`);
    expect(notVerbatim).toEqual([]);
  });
});

describe(`${REPORT_ID}: 原文的每个数字都有结构化数据`, () => {
  it('每条摘录都出现在它所标的小节中', () => {
    const report = getReport();
    const ranges = pointRanges(report);
    const misplaced = claimsOf(report)
      .filter((c) => quoteSpans(c, ranges).length === 0)
      .map((c) => `${c.label}: 摘录“${c.quote}”不在小节 ${c.point} 中`);
    expect(misplaced).toEqual([]);
  });

  it('每个阿拉伯数字都被某一项的摘录覆盖，且该项的字段中有这个数', () => {
    const report = getReport();
    const ranges = pointRanges(report);
    const claims = claimsOf(report).map((c) => ({ claim: c, spans: quoteSpans(c, ranges) }));
    const occurrences = [...body.matchAll(DIGITS)];
    expect(occurrences.length).toBeGreaterThan(60);
    const missing: string[] = [];
    for (const m of occurrences) {
      const position = m.index;
      const written = m[0];
      if (!claims.some(({ claim, spans }) => captures(claim, spans, position, written, Number(written)))) {
        missing.push(`数字 ${written} 没有对应的结构化数据，原句：${sentenceAt(position)}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('用汉字写的名次和个数也被捕获：排名第四、两个村', () => {
    const report = getReport();
    const ranges = pointRanges(report);
    const claims = claimsOf(report).map((c) => ({ claim: c, spans: quoteSpans(c, ranges) }));
    const patterns: [RegExp, (m: RegExpMatchArray) => number | undefined][] = [
      [/排名第([一二三四五六七八九十]+)/g, (m) => chineseNumber(m[1]!)],
      [/(两|[一二三四五六七八九十]+)个村/g, (m) => (m[1] === '两' ? 2 : chineseNumber(m[1]!))],
    ];
    const missing: string[] = [];
    let found = 0;
    for (const [pattern, read] of patterns) {
      for (const m of body.matchAll(pattern)) {
        found++;
        const value = read(m);
        const position = m.index + m[0].indexOf(m[1]!);
        if (value === undefined || !claims.some(({ claim, spans }) => captures(claim, spans, position, m[1]!, value))) {
          missing.push(`“${m[0]}”（${value}）没有对应的结构化数据，原句：${sentenceAt(position)}`);
        }
      }
    }
    expect(found).toBeGreaterThanOrEqual(2);
    expect(missing).toEqual([]);
  });

  it('“全市排名第四”是首剂覆盖率的名次 4（全市）', () => {
    const report = getReport();
    const ranked = [...report.indicators, ...report.figures].filter((f) => f.rank?.written.includes('第四'));
    expect(ranked).toHaveLength(1);
    expect(ranked[0]!.rank).toMatchObject({ position: 4, scope: '全市', written: '全市排名第四' });
    expect(ranked[0]!.value).toBe(92.71);
    expect(body).toContain(squash(ranked[0]!.quote));
  });
});

describe(`${REPORT_ID}: 约数仍是下限`, () => {
  it('500余人次、800多人 记为 bound 余 / 多', () => {
    const figures = getReport().figures;
    expect(figures.find((f) => f.value === 500 && f.unit === '人次')?.bound).toBe('余');
    expect(figures.find((f) => f.value === 800 && f.unit === '人')?.bound).toBe('多');
  });

  it('原文每个“N余”“N多”都由带相同 bound 的数字捕获', () => {
    const report = getReport();
    const ranges = pointRanges(report);
    const claims = claimsOf(report).map((c) => ({ claim: c, spans: quoteSpans(c, ranges) }));
    const occurrences = [...body.matchAll(/(\d+(?:\.\d+)?)(余|多)/g)];
    expect(occurrences.length).toBe(2);
    const wrong = occurrences
      .filter(
        (m) =>
          !claims.some(
            ({ claim, spans }) => claim.bound === m[2] && captures(claim, spans, m.index, m[1]!, Number(m[1])),
          ),
      )
      .map((m) => `“${m[0]}”应记为 bound: ${m[2]}，原句：${sentenceAt(m.index)}`);
    expect(wrong).toEqual([]);
  });
});

describe(`${REPORT_ID}: 原文自相矛盾的拆整数字照原文保存`, () => {
  it('拆整 817 处、点位 872 处、拆整率 97.19% 照原文保存', () => {
    const project = getReport().projects.find((p) => p.progress?.rateName === '拆整率');
    expect(project?.progress).toMatchObject({
      done: { value: 817, unit: '处' },
      total: { value: 872, unit: '处' },
      rate: 97.19,
      period: '截至6月底',
    });
  });

  it('加载时恰有一条警告，就是 817/872 与 97.19% 不一致', () => {
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const warnings = loaded.problems.filter((p) => p.severity === 'warning' && p.file.startsWith(`content/reports/${REPORT_ID}/`));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('817/872');
    expect(warnings[0]!.message).toContain('97.19');
    expect(warnings[0]!.file).toBe(`content/reports/${REPORT_ID}/projects.yaml`);
  });
});
