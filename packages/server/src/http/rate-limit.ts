import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemError } from './problem.js';
import { routeClassOf, type Limit, type RateLimits } from './rate-limit-config.js';

/**
 * Fixed-window counters in memory: one process, so no shared store is needed, and a restart forgets (which
 * errs on the side of letting people in). Windows that have ended are swept once a minute.
 */
export class FixedWindowCounter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();
  private nextSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one request under `key`; answers the whole seconds to wait when it is over the limit, else 0. */
  hit(key: string, limit: Limit): number {
    const now = this.now();
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + limit.windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    window.count++;
    return window.count > limit.max ? Math.max(1, Math.ceil((window.endsAt - now) / 1000)) : 0;
  }

  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + 60_000;
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}

/**
 * Who a client IP stands for: an IPv6 address by its /64 (one household or phone gets a whole /64 and can
 * pick any address in it), an IPv4 address (mapped or not) by itself.
 */
export function clientKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0');
  const groups = ip.includes('::') ? [...headGroups, ...zeros, ...tailGroups] : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

function tooMany(seconds: number): ProblemError {
  return new ProblemError(429, 'rate_limited', `Too many requests; try again in ${seconds} seconds.`, {
    retryAfter: seconds,
  });
}

/**
 * Enforces the limits: per IP when the request arrives (before credentials are even looked at, so guessing
 * keys is limited too), per credential once the credential is known and before the body is read.
 * `request.ip` is the client's address, or the one a trusted proxy reports (see `trustProxy`).
 */
export function registerRateLimits(app: FastifyInstance, limits: RateLimits, now?: () => number): void {
  const counter = new FixedWindowCounter(now);
  const classOf = (request: FastifyRequest) => routeClassOf(request.routeOptions.config?.operationId, request.method);

  app.addHook('onRequest', async (request) => {
    const routeClass = classOf(request);
    const limit = routeClass && limits[routeClass].perIp;
    if (!limit) return;
    const wait = counter.hit(`${routeClass}:ip:${clientKey(request.ip)}`, limit);
    if (wait) throw tooMany(wait);
  });

  app.addHook('preParsing', async (request) => {
    const routeClass = classOf(request);
    const limit = routeClass && limits[routeClass].perCredential;
    if (!limit || !request.principal) return;
    const wait = counter.hit(`${routeClass}:credential:${request.principal.credentialId}`, limit);
    if (wait) throw tooMany(wait);
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The contract's operationId of a route (set by http/contract-routes.ts). */
    operationId?: string;
  }
}
