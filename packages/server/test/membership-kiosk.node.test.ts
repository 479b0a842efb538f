// "An approved or imported member's number works at the visit kiosk" (issue 13), end to end: the number comes
// out of the real server (an approval) or the real command line (`pustaka import-members`), and goes back in at
// `POST /v1/visits` with the demo kiosk token, as a librarian's kiosk would send it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { adult, api, pupil } from './membership-support.js';
import { pustaka } from './run-cli.js';

const fixture = new URL('./fixtures/slims-members.csv', import.meta.url).pathname;

let server: TestServer;
let client: ReturnType<typeof api>;
before(async () => {
  server = await startTestServer();
  client = api(server);
  await client.freshToken();
});
after(() => server.close());

const checkIn = async (memberNumber: string) => {
  const response = await fetch(`${server.url}/v1/visits`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.demoCredentials.kioskToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'member', member_number: memberNumber }),
  });
  return { status: response.status, json: await response.json() };
};

describe('the visit kiosk', () => {
  it('accepts the number an approval issued, greeting the member by first name', async () => {
    const registered = await client.register(adult(501, { full_name: 'Wahyu Pratama' }), 'kiosk-approved');
    assert.equal(registered.status, 201, registered.text);
    const approved = await client.staff('POST', `/v1/membership/registrations/${registered.json.id}/approve`);
    assert.equal(approved.status, 200, approved.text);

    const visit = await checkIn(approved.json.member_number);
    assert.equal(visit.status, 201, JSON.stringify(visit.json));
    assert.equal(visit.json.kind, 'member');
    assert.equal(visit.json.counted, true);
    assert.equal(visit.json.greeting_name, 'Wahyu');
    assert.deepEqual(visit.json.membership, { status: 'active', valid_until: approved.json.valid_until });
  });

  it('accepts the numbers of a SLiMS member file imported with `pustaka import-members`, as the file wrote them', async () => {
    const imported = await pustaka([
      'import-members',
      '--data',
      server.dataDir,
      '--library',
      'dispusip-bontang',
      '--format',
      'slims-csv',
      fixture,
    ]);
    assert.equal(imported.code, 0, imported.stderr);

    const ahmad = await checkIn('S0001');
    assert.equal(ahmad.status, 201, JSON.stringify(ahmad.json));
    assert.equal(ahmad.json.greeting_name, 'Ahmad');
    assert.deepEqual(ahmad.json.membership, { status: 'active', valid_until: '2027-07-14' });
    // A scanner or a hand may type the number in lower case.
    assert.equal((await checkIn('s0002')).json.greeting_name, 'Dewi');
    // Imported with its expiry in the past: recognised, and shown as expired (SLiMS warns the same way).
    const rudi = await checkIn('S0004');
    assert.equal(rudi.status, 201);
    assert.equal(rudi.json.membership.status, 'expired');
    // A row the import skipped (record 5: its expiry is not a date) made no member.
    const siti = await checkIn('S0005');
    assert.equal(siti.status, 422);
    assert.equal(siti.json.code, 'member_not_found');
  });
});

describe("the school's impact card", () => {
  const cardHolders = async (library: string) => {
    const response = await fetch(`${server.url}/v1/visits/impact?library=${library}`);
    assert.equal(response.status, 200);
    return ((await response.json()) as { card_holders?: number }).card_holders;
  };

  it('counts the city library cards its pupils hold once approved, whichever library issued them', async () => {
    const before = await cardHolders('smpn-2-bontang');
    assert.equal(typeof before, 'number');
    const registered = await client.register(pupil(502), 'impact-pupil');
    assert.equal(registered.status, 201, registered.text);
    assert.equal(await cardHolders('smpn-2-bontang'), before, 'a registration waiting for approval holds no card');
    const approved = await client.staff('POST', `/v1/membership/registrations/${registered.json.id}/approve`);
    assert.equal(approved.status, 200, approved.text);
    assert.equal(await cardHolders('smpn-2-bontang'), before! + 1);
  });

  it('is left out for the whole network, which has its own member count', async () => {
    const response = await fetch(`${server.url}/v1/visits/impact`);
    assert.equal('card_holders' in (await response.json()), false);
  });
});
