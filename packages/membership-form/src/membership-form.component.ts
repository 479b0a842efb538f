import type { MembershipForm, RegistrationRequest } from '@pustaka/client';
import {
  failureOf,
  FormController,
  LanguageController,
  LoadController,
  PustakaElement,
  validatorMessage,
  type Failure,
} from '@pustaka/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { ageOn } from './age.js';
import { clearDraft, keyFor, loadDraft, saveDraft, type Draft } from './draft.js';
import { consentField, formFields, today } from './fields.js';
import { messages, ruleMessages, serverMessages } from './messages.js';
import { styles } from './membership-form.styles.js';
import { nikMismatch, readNik } from './nik.js';
import { normalisePhone } from './phone.js';
import { registrationSlip, type Barcode } from './slip.js';
import { VERSION } from './version.js';
import { choice, field, type FieldView } from './view.js';

/** What `pustaka-registered` tells the page: the reference only, never anything the visitor typed. */
export interface PustakaRegisteredDetail {
  reference: string;
}

type MemberType = MembershipForm['member_types'][number];

/**
 * @tagname pustaka-membership-form
 * @summary Online registration for the city library card: the fields the member type asks for, the NIK checked as
 * it is typed, a guardian's consent for minors, one consent per purpose, and a pre-registration slip to print.
 *
 * @event {CustomEvent<PustakaRegisteredDetail>} pustaka-registered - The library received the registration:
 * `{ reference }`, nothing else.
 *
 * @csspart base - The wrapper of everything.
 * @csspart form - The registration form.
 * @csspart error-summary - What needs correcting, after a submit with errors.
 * @csspart section - One group of fields (about you, contact, school, guardian, consent).
 * @csspart field - One label, its field and its messages.
 * @csspart feedback - The message of a field that needs correcting.
 * @csspart warning - The NIK mismatch warning and its confirmation.
 * @csspart submit - The send button.
 * @csspart message - A failure to load or to send, with what to do.
 * @csspart retry - The "try again" button.
 * @csspart slip - The pre-registration slip shown after success (printable).
 * @csspart reference - The registration number on the slip.
 * @csspart barcode - Its Code 128 barcode.
 *
 * @cssproperty --max-width - Width of the form. Default `40rem`.
 */
