import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { css } from 'lit';
import { baseStyles, defineElement, PustakaElement, tokenDefaults, type TokenName } from '../src/index.js';

class TestTokens extends PustakaElement {
  static override styles = [
    baseStyles,
    css`
      a {
        color: var(--_pustaka-color-primary);
        border-radius: var(--_pustaka-radius);
        padding: var(--_pustaka-space-s);
      }
      .moving {
        transition: opacity var(--_pustaka-duration);
      }
    `,
  ];

  override render() {
    return html`<p>Koleksi <a href="#catalogue">katalog</a></p><p class="moving">Sedang memuat</p>`;
  }
}
defineElement('pustaka-test-tokens', TestTokens, '0.0.0');

declare global {
  interface HTMLElementTagNameMap {
    'pustaka-test-tokens': TestTokens;
  }
}

const style = (el: Element) => getComputedStyle(el);
const link = (el: TestTokens) => el.shadowRoot!.querySelector('a')!;
const token = (el: TestTokens, name: TokenName) => style(el).getPropertyValue(`--_pustaka-${name}`).trim();

/** `rgb(r, g, b)` or a hex colour to its relative luminance (WCAG 2.2). */
function luminance(colour: string): number {
  const probe = document.createElement('span');
  probe.style.color = colour;
  document.body.append(probe);
  const channels = getComputedStyle(probe)
    .color.match(/[\d.]+/g)!
    .slice(0, 3)
    .map(Number);
  probe.remove();
  const [r, g, b] = channels.map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('design tokens', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' }));

  it('applies the light defaults', async () => {
    const el = await fixture<TestTokens>(html`<pustaka-test-tokens></pustaka-test-tokens>`);
    expect(style(link(el)).color).to.equal('rgb(11, 92, 173)');
    expect(style(link(el)).borderTopLeftRadius).to.equal('6px');
    expect(style(el).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(style(el).display).to.equal('block');
  });

  it('lets the page set a token anywhere above the element', async () => {
    const wrapper = await fixture(
      html`<div style="--pustaka-color-primary: rgb(128, 0, 64); --pustaka-space-s: 3px">
        <pustaka-test-tokens></pustaka-test-tokens>
      </div>`,
    );
    const el = wrapper.querySelector('pustaka-test-tokens')!;
    expect(style(link(el)).color).to.equal('rgb(128, 0, 64)');
    expect(style(link(el)).paddingTop).to.equal('3px');
  });

  it('switches to dark with theme="dark", and back with theme="light" even when the visitor prefers dark', async () => {
    const el = await fixture<TestTokens>(html`<pustaka-test-tokens theme="dark"></pustaka-test-tokens>`);
    expect(style(link(el)).color).to.equal('rgb(128, 184, 246)');
    expect(style(el).colorScheme).to.equal('dark');
    await emulateMedia({ colorScheme: 'dark' });
    el.theme = 'light';
    await el.updateComplete;
    expect(style(link(el)).color).to.equal('rgb(11, 92, 173)');
  });

  it('follows prefers-color-scheme without a theme attribute', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await fixture<TestTokens>(html`<pustaka-test-tokens></pustaka-test-tokens>`);
    expect(style(el).backgroundColor).to.equal('rgb(22, 25, 29)');
    expect(style(link(el)).color).to.equal('rgb(128, 184, 246)');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`meets WCAG 2.2 AA contrast in the ${theme} theme`, async () => {
      const el = await fixture<TestTokens>(html`<pustaka-test-tokens theme=${theme}></pustaka-test-tokens>`);
      const surface = token(el, 'color-surface');
      for (const name of ['color-text', 'color-muted', 'color-primary', 'color-danger', 'color-success'] as const) {
        expect(contrast(token(el, name), surface), `${name} on surface`).to.be.at.least(4.5);
      }
      expect(contrast(token(el, 'color-on-primary'), token(el, 'color-primary'))).to.be.at.least(4.5);
      expect(contrast(token(el, 'color-border'), surface), 'border').to.be.at.least(3);
      expect(contrast(token(el, 'color-focus'), surface), 'focus ring').to.be.at.least(3);
      await expect(el).to.be.accessible();
    });
  }

  it('shows a focus ring at least 3px wide in the focus colour', async () => {
    const el = await fixture<TestTokens>(html`<pustaka-test-tokens></pustaka-test-tokens>`);
    link(el).focus({ focusVisible: true } as FocusOptions);
    const ring = style(link(el));
    expect(ring.outlineStyle).to.equal('solid');
    expect(ring.outlineWidth).to.equal('3px');
    expect(ring.outlineColor).to.equal('rgb(11, 92, 173)');
  });

  it('hides the element with the hidden attribute, whatever display a widget sets', async () => {
    const el = await fixture<TestTokens>(
      html`<pustaka-test-tokens hidden style="display: flex"></pustaka-test-tokens>`,
    );
    expect(style(el).display).to.equal('none');
  });

  it('stops motion for visitors who prefer reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await fixture<TestTokens>(html`<pustaka-test-tokens></pustaka-test-tokens>`);
    expect(token(el, 'duration')).to.equal('0ms');
    const moving = el.shadowRoot!.querySelector('.moving')!;
    expect(parseFloat(style(moving).transitionDuration)).to.be.below(0.001);
  });

  it('has a light and a dark default for every colour', () => {
    for (const [name, values] of Object.entries(tokenDefaults)) {
      if (name.startsWith('color-')) expect(values, name).to.have.length(2);
    }
  });
});
