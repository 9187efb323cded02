/**
 * Draws a ChartSpec with chart.js: horizontal bars, the value printed on every bar, a zero line, and
 * falling values hatched as well as coloured. Only the chart.js parts used are registered.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, type Plugin } from 'chart.js';
import type { ChartSpec } from '../model/charts.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

const COLORS = { bar: '#0b4f8a', negative: '#b3121f', rest: '#dfe6ee', ink: '#1a1a1a', grid: '#c9d3df', zero: '#1a1a1a' };

function hatch(color: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 8;
  const ctx = tile.getContext('2d');
  if (!ctx) return color;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 8, 8);
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(0, 8);
  ctx.lineTo(8, 0);
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat') ?? color;
}

/** Prints each row's display text at the end of its bar (inside when there is no room outside). */
function valueLabels(spec: ChartSpec): Plugin<'bar'> {
  return {
    id: 'valueLabels',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      const meta = chart.getDatasetMeta(0);
      const size = parseFloat(getComputedStyle(chart.canvas).fontSize) || 16;
      ctx.save();
      ctx.font = `600 ${Math.round(size * 0.85)}px ${getComputedStyle(chart.canvas).fontFamily}`;
      ctx.textBaseline = 'middle';
      meta.data.forEach((bar, i) => {
        const row = spec.rows[i];
        if (!row) return;
        const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
        const pointsLeft = x < base;
        const roomOutside = pointsLeft ? x - chartArea.left : chartArea.right - x;
        const roomInside = Math.abs(x - base);
        // The full text where it fits, else the value alone (before its parenthesis): never cut off.
        for (const text of [row.display, row.display.split('（')[0]!]) {
          const width = ctx.measureText(text).width + 12;
          const outside = width <= roomOutside;
          if (!outside && width > roomInside && text !== row.display.split('（')[0]) continue;
          ctx.fillStyle = outside ? COLORS.ink : '#ffffff';
          ctx.textAlign = pointsLeft === outside ? 'right' : 'left';
          const at = outside ? (pointsLeft ? x - 6 : x + 6) : pointsLeft ? x + 6 : x - 6;
          ctx.fillText(text, at, y);
          break;
        }
      });
      ctx.restore();
    },
  };
}

/** Resolves once the chart is fully painted (after its animation, if any). */
export function drawChart(host: HTMLElement, canvas: HTMLCanvasElement, spec: ChartSpec): Promise<Chart<'bar'>> {
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  host.style.height = `${Math.max(8, spec.rows.length * 2.6 + 4) * rem}px`;
  const negativeFill = hatch(COLORS.negative);
  const datasets: Chart<'bar'>['data']['datasets'] = [
    {
      data: spec.rows.map((r) => r.plotted),
      backgroundColor: spec.rows.map((r) => (r.negative ? negativeFill : COLORS.bar)) as string[],
      borderColor: spec.rows.map((r) => (r.negative ? COLORS.negative : COLORS.bar)),
      borderWidth: 1,
      barPercentage: 0.7,
      categoryPercentage: 0.9,
    },
  ];
  if (spec.kind === 'progress') {
    datasets.push({
      data: spec.rows.map((r) => Math.max(0, spec.axis.max - r.plotted)),
      backgroundColor: COLORS.rest,
      borderColor: COLORS.grid,
      borderWidth: 1,
      barPercentage: 0.7,
      categoryPercentage: 0.9,
    });
  }
  const rankMax = spec.rankAxisMax;
  return new Promise((resolve) => {
    const chart: Chart<'bar'> = new Chart(canvas, {
      type: 'bar',
      data: { labels: spec.rows.map((r) => wrapLabel(r.label)), datasets },
      plugins: [valueLabels(spec)],
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: reduced ? false : { duration: 400, onComplete: () => resolve(chart) },
        events: [],
        layout: { padding: { right: 8 } },
        font: { family: getComputedStyle(canvas).fontFamily, size: Math.round(rem * 0.85) },
        scales: {
          x: {
            stacked: spec.kind === 'progress',
            min: spec.axis.min,
            max: spec.axis.max,
            title: { display: true, text: spec.axis.label, color: COLORS.ink },
            grid: { color: (c) => (c.tick.value === 0 ? COLORS.zero : COLORS.grid), lineWidth: (c) => (c.tick.value === 0 ? 2 : 1) },
            ticks: {
              color: COLORS.ink,
              callback: (value) => (rankMax !== undefined ? (Number(value) === 0 ? '' : `第${rankMax + 1 - Number(value)}名`) : `${value}`),
            },
          },
          y: { stacked: spec.kind === 'progress', grid: { display: false }, ticks: { color: COLORS.ink, autoSkip: false } },
        },
      },
    });
    if (reduced) resolve(chart);
  });
}

/** Long Chinese labels wrap every 10 characters so they fit on phones. */
function wrapLabel(label: string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < label.length; i += 10) lines.push(label.slice(i, i + 10));
  return lines;
}
