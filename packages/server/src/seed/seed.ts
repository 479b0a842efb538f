import type { Stores } from '../storage/stores.js';
import { seedDemoCatalog } from './catalog-demo.js';
import { demoLibraries } from './demo-network.js';

export interface SeedReport {
  libraries: number;
  /** Works in the demo union catalogue. */
  records: number;
}

/** Loads the demo network. Safe to run again: it updates what is there instead of duplicating it. */
export async function seedDemo(stores: Stores): Promise<SeedReport> {
  for (const library of demoLibraries) await stores.libraries.upsert(library);
  const records = await seedDemoCatalog(stores.catalog, demoLibraries);
  return { libraries: demoLibraries.length, records };
}
