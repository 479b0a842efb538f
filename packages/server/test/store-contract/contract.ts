import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BibliographicInput, CopyInput, LibraryHolding } from '../../src/catalog/model.js';
import type { CatalogQuery } from '../../src/catalog/store.js';
import { demoLibraries } from '../../src/seed/demo-network.js';
import { IDEMPOTENCY_WINDOW_MS } from '../../src/storage/idempotency.js';
import type { Stores } from '../../src/storage/stores.js';
import type { Library } from '../../src/types.js';
import { saveRun, testClock, type StoreFactory, type StoreHarness } from './harness.js';
import { membersContract } from './members.js';
import { visitsContract } from './visits.js';

/**
 * What the routes, the importers, the seed and the CLI rely on from storage, checked through the `Stores`
 * interfaces only: every backend (SQLite now, PostgreSQL next) passes this suite unchanged.
 */
export function storeContract(name: string, factory: StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    librariesContract(factory);
    credentialsContract(factory);
    idempotencyContract(factory);
    catalogWritesContract(factory);
    catalogSearchContract(factory);
    catalogSourcesContract(factory);
    membersContract(factory);
    visitsContract(factory);
  });
}

/** Opens a harness for a describe block and closes it after. */
function harnessFor(factory: StoreFactory, clock = testClock(), coverOrigins?: string[]) {
  const state = {} as { harness: StoreHarness; stores: Stores };
  before(async () => {
    state.harness = await factory({ now: clock.now, ...(coverOrigins && { coverOrigins }) });
    state.stores = state.harness.stores;
  });
  after(() => state.harness.close());
  return state;
}

const library = (id: string, name: string, kind: Library['kind']): Library => ({
  ...demoLibraries[0]!,
  id,
  name,
  kind,
});

function librariesContract(factory: StoreFactory) {
  describe('libraries', () => {
    const state = harnessFor(factory);
    const network = [
      library('z-corner', 'Pojok Baca Zaitun', 'reading-corner'),
      library('b-school', 'SMA Bintang', 'school'),
      library('a-school', 'SMA Anggrek', 'school'),
      library('city', 'Perpustakaan Kota', 'public'),
      library('uni', 'Perpustakaan Universitas', 'university'),
      library('firm', 'Perpustakaan Pabrik', 'company'),
    ];
    before(async () => {
      for (const entry of network) await state.stores.libraries.upsert(entry);
    });

    it('lists public first, then university, school, company, reading corners, by name within a kind', async () => {
      const { total, items } = await state.stores.libraries.list({ offset: 0, limit: 10 });
      assert.equal(total, 6);
      assert.deepEqual(
        items.map((item) => item.id),
        ['city', 'uni', 'a-school', 'b-school', 'firm', 'z-corner'],
      );
    });

    it('filters by kind and pages, the total counting every match', async () => {
      const page = await state.stores.libraries.list({ kinds: ['school', 'reading-corner'], offset: 1, limit: 1 });
      assert.deepEqual(page, { total: 3, items: [network[1]] });
      assert.deepEqual(await state.stores.libraries.list({ kinds: ['school'], offset: 5, limit: 10 }), {
        total: 2,
        items: [],
      });
    });

    it('gets a library whole, and answers undefined and false for an unknown id', async () => {
      assert.deepEqual(await state.stores.libraries.get('uni'), network[4]);
      assert.equal(await state.stores.libraries.get('nowhere'), undefined);
      assert.equal(await state.stores.libraries.exists('uni'), true);
      assert.equal(await state.stores.libraries.exists('nowhere'), false);
    });

    it('upserts: the same id replaces, a new one adds; count follows', async () => {
      assert.equal(await state.stores.libraries.count(), 6);
      const renamed = { ...network[3]!, name: 'Perpustakaan Kota Bontang', opening_hours_note: 'Tutup hari libur.' };
      await state.stores.libraries.upsert(renamed);
      assert.deepEqual(await state.stores.libraries.get('city'), renamed);
      await state.stores.libraries.upsert(library('new', 'Baru', 'public'));
      assert.equal(await state.stores.libraries.count(), 7);
    });
  });
}

