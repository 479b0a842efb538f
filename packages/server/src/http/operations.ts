import type { FastifyReply, FastifyRequest } from 'fastify';
import type { operations } from '@pustaka/spec/schema';
import type { Principal } from '../auth/principal.js';
import type { Stores } from '../storage/stores.js';
import type { CommitWithAnswer } from './exactly-once.js';
import type { Upload } from './upload.js';

/** The contract's operationIds: `searchCatalog`, `getLibrary`, ... */
export type OperationId = keyof operations;

type Operation<Id extends OperationId> = operations[Id];

/** A request part the generated types mark `?: never` (the operation has none) arrives as an empty object. */
type Part<P> = [NonNullable<P>] extends [never] ? Record<string, never> : NonNullable<P>;

/** The validated query of an operation (defaults of the contract filled in by the validator). */
export type QueryOf<Id extends OperationId> = Part<Operation<Id>['parameters']['query']>;

/** The path parameters of an operation. */
export type PathParamsOf<Id extends OperationId> = Part<Operation<Id>['parameters']['path']>;

type RequestBody<Id extends OperationId> = Operation<Id>['requestBody'];

/**
 * The body of an operation: its JSON (validated; `undefined` where the contract makes it optional), an Upload
 * for a file body (catalogue imports, read as they arrive), `undefined` when it takes none.
 */
export type BodyOf<Id extends OperationId> = [NonNullable<RequestBody<Id>>] extends [never]
  ? undefined
  : NonNullable<RequestBody<Id>> extends { content: { 'application/json': infer Json } }
    ? Json | (undefined extends RequestBody<Id> ? undefined : never)
    : Upload;

type SuccessStatus = 200 | 201 | 202 | 203;
type Responses<Id extends OperationId> = Operation<Id>['responses'];
type JsonOf<Response> = Response extends { content: { 'application/json': infer Json } } ? Json : never;

/** The JSON body of an operation's success answer, as the contract declares it. */
export type ResultOf<Id extends OperationId> = {
  [Status in keyof Responses<Id>]: Status extends SuccessStatus ? JsonOf<Responses<Id>[Status]> : never;
}[keyof Responses<Id>];

export interface OperationContext<Id extends OperationId> {
  request: FastifyRequest;
  reply: FastifyReply;
  query: QueryOf<Id>;
  params: PathParamsOf<Id>;
  body: BodyOf<Id>;
  /** The checked credential, for operations that ask for one. */
  principal: Principal | undefined;
  stores: Stores;
  /** Commits store writes with this request's answer (http/exactly-once.ts); the handler still returns the body. */
  commit: CommitWithAnswer;
}

/**
 * What a handler answers: the operation's success body (sent as JSON, status 200 unless the handler sets
 * another), or the reply itself once the handler has sent it (`304 Not Modified`).
 */
export type OperationResult<Id extends OperationId> = ResultOf<Id> | FastifyReply;

export type OperationHandler<Id extends OperationId> = (
  context: OperationContext<Id>,
) => OperationResult<Id> | Promise<OperationResult<Id>>;

/** Handlers by the contract's operationId. An operation without one answers 501 `not_implemented`. */
export type OperationHandlers = { [Id in OperationId]?: OperationHandler<Id> };

/** The parts of a request as Fastify hands them over, not yet known to fit any one operation. */
export interface ValidatedRequestParts {
  query: unknown;
  params: unknown;
  body: unknown;
}

/** A handler as the router calls it: with the parts of a request Fastify has validated against its operation. */
export type RoutedHandler = (
  context: Omit<OperationContext<OperationId>, 'query' | 'params' | 'body'> & ValidatedRequestParts,
) => Promise<unknown>;

const isOperationId = (handlers: OperationHandlers, operationId: string): operationId is OperationId =>
  Object.hasOwn(handlers, operationId);

/**
 * The handler of an operation, for the router. This is the one place where the types of the contract meet
 * Fastify's untyped request: the route of `operationId` validates query, path and body against the same
 * contract that `operations` is generated from (http/contract.ts `routeSchema`), so the parts have the
 * handler's types once validation has passed. TypeScript cannot follow that link, hence the one cast.
 */
export function routedHandler(handlers: OperationHandlers, operationId: string): RoutedHandler | undefined {
  if (!isOperationId(handlers, operationId)) return undefined;
  const handler = handlers[operationId];
  if (!handler) return undefined;
  return async (context) => (handler as unknown as (context: unknown) => unknown)(context);
}
