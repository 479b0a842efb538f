import { baseStyles, controlStyles } from '@pustaka/core';
import { css } from 'lit';

// One rule per line: Lit ships CSS as written, so the source is kept dense rather than minified by hand.
export const styles = [
  baseStyles,
  controlStyles,
  css`
    :host { --max-width: 40rem; display: block; max-width: var(--max-width); }
    .base { display: grid; gap: var(--_pustaka-space-m); overflow-wrap: break-word; }
    h2 { margin: 0; font-size: var(--_pustaka-font-size-l); }
    form, fieldset { display: grid; gap: var(--_pustaka-space-m); min-width: 0; }
    legend { margin-bottom: var(--_pustaka-space-s); font-size: var(--_pustaka-font-size-l); }
    .field { display: grid; gap: var(--_pustaka-space-xs); }
    .field input:not([type='checkbox']), .field select { width: 100%; box-sizing: border-box; }
    .check { grid-template-columns: auto 1fr; align-items: start; column-gap: var(--_pustaka-space-s); }
    .check input { margin: 0.15rem 0 0; }
    .check .feedback { grid-column: 1 / -1; }
    .feedback { margin: 0; color: var(--_pustaka-color-danger); font-weight: 700; }
    .feedback:empty { display: none; }
    [aria-invalid='true'] { border-color: var(--_pustaka-color-danger); border-width: 2px; }
    .error-summary, .message, .warning { padding: var(--_pustaka-space-s) var(--_pustaka-space-m); border: 2px solid var(--_pustaka-color-danger); border-radius: var(--_pustaka-radius); }
    .warning { border-color: var(--_pustaka-color-border); border-style: dashed; }
    .error-summary p, .message p, .warning p { margin: 0; }
    .error-summary a { color: var(--_pustaka-color-danger); }
    .trap { position: absolute; left: -100vw; width: 1px; height: 1px; overflow: hidden; }
    [type='submit'] { justify-self: start; }
    [aria-disabled='true'] { opacity: 0.6; cursor: progress; }
    .slip { display: grid; gap: var(--_pustaka-space-s); padding: var(--_pustaka-space-m); border: 1px solid var(--_pustaka-color-border); border-radius: var(--_pustaka-radius); }
    .slip p, .slip ul { margin: 0; }
    .reference { font-size: var(--_pustaka-font-size-xl); letter-spacing: 0.05em; }
    [part='barcode'] { width: 100%; max-width: 20rem; height: 4rem; fill: currentColor; }
    .actions { display: flex; flex-wrap: wrap; gap: var(--_pustaka-space-s); }
    #slip-title:focus { outline: none; }
    @media print {
      :host { max-width: none; color: #000; background: #fff; }
      .slip { border: 1px solid #000; break-inside: avoid; }
      [part='barcode'] { fill: #000; height: 3cm; max-width: 9cm; }
      .actions { display: none; }
    }
  `,
];
