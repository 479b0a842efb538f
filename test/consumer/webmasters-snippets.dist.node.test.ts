// docs/webmasters.md followed literally: every HTML snippet of the guide pasted into a school's page on another
// origin, against a real server that serves the built CDN files, as `npm start` does on http://localhost:8080
// (the snippets' address; only the port differs here). Each widget in them must register, render and, for the
// catalogue search, find something: a snippet that loads nothing leaves the webmaster a blank box.
//
// `.dist.node.test.ts`: scripts/test.mjs runs it after the build, since the server serves dist/cdn.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { launchChromium, openPage } from '../support/chromium.js';
import { startTestServer, type TestServer } from '../support/server.js';

const root = new URL('../../', import.meta.url).pathname;
const guide = readFileSync(join(root, 'docs', 'webmasters.md'), 'utf8');
const snippets = [...guide.matchAll(/```html\n([\s\S]*?)```/g)].map((match) => match[1]!);

/** The tags of the workspace's widget packages: a snippet of a widget still to come is not checked yet. */
const widgetTags = readdirSync(join(root, 'packages'))
  .map((folder) => join(root, 'packages', folder, 'package.json'))
  .filter((file) => existsSync(file))
  .map((file) => JSON.parse(readFileSync(file, 'utf8')).pustaka?.widget as string | undefined)
  .filter((tag): tag is string => Boolean(tag));

let server: TestServer;
let school: Server;
let browser: Browser;

before(async () => {
  server = await startTestServer();
  const page = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>SMA Negeri 1 Bontang</title>
<link rel="icon" href="data:,"></head><body>${snippets.join('\n').replaceAll('http://localhost:8080', server.url)}</body></html>`;
  school = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(page));
  await new Promise<void>((resolve) => school.listen(0, '127.0.0.1', resolve));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => school?.close(resolve));
  await server?.close();
});

describe('docs/webmasters.md, followed literally', () => {
  it('has snippets that load the widgets from the server and a widget in them', () => {
    assert.ok(snippets.some((snippet) => snippet.includes('http://localhost:8080/cdn/pustaka.js')));
    assert.ok(snippets.some((snippet) => snippet.includes('<pustaka-catalog-search')));
    assert.doesNotMatch(snippets.join('\n'), /PUSTAKA-SERVER|https:\/\/localhost/);
  });

  it('gives a school page on another origin working widgets: registered, rendered, and searching', async () => {
    const { port } = school.address() as AddressInfo;
    const { page, problems } = await openPage(browser, `http://127.0.0.1:${port}/`);
    try {
      const tags = widgetTags.filter((tag) => snippets.some((snippet) => snippet.includes(`<${tag}`)));
      assert.ok(tags.length > 0);
      for (const tag of tags) {
        await page.waitForFunction(
          (name) => [...document.querySelectorAll(name)].every((element) => element.shadowRoot?.childElementCount),
          { timeout: 20_000 },
          tag,
        );
      }
      // The catalogue search asks the server: a search shows results.
      await page.evaluate(() => {
        const input = document.querySelector('pustaka-catalog-search')!.shadowRoot!.querySelector('input')!;
        input.value = 'pendidikan';
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      });
      await page.waitForFunction(
        () => document.querySelector('pustaka-catalog-search')!.shadowRoot!.querySelector('[part~="result"]'),
        { timeout: 20_000 },
      );
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
