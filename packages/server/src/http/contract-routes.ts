import type { FastifyInstance } from 'fastify';
import type { Authenticator } from '../auth/principal.js';
import type { Stores } from '../storage/stores.js';
import { keyReservations, requestHasher, type CommitWithAnswer } from './exactly-once.js';
import { routeSchema, type ContractOperation } from './contract.js';
import { routedHandler, type OperationHandlers } from './operations.js';
import { answerMethodNotAllowed } from './errors.js';
import { ProblemError } from './problem.js';
import { Upload } from './upload.js';
import { storageHealth } from './storage-health.js';
import { storageFailureOf } from '../catalog/import/storage-failure.js';

interface Wiring {
  stores: Stores;
  authenticator: Authenticator;
  handlers: OperationHandlers;
  /** How long a request waits for the answer of another holding its Idempotency-Key (default 10 s). */
  duplicateWaitMs?: number;
}

const keyReused = () =>
  new ProblemError(409, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request.');

/**
 * Media types of catalogue files: handed to the handler as an Upload, read as they arrive. A declared length
 * over the route's limit is refused before anything is read.
 */
function acceptRawBodies(app: FastifyInstance, operations: ContractOperation[]): void {
  // No operation takes text/plain: JSON sent as text is 415, not a string that fails validation as 400.
  app.removeContentTypeParser('text/plain');
  const types = new Set(operations.flatMap((operation) => operation.rawBodyTypes));
  for (const type of types) {
    app.addContentTypeParser(type, (request, payload, done) => {
      const limit = request.routeOptions.bodyLimit;
      if (Number(request.headers['content-length']) > limit) {
        return done(
          new ProblemError(
            413,
            'payload_too_large',
            `The file is larger than this server takes over HTTP (${limit} bytes). Import larger files with the command line.`,
          ),
          undefined,
        );
      }
      done(null, new Upload(payload, limit));
    });
  }
}

/**
 * The methods the contract gives a request path (`/v1/libraries/x` → GET), HEAD with GET as Fastify answers
 * it; none when the path is not the contract's. Compared segment by segment: no expression built from routes.
 */
function methodsOfPath(operations: ContractOperation[]): (path: string) => string[] {
  const routes = new Map<string, { segments: string[]; methods: Set<string> }>();
  for (const operation of operations) {
    const route = routes.get(operation.route) ?? { segments: operation.route.split('/'), methods: new Set() };
    route.methods.add(operation.method);
    if (operation.method === 'GET') route.methods.add('HEAD');
    routes.set(operation.route, route);
  }
  return (path) => {
    const segments = path.replace(/\/{2,}/g, '/').split('/');
    const methods = new Set<string>();
    for (const route of routes.values()) {
      if (route.segments.length !== segments.length) continue;
      const matches = route.segments.every(
        (segment, i) => segment === segments[i] || (segment.startsWith(':') && segments[i] !== ''),
      );
      if (matches) for (const method of route.methods) methods.add(method);
    }
    return [...methods].sort();
  };
}

/**
 * Routes every operation of the contract. Order per request: credentials, validation (Fastify, against the
 * contract), the Idempotency-Key, then the handler, or 501 when none exists yet (so a 501 never tells an
 * anonymous caller more than a 401 would).
 *
 * Exactly-once writes: the key is reserved in the store (an atomic insert, see storage/idempotency.ts) before
 * the handler runs. A duplicate sent while the first runs waits for its answer and replays it (or, after
 * `duplicateWaitMs`, gets 409 `idempotency_in_progress` with Retry-After); a different request with the key
 * gets 409 `idempotency_key_reused`; a handler that fails or answers an error releases the key for a retry.
 * The handler's effect and the stored answer are two commits here (an import is many), unless the handler
 * hands its writes to `commit` (http/exactly-once.ts), which commits them and the answer in one transaction.
 */
export function registerContractRoutes(app: FastifyInstance, operations: ContractOperation[], wiring: Wiring): void {
  acceptRawBodies(app, operations);
  answerMethodNotAllowed(app, methodsOfPath(operations));
  const reservations = keyReservations(wiring.stores.idempotency, { waitMs: wiring.duplicateWaitMs });
  for (const operation of operations) {
    const handler = routedHandler(wiring.handlers, operation.operationId);
    const hashOf = requestHasher(wiring.stores, operation.personalData === true);
    const bodyTypes = new Set([...(operation.jsonBody ? ['application/json'] : []), ...operation.rawBodyTypes]);
    app.route({
      method: operation.method,
      url: operation.route,
      schema: routeSchema(operation),
      config: { operationId: operation.operationId },
      // Credentials first, before the body is even parsed: a stranger learns nothing from validation errors.
      onRequest: operation.security.length
        ? async (request) => {
            request.principal = await wiring.authenticator.authenticate(request, operation.security);
          }
        : undefined,
      // A body of a type this operation does not take (a catalogue file sent to a JSON operation) is 415.
      preValidation: async (request) => {
        const type = request.headers['content-type']?.split(';')[0]!.trim().toLowerCase();
        if (type && request.body !== undefined && !bodyTypes.has(type)) {
          if (request.body instanceof Upload) request.body.discard();
          throw new ProblemError(
            415,
            'unsupported_media_type',
            `This operation takes ${[...bodyTypes].join(' or ') || 'no body'}, not ${type}.`,
          );
        }
      },
      handler: async (request, reply) => {
        const principal = request.principal;
        if (!handler) {
          throw new ProblemError(
            501,
            'not_implemented',
            `${operation.operationId} is not implemented on this server yet.`,
          );
        }
        const key = operation.idempotent ? request.headers['idempotency-key'] : undefined;
        const scope = `${operation.operationId}:${principal?.credentialId ?? 'anonymous'}`;
        // A file body stands in the hash by its digest, known once it has been read.
        const upload = request.body instanceof Upload ? request.body : undefined;
        const requestHash = () => hashOf({ params: request.params, query: request.query, body: request.body });
        const reserved = typeof key === 'string' ? key : undefined;
        if (reserved !== undefined) {
          const claim = await reservations.claim(scope, reserved, upload ? null : requestHash());
          if (claim.outcome === 'answered') {
            await upload?.drain();
            if (claim.response.requestHash !== requestHash()) throw keyReused();
            reply.header('Idempotent-Replayed', 'true');
            return reply.status(claim.response.status).send(claim.response.body);
          }
          if (claim.outcome === 'in_progress') {
            upload?.discard();
            if (claim.requestHash !== null && !upload && claim.requestHash !== requestHash()) throw keyReused();
            throw new ProblemError(
              409,
              'idempotency_in_progress',
              `A request with this Idempotency-Key is still running (waited ${Math.round(claim.waitedMs / 1000)} s); send it again shortly to get its answer.`,
              { retryAfter: 2 },
            );
          }
        }
        // A handler whose write and answer commit together (the answer is then stored; nothing is left to do).
        let committed = false;
        const commit: CommitWithAnswer = async (writes, answer) => {
          if (reserved === undefined) return wiring.stores.idempotency.commit(writes);
          const response = { requestHash: requestHash(), status: answer.status, body: answer.body };
          await reservations.complete(scope, reserved, response, writes);
          committed = true;
          reply.status(answer.status);
        };
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
            commit,
          });
        } catch (error) {
          // Any write the storage refused (not only an import's) shows on /v1/health until one goes through.
          const storage = storageFailureOf(error);
          if (storage) storageHealth.failed(wiring.stores, storage);
          // A file the handler did not read to its end (refused, broken off, too large) is let go.
          upload?.discard();
          // A release that fails too (the disk that failed the handler) must not hide the handler's error.
          if (reserved !== undefined) await reservations.release(scope, reserved).catch(() => undefined);
          throw error;
        }
        if (committed) {
          // Stored with the handler's writes.
        } else if (reserved !== undefined && !reply.sent && reply.statusCode < 300) {
          try {
            await upload?.drain();
            await reservations.complete(scope, reserved, {
              requestHash: requestHash(),
              status: reply.statusCode,
              body: result,
            });
          } catch (error) {
            await reservations.release(scope, reserved);
            throw error;
          }
        } else {
          upload?.discard();
          if (reserved !== undefined) await reservations.release(scope, reserved);
        }
        if (operation.method !== 'GET' && reply.statusCode < 300) storageHealth.worked(wiring.stores);
        if (reply.sent) return reply;
        return result;
      },
    });
  }
}
