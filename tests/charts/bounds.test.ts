/**
 * Pictures without a build. 一图读懂: key-figure cards hold the lines they draw (each wrapped in the
 * font it is drawn in), and no content, however long, makes the picture taller than MAX_HEIGHT. Charts:
 * a label, title or note of any length takes a bounded number of lines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Canvas, loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureCard, infographicContent, infographicHeight, MAX_HEIGHT, renderInfographic, wrapText, type InfographicContent } from '../../src/charts/infographic.ts';
import { LABEL_EM, LABEL_LINES, wrapLabel } from '../../src/charts/config.ts';
import { registerFonts, renderChartImages, staticSize } from '../../src/charts/render.ts';
import { buildChart } from '../../src/charts/spec.ts';
import { MAX } from '../../src/schemas/common.ts';
import { loadContent } from '../../src/model/load.ts';

const NAME = '规上工业高新技术产业增加值占规上工业增加值比重';
const nameOf = (length: number) => NAME.repeat(Math.ceil(length / NAME.length)).slice(0, length);
/** The card width of the picture: (750 − 2 × 32 − 16) / 2. */
const CARD_WIDTH = 335;
const INNER = CARD_WIDTH - 32;

let cacheDir: string;
const previousCacheDir = process.env['CHART_CACHE_DIR'];
beforeAll(() => {
  registerFonts();
  // Pictures drawn here go to a cache of their own, not the build's.
  cacheDir = mkdtempSync(path.join(tmpdir(), 'infographic-'));
  process.env['CHART_CACHE_DIR'] = cacheDir;
});
afterAll(() => {
  if (previousCacheDir === undefined) delete process.env['CHART_CACHE_DIR'];
  else process.env['CHART_CACHE_DIR'] = previousCacheDir;
  rmSync(cacheDir, { recursive: true, force: true });
});

const ctx = () => new Canvas(10, 10).getContext('2d');
const fontSize = (font: string) => Number(/(\d+)px/.exec(font)![1]);

describe('key-figure cards', () => {
  it.each([4, 17, 18, 19, 30, 60])('hold a name of %i characters, every line as wide as it is drawn', (length) => {
    const name = nameOf(length);
    const card = figureCard(ctx(), { value: '4.91亿元', name, detail: '1-5月 · 累计增速 10.8%' }, CARD_WIDTH);
    const [value, ...lines] = card.texts;
    expect(value!.text).toBe('4.91亿元');
    const nameLines = lines.filter((t) => t.font.startsWith('bold'));
    // Nothing is left out up to four lines, and no line is wider than the card's inside in its own font.
    expect(nameLines.map((t) => t.text).join('')).toBe(name);
    const measure = ctx();
    for (const t of lines) {
      measure.font = t.font;
      expect(measure.measureText(t.text).width, t.text).toBeLessThanOrEqual(INNER);
      // Each line ends above the card's bottom, with room to spare below the last.
      expect(t.y + t.lineHeight).toBeLessThanOrEqual(card.height - 16);
      expect(t.lineHeight).toBeGreaterThanOrEqual(fontSize(t.font));
    }
    // Lines follow one another without overlapping.
    lines.slice(1).forEach((t, i) => expect(t.y).toBeGreaterThanOrEqual(lines[i]!.y + lines[i]!.lineHeight));
  });

  it('wraps a name in the bold 18 px it is drawn in: 16 characters fit a line, 17 do not', () => {
    // In the regular 16 px the card used to be measured in, 18 characters fit on one line.
    const cards = [16, 17, 18, 19, 30, 60].map((n) => figureCard(ctx(), { value: '1', name: nameOf(n), detail: '' }, CARD_WIDTH));
    expect(cards.map((card) => card.texts.length - 1)).toEqual([1, 2, 2, 2, 2, 4]);
    // Each line more makes the card one line taller.
    expect(cards.map((card) => card.height - cards[0]!.height)).toEqual([0, 24, 24, 24, 24, 72]);
  });

  it('cuts a name longer than four lines with a visible “…”', () => {
    const card = figureCard(ctx(), { value: '1', name: nameOf(150), detail: nameOf(150) }, CARD_WIDTH);
    const name = card.texts.filter((t) => t.font.startsWith('bold') && t.text !== '1');
    const detail = card.texts.filter((t) => !t.font.startsWith('bold'));
    expect(name).toHaveLength(4);
    expect(detail).toHaveLength(3);
    expect(name.at(-1)!.text.endsWith('…')).toBe(true);
    expect(detail.at(-1)!.text.endsWith('…')).toBe(true);
    expect(card.height).toBe(66 + 4 * 24 + 3 * 22 + 28);
  });
});

