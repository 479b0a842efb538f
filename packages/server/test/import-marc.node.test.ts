import assert from 'node:assert/strict';
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { AlephSequential, ISO2709, MARCXML, type NatlibfiRecord } from '@natlibfi/marc-record-serializers';
import { parseIsbn } from '../src/catalog/isbn.js';
import { fold } from '../src/catalog/text.js';
import { copiesOf, emptyCatalogue, importBytes, natlibfi, natlibfiFixtures } from './import-support.js';

// assert.ok always with a message: without one node:assert re-reads the source through tsx, for minutes.

/** The 100 records of natlibfi's Aleph sequential load test, read by natlibfi's own reader. */
let realRecords: NatlibfiRecord[];
before(async () => {
  realRecords = await new Promise((resolve, reject) => {
    const records: NatlibfiRecord[] = [];
    AlephSequential.reader(createReadStream(join(natlibfiFixtures, 'aleph-sequential/load-test')), {
      subfieldValues: false,
    })
      .on('data', (record: NatlibfiRecord) => records.push(record))
      .on('end', () => resolve(records))
      .on('error', reject);
  });
});

const subfieldOf = (record: NatlibfiRecord, tag: string, code: string) =>
  record
    .get(new RegExp(`^${tag}$`))
    .flatMap((field) => field.subfields ?? [])
    .filter((sub) => sub.code === code)
    .map((sub) => sub.value);
