/**
 * Writes YAML the way the curated content is written — block style, keys in schema order, plain
 * scalars where they read back unchanged — with `# 待核对：…` comments above the lines to check.
 * Comments are never shown on the site, so review notes cannot leak into a published page.
 */
import { parse } from 'yaml';

export type YamlValue = string | number | boolean | YamlValue[] | YamlMap;
/** A mapping whose keys keep their order; `undefined` values are left out. */
export interface YamlMap {
  [key: string]: YamlValue | undefined;
}

/** Comments to print above a key of a mapping, or above an item of a list. */
export const COMMENTS = Symbol('comments');
export type Commented<T> = T & { [COMMENTS]?: Record<string, string[]> };

export function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  if (value !== '' && !/^\s|\s$/u.test(value)) {
    try {
      const back = parse(`k: ${value}`) as { k?: unknown } | null;
      if (back?.k === value && !value.includes('#') && !value.includes(': ')) return value;
    } catch {
      // Not a plain scalar: quoted below.
    }
  }
  return JSON.stringify(value);
}

export function comment(lines: string[], indent: string): string[] {
  return lines.flatMap((l) => l.split('\n')).map((l) => `${indent}# ${l}`);
}

/** A mapping's lines at an indent; comments stored under COMMENTS['key'] go above that key. */
export function mapLines(map: Commented<YamlMap>, indent = ''): string[] {
  const out: string[] = [];
  const notes = map[COMMENTS] ?? {};
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    out.push(...comment(notes[key] ?? [], indent));
    out.push(...entry(key, value, indent));
  }
  return out;
}

function entry(key: string, value: YamlValue, indent: string): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}${key}: []`];
    return [`${indent}${key}:`, ...listLines(value, `${indent}  `)];
  }
  if (typeof value === 'object') return [`${indent}${key}:`, ...mapLines(value, `${indent}  `)];
  return [`${indent}${key}: ${scalar(value)}`];
}

/** A list's lines; an item's own COMMENTS['.'] go above its dash. */
export function listLines(items: YamlValue[], indent: string): string[] {
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === 'object' && !Array.isArray(item)) {
      const itemNotes = (item as Commented<YamlMap>)[COMMENTS]?.['.'] ?? [];
      out.push(...comment(itemNotes, indent));
      const lines = mapLines(item, `${indent}  `);
      const first = lines.findIndex((l) => !l.trimStart().startsWith('#'));
      lines[first] = `${indent}- ${lines[first]!.slice(indent.length + 2)}`;
      out.push(...lines);
    } else if (Array.isArray(item)) {
      out.push(`${indent}-`, ...listLines(item, `${indent}  `));
    } else {
      out.push(`${indent}- ${scalar(item)}`);
    }
  }
  return out;
}

/** Attaches comments: `withComments(item, { '.': ['above the item'], unit: ['above unit'] })`. */
export function withComments<T extends YamlMap>(map: T, notes: Record<string, string[]>): Commented<T> {
  const filtered = Object.fromEntries(Object.entries(notes).filter(([, v]) => v.length > 0));
  return Object.assign(map, { [COMMENTS]: filtered });
}
