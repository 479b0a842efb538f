import type { Credential } from '../storage/credentials.js';
import type { Stores } from '../storage/stores.js';
import { OriginPatternError, parseOriginPattern } from './origins.js';
import { hashKey, newCredentialId, newKey, shownAs, type CredentialKind } from './secrets.js';

export interface CredentialRequest {
  kind: CredentialKind;
  /** Required, except for a network-wide staff token (`network: true`). */
  libraryId?: string;
  network?: boolean;
  /** Site keys: origin patterns, see auth/origins.ts. */
  origins?: string[];
  /** Site keys: accept writes without an Origin header too. */
  serverSide?: boolean;
  /** Kiosk tokens: the room or reading corner. */
  location?: string;
  label?: string;
}

/** Why a request for a credential was refused: a mistake in the request, or a library that does not exist. */
export class CredentialRequestError extends Error {
  constructor(
    message: string,
    readonly reason: 'invalid' | 'unknown_library',
  ) {
    super(message);
  }
}

const kinds: readonly string[] = ['site', 'kiosk', 'staff'];
const printable = /^[^\p{Cc}]+$/u;

/**
 * Issues a credential and answers its key, the only time the key exists outside the caller: the store keeps
 * its hash (demo credentials excepted, see auth/demo.ts). The creation goes into the audit log.
 */
export async function issueCredential(
  stores: Pick<Stores, 'libraries' | 'credentials'>,
  request: CredentialRequest,
  actor: string,
  options: { demo?: boolean } = {},
): Promise<{ credential: Credential; key: string }> {
  const checked = await checkRequest(stores, request);
  const key = newKey(request.kind);
  const credential = await stores.credentials.create(
    {
      id: newCredentialId(),
      kind: request.kind,
      libraryId: checked.libraryId,
      location: checked.location,
      label: checked.label,
      origins: checked.origins,
      serverSide: checked.serverSide,
      keyHash: hashKey(key),
      shownAs: shownAs(request.kind, key),
      ...(options.demo && { demoKey: key }),
    },
    actor,
  );
  return { credential, key };
}

async function checkRequest(stores: Pick<Stores, 'libraries'>, request: CredentialRequest) {
  const fail = (message: string) => new CredentialRequestError(message, 'invalid');
  const { kind } = request;
  if (!kinds.includes(kind)) throw fail(`The kind must be site, kiosk or staff, not "${String(kind)}".`);

  if (request.network && kind !== 'staff') throw fail('Only a staff token can be network-wide (--network).');
  if (request.network && request.libraryId)
    throw fail('A credential is for one library (--library) or the whole network (--network), not both.');
  if (!request.network && !request.libraryId) {
    throw fail(
      kind === 'staff'
        ? 'Say which library the token is for (--library ID), or --network for an admin token.'
        : 'Say which library the credential is for (--library ID).',
    );
  }
  if (request.libraryId && !(await stores.libraries.exists(request.libraryId))) {
    throw new CredentialRequestError(
      `No library has the id "${request.libraryId}" (see GET /v1/libraries).`,
      'unknown_library',
    );
  }

  const origins = [...new Set((request.origins ?? []).map((text) => originText(text, fail)))];
  if (kind !== 'site' && (origins.length || request.serverSide)) {
    throw fail('Only a site key is bound to origins (--origin, --server-side); tokens are secret and used by name.');
  }
  if (kind === 'site' && origins.length === 0 && !request.serverSide) {
    throw fail('A site key needs at least one website allowed to use it (--origin https://...), or --server-side.');
  }

  const location = request.location?.trim();
  if (kind !== 'kiosk' && location) throw fail('Only a kiosk token stands in a location (--location).');
  if (kind === 'kiosk' && !location) throw fail('Say where the kiosk stands (--location, e.g. pintu-utama).');
  if (location && (location.length > 80 || !printable.test(location)))
    throw fail('The location is 1 to 80 printable characters.');

  const label = request.label?.trim() || null;
  if (label && (label.length > 200 || !printable.test(label)))
    throw fail('The label is up to 200 printable characters.');

  return {
    libraryId: request.libraryId ?? null,
    origins,
    serverSide: Boolean(request.serverSide),
    location: location || null,
    label,
  };
}

function originText(text: string, fail: (message: string) => Error): string {
  try {
    return parseOriginPattern(text).text;
  } catch (error) {
    if (error instanceof OriginPatternError) throw fail(error.message);
    throw error;
  }
}
