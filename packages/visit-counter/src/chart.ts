import { html, svg } from 'lit';
import type { View } from './view.js';

/** One bar: its period as the server names it (`2026-11-28`, `2026-11`) and its visits. */
export interface Bar {
  period: string;
  total: number;
}

const width = 300;
const height = 80;

/**
 * The series as an inline SVG bar chart (no chart library: a few rects), said in words for screen readers: the SVG
 * is an image whose name is the lowest, highest and latest figure, and a table beside it, visually hidden, holds
 * every figure.
 */
export function chart(bars: Bar[], monthly: boolean, view: View) {
  const { t } = view.i18n;
  const totals = bars.map((bar) => bar.total);
  const max = Math.max(1, ...totals);
  const peak = bars[totals.indexOf(Math.max(...totals))];
  const step = width / Math.max(1, bars.length);
  const title = t(monthly ? 'chartMonths' : 'chartDays');
  const summary = bars.length
    ? t('chartSummary', {
        min: Math.min(...totals),
        max: Math.max(...totals),
        peak: view.periodLabel(peak!.period),
        last: totals.at(-1)!,
      })
    : '';
  return html`<figure part="chart">
    <figcaption class="muted">${title}</figcaption>
    <svg viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" role="img" aria-label="${title}. ${summary}">
      ${bars.map(({ total }, index) => {
        const barHeight = (total / max) * (height - 2);
        return svg`<rect x=${index * step + step * 0.1} y=${height - barHeight} width=${step * 0.8} height=${barHeight} />`;
      })}
    </svg>
    <table class="visually-hidden">
      <caption>${title}</caption>
      <tr><th scope="col">${t('period')}</th><th scope="col">${t('visits')}</th></tr>
      ${bars.map(
        (bar) => html`<tr><th scope="row">${view.periodLabel(bar.period)}</th><td>${view.number(bar.total)}</td></tr>`,
      )}
    </table>
  </figure>`;
}
