import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { issueCredential } from '@pustaka/server';
import { startTestServer, type TestServer } from '../../../test/support/server.js';

const kohaFile = readFileSync(new URL('./fixtures/koha-items.xml', import.meta.url));
const slimsFile = readFileSync(new URL('./fixtures/slims-export.csv', import.meta.url));

let server: TestServer;
let schoolStaffToken: string;
before(async () => {
  server = await startTestServer();
  schoolStaffToken = (
    await issueCredential(server.stores, { kind: 'staff', libraryId: 'smpn-1-bontang', label: 'test' }, 'test')
  ).key;
});
after(() => server.close());

function post(query: string, body: Buffer | string, headers: Record<string, string>) {
  const bytes = typeof body === 'string' ? body : new Uint8Array(body);
  return fetch(`${server.url}/v1/catalog/imports?${query}`, {
    method: 'POST',
    body: bytes,
    headers,
    signal: AbortSignal.timeout(20_000),
  });
}
const staff = (token = server.demoCredentials.staffToken) => ({ authorization: `Bearer ${token}` });
const xml = { 'content-type': 'application/marcxml+xml' };

async function problem(response: Response, status: number, code: string) {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = await response.json();
  assert.equal(body.code, code);
  return body;
}

describe('POST /v1/catalog/imports', () => {
  it('needs a staff token', async () => {
    await problem(await post('library=sman-1-bontang&format=marcxml', kohaFile, xml), 401, 'credentials_missing');
    await problem(
      await post('library=sman-1-bontang&format=marcxml', kohaFile, { ...xml, authorization: 'Bearer sk_nope' }),
      401,
      'credentials_invalid',
    );
    const siteKey = { ...xml, 'x-pustaka-key': server.demoCredentials.siteKey, origin: 'http://localhost:3000' };
    await problem(await post('library=sman-1-bontang&format=marcxml', kohaFile, siteKey), 403, 'insufficient_scope');
  });

  it("lets a library's staff import into that library only", async () => {
    await problem(
      await post('library=sman-1-bontang&format=slims-csv', slimsFile, {
        ...staff(schoolStaffToken),
        'content-type': 'text/csv',
      }),
      403,
      'wrong_library',
    );
    const own = await post('library=smpn-1-bontang&format=slims-csv', slimsFile, {
      ...staff(schoolStaffToken),
      'content-type': 'text/csv',
    });
    assert.equal(own.status, 200);
    const report = await own.json();
    assert.equal(report.library_id, 'smpn-1-bontang');
    assert.equal(report.format, 'slims-csv');
    assert.equal(report.received, 7);
    assert.match(report.id, /^imp_/);
  });

  it('imports a file and the search answers with it at once, with a new ETag', async () => {
    const before = await fetch(`${server.url}/v1/catalog/search?q=pesut%20terakhir`);
    const etag = before.headers.get('etag')!;
    assert.equal((await before.json()).total, 0);
    const response = await post('library=sman-1-bontang&format=marcxml', kohaFile, { ...staff(), ...xml });
    assert.equal(response.status, 200);
    const report = await response.json();
    assert.deepEqual([report.complete, report.received, report.created, report.skipped], [true, 2, 2, 0]);
    assert.equal(report.problems[0].field, '020', 'the second ISBN has a wrong check digit');
    const after = await fetch(`${server.url}/v1/catalog/search?q=pesut%20terakhir`, {
      headers: { 'if-none-match': etag },
    });
    assert.equal(after.status, 200);
    const found = await after.json();
    assert.equal(found.items[0].title, 'Pesut terakhir di Mahakam');
    assert.deepEqual(found.items[0].availability.by_library, [
      { library_id: 'sman-1-bontang', copies: 1, available: 1 },
    ]);
  });

  it('replays a retried import with the same Idempotency-Key, and refuses the key for another file', async () => {
    const headers = { ...staff(), ...xml, 'idempotency-key': 'import-koha-1' };
    const first = await post('library=sman-1-bontang&format=marcxml', kohaFile, headers);
    const firstReport = await first.json();
    const retry = await post('library=sman-1-bontang&format=marcxml', kohaFile, headers);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await retry.json(), firstReport);
    const changed = Buffer.from(kohaFile.toString('utf8').replace('Pesut terakhir', 'Pesut pertama'));
    await problem(await post('library=sman-1-bontang&format=marcxml', changed, headers), 409, 'idempotency_key_reused');
  });

  it('refuses a body whose type does not fit the format, and a file that cannot be read at all', async () => {
    await problem(
      await post('library=sman-1-bontang&format=marcxml', slimsFile, { ...staff(), 'content-type': 'text/csv' }),
      415,
      'unsupported_media_type',
    );
    await problem(
      await post('library=sman-1-bontang&format=iso2709', kohaFile, { ...staff(), 'content-type': 'text/plain' }),
      415,
      'unsupported_media_type',
    );
    const unreadable = await problem(
      await post('library=sman-1-bontang&format=iso2709', kohaFile, { ...staff(), 'content-type': 'application/marc' }),
      400,
      'validation_failed',
    );
    assert.equal(unreadable.errors[0].field, 'body');
    assert.match(unreadable.errors[0].message, /is not a readable iso2709 file: The file is not ISO 2709/);
    const notXml = await problem(
      await post('library=sman-1-bontang&format=marcxml', 'judul,pengarang\n', { ...staff(), ...xml }),
      400,
      'validation_failed',
    );
    assert.match(
      notXml.errors[0].message,
      /not well-formed XML \(line \d+, column \d+: text data outside of root node\)/,
    );
  });

  it('validates the library and the format', async () => {
    const unknown = await problem(
      await post('library=perpus-x&format=marcxml', kohaFile, { ...staff(), ...xml }),
      400,
      'validation_failed',
    );
    assert.equal(unknown.errors[0].field, 'library');
    const format = await problem(
      await post('library=sman-1-bontang&format=pdf', kohaFile, { ...staff(), ...xml }),
      400,
      'validation_failed',
    );
    assert.equal(format.errors[0].field, 'format');
  });
});

