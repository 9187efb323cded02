/**
 * One chart.js configuration for a ChartSpec, used by the browser (src/client/draw-chart.ts) and by
 * the build-time renderer (src/charts/render.ts), so the static picture and the live chart are the same.
 * Horizontal bars with the value printed on each bar, a zero line, falling values hatched as well as
 * coloured, ranks drawn so that better is longer; series across periods as vertical bars.
 */
import type { ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
import type { ChartSpec } from './spec.ts';

export interface Palette {
  bar: string;
  negative: string;
  rest: string;
  restBorder: string;
  ink: string;
  grid: string;
  background: string;
}

/** Default colours: each mark at least 3:1 against white; falling values also hatched and labelled 下降. */
export const PALETTE: Palette = {
  bar: '#0b4f8a',
  negative: '#b3121f',
  rest: '#e4eaf1',
  restBorder: '#5f6b78',
  ink: '#1a1a1a',
  grid: '#c9d3df',
  background: '#ffffff',
};

export interface ConfigOptions {
  fontFamily: string;
  /** Base font size in CSS px. */
  fontSize: number;
  animate: boolean;
  palette?: Palette;
  /** A small canvas to paint the hatch tile on (DOM canvas in the browser, @napi-rs/canvas in Node). */
  makeTile: (size: number) => { getContext(type: '2d'): CanvasRenderingContext2D | null } | undefined;
  /** Called when the chart has finished drawing. */
  onComplete?: () => void;
  /** Extra plugins (the static renderer adds a title and a source line). */
  plugins?: Plugin<'bar'>[];
  /** Extra chart.js plugin options (title, subtitle). */
  pluginOptions?: Record<string, unknown>;
}

/** Rows per chart → height in CSS px for a given base font size. */
export function chartHeight(spec: ChartSpec, fontSize: number): number {
  if (spec.kind === 'series') return Math.round(fontSize * 18);
  // Each row has room for its bar and for the longest label's lines (0.85 em at chart.js's line
  // height 1.2), so a label of three lines does not run into the next row's.
  const lines = Math.max(1, ...spec.rows.map((r) => wrapLabel(r.label).length));
  const row = Math.max(2.6, lines * 0.85 * 1.2 + 0.6);
  return Math.round(Math.max(8, spec.rows.length * row + 4) * fontSize);
}

function hatchFill(color: string, makeTile: ConfigOptions['makeTile']): CanvasPattern | string {
  const tile = makeTile(8);
  const ctx = tile?.getContext('2d');
  if (!ctx) return color;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 8, 8);
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(0, 8);
  ctx.lineTo(8, 0);
  ctx.stroke();
  return ctx.createPattern(tile as unknown as CanvasImageSource, 'repeat') ?? color;
}

/** Prints each row's display text at the end of its bar; the value alone when the whole text has no room. */
function valueLabels(spec: ChartSpec, palette: Palette, fontFamily: string, fontSize: number): Plugin<'bar'> {
  return {
    id: 'valueLabels',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      const meta = chart.getDatasetMeta(0);
      const horizontal = spec.kind !== 'series';
      ctx.save();
      ctx.font = `600 ${Math.round(fontSize * 0.85)}px ${fontFamily}`;
      ctx.textBaseline = 'middle';
      meta.data.forEach((bar, i) => {
        const row = spec.rows[i];
        if (!row) return;
        const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
        if (!horizontal) {
          ctx.fillStyle = palette.ink;
          ctx.textAlign = 'center';
          ctx.fillText(row.display, x, Math.max(chartArea.top + fontSize, y - fontSize * 0.7));
          return;
        }
        const pointsLeft = x < base;
        const roomOutside = pointsLeft ? x - chartArea.left : chartArea.right - x;
        const roomInside = Math.abs(x - base);
        const short = row.display.split('（')[0]!;
        for (const text of [row.display, short]) {
          const width = ctx.measureText(text).width + 12;
          const outside = width <= roomOutside;
          if (!outside && width > roomInside && text !== short) continue;
          ctx.fillStyle = outside ? palette.ink : '#ffffff';
          ctx.textAlign = pointsLeft === outside ? 'right' : 'left';
          ctx.fillText(text, outside ? (pointsLeft ? x - 6 : x + 6) : pointsLeft ? x + 6 : x - 6, y);
          break;
        }
      });
      ctx.restore();
    },
  };
}

