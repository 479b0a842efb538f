import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromeArgs, findChrome } from '../../../scripts/find-chrome.mjs';
import { copyDemoDatabase } from '../../../test/support/server.js';
import { startServer, type RunningServer } from '@pustaka/server';

// `.dist.node.test.ts`: runs after the build, since the kiosk page loads the CDN build (dist/cdn/). The one test
// of the kiosk's service worker, which only a real page on the real server shows: the page opens again with no
// network once it has been loaded, and a check-in made offline is sent when the network returns.
let server: RunningServer;
let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), 'pustaka-kiosk-'));

before(async () => {
  await copyDemoDatabase(dataDir);
  server = await startServer({ dataDir, port: 0, host: '127.0.0.1', demo: true, logger: false, rateLimits: false });
  const executablePath = (findChrome as () => string | undefined)();
  assert.ok(executablePath, 'Chrome or Chromium is needed (see scripts/find-chrome.mjs)');
  browser = await puppeteer.launch({ executablePath, headless: true, args: chromeArgs as string[] });
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const inKiosk = (page: Page, part: string) =>
  page.evaluate(
    (name) =>
      document.querySelector('pustaka-visit-counter')?.shadowRoot?.querySelector(`[part="${name}"]`)?.textContent ?? '',
    part,
  );

describe('the kiosk page with its service worker', () => {
  it('opens without a network once loaded, and sends what waited when the network returns', async () => {
    const page = await browser.newPage();
    // Service workers need a secure context: localhost is one, 127.0.0.1 too, but keep the usual name.
    await page.goto(`${server.url.replace('127.0.0.1', 'localhost')}/kiosk/`);
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    await page.waitForFunction(() =>
      /\d/.test(
        document.querySelector('pustaka-visit-counter')!.shadowRoot!.querySelector('[part="count"]')?.textContent ?? '',
      ),
    );
    const today = async () => {
      const stats = await fetch(`${server.url}/v1/visits/stats?library=dispusip-bontang&period=today`);
      return ((await stats.json()) as { total: number }).total;
    };
    const before = await today();
    assert.equal(await inKiosk(page, 'count'), `Pengunjung hari ini: ${before}`);
    assert.equal(await page.evaluate(() => document.getElementById('kiosk-note')!.hidden), false, 'says it is a demo');

    await page.setOfflineMode(true);
    await page.reload();
    await page.waitForFunction(() =>
      document.querySelector('pustaka-visit-counter')?.shadowRoot?.querySelector('[name="member_number"]'),
    );
    await page.evaluate(() => {
      const input = document
        .querySelector('pustaka-visit-counter')!
        .shadowRoot!.querySelector<HTMLInputElement>('[name="member_number"]')!;
      input.value = 'BTG-2026-000123';
      input.form!.requestSubmit();
    });
    await page.waitForFunction(() =>
      /menunggu/.test(
        document.querySelector('pustaka-visit-counter')!.shadowRoot!.querySelector('[part="queue"]')!.textContent!,
      ),
    );
    assert.match(await inKiosk(page, 'queue'), /^1 kunjungan menunggu/);

    await page.setOfflineMode(false);
    await page.waitForFunction(
      () =>
        document.querySelector('pustaka-visit-counter')!.shadowRoot!.querySelector('[part="queue"]')!.textContent ===
        '',
    );
    assert.equal(await today(), before + 1, 'the check-in made offline was counted once');
  });
});
