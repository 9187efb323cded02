/**
 * The one way chart labels wrap, for the inline SVG (svg.ts), the chart.js chart in the browser and the
 * build-time PNG/SVG downloads (config.ts): at Chinese word boundaries (Intl.Segmenter), by the width
 * there is (in em), with lines of about equal length, never one character alone on a line, no line
 * starting with closing punctuation (，。、）％%) or ending with an opening bracket, and a bracketed
 * part (（乐清）) on a line of its own when the whole does not fit on one. Without Intl.Segmenter
 * (old browsers) it breaks between characters under the same rules.
 */

/** Closing punctuation: never at the start of a line. */
const CLOSING = /^[，。、；：！？）》」』】〕”’％%,.;:!?)\]}·…—～~-]/u;
/** Opening punctuation: never at the end of a line (nor, in a title's words, src/layouts/words.ts, apart from the word after it). */
export const OPENING = /[（《〈「『【〔“‘(\[{]$/u;
const CJK = /^[\u2e80-\u9fff\uf900-\ufaff]$/u;

/** ASCII characters wider than most: the upper case letters and & (0.75 em), and m, w, M, W, %, @ (1 em). */
const WIDE_ASCII = /[A-Z&]/;
const WIDEST_ASCII = /[mwMW%@]/;

/**
 * A conservative width of a text in em: every character outside ASCII (CJK, full-width and general
 * punctuation) one em; in ASCII a space 0.35 em, the widest letters and % one em, capitals 0.75 em, and
 * digits, lower case letters and punctuation 0.62 em. tests/charts/wrap.test.ts proves it at least as
 * wide as the bundled Noto Sans draws every chart text, regular, and bold with 6% more.
 */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x80) width += 1;
    else if (code === 0x20) width += 0.35;
    else if (WIDEST_ASCII.test(ch)) width += 1;
    else if (WIDE_ASCII.test(ch)) width += 0.75;
    else width += 0.62;
  }
  return width;
}

type Segment = (text: string) => string[];

/** Without Intl.Segmenter: each character a word, but numbers and Latin words kept whole. */
const byCharacters: Segment = (text) => text.match(/[A-Za-z0-9.,%+-]+|./gsu) ?? [];

let segmenter: { segment(text: string): Iterable<{ segment: string }> } | null | undefined;
/** Words of texts seen before: every chart wraps its labels in three layouts, and Intl.Segmenter is the slow part. */
const wordsOf = new Map<string, string[]>();

/** The words of a text, Intl.Segmenter's (cached), or characters without it: for chart labels and titles alike. */
export function segmentWords(text: string): string[] {
  const known = wordsOf.get(text);
  if (known) return known;
  if (wordsOf.size > 5000) wordsOf.clear();
  const words = segmentUncached(text);
  wordsOf.set(text, words);
  return words;
}

