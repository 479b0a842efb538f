import { baseStyles } from '@pustaka/core';
import { css } from 'lit';

export default [
  baseStyles,
  css`
    :host {
      --min-height: 15rem;
      --cover-width: 3.5rem;
      --panel-max-height: 70vh;
      min-height: var(--min-height);
      min-width: 0;
    }
    :host([compact]) {
      --min-height: 3rem;
    }
    .base {
      position: relative;
      display: grid;
      gap: var(--_pustaka-space-s);
    }
    form {
      display: flex;
      gap: var(--_pustaka-space-xs);
    }
    .box {
      position: relative;
      flex: 1;
      min-width: 0;
    }
    input,
    button {
      font: inherit;
      color: inherit;
      border-radius: var(--_pustaka-radius);
    }
    input[type='search'] {
      width: 100%;
      min-height: 2.75rem;
      padding: var(--_pustaka-space-s);
      border: 1px solid var(--_pustaka-color-border);
      background: var(--_pustaka-color-surface);
    }
    button {
      min-height: 2.75rem;
      padding: var(--_pustaka-space-xs) var(--_pustaka-space-m);
      border: 1px solid var(--_pustaka-color-primary);
      background: var(--_pustaka-color-surface);
      color: var(--_pustaka-color-primary);
      cursor: pointer;
    }
    button[type='submit'],
    [aria-pressed='true'] {
      background: var(--_pustaka-color-primary);
      color: var(--_pustaka-color-on-primary);
    }
    button:disabled {
      opacity: 0.6;
      cursor: wait;
    }
    [role='listbox'],
    :host([compact]) .panel {
      position: absolute;
      z-index: 2;
      inset-inline: 0;
      margin: 0;
      padding: var(--_pustaka-space-xs);
      list-style: none;
      background: var(--_pustaka-color-surface);
      border: 1px solid var(--_pustaka-color-border);
      border-radius: var(--_pustaka-radius);
      box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.2);
    }
    [role='option'] {
      display: flex;
      justify-content: space-between;
      gap: var(--_pustaka-space-s);
      padding: var(--_pustaka-space-s);
      cursor: pointer;
      border-radius: var(--_pustaka-radius);
    }
    [role='option'][aria-selected='true'],
    [role='option']:hover {
      background: var(--_pustaka-color-primary);
      color: var(--_pustaka-color-on-primary);
    }
    .kind,
    .meta,
    .summary,
    .count,
    .heading {
      color: var(--_pustaka-color-muted);
      font-size: var(--_pustaka-font-size-s);
      margin: 0;
    }
    [aria-selected='true'] .kind,
    [role='option']:hover .kind {
      color: inherit;
    }
    :host([compact]) .panel {
      top: 3rem;
      max-height: var(--panel-max-height);
      overflow: auto;
      padding: var(--_pustaka-space-s);
    }
    .panel {
      display: grid;
      gap: var(--_pustaka-space-s);
      align-content: start;
    }
    .themes {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
      gap: var(--_pustaka-space-xs);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .themes button {
      width: 100%;
      height: 100%;
      text-align: start;
      font-size: var(--_pustaka-font-size-s);
    }
    .code {
      font-variant-numeric: tabular-nums;
      font-weight: 700;
    }
    details {
      border: 1px solid var(--_pustaka-color-border);
      border-radius: var(--_pustaka-radius);
      padding: var(--_pustaka-space-s);
    }
    summary {
      cursor: pointer;
      min-height: 1.75rem;
    }
    fieldset {
      border: 0;
      margin: var(--_pustaka-space-s) 0 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: var(--_pustaka-space-xs) var(--_pustaka-space-m);
    }
    legend {
      font-weight: 700;
      padding: 0;
    }
    fieldset label,
    .available {
      display: inline-flex;
      align-items: center;
      gap: var(--_pustaka-space-xs);
      min-height: 2rem;
    }
    input[type='number'] {
      width: 5.5rem;
      padding: var(--_pustaka-space-xs);
      border: 1px solid var(--_pustaka-color-border);
      background: var(--_pustaka-color-surface);
    }
    input[type='checkbox'] {
      inline-size: 1.25rem;
      block-size: 1.25rem;
      accent-color: var(--_pustaka-color-primary);
    }
    .results {
      display: grid;
      gap: var(--_pustaka-space-m);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .results[aria-busy='true'] {
      opacity: 0.6;
    }
    [part='result'],
    .about {
      display: grid;
      grid-template-columns: var(--cover-width) minmax(0, 1fr);
      gap: var(--_pustaka-space-s);
    }
    .cover {
      aspect-ratio: 7 / 10;
      border-radius: var(--_pustaka-radius);
      overflow: hidden;
      background: linear-gradient(
        var(--_pustaka-color-border) 0 0.35rem,
        color-mix(in srgb, var(--_pustaka-color-muted) 25%, var(--_pustaka-color-surface)) 0
      );
    }
    .cover img {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .link {
      display: inline;
      min-height: 0;
      padding: 0;
      border: 0;
      background: none;
      text-align: start;
      font-weight: 700;
      text-decoration: underline;
      overflow-wrap: anywhere;
    }
    .availability {
      margin: 0;
      font-size: var(--_pustaka-font-size-s);
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--_pustaka-space-s);
    }
    .ok {
      color: var(--_pustaka-color-success);
    }
    .message {
      padding: var(--_pustaka-space-m);
      border: 1px solid var(--_pustaka-color-border);
      border-radius: var(--_pustaka-radius);
    }
    .message p {
      margin: 0 0 var(--_pustaka-space-s);
    }
    .progress {
      height: 0.25rem;
      border-radius: var(--_pustaka-radius);
      background: linear-gradient(90deg, transparent, var(--_pustaka-color-primary), transparent) 0 0 / 40% 100%
        no-repeat;
      animation: slide 1s linear infinite;
    }
    @keyframes slide {
      to {
        background-position: 250% 0;
      }
    }
    .more {
      justify-self: center;
    }
    dialog {
      width: min(40rem, calc(100vw - 1rem));
      max-height: calc(100dvh - 1rem);
      padding: var(--_pustaka-space-m);
      border: 1px solid var(--_pustaka-color-border);
      border-radius: var(--_pustaka-radius);
      color: inherit;
      background: var(--_pustaka-color-surface);
      container-type: inline-size;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.5);
    }
    header {
      display: flex;
      justify-content: space-between;
      align-items: start;
      gap: var(--_pustaka-space-s);
    }
    h2,
    h3 {
      margin: 0 0 var(--_pustaka-space-s);
      font-size: var(--_pustaka-font-size-l);
      overflow-wrap: anywhere;
    }
    h3 {
      font-size: var(--_pustaka-font-size-m);
    }
    .copies {
      margin-top: var(--_pustaka-space-l);
    }
    [part='holding'] {
      border-top: 1px solid var(--_pustaka-color-border);
      padding-block: var(--_pustaka-space-s);
    }
    .badge {
      font-size: var(--_pustaka-font-size-s);
      border: 1px solid currentColor;
      border-radius: var(--_pustaka-radius);
      padding: 0 var(--_pustaka-space-xs);
    }
    table {
      width: 100%;
      margin-top: var(--_pustaka-space-s);
      border-collapse: collapse;
      font-size: var(--_pustaka-font-size-s);
    }
    th,
    td {
      text-align: start;
      vertical-align: top;
      padding: var(--_pustaka-space-xs);
      border-bottom: 1px solid var(--_pustaka-color-border);
      overflow-wrap: anywhere;
    }
    dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: var(--_pustaka-space-xs) var(--_pustaka-space-s);
    }
    dt {
      font-weight: 700;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    @container (max-width: 24rem) {
      dl {
        grid-template-columns: 1fr;
      }
      dd {
        margin-bottom: var(--_pustaka-space-xs);
      }
    }
  `,
];
