/**
 * Registrations (migration 2026-11-29-201). NIK, birth date and place, phone, e-mail, address and the
 * guardian's details are one AES-256-GCM blob (`personal`); the NIK, phone and e-mail are also kept as keyed
 * hashes (HMAC), to find the same NIK network-wide and to flag the same phone or e-mail under another name.
 */
export const membershipSchema = `
  CREATE TABLE membership_registrations (
    id TEXT PRIMARY KEY,                 -- reg_...
    reference TEXT NOT NULL UNIQUE,      -- BTG-7Q4K9M, quoted at the counter
    library_id TEXT NOT NULL REFERENCES libraries (id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    source TEXT NOT NULL CHECK (source IN ('online', 'import')),
    member_type TEXT NOT NULL,
    full_name TEXT NOT NULL,
    sex TEXT CHECK (sex IN ('female', 'male')),
    nik_last4 TEXT,                      -- the only part of a NIK ever shown (to staff)
    nik_hash TEXT,                       -- HMAC of the NIK
    phone_hash TEXT,
    email_hash TEXT,
    personal BLOB NOT NULL,              -- AES-256-GCM, bound to id
    key_id TEXT NOT NULL,                -- the key that sealed it
    institution_id TEXT,                 -- a library of the network standing for its institution
    institution TEXT,
    class_or_faculty TEXT,
    education_level TEXT,
    minor INTEGER NOT NULL DEFAULT 0,
    warnings TEXT NOT NULL DEFAULT '[]', -- JSON: NIK mismatches the applicant confirmed
    created_at TEXT NOT NULL,
    decided_at TEXT,
    decided_by TEXT,                     -- credential id
    member_number TEXT UNIQUE,
    valid_from TEXT,
    valid_until TEXT,
    rejection_code TEXT,
    rejection_reason TEXT
  );
  -- One live registration per NIK in the whole network; a rejected one may register again.
  CREATE UNIQUE INDEX membership_registrations_nik ON membership_registrations (nik_hash)
    WHERE nik_hash IS NOT NULL AND status IN ('pending', 'approved');
  CREATE INDEX membership_registrations_library ON membership_registrations (library_id, status, created_at);
  CREATE INDEX membership_registrations_phone ON membership_registrations (phone_hash) WHERE phone_hash IS NOT NULL;
  CREATE INDEX membership_registrations_email ON membership_registrations (email_hash) WHERE email_hash IS NOT NULL;
  CREATE TABLE membership_consents (
    registration_id TEXT NOT NULL REFERENCES membership_registrations (id) ON DELETE CASCADE,
    consent_id TEXT NOT NULL,
    version TEXT NOT NULL,
    granted INTEGER NOT NULL,
    given_at TEXT NOT NULL,
    origin TEXT,                         -- the embedding site
    given_by TEXT NOT NULL CHECK (given_by IN ('applicant', 'guardian', 'import')),
    PRIMARY KEY (registration_id, consent_id)
  );
  CREATE TABLE membership_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    registration_id TEXT NOT NULL,       -- no foreign key: an erasure's line outlives the registration
    library_id TEXT NOT NULL,
    action TEXT NOT NULL,                -- registered, imported, approved, rejected, exported, erased, purged
    detail TEXT,                         -- a reason code, never personal data
    at TEXT NOT NULL,
    actor TEXT NOT NULL
  );
  CREATE INDEX membership_events_registration ON membership_events (registration_id);
  CREATE TABLE membership_number_prefixes (
    library_id TEXT PRIMARY KEY REFERENCES libraries (id),
    prefix TEXT NOT NULL UNIQUE
  );
  -- Which key sealed this database's personal data: a server started with another key refuses to start.
  CREATE TABLE membership_key (
    only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
    key_id TEXT NOT NULL
  );
`;
