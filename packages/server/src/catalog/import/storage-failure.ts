import type { ImportReport } from '../model.js';

/**
 * Storage failures that are not about one record: the disk is full, the database cannot be written or read.
 * An import stops on them (rather than blaming every record), the answer is 507 or 503 with Retry-After, and
 * /v1/health reports the storage as failing until a write succeeds again. Reads go on working meanwhile.
 */
export type StorageFailureKind = 'full' | 'failing';

/** SQLite's result codes (better-sqlite3 puts them in `code`, extended codes included: SQLITE_IOERR_WRITE). */
const byCode: [prefix: string, kind: StorageFailureKind][] = [
  ['SQLITE_FULL', 'full'],
  ['SQLITE_IOERR', 'failing'],
  ['SQLITE_READONLY', 'failing'],
  ['SQLITE_CANTOPEN', 'failing'],
  ['SQLITE_CORRUPT', 'failing'],
  ['SQLITE_NOTADB', 'failing'],
  ['SQLITE_NOMEM', 'failing'],
  ['SQLITE_BUSY', 'failing'],
  ['SQLITE_LOCKED', 'failing'],
  ['SQLITE_PROTOCOL', 'failing'],
];

/**
 * Whether an error is the storage failing rather than the data being wrong: by SQLite's result code only, never
 * by its message (a record's own text may say "disk is full"; a store keeps the code: catalog/sqlite/writer.ts).
 */
export function storageFailureOf(error: unknown): StorageFailureKind | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_'))
    return byCode.find(([prefix]) => code.startsWith(prefix))?.[1];
  return undefined;
}

/** Seconds a client should wait before trying a write again: a full disk needs an operator. */
export const retryAfterSeconds: Record<StorageFailureKind, number> = { full: 300, failing: 30 };

/**
 * An import stopped by a storage failure: what was saved before it stays saved; the report says how far it got
 * (`complete: false`, the last problem `file_stopped`).
 */
export class StorageFailure extends Error {
  constructor(
    readonly kind: StorageFailureKind,
    readonly report: ImportReport,
    message: string,
  ) {
    super(message);
    this.name = 'StorageFailure';
  }
}
