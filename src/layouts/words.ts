/**
 * Where a short Chinese label (a breadcrumb's report title) may wrap: between words, never inside one.
 * Intl.Segmenter finds the words (南塘/镇/2022/年/上半年/工作/总结); a single character is kept with the
 * word before it (南塘镇, 2022年, 东湖镇, 总结及) and an opening mark with the word after it (“十三五”), so
 * no line starts or ends with a lone character. The pieces are printed with <wbr> between them under
 * word-break: keep-all (styles/global.css).
 */
import { OPENING, segmentWords } from '../charts/wrap.ts';

export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const segment of segmentWords(text)) {
    const last = words.at(-1);
    if (last !== undefined && (OPENING.test(last) || ([...segment].length === 1 && !OPENING.test(segment)))) words[words.length - 1] = last + segment;
    else words.push(segment);
  }
  return words;
}
