import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import {
  createPustakaClient,
  PustakaApiError,
  PustakaNetworkError,
  PustakaTimeoutError,
  type RetryEvent,
} from '../src/index.js';
import { callerCodeCases } from './shared/caller-code.cases.js';
import { faultCases } from './shared/fault.cases.js';
import { realServerCases } from './shared/real-server.cases.js';
import { requestCases } from './shared/request.cases.js';

describe('@pustaka/client against the real server (Node)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  for (const { name, run } of realServerCases(() => server.url)) it(name, run);
  for (const { name, run } of requestCases(() => server.url)) it(name, run);
  for (const { name, run } of callerCodeCases(() => server.url)) it(name, run);

  it("leaves no timer behind when the caller's own fetch throws at once (a Node script would wait out the timeout)", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
    const before = timers();
    const thrown = new Error('The tracing code is broken.');
    const client = createPustakaClient({
      baseUrl: server.url,
      timeout: 30_000,
      fetch: () => {
        throw thrown;
      },
    });
    await assert.rejects(client.system.health(), (error) => error === thrown);
    assert.equal(timers(), before);
  });

  it('request() writes exactly once under one Idempotency-Key: a replay answers the same import', async () => {
    const staff = createPustakaClient({ baseUrl: server.url, token: server.demoCredentials.staffToken });
    const marcxml = `<?xml version="1.0"?><collection xmlns="http://www.loc.gov/MARC21/slim"><record>
      <leader>00000nam a2200000 a 4500</leader>
      <datafield tag="245" ind1="0" ind2="0"><subfield code="a">Buku uji request()</subfield></datafield>
    </record></collection>`;
    const importOnce = () =>
      staff.request('post', '/v1/catalog/imports', {
        params: { query: { library: 'sman-2-bontang', format: 'marcxml' } },
        body: new Blob([marcxml], { type: 'application/marcxml+xml' }),
        idempotencyKey: 'client-request-import-1',
      });
    const first = await importOnce();
    const replay = await importOnce();
    assert.equal(first.received, 1);
    assert.equal(replay.id, first.id);
    assert.deepEqual(replay, first);
  });

  it('the demo credentials are accepted: the server gets past authentication (answer, or 501 while unimplemented)', async () => {
    const demo = server.demoCredentials;
    assert.ok(demo, 'the demo server hands out demo credentials');
    const outcome = (promise: Promise<unknown>) =>
      promise.then(
        () => 'answered',
        (error: unknown) => (error instanceof PustakaApiError ? error.code : String(error)),
      );
    const accepted = ['answered', 'not_implemented'];
    const kiosk = createPustakaClient({ baseUrl: server.url, token: demo.kioskToken });
    const idempotencyKey = `client-test-${Date.now()}`;
    const visit = { kind: 'guest', institution: 'SDN 005 Bontang Utara', purpose: 'read' } as const;
    const first = await outcome(kiosk.visits.record(visit, { idempotencyKey }));
    assert.ok(accepted.includes(first), `the kiosk token on visits.record: ${first}`);
    if (first === 'answered') {
      // An idempotent replay answers the first visit again.
      const again = await kiosk.visits.record(visit, { idempotencyKey });
      const once = await kiosk.visits.record(visit, { idempotencyKey });
      assert.equal(again.id, once.id);
    }
    const site = createPustakaClient({ baseUrl: server.url, siteKey: demo.siteKey });
    const member = await outcome(site.visits.record({ kind: 'member', member_number: 'BTG-2026-000123' }));
    assert.ok(accepted.includes(member), `the site key on visits.record: ${member}`);
    const staff = createPustakaClient({ baseUrl: server.url, token: demo.staffToken });
    const listed = await outcome(staff.membership.listRegistrations({ status: ['pending'] }));
    assert.ok(accepted.includes(listed), `the staff token on listRegistrations: ${listed}`);
  });
});

