import type { VisitRequest } from '@pustaka/client';

/**
 * A check-in on its way to the server, with the `Idempotency-Key` it is sent under every time: a check-in sent
 * once before the network dropped (and answered, unseen) is replayed by the server, not counted again.
 */
export interface QueuedVisit {
  key: string;
  /** The API base the kiosk talks to: a device that served two servers flushes each to its own. */
  scope: string;
  body: VisitRequest;
  /** Milliseconds since 1970, for the order of sending. */
  queuedAt: number;
}

const store = 'visits';

let opened: Promise<IDBDatabase> | undefined;

/** One request's answer as a promise. */
const settled = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

function database(): Promise<IDBDatabase> {
  opened ??= (() => {
    const request = indexedDB.open('pustaka-kiosk', 1);
    request.onupgradeneeded = () => request.result.createObjectStore(store, { keyPath: 'key' });
    return settled(request);
  })();
  return opened;
}

async function run<T>(mode: IDBTransactionMode, work: (visits: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const transaction = (await database()).transaction(store, mode);
  const result = settled(work(transaction.objectStore(store)));
  // A write counts once its transaction has committed: a reload right after must find it.
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = transaction.onabort = () => reject(transaction.error);
  });
  return result;
}

/**
 * @summary The kiosk's outbox in IndexedDB: every check-in is written here before it is sent and removed once the
 * server has answered it, so none is lost when the network drops or the page reloads.
 */
export const visitQueue = {
  add: (visit: QueuedVisit) => run('readwrite', (visits) => visits.put(visit)),
  remove: (key: string) => run('readwrite', (visits) => visits.delete(key)),
  /** The check-ins waiting for `scope`, oldest first. */
  async list(scope: string): Promise<QueuedVisit[]> {
    const all = (await run('readonly', (visits) => visits.getAll())) as QueuedVisit[];
    return all.filter((visit) => visit.scope === scope).sort((a, b) => a.queuedAt - b.queuedAt);
  },
};

/** 128 random bits; `crypto.randomUUID` exists only in secure contexts, and a kiosk may run on plain http. */
export const newKey = (): string =>
  crypto.randomUUID?.() ?? [...crypto.getRandomValues(new Uint32Array(4))].map((n) => n.toString(16)).join('-');
