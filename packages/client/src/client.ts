import type { InitArgs, PathsFor, RequestOptions, ResultIn } from './call-types.js';
import { PustakaApiError, PustakaNetworkError, type FailedRequest } from './errors.js';
import { namedMethods, type NamedMethodEntry, type NamedMethods } from './methods.js';
import { operationRoutes, type OperationId } from './operations.js';
import { createTransport, isNetworkFailure, type RetryEvent, type RetryOptions } from './transport.js';
import type { ApiMethod, Operation } from './types.js';

/** How to reach the Pustaka server, and how patiently. */
export interface PustakaClientOptions {
  /**
   * Where the server answers: its origin, plus the path it is mounted under if any; without `/v1`.
   *
   * @example 'https://pustaka.bontangkota.go.id'
   * @example location.origin
   */
  baseUrl: string | URL;
  /**
   * The library's public site key (`pk_...`), sent as `X-Pustaka-Key` with writes (`visits.record`,
   * `membership.register`), which need it when they come from a website. Reads of public data need no
   * credential, so they go without it and stay simple CORS requests (no preflight per keystroke).
   *
   * @default undefined
   */
  siteKey?: string;
  /**
   * A secret kiosk (`kt_...`) or staff (`sk_...`) token, sent as `Authorization: Bearer <token>` with every
   * request. Never put one in a public web page.
   *
   * @default undefined
   */
  token?: string;
  /**
   * The `fetch` to use (for tracing, or a runtime without a global one). It is always called with a `Request`.
   * What it throws rejects the call as it is (and is not retried), unless it is the network failure of the
   * `fetch` it wraps, which becomes a `PustakaNetworkError`.
   *
   * @default globalThis.fetch
   */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * Milliseconds to wait for the answer of each attempt before failing with `PustakaTimeoutError`; `false`
   * waits as long as the network does.
   *
   * @default 10000
   */
  timeout?: number | false;
  /**
   * How to retry: a number of retries, or ky's retry options over its defaults. ky retries a call twice
   * (after 0.3 s, then 0.6 s) on a network error and on 408, 429, 500, 502, 503 and 504 (and 413 when it says
   * `Retry-After`), waiting `Retry-After` when a 413, 429 or 503 gives one; a timeout is not retried, nor an
   * exception of the caller's own code. Writes are retried too: every write of the v1 contract carries an
   * `Idempotency-Key`, the same on each retry, so the server performs it once. `0` never retries.
   *
   * @default { limit: 2, methods: ['get', 'post'] }
   * @example 0
   * @example { limit: 4, backoffLimit: 2000 }
   */
  retry?: number | RetryOptions;
  /**
   * Called before each retry, before its wait, with the call, the retry's number, the wait and what went wrong:
   * to log it, to say "trying again" on screen, or to abort. What it throws rejects the call as it is.
   *
   * @default undefined
   * @example ({ operation, attempt, status }) => console.warn(`${operation}: retry ${attempt} after ${status ?? 'a network error'}`)
   */
  onRetry?: (retry: RetryEvent) => void;
  /**
   * Headers sent with every request.
   *
   * @default {}
   */
  headers?: Record<string, string>;
}

/**
 * Any operation of the contract by its method and path, with the same errors, retries, idempotency keys and
 * abort as the named methods. Path parameters, query, body and result are typed from the contract's `paths`.
 */
export type RequestMethod = <M extends ApiMethod, P extends PathsFor<M>>(
  method: M,
  path: P,
  ...init: InitArgs<Operation<P, M>>
) => Promise<ResultIn<Operation<P, M>>>;

/** A typed client for the Pustaka v1 API. Every method rejects with a `PustakaError` subclass or an `AbortError`. */
export interface PustakaClient extends NamedMethods {
  /**
   * Calls any operation of the contract by its method and path (the named methods call it too). Path
   * parameters go in `params.path`, the query in `params.query`, a JSON body in `body`.
   *
   * @example
   * const record = await client.request('get', '/v1/catalog/records/{recordId}', {
   *   params: { path: { recordId: 'rec_8f3a2c' } },
   *   signal,
   * });
   * @example
   * const visit = await client.request('post', '/v1/visits', { body: { kind: 'guest', institution: 'SDN 005' } });
   */
  request: RequestMethod;
}

/** What `request()` reads of its init, whatever the operation. */
interface AnyInit extends RequestOptions {
  params?: { path?: Record<string, string>; query?: Record<string, unknown> };
  body?: unknown;
}

