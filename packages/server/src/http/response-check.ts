import type { FastifyInstance } from 'fastify';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { ContractOperation } from './contract.js';
import { createAjv } from './validation.js';

/** An answer that does not match the contract: which request, and what is wrong with it. */
export interface ResponseViolation {
  operationId: string;
  method: string;
  url: string;
  status: number;
  contentType: string;
  /** One sentence per mismatch ("status 201 is not declared", "/items/0/format must be equal to one of ..."). */
  problems: string[];
}

/**
 * What an answer may be: the media types (and their schemas) of the status the contract declares for it.
 * `default` (any other problem: 414, 500, 501, ...) stands for errors only: a success must be declared.
 */
function declaredContent(operation: ContractOperation, status: number): Record<string, object> | undefined {
  const { responses } = operation;
  return (
    responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? (status >= 400 ? responses.default : undefined)
  );
}

/**
 * Checks every answer of an operation against the contract, as written on the wire: its status is declared,
 * its media type is one the status declares (none for a bodiless answer such as 304), and its JSON body
 * validates against that media type's schema. For tests (`buildApp({ checkResponses })`): each mismatch is
 * handed to `report`, and the answer goes out unchanged. Answers outside the API (site pages, the CDN, the API
 * reference) and CORS preflights are not checked; an unrouted `/v1/` path must answer a problem.
 */
export function registerResponseCheck(
  app: FastifyInstance,
  operations: ContractOperation[],
  report: (violation: ResponseViolation) => void,
): void {
  const ajv = createAjv({ for: 'answers' });
  const byOperationId = new Map(operations.map((operation) => [operation.operationId, operation]));
  const problemSchema = operations
    .flatMap((operation) => Object.values(operation.responses))
    .map((content) => content['application/problem+json'])
    .find((schema) => schema !== undefined);
  const validators = new Map<object, ValidateFunction>();
  const validatorOf = (schema: object) => {
    let validate = validators.get(schema);
    if (!validate) validators.set(schema, (validate = ajv.compile(schema)));
    return validate;
  };
  const notFound: ContractOperation | undefined = problemSchema && {
    operationId: '(no route)',
    method: 'GET',
    path: '',
    route: '',
    parameters: [],
    rawBodyTypes: [],
    security: [],
    idempotent: false,
    responses: {
      '404': { 'application/problem+json': problemSchema },
      '405': { 'application/problem+json': problemSchema },
    },
  };

  app.addHook('onSend', async (request, reply, payload) => {
    const operationId = request.routeOptions.config?.operationId;
    const path = request.url.split('?')[0]!;
    // A CORS preflight is answered by the CORS plugin, before any operation: the contract does not describe it.
    if (request.method === 'OPTIONS' && !operationId) return payload;
    const operation = operationId ? byOperationId.get(operationId) : path.startsWith('/v1/') ? notFound : undefined;
    if (!operation) return payload;
    const status = reply.statusCode;
    const contentType = String(reply.getHeader('content-type') ?? '')
      .split(';')[0]!
      .trim();
    const problems: string[] = [];
    const content = declaredContent(operation, status);
    const text =
      typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
    if (!content) problems.push(`status ${status} is not declared`);
    else if (Object.keys(content).length === 0) {
      if (text) problems.push(`status ${status} declares no body, but one was sent (${contentType || 'no type'})`);
    } else if (!(contentType in content)) {
      problems.push(
        `${contentType || 'no content type'} is not declared for status ${status} (${Object.keys(content).join(', ')})`,
      );
    } else if (text === undefined) {
      problems.push('the body is a stream, so it could not be checked');
    } else {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        problems.push('the body is not JSON');
      }
      const validate = validatorOf(content[contentType]!);
      if (!problems.length && !validate(body)) {
        for (const error of validate.errors ?? []) problems.push(`${error.instancePath || '(body)'} ${error.message}`);
      }
    }
    if (problems.length) {
      report({
        operationId: operation.operationId,
        method: request.method,
        url: request.url,
        status,
        contentType,
        problems,
      });
    }
    return payload;
  });
}
