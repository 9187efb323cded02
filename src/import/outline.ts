/**
 * The structure of a report from its Chinese numbering: 一、 (一)/（一） 一是 1. （1） ① — each kind of
 * numbering becomes a markdown heading level in the order the kinds first appear, as a word processor's
 * outline does. 一是/（1）/① also start a point in the middle of a paragraph when they follow a full
 * stop and continue the count (一是 … 二是 …). A heading runs to the first 。; the rest of its
 * paragraph becomes the body. Nothing is added or removed: the markdown, without its # marks and
 * whitespace, is the body text.
 */
import { chineseNumber } from '../model/period.ts';

export type OrdinalKind = 'cn-dun' | 'cn-paren' | 'cn-shi' | 'num-dot' | 'num-paren' | 'circled';

interface Ordinal {
  kind: OrdinalKind;
  number: number;
  text: string;
}

const CN = '[一二三四五六七八九十]+';
const AT_LINE_START: [OrdinalKind, RegExp][] = [
  ['cn-dun', new RegExp(`^(${CN})、`, 'u')],
  ['cn-paren', new RegExp(`^[（(](${CN})[)）]`, 'u')],
  ['cn-shi', new RegExp(`^(${CN})是(?![的否])`, 'u')],
  ['num-dot', /^(\d{1,2})[.．、](?![\d.．])/u],
  ['num-paren', /^[（(](\d{1,2})[)）]/u],
  ['circled', /^([①-⑳])/u],
];
/** Kinds that may start a point inside a paragraph, right after a full stop. */
const INLINE: OrdinalKind[] = ['cn-shi', 'num-paren', 'circled'];
const SENTENCE_END = /[。！？!?]/u;
const MAX_LEVEL = 6;

function readOrdinal(text: string): Ordinal | undefined {
  for (const [kind, re] of AT_LINE_START) {
    const m = re.exec(text);
    if (!m) continue;
    const raw = m[1]!;
    const number = kind === 'circled' ? raw.charCodeAt(0) - 0x2460 + 1 : chineseNumber(raw);
    if (number !== undefined && number > 0) return { kind, number, text: m[0] };
  }
  return undefined;
}

export interface OutlineNode {
  level: number;
  heading: string;
  paragraphs: string[];
  /** True for a heading made from the first sentence of an unnumbered introduction. */
  unnumbered: boolean;
}

export interface Outline {
  /** Opening lines before the report proper: meeting line, speaker, salutation, 现在，我代表…. */
  preamble: string[];
  nodes: OutlineNode[];
  /** Numbering kinds in the order of their heading levels (level 1 first). */
  levels: OrdinalKind[];
}

/** (2025年1月14日在某镇第二届人民代表大会第四次会议上), ——…在…会议上 */
export const MEETING = /^[(（—\-\s]*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?在[^。！？]{2,60}(?:会议|大会|议事会)上?\s*[)）]?$/u;
/** 某镇镇长 某某, 街道办事处主任 某某: an office and a name. */
export const SPEAKER = /^[\u4e00-\u9fa5]{0,16}(?:镇长|乡长|主任|书记|县长|区长|市长)\s*[\u4e00-\u9fa5]{2,4}$/u;
/** 各位代表：, 尊敬的各位代表、同志们： */
const SALUTATION = /^(?:各位|尊敬的)[^。！？]{0,40}[:：]$/u;
/** 现在，我代表镇人民政府向大会报告工作… */
const REPORTING = /^现在\s*[，,]?\s*我代表/u;
/** A name alone on a line, beside the meeting line or the salutation. */
export const NAME_ONLY = /^[\u4e00-\u9fa5]{2,3}$/u;

/**
 * The opening a report delivered at a meeting starts with: the meeting line, the speaker, the
 * salutation and 现在，我代表… — kept as the text before the first heading, never turned into figures.
 */
