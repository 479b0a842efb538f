// Visits through HTTP on a real server: the kiosk's member, guest and group check-ins, exactly once, the
// library's days, the public figures, the impact card and the kiosk's view.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseFile, issueCredential, openDatabase, sqliteStores } from '@pustaka/server';
import { emptyTotals } from '../src/visits/store.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';

const MINUTE = 60_000;

/** A server whose visit clock the test moves (rate limits stay off, as in every test server). */
async function serverAt(iso: string) {
  let at = Date.parse(iso);
  const server = await startTestServer({ visits: { now: () => at } });
  return { server, advance: (ms: number) => void (at += ms), set: (when: string) => void (at = Date.parse(when)) };
}

function client(server: TestServer, token = server.demoCredentials.kioskToken) {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  return {
    visit: (body: unknown, key?: string) => post('/v1/visits', body, key ? { 'idempotency-key': key } : {}),
    stats: async (query: string) => {
      const response = await fetch(`${server.url}/v1/visits/stats?${query}`);
      assert.equal(response.status, 200, await response.clone().text());
      return response.json();
    },
    kiosk: async () =>
      (await fetch(`${server.url}/v1/visits/kiosk`, { headers: { authorization: `Bearer ${token}` } })).json(),
  };
}

const storedVisits = (server: TestServer) => server.db.prepare('SELECT count(*) FROM visits').pluck().get() as number;

describe('recording at the kiosk', () => {
  let clock: Awaited<ReturnType<typeof serverAt>>;
  let kiosk: ReturnType<typeof client>;
  before(async () => {
    clock = await serverAt('2026-11-29T02:00:00Z'); // 10:00 in Bontang
    kiosk = client(clock.server);
  });
  after(() => clock.server.close());

  it('greets a member by first name only, and says where and how many came today', async () => {
    const response = await kiosk.visit({ kind: 'member', member_number: 'btg-2026-000123' });
    assert.equal(response.status, 201);
    const text = await response.text();
    const visit = JSON.parse(text);
    assert.deepEqual(
      { ...visit, id: typeof visit.id },
      {
        id: 'string',
        library_id: 'dispusip-bontang',
        location: 'pintu-utama',
        kind: 'member',
        people: 1,
        counted: true,
        recorded_at: '2026-11-29T10:00:00+08:00',
        greeting_name: 'Rina',
        membership: { status: 'active', valid_until: visit.membership.valid_until },
        today_total: 1,
      },
    );
    assert.doesNotMatch(text, /Lestari|000123/, 'neither the full name nor the number is echoed');
  });

  it('does not count the same member twice at the same door within the window, and says when it was', async () => {
    clock.advance(59 * MINUTE);
    const response = await kiosk.visit({ kind: 'member', member_number: 'BTG-2026-000123' });
    assert.equal(response.status, 200);
    const visit = await response.json();
    assert.deepEqual([visit.counted, visit.repeat_of, visit.today_total], [false, '2026-11-29T10:00:00+08:00', 1]);
    clock.advance(2 * MINUTE);
    const later = await kiosk.visit({ kind: 'member', member_number: 'BTG-2026-000123' });
    assert.equal(later.status, 201);
    assert.equal((await later.json()).today_total, 2);
  });

  it("tells an expiring, expired or suspended member's status, and counts the visit", async () => {
    const statuses = [];
    for (const number of ['BTG-2026-000150', 'BTG-2025-000412', 'BTG-2026-000210']) {
      const response = await kiosk.visit({ kind: 'member', member_number: number });
      assert.equal(response.status, 201);
      const visit = await response.json();
      statuses.push([visit.greeting_name, visit.membership.status]);
    }
    assert.deepEqual(statuses, [
      ['Dewi', 'expiring'],
      ['Siti', 'expired'],
      ['Andi', 'suspended'],
    ]);
  });

  it('answers 422 member_not_found for a number nobody holds, without echoing it, and counts nothing', async () => {
    const before = storedVisits(clock.server);
    const response = await kiosk.visit({ kind: 'member', member_number: 'BTG-2026-987654' });
    assert.equal(response.status, 422);
    const problem = await response.json();
    assert.equal(problem.code, 'member_not_found');
    assert.doesNotMatch(JSON.stringify(problem), /987654/);
    assert.equal(storedVisits(clock.server), before);
  });

  it("counts a guest as one and a class visit as its head-count; a kiosk's door is the token's", async () => {
    const guest = await kiosk.visit({ kind: 'guest', name: 'Budi', institution: 'SMPN 1 Bontang', location: 'x' });
    assert.equal(guest.status, 201);
    assert.deepEqual([(await guest.json()).location], ['pintu-utama']);
    const group = await kiosk.visit({
      kind: 'group',
      leader_name: 'Bu Sari',
      institution: 'SDN 005 Bontang Selatan',
      male: 14,
      female: 16,
      education: 'SD',
      purpose: 'study',
    });
    assert.equal(group.status, 201);
    assert.deepEqual([(await group.json()).people], [30]);
    const kioskView = await kiosk.kiosk();
    assert.deepEqual(kioskView.today_counts, { total: 36, members: 5, guests: 1, group_people: 30 });
  });

  it('refuses an empty group and a check-in dated in the future or more than 7 days back', async () => {
    const refused = [
      { kind: 'group', leader_name: 'Pak Dedi', institution: 'TK Melati', male: 0, female: 0 },
      { kind: 'guest', institution: 'SMAN 2', occurred_at: '2026-11-29T20:00:00+08:00' },
      { kind: 'guest', institution: 'SMAN 2', occurred_at: '2026-11-21T10:00:00+08:00' },
    ];
    for (const body of refused) {
      const response = await kiosk.visit(body);
      assert.equal(response.status, 400, JSON.stringify(body));
      const problem = await response.json();
      assert.equal(problem.code, 'validation_failed');
      assert.match(problem.errors[0].field, /^(male|occurred_at)$/);
    }
  });

  it("takes a site key's location from the body", async () => {
    const site = await fetch(`${clock.server.url}/v1/visits`, {
      method: 'POST',
      headers: {
        'x-pustaka-key': clock.server.demoCredentials.siteKey,
        origin: 'http://localhost:8000',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ kind: 'guest', institution: 'Orang tua murid', location: 'ruang-baca' }),
    });
    assert.equal(site.status, 201);
    assert.deepEqual(
      [(await site.json()).library_id, (await kiosk.kiosk()).library.id],
      ['sman-1-bontang', 'dispusip-bontang'],
    );
  });
});

