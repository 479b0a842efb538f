import '@pustaka/membership-form/staff-desk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { installMockApi, mockApi } from './mock-api.js';

installMockApi();

interface Args {
  api: string;
  lang: string;
  /** A staff token already pasted in this tab. */
  token: string;
}

async function deskIn(canvas: HTMLElement) {
  await customElements.whenDefined('pustaka-staff-desk');
  const desk = canvas.querySelector('pustaka-staff-desk')!;
  for (let tries = 0; tries < 100 && !desk.shadowRoot?.querySelector('table, [part="detail"]'); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return desk;
}

async function openFirst(canvas: HTMLElement) {
  const desk = await deskIn(canvas);
  desk.shadowRoot!.querySelector<HTMLButtonElement>('table button')!.click();
  for (let tries = 0; tries < 100 && !desk.shadowRoot!.querySelector('[part="detail"] dl'); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return desk;
}

const meta: Meta<Args> = {
  title: 'Staff/Staff desk',
  component: 'pustaka-staff-desk',
  tags: ['autodocs'],
  args: { api: mockApi.ok, lang: '', token: 'sk_demo_story' },
  decorators: [
    (story, { args }) => {
      if (args.token) sessionStorage.setItem('pustaka-staff-token', args.token);
      else sessionStorage.removeItem('pustaka-staff-token');
      return story();
    },
  ],
  render: (args) => html`<pustaka-staff-desk api=${args.api} lang=${args.lang || nothing}></pustaka-staff-desk>`,
};
export default meta;
type Story = StoryObj<Args>;

/** First visit in a tab: paste the staff token. */
export const SignIn: Story = { args: { token: '' } };

/** The registrations waiting for approval. */
export const Pending: Story = {};

/** One registration's details, its flags, and the decision. */
export const Detail: Story = {
  play: async ({ canvasElement }) => void (await openFirst(canvasElement)),
};

/** Approved: the member card to print. */
export const MemberCard: Story = {
  play: async ({ canvasElement }) => {
    const desk = await openFirst(canvasElement);
    desk.shadowRoot!.querySelector<HTMLButtonElement>('.actions .primary')!.click();
  },
};

export const English: Story = { args: { lang: 'en' } };
