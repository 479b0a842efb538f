import type { LibraryKind } from '../types.js';
import type {
  CatalogRecord,
  Format,
  LibraryHolding,
  RecordSummary,
  SearchResult,
  Suggestion,
  ThemeCode,
} from './model.js';

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

/** What became of one holding of a batch: a new work, an existing one, or refused by the database (and why). */
export type SaveOutcome = 'created' | 'updated' | { refused: string };

/**
 * One import (or seed) run: a unit of work written batch by batch. The first time a run meets a (work, library)
 * pair it replaces that library's copies of the work, so re-importing a file updates instead of duplicating;
 * when one run holds the same work twice (two records with one ISBN), the second adds its copies.
 */
export interface CatalogRun {
  /**
   * Creates or updates the works and their copies, all in one transaction (one catalogue version). When the
   * database refuses the batch, each holding is saved on its own, so that one bad record does not cost the
   * others; the outcomes are in the order of `holdings`.
   */
  saveBatch(holdings: LibraryHolding[]): Promise<SaveOutcome[]>;
}

/**
 * Where the union catalogue lives. Routes, importers and the seed see only this interface, so another
 * backend (PostgreSQL, a search server) can replace SQLite without touching them.
 */
export interface CatalogStore {
  search(query: CatalogQuery): Promise<CatalogAnswer>;
  /** Resolves once the store's background warm-up of frequent searches (if it has one) is done. */
  warmed?(): Promise<void>;
  suggest(text: string, limit: number): Promise<Suggestion[]>;
  get(recordId: string): Promise<StoredRecord | undefined>;
  /** Changes with every write: the basis of ETags. */
  version(): Promise<number>;
  count(): Promise<number>;
  /** Starts a write run (an import file, the seed). */
  beginRun(): Promise<CatalogRun>;
}
