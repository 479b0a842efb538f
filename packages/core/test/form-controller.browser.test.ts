import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { PustakaApiError, PustakaNetworkError } from '@pustaka/client';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import {
  baseStyles,
  controlStyles,
  defineElement,
  FormController,
  LanguageController,
  maxLength,
  minLength,
  pattern,
  required,
  validator,
} from '../src/index.js';

const mobile = validator('mobile', (value) => /^08\d{8,11}$/.test(value), {
  id: '{fieldName} harus nomor ponsel, mis. 081234567890.',
  en: '{fieldName} must be a mobile number, e.g. 081234567890.',
});

/** A small membership form on the kit, form-associated so that a page's own form can carry it. */
class TestMemberForm extends LitElement {
  static formAssociated = true;
  static override styles = [baseStyles, controlStyles];
  readonly internals = this.attachInternals();
  readonly i18n = new LanguageController(this);
  submitted: Record<string, string>[] = [];
  /** What the "server" answers the next submission with: nothing, or an error to throw. */
  answer: unknown;
  /** The submission under way, for the test to wait on. */
  submission: Promise<void> = Promise.resolve();

  readonly form = new FormController(
    this,
    {
      name: { label: { id: 'Nama lengkap', en: 'Full name' }, validators: [required(), minLength(3), maxLength(40)] },
      email: {
        label: { id: 'Surel', en: 'Email' },
        validators: [required(), pattern(/[^@\s]+@[^@\s]+\.[a-z]{2,}/i)],
      },
      phone: { label: { id: 'Nomor ponsel', en: 'Mobile number' }, validators: [mobile] },
    },
    {
      internals: this.internals,
      serverMessages: {
        member_exists: { id: 'Anggota ini sudah terdaftar.', en: 'This member is already registered.' },
      },
    },
  );

  formResetCallback() {
    this.renderRoot.querySelector('form')!.reset();
    this.form.reset();
  }

  #onSubmit(event: SubmitEvent) {
    event.preventDefault();
    this.submission = this.#submit();
  }

  async #submit() {
    if (!(await this.form.check())) return;
    try {
      if (this.answer) throw this.answer;
      this.submitted.push(this.form.values());
    } catch (error) {
      if (!(await this.form.showProblem(error))) throw error;
    }
  }

  #field(name: 'name' | 'email' | 'phone', type: string, autocomplete: string, label: string) {
    return html`<p>
      <label for=${name}>${label}</label>
      <input id=${name} name=${name} type=${type} autocomplete=${autocomplete}
        aria-invalid=${this.form.invalid(name)} aria-describedby=${this.form.describedBy(name)} />
      ${this.form.feedback(name)}
    </p>`;
  }

  override render() {
    const en = this.i18n.language === 'en';
    return html`<form novalidate lang=${this.i18n.language} @submit=${this.#onSubmit} @input=${(event: Event) => this.form.onFieldChange(event)}>
      ${this.form.summary()}
      ${this.#field('name', 'text', 'name', en ? 'Full name' : 'Nama lengkap')}
      ${this.#field('email', 'email', 'email', en ? 'Email' : 'Surel')}
      ${this.#field('phone', 'tel', 'tel', en ? 'Mobile number' : 'Nomor ponsel')}
      <button type="submit">${en ? 'Register' : 'Daftar'}</button>
    </form>`;
  }
}
defineElement('pustaka-test-member-form', TestMemberForm, '0.0.0');

