import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { PustakaClientOptions } from '@pustaka/client';
import { defineElement } from '@pustaka/core';
import { setViewport } from '@web/test-runner-commands';
import { PustakaMembershipForm, type PustakaRegisteredDetail } from '../src/index.js';
import {
  bornYearsAgo,
  control,
  credentials,
  feedback,
  focused,
  formShown,
  nikFor,
  pendingNamed,
  setField,
  text,
} from './support.js';

/** The form whose first registration answer is lost on the way back, as on a dropped mobile connection. */
class LossyMembershipForm extends PustakaMembershipForm {
  lose = 0;
  sent = 0;
  protected override clientOptions(): PustakaClientOptions {
    return {
      ...super.clientOptions(),
      // No automatic retry: the visitor's own second press is what is tested.
      retry: 0,
      fetch: async (request: Request) => {
        const response = await fetch(request);
        if (request.method === 'POST') this.sent++;
        if (request.method === 'POST' && this.lose > 0) {
          this.lose--;
          throw new TypeError('Failed to fetch');
        }
        return response;
      },
    };
  }
}
defineElement('lossy-membership-form', LossyMembershipForm, '0.0.0-test');

const api = location.origin;

async function widget(lang = 'id', tag: 'pustaka' | 'lossy' = 'pustaka') {
  const { siteKey } = await credentials();
  const el =
    tag === 'lossy'
      ? await fixture<LossyMembershipForm>(html`<lossy-membership-form api=${api} site-key=${siteKey}
          library="dispusip-bontang" lang=${lang}></lossy-membership-form>`)
      : await fixture<PustakaMembershipForm>(html`<pustaka-membership-form api=${api} site-key=${siteKey}
          library="dispusip-bontang" lang=${lang}></pustaka-membership-form>`);
  await formShown(el);
  return el;
}

async function set(el: PustakaMembershipForm, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    setField(el, name, value);
    await el.updateComplete;
  }
}

/** A valid adult of the general public. */
function adult(fullName: string, birthDate = bornYearsAgo(30)): Record<string, string> {
  return {
    member_type: 'umum',
    full_name: fullName,
    nik: nikFor(birthDate, 'male'),
    birth_date: birthDate,
    sex: 'male',
    phone: '081255556666',
    'address.street': 'Jl. Merdeka No. 1',
    'address.district': 'Bontang Selatan',
    'address.city': 'Bontang',
    'consent.card': 'granted',
  };
}

async function submit(el: PustakaMembershipForm) {
  el.shadowRoot!.querySelector('form')!.requestSubmit();
  await el.updateComplete;
}