function segmentUncached(text: string): string[] {
  if (segmenter === undefined) {
    const Seg = (Intl as unknown as { Segmenter?: new (locale: string, options: { granularity: string }) => typeof segmenter }).Segmenter;
    try {
      segmenter = Seg ? new Seg('zh', { granularity: 'word' }) : null;
    } catch {
      segmenter = null;
    }
  }
  if (!segmenter) return byCharacters(text);
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/**
 * Words as they may be broken between: a single Chinese character joins the word before it (增加|值,
 * 生产|率, 限|上|批|零 are not broken apart), closing punctuation joins the word before it and opening
 * punctuation the word after it.
 */
function tokens(text: string, segment: Segment): string[] {
  const out: string[] = [];
  // Words a single character was joined to: one each, so a run of single characters (拆|整|的|村) does
  // not become one long word.
  const joined = new Set<number>();
  let pendingOpen = '';
  for (const seg of segment(text)) {
    const prev = out.at(-1);
    if (pendingOpen) {
      out.push(pendingOpen + seg);
      pendingOpen = '';
    } else if (prev !== undefined && (CLOSING.test(seg) || /^\s+$/u.test(seg))) {
      out[out.length - 1] = prev + seg;
    } else if (prev !== undefined && !joined.has(out.length - 1) && [...seg].length === 1 && CJK.test(seg) && CJK.test([...prev].at(-1)!) && !OPENING.test(prev)) {
      out[out.length - 1] = prev + seg;
      joined.add(out.length - 1);
    } else if (OPENING.test(seg)) {
      pendingOpen = seg;
    } else {
      out.push(seg);
    }
  }
  if (pendingOpen) out.push(pendingOpen);
  // An opening bracket glued to the next word that is itself closing punctuation (（）) stays whole.
  return out;
}

/** Splits a word wider than the line between characters, keeping punctuation with its neighbour. */
function hardSplit(token: string, widthEm: number): string[] {
  // As few pieces as the width needs, of about equal width ("“一村 / 一品”", not "“一村一 / 品”").
  const count = Math.ceil(textWidthEm(token) / widthEm);
  for (let w = textWidthEm(token) / count; w < widthEm; w += 0.25) {
    const parts = splitAt(token, w);
    if (parts.length <= count) return parts;
  }
  return splitAt(token, widthEm);
}

function splitAt(token: string, widthEm: number): string[] {
  const parts: string[] = [];
  let line = '';
  for (const ch of token) {
    if (line && textWidthEm(line + ch) > widthEm) {
      if (CLOSING.test(ch) || OPENING.test(line)) {
        // Closing punctuation may not start the next line, nor an opening one end this: the character
        // before goes down with it.
        const chars = [...line];
        const carried = chars.splice(-1).join('');
        if (chars.length) {
          parts.push(chars.join(''));
          line = carried;
        }
      } else {
        parts.push(line);
        line = '';
      }
    }
    line += ch;
  }
  if (line) parts.push(line);
  return parts;
}

function greedy(words: string[], widthEm: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const pieces = textWidthEm(word) > widthEm ? hardSplit(word, widthEm) : [word];
    for (const piece of pieces) {
      if (line && textWidthEm(line + piece) > widthEm) {
        lines.push(line.trimEnd());
        line = piece.trimStart();
      } else {
        line += piece;
      }
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

const visibleLength = (line: string) => [...line.replace(/[\s，。、；：！？）》」』】%％,.;:!?)]/gu, '')].length;

/**
 * A line of one character takes the last word (or character) of the line before it; a first line of one
 * character takes the first word of the next line, or joins it.
 */
function noLoneCharacter(lines: string[], widthEm: number, segment: Segment): string[] {
  if (lines.length > 1 && visibleLength(lines[0]!) <= 1) {
    const [first, ...rest] = tokens(lines[1]!, segment);
    if (textWidthEm(lines[0]! + lines[1]!) <= widthEm) lines.splice(0, 2, lines[0]! + lines[1]!);
    else if (first && rest.length && textWidthEm(lines[0]! + first) <= widthEm) lines.splice(0, 2, lines[0]! + first, rest.join(''));
  }
  for (let i = 1; i < lines.length; i++) {
    if (visibleLength(lines[i]!) > 1) continue;
    const words = tokens(lines[i - 1]!, segment);
    let take = words.length > 1 ? words.at(-1)! : [...lines[i - 1]!].slice(-1).join('');
    if ([...lines[i - 1]!].length - [...take].length < 2) take = [...lines[i - 1]!].slice(-1).join('');
    if (visibleLength(lines[i - 1]!) < 3) {
      // Too short to give anything: the two lines become one, if it fits.
      if (textWidthEm(lines[i - 1]! + lines[i]!) <= widthEm) lines.splice(i - 1, 2, lines[i - 1]! + lines[i]!);
      continue;
    }
    if (textWidthEm(take + lines[i]!) > widthEm) continue;
    lines[i - 1] = lines[i - 1]!.slice(0, lines[i - 1]!.length - take.length);
    lines[i] = take + lines[i]!;
  }
  return lines;
}

function wrapPart(text: string, widthEm: number, segment: Segment): string[] {
  if (textWidthEm(text) <= widthEm) return [text];
  const words = tokens(text, segment);
  const lines = greedy(words, widthEm);
  // Lines of about equal length: the narrowest width that still needs no more lines.
  let best = lines;
  // Never narrower than the widest word that fits: balancing must not split a word.
  const widest = Math.max(...words.map((w) => textWidthEm(w.trim())).filter((w) => w <= widthEm), 1);
  let low = Math.max(widest - 0.01, textWidthEm(text) / lines.length - 0.5);
  let high = widthEm;
  for (let i = 0; i < 6 && high - low > 0.25; i++) {
    const mid = (low + high) / 2;
    const tryLines = greedy(words, mid);
    if (tryLines.length > lines.length) low = mid;
    else {
      best = tryLines;
      high = mid;
    }
  }
  return noLoneCharacter([...best], widthEm, segment);
}

/**
 * Wraps a label to lines at most `widthEm` wide (textWidthEm), at most `maxLines` of them: beyond it the
 * last line kept ends in “…”.
 */
export function wrapText(text: string, widthEm: number, maxLines = Infinity, segment: Segment = segmentWords): string[] {
  const width = Math.max(2, widthEm);
  let lines: string[];
  const bracket = text.search(/[（(]/u);
  if (textWidthEm(text) <= width) lines = [text];
  else if (bracket > 1 && /[）)]$/u.test(text) && textWidthEm(text.slice(bracket)) <= width) {
    // The bracketed end (the scope, the cut-off) on a line of its own.
    lines = [...wrapPart(text.slice(0, bracket), width, segment), text.slice(bracket)];
    if (visibleLength(lines.at(-2)!) <= 1 || lines.length > wrapPart(text, width, segment).length) lines = wrapPart(text, width, segment);
  } else lines = wrapPart(text, width, segment);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && textWidthEm(`${last}…`) > width) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/** Character wrapping, as without Intl.Segmenter (for tests of the fallback). */
export const bySegmentsOf = { characters: byCharacters, words: segmentWords };