describe('exactly once', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('counts one visit for one Idempotency-Key sent 50 times at once, and answers all 50 alike', async () => {
    const kiosk = client(server);
    const before = await kiosk.kiosk();
    const storedBefore = storedVisits(server);
    const body = { kind: 'group', leader_name: 'Bu Sari', institution: 'SDN 005', male: 10, female: 12 };
    const responses = await Promise.all(Array.from({ length: 50 }, () => kiosk.visit(body, 'rombongan-1')));
    const answers = await Promise.all(responses.map((response) => response.json()));
    assert.deepEqual(
      responses.map((response) => response.status),
      Array(50).fill(201),
    );
    assert.equal(new Set(answers.map((answer) => answer.id)).size, 1);
    assert.equal(responses.filter((response) => response.headers.get('idempotent-replayed') === 'true').length, 49);
    assert.equal(storedVisits(server) - storedBefore, 1);
    assert.equal((await kiosk.kiosk()).today_counts.group_people - before.today_counts.group_people, 22);
  });

  it('still knows the key after its 24 hours: an offline kiosk may come back days later', async () => {
    const kiosk = client(server);
    const first = await (await kiosk.visit({ kind: 'guest', institution: 'SMAN 1' }, 'antre-7')).json();
    server.db.prepare('DELETE FROM idempotency_keys').run(); // as the 24-hour window does
    const again = await kiosk.visit({ kind: 'guest', institution: 'SMAN 1' }, 'antre-7');
    assert.equal(again.status, 201);
    assert.equal((await again.json()).id, first.id);
    assert.equal(server.db.prepare("SELECT count(*) FROM visits WHERE client_key LIKE '%:antre-7'").pluck().get(), 1);
  });
});

