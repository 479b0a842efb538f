import { randomInt } from 'node:crypto';
import type { Db } from '../../storage/database.js';
import type { CopyInput, LibraryHolding } from '../model.js';
import type { SaveOutcome } from '../store.js';
import type { SearchWriteQueue } from './search-queue.js';
import {
  contentHash,
  fromRow,
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
    updateRecord: db.prepare(
      `UPDATE catalog_records SET ${recordColumnNames.map((name) => `${name} = @${name}`).join(', ')},
         change_seq = @change_seq WHERE id = @id`,
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
 */
export function sqliteCatalogWriter(
  db: Db,
  search: SearchWriteQueue,
  currentVersion: () => number,
): SqliteCatalogWriter {
  const statements = statementsFor(db);
  const run = randomInt(1, 2 ** 47);

  function findWork(holding: LibraryHolding): RecordRow | undefined {
    for (const isbn of holding.record.isbns) {
      const id = statements.recordByIsbn.get(isbn);
      if (id !== undefined) return statements.recordById.get(id);
    }
    // Without a shared ISBN, the same title, first author and year is the same work, unless both sides
    // carry ISBNs (then they are different editions).
    const candidates = statements.recordsByMatchKey.all(matchKey(holding.record));
    return candidates.find((row) => !holding.record.isbns.length || row.isbns === '[]');
  }

  function insertWork(holding: LibraryHolding, version: number): number {
    const columns = recordColumns(holding.record);
    const id = Number(statements.insertRecord.run({ ...columns, change_seq: version }).lastInsertRowid);
    search.insert(id, searchRowid(titleLength(holding.record), id), searchColumns(holding.record));
    for (const isbn of holding.record.isbns) statements.insertIsbn.run(isbn, id);
    return id;
  }

  function updateWork(existing: RecordRow, holding: LibraryHolding, version: number): void {
    const before = fromRow(existing);
    const merged = merge(before, holding.record);
    if (contentHash(merged) === existing.content_hash) {
      statements.touchRecord.run(version, existing.id);
      return;
    }
    statements.updateRecord.run({ ...recordColumns(merged), id: existing.id, change_seq: version });
    const searchText = searchColumns(merged);
    // A change outside the indexed text (collation, cover, year) leaves the FTS5 entry as it is.
    if (
      JSON.stringify(searchText) === JSON.stringify(searchColumns(before)) &&
      titleLength(merged) === titleLength(before)
    )
      return;
    search.delete(existing.id, searchRowid(titleLength(before), existing.id));
    search.insert(existing.id, searchRowid(titleLength(merged), existing.id), searchText);
    for (const isbn of merged.isbns) statements.insertIsbn.run(isbn, existing.id);
  }

  function writeCopies(recordId: number, libraryId: string, copies: CopyInput[], isNew: boolean): void {
    const available = copies.filter((copy) => copy.status === 'available').length;
    const firstTimeThisRun = isNew || statements.holdingRun.get(recordId, libraryId) !== run;
    if (firstTimeThisRun) {
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
    const existing = findWork(holding);
    const id = existing ? existing.id : insertWork(holding, version);
    if (existing) updateWork(existing, holding, version);
    writeCopies(id, holding.libraryId, holding.copies, !existing);
    return existing ? 'updated' : 'created';
  }

  return { save };
}

/**
 * A batch in one transaction; when the database refuses it, each holding in a transaction of its own, so that
 * one bad record does not cost the others.
 */
export function saveBatch(
  writer: SqliteCatalogWriter,
  transaction: <T>(work: () => T) => T,
  holdings: LibraryHolding[],
): SaveOutcome[] {
  try {
    return transaction(() => holdings.map((holding) => writer.save(holding)));
  } catch {
    return holdings.map((holding) => {
      try {
        return transaction(() => writer.save(holding));
      } catch (error) {
        return { refused: (error as Error).message };
      }
    });
  }
}
