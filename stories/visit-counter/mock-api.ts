// Stories only: a tiny stand-in for the visits API, answering the contract's shapes (types from the generated
// contract). The browser tests use the real server instead. Each story picks its behaviour by the `api` attribute:
//   https://kunjungan.mock         answers normally (after `latency` ms)
//   https://kunjungan-lambat.mock  never answers (the loading state)
//   https://kunjungan-galat.mock   answers 500 problem+json (the error state)
//   https://kunjungan-luring.mock  the network fails: unreachable, the offline state, and the kiosk's outbox
import type { components, Visit, VisitRequest, VisitStats } from '@pustaka/client';

type Schemas = components['schemas'];

export const mockApi = {
  ok: 'https://kunjungan.mock',
  slow: 'https://kunjungan-lambat.mock',
  error: 'https://kunjungan-galat.mock',
  offline: 'https://kunjungan-luring.mock',
} as const;

/** A plausible library's days: busier on school days, quiet on Sundays, growing over the year. */
const day = (index: number) => {
  const date = new Date(Date.UTC(2026, 10, 29) - (29 - index) * 86_400_000);
  const sunday = date.getUTCDay() === 0;
  const total = sunday ? 12 + (index % 5) : 60 + ((index * 37) % 45);
  const members = Math.round(total * 0.45);
  const guests = Math.round(total * 0.2);
  return {
    period: date.toISOString().slice(0, 10),
    total,
    members,
    guests,
    group_people: total - members - guests,
    web_visits: total * 3 + (index % 7),
  };
};

const month = (index: number) => {
  const total = 1200 + index * 85 + ((index * 131) % 300);
  const members = Math.round(total * 0.45);
  const guests = Math.round(total * 0.2);
  const date = new Date(Date.UTC(2025, 11 + index, 1));
  return {
    period: date.toISOString().slice(0, 7),
    total,
    members,
    guests,
    group_people: total - members - guests,
    web_visits: total * 3,
  };
};

const sum = (points: { total: number; members: number; guests: number; group_people: number; web_visits: number }[]) =>
  points.reduce(
    (all, point) => ({
      total: all.total + point.total,
      members: all.members + point.members,
      guests: all.guests + point.guests,
      group_people: all.group_people + point.group_people,
      web_visits: all.web_visits + point.web_visits,
    }),
    { total: 0, members: 0, guests: 0, group_people: 0, web_visits: 0 },
  );

function stats(url: URL): VisitStats {
  const days = Array.from({ length: 30 }, (_, index) => day(index));
  const months = Array.from({ length: 12 }, (_, index) => month(index));
  const period = (url.searchParams.get('period') ?? 'month') as Schemas['VisitPeriod'];
  const series = { today: days.slice(-1), week: days.slice(-7), month: days, year: months.slice(1), all: months }[
    period
  ];
  const chart = url.searchParams.get('chart') as Schemas['VisitChartRange'] | null;
  const points = chart === '12m' ? months : days;
  const totals = sum(series);
  return {
    ...totals,
    from: series[0]!.period,
    to: '2026-11-29',
    period,
    time_zone: 'Asia/Makassar',
    today: '2026-11-29',
    granularity: period === 'year' || period === 'all' ? 'month' : 'day',
    by_member_type: [
      { member_type: 'pelajar', total: Math.round(totals.members * 0.6) },
      { member_type: 'umum', total: Math.round(totals.members * 0.4) },
    ],
    series,
    ...(chart && {
      chart: {
        range: chart,
        granularity: chart === '12m' ? 'month' : 'day',
        from: points[0]!.period,
        to: points.at(-1)!.period,
        points,
      },
    }),
    by_library: [{ library_id: url.searchParams.get('library') ?? 'dispusip-bontang', total: totals.total }],
  };
}

const impact: Schemas['VisitImpact'] = {
  library_id: 'dispusip-bontang',
  time_zone: 'Asia/Makassar',
  today: '2026-11-29',
  year: 2026,
  visits_this_year: 48210,
  visits_last_year: 40175,
  trend_percent: 20,
  web_visits_this_year: 90342,
  members: 5120,
  works: 38211,
};

