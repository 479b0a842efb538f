import type { FastifyInstance } from 'fastify';
import type { Authenticator, SchemeName } from '../auth/principal.js';
import type { Stores } from '../storage/stores.js';
import { hashRequest } from '../storage/idempotency.js';
import { routeSchema, type ContractOperation } from './contract.js';
import type { OperationHandlers } from './operations.js';
import { ProblemError } from './problem.js';

interface Wiring {
  stores: Stores;
  authenticator: Authenticator;
  handlers: OperationHandlers;
}

/** Media types of catalogue files: read whole as bytes, the import parses them. */
function acceptRawBodies(app: FastifyInstance, operations: ContractOperation[]): void {
  const types = new Set(operations.flatMap((operation) => operation.rawBodyTypes));
  for (const type of types) {
    app.addContentTypeParser(type, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  }
}

/**
 * Routes every operation of the contract. Order per request: credentials, validation (Fastify, against the
 * contract), idempotent replay, then the handler, or 501 when none exists yet (so a 501 never tells an
 * anonymous caller more than a 401 would).
 */
export function registerContractRoutes(app: FastifyInstance, operations: ContractOperation[], wiring: Wiring): void {
  acceptRawBodies(app, operations);
  for (const operation of operations) {
    const handler = wiring.handlers[operation.operationId];
    app.route({
      method: operation.method,
      url: operation.route,
      schema: routeSchema(operation),
      config: { operationId: operation.operationId },
      // Credentials first, before the body is even parsed: a stranger learns nothing from validation errors.
      onRequest: operation.security.length
        ? async (request) => {
            request.principal = wiring.authenticator.authenticate(request, operation.security as SchemeName[][]);
          }
        : undefined,
      handler: async (request, reply) => {
        const principal = request.principal;
        if (!handler) {
          throw new ProblemError(501, 'not_implemented', `${operation.operationId} is not implemented on this server yet.`);
        }
        const key = operation.idempotent ? request.headers['idempotency-key'] : undefined;
        const scope = `${operation.operationId}:${principal?.credentialId ?? 'anonymous'}`;
        const requestHash = key ? hashRequest({ params: request.params, query: request.query, body: request.body }) : '';
        if (typeof key === 'string') {
          const stored = wiring.stores.idempotency.find(scope, key);
          if (stored) {
            if (stored.requestHash !== requestHash) {
              throw new ProblemError(409, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request.');
            }
            reply.header('Idempotent-Replayed', 'true');
            return reply.status(stored.status).send(stored.body);
          }
        }
        const result = await handler({
          request,
          reply,
          query: request.query as Record<string, unknown>,
          params: request.params as Record<string, string>,
          body: request.body,
          principal,
          stores: wiring.stores,
        });
        if (reply.sent) return reply;
        if (typeof key === 'string' && reply.statusCode < 300) {
          wiring.stores.idempotency.save(scope, key, { requestHash, status: reply.statusCode, body: result });
        }
        return result;
      },
    });
  }
}
