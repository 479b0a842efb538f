import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../../../test/support/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

describe('the staff desk page and the demo site key', () => {
  it('serves the staff desk at /staff/, and sends /staff there', async () => {
    const bare = await fetch(`${server.url}/staff`, { redirect: 'manual' });
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.get('location'), '/staff/');
    const page = await fetch(`${server.url}/staff/`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<pustaka-staff-desk><\/pustaka-staff-desk>/);
    assert.match(html, /src="\/cdn\/pustaka-staff-desk.js"/);
    assert.doesNotMatch(html, new RegExp(server.demoCredentials.staffToken), 'the staff token is pasted, never served');
  });

  it('hands the demo pages the demo site key (and kiosk token) in demo mode, never the staff token', async () => {
    const response = await fetch(`${server.url}/demo-keys.json`);
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.equal(JSON.parse(text).site_key, server.demoCredentials.siteKey);
    assert.doesNotMatch(text, new RegExp(server.demoCredentials.staffToken));
  });
});
