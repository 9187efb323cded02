/**
 * Numbers as Chinese readers expect them: the value and unit as the report wrote them, growth with
 * its sign in words, ranks as 第N名 with their scope. Conversion between units lives here too.
 */
import { asciiDigits, LOWER_BOUNDS, type Completion, type Figure, type Growth, type Rank } from '../schemas/common.ts';

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 4 → 四, 12 → 十二, 21 → 二十一 (1–99). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n <= 10) return CN[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN[tens]}十${ones === 0 ? '' : CN[ones]}`;
}

/**
 * The ways a number can be written in a report: 2 → 2, 二, 两; 1234 → 1,234; or, when its written form is
 * kept beside it (15.0, ４.９１), that form alone, full-width digits read as ASCII.
 */
export function numberForms(value: number, written?: string): string[] {
  // A written form kept beside the number is what readers see, so the text must have it: 6.20 is not 6.2.
  if (written !== undefined) return [asciiDigits(written).replace(/^[+-]/, '')];
  const forms = [String(value)];
  if (Number.isInteger(value) && Math.abs(value) >= 1000) forms.push(Math.abs(value).toLocaleString('en-US'));
  if (Number.isInteger(value) && value >= 0 && value <= 99) {
    forms.push(toChineseNumeral(value));
    if (value === 2) forms.push('两');
  }
  return forms;
}

/**
 * Whether a text states this number as a whole: 4.9 is not found in “4.91亿元”, nor 1 in “12339”,
 * nor 二 in “十二”, nor 15 in “15.0%” (unless written 15.0). Full-width digits in the text count.
 */
export function statesNumber(text: string, value: number, written?: string): boolean {
  const plain = asciiDigits(text);
  return numberForms(value, written).some((form) => {
    const escaped = form.replace(/\./g, '\\.');
    const pattern = /^\d/.test(form)
      ? new RegExp(`(?<![\\d.])${escaped}(?!\\d|\\.\\d)`)
      : new RegExp(`(?<![一二三四五六七八九十两])${escaped}(?![一二三四五六七八九十])`);
    return pattern.test(plain);
  });
}

/** A number as stored, never regrouped: the report's own text is what readers see (10953万元, not 10,953万元). */
export function formatNumber(value: number): string {
  return String(value);
}

/** Bound words written before the number (超50%), after the unit (100人以上), or after the number (500余人次). */
const BOUND_BEFORE = new Set(['超', '超过', '突破', '逾', '近', '约']);

/**
 * 4.91亿元, 500余人次, 92.71%, 1万余人次 — the number as written, bound marker and unit, as the report
 * writes them. Where the bound word stands inside the unit (1万余人次, but 1000余万元) is read from the
 * quote; without one, it follows the number.
 */
export function formatQuantity(q: { value: number; valueWritten?: string | undefined; unit: string; bound?: string | undefined }, quote?: string): string {
  const n = q.valueWritten ?? formatNumber(q.value);
  const b = q.bound;
  if (!b) return `${n}${q.unit}`;
  const candidates = BOUND_BEFORE.has(b)
    ? [`${b}${n}${q.unit}`]
    : b === '以上'
      ? [`${n}${q.unit}${b}`, `${n}${b}${q.unit}`]
      : [`${n}${b}${q.unit}`, ...[...q.unit].slice(1).map((_, i) => `${n}${q.unit.slice(0, i + 1)}${b}${q.unit.slice(i + 1)}`)];
  const text = quote?.replace(/\s+/g, '');
  return candidates.find((c) => text?.includes(c)) ?? candidates[0]!;
}

/** Whether the bound word makes the figure a lower bound (余, 多, 以上, 超…), not an approximation (近, 约). */
export function isLowerBound(bound: string | undefined): boolean {
  return bound !== undefined && LOWER_BOUNDS.includes(bound);
}

/** A number's written form without its sign: -3.20 → 3.20. */
function unsigned(value: number, written: string | undefined): string {
  return written !== undefined ? written.replace(/^[+\-－]/, '') : formatNumber(Math.abs(value));
}

/** The word a growth is said with: the report's own (上升, 缩短), else 增长 or 下降 by its sign. */
export function growthVerb(g: Growth): string {
  return g.verb ?? (g.value < 0 ? '下降' : '增长');
}

/**
 * 累计增速10.8%, 同比下降3.2%, 同比持平, 年均增长6.1%, 年均下降1.2%, 同比上升6.49%, 缩短40%: the
 * kind, and the sign said in words (the report's verb when it gives one), never by colour alone, nor
 * twice (缩短-40%); the number as written, no space beside it.
 */
export function formatGrowth(g: Growth): string {
  const abs = `${unsigned(g.value, g.valueWritten)}${g.unit}`;
  if (g.value === 0) return `${g.kind ?? ''}持平`;
  if (g.kind === '年均增长') return `年均${growthVerb(g)}${abs}`;
  if (signedRate(g)) return `${g.kind ?? '增速'}${g.value < 0 ? '-' : ''}${abs}`;
  if (g.kind === '累计增速' || g.kind === '增速' || g.kind === undefined) return `${g.kind ?? ''}${g.verb}${abs}`;
  return `${g.kind}${growthVerb(g)}${abs}`;
}

/** A rate stated with its sign (累计增速-3.2%) rather than with a verb of change (同比下降3.2%). */
const signedRate = (g: Growth) => !g.verb && (g.kind === '累计增速' || g.kind === '增速' || g.kind === undefined);

/**
 * 10.8%, 下降3.2%, 缩短40%, -3.2%: the amount alone, for a bar or a cell beside the kind, its sign said as
 * formatGrowth says it (a signed rate keeps its minus, a change of another kind its verb), so the bar and
 * the sentence beside it never read two ways.
 */
export function formatGrowthAmount(g: Growth): string {
  const abs = `${unsigned(g.value, g.valueWritten)}${g.unit}`;
  if (g.value < 0 && signedRate(g)) return `-${abs}`;
  const verb = g.verb ?? (g.value < 0 ? '下降' : '');
  return `${g.value !== 0 ? verb : ''}${abs}`;
}

/** 完成任务的117.46%, 完成率95%: a figure's completion of its target, as the report says it. */
export function formatCompletion(c: Completion): string {
  const rate = `${c.rateWritten ?? formatNumber(c.rate)}%`;
  return c.target ? `完成${c.target}的${rate}` : `完成率${rate}`;
}

/** 高于全市平均1个百分点, 低于全省平均0.5个百分点. */
export function formatComparison(c: { to: string; value: number; valueWritten?: string | undefined; unit: string }): string {
  if (c.value === 0) return `与${c.to}持平`;
  return `${c.value < 0 ? '低于' : '高于'}${c.to}${unsigned(c.value, c.valueWritten)}${c.unit}`;
}

/** 全市（乐清市）: a rank's scope with what the town says it stands for. */
export function formatRankScope(r: Rank, scopes: Record<string, string> = {}): string {
  const means = scopes[r.scope];
  return means && means !== r.scope ? `${r.scope}（${means}）` : r.scope;
}

/** What a rank ranks, in words: 增速, 总量, 增量 (the increase). */
export const RANK_SUBJECTS = { growth: '增速', amount: '总量', increase: '增量' } as const;

/** What is ranked, said before the scope: 增速, 总量, 增量, or nothing when the report does not say. */
export function rankSubject(r: Rank): string {
  return r.subject ? RANK_SUBJECTS[r.subject] : '';
}

/**
 * 全市第8名, 增速全市第2名: a rank in one short phrase, as lists, cards and bars say it; a rank the report
 * gives no exact place for (前三, 前列, 首位) reads as written; 全市排名第四 with its place recorded reads 全市第4名.
 */
export function formatRankBrief(r: Rank): string {
  return r.position === undefined ? r.written : `${rankSubject(r)}${r.scope}${formatPlace(r.position)}`;
}

/** 第8名, or 第2名（共12个） when the number of places is known; an inexact rank (前三) as written. */
export function formatRankPlace(r: Rank): string {
  if (r.position === undefined) return r.written;
  return `${formatPlace(r.position)}${r.of ? `（${formatCount(r.of, '个')}）` : ''}`;
}

/**
 * 全市（乐清市）第8名; 增速全市第2名; the number of places when known: 温州第2名（共12个）. A rank the
 * report gives no exact place for (前三, 前列, 第一方阵, 首位) reads as written, never as a number.
 */
export function formatRank(r: Rank, scopes: Record<string, string> = {}): string {
  if (r.position === undefined) {
    const means = scopes[r.scope];
    return `${r.written}${means && means !== r.scope ? `（${r.scope}指${means}）` : ''}`;
  }
  return `${rankSubject(r)}${formatRankScope(r, scopes)}${formatRankPlace(r)}`;
}

export function formatPercent(value: number, digits = 1): string {
  return `${Number(value.toFixed(digits))}%`;
}

/** Magnitudes a money unit may start with: 万元, 亿美元, 千元. */
const MAGNITUDE: Record<string, number> = { '': 1, 百: 1e2, 千: 1e3, 万: 1e4, 十万: 1e5, 百万: 1e6, 千万: 1e7, 亿: 1e8 };
const CURRENCY = /^(十万|百万|千万|百|千|万|亿)?(元|美元|欧元|港元|港币|日元|英镑)$/;

/**
 * A money figure in its currency's base unit: 2.48亿元 → 248000000 元, 120万美元 → 1200000 美元, using
 * the implied unit when the report left the currency out. Undefined if it is not money. Amounts in
 * different currencies are never compared or converted into each other.
 */
export function toBaseAmount(figure: Pick<Figure, 'value' | 'unit' | 'impliedUnit'>): { amount: number; currency: string } | undefined {
  if (figure.value === undefined || figure.unit === undefined) return undefined;
  const match = CURRENCY.exec(figure.impliedUnit ?? figure.unit);
  if (!match) return undefined;
  return { amount: figure.value * MAGNITUDE[match[1] ?? '']!, currency: match[2]! };
}

/** A money figure in 元 (renminbi), using the implied unit where the report left 元 out; undefined otherwise. */
export function toYuan(figure: Pick<Figure, 'value' | 'unit' | 'impliedUnit'>): number | undefined {
  const base = toBaseAmount(figure);
  return base?.currency === '元' ? base.amount : undefined;
}

/** 2022年上半年, 2023年第一季度, 2022年, 2016—2020年 (a review of several years, `from` its first) */
export function formatReportPeriod(p: { year: number; kind: 'year' | 'half' | 'quarter'; number?: number | undefined; from?: number | undefined }): string {
  if (p.kind === 'year') return p.from === undefined ? `${p.year}年` : `${p.from}—${p.year}年`;
  if (p.kind === 'half') return `${p.year}年${p.number === 1 ? '上半年' : '下半年'}`;
  return `${p.year}年第${toChineseNumeral(p.number ?? 1)}季度`;
}

/**
 * Dates, one form per context. Readers see 2022年7月29日, or 2022年7月29日 17:02 where the time of day
 * matters (a publication); `<time datetime>` carries the ISO form (2022-07-29T17:02); feeds, sitemaps,
 * JSON and CSV keep the ISO form content writes (src/export/dates.ts). Nothing else formats a date.
 */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/;

function parseLocalDate(local: string): { y: number; m: number; d: number; time?: string } {
  const match = LOCAL.exec(local);
  if (!match) throw new Error(`不是 YYYY-MM-DD 或 YYYY-MM-DD HH:MM 格式的日期：${local}`);
  return { y: +match[1]!, m: +match[2]!, d: +match[3]!, ...(match[4] ? { time: `${match[4]}:${match[5]}` } : {}) };
}

/** 2022-07-29 or 2022-07-29 17:02 → 2022年7月29日: the day alone. */
export function formatDate(local: string): string {
  const { y, m, d } = parseLocalDate(local);
  return `${y}年${m}月${d}日`;
}

/** 2022-07-29 17:02 → 2022年7月29日 17:02; a date without a time of day → 2022年7月29日. */
export function formatDateTime(local: string): string {
  const { time } = parseLocalDate(local);
  return time ? `${formatDate(local)} ${time}` : formatDate(local);
}

/** The value of `<time datetime>`: 2022-07-29T17:02, or 2022-07-29 for a day (HTML's local date-time and date). */
export function machineDate(local: string): string {
  const { time } = parseLocalDate(local);
  return time ? `${local.slice(0, 10)}T${time}` : local.slice(0, 10);
}

/**
 * Counts, ranks and the empty cell, written one way by everything the site generates. Chinese and the
 * numerals beside it are set without a space (共7项, 第8名, 同比下降3.2%), as Chinese government
 * publications set them; a number is followed by a Latin unit with a space (3.4 KB). The report's own
 * words (第四, 前列, 全市排名8) are quoted as written where the page quotes it (the 原文 columns, the
 * quotes); a phrase the site writes from a recorded place (formatRankBrief) says 第4名.
 */
export function formatCount(n: number, measure: string): string {
  return `共${n}${measure}`;
}

/** 第8名: a place the site states (the report's own wording is kept beside it where shown). */
export function formatPlace(position: number): string {
  return `第${position}名`;
}

/** A table cell with nothing in it: the same mark everywhere; DataTable gives it its spoken meaning. */
export const EMPTY_MARK = '—';
/** What a screen reader says for the mark. */
export const EMPTY_MEANING = '无';

/** The text, or the empty mark when there is none. */
export function cell(text: string | undefined): string {
  return text === undefined || text.trim() === '' ? EMPTY_MARK : text;
}

/** 发布日期：2022年7月29日 17:02 — a named value in running text. */
export function labelled(term: string, value: string): string {
  return `${term}：${value}`;
}

/** 1:60:39 as written; 由2:66:32调整到1:60:39; 从年初8家到15家: a figure's change, when it has one. */
export function formatChange(f: Figure): string | undefined {
  if (!f.from) return undefined;
  const when = f.from.when ?? '';
  if (f.from.ratio !== undefined && f.ratio !== undefined) return `由${when}${f.from.ratio}调整到${f.ratio}`;
  if (f.from.value === undefined || f.value === undefined || f.unit === undefined) return undefined;
  const from = `${f.from.valueWritten ?? formatNumber(f.from.value)}${f.unit}`;
  return `从${when}${from}到${formatQuantity({ value: f.value, valueWritten: f.valueWritten, unit: f.unit, bound: f.bound }, f.quote)}`;
}

/**
 * Everything stated about a figure, each part in words: 4.91亿元 · 累计增速10.8% · 全市第8名; a ratio
 * (1:60:39), a change (从年初8家到15家), a comparison (高于全市平均1个百分点); 预计 before an estimate.
 */
export function figureFacts(f: Figure): string[] {
  const facts: string[] = [];
  const change = formatChange(f);
  if (change) facts.push(change + (f.value !== undefined && isLowerBound(f.bound) ? '（下限）' : ''));
  else if (f.value !== undefined && f.unit !== undefined) {
    facts.push(formatQuantity({ value: f.value, valueWritten: f.valueWritten, unit: f.unit, bound: f.bound }, f.quote) + (isLowerBound(f.bound) ? '（下限）' : ''));
  } else if (f.ratio !== undefined) facts.push(f.ratio);
  if (f.completion) facts.push(formatCompletion(f.completion));
  if (f.growth) facts.push(formatGrowth(f.growth));
  if (f.compare) facts.push(formatComparison(f.compare));
  if (f.rank) facts.push(formatRankBrief(f.rank));
  if (f.estimate && facts.length > 0) facts[0] = `预计${facts[0]}`;
  return facts;
}
