import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import type { BibliographicInput } from '../src/catalog/model.js';
import { fold } from '../src/catalog/text.js';
import { sqliteCatalogStore } from '../src/catalog/sqlite/store.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

interface Summary {
  id: string;
  title: string;
  authors: string[];
  year?: number;
  format: string;
  language?: string;
  theme?: { code: string; label: string };
  availability: {
    copies: number;
    available: number;
    by_library: { library_id: string; copies: number; available: number }[];
  };
}
interface Facets {
  [name: string]: { value: string; count: number }[];
}

// (Every assert.ok here carries a message: without one, node:assert re-reads the source through tsx to
// describe the failure, which takes minutes.)
const get = (path: string, init?: RequestInit) => fetch(server.url + path, init);
async function search(query: string) {
  const response = await get(`/v1/catalog/search?${query}`);
  assert.equal(response.status, 200, `${query}: ${response.status}`);
  return {
    response,
    body: (await response.json()) as { total: number; page: number; took_ms: number; items: Summary[]; facets: Facets },
  };
}
async function expectProblem(response: Response, status: number, field?: string) {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = await response.json();
  if (field)
    assert.ok(
      body.errors.some((error: { field: string }) => error.field === field),
      JSON.stringify(body.errors),
    );
  return body;
}

/** Writes works straight through the catalogue store of the running server, as an import would. */
async function addWorks(libraryId: string, ...records: Partial<BibliographicInput>[]) {
  const run = await server.stores.catalog.beginRun();
  await run.saveBatch(
    records.map((record) => ({
      record: { authors: [], subjects: [], isbns: [], format: 'book', title: 'Untitled', ...record },
      libraryId,
      copies: [{ status: 'available', callNumber: '000 TES t' }],
    })),
  );
}

describe('GET /v1/catalog/search: words', () => {
  it('answers the same whether a typed prefix is asked as a prefix or as the words it stands for', async () => {
    // (First in this file: later tests add works, and the warm-up then waits for the catalogue to settle.)
    // The server's warm-up has read the vocabulary: its searches ask for the words. A second catalogue store
    // on the same database, searched before its own warm-up could run (no await between the searches),
    // asks for prefixes.
    await server.stores.catalog.warmed?.();
    const fresh = sqliteCatalogStore(server.db);
    const questions = [
      'sejarah indo',
      'sejarah indonesia',
      'pendi',
      'matematika kel',
      'cerita rak',
      'bahasa ingg',
      'laskar pela',
    ];
    // Each store's searches run back to back (no await of anything else between them): the fresh store's
    // warm-up cannot run before they are done.
    const asked = (store: typeof fresh) =>
      Promise.all(
        questions.map(async (text) => {
          const { total, items, facets } = await store.search({ text, sort: 'relevance', offset: 0, limit: 50 });
          return { text, total, ids: items.map((item) => item.id), facets };
        }),
      );
    const byPrefix = await asked(fresh);
    const byWords = await asked(server.stores.catalog);
    assert.deepEqual(byWords, byPrefix);
    assert.ok(
      byPrefix.every((answer) => answer.total > 0),
      JSON.stringify(byPrefix.map((answer) => [answer.text, answer.total])),
    );
  });

  it('finds a title as it is typed: the last word is a prefix', async () => {
    const { body } = await search('q=laskar%20pel');
    assert.equal(body.items[0]?.title, 'Laskar Pelangi');
    assert.deepEqual(body.items[0]?.authors, ['Andrea Hirata']);
  });

  it('ignores case and diacritics, in what is typed and what is stored', async () => {
    const plain = await search('q=laskar%20pelangi');
    const accented = await search(`q=${encodeURIComponent('LÁSKAR PÉLANGI')}`);
    assert.deepEqual(
      accented.body.items.map((item) => item.id),
      plain.body.items.map((item) => item.id),
    );
    await addWorks('dispusip-bontang', { title: 'Pendidikán Kesehatán Remaja' });
    const { body } = await search('q=pendidikan%20kesehatan%20remaja');
    assert.equal(body.items[0]?.title, 'Pendidikán Kesehatán Remaja');
  });

  it('ranks title over author over subject over other fields, shorter titles first', async () => {
    await addWorks(
      'dispusip-bontang',
      { title: 'Batu Mulia Nusantara', subjects: ['Zamrud'] },
      { title: 'Catatan Perjalanan', notes: 'Tentang tambang zamrud di Martapura.' },
      { title: 'Pelayaran ke Timur', authors: ['Zamrud, Budi'] },
      { title: 'Zamrud Khatulistiwa dari Kalimantan Timur' },
      { title: 'Zamrud Khatulistiwa' },
    );
    const { body } = await search('q=zamrud');
    assert.deepEqual(
      body.items.map((item) => item.title),
      [
        'Zamrud Khatulistiwa',
        'Zamrud Khatulistiwa dari Kalimantan Timur',
        'Pelayaran ke Timur',
        'Batu Mulia Nusantara',
        'Catatan Perjalanan',
      ],
    );
    assert.equal(body.total, 5);
  });

  it('searches one field with title, author and subject', async () => {
    const { body } = await search('author=hirata');
    assert.ok(body.total >= 2, 'Andrea Hirata wrote several books');
    for (const item of body.items)
      assert.ok(
        item.authors.some((author) => /hirata/i.test(author)),
        item.title,
      );
    const byTitle = await search('title=hirata');
    assert.equal(byTitle.body.total, 0, 'the name is not in any title');
    const bySubject = await search('subject=zamrud');
    assert.deepEqual(
      bySubject.body.items.map((item) => item.title),
      ['Batu Mulia Nusantara'],
    );
  });

  it('finds an ISBN in either form, with or without hyphens, also typed into q', async () => {
    const forms = [
      'isbn=9789793062792',
      'isbn=978-979-3062-79-2',
      'isbn=979-3062-79-7',
      'isbn=9793062797',
      'q=978-979-3062-79-2',
      'q=9793062797',
    ];
    for (const form of forms) {
      const { body } = await search(form);
      assert.equal(body.total, 1, form);
      assert.equal(body.items[0]!.title, 'Laskar Pelangi', form);
    }
  });

  it('keeps catalogue text as text: markup comes back as the same characters', async () => {
    const title = '<img src=x onerror=alert(1)>';
    await addWorks('dispusip-bontang', { title, authors: ['<script>alert("x")</script>'] });
    const response = await get('/v1/catalog/search?q=onerror');
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const body = await response.json();
    assert.equal(body.items[0].title, title);
    assert.equal(body.items[0].authors[0], '<script>alert("x")</script>');
    const record = await (await get(`/v1/catalog/records/${body.items[0].id}`)).json();
    assert.equal(record.title, title);
  });
});

