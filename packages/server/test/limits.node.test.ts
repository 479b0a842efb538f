import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp, issueCredential, resolveRateLimits } from '@pustaka/server';
import { parseTrustedProxies } from '../src/http/rate-limit-config.js';
import { contractCheck } from '../../../test/support/contract-check.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';

async function expectProblem(response: Response, status: number, code: string) {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const problem = await response.json();
  assert.equal(problem.code, code);
  return problem;
}

const urlOf = (app: FastifyInstance) => `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

describe('rate limits', () => {
  let server: TestServer;
  let app: FastifyInstance;
  let siteKey: string;
  const origin = 'https://sman1-bontang.sch.id';
  // The limiter's clock: it stands still unless a test moves it, so no window passes while a test waits.
  let now = Date.parse('2026-11-29T08:00:00Z');
  before(async () => {
    server = await startTestServer();
    app = await buildApp({
      stores: server.stores,
      // Behind a proxy on this machine: X-Forwarded-For names the client.
      trustProxy: ['127.0.0.1'],
      rateLimits: { read: { perIp: '3/s' }, registration: { perIp: '2/min', perCredential: '3/min' } },
      clock: () => now,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    siteKey = (
      await issueCredential(server.stores, { kind: 'site', libraryId: 'sman-1-bontang', origins: [origin] }, 'test')
    ).key;
  });
  after(async () => {
    await app.close();
    await server.close();
  });

  const read = (ip: string) =>
    fetch(`${urlOf(app)}/v1/libraries/dispusip-bontang`, { headers: { 'x-forwarded-for': ip } });
  const register = (ip: string) =>
    fetch(`${urlOf(app)}/v1/membership/registrations`, {
      method: 'POST',
      headers: { 'x-forwarded-for': ip, origin, 'x-pustaka-key': siteKey, 'content-type': 'application/json' },
      body: '{}',
    });

  it('trip with 429 problem+json and Retry-After, and recover once the window has passed', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await read('203.0.113.1')).status, 200);
    const refused = await read('203.0.113.1');
    const problem = await expectProblem(refused, 429, 'rate_limited');
    assert.equal(refused.headers.get('retry-after'), '1');
    assert.equal(problem.retry_after, 1);
    now += 999;
    await expectProblem(await read('203.0.113.1'), 429, 'rate_limited');
    now += 1;
    assert.equal((await read('203.0.113.1')).status, 200);
  });

  it('count each client IP apart', async () => {
    for (let i = 0; i < 3; i++) await read('203.0.113.2');
    assert.equal((await read('203.0.113.2')).status, 429);
    assert.equal((await read('203.0.113.3')).status, 200);
  });

  it('hold a registration far stricter than a read, per IP and per site key', async () => {
    // Within the limits, the empty body goes on to validation (and is refused there, a step after the limits).
    await expectProblem(await register('198.51.100.1'), 400, 'validation_failed');
    await expectProblem(await register('198.51.100.1'), 400, 'validation_failed');
    await expectProblem(await register('198.51.100.1'), 429, 'rate_limited');
    // A third address is within its own IP limit, but the key has now been used three times this minute.
    await expectProblem(await register('198.51.100.2'), 400, 'validation_failed');
    const perKey = await register('198.51.100.3');
    await expectProblem(perKey, 429, 'rate_limited');
    assert.ok(Number(perKey.headers.get('retry-after')) > 1);
  });

  it('never limit the health check that monitors poll', async () => {
    for (let i = 0; i < 10; i++) assert.equal((await fetch(`${urlOf(app)}/v1/health`)).status, 200);
  });

  it('believe X-Forwarded-For only from a configured proxy', async () => {
    const direct = await startTestServer({ rateLimits: { read: { perIp: '2/min' } } });
    try {
      const read = (ip: string) => fetch(`${direct.url}/v1/libraries`, { headers: { 'x-forwarded-for': ip } });
      assert.equal((await read('192.0.2.1')).status, 200);
      assert.equal((await read('192.0.2.2')).status, 200);
      assert.equal((await read('192.0.2.3')).status, 429, 'a forged address must not buy a fresh limit');
    } finally {
      await direct.close();
    }
  });
});

describe('rate limit configuration', () => {
  it('reads "N/unit", objects and null over the defaults', () => {
    const limits = resolveRateLimits({
      search: { perIp: '30/10min' },
      visit: { perCredential: { max: 9, windowSeconds: 5 } },
      read: { perIp: null },
    });
    assert.deepEqual(limits.search.perIp, { max: 30, windowSeconds: 600 });
    assert.deepEqual(limits.visit.perCredential, { max: 9, windowSeconds: 5 });
    assert.equal(limits.read.perIp, null);
    assert.deepEqual(
      limits.registration.perIp,
      { max: 5, windowSeconds: 60 },
      'the defaults stay where not overridden',
    );
  });

  it('names the entry that is wrong', () => {
    assert.throws(() => resolveRateLimits({ registration: { perIp: '5 per minute' } }), /registration\.perIp/);
    assert.throws(() => resolveRateLimits({ registrations: {} }), /"registrations" is not a route class/);
    assert.throws(() => resolveRateLimits({ search: { perUser: '1/s' } }), /search\.perUser/);
    assert.throws(() => resolveRateLimits({ search: { perIp: '0/s' } }), /at least 1/);
  });

  it('refuses to trust every proxy', () => {
    assert.deepEqual(parseTrustedProxies('10.0.0.0/8, loopback , 2001:db8::1'), [
      '10.0.0.0/8',
      'loopback',
      '2001:db8::1',
    ]);
    for (const wrong of ['*', 'true', '10.0.0.0/33', 'proxy.local'])
      assert.throws(() => parseTrustedProxies(wrong), /not a proxy address/, wrong);
  });
});

describe('request limits', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ limits: { bodyBytes: 1024, importBodyBytes: 4096, urlChars: 512 } });
  });
  after(() => server.close());

  const visit = (body: string) =>
    fetch(`${server.url}/v1/visits`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.demoCredentials.kioskToken}`, 'content-type': 'application/json' },
      body,
    });
  const importing = (bytes: number) =>
    fetch(`${server.url}/v1/catalog/imports?library=sman-1-bontang&format=slims-csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.demoCredentials.staffToken}`, 'content-type': 'text/csv' },
      body: 'x'.repeat(bytes),
    });

  it('refuse a JSON body over the limit with 413 payload_too_large', async () => {
    await expectProblem(
      await visit(JSON.stringify({ kind: 'guest', institution: 'x'.repeat(2000) })),
      413,
      'payload_too_large',
    );
  });

  it('let a catalogue file be larger than a JSON body, up to its own limit', async () => {
    assert.equal((await importing(2048)).status, 200);
    await expectProblem(await importing(8192), 413, 'payload_too_large');
  });

  it('refuse a query string over the limit with 414 uri_too_long', async () => {
    await expectProblem(await fetch(`${server.url}/v1/catalog/search?q=${'a'.repeat(600)}`), 414, 'uri_too_long');
  });

  it('answer a malformed address as problem+json', async () => {
    await expectProblem(await fetch(`${server.url}/v1/libraries/%E0%A4%A`), 400, 'bad_request');
  });

  it('answer headers too large for Node as problem+json', async () => {
    const { status, type, body } = await rawGet(server.url, { 'x-padding': 'x'.repeat(20_000) });
    assert.equal(status, 431);
    assert.equal(type, 'application/problem+json');
    assert.equal(JSON.parse(body).code, 'headers_too_large');
  });
});

