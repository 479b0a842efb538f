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
import type { WorkSources } from './source-records.js';

export type { WorkSources };

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
 * pair it replaces that library's copies of the work and its source record (its own description of the work),
 * so re-importing a file updates instead of duplicating; when one run holds the same work twice (two records
 * with one ISBN), the second adds its copies and fills its source record. A run never changes another
 * library's source record or copies: the shared record of a work is derived from every library's source
 * record by the rule of catalog/source-records.ts. Covers the operator does not trust are dropped.
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
  /** Every library's description of a work and whose is shown; undefined when there is no such record. */
  sources(recordId: string): Promise<WorkSources | undefined>;
  /**
   * Shows one library's description of a work whatever the rule says (network staff's choice), or with null
   * goes back to the rule. Answers the work's sources after, undefined when there is no such record, and
   * 'not_held' when that library has no description of the work. A pin goes when its library's source goes.
   */
  pinSource(recordId: string, libraryId: string | null): Promise<WorkSources | undefined | 'not_held'>;
  /**
   * A library leaves the network: its copies and source records go, in batches (searches keep answering in
   * between), each work it held gets its shared record derived again, and works no other library holds are
   * removed. Answers how many works it held and how many of them were removed.
   */
  withdrawLibrary(libraryId: string): Promise<{ works: number; removed: number }>;
}
