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
import { threadId } from 'node:worker_threads';
import { Canvas, GlobalFonts, SvgExportFlag, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, SubTitle, Title } from 'chart.js';
import { chartConfig, chartHeight, wrapLabel } from './config.ts';
import { encodePng } from './png.ts';
import type { ChartSpec } from './spec.ts';
import { escapeXml } from '../export/xml.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Title, SubTitle);

/** Bump when the drawing code changes, so cached pictures are redrawn. */
const RENDER_VERSION = 12;
export const FONT_FAMILY = 'ReportSansSC';
const WIDTH = 800;
const FONT_SIZE = 16;
/**
 * The PNG is 1200 px wide: the width Open Graph asks for a shared picture, and sharp in an 800 px column
 * on most screens. (1600 px, as before, took 1.4 times as long to draw and encode.)
 */
const PNG_SCALE = 1.5;

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

/** The title's and the note's lines as drawn, at most 3 and 4 (real ones take 1 and 2), so the picture's height has a bound. */
const titleLines = (spec: ChartSpec) => wrapLabel(spec.title, 40, 3);
const noteLines = (spec: ChartSpec) => (spec.note ? wrapLabel(spec.note, 46, 4) : []);

/** The size of the static picture in CSS pixels (the PNG has PNG_SCALE times as many in each direction). */
export function staticSize(spec: ChartSpec): { width: number; height: number } {
  return { width: WIDTH, height: chartHeight(spec, FONT_SIZE) + (titleLines(spec).length + noteLines(spec).length) * 24 + 32 };
}

function draw(canvas: Canvas, spec: ChartSpec, scale: number): Chart {
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
      title: { display: true, text: titleLines(spec), color: '#1a1a1a', font: { family: FONT_FAMILY, size: 20, weight: 'bold' }, padding: { top: 8, bottom: 12 } },
      subtitle: spec.note
        ? { display: true, position: 'bottom', align: 'start', text: noteLines(spec), color: '#4a4a4a', font: { family: FONT_FAMILY, size: 14 }, padding: { top: 12 } }
        : { display: false },
    },
  });
  config.options = { ...config.options, responsive: false, devicePixelRatio: scale };
  // chart.js takes its size from the canvas (width × height CSS px) and scales the bitmap itself;
  // it draws once, as animation is off. Destroyed only once the picture is encoded (it clears it).
  return new Chart(canvas.getContext('2d') as unknown as CanvasRenderingContext2D, config);
}

/**
 * Pictures drawn and pictures read from the cache by this thread, for the build's report
 * (src/charts/prerender.ts); nothing depends on them.
 */
export const pictureCounts = { drawn: 0, cached: 0 };

/** The cache file name of a picture: a hash of everything it is drawn from and of the fonts. */
let fontSizes: number[] | undefined;

function cacheKey(parts: object): string {
  // The fonts' sizes stand for the fonts: read once, as they do not change while the build runs.
  fontSizes ??= FONT_FILES.map((f) => statSync(f).size);
  return createHash('sha256')
    .update(JSON.stringify({ ...parts, fonts: fontSizes }))
    .digest('hex')
    .slice(0, 24);
}

function chartPaths(spec: ChartSpec, cacheDir: string) {
  const { width, height } = staticSize(spec);
  const key = cacheKey({ spec, RENDER_VERSION, width, height });
  return { width, height, svgPath: path.join(cacheDir, `${key}.svg`), pngPath: path.join(cacheDir, `${key}.png`) };
}

/** Whether both pictures of this chart are in the cache (the PNG is written last). */
export function isChartCached(spec: ChartSpec, cacheDir = defaultCacheDir()): boolean {
  const { svgPath, pngPath } = chartPaths(spec, cacheDir);
  return existsSync(svgPath) && existsSync(pngPath);
}

