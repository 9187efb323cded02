/**
 * `npm run import`: from a report's published text to a draft report folder that passes
 * `npm run check`. Everything drafted is taken from the text; what had to be guessed or could not be
 * drafted is said in `# 待核对：…` comments, which the site never shows.
 */
import type { z } from 'zod';
import { flattenNarrative, parseNarrative, type NarrativeNode } from '../model/narrative.ts';
import type { chartSchema, chartsFileSchema } from '../schemas/charts.ts';
import type { figureSchema } from '../schemas/common.ts';
import type { figuresFileSchema, indicatorsFileSchema } from '../schemas/figures.ts';
import type { planFileSchema, planItemSchema } from '../schemas/plan.ts';
import type { projectSchema, projectsFileSchema } from '../schemas/projects.ts';
import { NOT_GIVEN, type reportPeriodSchema, type reportSchema } from '../schemas/report.ts';
import type { Town, townSchema } from '../schemas/town.ts';
import { mapLines, withComments, WrittenNumber, type AsWritten, type Commented, type YamlMap } from './emit.ts';
import type { DraftFigure, DraftPlanItem, DraftProject, DraftSharedRank } from './drafts.ts';
import { extractFigures } from './figures.ts';
import { IdAllocator, idFor } from './ids.ts';
import { buildOutline, MEETING, NAME_ONLY, outlineToMarkdown, SPEAKER } from './outline.ts';
import { draftPlan, findPlanNode } from './plan.ts';
import { readSource, type SourceDocument } from './source.ts';
import { isAmountName } from './names.ts';
import { readDateTime } from './text.ts';
import { chineseNumber } from '../model/period.ts';
import { TO_FILL } from '../validation/yaml.ts';

export interface DraftOptions {
  /** The report id: the folder name and the URL segment, e.g. nantang-2022-h1. */
  id: string;
  /** The town id; found from the existing towns or the report id when not given. */
  town?: string;
  fileName?: string;
  /** Towns already in the content folder, by id. */
  towns?: Map<string, Town>;
  /** Today's date (YYYY-MM-DD), used only when the text gives no date at all. */
  today?: string;
}

export interface Draft {
  /** File name → content, for the report folder. */
  files: Record<string, string>;
  townId: string;
  /** The draft town file, when the town is not known yet. */
  townFile?: string;
  source: SourceDocument;
  counts: { indicators: number; figures: number; projects: number; plan: number; review: number };
}

/**
 * What a schema's content looks like as drafted: the schema's input type, numbers possibly as written
 * (12.0), with review comments. A field the schema renames or retypes no longer compiles here.
 */
type Drafted<S extends z.ZodType> = Commented<AsWritten<z.input<S>>>;

/** A period whose year the text may not give: then it is left to fill. */
type DraftPeriod = Omit<z.input<typeof reportPeriodSchema>, 'year'> & { year: number | typeof TO_FILL };

const HEADER = '# 由 npm run import 从原文自动生成的草稿。请对照原文逐项核对，核对后删去“待核对”注释。';
const REVIEW = '待核对：';
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

export class ImportError extends Error {}

