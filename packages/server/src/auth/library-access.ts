import type { Principal } from './principal.js';
import { wrongLibrary } from './refusals.js';

/**
 * Throws 403 `wrong_library` unless the credential may act for `libraryId`: a network-wide staff token may act
 * for every library, any other credential for its own library only. Handlers call it wherever a request
 * touches a library's data that the request itself does not name in `?library=` (the authenticator checks
 * that one): a registration being approved, a body's `library_id`.
 */
export function requireLibraryAccess(principal: Principal | undefined, libraryId: string): void {
  if (!principal)
    throw new Error('requireLibraryAccess needs a principal: call it from operations that take credentials.');
  if (principal.kind === 'staff' && principal.libraryId === null) return;
  if (principal.libraryId !== libraryId) throw wrongLibrary(principal, libraryId);
}
