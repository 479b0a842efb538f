import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { memberTypeValues } from '@pustaka/spec/values';
import { importSlimsMembers, type MemberImportProblem } from '../membership/import-members.js';
import { loadMembershipKey, MembershipKeyError } from '../membership/key.js';
import type { MemberType } from '../membership/model.js';
import { databaseFile } from '../server.js';
import { openDatabase } from '../storage/database.js';
import { sqliteStores } from '../storage/stores.js';
import { EXIT_FAILED, EXIT_OK, UsageError, type Command } from './command.js';
import { progressBar } from './progress.js';

const describe = (problem: MemberImportProblem) =>
  `record ${problem.record}${problem.column ? ` [${problem.column}]` : ''} ${
    problem.outcome === 'record_skipped' ? 'skipped' : 'value left out'
  }: ${problem.reason}`;

/** `1=pelajar,2=guru_dosen`: SLiMS member type ids or names to Pustaka's member types. */
function parseTypeMap(text: string | undefined): Record<string, MemberType> {
  const map: Record<string, MemberType> = {};
  for (const entry of (text ?? '').split(',').filter((part) => part.trim())) {
    const [from, to] = entry.split('=').map((part) => part.trim());
    if (!from || !to || !(memberTypeValues as readonly string[]).includes(to)) {
      throw new UsageError(`--type-map: "${entry}" is not ID=TYPE with TYPE one of ${memberTypeValues.join(', ')}.`);
    }
    map[from.toLowerCase()] = to as MemberType;
  }
  return map;
}

export const importMembersCommand: Command = {
  name: 'import-members',
  summary: "Import a library's existing members (SLiMS member export), NIKs encrypted on the way in.",
  usage: `pustaka import-members --library ID --format slims-csv [options] FILE

  Each member becomes an approved registration of the library (NIK, phone, address and birth date
  encrypted with the membership key) and a member the visit kiosk recognises by number. Columns are read
  from the header row (member_id, member_name, gender, member_type_id or member_type_name, member_email,
  member_address, postal_code, inst_name, member_phone, member_since_date, register_date, expire_date,
  birth_date, and optionally nik / no_ktp); without one, in that order. A row that cannot be imported is
  reported with its number, column and reason, never with its personal data; the others are imported.

  --library ID       The library the members belong to (ids: GET /v1/libraries).
  --format FORMAT    slims-csv.
  --type-map LIST    SLiMS member types to Pustaka's: "1=pelajar,2=guru_dosen,Siswa=pelajar" (names
                     with siswa, mahasiswa, guru, dosen, PNS or umum are recognised without it).
  --data DIR         Folder of the SQLite database (default: $PUSTAKA_DATA or ./data).
  --membership-key-file FILE
                     The membership key (default: $PUSTAKA_MEMBERSHIP_KEY, $PUSTAKA_MEMBERSHIP_KEY_FILE, or
                     membership.key in the data folder). See docs/membership.md.
  --json             Print the report as JSON.
  --progress         Draw the progress bar even when stderr is not a terminal.
  --quiet            Print the summary only, not every problem.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        library: { type: 'string' },
        format: { type: 'string' },
        'type-map': { type: 'string' },
        data: { type: 'string' },
        'membership-key-file': { type: 'string' },
        json: { type: 'boolean', default: false },
        progress: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    if (!values.library) throw new UsageError('Say which library the members belong to: --library ID.');
    if (values.format !== 'slims-csv')
      throw new UsageError(`--format must be slims-csv${values.format ? `, not "${values.format}"` : ''}.`);
    if (positionals.length !== 1) throw new UsageError('Give exactly one FILE to import.');
    const typeMap = parseTypeMap(values['type-map']);
    const file = positionals[0]!;
    let text: string;
    try {
      text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch {
      throw new UsageError(`Cannot read "${file}".`);
    }
    const dataDir = values.data ?? io.env.PUSTAKA_DATA ?? 'data';
    let key: Buffer;
    try {
      key = loadMembershipKey({
        envKey: io.env.PUSTAKA_MEMBERSHIP_KEY,
        keyFile: values['membership-key-file'] ?? io.env.PUSTAKA_MEMBERSHIP_KEY_FILE,
        dataDir,
        production: false,
      }).key;
    } catch (error) {
      if (error instanceof MembershipKeyError) throw new UsageError(error.message);
      throw error;
    }
    const db = openDatabase(databaseFile(dataDir));
    try {
      const stores = sqliteStores(db, { membershipKey: key });
      if (!(await stores.libraries.exists(values.library))) {
        io.err(`pustaka import-members: no library has the id "${values.library}" in ${databaseFile(dataDir)}.`);
        return EXIT_FAILED;
      }
      const showBar = values.progress || (io.errIsTerminal && !values.json);
      const bar = showBar ? progressBar(io.errText, text.length) : undefined;
      const problems: MemberImportProblem[] = [];
      const report = await importSlimsMembers({
        stores,
        libraryId: values.library,
        text,
        typeMap,
        onProgress: ({ characters, records }) => bar?.update(characters, records),
        onProblem: (problem) => {
          problems.push(problem);
          if (values.json || values.quiet) return;
          if (bar) io.errText('\r\x1b[K');
          io.out(describe(problem));
        },
      });
      bar?.finish(text.length, report.received);
      if (values.json) io.out(JSON.stringify({ ...report, problems }, null, 2));
      else {
        io.out(
          `${file} → ${values.library}: ${report.received} member${report.received === 1 ? '' : 's'} read, ` +
            `${report.imported} imported, ${report.skipped} skipped.`,
        );
      }
      return EXIT_OK;
    } finally {
      db.close();
    }
  },
};
