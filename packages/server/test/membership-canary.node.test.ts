import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { databaseFile } from '@pustaka/server';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { adult, api, nikFor } from './membership-support.js';

// A canary NIK and phone go through every path that handles them (registration, its refusals, its replay,
// the trap, staff reading, approval, export, stats); then every log line (at trace level), every answer and
// the database's bytes are searched for them in plain text. Staff of the library do see the phone in the
// detail and export answers, by design: those two are checked to show it, which proves the search can find it.
const CANARY_NIK = nikFor('1977-07-17', 'female', 7777);
const CANARY_PHONE = '0812-7777-1717';
const phoneForms = ['081277771717', '6281277771717', '81277771717', CANARY_PHONE, '7777-1717'];

const logs: string[] = [];
const answers: { path: string; text: string; staffDetail: boolean }[] = [];
let server: TestServer;
let clock = Date.parse('2026-11-29T02:00:00Z');

before(async () => {
  server = await startTestServer({
    logger: { level: 'trace', stream: { write: (line: string) => void logs.push(line) } },
    membership: { minFillMs: 1000, now: () => new Date(clock) },
  });
});
after(() => server.close());

describe('the canary', () => {
  it('never appears in a log line, an answer or the database file', async () => {
    const client = api(server, (method, path, text) =>
      answers.push({ path, text, staffDetail: method === 'GET' && /\/registrations\/reg_\w+(\/export)?$/.test(path) }),
    );
    await client.freshToken();
    clock += 5000;
    const canary = adult(7777, {
      nik: CANARY_NIK,
      birth_date: '1977-07-17',
      sex: 'female',
      phone: CANARY_PHONE,
      full_name: 'Kanari Burung',
    });
    assert.equal((await client.register({ ...canary, birth_date: '1977-07-18' })).status, 400); // unconfirmed mismatch
    assert.equal((await client.register({ ...canary, phone: '0812' })).status, 400);
    const registered = await client.register(canary, 'canary-key');
    assert.equal(registered.status, 201, registered.text);
    assert.equal((await client.register(canary, 'canary-key')).status, 201); // the replay
    assert.equal((await client.register(canary)).status, 409); // the duplicate
    assert.equal((await client.register({ ...canary, website: 'x' })).status, 201); // the trap
    assert.equal((await client.register({ ...canary, nik: 'x'.repeat(16) })).status, 400); // the schema
    const id = registered.json.id as string;
    await client.staff('GET', '/v1/membership/registrations?per_page=100');
    await client.staff('GET', `/v1/membership/registrations/${id}`);
    await client.staff('POST', `/v1/membership/registrations/${id}/approve`);
    await client.staff('GET', `/v1/membership/registrations/${id}/export`);
    await client.call('GET', '/v1/membership/stats');
    await client.form();

    assert.ok(logs.length > 10, 'the logs were captured');
    for (const line of logs) {
      assert.ok(!line.includes(CANARY_NIK), `NIK in a log line: ${line.slice(0, 200)}`);
      for (const form of phoneForms) assert.ok(!line.includes(form), `phone in a log line: ${line.slice(0, 200)}`);
      assert.ok(!line.includes('1977-07-17'), 'birth date in a log line');
    }
    for (const answer of answers) {
      assert.ok(!answer.text.includes(CANARY_NIK), `NIK in the answer of ${answer.path}`);
      if (!answer.staffDetail)
        for (const form of phoneForms) assert.ok(!answer.text.includes(form), `phone in the answer of ${answer.path}`);
    }
    const staffViews = answers.filter((answer) => answer.staffDetail);
    assert.equal(staffViews.length, 2);
    for (const view of staffViews) assert.ok(view.text.includes('+6281277771717'), 'staff see the phone');

    await server.app.close(); // folds the WAL into the file; close() below tolerates a closed app
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      const file = databaseFile(server.dataDir) + suffix;
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      for (const text of [CANARY_NIK, ...phoneForms, '+6281277771717', '1977-07-17']) {
        assert.equal(bytes.indexOf(Buffer.from(text)), -1, `"${text}" in ${file}`);
        assert.equal(bytes.indexOf(Buffer.from(text, 'utf16le')), -1, `"${text}" (UTF-16) in ${file}`);
      }
      // The name is not secret: finding it proves the search reads the right file.
      if (suffix === '') assert.notEqual(bytes.indexOf(Buffer.from('Kanari Burung')), -1);
    }
  });
});
