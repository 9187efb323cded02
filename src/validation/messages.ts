/**
 * Chinese messages for zod's issues. Schema-level messages (written in the schemas) win; this map
 * covers the generic cases and always says what was found and what was expected.
 */
import type { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否（true 或 false）',
  object: '一组字段（键: 值）',
  array: '列表（每项以 - 开头）',
  null: '空值',
  undefined: '空（没有填写）',
  date: '日期',
};

export function describeValue(value: unknown): string {
  if (value === undefined) return '没有填写';
  if (value === null) return '空值';
  if (typeof value === 'string') return `文本“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;
  if (typeof value === 'number') return `数字 ${value}`;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `列表（${value.length} 项）`;
  if (typeof value === 'object') return '一组字段';
  return String(value);
}

function typeName(t: string): string {
  return TYPE_NAMES[t] ?? t;
}

/** The error map passed to `safeParse`: only used where a schema gives no message of its own. */
export const chineseErrorMap: z.core.$ZodErrorMap = (issue) => {
  const found = describeValue(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `缺少必填字段，应为${typeName(issue.expected)}`;
      return `应为${typeName(issue.expected)}，实际是${found}`;
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return Number(min) <= 1 ? '不能为空' : `至少要有 ${min} 个字，实际是${found}`;
      if (issue.origin === 'array') return `至少要有 ${min} 项，实际有 ${(issue.input as unknown[]).length} 项`;
      return `应不小于 ${min}，实际是 ${String(issue.input)}`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      // The length found, not the text: a text over the limit is usually far too long to quote.
      if (issue.origin === 'string') return `最多 ${max} 个字，实际有 ${(issue.input as string).length} 个字`;
      if (issue.origin === 'array') return `最多 ${max} 项，实际有 ${(issue.input as unknown[]).length} 项`;
      return `应不大于 ${max}，实际是 ${String(issue.input)}`;
    }
    case 'invalid_value':
      return `应为以下之一：${issue.values.map(String).join('、')}，实际是${found}`;
    case 'invalid_format':
      if (issue.format === 'url') return `应为网址（http:// 或 https:// 开头），实际是${found}`;
      if (issue.format === 'email') return `应为电子邮箱地址，实际是${found}`;
      return `格式不对，实际是${found}`;
    case 'invalid_union':
      return `格式不对，实际是${found}`;
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数，实际是 ${String(issue.input)}`;
    default:
      return undefined;
  }
};

/** Edit distance, to suggest the field an editor probably meant (vaule → value). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
