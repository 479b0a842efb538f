import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import {
  buildApp,
  issueCredential,
  requireLibraryAccess,
  type CredentialRequest,
  type OperationContext,
  type OperationId,
} from '@pustaka/server';
import { startTestServer, type TestServer } from '../../../test/support/server.js';

// Two servers on one database: the real server as `npm start` builds it (no visit handler yet: a request that
// gets past its credentials answers 501), and the same app given handlers that echo who the caller is, so
// that what the authenticator decided can be seen over real HTTP. The echo is a test double, not an answer of
// the contract: it sends the principal in a header with 204 (a body the contract does not declare would be
// cut by the response schemas), and its app is the one whose answers are not checked against the contract.
let server: TestServer;
let echoApp: FastifyInstance;
let echoUrl: string;

const echoPrincipal = <Id extends OperationId>({ principal, reply }: OperationContext<Id>) =>
  reply
    .code(204)
    .header('x-test-principal', JSON.stringify(principal ?? null))
    .send();

before(async () => {
  server = await startTestServer();
  echoApp = await buildApp({
    stores: server.stores,
    rateLimits: false,
    handlers: {
      recordVisit: echoPrincipal,
      importCatalog: echoPrincipal,
      listRegistrations: echoPrincipal,
      // As the membership handler will: the registration belongs to a library the request does not name.
      approveRegistration: (context) => {
        requireLibraryAccess(context.principal, 'dispusip-bontang');
        return echoPrincipal(context);
      },
    },
  });
  await echoApp.listen({ port: 0, host: '127.0.0.1' });
  echoUrl = `http://127.0.0.1:${(echoApp.server.address() as { port: number }).port}`;
});
after(async () => {
  await echoApp.close();
  await server.close();
});

const issue = (request: CredentialRequest) => issueCredential(server.stores, request, 'test');
const guest = { kind: 'guest', institution: 'SMA Negeri 1 Bontang' };

interface Call {
  siteKey?: string;
  token?: string;
  origin?: string;
  body?: unknown;
  method?: string;
}

function call(base: string, path: string, { siteKey, token, origin, body = guest, method = 'POST' }: Call = {}) {
  const headers: Record<string, string> = {};
  if (siteKey) headers['x-pustaka-key'] = siteKey;
  if (token) headers.authorization = `Bearer ${token}`;
  if (origin) headers.origin = origin;
  if (method === 'GET') return fetch(base + path, { headers });
  headers['content-type'] = 'application/json';
  return fetch(base + path, { method, headers, body: JSON.stringify(body) });
}

