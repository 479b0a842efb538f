/**
 * `@pustaka/visit-counter`: the `<pustaka-visit-counter>` element. Importing this module registers the tag; the
 * kiosk face and its form code load only on a kiosk (`mode="kiosk"`).
 *
 * @example
 * import '@pustaka/visit-counter';
 * // <pustaka-visit-counter library="sman-1-bontang" period="month" chart></pustaka-visit-counter>
 */
export { PustakaVisitCounter } from './visit-counter.js';
export type { PustakaVisitRecordedDetail } from './visit-counter.component.js';
