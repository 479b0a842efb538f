import type { Db } from '../../storage/database.js';
import { formats } from '../model.js';
import type { CatalogQuery } from '../store.js';
import { markAll, wordsFor } from './bitset.js';
import { countFacets } from './facet-count.js';
import { libraryKinds, themeOfIndex, type FacetIndex } from './facet-index.js';
import { CACHE_FROM } from './result-cache.js';
import type { TermList } from './term-list.js';

/**
 * Warming: after the server starts (and once the catalogue has been still for WARM_SETTLE_MS after a
 * change), the matches and facets of the most frequent words and 3-letter prefixes, and of browsing by theme
 * without words, are read and counted in the background, one search per timer tick, so that their first
 * asker pays what a repeated search costs. Bounded: at most WARM_MAX word searches and WARM_BYTES of match
 * ids and bitsets (held in the result caches, which stay LRU).
 */
const WARM_MAX = 256;
const WARM_BYTES = 40 * 2 ** 20;
const WARM_SETTLE_MS = 5000;
/** fts5vocab is read one first letter at a time (a to z, then the rest), so no tick blocks long. */
const warmRanges: [string, string][] = [
  ...Array.from('abcdefghijklmnopqrstuvwxyz', (letter): [string, string] => [
    letter,
    String.fromCharCode(letter.charCodeAt(0) + 1),
  ]),
  ['{', '\u{10FFFF}'],
];

interface WarmUpParts {
  db: Db;
  index: FacetIndex;
  terms: TermList;
  /** Answers a question (and caches it, when large): search.ts's `run`. */
  run(query: CatalogQuery): { total: number };
}

/** The background warm-up of one catalogue store's search (see above). */
export function createWarmUp({ db, index, terms, run }: WarmUpParts) {
  let warmedVersion = -1;
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
   * Runs every filter's path of countFacets over a slice of the catalogue, without caching anything:
   * V8 compiles the loop for the paths it has seen, and the first filtered search taking a new path would
   * otherwise run it unoptimised (tens of ms over 100,000 matches) until it is compiled again.
   */
  function exercise(): void {
    const sample = new Uint32Array(wordsFor(index.capacity));
    const sampleIds = index.firstIds(20000);
    markAll(sample, sampleIds);
    const matched = new Uint32Array(sample.length);
    const library = index.libraries[0];
    const variants: Partial<CatalogQuery>[] = [
      {},
      { formats: [formats[0]!] },
      { availableOnly: true },
      { libraryKinds: [libraryKinds[0]!] },
      { themes: [themeOfIndex(5)!] },
      { languages: index.languages.slice(1, 2) },
      { yearFrom: 2000 },
      ...(library ? [{ libraries: [library.id] }, { libraries: [library.id], availableOnly: true }] : []),
      {
        formats: [formats[0]!],
        themes: [themeOfIndex(3)!],
        yearFrom: 1990,
        yearTo: 2020,
        libraryKinds: [libraryKinds[1]!],
        availableOnly: true,
      },
    ];
    for (let round = 0; round < 2; round++) {
      for (const variant of variants) countFacets(index, sample, sampleIds.length, variant, matched.fill(0));
    }
  }

  function warm(version: number): void {
    warming = true;
    const minDocs = Math.max(CACHE_FROM, Math.ceil(index.end / 100));
    const words = new Map<string, number>();
    const prefixes = new Map<string, number>();
    let vocab: { all(from: string, to: string): unknown[] } | undefined;
    const vocabulary: string[] = [];
    let range = 0;
    let queue: Partial<CatalogQuery>[] | undefined;
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
            db.exec(
              "CREATE VIRTUAL TABLE IF NOT EXISTS temp.catalog_search_vocab USING fts5vocab(main, catalog_search, 'row')",
            );
            vocab = db
              .prepare<[string, string], [string, number]>(
                'SELECT term, doc FROM temp.catalog_search_vocab WHERE term >= ? AND term < ?',
              )
              .raw();
          }
          const [from, to] = warmRanges[range++]!;
          for (const [term, docs] of vocab.all(from, to) as [string, number][]) {
            if (/^\p{L}/u.test(term)) vocabulary.push(term);
            if (term.length < 3 || docs < minDocs >> 6 || /^\d+$/.test(term)) continue;
            if (docs >= minDocs) words.set(term, docs);
            const prefix = term.slice(0, 3);
            prefixes.set(prefix, (prefixes.get(prefix) ?? 0) + docs);
          }
          if (range < warmRanges.length) return next();
          // Every tick checked the version: the vocabulary is the catalogue's as of `version`.
          terms.set(version, vocabulary);
          const chosen = [...words, ...[...prefixes].filter(([prefix, docs]) => docs >= minDocs && !words.has(prefix))];
          chosen.sort((a, b) => b[1] - a[1]);
          // Then browsing without words: everything, what is on the shelf now, and each theme (the widget's
          // empty state offers the ten).
          queue = [
            ...chosen.slice(0, WARM_MAX).map(([text]) => ({ text })),
            {},
            { availableOnly: true },
            ...Array.from({ length: 10 }, (_, i) => ({ themes: [themeOfIndex(i + 1)] })),
          ];
          return next();
        }
        const question = queue.shift();
        if (question === undefined) {
          exercise();
          return stop(true);
        }
        // What the two caches keep of it: the candidate ids and the bitset of the matches.
        const { total } = run({ ...question, sort: 'relevance', offset: 0, limit: 20 });
        warmedBytes += (question.text ? total * 4 : 0) + index.capacity / 8;
        // Words stop at the budget; the browsing questions come after it whatever it left.
        if (warmedBytes >= WARM_BYTES) queue = queue.filter((next) => !next.text);
        if (!exercised) {
          // Also sort the first (largest) match in every order, the title one included.
          exercised = true;
          for (const sort of ['title', 'year', '-year'] as const) run({ ...question, sort, offset: 0, limit: 20 });
        }
        next();
      } catch {
        // Warming is an optimisation only: a closed or busy database ends it.
        stop(false);
      }
    };
    next();
  }

  return {
    /** After each search: warms the catalogue's version now (first time) or once it has settled. */
    afterSearch(version: number): void {
      if (!warming) scheduleWarm(version, warmedVersion === -1 ? 0 : WARM_SETTLE_MS);
    },
    /** Resolves once no warm-up is running or scheduled. */
    warmed: () => (warming || warmTimer ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve()),
  };
}
