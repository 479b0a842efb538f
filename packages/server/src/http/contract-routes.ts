import type { FastifyInstance } from 'fastify';
import type { Authenticator } from '../auth/principal.js';
import type { Stores } from '../storage/stores.js';
import { hashRequest } from '../storage/idempotency.js';
import { routeSchema, type ContractOperation } from './contract.js';
import { routedHandler, type OperationHandlers } from './operations.js';
import { ProblemError } from './problem.js';
import { Upload } from './upload.js';

interface Wiring {
  stores: Stores;
  authenticator: Authenticator;
  handlers: OperationHandlers;
}

/**
 * Media types of catalogue files: handed to the handler as an Upload, read as they arrive. A declared length
 * over the route's limit is refused before anything is read.
 */
function acceptRawBodies(app: FastifyInstance, operations: ContractOperation[]): void {
  const types = new Set(operations.flatMap((operation) => operation.rawBodyTypes));
  for (const type of types) {
    app.addContentTypeParser(type, (request, payload, done) => {
      const limit = request.routeOptions.bodyLimit;
      if (Number(request.headers['content-length']) > limit) {
        return done(new ProblemError(413, 'payload_too_large',
          `The file is larger than this server takes over HTTP (${limit} bytes). Import larger files with the command line.`), undefined);
      }
      done(null, new Upload(payload, limit));
    });
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
    const handler = routedHandler(wiring.handlers, operation.operationId);
    app.route({
      method: operation.method,
      url: operation.route,
      schema: routeSchema(operation),
      config: { operationId: operation.operationId },
      // Credentials first, before the body is even parsed: a stranger learns nothing from validation errors.
      onRequest: operation.security.length
        ? async (request) => {
            request.principal = wiring.authenticator.authenticate(request, operation.security);
          }
        : undefined,
      handler: async (request, reply) => {
        const principal = request.principal;
        if (!handler) {
          throw new ProblemError(501, 'not_implemented', `${operation.operationId} is not implemented on this server yet.`);
        }
        const key = operation.idempotent ? request.headers['idempotency-key'] : undefined;
        const scope = `${operation.operationId}:${principal?.credentialId ?? 'anonymous'}`;
        // A file body stands in the hash by its digest, known once it has been read.
        const upload = request.body instanceof Upload ? request.body : undefined;
        const requestHash = () => hashRequest({ params: request.params, query: request.query, body: request.body });
        if (typeof key === 'string') {
          const stored = wiring.stores.idempotency.find(scope, key);
          if (stored) {
            await upload?.drain();
            if (stored.requestHash !== requestHash()) {
              throw new ProblemError(409, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request.');
            }
            reply.header('Idempotent-Replayed', 'true');
            return reply.status(stored.status).send(stored.body);
          }
        }
        let result;
        try {
          result = await handler({
            request,
            reply,
            query: request.query,
            params: request.params,
            body: request.body,
            principal,
            stores: wiring.stores,
          });
        } catch (error) {
          // A file the handler did not read to its end (refused, broken off, too large) is let go.
          upload?.discard();
          throw error;
        }
        if (typeof key === 'string' && !reply.sent && reply.statusCode < 300) {
          await upload?.drain();
          wiring.stores.idempotency.save(scope, key, { requestHash: requestHash(), status: reply.statusCode, body: result });
        } else upload?.discard();
        if (reply.sent) return reply;
        return result;
      },
    });
  }
}
