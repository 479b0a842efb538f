/**
 * Visits (migration 2026-11-29-110). `visits` is the guest book; `visit_days` and `visit_months` are its
 * roll-ups, kept up to date in the transaction of each write, so that stats read a few hundred rows whatever
 * the number of visits. A roll-up row of library `*` is the whole network (no library id has a `*`).
 * Days and months are the library's (its time zone), never UTC.
 */
const rollUpColumns = `
    members INTEGER NOT NULL DEFAULT 0,       -- member check-ins (people)
    guests INTEGER NOT NULL DEFAULT 0,
    group_people INTEGER NOT NULL DEFAULT 0,  -- head-count of class visits
    web_visits INTEGER NOT NULL DEFAULT 0,    -- web visits: never added to the people above
    m_pelajar INTEGER NOT NULL DEFAULT 0,     -- member check-ins by member type
    m_mahasiswa INTEGER NOT NULL DEFAULT 0,
    m_guru_dosen INTEGER NOT NULL DEFAULT 0,
    m_umum INTEGER NOT NULL DEFAULT 0,
    m_asn INTEGER NOT NULL DEFAULT 0`;

export const visitsSchema = `
  CREATE TABLE visits (
    id TEXT PRIMARY KEY,
    library_id TEXT NOT NULL REFERENCES libraries (id),
    location TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('member', 'guest', 'group')),
    people INTEGER NOT NULL CHECK (people >= 1),
    member_number TEXT,              -- for the repeat window; never in a public answer
    member_type TEXT,
    name TEXT,                       -- the guest's or the group leader's, as in a paper guest book; never public
    institution TEXT,
    occupation TEXT,
    education TEXT,
    sex TEXT,
    purpose TEXT,
    male INTEGER,
    female INTEGER,
    day TEXT NOT NULL,               -- the library's day of occurred_at, YYYY-MM-DD
    occurred_at INTEGER NOT NULL,    -- epoch ms: when it happened (an offline kiosk sends it later)
    recorded_at INTEGER NOT NULL,    -- epoch ms: when the server stored it
    client_key TEXT UNIQUE           -- credential + Idempotency-Key: once only, also after the 24 h key window
  );
  CREATE INDEX visits_member ON visits (member_number, library_id, occurred_at) WHERE member_number IS NOT NULL;

  CREATE TABLE visit_days (
    library_id TEXT NOT NULL,
    day TEXT NOT NULL,${rollUpColumns},
    PRIMARY KEY (library_id, day)
  ) WITHOUT ROWID;
  CREATE TABLE visit_months (
    library_id TEXT NOT NULL,
    month TEXT NOT NULL,             -- YYYY-MM${rollUpColumns},
    PRIMARY KEY (library_id, month)
  ) WITHOUT ROWID;

  -- Web visits: a visitor is a keyed hash of the day's secret, site, IP and user agent (neither is stored);
  -- secrets and visitors of past days are deleted, so a hash cannot be tied to anyone afterwards.
  CREATE TABLE web_visit_secrets (
    day TEXT PRIMARY KEY,
    secret BLOB NOT NULL
  );
  CREATE TABLE web_visitors (
    day TEXT NOT NULL,
    library_id TEXT NOT NULL,
    visitor TEXT NOT NULL,
    PRIMARY KEY (day, library_id, visitor)
  ) WITHOUT ROWID;
`;
