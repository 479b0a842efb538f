import { STATUS_CODES } from 'node:http';
import type { FieldError, Problem, ProblemCode } from '../types.js';

/** Base of the `type` URIs; each problem kind gets its own stable URI derived from its `code`. */
export const PROBLEM_BASE = 'https://pustaka.dev/problems/';

/**
 * An error that becomes an RFC 9457 problem+json answer. Throw it from anywhere inside a request; the error
 * handler writes it. `detail` must never contain personal data (NIK, phone, address, birth date).
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly errors: FieldError[] | undefined;
  readonly retryAfter: number | undefined;
  readonly headers: Record<string, string>;
  /** RFC 9457 extension members the contract declares for this answer (an import's partial report). */
  readonly extensions: Record<string, unknown>;

  constructor(
    status: number,
    code: ProblemCode,
    detail: string,
    options: {
      errors?: FieldError[];
      retryAfter?: number;
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
    this.status = status;
    this.code = code;
    this.errors = options.errors;
    this.retryAfter = options.retryAfter;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }

  toProblem(instance?: string): Problem {
    return {
      ...this.extensions,
      ...problem(this.status, this.code, this.message, { instance, errors: this.errors, retry_after: this.retryAfter }),
    };
  }
}

export function problem(
  status: number,
  code: ProblemCode,
  detail: string,
  extra: { instance?: string | undefined; errors?: FieldError[] | undefined; retry_after?: number | undefined } = {},
): Problem {
  const body: Problem = {
    type: PROBLEM_BASE + code,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    code,
    detail,
  };
  if (extra.instance) body.instance = extra.instance;
  if (extra.errors?.length) body.errors = extra.errors;
  if (extra.retry_after !== undefined) body.retry_after = extra.retry_after;
  return body;
}

export const notFound = (detail: string) => new ProblemError(404, 'not_found', detail);

/** The detail of a 400 `validation_failed`: the one field named, or how many there are (`errors` lists them). */
export const invalidFieldsDetail = (errors: readonly FieldError[]) =>
  errors.length === 1
    ? `The request has 1 invalid field: ${errors[0]!.field} ${errors[0]!.message}.`
    : `The request has ${errors.length} invalid fields.`;

/** A 400 `validation_failed` naming each invalid field. */
export const validationFailed = (errors: FieldError[]) =>
  new ProblemError(400, 'validation_failed', invalidFieldsDetail(errors), { errors });
