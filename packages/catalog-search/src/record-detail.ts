import type { CatalogRecord, Holding, Library, RecordId, RecordSummary } from '@pustaka/client';
import { html, nothing } from 'lit';
import { classify } from './vocabulary.js';
import { hideBrokenImage, type View } from './view.js';

/** The record the detail view shows: what the result list knew at once, then the whole record, or a failure. */
export interface DetailState {
  id: RecordId;
  summary?: RecordSummary | undefined;
  record?: CatalogRecord | undefined;
  failed?: boolean;
}

const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** "Sen–Kam 07.30–14.00, Jum 07.30–11.00": consecutive days with the same hours share one entry. */
export function openingHours(hours: NonNullable<Library['opening_hours']>, view: View): string {
  const { i18n } = view;
  const time = (value: string) => (i18n.language === 'id' ? value.replace(':', '.') : value);
  // 1 January 2024 was a Monday.
  const dayName = (day: number) => i18n.formatDate(Date.UTC(2024, 0, 1 + day), { weekday: 'short', timeZone: 'UTC' });
  const groups: { first: number; last: number; span: string }[] = [];
  for (const entry of [...hours].sort((a, b) => days.indexOf(a.day) - days.indexOf(b.day))) {
    const day = days.indexOf(entry.day);
    const span = `${time(entry.opens)}–${time(entry.closes)}`;
    const previous = groups.at(-1);
    if (previous && previous.span === span && previous.last === day - 1) previous.last = day;
    else groups.push({ first: day, last: day, span });
  }
  return groups
    .map(({ first, last, span }) => `${dayName(first)}${last > first ? `–${dayName(last)}` : ''} ${span}`)
    .join(', ');
}

function holding({ library, copies }: Holding, view: View) {
  const { t } = view.i18n;
  const address = library.address;
  const status = (copy: Holding['copies'][number]) =>
    copy.status === 'on_loan' && copy.due_date
      ? t('st_due', { date: view.i18n.formatDate(copy.due_date, { dateStyle: 'long', timeZone: 'UTC' }) })
      : t(`st_${copy.status}`);
  return html`<section part="holding" aria-label=${library.name}>
    <h3>
      ${library.name}
      ${library.id === view.siteLibrary ? html`<span class="badge">${t('thisLibrary')}</span>` : nothing}
    </h3>
    ${address
      ? html`<p class="meta">
          ${[address.street, address.village, address.district, address.city].filter(Boolean).join(', ')}
        </p>`
      : nothing}
    ${library.opening_hours?.length
      ? html`<p class="meta">${t('hours')}: ${openingHours(library.opening_hours, view)}</p>`
      : nothing}
    <table>
      <thead>
        <tr>
          <th scope="col">${t('location')}</th>
          <th scope="col">${t('callNumber')}</th>
          <th scope="col">${t('status')}</th>
        </tr>
      </thead>
      <tbody>
        ${copies.map(
          (copy) =>
            html`<tr>
              <td>${copy.location ?? ''}</td>
              <td>${copy.call_number ?? ''}</td>
              <td class=${copy.status === 'available' ? 'ok' : ''}>${status(copy)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

/** The site's library first, then libraries with a copy on the shelf, then the rest, each group as served. */
const rank = (entry: Holding, view: View) =>
  entry.library.id === view.siteLibrary ? 0 : entry.copies.some((copy) => copy.status === 'available') ? 1 : 2;

/** The inside of the detail dialog: the record's description and its copies in every library. */
export function recordDetail(state: DetailState, view: View, close: () => void) {
  const { t } = view.i18n;
  const record = state.record;
  const about = record ?? state.summary;
  const classes = classify(record?.classification);
  const theme = record?.theme?.code ?? classes?.theme;
  const fields: [string, unknown][] = record
    ? [
        [t('publisher'), [record.place, record.publisher, record.year].filter(Boolean).join(', ')],
        ['ISBN', record.isbn?.join(', ')],
        [
          t('classification'),
          record.classification &&
            html`${record.classification}${theme ? ` (${view.label('theme', theme)}` : ''}${classes?.division
                ? html` · <span lang="id">${classes.division}</span>`
                : nothing}${theme ? ')' : ''}`,
        ],
        [t('subjects'), record.subjects.join('; ')],
      ]
    : [];
  return html`<header>
      <h2 id="detail-title">${about ? about.title : t('loading')}</h2>
      <button type="button" part="detail-close" @click=${close}>${t('close')}</button>
    </header>
    ${about
      ? html`<div class="about">
          <div class="cover" part="cover">
            ${about.cover_url
              ? html`<img src=${about.cover_url} alt="" width="56" height="80" @error=${hideBrokenImage} />`
              : nothing}
          </div>
          <div>
            ${about.subtitle ? html`<p>${about.subtitle}</p>` : nothing}
            <p class="meta">
              ${[about.authors.join(', '), view.label('format', about.format), record?.edition, about.year].filter(Boolean).join(' · ')}
            </p>
          </div>
        </div>`
      : nothing}
    ${fields.some(([, value]) => value)
      ? html`<dl>
          ${fields.map(([label, value]) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing))}
        </dl>`
      : nothing}
    ${record?.notes ? html`<p>${record.notes}</p>` : nothing}
    ${record
      ? html`<h3 class="copies">${t('copies')}</h3>
          ${[...record.holdings].sort((a, b) => rank(a, view) - rank(b, view)).map((entry) => holding(entry, view))}`
      : html`<p role=${state.failed ? 'alert' : 'status'}>${t(state.failed ? 'recordError' : 'loading')}</p>`}`;
}
