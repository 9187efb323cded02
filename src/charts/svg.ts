/**
 * The chart as inline SVG, drawn at build time by our own code (rects, lines and text), so a chart page
 * shows its charts at once, at their height, without any script, in print and with JavaScript off.
 * Three layouts of every chart are in the page and CSS shows one (src/styles/charts.css):
 * - compact and narrow (containers under NARROW_FROM_PX, and under SWITCH_PX): each row's label on its
 *   own lines across the width, the bar under it with its value (compact with a narrower viewBox, so its
 *   text stays 12 px or more down to MIN_CONTAINER_PX);
 * - wide: labels in a column on the left, bars on the right, as the chart.js chart draws them.
 * Each layout has a fixed viewBox width and font size, chosen so that text is never under 12 CSS px in
 * the widths it is shown at (compact from MIN_CONTAINER_PX, narrow from NARROW_FROM_PX, wide from
 * SWITCH_PX) and never outside the viewBox (text widths are estimated by textWidthEm(), which
 * tests/charts/wrap.test.ts and svg.test.ts prove at least as wide as the bundled Noto Sans draws them). Colours come from CSS classes (the high-contrast mode recolours
 * them), never from style attributes.
 */
import { escapeXml } from '../export/xml.ts';
import type { ChartRow, ChartSpec } from './spec.ts';
import { textWidthEm, wrapText } from './wrap.ts';

export type SvgLayout = 'compact' | 'narrow' | 'wide';

/** viewBox width and font size (user units) of each layout. */
export const SVG_LAYOUTS = {
  // 264: on a phone (a 290–310 px container) the text is drawn larger than 16 px, so in large text too
  // (where the container is narrower and the em-based switches keep this layout) it stays near 16 px.
  compact: { width: 264, font: 16 },
  narrow: { width: 360, font: 16 },
  wide: { width: 800, font: 20 },
} as const satisfies Record<SvgLayout, { width: number; font: number }>;

/**
 * The narrowest chart container the compact layout is made for (a 320 px phone in large text), the width
 * from which the narrow layout is shown, and the one from which the wide one is (CSS px).
 */
export const MIN_CONTAINER_PX = 225;
export const NARROW_FROM_PX = 360;
export const SWITCH_PX = 480;
/**
 * The wide layout is drawn no wider than this (charts.css: 46.67rem, 840 CSS px at the site's default
 * 18 px text; embeds, at 16 px text, say 840px), so its text stays at 21 px at most, larger only when
 * the reader chose large text.
 */
export const WIDE_MAX_PX = 840;
export const WIDE_MAX_REM = 46.67;

/** Lines of a label at most: beyond, the last line ends in “…” (the full label is in the table). */
export const SVG_LABEL_LINES = 4;

export interface SvgChart {
  markup: string;
  width: number;
  height: number;
  layout: SvgLayout;
}

/** Value text sizes are estimated as bold text: a little wider than regular. */
const BOLD = 1.06;
const PAD = 4;

const n = (x: number) => String(Math.round(x * 10) / 10);
const esc = escapeXml;

interface Tick {
  x: number;
  text: string;
}

/** Ticks of the value axis, as many as fit without their texts touching. */
function axisTicks(spec: ChartSpec, plotWidth: number, font: number): { value: number; text: string }[] {
  const { min, max } = spec.axis;
  const rankMax = spec.rankAxisMax;
  const label = (v: number) => (rankMax !== undefined ? `第${rankMax + 1 - v}名` : `${Number(v.toFixed(6))}`);
  const widest = Math.max(textWidthEm(label(min)), textWidthEm(label(max)), rankMax !== undefined ? textWidthEm(`第${rankMax}名`) : 0) * font;
  const room = Math.max(1, Math.floor(plotWidth / (widest + 0.8 * font)));
  const span = max - min || 1;
  const steps = [1, 2, 2.5, 5].flatMap((m) => [-2, -1, 0, 1, 2, 3, 4, 5].map((p) => m * 10 ** p)).sort((a, b) => a - b);
  const step = steps.find((s) => (rankMax === undefined || Number.isInteger(s)) && span / s + 1 <= room + 0.001) ?? span;
  const values: number[] = [];
  if (rankMax !== undefined) {
    // Places: the best always, then every `step` places down to the worst shown.
    for (let place = 1; place <= rankMax; place += step) values.push(rankMax + 1 - place);
  } else {
    for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) values.push(Number(v.toFixed(6)));
  }
  return values.map((value) => ({ value, text: label(value) }));
}

interface Frame {
  width: number;
  font: number;
  line: number;
  x0: number;
  x1: number;
}

