// Builds a generated union catalogue of N works into a SQLite file, through the same catalogue run the
// importers use, in batches (transactions) of 10,000 works. Run with tsx (it imports the server's TypeScript sources):
//   node --conditions=development --import tsx bench/build-catalog.mjs 100000 bench-results/catalog-100k.sqlite
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDatabase, sqliteStores, demoLibraries } from '@pustaka/server';
import { generateCatalog } from '../packages/server/src/seed/catalog-generator.ts';

const count = Number(process.argv[2]);
const file = process.argv[3];
if (!Number.isInteger(count) || count < 1 || !file) {
  console.error('usage: build-catalog.mjs COUNT FILE');
  process.exit(2);
}
for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
const db = openDatabase(file);
// A benchmark build can be redone: skip the fsyncs a production import keeps.
db.pragma('synchronous = OFF');
const stores = sqliteStores(db);
for (const library of demoLibraries) await stores.libraries.upsert(library);

const started = performance.now();
const works = generateCatalog({ count, libraries: demoLibraries, seed: 2019, today: '2026-11-25' });
const run = await stores.catalog.beginRun();
let done = 0;
for (let finished = false; !finished;) {
  const batch = [];
  let worksInBatch = 0;
  for (; worksInBatch < 10_000; worksInBatch++) {
    const next = works.next();
    if (next.done) break;
    batch.push(...next.value);
  }
  done += worksInBatch;
  finished = worksInBatch < 10_000;
  if (batch.length) await run.saveBatch(batch);
  if ((worksInBatch && done % 100_000 === 0) || (finished && done % 100_000 !== 0))
    console.error(`  ${done} works, ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
// One merged FTS5 index, as after `pustaka import` (which merges at its end too).
db.exec("INSERT INTO catalog_search (catalog_search) VALUES ('optimize')");
db.pragma('wal_checkpoint(TRUNCATE)');
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({ count: done, seconds, copies: db.prepare('SELECT count(*) FROM catalog_copies').pluck().get() }),
);
db.close();
