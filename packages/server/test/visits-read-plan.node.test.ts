// Stats read a period as month rows plus or minus day rows (visits/sqlite.ts, readPlan): every period must
// still add up to exactly its days, whichever way each partial month is read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoLibraries, openDatabase, sqliteStores } from '@pustaka/server';
import { addDays } from '../src/visits/days.js';
import { NETWORK, emptyTotals, peopleOf } from '../src/visits/store.js';

describe('periods read from month and day roll-ups', () => {
  it('add up to the sum of their days, for periods starting and ending anywhere in a month', async () => {
    const stores = sqliteStores(openDatabase(':memory:'));
    for (const library of demoLibraries.slice(0, 2)) await stores.libraries.upsert(library);
    const [a, b] = demoLibraries.map((library) => library.id);
    const first = '2025-12-20';
    const perDay = new Map<string, number>();
    const days = [];
    for (let i = 0; i < 120; i++) {
      const day = addDays(first, i);
      const people = (i * 7) % 13; // uneven, some days none
      perDay.set(day, people);
      days.push({ libraryId: i % 3 === 0 ? b! : a!, day, totals: { ...emptyTotals(), guests: people } });
    }
    await stores.visits.addDayTotals(days);
    const sumOf = (from: string, to: string) =>
      [...perDay].filter(([day]) => day >= from && day <= to).reduce((sum, [, people]) => sum + people, 0);
    for (let start = 0; start < 120; start += 5) {
      for (let length = 0; start + length < 125; length += 6) {
        const from = addDays(first, start);
        const to = addDays(from, length);
        assert.equal(peopleOf(await stores.visits.totals(NETWORK, from, to)), sumOf(from, to), `${from}..${to}`);
        const byLibrary = await stores.visits.peopleByLibrary(from, to);
        assert.equal((byLibrary.get(a!) ?? 0) + (byLibrary.get(b!) ?? 0), sumOf(from, to), `${from}..${to} by library`);
      }
    }
  });
});
