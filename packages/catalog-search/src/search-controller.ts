import type { PustakaClient, RecordSummary, SearchParams, SearchResult } from '@pustaka/client';
import { libraryDirectory, LoadController, type Failure, type LoadStatus } from '@pustaka/core';
import type { ReactiveControllerHost } from 'lit';
import type { Suggestion } from './combobox.js';
import { activeFilterCount, noFilters, searchParams, type Filters } from './search-state.js';

/**
 * Theme browsing (`initial`: nothing asked), a search on its way (`pending`), its answer (`complete`), or why it
 * failed: the load statuses of core, with the failure in place of `failed`.
 */
export type SearchStatus = Exclude<LoadStatus, 'failed'> | Failure;

/** The element a search belongs to: its results per page, and its API base (the library directory's key). */
export interface SearchHost extends ReactiveControllerHost, HTMLElement {
  readonly perPage: number;
  readonly apiBase: string;
}

/** What the search needs from its element; the element keeps rendering and events. */
export interface SearchHooks {
  /** The element's client; throws `PustakaSetupError` for a bad `api`, which becomes the `setup` status. */
  client(): PustakaClient;
  /** A search starts (after the quiet time) or goes back to idle: the element writes its URL (`sync-url`). */
  onRequest(append: boolean): void;
  /** A page arrived and is in `items` (at their end when `append`). */
  onAnswer(result: SearchResult, args: SearchArgs): void;
  onSuggestions(items: Suggestion[]): void;
}

export type SearchArgs = readonly [query: string, params: SearchParams, append: boolean, suggest: boolean];

/**
 * @summary The state of `<pustaka-catalog-search>`: what was typed, the filters, the results so far, and one
 * search at a time through the core `LoadController` (each keystroke cancels the request in flight, a
 * failure is kept with its retry, a search cut short by the element leaving the page starts again when it
 * comes back). Suggestions and the network's library names load beside each search.
 */
export class SearchController {
  /** What the visitor typed; kept through every state. */
  query = '';
  filters: Filters = noFilters();
  /** Every result shown, pages appended by "load more". */
  items: RecordSummary[] = [];
  result: SearchResult | undefined;
  /** Milliseconds the last answer took, for the summary line. */
  elapsed = 0;
  /** The search on its way adds a page ("load more") instead of replacing the results. */
  appending = false;
  libraries = new Map<string, { name: string }>();

  readonly #host: SearchHost;
  readonly #hooks: SearchHooks;
  readonly #load: LoadController<SearchArgs, SearchResult>;

  constructor(host: SearchHost, hooks: SearchHooks) {
    this.#host = host;
    this.#hooks = hooks;
    this.#load = new LoadController(host, {
      load: (args: SearchArgs, signal) => this.#ask(args, signal),
      onComplete: hooks.onAnswer,
    });
  }

  get status(): SearchStatus {
    const { status, failure } = this.#load;
    return status === 'failed' ? failure! : status;
  }

  /**
   * Searches after `quiet` ms without a newer call, cancelling whatever the previous call started. With
   * nothing typed and no filter, goes back to theme browsing.
   */
  search(quiet = 0, append = false, suggest = false): void {
    const query = this.query.trim();
    this.appending = append;
    if (!query && !activeFilterCount(this.filters)) {
      this.#load.reset();
      this.result = undefined;
      this.items = [];
      this.#hooks.onSuggestions([]);
      this.#hooks.onRequest(false);
      return;
    }
    const page = append && this.result ? this.result.page + 1 : 1;
    const perPage = Math.min(100, Math.max(1, this.#host.perPage | 0 || 10));
    void this.#load.run([query, searchParams(query, this.filters, page, perPage), append, suggest], { quiet });
  }

  /** The last search again, as it was asked. */
  retry(): void {
    void this.#load.retry();
  }

  setFilters(change: Partial<Filters>): void {
    this.filters = { ...this.filters, ...change };
    this.search();
  }

  async #ask([query, params, append, suggest]: SearchArgs, signal: AbortSignal): Promise<SearchResult> {
    const client = this.#hooks.client();
    if (!append) this.#hooks.onRequest(false);
    if (suggest && query) void this.#suggest(client, query, signal);
    if (!this.libraries.size) void this.#loadLibraries(client);
    const started = performance.now();
    const result = await client.catalog.search(params, { signal });
    signal.throwIfAborted();
    this.elapsed = performance.now() - started;
    this.items = append ? [...this.items, ...result.items] : result.items;
    this.result = result;
    return result;
  }

  async #suggest(client: PustakaClient, query: string, signal: AbortSignal) {
    try {
      const { items } = await client.catalog.suggest({ q: query.slice(0, 100), limit: 6 }, { signal });
      if (!signal.aborted) this.#hooks.onSuggestions(items);
    } catch {
      // Suggestions are a convenience: the search itself reports what went wrong.
    }
  }

  async #loadLibraries(client: PustakaClient) {
    try {
      this.libraries = await libraryDirectory(client, this.#host.apiBase);
      this.#host.requestUpdate();
    } catch {
      // Ids stand in for names until a later search asks again.
    }
  }
}
