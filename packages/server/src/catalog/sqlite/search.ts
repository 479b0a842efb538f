import type { Db } from '../../storage/database.js';
import { formats } from '../model.js';
import type { CatalogQuery } from '../store.js';
import { parseIsbn } from '../isbn.js';
import { matchExpression } from '../text.js';
import { FacetIndex, libraryKinds, themeIndexOf, themeOfIndex } from './facet-index.js';
import { ResultCache } from './result-cache.js';

const TWO_TO_32 = 2 ** 32;
/** Matches below this size are recomputed each time (under a millisecond); larger ones are cached. */
const CACHE_FROM = 2000;
/**
 * Warming: after the server starts (and once the catalogue has been still for WARM_SETTLE_MS after a
 * change), the matches and facets of the most frequent words and 3-letter prefixes are read and counted in
 * the background, one search per timer tick, so that their first asker pays what a repeated search costs.
 * Bounded: at most WARM_MAX searches, WARM_BYTES of match ids (held in the result caches, which stay LRU).
 */
const WARM_MAX = 256;
const WARM_BYTES = 40 * 2 ** 20;
const WARM_SETTLE_MS = 5000;
/** fts5vocab is read one first letter at a time (a to z, then the rest), so no tick blocks long. */
const warmRanges: [string, string][] = [
  ...Array.from('abcdefghijklmnopqrstuvwxyz', (letter): [string, string] => [letter, String.fromCharCode(letter.charCodeAt(0) + 1)]),
  ['{', '\u{10FFFF}'],
];

type Facets = Match['facets'];

export interface Match {
  total: number;
  /** Record ids of the page, in order. */
  ids: number[];
  facets: Record<'format' | 'library' | 'library_kind' | 'theme' | 'language' | 'year', { value: string; count: number }[]>;
}

/** The FTS5 expressions of a query: the one that selects, and the ones that rank (title, author, subject). */
export function textExpressions(query: Pick<CatalogQuery, 'text' | 'title' | 'author' | 'subject'>) {
  const parts: string[] = [];
  // An ISBN typed into the search box (with or without hyphens) is searched as one word, in both forms.
  const typedIsbn = query.text && /^[\dXx\s-]+$/.test(query.text.trim()) ? parseIsbn(query.text) : undefined;
  const words = typedIsbn && 'isbn13' in typedIsbn ? `"${typedIsbn.isbn13}"` : query.text && matchExpression(query.text);
  if (words) parts.push(`(${words})`);
  const fielded = [['title', query.title], ['authors', query.author], ['subjects', query.subject]] as const;
  for (const [column, typed] of fielded) {
    const expression = typed && matchExpression(typed);
    if (expression) parts.push(`{${column}} : (${expression})`);
  }
  const rankBy = words && !(typedIsbn && 'isbn13' in typedIsbn) ? words : undefined;
  return {
    selecting: parts.length ? parts.join(' AND ') : undefined,
    ranking: rankBy ? [`{title} : (${rankBy})`, `{authors} : (${rankBy})`, `{subjects} : (${rankBy})`] : [],
  };
}

/** Reads `group_concat(rowid)` ("12884901890,21474836481") into record ids, keeping FTS rowid order. */
function recordIdsOf(list: string | null): Uint32Array {
  if (!list) return new Uint32Array(0);
  let count = 1;
  for (let i = 0; i < list.length; i++) if (list.charCodeAt(i) === 44) count++;
  const rowids = new Float64Array(count);
  let value = 0;
  let n = 0;
  let ordered = true;
  for (let i = 0; i < list.length; i++) {
    const code = list.charCodeAt(i);
    if (code === 44) {
      if (n > 0 && value < rowids[n - 1]!) ordered = false;
      rowids[n++] = value;
      value = 0;
    } else value = value * 10 + (code - 48);
  }
  if (n > 0 && value < rowids[n - 1]!) ordered = false;
  rowids[n] = value;
  // FTS5 answers in rowid order; sorting only guards against a future SQLite answering otherwise.
  if (!ordered) rowids.sort();
  const ids = new Uint32Array(count);
  for (let i = 0; i < count; i++) ids[i] = rowids[i]! % TWO_TO_32;
  return ids;
}

/**
 * Searches with FTS5 for the words and with the facet index for everything else:
 * 1. one FTS5 query reads the ids of every text match (in rowid order: shortest titles first);
 * 2. one pass over them applies the filters and counts the facets. Facets are disjunctive: each facet counts
 *    as if its own filter were not set (with format=book chosen, the format facet still tells how many maps
 *    match), so a widget can offer the other values;
 * 3. relevance: title matches, then author matches, then subject matches, then the rest, each shortest title
 *    first. FTS5 reads each tier in that order and the reading stops once the page is full, so ranking costs
 *    one page, not one score per match (FTS5's bm25 costs ~1 µs per match: 100 ms for a common word at 1M).
 */
