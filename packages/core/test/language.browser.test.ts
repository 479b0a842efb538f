import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { defineMessages, formatMessage, LanguageController, normaliseLanguage, resolveLanguage } from '../src/index.js';

const messages = defineMessages({
  id: {
    title: 'Cari koleksi',
    found: ({ count }: { count: number }, f) => `Ditemukan ${f.number(count)} judul`,
    due: 'Kembali {date}',
    greeting: 'Halo, {name}!',
  },
  en: {
    title: 'Search the collection',
    found: ({ count }, f) => `${f.number(count)} ${count === 1 ? 'title' : 'titles'} found`,
    due: 'Due {date}',
    greeting: 'Hello, {name}!',
  },
});

@customElement('pustaka-test-language')
class TestLanguage extends LitElement {
  readonly i18n = new LanguageController(this, messages);
  renders = 0;

  override render() {
    this.renders++;
    return html`<p lang=${this.i18n.language}>${this.i18n.t('title')}</p>`;
  }
}

/** Puts the element under test inside a shadow root whose host sits in a `lang` subtree. */
@customElement('pustaka-test-language-outer')
class TestLanguageOuter extends LitElement {
  override render() {
    return html`<pustaka-test-language></pustaka-test-language>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pustaka-test-language': TestLanguage;
    'pustaka-test-language-outer': TestLanguageOuter;
  }
}

const text = (el: TestLanguage) => el.shadowRoot!.querySelector('p')!.textContent;

/** Mutation observers report in a microtask; the render follows in another. */
async function settle(el: LitElement) {
  await nextFrame();
  await el.updateComplete;
}

describe('LanguageController', () => {
  const pageLanguage = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (pageLanguage === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', pageLanguage);
  });

  it('normalises any tag to id or en, Indonesian first', () => {
    expect(normaliseLanguage('en')).to.equal('en');
    expect(normaliseLanguage('EN-gb')).to.equal('en');
    expect(normaliseLanguage(' en-US ')).to.equal('en');
    expect(normaliseLanguage('id-ID')).to.equal('id');
    expect(normaliseLanguage('jv')).to.equal('id');
    expect(normaliseLanguage('eng')).to.equal('id');
    expect(normaliseLanguage('')).to.equal('id');
    expect(normaliseLanguage(undefined)).to.equal('id');
  });

  it("reads the element's own lang first", async () => {
    document.documentElement.lang = 'id';
    const el = await fixture<TestLanguage>(
      html`<div lang="id"><pustaka-test-language lang="en"></pustaka-test-language></div>`,
    ).then((wrapper) => wrapper.querySelector('pustaka-test-language')!);
    await el.updateComplete;
    expect(el.i18n.language).to.equal('en');
    expect(text(el)).to.equal('Search the collection');
  });

  it("reads the closest ancestor's lang, skipping empty ones", async () => {
    document.documentElement.lang = 'id';
    const wrapper = await fixture(
      html`<section lang="en-GB"><div lang=""><pustaka-test-language></pustaka-test-language></div></section>`,
    );
    const el = wrapper.querySelector('pustaka-test-language')!;
    await el.updateComplete;
    expect(el.i18n.language).to.equal('en');
  });

  it('finds the lang of an ancestor outside the shadow root it lives in', async () => {
    const wrapper = await fixture(
      html`<div lang="en"><pustaka-test-language-outer></pustaka-test-language-outer></div>`,
    );
    const outer = wrapper.querySelector('pustaka-test-language-outer')!;
    await outer.updateComplete;
    const el = outer.shadowRoot!.querySelector('pustaka-test-language')!;
    expect(resolveLanguage(el)).to.equal('en');
  });

  it('falls back to the document, and to Indonesian without any lang', async () => {
    document.documentElement.lang = 'en';
    const el = await fixture<TestLanguage>(html`<pustaka-test-language></pustaka-test-language>`);
    expect(el.i18n.language).to.equal('en');
    document.documentElement.removeAttribute('lang');
    const other = await fixture<TestLanguage>(html`<pustaka-test-language></pustaka-test-language>`);
    expect(other.i18n.language).to.equal('id');
    expect(text(other)).to.equal('Cari koleksi');
  });

  it('re-renders when <html lang> changes', async () => {
    document.documentElement.lang = 'id';
    const el = await fixture<TestLanguage>(html`<pustaka-test-language></pustaka-test-language>`);
    expect(text(el)).to.equal('Cari koleksi');
    document.documentElement.lang = 'en';
    await settle(el);
    expect(text(el)).to.equal('Search the collection');
    expect(el.shadowRoot!.querySelector('p')!.lang).to.equal('en');
  });

  it('re-renders when its own or an ancestor lang changes, and only when the language does', async () => {
    document.documentElement.lang = 'id';
    const wrapper = await fixture(html`<div><pustaka-test-language></pustaka-test-language></div>`);
    const el = wrapper.querySelector('pustaka-test-language')!;
    await el.updateComplete;
    const before = el.renders;
    wrapper.setAttribute('lang', 'en');
    await settle(el);
    expect(text(el)).to.equal('Search the collection');
    el.lang = 'id';
    await settle(el);
    expect(text(el)).to.equal('Cari koleksi');
    expect(el.renders).to.equal(before + 2);
    el.lang = 'jv';
    await settle(el);
    expect(el.renders).to.equal(before + 2);
  });

  it('stops watching when the element leaves the page', async () => {
    document.documentElement.lang = 'id';
    const el = await fixture<TestLanguage>(html`<pustaka-test-language></pustaka-test-language>`);
    const before = el.renders;
    el.remove();
    document.documentElement.lang = 'en';
    await nextFrame();
    await nextFrame();
    expect(el.renders).to.equal(before);
  });

  it('fills placeholders and formats numbers and dates in the current language', async () => {
    document.documentElement.lang = 'id';
    const el = await fixture<TestLanguage>(html`<pustaka-test-language></pustaka-test-language>`);
    const date = new Date(2025, 7, 17);
    expect(el.i18n.t('found', { count: 1234 })).to.equal('Ditemukan 1.234 judul');
    expect(el.i18n.t('due', { date })).to.equal('Kembali 17 Agustus 2025');
    expect(el.i18n.t('greeting', { name: 'Sari' })).to.equal('Halo, Sari!');
    expect(el.i18n.formatNumber(0.5, { style: 'percent' })).to.equal('50%');
    el.lang = 'en';
    await settle(el);
    expect(el.i18n.locale).to.equal('en-GB');
    expect(el.i18n.t('found', { count: 1234 })).to.equal('1,234 titles found');
    expect(el.i18n.t('found', { count: 1 })).to.equal('1 title found');
    expect(el.i18n.t('due', { date })).to.equal('Due 17 August 2025');
  });

  it('leaves a placeholder without a value visible and falls back to Indonesian per key', () => {
    expect(formatMessage('Halo, {name}!', {}, 'id')).to.equal('Halo, {name}!');
    const partial = { id: { only: 'Hanya Indonesia' }, en: {} } as never;
    const host = document.createElement('pustaka-test-language');
    host.lang = 'en';
    const controller = new LanguageController<{ only: 'Hanya Indonesia' }>(host, partial);
    expect(controller.t('only')).to.equal('Hanya Indonesia');
  });

  it('is accessible in both languages', async () => {
    const el = await fixture<TestLanguage>(html`<pustaka-test-language lang="en"></pustaka-test-language>`);
    await expect(el).to.be.accessible();
  });
});
