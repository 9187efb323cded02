/**
 * Numbers as Chinese readers expect them: the value and unit as the report wrote them, growth with
 * its sign in words, ranks as 第N名 with their scope. Conversion between units lives here too.
 */
import type { Figure, Growth, Rank } from '../schemas/common.ts';

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 4 → 四, 12 → 十二, 21 → 二十一 (1–99). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n <= 10) return CN[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN[tens]}十${ones === 0 ? '' : CN[ones]}`;
}

/** The ways a number can be written in a report: 2 → 2, 二, 两. */
export function numberForms(value: number): string[] {
  const forms = [String(value)];
  if (Number.isInteger(value) && value >= 0 && value <= 99) {
    forms.push(toChineseNumeral(value));
    if (value === 2) forms.push('两');
  }
  return forms;
}

/**
 * Whether a text states this number as a whole: 4.9 is not found in “4.91亿元”, nor 1 in “12339”,
 * nor 二 in “十二”.
 */
export function statesNumber(text: string, value: number): boolean {
  return numberForms(value).some((form) => {
    const escaped = form.replace(/\./g, '\\.');
    const pattern = /^\d/.test(form)
      ? new RegExp(`(?<![\\d.])${escaped}(?!\\d|\\.\\d)`)
      : new RegExp(`(?<![一二三四五六七八九十两])${escaped}(?![一二三四五六七八九十])`);
    return pattern.test(text);
  });
}

/** Digits grouped the Chinese way only when long; decimals kept exactly as stored. */
export function formatNumber(value: number): string {
  return Math.abs(value) >= 100000 ? value.toLocaleString('zh-CN', { maximumFractionDigits: 4 }) : String(value);
}

/** 4.91亿元, 500余人次, 92.71% — value, bound marker and unit as written. */
export function formatQuantity(q: { value: number; unit: string; bound?: string | undefined }): string {
  return `${formatNumber(q.value)}${q.bound ?? ''}${q.unit}`;
}

/** 累计增速 10.8%, 同比下降 3.2%, 同比 持平: the kind, and the sign said in words, never by colour alone. */
export function formatGrowth(g: Growth): string {
  const abs = `${formatNumber(Math.abs(g.value))}${g.unit}`;
  if (g.value === 0) return `${g.kind ? `${g.kind} ` : ''}持平`;
  return g.kind === '累计增速' || g.kind === '增速' || g.kind === undefined
    ? `${g.kind ?? '增速'} ${g.value < 0 ? '-' : ''}${abs}`
    : `${g.kind}${g.value < 0 ? '下降' : '增长'} ${abs}`;
}

/** 10.8%, 下降 3.2%: the amount alone, for a bar or a cell beside the kind, the sign still in words. */
export function formatGrowthAmount(g: Growth): string {
  return `${g.value < 0 ? '下降 ' : ''}${formatNumber(Math.abs(g.value))}${g.unit}`;
}

/** 全市（乐清市）: a rank's scope with what the town says it stands for. */
export function formatRankScope(r: Rank, scopes: Record<string, string> = {}): string {
  const means = scopes[r.scope];
  return means && means !== r.scope ? `${r.scope}（${means}）` : r.scope;
}

/** 第8名, or 第2名（共12个） when the number of places is known. */
export function formatRankPlace(r: Rank): string {
  return `第${r.position}名${r.of ? `（共${r.of}个）` : ''}`;
}

/** 全市（乐清市）第8名; the number of places when known: 温州第2名（共12个）. */
export function formatRank(r: Rank, scopes: Record<string, string> = {}): string {
  return `${formatRankScope(r, scopes)}${formatRankPlace(r)}`;
}

export function formatPercent(value: number, digits = 1): string {
  return `${Number(value.toFixed(digits))}%`;
}

/** Factor to 元 for money units, so amounts written in 亿 and 万元 can be compared. */
const MONEY: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8, 万: 1e4, 亿: 1e8 };

/** A money figure in 元, using the implied unit when the report left 元 out; undefined if not money. */
export function toYuan(figure: Pick<Figure, 'value' | 'unit' | 'impliedUnit'>): number | undefined {
  if (figure.value === undefined || figure.unit === undefined) return undefined;
  const unit = figure.impliedUnit ?? figure.unit;
  if (!unit.endsWith('元')) return undefined;
  const factor = MONEY[unit];
  return factor === undefined ? undefined : figure.value * factor;
}

/** 2022年上半年, 2023年第一季度, 2022年, 2016—2020年 (a review of several years, `from` its first) */
export function formatReportPeriod(p: { year: number; kind: 'year' | 'half' | 'quarter'; number?: number | undefined; from?: number | undefined }): string {
  if (p.kind === 'year') return p.from === undefined ? `${p.year}年` : `${p.from}—${p.year}年`;
  if (p.kind === 'half') return `${p.year}年${p.number === 1 ? '上半年' : '下半年'}`;
  return `${p.year}年第${toChineseNumeral(p.number ?? 1)}季度`;
}

/** 2022-07-29 17:02 → 2022年7月29日 */
export function formatDateChinese(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Everything stated about a figure, each part in words: 4.91亿元 · 累计增速 10.8% · 全市第8名. */
export function figureFacts(f: Figure): string[] {
  const facts: string[] = [];
  if (f.value !== undefined && f.unit !== undefined) {
    facts.push(formatQuantity({ value: f.value, unit: f.unit, bound: f.bound }) + (f.bound && f.bound !== '近' && f.bound !== '约' ? '（下限）' : ''));
  }
  if (f.growth) facts.push(formatGrowth(f.growth));
  if (f.rank) facts.push(`${f.rank.scope}第${f.rank.position}名`);
  return facts;
}
