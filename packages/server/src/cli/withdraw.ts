import { parseArgs } from 'node:util';
import { databaseFile } from '../server.js';
import { openDatabase } from '../storage/database.js';
import { sqliteStores } from '../storage/stores.js';
import { EXIT_FAILED, EXIT_OK, UsageError, type Command } from './command.js';

export const withdrawCommand: Command = {
  name: 'withdraw',
  summary: "Withdraw a library's holdings from the union catalogue (the library leaves the network).",
  usage: `pustaka withdraw --library ID --yes [--data DIR]

  Removes every copy of the library and its own description of each work it held. Each of those works is
  then shown with the best description of the libraries that still hold it; works no other library holds
  are removed from the catalogue. Safe while the server runs: searches keep answering between batches.
  The library's entry (name, address, hours) stays; its site keys and tokens are revoked with
  \`pustaka keys revoke\`.

  --library ID  The library leaving the network (ids: GET /v1/libraries).
  --yes         Required: this cannot be undone (import the library's file again to bring its holdings back).
  --data DIR    Folder of the SQLite database (default: $PUSTAKA_DATA or ./data).`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        library: { type: 'string' },
        yes: { type: 'boolean', default: false },
        data: { type: 'string' },
      },
      strict: true,
    });
    if (!values.library) throw new UsageError('Say which library leaves the network: --library ID.');
    if (!values.yes) throw new UsageError(`This removes every holding of ${values.library}; add --yes to go ahead.`);
    const dataDir = values.data ?? io.env.PUSTAKA_DATA ?? 'data';
    const db = openDatabase(databaseFile(dataDir));
    try {
      const stores = sqliteStores(db);
      if (!(await stores.libraries.exists(values.library))) {
        io.err(`pustaka withdraw: no library has the id "${values.library}" in ${databaseFile(dataDir)}.`);
        return EXIT_FAILED;
      }
      const { works, removed } = await stores.catalog.withdrawLibrary(values.library);
      io.out(
        `${values.library} withdrawn: ${works} work${works === 1 ? '' : 's'} held, ` +
          `${removed} removed (no other library holds them), ${works - removed} shown from other libraries' descriptions.`,
      );
      return EXIT_OK;
    } finally {
      db.close();
    }
  },
};
