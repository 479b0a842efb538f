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
// Per stats answer, in the server: the time from request to answer (Fastify's elapsedTime), and the CPU time this
// process spent on it (the benchmark asks one question at a time, so the process does nothing else meanwhile).
// On a machine shared with other jobs the first grows with their load; the second does not.
const statsTimes = [];
const cpuAtStart = new WeakMap();
// Only for stats: process.cpuUsage() is a system call, which would cost the ingest benchmark 5 % of its time.
app.addHook('onRequest', async (request) => {
  if (request.url.startsWith('/v1/visits/stats')) cpuAtStart.set(request, process.cpuUsage());
});
app.addHook('onResponse', async (request, reply) => {
  if (!request.url.startsWith('/v1/visits/stats')) return;
  const cpu = process.cpuUsage(cpuAtStart.get(request));
  statsTimes.push({ url: request.url, elapsed: reply.elapsedTime, cpu: (cpu.user + cpu.system) / 1000 });
});
app.get('/bench/stats-timings', async () => statsTimes.splice(0));
// A roll-up write that adds nothing (zero visits to today's network row): it empties the stats answer cache as a
// real visit would, without changing the figures, so that the benchmark can ask a question cold.
const nothing = {
  members: 0,
  guests: 0,
  groupPeople: 0,
  webVisits: 0,
  memberTypes: { pelajar: 0, mahasiswa: 0, guru_dosen: 0, umum: 0, asn: 0 },
};
app.post('/bench/roll-up-write', async () => {
  await stores.visits.addDayTotals([
    { libraryId: demoLibraries[0].id, day: new Date().toISOString().slice(0, 10), totals: nothing },
  ]);
  return { ok: true };
});
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
