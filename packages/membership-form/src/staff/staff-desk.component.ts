import type { ApprovedMember, PustakaClientOptions, Registration, RegistrationId } from '@pustaka/client';
import { failureOf, LanguageController, LoadController, PustakaElement, type Failure } from '@pustaka/core';
import { html, nothing, svg, type PropertyDeclarations } from 'lit';
import type { Barcode } from '../slip.js';
import { VERSION } from '../version.js';
import { staffMessages } from './staff-messages.js';
import { staffStyles } from './staff-desk.styles.js';

type RegistrationDetail = Awaited<ReturnType<PustakaStaffDesk['client']['membership']['getRegistration']>>;
type MemberCard = ApprovedMember['card'];
type ReasonCode = 'incomplete' | 'unverifiable' | 'not_eligible' | 'duplicate' | 'other';

/** The token lives as long as the tab: a librarian's shared counter computer forgets it when the tab closes. */
const tokenKey = 'pustaka-staff-token';
const reasonCodes: ReasonCode[] = ['incomplete', 'unverifiable', 'not_eligible', 'duplicate', 'other'];

/**
 * @tagname pustaka-staff-desk
 * @summary The librarians' side of registration: paste the staff token once, see pending registrations, check
 * one against the papers, approve it (the member number is issued) or reject it with a reason, and print the card.
 *
 * Not a widget for public pages: it needs a staff token, and the server serves it at `/staff`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart sign-in - The token form.
 * @csspart list - The pending registrations.
 * @csspart detail - One registration's details and the decision.
 * @csspart card - The member card, printable.
 * @csspart notice - What just happened, or what went wrong.
 */
export class PustakaStaffDesk extends PustakaElement {
  static override version = VERSION;
  static override styles = staffStyles;

  static override properties: PropertyDeclarations = {
    token: { state: true },
    selected: { state: true },
    card: { state: true },
    barcode: { state: true },
    notice: { state: true },
    acting: { state: true },
  };

  declare token: string | undefined;
  declare selected: RegistrationId | undefined;
  declare card: MemberCard | undefined;
  declare barcode: Barcode | undefined;
  declare notice: string | undefined;
  declare acting: boolean;

