import ky, { HTTPError, TimeoutError, type Options, type RetryOptions } from 'ky';
import { PustakaApiError, PustakaNetworkError, PustakaTimeoutError } from './errors.js';
import type {
  ApiMethod,
  ApiPath,
  ApprovedMember,
  ApproveRequest,
  CatalogRecord,
  Health,
  ImportFormat,
  ImportParams,
  ImportReport,
  JsonBodyOf,
  Library,
  LibraryId,
  LibraryList,
  LibraryListParams,
  MembershipForm,
  MembershipFormParams,
  Operation,
  PathParamsOf,
  QueryOf,
  RecordId,
  RegistrationId,
  RegistrationList,
  RegistrationListParams,
  RegistrationReceipt,
  RegistrationRequest,
  ResultOf,
  SearchParams,
  SearchResult,
  SuggestionList,
  SuggestParams,
  Visit,
  VisitRequest,
  VisitStats,
  VisitStatsParams,
} from './types.js';

/** How to reach the Pustaka server, and how patiently. */
export interface PustakaClientOptions {
  /**
   * Where the server answers: its origin, plus the path it is mounted under if any; without `/v1`.
   *
   * @example 'https://pustaka.bontangkota.go.id'
   * @example location.origin
   */
  baseUrl: string | URL;
  /**
   * The library's public site key (`pk_...`), sent as `X-Pustaka-Key` with writes (`visits.record`,
   * `membership.register`), which need it when they come from a website. Reads of public data need no
   * credential, so they go without it and stay simple CORS requests (no preflight per keystroke).
   *
   * @default undefined
   */
  siteKey?: string;
  /**
   * A secret kiosk (`kt_...`) or staff (`sk_...`) token, sent as `Authorization: Bearer <token>` with every
   * request. Never put one in a public web page.
   *
   * @default undefined
   */
  token?: string;
  /**
   * The `fetch` to use (for tracing, or a runtime without a global one). It is always called with a `Request`.
   *
   * @default globalThis.fetch
   */
  fetch?: (request: Request, init?: RequestInit) => Promise<Response>;
  /**
   * Milliseconds to wait for the answer of each attempt before failing with `PustakaTimeoutError`; `false`
   * waits as long as the network does.
   *
   * @default 10000
   */
  timeout?: number | false;
  /**
   * How to retry: a number of retries, or ky's retry options over the defaults. A call is retried twice (after
   * 0.3 s, then 0.6 s) on a network error and on 408, 429, 500, 502, 503 and 504 (and 413 when it says
   * `Retry-After`), waiting `Retry-After` when a 413, 429 or 503 gives one; a timeout is not retried. Writes are
   * retried too: every write of the v1 contract carries an `Idempotency-Key`, the same on each retry, so the
   * server performs it once. `0` never retries.
   *
   * @default { limit: 2, methods: ['get', 'post'] } // and ky's other defaults
   * @example 0
   * @example { limit: 4, backoffLimit: 2000 }
   */
  retry?: number | RetryOptions;
  /**
   * Headers sent with every request.
   *
   * @default {}
   */
  headers?: Record<string, string>;
}

/** What every method takes as its last, optional argument. */
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

type ImportContent = Operation<'/v1/catalog/imports', 'post'>['requestBody']['content'];

/**
 * The request body of `catalog.import()`: the file, as text (the contract's type) or as bytes, which an ISO 2709
 * file is (the generator types the contract's binary string as `string`). Its own type, if any, is replaced by
 * the media type of `format`.
 */
export type ImportBody = ImportContent[keyof ImportContent] | Blob | BufferSource;

/** The argument of `catalog.import()`. */
export interface ImportRequest extends ImportParams {
  /** The catalogue file, in the format named by `format`. */
  body: ImportBody;
}

