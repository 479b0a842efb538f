import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PustakaMembershipForm, type PustakaRegisteredDetail } from '../src/index.js';
import { PustakaStaffDesk } from '../src/staff-desk.js';
import { bornYearsAgo, credentials, formShown, nikFor, pendingNamed, setField, text } from './support.js';

const api = location.origin;

/** Registers someone through the form, as a visitor would have, and answers the reference. */
async function registered(fullName: string): Promise<string> {
  const { siteKey } = await credentials();
  const form = await fixture<PustakaMembershipForm>(html`<pustaka-membership-form api=${api} site-key=${siteKey}
    library="dispusip-bontang"></pustaka-membership-form>`);
  await formShown(form);
  const birthDate = bornYearsAgo(25);
  const values: Record<string, string> = {
    member_type: 'umum',
    full_name: fullName,
    nik: nikFor(birthDate, 'female'),
    birth_date: birthDate,
    sex: 'female',
    phone: '081377778888',
    'address.street': 'Jl. Kartini No. 9',
    'address.district': 'Bontang Barat',
    'address.city': 'Bontang',
    'consent.card': 'granted',
  };
  for (const [name, value] of Object.entries(values)) {
    setField(form, name, value);
    await form.updateComplete;
  }
  const done = oneEvent(form, 'pustaka-registered');
  form.shadowRoot!.querySelector('form')!.requestSubmit();
  const { detail } = (await done) as CustomEvent<PustakaRegisteredDetail>;
  form.remove();
  sessionStorage.clear();
  return detail.reference;
}

const inDesk = (desk: Element, selector: string) => desk.shadowRoot!.querySelector<HTMLElement>(selector);
const focusedIn = (desk: Element) => desk.shadowRoot!.activeElement as HTMLElement | null;

/** Presses Tab until `matches` holds for the focused element of the desk. */
async function tabUntil(desk: Element, matches: (element: HTMLElement) => boolean) {
  for (let presses = 0; presses < 80; presses++) {
    const current = focusedIn(desk);
    if (current && matches(current)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error('Tab never reached the element');
}

async function signedIn(token?: string) {
  const desk = await fixture<PustakaStaffDesk>(html`<pustaka-staff-desk api=${api} lang="id"></pustaka-staff-desk>`);
  await expect(desk).to.be.accessible();
  await tabUntil(desk, (element) => element.id === 'token');
  await sendKeys({ type: token ?? (await credentials()).staffToken });
  await sendKeys({ press: 'Enter' });
  return desk;
}

describe('<pustaka-staff-desk>', () => {
  afterEach(() => sessionStorage.clear());

  it('approves a registration by keyboard and prints a card with the new member number', async () => {
    const name = 'Anggota Baru Disetujui';
    const reference = await registered(name);
    const desk = await signedIn();
    await waitUntil(() => inDesk(desk, 'table'), 'the pending list never appeared', { timeout: 8000 });
    expect(sessionStorage.getItem('pustaka-staff-token'), 'the token lives in the session').to.equal(
      (await credentials()).staffToken,
    );
    await expect(desk).to.be.accessible();
    await tabUntil(desk, (element) => text(element) === name);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => inDesk(desk, '[part="detail"] dl'), 'the details never appeared');
    expect(text(inDesk(desk, '[part="detail"]'))).to.contain(reference);
    expect(focusedIn(desk)?.id).to.equal('detail-title');
    await expect(desk).to.be.accessible();
    await tabUntil(desk, (element) => text(element) === 'Setujui dan terbitkan nomor anggota');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => inDesk(desk, '[part="card"] svg path'), 'the card never appeared');
    const number = text(inDesk(desk, '.number'));
    expect(number).to.match(/^[A-Z]+-\d{4}-\d{6}$/);
    expect(text(inDesk(desk, '[part="card"]'))).to.contain(name);
    expect(inDesk(desk, '[part="card"] svg')!.getAttribute('aria-label')).to.contain(number);
    await expect(desk).to.be.accessible();
    expect(await pendingNamed(name), 'no longer pending').to.have.length(0);
  });

  it('rejects a registration only with a reason', async () => {
    const name = 'Pendaftar Ditolak Berkas';
    const reference = await registered(name);
    const desk = await signedIn();
    await waitUntil(() => inDesk(desk, 'table'), 'the pending list never appeared', { timeout: 8000 });
    await tabUntil(desk, (element) => text(element) === name);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => inDesk(desk, '#reason'), 'the details never appeared');
    inDesk(desk, '.reject button')!.click();
    await desk.updateComplete;
    expect(text(inDesk(desk, '[part="notice"]'))).to.equal('Tulis keterangan paling sedikit 3 karakter.');
    expect(focusedIn(desk)?.id).to.equal('reason');
    await sendKeys({ type: 'KK belum dibawa.' });
    await tabUntil(desk, (element) => text(element) === 'Tolak');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(inDesk(desk, '[part="notice"]')).includes('ditolak'), 'no rejection notice');
    expect(text(inDesk(desk, '[part="notice"]'))).to.equal(`Pendaftaran ${reference} ditolak.`);
    expect(await pendingNamed(name)).to.have.length(0);
    await expect(desk).to.be.accessible();
  });

  it('sends a librarian with a refused token back to the token form', async () => {
    const desk = await signedIn('sk_not_a_real_token_000000000000');
    await waitUntil(() => text(inDesk(desk, '[part="notice"]')).includes('ditolak'), 'no refusal shown', {
      timeout: 8000,
    });
    expect(inDesk(desk, '#token')).not.to.equal(null);
    expect(sessionStorage.getItem('pustaka-staff-token')).to.equal(null);
    await expect(desk).to.be.accessible();
  });
});
