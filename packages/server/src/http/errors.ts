import type { FastifyError, FastifyInstance } from 'fastify';
import { ProblemError, invalidFieldsDetail, problem } from './problem.js';
import { toFieldErrors } from './validation.js';
import { retryAfterSeconds, storageFailureOf } from '../catalog/import/storage-failure.js';

const methodsOf = new WeakMap<FastifyInstance, (path: string) => string[]>();

/** What answers which methods a path takes, for 405 and its Allow header (http/contract-routes.ts). */
export function answerMethodNotAllowed(app: FastifyInstance, methods: (path: string) => string[]): void {
  methodsOf.set(app, methods);
}

/** Every error leaves the server as application/problem+json, never as an HTML page or a stack trace. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ProblemError, request, reply) => {
    const instance = request.url.split('?')[0];
    if (error instanceof ProblemError) {
      if (error.retryAfter !== undefined) reply.header('Retry-After', String(error.retryAfter));
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      return sendProblem(reply, error.toProblem(instance));
    }
    if (error.validation) {
      const errors = toFieldErrors(error.validation, error.validationContext);
      return sendProblem(reply, problem(400, 'validation_failed', invalidFieldsDetail(errors), { instance, errors }));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(reply, problem(413, 'payload_too_large', 'The request body is too large.', { instance }));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(
          reply,
          problem(415, 'unsupported_media_type', 'This operation does not accept this content type.', { instance }),
        );
    }
    if (isMalformedJson(error)) {
      return sendProblem(
        reply,
        problem(400, 'validation_failed', 'The request body is not valid JSON.', {
          instance,
          errors: [{ field: 'body', code: 'json', message: 'is not valid JSON' }],
        }),
      );
    }
    if (error.statusCode && error.statusCode < 500) {
      const code = error.statusCode === 408 ? 'timeout' : 'bad_request';
      return sendProblem(reply, problem(error.statusCode, code, error.message, { instance }));
    }
    const storage = storageFailureOf(error);
    if (storage) {
      // A write the disk or the database refused (full, read-only, I/O): not the request's fault, nor a bug.
      request.log.error({ err: { type: error.name, code: error.code, message: error.message } }, 'storage failed');
      reply.header('Retry-After', String(retryAfterSeconds[storage]));
      return storage === 'full'
        ? sendProblem(
            reply,
            problem(507, 'storage_full', "The server's storage is full; try again later.", {
              instance,
              retry_after: retryAfterSeconds.full,
            }),
          )
        : sendProblem(
            reply,
            problem(503, 'storage_unavailable', "The server's database cannot be written now; try again later.", {
              instance,
              retry_after: retryAfterSeconds.failing,
            }),
          );
    }
    // Log the error's kind and stack, never the request body: it may hold personal data.
    request.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, 'unhandled error');
    return sendProblem(reply, problem(500, 'internal', 'Something went wrong on the server.', { instance }));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const allowed = methodsOf.get(app)?.(path) ?? [];
    if (allowed.length) {
      reply.header('Allow', allowed.join(', '));
      return sendProblem(
        reply,
        problem(405, 'method_not_allowed', `${path} does not take ${request.method}; it takes ${allowed.join(', ')}.`, {
          instance: path,
        }),
      );
    }
    return sendProblem(
      reply,
      problem(404, 'not_found', `Nothing is at ${request.method} ${path}.`, { instance: path }),
    );
  });
}

/** Fastify reports an empty or unparsable JSON body by code, or as a SyntaxError with status 400. */
function isMalformedJson(error: FastifyError): boolean {
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return true;
  return error.statusCode === 400 && error instanceof SyntaxError;
}

function sendProblem(reply: import('fastify').FastifyReply, body: ReturnType<typeof problem>) {
  return reply.status(body.status).type('application/problem+json').send(body);
}
