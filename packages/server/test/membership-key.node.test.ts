import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startServer } from '@pustaka/server';
import { defaultKeyFile, loadMembershipKey, MembershipKeyError } from '../src/membership/key.js';
import { membershipCipher } from '../src/membership/cipher.js';
import { copyDemoDatabase } from '../../../test/support/server.js';

const folder = mkdtempSync(join(tmpdir(), 'pustaka-membership-key-'));
after(() => rmSync(folder, { recursive: true, force: true }));
const hexKey = 'ab'.repeat(32);

describe('the membership key', () => {
  it('is created 0600 beside the database outside production, and read again', () => {
    const dataDir = join(folder, 'demo');
    const created = loadMembershipKey({ dataDir, production: false });
    assert.equal(created.created, true);
    assert.equal(statSync(defaultKeyFile(dataDir)).mode & 0o777, 0o600);
    const again = loadMembershipKey({ dataDir, production: false });
    assert.equal(again.created, false);
    assert.deepEqual(again.key, created.key);
  });

  it('is refused in production unless given on purpose, and refused when others can read its file', () => {
    const dataDir = join(folder, 'production');
    assert.throws(() => loadMembershipKey({ dataDir, production: true }), /Production needs the membership key/);
    assert.deepEqual(loadMembershipKey({ dataDir, production: true, envKey: hexKey }).key, Buffer.from(hexKey, 'hex'));
    const file = join(folder, 'key.txt');
    writeFileSync(file, Buffer.alloc(32, 7).toString('base64'));
    chmodSync(file, 0o644);
    assert.throws(() => loadMembershipKey({ dataDir, production: true, keyFile: file }), /readable by others/);
    chmodSync(file, 0o600);
    assert.deepEqual(loadMembershipKey({ dataDir, production: true, keyFile: file }).key, Buffer.alloc(32, 7));
    assert.throws(() => loadMembershipKey({ dataDir, production: false, envKey: 'abc' }), MembershipKeyError);
  });

  it('seals per row: another row, another key or a changed byte cannot open it', () => {
    const cipher = membershipCipher(Buffer.from(hexKey, 'hex'));
    const sealed = cipher.seal({ nik: '6474015203120004' }, 'reg_a');
    assert.ok(!sealed.toString('latin1').includes('6474015203120004'));
    assert.deepEqual(cipher.open(sealed, 'reg_a'), { nik: '6474015203120004' });
    assert.throws(() => cipher.open(sealed, 'reg_b'));
    assert.throws(() => membershipCipher(Buffer.alloc(32, 1)).open(sealed, 'reg_a'));
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    assert.throws(() => cipher.open(tampered, 'reg_a'));
    assert.equal(cipher.keyedHash('nik', '6474015203120004'), cipher.keyedHash('nik', '6474015203120004'));
    assert.notEqual(
      cipher.keyedHash('nik', '6474015203120004'),
      membershipCipher(Buffer.alloc(32, 1)).keyedHash('nik', '6474015203120004'),
    );
  });

  it('stops a server started with another key than the one its data was sealed with', async () => {
    const dataDir = join(folder, 'mismatch');
    mkdirSync(dataDir, { recursive: true });
    await copyDemoDatabase(dataDir);
    const options = { dataDir, port: 0, host: '127.0.0.1', logger: false, rateLimits: false } as const;
    const first = await startServer({ ...options, membershipKey: { envKey: hexKey } });
    await first.close();
    await assert.rejects(
      startServer({ ...options, membershipKey: { envKey: 'cd'.repeat(32) } }),
      /another membership key/,
    );
    const again = await startServer({ ...options, membershipKey: { envKey: hexKey } });
    await again.close();
    assert.ok(readFileSync(join(dataDir, 'pustaka.sqlite')).length > 0);
  });
});
