/**
 * The catalogue's wire types come from the contract; the types below them are what importers and the
 * seed hand to the store: one bibliographic record per work, and the copies one library holds of it.
 */
import type { components } from '@pustaka/spec/schema';
import { formatValues } from '@pustaka/spec/values';

type Schemas = components['schemas'];
export type Format = Schemas['Format'];
export type ThemeCode = Schemas['ThemeCode'];
export type Theme = Schemas['Theme'];
export type CopyStatus = Schemas['CopyStatus'];
export type Availability = Schemas['Availability'];
export type RecordSummary = Schemas['RecordSummary'];
export type CatalogRecord = Schemas['CatalogRecord'];
export type Holding = Schemas['Holding'];
export type SearchResult = Schemas['SearchResult'];
export type FacetBucket = Schemas['FacetBucket'];
export type SuggestionList = Schemas['SuggestionList'];
export type Suggestion = SuggestionList['items'][number];
export type ImportReport = Schemas['ImportReport'];
export type ImportProblem = ImportReport['problems'][number];
export type ImportFormat = ImportReport['format'];

/** The contract's formats, in its order (the facet index numbers them by it). */
export const formats: readonly Format[] = formatValues;

/** A work as an importer read it, before it is matched to the catalogue. Text is kept exactly as read. */
export interface BibliographicInput {
  title: string;
  subtitle?: string;
  authors: string[];
  subjects: string[];
  year?: number;
  format: Format;
  /** ISO 639-2 code. */
  language?: string;
  /** ISBN-13s, validated. */
  isbns: string[];
  /** DDC as catalogued ("899.221 3", "2X4.1"). */
  classification?: string;
  theme?: ThemeCode;
  edition?: string;
  publisher?: string;
  place?: string;
  series?: string;
  collation?: string;
  notes?: string;
  coverUrl?: string;
}

/** One copy on a library's shelf. */
export interface CopyInput {
  /** Barcode or item code: lets a re-import recognise the copy. */
  itemCode?: string;
  location?: string;
  callNumber?: string;
  status: CopyStatus;
  /** For copies on loan (YYYY-MM-DD). */
  dueDate?: string;
}

/** What one library says about one work: the record and its copies there. */
export interface LibraryHolding {
  record: BibliographicInput;
  libraryId: string;
  copies: CopyInput[];
}