/** Where a row's value text goes: beside its bar, on it, or on a line of its own under it. */
function placeValue(
  row: ChartRow,
  f: Frame,
  zero: number,
  end: number,
  hatched: boolean,
  restEnd: number | undefined,
): { x: number; anchor: 'start' | 'end'; onBar: boolean; text: string } | { below: true; text: string } {
  const gap = f.font * 0.35;
  const left = end < zero;
  // The whole text as the report writes it (a rank's 增量居全市首位 too), never a shortened one.
  const text = row.display;
  const w = textWidthEm(text) * BOLD * f.font;
  const outerEnd = restEnd !== undefined ? Math.max(end, restEnd) : end;
  // Beside the bar's end, on the rest of a progress bar, on the bar (not on a hatched one: white on
  // stripes is hard to read), or on the other side of the zero line.
  if (!left && outerEnd + gap + w <= f.x1) return { x: outerEnd + gap, anchor: 'start', onBar: false, text };
  if (left && end - gap - w >= f.x0) return { x: end - gap, anchor: 'end', onBar: false, text };
  if (restEnd !== undefined && restEnd - end >= w + 2 * gap) return { x: end + gap, anchor: 'start', onBar: false, text };
  if (!hatched && Math.abs(end - zero) >= w + 2 * gap) return left ? { x: end + gap, anchor: 'start', onBar: true, text } : { x: end - gap, anchor: 'end', onBar: true, text };
  if (left && zero + gap + w <= f.x1) return { x: zero + gap, anchor: 'start', onBar: false, text };
  if (!left && zero - gap - w >= f.x0) return { x: zero - gap, anchor: 'end', onBar: false, text };
  return { below: true, text };
}

