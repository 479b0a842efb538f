import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp, databaseFile, openDatabase, sqliteStores, type Stores } from '@pustaka/server';
import { ensureDemoCredentials } from '../src/auth/demo.js';
import { copyDemoDatabase } from '../../../test/support/server.js';
import { contractCheck } from '../../../test/support/contract-check.js';

/** Issue 11, part 5: the smaller things found on the way. */
let server: { url: string; stores: Stores; demoCredentials: { staffToken: string; kioskToken: string } };
let app: FastifyInstance;
let dataDir: string;
const check = contractCheck();
const logLines: string[] = [];
before(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  dataDir = mkdtempSync(join(tmpdir(), 'pustaka-edges-'));
  await copyDemoDatabase(dataDir);
  const db = openDatabase(databaseFile(dataDir));
  const stores = sqliteStores(db);
  const demoCredentials = (await ensureDemoCredentials(stores))!;
  // A server as startServer builds it, with a logger to read and a stand-in handler (below).
  app = await buildApp({
    stores,
    rateLimits: false,
    checkResponses: check.record,
    logger: { level: 'info', stream },
    handlers: {
      // A stand-in for the membership handler, so that what the route's validation hands on can be seen.
      async approveRegistration({ body }) {
        return {
          registration: {
            id: 'reg_test',
            reference: 'BTG-TEST',
            status: 'approved',
            library_id: 'dispusip-bontang',
            member_type: 'umum',
            full_name: 'Uji',
            nik_last4: '0001',
            created_at: '2026-11-25T09:12:00+08:00',
          },
          member_number: `BTG-2026-${body === undefined ? 'NOBODY' : 'BODY'}`,
          valid_until: '2027-11-25',
          card: {
            member_number: 'BTG-2026-TEST',
            full_name: 'Uji',
            member_type: 'umum',
            member_type_label: 'Umum',
            library_id: 'dispusip-bontang',
            library_name: 'Perpustakaan Umum Kota Bontang',
            valid_from: '2026-11-25',
            valid_until: '2027-11-25',
          },
        };
      },
    },
  });
  app.addHook('onClose', async () => db.close());
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  server = { url: `http://127.0.0.1:${port}`, stores, demoCredentials };
});
after(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  check.assertNone();
});

/** A request exactly as written (fetch would tidy the path and refuse some methods). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const { port } = new URL(server.url);
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (piece) => (text += piece));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    },
  );
}

describe('edges of the HTTP interface', () => {
  it('caps each text field of a search answer: one huge title does not make every answer huge', async () => {
    const run = await server.stores.catalog.beginRun();
    await run.saveBatch([
      {
        libraryId: 'dispusip-bontang',
        copies: [{ itemCode: 'HUGE-1', status: 'available' }],
        record: {
          title: `Raksasa ${'panjang '.repeat(750_000)}`,
          authors: ['Penulis Raksasa'],
          subjects: [],
          format: 'book',
          isbns: [],
        },
      },
    ]);
    const response = await fetch(`${server.url}/v1/catalog/search?q=raksasa`);
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.ok(text.length < 50_000, `the answer is ${text.length} characters`);
    const { items } = JSON.parse(text);
    assert.equal(items.length, 1);
    assert.match(items[0].title, /^Raksasa panjang .*…$/);
    const record = await (await fetch(`${server.url}/v1/catalog/records/${items[0].id}`)).text();
    assert.ok(record.length < 100_000, `the record is ${record.length} characters`);
  });

  it('never logs a credential, in the address or in a header', async () => {
    const secret = 'sk_Abcdefghijklmnopqrstuvwxyz012345';
    await raw('GET', `/v1/catalog/search?q=buku&access_token=${secret}`);
    await raw('GET', `/v1/health?api_key=rahasia-sekali&password=rahasia-juga`);
    await raw('GET', '/v1/health', { authorization: `Bearer ${secret}`, 'x-pustaka-key': secret });
    const logged = logLines.join('');
    assert.match(logged, /access_token=\[redacted\]/, 'the request was logged, without its token');
    for (const leak of [secret, 'rahasia-sekali', 'rahasia-juga', 'Abcdefghijklmnop'])
      assert.ok(!logged.includes(leak), `the log holds "${leak}"`);
  });

  it('takes no body where the contract makes the body optional', async () => {
    const staff = { authorization: `Bearer ${server.demoCredentials.staffToken}` };
    const withoutBody = await raw('POST', '/v1/membership/registrations/reg_test/approve', staff);
    assert.equal(withoutBody.status, 200, withoutBody.body);
    assert.equal(JSON.parse(withoutBody.body).member_number, 'BTG-2026-NOBODY');
    const withBody = await raw(
      'POST',
      '/v1/membership/registrations/reg_test/approve',
      { ...staff, 'content-type': 'application/json' },
      JSON.stringify({ note: 'Diambil di loket.' }),
    );
    assert.equal(withBody.status, 200, withBody.body);
    assert.equal(JSON.parse(withBody.body).member_number, 'BTG-2026-BODY');
  });

  it('answers 405 with Allow to a method the path does not take', async () => {
    const response = await raw('DELETE', '/v1/catalog/search');
    assert.equal(response.status, 405);
    assert.equal(JSON.parse(response.body).code, 'method_not_allowed');
    assert.deepEqual(String(response.headers.allow).split(/,\s*/).sort(), ['GET', 'HEAD']);
    const put = await raw('PUT', '/v1/libraries/dispusip-bontang');
    assert.equal(put.status, 405);
    assert.match(String(put.headers.allow), /GET/);
    assert.equal((await raw('DELETE', '/v1/nothing-here')).status, 404, 'a path that is not there is still 404');
  });

  it('reads a doubled slash as one, never as a forbidden request', async () => {
    const health = await raw('GET', '//v1//health');
    assert.equal(health.status, 200, health.body);
    const root = await raw('GET', '//');
    assert.notEqual(root.status, 403, root.body);
    assert.ok(root.status < 400, `// answered ${root.status}`);
  });

  it('answers 414 to an address of 100 kB', async () => {
    const response = await raw('GET', `/v1/catalog/search?q=${'a'.repeat(100_000)}`);
    assert.equal(response.status, 414);
    assert.equal(JSON.parse(response.body).code, 'uri_too_long');
  });

  it('answers 415 to JSON sent as text/plain, or as any type the operation does not take', async () => {
    const body = JSON.stringify({ kind: 'guest', library_id: 'dispusip-bontang', purpose: 'read' });
    for (const type of ['text/plain', 'application/marcxml+xml', 'application/x-www-form-urlencoded']) {
      const response = await raw(
        'POST',
        '/v1/visits',
        { 'content-type': type, authorization: `Bearer ${server.demoCredentials.kioskToken}` },
        body,
      );
      assert.equal(response.status, 415, `${type}: ${response.body}`);
      assert.equal(JSON.parse(response.body).code, 'unsupported_media_type');
    }
  });
});
