import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  banner,
  demoKeys,
  emptyOutbox,
  field,
  focused,
  outbox,
  part,
  TestVisitCounter,
  text,
  todayAtKiosk,
} from './support.js';

const api = location.origin;
const digits = (value: string) => Number(value.replace(/\D/g, ''));

/** A kiosk with the demo kiosk token, once it shows today's count. */
async function kiosk() {
  const { kiosk_token } = await demoKeys();
  const el = await fixture<TestVisitCounter>(
    html`<test-visit-counter api=${api} mode="kiosk" token=${kiosk_token}></test-visit-counter>`,
  );
  await waitUntil(() => /\d/.test(text(part(el, 'count'))), 'the kiosk did not show its count', { timeout: 8000 });
  return el;
}

const count = (el: Element) => digits(text(part(el, 'count')));

/** Types a member number as a scanner does: the characters, then Enter. */
async function scan(el: TestVisitCounter, number: string) {
  field(el, 'member_number')!.focus();
  await sendKeys({ type: number });
  await sendKeys({ press: 'Enter' });
}

/** Moves focus with Tab until the focused element's text is `label`. */
async function tabTo(el: Element, label: string) {
  for (let step = 0; step < 20 && text(focused(el)) !== label; step++) await sendKeys({ press: 'Tab' });
  expect(text(focused(el))).to.equal(label);
}

describe('<pustaka-visit-counter mode="kiosk">', () => {
  beforeEach(emptyOutbox);
  afterEach(() => {
    document.documentElement.lang = 'id';
  });

  it('checks a member in by keyboard alone, greets by first name, counts, and says so on a repeat', async () => {
    const el = await kiosk();
    const before = await todayAtKiosk();
    expect(count(el)).to.equal(before);
    expect(focused(el)?.getAttribute('name'), 'the member field waits for a card').to.equal('member_number');
    await expect(el).to.be.accessible();

    await scan(el, 'BTG-2026-000123');
    expect(await banner(el)).to.equal('Selamat datang, Rina!');
    expect(count(el)).to.equal(before + 1);
    expect(await todayAtKiosk()).to.equal(before + 1);
    expect(field(el, 'member_number')!.value, 'ready for the next visitor').to.equal('');
    expect(focused(el)?.getAttribute('name')).to.equal('member_number');
    await expect(el).to.be.accessible();

    await scan(el, 'btg-2026-000123');
    await waitUntil(() => banner(el).then((said) => said.includes('tidak dihitung dua kali')), 'no repeat notice');
    expect(await todayAtKiosk(), 'a repeat is not counted').to.equal(before + 1);
  });

  it('offers to continue as a guest when a member number is unknown', async () => {
    const el = await kiosk();
    const before = await todayAtKiosk();
    await scan(el, 'BTG-2026-999999');
    expect(await banner(el)).to.contain('Nomor anggota BTG-2026-999999 tidak ditemukan');
    await expect(el).to.be.accessible();
    await tabTo(el, 'Lanjutkan sebagai tamu');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.getAttribute('name') === 'name', 'the guest form did not open');
    expect(await todayAtKiosk(), 'an unknown number counts nothing').to.equal(before);
  });

  it('records a guest by keyboard alone', async () => {
    const el = await kiosk();
    const before = await todayAtKiosk();
    await tabTo(el, 'Saya tamu');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.getAttribute('name') === 'name', 'the guest form did not open');
    await tabTo(el, 'Simpan');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'error-summary'), 'an empty form was not refused');
    expect(focused(el)?.getAttribute('name'), 'focus on the first field to fix').to.equal('name');
    await expect(el).to.be.accessible();

    await sendKeys({ type: 'Rina' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'SMPN 2 Bontang' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' }); // occupation: the first one
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' }); // purpose: reading
    await tabTo(el, 'Simpan');
    await sendKeys({ press: 'Enter' });
    expect(await banner(el)).to.equal('Terima kasih, selamat membaca!');
    expect(await todayAtKiosk()).to.equal(before + 1);
    expect(count(el)).to.equal(before + 1);
  });

  it('records a class visit by keyboard alone, counting its head-count', async () => {
    const el = await kiosk();
    const before = await todayAtKiosk();
    await tabTo(el, 'Rombongan / kunjungan kelas');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.getAttribute('name') === 'leader_name', 'the group form did not open');
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'Bu Sari' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'SDN 005 Bontang Utara' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '14' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '16' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' }); // SD
    await tabTo(el, 'Simpan');
    await sendKeys({ press: 'Enter' });
    expect(await banner(el)).to.equal('Terima kasih! 30 orang tercatat.');
    expect(await todayAtKiosk()).to.equal(before + 30);
  });

  it('keeps check-ins made offline, says how many wait, and sends each once when the network returns', async () => {
    const el = await kiosk();
    const before = await todayAtKiosk();
    el.offline = true;
    await scan(el, 'BTG-2026-000101');
    expect(await banner(el)).to.contain('dikirim saat jaringan kembali');
    await waitUntil(() => text(part(el, 'queue')).startsWith('1 kunjungan menunggu'), 'the waiting count is not shown');
    expect((await outbox()).length).to.equal(1);
    await expect(el).to.be.accessible();

    el.offline = false;
    dispatchEvent(new Event('online'));
    await waitUntil(async () => (await outbox()).length === 0, 'the outbox was not sent');
    await waitUntil(() => text(part(el, 'queue')) === '', 'the waiting count stayed');
    expect(await todayAtKiosk()).to.equal(before + 1);
  });

  it('sends what waited when the page is loaded again, and counts once a check-in whose answer was lost', async () => {
    const first = await kiosk();
    const before = await todayAtKiosk();
    // The server counted this one, but its answer never came back: it waits in the outbox with its key.
    first.dropAnswers = true;
    await scan(first, 'BTG-2026-000102');
    await banner(first);
    first.dropAnswers = false;
    first.offline = true;
    await scan(first, 'BTG-2026-000201');
    await waitUntil(() => text(part(first, 'queue')).startsWith('2 kunjungan'), 'two should wait');
    expect(await todayAtKiosk(), 'the lost answer was counted once').to.equal(before + 1);
    first.remove();

    // The page loads again: the outbox is in IndexedDB, and goes out under the same keys.
    const second = await kiosk();
    await waitUntil(async () => (await outbox()).length === 0, 'the outbox was not sent after the reload');
    expect(await todayAtKiosk(), 'none lost, none doubled').to.equal(before + 2);
    const sent = second.requests.filter((request) => request.method === 'POST');
    expect(sent.length).to.equal(2);
  });

  it('speaks English on an English page', async () => {
    document.documentElement.lang = 'en';
    const el = await kiosk();
    expect(text(part(el, 'count'))).to.match(/^Visitors today: \d/);
    await scan(el, 'BTG-2026-000202');
    expect(await banner(el)).to.match(/^Welcome, \p{L}+!$/u);
    await tabTo(el, 'Group / class visit');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el.shadowRoot!.querySelector('h2')) === 'Group visit', 'no group form');
    await expect(el).to.be.accessible();
  });

  it('says so when its kiosk token is not valid', async () => {
    const el = await fixture<TestVisitCounter>(
      html`<test-visit-counter api=${api} mode="kiosk" token="kt_not_a_real_token"></test-visit-counter>`,
    );
    expect(await banner(el)).to.contain('token kios tidak ada atau tidak berlaku');
    await expect(el).to.be.accessible();
  });
});
