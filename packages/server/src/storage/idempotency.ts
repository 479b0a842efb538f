import { createHash } from 'node:crypto';
import type { Db } from './database.js';

export interface StoredResponse {
  requestHash: string;
  status: number;
  body: unknown;
}

/** Remembers the answers to retried writes for a day (Stripe's window). */
export interface IdempotencyStore {
  find(scope: string, key: string): StoredResponse | undefined;
  save(scope: string, key: string, response: StoredResponse): void;
}

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export function hashRequest(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body ?? null)).digest('base64url');
}

export function sqliteIdempotencyStore(db: Db, now: () => number = Date.now): IdempotencyStore {
  const findStmt = db.prepare<[string, string, number], { request_hash: string; status: number; body: string }>(
    'SELECT request_hash, status, body FROM idempotency_keys WHERE scope = ? AND key = ? AND created_at > ?',
  );
  const saveStmt = db.prepare(
    `INSERT INTO idempotency_keys (scope, key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash, status = excluded.status,
       body = excluded.body, created_at = excluded.created_at`,
  );
  const purgeStmt = db.prepare('DELETE FROM idempotency_keys WHERE created_at <= ?');
  return {
    find(scope, key) {
      const row = findStmt.get(scope, key, now() - IDEMPOTENCY_WINDOW_MS);
      return row && { requestHash: row.request_hash, status: row.status, body: JSON.parse(row.body) };
    },
    save(scope, key, response) {
      purgeStmt.run(now() - IDEMPOTENCY_WINDOW_MS);
      saveStmt.run(scope, key, response.requestHash, response.status, JSON.stringify(response.body), now());
    },
  };
}
