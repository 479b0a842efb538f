import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { installMockApi, mockApi } from '../../../stories/membership-form/mock-api.js';
installMockApi();

it('renders', async () => {
  const el = await fixture(
    html`<pustaka-membership-form api=${mockApi.ok} member-type="pelajar"></pustaka-membership-form>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('form'), 'no form', { timeout: 8000 });
  await expect(el).to.be.accessible();
  const form = el.shadowRoot!.querySelector('form')!;
  form.requestSubmit();
  await waitUntil(() => el.shadowRoot!.querySelector('.error-summary'), 'no summary');
  console.log(el.shadowRoot!.querySelector('.error-summary')!.textContent!.replace(/\s+/g, ' '));
  console.log(el.shadowRoot!.activeElement?.id);
  await expect(el).to.be.accessible();
});
