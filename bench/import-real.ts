/**
 * `npx node bench/import-real.ts`: the importer on real published report texts (issue 13).
 *
 * The corpus is tests/import/real/: excerpts of reports that town and street governments published, each
 * with figures recorded by hand in <slug>.expected.yaml and a row in SOURCES.md (URL, province, kind and
 * split). The split is fixed (splitOf below): the importer may be tuned on the `tune` texts; the `holdout`
 * texts are only measured. For each text this imports the source into a throw-away content folder, as
 * `npm run import` does, and measures:
 *
 * - precision and recall of figure facts against the expected figures, scored exactly as
 *   tests/import/quality.test.ts scores the fictional fixtures (tests/import/support.ts: name, value,
 *   unit, growth and rank are separate facts; totals add facts over texts, they do not average percentages);
 * - whether the content folder with the draft passes the content check: `node scripts/check.ts` with
 *   CONTENT_DIR pointing at it (the bench runs the script; the vitest file calls loadContent + hasErrors,
 *   which is all the script does);
 * - number coverage: the share of the source's numbers (sourceNumbers below) found among the numbers the
 *   draft holds as structured data (numbers in indicators, figures, projects, plan and outcomes YAML), each
 *   drafted number standing for one occurrence; the number of a threshold in a drafted name
 *   (年收入10万元以上的村) counts as held (thresholdNumbers);
 * - drafted values absent from the source: numbers the source does not state (statesNumber, as the
 *   importer's own no-invention test uses), dates and times it does not give (the import day,
 *   00:00), URLs it does not contain, and placeholders that pass the check (待补充…);
 * - fields left to fill: `待填写` where the text does not give a value the content model requires
 *   (npm run check reports each as an error, so none can be published unfilled); and whether the draft
 *   passes the check once those are filled (stand-in values, src/import/standins.ts).
 *
 * Results: printed, and written to bench/results/import-real.md and import-real.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { withStandIns } from '../src/import/standins.ts';
import { statesNumber } from '../src/model/format.ts';
import { loadContent } from '../src/model/load.ts';
import { formatProblem, hasErrors } from '../src/validation/problem.ts';
import { contentDir, describeScore, factsOfReport, importInto, percent, score, type Expected, type Score } from '../tests/import/support.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REAL_DIR = path.join(root, 'tests/import/real');

// ---------------------------------------------------------------------------------------------------
// The corpus and its split

export type Split = 'tune' | 'holdout';

/** mulberry32: a small seeded generator, so that the split can be recomputed anywhere. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The split as chosen before the first measurement: the slugs sorted, shuffled (Fisher–Yates, mulberry32
 * seeded with 13, the issue number), the first ⌊n/2⌋ tune, the rest holdout. Computed over the 13 texts
 * of the first corpus; texts added later must be given a split in SOURCES.md by hand (never moving one).
 */
export function splitOf(slugs: string[], seed = 13): Map<string, Split> {
  const shuffled = [...slugs].sort();
  const random = mulberry32(seed);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const half = Math.floor(shuffled.length / 2);
  return new Map(shuffled.map((slug, i) => [slug, i < half ? 'tune' : 'holdout']));
}

export interface SourceRow {
  slug: string;
  province: string;
  town: string;
  kind: string;
  year: string;
  url: string;
  extent: string;
  split: Split;
}

/** The rows of the table in SOURCES.md (the lines that start with `| <slug> |`). */
export function sourceRows(): SourceRow[] {
  const text = readFileSync(path.join(REAL_DIR, 'SOURCES.md'), 'utf8');
  return text
    .split('\n')
    .filter((line) => /^\| [a-z]+-\d{4}-[a-z0-9]+ \|/u.test(line))
    .map((line) => {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      const [slug, province, town, kind, year, url, , , extent, split] = cells as string[];
      return { slug: slug!, province: province!, town: town!, kind: kind!, year: year!, url: url!, extent: extent!, split: split as Split };
    });
}

export interface RealText {
  slug: string;
  source: string;
  expected: Expected;
  row: SourceRow | undefined;
}

