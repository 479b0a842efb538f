import { baseStyles, controlStyles } from '@pustaka/core';
import { css } from 'lit';

// One rule per line: Lit ships CSS as written, so the source is kept dense rather than minified by hand.
export default [
  baseStyles,
  controlStyles,
  css`
    :host { --min-height: 21rem; --cover-width: 3.5rem; --panel-max-height: 70vh; min-height: var(--min-height); }
    @media (min-width: 40rem) { :host { --min-height: 11rem; } }
    :host([compact]) { --min-height: 2.75rem; }
    .base, .panel { position: relative; display: grid; gap: var(--_pustaka-space-s); align-content: start; }
    form { display: flex; gap: var(--_pustaka-space-xs); }
    .box { position: relative; flex: 1; min-width: 0; }
    #q { width: 100%; }
    [aria-selected='true'] { background: var(--_pustaka-color-primary); color: var(--_pustaka-color-on-primary); }
    [role='option'] span { flex: none; }
    [aria-selected='true'] .muted { color: inherit; }
    ul, ol { margin: 0; padding: 0; list-style: none; }
    [role='listbox'], :host([compact]) .panel { position: absolute; z-index: 2; inset-inline: 0; padding: var(--_pustaka-space-xs); background: var(--_pustaka-color-surface); border: 1px solid var(--_pustaka-color-border); border-radius: var(--_pustaka-radius); box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.25); }
    :host([compact]) .panel { top: 3rem; max-height: var(--panel-max-height); overflow: auto; padding: var(--_pustaka-space-s); }
    [role='option'] { display: flex; justify-content: space-between; gap: var(--_pustaka-space-s); padding: var(--_pustaka-space-s); border-radius: var(--_pustaka-radius); cursor: pointer; }
    .themes { display: grid; grid-template-columns: repeat(auto-fill, minmax(7.5rem, 1fr)); gap: var(--_pustaka-space-xs); }
    .themes button { width: 100%; height: 100%; padding: var(--_pustaka-space-xs) var(--_pustaka-space-s); text-align: start; font-size: var(--_pustaka-font-size-s); line-height: 1.25; }
    details, .message { border: 1px solid var(--_pustaka-color-border); border-radius: var(--_pustaka-radius); padding: var(--_pustaka-space-s); }
    fieldset { display: flex; flex-wrap: wrap; gap: 0 var(--_pustaka-space-m); margin-top: var(--_pustaka-space-s); }
    label { display: inline-flex; align-items: center; gap: var(--_pustaka-space-xs); min-height: 2.25rem; }
    [type='number'] { width: 5.5rem; }
    .results { display: grid; gap: var(--_pustaka-space-m); }
    [aria-busy='true'] { opacity: 0.6; }
    [part='result'], .about { display: grid; grid-template-columns: var(--cover-width) minmax(0, 1fr); gap: var(--_pustaka-space-s); }
    .cover { aspect-ratio: 7 / 10; border-radius: var(--_pustaka-radius); overflow: hidden; background: color-mix(in srgb, var(--_pustaka-color-border) 35%, transparent); }
    .cover img { display: block; width: 100%; height: 100%; object-fit: cover; }
    .link { min-height: 0; padding: 0; border: 0; text-align: start; font-weight: 700; text-decoration: underline; }
    .availability { display: flex; flex-wrap: wrap; gap: 0 var(--_pustaka-space-s); margin: 0; font-size: var(--_pustaka-font-size-s); }
    .ok { color: var(--_pustaka-color-success); }
    .message p { margin: 0 0 var(--_pustaka-space-s); }
    dialog { width: min(40rem, 100vw - 1rem); max-height: calc(100dvh - 1rem); padding: var(--_pustaka-space-m); border: 1px solid var(--_pustaka-color-border); border-radius: var(--_pustaka-radius); color: inherit; background: var(--_pustaka-color-surface); }
    header { display: flex; justify-content: space-between; align-items: start; gap: var(--_pustaka-space-s); }
    h2 { margin: 0; font-size: var(--_pustaka-font-size-l); }
    table { width: 100%; margin-block: var(--_pustaka-space-s); border-collapse: collapse; font-size: var(--_pustaka-font-size-s); }
    th, td { padding: var(--_pustaka-space-xs); border-bottom: 1px solid var(--_pustaka-color-border); text-align: start; vertical-align: top; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: var(--_pustaka-space-xs) var(--_pustaka-space-s); }
    dt { font-weight: 700; }
    dd { margin: 0; }
    .base, dialog { overflow-wrap: break-word; }
  `,
];