export function draftReport(text: string, options: DraftOptions): Draft {
  if (!ID_PATTERN.test(options.id)) {
    throw new ImportError(`报告标识“${options.id}”不能用作网址：只能用小写英文字母、数字和连字符，如 nantang-2022-h1`);
  }
  const source = readSource(text, options.fileName);
  if (source.body.length === 0) throw new ImportError('没有找到正文：请确认文件是报告的全文（纯文本或保存的网页）');
  const outline = buildOutline(source.body);
  const markdown = outlineToMarkdown(outline);
  const narrative = parseNarrative(markdown);
  const nodes = flattenNarrative(narrative);

  const { title, titleNote } = titleOf(source, nodes);
  const townName = townNameOf(title ?? '', source);
  const towns = options.towns ?? new Map<string, Town>();
  const townId = options.town ?? [...towns].find(([, t]) => t.name === townName)?.[0] ?? /^([a-z0-9]+(?:-[a-z0-9]+)*?)-\d{4}/u.exec(options.id)?.[1];
  if (!townId || !ID_PATTERN.test(townId)) {
    throw new ImportError(`无法确定乡镇标识：请用 --town 指定，如 --town nantang（content/towns/ 下的文件名）`);
  }
  const known = towns.get(townId);
  const county = known?.county ?? countyOf(source, title ?? '');
  const places = placesOf(known, county);

  const plan = findPlanNode(narrative);
  const inPlan = (n: NarrativeNode) => plan !== undefined && (n.id === plan.id || n.id.startsWith(`${plan.id}-`));
  const figures: DraftFigure[] = [];
  const projects: DraftProject[] = [];
  const sharedRanks: DraftSharedRank[] = [];
  const skipped: string[] = [];
  for (const node of nodes) {
    if (inPlan(node)) continue;
    for (const paragraph of [node.heading, ...node.body.split(/\n{2,}/u)]) {
      if (paragraph.trim() === '') continue;
      const found = extractFigures(paragraph, node.id, places);
      figures.push(...found.figures);
      projects.push(...found.projects);
      sharedRanks.push(...found.ranks);
      skipped.push(...found.skipped.map((s) => `${node.id}：${s}`));
    }
  }
  const planItems = plan ? draftPlan(plan) : [];

  const ids = new IdAllocator();
  let fallback = 0;
  const idOf = (name: string, suffix = '') => {
    const derived = idFor(name);
    return ids.take(derived && `${derived}${suffix}`, () => `figure-${++fallback}`);
  };
  const isIndicator = (f: DraftFigure) => f.growth !== undefined || ((f.impliedUnit ?? f.unit ?? '').endsWith('元') && isAmountName(f.name));
  const drafted = figures.map((f) => ({ figure: f, id: idOf(f.name, f.value === undefined && f.growth === undefined && f.rank ? '-rank' : ''), indicator: isIndicator(f) }));
  const indicators = drafted.filter((d) => d.indicator);
  const others = drafted.filter((d) => !d.indicator);
  const idOfFigure = new Map(drafted.map((d) => [d.figure, d.id]));
  const indicatorItems = indicators.map((d) => figureMap(d.id, d.figure));
  const figureItems = others.map((d) => figureMap(d.id, d.figure));
  const ordered = [...indicators, ...others];
  const projectItems: Drafted<typeof projectSchema>[] = [];
  const progressIds: string[] = [];
  let projectCount = 0;
  for (const p of projects) {
    const id = ids.take(idFor(p.name), () => `project-${++projectCount}`);
    progressIds.push(id);
    const figs = p.figures.map((f) => {
      const figureId = idOf(f.name);
      idOfFigure.set(f, figureId);
      return figureMap(figureId, f);
    });
    projectItems.push(
      withComments<AsWritten<z.input<typeof projectSchema>>>(
        {
          id,
          name: p.name,
          point: p.point,
          status: p.status,
          summary: p.summary,
          progress: {
            done: p.progress.done && { ...p.progress.done },
            total: p.progress.total && { ...p.progress.total },
            rate: p.progress.rate,
            rateName: p.progress.rateName,
            period: p.progress.period,
            quote: p.progress.quote,
          },
          figures: figs.length > 0 ? figs : undefined,
          quote: p.quote,
        },
        { '.': p.review.map((r) => REVIEW + r), status: [`${REVIEW}状态按完成率推测（未到 100% 为 in-progress）`] },
      ),
    );
  }
  const planMaps = planItems.map((item, i) => planMap(`plan-${i + 1}`, item));
  let rankCount = 0;
  const rankItems = sharedRanks.map((r) => {
    const items = r.items.map((f) => idOfFigure.get(f)!);
    const id = ids.take(`${items[0]}-shared-rank`, () => `shared-rank-${++rankCount}`);
    return { id, items, position: r.position, scope: r.scope, of: r.of, subject: r.subject, written: r.written, quote: r.quote };
  });
  const sharedPositions = new Set(sharedRanks.filter((r) => r.position !== undefined).flatMap((r) => r.items));

  const all = [...figures, ...projects.flatMap((p) => p.figures)];
  const periodsOf = (list: (string | undefined)[]) => list.filter((p): p is string => p !== undefined);
  const growing = ordered.filter((d) => d.figure.growth);
  // A rank without an exact place (前列, 前三) has no bar to draw.
  const ranked = ordered.filter((d) => d.figure.rank?.position !== undefined || sharedPositions.has(d.figure));
  const charts = chartsFile(title ?? townName, [
    { id: 'indicator-growth', kind: 'growth', title: '主要指标增速', items: growing.map((d) => d.id), periods: periodsOf(growing.map((d) => d.figure.period)) },
    { id: 'indicator-rank', kind: 'rank', title: '指标和工作排名', items: ranked.map((d) => d.id), periods: periodsOf(ranked.map((d) => d.figure.period)) },
    { id: 'project-progress', kind: 'progress', title: '重点工作完成进度', items: progressIds, periods: periodsOf(projects.map((p) => p.progress.period)) },
  ]);

  const reportYaml = reportFile(source, { id: options.id, title, titleNote, townId, townName, narrative: markdown, preamble: outline.preamble, nodes, inPlan, hasPlan: plan !== undefined });
  const townFile = known ? undefined : townDraft(townName, county, [...all.map((f) => f.rank?.scope), ...sharedRanks.map((r) => r.scope)].filter((s): s is string => s !== undefined));

  const skippedNote = skipped.length > 0 ? ['', `# ${REVIEW}以下数字没有列入，请核对是否需要补上：`, ...skipped.map((s) => `#   ${s}`)] : [];
  const files: Record<string, string> = {
    'report.yaml': reportYaml,
    'narrative.md': markdown,
    'indicators.yaml': file<Drafted<typeof indicatorsFileSchema>>(
      ['# 主要经济指标：有增速的指标和产值、投资、收入等金额。数值和单位照原文；原文写“亿”而指亿元的，填了 impliedUnit。'],
      { indicators: indicatorItems },
    ),
    'figures.yaml': file<Drafted<typeof figuresFileSchema>>(['# 各部分的关键数字：数量、比率、排名，按正文顺序排列。', ...skippedNote], { figures: figureItems, ...(rankItems.length > 0 ? { ranks: rankItems } : {}) }),
    'projects.yaml': file<Drafted<typeof projectsFileSchema>>(['# 有完成进度的工作：已完成量、总量和原文写明的完成率。其他项目和节点请按需要补充。'], { projects: projectItems }),
    'plan.yaml': file<Drafted<typeof planFileSchema>>(
      [plan ? `# 下一阶段计划（正文“${plan.heading}”），每句一项。` : `# ${REVIEW}正文中没有找到下一阶段的工作思路或计划，plan 为空。`],
      { plan: planMaps },
    ),
    'charts.yaml': file<Drafted<typeof chartsFileSchema>>(['# 报告页面上的图表：只列出有数据的图表。'], { charts }),
  };
  const review = Object.values(files).join('\n').split(REVIEW).length - 1 + (townFile ? townFile.split(REVIEW).length - 1 : 0);
  return {
    files,
    townId,
    ...(townFile ? { townFile } : {}),
    source,
    counts: { indicators: indicatorItems.length, figures: figureItems.length, projects: projectItems.length, plan: planMaps.length, review },
  };
}

