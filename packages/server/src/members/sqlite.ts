import type { Db } from '../storage/database.js';
import { SqliteWrite } from '../storage/idempotency.js';
import {
  DuplicateMemberNumberError,
  formatMemberNumber,
  normaliseMemberNumber,
  type Member,
  type MemberChanges,
  type MemberStatus,
  type MemberStore,
  type MemberType,
  type NewMember,
} from './store.js';

interface MemberRow {
  number: string;
  library_id: string;
  full_name: string;
  first_name: string;
  member_type: MemberType;
  institution: string | null;
  status: MemberStatus;
  valid_until: string;
  created_at: string;
}

const fromRow = (row: MemberRow): Member => ({
  number: row.number,
  libraryId: row.library_id,
  fullName: row.full_name,
  firstName: row.first_name,
  memberType: row.member_type,
  institution: row.institution,
  status: row.status,
  validUntil: row.valid_until,
  createdAt: row.created_at,
});

const columns = {
  fullName: 'full_name',
  firstName: 'first_name',
  memberType: 'member_type',
  institution: 'institution',
  status: 'status',
  validUntil: 'valid_until',
} as const;

export function sqliteMemberStore(db: Db, now: () => Date = () => new Date()): MemberStore {
  const insert = db.prepare(`
    INSERT INTO members (number, library_id, full_name, first_name, member_type, institution, status, valid_until,
                         created_at)
    VALUES (@number, @library_id, @full_name, @first_name, @member_type, @institution, @status, @valid_until,
            @created_at)
    ON CONFLICT (number) DO NOTHING`);
  const byNumber = db.prepare<[string], MemberRow>('SELECT * FROM members WHERE number = ?');
  const countAll = db.prepare<[], number>('SELECT count(*) FROM members').pluck();
  const countLibrary = db.prepare<[string], number>('SELECT count(*) FROM members WHERE library_id = ?').pluck();
  const bump = db
    .prepare<[string, number], number>(
      `INSERT INTO member_number_sequences (prefix, year, last) VALUES (?, ?, 1)
       ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1 RETURNING last`,
    )
    .pluck();
  const taken = db.prepare<[string], number>('SELECT 1 FROM members WHERE number = ?').pluck();

  const nextNumber = db.transaction((prefix: string, year: number) => {
    for (;;) {
      const number = formatMemberNumber(prefix, year, bump.get(prefix.toUpperCase(), year)!);
      if (taken.get(number) === undefined) return number;
    }
  });

  const add = (member: NewMember): Member => {
    const number = normaliseMemberNumber(member.number);
    const row: MemberRow = {
      number,
      library_id: member.libraryId,
      full_name: member.fullName,
      first_name: member.firstName,
      member_type: member.memberType,
      institution: member.institution ?? null,
      status: member.status ?? 'active',
      valid_until: member.validUntil,
      created_at: now().toISOString(),
    };
    if (insert.run(row).changes === 0) throw new DuplicateMemberNumberError(number);
    return fromRow(row);
  };
  const update = (number: string, changes: MemberChanges): Member | undefined => {
    const set = Object.entries(changes).filter(
      ([field, value]) => Object.hasOwn(columns, field) && value !== undefined,
    );
    const key = normaliseMemberNumber(number);
    if (set.length) {
      const assignments = set.map(([field]) => `${columns[field as keyof typeof columns]} = ?`).join(', ');
      db.prepare(`UPDATE members SET ${assignments} WHERE number = ?`).run(...set.map(([, value]) => value), key);
    }
    const row = byNumber.get(key);
    return row && fromRow(row);
  };

  return {
    add: async (member) => add(member),
    async findByNumber(number) {
      const row = byNumber.get(normaliseMemberNumber(number));
      return row && fromRow(row);
    },
    update: async (number, changes) => update(number, changes),
    count: async ({ libraryId } = {}) => (libraryId === undefined ? countAll.get()! : countLibrary.get(libraryId)!),
    nextNumber: async (prefix, year) => nextNumber(prefix, year),
    writes: {
      add: (member) => new SqliteWrite(() => void add(member)),
      update: (number, changes) => new SqliteWrite(() => void update(number, changes)),
    },
  };
}
