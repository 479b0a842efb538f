import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { specPath } from '@pustaka/spec';
import { parse } from 'yaml';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { adult, api, nikFor, pupil } from './membership-support.js';

// The real server on a real SQLite file; the membership clock is the test's, so the minimum fill time of the
// form is passed by moving it, never by waiting.
let server: TestServer;
let clock = Date.parse('2026-11-29T02:00:00Z');
let client: ReturnType<typeof api>;
const MIN_FILL_MS = 3000;
const humanPause = () => (clock += MIN_FILL_MS + 1000);

before(async () => {
  server = await startTestServer({ membership: { minFillMs: MIN_FILL_MS, now: () => new Date(clock) } });
  client = api(server);
  await client.freshToken();
  humanPause();
});
after(() => server.close());

const count = () => server.db.prepare('SELECT count(*) FROM membership_registrations').pluck().get() as number;

function fieldErrors(response: { status: number; json: { code: string; errors?: { field: string; code: string }[] } }) {
  assert.equal(response.status, 400, JSON.stringify(response.json));
  assert.equal(response.json.code, 'validation_failed');
  return (response.json.errors ?? []).map((error) => `${error.field}:${error.code}`);
}

describe('the form definition', () => {
  it('lists member types, consents, the network institutions and the anti-spam fields, in id and en', async () => {
    const id = await client.form();
    assert.equal(id.status, 200);
    assert.equal(id.headers.get('cache-control'), 'no-store');
    assert.equal(id.json.library_id, 'dispusip-bontang');
    assert.deepEqual(
      id.json.member_types.map((type: { id: string }) => type.id),
      ['pelajar', 'mahasiswa', 'guru_dosen', 'umum', 'asn'],
    );
    assert.ok(
      id.json.institutions.some(
        (institution: { id: string; name: string }) => institution.name === 'SMP Negeri 2 Bontang',
      ),
    );
    assert.ok(!id.json.institutions.some((institution: { kind: string }) => institution.kind === 'public'));
    assert.equal(id.json.anti_spam.honeypot_field, 'website');
    assert.match(id.json.anti_spam.form_token, /^ft_\d+\.[A-Za-z0-9_-]{43}$/);
    const en = await client.form('?lang=en&library=sman-1-bontang');
    assert.equal(en.json.library_id, 'sman-1-bontang');
    assert.match(en.json.consents[0].text, /I agree/);
    assert.equal((await client.form('?library=nope-nope')).status, 404);
  });

  it('answers the guardian age the contract shows in its example (18: UU 27/2022 counts anyone under 18 a child)', async () => {
    const contract = parse(readFileSync(specPath, 'utf8'));
    const example = contract.paths['/v1/membership/form'].get.responses['200'].content['application/json'].example;
    const shown = example.member_types.find((type: { id: string }) => type.id === 'pelajar').guardian_required_under;
    const served = (await client.form()).json.member_types.find((type: { id: string }) => type.id === 'pelajar');
    assert.equal(served.guardian_required_under, 18);
    assert.equal(shown, served.guardian_required_under);
  });
});

