import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  databaseFile,
  openDatabase,
  seedDemo,
  sqliteStores,
  startServer,
  type DemoCredentials,
  type ResponseViolation,
  type RunningServer,
  type ServerOptions,
} from '@pustaka/server';
import { contractCheck } from './contract-check.js';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** The demo site key (allows http://localhost:* and http://127.0.0.1:*), kiosk token and staff token. */
  demoCredentials: DemoCredentials;
  /** The answers so far that did not match the contract; `close()` fails when there is one. */
  responseViolations: ResponseViolation[];
}

/** What a test may change; the data folder is always a fresh temp one, and every answer is checked. */
export type TestServerOptions = Partial<Omit<ServerOptions, 'dataDir' | 'checkResponses'>>;

/**
 * A real Pustaka server for tests: a fresh SQLite file with the demo network and the demo credentials in a
 * temp folder, listening on a free port of 127.0.0.1. Rate limits are off unless a test sets them: every test
 * comes from the same address, and browser tests type fast. Every answer of the API is checked against the
 * contract; `close()` stops the server, deletes the folder, and then fails if any answer did not match.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pustaka-test-'));
  const check = contractCheck();
  await copyDemoDatabase(dataDir);
  const server = await startServer({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    demo: true,
    logger: false,
    rateLimits: false,
    // Browser tests fill the registration form faster than a person: no minimum fill time unless a test sets one.
    membership: { minFillMs: 0 },
    ...options,
    checkResponses: check.record,
  });
  if (!server.demoCredentials) throw new Error('The test server started without its demo credentials.');
  return {
    ...server,
    demoCredentials: server.demoCredentials,
    dataDir,
    responseViolations: check.violations,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      check.assertNone();
    },
  };
}

/**
 * Puts a database with the demo network (libraries and catalogue; no credentials) into `dataDir`, as
 * `pustaka seed --demo` would. Seeding takes 1.5 to 2 s; this copies a file seeded once, per `npm test` run
 * when scripts/test.mjs gives a cache folder (PUSTAKA_TEST_CACHE), else once per test process.
 */
export async function copyDemoDatabase(dataDir: string): Promise<void> {
  copyFileSync(await seededTemplate(), databaseFile(dataDir));
}

let template: Promise<string> | undefined;

function seededTemplate(): Promise<string> {
  template ??= (async () => {
    const shared = process.env.PUSTAKA_TEST_CACHE;
    const file = join(shared || mkdtempSync(join(tmpdir(), 'pustaka-test-template-')), 'demo.sqlite');
    if (!shared) process.once('exit', () => rmSync(join(file, '..'), { recursive: true, force: true }));
    if (existsSync(file)) return file;
    // Seeded under another name, then renamed: test processes running side by side may race to make it,
    // and none may copy a half-written file. Closing the database folds its WAL into the one file.
    const scratch = mkdtempSync(join(tmpdir(), 'pustaka-test-seed-'));
    const db = openDatabase(databaseFile(scratch));
    try {
      await seedDemo(sqliteStores(db));
    } finally {
      db.close();
    }
    renameSync(databaseFile(scratch), file);
    rmSync(scratch, { recursive: true, force: true });
    return file;
  })();
  return template;
}
