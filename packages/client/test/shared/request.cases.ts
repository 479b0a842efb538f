/**
 * `client.request(method, path, init)` against the REAL server, in Node and in Chromium: the same answers,
 * headers, errors and abort as the named methods.
 */
import { createPustakaClient, type PustakaClientOptions } from '../../src/index.js';
import { check, checkEqual, uuidPattern } from './check.js';
import { abortError, apiError, recordingFetch, type Case } from './real-server.cases.js';

export function requestCases(baseUrl: () => string): Case[] {
  const client = (options: Omit<PustakaClientOptions, 'baseUrl'> = {}) =>
    createPustakaClient({ baseUrl: baseUrl(), ...options });
  const origin = () => baseUrl().replace(/\/$/, '');

  return [
    {
      name: 'request() reads by method and path, with path parameters and a query, and answers as the named method does',
      async run() {
        const { requests, fetch } = recordingFetch();
        const pustaka = client({ fetch });
        const library = await pustaka.request('get', '/v1/libraries/{libraryId}', {
          params: { path: { libraryId: 'dispusip-bontang' } },
        });
        checkEqual(library.id, 'dispusip-bontang', 'id');
        checkEqual(
          JSON.stringify(library),
          JSON.stringify(await pustaka.libraries.get('dispusip-bontang')),
          'the same as libraries.get()',
        );
        const schools = await pustaka.request('get', '/v1/libraries', {
          params: { query: { kind: ['school'], per_page: 2 } },
        });
        checkEqual(schools.per_page, 2, 'per_page');
        for (const school of schools.items) checkEqual(school.kind, 'school', `${school.id} kind`);
        const health = await pustaka.request('get', '/v1/health');
        checkEqual(health.status, 'ok', 'health');
        checkEqual(requests[0]!.url, `${origin()}/v1/libraries/dispusip-bontang`, 'URL with its path parameter');
        checkEqual(requests[2]!.url, `${origin()}/v1/libraries?kind=school&per_page=2`, 'URL with its query');
        checkEqual(requests[0]!.headers.get('idempotency-key'), null, 'a read carries no Idempotency-Key');
      },
    },
    {
      name: 'request() writes as the named methods do: JSON body, site key, one Idempotency-Key, not retried on 401',
      async run() {
        const { requests, fetch } = recordingFetch();
        const visit = { kind: 'guest', institution: 'SMPN 2 Bontang', purpose: 'read' } as const;
        const error = await apiError(
          client({ fetch, siteKey: 'pk_unknown' }).request('post', '/v1/visits', { body: visit }),
          401,
          'credentials_invalid',
        );
        checkEqual(requests.length, 1, 'attempts');
        const [write] = requests as [Request];
        checkEqual(write.method, 'POST', 'method');
        checkEqual(write.headers.get('x-pustaka-key'), 'pk_unknown', 'X-Pustaka-Key');
        check(uuidPattern.test(write.headers.get('idempotency-key') ?? ''), 'a UUID Idempotency-Key');
        checkEqual(write.headers.get('content-type'), 'application/json', 'Content-Type');
        checkEqual(await write.text(), JSON.stringify(visit), 'body');
        checkEqual(error.operation, 'recordVisit', 'operation');
        checkEqual(error.method, 'POST', 'method of the error');
        checkEqual(error.url, `${origin()}/v1/visits`, 'url of the error');
      },
    },
    {
      name: 'a request() error names the operation, the method and the whole URL, in its properties and its message',
      async run() {
        const error = await apiError(
          client().request('get', '/v1/libraries', {
            params: { query: { kind: ['school'], per_page: 1000 as never } },
          }),
          400,
          'validation_failed',
        );
        checkEqual(error.operation, 'listLibraries', 'operation');
        checkEqual(error.method, 'GET', 'method');
        checkEqual(error.url, `${origin()}/v1/libraries?kind=school&per_page=1000`, 'url');
        checkEqual(error.message, `GET ${error.url} (listLibraries): ${error.detail}`, 'message');
      },
    },
    {
      name: "request() is cancelled by the caller's signal like the named methods",
      async run() {
        await abortError(client().request('get', '/v1/libraries', { signal: AbortSignal.abort() }));
      },
    },
  ];
}
