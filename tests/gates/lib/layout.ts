/**
 * What the layout gates measure inside the page (a script installed before the page's own, as a string
 * so nothing of the test runner's transforms leaks into the page), and how the measurements become
 * findings. The visits that take these measurements are in browser-gates.ts (measureLayout()).
 *
 * - cls: every 'layout-shift' performance entry without hadRecentInput, from navigation on (a buffered
 *   PerformanceObserver registered before the page's first script), summed: the cumulative layout shift
 *   of the whole visit, not only Lighthouse's worst 5-second window, so it is at least as strict.
 * - chart-clip: every piece of chart text inside its chart. A chart's text is measured where the reader
 *   sees it: an inline <svg>'s <text> (its bounding client rect inside the svg's rect, and inside every
 *   ancestor that clips, 1 px tolerance); an <img> of an SVG (the same SVG laid out at the img's size in
 *   a blank page); text a script draws on a <canvas> (fillText/strokeText are wrapped before the page's
 *   scripts run and record each text's box from measureText and the transform; the last frame counts).
 * - chart-text: every piece of chart text at least 12 CSS px: an SVG text's computed font-size times the
 *   SVG's scale on screen (getScreenCTM()), a canvas text's font size times its transform and the
 *   canvas's CSS scale; and every piece of HTML text inside a figure (figure, .chart-canvas).
 * - When charts are not drawn by script until touched (a build-time SVG first), each load then points at
 *   and focuses every chart, as a reader touching them, and measures again ("…, charts touched"): the
 *   layout shift from then on (the takeover must not jump: hovering is not input that excuses a shift)
 *   and the text of the canvases drawn.
 */
import type { Finding, GateName } from './findings.ts';

/** The most cumulative layout shift a visit may have (issue 16: ≤ 0.02). */
export const MAX_CLS = 0.02;
/** The smallest chart text, in CSS px (issue 16: no chart text under 12 CSS px). */
export const MIN_TEXT_PX = 12;
/** Chart text may overhang its box by this much (anti-aliasing, rounding). */
export const CLIP_TOLERANCE_PX = 1;

