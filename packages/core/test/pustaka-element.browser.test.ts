import { expect, fixture, html } from '@open-wc/testing';
import type { PustakaClientOptions } from '@pustaka/client';
import { LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { defineElement, PustakaElement, resolveApiBase, VERSION } from '../src/index.js';

const requests: Request[] = [];

/** The element under test; its client answers from a stub instead of the network. */
class TestPustakaElement extends PustakaElement {
  static override version = '9.9.9';

  override render() {
    return html`<button type="button">Cari</button>`;
  }

  shout(detail: { word: string }) {
    return this.emit('pustaka-test-shout', detail);
  }

  get testClient() {
    return this.client;
  }

  override clientOptions(): PustakaClientOptions {
    return {
      ...super.clientOptions(),
      retry: 0,
      fetch: async (request: Request) => {
        requests.push(request);
        return Response.json({ status: 'ok', version: '0.1.0' });
      },
    };
  }
}
defineElement('pustaka-test-element', TestPustakaElement, TestPustakaElement.version);

/** Puts the element under test inside its own shadow root, as a page's own component would. */
@customElement('pustaka-test-outer')
class TestOuter extends LitElement {
  override render() {
    return html`<pustaka-test-element></pustaka-test-element>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pustaka-test-element': TestPustakaElement;
    'pustaka-test-outer': TestOuter;
  }
  interface GlobalEventHandlersEventMap {
    'pustaka-test-shout': CustomEvent<{ word: string }>;
  }
}

describe('PustakaElement', () => {
  it('carries its version and core the version of its package.json', async () => {
    expect(TestPustakaElement.version).to.equal('9.9.9');
    expect(PustakaElement.version).to.equal(VERSION);
    const manifest = (await (await fetch('/packages/core/package.json')).json()) as { version: string };
    expect(VERSION).to.equal(manifest.version);
  });

  it('emits events that bubble out of shadow roots to the document', async () => {
    const outer = await fixture<TestOuter>(html`<pustaka-test-outer></pustaka-test-outer>`);
    const inner = outer.shadowRoot!.querySelector('pustaka-test-element')!;
    await inner.updateComplete;
    const heard: Event[] = [];
    const listener = (event: Event) => heard.push(event);
    document.addEventListener('pustaka-test-shout', listener);
    try {
      const event = inner.shout({ word: 'halo' });
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.detail).to.deep.equal({ word: 'halo' });
    } finally {
      document.removeEventListener('pustaka-test-shout', listener);
    }
    expect(heard).to.have.length(1);
    expect(heard[0]!.target).to.equal(outer);
  });

  it('takes the API from the origin that served the script when there is no api attribute', async () => {
    const el = await fixture<TestPustakaElement>(html`<pustaka-test-element></pustaka-test-element>`);
    expect(el.apiBase).to.equal(location.origin);
  });

  it('resolves the api attribute against the page and drops the trailing slash', async () => {
    const el = await fixture<TestPustakaElement>(html`<pustaka-test-element api="/pustaka/"></pustaka-test-element>`);
    expect(el.apiBase).to.equal(`${location.origin}/pustaka`);
    el.api = 'https://perpustakaan.bontangkota.go.id';
    expect(el.apiBase).to.equal('https://perpustakaan.bontangkota.go.id');
  });

  it('rejects an api attribute that is not an http(s) URL with a TypeError', () => {
    expect(() => resolveApiBase('javascript:alert(1)')).to.throw(TypeError);
    expect(() => resolveApiBase('http://')).to.throw(TypeError);
  });

  it('creates its client on first use, keeps it, and replaces it when api or site-key change', async () => {
    const el = await fixture<TestPustakaElement>(
      html`<pustaka-test-element api="/pustaka" site-key="pk_test"></pustaka-test-element>`,
    );
    expect(el.siteKey).to.equal('pk_test');
    const first = el.testClient;
    expect(el.testClient).to.equal(first);

    requests.length = 0;
    await first.system.health();
    expect(requests[0]!.url).to.equal(`${location.origin}/pustaka/v1/health`);

    el.setAttribute('site-key', 'pk_other');
    const second = el.testClient;
    expect(second).not.to.equal(first);
    el.api = 'https://perpustakaan.bontangkota.go.id';
    await el.testClient.system.health();
    expect(requests[1]!.url).to.equal('https://perpustakaan.bontangkota.go.id/v1/health');
  });

  it('is accessible', async () => {
    const el = await fixture<TestPustakaElement>(html`<pustaka-test-element></pustaka-test-element>`);
    await expect(el).to.be.accessible();
  });
});