export function realTexts(): RealText[] {
  const rows = new Map(sourceRows().map((r) => [r.slug, r]));
  return readdirSync(REAL_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const slug = f.replace(/\.txt$/u, '');
      const expectedFile = path.join(REAL_DIR, `${slug}.expected.yaml`);
      const expected = (existsSync(expectedFile) ? parse(readFileSync(expectedFile, 'utf8')) : undefined) as Expected;
      return { slug, source: path.join(REAL_DIR, f), expected, row: rows.get(slug) };
    });
}

// ---------------------------------------------------------------------------------------------------
// The numbers of a source

/**
 * Spans that hold digits but no figure; their digits are not counted as the source's numbers:
 * - names in quotes (“125”工程, “奋战1161、奋进2020”, “1310”, “7+X”) and digits joined to Latin letters
 *   (3A景区, 3C, G60);
 * - identifiers such as index numbers (001008003001085/2021-30196);
 * - dates and times: 2021-01-28, 17:22 (not the 9.6:41.7:48.7 of a ratio), 2025年1月14日, 4月26日, 3·5 (a date in the 3·5疫情 style), months
 *   and month ranges (1-5月, 11月底, 6月以来), days (15日), and years (2022年, “2022 年” with a space, 2023年度);
 * - ages that define a group (60岁以上, 3-11岁);
 * - section numbers: a number at the start of a line followed by . or 、, and (1)/（1）;
 * - page residue: 第1页共1页.
 * What is left is every Arabic-digit number of the text: counts, amounts, rates, growth, ranks written in
 * digits, and also durations (5天, 14天) and numbers that are parts of a figure's name (10万元以上的村).
 */
const NOT_FIGURES: RegExp[] = [
  /“[^”\n]{0,20}”/gu,
  /[0-9A-Za-z]*\d[0-9A-Za-z]*\/\d{4}-\d+/gu,
  /[A-Za-z]+\d+|\d+[A-Za-z]+|\d+\+[A-Za-z]/gu,
  /\d{4}-\d{1,2}-\d{1,2}/gu,
  /(?<![\d.:])\d{1,2}:\d{2}(?![\d.:])/gu,
  /\d+·\d+/gu,
  /(?:19|20)\d{2}\s*年(?:度)?(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?/gu,
  /\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月/gu,
  /\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?/gu,
  /\d{1,2}\s*[日号]/gu,
  /\d+(?:\s*[-—~]\s*\d+)?\s*岁/gu,
  /^\s*\d+\s*[.、．](?!\d)/gmu,
  /[(（]\d+[)）]/gu,
  /第\s*\d+\s*页\s*共\s*\d+\s*页/gu,
];

export function sourceNumbers(text: string): string[] {
  let masked = text;
  for (const pattern of NOT_FIGURES) masked = masked.replace(pattern, (m) => ' '.repeat(m.length));
  return [...masked.matchAll(/\d+(?:\.\d+)?/gu)].map((m) => m[0]);
}

type Yaml = unknown;

/**
 * The number of a threshold written in a name (年收入10万元以上的村(社区), 收入超过20万元的村): the importer
 * drafts the count after a threshold as the figure and keeps the threshold in its name, so the threshold's
 * number is held by the name. Only a number in this form counts; any other digit in a name does not.
 */
export function thresholdNumbers(name: string): number[] {
  const re = /(?:(?:超过|高于|低于|不足|不低于|不少于)\s*(\d+(?:\.\d+)?)\s*[万亿]?[\u4e00-\u9fa5]{0,2}的|(\d+(?:\.\d+)?)\s*[万亿]?[\u4e00-\u9fa5]{0,2}(?:以上|以下)的)/gu;
  return [...name.matchAll(re)].map((m) => Number(m[1] ?? m[2]));
}

/**
 * Every number of the YAML, and the terms of a ratio (ratio: '1:60:39', from: { ratio: '2:66:32' }), a
 * field of numbers as written, and the number of a threshold in a name (thresholdNumbers).
 */
function numbersIn(value: Yaml, key?: string): number[] {
  if (typeof value === 'number') return [value];
  if (typeof value === 'string' && key === 'name') return thresholdNumbers(value);
  if (typeof value === 'string' && key === 'ratio') return value.split(/[:：]/u).map(Number).filter(Number.isFinite);
  if (Array.isArray(value)) return value.flatMap((v) => numbersIn(v));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbersIn(v, k));
  return [];
}