/** A typed client for the Pustaka v1 API. Every method rejects with a `PustakaError` subclass or an `AbortError`. */
export interface PustakaClient {
  /** Liveness and version of the server. */
  system: {
    /**
     * Is the server up? Resolves when the server and its database answer; rejects with a `PustakaApiError`
     * (503, `unavailable`) when the database does not.
     *
     * @example
     * const { status, version } = await client.system.health();
     */
    health(options?: RequestOptions): Promise<Health>;
  };
  /** The libraries of the network, their addresses and opening hours. */
  libraries: {
    /**
     * One page of the libraries of the network, the city library first, then by kind and name.
     *
     * @example
     * const { total, items } = await client.libraries.list({ kind: ['school'], per_page: 50 });
     */
    list(params?: LibraryListParams, options?: RequestOptions): Promise<LibraryList>;
    /**
     * One library. Rejects with a `PustakaApiError` coded `not_found` for an unknown id.
     *
     * @example
     * const library = await client.libraries.get('dispusip-bontang');
     */
    get(libraryId: LibraryId, options?: RequestOptions): Promise<Library>;
  };
  /** The union catalogue of every library of the network, with live availability per library. */
  catalog: {
    /**
     * Searches the union catalogue: one record per work, with availability per library and facets over the
     * whole match. Pass the `signal` of the current keystroke to cancel the previous search.
     *
     * @example
     * const result = await client.catalog.search(
     *   { q: 'laskar pelangi', format: ['book', 'ebook'], available: true, per_page: 10 },
     *   { signal },
     * );
     */
    search(params?: SearchParams, options?: RequestOptions): Promise<SearchResult>;
    /**
     * Titles and authors that start with, or contain a word starting with, `q`; best first.
     *
     * @example
     * const { items } = await client.catalog.suggest({ q: 'lask', limit: 5 }, { signal });
     */
    suggest(params: SuggestParams, options?: RequestOptions): Promise<SuggestionList>;
    /**
     * One bibliographic record with its copies in every library. Rejects with `not_found` for an unknown id.
     *
     * @example
     * const record = await client.catalog.getRecord('rec_8f3a2c');
     */
    getRecord(recordId: RecordId, options?: RequestOptions): Promise<CatalogRecord>;
    /**
     * Imports a library's catalogue file (staff token). Records already known are updated, not duplicated;
     * broken records are listed in `problems`. Retried safely under one `Idempotency-Key`.
     *
     * @example
     * const report = await client.catalog.import({
     *   library: 'sman-1-bontang',
     *   format: 'marcxml',
     *   body: await file.text(),
     * });
     */
    import(request: ImportRequest, options?: RequestOptions): Promise<ImportReport>;
  };
  /** Library visits, recorded at the door and shown as public figures. */
  visits: {
    /**
     * Records a visit: a member, a guest or a group (kiosk token, or site key from an allowed origin). A repeat
     * check-in inside the repeat window resolves with `counted: false`. Retried safely under one `Idempotency-Key`.
     *
     * @example
     * const visit = await client.visits.record({ kind: 'member', member_number: 'BTG-2026-000123' });
     * if (visit.counted) greet(visit.greeting_name);
     */
    record(visit: VisitRequest, options?: RequestOptions): Promise<Visit>;
    /**
     * Public visit figures: totals, a series per day, week or month, and totals per library.
     *
     * @example
     * const stats = await client.visits.stats({ library: ['dispusip-bontang'], granularity: 'month' });
     */
    stats(params?: VisitStatsParams, options?: RequestOptions): Promise<VisitStats>;
  };
  /** Online registration for the city library card. */
  membership: {
    /**
     * What the registration form asks per member type, with the consent texts (and their versions) in the
     * requested language.
     *
     * @example
     * const form = await client.membership.form({ lang: 'en' });
     */
    form(params?: MembershipFormParams, options?: RequestOptions): Promise<MembershipForm>;
    /**
     * Registers for a library card (site key). The receipt never echoes personal data. Retried safely under
     * one `Idempotency-Key`.
     *
     * @example
     * const receipt = await client.membership.register({
     *   member_type: 'umum',
     *   full_name: 'Rina Lestari',
     *   nik: '6474015203900004',
     *   birth_date: '1990-03-12',
     *   sex: 'female',
     *   phone: '0812-3456-7890',
     *   address: { street: 'Jl. Cendana No. 5', district: 'Bontang Utara', city: 'Bontang' },
     *   consents: [{ id: 'card', version: '2026-11-01', granted: true }],
     * });
     * showReference(receipt.reference);
     */
    register(registration: RegistrationRequest, options?: RequestOptions): Promise<RegistrationReceipt>;
    /**
     * Registrations, newest first (staff token; a library's token sees its own library only).
     *
     * @example
     * const { items } = await client.membership.listRegistrations({ status: ['pending'] });
     */
    listRegistrations(params?: RegistrationListParams, options?: RequestOptions): Promise<RegistrationList>;
    /**
     * Approves a registration and issues the member number (staff token). Approving twice answers the same
     * member; a rejected registration answers `409`. Retried safely under one `Idempotency-Key`.
     *
     * @example
     * const { member_number } = await client.membership.approve('reg_01jd9x4k', { note: 'Kartu di loket.' });
     */
    approve(registrationId: RegistrationId, approval?: ApproveRequest, options?: RequestOptions): Promise<ApprovedMember>;
  };
}