function file<T extends YamlMap>(comments: string[], data: T): string {
  return `${[HEADER, ...comments, ...mapLines(data)].join('\n')}\n`;
}

/** A number in the form the report wrote it (12.0), with a note: the content check reads the number 12. */
function asWritten(value: number, written: string | undefined, notes: string[]): number | WrittenNumber {
  if (written === undefined || written === String(Math.abs(value))) return value;
  notes.push(`原文写作“${written}”，YAML 中照原文写；数值读作 ${Math.abs(value)}，内容检查目前在摘录中找的是“${Math.abs(value)}”`);
  return new WrittenNumber(value, value < 0 ? `-${written}` : written);
}

function figureMap(id: string, f: DraftFigure): Drafted<typeof figureSchema> {
  const notes = [...f.review];
  return withComments<AsWritten<z.input<typeof figureSchema>>>(
    {
      id,
      name: f.name,
      point: f.point,
      period: f.period,
      value: f.value === undefined ? undefined : asWritten(f.value, f.written, notes),
      unit: f.unit,
      bound: f.bound,
      impliedUnit: f.impliedUnit,
      percent: f.percent,
      ratio: f.ratio,
      from: f.from && { ...f.from },
      estimate: f.estimate,
      growth: f.growth && { value: asWritten(f.growth.value, f.growth.written, notes), unit: f.growth.unit === '%' ? undefined : f.growth.unit, kind: f.growth.kind, verb: f.growth.verb },
      compare: f.compare && { ...f.compare },
      rank: f.rank && { ...f.rank },
      completion: f.completion && { rate: asWritten(f.completion.rate as number, f.completion.written, notes), target: f.completion.target },
      quote: f.quote,
    },
    { '.': notes.map((r) => REVIEW + r) },
  );
}

