/**
 * <report-chart>: reads its chart from the JSON beside the canvas and draws it when it scrolls into
 * view. chart.js is loaded only then, as one shared chunk cached across pages.
 */
import type { ChartSpec } from '../charts/spec.ts';

class ReportChart extends HTMLElement {
  connectedCallback() {
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        void this.draw();
      },
      { rootMargin: '200px' },
    );
    observer.observe(this);
  }

  async draw() {
    const canvas = this.querySelector('canvas');
    const json = this.querySelector('script[type="application/json"]')?.textContent;
    if (!canvas || !json) return;
    const spec = JSON.parse(json) as ChartSpec;
    const { drawChart } = await import('./draw-chart.ts');
    await drawChart(this, canvas, spec);
    this.dataset['drawn'] = 'true';
  }
}

customElements.define('report-chart', ReportChart);
