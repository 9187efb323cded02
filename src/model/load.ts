/**
 * Loads all content (site.yaml, towns/, reports/) into the data model the pages use, collecting every
 * problem with its location. Nothing is rendered from content that has errors.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Chart } from '../schemas/charts.ts';
import type { Figure } from '../schemas/common.ts';
import type { Outcome } from '../schemas/outcomes.ts';
import type { PlanItem } from '../schemas/plan.ts';
import type { Project } from '../schemas/projects.ts';
import type { ReportMeta } from '../schemas/report.ts';
import { REPORT_FILES } from '../schemas/index.ts';
import { siteSchema, type Site } from '../schemas/site.ts';
import { townSchema, type Town } from '../schemas/town.ts';
import { withSharedRanks } from './items.ts';
import { checkOutcomes, checkReport, checkTownsAndOrder, type LoadedReport, type ReportFiles } from '../validation/cross.ts';
import { checkTown } from '../validation/not-given.ts';
import { checkSite } from '../validation/site.ts';
import { sortProblems, type Problem } from '../validation/problem.ts';
import { checkEntry, listFolder, readUtf8, readYamlFile, SIZE_LIMITS, TO_FILL, type YamlFile } from '../validation/yaml.ts';
import { parseNarrative, type Narrative } from './narrative.ts';
import { dateOrder } from './report-dates.ts';

export interface TownEntry extends Town {
  id: string;
}

/** One report with everything its pages need. */
export interface Report {
  /** The folder name: the report's URL segment, e.g. nantang-2022-h1. */
  id: string;
  meta: ReportMeta;
  town: TownEntry;
  narrative: Narrative;
  indicators: Figure[];
  figures: Figure[];
  projects: Project[];
  plan: PlanItem[];
  charts: Chart[];
  /** How this report answers plan items of earlier reports (承诺兑现). */
  outcomes: Outcome[];
}

export interface SiteContent {
  site: Site;
  towns: TownEntry[];
  /** Newest first, by publication date, or what stands in for it (dateOrder in report-dates.ts). */
  reports: Report[];
}

export interface LoadResult {
  content?: SiteContent;
  problems: Problem[];
}

export { REPORT_FILES };
export const NARRATIVE_FILE = 'narrative.md';

/**
 * @param contentDir absolute path of the content folder
 * @param projectRoot paths in problems are relative to this
 * @param snapshot a snapshot of this folder written by the build (writeContentSnapshot): read instead
 */
export function loadContent(contentDir: string, projectRoot = path.dirname(contentDir), { snapshot }: { snapshot?: string | undefined } = {}): LoadResult {
  const saved = snapshot ? readContentSnapshot(snapshot, contentDir, projectRoot) : undefined;
  if (saved) return saved;
  let reading: string | undefined;
  try {
    return loadFresh(contentDir, projectRoot, (file) => (reading = file));
  } catch (error) {
    throw new ContentLoadError(reading, error);
  }
}

/**
 * An exception no check turned into a problem: a bug, not a mistake in the content. It names the file
 * (or report folder) being read, for the last-resort message of scripts/check.ts and scripts/build.ts.
 */
export class ContentLoadError extends Error {
  readonly file: string | undefined;
  constructor(file: string | undefined, cause: unknown) {
    super(`unexpected error while loading ${file ?? 'content'}`, { cause });
    this.file = file;
  }
}

/** The last-resort message for an unexpected exception while loading: in Chinese, without a stack trace. */
export function unexpectedFailure(error: unknown): string {
  const file = error instanceof ContentLoadError ? error.file : undefined;
  const cause = error instanceof ContentLoadError ? error.cause : error;
  const detail = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0];
  const where = file ? `读取 ${file} 时` : '读取内容时';
  return `${where}出现了意外的错误，内容检查没有完成。这多半是程序的问题，而不是内容写错了：请把这条消息转给技术人员。\n技术细节：${detail}`;
}

