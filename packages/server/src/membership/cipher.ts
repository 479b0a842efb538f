import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { hashRequest } from '../storage/idempotency.js';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encryption of personal data (AES-256-GCM) and keyed hashes (HMAC-SHA-256) from one master key. Each use has
 * its own key derived by HKDF, so the hash key never encrypts and the form-token key never hashes a NIK.
 * Why keyed hashes: a NIK has no check digit and encodes region, birth date and sex, so its space is small
 * enough to hash every candidate; without the key, a hash found in a copied database reveals nothing.
 */
export interface MembershipCipher {
  /** Id of the master key (not secret), stored in the database to notice a wrong key at start. */
  readonly keyId: string;
  /** Encrypts `value` (as JSON) bound to `context` (the row id), so a ciphertext moved to another row fails. */
  seal(value: unknown, context: string): Buffer;
  open<T>(sealed: Buffer, context: string): T;
  /** The keyed hash of a normalised value of some kind (`nik`, `phone`, `email`). */
  keyedHash(kind: string, value: string): string;
  /** The Idempotency-Key hash of a request carrying personal data: an HMAC, never a plain hash of a NIK. */
  hashRequest(parts: unknown): string;
  /** Signs a short text (the form token). */
  sign(text: string): string;
  verify(text: string, signature: string): boolean;
}

const derive = (master: Buffer, purpose: string) =>
  Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `pustaka membership ${purpose} v1`, 32));

export function membershipCipher(master: Buffer): MembershipCipher {
  if (master.length !== 32) throw new Error('The membership key must be 32 bytes.');
  const encryptionKey = derive(master, 'aes-256-gcm');
  const hashKey = derive(master, 'hmac');
  const signingKey = derive(master, 'form-token');
  const requestKey = derive(master, 'idempotency-request');
  const keyId = createHmac('sha256', derive(master, 'key-id')).update('key-id').digest('hex').slice(0, 16);
  const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest('base64url');

  return {
    keyId,
    seal(value, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    open<T>(sealed: Buffer, context: string): T {
      if (sealed[0] !== VERSION) throw new Error('Unknown sealed-data version.');
      const iv = sealed.subarray(1, 1 + IV_BYTES);
      const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, iv);
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(tag);
      const text = Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
      return JSON.parse(text.toString('utf8')) as T;
    },
    keyedHash: (kind, value) => mac(hashKey, `${kind}:${value}`),
    hashRequest: (parts) => hashRequest(parts, requestKey),
    sign: (text) => mac(signingKey, text),
    verify(text, signature) {
      const expected = Buffer.from(mac(signingKey, text));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
