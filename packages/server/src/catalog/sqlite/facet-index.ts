import { libraryKindValues } from '@pustaka/spec/values';
import type { Db } from '../../storage/database.js';
import type { LibraryKind } from '../../types.js';
import { formats, type Format, type ThemeCode } from '../model.js';

/** The contract's library kinds, in its order (a kind's bit in the facet counts is its place here). */
export const libraryKinds: readonly LibraryKind[] = libraryKindValues;
/** Libraries in the order people expect them listed: the city library first (as GET /v1/libraries). */
const libraryOrder = `CASE kind WHEN 'public' THEN 0 WHEN 'university' THEN 1 WHEN 'school' THEN 2
  WHEN 'company' THEN 3 ELSE 4 END, name`;

export interface IndexedLibrary {
  id: string;
  kind: LibraryKind;
  /** Position of the library's bit in the per-record masks. */
  bit: number;
}

const formatIndex = new Map(formats.map((format, index) => [format, index]));
/** Themes as 1..10 ('000' → 1); 0 is "no class number". */
export const themeIndexOf = (theme: ThemeCode | null) => (theme ? Number(theme[0]) + 1 : 0);
export const themeOfIndex = (index: number) => `${index - 1}00` as ThemeCode;

type RecordFacetRow = [
  id: number,
  format: Format,
  theme: ThemeCode | null,
  language: string | null,
  year: number | null,
];
type HoldingRow = [recordId: number, libraryId: string, available: number];

/**
 * Where each facet value sits in a record's first word (`packed`): bit 0 "present", then format (4 bits),
 * theme (4), year (12, 0 = unknown) and language (11, index into `languages`; 0 = unknown).
 */
export const PRESENT = 1;
export const formatOf = (packed: number) => (packed >>> 1) & 15;
export const themeOf = (packed: number) => (packed >>> 5) & 15;
export const yearOf = (packed: number) => (packed >>> 9) & 4095;
export const languageOf = (packed: number) => packed >>> 21;
/** Languages past this many distinct codes count as unknown (MARC's code list has about 500). */
const MAX_LANGUAGES = 2047;

/**
 * The facet values of every record in one typed array indexed by record id, kept in memory next to SQLite.
 *
 * Why: facets must count the whole match, and a common word matches a tenth of a million-record catalogue.
 * Joining 100,000 FTS matches to their rows costs about 1 µs each in SQLite (100 ms); reading the matched ids
 * and counting here costs a few ns each. Libraries are bits in per-record masks (holds a copy / has one
 * on the shelf), so "available now in these libraries" is a bitwise AND.
 *
 * Layout: `stride` 32-bit words per record, interleaved (packed values, then `words` words of "holds a copy",
 * then `words` words of "has one on the shelf"), 12 bytes per record for up to 32 libraries. One record is
 * one memory read: with separate arrays per facet, counting a large match waited on six cache misses per
 * record (about 200 ns; a million-record catalogue does not fit in the CPU caches).
 *
 * The index follows catalog_state.version: when it moved, records whose change_seq is newer are re-read
 * (all of them on first use or when the set of libraries changed), and removed ones (catalog_removals) cleared.
 */
