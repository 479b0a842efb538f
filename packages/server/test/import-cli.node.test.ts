import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { copyDemoDatabase } from '../../../test/support/server.js';
import { pustaka } from './run-cli.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'pustaka-import-cli-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const importFile = (...args: string[]) => pustaka(['import', '--data', dataDir, ...args]);
const count = (sql: string) => {
  const db = new Database(join(dataDir, 'pustaka.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
};

// A data folder as `pustaka seed --demo` leaves it (cli.node.test.ts tests that command itself).
before(async () => {
  await copyDemoDatabase(dataDir);
});

describe('pustaka import', () => {
  it('explains itself and refuses wrong usage with exit code 2', async () => {
    const help = await pustaka(['import', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: pustaka import --library ID --format marcxml\|iso2709\|slims-csv/);
    assert.match((await pustaka(['--help'])).stdout, /import/);
    for (const [args, message] of [
      [['--format', 'marcxml', fixture('koha-items.xml')], /--library/],
      [
        ['--library', 'sman-1-bontang', '--format', 'pdf', fixture('koha-items.xml')],
        /--format must be one of marcxml, iso2709, slims-csv, not "pdf"/,
      ],
      [['--library', 'sman-1-bontang', '--format', 'marcxml'], /exactly one FILE/],
      [['--library', 'sman-1-bontang', '--format', 'marcxml', join(dataDir, 'missing.xml')], /Cannot read/],
    ] as const) {
      const result = await importFile(...args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
    }
    const unknown = await importFile('--library', 'perpus-x', '--format', 'marcxml', fixture('koha-items.xml'));
    assert.equal(unknown.code, 3);
    assert.match(unknown.stderr, /no library has the id "perpus-x"/);
  });

  it('imports a file, prints each problem and a summary, and imports it again without duplicates', async () => {
    const records = count('SELECT count(*) FROM catalog_records');
    const first = await importFile('--library', 'smpn-2-bontang', '--format', 'slims-csv', fixture('slims-export.csv'));
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /record 4 \[title\] skipped: The title is empty\./);
    assert.match(first.stdout, /record 7 \[gmd_name\] value left out: "Hologram" is not a known GMD/);
    assert.match(
      first.stdout,
      /slims-export\.csv → smpn-2-bontang: 7 records read, \d+ created, \d+ updated, 2 skipped\. Import imp_[0-9a-f]+\./,
    );
    const afterFirst = count('SELECT count(*) FROM catalog_records');
    assert.ok(afterFirst > records, 'new works were added');
    const copies = count("SELECT count(*) FROM catalog_copies WHERE library_id = 'smpn-2-bontang'");

    const again = await importFile(
      '--library',
      'smpn-2-bontang',
      '--format',
      'slims-csv',
      '--json',
      fixture('slims-export.csv'),
    );
    assert.equal(again.code, 0, again.stderr);
    const report = JSON.parse(again.stdout);
    assert.deepEqual([report.received, report.created, report.updated, report.skipped], [7, 0, 5, 2]);
    assert.equal(count('SELECT count(*) FROM catalog_records'), afterFirst);
    assert.equal(count("SELECT count(*) FROM catalog_copies WHERE library_id = 'smpn-2-bontang'"), copies);
  });

  it('draws a progress bar when asked, even when stderr is not a terminal', async () => {
    const result = await importFile(
      '--library',
      'sman-2-bontang',
      '--format',
      'marcxml',
      '--progress',
      '--quiet',
      fixture('koha-items.xml'),
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /\[#{30}\] 100%\s+2 records/);
    assert.doesNotMatch(result.stdout, /record 1 \[020\]/, '--quiet prints the summary only');
  });

  it('draws a progress bar unasked on a terminal only', async () => {
    const args = [
      'import',
      '--data',
      dataDir,
      '--library',
      'sman-2-bontang',
      '--format',
      'marcxml',
      '--quiet',
      fixture('koha-items.xml'),
    ];
    const terminal = await pustaka(args, {}, true);
    assert.equal(terminal.code, 0, terminal.stderr);
    assert.match(terminal.stderr, /\[#{30}\] 100%\s+2 records/);
    const piped = await pustaka(args, {}, false);
    assert.equal(piped.code, 0, piped.stderr);
    assert.equal(piped.stderr, '');
  });

  it('exits 1 when the file breaks off, keeping what came before', async () => {
    const broken = join(dataDir, 'broken.xml');
    const text = `<?xml version="1.0"?><collection xmlns="http://www.loc.gov/MARC21/slim">
      <record><leader>00000nam a2200000 a 4500</leader><datafield tag="245" ind1="0" ind2="0"><subfield code="a">Buku yang selamat</subfield></datafield></record>
      <record><leader>00000nam a2200000 a 4500</leader><datafield tag="245" ind1="0" ind2="0"><subfield code="a">Buku yang rusak</subfield></datafield`;
    writeFileSync(broken, text);
    const result = await importFile('--library', 'sman-2-bontang', '--format', 'marcxml', broken);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /record 2 reading stopped: The file is not well-formed XML \(line 3, column \d+/);
    assert.match(result.stdout, /1 record read, 1 created, 0 updated, 0 skipped; the file broke off/);
    assert.equal(count("SELECT count(*) FROM catalog_records WHERE title = 'Buku yang selamat'"), 1);
  });
});
