import '@pustaka/visit-counter';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { installVisitMockApi, mockApi } from './mock-api.js';

// Every story answers from a stand-in of the API (see mock-api.ts); the browser tests use the real server.

interface Args {
  api: string;
  mode: 'display' | 'impact' | 'kiosk';
  library: string;
  period: 'today' | 'week' | 'month' | 'year' | 'all';
  breakdown: boolean;
  chart: boolean;
  lang: string;
  theme: '' | 'light' | 'dark';
}

/** The widget of a story, once it has rendered. */
async function widgetIn(canvas: HTMLElement) {
  await customElements.whenDefined('pustaka-visit-counter');
  const widget = canvas.querySelector('pustaka-visit-counter')!;
  await widget.updateComplete;
  return widget;
}

/** The kiosk of a story, once its member field is drawn (the kiosk face loads on demand). */
async function kioskIn(canvas: HTMLElement) {
  const widget = await widgetIn(canvas);
  for (let tries = 0; tries < 100 && !widget.shadowRoot!.querySelector('[name="member_number"]'); tries++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return widget;
}

/** Types a member number and presses Enter, as a card scanner does. */
async function scan(canvas: HTMLElement, number: string) {
  const widget = await kioskIn(canvas);
  const input = widget.shadowRoot!.querySelector<HTMLInputElement>('[name="member_number"]')!;
  input.value = number;
  input.form!.requestSubmit();
  return widget;
}

const meta: Meta<Args> = {
  title: 'Widgets/Visit counter',
  component: 'pustaka-visit-counter',
  tags: ['autodocs'],
  args: {
    api: mockApi.ok,
    mode: 'display',
    library: 'dispusip-bontang',
    period: 'month',
    breakdown: false,
    chart: false,
    lang: '',
    theme: '',
  },
  argTypes: {
    api: { control: 'select', options: Object.values(mockApi) },
    mode: { control: 'select', options: ['display', 'impact', 'kiosk'] },
    period: { control: 'select', options: ['today', 'week', 'month', 'year', 'all'] },
    lang: { control: 'select', options: ['', 'id', 'en'] },
    theme: { control: 'select', options: ['', 'light', 'dark'] },
  },
  decorators: [
    (story) => {
      installVisitMockApi();
      // The Offline story overrides the browser's flag: every story starts from the browser's own again.
      delete (navigator as { onLine?: boolean }).onLine;
      return html`<div style="max-width:24rem">${story()}</div>`;
    },
  ],
  render: (args) =>
    html`<pustaka-visit-counter
      api=${args.api}
      mode=${args.mode}
      library=${args.library || nothing}
      period=${args.period}
      lang=${args.lang || nothing}
      theme=${args.theme || nothing}
      token=${args.mode === 'kiosk' ? 'kt_story' : nothing}
      ?breakdown=${args.breakdown}
      ?chart=${args.chart}
    ></pustaka-visit-counter>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The visits of this month: the figure counts up (unless the visitor prefers reduced motion). */
export const Figures: Story = {};

/** Members, guests and group visitors apart, and the last 30 days as a chart (with a table for screen readers). */
export const BreakdownAndChart: Story = { args: { breakdown: true, chart: true } };

/** Today only, for a sidebar. */
export const Today: Story = { args: { period: 'today' } };

/** This year, with the last 12 months by month. */
export const Year: Story = { args: { period: 'year', chart: true } };

/** The whole network: no `library`. */
export const WholeNetwork: Story = { args: { library: '', period: 'all', breakdown: true } };

/** Figures on their way (this stand-in never answers): the space is kept, nothing moves when they come. */
export const Loading: Story = { args: { api: mockApi.slow, breakdown: true, chart: true } };

/** The server failed: a plain sentence and a retry. */
export const ServerError: Story = { args: { api: mockApi.error } };

/** The browser is online but the server cannot be reached. */
export const Unreachable: Story = { args: { api: mockApi.offline } };

/** No connection: the offline sentence; the figures load by themselves when the `online` event comes. */
export const Offline: Story = {
  args: { api: mockApi.offline },
  decorators: [
    (story) => {
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      return story();
    },
  ],
};

/** The impact card, for a sponsor's CSR page or a school's front page. */
export const Impact: Story = { args: { mode: 'impact' } };

/** The impact card of a library whose visits went down. */
export const ImpactDown: Story = { args: { mode: 'impact', library: 'sman-1-bontang' } };

/** The kiosk at the library door, waiting for a card (type a number, or use the keypad). */
export const Kiosk: Story = {
  args: { mode: 'kiosk' },
  decorators: [(story) => html`<div style="width:40rem">${story()}</div>`],
};

/** A member scanned a card: greeted by first name, today's count goes up. */
export const KioskWelcome: Story = {
  args: { mode: 'kiosk' },
  play: async ({ canvasElement }) => void (await scan(canvasElement, 'BTG-2026-000123')),
};

/** An unknown member number: a clear message and a way to continue as a guest. */
export const KioskUnknownMember: Story = {
  args: { mode: 'kiosk' },
  play: async ({ canvasElement }) => void (await scan(canvasElement, 'BTG-2026-999999')),
};

/** The guest form. */
export const KioskGuest: Story = {
  args: { mode: 'kiosk' },
  play: async ({ canvasElement }) => {
    const widget = await kioskIn(canvasElement);
    [...widget.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent === 'Saya tamu')!.click();
  },
};

/** The network is gone: the check-in waits in the outbox, and the kiosk says how many wait. */
export const KioskOffline: Story = {
  args: { mode: 'kiosk', api: mockApi.offline },
  play: async ({ canvasElement }) => void (await scan(canvasElement, 'BTG-2026-000101')),
};

/** English, from the element's own `lang`. */
export const English: Story = { args: { lang: 'en', breakdown: true, chart: true } };

/** Dark, forced by `theme="dark"` (without it the widget follows the visitor's setting). */
export const Dark: Story = {
  args: { theme: 'dark', breakdown: true, chart: true },
  parameters: { backgrounds: { disable: true } },
  decorators: [(story) => html`<div style="background:#0d1117;padding:1rem">${story()}</div>`],
};

/** A cheap phone, 320 px wide. */
export const NarrowPhone: Story = {
  args: { breakdown: true, chart: true },
  decorators: [(story) => html`<div style="width:320px;outline:1px dashed #999">${story()}</div>`],
};

/** Themed by the host page: global `--pustaka-*` tokens, the component's knobs and `::part()`. */
export const Themed: Story = {
  args: { chart: true },
  decorators: [
    (story) =>
      html`<style>
          .school-theme {
            --pustaka-color-primary: #14532d;
            --pustaka-font-family: Georgia, serif;
          }
          .school-theme pustaka-visit-counter {
            --figure-size: 3.5rem;
            --bar-color: #b45309;
          }
          .school-theme pustaka-visit-counter::part(total) {
            color: #14532d;
          }
        </style>
        <div class="school-theme">${story()}</div>`,
  ],
};
