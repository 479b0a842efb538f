import type { Stores } from '../storage/stores.js';
import type { StorageFailureKind } from '../catalog/import/storage-failure.js';

/** Storage failures seen by writes (catalog/import/storage-failure.ts), for /v1/health. */
const failures = new WeakMap<Stores, { kind: StorageFailureKind; at: Date }>();

export const storageHealth = {
  failed(stores: Stores, kind: StorageFailureKind): void {
    failures.set(stores, { kind, at: new Date() });
  },
  /** A write went through: the storage works again. */
  worked(stores: Stores): void {
    failures.delete(stores);
  },
  /** The last storage failure since the last write that went through, if any. */
  of(stores: Stores) {
    return failures.get(stores);
  },
};