function credentialsContract(factory: StoreFactory) {
  describe('credentials', () => {
    const clock = testClock();
    const state = harnessFor(factory, clock);
    before(async () => {
      for (const entry of demoLibraries.slice(0, 3)) await state.stores.libraries.upsert(entry);
    });
    const [first, second] = [demoLibraries[0]!.id, demoLibraries[1]!.id];
    const create = (id: string, fields: Partial<Parameters<Stores['credentials']['create']>[0]>) => {
      clock.advance(1000);
      return state.stores.credentials.create(
        {
          id,
          kind: 'site',
          libraryId: first,
          keyHash: `hash-${id}`,
          shownAs: `pk_${id}`,
          origins: ['https://a.example'],
          ...fields,
        },
        'cli:tester',
      );
    };

    it('creates a credential and finds it by id and by key hash', async () => {
      const created = await create('key_site1', { label: 'Situs sekolah', serverSide: true });
      assert.deepEqual(
        { ...created, createdAt: typeof created.createdAt },
        {
          id: 'key_site1',
          kind: 'site',
          libraryId: first,
          location: null,
          label: 'Situs sekolah',
          origins: ['https://a.example'],
          serverSide: true,
          shownAs: 'pk_key_site1',
          demo: false,
          createdAt: 'string',
          revokedAt: null,
        },
      );
      assert.deepEqual(await state.stores.credentials.get('key_site1'), created);
      assert.deepEqual(await state.stores.credentials.findByKeyHash('hash-key_site1'), created);
      assert.equal(await state.stores.credentials.findByKeyHash('hash-nobody'), undefined);
      assert.equal(await state.stores.credentials.get('key_nobody'), undefined);
    });

    it('refuses a second credential with the same key hash', async () => {
      await assert.rejects(create('key_other', { keyHash: 'hash-key_site1' }));
    });

    it('lists oldest first, filtered by library and kind, revoked ones only when asked', async () => {
      await create('key_kiosk1', { kind: 'kiosk', location: 'pintu', origins: [], libraryId: second });
      await create('key_staff1', { kind: 'staff', libraryId: null, origins: [] });
      await create('key_site2', { origins: ['https://b.example', 'https://*.c.example'] });
      await state.stores.credentials.revoke('key_site2', 'cli:tester');
      const ids = async (filter?: Parameters<Stores['credentials']['list']>[0]) =>
        (await state.stores.credentials.list(filter)).map((credential) => credential.id);
      assert.deepEqual(await ids(), ['key_site1', 'key_kiosk1', 'key_staff1']);
      assert.deepEqual(await ids({ includeRevoked: true }), ['key_site1', 'key_kiosk1', 'key_staff1', 'key_site2']);
      assert.deepEqual(await ids({ libraryId: second }), ['key_kiosk1']);
      assert.deepEqual(await ids({ kind: 'site', includeRevoked: true }), ['key_site1', 'key_site2']);
    });

    it('revokes once: a second revoke changes nothing, an unknown id answers undefined', async () => {
      const revoked = await state.stores.credentials.get('key_site2');
      assert.equal(typeof revoked?.revokedAt, 'string');
      assert.deepEqual(await state.stores.credentials.revoke('key_site2', 'cli:tester'), revoked);
      assert.equal(await state.stores.credentials.revoke('key_nobody', 'cli:tester'), undefined);
    });

    it('labels and unlabels; an unknown id answers undefined', async () => {
      assert.equal(
        (await state.stores.credentials.setLabel('key_kiosk1', 'Pintu utama', 'cli:tester'))?.label,
        'Pintu utama',
      );
      assert.equal((await state.stores.credentials.setLabel('key_kiosk1', null, 'cli:tester'))?.label, null);
      assert.equal(await state.stores.credentials.setLabel('key_nobody', 'x', 'cli:tester'), undefined);
    });

    it('gives the origins of active site keys only', async () => {
      assert.deepEqual(await state.stores.credentials.activeSiteOrigins(), ['https://a.example']);
      await create('key_site3', { origins: ['https://d.example', 'https://*.e.example'] });
      assert.deepEqual((await state.stores.credentials.activeSiteOrigins()).sort(), [
        'https://*.e.example',
        'https://a.example',
        'https://d.example',
      ]);
    });

    it('keeps demo keys readable while active, and only those', async () => {
      await create('key_demo1', { kind: 'staff', libraryId: null, origins: [], demoKey: 'sk_demo' });
      const demo = await state.stores.credentials.activeDemoKeys();
      assert.deepEqual(
        demo.map(({ credential, key }) => [credential.id, credential.demo, key]),
        [['key_demo1', true, 'sk_demo']],
      );
      await state.stores.credentials.revoke('key_demo1', 'demo');
      assert.deepEqual(await state.stores.credentials.activeDemoKeys(), []);
    });

    it('audits every create, revoke and label, newest first, filtered by credential', async () => {
      const all = await state.stores.credentials.audit.list();
      assert.deepEqual(
        all.slice(0, 3).map((entry) => [entry.action, entry.credentialId, entry.actor]),
        [
          ['revoke', 'key_demo1', 'demo'],
          ['create', 'key_demo1', 'cli:tester'],
          ['create', 'key_site3', 'cli:tester'],
        ],
      );
      const kiosk = await state.stores.credentials.audit.list({ credentialId: 'key_kiosk1' });
      assert.deepEqual(
        kiosk.map((entry) => [entry.action, entry.label]),
        [
          ['label', null],
          ['label', 'Pintu utama'],
          ['create', null],
        ],
      );
      assert.equal(kiosk[2]!.kind, 'kiosk');
      assert.equal(kiosk[2]!.libraryId, second);
      assert.equal((await state.stores.credentials.audit.list({ limit: 2 })).length, 2);
      // An audited revoke happens once: the second revoke above left no entry.
      assert.equal(
        (await state.stores.credentials.audit.list({ credentialId: 'key_site2' })).filter(
          (entry) => entry.action === 'revoke',
        ).length,
        1,
      );
    });
  });
}

