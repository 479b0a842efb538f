import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp, type AppOptions } from './app.js';
import { warmUp } from './http/warm-up.js';
import { openDatabase, type Db } from './storage/database.js';
import { sqliteStores, type Stores } from './storage/stores.js';
import { coverTrust } from './catalog/source-records.js';
import { seedDemo } from './seed/seed.js';
import { seedDemoMembers } from './seed/members-demo.js';
import { assertNoDemoCredentials, ensureDemoCredentials, type DemoCredentials } from './auth/demo.js';
import { loadMembershipKey, type LoadedKey } from './membership/key.js';
import { startPurging } from './membership/retention.js';

export interface ServerOptions {
  /** Folder of the SQLite database (created when missing). */
  dataDir: string;
  port?: number;
  host?: string;
  /** Seed the demo network into a fresh database, and make sure the demo credentials exist. */
  demo?: boolean;
  /** Refuse to start while a demo credential is active. Cannot go with `demo`. */
  production?: boolean;
  logger?: FastifyServerOptions['logger'];
  cdnDir?: AppOptions['cdnDir'];
  limits?: AppOptions['limits'];
  rateLimits?: AppOptions['rateLimits'];
  trustProxy?: AppOptions['trustProxy'];
  checkResponses?: AppOptions['checkResponses'];
  /** Origins whose cover images are saved and shown, besides paths on this server (catalog/source-records.ts). */
  coverOrigins?: readonly string[];
  /** Registration's form timing and clock. */
  membership?: AppOptions['membership'];
  /**
   * The membership key (membership/key.ts): `PUSTAKA_MEMBERSHIP_KEY`'s text, or a key file. Without either,
   * a key file beside the database is used or created (0600); production refuses to start without one.
   */
  membershipKey?: { envKey?: string | undefined; keyFile?: string | undefined };
  /** Days after which pending and rejected registrations are purged (default 90). */
  registrationRetentionDays?: number;
  visits?: AppOptions['visits'];
}

export interface RunningServer {
  app: FastifyInstance;
  db: Db;
  stores: Stores;
  url: string;
  /** True when this start created the database. */
  created: boolean;
  /** Demo mode: a site key for http://localhost:* and http://127.0.0.1:*, a kiosk token, a staff token. */
  demoCredentials: DemoCredentials | undefined;
  /** Where the membership key came from (never the key). */
  membershipKey: Omit<LoadedKey, 'key'>;
  close(): Promise<void>;
}

export const databaseFile = (dataDir: string) => join(resolve(dataDir), 'pustaka.sqlite');

/** Opens the data folder, seeds it on first run in demo mode, and listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  if (options.demo && options.production) throw new Error('Demo mode and production mode exclude each other.');
  // Before the database is touched: production without the key stops here, with nothing created.
  const loadedKey = loadMembershipKey({
    ...options.membershipKey,
    dataDir: options.dataDir,
    production: options.production ?? false,
  });
  const file = databaseFile(options.dataDir);
  const created = !existsSync(file);
  const db = openDatabase(file);
  let stores;
  try {
    stores = sqliteStores(db, { coverTrust: coverTrust(options.coverOrigins), membershipKey: loadedKey.key });
  } catch (error) {
    db.close();
    throw error;
  }
  if (options.demo && (await stores.libraries.count()) === 0) await seedDemo(stores, { visitHistory: true });
  // A demo database made before members existed gets them too, so that the kiosk's member path works.
  else if (options.demo && (await stores.libraries.exists('dispusip-bontang'))) await seedDemoMembers(stores.members);
  const demoCredentials = options.demo ? await ensureDemoCredentials(stores) : undefined;
  if (options.production) {
    try {
      await assertNoDemoCredentials(stores);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  const { logger, cdnDir, limits, rateLimits, trustProxy, checkResponses, membership, visits } = options;
  const app = await buildApp({
    stores,
    logger,
    cdnDir,
    limits,
    rateLimits,
    trustProxy,
    checkResponses,
    membership,
    visits,
  });
  const purging = startPurging(stores, options.registrationRetentionDays, app.log);
  app.addHook('onClose', async () => {
    purging.stop();
    db.close();
  });
  await warmUp(app);
  await app.listen({ port: options.port ?? 8080, host: options.host ?? 'localhost' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : 'localhost';
  const { key: _key, ...membershipKey } = loadedKey;
  return {
    app,
    db,
    stores,
    url: `http://${host}:${port}`,
    created,
    demoCredentials,
    membershipKey,
    close: () => app.close(),
  };
}
