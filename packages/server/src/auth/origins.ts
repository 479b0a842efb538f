/**
 * The websites a site key may write from, like Google Maps' referrer-restricted keys but on the exact `Origin`
 * (scheme + host + port), which a browser sets itself and a page cannot forge:
 *   https://sman1-bontang.sch.id     exactly that origin (the default port may be written or not)
 *   https://*.example.sch.id         any subdomain, at any depth, but not example.sch.id itself
 *   http://localhost:*               any port (for development and the demo)
 */
export interface OriginPattern {
  scheme: 'http' | 'https';
  /** Lowercase ASCII host (punycode), or the base domain of a wildcard. */
  host: string;
  wildcard: boolean;
  /** '' for the scheme's default port, '*' for any. */
  port: string;
  /** The normalised text, as stored and listed. */
  text: string;
}

export class OriginPatternError extends Error {}

const defaultPorts = { http: '80', https: '443' } as const;

/**
 * Second-level domains shared by unrelated owners in Indonesia: a wildcard right under one of them
 * (`*.sch.id`) would open a key to every school of the country. Not the whole Public Suffix List, the ones
 * this network meets.
 */
const sharedSuffixes = new Set([
  'ac.id',
  'co.id',
  'go.id',
  'sch.id',
  'or.id',
  'net.id',
  'web.id',
  'my.id',
  'biz.id',
  'mil.id',
  'desa.id',
  'ponpes.id',
]);

const shape = /^(https?):\/\/(\*\.)?([^/:?#@*\s]+|\[[0-9a-fA-F:.]+\])(?::(\d{1,5}|\*))?\/?$/;

/** Reads an origin pattern as an operator types it; throws OriginPatternError saying what is wrong. */
export function parseOriginPattern(input: string): OriginPattern {
  const text = input.trim();
  const match = shape.exec(text);
  if (!match) {
    throw new OriginPatternError(
      `"${input}" is not an origin: write the scheme, host and (if not the default) port, like ` +
        'https://sman1-bontang.sch.id or https://*.example.sch.id, without a path.',
    );
  }
  const scheme = match[1]!.toLowerCase() as OriginPattern['scheme'];
  const wildcard = Boolean(match[2]);
  let host: string;
  try {
    // URL turns an internationalised name into the punycode that browsers put in Origin.
    host = new URL(`${scheme}://${match[3]}`).hostname;
  } catch {
    throw new OriginPatternError(`"${input}" has a host that is not a valid name.`);
  }
  if (!host.startsWith('[') && !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(host)) {
    throw new OriginPatternError(`"${input}" has a host that is not a valid name.`);
  }
  if (wildcard && (!host.includes('.') || sharedSuffixes.has(host) || /^[\d.]+$/.test(host) || host.startsWith('['))) {
    throw new OriginPatternError(
      `"${input}" is too wide: a wildcard must stand under a domain of your own, like https://*.example.sch.id.`,
    );
  }
  let port = match[4] ?? '';
  if (port && port !== '*') {
    const number = Number(port);
    if (number < 1 || number > 65535) throw new OriginPatternError(`"${input}" has a port outside 1 to 65535.`);
    port = number === Number(defaultPorts[scheme]) ? '' : String(number);
  }
  return { scheme, host, wildcard, port, text: `${scheme}://${wildcard ? '*.' : ''}${host}${port ? `:${port}` : ''}` };
}

/** Whether the `Origin` a browser sent matches the pattern. `null` and malformed origins match nothing. */
export function originMatches(pattern: OriginPattern, origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== `${pattern.scheme}:` || url.username || url.password) return false;
  if (pattern.port !== '*' && url.port !== pattern.port) return false;
  return pattern.wildcard ? url.hostname.endsWith(`.${pattern.host}`) : url.hostname === pattern.host;
}

/** Whether any of the patterns (stored texts) lets `origin` in. */
export function originAllowed(patterns: readonly string[], origin: string): boolean {
  return patterns.some((text) => originMatches(cachedPattern(text), origin));
}

const parsed = new Map<string, OriginPattern>();

/** Stored patterns were valid when stored; parsing each once keeps the per-request check cheap. */
function cachedPattern(text: string): OriginPattern {
  let pattern = parsed.get(text);
  if (!pattern) {
    pattern = parseOriginPattern(text);
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(text, pattern);
  }
  return pattern;
}
