import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CopyInput, Format, LibraryHolding, ThemeCode } from '../../src/catalog/model.js';
import type { CatalogAnswer, CatalogQuery, SearchSort } from '../../src/catalog/store.js';
import { demoLibraries } from '../../src/seed/demo-network.js';
import { mulberry32 } from '../../src/seed/mulberry32.js';
import type { LibraryKind } from '../../src/types.js';
import { saveRun, testClock, type HarnessOptions, type StoreHarness } from './harness.js';

/** What an independent reading of the stored rows says a search must answer. */
export type SearchOracle<H> = (harness: H, query: CatalogQuery) => Promise<Pick<CatalogAnswer, 'total' | 'facets'>>;

/** A small seeded PRNG: the same seed builds the same catalogue and asks the same questions. */
export function prng(seed: number) {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const some = <T>(list: readonly T[], most: number): T[] => [
    ...new Set(Array.from({ length: 1 + int(most) }, () => pick(list))),
  ];
  return { next, int, pick, some, chance: (p: number) => next() < p };
}

/** Title words: none is a prefix of another or of any other word stored, so "contains the word" is the oracle's text match. */
export const VOCABULARY = ['kopi', 'teh', 'gula', 'susu', 'roti', 'nasi', 'ikan', 'sapi', 'padi', 'jagung'] as const;
const formats: Format[] = ['book', 'ebook', 'serial', 'map'];
const themes: ThemeCode[] = ['000', '300', '500', '600', '900'];
const languages = ['ind', 'eng', 'jav'];
const kinds: LibraryKind[] = ['public', 'university', 'school', 'company', 'reading-corner'];
const statuses: CopyInput['status'][] = ['available', 'on_loan', 'reference_only', 'available'];
const sorts: SearchSort[] = ['relevance', 'year', '-year', 'title'];

function randomHoldings(random: ReturnType<typeof prng>, works: number): LibraryHolding[] {
  const holdings: LibraryHolding[] = [];
  for (let n = 0; n < works; n++) {
    // About one holding in four is another library's copy of a work already written (a merged work).
    const again = holdings.length > 0 && random.chance(0.25) ? random.pick(holdings).record : undefined;
    const record = again ?? {
      title: `${random.some(VOCABULARY, 3).join(' ')} w${n}`,
      authors: [`Penulis K${random.int(40)}`],
      subjects: [],
      isbns: [],
      format: random.pick(formats),
      ...(random.chance(0.8) && { theme: random.pick(themes) }),
      ...(random.chance(0.85) && { language: random.pick(languages) }),
      ...(random.chance(0.9) && { year: 1995 + random.int(12) }),
    };
    const copies = Array.from({ length: 1 + random.int(3) }, (_, i) => ({
      itemCode: `R${n}-${i}`,
      status: random.pick(statuses),
    }));
    holdings.push({ record, libraryId: random.pick(demoLibraries).id, copies });
  }
  return holdings;
}

function randomQuery(random: ReturnType<typeof prng>): CatalogQuery {
  return {
    ...(random.chance(0.45) && { text: random.some(VOCABULARY, 2).join(' ') }),
    ...(random.chance(0.3) && { formats: random.some(formats, 2) }),
    ...(random.chance(0.2) && { themes: random.some(themes, 2) }),
    ...(random.chance(0.2) && { languages: random.some(languages, 2) }),
    ...(random.chance(0.15) && { yearFrom: 1995 + random.int(8) }),
    ...(random.chance(0.15) && { yearTo: 2000 + random.int(8) }),
    ...(random.chance(0.25) && {
      libraries: random.some(
        demoLibraries.map((entry) => entry.id),
        3,
      ),
    }),
    ...(random.chance(0.2) && { libraryKinds: random.some(kinds, 2) }),
    ...(random.chance(0.25) && { availableOnly: true }),
    sort: random.pick(sorts),
    offset: random.chance(0.2) ? random.int(30) : 0,
    limit: 10,
  };
}

/**
 * A randomized check of totals and facet counts: a few hundred random works and holdings, then random
 * questions, each answered by the store and by `oracle` (a plain GROUP BY over the backend's rows). The seed
 * is printed on failure; STORE_CONTRACT_SEED=n replays one.
 */
export function randomCatalogueCheck<H extends StoreHarness>(
  name: string,
  factory: (options: HarnessOptions) => Promise<H>,
  oracle: SearchOracle<H>,
  { works = 400, questions = 150 } = {},
): void {
  describe(`store contract: ${name}: random catalogue against a plain GROUP BY`, () => {
    const seed = Number(process.env.STORE_CONTRACT_SEED ?? Math.floor(Math.random() * 2 ** 31));
    let harness: H;
    before(async () => {
      harness = await factory({ now: testClock().now });
      for (const entry of demoLibraries) await harness.stores.libraries.upsert(entry);
      const random = prng(seed);
      const holdings = randomHoldings(random, works);
      // In a few runs and batches, as imports write them.
      for (let at = 0; at < holdings.length; at += 120)
        await saveRun(harness.stores.catalog, holdings.slice(at, at + 120));
    });
    after(() => harness.close());

    const askRandomQuestions = async (questionSeed: number) => {
      const random = prng(questionSeed);
      for (let n = 0; n < questions; n++) {
        const query = randomQuery(random);
        const answer = await harness.stores.catalog.search(query);
        const expected = await oracle(harness, query);
        const context = `seed ${seed} (STORE_CONTRACT_SEED=${seed}), question ${n}: ${JSON.stringify(query)}`;
        assert.equal(answer.total, expected.total, context);
        assert.deepEqual(answer.facets, expected.facets, context);
        assert.equal(answer.items.length, Math.max(0, Math.min(query.limit, expected.total - query.offset)), context);
      }
    };

    it(`answers totals and facet counts as the rows say (seed ${seed})`, () => askRandomQuestions(seed ^ 0x5eed));

    it(`still does after two libraries left the network (seed ${seed})`, async () => {
      const random = prng(seed ^ 0x1eaf);
      const leaving = random
        .some(
          demoLibraries.map((entry) => entry.id),
          6,
        )
        .slice(0, 2);
      // A search first, so the facet index has read the catalogue and must follow the withdrawal.
      await harness.stores.catalog.search({ sort: 'relevance', offset: 0, limit: 10 });
      for (const library of leaving) await harness.stores.catalog.withdrawLibrary(library);
      const left = await harness.stores.catalog.search({ libraries: leaving, sort: 'relevance', offset: 0, limit: 10 });
      assert.equal(left.total, 0, `seed ${seed}: nothing is held by ${leaving.join(', ')} any more`);
      await askRandomQuestions(seed ^ 0xbeef);
    });
  });
}
