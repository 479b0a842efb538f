import type { Stores } from '../storage/stores.js';
import { issueCredential, type CredentialRequest } from './issue.js';
import type { CredentialKind } from './secrets.js';

/** What demo mode hands out so that every demo (the demo site, the kiosk, staff tools, curl) works at once. */
export interface DemoCredentials {
  /** For the demo school site and the browser tests, which run on http://localhost:<any port>. */
  siteKey: string;
  kioskToken: string;
  /** Network-wide. */
  staffToken: string;
}

const demoRequests: Record<CredentialKind, CredentialRequest> = {
  site: {
    kind: 'site',
    libraryId: 'sman-1-bontang',
    origins: ['http://localhost:*', 'http://127.0.0.1:*'],
    // So that the curl examples of the docs work too.
    serverSide: true,
    label: 'Demo: the demo school site on localhost',
  },
  kiosk: {
    kind: 'kiosk',
    libraryId: 'dispusip-bontang',
    location: 'pintu-utama',
    label: 'Demo: the kiosk at the city library door',
  },
  staff: { kind: 'staff', network: true, label: 'Demo: network-wide staff' },
};

/**
 * Demo mode only: makes sure one active demo credential of each kind exists and answers their keys. Demo keys
 * are kept readable (unlike every other key) because they are printed at each demo start and are no secret;
 * the server refuses to start in production while one is active (see assertNoDemoCredentials). Answers
 * undefined when the demo libraries are not there (a database that was not seeded with the demo network).
 */
export async function ensureDemoCredentials(
  stores: Pick<Stores, 'libraries' | 'credentials'>,
): Promise<DemoCredentials | undefined> {
  const libraries = Object.values(demoRequests).flatMap((request) => (request.libraryId ? [request.libraryId] : []));
  for (const id of libraries) if (!(await stores.libraries.exists(id))) return undefined;
  const existing = await stores.credentials.activeDemoKeys();
  const keyOf = async (kind: CredentialKind) =>
    existing.find(({ credential }) => credential.kind === kind)?.key ??
    (await issueCredential(stores, demoRequests[kind], 'demo', { demo: true })).key;
  return { siteKey: await keyOf('site'), kioskToken: await keyOf('kiosk'), staffToken: await keyOf('staff') };
}

export class DemoCredentialsInProductionError extends Error {}

/** Production mode refuses to start while a demo credential (whose key was printed for all to see) is active. */
export async function assertNoDemoCredentials(stores: Pick<Stores, 'credentials'>): Promise<void> {
  const demo = (await stores.credentials.activeDemoKeys()).map(({ credential }) => credential.id);
  if (demo.length === 0) return;
  throw new DemoCredentialsInProductionError(
    `Refusing to start in production: ${demo.length} demo credential(s) are active (${demo.join(', ')}), and their ` +
      'keys were printed for anyone to see. Revoke them first: `pustaka keys revoke --demo`.',
  );
}
