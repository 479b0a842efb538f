// Helpers for the browser tests. The page's own origin serves the REAL Pustaka server (fresh demo database, demo
// members) under /v1, and its demo keys at /demo-keys.json: the kiosk token and the site key the tests use.
import { createPustakaClient, type PustakaClientOptions, type VisitStats } from '@pustaka/client';
import { defineElement } from '@pustaka/core';
import { waitUntil } from '@open-wc/testing';
import { PustakaVisitCounter } from '../src/index.js';
import { visitQueue } from '../src/visit-queue.js';

/**
 * The widget with its requests counted, and the one fault the real server cannot produce on demand: a network
 * that is gone. `offline` fails every request before it leaves; `dropAnswers` lets the request reach the server
 * and then loses its answer, as a connection that breaks while the server answers.
 */
export class TestVisitCounter extends PustakaVisitCounter {
  requests: Request[] = [];
  offline = false;
  dropAnswers = false;
  /** While set, requests wait for it before they leave. */
  hold: Promise<void> | undefined;

  protected override clientOptions(): PustakaClientOptions {
    return {
      ...super.clientOptions(),
      fetch: async (request: Request) => {
        this.requests.push(request.clone());
        await this.hold;
        if (this.offline) throw new TypeError('Failed to fetch');
        const response = await fetch(request);
        if (this.dropAnswers) throw new TypeError('Failed to fetch');
        return response;
      },
    };
  }
}
defineElement('test-visit-counter', TestVisitCounter, '0.0.0-test');

declare global {
  interface HTMLElementTagNameMap {
    'test-visit-counter': TestVisitCounter;
  }
}

export const part = <E extends Element = HTMLElement>(el: Element, name: string) =>
  el.shadowRoot!.querySelector<E>(`[part~="${name}"]`);
export const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
export const field = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`);

let keys: Promise<{ kiosk_token: string; site_key: string }> | undefined;

/** The demo server's kiosk token and site key. */
export function demoKeys() {
  keys ??= fetch('/demo-keys.json').then((response) => response.json());
  return keys;
}

/** Asks the real server directly: the tests' oracle for what the widget must show. */
export async function serverStats(query: string): Promise<VisitStats> {
  const response = await fetch(`/v1/visits/stats?${query}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`stats ${query}: ${response.status}`);
  return (await response.json()) as VisitStats;
}

/** People counted today at the kiosk's library, from the server. */
export async function todayAtKiosk(): Promise<number> {
  const kiosk = createPustakaClient({ baseUrl: location.origin, token: (await demoKeys()).kiosk_token });
  return (await kiosk.visits.kiosk()).today_counts.total;
}

/** Records a visit through the kiosk token, as setup for a test of what the figures show. */
export async function recordGuest(institution: string) {
  const kiosk = createPustakaClient({ baseUrl: location.origin, token: (await demoKeys()).kiosk_token });
  return kiosk.visits.record({ kind: 'guest', name: 'Tamu Uji', institution, purpose: 'read' });
}

/** Empties the kiosk's outbox, so each test starts with none waiting. */
export async function emptyOutbox() {
  for (const visit of await visitQueue.list(location.origin)) await visitQueue.remove(visit.key);
}

export const outbox = () => visitQueue.list(location.origin);

/** The banner under the kiosk's count, once it says something. */
export async function banner(el: Element): Promise<string> {
  await waitUntil(() => text(el.shadowRoot!.querySelector('.notice')), 'no banner was shown', { timeout: 8000 });
  return text(el.shadowRoot!.querySelector('.notice'));
}