function idempotencyContract(factory: StoreFactory) {
  describe('idempotency keys', () => {
    const clock = testClock();
    const state = harnessFor(factory, clock);
    const answer = { requestHash: 'h1', status: 201, body: { id: 'imp_1', list: [1, 2] } };

    it("reserves a key once: a second reservation finds it in progress, with the holder's hash", async () => {
      assert.deepEqual(await state.stores.idempotency.reserve('op:cred', 'k1', 'h1'), { outcome: 'reserved' });
      assert.deepEqual(await state.stores.idempotency.reserve('op:cred', 'k1', 'h1'), {
        outcome: 'in_progress',
        requestHash: 'h1',
      });
      // Scopes do not collide: another credential's key of the same name is its own.
      assert.deepEqual(await state.stores.idempotency.reserve('op:other', 'k1', 'h1'), { outcome: 'reserved' });
    });

    it('of many reservations racing for one key, exactly one wins', async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, () => state.stores.idempotency.reserve('op:cred', 'race', null)),
      );
      assert.equal(outcomes.filter((outcome) => outcome.outcome === 'reserved').length, 1);
      assert.ok(outcomes.every((outcome) => outcome.outcome !== 'answered'));
    });

    it('answers the stored answer once completed', async () => {
      await state.stores.idempotency.complete('op:cred', 'k1', answer);
      assert.deepEqual(await state.stores.idempotency.reserve('op:cred', 'k1', 'h2'), {
        outcome: 'answered',
        response: answer,
      });
    });

    it('frees a released key for the next request; releasing never drops an answer', async () => {
      assert.deepEqual(await state.stores.idempotency.reserve('op:cred', 'k2', null), { outcome: 'reserved' });
      await state.stores.idempotency.release('op:cred', 'k2');
      assert.deepEqual(await state.stores.idempotency.reserve('op:cred', 'k2', 'h3'), { outcome: 'reserved' });
      await state.stores.idempotency.release('op:cred', 'k1');
      assert.equal((await state.stores.idempotency.reserve('op:cred', 'k1', 'h1')).outcome, 'answered');
    });

    it('takes over a reservation left by a process that died, after a restart', async () => {
      assert.deepEqual(await state.stores.idempotency.reserve('op:cred', 'k3', null), { outcome: 'reserved' });
      const restarted = await state.harness.reopen();
      assert.deepEqual(await restarted.idempotency.reserve('op:cred', 'k3', 'h4'), { outcome: 'reserved' });
      await restarted.idempotency.complete('op:cred', 'k3', { ...answer, requestHash: 'h4' });
      assert.equal((await restarted.idempotency.reserve('op:cred', 'k3', 'h4')).outcome, 'answered');
    });

    it('forgets answers and reservations after 24 hours', async () => {
      clock.advance(IDEMPOTENCY_WINDOW_MS - 1000);
      assert.equal((await state.stores.idempotency.reserve('op:cred', 'k1', 'h1')).outcome, 'answered');
      clock.advance(2000);
      assert.deepEqual(await state.stores.idempotency.reserve('op:cred', 'k1', 'h1'), { outcome: 'reserved' });
      assert.deepEqual(await state.stores.idempotency.reserve('op:other', 'k1', 'h1'), { outcome: 'reserved' });
    });
  });
}

