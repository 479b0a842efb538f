import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { PustakaNetworkError, type Library } from '@pustaka/client';
import { LitElement } from 'lit';
import { defineElement, LoadController, PustakaElement, type LoadStatus } from '../src/index.js';

/** A load the test answers by hand: no timers, the test says when and how each one ends. */
interface HeldLoad {
  args: readonly [string];
  signal: AbortSignal;
  answer(value: string): void;
  fail(error: unknown): void;
}

class TestLoader extends LitElement {
  loads: HeldLoad[] = [];
  completed: string[] = [];

  readonly data = new LoadController(this, {
    load: (args: readonly [string], signal) =>
      new Promise<string>((resolve, reject) => {
        this.loads.push({ args, signal, answer: resolve, fail: reject });
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      }),
    onComplete: (value) => this.completed.push(value),
  });

  override render() {
    return html`<div lang="id">
      ${this.data.render({
        initial: () => html`<p id="initial">belum</p>`,
        pending: () => html`<p id="pending" role="status">memuat</p>`,
        complete: (value) => html`<p id="complete">${value}</p>`,
      })}
    </div>`;
  }
}
defineElement('pustaka-test-loader', TestLoader, '0.0.0');

/** The real client against the real test server, through a PustakaElement (its `client` is protected). */
class TestLibraryLoader extends PustakaElement {
  readonly libraries = new LoadController(this, {
    load: ([id]: readonly [string], signal) => this.client.libraries.get(id, { signal }),
  });

  override render() {
    return this.libraries.render({ complete: (library: Library) => html`<h2>${library.name}</h2>` });
  }
}
defineElement('pustaka-test-library-loader', TestLibraryLoader, '0.0.0');

declare global {
  interface HTMLElementTagNameMap {
    'pustaka-test-loader': TestLoader;
    'pustaka-test-library-loader': TestLibraryLoader;
  }
}

const shown = (el: Element) => el.shadowRoot!.querySelector('p, h2, [part="message"]');
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function statusIs(el: TestLoader, status: LoadStatus) {
  await waitUntil(() => el.data.status === status, `status stayed ${el.data.status}, not ${status}`);
  await el.updateComplete;
}

/** Makes the browser say it is offline (or online again) and tells the page, as a lost signal would. */
function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  dispatchEvent(new Event(online ? 'online' : 'offline'));
}

