/**
 * The files of a new report folder: a commented template, or the structure of an earlier report with
 * its numbers emptied and marked 待填写 (to fill), so `npm run check` lists what is left to do.
 */
import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import type { Figure } from '../schemas/common.ts';
import type { Report } from '../model/load.ts';
import { NOT_GIVEN } from '../schemas/report.ts';
import { TO_FILL } from '../validation/yaml.ts';

interface Options {
  town?: string;
  from?: Report;
}

/** YAML text with a heading comment, and a comment above each list item. */
function yamlFile(heading: string, data: Record<string, unknown[]>, itemComment?: (index: number) => string | undefined): string {
  const doc = new Document(data);
  doc.commentBefore = heading;
  const list = (doc.contents as YAMLMap).items[0]?.value;
  if (itemComment && isSeq(list)) {
    list.items.forEach((item, i) => {
      const comment = itemComment(i);
      if (comment && isMap(item)) item.commentBefore = comment;
    });
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/** A figure of an earlier report with its numbers and quote removed: what stays is its identity. */
function emptied(f: Figure): Record<string, unknown> {
  return {
    id: f.id,
    name: f.name,
    point: TO_FILL,
    ...(f.period ? { period: TO_FILL } : {}),
    ...(f.highlight ? { highlight: true } : {}),
    quote: TO_FILL,
  };
}

/** The comment above an emptied figure: what to fill, and the unit it had last time. */
function figureTodo(f: Figure): string {
  const unit = f.unit ? `（上期单位：${f.unit}${f.impliedUnit ? `，指${f.impliedUnit}` : ''}）` : '';
  return ` ${TO_FILL}：数值 value 和单位 unit${unit}、增速 growth、排名 rank（照本期原文，没有的不填）、时期 period、小节 point、原文摘录 quote`;
}

/** The period after an earlier report's, as a hint: 上半年 → 下半年, 下半年 → next 上半年, a year → the next. */
function nextPeriod(p: Report['meta']['period']): string {
  if (p.kind === 'half') return p.number === 1 ? `year: ${p.year}, kind: half, number: 2` : `year: ${p.year + 1}, kind: half, number: 1`;
  if (p.kind === 'quarter') return (p.number ?? 1) < 4 ? `year: ${p.year}, kind: quarter, number: ${(p.number ?? 1) + 1}` : `year: ${p.year + 1}, kind: quarter, number: 1`;
  return `year: ${p.year + 1}, kind: year`;
}

export function newReportFiles({ town, from }: Options): Record<string, string> {
  const meta = from?.meta;
  // Every value of report.yaml comes from this report's source page: none is copied from an earlier
  // report or guessed, so nothing is published that the source does not say. An earlier report's value
  // is a hint in the comment (上期：…), the field itself stays 待填写 until the editor fills it.
  const earlier = (value: unknown) => (value === undefined ? '' : `；上期：${Array.isArray(value) ? `[${value.join(', ')}]` : String(value)}`);
  const report = [
    '# 报告信息：照原发布页面的“信息公开”栏填写。标有“待填写”的都要改，照本期原文填，不要照抄上期。',
    `# 原文（如 PDF、转载网站）没有给出的，索引号、组配分类、栏目路径、文号、成文日期、发布日期、公开方式、原文链接填 ${NOT_GIVEN}；标题和发布机构必须填写。`,
    `title: ${TO_FILL}   # 标题，照原文`,
    `town: ${town ?? TO_FILL}   # 乡镇标识：content/towns/ 下的文件名`,
    `issuer: ${TO_FILL}   # 发布机构，照原文${earlier(meta?.issuer)}`,
    `period:   # 报告所述时期（回顾的时间，不是作报告的时间）${meta ? `；上期之后通常是 ${nextPeriod(meta.period)}` : ''}`,
    `  year: ${TO_FILL}   # 年份，如 2024`,
    `  kind: ${TO_FILL}   # year 全年 / half 半年 / quarter 季度`,
    `  number: ${TO_FILL}   # 上半年 1，下半年 2；季度 1-4；全年报告删掉这一行`,
    `  # from: 2016   # 多年回顾（如 2016—2020年）的起始年份，kind 写 year；其他报告删掉这一行`,
    `# reportType: 政府工作报告   # 报告类别，照原文，如 工作总结、政府工作报告、半年工作情况报告；原文没有写就删掉这一行`,
    `# meeting: { name: 某某镇第十八届人民代表大会第三次会议, date: 2024-01-15 }   # 政府工作报告：在哪次会议上作的，照原文；其他报告删掉这一行`,
    `# speaker: 镇长 李某某   # 报告人，照原文；没有就删掉这一行`,
    `# excerpt: true   # 只收录了原文的一部分时填 true，并在 notes 中说明节选了哪些部分`,
    `indexNumber: ${TO_FILL}   # 索引号；原文没有的填 ${NOT_GIVEN}`,
    `category: ${TO_FILL}   # 组配分类，如 计划总结；原文没有的填 ${NOT_GIVEN}${earlier(meta?.category)}`,
    `breadcrumb: ${TO_FILL}   # 栏目路径，如 [首页, 信息公开, 规划计划, 计划总结]；原文没有的填 ${NOT_GIVEN}${earlier(meta?.breadcrumb)}`,
    `# docNumber: 某政发〔2024〕1号   # 文号：原发布页面有这一栏就填（栏目空着的填 ${NOT_GIVEN}），没有这一栏就删掉这一行`,
    `writtenOn: ${TO_FILL}   # 成文日期，如 2023-01-10；原文没有的填 ${NOT_GIVEN}`,
    `publishedAt: ${TO_FILL}   # 发布日期和时间，如 2023-01-15 09:30（只有日期的写 2023-01-15）；原文没有的填 ${NOT_GIVEN}`,
    `disclosure: ${TO_FILL}   # 公开方式，如 主动公开；原文没有的填 ${NOT_GIVEN}${earlier(meta?.disclosure)}`,
    `# openPeriod: 长期公开   # 公开时限：原发布页面有这一栏就照填，没有就删掉这一行`,
    `# subjectWords: [经济管理, 工作报告]   # 主题词：原发布页面有就照填，没有就删掉这一行`,
    `sourceUrl: ${TO_FILL}   # 原文链接，http:// 或 https:// 开头；原文不在网上的填 ${NOT_GIVEN}`,
    `keywords: []   # 关键词，用于搜索，如 [工作总结, 招商引资]${earlier(meta && meta.keywords.length > 0 ? meta.keywords : undefined)}`,
    `description: ${TO_FILL}   # 一两句话的摘要`,
    '# interpretation: 图片解读:一图读懂…   # 原文末尾的解读链接文字，没有就删掉这一行',
    'notes: []   # 编辑说明：原文的明显笔误等，照原文保留并在此说明',
    '',
  ].join('\n');

  const narrative = from
    ? [
        `<!-- ${TO_FILL}：把本期报告正文逐字粘贴进来，保持下面的标题格式；开头单独印的标题行（如“政 府 工 作 报 告”）不粘贴，标题填在 report.yaml 的 title。此行请删除。 -->`,
        '',
        ...from.narrative.parts.flatMap((part) => [`# ${part.ordinal}${TO_FILL}`, '', ...part.children.flatMap((c) => [`${c.depth === 2 && part.children.some((x) => x.children.length > 0) ? '##' : '###'} ${c.ordinal}${TO_FILL}。`, '', `${TO_FILL}。`, ''])]),
      ].join('\n')
    : [
        `<!-- ${TO_FILL}：把报告正文逐字粘贴进来。# 写部分标题（一、…），## 写小节标题（(一)…），### 写要点（一是…）；要点标题写到第一个句号为止，正文另起一段。开头单独印的标题行（如“政 府 工 作 报 告”）不粘贴，标题填在 report.yaml 的 title；其余照录。此行请删除。 -->`,
        '',
        `# 一、${TO_FILL}`,
        '',
        `## (一)${TO_FILL}。`,
        '',
        `### 一是${TO_FILL}。`,
        '',
        `${TO_FILL}。`,
        '',
      ].join('\n');

  const projectTodo = ` ${TO_FILL}：状态 status、现状 summary、进度 progress（已完成量 done、总量 total、原文完成率 rate）、节点 milestones、小节 point、原文摘录 quote`;
  return {
    'report.yaml': report,
    'narrative.md': narrative,
    'indicators.yaml': yamlFile(
      ' 主要指标。标识 id 与上期相同，用于历期对比，请勿改动；本期没有的指标整项删除。',
      { indicators: (from?.indicators ?? []).map(emptied) },
      (i) => figureTodo(from!.indicators[i]!),
    ),
    'figures.yaml': yamlFile(' 各部分的关键数字：数量、比率、排名。', { figures: (from?.figures ?? []).map(emptied) }, (i) => figureTodo(from!.figures[i]!)),
    'projects.yaml': yamlFile(
      ' 项目与进度。延续上期的项目保留标识 id；新项目照同样格式添加。',
      {
        projects: (from?.projects ?? []).map((p) => ({ id: p.id, name: p.name, point: TO_FILL, status: p.status, summary: TO_FILL, quote: TO_FILL })),
      },
      () => projectTodo,
    ),
    'plan.yaml': yamlFile(' 下一阶段工作计划：每项写 id、point、title、text、targets（可衡量目标）、continues（延续的项目）、quote。', { plan: [] }),
    'charts.yaml': yamlFile(' 图表：与上期相同的图表保留标识 id，嵌入代码才能继续使用。', { charts: (from?.charts ?? []).map((c) => ({ ...c })) }),
    ...(from && from.plan.length > 0
      ? {
          'outcomes.yaml': yamlFile(
            ` 上期（${from.meta.title}）计划的落实情况：每项填 status（done 已完成 / in-progress 推进中 / not-done 未完成）、summary、figures（佐证数字的标识）、quote（本期原文）。`,
            { outcomes: from.plan.map((item) => ({ plan: `${from.id}/${item.id}`, status: TO_FILL, summary: TO_FILL, figures: [], quote: TO_FILL })) },
            (i) => ` 上期计划：${from.plan[i]!.text}`,
          ),
        }
      : {}),
  };
}
