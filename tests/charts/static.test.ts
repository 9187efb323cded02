/**
 * The same picture without JavaScript: every chart of the real content has a build-time SVG and PNG,
 * not blank, naming itself, drawn in the bundled font; unchanged charts are not drawn again.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { buildChart } from '../../src/charts/spec.ts';
import { renderChartImages } from '../../src/charts/render.ts';
import { wrapLabel } from '../../src/charts/config.ts';
import { loadContent } from '../../src/model/load.ts';

const { content } = loadContent(path.resolve('content'));
const reports = content!.reports;
const charts = reports.flatMap((report) => report.charts.map((chart) => ({ report, chart, spec: buildChart(report, chart, reports) })));
const cacheDir = mkdtempSync(path.join(tmpdir(), 'chart-cache-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** Share of pixels in the bar colour (#0b4f8a) and of non-white pixels. */
async function ink(png: Buffer) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  let bar = 0;
  let painted = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (r < 245 || g < 245 || b < 245) painted++;
    if (Math.abs(r - 0x0b) < 8 && Math.abs(g - 0x4f) < 8 && Math.abs(b - 0x8a) < 8) bar++;
  }
  const pixels = data.length / 4;
  return { bar: bar / pixels, painted: painted / pixels, width: image.width, height: image.height };
}

describe.each(charts)('$report.id / $chart.id', ({ report, chart, spec }) => {
  it('has a PNG in dist/ that is drawn, not blank, 1200 px wide (1.5 times the CSS size)', async () => {
    const png = readFileSync(path.resolve('dist/reports', report.id, 'charts', `${chart.id}.png`));
    const measured = await ink(png);
    const images = renderChartImages(spec, cacheDir);
    expect(measured.width).toBe(1200);
    expect(measured.height).toBe(Math.floor(images.height * 1.5));
    expect(measured.painted).toBeGreaterThan(0.05);
    expect(measured.bar).toBeGreaterThan(0.02);
  });

  it('has an SVG in dist/ that names itself and prints every value label as text', () => {
    const svg = readFileSync(path.resolve('dist/reports', report.id, 'charts', `${chart.id}.svg`), 'utf8');
    expect(svg).toContain(`<title id="t">${spec.title}</title>`);
    expect(svg).toContain(`<desc id="d">${spec.summary}</desc>`);
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    const text = texts.join('');
    // Each line as one text element, whole, as the canvas draws it: copied and found as written.
    expect(texts).toContain(spec.title);
    for (const row of spec.rows) for (const line of wrapLabel(row.label)) expect(texts).toContain(line);
    for (const row of spec.rows) expect(text).toContain(row.display.split('（')[0]);
    // Characters as written, never the look-alike Kangxi radicals the font shares glyphs with.
    expect(text).not.toMatch(/[\u2e80-\u2fdf]/);
  });
});

describe('static renders', () => {
  it('are made in the bundled font, whatever fonts the machine has', () => {
    const { svg } = renderChartImages(charts[0]!.spec, cacheDir);
    const families = [...svg.toString('utf8').matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]);
    expect(families).toEqual([expect.stringMatching(/^Noto Sans S Chinese,/)]);
  });

  it('are cached by content: the same chart is not drawn again, a changed one is', () => {
    const spec = charts[0]!.spec;
    const dir = mkdtempSync(path.join(tmpdir(), 'chart-cache-'));
    try {
      renderChartImages(spec, dir);
      const file = path.join(dir, readdirPng(dir));
      const first = statSync(file).mtimeMs;
      const again = renderChartImages(spec, dir);
      expect(statSync(file).mtimeMs).toBe(first);
      expect(again.png.equals(readFileSync(file))).toBe(true);
      renderChartImages({ ...spec, title: `${spec.title}（修订）` }, dir);
      expect(readdirPngs(dir)).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function readdirPngs(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.png'));
}
function readdirPng(dir: string): string {
  return readdirPngs(dir)[0]!;
}
