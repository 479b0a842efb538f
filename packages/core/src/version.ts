/**
 * The version of `@pustaka/core`, kept equal to its package.json (a test checks it). Elements compare it in
 * `defineElement()` to tell a script pasted twice from two different releases on one page.
 */
export const VERSION = '0.1.0';