describe("the library's days (Asia/Makassar, UTC+8)", () => {
  let clock: Awaited<ReturnType<typeof serverAt>>;
  before(async () => {
    clock = await serverAt('2026-11-29T08:00:00Z');
  });
  after(() => clock.server.close());

  it('puts a visit at 23:30 and one at 00:30 local time on two days, though both fall on one UTC day', async () => {
    const kiosk = client(clock.server);
    for (const occurred_at of ['2026-11-27T23:30:00+08:00', '2026-11-28T00:30:00+08:00']) {
      assert.equal((await kiosk.visit({ kind: 'guest', institution: 'Malam', occurred_at })).status, 201);
    }
    const stats = await kiosk.stats('library=dispusip-bontang&from=2026-11-27&to=2026-11-28');
    assert.deepEqual(
      stats.series.map((point: { period: string; guests: number }) => [point.period, point.guests]),
      [
        ['2026-11-27', 1],
        ['2026-11-28', 1],
      ],
    );
    assert.equal(stats.time_zone, 'Asia/Makassar');
  });

  it('starts "today" at local midnight, not at UTC midnight', async () => {
    const kiosk = client(clock.server);
    clock.set('2026-11-29T15:59:00Z'); // 23:59 in Bontang
    await kiosk.visit({ kind: 'guest', institution: 'Larut' });
    const lateEvening = await kiosk.kiosk();
    assert.deepEqual([lateEvening.today, lateEvening.today_counts.guests], ['2026-11-29', 1]);
    clock.set('2026-11-29T16:01:00Z'); // 00:01 on the 30th in Bontang, still the 29th in UTC
    const afterMidnight = await kiosk.kiosk();
    assert.deepEqual([afterMidnight.today, afterMidnight.today_counts.total], ['2026-11-30', 0]);
    const today = await kiosk.stats('period=today&library=dispusip-bontang');
    assert.deepEqual([today.from, today.to, today.total], ['2026-11-30', '2026-11-30', 0]);
  });
});

