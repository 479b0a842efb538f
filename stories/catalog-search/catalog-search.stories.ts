import '@pustaka/catalog-search';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { installMockApi, mockApi } from './mock-api.js';

// Every story answers from a stand-in of the API (see mock-api.ts); the browser tests use the real server.
installMockApi();

interface Args {
  api: string;
  library: string;
  lang: string;
  perPage: number;
  compact: boolean;
  theme: '' | 'light' | 'dark';
}

/** The widget of a story, once it has rendered. */
async function widgetIn(canvas: HTMLElement) {
  await customElements.whenDefined('pustaka-catalog-search');
  const widget = canvas.querySelector('pustaka-catalog-search')!;
  await widget.updateComplete;
  return widget;
}

/** Types into the search box as a visitor would, and waits for the answer. */
async function type(canvas: HTMLElement, text: string, { settle = true } = {}) {
  const widget = await widgetIn(canvas);
  const input = widget.shadowRoot!.querySelector('input')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  if (settle) await new Promise((resolve) => widget.addEventListener('pustaka-search', resolve, { once: true }));
  return widget;
}

const meta: Meta<Args> = {
  title: 'Widgets/Catalog search',
  component: 'pustaka-catalog-search',
  tags: ['autodocs'],
  args: { api: mockApi.ok, library: 'sman-1-bontang', lang: '', perPage: 10, compact: false, theme: '' },
  argTypes: {
    api: { control: 'select', options: Object.values(mockApi) },
    lang: { control: 'select', options: ['', 'id', 'en'] },
    theme: { control: 'select', options: ['', 'light', 'dark'] },
  },
  decorators: [
    (story) => {
      // The Offline story overrides the browser's flag: every story starts from the browser's own again.
      delete (navigator as { onLine?: boolean }).onLine;
      return story();
    },
  ],
  render: (args) =>
    html`<pustaka-catalog-search
      api=${args.api}
      library=${args.library || nothing}
      lang=${args.lang || nothing}
      per-page=${args.perPage}
      theme=${args.theme || nothing}
      ?compact=${args.compact}
    ></pustaka-catalog-search>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Nothing typed yet: the ten DDC themes invite children to browse without typing. */
export const ThemeBrowsing: Story = {};

/** Results for "andrea", the site's own library named first in each availability line. */
export const Results: Story = {
  play: async ({ canvasElement }) => void (await type(canvasElement, 'andrea')),
};

/** Suggestions while typing, a WAI-ARIA combobox: arrow keys move, Enter picks, Escape closes. */
export const Suggestions: Story = {
  play: async ({ canvasElement }) => {
    const widget = await type(canvasElement, 'la');
    await widget.updateComplete;
  },
};

/** A search on its way (this stand-in never answers). */
export const Loading: Story = {
  args: { api: mockApi.slow },
  play: async ({ canvasElement }) => void (await type(canvasElement, 'laskar', { settle: false })),
};

/** Nothing matches: what was typed stays, with advice. */
export const Empty: Story = {
  play: async ({ canvasElement }) => void (await type(canvasElement, 'zzzz')),
};

/** The server failed: a plain sentence and a retry; the words typed are kept. */
export const ServerError: Story = {
  args: { api: mockApi.error },
  play: async ({ canvasElement }) => void (await type(canvasElement, 'laskar', { settle: false })),
};

/** The browser is online but the server cannot be reached: not the visitor's connection, so not "offline". */
export const Unreachable: Story = {
  args: { api: mockApi.offline },
  play: async ({ canvasElement }) => void (await type(canvasElement, 'laskar', { settle: false })),
};

/**
 * No connection: the offline sentence and a retry. The story tells the widget the browser is offline, as a phone
 * losing its signal would; the search starts again by itself when the `online` event comes.
 */
export const Offline: Story = {
  args: { api: mockApi.offline },
  play: async ({ canvasElement }) => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    dispatchEvent(new Event('offline'));
    await type(canvasElement, 'laskar', { settle: false });
  },
};

/** A bad `api` attribute: a visible "not set up correctly" message instead of an exception, and no retry. */
export const SetupError: Story = {
  args: { api: 'ftp://katalog.example' },
  play: async ({ canvasElement }) => void (await type(canvasElement, 'laskar', { settle: false })),
};

/** A record's copies in every library: location, call number, status, address and opening hours. */
export const RecordDetail: Story = {
  play: async ({ canvasElement }) => {
    const widget = await type(canvasElement, 'fiqih');
    widget.shadowRoot!.querySelector<HTMLButtonElement>('[part="result-title"]')!.click();
  },
};

/** Long titles, subtitles and names wrap instead of widening the page. */
export const LongText: Story = {
  play: async ({ canvasElement }) => void (await type(canvasElement, 'sejarah')),
};

/** Catalogue text is data: a title like `<img src=x onerror=alert(1)>` renders as those characters. */
export const HostileText: Story = {
  play: async ({ canvasElement }) => void (await type(canvasElement, 'img')),
};

/** English, from the element's own `lang`. */
export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => void (await type(canvasElement, 'andrea')),
};

/** Dark, forced by `theme="dark"` (without it the widget follows the visitor's setting). */
export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: { backgrounds: { disable: true } },
  decorators: [(story) => html`<div style="background:#0d1117;padding:1rem">${story()}</div>`],
  play: async ({ canvasElement }) => void (await type(canvasElement, 'andrea')),
};

/** A cheap phone, 320 px wide. */
export const NarrowPhone: Story = {
  decorators: [(story) => html`<div style="width:320px;outline:1px dashed #999">${story()}</div>`],
  play: async ({ canvasElement }) => void (await type(canvasElement, 'sejarah')),
};

/** `compact`: a search box whose results open below it, over the page. */
export const Compact: Story = {
  args: { compact: true },
  decorators: [
    (story) => html`<div style="max-width:28rem;min-height:30rem">${story()}<p>Isi halaman sekolah…</p></div>`,
  ],
  play: async ({ canvasElement }) => void (await type(canvasElement, 'andrea')),
};

/** Themed by the host page: global `--pustaka-*` tokens and `::part()`. */
export const Themed: Story = {
  decorators: [
    (story) =>
      html`<style>
          .school-theme {
            --pustaka-color-primary: #14532d;
            --pustaka-radius: 1rem;
            --pustaka-font-family: Georgia, serif;
          }
          .school-theme pustaka-catalog-search::part(theme) {
            border-width: 2px;
          }
        </style>
        <div class="school-theme">${story()}</div>`,
  ],
};
