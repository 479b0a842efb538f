import type { FormController } from '@pustaka/core';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** What the field templates need from the element. */
export interface FieldView {
  /** The label of a field by its name, and the form's other sentences. */
  t: (key: string, params?: Record<string, unknown>) => string;
  /** What the visitor typed, by field name (the draft). */
  values: Record<string, string>;
  form: FormController<string>;
  asks(name: string): boolean;
}

export interface FieldOptions {
  type?: 'text' | 'tel' | 'email' | 'date' | 'checkbox';
  label?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: 'numeric' | 'tel' | 'email';
  maxlength?: number;
  max?: string;
  /** The id of a `<datalist>` of suggestions. */
  list?: string;
  /** A sentence under the label (`0812-3456-7890`), read with the field. */
  hint?: string;
  /** The id of another element that describes the field (the NIK's reading). */
  describedBy?: string;
  /** Shown after the field, before its error. */
  after?: TemplateResult;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ');

/**
 * One native field with its label, hint and error region (linked by `aria-describedby`). Native inputs, so that
 * autofill (`autocomplete` tokens), on-screen keyboards (`inputmode`) and the browser's date picker work.
 * `aria-required` rather than `required`: the browser's own bubbles would speak English on an Indonesian page.
 */
export function field(view: FieldView, name: string, options: FieldOptions = {}): TemplateResult {
  const { form, values } = view;
  const type = options.type ?? 'text';
  const label = options.label ?? view.t(name);
  const hintId = options.hint ? `${name}-hint` : undefined;
  const ids = describedBy(form.describedBy(name), hintId, options.describedBy);
  if (type === 'checkbox') {
    const granted = values[name] === 'granted';
    return html`<div class="field check" part="field">
      <input id=${name} name=${name} type="checkbox" .checked=${granted} .value=${granted ? 'granted' : ''}
        aria-invalid=${form.invalid(name)} aria-describedby=${ids} />
      <label for=${name}>${label}</label>
      ${form.feedback(name)}
    </div>`;
  }
  return html`<div class="field" part="field">
    <label for=${name}>${label}${options.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
    ${options.hint ? html`<p class="muted" id=${hintId!}>${options.hint}</p>` : nothing}
    <input id=${name} name=${name} type=${type} .value=${values[name] ?? ''} aria-required=${options.required ? 'true' : 'false'}
      aria-invalid=${form.invalid(name)} aria-describedby=${ids} autocomplete=${ifDefined(options.autocomplete)}
      inputmode=${ifDefined(options.inputmode)} maxlength=${ifDefined(options.maxlength)} max=${ifDefined(options.max)}
      list=${ifDefined(options.list)} />
    ${options.after ?? nothing}
    ${form.feedback(name)}
  </div>`;
}

/** A choice from a short list, as a native `<select>` (one tab stop, the platform's own picker on phones). */
export function choice(
  view: FieldView,
  name: string,
  label: string,
  options: [value: string, label: string][],
  required: boolean,
  autocomplete?: string,
): TemplateResult {
  const { form } = view;
  const value = view.values[name] ?? '';
  return html`<div class="field" part="field">
    <label for=${name}>${label}${required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
    <select id=${name} name=${name} aria-required=${required ? 'true' : 'false'} aria-invalid=${form.invalid(name)}
      aria-describedby=${form.describedBy(name)} autocomplete=${ifDefined(autocomplete)}>
      <option value="" ?selected=${!value}>${view.t('choose')}</option>
      ${options.map(([option, text]) => html`<option value=${option} ?selected=${option === value}>${text}</option>`)}
    </select>
    ${form.feedback(name)}
  </div>`;
}