const work = (fields: Partial<BibliographicInput>): BibliographicInput => ({
  title: 'Tanpa Judul',
  authors: [],
  subjects: [],
  isbns: [],
  format: 'book',
  ...fields,
});
const copies = (count: number, status: CopyInput['status'] = 'available'): CopyInput[] =>
  Array.from({ length: count }, (_, i) => ({ itemCode: `B${i}`, status, callNumber: '899.221 3 HIR l' }));
const holding = (libraryId: string, record: BibliographicInput, copyList = copies(1)): LibraryHolding => ({
  record,
  libraryId,
  copies: copyList,
});
const search = (stores: Stores, query: Partial<CatalogQuery>) =>
  stores.catalog.search({ sort: 'relevance', offset: 0, limit: 50, ...query });

function catalogWritesContract(factory: StoreFactory) {
  describe('catalogue writes', () => {
    const state = harnessFor(factory);
    const [city, school] = ['dispusip-bontang', 'sman-1-bontang'];
    const laskar = work({
      title: 'Laskar Pelangi',
      authors: ['Andrea Hirata'],
      year: 2005,
      isbns: ['9789793062792'],
      language: 'ind',
    });
    before(async () => {
      for (const entry of demoLibraries) await state.stores.libraries.upsert(entry);
    });
    const copiesAt = async (isbn: string) => {
      const [found] = (await search(state.stores, { isbn })).items;
      const record = await state.stores.catalog.get(found!.id);
      return Object.fromEntries(record!.holdings.map((entry) => [entry.libraryId, entry.copies.length]));
    };

    it('creates a work, then finds it again by ISBN and updates it', async () => {
      assert.equal(await state.stores.catalog.count(), 0);
      assert.deepEqual(await saveRun(state.stores.catalog, [holding(city, laskar, copies(3))]), ['created']);
      const outcomes = await saveRun(state.stores.catalog, [
        holding(school, { ...laskar, title: 'Laskar pelangi', isbns: ['9789793062792'] }),
      ]);
      assert.deepEqual(outcomes, ['updated']);
      assert.equal(await state.stores.catalog.count(), 1);
      assert.deepEqual(await copiesAt('9789793062792'), { [city]: 3, [school]: 1 });
    });

    it("a new run replaces a library's copies of a work (a re-import updates, never duplicates)", async () => {
      await saveRun(state.stores.catalog, [holding(city, laskar, copies(2, 'on_loan'))]);
      assert.deepEqual(await copiesAt('9789793062792'), { [city]: 2, [school]: 1 });
      const [summary] = (await search(state.stores, { isbn: '9789793062792' })).items;
      assert.equal(summary!.availability.copies, 3);
      assert.equal(summary!.availability.available, 1);
    });

    it('the same work twice in one run adds its copies (two records of one ISBN in a file)', async () => {
      const outcomes = await saveRun(state.stores.catalog, [
        holding(city, laskar, copies(1)),
        holding(city, laskar, copies(4)),
      ]);
      assert.deepEqual(outcomes, ['updated', 'updated']);
      assert.deepEqual(await copiesAt('9789793062792'), { [city]: 5, [school]: 1 });
    });

    it('a run spread over batches still knows which pairs it has replaced', async () => {
      const run = await state.stores.catalog.beginRun();
      await run.saveBatch([holding(school, laskar, copies(2))]);
      await run.saveBatch([holding(school, laskar, copies(1))]);
      assert.deepEqual(await copiesAt('9789793062792'), { [city]: 5, [school]: 3 });
    });

    it('merges works without ISBN by title, first author and year; editions with other ISBNs stay apart', async () => {
      const plain = work({ title: 'Cerita Rakyat Kutai', authors: ['Tim Penyusun'], year: 2010 });
      assert.deepEqual(await saveRun(state.stores.catalog, [holding(city, plain)]), ['created']);
      assert.deepEqual(
        await saveRun(state.stores.catalog, [holding(school, { ...plain, title: 'CERITA RAKYAT KUTAI' })]),
        ['updated'],
      );
      assert.deepEqual(await saveRun(state.stores.catalog, [holding(school, { ...plain, year: 2011 })]), ['created']);
      const editionA = work({ title: 'Atlas Kalimantan', authors: ['B'], year: 2001, isbns: ['9786028851428'] });
      const editionB = { ...editionA, isbns: ['9789791234561'] };
      assert.deepEqual(await saveRun(state.stores.catalog, [holding(city, editionA), holding(city, editionB)]), [
        'created',
        'created',
      ]);
      assert.equal(await state.stores.catalog.count(), 5);
    });

    it('moves the version with every write and keeps it still on reads', async () => {
      const before = await state.stores.catalog.version();
      await search(state.stores, { text: 'laskar' });
      await state.stores.catalog.suggest('lask', 5);
      assert.equal(await state.stores.catalog.version(), before);
      await saveRun(state.stores.catalog, [holding(city, laskar)]);
      const after = await state.stores.catalog.version();
      assert.ok(after > before, `${after} > ${before}`);
    });

    it('answers undefined for a record id it does not have', async () => {
      assert.equal(await state.stores.catalog.get('rec_doesnotexist'), undefined);
    });
  });
}

