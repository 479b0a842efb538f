import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { copyDemoDatabase } from '../../../test/support/server.js';

// `.dist.node.test.ts`: the bin runs dist/ once it is built (see bin.dist.node.test.ts). A pipe is a process's.
const bin = new URL('../bin/pustaka.js', import.meta.url).pathname;
const data = mkdtempSync(join(tmpdir(), 'pustaka-pipe-'));
before(() => copyDemoDatabase(data));
after(() => rmSync(data, { recursive: true, force: true }));

describe('the pustaka bin, piped', () => {
  it('exits 0 without a stack trace when the reader of its output goes away (`pustaka keys audit | head`)', async () => {
    const child = spawn(process.execPath, [bin, 'keys', 'audit', '--data', data], {
      env: { ...process.env, PUSTAKA_DATA: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader is gone before the first line: every write of the command meets a closed pipe (EPIPE).
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });
});
