import type { Availability, RecordSummary } from '@pustaka/client';
import { html, nothing } from 'lit';
import { hideBrokenImage, type View } from './view.js';

export const resultId = (index: number) => `result-${index}`;

/** "Tersedia di 3 perpustakaan", after the site's own library when it holds the title. */
function availabilityLine({ by_library, libraries_available, copies }: Availability, view: View) {
  const { t } = view.i18n;
  const here = view.siteLibrary ? by_library.find((entry) => entry.library_id === view.siteLibrary) : undefined;
  return html`<p class="availability" part="availability">
    ${here
      ? html`<strong class=${here.available ? 'ok' : ''}
          >${t(here.available ? 'hereAvailable' : 'hereOnLoan', { library: view.libraryName(here.library_id) })}</strong
        >`
      : nothing}
    <span class=${libraries_available ? 'ok' : ''}
      >${libraries_available
        ? t('availableIn', { count: libraries_available })
        : t(copies ? 'allOnLoan' : 'noCopies')}</span
    >
  </p>`;
}

/** One result: cover or placeholder, title (opens the record), authors, format, year and availability. */
export function resultItem(
  record: RecordSummary,
  index: number,
  view: View,
  open: (record: RecordSummary, opener: HTMLElement) => void,
) {
  const meta = [record.authors.join(', '), view.label('format', record.format), record.year].filter(Boolean);
  return html`<li part="result">
    <div class="cover" part="cover">
      ${record.cover_url
        ? html`<img src=${record.cover_url} alt="" loading="lazy" width="56" height="80" @error=${hideBrokenImage} />`
        : nothing}
    </div>
    <div>
      <button
        type="button"
        class="link"
        part="result-title"
        id=${resultId(index)}
        @click=${(event: Event) => open(record, event.currentTarget as HTMLElement)}
      >
        ${record.title}${record.subtitle ? `: ${record.subtitle}` : ''}
      </button>
      <p class="meta">${meta.join(' · ')}</p>
      ${availabilityLine(record.availability, view)}
    </div>
  </li>`;
}
