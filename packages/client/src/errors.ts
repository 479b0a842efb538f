import type { FieldError, Problem } from './types.js';

/** What went wrong: the server answered an error (`api`), it could not be reached (`network`), or it was too slow (`timeout`). */
export type PustakaErrorKind = 'api' | 'network' | 'timeout';

/**
 * Base class of every error the client throws. A request cancelled through the caller's own `signal` is not
 * one of them: it rejects with the signal's reason, a native `AbortError` `DOMException`, so that code which
 * cancels stale requests can recognise and ignore it.
 */
export abstract class PustakaError extends Error {
  /** What went wrong; the same as an `instanceof` test, usable in a `switch`. */
  declare readonly kind: PustakaErrorKind;

  constructor(kind: PustakaErrorKind, name: string, message: string, options?: ErrorOptions) {
    super(message, options);
    // Set here rather than read from the class: minifiers rename classes.
    (this as { kind: PustakaErrorKind }).kind = kind;
    this.name = name;
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
export class PustakaApiError extends PustakaError {
  declare readonly kind: 'api';
  /** HTTP status of the answer, e.g. `404`. */
  declare readonly status: number;
  /**
   * Stable machine code: `validation_failed`, `not_found`, `credentials_missing`, `rate_limited`, ... (see
   * `Problem.code`). An answer without a problem detail (say an HTML page from a proxy) gets `http_<status>`,
   * e.g. `http_502`; so does a success whose body is not JSON (`http_200` from a captive portal).
   */
  declare readonly code: Problem['code'];
  /** A human sentence (English) about this occurrence; for logs, not for end users. */
  declare readonly detail: string;
  /** One entry per invalid field, for `validation_failed`; empty otherwise. */
  declare readonly errors: FieldError[];
  /** Seconds to wait before trying again (from the problem's `retry_after` or the `Retry-After` header), if given. */
  declare readonly retryAfter: number | undefined;
  /** The whole RFC 9457 problem body (one made up from the status when the server sent none). */
  declare readonly problem: Problem;

  /**
   * @param response The error answer (or a success whose body is not JSON, say a captive portal's page).
   * @param body Its parsed body, if it was JSON: a problem detail, or anything else (one is then made up from the status).
   */
  constructor(response: Response, body?: unknown) {
    const { status } = response;
    const problem: Problem =
      (body as Partial<Problem> | undefined)?.code
        ? (body as Problem)
        : { type: 'about:blank', title: response.statusText, status, code: `http_${status}`, detail: `HTTP ${status}` };
    super('api', 'PustakaApiError', problem.detail);
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
export class PustakaNetworkError extends PustakaError {
  declare readonly kind: 'network';

  constructor(cause: unknown) {
    super('network', 'PustakaNetworkError', 'Network error', { cause });
  }
}

/** The server did not answer within the client's `timeout` (per attempt). */
export class PustakaTimeoutError extends PustakaError {
  declare readonly kind: 'timeout';

  constructor() {
    super('timeout', 'PustakaTimeoutError', 'Timed out');
  }
}
