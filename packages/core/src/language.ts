import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  createTranslator,
  formattersFor,
  type Formatters,
  type Message,
  type MessageCatalogue,
  type Translate,
} from './messages.js';

/** The languages widgets speak: Indonesian first, English second. */
export type Language = 'id' | 'en';

/** `en`, `en-US`, `EN-gb`... are English; anything else, an empty or missing tag included, is Indonesian. */
export function normaliseLanguage(tag: string | null | undefined): Language {
  return /^en(?:-|$)/i.test(tag?.trim() ?? '') ? 'en' : 'id';
}

const languageCarrier = '[lang]:not([lang=""])';

/**
 * The language of an element: its own `lang`, else its closest ancestor's (across shadow roots, so a widget
 * inside another component still finds the page's), else `<html lang>`.
 */
export function resolveLanguage(element: Element): Language {
  let node: Element | null = element;
  while (node) {
    const carrier: Element | null = node.closest(languageCarrier);
    if (carrier) return normaliseLanguage(carrier.getAttribute('lang'));
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return normaliseLanguage(element.ownerDocument.documentElement.lang);
}

/**
 * @summary Resolves an element's language (`id` or `en`) and re-renders it when that changes.
 *
 * Gives an element its language and re-renders it when the language changes: when `lang` changes on the
 * element, on `<html>`, or on any element of the document in between. There is no global setup call, so any
 * number of libraries can use it on one page.
 *
 * Pass the widget's message catalogue to get `t()`. Render the language on the shadow content too
 * (`<div lang=${this.i18n.language}>`) so that screen readers pronounce the text in the language it is in, which
 * is Indonesian when the page is in neither language.
 *
 * @example
 * private readonly i18n = new LanguageController(this, messages);
 * render() { return html`<p lang=${this.i18n.language}>${this.i18n.t('found', { count: 3 })}</p>`; }
 */
export class LanguageController<
  const Id extends Record<string, Message> = Record<string, never>,
> implements ReactiveController {
  /** The message of `key` in the current language, placeholders filled in. */
  readonly t: Translate<Id>;

  private current: Language | undefined;
  private observer: MutationObserver | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    catalogue: MessageCatalogue<Id> = { id: {}, en: {} } as unknown as MessageCatalogue<Id>,
  ) {
    this.t = createTranslator(catalogue, () => this.language);
    host.addController(this);
  }

  /** The resolved language, `id` or `en`. */
  get language(): Language {
    return (this.current ??= resolveLanguage(this.host));
  }

  /** The BCP 47 locale for `Intl`: `id-ID` or `en-GB`. */
  get locale(): string {
    return this.formatters.locale;
  }

  /** Number and date formatting in the current language. */
  get formatters(): Formatters {
    return formattersFor(this.language);
  }

  formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
    return this.formatters.number(value, options);
  }

  formatDate(value: Date | number | string, options?: Intl.DateTimeFormatOptions): string {
    return this.formatters.date(value, options);
  }

  hostConnected(): void {
    this.current = resolveLanguage(this.host);
    this.observer = new MutationObserver(() => this.refresh());
    const watched = { attributes: true, attributeFilter: ['lang'] };
    this.observer.observe(this.host, watched);
    this.observer.observe(this.host.ownerDocument.documentElement, { ...watched, subtree: true });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** Re-reads the language before each render: an element moved elsewhere may have a new one. */
  hostUpdate(): void {
    this.current = resolveLanguage(this.host);
  }

  private refresh(): void {
    const next = resolveLanguage(this.host);
    if (next === this.current) return;
    this.current = next;
    this.host.requestUpdate();
  }
}
