/**
 * Shared by the importer's tests: the inputs (南塘 and the fictional fixtures with their hand-written
 * expected figures), importing them into throw-away content folders, and scoring drafted figures
 * against expected ones fact by fact (name, value, unit, growth, rank, ratio and from.ratio).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { importFile, type ImportResult } from '../../src/import/write.ts';

export const FIXTURE_DIR = path.resolve('tests/import/fixtures');
export const NANTANG_SOURCE = path.resolve('tests/content/sources/nantang-2022-h1.txt');
export const CURATED_NANTANG = path.resolve('content/reports/nantang-2022-h1');

export interface Expected {
  id: string;
  town: string;
  body: { first: string; last: string };
  report: Record<string, unknown>;
  planTargets: number[];
  figures: Fact[];
}

/** A figure reduced to what is compared: the facts, plus the quote for matching when there is one. */
export interface Fact {
  name: string;
  value?: number;
  unit?: string;
  bound?: string;
  growth?: number | { value: number; unit?: string };
  /** No position for a rank without an exact place (居全县首位, 前列): the content model writes none. */
  rank?: { position?: number; scope: string };
  /** A ratio as written (三次产业比重 1:60:39); one fact. */
  ratio?: string;
  /** Where a from–to change of a ratio started (由2:66:32调整到1:60:39): from.ratio, one fact. */
  from?: { ratio?: string };
  quote?: string;
}

export interface Case {
  name: string;
  source: string;
  expected: Expected;
}

export const CASES: Case[] = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.expected.yaml'))
  .sort()
  .map((f) => {
    const name = f.replace(/\.expected\.yaml$/u, '');
    const source = readdirSync(FIXTURE_DIR).find((s) => s.startsWith(`${name}.`) && !s.endsWith('.expected.yaml'));
    if (!source) throw new Error(`fixture ${name} has no source file`);
    return { name, source: path.join(FIXTURE_DIR, source), expected: parse(readFileSync(path.join(FIXTURE_DIR, f), 'utf8')) as Expected };
  });

/** A content folder with the site file and the given town files, as an editor's checkout has. */
export function contentDir(towns: string[] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'import-'));
  mkdirSync(path.join(dir, 'towns'));
  copyFileSync(path.resolve('content/site.yaml'), path.join(dir, 'site.yaml'));
  for (const town of towns) copyFileSync(path.resolve(`content/towns/${town}.yaml`), path.join(dir, 'towns', `${town}.yaml`));
  return dir;
}

export function importInto(dir: string, file: string, id: string, town?: string): ImportResult {
  return importFile({ file, id, ...(town ? { town } : {}), contentDir: dir, today: '2024-06-30' });
}

type Yaml = Record<string, unknown>;
const readYaml = (file: string) => parse(readFileSync(file, 'utf8')) as Yaml;

function figureFact(f: Yaml): Fact {
  const growth = f['growth'] as { value: number; unit?: string } | undefined;
  const rank = f['rank'] as { position?: number; scope: string } | undefined;
  const from = f['from'] as { ratio?: string } | undefined;
  return {
    name: String(f['name']),
    ...(typeof f['value'] === 'number' ? { value: f['value'], unit: String(f['unit']) } : {}),
    ...(f['bound'] ? { bound: String(f['bound']) } : {}),
    ...(growth ? { growth: { value: growth.value, unit: growth.unit ?? '%' } } : {}),
    ...(rank ? { rank: { ...(rank.position !== undefined ? { position: rank.position } : {}), scope: rank.scope } } : {}),
    ...(typeof f['ratio'] === 'string' ? { ratio: f['ratio'] } : {}),
    ...(typeof from?.ratio === 'string' ? { from: { ratio: from.ratio } } : {}),
    quote: String(f['quote']),
  };
}

/**
 * A figure, and its completion (`完成任务的117.46%`) as a figure of its own in %, named 完成<target> as
 * a project's rate is named by its rateName: the expected files record the rate as one figure
 * (地方财政收入完成任务 117.46%), whether the draft puts it on the figure or on a project.
 */