describe('registration', () => {
  it('registers a pupil with a guardian: a receipt with the reference and the last four NIK digits only', async () => {
    const body = pupil(1);
    const response = await client.register(body, 'pupil-1');
    assert.equal(response.status, 201, response.text);
    assert.match(response.json.id, /^reg_/);
    assert.match(response.json.reference, /^BTG-[0-9A-Z]{6}$/);
    assert.equal(response.json.nik_last4, '0001');
    assert.equal(response.json.status, 'pending');
    assert.ok(!response.text.includes(body.nik as string));
    assert.ok(!response.text.includes('3456'));
  });

  it('re-checks every rule the widget checks, each with its own code and no value echoed', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [adult(10, { nik: '9974011203900010' }), 'nik:nik_region'],
      [adult(11, { nik: '6474003203900011' }), 'nik:nik_region'],
      [adult(12, { nik: '6474013213900012' }), 'nik:nik_date'],
      [adult(13, { nik: '6474017203900013' }), 'nik:nik_date'],
      [adult(14, { nik: nikFor('1990-03-12', 'male', 0) }), 'nik:nik_serial'],
      [adult(15, { nik: '64740112039' }), 'nik:pattern'],
      [adult(16, { birth_date: '1991-03-12' }), 'nik:nik_birth_date_mismatch'],
      [adult(17, { sex: 'female' }), 'nik:nik_sex_mismatch'],
      [adult(18, { phone: '0212345678' }), 'phone:phone_format'],
      [adult(19, { phone: '+1 415 555 0100' }), 'phone:phone_format'],
      [pupil(20, { guardian: undefined }), 'guardian:required'],
      [pupil(21, { education_level: undefined }), 'education_level:required'],
      [pupil(22, { institution_id: undefined }), 'institution:required'],
      [pupil(23, { class_or_faculty: undefined }), 'class_or_faculty:required'],
      [pupil(24, { institution_id: 'dispusip-bontang' }), 'institution_id:unknown'],
      [
        pupil(25, { guardian: { name: 'Siti', relation: 'parent', phone: '12345678901', consent: true } }),
        'guardian.phone:phone_format',
      ],
      [adult(26, { consents: [{ id: 'card', version: '2026-11-01', granted: false }] }), 'consents:consent_required'],
      [
        adult(27, { consents: [{ id: 'card', version: '2020-01-01', granted: true }] }),
        'consents.0.version:consent_version',
      ],
      [
        adult(28, {
          consents: [
            { id: 'card', version: '2026-11-01', granted: true },
            { id: 'x', version: '1', granted: true },
          ],
        }),
        'consents.1.id:unknown',
      ],
      [adult(29, { birth_date: '2027-01-01', nik: nikFor('2027-01-01', 'male', 29) }), 'birth_date:future'],
      [
        pupil(30, { guardian: { name: 'Siti', relation: 'parent', phone: '081298765432', consent: false } }),
        'guardian.consent:const',
      ],
    ];
    const before = count();
    for (const [body, expected] of cases) {
      const response = await client.register(body);
      assert.ok(fieldErrors(response).includes(expected), `${expected}: ${response.text}`);
      for (const secret of [body.nik, body.phone, body.birth_date]) assert.ok(!response.text.includes(String(secret)));
    }
    assert.equal(count(), before);
  });

  it('accepts a NIK mismatch the applicant confirmed, and shows it to staff as a warning', async () => {
    const response = await client.register(adult(31, { birth_date: '1990-03-13', nik_mismatch_confirmed: true }));
    assert.equal(response.status, 201, response.text);
    assert.deepEqual(
      response.json.warnings.map((warning: { code: string }) => warning.code),
      ['nik_birth_date_mismatch'],
    );
    const detail = await client.staff('GET', `/v1/membership/registrations/${response.json.id}`);
    assert.ok(detail.json.flags.some((flag: { code: string }) => flag.code === 'nik_birth_date_mismatch'));
  });

  it('answers 409 for a NIK registered anywhere in the network, revealing nothing', async () => {
    const first = adult(40);
    assert.equal((await client.register(first)).status, 201);
    const again = await client.register(adult(40, { full_name: 'Orang Lain', phone: '0813-1111-2222' }));
    assert.equal(again.status, 409);
    assert.equal(again.json.code, 'duplicate_registration');
    assert.ok(!again.text.includes('Budi') && !again.text.includes('0040') && !again.text.includes('reg_'));
  });

  it('flags the same phone under another name to staff, without refusing it', async () => {
    const sibling = await client.register(adult(41, { full_name: 'Adik Santoso', phone: '0812-3456-0040' }));
    assert.equal(sibling.status, 201);
    const detail = await client.staff('GET', `/v1/membership/registrations/${sibling.json.id}`);
    assert.ok(detail.json.flags.some((flag: { code: string }) => flag.code === 'same_phone_other_name'));
    const flagged = await client.staff('GET', '/v1/membership/registrations?flagged=true&per_page=100');
    assert.ok(flagged.json.items.some((item: { id: string }) => item.id === sibling.json.id));
  });

  it('registers once per Idempotency-Key, retried one after another or sent at once', async () => {
    const before = count();
    const first = await client.register(adult(50), 'retry-50');
    const retry = await client.register(adult(50), 'retry-50');
    assert.equal(first.status, 201);
    assert.equal(retry.json.id, first.json.id);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    const concurrent = await Promise.all(Array.from({ length: 6 }, () => client.register(adult(51), 'burst-51')));
    assert.equal(
      new Set(concurrent.map((response) => response.json.id)).size,
      1,
      concurrent.map((r) => r.text).join('\n'),
    );
    // A double click without a key: the second finds the first's NIK.
    const clicks = await Promise.all([client.register(adult(52)), client.register(adult(52))]);
    assert.deepEqual(clicks.map((response) => response.status).sort(), [201, 409]);
    assert.equal(count(), before + 3);
  });

  it('stores the Idempotency-Key hash of a registration keyed, so it cannot confirm a guessed NIK; retries replay', async () => {
    const token = await client.freshToken();
    humanPause();
    const body = adult(55, { form_token: token });
    const first = await client.register(body, 'keyed-55');
    const retry = await client.register(body, 'keyed-55');
    assert.equal(first.status, 201, first.text);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.equal(retry.json.id, first.json.id);
    const stored = server.db
      .prepare("SELECT request_hash FROM idempotency_keys WHERE key = 'keyed-55'")
      .pluck()
      .get() as string;
    // What the server hashes: the validated request's parts, the body as sent (membership-support.ts `register`).
    const sent = { params: {}, query: {}, body: { form_token: token, ...body } };
    const plain = createHash('sha256').update(JSON.stringify(sent)).digest('base64url');
    assert.match(stored, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(stored, plain, 'a plain SHA-256 of the body: anyone reading the table could test NIKs against it');
    // Another request under the key is still told apart.
    const other = await client.register(adult(56, { form_token: token }), 'keyed-55');
    assert.equal(other.status, 409);
    assert.equal(other.json.code, 'idempotency_key_reused');
  });

  it('gives a trapped submission the same answer as a real one and stores nothing', async () => {
    const before = count();
    const honeypot = await client.register(adult(60, { website: 'http://spam.example' }));
    const noToken = await client.register(adult(61, { form_token: undefined }));
    const forged = await client.register(adult(62, { form_token: `ft_1.${'A'.repeat(43)}` }));
    const token = await client.freshToken();
    clock += 1000; // faster than a person fills the form
    const tooFast = await client.register(adult(63, { form_token: token }));
    for (const response of [honeypot, noToken, forged, tooFast]) {
      assert.equal(response.status, 201, response.text);
      assert.deepEqual(Object.keys(response.json).sort(), [
        'created_at',
        'id',
        'nik_last4',
        'reference',
        'status',
        'warnings',
      ]);
      assert.match(response.json.reference, /^BTG-[0-9A-Z]{6}$/);
    }
    assert.equal(count(), before);
    humanPause();
    assert.equal((await client.register(adult(63, { form_token: token }))).status, 201);
    assert.equal(count(), before + 1);
  });

  it('lets a site register for its own library or the city library only', async () => {
    const elsewhere = await client.register(adult(70, { library_id: 'smpn-2-bontang' }));
    assert.equal(elsewhere.status, 403);
    assert.equal(elsewhere.json.code, 'wrong_library');
    const own = await client.register(adult(71, { library_id: 'sman-1-bontang' }));
    assert.equal(own.status, 201);
    assert.match(own.json.reference, /^SMAN1B-/);
  });
});

