/**
 * <report-chart>: reads its chart from the JSON beside the canvas, keeps the chart's room from the
 * start (no layout shift), and draws it when it scrolls into view. chart.js is loaded only then, as
 * one shared chunk cached across pages.
 */
import { chartHeight } from '../charts/config.ts';
import type { ChartSpec } from '../charts/spec.ts';

class ReportChart extends HTMLElement {
  connectedCallback() {
    const json = this.querySelector('script[type="application/json"]')?.textContent;
    const canvas = this.querySelector('canvas');
    if (!json || !canvas) return;
    const spec = JSON.parse(json) as ChartSpec;
    const fontSize = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    this.style.height = `${chartHeight(spec, fontSize)}px`;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        void this.draw(canvas, spec);
      },
      { rootMargin: '200px' },
    );
    observer.observe(this);
  }

  async draw(canvas: HTMLCanvasElement, spec: ChartSpec) {
    const { drawChart } = await import('./draw-chart.ts');
    await drawChart(canvas, spec);
    this.dataset['drawn'] = 'true';
    // The high-contrast switch changes the colours the chart reads from CSS: draw it again. drawChart
    // replaces whatever chart the canvas holds, so two quick switches never draw twice on one canvas.
    document.addEventListener('report-contrast-change', () => void drawChart(canvas, spec));
  }
}

customElements.define('report-chart', ReportChart);
