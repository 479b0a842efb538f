/**
 * `@pustaka/client`: a typed client for the Pustaka v1 API, for browsers and Node. Every type comes from the
 * OpenAPI contract through the generated `paths`, `operations` and `components`.
 *
 * @example
 * import { createPustakaClient, PustakaApiError } from '@pustaka/client';
 *
 * const client = createPustakaClient({ baseUrl: 'https://pustaka.bontangkota.go.id' });
 * const { total, items } = await client.catalog.search({ q: 'laskar pelangi', available: true });
 */
export { createPustakaClient } from './client.js';
export type { PustakaClient, PustakaClientOptions, RequestMethod } from './client.js';
export type { NamedCall, PathsFor, RequestInitOf, RequestOptions, ResultIn } from './call-types.js';
export type { ImportBody, ImportRequest, NamedMethods } from './methods.js';
export { operationRoutes } from './operations.js';
export type { RetryEvent, RetryOptions } from './transport.js';
export type { OperationId, RouteOf } from './operations.js';
export { PustakaApiError, PustakaError, PustakaNetworkError, PustakaTimeoutError } from './errors.js';
export type { ApiProblem, ErrorCode, FailedRequest, PustakaErrorKind } from './errors.js';
export type * from './types.js';
