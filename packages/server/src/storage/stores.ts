import type { Db } from './database.js';
import { sqliteIdempotencyStore, type IdempotencyStore } from './idempotency.js';
import { sqliteLibraryStore, type LibraryStore } from './libraries.js';

/** Every storage area the routes use, each behind its own interface. */
export interface Stores {
  /** Answers whether the storage answers (for /v1/health). */
  ping(): boolean;
  libraries: LibraryStore;
  idempotency: IdempotencyStore;
}

export function sqliteStores(db: Db): Stores {
  const ping = db.prepare('SELECT 1').pluck();
  return {
    ping: () => {
      try {
        return ping.get() === 1;
      } catch {
        return false;
      }
    },
    libraries: sqliteLibraryStore(db),
    idempotency: sqliteIdempotencyStore(db),
  };
}
