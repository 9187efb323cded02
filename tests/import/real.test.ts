/**
 * The importer on real published report texts (tests/import/real/, issue 13): the corpus is well-formed
 * and the measurement of bench/import-real.ts (run here in-process, with loadContent + hasErrors standing
 * for `node scripts/check.ts`) is not worse than the baseline measured when the corpus was built.
 *
 * The baseline is not a target. The target of the importer work (90% precision and 95% recall on the
 * holdout texts) is deliberately NOT asserted. When the importer gets better, raise the numbers in
 * BASELINE (never lower them), and measure the holdout texts without reading them while changing rules.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureAll, realTexts, REAL_DIR, sourceRows, splitOf, totals, type TextResult } from '../../bench/import-real.ts';

/** The 13 texts the split was drawn over (bench/import-real.ts, splitOf); their split never changes. */
const FIRST_CORPUS = [
  'baiyang-2022-annual', 'fengming-2024-annual', 'longfu-2018-q1', 'pinghu-2022-annual', 'puxieshi-2020-annual',
  'qingjiang-2022-annual', 'shagou-2020-annual', 'wuzhen-2016-annual', 'xinan-2025-annual', 'xingsha-2021-annual',
  'zhengguo-2023-annual', 'zhongdu-2025-h1', 'zhongshan-2023-h1',
];

/**
 * First measured on 2026-11-30 before any change for these texts (then 89.5% precision, 88.0% recall, 82
 * invented values); raised after the issue-13 importer work to what it reaches: facts correct / drafted /
 * expected, source numbers covered / counted, drafted values not in the source. wuzhen's expected count
 * grew by 3 facts when the expected files gained ratios (2026-12: ratio and from.ratio).
 */
const BASELINE: Record<string, { correct: number; drafted: number; expected: number; covered: number; numbers: number; invented: number }> = {
  'fengming-2024-annual': { correct: 19, drafted: 19, expected: 19, covered: 7, numbers: 7, invented: 0 },
  'longfu-2018-q1': { correct: 17, drafted: 18, expected: 18, covered: 6, numbers: 6, invented: 0 },
  'pinghu-2022-annual': { correct: 47, drafted: 49, expected: 52, covered: 19, numbers: 20, invented: 0 },
  'qingjiang-2022-annual': { correct: 60, drafted: 61, expected: 61, covered: 24, numbers: 24, invented: 0 },
  'shagou-2020-annual': { correct: 15, drafted: 15, expected: 15, covered: 7, numbers: 7, invented: 0 },
  'zhongdu-2025-h1': { correct: 59, drafted: 63, expected: 63, covered: 23, numbers: 23, invented: 0 },
  'baiyang-2022-annual': { correct: 63, drafted: 66, expected: 69, covered: 24, numbers: 24, invented: 0 },
  'puxieshi-2020-annual': { correct: 45, drafted: 51, expected: 48, covered: 17, numbers: 17, invented: 0 },
  'wuzhen-2016-annual': { correct: 25, drafted: 25, expected: 25, covered: 16, numbers: 16, invented: 0 },
  'xinan-2025-annual': { correct: 39, drafted: 48, expected: 48, covered: 16, numbers: 16, invented: 0 },
  'xingsha-2021-annual': { correct: 48, drafted: 51, expected: 54, covered: 17, numbers: 18, invented: 0 },
  'zhengguo-2023-annual': { correct: 23, drafted: 23, expected: 23, covered: 11, numbers: 11, invented: 0 },
  'zhongshan-2023-h1': { correct: 26, drafted: 28, expected: 31, covered: 10, numbers: 11, invented: 0 },
};
/**
 * The content check, exit 0 with warnings being a pass. `passed`: the content folder with the draft (the
 * report folder and the draft town file), as drafted: what the text does not give is 原文未提供 (a located
 * warning, in the town file too: county, prefecture, province), every guess a `# 待核对` warning.
 * `reportPassed`: no error in the draft's report folder. `filled`: passes once any `待填写` is filled.
 */
const BASELINE_CHECK = { passed: 13, reportPassed: 13, filled: 13 };
/** Drafted title / period equal to the expected one. */
const BASELINE_REPORT = { titles: 11, periods: 13 };
/** Drafted values the source does not give (import day, example.invalid, 待补充…): none. */
const MAX_INVENTED = 0;

const texts = realTexts();
const rows = sourceRows();