/** `reading` is told each file or folder as it is read, to name it if something unexpected fails. */
function loadFresh(contentDir: string, projectRoot: string, reading: (file: string) => string): LoadResult {
  const rel = (p: string) => reading(path.relative(projectRoot, p).split(path.sep).join('/'));
  const problems: Problem[] = [];

  const siteFile = path.join(contentDir, 'site.yaml');
  const site = readYamlFile(siteFile, rel(siteFile), siteSchema);
  problems.push(...(site.missing ? [missing(rel(siteFile), '网站信息文件 site.yaml')] : [...site.problems, ...checkSite(rel(siteFile), site)]));

  const towns: TownEntry[] = [];
  const townFiles = new Map<string, YamlFile<Town>>();
  const townsDir = path.join(contentDir, 'towns');
  for (const { name } of listFolder(townsDir, rel(townsDir), problems).filter((e) => e.name.endsWith('.yaml'))) {
    const abs = path.join(townsDir, name);
    const town = readYamlFile(abs, rel(abs), townSchema);
    problems.push(...town.problems, ...checkTown(rel(abs), town));
    const id = name.replace(/\.yaml$/, '');
    townFiles.set(id, town);
    if (town.data) towns.push({ id, ...town.data });
  }

  const loaded: LoadedReport[] = [];
  const reportsDir = path.join(contentDir, 'reports');
  for (const entry of listFolder(reportsDir, rel(reportsDir), problems)) {
    // A file beside the report folders (a README, .DS_Store) is no report; anything else must be a real folder.
    if (entry.isFile()) continue;
    const id = entry.name;
    const dir = path.join(reportsDir, id);
    const folder = checkEntry(dir, rel(dir), 'folder');
    if (folder === 'missing') continue;
    if ('message' in folder) {
      problems.push(folder);
      continue;
    }
    const files = {} as Record<string, YamlFile<unknown>>;
    for (const [key, { file, schema, optional }] of Object.entries(REPORT_FILES)) {
      const abs = path.join(dir, file);
      const parsed = readYamlFile(abs, rel(abs), schema);
      if (parsed.missing) {
        if (!optional) problems.push(missing(rel(abs), `报告文件 ${file}`));
        // An optional file that is absent reads as empty.
        const empty = optional ? { data: schema.parse({ [key]: [] }) } : {};
        files[key] = { ...empty, problems: [], locate: () => ({ line: 0, column: 0 }) };
        continue;
      }
      problems.push(...parsed.problems);
      files[key] = parsed;
    }
    const narrativePath = path.join(dir, NARRATIVE_FILE);
    let narrative: Narrative | undefined;
    const text = readUtf8(narrativePath, rel(narrativePath), SIZE_LIMITS.narrative);
    if (text.missing) problems.push(missing(rel(narrativePath), '正文文件 narrative.md'));
    problems.push(...text.problems);
    // An empty text counts as not read: every quote and section would otherwise be reported missing from it.
    if (text.text?.trim() === '') {
      problems.push({ severity: 'error', file: rel(narrativePath), line: 1, column: 1, field: '', message: '正文文件 narrative.md 是空的：请把本期报告正文照原文粘贴进来' });
    } else if (text.text !== undefined) {
      narrative = parseNarrative(text.text.replace(/^\uFEFF/, ''));
      text.text.split('\n').forEach((line, i) => {
        const column = line.indexOf(TO_FILL);
        if (column >= 0) {
          problems.push({ severity: 'error', file: rel(narrativePath), line: i + 1, column: column + 1, field: '', message: `这里还是“${TO_FILL}”：请把本期报告正文照原文粘贴进来` });
        }
      });
    }
    loaded.push({ id, dir: rel(dir), files: files as ReportFiles, ...(narrative ? { narrative } : {}) });
  }

  const reports: Report[] = [];
  for (const report of loaded) {
    // Checks across files need every file read: until then a reference would look dangling when
    // its target file merely failed to parse, and the editor would chase the wrong problem.
    const allRead = report.narrative !== undefined && Object.values(report.files).every((f) => f.data !== undefined);
    reading(report.dir);
    if (allRead) problems.push(...checkReport(report, townFiles));
    const { files, narrative } = report;
    const meta = files.report.data;
    const town = meta && towns.find((t) => t.id === meta.town);
    if (!meta || !town || !narrative) continue;
    if (!files.indicators.data || !files.figures.data || !files.projects.data || !files.plan.data || !files.charts.data) continue;
    const figures = withSharedRanks(
      { indicators: files.indicators.data.indicators, figures: files.figures.data.figures, projects: files.projects.data.projects },
      files.figures.data.ranks,
    );
    reports.push({
      id: report.id,
      meta,
      town,
      narrative,
      ...figures,
      plan: files.plan.data.plan,
      charts: files.charts.data.charts,
      outcomes: files.outcomes.data?.outcomes ?? [],
    });
  }
  reading(path.relative(projectRoot, contentDir).split(path.sep).join('/'));
  problems.push(...checkTownsAndOrder(loaded));
  problems.push(...checkOutcomes(loaded));
  reports.sort((a, b) => dateOrder(b.meta).localeCompare(dateOrder(a.meta)) || a.id.localeCompare(b.id));

  sortProblems(problems);
  if (!site?.data || problems.some((p) => p.severity === 'error')) return { problems };
  return { content: { site: site.data, towns, reports }, problems };
}

/**
 * One validation per build. src/build.ts loads and checks the content, writes what it loaded to a
 * snapshot file and names it to the Astro build it starts (src/build-channel.ts): loadContent() of the
 * same folder then returns the snapshot instead of reading and checking every file again (the pages and
 * the sitemap each loaded it once more, about 40 ms per report, on a province's thousand reports over a
 * minute). The build so renders exactly the content it validated. v8 serialization keeps everything
 * as loaded: key order, shared objects (a report's town), undefined values.
 */
interface ContentSnapshot {
  contentDir: string;
  projectRoot: string;
  result: LoadResult;
}

export function writeContentSnapshot(file: string, contentDir: string, projectRoot: string, result: LoadResult): void {
  const snapshot: ContentSnapshot = { contentDir: path.resolve(contentDir), projectRoot: path.resolve(projectRoot), result };
  writeFileSync(file, serialize(snapshot));
}

function readContentSnapshot(file: string, contentDir: string, projectRoot: string): LoadResult | undefined {
  if (!existsSync(file)) return undefined;
  // Read afresh on every call, as loading is: no two callers share (and could change) one object.
  const snapshot = deserialize(readFileSync(file)) as ContentSnapshot;
  if (snapshot.contentDir !== path.resolve(contentDir)) return undefined;
  // Problems are located relative to the caller's project root, as loading them would have.
  const rebase = (located: string) => path.relative(projectRoot, path.resolve(snapshot.projectRoot, located)).split(path.sep).join('/');
  const problems = snapshot.result.problems.map((p) => ({ ...p, file: rebase(p.file) }));
  return { ...(snapshot.result.content ? { content: snapshot.result.content } : {}), problems };
}

function missing(file: string, what: string): Problem {
  return { severity: 'error', file, line: 0, column: 0, field: '', message: `找不到${what}` };
}
