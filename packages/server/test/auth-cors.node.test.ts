import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { issueCredential } from '@pustaka/server';
import { startTestServer, type TestServer } from '../../../test/support/server.js';

let server: TestServer;
const school = 'https://sman1-bontang.sch.id';
const stranger = 'https://gambling.example.com';
let siteKey: string;

before(async () => {
  server = await startTestServer();
  siteKey = (
    await issueCredential(server.stores, { kind: 'site', libraryId: 'sman-1-bontang', origins: [school] }, 'test')
  ).key;
});
after(() => server.close());

const preflight = (
  path: string,
  origin: string,
  method = 'POST',
  headers = 'content-type, x-pustaka-key, idempotency-key',
) =>
  fetch(server.url + path, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
  });

describe('CORS for writes', () => {
  it("grants the preflight of a site key's origin, for that operation's method and the credential headers", async () => {
    const response = await preflight('/v1/visits', school);
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), school);
    assert.equal(response.headers.get('access-control-allow-methods'), 'POST');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['content-type', 'x-pustaka-key', 'authorization', 'idempotency-key'])
      assert.ok(allowed.includes(header), header);
    assert.equal(response.headers.get('access-control-allow-credentials'), null, 'no cookies, ever');
    assert.match(response.headers.get('vary') ?? '', /Origin/);
  });

  it('gives a foreign origin no grant at all', async () => {
    for (const path of ['/v1/visits', '/v1/membership/registrations', '/v1/catalog/imports']) {
      const response = await preflight(path, stranger);
      assert.equal(response.headers.get('access-control-allow-origin'), null, path);
      assert.equal(response.headers.get('access-control-allow-methods'), null, path);
    }
  });

  it('stops granting an origin once its only key is revoked', async () => {
    const origin = 'https://smkn1-bontang.sch.id';
    const { credential } = await issueCredential(
      server.stores,
      { kind: 'site', libraryId: 'smkn-1-bontang', origins: [origin] },
      'test',
    );
    assert.equal((await preflight('/v1/visits', origin)).headers.get('access-control-allow-origin'), origin);
    await server.stores.credentials.revoke(credential.id, 'test');
    assert.equal((await preflight('/v1/visits', origin)).headers.get('access-control-allow-origin'), null);
  });

  it('lets the page of an allowed origin read its refusal, and tells a foreign one nothing', async () => {
    const write = (origin: string, key: string) =>
      fetch(`${server.url}/v1/visits`, {
        method: 'POST',
        headers: { origin, 'x-pustaka-key': key, 'content-type': 'application/json' },
        body: '{}',
      });
    const unknownKeyFromAllowedOrigin = await write(school, 'pk_' + 'x'.repeat(32));
    assert.equal(unknownKeyFromAllowedOrigin.status, 401);
    assert.equal(unknownKeyFromAllowedOrigin.headers.get('access-control-allow-origin'), school);
    const foreign = await write(stranger, siteKey);
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
  });
});

describe('CORS for public reads', () => {
  it('answers any origin, with the paging headers readable', async () => {
    const response = await fetch(`${server.url}/v1/libraries`, { headers: { origin: stranger } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const exposed = response.headers.get('access-control-expose-headers') ?? '';
    for (const header of ['X-Total-Count', 'Link', 'Retry-After']) assert.ok(exposed.includes(header), header);
  });

  it('grants any origin the preflight of a read', async () => {
    const response = await preflight('/v1/libraries/dispusip-bontang', stranger, 'GET', 'if-none-match');
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
  });

  it('gives no grant for a method the path does not have', async () => {
    const response = await preflight('/v1/libraries', school, 'DELETE');
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });
});
