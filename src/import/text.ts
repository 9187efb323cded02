/**
 * Small text helpers shared by the importer: decoding the bytes editors receive (portal pages are
 * often saved as GBK), spacing that portals indent with, and dates written with stray spaces.
 */

/** Decodes UTF-8 (with or without BOM); falls back to GB18030, a superset of GBK and GB2312. */
export function decodeBytes(bytes: Uint8Array, declared?: string): string {
  const label = declared?.trim().toLowerCase();
  if (label && label !== 'utf-8' && label !== 'utf8') {
    try {
      return new TextDecoder(/^(gb2312|gbk|gb18030|x-gbk)$/.test(label) ? 'gb18030' : label).decode(bytes);
    } catch {
      // An unknown label: try UTF-8 below.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Whitespace of every kind, including the no-break (U+00A0) and ideographic (U+3000) spaces. */
export const SPACE = /[\s\u00a0\u3000\u200b\ufeff]+/gu;

export const squash = (s: string): string => s.replace(SPACE, '');

/** A line as an editor sees it: portal indentation and list bullets removed. */
export function cleanLine(line: string): string {
  return line.replace(/[\u00a0\u3000\u200b\ufeff]/gu, ' ').replace(/^\s*[•●▪◆■]\s*/u, '').trim();
}

export interface DateTime {
  date: string;
  time?: string;
}

const pad = (n: string) => n.padStart(2, '0');

/**
 * Reads 2022-07-29 17:02, “2022- 07- 29 17 : 02” (the Yueqing portal's spacing), 2022年7月29日,
 * 2022/7/29 and 2022.07.29. Returns undefined when no real date is found.
 */
export function readDateTime(text: string): DateTime | undefined {
  const m = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})\s*[:：]\s*(\d{2}))?/u.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, min] = m as unknown as [string, string, string, string, string | undefined, string | undefined];
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  const real = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(real.getTime()) || real.toISOString().slice(0, 10) !== date) return undefined;
  if (h !== undefined && min !== undefined && Number(h) <= 23 && Number(min) <= 59) return { date, time: `${pad(h)}:${min}` };
  return { date };
}

/** Chinese characters, for telling a Chinese line from an English note. */
export const CJK = /[\u3400-\u9fff]/u;
