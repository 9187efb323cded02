/**
 * Draws a ChartSpec in the browser with the shared configuration. Only the chart.js parts used are
 * registered, so this chunk stays small; it is loaded by report-chart.ts when a chart comes into view.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import { chartConfig, PALETTE, type Palette } from '../charts/config.ts';
import type { ChartSpec } from '../charts/spec.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

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
 * Draws the chart on the canvas, replacing the one drawn there before (chart.js refuses a second chart on
 * a canvas in use); resolves once the chart is fully painted (after its animation, if any).
 */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): Promise<Chart<'bar'>> {
  Chart.getChart(canvas)?.destroy();
  const animate = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  const fontSize = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return new Promise((resolve) => {
    const chart: Chart<'bar'> = new Chart(
      canvas,
      chartConfig(spec, {
        fontFamily: getComputedStyle(canvas).fontFamily,
        fontSize,
        animate,
        palette: palette(),
        makeTile: (size) => Object.assign(document.createElement('canvas'), { width: size, height: size }),
        onComplete: () => resolve(chart),
      }),
    );
    if (!animate) resolve(chart);
  });
}
