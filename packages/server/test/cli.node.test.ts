import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';

const bin = new URL('../bin/pustaka.js', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'pustaka-cli-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const pustaka = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, PORT: '' } });

const librariesIn = (dir: string) => {
  const db = new Database(join(dir, 'pustaka.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM libraries').pluck().get();
  } finally {
    db.close();
  }
};

describe('pustaka command line', () => {
  it('lists its commands with --help', () => {
    const result = pustaka('--help');
    assert.equal(result.status, 0);
    assert.match(result.stdout, /start/);
    assert.match(result.stdout, /seed/);
  });

  it('gives --help for each subcommand', () => {
    for (const command of ['start', 'seed']) {
      const result = pustaka(command, '--help');
      assert.equal(result.status, 0, command);
      assert.match(result.stdout, new RegExp(`Usage: pustaka ${command}`));
    }
  });

  it('exits 2 on an unknown command, an unknown flag or a missing choice', () => {
    assert.equal(pustaka('frobnicate').status, 2);
    const unknownFlag = pustaka('seed', '--demo', '--colour');
    assert.equal(unknownFlag.status, 2);
    assert.match(unknownFlag.stderr, /--colour/);
    const noSeed = pustaka('seed', '--data', dataDir);
    assert.equal(noSeed.status, 2);
    assert.match(noSeed.stderr, /--demo/);
    const badPort = pustaka('start', '--port', 'eighty');
    assert.equal(badPort.status, 2);
    assert.match(badPort.stderr, /--port/);
  });

  it('seeds the demo network, and seeding again duplicates nothing', () => {
    const first = pustaka('seed', '--demo', '--data', dataDir);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(librariesIn(dataDir), 15);
    assert.equal(pustaka('seed', '--demo', '--data', dataDir).status, 0);
    assert.equal(librariesIn(dataDir), 15);
  });

  it('starts, serves, stops cleanly on Ctrl-C, and reuses the data on the next start', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'pustaka-start-'));
    try {
      const first = await startAndStop(fresh);
      assert.match(first.stdout, /\(created now\)/);
      assert.equal(first.libraries, 15);
      assert.equal(first.code, 0);
      assert.ok(existsSync(join(fresh, 'pustaka.sqlite')));
      const second = await startAndStop(fresh);
      assert.doesNotMatch(second.stdout, /created now/);
      assert.equal(second.libraries, 15);
      assert.equal(second.code, 0);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});

/** Runs `pustaka start --demo` on a free port, asks it for the libraries, then sends SIGINT. */
function startAndStop(data: string): Promise<{ stdout: string; code: number | null; libraries: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'start', '--demo', '--port', '0', '--host', '127.0.0.1', '--data', data], {
      env: { ...process.env, LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    let libraries = -1;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`pustaka start did not come up: ${stdout}`));
    }, 20000);
    child.stdout.on('data', async (chunk) => {
      stdout += chunk;
      const url = /running at (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url && libraries === -1) {
        libraries = 0;
        libraries = (await (await fetch(`${url}/v1/libraries`)).json()).total;
        child.kill('SIGINT');
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ stdout, code, libraries });
    });
  });
}