function catalogSearchContract(factory: StoreFactory) {
  describe('catalogue search', () => {
    const state = harnessFor(factory);
    const [city, school, firm] = ['dispusip-bontang', 'sman-1-bontang', 'pt-kaltim-amonia'];
    before(async () => {
      for (const entry of demoLibraries) await state.stores.libraries.upsert(entry);
      await saveRun(state.stores.catalog, [
        holding(
          city,
          work({
            title: 'Sejarah Kota Bontang',
            authors: ['Sri Wahyuni'],
            year: 2015,
            language: 'ind',
            theme: '900',
            subjects: ['Sejarah'],
          }),
          copies(2),
        ),
        holding(
          school,
          work({
            title: 'Sejarah Indonesia Modern',
            authors: ['M. C. Ricklefs'],
            year: 2008,
            language: 'ind',
            theme: '900',
          }),
          copies(1, 'on_loan'),
        ),
        holding(
          school,
          work({
            title: 'A History of Modern Indonesia',
            authors: ['M. C. Ricklefs'],
            year: 2001,
            language: 'eng',
            theme: '900',
          }),
          copies(1),
        ),
        holding(
          firm,
          work({
            title: 'Pupuk dan Tanah',
            authors: ['Ahmad Tani'],
            year: 2019,
            language: 'ind',
            theme: '600',
            format: 'ebook',
          }),
          copies(1),
        ),
        holding(
          city,
          work({ title: 'Matematika Kelas X', authors: ['Tim Guru'], language: 'ind', theme: '500' }),
          copies(1, 'reference_only'),
        ),
        holding(
          school,
          work({ title: 'Matematika Kelas X', authors: ['Tim Guru'], language: 'ind', theme: '500' }),
          copies(3),
        ),
      ]);
    });
    const titles = async (query: Partial<CatalogQuery>) =>
      (await search(state.stores, query)).items.map((item) => item.title);

    it('finds every word, the last as a prefix, whatever the case and accents', async () => {
      assert.deepEqual((await titles({ text: 'SEJARAH' })).sort(), [
        'Sejarah Indonesia Modern',
        'Sejarah Kota Bontang',
      ]);
      assert.deepEqual(await titles({ text: 'sejarah indo' }), ['Sejarah Indonesia Modern']);
      assert.deepEqual(await titles({ text: 'pupúk' }), ['Pupuk dan Tanah']);
      assert.deepEqual(await titles({ text: 'tidakadadimanapun' }), []);
    });

    it('searches title, author and subject fields on their own', async () => {
      assert.deepEqual((await titles({ author: 'ricklefs' })).sort(), [
        'A History of Modern Indonesia',
        'Sejarah Indonesia Modern',
      ]);
      assert.deepEqual(await titles({ title: 'modern', author: 'ricklefs', languages: ['eng'] }), [
        'A History of Modern Indonesia',
      ]);
      assert.deepEqual(await titles({ subject: 'sejarah' }), ['Sejarah Kota Bontang']);
    });

    it('filters by format, library, library kind, theme, language, years and availability', async () => {
      assert.deepEqual(await titles({ formats: ['ebook'] }), ['Pupuk dan Tanah']);
      assert.deepEqual((await titles({ libraries: [city] })).sort(), ['Matematika Kelas X', 'Sejarah Kota Bontang']);
      assert.deepEqual(await titles({ libraryKinds: ['company'] }), ['Pupuk dan Tanah']);
      assert.deepEqual((await titles({ themes: ['900'], languages: ['ind'] })).sort(), [
        'Sejarah Indonesia Modern',
        'Sejarah Kota Bontang',
      ]);
      assert.deepEqual((await titles({ yearFrom: 2008, yearTo: 2015 })).sort(), [
        'Sejarah Indonesia Modern',
        'Sejarah Kota Bontang',
      ]);
      assert.deepEqual(await titles({ text: 'sejarah', availableOnly: true }), ['Sejarah Kota Bontang']);
      // Available in the chosen library: the school's copies are on the shelf, the city's is reference only.
      assert.deepEqual(await titles({ text: 'matematika', availableOnly: true, libraries: [city] }), []);
      assert.deepEqual(await titles({ text: 'matematika', availableOnly: true, libraries: [school] }), [
        'Matematika Kelas X',
      ]);
    });

    it('sorts by year both ways (unknown years last) and by title', async () => {
      assert.deepEqual(await titles({ sort: 'year' }), [
        'A History of Modern Indonesia',
        'Sejarah Indonesia Modern',
        'Sejarah Kota Bontang',
        'Pupuk dan Tanah',
        'Matematika Kelas X',
      ]);
      assert.deepEqual(await titles({ sort: '-year' }), [
        'Pupuk dan Tanah',
        'Sejarah Kota Bontang',
        'Sejarah Indonesia Modern',
        'A History of Modern Indonesia',
        'Matematika Kelas X',
      ]);
      assert.deepEqual(await titles({ sort: 'title' }), [
        'A History of Modern Indonesia',
        'Matematika Kelas X',
        'Pupuk dan Tanah',
        'Sejarah Indonesia Modern',
        'Sejarah Kota Bontang',
      ]);
    });

    it('pages: the total counts every match, pages do not overlap', async () => {
      const first = await search(state.stores, { sort: 'title', offset: 0, limit: 2 });
      const second = await search(state.stores, { sort: 'title', offset: 2, limit: 2 });
      const beyond = await search(state.stores, { sort: 'title', offset: 10, limit: 2 });
      assert.deepEqual([first.total, second.total, beyond.total], [5, 5, 5]);
      assert.deepEqual(
        [...first.items, ...second.items].map((item) => item.title),
        ['A History of Modern Indonesia', 'Matematika Kelas X', 'Pupuk dan Tanah', 'Sejarah Indonesia Modern'],
      );
      assert.deepEqual(beyond.items, []);
    });

    it("merges the two libraries' copies of one work into one answer with its availability", async () => {
      const [math] = (await search(state.stores, { text: 'matematika' })).items;
      assert.deepEqual(
        { ...math!.availability, by_library: undefined },
        { copies: 4, available: 3, libraries: 2, libraries_available: 1, by_library: undefined },
      );
      const record = await state.stores.catalog.get(math!.id);
      assert.deepEqual(record!.holdings.map((entry) => entry.libraryId).sort(), [city, school]);
    });

    it('counts facets, each as if its own filter were not set', async () => {
      const { facets, total } = await search(state.stores, { text: 'sejarah', languages: ['ind'] });
      assert.equal(total, 2);
      assert.deepEqual(facets.language, [{ value: 'ind', count: 2 }]);
      assert.deepEqual(facets.theme, [{ value: '900', count: 2 }]);
      assert.deepEqual(facets.library, [
        { value: city, count: 1 },
        { value: school, count: 1 },
      ]);
      assert.deepEqual(facets.library_kind, [
        { value: 'public', count: 1 },
        { value: 'school', count: 1 },
      ]);
      assert.deepEqual(facets.year, [
        { value: '2015', count: 1 },
        { value: '2008', count: 1 },
      ]);
      const byFormat = await search(state.stores, { formats: ['ebook'] });
      assert.deepEqual(byFormat.facets.format, [
        { value: 'book', count: 4 },
        { value: 'ebook', count: 1 },
      ]);
      assert.deepEqual(byFormat.facets.library, [{ value: firm, count: 1 }]);
    });

    it('suggests titles and authors for what is being typed', async () => {
      const suggestions = await state.stores.catalog.suggest('ricklef', 5);
      assert.ok(
        suggestions.some((entry) => entry.kind === 'author' && entry.text === 'M. C. Ricklefs'),
        JSON.stringify(suggestions),
      );
      const titlesFound = await state.stores.catalog.suggest('sejarah ko', 5);
      assert.ok(
        titlesFound.some((entry) => entry.kind === 'title' && entry.text === 'Sejarah Kota Bontang' && entry.record_id),
        JSON.stringify(titlesFound),
      );
      assert.deepEqual(await state.stores.catalog.suggest('qqqqzzzz', 5), []);
    });

    it('counts works', async () => {
      assert.equal(await state.stores.catalog.count(), 5);
    });
  });
}