async function expectRefusal(response: Response, status: 401 | 403, code: string) {
  assert.equal(response.status, status, `expected ${status} ${code}`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const problem = await response.json();
  assert.equal(problem.code, code);
  assert.equal(problem.type, `https://pustaka.dev/problems/${code}`);
  return problem;
}

async function principalOf(response: Response) {
  assert.equal(response.status, 204, await response.clone().text());
  return JSON.parse(response.headers.get('x-test-principal')!);
}

describe('site keys', () => {
  const school = 'https://sman1-bontang.sch.id';
  let siteKey: string;
  let siteKeyId: string;
  before(async () => {
    const issued = await issue({
      kind: 'site',
      libraryId: 'sman-1-bontang',
      origins: [school, 'https://*.example.sch.id'],
    });
    siteKey = issued.key;
    siteKeyId = issued.credential.id;
  });

  it("accepts a write from an allowed origin, acting for the key's library", async () => {
    const principal = await principalOf(await call(echoUrl, '/v1/visits', { siteKey, origin: school }));
    assert.deepEqual(principal, { kind: 'site', credentialId: siteKeyId, libraryId: 'sman-1-bontang', location: null });
  });

  it("lets the same write through the real server's credential checks", async () => {
    const response = await call(server.url, '/v1/visits', { siteKey, origin: school });
    // Past the credential checks the visit is recorded; a refusal would be 401 or 403.
    assert.equal(response.status, 201, `got ${response.status}`);
    assert.equal((await response.json()).library_id, 'sman-1-bontang');
  });

  it('matches a wildcard at any depth below its domain, never the domain itself', async () => {
    await principalOf(await call(echoUrl, '/v1/visits', { siteKey, origin: 'https://perpus.example.sch.id' }));
    await principalOf(await call(echoUrl, '/v1/visits', { siteKey, origin: 'https://a.b.example.sch.id' }));
    await expectRefusal(
      await call(echoUrl, '/v1/visits', { siteKey, origin: 'https://example.sch.id' }),
      403,
      'origin_not_allowed',
    );
    await expectRefusal(
      await call(echoUrl, '/v1/visits', { siteKey, origin: 'https://evilexample.sch.id' }),
      403,
      'origin_not_allowed',
    );
  });

  it('refuses another origin, another scheme and another port, naming the key but not the key itself', async () => {
    for (const origin of ['https://gambling.example.com', 'http://sman1-bontang.sch.id', `${school}:8443`, 'null']) {
      const problem = await expectRefusal(
        await call(server.url, '/v1/visits', { siteKey, origin }),
        403,
        'origin_not_allowed',
      );
      assert.match(problem.detail, new RegExp(siteKeyId));
      assert.doesNotMatch(JSON.stringify(problem), new RegExp(siteKey));
    }
  });

  it('refuses a write without Origin unless the key allows server-side use', async () => {
    await expectRefusal(await call(server.url, '/v1/visits', { siteKey }), 403, 'origin_missing');
    const serverSide = await issue({ kind: 'site', libraryId: 'sman-1-bontang', serverSide: true });
    await principalOf(await call(echoUrl, '/v1/visits', { siteKey: serverSide.key }));
  });

  it('refuses a site key sent as a Bearer token', async () => {
    await expectRefusal(
      await call(server.url, '/v1/visits', { token: siteKey, origin: school }),
      401,
      'credentials_invalid',
    );
  });

  it('refuses a site key on a staff operation', async () => {
    const response = await call(echoUrl, '/v1/membership/registrations', { siteKey, origin: school, method: 'GET' });
    await expectRefusal(response, 403, 'insufficient_scope');
  });
});

describe('missing, unknown and revoked credentials', () => {
  it('refuses a write with no credential, saying which ones it takes', async () => {
    const response = await call(server.url, '/v1/visits', { origin: 'https://sman1-bontang.sch.id' });
    const problem = await expectRefusal(response, 401, 'credentials_missing');
    assert.match(problem.detail, /site key/);
    assert.match(problem.detail, /kiosk token/);
    assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
  });

  it('refuses well-formed keys and tokens it does not know', async () => {
    await expectRefusal(
      await call(server.url, '/v1/visits', { siteKey: 'pk_' + 'x'.repeat(32), origin: 'http://localhost' }),
      401,
      'credentials_invalid',
    );
    await expectRefusal(
      await call(server.url, '/v1/visits', { token: 'kt_' + 'x'.repeat(32) }),
      401,
      'credentials_invalid',
    );
    await expectRefusal(await call(server.url, '/v1/visits', { token: 'not-a-key' }), 401, 'credentials_invalid');
  });

  it('refuses a revoked site key from its next request on', async () => {
    const { key, credential } = await issue({
      kind: 'site',
      libraryId: 'sman-1-bontang',
      origins: ['https://smpn2-bontang.sch.id'],
    });
    const origin = 'https://smpn2-bontang.sch.id';
    await principalOf(await call(echoUrl, '/v1/visits', { siteKey: key, origin }));
    await server.stores.credentials.revoke(credential.id, 'test');
    const problem = await expectRefusal(
      await call(server.url, '/v1/visits', { siteKey: key, origin }),
      401,
      'credentials_revoked',
    );
    assert.match(problem.detail, new RegExp(credential.id));
  });

  it('refuses a revoked token too', async () => {
    const { key, credential } = await issue({ kind: 'kiosk', libraryId: 'dispusip-bontang', location: 'ruang-anak' });
    await principalOf(await call(echoUrl, '/v1/visits', { token: key }));
    await server.stores.credentials.revoke(credential.id, 'test');
    await expectRefusal(await call(echoUrl, '/v1/visits', { token: key }), 401, 'credentials_revoked');
  });
});

describe('kiosk tokens', () => {
  it('record visits for their library and location, from no web page at all', async () => {
    const { key, credential } = await issue({ kind: 'kiosk', libraryId: 'dispusip-bontang', location: 'pintu-utama' });
    const principal = await principalOf(await call(echoUrl, '/v1/visits', { token: key }));
    assert.deepEqual(principal, {
      kind: 'kiosk',
      credentialId: credential.id,
      libraryId: 'dispusip-bontang',
      location: 'pintu-utama',
    });
  });

  it('cannot do staff work: import a catalogue, approve a registration', async () => {
    const { key } = await issue({ kind: 'kiosk', libraryId: 'sman-1-bontang', location: 'perpustakaan' });
    const importing = await fetch(`${echoUrl}/v1/catalog/imports?library=sman-1-bontang&format=marcxml`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/marcxml+xml' },
      body: '<collection/>',
    });
    await expectRefusal(importing, 403, 'insufficient_scope');
    await expectRefusal(
      await call(echoUrl, '/v1/membership/registrations/reg_abc/approve', { token: key, body: {} }),
      403,
      'insufficient_scope',
    );
  });

  it('go in Authorization, never in X-Pustaka-Key (which pages show)', async () => {
    const { key } = await issue({ kind: 'kiosk', libraryId: 'dispusip-bontang', location: 'pintu-utama' });
    await expectRefusal(
      await call(server.url, '/v1/visits', { siteKey: key, origin: 'http://localhost' }),
      401,
      'credentials_invalid',
    );
  });
});

