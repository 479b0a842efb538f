import { baseStyles, controlStyles } from '@pustaka/core';
import { css } from 'lit';

export const staffStyles = [
  baseStyles,
  controlStyles,
  css`
    :host { display: block; }
    .base { display: grid; gap: var(--_pustaka-space-m); max-width: 60rem; overflow-wrap: break-word; }
    header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: var(--_pustaka-space-s); }
    h1 { margin: 0; font-size: var(--_pustaka-font-size-xl); }
    h2 { margin: 0; font-size: var(--_pustaka-font-size-l); }
    form { display: grid; gap: var(--_pustaka-space-s); max-width: 30rem; }
    .notice:empty { display: none; }
    .notice { margin: 0; padding: var(--_pustaka-space-s); border: 1px solid var(--_pustaka-color-border); border-radius: var(--_pustaka-radius); }
    table { width: 100%; border-collapse: collapse; }
    caption { text-align: start; font-weight: 700; padding-bottom: var(--_pustaka-space-s); }
    th, td { padding: var(--_pustaka-space-xs); border-bottom: 1px solid var(--_pustaka-color-border); text-align: start; vertical-align: top; }
    .link { min-height: 2.75rem; padding: 0; border: 0; text-align: start; text-decoration: underline; }
    .flag, .flags { color: var(--_pustaka-color-danger); font-weight: 700; }
    .flags { padding: var(--_pustaka-space-s); border: 2px solid var(--_pustaka-color-danger); border-radius: var(--_pustaka-radius); }
    .flags ul { margin: 0; }
    dl { display: grid; grid-template-columns: minmax(8rem, auto) 1fr; gap: var(--_pustaka-space-xs) var(--_pustaka-space-m); }
    dt { font-weight: 700; }
    dd { margin: 0; }
    section { display: grid; gap: var(--_pustaka-space-s); }
    .actions { display: flex; flex-wrap: wrap; gap: var(--_pustaka-space-s); }
    .primary { background: var(--_pustaka-color-primary); color: var(--_pustaka-color-on-primary); }
    [aria-disabled='true'] { opacity: 0.6; cursor: progress; }
    h2:focus { outline: none; }
    .card { max-width: 24rem; padding: var(--_pustaka-space-m); border: 2px solid var(--_pustaka-color-primary); border-radius: calc(var(--_pustaka-radius) * 2); }
    .card p { margin: 0; }
    .card .name { font-size: var(--_pustaka-font-size-l); font-weight: 700; }
    .card .number { letter-spacing: 0.05em; }
    .card svg { width: 100%; height: 4rem; fill: currentColor; }
    @media (max-width: 40rem) { thead { display: none; } tr, td { display: block; } td { border: 0; } tr { border-bottom: 1px solid var(--_pustaka-color-border); padding-block: var(--_pustaka-space-s); } }
    @media print {
      header, .notice, .actions { display: none; }
      .card { width: 8.56cm; color: #000; border-color: #000; break-inside: avoid; }
      .card svg { fill: #000; height: 1.5cm; }
    }
  `,
];
