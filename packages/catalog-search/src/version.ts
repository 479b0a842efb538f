/** The version of `@pustaka/catalog-search`, kept equal to its package.json (a test checks it). */
export const VERSION = '0.1.0';
