// A Pustaka server for the visit benchmarks, as a child process of bench/visits.mjs (so that the load generator
// does not share its event loop): `node --conditions=development --import tsx bench/visits-serve.mjs FILE`.
// Prints one JSON line: its URL, a kiosk token per demo library and a site key. Rate limits are off: the
// benchmark is one client on loopback sending as fast as it can, which the per-address limits exist to stop.
import { buildApp, demoLibraries, issueCredential, openDatabase, sqliteStores } from '@pustaka/server';

const [file, tokens = 'tokens'] = process.argv.slice(2);
const db = openDatabase(file);
const stores = sqliteStores(db);
if ((await stores.libraries.count()) === 0) for (const library of demoLibraries) await stores.libraries.upsert(library);
const kioskTokens = [];
for (const library of tokens === 'tokens' ? demoLibraries : []) {
  const { key } = await issueCredential(stores, { kind: 'kiosk', libraryId: library.id, location: 'pintu' }, 'bench');
  kioskTokens.push(key);
}
const app = await buildApp({ stores, rateLimits: false, logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address();
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, pid: process.pid, kioskTokens })}\n`);
const stop = () =>
  app
    .close()
    .then(() => db.close())
    .finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
