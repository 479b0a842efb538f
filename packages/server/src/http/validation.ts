import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FieldError } from '../types.js';
import { optionalBody } from './contract.js';

/**
 * One Ajv for the whole contract. OpenAPI 3.1 schemas are JSON Schema 2020-12, which Fastify's built-in
 * (draft-07) Ajv rejects. For requests, `coerceTypes: 'array'` turns `?format=book` into `['book']` and
 * `?page=2` into 2, and defaults are filled in; answers are checked as they are (`for: 'answers'`): a string
 * where the contract says integer is a mismatch there, not something to fix.
 */
export function createAjv(options: { for: 'requests' | 'answers' } = { for: 'requests' }): Ajv2020 {
  const requests = options.for === 'requests';
  const ajv = new Ajv2020({
    coerceTypes: requests ? 'array' : false,
    useDefaults: requests,
    allErrors: true,
    strictTuples: false,
    discriminator: true,
  });
  addFormats.default(ajv);
  // OpenAPI annotations and our extensions that are not JSON Schema keywords.
  for (const keyword of ['example', 'x-media-types', optionalBody]) ajv.addKeyword({ keyword });
  return ajv;
}

/**
 * The validator of one part of a request. A body the contract makes optional may be absent (Fastify then
 * validates `null`, which no object schema accepts); when it is there, it is validated in full.
 */
export function requestValidator(ajv: Ajv2020, schema: Record<string, unknown>): ValidateFunction {
  const validate = ajv.compile(schema);
  if (!schema[optionalBody]) return validate;
  const optional = ((data: unknown, context?: Parameters<ValidateFunction>[1]) =>
    data === null || data === undefined || validate(data, context)) as ValidateFunction;
  Object.defineProperty(optional, 'errors', { get: () => validate.errors });
  // Fastify hands the request as the parent only to a function that looks like Ajv's own.
  Object.defineProperty(optional, 'schemaEnv', { value: validate.schemaEnv });
  return optional;
}

export type { ValidateFunction };

/** Where a value came from, as Fastify names the parts of a request. */
export type RequestPart = 'querystring' | 'params' | 'headers' | 'body';

/** What the mapping reads of an Ajv error (as Ajv reports it, or as Fastify hands it on). */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string | undefined;
}

/** Ajv's errors as one field error each, named the way the caller wrote the field. */
export function toFieldErrors(errors: SchemaError[], part: string | undefined): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of errors) {
    // A failed `oneOf`/`if` only repeats what its branches already said.
    if (error.keyword === 'oneOf' || error.keyword === 'if' || error.keyword === 'anyOf') continue;
    const fieldError = toFieldError(error, part);
    const id = `${fieldError.field}|${fieldError.code}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(fieldError);
  }
  return out;
}

function toFieldError(error: SchemaError, part: string | undefined): FieldError {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const { params } = error;
  let code = error.keyword;
  if (error.keyword === 'required') path.push(String(params.missingProperty));
  if (error.keyword === 'additionalProperties') {
    path.push(String(params.additionalProperty));
    code = part === 'querystring' ? 'unknown_parameter' : 'unknown_field';
  }
  if (error.keyword === 'discriminator') path.push(String(params.tag));
  const field = path.join('.') || (part === 'body' ? 'body' : (part ?? 'request'));
  return { field, code, message: messageFor(error, code) };
}

function messageFor(error: SchemaError, code: string): string {
  const { params } = error;
  switch (code) {
    case 'required':
      return 'is required';
    case 'unknown_parameter':
      return 'is not a parameter of this operation';
    case 'unknown_field':
      return 'is not a field of this request';
    case 'enum':
      return `must be one of: ${Array.isArray(params.allowedValues) ? params.allowedValues.join(', ') : ''}`;
    case 'discriminator':
      return 'must name a known kind';
    default:
      return error.message ?? 'is invalid';
  }
}
