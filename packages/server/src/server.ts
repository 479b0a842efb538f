import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp, type AppOptions } from './app.js';
import { warmUp } from './http/warm-up.js';
import { openDatabase, type Db } from './storage/database.js';
import { sqliteStores, type Stores } from './storage/stores.js';
import { seedDemo } from './seed/seed.js';
import { seedDemoMembers } from './seed/members-demo.js';
import { assertNoDemoCredentials, ensureDemoCredentials, type DemoCredentials } from './auth/demo.js';

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
  close(): Promise<void>;
}

export const databaseFile = (dataDir: string) => join(resolve(dataDir), 'pustaka.sqlite');

/** Opens the data folder, seeds it on first run in demo mode, and listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  if (options.demo && options.production) throw new Error('Demo mode and production mode exclude each other.');
  const file = databaseFile(options.dataDir);
  const created = !existsSync(file);
  const db = openDatabase(file);
  const stores = sqliteStores(db);
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

  const { logger, cdnDir, limits, rateLimits, trustProxy, checkResponses, visits } = options;
  const app = await buildApp({ stores, logger, cdnDir, limits, rateLimits, trustProxy, checkResponses, visits });
  app.addHook('onClose', async () => db.close());
  await warmUp(app);
  await app.listen({ port: options.port ?? 8080, host: options.host ?? 'localhost' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : 'localhost';
  return { app, db, stores, url: `http://${host}:${port}`, created, demoCredentials, close: () => app.close() };
}
