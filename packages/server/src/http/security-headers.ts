import type { FastifyInstance } from 'fastify';

/**
 * The policy of the server's own pages (the demo site, and later the embed pages): scripts from this server
 * only (no inline script); inline styles allowed, as widgets may set style attributes and a style cannot run
 * code; images from anywhere over https (book covers); the API on this server. `frameAncestors` takes origin
 * patterns as a site key stores them (`https://*.example.sch.id`, `http://localhost:*` are valid CSP sources
 * as they are), so an embed page can be framed by exactly its key's origins: `pageCsp(["'self'", ...origins])`.
 */
export function pageCsp(frameAncestors: readonly string[] = ["'self'"]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ');
}

/** JSON is data, never a document: nothing may load from it, nobody may frame it. */
const apiCsp = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers on every answer: no content sniffing (a JSON or CSS answer must never run as a script), a referrer
 * policy, and a CSP for HTML pages and API answers. A route that sets its own CSP keeps it (the API reference
 * page at /docs does, and embed pages will). X-Frame-Options is left out on purpose: it cannot list the
 * origins an embed page must allow, and `frame-ancestors` replaces it in every current browser.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    if (!reply.hasHeader('Referrer-Policy')) reply.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (reply.hasHeader('Content-Security-Policy')) return payload;
    if (String(reply.getHeader('Content-Type') ?? '').startsWith('text/html')) {
      reply.header('Content-Security-Policy', pageCsp());
    } else if (request.url.startsWith('/v1/')) {
      reply.header('Content-Security-Policy', apiCsp);
    }
    return payload;
  });
}
