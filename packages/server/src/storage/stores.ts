import type { Db } from './database.js';
import { sqliteIdempotencyStore, type IdempotencyStore } from './idempotency.js';
import { sqliteLibraryStore, type LibraryStore } from './libraries.js';
import { sqliteAuditLog } from './audit.js';
import { sqliteCredentialStore, type CredentialStore } from './credentials.js';
import type { CatalogStore } from '../catalog/store.js';
import type { CoverTrust } from '../catalog/source-records.js';
import { sqliteCatalogStore } from '../catalog/sqlite/store.js';
import type { MemberStore } from '../members/store.js';
import { sqliteMemberStore } from '../members/sqlite.js';
import { membershipCipher } from '../membership/cipher.js';
import type { MembershipStore } from '../membership/store.js';
import { sqliteMembershipStore } from '../membership/sqlite-store.js';
import type { VisitStore } from '../visits/store.js';
import { sqliteVisitStore } from '../visits/sqlite.js';

/**
 * Every storage area the routes use, each behind its own interface. Every method answers a Promise, so that a
 * backend with a network between it and the server (PostgreSQL) can implement them; test/store-contract/ is
 * the suite every backend passes. SQLite (better-sqlite3, synchronous and in-process) is the embedded default.
 */
export interface Stores {
  /** Answers whether the storage answers (for /v1/health). */
  ping(): Promise<boolean>;
  libraries: LibraryStore;
  idempotency: IdempotencyStore;
  /** Site keys, kiosk and staff tokens, and their audit log. */
  credentials: CredentialStore;
  /** The union catalogue: records, copies, search. */
  catalog: CatalogStore;
  /** The members of the whole network (looked up by the kiosk, added by registration and the seed). */
  members: MemberStore;
  /**
   * Registrations for a library card, personal data encrypted. Absent when the server has no membership key
   * (membership/key.ts): registration then answers 503 and nothing personal is stored.
   */
  membership?: MembershipStore | undefined;
  /** The guest book of every library and its daily and monthly roll-ups; web visits apart. */
  visits: VisitStore;
}

export interface StoreOptions {
  /** The clock of credentials, their audit log and Idempotency-Key expiry (tests move it). */
  now?: () => Date;
  /** Which cover addresses the catalogue saves and shows (default: paths on this server only). */
  coverTrust?: CoverTrust;
  /** The 32-byte membership key (membership/key.ts); without it there is no `membership` store. */
  membershipKey?: Buffer;
}

export function sqliteStores(db: Db, options: StoreOptions = {}): Stores {
  const now = options.now ?? (() => new Date());
  const ping = db.prepare('SELECT 1').pluck();
  return {
    ping: async () => {
      try {
        return ping.get() === 1;
      } catch {
        return false;
      }
    },
    libraries: sqliteLibraryStore(db),
    idempotency: sqliteIdempotencyStore(db, { now: () => now().getTime() }),
    credentials: sqliteCredentialStore(db, sqliteAuditLog(db, now), now),
    catalog: sqliteCatalogStore(db, { coverTrust: options.coverTrust }),
    members: sqliteMemberStore(db, now),
    membership: options.membershipKey && sqliteMembershipStore(db, membershipCipher(options.membershipKey)),
    visits: sqliteVisitStore(db),
  };
}
