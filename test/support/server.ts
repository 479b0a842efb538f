import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '@pustaka/server';

export interface TestServer extends RunningServer {
  dataDir: string;
}

/**
 * A real Pustaka server for tests: a fresh SQLite file with the demo network in a temp folder, listening on
 * a free port of 127.0.0.1. `close()` stops it and deletes the folder.
 */
export async function startTestServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pustaka-test-'));
  const server = await startServer({ dataDir, port: 0, host: '127.0.0.1', demo: true, logger: false });
  return {
    ...server,
    dataDir,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
