import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CredentialStore } from '../storage/credentials.js';

export interface SiteOptions {
  specPath: string;
  cdnDir: string | undefined;
  /** Where the kiosk page finds the demo kiosk token (demo mode only). */
  credentials?: Pick<CredentialStore, 'activeDemoKeys'>;
}

const demoDir = fileURLToPath(new URL('../../demo/', import.meta.url));

/**
 * The server's own pages: the demo school site at /, the kiosk at /kiosk/ (its service worker at /kiosk/sw.js),
 * the CDN build at /cdn/, the API reference at /docs.
 */
export async function registerSite(app: FastifyInstance, options: SiteOptions): Promise<void> {
  await app.register(fastifySwagger, {
    mode: 'static',
    specification: { path: options.specPath, baseDir: dirname(options.specPath) },
  });
  // Swagger UI ships its assets in the package: the reference page makes no outside request.
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    uiConfig: { deepLinking: true, docExpansion: 'list' },
  });

  await app.register(fastifyStatic, { root: demoDir, prefix: '/', decorateReply: false, index: 'index.html' });
  app.get('/kiosk', (_request, reply) => reply.redirect('/kiosk/', 301));
  // Demo mode only: the kiosk page uses the demo kiosk token and says so; the demo site counts its page views with
  // the demo site key (public by design). Demo keys are printed at every demo start and the server refuses
  // production mode while one is active, so this answers 404 on a real server.
  app.get('/demo-keys.json', async (_request, reply) => {
    const demo = (await options.credentials?.activeDemoKeys()) ?? [];
    const key = (kind: string) => demo.find(({ credential }) => credential.kind === kind)?.key;
    const keys = { kiosk_token: key('kiosk'), site_key: key('site') };
    reply.header('Cache-Control', 'no-store');
    return keys.kiosk_token || keys.site_key ? keys : reply.code(404).send({ kiosk_token: null, site_key: null });
  });

  if (options.cdnDir) {
    // Widgets are loaded cross-origin by every school site: let any page load the module script.
    await app.register(fastifyStatic, {
      root: options.cdnDir,
      prefix: '/cdn/',
      decorateReply: false,
      maxAge: '1h',
      setHeaders: (reply) => reply.header('Access-Control-Allow-Origin', '*'),
    });
  }
}
