import { PustakaApiError, type PustakaClient, type Visit, type VisitRequest } from '@pustaka/client';
import { FormController, LanguageController, maxLength, pattern, required, validator } from '@pustaka/core';
import { educationLevelValues, occupationValues, visitPurposeValues } from '@pustaka/spec/values';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { kioskMessages, occupationLabels, purposeLabels } from './kiosk-messages.js';
export { default as kioskStyles } from './kiosk.styles.js';
import { newKey, visitQueue, type QueuedVisit } from './visit-queue.js';
import type { PustakaVisitRecordedDetail } from './visit-counter.component.js';

type KioskInfo = Awaited<ReturnType<PustakaClient['visits']['kiosk']>>;
type Screen = 'member' | 'guest' | 'group';
type Banner =
  | { kind: 'welcome' | 'thanks' | 'thanksGroup' | 'queued'; name?: string; people: number; membership?: string }
  | { kind: 'repeat'; time: string }
  | { kind: 'unknown'; number: string }
  | { kind: 'noToken' | 'refused' };

/** What the kiosk needs from its element. */
export interface KioskHooks {
  client(): PustakaClient;
  /** The API base: the outbox keeps each server's check-ins apart. */
  scope(): string;
  recorded(detail: PustakaVisitRecordedDetail): void;
}

/** How long a greeting stays before the screen is clean for the next visitor. */
const greetingMs = 8000;
/** How often the outbox tries again while the browser still says it is online (a server down, a dead Wi-Fi). */
const retryMs = 20000;

/** A refusal the server will repeat, however often it is asked: sending it again cannot help. */
const isFinal = (error: unknown) =>
  error instanceof PustakaApiError && error.status < 500 && error.status !== 408 && error.status !== 429;

const headCount = validator('headCount', (value) => /^\d{1,4}$/.test(value) && Number(value) <= 1000, {
  id: '{fieldName} harus bilangan 0 sampai 1000.',
  en: '{fieldName} must be a whole number from 0 to 1000.',
});

type Key = keyof typeof kioskMessages.id;
/** A field's label in both languages, for the form kit's sentences. */
const label = (key: Key) => ({ id: kioskMessages.id[key] as string, en: kioskMessages.en[key] as string });

/**
 * @summary The guest book at the library door (`mode="kiosk"`): member numbers typed or scanned, guests, class
 * visits, a greeting and today's count, and an outbox in IndexedDB that keeps every check-in through a dropped
 * network or a reload, each sent under its own idempotency key so that none counts twice.
 */
export class KioskFace implements ReactiveController {
  screen: Screen = 'member';
  banner: Banner | undefined;
  info: KioskInfo | undefined;
  /** People counted today, from the last answer of the server. */
  today: number | undefined;
  /** Check-ins in the outbox. */
  waiting = 0;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #hooks: KioskHooks;
  readonly #i18n;
  readonly #member;
  readonly #guest;
  readonly #group;
  /** Check-ins being sent now: a flush never sends one a check-in is already sending. */
  readonly #inFlight = new Set<string>();
  #flushing: Promise<void> | undefined;
  /** The member field takes focus once drawn: a kiosk waits for a card, not for a click. */
  #focusPending = true;
  #greetingTimer: ReturnType<typeof setTimeout> | undefined;
  #retryTimer: ReturnType<typeof setInterval> | undefined;
  readonly #onOnline = () => void this.flush();