/** Today's count at the story kiosk, kept across check-ins of one story. */
let today = 42;
const repeats = new Set<string>();

const kioskInfo = (): Schemas['KioskInfo'] => ({
  library: { id: 'dispusip-bontang', name: 'Perpustakaan Umum Kota Bontang', kind: 'public' },
  location: 'pintu-utama',
  time_zone: 'Asia/Makassar',
  today: '2026-11-29',
  today_counts: { total: today, members: 20, guests: 7, group_people: today - 27 },
  repeat_window_minutes: 60,
});

const problem = (status: number, code: string) =>
  Response.json(
    { type: `https://pustaka.dev/problems/${code}`, title: code, status, code, detail: code },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );

/** A check-in: BTG-2026-000123 is Rina, any other number ending in 9 is unknown, a second check-in is a repeat. */
function record(body: VisitRequest): Response {
  const now = new Date().toISOString();
  const base = {
    id: `vis_${Math.random().toString(36).slice(2, 10)}`,
    library_id: 'dispusip-bontang',
    recorded_at: now,
  };
  if (body.kind === 'member') {
    if (body.member_number.endsWith('9')) return problem(422, 'member_not_found');
    const repeat = repeats.has(body.member_number);
    repeats.add(body.member_number);
    if (!repeat) today++;
    const visit: Visit = {
      ...base,
      kind: 'member',
      people: 1,
      counted: !repeat,
      greeting_name: body.member_number === 'BTG-2026-000123' ? 'Rina' : 'Ahmad',
      membership: { status: 'active' },
      today_total: today,
      ...(repeat && { repeat_of: now }),
    };
    return Response.json(visit, { status: repeat ? 200 : 201 });
  }
  const people = body.kind === 'group' ? body.male + body.female : 1;
  today += people;
  return Response.json({ ...base, kind: body.kind, people, counted: true, today_total: today } satisfies Visit, {
    status: 201,
  });
}

/** Milliseconds the normal mock waits before answering, like a phone on a slow connection would. */
export const mockSettings = { latency: 250 };

async function answer(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.origin === mockApi.offline) throw new TypeError('Failed to fetch');
  if (url.origin === mockApi.error) return problem(500, 'internal');
  switch (url.pathname) {
    case '/v1/visits/stats':
      return Response.json(stats(url));
    case '/v1/visits/impact':
      return Response.json(
        url.searchParams.get('library') === 'sman-1-bontang'
          ? {
              ...impact,
              visits_this_year: 3120,
              visits_last_year: 3550,
              trend_percent: -12.1,
              members: 410,
              works: 5230,
            }
          : impact,
      );
    case '/v1/visits/kiosk':
      return Response.json(kioskInfo());
    case '/v1/visits/web':
      return Response.json({ library_id: 'sman-1-bontang', counted: true }, { status: 201 });
    case '/v1/visits':
      return record((await request.json()) as VisitRequest);
    default:
      return problem(404, 'not_found');
  }
}

const mocked = new Set<string>(Object.values(mockApi));

/**
 * Routes requests for these mock origins to the stand-in and every other request to the `fetch` it found, so it
 * sits on top of the catalogue stories' stand-in instead of replacing it. Called by each story (a decorator):
 * whichever stand-in was installed last, these origins answer.
 */
export function installVisitMockApi(): void {
  const previous = globalThis.fetch;
  if ((previous as { visitMock?: boolean }).visitMock) return;
  const mockFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (!mocked.has(new URL(request.url).origin)) return previous(input, init);
    const signal = request.signal;
    const wait = new URL(request.url).origin === mockApi.slow ? Infinity : mockSettings.latency;
    await new Promise<void>((resolve, reject) => {
      const timer = wait === Infinity ? undefined : setTimeout(resolve, wait);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
    });
    return answer(request);
  };
  globalThis.fetch = Object.assign(mockFetch, { visitMock: true, mock: (previous as { mock?: boolean }).mock });
}