type HeadersOf<P extends ApiPath, M extends ApiMethod> = NonNullable<Operation<P, M>['parameters']['header']>;

/** Whether the contract declares an `Idempotency-Key` header for the operation, as a type. */
type IdempotentOf<P extends ApiPath, M extends ApiMethod> = [HeadersOf<P, M>] extends [never]
  ? false
  : 'Idempotency-Key' extends keyof HeadersOf<P, M>
    ? true
    : false;

/** A path of the contract without its `/v1/` prefix, e.g. `'catalog/search'`. */
type Route = ApiPath extends infer P ? (P extends `/v1/${infer R}` ? R : never) : never;

/** The path of the contract that a route names. */
type PathOf<R extends Route> = Extract<ApiPath, `/v1/${R}`>;

/** One request, typed against the operation at `path` so that the wiring below cannot drift from the contract. */
interface Send<P extends ApiPath, M extends ApiMethod> {
  /** The value of the path's one parameter (`{libraryId}`, `{recordId}`, `{registrationId}`). */
  id?: PathParamsOf<P, M>[keyof PathParamsOf<P, M>];
  query?: QueryOf<P, M>;
  json?: JsonBodyOf<P, M>;
  body?: Blob;
}

/**
 * Every write of the v1 contract declares an `Idempotency-Key`, so `send` gives every POST one, and the client lets
 * ky retry POSTs. This type keeps that safe: wiring a POST whose operation does not declare the header fails the
 * typecheck. (Such a write must not be retried: its call would pass ky `retry: 0`.)
 */
type SendRequest<P extends ApiPath, M extends ApiMethod> = M extends 'post'
  ? IdempotentOf<P, M> extends true
    ? Send<P, M>
    : never
  : Send<P, M>;

/** The routes whose GET takes query parameters only. */
type QueryRoute = {
  [R in Route]: Operation<PathOf<R>, 'get'>['parameters'] extends { query?: object; path?: never } ? R : never;
}[Route];

/** The routes whose GET takes one path parameter only. */
type IdRoute = {
  [R in Route]: Operation<PathOf<R>, 'get'>['parameters'] extends { query?: never; path: object } ? R : never;
}[Route];

/** The routes whose POST takes a JSON body and an `Idempotency-Key` only. */
type JsonWriteRoute = {
  [R in Route]: IdempotentOf<PathOf<R>, 'post'> extends true
    ? Operation<PathOf<R>, 'post'>['parameters'] extends { query?: never; path?: never }
      ? R
      : never
    : never;
}[Route];

const importMediaTypes: Record<ImportFormat, keyof ImportContent> = {
  marcxml: 'application/marcxml+xml',
  iso2709: 'application/marc',
  'slims-csv': 'text/csv',
};

/**
 * Creates a client for one Pustaka server.
 *
 * @example
 * // A library's website: public reads, and writes with its site key.
 * const client = createPustakaClient({ baseUrl: 'https://pustaka.bontangkota.go.id', siteKey: 'pk_live_...' });
 * const { items } = await client.catalog.search({ q: 'laskar pelangi' });
 *
 * @example
 * // The kiosk at the library door.
 * const kiosk = createPustakaClient({ baseUrl, token: 'kt_...', timeout: 5000 });
 */
