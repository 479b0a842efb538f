// `npm run bench`: search and import benchmarks, written to docs/benchmarks.md. Loopback traffic only;
// bounded in time (about 10 minutes on 2 cores with the catalogues cached, 20 without).
//   node scripts/bench.mjs [--sizes=100k,1m] [--import=1m|100k|none] [--imports=reuse] [--report-only]
//   node scripts/bench.mjs --visits   the visit benchmarks only (bench/visits.mjs, a few minutes), no catalogue
// Generated catalogues and export files are cached in bench-results/ (git-ignored), keyed by the
// generator's source, so later runs only measure.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { clearInterval, setInterval } from 'node:timers';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { benchQueries } from '../bench/queries.mjs';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, 'bench-results');
const option = (name, fallback) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const sizeOf = (label) => Number(label.replace(/k$/i, '000').replace(/m$/i, '000000'));
const sizes = option('sizes', '100k,1m').split(',').filter(Boolean);
const importSize = option('import', '1m');
// --imports=reuse takes the import figures of the previous run (bench-results/last-run.json), to re-measure searches only.
const reuseImports = option('imports', '') === 'reuse';
const tsx = ['--conditions=development', '--import', 'tsx'];
const log = (line) => process.stderr.write(`${line}\n`);
const started = performance.now();

function run(args, what) {
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${what} failed (${result.status})`);
  return result.stdout;
}

/** Cache key of generated data: the generator's sources and the size. */
function generatorKey(count) {
  const hash = createHash('sha1');
  for (const file of [
    'seed/catalog-generator.ts',
    'seed/mulberry32.ts',
    'seed/catalog-vocabulary.ts',
    'catalog/sqlite/schema.ts',
  ]) {
    hash.update(readFileSync(join(root, 'packages/server/src', file)));
  }
  return `${hash.digest('hex').slice(0, 12)}-${count}`;
}

function cached(file, key, make) {
  const keyFile = `${file}.key`;
  if (existsSync(file) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) return false;
  make();
  writeFileSync(keyFile, key);
  return true;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1),
  };
};

/** Starts bench/serve.mjs on a catalogue and answers its URL and a stop(). */
async function serve(file, engine) {
  const child = spawn(process.execPath, ['bench/serve.mjs', file, engine], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  const { url } = JSON.parse(line);
  return { url, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) };
}

/** Sequential requests (one at a time, keep-alive): the latency one user sees. Stops at `budgetMs`. */
async function measure(url, rounds, budgetMs) {
  const byKind = new Map();
  const all = [];
  const deadline = performance.now() + budgetMs;
  for (let round = 0; round < rounds && performance.now() < deadline; round++) {
    for (const [query, kind] of benchQueries) {
      if (performance.now() > deadline) break;
      const begin = performance.now();
      const response = await fetch(`${url}/v1/catalog/search?${query}`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${query}: ${response.status}`);
      const ms = performance.now() - begin;
      all.push(ms);
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    }
  }
  return { all: summary(all), byKind: Object.fromEntries([...byKind].map(([kind, times]) => [kind, summary(times)])) };
}

