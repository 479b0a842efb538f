/**
 * The catalogue's tables (applied by storage/migrations.ts as '2026-11-25-020-catalog').
 *
 * - One row per work in catalog_records; ISBN-13s in catalog_isbns point at it, so a second library importing
 *   the same ISBN finds it. Works without an ISBN are found again by match_key (title | first author | year).
 * - catalog_copies: every copy on a shelf; catalog_holdings: per work and library, copies and copies on the
 *   shelf, kept up to date by the writer so that searches never count copies.
 * - catalog_search: FTS5 over folded text (see catalog/text.ts), contentless (the text is in catalog_records).
 *   Its rowid is not the record id: it is (title length << 32) | record id (computed, see rows.ts), so that
 *   reading a match in rowid order reads the shortest, most specific titles first. Ranking then stops after one page instead of
 *   scoring every match (see search.ts).
 * - catalog_state.version grows with every write transaction: ETags and the in-memory facet index follow it,
 *   and each record remembers in change_seq the version that last changed it or its copies.
 */
export const catalogSchema = `
  CREATE TABLE catalog_records (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    subtitle TEXT,
    authors TEXT NOT NULL,            -- JSON: string[]
    subjects TEXT NOT NULL,           -- JSON: string[]
    isbns TEXT NOT NULL,              -- JSON: ISBN-13 string[]
    year INTEGER,
    format TEXT NOT NULL,
    language TEXT,
    theme TEXT,
    classification TEXT,
    edition TEXT,
    publisher TEXT,
    place TEXT,
    series TEXT,
    collation TEXT,
    notes TEXT,
    cover_url TEXT,
    match_key TEXT NOT NULL,
    title_key TEXT NOT NULL,          -- folded title, for sort=title
    content_hash TEXT NOT NULL,       -- skips rewriting unchanged records on re-import
    change_seq INTEGER NOT NULL
  );
  CREATE INDEX catalog_records_match ON catalog_records (match_key);
  CREATE INDEX catalog_records_title ON catalog_records (title_key, id);
  CREATE INDEX catalog_records_change ON catalog_records (change_seq);

  CREATE TABLE catalog_isbns (
    isbn TEXT PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES catalog_records (id) ON DELETE CASCADE
  ) WITHOUT ROWID;
  CREATE INDEX catalog_isbns_record ON catalog_isbns (record_id);

  CREATE TABLE catalog_copies (
    id INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES catalog_records (id) ON DELETE CASCADE,
    library_id TEXT NOT NULL REFERENCES libraries (id),
    item_code TEXT,
    location TEXT,
    call_number TEXT,
    status TEXT NOT NULL CHECK (status IN ('available', 'on_loan', 'reference_only', 'unavailable')),
    due_date TEXT
  );
  CREATE INDEX catalog_copies_record ON catalog_copies (record_id, library_id);

  CREATE TABLE catalog_holdings (
    record_id INTEGER NOT NULL REFERENCES catalog_records (id) ON DELETE CASCADE,
    library_id TEXT NOT NULL REFERENCES libraries (id),
    copies INTEGER NOT NULL,
    available INTEGER NOT NULL,
    run INTEGER NOT NULL,             -- the import run that last replaced these copies (see writer.ts)
    PRIMARY KEY (record_id, library_id)
  ) WITHOUT ROWID;

  CREATE TABLE catalog_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
  );
  INSERT INTO catalog_state (id, version) VALUES (1, 0);

  CREATE VIRTUAL TABLE catalog_search USING fts5 (
    title, authors, subjects, other,
    content = '', contentless_delete = 1, tokenize = 'unicode61', prefix = '2 3'
  );
`;
