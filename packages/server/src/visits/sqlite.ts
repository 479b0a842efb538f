import { randomBytes } from 'node:crypto';
import type { Db } from '../storage/database.js';
import type { MemberType } from '../members/store.js';
import { addDays, addMonths, firstOfMonth, lastOfMonth, monthOf } from './days.js';
import { writeBatch } from '../storage/write-batch.js';
import {
  NETWORK,
  addTotals,
  emptyTotals,
  type Bucket,
  type DayTotals,
  type NewVisit,
  type StoredVisit,
  type VisitStore,
  type VisitTotals,
} from './store.js';

const memberTypes: MemberType[] = ['pelajar', 'mahasiswa', 'guru_dosen', 'umum', 'asn'];
const sums = `coalesce(sum(members), 0) AS members, coalesce(sum(guests), 0) AS guests,
  coalesce(sum(group_people), 0) AS group_people, coalesce(sum(web_visits), 0) AS web_visits,
  ${memberTypes.map((type) => `coalesce(sum(m_${type}), 0) AS m_${type}`).join(', ')}`;
const columns = `members, guests, group_people, web_visits, ${memberTypes.map((type) => `m_${type}`).join(', ')}`;

type TotalsRow = Record<'members' | 'guests' | 'group_people' | 'web_visits' | `m_${MemberType}`, number>;

const totalsOf = (row: TotalsRow | undefined): VisitTotals => {
  if (!row) return emptyTotals();
  return {
    members: row.members,
    guests: row.guests,
    groupPeople: row.group_people,
    webVisits: row.web_visits,
    memberTypes: Object.fromEntries(memberTypes.map((type) => [type, row[`m_${type}`]])) as VisitTotals['memberTypes'],
  };
};

interface VisitRow {
  id: string;
  library_id: string;
  location: string | null;
  kind: NewVisit['kind'];
  people: number;
  day: string;
  occurred_at: number;
  recorded_at: number;
}

const visitOf = (row: VisitRow): StoredVisit => ({
  id: row.id,
  libraryId: row.library_id,
  location: row.location,
  kind: row.kind,
  people: row.people,
  day: row.day,
  occurredAt: row.occurred_at,
  recordedAt: row.recorded_at,
});

/**
 * A period as whole months (read from the month roll-up) and the days before and after them (read from the
 * day roll-up): a year is at most 11 month rows and 61 day rows per library, however many visits it had.
 */
function split(from: string, to: string) {
  const firstWhole = from === firstOfMonth(from) ? monthOf(from) : addMonths(monthOf(from), 1);
  const lastWhole = to === lastOfMonth(to) ? monthOf(to) : addMonths(monthOf(to), -1);
  if (firstWhole > lastWhole) return { days: [[from, to]] as [string, string][], months: undefined };
  const days: [string, string][] = [];
  if (from < `${firstWhole}-01`) days.push([from, addDays(`${firstWhole}-01`, -1)]);
  if (to > lastOfMonth(`${lastWhole}-01`)) days.push([`${addMonths(lastWhole, 1)}-01`, to]);
  return { days, months: [firstWhole, lastWhole] as [string, string] };
}

