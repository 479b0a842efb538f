import type { components, operations } from '@pustaka/spec/schema';
import type { MemberType } from '../members/store.js';
import type { FieldError } from '../types.js';
import {
  addDays,
  addMonths,
  daysBetween,
  firstOfMonth,
  firstOfYear,
  isoWeek,
  lastOfMonth,
  mondayOf,
  monthOf,
} from './days.js';
import { NETWORK, addTotals, emptyTotals, peopleOf, type VisitStore, type VisitTotals } from './store.js';

type Schemas = components['schemas'];
type StatsQuery = NonNullable<operations['getVisitStats']['parameters']['query']>;
type Granularity = Schemas['VisitStats']['granularity'];

/** Longest series answered: a year by day, twenty years by week or month. */
const MAX_DAYS: Record<Granularity, number> = { day: 366, week: 7305, month: 7305 };

export class StatsQueryError extends Error {
  constructor(readonly errors: FieldError[]) {
    super('invalid stats query');
  }
}

const counts = (totals: VisitTotals) => ({
  total: peopleOf(totals),
  members: totals.members,
  guests: totals.guests,
  group_people: totals.groupPeople,
});

const point = (period: string, totals: VisitTotals): Schemas['VisitSeriesPoint'] => ({
  period,
  ...counts(totals),
  web_visits: totals.webVisits,
});

/** Every bucket name from `from` to `to`, zeros included: a chart must not skip a day nobody came. */
function bucketNames(from: string, to: string, granularity: Granularity): string[] {
  const names: string[] = [];
  if (granularity === 'month') {
    for (let month = monthOf(from); month <= monthOf(to); month = addMonths(month, 1)) names.push(month);
  } else if (granularity === 'week') {
    for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) names.push(isoWeek(monday));
  } else {
    for (let day = from; day <= to; day = addDays(day, 1)) names.push(day);
  }
  return names;
}

/** The series of several scopes added up, one point per bucket of the period. */
async function series(store: VisitStore, scopes: string[], from: string, to: string, granularity: Granularity) {
  const byName = new Map<string, VisitTotals>();
  for (const name of bucketNames(from, to, granularity)) byName.set(name, emptyTotals());
  for (const scope of scopes) {
    for (const bucket of await store.buckets(scope, from, to, granularity === 'month' ? 'month' : 'day')) {
      const name = granularity === 'week' ? isoWeek(bucket.bucket) : bucket.bucket;
      const totals = byName.get(name);
      if (totals) addTotals(totals, bucket);
    }
  }
  return [...byName].map(([name, totals]) => point(name, totals));
}

async function totalsOf(store: VisitStore, scopes: string[], from: string, to: string) {
  const totals = emptyTotals();
  for (const scope of scopes) addTotals(totals, await store.totals(scope, from, to));
  return totals;
}

/** The first and last day of a period: a preset ending today, or the asked days (30 days to today by default). */
async function periodOf(store: VisitStore, scopes: string[], query: StatsQuery, today: string) {
  switch (query.period) {
    case 'today':
      return { from: today, to: today };
    case 'week':
      return { from: mondayOf(today), to: today };
    case 'month':
      return { from: firstOfMonth(today), to: today };
    case 'year':
      return { from: firstOfYear(today), to: today };
    case 'all': {
      const firsts = await Promise.all(scopes.map((scope) => store.firstDay(scope)));
      const first = firsts.filter((day): day is string => day !== undefined).sort()[0];
      return { from: first && first < today ? first : today, to: today };
    }
    default: {
      const to = query.to ?? today;
      return { from: query.from ?? addDays(to, -29), to };
    }
  }
}

/** The public figures of `getVisitStats`, from the roll-ups only. `today` is the library's day. */
export async function visitStats(store: VisitStore, query: StatsQuery, today: string, timeZone: string) {
  const libraries = query.library?.length ? [...new Set(query.library)] : undefined;
  const scopes = libraries ?? [NETWORK];
  const { from, to } = await periodOf(store, scopes, query, today);
  const granularity: Granularity =
    query.granularity ?? (query.period === 'year' || query.period === 'all' ? 'month' : 'day');
  const errors: FieldError[] = [];
  if (from > to) errors.push({ field: 'to', code: 'minimum', message: 'must be on or after from' });
  else if (daysBetween(from, to) + 1 > MAX_DAYS[granularity]) {
    errors.push({
      field: 'granularity',
      code: 'too_many_buckets',
      message: `${granularity} covers at most ${MAX_DAYS[granularity]} days; choose a coarser granularity`,
    });
  }
  if (errors.length) throw new StatsQueryError(errors);

  // Nothing is counted after today (a check-in is dated at the latest now), so a period up to today reads as one
  // up to the end of this month: the month's roll-up row instead of a row per day so far, for every library.
  const readTo = to === today ? lastOfMonth(today) : to;
  const totals = await totalsOf(store, scopes, from, readTo);
  const byLibrary = await store.peopleByLibrary(from, readTo, libraries);
  const stats: Schemas['VisitStats'] = {
    from,
    to,
    period: query.period ?? 'custom',
    time_zone: timeZone,
    today,
    granularity,
    ...counts(totals),
    web_visits: totals.webVisits,
    by_member_type: (Object.entries(totals.memberTypes) as [MemberType, number][])
      .filter(([, total]) => total > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([member_type, total]) => ({ member_type, total })),
    series: await series(store, scopes, from, to, granularity),
    by_library: [...(libraries ?? byLibrary.keys())]
      .map((library_id) => ({ library_id, total: byLibrary.get(library_id) ?? 0 }))
      .filter((entry) => libraries || entry.total > 0)
      .sort((a, b) => b.total - a.total || (a.library_id < b.library_id ? -1 : 1)),
  };
  if (query.chart === '30d') {
    const chartFrom = addDays(today, -29);
    stats.chart = {
      range: '30d',
      granularity: 'day',
      from: chartFrom,
      to: today,
      points: await series(store, scopes, chartFrom, today, 'day'),
    };
  } else if (query.chart === '12m') {
    const chartFrom = `${addMonths(monthOf(today), -11)}-01`;
    stats.chart = {
      range: '12m',
      granularity: 'month',
      from: chartFrom,
      to: today,
      points: await series(store, scopes, chartFrom, today, 'month'),
    };
  }
  return stats;
}

/** Visits this year to today against the same days of last year (29 February counts to the 28th). */
export async function yearOnYear(store: VisitStore, scope: string, today: string) {
  const year = Number(today.slice(0, 4));
  const sameDayLastYear = `${year - 1}${today.slice(4)}`;
  const lastYearTo = sameDayLastYear.endsWith('02-29') ? `${year - 1}-02-28` : sameDayLastYear;
  const thisYear = await store.totals(scope, firstOfYear(today), today);
  const lastYear = await store.totals(scope, `${year - 1}-01-01`, lastYearTo);
  const [now, before] = [peopleOf(thisYear), peopleOf(lastYear)];
  return {
    year,
    visits_this_year: now,
    visits_last_year: before,
    trend_percent: before > 0 ? Math.round(((now - before) / before) * 1000) / 10 : null,
    web_visits_this_year: thisYear.webVisits,
  };
}