export function openingLength(paragraphs: string[]): number {
  const opening = (p: string, i: number) => {
    if (MEETING.test(p) || SPEAKER.test(p) || SALUTATION.test(p) || REPORTING.test(p)) return true;
    const near = [paragraphs[i - 1], paragraphs[i + 1]].some((q) => q !== undefined && (MEETING.test(q) || SALUTATION.test(q) || SPEAKER.test(q)));
    return NAME_ONLY.test(p) && near;
  };
  let n = 0;
  while (n < paragraphs.length && opening(paragraphs[n]!, n)) n++;
  // Only an opening if it holds a meeting line, a salutation or 现在，我代表; a lone short line is not one.
  return paragraphs.slice(0, n).some((p) => MEETING.test(p) || SALUTATION.test(p) || REPORTING.test(p)) ? n : 0;
}

export function buildOutline(paragraphs: string[]): Outline {
  const preambleLength = openingLength(paragraphs);
  const preamble = paragraphs.slice(0, preambleLength);
  paragraphs = paragraphs.slice(preambleLength);
  const levels: OrdinalKind[] = [];
  const last = new Map<OrdinalKind, number>();
  const nodes: OutlineNode[] = [];

  const levelOf = (kind: OrdinalKind): number | undefined => {
    if (!levels.includes(kind)) {
      if (levels.length >= MAX_LEVEL) return undefined;
      levels.push(kind);
    }
    return levels.indexOf(kind) + 1;
  };
  const addText = (text: string) => {
    if (text === '') return;
    const current = nodes.at(-1);
    if (current) current.paragraphs.push(text);
    else {
      const [heading, rest] = splitAtSentence(text);
      nodes.push({ level: 1, heading, paragraphs: rest ? [rest] : [], unnumbered: true });
    }
  };
  const startNode = (ordinal: Ordinal, text: string): boolean => {
    const level = levelOf(ordinal.kind);
    if (level === undefined) return false;
    for (const kind of levels.slice(level)) last.delete(kind);
    last.set(ordinal.kind, ordinal.number);
    const [heading, rest] = splitAtSentence(text);
    nodes.push({ level, heading, paragraphs: [], unnumbered: false });
    splitInline(rest);
    return true;
  };
  /** Text after a heading or a paragraph without numbering: may hold 一是 … 二是 … points. */
  const splitInline = (text: string) => {
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      if (i > 0 && !SENTENCE_END.test(text[i - 1]!)) continue;
      const ordinal = readOrdinal(text.slice(i));
      if (!ordinal || !INLINE.includes(ordinal.kind)) continue;
      const previous = last.get(ordinal.kind);
      if (ordinal.number !== 1 && previous !== ordinal.number - 1) continue;
      if (levelOf(ordinal.kind) === undefined) continue;
      addText(text.slice(from, i));
      splitPoint(text.slice(i), ordinal);
      return;
    }
    addText(text.slice(from));
  };
  const splitPoint = (text: string, ordinal: Ordinal) => {
    if (!startNode(ordinal, text)) addText(text);
  };

  for (const paragraph of paragraphs) {
    const ordinal = readOrdinal(paragraph);
    if (ordinal && startNode(ordinal, paragraph)) continue;
    splitInline(paragraph);
  }
  return { preamble, nodes, levels };
}

/** Heading and rest: the heading runs to the first 。！？ — the whole text when there is none. */
function splitAtSentence(text: string): [string, string] {
  const m = SENTENCE_END.exec(text);
  if (!m) return [text, ''];
  return [text.slice(0, m.index + 1), text.slice(m.index + 1)];
}

export function outlineToMarkdown(outline: Outline): string {
  const blocks: string[] = [...outline.preamble];
  for (const node of outline.nodes) {
    blocks.push(`${'#'.repeat(node.level)} ${node.heading}`);
    blocks.push(...node.paragraphs.filter((p) => p.trim() !== ''));
  }
  return `${blocks.join('\n\n')}\n`;
}