export function createPustakaClient(options: PustakaClientOptions): PustakaClient {
  const api = ky.create({
    prefixUrl: options.baseUrl,
    // ky leaves out a header set to undefined.
    headers: { authorization: options.token ? `Bearer ${options.token}` : undefined, ...options.headers },
    timeout: options.timeout,
    retry: {
      // ky retries no POST by default. Every write of the contract carries an Idempotency-Key (see SendRequest),
      // which makes it safe to retry.
      methods: ['get', 'post'],
      ...(typeof options.retry === 'number' ? { limit: options.retry } : options.retry),
    },
    fetch: options.fetch as Options['fetch'],
  });

  async function send<R extends Route, M extends ApiMethod>(
    method: M,
    route: R,
    request: SendRequest<PathOf<R>, M>,
    call: RequestOptions = {},
  ): Promise<ResultOf<PathOf<R>, M>> {
    const { id, query, json, body } = request as unknown as Send<PathOf<R>, M>;
    const write = method === 'post';

    try {
      const headers = {
        // Reads go without the site key, so that they stay simple CORS requests (no preflight).
        ...(write && options.siteKey && { 'x-pustaka-key': options.siteKey }),
        // ky leaves out a header set to undefined. crypto.randomUUID exists only in secure contexts (https,
        // localhost); a library's website may be served over plain http, where 128 random bits do as well.
        'idempotency-key':
          call.idempotencyKey ??
          (write ? (crypto.randomUUID?.() ?? crypto.getRandomValues(new Uint32Array(4)).join('-')) : undefined),
        ...call.headers,
      };
      // As the contract declares them (form, explode): an array as repeated keys (`format=book&format=ebook`),
      // undefined and null left out, booleans and numbers as `true` and `20`.
      const searchParams = Object.entries(query ?? {}).flatMap(([key, value]) =>
        [value].flat().flatMap((item: unknown) => (item == null ? [] : [[key, item]])),
      ) as [string, string][];
      // ky's prefixUrl refuses a path with a leading slash.
      const url = `v1/${route.replace(/{\w+}/, () => encodeURIComponent(id as string))}`;
      const response = await api(url, { method, headers, searchParams, json, body, signal: call.signal })
        // After its retries, ky throws an error answer as an HTTPError; its body is read like a success's.
        .catch((error: unknown) => {
          if (error instanceof HTTPError) return error.response;
          throw error;
        });
      const text = await response.text();
      let result: unknown;
      try {
        result = JSON.parse(text);
      } catch {
        // An HTML page from a proxy, or no body: the status still says what happened.
      }
      if (response.ok && result !== undefined) return result as ResultOf<PathOf<R>, M>;
      throw new PustakaApiError(response, result);
    } catch (error) {
      // A caller's abort passes through: fetch, ky's retry wait and the body all reject with the signal's reason.
      if (error instanceof TimeoutError) throw new PustakaTimeoutError();
      // fetch rejects with a TypeError when the network fails, in every browser and in Node.
      if (error instanceof TypeError) throw new PustakaNetworkError(error);
      throw error;
    }
  }

  const read =
    <R extends QueryRoute>(route: R) =>
    (query?: QueryOf<PathOf<R>, 'get'>, call?: RequestOptions) =>
      send('get', route, { query } as SendRequest<PathOf<R>, 'get'>, call);
  const readById =
    <R extends IdRoute>(route: R) =>
    (id: PathParamsOf<PathOf<R>, 'get'>[keyof PathParamsOf<PathOf<R>, 'get'>], call?: RequestOptions) =>
      send('get', route, { id } as SendRequest<PathOf<R>, 'get'>, call);
  const write =
    <R extends JsonWriteRoute>(route: R) =>
    (json: JsonBodyOf<PathOf<R>, 'post'>, call?: RequestOptions) =>
      send('post', route, { json } as SendRequest<PathOf<R>, 'post'>, call);

  return {
    system: {
      health: (call) => send('get', 'health', {}, call),
    },
    libraries: {
      list: read('libraries'),
      get: readById('libraries/{libraryId}'),
    },
    catalog: {
      search: read('catalog/search'),
      suggest: read('catalog/suggestions'),
      getRecord: readById('catalog/records/{recordId}'),
      // fetch sends a Blob's type as its Content-Type.
      import: ({ body, ...query }, call) =>
        send('post', 'catalog/imports', { query, body: new Blob([body], { type: importMediaTypes[query.format] }) }, call),
    },
    visits: {
      record: write('visits'),
      stats: read('visits/stats'),
    },
    membership: {
      form: read('membership/form'),
      register: write('membership/registrations'),
      listRegistrations: read('membership/registrations'),
      approve: (id, json, call) =>
        send('post', 'membership/registrations/{registrationId}/approve', { id, json }, call),
    },
  };
}
