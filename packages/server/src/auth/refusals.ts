import { ProblemError } from '../http/problem.js';
import type { Principal, SchemeName } from './principal.js';

/**
 * Every way a credential is refused, one stable `code` each (see Problem.code in the contract). Details name
 * the credential's public id or library at most, never a key or token.
 */
const describe: Record<SchemeName, string> = {
  siteKey: 'a site key (X-Pustaka-Key)',
  kioskToken: 'a kiosk token (Authorization: Bearer kt_...)',
  staffToken: 'a staff token (Authorization: Bearer sk_...)',
};

const wanted = (requirements: SchemeName[][]) =>
  [...new Set(requirements.flat())].map((scheme) => describe[scheme]).join(' or ');

export function missingCredentials(requirements: SchemeName[][]): ProblemError {
  return new ProblemError(401, 'credentials_missing', `This operation needs ${wanted(requirements)}.`, {
    headers: { 'WWW-Authenticate': 'Bearer realm="pustaka"' },
  });
}

export function invalidCredentials(detail = 'This credential is not known to this server.'): ProblemError {
  return new ProblemError(401, 'credentials_invalid', detail, {
    headers: { 'WWW-Authenticate': 'Bearer realm="pustaka", error="invalid_token"' },
  });
}

export function revokedCredentials(credentialId: string): ProblemError {
  return new ProblemError(401, 'credentials_revoked', `This credential (${credentialId}) has been revoked.`, {
    headers: { 'WWW-Authenticate': 'Bearer realm="pustaka", error="invalid_token"' },
  });
}

export function insufficientScope(presented: Principal['kind'][], requirements: SchemeName[][]): ProblemError {
  const names = { site: 'a site key', kiosk: 'a kiosk token', staff: 'a staff token' };
  const have = [...new Set(presented)].map((kind) => names[kind]).join(' and ');
  return new ProblemError(
    403,
    'insufficient_scope',
    `This operation needs ${wanted(requirements)}; ${have} cannot do it.`,
  );
}

export function originNotAllowed(credentialId: string, origin: string): ProblemError {
  // The origin is the caller's own page address, not personal data; cut it short all the same.
  const shown = origin.length > 200 ? `${origin.slice(0, 200)}…` : origin;
  return new ProblemError(403, 'origin_not_allowed', `This site key (${credentialId}) is not allowed on ${shown}.`);
}

export function originMissing(credentialId: string): ProblemError {
  return new ProblemError(
    403,
    'origin_missing',
    `This site key (${credentialId}) writes from web pages only, and the request has no Origin header. ` +
      'Calls from a server need a key that allows server-side use.',
  );
}

export function wrongLibrary(principal: Principal, libraryId: string): ProblemError {
  return new ProblemError(
    403,
    'wrong_library',
    `This credential (${principal.credentialId}) acts for the library "${principal.libraryId}", not "${libraryId}".`,
  );
}
