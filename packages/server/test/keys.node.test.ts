import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '@pustaka/server';
import { copyDemoDatabase } from '../../../test/support/server.js';
import { pustaka as runPustaka, startCli } from './run-cli.js';

// The command line runs in this process: the same `main` the `pustaka` bin runs (cli.node.test.ts spawns the
// bin once, for what only a process shows).
const pustaka = (...args: string[]) => runPustaka(args);

/**
 * A POST /v1/visits that got past the credential checks (and the body's validation) is recorded: 201, or 200
 * for a member's repeat check-in. A refused credential answers 401 or 403 instead.
 */
async function assertPastCredentials(response: Response, what: string) {
  assert.ok([200, 201].includes(response.status), `${what} got ${response.status}`);
  assert.equal(typeof (await response.json()).counted, 'boolean', what);
}

const dirs: string[] = [];
/** A data folder as `pustaka seed --demo` leaves it (cli.node.test.ts tests that command itself). */
async function seededDataDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pustaka-keys-'));
  dirs.push(dir);
  await copyDemoDatabase(dir);
  return dir;
}
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function createJson(data: string, ...args: string[]) {
  const result = await pustaka('keys', 'create', '--json', '--data', data, ...args);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as { id: string; key: string; kind: string };
}

const visitFrom = (server: RunningServer, siteKey: string, origin: string) =>
  fetch(`${server.url}/v1/visits`, {
    method: 'POST',
    headers: { origin, 'x-pustaka-key': siteKey, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'guest', institution: 'SMA Negeri 1 Bontang' }),
  });

describe('pustaka keys create, end to end', () => {
  it('prints a site key that writes from its origin and is refused from any other', async () => {
    const data = await seededDataDir();
    const created = await pustaka(
      'keys',
      'create',
      '--kind',
      'site',
      '--library',
      'sman-1-bontang',
      '--origin',
      'https://example.sch.id',
      '--data',
      data,
    );
    assert.equal(created.code, 0, created.stderr);
    const siteKey = /^\s*key\s+(pk_[0-9A-Za-z]{32})$/m.exec(created.stdout)?.[1];
    assert.ok(siteKey, created.stdout);

    const server = await startServer({ dataDir: data, port: 0, host: '127.0.0.1', logger: false, rateLimits: false });
    try {
      await assertPastCredentials(await visitFrom(server, siteKey, 'https://example.sch.id'), 'the allowed origin');
      for (const origin of ['https://other.sch.id', 'https://example.sch.id.evil.example', 'http://example.sch.id']) {
        const refused = await visitFrom(server, siteKey, origin);
        assert.equal(refused.status, 403, origin);
        assert.equal((await refused.json()).code, 'origin_not_allowed');
      }
    } finally {
      await server.close();
    }
  });
});

