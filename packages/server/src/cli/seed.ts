import { parseArgs } from 'node:util';
import { openDatabase } from '../storage/database.js';
import { sqliteStores } from '../storage/stores.js';
import { databaseFile } from '../server.js';
import { seedDemo } from '../seed/seed.js';
import { EXIT_OK, UsageError, type Command } from './command.js';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Load the demo library network, its union catalogue, members and visit figures (safe to run again).',
  usage: `pustaka seed --demo [--data DIR]

  --demo       Seed the demo network of Bontang (the only seed there is).
  --data DIR   Folder of the SQLite database (default: $PUSTAKA_DATA or ./data).`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { demo: { type: 'boolean', default: false }, data: { type: 'string' } },
      strict: true,
    });
    if (!values.demo) throw new UsageError('Say which seed to load: --demo.');
    const dataDir = values.data ?? io.env.PUSTAKA_DATA ?? 'data';
    const db = openDatabase(databaseFile(dataDir));
    try {
      const report = await seedDemo(sqliteStores(db), { visitHistory: true });
      io.out(
        `Seeded ${report.libraries} libraries, ${report.records} catalogue records, ${report.members} members and ${report.visitDays} library days of visit figures into ${databaseFile(dataDir)}.`,
      );
    } finally {
      db.close();
    }
    return EXIT_OK;
  },
};
