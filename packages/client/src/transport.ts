/**
 * One call on the wire: its attempts, each with a timeout, and the waits between them. Written after ky's retry
 * loop (`source/core/Ky.ts`), with ky's option names and defaults, in a tenth of its size: ky alone was 4.9 of
 * the client's 6 kB budget, and the client needs none of the rest (hooks, progress, parsing shortcuts).
 */
import { PustakaNetworkError, PustakaTimeoutError, type FailedRequest } from './errors.js';

/** How to retry; ky's option names and defaults. */
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

/** How the attempts of every call go: the client's options, with the defaults filled in. */
export interface Attempts {
  fetch: ((request: Request) => Promise<Response>) | undefined;
  timeout: number | false;
  retry: Required<RetryOptions>;
  onRetry: ((retry: RetryEvent) => void) | undefined;
}

/** The retry options, over the defaults. */
export const retryOptions = (retry: number | RetryOptions = {}): Required<RetryOptions> => ({
  limit: 2,
  methods: ['get', 'post'],
  statusCodes: [408, 413, 429, 500, 502, 503, 504],
  afterStatusCodes: [413, 429, 503],
  maxRetryAfter: Infinity,
  backoffLimit: Infinity,
  delay: (attempt) => 300 * 2 ** (attempt - 1),
  ...(typeof retry == 'number' ? { limit: retry } : retry),
});

/**
 * fetch rejects with a TypeError when the network fails, but so does a bug in a caller's own `fetch` or a
 * `Request` with a bad URL; only the messages tell them apart (as ky 2 and `is-network-error` do): Chrome,
 * Firefox, Safari, Node (undici, also when a body breaks off).
 */
export const isNetworkFailure = (error: unknown): error is TypeError =>
  error instanceof TypeError &&
  /^(failed to fetch|fetch failed|networkerror when|load failed|the internet connection|network error|terminated)/i.test(error.message);

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

/**
 * Sends `request()` (a fresh `Request` per attempt, on the signal given) until an answer that is not retried:
 * a success, an error status that is not retried, or the last attempt's. Rejects with `PustakaTimeoutError`
 * (not retried), `PustakaNetworkError` after the retries, the caller's signal's reason once it aborts, and
 * anything else (the caller's own `fetch` or `onRetry` throwing) as it is, at once.
 */
export async function send(
  request: (signal: AbortSignal) => Request,
  { fetch = globalThis.fetch, timeout, retry, onRetry }: Attempts,
  failed: FailedRequest,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const retried = retry.methods.includes(failed.method.toLowerCase());
  for (let attempt = 1; ; attempt++) {
    const attemptController = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let status: number | undefined;
    let error: PustakaNetworkError | undefined;
    let wait: number;
    try {
      const response = await new Promise<Response>((resolve, reject) => {
        if (timeout !== false) {
          timer = setTimeout(() => {
            reject(new PustakaTimeoutError(failed));
            attemptController.abort();
          }, timeout);
        }
        fetch(request(signal ? AbortSignal.any([signal, attemptController.signal]) : attemptController.signal)).then(resolve, reject);
      });
      status = response.status;
      const retryAfter = response.headers.get('retry-after');
      if (response.ok || !retried || attempt > retry.limit || !retry.statusCodes.includes(status)) return response;
      if (retryAfter && retry.afterStatusCodes.includes(status)) {
        // Seconds, or an HTTP date.
        wait = Math.min(isNaN(+retryAfter) ? Date.parse(retryAfter) - Date.now() : +retryAfter * 1000, retry.maxRetryAfter);
      } else if (status == 413) {
        return response;
      } else {
        wait = Math.min(retry.delay(attempt), retry.backoffLimit);
      }
      // The answer is dropped: free its connection.
      void response.body?.cancel();
    } catch (reason) {
      if (signal?.aborted) throw signal.reason;
      if (!isNetworkFailure(reason)) throw reason;
      error = new PustakaNetworkError(reason, failed);
      if (!retried || attempt > retry.limit) throw error;
      wait = Math.min(retry.delay(attempt), retry.backoffLimit);
    } finally {
      clearTimeout(timer);
    }
    onRetry?.({ ...failed, attempt, delay: wait, status, error });
    await sleep(wait, signal);
  }
}