  constructor(host: ReactiveControllerHost & HTMLElement, hooks: KioskHooks) {
    this.#host = host;
    this.#hooks = hooks;
    this.#i18n = new LanguageController(host, kioskMessages);
    const institution = { label: label('institution'), validators: [required(), maxLength(120)] };
    this.#member = new FormController(host, {
      member_number: {
        label: label('memberNumber'),
        validators: [
          required(),
          pattern(/[A-Za-z0-9-]{3,40}/, {
            id: kioskMessages.id.memberPattern,
            en: '{fieldName} has only letters, digits and hyphens.',
          }),
        ],
      },
    });
    this.#guest = new FormController(host, {
      name: { label: label('name'), validators: [required(), maxLength(100)] },
      institution,
      occupation: { label: label('occupation'), validators: [required()] },
      purpose: { label: label('purpose'), validators: [required()] },
    });
    this.#group = new FormController(
      host,
      {
        leader_name: { label: label('leader'), validators: [required(), maxLength(100)] },
        institution,
        male: { label: label('male'), validators: [required(), headCount] },
        female: { label: label('female'), validators: [required(), headCount] },
        education: { label: label('education'), validators: [required()] },
      },
      {
        serverMessages: {
          nobody: { id: 'Isi jumlah laki-laki atau perempuan.', en: 'Enter how many boys/men or girls/women came.' },
        },
      },
    );
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('online', this.#onOnline);
    this.#retryTimer = setInterval(() => this.waiting && void this.flush(), retryMs);
    void this.#loadInfo();
    void this.flush();
  }

  hostUpdated(): void {
    const input = this.#field('member_number');
    if (!this.#focusPending || !input) return;
    this.#focusPending = false;
    input.focus();
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#onOnline);
    clearInterval(this.#retryTimer);
    clearTimeout(this.#greetingTimer);
  }

  async #loadInfo() {
    try {
      this.info = await this.#hooks.client().visits.kiosk();
      this.today = this.info.today_counts.total;
    } catch (error) {
      if (isFinal(error)) this.banner = { kind: 'noToken' };
    }
    this.#host.requestUpdate();
  }

  /**
   * Sends every check-in of the outbox, oldest first, each under the key it was queued with; stops at the first
   * that the network still refuses. Resolves when this round is over; a round already under way is shared.
   */
  flush(): Promise<void> {
    this.#flushing ??= (async () => {
      try {
        for (const visit of await visitQueue.list(this.#hooks.scope())) {
          if (this.#inFlight.has(visit.key)) continue;
          if ((await this.#send(visit, true)) === 'queued') break;
        }
      } finally {
        this.#flushing = undefined;
        await this.#count();
      }
    })();
    return this.#flushing;
  }

  async #count() {
    this.waiting = (await visitQueue.list(this.#hooks.scope())).length;
    this.#host.requestUpdate();
  }

  /**
   * One attempt at sending a queued check-in: its answer, `queued` when it must wait for the network, or the
   * server's final refusal. A check-in sent from the outbox says when it happened, so it counts on its own day;
   * should the server refuse that moment (a kiosk clock far off), it is counted now rather than lost.
   */
  async #send(visit: QueuedVisit, late: boolean): Promise<Visit | 'queued' | PustakaApiError> {
    this.#inFlight.add(visit.key);
    try {
      const record = (body: VisitRequest) => this.#hooks.client().visits.record(body, { idempotencyKey: visit.key });
      let answer: Visit;
      try {
        answer = await record(
          late ? { ...visit.body, occurred_at: new Date(visit.queuedAt).toISOString() } : visit.body,
        );
      } catch (error) {
        if (!(late && error instanceof PustakaApiError && error.code === 'validation_failed')) throw error;
        answer = await record(visit.body);
      }
      await visitQueue.remove(visit.key);
      if (answer.today_total !== undefined) this.today = answer.today_total;
      return answer;
    } catch (error) {
      if (!isFinal(error)) return 'queued';
      await visitQueue.remove(visit.key);
      return error as PustakaApiError;
    } finally {
      this.#inFlight.delete(visit.key);
    }
  }

  /** A check-in from one of the forms: into the outbox first, then to the server, then what the visitor sees. */
  async #checkIn(body: VisitRequest) {
    const visit: QueuedVisit = { key: newKey(), scope: this.#hooks.scope(), body, queuedAt: Date.now() };
    await visitQueue.add(visit);
    const answer = await this.#send(visit, false);
    const people = body.kind === 'group' ? body.male + body.female : 1;
    let banner: Banner;
    if (answer === 'queued') banner = { kind: 'queued', people };
    else if (answer instanceof PustakaApiError) {
      if (answer.code === 'member_not_found' && body.kind === 'member') {
        banner = { kind: 'unknown', number: body.member_number };
      } else banner = { kind: answer.status === 401 || answer.status === 403 ? 'noToken' : 'refused' };
    } else if (!answer.counted) {
      const time = this.#i18n.formatDate(answer.repeat_of ?? answer.recorded_at, { timeStyle: 'short' });
      banner = { kind: 'repeat', time };
    } else if (body.kind === 'member') {
      const status = answer.membership?.status;
      banner = {
        kind: answer.greeting_name ? 'welcome' : 'thanks',
        name: answer.greeting_name,
        people,
        membership: status,
      };
    } else banner = { kind: body.kind === 'group' ? 'thanksGroup' : 'thanks', people };
    if (answer !== 'queued' && !(answer instanceof PustakaApiError)) {
      this.#hooks.recorded({ kind: body.kind, people, outcome: answer.counted ? 'counted' : 'repeat' });
    } else if (answer === 'queued') this.#hooks.recorded({ kind: body.kind, people, outcome: 'queued' });
    await this.#count();
    if (banner.kind !== 'unknown') this.#reset();
    void this.#show(banner);
    // The server answered: the network is back, and what waited goes out behind this visitor.
    if (answer !== 'queued' && this.waiting) void this.flush();
  }

  /** Shows a banner on the member screen, focus in the member number field ready for the next card. */
  async #show(banner: Banner) {
    this.banner = banner;
    this.screen = 'member';
    clearTimeout(this.#greetingTimer);
    if (
      banner.kind === 'welcome' ||
      banner.kind.startsWith('thanks') ||
      banner.kind === 'queued' ||
      banner.kind === 'repeat'
    ) {
      this.#greetingTimer = setTimeout(() => {
        this.banner = undefined;
        this.#host.requestUpdate();
      }, greetingMs);
    }
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const field = this.#field('member_number');
    field?.focus();
    if (banner.kind === 'unknown') field?.select();
  }

  #field(name: string) {
    return this.#host.shadowRoot?.querySelector<HTMLInputElement>(`[name="${name}"]`);
  }

  /** Clears the forms for the next visitor. */
  #reset() {
    for (const form of this.#host.shadowRoot?.querySelectorAll('form') ?? []) form.reset();
    this.#member.reset();
    this.#guest.reset();
    this.#group.reset();
  }

  async #go(screen: Screen) {
    this.screen = screen;
    this.banner = undefined;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.shadowRoot?.querySelector<HTMLElement>('form input, form select')?.focus();
  }

  async #submit(event: SubmitEvent, form: FormController<string>, toBody: () => VisitRequest | undefined) {
    event.preventDefault();
    if (!(await form.check())) return;
    const body = toBody();
    if (body) await this.#checkIn(body);
  }

  #onMember = (event: SubmitEvent) =>
    this.#submit(event, this.#member, () => ({
      kind: 'member',
      member_number: this.#member.values().member_number.toUpperCase(),
    }));

  #onGuest = (event: SubmitEvent) =>
    this.#submit(event, this.#guest, () => {
      const { name, institution, occupation, purpose } = this.#guest.values();
      return { kind: 'guest', name, institution, occupation, purpose } as VisitRequest;
    });

  #onGroup = (event: SubmitEvent) =>
    this.#submit(event, this.#group, () => {
      const { leader_name, institution, male, female, education } = this.#group.values();
      if (Number(male) + Number(female) === 0) {
        void this.#group.showProblem({ errors: [{ field: 'male', code: 'nobody' }] });
        return undefined;
      }
      return { kind: 'group', leader_name, institution, male: +male, female: +female, education } as VisitRequest;
    });

  /** Keypad keys type into the member number field, for a touch screen without a keyboard. */
  #press(key: string) {
    const field = this.#field('member_number')!;
    field.value = key === '⌫' ? field.value.slice(0, -1) : field.value + key;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }

  #onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.screen !== 'member') void this.#go('member');
  };

  #input(
    form: FormController<string>,
    name: string,
    text: string,
    attributes: { type?: string; autocomplete?: string } = {},
  ) {
    return html`<label>${text}
      <input name=${name} type=${attributes.type ?? 'text'} autocomplete=${attributes.autocomplete ?? 'off'}
        inputmode=${attributes.type === 'number' ? 'numeric' : nothing} min=${attributes.type === 'number' ? 0 : nothing}
        aria-invalid=${form.invalid(name)} aria-describedby=${form.describedBy(name)} />
    </label>${form.feedback(name)}`;
  }

  #select(
    form: FormController<string>,
    name: string,
    text: string,
    values: readonly string[],
    labels?: Record<string, string>,
  ) {
    const { t } = this.#i18n;
    return html`<label>${text}
      <select name=${name} aria-invalid=${form.invalid(name)} aria-describedby=${form.describedBy(name)}>
        <option value="">${t('choose')}</option>
        ${values.map((value) => html`<option value=${value}>${labels?.[value] ?? value}</option>`)}
      </select>
    </label>${form.feedback(name)}`;
  }

  #renderBanner() {
    const { t } = this.#i18n;
    const banner = this.banner;
    if (!banner) return html`<p class="muted" role="status"></p>`;
    if (banner.kind === 'unknown' || banner.kind === 'noToken' || banner.kind === 'refused') {
      return html`<div class="notice" role="alert">
        <p>${banner.kind === 'unknown' ? t('unknown', { number: banner.number }) : t(banner.kind)}</p>
        ${
          banner.kind === 'unknown'
            ? html`<p>${t('unknownHint')}</p>
              <button type="button" @click=${() => this.#go('guest')}>${t('continueAsGuest')}</button>`
            : nothing
        }
      </div>`;
    }
    const text =
      banner.kind === 'repeat'
        ? t('repeat', { time: banner.time })
        : banner.kind === 'welcome'
          ? t('welcome', { name: banner.name! })
          : banner.kind === 'thanksGroup'
            ? t('thanksGroup', { count: banner.people })
            : t(banner.kind);
    const card = banner.kind === 'welcome' && (banner.membership === 'expired' || banner.membership === 'expiring');
    return html`<div class="notice" role="status">
      <p class="greeting">${text}</p>
      ${card ? html`<p>${t(banner.membership as 'expired' | 'expiring')}</p>` : nothing}
    </div>`;
  }

  #renderMember() {
    const { t } = this.#i18n;
    const form = this.#member;
    return html`<form novalidate @submit=${this.#onMember} @input=${(event: Event) => form.onFieldChange(event)}>
        ${form.summary()}
        <label>${t('memberNumber')}
          <input name="member_number" autocomplete="off" autocapitalize="characters" spellcheck="false"
            enterkeyhint="go" maxlength="40" aria-invalid=${form.invalid('member_number')}
            aria-describedby="member-hint ${form.describedBy('member_number')}" />
        </label>
        <p id="member-hint" class="muted">${t('memberHint')}</p>
        ${form.feedback('member_number')}
        <div class="keypad" part="keypad" role="group" aria-label=${t('keypad')}>
          ${[...'123456789-0⌫'].map(
            (key) =>
              html`<button type="button" tabindex="-1" aria-label=${key === '⌫' ? t('erase') : nothing}
                @click=${() => this.#press(key)}>${key}</button>`,
          )}
        </div>
        <button type="submit">${t('checkIn')}</button>
      </form>
      <div class="row">
        <button type="button" @click=${() => this.#go('guest')}>${t('asGuest')}</button>
        <button type="button" @click=${() => this.#go('group')}>${t('asGroup')}</button>
      </div>`;
  }

  #renderGuest() {
    const { t, language } = this.#i18n;
    const form = this.#guest;
    return html`<form novalidate @submit=${this.#onGuest} @input=${(event: Event) => form.onFieldChange(event)}
      @change=${(event: Event) => form.onFieldChange(event)} aria-labelledby="form-title">
      <h2 id="form-title">${t('guestTitle')}</h2>
      ${form.summary()}
      ${this.#input(form, 'name', t('name'), { autocomplete: 'name' })}
      ${this.#input(form, 'institution', t('institution'), { autocomplete: 'organization' })}
      ${this.#select(form, 'occupation', t('occupation'), occupationValues, occupationLabels[language])}
      ${this.#select(form, 'purpose', t('purpose'), visitPurposeValues, purposeLabels[language])}
      <div class="row">
        <button type="submit">${t('save')}</button>
        <button type="button" @click=${() => this.#go('member')}>${t('back')}</button>
      </div>
    </form>`;
  }

  #renderGroup() {
    const { t } = this.#i18n;
    const form = this.#group;
    return html`<form novalidate @submit=${this.#onGroup} @input=${(event: Event) => form.onFieldChange(event)}
      @change=${(event: Event) => form.onFieldChange(event)} aria-labelledby="form-title">
      <h2 id="form-title">${t('groupTitle')}</h2>
      ${form.summary()}
      ${this.#input(form, 'leader_name', t('leader'), { autocomplete: 'name' })}
      ${this.#input(form, 'institution', t('institution'), { autocomplete: 'organization' })}
      <div class="row">
        <div>${this.#input(form, 'male', t('male'), { type: 'number' })}</div>
        <div>${this.#input(form, 'female', t('female'), { type: 'number' })}</div>
      </div>
      ${this.#select(form, 'education', t('education'), educationLevelValues)}
      <div class="row">
        <button type="submit">${t('save')}</button>
        <button type="button" @click=${() => this.#go('member')}>${t('back')}</button>
      </div>
    </form>`;
  }

  render() {
    const { t } = this.#i18n;
    return html`<div part="kiosk" @keydown=${this.#onKeydown}>
      <h1>${this.info?.library.name ?? t('title')}</h1>
      <p part="count" class="label">${this.today === undefined ? ' ' : t('today', { count: this.today })}</p>
      <p part="queue" role="status">${this.waiting ? t('waiting', { count: this.waiting }) : ''}</p>
      ${this.#renderBanner()}
      ${this.screen === 'guest' ? this.#renderGuest() : this.screen === 'group' ? this.#renderGroup() : this.#renderMember()}
    </div>`;
  }
}
