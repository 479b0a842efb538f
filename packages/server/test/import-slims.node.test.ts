import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { multiValues } from '../src/catalog/import/slims-mapping.js';
import { copiesOf, emptyCatalogue, importBytes } from './import-support.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('SLiMS CSV import', () => {
  it('reads a SLiMS export: several authors, topics and items in one cell, forgiving its unescaped quotes', async () => {
    const catalogue = await emptyCatalogue();
    try {
      const report = await importBytes(catalogue.stores, 'smpn-1-bontang', 'slims-csv', fixture('slims-export.csv'));
      assert.deepEqual(
        [report.received, report.created, report.updated, report.skipped, report.complete],
        [7, 5, 0, 2, true],
      );
      const laskar = (
        await catalogue.stores.catalog.search({ isbn: '9789793062792', sort: 'relevance', offset: 0, limit: 1 })
      ).items[0]!;
      const record = (await catalogue.stores.catalog.get(laskar.id))!;
      assert.equal(record.title, 'Laskar pelangi');
      assert.deepEqual(record.authors, ['Hirata, Andrea']);
      assert.deepEqual(record.subjects, ['Fiksi Indonesia', 'Novel']);
      assert.equal(record.year, 2005);
      assert.equal(record.language, 'ind');
      assert.equal(record.edition, 'Cet. 1');
      assert.deepEqual(record.theme, { code: '800', label: 'Kesusastraan' });
      assert.equal(record.cover_url, undefined, 'a bare SLiMS image file name is no address');
      assert.deepEqual(record.holdings, [
        {
          libraryId: 'smpn-1-bontang',
          copies: Array.from({ length: 3 }, () => ({ call_number: '899.221 3 HIR l', status: 'available' })),
        },
      ]);

      const senja = (await catalogue.stores.catalog.search({ title: 'senja', sort: 'relevance', offset: 0, limit: 1 }))
        .items[0]!;
      const senjaRecord = (await catalogue.stores.catalog.get(senja.id))!;
      assert.equal(senjaRecord.title, 'Kumpulan cerpen "Senja" pilihan');
      assert.equal(senjaRecord.year, 2010);
      assert.equal(senjaRecord.notes, 'Catatan pertama.\nCatatan kedua di baris baru.');
      const atlas = (await catalogue.stores.catalog.search({ text: 'atlas', sort: 'relevance', offset: 0, limit: 1 }))
        .items[0]!;
      assert.equal(atlas.format, 'map');
      const ensiklopedia = (await catalogue.stores.catalog.get(
        (await catalogue.stores.catalog.search({ text: 'ensiklopedia', sort: 'relevance', offset: 0, limit: 1 }))
          .items[0]!.id,
      ))!;
      assert.equal(ensiklopedia.cover_url, 'https://covers.example/ensiklopedia.jpg');
      assert.deepEqual(ensiklopedia.theme, { code: '200', label: 'Agama' });
      assert.equal(ensiklopedia.isbn, undefined);
    } finally {
      catalogue.close();
    }
  });

  it('reports per record what was skipped or left out, and why', async () => {
    const catalogue = await emptyCatalogue();
    try {
      const report = await importBytes(catalogue.stores, 'smpn-1-bontang', 'slims-csv', fixture('slims-export.csv'));
      const problems = report.problems.map((problem) => `${problem.record} ${problem.field ?? '-'} ${problem.outcome}`);
      assert.deepEqual(problems, [
        '3 isbn_issn value_ignored',
        '4 title record_skipped',
        '5 - record_skipped',
        '7 gmd_name value_ignored',
        '7 publish_year value_ignored',
        '7 language_name value_ignored',
      ]);
      assert.match(report.problems[0]!.reason, /check digit/);
      assert.match(report.problems[2]!.reason, /Line 7: The row has 19 values where the file has 18 columns/);
      assert.match(report.problems[3]!.reason, /"Hologram" is not a known GMD; the record was filed as a book/);
      const hologram = (
        await catalogue.stores.catalog.search({ text: 'hologram', sort: 'relevance', offset: 0, limit: 1 })
      ).items[0]!;
      assert.deepEqual(
        hologram.authors,
        ['Budi Santoso'],
        'the statement of responsibility stands in for missing authors',
      );
    } finally {
      catalogue.close();
    }
  });

  it('importing the same file again updates, it does not duplicate records or copies', async () => {
    const catalogue = await emptyCatalogue();
    try {
      await importBytes(catalogue.stores, 'smpn-1-bontang', 'slims-csv', fixture('slims-export.csv'));
      const count = await catalogue.stores.catalog.count();
      const copies = copiesOf(catalogue.db, 'smpn-1-bontang');
      const again = await importBytes(catalogue.stores, 'smpn-1-bontang', 'slims-csv', fixture('slims-export.csv'));
      assert.deepEqual([again.created, again.updated], [0, 5]);
      assert.equal(await catalogue.stores.catalog.count(), count);
      assert.equal(copiesOf(catalogue.db, 'smpn-1-bontang'), copies);
    } finally {
      catalogue.close();
    }
  });

  it('a file in Windows-1252: the rows with other bytes are skipped naming the column, the others imported', async () => {
    const catalogue = await emptyCatalogue();
    try {
      const report = await importBytes(
        catalogue.stores,
        'smpn-1-bontang',
        'slims-csv',
        fixture('slims-windows-1252.csv'),
      );
      assert.deepEqual([report.received, report.created, report.skipped], [3, 1, 2]);
      for (const problem of report.problems) {
        assert.equal(problem.field, 'title');
        assert.match(problem.reason, /not valid UTF-8.*save or export it as UTF-8/);
      }
    } finally {
      catalogue.close();
    }
  });

  it('a file without the header row, with semicolons and CR line ends', async () => {
    const catalogue = await emptyCatalogue();
    try {
      const report = await importBytes(
        catalogue.stores,
        'smpn-1-bontang',
        'slims-csv',
        fixture('slims-no-header.csv'),
        13,
      );
      assert.deepEqual([report.received, report.created, report.complete], [2, 2, true]);
      const tafsir = (
        await catalogue.stores.catalog.search({ text: 'tafsir juz', sort: 'relevance', offset: 0, limit: 1 })
      ).items[0]!;
      assert.equal(tafsir.language, 'ara');
      assert.equal(tafsir.theme?.code, '200');
    } finally {
      catalogue.close();
    }
  });

  it('a quoted value never closed: the rows before it are kept, the break is reported', async () => {
    const catalogue = await emptyCatalogue();
    try {
      const text = fixture('slims-export.csv').toString('utf8');
      const lastLine = text.split('\n').length;
      const report = await importBytes(
        catalogue.stores,
        'smpn-1-bontang',
        'slims-csv',
        `${text}"Buku yang terpotong, "Text\n`,
      );
      assert.equal(report.complete, false);
      assert.equal(report.created, 5, 'every good row before the break');
      assert.match(
        report.problems.at(-1)!.reason,
        new RegExp(`quoted value that starts on line ${lastLine} is never closed`),
      );
    } finally {
      catalogue.close();
    }
  });

  it('splits SLiMS multi-value cells', () => {
    assert.deepEqual(multiValues('<Hirata, Andrea><Editor, Some>'), ['Hirata, Andrea', 'Editor, Some']);
    assert.deepEqual(multiValues('Hirata, Andrea'), ['Hirata, Andrea']);
    assert.deepEqual(multiValues('Fiksi; Novel ;'), ['Fiksi', 'Novel']);
    assert.deepEqual(multiValues('  '), []);
  });
});
