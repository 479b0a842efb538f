import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type DemoCredentials, type ResponseViolation, type RunningServer, type ServerOptions } from '@pustaka/server';
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
  const server = await startServer({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    demo: true,
    logger: false,
    rateLimits: false,
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
