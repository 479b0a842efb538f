import type { Db } from './database.js';

/**
 * Group commit: writes asked for in the same turn of the event loop run together in one transaction at the end
 * of the turn, each in a savepoint of its own (one that throws is undone alone and rejects alone), and every
 * promise resolves only once the transaction is committed, so that no visit is acknowledged before it is stored.
 * Why: a commit costs about 100 us on this project's 2-core machine and a visit's statements about 20 us, so ten
 * kiosks sending at once share one commit instead of queueing for ten. No transaction stays open between turns,
 * so writes that do not ask for batching (imports, credentials) are never caught in one.
 *
 * The transaction and its savepoints are prepared statements made once per connection, not better-sqlite3's
 * `db.transaction()`: that builds a new wrapper function on every call, which was an eighth of a visit's CPU
 * time in the ingest profile (bench/visits.mjs, `node --cpu-prof`).
 *
 * One batch per connection: the stores that batch (Idempotency-Keys, visits) share its commit.
 */
export function writeBatch(db: Db): <T>(run: () => T) => Promise<T> {
  let batcher = batchers.get(db);
  if (!batcher) batchers.set(db, (batcher = newBatch(db)));
  return batcher;
}

const batchers = new WeakMap<Db, <T>(run: () => T) => Promise<T>>();

function newBatch(db: Db) {
  let queue: { run: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  const savepoint = db.prepare('SAVEPOINT batched_write');
  const release = db.prepare('RELEASE batched_write');
  const undo = db.prepare('ROLLBACK TO batched_write');

  const runAll = (batch: typeof queue) => {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    for (const { run } of batch) {
      savepoint.run();
      try {
        const value = run();
        release.run();
        outcomes.push({ ok: true, value });
      } catch (error) {
        // Undone alone; the savepoint is then let go so that the next write opens its own.
        undo.run();
        release.run();
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  };

  const flush = () => {
    const batch = queue;
    queue = [];
    let outcomes: ReturnType<typeof runAll>;
    try {
      begin.run();
      try {
        outcomes = runAll(batch);
        commit.run();
      } catch (error) {
        if (db.inTransaction) rollback.run();
        throw error;
      }
    } catch (error) {
      for (const { reject } of batch) reject(error);
      return;
    }
    batch.forEach(({ resolve, reject }, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    });
  };

  return <T>(run: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
    });
}