/** The cache files of a chart's pictures, drawn first if the cache does not have them. */
export function chartFiles(spec: ChartSpec, cacheDir = defaultCacheDir()): Record<'svg' | 'png', string> {
  const { svgPath, pngPath } = chartPaths(spec, cacheDir);
  if (!existsSync(svgPath) || !existsSync(pngPath)) renderChartImages(spec, cacheDir);
  return { svg: svgPath, png: pngPath };
}

/** SVG and PNG of a chart, from the cache when the same chart was drawn before. */
export function renderChartImages(spec: ChartSpec, cacheDir = defaultCacheDir()): ChartImages {
  const { width, height, svgPath, pngPath } = chartPaths(spec, cacheDir);
  if (existsSync(svgPath) && existsSync(pngPath)) {
    pictureCounts.cached++;
    return { svg: readFileSync(svgPath), png: readFileSync(pngPath), width, height };
  }
  pictureCounts.drawn++;
  registerFonts();
  const png = new Canvas(width, height);
  const pngChart = draw(png, spec, PNG_SCALE);
  const pngBytes = encodePng(png);
  // chart.js keeps every chart in its registry (Chart.instances) until it is destroyed.
  pngChart.destroy();
  const svgCanvas = createCanvas(width, height, SvgExportFlag.NoPrettyXML);
  const texts = collectText(svgCanvas.getContext('2d'));
  const svgChart = draw(svgCanvas as unknown as Canvas, spec, 1);
  const svgBytes = finishSvg(svgCanvas.getContent(), texts, spec);
  svgChart.destroy();
  // As encodePng(): the SVG canvas too keeps what was drawn on it until it is shrunk.
  svgCanvas.width = 1;
  svgCanvas.height = 1;
  mkdirSync(cacheDir, { recursive: true });
  writeAtomically(svgPath, svgBytes);
  writeAtomically(pngPath, pngBytes);
  return { svg: svgBytes, png: pngBytes, width, height };
}

/** The family names the SVG asks for: the bundled font first, then the usual Chinese system fonts. */
const SVG_FONTS = 'Noto Sans S Chinese, Noto Sans SC, Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif';

const num = (n: number) => String(Math.round(n * 100) / 100);
const ANCHOR: Record<string, string> = { left: 'start', start: 'start', center: 'middle', right: 'end', end: 'end' };

/**
 * Takes over fillText on the SVG canvas: each text becomes one <text> element with the whole string,
 * written by finishSvg(). Skia's SVG exporter spends about 5 ms on every fillText (it maps each glyph
 * back to a character through the CJK font's whole character map), 90 ms a chart, two thirds of a
 * province's picture time; and it writes the text a few glyphs at a time, with some characters as
 * their look-alike Kangxi radicals (⼯ for 工), which copy and search then miss. Position, size,
 * weight, colour, alignment, baseline, transform and maxWidth are kept as the canvas would draw them;
 * the text goes above the other marks, as chart.js draws every text after the shapes under it.
 */
function collectText(ctx: SKRSContext2D): string[] {
  const texts: string[] = [];
  ctx.fillText = (text: string, x: number, y: number, maxWidth?: number) => {
    const metrics = ctx.measureText(text);
    // alphabeticBaseline: from the line textBaseline names to the alphabetic baseline, negative below.
    const baseline = y - metrics.alphabeticBaseline;
    const font = /(?:^|\s)(bold|[1-9]00)\s/.exec(ctx.font);
    const size = /([\d.]+)px/.exec(ctx.font)?.[1] ?? String(FONT_SIZE);
    const weight = font && (font[1] === 'bold' || Number(font[1]) >= 600) ? ' font-weight="bold"' : '';
    const m = ctx.getTransform();
    const transform = m.isIdentity ? '' : ` transform="matrix(${[m.a, m.b, m.c, m.d, m.e, m.f].map(num).join(' ')})"`;
    const squeeze = maxWidth !== undefined && metrics.width > maxWidth ? ` textLength="${num(maxWidth)}" lengthAdjust="spacingAndGlyphs"` : '';
    const anchor = ANCHOR[ctx.textAlign] ?? 'start';
    texts.push(
      `<text x="${num(x)}" y="${num(baseline)}" font-size="${size}"${weight} fill="${escapeXml(String(ctx.fillStyle))}"` +
        `${anchor === 'start' ? '' : ` text-anchor="${anchor}"`}${transform}${squeeze}>${escapeXml(text)}</text>`,
    );
  };
  return texts;
}

