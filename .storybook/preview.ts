import type { Preview } from '@storybook/web-components-vite';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  globalTypes: {
    lang: {
      description: 'Page language',
      toolbar: { title: 'Bahasa', icon: 'globe', items: [{ value: 'id', title: 'Indonesia' }, { value: 'en', title: 'English' }] },
    },
  },
  initialGlobals: { lang: 'id' },
  decorators: [
    (story, context) => {
      // Widgets read the page language; the toolbar sets it the way a host site would.
      document.documentElement.lang = context.globals.lang ?? 'id';
      return story();
    },
  ],
};
export default preview;