/** Numbers the draft holds as structured data: every number in the YAML of figures, projects and plans. */
const DATA_FILES = ['indicators.yaml', 'figures.yaml', 'projects.yaml', 'plan.yaml', 'outcomes.yaml'];

function draftedNumbers(reportDir: string): number[] {
  return DATA_FILES.filter((f) => existsSync(path.join(reportDir, f))).flatMap((f) => numbersIn(parse(readFileSync(path.join(reportDir, f), 'utf8'))));
}

/** How many of the source's numbers the draft holds (each drafted number covers one occurrence). */
function coverage(tokens: string[], drafted: number[]): { covered: number; missing: string[] } {
  const pool = new Map<number, number>();
  for (const n of drafted) pool.set(Math.abs(n), (pool.get(Math.abs(n)) ?? 0) + 1);
  const missing: string[] = [];
  let covered = 0;
  for (const token of tokens) {
    const n = Number(token);
    const left = pool.get(n) ?? 0;
    if (left > 0) {
      pool.set(n, left - 1);
      covered++;
    } else missing.push(token);
  }
  return { covered, missing };
}

// ---------------------------------------------------------------------------------------------------
// Drafted values the source does not give

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/gu, '');

function dateForms(date: string): string[] {
  const [y, m, d] = date.split('-').map(Number);
  return [date, `${y}年${m}月${d}日`, `${y}/${m}/${d}`, `${y}.${m}.${d}`, `${y}-${m}-${d}`];
}

/** Values of the draft the source does not contain, as `file: field.path = value (why)`. */
export function inventedValues(source: string, files: Record<string, Yaml>): string[] {
  const text = squash(source);
  const found: string[] = [];
  const walk = (value: Yaml, where: string): void => {
    if (typeof value === 'number') {
      if (!statesNumber(text, Math.abs(value))) found.push(`${where} = ${value} (number not in the source)`);
    } else if (typeof value === 'string') {
      const dated = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))?$/u.exec(value);
      if (dated) {
        if (!dateForms(dated[1]!).some((f) => text.includes(squash(f)))) found.push(`${where} = ${value} (date not in the source)`);
        else if (dated[2] && !text.includes(dated[2])) found.push(`${where} = ${value} (time not in the source)`);
      } else if (/^https?:\/\//u.test(value)) {
        if (!text.includes(value)) found.push(`${where} = ${value} (URL not in the source)`);
      } else if (/待补充/u.test(value)) found.push(`${where} = ${value} (placeholder)`);
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}.${i}`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, where ? `${where}.${k}` : k);
  };
  for (const [file, content] of Object.entries(files)) walk(content, `${file}:`);
  return found.map((f) => f.replace(':.', ': '));
}

/** Fields the draft leaves as `待填写` (the text does not give them), as `file: field.path`. */
export function fieldsToFill(files: Record<string, Yaml>): string[] {
  const found: string[] = [];
  const walk = (value: Yaml, where: string): void => {
    if (typeof value === 'string' && value.includes('待填写')) found.push(where);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}.${i}`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, where ? `${where}.${k}` : k);
  };
  for (const [file, content] of Object.entries(files)) walk(content, `${file}:`);
  return found.map((f) => f.replace(':.', ': '));
}

// ---------------------------------------------------------------------------------------------------
// Measuring

