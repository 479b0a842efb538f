import type {
  PustakaClient,
  RecordId,
  RecordSummary,
  SearchParams,
  SearchResult,
  ThemeCode,
} from '@pustaka/client';
import { LanguageController, PustakaElement } from '@pustaka/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import styles from './catalog-search.styles.js';
import { moveActive, optionId, suggestionList, type Suggestion } from './combobox.js';
import { facetsForm } from './facets.js';
import { messages } from './messages.js';
import { recordDetail, type DetailState } from './record-detail.js';
import { resultId, resultItem } from './results.js';
import { activeFilterCount, noFilters, readUrl, searchParams, writeUrl, type Filters, type ListFilter } from './search-state.js';
import type { View } from './view.js';
import { VERSION } from './version.js';
import { label, themeCodes } from './vocabulary.js';

/** What `pustaka-search` tells the page: the words, the request and how many titles matched. */
export interface PustakaSearchDetail {
  query: string;
  params: SearchParams;
  total: number;
}

/** What `pustaka-select-record` tells the page; cancel it to show the record your own way. */
export interface PustakaSelectRecordDetail {
  id: RecordId;
  record: RecordSummary | undefined;
}

type Status = 'idle' | 'loading' | 'done' | 'error';
type Failure = 'error' | 'offline' | 'slow' | 'setup';

/** Milliseconds of quiet after a keystroke before searching; short enough for results within 150 ms. */
const debounce = 60;

const libraryNames = new Map<string, Promise<Map<string, string>>>();

/**
 * @summary Union catalogue search of a city's library network: search as you type, suggestions, filters with
 * counts, theme browsing, and live availability in every library.
 *
 * @event {CustomEvent<PustakaSearchDetail>} pustaka-search - A search answered: `{ query, params, total }`.
 * @event {CustomEvent<PustakaSelectRecordDetail>} pustaka-select-record - The visitor opened a record; cancelable
 * (`preventDefault()` keeps the widget's detail view closed, to show the record your own way).
 *
 * @csspart base - The wrapper of everything.
 * @csspart form - The search form (`role="search"`).
 * @csspart input - The search box (a WAI-ARIA combobox).
 * @csspart button - The search button.
 * @csspart suggestions - The list of suggestions.
 * @csspart suggestion - One suggestion.
 * @csspart panel - Everything under the search box; in `compact` mode it opens below the box.
 * @csspart themes - The theme chips offered before anything is typed.
 * @csspart theme - One theme chip.
 * @csspart summary - "12 judul ditemukan · 0,04 detik".
 * @csspart filters - The filter disclosure.
 * @csspart facet - One group of filters.
 * @csspart results - The list of results.
 * @csspart result - One result.
 * @csspart cover - A cover, or the neutral placeholder of a record without one.
 * @csspart result-title - The title of a result, a button that opens the record.
 * @csspart availability - The availability line of a result.
 * @csspart more - The "load more" button.
 * @csspart message - The empty, error and offline messages.
 * @csspart retry - The "try again" button.
 * @csspart detail - The record's detail dialog.
 * @csspart detail-close - Its close button.
 * @csspart holding - The copies of one library in the detail view.
 *
 * @cssproperty --min-height - The space reserved before anything is found. Default `15rem`, `3rem` when `compact`.
 * @cssproperty --cover-width - Width of covers in the list. Default `3.5rem`.
 * @cssproperty --panel-max-height - Height of the results that open below the box in `compact` mode. Default `70vh`.
 */
