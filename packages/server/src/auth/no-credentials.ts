import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../http/problem.js';
import type { Authenticator, SchemeName } from './principal.js';

const describe: Record<SchemeName, string> = {
  siteKey: 'a site key (X-Pustaka-Key)',
  kioskToken: 'a kiosk token (Authorization: Bearer kt_...)',
  staffToken: 'a staff token (Authorization: Bearer sk_...)',
};

export function presentedCredential(request: FastifyRequest): string | undefined {
  const header = request.headers['x-pustaka-key'];
  if (typeof header === 'string' && header) return header;
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7).trim();
  return undefined;
}

export function missingCredentials(requirements: SchemeName[][]): ProblemError {
  const wanted = [...new Set(requirements.flat())].map((scheme) => describe[scheme]);
  return new ProblemError(401, 'credentials_missing', `This operation needs ${wanted.join(' or ')}.`, {
    headers: { 'WWW-Authenticate': 'Bearer realm="pustaka"' },
  });
}

/** An authenticator that knows no credential: every protected operation is refused. */
export const noCredentials: Authenticator = {
  authenticate(request, requirements) {
    if (!presentedCredential(request)) throw missingCredentials(requirements);
    throw new ProblemError(401, 'credentials_invalid', 'This credential is not known to this server.');
  },
};
