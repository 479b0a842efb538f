import type { LibraryKind } from '../types.js';
import type { CatalogRecord, Format, LibraryHolding, RecordSummary, SearchResult, Suggestion, ThemeCode } from './model.js';

export type SearchSort = 'relevance' | 'year' | '-year' | 'title';

/** A validated search, in the store's terms (the route turns query parameters into this). */
export interface CatalogQuery {
  /** Words to find in any field; the last one matches as a prefix. */
  text?: string;
  title?: string;
  author?: string;
  subject?: string;
  /** An ISBN-13. */
  isbn?: string;
  formats?: Format[];
  libraries?: string[];
  libraryKinds?: LibraryKind[];
  themes?: ThemeCode[];
  languages?: string[];
  yearFrom?: number;
  yearTo?: number;
  /** Only records with a copy on the shelf now, in the chosen libraries if any. */
  availableOnly?: boolean;
  sort: SearchSort;
  offset: number;
  limit: number;
}

export interface CatalogAnswer {
  total: number;
  items: RecordSummary[];
  facets: SearchResult['facets'];
}

/** A record with its holdings by library id; the route adds each library's name, address and hours. */
export type StoredRecord = Omit<CatalogRecord, 'holdings'> & {
  holdings: { libraryId: string; copies: CatalogRecord['holdings'][number]['copies'] }[];
};

/** Writes one import (or seed) run. Knows which holdings this run already replaced. */
export interface CatalogWriter {
  /** Creates or updates the work and replaces this library's copies of it; answers whether it was new. */
  save(holding: LibraryHolding): 'created' | 'updated';
}

/**
 * Where the union catalogue lives. Routes, importers and the seed see only this interface, so another
 * backend (a search server) can replace SQLite without touching them.
 */
export interface CatalogStore {
  search(query: CatalogQuery): CatalogAnswer;
  /** Resolves once the store's background warm-up of frequent searches (if it has one) is done. */
  warmed?(): Promise<void>;
  suggest(text: string, limit: number): Suggestion[];
  get(recordId: string): StoredRecord | undefined;
  /** Changes with every write: the basis of ETags. */
  version(): number;
  count(): number;
  /** A writer for one run; write through it inside `transaction`. */
  writer(): CatalogWriter;
  /** Runs `work` in one transaction (one catalogue version). */
  transaction<T>(work: () => T): T;
}
