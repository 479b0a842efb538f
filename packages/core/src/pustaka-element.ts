import { createPustakaClient, type PustakaClient, type PustakaClientOptions } from '@pustaka/client';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { resolveApiBase } from './api-base.js';
import { VERSION } from './version.js';

/** The `detail` of an event named in `GlobalEventHandlersEventMap` as a `CustomEvent`; else anything. */
export type EventDetail<Name extends string> = Name extends keyof GlobalEventHandlersEventMap
  ? GlobalEventHandlersEventMap[Name] extends CustomEvent<infer Detail>
    ? Detail
    : unknown
  : unknown;

/**
 * The base of every Pustaka widget: its version for `defineElement()`, `emit()` for events that leave the
 * shadow root, the API's address from the `api` attribute and a client for it, created on first use.
 *
 * @summary The base class of every Pustaka widget (registers no tag itself).
 *
 * @attribute {string} lang - The widget's language: `id` (Indonesian, the default) or `en`. The global HTML attribute,
 * read from the element itself, else its closest ancestor, else `<html lang>`, and followed when it changes.
 *
 * @cssproperty --pustaka-color-primary - Links, buttons, selection. Default `#0b5cad`, dark `#80b8f6`.
 * @cssproperty --pustaka-color-on-primary - Text on the primary colour. Default `#ffffff`, dark `#0b1a2b`.
 * @cssproperty --pustaka-color-surface - Background. Default `#ffffff`, dark `#16191d`.
 * @cssproperty --pustaka-color-text - Body text. Default `#1b1f24`, dark `#e8ebef`.
 * @cssproperty --pustaka-color-muted - Secondary text, still >= 4.5:1. Default `#59636e`, dark `#a9b2bc`.
 * @cssproperty --pustaka-color-danger - Errors. Default `#b3261e`, dark `#ff8b80`.
 * @cssproperty --pustaka-color-success - Confirmations, "available". Default `#1a7431`, dark `#6fcf8a`.
 * @cssproperty --pustaka-color-border - Borders of fields and cards, >= 3:1. Default `#757f8a`, dark `#7b8591`.
 * @cssproperty --pustaka-color-focus - The focus ring, >= 3:1. Default `#0b5cad`, dark `#9ccaff`.
 * @cssproperty --pustaka-radius - Corner radius. Default `0.375rem`.
 * @cssproperty --pustaka-font-family - Default: the system UI font.
 * @cssproperty --pustaka-font-size-s - Default `0.875rem`.
 * @cssproperty --pustaka-font-size-m - Body text. Default `1rem`.
 * @cssproperty --pustaka-font-size-l - Default `1.25rem`.
 * @cssproperty --pustaka-font-size-xl - Headings. Default `1.5rem`.
 * @cssproperty --pustaka-line-height - Default `1.5`.
 * @cssproperty --pustaka-space-xs - Default `0.25rem`.
 * @cssproperty --pustaka-space-s - Default `0.5rem`.
 * @cssproperty --pustaka-space-m - Default `1rem`.
 * @cssproperty --pustaka-space-l - Default `1.5rem`.
 * @cssproperty --pustaka-space-xl - Default `2rem`.
 * @cssproperty --pustaka-focus-ring-width - Default `3px`.
 * @cssproperty --pustaka-duration - Length of transitions; `0ms` when the visitor prefers reduced motion. Default `150ms`.
 */
export class PustakaElement extends LitElement {
  /** The release of the element's package; `defineElement()` compares it. Widgets set their own. */
  static version: string = VERSION;

  /**
   * Where the Pustaka API answers: an absolute URL or one relative to the page. Default: the origin that
   * served the script, else the page's.
   */
  @property({ reflect: true }) api?: string;

  /** The library's public site key (`pk_...`), sent with writes (visits, registrations). */
  @property({ attribute: 'site-key' }) siteKey?: string;

  /** Forces a theme; without it the widget follows the visitor's `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  private cachedClient: { key: string; client: PustakaClient } | undefined;

  /** The API's base URL from `api`. Throws a `TypeError` when `api` is not an http(s) URL. */
  get apiBase(): string {
    return resolveApiBase(this.api);
  }

  /**
   * A client for `apiBase` with `siteKey`, created on first use and again when they change. Throws a
   * `TypeError` when `api` is not an http(s) URL: read it where errors become the widget's error state.
   */
  protected get client(): PustakaClient {
    const options = this.clientOptions();
    const key = JSON.stringify(options);
    if (this.cachedClient?.key !== key) this.cachedClient = { key, client: createPustakaClient(options) };
    return this.cachedClient.client;
  }

  /** The client's options; override to add a `token`, a `timeout` or `retry`. */
  protected clientOptions(): PustakaClientOptions {
    const options: PustakaClientOptions = { baseUrl: this.apiBase };
    if (this.siteKey) options.siteKey = this.siteKey;
    return options;
  }

  /**
   * Dispatches a `CustomEvent` that bubbles and crosses shadow roots (`composed`), so a page listening on
   * `document` hears it. Events named in `GlobalEventHandlersEventMap` get their `detail` type checked.
   *
   * @returns the event, to read `defaultPrevented` when it was made `cancelable`.
   * @example this.emit('pustaka-search', { query: this.query });
   */
  protected emit<Name extends string>(
    name: Name,
    detail?: EventDetail<Name>,
    init: Omit<CustomEventInit, 'detail'> = {},
  ): CustomEvent<EventDetail<Name>> {
    const event = new CustomEvent<EventDetail<Name>>(name, {
      bubbles: true,
      composed: true,
      cancelable: false,
      ...init,
      detail: detail as EventDetail<Name>,
    });
    this.dispatchEvent(event);
    return event;
  }
}
