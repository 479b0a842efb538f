import type { BibliographicInput, CopyInput, CopyStatus, Format, LibraryHolding } from '../catalog/model.js';
import { completeIsbn13 } from '../catalog/isbn.js';
import { themeOf } from '../catalog/themes.js';
import { words } from '../catalog/text.js';
import type { LibraryKind } from '../types.js';
import { mulberry32 } from './mulberry32.js';
import {
  families,
  lists,
  locations,
  names,
  publishers,
  type Audience,
  type TitleFamily,
} from './catalog-vocabulary.js';

export interface GeneratorLibrary {
  id: string;
  kind: LibraryKind;
  school_level?: string;
}

export interface GeneratorOptions {
  /** Works to make. */
  count: number;
  libraries: GeneratorLibrary[];
  /** Same seed, same catalogue. */
  seed?: number;
  /** The day loans are due from (YYYY-MM-DD); a fixed date keeps the output identical run after run. */
  today?: string;
}

/** The generator's random choices, all from one seed. */
function random(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof random>;

/** Cumulative weights, to pick families with their weights in O(log n). */
function weighted<T extends { weight: number }>(items: T[]) {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += item.weight));
  return (rng: Random) => {
    const target = rng.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return items[low]!;
  };
}

function fill(pattern: string, rng: Random): string {
  return pattern.replace(/\{(\w+)\}/g, (_, list: string) => rng.pick(lists[list] ?? [`{${list}}`]));
}

function person(rng: Random, english: boolean): string {
  if (english) return `${rng.pick(names.englishLast)}, ${rng.pick(names.englishFirst)}`;
  // Many Indonesians carry one name only; libraries enter them as written.
  if (rng.chance(0.12)) return rng.pick(names.first);
  return `${rng.pick(names.last)}, ${rng.pick(names.first)}`;
}

/** For each audience, the libraries that would hold its works besides the city library. */
function audiencePools(libraries: GeneratorLibrary[]): Record<Audience, GeneratorLibrary[]> {
  const ofKind = (...kinds: LibraryKind[]) => libraries.filter((library) => kinds.includes(library.kind));
  const byLevel = (...levels: string[]) =>
    libraries.filter((library) => library.kind === 'school' && levels.includes(library.school_level ?? ''));
  const pools: Record<Audience, GeneratorLibrary[]> = {
    children: [...byLevel('SD'), ...ofKind('reading-corner')],
    'school-sd': byLevel('SD'),
    'school-smp': byLevel('SMP'),
    'school-sma': byLevel('SMA', 'SMK'),
    'school-smk': byLevel('SMK'),
    academic: ofKind('university'),
    technical: ofKind('company', 'university'),
    general: libraries.filter((library) => library.kind !== 'public'),
    islamic: [...libraries.filter((library) => /sdit|islam|mts|man-/.test(library.id)), ...byLevel('SMP', 'SMA')],
  };
  for (const audience of Object.keys(pools) as Audience[]) if (!pools[audience].length) pools[audience] = libraries;
  return pools;
}