async function throughput(url) {
  const result = await autocannon({
    url,
    connections: 4,
    duration: 8,
    requests: benchQueries.map(([query]) => ({ method: 'GET', path: `/v1/catalog/search?${query}` })),
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function searchBench(label) {
  const count = sizeOf(label);
  const file = join(results, `catalog-${label}.sqlite`);
  const built = cached(file, generatorKey(count), () => {
    log(`▶ generating the ${label} catalogue (cached for later runs)`);
    run([...tsx, 'bench/build-catalog.mjs', String(count), file], 'catalogue build');
  });
  const db = new Database(file, { readonly: true });
  const facts = {
    works: db.prepare('SELECT count(*) FROM catalog_records').pluck().get(),
    copies: db.prepare('SELECT count(*) FROM catalog_copies').pluck().get(),
    bytes: statSync(file).size,
  };
  db.close();
  log(`▶ search at ${label} (${facts.works} works${built ? ', built now' : ', cached'})`);
  const fts = await serve(file, 'fts');
  // The client's own first requests compile its HTTP code (50 ms and more): not the server's time.
  for (let i = 0; i < 5; i++) await (await fetch(`${fts.url}/v1/health`)).arrayBuffer();
  // The first pass meets every search for the first time (nothing cached); the next ones repeat them.
  const ftsCold = await measure(fts.url, 1, 60_000);
  const ftsLatency = await measure(fts.url, count >= 1e6 ? 8 : 12, 120_000);
  const ftsThroughput = await throughput(fts.url);
  await fts.stop();
  log(
    `  FTS5: p50 ${ftsLatency.all.p50.toFixed(1)} ms, p95 ${ftsLatency.all.p95.toFixed(1)} ms (first time: ${ftsCold.all.p95.toFixed(1)}); ${ftsThroughput.requestsPerSecond} req/s`,
  );
  const like = await serve(file, 'like');
  const likeLatency = await measure(like.url, count >= 1e6 ? 1 : 3, count >= 1e6 ? 150_000 : 90_000);
  await like.stop();
  log(
    `  LIKE: p50 ${likeLatency.all.p50.toFixed(1)} ms, p95 ${likeLatency.all.p95.toFixed(1)} ms (${likeLatency.all.n} requests)`,
  );
  return { label, facts, fts: ftsLatency, cold: ftsCold, throughput: ftsThroughput, like: likeLatency };
}

/** Imports a file with `pustaka import` (the built server) into a fresh demo database, sampling its memory. */
async function importBench(label, format) {
  const count = sizeOf(label);
  const extension = { iso2709: 'mrc', marcxml: 'xml', 'slims-csv': 'csv' }[format];
  const file = join(results, 'files', `bench-${label}.${extension}`);
  mkdirSync(join(results, 'files'), { recursive: true });
  cached(file, generatorKey(count), () =>
    run([...tsx, 'bench/write-marc.mjs', String(count), format, file], 'export file'),
  );
  const data = join(results, 'import-db');
  rmSync(data, { recursive: true, force: true });
  run(['packages/server/bin/pustaka.js', 'seed', '--demo', '--data', data], 'seed');
  log(`▶ import ${label} ${format} (${(statSync(file).size / 1e6).toFixed(0)} MB)`);
  const begin = performance.now();
  const child = spawn(
    process.execPath,
    [
      'packages/server/bin/pustaka.js',
      'import',
      '--data',
      data,
      '--library',
      'dispusip-bontang',
      '--format',
      format,
      '--json',
      file,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const samples = [];
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
      samples.push(rss);
    } catch {
      // The process has just ended.
    }
  }, 250);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  clearInterval(timer);
  const seconds = (performance.now() - begin) / 1000;
  if (code !== 0) throw new Error(`import exited ${code}`);
  const report = JSON.parse(output);
  rmSync(data, { recursive: true, force: true });
  // Memory is flat if the last quarter of the run uses no more than the second quarter.
  const quarter = (q) =>
    Math.max(...samples.slice(Math.floor((samples.length * q) / 4), Math.floor((samples.length * (q + 1)) / 4)));
  const result = {
    label,
    format,
    records: report.received,
    seconds,
    perSecond: Math.round(report.received / seconds),
    peakRssMb: Math.round(peak),
    rssSecondQuarterMb: Math.round(quarter(1)),
    rssLastQuarterMb: Math.round(quarter(3)),
    bytes: statSync(file).size,
  };
  log(`  ${result.perSecond} records/s, peak RSS ${result.peakRssMb} MB`);
  return result;
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const ratio = (like, fts) => `${Math.round(like / fts)}×`;

/** Search figures of every run on this machine (bench-results/history.jsonl, git-ignored), oldest first. */
const historyFile = join(results, 'history.jsonl');
function readHistory() {
  if (!existsSync(historyFile)) return [];
  return readFileSync(historyFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}
function recordRun(searches) {
  const entry = {
    at: new Date().toISOString().slice(0, 16).replace('T', ' '),
    sizes: Object.fromEntries(
      searches.map((s) => [
        s.label,
        {
          repeated: { p50: s.fts.all.p50, p95: s.fts.all.p95 },
          first: { p50: s.cold.all.p50, p95: s.cold.all.p95 },
        },
      ]),
    ),
  };
  appendFileSync(historyFile, `${JSON.stringify(entry)}\n`);
}

function writeReport({ searches, imports, parsers, reused, minutes }) {
  const runs = readHistory().slice(-5);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const sqlite = new Database(':memory:').prepare('SELECT sqlite_version()').pluck().get();
  const lines = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` (scripts/bench.mjs) on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpu}),`,
    `${Math.round(totalmem() / 2 ** 30)} GB of memory, Linux ${release()}, Node ${process.version}, SQLite ${sqlite}. Client and server share`,
    'the two cores; every request goes over loopback. Numbers move by 10 to 20 % from run to run on a shared machine.',
    '',
    '## Search (`GET /v1/catalog/search`)',
    '',
    'The catalogues come from the deterministic generator (packages/server/src/seed/catalog-generator.ts): works',
    'in Indonesian and English over the ten DDC classes, spread over the 15 demo libraries, 4 to 5 copies per',
    'work, some on loan. The server runs in its own process (bench/serve.mjs) on the built package. The',
    `${benchQueries.length} searches (bench/queries.mjs) are all of 3 characters or more, and lean to the hard cases: common`,
    'words alone, 3-letter prefixes, phrases with the last word half typed, authors, rare words, and filters',
    'and sorts. Every answer has the whole-match facets and the first page of 20 with availability.',
    '',
    'Latency: one request at a time (what one person sees), in ms, measured at the client. "First time" is',
    'the first pass over the searches on a fresh server: nothing cached, every match read and counted.',
    '"Repeated" is the following passes: large matches (2,000 works or more) are then answered from a',
    'per-version cache of their matches and facets (packages/server/src/catalog/sqlite/result-cache.ts), as',
    'popular searches and the prefixes of search-as-you-type are in real use. The baseline is the same',
    "questions answered with `LIKE '%word%'` scans (bench/like-baseline.mjs) in the same run, on the same",
    'data; it computes no facets and caches nothing, so the ratios understate the difference.',
    '',
    '| catalogue | works | copies | repeated p50 | repeated p95 | first time p50 | first time p95 | LIKE p50 | LIKE p95 | p95 ratio (first time) | target p95 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...searches.map(
      (s) =>
        `| ${s.label} | ${s.facts.works.toLocaleString('en')} | ${s.facts.copies.toLocaleString('en')} | ${fmt(s.fts.all.p50)} | ` +
        `**${fmt(s.fts.all.p95)}** | ${fmt(s.cold.all.p50)} | **${fmt(s.cold.all.p95)}** | ${fmt(s.like.all.p50)} | ${fmt(s.like.all.p95)} | ` +
        `${ratio(s.like.all.p95, s.fts.all.p95)} (${ratio(s.like.all.p95, s.cold.all.p95)}) | ` +
        `≤ ${sizeOf(s.label) >= 1e6 ? 30 : 10} ms: repeated ${s.fts.all.p95 <= (sizeOf(s.label) >= 1e6 ? 30 : 10) ? '✔' : '✘'}, first time ${s.cold.all.p95 <= (sizeOf(s.label) >= 1e6 ? 30 : 10) ? '✔' : '✘'} |`,
    ),
    '',
    'By kind of search (repeated p50 / p95; first time p95; LIKE p50; ms):',
    '',
    `| kind | ${searches.map((s) => s.label).join(' | ')} |`,
    `|---|${searches.map(() => '---:').join('|')}|`,
    ...Object.keys(searches[0]?.fts.byKind ?? {}).map(
      (kind) =>
        `| ${kind} | ${searches
          .map((s) => {
            const f = s.fts.byKind[kind];
            const c = s.cold.byKind[kind];
            const l = s.like.byKind[kind];
            return `${fmt(f.p50)} / ${fmt(f.p95)}; ${c ? fmt(c.p95) : '–'}; LIKE ${l ? fmt(l.p50) : '–'}`;
          })
          .join(' | ')} |`,
    ),
    '',
    '"First time" is measured as a server meets it a few seconds after it started (bench/serve.mjs does',
    'what `pustaka start` does): one search through the whole request path before it listens (compiles it,',
    'loads the facet index; not logged), then the background warm-up (catalog/sqlite/search.ts, `warm`),',
    'which reads the vocabulary from fts5vocab, caches the matches of the most frequent words and 3-letter',
    'prefixes (at most 256 searches and 40 MB) and of browsing by theme, and runs each facet-counting path',
    "once. The client's own first requests are made before timing. Neither the warm-up nor the caches",
    'make a new question cheap: a word or a filter not seen before is read and counted in full, and what',
    'keeps that fast is below.',
    '',
    ...(runs.length > 1
      ? [
          `The same searches in the last ${runs.length} runs on this machine (bench-results/history.jsonl; p95 in ms,`,
          'repeated / first time): on a machine shared with other jobs, runs of the same code differ this much.',
          '',
          `| run | ${searches.map((s) => s.label).join(' | ')} |`,
          `|---|${searches.map(() => '---:').join('|')}|`,
          ...runs.map(
            (run) =>
              `| ${run.at} | ${searches
                .map((s) => {
                  const figures = run.sizes[s.label];
                  return figures ? `${fmt(figures.repeated.p95)} / ${fmt(figures.first.p95)}` : '–';
                })
                .join(' | ')} |`,
          ),
          '',
        ]
      : []),
    'Throughput (autocannon, 4 connections, 8 s, cycling through the same searches):',
    '',
    '| catalogue | requests/s | p50 | p97.5 | p99 | errors |',
    '|---|---:|---:|---:|---:|---:|',
    ...searches.map(
      (s) =>
        `| ${s.label} | ${s.throughput.requestsPerSecond} | ${s.throughput.p50} | ${s.throughput.p97_5} | ${s.throughput.p99} | ${s.throughput.errors} |`,
    ),
    '',
    'How it is fast (packages/server/src/catalog/sqlite/):',
    '',
    '- one FTS5 query reads the record ids of every match (`group_concat`), in rowid order: the rowid holds',
    '  the title length, so the shortest titles come first (search.ts);',
    '- a typed prefix longer than FTS5\'s prefix index (`"indo"*`) is asked as the words it stands for',
    '  (`"indonesia" OR "indonesian"`), from the vocabulary the warm-up read: FTS5 merges every list of a',
    '  prefix before answering, but reads a list of words lazily, so a ranking tier or a second word stops',
    '  early (term-list.ts; `sejarah indo` at 1M: 20 ms → 9 ms for the FTS5 part);',
    '- filters and facets are counted in one pass over an in-memory index of every work, 12 bytes each',
    '  in one interleaved array (facet-index.ts), read in record id order through bitsets, first copied into',
    '  dense arrays and then counted (facet-count.ts): a catalogue of a million works does not fit in the CPU',
    '  caches, and a loop that only reads lets the CPU wait on many cache misses at once (for a word',
    '  matching 30,000 works: 4.5 ms → 1.3 ms);',
    '- ranking reads the title, author and subject matches in that order and stops when the page is full;',
    '  sorting by title or year walks the whole catalogue kept in that order and stops at the page',
    '  (sort-orders.ts), instead of sorting the matches;',
    '- matches of 2,000 works or more are cached per catalogue version (result-cache.ts).',
    '',
    '## Import (`pustaka import`)',
    '',
    "One library's export of generated works with Koha items (bench/write-marc.mjs), imported by the built",
    '`pustaka import` into a fresh demo database, end to end: reading, mapping, matching, writing, indexing.',
    "Memory is the import process's resident set, sampled every 250 ms from /proc.",
    ...(reused ? ['(These figures are from the previous full run, `--imports=reuse`.)'] : []),
    '',
    '| file | records | size | time | records/s | peak RSS | RSS 2nd quarter → last quarter |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...imports.map(
      (i) =>
        `| ${i.label} ${i.format} | ${i.records.toLocaleString('en')} | ${(i.bytes / 1e6).toFixed(0)} MB | ${i.seconds.toFixed(0)} s | ` +
        `**${i.perSecond.toLocaleString('en')}** | ${i.peakRssMb} MB | ${i.rssSecondQuarterMb} → ${i.rssLastQuarterMb} MB |`,
    ),
    '',
    'Targets: ≥ 2,000 MARC records/s, and under 300 MB while importing a 1M-record file, with memory flat.',
    '',
    '### Choosing the parsers',
    '',
    'Parse only, no database, same records (bench/parsers.mjs):',
    '',
    '| reader | ISO 2709 records/s | MARCXML records/s |',
    '|---|---:|---:|',
    `| ours (streaming; saxes for XML) | ${parsers.ours.iso2709.perSecond.toLocaleString('en')} | ${parsers.ours.marcxml.perSecond.toLocaleString('en')} |`,
    `| @natlibfi/marc-record-serializers 11 (first 300 records) | ${parsers.natlibfi.iso2709.perSecond.toLocaleString('en')} | ${parsers.natlibfi.marcxml.perSecond.toLocaleString('en')} |`,
    '',
    "natlibfi's readers build full record objects with validation (and the DOM for XML): right for its",
    'purpose, far below 2,000 records/s. marcjs 3 is faster but mangles UTF-8 in ISO 2709 read from strings and',
    'drops records in MARCXML (see shared toolchain notes), so the readers here are a small streaming ISO 2709',
    'reader and a MARCXML reader on saxes (strict XML, errors with line and column).',
    '',
    ...(minutes
      ? [`This run took ${minutes} minutes (catalogues and export files cached from earlier runs are reused).`]
      : []),
    '',
  ];
  // The widget's section is written by bench/widget-search-paint.mjs: keep it.
  const report = join(root, 'docs/benchmarks.md');
  const previous = existsSync(report) ? readFileSync(report, 'utf8') : '';
  const widgetSection = previous.indexOf('\n## Catalogue search widget');
  writeFileSync(report, lines.join('\n') + (widgetSection >= 0 ? previous.slice(widgetSection) : ''));
}

mkdirSync(results, { recursive: true });
/** The visit benchmarks (ingest, stats), which write their own section of docs/benchmarks.md. */
const visitBench = () =>
  spawnSync(
    process.execPath,
    ['bench/visits.mjs', ...process.argv.filter((arg) => /^--(libraries|requests)=/.test(arg))],
    {
      cwd: root,
      stdio: 'inherit',
    },
  ).status === 0;
if (process.argv.includes('--visits')) process.exit(visitBench() ? 0 : 1);
if (process.argv.includes('--report-only')) {
  // Rewrites docs/benchmarks.md from the last run's figures, without measuring.
  writeReport({ ...JSON.parse(readFileSync(join(results, 'last-run.json'), 'utf8')), reused: true });
  process.exit(0);
}
log('▶ building the packages (the benchmarks run the built server)');
run(['scripts/build.mjs'], 'build');
const searches = [];
for (const label of sizes) searches.push(await searchBench(label));
const lastRun = join(results, 'last-run.json');
let imports = [];
let parsers;
if (reuseImports && existsSync(lastRun)) ({ imports, parsers } = JSON.parse(readFileSync(lastRun, 'utf8')));
else {
  for (const format of ['iso2709', 'marcxml', 'slims-csv']) imports.push(await importBench('100k', format));
  if (importSize !== 'none' && importSize !== '100k') imports.push(await importBench(importSize, 'iso2709'));
  parsers = JSON.parse(
    run(
      [...tsx, 'bench/parsers.mjs', join(results, 'files/bench-100k.mrc'), join(results, 'files/bench-100k.xml')],
      'parsers',
    ),
  );
}
const minutes = Math.max(1, Math.round((performance.now() - started) / 60000));
writeFileSync(lastRun, JSON.stringify({ searches, imports, parsers, minutes }, null, 2));
recordRun(searches);
writeReport({ searches, imports, parsers, reused: reuseImports, minutes });
log(`✔ docs/benchmarks.md written in ${Math.round((performance.now() - started) / 1000)} s`);
// The catalogue search widget's benchmark, which adds its own section to docs/benchmarks.md.
if (spawnSync(process.execPath, ['bench/widget-search-paint.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0)
  process.exitCode = 1;
if (!visitBench()) process.exitCode = 1;