function planMap(id: string, item: DraftPlanItem): Drafted<typeof planItemSchema> {
  return withComments<AsWritten<z.input<typeof planItemSchema>>>(
    {
      id,
      point: item.point,
      title: item.title,
      text: item.text,
      targets: item.targets.length > 0 ? item.targets.map((t) => ({ ...t })) : undefined,
      quote: item.quote,
    },
    { title: item.review.map((r) => REVIEW + r) },
  );
}

interface ChartDraft {
  id: string;
  kind: 'growth' | 'rank' | 'progress';
  title: string;
  items: string[];
  /** The periods of the items, as written: one chart may mix 1-5月份 and 第一季度. */
  periods: string[];
}

/** Only charts that have items; the note names the periods of the items it shows. */
function chartsFile(title: string, drafts: ChartDraft[]): Drafted<typeof chartSchema>[] {
  return drafts
    .filter((c) => c.items.length > 0)
    .map((c) => {
      const periods = [...new Set(c.periods)];
      const note = `数据时期：${periods.length > 0 ? periods.join('、') : '原文未写明'}；来源：${title}`;
      const mixed = periods.length > 1 || periods.length < c.items.length;
      return withComments<z.input<typeof chartSchema>>(
        { id: c.id, kind: c.kind, title: c.title, note, items: c.items },
        { note: mixed ? [`${REVIEW}图中各项的时期不同或未写明，请在 note 中逐项说明`] : [] },
      );
    });
}

// ---------------------------------------------------------------------------------------------
// report.yaml and the town

/** A town's name: 某某镇, 某某乡, 某某街道 — not 全镇 or 我镇. */
const TOWN = '(?![全我本各该])[\\u4e00-\\u9fa5]{1,6}?(?:街道|镇|乡)(?!长|党委|政府|人大|干部|村|级)';
/** Words for towns in general, not a town's name: 乡镇XX年一季度工作情况汇报. */
const GENERIC_TOWN = /^(?:乡镇|城镇|集镇|村镇|小城镇|镇乡|乡)$/u;
/** The county before a town's name: 巴州区清江镇, 沂水县沙沟镇. */
const COUNTY_TOWN = new RegExp(`([\\u4e00-\\u9fa5]{1,4}?[县区市旗])(${TOWN})`, 'u');

/** The title as the page gives it; else a heading that names the report (flagged); else nothing. */
function titleOf(source: SourceDocument, nodes: NarrativeNode[]): { title?: string; titleNote?: string } {
  if (source.title) return { title: source.title };
  const heading = nodes.slice(0, 6).find((n) => /\d{4}\s*年/u.test(n.headline) && /总结|报告|回顾|汇报/u.test(n.headline) && n.headline.length <= 40);
  if (heading) return { title: heading.headline, titleNote: `原文没有标题，取自正文小标题“${heading.heading}”，请照发布页面改正` };
  return { titleNote: '原文没有标题，请照发布页面填写' };
}

