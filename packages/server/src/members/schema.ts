/**
 * The members of the network (migration 2026-11-29-100). Only what the kiosk and the figures need: membership
 * keeps NIK, phone, address and birth date in encrypted tables of its own.
 */
export const membersSchema = `
  CREATE TABLE members (
    number TEXT PRIMARY KEY,          -- BTG-2026-000123, upper-case, unique in the whole network
    library_id TEXT NOT NULL REFERENCES libraries (id),
    full_name TEXT NOT NULL,
    first_name TEXT NOT NULL,         -- the kiosk's greeting
    member_type TEXT NOT NULL CHECK (member_type IN ('pelajar', 'mahasiswa', 'guru_dosen', 'umum', 'asn')),
    institution TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'closed')),
    valid_until TEXT NOT NULL,        -- YYYY-MM-DD, the last valid day
    created_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX members_library ON members (library_id);
  -- Member numbers from an atomic sequence per prefix and year, never "highest + 1".
  CREATE TABLE member_number_sequences (
    prefix TEXT NOT NULL,
    year INTEGER NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (prefix, year)
  );
`;
