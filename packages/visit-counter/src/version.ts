/** The version of `@pustaka/visit-counter`, kept equal to its package.json (a test checks it). */
export const VERSION = '0.1.0';
