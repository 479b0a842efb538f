import type { PustakaClient, RecordId, RecordSummary, SearchParams, SearchResult } from '@pustaka/client';
import { failureOf, LanguageController, libraryDirectory, PustakaElement, type Failure } from '@pustaka/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import styles from './catalog-search.styles.js';
import { moveActive, optionId, suggestionList, type Suggestion } from './combobox.js';
import { facetsForm, toggled } from './facets.js';
import { messages } from './messages.js';
import { recordDetail, type DetailState } from './record-detail.js';
import { resultId, resultItem } from './results.js';
import { activeFilterCount, noFilters, readUrl, searchParams, writeUrl, type Filters } from './search-state.js';
import { VERSION } from './version.js';
import type { View } from './view.js';
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

type Status = 'idle' | 'loading' | 'done' | Failure;

/** Milliseconds of quiet after a keystroke before searching: below the gap between a child's keystrokes. */
const debounce = 60;

/**
 * @tagname pustaka-catalog-search
 * @summary Union catalogue search of a city's library network: search as you type, suggestions, filters with
 * counts, theme browsing, and live availability in every library.
 *
 * @event {CustomEvent<PustakaSearchDetail>} pustaka-search - A search answered: `{ query, params, total }`.
 * @event {CustomEvent<PustakaSelectRecordDetail>} pustaka-select-record - The visitor opened a record. Cancelable:
 * `preventDefault()` keeps the widget's detail view closed, to show the record your own way.
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
 * @csspart retry - The "try again" (or "clear filters") button.
 * @csspart detail - The record's detail dialog.
 * @csspart detail-close - Its close button.
 * @csspart holding - The copies of one library in the detail view.
 *
 * @cssproperty --min-height - The space reserved before anything is found. Default `21rem`, `11rem` on screens 40rem
 * (640 px) wide or more, `2.75rem` when `compact`.
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
    result: { state: true },
    items: { state: true },
    suggestions: { state: true },
    listOpen: { state: true },
    active: { state: true },
    panelOpen: { state: true },
    detail: { state: true },
  };

  /** The site's own library (`sman-1-bontang`): named first in availability lines and holdings. */
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
  declare result: SearchResult | undefined;
  declare items: RecordSummary[];
  declare suggestions: Suggestion[];
  declare listOpen: boolean;
  /** The suggestion under the arrow keys, -1 for none. */
  declare active: number;
  /** `compact`: whether the results are open below the box. */
  declare panelOpen: boolean;
  declare detail: DetailState | undefined;

  readonly #i18n = new LanguageController(this, messages);
  /** Aborted by the next keystroke or filter change, so a stale answer never lands. */
  #searchAbort: AbortController | undefined;
  #recordAbort: AbortController | undefined;
  #appending = false;
  /** Filters are drawn only while their disclosure is open: less work per keystroke on a slow phone. */
  #filtersOpen = false;
  #elapsed = 0;
  #libraries = new Map<string, { name: string }>();
  #urlRead = false;
  readonly #onPopState = () => this.#readUrl();

  constructor() {
    super();
    this.perPage = 10;
    this.compact = this.syncUrl = this.listOpen = this.panelOpen = false;
    this.query = '';
    this.filters = noFilters();
    this.status = 'idle';
    this.items = [];
    this.suggestions = [];
    this.active = -1;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A search that disconnectedCallback cancelled starts again when the element comes back.
    if (this.status === 'loading') this.#search(0);
    if (!this.syncUrl) return;
    addEventListener('popstate', this.#onPopState);
    if (!this.#urlRead) this.#readUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.#onPopState);
    this.#searchAbort?.abort();
    this.#recordAbort?.abort();
    this.#dialog?.close();
  }

  get #view(): View {
    return {
      i18n: this.#i18n,
      siteLibrary: this.library,
      libraryName: (id) => this.#libraries.get(id)?.name ?? id,
      label: (list, value) => label(list, value, this.#i18n.language),
    };
  }

  get #dialog() {
    return this.shadowRoot?.querySelector('dialog');
  }

  /** `sync-url`: the search a shared link describes. */
  #readUrl() {
    this.#urlRead = true;
    const { query, filters, record } = readUrl(location.search);
    this.query = query;
    this.filters = filters;
    this.#search(0);
    if (record) void this.#openRecord(record);
    else this.#dialog?.close();
  }

  /** `sync-url`: the search in the page's URL, replacing the current entry so that Back leaves the page. */
  #writeUrl() {
    if (!this.syncUrl) return;
    const href = writeUrl(location.href, { query: this.query, filters: this.filters, record: this.detail?.id });
    if (href !== location.href) history.replaceState(history.state, '', href);
  }

  /** The client, or undefined with the widget in its `setup` state when `api` is not a URL. */
  #client(): PustakaClient | undefined {
    try {
      return this.client;
    } catch {
      this.status = 'setup';
      return undefined;
    }
  }

  /**
   * Searches after `delay` ms of quiet, cancelling whatever the previous call started. With nothing typed and
   * no filter, the widget goes back to theme browsing.
   */
  #search(delay: number, append = false, suggest = false) {
    this.#searchAbort?.abort();
    const { signal } = (this.#searchAbort = new AbortController());
    const query = this.query.trim();
    if (!suggest) this.#closeList();
    this.#appending = append;
    if (!query && !activeFilterCount(this.filters)) {
      this.status = 'idle';
      this.result = undefined;
      this.items = this.suggestions = [];
      this.#writeUrl();
      return;
    }
    this.status = 'loading';
    const page = append && this.result ? this.result.page + 1 : 1;
    const params = searchParams(query, this.filters, page, Math.min(100, Math.max(1, this.perPage | 0 || 10)));
    setTimeout(() => void this.#run(query, params, signal, suggest), delay);
  }

  async #run(query: string, params: SearchParams, signal: AbortSignal, suggest: boolean) {
    const client = !signal.aborted && this.#client();
    if (!client) return;
    const append = this.#appending;
    if (!append) this.#writeUrl();
    if (suggest && query) void this.#suggest(client, query, signal);
    if (!this.#libraries.size) void this.#loadLibraries(client);
    const started = performance.now();
    try {
      const result = await client.catalog.search(params, { signal });
      if (signal.aborted) return;
      this.#elapsed = performance.now() - started;
      const shown = this.items.length;
      this.items = append ? [...this.items, ...result.items] : result.items;
      this.result = result;
      this.status = 'done';
      await this.updateComplete;
      // Keyboard users go on from the first new result.
      if (append) this.shadowRoot!.getElementById(resultId(shown))?.focus();
      this.emit('pustaka-search', { query, params, total: result.total });
    } catch (error) {
      if (!signal.aborted) this.status = failureOf(error);
    }
  }

  async #suggest(client: PustakaClient, query: string, signal: AbortSignal) {
    try {
      const { items } = await client.catalog.suggest({ q: query.slice(0, 100), limit: 6 }, { signal });
      if (signal.aborted) return;
      this.suggestions = items;
      this.active = -1;
      this.listOpen = items.length > 0 && this.shadowRoot!.activeElement?.id === 'q';
    } catch {
      // Suggestions are a convenience: the search itself reports what went wrong.
    }
  }

  async #loadLibraries(client: PustakaClient) {
    try {
      this.#libraries = await libraryDirectory(client, this.apiBase);
      this.requestUpdate();
    } catch {
      // Ids stand in for names until a later search asks again.
    }
  }

  #closeList() {
    this.listOpen = false;
    this.active = -1;
  }

  #onInput(event: Event) {
    this.query = (event.target as HTMLInputElement).value;
    this.panelOpen = true;
    this.#search(debounce, false, true);
  }

  /** The keys of the WAI-ARIA combobox: arrows move through suggestions, Enter picks one, Escape closes. */
  #onKeydown(event: KeyboardEvent) {
    const { key } = event;
    const count = this.suggestions.length;
    if ((key === 'ArrowDown' || key === 'ArrowUp') && count) {
      this.active = this.listOpen ? moveActive(key, this.active, count) : key === 'ArrowDown' ? 0 : count - 1;
      this.listOpen = true;
    } else if (key === 'Enter' && this.listOpen && this.active >= 0) {
      this.#accept(this.suggestions[this.active]!);
    } else if (key === 'Escape' && (this.listOpen || (this.compact && this.panelOpen))) {
      if (this.listOpen) this.#closeList();
      else this.panelOpen = false;
    } else return;
    event.preventDefault();
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

  /** `compact`: the results close when focus leaves the widget. */
  #onFocusOut(event: FocusEvent) {
    if (this.shadowRoot!.contains(event.relatedTarget as Node | null)) return;
    this.#closeList();
    this.panelOpen = false;
  }

  #onToggleFilters(event: Event) {
    this.#filtersOpen = (event.target as HTMLDetailsElement).open;
    this.requestUpdate();
  }

  readonly #setFilters = (change: Partial<Filters>) => {
    this.filters = { ...this.filters, ...change };
    this.#search(0);
  };

  /**
   * Opens a record in the detail dialog, unless the page cancels `pustaka-select-record`. The dialog is modal:
   * it keeps focus inside, closes on Escape and gives focus back to the result that opened it.
   */
  async #openRecord(id: RecordId, summary?: RecordSummary) {
    if (this.emit('pustaka-select-record', { id, record: summary }, { cancelable: true }).defaultPrevented) return;
    this.#recordAbort?.abort();
    const { signal } = (this.#recordAbort = new AbortController());
    this.detail = { id, summary };
    this.#writeUrl();
    await this.updateComplete;
    const dialog = this.#dialog!;
    if (!dialog.open && this.isConnected) dialog.showModal();
    const client = this.#client();
    try {
      const record = await client!.catalog.getRecord(id, { signal });
      if (!signal.aborted) this.detail = { id, summary, record };
    } catch (error) {
      if (!signal.aborted) this.detail = { id, summary, failure: failureOf(error) };
    }
  }

  #onDialogClose() {
    this.#recordAbort?.abort();
    this.detail = undefined;
    this.#writeUrl();
  }

  /** Empty and failed searches: a plain sentence, and what can be done about it. */
  #renderMessage(empty: string, filtered: boolean) {
    const { t } = this.#i18n;
    const failed = this.status !== 'done';
    // A retry cannot mend a bad `api` attribute; an empty search can only be widened.
    const action = failed ? this.status !== 'setup' && 'retry' : filtered && 'clearFilters';
    return html`<div class="message" part="message" role=${failed ? 'alert' : nothing}>
      <p>${failed ? t(this.status as Failure) : empty}${filtered && !failed ? ` ${t('emptyHint')}` : ''}</p>
      ${action
        ? html`<button type="button" part="retry" @click=${() => (failed ? this.#search(0) : this.#setFilters(noFilters()))}>
            ${t(action)}
          </button>`
        : nothing}
    </div>`;
  }

  #renderThemes() {
    return html`<p class="muted" id="themes">${this.#i18n.t('themes')}</p>
      <ul class="themes" part="themes" aria-labelledby="themes">
        ${themeCodes.map(
          (code) =>
            html`<li><button type="button" part="theme" aria-pressed=${this.filters.theme.includes(code)}
              @click=${() => this.#setFilters({ theme: toggled(this.filters.theme, code) })}>
              <b>${code}</b> ${label('theme', code, this.#i18n.language)}
            </button></li>`,
        )}
      </ul>`;
  }

  #renderResults(empty: string) {
    const { t } = this.#i18n;
    const { result, items, status } = this;
    const filters = activeFilterCount(this.filters);
    const loading = status === 'loading';
    return html`<p class="muted" part="summary">
        ${loading
          ? t('loading')
          : result?.total && status === 'done'
            ? `${t('found', { count: result.total })} · ${t('seconds', {
                seconds: this.#i18n.formatNumber(this.#elapsed / 1000, { maximumFractionDigits: 2 }),
              })}`
            : ''}
      </p>
      ${result?.total || filters
        ? html`<details part="filters" ?open=${this.#filtersOpen} @toggle=${this.#onToggleFilters}>
            <summary>${t('filters')} ${filters ? t('active', { count: filters }) : ''}</summary>
            ${this.#filtersOpen ? facetsForm(result, this.filters, this.#view, this.#setFilters) : nothing}
          </details>`
        : nothing}
      ${loading || (status === 'done' && items.length)
        ? html`<ol class="results" part="results" aria-busy=${loading} ?inert=${loading && !this.#appending}>
            ${items.map((record, index) =>
              resultItem(record, index, this.#view, (summary) => void this.#openRecord(summary.id, summary)),
            )}
          </ol>`
        : this.#renderMessage(empty, filters > 0)}
      ${result && items.length < result.total && (loading || status === 'done')
        ? html`<button type="button" class="more" part="more" ?disabled=${loading} @click=${() => this.#search(0, true)}>
            ${t('more')} · ${t('shown', { shown: items.length, total: result.total })}
          </button>`
        : nothing}`;
  }

  // The panel is focusable (tabindex -1) so that a click on its text keeps focus in the widget, and a compact
  // panel open.
  override render() {
    const { t, language } = this.#i18n;
    const { status, result, listOpen, active } = this;
    const query = this.query.trim();
    const empty = t(query ? 'empty' : 'emptyBrowse', { query });
    return html`<div part="base" class="base" lang=${language} @focusout=${this.compact ? this.#onFocusOut : nothing}>
      <form role="search" part="form" @submit=${this.#onSubmit}>
        <div class="box">
          <label class="visually-hidden" for="q">${t('label')}</label>
          <input id="q" part="input" type="search" role="combobox" autocomplete="off" enterkeyhint="search"
            maxlength="200" placeholder=${t('label')} aria-autocomplete="list" aria-controls="suggestions"
            aria-expanded=${listOpen} aria-activedescendant=${listOpen && active >= 0 ? optionId(active) : nothing}
            .value=${this.query} @input=${this.#onInput} @keydown=${this.#onKeydown}
            @focus=${() => (this.panelOpen = true)} @blur=${this.#closeList} />
          ${suggestionList(this.suggestions, listOpen, active, t, (item) => this.#accept(item))}
        </div>
        <button type="submit" part="button">${t('search')}</button>
      </form>
      <div class="panel" part="panel" tabindex="-1" ?hidden=${this.compact && !this.panelOpen}>
        ${query || (status !== 'idle' && !this.filters.theme.length) ? nothing : this.#renderThemes()}
        ${status === 'idle' ? nothing : this.#renderResults(empty)}
      </div>
      <p class="visually-hidden" role="status">
        ${status === 'done' ? (result?.total ? t('found', { count: result.total }) : empty) : ''}
      </p>
      <dialog part="detail" aria-labelledby="detail-title" @close=${this.#onDialogClose}>
        ${this.detail ? recordDetail(this.detail, this.#view, () => this.#dialog!.close()) : nothing}
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
