import { randomInt } from 'node:crypto';
import type { Db } from '../storage/database.js';
import { SqliteWrite } from '../storage/idempotency.js';
import type { MembershipCipher } from './cipher.js';
import type {
  ConsentRecord,
  HistoryAction,
  NewRegistration,
  PersonalData,
  RegistrationFlag,
  RegistrationRecord,
  WarningCode,
} from './model.js';
import { issueFormToken, looksHuman } from './anti-spam.js';
import { normaliseEmail } from './phone.js';
import {
  RegistrationWriteRefused,
  type Approval,
  type Erasure,
  type MembershipStore,
  type Rejection,
} from './store.js';

interface Row {
  id: string;
  reference: string;
  status: RegistrationRecord['status'];
  source: RegistrationRecord['source'];
  library_id: string;
  member_type: RegistrationRecord['memberType'];
  full_name: string;
  sex: RegistrationRecord['sex'];
  nik_last4: string | null;
  institution_id: string | null;
  institution: string | null;
  class_or_faculty: string | null;
  education_level: RegistrationRecord['educationLevel'];
  minor: number;
  warnings: string;
  created_at: string;
  decided_at: string | null;
  member_number: string | null;
  valid_from: string | null;
  valid_until: string | null;
  rejection_code: NonNullable<RegistrationRecord['rejection']>['code'] | null;
  rejection_reason: string | null;
}

const recordOf = (row: Row): RegistrationRecord => ({
  id: row.id,
  reference: row.reference,
  status: row.status,
  source: row.source,
  libraryId: row.library_id,
  memberType: row.member_type,
  fullName: row.full_name,
  sex: row.sex,
  nikLast4: row.nik_last4,
  institutionId: row.institution_id,
  institution: row.institution,
  classOrFaculty: row.class_or_faculty,
  educationLevel: row.education_level,
  minor: row.minor === 1,
  warnings: JSON.parse(row.warnings) as WarningCode[],
  createdAt: row.created_at,
  decidedAt: row.decided_at,
  memberNumber: row.member_number,
  validFrom: row.valid_from,
  validUntil: row.valid_until,
  rejection: row.rejection_code ? { code: row.rejection_code, reason: row.rejection_reason ?? '' } : null,
});

const publicColumns = `id, reference, status, source, library_id, member_type, full_name, sex, nik_last4, institution_id,
  institution, class_or_faculty, education_level, minor, warnings, created_at, decided_at, member_number, valid_from,
  valid_until, rejection_code, rejection_reason`;

/** Crockford's base32 without I, L, O, U: a reference read aloud or typed from paper is not misread. */
const referenceAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const referenceTail = () => Array.from({ length: 6 }, () => referenceAlphabet[randomInt(32)]).join('');

