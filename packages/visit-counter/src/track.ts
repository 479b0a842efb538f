import type { PustakaClient } from '@pustaka/client';

/** The APIs this page view was counted for already: one web visit per page load, however many counters it has. */
const counted = new Set<string>();

/**
 * Counts this page view once per page load. Nothing is stored in the browser (no cookie, no storage): the server
 * counts a visitor once a day from a keyed hash it forgets, and hears from `automated` that a browser is driven by
 * automation (`navigator.webdriver`), which it does not count. A failure costs the page nothing.
 */
export async function trackPageView(client: PustakaClient, scope: string): Promise<void> {
  if (counted.has(scope)) return;
  counted.add(scope);
  await client.visits.trackWeb({ automated: navigator.webdriver === true }).catch(() => {});
}