/**
 * Lines of a bar's label at most: real labels take three. Each row of the chart is as tall as its
 * longest label, so without a limit one long name would make the picture as tall as it likes.
 */
export const LABEL_LINES = 4;

/**
 * Long Chinese labels wrap every 10 characters so they fit on phones; a bracketed part gets its own
 * line. Beyond `maxLines` the last line kept ends in “…”.
 */
export function wrapLabel(label: string, width = 10, maxLines = LABEL_LINES): string[] {
  return clampLines(splitLabel(label, width), width, maxLines);
}

function splitLabel(label: string, width: number): string[] {
  if (label.length > width && label.indexOf('（') > 0) {
    const at = label.indexOf('（');
    return [...splitLabel(label.slice(0, at), width), ...splitLabel(label.slice(at), width)];
  }
  const lines: string[] = [];
  for (let i = 0; i < label.length; i += width) lines.push(label.slice(i, i + width));
  return lines;
}

function clampLines(lines: string[], width: number, maxLines: number): string[] {
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, width - 1)}…`;
  return kept;
}

export function chartConfig(spec: ChartSpec, options: ConfigOptions): ChartConfiguration<'bar'> {
  const palette = options.palette ?? PALETTE;
  const negativeFill = hatchFill(palette.negative, options.makeTile);
  const datasets: ChartDataset<'bar'>[] = [
    {
      data: spec.rows.map((r) => r.plotted),
      backgroundColor: spec.rows.map((r) => (r.negative ? negativeFill : palette.bar)) as string[],
      borderColor: spec.rows.map((r) => (r.negative ? palette.negative : palette.bar)),
      borderWidth: 1,
      barPercentage: 0.7,
      categoryPercentage: 0.9,
    },
  ];
  if (spec.kind === 'progress') {
    datasets.push({
      // The rest up to 100%, the target: a bar past it has no rest, and the axis runs on beyond.
      data: spec.rows.map((r) => Math.max(0, 100 - r.plotted)),
      backgroundColor: palette.rest,
      borderColor: palette.restBorder,
      borderWidth: 1,
      barPercentage: 0.7,
      categoryPercentage: 0.9,
    });
  }
  const rankMax = spec.rankAxisMax;
  const horizontal = spec.kind !== 'series';
  // chart.js v4 takes no font from the root options: every text element is given the family.
  const font = { family: options.fontFamily, size: Math.round(options.fontSize * 0.85) };
  const valueAxis = {
    stacked: spec.kind === 'progress',
    min: spec.axis.min,
    max: spec.axis.max,
    title: { display: true, text: spec.axis.label, color: palette.ink, font },
    grid: {
      color: (c: { tick: { value: number } }) => (c.tick.value === 0 ? palette.ink : palette.grid),
      lineWidth: (c: { tick: { value: number } }) => (c.tick.value === 0 ? 2 : 1),
    },
    ticks: {
      color: palette.ink,
      font,
      // Ranks are whole places: a tick between two places would read 第1.5名.
      ...(rankMax !== undefined ? { stepSize: 1 } : {}),
      callback: (value: string | number) =>
        rankMax !== undefined ? (Number(value) === 0 || !Number.isInteger(Number(value)) ? '' : `第${rankMax + 1 - Number(value)}名`) : `${value}`,
    },
  };
  const categoryAxis = { stacked: spec.kind === 'progress', grid: { display: false }, ticks: { color: palette.ink, font, autoSkip: false } };
  return {
    type: 'bar',
    data: { labels: spec.rows.map((r) => wrapLabel(r.label)), datasets },
    plugins: [valueLabels(spec, palette, options.fontFamily, options.fontSize), ...(options.plugins ?? [])],
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: options.animate ? { duration: 400, ...(options.onComplete ? { onComplete: options.onComplete } : {}) } : false,
      events: [],
      layout: { padding: { right: 8, top: horizontal ? 0 : options.fontSize } },
      plugins: { legend: { display: false }, tooltip: { enabled: false }, ...(options.pluginOptions ?? {}) },
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    },
  };
}
