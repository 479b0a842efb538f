import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createPustakaClient,
  PustakaApiError,
  type PustakaClientOptions,
  type RegistrationRequest,
} from '@pustaka/client';
import { issueCredential, type CredentialRequest } from '@pustaka/server';
import { startTestServer, type TestServer } from './support/server.js';

// Every refusal of the server's credential, origin and rate checks, as a caller of the typed client meets
// it: a PustakaApiError with the HTTP status and the stable code to build on.
let server: TestServer;
const school = 'https://sman1-bontang.sch.id';

before(async () => {
  server = await startTestServer({ rateLimits: { registration: { perIp: '1/min' } } });
});
after(() => server.close());

const issue = (request: CredentialRequest) => issueCredential(server.stores, request, 'test');
// No retries: a 429 would otherwise be waited out and retried, as the client does for its users.
const client = (options: Omit<PustakaClientOptions, 'baseUrl'>) =>
  createPustakaClient({ baseUrl: server.url, retry: 0, ...options });
const guest = { kind: 'guest', institution: 'SMA Negeri 1 Bontang' } as const;

async function refusedWith(call: Promise<unknown>, status: number, code: string): Promise<PustakaApiError> {
  const error = await call.then(
    () => assert.fail(`expected ${status} ${code}, the call succeeded`),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof PustakaApiError, `expected a PustakaApiError, got ${String(error)}`);
  assert.equal(error.kind, 'api');
  assert.equal(error.status, status);
  assert.equal(error.code, code);
  return error;
}

describe('the client surfaces each refusal as a typed error', () => {
  const siteKey = () => issue({ kind: 'site', libraryId: 'sman-1-bontang', origins: [school] });

  it('a write from an allowed origin gets past the credential checks', async () => {
    const call = client({ siteKey: (await siteKey()).key, headers: { origin: school } }).visits.record(guest);
    const outcome = await call.then(
      () => 'recorded',
      (error: unknown) => (error instanceof PustakaApiError ? error.code : String(error)),
    );
    assert.ok(!/^(credentials_|origin_|wrong_library|insufficient_scope)/.test(outcome), outcome);
  });

  it('credentials_missing, with no key', async () => {
    await refusedWith(client({ headers: { origin: school } }).visits.record(guest), 401, 'credentials_missing');
  });

  it('credentials_invalid, for a key the server does not know', async () => {
    const unknown = client({ siteKey: 'pk_' + '0'.repeat(32), headers: { origin: school } });
    await refusedWith(unknown.visits.record(guest), 401, 'credentials_invalid');
  });

  it('credentials_revoked, for a revoked key', async () => {
    const { key, credential } = await siteKey();
    await server.stores.credentials.revoke(credential.id, 'test');
    await refusedWith(
      client({ siteKey: key, headers: { origin: school } }).visits.record(guest),
      401,
      'credentials_revoked',
    );
  });

  it('origin_not_allowed, from another website', async () => {
    const foreign = client({ siteKey: (await siteKey()).key, headers: { origin: 'https://gambling.example.com' } });
    await refusedWith(foreign.visits.record(guest), 403, 'origin_not_allowed');
  });

  it('origin_missing, from a server with a key for web pages only', async () => {
    await refusedWith(client({ siteKey: (await siteKey()).key }).visits.record(guest), 403, 'origin_missing');
  });

  it('insufficient_scope, for a kiosk token on staff work', async () => {
    const kiosk = await issue({ kind: 'kiosk', libraryId: 'sman-1-bontang', location: 'perpustakaan' });
    await refusedWith(client({ token: kiosk.key }).membership.listRegistrations(), 403, 'insufficient_scope');
  });

  it("wrong_library, for a library's staff token used on another library", async () => {
    const staff = await issue({ kind: 'staff', libraryId: 'sman-1-bontang' });
    const importing = client({ token: staff.key }).catalog.import({
      library: 'dispusip-bontang',
      format: 'marcxml',
      body: '<collection/>',
    });
    await refusedWith(importing, 403, 'wrong_library');
  });

  it('rate_limited, with how long to wait', async () => {
    const registration: RegistrationRequest = {
      member_type: 'umum',
      full_name: 'Rina Lestari',
      nik: '6474015203900004',
      birth_date: '1990-03-12',
      sex: 'female',
      phone: '0812-3456-7890',
      address: { street: 'Jl. Cendana No. 5', district: 'Bontang Utara', city: 'Bontang' },
      consents: [{ id: 'card', version: '2026-11-01', granted: true }],
    };
    const site = client({ siteKey: (await siteKey()).key, headers: { origin: school } });
    await site.membership.register(registration).catch(() => undefined);
    const error = await refusedWith(site.membership.register(registration), 429, 'rate_limited');
    assert.ok(error.retryAfter !== undefined && error.retryAfter > 0, `retryAfter ${error.retryAfter}`);
  });
});
