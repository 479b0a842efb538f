import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { pustaka, startCli } from './run-cli.js';

const dataDir = mkdtempSync(join(tmpdir(), 'pustaka-cli-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const librariesIn = (dir: string) => {
  const db = new Database(join(dir, 'pustaka.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM libraries').pluck().get();
  } finally {
    db.close();
  }
};

describe('pustaka command line', () => {
  it('lists its commands with --help', async () => {
    const result = await pustaka(['--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /start/);
    assert.match(result.stdout, /seed/);
  });

  it('gives --help for each subcommand', async () => {
    for (const command of ['start', 'seed']) {
      const result = await pustaka([command, '--help']);
      assert.equal(result.code, 0, command);
      assert.match(result.stdout, new RegExp(`Usage: pustaka ${command}`));
    }
  });

  it('exits 2 on an unknown command, an unknown flag or a missing choice', async () => {
    assert.equal((await pustaka(['frobnicate'])).code, 2);
    const unknownFlag = await pustaka(['seed', '--demo', '--colour']);
    assert.equal(unknownFlag.code, 2);
    assert.match(unknownFlag.stderr, /--colour/);
    const noSeed = await pustaka(['seed', '--data', dataDir]);
    assert.equal(noSeed.code, 2);
    assert.match(noSeed.stderr, /--demo/);
    const badPort = await pustaka(['start', '--port', 'eighty']);
    assert.equal(badPort.code, 2);
    assert.match(badPort.stderr, /--port/);
  });

  it('seeds the demo network, and seeding again duplicates nothing', async () => {
    const first = await pustaka(['seed', '--demo', '--data', dataDir]);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(librariesIn(dataDir), 15);
    assert.equal((await pustaka(['seed', '--demo', '--data', dataDir])).code, 0);
    assert.equal(librariesIn(dataDir), 15);
  });

  it('starts, serves, stops when asked, and reuses the data on the next start', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'pustaka-start-'));
    try {
      const first = await startServeAndStop(fresh);
      assert.match(first.stdout, /\(created now\)/);
      assert.equal(first.libraries, 15);
      assert.equal(first.code, 0);
      assert.ok(existsSync(join(fresh, 'pustaka.sqlite')));
      const second = await startServeAndStop(fresh);
      assert.doesNotMatch(second.stdout, /created now/);
      assert.equal(second.libraries, 15);
      assert.equal(second.code, 0);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});

/** `pustaka start --demo` in this process on a free port: asks it for the libraries, then stops it. */
async function startServeAndStop(data: string) {
  const run = startCli(['start', '--demo', '--port', '0', '--host', '127.0.0.1', '--data', data], {
    LOG_LEVEL: 'warn',
  });
  const [, url] = await run.waitFor(/running at (http:\/\/\S+)/);
  const libraries = (await (await fetch(`${url}/v1/libraries`)).json()).total as number;
  run.stop();
  return { ...(await run.done), libraries };
}
