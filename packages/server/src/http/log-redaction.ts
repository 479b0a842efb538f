import type { FastifyServerOptions } from 'fastify';

/**
 * Logs never hold a credential. A key sent where it does not belong (`?access_token=sk_…`) is refused, but
 * Fastify logs every request's address whole (issue 11). Redacted: the values of query parameters whose names
 * say secret, anything shaped like one of our keys wherever it stands, and the headers that carry credentials.
 */
const secretParameter =
  /^(?:access_?token|token|api_?key|key|secret|password|passwd|pwd|auth|authorization|signature|sig|session|code)$/i;
/** Our keys (`pk_`, `kt_`, `sk_` and 32 base62 characters, auth/secrets.ts), also cut short or run on. */
const ourKey = /\b(pk|kt|sk)_[A-Za-z0-9]{6,}/g;
const redacted = '[redacted]';

/** An address as it may be logged. */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  const path = (query < 0 ? url : url.slice(0, query)).replace(ourKey, `$1_${redacted}`);
  if (query < 0) return path;
  const parameters = url
    .slice(query + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // A name that is not valid percent-encoding is compared as it is.
      }
      if (equals >= 0 && secretParameter.test(decoded)) return `${name}=${redacted}`;
      return pair.replace(ourKey, `$1_${redacted}`);
    });
  return `${path}?${parameters.join('&')}`;
}

interface LoggedRequest {
  method: string;
  url: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Logger options with the redaction added (none when logging is off). */
export function redactingLogger(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return logger;
  const options = logger === true ? {} : logger;
  return {
    ...options,
    serializers: {
      ...options.serializers,
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.hostname,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
    // Should any log line carry the headers: never the ones that hold credentials.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["x-pustaka-key"]',
        'req.headers.cookie',
        'headers.authorization',
        'headers["x-pustaka-key"]',
        'headers.cookie',
      ],
      censor: redacted,
    },
  };
}
