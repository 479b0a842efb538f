import type { Db } from '../../storage/database.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { coverTrust, type CoverTrust } from '../source-records.js';
import type { CatalogStore } from '../store.js';
import { FacetIndex } from './facet-index.js';
import { createRecordReader } from './records.js';
import { internalRecordId } from './rows.js';
import { createSearch } from './search.js';
import { searchWriteQueue } from './search-queue.js';
import { sharedRecords } from './shared-records.js';
import { TermList } from './term-list.js';
import { saveBatch, sqliteCatalogWriter } from './writer.js';

export interface SqliteCatalogOptions {
  /** Which cover addresses may be saved and shown (default: paths on this server only). */
  coverTrust?: CoverTrust;
}

/** Works a library's withdrawal handles per transaction: short enough that searches answer in between. */
const WITHDRAW_BATCH = 500;

/** The catalogue on SQLite: FTS5 for words, an in-memory facet index for filters and counts. */
export function sqliteCatalogStore(db: Db, options: SqliteCatalogOptions = {}): CatalogStore {
  const trust = options.coverTrust ?? coverTrust();
  const index = new FacetIndex(db);
  const terms = new TermList();
  const search = createSearch(db, index, terms);
  const reader = createRecordReader(db, index, terms, trust);
  const versionStatement = db.prepare<[], number>('SELECT version FROM catalog_state WHERE id = 1').pluck();
  const bumpVersion = db
    .prepare<[], number>('UPDATE catalog_state SET version = version + 1 WHERE id = 1 RETURNING version')
    .pluck();
  const countStatement = db.prepare<[], number>('SELECT count(*) FROM catalog_records').pluck();
  const searchQueue = searchWriteQueue(db);
  const shared = sharedRecords(db, searchQueue);
  const statements = {
    recordExists: db.prepare<[number], number>('SELECT 1 FROM catalog_records WHERE id = ?').pluck(),
    hasSource: db
      .prepare<[number, string], number>('SELECT 1 FROM catalog_sources WHERE record_id = ? AND library_id = ?')
      .pluck(),
    pin: db.prepare(
      `INSERT INTO catalog_pins (record_id, library_id) VALUES (?, ?)
       ON CONFLICT (record_id) DO UPDATE SET library_id = excluded.library_id`,
    ),
    unpin: db.prepare('DELETE FROM catalog_pins WHERE record_id = ?'),
    sourcesOfLibrary: db
      .prepare<[string, number], number>('SELECT record_id FROM catalog_sources WHERE library_id = ? LIMIT ?')
      .pluck(),
    // Holdings without a source record cannot be written since sources exist; read once, as a safety net.
    holdingsOfLibrary: db
      .prepare<[string], number>('SELECT record_id FROM catalog_holdings WHERE library_id = ?')
      .pluck(),
    withdraw: [
      db.prepare('DELETE FROM catalog_copies WHERE record_id = ? AND library_id = ?'),
      db.prepare('DELETE FROM catalog_holdings WHERE record_id = ? AND library_id = ?'),
      db.prepare('DELETE FROM catalog_sources WHERE record_id = ? AND library_id = ?'),
      db.prepare('DELETE FROM catalog_pins WHERE record_id = ? AND library_id = ?'),
    ],
  };
  let writingVersion: number | undefined;

  /** One catalogue version: the synchronous better-sqlite3 transaction every write of a batch runs in. */
  function transaction<T>(work: () => T): T {
    return db.transaction(() => {
      writingVersion = bumpVersion.get();
      try {
        const result = work();
        searchQueue.flush();
        return result;
      } catch (error) {
        searchQueue.discard();
        throw error;
      } finally {
        writingVersion = undefined;
      }
    })();
  }

  const currentVersion = () => {
    if (writingVersion === undefined) throw new Error("Catalogue writes run inside the store's transaction().");
    return writingVersion;
  };

  return {
    async search(query) {
      const match = search(query);
      return { total: match.total, items: reader.summaries(match.ids), facets: match.facets };
    },
    warmed: () => search.warmed(),
    suggest: async (text, limit) => reader.suggest(text, limit),
    async get(recordId) {
      const id = internalRecordId(recordId);
      return id === undefined ? undefined : reader.record(id);
    },
    version: async () => versionStatement.get() ?? 0,
    count: async () => countStatement.get() ?? 0,
    async beginRun() {
      const writer = sqliteCatalogWriter(db, searchQueue, shared, trust, currentVersion);
      return { saveBatch: async (holdings) => saveBatch(writer, transaction, holdings) };
    },
    async sources(recordId) {
      const id = internalRecordId(recordId);
      return id === undefined ? undefined : shared.describe(id);
    },
    async pinSource(recordId, libraryId) {
      const id = internalRecordId(recordId);
      if (id === undefined || !statements.recordExists.get(id)) return undefined;
      if (libraryId !== null && !statements.hasSource.get(id, libraryId)) return 'not_held';
      return transaction(() => {
        if (libraryId === null) statements.unpin.run(id);
        else statements.pin.run(id, libraryId);
        shared.recompute(id, currentVersion());
        return shared.describe(id);
      });
    },
    async withdrawLibrary(libraryId) {
      let works = 0;
      let removed = 0;
      const withdraw = (ids: number[]) =>
        transaction(() => {
          for (const id of ids) {
            for (const statement of statements.withdraw) statement.run(id, libraryId);
            if (!shared.recompute(id, currentVersion())) removed++;
          }
          works += ids.length;
        });
      for (;;) {
        const ids = statements.sourcesOfLibrary.all(libraryId, WITHDRAW_BATCH);
        if (!ids.length) break;
        withdraw(ids);
        await nextTurn();
      }
      const stray = statements.holdingsOfLibrary.all(libraryId);
      if (stray.length) withdraw(stray);
      return { works, removed };
    },
  };
}