function townNameOf(title: string, source: SourceDocument): string {
  const named = (s: string) => {
    const t = s.replace(/^[\d\s年]*/u, '');
    return COUNTY_TOWN.exec(t)?.[2] ?? new RegExp(`^(${TOWN})`, 'u').exec(t)?.[1];
  };
  const issuer = (source.disclosure.issuer ?? source.signature?.issuer ?? '').replace(/(人民政府|党委|办公室|办事处)$/u, '');
  const inText = source.body.slice(0, 3).map((p) => new RegExp(`(?:^|[，,。；;、])(${TOWN})`, 'u').exec(p)?.[1]).find((n) => n !== undefined);
  const real = (n: string | undefined) => (n && !GENERIC_TOWN.test(n) ? n : undefined);
  return real(named(title)) ?? real(named(issuer)) ?? (real(issuer) || real(inText) || TO_FILL);
}

/**
 * The county: the portal's (乐清市人民政府门户网站 → 乐清市), else the one the title or the issuer
 * puts before the town's name (巴州区清江镇, 沂水县沙沟镇).
 */
function countyOf(source: SourceDocument, title: string): string | undefined {
  const m = /([\u4e00-\u9fa5]{1,6}?[市县区])人民政府/u.exec(source.siteName ?? '');
  if (m) return m[1];
  for (const s of [title, source.disclosure.issuer ?? '', source.signature?.issuer ?? '']) {
    const found = COUNTY_TOWN.exec(s.replace(/^[\d\s年]*/u, ''));
    if (found) return found[1];
  }
  return undefined;
}

/** Place names that can stand before a rank without a verb (温州第2): the county's and prefecture's. */
function placesOf(town: Town | undefined, county: string | undefined): string[] {
  const names = [town?.county ?? county, town?.prefecture, ...Object.keys(town?.scopes ?? {})].filter((n): n is string => !!n);
  return [...new Set(names.flatMap((n) => [n, n.replace(/[市县区]$/u, '')]).filter((n) => n.length >= 2 && !n.startsWith('全')))];
}

interface ReportContext {
  id: string;
  title: string | undefined;
  titleNote: string | undefined;
  townId: string;
  townName: string;
  narrative: string;
  preamble: string[];
  nodes: NarrativeNode[];
  inPlan: (node: NarrativeNode) => boolean;
  /** Whether the text has a part on the next period (工作思路, 工作安排). */
  hasPlan: boolean;
}

const QUARTER = /(?:第|前)?([一二三四1-4])季度/u;
const HALF = /(上|下)半年/u;
/** A heading or sentence that says which period the text reviews: 2022年工作回顾, 2025年上半年工作总结. */
const REVIEWED = /((?:19|20)\d{2})\s*年\s*(?:度\s*)?(上半年|下半年|(?:第|前)?[一二三四1-4]季度)?\s*(?:工作)?(?:回顾|总结|完成情况|主要工作)/u;

/**
 * The period the report covers, from the text: the period its review part names (一、2022年工作回顾),
 * else the title's (2023年上半年…), where a 政府工作报告 of year N that reviews 过去一年 covers N−1.
 * Without a year in the text the year is left to fill.
 */
