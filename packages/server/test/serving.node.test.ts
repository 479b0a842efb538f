import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestServer, type TestServer } from '../../../test/support/server.js';

// What the server does as a CDN and a documentation host, on a CDN folder of its own: an entry that is
// replaced in place at each release, and a content-hashed chunk that never changes.
const cdnDir = mkdtempSync(join(tmpdir(), 'pustaka-cdn-'));
const entry = `export const widgets = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `widget-${i}`))};\n`;
const chunk = `export const runtime = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `part-${i}`))};\n`;
mkdirSync(join(cdnDir, 'chunks'));
writeFileSync(join(cdnDir, 'pustaka.js'), entry);
writeFileSync(join(cdnDir, 'chunks', 'runtime-Ab12Cd34.js'), chunk);

let server: TestServer;
before(async () => {
  server = await startTestServer({ cdnDir });
});
after(async () => {
  await server.close();
  rmSync(cdnDir, { recursive: true, force: true });
});

/** node:http, not fetch: fetch decompresses by itself and hides what was on the wire. */
async function raw(path: string, headers: Record<string, string> = {}) {
  const { request } = await import('node:http');
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const sent = request(`${server.url}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (part: Buffer) => chunks.push(part));
        response.on('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      });
      sent.on('error', reject);
      sent.end();
    },
  );
}

/** The body as compared across answers: a search's `took_ms` differs from one answer to the next. */
function comparable(body: Buffer): unknown {
  const text = body.toString();
  if (!text.startsWith('{')) return text;
  const { took_ms: _took, ...rest } = JSON.parse(text);
  return rest;
}

describe('the server as a CDN', () => {
  it('sends /cdn files and JSON answers compressed when asked: gzip, or brotli when asked for it alone', async () => {
    for (const path of ['/cdn/pustaka.js', '/v1/libraries', '/v1/catalog/search?q=pendidikan']) {
      const plain = await raw(path);
      assert.equal(plain.status, 200, path);
      assert.equal(plain.headers['content-encoding'], undefined, `${path}: compressed though not asked`);
      const brotli = await raw(path, { 'accept-encoding': 'br' });
      assert.equal(brotli.headers['content-encoding'], 'br', path);
      assert.deepEqual(comparable(brotliDecompressSync(brotli.body)), comparable(plain.body), path);
      assert.ok(brotli.body.length * 3 < plain.body.length, `${path}: ${brotli.body.length} of ${plain.body.length}`);
      assert.match(String(brotli.headers.vary), /accept-encoding/i, path);
      const gzip = await raw(path, { 'accept-encoding': 'gzip, deflate, br, zstd' });
      assert.equal(gzip.headers['content-encoding'], 'gzip', path);
      assert.deepEqual(comparable(gunzipSync(gzip.body)), comparable(plain.body), path);
    }
  });

  it('caches content-hashed chunks for a year, immutable, and the entry for a short while', async () => {
    const hashed = await raw('/cdn/chunks/runtime-Ab12Cd34.js');
    assert.equal(hashed.status, 200);
    assert.equal(hashed.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(hashed.headers['access-control-allow-origin'], '*');
    const entryFile = await raw('/cdn/pustaka.js');
    assert.equal(entryFile.headers['cache-control'], 'public, max-age=3600');
    assert.equal(entryFile.headers['access-control-allow-origin'], '*');
  });
});

describe('the API reference at /docs', () => {
  it('offers the server it was asked on for "Try it out", whatever its host and port', async () => {
    for (const host of [new URL(server.url).host, 'pustaka.bontangkota.go.id', 'perpus.example.sch.id:3000']) {
      const spec = await raw('/docs/json', { host });
      assert.equal(spec.status, 200);
      assert.deepEqual(
        JSON.parse(spec.body.toString()).servers.map((entry: { url: string }) => entry.url),
        [`http://${host}`],
      );
    }
  });

  it('does not ask the browser to upgrade its requests to https (the page would be blank over http)', async () => {
    const page = await raw('/docs/', { host: 'pustaka.bontangkota.go.id' });
    assert.equal(page.status, 200);
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /script-src/);
    assert.doesNotMatch(csp, /upgrade-insecure-requests/);
  });
});

describe('small things a browser asks for', () => {
  it('has a favicon', async () => {
    for (const path of ['/favicon.ico', '/favicon.svg']) {
      const icon = await raw(path);
      assert.equal(icon.status, 200, path);
      assert.match(String(icon.headers['content-type']), /^image\//, path);
    }
  });

  it('refuses the preflight of an origin that no key allows as CORS refusal, not as a missing page', async () => {
    const response = await fetch(`${server.url}/v1/visits`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://gambling.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-pustaka-key',
      },
    });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const body = await response.json();
    assert.equal(body.code, 'origin_not_allowed');
    assert.doesNotMatch(body.detail, /Nothing is at/);
    // A preflight for a path the API does not have is still nothing there.
    const nowhere = await fetch(`${server.url}/v1/nowhere`, {
      method: 'OPTIONS',
      headers: { origin: 'https://gambling.example.com', 'access-control-request-method': 'POST' },
    });
    assert.equal(nowhere.status, 404);
  });
});