/** A name compared for the "same phone, other name" flag: case, spaces and punctuation do not count. */
const comparableName = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const isUniqueViolation = (error: unknown, index: string) =>
  error instanceof Error &&
  (error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT') === true &&
  error.message.includes(index);

export function sqliteMembershipStore(db: Db, cipher: MembershipCipher): MembershipStore {
  checkKey(db, cipher);
  const insert = db.prepare(`
    INSERT INTO membership_registrations (id, reference, library_id, status, source, member_type, full_name, sex,
      nik_last4, nik_hash, phone_hash, email_hash, personal, key_id, institution_id, institution, class_or_faculty,
      education_level, minor, warnings, created_at, decided_at, member_number, valid_from, valid_until)
    VALUES (@id, @reference, @library_id, @status, @source, @member_type, @full_name, @sex, @nik_last4, @nik_hash,
      @phone_hash, @email_hash, @personal, @key_id, @institution_id, @institution, @class_or_faculty,
      @education_level, @minor, @warnings, @created_at, @decided_at, @member_number, @valid_from, @valid_until)`);
  const insertConsent = db.prepare(`
    INSERT INTO membership_consents (registration_id, consent_id, version, granted, given_at, origin, given_by)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = db.prepare(
    'INSERT INTO membership_events (registration_id, library_id, action, detail, at, actor) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const referenceTaken = db
    .prepare<[string], number>('SELECT 1 FROM membership_registrations WHERE reference = ?')
    .pluck();
  const byId = db.prepare<[string], Row>(`SELECT ${publicColumns} FROM membership_registrations WHERE id = ?`);
  const sealedOf = db.prepare<[string], { personal: Buffer }>(
    'SELECT personal FROM membership_registrations WHERE id = ?',
  );
  const consentsOf = db.prepare<
    [string],
    {
      consent_id: string;
      version: string;
      granted: number;
      given_at: string;
      origin: string | null;
      given_by: ConsentRecord['givenBy'];
    }
  >(
    'SELECT consent_id, version, granted, given_at, origin, given_by FROM membership_consents WHERE registration_id = ? ORDER BY consent_id',
  );
  const hashesOf = db.prepare<[string], { phone_hash: string | null; email_hash: string | null; full_name: string }>(
    'SELECT phone_hash, email_hash, full_name FROM membership_registrations WHERE id = ?',
  );
  const samePhone = db.prepare<[string, string], { id: string; library_id: string; full_name: string }>(
    'SELECT id, library_id, full_name FROM membership_registrations WHERE phone_hash = ? AND id != ? LIMIT 50',
  );
  const sameEmail = db.prepare<[string, string], { id: string; library_id: string; full_name: string }>(
    'SELECT id, library_id, full_name FROM membership_registrations WHERE email_hash = ? AND id != ? LIMIT 50',
  );
  const approveRow = db.prepare(`
    UPDATE membership_registrations SET status = 'approved', decided_at = ?, decided_by = ?, member_number = ?,
      valid_from = ?, valid_until = ? WHERE id = ? AND status = 'pending'`);
  const rejectRow = db.prepare(`
    UPDATE membership_registrations SET status = 'rejected', decided_at = ?, decided_by = ?, rejection_code = ?,
      rejection_reason = ? WHERE id = ? AND status = 'pending'`);
  const deleteRow = db.prepare('DELETE FROM membership_registrations WHERE id = ?');
  const deleteEvents = db.prepare('DELETE FROM membership_events WHERE registration_id = ?');
  const historyOf = db.prepare<[string], { at: string; action: HistoryAction }>(
    `SELECT at, action FROM membership_events WHERE registration_id = ? ORDER BY id`,
  );
  const expired = db.prepare<[string, string], { id: string; library_id: string; status: string }>(`
    SELECT id, library_id, status FROM membership_registrations
    WHERE (status = 'pending' AND created_at < ?) OR (status = 'rejected' AND decided_at < ?)`);
  const prefixOf = db
    .prepare<[string], string>('SELECT prefix FROM membership_number_prefixes WHERE library_id = ?')
    .pluck();
  const prefixTaken = db.prepare<[string], number>('SELECT 1 FROM membership_number_prefixes WHERE prefix = ?').pluck();
  const insertPrefix = db.prepare('INSERT INTO membership_number_prefixes (library_id, prefix) VALUES (?, ?)');

  const hashes = (personal: PersonalData) => ({
    nik_hash: personal.nik ? cipher.keyedHash('nik', personal.nik) : null,
    phone_hash: personal.phone ? cipher.keyedHash('phone', personal.phone) : null,
    email_hash: personal.email ? cipher.keyedHash('email', normaliseEmail(personal.email)) : null,
  });

  const insertRegistration = (registration: NewRegistration, reference: string) => {
    insert.run({
      id: registration.id,
      reference,
      library_id: registration.libraryId,
      status: registration.approved ? 'approved' : 'pending',
      source: registration.source,
      member_type: registration.memberType,
      full_name: registration.fullName,
      sex: registration.sex,
      nik_last4: registration.personal.nik?.slice(-4) ?? null,
      ...hashes(registration.personal),
      personal: cipher.seal(registration.personal, registration.id),
      key_id: cipher.keyId,
      institution_id: registration.institutionId,
      institution: registration.institution,
      class_or_faculty: registration.classOrFaculty,
      education_level: registration.educationLevel,
      minor: registration.minor ? 1 : 0,
      warnings: JSON.stringify(registration.warnings),
      created_at: registration.createdAt,
      decided_at: registration.approved ? registration.createdAt : null,
      member_number: registration.approved?.memberNumber ?? null,
      valid_from: registration.approved?.validFrom ?? null,
      valid_until: registration.approved?.validUntil ?? null,
    });
    for (const consent of registration.consents) {
      insertConsent.run(
        registration.id,
        consent.id,
        consent.version,
        consent.granted ? 1 : 0,
        consent.givenAt,
        consent.origin,
        consent.givenBy,
      );
    }
    const action = registration.source === 'import' ? 'imported' : 'registered';
    insertEvent.run(registration.id, registration.libraryId, action, null, registration.createdAt, registration.source);
  };
  const create = db.transaction((registration: NewRegistration) => {
    let reference: string;
    do reference = registration.referencePrefix + referenceTail();
    while (referenceTaken.get(reference) !== undefined);
    insertRegistration(registration, reference);
    return reference;
  });
  /** A unique index's refusal as the outcome it means; anything else is a failure. */
  const refusalOf = (error: unknown) => {
    if (isUniqueViolation(error, 'nik_hash')) return new RegistrationWriteRefused('duplicate');
    if (isUniqueViolation(error, 'member_number')) return new RegistrationWriteRefused('number_taken');
    return error;
  };

  // Without a transaction of their own: they run inside the one that stores the answer (or in a savepoint of it).
  const markApproved = (id: string, decision: Approval) => {
    const changed =
      approveRow.run(decision.at, decision.actor, decision.memberNumber, decision.validFrom, decision.validUntil, id)
        .changes === 1;
    if (changed) insertEvent.run(id, byId.get(id)!.library_id, 'approved', null, decision.at, decision.actor);
    return changed;
  };
  const markRejected = (id: string, decision: Rejection) => {
    const changed = rejectRow.run(decision.at, decision.actor, decision.code, decision.reason, id).changes === 1;
    if (changed) insertEvent.run(id, byId.get(id)!.library_id, 'rejected', decision.code, decision.at, decision.actor);
    return changed;
  };
  const eraseRegistration = (id: string, erasure: Erasure) => {
    const row = byId.get(id);
    if (!row) return undefined;
    deleteRow.run(id);
    deleteEvents.run(id);
    insertEvent.run(id, row.library_id, 'erased', erasure.reasonCode, erasure.at, erasure.actor);
    return recordOf(row);
  };
  const approveAlone = db.transaction(markApproved);
  const rejectAlone = db.transaction(markRejected);
  const eraseAlone = db.transaction(eraseRegistration);
  const refuseUnless = (done: unknown, reason: RegistrationWriteRefused['reason']) => {
    if (!done) throw new RegistrationWriteRefused(reason);
  };

  const flags = (id: string): RegistrationFlag[] => {
    const own = hashesOf.get(id);
    if (!own) return [];
    const found: RegistrationFlag[] = [];
    const name = comparableName(own.full_name);
    const check = (hash: string | null, statement: typeof samePhone, code: RegistrationFlag['code']) => {
      if (!hash) return;
      const other = statement.all(hash, id).find((row) => comparableName(row.full_name) !== name);
      if (other) found.push({ code, otherRegistrationId: other.id, otherLibraryId: other.library_id });
    };
    check(own.phone_hash, samePhone, 'same_phone_other_name');
    check(own.email_hash, sameEmail, 'same_email_other_name');
    return found;
  };

  return {
    issueFormToken: (issuedAt) => issueFormToken(cipher, issuedAt),
    looksHuman: (submission, now, minFillMs) => looksHuman(cipher, submission, now, minFillMs),
    async create(registration) {
      try {
        return { outcome: 'created', reference: create(registration) };
      } catch (error) {
        const refusal = refusalOf(error);
        if (refusal instanceof RegistrationWriteRefused && refusal.reason === 'duplicate')
          return { outcome: 'duplicate' };
        if (refusal instanceof RegistrationWriteRefused && refusal.reason === 'number_taken')
          return { outcome: 'number_taken' };
        throw error;
      }
    },
    async get(id) {
      const row = byId.get(id);
      return row && recordOf(row);
    },
    async personalData(id) {
      const row = sealedOf.get(id);
      return row && cipher.open<PersonalData>(row.personal, id);
    },
    async consents(id) {
      return consentsOf.all(id).map((row) => ({
        id: row.consent_id,
        version: row.version,
        granted: row.granted === 1,
        givenAt: row.given_at,
        origin: row.origin,
        givenBy: row.given_by,
      }));
    },
    async flags(id) {
      const record = byId.get(id);
      if (!record) return [];
      const warnings = (JSON.parse(record.warnings) as WarningCode[]).map((code) => ({ code }));
      return [...flags(id), ...warnings];
    },
    async list(filter) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.libraryIds) {
        where.push(`library_id IN (${filter.libraryIds.map(() => '?').join(', ') || 'NULL'})`);
        params.push(...filter.libraryIds);
      }
      if (filter.statuses?.length) {
        where.push(`status IN (${filter.statuses.map(() => '?').join(', ')})`);
        params.push(...filter.statuses);
      }
      if (filter.memberType) {
        where.push('member_type = ?');
        params.push(filter.memberType);
      }
      if (filter.institutionId) {
        where.push('institution_id = ?');
        params.push(filter.institutionId);
      }
      if (filter.source) {
        where.push('source = ?');
        params.push(filter.source);
      }
      if (filter.flagged !== undefined) {
        const flaggedSql = `(warnings != '[]'
          OR EXISTS (SELECT 1 FROM membership_registrations o WHERE o.phone_hash = r.phone_hash AND o.id != r.id
                     AND lower(o.full_name) != lower(r.full_name))
          OR EXISTS (SELECT 1 FROM membership_registrations o WHERE o.email_hash = r.email_hash AND o.id != r.id
                     AND lower(o.full_name) != lower(r.full_name)))`;
        where.push(filter.flagged ? flaggedSql : `NOT ${flaggedSql}`);
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = db
        .prepare(`SELECT count(*) FROM membership_registrations r ${clause}`)
        .pluck()
        .get(...params) as number;
      const rows = db
        .prepare(
          `SELECT ${publicColumns} FROM membership_registrations r ${clause} ORDER BY created_at DESC, id LIMIT ? OFFSET ?`,
        )
        .all(...params, filter.limit, filter.offset) as Row[];
      return { total, items: rows.map(recordOf) };
    },
    approve: async (id, decision) => approveAlone(id, decision),
    reject: async (id, decision) => rejectAlone(id, decision),
    erase: async (id, erasure) => eraseAlone(id, erasure),
    writes: {
      create: (registration) =>
        new SqliteWrite(() => {
          refuseUnless(referenceTaken.get(registration.reference) === undefined, 'reference_taken');
          try {
            insertRegistration(registration, registration.reference);
          } catch (error) {
            throw refusalOf(error);
          }
        }),
      approve: (id, decision) => new SqliteWrite(() => refuseUnless(markApproved(id, decision), 'not_pending')),
      reject: (id, decision) => new SqliteWrite(() => refuseUnless(markRejected(id, decision), 'not_pending')),
      erase: (id, erasure) => new SqliteWrite(() => refuseUnless(eraseRegistration(id, erasure), 'gone')),
    },
    hashRequest: (parts) => cipher.hashRequest(parts),
    async history(id) {
      return historyOf.all(id);
    },
    async recordEvent(id, action, actor, at) {
      const row = byId.get(id);
      if (row) insertEvent.run(id, row.library_id, action, null, at, actor);
    },
    async purge(before) {
      return db.transaction(() => {
        const rows = expired.all(before, before);
        for (const row of rows) {
          deleteRow.run(row.id);
          deleteEvents.run(row.id);
          insertEvent.run(row.id, row.library_id, 'purged', row.status, new Date().toISOString(), 'retention');
        }
        return rows.length;
      })();
    },
    async stats(query) {
      return membershipStats(db, query);
    },
    async numberPrefix(libraryId, proposed) {
      return db.transaction(() => {
        const existing = prefixOf.get(libraryId);
        if (existing) return existing;
        const candidates = proposed();
        let prefix = candidates.find((candidate) => prefixTaken.get(candidate) === undefined);
        for (let n = 2; !prefix; n++) {
          const numbered = `${candidates[0]!.slice(0, 8)}${n}`;
          if (prefixTaken.get(numbered) === undefined) prefix = numbered;
        }
        insertPrefix.run(libraryId, prefix);
        return prefix;
      })();
    },
  };
}

/**
 * A database whose personal data was sealed with one key refuses another: starting anyway would store new
 * registrations under a second key and make every duplicate check miss the old ones.
 */
function checkKey(db: Db, cipher: MembershipCipher): void {
  const stored = db.prepare<[], string>('SELECT key_id FROM membership_key').pluck().get();
  if (stored === undefined) db.prepare('INSERT INTO membership_key (only_row, key_id) VALUES (1, ?)').run(cipher.keyId);
  else if (stored !== cipher.keyId) {
    throw new MembershipKeyMismatchError(
      `This database's personal data was encrypted with another membership key (id ${stored}; this one is ${cipher.keyId}). ` +
        'Start with the key it was made with.',
    );
  }
}

