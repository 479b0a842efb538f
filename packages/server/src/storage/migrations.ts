/**
 * Schema migrations, applied in order and never edited once released: a change is a new entry.
 * Ids sort by date so that branches merging their migrations keep a stable order.
 */
export interface Migration {
  id: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    id: '2026-11-25-001-libraries',
    sql: `
      CREATE TABLE libraries (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('public', 'school', 'university', 'company', 'reading-corner')),
        school_level TEXT,
        parent_institution TEXT,
        address TEXT NOT NULL,          -- JSON: Address
        opening_hours TEXT NOT NULL,    -- JSON: OpeningHours[]
        opening_hours_note TEXT,
        contact TEXT NOT NULL,          -- JSON: Contact
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE INDEX libraries_kind ON libraries (kind, name);
    `,
  },
  {
    id: '2026-11-25-002-idempotency',
    sql: `
      CREATE TABLE idempotency_keys (
        scope TEXT NOT NULL,            -- operation + credential, so two sites cannot collide
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,    -- epoch ms, for the 24 h expiry
        PRIMARY KEY (scope, key)
      );
    `,
  },
];
