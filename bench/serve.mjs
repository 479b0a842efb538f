// A Pustaka server on a benchmark catalogue, as a child process of scripts/bench.mjs (so that the client's
// work does not run on the server's event loop): `node bench/serve.mjs FILE fts|like`, prints its URL.
import { performance } from 'node:perf_hooks';
import { buildApp, openDatabase, sqliteStores, warmUp } from '@pustaka/server';
import { likeSearchHandler } from './like-baseline.mjs';

const [file, engine = 'fts'] = process.argv.slice(2);
const db = openDatabase(file);
const stores = sqliteStores(db);
const handlers = engine === 'like' ? { searchCatalog: likeSearchHandler(db) } : {};
// Loopback only, no rate limits (the benchmark is one client sending as fast as it can).
const app = await buildApp({ stores, handlers, rateLimits: false, logger: false });
// As startServer does: one search through the request path before listening (loads the facet index).
await warmUp(app);
await app.listen({ host: '127.0.0.1', port: 0 });
// And let it finish its background warm-up of the most frequent words and prefixes (catalog/sqlite/search.ts),
// as a server that has been up for a few seconds has; the time it took goes to stderr.
const warmStart = performance.now();
await stores.catalog.warmed?.();
if (stores.catalog.warmed) process.stderr.write(`  warm-up: ${Math.round(performance.now() - warmStart)} ms\n`);
const { port } = app.server.address();
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, pid: process.pid })}\n`);
const stop = () =>
  app
    .close()
    .then(() => db.close())
    .finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
