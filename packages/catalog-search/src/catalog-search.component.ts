import type { CatalogRecord, RecordId, RecordSummary, SearchParams, SearchResult } from '@pustaka/client';
import { failureView, LanguageController, LoadController, PustakaElement, type Failure } from '@pustaka/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import styles from './catalog-search.styles.js';
import { moveActive, optionId, suggestionList, type Suggestion } from './combobox.js';
import { facetsForm, toggled } from './facets.js';
import { messages } from './messages.js';
import { recordDetail, type DetailState } from './record-detail.js';
import { resultId, resultItem } from './results.js';
import { SearchController, type SearchArgs } from './search-controller.js';
import { activeFilterCount, noFilters, readUrl, writeUrl, type Filters } from './search-state.js';
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

  declare suggestions: Suggestion[];
  declare listOpen: boolean;
  /** The suggestion under the arrow keys, -1 for none. */
  declare active: number;
  /** `compact`: whether the results are open below the box. */
  declare panelOpen: boolean;
  /** The record the detail dialog shows, as the result list knew it; its full record loads in `#record`. */
  declare detail: Pick<DetailState, 'id' | 'summary'> | undefined;

  readonly #i18n = new LanguageController(this, messages);
  /** What was typed, the filters, the results, and the search on its way: the element renders it. */
  readonly #search = new SearchController(this, {
    client: () => this.client,
    onRequest: () => this.#writeUrl(),
    onAnswer: (result, args) => void this.#announce(result, args),
    onSuggestions: (items) => {
      this.suggestions = items;
      this.active = -1;
      this.listOpen = items.length > 0 && this.shadowRoot!.activeElement?.id === 'q';
    },
  });
  readonly #record = new LoadController(this, {
    load: ([id]: readonly [RecordId], signal): Promise<CatalogRecord> => this.client.catalog.getRecord(id, { signal }),
  });
  /** Filters are drawn only while their disclosure is open: less work per keystroke on a slow phone. */
  #filtersOpen = false;
  #urlRead = false;
  readonly #onPopState = () => this.#readUrl();

  constructor() {
    super();
    this.perPage = 10;
    this.compact = this.syncUrl = this.listOpen = this.panelOpen = false;
    this.suggestions = [];
    this.active = -1;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.syncUrl) return;
    addEventListener('popstate', this.#onPopState);
    if (!this.#urlRead) this.#readUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.#onPopState);
    this.#dialog?.close();
  }

  get #view(): View {
    return {
      i18n: this.#i18n,
      siteLibrary: this.library,
      libraryName: (id) => this.#search.libraries.get(id)?.name ?? id,
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
    this.#search.query = query;
    this.#search.filters = filters;
    this.#startSearch();
    if (record) void this.#openRecord(record);
    else this.#dialog?.close();
  }

  /** `sync-url`: the search in the page's URL, replacing the current entry so that Back leaves the page. */
  #writeUrl() {
    if (!this.syncUrl) return;
    const { query, filters } = this.#search;
    const href = writeUrl(location.href, { query, filters, record: this.detail?.id });
    if (href !== location.href) history.replaceState(history.state, '', href);
  }

  /** Searches after `quiet` ms; suggestions come only while typing, so anything else closes their list. */
  #startSearch(quiet = 0, append = false, suggest = false) {
    if (!suggest) this.#closeList();
    this.#search.search(quiet, append, suggest);
  }

  /** A page arrived: keyboard users go on from the first new result, and the page hears of the search. */
  async #announce({ total, items }: SearchResult, [query, params, append]: SearchArgs) {
    this.requestUpdate();
    await this.updateComplete;
    if (append) this.shadowRoot!.getElementById(resultId(this.#search.items.length - items.length))?.focus();
    this.emit('pustaka-search', { query, params, total });
  }

  #closeList() {
    this.listOpen = false;
    this.active = -1;
  }

  #onInput(event: Event) {
    this.#search.query = (event.target as HTMLInputElement).value;
    this.panelOpen = true;
    this.#startSearch(debounce, false, true);
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
    this.#search.query = suggestion.text;
    this.#startSearch();
  }

  #onSubmit(event: Event) {
    event.preventDefault();
    this.panelOpen = true;
    this.#startSearch();
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
    this.#closeList();
    this.#search.setFilters(change);
  };

  /**
   * Opens a record in the detail dialog, unless the page cancels `pustaka-select-record`. The dialog is modal:
   * it keeps focus inside, closes on Escape and gives focus back to the result that opened it.
   */
  async #openRecord(id: RecordId, summary?: RecordSummary) {
    if (this.emit('pustaka-select-record', { id, record: summary }, { cancelable: true }).defaultPrevented) return;
    this.detail = { id, summary };
    void this.#record.run([id]);
    this.#writeUrl();
    await this.updateComplete;
    const dialog = this.#dialog!;
    if (!dialog.open && this.isConnected) dialog.showModal();
  }

  #onDialogClose() {
    this.#record.reset();
    this.detail = undefined;
    this.#writeUrl();
  }

  /** Empty and failed searches: a plain sentence, and what can be done about it. */
  #renderMessage(empty: string, filtered: boolean) {
    const { t, language } = this.#i18n;
    const { status } = this.#search;
    if (status !== 'complete') return failureView(status as Failure, language, () => this.#search.retry());
    // An empty search can only be widened.
    return html`<div class="message" part="message">
      <p>${empty}${filtered ? ` ${t('emptyHint')}` : ''}</p>
      ${
        filtered
          ? html`<button type="button" part="retry" @click=${() => this.#setFilters(noFilters())}>${t('clearFilters')}</button>`
          : nothing
      }
    </div>`;
  }

  #renderThemes() {
    const { theme } = this.#search.filters;
    return html`<p class="muted" id="themes">${this.#i18n.t('themes')}</p>
      <ul class="themes" part="themes" aria-labelledby="themes">
        ${themeCodes.map(
          (code) =>
            html`<li><button type="button" part="theme" aria-pressed=${theme.includes(code)}
              @click=${() => this.#setFilters({ theme: toggled(theme, code) })}>
              <b>${code}</b> ${this.#view.label('theme', code)}
            </button></li>`,
        )}
      </ul>`;
  }

  #renderResults(empty: string) {
    const { t } = this.#i18n;
    const { result, items, status, appending, elapsed } = this.#search;
    const filters = activeFilterCount(this.#search.filters);
    const loading = status === 'pending';
    return html`<p class="muted" part="summary">
        ${
          loading
            ? t('loading')
            : result?.total && status === 'complete'
              ? `${t('found', { count: result.total })} · ${t('seconds', {
                  seconds: this.#i18n.formatNumber(elapsed / 1000, { maximumFractionDigits: 2 }),
                })}`
              : ''
        }
      </p>
      ${
        result?.total || filters
          ? html`<details part="filters" ?open=${this.#filtersOpen} @toggle=${this.#onToggleFilters}>
            <summary>${t('filters')} ${filters ? t('active', { count: filters }) : ''}</summary>
            ${this.#filtersOpen ? facetsForm(result, this.#search.filters, this.#view, this.#setFilters) : nothing}
          </details>`
          : nothing
      }
      ${
        loading || (status === 'complete' && items.length)
          ? html`<ol class="results" part="results" aria-busy=${loading} ?inert=${loading && !appending}>
            ${items.map((record, index) =>
              resultItem(record, index, this.#view, (summary) => void this.#openRecord(summary.id, summary)),
            )}
          </ol>`
          : this.#renderMessage(empty, filters > 0)
      }
      ${
        result && items.length < result.total && (loading || status === 'complete')
          ? html`<button type="button" class="more" part="more" ?disabled=${loading} @click=${() => this.#startSearch(0, true)}>
            ${t('more')} · ${t('shown', { shown: items.length, total: result.total })}
          </button>`
          : nothing
      }`;
  }

  // The panel is focusable (tabindex -1) so that a click on its text keeps focus in the widget, and a compact
  // panel open.
  override render() {
    const { t, language } = this.#i18n;
    const { listOpen, active } = this;
    const { status, result, filters } = this.#search;
    const query = this.#search.query.trim();
    const empty = t(query ? 'empty' : 'emptyBrowse', { query });
    return html`<div part="base" class="base" lang=${language} @focusout=${this.compact ? this.#onFocusOut : nothing}>
      <form role="search" part="form" @submit=${this.#onSubmit}>
        <div class="box">
          <label class="visually-hidden" for="q">${t('label')}</label>
          <input id="q" part="input" type="search" role="combobox" autocomplete="off" enterkeyhint="search"
            maxlength="200" placeholder=${t('label')} aria-autocomplete="list" aria-controls="suggestions"
            aria-expanded=${listOpen} aria-activedescendant=${listOpen && active >= 0 ? optionId(active) : nothing}
            .value=${this.#search.query} @input=${this.#onInput} @keydown=${this.#onKeydown}
            @focus=${() => (this.panelOpen = true)} @blur=${this.#closeList} />
          ${suggestionList(this.suggestions, listOpen, active, t, (item) => this.#accept(item))}
        </div>
        <button type="submit" part="button">${t('search')}</button>
      </form>
      <div class="panel" part="panel" tabindex="-1" ?hidden=${this.compact && !this.panelOpen}>
        ${query || (status !== 'initial' && !filters.theme.length) ? nothing : this.#renderThemes()}
        ${status === 'initial' ? nothing : this.#renderResults(empty)}
      </div>
      <p class="visually-hidden" role="status">
        ${status === 'complete' ? (result?.total ? t('found', { count: result.total }) : empty) : ''}
      </p>
      <dialog part="detail" aria-labelledby="detail-title" @close=${this.#onDialogClose}>
        ${
          this.detail
            ? recordDetail(
                { ...this.detail, record: this.#record.value, failure: this.#record.failure },
                this.#view,
                () => this.#dialog!.close(),
              )
            : nothing
        }
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
