import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { copyDemoDatabase } from '../../../test/support/server.js';

// `.dist.node.test.ts`: scripts/test.mjs runs this file after the build, because the bin runs dist/ when it
// exists (and the sources through tsx only in a checkout without a build).
const bin = new URL('../bin/pustaka.js', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'pustaka-bin-'));
before(() => copyDemoDatabase(dataDir));
after(() => rmSync(dataDir, { recursive: true, force: true }));

// The one test that spawns a process, for what only a process shows: the bin loads the CLI, hands `main` the
// real process (stdout, signals, exit code), and Ctrl-C closes the server so that the process ends by itself
// with exit code 0. SIGTERM takes the same listener (src/cli.ts), so one signal is enough; every other case
// runs `main` in the test's own process (cli.node.test.ts).
describe('the pustaka bin, as a process', () => {
  it('serves, and stops cleanly with exit code 0 on Ctrl-C (SIGINT)', async () => {
    const child = spawn(process.execPath, [bin, 'start', '--port', '0', '--host', '127.0.0.1', '--data', dataDir], {
      env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: '', PUSTAKA_DATA: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        if (/Press Ctrl-C/.test(stdout)) resolve(/running at (http:\/\/\S+)/.exec(stdout)![1]!);
      });
      exited.then(({ code }) =>
        reject(new Error(`pustaka start ended (${code}) before it ran:\n${stdout}\n${stderr}`)),
      );
    });
    assert.equal((await fetch(`${url}/v1/libraries`)).status, 200);
    child.kill('SIGINT');
    assert.deepEqual(await exited, { code: 0, signal: null }, stderr);
    assert.match(stdout, /Stopping\.\.\.\n$/);
  });
});
