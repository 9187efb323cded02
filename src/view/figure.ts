/**
 * Every text form of a figure a reader sees, made once per figure from the number primitives of
 * src/model/format.ts: the value as written, the growth with its sign in words and its kind, the rank with
 * its scope, the completion of a project. Pages, charts, pictures and tables read these forms (through
 * src/view/report.ts); none turns a figure into text itself, so a falling rate cannot read 下降 3.2% on
 * its bar and 3.2% in the table beside it.
 */
import { t } from '../i18n/zh.ts';
import { figureFacts, formatChange, formatComparison, formatCompletion, formatGrowth, formatGrowthAmount, formatNumber, formatPercent, formatPlace, formatQuantity, formatRank, formatRankBrief, formatRankPlace, formatRankScope, rankSubject } from '../model/format.ts';
import { periodLabel } from '../model/period.ts';
import { computedRate, ratesDisagree } from '../model/progress.ts';
import type { Figure } from '../schemas/common.ts';
import type { Progress } from '../schemas/projects.ts';

export interface GrowthText {
  /** With its kind, the sign in words: 累计增速10.8%, 同比下降3.2%, 增速-3.2%, 同比持平. */
  text: string;
  /** The amount with the sign in words, for bars and table cells beside a kind column: 10.8%, 下降3.2%. */
  amount: string;
  /** The kind as the report names it, or that it does not: 累计增速, 原文未注明. */
  kind: string;

  /** `text`, saying so when the report names no kind. */
  described: string;
}

export interface RankText {
  /** Whether the report gives an exact place; 前三, 前列, 首位 do not, and read as written. */
  exact: boolean;
  /** What is ranked: 增速, 总量, or empty when the report does not say. */
  subject: string;
  /** 第8名; an inexact rank as written (连续三年居全市前三). */
  place: string;
  /** 第8名（共12个） when the number of places is known. */
  placeOf: string;
  /** 第8名／共12, short enough for a bar. */
  placeShort: string;
  /** The scope with what it stands for: 全市（乐清市）. */
  scope: string;
  /** 全市（乐清市）第8名（共12个）; 增速全市第2名; an inexact rank as written. */
  full: string;
  /** 全市第8名, 增速全市第2名: short, for a bar or a list; an inexact rank as written. */
  brief: string;
  /** The statement's id when one statement ranks several figures (figures.yaml `ranks`). */
  shared?: string;
}

export interface FigureText {
  /** 4.91亿元, 500余人次, 15.0%, 1万余人次: number, bound marker and unit as written. */
  quantity?: string;
  /** 1:60:39, as written. */
  ratio?: string;
  /** 从年初8家到15家; 由2:66:32调整到1:60:39. */
  change?: string;
  /** 高于全市平均1个百分点. */
  compare?: string;
  /** 完成任务的117.46%: how much of its target the figure reached, as the report says it. */
  completion?: string;
  /** The completion rate in %, for a progress chart. */
  completionRate?: number;
  /** The figure is an estimate (预计). */
  estimate: boolean;
  /** 编者注：…, where the editor flags a figure the source seems to have wrong (the source is kept as it is). */
  editorNote?: string;
  growth?: GrowthText;
  rank?: RankText;
  /** The period it covers, as written: 1-5月. */
  period?: string;
  /** The value read as a completion rate in %, as written: 92.71%, 135%. */
  rate: string;
  /** The main value for a card: the quantity, else the ratio, growth, comparison or place; 预计 before an estimate. */
  value: string;
  /** Everything stated, each in words: 500余人次（下限）, 累计增速10.8%, 全市第8名. */
  facts: string[];
  /** Under a card's value: the period and the facts after the first (the whole rank when the value is its place), joined with ·. */
  detail: string;
  /** In a list: the period and every fact, joined with ，. */
  statement: string;
}