/** The SVG of a chart in one layout. `uid` makes the hatch pattern's id unique in the page. */
export function chartSvg(spec: ChartSpec, layout: SvgLayout, uid = spec.id): SvgChart {
  const { width, font } = SVG_LAYOUTS[layout];
  const line = Math.round(font * 1.3);
  // Compact is the narrow layout drawn for the smallest phones.
  const narrow = layout !== 'wide';
  const labelWidth = narrow ? width - 2 * PAD : Math.round(width * 0.34);
  const x0 = narrow ? PAD : PAD + labelWidth + font * 0.6;
  const x1 = width - PAD;
  const f: Frame = { width, font, line, x0, x1 };
  const { min, max } = spec.axis;
  const span = max - min || 1;
  const scale = (v: number) => x0 + ((Math.min(max, Math.max(min, v)) - min) / span) * (x1 - x0);
  const zero = scale(Math.max(min, Math.min(max, 0)));
  const barHeight = Math.round(font * 1.3);
  const hatchId = `chart-hatch-${uid}-${layout[0]}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const parts: string[] = [];
  const texts: string[] = [];
  let y = font * 0.5;
  const text = (x: number, baseline: number, content: string, cls: string, anchor: 'start' | 'end' | 'middle' = 'start') =>
    texts.push(`<text x="${n(x)}" y="${n(baseline)}" class="${cls}"${anchor === 'start' ? '' : ` text-anchor="${anchor}"`}>${esc(content)}</text>`);
  // Baseline of a line of text whose box starts at `top`.
  const baselineIn = (top: number) => top + (line - font) / 2 + font * 0.86;
  const rowsTop = y;
  // The vertical spans grid lines are drawn over: the whole plot when labels are in their own column,
  // only each row's bar (not its label) when labels run across the width.
  const bands: [number, number][] = [];
  for (const row of spec.rows) {
    const labelLines = wrapText(row.label, labelWidth / font, SVG_LABEL_LINES);
    const hasBar = !(spec.kind === 'rank' && row.plotted === 0);
    const end = scale(row.plotted);
    const hatched = row.negative;
    const restEnd = spec.kind === 'progress' && row.plotted < 100 ? scale(100) : undefined;
    // A rank without a place has no bar: its written words where the bar would be, or, when they are
    // longer than the plot is wide, on lines of their own.
    const fitsAlone = textWidthEm(row.display) * BOLD * font <= x1 - x0 - font * 0.3;
    const place = hasBar
      ? placeValue(row, f, zero, end, hatched, restEnd)
      : fitsAlone
        ? { x: x0 + font * 0.3, anchor: 'start' as const, onBar: false, text: row.display }
        : { below: true as const, text: row.display };
    const below = 'below' in place;
    // Never cut: as many lines as the text needs.
    const belowLines = below ? wrapText(place.text, (x1 - x0) / font / BOLD, Infinity) : [];
    let barTop: number;
    if (narrow) {
      labelLines.forEach((l, i) => text(PAD, baselineIn(y + i * line), l, 'label'));
      barTop = y + labelLines.length * line + font * 0.15;
      y = barTop + barHeight + belowLines.length * line + font * 0.7;
    } else {
      const labelHeight = labelLines.length * line;
      const barBlock = barHeight + belowLines.length * line;
      const rowHeight = Math.max(labelHeight, barBlock) + font * 0.6;
      const top = y + font * 0.3;
      labelLines.forEach((l, i) => text(PAD + labelWidth, baselineIn(top + (rowHeight - font * 0.6 - labelHeight) / 2 + i * line), l, 'label', 'end'));
      barTop = top + (rowHeight - font * 0.6 - barBlock) / 2;
      y += rowHeight;
    }
    if (narrow) bands.push([barTop - font * 0.15, barTop + barHeight + font * 0.15]);
    if (hasBar) {
      const [a, b] = end < zero ? [end, zero] : [zero, end];
      if (b - a > 0.05) parts.push(`<rect x="${n(a)}" y="${n(barTop)}" width="${n(b - a)}" height="${barHeight}" class="${hatched ? 'bar-negative' : 'bar'}"${hatched ? ` fill="url(#${hatchId})"` : ''}/>`);
      if (restEnd !== undefined && restEnd - end > 0.05) parts.push(`<rect x="${n(end)}" y="${n(barTop + 0.5)}" width="${n(restEnd - end)}" height="${barHeight - 1}" class="rest"/>`);
    }
    if (below) belowLines.forEach((l, i) => text(x0, baselineIn(barTop + barHeight + i * line), l, 'value'));
    else text(place.x, baselineIn(barTop + (barHeight - line) / 2), place.text, place.onBar ? 'value on-bar' : 'value', place.anchor);
  }
  const rowsBottom = y;
  // Grid lines and the zero line behind the bars, the ticks under them.
  const ticks: Tick[] = axisTicks(spec, x1 - x0, font).map((t) => ({ x: scale(t.value), text: t.text }));
  if (!narrow) bands.push([rowsTop, rowsBottom]);
  else bands.push([rowsBottom - font * 0.55, rowsBottom]);
  const vertical = (x: number, cls: string) => (bands.length ? `<path d="${bands.map(([a, b]) => `M${n(x)} ${n(a)}V${n(b)}`).join('')}" class="${cls}"/>` : '');
  const grid = ticks.map((t) => vertical(t.x, 'grid'));
  const zeroLine = spec.kind === 'rank' ? '' : vertical(zero, 'zero');
  y = rowsBottom + font * 0.2;
  for (const t of ticks) {
    const w = textWidthEm(t.text) * font;
    const left = Math.min(Math.max(t.x - w / 2, PAD), width - PAD - w);
    text(left, baselineIn(y), t.text, 'tick');
  }
  y += line;
  const titleLines = wrapText(spec.axis.label, (x1 - x0) / font, 2);
  titleLines.forEach((l) => {
    const w = textWidthEm(l) * font;
    text(Math.min(Math.max((x0 + x1) / 2 - w / 2, PAD), width - PAD - w), baselineIn(y), l, 'axis-title');
    y += line;
  });
  const height = Math.ceil(y + font * 0.4);
  const hatch = spec.rows.some((r) => r.negative)
    ? `<defs><pattern id="${hatchId}" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" class="hatch-bg"/><path d="M-2 2L2 -2M0 8L8 0M6 10L10 6" class="hatch-line"/></pattern></defs>`
    : '';
  const markup =
    `<svg class="chart-svg chart-svg-${layout}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-size="${font}" aria-hidden="true" focusable="false">` +
    hatch + grid.join('') + parts.join('') + zeroLine + texts.join('') +
    '</svg>';
  return { markup, width, height, layout };
}

/** The three layouts of a chart. */
export function chartSvgs(spec: ChartSpec, uid = spec.id): Record<SvgLayout, SvgChart> {
  return { compact: chartSvg(spec, 'compact', uid), narrow: chartSvg(spec, 'narrow', uid), wide: chartSvg(spec, 'wide', uid) };
}

/** The layout charts.css shows in a container this wide (at the default text size). */
export function layoutAt(containerPx: number): SvgLayout {
  return containerPx >= SWITCH_PX ? 'wide' : containerPx >= NARROW_FROM_PX ? 'narrow' : 'compact';
}

/** The chart's height in CSS px in a container this wide (the layout CSS shows there). */
export function chartSvgHeightAt(spec: ChartSpec, containerPx: number): number {
  const svg = chartSvg(spec, layoutAt(containerPx));
  return (svg.height * Math.min(containerPx, svg.layout === 'wide' ? WIDE_MAX_PX : Infinity)) / svg.width;
}
