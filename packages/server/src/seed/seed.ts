import type { Stores } from '../storage/stores.js';
import { seedDemoCatalog } from './catalog-demo.js';
import { demoLibraries } from './demo-network.js';
import { seedDemoMembers } from './members-demo.js';

export interface SeedReport {
  libraries: number;
  /** Works in the demo union catalogue. */
  records: number;
  /** Demo members (numbers in the network's pattern) for the kiosk. */
  members: number;
}

/** Loads the demo network. Safe to run again: it updates what is there instead of duplicating it. */
export async function seedDemo(stores: Stores): Promise<SeedReport> {
  for (const library of demoLibraries) await stores.libraries.upsert(library);
  const records = await seedDemoCatalog(stores.catalog, demoLibraries);
  const members = await seedDemoMembers(stores.members);
  return { libraries: demoLibraries.length, records, members };
}
