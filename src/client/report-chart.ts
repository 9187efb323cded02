/**
 * <report-chart>: the chart is in the page as inline SVG (ChartCanvas.astro). chart.js (the draw-chart
 * chunk, cached across pages) is loaded only when a reader touches the chart: a mouse or pen over it,
 * a tap, a click or the keyboard focus; never on scroll (a swipe that starts on a chart is a scroll).
 * It then draws on the canvas laid exactly over the SVG, which keeps the room (nothing moves) and is
 * hidden once the canvas is painted. The live chart shows
 * tooltips (full label and the row's text) and, with the focus, answers the arrow keys.
 */
import type { DrawSpec } from '../charts/config.ts';

type Live = { chart: unknown; show(index: number): string };

// A finger that only swipes past a chart is scrolling, not touching it: pointer events of touch wake it
// only as a tap (click). A mouse or pen wakes it by hovering or pressing; the keyboard by focus.
const TRIGGERS = ['pointerenter', 'mouseover', 'pointerdown', 'click', 'focus'] as const;

class ReportChart extends HTMLElement {
  private live: Promise<Live | undefined> | undefined;
  private active = -1;

  connectedCallback() {
    const area = this.querySelector<HTMLElement>('.chart-area');
    if (!area || !this.querySelector('canvas')) return;
    const hint = this.querySelector<HTMLElement>('[id$="-hint"]');
    area.tabIndex = 0;
    // The keys work from now on: the hint is said with the chart, and shown over it while it has the
    // keyboard focus (charts.css); until then it is hidden, as without JavaScript the keys do nothing.
    if (hint) {
      hint.hidden = false;
      area.setAttribute('aria-describedby', hint.id);
    }
    const start = (event: Event) => {
      if (event instanceof PointerEvent && event.type !== 'click' && event.pointerType === 'touch') return;
      for (const type of TRIGGERS) area.removeEventListener(type, start);
      void this.start(area, event);
    };
    for (const type of TRIGGERS) area.addEventListener(type, start, { passive: true });
    area.addEventListener('keydown', (event) => this.key(area, event));
  }

  start(area: HTMLElement, event?: Event): Promise<Live | undefined> {
    this.live ??= this.draw(area, event);
    return this.live;
  }

  private async draw(area: HTMLElement, event?: Event): Promise<Live | undefined> {
    const json = this.querySelector('script[type="application/json"]')?.textContent;
    const canvas = area.querySelector('canvas');
    if (!json || !canvas) return undefined;
    const spec = JSON.parse(json) as DrawSpec;
    const { drawChart, showRow } = await import('./draw-chart.ts');
    canvas.hidden = false;
    let chart = await drawChart(canvas, spec);
    area.classList.add('is-live');
    this.dataset['drawn'] = 'true';
    // The high-contrast switch changes the colours the chart reads from CSS: draw it again. drawChart
    // replaces whatever chart the canvas holds, so two quick switches never draw twice on one canvas.
    document.addEventListener('report-contrast-change', () => {
      void drawChart(canvas, spec).then((c) => {
        chart = c;
      });
    });
    // A new width (a phone turned, a window resized) may bring another SVG layout and box: chart.js
    // follows the box itself, the labels' wrapping and the text size are worked out again.
    let width = area.getBoundingClientRect().width;
    new ResizeObserver(() => {
      const now = area.getBoundingClientRect().width;
      if (Math.abs(now - width) < 40) return;
      width = now;
      void drawChart(canvas, spec).then((c) => {
        chart = c;
      });
    }).observe(area);
    // The pointer that woke the chart is over it already: show its row's tooltip at once.
    if (event instanceof MouseEvent && event.type !== 'click') {
      canvas.dispatchEvent(new MouseEvent('mousemove', { clientX: event.clientX, clientY: event.clientY, bubbles: true }));
    }
    return { chart, show: (index) => showRow(chart, spec, index) };
  }

  private async key(area: HTMLElement, event: KeyboardEvent) {
    // Alt+← (back) and other shortcuts stay the browser's.
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
    if (step === undefined && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const live = await this.start(area);
    const rows = (JSON.parse(this.querySelector('script[type="application/json"]')?.textContent ?? '{}') as DrawSpec).rows?.length ?? 0;
    if (!live || rows === 0) return;
    if (event.key === 'Home') this.active = 0;
    else if (event.key === 'End') this.active = rows - 1;
    else this.active = Math.max(0, Math.min(rows - 1, this.active < 0 ? (step! > 0 ? 0 : rows - 1) : this.active + step!));
    const said = live.show(this.active);
    const region = this.querySelector('.chart-live');
    if (region) region.textContent = said;
  }
}

customElements.define('report-chart', ReportChart);
