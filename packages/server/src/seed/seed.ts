import type { Stores } from '../storage/stores.js';
import { seedDemoCatalog } from './catalog-demo.js';
import { demoLibraries } from './demo-network.js';
import { seedDemoMembers } from './members-demo.js';
import { seedDemoVisitHistory } from './visits-demo.js';

export interface SeedReport {
  libraries: number;
  /** Works in the demo union catalogue. */
  records: number;
  /** Demo members (numbers in the network's pattern) for the kiosk. */
  members: number;
  /** Library days of invented visit figures (0 unless `visitHistory`). */
  visitDays: number;
}

export interface SeedOptions {
  /**
   * Also invent about 400 days of visit figures before today, for the demo's counters. Off by default: tests
   * start from a demo network without visits, so that the figures they check are the visits they record.
   */
  visitHistory?: boolean;
}

/** Loads the demo network. Safe to run again: it updates what is there instead of duplicating it. */
export async function seedDemo(stores: Stores, options: SeedOptions = {}): Promise<SeedReport> {
  for (const library of demoLibraries) await stores.libraries.upsert(library);
  const records = await seedDemoCatalog(stores.catalog, demoLibraries);
  const members = await seedDemoMembers(stores.members);
  const visitDays = options.visitHistory ? await seedDemoVisitHistory(stores.visits, demoLibraries) : 0;
  return { libraries: demoLibraries.length, records, members, visitDays };
}
