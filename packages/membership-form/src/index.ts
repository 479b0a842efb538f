/**
 * `@pustaka/membership-form`: the `<pustaka-membership-form>` element. Importing this module registers the tag.
 * The librarians' `<pustaka-staff-desk>` is a separate entry (`@pustaka/membership-form/staff-desk`), so that no
 * visitor of a school site downloads it.
 *
 * @example
 * import '@pustaka/membership-form';
 * // <pustaka-membership-form library="dispusip-bontang" site-key="pk_..."></pustaka-membership-form>
 */
export { PustakaMembershipForm } from './membership-form.js';
export type { PustakaRegisteredDetail } from './membership-form.component.js';
