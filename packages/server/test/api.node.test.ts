import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '@pustaka/server';
import { contractCheck } from '../../../test/support/contract-check.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

const get = (path: string, init?: RequestInit) => fetch(server.url + path, init);

async function expectProblem(response: Response, status: number, code: string) {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = await response.json();
  assert.equal(body.status, status);
  assert.equal(body.code, code);
  assert.equal(body.type, `https://pustaka.dev/problems/${code}`);
  assert.equal(typeof body.detail, 'string');
  return body;
}

describe('GET /v1/health', () => {
  it('answers ok with the version and the database state', async () => {
    const response = await get('/v1/health');
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.status, 'ok');
    assert.equal(body.database, 'ok');
    assert.match(body.version, /^\d+\.\d+\.\d+/);
  });
});

describe('GET /v1/libraries', () => {
  it('lists the seeded network, city library first, with the total in body and header', async () => {
    const response = await get('/v1/libraries');
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.total, 15);
    assert.equal(response.headers.get('x-total-count'), '15');
    assert.equal(body.items.length, 15);
    assert.equal(body.items[0].id, 'dispusip-bontang');
    const kinds = new Set(body.items.map((library: { kind: string }) => library.kind));
    assert.deepEqual([...kinds].sort(), ['company', 'public', 'reading-corner', 'school', 'university']);
    for (const library of body.items) {
      assert.ok(library.address.street && library.address.city, `${library.id} has an address`);
      assert.ok(Array.isArray(library.opening_hours));
    }
  });

  it('pages with Link headers', async () => {
    const response = await get('/v1/libraries?per_page=5&page=2');
    const body = await response.json();
    assert.equal(body.items.length, 5);
    assert.equal(body.page, 2);
    const link = response.headers.get('link') ?? '';
    assert.match(link, /page=3[^>]*>; rel="next"/);
    assert.match(link, /page=1[^>]*>; rel="prev"/);
  });

  it('filters by kind, one value or several', async () => {
    const schools = await (await get('/v1/libraries?kind=school')).json();
    assert.equal(schools.total, 8);
    assert.ok(schools.items.every((library: { kind: string }) => library.kind === 'school'));
    const both = await (await get('/v1/libraries?kind=company&kind=reading-corner')).json();
    assert.equal(both.total, 5);
  });

  it('refuses per_page above 100 with a problem naming the field', async () => {
    const body = await expectProblem(await get('/v1/libraries?per_page=1000'), 400, 'validation_failed');
    assert.deepEqual(body.errors, [{ field: 'per_page', code: 'maximum', message: 'must be <= 100' }]);
  });

  it('refuses a parameter of the wrong type, an unknown value and an unknown parameter', async () => {
    const body = await expectProblem(
      await get('/v1/libraries?page=abc&kind=museum&pre_page=5'),
      400,
      'validation_failed',
    );
    const fields = body.errors.map((error: { field: string; code: string }) => `${error.field}:${error.code}`).sort();
    assert.deepEqual(fields, ['kind.0:enum', 'page:type', 'pre_page:unknown_parameter']);
  });
});

describe('GET /v1/libraries/{id}', () => {
  it('answers one library', async () => {
    const body = await (await get('/v1/libraries/sman-1-bontang')).json();
    assert.equal(body.name, 'Perpustakaan SMA Negeri 1 Bontang');
    assert.equal(body.kind, 'school');
    assert.equal(body.school_level, 'SMA');
  });

  it('answers 404 problem+json for an unknown library', async () => {
    const body = await expectProblem(await get('/v1/libraries/perpus-x'), 404, 'not_found');
    assert.match(body.detail, /perpus-x/);
  });

  it('refuses a malformed id', async () => {
    const body = await expectProblem(await get('/v1/libraries/BAD%20ID'), 400, 'validation_failed');
    assert.equal(body.errors[0].field, 'libraryId');
  });
});

