import { defineElement } from '@pustaka/core';
import { PustakaCatalogSearch } from './catalog-search.component.js';

defineElement('pustaka-catalog-search', PustakaCatalogSearch, PustakaCatalogSearch.version);

declare global {
  interface HTMLElementTagNameMap {
    'pustaka-catalog-search': PustakaCatalogSearch;
  }
}

export { PustakaCatalogSearch };
