// Group commit on SQLite (storage/write-batch.ts): writes of one turn share a transaction, each undone alone.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openDatabase } from '../src/storage/database.js';
import { writeBatch } from '../src/storage/write-batch.js';

describe('write batch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pustaka-batch-'));
  const file = join(dir, 'pustaka.sqlite');
  const db = openDatabase(file);
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)');
  const insert = db.prepare('INSERT INTO notes (text) VALUES (?)');
  const batched = writeBatch(db);
  const other = new Database(file, { readonly: true });
  const committed = () => other.prepare('SELECT text FROM notes ORDER BY id').pluck().all();
  after(() => {
    other.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is one batcher per connection', () => {
    assert.equal(writeBatch(db), batched);
  });

  it('commits the writes of one turn together, before any of them resolves', async () => {
    const seen: unknown[][] = [];
    const writes = ['a', 'b', 'c'].map((text) =>
      batched(() => insert.run(text).lastInsertRowid).then((id) => {
        seen.push(committed());
        return id;
      }),
    );
    assert.deepEqual(committed(), [], 'nothing is written before the end of the turn');
    assert.deepEqual(await Promise.all(writes), [1, 2, 3]);
    assert.equal(seen.length, 3);
    for (const view of seen) assert.deepEqual(view, ['a', 'b', 'c'], 'resolved only once committed');
  });

  it('undoes a write that throws, alone: the others of its turn are committed', async () => {
    const outcomes = await Promise.allSettled([
      batched(() => insert.run('d')),
      batched(() => {
        insert.run('e');
        insert.run('a'); // taken: UNIQUE refuses it, and 'e' goes with it
      }),
      batched(() => insert.run('f')),
    ]);
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.deepEqual(committed(), ['a', 'b', 'c', 'd', 'f']);
  });
});
