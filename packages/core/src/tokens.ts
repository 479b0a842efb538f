import { css, unsafeCSS } from 'lit';

/**
 * The global design tokens, each with its light and dark default. A page themes every Pustaka widget at once by
 * setting `--pustaka-<name>` anywhere above them (usually `:root`); widgets never read those directly but the
 * resolved `--_pustaka-<name>`, which falls back to these defaults. Declaring the public name inside the shadow
 * root instead would shadow whatever the page set, since a declaration on the host beats an inherited value.
 *
 * Every default pair meets WCAG 2.2 AA on its surface: text and muted text >= 4.5:1, borders and the focus
 * ring >= 3:1 (checked by `test/tokens.browser.test.ts`).
 */
export const tokenDefaults = {
  'color-primary': ['#0b5cad', '#80b8f6'],
  'color-on-primary': ['#ffffff', '#0b1a2b'],
  'color-surface': ['#ffffff', '#16191d'],
  'color-text': ['#1b1f24', '#e8ebef'],
  'color-muted': ['#59636e', '#a9b2bc'],
  'color-danger': ['#b3261e', '#ff8b80'],
  'color-success': ['#1a7431', '#6fcf8a'],
  'color-border': ['#757f8a', '#7b8591'],
  'color-focus': ['#0b5cad', '#9ccaff'],
  radius: ['0.375rem'],
  'font-family': ['system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif'],
  'font-size-s': ['0.875rem'],
  'font-size-m': ['1rem'],
  'font-size-l': ['1.25rem'],
  'font-size-xl': ['1.5rem'],
  'line-height': ['1.5'],
  'space-xs': ['0.25rem'],
  'space-s': ['0.5rem'],
  'space-m': ['1rem'],
  'space-l': ['1.5rem'],
  'space-xl': ['2rem'],
  'focus-ring-width': ['3px'],
  duration: ['150ms'],
} as const satisfies Record<string, readonly [string] | readonly [string, string]>;

/** The name of a global token, without its `--pustaka-` prefix. */
export type TokenName = keyof typeof tokenDefaults;

function declarations(theme: 0 | 1, only: 'all' | 'themed') {
  return unsafeCSS(
    Object.entries(tokenDefaults)
      .filter(([, values]) => only === 'all' || values.length === 2)
      .map(([name, values]) => `--_pustaka-${name}: var(--pustaka-${name}, ${values[theme] ?? values[0]});`)
      .join('\n'),
  );
}

/**
 * The resolved tokens on `:host`: light by default, dark when the visitor prefers it, and whichever the `theme`
 * attribute names (`theme="dark"` or `theme="light"`) over both. `color-scheme` follows, so native controls and
 * `light-dark()` values set by the page match the theme.
 */
export const tokens = css`
  :host {
    color-scheme: light;
    ${declarations(0, 'all')}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      color-scheme: dark;
      ${declarations(1, 'themed')}
    }
  }
  :host([theme='dark']) {
    color-scheme: dark;
    ${declarations(1, 'themed')}
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_pustaka-duration: 0ms;
    }
  }
`;

/**
 * What every widget puts first in `static styles`: the tokens, the host's box, font and colours, a visible focus
 * ring, `hidden` that hides, no motion for visitors who asked for none, and `.visually-hidden` for text meant
 * for screen readers only (live result counts, for example).
 *
 * @example
 * static override styles = [baseStyles, css`:host { display: inline-block; }`];
 */
export const baseStyles = css`
  ${tokens}
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_pustaka-font-family);
    font-size: var(--_pustaka-font-size-m);
    line-height: var(--_pustaka-line-height);
    color: var(--_pustaka-color-text);
    background-color: var(--_pustaka-color-surface);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_pustaka-focus-ring-width) solid var(--_pustaka-color-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;