describe('staff tokens and libraries', () => {
  const importInto = (base: string, token: string, library: string) =>
    fetch(`${base}/v1/catalog/imports?library=${library}&format=marcxml`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/marcxml+xml' },
      body: '<collection/>',
    });

  it("a library's staff token imports into its own library only", async () => {
    const { key, credential } = await issue({ kind: 'staff', libraryId: 'sman-1-bontang' });
    const principal = await principalOf(await importInto(echoUrl, key, 'sman-1-bontang'));
    assert.deepEqual(principal, {
      kind: 'staff',
      credentialId: credential.id,
      libraryId: 'sman-1-bontang',
      location: null,
    });
    const problem = await expectRefusal(await importInto(server.url, key, 'dispusip-bontang'), 403, 'wrong_library');
    assert.match(problem.detail, /sman-1-bontang/);
  });

  it('refuses a library it does not act for, where a handler finds it (requireLibraryAccess)', async () => {
    const school = await issue({ kind: 'staff', libraryId: 'sman-1-bontang' });
    const city = await issue({ kind: 'staff', libraryId: 'dispusip-bontang' });
    const approve = (token: string) =>
      call(echoUrl, '/v1/membership/registrations/reg_abc/approve', { token, body: {} });
    await expectRefusal(await approve(school.key), 403, 'wrong_library');
    await principalOf(await approve(city.key));
  });

  it('a network-wide staff token acts for every library', async () => {
    const admin = await issue({ kind: 'staff', network: true });
    assert.equal((await principalOf(await importInto(echoUrl, admin.key, 'dispusip-bontang'))).libraryId, null);
    await principalOf(await importInto(echoUrl, admin.key, 'sman-1-bontang'));
    await principalOf(
      await call(echoUrl, '/v1/membership/registrations/reg_abc/approve', { token: admin.key, body: {} }),
    );
  });

  it('checks credentials before anything else: a stranger learns nothing from validation', async () => {
    const response = await fetch(`${server.url}/v1/catalog/imports?library=NOT%20VALID`, { method: 'POST' });
    await expectRefusal(response, 401, 'credentials_missing');
  });
});

describe('demo credentials', () => {
  it('work at once: the site key from any localhost port, the kiosk and staff tokens', async () => {
    const { siteKey, kioskToken, staffToken } = server.demoCredentials;
    for (const origin of ['http://localhost:8080', 'http://localhost:9999', 'http://127.0.0.1:8000']) {
      assert.equal(
        (await principalOf(await call(echoUrl, '/v1/visits', { siteKey, origin }))).libraryId,
        'sman-1-bontang',
      );
    }
    await expectRefusal(
      await call(echoUrl, '/v1/visits', { siteKey, origin: 'https://localhost.evil.example' }),
      403,
      'origin_not_allowed',
    );
    assert.equal((await principalOf(await call(echoUrl, '/v1/visits', { token: kioskToken }))).location, 'pintu-utama');
    assert.equal(
      (await principalOf(await call(echoUrl, '/v1/membership/registrations', { token: staffToken, method: 'GET' })))
        .libraryId,
      null,
    );
  });
});
