import type { FastifyRequest } from 'fastify';

/** Who is calling, once a credential has been checked. */
export interface Principal {
  kind: 'site' | 'kiosk' | 'staff';
  credentialId: string;
  /** The library the credential is bound to; `null` for a network-wide (admin) staff token. */
  libraryId: string | null;
  /** For a kiosk token: the room or reading corner it stands in. */
  location?: string | null;
}

/** Security scheme names of the contract. */
export type SchemeName = 'siteKey' | 'kioskToken' | 'staffToken';

/**
 * Checks the credentials an operation asks for. `requirements` are the operation's security alternatives
 * (any one may be met). Rejects with a ProblemError (401/403) when none is met.
 */
export interface Authenticator {
  authenticate(request: FastifyRequest, requirements: SchemeName[][]): Promise<Principal>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The checked credential, set before validation for operations that ask for one. */
    principal?: Principal;
  }
}
