/**
 * Every text form of a figure a reader sees, made once per figure from the number primitives of
 * src/model/format.ts: the value as written, the growth with its sign in words and its kind, the rank with
 * its scope, the completion of a project. Pages, charts, pictures and tables read these forms (through
 * src/view/report.ts); none turns a figure into text itself, so a falling rate cannot read 下降 3.2% on
 * its bar and 3.2% in the table beside it.
 */
import { t } from '../i18n/zh.ts';
import { figureFacts, formatGrowth, formatGrowthAmount, formatNumber, formatPercent, formatQuantity, formatRank, formatRankPlace, formatRankScope } from '../model/format.ts';
import { periodLabel } from '../model/period.ts';
import { computedRate, ratesDisagree } from '../model/progress.ts';
import type { Figure } from '../schemas/common.ts';
import type { Progress } from '../schemas/projects.ts';

export interface GrowthText {
  /** With its kind, the sign in words: 累计增速 10.8%, 同比下降 3.2%, 增速 -3.2%, 同比 持平. */
  text: string;
  /** The amount with the sign in words, for bars and table cells beside a kind column: 10.8%, 下降 3.2%. */
  amount: string;
  /** The kind as the report names it, or that it does not: 累计增速, 原文未注明. */
  kind: string;
  /** `text`, saying so when the report names no kind. */
  described: string;
}

export interface RankText {
  /** 第8名 */
  place: string;
  /** 第8名（共12个） when the number of places is known. */
  placeOf: string;
  /** 第8名／共12, short enough for a bar. */
  placeShort: string;
  /** The scope with what it stands for: 全市（乐清市）. */
  scope: string;
  /** 全市（乐清市）第8名（共12个） */
  full: string;
}

export interface FigureText {
  /** 4.91亿元, 500余人次: value, bound marker and unit as written. */
  quantity?: string;
  growth?: GrowthText;
  rank?: RankText;
  /** The period it covers, as written: 1-5月. */
  period?: string;
  /** The value read as a completion rate in %: 92.71%. */
  rate: string;
  /** The main value for a card: the quantity, else the growth, else the place. */
  value: string;
  /** Everything stated, each in words: 500余人次（下限）, 累计增速 10.8%, 全市第8名. */
  facts: string[];
  /** Under a card's value: the period and the facts after the first, joined with ·. */
  detail: string;
  /** In a list: the period and every fact, joined with ，. */
  statement: string;
}

/** @param scopes the town's rank scopes and what they stand for (content/towns/*.yaml). */
export function figureText(f: Figure, scopes: Record<string, string>): FigureText {
  const quantity = f.value !== undefined && f.unit !== undefined ? formatQuantity({ value: f.value, unit: f.unit, bound: f.bound }) : undefined;
  const growth = f.growth && {
    text: formatGrowth(f.growth),
    amount: formatGrowthAmount(f.growth),
    kind: f.growth.kind ?? '原文未注明',
    described: formatGrowth(f.growth) + (f.growth.kind ? '' : `（${t.noGrowthKind}）`),
  };
  const rank = f.rank && {
    place: `第${f.rank.position}名`,
    placeOf: formatRankPlace(f.rank),
    placeShort: `第${f.rank.position}名${f.rank.of ? `／共${f.rank.of}` : ''}`,
    scope: formatRankScope(f.rank, scopes),
    full: formatRank(f.rank, scopes),
  };
  const period = f.period ? periodLabel(f.period) : undefined;
  const facts = figureFacts(f);
  return {
    ...(quantity ? { quantity } : {}),
    ...(growth ? { growth } : {}),
    ...(rank ? { rank } : {}),
    ...(period ? { period } : {}),
    rate: `${formatNumber(f.value ?? 0)}%`,
    value: quantity ?? growth?.text ?? rank?.place ?? '',
    facts,
    detail: [period, ...facts.slice(1)].filter(Boolean).join(' · '),
    statement: [period, ...facts].filter(Boolean).join('，'),
  };
}

export interface ProgressText {
  /** The rate a meter or bar shows: the stated one, else the computed one. */
  shown?: number;
  /** done / total in percent. */
  computed?: number;
  /** 97.19% as the report states it. */
  stated?: string;
  /** 93.7%: the computed rate, rounded for reading. */
  computedText?: string;
  done?: string;
  total?: string;
  /** 817/872户 or 817户: the amounts beside a bar. */
  counts: string;
  /** The stated and computed rates disagree beyond rounding. */
  disagree: boolean;
  period?: string;
}

export function progressText(p: Progress): ProgressText {
  const computed = computedRate(p);
  const shown = p.rate ?? computed;
  return {
    ...(shown !== undefined ? { shown } : {}),
    ...(computed !== undefined ? { computed, computedText: formatPercent(computed) } : {}),
    ...(p.rate !== undefined ? { stated: `${p.rate}%` } : {}),
    ...(p.done ? { done: formatQuantity(p.done) } : {}),
    ...(p.total ? { total: formatQuantity(p.total) } : {}),
    counts: p.done && p.total ? `${formatNumber(p.done.value)}/${formatQuantity(p.total)}` : p.done ? formatQuantity(p.done) : '',
    disagree: ratesDisagree(p),
    ...(p.period ? { period: periodLabel(p.period) } : {}),
  };
}
