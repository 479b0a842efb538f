import type { Db } from '../../storage/database.js';

interface SearchColumns {
  title: string;
  authors: string;
  subjects: string;
  other: string;
}

/**
 * Writes to the FTS5 table, held back until the end of the transaction and then applied in rowid order.
 *
 * Why: FTS5 keeps a transaction's new entries in memory and must write them out as a new segment whenever a
 * write comes with a rowid not above the previous one. Our rowids start with the title length
 * (see schema.ts), so records arrive in no rowid order; written as they come, every record made its own
 * segment (seeding the demo took 2.5 s instead of 0.3 s, and searches read hundreds of segments).
 */
export function searchWriteQueue(db: Db) {
  const insert = db.prepare(
    'INSERT INTO catalog_search (rowid, title, authors, subjects, other) VALUES (?, @title, @authors, @subjects, @other)',
  );
  const remove = db.prepare('DELETE FROM catalog_search WHERE rowid = ?');
  /** Pending inserts by record id: a record written twice in one transaction is indexed once. */
  const inserts = new Map<number, { rowid: number; columns: SearchColumns }>();
  const deletes: number[] = [];

  return {
    insert(recordId: number, rowid: number, columns: SearchColumns): void {
      inserts.set(recordId, { rowid, columns });
    },
    /** Removes a record's entry: a pending one is dropped, a stored one deleted at flush. */
    delete(recordId: number, rowid: number): void {
      const pending = inserts.get(recordId);
      if (pending && pending.rowid === rowid) inserts.delete(recordId);
      else deletes.push(rowid);
    },
    flush(): void {
      const writes = [
        ...deletes.map((rowid) => ({ rowid, columns: undefined as SearchColumns | undefined })),
        ...[...inserts.values()],
      ];
      // Deletes first for equal rowids (a record re-indexed under the same rowid).
      writes.sort((a, b) => a.rowid - b.rowid || Number(a.columns !== undefined) - Number(b.columns !== undefined));
      for (const write of writes) {
        if (write.columns) insert.run(write.rowid, write.columns);
        else remove.run(write.rowid);
      }
      inserts.clear();
      deletes.length = 0;
    },
    discard(): void {
      inserts.clear();
      deletes.length = 0;
    },
  };
}

export type SearchWriteQueue = ReturnType<typeof searchWriteQueue>;
