import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { resolveLanguage } from './language.js';
import { createTranslator } from './messages.js';
import { formMessages, validatorMessage, type Validator, type ValidatorMessage } from './validators.js';

/** One field of a form: its label in both languages (`{fieldName}` in messages) and its rules, in order. */
export interface FieldSpec {
  label: { id: string; en: string };
  validators?: Validator[];
}

/** A broken rule of one field, kept as a rule (not a sentence) so that it is said again in a new language. */
type FieldError = Pick<Validator, 'code' | 'params' | 'message'>;

export interface FormOptions {
  /**
   * The host's `ElementInternals` (`static formAssociated = true` + `this.attachInternals()`): the fields' values
   * then go into the page's own `<form>` around the widget, and its validity blocks that form's submission.
   */
  internals?: ElementInternals;
  /** Sentences for codes only the server knows (`member_exists`), by code. */
  serverMessages?: Record<string, ValidatorMessage>;
}

/** Server codes (JSON Schema keywords) that mean what one of our validators means. */
const sameRule: Record<string, string> = { format: 'pattern' };
const sentenceWithoutParams = new Set(['required', 'pattern']);

/**
 * @summary Validation of a form of native inputs: validators as objects, messages in the element's language,
 * a feedback region per field linked by `aria-describedby`, an error summary for screen readers, focus on the
 * first invalid field, a problem's `errors[]` mapped to its fields, and form association.
 *
 * The fields stay native `<input name=... autocomplete=...>` inside a native `<form>`, so that the browser's
 * autofill, password managers and on-screen keyboards work as on any page. Render each input with
 * `aria-invalid=${form.invalid(name)}` and `aria-describedby=${form.describedBy(name)}`, `form.feedback(name)`
 * after it, `form.summary()` above the fields, and call `form.check()` on submit.
 *
 * @example
 * readonly #form = new FormController(this, {
 *   name: { label: { id: 'Nama lengkap', en: 'Full name' }, validators: [required(), maxLength(80)] },
 * });
 * async #onSubmit(event: SubmitEvent) {
 *   event.preventDefault();
 *   if (!(await this.#form.check())) return;
 *   try { await this.client.members.register(this.#form.values()); }
 *   catch (error) { if (!(await this.#form.showProblem(error))) throw error; }
 * }
 */
