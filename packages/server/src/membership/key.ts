import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';

/** Where the membership key comes from; each is documented in docs/membership.md. */
export interface MembershipKeySource {
  /** `PUSTAKA_MEMBERSHIP_KEY`: 64 hex digits or 44 base64 characters (32 bytes). */
  envKey?: string | undefined;
  /** `--membership-key-file` or `PUSTAKA_MEMBERSHIP_KEY_FILE`: a file holding the key in either form. */
  keyFile?: string | undefined;
  /** The data folder: the default key file sits beside the database, never inside it. */
  dataDir: string;
  /** Production refuses to start without a key given on purpose (no default file is created). */
  production: boolean;
}

export class MembershipKeyError extends Error {}

export interface LoadedKey {
  key: Buffer;
  /** Where it came from, for the start banner (never the key itself). */
  origin: string;
  created: boolean;
}

export const defaultKeyFile = (dataDir: string) => join(resolve(dataDir), 'membership.key');

/** Reads 32 bytes from hex or base64 text; throws MembershipKeyError naming the source, never the text. */
export function parseKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(trimmed) && key.toString('base64') !== trimmed)) {
    throw new MembershipKeyError(`${source} does not hold a 32-byte key (64 hex digits or 44 base64 characters).`);
  }
  return key;
}

/**
 * The key that encrypts NIK, phone, address and birth date, and keys the hashes that find duplicates. It lives
 * outside the database, so that a copy of the database (a backup, a stolen laptop) holds ciphertext only.
 * Order: the environment, then the named file, then (not in production) the default file beside the database,
 * created with mode 0600 when missing.
 */
export function loadMembershipKey(source: MembershipKeySource): LoadedKey {
  if (source.envKey)
    return { key: parseKey(source.envKey, 'PUSTAKA_MEMBERSHIP_KEY'), origin: 'PUSTAKA_MEMBERSHIP_KEY', created: false };
  if (source.keyFile) {
    if (!existsSync(source.keyFile))
      throw new MembershipKeyError(`The membership key file ${source.keyFile} does not exist.`);
    checkPermissions(source.keyFile);
    return {
      key: parseKey(readFileSync(source.keyFile, 'utf8'), source.keyFile),
      origin: source.keyFile,
      created: false,
    };
  }
  if (source.production) {
    throw new MembershipKeyError(
      'Production needs the membership key (it encrypts NIK, phone, address and birth date): set PUSTAKA_MEMBERSHIP_KEY ' +
        'or --membership-key-file FILE. Make one with: openssl rand -hex 32. Keep it out of the data folder and its backups.',
    );
  }
  const file = defaultKeyFile(source.dataDir);
  if (existsSync(file)) {
    checkPermissions(file);
    return { key: parseKey(readFileSync(file, 'utf8'), file), origin: file, created: false };
  }
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32);
  // `wx`: never overwrite a key another process wrote a moment ago; losing it would lose every NIK.
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { key, origin: file, created: true };
}

/** A key file others can read is refused: the key is the only thing between a copied database and its NIKs. */
function checkPermissions(file: string): void {
  if (process.platform === 'win32') return;
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) {
    throw new MembershipKeyError(
      `The membership key file ${file} is readable by others (mode ${mode.toString(8)}): chmod 600 it.`,
    );
  }
}