export interface TextResult {
  slug: string;
  split: Split | undefined;
  province: string;
  kind: string;
  /** Set when the importer refused the text (the draft then counts as empty). */
  error?: string;
  score: Score;
  check: { passed: boolean; errors: string[] };
  /** The report folder passes as drafted: no error in reports/<slug>/ (errors elsewhere are the town file's). */
  reportPassed: boolean;
  /**
   * The same check once the `待填写` fields (what the text does not give) are filled with stand-ins: shows
   * whether anything else in the draft is wrong.
   */
  checkFilled: { passed: boolean; errors: string[] };
  /** Fields drafted as `待填写`. */
  toFill: string[];
  /** The drafted title and period against the expected ones (undefined: the expected file gives no title). */
  title: boolean | undefined;
  period: boolean;
  numbers: { total: number; covered: number; missing: string[] };
  invented: string[];
}

export interface Totals {
  texts: number;
  correct: number;
  drafted: number;
  expected: number;
  precision: number;
  recall: number;
  checkPassed: number;
  reportPassed: number;
  checkFilledPassed: number;
  toFill: number;
  titles: number;
  titlesExpected: number;
  periods: number;
  numbers: number;
  covered: number;
  coverage: number;
  invented: number;
}

export function totals(results: TextResult[]): Totals {
  const sum = (f: (r: TextResult) => number) => results.reduce((s, r) => s + f(r), 0);
  const correct = sum((r) => r.score.correct);
  const drafted = sum((r) => r.score.drafted);
  const expected = sum((r) => r.score.expected);
  const numbers = sum((r) => r.numbers.total);
  const covered = sum((r) => r.numbers.covered);
  return {
    texts: results.length,
    correct,
    drafted,
    expected,
    precision: correct / Math.max(1, drafted),
    recall: correct / Math.max(1, expected),
    checkPassed: results.filter((r) => r.check.passed).length,
    reportPassed: results.filter((r) => r.reportPassed).length,
    checkFilledPassed: results.filter((r) => r.checkFilled.passed).length,
    toFill: sum((r) => r.toFill.length),
    titles: results.filter((r) => r.title === true).length,
    titlesExpected: results.filter((r) => r.title !== undefined).length,
    periods: results.filter((r) => r.period).length,
    numbers,
    covered,
    coverage: covered / Math.max(1, numbers),
    invented: sum((r) => r.invented.length),
  };
}

export interface MeasureOptions {
  /** Run `node scripts/check.ts` (as an editor does) instead of calling loadContent in this process. */
  spawnCheck?: boolean;
}