export class MembershipKeyMismatchError extends Error {}

function membershipStats(db: Db, query: import('./model.js').MembershipStatsQuery) {
  const filters: string[] = ["status = 'approved'"];
  const params: string[] = [];
  if (query.libraryId) {
    filters.push('library_id = ?');
    params.push(query.libraryId);
  }
  if (query.institutionId) {
    filters.push('institution_id = ?');
    params.push(query.institutionId);
  }
  const members = `FROM membership_registrations WHERE ${filters.join(' AND ')}`;
  const periodOf = query.granularity === 'year' ? 'substr(%s, 1, 4)' : 'substr(%s, 1, 7)';
  const inPeriod = (column: string) => `substr(${column}, 1, 10) BETWEEN ? AND ?`;
  const count = db
    .prepare(`SELECT count(*) ${members}`)
    .pluck()
    .get(...params) as number;
  const scope = filters.slice(1);
  const registrationWhere = [`source = 'online'`, inPeriod('created_at'), ...scope].join(' AND ');
  const byStatus = db
    .prepare(`SELECT status, count(*) AS n FROM membership_registrations WHERE ${registrationWhere} GROUP BY status`)
    .all(query.from, query.to, ...params) as { status: string; n: number }[];
  const registrations = { pending: 0, approved: 0, rejected: 0 };
  for (const row of byStatus) registrations[row.status as keyof typeof registrations] = row.n;
  const joined = db
    .prepare(
      `SELECT ${periodOf.replace('%s', 'valid_from')} AS period, count(*) AS n ${members} AND ${inPeriod('valid_from')} GROUP BY period`,
    )
    .all(...params, query.from, query.to) as { period: string; n: number }[];
  const registered = db
    .prepare(
      `SELECT ${periodOf.replace('%s', 'created_at')} AS period, count(*) AS n FROM membership_registrations WHERE ${registrationWhere} GROUP BY period`,
    )
    .all(query.from, query.to, ...params) as { period: string; n: number }[];
  const periods = [...new Set([...joined, ...registered].map((row) => row.period))].sort();
  return {
    members: count,
    registrations,
    series: periods.map((period) => ({
      period,
      members_joined: joined.find((row) => row.period === period)?.n ?? 0,
      registrations: registered.find((row) => row.period === period)?.n ?? 0,
    })),
    byLibrary: (
      db.prepare(`SELECT library_id, count(*) AS n ${members} GROUP BY library_id ORDER BY n DESC`).all(...params) as {
        library_id: string;
        n: number;
      }[]
    ).map((row) => ({ libraryId: row.library_id, members: row.n })),
    byInstitution: (
      db
        .prepare(`SELECT institution_id, count(*) AS n ${members} GROUP BY institution_id ORDER BY n DESC`)
        .all(...params) as {
        institution_id: string | null;
        n: number;
      }[]
    ).map((row) => ({ institutionId: row.institution_id, members: row.n })),
    byMemberType: (
      db
        .prepare(`SELECT member_type, count(*) AS n ${members} GROUP BY member_type ORDER BY n DESC`)
        .all(...params) as {
        member_type: import('./model.js').MemberType;
        n: number;
      }[]
    ).map((row) => ({ memberType: row.member_type, members: row.n })),
  };
}
