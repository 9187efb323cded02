/**
 * Generates N valid reports for the benchmarks from the one real report (content/reports/nantang-2022-h1):
 * same files, shape and size, with other towns, periods and figure values. Deterministic: the same seed
 * gives the same bytes. Written into a folder of its own (a temporary one), never into content/.
 *
 * How the content stays valid: every number that is a figure (value, growth, rank, progress, target)
 * is changed by one mapping per report, applied alike to narrative.md and to every YAML file, so each
 * quote is still found in the narrative and each value still in its quote. Numbers that are dates and
 * periods (4月底, 1-5月份, 2022年) and ids (s1-1-1) are left alone; a number a quote states only in
 * Chinese numerals (全市排名第四 for 4, 两个村 for 2) is left alone too. Town, county and city names
 * and the period are replaced the same way everywhere.
 *
 *   node bench/generate.ts --reports 100 --out /tmp/content [--seed 1]
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE_REPORT = path.join(root, 'content/reports/nantang-2022-h1');
const SOURCE = { town: '南塘', county: '乐清', prefecture: '温州', year: 2022 };
/** The data files whose numbers and names are varied; report.yaml is written afresh. */
const DATA_FILES = ['indicators.yaml', 'figures.yaml', 'projects.yaml', 'plan.yaml', 'charts.yaml', 'narrative.md'];

/** mulberry32: a small seeded PRNG, so every run generates the same content. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A number that may be varied: not part of an id (s1-1-1), a range (1-5月份), a date (4月底, 2022年,
 * 2月初) or a decimal's digits. The same pattern decides what is checked and what is replaced.
 */
const NUMBER = /(?<![\d.A-Za-z\-/:_])\d+(?:\.\d+)?(?![\d.A-Za-z\-/_]|\s*[年月日号时季])/g;

const TOWN_CHARS = [...'东西北江河湖山石桥林梅竹松云龙凤金玉青白安平兴华新永丰长乐泉溪洋港湾塘岭峰田家坊清源'];
const COUNTY_CHARS = [...'临海天台仙居三门宁海象山奉化余姚慈溪德清安吉长兴桐乡海盐嘉善平湖诸暨嵊州新昌'];
const PINYIN = ['dong', 'xi', 'bei', 'jiang', 'he', 'hu', 'shan', 'shi', 'qiao', 'lin', 'mei', 'zhu', 'song', 'yun', 'long', 'feng', 'jin', 'yu', 'qing', 'bai', 'an', 'ping', 'xing', 'hua', 'xin', 'yong', 'feng', 'chang', 'le', 'quan', 'xi', 'yang', 'gang', 'wan', 'tang', 'ling', 'feng', 'tian', 'jia', 'fang', 'qing', 'yuan'];

interface Source {
  files: Record<string, string>;
  /** Numbers that a quote states only in words (第四, 两): never varied. */
  frozen: Set<string>;
  /** Every varied number of the source. */
  numbers: string[];
}

let source: Source | undefined;

function readSource(): Source {
  if (source) return source;
  const files = Object.fromEntries(DATA_FILES.map((f) => [f, readFileSync(path.join(SOURCE_REPORT, f), 'utf8')]));
  const frozen = new Set<string>();
  const tokens = (text: string) => new Set(text.match(NUMBER) ?? []);
  // Each number of a figure must be found as digits in the text it is checked against (its quote, the
  // rank as written, the target's text); otherwise it is stated in words and must not change.
  const walk = (node: unknown, text: string) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, text));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const own = typeof o['written'] === 'string' ? o['written'] : typeof o['quote'] === 'string' ? o['quote'] : typeof o['text'] === 'string' && 'value' in o ? o['text'] : text;
    for (const key of ['value', 'rate', 'position', 'of']) {
      const v = o[key];
      if (typeof v === 'number' && !tokens(own as string).has(String(v))) frozen.add(String(v));
    }
    for (const child of Object.values(o)) if (child && typeof child === 'object') walk(child, own as string);
  };
  for (const f of DATA_FILES.filter((f) => f.endsWith('.yaml'))) walk(parse(files[f]!), '');
  const numbers = [...new Set(Object.values(files).flatMap((t) => t.match(NUMBER) ?? []))].filter((n) => !frozen.has(n));
  source = { files, frozen, numbers };
  return source;
}

/**
 * A new number like the old one: same number of decimals, the report's common factor (0.7-1.3) within
 * ±3%, so that amounts keep their order (done ≤ total); numbers up to 100 stay up to 100 (percentages).
 */