/** Which libraries hold a work: most often the city library, and one to three that fit its readers. */
function holders(
  audience: Audience,
  city: GeneratorLibrary[],
  pools: Record<Audience, GeneratorLibrary[]>,
  rng: Random,
) {
  const chosen = new Set<GeneratorLibrary>();
  // Theses stay at the university more often than not.
  const cityChance = audience === 'academic' ? 0.35 : 0.7;
  if (city.length && rng.chance(cityChance)) chosen.add(rng.pick(city));
  const extra = rng.int(chosen.size ? 0 : 1, 3);
  for (let i = 0; i < extra; i++) chosen.add(rng.pick(pools[audience]));
  return [...chosen];
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function copyStatus(rng: Random, referenceOnly: boolean): CopyStatus {
  if (referenceOnly) return 'reference_only';
  const roll = rng.next();
  return roll < 0.74 ? 'available' : roll < 0.92 ? 'on_loan' : roll < 0.97 ? 'reference_only' : 'unavailable';
}

/** "899.221 3 HIR l": class number, three letters of the author, the title's first letter. */
function callNumber(classification: string, author: string | undefined, title: string): string {
  const authorCode =
    words(author ?? title)[0]
      ?.slice(0, 3)
      .toUpperCase() ?? 'XXX';
  return `${classification} ${authorCode} ${words(title)[0]?.[0] ?? 'x'}`;
}

const itemPrefix = (libraryId: string) =>
  libraryId
    .split('-')
    .map((part) => part[0])
    .join('')
    .toUpperCase();

/**
 * A deterministic union catalogue: the same options give the same works, holdings and loans, so the demo,
 * the tests and the benchmarks (100k, 1M) all read the catalogue they expect. Works come one at a time with
 * the holdings of every library that has them, to be written as they come (memory stays flat at 1M).
 */
export function* generateCatalog(options: GeneratorOptions): Generator<LibraryHolding[]> {
  const rng = random(options.seed ?? 2019);
  const today = options.today ?? '2026-11-25';
  const pickFamily = weighted(families);
  const itemCounters = new Map<string, number>();
  const city = options.libraries.filter((library) => library.kind === 'public');
  const pools = audiencePools(options.libraries);

  for (let n = 0; n < options.count; n++) {
    const family: TitleFamily = pickFamily(rng);
    const english = family.language === 'eng';
    const title = fill(rng.pick(family.titles), rng).replace(/\s+/g, ' ').trim();
    const authorCount = rng.chance(0.65) ? 1 : rng.chance(0.7) ? 2 : rng.chance(0.6) ? 3 : 0;
    const authors = Array.from({ length: authorCount }, () => person(rng, english));
    const [publisher, place] = rng.pick(english ? publishers.eng : publishers.ind) as [string, string];
    // Newer books are more numerous on the shelves.
    const year = 2025 - Math.floor(Math.pow(rng.next(), 1.8) * 55);
    const format: Format = family.format ?? (rng.chance(0.015) ? 'ebook' : rng.chance(0.004) ? 'braille' : 'book');
    const record: BibliographicInput = {
      title,
      authors,
      subjects: [...family.subjects.slice(0, rng.int(1, family.subjects.length))],
      year,
      format,
      language: family.language,
      // Unique per work: n scrambled by a multiplier coprime with 10^8 is a bijection on 8 digits.
      isbns:
        format === 'thesis' || rng.chance(0.25)
          ? []
          : [completeIsbn13(`${english ? '9780' : '9786'}${String((n * 48271 + 12345) % 1e8).padStart(8, '0')}`)],
      classification: family.classification,
      publisher: format === 'thesis' ? 'Sekolah Tinggi Teknologi Bontang' : publisher,
      place: format === 'thesis' ? 'Bontang' : place,
      collation:
        format === 'book' ? `${rng.int(4, 40) * 10} hlm. : ilus. ; ${rng.pick([21, 23, 24, 25])} cm` : undefined,
    };
    const theme = themeOf(family.classification);
    if (theme) record.theme = theme;
    if (!record.collation) delete record.collation;

    const holdings = holders(family.audience, city, pools, rng).map((library): LibraryHolding => {
      const copies: CopyInput[] = [];
      const count = library.kind === 'public' ? rng.int(1, 5) : library.kind === 'reading-corner' ? 1 : rng.int(1, 3);
      for (let c = 0; c < count; c++) {
        const status = copyStatus(rng, Boolean(family.referenceOnly));
        const item = (itemCounters.get(library.id) ?? 0) + 1;
        itemCounters.set(library.id, item);
        copies.push({
          itemCode: `${itemPrefix(library.id)}${String(item).padStart(7, '0')}`,
          location: rng.pick(locations[library.kind] ?? ['Rak Umum']),
          callNumber: callNumber(family.classification, authors[0], title),
          status,
          ...(status === 'on_loan' && { dueDate: addDays(today, rng.int(-3, 21)) }),
        });
      }
      return { record, libraryId: library.id, copies };
    });
    yield holdings;
  }
}