describe('wrapText', () => {
  it('keeps every line within the width in the given font, and marks cut text', () => {
    const c = ctx();
    const lines = wrapText(c, nameOf(500), '20px ReportSansSC', 200, 3);
    expect(lines).toHaveLength(3);
    expect(lines[2]!.endsWith('…')).toBe(true);
    for (const line of lines) expect(c.measureText(line).width).toBeLessThanOrEqual(200);
    expect(wrapText(c, '短句', '20px ReportSansSC', 200, 3)).toEqual(['短句']);
    expect(wrapText(c, '', '20px ReportSansSC', 200, 3)).toEqual([]);
  });
});

describe('the picture has a bound', () => {
  const { content } = loadContent(path.resolve('content'));
  const report = content!.reports[0]!;

  it('however long and many the texts', async () => {
    const real = infographicContent(report, content!.reports);
    const hostile: InfographicContent = {
      ...real,
      title: '长'.repeat(100_000),
      subtitle: '长'.repeat(10_000),
      figures: Array.from({ length: 500 }, (_, i) => ({ value: `${i}亿元`, name: nameOf(150), detail: nameOf(500), lowerBound: false })),
      charts: real.charts.map((c) => ({ ...c, title: nameOf(200), summary: nameOf(5000) })),
      plan: Array.from({ length: 500 }, () => ({ title: nameOf(200), targets: [nameOf(200), nameOf(200)] })),
      source: `来源：${'长'.repeat(10_000)}`,
    };
    expect(infographicHeight(hostile)).toBeLessThanOrEqual(MAX_HEIGHT);
    const picture = renderInfographic(hostile);
    expect(picture.height).toBeLessThanOrEqual(MAX_HEIGHT);
    const image = await loadImage(picture.png);
    expect(image.width).toBe(1125);
    expect(image.height).toBeLessThanOrEqual(MAX_HEIGHT * 1.5);
  });

  it('leaves the real report whole', () => {
    const real = infographicContent(report, content!.reports);
    expect(infographicHeight(real)).toBeLessThan(MAX_HEIGHT / 3);
  });
});

describe('chart pictures have a bound', () => {
  it('cuts a label after LABEL_LINES lines with a visible “…”', () => {
    expect(wrapLabel('平安建设综合考评（温州）', 10)).toEqual(['平安建设综合考评', '（温州）']);
    const lines = wrapLabel(nameOf(150));
    expect(lines).toHaveLength(LABEL_LINES);
    expect(lines.at(-1)).toMatch(/…$/);
    expect(lines.at(-1)!.length).toBeLessThanOrEqual(LABEL_EM);
  });

  it('is no taller than the most items a chart may have with the longest labels, title and note', async () => {
    const { content } = loadContent(path.resolve('content'));
    const report = content!.reports[0]!;
    const spec = buildChart(report, report.charts[0]!, content!.reports);
    const hostile = {
      ...spec,
      title: nameOf(MAX.title),
      note: nameOf(MAX.sentence),
      rows: Array.from({ length: MAX.chartItems }, () => ({ ...spec.rows[0]!, label: nameOf(MAX.name) })),
    };
    const size = staticSize(hostile);
    // 50 rows of four-line labels (16 px at 0.85 em × 1.2 line height), three title and four note lines.
    expect(size.height).toBeLessThanOrEqual(Math.round((MAX.chartItems * (LABEL_LINES * 0.85 * 1.2 + 0.6) + 4) * 16) + 7 * 24 + 32);
    const picture = await loadImage(renderChartImages(hostile).png);
    expect(picture.height).toBe(Math.round(size.height * 1.5));
  });
});