function vary(old: string, common: number, random: () => number): string {
  const decimals = old.split('.')[1]?.length ?? 0;
  const value = Number(old);
  let factor = common * (0.97 + random() * 0.06);
  if (value <= 100 && value * factor > 100) factor = Math.max(0.5, 2 - factor);
  let next = (value * factor).toFixed(decimals);
  if (decimals === 0 && Number(next) < 1) next = '1';
  // A stored 0.20 reads back as 0.2, which is not found in “0.20亿”: never end decimals in 0.
  if (decimals > 0 && next.endsWith('0')) next = (Number(next) - 10 ** -decimals).toFixed(decimals);
  if (decimals > 0 && Number(next) === 0) next = `0.${'0'.repeat(decimals - 1)}1`;
  return next;
}

export interface TownSpec {
  id: string;
  name: string;
  county: string;
  prefecture: string;
}

export interface ReportSpec {
  id: string;
  town: TownSpec;
  year: number;
  half: 1 | 2;
  /** Index of the report in the whole set: its numbers come from seed and index (and variant). */
  index: number;
  /** The town's report before this one, whose plan this one answers. */
  previous?: string;
}

/** The towns and reports of a benchmark set: towns with one to four half-year reports each. */
export function plan(reports: number, seed = 1): { towns: TownSpec[]; reports: ReportSpec[] } {
  const random = prng(seed);
  const towns: TownSpec[] = [];
  const list: ReportSpec[] = [];
  // Several periods for most towns (series pages and promises), one for some: 1,2,2,2,3,4 — 2.3 on average.
  const counts = [1, 2, 2, 2, 3, 4];
  for (let t = 0; list.length < reports; t++) {
    const c = Math.floor(t / 12);
    const town: TownSpec = {
      id: `${PINYIN[t % PINYIN.length]}${PINYIN[Math.floor(t / PINYIN.length) % PINYIN.length]}${t}`,
      name: `${TOWN_CHARS[t % TOWN_CHARS.length]}${TOWN_CHARS[(Math.floor(t / TOWN_CHARS.length) + t) % TOWN_CHARS.length]}`,
      county: `${COUNTY_CHARS[(c * 2) % COUNTY_CHARS.length]}${COUNTY_CHARS[(c * 2 + 1 + Math.floor(c / COUNTY_CHARS.length)) % COUNTY_CHARS.length]}`,
      prefecture: `${COUNTY_CHARS[(Math.floor(c / 8) * 3 + 5) % COUNTY_CHARS.length]}州`,
    };
    towns.push(town);
    const n = Math.min(counts[Math.floor(random() * counts.length)]!, reports - list.length);
    let previous: string | undefined;
    for (let k = 0; k < n; k++) {
      const year = SOURCE.year + Math.floor(k / 2);
      const half = ((k % 2) + 1) as 1 | 2;
      const id = `${town.id}-${year}-h${half}`;
      list.push({ id, town, year, half, index: list.length, ...(previous ? { previous } : {}) });
      previous = id;
    }
  }
  return { towns, reports: list };
}

const halfName = (half: 1 | 2) => (half === 1 ? '上半年' : '下半年');

