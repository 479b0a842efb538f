import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SiteOptions {
  specPath: string;
  cdnDir: string | undefined;
  /** Demo mode: the demo site key, for the demo school site's widgets that write (registration, visits). */
  demoSiteKey?: string | undefined;
}

const demoDir = fileURLToPath(new URL('../../demo/', import.meta.url));

/**
 * The server's own pages: the demo school site at /, the librarians' staff desk at /staff/, the CDN build at
 * /cdn/, the API reference at /docs.
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

  // `redirect`: /staff goes to /staff/, whose index.html loads the staff desk.
  await app.register(fastifyStatic, {
    root: demoDir,
    prefix: '/',
    decorateReply: false,
    index: 'index.html',
    redirect: true,
  });
  // Only in demo mode, and only the site key: a site key is public (every page with a widget shows it); the
  // staff token is never served, the librarian pastes it.
  const { demoSiteKey } = options;
  if (demoSiteKey) app.get('/demo-site-key.json', async () => ({ siteKey: demoSiteKey }));
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
