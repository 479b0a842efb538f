import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { specPath } from '@pustaka/spec';
import type { Authenticator } from './auth/principal.js';
import { noCredentials } from './auth/no-credentials.js';
import { loadContract } from './http/contract.js';
import { registerErrorHandling } from './http/errors.js';
import { registerContractRoutes } from './http/contract-routes.js';
import type { OperationHandlers } from './http/operations.js';
import { createAjv } from './http/validation.js';
import { libraryHandlers } from './routes/libraries.js';
import { systemHandlers } from './routes/system.js';
import { registerSite } from './site/site.js';
import type { Stores } from './storage/stores.js';

export interface AppOptions {
  stores: Stores;
  /** Checks credentials for protected operations; by default nothing is accepted. */
  authenticator?: Authenticator;
  /** Extra or replacement operation handlers (by operationId). */
  handlers?: OperationHandlers;
  /** Pino logger options, or false. Personal data is never logged either way. */
  logger?: FastifyServerOptions['logger'];
  /** Folder of the CDN build served at /cdn/ (the monorepo's `dist/cdn` by default, when built). */
  cdnDir?: string;
  /** Largest JSON body accepted, in bytes. */
  bodyLimit?: number;
}

/** Folder of the monorepo's CDN build, relative to this package (src/ and dist/ sit at the same depth). */
const defaultCdnDir = fileURLToPath(new URL('../../../dist/cdn/', import.meta.url));

export const defaultHandlers: OperationHandlers = { ...systemHandlers, ...libraryHandlers };

/**
 * Builds the Pustaka server: every operation of the contract routed and validated against the contract
 * itself, errors as problem+json, the demo site, the CDN build and the API reference.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    // Ids in logs let an operator follow one request without logging its content.
    requestIdHeader: false,
  });

  const ajv = createAjv();
  app.setValidatorCompiler(({ schema }) => ajv.compile(schema));
  registerErrorHandling(app);

  const operations = await loadContract();
  registerContractRoutes(app, operations, {
    stores: options.stores,
    authenticator: options.authenticator ?? noCredentials,
    handlers: { ...defaultHandlers, ...options.handlers },
  });

  await registerSite(app, {
    specPath,
    cdnDir: options.cdnDir ?? (existsSync(defaultCdnDir) ? defaultCdnDir : undefined),
  });
  return app;
}
