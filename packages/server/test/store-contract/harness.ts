import type { LibraryHolding } from '../../src/catalog/model.js';
import type { CatalogStore } from '../../src/catalog/store.js';
import type { Stores } from '../../src/storage/stores.js';

/**
 * One backend's storage, fresh and empty (schema in place, no libraries), for the store contract suite.
 * A backend passes the suite through this and the `Stores` interfaces alone.
 */
export interface StoreHarness {
  stores: Stores;
  /** The same storage opened again, as by a server process started after this one was killed. */
  reopen(): Promise<Stores>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** The stores' clock (credential times, Idempotency-Key expiry). */
  now: () => Date;
  /** Origins whose cover images the catalogue saves and shows, besides paths on the server (default none). */
  coverOrigins?: string[];
}

export type StoreFactory = (options: HarnessOptions) => Promise<StoreHarness>;

/** A clock the tests move by hand. */
export function testClock(start = Date.parse('2026-11-29T08:00:00Z')) {
  let at = start;
  return { now: () => new Date(at), advance: (ms: number) => void (at += ms) };
}

/** Saves holdings as one run, and fails when the store refused any (the contract's data is all valid). */
export async function saveRun(catalog: CatalogStore, holdings: LibraryHolding[]) {
  const run = await catalog.beginRun();
  const outcomes = await run.saveBatch(holdings);
  const refused = outcomes.find((outcome) => typeof outcome !== 'string');
  if (refused) throw new Error(`The store refused a holding: ${refused.refused}`);
  return outcomes;
}
