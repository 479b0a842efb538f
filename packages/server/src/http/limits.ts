import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Problem } from '../types.js';
import { ProblemError, problem } from './problem.js';

/** How much one request may ask of the server. Every refusal is problem+json. */
export interface RequestLimits {
  /** Largest JSON body, in bytes (413 `payload_too_large`). */
  bodyBytes: number;
  /** Largest catalogue file for an import, in bytes (read as it arrives, never held whole). */
  importBodyBytes: number;
  /** Longest request target, path and query, in characters (414 `uri_too_long`). */
  urlChars: number;
  /** Longest time from a request's arrival to its answer, a slow upload included (408/503 `timeout`). */
  requestTimeoutMs: number;
  /** The same for a catalogue import: a big file over a school's connection takes minutes; a million
   * records take about six minutes to import on a 2-core server. */
  importTimeoutMs: number;
}

export const defaultRequestLimits: RequestLimits = {
  bodyBytes: 64 * 1024,
  importBodyBytes: 1024 * 1024 * 1024,
  urlChars: 4096,
  requestTimeoutMs: 15_000,
  importTimeoutMs: 30 * 60_000,
};

/** Operations that take whole files rather than JSON. */
const fileOperations = new Set(['importCatalog']);

/** The address with each run of slashes in its path made one (the query is left as it is). */
export function withSingleSlashes(url: string): string {
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  if (!path.includes('//')) return url;
  return path.replace(/\/{2,}/g, '/') + (query < 0 ? '' : url.slice(query));
}

/** The Fastify options that enforce the limits, and answer what Fastify and Node refuse as problem+json. */
export function fastifyLimitOptions(limits: RequestLimits): Partial<FastifyServerOptions> {
  return {
    bodyLimit: limits.bodyBytes,
    // `//v1//health` is /v1/health (a doubled slash from a joined base URL), not a request to refuse: the
    // path is tidied before routing, so the static files see it tidied too (they answered `//` with 403).
    rewriteUrl: (request) => withSingleSlashes(request.url ?? '/'),
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const instance = request.url.split('?')[0];
      // A malformed address (FST_ERR_BAD_URL), or a path part too long for the router (414).
      const body =
        error.statusCode === 414
          ? problem(414, 'uri_too_long', 'A part of the address is too long.', { instance })
          : problem(400, 'bad_request', 'The address is not valid.', { instance });
      return reply.status(body.status).type('application/problem+json').send(body);
    },
    clientErrorHandler: answerClientError,
  };
}

/**
 * Per-route body limits, the check of the request target, and the per-request timeout; register before the
 * routes. (Not Fastify's `handlerTimeout`: it stops counting once a POST body has been read, so a slow
 * handler behind a write would never time out.)
 */
export function registerRequestLimits(app: FastifyInstance, limits: RequestLimits): void {
  app.addHook('onRoute', (route) => {
    if (fileOperations.has(route.config?.operationId ?? '')) route.bodyLimit ??= limits.importBodyBytes;
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.length > limits.urlChars) {
      throw new ProblemError(414, 'uri_too_long', `The address is longer than ${limits.urlChars} characters.`);
    }
    const isFile = fileOperations.has(request.routeOptions.config?.operationId ?? '');
    const timer = setTimeout(
      () => answerTimeout(request, reply),
      isFile ? limits.importTimeoutMs : limits.requestTimeoutMs,
    );
    // 'close' comes when the answer has gone out or the connection dropped, whichever is first.
    reply.raw.once('close', () => clearTimeout(timer));
  });
}

function answerTimeout(request: FastifyRequest, reply: FastifyReply): void {
  if (reply.sent) return;
  // An answer already streaming (a large static file) cannot become a problem any more: cut it.
  if (reply.raw.headersSent) return void reply.raw.destroy();
  const body = timedOut(request, reply);
  reply.status(body.status).type('application/problem+json').send(body);
}

/**
 * 408 while the body is still arriving (the client is slow; the connection is closed, or it could keep
 * sending), 503 when the server is the slow one. The work of a slow handler is not undone: it runs to its
 * end, but its answer is dropped.
 */
function timedOut(request: FastifyRequest, reply: FastifyReply): Problem {
  const instance = request.url.split('?')[0];
  if (!request.raw.complete) {
    reply.header('Connection', 'close');
    return problem(408, 'timeout', 'The request took too long to arrive.', { instance });
  }
  reply.header('Retry-After', '5');
  return problem(503, 'timeout', 'The server took too long to answer; try again shortly.', {
    instance,
    retry_after: 5,
  });
}

/**
 * Node counts the request line with the headers against one limit (16 kB): when the line is what overflowed
 * it (no line end in what was read, or a line longer than the headers' share), the address is too long.
 */
function requestLineTooLong(error: NodeJS.ErrnoException & { rawPacket?: Buffer }): boolean {
  const packet = error.rawPacket;
  if (!packet) return false;
  const lineEnd = packet.indexOf('\r\n');
  return lineEnd < 0 || lineEnd > packet.length / 2;
}

/** What Node refuses before Fastify sees a request (a header block too large, a request too slow, bad HTTP). */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const body =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? problem(408, 'timeout', 'The request took too long to arrive.')
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? requestLineTooLong(error)
          ? problem(414, 'uri_too_long', 'The address is too long.')
          : problem(431, 'headers_too_large', 'The request headers are too large.')
        : problem(400, 'bad_request', 'The request is not valid HTTP.');
  const text = JSON.stringify(body);
  if (!socket.writable) return void socket.destroy();
  // There is no request object here: the answer is written to the socket as it goes on the wire.
  socket.end(
    `HTTP/1.1 ${body.status} ${STATUS_CODES[body.status]}\r\nContent-Type: application/problem+json\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}