describe('pustaka keys, usage', () => {
  let data: string;
  before(async () => {
    data = await seededDataDir();
  });

  it('is listed by pustaka --help, and gives --help for itself and each subcommand', async () => {
    assert.match((await pustaka('--help')).stdout, /keys/);
    const overview = await pustaka('keys', '--help');
    assert.equal(overview.code, 0);
    for (const sub of ['create', 'list', 'revoke', 'label', 'audit']) {
      assert.match(overview.stdout, new RegExp(`^  ${sub} `, 'm'));
      const help = await pustaka('keys', sub, '--help');
      assert.equal(help.code, 0, sub);
      assert.match(help.stdout, new RegExp(`^Usage: pustaka keys ${sub}`), sub);
    }
  });

  it('exits 2, saying what is wrong, for a missing or malformed option', async () => {
    const cases: [string[], RegExp][] = [
      [['create', '--library', 'sman-1-bontang'], /--kind/],
      [['create', '--kind', 'printer', '--library', 'sman-1-bontang'], /site, kiosk or staff/],
      [['create', '--kind', 'site', '--origin', 'https://example.sch.id'], /--library/],
      [['create', '--kind', 'site', '--library', 'sman-1-bontang'], /--origin/],
      [['create', '--kind', 'site', '--library', 'sman-1-bontang', '--origin', 'example.sch.id'], /not an origin/],
      [
        ['create', '--kind', 'site', '--library', 'sman-1-bontang', '--origin', 'https://example.sch.id/perpus'],
        /without a path/,
      ],
      [['create', '--kind', 'site', '--library', 'sman-1-bontang', '--origin', 'https://*.sch.id'], /too wide/],
      [['create', '--kind', 'kiosk', '--library', 'sman-1-bontang'], /--location/],
      [['create', '--kind', 'staff'], /--network/],
      [['create', '--kind', 'kiosk', '--network', '--location', 'x'], /Only a staff token/],
      [
        ['create', '--kind', 'staff', '--library', 'sman-1-bontang', '--origin', 'https://example.sch.id'],
        /Only a site key/,
      ],
      [['create', '--kind', 'site', '--library', 'sman-1-bontang', '--colour', 'red'], /--colour/],
      [['revoke'], /which credential/],
      [['frobnicate'], /not a keys subcommand/],
      [[], /Say what to do/],
    ];
    for (const [args, message] of cases) {
      const result = await pustaka('keys', ...args, '--data', data);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message, args.join(' '));
      const help =
        args[0] === 'create' || args[0] === 'revoke' ? `pustaka keys ${args[0]} --help` : 'pustaka keys --help';
      assert.ok(result.stderr.includes(help), `${args.join(' ')}: the help of what was run`);
    }
  });

  it('exits 3 for an unknown library or credential, and 1 without a database', async () => {
    const library = await pustaka(
      'keys',
      'create',
      '--kind',
      'site',
      '--library',
      'perpus-x',
      '--origin',
      'https://x.sch.id',
      '--data',
      data,
    );
    assert.equal(library.code, 3);
    assert.match(library.stderr, /No library has the id "perpus-x"/);
    const revoke = await pustaka('keys', 'revoke', 'key_nothere', '--data', data);
    assert.equal(revoke.code, 3);
    assert.match(revoke.stderr, /key_nothere/);
    assert.equal((await pustaka('keys', 'label', 'key_nothere', 'x', '--data', data)).code, 3);
    const noDatabase = await pustaka('keys', 'list', '--data', join(data, 'nowhere'));
    assert.equal(noDatabase.code, 1);
    assert.match(noDatabase.stderr, /no database/);
  });
});

