// `.dist.node.test.ts`: runs after the build, since the server must run from dist/ (through tsx the preload and
// the server would load two copies of better-sqlite3, and the patch would miss the server's).
// Exactly-once registration and decisions across a crash: a real server process dies (SIGKILL, from inside, at
// the first instant the write is durable: fixtures/die-after-commit.mjs), is started again on the same data
// folder, and gets the same request with the same Idempotency-Key. The write and its stored answer commit in
// one transaction, so the retry replays the answer the dead server would have sent; before, the write was on
// disk without its answer and the retry ran the operation again (a second registration refused as a duplicate
// NIK, a second member number, a 404 for an erased registration).
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { issueFormToken } from '../src/membership/anti-spam.js';
import { membershipCipher } from '../src/membership/cipher.js';
import { parseKey } from '../src/membership/key.js';
import { adult, ORIGIN } from './membership-support.js';

const bin = new URL('../bin/pustaka.js', import.meta.url).pathname;
const dieAfterCommit = new URL('./fixtures/die-after-commit.mjs', import.meta.url).pathname;
const data = mkdtempSync(join(tmpdir(), 'pustaka-membership-crash-'));
const children: ChildProcess[] = [];
after(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(data, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  url: string;
  siteKey: string;
  staffToken: string;
}

/** `pustaka start --demo` on the shared data folder; `dieAfter`: the SQL whose commit kills it. */
async function startServer(dieAfter?: string): Promise<Running> {
  const child = spawn(
    process.execPath,
    [
      ...(dieAfter ? ['--import', dieAfterCommit] : []),
      bin,
      'start',
      '--demo',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data',
      data,
    ],
    { env: { ...process.env, LOG_LEVEL: 'warn', ...(dieAfter && { PUSTAKA_DIE_AFTER: dieAfter }) } },
  );
  children.push(child);
  let stdout = '';
  child.stdout.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const url = /running at (http:\/\/\S+)/.exec(stdout)?.[1];
      const siteKey = /site key\s+(\S+)/.exec(stdout)?.[1];
      const staffToken = /staff token\s+(sk_\S+)/.exec(stdout)?.[1];
      if (url && siteKey && staffToken) resolve({ child, url, siteKey, staffToken });
    });
    child.once('exit', () => reject(new Error(`pustaka start ended before it was up: ${stdout}`)));
  });
}

/** A form token issued a minute ago, signed with the server's own key: the anti-spam check lets it through. */
function formToken(): string {
  const key = parseKey(readFileSync(join(data, 'membership.key'), 'utf8'), 'membership.key');
  return issueFormToken(membershipCipher(key), Date.now() - 60_000);
}

interface Answer {
  status: number;
  replayed: string | null;
  json: Record<string, unknown> & { id?: string; member_number?: string };
}

async function send(server: Running, method: string, path: string, key: string, body?: unknown): Promise<Answer> {
  const registering = path === '/v1/membership/registrations';
  const response = await fetch(server.url + path, {
    method,
    headers: {
      'idempotency-key': key,
      ...(registering
        ? { 'x-pustaka-key': server.siteKey, origin: ORIGIN }
        : { authorization: `Bearer ${server.staffToken}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return {
    status: response.status,
    replayed: response.headers.get('idempotent-replayed'),
    json: await response.json(),
  };
}

/** Sends a request that kills the server mid-way: no answer comes, and the process ends by SIGKILL. */
async function sendAndDie(server: Running, method: string, path: string, key: string, body?: unknown) {
  const exited = once(server.child, 'exit');
  await assert.rejects(send(server, method, path, key, body), 'the server answered instead of dying');
  const [, signal] = await exited;
  assert.equal(signal, 'SIGKILL');
}

const registrations = (db: Database.Database) =>
  db.prepare('SELECT id, status, member_number FROM membership_registrations ORDER BY created_at').all() as {
    id: string;
    status: string;
    member_number: string | null;
  }[];

describe('membership writes with an Idempotency-Key, through a server killed as the write is committed', () => {
  it('replays the registration, the approval, the rejection and the erasure after a restart', async () => {
    const post = '/v1/membership/registrations';
    // 1. Dies as the registration is committed. (The first start creates the membership key the token needs.)
    const first = await startServer('INSERT INTO membership_registrations');
    const registration = { form_token: formToken(), ...adult(701, { full_name: 'Agus Salim' }) };
    const other = { form_token: formToken(), ...adult(702, { full_name: 'Maya Sari' }) };
    await sendAndDie(first, 'POST', post, 'reg-1', registration);
    const reader = new Database(join(data, 'pustaka.sqlite'), { readonly: true });
    try {
      const [stored] = registrations(reader);
      assert.ok(stored, 'the registration was committed before the crash');

      // 2. The retry replays the receipt of that registration (not 409 duplicate_registration); then dies as the
      // approval adds the member.
      let server = await startServer('INSERT INTO members (');
      const receipt = await send(server, 'POST', post, 'reg-1', registration);
      assert.equal(receipt.status, 201, JSON.stringify(receipt.json));
      assert.equal(receipt.replayed, 'true');
      assert.equal(receipt.json.id, stored.id);
      assert.equal((await send(server, 'POST', post, 'reg-1', registration)).json.id, stored.id);
      const second = await send(server, 'POST', post, 'reg-2', other);
      assert.equal(second.status, 201);
      await sendAndDie(server, 'POST', `${post}/${stored.id}/approve`, 'approve-1');

      // 3. The approval is replayed with the number issued before the crash, and that is the only number.
      server = await startServer("SET status = 'rejected'");
      const approved = await send(server, 'POST', `${post}/${stored.id}/approve`, 'approve-1');
      assert.equal(approved.status, 200, JSON.stringify(approved.json));
      assert.equal(approved.replayed, 'true');
      const number = approved.json.member_number!;
      assert.equal(registrations(reader)[0]!.member_number, number);
      const members = reader.prepare("SELECT number, status FROM members WHERE full_name = 'Agus Salim'").all();
      assert.deepEqual(members, [{ number, status: 'active' }]);
      const rejection = { reason_code: 'incomplete', reason: 'Fotokopi KTP belum dibawa.' };
      await sendAndDie(server, 'POST', `${post}/${second.json.id}/reject`, 'reject-1', rejection);

      // 4. The rejection is replayed; then the server dies as the approved registration is erased.
      server = await startServer('DELETE FROM membership_registrations');
      const rejected = await send(server, 'POST', `${post}/${second.json.id}/reject`, 'reject-1', rejection);
      assert.equal(rejected.status, 200, JSON.stringify(rejected.json));
      assert.equal(rejected.replayed, 'true');
      assert.equal(rejected.json.status, 'rejected');
      const erasure = { reason_code: 'subject_request' };
      await sendAndDie(server, 'POST', `${post}/${stored.id}/erase`, 'erase-1', erasure);

      // 5. The erasure is replayed (not 404), and the member number it withdrew is closed at the kiosk.
      server = await startServer();
      const erased = await send(server, 'POST', `${post}/${stored.id}/erase`, 'erase-1', erasure);
      assert.equal(erased.status, 200, JSON.stringify(erased.json));
      assert.equal(erased.replayed, 'true');
      assert.equal(erased.json.member_number_withdrawn, number);
      assert.deepEqual(reader.prepare('SELECT status, full_name FROM members WHERE number = ?').get(number), {
        status: 'closed',
        full_name: '-',
      });
      server.child.kill('SIGINT');
      await once(server.child, 'exit');
    } finally {
      reader.close();
    }
  });
});