describe('request timeout', () => {
  let app: FastifyInstance;
  let kioskToken: string;
  let server: TestServer;
  const check = contractCheck();
  // The handler waits on this until the test is over: slower than any timeout, without a timer in the test.
  let finishVisit!: () => void;
  const visitHeld = new Promise<void>((resolve) => (finishVisit = resolve));
  before(async () => {
    server = await startTestServer();
    kioskToken = server.demoCredentials.kioskToken;
    app = await buildApp({
      stores: server.stores,
      rateLimits: false,
      checkResponses: check.record,
      limits: { requestTimeoutMs: 300 },
      handlers: {
        recordVisit: async () => {
          await visitHeld;
          return {
            id: 'vis_slow',
            library_id: 'dispusip-bontang',
            kind: 'guest' as const,
            people: 1,
            counted: true,
            recorded_at: new Date().toISOString(),
          };
        },
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    finishVisit();
    await app.close();
    await server.close();
    check.assertNone();
  });

  it('answers 503 timeout when the server is too slow', async () => {
    const response = await fetch(`${urlOf(app)}/v1/visits`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kioskToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'guest', institution: 'SDN 005' }),
    });
    const problem = await expectProblem(response, 503, 'timeout');
    assert.equal(response.headers.get('retry-after'), '5');
    assert.equal(problem.retry_after, 5);
  });

  it('answers 408 timeout and closes when the body arrives too slowly', async () => {
    const answer = await slowBody(urlOf(app), kioskToken);
    assert.match(answer, /^HTTP\/1\.1 408 /);
    assert.match(answer, /content-type: application\/problem\+json/i);
    assert.match(answer, /"code":"timeout"/);
  });
});

describe('security headers', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it("give the server's pages a CSP without inline scripts, no sniffing and a frame policy", async () => {
    const response = await fetch(`${server.url}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'self'/);
    assert.match(csp, /object-src 'none'/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
  });

  it("keep the API reference page's own CSP, with a frame policy", async () => {
    const response = await fetch(`${server.url}/docs/`);
    assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });

  it('mark API answers, errors included, as data that nothing may run or frame', async () => {
    for (const path of ['/v1/libraries', '/v1/libraries/perpus-x']) {
      const response = await fetch(server.url + path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'", path);
    }
  });
});

/** A GET with raw headers, for what fetch will not send. */
function rawGet(
  base: string,
  headers: Record<string, string>,
): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${base}/v1/libraries`, { headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, type: String(response.headers['content-type']), body }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

/** Announces a 100-byte body, sends 10 bytes, then waits: everything the server answers until it closes the socket. */
function slowBody(base: string, token: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST /v1/visits HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"kind":"g',
      );
    });
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}
