import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Db } from './database.js';
import { writeBatch } from './write-batch.js';

export interface StoredResponse {
  requestHash: string;
  status: number;
  body: unknown;
}

/** What `reserve` found for a key. */
export type Reservation =
  /** The key is this request's now: run the handler, then `complete` or `release`. */
  | { outcome: 'reserved' }
  /** A request with this key was answered (within the window): replay that answer, if it was the same request. */
  | { outcome: 'answered'; response: StoredResponse }
  /** Another request holds the key and has not answered yet. `requestHash` is its hash when it was known. */
  | { outcome: 'in_progress'; requestHash: string | null };

/**
 * A write of another store of the same backend, handed to `complete` to be committed in one transaction with
 * the stored answer (so a visit or a registration and its answer exist together or not at all). Each backend
 * makes and reads its own (see `SqliteWrite`); the interface only carries them.
 */
export interface PendingWrite {
  readonly backend: string;
}

/**
 * Exactly-once writes (Idempotency-Key), for a day (Stripe's window).
 *
 * A key is reserved before the handler runs: `reserve` inserts a pending row, unique on (scope, key), so of two
 * requests racing with one key exactly one gets `reserved`, on any number of processes sharing the store. The
 * winner ends with `complete` (the answer is stored; later requests replay it) or `release` (the handler
 * failed: the key is free for a retry). A pending row carries the id of the store instance (one per server
 * boot) that wrote it; a pending row of another instance is a reservation left by a process that died
 * (SIGKILL, power loss) and is taken over instead of blocking the key for a day. That holds while one server
 * process owns the database (SQLite). A backend shared by several live servers must not take over a live
 * peer's reservation: it gives reservations a lease (an expiry the holder renews) instead of a boot id.
 */
export interface IdempotencyStore {
  /** `requestHash` is null when it is not known yet (a file body is hashed as it is read). */
  reserve(scope: string, key: string, requestHash: string | null): Promise<Reservation>;
  /** Stores the answer of a reserved key, and commits `writes` in the same transaction. */
  complete(scope: string, key: string, response: StoredResponse, writes?: PendingWrite[]): Promise<void>;
  /** Frees a reserved key without an answer. */
  release(scope: string, key: string): Promise<void>;
  /** Commits `writes` without an answer (a request that carries no Idempotency-Key), as `complete` would. */
  commit(writes: PendingWrite[]): Promise<void>;
}

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
const SWEEP_INTERVAL_MS = 60_000;

/**
 * The hash that tells a retry from another request under the same key. With `key` it is an HMAC: for requests
 * carrying personal data, whose plain hash would let anyone who reads the table confirm a guessed NIK (a NIK has
 * no check digit and a small space; see membership/cipher.ts).
 */
export function hashRequest(body: unknown, key?: Buffer): string {
  return (key ? createHmac('sha256', key) : createHash('sha256'))
    .update(JSON.stringify(body ?? null))
    .digest('base64url');
}

/** A write on the SQLite database, run inside the transaction that stores an idempotent answer. */
export class SqliteWrite implements PendingWrite {
  readonly backend = 'sqlite';
  constructor(readonly apply: (db: Db) => void) {}
}

interface KeyRow {
  request_hash: string;
  status: number;
  body: string;
  state: 'pending' | 'done';
  boot_id: string | null;
}

export function sqliteIdempotencyStore(
  db: Db,
  options: { now?: () => number; bootId?: string } = {},
): IdempotencyStore {
  const now = options.now ?? Date.now;
  const bootId = options.bootId ?? randomBytes(9).toString('base64url');
  const purgeKey = db.prepare('DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND created_at <= ?');
  const purgeAll = db.prepare('DELETE FROM idempotency_keys WHERE created_at <= ?');
  const insertPending = db.prepare(
    `INSERT INTO idempotency_keys (scope, key, request_hash, status, body, created_at, state, boot_id)
     VALUES (?, ?, ?, 0, 'null', ?, 'pending', ?) ON CONFLICT (scope, key) DO NOTHING`,
  );
  const findRow = db.prepare<[string, string], KeyRow>(
    'SELECT request_hash, status, body, state, boot_id FROM idempotency_keys WHERE scope = ? AND key = ?',
  );
  const takeOver = db.prepare(
    `UPDATE idempotency_keys SET request_hash = ?, created_at = ?, boot_id = ?
     WHERE scope = ? AND key = ? AND state = 'pending' AND boot_id IS NOT ?`,
  );
  const saveAnswer = db.prepare(
    `INSERT INTO idempotency_keys (scope, key, request_hash, status, body, created_at, state, boot_id)
     VALUES (?, ?, ?, ?, ?, ?, 'done', NULL)
     ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash, status = excluded.status,
       body = excluded.body, created_at = excluded.created_at, state = 'done', boot_id = NULL`,
  );
  let nextSweep = Number.NEGATIVE_INFINITY;
  const releaseKey = db.prepare("DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND state = 'pending'");

  // Reservations and answers of requests arriving together share one commit (storage/write-batch.ts).
  const batched = writeBatch(db);
  const reserve = (scope: string, key: string, requestHash: string | null): Reservation => {
    const at = now();
    purgeKey.run(scope, key, at - IDEMPOTENCY_WINDOW_MS);
    if (insertPending.run(scope, key, requestHash ?? '', at, bootId).changes === 1) return { outcome: 'reserved' };
    const row = findRow.get(scope, key)!;
    if (row.state === 'done') {
      return {
        outcome: 'answered',
        response: { requestHash: row.request_hash, status: row.status, body: JSON.parse(row.body) },
      };
    }
    if (takeOver.run(requestHash ?? '', at, bootId, scope, key, bootId).changes === 1) return { outcome: 'reserved' };
    return { outcome: 'in_progress', requestHash: row.request_hash || null };
  };

  const apply = (writes: PendingWrite[]) => {
    for (const write of writes) {
      if (!(write instanceof SqliteWrite))
        throw new Error(`A ${write.backend} write cannot commit with a SQLite answer.`);
      write.apply(db);
    }
  };
  const complete = (scope: string, key: string, response: StoredResponse, writes: PendingWrite[]) => {
    apply(writes);
    const at = now();
    // Expired answers of other keys are swept at most once a minute: a sweep per answer was a statement more in
    // every visit's write, and a key's own expired row is purged when it is reserved again anyway.
    if (at >= nextSweep) {
      purgeAll.run(at - IDEMPOTENCY_WINDOW_MS);
      nextSweep = at + SWEEP_INTERVAL_MS;
    }
    saveAnswer.run(scope, key, response.requestHash, response.status, JSON.stringify(response.body), at);
  };

  return {
    reserve: (scope, key, requestHash) => batched(() => reserve(scope, key, requestHash)),
    complete: (scope, key, response, writes = []) => batched(() => complete(scope, key, response, writes)),
    release: async (scope, key) => {
      releaseKey.run(scope, key);
    },
    commit: (writes) => batched(() => apply(writes)),
  };
}
