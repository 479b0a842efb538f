import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { databaseFile, openDatabase, sqliteStores } from '@pustaka/server';
import { copyDemoDatabase } from '../../../test/support/server.js';
import { pustaka } from './run-cli.js';

const fixture = new URL('./fixtures/slims-members.csv', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'pustaka-import-members-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));
before(() => copyDemoDatabase(dataDir));

const importMembers = (...args: string[]) => pustaka(['import-members', '--data', dataDir, ...args]);

describe('pustaka import-members', () => {
  it('refuses wrong usage with exit code 2', async () => {
    assert.equal((await pustaka(['import-members', '--help'])).code, 0);
    for (const [args, message] of [
      [['--format', 'slims-csv', fixture], /--library/],
      [['--library', 'dispusip-bontang', '--format', 'koha', fixture], /--format must be slims-csv, not "koha"/],
      [['--library', 'dispusip-bontang', '--format', 'slims-csv', '--type-map', '1=siswa', fixture], /--type-map/],
      [['--library', 'dispusip-bontang', '--format', 'slims-csv', join(dataDir, 'none.csv')], /Cannot read/],
    ] as const) {
      const result = await importMembers(...args);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, message);
    }
  });

  it('imports the good rows, reports each bad one by number and column without its data, and encrypts', async () => {
    const result = await importMembers('--library', 'dispusip-bontang', '--format', 'slims-csv', fixture);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trim().split('\n');
    assert.deepEqual(lines.slice(0, -1), [
      'record 3 [member_id] skipped: The member number is empty.',
      'record 4 [nik] value left out: The NIK is not a valid NIK; it was not stored.',
      'record 4 [member_phone] value left out: The phone is not an Indonesian mobile number.',
      'record 4 [member_email] value left out: The e-mail address is not one.',
      'record 5 [expire_date] skipped: The expiry date is not a date (YYYY-MM-DD).',
      'record 6 [nik] skipped: This NIK is registered in the network already.',
      'record 7 [member_id] skipped: A member with this number exists already.',
      'record 8 [member_id] skipped: The member number has characters other than letters, digits and dashes, or is not 3 to 40 long.',
    ]);
    assert.match(lines.at(-1)!, /9 members read, 4 imported, 5 skipped\.$/);

    const db = openDatabase(databaseFile(dataDir));
    try {
      const key = Buffer.from(readFileSync(join(dataDir, 'membership.key'), 'utf8').trim(), 'hex');
      const stores = sqliteStores(db, { membershipKey: key });
      // The kiosk knows the imported numbers, whatever their case.
      const ahmad = await stores.members.findByNumber('s0001');
      assert.equal(ahmad?.firstName, 'Ahmad');
      assert.equal(ahmad?.institution, 'SMP Negeri 2 Bontang');
      assert.equal((await stores.members.findByNumber('S0004'))?.validUntil, '2025-02-01');
      const imported = await stores.membership!.list({ source: 'import', offset: 0, limit: 100 });
      assert.equal(imported.total, 4);
      const dewi = imported.items.find((item) => item.fullName === 'Dewi Kartika')!;
      assert.equal(dewi.nikLast4, '0001');
      assert.equal(dewi.memberType, 'guru_dosen');
      assert.equal(dewi.memberNumber, 'S0002');
      assert.equal((await stores.membership!.personalData(dewi.id))?.phone, '+6281211110002');
      assert.equal(imported.items.find((item) => item.fullName.startsWith('Yusuf'))?.fullName, 'Yusuf "Ucup" Maulana');
    } finally {
      db.close();
    }
    const bytes = readFileSync(databaseFile(dataDir)).toString('latin1');
    for (const secret of ['6474016007850001', '081211110002', '+6281211110002', 'Jl. Mawar 2', '1985-07-20'])
      assert.ok(!bytes.includes(secret), 'plain personal data in the database file');
    for (const secret of ['6474016007850001', '1234567890123456', '12345', 'rudi@@bad'])
      assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret));
  });

  it('imports nothing twice', async () => {
    const again = await importMembers('--library', 'dispusip-bontang', '--format', 'slims-csv', '--quiet', fixture);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /9 members read, 0 imported, 9 skipped\./);
  });
});
