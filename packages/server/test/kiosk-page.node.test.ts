import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp, openDatabase, sqliteStores } from '@pustaka/server';
import { contractCheck } from '../../../test/support/contract-check.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

const get = (path: string, init?: RequestInit) => fetch(server.url + path, { redirect: 'manual', ...init });

describe('the kiosk page (/kiosk)', () => {
  it("redirects /kiosk to /kiosk/, a page that loads only this server's scripts", async () => {
    const redirect = await get('/kiosk');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/kiosk/');
    const page = await get('/kiosk/');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const html = await page.text();
    assert.match(html, /<pustaka-visit-counter mode="kiosk">/);
    assert.match(html, /src="\/kiosk\/kiosk\.js"/);
    assert.doesNotMatch(html, /<script>(?!<)/, 'no inline script');
  });

  it('serves its service worker from /kiosk/, so that it controls the kiosk page', async () => {
    const worker = await get('/kiosk/sw.js');
    assert.equal(worker.status, 200);
    assert.match(worker.headers.get('content-type') ?? '', /javascript/);
    assert.match(await worker.text(), /pustaka-kiosk-v1/);
  });

  it('hands out the demo kiosk token and site key in demo mode', async () => {
    const response = await get('/demo-keys.json');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await response.json(), {
      kiosk_token: server.demoCredentials.kioskToken,
      site_key: server.demoCredentials.siteKey,
    });
  });

  it('has no demo keys to give on a server without demo credentials', async () => {
    const db = openDatabase(':memory:');
    const app = await buildApp({ stores: sqliteStores(db), checkResponses: contractCheck().record });
    try {
      const response = await app.inject('/demo-keys.json');
      assert.equal(response.statusCode, 404);
      assert.deepEqual(response.json(), { kiosk_token: null, site_key: null });
    } finally {
      await app.close();
      db.close();
    }
  });
});
