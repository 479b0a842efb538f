import { catalogSchema } from '../catalog/sqlite/schema.js';
import { membersSchema } from '../members/schema.js';
import { membershipSchema } from '../membership/schema.js';
import { catalogSourcesSchema } from '../catalog/sqlite/sources-schema.js';
import { visitsSchema } from '../visits/schema.js';

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
  {
    id: '2026-11-25-010-credentials',
    sql: `
      CREATE TABLE credentials (
        id TEXT PRIMARY KEY,            -- key_...: public, for listing and revoking
        kind TEXT NOT NULL CHECK (kind IN ('site', 'kiosk', 'staff')),
        library_id TEXT REFERENCES libraries (id),   -- NULL: a network-wide (admin) staff token
        location TEXT,                  -- kiosk tokens: the room or reading corner
        label TEXT,
        origins TEXT NOT NULL DEFAULT '[]',          -- JSON: origin patterns a site key may write from
        server_side INTEGER NOT NULL DEFAULT 0,      -- site keys: writes without an Origin accepted
        key_hash TEXT NOT NULL UNIQUE,  -- SHA-256 of the key; the key itself is never stored...
        shown_as TEXT NOT NULL,         -- ...except a site key, which is public: pk_... whole, kt_…wxyz
        demo INTEGER NOT NULL DEFAULT 0,
        demo_key TEXT,                  -- ...and a demo credential's, printed at each demo start
        created_at TEXT NOT NULL,
        revoked_at TEXT,
        CHECK (kind = 'staff' OR library_id IS NOT NULL),
        CHECK (kind = 'kiosk' OR location IS NULL),
        CHECK (demo = 1 OR demo_key IS NULL)
      );
      CREATE INDEX credentials_library ON credentials (library_id);
      CREATE TABLE credential_audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'revoke', 'label')),
        credential_id TEXT NOT NULL,    -- no foreign key: the log outlives what it describes
        kind TEXT NOT NULL,
        library_id TEXT,
        label TEXT,
        actor TEXT NOT NULL
      );
    `,
  },
  {
    id: '2026-11-25-020-catalog',
    sql: catalogSchema,
  },
  {
    id: '2026-11-29-030-idempotency-reservations',
    sql: `
      -- A key is reserved (pending) before its request runs, then holds the answer (done); see storage/idempotency.ts.
      ALTER TABLE idempotency_keys ADD COLUMN state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('pending', 'done'));
      ALTER TABLE idempotency_keys ADD COLUMN boot_id TEXT;   -- pending rows: the server process that holds them
    `,
  },
  {
    id: '2026-11-29-100-members',
    sql: membersSchema,
  },
  {
    id: '2026-11-29-110-visits',
    sql: visitsSchema,
  },
  {
    id: '2026-11-29-120-idempotency-expiry',
    sql: `
      -- Every stored answer deletes the answers older than 24 hours (storage/idempotency.ts): without this index
      -- that was a scan of every key, on every write (measured: ingest of visits fell as keys piled up).
      CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
    `,
  },
  {
    id: '2026-11-29-201-membership',
    sql: membershipSchema,
  },
  {
    id: '2026-11-29-301-catalog-sources',
    sql: catalogSourcesSchema,
  },
];
