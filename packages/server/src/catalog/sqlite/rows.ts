import { createHash } from 'node:crypto';
import type { BibliographicInput, Format, ThemeCode } from '../model.js';
import { comparisonKey, indexText } from '../text.js';
import { toIsbn10 } from '../isbn.js';

/** A catalog_records row as SQLite answers it. */
export interface RecordRow {
  id: number;
  title: string;
  subtitle: string | null;
  authors: string;
  subjects: string;
  isbns: string;
  year: number | null;
  format: Format;
  language: string | null;
  theme: ThemeCode | null;
  classification: string | null;
  edition: string | null;
  publisher: string | null;
  place: string | null;
  series: string | null;
  collation: string | null;
  notes: string | null;
  cover_url: string | null;
  match_key: string;
  title_key: string;
  content_hash: string;
  change_seq: number;
}

const TWO_TO_32 = 2 ** 32;
/** Longest title length kept in the search rowid (10 bits); longer titles rank together. */
const MAX_TITLE_LENGTH = 1023;

/** The FTS rowid of a record: title length in the high bits, record id in the low 32 bits. */
export const searchRowid = (titleLength: number, id: number) =>
  Math.min(titleLength, MAX_TITLE_LENGTH) * TWO_TO_32 + id;
export const recordIdOfSearchRowid = (rowid: number) => rowid % TWO_TO_32;

/** Record ids on the wire: `rec_` and the id in base 36. */
export const publicRecordId = (id: number) => `rec_${id.toString(36)}`;
export function internalRecordId(publicId: string): number | undefined {
  const id = Number.parseInt(publicId.slice(4), 36);
  return Number.isSafeInteger(id) && id > 0 && publicRecordId(id) === publicId ? id : undefined;
}

/** Title, first author (its words in any order: "Hirata, Andrea" = "Andrea Hirata") and year. */
export function matchKey(record: BibliographicInput): string {
  const author = comparisonKey(record.authors[0] ?? '')
    .split(' ')
    .sort()
    .join(' ');
  return `${comparisonKey(record.title)}|${author}|${record.year ?? ''}`;
}

export function fromRow(row: RecordRow): BibliographicInput {
  const record: BibliographicInput = {
    title: row.title,
    authors: JSON.parse(row.authors),
    subjects: JSON.parse(row.subjects),
    isbns: JSON.parse(row.isbns),
    format: row.format,
  };
  if (row.subtitle !== null) record.subtitle = row.subtitle;
  if (row.year !== null) record.year = row.year;
  if (row.language !== null) record.language = row.language;
  if (row.theme !== null) record.theme = row.theme;
  if (row.classification !== null) record.classification = row.classification;
  if (row.edition !== null) record.edition = row.edition;
  if (row.publisher !== null) record.publisher = row.publisher;
  if (row.place !== null) record.place = row.place;
  if (row.series !== null) record.series = row.series;
  if (row.collation !== null) record.collation = row.collation;
  if (row.notes !== null) record.notes = row.notes;
  if (row.cover_url !== null) record.coverUrl = row.cover_url;
  return record;
}

/**
 * One library's two records of a work in one file (two copies catalogued apart): what the later one says wins,
 * what it leaves out is kept, ISBNs accumulate. Never across libraries: each keeps its own source record
 * (catalog/source-records.ts).
 */
export function merge(existing: BibliographicInput, incoming: BibliographicInput): BibliographicInput {
  const merged: BibliographicInput = { ...existing };
  for (const [key, value] of Object.entries(incoming) as [keyof BibliographicInput, unknown][]) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    (merged as unknown as Record<string, unknown>)[key] = value;
  }
  merged.isbns = [...new Set([...existing.isbns, ...incoming.isbns])];
  return merged;
}

export const contentHash = (record: BibliographicInput) =>
  createHash('sha1')
    .update(JSON.stringify(record, Object.keys(record).sort()))
    .digest('base64url');

/** Values of catalog_records' columns for a record (without id, search_rowid and change_seq). */
export function recordColumns(record: BibliographicInput) {
  return {
    title: record.title,
    subtitle: record.subtitle ?? null,
    authors: JSON.stringify(record.authors),
    subjects: JSON.stringify(record.subjects),
    isbns: JSON.stringify(record.isbns),
    year: record.year ?? null,
    format: record.format,
    language: record.language ?? null,
    theme: record.theme ?? null,
    classification: record.classification ?? null,
    edition: record.edition ?? null,
    publisher: record.publisher ?? null,
    place: record.place ?? null,
    series: record.series ?? null,
    collation: record.collation ?? null,
    notes: record.notes ?? null,
    cover_url: record.coverUrl ?? null,
    match_key: matchKey(record),
    title_key: comparisonKey(record.title),
    content_hash: contentHash(record),
  };
}

/** The text of the four FTS columns. ISBNs are indexed in both forms so a typed ISBN-10 finds it too. */
export function searchColumns(record: BibliographicInput) {
  const isbns = record.isbns.flatMap((isbn) => [isbn, toIsbn10(isbn) ?? '']).join(' ');
  return {
    title: indexText(record.title, record.subtitle),
    authors: indexText(...record.authors),
    subjects: indexText(...record.subjects),
    other: indexText(
      record.publisher,
      record.place,
      record.series,
      record.edition,
      record.classification,
      record.notes,
      isbns,
    ),
  };
}

/** Length of the folded title and subtitle: the tie-breaker of relevance (shorter: more specific). */
export const titleLength = (record: BibliographicInput) =>
  comparisonKey(`${record.title} ${record.subtitle ?? ''}`).length;