/** The texts of collectText(), a title and a description, so the picture names itself wherever it is used. */
function finishSvg(svg: Buffer, texts: string[], spec: ChartSpec): Buffer {
  const text = svg
    .toString('utf8')
    .replace(
      /<svg([^>]*)>/,
      `<svg$1 font-family="${SVG_FONTS}" role="img" aria-labelledby="t d"><title id="t">${escapeXml(spec.title)}</title><desc id="d">${escapeXml(spec.summary)}</desc>`,
    );
  const end = text.lastIndexOf('</svg>');
  if (end < 0) throw new Error(`图表“${spec.title}”的 SVG 不完整（没有 </svg>）`);
  return Buffer.from(`${text.slice(0, end)}${texts.join('')}${text.slice(end)}`, 'utf8');
}

/**
 * Any other build-time picture (一图读懂), cached like the charts: by `parts`, everything it is drawn
 * from including its own drawing code's version, together with RENDER_VERSION (it may show charts)
 * and the fonts. `draw` runs only when the cache has no such picture.
 */
export function cachedPicture(
  parts: object,
  draw: () => { png: Buffer; width: number; height: number },
  cacheDir = defaultCacheDir(),
): { png: Buffer; width: number; height: number } {
  const { pngPath, sizePath } = picturePaths(parts, cacheDir);
  if (existsSync(pngPath) && existsSync(sizePath)) {
    pictureCounts.cached++;
    const { width, height } = JSON.parse(readFileSync(sizePath, 'utf8')) as { width: number; height: number };
    return { png: readFileSync(pngPath), width, height };
  }
  pictureCounts.drawn++;
  const picture = draw();
  mkdirSync(cacheDir, { recursive: true });
  writeAtomically(pngPath, picture.png);
  writeAtomically(sizePath, Buffer.from(JSON.stringify({ width: picture.width, height: picture.height })));
  return picture;
}

function picturePaths(parts: object, cacheDir: string) {
  const key = cacheKey({ picture: parts, RENDER_VERSION });
  return { pngPath: path.join(cacheDir, `${key}.png`), sizePath: path.join(cacheDir, `${key}.json`) };
}

/** The cache file of a picture of cachedPicture(), once it is there. */
export function cachedPictureFile(parts: object, cacheDir = defaultCacheDir()): string {
  return picturePaths(parts, cacheDir).pngPath;
}

/** Whether cachedPicture() has this picture (its size is written last). */
export function isPictureCached(parts: object, cacheDir = defaultCacheDir()): boolean {
  return existsSync(picturePaths(parts, cacheDir).sizePath);
}

function writeAtomically(file: string, bytes: Buffer) {
  // Unique per thread as well, should pictures ever be drawn in several threads of one process.
  const temp = `${file}.${process.pid}.${threadId}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, file);
}

/** The picture cache of a project run in its folder: `npm run build` passes its own (src/build.ts). */
export function defaultCacheDir(): string {
  return path.resolve('node_modules/.cache/report-microsite/charts');
}

/** The picture formats served for every chart, with their content types. */
export const IMAGE_TYPES = { svg: 'image/svg+xml', png: 'image/png' } as const;
export type ImageType = keyof typeof IMAGE_TYPES;

/** An endpoint's answer: the chart's picture in one format. */
export function imageResponse(spec: ChartSpec, ext: ImageType): Response {
  return new Response(new Uint8Array(renderChartImages(spec)[ext]), { headers: { 'content-type': IMAGE_TYPES[ext] } });
}
