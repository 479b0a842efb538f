import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../../../test/support/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

// assert.ok always with a message: without one node:assert re-reads the source through tsx, for minutes.
const get = (path: string, init?: RequestInit) =>
  fetch(server.url + path, { signal: AbortSignal.timeout(10_000), ...init });
const json = async (path: string) => {
  const response = await get(path);
  assert.equal(response.status, 200, path);
  return response.json();
};

async function recordOf(title: string) {
  const found = await json(`/v1/catalog/search?title=${encodeURIComponent(title)}`);
  const item = found.items.find((candidate: { title: string }) => candidate.title === title);
  assert.ok(item, `"${title}" is in the demo catalogue`);
  return { summary: item, record: await json(`/v1/catalog/records/${item.id}`) };
}

describe('GET /v1/catalog/records/{id}', () => {
  it('answers the full record with its holdings, grouped by library with address and hours', async () => {
    const { summary, record } = await recordOf('Laskar Pelangi');
    assert.equal(record.id, summary.id);
    assert.deepEqual(record.authors, ['Andrea Hirata']);
    assert.deepEqual(record.isbn, ['9789793062792']);
    assert.deepEqual(record.theme, { code: '800', label: 'Kesusastraan' });
    assert.equal(record.classification, '899.221 3');
    assert.ok(record.holdings.length >= 1, 'held somewhere');
    const libraries = (await json('/v1/libraries?per_page=100')).items;
    for (const holding of record.holdings) {
      const library = libraries.find((candidate: { id: string }) => candidate.id === holding.library.id);
      assert.equal(holding.library.name, library.name);
      assert.deepEqual(holding.library.address, library.address);
      assert.deepEqual(holding.library.opening_hours, library.opening_hours);
      assert.ok(holding.copies.length > 0, `${library.id} lists its copies`);
      const counted = record.availability.by_library.find(
        (entry: { library_id: string }) => entry.library_id === library.id,
      );
      assert.equal(counted.copies, holding.copies.length);
      assert.equal(
        counted.available,
        holding.copies.filter((copy: { status: string }) => copy.status === 'available').length,
      );
    }
    // The summary in search results and the record agree.
    assert.deepEqual(record.availability, summary.availability);
  });

  it('tells copies on loan with their due date, and reference-only copies', async () => {
    const { record } = await recordOf('Laskar Pelangi');
    const copies = record.holdings.flatMap((holding: { copies: unknown[] }) => holding.copies);
    const onLoan = copies.filter((copy: { status: string }) => copy.status === 'on_loan');
    assert.ok(onLoan.length > 0, 'the demo lends one copy out');
    for (const copy of onLoan) assert.match(copy.due_date, /^\d{4}-\d{2}-\d{2}$/);
    const atlases = await json('/v1/catalog/search?q=atlas&format=map&per_page=1');
    const atlas = await json(`/v1/catalog/records/${atlases.items[0].id}`);
    const statuses = atlas.holdings.flatMap((holding: { copies: { status: string }[] }) =>
      holding.copies.map((copy) => copy.status),
    );
    assert.deepEqual([...new Set(statuses)], ['reference_only'], 'atlases stay in the library');
  });

  it('caches with an ETag and answers 304', async () => {
    const { summary } = await recordOf('Bumi Manusia');
    const first = await get(`/v1/catalog/records/${summary.id}`);
    const etag = first.headers.get('etag')!;
    assert.match(first.headers.get('cache-control') ?? '', /stale-while-revalidate/);
    assert.equal((await get(`/v1/catalog/records/${summary.id}`, { headers: { 'if-none-match': etag } })).status, 304);
  });

  it('answers 404 for a record that does not exist and 400 for a malformed id', async () => {
    const missing = await get('/v1/catalog/records/rec_zzzzzzzz');
    assert.equal(missing.status, 404);
    assert.equal((await missing.json()).code, 'not_found');
    const malformed = await get('/v1/catalog/records/1%20OR%201');
    assert.equal(malformed.status, 400);
    assert.equal((await malformed.json()).errors[0].field, 'recordId');
  });
});

describe('GET /v1/catalog/suggestions', () => {
  it('suggests titles that start with what was typed, shortest first', async () => {
    const { items } = await json('/v1/catalog/suggestions?q=bumi');
    const titles = items
      .filter((item: { kind: string }) => item.kind === 'title')
      .map((item: { text: string }) => item.text);
    assert.equal(titles[0], 'Bumi');
    assert.ok(titles.includes('Bumi Manusia'), titles.join(', '));
    for (const item of items.filter((entry: { kind: string }) => entry.kind === 'title'))
      assert.match(item.record_id, /^rec_/);
    assert.equal(new Set(titles).size, titles.length, 'no title twice');
  });

  it('suggests authors from a prefix of any of their names', async () => {
    const { items } = await json('/v1/catalog/suggestions?q=hira');
    assert.deepEqual(
      items.filter((item: { kind: string }) => item.kind === 'author'),
      [{ kind: 'author', text: 'Andrea Hirata' }],
    );
    const pram = await json('/v1/catalog/suggestions?q=pramoedya%20an');
    assert.ok(
      pram.items.some((item: { text: string }) => item.text === 'Pramoedya Ananta Toer'),
      JSON.stringify(pram.items),
    );
  });

  it('answers at most `limit` suggestions, and refuses an empty or missing q', async () => {
    const { items } = await json('/v1/catalog/suggestions?q=se&limit=3');
    assert.equal(items.length, 3);
    assert.equal((await get('/v1/catalog/suggestions')).status, 400);
    assert.equal((await get('/v1/catalog/suggestions?q=')).status, 400);
    assert.equal((await get('/v1/catalog/suggestions?q=a&limit=21')).status, 400);
    assert.match(
      (await get('/v1/catalog/suggestions?q=bumi')).headers.get('cache-control') ?? '',
      /stale-while-revalidate/,
    );
  });
});

describe('the demo union catalogue', () => {
  it('holds thousands of works in Indonesian and English, of every theme, spread over the network', async () => {
    const all = await json('/v1/catalog/search?per_page=1');
    assert.ok(all.total >= 3000, `${all.total} works`);
    const languages = all.facets.language.map((bucket: { value: string }) => bucket.value);
    assert.ok(languages.includes('ind') && languages.includes('eng'), languages.join(', '));
    assert.equal(all.facets.theme.length, 10, 'every DDC main class');
    const libraries = (await json('/v1/libraries?per_page=100')).items.map((library: { id: string }) => library.id);
    const holding = all.facets.library.map((bucket: { value: string }) => bucket.value);
    assert.deepEqual([...holding].sort(), [...libraries].sort(), 'every library holds part of it');
    assert.ok(all.facets.format.length >= 6, 'books and other formats');
    const onLoan = await json('/v1/catalog/search?per_page=1&available=true');
    assert.ok(onLoan.total < all.total, 'some works have every copy out');
  });
});
