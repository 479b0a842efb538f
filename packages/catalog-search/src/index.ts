/**
 * `@pustaka/catalog-search`: the `<pustaka-catalog-search>` element. Importing this module registers the tag.
 *
 * @example
 * import '@pustaka/catalog-search';
 * // <pustaka-catalog-search library="sman-1-bontang"></pustaka-catalog-search>
 */
export { PustakaCatalogSearch } from './catalog-search.js';
export type { PustakaSearchDetail, PustakaSelectRecordDetail } from './catalog-search.component.js';
