import { openDatabase, sqliteStores, buildApp } from '@pustaka/server';
import { performance } from 'node:perf_hooks';
import { benchQueries } from '../queries.mjs';
const db = openDatabase(process.argv[2]);
const stores = sqliteStores(db);
const app = await buildApp({ stores, rateLimits: false, logger: false });
await app.ready();
let t = performance.now();
stores.catalog.search({ text: 'warmup', sort: 'relevance', offset: 0, limit: 1 });
console.log('warmup', (performance.now() - t).toFixed(1));
if (process.argv[3]) await new Promise(r => setTimeout(r, Number(process.argv[3])));
const times = [];
for (const pass of [0, 1]) for (const [q, kind] of benchQueries) {
  t = performance.now();
  const res = await app.inject({ method: 'GET', url: `/v1/catalog/search?${q}` });
  const ms = performance.now() - t;
  if (pass === 0) { times.push(ms); if (ms > 8) console.log(q, kind, ms.toFixed(1), JSON.parse(res.body).total); }
}
times.sort((a, b) => a - b);
console.log('cold p50', times[Math.ceil(0.5 * times.length) - 1].toFixed(1), 'p95', times[Math.ceil(0.95 * times.length) - 1].toFixed(1));
await app.close(); db.close();