export function periodOf(title: string, headings: string[], text: string): { period: DraftPeriod; review?: string } {
  const reviewed = headings.map((h) => REVIEWED.exec(h)).find((m) => m !== null) ?? REVIEWED.exec(title);
  const titleYear = /((?:19|20)\d{2})\s*年/u.exec(title)?.[1];
  let year: number | undefined;
  let review: string | undefined;
  let which = title;
  if (reviewed) {
    year = Number(reviewed[1]);
    which = reviewed[2] ?? (titleYear && Number(titleYear) !== year ? '' : title);
    if (titleYear && Number(titleYear) !== year) review = `标题写${titleYear}年，正文回顾的是“${reviewed[0]}”，按${year}年填写`;
  } else if (titleYear) {
    year = Number(titleYear);
    const lastYear = new RegExp(`过去(?:的)?一年|${year - 1}\\s*年(?:是|以来|，|,|全年)`, 'u');
    if (/政府工作报告|工作报告/u.test(title) && !QUARTER.test(title) && !HALF.test(title) && lastYear.test(text.slice(0, 600))) {
      year -= 1;
      review = `标题写${titleYear}年，正文回顾的是上一年，按${year}年填写`;
    }
  } else {
    const inText = /((?:19|20)\d{2})\s*年/u.exec(text.slice(0, 400))?.[1];
    if (inText) {
      year = Number(inText);
      review = `标题中没有年份，取自正文“${inText}年”`;
    }
  }
  const base: Pick<DraftPeriod, 'year'> = year === undefined ? { year: TO_FILL } : { year };
  if (year === undefined) review = '原文没有写年份，请填写';
  const q = QUARTER.exec(which) ?? (which === title ? null : QUARTER.exec(title));
  const half = HALF.exec(which) ?? (which === title ? null : HALF.exec(title));
  const out = (period: DraftPeriod, note?: string) => ({ period, ...([review, note].some(Boolean) ? { review: [review, note].filter(Boolean).join('；') } : {}) });
  if (half && (!q || half.index < q.index)) return out({ ...base, kind: 'half', number: half[1] === '上' ? 1 : 2 });
  if (q) {
    const n = '一二三四'.includes(q[1]!) ? '一二三四'.indexOf(q[1]!) + 1 : Number(q[1]);
    return out({ ...base, kind: 'quarter', number: n }, q[0].startsWith('前') ? `原文写“${q[0]}”（累计），按第${n}季度填写` : undefined);
  }
  return out({ ...base, kind: 'year' });
}

const DATE_IN_TEXT = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
/** The kind of report, as the title words it. */
const REPORT_TYPE = /政府工作报告|工作情况汇报|工作情况报告|工作总结|工作报告|工作汇报|情况汇报|工作要点|工作计划|工作思路/u;
/** A title that promises a part on the next period: a report to a congress, a 总结及思路. */
const PROMISES_PLAN = /政府工作报告|办事处工作报告|思路|计划|打算|安排|要点/u;
/** 过去五年, 五年来, 这三年: a review of several years. */
const YEARS_REVIEWED = /(?:过去|这)的?([两二三四五六七八九十])年(?![度级])|(?<![近前后第])([两二三四五六七八九十])年来/u;
/** The first year of several the text names: 2016—2020年, 2016年以来. */
const FIRST_YEAR = /((?:19|20)\d{2})\s*(?:年)?\s*[-—–~至到]\s*((?:19|20)\d{2})\s*年|((?:19|20)\d{2})\s*年以来/u;
/** How a paragraph that ends where the author ended it ends. */
const ENDS_SENTENCE = /[。！？!?”"’）)]$/u;

/** The meeting line of the opening: (2025年1月14日在凤鸣街道第二届居民议事会第四次会议上). */
function meetingOf(preamble: string[]): { name: string; date?: string; written?: string } | undefined {
  for (const line of preamble.filter((p) => MEETING.test(p))) {
    const name = /在(.+?(?:会议|大会|议事会))上?\s*[)）]?$/u.exec(line)?.[1];
    if (!name) continue;
    const written = DATE_IN_TEXT.exec(line)?.[0];
    const date = written ? readDateTime(written)?.date : undefined;
    return { name, ...(date && written ? { date, written } : {}) };
  }
  return undefined;
}

/** The speaker line of the opening, as written (沙沟镇镇长 刘彦成), or a name alone beside the meeting line. */
function speakerOf(preamble: string[]): string | undefined {
  return preamble.find((p) => SPEAKER.test(p)) ?? preamble.find((p) => NAME_ONLY.test(p));
}

/**
 * Why the text looks like part of a report: its last paragraph stops mid-sentence, or the title promises
 * a part on the next period that the text does not have. Undefined when nothing says so.
 */
function excerptReason(source: SourceDocument, title: string, hasPlan: boolean): string | undefined {
  const last = source.body.at(-1) ?? '';
  if (!ENDS_SENTENCE.test(last)) return `原文的最后一段没有以句号结束（“…${last.slice(-12)}”），看来是节选`;
  if (!hasPlan && PROMISES_PLAN.test(title)) return `标题“${title}”的报告应有下一阶段的工作安排，原文没有，看来是节选`;
  return undefined;
}

