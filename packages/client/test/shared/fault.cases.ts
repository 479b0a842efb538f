/**
 * Faults the real server cannot be made to produce on demand: a lost network, a server that never answers,
 * a 503 that succeeds on retry, a proxy's HTML page, a rate limit. A scripted `fetch` plays them; everything
 * else about the client runs for real. Shared by the Node and the Chromium test files.
 */
import {
  createPustakaClient,
  PustakaApiError,
  PustakaError,
  PustakaNetworkError,
  PustakaTimeoutError,
  type PustakaClientOptions,
  type RetryEvent,
  type Visit,
} from '../../src/index.js';
import { check, checkEqual, checkSameList, instanceOf, rejection, uuidPattern } from './check.js';
import type { Case } from './real-server.cases.js';

const baseUrl = 'https://pustaka.test';

const visit: Visit = {
  id: 'vis_01',
  library_id: 'dispusip-bontang',
  kind: 'guest',
  people: 1,
  counted: true,
  recorded_at: '2026-11-25T09:12:00+08:00',
};

const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const problem =
  (status: number, code: string, headers: Record<string, string> = {}, extra: object = {}) =>
  () =>
    new Response(
      JSON.stringify({
        type: `https://pustaka.dev/problems/${code}`,
        title: 'x',
        status,
        code,
        detail: `A ${code}.`,
        ...extra,
      }),
      {
        status,
        headers: { 'content-type': 'application/problem+json', ...headers },
      },
    );

const html =
  (status: number, statusText: string, headers: Record<string, string> = {}) =>
  () =>
    new Response('<html><body><h1>Bad Gateway</h1></body></html>', {
      status,
      statusText,
      headers: { 'content-type': 'text/html', ...headers },
    });

const networkFailure = () => Promise.reject(new TypeError('Failed to fetch'));

/** Never answers; rejects like fetch does when the request's signal aborts. */
const silence = (request: Request) =>
  new Promise<Response>((_, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
  });

/** A fetch that plays `answers` in turn (the last one again once they run out) and records each request. */
function scripted(...answers: Array<(request: Request) => Response | Promise<Response>>) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return answers[Math.min(requests.length, answers.length) - 1]!(request);
  };
  return { requests, fetch };
}

const fastRetries = { delay: () => 0 };

const client = (fetch: PustakaClientOptions['fetch'], options: Omit<PustakaClientOptions, 'baseUrl' | 'fetch'> = {}) =>
  createPustakaClient({ baseUrl, fetch, ...options });

const keys = (requests: Request[]) => requests.map((request) => request.headers.get('idempotency-key'));