describe('LoadController', () => {
  afterEach(() => {
    // Back to the browser's own getter.
    delete (navigator as { onLine?: boolean }).onLine;
  });

  it('renders initial, pending and complete, and passes the answer on', async () => {
    const el = await fixture<TestLoader>(html`<pustaka-test-loader></pustaka-test-loader>`);
    expect(el.data.status).to.equal('initial');
    expect(shown(el)!.id).to.equal('initial');
    void el.data.run(['laskar']);
    await statusIs(el, 'pending');
    expect(shown(el)!.id).to.equal('pending');
    expect(el.loads[0]!.args).to.deep.equal(['laskar']);
    el.loads[0]!.answer('Laskar Pelangi');
    await statusIs(el, 'complete');
    expect(text(shown(el))).to.equal('Laskar Pelangi');
    expect(el.data.value).to.equal('Laskar Pelangi');
    expect(el.completed).to.deep.equal(['Laskar Pelangi']);
  });

  it('aborts a stale run, so its late answer never lands', async () => {
    const el = await fixture<TestLoader>(html`<pustaka-test-loader></pustaka-test-loader>`);
    void el.data.run(['ham']);
    void el.data.run(['hamka']);
    await waitUntil(() => el.loads.length === 2);
    const [stale, fresh] = el.loads;
    expect(stale!.signal.aborted, 'the first signal is aborted').to.equal(true);
    expect(fresh!.signal.aborted).to.equal(false);
    fresh!.answer('Tafsir Al-Azhar');
    stale!.answer('too late');
    await statusIs(el, 'complete');
    expect(text(shown(el))).to.equal('Tafsir Al-Azhar');
    expect(el.completed).to.deep.equal(['Tafsir Al-Azhar']);
  });

  it('waits a quiet time before loading, and a newer run replaces a waiting one without any load', async () => {
    const el = await fixture<TestLoader>(html`<pustaka-test-loader></pustaka-test-loader>`);
    void el.data.run(['l'], { quiet: 10_000 });
    expect(el.data.status).to.equal('pending');
    void el.data.run(['la']);
    await waitUntil(() => el.loads.length === 1);
    expect(el.loads.map((load) => load.args[0])).to.deep.equal(['la']);
  });

  it('shows the shared failure view, and its retry runs the same arguments again', async () => {
    const el = await fixture<TestLoader>(html`<pustaka-test-loader></pustaka-test-loader>`);
    void el.data.run(['laskar']);
    await waitUntil(() => el.loads.length === 1);
    el.loads[0]!.fail(new Error('boom'));
    await statusIs(el, 'failed');
    expect(el.data.failure).to.equal('error');
    const message = shown(el)!;
    expect(message.getAttribute('role')).to.equal('alert');
    expect(text(message)).to.equal('Maaf, terjadi gangguan. Silakan coba lagi. Coba lagi');
    await expect(el).to.be.accessible();
    message.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => el.loads.length === 2);
    expect(el.loads[1]!.args).to.deep.equal(['laskar']);
    el.loads[1]!.answer('Laskar Pelangi');
    await statusIs(el, 'complete');
  });

  it('goes back to initial on reset, cancelling the run on its way', async () => {
    const el = await fixture<TestLoader>(html`<pustaka-test-loader></pustaka-test-loader>`);
    void el.data.run(['laskar']);
    await waitUntil(() => el.loads.length === 1);
    el.data.reset();
    await statusIs(el, 'initial');
    expect(el.loads[0]!.signal.aborted).to.equal(true);
    expect(shown(el)!.id).to.equal('initial');
  });

  it('aborts its run when the element leaves the page and runs it again when it comes back', async () => {
    const el = await fixture<TestLoader>(html`<pustaka-test-loader></pustaka-test-loader>`);
    void el.data.run(['laskar']);
    await waitUntil(() => el.loads.length === 1);
    const parent = el.parentElement!;
    el.remove();
    expect(el.loads[0]!.signal.aborted).to.equal(true);
    expect(el.data.status, 'still waiting for an answer').to.equal('pending');
    parent.append(el);
    await waitUntil(() => el.loads.length === 2, 'the load did not start again');
    el.loads[1]!.answer('Laskar Pelangi');
    await statusIs(el, 'complete');
  });

  it('says offline when the browser is offline, and loads again by itself when the connection returns', async () => {
    const el = await fixture<TestLoader>(html`<pustaka-test-loader></pustaka-test-loader>`);
    setOnline(false);
    await waitUntil(() => !el.data.online);
    void el.data.run(['laskar']);
    await waitUntil(() => el.loads.length === 1);
    el.loads[0]!.fail(new PustakaNetworkError(new TypeError('Failed to fetch')));
    await statusIs(el, 'failed');
    expect(el.data.failure).to.equal('offline');
    expect(text(shown(el))).to.equal('Tidak ada sambungan internet. Periksa sambungan, lalu coba lagi. Coba lagi');
    setOnline(true);
    await waitUntil(() => el.loads.length === 2, 'no new load when the connection came back');
    el.loads[1]!.answer('Laskar Pelangi');
    await statusIs(el, 'complete');
  });

  it('stops listening for the connection once the element has left the page', async () => {
    const el = await fixture<TestLoader>(html`<pustaka-test-loader></pustaka-test-loader>`);
    setOnline(false);
    void el.data.run(['laskar']);
    await waitUntil(() => el.loads.length === 1);
    el.loads[0]!.fail(new PustakaNetworkError(new TypeError('Failed to fetch')));
    await statusIs(el, 'failed');
    el.remove();
    setOnline(true);
    await nextFrame();
    expect(el.loads, 'a removed element loaded again').to.have.length(1);
  });

  it('tells a server that cannot be reached from being offline', async () => {
    const el = await fixture<TestLoader>(html`<pustaka-test-loader lang="en"></pustaka-test-loader>`);
    void el.data.run(['laskar']);
    await waitUntil(() => el.loads.length === 1);
    el.loads[0]!.fail(new PustakaNetworkError(new TypeError('Failed to fetch')));
    await statusIs(el, 'failed');
    expect(el.data.online).to.equal(true);
    expect(el.data.failure).to.equal('unreachable');
  });

  it('passes its signal to the real client and renders the real answer', async () => {
    const el = await fixture<TestLibraryLoader>(
      html`<pustaka-test-library-loader api=${location.origin}></pustaka-test-library-loader>`,
    );
    void el.libraries.run(['dispusip-bontang']);
    await waitUntil(() => el.libraries.status === 'complete', 'the library did not load');
    await el.updateComplete;
    expect(text(shown(el))).to.equal('Perpustakaan Umum Kota Bontang');
    void el.libraries.run(['tidak-ada']);
    await waitUntil(() => el.libraries.status === 'failed');
    expect(el.libraries.failure).to.equal('error');
  });

  it('turns a bad api attribute into the setup failure, without a retry', async () => {
    const el = await fixture<TestLibraryLoader>(
      html`<pustaka-test-library-loader api="ftp://x"></pustaka-test-library-loader>`,
    );
    void el.libraries.run(['dispusip-bontang']);
    await waitUntil(() => el.libraries.status === 'failed');
    await el.updateComplete;
    expect(el.libraries.failure).to.equal('setup');
    expect(text(shown(el))).to.equal('Widget ini belum diatur dengan benar: alamat API-nya tidak valid.');
    expect(el.shadowRoot!.querySelector('[part="retry"]')).to.equal(null);
  });
});
