import '@pustaka/membership-form';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { installMockApi, mockApi } from './mock-api.js';

// Every story answers from a stand-in of the API (see mock-api.ts); the browser tests use the real server.
installMockApi();

interface Args {
  api: string;
  library: string;
  memberType: string;
  institution: string;
  lang: string;
  theme: '' | 'light' | 'dark';
  /** What the visitor had typed before (the form's session draft), to show a state without typing it. */
  draft: Record<string, string> | undefined;
  reference: string;
}

const draftKey = 'pustaka-membership-form:dispusip-bontang';

/** A pupil of 13 who has filled everything in: the guardian section is open. */
const pupil: Record<string, string> = {
  member_type: 'pelajar',
  full_name: 'Rina Lestari',
  nik: '6474015203130004',
  birth_place: 'Bontang',
  birth_date: '2013-03-12',
  sex: 'female',
  phone: '+6281234567890',
  'address.street': 'Jl. Cendana No. 5 RT 12',
  'address.district': 'Bontang Utara',
  'address.city': 'Bontang',
  education_level: 'SMP',
  institution: 'SMP Negeri 2 Bontang',
  class_or_faculty: '7B',
  'guardian.name': 'Siti Aminah',
  'guardian.relation': 'parent',
  'guardian.phone': '+6281298765432',
};

async function widgetIn(canvas: HTMLElement) {
  await customElements.whenDefined('pustaka-membership-form');
  const widget = canvas.querySelector('pustaka-membership-form')!;
  for (let tries = 0; tries < 100 && !widget.shadowRoot?.querySelector('form'); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return widget;
}

/** Presses the send button, as a visitor would. */
async function send(canvas: HTMLElement) {
  const widget = await widgetIn(canvas);
  widget.shadowRoot!.querySelector('form')!.requestSubmit();
  await widget.updateComplete;
  return widget;
}

const meta: Meta<Args> = {
  title: 'Widgets/Membership form',
  component: 'pustaka-membership-form',
  tags: ['autodocs'],
  args: {
    api: mockApi.ok,
    library: 'dispusip-bontang',
    memberType: 'pelajar',
    institution: 'smpn-2-bontang',
    lang: '',
    theme: '',
    draft: undefined,
    reference: '',
  },
  argTypes: {
    api: { control: 'select', options: Object.values(mockApi) },
    lang: { control: 'select', options: ['', 'id', 'en'] },
    theme: { control: 'select', options: ['', 'light', 'dark'] },
  },
  decorators: [
    (story, { args }) => {
      // Each story starts from its own session draft (what a reload would find), or none.
      sessionStorage.removeItem(draftKey);
      if (args.draft || args.reference) {
        sessionStorage.setItem(
          draftKey,
          JSON.stringify({ values: args.draft ?? {}, reference: args.reference || undefined }),
        );
      }
      return story();
    },
  ],
  render: (args) =>
    html`<pustaka-membership-form
      api=${args.api}
      library=${args.library || nothing}
      member-type=${args.memberType || nothing}
      institution=${args.institution || nothing}
      lang=${args.lang || nothing}
      theme=${args.theme || nothing}
    ></pustaka-membership-form>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A school site: Pelajar and the school preselected. */
export const SchoolSite: Story = {};

/** A company site: the general public, nothing preselected. */
export const CompanySite: Story = { args: { memberType: '', institution: '' } };

/** The form definition on its way (this stand-in never answers). */
export const Loading: Story = { args: { api: mockApi.slow } };

/** The form cannot be loaded: a plain sentence and a retry. */
export const Unreachable: Story = { args: { api: mockApi.offline } };

/** Sent empty: the summary for screen readers, each field's message linked to it, focus on the first. */
export const Errors: Story = { play: async ({ canvasElement }) => void (await send(canvasElement)) };

/** A pupil of 13: the guardian section with the guardian's consent. */
export const MinorWithGuardian: Story = { args: { draft: pupil } };

/** The NIK says another birth date: a warning to confirm, not a refusal. */
export const NikMismatch: Story = { args: { draft: { ...pupil, birth_date: '2013-03-13' } } };

/** The server failed: what was typed is kept. */
export const ServerError: Story = {
  args: { api: mockApi.error, draft: { ...pupil, 'guardian.consent': 'granted', 'consent.card': 'granted' } },
  play: async ({ canvasElement }) => void (await send(canvasElement)),
};

/** The NIK is already registered somewhere in the network: said without naming anyone. */
export const AlreadyRegistered: Story = {
  args: { api: mockApi.duplicate, draft: { ...pupil, 'guardian.consent': 'granted', 'consent.card': 'granted' } },
  play: async ({ canvasElement }) => void (await send(canvasElement)),
};

/** Received: the reference as a Code 128 barcode (loaded lazily), what to bring, a print button. */
export const Received: Story = { args: { reference: 'BTG-7Q4K' } };

export const English: Story = { args: { lang: 'en', draft: pupil } };

export const Dark: Story = {
  args: { theme: 'dark', draft: pupil },
  parameters: { backgrounds: { default: 'dark' } },
  decorators: [(story) => html`<div style="background:#16191d;padding:1rem">${story()}</div>`],
};

/** A 320 px phone: one column, nothing wider than the screen. */
export const NarrowPhone: Story = {
  args: { draft: pupil },
  decorators: [(story) => html`<div style="width:320px;border:1px dashed #999">${story()}</div>`],
};
