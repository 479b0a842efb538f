/**
 * Type tests of the handler types, checked by the repository's typecheck (`npx tsc -p tsconfig.json`), never
 * run: every `@ts-expect-error` line must fail to compile, every other line must compile. Everything a handler
 * sees and answers comes from the generated `operations`.
 */
import {
  ProblemError,
  type BodyOf,
  type OperationHandlers,
  type PathParamsOf,
  type QueryOf,
  type ResultOf,
} from '@pustaka/server';
import type { components } from '@pustaka/spec/schema';

type Schemas = components['schemas'];
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | void {}

// Query, path and body per operation.
expectType<Equal<QueryOf<'searchCatalog'>['format'], Schemas['Format'][] | undefined>>();
expectType<Equal<QueryOf<'importCatalog'>['format'], Schemas['ImportFormat']>>();
expectType<Equal<PathParamsOf<'getLibrary'>, { libraryId: string }>>();
expectType<Equal<BodyOf<'recordVisit'>, Schemas['VisitRequest']>>();
// approveRegistration's body is optional in the contract.
expectType<Equal<BodyOf<'approveRegistration'>, Schemas['ApproveRequest'] | undefined>>();
expectType<Equal<BodyOf<'getHealth'>, undefined>>();
// The success answer.
expectType<Equal<ResultOf<'searchCatalog'>, Schemas['SearchResult']>>();
expectType<Equal<ResultOf<'getLibrary'>, Schemas['Library']>>();

declare const library: Schemas['Library'];
export const typed: OperationHandlers = {
  suggestCatalog: ({ query }) => ({ items: [{ kind: 'title', text: query.q }] }),
  getLibrary: async ({ params }) => ({ ...library, id: params.libraryId }),
  // A handler that has sent the reply itself (304) answers the reply.
  getCatalogRecord: ({ reply }) => reply.code(304).send(),
};
export const wrongParameter: OperationHandlers = {
  // @ts-expect-error -- `qq` is not a parameter of suggestCatalog
  suggestCatalog: ({ query }) => ({ items: [{ kind: 'title', text: query.qq }] }),
};
export const wrongAnswer: OperationHandlers = {
  // @ts-expect-error -- getLibrary answers a Library, not a list
  getLibrary: () => ({ total: 0, page: 1, per_page: 20, items: [] }),
};
export const unknownOperation: OperationHandlers = {
  // @ts-expect-error -- there is no operation `getLibraries`
  getLibraries: () => undefined,
};

// @ts-expect-error -- a problem code the contract does not list
export const unknownCode = new ProblemError(404, 'library_not_found', 'No such library.');
