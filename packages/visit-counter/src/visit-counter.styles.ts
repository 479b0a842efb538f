import { baseStyles, controlStyles } from '@pustaka/core';
import { css } from 'lit';

// One rule per line: Lit ships CSS as written. Every figure has its box before it has its value (tabular digits,
// fixed line heights, the chart's height reserved): nothing moves when the figures arrive.
export default [
  baseStyles,
  controlStyles,
  css`
    :host { --figure-size: 2.5rem; --chart-height: 5rem; --bar-color: var(--_pustaka-color-primary); }
    .base { display: grid; gap: var(--_pustaka-space-xs); font-variant-numeric: tabular-nums; }
    p, dl, dd, figure { margin: 0; }
    .label { font-weight: 700; }
    .total { font-size: var(--figure-size); font-weight: 700; line-height: 1.2; }
    dl { display: grid; grid-template-columns: repeat(auto-fit, minmax(6rem, 1fr)); gap: var(--_pustaka-space-s); }
    dt { color: var(--_pustaka-color-muted); font-size: var(--_pustaka-font-size-s); }
    dd { font-weight: 700; font-size: var(--_pustaka-font-size-l); }
    figure { display: grid; gap: var(--_pustaka-space-xs); }
    svg { width: 100%; height: var(--chart-height); fill: var(--bar-color); border-bottom: 1px solid var(--_pustaka-color-border); }
    .impact dl { display: grid; gap: var(--_pustaka-space-s); }
    .impact .total { font-size: var(--figure-size); }
    .up { color: var(--_pustaka-color-success); }
    .down { color: var(--_pustaka-color-danger); }
    .message { border: 1px solid var(--_pustaka-color-border); border-radius: var(--_pustaka-radius); padding: var(--_pustaka-space-s); }
    .message p { margin: 0 0 var(--_pustaka-space-s); }
  `,
];