  readonly #i18n = new LanguageController(this, staffMessages);
  readonly #list = new LoadController(this, {
    load: (_: readonly [string], signal) =>
      this.client.membership.listRegistrations({ status: ['pending'], per_page: 50 }, { signal }),
  });
  readonly #detail = new LoadController(this, {
    load: ([id]: readonly [RegistrationId], signal): Promise<RegistrationDetail> =>
      this.client.membership.getRegistration(id, { signal }),
  });

  constructor() {
    super();
    this.acting = false;
    this.token = sessionStorage.getItem(tokenKey) ?? undefined;
  }

  protected override clientOptions(): PustakaClientOptions {
    return { ...super.clientOptions(), ...(this.token && { token: this.token }) };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.token) void this.#list.run([this.token]);
  }

  #signIn(event: SubmitEvent) {
    event.preventDefault();
    const token = new FormData(event.target as HTMLFormElement).get('token')?.toString().trim();
    if (!token) return;
    sessionStorage.setItem(tokenKey, token);
    this.token = token;
    this.notice = undefined;
    void this.#list.run([token]);
  }

  #signOut(notice?: string) {
    sessionStorage.removeItem(tokenKey);
    this.token = this.selected = this.card = undefined;
    this.notice = notice;
    this.#list.reset();
  }

  /** A refused token sends the librarian back to the token form; the rest is said in the notice. */
  #explain(error: unknown): void {
    const { t } = this.#i18n;
    const status = (error as { status?: number } | null)?.status;
    if (status === 401) return this.#signOut(t('badToken'));
    if (status === 403) this.notice = t('forbidden');
    else if (status === 409) this.notice = t('notPending');
    else this.notice = t(failureOf(error) as Failure);
  }

  async #open(id: RegistrationId) {
    this.selected = id;
    this.notice = this.card = undefined;
    await this.#detail.run([id]);
    if (this.#detail.status === 'failed') this.#explain(this.#detail.error);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
  }

  #backToList() {
    this.selected = this.card = this.barcode = undefined;
    this.#detail.reset();
    void this.#list.run([this.token!]);
  }

  async #approve(registration: RegistrationDetail) {
    if (this.acting) return;
    this.acting = true;
    try {
      const approved = await this.client.membership.approve(registration.id, {});
      this.card = approved.card;
      this.selected = undefined;
      const { code128 } = await import('../code128.js');
      this.barcode = code128(approved.card.member_number);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#card-title')?.focus();
    } catch (error) {
      this.#explain(error);
    } finally {
      this.acting = false;
    }
  }

  async #reject(event: SubmitEvent, registration: RegistrationDetail) {
    event.preventDefault();
    if (this.acting) return;
    const data = new FormData(event.target as HTMLFormElement);
    const reason = data.get('reason')?.toString().trim() ?? '';
    const reasonInput = this.renderRoot.querySelector<HTMLTextAreaElement>('#reason')!;
    if (reason.length < 3) {
      this.notice = this.#i18n.t('reasonRequired');
      reasonInput.setAttribute('aria-invalid', 'true');
      reasonInput.focus();
      return;
    }
    this.acting = true;
    try {
      await this.client.membership.reject(registration.id, {
        reason_code: data.get('reason_code') as ReasonCode,
        reason,
      });
      this.#backToList();
      this.notice = this.#i18n.t('rejected', { reference: registration.reference });
    } catch (error) {
      this.#explain(error);
    } finally {
      this.acting = false;
    }
  }

  #renderSignIn() {
    const { t } = this.#i18n;
    return html`<form part="sign-in" @submit=${this.#signIn}>
      <label for="token">${t('tokenLabel')}</label>
      <p class="muted" id="token-hint">${t('tokenHint')}</p>
      <input id="token" name="token" type="password" autocomplete="off" spellcheck="false" aria-describedby="token-hint" />
      <button type="submit">${t('signIn')}</button>
    </form>`;
  }

  #renderList(items: Registration[]) {
    const { t, formatters } = this.#i18n;
    if (!items.length) return html`<p part="list">${t('none')}</p>`;
    return html`<table part="list">
      <caption>${t('pending')}</caption>
      <thead><tr><th scope="col">${t('name')}</th><th scope="col">${t('reference')}</th><th scope="col">${t('type')}</th>
        <th scope="col">${t('institution')}</th><th scope="col">${t('registered')}</th></tr></thead>
      <tbody>${items.map(
        (item) => html`<tr>
          <td><button type="button" class="link" aria-label=${t('check', { name: item.full_name })}
            @click=${() => void this.#open(item.id)}>${item.full_name}</button>${item.flags?.length ? html` <span class="flag">!</span>` : nothing}</td>
          <td>${item.reference}</td><td>${item.member_type}</td><td>${item.institution ?? ''}</td>
          <td>${formatters.date(item.created_at, { dateStyle: 'medium', timeStyle: 'short' })}</td>
        </tr>`,
      )}</tbody>
    </table>`;
  }

  #renderDetail(registration: RegistrationDetail) {
    const { t, formatters } = this.#i18n;
    const address = registration.address;
    const rows: [string, unknown][] = [
      [t('reference'), registration.reference],
      [t('nik'), registration.nik_last4],
      [
        t('birth'),
        [registration.birth_place, registration.birth_date && formatters.date(registration.birth_date)]
          .filter(Boolean)
          .join(', '),
      ],
      [t('age'), registration.age === undefined ? '' : t('years', { age: registration.age })],
      [t('sex'), registration.sex && t(registration.sex)],
      [t('phone'), registration.phone],
      [t('email'), registration.email],
      [
        t('address'),
        address &&
          [address.street, address.village, address.district, address.city, address.postal_code]
            .filter(Boolean)
            .join(', '),
      ],
      [t('type'), registration.member_type],
      [t('institution'), registration.institution],
      [t('classOrFaculty'), registration.class_or_faculty],
      [
        t('guardian'),
        registration.guardian &&
          `${registration.guardian.name} (${registration.guardian.relation}) ${registration.guardian.phone ?? ''}`,
      ],
      [
        t('consents'),
        registration.consents
          .map((consent) => `${consent.id} v${consent.version}: ${consent.granted ? t('granted') : t('refused')}`)
          .join('; '),
      ],
    ];
    return html`<section part="detail" aria-labelledby="detail-title">
      <h2 id="detail-title" tabindex="-1">${registration.full_name}</h2>
      <p class="muted">${t('details', { reference: registration.reference })}</p>
      ${
        registration.flags?.length
          ? html`<div class="flags" role="note"><strong>${t('flags')}</strong><ul>${registration.flags.map(
              (flag) => html`<li>${t(`flag_${flag.code}`)}</li>`,
            )}</ul></div>`
          : nothing
      }
      <dl>${rows.filter(([, value]) => value).map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>
      <div class="actions">
        <button type="button" class="primary" aria-disabled=${this.acting} @click=${() => void this.#approve(registration)}>${t('approve')}</button>
      </div>
      <form class="reject" @submit=${(event: SubmitEvent) => void this.#reject(event, registration)}>
        <label for="reason_code">${t('reasonCode')}</label>
        <select id="reason_code" name="reason_code">${reasonCodes.map((code) => html`<option value=${code}>${t(`reason_${code}`)}</option>`)}</select>
        <label for="reason">${t('reason')}</label>
        <textarea id="reason" name="reason" rows="2" maxlength="500" aria-invalid="false"></textarea>
        <button type="submit" aria-disabled=${this.acting}>${t('reject')}</button>
      </form>
      <button type="button" @click=${() => this.#backToList()}>${t('back')}</button>
    </section>`;
  }

  #renderCard(card: MemberCard) {
    const { t, formatters } = this.#i18n;
    return html`<section class="card" part="card" aria-labelledby="card-title">
      <h2 id="card-title" tabindex="-1">${t('card')}</h2>
      <p class="library">${card.library_name}</p>
      <p class="name">${card.full_name}</p>
      <p>${card.member_type_label}${card.institution ? ` · ${card.institution}` : ''}</p>
      <p>${t('memberNumber')}: <strong class="number">${card.member_number}</strong></p>
      ${
        this.barcode
          ? html`<svg role="img" aria-label=${t('barcode', { number: card.member_number })}
              viewBox="0 0 ${this.barcode.width} 1" preserveAspectRatio="none">${svg`<path d=${this.barcode.path} />`}</svg>`
          : nothing
      }
      <p>${t('validUntil', { date: formatters.date(card.valid_until) })}</p>
      <div class="actions">
        <button type="button" class="primary" @click=${() => print()}>${t('print')}</button>
        <button type="button" @click=${() => this.#backToList()}>${t('back')}</button>
      </div>
    </section>`;
  }

  override render() {
    const { t, language } = this.#i18n;
    let body: unknown;
    if (!this.token) body = this.#renderSignIn();
    else if (this.card) body = this.#renderCard(this.card);
    else if (this.selected)
      body = this.#detail.render({
        pending: () => html`<p role="status">${t('loading')}</p>`,
        complete: (registration) => this.#renderDetail(registration),
        failed: () => html`<button type="button" @click=${() => this.#backToList()}>${t('back')}</button>`,
      });
    else
      body = this.#list.render({
        pending: () => html`<p role="status">${t('loading')}</p>`,
        complete: (page) => this.#renderList(page.items),
        failed: () => {
          const error = this.#list.error;
          if ((error as { status?: number } | null)?.status === 401) queueMicrotask(() => this.#signOut(t('badToken')));
          return html`<p part="notice" role="alert">${t(failureOf(error) as Failure)}</p>
            <button type="button" @click=${() => void this.#list.retry()}>${t('retry')}</button>`;
        },
      });
    return html`<div part="base" class="base" lang=${language}>
      <header>
        <h1>${t('title')}</h1>
        ${this.token ? html`<button type="button" @click=${() => this.#signOut()}>${t('signOut')}</button>` : nothing}
      </header>
      <p part="notice" class="notice" role="status">${this.notice ?? ''}</p>
      ${body}
    </div>`;
  }
}
