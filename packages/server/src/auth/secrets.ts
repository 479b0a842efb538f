import { createHash, randomBytes } from 'node:crypto';

/** The kinds of credential, and the prefix each one's key starts with (Stripe style: the prefix says what leaked). */
export type CredentialKind = 'site' | 'kiosk' | 'staff';

export const keyPrefixes: Record<CredentialKind, string> = { site: 'pk_', kiosk: 'kt_', staff: 'sk_' };

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KEY_LENGTH = 32; // 32 base62 characters: about 190 random bits

/** `length` characters drawn uniformly from `alphabet` (bytes past the last whole multiple are redrawn, no bias). */
function randomString(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** A new key: `pk_`, `kt_` or `sk_` and 32 random base62 characters. */
export function newKey(kind: CredentialKind): string {
  return keyPrefixes[kind] + randomString(BASE62, KEY_LENGTH);
}

/** A new public id for listing and revoking (`key_` and 12 lowercase base32 characters); it opens nothing. */
export function newCredentialId(): string {
  return 'key_' + randomString('abcdefghijklmnopqrstuvwxyz234567', 12);
}

/**
 * What the database keeps of a key. A plain SHA-256 is right here (unlike for passwords or a NIK): the keys
 * are 190-bit random strings, so there is nothing to brute-force. Keys are looked up by this hash, never
 * compared: a timing difference in the index lookup can only tell an attacker about bytes of a hash, which
 * say nothing about any key.
 */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('base64url');
}

/** How a key shows in lists: a site key whole (it is public anyway), a secret token as `kt_…wxyz`. */
export function shownAs(kind: CredentialKind, key: string): string {
  return kind === 'site' ? key : `${keyPrefixes[kind]}…${key.slice(-4)}`;
}

/** The kind a presented key claims by its prefix, if any. */
export function kindOfKey(key: string): CredentialKind | undefined {
  return (Object.keys(keyPrefixes) as CredentialKind[]).find((kind) => key.startsWith(keyPrefixes[kind]));
}
