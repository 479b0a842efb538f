import { defineElement } from '@pustaka/core';
import { PustakaMembershipForm } from './membership-form.component.js';

defineElement('pustaka-membership-form', PustakaMembershipForm, PustakaMembershipForm.version);

declare global {
  interface HTMLElementTagNameMap {
    'pustaka-membership-form': PustakaMembershipForm;
  }
}

export { PustakaMembershipForm };
