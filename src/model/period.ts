/**
 * Reads the time a figure covers from the report's own words (1-5月份, 截至6月底, 第一季度…), so that
 * figures of different cut-offs are never compared as equals. The words themselves are always kept.
 */
export interface PeriodSpan {
  /** As written in the report. */
  text: string;
  /** First month covered (1-12), or undefined for a point in time. */
  from?: number;
  /** Last month covered; undefined when the text leaves it open (今年以来). */
  to?: number;
  /**
   * A span of several years (2016—2020年, “十三五”期间, 五年来): its first and last year when the words
   * give them, and how many years it covers. 五年来 and 近五年 name no year, and none is made up for them.
   */
  years?: { from?: number; to?: number; count?: number };
  kind: 'range' | 'month' | 'point' | 'to-date' | 'years';
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 → 1, 十二 → 12, 二十 → 20; digits pass through. */
export function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[一二三四五六七八九十]+$/.test(text)) return undefined;
  if (text === '十') return 10;
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  const t = tens === '' ? (text.includes('十') ? 1 : 0) : CN_DIGITS[tens!];
  const o = ones === '' ? 0 : CN_DIGITS[ones!];
  return t === undefined || o === undefined ? undefined : t * 10 + o;
}

const month = (s: string) => {
  const n = chineseNumber(s);
  return n !== undefined && n >= 1 && n <= 12 ? n : undefined;
};

const RULES: [RegExp, (m: RegExpExecArray) => Omit<PeriodSpan, 'text'> | undefined][] = [
  [/^(\d{1,2}|[一二三四五六七八九十]+)\s*[-—–~至到]\s*(\d{1,2}|[一二三四五六七八九十]+)月份?$/, (m) => {
    const from = month(m[1]!);
    const to = month(m[2]!);
    return from && to && from <= to ? { from, to, kind: 'range' } : undefined;
  }],
  [/^截[至止](?:今年)?(\d{1,2}|[一二三四五六七八九十]+)月(?:底|末)?$/, (m) => {
    const to = month(m[1]!);
    return to ? { from: 1, to, kind: 'range' } : undefined;
  }],
  [/^(\d{1,2}|[一二三四五六七八九十]+)月(?:底|末|初|中旬|上旬|下旬)$/, (m) => {
    const to = month(m[1]!);
    return to ? { to, kind: 'point' } : undefined;
  }],
  [/^(\d{1,2}|[一二三四五六七八九十]+)月份?$/, (m) => {
    const to = month(m[1]!);
    return to ? { from: to, to, kind: 'month' } : undefined;
  }],
  [/^第?([一二三四1-4])季度$/, (m) => {
    const q = chineseNumber(m[1]!)!;
    return { from: q * 3 - 2, to: q * 3, kind: 'range' };
  }],
  [/^前([一二三])季度$/, (m) => ({ from: 1, to: chineseNumber(m[1]!)! * 3, kind: 'range' })],
  [/^上半年$/, () => ({ from: 1, to: 6, kind: 'range' })],
  [/^下半年$/, () => ({ from: 7, to: 12, kind: 'range' })],
  [/^(?:全年|今年全年|\d{4}年)$/, () => ({ from: 1, to: 12, kind: 'range' })],
  [/^(?:今年以来|年初以来|本年以来)$/, () => ({ from: 1, kind: 'to-date' })],
  [/^((?:19|20)\d{2})年?\s*[-—–~至到]+\s*((?:19|20)\d{2})年(?:间|期间)?$/, (m) => {
    const from = Number(m[1]);
    const to = Number(m[2]);
    return from < to ? { years: { from, to, count: to - from + 1 }, kind: 'years' } : undefined;
  }],
  // 十五 to 十九五: the tenth to nineteenth five-year plans, 2001–2005 onwards, five years each.
  [/^[“"「]?十([一二三四五六七八九]?)五[”"」]?(?:期间|时期|以来)?$/, (m) => {
    const from = 2001 + (m[1] ? chineseNumber(m[1])! : 0) * 5;
    return { years: { from, to: from + 4, count: 5 }, kind: 'years' };
  }],
  [/^(?:过去|近|这|最近)?(\d{1,2}|[二两三四五六七八九十]+)年(?:来|以来|间|中)?$/, (m) => {
    const count = m[1] === '两' ? 2 : chineseNumber(m[1]!);
    return count !== undefined && count >= 2 ? { years: { count }, kind: 'years' } : undefined;
  }],
];

/** The months a period text covers, or undefined when the words are not understood. */
export function parsePeriod(text: string): PeriodSpan | undefined {
  const trimmed = text.trim();
  for (const [pattern, read] of RULES) {
    const m = pattern.exec(trimmed);
    if (!m) continue;
    const span = read(m);
    return span ? { text, ...span } : undefined;
  }
  return undefined;
}

/** A short label for tables and charts: 1-5月, 截至6月底, 第一季度, 2016—2020年 — the report's words, trimmed of 份. */
export function periodLabel(text: string): string {
  return text.replace(/月份$/, '月');
}