export class FacetIndex {
  seenVersion = -1;
  /** How many times every record was (re)read: on first use, and when the set of libraries changed. */
  fullLoads = 0;
  capacity = 0;
  /** Highest record id + 1. */
  end = 1;
  /** Per record: packed values, held masks, available masks (see above). */
  data = new Uint32Array(0);
  /** 32-bit mask words per record and per mask kind: one per 32 libraries. */
  words = 1;
  stride = 3;
  libraries: IndexedLibrary[] = [];
  libraryById = new Map<string, IndexedLibrary>();
  /** Language codes by index; index 0 is "unknown". */
  languages: string[] = [''];
  languageIndex = new Map<string, number>();

  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      version: db.prepare<[], number>('SELECT version FROM catalog_state WHERE id = 1').pluck(),
      libraries: db.prepare<[], { id: string; kind: LibraryKind }>(
        `SELECT id, kind FROM libraries ORDER BY ${libraryOrder}`,
      ),
      maxId: db.prepare<[], number | null>('SELECT max(id) FROM catalog_records').pluck(),
      // A full load reads the catalogue in slices of ids, each slice as one string (see loadAll).
      recordSlice: db
        .prepare<[number, number], string | null>(
          `SELECT group_concat(id || char(31) || format || char(31) || ifnull(theme, '') || char(31) ||
           ifnull(language, '') || char(31) || ifnull(year, 0), char(30))
         FROM catalog_records WHERE id > ? AND id <= ?`,
        )
        .pluck(),
      holdingSlice: db
        .prepare<[number, number], string | null>(
          `SELECT group_concat(record_id || char(31) || library_id || char(31) || (available > 0), char(30))
         FROM catalog_holdings WHERE record_id > ? AND record_id <= ?`,
        )
        .pluck(),
      changedRecords: db
        .prepare('SELECT id, format, theme, language, year FROM catalog_records WHERE change_seq > ?')
        .raw(),
      removedRecords: db
        .prepare<[number], number>('SELECT record_id FROM catalog_removals WHERE change_seq > ?')
        .pluck(),
      changedHoldings: db
        .prepare(
          `SELECT h.record_id, h.library_id, h.available FROM catalog_holdings h
         JOIN catalog_records r ON r.id = h.record_id WHERE r.change_seq > ?`,
        )
        .raw(),
    };
  }

  /** Brings the index up to the catalogue's version; answers that version. */
  refresh(): number {
    const version = this.statements.version.get() ?? 0;
    if (version === this.seenVersion) return version;
    const libraries = this.statements.libraries.all();
    const librariesChanged =
      libraries.length !== this.libraries.length ||
      libraries.some((library, i) => library.id !== this.libraries[i]!.id);
    const full = this.seenVersion < 0 || librariesChanged;
    if (full) this.fullLoads++;
    if (librariesChanged) this.setLibraries(libraries);
    const maxId = this.statements.maxId.get() ?? 0;
    this.ensureCapacity(maxId + 1, full);
    if (full) this.loadAll(maxId);
    else {
      // Removals first: an id freed by a removal and taken again by a newer work is then set by the latter.
      for (const id of this.statements.removedRecords.iterate(this.seenVersion) as IterableIterator<number>)
        this.clearRecord(id);
      for (const row of this.statements.changedRecords.iterate(this.seenVersion) as IterableIterator<RecordFacetRow>)
        this.setRecord(row);
      for (const row of this.statements.changedHoldings.iterate(this.seenVersion) as IterableIterator<HoldingRow>)
        this.setHolding(...row);
    }
    this.seenVersion = version;
    return version;
  }

  /**
   * Reads every record and holding, 200,000 record ids at a time, each slice as one `group_concat` string.
   * Why: row by row, a million works and two million holdings took 4 to 6 s to hand over to JavaScript
   * (most of a server's start); as strings, about a third of that, and the strings of one slice stay small.
   */
  private loadAll(maxId: number): void {
    const slice = 200_000;
    for (let from = 0; from < maxId; from += slice) {
      eachRow(this.statements.recordSlice.get(from, from + slice) ?? null, 5, (row) => {
        this.setRecord([
          Number(row[0]),
          row[1] as Format,
          (row[2] || null) as ThemeCode | null,
          row[3] || null,
          Number(row[4]),
        ]);
      });
      eachRow(this.statements.holdingSlice.get(from, from + slice) ?? null, 3, (row) => {
        this.setHolding(Number(row[0]), row[1]!, row[2] === '1' ? 1 : 0);
      });
    }
  }

  private setHolding(recordId: number, libraryId: string, available: number): void {
    const library = this.libraryById.get(libraryId);
    if (!library) return;
    const word = recordId * this.stride + 1 + (library.bit >>> 5);
    const bit = 1 << (library.bit & 31);
    this.data[word]! |= bit;
    if (available > 0) this.data[word + this.words]! |= bit;
  }

  languageIndexOf(code: string): number | undefined {
    return this.languageIndex.get(code);
  }

  /** The packed facet values of a record (0 when it is not in the catalogue). */
  packed(id: number): number {
    return id < this.end ? this.data[id * this.stride]! : 0;
  }

  /** Ids of the first `limit` records of the catalogue, ascending. */
  firstIds(limit: number): Uint32Array {
    const ids = new Uint32Array(Math.min(limit, this.end));
    let n = 0;
    for (let id = 1; id < this.end && n < ids.length; id++) if (this.data[id * this.stride]! & PRESENT) ids[n++] = id;
    return ids.subarray(0, n);
  }

  private setLibraries(libraries: { id: string; kind: LibraryKind }[]): void {
    this.libraries = libraries.map((library, bit) => ({ ...library, bit }));
    this.libraryById = new Map(this.libraries.map((library) => [library.id, library]));
    this.words = Math.max(1, Math.ceil(libraries.length / 32));
    this.stride = 1 + 2 * this.words;
  }

  private setRecord([id, format, theme, language, year]: RecordFacetRow): void {
    // Years outside 1..2100 (the contract's range) count as unknown.
    const knownYear = year && year > 0 && year <= 2100 ? year : 0;
    const base = id * this.stride;
    this.data[base] =
      (PRESENT |
        ((formatIndex.get(format) ?? 0) << 1) |
        (themeIndexOf(theme) << 5) |
        (knownYear << 9) |
        ((language ? this.internLanguage(language) : 0) << 21)) >>>
      0;
    // Holdings are re-read for every changed record: clear its masks first.
    this.data.fill(0, base + 1, base + this.stride);
    if (id >= this.end) this.end = id + 1;
  }

  /** A work no library holds any more: absent from every count and list. */
  private clearRecord(id: number): void {
    if (id < this.end) this.data.fill(0, id * this.stride, (id + 1) * this.stride);
  }

  private internLanguage(code: string): number {
    let index = this.languageIndex.get(code);
    if (index === undefined) {
      if (this.languages.length > MAX_LANGUAGES) return 0;
      index = this.languages.length;
      this.languages.push(code);
      this.languageIndex.set(code, index);
    }
    return index;
  }

  /** Grows the arrays (by half again, to keep imports from reallocating per batch); `reset` empties them. */
  private ensureCapacity(needed: number, reset: boolean): void {
    if (!reset && needed <= this.capacity) return;
    const capacity = reset ? Math.max(needed, 1024) : Math.max(needed, Math.ceil(this.capacity * 1.5));
    const data = new Uint32Array(capacity * this.stride);
    if (!reset) data.set(this.data);
    this.data = data;
    this.capacity = capacity;
    if (reset) this.end = 1;
  }
}

/**
 * Calls `each` with the fields of every row of a `group_concat` of `width` fields joined by char(31), rows
 * by char(30). One array is reused for every row (a million rows: no million arrays).
 */
function eachRow(list: string | null, width: number, each: (row: string[]) => void): void {
  if (!list) return;
  const row = new Array<string>(width);
  let start = 0;
  while (start < list.length) {
    for (let field = 0; field < width; field++) {
      let end = list.indexOf(field < width - 1 ? '\x1f' : '\x1e', start);
      if (end < 0) end = list.length;
      row[field] = list.slice(start, end);
      start = end + 1;
    }
    each(row);
  }
}
