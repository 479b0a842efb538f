// Visit benchmarks (`npm run bench -- --visits`, or run at the end of `npm run bench`): ingest of
// POST /v1/visits against the same server's bare health route, and GET /v1/visits/stats latency over a year of
// the whole network's visits. Writes its own section of docs/benchmarks.md (other sections are left alone).
//   node bench/visits.mjs [--libraries=120] [--requests=20000] [--no-write]
// The servers run from source (tsx) in child processes; the year of visits is cached in bench-results/.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID, createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeBenchmarksSection } from './benchmarks-section.mjs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, 'bench-results');
const option = (name, fallback) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const libraryCount = Number(option('libraries', '120'));
const amount = Number(option('requests', '20000'));
const tsx = ['--conditions=development', '--import', 'tsx'];
const log = (line) => process.stderr.write(`${line}\n`);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  const round = (ms) => Math.round(ms * 100) / 100;
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1)),
  };
};

async function serve(file, ...args) {
  const child = spawn(process.execPath, [...tsx, 'bench/visits-serve.mjs', file, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  return {
    ...JSON.parse(line),
    stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))),
  };
}

const load = (options) =>
  // A number of requests rather than a duration: every request sent is answered before the counts are compared.
  autocannon({ connections: 10, amount, ...options }).then((result) => ({
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]),
    ),
    errors: result.errors,
    timeouts: result.timeouts,
  }));

/**
 * CPU time (user + system, ms) the server process has used so far, from /proc (Linux): what a request costs the
 * server whatever else runs on the machine, where requests per second depend on the other jobs' load.
 */
const cpuMsOf = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};
const round3 = (value) => Math.round(value * 1000) / 1000;