/** `node scripts/check.ts` with CONTENT_DIR=dir, or what it does (loadContent + hasErrors) in this process. */
function runCheck(dir: string, options: MeasureOptions): TextResult['check'] {
  if (options.spawnCheck) {
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/check.ts')], { cwd: root, env: { ...process.env, CONTENT_DIR: dir }, encoding: 'utf8' });
    const lines = `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => l.trim() && !l.startsWith('内容检查'));
    return { passed: run.status === 0, errors: run.status === 0 ? [] : lines.filter((l) => /错误/u.test(l)).map((l) => l.replace(dir, '<content>')) };
  }
  const { problems } = loadContent(dir, root);
  return { passed: !hasErrors(problems), errors: problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p).replace(dir, '<content>')) };
}

export function measureText(text: RealText, options: MeasureOptions = {}): TextResult {
  const dir = contentDir();
  const base = { slug: text.slug, split: text.row?.split, province: text.row?.province ?? '?', kind: text.row?.kind ?? '?' };
  try {
    let reportDir: string;
    let townFile: string | undefined;
    try {
      ({ reportDir, townFile } = importInto(dir, text.source, text.slug));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const tokens = sourceNumbers(readFileSync(text.source, 'utf8'));
      const failed = { passed: false, errors: [`import failed: ${message}`] };
      return { ...base, error: message, score: score([], text.expected.figures), check: failed, reportPassed: false, checkFilled: failed, toFill: [], title: false, period: false, numbers: { total: tokens.length, covered: 0, missing: tokens }, invented: [] };
    }
    const s = score(factsOfReport(reportDir), text.expected.figures);
    const check = runCheck(dir, options);
    const draftedReport = parse(readFileSync(path.join(reportDir, 'report.yaml'), 'utf8')) as Record<string, unknown>;
    const expectedReport = (text.expected.report ?? {}) as Record<string, unknown>;
    const title = expectedReport['title'] === undefined ? undefined : draftedReport['title'] === expectedReport['title'];
    const period = JSON.stringify(draftedReport['period']) === JSON.stringify(expectedReport['period']);
    const source = readFileSync(text.source, 'utf8');
    const tokens = sourceNumbers(source);
    const { covered, missing } = coverage(tokens, draftedNumbers(reportDir));
    const files: Record<string, Yaml> = {};
    for (const f of readdirSync(reportDir).filter((n) => n.endsWith('.yaml')).sort()) files[f] = parse(readFileSync(path.join(reportDir, f), 'utf8'));
    if (townFile) files[`towns/${path.basename(townFile)}`] = parse(readFileSync(townFile, 'utf8'));
    const toFill = fieldsToFill(files);
    let checkFilled = check;
    if (toFill.length > 0) {
      for (const f of [path.join(reportDir, 'report.yaml'), ...(townFile ? [townFile] : [])]) writeFileSync(f, withStandIns(readFileSync(f, 'utf8')));
      checkFilled = runCheck(dir, options);
    }
    const reportPassed = check.errors.every((e) => /\/towns\/[^/]+\.yaml:/u.test(e));
    return { ...base, score: s, check, reportPassed, checkFilled, toFill, title, period, numbers: { total: tokens.length, covered, missing }, invented: inventedValues(source, files) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function measureAll(options: MeasureOptions = {}): TextResult[] {
  return realTexts().map((t) => measureText(t, options));
}

// ---------------------------------------------------------------------------------------------------
// Report

const pct = (x: number) => percent(x);

function row(label: string, t: Totals): string {
  return `| ${label} | ${t.texts} | ${pct(t.precision)} (${t.correct}/${t.drafted}) | ${pct(t.recall)} (${t.correct}/${t.expected}) | ${t.checkPassed}/${t.texts} | ${t.reportPassed}/${t.texts} | ${t.checkFilledPassed}/${t.texts} | ${pct(t.coverage)} (${t.covered}/${t.numbers}) | ${t.invented} | ${t.toFill} | ${t.titles}/${t.titlesExpected} | ${t.periods}/${t.texts} |`;
}

export function report(results: TextResult[], when: string): string {
  const bySplit = (s: Split) => results.filter((r) => r.split === s);
  const lines = [
    '# Importer on real published texts',
    '',
    `Measured ${when} with \`npx node bench/import-real.ts\` on the ${results.length} excerpts in tests/import/real/ (sources, provinces and split in`,
    'tests/import/real/SOURCES.md). Precision and recall count figure facts (name, value, unit, growth, rank) as',
    'tests/import/quality.test.ts does; totals add facts over texts. *Check* is `node scripts/check.ts` on a content folder',
    'holding the draft (report folder and town file), exit 0 with warnings counting as a pass: what the text does not give is',
    '原文未提供 (county, prefecture and province of the town file too), a located warning; *report folder*: no error in the',
    'draft\'s reports/<id>/ files; *once filled*: passes once any `待填写` field is filled (stand-in values in a copy).',
    '*Numbers* is the share of the source\'s Arabic-digit numbers (dates, years, months, times, section',
    'numbers, ages, index numbers, quoted names and page residue left out; definition in bench/import-real.ts) that the draft',
    'holds in its figures, indicators, projects or plan. *Invented* counts drafted values the source does not give',
    '(numbers, dates, times, URLs, and placeholders that pass the check). *To fill* counts fields drafted as `待填写`: values the',
    'content model requires and the text does not give; the check reports each as an error.',
    '*Title* and *period*: report.yaml\'s title and period equal the expected ones (title only where the page has one).',
    '',
    '| texts | n | precision | recall | check passes as drafted | report folder passes | passes once filled | numbers in the draft | invented values | to fill | title | period |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    row('tune', totals(bySplit('tune'))),
    row('holdout', totals(bySplit('holdout'))),
    row('all', totals(results)),
    '',
    '| text | split | province | kind | precision | recall | check | numbers | invented | to fill | title | period |',
    '|---|---|---|---|---:|---:|---|---:|---:|---:|---|---|',
    ...[...bySplit('tune'), ...bySplit('holdout'), ...results.filter((r) => !r.split)].map(
      (r) =>
        `| ${r.slug} | ${r.split ?? '—'} | ${r.province} | ${r.kind} | ${pct(r.score.precision)} (${r.score.correct}/${r.score.drafted}) | ${pct(r.score.recall)} (${r.score.correct}/${r.score.expected}) | ${r.error ? 'import failed' : r.check.passed ? 'passes' : `${r.check.errors.length} errors${r.reportPassed ? ', all in the town file' : ''}${r.checkFilled.passed ? ' (passes once 待填写 is filled)' : ''}`} | ${pct(r.numbers.covered / Math.max(1, r.numbers.total))} (${r.numbers.covered}/${r.numbers.total}) | ${r.invented.length} | ${r.toFill.length} | ${r.title === undefined ? '—' : r.title ? 'yes' : 'no'} | ${r.period ? 'yes' : 'no'} |`,
    ),
    '',
    '## Per text',
    '',
  ];
  for (const r of results) {
    lines.push(`### ${r.slug} (${r.split ?? 'no split'})`, '', '```');
    if (r.error) lines.push(`import failed: ${r.error}`);
    lines.push(describeScore(r.slug, r.score));
    if (!r.check.passed) lines.push('content check:', ...r.check.errors.map((e) => `  ${e}`));
    if (!r.checkFilled.passed && r.checkFilled !== r.check) lines.push('content check once the 待填写 fields are filled:', ...r.checkFilled.errors.map((e) => `  ${e}`));
    lines.push(`left to fill (待填写): ${r.toFill.join(', ') || '—'}`);
    lines.push(`numbers not in the draft: ${r.numbers.missing.join(' ') || '—'}`);
    lines.push('drafted values not in the source:', ...(r.invented.length ? r.invented.map((v) => `  ${v}`) : ['  —']));
    lines.push('```', '');
  }
  return lines.join('\n');
}