describe('public figures', () => {
  let clock: Awaited<ReturnType<typeof serverAt>>;
  let kiosk: ReturnType<typeof client>;
  before(async () => {
    clock = await serverAt('2026-11-29T04:00:00Z'); // Sunday 12:00 in Bontang
    kiosk = client(clock.server);
    const { stores } = clock.server;
    // Earlier months straight into the store, as an import of an old guest book would: the API takes 7 days back.
    const history = [
      ['2026-01-15', 'sman-1-bontang', 4],
      ['2026-06-30', 'dispusip-bontang', 10],
      ['2025-11-30', 'dispusip-bontang', 7],
      ['2025-03-01', 'dispusip-bontang', 5],
    ] as const;
    for (const [day, libraryId, people] of history) {
      await stores.visits.record({
        id: `vis_old_${day}`,
        libraryId,
        location: null,
        kind: 'group',
        people,
        day,
        occurredAt: Date.parse(`${day}T02:00:00Z`),
        recordedAt: Date.parse(`${day}T02:00:00Z`),
      });
    }
    const today = [
      { kind: 'member', member_number: 'BTG-2026-000123' },
      { kind: 'member', member_number: 'BTG-2026-000101' },
      { kind: 'guest', name: 'Budi', institution: 'SMPN 1' },
      { kind: 'guest', institution: 'Kemarin', occurred_at: '2026-11-28T09:00:00+08:00' },
      { kind: 'guest', institution: 'Senin', occurred_at: '2026-11-23T09:00:00+08:00' },
      { kind: 'guest', institution: 'Minggu lalu', occurred_at: '2026-11-22T13:00:00+08:00' },
    ];
    for (const body of today) assert.equal((await kiosk.visit(body)).status, 201, JSON.stringify(body));
  });
  after(() => clock.server.close());

  it('answers each preset period over the days it names, people and web visits apart', async () => {
    const totals: Record<string, unknown[]> = {};
    for (const period of ['today', 'week', 'month', 'year', 'all']) {
      const stats = await kiosk.stats(`period=${period}`);
      totals[period] = [stats.from, stats.to, stats.total, stats.granularity, stats.series.length];
    }
    assert.deepEqual(totals, {
      today: ['2026-11-29', '2026-11-29', 3, 'day', 1],
      week: ['2026-11-23', '2026-11-29', 5, 'day', 7],
      month: ['2026-11-01', '2026-11-29', 6, 'day', 29],
      year: ['2026-01-01', '2026-11-29', 20, 'month', 11],
      all: ['2025-03-01', '2026-11-29', 32, 'month', 21],
    });
    const today = await kiosk.stats('period=today&library=dispusip-bontang');
    assert.deepEqual(
      [today.members, today.guests, today.group_people, today.web_visits, today.by_member_type],
      [
        2,
        1,
        0,
        0,
        [
          { member_type: 'pelajar', total: 1 },
          { member_type: 'umum', total: 1 },
        ],
      ],
    );
  });

  it('adds the last 30 days by day or 12 months by month, zeros included, whatever the period', async () => {
    const days = (await kiosk.stats('period=today&chart=30d')).chart;
    assert.deepEqual(
      [days.from, days.to, days.granularity, days.points.length],
      ['2026-10-31', '2026-11-29', 'day', 30],
    );
    assert.equal(
      days.points.reduce((sum: number, point: { total: number }) => sum + point.total, 0),
      6,
    );
    const months = (await kiosk.stats('period=today&chart=12m')).chart;
    assert.deepEqual(
      [months.from, months.points[0].period, months.points.at(-1).period, months.points.length],
      ['2025-12-01', '2025-12', '2026-11', 12],
    );
    assert.deepEqual(
      months.points
        .filter((point: { total: number }) => point.total > 0)
        .map((point: { period: string }) => point.period),
      ['2026-01', '2026-06', '2026-11'],
    );
  });

  it('buckets by ISO week and by month, and totals by library', async () => {
    const weeks = await kiosk.stats('from=2026-11-16&to=2026-11-29&granularity=week');
    assert.deepEqual(
      weeks.series.map((point: { period: string; total: number }) => [point.period, point.total]),
      [
        ['2026-W47', 1],
        ['2026-W48', 5],
      ],
    );
    const year = await kiosk.stats('period=year');
    assert.deepEqual(year.by_library, [
      { library_id: 'dispusip-bontang', total: 16 },
      { library_id: 'sman-1-bontang', total: 4 },
    ]);
    const one = await kiosk.stats('period=year&library=sman-1-bontang&library=pt-kaltim-amonia');
    assert.deepEqual(one.by_library, [
      { library_id: 'sman-1-bontang', total: 4 },
      { library_id: 'pt-kaltim-amonia', total: 0 },
    ]);
  });

  it('never names a visitor or a member number', async () => {
    const everything = JSON.stringify(await kiosk.stats('period=all&chart=30d'));
    assert.doesNotMatch(everything, /Rina|Budi|BTG-|Kemarin|SMPN/);
  });

  it('is cacheable briefly by shared caches and revalidated by browsers (ETag, 304)', async () => {
    const url = `${clock.server.url}/v1/visits/stats?period=month`;
    const first = await fetch(url);
    assert.equal(first.headers.get('cache-control'), 'public, max-age=0, s-maxage=30, must-revalidate');
    const etag = first.headers.get('etag')!;
    const same = await fetch(url, { headers: { 'if-none-match': etag } });
    assert.equal(same.status, 304);
    await kiosk.visit({ kind: 'guest', institution: 'Baru' });
    const changed = await fetch(url, { headers: { 'if-none-match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
  });

  it('refuses a reversed period, a year by day, and a library that is not', async () => {
    const cases = [
      ['from=2026-11-10&to=2026-11-01', 'to'],
      ['from=2025-01-01&to=2026-11-29&granularity=day', 'granularity'],
      ['library=perpus-x', 'library.0'],
      ['period=decade', 'period'],
    ];
    for (const [query, field] of cases) {
      const response = await fetch(`${clock.server.url}/v1/visits/stats?${query}`);
      assert.equal(response.status, 400, query);
      const problem = await response.json();
      assert.deepEqual([problem.code, problem.errors[0].field], ['validation_failed', field], query);
    }
  });

  it('gives the impact card: this year against the same days of last year, members and works', async () => {
    const response = await fetch(`${clock.server.url}/v1/visits/impact?library=dispusip-bontang`);
    assert.equal(response.status, 200);
    const impact = await response.json();
    const works = await clock.server.stores.catalog.search({
      libraries: ['dispusip-bontang'],
      sort: 'relevance',
      offset: 0,
      limit: 1,
    });
    assert.deepEqual(impact, {
      library_id: 'dispusip-bontang',
      time_zone: 'Asia/Makassar',
      today: '2026-11-29',
      year: 2026,
      visits_this_year: 17, // 10 in June and 7 in November (the guest of the ETag test included)
      visits_last_year: 5, // 1 March 2025; 30 November 2025 is after the same day of last year
      trend_percent: 240,
      web_visits_this_year: 0,
      members: 3,
      works: works.total,
      card_holders: 0, // no registration names the city library as its institution (membership-kiosk tests this)
    });
    assert.ok(works.total > 0);
    const network = await (await fetch(`${clock.server.url}/v1/visits/impact`)).json();
    assert.equal(network.library_id, undefined);
    assert.equal(network.members, 8);
    assert.equal(network.works, await clock.server.stores.catalog.count());
    assert.equal((await fetch(`${clock.server.url}/v1/visits/impact?library=perpus-x`)).status, 404);
  });
});

describe('cached figures', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('answers from the cache only until a visit is written, by this server or by another connection', async () => {
    const figures = client(server);
    const total = async () => (await figures.stats('period=today&library=dispusip-bontang')).total as number;
    const before = await total();
    assert.equal(await total(), before, 'asked twice, nothing written');
    assert.equal((await figures.visit({ kind: 'guest', institution: 'Umum' })).status, 201);
    assert.equal(await total(), before + 1, 'a visit through the API');
    // A `pustaka` command writes through its own connection to the same file.
    const other = openDatabase(databaseFile(server.dataDir));
    try {
      await sqliteStores(other).visits.addDayTotals([
        {
          libraryId: 'dispusip-bontang',
          day: (await figures.stats('period=today')).today,
          totals: { ...emptyTotals(), guests: 5 },
        },
      ]);
    } finally {
      other.close();
    }
    assert.equal(await total(), before + 6, 'a write of another connection');
  });
});

describe("the kiosk's view", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it("names the token's library and location, today's counts and the repeat window", async () => {
    const view = await client(server).kiosk();
    assert.deepEqual(
      { ...view, today: typeof view.today },
      {
        library: { id: 'dispusip-bontang', name: 'Perpustakaan Umum Kota Bontang', kind: 'public' },
        location: 'pintu-utama',
        time_zone: 'Asia/Makassar',
        today: 'string',
        today_counts: { total: 0, members: 0, guests: 0, group_people: 0 },
        repeat_window_minutes: 60,
      },
    );
  });

  it("a kiosk elsewhere sees its own library's count", async () => {
    const { key } = await issueCredential(
      server.stores,
      { kind: 'kiosk', libraryId: 'smpn-2-bontang', location: 'perpustakaan' },
      'test',
    );
    const other = client(server, key);
    await other.visit({ kind: 'guest', institution: 'SMPN 2' });
    const view = await other.kiosk();
    assert.deepEqual([view.library.id, view.location, view.today_counts.total], ['smpn-2-bontang', 'perpustakaan', 1]);
    assert.equal((await client(server).kiosk()).today_counts.total, 0);
  });

  it('asks for a kiosk token: none is 401, a site key 403', async () => {
    assert.equal((await fetch(`${server.url}/v1/visits/kiosk`)).status, 401);
    const withSiteKey = await fetch(`${server.url}/v1/visits/kiosk`, {
      headers: { 'x-pustaka-key': server.demoCredentials.siteKey },
    });
    assert.equal(withSiteKey.status, 403);
  });
});
