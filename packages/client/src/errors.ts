import type { FieldError, Problem } from './types.js';

/** What went wrong: the server answered an error (`api`), it could not be reached (`network`), or it was too slow (`timeout`). */
export type PustakaErrorKind = 'api' | 'network' | 'timeout';

/**
 * A problem's stable code: one the contract declares (`Problem['code']`), or `http_<status>` for an answer that
 * carried no problem (a proxy's HTML page, a captive portal's 200).
 */
export type ErrorCode = Problem['code'] | `http_${number}`;

/** The problem behind a `PustakaApiError`: the server's own, or one made up from the status (`code: 'http_502'`). */
export type ApiProblem = Omit<Problem, 'code'> & { code: ErrorCode };

/** Which call failed: the contract's operation, the HTTP method and the URL. */
export interface FailedRequest {
  /** The contract's `operationId`, e.g. `'searchCatalog'`. */
  operation: string;
  /** The HTTP method, upper case: `'GET'`. */
  method: string;
  /** The whole URL asked for, query included. */
  url: string;
}

/**
 * What the three errors share; `PustakaError` below is this class as callers use it. See `PustakaError`.
 */
abstract class PustakaErrorBase extends Error {
  /** What went wrong; the same as an `instanceof` test, usable in a `switch`. */
  declare readonly kind: PustakaErrorKind;
  /** The contract's `operationId` of the failed call, e.g. `'searchCatalog'` (undefined for an error made outside the client, say in a test). */
  declare readonly operation: string | undefined;
  /** The HTTP method of the failed call, upper case, e.g. `'GET'`. */
  declare readonly method: string | undefined;
  /** The URL of the failed call, query included. */
  declare readonly url: string | undefined;

  constructor(kind: PustakaErrorKind, name: string, message: string, request?: FailedRequest, options?: ErrorOptions) {
    super(request ? `${request.method} ${request.url} (${request.operation}): ${message}` : message, options);
    // Set here rather than read from the class: minifiers rename classes.
    Object.assign(this, { kind, name, ...request });
  }
}

/**
 * The server answered with an error status. `code` is stable: build on it, never on `detail` or `message`.
 *
 * @example
 * try {
 *   await client.libraries.get('perpus-x');
 * } catch (error) {
 *   if (error instanceof PustakaApiError && error.code === 'not_found') showNotFound();
 *   else throw error;
 * }
 */
export class PustakaApiError extends PustakaErrorBase {
  declare readonly kind: 'api';
  /** HTTP status of the answer, e.g. `404`. */
  declare readonly status: number;
  /**
   * Stable machine code: `validation_failed`, `not_found`, `credentials_missing`, `rate_limited`, ... (see
   * `Problem.code`). An answer without a problem detail (say an HTML page from a proxy) gets `http_<status>`,
   * e.g. `http_502`; so does a success whose body is not JSON (`http_200` from a captive portal).
   */
  declare readonly code: ErrorCode;
  /** A human sentence (English) about this occurrence; for logs, not for end users. */
  declare readonly detail: string;
  /** One entry per invalid field, for `validation_failed`; empty otherwise. */
  declare readonly errors: FieldError[];
  /** Seconds to wait before trying again (from the problem's `retry_after` or the `Retry-After` header), if given. */
  declare readonly retryAfter: number | undefined;
  /** The whole RFC 9457 problem body (one made up from the status when the server sent none). */
  declare readonly problem: ApiProblem;

  /**
   * @param response The error answer (or a success whose body is not JSON, say a captive portal's page).
   * @param body Its parsed body, if it was JSON: a problem detail, or anything else (one is then made up from the status).
   * @param request Which call it answered.
   */
  constructor(response: Response, body?: unknown, request?: FailedRequest) {
    const { status } = response;
    const problem: ApiProblem = (body as Partial<Problem> | undefined)?.code
      ? (body as Problem)
      : { type: 'about:blank', title: response.statusText, status, code: `http_${status}`, detail: `HTTP ${status}` };
    super('api', 'PustakaApiError', problem.detail, request);
    Object.assign(this, {
      status,
      code: problem.code,
      detail: problem.detail,
      errors: problem.errors ?? [],
      // The contract sends Retry-After as seconds; an HTTP date (from a proxy) gives undefined.
      retryAfter: problem.retry_after ?? (+response.headers.get('retry-after')! || undefined),
      problem,
    });
  }
}

/** The server could not be reached: offline, DNS failure, connection refused, or a CORS refusal. The original error is in `cause`. */
export class PustakaNetworkError extends PustakaErrorBase {
  declare readonly kind: 'network';

  /**
   * @param cause What `fetch` rejected with.
   * @param request Which call it was.
   */
  constructor(cause: unknown, request?: FailedRequest) {
    super('network', 'PustakaNetworkError', 'Network error', request, { cause });
  }
}

/** The server did not answer within the client's `timeout` (per attempt). */
export class PustakaTimeoutError extends PustakaErrorBase {
  declare readonly kind: 'timeout';

  /** @param request Which call it was. */
  constructor(request?: FailedRequest) {
    super('timeout', 'PustakaTimeoutError', 'Timed out', request);
  }
}

/**
 * Any error the client throws: a discriminated union on `kind`, so that a `switch` narrows it.
 *
 * It says which call failed, in its properties and its message (`GET https://…/v1/libraries/x (getLibrary): No
 * library has the id x.`). A request cancelled through the caller's own `signal` is not one of them: it rejects
 * with the signal's reason, a native `AbortError` `DOMException`, so that code which cancels stale requests can
 * recognise and ignore it. Nor is an exception thrown by the caller's own code (a custom `fetch`, an `onRetry`):
 * that rejects the call as it is.
 *
 * @example
 * try {
 *   await client.libraries.get('perpus-x');
 * } catch (error) {
 *   if (!(error instanceof PustakaError)) throw error;
 *   switch (error.kind) {
 *     case 'api': return error.code === 'not_found' ? showNotFound() : showProblem(error.status);
 *     case 'network': return showOffline();
 *     case 'timeout': return showTooSlow();
 *   }
 * }
 */
export type PustakaError = PustakaApiError | PustakaNetworkError | PustakaTimeoutError;

/**
 * The base class of the three, for `instanceof`: `error instanceof PustakaError` narrows `error` to the union
 * above (through `Symbol.hasInstance`'s type; at run time it is the plain class test), where a class alone would
 * narrow it to a base whose `kind` tells nothing about `status` or `code`.
 */
export const PustakaError = PustakaErrorBase as typeof PustakaErrorBase & {
  [Symbol.hasInstance](value: unknown): value is PustakaError;
};