/** Installed with addInitScript in the measuring tabs (and run in the blank page that lays out SVG pictures). */
export const LAYOUT_SCRIPT = String.raw`
(() => {
  if (window.__gateLayout) return;
  const shifts = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        const rect = (r) => (r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null);
        shifts.push({ value: e.value, time: e.startTime, sources: (e.sources || []).map((s) => ({ node: s.node, previous: rect(s.previousRect), current: rect(s.currentRect) })) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (e) {}

  // Text drawn on canvases: the boxes of the last frame of each canvas, in its bitmap's pixels.
  const canvasText = new WeakMap();
  const C2D = window.CanvasRenderingContext2D && CanvasRenderingContext2D.prototype;
  if (C2D) {
    const record = (ctx, text, x, y, maxWidth) => {
      const canvas = ctx.canvas;
      if (!(canvas instanceof HTMLCanvasElement)) return;
      let entry = canvasText.get(canvas);
      if (!entry || entry.w !== canvas.width || entry.h !== canvas.height) {
        entry = { w: canvas.width, h: canvas.height, texts: [] };
        canvasText.set(canvas, entry);
      }
      const s = String(text);
      if (!s.trim()) return;
      const m = ctx.measureText(s);
      const t = ctx.getTransform();
      const px = parseFloat((/([\d.]+)px/.exec(ctx.font) || [])[1] || '10');
      let left = x - m.actualBoundingBoxLeft;
      let right = x + m.actualBoundingBoxRight;
      if (maxWidth !== undefined && right - left > maxWidth) right = left + maxWidth;
      const top = y - m.actualBoundingBoxAscent;
      const bottom = y + m.actualBoundingBoxDescent;
      const pts = [[left, top], [right, top], [left, bottom], [right, bottom]].map(([a, b]) => [t.a * a + t.c * b + t.e, t.b * a + t.d * b + t.f]);
      entry.texts.push({
        text: s,
        px,
        scale: Math.hypot(t.a, t.b),
        left: Math.min(...pts.map((p) => p[0])),
        right: Math.max(...pts.map((p) => p[0])),
        top: Math.min(...pts.map((p) => p[1])),
        bottom: Math.max(...pts.map((p) => p[1])),
      });
    };
    for (const name of ['fillText', 'strokeText']) {
      const original = C2D[name];
      C2D[name] = function (text, x, y, maxWidth) {
        try { record(this, text, x, y, maxWidth); } catch (e) {}
        return maxWidth === undefined ? original.call(this, text, x, y) : original.call(this, text, x, y, maxWidth);
      };
    }
    const clearRect = C2D.clearRect;
    C2D.clearRect = function (x, y, w, h) {
      try {
        const c = this.canvas;
        const t = this.getTransform();
        if (c instanceof HTMLCanvasElement && Math.abs(t.a * w) >= c.width * 0.99 && Math.abs(t.d * h) >= c.height * 0.99) {
          const e = canvasText.get(c);
          if (e) e.texts = [];
        }
      } catch (e) {}
      return clearRect.call(this, x, y, w, h);
    };
  }

  const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const path = (el) => (window.__gate ? window.__gate.path(el) : el.localName);
  const visible = (el) => {
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const own = (el) => clean([...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join(''));
  // The part of a box that ancestors clipping their overflow leave visible (scrolling ones do not lose it).
  const clipped = (el, box) => {
    let { left, right, top, bottom } = box;
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const s = getComputedStyle(a);
      const r = a.getBoundingClientRect();
      if (s.overflowX === 'hidden' || s.overflowX === 'clip') { left = Math.max(left, r.left); right = Math.min(right, r.right); }
      if (s.overflowY === 'hidden' || s.overflowY === 'clip') { top = Math.max(top, r.top); bottom = Math.min(bottom, r.bottom); }
    }
    return { left, right, top, bottom };
  };
  const title = (el) => {
    const figure = el.closest('figure');
    const caption = figure && figure.querySelector('figcaption');
    return clean((caption && caption.textContent) || el.getAttribute('aria-label') || (figure && figure.getAttribute('aria-label')) || '').slice(0, 80);
  };
  const outsideBy = (r, box) => ({
    left: box.left - r.left,
    right: r.right - box.right,
    top: box.top - r.top,
    bottom: r.bottom - box.bottom,
  });

  const measureSvg = (svg, tolerance, minPx) => {
    const r = svg.getBoundingClientRect();
    const box = clipped(svg, { left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    const outside = [];
    const small = [];
    let texts = 0;
    let smallest = null;
    for (const el of svg.querySelectorAll('text, tspan, textPath')) {
      if (el.closest('defs, clipPath, mask, symbol, pattern, marker')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const mine = own(el);
      if (mine) {
        const m = el.getScreenCTM();
        const scale = m ? Math.hypot(m.a, m.b) : 1;
        const fontSize = parseFloat(getComputedStyle(el).fontSize);
        const size = fontSize * scale;
        texts++;
        if (smallest === null || size < smallest) smallest = size;
        if (size < minPx - 0.005) small.push({ text: mine.slice(0, 40), size, fontSize, scale });
      }
      if (el.localName !== 'text') continue;
      const t = el.getBoundingClientRect();
      if (t.width === 0 && t.height === 0) continue;
      const by = outsideBy(t, box);
      const worst = Math.max(by.left, by.right, by.top, by.bottom);
      if (worst > tolerance) outside.push({ text: clean(el.textContent).slice(0, 40), by, rect: { left: t.left - r.left, right: t.right - r.left, top: t.top - r.top, bottom: t.bottom - r.top } });
    }
    return { kind: 'svg', box: { width: box.right - box.left, height: box.bottom - box.top }, texts, smallest, outside, small };
  };

  const measureCanvas = (canvas, tolerance, minPx) => {
    const entry = canvasText.get(canvas);
    const r = canvas.getBoundingClientRect();
    const css = canvas.width > 0 ? r.width / canvas.width : 1;
    const outside = [];
    const small = [];
    let smallest = null;
    const texts = entry && entry.w === canvas.width && entry.h === canvas.height ? entry.texts : [];
    for (const t of texts) {
      const size = t.px * t.scale * css;
      if (smallest === null || size < smallest) smallest = size;
      if (size < minPx - 0.005) small.push({ text: t.text.slice(0, 40), size, fontSize: t.px, scale: t.scale * css });
      const by = { left: -t.left * css, right: (t.right - canvas.width) * css, top: -t.top * css, bottom: (t.bottom - canvas.height) * css };
      if (Math.max(by.left, by.right, by.top, by.bottom) > tolerance) outside.push({ text: t.text.slice(0, 40), by, rect: { left: t.left * css, right: t.right * css, top: t.top * css, bottom: t.bottom * css } });
    }
    return { kind: 'canvas', box: { width: r.width, height: r.height }, texts: texts.length, smallest, outside, small };
  };

  window.__gateLayout = {
    shifts,
    scrollStart: null,
    /** Scroll through the page once, a screen at a time, letting what comes into view load and settle. */
    async scrollThrough(pause) {
      // Two frames, or 100 ms where frames do not come (a page the browser does not paint).
      const frame = () => new Promise((r) => { requestAnimationFrame(() => requestAnimationFrame(r)); setTimeout(r, 100); });
      this.scrollStart = performance.now();
      const step = Math.max(200, Math.round(window.innerHeight * 0.85));
      for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
        window.scrollTo(0, y);
        await frame();
        await new Promise((r) => setTimeout(r, pause));
      }
      window.scrollTo(0, document.documentElement.scrollHeight);
      await frame();
    },
    cls(since = 0) {
      const counted = shifts.filter((s) => s.time >= since);
      const describe = (node) => {
        const el = node && (node.nodeType === 1 ? node : node.parentElement);
        if (!el || !el.isConnected) return { selector: '(removed)', text: '' };
        return { selector: path(el), snippet: window.__gate ? window.__gate.snippet(el) : '', text: clean(el.textContent).slice(0, 40) };
      };
      return {
        total: counted.reduce((n, s) => n + s.value, 0),
        scrollStart: since > 0 ? null : this.scrollStart,
        shifts: counted
          .slice()
          .sort((a, b) => b.value - a.value)
          .slice(0, 5)
          .map((s) => ({
            value: s.value,
            time: s.time,
            sources: s.sources.slice(0, 3).map((src) => ({ ...describe(src.node), previous: src.previous, current: src.current })),
          })),
        count: counted.length,
      };
    },
    /** Every chart's text as drawn now: inline SVGs with text, canvases with text drawn, SVG pictures to lay out. */
    charts(tolerance, minPx) {
      const charts = [];
      for (const svg of document.querySelectorAll('svg')) {
        if (svg.parentElement && svg.parentElement.closest('svg')) continue;
        if (!svg.querySelector('text') || !visible(svg)) continue;
        charts.push({ selector: path(svg), title: title(svg), ...measureSvg(svg, tolerance, minPx) });
      }
      for (const canvas of document.querySelectorAll('canvas')) {
        if (!visible(canvas)) continue;
        const m = measureCanvas(canvas, tolerance, minPx);
        if (m.texts > 0) charts.push({ selector: path(canvas), title: title(canvas), ...m });
      }
      const pictures = [...document.querySelectorAll('img')]
        .filter((img) => visible(img) && /\.svg(?:[?#]|$)/i.test(img.currentSrc || img.src))
        .map((img) => {
          const r = img.getBoundingClientRect();
          const s = getComputedStyle(img);
          const content = { width: r.width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - parseFloat(s.borderLeftWidth) - parseFloat(s.borderRightWidth), height: r.height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom) - parseFloat(s.borderTopWidth) - parseFloat(s.borderBottomWidth) };
          return { selector: path(img), title: title(img) || clean(img.alt).slice(0, 80), src: img.currentSrc || img.src, ...content };
        });
      return { charts, pictures };
    },
    /** An SVG picture laid out at the size an <img> shows it, in this (blank) page. */
    picture(svgText, width, height, tolerance, minPx) {
      document.body.replaceChildren();
      document.body.style.margin = '0';
      const holder = document.createElement('div');
      holder.innerHTML = svgText;
      const svg = holder.querySelector('svg');
      if (!svg) return null;
      if (!svg.getAttribute('viewBox') && svg.getAttribute('width') && svg.getAttribute('height')) svg.setAttribute('viewBox', '0 0 ' + parseFloat(svg.getAttribute('width')) + ' ' + parseFloat(svg.getAttribute('height')));
      svg.setAttribute('width', String(width));
      svg.setAttribute('height', String(height));
      svg.style.display = 'block';
      document.body.append(svg);
      return measureSvg(svg, tolerance, minPx);
    },
    /** HTML text inside figures (not in an svg) under minPx. */
    figureText(minPx) {
      const found = [];
      for (const el of document.querySelectorAll('figure *, .chart-canvas *')) {
        if (el.closest('svg') || el.closest('canvas')) continue;
        const mine = own(el);
        if (!mine || !visible(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < minPx - 0.005) found.push({ selector: path(el), snippet: window.__gate ? window.__gate.snippet(el) : '', text: mine.slice(0, 40), size });
      }
      return found;
    },
    /** Whether a chart container (report-chart, .chart-canvas) shows no canvas with text drawn: chart.js has not taken it over. */
    untouchedCharts() {
      return [...document.querySelectorAll('report-chart, .chart-canvas')].filter((el) => {
        if (!visible(el)) return false;
        const canvas = [...el.querySelectorAll('canvas')].find((c) => visible(c));
        const entry = canvas && canvasText.get(canvas);
        return !(entry && entry.texts.length > 0);
      }).length;
    },
    rootFontSize() {
      return parseFloat(getComputedStyle(document.documentElement).fontSize);
    },
    hasTextSizeControl() {
      return document.querySelector('[data-size="large"]') !== null;
    },
  };
})();
true;
`;

