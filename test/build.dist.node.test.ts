import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

// `.dist.node.test.ts`: runs after scripts/test.mjs's build, which it must find up to date.
const run = promisify(execFile);
const root = new URL('../', import.meta.url).pathname;
const build = (...args: string[]) =>
  run(process.execPath, ['scripts/build.mjs', ...args], { cwd: root }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );

describe('npm run build (and npm start, which runs it)', () => {
  it('builds nothing when nothing changed since the last build', async () => {
    const entry = join(root, 'dist', 'cdn', 'pustaka.js');
    const before = statSync(entry).mtimeMs;
    // Asked first, so that a stale build fails here instead of rebuilding under the other tests of the build.
    const check = await build('--check');
    assert.equal(check.code, 0, `the build that scripts/test.mjs just ran is not up to date: ${check.stdout}`);
    const { code, stdout } = await build();
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^Build up to date/);
    assert.equal(statSync(entry).mtimeMs, before, 'dist/cdn/pustaka.js was written again');
  });

  it('builds again once a source changed', async () => {
    const source = join(root, 'packages', 'core', 'src', 'index.ts');
    const { atime, mtime } = statSync(source);
    assert.equal((await build('--check')).code, 0);
    try {
      utimesSync(source, atime, new Date());
      assert.equal((await build('--check')).code, 1);
    } finally {
      utimesSync(source, atime, mtime);
    }
    assert.equal((await build('--check')).code, 0);
  });
});
