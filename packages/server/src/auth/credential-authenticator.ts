import type { FastifyRequest } from 'fastify';
import type { Credential, CredentialStore } from '../storage/credentials.js';
import { requireLibraryAccess } from './library-access.js';
import { originAllowed } from './origins.js';
import type { Authenticator, Principal, SchemeName } from './principal.js';
import {
  insufficientScope,
  invalidCredentials,
  missingCredentials,
  originMissing,
  originNotAllowed,
  revokedCredentials,
} from './refusals.js';
import { hashKey, kindOfKey, type CredentialKind } from './secrets.js';

const schemeOf: Record<CredentialKind, SchemeName> = { site: 'siteKey', kiosk: 'kioskToken', staff: 'staffToken' };

interface PresentedKey {
  key: string;
  header: 'authorization' | 'x-pustaka-key';
}

/** The keys a request carries: a Bearer token and a site key, in that order. */
export function presentedKeys(request: FastifyRequest): PresentedKey[] {
  const presented: PresentedKey[] = [];
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) presented.push({ key: bearer, header: 'authorization' });
  const siteKey = request.headers['x-pustaka-key'];
  if (typeof siteKey === 'string' && siteKey.trim()) presented.push({ key: siteKey.trim(), header: 'x-pustaka-key' });
  return presented;
}

/**
 * Checks site keys, kiosk tokens and staff tokens against the credential store, on every request (so a
 * revocation takes effect at once; the lookup is one indexed read). In order:
 * 401 `credentials_missing` | `credentials_invalid` | `credentials_revoked` for any key presented,
 * 403 `insufficient_scope` when no presented credential is of a kind the operation takes,
 * 403 `origin_not_allowed` | `origin_missing` for a site key used from elsewhere than its origins,
 * 403 `wrong_library` when the request names (`?library=`) a library the credential does not act for.
 */
export function credentialAuthenticator(credentials: CredentialStore): Authenticator {
  return {
    async authenticate(request, requirements) {
      const presented = presentedKeys(request);
      if (presented.length === 0) throw missingCredentials(requirements);
      const known: Credential[] = [];
      for (const key of presented) known.push(await lookUp(credentials, key));

      for (const alternative of requirements) {
        const chosen = alternative.map((scheme) => known.find((credential) => schemeOf[credential.kind] === scheme));
        if (chosen.length === 0 || !chosen.every((credential) => credential !== undefined)) continue;
        for (const credential of chosen)
          if (credential.kind === 'site') checkOrigin(credential, request.headers.origin);
        const principal = principalOf(chosen[0]!);
        for (const libraryId of librariesNamedBy(request)) requireLibraryAccess(principal, libraryId);
        return principal;
      }
      throw insufficientScope(
        known.map((credential) => credential.kind),
        requirements,
      );
    },
  };
}

async function lookUp(credentials: CredentialStore, { key, header }: PresentedKey): Promise<Credential> {
  const kind = kindOfKey(key);
  if (!kind || key.length > 100) throw invalidCredentials();
  if (kind === 'site' && header === 'authorization') {
    throw invalidCredentials('A site key goes in the X-Pustaka-Key header, not in Authorization.');
  }
  if (kind !== 'site' && header === 'x-pustaka-key') {
    throw invalidCredentials('A secret token goes in Authorization: Bearer, never in X-Pustaka-Key.');
  }
  const credential = await credentials.findByKeyHash(hashKey(key));
  if (!credential || credential.kind !== kind) throw invalidCredentials();
  if (credential.revokedAt) throw revokedCredentials(credential.id);
  return credential;
}

/** Browsers set `Origin` on every cross-origin write and on same-origin POSTs; a page cannot change it. */
function checkOrigin(siteKey: Credential, origin: string | undefined): void {
  if (origin === undefined) {
    if (!siteKey.serverSide) throw originMissing(siteKey.id);
    return;
  }
  if (!originAllowed(siteKey.origins, origin)) throw originNotAllowed(siteKey.id, origin);
}

function librariesNamedBy(request: FastifyRequest): string[] {
  const named = (request.query as Record<string, unknown> | undefined)?.library;
  return [named].flat().filter((value): value is string => typeof value === 'string');
}

function principalOf(credential: Credential): Principal {
  return {
    kind: credential.kind,
    credentialId: credential.id,
    libraryId: credential.libraryId,
    location: credential.location,
  };
}
