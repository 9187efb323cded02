/**
 * Reads a YAML content file and validates it against its zod schema, turning every problem into a
 * located `Problem`: the `yaml` library keeps the position of every node, so a zod path maps back to
 * the line and column the editor has to fix.
 */
import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { chineseErrorMap, closest } from './messages.ts';
import type { Problem } from './problem.ts';

/** The marker `npm run new-report` leaves where an editor still has to fill something in. */
export const TO_FILL = '待填写';

export interface Position {
  line: number;
  column: number;
}

/** A file's text, or the located problem that kept it from being read as UTF-8. */
export function readUtf8(absolutePath: string, file: string): { text?: string; problems: Problem[] } {
  const bytes = readFileSync(absolutePath);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, problems: [] };
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const before = loose.slice(0, loose.indexOf('\uFFFD'));
    const lines = before.split('\n');
    return {
      problems: [
        {
          severity: 'error',
          file,
          line: lines.length,
          column: lines.at(-1)!.length + 1,
          field: '',
          message: '文件不是 UTF-8 编码（可能用 GBK 等编码保存了）。请用“UTF-8”编码另存此文件',
        },
      ],
    };
  }
}

const YAML_ERRORS: Record<string, string> = {
  BAD_INDENT: '缩进不对齐：同一层的字段要用相同数量的空格缩进',
  TAB_AS_INDENT: '不能用 Tab 键缩进，请改用空格',
  DUPLICATE_KEY: '同一层里出现了两个同名字段',
  MISSING_CHAR: '缺少配对的符号（如引号、括号）',
  BLOCK_AS_IMPLICIT_KEY: '字段写法不对：冒号后面的内容换行了，或缩进不对',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行：可能少了冒号或缩进不对',
  UNEXPECTED_TOKEN: '这里出现了不该有的符号',
  BAD_SCALAR_START: '值的开头有特殊符号，请把整个值用引号括起来',
  MULTIPLE_DOCS: '一个文件里只能有一份内容（不要出现 ---）',
};

export interface YamlFile<T> {
  data?: T;
  problems: Problem[];
  /** Where the node at a zod/data path starts; the nearest existing ancestor if it does not exist. */
  locate(path: readonly PropertyKey[]): Position;
}

export function readYamlFile<S extends z.ZodType>(absolutePath: string, file: string, schema: S): YamlFile<z.output<S>> {
  const { text, problems } = readUtf8(absolutePath, file);
  const nowhere = () => ({ line: 0, column: 0 });
  if (text === undefined) return { problems, locate: nowhere };
  return parseYaml(text.replace(/^\uFEFF/, ''), file, schema);
}

export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S): YamlFile<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const locate = (path: readonly PropertyKey[]) => position(findNode(doc, path)?.range?.[0] ?? 0);
  const problems: Problem[] = [];
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const [pos] = error.linePos ?? [{ line: 1, col: 1 }];
      const known = YAML_ERRORS[error.code];
      problems.push({
        severity: 'error',
        file,
        line: pos?.line ?? 1,
        column: pos?.col ?? 1,
        field: '',
        message: `YAML 格式错误：${known ?? '无法解析'}（${error.message.split('\n')[0]}）`,
      });
    }
    return { problems, locate };
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    problems.push({ severity: 'error', file, line: 1, column: 1, field: '', message: `文件是空的，应填写${schemaLabel(schema)}` });
    return { problems, locate };
  }
  const unfilled = new Set<string>();
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (typeof node.value !== 'string' || !node.value.includes(TO_FILL) || key === 'key') return;
      const at = position(node.range?.[0] ?? 0);
      unfilled.add(`${at.line}:${at.column}`);
      problems.push({ severity: 'error', file, ...at, field: fieldPath(pathOf(ancestors, node)), message: `这里还是“${TO_FILL}”：请照原文填写，或删掉不需要的项` });
    },
  });
  const result = schema.safeParse(doc.toJS(), { error: chineseErrorMap, reportInput: true });
  if (result.success) return { ...(problems.length === 0 ? { data: result.data } : {}), problems, locate };
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const known = knownKeys(schema, issue.path);
        const guess = closest(key, known);
        const node = findKeyNode(doc, path);
        const at = position(node?.range?.[0] ?? 0);
        problems.push({
          severity: 'error',
          file,
          ...at,
          field: fieldPath(path),
          message:
            `未知字段“${key}”` +
            (guess ? `，是不是想写“${guess}”？` : '。') +
            (known.length > 0 ? `这里可以用的字段：${known.join('、')}` : ''),
        });
      }
      continue;
    }
    const at = locate(issue.path);
    // A placeholder is reported once, as unfilled, not again as a wrong format.
    if (unfilled.has(`${at.line}:${at.column}`)) continue;
    const label = fieldLabel(schema, issue.path);
    problems.push({
      severity: 'error',
      file,
      ...at,
      field: fieldPath(issue.path),
      message: label ? `${label}：${issue.message}` : issue.message,
    });
  }
  return { problems, locate };
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The data path of a node from the ancestors `visit` passes: map keys and list indexes. */
function pathOf(ancestors: readonly unknown[], node: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  const chain = [...ancestors, node];
  chain.forEach((item, i) => {
    const child = chain[i + 1];
    if (isPair(item) && isScalar(item.key)) path.push(String(item.key.value));
    else if (isSeq(item) && child !== undefined) path.push(item.items.indexOf(child as never));
  });
  return path;
}

