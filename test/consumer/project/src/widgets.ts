// The widget packages the page imports. The test rewrites this file in its copy of the project from every
// workspace package with `"pustaka": { "widget": "<tag>" }`; this one keeps the template compiling.
import '@pustaka/catalog-search';

export const tags = ['pustaka-catalog-search'] as const;
