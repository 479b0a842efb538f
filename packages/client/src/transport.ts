/**
 * The client on ky: one `ky.create()` per client sends every call, with ky's attempts, timeout and retry rules
 * (which methods, statuses and failures are retried, how often, `Retry-After` on 413, 429 and 503, a timeout never).
 * Here is only what ky 1 does not do:
 * - tell a network failure from the caller's own exception, since fetch throws a TypeError for both (ky 1 retries
 *   and rethrows either);
 * - tell `onRetry` what ky is about to wait, before the wait: ky 1 runs `beforeRetry` only after it and does not say
 *   how long it was, but a caller must hear a 30 s `Retry-After` in time to show it or to abort.
 */
import ky, { HTTPError, TimeoutError, type Options } from 'ky';
import type { Bytes } from './call-types.js';
import { PustakaNetworkError, PustakaTimeoutError, type FailedRequest } from './errors.js';

/** How to retry: ky's retry options, with ky's names and defaults but for `methods`. */
export interface RetryOptions {
  /**
   * Retries after the first attempt.
   *
   * @default 2
   */
  limit?: number;
  /**
   * The HTTP methods to retry, lower case.
   *
   * @default ['get', 'post'] // every write of the contract carries an Idempotency-Key
   */
  methods?: string[];
  /**
   * The answer statuses to retry (a 413 only when it says `Retry-After`).
   *
   * @default [408, 413, 429, 500, 502, 503, 504]
   */
  statusCodes?: number[];
  /**
   * The statuses whose `Retry-After` (seconds or an HTTP date) is waited for instead of `delay`.
   *
   * @default [413, 429, 503]
   */
  afterStatusCodes?: number[];
  /**
   * The longest `Retry-After` waited for, in milliseconds; a longer one is cut to this.
   *
   * @default Infinity
   */
  maxRetryAfter?: number;
  /**
   * The longest wait that `delay` may give, in milliseconds.
   *
   * @default Infinity
   */
  backoffLimit?: number;
  /**
   * Milliseconds to wait before retry number `attempt` (1 for the first).
   *
   * @default (attempt) => 0.3 * 2 ** (attempt - 1) * 1000 // 300 ms, then 600 ms
   * @example () => 0
   */
  delay?: (attempt: number) => number;
}

/** What `onRetry` hears before each retry. */
export interface RetryEvent extends FailedRequest {
  /** Which retry this is: 1 for the first. */
  attempt: number;
  /** Milliseconds until it is sent. */
  delay: number;
  /** The status of the answer that is retried, e.g. `503`; undefined after a network failure. */
  status: number | undefined;
  /** The network failure that is retried, if that was it. */
  error: PustakaNetworkError | undefined;
}

/** The client's options that the transport reads. */
export interface TransportOptions {
  fetch?: (request: Request) => Promise<Response>;
  timeout?: number | false;
  retry?: number | RetryOptions;
  onRetry?: (retry: RetryEvent) => void;
  headers?: Record<string, string | undefined>;
}

/** One call: where and how to send it. The URL is whole; `json` is sent as JSON, `body` as it is. */
export interface CallInit {
  method: string;
  headers: Record<string, string | undefined>;
  json?: unknown;
  body?: string | Blob | Bytes;
  signal?: AbortSignal;
}

/**
 * Sends a call and answers its last answer, error statuses included (`PustakaApiError` is built from it by the
 * caller). Rejects with `PustakaTimeoutError`, `PustakaNetworkError` after the retries, the caller's signal's
 * reason once it aborts, and anything else (the caller's own `fetch` or `onRetry` throwing) as it is, at once.
 */
export type Send = (url: string, init: CallInit, failed: FailedRequest) => Promise<Response>;

/**
 * fetch rejects with a TypeError when the network fails, but so does a bug in a caller's own `fetch` or a
 * `Request` with a bad URL; only the messages tell them apart (as ky 2 and `is-network-error` do): Chrome,
 * Firefox, Safari, Node (undici, also when a body breaks off).
 */
