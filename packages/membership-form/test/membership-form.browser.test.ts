import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { PustakaMembershipForm, type PustakaRegisteredDetail } from '../src/index.js';
import {
  bornYearsAgo,
  choose,
  control,
  credentials,
  focused,
  formShown,
  nikFor,
  pendingNamed,
  submitByKeyboard,
  text,
  tick,
  typeDate,
  typeInto,
} from './support.js';

const api = location.origin;

interface Person {
  memberType?: string;
  fullName: string;
  birthDate: string;
  sex: 'female' | 'male';
  phone: string;
  education?: string;
  institution?: string;
  classOrFaculty?: string;
  guardian?: { name: string; relation: 'parent' | 'guardian'; phone: string };
}

async function widget(attributes: { memberType?: string; institution?: string; lang?: string } = {}) {
  const { siteKey } = await credentials();
  const el = await fixture<PustakaMembershipForm>(html`<pustaka-membership-form api=${api} site-key=${siteKey}
    library="dispusip-bontang" member-type=${attributes.memberType ?? ''} institution=${attributes.institution ?? ''}
    lang=${attributes.lang ?? 'id'}></pustaka-membership-form>`);
  await formShown(el);
  return el;
}

/** Fills the form as a person would, by keyboard alone, in the order the fields come. */
async function fill(el: PustakaMembershipForm, person: Person) {
  if (person.memberType) await choose(el, 'member_type', person.memberType);
  await typeInto(el, 'full_name', person.fullName);
  await typeInto(el, 'nik', nikFor(person.birthDate, person.sex));
  await typeInto(el, 'birth_place', 'Bontang');
  await typeDate(el, 'birth_date', person.birthDate);
  await choose(el, 'sex', person.sex);
  await typeInto(el, 'phone', person.phone);
  await typeInto(el, 'address.street', 'Jl. Cendana No. 5 RT 12');
  await typeInto(el, 'address.district', 'Bontang Utara');
  await typeInto(el, 'address.city', 'Bontang');
  if (person.education) await choose(el, 'education_level', person.education);
  if (person.institution) await typeInto(el, 'institution', person.institution);
  if (person.classOrFaculty) await typeInto(el, 'class_or_faculty', person.classOrFaculty);
  if (person.guardian) {
    await typeInto(el, 'guardian.name', person.guardian.name);
    await choose(el, 'guardian.relation', person.guardian.relation);
    await typeInto(el, 'guardian.phone', person.guardian.phone);
    await tick(el, 'guardian.consent');
  }
  await tick(el, 'consent.card');
}

async function registers(el: PustakaMembershipForm): Promise<PustakaRegisteredDetail> {
  const registered = oneEvent(el, 'pustaka-registered');
  await submitByKeyboard(el);
  const { detail } = (await registered) as CustomEvent<PustakaRegisteredDetail>;
  await el.updateComplete;
  return detail;
}

describe('<pustaka-membership-form>', () => {
  afterEach(async () => {
    sessionStorage.clear();
    await setViewport({ width: 800, height: 600 });
  });

  it('registers its tag and carries the version of its package.json', async () => {
    expect(customElements.get('pustaka-membership-form') === PustakaMembershipForm).to.equal(true);
    const manifest = (await (await fetch('/packages/membership-form/package.json')).json()) as { version: string };
    expect(PustakaMembershipForm.version).to.equal(manifest.version);
  });

  it('registers a pupil with a guardian, preselected by a school site, by keyboard alone (Indonesian)', async () => {
    const el = await widget({ memberType: 'pelajar', institution: 'sman-1-bontang' });
    await expect(el).to.be.accessible();
    expect(control<HTMLSelectElement>(el, 'member_type')!.value).to.equal('pelajar');
    expect(control(el, 'institution')!.value).to.equal('SMA Negeri 1 Bontang');
    expect(control(el, 'guardian.name'), 'no guardian section before the age is known').to.equal(null);
    const person: Person = {
      fullName: 'Rina Lestari Pelajar',
      birthDate: bornYearsAgo(16),
      sex: 'female',
      phone: '0812-3456-7001',
      education: 'SMA/SMK',
      classOrFaculty: 'XI IPA 2',
      guardian: { name: 'Siti Aminah', relation: 'parent', phone: '0812 9876 5432' },
    };
    await fill(el, person);
    expect(text(el.shadowRoot!.querySelector('fieldset:has([name="guardian.name"]) legend'))).to.equal(
      'Orang tua atau wali',
    );
    await expect(el).to.be.accessible();
    const detail = await registers(el);
    expect(Object.keys(detail)).to.deep.equal(['reference']);
    const slip = el.shadowRoot!.querySelector('[part="slip"]')!;
    expect(text(slip.querySelector('[part="reference"]'))).to.equal(detail.reference);
    expect(focused(el)?.id, 'focus moves to the slip heading').to.equal('slip-title');
    await waitUntil(() => slip.querySelector('[part="barcode"] path'), 'the barcode never loaded');
    expect(slip.querySelector('[part="barcode"]')!.getAttribute('aria-label')).to.contain(detail.reference);
    await expect(el).to.be.accessible();
    const stored = await pendingNamed(person.fullName);
    expect(stored.map((item) => item.reference)).to.deep.equal([detail.reference]);
    expect(JSON.stringify(sessionStorage), 'nothing typed stays in the session once received').not.to.contain(
      'Cendana',
    );
    expect(localStorage.length, 'never localStorage').to.equal(0);
  });

  it('registers a minor of the general public with a guardian, in English', async () => {
    const el = await widget({ lang: 'en' });
    expect(text(el.shadowRoot!.querySelector('h2'))).to.equal('Library card registration');
    const person: Person = {
      memberType: 'umum',
      fullName: 'Budi Minor Umum',
      birthDate: bornYearsAgo(12),
      sex: 'male',
      phone: '+62 813-1111-2222',
      guardian: { name: 'Ahmad Wali', relation: 'guardian', phone: '081322223333' },
    };
    await fill(el, person);
    expect(text(el.shadowRoot!.querySelector('fieldset:has([name="guardian.name"]) legend'))).to.equal(
      'Parent or guardian',
    );
    await expect(el).to.be.accessible();
    const detail = await registers(el);
    expect(text(el.shadowRoot!.querySelector('#slip-title'))).to.equal('Registration received');
    await expect(el).to.be.accessible();
    expect((await pendingNamed(person.fullName)).map((item) => item.reference)).to.deep.equal([detail.reference]);
  });

  it('registers an adult student without a guardian section, the phone shown as +62', async () => {
    const el = await widget();
    const person: Person = {
      memberType: 'mahasiswa',
      fullName: 'Dewi Mahasiswa Dewasa',
      birthDate: bornYearsAgo(20),
      sex: 'female',
      phone: '0857 1234 5678',
      education: 'S1',
      institution: 'Politeknik Contoh Bontang',
      classOrFaculty: 'Teknik Kimia',
    };
    await fill(el, person);
    expect(control(el, 'guardian.name')).to.equal(null);
    expect(control(el, 'phone')!.value, 'normalised once the field is left').to.equal('+6285712345678');
    await expect(el).to.be.accessible();
    const detail = await registers(el);
    expect((await pendingNamed(person.fullName)).map((item) => item.reference)).to.deep.equal([detail.reference]);
  });
});
