import { isIP } from 'node:net';

/**
 * Rate limits per class of route, each counted per client IP and per credential (site key or token).
 * Defaults are here; operators override them with JSON (`PUSTAKA_RATE_LIMITS`, `pustaka start --rate-limits`):
 *   { "registration": { "perIp": "10/min", "perCredential": "500/hour" }, "search": { "perIp": null } }
 * `null` turns a limit off. `web-visit` also takes `perVisitor`: per visitor hash (visits/web.ts), that is per
 * browser behind an address, since one school's pupils share one address and one site key.
 */
export type RouteClass = 'read' | 'search' | 'visit' | 'web-visit' | 'registration' | 'staff' | 'import' | 'page';

export interface Limit {
  max: number;
  windowSeconds: number;
}

export interface ClassLimits {
  perIp: Limit | null;
  perCredential: Limit | null;
  /** `web-visit` only: per visitor hash (checked by the handler, which alone knows the hash). */
  perVisitor?: Limit | null;
}

export type RateLimits = Record<RouteClass, ClassLimits>;

export type RateLimitOverrides = {
  [C in RouteClass]?: { [S in keyof ClassLimits]?: Limit | string | null };
};

const perMinute = (max: number): Limit => ({ max, windowSeconds: 60 });
const perHour = (max: number): Limit => ({ max, windowSeconds: 3600 });

export const defaultRateLimits: RateLimits = {
  // A whole school often sits behind one NAT address, and search-as-you-type asks once per keystroke.
  read: { perIp: perMinute(600), perCredential: null },
  search: { perIp: perMinute(600), perCredential: null },
  // A kiosk records a visit every few seconds at the busiest, and a kiosk back online sends its whole queue at
  // once (retrying what is refused). No limit per credential: a site key is shared by every visitor of a site.
  visit: { perIp: perMinute(300), perCredential: null },
  // Every page view of a school's site sends one, and a school's pupils share one address (NAT); each browser
  // counts once a day anyway, so more than a few a minute from one visitor is a script.
  'web-visit': { perIp: perMinute(1200), perCredential: null, perVisitor: perMinute(20) },
  // Nobody registers more than a few times a minute; a school site's whole audience, not more than this an hour.
  registration: { perIp: perMinute(5), perCredential: perHour(100) },
  staff: { perIp: perMinute(300), perCredential: perMinute(300) },
  import: { perIp: perHour(30), perCredential: perHour(30) },
  // The server's own pages, the CDN build, and addresses that lead nowhere.
  page: { perIp: perMinute(600), perCredential: null },
};

const classByOperation: Record<string, RouteClass | null> = {
  getHealth: null, // monitors poll it; never limited
  listLibraries: 'read',
  getLibrary: 'read',
  getCatalogRecord: 'read',
  getVisitStats: 'read',
  getVisitImpact: 'read',
  getKiosk: 'read',
  getMembershipForm: 'read',
  searchCatalog: 'search',
  suggestCatalog: 'search',
  recordVisit: 'visit',
  recordWebVisit: 'web-visit',
  createRegistration: 'registration',
  listRegistrations: 'staff',
  approveRegistration: 'staff',
  getRegistration: 'staff',
  rejectRegistration: 'staff',
  exportRegistrationData: 'staff',
  eraseRegistration: 'staff',
  getMembershipStats: 'read',
  importCatalog: 'import',
  getCatalogRecordSources: 'staff',
  pinCatalogRecordSource: 'staff',
};

/** The class of a route: by operationId; pages for the rest; an operation added later by its method. */
export function routeClassOf(operationId: string | undefined, method: string): RouteClass | null {
  if (!operationId) return 'page';
  if (operationId in classByOperation) return classByOperation[operationId]!;
  return method === 'GET' || method === 'HEAD' ? 'read' : 'staff';
}

export class RateLimitConfigError extends Error {}

const units: Record<string, number> = {
  s: 1,
  sec: 1,
  second: 1,
  m: 60,
  min: 60,
  minute: 60,
  h: 3600,
  hour: 3600,
  d: 86400,
  day: 86400,
};

