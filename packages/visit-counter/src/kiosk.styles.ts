import { css } from 'lit';

/** The kiosk's own styles, adopted with the kiosk face: pages with a counter do not download them. */
export default css`
    .kiosk { --figure-size: 4rem; gap: var(--_pustaka-space-m); font-size: var(--_pustaka-font-size-l); max-width: 48rem; margin-inline: auto; padding: var(--_pustaka-space-m); }
    .kiosk h1 { margin: 0; font-size: var(--_pustaka-font-size-xl); }
    .kiosk form { display: grid; gap: var(--_pustaka-space-s); }
    .kiosk label { display: grid; gap: var(--_pustaka-space-xs); font-weight: 700; }
    .kiosk input, .kiosk select, .kiosk button { min-height: 3.5rem; font-size: var(--_pustaka-font-size-l); }
    .row { display: flex; flex-wrap: wrap; gap: var(--_pustaka-space-s); }
    .row > * { flex: 1 1 12rem; }
    .keypad { display: grid; grid-template-columns: repeat(3, 1fr); gap: var(--_pustaka-space-xs); max-width: 24rem; }
    .greeting { font-size: var(--_pustaka-font-size-xl); font-weight: 700; }
    .notice { padding: var(--_pustaka-space-s); border-inline-start: 0.375rem solid var(--_pustaka-color-primary); }
    .feedback { margin: 0; color: var(--_pustaka-color-danger); font-size: var(--_pustaka-font-size-s); }
    .feedback:empty { display: none; }
    .error-summary { color: var(--_pustaka-color-danger); }
    .error-summary a { color: inherit; }
`;
