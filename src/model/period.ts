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
  kind: 'range' | 'month' | 'point' | 'to-date';
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

/** A short label for tables and charts: 1-5月, 截至6月底, 第一季度 — the report's words, trimmed of 份. */
export function periodLabel(text: string): string {
  return text.replace(/月份$/, '月');
}
