import type { BibliographicInput } from '../model.js';
import { formatOfGmd } from '../formats.js';
import { parseIsbn } from '../isbn.js';
import { languageCode } from '../languages.js';
import { themeOf } from '../themes.js';
import { coverUrl, yearIn, type FieldProblem, type Mapped } from './mapped.js';
import type { SlimsColumn } from './slims-csv.js';

/**
 * Several values in one cell, the SLiMS way: `<Hirata, Andrea><Editor, Some>`. A cell without angle
 * brackets holds one value, or several separated by semicolons (spreadsheets made by hand).
 */
export function multiValues(cell: string | undefined): string[] {
  if (!cell?.trim()) return [];
  const bracketed = [...cell.matchAll(/<([^<>]*)>/g)].map((match) => match[1]!.trim());
  const values = bracketed.length ? bracketed : cell.split(';').map((value) => value.trim());
  return [...new Set(values.filter(Boolean))];
}

const nonEmpty = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** One SLiMS export row → our record and this library's copies (one per item code, on the shelf). */
export function mapSlimsRow(values: Partial<Record<SlimsColumn, string>>, libraryId: string): Mapped {
  const ignored: FieldProblem[] = [];
  const title = nonEmpty(values.title);
  if (!title) return { skipped: { field: 'title', reason: 'The title is empty.' }, ignored };

  let format = formatOfGmd(values.gmd_name ?? '');
  if (!format) {
    ignored.push({
      field: 'gmd_name',
      reason: `"${values.gmd_name}" is not a known GMD; the record was filed as a book.`,
    });
    format = 'book';
  }

  const isbns: string[] = [];
  const isbnCell = nonEmpty(values.isbn_issn);
  // An ISSN (serials) is 8 characters; it identifies the serial, not a book, and is not an ISBN.
  if (isbnCell && !/^\d{4}-?\d{3}[\dXx]$/.test(isbnCell)) {
    for (const candidate of isbnCell.split(/[;,/]|\s{2,}/)) {
      if (!candidate.trim()) continue;
      const parsed = parseIsbn(candidate);
      if ('isbn13' in parsed) isbns.push(parsed.isbn13);
      else ignored.push({ field: 'isbn_issn', reason: `${parsed.error} It was left out.` });
    }
  }

  const yearCell = nonEmpty(values.publish_year);
  const year = yearIn(yearCell);
  if (yearCell && year === undefined)
    ignored.push({ field: 'publish_year', reason: `"${yearCell}" holds no year; it was left out.` });

  const languageCell = nonEmpty(values.language_name);
  const language = languageCell ? languageCode(languageCell) : undefined;
  if (languageCell && !language)
    ignored.push({
      field: 'language_name',
      reason: `"${languageCell}" is not a language this importer knows; it was left out.`,
    });

  const callNumber = nonEmpty(values.call_number);
  const classification = nonEmpty(values.classification);
  const authors = multiValues(values.authors);
  // Without authors, the statement of responsibility ("Andrea Hirata") is the best name there is.
  const sor = nonEmpty(values.sor);
  if (!authors.length && sor) authors.push(sor);

  const record: BibliographicInput = {
    title,
    authors,
    subjects: multiValues(values.topics),
    format,
    isbns: [...new Set(isbns)],
  };
  const optional: Partial<BibliographicInput> = {
    year,
    language,
    classification,
    theme: themeOf(classification, callNumber),
    edition: nonEmpty(values.edition),
    publisher: nonEmpty(values.publisher_name),
    place: nonEmpty(values.place_name),
    series: nonEmpty(values.series_title),
    collation: nonEmpty(values.collation),
    notes: nonEmpty(values.notes),
    coverUrl: coverUrl(values.image),
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) (record as unknown as Record<string, unknown>)[key] = value;

  const copies = multiValues(values.item_code).map((itemCode) => ({
    itemCode,
    ...(callNumber && { callNumber }),
    status: 'available' as const,
  }));
  return { holding: { record, libraryId, copies }, ignored };
}