// ---------------------------------------------------------------------------------------------------
// Measurements, as the page script returns them

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ShiftMeasure {
  total: number;
  count: number;
  scrollStart: number | null;
  shifts: { value: number; time: number; sources: { selector: string; snippet?: string; text: string; previous: Rect | null; current: Rect | null }[] }[];
}

export interface ChartMeasure {
  selector: string;
  title: string;
  kind: 'svg' | 'canvas' | 'picture';
  box: { width: number; height: number };
  texts: number;
  smallest: number | null;
  outside: { text: string; by: { left: number; right: number; top: number; bottom: number } }[];
  small: { text: string; size: number; fontSize: number; scale: number }[];
}

export interface FigureTextMeasure {
  selector: string;
  snippet: string;
  text: string;
  size: number;
}

/** One fresh load of a page at one width and text size, measured once settled. */
export interface LayoutMeasure {
  variant: string;
  width: number;
  textSize: 'default' | 'large';
  rootFontSize: number;
  cls: ShiftMeasure;
  charts: ChartMeasure[];
  figureText: FigureTextMeasure[];
}

const px = (n: number) => `${n.toFixed(1)} px`;

function shiftLine(s: ShiftMeasure['shifts'][number], scrollStart: number | null): string {
  const moves = s.sources.map((src) => {
    const moved = src.previous && src.current ? ` moved ${Math.round(src.current.y - src.previous.y)} px down, ${Math.round(src.current.x - src.previous.x)} px right, height ${Math.round(src.previous.height)}→${Math.round(src.current.height)} px` : '';
    return `${src.selector}${src.text ? ` "${src.text}"` : ''}${moved}`;
  });
  return `${s.value.toFixed(4)} at ${Math.round(s.time)} ms${scrollStart !== null && s.time >= scrollStart ? ' (while scrolling)' : ''}: ${moves.join('; ') || 'no source named'}`;
}

