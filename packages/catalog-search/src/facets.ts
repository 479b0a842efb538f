import type { SearchResult } from '@pustaka/client';
import { html, nothing } from 'lit';
import { listFilters, type Filters, type ListFilter } from './search-state.js';
import type { View } from './view.js';

/** A list with `value` added, or removed when it was there. */
export function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((other) => other !== value) : [...list, value];
}

const languageNames = new Map<string, Intl.DisplayNames>();

/** "Indonesia", "Inggris"...: ISO 639-2 codes named in the visitor's language, the code itself when unknown. */
export function languageName(code: string, locale: string): string {
  let names = languageNames.get(locale);
  if (!names)
    languageNames.set(locale, (names = new Intl.DisplayNames(locale, { type: 'language', fallback: 'code' })));
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every value the server counted, plus ticked values it no longer counts (so that they can be unticked). */
function buckets(result: SearchResult | undefined, key: ListFilter, chosen: readonly string[]) {
  const counted = result?.facets?.[key] ?? [];
  return counted.concat(
    chosen.filter((value) => !counted.some((bucket) => bucket.value === value)).map((value) => ({ value, count: 0 })),
  );
}

/** The filters with their counts over the whole match: format, library, kind, theme, language, years, available. */
export function facetsForm(
  result: SearchResult | undefined,
  filters: Filters,
  view: View,
  change: (filters: Partial<Filters>) => void,
) {
  const { t, locale } = view.i18n;
  const legends = [t('format'), t('library'), t('kind'), t('theme'), t('language')];
  const labelOf = (key: ListFilter, value: string) =>
    key === 'library'
      ? view.libraryName(value)
      : key === 'language'
        ? languageName(value, locale)
        : `${key === 'theme' ? `${value} ` : ''}${view.label(key, value)}`;
  const years = (result?.facets?.year ?? []).map((bucket) => +bucket.value).filter(Boolean);
  const year = (key: 'year_from' | 'year_to', text: string, placeholder: number) =>
    html`<label>${text} <input type="number" inputmode="numeric" min="1000" max="2100"
      placeholder=${years.length ? placeholder : nothing} .value=${String(filters[key] ?? '')}
      @change=${(event: Event) => {
        const value = (event.target as HTMLInputElement).valueAsNumber;
        change({ [key]: value >= 1000 && value <= 2100 ? value : undefined });
      }} /></label>`;
  return html`${listFilters.map((key, index) => {
    const chosen = filters[key] as string[];
    const list = buckets(result, key, chosen);
    return list.length
      ? html`<fieldset part="facet"><legend>${legends[index]}</legend>
            ${list.map(
              ({ value, count }) =>
                html`<label><input type="checkbox" .checked=${chosen.includes(value)}
                  @change=${() => change({ [key]: toggled(chosen, value) })} />
                  ${labelOf(key, value)} <span class="muted">(${view.i18n.formatNumber(count)})</span></label>`,
            )}
          </fieldset>`
      : nothing;
  })}
    <fieldset part="facet"><legend>${t('year')}</legend>
      ${year('year_from', t('from'), Math.min(...years))} ${year('year_to', t('to'), Math.max(...years))}
    </fieldset>
    <label><input type="checkbox" .checked=${!!filters.available}
      @change=${(event: Event) => change({ available: (event.target as HTMLInputElement).checked })} />
      ${t('availableNow')}</label>`;
}