export function createSearch(db: Db, index: FacetIndex) {
  const statements = {
    matches: db.prepare<[string], string | null>(
      'SELECT group_concat(rowid) FROM catalog_search WHERE catalog_search MATCH ?',
    ).pluck(),
    inRowidOrder: db.prepare<[string], number>('SELECT rowid FROM catalog_search WHERE catalog_search MATCH ?').pluck(),
    recordByIsbn: db.prepare<[string], number>('SELECT record_id FROM catalog_isbns WHERE isbn = ?').pluck(),
    titleOrder: db.prepare<[], number>('SELECT id FROM catalog_records ORDER BY title_key, id').pluck(),
  };
  let generation = 0;
  let inMatch = new Uint32Array(0);
  let emitted = new Uint32Array(0);
  // Candidates by FTS expression, and filtered matches with their facets by the whole question.
  // Both hold the warmed searches (up to WARM_BYTES, the same arrays in both) and what people asked since.
  const candidateCache = new ResultCache<Uint32Array>(64 * 2 ** 20);
  const matchCache = new ResultCache<{ matched: Uint32Array; facets: Facets }>(64 * 2 ** 20);
  let titleRankVersion = -1;
  let titleRank = new Uint32Array(0);
  let idByTitleRank = new Uint32Array(0);

  function candidates(query: CatalogQuery, selecting: string | undefined): Uint32Array {
    let ids: Uint32Array;
    if (selecting) ids = recordIdsOf(statements.matches.get(selecting) ?? null);
    else if (query.isbn) {
      const id = statements.recordByIsbn.get(query.isbn);
      return id === undefined ? new Uint32Array(0) : Uint32Array.of(id);
    } else {
      ids = new Uint32Array(index.end);
      let n = 0;
      for (let id = 1; id < index.end; id++) if (index.present[id]) ids[n++] = id;
      ids = ids.subarray(0, n);
    }
    if (query.isbn) {
      const id = statements.recordByIsbn.get(query.isbn);
      return id !== undefined && ids.includes(id) ? Uint32Array.of(id) : new Uint32Array(0);
    }
    return ids;
  }

  function ensureTitleOrder(version: number): void {
    if (titleRankVersion === version && titleRank.length >= index.capacity) return;
    titleRank = new Uint32Array(index.capacity);
    idByTitleRank = new Uint32Array(index.capacity);
    let rank = 0;
    for (const id of statements.titleOrder.iterate()) {
      titleRank[id] = rank;
      idByTitleRank[rank++] = id;
    }
    titleRankVersion = version;
  }

  /** The page of `matched` ordered by a numeric key per record (title rank, year then title rank). */
  function pageByKey(matched: Uint32Array, key: (id: number) => number, query: CatalogQuery): number[] {
    const keys = new Float64Array(matched.length);
    for (let i = 0; i < matched.length; i++) keys[i] = key(matched[i]!) * TWO_TO_32 + titleRank[matched[i]!]!;
    keys.sort();
    return Array.from(keys.subarray(query.offset, query.offset + query.limit), (k) => idByTitleRank[k % TWO_TO_32]!);
  }

  function pageByTiers(matched: Uint32Array, ranking: string[], query: CatalogQuery, gen: number): number[] {
    const want = query.offset + query.limit;
    const page: number[] = [];
    let position = 0;
    const take = (id: number) => {
      if (inMatch[id] !== gen || emitted[id] === gen) return false;
      emitted[id] = gen;
      if (position++ >= query.offset) page.push(id);
      return position >= want;
    };
    for (const expression of ranking) {
      for (const rowid of statements.inRowidOrder.iterate(expression)) if (take(rowid % TWO_TO_32)) return page;
    }
    for (const id of matched) if (take(id)) return page;
    return page;
  }

  let fullLoadsSeen = 0;
  let warmedVersion = -1;
  let lastVersion = -1;
  let warming = false;
  let warmTimer: ReturnType<typeof setTimeout> | undefined;
  const waiters: (() => void)[] = [];

  /** Schedules a warm-up of `version` after `delay` ms; a newer version before then postpones it. */
  function scheduleWarm(version: number, delay: number): void {
    if (warming || warmTimer || version === warmedVersion) return;
    warmTimer = setTimeout(() => {
      warmTimer = undefined;
      if (!db.open) return void waiters.splice(0).forEach((resolve) => resolve());
      const now = index.refresh();
      if (now !== version) scheduleWarm(now, WARM_SETTLE_MS);
      else warm(version);
    }, delay);
    warmTimer.unref();
  }

  /**
   * Runs every filter's path of filterAndCount over a slice of the catalogue, without caching anything:
   * V8 compiles the loop for the paths it has seen, and the first filtered search taking a new path would
   * otherwise run it unoptimised (tens of ms over 100,000 matches) until it is compiled again.
   */
  function exercise(): void {
    const ids = new Uint32Array(Math.min(index.end, 20000));
    let n = 0;
    for (let id = 1; id < index.end && n < ids.length; id++) if (index.present[id]) ids[n++] = id;
    const sample = ids.subarray(0, n);
    const library = index.libraries[0];
    const variants: Partial<CatalogQuery>[] = [
      {}, { formats: [formats[0]!] }, { availableOnly: true }, { libraryKinds: [libraryKinds[0]!] },
      { themes: [themeOfIndex(5)!] }, { languages: index.languages.slice(1, 2) }, { yearFrom: 2000 },
      ...(library ? [{ libraries: [library.id] }, { libraries: [library.id], availableOnly: true }] : []),
      { formats: [formats[0]!], themes: [themeOfIndex(3)!], yearFrom: 1990, yearTo: 2020, libraryKinds: [libraryKinds[1]!], availableOnly: true },
    ];
    for (let round = 0; round < 2; round++) {
      for (const variant of variants) {
        const gen = (generation = (generation + 1) >>> 0 || 1);
        filterAndCount(index, sample, { ...variant, sort: 'relevance', offset: 0, limit: 20 }, inMatch, gen);
      }
    }
  }

  function warm(version: number): void {
    warming = true;
    const minDocs = Math.max(CACHE_FROM, Math.ceil(index.end / 100));
    const words = new Map<string, number>();
    const prefixes = new Map<string, number>();
    let vocab: { all(from: string, to: string, min: number): unknown[] } | undefined;
    let range = 0;
    let queue: string[] | undefined;
    let exercised = false;
    let warmedBytes = 0;
    const next = () => {
      const timer = setTimeout(step, 0);
      timer.unref();
    };
    const stop = (settled: boolean) => {
      warming = false;
      if (settled) warmedVersion = version;
      if (!warmTimer) for (const resolve of waiters.splice(0)) resolve();
    };
    const step = () => {
      try {
        if (!db.open) return stop(false);
        if (db.inTransaction) return next();
        const now = index.refresh();
        if (now !== version) {
          stop(false);
          return scheduleWarm(now, WARM_SETTLE_MS);
        }
        if (!queue) {
          if (!vocab) {
            db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.catalog_search_vocab USING fts5vocab(main, catalog_search, 'row')");
            vocab = db.prepare<[string, string, number], [string, number]>(
              'SELECT term, doc FROM temp.catalog_search_vocab WHERE term >= ? AND term < ? AND doc >= ?',
            ).raw();
          }
          const [from, to] = warmRanges[range++]!;
          for (const [term, docs] of vocab.all(from, to, Math.max(2, minDocs >> 6)) as [string, number][]) {
            if (term.length < 3 || /^\d+$/.test(term)) continue;
            if (docs >= minDocs) words.set(term, docs);
            const prefix = term.slice(0, 3);
            prefixes.set(prefix, (prefixes.get(prefix) ?? 0) + docs);
          }
          if (range < warmRanges.length) return next();
          const chosen = [...words, ...[...prefixes].filter(([prefix, docs]) => docs >= minDocs && !words.has(prefix))];
          chosen.sort((a, b) => b[1] - a[1]);
          queue = chosen.slice(0, WARM_MAX).map(([text]) => text);
          return next();
        }
        const text = queue.shift();
        if (text === undefined) {
          exercise();
          return stop(true);
        }
        warmedBytes += run({ text, sort: 'relevance', offset: 0, limit: 20 }).total * 4;
        if (warmedBytes >= WARM_BYTES) queue.length = 0;
        if (!exercised) {
          // Also sort the first (largest) match in every order, the title one included.
          exercised = true;
          for (const sort of ['title', 'year', '-year'] as const) run({ text, sort, offset: 0, limit: 20 });
        }
        next();
      } catch {
        // Warming is an optimisation only: a closed or busy database ends it.
        stop(false);
      }
    };
    next();
  }

  function search(query: CatalogQuery): Match {
    const match = run(query);
    if (!warming) scheduleWarm(lastVersion, warmedVersion === -1 ? 0 : WARM_SETTLE_MS);
    return match;
  }
  /** Resolves once no warm-up is running or scheduled (benchmarks wait for it before timing). */
  search.warmed = () => (warming || warmTimer ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve());
  return search;

  function run(query: CatalogQuery): Match {
    const version = (lastVersion = index.refresh());
    // With the whole index (server start), also order the titles once: at 1M works that takes about a
    // second, better paid at start than by the first person who sorts by title.
    if (index.fullLoads !== fullLoadsSeen) {
      fullLoadsSeen = index.fullLoads;
      ensureTitleOrder(version);
    }
    if (inMatch.length < index.capacity) {
      inMatch = new Uint32Array(index.capacity);
      emitted = new Uint32Array(index.capacity);
    }
    const gen = (generation = (generation + 1) >>> 0 || 1);
    const { selecting, ranking } = textExpressions(query);
    const matchKey = questionKey(query, selecting);
    let found = matchCache.get(version, matchKey);
    if (found) {
      for (const id of found.matched) inMatch[id] = gen;
    } else {
      const candidateKey = `${selecting ?? ''}|${query.isbn ?? ''}`;
      let ids = candidateCache.get(version, candidateKey);
      if (!ids) {
        ids = candidates(query, selecting);
        if (ids.length >= CACHE_FROM) candidateCache.set(version, candidateKey, ids, ids.byteLength);
      }
      found = filterAndCount(index, ids, query, inMatch, gen);
      if (ids.length >= CACHE_FROM) {
        // A copy, so the cache holds the matches and not the candidate-sized buffer they were counted in.
        // (When nothing was filtered out the matches are the candidates: the cache shares them.)
        found = { matched: found.matched.length === ids.length ? ids : found.matched.slice(), facets: found.facets };
        matchCache.set(version, matchKey, found, found.matched.byteLength + 4096);
      }
    }
    const { matched, facets } = found;

    let page: number[];
    if (query.offset >= matched.length) page = [];
    else if (query.sort === 'relevance' && ranking.length) page = pageByTiers(matched, ranking, query, gen);
    else if (query.sort === 'relevance' && selecting) page = Array.from(matched.subarray(query.offset, query.offset + query.limit));
    else {
      ensureTitleOrder(version);
      const year = index.year;
      const byKey =
        query.sort === 'year' ? (id: number) => year[id] || 9999
        : query.sort === '-year' ? (id: number) => (year[id] ? 3000 - year[id]! : 9999)
        : () => 0;
      page = pageByKey(matched, byKey, query);
    }
    return { total: matched.length, ids: page, facets };
  }
}

