import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type DemoCredentials, type RunningServer, type ServerOptions } from '@pustaka/server';

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
