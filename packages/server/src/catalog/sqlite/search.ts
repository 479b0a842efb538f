import type { Db } from '../../storage/database.js';
import type { CatalogQuery } from '../store.js';
import { parseIsbn } from '../isbn.js';
import { matchExpression } from './match-expression.js';
import { add, has, idsOf, markAll, wordsFor } from './bitset.js';
import { countFacets, type Facets } from './facet-count.js';
import type { FacetIndex } from './facet-index.js';
import { idsOfList } from './id-list.js';
import { CACHE_FROM, ResultCache } from './result-cache.js';
import { createWarmUp } from './search-warm-up.js';
import { SortOrders } from './sort-orders.js';
import type { TermList } from './term-list.js';

const TWO_TO_32 = 2 ** 32;
export interface Match {
  total: number;
  /** Record ids of the page, in order. */
  ids: number[];
  facets: Facets;
}

/** What a question matched: a bitset over record ids (see bitset.ts), how many, and the facet counts. */
interface Found {
  bits: Uint32Array;
  total: number;
  facets: Facets;
}

/**
 * The FTS5 expressions of a query: the one that selects, and the ones that rank (title, author, subject).
 * `expand` turns a typed prefix into the words it stands for, when it knows them (term-list.ts).
 */
function textExpressions(
  query: Pick<CatalogQuery, 'text' | 'title' | 'author' | 'subject'>,
  expand?: (prefix: string) => readonly string[] | undefined,
) {
  const parts: string[] = [];
  // An ISBN typed into the search box (with or without hyphens) is searched as one word, in both forms.
  const typedIsbn = query.text && /^[\dXx\s-]+$/.test(query.text.trim()) ? parseIsbn(query.text) : undefined;
  const words =
    typedIsbn && 'isbn13' in typedIsbn
      ? `"${typedIsbn.isbn13}"`
      : query.text && matchExpression(query.text, { expand });
  if (words) parts.push(`(${words})`);
  const fielded = [
    ['title', query.title],
    ['authors', query.author],
    ['subjects', query.subject],
  ] as const;
  for (const [column, typed] of fielded) {
    const expression = typed && matchExpression(typed, { expand });
    if (expression) parts.push(`{${column}} : (${expression})`);
  }
  const rankBy = words && !(typedIsbn && 'isbn13' in typedIsbn) ? words : undefined;
  return {
    selecting: parts.length ? parts.join(' AND ') : undefined,
    ranking: rankBy ? [`{title} : (${rankBy})`, `{authors} : (${rankBy})`, `{subjects} : (${rankBy})`] : [],
  };
}

/**
 * Searches with FTS5 for the words and with the facet index for everything else:
 * 1. one FTS5 query reads the ids of every text match (in rowid order: shortest titles first);
 * 2. one pass over them, in record id order, applies the filters and counts the facets (facet-count.ts);
 * 3. relevance: title matches, then author matches, then subject matches, then the rest, each shortest title
 *    first. FTS5 reads each tier in that order and the reading stops once the page is full, so ranking costs
 *    one page, not one score per match (FTS5's bm25 costs ~1 µs per match: 100 ms for a common word at 1M).
 */
