// Exactly-once writes through HTTP on a real server: concurrent duplicates, a reused key, a failed handler.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '@pustaka/server';
import { keyReservations } from '../src/http/exactly-once.js';
import { contractCheck } from '../../../test/support/contract-check.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { marcFile } from './generated-marc.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

const importInto = (library: string, body: string, key: string) =>
  fetch(`${server.url}/v1/catalog/imports?library=${library}&format=marcxml`, {
    method: 'POST',
    body,
    headers: {
      authorization: `Bearer ${server.demoCredentials.staffToken}`,
      'content-type': 'application/marcxml+xml',
      'idempotency-key': key,
    },
    signal: AbortSignal.timeout(30_000),
  });
const copiesAt = (library: string) =>
  server.db.prepare('SELECT count(*) FROM catalog_copies WHERE library_id = ?').pluck().get(library) as number;

describe('Idempotency-Key on POST /v1/catalog/imports', () => {
  it('runs 50 concurrent identical requests once, and answers all 50 the same', async () => {
    const file = marcFile(40, 'serentak', 2);
    const versionBefore = await server.stores.catalog.version();
    const copiesBefore = copiesAt('smkn-1-bontang');
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => importInto('smkn-1-bontang', file, 'serentak-1')),
    );
    const bodies = await Promise.all(responses.map((response) => response.json()));
    assert.deepEqual(
      responses.map((response) => response.status),
      Array(50).fill(200),
    );
    assert.equal(new Set(bodies.map((body) => body.id)).size, 1, 'one import report');
    for (const body of bodies) assert.deepEqual(body, bodies[0]);
    assert.deepEqual([bodies[0].received, bodies[0].created, bodies[0].updated], [40, 40, 0]);
    assert.equal(responses.filter((response) => response.headers.get('idempotent-replayed') === 'true').length, 49);
    // One run's copies. A run replaces its copies, so the copies alone cannot tell one run from 50: the
    // versions can. Each transaction moves the version once; one run of 40 records takes 1 to 40 of them
    // (import-file.ts sizes them by time), 50 runs at least 50.
    assert.equal(copiesAt('smkn-1-bontang') - copiesBefore, 80);
    const versions = (await server.stores.catalog.version()) - versionBefore;
    assert.ok(versions >= 1 && versions < 50, `catalogue versions moved by one run: ${versions}`);
  });

  it('refuses the key for a different file, and changes nothing', async () => {
    const copiesBefore = copiesAt('sman-2-bontang');
    const first = await importInto('sman-2-bontang', marcFile(3, 'kunci'), 'kunci-1');
    assert.equal(first.status, 200);
    const version = await server.stores.catalog.version();
    const other = await importInto('sman-2-bontang', marcFile(4, 'kunci'), 'kunci-1');
    assert.equal(other.status, 409);
    assert.equal((await other.json()).code, 'idempotency_key_reused');
    assert.equal(await server.stores.catalog.version(), version);
    assert.equal(copiesAt('sman-2-bontang') - copiesBefore, 3);
  });

  it('lets a retry run after the handler failed, instead of replaying or blocking the failure', async () => {
    const file = marcFile(5, 'baru');
    const refused = await importInto('perpus-baru', file, 'gagal-lalu-ulang');
    assert.equal(refused.status, 400, 'the library does not exist yet');
    await server.stores.libraries.upsert({
      ...(await server.stores.libraries.get('dispusip-bontang'))!,
      id: 'perpus-baru',
      name: 'Perpustakaan Baru',
    });
    const retried = await importInto('perpus-baru', file, 'gagal-lalu-ulang');
    assert.equal(retried.status, 200);
    assert.equal(retried.headers.get('idempotent-replayed'), null);
    assert.equal((await retried.json()).created, 5);
    const replayed = await importInto('perpus-baru', file, 'gagal-lalu-ulang');
    assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
    assert.equal(copiesAt('perpus-baru'), 5);
  });
});

