// Types of find-chrome.mjs, for the TypeScript tests that start Chromium themselves (test/support/chromium.ts).
export function findChrome(): string | undefined;
export const howToGetChrome: string;
export const chromeArgs: string[];
