import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseFile, openDatabase, seedDemo, sqliteStores, startServer, type DemoCredentials, type RunningServer, type ServerOptions } from '@pustaka/server';
import { ensureDemoCredentials } from '../../packages/server/src/auth/demo.js';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** The demo site key (allows http://localhost:* and http://127.0.0.1:*), kiosk token and staff token. */
  demoCredentials: DemoCredentials;
}

/** What a test may change; the data folder is always a fresh temp one. */
export type TestServerOptions = Partial<Omit<ServerOptions, 'dataDir'>>;

/**
 * A real Pustaka server for tests: a fresh SQLite file with the demo network and the demo credentials in a
 * temp folder, listening on a free port of 127.0.0.1. Rate limits are off unless a test sets them: every test
 * comes from the same address, and browser tests type fast. `close()` stops it and deletes the folder.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pustaka-test-'));
  copyFileSync(await seededTemplate(), databaseFile(dataDir));
  const server = await startServer({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    demo: true,
    logger: false,
    rateLimits: false,
    ...options,
  });
  if (!server.demoCredentials) throw new Error('The test server started without its demo credentials.');
  return {
    ...server,
    demoCredentials: server.demoCredentials,
    dataDir,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let template: Promise<string> | undefined;

/**
 * A database file with the demo network and the demo credentials, made once per test process: seeding takes
 * 1.5 to 2 s, a copy of the file a few milliseconds. Every test server starts from its own copy, so they share
 * nothing but the demo credentials' values. Closing the database first folds its WAL into the one file.
 */
function seededTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pustaka-test-template-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const db = openDatabase(databaseFile(dir));
    try {
      const stores = sqliteStores(db);
      await seedDemo(stores);
      await ensureDemoCredentials(stores);
    } finally {
      db.close();
    }
    return databaseFile(dir);
  })();
  return template;
}