describe('<pustaka-membership-form> rules', () => {
  afterEach(async () => {
    sessionStorage.clear();
    await setViewport({ width: 800, height: 600 });
  });

  it('lists what is missing for screen readers, links each message to its field, and focuses the first', async () => {
    const el = await widget();
    await set(el, { member_type: 'pelajar' });
    await submit(el);
    const summary = el.shadowRoot!.querySelector('[part="error-summary"]')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(focused(el)?.name).to.equal('full_name');
    expect(control(el, 'full_name')!.getAttribute('aria-describedby')).to.contain('full_name-feedback');
    expect(control(el, 'full_name')!.getAttribute('aria-invalid')).to.equal('true');
    const expected: Record<string, string> = {
      full_name: 'Nama lengkap wajib diisi.',
      nik: 'NIK wajib diisi.',
      birth_date: 'Tanggal lahir wajib diisi.',
      sex: 'Jenis kelamin wajib diisi.',
      phone: 'Nomor ponsel wajib diisi.',
      'address.street': 'Alamat wajib diisi.',
      'address.district': 'Kecamatan wajib diisi.',
      'address.city': 'Kota/kabupaten wajib diisi.',
      education_level: 'Jenjang pendidikan wajib diisi.',
      institution: 'Nama sekolah, kampus atau instansi wajib diisi.',
      class_or_faculty: 'Kelas atau fakultas wajib diisi.',
    };
    for (const [name, message] of Object.entries(expected)) expect(feedback(el, name), name).to.equal(message);
    expect(feedback(el, 'consent.card')).to.match(/^Persetujuan ini wajib untuk mendaftar: “Saya setuju/);
    expect(text(summary)).to.contain('Ada 12 isian yang perlu diperbaiki');
    await expect(el).to.be.accessible();
    // A summary entry moves focus to its field.
    summary.querySelectorAll('a')[2]!.click();
    expect(focused(el)?.name).to.equal('birth_date');
  });

  it('has a failing case with its message for every rule', async () => {
    const el = await widget();
    await set(el, {
      ...adult('Uji Semua Aturan'),
      email: 'uji@contoh.id',
      'address.postal_code': '75311',
      birth_place: 'Bontang',
    });
    await submit(el);
    const cases: [string, string, string][] = [
      ['full_name', 'A', 'Nama lengkap paling sedikit 2 karakter.'],
      ['full_name', 'A'.repeat(121), 'Nama lengkap paling banyak 120 karakter.'],
      ['nik', '12345', 'NIK harus 16 angka.'],
      ['nik', '9974015203120004', 'Kode wilayah NIK (6 angka pertama) tidak dikenal.'],
      ['nik', '6474013203120004', 'Tanggal lahir dalam NIK (angka ke-7 sampai 12) tidak valid.'],
      ['nik', '6474015203120000', 'Nomor urut NIK (4 angka terakhir) tidak boleh 0000.'],
      ['birth_date', '2999-01-01', 'Tanggal lahir tidak boleh di masa depan.'],
      ['phone', '021-7654321', 'Nomor ponsel harus nomor ponsel Indonesia, mis. 0812-3456-7890.'],
      ['email', 'rina@', 'E-mail harus alamat e-mail, mis. nama@contoh.id.'],
      ['address.street', 'Jl', 'Alamat paling sedikit 3 karakter.'],
      ['address.postal_code', '751', 'Kode pos harus 5 angka.'],
      ['birth_place', 'B'.repeat(81), 'Tempat lahir paling banyak 80 karakter.'],
    ];
    for (const [name, value, message] of cases) {
      const before = control(el, name)!.value;
      await set(el, { [name]: value });
      expect(feedback(el, name), `${name} = ${value.slice(0, 20)}`).to.equal(message);
      await set(el, { [name]: before });
      expect(feedback(el, name), `${name} valid again`).to.equal('');
    }
    await set(el, { 'consent.card': '' });
    expect(feedback(el, 'consent.card')).to.match(/^Persetujuan ini wajib/);
    await expect(el).to.be.accessible();
  });

  it('asks a minor for a guardian, the guardian’s phone and consent, in English', async () => {
    const el = await widget('en');
    await set(el, adult('Young Reader', bornYearsAgo(10)));
    expect(text(el.shadowRoot!.querySelector('fieldset:has([name="guardian.name"]) p'))).to.contain('under 18');
    await set(el, { 'guardian.phone': '12345' });
    await submit(el);
    expect(feedback(el, 'guardian.name')).to.equal("Parent's or guardian's name is required.");
    expect(feedback(el, 'guardian.relation')).to.equal('Relationship is required.');
    expect(feedback(el, 'guardian.phone')).to.equal(
      "Parent's or guardian's mobile number must be an Indonesian mobile number, e.g. 0812-3456-7890.",
    );
    expect(feedback(el, 'guardian.consent')).to.match(/^This consent is needed to register/);
    expect(focused(el)?.name).to.equal('guardian.name');
    await expect(el).to.be.accessible();
  });

  it('warns when the NIK contradicts the birth date or sex, and lets the visitor confirm', async () => {
    const el = await widget();
    const values = adult('Salah Tanggal Tetap Benar');
    values.nik = nikFor(bornYearsAgo(31), 'female');
    await set(el, values);
    const warning = el.shadowRoot!.querySelector('[part="warning"]')!;
    expect(text(warning)).to.contain('NIK menunjukkan tanggal lahir dan jenis kelamin yang berbeda');
    await submit(el);
    expect(focused(el)?.name).to.equal('nik_confirm');
    expect(feedback(el, 'nik_confirm')).to.contain('NIK tidak cocok dengan tanggal lahir atau jenis kelamin');
    await expect(el).to.be.accessible();
    await set(el, { nik_confirm: 'granted' });
    const registered = oneEvent(el, 'pustaka-registered');
    await submit(el);
    const { detail } = (await registered) as CustomEvent<PustakaRegisteredDetail>;
    expect((await pendingNamed(values.full_name!)).map((item) => item.reference)).to.deep.equal([detail.reference]);
  });

  it('sends one registration for a double click', async () => {
    const el = (await widget('id', 'lossy')) as LossyMembershipForm;
    const values = adult('Klik Dua Kali');
    await set(el, values);
    const registered = oneEvent(el, 'pustaka-registered');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[type="submit"]')!;
    button.click();
    button.click();
    await registered;
    expect(el.sent, 'one request').to.equal(1);
    expect(await pendingNamed(values.full_name!)).to.have.length(1);
  });

  it('keeps what was typed when the answer is lost, and a retry registers once', async () => {
    const el = await widget('id', 'lossy');
    (el as LossyMembershipForm).lose = 1;
    const values = adult('Sinyal Putus Sekali');
    await set(el, values);
    await submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="message"]'), 'no failure was shown');
    expect(text(el.shadowRoot!.querySelector('[part="message"]'))).to.contain('Isian Anda tetap tersimpan');
    expect(control(el, 'full_name')!.value).to.equal(values.full_name);
    await expect(el).to.be.accessible();
    const registered = oneEvent(el, 'pustaka-registered');
    await submit(el);
    const { detail } = (await registered) as CustomEvent<PustakaRegisteredDetail>;
    expect((el as LossyMembershipForm).sent, 'the server was asked twice').to.equal(2);
    expect((await pendingNamed(values.full_name!)).map((item) => item.reference)).to.deep.equal([detail.reference]);
  });

  it('keeps what was typed across a reload, in the session only', async () => {
    const first = await widget();
    await set(first, { member_type: 'umum', full_name: 'Muat Ulang', 'address.street': 'Jl. Ingat No. 3' });
    first.remove();
    const again = await widget();
    expect(control(again, 'full_name')!.value).to.equal('Muat Ulang');
    expect(control(again, 'address.street')!.value).to.equal('Jl. Ingat No. 3');
    expect(control<HTMLSelectElement>(again, 'member_type')!.value).to.equal('umum');
    expect(localStorage.length).to.equal(0);
  });

  it('says a NIK is already registered without losing the form', async () => {
    const el = await widget();
    const values = adult('Pemilik Asli NIK');
    await set(el, values);
    const registered = oneEvent(el, 'pustaka-registered');
    await submit(el);
    await registered;
    sessionStorage.clear();
    const second = await widget();
    await set(second, { ...values, full_name: 'Orang Lain Pakai NIK' });
    await submit(second);
    await waitUntil(() => second.shadowRoot!.querySelector('[part="message"]'), 'no refusal was shown');
    expect(text(second.shadowRoot!.querySelector('[part="message"]'))).to.contain('NIK ini sudah terdaftar');
    expect(control(second, 'full_name')!.value).to.equal('Orang Lain Pakai NIK');
    await expect(second).to.be.accessible();
  });

  it('fits a 320 px phone without sideways scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await widget();
    await set(el, { member_type: 'pelajar' });
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });
});
