import type { Db } from '../../storage/database.js';
import type { Availability, CopyStatus, RecordSummary, Suggestion } from '../model.js';
import type { CoverTrust } from '../source-records.js';
import type { StoredRecord } from '../store.js';
import { themeOfCode } from '../themes.js';
import { comparisonKey, words } from '../text.js';
import { matchExpression } from './match-expression.js';
import type { FacetIndex } from './facet-index.js';
import type { TermList } from './term-list.js';
import { publicRecordId, recordIdOfSearchRowid, type RecordRow } from './rows.js';

type SummaryRow = Pick<
  RecordRow,
  'id' | 'title' | 'subtitle' | 'authors' | 'year' | 'format' | 'language' | 'isbns' | 'theme' | 'cover_url'
>;
interface HoldingCountRow {
  record_id: number;
  library_id: string;
  copies: number;
  available: number;
}
interface CopyRow {
  library_id: string;
  location: string | null;
  call_number: string | null;
  status: CopyStatus;
  due_date: string | null;
}

const MAX_PAGE = 100;

/** Statements with 1..100 `?` for id lists, prepared once each on first use. */
function byIdList<Row>(db: Db, sql: (placeholders: string) => string) {
  const prepared = new Map<number, ReturnType<Db['prepare']>>();
  type Statement = { all(...ids: number[]): unknown[] };
  return (ids: number[]): Row[] => {
    if (!ids.length) return [];
    if (ids.length > MAX_PAGE) throw new RangeError(`At most ${MAX_PAGE} ids at once.`);
    let statement = prepared.get(ids.length);
    if (!statement) {
      statement = db.prepare(sql(ids.map(() => '?').join(', ')));
      prepared.set(ids.length, statement);
    }
    return (statement as unknown as Statement).all(...ids) as Row[];
  };
}

function availabilityOf(rows: HoldingCountRow[], libraryOrder: (id: string) => number): Availability {
  const byLibrary = rows
    .map((row) => ({ library_id: row.library_id, copies: row.copies, available: row.available }))
    .sort((a, b) => libraryOrder(a.library_id) - libraryOrder(b.library_id));
  return {
    copies: byLibrary.reduce((sum, row) => sum + row.copies, 0),
    available: byLibrary.reduce((sum, row) => sum + row.available, 0),
    libraries: byLibrary.length,
    libraries_available: byLibrary.filter((row) => row.available > 0).length,
    by_library: byLibrary,
  };
}

function summaryOf(
  row: SummaryRow,
  holdings: HoldingCountRow[],
  libraryOrder: (id: string) => number,
  trust: CoverTrust,
): RecordSummary {
  const summary: RecordSummary = {
    id: publicRecordId(row.id),
    title: row.title,
    authors: JSON.parse(row.authors),
    format: row.format,
    availability: availabilityOf(holdings, libraryOrder),
  };
  if (row.subtitle !== null) summary.subtitle = row.subtitle;
  if (row.year !== null) summary.year = row.year;
  if (row.language !== null) summary.language = row.language;
  const isbns = JSON.parse(row.isbns) as string[];
  if (isbns.length) summary.isbn = isbns;
  if (row.theme !== null) summary.theme = themeOfCode(row.theme);
  // Checked again on the way out: saved before the operator's list changed, or by an older version.
  if (row.cover_url !== null && trust(row.cover_url)) summary.cover_url = row.cover_url;
  return summary;
}

