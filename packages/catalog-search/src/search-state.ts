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

export const noFilters = (): Filters => ({ format: [], library: [], library_kind: [], theme: [], language: [] });

export function activeFilterCount(filters: Filters): number {
  return (
    listFilters.reduce((sum, key) => sum + filters[key].length, 0) +
    (filters.year_from ? 1 : 0) +
    (filters.year_to ? 1 : 0) +
    (filters.available ? 1 : 0)
  );
}

/** The request for one page; empty lists and unset values are left out, so the URL stays short. */
export function searchParams(query: string, filters: Filters, page: number, perPage: number): SearchParams {
  const params: Record<string, unknown> = { q: query.trim() || undefined, page, per_page: perPage };
  for (const key of listFilters) if (filters[key].length) params[key] = filters[key];
  params.year_from = filters.year_from;
  params.year_to = filters.year_to;
  if (filters.available) params.available = true;
  return params as SearchParams;
}

/**
 * Names in the host page's URL (`sync-url`). Prefixed, because the page owns its query string: WordPress alone
 * uses `s`, `p` and `page`.
 */
const urlPrefix = 'pustaka-';

/** A search that a shared link describes. */
export interface SharedSearch {
  query: string;
  filters: Filters;
  record: RecordId | undefined;
}

/** Reads what `writeUrl` wrote; values the contract would refuse are dropped, not sent. */
export function readUrl(search: string): SharedSearch {
  const url = new URLSearchParams(search);
  const all = (name: string, allowed: readonly string[] | RegExp) =>
    url
      .getAll(urlPrefix + name)
      .filter((value) => (allowed instanceof RegExp ? allowed.test(value) : allowed.includes(value)));
  const year = (name: string) => {
    const value = Number(url.get(urlPrefix + name));
    return value >= 1000 && value <= 2100 ? Math.trunc(value) : undefined;
  };
  const record = url.get(`${urlPrefix}record`);
  return {
    query: (url.get(`${urlPrefix}q`) ?? '').slice(0, 200),
    filters: {
      format: all('format', formats) as Format[],
      library: all('library', /^[a-z0-9][a-z0-9-]{1,62}$/),
      library_kind: all('library_kind', libraryKinds) as LibraryKind[],
      theme: all('theme', themeCodes) as ThemeCode[],
      language: all('language', /^[a-z]{3}$/),
      year_from: year('year_from'),
      year_to: year('year_to'),
      available: url.get(`${urlPrefix}available`) === 'true' || undefined,
    },
    record: record && /^rec_[a-z0-9]{1,40}$/.test(record) ? (record as RecordId) : undefined,
  };
}

/** The page's URL with the search in it, the page's own parameters untouched. */
export function writeUrl(href: string, { query, filters, record }: SharedSearch): string {
  const url = new URL(href);
  for (const name of [...url.searchParams.keys()]) if (name.startsWith(urlPrefix)) url.searchParams.delete(name);
  const set = (name: string, value: unknown) => {
    if (value !== undefined && value !== '' && value !== false) url.searchParams.append(urlPrefix + name, String(value));
  };
  set('q', query.trim());
  for (const key of listFilters) for (const value of filters[key]) set(key, value);
  set('year_from', filters.year_from);
  set('year_to', filters.year_to);
  set('available', filters.available);
  set('record', record);
  return url.href;
}
