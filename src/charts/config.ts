/**
 * One chart.js configuration for a ChartSpec, used by the browser (src/client/draw-chart.ts) and by
 * the build-time renderer (src/charts/render.ts), so the static picture and the live chart are the same.
 * Horizontal bars with the value printed on each bar, a zero line, falling values hatched as well as
 * coloured, ranks drawn so that better is longer; series across periods as bars too, periods top down.
 */
import type { ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
import type { ChartSpec } from './spec.ts';
import { wrapText } from './wrap.ts';

/** What chart.js needs of a chart (the page carries only this as JSON beside the chart). */
export type DrawSpec = Pick<ChartSpec, 'kind' | 'rows' | 'axis' | 'rankAxisMax'>;

/** The parts of a chart the browser's script needs: the rest (summary, table) is in the page as HTML. */
export function drawSpec(spec: ChartSpec): DrawSpec {
  return { kind: spec.kind, rows: spec.rows, axis: spec.axis, ...(spec.rankAxisMax !== undefined ? { rankAxisMax: spec.rankAxisMax } : {}) };
}

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
  /** Width of the label column in em of the label font (default LABEL_EM): the browser gives it from the canvas's width. */
  labelWidthEm?: number;
  /** Lines of a label at most (default LABEL_LINES). */
  labelLines?: number;
  /** Tooltips on hover, tap and arrow keys (the browser's chart; the Tooltip plugin must be registered). */
  interactive?: boolean;
}

/** The label column's width in em when none is given (the build-time pictures, 800 px wide). */
export const LABEL_EM = 12;

/** Rows per chart → height in CSS px for a given base font size. */
export function chartHeight(spec: DrawSpec, fontSize: number, labelWidthEm = LABEL_EM): number {
  // Each row has room for its bar and for the longest label's lines (0.85 em at chart.js's line
  // height 1.2), so a label of three lines does not run into the next row's.
  const lines = Math.max(1, ...spec.rows.map((r) => wrapLabel(r.label, labelWidthEm).length));
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

/**
 * Prints each row's display text whole (a rank's 增量居全市首位 too), where the inline SVG puts it
 * (src/charts/svg.ts placeValue): beside the bar's end, on a bar that is not hatched, on the other side
 * of the zero line; the value alone (before its bracket) only when none of these has room.
 */
function valueLabels(spec: DrawSpec, palette: Palette, fontFamily: string, fontSize: number): Plugin<'bar'> {
  return {
    id: 'valueLabels',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.font = `600 ${Math.round(fontSize * 0.85)}px ${fontFamily}`;
      ctx.textBaseline = 'middle';
      meta.data.forEach((bar, i) => {
        const row = spec.rows[i];
        if (!row) return;
        const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
        const left = x < base;
        // A progress bar's grey rest runs to 100%: the text goes after it, or on it.
        const rest = spec.kind === 'progress' && row.plotted < 100 ? chart.scales['x']!.getPixelForValue(100) : undefined;
        const end = rest !== undefined ? Math.max(x, rest) : x;
        let placed = false;
        // The whole text, as the SVG shows it (93.7%（817/872处）): never cut to its first part.
        for (const text of [row.display]) {
          const w = ctx.measureText(text).width + 6;
          const at = (tx: number, align: CanvasTextAlign, color: string) => {
            ctx.fillStyle = color;
            ctx.textAlign = align;
            ctx.fillText(text, tx, y);
          };
          if (!left && end + w <= chartArea.right) at(end + 6, 'left', palette.ink);
          else if (left && x - w >= chartArea.left) at(x - 6, 'right', palette.ink);
          else if (rest !== undefined && rest - x >= w + 6) at(x + 6, 'left', palette.ink);
          else if (!row.negative && Math.abs(x - base) >= w + 6) at(left ? x + 6 : x - 6, left ? 'left' : 'right', '#ffffff');
          else if (left && base + w <= chartArea.right) at(base + 6, 'left', palette.ink);
          else if (!left && base - w >= chartArea.left) at(base - 6, 'right', palette.ink);
          else continue;
          placed = true;
          break;
        }
        if (!placed) {
          // No room beside the bar (a phone's chart, a long text): under the bar, in the gap to the next
          // row, from the plot's left edge, as the inline SVG's narrow layout writes it.
          const { height } = bar.getProps(['height'], true) as { height: number };
          ctx.save();
          ctx.textBaseline = 'top';
          ctx.textAlign = 'left';
          ctx.fillStyle = palette.ink;
          ctx.fillText(row.display, chartArea.left + 4, y + height / 2 + 2, chartArea.right - chartArea.left - 4);
          ctx.restore();
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
 * A label's lines: wrapped at word boundaries to `widthEm` (src/charts/wrap.ts, the same wrapping as
 * the inline SVG); beyond `maxLines` the last line kept ends in “…”.
 */
export function wrapLabel(label: string, widthEm = LABEL_EM, maxLines = LABEL_LINES): string[] {
  return wrapText(label, widthEm, maxLines);
}

export function chartConfig(spec: DrawSpec, options: ConfigOptions): ChartConfiguration<'bar'> {
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
      // Level tick texts, as many as fit (a phone's chart drops some rather than tilting them).
      maxRotation: 0,
      // Ranks are whole places: a tick between two places would read 第1.5名.
      ...(rankMax !== undefined ? { stepSize: 1 } : {}),
      callback: (value: string | number) =>
        rankMax !== undefined ? (Number(value) === 0 || !Number.isInteger(Number(value)) ? '' : `第${rankMax + 1 - Number(value)}名`) : `${value}`,
    },
  };
  const categoryAxis = { stacked: spec.kind === 'progress', grid: { display: false }, ticks: { color: palette.ink, font, autoSkip: false } };
  return {
    type: 'bar',
    data: { labels: spec.rows.map((r) => wrapLabel(r.label, options.labelWidthEm ?? LABEL_EM, options.labelLines ?? LABEL_LINES)), datasets },
    plugins: [valueLabels(spec, palette, options.fontFamily, options.fontSize), ...(options.plugins ?? [])],
    options: {
      // Every kind as horizontal bars, a series too (its periods top to bottom), as the inline SVG draws them.
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: options.animate ? { duration: 400, ...(options.onComplete ? { onComplete: options.onComplete } : {}) } : false,
      events: options.interactive ? ['mousemove', 'mouseout', 'click', 'touchstart', 'touchmove'] : [],
      ...(options.interactive ? { interaction: { mode: 'index' as const, axis: 'y' as const, intersect: false } } : {}),
      layout: { padding: { right: 8, top: 0 } },
      plugins: {
        legend: { display: false },
        tooltip: options.interactive
          ? {
              enabled: true,
              // One line per row, whatever dataset (a progress bar's rest) the pointer is over.
              filter: (item: { datasetIndex: number }) => item.datasetIndex === 0,
              displayColors: false,
              titleFont: { ...font, weight: 'bold' },
              bodyFont: font,
              callbacks: {
                title: (items: { dataIndex: number }[]) => spec.rows[items[0]?.dataIndex ?? 0]?.label ?? '',
                label: (item: { dataIndex: number }) => spec.rows[item.dataIndex]?.display ?? '',
              },
            }
          : { enabled: false },
        ...(options.pluginOptions ?? {}),
      },
      scales: { x: valueAxis, y: categoryAxis },
    },
  };
}
