import { expect, fixture, html } from '@open-wc/testing';
import { createPustakaClient, PustakaApiError, PustakaNetworkError, PustakaTimeoutError } from '@pustaka/client';
import {
  baseStyles,
  controlStyles,
  defineElement,
  failureMessages,
  failureOf,
  libraryDirectory,
  PustakaElement,
  PustakaSetupError,
} from '../src/index.js';

class TestControls extends PustakaElement {
  static override styles = [baseStyles, controlStyles];

  override render() {
    return html`<button type="button">Coba lagi</button><button type="submit">Cari</button>
      <input aria-label="Kata" /><input type="checkbox" aria-label="Tersedia" /><p class="muted">catatan</p>`;
  }
}
defineElement('pustaka-test-controls', TestControls, '0.0.0');

declare global {
  interface HTMLElementTagNameMap {
    'pustaka-test-controls': TestControls;
  }
}

describe('failureOf and failureMessages', () => {
  it('tells offline, slow and other failures apart', () => {
    expect(failureOf(new PustakaNetworkError(new TypeError('Failed to fetch')))).to.equal('unreachable');
    expect(failureOf(new PustakaTimeoutError())).to.equal('slow');
    expect(failureOf(new PustakaApiError(new Response(null, { status: 502 })))).to.equal('error');
    expect(failureOf(new Error('bug'))).to.equal('error');
    expect(failureOf(undefined)).to.equal('error');
    expect(failureOf(new PustakaSetupError('ftp://x is not an http(s) URL'))).to.equal('setup');
  });

  it('says each failure in both languages', () => {
    expect(Object.keys(failureMessages.en)).to.deep.equal(Object.keys(failureMessages.id));
    expect(failureMessages.id.retry).to.equal('Coba lagi');
  });
});

describe('controlStyles', () => {
  it('gives buttons and boxes a thumb-sized height and fills the submit button', async () => {
    const el = await fixture<TestControls>(html`<pustaka-test-controls></pustaka-test-controls>`);
    const [button, submit] = [...el.shadowRoot!.querySelectorAll('button')];
    expect(button!.getBoundingClientRect().height).to.be.at.least(44);
    expect(el.shadowRoot!.querySelector('input')!.getBoundingClientRect().height).to.be.at.least(44);
    expect(el.shadowRoot!.querySelector('[type="checkbox"]')!.getBoundingClientRect().height).to.equal(20);
    expect(getComputedStyle(submit!).backgroundColor).to.equal('rgb(11, 92, 173)');
    await expect(el).to.be.accessible();
  });
});

describe('libraryDirectory', () => {
  it('knows every library of the real network by id, asking once per API', async () => {
    const client = createPustakaClient({ baseUrl: location.origin });
    const first = libraryDirectory(client, location.origin);
    expect(libraryDirectory(client, location.origin)).to.equal(first);
    const libraries = await first;
    const { total } = (await (await fetch('/v1/libraries?per_page=1')).json()) as { total: number };
    expect(libraries.size).to.equal(total);
    expect(libraries.get('dispusip-bontang')?.name).to.equal('Perpustakaan Umum Kota Bontang');
  });

  it('forgets a failure, so that the next call asks again', async () => {
    const unreachable = 'http://127.0.0.1:9';
    const client = createPustakaClient({ baseUrl: unreachable, retry: 0 });
    const failed = libraryDirectory(client, unreachable);
    let error: unknown;
    await failed.catch((caught: unknown) => (error = caught));
    expect(error).to.be.instanceOf(PustakaNetworkError);
    expect(libraryDirectory(client, unreachable) === failed).to.equal(false);
  });
});