describe('waiting for the request that holds a key', () => {
  it('wakes a waiting duplicate as soon as the holder completes (no polling: the recheck is an hour away)', async () => {
    const reservations = keyReservations(server.stores.idempotency, { waitMs: 3_600_000, recheckMs: 3_600_000 });
    assert.equal((await reservations.claim('test:wake', 'k', 'h')).outcome, 'reserved');
    const waiting = reservations.claim('test:wake', 'k', 'h');
    await reservations.complete('test:wake', 'k', { requestHash: 'h', status: 200, body: { done: true } });
    assert.deepEqual(await waiting, {
      outcome: 'answered',
      response: { requestHash: 'h', status: 200, body: { done: true } },
    });
  });

  it('wakes a waiting duplicate to run itself when the holder releases the key', async () => {
    const reservations = keyReservations(server.stores.idempotency, { waitMs: 3_600_000, recheckMs: 3_600_000 });
    assert.equal((await reservations.claim('test:release', 'k', null)).outcome, 'reserved');
    const waiting = reservations.claim('test:release', 'k', null);
    await reservations.release('test:release', 'k');
    assert.deepEqual(await waiting, { outcome: 'reserved' });
  });

  it('gives up after its bound, answering in progress', async () => {
    const reservations = keyReservations(server.stores.idempotency, { waitMs: 30, recheckMs: 10 });
    assert.equal((await reservations.claim('test:bound', 'k', null)).outcome, 'reserved');
    const gaveUp = await reservations.claim('test:bound', 'k', null);
    assert.equal(gaveUp.outcome, 'in_progress');
    assert.ok(gaveUp.outcome === 'in_progress' && gaveUp.waitedMs >= 30, JSON.stringify(gaveUp));
  });

  it('does not wait for a holder of the same key whose request differs', async () => {
    const reservations = keyReservations(server.stores.idempotency, { waitMs: 3_600_000, recheckMs: 3_600_000 });
    assert.equal((await reservations.claim('test:differs', 'k', 'h1')).outcome, 'reserved');
    const claim = await reservations.claim('test:differs', 'k', 'h2');
    assert.deepEqual(
      { ...claim, waitedMs: undefined },
      { outcome: 'in_progress', requestHash: 'h1', waitedMs: undefined },
    );
  });
});

describe('a duplicate that outwaits its bound, through HTTP', () => {
  it('gets 409 idempotency_in_progress with Retry-After, and the answer once the first has one', async () => {
    const check = contractCheck();
    let handlerRuns = 0;
    let finishFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (finishFirst = resolve));
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    const app = await buildApp({
      stores: server.stores,
      rateLimits: false,
      checkResponses: check.record,
      // No waiting at all: the duplicate is answered at once, with no timer in the test.
      duplicateWaitMs: 0,
      handlers: {
        recordVisit: async () => {
          handlerRuns++;
          firstStarted();
          await firstHeld;
          return {
            id: 'vis_held',
            library_id: 'dispusip-bontang',
            kind: 'guest' as const,
            people: 1,
            counted: true,
            recorded_at: new Date().toISOString(),
          };
        },
      },
    });
    const visit = () =>
      app.inject({
        method: 'POST',
        url: '/v1/visits',
        headers: {
          authorization: `Bearer ${server.demoCredentials.kioskToken}`,
          'content-type': 'application/json',
          'idempotency-key': 'tamu-1',
        },
        payload: JSON.stringify({ kind: 'guest', institution: 'SDN 005' }),
      });
    try {
      const first = visit();
      await started;
      const duplicate = await visit();
      assert.equal(duplicate.statusCode, 409);
      assert.equal(duplicate.headers['retry-after'], '2');
      assert.equal(duplicate.json().code, 'idempotency_in_progress');
      assert.equal(duplicate.json().retry_after, 2);
      finishFirst();
      const answered = await first;
      assert.equal(answered.statusCode, 200);
      const replayed = await visit();
      assert.equal(replayed.headers['idempotent-replayed'], 'true');
      assert.deepEqual(replayed.json(), answered.json());
      assert.equal(handlerRuns, 1);
      check.assertNone();
    } finally {
      finishFirst();
      await app.close();
    }
  });
});
