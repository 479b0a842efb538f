/**
 * The types of a call, derived from one generated operation (`operations[id]`, the same type as
 * `paths[path][method]`): what `client.request()` takes, and the signature of each named method. Nothing here
 * names an operation; `operations.ts` says where each is served.
 */
import type { operations, paths } from '@pustaka/spec/schema';
import type { OperationId, RouteOf } from './operations.js';
import type { ApiMethod, ApiPath } from './types.js';

/** What every call takes besides its parameters. */
export interface RequestOptions {
  /**
   * Cancels the request, and any retry still waiting. The call then rejects with the signal's reason (a native
   * `AbortError` `DOMException` for `controller.abort()`), never with a `PustakaError`, so stale requests
   * are easy to ignore.
   *
   * @default undefined
   */
  signal?: AbortSignal;
  /**
   * The `Idempotency-Key` header. Every write gets a fresh UUID per call, which every automatic retry of that
   * call reuses; pass your own to make a later, manual retry safe as well (say the user presses "Send" again
   * after being offline). Given to a read, it is sent as it is.
   *
   * @default crypto.randomUUID(), once per call, for writes
   */
  idempotencyKey?: string;
  /**
   * Headers for this call only, over the client's; a header set to `undefined` is not sent.
   *
   * @default {}
   */
  headers?: Record<string, string | undefined>;
}

/**
 * Bytes of a file: DOM's `BufferSource`, spelled in ES types so that a Node project without the DOM library
 * can read these declarations.
 */
export type Bytes = ArrayBuffer | ArrayBufferView;

/** What every generated operation looks like. */
interface AnyOperation {
  parameters: { query?: unknown; path?: unknown };
  requestBody?: unknown;
  responses: object;
}

/** The keys of `T` that must be given. */
type RequiredKeys<T> = { [K in keyof T]-?: Pick<T, K> extends Required<Pick<T, K>> ? K : never }[keyof T];

/** Whether a generated field exists (`query?: never` does not). */
type Present<T> = [NonNullable<T>] extends [never] ? false : true;

type PathParamsIn<O extends AnyOperation> = NonNullable<O['parameters']['path']>;
type QueryIn<O extends AnyOperation> = NonNullable<O['parameters']['query']>;

/**
 * A field named `Key` holding `T`: absent when the contract declares none (`never`), optional when `T` may be
 * undefined, required otherwise. (Written with `undefined extends`: `Pick` of a generated optional field loses
 * its `?` inside a generic type.)
 */
type Field<Key extends string, T> =
  Present<T> extends false
    ? { [K in Key]?: never }
    : undefined extends T
      ? { [K in Key]?: NonNullable<T> }
      : { [K in Key]: T };

/** The path and query parameters an operation declares (`{ path: { libraryId } }`), without those it has none of. */
type ParamsOf<O extends AnyOperation> = Field<'path', O['parameters']['path']> &
  Field<'query', O['parameters']['query']>;

/**
 * What a request body may be: the JSON the contract describes, or for an operation that takes a file (a catalogue
 * import) text or bytes, sent with the `Content-Type` of a `Blob` or of the call's `headers`.
 */
type BodyOf<Content> = Content extends { 'application/json': infer Json }
  ? Json
  : Content[keyof Content] | Blob | Bytes;

/** `{ body }` when the operation requires one, `{ body? }` when it takes an optional one, nothing otherwise. */
type BodyField<O extends AnyOperation> = Field<
  'body',
  Present<O['requestBody']> extends false
    ? never
    : NonNullable<O['requestBody']> extends { content: infer Content }
      ? BodyOf<Content> | (undefined extends O['requestBody'] ? undefined : never)
      : never
>;

/** `{ params }` when a parameter is required, `{ params? }` when all are optional, nothing when there are none. */
type ParamsField<O extends AnyOperation> = [Present<O['parameters']['path'] | O['parameters']['query']>] extends [false]
  ? { params?: never }
  : [RequiredKeys<ParamsOf<O>>] extends [never]
    ? { params?: ParamsOf<O> }
    : { params: ParamsOf<O> };

/** The third argument of `client.request()`: the operation's parameters and body, and the call's options. */
export type RequestInitOf<O extends AnyOperation> = ParamsField<O> & BodyField<O> & RequestOptions;

/** That argument, optional when the operation needs nothing (no required parameter, no required body). */
export type InitArgs<O extends AnyOperation> = [RequiredKeys<RequestInitOf<O>>] extends [never]
  ? [init?: RequestInitOf<O>]
  : [init: RequestInitOf<O>];

type SuccessStatus = 200 | 201 | 202 | 203 | 204;

/** The JSON body of an operation's success answers (2xx). */
export type ResultIn<O extends AnyOperation> = O['responses'][SuccessStatus & keyof O['responses']] extends {
  content: { 'application/json': infer Json };
}
  ? Json
  : never;

/** The paths of the contract that serve `method`: every path with a `post` for `'post'`. */
export type PathsFor<M extends ApiMethod> = {
  [P in ApiPath]: Present<paths[P][M]> extends true ? P : never;
}[ApiPath];

/** The names of a path's parameters, in order: `['recordId']` for `/v1/catalog/records/{recordId}`. */
type ParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? [Name, ...ParamNames<Rest>]
  : [];

/** A path parameter is passed by value: `get('dispusip-bontang')`; several, in the order of the path. */
type PathArgs<O extends AnyOperation, Names extends string[]> = Names extends [infer Name extends keyof PathParamsIn<O>]
  ? [id: PathParamsIn<O>[Name]]
  : { [I in keyof Names]: PathParamsIn<O>[Names[I] & keyof PathParamsIn<O>] };

/** After the path parameters: the query of a GET or the body of a POST, optional when nothing in it is required. */
export type InputArgs<M extends string, O extends AnyOperation> = M extends 'get'
  ? Present<O['parameters']['query']> extends false
    ? []
    : undefined extends O['parameters']['query']
      ? [params?: QueryIn<O>]
      : [params: QueryIn<O>]
  : Present<O['parameters']['query']> extends true
    ? never // a write with a query as well needs an adapter of its own (see `catalog.import`)
    : BodyField<O> extends { body: infer Body }
      ? [body: Body]
      : [body?: BodyField<O>['body']]; // a POST without a body keeps the place (`named()` in client.ts)

/**
 * The signature of the named method of the operation `Id`: its path parameters in order, then the query of a
 * GET or the body of a POST, then the call's options.
 *
 * @example NamedCall<'getLibrary'> // (id: string, options?: RequestOptions) => Promise<Library>
 */
export type NamedCall<Id extends OperationId> =
  RouteOf<Id> extends `${infer M} ${infer Path}`
    ? (
        ...args: [
          ...PathArgs<operations[Id], ParamNames<Path>>,
          ...InputArgs<M, operations[Id]>,
          options?: RequestOptions,
        ]
      ) => Promise<ResultIn<operations[Id]>>
    : never;