const withoutIsbd = (value: string) => value.replace(/[\s/:;,.=]+$/, '');
const marcXmlCollection = (records: NatlibfiRecord[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">${records.map((record) => MARCXML.to(record, { omitDeclaration: true })).join('\n')}</collection>`;

/** What every real record must have become, checked against natlibfi's reading of the same record. */
async function expectImportedAsNatlibfiReadThem(serialized: Buffer, format: 'marcxml' | 'iso2709') {
  const catalogue = await emptyCatalogue();
  try {
    const report = await importBytes(catalogue.stores, 'dispusip-bontang', format, serialized);
    const withoutTitle = realRecords.filter((record) => subfieldOf(record, '245', 'a').length === 0);
    assert.equal(report.complete, true);
    assert.equal(report.received, realRecords.length);
    assert.equal(report.skipped, withoutTitle.length);
    assert.equal(report.created + report.updated, realRecords.length - withoutTitle.length);
    for (const problem of report.problems.filter((entry) => entry.outcome === 'record_skipped')) {
      assert.equal(problem.field, '245');
    }
    for (const record of realRecords) {
      const title = subfieldOf(record, '245', 'a')[0];
      if (!title) continue;
      const isbns = subfieldOf(record, '020', 'a')
        .map(parseIsbn)
        .flatMap((parsed) => ('isbn13' in parsed ? [parsed.isbn13] : []));
      const query = isbns.length ? { isbn: isbns[0] } : { title: withoutIsbd(title) };
      const found = await catalogue.stores.catalog.search({ ...query, sort: 'relevance', offset: 0, limit: 100 });
      const ours = found.items.find((item) => fold(item.title).startsWith(fold(withoutIsbd(title))));
      assert.ok(ours, `record with title "${title}" was imported`);
      const authors = [...subfieldOf(record, '100', 'a'), ...subfieldOf(record, '700', 'a')].map(withoutIsbd);
      for (const author of authors) {
        assert.ok(
          ours.authors.some((name) => fold(name).startsWith(fold(author))),
          `${title}: author ${author} in ${ours.authors.join('; ')}`,
        );
      }
      for (const isbn of isbns) assert.ok(ours.isbn?.includes(isbn), `${title}: ISBN ${isbn}`);
    }
  } finally {
    catalogue.close();
  }
}

describe('importing the MARC21 records of @natlibfi/marc-record-serializers', () => {
  it('reads 100 real records written as MARCXML by natlibfi, as natlibfi reads them', async () => {
    assert.equal(realRecords.length, 100);
    await expectImportedAsNatlibfiReadThem(Buffer.from(marcXmlCollection(realRecords)), 'marcxml');
  });

  it('reads the same 100 records written as ISO 2709 by natlibfi', async () => {
    await expectImportedAsNatlibfiReadThem(
      Buffer.from(realRecords.map((record) => ISO2709.to(record)).join('')),
      'iso2709',
    );
  });

  it("reads natlibfi's own MARCXML and ISO 2709 fixture files: namespaces, prefixes, indentation, no declaration", async () => {
    const files: [string, 'marcxml' | 'iso2709', number][] = [
      ['marcxml/from1', 'marcxml', 1],
      ['marcxml/2RecordsFrom1', 'marcxml', 2],
      ['marcxml/from-namespace-xml1', 'marcxml', 1],
      ['marcxml/to-indent', 'marcxml', 1],
      ['marcxml/to-no-xml-decl', 'marcxml', 1],
      ['iso2709/from1', 'iso2709', 1],
      ['iso2709/from2', 'iso2709', 1],
      ['iso2709/from3', 'iso2709', 1],
    ];
    for (const [file, format, records] of files) {
      const catalogue = await emptyCatalogue();
      try {
        const report = await importBytes(catalogue.stores, 'dispusip-bontang', format, natlibfi(file));
        assert.equal(report.complete, true, file);
        assert.equal(report.received, records, file);
        assert.equal(report.created, records, file);
      } finally {
        catalogue.close();
      }
    }
  });

  it('maps the fields of a real record: title, subtitle, authors, ISBN, year, language, format', async () => {
    const catalogue = await emptyCatalogue();
    try {
      await importBytes(catalogue.stores, 'dispusip-bontang', 'marcxml', natlibfi('marcxml/from-namespace-xml1'));
      const [summary] = (await catalogue.stores.catalog.search({ sort: 'relevance', offset: 0, limit: 1 })).items;
      const record = (await catalogue.stores.catalog.get(summary!.id))!;
      assert.equal(record.title, 'The hobbit or There and back again');
      assert.equal(record.authors[0], 'Tolkien, J. R. R., 1892-1973');
      assert.deepEqual(record.isbn, ['9780008376116']);
      assert.equal(record.year, 2020);
      assert.equal(record.language, 'eng');
      assert.equal(record.format, 'book');
      assert.deepEqual(
        record.holdings,
        [{ libraryId: 'dispusip-bontang', copies: [] }],
        'listed, with no item data in the file',
      );
    } finally {
      catalogue.close();
    }
  });
});

describe('importing Koha items (952) and MARC holdings (852)', () => {
  const kohaFile = readFileSync(new URL('./fixtures/koha-items.xml', import.meta.url));

  it('turns items into copies with location, call number, loans and reference-only', async () => {
    const catalogue = await emptyCatalogue();
    try {
      const report = await importBytes(catalogue.stores, 'sman-1-bontang', 'marcxml', kohaFile);
      assert.equal(report.created, 2);
      const found = await catalogue.stores.catalog.search({ text: 'fiqih', sort: 'relevance', offset: 0, limit: 5 });
      const record = (await catalogue.stores.catalog.get(found.items[0]!.id))!;
      assert.equal(record.classification, '2X4.1');
      assert.deepEqual(record.theme, { code: '200', label: 'Agama' });
      assert.deepEqual(record.subjects, ['Fiqih -- Ibadah', 'Shalat']);
      assert.deepEqual(record.holdings[0]!.copies, [
        { location: 'Rak Agama', call_number: '2X4.1 SYA f', status: 'available' },
        { location: 'Rak Agama', call_number: '2X4.1 SYA f', status: 'on_loan', due_date: '2026-12-02' },
        { location: 'Ruang Referensi', call_number: 'R 2X4.1 SYA f', status: 'reference_only' },
        { location: 'Rak Agama', call_number: '2X4.1 SYA f', status: 'unavailable' },
      ]);
      assert.deepEqual(found.items[0]!.availability.by_library, [
        { library_id: 'sman-1-bontang', copies: 4, available: 1 },
      ]);
    } finally {
      catalogue.close();
    }
  });

  it('updates on re-import instead of duplicating, and one ISBN from two libraries is one work', async () => {
    const catalogue = await emptyCatalogue();
    try {
      await importBytes(catalogue.stores, 'sman-1-bontang', 'marcxml', kohaFile);
      const again = await importBytes(catalogue.stores, 'sman-1-bontang', 'marcxml', kohaFile);
      assert.deepEqual([again.created, again.updated], [0, 2]);
      assert.equal(await catalogue.stores.catalog.count(), 2);
      assert.equal(copiesOf(catalogue.db, 'sman-1-bontang'), 5);
      // The city library has the same book, with its ISBN-10, in ISO 2709.
      const fromCity = await importBytes(
        catalogue.stores,
        'dispusip-bontang',
        'marcxml',
        kohaFile
          .toString('utf8')
          .replace('978-602-8851-42-8', '602885142-6')
          .replace(/<datafield tag="952"[\s\S]*?<\/datafield>/g, ''),
      );
      assert.deepEqual([fromCity.created, fromCity.updated], [0, 2]);
      assert.equal(await catalogue.stores.catalog.count(), 2);
      const [work] = (
        await catalogue.stores.catalog.search({ isbn: '9786028851428', sort: 'relevance', offset: 0, limit: 1 })
      ).items;
      assert.deepEqual(work!.availability.by_library.map((library) => library.library_id).sort(), [
        'dispusip-bontang',
        'sman-1-bontang',
      ]);
    } finally {
      catalogue.close();
    }
  });
});

describe('broken MARC files', () => {
  const three = () => Buffer.concat(realRecords.slice(0, 3).map((record) => Buffer.from(ISO2709.to(record))));

  it('an ISO 2709 file cut short: the records before the cut are kept, the cut is reported', async () => {
    const catalogue = await emptyCatalogue();
    try {
      const file = three();
      const report = await importBytes(
        catalogue.stores,
        'dispusip-bontang',
        'iso2709',
        file.subarray(0, file.length - 200),
      );
      assert.equal(report.complete, false);
      assert.equal(report.created, 2);
      const last = report.problems.at(-1)!;
      assert.deepEqual([last.record, last.outcome], [3, 'file_stopped']);
      assert.match(last.reason, /ends inside record 3.*cut short/);
    } finally {
      catalogue.close();
    }
  });

  it('a broken ISO 2709 record in the middle is skipped with its reason, the next one is read', async () => {
    const catalogue = await emptyCatalogue();
    try {
      const file = three();
      const second = Buffer.from(ISO2709.to(realRecords[0]!)).length;
      file.write('XXXXX', second, 'latin1'); // the second record's length is no number
      const third = second + Buffer.from(ISO2709.to(realRecords[1]!)).length;
      file.write('ABCDE', third + 12, 'latin1'); // the third record's base address of data is no number
      const report = await importBytes(catalogue.stores, 'dispusip-bontang', 'iso2709', file);
      assert.equal(report.complete, true);
      assert.equal(report.received, 3);
      assert.equal(report.created, 1);
      assert.deepEqual(
        report.problems.map((problem) => [problem.record, problem.outcome]),
        [
          [2, 'record_skipped'],
          [3, 'record_skipped'],
        ],
      );
      assert.match(report.problems[0]!.reason, /does not start with a MARC leader/);
      assert.match(report.problems[1]!.reason, /base address/);
    } finally {
      catalogue.close();
    }
  });

  it('a file that is not ISO 2709 at all', async () => {
    const catalogue = await emptyCatalogue();
    try {
      const report = await importBytes(catalogue.stores, 'dispusip-bontang', 'iso2709', natlibfi('iso2709/erroneous'));
      assert.equal(report.complete, false);
      assert.match(report.problems[0]!.reason, /not ISO 2709/);
    } finally {
      catalogue.close();
    }
  });

  it('XML that is not well-formed stops with the line and column, keeping the records before', async () => {
    const catalogue = await emptyCatalogue();
    try {
      const erroneous = await importBytes(
        catalogue.stores,
        'dispusip-bontang',
        'marcxml',
        natlibfi('marcxml/erroneous'),
      );
      assert.equal(erroneous.complete, false);
      assert.equal(erroneous.created, 0);
      assert.match(erroneous.problems[0]!.reason, /not well-formed XML \(line \d+, column \d+: .+\)/);
      const good = marcXmlCollection(realRecords.slice(0, 5));
      const third = good.indexOf('<record', good.indexOf('<record', good.indexOf('<record') + 1) + 1);
      const cut = good.slice(0, third + 60);
      const report = await importBytes(catalogue.stores, 'dispusip-bontang', 'marcxml', cut);
      assert.equal(report.complete, false);
      assert.equal(report.created, 2);
      assert.equal(report.problems.at(-1)!.record, 3);
    } finally {
      catalogue.close();
    }
  });

  it('the wrong encoding: Latin-1 bytes in a file that says UTF-8 are refused clearly, a declared ISO-8859-1 is read', async () => {
    const catalogue = await emptyCatalogue();
    try {
      // Records whose letters all exist in Latin-1 (some carry combining marks, which Latin-1 has not).
      const latinOnly = realRecords.filter((record) =>
        [...MARCXML.to(record).normalize('NFC')].every((c) => c.charCodeAt(0) < 256),
      );
      const utf8 = marcXmlCollection(latinOnly.slice(0, 3)).normalize('NFC');
      assert.match(utf8, /[äöå]/, 'Finnish records have letters outside ASCII');
      const latin1 = Buffer.from(utf8, 'latin1');
      const refused = await importBytes(catalogue.stores, 'dispusip-bontang', 'marcxml', latin1);
      assert.equal(refused.complete, false);
      assert.match(refused.problems.at(-1)!.reason, /not valid UTF-8.*another encoding/);
      const declared = Buffer.from(utf8.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1');
      const read = await importBytes(catalogue.stores, 'dispusip-bontang', 'marcxml', declared);
      assert.equal(read.complete, true);
      assert.equal(read.created, 3);
      const titles = (await catalogue.stores.catalog.search({ sort: 'title', offset: 0, limit: 3 })).items.map(
        (item) => item.title,
      );
      assert.ok(
        titles.some((title) => /[äöå]/.test(title)),
        titles.join(' | '),
      );

      const iso = Buffer.from(ISO2709.to(realRecords[0]!), 'latin1');
      const isoReport = await importBytes(catalogue.stores, 'dispusip-bontang', 'iso2709', iso);
      assert.equal(isoReport.skipped, 1);
      assert.match(isoReport.problems[0]!.reason, /UTF-8 \(leader\/09 = a\) but byte \d+ is not valid UTF-8/);
    } finally {
      catalogue.close();
    }
  });
});