export class PustakaCatalogSearch extends PustakaElement {
  static override version = VERSION;
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    library: { reflect: true },
    perPage: { type: Number, attribute: 'per-page' },
    compact: { type: Boolean, reflect: true },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    query: { state: true },
    filters: { state: true },
    status: { state: true },
    failure: { state: true },
    result: { state: true },
    items: { state: true },
    elapsed: { state: true },
    suggestions: { state: true },
    listOpen: { state: true },
    active: { state: true },
    panelOpen: { state: true },
    detail: { state: true },
    names: { state: true },
    announcement: { state: true },
  };

  /** The site's own library (`sman-1-bontang`): named first in availability and holdings. */
  declare library: string | undefined;
  /** Results per page, 1 to 100. Default 10: pages stay light on slow mobile data. */
  declare perPage: number;
  /** A search box alone, whose results open below it. */
  declare compact: boolean;
  /** Keeps the search in the page's URL (`?pustaka-q=...`), so that it can be shared and survives a reload. */
  declare syncUrl: boolean;

  /** What the visitor typed; kept through every state. */
  declare query: string;
  declare filters: Filters;
  declare status: Status;
  declare failure: Failure;
  declare result: SearchResult | undefined;
  declare items: RecordSummary[];
  declare elapsed: number;
  declare suggestions: Suggestion[];
  declare listOpen: boolean;
  declare active: number;
  declare panelOpen: boolean;
  declare detail: DetailState | undefined;
  declare names: Map<string, string>;
  declare announcement: string;

  readonly #i18n = new LanguageController(this, messages);
  /** Aborted by the next keystroke or filter change: stale answers never land. */
  #searchAbort: AbortController | undefined;
  #recordAbort: AbortController | undefined;
  #opener: HTMLElement | undefined;
  #urlRead = false;
  #appending = false;
  readonly #onPopState = () => this.#readSharedSearch();

  constructor() {
    super();
    this.perPage = 10;
    this.compact = false;
    this.syncUrl = false;
    this.query = '';
    this.filters = noFilters();
    this.status = 'idle';
    this.failure = 'error';
    this.items = [];
    this.elapsed = 0;
    this.suggestions = [];
    this.listOpen = false;
    this.active = -1;
    this.panelOpen = false;
    this.names = new Map();
    this.announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A search cancelled by disconnectedCallback starts again when the element comes back.
    if (this.status === 'loading') this.#search(0);
    if (!this.syncUrl) return;
    addEventListener('popstate', this.#onPopState);
    if (!this.#urlRead) this.#readSharedSearch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.#onPopState);
    this.#searchAbort?.abort();
    this.#recordAbort?.abort();
    this.shadowRoot?.querySelector('dialog')?.close();
  }

  get #view(): View {
    return {
      i18n: this.#i18n,
      siteLibrary: this.library,
      libraryName: (id) => this.names.get(id) ?? id,
      label: (list, value) => label(list, value, this.#i18n.language),
    };
  }

  #readSharedSearch() {
    this.#urlRead = true;
    const { query, filters, record } = readUrl(location.search);
    this.query = query;
    this.filters = filters;
    this.#search(0);
    if (record) void this.#openRecord(record);
    else this.shadowRoot?.querySelector('dialog')?.close();
  }

  get #clientOrFailure(): PustakaClient | undefined {
    try {
      return this.client;
    } catch {
      this.#fail('setup');
      return undefined;
    }
  }

  #fail(failure: Failure) {
    this.status = 'error';
    this.failure = navigator.onLine === false ? 'offline' : failure;
    this.announcement = '';
  }

  /**
   * Searches after `delay` ms of quiet, cancelling whatever the previous call started. With nothing typed and
   * no filter, the widget goes back to theme browsing.
   */
  #search(delay: number, { append = false, suggest = false } = {}) {
    this.#searchAbort?.abort();
    const { signal } = (this.#searchAbort = new AbortController());
    const query = this.query.trim();
    if (!suggest) this.#closeList();
    this.#appending = append;
    if (!query && !activeFilterCount(this.filters)) {
      this.status = 'idle';
      this.result = undefined;
      this.items = [];
      this.suggestions = [];
      this.announcement = '';
      this.#share();
      return;
    }
    this.status = 'loading';
    const page = append && this.result ? this.result.page + 1 : 1;
    const params = searchParams(query, this.filters, page, Math.min(100, Math.max(1, Math.trunc(this.perPage) || 10)));
    setTimeout(() => void this.#run(query, params, signal, suggest), delay);
  }

  async #run(query: string, params: SearchParams, signal: AbortSignal, suggest: boolean) {
    if (signal.aborted) return;
    const client = this.#clientOrFailure;
    if (!client) return;
    const append = this.#appending;
    if (!append) this.#share();
    if (suggest && query) void this.#suggest(client, query, signal);
    if (!this.names.size) void this.#loadLibraryNames(client);
    const started = performance.now();
    try {
      const result = await client.catalog.search(params, { signal });
      if (signal.aborted) return;
      this.elapsed = performance.now() - started;
      const before = this.items.length;
      this.items = append ? [...this.items, ...result.items] : result.items;
      this.result = result;
      this.status = 'done';
      this.announcement = result.total
        ? this.#i18n.t('found', { count: result.total })
        : this.#i18n.t(query ? 'empty' : 'emptyBrowse', { query });
      await this.updateComplete;
      if (append) this.shadowRoot!.getElementById(resultId(before))?.focus();
      this.emit('pustaka-search', { query, params, total: result.total });
    } catch (error) {
      if (signal.aborted) return;
      const kind = (error as { kind?: string }).kind;
      this.#fail(kind === 'network' ? 'offline' : kind === 'timeout' ? 'slow' : 'error');
    }
  }

  async #suggest(client: PustakaClient, query: string, signal: AbortSignal) {
    try {
      const { items } = await client.catalog.suggest({ q: query.slice(0, 100), limit: 6 }, { signal });
      if (signal.aborted || this.query.trim() !== query) return;
      this.suggestions = items;
      this.active = -1;
      this.listOpen = items.length > 0 && this.shadowRoot?.activeElement === this.#input;
    } catch {
      // Suggestions are a convenience: the search itself reports what went wrong.
    }
  }

  async #loadLibraryNames(client: PustakaClient) {
    const key = this.apiBase;
    let names = libraryNames.get(key);
    if (!names) {
      names = client.libraries
        .list({ per_page: 100 })
        .then(({ items }) => new Map(items.map((library) => [library.id, library.name])));
      libraryNames.set(key, names);
    }
    try {
      this.names = await names;
    } catch {
      // Ids stand in for names; the next search asks again.
      libraryNames.delete(key);
    }
  }

  /** `sync-url`: the search in the page's URL, replacing the current entry so that Back leaves the page. */
  #share() {
    if (!this.syncUrl) return;
    const href = writeUrl(location.href, { query: this.query, filters: this.filters, record: this.detail?.id });
    if (href !== location.href) history.replaceState(history.state, '', href);
  }

  get #input(): HTMLInputElement | null {
    return this.shadowRoot?.querySelector('input[role=combobox]') ?? null;
  }

  #closeList() {
    this.listOpen = false;
    this.active = -1;
  }

  #onInput(event: Event) {
    this.query = (event.target as HTMLInputElement).value;
    this.panelOpen = true;
    this.#search(debounce, { suggest: true });
  }

  #onKeydown(event: KeyboardEvent) {
    const count = this.suggestions.length;
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && count) {
      event.preventDefault();
      this.active = this.listOpen ? moveActive(event.key, this.active, count) : event.key === 'ArrowDown' ? 0 : count - 1;
      this.listOpen = true;
    } else if (event.key === 'Enter' && this.listOpen && this.active >= 0) {
      event.preventDefault();
      this.#accept(this.suggestions[this.active]!);
    } else if (event.key === 'Escape' && (this.listOpen || this.panelOpen)) {
      event.preventDefault();
      if (this.listOpen) this.#closeList();
      else this.panelOpen = false;
    }
  }

  #accept(suggestion: Suggestion) {
    this.query = suggestion.text;
    this.#search(0);
  }

  #onSubmit(event: Event) {
    event.preventDefault();
    this.panelOpen = true;
    this.#search(0);
  }

  #onFocusOut(event: FocusEvent) {
    // Focus that stays inside the shadow root is retargeted to the host.
    if (event.relatedTarget === this) return;
    this.#closeList();
    this.panelOpen = false;
  }

  #setFilters(filters: Filters) {
    this.filters = filters;
    this.#search(0);
  }

  readonly #facetActions = {
    toggle: (key: ListFilter, value: string) => {
      const chosen = this.filters[key] as string[];
      this.#setFilters({
        ...this.filters,
        [key]: chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value],
      });
    },
    setYear: (key: 'year_from' | 'year_to', value: number | undefined) => this.#setFilters({ ...this.filters, [key]: value }),
    setAvailable: (available: boolean) => this.#setFilters({ ...this.filters, available }),
  };

  /** Opens a record in the detail dialog, unless the page cancels `pustaka-select-record`. */
  async #openRecord(id: RecordId, summary?: RecordSummary, opener?: HTMLElement) {
    if (this.emit('pustaka-select-record', { id, record: summary }, { cancelable: true }).defaultPrevented) return;
    this.#recordAbort?.abort();
    const { signal } = (this.#recordAbort = new AbortController());
    this.#opener = opener;
    this.detail = { id, summary };
    this.#share();
    await this.updateComplete;
    const dialog = this.shadowRoot!.querySelector('dialog')!;
    if (!dialog.open && this.isConnected) dialog.showModal();
    const client = this.#clientOrFailure;
    if (!client) return;
    try {
      const record = await client.catalog.getRecord(id, { signal });
      if (!signal.aborted) this.detail = { id, summary, record };
    } catch {
      if (!signal.aborted) this.detail = { id, summary, failed: true };
    }
  }

  #onDialogClose() {
    this.#recordAbort?.abort();
    this.detail = undefined;
    this.#share();
    this.#opener?.focus();
    this.#opener = undefined;
  }

  #renderMessage() {
    const { t } = this.#i18n;
    const failure = this.status === 'error';
    const filtered = activeFilterCount(this.filters) > 0;
    const text = failure
      ? t(this.failure)
      : this.query.trim()
        ? t('empty', { query: this.query.trim() })
        : t('emptyBrowse');
    return html`<div class="message" part="message" role=${failure ? 'alert' : nothing}>
      <p>${text}</p>
      ${failure
        ? this.failure === 'setup'
          ? nothing
          : html`<button type="button" part="retry" @click=${() => this.#search(0)}>${t('retry')}</button>`
        : filtered
          ? html`<p>${t('emptyHint')}</p>
              <button type="button" part="retry" @click=${() => this.#setFilters(noFilters())}>${t('clearFilters')}</button>`
          : nothing}
    </div>`;
  }

  #renderThemes() {
    const { t } = this.#i18n;
    return html`<p class="heading" id="themes-title">${t('themes')}</p>
      <ul class="themes" part="themes" aria-labelledby="themes-title">
        ${themeCodes.map(
          (code: ThemeCode) =>
            html`<li>
              <button
                type="button"
                part="theme"
                aria-pressed=${this.filters.theme.includes(code) ? 'true' : 'false'}
                @click=${() => this.#facetActions.toggle('theme', code)}
              >
                <span class="code">${code}</span> ${label('theme', code, this.#i18n.language)}
              </button>
            </li>`,
        )}
      </ul>`;
  }

  #renderResults() {
    const { t } = this.#i18n;
    const { result, items, status } = this;
    const filterCount = activeFilterCount(this.filters);
    const loading = status === 'loading';
    const replacing = loading && !this.#appending;
    return html`${result
        ? html`<p class="summary" part="summary">
            ${t('found', { count: result.total })} ·
            ${t('seconds', { seconds: this.#i18n.formatNumber(this.elapsed / 1000, { maximumFractionDigits: 2 }) })}
          </p>`
        : nothing}
      ${result || filterCount
        ? html`<details part="filters">
            <summary>${t('filters')} ${filterCount ? t('active', { count: filterCount }) : nothing}</summary>
            ${facetsForm(result, this.filters, this.#view, this.#facetActions)}
          </details>`
        : nothing}
      ${loading ? html`<div class="progress" role="progressbar" aria-label=${t('searching')}></div>` : nothing}
      ${status === 'error' || (status === 'done' && !items.length)
        ? this.#renderMessage()
        : html`<ol class="results" part="results" aria-busy=${loading ? 'true' : 'false'} ?inert=${replacing}>
            ${items.map((record, index) =>
              resultItem(record, index, this.#view, (summary, opener) => void this.#openRecord(summary.id, summary, opener)),
            )}
          </ol>`}
      ${result && items.length < result.total && status !== 'error'
        ? html`<button type="button" class="more" part="more" ?disabled=${loading} @click=${() => this.#search(0, { append: true })}>
            ${t('more')} · ${t('shown', { shown: items.length, total: result.total })}
          </button>`
        : nothing}`;
  }

  override render() {
    const { t, language } = this.#i18n;
    const browsing = !this.query.trim();
    const showPanel = !this.compact || this.panelOpen;
    return html`<div part="base" class="base" lang=${language} @focusout=${this.compact ? this.#onFocusOut : nothing}>
      <form role="search" part="form" @submit=${this.#onSubmit}>
        <div class="box">
          <label class="visually-hidden" for="q">${t('label')}</label>
          <input
            id="q"
            part="input"
            type="search"
            role="combobox"
            autocomplete="off"
            enterkeyhint="search"
            maxlength="200"
            placeholder=${t('label')}
            aria-autocomplete="list"
            aria-controls="suggestions"
            aria-expanded=${this.listOpen ? 'true' : 'false'}
            aria-activedescendant=${this.listOpen && this.active >= 0 ? optionId(this.active) : nothing}
            .value=${this.query}
            @input=${this.#onInput}
            @keydown=${this.#onKeydown}
            @focus=${() => (this.panelOpen = true)}
            @blur=${() => this.#closeList()}
          />
          ${suggestionList(
            this.suggestions,
            this.listOpen,
            this.active,
            { list: t('suggestions'), title: t('title'), author: t('author') },
            (item) => this.#accept(item),
          )}
        </div>
        <button type="submit" part="button">${t('search')}</button>
      </form>
      <div class="panel" part="panel" ?hidden=${!showPanel}>
        ${browsing && (this.status === 'idle' || this.filters.theme.length) ? this.#renderThemes() : nothing}
        ${this.status === 'idle' ? nothing : this.#renderResults()}
      </div>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      <dialog part="detail" aria-labelledby="detail-title" @close=${this.#onDialogClose}>
        ${this.detail ? recordDetail(this.detail, this.#view, () => this.shadowRoot!.querySelector('dialog')!.close()) : nothing}
      </dialog>
    </div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pustaka-search': CustomEvent<PustakaSearchDetail>;
    'pustaka-select-record': CustomEvent<PustakaSelectRecordDetail>;
  }
}
