/**
 * The files of a new report folder: a commented template, or the structure of an earlier report with
 * its numbers emptied and marked 待填写 (to fill), so `npm run check` lists what is left to do.
 */
import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import type { Figure } from '../schemas/common.ts';
import type { Report } from '../model/load.ts';
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

export function newReportFiles({ town, from }: Options): Record<string, string> {
  const meta = from?.meta;
  const report = [
    '# 报告信息：照原发布页面的“信息公开”栏填写。标有“待填写”的都要改。',
    `title: ${TO_FILL}   # 标题，照原文`,
    `town: ${town ?? TO_FILL}   # 乡镇标识：content/towns/ 下的文件名`,
    `issuer: ${meta?.issuer ?? TO_FILL}   # 发布机构`,
    'period:',
    `  year: ${meta ? meta.period.year + (meta.period.kind === 'half' && meta.period.number === 1 ? 0 : 1) : new Date().getFullYear()}`,
    `  kind: ${meta?.period.kind ?? 'half'}   # year 全年 / half 半年 / quarter 季度`,
    ...(meta?.period.kind === 'year' ? [] : [`  number: ${meta?.period.number === 1 && meta.period.kind === 'half' ? 2 : 1}   # 上半年 1，下半年 2；季度 1-4`]),
    `indexNumber: ${TO_FILL}   # 索引号`,
    `category: ${meta?.category ?? '计划总结'}   # 组配分类`,
    `breadcrumb: [${(Array.isArray(meta?.breadcrumb) ? meta.breadcrumb : ['首页', '信息公开', '规划计划', '计划总结']).join(', ')}]`,
    `writtenOn: ${TO_FILL}   # 成文日期，如 2023-01-10`,
    `publishedAt: ${TO_FILL}   # 发布日期和时间，如 2023-01-15 09:30`,
    `disclosure: ${meta?.disclosure ?? '主动公开'}   # 公开方式`,
    `sourceUrl: ${TO_FILL}   # 原文链接，http:// 或 https:// 开头`,
    `keywords: [${(meta?.keywords ?? []).join(', ')}]`,
    `description: ${TO_FILL}   # 一两句话的摘要`,
    '# interpretation: 图片解读:一图读懂…   # 原文末尾的解读链接文字，没有就删掉这一行',
    'notes: []   # 编辑说明：原文的明显笔误等，照原文保留并在此说明',
    '',
  ].join('\n');

  const narrative = from
    ? [
        `<!-- ${TO_FILL}：把本期报告正文逐字粘贴进来，保持下面的标题格式。此行请删除。 -->`,
        '',
        ...from.narrative.parts.flatMap((part) => [`# ${part.ordinal}${TO_FILL}`, '', ...part.children.flatMap((c) => [`${c.depth === 2 && part.children.some((x) => x.children.length > 0) ? '##' : '###'} ${c.ordinal}${TO_FILL}。`, '', `${TO_FILL}。`, ''])]),
      ].join('\n')
    : [
        `<!-- ${TO_FILL}：把报告正文逐字粘贴进来。# 写部分标题（一、…），## 写小节标题（(一)…），### 写要点（一是…）；要点标题写到第一个句号为止，正文另起一段。此行请删除。 -->`,
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