function figureFacts(f: Yaml, shared: Map<string, Yaml> = new Map()): Fact[] {
  const rank = f['rank'] ?? shared.get(String(f['id']));
  if (rank) f = { ...f, rank };
  const completion = f['completion'] as { rate: number; target?: string } | undefined;
  if (!completion) return [figureFact(f)];
  return [figureFact(f), { name: `${String(f['name'])}完成${completion.target ?? ''}`, value: completion.rate, unit: '%', quote: String(f['quote']) }];
}

/**
 * Every figure of a report folder: indicators, figures, project figures, and a project's progress as
 * figures too (done and total under the project's name, the rate under the rate's name, in %), a
 * figure's completion as a figure in % (figureFacts), and a shared rank (figures.yaml `ranks`) on each
 * of its items.
 */
export function factsOfReport(dir: string): Fact[] {
  const facts: Fact[] = [];
  const figuresFile = readYaml(path.join(dir, 'figures.yaml'));
  // A rank several figures share (figures.yaml `ranks`) counts on each of its items, as an editor reads it.
  const shared = new Map<string, Yaml>();
  for (const r of (figuresFile['ranks'] as Yaml[] | undefined) ?? []) for (const id of (r['items'] as string[]) ?? []) shared.set(id, r);
  for (const f of (readYaml(path.join(dir, 'indicators.yaml'))['indicators'] as Yaml[]) ?? []) facts.push(...figureFacts(f, shared));
  for (const f of (figuresFile['figures'] as Yaml[]) ?? []) facts.push(...figureFacts(f, shared));
  for (const p of (readYaml(path.join(dir, 'projects.yaml'))['projects'] as Yaml[]) ?? []) {
    for (const f of (p['figures'] as Yaml[] | undefined) ?? []) facts.push(...figureFacts(f, shared));
    const progress = p['progress'] as Yaml | undefined;
    if (!progress) continue;
    const quote = String(progress['quote']);
    for (const key of ['done', 'total']) {
      const q = progress[key] as { value: number; unit: string; bound?: string } | undefined;
      if (q) facts.push({ name: String(p['name']), value: q.value, unit: q.unit, ...(q.bound ? { bound: q.bound } : {}), quote });
    }
    if (typeof progress['rate'] === 'number') facts.push({ name: String(progress['rateName'] ?? '完成率'), value: progress['rate'], unit: '%', quote });
  }
  return facts;
}

const normal = (s: string) => s.replace(/[\s“”"'‘’·、，,。]/gu, '');

/** Names match when equal or when one contains the other (the curated name adds or drops a verb). */
export function sameName(a: string, b: string): boolean {
  const x = normal(a);
  const y = normal(b);
  return x === y || (Math.min(x.length, y.length) >= 2 && (x.includes(y) || y.includes(x)));
}

const growthOf = (g: Fact['growth']) => (g === undefined ? undefined : typeof g === 'number' ? { value: g, unit: '%' } : { value: g.value, unit: g.unit ?? '%' });

/** A ratio as written, with full-width digits and colons read as ASCII (１：６０ is 1:60). */
const ratioOf = (r?: string) => (r === undefined ? undefined : r.normalize('NFKC').replace(/\s+/gu, ''));

function factCount(f: Fact): number {
  return 1 + (f.value !== undefined ? 2 : 0) + (f.growth !== undefined ? 1 : 0) + (f.rank !== undefined ? 1 : 0) + (f.ratio !== undefined ? 1 : 0) + (f.from?.ratio !== undefined ? 1 : 0);
}

function correctFacts(e: Fact, d: Fact): number {
  let n = sameName(e.name, d.name) ? 1 : 0;
  if (e.value !== undefined && e.value === d.value) n++;
  if (e.unit !== undefined && e.unit === d.unit) n++;
  const ge = growthOf(e.growth);
  const gd = growthOf(d.growth);
  if (ge && gd && ge.value === gd.value && ge.unit === gd.unit) n++;
  if (e.rank && d.rank && e.rank.position === d.rank.position && e.rank.scope === d.rank.scope) n++;
  if (e.ratio !== undefined && ratioOf(e.ratio) === ratioOf(d.ratio)) n++;
  if (e.from?.ratio !== undefined && ratioOf(e.from.ratio) === ratioOf(d.from?.ratio)) n++;
  return n;
}

/** Longest common substring length over the shorter quote: how much two quotes share. */
function overlap(a?: string, b?: string): number {
  if (!a || !b) return 0;
  const x = normal(a);
  const y = normal(b);
  let best = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = 0; j < y.length; j++) {
      let k = 0;
      while (x[i + k] !== undefined && x[i + k] === y[j + k]) k++;
      if (k > best) best = k;
    }
  }
  return best / Math.max(1, Math.min(x.length, y.length));
}