/** The findings of one measured load: cls, chart-clip and chart-text, for the gates wanted. */
export function layoutFindings(page: string, m: LayoutMeasure, wants: (g: GateName) => boolean): Finding[] {
  const findings: Finding[] = [];
  const variant = m.variant;
  if (wants('cls') && m.cls.total > MAX_CLS) {
    const top = m.cls.shifts[0];
    const src = top?.sources[0];
    findings.push({
      gate: 'cls',
      page,
      rule: 'layout-shift',
      variant,
      message:
        `cumulative layout shift ${m.cls.total.toFixed(4)}, over ${MAX_CLS} (${m.cls.count} shift${m.cls.count === 1 ? '' : 's'} from navigation until settled: load, fonts, 0.5 s, scrolled through, 0.5 s). ` +
        `Largest: ${m.cls.shifts.map((s) => shiftLine(s, m.cls.scrollStart)).join(' | ')}`,
      ...(src ? { target: src.selector } : {}),
      ...(src?.snippet ? { snippet: src.snippet } : {}),
    });
  }
  for (const chart of m.charts) {
    const what = `${chart.kind === 'picture' ? 'the SVG picture' : chart.kind === 'canvas' ? 'the canvas' : 'the svg'}${chart.title ? ` of "${chart.title}"` : ''} (${Math.round(chart.box.width)}×${Math.round(chart.box.height)} px)`;
    if (wants('chart-clip') && chart.outside.length) {
      const edges = (o: ChartMeasure['outside'][number]) =>
        (['left', 'right', 'top', 'bottom'] as const)
          .filter((e) => o.by[e] > CLIP_TOLERANCE_PX)
          .map((e) => `${px(o.by[e])} past the ${e} edge`)
          .join(', ');
      findings.push({
        gate: 'chart-clip',
        page,
        rule: 'text-outside-chart',
        variant,
        message: `${chart.outside.length} of ${chart.texts} text${chart.texts === 1 ? '' : 's'} of ${what} outside its box, cut off for the reader: ${chart.outside.slice(0, 8).map((o) => `"${o.text}" ${edges(o)}`).join('; ')}${chart.outside.length > 8 ? `; … ${chart.outside.length - 8} more` : ''}`,
        target: chart.selector,
      });
    }
    if (wants('chart-text') && chart.small.length) {
      const sorted = [...chart.small].sort((a, b) => a.size - b.size);
      findings.push({
        gate: 'chart-text',
        page,
        rule: 'text-under-12px',
        variant,
        message: `${chart.small.length} of ${chart.texts} text${chart.texts === 1 ? '' : 's'} of ${what} under ${MIN_TEXT_PX} CSS px, smallest ${px(sorted[0]!.size)}: ${sorted.slice(0, 8).map((s) => `"${s.text}" ${px(s.size)} (font ${px(s.fontSize)} × scale ${s.scale.toFixed(3)})`).join('; ')}${sorted.length > 8 ? `; … ${sorted.length - 8} more` : ''}`,
        target: chart.selector,
      });
    }
  }
  if (wants('chart-text')) {
    for (const t of m.figureText) {
      findings.push({ gate: 'chart-text', page, rule: 'figure-text-under-12px', variant, message: `"${t.text}" in a figure is ${px(t.size)}, under ${MIN_TEXT_PX} CSS px`, target: t.selector, snippet: t.snippet });
    }
  }
  return findings;
}

/** The measured numbers of a page's loads, one line each (for the baseline tables). */
export function layoutSummary(page: string, measures: readonly LayoutMeasure[]): string[] {
  return measures.map((m) => {
    const texts = m.charts.reduce((n, c) => n + c.texts, 0);
    const smallest = m.charts.map((c) => c.smallest).filter((x): x is number => x !== null);
    const outside = m.charts.reduce((n, c) => n + c.outside.length, 0);
    const small = m.charts.reduce((n, c) => n + c.small.length, 0);
    return `${page}\t${m.variant}\tCLS ${m.cls.total.toFixed(4)}\tcharts ${m.charts.length} (${m.charts.map((c) => c.kind).join(',') || '-'})\ttexts ${texts}\toutside ${outside}\tunder 12px ${small}\tsmallest ${smallest.length ? Math.min(...smallest).toFixed(1) : '-'}\tfigure text under 12px ${m.figureText.length}`;
  });
}
