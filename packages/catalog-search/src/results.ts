import type { Availability, RecordSummary } from '@pustaka/client';
import { html, nothing } from 'lit';
import { hideBrokenImage, type View } from './view.js';

export const resultId = (index: number) => `result-${index}`;

/** "Tersedia di 3 perpustakaan", after the site's own library when it holds the title. */
function availabilityLine({ by_library, libraries_available, copies }: Availability, view: View) {
  const { t } = view.i18n;
  const here = by_library.find((entry) => entry.library_id === view.siteLibrary);
  return html`<p class="availability" part="availability">
    ${
      here
        ? html`<strong class=${here.available ? 'ok' : ''}>${view.libraryName(here.library_id)}:
          ${t(here.available ? 'st_available' : 'st_on_loan')}</strong>`
        : nothing
    }
    <span class=${libraries_available ? 'ok' : ''}>${
      libraries_available ? t('availableIn', { count: libraries_available }) : t(copies ? 'allOnLoan' : 'noCopies')
    }</span>
  </p>`;
}

/** A cover, or the neutral placeholder drawn behind it, which also shows when the image fails. */
export const cover = (url: string | undefined) =>
  html`<div class="cover" part="cover">${
    url ? html`<img src=${url} alt="" loading="lazy" @error=${hideBrokenImage} />` : nothing
  }</div>`;

/** One result: cover, title (a button that opens the record), authors, format, year and availability. */
export function resultItem(record: RecordSummary, index: number, view: View, open: (record: RecordSummary) => void) {
  return html`<li part="result">
    ${cover(record.cover_url)}
    <div>
      <button type="button" class="link" part="result-title" id=${resultId(index)} @click=${() => open(record)}>
        ${record.title}${record.subtitle ? `: ${record.subtitle}` : ''}
      </button>
      <p class="muted">${[record.authors.join(', '), view.label('format', record.format), record.year].filter(Boolean).join(' · ')}</p>
      ${availabilityLine(record.availability, view)}
    </div>
  </li>`;
}
