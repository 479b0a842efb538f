// Web visits (the track attribute) and the rate limits of visits, through HTTP on a real server.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../../../test/support/server.js';

const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const firefox = 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0';
/** What a browser's fetch() from the school's page sends. */
const browserHeaders = { 'sec-fetch-mode': 'cors', 'sec-fetch-site': 'cross-site', 'sec-fetch-dest': 'empty' };

function webVisit(server: TestServer, headers: Record<string, string> = {}, body: unknown = { automated: false }) {
  return fetch(`${server.url}/v1/visits/web`, {
    method: 'POST',
    headers: {
      'x-pustaka-key': server.demoCredentials.siteKey,
      origin: 'http://localhost:8000',
      'content-type': 'application/json',
      'user-agent': chrome,
      ...browserHeaders,
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

const answer = async (response: Response) => [response.status, await response.json()];

describe('web visits', () => {
  let at = Date.parse('2026-11-29T02:00:00Z');
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ visits: { now: () => at } });
  });
  after(() => server.close());
  const stats = async () => (await fetch(`${server.url}/v1/visits/stats?period=today&library=sman-1-bontang`)).json();

  it('counts a browser once a day, however often the page is reloaded, and apart from people', async () => {
    assert.deepEqual(await answer(await webVisit(server)), [201, { library_id: 'sman-1-bontang', counted: true }]);
    for (let reload = 0; reload < 3; reload++) {
      assert.deepEqual(await answer(await webVisit(server)), [
        200,
        { library_id: 'sman-1-bontang', counted: false, reason: 'repeat' },
      ]);
    }
    assert.equal((await webVisit(server, { 'user-agent': firefox })).status, 201, 'another browser is another visitor');
    const today = await stats();
    assert.deepEqual([today.web_visits, today.total, today.series[0].web_visits], [2, 0, 2]);
  });

  it('counts no bot, script, automated browser or prefetch', async () => {
    const refused = [
      { headers: { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' } },
      { headers: { 'user-agent': 'facebookexternalhit/1.1' } },
      { headers: { 'user-agent': 'curl/8.5.0' } },
      { headers: { 'user-agent': '' } },
      { headers: { 'user-agent': chrome.replace('Chrome/', 'HeadlessChrome/') } },
      { headers: {}, body: { automated: true } },
      { headers: { 'sec-fetch-mode': '', 'sec-fetch-site': '' } },
      { headers: { 'sec-fetch-dest': 'document' } },
      { headers: { 'sec-purpose': 'prefetch;prerender' } },
    ];
    for (const { headers, body } of refused) {
      const sent = Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== ''));
      const without = Object.keys(headers).filter((name) => headers[name as keyof typeof headers] === '');
      const response = await fetch(`${server.url}/v1/visits/web`, {
        method: 'POST',
        headers: Object.fromEntries(
          Object.entries({
            'x-pustaka-key': server.demoCredentials.siteKey,
            origin: 'http://localhost:8000',
            'content-type': 'application/json',
            'user-agent': firefox.replace('133', '134'),
            ...browserHeaders,
            ...sent,
          }).filter(([name]) => !without.includes(name)),
        ),
        body: JSON.stringify(body ?? { automated: false }),
      });
      assert.deepEqual(
        await answer(response),
        [200, { library_id: 'sman-1-bontang', counted: false, reason: 'automated' }],
        JSON.stringify(headers),
      );
    }
    assert.equal((await stats()).web_visits, 2);
  });

  it('counts the same browser again on the next local day, with a new secret', async () => {
    const secretBefore = server.db.prepare('SELECT secret FROM web_visit_secrets').pluck().all();
    at = Date.parse('2026-11-29T16:00:00Z'); // midnight in Bontang
    assert.equal((await webVisit(server)).status, 201);
    const secrets = server.db.prepare('SELECT day, secret FROM web_visit_secrets').all() as { day: string }[];
    assert.deepEqual(
      secrets.map((row) => row.day),
      ['2026-11-30'],
    );
    assert.notDeepEqual(secretBefore, [(secrets[0] as unknown as { secret: Buffer }).secret]);
    assert.deepEqual(server.db.prepare('SELECT DISTINCT day FROM web_visitors').pluck().all(), ['2026-11-30']);
  });

  it('stores neither the IP address nor the user agent anywhere', async () => {
    const tables = server.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    for (const table of tables) {
      const rows = JSON.stringify(server.db.prepare(`SELECT * FROM "${table}"`).all());
      assert.doesNotMatch(rows, /Chrome\/131|Firefox\/13/, table);
      // The demo site key allows the origin http://127.0.0.1:*, which is no visitor's address.
      if (table !== 'credentials') assert.doesNotMatch(rows, /127\.0\.0\.1|10\.1\.1\.1/, table);
    }
  });

  it('asks for a site key from an allowed origin', async () => {
    assert.equal((await webVisit(server, { origin: 'https://elsewhere.example' })).status, 403);
    const kiosk = await fetch(`${server.url}/v1/visits/web`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.demoCredentials.kioskToken}`, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(kiosk.status, 403);
  });
});

describe('web visits of headless Chromium, for browser tests', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ visits: { countHeadless: true } });
  });
  after(() => server.close());

  it('counts HeadlessChrome when told to, but never a browser that says it is automated', async () => {
    const headless = { 'user-agent': chrome.replace('Chrome/', 'HeadlessChrome/') };
    assert.equal((await webVisit(server, headless, { automated: true })).status, 200);
    assert.equal((await webVisit(server, headless)).status, 201);
  });
});

describe('rate limits of visits', () => {
  let server: TestServer;
  const logLines: Record<string, unknown>[] = [];
  before(async () => {
    server = await startTestServer({
      rateLimits: { visit: { perIp: '3/min' }, 'web-visit': { perVisitor: '2/min' } },
      trustProxy: ['loopback'],
      logger: {
        level: 'warn',
        stream: new Writable({
          write(chunk, _encoding, done) {
            logLines.push(JSON.parse(String(chunk)));
            done();
          },
        }),
      },
    });
  });
  after(() => server.close());

  const siteVisit = (ip: string) =>
    fetch(`${server.url}/v1/visits`, {
      method: 'POST',
      headers: {
        'x-pustaka-key': server.demoCredentials.siteKey,
        origin: 'http://localhost:8000',
        'content-type': 'application/json',
        'x-forwarded-for': ip,
      },
      body: JSON.stringify({ kind: 'guest', institution: 'Orang tua murid' }),
    });

  it('does not limit a site key shared by many visitors, only each address', async () => {
    const addresses = Array.from({ length: 8 }, (_, i) => `10.0.0.${i + 1}`);
    for (const ip of addresses) assert.equal((await siteVisit(ip)).status, 201, ip);
    for (let i = 0; i < 2; i++) assert.equal((await siteVisit('10.0.0.1')).status, 201);
    const refused = await siteVisit('10.0.0.1');
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
  });

  it('reports refused visits to the operator in a log line', async () => {
    const line = logLines.find((entry) => entry.msg === 'visits refused by rate limits');
    assert.ok(line, 'a warning was logged');
    assert.deepEqual(line.dropped, { recordVisit: 1 });
  });

  it('counts refused visits in /v1/health for the operator', async () => {
    const health = (await (await fetch(`${server.url}/v1/health`)).json()) as {
      visits_refused: { record_visit: number; record_web_visit: number; since: string; last_refused_at?: string };
    };
    assert.equal(health.visits_refused.record_visit, 1);
    assert.equal(health.visits_refused.record_web_visit, 0);
    assert.ok(Date.parse(health.visits_refused.last_refused_at!) >= Date.parse(health.visits_refused.since));
  });

  it('limits web visits per visitor, not per address: a classmate behind the same address still counts', async () => {
    const pupil = { 'x-forwarded-for': '10.1.1.1' };
    assert.equal((await webVisit(server, pupil)).status, 201);
    assert.equal((await webVisit(server, pupil)).status, 200);
    assert.equal((await webVisit(server, pupil)).status, 429);
    assert.equal((await webVisit(server, { ...pupil, 'user-agent': firefox })).status, 201);
  });
});
