/**
 * The one label wrapping (src/charts/wrap.ts) on every label and name of the real content and the
 * fixtures, at the widths charts give it: whole (nothing lost or added), within the width, broken
 * only at word boundaries, never one character alone on a line, no line starting with closing
 * punctuation; the same rules without Intl.Segmenter. And the width estimate it wraps by is never
 * narrower than the bundled Noto Sans draws the text (regular and bold), so a line that fits by
 * estimate fits on the page.
 */
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { bySegmentsOf, textWidthEm, wrapText } from '../../src/charts/wrap.ts';
import { FONT_FAMILY, registerFonts } from '../../src/charts/render.ts';
import { allChartSpecs, allLabels } from './chart-specs.ts';

const labels = allLabels();
/** The narrowest a chart gives is 5 em (draw-chart.ts); at 4 em a bracketed word of three characters cannot avoid a lone one. */
const WIDTHS = [5, 6, 7, 8, 10, 12, 16, 22];
const CLOSING = /^[，。、；：！？）》」』】%％,.;:!?)]/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const visible = (line: string) => [...line.replace(/[\s，。、；：！？）（》《」「』『【】%％,.;:!?()“”]/gu, '')].length;

/** Offsets (in UTF-16 units) where Intl.Segmenter puts a word boundary. */
function boundaries(text: string): Set<number> {
  return new Set([...segmenter.segment(text)].map((s) => s.index));
}

describe('wrapText', () => {
  it('has real labels to wrap, long ones among them', () => {
    expect(labels.length).toBeGreaterThan(30);
    expect(labels.some((l) => textWidthEm(l) > 16)).toBe(true);
  });

  for (const [name, segment] of [['Intl.Segmenter', bySegmentsOf.words], ['character fallback', bySegmentsOf.characters]] as const) {
    it(`(${name}) keeps every label whole, within the width, no lone character, no line starting with closing punctuation`, () => {
      for (const label of labels) {
        for (const width of WIDTHS) {
          const lines = wrapText(label, width, Infinity, segment);
          const where = `${label} @ ${width} em: ${lines.join(' / ')}`;
          expect(lines.join('').replace(/\s/g, ''), where).toBe(label.replace(/\s/g, ''));
          for (const line of lines) {
            expect(textWidthEm(line), where).toBeLessThanOrEqual(width);
            expect(CLOSING.test(line), where).toBe(false);
            expect(/[（《「『【(]$/u.test(line), where).toBe(false);
            if (lines.length > 1) expect(visible(line), where).toBeGreaterThan(1);
          }
        }
      }
    });
  }

  it('breaks only at word boundaries, unless one word is wider than the line', () => {
    let breaks = 0;
    for (const label of labels) {
      const words = [...segmenter.segment(label)];
      const at = boundaries(label);
      for (const width of WIDTHS) {
        const lines = wrapText(label, width);
        let offset = 0;
        for (const line of lines.slice(0, -1)) {
          offset = label.indexOf(line, offset) + line.length;
          while (/\s/.test(label[offset] ?? '')) offset++;
          const word = words.find((w) => w.index < offset && w.index + w.segment.length > offset);
          // A single character joins the word before it (生产|率): a word that fits with it must not be cut.
          if (word && textWidthEm(word.segment) + 1 <= width) expect(at.has(offset), `${label} @ ${width}: ${lines.join(' / ')}`).toBe(true);
          breaks++;
        }
      }
    }
    expect(breaks).toBeGreaterThan(100);
  });

  it('no longer leaves 率 alone, nor cuts a word in two, where the fixed 10 characters did', () => {
    expect(wrapText('规上工业全员劳动生产率', 10)).toEqual(['规上工业全员', '劳动生产率']);
    expect(wrapText('平安建设综合考评（温州）', 10)).toEqual(['平安建设综合考评', '（温州）']);
    expect(wrapText('规上工业全员劳动生产率（全市）', 10).some((line) => line.includes('生产率'))).toBe(true);
    expect(wrapText('完成任务的 108.25%，增量居全市首位', 10)).not.toContain('%，增量居全市首位');
    for (const line of wrapText('完成任务的 108.25%，增量居全市首位', 10)) expect(line).not.toMatch(/^[%，]/u);
  });

  it('ends the last line kept with “…” when there are more lines than allowed', () => {
    const long = '乡村振兴示范带建设和美丽乡村精品线提升改造工程项目推进情况';
    const lines = wrapText(long, 6, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
    for (const line of lines) expect(textWidthEm(line)).toBeLessThanOrEqual(6);
  });

  it('wraps a label in microseconds', () => {
    const started = performance.now();
    for (let i = 0; i < 20; i++) for (const label of labels) wrapText(label, 8);
    expect((performance.now() - started) / (20 * labels.length)).toBeLessThan(0.2);
  });
});

describe('textWidthEm', () => {
  registerFonts();
  const ctx = createCanvas(10, 10).getContext('2d');
  const texts = [
    ...labels,
    ...allChartSpecs().flatMap(({ spec }) => [...spec.rows.map((r) => r.display), spec.axis.label, spec.title]),
    '0123456789', '-40', '第40名', '108.25%', 'WWWMMM', 'A<B & "C"', '2023年（1-11月）',
  ];

  it.each([['regular', '', 1], ['bold', 'bold ', 1.06]] as const)('is at least the width Noto Sans draws (%s)', (_name, weight, factor) => {
    ctx.font = `${weight}100px ${FONT_FAMILY}`;
    for (const text of texts) expect(ctx.measureText(text).width, text).toBeLessThanOrEqual(textWidthEm(text) * factor * 100 + 0.5);
  });
});
