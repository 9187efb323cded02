/**
 * Writes YAML the way the curated content is written — block style, keys in schema order, plain
 * scalars where they read back unchanged — with `# 待核对：…` comments above the lines to check.
 * Comments are never shown on the site, so review notes cannot leak into a published page.
 *
 * The `yaml` library does the writing (quoting, escaping, indentation), as src/editor/scaffold.ts does;
 * this module only says where comments go and keeps numbers in the form the report wrote them (12.0).
 */
import { Document, isMap, isScalar, isSeq, Scalar, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

/** A number as the report wrote it: 12.0 stays 12.0 in the YAML text (it still reads as the number 12). */
export class WrittenNumber {
  readonly value: number;
  readonly written: string;

  constructor(value: number, written: string) {
    this.value = value;
    this.written = written;
  }

  /** Digits after the point as written, when the number value alone would drop them (12.0, 3.50). */
  get fractionDigits(): number {
    const m = /\.(\d+)$/u.exec(this.written);
    return m && String(this.value) !== this.written ? m[1]!.length : 0;
  }
}

export type YamlValue = string | number | boolean | WrittenNumber | YamlValue[] | YamlMap;
/** A mapping whose keys keep their order; `undefined` values are left out. */
export interface YamlMap {
  [key: string]: YamlValue | undefined;
}

/**
 * A content type as the importer writes it: every number may keep the form the report wrote it in.
 * `AsWritten<z.input<typeof figureSchema>>` is a figure as drafted.
 */
export type AsWritten<T> = T extends number
  ? number | WrittenNumber
  : T extends readonly (infer U)[]
    ? AsWritten<U>[]
    : T extends object
      ? { [K in keyof T]: AsWritten<T[K]> }
      : T;

/** Comments to print above a key of a mapping, or above an item of a list. */
export const COMMENTS = Symbol('comments');
export type Commented<T> = T & { [COMMENTS]?: Record<string, string[]> };

/** Attaches comments: `withComments(item, { '.': ['above the item'], unit: ['above unit'] })`. */
export function withComments<T extends YamlMap>(map: T, notes: Record<string, string[]>): Commented<T> {
  const filtered = Object.fromEntries(Object.entries(notes).filter(([, v]) => v.length > 0));
  return Object.assign(map, { [COMMENTS]: filtered });
}

/** A number, a written number or a plain value for the `yaml` library (undefined entries dropped). */
function plain(value: YamlValue): unknown {
  if (value instanceof WrittenNumber) return value.value;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, plain(v!)]));
  return value;
}

const commentText = (lines: string[]) => lines.flatMap((l) => l.split('\n')).map((l) => ` ${l}`).join('\n');

/** Walks the data and its document node side by side: comments onto keys and items, written numbers. */
function decorate(value: YamlValue, node: Node | null | undefined): void {
  if (!node) return;
  if (value instanceof WrittenNumber) {
    if (isScalar(node) && value.fractionDigits > 0) (node as Scalar).minFractionDigits = value.fractionDigits;
    return;
  }
  if (Array.isArray(value) && isSeq(node)) {
    const items = (node as YAMLSeq).items as Node[];
    value.forEach((item, i) => {
      const itemNode = items[i];
      const above = typeof item === 'object' && !Array.isArray(item) && !(item instanceof WrittenNumber) ? (item as Commented<YamlMap>)[COMMENTS]?.['.'] : undefined;
      if (above?.length && itemNode) itemNode.commentBefore = commentText(above);
      decorate(item, itemNode);
    });
    return;
  }
  if (typeof value === 'object' && !Array.isArray(value) && isMap(node)) {
    const notes = (value as Commented<YamlMap>)[COMMENTS] ?? {};
    for (const pair of (node as YAMLMap).items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const above = notes[key];
      if (above?.length && isScalar(pair.key)) pair.key.commentBefore = commentText(above);
      const v = value[key];
      if (v !== undefined) decorate(v, pair.value as Node);
    }
  }
}

/** A mapping as YAML text lines, comments above their keys and items. */
export function mapLines(map: Commented<YamlMap>): string[] {
  const doc = new Document(plain(map));
  decorate(map, doc.contents as Node);
  return doc.toString({ lineWidth: 0 }).replace(/\n$/u, '').split('\n');
}