export function sqliteVisitStore(db: Db): VisitStore {
  const batched = writeBatch(db);
  const byClientKey = db.prepare<[string], VisitRow>('SELECT * FROM visits WHERE client_key = ?');
  const lastCounted = db.prepare<[string, string, string | null, number, number], VisitRow>(
    `SELECT * FROM visits WHERE member_number = ? AND library_id = ? AND location IS ?
       AND occurred_at > ? AND occurred_at < ? ORDER BY occurred_at DESC LIMIT 1`,
  );
  const insertVisit = db.prepare(`
    INSERT INTO visits (id, library_id, location, kind, people, member_number, member_type, name, institution,
                        occupation, education, sex, purpose, male, female, day, occurred_at, recorded_at, client_key)
    VALUES (@id, @libraryId, @location, @kind, @people, @memberNumber, @memberType, @name, @institution,
            @occupation, @education, @sex, @purpose, @male, @female, @day, @occurredAt, @recordedAt, @clientKey)`);
  const upsert = (table: 'visit_days' | 'visit_months', key: 'day' | 'month') =>
    db.prepare(`
      INSERT INTO ${table} (library_id, ${key}, ${columns}) VALUES (?, ?, ${columns.split(',').map(() => '?')})
      ON CONFLICT (library_id, ${key}) DO UPDATE SET
        ${columns
          .split(', ')
          .map((column) => `${column} = ${column} + excluded.${column}`)
          .join(', ')}`);
  const upsertDay = upsert('visit_days', 'day');
  const upsertMonth = upsert('visit_months', 'month');

  const addToRollUps = (libraryId: string, day: string, values: number[]) => {
    for (const scope of [libraryId, NETWORK]) {
      upsertDay.run(scope, day, ...values);
      upsertMonth.run(scope, monthOf(day), ...values);
    }
  };

  const record = (visit: NewVisit, repeatWindowMs: number | undefined) => {
    if (visit.clientKey) {
      const earlier = byClientKey.get(visit.clientKey);
      if (earlier) return { outcome: 'replayed' as const, visit: visitOf(earlier) };
    }
    if (repeatWindowMs && visit.memberNumber) {
      const earlier = lastCounted.get(
        visit.memberNumber,
        visit.libraryId,
        visit.location,
        visit.occurredAt - repeatWindowMs,
        visit.occurredAt + repeatWindowMs,
      );
      if (earlier) return { outcome: 'repeat' as const, visit: visitOf(earlier) };
    }
    insertVisit.run({
      memberNumber: null,
      memberType: null,
      name: null,
      institution: null,
      occupation: null,
      education: null,
      sex: null,
      purpose: null,
      male: null,
      female: null,
      clientKey: null,
      ...visit,
    });
    const values = [
      visit.kind === 'member' ? visit.people : 0,
      visit.kind === 'guest' ? visit.people : 0,
      visit.kind === 'group' ? visit.people : 0,
      0,
      ...memberTypes.map((type) => (visit.kind === 'member' && visit.memberType === type ? visit.people : 0)),
    ];
    addToRollUps(visit.libraryId, visit.day, values);
    const { id, libraryId, location, kind, people, day, occurredAt, recordedAt } = visit;
    return {
      outcome: 'counted' as const,
      visit: { id, libraryId, location, kind, people, day, occurredAt, recordedAt },
    };
  };

  const addDayTotals = db.transaction((days: DayTotals[]) => {
    for (const { libraryId, day, totals } of days) {
      addToRollUps(libraryId, day, [
        totals.members,
        totals.guests,
        totals.groupPeople,
        totals.webVisits,
        ...memberTypes.map((type) => totals.memberTypes[type]),
      ]);
    }
  });

  const insertVisitor = db.prepare(
    'INSERT INTO web_visitors (day, library_id, visitor) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const webValues = [0, 0, 0, 1, ...memberTypes.map(() => 0)];
  const recordWebVisit = (libraryId: string, day: string, visitor: string) => {
    if (insertVisitor.run(day, libraryId, visitor).changes === 0) return false;
    addToRollUps(libraryId, day, webValues);
    return true;
  };

  const secretOf = db.prepare<[string], Buffer>('SELECT secret FROM web_visit_secrets WHERE day = ?').pluck();
  const insertSecret = db.prepare('INSERT INTO web_visit_secrets (day, secret) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const forgetSecrets = db.prepare('DELETE FROM web_visit_secrets WHERE day < ?');
  const forgetVisitors = db.prepare('DELETE FROM web_visitors WHERE day < ?');
  const webSecret = db.transaction((day: string) => {
    const known = secretOf.get(day);
    if (known) return known;
    insertSecret.run(day, randomBytes(32));
    forgetSecrets.run(day);
    forgetVisitors.run(day);
    return secretOf.get(day)!;
  });

  const sumDays = db.prepare<[string, string, string], TotalsRow>(
    `SELECT ${sums} FROM visit_days WHERE library_id = ? AND day BETWEEN ? AND ?`,
  );
  const sumMonths = db.prepare<[string, string, string], TotalsRow>(
    `SELECT ${sums} FROM visit_months WHERE library_id = ? AND month BETWEEN ? AND ?`,
  );
  // Each library's rows are one range of the primary key: the IN list walks them library by library.
  const byLibrary = (table: 'visit_days' | 'visit_months', key: 'day' | 'month') => {
    type Row = TotalsRow & { library_id: string };
    const query = (list: string) =>
      `SELECT library_id, ${sums} FROM ${table} WHERE library_id IN (${list}) AND ${key} BETWEEN ? AND ?
         GROUP BY library_id`;
    const every = db.prepare<[string, string], Row>(query('SELECT id FROM libraries'));
    const some = db.prepare<[string, string, string], Row>(query('SELECT value FROM json_each(?)'));
    return (libraries: string[] | undefined, from: string, to: string) =>
      libraries ? some.all(JSON.stringify(libraries), from, to) : every.all(from, to);
  };
  const daysByLibrary = byLibrary('visit_days', 'day');
  const monthsByLibrary = byLibrary('visit_months', 'month');
  const dayBuckets = db.prepare<[string, string, string], TotalsRow & { bucket: string }>(
    `SELECT day AS bucket, ${columns} FROM visit_days WHERE library_id = ? AND day BETWEEN ? AND ? ORDER BY day`,
  );
  const monthBuckets = db.prepare<[string, string, string], TotalsRow & { bucket: string }>(
    `SELECT month AS bucket, ${columns} FROM visit_months WHERE library_id = ? AND month BETWEEN ? AND ?`,
  );
  const dayMonthBuckets = db.prepare<[string, string, string], TotalsRow & { bucket: string }>(
    `SELECT substr(day, 1, 7) AS bucket, ${sums} FROM visit_days WHERE library_id = ? AND day BETWEEN ? AND ?
       GROUP BY 1`,
  );
  const firstDay = db.prepare<[string], string | null>('SELECT min(day) FROM visit_days WHERE library_id = ?').pluck();

  return {
    record: (visit, options = {}) => batched(() => record(visit, options.repeatWindowMs)),
    addDayTotals: async (days) => addDayTotals(days),
    recordWebVisit: (libraryId, day, visitor) => batched(() => recordWebVisit(libraryId, day, visitor)),
    webSecret: async (day) => webSecret(day),
    async totals(scope, from, to) {
      const { days, months } = split(from, to);
      const totals = emptyTotals();
      for (const [a, b] of days) addTotals(totals, totalsOf(sumDays.get(scope, a, b)));
      if (months) addTotals(totals, totalsOf(sumMonths.get(scope, months[0], months[1])));
      return totals;
    },
    async totalsByLibrary(from, to, libraries) {
      const { days, months } = split(from, to);
      const result = new Map<string, VisitTotals>();
      const add = (rows: (TotalsRow & { library_id: string })[]) => {
        for (const row of rows) {
          const totals = result.get(row.library_id) ?? emptyTotals();
          result.set(row.library_id, addTotals(totals, totalsOf(row)));
        }
      };
      for (const [a, b] of days) add(daysByLibrary(libraries, a, b));
      if (months) add(monthsByLibrary(libraries, months[0], months[1]));
      return result;
    },
    async buckets(scope, from, to, granularity) {
      const bucketOf = (row: TotalsRow & { bucket: string }): Bucket => ({ bucket: row.bucket, ...totalsOf(row) });
      if (granularity === 'day') return dayBuckets.all(scope, from, to).map(bucketOf);
      const { days, months } = split(from, to);
      const buckets = [
        ...days.flatMap(([a, b]) => dayMonthBuckets.all(scope, a, b)),
        ...(months ? monthBuckets.all(scope, months[0], months[1]) : []),
      ].map(bucketOf);
      return buckets.sort((a, b) => (a.bucket < b.bucket ? -1 : 1));
    },
    firstDay: async (scope) => firstDay.get(scope) ?? undefined,
  };
}