/**
 * Creates a client for one Pustaka server.
 *
 * @example
 * // A library's website: public reads, and writes with its site key.
 * const client = createPustakaClient({ baseUrl: 'https://pustaka.bontangkota.go.id', siteKey: 'pk_live_...' });
 * const { items } = await client.catalog.search({ q: 'laskar pelangi' });
 *
 * @example
 * // The kiosk at the library door.
 * const kiosk = createPustakaClient({ baseUrl, token: 'kt_...', timeout: 5000 });
 */
export function createPustakaClient(options: PustakaClientOptions): PustakaClient {
  const base = String(options.baseUrl).replace(/\/$/, '');
  const send = createTransport({
    ...options,
    headers: { authorization: options.token ? `Bearer ${options.token}` : undefined, ...options.headers },
  });

  async function request(method: ApiMethod, path: string, init: AnyInit = {}): Promise<unknown> {
    const { params = {}, body, signal } = init;
    const write = method == 'post';
    // As the contract declares them (form, explode): an array as repeated keys (`format=book&format=ebook`),
    // undefined and null left out, booleans and numbers as `true` and `20`.
    const query = new URLSearchParams(
      Object.entries(params.query ?? {}).flatMap(([key, value]) =>
        [value].flat().flatMap((item: unknown) => (item == null ? [] : [[key, String(item)]])),
      ),
    ).toString();
    const failed: FailedRequest = {
      operation:
        Object.keys(operationRoutes).find(
          (id) => operationRoutes[id as OperationId].replace('?', '') == `${method} ${path}`,
        ) ?? path,
      method: method.toUpperCase(),
      url:
        base +
        path.replace(/{(\w+)}/g, (_, name: string) => encodeURIComponent(params.path![name]!)) +
        (query && `?${query}`),
    };
    // A file (text, bytes or a Blob) goes as it is, with the type of its Blob or of the headers; the rest as JSON.
    const raw =
      typeof body == 'string' || body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body);
    const response = await send(
      failed.url,
      {
        method,
        signal,
        // Over the client's headers; ky leaves out a header set to undefined (names are case-insensitive).
        headers: {
          // ky's `json` sets application/json, a Blob brings its own type; a client-wide one would be wrong for both.
          'content-type': undefined,
          // Reads go without the site key, so that they stay simple CORS requests (no preflight).
          'x-pustaka-key': write ? options.siteKey : undefined,
          // crypto.randomUUID exists only in secure contexts (https, localhost); a library's website may be served
          // over plain http, where 128 random bits do as well. Every retry of this call sends the same key.
          'idempotency-key':
            init.idempotencyKey ??
            (write ? (crypto.randomUUID?.() ?? crypto.getRandomValues(new Uint32Array(4)).join('-')) : undefined),
          ...init.headers,
        },
        ...(raw ? { body } : { json: body }),
      },
      failed,
    );
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      // The answer broke off: a network failure too.
      throw isNetworkFailure(error) ? new PustakaNetworkError(error, failed) : error;
    }
    let result: unknown;
    try {
      result = JSON.parse(text);
    } catch {
      // An HTML page from a proxy, or no body: the status still says what happened.
    }
    if (response.ok && result !== undefined) return result;
    throw new PustakaApiError(response, result, failed);
  }

  /**
   * A named method: the path parameters in order, then the query of a GET that takes one or the body of a POST,
   * then the call's options; or one argument for its adapter, then the options.
   */
  function named(entry: NamedMethodEntry) {
    const [operation, adapt] = [entry].flat() as [OperationId, ((input: unknown) => AnyInit)?];
    const [, method, path, takesQuery] = /(\w+) ([^?]+)(\?)?/.exec(operationRoutes[operation]) as unknown as [
      string,
      ApiMethod,
      string,
      string?,
    ];
    return (...args: unknown[]) => {
      if (adapt) return request(method, path, { ...(args[1] as RequestOptions), ...adapt(args[0]) });
      const pathParams: Record<string, string> = {};
      path.replace(/{(\w+)}/g, (_, name: string) => (pathParams[name] = args.shift() as string));
      const input = method == 'post' || takesQuery ? args.shift() : undefined;
      return request(method, path, {
        ...(args[0] as RequestOptions | undefined),
        params: { path: pathParams, query: method == 'get' ? (input as Record<string, unknown>) : undefined },
        body: method == 'post' ? input : undefined,
      });
    };
  }

  const groups = Object.entries(namedMethods).map(([group, methods]) => [
    group,
    Object.fromEntries(Object.entries(methods).map(([name, entry]) => [name, named(entry)])),
  ]);
  return { ...Object.fromEntries(groups), request } as PustakaClient;
}
