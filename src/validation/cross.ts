/**
 * Checks that span fields and files: ids unique, references resolve, quotes found in the text, figures
 * found in their quotes, dates in order, periods readable. Where the report disagrees with itself
 * (817 of 872 is 93.7%, the report says 97.19%) it warns and keeps the stated figure.
 */
import { ID_PATTERN, MAX, type Figure, type SharedRank } from '../schemas/common.ts';
import type { Town } from '../schemas/town.ts';
import { NOT_GIVEN, type ReportMeta } from '../schemas/report.ts';
import { dateOrder, ownDate, publication } from '../model/report-dates.ts';
import { REPORT_FILES } from '../schemas/index.ts';
import { flattenNarrative, nodeText, type Narrative, type NarrativeNode } from '../model/narrative.ts';
import { parsePeriod } from '../model/period.ts';
import { formatReportPeriod, statesNumber } from '../model/format.ts';
import { itemsById } from '../model/items.ts';
import { computedRate, ratesDisagree } from '../model/progress.ts';
import type { Problem } from './problem.ts';
import { notGivenWarnings } from './not-given.ts';
import type { YamlFile } from './yaml.ts';

export type ReportFiles = { [K in keyof typeof REPORT_FILES]: YamlFile<ReturnType<(typeof REPORT_FILES)[K]['schema']['parse']>> };

/** Everything the cross-file checks need of one report folder, as read, with positions (src/model/load.ts reads it). */
export interface LoadedReport {
  id: string;
  dir: string;
  files: ReportFiles;
  narrative?: Narrative;
}


const squash = (s: string) => s.replace(/\s+/g, '');

/** report.yaml fields an editor may record as 原文未提供, each a warning: the page shows a gap. */
const NOT_GIVEN_FIELDS = [
  ['indexNumber', '索引号'],
  ['category', '组配分类'],
  ['breadcrumb', '栏目路径'],
  ['docNumber', '文号'],
  ['writtenOn', '成文日期'],
  ['publishedAt', '发布日期'],
  ['sourceUrl', '原文链接'],
  ['disclosure', '公开方式'],
] as const satisfies readonly (readonly [keyof ReportMeta, string])[];

/**
 * report.yaml fields that cannot be 原文未提供: every page, 一图读懂 and each embed's source line
 * (来源：发布机构《标题》) says them, so 原文未提供 there would read as the report's name.
 */
const NEVER_NOT_GIVEN = [
  ['title', '标题', '照原文正文的说法拟一个，如 某某街道2025年上半年工作总结'],
  ['issuer', '发布机构', '填报告出自的乡镇或街道，如 某某街道'],
] as const satisfies readonly (readonly [keyof ReportMeta, string, string])[];

