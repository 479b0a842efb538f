import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { marcFile } from './generated-marc.js';
import { saveBatch, type SqliteCatalogWriter } from '../src/catalog/sqlite/writer.js';
import type { LibraryHolding } from '../src/catalog/model.js';

/**
 * Issue 11, part 4: with the disk full, an import answered `200 complete: true` with 1,499 of 1,500 records
 * "could not be saved", /v1/health said ok, and with an Idempotency-Key the answer was 500. SQLite's own size
 * limit (PRAGMA max_page_count) on the test server's real database file stands in for a full disk: SQLite
 * answers SQLITE_FULL exactly as it does when the disk has no room.
 */
let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

/** Lets the database grow by `pages` pages (4 kB each) from now on, no more. */
function fillDiskAfter(pages: number) {
  const used = server.db.pragma('page_count', { simple: true }) as number;
  server.db.pragma(`max_page_count = ${used + pages}`);
}

const importFile = (file: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/v1/catalog/imports?library=dispusip-bontang&format=marcxml`, {
    method: 'POST',
    body: file,
    headers: {
      authorization: `Bearer ${server.demoCredentials.staffToken}`,
      'content-type': 'application/marcxml+xml',
      ...headers,
    },
    signal: AbortSignal.timeout(30_000),
  });

async function assertStorageFull(response: Response) {
  assert.equal(response.status, 507);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.ok(Number(response.headers.get('retry-after')) > 0, 'Retry-After says when to try again');
  const body = await response.json();
  assert.equal(body.code, 'storage_full');
  assert.equal(body.complete, false);
  assert.equal(body.report.complete, false);
  assert.ok(
    body.report.created > 0 && body.report.created < 1500,
    `saved before the disk filled: ${body.report.created}`,
  );
  const stopped = body.report.problems.at(-1);
  assert.equal(stopped.outcome, 'file_stopped');
  assert.match(stopped.reason, /full/);
  assert.ok(
    body.report.problems.every((problem: { reason: string }) => !/could not be saved/.test(problem.reason)),
    'records are not blamed for a full disk',
  );
  return body;
}

describe('a full disk during an import', () => {
  it('stops the import with 507 and Retry-After, says so on /v1/health, and searches still answer', async () => {
    const searchBefore = await (await fetch(`${server.url}/v1/catalog/search?q=laskar`)).json();
    fillDiskAfter(40);
    await assertStorageFull(await importFile(marcFile(1500, 'penuh')));

    const health = await fetch(`${server.url}/v1/health`);
    assert.equal(health.status, 200, 'the server still answers: reads work');
    const state = await health.json();
    assert.equal(state.status, 'degraded');
    assert.equal(state.storage, 'full');

    const search = await fetch(`${server.url}/v1/catalog/search?q=laskar`);
    assert.equal(search.status, 200);
    assert.equal((await search.json()).total, searchBefore.total);

    // Room again: the next import works, and health is ok again.
    server.db.pragma('max_page_count = 1073741823');
    const retried = await importFile(marcFile(20, 'lagi'));
    assert.equal(retried.status, 200);
    assert.equal((await (await fetch(`${server.url}/v1/health`)).json()).status, 'ok');
  });

  it('answers 507 with an Idempotency-Key too, and the key can be used again once there is room', async () => {
    fillDiskAfter(40);
    const file = marcFile(1500, 'kunci');
    await assertStorageFull(await importFile(file, { 'idempotency-key': 'penuh-1' }));
    server.db.pragma('max_page_count = 1073741823');
    const retried = await importFile(file, { 'idempotency-key': 'penuh-1' });
    assert.equal(retried.status, 200);
    assert.equal(retried.headers.get('idempotent-replayed'), null, 'a failed import is run again, not replayed');
    assert.equal((await retried.json()).complete, true);
  });

  it('answers 503 with Retry-After when the database cannot be written at all (read-only)', async () => {
    server.db.pragma('query_only = ON');
    const response = await importFile(marcFile(10, 'baca'));
    assert.equal(response.status, 503);
    assert.ok(Number(response.headers.get('retry-after')) > 0);
    const body = await response.json();
    assert.equal(body.code, 'storage_unavailable');
    assert.equal(body.complete, false);
    assert.equal((await (await fetch(`${server.url}/v1/health`)).json()).storage, 'failing');
    server.db.pragma('query_only = OFF');
  });

  it('marks /v1/health for any write the storage refuses, not only imports, until a write goes through', async () => {
    const visit = () =>
      fetch(`${server.url}/v1/visits`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.demoCredentials.kioskToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'guest', name: 'Budi', institution: 'SMPN 1 Bontang' }),
      });
    server.db.pragma('query_only = ON');
    const refused = await visit();
    assert.equal(refused.status, 503, await refused.clone().text());
    assert.equal((await refused.json()).code, 'storage_unavailable');
    const failing = await (await fetch(`${server.url}/v1/health`)).json();
    assert.deepEqual([failing.status, failing.storage], ['degraded', 'failing']);
    server.db.pragma('query_only = OFF');
    const stored = await visit();
    assert.ok(stored.status < 300, await stored.text());
    const ok = await (await fetch(`${server.url}/v1/health`)).json();
    assert.deepEqual([ok.status, ok.storage], ['ok', 'ok']);
  });
});

describe('saveBatch tells storage failures by code, not by message', () => {
  const holdings = [{ libraryId: 'x' }, { libraryId: 'y' }] as unknown as LibraryHolding[];
  const inTransaction = <T>(work: () => T) => work();
  const failingWith = (error: Error): SqliteCatalogWriter => ({
    save() {
      throw error;
    },
  });

  it("rethrows SQLite's storage errors with their code, instead of blaming every record", () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_READONLY', 'SQLITE_BUSY']) {
      const error = Object.assign(new Error('any words'), { code });
      assert.throws(
        () => saveBatch(failingWith(error), inTransaction, holdings),
        (thrown) => thrown === error,
        code,
      );
    }
  });

  it('refuses a record whose error only reads like a full disk', () => {
    const error = Object.assign(new Error('CHECK failed: database or disk is full'), { code: 'SQLITE_CONSTRAINT' });
    assert.deepEqual(saveBatch(failingWith(error), inTransaction, holdings), [
      { refused: error.message },
      { refused: error.message },
    ]);
  });
});
