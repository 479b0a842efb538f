import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * User agents of crawlers, link previews, monitors, HTTP libraries and automated browsers. Short on purpose:
 * the other signals below catch what it misses (a script rarely sends `Sec-Fetch-*`, a driven browser sets
 * `navigator.webdriver`).
 */
const botAgents =
  /bot\b|bot[/_;-]|crawl|spider|slurp|scrape|archiver|preview|fetcher|monitor|uptime|pingdom|lighthouse|pagespeed|gtmetrix|headless|phantomjs|selenium|webdriver|puppeteer|playwright|cypress|facebookexternalhit|whatsapp|embedly|curl|wget|python|java\/|go-http|okhttp|axios|node-fetch|undici|node\.js|deno|bun\/|httpclient|libwww|perl|ruby|php|postman|insomnia|^mozilla\/5\.0$|^node$/i;

/** Headless Chromium says so in its user agent; tests of a page may still want it counted (see `countHeadless`). */
const headless = /headlesschrome/i;

export type NotCounted = 'automated';

/**
 * Why a web visit is not a person's, or undefined when it looks like one. Counted only: a user agent that is
 * no known bot; a browser not driven by automation (`navigator.webdriver`, sent by the widget as `automated`);
 * a request that carries the `Sec-Fetch-*` headers every current browser sends with fetch() and no prefetch
 * or prerender mark. A browser too old for `Sec-Fetch-*` (before 2023) is not counted: the figures err low.
 */
export function automatedVisit(
  headers: IncomingHttpHeaders,
  automated: boolean | undefined,
  options: { countHeadless?: boolean } = {},
): NotCounted | undefined {
  const agent = headers['user-agent'] ?? '';
  if (automated) return 'automated';
  const agentWithoutHeadless = options.countHeadless ? agent.replace(headless, 'Chrome') : agent;
  if (!agent.trim() || botAgents.test(agentWithoutHeadless)) return 'automated';
  if (!headers['sec-fetch-mode'] || !headers['sec-fetch-site']) return 'automated';
  const dest = headers['sec-fetch-dest'];
  if (dest !== undefined && dest !== 'empty') return 'automated';
  const purpose = `${headers['sec-purpose'] ?? ''} ${headers['purpose'] ?? ''}`;
  if (/prefetch|prerender/i.test(purpose)) return 'automated';
  return undefined;
}

/**
 * The visitor of a day: a keyed hash of the day's secret, the site (library and site key), the client's
 * address and the user agent. Neither address nor user agent is stored; once the day's secret is deleted, the
 * hash cannot be recomputed from them, by the operator or anyone else.
 */
export function visitorHash(secret: Buffer, site: string, address: string, userAgent: string): string {
  return createHmac('sha256', secret)
    .update(`${site}\u0000${address}\u0000${userAgent}`)
    .digest('base64url')
    .slice(0, 22);
}
