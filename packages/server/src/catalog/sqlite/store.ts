import type { Db } from '../../storage/database.js';
import type { CatalogStore } from '../store.js';
import { FacetIndex } from './facet-index.js';
import { createRecordReader } from './records.js';
import { internalRecordId } from './rows.js';
import { createSearch } from './search.js';
import { searchWriteQueue } from './search-queue.js';
import { TermList } from './term-list.js';
import { saveBatch, sqliteCatalogWriter } from './writer.js';

/** The catalogue on SQLite: FTS5 for words, an in-memory facet index for filters and counts. */
export function sqliteCatalogStore(db: Db): CatalogStore {
  const index = new FacetIndex(db);
  const terms = new TermList();
  const search = createSearch(db, index, terms);
  const reader = createRecordReader(db, index, terms);
  const versionStatement = db.prepare<[], number>('SELECT version FROM catalog_state WHERE id = 1').pluck();
  const bumpVersion = db
    .prepare<[], number>('UPDATE catalog_state SET version = version + 1 WHERE id = 1 RETURNING version')
    .pluck();
  const countStatement = db.prepare<[], number>('SELECT count(*) FROM catalog_records').pluck();
  const searchQueue = searchWriteQueue(db);
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
      const writer = sqliteCatalogWriter(db, searchQueue, currentVersion);
      return { saveBatch: async (holdings) => saveBatch(writer, transaction, holdings) };
    },
  };
}
