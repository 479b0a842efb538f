// Exactly-once across a crash: a real server process, SIGKILLed in the middle of an import that carries an
// Idempotency-Key, started again on the same data folder, and sent the same request again.
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { marcCollectionEnd, marcCollectionStart, marcRecords } from './generated-marc.js';

const bin = new URL('../bin/pustaka.js', import.meta.url).pathname;
const data = mkdtempSync(join(tmpdir(), 'pustaka-crash-'));
const children: ChildProcess[] = [];
after(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(data, { recursive: true, force: true });
});

/** `pustaka start --demo` on a free port; answers once it prints its URL and the staff token. */
async function startServer() {
  const child = spawn(
    process.execPath,
    [bin, 'start', '--demo', '--port', '0', '--host', '127.0.0.1', '--data', data],
    {
      env: { ...process.env, LOG_LEVEL: 'warn' },
    },
  );
  children.push(child);
  // Read with a listener that stays for the process's life: leaving a `for await` loop would destroy the
  // pipe, and the server's next line (its log) would then kill it with EPIPE.
  let stdout = '';
  child.stdout.setEncoding('utf8');
  return new Promise<{ child: ChildProcess; url: string; staffToken: string }>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const url = /running at (http:\/\/\S+)/.exec(stdout)?.[1];
      const staffToken = /staff token\s+(sk_\S+)/.exec(stdout)?.[1];
      if (url && staffToken) resolve({ child, url, staffToken });
    });
    child.once('exit', () => reject(new Error(`pustaka start ended before it was up: ${stdout}`)));
  });
}

/** Waits for a condition the test cannot be told about (another process's commit), checking every 20 ms. */
async function waitFor(what: string, condition: () => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await delay(20);
  }
}

const key = 'import-before-the-crash';
const records = marcRecords(1500, 'crash');
const path = '/v1/catalog/imports?library=sman-1-bontang&format=marcxml';

describe('an import with an Idempotency-Key, through a server killed mid-write', () => {
  it("ends, after a restart and a retry with the same key, with one run's copies and a proper answer", async () => {
    const first = await startServer();
    const reader = new Database(join(data, 'pustaka.sqlite'), { readonly: true });
    const crashCopies = () =>
      reader.prepare("SELECT count(*) FROM catalog_copies WHERE item_code LIKE 'crash-%'").pluck().get() as number;
    const keyState = () => reader.prepare('SELECT state FROM idempotency_keys WHERE key = ?').pluck().get(key);
    try {
      // Part of the file, then nothing more: the server writes what it has (500 records or more) and waits for the rest.
      const sending = request(`${first.url}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${first.staffToken}`,
          'content-type': 'application/marcxml+xml',
          'idempotency-key': key,
        },
      });
      sending.on('error', () => {}); // The server dies under it: that is the point.
      sending.write(marcCollectionStart + records.slice(0, 700).join('\n'));
      await waitFor('the first batch to be committed', () => crashCopies() >= 500);
      assert.equal(keyState(), 'pending');

      first.child.kill('SIGKILL');
      await once(first.child, 'exit');
      // Transactions are sized to take a few ms (catalog/import/import-file.ts), so how many were committed
      // when the process died varies; all of those stay, and the retry must find them again.
      const saved = crashCopies();
      assert.ok(saved >= 500 && saved <= 700, `the batches written before the crash stay: ${saved}`);

      const second = await startServer();
      const retry = () =>
        fetch(`${second.url}${path}`, {
          method: 'POST',
          body: marcCollectionStart + records.join('\n') + marcCollectionEnd,
          headers: {
            authorization: `Bearer ${second.staffToken}`,
            'content-type': 'application/marcxml+xml',
            'idempotency-key': key,
          },
          signal: AbortSignal.timeout(60_000),
        });
      const answered = await retry();
      assert.equal(answered.status, 200);
      assert.equal(answered.headers.get('idempotent-replayed'), null);
      const report = await answered.json();
      assert.deepEqual(
        [report.complete, report.received, report.created + report.updated, report.skipped],
        [true, 1500, 1500, 0],
      );
      // The records written before the crash are found again and their copies replaced, not added to.
      assert.deepEqual([report.created, report.updated], [1500 - saved, saved]);
      assert.equal(crashCopies(), 1500);
      assert.equal(keyState(), 'done');

      const replayed = await retry();
      assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(await replayed.json(), report);
      assert.equal(crashCopies(), 1500);
      second.child.kill('SIGINT');
      await once(second.child, 'exit');
    } finally {
      reader.close();
    }
  });
});
