/**
 * `npm run bench`: how the site generator scales, on this machine, rerunnable by anyone.
 *
 *   npm run bench                      sizes 1, 10, 100 (a few minutes on two cores)
 *   npm run bench -- --full            adds 1000 reports (a province's half year)
 *   npm run bench -- --sizes 1,10 --runs 5 --repeat 3 --no-browser --no-baseline
 *
 * For each size it generates that many reports from the real one (bench/generate.ts) into a temporary
 * folder and runs `node scripts/build.ts` as `npm run build` does: a cold build (empty picture cache),
 * a rebuild with nothing changed and a rebuild with one report changed. It measures wall time, CPU
 * time and peak memory of the whole process tree (sampled from /proc, and the largest single process
 * from /usr/bin/time), and the phase timings the build returns (scripts/build.ts --timings). Then page weight per page type (the budget gate's code), the
 * time until a chart is drawn in headless Chromium (median of --runs), and the same number of plain
 * pages built by a minimal Astro project (the cost of plain Astro on this machine, for comparison).
 *
 * Results: printed, and written to bench/results/latest.md and latest.json. Other processes on the
 * machine slow everything down: the load average before and after each build is recorded, and CPU
 * seconds are less sensitive to it than wall seconds.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildResult } from '../src/build.ts';
import { budgetTable, loadBudgets, measureBudgets, type BudgetRow } from '../tests/gates/lib/budgets.ts';
import { listPages } from '../tests/gates/lib/site.ts';
import { childEnv } from '../tests/support/env.ts';
import { folderBytes, generateContent, plan, SOURCE_REPORT, writeReport } from './generate.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;

// ---------------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const sizes = option('sizes', flag('full') ? '1,10,100,1000' : '1,10,100').split(',').map(Number);
const runs = Number(option('runs', '7'));
/** Builds of sizes up to 10 are repeated (medians); larger ones run once unless --repeat says so. */
const repeatOption = argv.includes('--repeat') ? Number(option('repeat', '1')) : undefined;
const seed = Number(option('seed', '1'));
const keep = flag('keep');
const resultsDir = path.join(root, 'bench/results');

// Astro puts the server bundle of a build whose output folder is outside the working directory into
// <root>/.astro/.prerender, shared by every such build: output goes inside the project (ignored by git).
const work = path.join(root, 'node_modules/.cache/report-microsite/bench');
const temp = mkdtempSync(path.join(os.tmpdir(), 'report-bench-'));

// ---------------------------------------------------------------------------------------------------
// Measuring a process tree

const PAGE = 4096;

/** Resident memory of a process and all its descendants, in bytes. */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop()!;
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
    } catch {
      // Ended.
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

const load = () => os.loadavg()[0]!;

export interface Run {
  wall: number;
  /** user + system CPU seconds of the whole tree (from /usr/bin/time), if available. */
  cpu?: number;
  /** Peak of the summed resident memory of the tree, sampled every 100 ms. */
  peakTree: number;
  /** Largest single process (/usr/bin/time's maximum resident set size). */
  peakProcess?: number;
  loadBefore: number;
  loadAfter: number;
  output: string;
  status: number;
}

const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);