/** Reading records: the page of a search, one full record, and suggestions while typing. */
export function createRecordReader(db: Db, index: FacetIndex, terms: TermList, trust: CoverTrust) {
  const summaryRows = byIdList<SummaryRow>(
    db,
    (ids) =>
      `SELECT id, title, subtitle, authors, year, format, language, isbns, theme, cover_url
     FROM catalog_records WHERE id IN (${ids})`,
  );
  const holdingRows = byIdList<HoldingCountRow>(
    db,
    (ids) => `SELECT record_id, library_id, copies, available FROM catalog_holdings WHERE record_id IN (${ids})`,
  );
  const recordRow = db.prepare<[number], RecordRow>('SELECT * FROM catalog_records WHERE id = ?');
  const copyRows = db.prepare<[number], CopyRow>(
    'SELECT library_id, location, call_number, status, due_date FROM catalog_copies WHERE record_id = ? ORDER BY id',
  );
  const recordHoldings = db.prepare<[number], HoldingCountRow>(
    'SELECT record_id, library_id, copies, available FROM catalog_holdings WHERE record_id = ?',
  );
  // Suggestions read the first matches in FTS rowid order (shortest titles first) and stop.
  const firstMatches = db
    .prepare<[string, number], number>('SELECT rowid FROM catalog_search WHERE catalog_search MATCH ? LIMIT ?')
    .pluck();
  const titlesAndAuthors = byIdList<{ id: number; title: string; authors: string }>(
    db,
    (ids) => `SELECT id, title, authors FROM catalog_records WHERE id IN (${ids})`,
  );

  const libraryOrder = (id: string) => index.libraryById.get(id)?.bit ?? Number.MAX_SAFE_INTEGER;

  return {
    summaries(ids: number[]): RecordSummary[] {
      const rows = new Map(summaryRows(ids).map((row) => [row.id, row]));
      const holdings = new Map<number, HoldingCountRow[]>();
      for (const row of holdingRows(ids)) {
        const list = holdings.get(row.record_id) ?? [];
        list.push(row);
        holdings.set(row.record_id, list);
      }
      return ids.flatMap((id) => {
        const row = rows.get(id);
        return row ? [summaryOf(row, holdings.get(id) ?? [], libraryOrder, trust)] : [];
      });
    },

    record(id: number): StoredRecord | undefined {
      const row = recordRow.get(id);
      if (!row) return undefined;
      index.refresh();
      const summary = summaryOf(row, recordHoldings.all(id), libraryOrder, trust);
      const copiesByLibrary = new Map<string, StoredRecord['holdings'][number]['copies']>();
      for (const library of summary.availability.by_library) copiesByLibrary.set(library.library_id, []);
      for (const copy of copyRows.all(id)) {
        const copies = copiesByLibrary.get(copy.library_id) ?? [];
        copies.push({
          ...(copy.location !== null && { location: copy.location }),
          ...(copy.call_number !== null && { call_number: copy.call_number }),
          status: copy.status,
          ...(copy.due_date !== null && { due_date: copy.due_date }),
        });
        copiesByLibrary.set(copy.library_id, copies);
      }
      const optional = {
        edition: row.edition,
        publisher: row.publisher,
        place: row.place,
        series: row.series,
        collation: row.collation,
        classification: row.classification,
        notes: row.notes,
      };
      return {
        ...summary,
        ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== null)),
        subjects: JSON.parse(row.subjects),
        holdings: [...copiesByLibrary].map(([libraryId, copies]) => ({ libraryId, copies })),
      };
    },

    /**
     * Titles whose words start with what was typed (shortest first, those that begin with it before those
     * that contain it), then authors met in the matching records, most frequent first.
     */
    suggest(typed: string, limit: number): Suggestion[] {
      const version = index.refresh();
      const expression = matchExpression(typed, { expand: (prefix) => terms.expand(prefix, version) });
      if (!expression) return [];
      const prefix = words(typed).join(' ');
      const titleIds = firstMatches.all(`{title} : (${expression})`, limit * 4).map(recordIdOfSearchRowid);
      const seen = new Set<string>();
      const titles: (Suggestion & { starts: boolean })[] = [];
      for (const row of sortedLike(titleIds, titlesAndAuthors(titleIds))) {
        const key = comparisonKey(row.title);
        if (seen.has(key)) continue;
        seen.add(key);
        titles.push({
          kind: 'title',
          text: row.title,
          record_id: publicRecordId(row.id),
          starts: key.startsWith(prefix),
        });
      }
      const authorIds = firstMatches.all(`{authors} : (${expression})`, 50).map(recordIdOfSearchRowid);
      const authorCounts = new Map<string, { text: string; count: number; starts: boolean }>();
      const typedWords = words(typed);
      for (const row of titlesAndAuthors(authorIds)) {
        for (const author of JSON.parse(row.authors) as string[]) {
          const authorWords = words(author);
          // Only the authors that themselves match: a record's co-author may not.
          const matches = typedWords.every((word, i) =>
            authorWords.some((w) => (i === typedWords.length - 1 ? w.startsWith(word) : w === word)),
          );
          if (!matches) continue;
          const key = authorWords.join(' ');
          const entry = authorCounts.get(key) ?? { text: author, count: 0, starts: key.startsWith(prefix) };
          entry.count++;
          authorCounts.set(key, entry);
        }
      }
      const authors = [...authorCounts.values()].sort(
        (a, b) => Number(b.starts) - Number(a.starts) || b.count - a.count,
      );
      const bestTitles = titles.sort((a, b) => Number(b.starts) - Number(a.starts));
      // Interleave so that neither kind crowds the other out of a short list.
      const out: Suggestion[] = [];
      for (let i = 0; out.length < limit && (i < bestTitles.length || i < authors.length); i++) {
        const title = bestTitles[i];
        if (title) out.push({ kind: 'title', text: title.text, record_id: title.record_id! });
        const author = authors[i];
        if (author && out.length < limit) out.push({ kind: 'author', text: author.text });
      }
      return out;
    },
  };
}

function sortedLike<T extends { id: number }>(ids: number[], rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
