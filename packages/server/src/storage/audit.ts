import type { Db } from './database.js';

export type AuditAction = 'create' | 'revoke' | 'label';

/** One credential event. Never holds a key or a token, only the credential's public id. */
export interface AuditEntry {
  at: string;
  action: AuditAction;
  credentialId: string;
  kind: string;
  libraryId: string | null;
  label: string | null;
  /** Who did it: `cli:<os user>`, `demo` for the demo credentials the server creates itself. */
  actor: string;
}

/** Credential events, append-only: nothing here updates or deletes an entry. */
export interface AuditLog {
  record(entry: Omit<AuditEntry, 'at'>): Promise<void>;
  /** Newest first. */
  list(options?: { limit?: number; credentialId?: string }): Promise<AuditEntry[]>;
}

interface AuditRow {
  at: string;
  action: AuditAction;
  credential_id: string;
  kind: string;
  library_id: string | null;
  label: string | null;
  actor: string;
}

/** The SQLite log, plus the synchronous append the credential store runs inside its own transactions. */
export interface SqliteAuditLog extends AuditLog {
  recordNow(entry: Omit<AuditEntry, 'at'>): void;
}

export function sqliteAuditLog(db: Db, now: () => Date = () => new Date()): SqliteAuditLog {
  const insert = db.prepare(
    `INSERT INTO credential_audit (at, action, credential_id, kind, library_id, label, actor)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const recordNow = (entry: Omit<AuditEntry, 'at'>) => {
    insert.run(
      now().toISOString(),
      entry.action,
      entry.credentialId,
      entry.kind,
      entry.libraryId,
      entry.label,
      entry.actor,
    );
  };
  return {
    recordNow,
    record: async (entry) => recordNow(entry),
    async list({ limit = 1000, credentialId } = {}) {
      const where = credentialId ? 'WHERE credential_id = ?' : '';
      const rows = db
        .prepare(`SELECT * FROM credential_audit ${where} ORDER BY id DESC LIMIT ?`)
        .all(...(credentialId ? [credentialId] : []), limit) as AuditRow[];
      return rows.map((row) => ({
        at: row.at,
        action: row.action,
        credentialId: row.credential_id,
        kind: row.kind,
        libraryId: row.library_id,
        label: row.label,
        actor: row.actor,
      }));
    },
  };
}
