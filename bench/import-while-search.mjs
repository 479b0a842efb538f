// Search latency while an import runs, against search latency at rest, in the same run (issue 11): the
// server on the cached 100k catalogue (bench-results/catalog-100k.sqlite, copied), searched one request at a
// time, first at rest, then while POST /v1/catalog/imports streams the 100k ISO 2709 export into it.
//   node --conditions=development --import tsx bench/import-while-search.mjs [100k] [iso2709|marcxml|slims-csv]
// Needs the catalogue and the export file that `npm run bench` caches (bench-results/, git-ignored).
import { spawn } from 'node:child_process';
import { copyFileSync, createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { issueCredential, openDatabase, sqliteStores } from '@pustaka/server';
import { benchQueries } from './queries.mjs';

const root = new URL('..', import.meta.url).pathname;
const [label = '100k', format = 'iso2709'] = process.argv.slice(2);
const extension = { iso2709: 'mrc', marcxml: 'xml', 'slims-csv': 'csv' }[format];
const types = { iso2709: 'application/marc', marcxml: 'application/marcxml+xml', 'slims-csv': 'text/csv' };
const catalogue = join(root, 'bench-results', `catalog-${label}.sqlite`);
const exportFile = join(root, 'bench-results', 'files', `bench-${label}.${extension}`);

const dir = mkdtempSync(join(root, 'bench', 'tmp-import-while-search-'));
const file = join(dir, 'pustaka.sqlite');
copyFileSync(catalogue, file);
// A staff token of the city library, written before the server opens the file.
const db = openDatabase(file);
const { key: staffToken } = await issueCredential(
  sqliteStores(db),
  { kind: 'staff', libraryId: 'dispusip-bontang', label: 'bench' },
  'bench',
);
db.close();

// The server in its own process (as in scripts/bench.mjs), so the client's work does not run on its thread.
const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'bench/serve.mjs', file, 'fts'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const { url } = JSON.parse(
  await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  }),
);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) };
};

/** Sequential searches through the benchmark's queries until `done()` says stop. */
async function searches(done) {
  const times = [];
  for (let i = 0; !done(); i++) {
    const [query] = benchQueries[i % benchQueries.length];
    const begin = performance.now();
    const response = await fetch(`${url}/v1/catalog/search?${query}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${query}: ${response.status}`);
    times.push(performance.now() - begin);
  }
  return times;
}

for (let i = 0; i < 5; i++) await (await fetch(`${url}/v1/health`)).arrayBuffer();
// At rest: three passes over the queries (the first meets each one cold, as during the import).
let count = 0;
const rest = summary(await searches(() => count++ >= 3 * benchQueries.length));

let importing = true;
const begin = performance.now();
const imported = fetch(`${url}/v1/catalog/imports?library=dispusip-bontang&format=${format}`, {
  method: 'POST',
  body: Readable.toWeb(createReadStream(exportFile, { highWaterMark: 64 * 1024 })),
  duplex: 'half',
  headers: { authorization: `Bearer ${staffToken}`, 'content-type': types[format] },
}).then(async (response) => {
  const report = await response.json();
  importing = false;
  if (response.status !== 200) throw new Error(`import: ${response.status} ${JSON.stringify(report)}`);
  return report;
});
const during = summary(await searches(() => !importing));
const report = await imported;
const importSeconds = (performance.now() - begin) / 1000;

child.kill('SIGTERM');
await new Promise((resolve) => child.once('exit', resolve));
rmSync(dir, { recursive: true, force: true });

const ms = (value) => `${value.toFixed(1)} ms`;
const result = {
  label,
  format,
  fileMB: Math.round(statSync(exportFile).size / 1e6),
  importSeconds: Math.round(importSeconds),
  records: report.received,
  rest,
  during,
};
process.stderr.write(`${JSON.stringify(result)}\n`);
process.stdout.write(
  `| ${label} ${format} (${result.fileMB} MB, ${result.records.toLocaleString('en')} records in ${result.importSeconds} s) ` +
    `| ${ms(rest.p50)} / **${ms(rest.p95)}** / ${ms(rest.max)} (${rest.n}) ` +
    `| ${ms(during.p50)} / **${ms(during.p95)}** / ${ms(during.max)} (${during.n}) |\n`,
);
