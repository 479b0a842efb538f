import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { createPustakaClient, PustakaApiError, PustakaNetworkError, PustakaTimeoutError } from '../src/index.js';
import { faultCases } from './shared/fault.cases.js';
import { realServerCases } from './shared/real-server.cases.js';

describe('@pustaka/client against the real server (Node)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  for (const { name, run } of realServerCases(() => server.url)) it(name, run);

  it("the demo credentials are accepted: the server gets past authentication (answer, or 501 while unimplemented)", async () => {
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
    const error = await client.visits.record({ kind: 'guest', institution: 'SDN 005' }).catch((reason: unknown) => reason);
    assert.ok(error instanceof PustakaNetworkError, String(error));
    assert.equal(error.kind, 'network');
    assert.ok(error.cause instanceof TypeError);
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
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
