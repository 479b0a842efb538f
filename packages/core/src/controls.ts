import { css } from 'lit';

/**
 * Native form controls drawn with the tokens, for every widget that has a field or a button: boxes and buttons
 * at least 2.75rem (44 px) high for thumbs, a filled primary button for `type="submit"` and pressed toggles
 * (`aria-pressed="true"`), checkboxes and radios large enough to hit, bare fieldsets with bold legends, and
 * `.muted` for secondary text. Put it after `baseStyles`.
 *
 * @example
 * static override styles = [baseStyles, controlStyles, css`...`];
 */
export const controlStyles = css`
  input, select, textarea, button { font: inherit; color: inherit; border-radius: var(--_pustaka-radius); }
  input, select, textarea { min-height: 2.75rem; padding: var(--_pustaka-space-xs) var(--_pustaka-space-s); border: 1px solid var(--_pustaka-color-border); background: var(--_pustaka-color-surface); }
  button { min-height: 2.75rem; padding: 0 var(--_pustaka-space-m); border: 1px solid var(--_pustaka-color-primary); background: none; color: var(--_pustaka-color-primary); cursor: pointer; }
  [type='submit'], [aria-pressed='true'] { background: var(--_pustaka-color-primary); color: var(--_pustaka-color-on-primary); }
  button:disabled { opacity: 0.6; cursor: not-allowed; }
  [type='checkbox'], [type='radio'] { min-height: 0; width: 1.25rem; height: 1.25rem; accent-color: var(--_pustaka-color-primary); }
  fieldset { border: 0; margin: 0; padding: 0; }
  legend { padding: 0; font-weight: 700; }
  .muted { margin: 0; color: var(--_pustaka-color-muted); font-size: var(--_pustaka-font-size-s); }
`;
