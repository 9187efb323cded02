/**
 * The inline SVG of every chart of the content and the fixtures (src/charts/svg.ts), in its three layouts:
 * its text measured in the bundled Noto Sans lies inside the viewBox; no text under 12 CSS px in the
 * container widths the layout is shown at (charts.css's switch is the one svg.ts is built for), and none
 * absurdly large; every label and every row's text as written (a rank's 前列, 居全市前三) is there;
 * falling values are hatched with a pattern of the chart's own; text is escaped; colours come from
 * classes, never from style attributes; and it is fast.
 */
import { readFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { chartSvg, chartSvgs, layoutAt, MIN_CONTAINER_PX, NARROW_FROM_PX, SVG_LAYOUTS, SWITCH_PX, WIDE_MAX_PX, WIDE_MAX_REM, type SvgLayout } from '../../src/charts/svg.ts';
import type { ChartSpec } from '../../src/charts/spec.ts';
import { FONT_FAMILY, registerFonts } from '../../src/charts/render.ts';
import { allChartSpecs } from './chart-specs.ts';

const charts = allChartSpecs();
const LAYOUTS: SvgLayout[] = ['compact', 'narrow', 'wide'];
registerFonts();
const ctx = createCanvas(10, 10).getContext('2d');
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

interface Text {
  x: number;
  y: number;
  anchor: string;
  cls: string;
  text: string;
}

function texts(markup: string): Text[] {
  return [...markup.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)" class="([^"]+)"(?: text-anchor="(\w+)")?>([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    cls: m[3]!,
    anchor: m[4] ?? 'start',
    text: unescape(m[5]!),
  }));
}

/** A spec with the hardest rows: long labels, a falling value far below zero, an inexact rank, markup characters. */
function hostile(spec: ChartSpec): ChartSpec {
  return {
    ...spec,
    rows: [
      ...spec.rows,
      { id: 'x1', label: 'A<B & "C" 社会消费品零售总额（限上批零住餐销售总额）规上工业全员劳动生产率', plotted: spec.axis.min, display: spec.kind === 'rank' ? '连续三年居全市前三' : '下降 12.5%（同比）', negative: spec.kind !== 'rank' && spec.kind !== 'progress' && spec.axis.min < 0 },
    ],
  };
}

describe.each(charts.flatMap(({ dir, report, spec }) => LAYOUTS.map((layout) => ({ name: `${dir.split('/').at(-2) ?? dir}/${report}/${spec.id} ${layout}`, spec, layout }))))('$name', ({ spec, layout }) => {
  const { markup, width, height } = chartSvg(spec, layout);
  const { font } = SVG_LAYOUTS[layout];

  it('keeps its text inside the viewBox, measured in the bundled font', () => {
    for (const s of [spec, hostile(spec)]) {
      const svg = chartSvg(s, layout);
      const all = texts(svg.markup);
      expect(all.length).toBeGreaterThan(s.rows.length);
      for (const t of all) {
        ctx.font = `${t.cls.includes('value') ? 'bold ' : ''}${font}px ${FONT_FAMILY}`;
        const w = ctx.measureText(t.text).width;
        const left = t.anchor === 'end' ? t.x - w : t.anchor === 'middle' ? t.x - w / 2 : t.x;
        const where = `${t.text} at ${left.toFixed(1)}–${(left + w).toFixed(1)} of ${svg.width}`;
        expect(left, where).toBeGreaterThanOrEqual(0);
        expect(left + w, where).toBeLessThanOrEqual(svg.width);
        expect(t.y - font * 0.9, where).toBeGreaterThanOrEqual(0);
        expect(t.y + font * 0.25, where).toBeLessThanOrEqual(svg.height);
      }
    }
  });

  it('shows no text under 12 CSS px where the layout is shown, and none over 22 px', () => {
    const [narrowest, widest] = ({ compact: [MIN_CONTAINER_PX, NARROW_FROM_PX], narrow: [NARROW_FROM_PX, SWITCH_PX], wide: [SWITCH_PX, WIDE_MAX_PX] } as const)[layout];
    expect(markup).toContain(`font-size="${font}"`);
    expect(markup).not.toMatch(/<text[^>]*font-size/);
    expect((font * narrowest) / width).toBeGreaterThanOrEqual(12);
    expect((font * widest) / width).toBeLessThanOrEqual(22);
  });

  it('has every label and every row’s text as written', () => {
    const all = texts(markup);
    const labels = all.filter((t) => t.cls === 'label').map((t) => t.text).join('');
    const values = all.filter((t) => t.cls.includes('value')).map((t) => t.text).join('');
    for (const row of spec.rows) {
      expect(labels.replace(/…/g, '')).toContain(row.label.replace(/\s/g, '').slice(0, 4));
      expect(values.replace(/\s/g, '')).toContain(row.display.replace(/\s/g, ''));
    }
    // Every label whole unless cut after its fourth line.
    for (const row of spec.rows) if (row.label.length < 40) expect(labels.replace(/\s/g, '')).toContain(row.label.replace(/\s/g, ''));
  });

  it('hatches every falling bar with its own pattern, and colours by class only', () => {
    const doc = parse(markup);
    const hatched = doc.querySelectorAll('rect.bar-negative');
    expect(hatched.length).toBe(spec.rows.filter((r) => r.negative && r.plotted !== 0).length);
    for (const rect of hatched) {
      const id = /^url\(#(.+)\)$/.exec(rect.getAttribute('fill') ?? '')?.[1];
      expect(id).toBeDefined();
      expect(doc.querySelector(`pattern#${id}`)).not.toBeNull();
      expect(id).toContain(layout[0]);
    }
    expect(markup).not.toMatch(/style=/);
    expect(markup).not.toMatch(/fill="#|stroke="#/);
    expect(markup).toMatch(/^<svg [^>]*aria-hidden="true"/);
    expect(height).toBeGreaterThan(0);
    expect(markup).toContain(`viewBox="0 0 ${width} ${height}"`);
  });
});

describe('chartSvg', () => {
  const growth = charts.find((c) => c.spec.kind === 'growth' && c.spec.rows.some((r) => r.negative))!.spec;
  const rank = charts.find((c) => c.spec.kind === 'rank' && c.spec.rows.some((r) => r.plotted === 0))!.spec;

  it('writes falling values as 下降 (or the report’s own verb) beside hatched bars', () => {
    for (const layout of LAYOUTS) {
      const values = texts(chartSvg(growth, layout).markup).filter((t) => t.cls.includes('value')).map((t) => t.text);
      for (const row of growth.rows.filter((r) => r.negative)) expect(values.join('')).toContain(row.display);
      expect(values.some((v) => v.startsWith('下降'))).toBe(true);
    }
  });

  it('prints a rank without an exact place as written, with no bar', () => {
    const inexact = rank.rows.filter((r) => r.plotted === 0);
    for (const layout of LAYOUTS) {
      const { markup } = chartSvg(rank, layout);
      for (const row of inexact) expect(texts(markup).map((t) => t.text)).toContain(row.display);
      expect(parse(markup).querySelectorAll('rect.bar').length).toBe(rank.rows.length - inexact.length);
    }
  });

  it('escapes < & " in labels and values', () => {
    const spec = hostile(growth);
    const { markup } = chartSvg(spec, 'wide');
    expect(markup).toContain('A&lt;B &amp; &quot;C&quot;');
    expect(markup).not.toContain('A<B');
    expect(parse(markup).querySelectorAll('text').length).toBe(texts(markup).length);
  });

  it('gives the layouts of a chart, and two charts, different pattern ids', () => {
    const { compact, narrow, wide } = chartSvgs(growth);
    const id = (m: string) => /<pattern id="([^"]+)"/.exec(m)?.[1];
    expect(id(narrow.markup)).toBeDefined();
    expect(new Set([compact, narrow, wide].map((l) => id(l.markup))).size).toBe(3);
    expect(id(chartSvg({ ...growth, id: 'other' }, 'wide').markup)).not.toBe(id(wide.markup));
  });

  it('draws a chart in all three layouts in well under 5 ms', () => {
    for (const { spec } of charts) chartSvgs(spec);
    const started = performance.now();
    const rounds = 20;
    for (let i = 0; i < rounds; i++) for (const { spec } of charts) chartSvgs(spec);
    // About 0.15 ms on a quiet machine; the bound leaves room for a loaded one.
    expect((performance.now() - started) / (rounds * charts.length)).toBeLessThan(5);
  });

  it('is the layout charts.css shows at each width (the switch and the widest drawing)', () => {
    const css = readFileSync('src/styles/charts.css', 'utf8');
    expect(css).toMatch(new RegExp(`@container \\(min-width: ${NARROW_FROM_PX}px\\)[^{]*\\{\\s*\\.chart-svg-compact \\{ display: none; \\}\\s*\\.chart-svg-narrow \\{ display: block; \\}`));
    expect(css).toMatch(new RegExp(`@container \\(min-width: ${SWITCH_PX}px\\)[^{]*\\{\\s*\\.chart-svg-compact, \\.chart-svg-narrow \\{ display: none; \\}\\s*\\.chart-svg-wide \\{ display: block; \\}`));
    expect([layoutAt(MIN_CONTAINER_PX), layoutAt(NARROW_FROM_PX - 1), layoutAt(NARROW_FROM_PX), layoutAt(SWITCH_PX)]).toEqual(['compact', 'compact', 'narrow', 'wide']);
    expect(css).toMatch(new RegExp(`\\.chart-area \\{[^}]*max-width: ${WIDE_MAX_REM}rem`));
    expect(Math.round(WIDE_MAX_REM * 18)).toBe(WIDE_MAX_PX);
    expect(readFileSync('src/styles/embed.css', 'utf8')).toMatch(new RegExp(`body \\.chart-area \\{ max-width: ${WIDE_MAX_PX}px; \\}`));
    expect(css).toMatch(/\.chart-svg-narrow, \.chart-svg-wide \{ display: none; \}/);
  });
});
