import type { PustakaClientOptions } from '@pustaka/client';
import { LanguageController, LoadController, PustakaElement } from '@pustaka/core';
import { adoptStyles, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { chart } from './chart.js';
import { CountUp } from './count-up.js';
import { loadFigures, loadImpact, type Figures, type Impact, type Period } from './figures.js';
import type { KioskFace } from './kiosk.js';
import { messages } from './messages.js';
import { trackPageView } from './track.js';
import { VERSION } from './version.js';
import styles from './visit-counter.styles.js';
import { periodLabel, type View } from './view.js';

/** What `pustaka-visit-recorded` tells the page: a kiosk check-in was counted, repeated, or queued offline. */
export interface PustakaVisitRecordedDetail {
  kind: 'member' | 'guest' | 'group';
  people: number;
  /** `counted`: new; `repeat`: inside the repeat window, not counted again; `queued`: waits for the network. */
  outcome: 'counted' | 'repeat' | 'queued';
}

const periods: readonly Period[] = ['today', 'week', 'month', 'year', 'all'];

/**
 * @tagname pustaka-visit-counter
 * @summary A library's visits on any website: public figures with a chart, an impact card for sponsors, page views
 * counted without cookies, and the guest-book kiosk at the library door that keeps working offline.
 *
 * @event {CustomEvent<PustakaVisitRecordedDetail>} pustaka-visit-recorded - Kiosk: a check-in was counted, was a
 * repeat, or was queued while offline.
 *
 * @csspart base - The wrapper of everything.
 * @csspart label - What the figure counts ("Kunjungan bulan ini").
 * @csspart total - The big figure.
 * @csspart breakdown - Members, guests and group visitors.
 * @csspart web - Website visits, apart from people at the door.
 * @csspart chart - The chart with its caption.
 * @csspart updated - When the figures were last updated.
 * @csspart impact - The impact card.
 * @csspart trend - The trend against last year.
 * @csspart message - Error and offline messages.
 * @csspart retry - The "try again" button.
 * @csspart kiosk - The kiosk's screen.
 * @csspart count - The kiosk's count of today.
 * @csspart queue - The kiosk's count of check-ins waiting for the network.
 * @csspart keypad - The kiosk's on-screen keypad for member numbers.
 * @csspart feedback - A field's error.
 * @csspart error-summary - The list of a form's errors.
 *
 * @cssproperty --figure-size - Size of the big figure. Default `2.5rem`, `4rem` in kiosk mode.
 * @cssproperty --chart-height - Height of the chart. Default `5rem`.
 * @cssproperty --bar-color - Colour of the chart's bars. Default: the primary colour.
 */
export class PustakaVisitCounter extends PustakaElement {
  static override version = VERSION;
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    library: { reflect: true },
    period: {},
    breakdown: { type: Boolean },
    chart: { type: Boolean },
    refresh: { type: Number },
    track: { type: Boolean },
    token: {},
  };

  /** `display` (default): the figures; `impact`: the card for a sponsor's page; `kiosk`: the guest book. */
  declare mode: 'display' | 'impact' | 'kiosk';
  /** The library (`sman-1-bontang`); without it, the whole network. Required for `impact` and the kiosk's count. */
  declare library: string | undefined;
  /** `today`, `week`, `month` (default), `year` or `all`. */
  declare period: Period;
  /** Shows members, guests and group visitors apart. */
  declare breakdown: boolean;
  /** Adds a chart of the last 30 days (`today` to `month`) or 12 months (`year`, `all`). */
  declare chart: boolean;
  /** Seconds between updates while the page is visible; `0` never updates. Default 60. */
  declare refresh: number;
  /** Also counts this page view as a website visit (needs `site-key`); no cookies, nothing stored. */
  declare track: boolean;
  /** The kiosk token (`kt_...`) of `mode="kiosk"`. Only on a kiosk device, never on a public page. */
  declare token: string | undefined;

  readonly #i18n = new LanguageController(this, messages);
  readonly #figure = new CountUp(this);
  /** The figures shown: kept through each refresh, so that nothing jumps while the next ones load. */
  #figures: Figures | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #loadedAt = 0;
  #kiosk: KioskFace | undefined;

  readonly #load = new LoadController(this, {
    load: (
      [mode, library, period, withChart]: readonly [string, string | undefined, Period, boolean],
      signal,
    ): Promise<Figures | Impact> =>
      (mode === 'impact'
        ? loadImpact(this.client, library, signal)
        : loadFigures(this.client, library, period, withChart, signal)
      ).finally(() => {
        // Answered or failed, the next update comes `refresh` seconds later: a failed one is tried again then.
        this.#loadedAt = Date.now();
        this.#schedule();
      }),
    onComplete: (value) => {
      if ('counts' in value) {
        this.#figures = value;
        this.#figure.to(value.counts.total);
      }
    },
  });

  readonly #onVisibility = () => (document.hidden ? clearTimeout(this.#timer) : this.#schedule());

  constructor() {
    super();
    this.mode = 'display';
    this.period = 'month';
    this.breakdown = this.chart = this.track = false;
    this.refresh = 60;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    clearTimeout(this.#timer);
    this.#figure.stop();
  }

  protected override clientOptions(): PustakaClientOptions {
    const options = super.clientOptions();
    // The kiosk hears quickly that the network is gone, and queues: its retries are the outbox's.
    return this.mode === 'kiosk' ? { ...options, token: this.token, timeout: 8000, retry: 0 } : options;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.track && this.siteKey) void trackPageView(this.client, this.apiBase);
    if (this.mode === 'kiosk') {
      if (!this.#kiosk) void this.#startKiosk();
      return;
    }
    if (['mode', 'library', 'period', 'chart'].some((name) => changed.has(name))) {
      if (changed.has('mode') || changed.has('library')) this.#figures = undefined;
      void this.#load.run([this.mode, this.library, this.#period, this.chart]);
    }
  }

  /** The kiosk and its form kit load only on a kiosk: a page with a counter downloads no form code. */
  async #startKiosk() {
    const { KioskFace, kioskStyles } = await import('./kiosk.js');
    adoptStyles(this.renderRoot as ShadowRoot, [
      ...(this.constructor as typeof PustakaVisitCounter).elementStyles,
      kioskStyles,
    ]);
    this.#kiosk ??= new KioskFace(this, {
      client: () => this.client,
      scope: () => this.apiBase,
      recorded: (detail) => this.emit('pustaka-visit-recorded', detail),
    });
    this.requestUpdate();
  }

  get #period(): Period {
    return periods.includes(this.period) ? this.period : 'month';
  }

  /** The next update, `refresh` seconds after the last: none while the page is hidden (no one is looking). */
  #schedule() {
    clearTimeout(this.#timer);
    if (!(this.refresh > 0) || document.hidden || !this.isConnected || this.mode === 'kiosk') return;
    const wait = Math.max(0, this.#loadedAt + this.refresh * 1000 - Date.now());
    this.#timer = setTimeout(() => void this.#load.retry(), wait);
  }

  get #view(): View {
    return {
      i18n: this.#i18n,
      number: (value) => this.#i18n.formatNumber(value),
      periodLabel: (period) => periodLabel(this.#i18n, period),
    };
  }

  #renderFigures(figures: Figures | undefined) {
    const { t } = this.#i18n;
    const number = (value: number | undefined) => (value === undefined ? '–' : this.#i18n.formatNumber(value));
    const counts = figures?.counts;
    return html`<p part="label" class="label">${t(`p_${this.#period}`)}</p>
      <p part="total" class="total">
        <span aria-hidden="true">${number(counts && this.#figure.value)}</span>
        <span class="visually-hidden">${number(counts?.total)}</span>
      </p>
      ${
        this.breakdown
          ? html`<dl part="breakdown">
            <div><dt>${t('members')}</dt><dd>${number(counts?.members)}</dd></div>
            <div><dt>${t('guests')}</dt><dd>${number(counts?.guests)}</dd></div>
            <div><dt>${t('groups')}</dt><dd>${number(counts?.group_people)}</dd></div>
          </dl>`
          : nothing
      }
      <p part="web" class="muted">${t('web')}: ${number(figures?.web)} (${t('webNote')})</p>
      ${this.chart ? chart(figures?.series ?? [], this.#period === 'year' || this.#period === 'all', this.#view) : nothing}
      <p part="updated" class="muted">
        ${figures ? t('updated', { time: this.#i18n.formatDate(figures.at, { timeStyle: 'short' }) }) : '\u00a0'}
      </p>`;
  }

  #renderImpact(impact: Impact) {
    const { t } = this.#i18n;
    const number = (value: number) => this.#i18n.formatNumber(value);
    const { change } = impact;
    const trend =
      change === undefined
        ? t('trendNew')
        : change === 0
          ? t('trendSame')
          : t(change > 0 ? 'trendUp' : 'trendDown', {
              percent: this.#i18n.formatNumber(Math.abs(change), { style: 'percent', maximumFractionDigits: 0 }),
            });
    return html`<section part="impact" class="impact" aria-labelledby="impact-title">
      <p id="impact-title" class="label">${t('impactTitle', { year: String(impact.year) })}</p>
      <dl>
        <div><dd class="total">${number(impact.visits)}</dd><dt>${t('impactVisits')}</dt></div>
        <div><dd>${number(impact.members)}</dd><dt>${t('impactMembers')}</dt></div>
        <div><dd>${number(impact.works)}</dd><dt>${t('impactWorks')}</dt></div>
        ${
          impact.cardHolders
            ? html`<div><dd>${number(impact.cardHolders)}</dd><dt>${t('impactCardHolders')}</dt></div>`
            : nothing
        }
      </dl>
      <p part="trend" class=${change === undefined ? 'muted' : change < 0 ? 'down' : 'up'}>${trend}</p>
    </section>`;
  }

  override render() {
    const { language } = this.#i18n;
    if (this.mode === 'kiosk') {
      return html`<div part="base" class="base kiosk" lang=${language}>${this.#kiosk?.render() ?? nothing}</div>`;
    }
    const status = this.#load.status;
    const body =
      this.mode === 'impact'
        ? this.#load.render({ complete: (value) => this.#renderImpact(value as Impact) })
        : status === 'failed' && !this.#figures
          ? this.#load.render({})
          : this.#renderFigures(this.#figures);
    return html`<div part="base" class="base" lang=${language} aria-busy=${status === 'pending'}>${body}</div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pustaka-visit-recorded': CustomEvent<PustakaVisitRecordedDetail>;
  }
}
