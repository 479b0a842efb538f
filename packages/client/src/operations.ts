/**
 * The one table of the client: where the contract serves each operation, keyed by its `operationId`. The named
 * methods (`client.catalog.search`) and `client.request()` both go through it; every type of a call (path
 * parameters, query, body, result) comes from the generated `operations` of that id, never from this file.
 */
import type { operations } from '@pustaka/spec/schema';
import type { ApiMethod, ApiPath, Operation } from './types.js';

/** The `operationId` of every operation of the contract, e.g. `'searchCatalog'`. */
export type OperationId = keyof operations;

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** A `?` when the operation takes query parameters, as the named methods must know at runtime. */
type QueryMark<O> = O extends { parameters: { query?: infer Query } }
  ? [NonNullable<Query>] extends [never]
    ? ''
    : '?'
  : '';

/**
 * `'get /v1/libraries/{libraryId}'`: the method and path at which the contract serves the operation `Id`, and a
 * `?` after the path when it takes query parameters (`'get /v1/catalog/search?'`).
 */
export type RouteOf<Id extends OperationId> = {
  [P in ApiPath]: {
    [M in ApiMethod]: Equal<Operation<P, M>, operations[Id]> extends true
      ? `${M} ${P}${QueryMark<operations[Id]>}`
      : never;
  }[ApiMethod];
}[ApiPath];

/**
 * Every operation of the contract, by `operationId`. The compiler checks each entry against the generated
 * `paths` (`satisfies`): a wrong method or path, a missing or an unknown operation fails the typecheck, so
 * `npm run generate` after a contract change points here.
 */
export const operationRoutes = {
  getHealth: 'get /v1/health',
  listLibraries: 'get /v1/libraries?',
  getLibrary: 'get /v1/libraries/{libraryId}',
  searchCatalog: 'get /v1/catalog/search?',
  suggestCatalog: 'get /v1/catalog/suggestions?',
  getCatalogRecord: 'get /v1/catalog/records/{recordId}',
  importCatalog: 'post /v1/catalog/imports?',
  recordVisit: 'post /v1/visits',
  getVisitStats: 'get /v1/visits/stats?',
  getVisitImpact: 'get /v1/visits/impact?',
  recordWebVisit: 'post /v1/visits/web',
  getKiosk: 'get /v1/visits/kiosk',
  getMembershipForm: 'get /v1/membership/form?',
  listRegistrations: 'get /v1/membership/registrations?',
  createRegistration: 'post /v1/membership/registrations',
  approveRegistration: 'post /v1/membership/registrations/{registrationId}/approve',
} as const satisfies { [Id in OperationId]: RouteOf<Id> };

/** Whether an operation declares the `Idempotency-Key` header, as a type. */
type Idempotent<O> = O extends { parameters: { header?: infer Header } }
  ? [NonNullable<Header>] extends [never]
    ? false
    : 'Idempotency-Key' extends keyof NonNullable<Header>
      ? true
      : false
  : false;

/** The operations served by POST that do NOT declare an `Idempotency-Key`: none, as the assertion below checks. */
type PostsWithoutKey = {
  [Id in OperationId]: RouteOf<Id> extends `post ${string}`
    ? Idempotent<operations[Id]> extends true
      ? never
      : Id
    : never;
}[OperationId];

type Assert<Check extends true> = Check;

/**
 * The client gives every POST an `Idempotency-Key` and lets ky retry POSTs (`client.ts`). That is safe only
 * because every write of the contract declares the key: a POST added without one fails the typecheck here,
 * before a retry could perform it twice.
 */
export type EveryPostIsIdempotent = Assert<[PostsWithoutKey] extends [never] ? true : false>;
