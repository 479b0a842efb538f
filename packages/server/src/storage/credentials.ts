import type { CredentialKind } from '../auth/secrets.js';
import type { AuditLog, SqliteAuditLog } from './audit.js';
import type { Db } from './database.js';

/** A site key, kiosk token or staff token, as stored: everything but the key itself. */
export interface Credential {
  /** Public id (`key_...`), for listing and revoking; it opens nothing. */
  id: string;
  kind: CredentialKind;
  /** The library it acts for; `null` for a network-wide (admin) staff token. */
  libraryId: string | null;
  /** Kiosk tokens: the room or reading corner. */
  location: string | null;
  label: string | null;
  /** Site keys: the origin patterns allowed to write (normalised, see auth/origins.ts). */
  origins: string[];
  /** Site keys: writes without an `Origin` (from a server) are accepted too. */
  serverSide: boolean;
  /** A site key whole (it is public); a secret token as `kt_…wxyz`. */
  shownAs: string;
  /** Created by demo mode; the server refuses to start in production while one is active. */
  demo: boolean;
  createdAt: string;
  revokedAt: string | null;
}

export interface NewCredential {
  id: string;
  kind: CredentialKind;
  libraryId: string | null;
  location?: string | null;
  label?: string | null;
  origins?: string[];
  serverSide?: boolean;
  keyHash: string;
  shownAs: string;
  /** Only for demo credentials, whose keys are printed at every demo start and are no secret. */
  demoKey?: string;
}

export interface CredentialFilter {
  includeRevoked?: boolean;
  libraryId?: string;
  kind?: CredentialKind;
}

/** Where credentials live. Keys are kept as hashes only (demo keys excepted); lookups go through the hash. */
export interface CredentialStore {
  create(credential: NewCredential, actor: string): Promise<Credential>;
  /** The credential whose key hashes to `keyHash`, revoked ones included (so a caller can be told so). */
  findByKeyHash(keyHash: string): Promise<Credential | undefined>;
  get(id: string): Promise<Credential | undefined>;
  /** Oldest first. */
  list(filter?: CredentialFilter): Promise<Credential[]>;
  /** Revokes at once; revoking a revoked credential changes nothing. Undefined when the id is unknown. */
  revoke(id: string, actor: string): Promise<Credential | undefined>;
  setLabel(id: string, label: string | null, actor: string): Promise<Credential | undefined>;
  /** The origin patterns of every active site key: what a CORS preflight may be granted for. */
  activeSiteOrigins(): Promise<string[]>;
  /** Active demo credentials with their keys (printed at each demo start). */
  activeDemoKeys(): Promise<{ credential: Credential; key: string }[]>;
  audit: AuditLog;
}

interface CredentialRow {
  id: string;
  kind: CredentialKind;
  library_id: string | null;
  location: string | null;
  label: string | null;
  origins: string;
  server_side: number;
  shown_as: string;
  demo: number;
  demo_key: string | null;
  created_at: string;
  revoked_at: string | null;
}

/** A synchronous better-sqlite3 call as a store method: the interface is async so that other engines fit. */
const asyncOf =
  <A extends unknown[], R>(run: (...args: A) => R) =>
  async (...args: A): Promise<R> =>
    run(...args);

function fromRow(row: CredentialRow): Credential {
  return {
    id: row.id,
    kind: row.kind,
    libraryId: row.library_id,
    location: row.location,
    label: row.label,
    origins: JSON.parse(row.origins),
    serverSide: row.server_side === 1,
    shownAs: row.shown_as,
    demo: row.demo === 1,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

export function sqliteCredentialStore(
  db: Db,
  audit: SqliteAuditLog,
  now: () => Date = () => new Date(),
): CredentialStore {
  const insert = db.prepare(`
    INSERT INTO credentials (id, kind, library_id, location, label, origins, server_side, key_hash, shown_as,
                             demo, demo_key, created_at)
    VALUES (@id, @kind, @library_id, @location, @label, @origins, @server_side, @key_hash, @shown_as,
            @demo, @demo_key, @created_at)`);
  const byHash = db.prepare<[string], CredentialRow>('SELECT * FROM credentials WHERE key_hash = ?');
  const byId = db.prepare<[string], CredentialRow>('SELECT * FROM credentials WHERE id = ?');
  const revokeStmt = db.prepare('UPDATE credentials SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const labelStmt = db.prepare('UPDATE credentials SET label = ? WHERE id = ?');
  const siteOrigins = db
    .prepare<[], string>("SELECT origins FROM credentials WHERE kind = 'site' AND revoked_at IS NULL")
    .pluck();
  const demoKeys = db.prepare<[], CredentialRow>(
    'SELECT * FROM credentials WHERE demo = 1 AND revoked_at IS NULL ORDER BY created_at, id',
  );

  const get = (id: string) => {
    const row = byId.get(id);
    return row && fromRow(row);
  };
  const logged = (action: 'create' | 'revoke' | 'label', credential: Credential, actor: string) =>
    audit.recordNow({
      action,
      credentialId: credential.id,
      kind: credential.kind,
      libraryId: credential.libraryId,
      label: credential.label,
      actor,
    });

  return {
    audit,
    create: asyncOf(
      db.transaction((credential: NewCredential, actor: string) => {
        insert.run({
          id: credential.id,
          kind: credential.kind,
          library_id: credential.libraryId,
          location: credential.location ?? null,
          label: credential.label ?? null,
          origins: JSON.stringify(credential.origins ?? []),
          server_side: credential.serverSide ? 1 : 0,
          key_hash: credential.keyHash,
          shown_as: credential.shownAs,
          demo: credential.demoKey ? 1 : 0,
          demo_key: credential.demoKey ?? null,
          created_at: now().toISOString(),
        });
        const created = get(credential.id)!;
        logged('create', created, actor);
        return created;
      }),
    ),
    async findByKeyHash(keyHash) {
      const row = byHash.get(keyHash);
      return row && fromRow(row);
    },
    get: async (id) => get(id),
    async list({ includeRevoked = false, libraryId, kind } = {}) {
      const conditions: string[] = [];
      const params: string[] = [];
      if (!includeRevoked) conditions.push('revoked_at IS NULL');
      if (libraryId) {
        conditions.push('library_id = ?');
        params.push(libraryId);
      }
      if (kind) {
        conditions.push('kind = ?');
        params.push(kind);
      }
      const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
      const rows = db
        .prepare(`SELECT * FROM credentials ${where} ORDER BY created_at, id`)
        .all(...params) as CredentialRow[];
      return rows.map(fromRow);
    },
    revoke: asyncOf(
      db.transaction((id: string, actor: string) => {
        if (revokeStmt.run(now().toISOString(), id).changes === 1) logged('revoke', get(id)!, actor);
        return get(id);
      }),
    ),
    setLabel: asyncOf(
      db.transaction((id: string, label: string | null, actor: string) => {
        if (labelStmt.run(label, id).changes === 0) return undefined;
        const credential = get(id)!;
        logged('label', credential, actor);
        return credential;
      }),
    ),
    activeSiteOrigins: async () => siteOrigins.all().flatMap((origins) => JSON.parse(origins) as string[]),
    activeDemoKeys: async () => demoKeys.all().map((row) => ({ credential: fromRow(row), key: row.demo_key! })),
  };
}