describe('the real-text corpus is well-formed', () => {
  it('every text has an expected file and a SOURCES.md row, and every row a text', () => {
    expect(texts.length).toBeGreaterThanOrEqual(FIRST_CORPUS.length);
    for (const t of texts) {
      expect(t.expected, `${t.slug}.expected.yaml`).toBeDefined();
      expect(t.row, `SOURCES.md row for ${t.slug}`).toBeDefined();
    }
    expect(rows.map((r) => r.slug).sort()).toEqual(texts.map((t) => t.slug));
    for (const r of rows) {
      expect(['tune', 'holdout']).toContain(r.split);
      expect(r.url).toMatch(/^https?:\/\//u);
    }
  });

  it('the split is the one drawn before the first measurement, and SOURCES.md says so', () => {
    const drawn = splitOf(FIRST_CORPUS);
    for (const slug of FIRST_CORPUS) expect(rows.find((r) => r.slug === slug)?.split, slug).toBe(drawn.get(slug));
    expect([...drawn.values()].filter((s) => s === 'tune')).toHaveLength(6);
  });

  it('expected files: an id, the body ends found in the text, figures with a name and a value, growth, rank or ratio', () => {
    const squash = (s: string) => s.replace(/\s+/gu, '');
    for (const t of texts) {
      const source = squash(readFileSync(t.source, 'utf8'));
      expect(t.expected.id, t.slug).toBe(t.slug);
      expect(source.includes(squash(t.expected.body.first)), `${t.slug} body.first`).toBe(true);
      expect(source.includes(squash(t.expected.body.last)), `${t.slug} body.last`).toBe(true);
      expect(t.expected.figures.length, t.slug).toBeGreaterThan(0);
      for (const f of t.expected.figures) {
        expect(typeof f.name, `${t.slug} ${JSON.stringify(f)}`).toBe('string');
        expect(f.value !== undefined || f.growth !== undefined || f.rank !== undefined || f.ratio !== undefined, `${t.slug} ${f.name}`).toBe(true);
        // A ratio as written (1:60:39), found in the text; from.ratio only beside a ratio.
        if (f.ratio !== undefined) expect(source.includes(f.ratio), `${t.slug} ${f.name}: ratio ${f.ratio} not in the text`).toBe(true);
        if (f.from?.ratio !== undefined) expect(f.ratio !== undefined && source.includes(f.from.ratio), `${t.slug} ${f.name}: from.ratio`).toBe(true);
        expect(f.value === undefined || typeof f.unit === 'string', `${t.slug} ${f.name}: value without unit`).toBe(true);
      }
    }
    expect(path.basename(REAL_DIR)).toBe('real');
  });
});

describe('measured on the real texts: not worse than the baseline', () => {
  const results: TextResult[] = measureAll();
  const all = totals(results);
  const split = (s: 'tune' | 'holdout') => totals(results.filter((r) => r.split === s));
  const show = (t: ReturnType<typeof totals>) => `precision ${(t.precision * 100).toFixed(1)}%, recall ${(t.recall * 100).toFixed(1)}%, check ${t.checkPassed}/${t.texts} (report folder ${t.reportPassed}/${t.texts}, ${t.checkFilledPassed}/${t.texts} once 待填写 is filled), numbers ${(t.coverage * 100).toFixed(1)}%, invented ${t.invented}, to fill ${t.toFill}`;
  console.log(`real texts — tune: ${show(split('tune'))}; holdout: ${show(split('holdout'))}; all: ${show(all)}`);

  for (const r of results) {
    const base = BASELINE[r.slug];
    it(`${r.slug} (${r.split}): precision, recall, numbers in the draft, invented values`, () => {
      expect(r.error).toBeUndefined();
      if (!base) return; // a text added after the baseline: measured, not yet held to a number
      expect(r.score.precision).toBeGreaterThanOrEqual(base.correct / base.drafted - 1e-9);
      expect(r.score.recall).toBeGreaterThanOrEqual(base.correct / base.expected - 1e-9);
      expect(r.numbers.total).toBe(base.numbers);
      expect(r.numbers.covered).toBeGreaterThanOrEqual(base.covered);
      expect(r.invented.length).toBeLessThanOrEqual(base.invented);
    });
  }

  it('totals per split and over all texts', () => {
    const baseTotals = (slugs: string[]) => {
      const b = slugs.map((s) => BASELINE[s]!);
      const sum = (f: (x: (typeof b)[number]) => number) => b.reduce((n, x) => n + f(x), 0);
      return { precision: sum((x) => x.correct) / sum((x) => x.drafted), recall: sum((x) => x.correct) / sum((x) => x.expected), coverage: sum((x) => x.covered) / sum((x) => x.numbers) };
    };
    for (const s of ['tune', 'holdout'] as const) {
      const slugs = FIRST_CORPUS.filter((slug) => splitOf(FIRST_CORPUS).get(slug) === s);
      const measured = totals(results.filter((r) => slugs.includes(r.slug)));
      const base = baseTotals(slugs);
      expect(measured.precision, `${s} precision`).toBeGreaterThanOrEqual(base.precision - 1e-9);
      expect(measured.recall, `${s} recall`).toBeGreaterThanOrEqual(base.recall - 1e-9);
      expect(measured.coverage, `${s} numbers`).toBeGreaterThanOrEqual(base.coverage - 1e-9);
    }
    const first = totals(results.filter((r) => FIRST_CORPUS.includes(r.slug)));
    expect(first.checkPassed).toBe(BASELINE_CHECK.passed);
    expect(first.checkFilledPassed).toBe(BASELINE_CHECK.filled);
    expect(first.reportPassed).toBe(BASELINE_CHECK.reportPassed);
    for (const r of results) expect(r.check.errors, r.slug).toEqual([]);
    expect(first.invented).toBeLessThanOrEqual(MAX_INVENTED);
    for (const r of results) expect(r.check.errors.filter((e) => !e.includes('待填写')), r.slug).toEqual([]);
    expect(first.titles).toBeGreaterThanOrEqual(BASELINE_REPORT.titles);
    expect(first.periods).toBeGreaterThanOrEqual(BASELINE_REPORT.periods);
  });
});