export const isNetworkFailure = (error: unknown): error is TypeError =>
  error instanceof TypeError &&
  /^(failed to fetch|fetch failed|networkerror when|load failed|the internet connection|network error|terminated)/i.test(
    error.message,
  );

/** What a call hands to the hooks of the one ky instance. */
type CallContext = {
  failed: FailedRequest;
  /** The caller's own signal (ky's joins it with its timeout's). */
  signal: AbortSignal | undefined;
};

/** Waits, or rejects with the signal's reason as soon as it aborts. */
const sleep = (milliseconds: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve, reject) => {
    signal?.throwIfAborted();
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', abort, { once: true });
  });

/** Creates the one ky instance of a client, and answers how a call is sent through it. */
export function createTransport({ fetch, timeout, retry = {}, onRetry, headers }: TransportOptions): Send {
  const {
    maxRetryAfter = Infinity,
    backoffLimit = Infinity,
    ...rules
  } = typeof retry == 'number' ? { limit: retry } : retry;
  const api = ky.create({
    headers,
    timeout,
    // ky clears its timeout timer when fetch settles: a caller's fetch that throws at once (not a rejection)
    // would leave the timer running, and a Node script would wait the whole timeout before it exits. Called from
    // an async function, the throw becomes a rejection.
    fetch: fetch && ((async (request: Request) => fetch(request)) as Options['fetch']),
    retry: {
      // ky retries no POST by default; every write of the contract carries an Idempotency-Key, the same on each
      // retry, which makes it safe (EveryPostIsIdempotent in operations.ts).
      methods: ['get', 'post'],
      ...rules,
      // ky decides WHETHER to retry; its own wait is cut to nothing, and beforeRetry below waits instead, after
      // telling onRetry how long (see the top of this file).
      maxRetryAfter: 0,
      backoffLimit: 0,
      // A timeout is not retried (ky's rule), nor an exception of the caller's own code.
      shouldRetry: ({ error }) => (error instanceof HTTPError || isNetworkFailure(error) ? undefined : false),
    },
    hooks: {
      beforeRetry: [
        async ({ error, retryCount, options }) => {
          const { failed, signal } = options.context as CallContext;
          const response = error instanceof HTTPError ? error.response : undefined;
          const retryAfter = response?.headers.get('retry-after');
          // The wait ky would have made: Retry-After (seconds, or an HTTP date) where it counts, else ky's `delay`
          // (the caller's, or ky's default backoff).
          const wait =
            retryAfter && options.retry.afterStatusCodes!.includes(response!.status)
              ? Math.min(isNaN(+retryAfter) ? Date.parse(retryAfter) - Date.now() : +retryAfter * 1000, maxRetryAfter)
              : Math.min(options.retry.delay!(retryCount), backoffLimit);
          // The answer is dropped: free its connection.
          void response?.body?.cancel();
          onRetry?.({
            ...failed,
            attempt: retryCount,
            delay: wait,
            status: response?.status,
            error: response ? undefined : new PustakaNetworkError(error, failed),
          });
          await sleep(wait, signal);
        },
      ],
    },
  });

  return async (url, init, failed) => {
    try {
      // Bytes are a BodyInit; only their type is spelled without the DOM library (see Bytes).
      return await api(url, {
        ...init,
        body: init.body as BodyInit,
        context: { failed, signal: init.signal } satisfies CallContext,
      });
    } catch (error) {
      if (init.signal?.aborted) throw init.signal.reason;
      // ky throws an error status as an HTTPError once it is not retried (any more); its answer is the caller's.
      if (error instanceof HTTPError) return error.response;
      if (error instanceof TimeoutError) throw new PustakaTimeoutError(failed);
      throw isNetworkFailure(error) ? new PustakaNetworkError(error, failed) : error;
    }
  };
}
