import type { FastifyInstance } from 'fastify';
import type { ContractOperation } from './contract.js';

/**
 * Operations whose JSON body the contract makes optional (approveRegistration) take a POST with no body, or
 * with `Content-Type: application/json` and nothing after it (which Fastify would refuse as invalid JSON), as
 * an empty object: the handler and the Idempotency-Key's request hash see one shape either way. Every other
 * operation keeps the refusal.
 */
export function acceptEmptyOptionalBodies(app: FastifyInstance, operations: ContractOperation[]): void {
  const optional = new Set(
    operations.filter((operation) => operation.jsonBody && !operation.jsonBody.required).map((o) => o.operationId),
  );
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const operationId = (request.routeOptions.config as { operationId?: string }).operationId;
    if (body === '' && operationId && optional.has(operationId)) return done(null, undefined);
    return parseJson(request, body as string, done);
  });
  // Validation runs after this hook and checks the body against the operation's schema (an object).
  app.addHook('preValidation', async (request) => {
    const operationId = (request.routeOptions.config as { operationId?: string } | undefined)?.operationId;
    if (request.body === undefined && operationId && optional.has(operationId)) request.body = {};
  });
}
