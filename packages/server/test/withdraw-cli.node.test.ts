// `pustaka withdraw` (a library leaves the network) and the cover allow-list option, through the real CLI.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { copyDemoDatabase } from '../../../test/support/server.js';
import { pustaka } from './run-cli.js';

const dataDir = mkdtempSync(join(tmpdir(), 'pustaka-withdraw-cli-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));
before(async () => {
  await copyDemoDatabase(dataDir);
});

function read<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(dataDir, 'pustaka.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const heldBy = (library: string) =>
  read<{ n: number }>('SELECT count(*) AS n FROM catalog_holdings WHERE library_id = ?', library)[0]!.n;

describe('pustaka withdraw', () => {
  it('refuses to run without a library or without --yes (exit code 2)', async () => {
    assert.equal((await pustaka(['withdraw', '--data', dataDir])).code, 2);
    const unconfirmed = await pustaka(['withdraw', '--data', dataDir, '--library', 'stt-bontang']);
    assert.equal(unconfirmed.code, 2);
    assert.match(unconfirmed.stderr, /add --yes/);
    assert.ok(heldBy('stt-bontang') > 0, 'nothing was removed');
    const unknown = await pustaka(['withdraw', '--data', dataDir, '--library', 'perpus-x', '--yes']);
    assert.equal(unknown.code, 1);
  });

  it("removes the library's holdings; shared works stay, shown from the libraries that still hold them", async () => {
    const onlyThere = read<{ record_id: number }>(
      `SELECT record_id FROM catalog_holdings h WHERE library_id = 'stt-bontang'
       AND NOT EXISTS (SELECT 1 FROM catalog_holdings o WHERE o.record_id = h.record_id AND o.library_id <> h.library_id)`,
    ).length;
    assert.ok(onlyThere > 0, 'the university holds some works no other library has');
    const held = heldBy('stt-bontang');
    const works = read<{ n: number }>('SELECT count(*) AS n FROM catalog_records')[0]!.n;
    const run = await pustaka(['withdraw', '--data', dataDir, '--library', 'stt-bontang', '--yes']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`stt-bontang withdrawn: ${held} works held, ${onlyThere} removed`));
    assert.equal(heldBy('stt-bontang'), 0);
    assert.equal(read<{ n: number }>('SELECT count(*) AS n FROM catalog_records')[0]!.n, works - onlyThere);
    const laskar = read<{ title: string; library_id: string }>(
      `SELECT r.title, h.library_id FROM catalog_records r JOIN catalog_isbns i ON i.record_id = r.id
       JOIN catalog_holdings h ON h.record_id = r.id WHERE i.isbn = '9789793062792'`,
    );
    assert.deepEqual(laskar, [{ title: 'Laskar Pelangi', library_id: 'dispusip-bontang' }]);
  });
});

describe('pustaka start --cover-origins', () => {
  it('refuses what is not an http(s) origin (exit code 2)', async () => {
    for (const origins of ['ftp://sampul.example', 'https://sampul.example/covers', 'sampul.example']) {
      const run = await pustaka(['start', '--data', dataDir, '--port', '0', '--cover-origins', origins]);
      assert.equal(run.code, 2, origins);
      assert.match(run.stderr, /--cover-origins: /, origins);
    }
  });
});