export function checkReport(report: LoadedReport, towns: Map<string, YamlFile<Town>>): Problem[] {
  const problems: Problem[] = [];
  const { files, narrative } = report;
  const at = (key: keyof LoadedReport['files'], path: readonly PropertyKey[]) => ({
    file: `${report.dir}/${fileName(key)}`,
    ...files[key].locate(path),
    field: path.map(String).join('.'),
  });
  const error = (key: keyof LoadedReport['files'], path: readonly PropertyKey[], message: string) =>
    problems.push({ severity: 'error', ...at(key, path), message });
  const warn = (key: keyof LoadedReport['files'], path: readonly PropertyKey[], message: string) =>
    problems.push({ severity: 'warning', ...at(key, path), message });

  if (!ID_PATTERN.test(report.id)) {
    problems.push({
      severity: 'error',
      file: report.dir,
      line: 0,
      column: 0,
      field: '',
      message: `报告文件夹名“${report.id}”不能用作网址：只能用小写英文字母、数字和连字符，如 nantang-2022-h1`,
    });
  }

  const meta = files.report.data;
  const town = meta ? towns.get(meta.town)?.data : undefined;
  if (meta) {
    if (!towns.has(meta.town)) {
      error('report', ['town'], `找不到乡镇“${meta.town}”：请在 content/towns/ 下建立 ${meta.town}.yaml，或改成已有的：${[...towns.keys()].join('、') || '（无）'}`);
    }
    const published = publication(meta);
    const own = ownDate(meta);
    if (published && own && own.date > published.date) {
      const name = own.kind === 'written' ? '成文日期' : '会议日期';
      error('report', ['publishedAt'], `发布日期 ${meta.publishedAt} 早于${name} ${own.date}：${name}应不晚于发布日期`);
    }
    if (published && Number(published.date.slice(0, 4)) < meta.period.year) {
      warn('report', ['publishedAt'], `发布年份 ${published.date.slice(0, 4)} 早于报告所属年份 ${meta.period.year}，请核对`);
    }
    problems.push(...notGivenWarnings(`${report.dir}/${fileName('report')}`, files.report, NOT_GIVEN_FIELDS, (label) => `${label}记为“${NOT_GIVEN}”，页面上照此注明。原发布页面上有这一项的，请照原文填写`));
    for (const [field, label, instead] of NEVER_NOT_GIVEN) {
      if (meta[field] === NOT_GIVEN) {
        error('report', [field], `${label}不能记为“${NOT_GIVEN}”：每个页面、一图读懂和嵌入图表的来源都显示它。原发布页面上没有${label}时，${instead}，并在 notes 中说明是编者所拟`);
      }
    }
  }

  if (!narrative) return problems;
  const nodes = flattenNarrative(narrative);
  if (nodes.length === 0) {
    problems.push({
      severity: 'error',
      file: `${report.dir}/narrative.md`,
      line: 1,
      column: 1,
      field: '',
      message: '正文没有标题：请用 # 写部分标题（一、…），## 写小节标题（(一)…），### 写要点（一是…）',
    });
  }
  const inText = (line: number, column: number, message: string) =>
    problems.push({ severity: 'error', file: `${report.dir}/narrative.md`, line, column, field: '', message });
  for (const { line, column } of narrative.images ?? []) {
    inText(line, column, '正文里不能插入图片（![…](…)）：报告正文只显示文字，外部图片还会让读者的浏览器去别的网站加载。请删去这张图片；要指向网上的图片，请写成链接 [说明文字](https://…)');
  }
  for (const node of nodes) {
    if (node.heading.length > MAX.heading) {
      inText(node.line, 1, `标题太长：最多 ${MAX.heading} 个字，实际有 ${node.heading.length} 个字。标题（#、##、###）应是一句话，其余内容请写在标题下面另起一段`);
    }
  }
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const fullText = squash(narrative.preamble + nodes.map((n) => `${n.heading}${n.body}`).join(''));
  const nodeIds = nodes.map((n) => n.id);

  const seen = new Map<string, string>();
  const claimId = (key: keyof LoadedReport['files'], path: readonly PropertyKey[], id: string) => {
    const where = at(key, path);
    const first = seen.get(id);
    if (first) error(key, path, `标识“${id}”重复：已在 ${first} 用过，同一份报告里每个标识只能用一次`);
    else seen.set(id, `${where.file}:${where.line}`);
  };

  const checkPoint = (key: keyof LoadedReport['files'], path: readonly PropertyKey[], point: string): NarrativeNode | undefined => {
    const node = nodeById.get(point);
    if (!node) error(key, [...path, 'point'], `正文中没有编号为“${point}”的小节（编号照标题自己的序号：s1-2-3 即 一、下的(二)下的三是）；可用的编号：${summariseIds(nodeIds)}`);
    return node;
  };

  const checkQuote = (key: keyof LoadedReport['files'], path: readonly PropertyKey[], quote: string, node?: NarrativeNode): boolean => {
    const q = squash(quote);
    if (!fullText.includes(q)) {
      error(key, [...path, 'quote'], `原文摘录“${short(quote)}”在正文 narrative.md 中找不到：摘录必须与正文逐字一致（包括标点）`);
      return false;
    }
    if (node && !squash(nodeText(node)).includes(q)) {
      warn(key, [...path, 'quote'], `原文摘录不在小节 ${node.id}（${node.headline}）中，请核对 point`);
    }
    return true;
  };

  const checkNumberInQuote = (key: keyof LoadedReport['files'], path: readonly PropertyKey[], value: number, quote: string, what: string, written?: string) => {
    const q = squash(quote);
    if (!statesNumber(q, value, written)) {
      error(key, path, `${what} ${written ?? value} 在原文摘录“${short(quote)}”中找不到：数字应照原文填写`);
    }
  };

  const checkRank = (key: keyof LoadedReport['files'], path: readonly PropertyKey[], rank: Omit<SharedRank, 'id' | 'items' | 'quote'>, quote: string) => {
    if (!squash(quote).includes(squash(rank.written))) {
      error(key, [...path, 'written'], `排名原文“${rank.written}”在原文摘录中找不到`);
    } else if (rank.position !== undefined) {
      checkNumberInQuote(key, [...path, 'position'], rank.position, rank.written, '名次');
    }
    if (town && !(rank.scope in town.scopes)) {
      warn(key, [...path, 'scope'], `排名范围“${rank.scope}”没有在乡镇文件的 scopes 中说明指哪里（如 全市: 乐清市）`);
    }
  };

  const checkPeriod = (key: keyof LoadedReport['files'], path: readonly PropertyKey[], period: string | undefined) => {
    if (period !== undefined && !parsePeriod(period)) {
      error(key, path, `无法识别的时期写法“${period}”：可以写 1-5月份、截至6月底、3月底、第一季度、4月份、上半年、今年以来，多年的写 2016—2020年、“十三五”期间、五年来`);
    }
  };

  const checkFigure = (key: keyof LoadedReport['files'], path: readonly PropertyKey[], figure: Figure) => {
    claimId(key, [...path, 'id'], figure.id);
    const node = checkPoint(key, path, figure.point);
    checkPeriod(key, [...path, 'period'], figure.period);
    if (!checkQuote(key, path, figure.quote, node)) return;
    if (figure.value !== undefined) checkNumberInQuote(key, [...path, 'value'], figure.value, figure.quote, '数值', figure.valueWritten);
    if (figure.growth) checkNumberInQuote(key, [...path, 'growth', 'value'], Math.abs(figure.growth.value), figure.quote, '增速', figure.growth.valueWritten);
    if (figure.completion) checkNumberInQuote(key, [...path, 'completion', 'rate'], figure.completion.rate, figure.quote, '完成率', figure.completion.rateWritten);
    if (figure.compare) checkNumberInQuote(key, [...path, 'compare', 'value'], Math.abs(figure.compare.value), figure.quote, '相差', figure.compare.valueWritten);
    if (figure.from?.value !== undefined) checkNumberInQuote(key, [...path, 'from', 'value'], figure.from.value, figure.quote, '原来的数值', figure.from.valueWritten);
    for (const [field, ratio] of [['ratio', figure.ratio], ['from.ratio', figure.from?.ratio]] as const) {
      if (ratio !== undefined && !squash(figure.quote).includes(squash(ratio))) {
        error(key, [...path, ...field.split('.')], `比例“${ratio}”在原文摘录“${short(figure.quote)}”中找不到：比例应照原文填写`);
      }
    }
    if (figure.rank) checkRank(key, [...path, 'rank'], figure.rank, figure.quote);
  };

  files.indicators.data?.indicators.forEach((f, i) => checkFigure('indicators', ['indicators', i], f));
  files.figures.data?.figures.forEach((f, i) => checkFigure('figures', ['figures', i], f));

  const projectIds = new Set<string>();
  files.projects.data?.projects.forEach((project, i) => {
    const path = ['projects', i];
    claimId('projects', [...path, 'id'], project.id);
    projectIds.add(project.id);
    const node = checkPoint('projects', path, project.point);
    checkQuote('projects', path, project.quote, node);
    const progress = project.progress;
    if (progress) {
      const p = [...path, 'progress'];
      checkPeriod('projects', [...p, 'period'], progress.period);
      if (checkQuote('projects', p, progress.quote, node)) {
        if (progress.done) checkNumberInQuote('projects', [...p, 'done', 'value'], progress.done.value, progress.quote, '已完成量', progress.done.valueWritten);
        if (progress.total) checkNumberInQuote('projects', [...p, 'total', 'value'], progress.total.value, progress.quote, '总量', progress.total.valueWritten);
        if (progress.rate !== undefined) checkNumberInQuote('projects', [...p, 'rate'], progress.rate, progress.quote, '完成率', progress.rateWritten);
      }
      if (ratesDisagree(progress)) {
        warn(
          'projects',
          [...p, 'rate'],
          `原文数字前后不一致：${progress.done!.value}/${progress.total!.value} = ${computedRate(progress)!.toFixed(1)}%，原文写的是 ${progress.rate}%。已照原文保留，请核对（可能口径不同）`,
        );
      }
    }
    project.milestones.forEach((m, j) => {
      if (checkQuote('projects', [...path, 'milestones', j], m.quote, node) && m.date && !squash(m.quote).includes(squash(m.date))) {
        error('projects', [...path, 'milestones', j, 'date'], `节点时间“${m.date}”在原文摘录中找不到`);
      }
    });
    project.figures.forEach((f, j) => checkFigure('projects', [...path, 'figures', j], f));
  });

  files.plan.data?.plan.forEach((item, i) => {
    const path = ['plan', i];
    claimId('plan', [...path, 'id'], item.id);
    const node = checkPoint('plan', path, item.point);
    if (checkQuote('plan', path, item.quote, node)) {
      item.targets.forEach((t, j) => {
        if (!squash(item.quote).includes(squash(t.text))) error('plan', [...path, 'targets', j, 'text'], `目标原文“${t.text}”在原文摘录中找不到`);
        if (t.value !== undefined) checkNumberInQuote('plan', [...path, 'targets', j, 'value'], t.value, t.text, '目标数值');
      });
    }
    item.continues.forEach((id, j) => {
      if (!projectIds.has(id)) error('plan', [...path, 'continues', j], `找不到项目“${id}”：continues 应填 projects.yaml 中已有的项目标识`);
    });
  });

  const byId = reportItems(report);
  const rankedBy = new Map<string, string>();
  files.figures.data?.ranks.forEach((shared, i) => {
    const path = ['ranks', i];
    claimId('figures', [...path, 'id'], shared.id);
    if (checkQuote('figures', path, shared.quote)) checkRank('figures', path, shared, shared.quote);
    shared.items.forEach((id, j) => {
      const item = byId.get(id);
      if (!item || 'status' in item) {
        error('figures', [...path, 'items', j], `找不到数字“${id}”：items 应填 indicators.yaml、figures.yaml 或项目 figures 中数字的标识`);
      } else if (item.rank) {
        error('figures', [...path, 'items', j], `数字“${id}”已有自己的排名（rank）：一项数字只能有一个排名，请删去其中一个`);
      } else if (rankedBy.has(id)) {
        error('figures', [...path, 'items', j], `数字“${id}”已在共用排名“${rankedBy.get(id)}”中：一项数字只能有一个排名`);
      } else rankedBy.set(id, shared.id);
    });
  });
  files.outcomes.data?.outcomes.forEach((outcome, i) => {
    const path = ['outcomes', i];
    checkQuote('outcomes', path, outcome.quote);
    outcome.figures.forEach((id, j) => {
      if (!byId.has(id)) error('outcomes', [...path, 'figures', j], `找不到佐证“${id}”：应填本期 indicators.yaml、figures.yaml 或 projects.yaml 中的标识`);
    });
  });
  const chartIds = new Set<string>();
  files.charts.data?.charts.forEach((chart, i) => {
    const path = ['charts', i];
    if (chartIds.has(chart.id)) error('charts', [...path, 'id'], `图表标识“${chart.id}”重复`);
    chartIds.add(chart.id);
    chart.items.forEach((id, j) => {
      const item = byId.get(id);
      if (!item) {
        error('charts', [...path, 'items', j], `找不到数据项“${id}”：应填 indicators.yaml、figures.yaml 或 projects.yaml 中的标识`);
        return;
      }
      const fits =
        chart.kind === 'growth' ? 'growth' in item && item.growth !== undefined
        : chart.kind === 'rank' ? ('rank' in item && item.rank !== undefined) || rankedBy.has(id)
        : chart.kind === 'progress'
          ? 'status' in item
            ? item.progress !== undefined && (item.progress.rate !== undefined || (item.progress.done !== undefined && item.progress.total !== undefined))
            : item.unit === '%' || item.completion !== undefined
          : 'value' in item || 'growth' in item;
      if (!fits) error('charts', [...path, 'items', j], `数据项“${id}”不适合${CHART_NEEDS[chart.kind]}`);
    });
  });
  return problems;
}