/** The files of one report, as text. `variant` changes its numbers only (the “one report changed” rebuild). */
export function reportFiles(spec: ReportSpec, seed = 1, variant = 0): Record<string, string> {
  const src = readSource();
  const random = prng(seed * 1_000_003 + spec.index * 7919 + variant * 104_729);
  const common = 0.7 + random() * 0.6;
  const mapping = new Map(src.numbers.map((n) => [n, vary(n, common, random)]));
  const label = `${spec.year}年${halfName(spec.half)}`;
  const nextLabel = spec.half === 1 ? `${spec.year}年下半年` : `${spec.year + 1}年上半年`;
  const names: [string, string][] = [
    [`${SOURCE.year}年上半年`, label],
    [`${SOURCE.year}年下半年`, nextLabel],
    [`${SOURCE.year}年`, `${spec.year}年`],
    [SOURCE.town, spec.town.name],
    [SOURCE.county, spec.town.county],
    [SOURCE.prefecture, spec.town.prefecture.replace(/州$/, '')],
  ];
  const namePattern = new RegExp(names.map(([from]) => from).join('|'), 'g');
  const nameMap = new Map(names);
  const rewrite = (text: string) =>
    text.replace(namePattern, (m) => nameMap.get(m)!).replace(NUMBER, (n) => mapping.get(n) ?? n);
  const out: Record<string, string> = {};
  for (const f of DATA_FILES) out[f] = rewrite(src.files[f]!);

  const published = spec.half === 1 ? `${spec.year}-07-${String(10 + (spec.index % 18)).padStart(2, '0')} 09:00` : `${spec.year + 1}-01-${String(10 + (spec.index % 18)).padStart(2, '0')} 09:00`;
  const written = spec.half === 1 ? `${spec.year}-07-04` : `${spec.year + 1}-01-05`;
  const title = `${spec.town.name}镇${label}工作总结及${spec.half === 1 ? '下半年' : `${spec.year + 1}年`}工作思路`;
  out['report.yaml'] = [
    `title: ${title}`,
    `town: ${spec.town.id}`,
    `issuer: ${spec.town.name}镇`,
    `period: { year: ${spec.year}, kind: half, number: ${spec.half} }`,
    `indexNumber: BENCH-${String(spec.index).padStart(6, '0')}/${spec.year}-${spec.half}`,
    'category: 计划总结',
    'breadcrumb: [首页, 信息公开, 规划计划, 计划总结]',
    `writtenOn: ${written}`,
    `publishedAt: ${published}`,
    'disclosure: 主动公开',
    `sourceUrl: https://example.org/bench/${spec.id}.html`,
    `keywords: [${spec.town.name}镇, 工作总结, 工作思路, ${label}, 招商引资, 美丽城镇]`,
    `description: ${spec.town.name}镇${label}经济发展、镇村建设、民生事业和党的建设工作总结，以及下一阶段工作思路。（基准测试生成的数据）`,
    '',
  ].join('\n');

  if (spec.previous) {
    // Promises kept: this report answers three plan items of the town's previous report, quoting itself.
    const projects = parse(out['projects.yaml']!) as { projects: { id: string; quote: string; progress?: { quote: string } }[] };
    const quoteOf = (id: string) => {
      const p = projects.projects.find((x) => x.id === id)!;
      return p.progress?.quote ?? p.quote;
    };
    const outcomes = [
      { plan: 'investment-task-force', status: 'done', summary: '招商引资工作专班已建立并持续招引资金', figures: ['investment-attraction'], quote: quoteOf('investment-attraction') },
      { plan: 'beautiful-villages-construction', status: 'in-progress', summary: '建设村拆整工作持续推进', figures: ['beautiful-villages'], quote: quoteOf('beautiful-villages') },
      { plan: 'equipment-park-infrastructure', status: spec.index % 3 === 0 ? 'not-done' : 'in-progress', summary: '装备制造园基础设施建设推进中', figures: ['equipment-park-phase1'], quote: quoteOf('equipment-park-phase1') },
    ];
    out['outcomes.yaml'] = `outcomes:\n${outcomes
      .map((o) => `  - plan: ${spec.previous}/${o.plan}\n    status: ${o.status}\n    summary: ${o.summary}\n    figures: [${o.figures.join(', ')}]\n    quote: ${o.quote}\n`)
      .join('')}`;
  }
  return out;
}

function townYaml(town: TownSpec): string {
  return [
    `name: ${town.name}镇`,
    `county: ${town.county}市`,
    `prefecture: ${town.prefecture}市`,
    'province: 浙江省',
    'scopes:',
    `  全市: ${town.county}市`,
    `  ${town.county}: ${town.county}市`,
    `  ${town.prefecture.replace(/州$/, '')}: ${town.prefecture}市`,
    '',
  ].join('\n');
}

export function writeReport(contentDir: string, spec: ReportSpec, seed = 1, variant = 0) {
  const dir = path.join(contentDir, 'reports', spec.id);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(reportFiles(spec, seed, variant))) writeFileSync(path.join(dir, file), text);
}

/** Writes site.yaml, towns/ and reports/ for `reports` reports into contentDir (emptied first). */
export function generateContent(contentDir: string, reports: number, seed = 1): { towns: TownSpec[]; reports: ReportSpec[] } {
  const resolved = path.resolve(contentDir);
  if (resolved === path.join(root, 'content') || resolved.startsWith(path.join(root, 'content') + path.sep)) {
    throw new Error('bench/generate.ts never writes into content/: give it a temporary folder');
  }
  rmSync(resolved, { recursive: true, force: true });
  mkdirSync(path.join(resolved, 'towns'), { recursive: true });
  cpSync(path.join(root, 'content/site.yaml'), path.join(resolved, 'site.yaml'));
  const set = plan(reports, seed);
  const used = set.towns.filter((t) => set.reports.some((r) => r.town === t));
  for (const town of used) writeFileSync(path.join(resolved, 'towns', `${town.id}.yaml`), townYaml(town));
  for (const report of set.reports) writeReport(resolved, report, seed);
  return { towns: used, reports: set.reports };
}

/** Total size of a folder's files in bytes. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += readFileSync(path.join(entry.parentPath, entry.name)).length;
  }
  return total;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1]! : fallback;
  };
  const out = arg('out', '');
  if (!out) {
    console.error('用法：node bench/generate.ts --reports 100 --out /tmp/bench-content [--seed 1]');
    process.exit(2);
  }
  const { towns, reports } = generateContent(out, Number(arg('reports', '10')), Number(arg('seed', '1')));
  console.log(`${reports.length} reports of ${towns.length} towns in ${out}`);
}
