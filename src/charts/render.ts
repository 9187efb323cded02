/**
 * Build-time pictures of every chart, SVG and PNG, drawn by chart.js itself on @napi-rs/canvas from
 * the same configuration the browser uses. Chinese text uses Noto Sans (from the npm package
 * @embedpdf/fonts-sc), never the machine's fonts, so every machine makes the same PNG. The SVG keeps
 * its text as text (selectable, searchable, a tenth of the size of glyph paths), naming that font
 * first and common Chinese system fonts after it. Renders are cached by content.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Canvas, GlobalFonts, SvgExportFlag, createCanvas } from '@napi-rs/canvas';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, SubTitle, Title } from 'chart.js';
import { chartConfig, chartHeight, wrapLabel } from './config.ts';
import type { ChartSpec } from './spec.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Title, SubTitle);

/** Bump when the drawing code changes, so cached pictures are redrawn. */
const RENDER_VERSION = 6;
export const FONT_FAMILY = 'ReportSansSC';
const WIDTH = 800;
const FONT_SIZE = 16;
const PNG_SCALE = 2;

const require = createRequire(import.meta.url);
// The package exports only its entry (dist/index.js); its fonts/ folder sits beside dist/.
const fontDir = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
const FONT_FILES = ['NotoSansHans-Regular.otf', 'NotoSansHans-Bold.otf'].map((f) => path.join(fontDir, f));
let fontsReady = false;

export function registerFonts() {
  if (fontsReady) return;
  for (const file of FONT_FILES) GlobalFonts.registerFromPath(file, FONT_FAMILY);
  fontsReady = true;
}

export interface ChartImages {
  svg: Buffer;
  png: Buffer;
  width: number;
  height: number;
}

/** The size of the static picture in CSS pixels (the PNG has twice as many pixels). */
export function staticSize(spec: ChartSpec): { width: number; height: number } {
  const titleLines = wrapLabel(spec.title, 40).length;
  const noteLines = spec.note ? wrapLabel(spec.note, 46).length : 0;
  return { width: WIDTH, height: chartHeight(spec, FONT_SIZE) + (titleLines + noteLines) * 24 + 32 };
}

function draw(canvas: Canvas, spec: ChartSpec, scale: number) {
  const config = chartConfig(spec, {
    fontFamily: FONT_FAMILY,
    fontSize: FONT_SIZE,
    animate: false,
    makeTile: (size) => createCanvas(size, size) as unknown as ReturnType<Parameters<typeof chartConfig>[1]['makeTile']>,
    plugins: [
      {
        id: 'background',
        beforeDraw(chart) {
          chart.ctx.save();
          chart.ctx.fillStyle = '#ffffff';
          chart.ctx.fillRect(0, 0, chart.width, chart.height);
          chart.ctx.restore();
        },
      },
    ],
    pluginOptions: {
      title: { display: true, text: wrapLabel(spec.title, 40), color: '#1a1a1a', font: { family: FONT_FAMILY, size: 20, weight: 'bold' }, padding: { top: 8, bottom: 12 } },
      subtitle: spec.note
        ? { display: true, position: 'bottom', align: 'start', text: wrapLabel(spec.note, 46), color: '#4a4a4a', font: { family: FONT_FAMILY, size: 14 }, padding: { top: 12 } }
        : { display: false },
    },
  });
  config.options = { ...config.options, responsive: false, devicePixelRatio: scale };
  // chart.js takes its size from the canvas (width × height CSS px) and scales the bitmap itself;
  // it draws once, as animation is off. Not destroyed: destroy() would clear the picture.
  new Chart(canvas.getContext('2d') as unknown as CanvasRenderingContext2D, config);
}

/** SVG and PNG of a chart, from the cache when the same chart was drawn before. */
export function renderChartImages(spec: ChartSpec, cacheDir = defaultCacheDir()): ChartImages {
  const { width, height } = staticSize(spec);
  const key = createHash('sha256')
    .update(JSON.stringify({ spec, RENDER_VERSION, width, height, fonts: FONT_FILES.map((f) => statSync(f).size) }))
    .digest('hex')
    .slice(0, 24);
  const svgPath = path.join(cacheDir, `${key}.svg`);
  const pngPath = path.join(cacheDir, `${key}.png`);
  if (existsSync(svgPath) && existsSync(pngPath)) {
    return { svg: readFileSync(svgPath), png: readFileSync(pngPath), width, height };
  }
  registerFonts();
  const png = new Canvas(width, height);
  draw(png, spec, PNG_SCALE);
  const pngBytes = png.toBuffer('image/png');
  const svgCanvas = createCanvas(width, height, SvgExportFlag.NoPrettyXML);
  draw(svgCanvas as unknown as Canvas, spec, 1);
  const svgBytes = finishSvg(svgCanvas.getContent(), spec);
  mkdirSync(cacheDir, { recursive: true });
  writeAtomically(svgPath, svgBytes);
  writeAtomically(pngPath, pngBytes);
  return { svg: svgBytes, png: pngBytes, width, height };
}

/** The family names the SVG asks for: the bundled font first, then the usual Chinese system fonts. */
const SVG_FONTS = 'Noto Sans S Chinese, Noto Sans SC, Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif';

/**
 * A title and description inside the SVG, so the picture names itself wherever it is used; font
 * names a viewer may have, with the weight said as a weight.
 */
function finishSvg(svg: Buffer, spec: ChartSpec): Buffer {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const text = svg
    .toString('utf8')
    .replace(/<text([^>]*?) font-family="Noto Sans S Chinese (Bold|Regular), Noto Sans S Chinese"([^>]*)>/g, (_, before: string, face: string, after: string) =>
      `<text${before}${after}${face === 'Bold' && !/font-weight=/.test(before + after) ? ' font-weight="bold"' : ''}>`,
    )
    // The exporter names some glyphs by the Kangxi radical that shares their shape (⼯ for 工, ⽉ for 月):
    // map them back to the characters, so the SVG's text is the report's text when copied or searched.
    .replace(/[\u2e80-\u2fdf]/g, (radical) => radical.normalize('NFKC'))
    .replace(
      /<svg([^>]*)>/,
      `<svg$1 font-family="${SVG_FONTS}" role="img" aria-labelledby="t d"><title id="t">${escape(spec.title)}</title><desc id="d">${escape(spec.summary)}</desc>`,
    );
  return Buffer.from(text, 'utf8');
}

function writeAtomically(file: string, bytes: Buffer) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, file);
}

export function defaultCacheDir(): string {
  return path.resolve(process.env['CHART_CACHE_DIR'] ?? 'node_modules/.cache/report-microsite/charts');
}

/** The picture formats served for every chart, with their content types. */
export const IMAGE_TYPES = { svg: 'image/svg+xml', png: 'image/png' } as const;
export type ImageType = keyof typeof IMAGE_TYPES;

/** An endpoint's answer: the chart's picture in one format. */
export function imageResponse(spec: ChartSpec, ext: ImageType): Response {
  return new Response(new Uint8Array(renderChartImages(spec)[ext]), { headers: { 'content-type': IMAGE_TYPES[ext] } });
}
