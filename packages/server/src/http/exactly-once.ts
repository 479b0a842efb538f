import { randomBytes } from 'node:crypto';
import { hashRequest, type IdempotencyStore, type PendingWrite, type Reservation } from '../storage/idempotency.js';
import type { Stores } from '../storage/stores.js';

/**
 * How a handler commits its writes (made by the stores, e.g. `MembershipStore.writes`) together with its answer,
 * in one transaction: a crash leaves both or neither, so a retry with the same Idempotency-Key replays the
 * answer instead of running the operation again. Without a key the writes commit alone. A write that throws
 * commits nothing; the handler answers its error and the key is released.
 */
export type CommitWithAnswer = (writes: PendingWrite[], answer: { status: number; body: unknown }) => Promise<void>;

/**
 * The request hash of an operation. An operation carrying personal data (`x-personal-data` in the contract)
 * gets an HMAC keyed from the membership key, so a stored hash cannot confirm a guessed NIK; without that key
 * (registration then answers 503 and stores nothing) a key of this process's own serves the reservation.
 */
export function requestHasher(stores: Stores, personalData: boolean): (parts: unknown) => string {
  if (!personalData) return (parts) => hashRequest(parts);
  const membership = stores.membership;
  if (membership) return (parts) => membership.hashRequest(parts);
  const processKey = randomBytes(32);
  return (parts) => hashRequest(parts, processKey);
}

/** How long a duplicate waits for the first request's answer before it is told to come back. */
export const DUPLICATE_WAIT_MS = 10_000;
/**
 * How often a waiting duplicate asks the store again even when no completion was heard: the holder may be
 * another server process on a shared backend, whose completion this process never hears about.
 */
export const RECHECK_MS = 1_000;

type Settled = Exclude<Reservation, { outcome: 'in_progress' }>;
export type Claim = Settled | { outcome: 'in_progress'; requestHash: string | null; waitedMs: number };

/**
 * Reservations of Idempotency-Keys with waiting: a request whose key another request holds waits for that
 * request's answer (woken at once when the holder in this process completes or releases), up to `waitMs`.
 * One per app, so that the holder and its duplicates meet in the same map.
 */
export function keyReservations(store: IdempotencyStore, { waitMs = DUPLICATE_WAIT_MS, recheckMs = RECHECK_MS } = {}) {
  const waiting = new Map<string, Set<() => void>>();
  const id = (scope: string, key: string) => `${scope}\u0000${key}`;

  const wake = (scope: string, key: string) => {
    const wakers = waiting.get(id(scope, key));
    waiting.delete(id(scope, key));
    for (const wakeUp of wakers ?? []) wakeUp();
  };

  const nextWake = (scope: string, key: string, ms: number) =>
    new Promise<void>((resolve) => {
      const wakers = waiting.get(id(scope, key)) ?? new Set();
      waiting.set(id(scope, key), wakers);
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakers.add(done);
    });

  return {
    /**
     * Reserves the key, or answers the stored answer. `requestHash` null: not known before the handler reads
     * the body. A duplicate whose hash differs from the holder's (both known) does not wait: it cannot replay.
     */
    async claim(scope: string, key: string, requestHash: string | null): Promise<Claim> {
      const started = Date.now();
      for (;;) {
        const reservation = await store.reserve(scope, key, requestHash);
        const waitedMs = Date.now() - started;
        if (reservation.outcome !== 'in_progress') return reservation;
        const differs =
          requestHash !== null && reservation.requestHash !== null && requestHash !== reservation.requestHash;
        if (differs || waitedMs >= waitMs) return { ...reservation, waitedMs };
        await nextWake(scope, key, Math.min(recheckMs, waitMs - waitedMs));
      }
    },
    async complete(...args: Parameters<IdempotencyStore['complete']>): Promise<void> {
      try {
        await store.complete(...args);
      } finally {
        wake(args[0], args[1]);
      }
    },
    async release(scope: string, key: string): Promise<void> {
      try {
        await store.release(scope, key);
      } finally {
        wake(scope, key);
      }
    },
  };
}