/** "5/min", "100/hour", "30/10min" or { max, windowSeconds }. */
function toLimit(value: unknown, where: string): Limit | null {
  if (value === null) return null;
  if (typeof value === 'string') {
    const match = /^(\d+)\s*\/\s*(?:(\d+)\s*)?([a-z]+)$/.exec(value.trim());
    // "mins" and "hours" read as "min" and "hour".
    const unit = match && (units[match[3]!] ?? units[match[3]!.replace(/s$/, '')]);
    if (!match || !unit)
      throw new RateLimitConfigError(`${where}: "${value}" is not a limit like "5/min", "100/hour" or "30/10min".`);
    return checked({ max: Number(match[1]), windowSeconds: Number(match[2] || 1) * unit }, where);
  }
  if (value && typeof value === 'object') {
    const { max, windowSeconds, ...rest }: Record<string, unknown> = { ...value };
    if (Object.keys(rest).length === 0 && typeof max === 'number' && typeof windowSeconds === 'number') {
      return checked({ max, windowSeconds }, where);
    }
  }
  throw new RateLimitConfigError(`${where}: a limit is "N/unit", { "max": N, "windowSeconds": S } or null.`);
}

function checked(limit: Limit, where: string): Limit {
  if (
    !Number.isInteger(limit.max) ||
    limit.max < 1 ||
    !Number.isInteger(limit.windowSeconds) ||
    limit.windowSeconds < 1
  ) {
    throw new RateLimitConfigError(`${where}: the count and the window must be whole numbers of at least 1.`);
  }
  return limit;
}

const isRouteClass = (name: string): name is RouteClass => Object.hasOwn(defaultRateLimits, name);

/** The defaults with the overrides applied; throws RateLimitConfigError naming the entry that is wrong. */
export function resolveRateLimits(overrides: unknown = {}): RateLimits {
  if (!overrides || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new RateLimitConfigError(
      'Rate limits are a JSON object by route class, e.g. { "registration": { "perIp": "5/min" } }.',
    );
  }
  const limits = structuredClone(defaultRateLimits);
  for (const [routeClass, entry] of Object.entries(overrides)) {
    if (!isRouteClass(routeClass)) {
      throw new RateLimitConfigError(`"${routeClass}" is not a route class (${Object.keys(limits).join(', ')}).`);
    }
    if (!entry || typeof entry !== 'object')
      throw new RateLimitConfigError(`${routeClass}: expected { "perIp": ..., "perCredential": ... }.`);
    for (const [scope, value] of Object.entries(entry)) {
      const perVisitor = scope === 'perVisitor' && routeClass === 'web-visit';
      if (scope !== 'perIp' && scope !== 'perCredential' && !perVisitor) {
        throw new RateLimitConfigError(
          `${routeClass}.${scope}: only perIp and perCredential can be set${routeClass === 'web-visit' ? ', and perVisitor' : ''}.`,
        );
      }
      limits[routeClass][scope] = toLimit(value, `${routeClass}.${scope}`);
    }
  }
  return limits;
}

/** Reads overrides from JSON text; throws RateLimitConfigError when it is not JSON. */
export function parseRateLimits(json: string): RateLimits {
  let overrides: unknown;
  try {
    overrides = JSON.parse(json);
  } catch (error) {
    throw new RateLimitConfigError(
      `The rate limits are not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return resolveRateLimits(overrides);
}

const proxyKeywords = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * The proxies whose `X-Forwarded-For` is believed, from "10.0.0.1, 192.168.0.0/16, loopback". Without them
 * the client IP is the peer's address; trusting every peer would let anyone choose their own address and
 * escape the per-IP limits, so `true` and `*` are refused.
 */
export function parseTrustedProxies(text: string): string[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const bits = isIP(address) === 4 ? 32 : isIP(address) === 6 ? 128 : 0;
    const validPrefix = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= bits);
    if (!(proxyKeywords.has(entry) || (bits && validPrefix && rest.length === 0))) {
      throw new RateLimitConfigError(
        `"${entry}" is not a proxy address: give IP addresses, CIDR ranges (10.0.0.0/8) or loopback, linklocal, uniquelocal.`,
      );
    }
  }
  return entries;
}
