import type { Db } from './database.js';
import type { Library, LibraryKind } from '../types.js';

export interface LibraryQuery {
  kinds?: LibraryKind[];
  offset: number;
  limit: number;
}

/** Where libraries live. Routes see only this interface, so another backend can replace SQLite. */
export interface LibraryStore {
  /** Public libraries first, then university, school, company, reading corners; by name within a kind. */
  list(query: LibraryQuery): Promise<{ total: number; items: Library[] }>;
  get(id: string): Promise<Library | undefined>;
  exists(id: string): Promise<boolean>;
  /** Creates or replaces the library with this id. */
  upsert(library: Library): Promise<void>;
  count(): Promise<number>;
}

/** The city library first, then the larger collections, the reading corners last. */
const kindOrder = `CASE kind WHEN 'public' THEN 0 WHEN 'university' THEN 1 WHEN 'school' THEN 2
  WHEN 'company' THEN 3 ELSE 4 END`;

interface LibraryRow {
  id: string;
  name: string;
  kind: LibraryKind;
  school_level: Library['school_level'] | null;
  parent_institution: string | null;
  address: string;
  opening_hours: string;
  opening_hours_note: string | null;
  contact: string;
}

function fromRow(row: LibraryRow): Library {
  const library: Library = {
    id: row.id,
    name: row.name,
    kind: row.kind,
    address: JSON.parse(row.address),
    opening_hours: JSON.parse(row.opening_hours),
    contact: JSON.parse(row.contact),
  };
  if (row.school_level) library.school_level = row.school_level;
  if (row.parent_institution) library.parent_institution = row.parent_institution;
  if (row.opening_hours_note) library.opening_hours_note = row.opening_hours_note;
  return library;
}

export function sqliteLibraryStore(db: Db): LibraryStore {
  const getStmt = db.prepare<[string], LibraryRow>('SELECT * FROM libraries WHERE id = ?');
  const existsStmt = db.prepare<[string], number>('SELECT 1 FROM libraries WHERE id = ?').pluck();
  const countStmt = db.prepare<[], number>('SELECT count(*) FROM libraries').pluck();
  const upsertStmt = db.prepare(`
    INSERT INTO libraries (id, name, kind, school_level, parent_institution, address, opening_hours,
                           opening_hours_note, contact)
    VALUES (@id, @name, @kind, @school_level, @parent_institution, @address, @opening_hours,
            @opening_hours_note, @contact)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
      school_level = excluded.school_level, parent_institution = excluded.parent_institution,
      address = excluded.address, opening_hours = excluded.opening_hours,
      opening_hours_note = excluded.opening_hours_note, contact = excluded.contact`);

  return {
    async list({ kinds, offset, limit }) {
      const where = kinds?.length ? `WHERE kind IN (${kinds.map(() => '?').join(', ')})` : '';
      const params = kinds ?? [];
      const total = db
        .prepare(`SELECT count(*) FROM libraries ${where}`)
        .pluck()
        .get(...params) as number;
      const rows = db
        .prepare(`SELECT * FROM libraries ${where} ORDER BY ${kindOrder}, name LIMIT ? OFFSET ?`)
        .all(...params, limit, offset) as LibraryRow[];
      return { total, items: rows.map(fromRow) };
    },
    get: async (id) => {
      const row = getStmt.get(id);
      return row && fromRow(row);
    },
    exists: async (id) => existsStmt.get(id) !== undefined,
    count: async () => countStmt.get() ?? 0,
    async upsert(library) {
      upsertStmt.run({
        id: library.id,
        name: library.name,
        kind: library.kind,
        school_level: library.school_level ?? null,
        parent_institution: library.parent_institution ?? null,
        address: JSON.stringify(library.address),
        opening_hours: JSON.stringify(library.opening_hours),
        opening_hours_note: library.opening_hours_note ?? null,
        contact: JSON.stringify(library.contact),
      });
    },
  };
}
