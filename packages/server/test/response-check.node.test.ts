import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp, type OperationHandlers } from '@pustaka/server';
import { contractCheck, type ContractCheck } from '../../../test/support/contract-check.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';

// Handlers that break the contract on purpose. Each is first refused by the compiler (`@ts-expect-error`: the
// handler types come from the contract), then run anyway to show what the server does when one slips through:
// the response schemas keep undeclared fields off the wire, and the response check of the test suite
// (`buildApp({ checkResponses })`) reports every other mismatch.
let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

async function appWith(handlers: OperationHandlers): Promise<{ app: FastifyInstance; check: ContractCheck }> {
  const check = contractCheck();
  const app = await buildApp({ stores: server.stores, rateLimits: false, handlers, checkResponses: check.record });
  return { app, check };
}

const health = { status: 'ok', version: '0.0.0', time: '2026-11-29T10:00:00Z', database: 'ok' } as const;

describe('answers that do not match the contract', () => {
  it('a value outside an enum is reported, with the field that is wrong', async () => {
    // @ts-expect-error `fine` is not a Health status
    const { app, check } = await appWith({ getHealth: () => ({ ...health, status: 'fine' }) });
    try {
      const response = await app.inject({ url: '/v1/health' });
      assert.equal(response.statusCode, 200);
      assert.equal(check.violations.length, 1);
      const [violation] = check.violations;
      assert.equal(violation!.operationId, 'getHealth');
      assert.match(violation!.problems.join(), /\/status must be equal to one of the allowed values/);
      assert.throws(() => check.assertNone(), /GET \/v1\/health \(getHealth\) answered 200 application\/json/);
    } finally {
      await app.close();
    }
  });

  it('a success status the operation does not declare is reported', async () => {
    const { app, check } = await appWith({ getHealth: ({ reply }) => (reply.code(201), health) });
    try {
      assert.equal((await app.inject({ url: '/v1/health' })).statusCode, 201);
      assert.deepEqual(
        check.violations.map((v) => v.problems),
        [['status 201 is not declared']],
      );
    } finally {
      await app.close();
    }
  });

  it('a media type the status does not declare is reported', async () => {
    const { app, check } = await appWith({ getLibrary: ({ reply }) => reply.type('text/plain').send('Perpustakaan') });
    try {
      assert.equal((await app.inject({ url: '/v1/libraries/dispusip-bontang' })).statusCode, 200);
      assert.match(check.violations[0]?.problems.join() ?? '', /^text\/plain is not declared for status 200/);
    } finally {
      await app.close();
    }
  });

  it('a problem with a code the contract does not list is reported', async () => {
    const gone = {
      type: 'https://pustaka.dev/problems/gone',
      title: 'Not Found',
      status: 404,
      code: 'gone',
      detail: 'Gone.',
    };
    const { app, check } = await appWith({
      getLibrary: ({ reply }) => reply.code(404).type('application/problem+json').send(gone),
    });
    try {
      assert.equal((await app.inject({ url: '/v1/libraries/dispusip-bontang' })).statusCode, 404);
      assert.match(check.violations[0]?.problems.join() ?? '', /\/code must be equal to one of the allowed values/);
    } finally {
      await app.close();
    }
  });

  it('answers that match are not reported', async () => {
    const { app, check } = await appWith({});
    try {
      assert.equal((await app.inject({ url: '/v1/health' })).statusCode, 200);
      assert.equal((await app.inject({ url: '/v1/libraries?per_page=500' })).statusCode, 400);
      assert.equal((await app.inject({ url: '/v1/nothing-here' })).statusCode, 404);
      check.assertNone();
    } finally {
      await app.close();
    }
  });
});

describe('the response schemas', () => {
  it('never write a field the contract does not declare', async () => {
    const { app, check } = await appWith({
      getLibrary: async ({ stores, params }) => {
        const library = (await stores.libraries.get(params.libraryId))!;
        // What a handler might add by mistake: personal data that must never reach a caller.
        return Object.assign(library, { head_librarian_nik: '6474010101800001' });
      },
    });
    try {
      const response = await app.inject({ url: '/v1/libraries/dispusip-bontang' });
      assert.equal(response.statusCode, 200);
      assert.equal(response.json().id, 'dispusip-bontang');
      assert.doesNotMatch(response.body, /head_librarian_nik|6474010101800001/);
      check.assertNone();
    } finally {
      await app.close();
    }
  });

  it('never write half an answer: one without a required field is a 500 problem', async () => {
    // @ts-expect-error a Health needs `time`
    const { app, check } = await appWith({ getHealth: () => ({ status: 'ok', version: '0.0.0', database: 'ok' }) });
    try {
      const response = await app.inject({ url: '/v1/health' });
      assert.equal(response.statusCode, 500);
      assert.equal(response.json().code, 'internal');
      check.assertNone();
    } finally {
      await app.close();
    }
  });

  it('keep every documented field of a problem: code, errors, retry_after', async () => {
    const { app, check } = await appWith({});
    try {
      const problem = (await app.inject({ url: '/v1/catalog/search?per_page=0&year_from=1' })).json();
      assert.equal(problem.code, 'validation_failed');
      assert.equal(problem.type, 'https://pustaka.dev/problems/validation_failed');
      assert.deepEqual(problem.errors.map((error: { field: string }) => error.field).sort(), ['per_page', 'year_from']);
      check.assertNone();
    } finally {
      await app.close();
    }
  });
});
