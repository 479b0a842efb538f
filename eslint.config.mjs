// Lint for the whole monorepo: JavaScript and TypeScript rules everywhere, Lit and web-component rules
// where elements live.
import js from '@eslint/js';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

const browserElements = ['packages/*/src/**/*.ts', 'stories/**/*.ts'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'storybook-static/**',
      'packages/spec/schema.d.ts',
      'custom-elements.json',
      'data/**',
      // Scratch measurements (git-ignored, like bench-results/).
      'bench/tmp-*/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        document: 'readonly',
        window: 'readonly',
        customElements: 'readonly',
        location: 'readonly',
        AbortController: 'readonly',
        globalThis: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Types come from the contract (handlers, client, widgets); `any` would let a mismatch through unseen.
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // A regular expression that backtracks super-linearly froze the whole server on one long catalogue field
    // (issue 11: 28 s for a 100,000-character title). Catalogue text, URLs and headers come from outside.
    plugins: { regexp },
    rules: { 'regexp/no-super-linear-backtracking': 'error' },
  },
  {
    // Where outside text arrives, also no expression that a long input makes scan again from every position.
    files: ['packages/server/src/**/*.ts'],
    rules: { 'regexp/no-super-linear-move': 'error' },
  },
  { ...litConfigs['flat/recommended'], files: browserElements },
  { ...wcConfigs['flat/recommended'], files: browserElements },
);
