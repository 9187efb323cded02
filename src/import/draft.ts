/**
 * `npm run import`: from a report's published text to a draft report folder that passes
 * `npm run check`. Everything drafted is taken from the text; what had to be guessed or could not be
 * drafted is said in `# 待核对：…` comments, which the site never shows.
 */
import { flattenNarrative, parseNarrative, type NarrativeNode } from '../model/narrative.ts';
import type { Town } from '../schemas/town.ts';
import { mapLines, withComments, type YamlMap, type YamlValue } from './emit.ts';
import { extractFigures, type DraftFigure, type DraftProject } from './figures.ts';
import { IdAllocator, idFor } from './ids.ts';
import { buildOutline, outlineToMarkdown } from './outline.ts';
import { draftPlan, findPlanNode, type DraftPlanItem } from './plan.ts';
import { readSource, type SourceDocument } from './source.ts';
import { isAmountName } from './names.ts';

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
  const markdown = outlineToMarkdown(buildOutline(source.body));
  const narrative = parseNarrative(markdown);
  const nodes = flattenNarrative(narrative);

  const title = source.title ?? nodes[0]?.headline ?? options.id;
  const townName = townNameOf(title, source);
  const towns = options.towns ?? new Map<string, Town>();
  const townId = options.town ?? [...towns].find(([, t]) => t.name === townName)?.[0] ?? /^([a-z0-9]+(?:-[a-z0-9]+)*?)-\d{4}/u.exec(options.id)?.[1];
  if (!townId || !ID_PATTERN.test(townId)) {
    throw new ImportError(`无法确定乡镇标识：请用 --town 指定，如 --town nantang（content/towns/ 下的文件名）`);
  }
  const known = towns.get(townId);
  const county = known?.county ?? countyOf(source);
  const places = placesOf(known, county);

  const plan = findPlanNode(narrative);
  const inPlan = (n: NarrativeNode) => plan !== undefined && (n.id === plan.id || n.id.startsWith(`${plan.id}-`));
  const figures: DraftFigure[] = [];
  const projects: DraftProject[] = [];
  const skipped: string[] = [];
  for (const node of nodes) {
    if (inPlan(node)) continue;
    for (const paragraph of [node.heading, ...node.body.split(/\n{2,}/u)]) {
      if (paragraph.trim() === '') continue;
      const found = extractFigures(paragraph, node.id, places);
      figures.push(...found.figures);
      projects.push(...found.projects);
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
  const indicatorItems = drafted.filter((d) => d.indicator).map((d) => figureMap(d.id, d.figure));
  const figureItems = drafted.filter((d) => !d.indicator).map((d) => figureMap(d.id, d.figure));
  const ordered = [...drafted.filter((d) => d.indicator), ...drafted.filter((d) => !d.indicator)];
  const projectItems: YamlMap[] = [];
  const progressIds: string[] = [];
  let projectCount = 0;
  for (const p of projects) {
    const id = ids.take(idFor(p.name), () => `project-${++projectCount}`);
    progressIds.push(id);
    const figs = p.figures.map((f) => figureMap(idOf(f.name), f));
    projectItems.push(
      withComments(
        {
          id,
          name: p.name,
          point: p.point,
          status: p.status,
          summary: p.summary,
          progress: compact({
            done: p.progress.done && compact({ ...p.progress.done }),
            total: p.progress.total && compact({ ...p.progress.total }),
            rate: p.progress.rate,
            rateName: p.progress.rateName,
            period: p.progress.period,
            quote: p.progress.quote,
          }),
          figures: figs.length > 0 ? figs : undefined,
          quote: p.quote,
        },
        { '.': p.review.map((r) => REVIEW + r), status: [`${REVIEW}状态按完成率推测（未到 100% 为 in-progress）`] },
      ),
    );
  }
  const planMaps = planItems.map((item, i) => planMap(`plan-${i + 1}`, item));

  const all = [...figures, ...projects.flatMap((p) => p.figures)];
  const periodsOf = (list: (string | undefined)[]) => list.filter((p): p is string => p !== undefined);
  const growing = ordered.filter((d) => d.figure.growth);
  const ranked = ordered.filter((d) => d.figure.rank);
  const charts = chartsFile(title, [
    { id: 'indicator-growth', kind: 'growth', title: '主要指标增速', items: growing.map((d) => d.id), periods: periodsOf(growing.map((d) => d.figure.period)) },
    { id: 'indicator-rank', kind: 'rank', title: '指标和工作排名', items: ranked.map((d) => d.id), periods: periodsOf(ranked.map((d) => d.figure.period)) },
    { id: 'project-progress', kind: 'progress', title: '重点工作完成进度', items: progressIds, periods: periodsOf(projects.map((p) => p.progress.period)) },
  ]);

  const reportYaml = reportFile(source, { id: options.id, title, townId, townName, today: options.today ?? new Date().toISOString().slice(0, 10), narrative: markdown, nodes, inPlan });
  const townFile = known ? undefined : townDraft(townName, county, all.map((f) => f.rank?.scope).filter((s): s is string => s !== undefined));

  const skippedNote = skipped.length > 0 ? ['', `# ${REVIEW}以下数字没有列入，请核对是否需要补上：`, ...skipped.map((s) => `#   ${s}`)] : [];
  const files: Record<string, string> = {
    'report.yaml': reportYaml,
    'narrative.md': markdown,
    'indicators.yaml': file(
      ['# 主要经济指标：有增速的指标和产值、投资、收入等金额。数值和单位照原文；原文写“亿”而指亿元的，填了 impliedUnit。'],
      { indicators: indicatorItems },
    ),
    'figures.yaml': file(['# 各部分的关键数字：数量、比率、排名，按正文顺序排列。', ...skippedNote], { figures: figureItems }),
    'projects.yaml': file(['# 有完成进度的工作：已完成量、总量和原文写明的完成率。其他项目和节点请按需要补充。'], { projects: projectItems }),
    'plan.yaml': file(
      [plan ? `# 下一阶段计划（正文“${plan.heading}”），每句一项。` : `# ${REVIEW}正文中没有找到下一阶段的工作思路或计划，plan 为空。`],
      { plan: planMaps },
    ),
    'charts.yaml': file(['# 报告页面上的图表：只列出有数据的图表。'], { charts }),
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

function file(comments: string[], data: YamlMap): string {
  return `${[HEADER, ...comments, ...mapLines(data)].join('\n')}\n`;
}

/** Leaves out undefined fields, so optional fields are absent rather than empty. */
function compact<T extends Record<string, unknown>>(o: T): YamlMap {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as YamlMap;
}

function figureMap(id: string, f: DraftFigure): YamlMap {
  return withComments(
    compact({
      id,
      name: f.name,
      point: f.point,
      period: f.period,
      value: f.value,
      unit: f.unit,
      bound: f.bound,
      impliedUnit: f.impliedUnit,
      growth: f.growth && compact({ value: f.growth.value, unit: f.growth.unit === '%' ? undefined : f.growth.unit, kind: f.growth.kind }),
      rank: f.rank && compact({ ...f.rank }),
      quote: f.quote,
    }),
    { '.': f.review.map((r) => REVIEW + r) },
  );
}

function planMap(id: string, item: DraftPlanItem): YamlMap {
  return withComments(
    compact({
      id,
      point: item.point,
      title: item.title,
      text: item.text,
      targets: item.targets.length > 0 ? item.targets.map((t) => compact({ ...t })) : undefined,
      quote: item.quote,
    }),
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
function chartsFile(title: string, drafts: ChartDraft[]): YamlValue[] {
  return drafts
    .filter((c) => c.items.length > 0)
    .map((c) => {
      const periods = [...new Set(c.periods)];
      const note = `数据时期：${periods.length > 0 ? periods.join('、') : '原文未写明'}；来源：${title}`;
      const mixed = periods.length > 1 || periods.length < c.items.length;
      return withComments(
        { id: c.id, kind: c.kind, title: c.title, note, items: c.items },
        { note: mixed ? [`${REVIEW}图中各项的时期不同或未写明，请在 note 中逐项说明`] : [] },
      );
    });
}

// ---------------------------------------------------------------------------------------------
// report.yaml and the town

const TOWN_NAME = /^([\u4e00-\u9fa5]{1,10}?(?:街道办事处|街道|镇|乡))/u;

function townNameOf(title: string, source: SourceDocument): string {
  const fromTitle = TOWN_NAME.exec(title)?.[1];
  const issuer = (source.disclosure.issuer ?? source.signature?.issuer ?? '').replace(/(人民政府|党委|办公室|办事处)$/u, '');
  return fromTitle ?? (TOWN_NAME.exec(issuer)?.[1] || issuer || title.slice(0, 3));
}

/** The county-level city whose portal published the page: 乐清市人民政府门户网站 → 乐清市. */
function countyOf(source: SourceDocument): string | undefined {
  const m = /([\u4e00-\u9fa5]{1,6}?[市县区])人民政府/u.exec(source.siteName ?? '');
  return m?.[1];
}

/** Place names that can stand before a rank without a verb (温州第2): the county's and prefecture's. */
function placesOf(town: Town | undefined, county: string | undefined): string[] {
  const names = [town?.county ?? county, town?.prefecture, ...Object.keys(town?.scopes ?? {})].filter((n): n is string => !!n);
  return [...new Set(names.flatMap((n) => [n, n.replace(/[市县区]$/u, '')]).filter((n) => n.length >= 2 && !n.startsWith('全')))];
}

interface ReportContext {
  id: string;
  title: string;
  townId: string;
  townName: string;
  today: string;
  narrative: string;
  nodes: NarrativeNode[];
  inPlan: (node: NarrativeNode) => boolean;
}

function periodOf(title: string): { period: YamlMap; review?: string } {
  const year = Number(/(\d{4})\s*年/u.exec(title)?.[1] ?? NaN);
  const y = Number.isFinite(year) ? year : undefined;
  const q = /(?:第|前)?([一二三四1-4])季度/u.exec(title);
  const half = /(上|下)半年/u.exec(title);
  const review = y === undefined ? '标题中没有年份，year 是推测的' : undefined;
  const base = { year: y ?? new Date().getFullYear() };
  if (half && (!q || half.index < q.index)) return { period: { ...base, kind: 'half', number: half[1] === '上' ? 1 : 2 }, ...(review ? { review } : {}) };
  if (q) {
    const n = '一二三四'.includes(q[1]!) ? '一二三四'.indexOf(q[1]!) + 1 : Number(q[1]);
    const cumulative = q[0].startsWith('前') ? `标题写“${q[0]}”（累计），按第${n}季度填写` : undefined;
    return { period: { ...base, kind: 'quarter', number: n }, ...(review || cumulative ? { review: [review, cumulative].filter(Boolean).join('；') } : {}) };
  }
  return { period: { ...base, kind: 'year' }, ...(review ? { review } : {}) };
}

function reportFile(source: SourceDocument, ctx: ReportContext): string {
  const d = source.disclosure;
  const notes: Record<string, string[]> = {};
  const guess = (key: string, why: string) => (notes[key] = [`${REVIEW}${why}`]);

  const issuer = d.issuer ?? source.signature?.issuer ?? ctx.townName;
  if (!d.issuer) guess('issuer', source.signature?.issuer ? '原文没有“发布机构”，取自文末署名' : '原文没有“发布机构”，按乡镇名称填写');
  const { period, review: periodReview } = periodOf(ctx.title);
  if (periodReview) guess('period', periodReview);
  const indexNumber = d.indexNumber ?? `待补充-${ctx.id}`;
  if (!d.indexNumber) guess('indexNumber', '原文没有索引号，请照发布页面填写');
  const category = d.category ?? source.breadcrumb?.at(-1) ?? (/(总结|计划|思路)/u.test(ctx.title) ? '计划总结' : '工作报告');
  if (!d.category) guess('category', '原文没有“组配分类”，是推测的');
  const breadcrumb = source.breadcrumb ?? ['首页', '信息公开', category];
  if (!source.breadcrumb) guess('breadcrumb', '原文没有栏目路径，是推测的');
  const writtenOn = d.writtenOn ?? source.signature?.date ?? d.published?.date ?? ctx.today;
  if (!d.writtenOn) {
    guess('writtenOn', source.signature?.date ? '原文没有“成文日期”，取自文末日期' : d.published ? '原文没有“成文日期”，按发布日期填写' : '原文没有日期，暂填导入当天，请改正');
  }
  const publishedAt = d.published ? `${d.published.date} ${d.published.time ?? '00:00'}` : `${writtenOn} 00:00`;
  if (!d.published) guess('publishedAt', '原文没有“发布日期”，暂按成文日期填写');
  else if (!d.published.time) guess('publishedAt', '原文的发布日期没有时间，暂填 00:00');
  const disclosure = d.disclosure ?? '主动公开';
  if (!d.disclosure) guess('disclosure', '原文没有“公开方式”，按主动公开填写');
  const sourceUrl = source.sourceUrl ?? 'https://example.invalid/';
  if (!source.sourceUrl) guess('sourceUrl', '原文没有链接地址，请填写原发布页面的网址');
  const keywords = source.keywords ?? [ctx.townName, ...(ctx.title.match(/工作总结|工作思路|工作计划|工作报告|工作要点/gu) ?? [])];
  guess('keywords', '关键词是推测的');
  const sections = ctx.nodes.filter((n) => n.depth === 2 && !ctx.inPlan(n)).map((n) => n.headline).slice(0, 4);
  const description = sections.length > 0 ? `${ctx.title}：${sections.join('；')}。` : `${ctx.title}。`;
  guess('description', '摘要由标题和小节标题拼成，请改写成一两句话');

  const repeated = [...ctx.narrative.matchAll(/([\u4e00-\u9fa5]{2,4})\1/gu)].map((m) => m[0]).filter((w) => !/^(.)\1+$/u.test(w));
  if (repeated.length > 0) {
    notes['notes'] = [`${REVIEW}原文有重复的字：${[...new Set(repeated)].join('、')}。如确是笔误，照原文保留并在 notes 中说明`];
  }
  const data = withComments(
    compact({
      title: ctx.title,
      town: ctx.townId,
      issuer,
      period,
      indexNumber,
      category,
      breadcrumb,
      writtenOn,
      publishedAt,
      disclosure,
      sourceUrl,
      keywords,
      description,
      interpretation: source.interpretation,
      notes: [],
    }),
    notes,
  );
  return `${[HEADER, ...mapLines(data)].join('\n')}\n`;
}

/** A draft town file: where the town is and what its rank scopes mean, all marked for review. */
function townDraft(name: string, county: string | undefined, scopes: string[]): string {
  const unknown = '待补充';
  const places = [...new Set(scopes)];
  const countyName = county ?? unknown;
  const otherPlaces = places.filter((s) => !s.startsWith('全') && !/类/u.test(s) && !(county && county.startsWith(s)));
  const prefecture = otherPlaces[0] ? (/[市州盟]$/u.test(otherPlaces[0]) ? otherPlaces[0] : `${otherPlaces[0]}市`) : unknown;
  const mean = (scope: string): string => {
    if (/^全[市县区]$/u.test(scope)) return countyName;
    if (scope === '全省') return unknown;
    if (scope === '全国') return '全国';
    if (/^全(镇|乡|街道)$/u.test(scope)) return name;
    if (county && county.startsWith(scope)) return county;
    if (prefecture.startsWith(scope)) return prefecture;
    if (/类|同类/u.test(scope)) return `${countyName}${scope}`;
    return /[市县区州]$/u.test(scope) ? scope : `${scope}市`;
  };
  const scopeMap: YamlMap = {};
  for (const s of places) scopeMap[s] = mean(s);
  const data = withComments(
    { name, county: countyName, prefecture, province: unknown, scopes: scopeMap },
    {
      county: [`${REVIEW}${county ? '从发布网站的名称推测' : '原文没有写所属县（市、区），请填写'}`],
      prefecture: [`${REVIEW}${prefecture === unknown ? '原文没有写所属地级市，请填写' : '从排名范围推测'}`],
      province: [`${REVIEW}原文没有写省份，请填写`],
      scopes: [`${REVIEW}排名范围所指的地方是推测的：“全市”一般指县级市`],
    },
  );
  return `${['# 由 npm run import 生成的乡镇信息草稿。文件名就是乡镇的标识，报告的 report.yaml 用 town: 引用它。', ...mapLines(data)].join('\n')}\n`;
}