function catalogSourcesContract(factory: StoreFactory) {
  describe("catalogue: each library's source record, one shared record", () => {
    const state = harnessFor(factory, testClock(), ['https://sampul.example']);
    const [city, university, school] = ['dispusip-bontang', 'stt-bontang', 'sman-1-bontang'];
    const isbn = '9789793062792';
    const citysLaskar = work({
      title: 'Laskar Pelangi',
      authors: ['Andrea Hirata'],
      year: 2005,
      isbns: [isbn],
      language: 'ind',
      classification: '899.221 3',
      theme: '800',
    });
    before(async () => {
      for (const entry of demoLibraries) await state.stores.libraries.upsert(entry);
    });
    const shared = async (text = 'laskar') => {
      const { items } = await search(state.stores, { text });
      const found = items.find((item) => item.isbn?.includes(isbn));
      assert.ok(found, `a search for "${text}" finds the work`);
      return (await state.stores.catalog.get(found.id))!;
    };

    it("another library's import changes its own source and copies, never the shared title or cover", async () => {
      await saveRun(state.stores.catalog, [holding(city, citysLaskar, copies(3)), holding(university, citysLaskar)]);
      const defaced = work({
        title: 'Buku ini sudah diretas',
        authors: ['Siswa Iseng'],
        isbns: [isbn],
        coverUrl: 'https://sampul.example/laskar-lain.jpg',
      });
      assert.deepEqual(await saveRun(state.stores.catalog, [holding(school, defaced, copies(2))]), ['updated']);
      const record = await shared();
      assert.equal(record.title, 'Laskar Pelangi');
      assert.deepEqual(record.authors, ['Andrea Hirata']);
      assert.equal(record.cover_url, undefined);
      assert.deepEqual(Object.fromEntries(record.holdings.map((entry) => [entry.libraryId, entry.copies.length])), {
        [city]: 3,
        [university]: 1,
        [school]: 2,
      });
      assert.equal((await search(state.stores, { text: 'diretas' })).total, 0);
      assert.equal((await search(state.stores, { text: 'laskar', libraries: [school] })).total, 1);
      const sources = (await state.stores.catalog.sources(record.id))!;
      assert.equal(sources.shown, city);
      assert.equal(sources.pinned, null);
      assert.deepEqual(
        sources.sources.map((source) => [source.libraryId, source.title]),
        [
          [city, 'Laskar Pelangi'],
          [university, 'Laskar Pelangi'],
          [school, 'Buku ini sudah diretas'],
        ],
      );
    });

    it('shows the most complete source; a tie goes to the city library whoever imported first', async () => {
      const fuller = { ...citysLaskar, publisher: 'Bentang Pustaka', place: 'Yogyakarta', subjects: ['Novel'] };
      await saveRun(state.stores.catalog, [holding(university, { ...fuller, title: 'Laskar pelangi (novel)' })]);
      assert.equal((await shared()).title, 'Laskar pelangi (novel)', "the university's record is more complete");
      await saveRun(state.stores.catalog, [holding(city, fuller)]);
      assert.equal((await shared()).title, 'Laskar Pelangi', 'as complete: the city library wins the tie');
      assert.equal((await shared()).publisher, 'Bentang Pustaka');
      // A re-import of a sparser record gives the lead back.
      await saveRun(state.stores.catalog, [holding(city, citysLaskar, copies(3))]);
      assert.equal((await shared()).title, 'Laskar pelangi (novel)');
      await saveRun(state.stores.catalog, [holding(city, fuller, copies(3))]);
      assert.equal((await shared('pelangi')).title, 'Laskar Pelangi');
    });

    it('keeps only covers from trusted origins or this server, when saved and whichever source is shown', async () => {
      const withCover = (coverUrl: string) => ({
        ...citysLaskar,
        publisher: 'Bentang Pustaka',
        place: 'Yogyakarta',
        subjects: ['Novel'],
        series: 'Tetralogi Laskar Pelangi',
        coverUrl,
      });
      await saveRun(state.stores.catalog, [holding(school, withCover('https://tracker.example/pixel.gif'))]);
      let record = await shared();
      assert.equal(record.title, 'Laskar Pelangi', 'an untrusted cover does not make a record more complete');
      assert.equal(record.cover_url, undefined);
      await saveRun(state.stores.catalog, [holding(school, withCover('//tracker.example/pixel.gif'))]);
      assert.equal((await shared()).cover_url, undefined, 'a protocol-relative address is another host');
      await saveRun(state.stores.catalog, [holding(school, withCover('https://sampul.example/laskar.jpg'))]);
      record = await shared();
      assert.equal(record.cover_url, 'https://sampul.example/laskar.jpg');
      const [summary] = (await search(state.stores, { isbn })).items;
      assert.equal(summary!.cover_url, 'https://sampul.example/laskar.jpg');
    });

    it('lets network staff pin a source, and undo it; a library without a source of the work cannot be pinned', async () => {
      const { id } = await shared();
      const pinned = await state.stores.catalog.pinSource(id, city);
      assert.ok(pinned && pinned !== 'not_held');
      assert.deepEqual([pinned.shown, pinned.pinned], [city, city]);
      assert.equal((await shared()).title, 'Laskar Pelangi');
      assert.equal((await shared()).cover_url, undefined, "the city's record has no cover");
      // A pinned source stays shown when another library re-imports a fuller record.
      const fullest = {
        ...citysLaskar,
        title: 'Laskar pelangi (novel)',
        ...{ publisher: 'Bentang', place: 'Yogyakarta', subjects: ['Novel'], notes: 'Cet. 5', edition: '5' },
        ...{ series: 'Tetralogi', collation: 'xiv, 529 hlm.' },
      };
      await saveRun(state.stores.catalog, [holding(university, fullest)]);
      assert.equal((await shared()).title, 'Laskar Pelangi');
      assert.equal(await state.stores.catalog.pinSource(id, 'pt-kaltim-amonia'), 'not_held');
      assert.equal(await state.stores.catalog.pinSource('rec_doesnotexist', city), undefined);
      const unpinned = await state.stores.catalog.pinSource(id, null);
      assert.ok(unpinned && unpinned !== 'not_held');
      assert.equal(unpinned.pinned, null);
      assert.equal((await shared()).title, 'Laskar pelangi (novel)');
      assert.equal(await state.stores.catalog.sources('rec_doesnotexist'), undefined);
    });

    it('a library leaving the network takes its copies and sources; shared records are derived again', async () => {
      const only = work({ title: 'Kliping Pesut Mahakam', authors: ['Tim Perpustakaan'], year: 2020 });
      await saveRun(state.stores.catalog, [holding(university, only, copies(2))]);
      const { id } = await shared();
      await state.stores.catalog.pinSource(id, university);
      const onlyId = (await search(state.stores, { text: 'kliping' })).items[0]!.id;
      const versionBefore = await state.stores.catalog.version();
      const countBefore = await state.stores.catalog.count();

      assert.deepEqual(await state.stores.catalog.withdrawLibrary(university), { works: 2, removed: 1 });
      assert.ok((await state.stores.catalog.version()) > versionBefore, 'the version moves');
      assert.equal(await state.stores.catalog.count(), countBefore - 1);
      assert.equal(await state.stores.catalog.get(onlyId), undefined, 'a work no library holds is gone');
      assert.equal((await search(state.stores, { text: 'kliping' })).total, 0);
      assert.equal((await search(state.stores, { libraries: [university] })).total, 0, 'filters forget it too');
      const record = await shared();
      assert.equal(record.title, 'Laskar Pelangi', "the university's pinned source went with it");
      assert.deepEqual(record.holdings.map((entry) => entry.libraryId).sort(), [city, school]);
      const sources = (await state.stores.catalog.sources(record.id))!;
      assert.deepEqual([sources.pinned, sources.sources.length], [null, 2]);
      assert.deepEqual(await state.stores.catalog.withdrawLibrary(university), { works: 0, removed: 0 });
    });
  });
}
