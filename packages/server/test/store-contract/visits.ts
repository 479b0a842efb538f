import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoLibraries } from '../../src/seed/demo-network.js';
import { mulberry32 } from '../../src/seed/mulberry32.js';
import { addDays, monthOf } from '../../src/visits/days.js';
import { NETWORK, emptyTotals, type NewVisit, type VisitTotals } from '../../src/visits/store.js';
import type { MemberType } from '../../src/members/store.js';
import type { Stores } from '../../src/storage/stores.js';
import { testClock, type StoreFactory, type StoreHarness } from './harness.js';

const HOUR = 3_600_000;

/** Visits: the guest book, its roll-ups and web visitors, through the VisitStore interface only. */
export function visitsContract(factory: StoreFactory) {
  describe('visits', () => {
    const state = {} as { harness: StoreHarness; stores: Stores };
    before(async () => {
      state.harness = await factory({ now: testClock().now });
      state.stores = state.harness.stores;
      for (const library of demoLibraries.slice(0, 3)) await state.stores.libraries.upsert(library);
    });
    after(() => state.harness.close());
    const [city, campus, school] = demoLibraries.slice(0, 3).map((library) => library.id) as [string, string, string];
    let serial = 0;
    const visit = (fields: Partial<NewVisit>): NewVisit => ({
      id: `vis_${++serial}`,
      libraryId: city,
      location: 'pintu',
      kind: 'guest',
      people: 1,
      day: '2026-03-10',
      occurredAt: Date.parse('2026-03-10T02:00:00Z'),
      recordedAt: Date.parse('2026-03-10T02:00:00Z'),
      ...fields,
    });

    it('records a visit and adds it to the roll-ups of its library and of the network', async () => {
      const outcome = await state.stores.visits.record(
        visit({ kind: 'member', memberNumber: 'BTG-2026-000123', memberType: 'pelajar' }),
      );
      assert.equal(outcome.outcome, 'counted');
      assert.deepEqual(
        { ...outcome.visit },
        {
          id: `vis_${serial}`,
          libraryId: city,
          location: 'pintu',
          kind: 'member',
          people: 1,
          day: '2026-03-10',
          occurredAt: Date.parse('2026-03-10T02:00:00Z'),
          recordedAt: Date.parse('2026-03-10T02:00:00Z'),
        },
      );
      await state.stores.visits.record(visit({ kind: 'group', people: 30, male: 14, female: 16, name: 'Bu Sari' }));
      await state.stores.visits.record(visit({ kind: 'guest', name: 'Rina', institution: 'SMPN 2' }));
      const expected: VisitTotals = { ...emptyTotals(), members: 1, guests: 1, groupPeople: 30 };
      expected.memberTypes.pelajar = 1;
      for (const scope of [city, NETWORK]) {
        assert.deepEqual(await state.stores.visits.totals(scope, '2026-03-10', '2026-03-10'), expected);
        assert.deepEqual(await state.stores.visits.totals(scope, '2026-03-01', '2026-03-31'), expected);
      }
      assert.deepEqual(await state.stores.visits.totals(campus, '2026-03-10', '2026-03-10'), emptyTotals());
      assert.deepEqual(await state.stores.visits.totals(city, '2026-03-11', '2026-04-30'), emptyTotals());
    });

    it('does not count a member twice at the same library and location inside the window', async () => {
      const at = Date.parse('2026-03-11T01:00:00Z');
      const member = { kind: 'member' as const, memberNumber: 'BTG-2026-000101', memberType: 'umum' as const };
      const first = await state.stores.visits.record(visit({ ...member, day: '2026-03-11', occurredAt: at }));
      const window = { repeatWindowMs: HOUR };
      const again = await state.stores.visits.record(
        visit({ ...member, day: '2026-03-11', occurredAt: at + HOUR - 1 }),
        window,
      );
      assert.deepEqual([again.outcome, again.visit.id], ['repeat', first.visit.id]);
      // An offline kiosk may send the earlier check-in after the later one: the window looks both ways.
      const before = await state.stores.visits.record(
        visit({ ...member, day: '2026-03-11', occurredAt: at - HOUR / 2 }),
        window,
      );
      assert.equal(before.outcome, 'repeat');
      const elsewhere = [
        visit({ ...member, day: '2026-03-11', occurredAt: at + HOUR }),
        visit({ ...member, day: '2026-03-11', occurredAt: at + 1, location: 'lantai-2' }),
        visit({ ...member, day: '2026-03-11', occurredAt: at + 1, libraryId: campus }),
        visit({ ...member, day: '2026-03-11', occurredAt: at + 1, memberNumber: 'BTG-2026-000102' }),
      ];
      for (const other of elsewhere) assert.equal((await state.stores.visits.record(other, window)).outcome, 'counted');
      assert.equal((await state.stores.visits.totals(NETWORK, '2026-03-11', '2026-03-11')).members, 5);
    });

    it('stores a visit with a client key once, whatever is sent again with that key', async () => {
      const first = await state.stores.visits.record(visit({ day: '2026-03-12', clientKey: 'key_kiosk:abc' }));
      const again = await Promise.all(
        Array.from({ length: 10 }, () =>
          state.stores.visits.record(visit({ day: '2026-03-12', clientKey: 'key_kiosk:abc' })),
        ),
      );
      assert.deepEqual(
        again.map((outcome) => [outcome.outcome, outcome.visit.id]),
        Array(10).fill(['replayed', first.visit.id]),
      );
      assert.equal((await state.stores.visits.totals(city, '2026-03-12', '2026-03-12')).guests, 1);
      // Another process on the same storage knows the key too.
      const other = await state.harness.reopen();
      assert.equal(
        (await other.visits.record(visit({ day: '2026-03-12', clientKey: 'key_kiosk:abc' }))).outcome,
        'replayed',
      );
    });

    it('counts a web visitor once per library and day, apart from people', async () => {
      const { visits } = state.stores;
      assert.equal(await visits.recordWebVisit(school, '2026-03-13', 'hash-a'), true);
      assert.equal(await visits.recordWebVisit(school, '2026-03-13', 'hash-a'), false);
      assert.equal(await visits.recordWebVisit(school, '2026-03-13', 'hash-b'), true);
      assert.equal(await visits.recordWebVisit(campus, '2026-03-13', 'hash-a'), true);
      assert.equal(await visits.recordWebVisit(school, '2026-03-14', 'hash-a'), true);
      const totals = await visits.totals(school, '2026-03-13', '2026-03-14');
      assert.deepEqual(totals, { ...emptyTotals(), webVisits: 3 });
      assert.equal((await visits.totals(NETWORK, '2026-03-13', '2026-03-13')).webVisits, 3);
    });

    it("keeps one secret a day and forgets the earlier days' secrets and visitors", async () => {
      const { visits } = state.stores;
      const first = await visits.webSecret('2026-03-14');
      assert.ok(first.length >= 32);
      assert.deepEqual(await visits.webSecret('2026-03-14'), first);
      const next = await visits.webSecret('2026-03-15');
      assert.notDeepEqual(next, first);
      // The 14th's visitors were forgotten with its secret: the same hash would count again (not that anyone
      // can make it any more); the roll-ups keep what was counted.
      assert.equal(await visits.recordWebVisit(school, '2026-03-14', 'hash-a'), true);
      assert.equal((await visits.totals(school, '2026-03-14', '2026-03-14')).webVisits, 2);
      assert.notDeepEqual(await visits.webSecret('2026-03-14'), first);
    });

    it('answers the first day, buckets by day and month, and totals by library', async () => {
      const { visits } = state.stores;
      assert.equal(await visits.firstDay(city), '2026-03-10');
      assert.equal(await visits.firstDay(NETWORK), '2026-03-10');
      assert.equal(await visits.firstDay('nowhere'), undefined);
      const days = await visits.buckets(city, '2026-03-09', '2026-03-12', 'day');
      assert.deepEqual(
        days.map((bucket) => [bucket.bucket, bucket.members + bucket.guests + bucket.groupPeople]),
        [
          ['2026-03-10', 32],
          ['2026-03-11', 4],
          ['2026-03-12', 1],
        ],
      );
      const months = await visits.buckets(NETWORK, '2026-02-15', '2026-03-11', 'month');
      assert.deepEqual(
        months.map((bucket) => [bucket.bucket, bucket.members + bucket.guests + bucket.groupPeople]),
        [['2026-03', 37]],
      );
      const byLibrary = await visits.peopleByLibrary('2026-03-01', '2026-03-31');
      assert.deepEqual(
        [...byLibrary].sort(),
        [
          [campus, 1],
          [city, 37],
          [school, 0],
        ].sort(),
      );
      const some = await visits.peopleByLibrary('2026-03-01', '2026-03-31', [campus]);
      assert.deepEqual([...some.keys()], [campus]);
    });

    it("adds a day's totals without visit rows, to what the day has", async () => {
      const { visits } = state.stores;
      const day: VisitTotals = { ...emptyTotals(), members: 7, guests: 3, groupPeople: 20, webVisits: 11 };
      day.memberTypes = { pelajar: 4, mahasiswa: 0, guru_dosen: 1, umum: 2, asn: 0 };
      // The 12th had one guest at the city library (recorded above).
      await visits.addDayTotals([{ libraryId: city, day: '2026-03-12', totals: day }]);
      const expected = { ...day, guests: 4, memberTypes: { ...day.memberTypes } };
      assert.deepEqual(await visits.totals(city, '2026-03-12', '2026-03-12'), expected);
      assert.equal((await visits.totals(NETWORK, '2026-03-01', '2026-03-31')).webVisits, 5 + 11);
      assert.equal(await visits.firstDay(school), '2026-03-13');
    });

    it('adds up any period like the visits themselves, across month and year ends', async () => {
      const random = mulberry32(12);
      const types: MemberType[] = ['pelajar', 'mahasiswa', 'guru_dosen', 'umum', 'asn'];
      const libraries = [city, campus, school];
      const recorded: NewVisit[] = [];
      for (let i = 0; i < 600; i++) {
        const day = addDays('2024-11-20', Math.floor(random() * 500));
        const kind = (['member', 'guest', 'group'] as const)[Math.floor(random() * 3)]!;
        const fields: Partial<NewVisit> = {
          libraryId: libraries[Math.floor(random() * 3)]!,
          kind,
          day,
          people: kind === 'group' ? 1 + Math.floor(random() * 40) : 1,
        };
        if (kind === 'member') {
          fields.memberType = types[Math.floor(random() * types.length)]!;
          fields.memberNumber = `BTG-2025-${String(i).padStart(6, '0')}`;
        }
        const entry = visit(fields);
        recorded.push(entry);
        await state.stores.visits.record(entry);
      }
      const expected = (scope: string, from: string, to: string) => {
        const totals = emptyTotals();
        for (const entry of recorded) {
          if ((scope !== NETWORK && entry.libraryId !== scope) || entry.day < from || entry.day > to) continue;
          if (entry.kind === 'member') {
            totals.members += entry.people;
            totals.memberTypes[entry.memberType!] += entry.people;
          } else if (entry.kind === 'guest') totals.guests += entry.people;
          else totals.groupPeople += entry.people;
        }
        return totals;
      };
      for (let i = 0; i < 60; i++) {
        const from = addDays('2024-11-01', Math.floor(random() * 540));
        const to = addDays(from, Math.floor(random() * 400));
        const scope = [NETWORK, ...libraries][Math.floor(random() * 4)]!;
        // Only this test's visits fall before 2026-03 or after it.
        if (from <= '2026-03-31' && to >= '2026-03-01') continue;
        assert.deepEqual(
          await state.stores.visits.totals(scope, from, to),
          expected(scope, from, to),
          `${scope} ${from}..${to}`,
        );
        const months = await state.stores.visits.buckets(scope, from, to, 'month');
        const summed = months.reduce((sum, bucket) => sum + bucket.members + bucket.guests + bucket.groupPeople, 0);
        const wanted = expected(scope, from, to);
        assert.equal(summed, wanted.members + wanted.guests + wanted.groupPeople, `months of ${scope} ${from}..${to}`);
        assert.ok(months.every((bucket, j) => j === 0 || months[j - 1]!.bucket < bucket.bucket));
        assert.ok(months.every((bucket) => bucket.bucket >= monthOf(from) && bucket.bucket <= monthOf(to)));
      }
    });
  });
}