describe('GET /v1/catalog/search: filters and facets', () => {
  it('counts facets over the whole match, not the page', async () => {
    const { body } = await search('q=sejarah&per_page=3');
    assert.equal(body.items.length, 3);
    assert.ok(body.total > 3, 'more matches than one page');
    for (const facet of ['format', 'theme', 'language', 'year']) {
      const counted = body.facets[facet]!.reduce((sum, bucket) => sum + bucket.count, 0);
      // Every matching record has one format; theme, language and year may be unknown.
      if (facet === 'format') assert.equal(counted, body.total);
      else assert.ok(counted <= body.total && counted > 0, `${facet}: ${counted} of ${body.total}`);
    }
    const libraries = body.facets.library!;
    assert.ok(
      libraries.every((bucket) => bucket.count <= body.total) && libraries.length > 1,
      JSON.stringify(libraries),
    );
  });

  it('filters by format, and the format facet still counts the other formats', async () => {
    const all = await search('q=atlas');
    const maps = await search('q=atlas&format=map');
    assert.ok(maps.body.total > 0, 'there are atlases');
    for (const item of maps.body.items) assert.equal(item.format, 'map');
    assert.equal(maps.body.total, all.body.facets.format!.find((bucket) => bucket.value === 'map')!.count);
    assert.deepEqual(maps.body.facets.format, all.body.facets.format, 'a facet ignores its own filter');
  });

  it('filters by library and by kind of library', async () => {
    const sample = await search('q=cerita&per_page=1');
    const libraryId = sample.body.items[0]!.availability.by_library[0]!.library_id;
    const { body } = await search(`q=cerita&library=${libraryId}&per_page=100`);
    assert.ok(body.total > 0 && body.total < sample.body.total, `${libraryId} holds some of the matches`);
    for (const item of body.items) {
      assert.ok(
        item.availability.by_library.some((library) => library.library_id === libraryId),
        `${item.title} is held by ${libraryId}`,
      );
    }
    const schoolIds = (await (await get('/v1/libraries?kind=school&per_page=100')).json()).items.map(
      (library: { id: string }) => library.id,
    );
    const schools = await search('q=cerita&library_kind=school&per_page=100');
    assert.ok(schools.body.total > 0, 'school libraries hold stories');
    for (const item of schools.body.items) {
      assert.ok(
        item.availability.by_library.some((library) => schoolIds.includes(library.library_id)),
        `${item.title} is in a school`,
      );
    }
    const kinds = schools.body.facets.library_kind!.map((bucket) => bucket.value);
    assert.ok(kinds.includes('public'), 'the kind facet offers the other kinds too');
  });

  it('filters by theme, with the 2X Islamic notation under 200', async () => {
    const { body } = await search('q=fiqih&theme=200&per_page=50');
    assert.ok(body.total > 0, 'there are fiqih books');
    for (const item of body.items) assert.deepEqual(item.theme, { code: '200', label: 'Agama' });
    const record = await (await get(`/v1/catalog/records/${body.items[0]!.id}`)).json();
    assert.match(record.classification, /^2X/);
  });

  it('filters by language and by year range', async () => {
    const english = await search('q=introduction&language=eng');
    assert.ok(english.body.total > 0, 'there are English introductions');
    for (const item of english.body.items) assert.equal(item.language, 'eng');
    const { body } = await search('q=matematika&year_from=2015&year_to=2020&per_page=100');
    assert.ok(body.total > 0, 'there are recent mathematics books');
    for (const item of body.items) assert.ok(item.year! >= 2015 && item.year! <= 2020, `${item.year}`);
    const inRange = body.facets.year!.filter((bucket) => Number(bucket.value) >= 2015 && Number(bucket.value) <= 2020);
    assert.equal(
      inRange.reduce((sum, bucket) => sum + bucket.count, 0),
      body.total,
    );
    assert.ok(body.facets.year!.length > inRange.length, 'the year facet offers years outside the range too');
  });

  it('keeps to records with a copy on the shelf now, in the chosen libraries', async () => {
    const everything = await search('q=cerita&library=dispusip-bontang&per_page=100');
    const available = await search('q=cerita&library=dispusip-bontang&available=true&per_page=100');
    assert.ok(
      available.body.total > 0 && available.body.total < everything.body.total,
      `${available.body.total} of ${everything.body.total}`,
    );
    for (const item of available.body.items) {
      assert.ok(
        item.availability.by_library.find((library) => library.library_id === 'dispusip-bontang')!.available > 0,
        item.title,
      );
    }
  });
});