export const faultCases: Case[] = [
  {
    name: 'an idempotent write is retried after a 503 with Retry-After, under the same Idempotency-Key',
    async run() {
      const { requests, fetch } = scripted(problem(503, 'unavailable', { 'retry-after': '0' }), json(visit, 201));
      const recorded = await client(fetch).visits.record({ kind: 'member', member_number: 'BTG-2026-000123' });
      checkEqual(recorded.id, 'vis_01', 'the visit');
      checkEqual(requests.length, 2, 'attempts');
      const [first, second] = keys(requests);
      check(uuidPattern.test(first ?? ''), `a UUID key, not ${first}`);
      checkEqual(second, first, 'the key of the retry');
    },
  },
  {
    name: 'a write that cannot reach the server is retried under one key, then rejects with PustakaNetworkError',
    async run() {
      const { requests, fetch } = scripted(networkFailure);
      const error = await rejection(
        client(fetch, { retry: fastRetries }).membership.approve('reg_01jd9x4k', { note: 'Kartu di loket.' }),
        'the offline write',
      );
      const networkError = instanceOf(error, PustakaNetworkError, 'the rejection');
      checkEqual(networkError.kind, 'network', 'kind');
      checkEqual(networkError.name, 'PustakaNetworkError', 'name');
      check(networkError instanceof PustakaError, 'a PustakaError');
      check(networkError.cause instanceof TypeError, 'the fetch error is the cause');
      checkEqual(networkError.operation, 'approveRegistration', 'operation');
      checkEqual(networkError.method, 'POST', 'method');
      checkEqual(networkError.url, `${baseUrl}/v1/membership/registrations/reg_01jd9x4k/approve`, 'url');
      checkEqual(requests.length, 3, 'attempts (two retries)');
      checkEqual(new Set(keys(requests)).size, 1, 'distinct keys over the retries');
    },
  },
  {
    name: "each call gets its own key; the caller's own key is sent as it is, also by a read",
    async run() {
      const { requests, fetch } = scripted(json(visit, 201));
      const pustaka = client(fetch);
      await pustaka.visits.record({ kind: 'guest', institution: 'SDN 005' });
      await pustaka.visits.record({ kind: 'guest', institution: 'SDN 005' });
      await pustaka.visits.record({ kind: 'guest', institution: 'SDN 005' }, { idempotencyKey: 'form-42' });
      await pustaka.libraries.list({}, { idempotencyKey: 'mine' });
      const [first, second, third, read] = keys(requests);
      check(first !== second, 'two calls, two keys');
      checkEqual(third, 'form-42', "the caller's key");
      checkEqual(read, 'mine', "the caller's key on a read");
    },
  },
  {
    name: 'without crypto.randomUUID (a page on plain http) a random key is still made',
    async run() {
      const { requests, fetch } = scripted(json(visit, 201));
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      try {
        await client(fetch).visits.record({ kind: 'guest', institution: 'SDN 005' });
        await client(fetch).visits.record({ kind: 'guest', institution: 'SDN 005' });
      } finally {
        delete (crypto as { randomUUID?: unknown }).randomUUID;
      }
      check(uuidPattern.test(crypto.randomUUID()), 'crypto.randomUUID is back');
      const [first, second] = keys(requests);
      check(/^\d+-\d+-\d+-\d+$/.test(first ?? ''), `128 random bits, not ${first}`);
      check(first !== second, 'two calls, two keys');
    },
  },
  {
    name: 'a server that does not answer in time rejects with PustakaTimeoutError, not retried',
    async run() {
      const { requests, fetch } = scripted(silence);
      const started = Date.now();
      const error = await rejection(client(fetch, { timeout: 50 }).libraries.list(), 'the slow call');
      const timeoutError = instanceOf(error, PustakaTimeoutError, 'the rejection');
      checkEqual(timeoutError.kind, 'timeout', 'kind');
      checkEqual(timeoutError.operation, 'listLibraries', 'operation');
      checkEqual(timeoutError.message, `GET ${baseUrl}/v1/libraries (listLibraries): Timed out`, 'message');
      check(timeoutError instanceof PustakaError, 'a PustakaError');
      checkEqual(requests.length, 1, 'attempts');
      check(requests[0]!.signal.aborted, 'the request was aborted');
      check(Date.now() - started < 2000, 'rejected soon after the timeout');
    },
  },
  {
    name: "a proxy's HTML 502 becomes a PustakaApiError coded http_502, after the retries",
    async run() {
      const { requests, fetch } = scripted(html(502, 'Bad Gateway'));
      const error = await rejection(
        client(fetch, { retry: fastRetries }).libraries.get('dispusip-bontang'),
        'the call',
      );
      const apiError = instanceOf(error, PustakaApiError, 'the rejection');
      checkEqual(apiError.status, 502, 'status');
      checkEqual(apiError.code, 'http_502', 'code');
      checkEqual(apiError.problem.status, 502, 'problem.status');
      checkEqual(apiError.problem.title, 'Bad Gateway', 'problem.title');
      checkEqual(apiError.retryAfter, undefined, 'retryAfter');
      checkEqual(requests.length, 3, 'attempts');
    },
  },
  {
    name: 'retryAfter comes from the problem, or from the Retry-After header of a page without one',
    async run() {
      const limited = await rejection(
        client(scripted(problem(429, 'rate_limited', { 'retry-after': '30' }, { retry_after: 30 })).fetch, {
          retry: 0,
        }).catalog.search({ q: 'laskar' }),
        'the limited call',
      );
      const rateLimited = instanceOf(limited, PustakaApiError, 'the 429');
      checkEqual(rateLimited.code, 'rate_limited', 'code');
      checkEqual(rateLimited.retryAfter, 30, 'retryAfter of the 429');
      const busy = await rejection(
        client(scripted(html(503, 'Service Unavailable', { 'retry-after': '120' })).fetch, {
          retry: 0,
        }).system.health(),
        'the busy call',
      );
      const unavailable = instanceOf(busy, PustakaApiError, 'the 503');
      checkEqual(unavailable.code, 'http_503', 'code');
      checkEqual(unavailable.retryAfter, 120, 'retryAfter of the 503');
    },
  },
  {
    name: 'a validation problem keeps its field errors',
    async run() {
      const fieldErrors = [{ field: 'address.postal_code', code: 'pattern', message: 'must be 5 digits' }];
      const error = await rejection(
        client(scripted(problem(400, 'validation_failed', {}, { errors: fieldErrors })).fetch).membership.form(),
        'the invalid call',
      );
      const apiError = instanceOf(error, PustakaApiError, 'the rejection');
      checkEqual(JSON.stringify(apiError.errors), JSON.stringify(fieldErrors), 'errors');
    },
  },
  {
    name: 'a success that is not JSON (a captive portal) rejects with a PustakaApiError',
    async run() {
      const error = await rejection(client(scripted(html(200, 'OK')).fetch).libraries.list(), 'the portal call');
      const apiError = instanceOf(error, PustakaApiError, 'the rejection');
      checkEqual(apiError.code, 'http_200', 'code');
    },
  },
  {
    name: 'aborting while a retry waits for Retry-After rejects at once with an AbortError',
    async run() {
      const { requests, fetch } = scripted(problem(503, 'unavailable', { 'retry-after': '30' }));
      const controller = new AbortController();
      const started = Date.now();
      // Aborted on the condition itself: the client has scheduled a retry 30 s away.
      const waits: number[] = [];
      const pustaka = client(fetch, {
        onRetry: ({ delay }) => {
          waits.push(delay);
          controller.abort();
        },
      });
      const error = await rejection(
        pustaka.visits.stats({ granularity: 'month' }, { signal: controller.signal }),
        'the aborted call',
      );
      check(error instanceof DOMException && error.name === 'AbortError', `an AbortError, not ${String(error)}`);
      checkSameList(waits, [30_000], 'the wait that was cut short (Retry-After, in ms)');
      check(Date.now() - started < 2000, 'rejected without waiting 30 s');
      checkEqual(requests.length, 1, 'attempts');
    },
  },
  {
    name: 'onRetry hears each retry: which call, which attempt, how long it waits and why',
    async run() {
      const { fetch } = scripted(
        problem(503, 'unavailable', { 'retry-after': '0' }),
        networkFailure,
        json({ items: [] }),
      );
      const heard: RetryEvent[] = [];
      const suggestions = await client(fetch, {
        retry: fastRetries,
        onRetry: (retry) => heard.push(retry),
      }).catalog.suggest({ q: 'lask' });
      checkEqual(suggestions.items.length, 0, 'the answer after the retries');
      checkEqual(heard.length, 2, 'retries heard');
      const [afterStatus, afterNetwork] = heard as [RetryEvent, RetryEvent];
      checkEqual(afterStatus.operation, 'suggestCatalog', 'operation');
      checkEqual(afterStatus.method, 'GET', 'method');
      checkEqual(afterStatus.url, `${baseUrl}/v1/catalog/suggestions?q=lask`, 'url');
      checkEqual(afterStatus.attempt, 1, 'first retry');
      checkEqual(afterStatus.status, 503, 'status');
      checkEqual(afterStatus.delay, 0, 'Retry-After: 0');
      checkEqual(afterStatus.error, undefined, 'no network error');
      checkEqual(afterNetwork.attempt, 2, 'second retry');
      checkEqual(afterNetwork.status, undefined, 'no status');
      const networkError = instanceOf(afterNetwork.error, PustakaNetworkError, 'the network error');
      checkEqual(networkError.operation, 'suggestCatalog', 'operation of the network error');
    },
  },
  {
    name: 'the default backoff waits 0.3 s, then 0.6 s; backoffLimit caps it',
    async run() {
      const waits = async (retry: PustakaClientOptions['retry']) => {
        const heard: number[] = [];
        const controller = new AbortController();
        const pustaka = client(scripted(networkFailure).fetch, {
          retry,
          onRetry: ({ attempt, delay }) => {
            heard.push(delay);
            // Aborted on the condition: the last retry is scheduled, so no test ever waits for one.
            if (attempt === 2) controller.abort();
          },
        });
        await rejection(pustaka.system.health({ signal: controller.signal }), 'the call');
        return heard;
      };
      checkSameList(await waits(undefined), [300, 600], 'default waits');
      checkSameList(await waits({ backoffLimit: 400 }), [300, 400], 'waits with backoffLimit 400');
    },
  },
  {
    name: 'an answer whose body breaks off rejects with PustakaNetworkError naming the call',
    async run() {
      const brokenOff = () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"items": ['));
              // What undici's body stream fails with when the connection drops mid-answer.
              controller.error(new TypeError('terminated'));
            },
          }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        );
      const error = await rejection(client(scripted(brokenOff).fetch).libraries.list(), 'the call');
      const networkError = instanceOf(error, PustakaNetworkError, 'the rejection');
      checkEqual(networkError.operation, 'listLibraries', 'operation');
      checkEqual(networkError.url, `${baseUrl}/v1/libraries`, 'url');
    },
  },
  {
    name: 'retry: 0 retries nothing, not even an idempotent write',
    async run() {
      const { requests, fetch } = scripted(problem(503, 'unavailable', { 'retry-after': '0' }), json(visit, 201));
      const error = await rejection(
        client(fetch, { retry: 0 }).visits.record({ kind: 'guest', institution: 'x' }),
        'the call',
      );
      checkEqual(instanceOf(error, PustakaApiError, 'the rejection').code, 'unavailable', 'code');
      checkEqual(requests.length, 1, 'attempts');
    },
  },
  {
    name: 'client headers go with every request; a call can override or drop one',
    async run() {
      const { requests, fetch } = scripted(json({ items: [] }));
      const pustaka = client(fetch, { token: 'kt_kiosk', headers: { 'x-trace': 'a' } });
      await pustaka.catalog.suggest({ q: 'lask' });
      await pustaka.catalog.suggest({ q: 'lask' }, { headers: { 'x-trace': 'b', authorization: undefined } });
      const [first, second] = requests as [Request, Request];
      checkEqual(first.headers.get('authorization'), 'Bearer kt_kiosk', 'Authorization');
      checkEqual(first.headers.get('x-trace'), 'a', 'client header');
      checkEqual(second.headers.get('x-trace'), 'b', 'call header');
      checkEqual(second.headers.get('authorization'), null, 'dropped header');
    },
  },
];
