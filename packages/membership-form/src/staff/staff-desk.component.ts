import { PustakaElement } from '@pustaka/core';
import { html } from 'lit';
import { VERSION } from '../version.js';

export class PustakaStaffDesk extends PustakaElement {
  static override version = VERSION;
  override render() {
    return html`<p>staff</p>`;
  }
}