describe('staff', () => {
  it('lists and filters a library’s registrations, without phone, address or birth date', async () => {
    const registered = await client.register(pupil(80));
    assert.equal(registered.status, 201, registered.text);
    const list = await client.staff(
      'GET',
      '/v1/membership/registrations?status=pending&member_type=pelajar&per_page=100',
    );
    assert.equal(list.status, 200);
    assert.ok(list.json.items.length >= 2);
    assert.ok(
      list.json.items.every(
        (item: { member_type: string; status: string }) => item.member_type === 'pelajar' && item.status === 'pending',
      ),
    );
    assert.ok(!/\+62|0812|birth_date|street/.test(list.text));
    const school = await client.libraryStaffToken('sman-1-bontang');
    const own = await client.staff('GET', '/v1/membership/registrations?per_page=100', undefined, school);
    assert.ok(own.json.items.length >= 1);
    assert.ok(own.json.items.every((item: { library_id: string }) => item.library_id === 'sman-1-bontang'));
  });

  it('shows the details to staff of the registration’s library only, with the NIK’s last four digits', async () => {
    const registered = await client.register(pupil(81));
    const path = `/v1/membership/registrations/${registered.json.id}`;
    const detail = await client.staff('GET', path);
    assert.equal(detail.status, 200);
    assert.equal(detail.headers.get('cache-control'), 'no-store');
    assert.equal(detail.json.phone, '+6281234560081');
    assert.equal(detail.json.birth_date, '2012-03-12');
    assert.equal(detail.json.guardian.phone, '+6281298765432');
    assert.equal(detail.json.nik_last4, '0081');
    assert.equal(detail.json.minor, true);
    assert.deepEqual(
      detail.json.consents.map((consent: { id: string; given_by: string; origin: string }) => [
        consent.id,
        consent.given_by,
        consent.origin,
      ]),
      [['card', 'guardian', 'http://localhost:8123']],
    );
    assert.ok(!detail.text.includes(nikFor('2012-03-12', 'female', 81)));
    const other = await client.libraryStaffToken('smpn-1-bontang');
    const refused = await client.staff('GET', path, undefined, other);
    assert.equal(refused.status, 403);
    assert.equal(refused.json.code, 'wrong_library');
    assert.equal((await client.staff('GET', '/v1/membership/registrations/reg_nothere')).status, 404);
  });

  it('approves without a body: a number in the library’s pattern that the kiosk knows, and the card', async () => {
    const registered = await client.register(pupil(82));
    const path = `/v1/membership/registrations/${registered.json.id}/approve`;
    const response = await client.call('POST', path, {
      headers: { authorization: `Bearer ${server.demoCredentials.staffToken}` },
    });
    assert.equal(response.status, 200, response.text);
    assert.match(response.json.member_number, /^BTG-2026-\d{6}$/);
    assert.equal(response.json.valid_until, '2027-11-28');
    assert.equal(response.json.card.full_name, 'Rina Lestari 82');
    assert.equal(response.json.card.institution, 'SMP Negeri 2 Bontang');
    assert.equal(response.json.card.library_name.length > 0, true);
    const member = await server.stores.members.findByNumber(response.json.member_number.toLowerCase());
    assert.equal(member?.status, 'active');
    assert.equal(member?.firstName, 'Rina');
    // With an empty JSON body too, and again: the same member.
    const again = await client.call('POST', path, {
      headers: { authorization: `Bearer ${server.demoCredentials.staffToken}`, 'content-type': 'application/json' },
    });
    assert.equal(again.json.member_number, response.json.member_number);
    const reject = await client.staff('POST', `/v1/membership/registrations/${registered.json.id}/reject`, {
      reason_code: 'other',
      reason: 'Terlambat.',
    });
    assert.equal(reject.status, 409);
    assert.equal(reject.json.code, 'registration_not_pending');
  });

  it('issues 50 distinct numbers to 50 approvals at once', async () => {
    const ids: string[] = [];
    for (let serial = 100; serial < 150; serial++) ids.push((await client.register(adult(serial))).json.id);
    const answers = await Promise.all(
      ids.map((id) => client.staff('POST', `/v1/membership/registrations/${id}/approve`, {})),
    );
    assert.ok(
      answers.every((answer) => answer.status === 200),
      answers.find((a) => a.status !== 200)?.text,
    );
    const numbers = answers.map((answer) => answer.json.member_number as string);
    assert.equal(new Set(numbers).size, 50);
    for (const number of numbers) assert.ok(await server.stores.members.findByNumber(number));
  });

  it('rejects with a reason; a rejected registration cannot be approved, and its NIK may register again', async () => {
    const registered = await client.register(adult(90));
    const path = `/v1/membership/registrations/${registered.json.id}`;
    const rejected = await client.staff('POST', `${path}/reject`, {
      reason_code: 'unverifiable',
      reason: 'KTP tidak dibawa.',
    });
    assert.equal(rejected.status, 200);
    assert.deepEqual(rejected.json.rejection, { reason_code: 'unverifiable', reason: 'KTP tidak dibawa.' });
    const approve = await client.staff('POST', `${path}/approve`, {});
    assert.equal(approve.json.code, 'registration_not_pending');
    assert.equal((await client.staff('POST', `${path}/reject`, { reason_code: 'other', reason: 'lagi' })).status, 200);
    assert.equal((await client.register(adult(90))).status, 201);
  });

  it('exports one person’s data and erases it on request; the member number stops working', async () => {
    const registered = await client.register(pupil(91));
    const path = `/v1/membership/registrations/${registered.json.id}`;
    const approved = await client.staff('POST', `${path}/approve`, {});
    const exported = await client.staff('GET', `${path}/export`);
    assert.equal(exported.status, 200);
    assert.match(exported.headers.get('content-disposition') ?? '', /attachment/);
    assert.equal(exported.json.registration.phone, '+6281234560091');
    assert.deepEqual(
      exported.json.history.map((event: { action: string }) => event.action),
      ['registered', 'approved', 'exported'],
    );
    const erased = await client.staff('POST', `${path}/erase`, { reason_code: 'subject_request' });
    assert.equal(erased.status, 200);
    assert.equal(erased.json.member_number_withdrawn, approved.json.member_number);
    assert.equal((await client.staff('GET', path)).status, 404);
    assert.equal((await client.staff('POST', `${path}/erase`, { reason_code: 'subject_request' })).status, 404);
    const member = await server.stores.members.findByNumber(approved.json.member_number);
    assert.equal(member?.status, 'closed');
    assert.ok(!member?.fullName.includes('Rina'));
    const left = server.db
      .prepare('SELECT count(*) FROM membership_consents WHERE registration_id = ?')
      .pluck()
      .get(registered.json.id);
    assert.equal(left, 0);
  });

  it('purges pending and rejected registrations past the retention period, not approved ones', async () => {
    const store = server.stores.membership!;
    const old = new Date(clock + 1).toISOString();
    const pending = (await store.list({ statuses: ['pending', 'rejected'], offset: 0, limit: 1000 })).total;
    const approved = (await store.list({ statuses: ['approved'], offset: 0, limit: 1000 })).total;
    assert.ok(pending > 0 && approved > 0);
    assert.equal(await store.purge(new Date(clock - 24 * 3600_000).toISOString()), 0);
    assert.equal(await store.purge(old), pending);
    assert.equal((await store.list({ offset: 0, limit: 1000 })).total, approved);
  });
});

describe('public figures', () => {
  it('counts members by library, institution and member type, naming network institutions only', async () => {
    await client.register(pupil(95, { institution_id: undefined, institution: 'Sekolah Rahasia' }));
    const registered = (await client.staff('GET', '/v1/membership/registrations?status=pending&per_page=100')).json
      .items;
    for (const item of registered) await client.staff('POST', `/v1/membership/registrations/${item.id}/approve`, {});
    const stats = await client.call('GET', '/v1/membership/stats?from=2026-01-01&to=2026-12-31');
    assert.equal(stats.status, 200);
    assert.ok(stats.json.members >= 51);
    assert.ok(
      stats.json.by_institution.some(
        (row: { institution_id: string; name: string }) => row.name === 'SMP Negeri 2 Bontang',
      ),
    );
    assert.ok(!stats.text.includes('Rahasia'));
    assert.ok(!/Rina|Budi|\+62/.test(stats.text));
    const school = await client.call('GET', '/v1/membership/stats?institution=smpn-2-bontang');
    assert.ok(school.json.members >= 1);
    assert.deepEqual(
      school.json.by_member_type.map((row: { member_type: string }) => row.member_type),
      ['pelajar'],
    );
  });
});
