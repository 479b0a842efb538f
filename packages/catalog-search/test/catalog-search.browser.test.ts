import { expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { PustakaCatalogSearch, type PustakaSelectRecordDetail } from '../src/index.js';
import {
  firstRecord,
  focused,
  input,
  liveRegion,
  message,
  part,
  parts,
  searched,
  serverSearch,
  text,
  TrackedCatalogSearch,
  typeAndWait,
} from './support.js';

const api = location.origin;

async function widget(markup = html`<pustaka-catalog-search api=${api}></pustaka-catalog-search>`) {
  return fixture<PustakaCatalogSearch>(markup);
}

/** Opens the filters as a click on their summary would; they are drawn once open. */
async function openFilters(el: PustakaCatalogSearch) {
  const details = part<HTMLDetailsElement>(el, 'filters')!;
  expect(details.querySelector('fieldset') === null, 'closed filters are not drawn').to.equal(true);
  const toggled = oneEvent(details, 'toggle');
  details.querySelector('summary')!.click();
  await toggled;
  await el.updateComplete;
  return details;
}

/** The checkbox of a facet value, found by the start of its label. */
function facetBox(el: Element, legend: string, label: string) {
  const fieldset = parts(el, 'facet').find((set) => text(set.querySelector('legend')) === legend)!;
  const row = [...fieldset.querySelectorAll('label')].find((candidate) => text(candidate).startsWith(label))!;
  return { box: row.querySelector('input')!, count: Number(/\((\d+)\)$/.exec(text(row))![1]) };
}

describe('<pustaka-catalog-search>', () => {
  afterEach(async () => {
    document.documentElement.lang = 'id';
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ colorScheme: 'light' });
    await resetMouse();
  });

  it('registers its tag and carries the version of its package.json', async () => {
    expect(customElements.get('pustaka-catalog-search') === PustakaCatalogSearch, 'the tag is ours').to.equal(true);
    const manifest = (await (await fetch('/packages/catalog-search/package.json')).json()) as { version: string };
    expect(PustakaCatalogSearch.version).to.equal(manifest.version);
  });

  it('offers the ten DDC themes before anything is typed, and is accessible', async () => {
    const el = await widget();
    const chips = parts(el, 'theme');
    expect(chips.map((chip) => text(chip))).to.deep.equal([
      '000 Karya Umum',
      '100 Filsafat & Psikologi',
      '200 Agama',
      '300 Ilmu Sosial',
      '400 Bahasa',
      '500 Sains & Matematika',
      '600 Teknologi',
      '700 Kesenian & Olahraga',
      '800 Kesusastraan',
      '900 Sejarah & Geografi',
    ]);
    expect(input(el).getAttribute('role')).to.equal('combobox');
    await expect(el).to.be.accessible();
  });

  it('searches as you type and shows title, authors, year, format and availability', async () => {
    const el = await widget();
    const expected = await serverSearch('q=laskar+pelangi&per_page=10');
    const detail = await typeAndWait(el, 'laskar pelangi');
    expect(detail.total).to.equal(expected.total);
    const first = part(el, 'result')!;
    const record = expected.items[0]!;
    expect(text(first.querySelector('[part="result-title"]'))).to.equal(record.title);
    expect(text(first)).to.contain(`${record.authors.join(', ')} · Buku · ${record.year}`);
    expect(text(first.querySelector('[part="availability"]'))).to.contain(
      `Tersedia di ${record.availability.libraries_available} perpustakaan`,
    );
    const cover = first.querySelector('[part="cover"]')!;
    expect(cover.querySelector('img') === null, 'no cover in the demo data: the placeholder shows').to.equal(
      !record.cover_url,
    );
    expect(cover.getBoundingClientRect().height).to.be.greaterThan(40);
    expect(liveRegion(el)).to.equal(`${expected.total} judul ditemukan`);
    expect(text(part(el, 'summary'))).to.match(new RegExp(`^${expected.total} judul ditemukan · [\\d,]+ detik$`));
    await expect(el).to.be.accessible();
  });

  it('names the site library first in the availability line', async () => {
    const record = await firstRecord('q=laskar+pelangi');
    const held = record.availability.by_library.at(-1)!;
    const { items } = (await (await fetch('/v1/libraries?per_page=100')).json()) as {
      items: { id: string; name: string }[];
    };
    const name = items.find((library) => library.id === held.library_id)!.name;
    const el = await widget(
      html`<pustaka-catalog-search api=${api} library=${held.library_id}></pustaka-catalog-search>`,
    );
    await typeAndWait(el, 'laskar pelangi');
    await waitUntil(() => text(part(el, 'availability')).startsWith(name), 'library names did not arrive');
    const line = text(part(el, 'availability'));
    expect(line).to.match(new RegExp(`^${name}: (Tersedia|Dipinjam) `));
  });

  it('cancels the request of every earlier keystroke, so a late answer never replaces a newer one', async () => {
    const el = await fixture<TrackedCatalogSearch>(html`<tracked-catalog-search api=${api}></tracked-catalog-search>`);
    // The first search's answer is held; the second's is not.
    el.hold = /search\?q=hamka&/;
    input(el).focus();
    await sendKeys({ type: 'hamka' });
    await waitUntil(() => el.requests.some((request) => /search\?q=hamka/.test(request.url)));
    el.hold = undefined;
    const done = searched(el);
    await sendKeys({ type: ' tafsir' });
    expect((await done).query).to.equal('hamka tafsir');
    const stale = el.requests.find((request) => /search\?q=hamka&/.test(request.url))!;
    expect(stale.signal.aborted).to.equal(true);
    // Were the stale request still alive, this would let its answer land.
    el.release();
    await nextFrame();
    await el.updateComplete;
    expect(text(part(el, 'result-title'))).to.equal('Tafsir Al-Azhar');
    expect(parts(el, 'result')).to.have.length((await serverSearch('q=hamka+tafsir')).total);
  });

  it('suggests titles and authors as a WAI-ARIA combobox: arrows, Enter, Escape', async () => {
    const el = await widget();
    const box = input(el);
    box.focus();
    await sendKeys({ type: 'lask' });
    await waitUntil(() => box.getAttribute('aria-expanded') === 'true', 'no suggestions opened');
    const listbox = el.shadowRoot!.getElementById(box.getAttribute('aria-controls')!)!;
    expect(listbox.getAttribute('role')).to.equal('listbox');
    const options = [...listbox.querySelectorAll('[role="option"]')];
    expect(text(options[0])).to.equal('Laskar Pelangi Judul');
    expect(box.hasAttribute('aria-activedescendant')).to.equal(false);

    await sendKeys({ press: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).to.equal(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowUp' });
    expect(box.getAttribute('aria-activedescendant')).to.equal(
      listbox.querySelectorAll('[role="option"]')[options.length - 1]!.id,
    );
    await sendKeys({ press: 'Escape' });
    expect(box.getAttribute('aria-expanded')).to.equal('false');

    await sendKeys({ press: 'ArrowDown' });
    const picked = searched(el, 'Laskar Pelangi');
    await sendKeys({ press: 'Enter' });
    await picked;
    expect(box.value).to.equal('Laskar Pelangi');
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(text(part(el, 'result-title'))).to.equal('Laskar Pelangi');
    await expect(el).to.be.accessible();
  });

  it('searches at once on Enter, even a single letter', async () => {
    const el = await widget();
    input(el).focus();
    await sendKeys({ type: 'b' });
    const done = searched(el, 'b');
    await sendKeys({ press: 'Enter' });
    expect((await done).total).to.equal((await serverSearch('q=b')).total);
  });

  it('filters by format, library, kind, theme and language with the counts of the whole match', async () => {
    const el = await widget();
    await typeAndWait(el, 'andrea');
    await openFilters(el);
    const legends = parts(el, 'facet').map((set) => text(set.querySelector('legend')));
    expect(legends).to.include.members([
      'Format',
      'Perpustakaan',
      'Jenis perpustakaan',
      'Tema',
      'Bahasa',
      'Tahun terbit',
    ]);

    const theme = facetBox(el, 'Tema', '800 Kesusastraan');
    let done = searched(el);
    theme.box.click();
    let detail = await done;
    expect(detail.params.theme).to.deep.equal(['800']);
    expect(detail.total).to.equal(theme.count);

    const library = facetBox(el, 'Perpustakaan', 'Perpustakaan Umum Kota Bontang');
    done = searched(el);
    library.box.click();
    detail = await done;
    expect(detail.params.library).to.deep.equal(['dispusip-bontang']);
    expect(detail.total).to.equal(library.count);
    expect(text(part(el, 'filters')!.querySelector('summary'))).to.equal('Saring hasil (2 aktif)');

    const kind = facetBox(el, 'Jenis perpustakaan', 'Umum');
    done = searched(el);
    kind.box.click();
    expect((await done).params.library_kind).to.deep.equal(['public']);

    const language = facetBox(el, 'Bahasa', 'Indonesia');
    done = searched(el);
    language.box.click();
    expect((await done).params.language).to.deep.equal(['ind']);
    await expect(el).to.be.accessible();
  });

  it('filters by year range and by "available now"', async () => {
    const el = await widget();
    await typeAndWait(el, 'andrea');
    await openFilters(el);
    const [from, to] = [...part(el, 'filters')!.querySelectorAll<HTMLInputElement>('input[type="number"]')];
    let done = searched(el);
    from!.value = '2006';
    from!.dispatchEvent(new Event('change'));
    let detail = await done;
    expect(detail.params.year_from).to.equal(2006);
    done = searched(el);
    to!.value = '2007';
    to!.dispatchEvent(new Event('change'));
    detail = await done;
    expect(detail.total).to.equal((await serverSearch('q=andrea&year_from=2006&year_to=2007')).total);
    expect(text(part(el, 'results'))).to.contain('Edensor');

    const available = [...part(el, 'filters')!.querySelectorAll('label')].find(
      (label) => text(label) === 'Tersedia sekarang',
    )!;
    done = searched(el);
    available.querySelector('input')!.click();
    detail = await done;
    expect(detail.params.available).to.equal(true);
    expect(detail.total).to.equal((await serverSearch('q=andrea&year_from=2006&year_to=2007&available=true')).total);
  });

  it('lets children browse a theme without typing', async () => {
    const el = await widget();
    const chip = parts(el, 'theme').find((candidate) => text(candidate) === '800 Kesusastraan')!;
    const done = searched(el);
    chip.click();
    const detail = await done;
    expect(detail.query).to.equal('');
    expect(detail.params.theme).to.deep.equal(['800']);
    expect(detail.total).to.equal((await serverSearch('theme=800')).total);
    expect(
      parts(el, 'theme')
        .find((candidate) => text(candidate) === '800 Kesusastraan')!
        .getAttribute('aria-pressed'),
    ).to.equal('true');
    expect(parts(el, 'result').length).to.be.greaterThan(0);
  });

  it('pages with a keyboard-reachable "load more", moving focus to the first new result', async () => {
    const el = await widget(html`<pustaka-catalog-search api=${api} per-page="2"></pustaka-catalog-search>`);
    const { total } = await typeAndWait(el, 'andrea');
    expect(total).to.be.greaterThan(2);
    const more = part<HTMLButtonElement>(el, 'more')!;
    expect(text(more)).to.equal(`Muat lebih banyak · Menampilkan 2 dari ${total}`);
    more.focus();
    const done = searched(el);
    await sendKeys({ press: 'Enter' });
    expect((await done).params.page).to.equal(2);
    expect(parts(el, 'result')).to.have.length(Math.min(4, total));
    expect(focused(el)?.id).to.equal(parts(el, 'result-title')[2]!.id);
  });

  it('opens a record with its copies per library: location, call number, status, address and hours', async () => {
    const record = await firstRecord('q=laskar+pelangi');
    const site = record.availability.by_library.at(-1)!.library_id;
    const el = await widget(html`<pustaka-catalog-search api=${api} library=${site}></pustaka-catalog-search>`);
    await typeAndWait(el, 'laskar pelangi');
    const opened = oneEvent(el, 'pustaka-select-record') as Promise<CustomEvent<PustakaSelectRecordDetail>>;
    const title = part(el, 'result-title')!;
    title.focus();
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.id).to.equal(record.id);
    const dialog = part<HTMLDialogElement>(el, 'detail')!;
    await waitUntil(() => dialog.querySelector('[part="holding"]'), 'no holdings shown');
    expect(dialog.open).to.equal(true);
    const holdings = [...dialog.querySelectorAll('[part="holding"]')];
    const full = (await (await fetch(`/v1/catalog/records/${record.id}`)).json()) as {
      holdings: { library: { id: string; name: string }; copies: { call_number?: string }[] }[];
    };
    expect(holdings).to.have.length(full.holdings.length);
    const siteName = full.holdings.find((holding) => holding.library.id === site)!.library.name;
    expect(text(holdings[0]!.querySelector('h3'))).to.equal(`${siteName} (Perpustakaan ini)`);
    const city = holdings.find((holding) =>
      text(holding.querySelector('h3')).startsWith('Perpustakaan Umum Kota Bontang'),
    )!;
    expect(text(city)).to.contain('Jl. Awang Long No. 12');
    expect(text(city)).to.contain('Jam buka: Sen–Kam 08.00–20.00');
    const headers = [...city.querySelectorAll('th')].map((cell) => text(cell));
    expect(headers).to.deep.equal(['Lokasi', 'Nomor panggil', 'Status']);
    const statuses = [...city.querySelectorAll('tbody tr')].map((row) => text(row.lastElementChild));
    for (const status of statuses)
      expect(status).to.match(/^(Tersedia|Dipinjam sampai \d{1,2} \w+ \d{4}|Hanya dibaca di tempat|Tidak tersedia)$/);
    expect(text(city.querySelector('tbody td:nth-child(2)'))).to.equal(
      full.holdings.find((h) => h.library.id === 'dispusip-bontang')!.copies[0]!.call_number,
    );
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    expect(focused(el)?.id).to.equal(title.id);
  });

  it('understands the 2X Islamic notation in call numbers', async () => {
    const el = await widget();
    await typeAndWait(el, 'fiqih sunnah');
    part(el, 'result-title')!.click();
    const dialog = part<HTMLDialogElement>(el, 'detail')!;
    await waitUntil(() => dialog.querySelector('dl'), 'no record shown');
    const fields = [...dialog.querySelectorAll('dt')].map((term) => `${text(term)}: ${text(term.nextElementSibling)}`);
    expect(fields).to.include('Klasifikasi: 2X4.1 (Agama) 2X4 Fiqh');
    dialog.close();
  });

  it('lets the page show a record its own way by cancelling pustaka-select-record', async () => {
    const el = await widget();
    await typeAndWait(el, 'laskar pelangi');
    el.addEventListener('pustaka-select-record', (event) => event.preventDefault(), { once: true });
    part(el, 'result-title')!.click();
    await el.updateComplete;
    await nextFrame();
    expect(part<HTMLDialogElement>(el, 'detail')!.open).to.equal(false);
  });

  it('renders catalogue text as text, never as HTML', async () => {
    const el = await widget();
    await typeAndWait(el, 'belajar html');
    const title = part(el, 'result-title')!;
    expect(text(title)).to.equal('Belajar HTML dan CSS: dari <p> sampai <div>');
    expect(title.querySelector('p, div') === null).to.equal(true);
    title.click();
    const dialog = part<HTMLDialogElement>(el, 'detail')!;
    await waitUntil(() => dialog.querySelector('[part="holding"]'));
    expect(text(dialog.querySelector('h2'))).to.equal('Belajar HTML dan CSS: dari <p> sampai <div>');
    expect(dialog.querySelector('h2 p, h2 div') === null).to.equal(true);
    dialog.close();
  });

  it('says plainly when nothing matches, and keeps what was typed', async () => {
    const el = await widget();
    await typeAndWait(el, 'zzqxv');
    expect(text(await message(el))).to.equal('Tidak ada judul yang cocok dengan “zzqxv”.');
    expect(liveRegion(el)).to.equal('Tidak ada judul yang cocok dengan “zzqxv”.');
    expect(input(el).value).to.equal('zzqxv');
    await expect(el).to.be.accessible();
  });

  it('offers to clear the filters when they leave nothing', async () => {
    const el = await widget();
    await typeAndWait(el, 'laskar pelangi');
    await openFilters(el);
    const [from] = [...part(el, 'filters')!.querySelectorAll<HTMLInputElement>('input[type="number"]')];
    let done = searched(el);
    from!.value = '2099';
    from!.dispatchEvent(new Event('change'));
    await done;
    expect(text(await message(el))).to.contain('Coba kata lain, atau hapus saringan.');
    done = searched(el);
    part(el, 'retry')!.click();
    expect((await done).total).to.be.greaterThan(0);
  });

  it('shows a server failure in plain words with a retry, keeping the words typed', async () => {
    const el = await widget(html`<pustaka-catalog-search api=${`${api}/tidak-ada`}></pustaka-catalog-search>`);
    input(el).focus();
    await sendKeys({ type: 'laskar' });
    const failure = await message(el);
    expect(failure.getAttribute('role')).to.equal('alert');
    expect(text(failure)).to.equal('Maaf, terjadi gangguan. Silakan coba lagi. Coba lagi');
    expect(input(el).value).to.equal('laskar');
    await expect(el).to.be.accessible();
    el.api = api;
    const done = searched(el, 'laskar');
    part(el, 'retry')!.click();
    expect((await done).total).to.be.greaterThan(0);
    expect(part(el, 'message') === null).to.equal(true);
  });

  it('says the server cannot be reached, not that the visitor is offline, when the browser is online', async () => {
    // Port 9 (discard) refuses connections: a real network failure, retried by the client before giving up.
    const el = await widget(html`<pustaka-catalog-search api="http://127.0.0.1:9"></pustaka-catalog-search>`);
    input(el).focus();
    await sendKeys({ type: 'laskar' });
    expect(text(await message(el))).to.equal(
      'Server perpustakaan tidak dapat dihubungi. Silakan coba lagi nanti. Coba lagi',
    );
    expect(input(el).value).to.equal('laskar');
  });

  it('shows the offline sentence when the browser is offline, and searches again when the connection returns', async () => {
    const setOnline = (online: boolean) => {
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
      dispatchEvent(new Event(online ? 'online' : 'offline'));
    };
    // The refused port stands for the lost network; the real server stands for the network that came back.
    const el = await widget(html`<pustaka-catalog-search api="http://127.0.0.1:9"></pustaka-catalog-search>`);
    try {
      setOnline(false);
      input(el).focus();
      await sendKeys({ type: 'laskar' });
      expect(text(await message(el))).to.equal(
        'Tidak ada sambungan internet. Periksa sambungan, lalu coba lagi. Coba lagi',
      );
      el.api = api;
      const done = searched(el, 'laskar');
      setOnline(true);
      expect((await done).total).to.be.greaterThan(0);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  it('turns a bad api attribute into a visible setup error, not an exception', async () => {
    const el = await widget(html`<pustaka-catalog-search api="ftp://example.org"></pustaka-catalog-search>`);
    input(el).focus();
    await sendKeys({ type: 'x' });
    expect(text(await message(el))).to.equal('Widget ini belum diatur dengan benar: alamat API-nya tidak valid.');
    expect(part(el, 'retry') === null).to.equal(true);
  });

  it('speaks English from its lang attribute, and follows <html lang>', async () => {
    const el = await widget(html`<pustaka-catalog-search api=${api} lang="en"></pustaka-catalog-search>`);
    expect(input(el).placeholder).to.equal('Search titles, authors or subjects');
    const { total } = await typeAndWait(el, 'laskar pelangi');
    expect(liveRegion(el)).to.equal(total === 1 ? '1 title found' : `${total} titles found`);
    expect(text(part(el, 'result'))).to.contain('Andrea Hirata · Book · 2005');
    expect(text(part(el, 'availability'))).to.match(/Available at \d+ librar(y|ies)/);
    await expect(el).to.be.accessible();

    part(el, 'result-title')!.click();
    const dialog = part<HTMLDialogElement>(el, 'detail')!;
    await waitUntil(() => dialog.querySelector('[part="holding"]'));
    expect(text(dialog)).to.contain('Opening hours: Mon–Thu 08:00–20:00');
    expect(text(dialog)).to.match(/Copies in libraries/);
    dialog.close();

    const page = await widget();
    expect(text(part(page, 'button'))).to.equal('Cari');
    document.documentElement.lang = 'en';
    await waitUntil(() => text(part(page, 'button')) === 'Search', 'did not follow <html lang>');
    expect(text(part(page, 'theme'))).to.equal('000 General Works');
  });

  it('is usable with the keyboard alone: search, open a record, close it', async () => {
    const el = await fixture<HTMLElement>(
      html`<div><button id="before">sebelum</button><pustaka-catalog-search api=${api}></pustaka-catalog-search></div>`,
    );
    const search = el.querySelector('pustaka-catalog-search')!;
    el.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(search)?.id).to.equal('q');
    const done = searched(search, 'laskar pelangi');
    await sendKeys({ type: 'laskar pelangi' });
    await sendKeys({ press: 'Enter' });
    await done;
    await sendKeys({ press: 'Tab' }); // the search button
    await sendKeys({ press: 'Tab' }); // the filters
    await sendKeys({ press: 'Tab' }); // the first result
    const title = part(search, 'result-title')!;
    expect(focused(search)?.id).to.equal(title.id);
    await sendKeys({ press: 'Enter' });
    const dialog = part<HTMLDialogElement>(search, 'detail')!;
    await waitUntil(() => dialog.open && dialog.querySelector('[part="holding"]'));
    expect(dialog.contains(focused(search)), 'focus is in the dialog').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    expect(focused(search)?.id).to.equal(title.id);
  });

  it('keeps the search in the page URL with sync-url, beside the page’s own parameters', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?halaman=2&pustaka-q=andrea&pustaka-theme=800`);
    try {
      const el = await fixture<PustakaCatalogSearch>(
        html`<pustaka-catalog-search api=${api} sync-url></pustaka-catalog-search>`,
      );
      const first = await searched(el, 'andrea');
      expect(first.params.theme).to.deep.equal(['800']);
      expect(input(el).value).to.equal('andrea');
      const done = searched(el, 'andrea hirata');
      input(el).focus();
      input(el).setSelectionRange(6, 6);
      await sendKeys({ type: ' hirata' });
      await done;
      const url = new URL(location.href);
      expect(url.searchParams.get('halaman')).to.equal('2');
      expect(url.searchParams.get('pustaka-q')).to.equal('andrea hirata');
      expect(url.searchParams.getAll('pustaka-theme')).to.deep.equal(['800']);
      part(el, 'result-title')!.click();
      await waitUntil(() => new URL(location.href).searchParams.get('pustaka-record'));
      part<HTMLDialogElement>(el, 'detail')!.close();
      await waitUntil(() => !new URL(location.href).searchParams.has('pustaka-record'));
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('leaves nothing behind: removed widgets abort their requests and stop listening', async () => {
    const removed: TrackedCatalogSearch[] = [];
    for (let round = 0; round < 20; round++) {
      // Held from the start: from the second round on, the URL's search (`pustaka-q=a`) is asked as it connects.
      const el = await fixture<TrackedCatalogSearch>(
        html`<tracked-catalog-search api=${api} sync-url .hold=${/catalog\/search/}></tracked-catalog-search>`,
      );
      input(el).focus();
      await sendKeys({ type: 'a' });
      await waitUntil(() => el.requests.some((request) => /catalog\/search/.test(request.url)));
      el.remove();
      removed.push(el);
    }
    // Catalogue requests belong to the widget and die with it; the shared list of libraries belongs to the page.
    const catalogue = removed.flatMap((el) => el.requests.filter((request) => request.url.includes('/v1/catalog/')));
    expect(catalogue.filter((request) => !request.signal.aborted).map((request) => request.url)).to.deep.equal([]);
    // The last widget's aborted search settles (one render, as it learns its search was cut short) first.
    await nextFrame();
    const renders = removed.map((el) => el.renders);
    const requests = removed.map((el) => el.requests.length);
    document.documentElement.lang = 'en';
    dispatchEvent(new PopStateEvent('popstate'));
    // Language changes reach elements through MutationObserver callbacks and Lit updates, both microtasks: a
    // frame later, anything still listening would have rendered.
    await nextFrame();
    expect(removed.map((el) => el.renders)).to.deep.equal(renders);
    expect(removed.map((el) => el.requests.length)).to.deep.equal(requests);

    // A widget put back resumes: it listens again and searches again.
    const back = removed[0]!;
    back.hold = undefined;
    const done = searched(back, 'a');
    document.body.append(back);
    await done;
    expect(text(part(back, 'button'))).to.equal('Search');
    back.remove();
  });

  it('reserves its space: the idle widget is exactly as tall as its reservation, phone and desktop', async () => {
    for (const width of [320, 640, 1024]) {
      await setViewport({ width, height: 800 });
      const el = await widget();
      const reserved = parseFloat(getComputedStyle(el).minHeight);
      expect(el.getBoundingClientRect().height, `at ${width}px`).to.equal(reserved);
    }
  });

  it('opens results below the box in compact mode, without moving the page', async () => {
    const el = await widget(html`<pustaka-catalog-search api=${api} compact></pustaka-catalog-search>`);
    const height = el.getBoundingClientRect().height;
    await typeAndWait(el, 'andrea');
    const panel = part(el, 'panel')!;
    expect(panel.hidden).to.equal(false);
    expect(getComputedStyle(panel).position).to.equal('absolute');
    expect(el.getBoundingClientRect().height).to.equal(height);
    // A click on plain text inside the panel keeps it open; a click outside the widget closes it.
    const summary = part(el, 'summary')!.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(summary.left + 5), Math.round(summary.top + summary.height / 2)],
    });
    expect(panel.hidden).to.equal(false);
    await sendMouse({ type: 'click', position: [5, Math.round(el.getBoundingClientRect().top - 5)] });
    await waitUntil(() => panel.hidden, 'a click outside did not close the panel');
    input(el).focus();
    await el.updateComplete;
    expect(panel.hidden).to.equal(false);
    // Escape closes the panel and keeps the words; in the box, a second Escape clears them as in any search box.
    await sendKeys({ press: 'Escape' });
    expect(panel.hidden).to.equal(true);
    expect(input(el).value).to.equal('andrea');
  });

  it('fits a 320 px phone without sideways scrolling, results and record alike', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await widget();
    await typeAndWait(el, 'sejarah');
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    part(el, 'result-title')!.click();
    const dialog = part<HTMLDialogElement>(el, 'detail')!;
    await waitUntil(() => dialog.querySelector('[part="holding"]'));
    expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
    expect(dialog.getBoundingClientRect().right).to.be.at.most(320);
    dialog.close();
  });

  it('takes the page’s --pustaka-* tokens and ::part() styles', async () => {
    const host = await fixture<HTMLElement>(html`<div style="--pustaka-color-primary: rgb(20, 83, 45)">
      <style>
        .themed pustaka-catalog-search::part(theme) { border-radius: 17px; }
      </style>
      <div class="themed"><pustaka-catalog-search api=${api}></pustaka-catalog-search></div>
    </div>`);
    const el = host.querySelector('pustaka-catalog-search')!;
    await el.updateComplete;
    expect(getComputedStyle(part(el, 'button')!).backgroundColor).to.equal('rgb(20, 83, 45)');
    expect(getComputedStyle(part(el, 'theme')!).borderTopLeftRadius).to.equal('17px');
  });

  it('is dark when the visitor prefers it, and accessible there too', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await widget();
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(22, 25, 29)');
    await typeAndWait(el, 'andrea');
    await expect(el).to.be.accessible();
  });
});
