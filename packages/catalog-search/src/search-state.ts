import type { Format, LibraryKind, RecordId, SearchParams, ThemeCode } from '@pustaka/client';
import { formats, libraryKinds, themeCodes } from './vocabulary.js';

/** The filters a visitor has chosen; list filters hold the values ticked, in the order ticked. */
export interface Filters {
  format: Format[];
  library: string[];
  library_kind: LibraryKind[];
  theme: ThemeCode[];
  language: string[];
  year_from?: number | undefined;
  year_to?: number | undefined;
  available?: boolean | undefined;
}

export type ListFilter = 'format' | 'library' | 'library_kind' | 'theme' | 'language';
export const listFilters: readonly ListFilter[] = ['format', 'library', 'library_kind', 'theme', 'language'];

/** No filter at all; the scalar ones are named too, so that spreading it over other filters clears them. */
export const noFilters = (): Filters => ({
  format: [],
  library: [],
  library_kind: [],
  theme: [],
  language: [],
  year_from: undefined,
  year_to: undefined,
  available: undefined,
});

export const activeFilterCount = (filters: Filters): number =>
  listFilters.reduce((sum, key) => sum + filters[key].length, 0) +
  [filters.year_from, filters.year_to, filters.available].filter(Boolean).length;

/** The request for one page; empty lists and unset values are left out, so the URL stays short. */
export function searchParams(query: string, filters: Filters, page: number, perPage: number): SearchParams {
  const params: Record<string, unknown> = { ...filters, q: query.trim() || undefined, page, per_page: perPage };
  for (const key of listFilters) if (!filters[key].length) delete params[key];
  if (!filters.available) delete params.available;
  return params as SearchParams;
}

/**
 * Names in the host page's URL (`sync-url`). Prefixed, because the page owns its query string: WordPress alone
 * uses `s`, `p` and `page`.
 */
const prefix = 'pustaka-';

const oneOf = (values: readonly string[]) => (value: string) => values.includes(value);

/** What a value in a shared link must look like to be used; anything else is dropped, not sent. */
const valid: Record<ListFilter, (value: string) => boolean> = {
  format: oneOf(formats),
  library: (value) => /^[a-z0-9][a-z0-9-]{1,62}$/.test(value),
  library_kind: oneOf(libraryKinds),
  theme: oneOf(themeCodes),
  language: (value) => /^[a-z]{3}$/.test(value),
};

/** A search that a shared link describes. */
export interface SharedSearch {
  query: string;
  filters: Filters;
  record?: RecordId | undefined;
}

/** Reads what `writeUrl` wrote. */
export function readUrl(search: string): SharedSearch {
  const url = new URLSearchParams(search);
  const get = (name: string) => url.get(prefix + name) ?? '';
  const year = (name: string) => {
    const value = +get(name);
    return value >= 1000 && value <= 2100 ? value | 0 : undefined;
  };
  const filters = noFilters();
  for (const key of listFilters) (filters[key] as string[]) = url.getAll(prefix + key).filter(valid[key]);
  filters.year_from = year('year_from');
  filters.year_to = year('year_to');
  filters.available = get('available') === 'true' || undefined;
  const record = get('record');
  return {
    query: get('q').slice(0, 200),
    filters,
    record: /^rec_[a-z0-9]{1,40}$/.test(record) ? (record as RecordId) : undefined,
  };
}

/** The page's URL with the search in it, the page's own parameters untouched. */
export function writeUrl(href: string, { query, filters, record }: SharedSearch): string {
  const url = new URL(href);
  for (const name of [...url.searchParams.keys()]) if (name.startsWith(prefix)) url.searchParams.delete(name);
  const entries = { q: query.trim(), ...filters, record };
  for (const [name, value] of Object.entries(entries)) {
    for (const one of [value].flat()) if (one) url.searchParams.append(prefix + name, String(one));
  }
  return url.href;
}
