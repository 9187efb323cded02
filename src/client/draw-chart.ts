/**
 * Draws a chart in the browser with the shared configuration, once a reader touches it (report-chart.ts).
 * Only the chart.js parts used are registered, so this chunk stays small. The labels are wrapped to the
 * width the canvas has (a phone's chart gets a narrower label column); a label longer than the lines it
 * may take ends in “…” (on a small phone), and its tooltip and the data table say it whole.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { chartConfig, PALETTE, type DrawSpec, type Palette } from '../charts/config.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Colours can be overridden by CSS custom properties (the high-contrast mode sets them). */
function palette(): Palette {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(`--chart-${name}`).trim() || fallback;
  return {
    bar: read('bar', PALETTE.bar),
    negative: read('negative', PALETTE.negative),
    rest: read('rest', PALETTE.rest),
    restBorder: read('rest-border', PALETTE.restBorder),
    ink: read('ink', PALETTE.ink),
    grid: read('grid', PALETTE.grid),
    background: read('background', PALETTE.background),
  };
}

/**
 * Draws the chart on the canvas, in the box its parent has (the inline SVG's), replacing the one drawn
 * there before (chart.js refuses a second chart on a canvas in use). No animation: the chart takes the
 * SVG's place as it is.
 */
export function drawChart(canvas: HTMLCanvasElement, spec: DrawSpec): Promise<Chart<'bar'>> {
  Chart.getChart(canvas)?.destroy();
  const root = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const box = (canvas.parentElement ?? canvas).getBoundingClientRect();
  // The text as large as the inline SVG's that the chart replaces (its font size in user units times
  // its scale), so nothing changes size when the chart comes alive; at least 12 px.
  const svg = [...(canvas.parentElement?.querySelectorAll('svg') ?? [])].find((s) => s.getBoundingClientRect().width > 0);
  const svgFont = svg ? (Number(svg.getAttribute('font-size')) * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width : root * 0.85;
  const fontSize = Math.max(12, svgFont || root * 0.85) / 0.85;
  const font = fontSize * 0.85;
  // The label column: two fifths of a phone's chart, a third of a wider one; the lines a row has room for.
  const labelWidthEm = Math.max(5, (box.width * (box.width < 480 ? 0.4 : 0.34)) / font);
  const rowPx = Math.max(1, box.height - font * 4) / Math.max(1, spec.rows.length);
  const labelLines = Math.max(1, Math.min(4, Math.floor(rowPx / (font * 1.2))));
  const chart = new Chart(
    canvas,
    chartConfig(spec, {
      fontFamily: getComputedStyle(canvas).fontFamily,
      fontSize,
      animate: false,
      palette: palette(),
      labelWidthEm,
      labelLines,
      interactive: true,
      makeTile: (size) => Object.assign(document.createElement('canvas'), { width: size, height: size }),
    }),
  );
  return Promise.resolve(chart);
}

/** Makes a row the active one (its bar and tooltip), as the arrow keys move; returns what it says. */
export function showRow(chart: Chart<'bar'>, spec: DrawSpec, index: number): string {
  const active = [{ datasetIndex: 0, index }];
  const bar = chart.getDatasetMeta(0).data[index];
  chart.setActiveElements(active);
  chart.tooltip?.setActiveElements(active, { x: bar?.x ?? 0, y: bar?.y ?? 0 });
  chart.update();
  const row = spec.rows[index];
  return row ? `${row.label}：${row.display}（${index + 1}/${spec.rows.length}）` : '';
}