/** @param scopes the town's rank scopes and what they stand for (content/towns/*.yaml). */
export function figureText(f: Figure, scopes: Record<string, string>): FigureText {
  const quantity = f.value !== undefined && f.unit !== undefined ? formatQuantity({ value: f.value, valueWritten: f.valueWritten, unit: f.unit, bound: f.bound }, f.quote) : undefined;
  const growth = f.growth && {
    text: formatGrowth(f.growth),
    amount: formatGrowthAmount(f.growth),
    kind: f.growth.kind ?? '原文未注明',
    described: formatGrowth(f.growth) + (f.growth.kind ? '' : `（${t.noGrowthKind}）`),
  };
  const rank = f.rank && {
    exact: f.rank.position !== undefined,
    subject: rankSubject(f.rank),
    place: f.rank.position !== undefined ? formatPlace(f.rank.position) : f.rank.written,
    placeOf: formatRankPlace(f.rank),
    placeShort: f.rank.position !== undefined ? `${formatPlace(f.rank.position)}${f.rank.of ? `／共${f.rank.of}` : ''}` : f.rank.written,
    scope: formatRankScope(f.rank, scopes),
    full: formatRank(f.rank, scopes),
    brief: formatRankBrief(f.rank),
    ...(f.rank.shared ? { shared: f.rank.shared } : {}),
  };
  const change = formatChange(f);
  const compare = f.compare && formatComparison(f.compare);
  const completion = f.completion && formatCompletion(f.completion);
  const editorNote = f.editorNote && `${t.editorNote}：${f.editorNote}`;
  const period = f.period ? periodLabel(f.period) : undefined;
  const facts = figureFacts(f);
  const main = quantity ?? f.ratio ?? growth?.text ?? compare ?? rank?.place ?? '';
  // A card's value is short (第2名); when that is the rank, the detail says it whole (温州第2名), so its
  // scope is not lost with the first fact the detail leaves out.
  const rankInDetail = main === rank?.place && rank.full !== rank.place ? [rank.full] : [];
  return {
    ...(quantity ? { quantity } : {}),
    ...(f.ratio ? { ratio: f.ratio } : {}),
    ...(change ? { change } : {}),
    ...(compare ? { compare } : {}),
    ...(completion ? { completion, completionRate: f.completion!.rate } : {}),
    estimate: f.estimate === true,
    ...(editorNote ? { editorNote } : {}),
    ...(growth ? { growth } : {}),
    ...(rank ? { rank } : {}),
    ...(period ? { period } : {}),
    rate: `${f.valueWritten ?? formatNumber(f.value ?? 0)}%`,
    value: f.estimate ? `${t.estimate}${main}` : main,
    facts,
    detail: [period, ...rankInDetail, ...facts.slice(1), editorNote].filter(Boolean).join(' · '),
    statement: [period, ...facts, editorNote].filter(Boolean).join('，'),
  };
}

export interface ProgressText {
  /** The rate a meter or bar shows: the stated one, else the computed one. */
  shown?: number;
  /** done / total in percent. */
  computed?: number;
  /** 97.19%, 135% as the report states it. */
  stated?: string;
  /** The shown rate passes 100%: the target was exceeded. */
  over: boolean;
  /** 93.7%: the computed rate, rounded for reading. */
  computedText?: string;
  done?: string;
  total?: string;
  /** 817/872户 or 817户: the amounts beside a bar. */
  counts: string;
  /** The stated and computed rates disagree beyond rounding. */
  disagree: boolean;
  period?: string;
  /** 拆整率97.19%（1-5月）; 原文完成率93.7%（按数量计算）: the rate beside a meter, named as the report names it. */
  rateLine?: string;
  /** 已完成817处，共872处，按数量计算为93.7%. */
  countsLine?: string;
  /** 原文数字前后不一致，照原文保留：原文完成率97.19%，按数量计算93.7%。 */
  disagreeLine?: string;
}

export function progressText(p: Progress): ProgressText {
  const computed = computedRate(p);
  const shown = p.rate ?? computed;
  const stated = p.rate !== undefined ? `${p.rateWritten ?? formatNumber(p.rate)}%` : undefined;
  const computedText = computed !== undefined ? formatPercent(computed) : undefined;
  const done = p.done ? formatQuantity(p.done, p.quote) : undefined;
  const total = p.total ? formatQuantity(p.total, p.quote) : undefined;
  const period = p.period ? periodLabel(p.period) : undefined;
  const counts = [done && `已完成${done}`, total && `共${total}`, computedText && `按数量计算为${computedText}`].filter(Boolean).join('，');
  return {
    ...(shown !== undefined ? { rateLine: `${p.rateName ?? (stated ? t.statedRate : t.rate)}${stated ?? `${computedText}（${t.computedRate}）`}${period ? `（${period}）` : ''}` } : {}),
    ...(done || total ? { countsLine: counts } : {}),
    ...(ratesDisagree(p) ? { disagreeLine: `${t.inconsistent}：${t.statedRate}${stated}，${t.computedRate}${computedText}。` } : {}),
    ...(shown !== undefined ? { shown } : {}),
    ...(computed !== undefined ? { computed, computedText: formatPercent(computed) } : {}),
    ...(p.rate !== undefined ? { stated: `${p.rateWritten ?? formatNumber(p.rate)}%` } : {}),
    over: shown !== undefined && shown > 100,
    ...(p.done ? { done: formatQuantity(p.done, p.quote) } : {}),
    ...(p.total ? { total: formatQuantity(p.total, p.quote) } : {}),
    counts: p.done && p.total ? `${p.done.valueWritten ?? formatNumber(p.done.value)}/${formatQuantity(p.total, p.quote)}` : p.done ? formatQuantity(p.done, p.quote) : '',
    disagree: ratesDisagree(p),
    ...(p.period ? { period: periodLabel(p.period) } : {}),
  };
}
