import { randomInt } from 'node:crypto';
import type { Db } from '../../storage/database.js';
import type { BibliographicInput, CopyInput, LibraryHolding } from '../model.js';
import { withTrustedCover, type CoverTrust } from '../source-records.js';
import type { SaveOutcome } from '../store.js';
import { storageFailureOf } from '../import/storage-failure.js';
import type { SearchWriteQueue } from './search-queue.js';
import type { SharedRecords } from './shared-records.js';
import {
  contentHash,
  matchKey,
  merge,
  recordColumns,
  searchColumns,
  searchRowid,
  titleLength,
  type RecordRow,
} from './rows.js';

const recordColumnNames = [
  'title',
  'subtitle',
  'authors',
  'subjects',
  'isbns',
  'year',
  'format',
  'language',
  'theme',
  'classification',
  'edition',
  'publisher',
  'place',
  'series',
  'collation',
  'notes',
  'cover_url',
  'match_key',
  'title_key',
  'content_hash',
];

/** Prepared once per database: an import writes tens of thousands of records through them. */
function prepareStatements(db: Db) {
  return {
    recordByIsbn: db.prepare<[string], number>('SELECT record_id FROM catalog_isbns WHERE isbn = ?').pluck(),
    recordById: db.prepare<[number], RecordRow>('SELECT * FROM catalog_records WHERE id = ?'),
    recordsByMatchKey: db.prepare<[string], RecordRow>('SELECT * FROM catalog_records WHERE match_key = ? ORDER BY id'),
    insertRecord: db.prepare(
      `INSERT INTO catalog_records (${recordColumnNames.join(', ')}, change_seq)
       VALUES (${recordColumnNames.map((name) => `@${name}`).join(', ')}, @change_seq)`,
    ),
    sourceOf: db.prepare<[number, string], { record: string; content_hash: string }>(
      'SELECT record, content_hash FROM catalog_sources WHERE record_id = ? AND library_id = ?',
    ),
    upsertSource: db.prepare(
      `INSERT INTO catalog_sources (record_id, library_id, record, content_hash) VALUES (?, ?, ?, ?)
       ON CONFLICT (record_id, library_id) DO UPDATE SET record = excluded.record, content_hash = excluded.content_hash`,
    ),
    touchRecord: db.prepare('UPDATE catalog_records SET change_seq = ? WHERE id = ?'),
    insertIsbn: db.prepare('INSERT OR IGNORE INTO catalog_isbns (isbn, record_id) VALUES (?, ?)'),
    holdingRun: db
      .prepare<[number, string], number>('SELECT run FROM catalog_holdings WHERE record_id = ? AND library_id = ?')
      .pluck(),
    deleteCopies: db.prepare('DELETE FROM catalog_copies WHERE record_id = ? AND library_id = ?'),
    insertCopy: db.prepare(
      `INSERT INTO catalog_copies (record_id, library_id, item_code, location, call_number, status, due_date)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    replaceHolding: db.prepare(
      `INSERT INTO catalog_holdings (record_id, library_id, copies, available, run) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (record_id, library_id) DO UPDATE SET copies = excluded.copies,
         available = excluded.available, run = excluded.run`,
    ),
    addToHolding: db.prepare(
      'UPDATE catalog_holdings SET copies = copies + ?, available = available + ? WHERE record_id = ? AND library_id = ?',
    ),
  };
}

type Statements = ReturnType<typeof prepareStatements>;
const prepared = new WeakMap<Db, Statements>();
function statementsFor(db: Db): Statements {
  let statements = prepared.get(db);
  if (!statements) prepared.set(db, (statements = prepareStatements(db)));
  return statements;
}

/** Writes one holding inside the catalogue's current write transaction; answers whether the work was new. */
export interface SqliteCatalogWriter {
  save(holding: LibraryHolding): 'created' | 'updated';
}

/**
 * Writes one run (an import or the seed), with the semantics of CatalogRun (catalog/store.ts). The run is
 * remembered in catalog_holdings.run rather than in memory, so a 1M-record import does not grow.
 *
 * A holding changes only what its library says: its source record of the work (catalog_sources) and its copies.
 * The shared record is then derived again from every library's source (shared-records.ts), never overwritten.
 */
export function sqliteCatalogWriter(
  db: Db,
  search: SearchWriteQueue,
  shared: SharedRecords,
  trust: CoverTrust,
  currentVersion: () => number,
): SqliteCatalogWriter {
  const statements = statementsFor(db);
  const run = randomInt(1, 2 ** 47);

  function findWork(record: BibliographicInput): RecordRow | undefined {
    for (const isbn of record.isbns) {
      const id = statements.recordByIsbn.get(isbn);
      if (id !== undefined) return statements.recordById.get(id);
    }
    // Without a shared ISBN, the same title, first author and year is the same work, unless both sides
    // carry ISBNs (then they are different editions).
    const candidates = statements.recordsByMatchKey.all(matchKey(record));
    return candidates.find((row) => !record.isbns.length || row.isbns === '[]');
  }

  function insertWork(record: BibliographicInput, version: number): number {
    const columns = recordColumns(record);
    const id = Number(statements.insertRecord.run({ ...columns, change_seq: version }).lastInsertRowid);
    search.insert(id, searchRowid(titleLength(record), id), searchColumns(record));
    for (const isbn of record.isbns) statements.insertIsbn.run(isbn, id);
    return id;
  }

  /**
   * Stores the library's description; answers whether the shared record may have changed. It cannot when the
   * description is the one stored, nor when it is the shared record itself (the common case: libraries
   * cataloguing from the same source), which then stays the best as it was, with every ISBN already in it.
   */
  function saveSource(work: RecordRow, libraryId: string, record: BibliographicInput, firstTimeThisRun: boolean) {
    const stored = statements.sourceOf.get(work.id, libraryId);
    // The same work twice in one file: the second record adds to the first, as its copies do.
    const source = firstTimeThisRun || !stored ? record : merge(JSON.parse(stored.record), record);
    const hash = contentHash(source);
    if (stored?.content_hash === hash) return false;
    statements.upsertSource.run(work.id, libraryId, JSON.stringify(source), hash);
    return hash !== work.content_hash;
  }

  function writeCopies(recordId: number, libraryId: string, copies: CopyInput[], replace: boolean, isNew: boolean) {
    const available = copies.filter((copy) => copy.status === 'available').length;
    if (replace) {
      if (!isNew) statements.deleteCopies.run(recordId, libraryId);
      statements.replaceHolding.run(recordId, libraryId, copies.length, available, run);
    } else {
      statements.addToHolding.run(copies.length, available, recordId, libraryId);
    }
    for (const copy of copies) {
      statements.insertCopy.run(
        recordId,
        libraryId,
        copy.itemCode ?? null,
        copy.location ?? null,
        copy.callNumber ?? null,
        copy.status,
        copy.dueDate ?? null,
      );
    }
  }

  function save(holding: LibraryHolding): 'created' | 'updated' {
    const version = currentVersion();
    const record = withTrustedCover(holding.record, trust);
    const existing = findWork(record);
    if (!existing) {
      const id = insertWork(record, version);
      statements.upsertSource.run(id, holding.libraryId, JSON.stringify(record), contentHash(record));
      writeCopies(id, holding.libraryId, holding.copies, true, true);
      return 'created';
    }
    const firstTimeThisRun = statements.holdingRun.get(existing.id, holding.libraryId) !== run;
    if (saveSource(existing, holding.libraryId, record, firstTimeThisRun)) shared.recompute(existing.id, version);
    else statements.touchRecord.run(version, existing.id);
    writeCopies(existing.id, holding.libraryId, holding.copies, firstTimeThisRun, false);
    return 'updated';
  }

  return { save };
}

/**
 * A batch in one transaction; when the database refuses it, each holding in a transaction of its own, so that
 * one bad record does not cost the others. A refusal by the storage itself (disk full, I/O error, read-only,
 * locked: catalog/import/storage-failure.ts) is about no record and would refuse every one: it is thrown as
 * SQLite raised it, with its result code, and the run stops there.
 */
export function saveBatch(
  writer: SqliteCatalogWriter,
  transaction: <T>(work: () => T) => T,
  holdings: LibraryHolding[],
): SaveOutcome[] {
  try {
    return transaction(() => holdings.map((holding) => writer.save(holding)));
  } catch (error) {
    if (storageFailureOf(error)) throw error;
    return holdings.map((holding) => {
      try {
        return transaction(() => writer.save(holding));
      } catch (error) {
        if (storageFailureOf(error)) throw error;
        return { refused: (error as Error).message };
      }
    });
  }
}
