import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromeArgs, findChrome, howToGetChrome } from '../../scripts/find-chrome.mjs';

/** Headless Chromium for Node tests that need a real page (find-chrome.mjs finds it, as for the browser tests). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error(howToGetChrome);
  return puppeteer.launch({ executablePath, args: chromeArgs, headless: true });
}

/**
 * Opens `url` in a new page and collects what went wrong on it: uncaught exceptions, console errors and failed
 * requests, each as one line. Close the page when done.
 */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error instanceof Error ? error.message : error}`));
  page.on('console', (message) => {
    // The location names the request a "Failed to load resource" line is about (its text does not).
    const where = message.location()?.url;
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}