function measure(command: string, args: string[], { cwd = root, env = childEnv() }: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const timeFile = path.join(temp, `time-${process.hrtime.bigint()}.txt`);
  const [cmd, cmdArgs] = hasTime ? [TIME, ['-f', '%e %U %S %M', '-o', timeFile, command, ...args]] : [command, args];
  const loadBefore = load();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peakTree = 0;
    const sample = () => (peakTree = Math.max(peakTree, treeRss(child.pid!)));
    const timer = setInterval(sample, 100);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(timer);
      const wall = (performance.now() - started) / 1000;
      const run: Run = { wall, peakTree, loadBefore, loadAfter: load(), output, status: status ?? 1 };
      if (hasTime && existsSync(timeFile)) {
        const [, user, sys, maxKb] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
        run.cpu = user! + sys!;
        run.peakProcess = maxKb! * 1024;
      }
      resolve(run);
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Builds

interface Build extends Run {
  /** Seconds per phase, as the build returns them (src/build.ts BuildPhases, via --timings). */
  phases: Record<string, number>;
  drawn?: number;
  cachedPictures?: number;
  pages: number;
}

async function build(contentDir: string, outDir: string, cacheDir: string): Promise<Build> {
  const timings = path.join(temp, `timings-${process.hrtime.bigint()}.json`);
  const run = await measure(node, ['scripts/build.ts', '--timings', timings], { env: childEnv({ CONTENT_DIR: contentDir, OUT_DIR: outDir, CHART_CACHE_DIR: cacheDir }) });
  if (run.status !== 0) throw new Error(`build failed:\n${run.output.slice(-4000)}`);
  const result = JSON.parse(readFileSync(timings, 'utf8')) as Extract<BuildResult, { ok: true }>;
  // The number of pages is Astro's own count, from its log.
  const pages = Number(run.output.match(/(\d+) page\(s\) built/)?.[1] ?? 0);
  return { ...run, phases: { ...result.phases }, pages, drawn: result.pictures.drawn, cachedPictures: result.pictures.cached };
}

/** Time per route type in the Astro build, from its log (“├─ /reports/x/index.html (+12ms)”). */
function routeTimes(output: string): { route: string; count: number; ms: number }[] {
  const agg = new Map<string, { count: number; ms: number }>();
  for (const m of output.matchAll(/├─ (\S+) \(\+([\d.]+)(m?s)\)/g)) {
    const ms = Number(m[2]) * (m[3] === 's' ? 1000 : 1);
    const route = m[1]!
      .replace(/^\/reports\/[^/]+\//, '/reports/R/')
      .replace(/^\/embed\/[^/]+\/[^/]+\//, '/embed/R/C/')
      .replace(/^\/towns\/[^/]+\//, '/towns/T/')
      .replace(/\/charts\/[^/]+\.(svg|png)\/?$/, '/charts/C.$1')
      .replace(/\/data\/[^/]+\.(json|xlsx|csv)\/?$/, '/data/*.$1')
      .replace(/\/indicators\/[^/]+\/index\.html$/, '/indicators/I/index.html')
      .replace(/\/part-\d+\//, '/part-N/');
    const a = agg.get(route) ?? { count: 0, ms: 0 };
    a.count++;
    a.ms += ms;
    agg.set(route, a);
  }
  return [...agg].map(([route, a]) => ({ route, ...a })).sort((x, y) => y.ms - x.ms);
}

// ---------------------------------------------------------------------------------------------------
// Page weight

const PAGE_TYPES = (reportId: string, townId: string, series: string, chart: string): string[] => [
  '/',
  `/reports/${reportId}/`,
  `/reports/${reportId}/part-1/`,
  `/reports/${reportId}/indicators/`,
  `/reports/${reportId}/projects/`,
  `/reports/${reportId}/plan/`,
  `/reports/${reportId}/promises/`,
  `/reports/${reportId}/fulltext/`,
  `/reports/${reportId}/infographic/`,
  `/towns/${townId}/`,
  `/towns/${townId}/indicators/${series}/`,
  `/embed/${reportId}/${chart}/`,
  '/search/',
];

/** One page of each type, measured by the budget gate's own code (tests/gates/lib/budgets.ts) against budgets.json. */
async function pageWeights(outDir: string, sample: { reportId: string; townId: string; series: string; chart: string }): Promise<BudgetRow[]> {
  const wanted = new Set(PAGE_TYPES(sample.reportId, sample.townId, sample.series, sample.chart));
  const pages = listPages(outDir).filter((page) => wanted.has(page.path));
  return (await measureBudgets(outDir, pages, loadBudgets(path.join(root, 'budgets.json')))).rows;
}

// ---------------------------------------------------------------------------------------------------
// Time until a chart is drawn

async function timeToChart(outDir: string, page: string, count: number): Promise<number[]> {
  const { launchBrowser } = await import('../tests/support/browser.ts');
  const { serveStatic } = await import('../tests/support/server.ts');
  const server = await serveStatic(outDir);
  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      // A fresh context each time: nothing in the HTTP cache.
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const tab = await context.newPage();
      await tab.goto(`${server.url}${page}`, { waitUntil: 'commit' });
      // The chart is there as inline SVG as soon as it is laid out (chart.js comes only when it is touched).
      const drawn = await tab.waitForFunction(
        () => ([...document.querySelectorAll('report-chart svg')].some((svg) => svg.getBoundingClientRect().height > 0) ? performance.now() : false),
        null,
        { polling: 'raf', timeout: 60_000 },
      );
      times.push((await drawn.jsonValue()) as number);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return times;
}

// ---------------------------------------------------------------------------------------------------
// Baseline: plain Astro pages

async function baseline(pages: number, bytesPerPage: number): Promise<Run> {
  const dir = path.join(temp, `baseline-${pages}`);
  mkdirSync(path.join(dir, 'src/pages'), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'baseline', private: true, type: 'module' }));
  writeFileSync(path.join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({ build: { format: 'directory' }, compressHTML: true });\n");
  // Text of the real report, as much as the generator's pages hold on average.
  const narrative = readFileSync(path.join(SOURCE_REPORT, 'narrative.md'), 'utf8').replace(/^#+ .*$/gm, '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  writeFileSync(path.join(dir, 'data.json'), JSON.stringify({ pages, bytesPerPage, narrative }));
  writeFileSync(
    path.join(dir, 'src/pages/[...slug].astro'),
    `---
import { readFileSync } from 'node:fs';
export function getStaticPaths() {
  const { pages, bytesPerPage, narrative } = JSON.parse(readFileSync('data.json', 'utf8'));
  return Array.from({ length: pages }, (_, i) => {
    const paragraphs = [];
    let size = 0;
    for (let j = i; size < bytesPerPage; j++) {
      const p = narrative[j % narrative.length];
      paragraphs.push(p);
      size += Buffer.byteLength(p) + 7;
    }
    return { params: { slug: \`page/\${i}\` }, props: { title: \`第 \${i} 页\`, paragraphs } };
  });
}
const { title, paragraphs } = Astro.props;
---
<html lang="zh-CN">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{title}</title></head>
  <body><main><h1>{title}</h1>{paragraphs.map((p) => <p>{p}</p>)}</main></body>
</html>
`,
  );
  const run = await measure(node, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: dir, env: childEnv() });
  if (run.status !== 0) throw new Error(`baseline build failed:\n${run.output.slice(-3000)}`);
  if (!keep) rmSync(dir, { recursive: true, force: true });
  return run;
}

// ---------------------------------------------------------------------------------------------------
// Run

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const mb = (b: number) => Math.round(b / 1024 / 1024);
const s1 = (x: number) => x.toFixed(1);

function htmlStats(outDir: string): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  for (const entry of readdirSync(outDir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) {
      count++;
      bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    }
  }
  return { count, bytes };
}

interface SizeResult {
  reports: number;
  towns: number;
  contentBytes: number;
  htmlPages: number;
  htmlBytes: number;
  files: number;
  astroPages: number;
  cold: Build[];
  unchanged: Build[];
  oneChanged: Build[];
  routes: { route: string; count: number; ms: number }[];
  baseline?: Run;
}

const machine = {
  cpus: os.availableParallelism(),
  model: readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? os.cpus()[0]?.model ?? '?',
  memoryGb: Math.round(os.totalmem() / 1024 ** 3),
  node: process.version,
  os: `${os.type()} ${os.release()}`,
  started: new Date().toISOString(),
  loadAtStart: os.loadavg().map((x) => x.toFixed(2)).join(' '),
};
console.log(`机器：${machine.cpus} 核 ${machine.model}，内存 ${machine.memoryGb} GB，Node ${machine.node}，负载 ${machine.loadAtStart}`);

const results: SizeResult[] = [];
let weights: BudgetRow[] = [];
let chartTimes: number[] = [];
let chartPage = '';

try {
  for (const n of sizes) {
    const repeat = repeatOption ?? (n <= 10 ? 3 : 1);
    const contentDir = path.join(temp, `content-${n}`);
    const { towns, reports } = generateContent(contentDir, n, seed);
    const outDir = path.join(work, `out-${n}`);
    const result: SizeResult = { reports: n, towns: towns.length, contentBytes: folderBytes(contentDir), htmlPages: 0, htmlBytes: 0, files: 0, astroPages: 0, cold: [], unchanged: [], oneChanged: [], routes: [] };
    let cacheDir = '';
    for (let r = 0; r < repeat; r++) {
      cacheDir = path.join(temp, `cache-${n}-${r}`);
      console.log(`${n} 份报告：首次生成（空图片缓存）${repeat > 1 ? ` ${r + 1}/${repeat}` : ''}…`);
      result.cold.push(await build(contentDir, outDir, cacheDir));
    }
    result.routes = routeTimes(result.cold.at(-1)!.output);
    for (let r = 0; r < repeat; r++) {
      console.log(`${n} 份报告：无改动重新生成…`);
      result.unchanged.push(await build(contentDir, outDir, cacheDir));
    }
    // One report changed: its figures take other values (same shape), in a town with several reports.
    const changed = reports.find((x) => x.previous) ?? reports[0]!;
    for (let r = 0; r < repeat; r++) {
      writeReport(contentDir, changed, seed, r + 1);
      console.log(`${n} 份报告：改动一份报告（${changed.id}）后重新生成…`);
      result.oneChanged.push(await build(contentDir, outDir, cacheDir));
    }
    const html = htmlStats(outDir);
    result.htmlPages = html.count;
    result.htmlBytes = html.bytes;
    result.files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
    result.astroPages = result.cold[0]!.pages;
    if (!flag('no-baseline')) {
      console.log(`${n} 份报告：对照组，${html.count} 个普通 Astro 页面…`);
      result.baseline = await baseline(html.count, Math.round(html.bytes / html.count));
    }
    results.push(result);

    // Page weight and drawing time on the 10-report site (the home page alone grows with the number of reports).
    if (n === (sizes.includes(10) ? 10 : Math.max(...sizes))) {
      const sample = plan(n, seed).reports.find((x) => x.previous) ?? reports[0]!;
      const seriesDir = path.join(outDir, 'towns', sample.town.id, 'indicators');
      const series = existsSync(seriesDir) ? (readdirSync(seriesDir)[0] ?? '') : '';
      weights = await pageWeights(outDir, { reportId: sample.id, townId: sample.town.id, series, chart: 'indicator-growth' });
      if (!flag('no-browser')) {
        chartPage = `reports/${sample.id}/indicators/`;
        console.log(`图表绘制时间：Chromium 打开 /${chartPage} ${runs} 次…`);
        chartTimes = await timeToChart(outDir, chartPage, runs);
      }
    }
    for (const b of [...result.cold, ...result.unchanged, ...result.oneChanged]) b.output = b.output.slice(-20_000);
  }
} finally {
  if (!keep) {
    rmSync(temp, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// Report

const lines: string[] = [];
const out = (s = '') => lines.push(s);
const med = (builds: Run[], f: (b: Run) => number | undefined) => median(builds.map(f).filter((x): x is number => x !== undefined));
out(`Machine: ${machine.cpus} cores (${machine.model}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.os}; load average at start ${machine.loadAtStart}; ${machine.started}`);
out();
out('| reports | towns | HTML pages | files | cold build s (CPU s) | per report s | peak RSS tree / process MB | unchanged rebuild s (CPU s) | one changed s (CPU s) | pictures redrawn | plain Astro s (CPU s) | cold ÷ plain | warm ÷ plain | load before→after (cold) |');
out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const r of results) {
  const cold = med(r.cold, (b) => b.wall);
  const warm = med(r.unchanged, (b) => b.wall);
  const base = r.baseline?.wall;
  out(
    `| ${r.reports} | ${r.towns} | ${r.htmlPages} | ${r.files} | ${s1(cold)} (${s1(med(r.cold, (b) => b.cpu))}) | ${(cold / r.reports).toFixed(2)} | ${mb(Math.max(...r.cold.map((b) => b.peakTree)))} / ${mb(Math.max(...r.cold.map((b) => b.peakProcess ?? 0)))} | ` +
      `${s1(warm)} (${s1(med(r.unchanged, (b) => b.cpu))}) | ${s1(med(r.oneChanged, (b) => b.wall))} (${s1(med(r.oneChanged, (b) => b.cpu))}) | ${med(r.oneChanged as Build[], (b) => (b as Build).drawn)} | ` +
      `${base ? `${s1(base)} (${s1(r.baseline!.cpu ?? 0)})` : '—'} | ${base ? (cold / base).toFixed(1) : '—'} | ${base ? (warm / base).toFixed(1) : '—'} | ${r.cold.map((b) => `${b.loadBefore.toFixed(1)}→${b.loadAfter.toFixed(1)}`).join(', ')} |`,
  );
}
out();
out('Growth (median wall seconds; CPU seconds in brackets):');
out();
out('| from → to | cold build | unchanged rebuild |');
out('|---|---:|---:|');
for (let i = 1; i < results.length; i++) {
  const [a, b] = [results[i - 1]!, results[i]!];
  const ratio = (f: (r: SizeResult) => Run[]) => `${(med(f(b), (x) => x.wall) / med(f(a), (x) => x.wall)).toFixed(1)} (${(med(f(b), (x) => x.cpu) / med(f(a), (x) => x.cpu)).toFixed(1)})`;
  out(`| ${a.reports} → ${b.reports} (×${b.reports / a.reports}) | ${ratio((r) => r.cold)} | ${ratio((r) => r.unchanged)} |`);
}
out();
out('Phases (median seconds, from scripts/build.ts):');
out();
const phaseNames = [...new Set(results.flatMap((r) => r.cold.flatMap((b) => Object.keys(b.phases))))];
out(`| reports | build | ${phaseNames.join(' | ')} |`);
out(`|---:|---|${phaseNames.map(() => '---:').join('|')}|`);
for (const r of results) {
  for (const [name, builds] of [['cold', r.cold], ['unchanged', r.unchanged], ['one changed', r.oneChanged]] as const) {
    out(`| ${r.reports} | ${name} | ${phaseNames.map((p) => s1(med(builds, (b) => (b as Build).phases[p]))).join(' | ')} |`);
  }
}
const largest = results.at(-1);
if (largest) {
  out();
  out(`Astro route time, cold build of ${largest.reports} reports (from Astro's log; the ms Astro prints per route):`);
  out();
  out('| route | count | total s | each ms |');
  out('|---|---:|---:|---:|');
  for (const r of largest.routes.slice(0, 16)) out(`| ${r.route} | ${r.count} | ${s1(r.ms / 1000)} | ${(r.ms / r.count).toFixed(1)} |`);
}
if (weights.length) {
  out();
  out('Page weight per page type, as the budget gate measures it (tests/gates/lib/budgets.ts; bytes after gzip, JS with every chunk it imports, budgets from budgets.json):');
  out();
  out('```');
  out(budgetTable(weights));
  out('```');
}
if (chartTimes.length) {
  out();
  out(`Time from navigation start until a chart's inline SVG is laid out on /${chartPage.replace(/reports\/[^/]+/, 'reports/<report>')} in headless Chromium (local server, fresh cache each run, ${chartTimes.length} runs): median ${median(chartTimes).toFixed(0)} ms (min ${Math.min(...chartTimes).toFixed(0)}, max ${Math.max(...chartTimes).toFixed(0)}).`);
}
out();
out(`Load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);

const report = lines.join('\n');
console.log(`\n${report}`);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(path.join(resultsDir, 'latest.md'), `${report}\n`);
writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify({ machine, sizes, results, weights, chartTimes, chartPage }, null, 2)}\n`);
console.log(`\n结果已写入 ${path.relative(root, resultsDir)}/latest.md 和 latest.json`);
