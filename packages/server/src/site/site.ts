import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
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
 * How long browsers keep the CDN's files. The entries (`pustaka.js`, `<tag>.js`) keep their names across
 * releases, so a school site gets a new release within the hour; the chunks they import carry a hash of their
 * content in their name (`chunks/runtime-<hash>.js`), so a name never changes meaning: cached for a year, and
 * `immutable` spares even the revalidation when a visitor reloads.
 */
export function cdnCacheControl(path: string): string {
  const name = basename(path).replace(/\.map$/, '');
  const hashed = basename(dirname(path)) === 'chunks' && /^-[\w-]{8}\.js$/.test(name.slice(-12));
  return hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
}

/**
 * The origin a request was made to, as the browser sees it (with `trustProxy`, the proxy's scheme and host): the
 * API reference offers it as the server for "Try it out", so that it works wherever the server runs, not only on
 * the contract's `http://localhost:8080`.
 */
function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * The server's own pages: the demo school site at /, the librarians' staff desk at /staff/, the kiosk at /kiosk/
 * (its service worker at /kiosk/sw.js), the CDN build at /cdn/, the API reference at /docs.
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
    // Its default policy ends with `upgrade-insecure-requests`: on any host but localhost over plain http (a
    // school's test machine, an intranet server) the browser then asks for the page's scripts over https, gets
    // nothing, and the page stays blank.
    transformStaticCSP: (header) =>
      header
        .split(';')
        .map((directive) => directive.trim())
        .filter((directive) => directive && directive !== 'upgrade-insecure-requests')
        .join('; '),
    transformSpecification: (specification, request) => ({
      ...specification,
      servers: [{ url: requestOrigin(request), description: 'This server' }],
    }),
    uiConfig: { deepLinking: true, docExpansion: 'list' },
  });

  const favicon = readFileSync(new URL('favicon.svg', `file://${demoDir}`));
  // Browsers ask for /favicon.ico by themselves; an SVG under that name is shown by every current one.
  app.get('/favicon.ico', { logLevel: 'warn' }, (_request, reply) =>
    reply.type('image/svg+xml').header('Cache-Control', 'public, max-age=86400').send(favicon),
  );
  // `redirect`: /staff goes to /staff/, whose index.html loads the staff desk.
  await app.register(fastifyStatic, {
    root: demoDir,
    prefix: '/',
    decorateReply: false,
    index: 'index.html',
    redirect: true,
  });
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
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('Access-Control-Allow-Origin', '*');
        reply.header('Cache-Control', cdnCacheControl(path));
      },
    });
  }
}
