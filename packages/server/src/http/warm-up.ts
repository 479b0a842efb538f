import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { LogController, type FastifyInstance } from 'fastify';

const header = 'x-pustaka-warm-up';
const tokens = new WeakMap<FastifyInstance, string>();

/**
 * Fastify's request logging, minus the warm-up request. The token is made per server, so no outside
 * request can borrow the header to stay out of the logs.
 */
export function requestLogging() {
  const token = randomUUID();
  return {
    logController: new LogController({
      disableRequestLogging: (request: { headers: Record<string, unknown> }) => request.headers[header] === token,
    }),
    /** Remembers the token for `warmUp` once the server exists. */
    register: (app: FastifyInstance) => void tokens.set(app, token),
  };
}

/**
 * Answers one search through the whole request path before the server takes visitors (not logged).
 * Why: the first request after a start otherwise pays for compiling routing, validation and
 * serialisation (50 to 100 ms), and for loading the catalogue's facet index (seconds at a million works);
 * the first visitor after a restart should not. It also starts the search's background warm-up.
 */
export async function warmUp(app: FastifyInstance): Promise<void> {
  const token = tokens.get(app);
  if (!token) return;
  const started = performance.now();
  const response = await app.inject({
    method: 'GET',
    url: '/v1/catalog/search?q=pustaka&per_page=1',
    headers: { [header]: token },
  });
  app.log.info(
    { statusCode: response.statusCode, ms: Math.round(performance.now() - started) },
    'warm-up search answered',
  );
}