export class FormController<const Name extends string> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #fields: Record<Name, FieldSpec>;
  readonly #options: FormOptions;
  #errors = new Map<Name, FieldError>();
  /** Problem entries that name no field of this form: said in the summary. */
  #formErrors: string[] = [];
  /** Fields are checked as they change only once the visitor has tried to submit: no red before the first try. */
  #submitted = false;
  #synced = false;

  constructor(host: ReactiveControllerHost & HTMLElement, fields: Record<Name, FieldSpec>, options: FormOptions = {}) {
    this.#host = host;
    this.#fields = fields;
    this.#options = options;
    host.addController(this);
  }

  /** The id of a field's feedback region, for `aria-describedby`. */
  describedBy(name: Name): string {
    return `${name}-feedback`;
  }

  /** For `aria-invalid`. */
  invalid(name: Name): 'true' | 'false' {
    return this.#errors.has(name) ? 'true' : 'false';
  }

  /** The sentence of a field's error in the element's language, if it has one. */
  errorOf(name: Name): string | undefined {
    const error = this.#errors.get(name);
    return error && validatorMessage(error, this.#label(name), this.#language);
  }

  /** The current value of every field, trimmed, by name. */
  values(): Record<Name, string> {
    const values = {} as Record<Name, string>;
    for (const name of this.#names) values[name] = this.#input(name)?.value.trim() ?? '';
    return values;
  }

  /**
   * Checks every field. When one is invalid, the summary is shown and focus moves to the first invalid field.
   *
   * @returns whether the form may be sent.
   */
  async check(): Promise<boolean> {
    this.#submitted = true;
    this.#formErrors = [];
    for (const name of this.#names) this.#checkField(name);
    return this.#settle();
  }

  /** Re-checks one field after the first submit (call it from the form's `input` or `change` event). */
  onFieldChange(event: Event): void {
    const name = (event.target as HTMLInputElement | null)?.name as Name | undefined;
    if (!name || !(name in this.#fields)) return;
    if (this.#submitted) {
      this.#checkField(name);
      this.#host.requestUpdate();
    }
    this.#sync();
  }

  /**
   * Shows a server's answer to a submission on the fields it names: the `errors[]` of the RFC 9457 problem that
   * the client's `PustakaApiError` carries (`{ field, code, message }`). A code that one of the field's own
   * validators has gets that validator's sentence; an unknown one gets the form's generic sentence, never the
   * server's English log text. Entries naming no field of this form go to the summary. Focus moves to the first
   * invalid field.
   *
   * @returns false when `error` carries no field errors (say a network failure): show it another way.
   */
  async showProblem(error: unknown): Promise<boolean> {
    const entries = (error as { errors?: { field: string; code: string }[] } | null)?.errors;
    if (!Array.isArray(entries) || entries.length === 0) return false;
    this.#submitted = true;
    this.#errors.clear();
    this.#formErrors = [];
    for (const { field, code } of entries) {
      const name = field.replace(/^body\./, '') as Name;
      if (!(name in this.#fields)) {
        const own = this.#options.serverMessages?.[code];
        this.#formErrors.push(own ? own[this.#language] : validatorMessage({ code: 'invalid' }, field, this.#language));
        continue;
      }
      if (this.#errors.has(name)) continue;
      const rule = sameRule[code] ?? code;
      const local = this.#fields[name].validators?.find((validator) => validator.code === rule);
      const message = this.#options.serverMessages?.[code];
      // Without the local validator, a sentence that needs its parameters (`{min}`) cannot be said.
      this.#errors.set(name, local ?? { code: message || sentenceWithoutParams.has(rule) ? rule : 'invalid', message });
    }
    await this.#settle();
    return true;
  }

  /** Clears every error and the summary, as the form's own reset does. */
  reset(): void {
    this.#submitted = false;
    this.#errors.clear();
    this.#formErrors = [];
    this.#sync();
    this.#host.requestUpdate();
  }

  /** The feedback region of a field: always there (empty when valid), so `aria-describedby` never dangles. */
  feedback(name: Name): TemplateResult {
    return html`<p class="feedback" part="feedback" id=${this.describedBy(name)}>${this.errorOf(name) ?? ''}</p>`;
  }

  /**
   * The error summary, above the fields: how many need correcting and what is wrong with each, each entry a
   * link that moves focus to its field. `role="alert"`: screen readers read it as it appears after a submit.
   */
  summary(): TemplateResult | typeof nothing {
    const errors = [...this.#errors.keys()];
    const count = errors.length + this.#formErrors.length;
    if (!count) return nothing;
    const t = createTranslator(formMessages, () => this.#language);
    return html`<div class="error-summary" part="error-summary" role="alert">
      <p>${t('summary', { count })}</p>
      <ul>
        ${errors.map(
          (name) =>
            html`<li><a href=${`#${this.#input(name)?.id ?? name}`} @click=${(event: Event) => this.#focus(event, name)}>
              ${this.errorOf(name)}
            </a></li>`,
        )}
        ${this.#formErrors.map((message) => html`<li>${message}</li>`)}
      </ul>
    </div>`;
  }

  hostUpdated(): void {
    // Inputs exist only once rendered: the outer form gets their first values then.
    if (this.#options.internals && !this.#synced) this.#sync();
  }

  get #names(): Name[] {
    return Object.keys(this.#fields) as Name[];
  }

  get #language() {
    return resolveLanguage(this.#host);
  }

  #label(name: Name): string {
    return this.#fields[name].label[this.#language];
  }

  #input(name: Name): HTMLInputElement | null {
    return this.#host.shadowRoot?.querySelector<HTMLInputElement>(`[name="${name}"]`) ?? null;
  }

  #checkField(name: Name): void {
    const value = this.#input(name)?.value ?? '';
    const broken = this.#fields[name].validators?.find((validator) => validator.isInvalid(value));
    if (broken) this.#errors.set(name, broken);
    else this.#errors.delete(name);
  }

  /** Renders the errors, tells the outer form, and moves focus to the first invalid field. */
  async #settle(): Promise<boolean> {
    this.#sync();
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const first = this.#names.find((name) => this.#errors.has(name));
    if (first) this.#input(first)?.focus();
    return !first && this.#formErrors.length === 0;
  }

  #focus(event: Event, name: Name): void {
    // Fragment links do not reach into a shadow root: move focus ourselves.
    event.preventDefault();
    this.#input(name)?.focus();
  }

  /** The values and validity of the fields, for the page's own form around the widget. */
  #sync(): void {
    const { internals } = this.#options;
    if (!internals) return;
    this.#synced = true;
    const data = new FormData();
    for (const [name, value] of Object.entries(this.values())) data.append(name, value as string);
    internals.setFormValue(data);
    const first = this.#names.find((name) => this.#errors.has(name) || this.#breaksRule(name));
    if (first)
      internals.setValidity(
        { customError: true },
        this.errorOf(first) ?? this.#pendingError(first),
        this.#input(first) ?? undefined,
      );
    else internals.setValidity({});
  }

  #breaksRule(name: Name): boolean {
    const value = this.#input(name)?.value ?? '';
    return this.#fields[name].validators?.some((validator) => validator.isInvalid(value)) ?? false;
  }

  /** The sentence of a rule a field breaks but has not been told about yet (before the first submit). */
  #pendingError(name: Name): string {
    const value = this.#input(name)?.value ?? '';
    const broken = this.#fields[name].validators!.find((validator) => validator.isInvalid(value))!;
    return validatorMessage(broken, this.#label(name), this.#language);
  }
}
