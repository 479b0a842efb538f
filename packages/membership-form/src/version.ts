/** The version of `@pustaka/membership-form`, kept equal to its package.json (a test checks it). */
export const VERSION = '0.1.0';