export function createSearch(db: Db, index: FacetIndex, terms: TermList) {
  const statements = {
    matches: db
      .prepare<[string], string | null>(
        // Record ids only (the rowid's low 32 bits): half the digits to build and parse as the whole rowids.
        'SELECT group_concat(rowid & 4294967295) FROM catalog_search WHERE catalog_search MATCH ?',
      )
      .pluck(),
    inRowidOrder: db.prepare<[string], number>('SELECT rowid FROM catalog_search WHERE catalog_search MATCH ?').pluck(),
    recordByIsbn: db.prepare<[string], number>('SELECT record_id FROM catalog_isbns WHERE isbn = ?').pluck(),
  };
  // Scratch bitsets, one word per 32 records: the candidates, what passed the filters, what a page took.
  let candidateBits = new Uint32Array(0);
  let matchedBits = new Uint32Array(0);
  let emittedBits = new Uint32Array(0);
  // Candidates (ranked) by FTS expression, and filtered matches with their facets by the whole question.
  // Both hold the warmed searches (up to WARM_BYTES) and what people asked since.
  const candidateCache = new ResultCache<Uint32Array>(64 * 2 ** 20);
  const matchCache = new ResultCache<Found>(64 * 2 ** 20);
  const sortOrders = new SortOrders(db, index);

  /** The text matches in FTS rowid order, or the work with the ISBN asked for among them. */
  function candidates(query: CatalogQuery, selecting: string | undefined): Uint32Array {
    const ids = selecting ? idsOfList(statements.matches.get(selecting) ?? null) : undefined;
    if (!query.isbn) return ids ?? new Uint32Array(0);
    const id = statements.recordByIsbn.get(query.isbn);
    return id !== undefined && (!ids || ids.includes(id)) ? Uint32Array.of(id) : new Uint32Array(0);
  }

  function pageByTiers(found: Found, ranking: string[], query: CatalogQuery, ranked: () => Uint32Array): number[] {
    const want = query.offset + query.limit;
    const page: number[] = [];
    let position = 0;
    emittedBits.fill(0);
    const take = (id: number) => {
      if (!has(found.bits, id) || !add(emittedBits, id)) return false;
      if (position++ >= query.offset) page.push(id);
      return position >= want;
    };
    for (const expression of ranking) {
      for (const rowid of statements.inRowidOrder.iterate(expression)) if (take(rowid % TWO_TO_32)) return page;
    }
    for (const id of ranked()) if (take(id)) return page;
    return page;
  }

  /** The page of `found` in the order of `ordered` (FTS rowid order), or by record id without `ordered`. */
  function pageInOrder(found: Found, ordered: Uint32Array | undefined, query: CatalogQuery): number[] {
    if (!ordered) return Array.from(idsOf(found.bits, query.offset + query.limit).subarray(query.offset));
    const page: number[] = [];
    let position = 0;
    for (let i = 0; i < ordered.length && page.length < query.limit; i++) {
      const id = ordered[i]!;
      if (has(found.bits, id) && position++ >= query.offset) page.push(id);
    }
    return page;
  }

  let fullLoadsSeen = 0;
  let lastVersion = -1;
  const warmUp = createWarmUp({ db, index, terms, run });

  function search(query: CatalogQuery): Match {
    const match = run(query);
    warmUp.afterSearch(lastVersion);
    return match;
  }
  /** Resolves once no warm-up is running or scheduled (benchmarks wait for it before timing). */
  search.warmed = warmUp.warmed;
  return search;

  function run(query: CatalogQuery): Match {
    const version = (lastVersion = index.refresh());
    // With the whole index (server start), also build the sort orders once: at 1M works that takes about
    // 0.2 s, better paid at start than by the first person who sorts by title.
    if (index.fullLoads !== fullLoadsSeen) {
      fullLoadsSeen = index.fullLoads;
      sortOrders.ensure(version);
    }
    const size = wordsFor(index.capacity);
    if (candidateBits.length !== size) {
      candidateBits = new Uint32Array(size);
      matchedBits = new Uint32Array(size);
      emittedBits = new Uint32Array(size);
    }
    const { selecting, ranking } = textExpressions(query, (prefix) => terms.expand(prefix, version));
    const candidateKey = `${selecting ?? ''}|${query.isbn ?? ''}`;
    // Browsing (no words, no ISBN) reads every record: no candidate list, the facet count walks the index.
    const browsing = !selecting && !query.isbn;
    let rankedIds: Uint32Array | undefined;
    /** The text matches in FTS rowid order. */
    const ranked = () => {
      if (rankedIds) return rankedIds;
      rankedIds = candidateCache.get(version, candidateKey);
      if (!rankedIds) {
        rankedIds = candidates(query, selecting);
        if (rankedIds.length >= CACHE_FROM) candidateCache.set(version, candidateKey, rankedIds, rankedIds.byteLength);
      }
      return rankedIds;
    };
    const matchKey = questionKey(query, selecting);
    let found = matchCache.get(version, matchKey);
    if (!found) {
      const ids = browsing ? undefined : ranked();
      if (ids) {
        candidateBits.fill(0);
        markAll(candidateBits, ids);
      }
      const { total, facets } = countFacets(
        index,
        ids && candidateBits,
        ids?.length ?? index.end,
        query,
        matchedBits.fill(0),
      );
      found = { bits: matchedBits, total, facets };
      // A copy, so the cache keeps the matches and the next question can use the scratch bitset.
      if ((ids?.length ?? index.end) >= CACHE_FROM) {
        found = { bits: matchedBits.slice(), total, facets };
        matchCache.set(version, matchKey, found, found.bits.byteLength + 4096);
      }
    }

    let page: number[];
    if (query.offset >= found.total) page = [];
    else if (query.sort === 'relevance' && ranking.length) page = pageByTiers(found, ranking, query, ranked);
    else if (query.sort === 'relevance') page = pageInOrder(found, browsing ? undefined : ranked(), query);
    else {
      sortOrders.ensure(version);
      page = sortOrders.page(found.bits, query.sort, query.offset, query.limit);
    }
    return { total: found.total, ids: page, facets: found.facets };
  }
}

/**
 * The cache key of a question: its filters (without sort and page, and without the typed words, which
 * `selecting` stands for) and the FTS5 expression, with unset filters left out, so that the same question
 * asked through the API or by the warm-up meets the same entry.
 */
function questionKey(query: CatalogQuery, selecting: string | undefined): string {
  const {
    sort: _sort,
    offset: _offset,
    limit: _limit,
    text: _text,
    title: _title,
    author: _author,
    subject: _subject,
    ...filters
  } = query;
  const set = Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([set, selecting ?? null]);
}
