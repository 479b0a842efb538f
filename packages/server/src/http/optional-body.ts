import type { FastifyInstance } from 'fastify';
import type { ContractOperation } from './contract.js';

/**
 * Operations whose JSON body the contract makes optional (approveRegistration) take `Content-Type:
 * application/json` with nothing after it (which Fastify would refuse as invalid JSON) as no body at all, the
 * same as a POST without one (validation lets an optional body be absent: contract.ts `x-optional-body`). Every
 * other operation keeps the refusal.
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
}