/** How well a drafted figure stands for an expected one; 0 when it does not. */
function affinity(e: Fact, d: Fact): number {
  const quote = overlap(e.quote, d.quote);
  const name = sameName(e.name, d.name) ? 1 : 0;
  if (e.value !== undefined && e.value === d.value && e.unit === d.unit) return 10 + name + quote;
  if (e.ratio !== undefined && ratioOf(e.ratio) === ratioOf(d.ratio)) return 10 + name + quote;
  const ge = growthOf(e.growth);
  const gd = growthOf(d.growth);
  const sameGrowth = ge !== undefined && gd !== undefined && ge.value === gd.value;
  const sameRank = e.rank !== undefined && d.rank !== undefined && e.rank.position === d.rank.position && e.rank.scope === d.rank.scope;
  if (e.value === undefined && d.value === undefined && (sameGrowth || sameRank)) return 8 + name + quote;
  if ((sameGrowth || sameRank) && (name || quote >= 0.6)) return 6 + name + quote;
  if (quote >= 0.6 && name) return 4 + quote;
  return 0;
}

export interface Score {
  precision: number;
  recall: number;
  correct: number;
  drafted: number;
  expected: number;
  missed: Fact[];
  extra: Fact[];
  wrong: { expected: Fact; drafted: Fact }[];
}

/** Matches drafted to expected figures one to one (best affinity first) and counts facts. */
export function score(drafted: Fact[], expected: Fact[]): Score {
  const pairs: { e: number; d: number; a: number }[] = [];
  expected.forEach((e, i) => drafted.forEach((d, j) => {
    const a = affinity(e, d);
    if (a > 0) pairs.push({ e: i, d: j, a });
  }));
  pairs.sort((x, y) => y.a - x.a);
  const usedE = new Set<number>();
  const usedD = new Set<number>();
  let correct = 0;
  const wrong: Score['wrong'] = [];
  for (const { e, d } of pairs) {
    if (usedE.has(e) || usedD.has(d)) continue;
    usedE.add(e);
    usedD.add(d);
    const n = correctFacts(expected[e]!, drafted[d]!);
    correct += n;
    if (n < factCount(expected[e]!) || n < factCount(drafted[d]!)) wrong.push({ expected: expected[e]!, drafted: drafted[d]! });
  }
  const draftedFacts = drafted.reduce((s, f) => s + factCount(f), 0);
  const expectedFacts = expected.reduce((s, f) => s + factCount(f), 0);
  return {
    precision: correct / Math.max(1, draftedFacts),
    recall: correct / Math.max(1, expectedFacts),
    correct,
    drafted: draftedFacts,
    expected: expectedFacts,
    missed: expected.filter((_, i) => !usedE.has(i)),
    extra: drafted.filter((_, j) => !usedD.has(j)),
    wrong,
  };
}

export const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

export function describeScore(label: string, s: Score): string {
  const show = (f: Fact) => `${f.name} ${f.value ?? ''}${f.unit ?? ''}${f.growth !== undefined ? ` 增速${JSON.stringify(growthOf(f.growth))}` : ''}${f.rank ? ` 排名${f.rank.scope}${f.rank.position ?? '（无确切名次）'}` : ''}${f.ratio !== undefined ? ` 比例${f.ratio}` : ''}${f.from?.ratio !== undefined ? ` 原比例${f.from.ratio}` : ''}`;
  return [
    `${label}: precision ${percent(s.precision)} (${s.correct}/${s.drafted} facts), recall ${percent(s.recall)} (${s.correct}/${s.expected} facts)`,
    ...s.missed.map((f) => `  missed: ${show(f)}`),
    ...s.extra.map((f) => `  extra:  ${show(f)}`),
    ...s.wrong.map((w) => `  differs: expected ${show(w.expected)} / drafted ${show(w.drafted)}`),
  ].join('\n');
}
