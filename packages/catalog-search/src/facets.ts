import type { SearchResult } from '@pustaka/client';
import { html, nothing } from 'lit';
import type { Filters, ListFilter } from './search-state.js';
import type { View } from './view.js';

type FacetKey = keyof NonNullable<SearchResult['facets']>;

/** What the filter form does when the visitor changes it. */
export interface FacetActions {
  toggle(key: ListFilter, value: string): void;
  setYear(key: 'year_from' | 'year_to', value: number | undefined): void;
  setAvailable(available: boolean): void;
}

const languageNames = new Map<string, Intl.DisplayNames>();

/** "Indonesia", "Inggris"...: ISO 639-2 codes named in the visitor's language, the code itself when unknown. */
export function languageName(code: string, locale: string): string {
  let names = languageNames.get(locale);
  if (!names) languageNames.set(locale, (names = new Intl.DisplayNames(locale, { type: 'language', fallback: 'code' })));
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every bucket the server counted, plus ticked values it no longer counts (so that they can be unticked). */
function buckets(result: SearchResult | undefined, key: FacetKey & ListFilter, chosen: readonly string[]) {
  const counted = result?.facets?.[key] ?? [];
  return [
    ...counted,
    ...chosen.filter((value) => !counted.some((bucket) => bucket.value === value)).map((value) => ({ value, count: 0 })),
  ];
}

/** The filters with their counts over the whole match: format, library, kind, theme, language, year, available. */
export function facetsForm(result: SearchResult | undefined, filters: Filters, view: View, actions: FacetActions) {
  const { t, locale } = view.i18n;
  const labels: Record<ListFilter, [string, (value: string) => string]> = {
    format: [t('format'), (value) => view.label('format', value)],
    library: [t('library'), (value) => view.libraryName(value)],
    library_kind: [t('kind'), (value) => view.label('library_kind', value)],
    theme: [t('theme'), (value) => `${value} ${view.label('theme', value)}`],
    language: [t('language'), (value) => languageName(value, locale)],
  };
  const years = (result?.facets?.year ?? []).map((bucket) => +bucket.value).filter(Boolean);
  const year = (key: 'year_from' | 'year_to', label: string) =>
    html`<label
      >${label}
      <input
        type="number"
        inputmode="numeric"
        min="1000"
        max="2100"
        placeholder=${years.length ? Math[key === 'year_from' ? 'min' : 'max'](...years) : nothing}
        .value=${String(filters[key] ?? '')}
        @change=${(event: Event) => {
          const value = (event.target as HTMLInputElement).valueAsNumber;
          actions.setYear(key, value >= 1000 && value <= 2100 ? value : undefined);
        }}
    /></label>`;
  return html`${(Object.keys(labels) as ListFilter[]).map((key) => {
      const [legend, label] = labels[key];
      const list = buckets(result, key, filters[key]);
      return list.length
        ? html`<fieldset part="facet">
            <legend>${legend}</legend>
            ${list.map(
              ({ value, count }) =>
                html`<label
                  ><input
                    type="checkbox"
                    .checked=${(filters[key] as string[]).includes(value)}
                    @change=${() => actions.toggle(key, value)}
                  />
                  ${label(value)} <span class="count">(${view.i18n.formatNumber(count)})</span></label
                >`,
            )}
          </fieldset>`
        : nothing;
    })}
    <fieldset part="facet">
      <legend>${t('year')}</legend>
      ${year('year_from', t('from'))} ${year('year_to', t('to'))}
    </fieldset>
    <label class="available"
      ><input
        type="checkbox"
        .checked=${!!filters.available}
        @change=${(event: Event) => actions.setAvailable((event.target as HTMLInputElement).checked)}
      />
      ${t('availableNow')}</label
    >`;
}