describe('every error is problem+json', () => {
  it('an unknown route', async () => {
    await expectProblem(await get('/v1/nothing-here'), 404, 'not_found');
  });

  it('a protected operation without credentials answers 401 before validating', async () => {
    const response = await get('/v1/visits', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    await expectProblem(response, 401, 'credentials_missing');
    assert.match(response.headers.get('www-authenticate') ?? '', /Bearer/);
  });

  it('a body that is not JSON answers 400 validation_failed naming the body', async () => {
    for (const body of ['{"kind": "member",', '']) {
      const response = await get('/v1/visits', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.demoCredentials.kioskToken}` },
        body,
      });
      const problem = await expectProblem(response, 400, 'validation_failed');
      assert.deepEqual(
        problem.errors,
        [{ field: 'body', code: 'json', message: 'is not valid JSON' }],
        `body ${JSON.stringify(body)}`,
      );
    }
  });

  it('a staff operation with an unknown token answers 401 credentials_invalid', async () => {
    const response = await get('/v1/membership/registrations', { headers: { authorization: 'Bearer sk_unknown' } });
    await expectProblem(response, 401, 'credentials_invalid');
  });

  it('an operation without a handler answers 501 not_implemented, after its credential checks', async () => {
    // Every operation is routed from the start; here one loses its handler to show what callers meet.
    const check = contractCheck();
    const app = await buildApp({
      stores: server.stores,
      handlers: { getHealth: undefined, recordVisit: undefined },
      checkResponses: check.record,
    });
    try {
      const health = await app.inject({ method: 'GET', url: '/v1/health' });
      assert.equal(health.statusCode, 501);
      assert.equal(health.json().code, 'not_implemented');
      const visit = await app.inject({
        method: 'POST',
        url: '/v1/visits',
        payload: { kind: 'member', member_number: 'X-1' },
      });
      assert.equal(visit.statusCode, 401);
      check.assertNone();
    } finally {
      await app.close();
    }
  });
});

describe('the server pages', () => {
  it('serves the demo school site at /', async () => {
    const response = await get('/');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<script type="module" src="\/cdn\/pustaka.js"><\/script>/);
    assert.match(html, /<pustaka-catalog-search/);
  });

  it('serves the API reference at /docs with the contract, without outside requests', async () => {
    const page = await get('/docs/');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.doesNotMatch(html, /https?:\/\/(?!localhost)[^"']*\.(js|css)/);
    const spec = await (await get('/docs/json')).json();
    assert.equal(spec.openapi, '3.1.0');
    assert.ok(spec.paths['/v1/catalog/search']);
  });
});

describe('server start', () => {
  it('answers one search through the request path before it listens, and does not log it', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { Writable } = await import('node:stream');
    const { startServer } = await import('@pustaka/server');
    const lines: { msg: string; req?: { url: string }; statusCode?: number }[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const data = mkdtempSync(join(tmpdir(), 'pustaka-start-'));
    const started = await startServer({
      dataDir: data,
      port: 0,
      host: '127.0.0.1',
      logger: { level: 'info', stream },
      rateLimits: false,
    });
    try {
      assert.deepEqual(
        lines.filter((line) => line.msg === 'warm-up search answered').map((line) => line.statusCode),
        [200],
      );
      assert.deepEqual(
        lines.filter((line) => line.msg === 'incoming request'),
        [],
      );
      await fetch(`${started.url}/v1/catalog/search?q=pustaka&per_page=1`, {
        headers: { 'x-pustaka-warm-up': 'guess' },
      });
      const logged = lines.filter((line) => line.msg === 'incoming request').map((line) => line.req?.url);
      assert.deepEqual(
        logged,
        ['/v1/catalog/search?q=pustaka&per_page=1'],
        'a request with a guessed warm-up header is logged',
      );
    } finally {
      await started.close();
      rmSync(data, { recursive: true, force: true });
    }
  });
});