/**
 * The cache key of a question: its filters (without sort and page, and without the typed words, which
 * `selecting` stands for) and the FTS5 expression, with unset filters left out, so that the same question
 * asked through the API or by the warm-up meets the same entry.
 */
function questionKey(query: CatalogQuery, selecting: string | undefined): string {
  const { sort: _sort, offset: _offset, limit: _limit, text: _text, title: _title, author: _author, subject: _subject, ...filters } = query;
  const set = Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([set, selecting ?? null]);
}

/** Step 2 of the search: filters and disjunctive facet counts in one pass over the candidates. */
function filterAndCount(index: FacetIndex, ids: Uint32Array, query: CatalogQuery, inMatch: Uint32Array, gen: number) {
  const words = index.words;
  const formatOk = new Uint8Array(formats.length).fill(query.formats?.length ? 0 : 1);
  for (const format of query.formats ?? []) formatOk[formats.indexOf(format)] = 1;
  const themeOk = new Uint8Array(11).fill(query.themes?.length ? 0 : 1);
  for (const theme of query.themes ?? []) themeOk[themeIndexOf(theme)] = 1;
  const languageOk = new Uint8Array(index.languages.length).fill(query.languages?.length ? 0 : 1);
  for (const code of query.languages ?? []) {
    const i = index.languageIndexOf(code);
    if (i !== undefined) languageOk[i] = 1;
  }
  const yearFiltered = query.yearFrom !== undefined || query.yearTo !== undefined;
  const yearFrom = query.yearFrom ?? 0;
  const yearTo = query.yearTo ?? 65535;

  // Library masks: L (chosen libraries), K (libraries of the chosen kinds), C = L & K.
  const allLibraries = new Uint32Array(words).fill(0xffffffff);
  const L = query.libraries?.length ? new Uint32Array(words) : allLibraries;
  for (const id of query.libraries ?? []) {
    const library = index.libraryById.get(id);
    if (library) L[library.bit >>> 5]! |= 1 << (library.bit & 31);
  }
  const K = query.libraryKinds?.length ? new Uint32Array(words) : allLibraries;
  const kindBitOfLibrary = new Uint8Array(index.libraries.length);
  for (const library of index.libraries) {
    const kindBit = libraryKinds.indexOf(library.kind);
    kindBitOfLibrary[library.bit] = kindBit;
    if (query.libraryKinds?.includes(library.kind)) K[library.bit >>> 5]! |= 1 << (library.bit & 31);
  }
  const C = L.map((value, w) => value & K[w]!);
  const byHoldings = Boolean(query.libraries?.length || query.libraryKinds?.length || query.availableOnly);
  const masks = query.availableOnly ? index.available : index.held;

  const formatCounts = new Uint32Array(formats.length);
  const themeCounts = new Uint32Array(11);
  const languageCounts = new Uint32Array(index.languages.length);
  const yearCounts = new Uint32Array(2101);
  const libraryCounts = new Uint32Array(index.libraries.length);
  const kindCounts = new Uint32Array(libraryKinds.length);
  const matched = new Uint32Array(ids.length);
  let total = 0;

  const { present, format, theme, language, year } = index;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (!present[id]) continue;
    const failsFormat = formatOk[format[id]!]! ^ 1;
    const failsTheme = themeOk[theme[id]!]! ^ 1;
    const failsLanguage = languageOk[language[id]!]! ^ 1;
    const y = year[id]!;
    const failsYear = yearFiltered && (y === 0 || y < yearFrom || y > yearTo) ? 1 : 0;
    const fails = failsFormat + failsTheme + failsLanguage + failsYear;
    if (fails > 1) continue;
    let inChosen = !byHoldings;
    let inKinds = !byHoldings;
    let inLibraries = !byHoldings;
    const base = id * words;
    for (let w = 0; w < words; w++) {
      const bits = masks[base + w]!;
      if (bits & C[w]!) inChosen = true;
      if (bits & K[w]!) inKinds = true;
      if (bits & L[w]!) inLibraries = true;
    }
    if (fails === 1) {
      if (!inChosen) continue;
      if (failsFormat) formatCounts[format[id]!]!++;
      else if (failsTheme) themeCounts[theme[id]!]!++;
      else if (failsLanguage) languageCounts[language[id]!]!++;
      else yearCounts[y]!++;
      continue;
    }
    if (inChosen) {
      matched[total++] = id;
      inMatch[id] = gen;
      formatCounts[format[id]!]!++;
      themeCounts[theme[id]!]!++;
      languageCounts[language[id]!]!++;
      yearCounts[y]!++;
    }
    for (let w = 0; w < words; w++) {
      const bits = masks[base + w]!;
      let byLibrary = inKinds ? bits & K[w]! : 0;
      while (byLibrary) {
        const lowest = byLibrary & -byLibrary;
        libraryCounts[w * 32 + 31 - Math.clz32(lowest)]!++;
        byLibrary ^= lowest;
      }
      if (inLibraries) {
        let kinds = 0;
        let byKind = bits & L[w]!;
        while (byKind) {
          const lowest = byKind & -byKind;
          kinds |= 1 << kindBitOfLibrary[w * 32 + 31 - Math.clz32(lowest)]!;
          byKind ^= lowest;
        }
        for (let k = 0; kinds; k++, kinds >>>= 1) if (kinds & 1) kindCounts[k]!++;
      }
    }
  }

  const buckets = (counts: Uint32Array, value: (i: number) => string | undefined, from = 0) => {
    const out: { value: string; count: number }[] = [];
    for (let i = from; i < counts.length; i++) {
      const name = counts[i] ? value(i) : undefined;
      if (name !== undefined) out.push({ value: name, count: counts[i]! });
    }
    return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  };
  const years: { value: string; count: number }[] = [];
  for (let y = yearCounts.length - 1; y > 0; y--) if (yearCounts[y]) years.push({ value: String(y), count: yearCounts[y]! });

  return {
    matched: matched.subarray(0, total),
    facets: {
      format: buckets(formatCounts, (i) => formats[i]),
      library: buckets(libraryCounts, (i) => index.libraries[i]!.id),
      library_kind: buckets(kindCounts, (i) => libraryKinds[i]),
      theme: buckets(themeCounts, themeOfIndex, 1),
      language: buckets(languageCounts, (i) => index.languages[i], 1),
      year: years,
    },
  };
}
