import fastifyCors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originAllowed } from '../auth/origins.js';
import type { CredentialStore } from '../storage/credentials.js';
import type { ContractOperation } from './contract.js';
import { problem } from './problem.js';

/** Headers a page on another origin may read: paging, caching, replays and how long to wait. */
const exposedHeaders = ['Retry-After', 'X-Total-Count', 'Link', 'ETag', 'Idempotent-Replayed'];
const writeHeaders = ['Content-Type', 'X-Pustaka-Key', 'Authorization', 'Idempotency-Key'];

/**
 * CORS for the API. Public reads answer any origin (`*`, never with cookies). Operations that take credentials
 * answer only the origins some active site key allows; the preflight cannot know which key will follow (a
 * browser sends none with it), so it grants the origins of all of them, and the request itself is then checked
 * against its own key's origins (403 `origin_not_allowed`, readable by the page because its origin passed the
 * preflight). A foreign origin gets no grant at all: its preflight of an operation is answered 403
 * `origin_not_allowed` without any CORS header (the browser then refuses the request, and a person reading the
 * network panel or curl's output learns why), never 404 as if the operation did not exist. The server's own
 * pages need no CORS; /cdn sets its own.
 */
export async function registerCors(
  app: FastifyInstance,
  operations: ContractOperation[],
  credentials: CredentialStore,
): Promise<void> {
  const operationAt = operationMatcher(operations);
  const refused: FastifyCorsOptions = { origin: false };

  const optionsFor = async (request: FastifyRequest): Promise<FastifyCorsOptions> => {
    const origin = request.headers.origin;
    if (!origin) return refused;
    const preflight = request.method === 'OPTIONS';
    const method = preflight ? String(request.headers['access-control-request-method'] ?? '') : request.method;
    const operation = operationAt(method.toUpperCase(), request.url.split('?')[0]!);
    if (!operation) return refused;
    if (operation.security.length === 0) {
      return { origin: '*', methods: ['GET', 'HEAD'], exposedHeaders, maxAge: 86400 };
    }
    if (!originAllowed(await credentials.activeSiteOrigins(), origin)) return refused;
    return { origin, methods: [operation.method], allowedHeaders: writeHeaders, exposedHeaders, maxAge: 600 };
  };

  await app.register(fastifyCors, {
    hideOptionsRoute: true,
    delegator: (request, callback) => {
      optionsFor(request).then(
        (options) => callback(null, options),
        (error: Error) => callback(error),
      );
    },
  });

  // After the plugin's own hook, which answers every granted preflight; what reaches this one was refused.
  app.addHook('onRequest', async (request, reply) => {
    const requestedMethod = request.headers['access-control-request-method'];
    if (request.method !== 'OPTIONS' || !request.headers.origin || typeof requestedMethod !== 'string') return;
    const path = request.url.split('?')[0]!;
    if (!operationAt(requestedMethod.toUpperCase(), path)) return;
    return reply
      .code(403)
      .header('Vary', 'Origin')
      .type('application/problem+json')
      .send(
        problem(403, 'origin_not_allowed', `No site key allows ${request.headers.origin} to call this operation.`, {
          instance: path,
        }),
      );
  });
}

/** Finds the contract operation a method and path lead to (HEAD goes where GET goes). */
export function operationMatcher(operations: ContractOperation[]) {
  const routes = operations.map((operation) => ({
    operation,
    pattern: new RegExp(
      `^${operation.route
        .split('/')
        .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/')}$`,
    ),
  }));
  return (method: string, path: string): ContractOperation | undefined => {
    const wanted = method === 'HEAD' ? 'GET' : method;
    return routes.find(({ operation, pattern }) => operation.method === wanted && pattern.test(path))?.operation;
  };
}
