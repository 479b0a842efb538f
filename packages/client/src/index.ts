/**
 * `@pustaka/client`: a typed client for the Pustaka v1 API, on one `ky` instance. Every type comes from the
 * OpenAPI contract through the generated `paths` and `components`.
 *
 * @example
 * import { createPustakaClient, PustakaApiError } from '@pustaka/client';
 *
 * const client = createPustakaClient({ baseUrl: 'https://pustaka.bontangkota.go.id' });
 * const { total, items } = await client.catalog.search({ q: 'laskar pelangi', available: true });
 */
export { createPustakaClient } from './client.js';
export type { ImportBody, ImportRequest, PustakaClient, PustakaClientOptions, RequestOptions } from './client.js';
export { PustakaApiError, PustakaError, PustakaNetworkError, PustakaTimeoutError } from './errors.js';
export type { PustakaErrorKind } from './errors.js';
export type * from './types.js';
