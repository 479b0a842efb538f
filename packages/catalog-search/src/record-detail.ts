import type { CatalogRecord, Holding, Library, RecordId, RecordSummary } from '@pustaka/client';
import type { Failure } from '@pustaka/core';
import { html, nothing } from 'lit';
import { cover } from './results.js';
import type { View } from './view.js';
import { classify } from './vocabulary.js';

/** The record the detail view shows: what the result list knew at once, then the whole record, or a failure. */
export interface DetailState {
  id: RecordId;
  summary?: RecordSummary | undefined;
  record?: CatalogRecord | undefined;
  failure?: Failure;
}

const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** "Sen–Kam 07.30–14.00, Jum 07.30–11.00": consecutive days with the same hours share one entry. */
export function openingHours(hours: Library['opening_hours'], view: View): string {
  const { i18n } = view;
  const time = (value: string) => (i18n.language === 'id' ? value.replace(':', '.') : value);
  // 1 January 2024 was a Monday.
  const dayName = (day: number) => i18n.formatDate(Date.UTC(2024, 0, 1 + day), { weekday: 'short', timeZone: 'UTC' });
  const groups: { first: number; last: number; span: string }[] = [];
  for (const entry of [...hours].sort((a, b) => days.indexOf(a.day) - days.indexOf(b.day))) {
    const day = days.indexOf(entry.day);
    const span = `${time(entry.opens)}–${time(entry.closes)}`;
    const previous = groups.at(-1);
    if (previous?.span === span && previous.last === day - 1) previous.last = day;
    else groups.push({ first: day, last: day, span });
  }
  return groups
    .map(({ first, last, span }) => `${dayName(first)}${last > first ? `–${dayName(last)}` : ''} ${span}`)
    .join(', ');
}

/** One library's copies: location, call number and status, with the library's address and hours. */
function holding({ library, copies }: Holding, view: View) {
  const { t } = view.i18n;
  const { address, opening_hours: hours } = library;
  return html`<section part="holding" aria-label=${library.name}>
    <h3>${library.name} ${library.id === view.siteLibrary ? html`<span class="muted">(${t('thisLibrary')})</span>` : nothing}</h3>
    <p class="muted">
      ${address ? [address.street, address.village, address.district, address.city].filter(Boolean).join(', ') : ''}
      ${hours?.length ? html`<br />${t('hours')}: ${openingHours(hours, view)}` : nothing}
    </p>
    <table>
      <thead><tr><th>${t('location')}</th><th>${t('callNumber')}</th><th>${t('status')}</th></tr></thead>
      <tbody>
        ${copies.map(
          (copy) =>
            html`<tr><td>${copy.location}</td><td>${copy.call_number}</td>
              <td class=${copy.status === 'available' ? 'ok' : ''}>${
                copy.status === 'on_loan' && copy.due_date
                  ? t('st_due', { date: view.i18n.formatDate(copy.due_date, { dateStyle: 'long', timeZone: 'UTC' }) })
                  : t(`st_${copy.status}`)
              }</td></tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

/** The site's library first, then libraries with a copy on the shelf, then the rest, each group as served. */
const rank = (entry: Holding, view: View) =>
  entry.library.id === view.siteLibrary ? 0 : entry.copies.some((copy) => copy.status === 'available') ? 1 : 2;

/** The inside of the detail dialog: the record's description and its copies in every library. */
export function recordDetail({ summary, record, failure }: DetailState, view: View, close: () => void) {
  const { t } = view.i18n;
  const about = record ?? summary;
  const classes = classify(record?.classification);
  const theme = record?.theme?.code ?? classes?.theme;
  const fields: [string, unknown][] = record
    ? [
        [t('publisher'), [record.place, record.publisher].filter(Boolean).join(': ')],
        ['ISBN', record.isbn?.join(', ')],
        [
          t('classification'),
          record.classification &&
            html`${record.classification}${theme ? ` (${view.label('theme', theme)})` : ''}
            ${classes?.division ? html`<span lang="id">${classes.division}</span>` : nothing}`,
        ],
        [t('subjects'), record.subjects.join('; ')],
      ]
    : [];
  return html`<header>
      <h2 id="detail-title">${about?.title ?? t('loading')}</h2>
      <button type="button" part="detail-close" @click=${close}>${t('close')}</button>
    </header>
    ${
      about
        ? html`<div class="about">
          ${cover(about.cover_url)}
          <p>${about.subtitle ? html`${about.subtitle}<br />` : nothing}<span class="muted">${[
            about.authors.join(', '),
            view.label('format', about.format),
            record?.edition,
            about.year,
          ]
            .filter(Boolean)
            .join(' · ')}</span></p>
        </div>`
        : nothing
    }
    <dl>${fields.map(([name, value]) => (value ? html`<dt>${name}</dt><dd>${value}</dd>` : nothing))}</dl>
    ${
      record
        ? html`<p>${record.notes}</p>
          <h3>${t('copies')}</h3>
          ${[...record.holdings].sort((a, b) => rank(a, view) - rank(b, view)).map((entry) => holding(entry, view))}`
        : html`<p role=${failure ? 'alert' : 'status'}>${t(failure ?? 'loading')}</p>`
    }`;
}
