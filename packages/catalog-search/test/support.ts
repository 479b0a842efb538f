// Helpers for the browser tests. The page's own origin serves the REAL Pustaka server (fresh demo database)
// under /v1, so widgets in these tests point `api` at `location.origin`.
import type { PustakaClientOptions, RecordSummary, SearchResult } from '@pustaka/client';
import { defineElement } from '@pustaka/core';
import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PustakaCatalogSearch, type PustakaSearchDetail } from '../src/index.js';

/**
 * The widget with its requests and renders counted. Requests still go to the real server; those whose URL
 * matches `hold` wait until the test calls `release()` (or their signal aborts), to produce an ordering the
 * real server would not produce on demand, without a timer.
 */
export class TrackedCatalogSearch extends PustakaCatalogSearch {
  requests: Request[] = [];
  renders = 0;
  hold: RegExp | undefined;
  #held: (() => void)[] = [];

  /** Lets every request held so far go on to the server. */
  release(): void {
    for (const go of this.#held.splice(0)) go();
  }

  override render() {
    this.renders++;
    return super.render();
  }

  protected override clientOptions(): PustakaClientOptions {
    return {
      ...super.clientOptions(),
      fetch: async (request: Request) => {
        this.requests.push(request);
        if (this.hold?.test(request.url)) {
          await new Promise<void>((resolve, reject) => {
            this.#held.push(resolve);
            request.signal.addEventListener('abort', () => reject(request.signal.reason));
          });
        }
        return fetch(request);
      },
    };
  }
}
defineElement('tracked-catalog-search', TrackedCatalogSearch, '0.0.0-test');

declare global {
  interface HTMLElementTagNameMap {
    'tracked-catalog-search': TrackedCatalogSearch;
  }
}

export const part = <E extends Element = HTMLElement>(el: Element, name: string) =>
  el.shadowRoot!.querySelector<E>(`[part~="${name}"]`);
export const parts = <E extends Element = HTMLElement>(el: Element, name: string) => [
  ...el.shadowRoot!.querySelectorAll<E>(`[part~="${name}"]`),
];
export const input = (el: Element) => el.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
export const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const liveRegion = (el: Element) => text(el.shadowRoot!.querySelector('[role="status"]'));
export const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

/** Resolves with the detail of the next `pustaka-search` for `query` (any query when omitted). */
export function searched(el: Element, query?: string): Promise<PustakaSearchDetail> {
  return new Promise((resolve) => {
    const listener = (event: Event) => {
      const detail = (event as CustomEvent<PustakaSearchDetail>).detail;
      if (query !== undefined && detail.query !== query) return;
      el.removeEventListener('pustaka-search', listener);
      resolve(detail);
    };
    el.addEventListener('pustaka-search', listener);
  });
}

/** Types into the search box with real key presses, as a visitor would, and waits for its results. */
export async function typeAndWait(el: Element, words: string): Promise<PustakaSearchDetail> {
  const done = searched(el, words.trim());
  input(el).focus();
  await sendKeys({ type: words });
  return done;
}

/** The message shown for an empty or failed search, once there is one. */
export async function message(el: Element): Promise<HTMLElement> {
  await waitUntil(() => part(el, 'message'), 'no message was shown', { timeout: 8000 });
  return part<HTMLElement>(el, 'message')!;
}

/** Asks the real server directly: the tests' oracle for what the widget must show. */
export async function serverSearch(query: string): Promise<SearchResult> {
  const response = await fetch(`/v1/catalog/search?${query}`);
  if (!response.ok) throw new Error(`search ${query}: ${response.status}`);
  return (await response.json()) as SearchResult;
}

export async function firstRecord(query: string): Promise<RecordSummary> {
  const { items } = await serverSearch(query);
  if (!items[0]) throw new Error(`the demo catalogue has nothing for ${query}`);
  return items[0];
}