/** Ingest: kiosks of every demo library send member, guest and group check-ins, each with its own key. */
async function ingest() {
  const dir = mkdtempSync(join(tmpdir(), 'pustaka-visits-bench-'));
  const file = join(dir, 'pustaka.sqlite');
  try {
    // Members to check in, each once (a repeat inside the window would be acknowledged but rightly not stored).
    const server = await serve(file);
    const db = new Database(file);
    const addMember = db.prepare(`INSERT INTO members (number, library_id, full_name, first_name, member_type,
      valid_until, created_at) VALUES (?, 'dispusip-bontang', 'Anggota Uji', 'Anggota', 'pelajar', '2030-12-31', '')`);
    db.transaction(() => {
      for (let i = 1; i <= 300_000; i++) addMember.run(`BNC-2026-${String(i).padStart(6, '0')}`);
    })();
    db.close();
    let sent = 0;
    const bodies = [
      () => ({ kind: 'guest', name: 'Budi', institution: 'SMPN 1 Bontang', purpose: 'read' }),
      () => ({ kind: 'member', member_number: `BNC-2026-${String(sent).padStart(6, '0')}` }),
      () => ({ kind: 'guest', institution: 'Umum' }),
      () => ({ kind: 'member', member_number: `BNC-2026-${String(sent).padStart(6, '0')}` }),
      () => ({ kind: 'group', leader_name: 'Bu Sari', institution: 'SDN 005', male: 12, female: 14 }),
    ];
    log('▶ visits: health route (the ceiling of this server)');
    let cpuBefore = cpuMsOf(server.pid);
    const health = await load({ url: `${server.url}/v1/health` });
    health.cpuMsPerRequest = round3((cpuMsOf(server.pid) - cpuBefore) / health.total);
    cpuBefore = cpuMsOf(server.pid);
    log(`  ${health.requestsPerSecond} req/s`);
    log('▶ visits: POST /v1/visits');
    const visits = await load({
      url: server.url,
      requests: [
        {
          method: 'POST',
          path: '/v1/visits',
          setupRequest: (request) => {
            sent++;
            return {
              ...request,
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${server.kioskTokens[sent % server.kioskTokens.length]}`,
                'idempotency-key': randomUUID(),
              },
              body: JSON.stringify(bodies[sent % bodies.length]()),
            };
          },
        },
      ],
    });
    visits.cpuMsPerRequest = round3((cpuMsOf(server.pid) - cpuBefore) / visits.total);
    log(`  ${visits.requestsPerSecond} req/s`);
    await server.stop();
    const check = new Database(file, { readonly: true });
    const stored = check.prepare('SELECT count(*) FROM visits').pluck().get();
    const people = check.prepare('SELECT coalesce(sum(people), 0) FROM visits').pluck().get();
    const rolledUp = check
      .prepare("SELECT coalesce(sum(members + guests + group_people), 0) FROM visit_days WHERE library_id = '*'")
      .pluck()
      .get();
    check.close();
    return { health, visits, stored, acknowledged: visits.statuses['201'] ?? 0, people, rolledUp };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A year of the network's visits, generated once a day (the periods end today) and per generator source. */
function yearFile() {
  const today = new Date().toISOString().slice(0, 10);
  const hash = createHash('sha1');
  for (const source of ['bench/visits-year.mjs', 'packages/server/src/visits/schema.ts']) {
    hash.update(readFileSync(join(root, source)));
  }
  const key = `${hash.digest('hex').slice(0, 12)}-${libraryCount}-${today}`;
  const file = join(results, 'visits-year.sqlite');
  const keyFile = `${file}.key`;
  if (existsSync(file) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) {
    return JSON.parse(readFileSync(`${file}.json`, 'utf8'));
  }
  for (const suffix of ['', '-wal', '-shm', '.key']) rmSync(`${file}${suffix}`, { force: true });
  log(`▶ visits: generating a year of visits of ${libraryCount} libraries (cached for today)`);
  const made = spawnSync(process.execPath, [...tsx, 'bench/visits-year.mjs', file, String(libraryCount)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error('generating the year of visits failed');
  const info = { file, ...JSON.parse(made.stdout) };
  writeFileSync(`${file}.json`, JSON.stringify(info));
  writeFileSync(keyFile, key);
  return info;
}

const addDays = (day, days) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Every period, three scopes, with and without a chart, plus custom ranges: one request at a time. */
async function stats(year) {
  const server = await serve(year.file, 'no-tokens');
  try {
    const scopes = {
      network: '',
      'one library': 'library=dispusip-bontang&',
      'three libraries': 'library=sman-1-bontang&library=smpn-1-bontang&library=pt-kaltim-amonia&',
    };
    const queries = [];
    for (const [scope, library] of Object.entries(scopes)) {
      for (const period of ['today', 'week', 'month', 'year', 'all']) {
        for (const chart of ['', '&chart=30d', '&chart=12m'])
          queries.push([scope, period, `${library}period=${period}${chart}`]);
      }
      queries.push([scope, 'custom', `${library}from=${addDays(year.to, -364)}&to=${year.to}&granularity=day`]);
      queries.push([
        scope,
        'custom',
        `${library}from=${addDays(year.to, -180)}&to=${addDays(year.to, -20)}&granularity=week`,
      ]);
      queries.push([
        scope,
        'custom',
        `${library}from=${addDays(year.to, -300)}&to=${addDays(year.to, -3)}&granularity=month`,
      ]);
    }
    const timed = async (path) => {
      const begin = performance.now();
      const response = await fetch(`${server.url}${path}`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      return performance.now() - begin;
    };
    for (const [, , query] of queries) await timed(`/v1/visits/stats?${query}`); // compile and page in once
    await fetch(`${server.url}/bench/stats-timings`);
    const all = [];
    const warm = [];
    const byPeriod = {};
    const byScope = {};
    const health = [];
    for (let round = 0; round < 15; round++) {
      for (const [scope, period, query] of queries) {
        // Cold: a roll-up write first (zero visits added) empties the server's answer cache, as any visit does.
        await fetch(`${server.url}/bench/roll-up-write`, { method: 'POST' });
        const ms = await timed(`/v1/visits/stats?${query}`);
        all.push(ms);
        (byPeriod[period] ??= []).push(ms);
        (byScope[scope] ??= []).push(ms);
        // Warm: the same question again, answered from the cache (what the next page showing it gets).
        warm.push(await timed(`/v1/visits/stats?${query}`));
        health.push(await timed('/v1/health'));
      }
    }
    // In the order asked: cold, warm, cold, warm...
    const timings = await (await fetch(`${server.url}/bench/stats-timings`)).json();
    const inServer = timings.filter((_, i) => i % 2 === 0);
    const warmInServer = timings.filter((_, i) => i % 2 === 1);
    const map = (groups) => Object.fromEntries(Object.entries(groups).map(([name, times]) => [name, summary(times)]));
    return {
      all: summary(all),
      warm: summary(warm),
      cpuWarm: summary(warmInServer.map((time) => time.cpu)),
      inServer: summary(inServer.map((time) => time.elapsed)),
      cpuInServer: summary(inServer.map((time) => time.cpu)),
      // The presets (period=...) apart from the custom ranges, of which a year by day is the heaviest answer.
      cpuPresets: summary(inServer.filter((time) => time.url.includes('period=')).map((time) => time.cpu)),
      cpuCustom: summary(inServer.filter((time) => !time.url.includes('period=')).map((time) => time.cpu)),
      health: summary(health),
      byPeriod: map(byPeriod),
      byScope: map(byScope),
      queries: queries.length,
    };
  } finally {
    await server.stop();
  }
}

const heading = '## Visits: ingest and stats';

function writeSection({ ingested, year, latency, info }) {
  const ratio = Math.round((ingested.visits.requestsPerSecond / ingested.health.requestsPerSecond) * 100);
  const row = (name, s) => `| ${name} | ${s.n} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} |`;
  const section = [
    heading,
    '',
    `\`npm run bench -- --visits\` (bench/visits.mjs), ${new Date().toISOString().slice(0, 10)}. ${info.cores} cores (${info.cpu}),`,
    `load average ${info.load} when the run started (other jobs shared the machine). Servers from source in their own`,
    'process, rate limits off (one client on loopback is what the per-address limits exist to stop), SQLite file in WAL.',
    '',
    `### Ingest (\`POST /v1/visits\`), target >= 5,000 visits/s`,
    '',
    `autocannon, 10 connections, ${amount.toLocaleString('en')} requests each, on the same server: first its bare \`GET /v1/health\` (the ceiling of`,
    'the HTTP stack here), then kiosk check-ins of every demo library (kiosk tokens; guests, members looked up by',
    'number, class visits), each with its own Idempotency-Key, as a kiosk sends them.',
    '',
    '| route | requests/s | p50 ms | p99 ms | answers |',
    '|---|---|---|---|---|',
    `| \`GET /v1/health\` (ceiling) | ${ingested.health.requestsPerSecond} | ${ingested.health.p50} | ${ingested.health.p99} | ${JSON.stringify(ingested.health.statuses)} |`,
    `| \`POST /v1/visits\` | ${ingested.visits.requestsPerSecond} | ${ingested.visits.p50} | ${ingested.visits.p99} | ${JSON.stringify(ingested.visits.statuses)} |`,
    '',
    `Server CPU time per request (from /proc, whatever the other jobs did): health ${ingested.health.cpuMsPerRequest} ms, visit`,
    `${ingested.visits.cpuMsPerRequest} ms, so one core of this machine could serve about ${Math.round(1000 / ingested.health.cpuMsPerRequest).toLocaleString('en')} health answers or`,
    `${Math.round(1000 / ingested.visits.cpuMsPerRequest).toLocaleString('en')} visits a second with the load generator on the other core.`,
    '',
    `Visits ran at ${ratio} % of the health route. Acknowledged (201): ${ingested.acknowledged}; stored afterwards: ${ingested.stored}`,
    `visit rows (${ingested.stored === ingested.acknowledged ? 'equal' : 'NOT EQUAL'}); people in the rows ${ingested.people}, in the network's day roll-up`,
    `${ingested.rolledUp} (${ingested.people === ingested.rolledUp ? 'equal' : 'NOT EQUAL'}). Errors: ${ingested.visits.errors}, timeouts: ${ingested.visits.timeouts}.`,
    '',
    `### Stats (\`GET /v1/visits/stats\`), target p95 <= 5 ms`,
    '',
    `A year of the whole network's visits: ${year.rows.toLocaleString('en')} visit rows of ${year.libraries} libraries (the demo network and`,
    `generated school libraries), ${year.from} to ${year.to}, generated into SQLite (bench/visits-year.mjs), roll-ups built from`,
    `the rows. ${latency.queries} questions (each period with no chart, \`chart=30d\` and \`chart=12m\`; a year by day, half a year by`,
    'week, ten months by month; for the network, one library and three libraries), 15 rounds, one request at a',
    'time over keep-alive, measured at the client (HTTP included), in the server (request received to answer sent)',
    'and as CPU time of the server process per answer (what the answer costs, whatever else the machine runs).',
    "Each question is asked cold (right after a roll-up write, which empties the server's answer cache as any",
    'visit does; the rows by period and scope are cold) and then warm (from that cache). Baseline: `GET /v1/health`',
    'after each question, at the client.',
    '',
    '| requests | n | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---|---|---|---|---|',
    row('all stats, cold, at the client', latency.all),
    row('all stats, cold, in the server (received to sent)', latency.inServer),
    row('all stats, cold, CPU time of the server', latency.cpuInServer),
    row('presets (period=...), cold, CPU time of the server', latency.cpuPresets),
    row('custom ranges (from/to), cold, CPU time of the server', latency.cpuCustom),
    ...Object.entries(latency.byPeriod).map(([period, s]) => row(`period ${period}`, s)),
    ...Object.entries(latency.byScope).map(([scope, s]) => row(scope, s)),
    row('all stats, warm (cached answer), at the client', latency.warm),
    row('all stats, warm, CPU time of the server', latency.cpuWarm),
    row('`GET /v1/health` (baseline)', latency.health),
    '',
  ].join('\n');
  const file = join(root, 'docs', 'benchmarks.md');
  writeBenchmarksSection(file, heading, section);
  log(`✔ docs/benchmarks.md: "${heading}" written`);
}

mkdirSync(results, { recursive: true });
const info = {
  cores: availableParallelism(),
  cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
  load: loadavg()
    .map((value) => value.toFixed(1))
    .join(' / '),
};
const year = yearFile();
const ingested = await ingest();
const latency = await stats(year);
const figures = { ingested, year, latency, info };
writeFileSync(join(results, 'visits-last-run.json'), JSON.stringify(figures, null, 2));
console.log(JSON.stringify(figures, null, 2));
if (!process.argv.includes('--no-write')) writeSection(figures);