describe('pustaka keys list, revoke, label, audit', () => {
  let data: string;
  let kiosk: { id: string; key: string };
  let staff: { id: string; key: string };
  let site: { id: string; key: string };
  before(async () => {
    data = await seededDataDir();
    site = await createJson(
      data,
      '--kind',
      'site',
      '--library',
      'sman-1-bontang',
      '--origin',
      'https://sman1-bontang.sch.id',
      '--label',
      'Situs sekolah',
    );
    kiosk = await createJson(data, '--kind', 'kiosk', '--library', 'dispusip-bontang', '--location', 'pintu-utama');
    staff = await createJson(data, '--kind', 'staff', '--network', '--label', 'Admin jaringan');
  });

  it('shows a token once, at creation, and never again: not in lists, not in the audit log, not on disk', async () => {
    assert.match(kiosk.key, /^kt_[0-9A-Za-z]{32}$/);
    assert.match(staff.key, /^sk_[0-9A-Za-z]{32}$/);
    const shown = [
      (await pustaka('keys', 'list', '--data', data)).stdout,
      (await pustaka('keys', 'list', '--json', '--all', '--data', data)).stdout,
      (await pustaka('keys', 'audit', '--json', '--data', data)).stdout,
      (await pustaka('keys', 'audit', '--data', data)).stdout,
    ].join('\n');
    const files = readdirSync(data)
      .map((name) => readFileSync(join(data, name)).toString('latin1'))
      .join('\n');
    for (const token of [kiosk.key, staff.key]) {
      assert.ok(!shown.includes(token), 'a listing shows a token');
      assert.ok(!files.includes(token), 'a token is stored readable');
      assert.ok(!shown.includes(token.slice(3, 20)), 'a listing shows part of a token');
    }
    assert.ok(shown.includes(`kt_…${kiosk.key.slice(-4)}`), 'a token is recognisable by its last four characters');
  });

  it('lists a site key whole (it is public), with its origins, library and label', async () => {
    const listed = JSON.parse((await pustaka('keys', 'list', '--json', '--kind', 'site', '--data', data)).stdout);
    assert.deepEqual(
      listed.map((credential: { id: string }) => credential.id),
      [site.id],
    );
    assert.equal(listed[0].key, site.key);
    assert.deepEqual(listed[0].origins, ['https://sman1-bontang.sch.id']);
    assert.equal(listed[0].library_id, 'sman-1-bontang');
    assert.equal(listed[0].label, 'Situs sekolah');
    const table = (await pustaka('keys', 'list', '--data', data)).stdout;
    assert.match(table, /^ID\s+KIND\s+LIBRARY/);
    assert.match(table, new RegExp(`${staff.id}\\s+staff\\s+\\(network\\)`));
  });

  it('revokes at once, even under a running server, and revoking again is no error', async () => {
    const server = await startServer({ dataDir: data, port: 0, host: '127.0.0.1', logger: false, rateLimits: false });
    try {
      const visit = () =>
        fetch(`${server.url}/v1/visits`, {
          method: 'POST',
          headers: { authorization: `Bearer ${kiosk.key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'member', member_number: 'BTG-2026-000123' }),
        });
      await assertPastCredentials(await visit(), 'the kiosk token before revocation');
      // Another connection to the same file, as a `pustaka keys revoke` in a terminal beside the server is.
      const revoked = await pustaka('keys', 'revoke', kiosk.id, '--data', data);
      assert.equal(revoked.code, 0, revoked.stderr);
      assert.match(revoked.stdout, new RegExp(`Revoked ${kiosk.id}`));
      const refused = await visit();
      assert.equal(refused.status, 401);
      assert.equal((await refused.json()).code, 'credentials_revoked');
    } finally {
      await server.close();
    }
    const again = await pustaka('keys', 'revoke', kiosk.id, '--data', data);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /already revoked/);
    assert.doesNotMatch((await pustaka('keys', 'list', '--data', data)).stdout, new RegExp(kiosk.id));
    assert.match((await pustaka('keys', 'list', '--all', '--data', data)).stdout, new RegExp(`${kiosk.id}.*revoked`));
  });

  it('relabels, and the audit log records every creation, label and revocation with who did it', async () => {
    assert.equal((await pustaka('keys', 'label', staff.id, 'Admin Dispusip', '--data', data)).code, 0);
    const events = JSON.parse((await pustaka('keys', 'audit', '--json', '--data', data)).stdout) as {
      action: string;
      credential_id: string;
      label: string | null;
      actor: string;
    }[];
    const seen = events.map((event) => `${event.action} ${event.credential_id}`);
    for (const expected of [
      `create ${site.id}`,
      `create ${kiosk.id}`,
      `create ${staff.id}`,
      `revoke ${kiosk.id}`,
      `label ${staff.id}`,
    ]) {
      assert.ok(seen.includes(expected), expected);
    }
    assert.equal(
      seen.filter((event) => event === `revoke ${kiosk.id}`).length,
      1,
      'a repeated revocation is not a new event',
    );
    assert.equal(seen[0], `label ${staff.id}`, 'newest first');
    assert.equal(events[0]!.label, 'Admin Dispusip');
    assert.ok(events.every((event) => /^cli(:|$)/.test(event.actor)));
    const onlyStaff = JSON.parse((await pustaka('keys', 'audit', '--json', '--id', staff.id, '--data', data)).stdout);
    assert.deepEqual(
      onlyStaff.map((event: { action: string }) => event.action),
      ['label', 'create'],
    );
  });
});

describe('demo credentials and production mode', () => {
  it('are created by demo mode only, once, and printed at every demo start', async () => {
    const data = mkdtempSync(join(tmpdir(), 'pustaka-demo-'));
    dirs.push(data);
    const plain = await startServer({ dataDir: data, port: 0, host: '127.0.0.1', logger: false });
    assert.equal(plain.demoCredentials, undefined);
    await plain.close();
    assert.equal((await pustaka('seed', '--demo', '--data', data)).code, 0);
    const notDemo = await startServer({ dataDir: data, port: 0, host: '127.0.0.1', logger: false });
    await notDemo.close();
    assert.match((await pustaka('keys', 'list', '--data', data)).stdout, /No credentials/);

    const first = await startServer({ dataDir: data, port: 0, host: '127.0.0.1', logger: false, demo: true });
    await first.close();
    const second = await startServer({ dataDir: data, port: 0, host: '127.0.0.1', logger: false, demo: true });
    await second.close();
    assert.ok(first.demoCredentials);
    assert.deepEqual(second.demoCredentials, first.demoCredentials);
    assert.match(first.demoCredentials.siteKey, /^pk_/);
    assert.match(first.demoCredentials.kioskToken, /^kt_/);
    assert.match(first.demoCredentials.staffToken, /^sk_/);
    const listed = JSON.parse((await pustaka('keys', 'list', '--json', '--data', data)).stdout);
    assert.equal(listed.length, 3);
    assert.ok(listed.every((credential: { demo: boolean }) => credential.demo));
  });

  it('keep production from starting until they are revoked', async () => {
    const data = await seededDataDir();
    const demo = await startUntilRunning(['start', '--demo', '--data', data]);
    assert.match(demo.stdout, /Demo credentials/);
    assert.match(demo.stdout, /site key\s+pk_[0-9A-Za-z]{32}/);
    assert.match(demo.stdout, /kiosk token\s+kt_[0-9A-Za-z]{32}/);
    assert.match(demo.stdout, /staff token\s+sk_[0-9A-Za-z]{32}/);

    // Production needs the membership key made by the demo start (membership/key.ts); its refusal is tested
    // in membership-key.node.test.ts. Here the key is given, so that the demo credentials are what stops it.
    const keyFile = join(data, 'membership.key');
    const refusedWithoutKey = await runPustaka(['start', '--production', '--data', data, '--port', '0'], {});
    assert.equal(refusedWithoutKey.code, 1);
    assert.match(refusedWithoutKey.stderr, /Production needs the membership key/);
    for (const [args, env] of [
      [['start', '--production', '--data', data, '--membership-key-file', keyFile], {}],
      [['start', '--data', data], { NODE_ENV: 'production', PUSTAKA_MEMBERSHIP_KEY_FILE: keyFile }],
    ] as const) {
      const refused = await runPustaka([...args, '--port', '0', '--host', '127.0.0.1'], { LOG_LEVEL: 'warn', ...env });
      assert.equal(refused.code, 1, refused.stdout);
      assert.match(refused.stderr, /Refusing to start in production: 3 demo credential/);
      assert.match(refused.stderr, /pustaka keys revoke --demo/);
    }
    assert.equal((await pustaka('start', '--demo', '--production', '--data', data)).code, 2);

    const revoked = await pustaka('keys', 'revoke', '--demo', '--data', data);
    assert.equal(revoked.code, 0);
    assert.equal(revoked.stdout.split('\n').filter((line) => line.startsWith('Revoked')).length, 3);
    const production = await startUntilRunning([
      'start',
      '--production',
      '--data',
      data,
      '--membership-key-file',
      keyFile,
    ]);
    assert.doesNotMatch(production.stdout, /Demo credentials/);
  });
});

/** Runs `pustaka start` in this process on a free port until it says it is running, then stops it. */
async function startUntilRunning(args: string[]) {
  const run = startCli([...args, '--port', '0', '--host', '127.0.0.1'], { LOG_LEVEL: 'warn' });
  await run.waitFor(/Press Ctrl-C/);
  run.stop();
  const result = await run.done;
  assert.equal(result.code, 0, result.stderr);
  return result;
}
