// One library's import must not deface a work the network shares (issue 11, part 3), over real HTTP.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { demoLibraries, issueCredential, openDatabase, sqliteStores } from '@pustaka/server';
import { recordColumns } from '../src/catalog/sqlite/rows.js';
import { migrations } from '../src/storage/migrations.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';

const LASKAR_ISBN = '9789793062792';

/** What a careless (or hostile) school catalogue says of Laskar Pelangi: another title, a tracking "cover". */
const defacingRecord = `<?xml version="1.0" encoding="UTF-8"?>
<collection xmlns="http://www.loc.gov/MARC21/slim">
  <record>
    <leader>00000nam a2200000 a 4500</leader>
    <datafield tag="020" ind1=" " ind2=" "><subfield code="a">${LASKAR_ISBN}</subfield></datafield>
    <datafield tag="100" ind1="0" ind2=" "><subfield code="a">Siswa Iseng</subfield></datafield>
    <datafield tag="245" ind1="1" ind2="0"><subfield code="a">Buku ini sudah diretas</subfield></datafield>
    <datafield tag="856" ind1="4" ind2="2"><subfield code="u">https://tracker.example/pixel.gif?who=reader</subfield></datafield>
    <datafield tag="952" ind1=" " ind2=" "><subfield code="a">SMAN1</subfield><subfield code="c">Rak Fiksi</subfield><subfield code="p">S0001</subfield></datafield>
  </record>
</collection>`;

let server: TestServer;
let schoolToken: string;
before(async () => {
  server = await startTestServer();
  schoolToken = (
    await issueCredential(server.stores, { kind: 'staff', libraryId: 'sman-1-bontang', label: 'test' }, 'test')
  ).key;
});
after(() => server.close());

const json = async (path: string) => {
  const response = await fetch(server.url + path, { signal: AbortSignal.timeout(10_000) });
  assert.equal(response.status, 200, path);
  return response.json();
};
const laskarIn = async (query: string) => {
  const found = await json(`/v1/catalog/search?${query}&per_page=100`);
  return found.items.find((item: { isbn?: string[] }) => item.isbn?.includes(LASKAR_ISBN));
};

