import { defineElement } from '@pustaka/core';
import { PustakaVisitCounter } from './visit-counter.component.js';

defineElement('pustaka-visit-counter', PustakaVisitCounter, PustakaVisitCounter.version);

declare global {
  interface HTMLElementTagNameMap {
    'pustaka-visit-counter': PustakaVisitCounter;
  }
}

export { PustakaVisitCounter };
