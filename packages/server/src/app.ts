import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { specPath } from '@pustaka/spec';
import type { Authenticator } from './auth/principal.js';
import { credentialAuthenticator } from './auth/credential-authenticator.js';
import { registerCompression } from './http/compression.js';
import { loadContract } from './http/contract.js';
import { registerCors } from './http/cors.js';
import { registerErrorHandling } from './http/errors.js';
import { registerContractRoutes } from './http/contract-routes.js';
import { defaultRequestLimits, fastifyLimitOptions, registerRequestLimits, type RequestLimits } from './http/limits.js';
import type { OperationHandlers } from './http/operations.js';
import { registerRateLimits } from './http/rate-limit.js';
import { resolveRateLimits, type RateLimitOverrides } from './http/rate-limit-config.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { redactingLogger } from './http/log-redaction.js';
import { createAjv, requestValidator } from './http/validation.js';
import { requestLogging } from './http/warm-up.js';
import { registerResponseCheck, type ResponseViolation } from './http/response-check.js';
import { catalogHandlers } from './routes/catalog.js';
import { catalogSourceHandlers } from './routes/catalog-sources.js';
import { libraryHandlers } from './routes/libraries.js';
import { membershipHandlers, type MembershipOptions } from './routes/membership.js';
import { acceptEmptyOptionalBodies } from './http/optional-body.js';
import { systemHandlers } from './routes/system.js';
import { visitHandlers } from './routes/visits.js';
import { registerVisitDropReport } from './visits/drops.js';
import type { VisitOptions } from './visits/options.js';
import { registerSite } from './site/site.js';
import type { Stores } from './storage/stores.js';

export interface AppOptions {
  stores: Stores;
  /** Checks credentials for protected operations; by default against `stores.credentials`. */
  authenticator?: Authenticator;
  /** Extra or replacement operation handlers (by operationId). */
  handlers?: OperationHandlers;
  /**
   * How long a request waits for the answer of an earlier request with the same Idempotency-Key before it is
   * told 409 `idempotency_in_progress` (default 10 s, http/exactly-once.ts).
   */
  duplicateWaitMs?: number;
  /** Pino logger options, or false. Personal data is never logged either way. */
  logger?: FastifyServerOptions['logger'];
  /** Folder of the CDN build served at /cdn/ (the monorepo's `dist/cdn` by default, when built). */
  cdnDir?: string;
  /** Largest JSON body accepted, in bytes (the same as `limits.bodyBytes`). */
  bodyLimit?: number;
  /** Body size, address length and time limits over the defaults (http/limits.ts). */
  limits?: Partial<RequestLimits>;
  /** Rate limits over the defaults (http/rate-limit-config.ts), or false for none. */
  rateLimits?: RateLimitOverrides | false;
  /** Proxies whose X-Forwarded-For is believed (addresses or CIDRs); none by default. */
  trustProxy?: string[];
  /**
   * For tests: checks every API answer against the contract (status, media type, body) and hands each
   * mismatch to this function (http/response-check.ts). Off in production: it validates every answer twice.
   */
  checkResponses?: (violation: ResponseViolation) => void;
  /** Milliseconds since the epoch, for the rate limits' windows: a test moves time instead of waiting. */
  clock?: () => number;
  /** Registration: the minimum fill time of the form and the clock (routes/membership.ts). */
  membership?: MembershipOptions;
  /** How visits are counted: the libraries' time zone, the repeat window (visits/options.ts). */
  visits?: VisitOptions;
}

/** Folder of the monorepo's CDN build, relative to this package (src/ and dist/ sit at the same depth). */
const defaultCdnDir = fileURLToPath(new URL('../../../dist/cdn/', import.meta.url));

export const defaultHandlers: OperationHandlers = {
  ...systemHandlers,
  ...libraryHandlers,
  ...catalogHandlers,
  ...catalogSourceHandlers,
  ...visitHandlers(),
};

/**
 * Builds the Pustaka server: every operation of the contract routed and validated against the contract
 * itself, errors as problem+json, the demo site, the CDN build and the API reference.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const limits: RequestLimits = {
    ...defaultRequestLimits,
    ...(options.bodyLimit && { bodyBytes: options.bodyLimit }),
    ...options.limits,
  };
  const rateLimits = options.rateLimits === false ? false : resolveRateLimits(options.rateLimits ?? {});
  const logging = requestLogging();
  const app = Fastify({
    logger: redactingLogger(options.logger ?? false),
    logController: logging.logController,
    ...fastifyLimitOptions(limits),
    // Only a configured proxy may say who the client is; anyone else could forge X-Forwarded-For.
    trustProxy: options.trustProxy?.length ? options.trustProxy : false,
    // Ids in logs let an operator follow one request without logging its content.
    requestIdHeader: false,
  });
  logging.register(app);

  const ajv = createAjv();
  app.setValidatorCompiler(({ schema }) => requestValidator(ajv, schema as Record<string, unknown>));
  registerErrorHandling(app);

  registerSecurityHeaders(app);
  await registerCompression(app);

  const operations = await loadContract();
  acceptEmptyOptionalBodies(app, operations);
  if (options.checkResponses) registerResponseCheck(app, operations, options.checkResponses);
  // CORS first, so that every refusal after it (limits, credentials) is readable by the page that caused it.
  await registerCors(app, operations, options.stores.credentials);
  registerRequestLimits(app, limits);
  if (rateLimits) registerRateLimits(app, rateLimits, options.clock);
  registerVisitDropReport(app, options.stores);
  registerContractRoutes(app, operations, {
    stores: options.stores,
    authenticator: options.authenticator ?? credentialAuthenticator(options.stores.credentials),
    handlers: {
      ...defaultHandlers,
      ...membershipHandlers(options.membership),
      ...visitHandlers({
        now: options.clock,
        ...options.visits,
        perVisitor: rateLimits ? rateLimits['web-visit'].perVisitor : null,
      }),
      ...options.handlers,
    },
    duplicateWaitMs: options.duplicateWaitMs,
  });

  await registerSite(app, {
    specPath,
    cdnDir: options.cdnDir ?? (existsSync(defaultCdnDir) ? defaultCdnDir : undefined),
    credentials: options.stores.credentials,
  });
  return app;
}