function findNode(doc: Document, path: readonly PropertyKey[]): Node | undefined {
  let node: unknown = doc.contents;
  let found = node as Node | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return found;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (!node) return found;
    } else {
      return found;
    }
    found = node as Node;
  }
  return found;
}

function findKeyNode(doc: Document, path: readonly PropertyKey[]): Node | undefined {
  const parent = findNode(doc, path.slice(0, -1));
  if (!isMap(parent)) return parent;
  const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(path.at(-1)));
  return (pair?.key as Node | undefined) ?? parent;
}

type AnySchema = { _zod: { def: Record<string, unknown> }; description?: string };

/** The schema that validates the value at `path`, looking through optional, default and arrays. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): AnySchema | undefined {
  let current: AnySchema | undefined = unwrap(schema as unknown as AnySchema);
  for (const segment of path) {
    if (!current) return undefined;
    const def: Record<string, unknown> = current._zod.def;
    if (def['type'] === 'object') current = (def['shape'] as Record<string, AnySchema>)[String(segment)];
    else if (def['type'] === 'array') current = def['element'] as AnySchema;
    else if (def['type'] === 'record') current = def['valueType'] as AnySchema;
    else return undefined;
    current = current && unwrap(current);
  }
  return current;
}

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def: Record<string, unknown> = current._zod.def;
    if (['optional', 'default', 'nullable', 'prefault', 'readonly'].includes(def['type'] as string)) {
      current = def['innerType'] as AnySchema;
    } else if (def['type'] === 'pipe') {
      current = def['in'] as AnySchema;
    } else return current;
  }
}

function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const at = schemaAt(schema, path);
  return at?._zod.def['type'] === 'object' ? Object.keys(at._zod.def['shape'] as object) : [];
}

/** The short Chinese name of a field, the part of its description before the first comma or colon. */
function fieldLabel(schema: z.ZodType, path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  const description = describedAt(schema, path);
  return description?.split(/[，：:,]/)[0] ?? '';
}

function describedAt(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  // The description may sit on the wrapper (optional/default) or on the inner schema.
  const parent = schemaAt(schema, path.slice(0, -1));
  const segment = path.at(-1)!;
  const def = parent?._zod.def;
  let raw: AnySchema | undefined;
  if (def?.['type'] === 'object') raw = (def['shape'] as Record<string, AnySchema>)[String(segment)];
  else if (def?.['type'] === 'array' || def?.['type'] === 'record') return undefined;
  return raw?.description ?? (raw && unwrap(raw).description);
}

function schemaLabel(schema: z.ZodType): string {
  return schema.description ? `“${schema.description}”的内容` : '内容';
}