const CHART_NEEDS = {
  growth: '增速图：它没有增速（growth）',
  rank: '排名图：它没有排名（rank）',
  progress: '进度图：它既不是百分比，也没有完成率（completion），也没有写明完成率（progress.rate）或已完成量和总量（progress.done、progress.total）',
  series: '趋势图：它没有数值或增速',
} as const;

/** Every chartable item of a report by id: indicators, figures, projects and their figures. */
function reportItems(report: LoadedReport) {
  const { indicators, figures, projects } = report.files;
  return itemsById(indicators.data?.indicators ?? [], figures.data?.figures ?? [], projects.data?.projects ?? []);
}

/**
 * Promises kept: an outcome answers a plan item of an earlier report of the same town; each plan item
 * is answered at most once per report.
 */
export function checkOutcomes(reports: LoadedReport[]): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(reports.map((r) => [r.id, r]));
  for (const report of reports) {
    const meta = report.files.report.data;
    const outcomes = report.files.outcomes.data?.outcomes ?? [];
    const answered = new Set<string>();
    outcomes.forEach((outcome, i) => {
      const at = (field: string) => ({ file: `${report.dir}/outcomes.yaml`, ...report.files.outcomes.locate(['outcomes', i, field]), field: `outcomes.${i}.${field}` });
      const [reportId, planId] = outcome.plan.split('/') as [string, string];
      const earlier = byId.get(reportId);
      const earlierMeta = earlier?.files.report.data;
      if (!earlier || !earlierMeta) {
        problems.push({ severity: 'error', ...at('plan'), message: `找不到报告“${reportId}”：plan 应写成“报告标识/计划事项标识”，报告标识是 content/reports/ 下的文件夹名` });
        return;
      }
      if (!earlier.files.plan.data?.plan.some((p) => p.id === planId)) {
        const ids = earlier.files.plan.data?.plan.map((p) => p.id).join('、') ?? '';
        problems.push({ severity: 'error', ...at('plan'), message: `报告 ${reportId} 中没有计划事项“${planId}”；它的计划事项有：${ids || '（无）'}` });
      }
      if (meta && dateOrder(earlierMeta) >= dateOrder(meta)) {
        problems.push({ severity: 'error', ...at('plan'), message: `只能回应更早发布的报告：${reportId} 发布于 ${earlierMeta.publishedAt}，不早于本期 ${meta.publishedAt}` });
      }
      if (meta && earlierMeta.town !== meta.town) {
        problems.push({ severity: 'warning', ...at('plan'), message: `回应的是另一个乡镇（${earlierMeta.town}）的计划，请核对` });
      }
      if (answered.has(outcome.plan)) problems.push({ severity: 'error', ...at('plan'), message: `计划事项“${outcome.plan}”在本期已回应过一次` });
      answered.add(outcome.plan);
    });
  }
  return problems;
}