/** A body sent in chunks as it is produced, without a declared length, as a large upload goes. */
function streamed(bytes: Uint8Array, chunkSize = 16 * 1024) {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, (at += chunkSize)));
    },
  });
}
function postStreamed(url: string, query: string, bytes: Uint8Array, headers: Record<string, string>) {
  return fetch(`${url}/v1/catalog/imports?${query}`, {
    method: 'POST',
    body: streamed(bytes),
    headers,
    duplex: 'half',
    signal: AbortSignal.timeout(60_000),
  } as RequestInit);
}
/** A SLiMS export of `count` works, "Arsip streaming 1" to "Arsip streaming N" (about 150 bytes each). */
function slimsWorks(count: number, title = 'Arsip streaming') {
  const header = slimsFile.toString('utf8').split('\n')[0];
  const rows = Array.from(
    { length: count },
    (_, i) =>
      `"${title} ${i + 1}","Text","","","Penerbit Uji","2020","","","020 ARS a","Indonesia","Bontang","020","","","","<Arsiparis, Uji>","<Arsip>","<S${i + 1}>"`,
  );
  return new TextEncoder().encode([header, ...rows].join('\n'));
}

describe('POST /v1/catalog/imports: files read as they arrive', () => {
  it('imports a file sent in chunks without a declared length, in several batches', async () => {
    const file = slimsWorks(1800);
    const response = await postStreamed(server.url, 'library=sman-1-bontang&format=slims-csv', file, {
      ...staff(),
      'content-type': 'text/csv',
    });
    assert.equal(response.status, 200);
    const report = await response.json();
    assert.equal(report.received, 1800);
    assert.equal(report.complete, true);
    const found = await (await fetch(`${server.url}/v1/catalog/search?q=arsip%20streaming%201800`)).json();
    assert.equal(found.items[0]?.title, 'Arsip streaming 1800');
  });

  it('replays a retried streamed import by the digest of the file, and refuses the key for another file', async () => {
    const headers = { ...staff(), 'content-type': 'text/csv', 'idempotency-key': 'streamed-import-1' };
    const file = slimsWorks(700, 'Arsip ulang');
    const first = await postStreamed(server.url, 'library=sman-1-bontang&format=slims-csv', file, headers);
    const firstReport = await first.json();
    assert.equal(firstReport.received, 700);
    const retry = await postStreamed(server.url, 'library=sman-1-bontang&format=slims-csv', file, headers);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await retry.json(), firstReport);
    const other = slimsWorks(700, 'Arsip lain');
    await problem(
      await postStreamed(server.url, 'library=sman-1-bontang&format=slims-csv', other, headers),
      409,
      'idempotency_key_reused',
    );
  });

  it('answers a file that breaks off with what came before it, and keeps the connection usable', async () => {
    const whole = kohaFile.toString('utf8');
    const broken = new TextEncoder().encode(
      `${whole.slice(0, whole.indexOf('</record>') + 9)}<record><datafield tag="245"</collection>${'x'.repeat(100_000)}`,
    );
    const headers = { ...staff(), ...xml, 'idempotency-key': 'streamed-broken-1' };
    const response = await postStreamed(server.url, 'library=sman-1-bontang&format=marcxml', broken, headers);
    assert.equal(response.status, 200);
    const report = await response.json();
    assert.equal(report.complete, false);
    assert.equal(report.created + report.updated, 1, JSON.stringify(report));
    const retry = await postStreamed(server.url, 'library=sman-1-bontang&format=marcxml', broken, headers);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true', 'the rest of the body was read for its digest');
    // Without a key the rest of the body is let go unread, and the answer still arrives at once.
    const { 'idempotency-key': _key, ...plain } = headers;
    const again = await postStreamed(server.url, 'library=sman-1-bontang&format=marcxml', broken, plain);
    assert.equal((await again.json()).complete, false);
    // Refused before reading (the wrong type): answered at once too.
    await problem(
      await postStreamed(server.url, 'library=sman-1-bontang&format=marcxml', broken, {
        ...plain,
        'content-type': 'text/csv',
      }),
      415,
      'unsupported_media_type',
    );
  });
});

describe('POST /v1/catalog/imports beyond the size limit', () => {
  it('answers 413 for a file larger than the server takes', async () => {
    const small = await startTestServer({ limits: { importBodyBytes: 2048 } });
    try {
      const response = await fetch(`${small.url}/v1/catalog/imports?library=sman-1-bontang&format=marcxml`, {
        method: 'POST',
        body: new Uint8Array(kohaFile),
        headers: { ...xml, authorization: `Bearer ${small.demoCredentials.staffToken}` },
      });
      assert.equal(response.status, 413);
      assert.equal((await response.json()).code, 'payload_too_large');
    } finally {
      await small.close();
    }
  });

  it('answers 413 for a file without a declared length once it passes the limit', async () => {
    const small = await startTestServer({ limits: { importBodyBytes: 64 * 1024 } });
    try {
      const response = await postStreamed(small.url, 'library=sman-1-bontang&format=slims-csv', slimsWorks(1000), {
        'content-type': 'text/csv',
        authorization: `Bearer ${small.demoCredentials.staffToken}`,
      });
      assert.equal(response.status, 413);
      const body = await response.json();
      assert.equal(body.code, 'payload_too_large');
      assert.match(body.detail, /command line/);
    } finally {
      await small.close();
    }
  });
});