declare global {
  interface HTMLElementTagNameMap {
    'pustaka-test-member-form': TestMemberForm;
  }
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const field = (el: TestMemberForm, name: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
const feedback = (el: TestMemberForm, name: string) => text(el.shadowRoot!.getElementById(`${name}-feedback`));
const summary = (el: TestMemberForm) => el.shadowRoot!.querySelector('[part="error-summary"]');
const focusedName = (el: TestMemberForm) => (el.shadowRoot!.activeElement as HTMLInputElement | null)?.name;

async function fill(el: TestMemberForm, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const input = field(el, name);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

async function submit(el: TestMemberForm) {
  el.shadowRoot!.querySelector<HTMLButtonElement>('[type="submit"]')!.click();
  await el.submission;
}

describe('FormController', () => {
  it('says nothing before the first submit, then every broken rule, with a summary and focus on the first', async () => {
    const el = await fixture<TestMemberForm>(html`<pustaka-test-member-form></pustaka-test-member-form>`);
    await fill(el, { name: 'Al', phone: '12345' });
    expect(feedback(el, 'name'), 'no red before a submit').to.equal('');
    expect(summary(el)).to.equal(null);
    await submit(el);
    expect(feedback(el, 'name')).to.equal('Nama lengkap paling sedikit 3 karakter.');
    expect(feedback(el, 'email')).to.equal('Surel wajib diisi.');
    expect(feedback(el, 'phone')).to.equal('Nomor ponsel harus nomor ponsel, mis. 081234567890.');
    expect(field(el, 'name').getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 'name').getAttribute('aria-describedby')).to.equal('name-feedback');
    expect(summary(el)!.getAttribute('role')).to.equal('alert');
    expect(text(summary(el)!.querySelector('p'))).to.equal('Ada 3 isian yang perlu diperbaiki:');
    expect(focusedName(el)).to.equal('name');
    expect(el.submitted).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('checks pattern and max length, clears an error as the field is corrected, and sends a valid form', async () => {
    const el = await fixture<TestMemberForm>(html`<pustaka-test-member-form></pustaka-test-member-form>`);
    await fill(el, { name: 'x'.repeat(41), email: 'sari@perpus', phone: '' });
    await submit(el);
    expect(feedback(el, 'name')).to.equal('Nama lengkap paling banyak 40 karakter.');
    expect(feedback(el, 'email')).to.equal('Format Surel tidak sesuai.');
    expect(feedback(el, 'phone'), 'an optional field may stay empty').to.equal('');
    await fill(el, { name: 'Sari Wulandari' });
    expect(feedback(el, 'name'), 'corrected as typed, once submitted').to.equal('');
    expect(field(el, 'name').getAttribute('aria-invalid')).to.equal('false');
    field(el, 'email').select();
    await sendKeys({ type: 'sari@perpus.id' });
    await submit(el);
    expect(summary(el)).to.equal(null);
    expect(el.submitted).to.deep.equal([{ name: 'Sari Wulandari', email: 'sari@perpus.id', phone: '' }]);
  });

  it('maps the problem of a refused submission to its fields, in the visitor’s language', async () => {
    const el = await fixture<TestMemberForm>(html`<pustaka-test-member-form lang="en"></pustaka-test-member-form>`);
    await fill(el, { name: 'Sari Wulandari', email: 'sari@perpus.id', phone: '081234567890' });
    el.answer = new PustakaApiError(new Response(null, { status: 400 }), {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'validation_failed',
      detail: 'The request is not valid.',
      errors: [
        { field: 'body.email', code: 'format', message: 'must match format "email"' },
        { field: 'phone', code: 'minLength', message: 'must NOT have fewer than 10 characters' },
        { field: 'member_number', code: 'member_exists', message: 'already registered' },
      ],
    });
    await submit(el);
    expect(feedback(el, 'email')).to.equal('Email is not in the expected format.');
    expect(feedback(el, 'phone'), 'no local rule with the parameters: the generic sentence').to.equal(
      'Mobile number is not valid.',
    );
    const items = [...summary(el)!.querySelectorAll('li')].map((item) => text(item));
    expect(items).to.deep.equal([
      'Email is not in the expected format.',
      'Mobile number is not valid.',
      'This member is already registered.',
    ]);
    expect(text(summary(el)!.querySelector('p'))).to.equal('3 fields need correcting:');
    expect(focusedName(el)).to.equal('email');
    await expect(el).to.be.accessible();

    el.lang = 'id';
    await waitUntil(
      () => feedback(el, 'email') === 'Format Surel tidak sesuai.',
      'errors not said in the new language',
    );
    expect(text(summary(el)!.querySelector('p'))).to.equal('Ada 3 isian yang perlu diperbaiki:');
  });

  it('leaves a failure without field errors to the caller', async () => {
    const el = await fixture<TestMemberForm>(html`<pustaka-test-member-form></pustaka-test-member-form>`);
    expect(await el.form.showProblem(new PustakaNetworkError(new TypeError('Failed to fetch')))).to.equal(false);
    expect(summary(el)).to.equal(null);
  });

  it('moves focus to a field from its entry in the summary', async () => {
    const el = await fixture<TestMemberForm>(html`<pustaka-test-member-form></pustaka-test-member-form>`);
    await submit(el);
    const link = [...summary(el)!.querySelectorAll('a')].find((entry) => text(entry) === 'Surel wajib diisi.')!;
    link.click();
    expect(focusedName(el)).to.equal('email');
  });

  it('takes part in the page’s own form: its values, its validity and its reset', async () => {
    const page = await fixture<HTMLFormElement>(
      html`<form><input name="library" value="sman-1-bontang" /><pustaka-test-member-form></pustaka-test-member-form></form>`,
    );
    const el = page.querySelector('pustaka-test-member-form')!;
    await el.updateComplete;
    expect(page.checkValidity(), 'required fields are empty').to.equal(false);
    await fill(el, { name: 'Sari Wulandari', email: 'sari@perpus.id' });
    expect(page.checkValidity()).to.equal(true);
    expect(Object.fromEntries(new FormData(page))).to.deep.equal({
      library: 'sman-1-bontang',
      name: 'Sari Wulandari',
      email: 'sari@perpus.id',
      phone: '',
    });
    page.reset();
    expect(field(el, 'name').value).to.equal('');
    expect(page.checkValidity()).to.equal(false);
  });
});