export class PustakaMembershipForm extends PustakaElement {
  static override version = VERSION;
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    library: { reflect: true },
    memberType: { attribute: 'member-type' },
    institution: {},
    sending: { state: true },
    reference: { state: true },
    barcode: { state: true },
    problem: { state: true },
  };

  /** The library where the card is collected (`dispusip-bontang`); the site key's library when absent. */
  declare library: string | undefined;
  /** The member type chosen at first (`pelajar` on a school site). */
  declare memberType: string | undefined;
  /** The school, campus or employer filled in at first (a school site: its own name). */
  declare institution: string | undefined;

  declare sending: boolean;
  /** The registration reference, once received. */
  declare reference: string | undefined;
  declare barcode: Barcode | undefined;
  /** Why the last submission failed, said above the button; the form keeps what was typed. */
  declare problem: string | undefined;

  readonly #i18n = new LanguageController(this, messages);
  readonly #definition = new LoadController(this, {
    load: ([library, lang]: readonly [string | undefined, 'id' | 'en'], signal) =>
      this.client.membership.form({ ...(library && { library }), lang }, { signal }),
    onComplete: (definition) => this.#prepare(definition),
  });
  #form: FormController<string> | undefined;
  #loadedFor = '';
  #draft: Draft | undefined;
  /** Set at once on submit, before any await: a double click sends one request. */
  #busy = false;
  /** `t()` for templates that take a field's name as the key: every name has its label in `messages`. */
  readonly #say = (key: string, params?: Record<string, unknown>): string =>
    (this.#i18n.t as (key: string, params?: Record<string, unknown>) => string)(key, params);

  constructor() {
    super();
    this.sending = false;
  }

  get #scope(): string {
    return this.library ?? '';
  }

  get #values(): Record<string, string> {
    return this.#state.values;
  }

  get #state(): Draft {
    this.#draft ??= loadDraft(this.#scope);
    return this.#draft;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.reference ??= this.#state.reference;
    if (this.reference) void this.#loadBarcode(this.reference);
  }

  protected override willUpdate(): void {
    const key = `${this.#scope}|${this.#i18n.language}`;
    if (key !== this.#loadedFor && !this.reference) {
      this.#loadedFor = key;
      void this.#definition.run([this.library, this.#i18n.language]);
    }
  }

  /**
   * The first definition creates the form's rules; the page's preselections fill an empty draft, and the
   * anti-spam token of the first load stays with the draft (a reload must not restart the server's fill clock).
   */
  #prepare(definition: MembershipForm) {
    const state = this.#state;
    const values = state.values;
    state.formToken ??= definition.anti_spam.form_token;
    const preselected = definition.member_types.find((type) => type.id === this.memberType);
    values.member_type ||= preselected?.id ?? '';
    if (this.institution && !values.institution)
      values.institution =
        definition.institutions.find((institution) => institution.id === this.institution)?.name ?? this.institution;
    saveDraft(this.#scope, state);
    this.#form ??= new FormController(
      this,
      formFields(
        {
          asks: (name) => this.#type?.required_fields.includes(name) ?? false,
          minor: () => this.#minor,
          unconfirmedMismatch: () => this.#mismatch.length > 0 && this.#values.nik_confirm !== 'granted',
          consentText: (id) => this.#definition.value?.consents.find((consent) => consent.id === id)?.text ?? id,
        },
        definition.consents,
      ),
      { serverMessages: serverMessages },
    );
  }

  /** The network's institutions this member type may pick (pupils see schools). */
  get #institutions(): MembershipForm['institutions'] {
    const kinds = this.#type?.institution_kinds;
    const all = this.#definition.value?.institutions ?? [];
    return kinds ? all.filter((institution) => kinds.includes(institution.kind)) : all;
  }

  get #type(): MemberType | undefined {
    return this.#definition.value?.member_types.find((type) => type.id === this.#values.member_type);
  }

  get #minor(): boolean {
    const under = this.#type?.guardian_required_under;
    const age = ageOn(this.#values.birth_date ?? '');
    return under !== undefined && age !== undefined && age < under;
  }

  get #mismatch() {
    const reading = readNik(this.#values.nik ?? '');
    return reading.problem ? [] : nikMismatch(reading.facts, this.#values.birth_date ?? '', this.#values.sex ?? '');
  }

  #onInput(event: Event) {
    const target = event.target as HTMLInputElement;
    if (!target.name) return;
    const values = this.#values;
    if (target.type === 'checkbox') {
      values[target.name] = target.checked ? 'granted' : '';
      target.value = values[target.name]!; // the form kit reads `.value`: an unticked box is empty
    } else values[target.name] = target.value;
    // A confirmation is for the mismatch the visitor saw: a change to what it compares asks again.
    if (['nik', 'birth_date', 'sex'].includes(target.name)) values.nik_confirm = '';
    saveDraft(this.#scope, this.#state);
    this.#form?.onFieldChange(event);
    this.requestUpdate();
  }

  /** A phone number is shown as it will be stored (`+62812...`) once the visitor leaves the field. */
  #onBlur(event: FocusEvent) {
    const target = event.target as HTMLInputElement;
    if (!/phone$/.test(target.name)) return;
    const phone = normalisePhone(target.value);
    if (phone && phone !== target.value) {
      target.value = this.#values[target.name] = phone;
      saveDraft(this.#scope, this.#state);
      this.requestUpdate();
    }
  }

  #body(): RegistrationRequest {
    const values = this.#values;
    const definition = this.#definition.value!;
    const given = (name: string) => values[name]?.trim() || undefined;
    const address = Object.fromEntries(
      ['street', 'village', 'district', 'city', 'postal_code'].flatMap((part) => {
        const value = given(`address.${part}`);
        return value ? [[part, value]] : [];
      }),
    ) as RegistrationRequest['address'];
    const asked = (name: string) => (this.#type?.required_fields.includes(name) ? given(name) : undefined);
    const body: RegistrationRequest = {
      member_type: values.member_type as RegistrationRequest['member_type'],
      full_name: given('full_name')!,
      nik: values.nik!.replace(/\D/g, ''),
      birth_date: values.birth_date!,
      sex: values.sex as RegistrationRequest['sex'],
      phone: normalisePhone(values.phone!)!,
      address,
      consents: definition.consents.map(({ id, version }) => ({
        id,
        version,
        granted: values[consentField(id)] === 'granted',
      })),
    };
    const institution = asked('institution');
    const picked = this.#institutions.find((item) => item.name.toLowerCase() === institution?.toLowerCase());
    const optional = {
      birth_place: given('birth_place'),
      email: given('email'),
      education_level: asked('education_level'),
      ...(picked ? { institution_id: picked.id } : { institution }),
      class_or_faculty: asked('class_or_faculty'),
      library_id: this.library,
      nik_mismatch_confirmed: this.#mismatch.length > 0 || undefined,
      form_token: this.#state.formToken,
      // The honeypot goes as it is: filled in, the server answers as usual and stores nothing.
      website: values.website || undefined,
    };
    for (const [name, value] of Object.entries(optional)) if (value) Object.assign(body, { [name]: value });
    if (this.#minor) {
      body.guardian = {
        name: given('guardian.name')!,
        relation: values['guardian.relation'] as 'parent' | 'guardian',
        phone: normalisePhone(values['guardian.phone']!)!,
        consent: true,
      };
    }
    return body;
  }

  async #onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = this.#form;
    if (this.#busy || !form) return;
    this.#busy = true;
    try {
      this.problem = undefined;
      if (!(await form.check())) return;
      const body = this.#body();
      const idempotencyKey = keyFor(this.#state, JSON.stringify(body));
      saveDraft(this.#scope, this.#state);
      this.sending = true;
      const receipt = await this.client.membership.register(body, { idempotencyKey });
      this.#succeed(receipt.reference);
    } catch (error) {
      if (!(await form.showProblem(error))) this.problem = this.#sentenceFor(error);
    } finally {
      this.#busy = this.sending = false;
    }
  }

  #sentenceFor(error: unknown): string {
    const { t } = this.#i18n;
    const { status, code } = (error ?? {}) as { status?: number; code?: string };
    let sentence: string;
    if (code === 'duplicate_registration') sentence = t('duplicate');
    else if (status === 429) sentence = t('tooMany');
    else sentence = t(failureOf(error) as Failure);
    return `${sentence} ${t('kept')}`;
  }

  #succeed(reference: string) {
    clearDraft(this.#scope);
    this.#draft = { values: {}, reference };
    saveDraft(this.#scope, this.#draft);
    this.reference = reference;
    this.emit('pustaka-registered', { reference });
    void this.#loadBarcode(reference);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#slip-title')?.focus());
  }

  async #loadBarcode(reference: string) {
    const { code128 } = await import('./code128.js');
    if (this.reference === reference) this.barcode = code128(reference);
  }

  #startAgain() {
    clearDraft(this.#scope);
    this.#draft = undefined;
    this.reference = this.barcode = undefined;
    this.#form?.reset();
    this.#loadedFor = '';
  }

  get #view(): FieldView {
    const form = this.#form!;
    return {
      t: this.#say,
      values: this.#values,
      form,
      asks: (name) => this.#type?.required_fields.includes(name) ?? false,
    };
  }

  #renderNikReading() {
    const { t, formatters } = this.#i18n;
    const nik = (this.#values.nik ?? '').replace(/\D/g, '');
    const reading = readNik(nik);
    let text: string = t('nikHint');
    if (nik.length === 16 && reading.problem)
      text = validatorMessage(
        { code: reading.problem, message: ruleMessages[reading.problem] },
        'NIK',
        this.#i18n.language,
      );
    else if (!reading.problem)
      text = t('nikReads', { date: formatters.date(reading.facts.birthDate), sex: t(reading.facts.sex) });
    return html`<p class="muted" id="nik-reading" aria-live="polite">${text}</p>`;
  }

  #renderMismatch() {
    const mismatch = this.#mismatch;
    const { t } = this.#i18n;
    if (!mismatch.length) return nothing;
    const what =
      mismatch.length === 2 ? t('mismatchBoth') : mismatch[0] === 'sex' ? t('mismatchSex') : t('mismatchBirthDate');
    return html`<div class="warning" part="warning">
      <p>${t('mismatch', { what })}</p>
      ${field(this.#view, 'nik_confirm', { type: 'checkbox', label: t('confirmMismatch') })}
    </div>`;
  }

  #renderForm(definition: MembershipForm) {
    const { t } = this.#i18n;
    const view = this.#view;
    const values = this.#values;
    const type = this.#type;
    const minor = this.#minor;
    return html`<form part="form" novalidate @input=${this.#onInput} @change=${this.#onInput} @focusout=${this.#onBlur}
        @submit=${this.#onSubmit}>
      <p class="muted">${t('intro')}</p>
      ${this.#form!.summary()}
      ${choice(
        view,
        'member_type',
        t('memberType'),
        definition.member_types.map(({ id, label }) => [id, label]),
        true,
      )}
      <fieldset part="section"><legend>${t('person')}</legend>
        ${field(view, 'full_name', { required: true, autocomplete: 'name', maxlength: 120 })}
        ${field(view, 'nik', {
          required: true,
          inputmode: 'numeric',
          autocomplete: 'off',
          maxlength: 20,
          describedBy: 'nik-reading',
          after: this.#renderNikReading(),
        })}
        ${field(view, 'birth_place', { required: view.asks('birth_place'), maxlength: 80 })}
        ${field(view, 'birth_date', { type: 'date', required: true, autocomplete: 'bday', max: today() })}
        ${choice(
          view,
          'sex',
          t('sex'),
          [
            ['female', t('female')],
            ['male', t('male')],
          ],
          true,
          'sex',
        )}
        ${this.#renderMismatch()}
      </fieldset>
      <fieldset part="section"><legend>${t('contact')}</legend>
        ${field(view, 'phone', { type: 'tel', required: true, autocomplete: 'tel', hint: t('phoneHint'), maxlength: 20 })}
        ${field(view, 'email', { type: 'email', required: view.asks('email'), autocomplete: 'email', maxlength: 254 })}
        ${field(view, 'address.street', { required: true, autocomplete: 'street-address', maxlength: 200 })}
        ${field(view, 'address.village', { maxlength: 80 })}
        ${field(view, 'address.district', { required: true, autocomplete: 'address-level3', maxlength: 80 })}
        ${field(view, 'address.city', { required: true, autocomplete: 'address-level2', maxlength: 80 })}
        ${field(view, 'address.postal_code', { inputmode: 'numeric', autocomplete: 'postal-code', maxlength: 5 })}
      </fieldset>
      ${
        type && ['education_level', 'institution', 'class_or_faculty'].some((name) => view.asks(name))
          ? html`<fieldset part="section"><legend>${t('study')}</legend>
            ${
              view.asks('education_level')
                ? choice(
                    view,
                    'education_level',
                    t('education_level'),
                    definition.education_levels.map((level) => [level, level]),
                    true,
                  )
                : nothing
            }
            ${view.asks('institution') ? field(view, 'institution', { required: true, autocomplete: 'organization', maxlength: 120, list: 'institutions', hint: t('institutionHint') }) : nothing}
            <datalist id="institutions">${this.#institutions.map((item) => html`<option value=${item.name}></option>`)}</datalist>
            ${view.asks('class_or_faculty') ? field(view, 'class_or_faculty', { required: true, maxlength: 80 }) : nothing}
          </fieldset>`
          : nothing
      }
      ${
        minor
          ? html`<fieldset part="section"><legend>${t('guardian')}</legend>
            <p class="muted">${t('guardianWhy', { age: type!.guardian_required_under! })}</p>
            ${field(view, 'guardian.name', { required: true, maxlength: 120 })}
            ${choice(
              view,
              'guardian.relation',
              t('guardian.relation'),
              [
                ['parent', t('parent')],
                ['guardian', t('guardianRelation')],
              ],
              true,
            )}
            ${field(view, 'guardian.phone', { type: 'tel', required: true, maxlength: 20, hint: t('phoneHint') })}
            ${field(view, 'guardian.consent', { type: 'checkbox', label: t('guardian.consent') })}
          </fieldset>`
          : nothing
      }
      <fieldset part="section"><legend>${t('consents')}</legend>
        ${definition.consents.map((consent) =>
          field(view, consentField(consent.id), {
            type: 'checkbox',
            label: consent.required ? `${consent.text} *` : `${consent.text} ${t('optional')}`,
          }),
        )}
      </fieldset>
      <div class="trap" aria-hidden="true">
        <label for="website">${t('honeypot')}</label>
        <input id="website" name="website" tabindex="-1" autocomplete="off" .value=${values.website ?? ''} />
      </div>
      ${this.problem ? html`<p class="message" part="message" role="alert">${this.problem}</p>` : nothing}
      <button type="submit" part="submit" aria-disabled=${this.sending}>
        ${this.sending ? t('sending') : t('submit')}
      </button>
    </form>`;
  }

  override render() {
    const { t, language } = this.#i18n;
    return html`<div part="base" class="base" lang=${language}>
      ${
        this.reference
          ? registrationSlip(this.reference, this.barcode, this.#say, () => this.#startAgain())
          : html`<h2>${t('title')}</h2>
            ${this.#definition.render({
              pending: () => html`<p class="muted" role="status">${t('loading')}</p>`,
              complete: (definition) => (this.#form ? this.#renderForm(definition) : nothing),
            })}`
      }
    </div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pustaka-registered': CustomEvent<PustakaRegisteredDetail>;
  }
}