function reportFile(source: SourceDocument, ctx: ReportContext): string {
  const d = source.disclosure;
  const notes: Record<string, string[]> = {};
  const guess = (key: string, why: string) => (notes[key] = [`${REVIEW}${why}`]);

  if (ctx.titleNote) guess('title', ctx.titleNote);
  const title = ctx.title ?? TO_FILL;
  const issuer = d.issuer ?? source.signature?.issuer ?? ctx.townName;
  if (!d.issuer) guess('issuer', source.signature?.issuer ? '原文没有“发布机构”，取自文末署名' : '原文没有“发布机构”，按乡镇名称填写');
  const headings = ctx.nodes.slice(0, 8).map((n) => n.heading);
  const { period, review: periodReview } = periodOf(ctx.title ?? '', headings, ctx.narrative);
  const periodNotes = periodReview ? [periodReview] : [];
  const opening = [...headings, ctx.narrative.slice(0, 600)];
  const several = opening.map((t) => YEARS_REVIEWED.exec(t)).find((m) => m !== null);
  if (several && typeof period.year === 'number' && period.kind === 'year' && (chineseNumber((several[1] ?? several[2]!).replace('两', '二')) ?? 0) > 1) {
    // The years only as the text writes them (2016—2020年, 2016年以来): a term of office does not say which years it spans.
    const first = opening.map((t) => FIRST_YEAR.exec(t)).find((m) => m !== null);
    const from = first ? Number(first[1] ?? first[3]) : undefined;
    const to = first?.[2] === undefined ? period.year : Number(first[2]);
    if (from !== undefined && from < to && to <= period.year) {
      period.from = from;
      period.year = to;
      periodNotes.length = 0;
      periodNotes.push(`原文写“${several[0]}”“${first![0]}”，按${from}—${to}年的多年回顾填写`);
    } else periodNotes.push(`原文写“${several[0]}”，是多年回顾：原文没有写起始年份，请照原文在 period 中补上 from（起始年份）`);
  }
  if (periodNotes.length > 0) guess('period', periodNotes.join('；'));
  const reportType = REPORT_TYPE.exec(ctx.title ?? '')?.[0];
  const docNumber = d.docNumber === undefined ? undefined : d.docNumber || NOT_GIVEN;
  let writtenOn: string = NOT_GIVEN;
  if (d.writtenOn) writtenOn = d.writtenOn;
  else if (d.issuedOn) {
    writtenOn = d.issuedOn;
    guess('writtenOn', '原文没有“成文日期”，按“发文日期”填写');
  } else if (source.signature?.date) {
    writtenOn = source.signature.date;
    guess('writtenOn', '原文没有“成文日期”，取自文末的日期');
  }
  const publishedAt = d.published ? (d.published.time ? `${d.published.date} ${d.published.time}` : d.published.date) : NOT_GIVEN;
  const disclosure = d.disclosure ?? NOT_GIVEN;
  const meeting = meetingOf(ctx.preamble);
  if (meeting?.written) notes['meeting'] = [`${REVIEW}会议日期取自原文“${meeting.written}”`];
  const speaker = speakerOf(ctx.preamble);
  const excerpt = excerptReason(source, title, ctx.hasPlan);
  if (excerpt) guess('excerpt', `${excerpt}；请在 notes 中写明收录了原文的哪些部分`);
  const keywords = source.keywords ?? [ctx.townName, ...(title.match(/工作总结|工作思路|工作计划|工作报告|工作要点/gu) ?? [])].filter((k) => k !== TO_FILL);
  guess('keywords', '关键词是推测的');
  const sections = ctx.nodes.filter((n) => n.depth === 2 && !ctx.inPlan(n)).map((n) => n.headline).slice(0, 4);
  const name = ctx.title ?? ctx.townName;
  const description = sections.length > 0 ? `${name}：${sections.join('；')}。` : `${name}。`;
  guess('description', '摘要由标题和小节标题拼成，请改写成一两句话');

  const repeated = [...ctx.narrative.matchAll(/([\u4e00-\u9fa5]{2,4})\1/gu)].map((m) => m[0]).filter((w) => !/^(.)\1+$/u.test(w));
  if (repeated.length > 0) {
    notes['notes'] = [`${REVIEW}原文有重复的字：${[...new Set(repeated)].join('、')}。如确是笔误，照原文保留并在 notes 中说明`];
  }
  const data = withComments<Omit<z.input<typeof reportSchema>, 'period'> & { period: DraftPeriod }>(
    {
      title,
      town: ctx.townId,
      issuer,
      period,
      reportType,
      indexNumber: d.indexNumber ?? NOT_GIVEN,
      category: d.category ?? NOT_GIVEN,
      breadcrumb: source.breadcrumb ?? NOT_GIVEN,
      docNumber,
      writtenOn,
      publishedAt,
      disclosure,
      openPeriod: d.openPeriod,
      sourceUrl: source.sourceUrl ?? NOT_GIVEN,
      meeting: meeting && { name: meeting.name, date: meeting.date },
      speaker,
      excerpt: excerpt ? true : undefined,
      subjectWords: d.subjectWords,
      keywords,
      description,
      interpretation: source.interpretation,
      notes: [],
    },
    notes,
  );
  return `${[HEADER, ...mapLines(data)].join('\n')}\n`;
}