describe("one library's import and the work the network shares", () => {
  it("a school's import of a work held by the city library and a university changes only its own copies", async () => {
    const before = await laskarIn(`isbn=${LASKAR_ISBN}`);
    assert.ok(before, 'the demo network holds Laskar Pelangi');
    assert.deepEqual(
      before.availability.by_library.map((entry: { library_id: string }) => entry.library_id),
      ['dispusip-bontang', 'stt-bontang'],
      'held only by the city library and a university',
    );
    const shared = await json(`/v1/catalog/records/${before.id}`);

    const response = await fetch(`${server.url}/v1/catalog/imports?library=sman-1-bontang&format=marcxml`, {
      method: 'POST',
      body: defacingRecord,
      headers: { authorization: `Bearer ${schoolToken}`, 'content-type': 'application/marcxml+xml' },
      signal: AbortSignal.timeout(20_000),
    });
    assert.equal(response.status, 200);
    const report = await response.json();
    assert.deepEqual([report.received, report.created, report.updated], [1, 0, 1]);

    const after = await json(`/v1/catalog/records/${before.id}`);
    assert.equal(after.title, 'Laskar Pelangi');
    assert.deepEqual(after.authors, shared.authors);
    assert.equal(after.cover_url, shared.cover_url, 'no cover from an outside tracker');
    assert.deepEqual(
      after.holdings.map((holding: { library: { id: string } }) => holding.library.id),
      ['dispusip-bontang', 'stt-bontang', 'sman-1-bontang'],
      "the school's own copy is listed",
    );
    for (const query of ['q=laskar', 'q=laskar&library=dispusip-bontang', 'q=laskar&library=stt-bontang']) {
      const found = await laskarIn(query);
      assert.ok(found, `a search for ${query} still finds it`);
      assert.equal(found.title, 'Laskar Pelangi', query);
      assert.equal(found.cover_url, undefined, query);
    }
    assert.ok(await laskarIn('q=laskar&library=sman-1-bontang'), "found among the school's holdings too");
    assert.equal((await json('/v1/catalog/search?q=diretas')).total, 0, "the school's title is not the shared one");
  });

  it('lets any staff see the sources, and only network staff pin one or unpin it', async () => {
    const { id } = await laskarIn(`isbn=${LASKAR_ISBN}`);
    const call = (path: string, token: string, body?: unknown) =>
      fetch(`${server.url}/v1/catalog/records/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(10_000),
      });
    const admin = server.demoCredentials.staffToken;
    const seen = await call(`${id}/sources`, schoolToken);
    assert.equal(seen.status, 200);
    const sources = await seen.json();
    assert.equal(sources.shown, 'dispusip-bontang');
    assert.deepEqual(
      sources.sources.map((source: { library_id: string }) => source.library_id),
      ['dispusip-bontang', 'stt-bontang', 'sman-1-bontang'],
    );

    const refused = await call(`${id}/sources/pin`, schoolToken, { library_id: 'sman-1-bontang' });
    assert.equal(refused.status, 403);
    assert.equal((await refused.json()).code, 'insufficient_scope');
    assert.equal((await json(`/v1/catalog/records/${id}`)).title, 'Laskar Pelangi');

    const pinned = await call(`${id}/sources/pin`, admin, { library_id: 'sman-1-bontang' });
    assert.equal(pinned.status, 200);
    assert.deepEqual([(await pinned.json()).shown], ['sman-1-bontang']);
    assert.equal((await json(`/v1/catalog/records/${id}`)).title, 'Buku ini sudah diretas', 'network staff decide');

    const unpinned = await call(`${id}/sources/pin`, admin, { library_id: null });
    assert.equal(unpinned.status, 200);
    assert.deepEqual(
      [(await unpinned.json()).pinned, (await json(`/v1/catalog/records/${id}`)).title],
      [null, 'Laskar Pelangi'],
    );

    const notHeld = await call(`${id}/sources/pin`, admin, { library_id: 'pt-kaltim-amonia' });
    assert.equal(notHeld.status, 409);
    assert.equal((await notHeld.json()).code, 'source_not_held');
    assert.equal((await call('rec_zzzzzz/sources/pin', admin, { library_id: 'stt-bontang' })).status, 404);
    assert.equal((await call('rec_zzzzzz/sources', admin)).status, 404);
  });
});

describe('migration 2026-11-29-301-catalog-sources', () => {
  it('makes each existing work the source record of every library that holds it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pustaka-sources-migration-'));
    const file = join(dir, 'pustaka.sqlite');
    try {
      // The database as the previous release left it: every migration before this one, one shared row per work.
      const old = new Database(file);
      old.exec('CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
      for (const migration of migrations.filter((entry) => entry.id < '2026-11-29-301')) {
        old.exec(migration.sql);
        old.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(migration.id, '2026-11-28T00:00:00Z');
      }
      const insertLibrary = old.prepare(
        `INSERT INTO libraries (id, name, kind, address, opening_hours, contact) VALUES (?, ?, ?, '{}', '[]', '{}')`,
      );
      for (const library of demoLibraries) insertLibrary.run(library.id, library.name, library.kind);
      const laskar = {
        title: 'Laskar Pelangi',
        authors: ['Andrea Hirata'],
        subjects: ['Novel'],
        isbns: [LASKAR_ISBN],
        year: 2005,
        format: 'book' as const,
        language: 'ind',
      };
      const id = Number(
        old
          .prepare(
            `INSERT INTO catalog_records (title, authors, subjects, isbns, year, format, language, match_key, title_key,
               content_hash, change_seq) VALUES (@title, @authors, @subjects, @isbns, @year, @format, @language,
               @match_key, @title_key, @content_hash, 1)`,
          )
          .run(recordColumns(laskar)).lastInsertRowid,
      );
      old.prepare('INSERT INTO catalog_isbns VALUES (?, ?)').run(LASKAR_ISBN, id);
      for (const library of ['dispusip-bontang', 'stt-bontang'])
        old.prepare('INSERT INTO catalog_holdings VALUES (?, ?, 1, 1, 7)').run(id, library);
      old.close();

      const db = openDatabase(file);
      try {
        const stores = sqliteStores(db);
        const recordId = `rec_${id.toString(36)}`;
        const sources = await stores.catalog.sources(recordId);
        assert.deepEqual(sources, {
          shown: 'dispusip-bontang',
          pinned: null,
          sources: ['dispusip-bontang', 'stt-bontang'].map((libraryId) => ({
            libraryId,
            title: 'Laskar Pelangi',
            completeness: 6,
          })),
        });
        const run = await stores.catalog.beginRun();
        await run.saveBatch([
          { libraryId: 'sman-1-bontang', record: { ...laskar, title: 'Laskar', subjects: [] }, copies: [] },
        ]);
        assert.equal((await stores.catalog.get(recordId))!.title, 'Laskar Pelangi');
        assert.deepEqual((await stores.catalog.get(recordId))!.subjects, ['Novel']);
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
