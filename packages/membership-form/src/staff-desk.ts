import { defineElement } from '@pustaka/core';
import { PustakaStaffDesk } from './staff/staff-desk.component.js';

defineElement('pustaka-staff-desk', PustakaStaffDesk, PustakaStaffDesk.version);

declare global {
  interface HTMLElementTagNameMap {
    'pustaka-staff-desk': PustakaStaffDesk;
  }
}

export { PustakaStaffDesk };
