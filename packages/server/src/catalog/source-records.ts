/**
 * Source records: what each library says of a work, kept apart, and the rule that derives the one record the
 * network shows from them. Storage-neutral (every backend applies the same rule, and the store contract
 * checks it).
 *
 * Why: with one record per work, the last library to import a work rewrote it for everyone; one school's
 * careless or hostile file renamed a novel held by the city library and a university, pointed its cover at an
 * outside tracker, and made it unfindable by its own title. Now an import changes only the importing library's
 * source record (and its copies); the shared record is chosen, never overwritten.
 */
import type { LibraryKind } from '../types.js';
import type { BibliographicInput } from './model.js';

/** One library's description of a work. */
export interface SourceRecord {
  libraryId: string;
  libraryKind: LibraryKind;
  /** The library's name: the last tie-breaker, as libraries are listed (GET /v1/libraries). */
  libraryName: string;
  record: BibliographicInput;
}

/** What the network knows of a work's sources: who describes it, whose description is shown, and any pin. */
export interface WorkSources {
  /** The library whose record is shown. */
  shown: string;
  /** The library network staff pinned, if any (a pin outlives nothing: it goes when that source goes). */
  pinned: string | null;
  /** Every library's description, best first by the rule below. */
  sources: { libraryId: string; title: string; completeness: number }[];
}

/** Fields whose presence makes a record more complete; each counts once, however long its text. */
const describingFields = [
  'title',
  'subtitle',
  'authors',
  'subjects',
  'year',
  'language',
  'isbns',
  'classification',
  'theme',
  'edition',
  'publisher',
  'place',
  'series',
  'collation',
  'notes',
  'coverUrl',
] as const satisfies readonly (keyof BibliographicInput)[];

/**
 * How many describing fields a record fills. Fields are counted, not characters: a 6 MB title is one field,
 * so padding text does not win the shared record.
 */
export function completeness(record: BibliographicInput): number {
  let filled = 0;
  for (const field of describingFields) {
    const value = record[field];
    if (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '') filled++;
  }
  return filled;
}

/** Libraries in the order people expect them: the city (public) library first, as GET /v1/libraries lists them. */
const kindRank: Record<LibraryKind, number> = {
  public: 0,
  university: 1,
  school: 2,
  company: 3,
  'reading-corner': 4,
};

/**
 * Sources best first: the pinned one, then the most complete, ties to the city (public) library, then to
 * universities, schools, companies and reading corners, then by library name and id.
 */
export function rankSources(sources: SourceRecord[], pinned: string | null): SourceRecord[] {
  const scored = sources.map((source) => ({ source, score: completeness(source.record) }));
  scored.sort(
    (a, b) =>
      Number(b.source.libraryId === pinned) - Number(a.source.libraryId === pinned) ||
      b.score - a.score ||
      kindRank[a.source.libraryKind] - kindRank[b.source.libraryKind] ||
      compare(a.source.libraryName, b.source.libraryName) ||
      compare(a.source.libraryId, b.source.libraryId),
  );
  return scored.map((entry) => entry.source);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The record the network shows: the best source's, whole (fields are never mixed from several libraries, so
 * no library can slip one field into a record another described). ISBNs are the exception: every source's
 * ISBNs are kept, because they are how each library's next import finds the work again.
 */
export function sharedRecord(ranked: SourceRecord[]): BibliographicInput | undefined {
  const [best] = ranked;
  if (!best) return undefined;
  const isbns = [...new Set(ranked.flatMap((source) => source.record.isbns))];
  return { ...best.record, isbns: [...new Set([...best.record.isbns, ...isbns])] };
}

export function describeSources(ranked: SourceRecord[], pinned: string | null): WorkSources | undefined {
  const [best] = ranked;
  if (!best) return undefined;
  return {
    shown: best.libraryId,
    pinned: ranked.some((source) => source.libraryId === pinned) ? pinned : null,
    sources: ranked.map((source) => ({
      libraryId: source.libraryId,
      title: source.record.title,
      completeness: completeness(source.record),
    })),
  };
}

/**
 * Which cover addresses the operator trusts: paths on this server (`/covers/x.jpg`) and the configured
 * origins (`https://sampul.perpusnas.go.id`). Anything else is dropped when a record is saved and again when
 * it is shown (records saved before the list changed): an outside image is a request every reader's browser
 * makes to a host nobody vetted, which can track who looks at which book.
 */
export type CoverTrust = (url: string) => boolean;

export class CoverOriginError extends Error {}

/** Parses `https://host[:port]` origins; throws CoverOriginError naming the first one that is not. */
export function coverTrust(origins: readonly string[] = []): CoverTrust {
  const trusted = new Set(
    origins.map((origin) => {
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        throw new CoverOriginError(`"${origin}" is not an origin (write it as https://host or https://host:port).`);
      }
      const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
      if (!/^https?:$/.test(url.protocol) || !bare)
        throw new CoverOriginError(`"${origin}" is not an http(s) origin (no path, query or credentials).`);
      return url.origin;
    }),
  );
  return (address) => {
    // A path on this server; "//host/x" is another host, "/\host" is read as one by browsers.
    if (address.startsWith('/')) return !address.startsWith('//') && !address.startsWith('/\\');
    if (!trusted.size) return false;
    try {
      return trusted.has(new URL(address).origin);
    } catch {
      return false;
    }
  };
}

/** The record without a cover its source may not give. */
export function withTrustedCover(record: BibliographicInput, trust: CoverTrust): BibliographicInput {
  if (record.coverUrl === undefined || trust(record.coverUrl)) return record;
  const { coverUrl: _dropped, ...rest } = record;
  return rest;
}