describe('@pustaka/client retries against a real rate-limited server (Node)', () => {
  let server: TestServer;
  before(async () => {
    // One read and one search a minute: the second of each answers a real 429 with Retry-After.
    server = await startTestServer({ rateLimits: { read: { perIp: '1/min' }, search: { perIp: '1/min' } } });
  });
  after(() => server.close());

  it("a real 429 is retried after its Retry-After: onRetry hears it, and the caller's abort there ends the wait at once", async () => {
    const controller = new AbortController();
    const heard: RetryEvent[] = [];
    const client = createPustakaClient({
      baseUrl: server.url,
      onRetry: (retry) => {
        heard.push(retry);
        controller.abort();
      },
    });
    await client.libraries.list();
    const error = await client.libraries
      .get('dispusip-bontang', { signal: controller.signal })
      .catch((reason: unknown) => reason);
    assert.ok(error instanceof DOMException && error.name === 'AbortError', String(error));
    assert.equal(heard.length, 1);
    const [retry] = heard as [RetryEvent];
    assert.equal(retry.status, 429);
    assert.equal(retry.attempt, 1);
    assert.equal(retry.error, undefined);
    assert.equal(retry.operation, 'getLibrary');
    assert.equal(retry.method, 'GET');
    assert.equal(retry.url, `${server.url}/v1/libraries/dispusip-bontang`);
    // The server's Retry-After (seconds, up to the minute of the limit), not the client's 0.3 s backoff.
    assert.ok(retry.delay > 1000 && retry.delay <= 60_000, `waits Retry-After: ${retry.delay} ms`);
  });

  it('an onRetry that throws on a real 429 rejects the call with its own error, without waiting', async () => {
    const thrown = new Error('The logger is closed.');
    const client = createPustakaClient({
      baseUrl: server.url,
      onRetry: () => {
        throw thrown;
      },
    });
    await client.catalog.suggest({ q: 'lask' }).catch(() => undefined);
    const error = await client.catalog.suggest({ q: 'lask' }).catch((reason: unknown) => reason);
    assert.equal(error, thrown);
  });
});

describe('@pustaka/client faults (Node)', () => {
  for (const { name, run } of faultCases) it(name, run);
});

/** A real socket that accepts requests and never answers them. */
async function listenSilently(): Promise<{ server: Server; url: string }> {
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('@pustaka/client on real sockets (Node)', () => {
  it('a refused connection rejects with PustakaNetworkError after the retries', async () => {
    // A port that was free a moment ago: nothing listens there.
    const { server, url } = await listenSilently();
    await new Promise((resolve) => server.close(resolve));
    const attempts: string[] = [];
    const client = createPustakaClient({
      baseUrl: url,
      retry: { delay: () => 0 },
      fetch: (request) => {
        attempts.push(request.headers.get('idempotency-key') ?? '');
        return fetch(request);
      },
    });
    const error = await client.visits
      .record({ kind: 'guest', institution: 'SDN 005' })
      .catch((reason: unknown) => reason);
    assert.ok(error instanceof PustakaNetworkError, String(error));
    assert.equal(error.kind, 'network');
    assert.ok(error.cause instanceof TypeError);
    assert.equal(error.operation, 'recordVisit');
    assert.equal(error.method, 'POST');
    assert.equal(error.url, `${url}/v1/visits`);
    assert.equal(error.message, `POST ${url}/v1/visits (recordVisit): Network error`);
    assert.equal(attempts.length, 3);
    assert.equal(new Set(attempts).size, 1);
  });

  it('a server that accepts but never answers rejects with PustakaTimeoutError', async () => {
    const { server, url } = await listenSilently();
    try {
      const error = await createPustakaClient({ baseUrl: url, timeout: 100 })
        .system.health()
        .catch((reason: unknown) => reason);
      assert.ok(error instanceof PustakaTimeoutError, String(error));
      assert.equal(error.kind, 'timeout');
      assert.equal(error.message, `GET ${url}/v1/health (getHealth): Timed out`);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