function main(): void {
  const started = Date.now();
  const results = measureAll({ spawnCheck: true });
  const when = new Date().toISOString().slice(0, 10);
  const text = report(results, when);
  const out = path.join(root, 'bench/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'import-real.md'), `${text}\n`);
  const json = {
    measured: when,
    totals: { tune: totals(results.filter((r) => r.split === 'tune')), holdout: totals(results.filter((r) => r.split === 'holdout')), all: totals(results) },
    texts: results.map((r) => ({
      slug: r.slug,
      split: r.split,
      province: r.province,
      kind: r.kind,
      ...(r.error ? { error: r.error } : {}),
      correct: r.score.correct,
      drafted: r.score.drafted,
      expected: r.score.expected,
      precision: r.score.precision,
      recall: r.score.recall,
      checkPassed: r.check.passed,
      reportPassed: r.reportPassed,
      checkErrors: r.check.errors,
      checkFilledPassed: r.checkFilled.passed,
      checkFilledErrors: r.checkFilled.errors,
      toFill: r.toFill,
      title: r.title,
      period: r.period,
      numbers: r.numbers.total,
      covered: r.numbers.covered,
      invented: r.invented,
    })),
  };
  writeFileSync(path.join(out, 'import-real.json'), `${JSON.stringify(json, null, 2)}\n`);
  // The holdout texts' per-text details are written to the file, not printed: they are not read while changing rules.
  console.log(text.slice(0, text.indexOf('## Per text')));
  for (const r of results.filter((x) => x.split === 'tune')) {
    const from = text.indexOf(`### ${r.slug} `);
    console.log(text.slice(from, text.indexOf('\n### ', from + 1)));
  }
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s; written to bench/results/import-real.md and import-real.json)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
