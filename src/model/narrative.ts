/**
 * The report's text (narrative.md) as a tree that keeps the report's own structure: parts (一、),
 * sections ((一)), points (一是) and deeper numbering, each with its ordinal, headline and body.
 * Markdown heading levels give the tree; the ordinal is read from the heading text.
 */
import { createMarkdown } from './markdown.ts';

export interface NarrativeNode {
  /**
   * The heading's own numbers from the top: 一、 (二) 三是 → s1-2-3. Used by figures (`point:`), as the
   * page anchor and in part pages' addresses (part-1/). Taken from the numbering as written, not from the
   * place in the text, so inserting or removing another heading changes no other id. A heading without
   * numbering (or repeating its sibling's) takes its place among its siblings, or the next number free.
   */
  id: string;
  depth: number;
  /** The heading exactly as written: 一是主要指标平稳增长。 */
  heading: string;
  /** The numbering as written: 一、 (一) 一是 1. （1） ① — '' when the heading has none. */
  ordinal: string;
  /** The heading without ordinal and final full stop: 主要指标平稳增长 */
  headline: string;
  /** Markdown of the text below the heading, up to the next heading. */
  body: string;
  /** 1-based line of the heading in narrative.md. */
  line: number;
  children: NarrativeNode[];
}

export interface Narrative {
  /** Markdown before the first heading. */
  preamble: string;
  parts: NarrativeNode[];
  /**
   * Where the text has a Markdown image (![…](…)), 1-based. The site shows none (src/model/markdown.ts)
   * and validation reports each one; set only when there are any, so a valid report carries no such field.
   */
  images?: { line: number; column: number }[];
}

const ORDINAL =
  /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+是|\d+[.．、]|[(（]\d+[)）]|[①-⑳])/;

export function splitHeading(heading: string): { ordinal: string; headline: string } {
  const ordinal = ORDINAL.exec(heading)?.[0] ?? '';
  const headline = heading.slice(ordinal.length).replace(/[。.]$/, '');
  return { ordinal, headline };
}

const parser = createMarkdown();

export function parseNarrative(source: string): Narrative {
  const lines = source.split(/\r?\n/);
  const tokens = parser.parse(source, {});
  const headings: { level: number; text: string; start: number; end: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open' && token.map) {
      headings.push({
        level: Number(token.tag.slice(1)),
        text: tokens[i + 1]!.content.trim(),
        start: token.map[0],
        end: token.map[1],
      });
    }
  }
  const bodyBetween = (from: number, to: number) => lines.slice(from, to).join('\n').trim();
  const root: NarrativeNode = { id: 's', depth: 0, heading: '', ordinal: '', headline: '', body: '', line: 0, children: [] };
  const stack: { level: number; node: NarrativeNode }[] = [{ level: 0, node: root }];
  headings.forEach((h, index) => {
    while (stack.length > 1 && stack.at(-1)!.level >= h.level) stack.pop();
    const parent = stack.at(-1)!.node;
    const next = headings[index + 1];
    const node: NarrativeNode = {
      id: '',
      depth: stack.length,
      heading: h.text,
      ...splitHeading(h.text),
      body: bodyBetween(h.end, next ? next.start : lines.length),
      line: h.start + 1,
      children: [],
    };
    parent.children.push(node);
    stack.push({ level: h.level, node });
  });
  numberChildren(root);
  const images = findImages(tokens, lines);
  return { preamble: bodyBetween(0, headings[0]?.start ?? lines.length), parts: root.children, ...(images.length ? { images } : {}) };
}

const CHINESE_DIGITS = '一二三四五六七八九';

/** The number an ordinal says: 三、 (三) 三是 3. （3） ③ → 3; 十二是 → 12. */
export function ordinalNumber(ordinal: string): number | undefined {
  const digits = /\d+/.exec(ordinal);
  if (digits) return Number(digits[0]);
  const circled = /[①-⑳]/.exec(ordinal);
  if (circled) return circled[0].charCodeAt(0) - '①'.charCodeAt(0) + 1;
  const chinese = /[一二三四五六七八九十]+/.exec(ordinal)?.[0];
  if (!chinese) return undefined;
  const [tens, ones] = chinese.includes('十') ? chinese.split('十') as [string, string] : ['', chinese];
  const digit = (c: string) => CHINESE_DIGITS.indexOf(c) + 1;
  return chinese.includes('十') ? (tens ? digit(tens) : 1) * 10 + (ones ? digit(ones) : 0) : digit(ones);
}

/** Gives each child its id (see NarrativeNode.id): its ordinal's number first, then the rest by place. */
function numberChildren(parent: NarrativeNode): void {
  const prefix = parent.depth === 0 ? 's' : `${parent.id}-`;
  const used = new Set<number>();
  const numbers = parent.children.map((child) => {
    const n = ordinalNumber(child.ordinal);
    if (n === undefined || used.has(n)) return undefined;
    used.add(n);
    return n;
  });
  parent.children.forEach((child, i) => {
    let n = numbers[i];
    if (n === undefined) {
      n = i + 1;
      while (used.has(n)) n++;
      used.add(n);
    }
    child.id = `${prefix}${n}`;
    numberChildren(child);
  });
}

/**
 * The place of every image in the text. markdown-it tells the lines of a block, not where in them an
 * image starts: each block's images are matched, in order, to the `![` in its lines (one escaped as
 * `\![` is text). Should they not match up (an `![` inside code), the block's first line stands in.
 */
function findImages(tokens: ReturnType<typeof parser.parse>, lines: string[]): { line: number; column: number }[] {
  const found: { line: number; column: number }[] = [];
  let block: [number, number] = [0, 1];
  for (const token of tokens) {
    if (token.map) block = token.map as [number, number];
    const count = token.children?.filter((c) => c.type === 'image').length ?? 0;
    if (count === 0) continue;
    const marks: { line: number; column: number }[] = [];
    for (let i = block[0]; i < block[1]; i++) {
      for (const m of (lines[i] ?? '').matchAll(/(?<!\\)!\[/g)) marks.push({ line: i + 1, column: m.index + 1 });
    }
    for (let k = 0; k < count; k++) found.push(marks[k] ?? { line: block[0] + 1, column: 1 });
  }
  return found;
}

/** Every node of the tree, depth first, in reading order. */
export function flattenNarrative(narrative: Narrative): NarrativeNode[] {
  const out: NarrativeNode[] = [];
  const walk = (nodes: NarrativeNode[]) => {
    for (const node of nodes) {
      out.push(node);
      walk(node.children);
    }
  };
  walk(narrative.parts);
  return out;
}

/** The plain text of a node and everything under it, for quotes and search. */
export function nodeText(node: NarrativeNode): string {
  return [node.heading, node.body, ...node.children.map(nodeText)].join('\n');
}
