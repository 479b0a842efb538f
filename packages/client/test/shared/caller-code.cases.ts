/**
 * An exception of the caller's own code (its `fetch`, its `onRetry`, its abort reason, its base URL) rejects the
 * call as itself, at once, never as a `PustakaNetworkError`; a real network failure seen through the caller's
 * `fetch` still is one. Against the REAL server and a real refused address, in Node and in Chromium.
 */
import { createPustakaClient, PustakaError, PustakaNetworkError, type PustakaClientOptions } from '../../src/index.js';
import { check, checkEqual, instanceOf, rejection } from './check.js';
import type { Case } from './real-server.cases.js';

/**
 * Nothing answers here, for real: Node's connection is refused, and Chromium refuses port 1 (an unsafe port)
 * before a packet leaves. Either way fetch rejects with its own network TypeError.
 */
const unreachable = 'http://127.0.0.1:1';

const noWait = { delay: () => 0 };

/** Fails unless `error` is exactly `thrown`, the caller's own exception. */
function checkPassedThrough(error: unknown, thrown: unknown, what: string): void {
  check(error === thrown, `${what}: the caller's own exception comes back as itself, not ${String(error)}`);
  check(!(error instanceof PustakaError), `${what}: not a PustakaError`);
}

export function callerCodeCases(baseUrl: () => string): Case[] {
  const client = (options: Omit<PustakaClientOptions, 'baseUrl'> = {}) =>
    createPustakaClient({ baseUrl: baseUrl(), retry: noWait, ...options });

  return [
    {
      name: "a TypeError thrown by the caller's own fetch rejects the call as itself, tried once",
      async run() {
        let calls = 0;
        let thrown: unknown;
        const tracingFetch = (request: Request) => {
          calls++;
          try {
            // A bug in the caller's tracing code: the header is not there.
            return Promise.resolve(request.headers.get('x-trace-id')!.length as unknown as Response);
          } catch (error) {
            thrown = error;
            throw error;
          }
        };
        const error = await rejection(client({ fetch: tracingFetch }).libraries.list(), 'the call');
        check(thrown instanceof TypeError, `the tracing code threw a TypeError, not ${String(thrown)}`);
        checkPassedThrough(error, thrown, 'the call');
        checkEqual(calls, 1, 'attempts');
      },
    },
    {
      name: "the caller's fetch failing after the real server answered rejects the call as itself, tried once",
      async run() {
        let calls = 0;
        const thrown = new RangeError('The trace buffer is full.');
        const tracingFetch = async (request: Request) => {
          calls++;
          const response = await fetch(request);
          checkEqual(response.status, 200, 'the real answer');
          throw thrown;
        };
        checkPassedThrough(
          await rejection(client({ fetch: tracingFetch }).system.health(), 'the call'),
          thrown,
          'the call',
        );
        checkEqual(calls, 1, 'attempts');
      },
    },
    {
      name: "through the caller's own fetch, a real network failure is still a PustakaNetworkError naming the call, after the retries",
      async run() {
        const requests: Request[] = [];
        const tracingFetch = (request: Request) => {
          requests.push(request);
          return fetch(request);
        };
        const error = await rejection(
          createPustakaClient({ baseUrl: unreachable, retry: noWait, fetch: tracingFetch }).catalog.getRecord(
            'rec_8f3a2c',
          ),
          'the call',
        );
        const networkError = instanceOf(error, PustakaNetworkError, 'the rejection');
        check(networkError.cause instanceof TypeError, 'the cause is the TypeError of fetch');
        checkEqual(networkError.operation, 'getCatalogRecord', 'operation');
        checkEqual(networkError.method, 'GET', 'method');
        checkEqual(networkError.url, `${unreachable}/v1/catalog/records/rec_8f3a2c`, 'url');
        checkEqual(
          networkError.message,
          `GET ${unreachable}/v1/catalog/records/rec_8f3a2c (getCatalogRecord): Network error`,
          'message',
        );
        checkEqual(requests.length, 3, 'attempts (two retries)');
      },
    },
    {
      name: 'an onRetry that throws rejects the call as itself, before any wait or second attempt',
      async run() {
        let calls = 0;
        const thrown = new Error('The logger is closed.');
        const pustaka = createPustakaClient({
          baseUrl: unreachable,
          // A wait that a test would notice: the call must not get that far.
          retry: { delay: () => 60_000 },
          fetch: (request) => {
            calls++;
            return fetch(request);
          },
          onRetry: () => {
            throw thrown;
          },
        });
        checkPassedThrough(await rejection(pustaka.libraries.list(), 'the call'), thrown, 'the call');
        checkEqual(calls, 1, 'attempts');
      },
    },
    {
      name: "the caller's abort reason comes back as itself, even one that looks like a network failure",
      async run() {
        const lookalike = new TypeError('Failed to fetch');
        const controller = new AbortController();
        controller.abort(lookalike);
        checkPassedThrough(
          await rejection(client().libraries.list({}, { signal: controller.signal }), 'the call aborted before'),
          lookalike,
          'the call aborted before',
        );
        const during = new AbortController();
        const reason = new Error('A newer search started.');
        const call = client({
          fetch: (request) => {
            // Aborted while the real request is under way.
            const answer = fetch(request);
            during.abort(reason);
            return answer;
          },
        }).catalog.suggest({ q: 'lask' }, { signal: during.signal });
        checkPassedThrough(await rejection(call, 'the call aborted during'), reason, 'the call aborted during');
      },
    },
    {
      name: 'a baseUrl that is no URL rejects with the TypeError of the URL parser, not a network error, before any fetch',
      async run() {
        let calls = 0;
        const pustaka = createPustakaClient({
          baseUrl: 'http://[::1',
          fetch: (request) => {
            calls++;
            return fetch(request);
          },
        });
        const error = await rejection(pustaka.system.health(), 'the call');
        check(error instanceof TypeError, `a TypeError, not ${String(error)}`);
        check(!(error instanceof PustakaError), 'not a PustakaError');
        checkEqual(calls, 0, 'fetches');
      },
    },
  ];
}