/**
 * Checks across reports: an index number (索引号) identifies one document only, and a town has one
 * report per period (two are usually a copied folder, and would count the period twice).
 */
export function checkTownsAndOrder(reports: LoadedReport[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  const periods = new Map<string, LoadedReport>();
  for (const report of reports) {
    const meta = report.files.report.data;
    if (!meta) continue;
    const period = JSON.stringify([meta.town, meta.period.year, meta.period.kind, meta.period.number, meta.period.from]);
    const same = periods.get(period);
    if (same) {
      problems.push({
        severity: 'error',
        file: `${report.dir}/report.yaml`,
        ...report.files.report.locate(['period']),
        field: 'period',
        message: `${same.dir} 和 ${report.dir} 都是乡镇“${meta.town}”${formatReportPeriod(meta.period)}的报告：同一乡镇同一时期只能有一份报告。是不是复制了文件夹？请删去多余的一份，或改正 period`,
      });
    } else periods.set(period, report);
    const first = meta.indexNumber === NOT_GIVEN ? undefined : seen.get(meta.indexNumber);
    if (first) {
      problems.push({
        severity: 'error',
        file: `${report.dir}/report.yaml`,
        ...report.files.report.locate(['indexNumber']),
        field: 'indexNumber',
        message: `索引号“${meta.indexNumber}”已被报告 ${first} 使用：每份文件的索引号应唯一`,
      });
    } else seen.set(meta.indexNumber, report.id);
  }
  return problems;
}

function fileName(key: keyof LoadedReport['files']): string {
  return REPORT_FILES[key].file;
}

function short(s: string): string {
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}

function summariseIds(ids: string[]): string {
  return ids.length > 12 ? `${ids.slice(0, 12).join('、')} 等（见正文标题顺序）` : ids.join('、') || '（正文没有小节）';
}