describe('GET /v1/catalog/search: order, pages, caching', () => {
  it('sorts by year either way, and by title', async () => {
    const years = (await search('q=kimia&sort=year&per_page=100')).body.items.map((item) => item.year ?? 9999);
    assert.deepEqual(
      years,
      [...years].sort((a, b) => a - b),
    );
    const newest = (await search('q=kimia&sort=-year&per_page=100')).body.items.map((item) => item.year ?? 0);
    assert.deepEqual(
      newest,
      [...newest].sort((a, b) => b - a),
    );
    const titles = (await search('q=sejarah&sort=title&per_page=100')).body.items.map((item) => fold(item.title));
    assert.deepEqual(titles, [...titles].sort());
  });

  it('keeps one sort order across pages, newest first, over the whole match', async () => {
    // Pages walk the catalogue kept in year order (sort-orders.ts) and stop: every page, the first and the
    // deep ones, must continue the same order, with no work twice or missing.
    const everyId = new Set<string>();
    const { body: all } = await search('theme=500&per_page=100');
    for (let page = 1; page <= Math.ceil(all.total / 100); page++) {
      for (const item of (await search(`theme=500&per_page=100&page=${page}`)).body.items) everyId.add(item.id);
    }
    assert.ok(all.total > 200, `theme 500 has ${all.total} works`);
    const years: number[] = [];
    const seen = new Set<string>();
    for (let page = 1; page <= Math.ceil(all.total / 20); page++) {
      for (const item of (await search(`theme=500&sort=-year&per_page=20&page=${page}`)).body.items) {
        years.push(item.year ?? 0);
        seen.add(item.id);
      }
    }
    assert.deepEqual(
      years,
      [...years].sort((a, b) => b - a),
    );
    assert.equal(seen.size, all.total);
    assert.deepEqual([...seen].sort(), [...everyId].sort());
  });

  it('pages with X-Total-Count and Link headers, and no record twice', async () => {
    const first = await search('q=sejarah&per_page=5');
    const second = await search('q=sejarah&per_page=5&page=2');
    assert.equal(first.response.headers.get('x-total-count'), String(first.body.total));
    assert.match(second.response.headers.get('link') ?? '', /page=3[^>]*>; rel="next"/);
    assert.match(second.response.headers.get('link') ?? '', /page=1[^>]*>; rel="prev"/);
    const ids = [...first.body.items, ...second.body.items].map((item) => item.id);
    assert.equal(new Set(ids).size, 10);
    const beyond = await search(`q=sejarah&per_page=100&page=${Math.ceil(first.body.total / 100) + 1}`);
    assert.deepEqual(beyond.body.items, []);
  });

  it('answers with an ETag and 304, until the catalogue changes', async () => {
    const { response } = await search('q=bumi');
    const etag = response.headers.get('etag')!;
    assert.match(etag, /^W\/".+"$/);
    assert.match(response.headers.get('cache-control') ?? '', /stale-while-revalidate=\d+/);
    const again = await get('/v1/catalog/search?q=bumi', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    const other = await search('q=bumi&per_page=3');
    assert.notEqual(other.response.headers.get('etag'), etag, 'another question, another tag');
    await addWorks('dispusip-bontang', { title: 'Bumi yang Berubah' });
    const changed = await get('/v1/catalog/search?q=bumi', { headers: { 'if-none-match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
  });

  it('counts the same after changes as a store that reads the whole catalogue afresh', async () => {
    // The server's store followed every change since it started (incremental refresh); a new store on the
    // same database reads everything at once (facet-index.ts, loadAll).
    await addWorks('pt-kaltim-amonia', { title: 'Pupuk dan Tanah Gambut', year: 2024, theme: '600', language: 'ind' });
    await addWorks('dispusip-bontang', {
      title: 'Pupuk Organik Cair',
      year: 2019,
      format: 'ebook',
      theme: '600',
      language: 'eng',
    });
    const questions = [
      { text: 'pupuk' },
      { text: 'pupuk', availableOnly: true },
      { text: 'sejarah', availableOnly: true },
      { themes: ['600' as const] },
      { libraryKinds: ['company' as const] },
      { text: 'cerita', yearFrom: 2000, formats: ['book' as const] },
    ];
    const answers = (store: typeof server.stores.catalog) =>
      Promise.all(questions.map((question) => store.search({ sort: 'relevance', offset: 0, limit: 30, ...question })));
    const followed = await answers(server.stores.catalog);
    assert.deepEqual(await answers(sqliteCatalogStore(server.db)), followed);
    assert.ok(
      followed[0]!.total >= 2 && followed[0]!.facets.library?.some((bucket) => bucket.value === 'pt-kaltim-amonia'),
      JSON.stringify(followed[0]!.facets.library),
    );
  });

  it('says how long it searched, in whole milliseconds of the search itself', async () => {
    // The search is made to look 1234 ms long by moving the clock while it runs: took_ms must report that
    // span, not zero, not the whole request's, not seconds or microseconds.
    const catalog = server.stores.catalog;
    const realSearch = catalog.search;
    const realNow = performance.now;
    let shift = 0;
    performance.now = () => realNow.call(performance) + shift;
    catalog.search = (...args: Parameters<typeof realSearch>) => {
      shift += 1234;
      return realSearch.apply(catalog, args);
    };
    const sent = realNow.call(performance);
    let body;
    try {
      ({ body } = await search('q=pen'));
    } finally {
      catalog.search = realSearch;
      performance.now = realNow;
    }
    const roundTrip = realNow.call(performance) - sent;
    assert.ok(Number.isInteger(body.took_ms), String(body.took_ms));
    assert.ok(
      body.took_ms >= 1234 && body.took_ms <= 1234 + Math.ceil(roundTrip),
      `${body.took_ms} ms, round trip ${roundTrip} ms`,
    );
  });
});

describe('GET /v1/catalog/search: validation', () => {
  it('refuses a query too long, a page too big and an unknown format, naming each field', async () => {
    await expectProblem(await get(`/v1/catalog/search?q=${'a'.repeat(201)}`), 400, 'q');
    await expectProblem(await get('/v1/catalog/search?q=a&per_page=101'), 400, 'per_page');
    await expectProblem(await get('/v1/catalog/search?format=scroll'), 400, 'format.0');
    await expectProblem(await get('/v1/catalog/search?theme=250'), 400, 'theme.0');
    await expectProblem(await get('/v1/catalog/search?language=indonesian'), 400, 'language.0');
    await expectProblem(await get('/v1/catalog/search?qq=laskar'), 400, 'qq');
  });

  it('refuses a wrong ISBN check digit, a reversed year range and a library that does not exist', async () => {
    await expectProblem(await get('/v1/catalog/search?isbn=978-979-3062-79-1'), 400, 'isbn');
    await expectProblem(await get('/v1/catalog/search?isbn=<script>'), 400, 'isbn');
    await expectProblem(await get('/v1/catalog/search?year_from=2020&year_to=2010'), 400, 'year_to');
    await expectProblem(await get('/v1/catalog/search?library=perpus-x'), 400, 'library.0');
  });
});
