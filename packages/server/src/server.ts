import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp, type AppOptions } from './app.js';
import { openDatabase, type Db } from './storage/database.js';
import { sqliteStores, type Stores } from './storage/stores.js';
import { seedDemo } from './seed/seed.js';

export interface ServerOptions {
  /** Folder of the SQLite database (created when missing). */
  dataDir: string;
  port?: number;
  host?: string;
  /** Seed the demo network into a fresh database. */
  demo?: boolean;
  logger?: FastifyServerOptions['logger'];
  cdnDir?: AppOptions['cdnDir'];
}

export interface RunningServer {
  app: FastifyInstance;
  db: Db;
  stores: Stores;
  url: string;
  /** True when this start created the database. */
  created: boolean;
  close(): Promise<void>;
}

export const databaseFile = (dataDir: string) => join(resolve(dataDir), 'pustaka.sqlite');

/** Opens the data folder, seeds it on first run in demo mode, and listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const file = databaseFile(options.dataDir);
  const created = !existsSync(file);
  const db = openDatabase(file);
  const stores = sqliteStores(db);
  if (options.demo && stores.libraries.count() === 0) seedDemo(stores);

  const app = await buildApp({ stores, logger: options.logger, cdnDir: options.cdnDir });
  app.addHook('onClose', async () => db.close());
  await app.listen({ port: options.port ?? 8080, host: options.host ?? 'localhost' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : 'localhost';
  return { app, db, stores, url: `http://${host}:${port}`, created, close: () => app.close() };
}