/** A draft town file: where the town is and what its rank scopes mean; what the text does not say is left to fill. */
function townDraft(name: string, county: string | undefined, scopes: string[]): string {
  const places = [...new Set(scopes)];
  const otherPlaces = places.filter((s) => !s.startsWith('全') && !/类/u.test(s) && !(county && county.startsWith(s)));
  const prefecture = otherPlaces[0] ? (/[市州盟]$/u.test(otherPlaces[0]) ? otherPlaces[0] : `${otherPlaces[0]}市`) : undefined;
  const mean = (scope: string): string => {
    if (/^全[市县区]$/u.test(scope)) return county ?? TO_FILL;
    if (scope === '全省') return TO_FILL;
    if (scope === '全国') return '全国';
    if (/^全(镇|乡|街道)$/u.test(scope)) return name;
    if (county && county.startsWith(scope)) return county;
    if (prefecture?.startsWith(scope)) return prefecture;
    if (/类|同类/u.test(scope)) return county ? `${county}${scope}` : TO_FILL;
    return /[市县区州]$/u.test(scope) ? scope : `${scope}市`;
  };
  const scopeMap: Record<string, string> = {};
  const unknownScopes: string[] = [];
  for (const s of places) {
    const meaning = mean(s);
    if (meaning === TO_FILL) unknownScopes.push(s);
    else scopeMap[s] = meaning;
  }
  const hasScopes = Object.keys(scopeMap).length > 0;
  // What the text does not say of where the town lies is 原文未提供, which the check lists as a located
  // warning (src/validation/not-given.ts); no second review note.
  const data = withComments<z.input<typeof townSchema>>(
    { name, county: county ?? NOT_GIVEN, prefecture: prefecture ?? NOT_GIVEN, province: NOT_GIVEN, ...(hasScopes ? { scopes: scopeMap } : {}) },
    {
      county: county ? [`${REVIEW}从发布网站的名称、标题或发布机构读出`] : [],
      prefecture: prefecture ? [`${REVIEW}从排名范围“${prefecture.replace(/市$/u, '')}”推测`] : [],
      scopes: hasScopes ? [`${REVIEW}排名范围所指的地方是推测的：“全市”一般指县级市`] : [],
    },
  );
  const unknown = unknownScopes.length > 0 ? [`# ${REVIEW}原文的排名范围${unknownScopes.map((s) => `“${s}”`).join('、')}指哪里原文没有写，请在 scopes 中补上（如 ${unknownScopes[0]}: 某某市）`] : [];
  return `${['# 由 npm run import 生成的乡镇信息草稿。文件名就是乡镇的标识，报告的 report.yaml 用 town: 引用它。', ...mapLines(data), ...unknown].join('\n')}\n`;
}
