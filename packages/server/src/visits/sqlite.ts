import { randomBytes } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../storage/database.js';
import type { MemberType } from '../members/store.js';
import { addDays, addMonths, daysBetween, lastOfMonth, monthOf } from './days.js';
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
 * How a period is read from the roll-ups: a range of month rows, plus day ranges to add and day ranges to take
 * away. A month the period covers only in part is read from its day rows when the period holds at most half of
 * it, else as the month row less the days outside the period. So a period of any length reads at most 12 month
 * rows and about 30 day rows per library (it read up to 61 before: a year from the 2nd to the 30th, which for
 * the network's 120 libraries was 7,000 day rows and most of a stats answer's time).
 */
export function readPlan(from: string, to: string) {
  const add: [string, string][] = [];
  const subtract: [string, string][] = [];
  let months: [string, string] | undefined;
  for (let month = monthOf(from); month <= monthOf(to); month = addMonths(month, 1)) {
    const first = `${month}-01`;
    const last = lastOfMonth(first);
    const start = from > first ? from : first;
    const end = to < last ? to : last;
    const inside = daysBetween(start, end) + 1;
    if (inside < daysBetween(first, last) + 1 && inside * 2 <= daysBetween(first, last) + 1) {
      add.push([start, end]);
      continue;
    }
    months = months ? [months[0], month] : [month, month];
    if (start > first) subtract.push([first, addDays(start, -1)]);
    if (end < last) subtract.push([addDays(end, 1), last]);
  }
  return { months, add, subtract };
}

/** Adds `more` into `into`, or takes it away (`sign` -1). */
function addSigned(into: VisitTotals, more: VisitTotals, sign: 1 | -1): VisitTotals {
  if (sign === 1) return addTotals(into, more);
  into.members -= more.members;
  into.guests -= more.guests;
  into.groupPeople -= more.groupPeople;
  into.webVisits -= more.webVisits;
  for (const type of memberTypes) into.memberTypes[type] -= more.memberTypes[type];
  return into;
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

  // Bumped by every roll-up write of this connection (committed or not: a spare miss is harmless); SQLite's
  // data_version tells the writes of other connections (a `pustaka` command on the same file).
  let rollUpWrites = 0;
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  const addToRollUps = (libraryId: string, day: string, values: number[]) => {
    rollUpWrites++;
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
  // People by library over a read plan, in one statement per shape of plan (month range or not, how many day ranges
  // to add and to take away). Each library's rows are one range of the primary key: the IN list walks them library
  // by library. Only the people are summed: a per-library figure needs no breakdown, and a column fewer per row
  // read is most of the work for the network's 120 libraries.
  const peopleStatements = new Map<string, Statement>();
  const peopleStatement = (shape: string, some: boolean, months: boolean, adds: number, subtracts: number) => {
    let statement = peopleStatements.get(shape);
    if (statement) return statement;
    const list = some ? 'SELECT value FROM json_each(?)' : 'SELECT id FROM libraries';
    const part = (table: 'visit_days' | 'visit_months', key: 'day' | 'month', sign: string) =>
      `SELECT library_id, ${sign}(members + guests + group_people) AS people FROM ${table}
         WHERE library_id IN (${list}) AND ${key} BETWEEN ? AND ?`;
    const parts = [
      ...(months ? [part('visit_months', 'month', '')] : []),
      ...Array.from({ length: adds }, () => part('visit_days', 'day', '')),
      ...Array.from({ length: subtracts }, () => part('visit_days', 'day', '-')),
    ];
    statement = db.prepare(
      `SELECT library_id, sum(people) AS people FROM (${parts.join(' UNION ALL ')}) GROUP BY library_id`,
    );
    peopleStatements.set(shape, statement);
    return statement;
  };
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
      const { months, add, subtract } = readPlan(from, to);
      const totals = emptyTotals();
      for (const [a, b] of add) addTotals(totals, totalsOf(sumDays.get(scope, a, b)));
      for (const [a, b] of subtract) addSigned(totals, totalsOf(sumDays.get(scope, a, b)), -1);
      if (months) addTotals(totals, totalsOf(sumMonths.get(scope, months[0], months[1])));
      return totals;
    },
    async peopleByLibrary(from, to, libraries) {
      const { months, add, subtract } = readPlan(from, to);
      const some = libraries !== undefined;
      const shape = `${some}:${months !== undefined}:${add.length}:${subtract.length}`;
      const statement = peopleStatement(shape, some, months !== undefined, add.length, subtract.length);
      const list = some ? [JSON.stringify(libraries)] : [];
      const ranges = [...(months ? [months] : []), ...add, ...subtract];
      const rows = statement.all(...ranges.flatMap((range) => [...list, ...range])) as {
        library_id: string;
        people: number;
      }[];
      return new Map(rows.map((row) => [row.library_id, row.people]));
    },
    async buckets(scope, from, to, granularity) {
      const bucketOf = (row: TotalsRow & { bucket: string }): Bucket => ({ bucket: row.bucket, ...totalsOf(row) });
      if (granularity === 'day') return dayBuckets.all(scope, from, to).map(bucketOf);
      // By month: whole months from the month roll-up, the months the period covers in part from their days.
      const first = `${monthOf(from)}-01`;
      const whole = [
        from === first ? monthOf(from) : addMonths(monthOf(from), 1),
        to === lastOfMonth(to) ? monthOf(to) : addMonths(monthOf(to), -1),
      ];
      const days: [string, string][] =
        whole[0]! > whole[1]!
          ? [[from, to]]
          : [
              ...(from !== first ? [[from, lastOfMonth(from)] as [string, string]] : []),
              ...(to !== lastOfMonth(to) ? [[`${monthOf(to)}-01`, to] as [string, string]] : []),
            ];
      const buckets = [
        ...days.flatMap(([a, b]) => dayMonthBuckets.all(scope, a, b)),
        ...(whole[0]! <= whole[1]! ? monthBuckets.all(scope, whole[0]!, whole[1]!) : []),
      ].map(bucketOf);
      return buckets.sort((a, b) => (a.bucket < b.bucket ? -1 : 1));
    },
    firstDay: async (scope) => firstDay.get(scope) ?? undefined,
    figuresVersion: async () => `${rollUpWrites}:${dataVersion.get()}`,
  };
}
