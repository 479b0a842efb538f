import type { StorybookConfig } from '@storybook/web-components-vite';

// Stories live in /stories; widgets import workspace packages from source (the "development" condition).
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    viteConfig.resolve ??= {};
    viteConfig.resolve.conditions = ['development', 'browser', 'module', 'import', 'default'];
    return viteConfig;
  },
};
export default config;
