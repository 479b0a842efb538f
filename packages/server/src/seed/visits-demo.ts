import type { Library } from '../types.js';
import { addDays, ZoneClock } from '../visits/days.js';
import { DEFAULT_TIME_ZONE } from '../visits/options.js';
import type { DayTotals, VisitStore, VisitTotals } from '../visits/store.js';
import { mulberry32 } from './mulberry32.js';

/** People on an ordinary open day, by kind of library: the city library is busiest, reading corners quiet. */
const dailyPeople: Record<Library['kind'], number> = {
  public: 70,
  university: 35,
  school: 25,
  company: 10,
  'reading-corner': 5,
};

const DAYS = 400;

/**
 * Invented figures for the demo's counters and impact card: about 400 days of daily totals before today for
 * every demo library (closed on days it has no opening hours), a little more each month as the network's
 * campaign works, and web visits. Stored as day totals, as an older guest book's would be brought over; today
 * stays empty for the visits the demo records. Deterministic for a given day.
 */
export async function seedDemoVisitHistory(
  visits: VisitStore,
  libraries: Library[],
  now = Date.now(),
): Promise<number> {
  const today = new ZoneClock(DEFAULT_TIME_ZONE).day(now);
  if (await visits.firstDay('*')) return 0;
  const random = mulberry32(2026);
  const days: DayTotals[] = [];
  for (const library of libraries) {
    const open = new Set(library.opening_hours.map((hours) => hours.day));
    for (let back = DAYS; back >= 1; back--) {
      const day = addDays(today, -back);
      const weekday = (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[
        new Date(`${day}T00:00:00Z`).getUTCDay()
      ]!;
      if (!open.has(weekday)) continue;
      const growth = 0.75 + (0.35 * (DAYS - back)) / DAYS;
      const people = Math.round(dailyPeople[library.kind] * growth * (0.6 + random() * 0.8));
      const members = Math.round(people * 0.55);
      const groupPeople = random() < 0.08 ? 20 + Math.floor(random() * 20) : 0;
      const split = [0.45, 0.15, 0.1, 0.22, 0.08].map((share) => Math.floor(members * share));
      split[3]! += members - split.reduce((sum, count) => sum + count, 0);
      const totals: VisitTotals = {
        members,
        guests: people - members,
        groupPeople,
        webVisits: Math.round(people * (1.2 + random())),
        memberTypes: {
          pelajar: split[0]!,
          mahasiswa: split[1]!,
          guru_dosen: split[2]!,
          umum: split[3]!,
          asn: split[4]!,
        },
      };
      days.push({ libraryId: library.id, day, totals });
    }
  }
  await visits.addDayTotals(days);
  return days.length;
}
