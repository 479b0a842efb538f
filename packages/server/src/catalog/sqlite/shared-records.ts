import type { Db } from '../../storage/database.js';
import type { LibraryKind } from '../../types.js';
import type { BibliographicInput } from '../model.js';
import { describeSources, rankSources, sharedRecord, type SourceRecord, type WorkSources } from '../source-records.js';
import type { SearchWriteQueue } from './search-queue.js';
import {
  contentHash,
  fromRow,
  recordColumns,
  searchColumns,
  searchRowid,
  titleLength,
  type RecordRow,
} from './rows.js';

interface SourceRow {
  library_id: string;
  kind: LibraryKind;
  name: string;
  record: string;
}

function prepareStatements(db: Db) {
  const columns = Object.keys(recordColumns({ title: '', authors: [], subjects: [], isbns: [], format: 'book' }));
  return {
    recordById: db.prepare<[number], RecordRow>('SELECT * FROM catalog_records WHERE id = ?'),
    sources: db.prepare<[number], SourceRow>(
      `SELECT s.library_id, l.kind, l.name, s.record FROM catalog_sources s JOIN libraries l ON l.id = s.library_id
       WHERE s.record_id = ?`,
    ),
    pinned: db.prepare<[number], string>('SELECT library_id FROM catalog_pins WHERE record_id = ?').pluck(),
    updateRecord: db.prepare(
      `UPDATE catalog_records SET ${columns.map((name) => `${name} = @${name}`).join(', ')},
         change_seq = @change_seq WHERE id = @id`,
    ),
    touchRecord: db.prepare('UPDATE catalog_records SET change_seq = ? WHERE id = ?'),
    insertIsbn: db.prepare('INSERT OR IGNORE INTO catalog_isbns (isbn, record_id) VALUES (?, ?)'),
    // ISBNs only a departed source gave no longer lead to the work.
    dropOtherIsbns: db.prepare(
      'DELETE FROM catalog_isbns WHERE record_id = ? AND isbn NOT IN (SELECT value FROM json_each(?))',
    ),
    deleteRecord: db.prepare('DELETE FROM catalog_records WHERE id = ?'),
    logRemoval: db.prepare(
      `INSERT INTO catalog_removals (record_id, change_seq) VALUES (?, ?)
       ON CONFLICT (record_id) DO UPDATE SET change_seq = excluded.change_seq`,
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

/** A source's JSON as stored; keys of a NULL column never appear (see sources-schema.ts). */
const parseSource = (text: string) => JSON.parse(text) as BibliographicInput;

/**
 * Derives a work's shared record from its source records (the rule is in catalog/source-records.ts) and
 * writes it where searches read it: catalog_records, the FTS index and catalog_isbns. Runs inside the
 * catalogue's write transaction.
 */
export function sharedRecords(db: Db, search: SearchWriteQueue) {
  const statements = statementsFor(db);

  function ranked(recordId: number) {
    const pinned = statements.pinned.get(recordId) ?? null;
    const sources: SourceRecord[] = statements.sources.all(recordId).map((row) => ({
      libraryId: row.library_id,
      libraryKind: row.kind,
      libraryName: row.name,
      record: parseSource(row.record),
    }));
    return { pinned, ranked: rankSources(sources, pinned) };
  }

  /** Removes a work no library describes any more, from the FTS index and (for the facet index) by log. */
  function remove(row: RecordRow, version: number): void {
    search.delete(row.id, searchRowid(titleLength(fromRow(row)), row.id));
    statements.deleteRecord.run(row.id);
    statements.logRemoval.run(row.id, version);
  }

  return {
    /**
     * Recomputes the shared record of a work whose sources or pin changed; answers false when no source is
     * left and the work was removed. The version is recorded even when the record stays the same: its copies
     * changed with it.
     */
    recompute(recordId: number, version: number): boolean {
      const existing = statements.recordById.get(recordId);
      if (!existing) return false;
      const shared = sharedRecord(ranked(recordId).ranked);
      if (!shared) {
        remove(existing, version);
        return false;
      }
      if (contentHash(shared) === existing.content_hash) {
        statements.touchRecord.run(version, recordId);
        return true;
      }
      const before = fromRow(existing);
      statements.updateRecord.run({ ...recordColumns(shared), id: recordId, change_seq: version });
      for (const isbn of shared.isbns) statements.insertIsbn.run(isbn, recordId);
      if (before.isbns.some((isbn) => !shared.isbns.includes(isbn)))
        statements.dropOtherIsbns.run(recordId, JSON.stringify(shared.isbns));
      const searchText = searchColumns(shared);
      // A change outside the indexed text (collation, cover, year) leaves the FTS5 entry as it is.
      if (
        JSON.stringify(searchText) !== JSON.stringify(searchColumns(before)) ||
        titleLength(shared) !== titleLength(before)
      ) {
        search.delete(recordId, searchRowid(titleLength(before), recordId));
        search.insert(recordId, searchRowid(titleLength(shared), recordId), searchText);
      }
      return true;
    },

    /** Who describes a work and whose description is shown; undefined when the work has no source. */
    describe(recordId: number): WorkSources | undefined {
      const { pinned, ranked: sources } = ranked(recordId);
      return describeSources(sources, pinned);
    },
  };
}

export type SharedRecords = ReturnType<typeof sharedRecords>;
