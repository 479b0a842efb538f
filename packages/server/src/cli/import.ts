import { createReadStream, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importFormatValues } from '@pustaka/spec/values';
import { importCatalogFile } from '../catalog/import/import-file.js';
import { StorageFailure } from '../catalog/import/storage-failure.js';
import type { ImportFormat, ImportProblem } from '../catalog/model.js';
import { databaseFile } from '../server.js';
import { openDatabase } from '../storage/database.js';
import { sqliteStores } from '../storage/stores.js';
import { EXIT_FAILED, EXIT_NOT_FOUND, EXIT_OK, UsageError, type Command } from './command.js';
import { coverOriginsOption } from './options.js';
import { coverTrust } from '../catalog/source-records.js';
import { progressBar } from './progress.js';

const importFormats: readonly ImportFormat[] = importFormatValues;

const describe = (problem: ImportProblem) => {
  const what = { record_skipped: 'skipped', value_ignored: 'value left out', file_stopped: 'reading stopped' }[
    problem.outcome
  ];
  return `record ${problem.record}${problem.field ? ` [${problem.field}]` : ''} ${what}: ${problem.reason}`;
};

export const importCommand: Command = {
  name: 'import',
  summary: "Import a library's catalogue file (MARCXML, ISO 2709 or SLiMS CSV) into the union catalogue.",
  usage: `pustaka import --library ID --format marcxml|iso2709|slims-csv [options] FILE

  Reads FILE as it streams (any size) and adds the library's holdings to the union catalogue. Works are
  matched by ISBN, then by title, first author and year: importing the same file again updates instead of
  duplicating. Each record that cannot be imported is reported with its number, field and reason; the
  others are imported. Exit code 1 when the file breaks off before its end (the records before it stay), 3 for
  an unknown library.

  --library ID     The library whose holdings the file lists (ids: GET /v1/libraries).
  --format FORMAT  marcxml, iso2709 (MARC21 .mrc) or slims-csv (SLiMS bibliographic export).
  --data DIR       Folder of the SQLite database (default: $PUSTAKA_DATA or ./data).
  --json           Print the import report as JSON instead of lines.
  --progress       Draw the progress bar even when stderr is not a terminal.
  --quiet          Print the summary only, not every problem.

  Cover images are kept only from the origins in $PUSTAKA_COVER_ORIGINS (what \`pustaka start\` trusts).`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        library: { type: 'string' },
        format: { type: 'string' },
        data: { type: 'string' },
        json: { type: 'boolean', default: false },
        progress: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    if (!values.library) throw new UsageError('Say which library the file belongs to: --library ID.');
    if (!values.format || !importFormats.includes(values.format as ImportFormat)) {
      throw new UsageError(
        `--format must be one of ${importFormats.join(', ')}${values.format ? `, not "${values.format}"` : ''}.`,
      );
    }
    if (positionals.length !== 1) throw new UsageError('Give exactly one FILE to import.');
    const file = positionals[0]!;
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      throw new UsageError(`Cannot read "${file}".`);
    }

    const dataDir = values.data ?? io.env.PUSTAKA_DATA ?? 'data';
    const db = openDatabase(databaseFile(dataDir));
    // A bulk load touches indexes all over: a 32 MB page cache (default 2 MB) saves most of the reads.
    db.pragma('cache_size = -32768');
    try {
      // The server's cover allow-list, so that a file imported here keeps the covers the server shows.
      const stores = sqliteStores(db, { coverTrust: coverTrust(coverOriginsOption(io.env.PUSTAKA_COVER_ORIGINS)) });
      if (!(await stores.libraries.exists(values.library))) {
        io.err(`pustaka import: no library has the id "${values.library}" in ${databaseFile(dataDir)}.`);
        return EXIT_NOT_FOUND;
      }
      const showBar = values.progress || (io.errIsTerminal && !values.json);
      const bar = showBar ? progressBar(io.errText, size) : undefined;
      let report;
      try {
        report = await importCatalogFile({
          catalog: stores.catalog,
          libraryId: values.library,
          format: values.format as ImportFormat,
          source: createReadStream(file, { highWaterMark: 256 * 1024 }),
          // Nobody waits on this process between batches: larger transactions, fewer commits.
          batchSize: 2000,
          batchChars: 8_000_000,
          // Nothing else runs on this process's thread: the largest transactions are the fastest.
          writeMs: Infinity,
          onProgress: ({ bytes, records }) => bar?.update(bytes, records),
          onProblem: (problem) => {
            if (values.json || values.quiet) return;
            // Clear the bar's line first, so problems and the bar do not share a line.
            if (bar) io.errText('\r\x1b[K');
            io.out(describe(problem));
          },
        });
      } catch (error) {
        if (!(error instanceof StorageFailure)) throw error;
        // The disk is full or the database cannot be written: the report holds what was saved before.
        bar?.finish(size, error.report.received);
        if (values.json) io.out(JSON.stringify(error.report, null, 2));
        io.err(
          `pustaka import: the database could not store more (${error.message}); ${error.report.created + error.report.updated} records were saved before it. Make room and import the file again.`,
        );
        return EXIT_FAILED;
      }
      bar?.finish(size, report.received);
      if (values.json) io.out(JSON.stringify(report, null, 2));
      else {
        io.out(
          `${file} → ${values.library}: ${report.received} record${report.received === 1 ? '' : 's'} read, ${report.created} created, ` +
            `${report.updated} updated, ${report.skipped} skipped${report.complete ? '' : '; the file broke off (see above)'}. ` +
            `Import ${report.id}.`,
        );
      }
      return report.complete ? EXIT_OK : EXIT_FAILED;
    } finally {
      db.close();
    }
  },
};
